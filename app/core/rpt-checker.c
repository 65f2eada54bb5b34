/* rpt-checker.c
 *
 * Copyright 2026 The Rapporteur authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "rpt-checker"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "rpt-checker-private.h"
#include "rpt-communication.h"
#include "rpt-error.h"
#include "rpt-letter-xml.h"
#include "rpt-mandate.h"
#include "rpt-markup.h"
#include "rpt-paragraph.h"
#include "rpt-person.h"
#include "rpt-signatory.h"
#include "rpt-template-private.h"

/**
 * RptChecker:
 *
 * The checks before sending (docs/checks.md), as a list model of
 * #RptCheck: errors first, then warnings, then the rest, each group in
 * the order of the letter.
 *
 * Set a letter and call rpt_checker_update(), or turn on
 * #RptChecker:auto-update to have the list follow the letter's changes a
 * moment after the drafter stops typing. An update changes only the
 * items that differ from the last run (one #GListModel::items-changed
 * over the smallest range), so a list view keeps its selection and its
 * scroll position; #RptChecker:n-errors and its siblings count what the
 * list holds, for a header bar.
 *
 * What the templates cannot write (a title missing in the letter's
 * language, a resolution the data lacks, unverified data) is found by
 * the template code itself, the same code that gives the export its
 * notes; the other checks look at the model.
 */

/* Long enough to wait for the end of a word, short enough to feel live. */
#define AUTO_UPDATE_DELAY_MS 400

struct _RptChecker
{
  GObject parent_instance;

  RptLetter *letter;
  RptReference *reference;
  RptTemplate *template;
  char *today;
  gboolean auto_update;
  guint update_source;

  GPtrArray *items;       /* RptCheck */
  GHashTable *text_cache; /* what each paragraph gave at the last update */
  guint counts[3];
  RptLetter *checked_letter;
  RptReference *checked_reference;
  guint64 checked_revision;
};

