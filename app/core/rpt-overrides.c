/* rpt-overrides.c
 *
 * Copyright 2026 The Rapporteur authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "rpt-overrides"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "rpt-data-private.h"
#include "rpt-error.h"
#include "rpt-file.h"
#include "rpt-item-private.h"
#include "rpt-markup.h"
#include "rpt-overrides.h"
#include "rpt-reference.h"

/*
 * The file is CSV (RFC 4180, UTF-8), one correction a row:
 *
 *   table,key,field,value,original,date,author,note
 *   mandate,sr-human-rights-defenders,resolutions,61/12,52/4,2026-04-04,A. Drafter,A/HRC/RES/61/12
 *
 * so that an office can read and share it, and a spreadsheet opens it. A
 * file is taken whole or not at all: one bad row and nothing of it is
 * used, with every problem named by its line.
 */

G_DEFINE_ENUM_TYPE (RptOverrideTable,
                    rpt_override_table,
                    G_DEFINE_ENUM_VALUE (RPT_OVERRIDE_TABLE_MANDATES, "mandate"),
                    G_DEFINE_ENUM_VALUE (RPT_OVERRIDE_TABLE_COUNTRIES, "country"),
                    G_DEFINE_ENUM_VALUE (RPT_OVERRIDE_TABLE_TREATIES, "treaty"))

G_DEFINE_BOXED_TYPE (RptOverride, rpt_override, rpt_override_copy, rpt_override_free)

static const char *const table_names[] = { "mandate", "country", "treaty" };

static const char *const mandate_fields[] = {
  "title", "title_fr", "title_fr_feminine", "title_es", "title_es_feminine", "resolutions", NULL,
};
static const char *const country_fields[] = {
  "name_en", "name_fr", "name_es", "fr_de", "fr_a", "es_de", "es_a", NULL,
};
static const char *const treaty_fields[] = { "consent", "signature", NULL };

static const char *const columns[] = {
  "table", "key", "field", "value", "original", "date", "author", "note", NULL,
};

/**
 * rpt_override_table_to_string:
 *
 * Returns: "mandate", "country" or "treaty", as the file writes it
 */
const char *
rpt_override_table_to_string (RptOverrideTable table)
{
  g_return_val_if_fail (table <= RPT_OVERRIDE_TABLE_TREATIES, NULL);
  return table_names[table];
}

/**
 * rpt_override_table_from_string:
 * @name: "mandate", "country", "treaty", or their plurals
 */
gboolean
rpt_override_table_from_string (const char *name, RptOverrideTable *table)
{
  static const char *const plurals[] = { "mandates", "countries", "treaties" };

  for (guint i = 0; name != NULL && i < G_N_ELEMENTS (table_names); i++)
    if (g_str_equal (name, table_names[i]) || g_str_equal (name, plurals[i]))
      {
        *table = (RptOverrideTable) i;
        return TRUE;
      }
  return FALSE;
}

/**
 * rpt_override_table_list_fields:
 *
 * Returns: (transfer none): the fields of @table a user may correct
 */
const char *const *
rpt_override_table_list_fields (RptOverrideTable table)
{
  switch (table)
    {
    case RPT_OVERRIDE_TABLE_MANDATES:
      return mandate_fields;
    case RPT_OVERRIDE_TABLE_COUNTRIES:
      return country_fields;
    case RPT_OVERRIDE_TABLE_TREATIES:
      return treaty_fields;
    default:
      g_return_val_if_reached (NULL);
    }
}

/**
 * rpt_override_field_get_label:
 *
 * Returns: (transfer none): what @field is, in the user's language
 */
