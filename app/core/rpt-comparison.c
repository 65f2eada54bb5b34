/* rpt-comparison.c
 *
 * Copyright 2026 The Rapporteur authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "rpt-comparison"

#include <glib/gi18n-lib.h>
#include <stdio.h>
#include <string.h>

#include "rpt-communication.h"
#include "rpt-comparison.h"
#include "rpt-diff.h"
#include "rpt-mandate.h"
#include "rpt-paragraph.h"
#include "rpt-person.h"
#include "rpt-signatory.h"

/**
 * RptComparison:
 *
 * What changed between two letters, on the letter model: the letter's own
 * fields; the items of each part matched by their stable ids (added,
 * removed, moved, edited, edited and moved); inside edited paragraphs, the
 * words (rpt-text-diff.h). The application's comparison view, `rapporteur-cli
 * diff` in every format and the redline writers all read this one result.
 *
 * A move is found as what it is: of the items both letters share, a longest
 * run that kept its order stays in place (rpt_diff_longest_increasing()),
 * and the rest moved. Item fields are compared property by property, so a
 * field added to the model is compared without a change here.
 */
struct _RptComparison
{
  GObject parent_instance;

  RptLetter *old_letter;
  RptLetter *new_letter;
  RptReference *reference;
  char *old_label;
  char *new_label;
  char *author;
  GDateTime *date;

  GPtrArray *fields;               /* of RptFieldChange */
  GPtrArray *changes[RPT_N_PARTS]; /* of RptItemChange, in reading order */
  GHashTable *by_id;               /* id → RptItemChange */
};

G_DEFINE_FINAL_TYPE (RptComparison, rpt_comparison, G_TYPE_OBJECT)

G_DEFINE_ENUM_TYPE (RptChangeKind,
                    rpt_change_kind,
                    G_DEFINE_ENUM_VALUE (RPT_CHANGE_ADDED, "added"),
                    G_DEFINE_ENUM_VALUE (RPT_CHANGE_REMOVED, "removed"),
                    G_DEFINE_ENUM_VALUE (RPT_CHANGE_MOVED, "moved"),
                    G_DEFINE_ENUM_VALUE (RPT_CHANGE_EDITED, "edited"),
                    G_DEFINE_ENUM_VALUE (RPT_CHANGE_EDITED_MOVED, "edited-moved"))

/**
 * rpt_change_kind_to_string:
 *
 * Returns: the kind as the comparison XML writes it ("edited-moved")
 */
const char *
rpt_change_kind_to_string (RptChangeKind kind)
{
  static const char *const names[] = { "added", "removed", "moved", "edited", "edited-moved" };

  g_return_val_if_fail (kind <= RPT_CHANGE_EDITED_MOVED, NULL);
  return names[kind];
}

static void
field_change_free (RptFieldChange *field)
{
  g_free (field->name);
  g_free (field->label);
  g_free (field->old_value);
  g_free (field->new_value);
  g_free (field->old_raw);
  g_free (field->new_raw);
  g_clear_pointer (&field->text, rpt_text_diff_unref);
  g_free (field);
}

static void
item_change_free (RptItemChange *change)
{
  g_free (change->id);
  g_clear_object (&change->old_item);
  g_clear_object (&change->new_item);
  g_ptr_array_unref (change->fields);
  g_clear_pointer (&change->text, rpt_text_diff_unref);
  g_free (change->split_from);
  g_free (change->joined_into);
  g_free (change->label);
  g_free (change);
}

static void
rpt_comparison_finalize (GObject *object)
{
  RptComparison *self = RPT_COMPARISON (object);

  g_clear_object (&self->old_letter);
  g_clear_object (&self->new_letter);
  g_clear_object (&self->reference);
  g_free (self->old_label);
  g_free (self->new_label);
  g_free (self->author);
  g_clear_pointer (&self->date, g_date_time_unref);
  g_ptr_array_unref (self->fields);
  for (guint p = 0; p < RPT_N_PARTS; p++)
    g_ptr_array_unref (self->changes[p]);
  g_hash_table_unref (self->by_id);
  G_OBJECT_CLASS (rpt_comparison_parent_class)->finalize (object);
}

static void
rpt_comparison_class_init (RptComparisonClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = rpt_comparison_finalize;
}

static void
rpt_comparison_init (RptComparison *self)
{
  self->fields = g_ptr_array_new_with_free_func ((GDestroyNotify) field_change_free);
  for (guint p = 0; p < RPT_N_PARTS; p++)
    self->changes[p] = g_ptr_array_new_with_free_func ((GDestroyNotify) item_change_free);
  self->by_id = g_hash_table_new (g_str_hash, g_str_equal);
}

/* --- how values read ------------------------------------------------- */

/* The reference data names mandates and countries; it is read only when a
 * change needs a name, which most comparisons (of words) never do. */
static RptReference *
get_reference (RptComparison *self)
{
  if (self->reference == NULL)
    self->reference = g_object_ref (rpt_reference_get_default ());
  return self->reference;
}

/**
 * rpt_format_date_long:
 * @iso_date: (nullable): YYYY-MM-DD
 *
 * Returns: (transfer full) (nullable): the date as people read it in the
 *   interface's language ("23 April 2025")
 */
char *
rpt_format_date_long (const char *iso_date)
{
  g_autoptr (GDateTime) dt = NULL;
  int y, m, d;

  if (iso_date == NULL || sscanf (iso_date, "%d-%d-%d", &y, &m, &d) != 3)
    return g_strdup (iso_date);
  dt = g_date_time_new_utc (y, m, d, 0, 0, 0);
  if (dt == NULL)
    return g_strdup (iso_date);
  /* Translators: a date in a comparison of two letters (strftime format, as
   * GLib's g_date_time_format() reads it) */
  return g_date_time_format (dt, C_ ("comparison date", "%-d %B %Y"));
}

/**
 * rpt_part_get_label:
 *
 * Returns: the part's name as a heading, translated
 */
const char *
rpt_part_get_label (RptPart part)
{
  switch (part)
    {
    case RPT_PART_MANDATES:
      return _ ("Mandates");
    case RPT_PART_SIGNATORIES:
      return _ ("Signatories");
    case RPT_PART_PERSONS:
      return _ ("Persons Concerned");
    case RPT_PART_PROFILE:
      return _ ("Profile");
    case RPT_PART_COMMUNICATIONS:
      return _ ("Previous Communications");
    case RPT_PART_FACTS:
      return _ ("Facts");
    case RPT_PART_CONCERNS:
      return _ ("Concerns");
    case RPT_PART_QUESTIONS:
      return _ ("Questions");
    case RPT_PART_ANNEX:
      return _ ("Legal Annex");
    case RPT_N_PARTS:
    default:
      g_return_val_if_reached (NULL);
    }
}

