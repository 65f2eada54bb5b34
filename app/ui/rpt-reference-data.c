/* rpt-reference-data.c
 *
 * Copyright 2026 The Rapporteur authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "rpt-reference-data"

#include <glib/gi18n.h>

#include "rpt-reference-data.h"

#ifndef ISO_CODES_JSON_DIR
#define ISO_CODES_JSON_DIR "/usr/share/iso-codes/json"
#endif

/* Reads "key": "value" from one JSON object of iso-codes, which holds
 * strings only. */
static char *
json_string (const char *object, gsize len, const char *key)
{
  g_autofree char *needle = g_strdup_printf ("\"%s\"", key);
  const char *end = object + len;
  const char *p = g_strstr_len (object, len, needle);
  GString *out;

  if (p == NULL)
    return NULL;
  p += strlen (needle);
  while (p < end && (*p == ' ' || *p == ':' || *p == '\t' || *p == '\n'))
    p++;
  if (p >= end || *p != '"')
    return NULL;
  p++;
  out = g_string_new (NULL);
  while (p < end && *p != '"')
    {
      if (*p == '\\' && p + 1 < end)
        {
          p++;
          if (*p == 'u' && p + 4 < end)
            {
              char hex[5] = { p[1], p[2], p[3], p[4], 0 };
              g_string_append_unichar (out, (gunichar) g_ascii_strtoull (hex, NULL, 16));
              p += 5;
              continue;
            }
        }
      g_string_append_c (out, *p++);
    }
  return g_string_free (out, FALSE);
}

static int
compare_titles (gconstpointer a, gconstpointer b, gpointer user_data)
{
  return g_utf8_collate (rpt_choice_get_title ((RptChoice *) a),
                         rpt_choice_get_title ((RptChoice *) b));
}

/**
 * rpt_reference_data_parse_iso_3166:
 * @json: iso-codes' iso_3166-1.json
 *
 * Returns: (transfer full): the countries, by alpha-3 code, with their
 *   names in the user's language, sorted by name
 */
GListModel *
rpt_reference_data_parse_iso_3166 (const char *json, gsize length)
{
  GListStore *store = g_list_store_new (RPT_TYPE_CHOICE);
  const char *p = json;
  const char *end = json + length;

  while (p < end && (p = memchr (p, '{', end - p)) != NULL)
    {
      const char *close = memchr (p, '}', end - p);
      g_autofree char *code = NULL;
      g_autofree char *name = NULL;
      g_autofree char *common = NULL;
      g_autoptr (RptChoice) choice = NULL;
      const char *shown;

      if (close == NULL)
        break;
      code = json_string (p, close - p, "alpha_3");
      name = json_string (p, close - p, "name");
      common = json_string (p, close - p, "common_name");
      p = close + 1;
      if (code == NULL || name == NULL)
        continue;
      shown = common != NULL ? g_dgettext ("iso_3166-1", common) : g_dgettext ("iso_3166-1", name);
      choice = rpt_choice_new (code, shown, code, NULL);
      g_list_store_append (store, choice);
    }
  g_list_store_sort (store, compare_titles, NULL);
  return G_LIST_MODEL (store);
}

static GListModel *
load_countries (void)
{
  g_autofree char *path = g_build_filename (ISO_CODES_JSON_DIR, "iso_3166-1.json", NULL);
  g_autofree char *json = NULL;
  g_autoptr (GError) error = NULL;
  g_autoptr (RptChoice) other = NULL;
  GListModel *model;
  gsize len = 0;

  if (!g_file_get_contents (path, &json, &len, &error))
    {
      g_warning ("No country names (install iso-codes): %s", error->message);
      model = G_LIST_MODEL (g_list_store_new (RPT_TYPE_CHOICE));
    }
  else
    model = rpt_reference_data_parse_iso_3166 (json, len);
  other = rpt_choice_new ("OTH", _ ("Company or Organisation (not a State)"), "OTH", NULL);
  g_list_store_insert (G_LIST_STORE (model), 0, other);
  return model;
}