const char *
rpt_override_field_get_label (RptOverrideTable table, const char *field)
{
  static const struct
  {
    RptOverrideTable table;
    const char *field;
    const char *label;
  } labels[] = {
    { RPT_OVERRIDE_TABLE_MANDATES, "title", N_ ("Title in English") },
    { RPT_OVERRIDE_TABLE_MANDATES, "title_fr", N_ ("Title in French") },
    { RPT_OVERRIDE_TABLE_MANDATES, "title_fr_feminine", N_ ("Title in French, feminine form") },
    { RPT_OVERRIDE_TABLE_MANDATES, "title_es", N_ ("Title in Spanish") },
    { RPT_OVERRIDE_TABLE_MANDATES, "title_es_feminine", N_ ("Title in Spanish, feminine form") },
    { RPT_OVERRIDE_TABLE_MANDATES, "resolutions", N_ ("Human Rights Council resolutions") },
    { RPT_OVERRIDE_TABLE_COUNTRIES, "name_en", N_ ("Name in English running text") },
    { RPT_OVERRIDE_TABLE_COUNTRIES, "name_fr", N_ ("Name in French running text") },
    { RPT_OVERRIDE_TABLE_COUNTRIES, "name_es", N_ ("Name in Spanish running text") },
    { RPT_OVERRIDE_TABLE_COUNTRIES, "fr_de", N_ ("French, after “de”") },
    { RPT_OVERRIDE_TABLE_COUNTRIES, "fr_a", N_ ("French, after “à”") },
    { RPT_OVERRIDE_TABLE_COUNTRIES, "es_de", N_ ("Spanish, after “de”") },
    { RPT_OVERRIDE_TABLE_COUNTRIES, "es_a", N_ ("Spanish, after “a”") },
    { RPT_OVERRIDE_TABLE_TREATIES, "consent", N_ ("Became party (how, and when)") },
    { RPT_OVERRIDE_TABLE_TREATIES, "signature", N_ ("Signed on") },
  };

  for (guint i = 0; field != NULL && i < G_N_ELEMENTS (labels); i++)
    if (labels[i].table == table && g_str_equal (labels[i].field, field))
      return _ (labels[i].label);
  return field;
}

RptOverride *
rpt_override_copy (const RptOverride *override)
{
  RptOverride *copy;

  g_return_val_if_fail (override != NULL, NULL);

  copy = g_new0 (RptOverride, 1);
  copy->table = override->table;
  copy->key = g_strdup (override->key);
  copy->field = g_strdup (override->field);
  copy->value = g_strdup (override->value);
  copy->original = g_strdup (override->original);
  copy->date = g_strdup (override->date);
  copy->author = g_strdup (override->author);
  copy->note = g_strdup (override->note);
  return copy;
}

void
rpt_override_free (RptOverride *override)
{
  if (override == NULL)
    return;
  g_free (override->key);
  g_free (override->field);
  g_free (override->value);
  g_free (override->original);
  g_free (override->date);
  g_free (override->author);
  g_free (override->note);
  g_free (override);
}

void
rpt_override_conflict_free (RptOverrideConflict *conflict)
{
  if (conflict == NULL)
    return;
  rpt_override_free (conflict->ours);
  rpt_override_free (conflict->theirs);
  g_free (conflict);
}

/* ------------------------------------------------------------------ */
/* Values                                                              */

static const char *const consent_actions[] = {
  "ratification", "accession", "succession", "acceptance", "approval", "formal confirmation", NULL,
};

/* Text a spreadsheet would run as a formula when the file is opened in
 * one ("=HYPERLINK(…)"): refused, an office shares these files. */
static gboolean
starts_like_formula (const char *text)
{
  return text != NULL && (text[0] == '=' || text[0] == '+' || text[0] == '-' || text[0] == '@');
}

/* The value, the original, the author and the note of a correction. */
static gboolean
check_line (const char *text, GError **error)
{
  if (text == NULL)
    return TRUE;
  if (!rpt_text_is_clean (text, TRUE) || strlen (text) > 1000)
    {
      g_set_error (error, RPT_ERROR, RPT_ERROR_INVALID_ARGUMENT,
                   _ ("A correction’s value, author and note are each one line of text, at most "
                      "1000 bytes"));
      return FALSE;
    }
  if (starts_like_formula (text))
    {
      g_set_error (error, RPT_ERROR, RPT_ERROR_INVALID_ARGUMENT,
                   _ ("“%s”: a correction’s value, author and note cannot start with =, +, - or "
                      "@ (a spreadsheet would run it)"),
                   text);
      return FALSE;
    }
  return TRUE;
}

static char *
normalize_resolutions (const char *value, GError **error)
{
  g_auto (GStrv) parts = g_strsplit_set (value, ";, ", -1);
  g_autoptr (GStrvBuilder) builder = g_strv_builder_new ();
  g_auto (GStrv) list = NULL;

  for (guint i = 0; parts[i] != NULL; i++)
    {
      if (parts[i][0] == '\0')
        continue;
      if (!_rpt_resolution_is_valid (parts[i]))
        {
          g_set_error (error, RPT_ERROR, RPT_ERROR_INVALID_ARGUMENT,
                       _ ("“%s” is not a resolution number (session/number, as in “52/4”)"),
                       parts[i]);
          return NULL;
        }
      g_strv_builder_add (builder, parts[i]);
    }
  list = g_strv_builder_end (builder);
  if (list[0] == NULL)
    {
      g_set_error (error, RPT_ERROR, RPT_ERROR_INVALID_ARGUMENT,
                   _ ("Give at least one resolution number, as in “52/4”"));
      return NULL;
    }
  return g_strjoinv (" ", list);
}

