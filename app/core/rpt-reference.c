/* rpt-reference.c
 *
 * Copyright 2026 The Rapporteur authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "rpt-reference"

#include <glib/gi18n-lib.h>
#include <json-glib/json-glib.h>
#include <libxml/tree.h>
#include <string.h>

#include "rpt-data-private.h"
#include "rpt-error.h"
#include "rpt-grammar.h"
#include "rpt-item-private.h"
#include "rpt-file.h"
#include "rpt-markup.h"
#include "rpt-overrides.h"
#include "rpt-reference.h"

/* The tables are small (a few thousand rows): each is read once, whole,
 * into hash tables, the first time something asks for it (a command that
 * only needs a mandate's title never reads the treaty table), and the
 * user's corrections of a table (overrides.csv) are applied as it is read.
 * Strings live in one GStringChunk freed with the object. */

#define BUILT_IN "built-in"

/* Dates the built-in tables describe where a row does not say
 * (data/reference/PROVENANCE.md: "data as of"). */
#define LEGAL_REFERENCES_AS_OF "2026-11-28"
/* The UN terminology snapshot in un_country_names.csv predates the
 * change of June 2022 (PROVENANCE-names-and-titles.md, "Data date"). */
#define UN_COUNTRIES_AS_OF "2022-06"
/* special_procedures_mandates_multilingual.csv and
 * mandate_title_history.csv were compiled on 2026-11-29. */
#define MANDATE_HISTORY_AS_OF "2026-11-29"

#define MANDATES_CSV "special_procedures_mandates.csv"
#define MANDATE_TITLES_CSV "special_procedures_mandates_multilingual.csv"
#define UN_COUNTRIES_CSV "un_country_names.csv"
#define LEGAL_CSV "legal_references.csv"
#define INSTRUMENTS_CSV "instruments.csv"
#define TREATIES_CSV "treaty_participation_untc_snapshot_2014-2015.csv"
#define COUNTRIES_CSV "countries.csv"
#define TITLE_HISTORY_CSV "mandate_title_history.csv"
#define OVERRIDES_CSV "overrides.csv"

/* Tables read together; problems are listed in this order. A group a
 * later one needs is read first (ensure_locked()). */
typedef enum
{
  GROUP_MANDATES,     /* mandates, then their French and Spanish titles */
  GROUP_INSTRUMENTS,  /* instruments */
  GROUP_TREATIES,     /* treaty participation (needs the instruments' dates) */
  GROUP_LEGAL,        /* legal references */
  GROUP_UN_COUNTRIES, /* the UN's country names */
  GROUP_COUNTRIES,    /* iso-codes' country names, the user's countries.csv */
  GROUP_OVERRIDES,    /* the user's corrections, read before the tables they correct */
  N_GROUPS
} Group;

static void ensure (RptReference *self, Group group);

/* The corrections of each RptOverrideTable. */
#define N_OVERRIDE_TABLES (RPT_OVERRIDE_TABLE_TREATIES + 1)

typedef struct
{
  GHashTable *columns; /* name → index + 1 */
  char **fields;
  guint n_fields;
  const char *source;
  guint line;
} Row;

/* A table read for later: its rows and column names, which Row points into. */
typedef struct
{
  GPtrArray *rows;
  GHashTable *columns;
} KeptTable;

static void
kept_table_free (KeptTable *table)
{
  g_ptr_array_unref (table->rows);
  g_hash_table_unref (table->columns);
  g_free (table);
}

typedef struct
{
  char *alpha_3;
  char *name;    /* English, as letters write it */
  char *name_fr; /* set only by the user's countries.csv */
  char *name_es;
  char *iso_name; /* iso-codes' name, the msgid of its catalogues */
} Country;

struct _RptReference
{
  GObject parent_instance;

  char *override_dir;
  GPtrArray *problems; /* NULL-terminated, every group's, once all are read */
  GPtrArray *group_problems[N_GROUPS];
  GPtrArray *loading; /* the problems of the group being read */
  int loaded[N_GROUPS];
  int user_countries; /* 0: not looked for yet, 1: none, 2: there is a countries.csv */
  gboolean log_problems;
  GStringChunk *strings;
  GPtrArray *strvs;

  GHashTable *mandates; /* key → RptMandateInfo */
  GPtrArray *mandate_order;
  GHashTable *instruments;
  GHashTable *treaties; /* "ICCPR TJK" → RptTreatyStatus */
  /* Without a user's treaty table, the built-in one (two thousand rows) is
   * kept as read, and a row becomes an RptTreatyStatus when its State and
   * instrument are first looked up. */
  gboolean treaties_on_demand;
  GPtrArray *kept_tables;    /* of KeptTable: what deferred rows point into */
  GArray *deferred_rows;     /* of Row, while a table is read for later */
  GArray *treaty_rows;       /* of Row */
  GHashTable *treaties_made; /* the keys whose rows are made */
  gboolean all_treaties_made;
  GBytes *treaty_table;      /* the built-in table, read State by State */
  GHashTable *treaty_states; /* the States whose rows are read, or NULL: all are */
  GHashTable *treaty_notes;  /* as of → the note of the rows of that date */
  GHashTable *legal;
  GPtrArray *legal_order;
  GHashTable *countries;    /* alpha-3 → Country */
  GHashTable *un_countries; /* alpha-3 → RptCountryInfo */
  GHashTable *user_titles;  /* mandate keys whose French or Spanish titles the user set */
  GHashTable *user_fields;  /* mandate key → UserField flags: what the user's mandates file set */
  GHashTable *histories;    /* mandate key → MandateHistory */
  char *iso_codes_locale_dir;

  /* The user's corrections field by field (rpt-overrides.h), read with
   * GROUP_OVERRIDES. What the data said before a correction is kept per
   * table, written only while the group of that table is read. */
  RptOverrides *overrides;
  char *overrides_path;
  gboolean corrects[N_OVERRIDE_TABLES];       /* whether the user corrects that table */
  GHashTable *data_values[N_OVERRIDE_TABLES]; /* "table key field" → what the data said */
  GHashTable *mandate_doubts;                 /* key → why the row is unverified (Doubt flags) */

  /* Guards reading groups, and the caches below. Recursive: applying a
   * group's corrections looks rows up through the public functions, in
   * that group (being read: reading[]) and in the groups it needs. */
  GRecMutex lock;
  gboolean reading[N_GROUPS]; /* under the lock */
  GHashTable *catalogues;     /* language → GHashTable, or a NULL value */
  GHashTable *clauses;        /* language → GPtrArray of RptClause */
};

G_DEFINE_FINAL_TYPE (RptReference, rpt_reference, G_TYPE_OBJECT)

static void
rpt_reference_finalize (GObject *object)
{
  RptReference *self = RPT_REFERENCE (object);

  g_free (self->override_dir);
  g_clear_pointer (&self->problems, g_ptr_array_unref);
  for (guint i = 0; i < N_GROUPS; i++)
    g_ptr_array_unref (self->group_problems[i]);
  g_ptr_array_unref (self->strvs);
  g_hash_table_unref (self->mandates);
  g_ptr_array_unref (self->mandate_order);
  g_hash_table_unref (self->instruments);
  g_hash_table_unref (self->treaties);
  g_hash_table_unref (self->treaty_notes);
  g_ptr_array_unref (self->kept_tables);
  g_array_unref (self->treaty_rows);
  g_hash_table_unref (self->treaties_made);
  g_clear_pointer (&self->treaty_table, g_bytes_unref);
  g_clear_pointer (&self->treaty_states, g_hash_table_unref);
  g_hash_table_unref (self->legal);
  g_ptr_array_unref (self->legal_order);
  g_hash_table_unref (self->countries);
  g_hash_table_unref (self->un_countries);
  g_hash_table_unref (self->user_titles);
  g_hash_table_unref (self->user_fields);
  g_hash_table_unref (self->histories);
  g_free (self->iso_codes_locale_dir);
  g_clear_object (&self->overrides);
  g_free (self->overrides_path);
  for (guint i = 0; i < N_OVERRIDE_TABLES; i++)
    g_hash_table_unref (self->data_values[i]);
  g_hash_table_unref (self->mandate_doubts);
  g_hash_table_unref (self->catalogues);
  g_hash_table_unref (self->clauses);
  g_string_chunk_free (self->strings);
  g_rec_mutex_clear (&self->lock);

  G_OBJECT_CLASS (rpt_reference_parent_class)->finalize (object);
}

static void
rpt_reference_class_init (RptReferenceClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = rpt_reference_finalize;
}

static void
country_free (Country *c)
{
  g_free (c->alpha_3);
  g_free (c->name);
  g_free (c->name_fr);
  g_free (c->name_es);
  g_free (c->iso_name);
  g_free (c);
}

static void
optional_hash_table_unref (gpointer table)
{
  if (table != NULL)
    g_hash_table_unref (table);
}

/* What the data knows of a mandate over time (titles, resolutions),
 * kept apart from RptMandateInfo, which a user's row replaces whole. */
typedef struct
{
  guint period_years;          /* 0: not known, or no fixed term */
  GPtrArray *resolutions;      /* of RptResolutionInfo, oldest first */
  GPtrArray *user_resolutions; /* the user's latest_renewal_resolution, or NULL */
  int user_from;               /* the day (YYYYMMDD) they count from; 0: the latest dated */
  GPtrArray *titles;           /* of TitleRow, in the order of the file */
} MandateHistory;

static void
mandate_history_free (MandateHistory *h)
{
  g_ptr_array_unref (h->resolutions);
  g_clear_pointer (&h->user_resolutions, g_ptr_array_unref);
  g_ptr_array_unref (h->titles);
  g_free (h);
}

static void
rpt_reference_init (RptReference *self)
{
  for (guint i = 0; i < N_GROUPS; i++)
    self->group_problems[i] = g_ptr_array_new_with_free_func (g_free);
  self->strings = g_string_chunk_new (64 * 1024);
  self->strvs = g_ptr_array_new_with_free_func ((GDestroyNotify) g_strfreev);
  self->mandates = g_hash_table_new_full (g_str_hash, g_str_equal, NULL, g_free);
  self->mandate_order = g_ptr_array_new ();
  self->instruments = g_hash_table_new_full (g_str_hash, g_str_equal, NULL, g_free);
  self->treaties = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  self->treaty_notes = g_hash_table_new (g_str_hash, g_str_equal);
  self->kept_tables = g_ptr_array_new_with_free_func ((GDestroyNotify) kept_table_free);
  self->treaty_rows = g_array_new (FALSE, FALSE, sizeof (Row));
  self->treaties_made = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  self->legal = g_hash_table_new_full (g_str_hash, g_str_equal, NULL, g_free);
  self->legal_order = g_ptr_array_new ();
  self->countries =
    g_hash_table_new_full (g_str_hash, g_str_equal, NULL, (GDestroyNotify) country_free);
  self->un_countries = g_hash_table_new_full (g_str_hash, g_str_equal, NULL, g_free);
  self->user_titles = g_hash_table_new (g_str_hash, g_str_equal);
  self->user_fields = g_hash_table_new (g_str_hash, g_str_equal);
  self->histories =
    g_hash_table_new_full (g_str_hash, g_str_equal, NULL, (GDestroyNotify) mandate_history_free);
  for (guint i = 0; i < N_OVERRIDE_TABLES; i++)
    self->data_values[i] = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  self->mandate_doubts = g_hash_table_new (g_str_hash, g_str_equal);
  self->catalogues =
    g_hash_table_new_full (g_str_hash, g_str_equal, g_free, optional_hash_table_unref);
  self->clauses =
    g_hash_table_new_full (g_str_hash, g_str_equal, g_free, (GDestroyNotify) g_ptr_array_unref);
  g_rec_mutex_init (&self->lock);
}

static void G_GNUC_PRINTF (2, 3) add_problem (RptReference *self, const char *format, ...)
{
  va_list args;

  g_assert (self->loading != NULL);
  va_start (args, format);
  g_ptr_array_add (self->loading, g_strdup_vprintf (format, args));
  va_end (args);
}

/* An empty string is no value. */
static const char *
intern (RptReference *self, const char *value)
{
  if (value == NULL || value[0] == '\0')
    return NULL;
  return g_string_chunk_insert_const (self->strings, value);
}

/* ------------------------------------------------------------------ */
/* Tables                                                              */

static const char *
col (const Row *row, const char *name)
{
  guint index = GPOINTER_TO_UINT (g_hash_table_lookup (row->columns, name));

  if (index == 0 || index > row->n_fields || row->fields[index - 1][0] == '\0')
    return NULL;
  return row->fields[index - 1];
}

static gboolean
has_col (const Row *row, const char *name)
{
  return g_hash_table_contains (row->columns, name);
}

/* A column the user's file leaves out keeps the built-in value. */
static const char *
keep (RptReference *self, const Row *row, const char *name, const char *old)
{
  return has_col (row, name) ? intern (self, col (row, name)) : old;
}

/* "yes", "yes (OHCHR mandate page: …)" */
static gboolean
says_yes (const char *value)
{
  return value != NULL && g_ascii_strncasecmp (value, "yes", 3) == 0 &&
         (value[3] == '\0' || value[3] == ' ');
}

/* The data's words for how far a resolution number was checked, in the
 * interface's language where they are the table's fixed values; a note
 * of the table's own (its source) stays as written. */
static const char *
verification_label (const char *value)
{
  if (value == NULL)
    return _ ("no source");
  if (g_str_equal (value, "partial"))
    return C_ ("resolution number verification", "partial");
  if (g_str_equal (value, "no number"))
    return C_ ("resolution number verification", "no number");
  if (g_str_equal (value, "no"))
    return C_ ("resolution number verification", "no");
  return value;
}

typedef void (*RowFunc) (RptReference *self, const Row *row);

/* A row of the user's file takes the place of the built-in row. */
static void
replace_in_order (GPtrArray *order, gpointer old, gpointer row)
{
  guint index;

  if (old != NULL && g_ptr_array_find (order, old, &index))
    order->pdata[index] = row;
  else
    g_ptr_array_add (order, row);
}

static void
set_string (char **field, const char *value)
{
  g_free (*field);
  *field = g_strdup (value);
}

/* @rows: (transfer full): the header and rows of a table; @numbers:
 * (nullable): their numbers in the file, when some were left out */
static void
read_rows (RptReference *self,
           GPtrArray *table,
           GArray *numbers,
           const char *source,
           const char *key_column,
           RowFunc func)
{
  g_autoptr (GPtrArray) rows = table;
  g_autoptr (GHashTable) columns = NULL;
  char **header;

  if (rows->len == 0)
    return;
  header = rows->pdata[0];
  columns = g_hash_table_new (g_str_hash, g_str_equal);
  for (guint i = 0; header[i] != NULL; i++)
    g_hash_table_insert (columns, g_strstrip (header[i]), GUINT_TO_POINTER (i + 1));
  if (!g_hash_table_contains (columns, key_column))
    {
      add_problem (self, _ ("%s: the first line must name the columns, among them “%s”"), source,
                   key_column);
      return;
    }

  for (guint r = 1; r < rows->len; r++)
    {
      guint line = numbers != NULL ? g_array_index (numbers, guint, r) : r + 1;
      Row row = { columns, rows->pdata[r], g_strv_length (rows->pdata[r]), source, line };
      if (col (&row, key_column) == NULL)
        {
          add_problem (self, _ ("%s: row %u has no %s"), source, line, key_column);
          continue;
        }
      if (func != NULL)
        func (self, &row);
      else
        g_array_append_val (self->deferred_rows, row);
    }
  if (func == NULL)
    {
      /* The rows are made later: keep what they point into. */
      KeptTable *kept = g_new0 (KeptTable, 1);
      kept->rows = g_steal_pointer (&rows);
      kept->columns = g_steal_pointer (&columns);
      g_ptr_array_add (self->kept_tables, kept);
    }
}

static void
read_table (RptReference *self,
            const char *data,
            gsize length,
            const char *source,
            const char *key_column,
            RowFunc func)
{
  g_autoptr (GError) error = NULL;
  GPtrArray *rows = _rpt_csv_parse (data, length, source, &error);

  if (rows == NULL)
    add_problem (self, "%s", error->message);
  else
    read_rows (self, rows, NULL, source, key_column, func);
}

/* A file of the user's, read within RPT_REFERENCE_FILE_MAX_SIZE: a file
 * that is not there is no problem, any other failure is one. */
static gboolean
read_user_file (RptReference *self, const char *path, char **contents, gsize *length)
{
  g_autoptr (GError) error = NULL;

  if (rpt_file_read_bounded (path, RPT_REFERENCE_FILE_MAX_SIZE, contents, length, &error))
    return TRUE;
  if (g_error_matches (error, RPT_ERROR, RPT_ERROR_UNSAFE))
    add_problem (self, _ ("%s is larger than %u MB; reference data never is. It is not used."),
                 path, (guint) (RPT_REFERENCE_FILE_MAX_SIZE / (1024 * 1024)));
  else if (!g_error_matches (error, RPT_ERROR, RPT_ERROR_NOT_FOUND))
    add_problem (self, "%s", error->message);
  return FALSE;
}