static void rpt_checker_list_model_init (GListModelInterface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (RptChecker,
                               rpt_checker,
                               G_TYPE_OBJECT,
                               G_IMPLEMENT_INTERFACE (G_TYPE_LIST_MODEL,
                                                      rpt_checker_list_model_init))

enum
{
  PROP_0,
  PROP_LETTER,
  PROP_REFERENCE,
  PROP_AUTO_UPDATE,
  PROP_UP_TO_DATE,
  PROP_N_ERRORS,
  PROP_N_WARNINGS,
  PROP_N_INFOS,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

/* ------------------------------------------------------------------ */
/* GListModel                                                          */

static GType
rpt_checker_get_item_type (GListModel *model)
{
  return RPT_TYPE_CHECK;
}

static guint
rpt_checker_get_n_items (GListModel *model)
{
  return RPT_CHECKER (model)->items->len;
}

static gpointer
rpt_checker_get_item (GListModel *model, guint position)
{
  RptChecker *self = RPT_CHECKER (model);

  if (position >= self->items->len)
    return NULL;
  return g_object_ref (self->items->pdata[position]);
}

static void
rpt_checker_list_model_init (GListModelInterface *iface)
{
  iface->get_item_type = rpt_checker_get_item_type;
  iface->get_n_items = rpt_checker_get_n_items;
  iface->get_item = rpt_checker_get_item;
}

/* ------------------------------------------------------------------ */
/* Object                                                              */

static void
rpt_checker_dispose (GObject *object)
{
  RptChecker *self = RPT_CHECKER (object);

  g_clear_handle_id (&self->update_source, g_source_remove);
  if (self->letter != NULL)
    g_signal_handlers_disconnect_by_data (self->letter, self);
  g_clear_object (&self->letter);
  g_clear_object (&self->reference);
  g_clear_object (&self->template);

  G_OBJECT_CLASS (rpt_checker_parent_class)->dispose (object);
}

static void
rpt_checker_finalize (GObject *object)
{
  RptChecker *self = RPT_CHECKER (object);

  g_ptr_array_unref (self->items);
  g_hash_table_unref (self->text_cache);
  g_free (self->today);

  G_OBJECT_CLASS (rpt_checker_parent_class)->finalize (object);
}

static void
rpt_checker_get_property (GObject *object, guint prop_id, GValue *value, GParamSpec *pspec)
{
  RptChecker *self = RPT_CHECKER (object);

  switch (prop_id)
    {
    case PROP_LETTER:
      g_value_set_object (value, self->letter);
      break;
    case PROP_REFERENCE:
      g_value_set_object (value, self->reference);
      break;
    case PROP_AUTO_UPDATE:
      g_value_set_boolean (value, self->auto_update);
      break;
    case PROP_UP_TO_DATE:
      g_value_set_boolean (value, rpt_checker_get_up_to_date (self));
      break;
    case PROP_N_ERRORS:
      g_value_set_uint (value, self->counts[RPT_CHECK_SEVERITY_ERROR]);
      break;
    case PROP_N_WARNINGS:
      g_value_set_uint (value, self->counts[RPT_CHECK_SEVERITY_WARNING]);
      break;
    case PROP_N_INFOS:
      g_value_set_uint (value, self->counts[RPT_CHECK_SEVERITY_INFO]);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
rpt_checker_set_property (GObject *object, guint prop_id, const GValue *value, GParamSpec *pspec)
{
  RptChecker *self = RPT_CHECKER (object);

  switch (prop_id)
    {
    case PROP_LETTER:
      rpt_checker_set_letter (self, g_value_get_object (value));
      break;
    case PROP_REFERENCE:
      rpt_checker_set_reference (self, g_value_get_object (value));
      break;
    case PROP_AUTO_UPDATE:
      rpt_checker_set_auto_update (self, g_value_get_boolean (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
rpt_checker_class_init (RptCheckerClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GParamFlags rw = G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS;
  GParamFlags ro = G_PARAM_READABLE | G_PARAM_STATIC_STRINGS;

  object_class->dispose = rpt_checker_dispose;
  object_class->finalize = rpt_checker_finalize;
  object_class->get_property = rpt_checker_get_property;
  object_class->set_property = rpt_checker_set_property;

  properties[PROP_LETTER] = g_param_spec_object ("letter", NULL, NULL, RPT_TYPE_LETTER, rw);
  /**
   * RptChecker:reference:
   *
   * The reference data the letter is checked against; %NULL for
   * rpt_reference_get_default() at each update.
   */
  properties[PROP_REFERENCE] =
    g_param_spec_object ("reference", NULL, NULL, RPT_TYPE_REFERENCE, rw);
  /**
   * RptChecker:auto-update:
   *
   * Whether the checks run again by themselves a moment after the letter
   * changes (in the thread-default main context of the caller).
   */
  properties[PROP_AUTO_UPDATE] = g_param_spec_boolean ("auto-update", NULL, NULL, FALSE, rw);
  /**
   * RptChecker:up-to-date:
   *
   * Whether the list is what the checks say of the letter as it is now.
   * Notified at each update and at each change of the letter.
   */
  properties[PROP_UP_TO_DATE] = g_param_spec_boolean ("up-to-date", NULL, NULL, FALSE, ro);
  properties[PROP_N_ERRORS] = g_param_spec_uint ("n-errors", NULL, NULL, 0, G_MAXUINT, 0, ro);
  properties[PROP_N_WARNINGS] = g_param_spec_uint ("n-warnings", NULL, NULL, 0, G_MAXUINT, 0, ro);
  properties[PROP_N_INFOS] = g_param_spec_uint ("n-infos", NULL, NULL, 0, G_MAXUINT, 0, ro);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
rpt_checker_init (RptChecker *self)
{
  self->items = g_ptr_array_new_with_free_func (g_object_unref);
  self->text_cache = _rpt_check_text_cache_new ();
}

/**
 * rpt_checker_new:
 *
 * Returns: (transfer full): a checker with no letter yet
 */
RptChecker *
rpt_checker_new (void)
{
  return g_object_new (RPT_TYPE_CHECKER, NULL);
}

static gboolean
auto_update_cb (gpointer user_data)
{
  RptChecker *self = user_data;
  g_autoptr (GError) error = NULL;

  self->update_source = 0;
  /* The letter model and the built-in data cannot fail to check; a
   * broken template is reported by every export too. The last list
   * stays, marked not up to date. */
  if (!rpt_checker_update (self, &error))
    g_debug ("Checks not updated: %s", error->message);
  return G_SOURCE_REMOVE;
}

static void
schedule_update (RptChecker *self)
{
  g_clear_handle_id (&self->update_source, g_source_remove);
  if (self->auto_update && self->letter != NULL)
    self->update_source = g_timeout_add (AUTO_UPDATE_DELAY_MS, auto_update_cb, self);
}

static void
letter_changed_cb (RptLetter *letter, RptChecker *self)
{
  schedule_update (self);
  /* A panel may grey the list out until the next update. */
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_UP_TO_DATE]);
}

/**
 * rpt_checker_set_letter:
 * @letter: (nullable): the letter to check
 *
 * The list keeps the findings of the last update until the next one.
 */
void
rpt_checker_set_letter (RptChecker *self, RptLetter *letter)
{
  g_return_if_fail (RPT_IS_CHECKER (self));
  g_return_if_fail (letter == NULL || RPT_IS_LETTER (letter));

  if (self->letter == letter)
    return;
  if (self->letter != NULL)
    g_signal_handlers_disconnect_by_data (self->letter, self);
  g_set_object (&self->letter, letter);
  self->checked_letter = NULL;
  if (letter != NULL)
    g_signal_connect (letter, "changed", G_CALLBACK (letter_changed_cb), self);
  schedule_update (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_LETTER]);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_UP_TO_DATE]);
}

RptLetter *
rpt_checker_get_letter (RptChecker *self)
{
  g_return_val_if_fail (RPT_IS_CHECKER (self), NULL);
  return self->letter;
}

/**
 * rpt_checker_set_reference:
 * @reference: (nullable): the reference data, or %NULL for the default
 *
 * Set it again after the user corrects the reference data
 * (rpt_reference_reload_default()), then update.
 */
void
rpt_checker_set_reference (RptChecker *self, RptReference *reference)
{
  g_return_if_fail (RPT_IS_CHECKER (self));
  g_return_if_fail (reference == NULL || RPT_IS_REFERENCE (reference));

  if (g_set_object (&self->reference, reference))
    {
      self->checked_reference = NULL;
      schedule_update (self);
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_REFERENCE]);
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_UP_TO_DATE]);
    }
}