/* "accession 2018-08-16", or "none" */
static char *
normalize_consent (const char *value, GError **error)
{
  const char *space = strrchr (value, ' ');
  g_autofree char *action = NULL;

  if (g_str_equal (value, "none"))
    return g_strdup (value);
  if (space != NULL)
    action = g_ascii_strdown (value, space - value);
  if (space == NULL || !g_strv_contains (consent_actions, action) || !rpt_date_is_valid (space + 1))
    {
      g_set_error (error, RPT_ERROR, RPT_ERROR_INVALID_ARGUMENT,
                   _ ("“%s” is not how a State became party: give the action (ratification, "
                      "accession, succession, acceptance, approval, formal confirmation) and the "
                      "date, as in “accession 2018-08-16”, or “none”"),
                   value);
      return NULL;
    }
  return g_strdup_printf ("%s %s", action, space + 1);
}

/**
 * rpt_override_check_value:
 * @normalized: (out) (optional): the value as it is kept
 *
 * Whether @value can be the value of @field: a title is one line of
 * text, resolutions are "52/4 52/9", a consent is "accession 2018-08-16"
 * or "none", a signature a date or "none".
 */
gboolean
rpt_override_check_value (RptOverrideTable table,
                          const char *field,
                          const char *value,
                          char **normalized,
                          GError **error)
{
  g_autofree char *result = NULL;

  if (field == NULL || !g_strv_contains (rpt_override_table_list_fields (table), field))
    {
      g_autofree char *known = g_strjoinv (", ", (char **) rpt_override_table_list_fields (table));
      g_set_error (error, RPT_ERROR, RPT_ERROR_INVALID_ARGUMENT,
                   _ ("“%s” is not a field that can be corrected here; the fields are: %s"),
                   field != NULL ? field : "", known);
      return FALSE;
    }
  {
    g_autofree char *trimmed = g_strstrip (g_strdup (value != NULL ? value : ""));

    if (trimmed[0] == '\0')
      {
        g_set_error (error, RPT_ERROR, RPT_ERROR_INVALID_ARGUMENT,
                     _ ("A correction needs a value"));
        return FALSE;
      }
    if (!check_line (trimmed, error))
      return FALSE;
    if (g_str_equal (field, "resolutions"))
      result = normalize_resolutions (trimmed, error);
    else if (g_str_equal (field, "consent"))
      result = normalize_consent (trimmed, error);
    else if (g_str_equal (field, "signature"))
      {
        if (g_str_equal (trimmed, "none") || rpt_date_is_valid (trimmed))
          result = g_strdup (trimmed);
        else
          g_set_error (error, RPT_ERROR, RPT_ERROR_INVALID_ARGUMENT,
                       _ ("“%s” is not a date (YYYY-MM-DD) or “none”"), trimmed);
      }
    else
      result = g_steal_pointer (&trimmed);
  }
  if (result == NULL)
    return FALSE;
  if (normalized != NULL)
    *normalized = g_steal_pointer (&result);
  return TRUE;
}

/* ------------------------------------------------------------------ */
/* The set                                                             */

struct _RptOverrides
{
  GObject parent_instance;

  GPtrArray *overrides; /* RptOverride, in the order made */
};

G_DEFINE_FINAL_TYPE (RptOverrides, rpt_overrides, G_TYPE_OBJECT)

static void
rpt_overrides_finalize (GObject *object)
{
  g_ptr_array_unref (RPT_OVERRIDES (object)->overrides);
  G_OBJECT_CLASS (rpt_overrides_parent_class)->finalize (object);
}

static void
rpt_overrides_class_init (RptOverridesClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = rpt_overrides_finalize;
}

static void
rpt_overrides_init (RptOverrides *self)
{
  self->overrides = g_ptr_array_new_with_free_func ((GDestroyNotify) rpt_override_free);
}

/**
 * rpt_overrides_new:
 *
 * Returns: (transfer full): an empty set of corrections
 */
RptOverrides *
rpt_overrides_new (void)
{
  return g_object_new (RPT_TYPE_OVERRIDES, NULL);
}