/* The built-in table, then the user's file of the same name, whose rows
 * replace the built-in rows with the same key. */
static void
load_table (RptReference *self, const char *name, const char *key_column, RowFunc func)
{
  g_autofree char *resource = g_strconcat ("reference/", name, NULL);
  g_autoptr (GBytes) bytes = _rpt_data_load_resource (resource);
  gsize length;
  const char *data = g_bytes_get_data (bytes, &length);

  read_table (self, data, length, BUILT_IN, key_column, func);

  if (self->override_dir != NULL && g_file_test (self->override_dir, G_FILE_TEST_IS_DIR))
    {
      g_autofree char *path = g_build_filename (self->override_dir, name, NULL);
      g_autofree char *contents = NULL;

      if (!read_user_file (self, path, &contents, &length))
        return;
      read_table (self, contents, length, intern (self, path), key_column, func);
    }
}

/* Columns every table may carry, and user files should: they win over
 * what the loader works out from the built-in columns. */
static void
row_trust (RptReference *self,
           const Row *row,
           const char *as_of,
           gboolean verified,
           const char *verification,
           const char **out_as_of,
           gboolean *out_verified,
           const char **out_verification)
{
  *out_as_of = intern (self, col (row, "as_of") != NULL ? col (row, "as_of") : as_of);
  *out_verified = has_col (row, "verified") && !has_col (row, "resolution_number_verified")
                    ? says_yes (col (row, "verified"))
                    : verified;
  *out_verification =
    intern (self, col (row, "verification") != NULL ? col (row, "verification") : verification);
}

/* Why a mandate row is unverified, so that a user's correction of that
 * field can settle it (apply_overrides()). */
typedef enum
{
  DOUBT_TITLE = 1 << 0,
  DOUBT_RESOLUTIONS = 1 << 1,
} Doubt;

static void
note_mandate_doubt (RptReference *self, const char *key, Doubt doubt)
{
  gpointer old = g_hash_table_lookup (self->mandate_doubts, key);

  g_hash_table_insert (self->mandate_doubts, (gpointer) intern (self, key),
                       GUINT_TO_POINTER (GPOINTER_TO_UINT (old) | doubt));
}

/* ------------------------------------------------------------------ */
/* Mandates: English titles and resolutions (issue 10)                 */

enum
{
  USER_TITLE_EN = 1 << 0,
  USER_RESOLUTIONS = 1 << 1,
  USER_TRUST = 1 << 2,
};

/* A user's row in special_procedures_mandates.csv sets what it has
 * columns for: the built-in multilingual table must not undo it. */
static void
note_user_fields (RptReference *self, const char *key, const Row *row)
{
  guint flags = GPOINTER_TO_UINT (g_hash_table_lookup (self->user_fields, key));

  if (has_col (row, "title_en"))
    flags |= USER_TITLE_EN;
  if (has_col (row, "latest_renewal_resolution"))
    flags |= USER_RESOLUTIONS;
  /* the row's trust replaced the built-in one (row_trust()) */
  flags |= USER_TRUST;
  g_hash_table_insert (self->user_fields, (gpointer) intern (self, key), GUINT_TO_POINTER (flags));
}

static const char *const *
parse_resolution_numbers (RptReference *self, const Row *row, const char *value)
{
  g_autoptr (GStrvBuilder) builder = g_strv_builder_new ();
  GStrv resolutions;

  if (value != NULL)
    {
      g_auto (GStrv) parts = g_strsplit_set (value, ";, ", -1);
      for (guint i = 0; parts[i] != NULL; i++)
        {
          if (parts[i][0] == '\0')
            continue;
          if (_rpt_resolution_is_valid (parts[i]))
            g_strv_builder_add (builder, parts[i]);
          else
            add_problem (self, _ ("%s: row %u: “%s” is not a resolution number"), row->source,
                         row->line, parts[i]);
        }
    }
  resolutions = g_strv_builder_end (builder);
  g_ptr_array_add (self->strvs, resolutions);
  return (const char *const *) resolutions;
}

/* special_procedures_mandates_multilingual.csv is the later compilation
 * (PROVENANCE-names-and-titles.md): its English titles are complete where
 * the first table's were not ("…, its causes and consequences"), it has
 * the renamings of 2023–2025 and seven more renewal numbers. Its row
 * takes the place of the first table's English title, resolutions and
 * trust, except where the user's file set them. */
static void
apply_mandate_details (RptReference *self, RptMandateInfo *m, const Row *row)
{
  guint user = GPOINTER_TO_UINT (g_hash_table_lookup (self->user_fields, m->key));
  const char *title_attested = col (row, "title_en_attested");
  const char *res_verified = col (row, "resolution_number_verified");
  g_autoptr (GString) note = g_string_new (NULL);
  gboolean verified = TRUE;

  if (!(user & USER_TITLE_EN) && col (row, "title_en") != NULL)
    m->title = intern (self, col (row, "title_en"));
  /* the later compilation's sources and notes, unless the user's row has
   * its own */
  if (g_str_equal (m->source, BUILT_IN))
    {
      m->source_urls = keep (self, row, "source_urls", m->source_urls);
      m->notes = keep (self, row, "notes", m->notes);
    }
  if (!(user & USER_RESOLUTIONS) && has_col (row, "latest_renewal_resolution"))
    m->resolutions = parse_resolution_numbers (self, row, col (row, "latest_renewal_resolution"));
  if (user & USER_TRUST)
    return;

  /* The doubts are this table's now: a correction settles them field by
   * field (apply_mandate()). */
  g_hash_table_remove (self->mandate_doubts, m->key);
  if (!says_yes (title_attested))
    {
      verified = FALSE;
      note_mandate_doubt (self, m->key, DOUBT_TITLE);
      g_string_append (note, _ ("The title is not attested word for word in a source."));
    }
  if (m->resolutions[0] != NULL && !says_yes (res_verified))
    {
      verified = FALSE;
      note_mandate_doubt (self, m->key, DOUBT_RESOLUTIONS);
      if (note->len > 0)
        g_string_append_c (note, ' ');
      g_string_append_printf (note, _ ("Resolution number not verified: %s."),
                              verification_label (res_verified));
    }
  m->verified = verified;
  m->verification = intern (self, note->str);
  if (col (row, "latest_renewal_date") != NULL)
    m->as_of = intern (self, col (row, "latest_renewal_date"));
}

static void
mandate_row (RptReference *self, const Row *row)
{
  RptMandateInfo *m = g_new0 (RptMandateInfo, 1);
  const char *key = col (row, "mandate_key");
  const char *attested = col (row, "title_en_attested_in");
  const char *res_verified = col (row, "resolution_number_verified");
  const char *res = col (row, "latest_renewal_resolution");
  const RptMandateInfo *old = g_hash_table_lookup (self->mandates, key);
  g_autoptr (GStrvBuilder) builder = g_strv_builder_new ();
  g_autoptr (GString) note = g_string_new (NULL);
  const char *as_of;
  gboolean verified = TRUE;
  GStrv resolutions;

  if (!_rpt_key_is_valid (key))
    {
      add_problem (self, _ ("%s: row %u: “%s” is not a valid key"), row->source, row->line, key);
      g_free (m);
      return;
    }

  if (res != NULL)
    {
      g_auto (GStrv) parts = g_strsplit_set (res, ";, ", -1);
      for (guint i = 0; parts[i] != NULL; i++)
        {
          if (parts[i][0] == '\0')
            continue;
          if (_rpt_resolution_is_valid (parts[i]))
            g_strv_builder_add (builder, parts[i]);
          else
            add_problem (self, _ ("%s: row %u: “%s” is not a resolution number"), row->source,
                         row->line, parts[i]);
        }
    }
  resolutions = g_strv_builder_end (builder);
  g_ptr_array_add (self->strvs, resolutions);

  if (attested != NULL && g_str_has_prefix (attested, "NOT ATTESTED"))
    {
      verified = FALSE;
      note_mandate_doubt (self, key, DOUBT_TITLE);
      g_string_append (note, _ ("The title is not attested word for word in a source."));
    }
  if (resolutions[0] != NULL && !says_yes (res_verified))
    {
      verified = FALSE;
      note_mandate_doubt (self, key, DOUBT_RESOLUTIONS);
      if (note->len > 0)
        g_string_append_c (note, ' ');
      g_string_append_printf (note, _ ("Resolution number not verified: %s."),
                              verification_label (res_verified));
    }
  as_of = col (row, "latest_renewal_found_month");
  if (as_of == NULL && col (row, "evidence_retrieved") != NULL)
    as_of = col (row, "evidence_retrieved");

  m->key = intern (self, key);
  m->category = keep (self, row, "category", old != NULL ? old->category : NULL);
  m->form = keep (self, row, "form", old != NULL ? old->form : NULL);
  m->title = keep (self, row, "title_en", old != NULL ? old->title : NULL);
  m->title_fr = keep (self, row, "title_fr", old != NULL ? old->title_fr : NULL);
  m->title_es = keep (self, row, "title_es", old != NULL ? old->title_es : NULL);
  m->resolutions = (const char *const *) resolutions;
  if (!has_col (row, "latest_renewal_resolution") && old != NULL)
    m->resolutions = old->resolutions;
  m->source = row->source;
  row_trust (self, row, as_of, verified, note->str, &m->as_of, &m->verified, &m->verification);
  if (m->title == NULL)
    {
      add_problem (self, _ ("%s: row %u: the mandate %s has no title"), row->source, row->line,
                   key);
      g_free (m);
      return;
    }

  m->source_urls = keep (self, row, "source_urls", old != NULL ? old->source_urls : NULL);
  m->notes = keep (self, row, "notes", old != NULL ? old->notes : NULL);
  if (old != NULL)
    {
      m->title_fr_feminine = old->title_fr_feminine;
      m->title_es_feminine = old->title_es_feminine;
      m->title_fr_attested = old->title_fr_attested;
      m->title_es_attested = old->title_es_attested;
    }
  /* What the user's row set wins over the built-in multilingual table
   * read after this one (note_user_fields()). */
  if (!g_str_equal (row->source, BUILT_IN))
    note_user_fields (self, m->key, row);
  /* French and Spanish titles a user gives here win over the built-in
   * multilingual table read after this one. */
  if (!g_str_equal (row->source, BUILT_IN) &&
      (col (row, "title_fr") != NULL || col (row, "title_es") != NULL))
    g_hash_table_add (self->user_titles, (gpointer) m->key);

  replace_in_order (self->mandate_order, g_hash_table_lookup (self->mandates, m->key), m);
  g_hash_table_replace (self->mandates, (gpointer) m->key, m);
}

/* special_procedures_mandates_multilingual.csv: the French and Spanish
 * titles, in the form of UN resolutions and the feminine form a holder
 * may use, with how far each is attested. The English titles and the
 * resolutions stay those of special_procedures_mandates.csv. */
static void
mandate_titles_row (RptReference *self, const Row *row)
{
  const char *key = col (row, "mandate_key");
  RptMandateInfo *m = g_hash_table_lookup (self->mandates, key);
  gboolean user_row = !g_str_equal (row->source, BUILT_IN);

  if (m == NULL)
    {
      /* A translation of a mandate the table does not have: nothing to
       * translate, but the user should know the row is not used. */
      add_problem (self, _ ("%s: row %u: there is no mandate “%s” to give titles to"), row->source,
                   row->line, key);
      return;
    }
  if (!user_row)
    apply_mandate_details (self, m, row);
  else if (has_col (row, "title_en") && col (row, "title_en") != NULL)
    m->title = intern (self, col (row, "title_en"));
  if (!user_row && g_hash_table_contains (self->user_titles, m->key))
    return;
  m->title_fr = keep (self, row, "title_fr", m->title_fr);
  m->title_es = keep (self, row, "title_es", m->title_es);
  m->title_fr_feminine = keep (self, row, "title_fr_feminine", m->title_fr_feminine);
  m->title_es_feminine = keep (self, row, "title_es_feminine", m->title_es_feminine);
  m->title_fr_attested = keep (self, row, "title_fr_attested", m->title_fr_attested);
  m->title_es_attested = keep (self, row, "title_es_attested", m->title_es_attested);
  /* a user's correction is the user's own word */
  if (user_row && has_col (row, "title_fr"))
    m->title_fr_attested = intern (
      self, col (row, "title_fr_attested") != NULL ? col (row, "title_fr_attested") : "yes");
  if (user_row && has_col (row, "title_es"))
    m->title_es_attested = intern (
      self, col (row, "title_es_attested") != NULL ? col (row, "title_es_attested") : "yes");
}

static void
instrument_row (RptReference *self, const Row *row)
{
  RptInstrumentInfo *i = g_new0 (RptInstrumentInfo, 1);

  i->code = intern (self, col (row, "instrument"));
  i->title = intern (self, col (row, "title_untc"));
  i->conclusion_date = intern (self, col (row, "conclusion_date"));
  i->source = row->source;
  row_trust (self, row, col (row, "participation_snapshot_file_last_commit"), TRUE, NULL, &i->as_of,
             &i->verified, &i->verification);
  g_hash_table_replace (self->instruments, (gpointer) i->code, i);
}

static const struct
{
  const char *name;
  RptTreatyAction action;
} treaty_actions[] = {
  { "ratification", RPT_TREATY_ACTION_RATIFICATION },
  { "accession", RPT_TREATY_ACTION_ACCESSION },
  { "succession", RPT_TREATY_ACTION_SUCCESSION },
  { "acceptance", RPT_TREATY_ACTION_ACCEPTANCE },
  { "approval", RPT_TREATY_ACTION_APPROVAL },
  { "formal confirmation", RPT_TREATY_ACTION_FORMAL_CONFIRMATION },
};

/**
 * rpt_treaty_action_get_label:
 *
 * Returns: how a State became party, for people, in the interface's
 *   language ("accession", « adhésion »); rpt_treaty_action_to_string()
 *   is the data's own word, for files
 */
const char *
rpt_treaty_action_get_label (RptTreatyAction action)
{
  switch (action)
    {
    case RPT_TREATY_ACTION_RATIFICATION:
      return C_ ("treaty action", "ratification");
    case RPT_TREATY_ACTION_ACCESSION:
      return C_ ("treaty action", "accession");
    case RPT_TREATY_ACTION_SUCCESSION:
      return C_ ("treaty action", "succession");
    case RPT_TREATY_ACTION_ACCEPTANCE:
      return C_ ("treaty action", "acceptance");
    case RPT_TREATY_ACTION_APPROVAL:
      return C_ ("treaty action", "approval");
    case RPT_TREATY_ACTION_FORMAL_CONFIRMATION:
      return C_ ("treaty action", "formal confirmation");
    case RPT_TREATY_ACTION_NONE:
    default:
      return C_ ("treaty action", "none");
    }
}

/**
 * rpt_treaty_action_to_string:
 *
 * Returns: "ratification", "accession", … or "none"
 */
const char *
rpt_treaty_action_to_string (RptTreatyAction action)
{
  for (guint i = 0; i < G_N_ELEMENTS (treaty_actions); i++)
    if (treaty_actions[i].action == action)
      return treaty_actions[i].name;
  return "none";
}

/**
 * rpt_reference_months_since:
 * @as_of: (nullable): a row's "as of": "YYYY", "YYYY-MM" or "YYYY-MM-DD"
 * @date: (nullable): "YYYY-MM-DD" (a letter's date), or %NULL for today
 *
 * Returns: the whole months from @as_of to @date (a year alone counts as
 *   its December), or 0 when @as_of is unknown
 */
int
rpt_reference_months_since (const char *as_of, const char *date)
{
  int year, month, to_year, to_month;

  if (as_of == NULL || strlen (as_of) < 4 || !g_ascii_isdigit (as_of[0]))
    return 0;
  year = (int) g_ascii_strtoll (as_of, NULL, 10);
  month = strlen (as_of) >= 7 ? (int) g_ascii_strtoll (as_of + 5, NULL, 10) : 12;
  if (date != NULL && rpt_date_is_valid (date))
    {
      to_year = (int) g_ascii_strtoll (date, NULL, 10);
      to_month = (int) g_ascii_strtoll (date + 5, NULL, 10);
    }
  else
    {
      g_autoptr (GDateTime) now = g_date_time_new_now_local ();
      to_year = g_date_time_get_year (now);
      to_month = g_date_time_get_month (now);
    }
  return (to_year - year) * 12 + (to_month - month);
}