RptReference *
rpt_checker_get_reference (RptChecker *self)
{
  g_return_val_if_fail (RPT_IS_CHECKER (self), NULL);
  return self->reference;
}

/**
 * rpt_checker_set_template:
 * @template: (nullable): the templates, or %NULL for the built-in ones
 */
void
rpt_checker_set_template (RptChecker *self, RptTemplate *template)
{
  g_return_if_fail (RPT_IS_CHECKER (self));
  g_set_object (&self->template, template);
}

/**
 * rpt_checker_set_today:
 * @iso_date: (nullable): the date to take for today (YYYY-MM-DD), or
 *   %NULL for the real one
 *
 * Facts are checked against the letter's date, or today when it has
 * none; tests and scripts that need the same answer tomorrow fix it.
 */
void
rpt_checker_set_today (RptChecker *self, const char *iso_date)
{
  g_return_if_fail (RPT_IS_CHECKER (self));
  g_return_if_fail (iso_date == NULL || rpt_date_is_valid (iso_date));
  g_free (self->today);
  self->today = g_strdup (iso_date);
}

void
rpt_checker_set_auto_update (RptChecker *self, gboolean auto_update)
{
  g_return_if_fail (RPT_IS_CHECKER (self));

  auto_update = !!auto_update;
  if (self->auto_update == auto_update)
    return;
  self->auto_update = auto_update;
  if (auto_update && !rpt_checker_get_up_to_date (self))
    schedule_update (self);
  else if (!auto_update)
    g_clear_handle_id (&self->update_source, g_source_remove);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_AUTO_UPDATE]);
}

gboolean
rpt_checker_get_auto_update (RptChecker *self)
{
  g_return_val_if_fail (RPT_IS_CHECKER (self), FALSE);
  return self->auto_update;
}

/**
 * rpt_checker_get_up_to_date:
 *
 * Returns: whether the list holds the findings on the letter as it is
 */
gboolean
rpt_checker_get_up_to_date (RptChecker *self)
{
  g_return_val_if_fail (RPT_IS_CHECKER (self), FALSE);

  return self->letter != NULL && self->checked_letter == self->letter &&
         self->checked_revision == rpt_letter_get_revision (self->letter) &&
         self->checked_reference ==
           (self->reference != NULL ? self->reference : rpt_reference_get_default ());
}

guint
rpt_checker_get_n_errors (RptChecker *self)
{
  g_return_val_if_fail (RPT_IS_CHECKER (self), 0);
  return self->counts[RPT_CHECK_SEVERITY_ERROR];
}

guint
rpt_checker_get_n_warnings (RptChecker *self)
{
  g_return_val_if_fail (RPT_IS_CHECKER (self), 0);
  return self->counts[RPT_CHECK_SEVERITY_WARNING];
}

guint
rpt_checker_get_n_infos (RptChecker *self)
{
  g_return_val_if_fail (RPT_IS_CHECKER (self), 0);
  return self->counts[RPT_CHECK_SEVERITY_INFO];
}

/* ------------------------------------------------------------------ */
/* A run                                                               */

void
_rpt_check_run_add (RptCheckRun *run, RptCheck *check)
{
  g_ptr_array_add (run->checks, check);
}

/**
 * _rpt_check_describe_item:
 * @position: 0-based
 *
 * Returns: (transfer full): "Fact 3", "Question 1"…: how messages name
 *   an item, at the start of a sentence
 */
char *
_rpt_check_describe_item (RptPart part, guint position)
{
  guint n = position + 1;

  switch (part)
    {
    case RPT_PART_MANDATES:
      return g_strdup_printf (_ ("Mandate %u"), n);
    case RPT_PART_SIGNATORIES:
      return g_strdup_printf (_ ("Signatory %u"), n);
    case RPT_PART_PERSONS:
      return g_strdup_printf (_ ("Person %u"), n);
    case RPT_PART_PROFILE:
      return g_strdup_printf (_ ("Profile paragraph %u"), n);
    case RPT_PART_COMMUNICATIONS:
      return g_strdup_printf (_ ("Previous communication %u"), n);
    case RPT_PART_FACTS:
      return g_strdup_printf (_ ("Fact %u"), n);
    case RPT_PART_CONCERNS:
      return g_strdup_printf (_ ("Concern %u"), n);
    case RPT_PART_QUESTIONS:
      return g_strdup_printf (_ ("Question %u"), n);
    case RPT_PART_ANNEX:
      return g_strdup_printf (_ ("Annex paragraph %u"), n);
    case RPT_N_PARTS:
    default:
      g_return_val_if_reached (g_strdup ("?"));
    }
}