guint
rpt_overrides_get_n_overrides (RptOverrides *self)
{
  g_return_val_if_fail (RPT_IS_OVERRIDES (self), 0);
  return self->overrides->len;
}

const RptOverride *
rpt_overrides_get_override (RptOverrides *self, guint position)
{
  g_return_val_if_fail (RPT_IS_OVERRIDES (self), NULL);
  g_return_val_if_fail (position < self->overrides->len, NULL);
  return self->overrides->pdata[position];
}

static gboolean
same_place (const RptOverride *o, RptOverrideTable table, const char *key, const char *field)
{
  return o->table == table && g_strcmp0 (o->key, key) == 0 && g_strcmp0 (o->field, field) == 0;
}

/**
 * rpt_overrides_lookup:
 *
 * Returns: (nullable) (transfer none): the correction of that field
 */
const RptOverride *
rpt_overrides_lookup (RptOverrides *self,
                      RptOverrideTable table,
                      const char *key,
                      const char *field)
{
  g_return_val_if_fail (RPT_IS_OVERRIDES (self), NULL);

  for (guint i = 0; i < self->overrides->len; i++)
    if (same_place (self->overrides->pdata[i], table, key, field))
      return self->overrides->pdata[i];
  return NULL;
}

/* "ICCPR", "OP-CEDAW": capitals, digits and hyphens. */
static gboolean
is_instrument_code (const char *code)
{
  if (code == NULL || code[0] == '\0' || strlen (code) > 32)
    return FALSE;
  for (const char *p = code; *p != '\0'; p++)
    if (!g_ascii_isupper (*p) && !g_ascii_isdigit (*p) && *p != '-')
      return FALSE;
  return TRUE;
}

/* The key as kept: codes in capitals, "ICCPR/FJI" for a treaty ("ICCPR
 * FJI" is read too). */
static char *
normalize_key (RptOverrideTable table, const char *key, GError **error)
{
  g_autofree char *trimmed = g_strstrip (g_strdup (key != NULL ? key : ""));

  switch (table)
    {
    case RPT_OVERRIDE_TABLE_MANDATES:
      if (_rpt_key_is_valid (trimmed))
        return g_steal_pointer (&trimmed);
      break;
    case RPT_OVERRIDE_TABLE_COUNTRIES:
      {
        g_autofree char *upper = g_ascii_strup (trimmed, -1);
        if (rpt_country_code_is_valid (upper) && !g_str_equal (upper, "OTH"))
          return g_steal_pointer (&upper);
      }
      break;
    case RPT_OVERRIDE_TABLE_TREATIES:
      {
        g_auto (GStrv) parts = g_strsplit_set (trimmed, "/ ", -1);
        if (g_strv_length (parts) == 2 && parts[0][0] != '\0')
          {
            g_autofree char *instrument = g_ascii_strup (parts[0], -1);
            g_autofree char *country = g_ascii_strup (parts[1], -1);
            if (rpt_country_code_is_valid (country) && !g_str_equal (country, "OTH") &&
                is_instrument_code (instrument))
              return g_strdup_printf ("%s/%s", instrument, country);
          }
      }
      break;
    default:
      break;
    }
  g_set_error (error, RPT_ERROR, RPT_ERROR_INVALID_ARGUMENT,
               table == RPT_OVERRIDE_TABLE_MANDATES
                 ? _ ("“%s” is not a mandate key (as in “sr-human-rights-defenders”)")
               : table == RPT_OVERRIDE_TABLE_COUNTRIES
                 ? _ ("“%s” is not an ISO 3166-1 alpha-3 code of a State")
                 : _ ("“%s” is not an instrument and a State (as in “ICCPR/FJI”)"),
               trimmed);
  return NULL;
}