/**
 * rpt_reference_as_of_is_stale:
 * @as_of: (nullable): a row's "as of"
 * @date: (nullable): a letter's date, or %NULL for today
 *
 * Returns: whether data as of @as_of is more than
 *   %RPT_REFERENCE_STALE_MONTHS old at @date: probably out of date
 */
gboolean
rpt_reference_as_of_is_stale (const char *as_of, const char *date)
{
  return rpt_reference_months_since (as_of, date) > RPT_REFERENCE_STALE_MONTHS;
}

static void
treaty_row (RptReference *self, const Row *row)
{
  RptTreatyStatus *t = g_new0 (RptTreatyStatus, 1);
  const char *instrument = col (row, "instrument");
  const char *country = col (row, "iso3");
  const char *action = col (row, "consent_action");
  const char *consent = col (row, "consent_date");
  const char *signature = col (row, "signature_date");
  const RptInstrumentInfo *info;
  const char *as_of;
  const char *note;

  if (country == NULL || !rpt_country_code_is_valid (country))
    {
      /* the European Union and other participants without a code */
      g_free (t);
      return;
    }
  if ((consent != NULL && !rpt_date_is_valid (consent)) ||
      (signature != NULL && !rpt_date_is_valid (signature)))
    {
      add_problem (self, _ ("%s: row %u: a date is not YYYY-MM-DD"), row->source, row->line);
      g_free (t);
      return;
    }

  t->action = RPT_TREATY_ACTION_NONE;
  if (consent != NULL)
    {
      t->action = RPT_TREATY_ACTION_RATIFICATION;
      for (guint i = 0; action != NULL && i < G_N_ELEMENTS (treaty_actions); i++)
        if (g_ascii_strcasecmp (action, treaty_actions[i].name) == 0)
          t->action = treaty_actions[i].action;
      if (action == NULL)
        add_problem (self,
                     _ ("%s: row %u: a consent date without an action; taken as ratification"),
                     row->source, row->line);
    }

  info = g_hash_table_lookup (self->instruments, instrument);
  t->instrument = intern (self, instrument);
  t->country = intern (self, country);
  t->signature_date = intern (self, signature);
  t->consent_date = intern (self, consent);
  t->source = row->source;
  /* The same note for every row of an instrument: made once. */
  as_of = info != NULL && info->as_of != NULL ? info->as_of : "2015";
  note = g_hash_table_lookup (self->treaty_notes, as_of);
  if (note == NULL)
    {
      g_autofree char *text =
        g_strdup_printf (_ ("From a snapshot of the UN Treaty Collection as of %s: later "
                            "ratifications, accessions and withdrawals are missing."),
                         as_of);
      note = intern (self, text);
      g_hash_table_insert (self->treaty_notes, (gpointer) intern (self, as_of), (gpointer) note);
    }
  row_trust (self, row, info != NULL ? info->as_of : NULL, FALSE, note, &t->as_of, &t->verified,
             &t->verification);
  g_hash_table_replace (self->treaties, g_strconcat (instrument, " ", country, NULL), t);
}

static void
legal_row (RptReference *self, const Row *row)
{
  RptLegalReference *l = g_new0 (RptLegalReference, 1);
  const char *verified = col (row, "verified");
  g_autofree char *note = NULL;

  const RptLegalReference *old = g_hash_table_lookup (self->legal, col (row, "ref_key"));

  l->key = intern (self, col (row, "ref_key"));
  l->type = keep (self, row, "type", old != NULL ? old->type : NULL);
  l->parent = keep (self, row, "parent", old != NULL ? old->parent : NULL);
  l->title = keep (self, row, "title", old != NULL ? old->title : NULL);
  l->document_symbol =
    keep (self, row, "document_symbol", old != NULL ? old->document_symbol : NULL);
  l->adoption_date = keep (self, row, "adoption_date", old != NULL ? old->adoption_date : NULL);
  l->source = row->source;
  note = g_strjoin (": ", verified != NULL ? verified : "not checked",
                    col (row, "notes") != NULL ? col (row, "notes") : NULL, NULL);
  l->as_of =
    intern (self, col (row, "as_of") != NULL ? col (row, "as_of") : LEGAL_REFERENCES_AS_OF);
  /* Only a plain "yes": "yes (date conflict)" needs a look. */
  l->verified = g_strcmp0 (verified, "yes") == 0;
  l->verification =
    intern (self, col (row, "verification") != NULL ? col (row, "verification") : note);

  replace_in_order (self->legal_order, g_hash_table_lookup (self->legal, l->key), l);
  g_hash_table_replace (self->legal, (gpointer) l->key, l);
}

/* ------------------------------------------------------------------ */
/* Countries (iso-codes)                                               */

/* The name a letter uses in running text: "Bolivia" rather than
 * "Bolivia, Plurinational State of", which iso-codes gives as the name. */
static const char *
english_name (JsonObject *o)
{
  const char *name = json_object_get_string_member_with_default (o, "name", NULL);
  const char *common = json_object_get_string_member_with_default (o, "common_name", NULL);
  const char *official = json_object_get_string_member_with_default (o, "official_name", NULL);

  if (common != NULL)
    return common;
  if (name != NULL && strstr (name, ", ") != NULL && official != NULL)
    return official;
  return name;
}

static void
load_countries (RptReference *self)
{
  g_autofree char *path =
    g_build_filename (ISO_CODES_PREFIX, "share", "iso-codes", "json", "iso_3166-1.json", NULL);
  g_autoptr (JsonParser) parser = json_parser_new ();
  g_autoptr (GError) error = NULL;
  JsonNode *root;
  JsonArray *entries = NULL;

  self->iso_codes_locale_dir = g_build_filename (ISO_CODES_PREFIX, "share", "locale", NULL);
  if (!json_parser_load_from_file (parser, path, &error))
    {
      add_problem (self, _ ("Country names are missing: %s (is iso-codes installed?)"),
                   error->message);
      return;
    }
  root = json_parser_get_root (parser);
  if (root != NULL && JSON_NODE_HOLDS_OBJECT (root) &&
      json_object_has_member (json_node_get_object (root), "3166-1"))
    entries = json_object_get_array_member (json_node_get_object (root), "3166-1");
  if (entries == NULL)
    {
      add_problem (self, _ ("%s is not an iso-codes country list"), path);
      return;
    }
  for (guint i = 0; i < json_array_get_length (entries); i++)
    {
      JsonObject *o = json_array_get_object_element (entries, i);
      const char *code, *name;
      Country *c;

      if (o == NULL)
        continue;
      code = json_object_get_string_member_with_default (o, "alpha_3", NULL);
      name = english_name (o);
      if (code == NULL || name == NULL)
        continue;
      c = g_new0 (Country, 1);
      c->alpha_3 = g_strdup (code);
      c->name = g_strdup (name);
      c->iso_name = g_strdup (name);
      g_hash_table_replace (self->countries, c->alpha_3, c);
    }
}

static void
country_row (RptReference *self, const Row *row)
{
  const char *code = col (row, "alpha_3");
  Country *c = g_hash_table_lookup (self->countries, code);

  if (!rpt_country_code_is_valid (code))
    {
      add_problem (self, _ ("%s: row %u: “%s” is not an ISO 3166-1 alpha-3 code"), row->source,
                   row->line, code);
      return;
    }
  if (c == NULL)
    {
      c = g_new0 (Country, 1);
      c->alpha_3 = g_strdup (code);
      g_hash_table_replace (self->countries, c->alpha_3, c);
    }
  if (col (row, "name") != NULL)
    set_string (&c->name, col (row, "name"));
  if (col (row, "name_fr") != NULL)
    set_string (&c->name_fr, col (row, "name_fr"));
  if (col (row, "name_es") != NULL)
    set_string (&c->name_es, col (row, "name_es"));
}

/* un_country_names.csv: the UN's names in the three languages, with the
 * forms after "de" and "à". */
static void
un_country_row (RptReference *self, const Row *row)
{
  const char *code = col (row, "iso3");
  const char *corrections = col (row, "hand_corrections");
  const RptCountryInfo *old = g_hash_table_lookup (self->un_countries, code);
  RptCountryInfo *c;
  g_autofree char *note = NULL;

  if (!rpt_country_code_is_valid (code))
    {
      add_problem (self, _ ("%s: row %u: “%s” is not an ISO 3166-1 alpha-3 code"), row->source,
                   row->line, code);
      return;
    }
  c = g_new0 (RptCountryInfo, 1);
  c->code = intern (self, code);
  c->un_member = keep (self, row, "un_member", old != NULL ? old->un_member : NULL);
  c->name_en = keep (self, row, "en_in_text", old != NULL ? old->name_en : NULL);
  c->name_fr = keep (self, row, "fr_in_text", old != NULL ? old->name_fr : NULL);
  c->name_es = keep (self, row, "es_in_text", old != NULL ? old->name_es : NULL);
  c->fr_de = keep (self, row, "fr_de", old != NULL ? old->fr_de : NULL);
  c->fr_a = keep (self, row, "fr_a", old != NULL ? old->fr_a : NULL);
  c->es_de = keep (self, row, "es_de", old != NULL ? old->es_de : NULL);
  c->es_a = keep (self, row, "es_a", old != NULL ? old->es_a : NULL);
  c->list_en = keep (self, row, "name_en_list", old != NULL ? old->list_en : NULL);
  c->list_fr = keep (self, row, "name_fr_list", old != NULL ? old->list_fr : NULL);
  c->list_es = keep (self, row, "name_es_list", old != NULL ? old->list_es : NULL);
  c->source = row->source;
  if (corrections != NULL)
    note = g_strdup_printf (_ ("Corrected by hand: %s"), corrections);
  else
    note = g_strdup (_ ("UN terminology (UNTERM), from a snapshot older than June 2022."));
  row_trust (self, row, UN_COUNTRIES_AS_OF, corrections == NULL, note, &c->as_of, &c->verified,
             &c->verification);
  g_hash_table_replace (self->un_countries, (gpointer) c->code, c);
}

/* Whether the user has a countries.csv; looked for once. */
static gboolean
has_user_countries (RptReference *self)
{
  int known = g_atomic_int_get (&self->user_countries);

  if (known == 0)
    {
      g_autofree char *path = self->override_dir != NULL
                                ? g_build_filename (self->override_dir, COUNTRIES_CSV, NULL)
                                : NULL;
      known = path != NULL && g_file_test (path, G_FILE_TEST_EXISTS) ? 2 : 1;
      g_atomic_int_set (&self->user_countries, known);
    }
  return known == 2;
}

/* Only the user's file: the built-in names are iso-codes itself. */
static void
load_country_overrides (RptReference *self)
{
  g_autofree char *path = NULL;
  g_autofree char *contents = NULL;
  gsize length;

  if (self->override_dir == NULL || !g_file_test (self->override_dir, G_FILE_TEST_IS_DIR))
    return;
  path = g_build_filename (self->override_dir, COUNTRIES_CSV, NULL);
  if (!read_user_file (self, path, &contents, &length))
    return;
  read_table (self, contents, length, intern (self, path), "alpha_3", country_row);
}

/* ------------------------------------------------------------------ */
/* Mandates over time: resolutions and titles (issue 10)               */

typedef struct
{
  RptTitleHistoryInfo pub;
  const char *masculine; /* the title in each form a holder may use */
  const char *feminine;
} TitleRow;

static MandateHistory *
get_history (RptReference *self, const char *key)
{
  MandateHistory *h = g_hash_table_lookup (self->histories, key);

  if (h == NULL)
    {
      h = g_new0 (MandateHistory, 1);
      h->resolutions = g_ptr_array_new_with_free_func (g_free);
      h->titles = g_ptr_array_new_with_free_func (g_free);
      g_hash_table_insert (self->histories, (gpointer) intern (self, key), h);
    }
  return h;
}

/* A date as a number, YYYYMMDD, for comparisons. */
#define DAY(y, m, d) ((y) *10000 + (m) *100 + (d))

/* The first date-like token of @text ("2023-04-03", "2020-03", "2008")
 * as the first and last days it may stand for. "26 Mar 2009" is read too.
 * Returns FALSE when @text holds no date. */
static gboolean
token_range (const char *text, int *first, int *last, gboolean *exact)
{
  static const char *const months[] = { "Jan", "Feb", "Mar", "Apr", "May", "Jun",
                                        "Jul", "Aug", "Sep", "Oct", "Nov", "Dec" };
  const char *p;

  if (text == NULL)
    return FALSE;
  for (p = text; *p != '\0'; p++)
    {
      int y, m, d;

      if (!g_ascii_isdigit (p[0]) || !g_ascii_isdigit (p[1]) || !g_ascii_isdigit (p[2]) ||
          !g_ascii_isdigit (p[3]) || (p > text && g_ascii_isdigit (p[-1])) ||
          g_ascii_isdigit (p[4]) || p[4] == '/')
        continue;
      y = (int) g_ascii_strtoull (p, NULL, 10);
      if (y < 1900 || y > 2200)
        continue;
      if (p[4] == '-' && g_ascii_isdigit (p[5]) && g_ascii_isdigit (p[6]))
        {
          m = (int) g_ascii_strtoull (p + 5, NULL, 10);
          if (m < 1 || m > 12)
            return FALSE;
          if (p[7] == '-' && g_ascii_isdigit (p[8]) && g_ascii_isdigit (p[9]))
            {
              d = (int) g_ascii_strtoull (p + 8, NULL, 10);
              *first = *last = DAY (y, m, d);
              if (exact != NULL)
                *exact = TRUE;
              return TRUE;
            }
          *first = DAY (y, m, 1);
          *last = DAY (y, m, g_date_get_days_in_month ((GDateMonth) m, (GDateYear) y));
          if (exact != NULL)
            *exact = FALSE;
          return TRUE;
        }
      /* "26 Mar 2009" */
      if (p - text >= 6 && p[-1] == ' ' && p[-5] == ' ')
        for (m = 0; m < 12; m++)
          if (strncmp (p - 4, months[m], 3) == 0)
            {
              const char *q = p - 6;
              while (q > text && g_ascii_isdigit (q[-1]))
                q--;
              d = (int) g_ascii_strtoull (q, NULL, 10);
              if (d >= 1 && d <= 31)
                {
                  *first = *last = DAY (y, m + 1, d);
                  if (exact != NULL)
                    *exact = TRUE;
                  return TRUE;
                }
            }
      *first = DAY (y, 1, 1);
      *last = DAY (y, 12, 31);
      if (exact != NULL)
        *exact = FALSE;
      return TRUE;
    }
  return FALSE;
}

/* The latest year @text names ("2016 (by 2019 at the latest)": 2019),
 * as the last day it could mean; 0 when none. */
static int
latest_mentioned (const char *text)
{
  int latest = 0;

  for (const char *p = text; p != NULL && *p != '\0'; p++)
    if (g_ascii_isdigit (p[0]) && g_ascii_isdigit (p[1]) && g_ascii_isdigit (p[2]) &&
        g_ascii_isdigit (p[3]) && (p == text || !g_ascii_isdigit (p[-1])) &&
        !g_ascii_isdigit (p[4]))
      {
        int y = (int) g_ascii_strtoull (p, NULL, 10);
        if (y >= 1900 && y <= 2200)
          latest = MAX (latest, DAY (y, 12, 31));
      }
  return latest;
}

static char *
day_to_iso (int day)
{
  return g_strdup_printf ("%04d-%02d-%02d", day / 10000, day / 100 % 100, day % 100);
}

/* Commission on Human Rights resolutions are numbered by year
 * ("1993/45"), the Council's by session ("52/4"). */
static gboolean
is_council_number (const char *number)
{
  return g_ascii_strtoull (number, NULL, 10) < 1000;
}

static gint
compare_resolutions (gconstpointer a, gconstpointer b)
{
  const RptResolutionInfo *x = *(const RptResolutionInfo *const *) a;
  const RptResolutionInfo *y = *(const RptResolutionInfo *const *) b;
  int fx = 0, fy = 0, lx, ly;

  token_range (x->date, &fx, &lx, NULL);
  token_range (y->date, &fy, &ly, NULL);
  if (fx != fy)
    return fx < fy ? -1 : 1;
  return g_strcmp0 (x->number, y->number);
}

/* Adds what one source says of a resolution; a number seen before keeps
 * the more precise date and is verified if any source verifies it. */
static void
add_resolution (RptReference *self,
                const char *key,
                const char *number,
                const char *date,
                gboolean council,
                gboolean verified,
                const char *verification)
{
  MandateHistory *h = get_history (self, key);
  RptResolutionInfo *r = NULL;

  for (guint i = 0; i < h->resolutions->len; i++)
    if (g_str_equal (((RptResolutionInfo *) h->resolutions->pdata[i])->number, number))
      r = h->resolutions->pdata[i];
  if (r == NULL)
    {
      r = g_new0 (RptResolutionInfo, 1);
      r->mandate_key = intern (self, key);
      r->number = intern (self, number);
      r->council = council;
      r->source = BUILT_IN;
      r->as_of = MANDATE_HISTORY_AS_OF;
      g_ptr_array_add (h->resolutions, r);
    }
  else if (!council)
    r->council = FALSE;
  if (date != NULL && (r->date == NULL || strlen (date) > strlen (r->date)))
    r->date = intern (self, date);
  if (verified && !r->verified)
    {
      r->verified = TRUE;
      r->verification = intern (self, verification);
    }
  else if (r->verification == NULL)
    r->verification = intern (self, verification);
}

