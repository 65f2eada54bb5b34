/* rpt-reference-item.c
 *
 * Copyright 2026 The Rapporteur authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "rpt-reference-item"

#include <glib/gi18n.h>
#include <string.h>

#include "rpt-reference-item.h"

/**
 * RptReferenceItem:
 *
 * One row of the reference data as the Reference Data page lists it: a
 * mandate, a State, or a State's participation in a treaty, with a title,
 * a line that says what it holds and as of when, how far it can be
 * trusted, whether it is probably out of date (the rule of the checks,
 * rpt_reference_as_of_is_stale(), at today's date), and the words a
 * search finds it by (in English, French and Spanish, without accents).
 */
struct _RptReferenceItem
{
  GObject parent_instance;

  RptOverrideTable table;
  char *key;
  char *title;
  char *subtitle;
  char *search;       /* folded */
  gboolean corrected; /* by the user: the row comes from their corrections */
  gboolean verified;  /* as the row says: a correction settles only its own field */
  gboolean stale;
};

G_DEFINE_FINAL_TYPE (RptReferenceItem, rpt_reference_item, G_TYPE_OBJECT)

static void
rpt_reference_item_finalize (GObject *object)
{
  RptReferenceItem *self = RPT_REFERENCE_ITEM (object);

  g_free (self->key);
  g_free (self->title);
  g_free (self->subtitle);
  g_free (self->search);
  G_OBJECT_CLASS (rpt_reference_item_parent_class)->finalize (object);
}

static void
rpt_reference_item_class_init (RptReferenceItemClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = rpt_reference_item_finalize;
}

static void
rpt_reference_item_init (RptReferenceItem *self)
{
}

RptOverrideTable
rpt_reference_item_get_table (RptReferenceItem *self)
{
  g_return_val_if_fail (RPT_IS_REFERENCE_ITEM (self), 0);
  return self->table;
}

const char *
rpt_reference_item_get_key (RptReferenceItem *self)
{
  g_return_val_if_fail (RPT_IS_REFERENCE_ITEM (self), NULL);
  return self->key;
}

const char *
rpt_reference_item_get_title (RptReferenceItem *self)
{
  g_return_val_if_fail (RPT_IS_REFERENCE_ITEM (self), NULL);
  return self->title;
}

const char *
rpt_reference_item_get_subtitle (RptReferenceItem *self)
{
  g_return_val_if_fail (RPT_IS_REFERENCE_ITEM (self), NULL);
  return self->subtitle;
}

gboolean
rpt_reference_item_get_corrected (RptReferenceItem *self)
{
  g_return_val_if_fail (RPT_IS_REFERENCE_ITEM (self), FALSE);
  return self->corrected;
}

gboolean
rpt_reference_item_get_verified (RptReferenceItem *self)
{
  g_return_val_if_fail (RPT_IS_REFERENCE_ITEM (self), FALSE);
  return self->verified;
}

gboolean
rpt_reference_item_get_stale (RptReferenceItem *self)
{
  g_return_val_if_fail (RPT_IS_REFERENCE_ITEM (self), FALSE);
  return self->stale;
}

/* One character that is not ASCII: case folded, decomposed, its accents
 * dropped. */
static void
fold_char_into (GString *out, const char *p, const char *next)
{
  g_autofree char *lower = g_utf8_casefold (p, next - p);
  g_autofree char *decomposed = g_utf8_normalize (lower, -1, G_NORMALIZE_NFKD);

  if (decomposed == NULL)
    return;
  for (const char *q = decomposed; *q != '\0'; q = g_utf8_next_char (q))
    {
      gunichar c = g_utf8_get_char (q);
      GUnicodeType type = g_unichar_type (c);

      if (type != G_UNICODE_NON_SPACING_MARK && type != G_UNICODE_SPACING_MARK &&
          type != G_UNICODE_ENCLOSING_MARK)
        g_string_append_unichar (out, c);
    }
}

/* Lower case, accents off: "Türkiye" is found by "turkiye". Most of the
 * data is ASCII, which only needs lower case: the list is made afresh
 * after each correction (bench/bench-reference-list). */