/* Everything an override holds, checked and put in its kept form. */
static RptOverride *
check_override (const RptOverride *override, GError **error)
{
  g_autoptr (RptOverride) copy = rpt_override_copy (override);
  g_autofree char *key = NULL;
  g_autofree char *value = NULL;

  if (override->table > RPT_OVERRIDE_TABLE_TREATIES)
    {
      g_set_error (error, RPT_ERROR, RPT_ERROR_INVALID_ARGUMENT, _ ("Unknown table"));
      return NULL;
    }
  key = normalize_key (override->table, override->key, error);
  if (key == NULL ||
      !rpt_override_check_value (override->table, override->field, override->value, &value, error))
    return NULL;
  if (override->date == NULL || !rpt_date_is_valid (override->date))
    {
      g_set_error (error, RPT_ERROR, RPT_ERROR_INVALID_ARGUMENT,
                   _ ("“%s” is not a date (YYYY-MM-DD)"),
                   override->date != NULL ? override->date : "");
      return NULL;
    }
  if (!check_line (override->original, error) || !check_line (override->author, error) ||
      !check_line (override->note, error))
    return NULL;
  g_free (copy->key);
  copy->key = g_steal_pointer (&key);
  g_free (copy->value);
  copy->value = g_steal_pointer (&value);
  return g_steal_pointer (&copy);
}

/**
 * rpt_overrides_add:
 *
 * Adds @override, or replaces the correction of the same field. Its
 * values are checked (rpt_override_check_value()), not whether the data
 * has such a row: see rpt_overrides_set().
 */
gboolean
rpt_overrides_add (RptOverrides *self, const RptOverride *override, GError **error)
{
  RptOverride *checked;

  g_return_val_if_fail (RPT_IS_OVERRIDES (self), FALSE);
  g_return_val_if_fail (override != NULL, FALSE);

  checked = check_override (override, error);
  if (checked == NULL)
    return FALSE;
  rpt_overrides_remove (self, checked->table, checked->key, checked->field);
  g_ptr_array_add (self->overrides, checked);
  return TRUE;
}

/**
 * rpt_overrides_remove:
 *
 * Returns: whether there was such a correction
 */
gboolean
rpt_overrides_remove (RptOverrides *self,
                      RptOverrideTable table,
                      const char *key,
                      const char *field)
{
  g_return_val_if_fail (RPT_IS_OVERRIDES (self), FALSE);

  for (guint i = 0; i < self->overrides->len; i++)
    if (same_place (self->overrides->pdata[i], table, key, field))
      {
        g_ptr_array_remove_index (self->overrides, i);
        return TRUE;
      }
  return FALSE;
}

/* ------------------------------------------------------------------ */
/* The file                                                            */

static char *
dup_today (void)
{
  g_autoptr (GDateTime) now = g_date_time_new_now_local ();
  return g_date_time_format (now, "%Y-%m-%d");
}

/* Problems are listed, up to a point: a file of garbage is not worth a
 * thousand lines. */
#define MAX_PROBLEMS 10

static void
add_problem (GString *problems, guint *n, const char *source, guint line, const char *message)
{
  if (++*n > MAX_PROBLEMS)
    return;
  if (problems->len > 0)
    g_string_append (problems, "; ");
  g_string_append_printf (problems, "%s:%u: %s", source, line, message);
}

/**
 * rpt_overrides_new_from_data:
 * @source: the file's name, for messages
 *
 * Reads a file of corrections. One problem anywhere (a broken line, an
 * unknown table or field, a bad value or date, the same field twice) and
 * the whole file is refused, with every problem and its line in @error.
 *
 * Returns: (transfer full): the corrections, or %NULL with @error set
 */