/* "43/16 (2020); 52/4 (2023-04-03, partial)", "1993/45 (CHR, established)",
 * "10/23 (26 Mar 2009, established as SR)", "2003/30": one resolution per
 * ";", with what its brackets say of its date and trust. */
static void
add_resolution_list (RptReference *self,
                     const Row *row,
                     const char *key,
                     const char *list,
                     gboolean verified,
                     const char *what)
{
  g_auto (GStrv) items = NULL;

  if (list == NULL)
    return;
  items = g_strsplit (list, ";", -1);
  for (guint i = 0; items[i] != NULL; i++)
    {
      char *item = g_strstrip (items[i]);
      const char *open = strchr (item, '(');
      g_autofree char *number = NULL;
      g_autofree char *inside = NULL;
      g_autofree char *date = NULL;
      g_autofree char *note = NULL;
      gboolean council, partial;
      int first, last;
      gboolean exact;

      if (item[0] == '\0')
        continue;
      number = g_strstrip (g_strndup (item, open != NULL ? (gsize) (open - item) : strlen (item)));
      /* a part of a sentence the table carries after a list ("[recalled
       * in …]") is not a number */
      if (strchr (number, ' ') != NULL)
        number[strcspn (number, " ")] = '\0';
      if (!_rpt_resolution_is_valid (number))
        {
          /* "(CHR; Special Representative …)" splits at ";" too */
          if (g_ascii_isdigit (number[0]))
            add_problem (self, _ ("%s: row %u: “%s” is not a resolution number"), row->source,
                         row->line, number);
          continue;
        }
      if (open != NULL)
        inside = g_strndup (open + 1, strcspn (open + 1, ")"));
      council = is_council_number (number) && (inside == NULL || strstr (inside, "CHR") == NULL);
      partial = inside != NULL && strstr (inside, "partial") != NULL;
      if (token_range (inside, &first, &last, &exact))
        {
          if (exact)
            date = day_to_iso (first);
          else if (first / 100 % 100 == last / 100 % 100)
            date = g_strdup_printf ("%04d-%02d", first / 10000, first / 100 % 100);
          else
            date = g_strdup_printf ("%04d", first / 10000);
        }
      note = g_strdup_printf ("%s%s%s%s", what, inside != NULL ? " (" : "",
                              inside != NULL ? inside : "", inside != NULL ? ")" : "");
      add_resolution (self, key, number, date, council, verified && !partial, note);
    }
}

/* special_procedures_mandates_multilingual.csv: the resolutions that
 * established and renewed each mandate. */
static void
history_from_titles_row (RptReference *self, const Row *row)
{
  const char *key = col (row, "mandate_key");
  const char *latest = col (row, "latest_renewal_resolution");
  const char *verified = col (row, "resolution_number_verified");

  add_resolution_list (self, row, key, col (row, "establishing_resolution"), TRUE,
                       "special_procedures_mandates_multilingual.csv: establishing_resolution");
  add_resolution_list (self, row, key, col (row, "last_verified_resolution"), TRUE,
                       "special_procedures_mandates_multilingual.csv: last_verified_resolution");
  if (latest != NULL && _rpt_resolution_is_valid (latest))
    {
      g_autofree char *note =
        g_strdup_printf ("special_procedures_mandates_multilingual.csv: latest_renewal_resolution, "
                         "resolution_number_verified: %s",
                         verified != NULL ? verified : "?");
      add_resolution (self, key, latest, col (row, "latest_renewal_date"),
                      is_council_number (latest), says_yes (verified), note);
    }
}

/* special_procedures_mandates.csv: earlier resolutions and the term of
 * each renewal. */
static void
history_from_mandates_row (RptReference *self, const Row *row)
{
  const char *key = col (row, "mandate_key");
  const char *period = col (row, "renewal_period_years");
  MandateHistory *h = get_history (self, key);
  guint64 years;

  add_resolution_list (self, row, key, col (row, "other_verified_resolutions"), TRUE,
                       "special_procedures_mandates.csv: other_verified_resolutions");
  if (period != NULL && g_ascii_string_to_unsigned (period, 10, 1, 10, &years, NULL))
    h->period_years = (guint) years;
}

/* "Rapporteur spécial" ↔ "Rapporteuse spéciale", "Relator Especial" ↔
 * "Relatora Especial", "Expert(e) indépendant(e) (chargé(e))", "Experto/a
 * Independiente": the rule the multilingual table's feminine columns were
 * made by (PROVENANCE-names-and-titles.md), for titles of the history,
 * which the sources give in one form only. */
static char *
title_in_form (const char *language, const char *title, gboolean feminine)
{
  static const char *const pairs[][2] = {
    { "Rapporteur spécial", "Rapporteuse spéciale" },
    { "Expert indépendant chargé", "Experte indépendante chargée" },
    { "Expert indépendant", "Experte indépendante" },
    { "Relator Especial", "Relatora Especial" },
    { "Experto Independiente", "Experta Independiente" },
  };

  if (g_strcmp0 (language, "fr") != 0 && g_strcmp0 (language, "es") != 0)
    return g_strdup (title);
  for (guint i = 0; i < G_N_ELEMENTS (pairs); i++)
    {
      const char *from = pairs[i][feminine ? 0 : 1];
      const char *to = pairs[i][feminine ? 1 : 0];
      if (g_str_has_prefix (title, from))
        return g_strconcat (to, title + strlen (from), NULL);
    }
  return g_strdup (title);
}

/* mandate_title_history.csv */
static void
title_history_row (RptReference *self, const Row *row)
{
  const char *key = col (row, "mandate_key");
  const char *language = col (row, "lang");
  const char *title = col (row, "title");
  const char *verified = col (row, "verified");
  TitleRow *t;
  g_autofree char *masculine = NULL;
  g_autofree char *feminine = NULL;
  g_autofree char *note = NULL;

  if (!rpt_language_is_supported (language) || title == NULL || col (row, "used_from") == NULL)
    {
      add_problem (self,
                   _ ("%s: row %u: a title needs a language (en, fr, es), a title and "
                      "the time it came into use"),
                   row->source, row->line);
      return;
    }
  masculine = title_in_form (language, title, FALSE);
  feminine = title_in_form (language, title, TRUE);
  note = g_strdup_printf ("%s: %s", verified != NULL ? verified : "not checked",
                          col (row, "quote") != NULL ? col (row, "quote") : "");

  t = g_new0 (TitleRow, 1);
  t->pub.mandate_key = intern (self, key);
  t->pub.language = intern (self, language);
  t->pub.title = intern (self, title);
  t->pub.used_from = intern (self, col (row, "used_from"));
  t->pub.used_until = intern (self, col (row, "used_until"));
  t->pub.changed_by = intern (self, col (row, "changed_by"));
  t->pub.as_of = MANDATE_HISTORY_AS_OF;
  t->pub.verified = g_strcmp0 (verified, "yes") == 0;
  t->pub.verification = intern (self, note);
  t->pub.source_url = intern (self, col (row, "source_url"));
  t->pub.source = row->source;
  t->masculine = intern (self, masculine);
  t->feminine = intern (self, feminine);
  g_ptr_array_add (get_history (self, key)->titles, t);
}

/* The resolutions the user gives for a mandate (its row in the user's
 * special_procedures_mandates.csv, or a correction of its resolutions):
 * they take the place of the data's latest renewal from @from (YYYYMMDD)
 * on; 0: from the latest renewal the built-in data dates. */
static void
set_user_resolutions (RptReference *self, const RptMandateInfo *info, const char *date, int from)
{
  MandateHistory *h = get_history (self, info->key);

  g_clear_pointer (&h->user_resolutions, g_ptr_array_unref);
  h->user_resolutions = g_ptr_array_new_with_free_func (g_free);
  h->user_from = from;
  for (guint i = 0; info->resolutions[i] != NULL; i++)
    {
      RptResolutionInfo *r = g_new0 (RptResolutionInfo, 1);

      r->mandate_key = info->key;
      r->number = info->resolutions[i];
      r->date = date;
      r->council = is_council_number (r->number);
      r->as_of = info->as_of;
      r->verified = info->verified;
      r->verification = info->verification;
      r->source = info->source;
      g_ptr_array_add (h->user_resolutions, r);
    }
}

/* Only the built-in tables: a user corrects the current title and the
 * latest resolution in the mandates files, which the lookups below take
 * into account (RptMandateInfo). */
static void
load_mandate_history (RptReference *self)
{
  static const struct
  {
    const char *name;
    const char *key;
    RowFunc func;
  } tables[] = {
    { MANDATE_TITLES_CSV, "mandate_key", history_from_titles_row },
    { MANDATES_CSV, "mandate_key", history_from_mandates_row },
    { TITLE_HISTORY_CSV, "mandate_key", title_history_row },
  };
  GHashTableIter iter;
  MandateHistory *h;
  const char *key;
  gpointer flags;

  for (guint i = 0; i < G_N_ELEMENTS (tables); i++)
    {
      g_autofree char *resource = g_strconcat ("reference/", tables[i].name, NULL);
      g_autoptr (GBytes) bytes = _rpt_data_load_resource (resource);
      gsize length;
      const char *data = g_bytes_get_data (bytes, &length);

      read_table (self, data, length, BUILT_IN, tables[i].key, tables[i].func);
    }
  g_hash_table_iter_init (&iter, self->histories);
  while (g_hash_table_iter_next (&iter, NULL, (gpointer *) &h))
    g_ptr_array_sort (h->resolutions, compare_resolutions);

  /* A renewal the user recorded in special_procedures_mandates.csv: the
   * user vouches for it from its "as of" date on. */
  g_hash_table_iter_init (&iter, self->user_fields);
  while (g_hash_table_iter_next (&iter, (gpointer *) &key, &flags))
    {
      const RptMandateInfo *info = g_hash_table_lookup (self->mandates, key);
      int from = 0, last;

      if (info == NULL || !(GPOINTER_TO_UINT (flags) & USER_RESOLUTIONS))
        continue;
      token_range (info->as_of, &from, &last, NULL);
      set_user_resolutions (self, info, info->as_of, from);
    }
}

/**
 * rpt_reference_list_resolutions:
 * @key: a mandate key
 *
 * Returns: (transfer container) (element-type RptResolutionInfo): every
 *   resolution the built-in data names for the mandate, oldest first
 *   (undated ones first); empty when it names none
 */
GPtrArray *
rpt_reference_list_resolutions (RptReference *self, const char *key)
{
  MandateHistory *h;
  GPtrArray *result = g_ptr_array_new ();

  g_return_val_if_fail (RPT_IS_REFERENCE (self), result);
  ensure (self, GROUP_MANDATES);
  h = key != NULL ? g_hash_table_lookup (self->histories, key) : NULL;
  /* not g_ptr_array_copy(), which would take the free function along */
  if (h != NULL)
    g_ptr_array_extend (result, h->resolutions, NULL, NULL);
  return result;
}

/**
 * rpt_reference_list_title_history:
 * @key: a mandate key
 *
 * Returns: (transfer container) (element-type RptTitleHistoryInfo): the
 *   rows of mandate_title_history.csv for the mandate, in every language;
 *   empty for a mandate whose titles have no history in the data
 */
GPtrArray *
rpt_reference_list_title_history (RptReference *self, const char *key)
{
  MandateHistory *h;
  GPtrArray *rows = g_ptr_array_new ();

  g_return_val_if_fail (RPT_IS_REFERENCE (self), NULL);
  ensure (self, GROUP_MANDATES);
  h = key != NULL ? g_hash_table_lookup (self->histories, key) : NULL;
  for (guint i = 0; h != NULL && i < h->titles->len; i++)
    g_ptr_array_add (rows, &((TitleRow *) h->titles->pdata[i])->pub);
  return rows;
}

/**
 * rpt_reference_get_renewal_period:
 * @key: a mandate key
 *
 * Returns: for how many years the Council renews the mandate at a time,
 *   or 0 when the data does not say (or the mandate has no fixed term)
 */
guint
rpt_reference_get_renewal_period (RptReference *self, const char *key)
{
  MandateHistory *h;

  g_return_val_if_fail (RPT_IS_REFERENCE (self), 0);
  ensure (self, GROUP_MANDATES);
  h = key != NULL ? g_hash_table_lookup (self->histories, key) : NULL;
  return h != NULL ? h->period_years : 0;
}

static int
iso_to_day (const char *date)
{
  int first = 0, last;

  token_range (date, &first, &last, NULL);
  return first;
}

/**
 * rpt_reference_find_resolutions_at:
 * @key: a mandate key
 * @date: the letter's date, YYYY-MM-DD
 * @why: (out) (optional) (transfer full): when the result is empty, why
 *   the data cannot tell, as a sentence for the drafter
 *
 * The Human Rights Council resolution the mandate acted under on @date: the
 * latest one adopted on or before @date whose term ran past it, a term
 * ending at the next renewal the data knows or after the mandate's
 * renewal period. Where the data cannot be sure — a renewal dated only by
 * its year, a term that ran out with no later renewal in the data, a
 * mandate with no resolution at all — the result is empty: a letter must
 * not cite a resolution as if the list were complete.
 *
 * A resolution the user's mandates file gives (latest_renewal_resolution)
 * counts from its "as of" date (or after every dated one, if it has none).
 *
 * Returns: (transfer container) (element-type RptResolutionInfo): the
 *   resolution in force, or an empty array
 */
GPtrArray *
rpt_reference_find_resolutions_at (RptReference *self,
                                   const char *key,
                                   const char *date,
                                   char **why)
{
  const RptMandateInfo *info;
  MandateHistory *h;
  g_autoptr (GPtrArray) dated = g_ptr_array_new ();
  GPtrArray *result = g_ptr_array_new ();
  guint period;
  int day, latest_end = 0;
  const RptResolutionInfo *latest = NULL;

  g_return_val_if_fail (RPT_IS_REFERENCE (self), result);
  g_return_val_if_fail (date != NULL, result);
  ensure (self, GROUP_MANDATES);

  if (why != NULL)
    *why = NULL;
  info = key != NULL ? g_hash_table_lookup (self->mandates, key) : NULL;
  h = key != NULL ? g_hash_table_lookup (self->histories, key) : NULL;
  period = h != NULL ? h->period_years : 0;
  day = iso_to_day (date);

  /* The user's resolutions: in force from their date on, or, undated,
   * from the latest dated renewal the built-in data knows. */
  if (h != NULL && h->user_resolutions != NULL && h->user_resolutions->len > 0)
    {
      int from = h->user_from;
      gboolean undated = from == 0;

      for (guint i = 0; undated && i < h->resolutions->len; i++)
        {
          const RptResolutionInfo *r = h->resolutions->pdata[i];
          if (r->council && r->date != NULL)
            from = MAX (from, iso_to_day (r->date));
        }
      if (from <= day)
        {
          g_ptr_array_extend (result, h->user_resolutions, NULL, NULL);
          return result;
        }
    }

  for (guint i = 0; h != NULL && i < h->resolutions->len; i++)
    {
      RptResolutionInfo *r = h->resolutions->pdata[i];
      if (r->council && r->date != NULL)
        g_ptr_array_add (dated, r);
    }
  for (guint i = 0; i < dated->len; i++)
    {
      const RptResolutionInfo *r = dated->pdata[i];
      int first, last, end = G_MAXINT;

      token_range (r->date, &first, &last, NULL);
      if (period > 0)
        end = first + (int) period * 10000;
      if (i + 1 < dated->len)
        end = MIN (end, iso_to_day (((RptResolutionInfo *) dated->pdata[i + 1])->date));
      if (last <= day && day < end)
        {
          g_ptr_array_add (result, (gpointer) r);
          return result;
        }
      latest = r;
      latest_end = end;
    }

  if (why != NULL)
    {
      const char *title = info != NULL ? info->title : key;

      if (dated->len == 0)
        *why = g_strdup_printf (_ ("The reference data knows no dated Human Rights Council "
                                   "resolution for the %s."),
                                title != NULL ? title : "?");
      else if (latest != NULL && day >= latest_end && latest_end != G_MAXINT)
        {
          g_autofree char *end = day_to_iso (latest_end);
          *why = g_strdup_printf (_ ("The latest resolution the reference data knows for the "
                                     "%s, %s (%s), ran for %u years, to about %s: its renewal "
                                     "is not in the data."),
                                  title != NULL ? title : "?", latest->number, latest->date, period,
                                  end);
        }
      else
        *why = g_strdup_printf (_ ("The reference data cannot tell which Human Rights Council "
                                   "resolution the %s acted under on %s (a renewal it knows only "
                                   "by its year, or one it lacks)."),
                                title != NULL ? title : "?", date);
    }
  return result;
}