typedef struct
{
  const char *name;
  const char *label;
} Label;

/* Field labels, by property name. A property missing here still compares,
 * under its own name. */
static const char *
field_label (const char *name)
{
  static const Label labels[] = {
    { "kind", N_ ("Kind") },
    { "country", N_ ("Addressee") },
    { "addressee-name", N_ ("Addressee name") },
    { "salutation", N_ ("Salutation") },
    { "reference", N_ ("Reference") },
    { "date", N_ ("Date") },
    { "language", N_ ("Language") },
    { "summary", N_ ("Subject") },
    { "communications-about", N_ ("Earlier letters were about") },
    { "press-release", N_ ("Press release") },
    { "wgad", N_ ("Arbitrary detention paragraph") },
    { "interim-measures", N_ ("Interim measures") },
    { "name", N_ ("Name") },
    { "honorific", N_ ("Honorific") },
    { "gender", N_ ("Gender") },
    { "age", N_ ("Age") },
    { "occupation", N_ ("Occupation") },
    { "defender", N_ ("Human rights defender") },
    { "deprived-of-liberty", N_ ("Deprived of liberty") },
    { "text", N_ ("Text") },
    { "place", N_ ("Place") },
    { "persons", N_ ("Persons") },
    { "style", N_ ("Style") },
    { "key", N_ ("Mandate") },
    { "mandate", N_ ("Mandate") },
    { "title", N_ ("Title") },
    { "resolutions", N_ ("Resolutions") },
    { "reply-date", N_ ("Reply") },
    { "summary-article", N_ ("Before the subject") },
    { "summary-article-text", N_ ("Own words before the subject") },
    { "facts-lead", N_ ("Facts open with") },
    { "communications-place", N_ ("Earlier letters stand") },
    { "co-senders", N_ ("Co-senders outside the Special Procedures") },
    { "house-style", N_ ("House style edition") },
    { "sender", N_ ("Sent by") },
    { "senders", N_ ("Other senders") },
    { "reply", N_ ("What the letter says of the reply") },
    { "reply-comment", N_ ("Concerns the reply left") },
    { "sentence", N_ ("Own sentence") },
  };

  for (guint i = 0; i < G_N_ELEMENTS (labels); i++)
    if (g_str_equal (labels[i].name, name))
      return _ (labels[i].label);
  return name;
}

static gboolean
is_markup_property (GObject *object, const char *name)
{
  if (RPT_IS_LETTER (object))
    return g_str_equal (name, "summary") || g_str_equal (name, "communications-about") ||
           g_str_equal (name, "co-senders");
  if (RPT_IS_COMMUNICATION (object))
    return g_str_equal (name, "reply-comment") || g_str_equal (name, "sentence");
  return RPT_IS_PARAGRAPH (object) && g_str_equal (name, "text");
}

static char *
enum_display (GType type, int value)
{
  if (type == RPT_TYPE_LETTER_KIND)
    switch (value)
      {
      case RPT_LETTER_KIND_AL:
        return g_strdup (_ ("allegation letter (AL)"));
      case RPT_LETTER_KIND_UA:
        return g_strdup (_ ("urgent appeal (UA)"));
      case RPT_LETTER_KIND_OL:
        return g_strdup (_ ("letter on legislation and policy (OL)"));
      default:
        break;
      }
  if (type == RPT_TYPE_GENDER)
    switch (value)
      {
      case RPT_GENDER_UNKNOWN:
        return NULL;
      case RPT_GENDER_FEMALE:
        return g_strdup (_ ("female"));
      case RPT_GENDER_MALE:
        return g_strdup (_ ("male"));
      case RPT_GENDER_OTHER:
        return g_strdup (_ ("other"));
      default:
        break;
      }
  if (type == RPT_TYPE_WGAD)
    switch (value)
      {
      case RPT_WGAD_AUTO:
        return g_strdup (_ ("when a person is deprived of liberty"));
      case RPT_WGAD_YES:
        return g_strdup (_ ("always"));
      case RPT_WGAD_NO:
        return g_strdup (_ ("never"));
      default:
        break;
      }
  if (type == RPT_TYPE_PARAGRAPH_STYLE)
    return g_strdup (value == RPT_PARAGRAPH_STYLE_BULLET ? _ ("bullet") : _ ("paragraph"));
  if (type == RPT_TYPE_SUMMARY_ARTICLE)
    switch (value)
      {
      case RPT_SUMMARY_ARTICLE_USUAL:
        return g_strdup (_ ("the usual article"));
      case RPT_SUMMARY_ARTICLE_NONE:
        return g_strdup (_ ("no article"));
      case RPT_SUMMARY_ARTICLE_OWN:
        return g_strdup (_ ("own words"));
      default:
        break;
      }
  if (type == RPT_TYPE_FACTS_LEAD)
    return g_strdup (value == RPT_FACTS_LEAD_NEW_INFORMATION
                       ? _ ("“According to the new information received:”")
                       : _ ("“According to the information received:”"));
  if (type == RPT_TYPE_COMMUNICATIONS_PLACE)
    switch (value)
      {
      case RPT_COMMUNICATIONS_PLACE_AFTER_SUBJECT:
        return g_strdup (_ ("after the subject"));
      case RPT_COMMUNICATIONS_PLACE_AFTER_PROFILE:
        return g_strdup (_ ("after the profile"));
      case RPT_COMMUNICATIONS_PLACE_AFTER_FACTS:
        return g_strdup (_ ("after the facts"));
      case RPT_COMMUNICATIONS_PLACE_AFTER_CONCERNS:
        return g_strdup (_ ("after the concerns"));
      default:
        break;
      }
  if (type == RPT_TYPE_COMMUNICATION_SENDER)
    return g_strdup (value == RPT_COMMUNICATION_SENDER_OTHERS ? _ ("other mandate holders")
                                                              : _ ("these mandates"));
  if (type == RPT_TYPE_REPLY)
    switch (value)
      {
      case RPT_REPLY_AUTO:
        return g_strdup (_ ("as the reply date says"));
      case RPT_REPLY_NOT_RECEIVED:
        return g_strdup (_ ("not received"));
      case RPT_REPLY_RECEIVED:
        return g_strdup (_ ("received"));
      case RPT_REPLY_PARTIAL:
        return g_strdup (_ ("received, concerns remain"));
      case RPT_REPLY_UNMENTIONED:
        return g_strdup (_ ("not mentioned"));
      default:
        break;
      }
  {
    g_autoptr (GEnumClass) klass = g_type_class_ref (type);
    GEnumValue *v = g_enum_get_value (klass, value);
    return g_strdup (v != NULL ? v->value_nick : NULL);
  }
}