RptOverrides *
rpt_overrides_new_from_data (const char *data, gsize length, const char *source, GError **error)
{
  g_autoptr (RptOverrides) self = rpt_overrides_new ();
  g_autoptr (GPtrArray) rows = NULL;
  g_autoptr (GString) problems = g_string_new (NULL);
  g_autoptr (GHashTable) index = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  int at[G_N_ELEMENTS (columns)];
  g_autofree char *today = dup_today ();
  guint n_problems = 0;
  char **header;

  g_return_val_if_fail (data != NULL || length == 0, NULL);

  rows = _rpt_csv_parse (data != NULL ? data : "", length, source, error);
  if (rows == NULL)
    return NULL;
  if (rows->len == 0)
    return g_steal_pointer (&self);

  header = rows->pdata[0];
  for (guint c = 0; columns[c] != NULL; c++)
    at[c] = -1;
  for (guint i = 0; header[i] != NULL; i++)
    {
      g_autofree char *name = g_strstrip (g_strdup (header[i]));
      guint c;

      for (c = 0; columns[c] != NULL; c++)
        if (g_str_equal (name, columns[c]))
          break;
      if (columns[c] == NULL)
        {
          g_autofree char *m = g_strdup_printf (_ ("unknown column “%s”"), name);
          add_problem (problems, &n_problems, source, 1, m);
        }
      else if (at[c] >= 0)
        {
          g_autofree char *m = g_strdup_printf (_ ("the column “%s” comes twice"), name);
          add_problem (problems, &n_problems, source, 1, m);
        }
      else
        at[c] = (int) i;
    }
  for (guint c = 0; c < 4; c++) /* table, key, field, value */
    if (at[c] < 0)
      {
        g_autofree char *m = g_strdup_printf (
          _ ("the first line must name the columns table, key, field and value; “%s” is "
             "missing"),
          columns[c]);
        add_problem (problems, &n_problems, source, 1, m);
      }

  for (guint r = 1; r < rows->len; r++)
    {
      char **fields;
      guint n_fields;
      RptOverride o = { 0 };
      const char *table_name;
      g_autoptr (GError) row_error = NULL;
      RptOverride *checked;
      g_autofree char *place = NULL;

      fields = rows->pdata[r];
      n_fields = g_strv_length (fields);
#define FIELD(c) \
  (at[c] >= 0 && (guint) at[c] < n_fields && fields[at[c]][0] != '\0' ? fields[at[c]] : NULL)
      table_name = FIELD (0);
      if (!rpt_override_table_from_string (table_name, &o.table))
        {
          g_autofree char *m =
            g_strdup_printf (_ ("“%s” is not a table (mandate, country, treaty)"),
                             table_name != NULL ? table_name : "");
          add_problem (problems, &n_problems, source, r + 1, m);
          continue;
        }
      o.key = FIELD (1);
      o.field = FIELD (2);
      o.value = FIELD (3);
      o.original = FIELD (4);
      /* A row written by hand may have no date: it is dated the day it
       * is read, which for an import is the day it is made the user's. */
      o.date = FIELD (5) != NULL ? FIELD (5) : today;
      o.author = FIELD (6);
      o.note = FIELD (7);
#undef FIELD
      checked = check_override (&o, &row_error);
      if (checked == NULL)
        {
          add_problem (problems, &n_problems, source, r + 1, row_error->message);
          continue;
        }
      place = g_strdup_printf ("%s %s %s", rpt_override_table_to_string (checked->table),
                               checked->key, checked->field);
      if (g_hash_table_contains (index, place))
        {
          g_autofree char *m =
            g_strdup_printf (_ ("%s is corrected twice (line %u and here)"), place,
                             GPOINTER_TO_UINT (g_hash_table_lookup (index, place)));
          add_problem (problems, &n_problems, source, r + 1, m);
          rpt_override_free (checked);
          continue;
        }
      g_hash_table_insert (index, g_steal_pointer (&place), GUINT_TO_POINTER (r + 1));
      g_ptr_array_add (self->overrides, checked);
    }
  if (n_problems > 0)
    {
      if (n_problems > MAX_PROBLEMS)
        g_string_append_printf (problems, _ ("; and %u more problems"), n_problems - MAX_PROBLEMS);
      g_set_error (error, RPT_ERROR, RPT_ERROR_PARSE,
                   _ ("The corrections are not used, none of them: %s"), problems->str);
      return NULL;
    }
  return g_steal_pointer (&self);
}

/**
 * rpt_overrides_load:
 * @path: the file
 *
 * Reads the file within RPT_REFERENCE_FILE_MAX_SIZE. A file that does not
 * exist is an empty set.
 *
 * Returns: (transfer full): the corrections, or %NULL with @error set
 */
RptOverrides *
rpt_overrides_load (const char *path, GError **error)
{
  g_autofree char *data = NULL;
  g_autoptr (GError) local = NULL;
  gsize length = 0;

  g_return_val_if_fail (path != NULL, NULL);

  if (!rpt_file_read_bounded (path, RPT_REFERENCE_FILE_MAX_SIZE, &data, &length, &local))
    {
      if (g_error_matches (local, RPT_ERROR, RPT_ERROR_NOT_FOUND))
        return rpt_overrides_new ();
      if (g_error_matches (local, RPT_ERROR, RPT_ERROR_UNSAFE))
        g_set_error (error, RPT_ERROR, RPT_ERROR_UNSAFE,
                     _ ("%s is larger than %u MB; reference data never is"), path,
                     (guint) (RPT_REFERENCE_FILE_MAX_SIZE / (1024 * 1024)));
      else
        g_propagate_error (error, g_steal_pointer (&local));
      return NULL;
    }
  return rpt_overrides_new_from_data (data, length, path, error);
}