static void G_GNUC_PRINTF (6, 7) add (RptCheckRun *run,
                                      const char *id,
                                      RptPart part,
                                      const char *item_id,
                                      const char *field,
                                      const char *format,
                                      ...)
{
  g_autofree char *message = NULL;
  va_list args;

  va_start (args, format);
  message = g_strdup_vprintf (format, args);
  va_end (args);
  _rpt_check_run_add (run, _rpt_check_new (id, message, part, item_id, field));
}

/* How messages name a mandate: its own title, the data's, its key. */
static char *
mandate_label (RptCheckRun *run, RptMandate *mandate, guint position)
{
  const RptMandateInfo *info;

  if (rpt_mandate_get_title (mandate) != NULL)
    return g_strdup (rpt_mandate_get_title (mandate));
  info = rpt_reference_lookup_mandate (run->reference, rpt_mandate_get_key (mandate));
  if (info != NULL)
    return g_strdup (rpt_mandate_info_get_ui_title (info));
  if (rpt_mandate_get_key (mandate) != NULL)
    return g_strdup (rpt_mandate_get_key (mandate));
  return _rpt_check_describe_item (RPT_PART_MANDATES, position);
}

/* Parts every letter needs and the template does not look for: a
 * signatory per mandate, a fact, a question. */
static void
check_required_parts (RptCheckRun *run)
{
  RptLetter *letter = run->letter;
  guint n_mandates = rpt_letter_get_n_items (letter, RPT_PART_MANDATES);
  guint n_signatories = rpt_letter_get_n_items (letter, RPT_PART_SIGNATORIES);
  g_autoptr (GHashTable) signed_for = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr (GHashTable) mandate_ids = g_hash_table_new (g_str_hash, g_str_equal);
  const char *co = rpt_letter_get_co_senders (letter);
  gboolean co_senders = co != NULL && co[0] != '\0';
  guint n_co_signatories = 0;

  for (guint i = 0; i < n_signatories; i++)
    {
      RptSignatory *s = rpt_letter_get_item (letter, RPT_PART_SIGNATORIES, i);
      if (rpt_signatory_get_mandate (s) != NULL)
        g_hash_table_add (signed_for, (gpointer) rpt_signatory_get_mandate (s));
    }
  for (guint i = 0; i < n_mandates; i++)
    {
      RptMandate *m = rpt_letter_get_item (letter, RPT_PART_MANDATES, i);
      g_hash_table_add (mandate_ids, (gpointer) rpt_mandate_get_id (m));
      if (!g_hash_table_contains (signed_for, rpt_mandate_get_id (m)))
        {
          g_autofree char *label = mandate_label (run, m, i);
          add (run, "signatory-missing", RPT_PART_MANDATES, rpt_mandate_get_id (m), NULL,
               _ ("No one signs for the %s: add a signatory for it."), label);
        }
    }
  for (guint i = 0; i < n_signatories; i++)
    {
      RptSignatory *s = rpt_letter_get_item (letter, RPT_PART_SIGNATORIES, i);
      g_autofree char *label = _rpt_check_describe_item (RPT_PART_SIGNATORIES, i);
      const char *name = rpt_signatory_get_name (s);

      if (name == NULL || name[0] == '\0')
        add (run, "signatory-name-missing", RPT_PART_SIGNATORIES, rpt_signatory_get_id (s), "name",
             _ ("%s has no name."), label);
      /* A letter with co-senders outside the Special Procedures: who signs
       * for no mandate signs for them. */
      if (rpt_signatory_get_mandate (s) == NULL && co_senders)
        n_co_signatories++;
      else if (rpt_signatory_get_mandate (s) == NULL ||
               !g_hash_table_contains (mandate_ids, rpt_signatory_get_mandate (s)))
        add (run, "signatory-without-mandate", RPT_PART_SIGNATORIES, rpt_signatory_get_id (s),
             "mandate", _ ("%s (%s) signs for no mandate of the letter."), label,
             name != NULL && name[0] != '\0' ? name : _ ("no name"));
    }
  if (co_senders && n_co_signatories == 0)
    {
      g_autofree char *plain = rpt_markup_to_plain (rpt_letter_get_co_senders (letter));
      add (run, "co-senders-unsigned", RPT_N_PARTS, NULL, "co-senders",
           _ ("The letter names co-senders (%s), but no one signs for them: add a signatory "
              "who signs for no mandate."),
           plain);
    }

  if (rpt_letter_get_n_items (letter, RPT_PART_FACTS) == 0)
    add (run, "facts-missing", RPT_PART_FACTS, NULL, NULL, _ ("The letter has no facts yet."));
  if (rpt_letter_get_n_items (letter, RPT_PART_QUESTIONS) == 0)
    add (run, "questions-missing", RPT_PART_QUESTIONS, NULL, NULL,
         _ ("The letter asks no questions yet."));
}