static char *
enum_raw (GType type, int value)
{
  g_autoptr (GEnumClass) klass = NULL;
  GEnumValue *v;

  if (type == RPT_TYPE_LETTER_KIND)
    return g_strdup (rpt_letter_kind_to_code ((RptLetterKind) value));
  klass = g_type_class_ref (type);
  v = g_enum_get_value (klass, value);
  return g_strdup (v != NULL ? v->value_nick : NULL);
}

static char *
mandate_title (RptComparison *self, RptMandate *mandate)
{
  const RptMandateInfo *info;

  if (rpt_mandate_get_title (mandate) != NULL)
    return g_strdup (rpt_mandate_get_title (mandate));
  info = rpt_mandate_get_key (mandate) != NULL
           ? rpt_reference_lookup_mandate (get_reference (self), rpt_mandate_get_key (mandate))
           : NULL;
  if (info != NULL)
    return g_strdup (rpt_mandate_info_get_title (info, "en"));
  return g_strdup (rpt_mandate_get_key (mandate));
}

static char *
person_name (RptLetter *letter, const char *id)
{
  RptPart part;
  gpointer item = rpt_letter_find_item (letter, id, &part, NULL);

  if (item != NULL && part == RPT_PART_PERSONS && rpt_person_get_name (item) != NULL)
    return g_strdup (rpt_person_get_name (item));
  return g_strdup (_ ("an unnamed person"));
}

/* The value as people read it, in @letter (mandate and person ids name
 * things in the letter they come from). */
static char *
value_display (RptComparison *self, RptLetter *letter, const char *name, const GValue *value)
{
  GType type = G_VALUE_TYPE (value);

  if (type == G_TYPE_STRING)
    {
      const char *s = g_value_get_string (value);
      if (s == NULL || s[0] == '\0')
        return NULL;
      if (g_str_equal (name, "date") || g_str_equal (name, "reply-date"))
        return rpt_format_date_long (s);
      if (g_str_equal (name, "country"))
        {
          g_autofree char *country = rpt_reference_dup_country_name (get_reference (self), s, "en");
          if (g_str_equal (s, "OTH"))
            return g_strdup (_ ("a company or organisation (OTH)"));
          return country != NULL ? g_strdup_printf ("%s (%s)", country, s) : g_strdup (s);
        }
      if (g_str_equal (name, "key"))
        {
          const RptMandateInfo *info = rpt_reference_lookup_mandate (get_reference (self), s);
          return g_strdup (info != NULL ? rpt_mandate_info_get_title (info, "en") : s);
        }
      if (g_str_equal (name, "mandate"))
        {
          RptPart part;
          gpointer item = rpt_letter_find_item (letter, s, &part, NULL);
          if (item != NULL && part == RPT_PART_MANDATES)
            return mandate_title (self, item);
        }
      return g_strdup (s);
    }
  if (type == G_TYPE_BOOLEAN)
    return g_strdup (g_value_get_boolean (value) ? _ ("yes") : _ ("no"));
  if (type == G_TYPE_INT)
    return g_value_get_int (value) < 0 ? NULL : g_strdup_printf ("%d", g_value_get_int (value));
  if (type == G_TYPE_UINT)
    return g_value_get_uint (value) == 0 ? NULL : g_strdup_printf ("%u", g_value_get_uint (value));
  if (G_TYPE_IS_ENUM (type))
    return enum_display (type, g_value_get_enum (value));
  if (type == G_TYPE_STRV)
    {
      const char *const *v = g_value_get_boxed (value);
      g_autoptr (GPtrArray) names = g_ptr_array_new_with_free_func (g_free);

      if (v == NULL || v[0] == NULL)
        return NULL;
      for (guint i = 0; v[i] != NULL; i++)
        g_ptr_array_add (names, g_str_equal (name, "persons") ? person_name (letter, v[i])
                                                              : g_strdup (v[i]));
      g_ptr_array_add (names, NULL);
      return g_strjoinv ("; ", (char **) names->pdata);
    }
  return NULL;
}

static char *
value_raw (const GValue *value)
{
  GType type = G_VALUE_TYPE (value);

  if (type == G_TYPE_STRING)
    return g_value_dup_string (value);
  if (type == G_TYPE_BOOLEAN)
    return g_strdup (g_value_get_boolean (value) ? "true" : "false");
  if (type == G_TYPE_INT)
    return g_value_get_int (value) < 0 ? NULL : g_strdup_printf ("%d", g_value_get_int (value));
  if (type == G_TYPE_UINT)
    return g_strdup_printf ("%u", g_value_get_uint (value));
  if (G_TYPE_IS_ENUM (type))
    return enum_raw (type, g_value_get_enum (value));
  if (type == G_TYPE_STRV)
    {
      const char *const *v = g_value_get_boxed (value);
      return v != NULL ? g_strjoinv (" ", (char **) v) : NULL;
    }
  return NULL;
}

static gboolean
values_equal (GParamSpec *pspec, const GValue *a, const GValue *b)
{
  if (G_VALUE_TYPE (a) == G_TYPE_STRV)
    {
      const char *const *x = g_value_get_boxed (a);
      const char *const *y = g_value_get_boxed (b);
      if (x == NULL || y == NULL)
        return (x == NULL || x[0] == NULL) && (y == NULL || y[0] == NULL);
      return g_strv_equal (x, y);
    }
  if (G_VALUE_TYPE (a) == G_TYPE_STRING)
    return g_strcmp0 (g_value_get_string (a), g_value_get_string (b)) == 0;
  return g_param_values_cmp (pspec, a, b) == 0;
}

/* The properties of a model class, listed once: a long letter compares
 * thousands of items of a handful of classes, and listing walks the
 * class's ancestry each time. Classes are never unloaded. */