static void
append_csv_field (GString *out, const char *value)
{
  if (value == NULL)
    return;
  if (strpbrk (value, ",\"\r\n") == NULL && value[0] != ' ' &&
      (value[0] == '\0' || value[strlen (value) - 1] != ' '))
    {
      g_string_append (out, value);
      return;
    }
  g_string_append_c (out, '"');
  for (const char *p = value; *p != '\0'; p++)
    {
      if (*p == '"')
        g_string_append_c (out, '"');
      g_string_append_c (out, *p);
    }
  g_string_append_c (out, '"');
}

/**
 * rpt_overrides_to_data:
 * @length: (out) (optional):
 *
 * Returns: (transfer full): the corrections as the file holds them
 */
char *
rpt_overrides_to_data (RptOverrides *self, gsize *length)
{
  GString *out = g_string_new ("table,key,field,value,original,date,author,note\n");

  g_return_val_if_fail (RPT_IS_OVERRIDES (self), NULL);

  for (guint i = 0; i < self->overrides->len; i++)
    {
      const RptOverride *o = self->overrides->pdata[i];
      const char *values[] = { rpt_override_table_to_string (o->table),
                               o->key,
                               o->field,
                               o->value,
                               o->original,
                               o->date,
                               o->author,
                               o->note };

      for (guint c = 0; c < G_N_ELEMENTS (values); c++)
        {
          if (c > 0)
            g_string_append_c (out, ',');
          append_csv_field (out, values[c]);
        }
      g_string_append_c (out, '\n');
    }
  if (length != NULL)
    *length = out->len;
  return g_string_free (out, FALSE);
}

/**
 * rpt_overrides_save:
 * @path: the file, "-" never
 *
 * Writes the corrections whole or not at all (rpt_file_write_private()),
 * making the folder if needed.
 */
gboolean
rpt_overrides_save (RptOverrides *self, const char *path, GError **error)
{
  g_autofree char *dir = NULL;
  g_autofree char *data = NULL;
  gsize length = 0;

  g_return_val_if_fail (RPT_IS_OVERRIDES (self), FALSE);
  g_return_val_if_fail (path != NULL, FALSE);

  dir = g_path_get_dirname (path);
  if (g_mkdir_with_parents (dir, 0700) != 0)
    {
      int saved = errno;
      g_set_error (error, RPT_ERROR, RPT_ERROR_IO, _ ("Cannot make the folder %s: %s"), dir,
                   g_strerror (saved));
      return FALSE;
    }
  data = rpt_overrides_to_data (self, &length);
  return rpt_file_write_private (path, data, length, error);
}

/* ------------------------------------------------------------------ */
/* With the reference data                                             */

/**
 * rpt_overrides_set:
 * @reference: the reference data the correction is of
 * @author: (nullable): who makes it
 * @note: (nullable): why, or the source
 *
 * Corrects one field of one row of the data, today. The row must exist
 * in @reference (for a treaty, the instrument and the State must: the
 * correction may record a participation the data lacks). The data's
 * value is kept as the correction's original.
 */
gboolean
rpt_overrides_set (RptOverrides *self,
                   RptReference *reference,
                   RptOverrideTable table,
                   const char *key,
                   const char *field,
                   const char *value,
                   const char *author,
                   const char *note,
                   GError **error)
{
  g_autofree char *normal_key = NULL;
  g_autofree char *original = NULL;
  g_autofree char *today = dup_today ();
  RptOverride o = { 0 };

  g_return_val_if_fail (RPT_IS_OVERRIDES (self), FALSE);
  g_return_val_if_fail (RPT_IS_REFERENCE (reference), FALSE);

  normal_key = normalize_key (table, key, error);
  if (normal_key == NULL || !rpt_reference_has_row (reference, table, normal_key, error))
    return FALSE;
  original = rpt_reference_dup_data_value (reference, table, normal_key, field);
  o.table = table;
  o.key = normal_key;
  o.field = (char *) field;
  o.value = (char *) value;
  o.original = original;
  o.date = today;
  o.author = author != NULL && author[0] != '\0' ? (char *) author : NULL;
  o.note = note != NULL && note[0] != '\0' ? (char *) note : NULL;
  return rpt_overrides_add (self, &o, error);
}

/**
 * rpt_overrides_validate:
 *
 * Whether every correction is of a row @reference has.
 *
 * Returns: %TRUE, or %FALSE with every problem in @error
 */