/* "AL TJK 1/2023", and the "JAL", "JUA" of joint letters before 2017. */
static gboolean
parse_reference (const char *text, char **kind, char **country, guint *year)
{
  g_auto (GStrv) words = g_strsplit (text, " ", -1);
  const char *slash;
  guint64 value;

  if (g_strv_length (words) != 3)
    return FALSE;
  if (!g_regex_match_simple ("^J?(AL|UA|OL)$", words[0], 0, 0) ||
      !g_regex_match_simple ("^[A-Z]{3}$", words[1], 0, 0) ||
      !g_regex_match_simple ("^[0-9]+/[0-9]{4}$", words[2], 0, 0))
    return FALSE;
  slash = strchr (words[2], '/');
  if (!g_ascii_string_to_unsigned (slash + 1, 10, 1, 9999, &value, NULL))
    return FALSE;
  *kind = g_strdup (words[0][0] == 'J' ? words[0] + 1 : words[0]);
  *country = g_strdup (words[1]);
  *year = (guint) value;
  return TRUE;
}

static guint
year_of (const char *iso_date)
{
  return iso_date != NULL ? (guint) g_ascii_strtoull (iso_date, NULL, 10) : 0;
}

/* The letter's own reference follows its kind and addressee by
 * construction; its year can still disagree with its date. Previous
 * communications are typed whole. */
static void
check_references (RptCheckRun *run)
{
  RptLetter *letter = run->letter;
  const char *date = rpt_letter_get_date (letter);
  const char *country = rpt_letter_get_country (letter);
  guint year = rpt_letter_get_reference_year (letter);
  guint n = rpt_letter_get_n_items (letter, RPT_PART_COMMUNICATIONS);

  if (year != 0 && date != NULL && year_of (date) != year)
    {
      g_autofree char *reference = rpt_letter_dup_reference (letter);
      add (run, "reference-year-mismatch", RPT_N_PARTS, NULL, "reference-year",
           _ ("The reference %s has the year %u, but the letter is dated %s."),
           reference != NULL ? reference : "", year, date);
    }

  for (guint i = 0; i < n; i++)
    {
      RptCommunication *c = rpt_letter_get_item (letter, RPT_PART_COMMUNICATIONS, i);
      const char *reference = rpt_communication_get_reference (c);
      const char *sent = rpt_communication_get_date (c);
      const char *id = rpt_communication_get_id (c);
      g_autofree char *label = _rpt_check_describe_item (RPT_PART_COMMUNICATIONS, i);
      g_autofree char *kind = NULL;
      g_autofree char *code = NULL;
      guint ref_year = 0;

      if (reference == NULL || reference[0] == '\0')
        {
          add (run, "communication-reference-mismatch", RPT_PART_COMMUNICATIONS, id, "reference",
               _ ("%s has no reference."), label);
          continue;
        }
      if (!parse_reference (reference, &kind, &code, &ref_year))
        {
          add (run, "communication-reference-mismatch", RPT_PART_COMMUNICATIONS, id, "reference",
               _ ("%s: “%s” does not read as a reference (kind, country, number/year, as in "
                  "“AL TJK 1/2023”)."),
               label, reference);
          continue;
        }
      if (country != NULL && !g_str_equal (code, country))
        add (run, "communication-reference-mismatch", RPT_PART_COMMUNICATIONS, id, "reference",
             _ ("%s: the reference %s is for %s, but this letter is to %s."), label, reference,
             code, country);
      if (sent != NULL && year_of (sent) != ref_year)
        add (run, "communication-reference-mismatch", RPT_PART_COMMUNICATIONS, id, "reference",
             _ ("%s: the reference %s has the year %u, but the communication is dated %s."), label,
             reference, ref_year, sent);
    }
}

/* Facts are told in order; none happens after the letter is sent. */
static void
check_fact_dates (RptCheckRun *run)
{
  RptLetter *letter = run->letter;
  const char *limit = rpt_letter_get_date (letter);
  guint n = rpt_letter_get_n_items (letter, RPT_PART_FACTS);
  const char *previous = NULL;

  for (guint i = 0; i < n; i++)
    {
      RptParagraph *fact = rpt_letter_get_item (letter, RPT_PART_FACTS, i);
      const char *date = rpt_paragraph_get_date (fact);
      g_autofree char *label = NULL;

      if (date == NULL)
        continue;
      label = _rpt_check_describe_item (RPT_PART_FACTS, i);
      if (previous != NULL && strcmp (date, previous) < 0)
        add (run, "fact-dates-backwards", RPT_PART_FACTS, rpt_paragraph_get_id (fact), "date",
             _ ("%s is dated %s, before the dated fact above it (%s): are the facts in order, "
                "and the dates right?"),
             label, date, previous);
      if (limit != NULL && strcmp (date, limit) > 0)
        add (run, "fact-date-future", RPT_PART_FACTS, rpt_paragraph_get_id (fact), "date",
             _ ("%s is dated %s, after the letter (%s)."), label, date, limit);
      else if (limit == NULL && strcmp (date, run->today) > 0)
        add (run, "fact-date-future", RPT_PART_FACTS, rpt_paragraph_get_id (fact), "date",
             _ ("%s is dated %s, which is in the future."), label, date);
      previous = date;
    }
}

/* "According to the new information received:" opens the facts of a
 * follow-up letter, which cites the letter it follows. */
