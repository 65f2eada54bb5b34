/* rpt-check.c
 *
 * Copyright 2026 The Rapporteur authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "rpt-check"

#include <glib/gi18n-lib.h>

#include "rpt-check-private.h"
#include "rpt-error.h"
#include "rpt-paragraph.h"

/**
 * RptCheck:
 *
 * One thing the checks found in a letter: a stable id (which kind of
 * check, see docs/checks.md), a severity, a message in the user's
 * language, where it is (a part and an item of the letter and the name
 * of the property that holds the words, or the letter itself), and, where
 * the fix is obvious, a fix the application applies with one click.
 *
 * The location names a GObject property: for the letter's own fields
 * (#RptCheck:part is %RPT_N_PARTS) a property of #RptLetter ("date",
 * "summary", "wgad"…); for an item, a property of the item with that id
 * ("text" of a paragraph, "name" of a person, "title-form" of a
 * signatory…). #RptCheck:field may be %NULL when the check is about the
 * item or the part as a whole.
 *
 * A fix is one ordinary edit of the model — one property set through
 * GObject, or one item removed — so the application's undo history takes
 * it like any other edit. It is applied only if the value it would
 * replace is still the one the check saw: a fix never overwrites words
 * typed since.
 *
 * A check never changes once made.
 */

static const RptCheckInfo infos[] = {
  /* required parts */
  { "mandates-missing", RPT_CHECK_SEVERITY_ERROR, N_ ("The letter names no mandate") },
  { "signatory-missing", RPT_CHECK_SEVERITY_ERROR, N_ ("A mandate has no signatory") },
  { "signatory-name-missing", RPT_CHECK_SEVERITY_ERROR, N_ ("A signatory has no name") },
  { "signatory-without-mandate", RPT_CHECK_SEVERITY_WARNING,
    N_ ("A signatory signs for a mandate the letter does not name") },
  { "date-missing", RPT_CHECK_SEVERITY_ERROR, N_ ("The letter has no date") },
  { "summary-missing", RPT_CHECK_SEVERITY_ERROR, N_ ("The letter has no subject summary") },
  { "facts-missing", RPT_CHECK_SEVERITY_ERROR, N_ ("The letter has no fact") },
  { "questions-missing", RPT_CHECK_SEVERITY_ERROR, N_ ("The letter asks no question") },
  { "addressee-missing", RPT_CHECK_SEVERITY_ERROR, N_ ("The letter has no addressee") },
  { "addressee-name-missing", RPT_CHECK_SEVERITY_ERROR,
    N_ ("A company or organisation addressed has no name") },
  /* reference data */
  { "mandate-unknown", RPT_CHECK_SEVERITY_ERROR,
    N_ ("A mandate is not in the reference data and has no title of its own") },
  { "resolutions-missing", RPT_CHECK_SEVERITY_ERROR,
    N_ ("The data cannot complete the list of resolutions") },
  { "title-missing-in-language", RPT_CHECK_SEVERITY_ERROR,
    N_ ("A mandate title is missing in the letter’s language or in the form its holder uses") },
  { "title-unattested", RPT_CHECK_SEVERITY_WARNING,
    N_ ("A translated mandate title is not attested in a UN source") },
  { "title-form-missing", RPT_CHECK_SEVERITY_WARNING,
    N_ ("The form of title a signatory uses is not recorded") },
  { "sentences-untranslated", RPT_CHECK_SEVERITY_ERROR,
    N_ ("Standard sentences are not translated into the letter’s language") },
  { "country-unknown", RPT_CHECK_SEVERITY_ERROR, N_ ("The addressee is not a known State") },
  { "country-name-not-un", RPT_CHECK_SEVERITY_WARNING,
    N_ ("The UN name of the State is not in the reference data") },
  { "unverified-reference-data", RPT_CHECK_SEVERITY_WARNING,
    N_ ("The letter uses reference data that is not verified") },
  { "stale-reference-data", RPT_CHECK_SEVERITY_WARNING,
    N_ ("The letter uses reference data much older than the letter") },
  { "overridden-reference-data", RPT_CHECK_SEVERITY_INFO,
    N_ ("The letter uses reference data corrected by the user") },
  { "treaty-status-unknown", RPT_CHECK_SEVERITY_ERROR,
    N_ ("The treaty data says nothing of the State and an instrument the letter cites") },
  { "treaty-addressee-not-state", RPT_CHECK_SEVERITY_ERROR,
    N_ ("The letter cites treaty participation but is not addressed to a State") },
  { "annex-not-party", RPT_CHECK_SEVERITY_WARNING,
    N_ ("The annex cites an instrument the State is not party to") },
  /* consistency */
  { "reference-incomplete", RPT_CHECK_SEVERITY_INFO, N_ ("The reference has no number yet") },
  { "reference-year-mismatch", RPT_CHECK_SEVERITY_WARNING,
    N_ ("The year of the reference is not the year of the letter") },
  { "communication-reference-mismatch", RPT_CHECK_SEVERITY_WARNING,
    N_ ("A previous communication’s reference does not match its kind, country or year") },
  { "fact-dates-backwards", RPT_CHECK_SEVERITY_WARNING, N_ ("The facts’ dates run backwards") },
  { "fact-date-future", RPT_CHECK_SEVERITY_WARNING, N_ ("A fact is dated after the letter") },
  { "person-name-inconsistent", RPT_CHECK_SEVERITY_WARNING,
    N_ ("A person is named differently in different places") },
  { "wgad-off-deprived", RPT_CHECK_SEVERITY_WARNING,
    N_ ("A person is deprived of liberty but the arbitrary detention paragraph is off") },
  { "wgad-not-for-other", RPT_CHECK_SEVERITY_WARNING,
    N_ ("The arbitrary detention paragraph is asked for in a letter that is not to a State") },
  /* the words */
  { "question-not-question", RPT_CHECK_SEVERITY_WARNING,
    N_ ("A question is neither a question nor a request") },
  { "paragraph-empty", RPT_CHECK_SEVERITY_WARNING, N_ ("A paragraph is empty") },
  { "double-space", RPT_CHECK_SEVERITY_WARNING, N_ ("Two spaces in a row") },
  { "unbalanced-quotes", RPT_CHECK_SEVERITY_WARNING, N_ ("Quotation marks do not pair up") },
  { "unbalanced-brackets", RPT_CHECK_SEVERITY_WARNING, N_ ("Brackets do not pair up") },
  { "characters-removed", RPT_CHECK_SEVERITY_WARNING,
    N_ ("Characters XML cannot hold were removed") },
};