gboolean
rpt_overrides_validate (RptOverrides *self, RptReference *reference, GError **error)
{
  g_autoptr (GString) problems = g_string_new (NULL);
  guint n = 0;

  g_return_val_if_fail (RPT_IS_OVERRIDES (self), FALSE);
  g_return_val_if_fail (RPT_IS_REFERENCE (reference), FALSE);

  for (guint i = 0; i < self->overrides->len; i++)
    {
      const RptOverride *o = self->overrides->pdata[i];
      g_autoptr (GError) row_error = NULL;

      if (rpt_reference_has_row (reference, o->table, o->key, &row_error))
        continue;
      if (++n <= MAX_PROBLEMS)
        g_string_append_printf (problems, "%s%s", problems->len > 0 ? "; " : "",
                                row_error->message);
    }
  if (n == 0)
    return TRUE;
  if (n > MAX_PROBLEMS)
    g_string_append_printf (problems, _ ("; and %u more problems"), n - MAX_PROBLEMS);
  g_set_error (error, RPT_ERROR, RPT_ERROR_NOT_FOUND,
               _ ("Corrections of data that is not there: %s"), problems->str);
  return FALSE;
}

/**
 * rpt_overrides_merge:
 * @incoming: the corrections of a file imported
 * @reference: the reference data they must be of
 * @policy: what to do where @incoming and @self correct the same field
 *   differently
 * @conflicts: (out) (optional) (element-type RptOverrideConflict): those
 *   fields, whatever @policy
 *
 * The corrections of @self and @incoming together, checked against
 * @reference. @self is not changed: the caller saves the result, so the
 * import is applied whole or not at all.
 *
 * Returns: (transfer full): the merged set, or %NULL with @error set when
 *   @incoming corrects rows @reference lacks, or when there are
 *   conflicts and @policy is %RPT_OVERRIDES_CONFLICTS_FAIL
 */
RptOverrides *
rpt_overrides_merge (RptOverrides *self,
                     RptOverrides *incoming,
                     RptReference *reference,
                     RptOverridesConflicts policy,
                     GPtrArray **conflicts,
                     GError **error)
{
  g_autoptr (RptOverrides) merged = rpt_overrides_new ();
  g_autoptr (GPtrArray) found =
    g_ptr_array_new_with_free_func ((GDestroyNotify) rpt_override_conflict_free);

  g_return_val_if_fail (RPT_IS_OVERRIDES (self), NULL);
  g_return_val_if_fail (RPT_IS_OVERRIDES (incoming), NULL);
  g_return_val_if_fail (RPT_IS_REFERENCE (reference), NULL);

  if (!rpt_overrides_validate (incoming, reference, error))
    return NULL;

  for (guint i = 0; i < self->overrides->len; i++)
    g_ptr_array_add (merged->overrides, rpt_override_copy (self->overrides->pdata[i]));
  for (guint i = 0; i < incoming->overrides->len; i++)
    {
      const RptOverride *theirs = incoming->overrides->pdata[i];
      const RptOverride *ours =
        rpt_overrides_lookup (self, theirs->table, theirs->key, theirs->field);

      if (ours != NULL && g_strcmp0 (ours->value, theirs->value) != 0)
        {
          RptOverrideConflict *conflict = g_new0 (RptOverrideConflict, 1);
          conflict->ours = rpt_override_copy (ours);
          conflict->theirs = rpt_override_copy (theirs);
          g_ptr_array_add (found, conflict);
          if (policy != RPT_OVERRIDES_CONFLICTS_TAKE_THEIRS)
            continue;
        }
      else if (ours != NULL)
        continue; /* the same correction: ours, with its own history */
      rpt_overrides_remove (merged, theirs->table, theirs->key, theirs->field);
      g_ptr_array_add (merged->overrides, rpt_override_copy (theirs));
    }

  if (found->len > 0 && policy == RPT_OVERRIDES_CONFLICTS_FAIL)
    {
      g_set_error (error, RPT_ERROR, RPT_ERROR_EXISTS,
                   g_dngettext (GETTEXT_PACKAGE,
                                "%u correction in the file differs from yours: nothing was "
                                "imported. Choose which to keep.",
                                "%u corrections in the file differ from yours: nothing was "
                                "imported. Choose which to keep.",
                                found->len),
                   found->len);
      if (conflicts != NULL)
        *conflicts = g_steal_pointer (&found);
      return NULL;
    }
  if (conflicts != NULL)
    *conflicts = g_steal_pointer (&found);
  return g_steal_pointer (&merged);
}