static void
check_wording (RptCheckRun *run)
{
  RptLetter *letter = run->letter;

  if (rpt_letter_get_facts_lead (letter) == RPT_FACTS_LEAD_NEW_INFORMATION &&
      rpt_letter_get_n_items (letter, RPT_PART_COMMUNICATIONS) == 0)
    add (run, "new-information-without-communication", RPT_N_PARTS, NULL, "facts-lead",
         _ ("The facts open with “According to the new information received:”, but the letter "
            "cites no earlier communication: add the one it follows, or open the facts as "
            "usual."));
}

/* A person deprived of liberty brings in the Working Group on Arbitrary
 * Detention paragraph unless the drafter turned it off. */
static void
check_wgad (RptCheckRun *run)
{
  RptLetter *letter = run->letter;
  RptCheck *check;
  g_auto (GValue) old_value = G_VALUE_INIT;
  g_auto (GValue) new_value = G_VALUE_INIT;

  if (rpt_letter_get_wgad (letter) != RPT_WGAD_NO || !rpt_letter_is_to_state (letter) ||
      !rpt_letter_has_person_deprived_of_liberty (letter))
    return;
  check = _rpt_check_new ("wgad-off-deprived",
                          _ ("A person concerned is deprived of liberty, but the paragraph on the "
                             "Working Group on Arbitrary Detention is turned off."),
                          RPT_N_PARTS, NULL, "wgad");
  g_value_init (&old_value, RPT_TYPE_WGAD);
  g_value_set_enum (&old_value, RPT_WGAD_NO);
  g_value_init (&new_value, RPT_TYPE_WGAD);
  g_value_set_enum (&new_value, RPT_WGAD_AUTO);
  _rpt_check_set_fix_property (check, _ ("Add the paragraph"), &old_value, &new_value);
  _rpt_check_run_add (run, check);
}

/* The instrument a legal reference belongs to ("iccpr-art19" → ICCPR),
 * if the treaty data knows it. */
static const RptInstrumentInfo *
instrument_of (RptCheckRun *run, const char *key)
{
  for (guint depth = 0; key != NULL && depth < 8; depth++)
    {
      const RptLegalReference *legal = rpt_reference_lookup_legal (run->reference, key);
      g_autofree char *code = NULL;

      if (legal == NULL)
        return NULL;
      if (g_strcmp0 (legal->type, "treaty") == 0)
        {
          code = g_ascii_strup (legal->key, -1);
          return rpt_reference_lookup_instrument (run->reference, code);
        }
      key = legal->parent;
    }
  return NULL;
}

/* An annex paragraph citing a treaty the State has not joined, where the
 * treaty data knows the State's participation (once per instrument). */
static void
check_annex_parties (RptCheckRun *run)
{
  RptLetter *letter = run->letter;
  const char *country = rpt_letter_get_country (letter);
  guint n = rpt_letter_get_n_items (letter, RPT_PART_ANNEX);
  g_autoptr (GHashTable) seen = g_hash_table_new (g_str_hash, g_str_equal);

  if (!rpt_letter_is_to_state (letter) || country == NULL)
    return;
  for (guint i = 0; i < n; i++)
    {
      RptParagraph *clause = rpt_letter_get_item (letter, RPT_PART_ANNEX, i);
      const RptInstrumentInfo *instrument =
        instrument_of (run, rpt_paragraph_get_reference (clause));
      const RptTreatyStatus *status;
      g_autofree char *label = NULL;
      g_autofree char *name = NULL;

      if (instrument == NULL || g_hash_table_contains (seen, instrument->code))
        continue;
      g_hash_table_add (seen, (gpointer) instrument->code);
      status = rpt_reference_lookup_treaty_status (run->reference, instrument->code, country);
      if (status != NULL && status->consent_date != NULL)
        continue;
      label = _rpt_check_describe_item (RPT_PART_ANNEX, i);
      name = rpt_reference_dup_country_name (run->reference, country, "en");
      if (status != NULL && status->signature_date != NULL)
        add (run, "annex-not-party", RPT_PART_ANNEX, rpt_paragraph_get_id (clause), "reference",
             _ ("%s cites the %s, but the treaty data (as of %s) shows %s as having signed it on "
                "%s, not as a party. Check before sending."),
             label, instrument->title, status->as_of != NULL ? status->as_of : "?",
             name != NULL ? name : country, status->signature_date);
      else
        add (run, "annex-not-party", RPT_PART_ANNEX, rpt_paragraph_get_id (clause), "reference",
             _ ("%s cites the %s, but the treaty data (as of %s) does not show %s as a party. It "
                "may have joined since: check before sending."),
             label, instrument->title, instrument->as_of != NULL ? instrument->as_of : "?",
             name != NULL ? name : country);
    }
}

/* ------------------------------------------------------------------ */
/* What the template finds                                             */

static void
copy_properties (GObject *from, GObject *to)
{
  guint n = 0;
  g_autofree GParamSpec **specs = g_object_class_list_properties (G_OBJECT_GET_CLASS (from), &n);

  for (guint i = 0; i < n; i++)
    {
      g_auto (GValue) value = G_VALUE_INIT;

      if ((specs[i]->flags & G_PARAM_READWRITE) != G_PARAM_READWRITE ||
          (specs[i]->flags & (G_PARAM_CONSTRUCT_ONLY | G_PARAM_DEPRECATED)) != 0)
        continue;
      g_value_init (&value, G_PARAM_SPEC_VALUE_TYPE (specs[i]));
      g_object_get_property (from, specs[i]->name, &value);
      g_object_set_property (to, specs[i]->name, &value);
    }
}