static const TitleRow *
title_row_at (MandateHistory *h, const char *language, int day, RptDating *dating)
{
  const TitleRow *found = NULL;
  const TitleRow *earliest = NULL;
  int earliest_first = G_MAXINT;
  gboolean ambiguous = FALSE;

  *dating = RPT_DATING_CURRENT;
  for (guint i = 0; h != NULL && i < h->titles->len; i++)
    {
      const TitleRow *t = h->titles->pdata[i];
      int first, last, until_first = G_MAXINT, until_last;
      gboolean exact;

      if (!g_str_equal (t->pub.language, language) ||
          !token_range (t->pub.used_from, &first, &last, &exact))
        continue;
      if (first < earliest_first)
        {
          earliest_first = first;
          earliest = t;
        }
      token_range (t->pub.used_until, &until_first, &until_last, NULL);
      if (day < first || day >= until_first)
        continue;
      if (found != NULL && !g_str_equal (found->pub.title, t->pub.title))
        ambiguous = TRUE;
      found = t;
      /* a change known only by its month or year, or "2016 (by 2019 at
       * the latest)": a date in that time may still have the old title */
      {
        /* "(by 2019 at the latest)" stretches the doubt to a later year;
         * the year of "2022-07" itself does not */
        int latest = latest_mentioned (t->pub.used_from);
        int until = latest / 10000 > last / 10000 ? latest : last;

        if (day <= until && (!exact || day == first))
          *dating = RPT_DATING_UNCERTAIN;
      }
    }
  if (ambiguous)
    {
      *dating = RPT_DATING_AMBIGUOUS;
      return NULL;
    }
  if (found == NULL && earliest != NULL && day < earliest_first)
    {
      /* before every title the history knows */
      *dating = RPT_DATING_UNCERTAIN;
      return earliest;
    }
  if (found != NULL && *dating != RPT_DATING_UNCERTAIN)
    *dating = found->pub.used_until != NULL ? RPT_DATING_KNOWN : RPT_DATING_CURRENT;
  return found;
}

/* A title of the history, in any language, that came into use after
 * @day: the mandate was renamed since. */
static const TitleRow *
title_changed_after (MandateHistory *h, int day)
{
  for (guint i = 0; h != NULL && i < h->titles->len; i++)
    {
      const TitleRow *t = h->titles->pdata[i];
      int first, last;

      if (t->pub.used_until == NULL && token_range (t->pub.used_from, &first, &last, NULL) &&
          first > day)
        {
          /* the title it replaced was in use on @day */
          for (guint k = 0; k < h->titles->len; k++)
            {
              const TitleRow *old = h->titles->pdata[k];
              int from = 0, to = 0, unused;
              if (g_str_equal (old->pub.language, t->pub.language) && old->pub.used_until != NULL &&
                  token_range (old->pub.used_from, &from, &unused, NULL) &&
                  token_range (old->pub.used_until, &to, &unused, NULL) && from <= day && day < to)
                return t;
            }
        }
    }
  return NULL;
}

/**
 * rpt_reference_lookup_title_at:
 * @key: a mandate key
 * @language: "en", "fr" or "es"
 * @form: the form of title the holder uses
 * @date: the letter's date, YYYY-MM-DD
 * @dating: (out) (optional): how far the title can be trusted for @date
 * @row: (out) (optional) (nullable): the row of the history it comes from
 *
 * The title in force on @date (mandate_title_history.csv): "Special
 * Rapporteur on violence against women, its causes and consequences" in
 * 2019, "… women and girls, …" from July 2022. Where the history has no
 * other title, or the title in force is the current one, this is
 * rpt_mandate_info_lookup_title() (the user's corrections included).
 *
 * Returns: (nullable): the title, or %NULL when the data has none in that
 *   language and form, or two titles were in force (%RPT_DATING_AMBIGUOUS)
 */
const char *
rpt_reference_lookup_title_at (RptReference *self,
                               const char *key,
                               const char *language,
                               RptTitleForm form,
                               const char *date,
                               RptDating *dating,
                               const RptTitleHistoryInfo **row)
{
  const RptMandateInfo *info;
  MandateHistory *h;
  const TitleRow *t;
  RptDating d;

  g_return_val_if_fail (RPT_IS_REFERENCE (self), NULL);
  ensure (self, GROUP_MANDATES);

  if (dating != NULL)
    *dating = RPT_DATING_CURRENT;
  if (row != NULL)
    *row = NULL;
  info = key != NULL ? g_hash_table_lookup (self->mandates, key) : NULL;
  if (info == NULL)
    return NULL;
  if (language == NULL)
    language = "en";
  h = g_hash_table_lookup (self->histories, key);
  /* A title the user corrected is the user's word for now: the history
   * still dates the earlier ones. */
  t = date != NULL ? title_row_at (h, language, iso_to_day (date), &d) : NULL;
  if (date == NULL)
    d = RPT_DATING_CURRENT;
  else if (t == NULL && d == RPT_DATING_CURRENT)
    {
      /* No history in this language, but the title changed in another
       * after the date: today's title in this language may not be the
       * one of then. */
      const TitleRow *changed = title_changed_after (h, iso_to_day (date));
      if (changed != NULL)
        {
          if (dating != NULL)
            *dating = RPT_DATING_UNCERTAIN;
          if (row != NULL)
            *row = &changed->pub;
          return rpt_mandate_info_lookup_title (info, language, form);
        }
    }
  if (dating != NULL)
    *dating = d;
  if (row != NULL)
    *row = t != NULL ? &t->pub : NULL;
  if (d == RPT_DATING_AMBIGUOUS)
    return NULL;
  if (t == NULL || t->pub.used_until == NULL)
    return rpt_mandate_info_lookup_title (info, language, form);
  if (g_strcmp0 (info->form, "WG") == 0 || form != RPT_TITLE_FORM_FEMININE)
    return g_str_equal (language, "en") ? t->pub.title : t->masculine;
  return t->feminine;
}

/* ------------------------------------------------------------------ */
/* Construction                                                        */

/**
 * rpt_reference_new:
 * @override_dir: (nullable): a folder of CSV files that correct or extend
 *   the built-in tables, or %NULL for none
 *
 * The built-in reference data and the user's corrections: the tables in
 * @override_dir and the field-by-field corrections of its overrides.csv.
 * Each table is read when first asked for, with its corrections. Problems
 * with the user's files (a broken CSV, a bad date) do not stop it: the
 * rows concerned are left out and rpt_reference_get_problems() says why.
 *
 * Returns: (transfer full): the reference data
 */
RptReference *
rpt_reference_new (const char *override_dir)
{
  RptReference *self = g_object_new (RPT_TYPE_REFERENCE, NULL);

  self->override_dir = g_strdup (override_dir);
  if (override_dir != NULL)
    self->overrides_path = g_build_filename (override_dir, OVERRIDES_CSV, NULL);
  return self;
}

static gboolean
has_user_file (RptReference *self, const char *name)
{
  g_autofree char *path =
    self->override_dir != NULL ? g_build_filename (self->override_dir, name, NULL) : NULL;

  return path != NULL && g_file_test (path, G_FILE_TEST_EXISTS);
}

/* The treaty table. A user's rows are checked as they are read (their
 * problems are reported at once). The built-in rows, known to be sound,
 * are read State by State when a State is first looked up, and made into
 * RptTreatyStatus with their instrument (make_treaty_rows()): an export
 * needs one or two rows of two thousand. With a correction of any treaty
 * row in overrides.csv, the table is read whole, so that the corrections
 * are applied as it is read, like those of the other tables. */
static void
load_treaties (RptReference *self)
{
  if (has_user_file (self, TREATIES_CSV) || self->corrects[RPT_OVERRIDE_TABLE_TREATIES])
    {
      load_table (self, TREATIES_CSV, "instrument", treaty_row);
      return;
    }
  self->treaties_on_demand = TRUE;
  self->treaty_table = _rpt_data_load_resource ("reference/" TREATIES_CSV);
  self->treaty_states = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
}

/* Called with the lock held: the built-in rows that mention @country, in
 * the table's order, kept for make_treaty_rows(). A table that cannot be
 * read that way is read whole, as it is for a %NULL @country. */
static void
read_treaty_rows (RptReference *self, const char *country)
{
  g_autoptr (GArray) numbers = NULL;
  g_autoptr (GError) error = NULL;
  g_autoptr (GPtrArray) ignored = NULL;
  GPtrArray *loading = self->loading;
  GPtrArray *rows = NULL;
  gsize length;
  const char *data;

  if (self->treaty_states == NULL ||
      (country != NULL && g_hash_table_contains (self->treaty_states, country)))
    return;
  data = g_bytes_get_data (self->treaty_table, &length);
  numbers = g_array_new (FALSE, FALSE, sizeof (guint));
  ignored = g_ptr_array_new_with_free_func (g_free);
  self->loading = ignored;
  self->deferred_rows = self->treaty_rows;
  if (country != NULL)
    rows = _rpt_csv_parse_rows_with (data, length, BUILT_IN, country, numbers, &error);
  if (rows != NULL)
    {
      read_rows (self, rows, numbers, BUILT_IN, "instrument", NULL);
      g_hash_table_add (self->treaty_states, g_strdup (country));
    }
  else
    {
      /* Rows read for some States may be read again with the whole
       * table: it alone keeps them once each and in order. */
      g_array_set_size (self->treaty_rows, 0);
      read_table (self, data, length, BUILT_IN, "instrument", NULL);
      g_clear_pointer (&self->treaty_states, g_hash_table_unref);
    }
  self->deferred_rows = NULL;
  self->loading = loading;
}

/* col() for the rows of one table, without looking the column up again. */
static const char *
col_at (const Row *row, guint index)
{
  if (index == 0 || index > row->n_fields || row->fields[index - 1][0] == '\0')
    return NULL;
  return row->fields[index - 1];
}

/* Called with the lock held: the rows of @key, made in the table's order
 * (a later row replaces an earlier one, as when the whole table is read).
 * Their problems are found again, in order, by find_treaty_problems(). */
static void
make_treaty_rows (RptReference *self, const char *instrument, const char *country, const char *key)
{
  g_autoptr (GPtrArray) ignored = NULL;
  GPtrArray *loading = self->loading;
  GHashTable *columns = NULL;
  guint instrument_col = 0, country_col = 0;

  if (g_hash_table_contains (self->treaties_made, key))
    return;
  read_treaty_rows (self, country);
  ignored = g_ptr_array_new_with_free_func (g_free);
  self->loading = ignored;
  /* One pass over the rows read, comparing two fields (a row may be read
   * twice, for two States it mentions: making it twice makes the same). */
  for (guint i = 0; i < self->treaty_rows->len; i++)
    {
      const Row *row = &g_array_index (self->treaty_rows, Row, i);

      if (row->columns != columns)
        {
          columns = row->columns;
          instrument_col = GPOINTER_TO_UINT (g_hash_table_lookup (columns, "instrument"));
          country_col = GPOINTER_TO_UINT (g_hash_table_lookup (columns, "iso3"));
        }
      if (g_strcmp0 (col_at (row, country_col), country) == 0 &&
          g_strcmp0 (col_at (row, instrument_col), instrument) == 0)
        treaty_row (self, row);
    }
  self->loading = loading;
  g_hash_table_add (self->treaties_made, g_strdup (key));
}

/* Called with the lock held: the statuses of every row of @country (or
 * of every State, for %NULL) made, for a list of them. The rows are made
 * in the table's order, each key once, as make_treaty_rows() would. */
static void
make_all_treaty_rows (RptReference *self, const char *country)
{
  g_autoptr (GHashTable) made_before = NULL;
  g_autoptr (GPtrArray) ignored = NULL;
  GPtrArray *loading = self->loading;
  GHashTable *columns = NULL;
  guint instrument_col = 0, country_col = 0;

  if (self->all_treaties_made)
    return;
  read_treaty_rows (self, country);
  made_before = g_hash_table_new (g_str_hash, g_str_equal);
  {
    GHashTableIter iter;
    gpointer key;

    g_hash_table_iter_init (&iter, self->treaties_made);
    while (g_hash_table_iter_next (&iter, &key, NULL))
      g_hash_table_add (made_before, key);
  }
  ignored = g_ptr_array_new_with_free_func (g_free);
  self->loading = ignored;
  for (guint i = 0; i < self->treaty_rows->len; i++)
    {
      const Row *row = &g_array_index (self->treaty_rows, Row, i);
      g_autofree char *key = NULL;
      const char *row_country;

      if (row->columns != columns)
        {
          columns = row->columns;
          instrument_col = GPOINTER_TO_UINT (g_hash_table_lookup (columns, "instrument"));
          country_col = GPOINTER_TO_UINT (g_hash_table_lookup (columns, "iso3"));
        }
      row_country = col_at (row, country_col);
      if (row_country == NULL || (country != NULL && !g_str_equal (row_country, country)))
        continue;
      key = g_strconcat (col_at (row, instrument_col), " ", row_country, NULL);
      /* A status made before may be held by a caller: it stays. */
      if (g_hash_table_contains (made_before, key))
        continue;
      treaty_row (self, row);
      g_hash_table_add (self->treaties_made, g_steal_pointer (&key));
    }
  self->loading = loading;
  if (country == NULL)
    self->all_treaties_made = TRUE;
}

/* Called with the lock held: every row of the treaty table read the way
 * the whole table is read, into a table of its own (the made rows, which
 * callers may hold, stay), for its problems in the table's order. */
static void
find_treaty_problems (RptReference *self)
{
  GHashTable *made = self->treaties;
  GPtrArray *loading = self->loading;

  /* Read on demand, the group has no problems of its own: no user's
   * table, no corrections of it. */
  g_assert (self->group_problems[GROUP_TREATIES]->len == 0);
  self->treaties = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  self->loading = self->group_problems[GROUP_TREATIES];
  load_table (self, TREATIES_CSV, "instrument", treaty_row);
  self->loading = loading;
  g_hash_table_unref (self->treaties);
  self->treaties = made;
}

static void load_overrides (RptReference *self);
static void apply_overrides (RptReference *self, RptOverrideTable table);

static void
load_group (RptReference *self, Group group)
{
  switch (group)
    {
    case GROUP_MANDATES:
      load_table (self, MANDATES_CSV, "mandate_key", mandate_row);
      load_table (self, MANDATE_TITLES_CSV, "mandate_key", mandate_titles_row);
      /* the titles and resolutions by date, from the rows just read */
      load_mandate_history (self);
      break;
    case GROUP_INSTRUMENTS:
      load_table (self, INSTRUMENTS_CSV, "instrument", instrument_row);
      break;
    case GROUP_TREATIES:
      load_treaties (self);
      break;
    case GROUP_LEGAL:
      load_table (self, LEGAL_CSV, "ref_key", legal_row);
      break;
    case GROUP_UN_COUNTRIES:
      load_table (self, UN_COUNTRIES_CSV, "iso3", un_country_row);
      break;
    case GROUP_COUNTRIES:
      load_countries (self);
      load_country_overrides (self);
      break;
    case GROUP_OVERRIDES:
      load_overrides (self);
      break;
    case N_GROUPS:
    default:
      g_assert_not_reached ();
    }
}

/* Called with the lock held: @group's tables read, its problems collected
 * (applying its corrections adds to them). */
static void
start_group (RptReference *self, Group group)
{
  self->reading[group] = TRUE;
  self->loading = self->group_problems[group];
  load_group (self, group);
}

static void
finish_group (RptReference *self, Group group)
{
  /* The default reference data says at once what is wrong with the
   * user's files (rpt_reference_get_default()). */
  for (guint i = 0; self->log_problems && i < self->group_problems[group]->len; i++)
    g_message ("%s", (const char *) self->group_problems[group]->pdata[i]);
  self->reading[group] = FALSE;
  g_atomic_int_set (&self->loaded[group], 1);
}

/* Called with the lock held, also while another group is read (its
 * corrections may look rows up here). A group being read by this thread
 * counts as read: its corrections look rows up in it. */