static void
fold_into (GString *out, const char *text)
{
  if (text == NULL || !g_utf8_validate (text, -1, NULL))
    return;
  for (const char *p = text; *p != '\0';)
    {
      if ((guchar) *p < 0x80)
        {
          g_string_append_c (out, g_ascii_tolower (*p));
          p++;
        }
      else
        {
          const char *next = g_utf8_next_char (p);

          fold_char_into (out, p, next);
          p = next;
        }
    }
  g_string_append_c (out, '\n');
}

/* The same names and titles come back in row after row of treaties: each
 * folded once per list. */
static void
fold_into_cached (GString *out, const char *text, GHashTable *cache)
{
  GString *folded;

  if (text == NULL)
    return;
  folded = g_hash_table_lookup (cache, text);
  if (folded == NULL)
    {
      folded = g_string_new (NULL);
      fold_into (folded, text);
      g_hash_table_insert (cache, (gpointer) text, folded);
    }
  g_string_append_len (out, folded->str, (gssize) folded->len);
}

static void
string_free (gpointer string)
{
  g_string_free (string, TRUE);
}

static char *
fold (const char *text)
{
  GString *out = g_string_new (NULL);

  fold_into (out, text);
  if (out->len > 0)
    g_string_truncate (out, out->len - 1);
  return g_string_free (out, FALSE);
}

/**
 * rpt_reference_item_matches:
 * @words: (nullable): what was typed, split into words, each folded
 *   (lower case, no accents)
 *
 * Returns: whether every word is in the row's title, key or values
 */
gboolean
rpt_reference_item_matches (RptReferenceItem *self, const char *const *words)
{
  g_return_val_if_fail (RPT_IS_REFERENCE_ITEM (self), FALSE);

  for (guint i = 0; words != NULL && words[i] != NULL; i++)
    if (words[i][0] != '\0' && strstr (self->search, words[i]) == NULL)
      return FALSE;
  return TRUE;
}

static void
set_trust (RptReferenceItem *self, RptReference *reference, const char *source, gboolean verified)
{
  const char *path = rpt_reference_get_overrides_path (reference);

  self->corrected = source != NULL && path != NULL && g_str_equal (source, path);
  self->verified = verified;
}

static char *
as_of_text (const char *as_of)
{
  /* Translators: when the reference data was true or last checked, e.g.
   * "as of 2023-04" */
  return as_of != NULL ? g_strdup_printf (_ ("as of %s"), as_of) : g_strdup (_ ("no date"));
}

/**
 * rpt_reference_dup_source_label:
 * @source: (nullable): where a row comes from (its @source)
 *
 * Returns: (transfer full): where a row comes from, for people
 */
char *
rpt_reference_dup_source_label (RptReference *reference, const char *source)
{
  const char *path = rpt_reference_get_overrides_path (reference);

  if (source == NULL || g_str_equal (source, "built-in"))
    return g_strdup (_ ("The data built into Rapporteur"));
  if (path != NULL && g_str_equal (source, path))
    return g_strdup (_ ("Your corrections"));
  /* Translators: %s is the path of a table file the user put in place */
  return g_strdup_printf (_ ("Your table file %s"), source);
}

static char *
country_title (RptReference *reference, const char *code)
{
  const RptCountryInfo *info = rpt_reference_lookup_country (reference, code);

  if (info != NULL && info->list_en != NULL)
    return g_strdup (info->list_en);
  return rpt_reference_dup_country_name (reference, code, "en");
}

/**
 * rpt_reference_dup_row_title:
 *
 * Returns: (transfer full): what a row of the reference data is called:
 *   the mandate's title, the State's name, "ICCPR — Tajikistan"
 */
char *
rpt_reference_dup_row_title (RptReference *reference, RptOverrideTable table, const char *key)
{
  switch (table)
    {
    case RPT_OVERRIDE_TABLE_MANDATES:
      {
        const RptMandateInfo *m = rpt_reference_lookup_mandate (reference, key);
        return g_strdup (m != NULL ? m->title : key);
      }
    case RPT_OVERRIDE_TABLE_COUNTRIES:
      {
        char *title = country_title (reference, key);
        return title != NULL ? title : g_strdup (key);
      }
    case RPT_OVERRIDE_TABLE_TREATIES:
    default:
      {
        g_auto (GStrv) parts = g_strsplit (key, "/", 2);
        g_autofree char *state = NULL;

        if (g_strv_length (parts) != 2)
          return g_strdup (key);
        state = country_title (reference, parts[1]);
        /* Translators: a State's participation in a treaty: "ICCPR —
         * Tajikistan" */
        return g_strdup_printf (_ ("%s — %s"), parts[0], state != NULL ? state : parts[1]);
      }
    }
}