static gpointer
clone_item (gpointer item)
{
  GObject *copy = g_object_new (G_OBJECT_TYPE (item), "id", rpt_letter_item_get_id (item), NULL);

  copy_properties (item, copy);
  return copy;
}

/* Adds the instruments @markup cites to @seen; whether one was new. */
static gboolean
cites_new_instrument (const char *markup, GHashTable *seen)
{
  static const char tag[] = "<treaty-status instrument=\"";
  gboolean found = FALSE;

  for (const char *p = strstr (markup, tag); p != NULL; p = strstr (p, tag))
    {
      const char *start = p + strlen (tag);
      const char *end = strchr (start, '"');

      if (end == NULL)
        break;
      {
        g_autofree char *instrument = g_strndup (start, end - start);
        if (!g_hash_table_contains (seen, instrument))
          {
            g_hash_table_add (seen, g_steal_pointer (&instrument));
            found = TRUE;
          }
      }
      p = end;
    }
  return found;
}

/* The template looks at the letter's head, its mandates and signatories
 * and the treaty references in its text, and at nothing else: it is
 * given a copy with only those (the same ids), so that a letter of ten
 * thousand facts is checked as fast as a short one. The paragraphs kept
 * are the first to cite each instrument, where the template places its
 * findings. tests/test-check.c holds the notes of full renders to the
 * checks found this way. */
static RptLetter *
letter_skeleton (RptLetter *letter)
{
  RptLetter *copy = rpt_letter_new_with_id (rpt_letter_get_id (letter));
  g_autoptr (GHashTable) seen = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  static const RptPart whole[] = { RPT_PART_MANDATES, RPT_PART_SIGNATORIES, RPT_PART_PERSONS,
                                   RPT_PART_COMMUNICATIONS };
  static const RptPart texts[] = { RPT_PART_PROFILE, RPT_PART_FACTS, RPT_PART_CONCERNS,
                                   RPT_PART_QUESTIONS, RPT_PART_ANNEX };

  copy_properties (G_OBJECT (letter), G_OBJECT (copy));
  cites_new_instrument (rpt_letter_get_summary (letter), seen);
  cites_new_instrument (rpt_letter_get_communications_about (letter), seen);
  for (guint p = 0; p < G_N_ELEMENTS (whole); p++)
    for (guint i = 0; i < rpt_letter_get_n_items (letter, whole[p]); i++)
      {
        g_autoptr (GObject) item = clone_item (rpt_letter_get_item (letter, whole[p], i));
        rpt_letter_append_item (copy, whole[p], item);
      }
  for (guint p = 0; p < G_N_ELEMENTS (texts); p++)
    for (guint i = 0; i < rpt_letter_get_n_items (letter, texts[p]); i++)
      {
        RptParagraph *paragraph = rpt_letter_get_item (letter, texts[p], i);
        if (cites_new_instrument (rpt_paragraph_get_text (paragraph), seen))
          {
            g_autoptr (GObject) item = clone_item (paragraph);
            rpt_letter_append_item (copy, texts[p], item);
          }
      }
  return copy;
}

static gboolean
check_with_template (RptCheckRun *run, RptTemplate *template, GError **error)
{
  g_autoptr (RptLetter) skeleton = letter_skeleton (run->letter);
  g_autofree char *xml = NULL;
  gsize length = 0;

  xml = rpt_letter_to_xml (skeleton, &length);
  return _rpt_template_collect_checks (template, xml, length, run->reference, run->today,
                                       run->checks, error);
}

/* ------------------------------------------------------------------ */
/* Order                                                               */

typedef struct
{
  RptCheck *check;
  guint part_rank; /* 0: the letter's own fields */
  guint position;
  guint index;
} Placed;

static int
compare_placed (gconstpointer a, gconstpointer b)
{
  const Placed *x = a, *y = b;

  if (x->part_rank != y->part_rank)
    return x->part_rank < y->part_rank ? -1 : 1;
  if (x->position != y->position)
    return x->position < y->position ? -1 : 1;
  return x->index < y->index ? -1 : x->index > y->index ? 1 : 0;
}

static int
compare_checks (gconstpointer a, gconstpointer b)
{
  return rpt_check_compare (*(RptCheck **) a, *(RptCheck **) b);
}

/* Errors first, each severity in the order of the letter. Items are
 * looked up once per part, not once per check. */