static void
ensure_locked (RptReference *self, Group group)
{
  GPtrArray *loading = self->loading;

  if (g_atomic_int_get (&self->loaded[group]) || self->reading[group])
    return;
  /* What the group needs first. A group is never changed once read, so
   * the corrections of a table are applied as its group is read. */
  if (group == GROUP_MANDATES || group == GROUP_TREATIES || group == GROUP_UN_COUNTRIES ||
      group == GROUP_COUNTRIES)
    ensure_locked (self, GROUP_OVERRIDES);
  if (group == GROUP_TREATIES)
    ensure_locked (self, GROUP_INSTRUMENTS);

  if ((group == GROUP_UN_COUNTRIES || group == GROUP_COUNTRIES) &&
      self->corrects[RPT_OVERRIDE_TABLE_COUNTRIES])
    {
      /* A correction of a State's name changes both the UN's names and
       * the user's countries.csv (apply_country()): with corrections of
       * names, the two groups are read together. */
      g_assert (!g_atomic_int_get (&self->loaded[GROUP_UN_COUNTRIES]) &&
                !g_atomic_int_get (&self->loaded[GROUP_COUNTRIES]));
      start_group (self, GROUP_UN_COUNTRIES);
      start_group (self, GROUP_COUNTRIES);
      self->loading = self->group_problems[GROUP_UN_COUNTRIES];
      apply_overrides (self, RPT_OVERRIDE_TABLE_COUNTRIES);
      finish_group (self, GROUP_UN_COUNTRIES);
      finish_group (self, GROUP_COUNTRIES);
    }
  else
    {
      start_group (self, group);
      if (group == GROUP_MANDATES)
        apply_overrides (self, RPT_OVERRIDE_TABLE_MANDATES);
      else if (group == GROUP_TREATIES)
        apply_overrides (self, RPT_OVERRIDE_TABLE_TREATIES);
      finish_group (self, group);
    }
  self->loading = loading;
}

/* Reads @group the first time it is needed. Once read, a group never
 * changes, so lookups need no lock. */
static void
ensure (RptReference *self, Group group)
{
  if (G_LIKELY (g_atomic_int_get (&self->loaded[group])))
    return;
  g_rec_mutex_lock (&self->lock);
  ensure_locked (self, group);
  g_rec_mutex_unlock (&self->lock);
}

/* The group a table of corrections belongs to: once it is read, so are
 * the corrections of the table, and what the data said before them. */
static Group
group_of_table (RptOverrideTable table)
{
  switch (table)
    {
    case RPT_OVERRIDE_TABLE_MANDATES:
      return GROUP_MANDATES;
    case RPT_OVERRIDE_TABLE_TREATIES:
      return GROUP_TREATIES;
    case RPT_OVERRIDE_TABLE_COUNTRIES:
      return GROUP_UN_COUNTRIES;
    default:
      g_return_val_if_reached (GROUP_OVERRIDES);
    }
}

/**
 * rpt_reference_dup_default_override_dir:
 *
 * Returns: (transfer full): $XDG_DATA_HOME/rapporteur/reference
 */
char *
rpt_reference_dup_default_override_dir (void)
{
  return g_build_filename (g_get_user_data_dir (), "rapporteur", "reference", NULL);
}

/* The default reference data, and the ones it replaced: callers hold
 * the default without a reference (and pointers into it), so a default
 * replaced by rpt_reference_reload_default() lives until the process
 * ends. Reloads are rare: the user corrected the data. */
static GMutex default_lock;
static RptReference *default_reference;
static GPtrArray *superseded_defaults;

static RptReference *
get_default (gboolean reload)
{
  RptReference *reference;

  g_mutex_lock (&default_lock);
  if (default_reference == NULL || reload)
    {
      g_autofree char *dir = rpt_reference_dup_default_override_dir ();
      RptReference *fresh = rpt_reference_new (dir);

      /* Read on first use; each group says what is wrong with the user's
       * files as it is read. */
      fresh->log_problems = TRUE;
      if (default_reference != NULL)
        {
          if (superseded_defaults == NULL)
            superseded_defaults = g_ptr_array_new ();
          g_ptr_array_add (superseded_defaults, default_reference);
        }
      default_reference = fresh;
    }
  reference = default_reference;
  g_mutex_unlock (&default_lock);
  return reference;
}

/**
 * rpt_reference_get_default:
 *
 * The reference data of this process: the built-in tables with the
 * user's corrections from rpt_reference_dup_default_override_dir(), read
 * on first use.
 *
 * Returns: (transfer none): the shared reference data
 */
RptReference *
rpt_reference_get_default (void)
{
  return get_default (FALSE);
}

const char *
rpt_reference_get_override_dir (RptReference *self)
{
  g_return_val_if_fail (RPT_IS_REFERENCE (self), NULL);
  return self->override_dir;
}

/**
 * rpt_reference_get_problems:
 *
 * Returns: (transfer none): what was wrong with the data files, one
 *   message per problem; empty when all is well
 */
const char *const *
rpt_reference_get_problems (RptReference *self)
{
  g_return_val_if_fail (RPT_IS_REFERENCE (self), NULL);

  g_rec_mutex_lock (&self->lock);
  if (self->problems == NULL)
    {
      self->problems = g_ptr_array_new_null_terminated (4, g_free, TRUE);
      for (guint group = 0; group < N_GROUPS; group++)
        {
          ensure_locked (self, group);
          if (group == GROUP_TREATIES && self->treaties_on_demand)
            find_treaty_problems (self);
          for (guint i = 0; i < self->group_problems[group]->len; i++)
            g_ptr_array_add (self->problems, g_strdup (self->group_problems[group]->pdata[i]));
        }
    }
  g_rec_mutex_unlock (&self->lock);
  return (const char *const *) self->problems->pdata;
}

/* ------------------------------------------------------------------ */
/* Lookups                                                             */

const RptMandateInfo *
rpt_reference_lookup_mandate (RptReference *self, const char *key)
{
  g_return_val_if_fail (RPT_IS_REFERENCE (self), NULL);
  ensure (self, GROUP_MANDATES);
  return key != NULL ? g_hash_table_lookup (self->mandates, key) : NULL;
}

/**
 * rpt_reference_list_mandates:
 *
 * Returns: (transfer container) (element-type RptMandateInfo): every
 *   mandate, in the order of the tables
 */
GPtrArray *
rpt_reference_list_mandates (RptReference *self)
{
  g_return_val_if_fail (RPT_IS_REFERENCE (self), NULL);
  ensure (self, GROUP_MANDATES);
  return g_ptr_array_copy (self->mandate_order, NULL, NULL);
}

/**
 * rpt_mandate_info_get_title:
 * @language: "en", "fr" or "es"
 *
 * Returns: the title in @language, or in English when the data has none
 */
const char *
rpt_mandate_info_get_title (const RptMandateInfo *info, const char *language)
{
  g_return_val_if_fail (info != NULL, NULL);

  if (g_strcmp0 (language, "fr") == 0 && info->title_fr != NULL)
    return info->title_fr;
  if (g_strcmp0 (language, "es") == 0 && info->title_es != NULL)
    return info->title_es;
  return info->title;
}

/**
 * rpt_mandate_info_get_ui_title:
 *
 * Returns: the mandate's title in the interface's language, as notes and
 *   checks name it (the letter's own words are in the letter's language).
 *   The language is the catalogue's own answer, so a session whose
 *   translation is missing stays English throughout.
 */
const char *
rpt_mandate_info_get_ui_title (const RptMandateInfo *info)
{
  /* Translators: this language's code (en, fr or es): the notes and checks
   * name mandates in it */
  return rpt_mandate_info_get_title (info, C_ ("language code", "en"));
}

/**
 * rpt_mandate_info_lookup_title:
 * @language: "en", "fr" or "es"
 * @form: the form of title the holder uses
 *
 * The title in @language and @form, with no fallback: a Working Group,
 * and every English title, has one form; an unspecified form is the form
 * of UN resolutions (the masculine one in French and Spanish).
 *
 * Returns: (nullable): the title, or %NULL when the data has none in that
 *   language and form
 */
const char *
rpt_mandate_info_lookup_title (const RptMandateInfo *info, const char *language, RptTitleForm form)
{
  gboolean feminine;

  g_return_val_if_fail (info != NULL, NULL);

  feminine = form == RPT_TITLE_FORM_FEMININE && g_strcmp0 (info->form, "WG") != 0;
  if (g_strcmp0 (language, "fr") == 0)
    return feminine ? info->title_fr_feminine : info->title_fr;
  if (g_strcmp0 (language, "es") == 0)
    return feminine ? info->title_es_feminine : info->title_es;
  return info->title;
}

/**
 * rpt_mandate_info_get_title_attested:
 *
 * Returns: (nullable): "yes", "press" or "no" for the title in @language
 *   (see #RptMandateInfo), "yes" for English titles that are attested
 */
const char *
rpt_mandate_info_get_title_attested (const RptMandateInfo *info, const char *language)
{
  g_return_val_if_fail (info != NULL, NULL);

  if (g_strcmp0 (language, "fr") == 0)
    return info->title_fr_attested;
  if (g_strcmp0 (language, "es") == 0)
    return info->title_es_attested;
  return "yes";
}

/**
 * rpt_reference_lookup_treaty_status:
 * @instrument: "ICCPR"
 * @country: an ISO 3166-1 alpha-3 code
 *
 * Returns: (nullable): what the data says of @country and @instrument, or
 *   %NULL when it says nothing (the State may still have joined since)
 */
const RptTreatyStatus *
rpt_reference_lookup_treaty_status (RptReference *self, const char *instrument, const char *country)
{
  const RptTreatyStatus *status;
  g_autofree char *key = NULL;

  g_return_val_if_fail (RPT_IS_REFERENCE (self), NULL);
  if (instrument == NULL || country == NULL)
    return NULL;
  ensure (self, GROUP_TREATIES);
  key = g_strconcat (instrument, " ", country, NULL);
  if (!self->treaties_on_demand)
    return g_hash_table_lookup (self->treaties, key);
  g_rec_mutex_lock (&self->lock);
  make_treaty_rows (self, instrument, country, key);
  status = g_hash_table_lookup (self->treaties, key);
  g_rec_mutex_unlock (&self->lock);
  return status;
}

const RptInstrumentInfo *
rpt_reference_lookup_instrument (RptReference *self, const char *code)
{
  g_return_val_if_fail (RPT_IS_REFERENCE (self), NULL);
  ensure (self, GROUP_INSTRUMENTS);
  return code != NULL ? g_hash_table_lookup (self->instruments, code) : NULL;
}

const RptLegalReference *
rpt_reference_lookup_legal (RptReference *self, const char *key)
{
  g_return_val_if_fail (RPT_IS_REFERENCE (self), NULL);
  ensure (self, GROUP_LEGAL);
  return key != NULL ? g_hash_table_lookup (self->legal, key) : NULL;
}

/**
 * rpt_reference_list_legal:
 *
 * Returns: (transfer container) (element-type RptLegalReference): every
 *   legal reference, in the order of the tables
 */
GPtrArray *
rpt_reference_list_legal (RptReference *self)
{
  g_return_val_if_fail (RPT_IS_REFERENCE (self), NULL);
  ensure (self, GROUP_LEGAL);
  return g_ptr_array_copy (self->legal_order, NULL, NULL);
}

static int
compare_instruments (gconstpointer a, gconstpointer b)
{
  const RptInstrumentInfo *x = *(const RptInstrumentInfo *const *) a;
  const RptInstrumentInfo *y = *(const RptInstrumentInfo *const *) b;

  return g_strcmp0 (x->code, y->code);
}

/**
 * rpt_reference_list_instruments:
 *
 * Returns: (transfer container) (element-type RptInstrumentInfo): the
 *   instruments the treaty data knows, by code: what a State's
 *   participation can be corrected for, listed or not
 */
GPtrArray *
rpt_reference_list_instruments (RptReference *self)
{
  GPtrArray *list = g_ptr_array_new ();
  GHashTableIter iter;
  gpointer value;

  g_return_val_if_fail (RPT_IS_REFERENCE (self), NULL);
  ensure (self, GROUP_INSTRUMENTS);

  g_hash_table_iter_init (&iter, self->instruments);
  while (g_hash_table_iter_next (&iter, NULL, &value))
    g_ptr_array_add (list, value);
  g_ptr_array_sort (list, compare_instruments);
  return list;
}

gboolean
rpt_reference_has_country (RptReference *self, const char *code)
{
  g_return_val_if_fail (RPT_IS_REFERENCE (self), FALSE);
  if (code == NULL)
    return FALSE;
  ensure (self, GROUP_UN_COUNTRIES);
  if (g_hash_table_contains (self->un_countries, code))
    return TRUE;
  ensure (self, GROUP_COUNTRIES);
  return g_hash_table_contains (self->countries, code);
}

/* Called with the lock held. */
static GHashTable *
get_catalogue (RptReference *self, const char *language)
{
  GHashTable *table;
  g_autofree char *path = NULL;

  if (g_hash_table_lookup_extended (self->catalogues, language, NULL, (gpointer *) &table))
    return table;
  path =
    g_build_filename (self->iso_codes_locale_dir, language, "LC_MESSAGES", "iso_3166-1.mo", NULL);
  /* A language iso-codes has no catalogue for: the English names. */
  table = g_file_test (path, G_FILE_TEST_EXISTS) ? _rpt_mo_load (path, NULL) : NULL;
  g_hash_table_insert (self->catalogues, g_strdup (language), table);
  return table;
}

/* iso-codes' name of the country in @language, from its gettext
 * catalogues: the last resort for a country the UN data lacks. Safe to
 * call from any thread: the process locale is not touched. */
static char *
dup_iso_country_name (RptReference *self, const char *code, const char *language)
{
  Country *c;
  GHashTable *catalogue;
  const char *translated = NULL;
  const char *msgid;

  ensure (self, GROUP_COUNTRIES);
  c = g_hash_table_lookup (self->countries, code);
  if (c == NULL || c->name == NULL)
    return NULL;
  msgid = c->iso_name != NULL ? c->iso_name : c->name;
  if (language == NULL || g_str_equal (language, "en") || self->iso_codes_locale_dir == NULL)
    return g_strdup (c->name);

  g_rec_mutex_lock (&self->lock);
  catalogue = get_catalogue (self, language);
  if (catalogue != NULL)
    translated = g_hash_table_lookup (catalogue, msgid);
  g_rec_mutex_unlock (&self->lock);
  /* Catalogues are never freed while the object lives. */
  return g_strdup (translated != NULL ? translated : c->name);
}

/**
 * rpt_reference_dup_country_name:
 * @code: an ISO 3166-1 alpha-3 code
 * @language: the letter language
 *
 * The country's name as a letter's running text writes it, in
 * @language: rpt_reference_dup_country_form() with
 * %RPT_COUNTRY_FORM_IN_TEXT.
 *
 * Returns: (transfer full) (nullable): the name, or %NULL for an unknown code
 */
char *
rpt_reference_dup_country_name (RptReference *self, const char *code, const char *language)
{
  g_return_val_if_fail (RPT_IS_REFERENCE (self), NULL);
  return rpt_reference_dup_country_form (self, code, language, RPT_COUNTRY_FORM_IN_TEXT, NULL);
}

/**
 * rpt_reference_lookup_country:
 * @code: an ISO 3166-1 alpha-3 code
 *
 * Returns: (nullable): the UN's names of the State, or %NULL when the UN
 *   terminology data has no such State
 */
const RptCountryInfo *
rpt_reference_lookup_country (RptReference *self, const char *code)
{
  g_return_val_if_fail (RPT_IS_REFERENCE (self), NULL);
  ensure (self, GROUP_UN_COUNTRIES);
  return code != NULL ? g_hash_table_lookup (self->un_countries, code) : NULL;
}

static const char *
un_form (const RptCountryInfo *c, const char *language, RptCountryForm form)
{
  gboolean fr = g_strcmp0 (language, "fr") == 0;
  gboolean es = g_strcmp0 (language, "es") == 0;

  switch (form)
    {
    case RPT_COUNTRY_FORM_IN_TEXT:
      return fr ? c->name_fr : es ? c->name_es : c->name_en;
    case RPT_COUNTRY_FORM_AFTER_DE:
      return fr ? c->fr_de : es ? c->es_de : NULL;
    case RPT_COUNTRY_FORM_AFTER_A:
      return fr ? c->fr_a : es ? c->es_a : NULL;
    case RPT_COUNTRY_FORM_LIST:
      return fr ? c->list_fr : es ? c->list_es : c->list_en;
    default:
      g_return_val_if_reached (NULL);
    }
}

/**
 * rpt_reference_dup_country_form:
 * @code: an ISO 3166-1 alpha-3 code
 * @language: "en", "fr" or "es"
 * @form: which form
 * @from_un_data: (out) (optional): whether the name is the UN's (the
 *   user's countries.csv counts as the UN's: the user vouches for it)
 *   rather than iso-codes' as a last resort
 *
 * The State's name as a letter in @language writes it: the user's
 * countries.csv first, then the UN terminology data, then iso-codes. The
 * forms after "de" and "à" come from the data where it has them, and
 * from the contraction rules (rpt_grammar_contract()) otherwise.
 *
 * Returns: (transfer full) (nullable): the name, or %NULL for an unknown
 *   code
 */