/**
 * rpt_check_list_infos:
 * @n_infos: (out): how many
 *
 * Returns: (array length=n_infos) (transfer none): every kind of check
 */
const RptCheckInfo *
rpt_check_list_infos (guint *n_infos)
{
  g_return_val_if_fail (n_infos != NULL, NULL);
  *n_infos = G_N_ELEMENTS (infos);
  return infos;
}

/**
 * rpt_check_lookup_info:
 *
 * Returns: (nullable) (transfer none): the kind of check with @id
 */
const RptCheckInfo *
rpt_check_lookup_info (const char *id)
{
  for (guint i = 0; id != NULL && i < G_N_ELEMENTS (infos); i++)
    if (g_str_equal (infos[i].id, id))
      return &infos[i];
  return NULL;
}

G_DEFINE_ENUM_TYPE (RptCheckSeverity,
                    rpt_check_severity,
                    G_DEFINE_ENUM_VALUE (RPT_CHECK_SEVERITY_ERROR, "error"),
                    G_DEFINE_ENUM_VALUE (RPT_CHECK_SEVERITY_WARNING, "warning"),
                    G_DEFINE_ENUM_VALUE (RPT_CHECK_SEVERITY_INFO, "info"))

/**
 * rpt_check_severity_to_string:
 *
 * Returns: "error", "warning" or "info" (not translated: for files)
 */
const char *
rpt_check_severity_to_string (RptCheckSeverity severity)
{
  switch (severity)
    {
    case RPT_CHECK_SEVERITY_ERROR:
      return "error";
    case RPT_CHECK_SEVERITY_WARNING:
      return "warning";
    case RPT_CHECK_SEVERITY_INFO:
      return "info";
    default:
      g_return_val_if_reached ("error");
    }
}

typedef enum
{
  FIX_NONE,
  FIX_PROPERTY,
  FIX_REMOVE,
} FixKind;

struct _RptCheck
{
  GObject parent_instance;