static GParamSpec **
class_properties (GType type, guint *n_specs)
{
  static GMutex lock;
  static GHashTable *by_type = NULL; /* GType → GPtrArray of GParamSpec */
  GPtrArray *specs;

  g_mutex_lock (&lock);
  if (by_type == NULL)
    by_type = g_hash_table_new (NULL, NULL);
  specs = g_hash_table_lookup (by_type, GSIZE_TO_POINTER (type));
  if (specs == NULL)
    {
      guint n = 0;
      g_autofree GParamSpec **list = g_object_class_list_properties (g_type_class_peek (type), &n);

      specs = g_ptr_array_sized_new (n);
      for (guint i = 0; i < n; i++)
        g_ptr_array_add (specs, list[i]);
      g_hash_table_insert (by_type, GSIZE_TO_POINTER (type), specs);
    }
  g_mutex_unlock (&lock);
  *n_specs = specs->len;
  return (GParamSpec **) specs->pdata;
}

/* Compares every readable property of @a and @b but those in @skip. */
static gboolean
compare_properties (RptComparison *self,
                    GObject *a,
                    GObject *b,
                    const char *const *skip,
                    GPtrArray *fields,
                    RptTextDiff **text,
                    GError **error)
{
  guint n_specs;
  GParamSpec **specs = class_properties (G_OBJECT_TYPE (a), &n_specs);

  for (guint i = 0; i < n_specs; i++)
    {
      GParamSpec *pspec = specs[i];
      g_auto (GValue) va = G_VALUE_INIT;
      g_auto (GValue) vb = G_VALUE_INIT;
      RptFieldChange *field;

      if (!(pspec->flags & G_PARAM_READABLE) || g_str_equal (pspec->name, "id") ||
          (skip != NULL && g_strv_contains (skip, pspec->name)))
        continue;
      g_value_init (&va, pspec->value_type);
      g_value_init (&vb, pspec->value_type);
      g_object_get_property (a, pspec->name, &va);
      g_object_get_property (b, pspec->name, &vb);
      if (values_equal (pspec, &va, &vb))
        continue;

      if (is_markup_property (a, pspec->name))
        {
          RptTextDiff *diff =
            rpt_text_diff_new (g_value_get_string (&va), g_value_get_string (&vb), error);
          if (diff == NULL)
            return FALSE;
          if (text != NULL && RPT_IS_PARAGRAPH (a))
            {
              *text = diff;
              continue;
            }
          field = g_new0 (RptFieldChange, 1);
          field->text = diff;
        }
      else
        field = g_new0 (RptFieldChange, 1);
      field->name = g_strdup (pspec->name);
      field->label = g_strdup (field_label (pspec->name));
      field->old_value = value_display (self, self->old_letter, pspec->name, &va);
      field->new_value = value_display (self, self->new_letter, pspec->name, &vb);
      field->old_raw = value_raw (&va);
      field->new_raw = value_raw (&vb);
      g_ptr_array_add (fields, field);
    }
  return TRUE;
}

/* --- the letter's own fields ----------------------------------------- */

static gboolean
compare_letter_fields (RptComparison *self, GError **error)
{
  /* The reference follows the kind and the addressee; its own parts are
   * the number and the year, compared as one field. */
  static const char *const skip[] = { "reference-number", "reference-year", NULL };
  RptLetter *a = self->old_letter, *b = self->new_letter;

  if (!compare_properties (self, G_OBJECT (a), G_OBJECT (b), skip, self->fields, NULL, error))
    return FALSE;
  if (rpt_letter_get_reference_number (a) != rpt_letter_get_reference_number (b) ||
      rpt_letter_get_reference_year (a) != rpt_letter_get_reference_year (b))
    {
      RptFieldChange *field = g_new0 (RptFieldChange, 1);
      guint position = 0;

      field->name = g_strdup ("reference");
      field->label = g_strdup (field_label ("reference"));
      field->old_value = rpt_letter_dup_reference (a);
      field->new_value = rpt_letter_dup_reference (b);
      field->old_raw = g_strdup (field->old_value);
      field->new_raw = g_strdup (field->new_value);
      /* After the kind and addressee, where people look for it. */
      for (; position < self->fields->len; position++)
        {
          RptFieldChange *other = g_ptr_array_index (self->fields, position);
          if (!g_str_equal (other->name, "kind") && !g_str_equal (other->name, "country") &&
              !g_str_equal (other->name, "addressee-name") &&
              !g_str_equal (other->name, "salutation"))
            break;
        }
      g_ptr_array_insert (self->fields, (int) position, field);
    }
  return TRUE;
}

/* --- items --------------------------------------------------------- */

/* @former: the item is only in the older letter, and @position counts
 * there: "Former fact 3", so that it is not taken for the newer fact 3. */
static char *
item_label (RptComparison *self, RptPart part, GObject *item, int position, gboolean former)
{
  int n = position + 1;

  switch (part)
    {
    case RPT_PART_MANDATES:
      return mandate_title (self, RPT_MANDATE (item));
    case RPT_PART_SIGNATORIES:
      return g_strdup (rpt_signatory_get_name (RPT_SIGNATORY (item)) != NULL
                         ? rpt_signatory_get_name (RPT_SIGNATORY (item))
                         : _ ("Unnamed signatory"));
    case RPT_PART_PERSONS:
      return g_strdup (rpt_person_get_name (RPT_PERSON (item)) != NULL
                         ? rpt_person_get_name (RPT_PERSON (item))
                         : _ ("Unnamed person"));
    case RPT_PART_COMMUNICATIONS:
      if (rpt_communication_get_reference (RPT_COMMUNICATION (item)) != NULL)
        return g_strdup (rpt_communication_get_reference (RPT_COMMUNICATION (item)));
      return g_strdup_printf (_ ("Communication %d"), n);
    case RPT_PART_PROFILE:
      return g_strdup_printf (
        former ? _ ("Former profile paragraph %d") : _ ("Profile paragraph %d"), n);
    case RPT_PART_FACTS:
      return g_strdup_printf (former ? _ ("Former fact %d") : _ ("Fact %d"), n);
    case RPT_PART_CONCERNS:
      return g_strdup_printf (former ? _ ("Former concern %d") : _ ("Concern %d"), n);
    case RPT_PART_QUESTIONS:
      return g_strdup_printf (former ? _ ("Former question %d") : _ ("Question %d"), n);
    case RPT_PART_ANNEX:
      return g_strdup_printf (former ? _ ("Former annex paragraph %d") : _ ("Annex paragraph %d"),
                              n);
    case RPT_N_PARTS:
    default:
      g_return_val_if_reached (NULL);
    }
}