char *
rpt_reference_dup_country_form (RptReference *self,
                                const char *code,
                                const char *language,
                                RptCountryForm form,
                                gboolean *from_un_data)
{
  const RptCountryInfo *un;
  Country *user;
  const char *user_name = NULL;
  g_autofree char *in_text = NULL;
  gboolean with_user;

  g_return_val_if_fail (RPT_IS_REFERENCE (self), NULL);

  if (from_un_data != NULL)
    *from_un_data = FALSE;
  if (code == NULL)
    return NULL;
  ensure (self, GROUP_UN_COUNTRIES);
  un = g_hash_table_lookup (self->un_countries, code);
  /* iso-codes' names are the last resort, and the user's countries.csv
   * comes first: neither is read when there is no such file and the UN's
   * data has the name. (Once ensure() returns, the group is read, or is
   * being read by this thread, whose corrections ask.) */
  if (has_user_countries (self) || un == NULL ||
      (un_form (un, language, form) == NULL &&
       un_form (un, language, RPT_COUNTRY_FORM_IN_TEXT) == NULL))
    {
      ensure (self, GROUP_COUNTRIES);
      with_user = TRUE;
    }
  else
    with_user = g_atomic_int_get (&self->loaded[GROUP_COUNTRIES]);
  user = with_user ? g_hash_table_lookup (self->countries, code) : NULL;
  if (user != NULL)
    {
      if (g_strcmp0 (language, "fr") == 0)
        user_name = user->name_fr;
      else if (g_strcmp0 (language, "es") == 0)
        user_name = user->name_es;
      else if (g_strcmp0 (user->name, user->iso_name) != 0)
        user_name = user->name;
    }

  if (user_name == NULL && un != NULL && un_form (un, language, form) != NULL)
    {
      if (from_un_data != NULL)
        *from_un_data = TRUE;
      return g_strdup (un_form (un, language, form));
    }

  if (user_name != NULL)
    {
      if (from_un_data != NULL)
        *from_un_data = TRUE;
      in_text = g_strdup (user_name);
    }
  else if (un != NULL && un_form (un, language, RPT_COUNTRY_FORM_IN_TEXT) != NULL)
    {
      if (from_un_data != NULL)
        *from_un_data = TRUE;
      in_text = g_strdup (un_form (un, language, RPT_COUNTRY_FORM_IN_TEXT));
    }
  else
    in_text = dup_iso_country_name (self, code, language);
  if (in_text == NULL)
    return NULL;

  switch (form)
    {
    case RPT_COUNTRY_FORM_AFTER_DE:
      return rpt_grammar_contract (language, RPT_PREPOSITION_DE, in_text);
    case RPT_COUNTRY_FORM_AFTER_A:
      return rpt_grammar_contract (language, RPT_PREPOSITION_A, in_text);
    case RPT_COUNTRY_FORM_IN_TEXT:
    case RPT_COUNTRY_FORM_LIST:
    default:
      return g_steal_pointer (&in_text);
    }
}

/* ------------------------------------------------------------------ */
/* Clause library                                                      */

static gboolean
is_clause_element (xmlNode *node, const char *name)
{
  return node != NULL && node->type == XML_ELEMENT_NODE &&
         xmlStrEqual (node->name, BAD_CAST name) && node->ns != NULL &&
         xmlStrEqual (node->ns->href, BAD_CAST "urn:x-rapporteur:clauses");
}

/* Whether @node is the English original (@language %NULL) or the
 * translation into @language that msgfmt added. */
static gboolean
has_lang (xmlNode *node, const char *language)
{
  g_autofree char *lang = (char *) xmlGetNsProp (node, BAD_CAST "lang", XML_XML_NAMESPACE);

  return g_strcmp0 (lang, language) == 0;
}

/* The clause text as inline markup (the same elements, no namespace). */
static void
append_markup (GString *out, xmlNode *parent)
{
  for (xmlNode *c = parent->children; c != NULL; c = c->next)
    {
      if (c->type == XML_TEXT_NODE)
        rpt_markup_append_escaped (out, (const char *) c->content, -1, FALSE);
      else if (c->type != XML_ELEMENT_NODE)
        continue;
      else if (xmlStrEqual (c->name, BAD_CAST "b") || xmlStrEqual (c->name, BAD_CAST "i"))
        {
          g_string_append_printf (out, "<%s>", (const char *) c->name);
          append_markup (out, c);
          g_string_append_printf (out, "</%s>", (const char *) c->name);
        }
      else if (xmlStrEqual (c->name, BAD_CAST "a") ||
               xmlStrEqual (c->name, BAD_CAST "treaty-status"))
        {
          gboolean link = c->name[0] == 'a';
          g_autofree char *value = (char *) xmlGetProp (c, BAD_CAST (link ? "href" : "instrument"));
          g_string_append_printf (out, link ? "<a href=\"" : "<treaty-status instrument=\"");
          rpt_markup_append_escaped (out, value != NULL ? value : "", -1, TRUE);
          if (link)
            {
              g_string_append (out, "\">");
              append_markup (out, c);
              g_string_append (out, "</a>");
            }
          else
            g_string_append (out, "\"/>");
        }
      else
        append_markup (out, c);
    }
}

/* The element of @name in @clause for @language: msgfmt puts the
 * translations right after the English element. */
static xmlNode *
find_localized (xmlNode *clause, const char *name, const char *language)
{
  xmlNode *english = NULL;

  for (xmlNode *c = clause->children; c != NULL; c = c->next)
    {
      if (!is_clause_element (c, name))
        continue;
      if (english == NULL && has_lang (c, NULL))
        english = c;
      else if (language != NULL && has_lang (c, language))
        return c;
    }
  return english;
}

static char *
localized_markup (xmlNode *clause, const char *name, const char *language)
{
  xmlNode *node = find_localized (clause, name, language);
  g_autoptr (GString) raw = g_string_new (NULL);
  xmlDoc *owned = NULL;
  xmlNode *content;
  char *markup;

  if (node == NULL)
    return NULL;
  content = !has_lang (node, NULL) ? _rpt_xml_translated_content (node, &owned) : node;
  if (content == NULL)
    content = find_localized (clause, name, NULL);
  append_markup (raw, content);
  if (owned != NULL)
    xmlFreeDoc (owned);
  markup = rpt_markup_normalize (raw->str, NULL, NULL);
  return markup;
}

static GPtrArray *
load_clauses (RptReference *self, const char *language)
{
  g_autoptr (GBytes) bytes = _rpt_data_load_resource ("reference/clauses.xml");
  g_autoptr (GError) error = NULL;
  GPtrArray *clauses = g_ptr_array_new_with_free_func (g_free);
  gsize length;
  const char *data = g_bytes_get_data (bytes, &length);
  xmlDoc *doc = _rpt_xml_read (data, length, "clauses.xml", &error);

  g_assert (doc != NULL);
  for (xmlNode *c = xmlDocGetRootElement (doc)->children; c != NULL; c = c->next)
    {
      RptClause *clause;
      g_autofree char *key = NULL;
      g_autofree char *part = NULL;
      g_autofree char *ref = NULL;
      g_autofree char *title = NULL;
      g_autofree char *markup = NULL;
      RptPart p;

      if (!is_clause_element (c, "clause"))
        continue;
      key = (char *) xmlGetProp (c, BAD_CAST "key");
      part = (char *) xmlGetProp (c, BAD_CAST "part");
      ref = (char *) xmlGetProp (c, BAD_CAST "ref");
      title = localized_markup (c, "title", language);
      if (title != NULL)
        {
          /* titles are plain text */
          char *plain = rpt_markup_to_plain (title);
          g_free (title);
          title = plain;
        }
      markup = localized_markup (c, "text", language);
      if (key == NULL || !rpt_part_from_string (part, &p) || title == NULL || markup == NULL)
        continue;

      clause = g_new0 (RptClause, 1);
      clause->key = intern (self, key);
      clause->part = p;
      clause->reference = intern (self, ref);
      clause->title = intern (self, title);
      clause->markup = intern (self, markup);
      g_ptr_array_add (clauses, clause);
    }
  xmlFreeDoc (doc);
  return clauses;
}

/**
 * rpt_reference_list_clauses:
 * @language: the letter language
 * @part: the part of the letter, or %RPT_N_PARTS for all
 *
 * The standard paragraphs of the clause library for @part, in @language
 * where they are translated and in English otherwise.
 *
 * Returns: (transfer container) (element-type RptClause): the clauses
 */
GPtrArray *
rpt_reference_list_clauses (RptReference *self, const char *language, RptPart part)
{
  GPtrArray *all, *result;

  g_return_val_if_fail (RPT_IS_REFERENCE (self), NULL);
  if (language == NULL)
    language = "en";

  g_rec_mutex_lock (&self->lock);
  all = g_hash_table_lookup (self->clauses, language);
  if (all == NULL)
    {
      all = load_clauses (self, language);
      g_hash_table_insert (self->clauses, g_strdup (language), all);
    }
  result = g_ptr_array_new ();
  for (guint i = 0; i < all->len; i++)
    {
      RptClause *clause = all->pdata[i];
      if (part == RPT_N_PARTS || clause->part == part)
        g_ptr_array_add (result, clause);
    }
  g_rec_mutex_unlock (&self->lock);
  return result;
}

/* ------------------------------------------------------------------ */
/* The user's corrections, field by field (rpt-overrides.h)            */

/**
 * rpt_reference_reload_default:
 *
 * Reads the reference data and the user's corrections again, after the
 * user changed them: rpt_reference_get_default() returns the new data
 * from then on. Pointers into the data given before stay valid.
 *
 * Returns: (transfer none): the new default
 */
RptReference *
rpt_reference_reload_default (void)
{
  return get_default (TRUE);
}

/**
 * rpt_reference_dup_default_overrides_path:
 *
 * Returns: (transfer full): where the user's corrections are kept:
 *   $XDG_DATA_HOME/rapporteur/reference/overrides.csv
 */
char *
rpt_reference_dup_default_overrides_path (void)
{
  g_autofree char *dir = rpt_reference_dup_default_override_dir ();
  return g_build_filename (dir, OVERRIDES_CSV, NULL);
}

/**
 * rpt_reference_get_overrides_path:
 *
 * Returns: (nullable): the file of corrections this data read, or %NULL
 *   without an override folder
 */
const char *
rpt_reference_get_overrides_path (RptReference *self)
{
  g_return_val_if_fail (RPT_IS_REFERENCE (self), NULL);
  return self->overrides_path;
}

/**
 * rpt_reference_get_overrides:
 *
 * Returns: (transfer none): the corrections this data read (all of them,
 *   also those of rows the data no longer has, which are not applied)
 */
RptOverrides *
rpt_reference_get_overrides (RptReference *self)
{
  g_return_val_if_fail (RPT_IS_REFERENCE (self), NULL);
  ensure (self, GROUP_OVERRIDES);
  return self->overrides;
}

static gboolean
split_treaty_key (const char *key, char **instrument, char **country)
{
  const char *slash = key != NULL ? strchr (key, '/') : NULL;

  if (slash == NULL)
    return FALSE;
  *instrument = g_strndup (key, slash - key);
  *country = g_strdup (slash + 1);
  return TRUE;
}

/**
 * rpt_reference_has_row:
 * @key: a mandate key, a State's code or "INSTRUMENT/CODE"
 *
 * Whether the data has that row to correct. For a treaty, the instrument
 * and the State must be known; the data need not say anything of them
 * yet (a correction may add a ratification).
 */
gboolean
rpt_reference_has_row (RptReference *self, RptOverrideTable table, const char *key, GError **error)
{
  g_autofree char *instrument = NULL;
  g_autofree char *country = NULL;

  g_return_val_if_fail (RPT_IS_REFERENCE (self), FALSE);

  switch (table)
    {
    case RPT_OVERRIDE_TABLE_MANDATES:
      if (rpt_reference_lookup_mandate (self, key) != NULL)
        return TRUE;
      g_set_error (error, RPT_ERROR, RPT_ERROR_NOT_FOUND,
                   _ ("The reference data has no mandate “%s”"), key != NULL ? key : "");
      return FALSE;
    case RPT_OVERRIDE_TABLE_COUNTRIES:
      if (key != NULL && !g_str_equal (key, "OTH") && rpt_reference_has_country (self, key))
        return TRUE;
      g_set_error (error, RPT_ERROR, RPT_ERROR_NOT_FOUND,
                   _ ("The reference data has no State “%s”"), key != NULL ? key : "");
      return FALSE;
    case RPT_OVERRIDE_TABLE_TREATIES:
      if (!split_treaty_key (key, &instrument, &country) ||
          rpt_reference_lookup_instrument (self, instrument) == NULL)
        {
          g_set_error (error, RPT_ERROR, RPT_ERROR_NOT_FOUND,
                       _ ("The reference data has no instrument “%s”"),
                       instrument != NULL ? instrument : (key != NULL ? key : ""));
          return FALSE;
        }
      if (g_str_equal (country, "OTH") || !rpt_reference_has_country (self, country))
        {
          g_set_error (error, RPT_ERROR, RPT_ERROR_NOT_FOUND,
                       _ ("The reference data has no State “%s”"), country);
          return FALSE;
        }
      return TRUE;
    default:
      g_return_val_if_reached (FALSE);
    }
}

static char *
format_consent (const RptTreatyStatus *status)
{
  if (status == NULL || status->consent_date == NULL)
    return g_strdup ("none");
  return g_strdup_printf ("%s %s", rpt_treaty_action_to_string (status->action),
                          status->consent_date);
}

/**
 * rpt_reference_dup_value:
 *
 * The value of one correctable field as the data has it now, corrections
 * included, in the form corrections give it ("52/4 52/9", "accession
 * 1999-01-04", "none").
 *
 * Returns: (transfer full) (nullable): the value, or %NULL when the data
 *   has none (a title missing in a language) or no such row
 */
char *
rpt_reference_dup_value (RptReference *self,
                         RptOverrideTable table,
                         const char *key,
                         const char *field)
{
  g_return_val_if_fail (RPT_IS_REFERENCE (self), NULL);

  if (field == NULL)
    return NULL;
  if (table == RPT_OVERRIDE_TABLE_MANDATES)
    {
      const RptMandateInfo *m = rpt_reference_lookup_mandate (self, key);

      if (m == NULL)
        return NULL;
      if (g_str_equal (field, "title"))
        return g_strdup (m->title);
      if (g_str_equal (field, "title_fr"))
        return g_strdup (m->title_fr);
      if (g_str_equal (field, "title_fr_feminine"))
        return g_strdup (m->title_fr_feminine);
      if (g_str_equal (field, "title_es"))
        return g_strdup (m->title_es);
      if (g_str_equal (field, "title_es_feminine"))
        return g_strdup (m->title_es_feminine);
      if (g_str_equal (field, "resolutions"))
        return m->resolutions[0] != NULL ? g_strjoinv (" ", (char **) m->resolutions) : NULL;
      return NULL;
    }
  if (table == RPT_OVERRIDE_TABLE_TREATIES)
    {
      g_autofree char *instrument = NULL;
      g_autofree char *country = NULL;
      const RptTreatyStatus *status;

      if (!split_treaty_key (key, &instrument, &country))
        return NULL;
      status = rpt_reference_lookup_treaty_status (self, instrument, country);
      if (g_str_equal (field, "consent"))
        return format_consent (status);
      if (g_str_equal (field, "signature"))
        return g_strdup (status != NULL && status->signature_date != NULL ? status->signature_date
                                                                          : "none");
      return NULL;
    }
  if (table == RPT_OVERRIDE_TABLE_COUNTRIES)
    {
      static const struct
      {
        const char *field;
        const char *language;
        RptCountryForm form;
      } forms[] = {
        { "name_en", "en", RPT_COUNTRY_FORM_IN_TEXT },
        { "name_fr", "fr", RPT_COUNTRY_FORM_IN_TEXT },
        { "name_es", "es", RPT_COUNTRY_FORM_IN_TEXT },
        { "fr_de", "fr", RPT_COUNTRY_FORM_AFTER_DE },
        { "fr_a", "fr", RPT_COUNTRY_FORM_AFTER_A },
        { "es_de", "es", RPT_COUNTRY_FORM_AFTER_DE },
        { "es_a", "es", RPT_COUNTRY_FORM_AFTER_A },
      };

      for (guint i = 0; i < G_N_ELEMENTS (forms); i++)
        if (g_str_equal (field, forms[i].field))
          return rpt_reference_dup_country_form (self, key, forms[i].language, forms[i].form, NULL);
    }
  return NULL;
}

static char *
place_of (RptOverrideTable table, const char *key, const char *field)
{
  return g_strdup_printf ("%s %s %s", rpt_override_table_to_string (table), key, field);
}