static RptReferenceItem *
item_new (RptOverrideTable table, const char *key, char *title, char *subtitle)
{
  RptReferenceItem *self = g_object_new (RPT_TYPE_REFERENCE_ITEM, NULL);

  self->table = table;
  self->key = g_strdup (key);
  self->title = title;
  self->subtitle = subtitle;
  return self;
}

static RptReferenceItem *
mandate_item (RptReference *reference, const RptMandateInfo *m)
{
  g_autofree char *resolutions = g_strjoinv (" ", (char **) m->resolutions);
  g_autofree char *as_of = as_of_text (m->as_of);
  g_autofree char *held = NULL;
  GString *search = g_string_new (NULL);
  RptReferenceItem *self;

  if (resolutions[0] != '\0')
    /* Translators: a mandate's Human Rights Council resolutions, "52/9 55/3" */
    held = g_strdup_printf (_ ("resolutions %s"), resolutions);
  else
    held = g_strdup (_ ("no resolution known"));
  self = item_new (RPT_OVERRIDE_TABLE_MANDATES, m->key, g_strdup (m->title),
                   /* Translators: a mandate in the Reference Data list: its key,
                    * its resolutions, as of when */
                   g_strdup_printf (_ ("Mandate · %s · %s · %s"), m->key, held, as_of));
  set_trust (self, reference, m->source, m->verified);
  self->stale = rpt_reference_as_of_is_stale (m->as_of, NULL);
  fold_into (search, m->title);
  fold_into (search, m->title_fr);
  fold_into (search, m->title_es);
  fold_into (search, m->title_fr_feminine);
  fold_into (search, m->title_es_feminine);
  fold_into (search, self->subtitle);
  self->search = g_string_free (search, FALSE);
  return self;
}

static RptReferenceItem *
country_item (RptReference *reference, const char *code)
{
  const RptCountryInfo *info = rpt_reference_lookup_country (reference, code);
  GString *search = g_string_new (NULL);
  RptReferenceItem *self;
  char *subtitle;

  if (info != NULL)
    {
      g_autofree char *as_of = as_of_text (info->as_of);
      /* Translators: a State in the Reference Data list: its code, its
       * name in running text, as of when */
      subtitle = g_strdup_printf (_ ("State · %s · %s · %s"), code, info->name_en, as_of);
    }
  else
    /* Translators: a State the UN terminology data lacks */
    subtitle = g_strdup_printf (_ ("State · %s · not in the UN terminology data"), code);
  self = item_new (RPT_OVERRIDE_TABLE_COUNTRIES, code, country_title (reference, code), subtitle);
  if (self->title == NULL)
    self->title = g_strdup (code);
  if (info != NULL)
    set_trust (self, reference, info->source, info->verified);
  fold_into (search, self->title);
  fold_into (search, subtitle);
  if (info != NULL)
    {
      fold_into (search, info->name_fr);
      fold_into (search, info->name_es);
    }
  self->search = g_string_free (search, FALSE);
  return self;
}

static char *
treaty_status_text (const RptTreatyStatus *t)
{
  if (t->consent_date != NULL && t->signature_date != NULL)
    /* Translators: "ratification 1999-01-04, signed 1998-10-07" */
    return g_strdup_printf (_ ("%s %s, signed %s"), rpt_treaty_action_get_label (t->action),
                            t->consent_date, t->signature_date);
  if (t->consent_date != NULL)
    /* Translators: "accession 1999-01-04" */
    return g_strdup_printf (_ ("%s %s"), rpt_treaty_action_get_label (t->action), t->consent_date);
  if (t->signature_date != NULL)
    /* Translators: a State that signed a treaty and is not party to it */
    return g_strdup_printf (_ ("signed %s, not a party"), t->signature_date);
  return g_strdup (_ ("not a party"));
}