static void
sort_checks (RptCheckRun *run)
{
  g_autoptr (GArray) placed = g_array_sized_new (FALSE, FALSE, sizeof (Placed), run->checks->len);
  g_autoptr (GHashTable) positions = g_hash_table_new (g_str_hash, g_str_equal);
  gboolean indexed[RPT_N_PARTS] = { FALSE };

  for (guint i = 0; i < run->checks->len; i++)
    {
      RptCheck *check = run->checks->pdata[i];
      RptPart part = rpt_check_get_part (check);
      const char *item_id = rpt_check_get_item_id (check);
      Placed p = { check, part == RPT_N_PARTS ? 0 : part + 1, 0, i };

      if (part != RPT_N_PARTS && item_id != NULL)
        {
          gpointer found;

          if (!indexed[part])
            {
              for (guint k = 0; k < rpt_letter_get_n_items (run->letter, part); k++)
                g_hash_table_insert (
                  positions,
                  (gpointer) rpt_letter_item_get_id (rpt_letter_get_item (run->letter, part, k)),
                  GUINT_TO_POINTER (k + 1));
              indexed[part] = TRUE;
            }
          found = g_hash_table_lookup (positions, item_id);
          p.position = found != NULL ? GPOINTER_TO_UINT (found) : 0;
        }
      g_array_append_val (placed, p);
    }
  g_array_sort (placed, compare_placed);
  for (guint i = 0; i < placed->len; i++)
    _rpt_check_set_sequence (g_array_index (placed, Placed, i).check, i);
  g_ptr_array_sort (run->checks, compare_checks);
}

/* ------------------------------------------------------------------ */
/* Update                                                              */

/* The template takes the same day for an undated letter (the titles and
 * resolutions in force), so both agree. */
static char *
dup_today (RptChecker *self)
{
  if (self->today != NULL)
    return g_strdup (self->today);
  return rpt_date_dup_today ();
}

/* The smallest change from the old list to @fresh: findings that did
 * not change keep their objects. */
static void
replace_items (RptChecker *self, GPtrArray *fresh)
{
  guint old_n = self->items->len, new_n = fresh->len;
  guint prefix = 0, suffix = 0, removed, added;

  while (prefix < old_n && prefix < new_n &&
         rpt_check_equal (self->items->pdata[prefix], fresh->pdata[prefix]))
    prefix++;
  while (suffix < old_n - prefix && suffix < new_n - prefix &&
         rpt_check_equal (self->items->pdata[old_n - 1 - suffix], fresh->pdata[new_n - 1 - suffix]))
    suffix++;
  removed = old_n - prefix - suffix;
  added = new_n - prefix - suffix;
  if (removed == 0 && added == 0)
    return;
  g_ptr_array_remove_range (self->items, prefix, removed);
  for (guint i = 0; i < added; i++)
    g_ptr_array_insert (self->items, prefix + i, g_object_ref (fresh->pdata[prefix + i]));
  g_list_model_items_changed (G_LIST_MODEL (self), prefix, removed, added);
}

static void
update_counts (RptChecker *self)
{
  guint counts[3] = { 0 };
  static const guint props[3] = { PROP_N_ERRORS, PROP_N_WARNINGS, PROP_N_INFOS };

  for (guint i = 0; i < self->items->len; i++)
    counts[rpt_check_get_severity (self->items->pdata[i])]++;
  for (guint s = 0; s < 3; s++)
    if (counts[s] != self->counts[s])
      {
        self->counts[s] = counts[s];
        g_object_notify_by_pspec (G_OBJECT (self), properties[props[s]]);
      }
}

/**
 * rpt_checker_update:
 *
 * Runs every check on the letter as it is now, on the calling thread
 * (the model belongs to it), and updates the list. With no letter the
 * list is empty.
 *
 * Returns: whether the checks ran; %FALSE with @error set only when the
 *   templates cannot be loaded, and the list is left as it was
 */
gboolean
rpt_checker_update (RptChecker *self, GError **error)
{
  g_autoptr (GPtrArray) fresh = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr (RptTemplate) template = NULL;
  g_autofree char *today = NULL;
  RptReference *reference;
  RptCheckRun run = { 0 };

  g_return_val_if_fail (RPT_IS_CHECKER (self), FALSE);

  g_clear_handle_id (&self->update_source, g_source_remove);
  reference = self->reference != NULL ? self->reference : rpt_reference_get_default ();
  if (self->letter != NULL)
    {
      template =
        self->template != NULL ? g_object_ref (self->template) : rpt_template_get_default (error);
      if (template == NULL)
        return FALSE;
      today = dup_today (self);
      run.letter = self->letter;
      run.reference = reference;
      run.language = rpt_letter_get_language (self->letter);
      run.today = today;
      run.checks = fresh;
      if (!check_with_template (&run, template, error))
        return FALSE;
      check_required_parts (&run);
      check_references (&run);
      check_fact_dates (&run);
      check_wgad (&run);
      check_wording (&run);
      check_annex_parties (&run);
      run.text_cache = g_steal_pointer (&self->text_cache);
      _rpt_check_text (&run);
      self->text_cache = g_steal_pointer (&run.text_cache);
      sort_checks (&run);
    }

  replace_items (self, fresh);
  self->checked_letter = self->letter;
  self->checked_reference = reference;
  self->checked_revision = self->letter != NULL ? rpt_letter_get_revision (self->letter) : 0;
  update_counts (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_UP_TO_DATE]);
  return TRUE;
}