/**
 * rpt_reference_dup_data_value:
 *
 * Like rpt_reference_dup_value(), but what the data says without the
 * user's correction of that field: the original a correction shows.
 *
 * Returns: (transfer full) (nullable): the value
 */
char *
rpt_reference_dup_data_value (RptReference *self,
                              RptOverrideTable table,
                              const char *key,
                              const char *field)
{
  g_autofree char *place = NULL;
  gpointer value;

  g_return_val_if_fail (RPT_IS_REFERENCE (self), NULL);

  /* The table's corrections are applied, and what the data said kept,
   * once its group is read. */
  ensure (self, group_of_table (table));
  place = place_of (table, key, field);
  if (g_hash_table_lookup_extended (self->data_values[table], place, NULL, &value))
    return g_strdup (value);
  return rpt_reference_dup_value (self, table, key, field);
}

/**
 * rpt_reference_lookup_override:
 *
 * Returns: (transfer none) (nullable): the user's correction in force for
 *   that field, or %NULL when the data's value stands
 */
const RptOverride *
rpt_reference_lookup_override (RptReference *self,
                               RptOverrideTable table,
                               const char *key,
                               const char *field)
{
  g_autofree char *place = NULL;

  g_return_val_if_fail (RPT_IS_REFERENCE (self), NULL);

  ensure (self, group_of_table (table));
  if (!self->corrects[table])
    return NULL;
  place = place_of (table, key, field);
  if (!g_hash_table_contains (self->data_values[table], place))
    return NULL; /* in the file, but of a row the data no longer has */
  return rpt_overrides_lookup (self->overrides, table, key, field);
}

/* "Corrected by A. Drafter on 2026-04-04: Human Rights Council
 * resolutions “61/12” (the data says “52/4”). Source or reason: …." */
static void
describe_override (GString *out, const RptOverride *o, const char *data_value)
{
  const char *label = rpt_override_field_get_label (o->table, o->field);
  const char *was = data_value != NULL ? data_value : _ ("nothing");

  if (out->len > 0)
    g_string_append_c (out, ' ');
  if (o->author != NULL)
    g_string_append_printf (out, _ ("Corrected by %s on %s: %s “%s” (the data says “%s”)."),
                            o->author, o->date, label, o->value, was);
  else
    g_string_append_printf (out, _ ("Corrected by the user on %s: %s “%s” (the data says “%s”)."),
                            o->date, label, o->value, was);
  if (o->note != NULL)
    {
      g_autofree char *note = g_strdup (o->note);
      gsize len = strlen (note);

      if (len > 0 && note[len - 1] == '.')
        note[len - 1] = '\0';
      g_string_append_c (out, ' ');
      g_string_append_printf (out, _ ("Source or reason: %s."), note);
    }
}

static void
set_field (RptReference *self, RptMandateInfo *m, const RptOverride *o)
{
  if (g_str_equal (o->field, "title"))
    m->title = intern (self, o->value);
  else if (g_str_equal (o->field, "title_fr"))
    m->title_fr = intern (self, o->value);
  else if (g_str_equal (o->field, "title_fr_feminine"))
    m->title_fr_feminine = intern (self, o->value);
  else if (g_str_equal (o->field, "title_es"))
    m->title_es = intern (self, o->value);
  else if (g_str_equal (o->field, "title_es_feminine"))
    m->title_es_feminine = intern (self, o->value);
  else if (g_str_equal (o->field, "resolutions"))
    {
      GStrv list = g_strsplit (o->value, " ", -1);
      g_ptr_array_add (self->strvs, list);
      m->resolutions = (const char *const *) list;
    }
  /* The user's own word for the title in that language. */
  if (g_str_has_prefix (o->field, "title_fr"))
    m->title_fr_attested = "yes";
  else if (g_str_has_prefix (o->field, "title_es"))
    m->title_es_attested = "yes";
}

/* One row's corrections: the values, then how far the row can be
 * trusted. A correction settles the doubt on its own field only. */
static void
apply_mandate (RptReference *self, RptMandateInfo *m, GPtrArray *overrides)
{
  g_autoptr (GString) note = g_string_new (NULL);
  guint doubts = GPOINTER_TO_UINT (g_hash_table_lookup (self->mandate_doubts, m->key));
  gboolean was_verified = m->verified;
  gboolean resolutions = FALSE;

  /* No reason recorded: any field may be in doubt. */
  if (!was_verified && doubts == 0)
    doubts = DOUBT_TITLE | DOUBT_RESOLUTIONS;
  for (guint i = 0; i < overrides->len; i++)
    {
      const RptOverride *o = overrides->pdata[i];
      g_autofree char *place = place_of (o->table, o->key, o->field);

      describe_override (note, o, g_hash_table_lookup (self->data_values[o->table], place));
      set_field (self, m, o);
      if (g_str_equal (o->field, "title"))
        doubts &= ~DOUBT_TITLE;
      else if (g_str_equal (o->field, "resolutions"))
        {
          doubts &= ~DOUBT_RESOLUTIONS;
          m->as_of = intern (self, o->date);
          resolutions = TRUE;
        }
    }
  m->verified = was_verified || doubts == 0;
  if (!m->verified && m->verification != NULL)
    {
      g_string_append_c (note, ' ');
      g_string_append_printf (note, _ ("Still unverified: %s"), m->verification);
    }
  m->verification = intern (self, note->str);
  m->source = self->overrides_path;
  /* The corrected resolutions take the place of the latest renewal the
   * data dates, for letters from its date on (older letters keep the
   * resolutions of their time); the correction's own date is when it was
   * made, not when the Council adopted them. */
  if (resolutions)
    set_user_resolutions (self, m, NULL, 0);
}

static void
apply_treaty (RptReference *self, const char *key, GPtrArray *overrides)
{
  g_autofree char *instrument = NULL;
  g_autofree char *country = NULL;
  const RptTreatyStatus *old;
  RptTreatyStatus *t = g_new0 (RptTreatyStatus, 1);
  g_autoptr (GString) note = g_string_new (NULL);

  split_treaty_key (key, &instrument, &country);
  old = rpt_reference_lookup_treaty_status (self, instrument, country);
  if (old != NULL)
    *t = *old;
  t->instrument = intern (self, instrument);
  t->country = intern (self, country);
  for (guint i = 0; i < overrides->len; i++)
    {
      const RptOverride *o = overrides->pdata[i];
      g_autofree char *place = place_of (o->table, o->key, o->field);

      describe_override (note, o, g_hash_table_lookup (self->data_values[o->table], place));
      if (g_str_equal (o->field, "signature"))
        t->signature_date = g_str_equal (o->value, "none") ? NULL : intern (self, o->value);
      else if (g_str_equal (o->value, "none"))
        {
          t->consent_date = NULL;
          t->action = RPT_TREATY_ACTION_NONE;
        }
      else
        {
          const char *space = strrchr (o->value, ' ');
          g_autofree char *action = g_strndup (o->value, space - o->value);

          t->consent_date = intern (self, space + 1);
          t->action = RPT_TREATY_ACTION_RATIFICATION;
          for (guint k = 0; k < G_N_ELEMENTS (treaty_actions); k++)
            if (g_str_equal (action, treaty_actions[k].name))
              t->action = treaty_actions[k].action;
        }
      if (t->as_of == NULL || g_strcmp0 (o->date, t->as_of) > 0 || i == 0)
        t->as_of = intern (self, o->date);
    }
  t->verified = TRUE;
  t->verification = intern (self, note->str);
  t->source = self->overrides_path;
  g_hash_table_replace (self->treaties, g_strdup_printf ("%s %s", instrument, country), t);
}

static void
apply_country (RptReference *self, const char *code, GPtrArray *overrides)
{
  const RptCountryInfo *old = g_hash_table_lookup (self->un_countries, code);
  Country *user = g_hash_table_lookup (self->countries, code);
  RptCountryInfo *c = g_new0 (RptCountryInfo, 1);
  g_autoptr (GString) note = g_string_new (NULL);
  gboolean forms[4] = { FALSE }; /* fr_de, fr_a, es_de, es_a given */

  if (old != NULL)
    *c = *old;
  else
    {
      /* A State the UN table lacks: its other forms as before. */
      c->code = intern (self, code);
      c->name_en = intern (self, user != NULL ? user->name : NULL);
    }
  for (guint i = 0; i < overrides->len; i++)
    {
      const RptOverride *o = overrides->pdata[i];
      g_autofree char *place = place_of (o->table, o->key, o->field);
      const char *value = intern (self, o->value);

      describe_override (note, o, g_hash_table_lookup (self->data_values[o->table], place));
      if (g_str_equal (o->field, "name_en"))
        c->name_en = value;
      else if (g_str_equal (o->field, "name_fr"))
        c->name_fr = value;
      else if (g_str_equal (o->field, "name_es"))
        c->name_es = value;
      else if (g_str_equal (o->field, "fr_de"))
        c->fr_de = value, forms[0] = TRUE;
      else if (g_str_equal (o->field, "fr_a"))
        c->fr_a = value, forms[1] = TRUE;
      else if (g_str_equal (o->field, "es_de"))
        c->es_de = value, forms[2] = TRUE;
      else if (g_str_equal (o->field, "es_a"))
        c->es_a = value, forms[3] = TRUE;
      if (c->as_of == NULL || g_strcmp0 (o->date, c->as_of) > 0 || i == 0)
        c->as_of = intern (self, o->date);
    }
  /* A corrected name takes its forms after a preposition with it, unless
   * they are corrected too. */
  for (guint i = 0; i < overrides->len; i++)
    {
      const RptOverride *o = overrides->pdata[i];
      gboolean fr = g_str_equal (o->field, "name_fr"), es = g_str_equal (o->field, "name_es");

      if (fr || es)
        {
          const char *language = fr ? "fr" : "es";
          g_autofree char *de = rpt_grammar_contract (language, RPT_PREPOSITION_DE, o->value);
          g_autofree char *a = rpt_grammar_contract (language, RPT_PREPOSITION_A, o->value);

          if (!forms[fr ? 0 : 2])
            *(fr ? &c->fr_de : &c->es_de) = intern (self, de);
          if (!forms[fr ? 1 : 3])
            *(fr ? &c->fr_a : &c->es_a) = intern (self, a);
        }
    }
  /* The user's countries.csv names would come first: the correction is
   * newer. */
  if (user != NULL)
    {
      g_clear_pointer (&user->name_fr, g_free);
      g_clear_pointer (&user->name_es, g_free);
      if (user->iso_name != NULL)
        set_string (&user->name, user->iso_name);
    }
  c->verified = TRUE;
  c->verification = intern (self, note->str);
  c->source = self->overrides_path;
  g_hash_table_replace (self->un_countries, (gpointer) c->code, c);
}

/* The user's corrections, read with GROUP_OVERRIDES before the tables
 * they correct: no folder (yet), no corrections, as for the user's
 * tables; a broken file, none of them. */
static void
load_overrides (RptReference *self)
{
  g_autoptr (GError) error = NULL;

  if (self->override_dir == NULL || !g_file_test (self->override_dir, G_FILE_TEST_IS_DIR))
    {
      self->overrides = rpt_overrides_new ();
      return;
    }
  self->overrides = rpt_overrides_load (self->overrides_path, &error);
  if (self->overrides == NULL)
    {
      add_problem (self, "%s", error->message);
      self->overrides = rpt_overrides_new ();
      return;
    }
  for (guint i = 0; i < rpt_overrides_get_n_overrides (self->overrides); i++)
    self->corrects[rpt_overrides_get_override (self->overrides, i)->table] = TRUE;
}

/* Called with the lock held, as the group of @table is read (its rows are
 * there, nothing has looked them up): the corrections of @table in force,
 * in the order: keep the data's values, then change the rows. A
 * correction of a row the data does not have is not used, and said so. */
static void
apply_overrides (RptReference *self, RptOverrideTable table)
{
  g_autoptr (GHashTable) rows = NULL; /* "table key" → GPtrArray of RptOverride */
  g_autoptr (GPtrArray) order = NULL;

  if (!self->corrects[table])
    return;
  order = g_ptr_array_new_with_free_func (g_free);
  rows =
    g_hash_table_new_full (g_str_hash, g_str_equal, g_free, (GDestroyNotify) g_ptr_array_unref);
  for (guint i = 0; i < rpt_overrides_get_n_overrides (self->overrides); i++)
    {
      const RptOverride *o = rpt_overrides_get_override (self->overrides, i);
      g_autoptr (GError) row_error = NULL;
      g_autofree char *row = NULL;
      GPtrArray *list;

      if (o->table != table)
        continue;
      if (!rpt_reference_has_row (self, o->table, o->key, &row_error))
        {
          add_problem (self, _ ("%s: %s; the correction of its %s is not used."),
                       self->overrides_path, row_error->message, o->field);
          continue;
        }
      g_hash_table_insert (self->data_values[table], place_of (o->table, o->key, o->field),
                           rpt_reference_dup_value (self, o->table, o->key, o->field));
      row = g_strdup_printf ("%s %s", rpt_override_table_to_string (o->table), o->key);
      list = g_hash_table_lookup (rows, row);
      if (list == NULL)
        {
          list = g_ptr_array_new ();
          g_ptr_array_add (order, g_strdup (row));
          g_hash_table_insert (rows, g_steal_pointer (&row), list);
        }
      g_ptr_array_add (list, (gpointer) o);
    }

  for (guint i = 0; i < order->len; i++)
    {
      GPtrArray *list = g_hash_table_lookup (rows, order->pdata[i]);
      const RptOverride *first = list->pdata[0];

      switch (table)
        {
        case RPT_OVERRIDE_TABLE_MANDATES:
          apply_mandate (self, g_hash_table_lookup (self->mandates, first->key), list);
          break;
        case RPT_OVERRIDE_TABLE_TREATIES:
          apply_treaty (self, first->key, list);
          break;
        case RPT_OVERRIDE_TABLE_COUNTRIES:
          apply_country (self, first->key, list);
          break;
        default:
          g_assert_not_reached ();
        }
    }
}

static int
compare_codes (gconstpointer a, gconstpointer b)
{
  return g_strcmp0 (*(const char *const *) a, *(const char *const *) b);
}

/**
 * rpt_reference_list_countries:
 *
 * Returns: (transfer container) (element-type utf8): the codes of every
 *   State whose name the data has, in order
 */
GPtrArray *
rpt_reference_list_countries (RptReference *self)
{
  GPtrArray *codes = g_ptr_array_new ();
  GHashTableIter iter;
  gpointer key;

  g_return_val_if_fail (RPT_IS_REFERENCE (self), NULL);

  ensure (self, GROUP_UN_COUNTRIES);
  ensure (self, GROUP_COUNTRIES);
  g_hash_table_iter_init (&iter, self->un_countries);
  while (g_hash_table_iter_next (&iter, &key, NULL))
    g_ptr_array_add (codes, key);
  g_hash_table_iter_init (&iter, self->countries);
  while (g_hash_table_iter_next (&iter, &key, NULL))
    if (!g_hash_table_contains (self->un_countries, key))
      g_ptr_array_add (codes, key);
  g_ptr_array_sort (codes, compare_codes);
  return codes;
}

static int
compare_treaties (gconstpointer a, gconstpointer b)
{
  const RptTreatyStatus *x = *(const RptTreatyStatus *const *) a;
  const RptTreatyStatus *y = *(const RptTreatyStatus *const *) b;
  int c = g_strcmp0 (x->country, y->country);

  return c != 0 ? c : g_strcmp0 (x->instrument, y->instrument);
}

/**
 * rpt_reference_list_treaty_statuses:
 * @country: (nullable): a State's code, or %NULL for all
 *
 * Returns: (transfer container) (element-type RptTreatyStatus): what the
 *   data says of the States' participation in treaties, by State then
 *   instrument
 */
GPtrArray *
rpt_reference_list_treaty_statuses (RptReference *self, const char *country)
{
  GPtrArray *list;
  GHashTableIter iter;
  gpointer value;

  g_return_val_if_fail (RPT_IS_REFERENCE (self), NULL);

  ensure (self, GROUP_TREATIES);
  list = g_ptr_array_new ();
  /* Rows made on demand are made here, those of @country or all (the
   * built-in table, which no correction changes: load_treaties()). */
  if (self->treaties_on_demand)
    {
      g_rec_mutex_lock (&self->lock);
      make_all_treaty_rows (self, country);
    }
  g_hash_table_iter_init (&iter, self->treaties);
  while (g_hash_table_iter_next (&iter, NULL, &value))
    if (country == NULL || g_strcmp0 (((RptTreatyStatus *) value)->country, country) == 0)
      g_ptr_array_add (list, value);
  if (self->treaties_on_demand)
    g_rec_mutex_unlock (&self->lock);
  g_ptr_array_sort (list, compare_treaties);
  return list;
}