static RptReferenceItem *
treaty_item (RptReference *reference, const RptTreatyStatus *t, GHashTable *cache)
{
  g_autofree char *key = g_strdup_printf ("%s/%s", t->instrument, t->country);
  g_autofree char *status = treaty_status_text (t);
  g_autofree char *as_of = as_of_text (t->as_of);
  const RptInstrumentInfo *instrument = rpt_reference_lookup_instrument (reference, t->instrument);
  const RptCountryInfo *country = rpt_reference_lookup_country (reference, t->country);
  GString *search = g_string_new (NULL);
  RptReferenceItem *self;

  self = item_new (RPT_OVERRIDE_TABLE_TREATIES, key,
                   rpt_reference_dup_row_title (reference, RPT_OVERRIDE_TABLE_TREATIES, key),
                   /* Translators: a State's participation in a treaty in the
                    * Reference Data list: "accession 1999-01-04", as of when */
                   g_strdup_printf (_ ("Treaty · %s · %s"), status, as_of));
  set_trust (self, reference, t->source, t->verified);
  self->stale = rpt_reference_as_of_is_stale (t->as_of, NULL);
  fold_into (search, self->title);
  fold_into (search, key);
  fold_into (search, self->subtitle);
  if (instrument != NULL)
    fold_into_cached (search, instrument->title, cache);
  if (country != NULL)
    {
      fold_into_cached (search, country->name_en, cache);
      fold_into_cached (search, country->name_fr, cache);
      fold_into_cached (search, country->name_es, cache);
    }
  self->search = g_string_free (search, FALSE);
  return self;
}

static int
compare_titles (gconstpointer a, gconstpointer b)
{
  RptReferenceItem *x = *(RptReferenceItem *const *) a;
  RptReferenceItem *y = *(RptReferenceItem *const *) b;

  return g_utf8_collate (x->title, y->title);
}

static int
compare_titles_data (gconstpointer a, gconstpointer b, gpointer user_data)
{
  return compare_titles (a, b);
}

/**
 * rpt_reference_items_new:
 *
 * Returns: (transfer full): every mandate, State and treaty participation
 *   of @reference, in that order, as #RptReferenceItem
 */
GListModel *
rpt_reference_items_new (RptReference *reference)
{
  GListStore *store = g_list_store_new (RPT_TYPE_REFERENCE_ITEM);
  g_autoptr (GPtrArray) mandates = rpt_reference_list_mandates (reference);
  g_autoptr (GPtrArray) countries = rpt_reference_list_countries (reference);
  g_autoptr (GPtrArray) treaties = rpt_reference_list_treaty_statuses (reference, NULL);
  g_autoptr (GPtrArray) items = g_ptr_array_new_with_free_func (g_object_unref);
  /* keys: strings of @reference, which outlives the call */
  g_autoptr (GHashTable) cache = g_hash_table_new_full (g_str_hash, g_str_equal, NULL, string_free);

  guint n;

  /* Mandates, then States, each by title; treaties by State. */
  for (guint i = 0; i < mandates->len; i++)
    g_ptr_array_add (items, mandate_item (reference, mandates->pdata[i]));
  g_ptr_array_sort (items, compare_titles);
  n = items->len;
  for (guint i = 0; i < countries->len; i++)
    g_ptr_array_add (items, country_item (reference, countries->pdata[i]));
  g_qsort_with_data (items->pdata + n, (gint) (items->len - n), sizeof (gpointer),
                     compare_titles_data, NULL);
  for (guint i = 0; i < treaties->len; i++)
    g_ptr_array_add (items, treaty_item (reference, treaties->pdata[i], cache));
  g_list_store_splice (store, 0, 0, items->pdata, items->len);
  return G_LIST_MODEL (store);
}

/**
 * rpt_reference_fold_words:
 *
 * Returns: (transfer full): @text split into words, each folded as the
 *   search text is
 */
GStrv
rpt_reference_fold_words (const char *text)
{
  g_autofree char *folded = fold (text != NULL ? text : "");

  return g_strsplit_set (g_strstrip (folded), " \t", -1);
}