/**
 * rpt_letter_dup_item_label:
 * @id: an item's id
 *
 * Returns: (transfer full) (nullable): the item as people name it: "Fact
 *   3", a person's or a signatory's name, a mandate's title; %NULL when
 *   @letter has no such item
 */
char *
rpt_letter_dup_item_label (RptLetter *letter, const char *id)
{
  g_autoptr (RptComparison) names = NULL;
  RptPart part;
  guint position;
  gpointer item;

  g_return_val_if_fail (RPT_IS_LETTER (letter), NULL);

  if (id == NULL || (item = rpt_letter_find_item (letter, id, &part, &position)) == NULL)
    return NULL;
  /* item_label() needs a comparison for the reference data only. */
  names = g_object_new (RPT_TYPE_COMPARISON, NULL);
  return item_label (names, part, item, (int) position, FALSE);
}

static RptItemChange *
item_change_new (RptComparison *self,
                 RptPart part,
                 RptChangeKind kind,
                 GObject *old_item,
                 int old_position,
                 GObject *new_item,
                 int new_position)
{
  RptItemChange *change = g_new0 (RptItemChange, 1);

  change->part = part;
  change->kind = kind;
  change->id = g_strdup (rpt_letter_item_get_id (new_item != NULL ? new_item : old_item));
  change->old_item = old_item != NULL ? g_object_ref (old_item) : NULL;
  change->new_item = new_item != NULL ? g_object_ref (new_item) : NULL;
  change->old_position = old_position;
  change->new_position = new_position;
  change->fields = g_ptr_array_new_with_free_func ((GDestroyNotify) field_change_free);
  change->label = item_label (self, part, new_item != NULL ? new_item : old_item,
                              new_item != NULL ? new_position : old_position, new_item == NULL);
  return change;
}

static char *
plain_squeezed (const char *text)
{
  g_auto (GStrv) words = g_strsplit_set (text != NULL ? text : "", " \t\n", -1);
  g_autoptr (GString) out = g_string_new (NULL);

  for (guint i = 0; words[i] != NULL; i++)
    if (words[i][0] != '\0')
      {
        if (out->len > 0)
          g_string_append_c (out, ' ');
        g_string_append (out, words[i]);
      }
  return g_string_free (g_steal_pointer (&out), FALSE);
}

/* The words of the last changes of @diff of kind @op, after the last words
 * left the same: what a split cut off, or what a join appended. */
static char *
trailing_change (RptTextDiff *diff, RptTextOp op)
{
  g_autoptr (GString) text = g_string_new (NULL);
  guint n = rpt_text_diff_get_n_segments (diff);
  guint i = n;

  while (i > 0)
    {
      const RptTextSegment *seg = rpt_text_diff_get_segment (diff, i - 1);
      g_autofree char *words = NULL;

      if (seg->op == RPT_TEXT_SAME)
        {
          words = rpt_text_diff_dup_text (diff, TRUE, seg->a_start, seg->a_len);
          if (g_strstrip (words)[0] != '\0')
            break;
        }
      else if (seg->op != op)
        return NULL;
      i--;
    }
  for (; i < n; i++)
    {
      const RptTextSegment *seg = rpt_text_diff_get_segment (diff, i);
      g_autofree char *words = NULL;
      if (seg->op != op)
        continue;
      words = op == RPT_TEXT_DELETED
                ? rpt_text_diff_dup_text (diff, TRUE, seg->a_start, seg->a_len)
                : rpt_text_diff_dup_text (diff, FALSE, seg->b_start, seg->b_len);
      g_string_append (text, words);
    }
  return plain_squeezed (text->str);
}

/* A paragraph split in two is its first half edited and a new paragraph
 * after it holding the words cut off; two joined are the first edited and
 * the second removed. Both read better said as such. */
static void
find_splits_and_joins (RptComparison *self,
                       GPtrArray *changes,
                       RptLetter *old_letter,
                       RptLetter *new_letter,
                       RptPart part)
{
  for (guint i = 0; i < changes->len; i++)
    {
      RptItemChange *change = g_ptr_array_index (changes, i);
      RptLetter *letter = change->kind == RPT_CHANGE_ADDED ? new_letter : old_letter;
      int position = change->kind == RPT_CHANGE_ADDED ? change->new_position : change->old_position;
      RptParagraph *before;
      RptItemChange *neighbour;
      g_autofree char *tail = NULL;
      g_autofree char *own = NULL;

      if ((change->kind != RPT_CHANGE_ADDED && change->kind != RPT_CHANGE_REMOVED) ||
          position <= 0 || change->text == NULL)
        continue;
      before = rpt_letter_get_item (letter, part, (guint) position - 1);
      neighbour = g_hash_table_lookup (self->by_id, rpt_paragraph_get_id (before));
      if (neighbour == NULL || neighbour->text == NULL ||
          (neighbour->kind != RPT_CHANGE_EDITED && neighbour->kind != RPT_CHANGE_EDITED_MOVED))
        continue;
      own = rpt_markup_to_plain (rpt_paragraph_get_text (
        RPT_PARAGRAPH (change->kind == RPT_CHANGE_ADDED ? change->new_item : change->old_item)));
      {
        g_autofree char *squeezed = plain_squeezed (own);
        tail = trailing_change (
          neighbour->text, change->kind == RPT_CHANGE_ADDED ? RPT_TEXT_DELETED : RPT_TEXT_INSERTED);
        if (tail == NULL || squeezed[0] == '\0' || !g_str_equal (tail, squeezed))
          continue;
      }
      if (change->kind == RPT_CHANGE_ADDED)
        change->split_from = g_strdup (neighbour->id);
      else
        change->joined_into = g_strdup (neighbour->id);
    }
}

/* An added or removed item's fields, as changes from or to an empty item
 * of its kind: what a reviewer needs to know of a new person is more than
 * the name. */