  const RptCheckInfo *info;
  char *message;
  RptPart part;
  char *item_id;
  char *field;
  guint sequence;

  FixKind fix;
  char *fix_label;
  GValue old_value;
  GValue new_value;
};

G_DEFINE_FINAL_TYPE (RptCheck, rpt_check, G_TYPE_OBJECT)

enum
{
  PROP_0,
  PROP_ID,
  PROP_SEVERITY,
  PROP_MESSAGE,
  PROP_PART,
  PROP_ITEM_ID,
  PROP_FIELD,
  PROP_HAS_FIX,
  PROP_FIX_LABEL,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
rpt_check_finalize (GObject *object)
{
  RptCheck *self = RPT_CHECK (object);

  g_free (self->message);
  g_free (self->item_id);
  g_free (self->field);
  g_free (self->fix_label);
  if (G_IS_VALUE (&self->old_value))
    g_value_unset (&self->old_value);
  if (G_IS_VALUE (&self->new_value))
    g_value_unset (&self->new_value);

  G_OBJECT_CLASS (rpt_check_parent_class)->finalize (object);
}

static void
rpt_check_get_property (GObject *object, guint prop_id, GValue *value, GParamSpec *pspec)
{
  RptCheck *self = RPT_CHECK (object);

  switch (prop_id)
    {
    case PROP_ID:
      g_value_set_string (value, self->info->id);
      break;
    case PROP_SEVERITY:
      g_value_set_enum (value, self->info->severity);
      break;
    case PROP_MESSAGE:
      g_value_set_string (value, self->message);
      break;
    case PROP_PART:
      g_value_set_enum (value, self->part);
      break;
    case PROP_ITEM_ID:
      g_value_set_string (value, self->item_id);
      break;
    case PROP_FIELD:
      g_value_set_string (value, self->field);
      break;
    case PROP_HAS_FIX:
      g_value_set_boolean (value, self->fix != FIX_NONE);
      break;
    case PROP_FIX_LABEL:
      g_value_set_string (value, self->fix_label);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
rpt_check_class_init (RptCheckClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GParamFlags flags = G_PARAM_READABLE | G_PARAM_STATIC_STRINGS;

  object_class->finalize = rpt_check_finalize;
  object_class->get_property = rpt_check_get_property;

  /**
   * RptCheck:id:
   *
   * Which kind of check found it ("double-space"): stable across
   * versions, for scripts and for hiding a kind of check.
   */
  properties[PROP_ID] = g_param_spec_string ("id", NULL, NULL, NULL, flags);
  properties[PROP_SEVERITY] = g_param_spec_enum ("severity", NULL, NULL, RPT_TYPE_CHECK_SEVERITY,
                                                 RPT_CHECK_SEVERITY_ERROR, flags);
  /**
   * RptCheck:message:
   *
   * What is wrong, in the user's language, naming what it is about.
   */
  properties[PROP_MESSAGE] = g_param_spec_string ("message", NULL, NULL, NULL, flags);
  /**
   * RptCheck:part:
   *
   * The part of the letter, or %RPT_N_PARTS for the letter's own fields.
   */
  properties[PROP_PART] = g_param_spec_enum ("part", NULL, NULL, RPT_TYPE_PART, RPT_N_PARTS, flags);
  /**
   * RptCheck:item-id:
   *
   * The id of the item (rpt_letter_find_item()), or %NULL for the
   * letter's own fields or a part as a whole.
   */
  properties[PROP_ITEM_ID] = g_param_spec_string ("item-id", NULL, NULL, NULL, flags);
  /**
   * RptCheck:field:
   *
   * The name of the property of the letter or item that holds what is
   * wrong ("text", "date", "summary"…), or %NULL.
   */
  properties[PROP_FIELD] = g_param_spec_string ("field", NULL, NULL, NULL, flags);
  properties[PROP_HAS_FIX] = g_param_spec_boolean ("has-fix", NULL, NULL, FALSE, flags);
  /**
   * RptCheck:fix-label:
   *
   * What the fix does, for a button ("Collapse the spaces"), or %NULL
   * when there is no fix.
   */
  properties[PROP_FIX_LABEL] = g_param_spec_string ("fix-label", NULL, NULL, NULL, flags);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
rpt_check_init (RptCheck *self)
{
}

/* _rpt_check_new:
 * @id: one of the ids of the catalogue above
 *
 * Returns: (transfer full): a check without a fix */
RptCheck *
_rpt_check_new (const char *id,
                const char *message,
                RptPart part,
                const char *item_id,
                const char *field)
{
  RptCheck *self = g_object_new (RPT_TYPE_CHECK, NULL);

  self->info = rpt_check_lookup_info (id);
  g_assert (self->info != NULL);
  g_assert (message != NULL);
  g_assert (part <= RPT_N_PARTS);
  self->message = g_strdup (message);
  self->part = part;
  self->item_id = g_strdup (item_id);
  self->field = g_strdup (field);
  return self;
}

/* A fix that sets the property @self names from @old_value to
 * @new_value. */
void
_rpt_check_set_fix_property (RptCheck *self,
                             const char *label,
                             const GValue *old_value,
                             const GValue *new_value)
{
  g_assert (self->fix == FIX_NONE && self->field != NULL);
  self->fix = FIX_PROPERTY;
  self->fix_label = g_strdup (label);
  g_value_init (&self->old_value, G_VALUE_TYPE (old_value));
  g_value_copy (old_value, &self->old_value);
  g_value_init (&self->new_value, G_VALUE_TYPE (new_value));
  g_value_copy (new_value, &self->new_value);
}

void
_rpt_check_set_fix_text (RptCheck *self,
                         const char *label,
                         const char *old_text,
                         const char *new_text)
{
  g_auto (GValue) old_value = G_VALUE_INIT;
  g_auto (GValue) new_value = G_VALUE_INIT;

  g_value_init (&old_value, G_TYPE_STRING);
  g_value_set_string (&old_value, old_text);
  g_value_init (&new_value, G_TYPE_STRING);
  g_value_set_string (&new_value, new_text);
  _rpt_check_set_fix_property (self, label, &old_value, &new_value);
}

/* A fix that removes the paragraph @self names, if its text is still
 * @old_text. */
void
_rpt_check_set_fix_remove (RptCheck *self, const char *label, const char *old_text)
{
  g_assert (self->fix == FIX_NONE && self->item_id != NULL);
  self->fix = FIX_REMOVE;
  self->fix_label = g_strdup (label);
  g_value_init (&self->old_value, G_TYPE_STRING);
  g_value_set_string (&self->old_value, old_text);
}

/* Where it stands among the checks of one run: the order of the letter. */
void
_rpt_check_set_sequence (RptCheck *self, guint sequence)
{
  self->sequence = sequence;
}

const char *
rpt_check_get_id (RptCheck *self)
{
  g_return_val_if_fail (RPT_IS_CHECK (self), NULL);
  return self->info->id;
}

RptCheckSeverity
rpt_check_get_severity (RptCheck *self)
{
  g_return_val_if_fail (RPT_IS_CHECK (self), RPT_CHECK_SEVERITY_ERROR);
  return self->info->severity;
}

const char *
rpt_check_get_message (RptCheck *self)
{
  g_return_val_if_fail (RPT_IS_CHECK (self), NULL);
  return self->message;
}

RptPart
rpt_check_get_part (RptCheck *self)
{
  g_return_val_if_fail (RPT_IS_CHECK (self), RPT_N_PARTS);
  return self->part;
}

const char *
rpt_check_get_item_id (RptCheck *self)
{
  g_return_val_if_fail (RPT_IS_CHECK (self), NULL);
  return self->item_id;
}

const char *
rpt_check_get_field (RptCheck *self)
{
  g_return_val_if_fail (RPT_IS_CHECK (self), NULL);
  return self->field;
}

gboolean
rpt_check_has_fix (RptCheck *self)
{
  g_return_val_if_fail (RPT_IS_CHECK (self), FALSE);
  return self->fix != FIX_NONE;
}

const char *
rpt_check_get_fix_label (RptCheck *self)
{
  g_return_val_if_fail (RPT_IS_CHECK (self), NULL);
  return self->fix_label;
}

static gboolean
changed_since (GError **error)
{
  g_set_error (error, RPT_ERROR, RPT_ERROR_NOT_FOUND,
               _ ("The letter changed since it was checked: check it again before fixing"));
  return FALSE;
}

/**
 * rpt_check_apply_fix:
 * @letter: the letter that was checked
 *
 * Applies the fix: one property set, or one item removed, through the
 * model's own API, so that it is undone like any edit. Nothing changes
 * if the letter no longer holds what the check saw (the item is gone or
 * its words were edited since): @error then says to check again.
 *
 * Returns: whether the fix was applied
 */
gboolean
rpt_check_apply_fix (RptCheck *self, RptLetter *letter, GError **error)
{
  GObject *target = G_OBJECT (letter);
  RptPart part = RPT_N_PARTS;
  guint position = 0;

  g_return_val_if_fail (RPT_IS_CHECK (self), FALSE);
  g_return_val_if_fail (RPT_IS_LETTER (letter), FALSE);

  if (self->fix == FIX_NONE)
    {
      g_set_error (error, RPT_ERROR, RPT_ERROR_INVALID_ARGUMENT,
                   _ ("There is no fix for this check: edit the letter"));
      return FALSE;
    }
  if (self->item_id != NULL)
    {
      target = rpt_letter_find_item (letter, self->item_id, &part, &position);
      if (target == NULL || part != self->part)
        return changed_since (error);
    }

  if (self->fix == FIX_REMOVE)
    {
      if (!RPT_IS_PARAGRAPH (target) || g_strcmp0 (rpt_paragraph_get_text (RPT_PARAGRAPH (target)),
                                                   g_value_get_string (&self->old_value)) != 0)
        return changed_since (error);
      rpt_letter_remove_item (letter, part, position);
      return TRUE;
    }

  {
    GParamSpec *pspec = g_object_class_find_property (G_OBJECT_GET_CLASS (target), self->field);
    g_auto (GValue) current = G_VALUE_INIT;

    if (pspec == NULL || G_PARAM_SPEC_VALUE_TYPE (pspec) != G_VALUE_TYPE (&self->old_value))
      return changed_since (error);
    g_value_init (&current, G_PARAM_SPEC_VALUE_TYPE (pspec));
    g_object_get_property (target, self->field, &current);
    if (g_param_values_cmp (pspec, &current, &self->old_value) != 0)
      return changed_since (error);
    g_object_set_property (target, self->field, &self->new_value);
  }
  return TRUE;
}

/* Two fixes are the same only if they would replace the same words: a
 * check kept from an earlier run must not carry a fix for older text. */
static gboolean
values_equal (const GValue *a, const GValue *b)
{
  g_autofree char *a_contents = NULL;
  g_autofree char *b_contents = NULL;

  if (!G_IS_VALUE (a) || !G_IS_VALUE (b))
    return G_IS_VALUE (a) == G_IS_VALUE (b);
  if (G_VALUE_TYPE (a) != G_VALUE_TYPE (b))
    return FALSE;
  if (G_VALUE_HOLDS_STRING (a))
    return g_strcmp0 (g_value_get_string (a), g_value_get_string (b)) == 0;
  a_contents = g_strdup_value_contents (a);
  b_contents = g_strdup_value_contents (b);
  return g_str_equal (a_contents, b_contents);
}

/**
 * rpt_check_equal:
 *
 * Returns: whether @a and @b found the same thing at the same place
 */
gboolean
rpt_check_equal (RptCheck *a, RptCheck *b)
{
  g_return_val_if_fail (RPT_IS_CHECK (a) && RPT_IS_CHECK (b), FALSE);

  return a->info == b->info && a->part == b->part && g_strcmp0 (a->message, b->message) == 0 &&
         g_strcmp0 (a->item_id, b->item_id) == 0 && g_strcmp0 (a->field, b->field) == 0 &&
         a->fix == b->fix && g_strcmp0 (a->fix_label, b->fix_label) == 0 &&
         values_equal (&a->old_value, &b->old_value) && values_equal (&a->new_value, &b->new_value);
}

/**
 * rpt_check_compare:
 *
 * Errors first, then warnings, then the rest; within a severity, in the
 * order of the letter.
 */
int
rpt_check_compare (RptCheck *a, RptCheck *b)
{
  g_return_val_if_fail (RPT_IS_CHECK (a) && RPT_IS_CHECK (b), 0);

  if (a->info->severity != b->info->severity)
    return a->info->severity < b->info->severity ? -1 : 1;
  return a->sequence < b->sequence ? -1 : a->sequence > b->sequence ? 1 : 0;
}