GListModel *
rpt_reference_data_dup_countries (void)
{
  static GListModel *countries;
  static gsize once = 0;

  if (g_once_init_enter (&once))
    {
      countries = load_countries ();
      g_once_init_leave (&once, 1);
    }
  return g_object_ref (countries);
}

static GListModel *
load_mandates (void)
{
  GListStore *store = g_list_store_new (RPT_TYPE_CHOICE);
  g_autoptr (GPtrArray) mandates = rpt_reference_list_mandates (rpt_reference_get_default ());

  for (guint i = 0; i < mandates->len; i++)
    {
      const RptMandateInfo *info = g_ptr_array_index (mandates, i);
      g_autofree char *resolutions = NULL;
      g_autofree char *subtitle = NULL;
      g_autoptr (RptChoice) choice = NULL;

      if (info->resolutions != NULL && info->resolutions[0] != NULL)
        {
          resolutions = g_strjoinv (", ", (char **) info->resolutions);
          guint n = g_strv_length ((char **) info->resolutions);
          /* Translators: %s is one Human Rights Council resolution, or a list */
          subtitle =
            g_strdup_printf (g_dngettext (NULL, "Resolution %s", "Resolutions %s", n), resolutions);
        }
      choice = rpt_choice_new (info->key, info->title, subtitle, NULL);
      rpt_choice_set_values (choice, info->resolutions);
      g_list_store_append (store, choice);
    }
  return G_LIST_MODEL (store);
}

/**
 * rpt_reference_data_dup_mandates:
 *
 * Returns: (transfer full): the Special Procedures mandates: key, title,
 *   and resolutions as the subtitle and values
 */
GListModel *
rpt_reference_data_dup_mandates (void)
{
  static GListModel *mandates;
  static gsize once = 0;

  if (g_once_init_enter (&once))
    {
      mandates = load_mandates ();
      g_once_init_leave (&once, 1);
    }
  return g_object_ref (mandates);
}

/**
 * rpt_reference_data_dup_clauses:
 * @language: the letter language
 *
 * Returns: (transfer full) (nullable): the standard paragraphs for @part
 *   from the clause library, in @language; the choice's key is the legal
 *   reference the paragraph cites, if any
 */
GListModel *
rpt_reference_data_dup_clauses (RptPart part, const char *language)
{
  g_autoptr (GPtrArray) clauses = NULL;
  GListStore *store;

  if (part != RPT_PART_CONCERNS && part != RPT_PART_QUESTIONS && part != RPT_PART_ANNEX)
    return NULL;
  store = g_list_store_new (RPT_TYPE_CHOICE);
  clauses = rpt_reference_list_clauses (rpt_reference_get_default (), language, part);
  for (guint i = 0; i < clauses->len; i++)
    {
      const RptClause *clause = g_ptr_array_index (clauses, i);
      g_autofree char *plain = rpt_markup_to_plain (clause->markup);
      g_autoptr (RptChoice) choice =
        rpt_choice_new (clause->reference, clause->title, plain, clause->markup);
      g_list_store_append (store, choice);
    }
  return G_LIST_MODEL (store);
}

/**
 * rpt_reference_data_find:
 *
 * Returns: (transfer none) (nullable): the choice with @key
 */
RptChoice *
rpt_reference_data_find (GListModel *model, const char *key)
{
  guint n = g_list_model_get_n_items (model);

  if (key == NULL)
    return NULL;
  for (guint i = 0; i < n; i++)
    {
      g_autoptr (RptChoice) choice = g_list_model_get_item (model, i);
      if (g_strcmp0 (rpt_choice_get_key (choice), key) == 0)
        return choice;
    }
  return NULL;
}

char *
rpt_reference_data_dup_country_name (const char *code)
{
  g_autoptr (GListModel) countries = rpt_reference_data_dup_countries ();
  RptChoice *choice = rpt_reference_data_find (countries, code);

  if (code == NULL)
    return g_strdup (_ ("No addressee"));
  return g_strdup (choice != NULL ? rpt_choice_get_title (choice) : code);
}