static gboolean
describe_whole_item (RptComparison *self,
                     RptItemChange *change,
                     GObject *item,
                     gboolean removed,
                     GError **error)
{
  static const char *const skip[] = { "text", NULL };
  g_autoptr (GObject) empty = g_object_new (G_OBJECT_TYPE (item), NULL);

  return removed ? compare_properties (self, item, empty, skip, change->fields, NULL, error)
                 : compare_properties (self, empty, item, skip, change->fields, NULL, error);
}

static gboolean
compare_part (RptComparison *self, RptPart part, GError **error)
{
  RptLetter *a = self->old_letter, *b = self->new_letter;
  guint n_a = rpt_letter_get_n_items (a, part), n_b = rpt_letter_get_n_items (b, part);
  g_autoptr (GHashTable) old_index = g_hash_table_new (g_str_hash, g_str_equal);
  g_autofree guint *shared_old = g_new (guint, MAX (n_b, 1));   /* old position, in new order */
  g_autofree guint *shared_new = g_new (guint, MAX (n_b, 1));   /* new position */
  g_autofree gboolean *stays = g_new0 (gboolean, MAX (n_b, 1)); /* by new position */
  g_autofree gboolean *kept = g_new0 (gboolean, MAX (n_a, 1));  /* by old position */
  g_autofree guint *lis = NULL;
  guint n_shared = 0, n_lis = 0;
  GPtrArray *changes = self->changes[part];
  guint ia = 0;

  for (guint i = 0; i < n_a; i++)
    g_hash_table_insert (old_index,
                         (gpointer) rpt_letter_item_get_id (rpt_letter_get_item (a, part, i)),
                         GUINT_TO_POINTER (i + 1));
  for (guint j = 0; j < n_b; j++)
    {
      guint i = GPOINTER_TO_UINT (
        g_hash_table_lookup (old_index, rpt_letter_item_get_id (rpt_letter_get_item (b, part, j))));
      if (i == 0)
        continue;
      kept[i - 1] = TRUE;
      shared_old[n_shared] = i - 1;
      shared_new[n_shared] = j;
      n_shared++;
    }
  lis = rpt_diff_longest_increasing (shared_old, n_shared, &n_lis);
  for (guint k = 0; k < n_lis; k++)
    stays[shared_new[lis[k]]] = TRUE;

  /* Reading order: walk the newer letter; before each item that stayed,
   * the older letter's removed items up to its old place. */
  for (guint j = 0; j <= n_b; j++)
    {
      GObject *item_b = j < n_b ? rpt_letter_get_item (b, part, j) : NULL;
      guint i =
        item_b != NULL
          ? GPOINTER_TO_UINT (g_hash_table_lookup (old_index, rpt_letter_item_get_id (item_b)))
          : 0;
      RptItemChange *change = NULL;
      GObject *item_a;
      RptTextDiff *text = NULL;
      gboolean edited;

      if (item_b == NULL || (i > 0 && stays[j]))
        {
          guint until = item_b != NULL ? i - 1 : n_a;
          for (; ia < until; ia++)
            if (!kept[ia])
              {
                GObject *gone = rpt_letter_get_item (a, part, ia);
                RptItemChange *removed =
                  item_change_new (self, part, RPT_CHANGE_REMOVED, gone, (int) ia, NULL, -1);
                if (!describe_whole_item (self, removed, gone, TRUE, error))
                  {
                    item_change_free (removed);
                    return FALSE;
                  }
                if (RPT_IS_PARAGRAPH (gone))
                  {
                    removed->text =
                      rpt_text_diff_new (rpt_paragraph_get_text (RPT_PARAGRAPH (gone)), "", error);
                    if (removed->text == NULL)
                      {
                        item_change_free (removed);
                        return FALSE;
                      }
                  }
                g_ptr_array_add (changes, removed);
              }
          if (item_b == NULL)
            break;
          ia = i;
        }

      if (i == 0)
        {
          change = item_change_new (self, part, RPT_CHANGE_ADDED, NULL, -1, item_b, (int) j);
          if (!describe_whole_item (self, change, item_b, FALSE, error))
            {
              item_change_free (change);
              return FALSE;
            }
          if (RPT_IS_PARAGRAPH (item_b))
            {
              change->text =
                rpt_text_diff_new ("", rpt_paragraph_get_text (RPT_PARAGRAPH (item_b)), error);
              if (change->text == NULL)
                {
                  item_change_free (change);
                  return FALSE;
                }
            }
          g_ptr_array_add (changes, change);
          continue;
        }

      item_a = rpt_letter_get_item (a, part, i - 1);
      change =
        item_change_new (self, part, RPT_CHANGE_EDITED, item_a, (int) i - 1, item_b, (int) j);
      if (!compare_properties (self, item_a, item_b, NULL, change->fields, &text, error))
        {
          item_change_free (change);
          return FALSE;
        }
      change->text = text;
      edited = change->fields->len > 0 || text != NULL;
      if (!stays[j])
        change->kind = edited ? RPT_CHANGE_EDITED_MOVED : RPT_CHANGE_MOVED;
      else if (!edited)
        {
          item_change_free (change);
          continue;
        }
      g_ptr_array_add (changes, change);
    }

  for (guint k = 0; k < changes->len; k++)
    {
      RptItemChange *change = g_ptr_array_index (changes, k);
      g_hash_table_insert (self->by_id, change->id, change);
    }
  if (part == RPT_PART_PROFILE || part == RPT_PART_FACTS || part == RPT_PART_CONCERNS ||
      part == RPT_PART_QUESTIONS || part == RPT_PART_ANNEX)
    find_splits_and_joins (self, changes, a, b, part);
  return TRUE;
}

/**
 * rpt_comparison_new:
 * @old_letter: the older letter
 * @new_letter: the newer letter
 * @reference: (nullable): reference data to name mandates and countries;
 *   %NULL for the default
 *
 * Compares two letters. Letters of different ids compare too (every item
 * then reads as removed or added).
 *
 * Returns: (transfer full): the comparison, or %NULL with @error set if a
 *   paragraph's text is not valid markup
 */
RptComparison *
rpt_comparison_new (RptLetter *old_letter,
                    RptLetter *new_letter,
                    RptReference *reference,
                    GError **error)
{
  g_autoptr (RptComparison) self = NULL;

  g_return_val_if_fail (RPT_IS_LETTER (old_letter), NULL);
  g_return_val_if_fail (RPT_IS_LETTER (new_letter), NULL);

  self = g_object_new (RPT_TYPE_COMPARISON, NULL);
  self->old_letter = g_object_ref (old_letter);
  self->new_letter = g_object_ref (new_letter);
  if (reference != NULL)
    self->reference = g_object_ref (reference);
  self->date = g_date_time_new_now_utc ();

  if (!compare_letter_fields (self, error))
    return NULL;
  for (guint p = 0; p < RPT_N_PARTS; p++)
    if (!compare_part (self, (RptPart) p, error))
      return NULL;
  return g_steal_pointer (&self);
}

RptLetter *
rpt_comparison_get_old_letter (RptComparison *self)
{
  g_return_val_if_fail (RPT_IS_COMPARISON (self), NULL);
  return self->old_letter;
}

RptLetter *
rpt_comparison_get_new_letter (RptComparison *self)
{
  g_return_val_if_fail (RPT_IS_COMPARISON (self), NULL);
  return self->new_letter;
}

const char *
rpt_comparison_get_old_label (RptComparison *self)
{
  g_return_val_if_fail (RPT_IS_COMPARISON (self), NULL);
  return self->old_label;
}

const char *
rpt_comparison_get_new_label (RptComparison *self)
{
  g_return_val_if_fail (RPT_IS_COMPARISON (self), NULL);
  return self->new_label;
}

/**
 * rpt_comparison_set_labels:
 * @old_label: (nullable): how to name the older letter ("version 1 “Draft
 *   for review”")
 * @new_label: (nullable): the same for the newer
 */
void
rpt_comparison_set_labels (RptComparison *self, const char *old_label, const char *new_label)
{
  g_return_if_fail (RPT_IS_COMPARISON (self));
  g_free (self->old_label);
  g_free (self->new_label);
  self->old_label = g_strdup (old_label);
  self->new_label = g_strdup (new_label);
}

const char *
rpt_comparison_get_author (RptComparison *self)
{
  g_return_val_if_fail (RPT_IS_COMPARISON (self), NULL);
  return self->author;
}

/**
 * rpt_comparison_get_date:
 *
 * Returns: (transfer none): when the newer letter was made (what tracked
 *   changes record); the time of the comparison unless set
 */
GDateTime *
rpt_comparison_get_date (RptComparison *self)
{
  g_return_val_if_fail (RPT_IS_COMPARISON (self), NULL);
  return self->date;
}

/**
 * rpt_comparison_set_author:
 * @author: (nullable): who made the newer letter
 * @date: (nullable): when
 *
 * What tracked changes record as the author and date of every change.
 */
void
rpt_comparison_set_author (RptComparison *self, const char *author, GDateTime *date)
{
  g_return_if_fail (RPT_IS_COMPARISON (self));
  g_free (self->author);
  self->author = g_strdup (author);
  if (date != NULL)
    {
      g_date_time_unref (self->date);
      self->date = g_date_time_ref (date);
    }
}

/**
 * rpt_comparison_get_n_changes:
 *
 * Returns: the number of changed fields and items
 */
guint
rpt_comparison_get_n_changes (RptComparison *self)
{
  guint n;

  g_return_val_if_fail (RPT_IS_COMPARISON (self), 0);
  n = self->fields->len;
  for (guint p = 0; p < RPT_N_PARTS; p++)
    n += self->changes[p]->len;
  return n;
}

gboolean
rpt_comparison_is_equal (RptComparison *self)
{
  return rpt_comparison_get_n_changes (self) == 0;
}

/**
 * rpt_comparison_get_fields:
 *
 * Returns: (transfer none) (element-type RptFieldChange): the letter's
 *   changed fields, in the order of the letter XML
 */
GPtrArray *
rpt_comparison_get_fields (RptComparison *self)
{
  g_return_val_if_fail (RPT_IS_COMPARISON (self), NULL);
  return self->fields;
}

/**
 * rpt_comparison_get_changes:
 *
 * Returns: (transfer none) (element-type RptItemChange): the changed items
 *   of @part in reading order: the newer letter's order, with each removed
 *   item where it stood
 */
GPtrArray *
rpt_comparison_get_changes (RptComparison *self, RptPart part)
{
  g_return_val_if_fail (RPT_IS_COMPARISON (self), NULL);
  g_return_val_if_fail (part < RPT_N_PARTS, NULL);
  return self->changes[part];
}

/**
 * rpt_comparison_find_change:
 *
 * Returns: (nullable): the change to the item @id, or %NULL if it did not change
 */
const RptItemChange *
rpt_comparison_find_change (RptComparison *self, const char *id)
{
  g_return_val_if_fail (RPT_IS_COMPARISON (self), NULL);
  return id != NULL ? g_hash_table_lookup (self->by_id, id) : NULL;
}

guint
rpt_comparison_count (RptComparison *self, RptPart part, RptChangeKind kind)
{
  guint n = 0;

  g_return_val_if_fail (RPT_IS_COMPARISON (self), 0);
  g_return_val_if_fail (part < RPT_N_PARTS, 0);
  for (guint i = 0; i < self->changes[part]->len; i++)
    if (((RptItemChange *) g_ptr_array_index (self->changes[part], i))->kind == kind)
      n++;
  return n;
}

static char *
count_phrase (RptPart part, RptChangeKind kind, guint n)
{
  /* Each part and kind its own message, so that each language can make the
   * noun and the participle agree. */
#define PHRASE(s, p) g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, s, p, n), n)
  switch (part)
    {
    case RPT_PART_FACTS:
      switch (kind)
        {
        case RPT_CHANGE_ADDED:
          return PHRASE ("%u fact added", "%u facts added");
        case RPT_CHANGE_REMOVED:
          return PHRASE ("%u fact removed", "%u facts removed");
        case RPT_CHANGE_MOVED:
          return PHRASE ("%u fact moved", "%u facts moved");
        default:
          return PHRASE ("%u fact edited", "%u facts edited");
        }
    case RPT_PART_CONCERNS:
      switch (kind)
        {
        case RPT_CHANGE_ADDED:
          return PHRASE ("%u concern added", "%u concerns added");
        case RPT_CHANGE_REMOVED:
          return PHRASE ("%u concern removed", "%u concerns removed");
        case RPT_CHANGE_MOVED:
          return PHRASE ("%u concern moved", "%u concerns moved");
        default:
          return PHRASE ("%u concern edited", "%u concerns edited");
        }
    case RPT_PART_QUESTIONS:
      switch (kind)
        {
        case RPT_CHANGE_ADDED:
          return PHRASE ("%u question added", "%u questions added");
        case RPT_CHANGE_REMOVED:
          return PHRASE ("%u question removed", "%u questions removed");
        case RPT_CHANGE_MOVED:
          return PHRASE ("%u question moved", "%u questions moved");
        default:
          return PHRASE ("%u question edited", "%u questions edited");
        }
    case RPT_PART_ANNEX:
      switch (kind)
        {
        case RPT_CHANGE_ADDED:
          return PHRASE ("%u annex paragraph added", "%u annex paragraphs added");
        case RPT_CHANGE_REMOVED:
          return PHRASE ("%u annex paragraph removed", "%u annex paragraphs removed");
        case RPT_CHANGE_MOVED:
          return PHRASE ("%u annex paragraph moved", "%u annex paragraphs moved");
        default:
          return PHRASE ("%u annex paragraph edited", "%u annex paragraphs edited");
        }
    case RPT_PART_PROFILE:
      switch (kind)
        {
        case RPT_CHANGE_ADDED:
          return PHRASE ("%u profile paragraph added", "%u profile paragraphs added");
        case RPT_CHANGE_REMOVED:
          return PHRASE ("%u profile paragraph removed", "%u profile paragraphs removed");
        case RPT_CHANGE_MOVED:
          return PHRASE ("%u profile paragraph moved", "%u profile paragraphs moved");
        default:
          return PHRASE ("%u profile paragraph edited", "%u profile paragraphs edited");
        }
    case RPT_PART_MANDATES:
      switch (kind)
        {
        case RPT_CHANGE_ADDED:
          return PHRASE ("%u mandate added", "%u mandates added");
        case RPT_CHANGE_REMOVED:
          return PHRASE ("%u mandate removed", "%u mandates removed");
        case RPT_CHANGE_MOVED:
          return PHRASE ("%u mandate moved", "%u mandates moved");
        default:
          return PHRASE ("%u mandate changed", "%u mandates changed");
        }
    case RPT_PART_SIGNATORIES:
      switch (kind)
        {
        case RPT_CHANGE_ADDED:
          return PHRASE ("%u signatory added", "%u signatories added");
        case RPT_CHANGE_REMOVED:
          return PHRASE ("%u signatory removed", "%u signatories removed");
        case RPT_CHANGE_MOVED:
          return PHRASE ("%u signatory moved", "%u signatories moved");
        default:
          return PHRASE ("%u signatory changed", "%u signatories changed");
        }
    case RPT_PART_PERSONS:
      switch (kind)
        {
        case RPT_CHANGE_ADDED:
          return PHRASE ("%u person added", "%u persons added");
        case RPT_CHANGE_REMOVED:
          return PHRASE ("%u person removed", "%u persons removed");
        case RPT_CHANGE_MOVED:
          return PHRASE ("%u person moved", "%u persons moved");
        default:
          return PHRASE ("%u person changed", "%u persons changed");
        }
    case RPT_PART_COMMUNICATIONS:
      switch (kind)
        {
        case RPT_CHANGE_ADDED:
          return PHRASE ("%u earlier letter added", "%u earlier letters added");
        case RPT_CHANGE_REMOVED:
          return PHRASE ("%u earlier letter removed", "%u earlier letters removed");
        case RPT_CHANGE_MOVED:
          return PHRASE ("%u earlier letter moved", "%u earlier letters moved");
        default:
          return PHRASE ("%u earlier letter changed", "%u earlier letters changed");
        }
    case RPT_N_PARTS:
    default:
      g_return_val_if_reached (NULL);
    }
#undef PHRASE
}

/**
 * rpt_comparison_dup_summary:
 *
 * Returns: (transfer full): one line on what changed, for people: "3 facts
 *   edited, 1 fact removed, 1 fact moved; changed: Date"
 */
char *
rpt_comparison_dup_summary (RptComparison *self)
{
  /* Edited and moved counts as edited and as moved. */
  static const RptChangeKind kinds[] = { RPT_CHANGE_EDITED, RPT_CHANGE_ADDED, RPT_CHANGE_REMOVED,
                                         RPT_CHANGE_MOVED };
  static const RptPart order[] = { RPT_PART_MANDATES, RPT_PART_SIGNATORIES,    RPT_PART_PERSONS,
                                   RPT_PART_PROFILE,  RPT_PART_COMMUNICATIONS, RPT_PART_FACTS,
                                   RPT_PART_CONCERNS, RPT_PART_QUESTIONS,      RPT_PART_ANNEX };
  g_autoptr (GPtrArray) phrases = g_ptr_array_new_with_free_func (g_free);
  g_autoptr (GString) out = g_string_new (NULL);

  g_return_val_if_fail (RPT_IS_COMPARISON (self), NULL);

  if (rpt_comparison_is_equal (self))
    return g_strdup (_ ("No changes"));

  for (guint p = 0; p < G_N_ELEMENTS (order); p++)
    for (guint k = 0; k < G_N_ELEMENTS (kinds); k++)
      {
        guint n = rpt_comparison_count (self, order[p], kinds[k]) +
                  (kinds[k] == RPT_CHANGE_EDITED || kinds[k] == RPT_CHANGE_MOVED
                     ? rpt_comparison_count (self, order[p], RPT_CHANGE_EDITED_MOVED)
                     : 0);
        if (n > 0)
          g_ptr_array_add (phrases, count_phrase (order[p], kinds[k], n));
      }
  for (guint i = 0; i < phrases->len; i++)
    {
      if (i > 0)
        /* Translators: between the counts of a comparison's summary */
        g_string_append (out, C_ ("summary", ", "));
      g_string_append (out, g_ptr_array_index (phrases, i));
    }
  if (self->fields->len > 0)
    {
      g_autoptr (GString) labels = g_string_new (NULL);

      for (guint i = 0; i < self->fields->len; i++)
        {
          RptFieldChange *field = g_ptr_array_index (self->fields, i);
          if (i > 0)
            g_string_append (labels, C_ ("summary", ", "));
          g_string_append (labels, field->label);
        }
      if (out->len > 0)
        /* Translators: between the item counts and the changed fields */
        g_string_append (out, C_ ("summary", "; "));
      /* Translators: %s is a list of fields, "Date, Subject" */
      g_string_append_printf (out, _ ("changed: %s"), labels->str);
    }
  return g_string_free (g_steal_pointer (&out), FALSE);
}
