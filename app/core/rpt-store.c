/* rpt-store.c
 *
 * Copyright 2026 The Rapporteur authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "rpt-store"

#include <errno.h>
#include <fcntl.h>
#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>
#include <string.h>
#include <unistd.h>

#include "rpt-error.h"
#include "rpt-file.h"
#include "rpt-item-private.h"
#include "rpt-letter-xml.h"
#include "rpt-markup.h"
#include "rpt-sqlite.h"
#include "rpt-store-private.h"
#include "rpt-store.h"

/**
 * RptStore:
 *
 * The document file (.rapporteur): SQLite as an application file format.
 *
 * - `PRAGMA application_id` marks the file as ours; `PRAGMA user_version`
 *   is the schema version. Older files are migrated forward in one
 *   transaction when opened for writing, and in a memory copy when opened
 *   read-only, so reading never changes a file. Newer files are refused.
 * - Rollback journal (journal_mode=DELETE) with synchronous=FULL: each save
 *   is one transaction that is either wholly on disk or not at all, whatever
 *   moment a crash or power cut comes. WAL would do as well for safety but
 *   leaves -wal and -shm files beside the document, which people copy or
 *   mail on their own.
 * - secure_delete: text a drafter deletes is overwritten, not left in free
 *   pages of a file that may be passed on.
 * - Files are created with mode 0600 (SQLite gives its journal the same).
 *
 * Schema version 4 (current): the head has the letter's wording choices
 * (the article before the summary, how the facts open, where earlier
 * letters stand, co-senders, the house style edition) and rows of
 * earlier communications who sent them and what is said of their reply; a
 * version 3 program would drop them, so the number makes it refuse the
 * file. The defaults say what letters said before, so migrating only adds
 * columns and versions keep their digests (digest_add_v4()).
 *
 * Schema version 3: versions keep what changed, and signatory
 * rows may record the form of title their holder uses (a version 2
 * program would drop it when it rewrites the row: the new number makes it
 * refuse the file instead). The letter's scalar fields are the one row
 * of `head`; every item (mandate, person, fact, …) is a row of `item`
 * holding its canonical XML element, keyed by its stable id. A save
 * compares each row with what the file holds and writes only the rows
 * that differ, so typing in one fact rewrites one row. Named versions,
 * with author, time and message, store what changed since the version
 * before ("named versions" below).
 *
 * Schema version 2 kept each named version as the whole letter XML;
 * migrate_2_to_3() keeps them anew. Schema version 1: the working state
 * was one letter XML text in `letter`; migrate_1_to_2() splits it into
 * rows.
 */
typedef struct
{
  char *letter_id;
  char *kind;
  char *country;
  char *addressee_name;
  char *salutation;
  gint64 reference_number;
  gint64 reference_year;
  char *date;
  char *language;
  char *summary;
  char *communications_about;
  gboolean press_release;
  char *wgad;
  gboolean interim_measures;
  /* schema version 4 */
  char *summary_article;
  char *summary_article_text;
  char *facts_lead;
  char *communications_place;
  char *co_senders;
  char *house_style;
} Head;

static void head_free (Head *h);

struct _RptStore
{
  GObject parent_instance;

  char *path;
  RptSqlite *db;
  gboolean read_only;

  /* What the file holds, as this connection last read or wrote it:
   * id → Row, and the head. Valid while data_version is unchanged, i.e.
   * no other connection has written the file since. */
  GHashTable *saved_rows;
  Head *saved_head;
  gint64 saved_data_version;
  guint last_save_rows;
};

G_DEFINE_FINAL_TYPE (RptStore, rpt_store, G_TYPE_OBJECT)

static const char schema_v2[] = "CREATE TABLE head ("
                                "  id INTEGER PRIMARY KEY CHECK (id = 1),"
                                "  letter_id TEXT NOT NULL,"
                                "  kind TEXT NOT NULL,"
                                "  country TEXT,"
                                "  addressee_name TEXT,"
                                "  salutation TEXT,"
                                "  reference_number INTEGER NOT NULL DEFAULT 0,"
                                "  reference_year INTEGER NOT NULL DEFAULT 0,"
                                "  date TEXT,"
                                "  language TEXT NOT NULL,"
                                "  summary TEXT NOT NULL DEFAULT '',"
                                "  communications_about TEXT NOT NULL DEFAULT '',"
                                "  press_release INTEGER NOT NULL DEFAULT 0,"
                                "  wgad TEXT NOT NULL DEFAULT 'auto',"
                                "  interim_measures INTEGER NOT NULL DEFAULT 1"
                                ");"
                                "CREATE TABLE item ("
                                "  id TEXT PRIMARY KEY NOT NULL,"
                                "  part TEXT NOT NULL,"
                                "  position INTEGER NOT NULL,"
                                "  xml TEXT NOT NULL"
                                ");"
                                "CREATE INDEX item_by_part ON item (part, position);";

/* Schema version 4: the letter's own fields that issue 10 added, in the
 * head and in every version's head. Added to the tables of version 3 (a
 * migration from version 1 or 2 adds them as it makes those tables); each
 * default is what a letter made before said, so old rows read unchanged. */
static const struct
{
  const char *name;
  const char *definition;
} head_v4_columns[] = {
  { "summary_article", "TEXT NOT NULL DEFAULT 'usual'" },
  { "summary_article_text", "TEXT" },
  { "facts_lead", "TEXT NOT NULL DEFAULT 'information-received'" },
  { "communications_place", "TEXT NOT NULL DEFAULT 'after-profile'" },
  { "co_senders", "TEXT NOT NULL DEFAULT ''" },
  { "house_style", "TEXT" },
};

/* Schema version 3: named versions store what changed (see "named
 * versions" below). */
static const char schema_versions[] = "CREATE TABLE version ("
                                      "  number INTEGER PRIMARY KEY,"
                                      "  author TEXT NOT NULL,"
                                      "  created TEXT NOT NULL,"
                                      "  message TEXT NOT NULL,"
                                      "  digest BLOB NOT NULL"
                                      ");"
                                      "CREATE TABLE version_head ("
                                      "  first INTEGER PRIMARY KEY,"
                                      "  letter_id TEXT NOT NULL,"
                                      "  kind TEXT NOT NULL,"
                                      "  country TEXT,"
                                      "  addressee_name TEXT,"
                                      "  salutation TEXT,"
                                      "  reference_number INTEGER NOT NULL DEFAULT 0,"
                                      "  reference_year INTEGER NOT NULL DEFAULT 0,"
                                      "  date TEXT,"
                                      "  language TEXT NOT NULL,"
                                      "  summary TEXT NOT NULL DEFAULT '',"
                                      "  communications_about TEXT NOT NULL DEFAULT '',"
                                      "  press_release INTEGER NOT NULL DEFAULT 0,"
                                      "  wgad TEXT NOT NULL DEFAULT 'auto',"
                                      "  interim_measures INTEGER NOT NULL DEFAULT 1"
                                      ");"
                                      "CREATE TABLE version_item ("
                                      "  item BLOB NOT NULL,"
                                      "  first INTEGER NOT NULL,"
                                      "  part TEXT,"
                                      "  after BLOB,"
                                      "  slot INTEGER,"
                                      "  hash BLOB,"
                                      "  PRIMARY KEY (item, first)"
                                      ") WITHOUT ROWID;"
                                      "CREATE TABLE version_text ("
                                      "  first INTEGER PRIMARY KEY,"
                                      "  size INTEGER NOT NULL,"
                                      "  data BLOB NOT NULL"
                                      ");";

static void
rpt_store_finalize (GObject *object)
{
  RptStore *self = RPT_STORE (object);

  rpt_store_close (self);
  g_free (self->path);
  g_clear_pointer (&self->saved_rows, g_hash_table_unref);
  g_clear_pointer (&self->saved_head, head_free);

  G_OBJECT_CLASS (rpt_store_parent_class)->finalize (object);
}

static void
rpt_store_class_init (RptStoreClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = rpt_store_finalize;
}

static void
rpt_store_init (RptStore *self)
{
}

/* Turns a SQLite error into one a user can act on. */
static void
translate_error (GError **error, GError *db_error, const char *path)
{
  int code;

  g_assert (db_error != NULL);
  if (db_error->domain != RPT_SQLITE_ERROR)
    {
      g_propagate_error (error, db_error);
      return;
    }

  code = db_error->code & 0xff;
  switch (code)
    {
    case SQLITE_FULL:
      g_set_error (error, RPT_ERROR, RPT_ERROR_NO_SPACE,
                   _ ("The disk is full, so %s could not be saved. The document still holds "
                      "what it held before; free some space and save again."),
                   path);
      break;
    case SQLITE_CORRUPT:
    case SQLITE_NOTADB:
      g_set_error (error, RPT_ERROR, RPT_ERROR_CORRUPT,
                   _ ("%s is damaged and cannot be read (%s). Open a backup copy, or a copy "
                      "exported as letter XML."),
                   path, db_error->message);
      break;
    case SQLITE_READONLY:
    case SQLITE_PERM:
    case SQLITE_AUTH:
      g_set_error (error, RPT_ERROR, RPT_ERROR_READ_ONLY,
                   _ ("%s cannot be written: you do not have permission, or the disk is "
                      "read-only"),
                   path);
      break;
    case SQLITE_BUSY:
    case SQLITE_LOCKED:
      g_set_error (error, RPT_ERROR, RPT_ERROR_BUSY,
                   _ ("%s is being written by another program; try again in a moment"), path);
      break;
    case SQLITE_IOERR:
      g_set_error (error, RPT_ERROR, RPT_ERROR_IO,
                   _ ("Reading or writing %s failed (%s); the document still holds what it "
                      "held before. Check the disk and try again."),
                   path, db_error->message);
      break;
    case SQLITE_CANTOPEN:
      g_set_error (error, RPT_ERROR, RPT_ERROR_IO, _ ("%s cannot be opened"), path);
      break;
    default:
      g_set_error (error, RPT_ERROR, RPT_ERROR_IO, _ ("Reading or writing %s failed: %s"), path,
                   db_error->message);
      break;
    }
  g_error_free (db_error);
}

#define TRANSLATE(error, local, path)                              \
  G_STMT_START                                                     \
  {                                                                \
    translate_error ((error), g_steal_pointer (&(local)), (path)); \
  }                                                                \
  G_STMT_END

static gboolean
set_pragmas (RptSqlite *db, gboolean read_only, GError **error)
{
  if (read_only)
    return rpt_sqlite_exec (db, "PRAGMA query_only = 1;", error);
  return rpt_sqlite_exec (db,
                          "PRAGMA journal_mode = DELETE;"
                          "PRAGMA synchronous = FULL;"
                          "PRAGMA secure_delete = ON;"
                          "PRAGMA cell_size_check = ON;",
                          error);
}

/* --- snapshots ------------------------------------------------------ */

typedef struct
{
  char *id;
  RptPart part;
  gint64 position;
  char *xml;
} Row;

struct _RptStoreSnapshot
{
  Head *head;
  GPtrArray *rows;
  char *xml;
};

static void
head_free (Head *h)
{
  if (h == NULL)
    return;
  g_free (h->letter_id);
  g_free (h->kind);
  g_free (h->country);
  g_free (h->addressee_name);
  g_free (h->salutation);
  g_free (h->date);
  g_free (h->language);
  g_free (h->summary);
  g_free (h->communications_about);
  g_free (h->wgad);
  g_free (h->summary_article);
  g_free (h->summary_article_text);
  g_free (h->facts_lead);
  g_free (h->communications_place);
  g_free (h->co_senders);
  g_free (h->house_style);
  g_free (h);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (Head, head_free)

static Head *
head_copy (const Head *h)
{
  Head *c = g_new0 (Head, 1);

  c->letter_id = g_strdup (h->letter_id);
  c->kind = g_strdup (h->kind);
  c->country = g_strdup (h->country);
  c->addressee_name = g_strdup (h->addressee_name);
  c->salutation = g_strdup (h->salutation);
  c->reference_number = h->reference_number;
  c->reference_year = h->reference_year;
  c->date = g_strdup (h->date);
  c->language = g_strdup (h->language);
  c->summary = g_strdup (h->summary);
  c->communications_about = g_strdup (h->communications_about);
  c->press_release = h->press_release;
  c->wgad = g_strdup (h->wgad);
  c->interim_measures = h->interim_measures;
  c->summary_article = g_strdup (h->summary_article);
  c->summary_article_text = g_strdup (h->summary_article_text);
  c->facts_lead = g_strdup (h->facts_lead);
  c->communications_place = g_strdup (h->communications_place);
  c->co_senders = g_strdup (h->co_senders);
  c->house_style = g_strdup (h->house_style);
  return c;
}

static gboolean
head_equal (const Head *a, const Head *b)
{
  return a != NULL && b != NULL && g_strcmp0 (a->letter_id, b->letter_id) == 0 &&
         g_strcmp0 (a->kind, b->kind) == 0 && g_strcmp0 (a->country, b->country) == 0 &&
         g_strcmp0 (a->addressee_name, b->addressee_name) == 0 &&
         g_strcmp0 (a->salutation, b->salutation) == 0 &&
         a->reference_number == b->reference_number && a->reference_year == b->reference_year &&
         g_strcmp0 (a->date, b->date) == 0 && g_strcmp0 (a->language, b->language) == 0 &&
         g_strcmp0 (a->summary, b->summary) == 0 &&
         g_strcmp0 (a->communications_about, b->communications_about) == 0 &&
         a->press_release == b->press_release && g_strcmp0 (a->wgad, b->wgad) == 0 &&
         a->interim_measures == b->interim_measures &&
         g_strcmp0 (a->summary_article, b->summary_article) == 0 &&
         g_strcmp0 (a->summary_article_text, b->summary_article_text) == 0 &&
         g_strcmp0 (a->facts_lead, b->facts_lead) == 0 &&
         g_strcmp0 (a->communications_place, b->communications_place) == 0 &&
         g_strcmp0 (a->co_senders, b->co_senders) == 0 &&
         g_strcmp0 (a->house_style, b->house_style) == 0;
}

static void
row_free (Row *r)
{
  g_free (r->id);
  g_free (r->xml);
  g_free (r);
}

static Row *
row_copy (const Row *r)
{
  Row *c = g_new0 (Row, 1);

  c->id = g_strdup (r->id);
  c->part = r->part;
  c->position = r->position;
  c->xml = g_strdup (r->xml);
  return c;
}

static GHashTable *
rows_table_new (void)
{
  return g_hash_table_new_full (g_str_hash, g_str_equal, NULL, (GDestroyNotify) row_free);
}

/**
 * rpt_store_snapshot_new:
 *
 * Serializes @letter for rpt_store_save_snapshot(). Call it on the thread
 * that owns @letter.
 *
 * Returns: (transfer full): the snapshot
 */
RptStoreSnapshot *
rpt_store_snapshot_new (RptLetter *letter)
{
  RptStoreSnapshot *snap;
  Head *h;

  g_return_val_if_fail (RPT_IS_LETTER (letter), NULL);

  snap = g_new0 (RptStoreSnapshot, 1);
  h = snap->head = g_new0 (Head, 1);
  h->letter_id = g_strdup (rpt_letter_get_id (letter));
  h->kind = g_strdup (rpt_letter_kind_to_code (rpt_letter_get_kind (letter)));
  h->country = g_strdup (rpt_letter_get_country (letter));
  h->addressee_name = g_strdup (rpt_letter_get_addressee_name (letter));
  h->salutation = g_strdup (rpt_letter_get_salutation (letter));
  h->reference_number = rpt_letter_get_reference_number (letter);
  h->reference_year = rpt_letter_get_reference_year (letter);
  h->date = g_strdup (rpt_letter_get_date (letter));
  h->language = g_strdup (rpt_letter_get_language (letter));
  h->summary = g_strdup (rpt_letter_get_summary (letter));
  h->communications_about = g_strdup (rpt_letter_get_communications_about (letter));
  h->press_release = rpt_letter_get_press_release (letter);
  h->wgad = g_strdup (rpt_wgad_to_string (rpt_letter_get_wgad (letter)));
  h->interim_measures = rpt_letter_get_interim_measures (letter);
  h->summary_article = g_strdup (
    rpt_enum_to_string (RPT_TYPE_SUMMARY_ARTICLE, rpt_letter_get_summary_article (letter)));
  h->summary_article_text = g_strdup (rpt_letter_get_summary_article_text (letter));
  h->facts_lead =
    g_strdup (rpt_enum_to_string (RPT_TYPE_FACTS_LEAD, rpt_letter_get_facts_lead (letter)));
  h->communications_place = g_strdup (rpt_enum_to_string (
    RPT_TYPE_COMMUNICATIONS_PLACE, rpt_letter_get_communications_place (letter)));
  h->co_senders = g_strdup (rpt_letter_get_co_senders (letter));
  h->house_style = g_strdup (rpt_letter_get_house_style (letter));

  snap->rows = g_ptr_array_new_with_free_func ((GDestroyNotify) row_free);
  for (RptPart part = 0; part < RPT_N_PARTS; part++)
    {
      guint n = rpt_letter_get_n_items (letter, part);
      for (guint i = 0; i < n; i++)
        {
          gpointer item = rpt_letter_get_item (letter, part, i);
          GString *xml = g_string_new (NULL);
          Row *row = g_new0 (Row, 1);

          rpt_letter_xml_append_item (xml, part, item, TRUE);
          row->id = g_strdup (rpt_letter_item_get_id (item));
          row->part = part;
          row->position = i;
          row->xml = g_string_free (xml, FALSE);
          g_ptr_array_add (snap->rows, row);
        }
    }
  snap->xml = rpt_letter_to_xml (letter, NULL);
  return snap;
}

void
rpt_store_snapshot_free (RptStoreSnapshot *snapshot)
{
  if (snapshot == NULL)
    return;
  head_free (snapshot->head);
  g_ptr_array_unref (snapshot->rows);
  g_free (snapshot->xml);
  g_free (snapshot);
}

/**
 * rpt_store_snapshot_get_xml:
 *
 * Returns: the letter of the snapshot as canonical letter XML
 */
const char *
rpt_store_snapshot_get_xml (RptStoreSnapshot *snapshot)
{
  g_return_val_if_fail (snapshot != NULL, NULL);
  return snapshot->xml;
}

/* --- the working state ---------------------------------------------- */

static void
bind_text_or_null (sqlite3_stmt *stmt, int index, const char *text)
{
  if (text == NULL)
    sqlite3_bind_null (stmt, index);
  else
    sqlite3_bind_text (stmt, index, text, -1, SQLITE_STATIC);
}

static char *dup_column (sqlite3_stmt *stmt, int column);

/* The columns of schema version 4, as parameters 16 to 21. */
static void
bind_head_v4 (sqlite3_stmt *stmt, const Head *h)
{
  bind_text_or_null (stmt, 16, h->summary_article);
  bind_text_or_null (stmt, 17, h->summary_article_text);
  bind_text_or_null (stmt, 18, h->facts_lead);
  bind_text_or_null (stmt, 19, h->communications_place);
  bind_text_or_null (stmt, 20, h->co_senders);
  bind_text_or_null (stmt, 21, h->house_style);
}

#define HEAD_COLUMNS                                                                         \
  "letter_id, kind, country, addressee_name, salutation, reference_number, reference_year, " \
  "date, language, summary, communications_about, press_release, wgad, interim_measures, "   \
  "summary_article, summary_article_text, facts_lead, communications_place, co_senders, "    \
  "house_style"

static Head *
head_from_row (sqlite3_stmt *stmt)
{
  Head *h = g_new0 (Head, 1);

  h->letter_id = dup_column (stmt, 0);
  h->kind = dup_column (stmt, 1);
  h->country = dup_column (stmt, 2);
  h->addressee_name = dup_column (stmt, 3);
  h->salutation = dup_column (stmt, 4);
  h->reference_number = sqlite3_column_int64 (stmt, 5);
  h->reference_year = sqlite3_column_int64 (stmt, 6);
  h->date = dup_column (stmt, 7);
  h->language = dup_column (stmt, 8);
  h->summary = dup_column (stmt, 9);
  h->communications_about = dup_column (stmt, 10);
  h->press_release = sqlite3_column_int (stmt, 11) != 0;
  h->wgad = dup_column (stmt, 12);
  h->interim_measures = sqlite3_column_int (stmt, 13) != 0;
  h->summary_article = dup_column (stmt, 14);
  h->summary_article_text = dup_column (stmt, 15);
  h->facts_lead = dup_column (stmt, 16);
  h->communications_place = dup_column (stmt, 17);
  h->co_senders = dup_column (stmt, 18);
  h->house_style = dup_column (stmt, 19);
  return h;
}

static gboolean
write_head (RptSqlite *db, const Head *h, GError **error)
{
  g_autoptr (sqlite3_stmt) stmt = rpt_sqlite_prepare (
    db,
    "INSERT OR REPLACE INTO head (id, letter_id, kind, country, addressee_name, salutation, "
    "reference_number, reference_year, date, language, summary, communications_about, "
    "press_release, wgad, interim_measures, summary_article, summary_article_text, facts_lead, "
    "communications_place, co_senders, house_style) "
    "VALUES (1, ?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?16, ?17, ?18, ?19, "
    "?20, ?21)",
    error);

  if (stmt == NULL)
    return FALSE;
  bind_text_or_null (stmt, 1, h->letter_id);
  bind_text_or_null (stmt, 2, h->kind);
  bind_text_or_null (stmt, 3, h->country);
  bind_text_or_null (stmt, 4, h->addressee_name);
  bind_text_or_null (stmt, 5, h->salutation);
  sqlite3_bind_int64 (stmt, 6, h->reference_number);
  sqlite3_bind_int64 (stmt, 7, h->reference_year);
  bind_text_or_null (stmt, 8, h->date);
  bind_text_or_null (stmt, 9, h->language);
  bind_text_or_null (stmt, 10, h->summary);
  bind_text_or_null (stmt, 11, h->communications_about);
  sqlite3_bind_int (stmt, 12, h->press_release);
  bind_text_or_null (stmt, 13, h->wgad);
  sqlite3_bind_int (stmt, 14, h->interim_measures);
  bind_head_v4 (stmt, h);
  return rpt_sqlite_step_done (db, stmt, error);
}

static char *
dup_column (sqlite3_stmt *stmt, int column)
{
  const char *text = (const char *) sqlite3_column_text (stmt, column);
  return text != NULL ? g_strdup (text) : NULL;
}

static Head *
read_head (RptSqlite *db, GError **error)
{
  g_autoptr (sqlite3_stmt) stmt = NULL;
  int rc;

  stmt = rpt_sqlite_prepare (db, "SELECT " HEAD_COLUMNS " FROM head WHERE id = 1", error);
  if (stmt == NULL || (rc = rpt_sqlite_step (db, stmt, error)) < 0)
    return NULL;
  if (rc != SQLITE_ROW)
    {
      g_set_error (error, RPT_SQLITE_ERROR, SQLITE_CORRUPT, "the document holds no letter");
      return NULL;
    }
  return head_from_row (stmt);
}

/* The most text the working state may hold: far above any letter (letter
 * XML is at most 64 MiB), so that a hostile file cannot make us read
 * without bound. */
#define MAX_WORKING_TEXT (256 * 1024 * 1024)

static GHashTable *
read_rows (RptSqlite *db, GError **error)
{
  g_autoptr (sqlite3_stmt) stmt = NULL;
  g_autoptr (GHashTable) rows = rows_table_new ();
  guint64 total = 0;
  int rc;

  stmt = rpt_sqlite_prepare (db, "SELECT id, part, position, xml FROM item", error);
  if (stmt == NULL)
    return NULL;
  while ((rc = rpt_sqlite_step (db, stmt, error)) == SQLITE_ROW)
    {
      Row *row = g_new0 (Row, 1);
      RptPart part;

      total += (guint64) sqlite3_column_bytes (stmt, 3);
      if (total > MAX_WORKING_TEXT)
        {
          g_free (row);
          g_set_error (error, RPT_SQLITE_ERROR, SQLITE_TOOBIG,
                       "the document holds more text than any letter");
          return NULL;
        }
      row->id = dup_column (stmt, 0);
      row->position = sqlite3_column_int64 (stmt, 2);
      row->xml = dup_column (stmt, 3);
      if (row->id == NULL || row->xml == NULL ||
          !rpt_part_from_string ((const char *) sqlite3_column_text (stmt, 1), &part))
        {
          row_free (row);
          g_set_error (error, RPT_SQLITE_ERROR, SQLITE_CORRUPT, "an item row is malformed");
          return NULL;
        }
      row->part = part;
      g_hash_table_replace (rows, row->id, row);
    }
  if (rc < 0)
    return NULL;
  return g_steal_pointer (&rows);
}

/* Makes the cache match the file if another connection wrote it since. */
static gboolean
refresh_cache (RptStore *self, GError **error)
{
  gint64 data_version = 0;

  if (!rpt_sqlite_get_int (self->db, "PRAGMA data_version", &data_version, error))
    return FALSE;
  if (self->saved_rows != NULL && self->saved_head != NULL &&
      data_version == self->saved_data_version)
    return TRUE;

  g_clear_pointer (&self->saved_rows, g_hash_table_unref);
  g_clear_pointer (&self->saved_head, head_free);
  self->saved_rows = read_rows (self->db, error);
  if (self->saved_rows == NULL)
    return FALSE;
  self->saved_head = read_head (self->db, error);
  if (self->saved_head == NULL)
    return FALSE;
  self->saved_data_version = data_version;
  return TRUE;
}

/* Writes what differs between @snap and @old (what the file holds), inside
 * the caller's transaction. @new_rows receives what the file will hold
 * once the transaction commits. */
static gboolean
write_snapshot (RptSqlite *db,
                RptStoreSnapshot *snap,
                GHashTable *old,
                const Head *old_head,
                GHashTable **new_rows,
                guint *n_written,
                GError **error)
{
  g_autoptr (sqlite3_stmt) insert = NULL;
  g_autoptr (sqlite3_stmt) update = NULL;
  g_autoptr (sqlite3_stmt) delete = NULL;
  g_autoptr (GHashTable) rows = rows_table_new ();
  GHashTableIter iter;
  Row *row;
  guint written = 0;

  insert = rpt_sqlite_prepare (db,
                               "INSERT INTO item (id, part, position, xml) "
                               "VALUES (?1, ?2, ?3, ?4)",
                               error);
  update = rpt_sqlite_prepare (db,
                               "UPDATE item SET part = ?2, position = ?3, xml = ?4 "
                               "WHERE id = ?1",
                               error);
  delete = rpt_sqlite_prepare (db, "DELETE FROM item WHERE id = ?1", error);
  if (insert == NULL || update == NULL || delete == NULL)
    return FALSE;

  for (guint i = 0; i < snap->rows->len; i++)
    {
      Row *r = g_ptr_array_index (snap->rows, i);
      Row *o = old != NULL ? g_hash_table_lookup (old, r->id) : NULL;
      sqlite3_stmt *stmt = NULL;

      if (o == NULL)
        stmt = insert;
      else if (o->part != r->part || o->position != r->position || g_strcmp0 (o->xml, r->xml) != 0)
        stmt = update;

      if (stmt != NULL)
        {
          sqlite3_bind_text (stmt, 1, r->id, -1, SQLITE_STATIC);
          sqlite3_bind_text (stmt, 2, rpt_part_to_string (r->part), -1, SQLITE_STATIC);
          sqlite3_bind_int64 (stmt, 3, r->position);
          sqlite3_bind_text (stmt, 4, r->xml, -1, SQLITE_STATIC);
          if (!rpt_sqlite_step_done (db, stmt, error))
            return FALSE;
          written++;
        }
      row = row_copy (r);
      g_hash_table_replace (rows, row->id, row);
    }

  if (old != NULL)
    {
      g_hash_table_iter_init (&iter, old);
      while (g_hash_table_iter_next (&iter, NULL, (gpointer *) &row))
        if (!g_hash_table_contains (rows, row->id))
          {
            sqlite3_bind_text (delete, 1, row->id, -1, SQLITE_STATIC);
            if (!rpt_sqlite_step_done (db, delete, error))
              return FALSE;
            written++;
          }
    }

  if (!head_equal (old_head, snap->head))
    {
      if (!write_head (db, snap->head, error))
        return FALSE;
      written++;
    }

  if (new_rows != NULL)
    *new_rows = g_steal_pointer (&rows);
  if (n_written != NULL)
    *n_written = written;
  return TRUE;
}

/* Within a transaction on self->db: make @snap the working state. The
 * cache is updated by commit_working() once the transaction commits. */
static gboolean
write_working (RptStore *self, RptStoreSnapshot *snap, GHashTable **new_rows, GError **error)
{
  if (!refresh_cache (self, error))
    return FALSE;
  return write_snapshot (self->db, snap, self->saved_rows, self->saved_head, new_rows,
                         &self->last_save_rows, error);
}

static void
commit_working (RptStore *self, RptStoreSnapshot *snap, GHashTable *new_rows)
{
  g_clear_pointer (&self->saved_rows, g_hash_table_unref);
  g_clear_pointer (&self->saved_head, head_free);
  self->saved_rows = g_hash_table_ref (new_rows);
  self->saved_head = head_copy (snap->head);
  /* Our own commits leave data_version as it is: no refresh needed. */
}

/* Adds the columns of schema version 4 that @table lacks. */
static gboolean
add_head_v4_columns (RptSqlite *db, const char *table, GError **error)
{
  g_autofree char *info = g_strdup_printf ("SELECT name FROM pragma_table_info('%s')", table);
  g_autoptr (GHashTable) have = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_autoptr (sqlite3_stmt) stmt = rpt_sqlite_prepare (db, info, error);
  int rc;

  if (stmt == NULL)
    return FALSE;
  while ((rc = rpt_sqlite_step (db, stmt, error)) == SQLITE_ROW)
    g_hash_table_add (have, dup_column (stmt, 0));
  if (rc < 0)
    return FALSE;
  for (guint i = 0; i < G_N_ELEMENTS (head_v4_columns); i++)
    {
      g_autofree char *sql = NULL;

      if (g_hash_table_contains (have, head_v4_columns[i].name))
        continue;
      sql = g_strdup_printf ("ALTER TABLE %s ADD COLUMN %s %s", table, head_v4_columns[i].name,
                             head_v4_columns[i].definition);
      if (!rpt_sqlite_exec (db, sql, error))
        return FALSE;
    }
  return TRUE;
}

static gboolean
create_schema (RptSqlite *db, RptLetter *letter, GError **error)
{
  g_autoptr (RptStoreSnapshot) snap = rpt_store_snapshot_new (letter);
  g_autofree char *pragmas = g_strdup_printf ("PRAGMA application_id = %d;"
                                              "PRAGMA user_version = %d;",
                                              RPT_STORE_APPLICATION_ID, RPT_STORE_SCHEMA_VERSION);

  if (!rpt_sqlite_begin (db, error))
    return FALSE;
  if (!rpt_sqlite_exec (db, pragmas, error) || !rpt_sqlite_exec (db, schema_v2, error) ||
      !rpt_sqlite_exec (db, schema_versions, error) || !add_head_v4_columns (db, "head", error) ||
      !add_head_v4_columns (db, "version_head", error) ||
      !write_snapshot (db, snap, NULL, NULL, NULL, NULL, error))
    {
      rpt_sqlite_rollback (db);
      return FALSE;
    }
  return rpt_sqlite_commit (db, error);
}

static int
compare_rows (gconstpointer a, gconstpointer b)
{
  const Row *ra = *(Row *const *) a;
  const Row *rb = *(Row *const *) b;

  if (ra->position != rb->position)
    return ra->position < rb->position ? -1 : 1;
  return strcmp (ra->id, rb->id);
}

/* Builds the letter from the head and the rows, checking every value: the
 * file may have been damaged or made by hand. */
static RptLetter *
letter_from_rows (const Head *h, GHashTable *rows, GError **error)
{
  g_autoptr (RptLetter) letter = NULL;
  GPtrArray *parts[RPT_N_PARTS] = { NULL };
  gboolean ok = TRUE;
  RptLetterKind kind;
  RptWgad wgad;
  int article, facts_lead, place;
  GHashTableIter iter;
  Row *row;
  char *markup;

#define BAD(what)                                                    \
  G_STMT_START                                                       \
  {                                                                  \
    g_set_error (error, RPT_ERROR, RPT_ERROR_CORRUPT, "%s", (what)); \
    return NULL;                                                     \
  }                                                                  \
  G_STMT_END

  if (!_rpt_item_id_is_valid (h->letter_id))
    BAD ("the letter id is not valid");
  if (!rpt_letter_kind_from_code (h->kind, &kind))
    BAD ("the kind of letter is not valid");
  if (h->country != NULL && !rpt_country_code_is_valid (h->country))
    BAD ("the country code is not valid");
  if (h->reference_number < 0 || h->reference_number > G_MAXINT)
    BAD ("the reference number is not valid");
  if (h->reference_year != 0 && (h->reference_year < 1946 || h->reference_year > 9999))
    BAD ("the reference year is not valid");
  if (h->date != NULL && !rpt_date_is_valid (h->date))
    BAD ("the date is not valid");
  if (!rpt_language_is_supported (h->language))
    BAD ("the language is not valid");
  if (!rpt_wgad_from_string (h->wgad, &wgad))
    BAD ("the closing options are not valid");
  if (!rpt_enum_from_string (RPT_TYPE_SUMMARY_ARTICLE,
                             h->summary_article != NULL ? h->summary_article : "usual", &article) ||
      !rpt_enum_from_string (RPT_TYPE_FACTS_LEAD,
                             h->facts_lead != NULL ? h->facts_lead : "information-received",
                             &facts_lead) ||
      !rpt_enum_from_string (
        RPT_TYPE_COMMUNICATIONS_PLACE,
        h->communications_place != NULL ? h->communications_place : "after-profile", &place))
    BAD ("the wording options are not valid");
  if (h->house_style != NULL && !_rpt_key_is_valid (h->house_style))
    BAD ("the house style is not valid");

  letter = rpt_letter_new_with_id (h->letter_id);
  rpt_letter_set_kind (letter, kind);
  rpt_letter_set_country (letter, h->country);
  rpt_letter_set_addressee_name (letter, h->addressee_name);
  rpt_letter_set_salutation (letter, h->salutation);
  rpt_letter_set_reference_number (letter, (guint) h->reference_number);
  rpt_letter_set_reference_year (letter, (guint) h->reference_year);
  rpt_letter_set_date (letter, h->date);
  rpt_letter_set_language (letter, h->language);
  rpt_letter_set_press_release (letter, h->press_release);
  rpt_letter_set_wgad (letter, wgad);
  rpt_letter_set_interim_measures (letter, h->interim_measures);
  rpt_letter_set_summary_article (letter, article);
  rpt_letter_set_summary_article_text (letter, h->summary_article_text);
  rpt_letter_set_facts_lead (letter, facts_lead);
  rpt_letter_set_communications_place (letter, place);
  rpt_letter_set_house_style (letter, h->house_style);
  markup = rpt_markup_normalize (h->co_senders != NULL ? h->co_senders : "", NULL, NULL);
  if (markup == NULL)
    BAD ("the co-senders are not valid");
  rpt_letter_set_co_senders (letter, markup);
  g_free (markup);

  markup = rpt_markup_normalize (h->summary != NULL ? h->summary : "", NULL, NULL);
  if (markup == NULL)
    BAD ("the summary is not valid");
  rpt_letter_set_summary (letter, markup);
  g_free (markup);
  markup = rpt_markup_normalize (h->communications_about != NULL ? h->communications_about : "",
                                 NULL, NULL);
  if (markup == NULL)
    BAD ("the previous communications are not valid");
  rpt_letter_set_communications_about (letter, markup);
  g_free (markup);

  for (RptPart part = 0; part < RPT_N_PARTS; part++)
    parts[part] = g_ptr_array_new ();
  g_hash_table_iter_init (&iter, rows);
  while (g_hash_table_iter_next (&iter, NULL, (gpointer *) &row))
    g_ptr_array_add (parts[row->part], row);

  for (RptPart part = 0; part < RPT_N_PARTS && ok; part++)
    {
      g_ptr_array_sort (parts[part], compare_rows);
      for (guint i = 0; i < parts[part]->len && ok; i++)
        {
          Row *r = g_ptr_array_index (parts[part], i);
          g_autoptr (GError) local = NULL;
          g_autoptr (GObject) item = rpt_letter_xml_parse_item (part, r->xml, -1, &local);

          if (item == NULL)
            {
              g_set_error (error, RPT_ERROR, RPT_ERROR_CORRUPT, "%s", local->message);
              ok = FALSE;
            }
          else if (g_strcmp0 (rpt_letter_item_get_id (item), r->id) != 0 ||
                   rpt_letter_find_item (letter, r->id, NULL, NULL) != NULL)
            {
              g_set_error (error, RPT_ERROR, RPT_ERROR_CORRUPT, "an item id is not valid");
              ok = FALSE;
            }
          else
            rpt_letter_append_item (letter, part, item);
        }
    }
  for (RptPart part = 0; part < RPT_N_PARTS; part++)
    g_ptr_array_unref (parts[part]);
  if (!ok)
    return NULL;
#undef BAD
  return g_steal_pointer (&letter);
}

/* --- named versions ------------------------------------------------- *
 *
 * Schema version 3 keeps each named version as what changed since the
 * version before it, with no chain of differences to follow:
 *
 * - version_item holds states of items: from version `first` on, the
 *   item `item` (its id, as 16 bytes) is in `part`, after the item `after`
 *   (NULL: first of its part), and its XML is slot `slot` of the
 *   version_text of version `first`; `hash` (8 bytes of the XML's SHA-256)
 *   tells a save what changed. A state with no part says the item is gone
 *   from that version on. Version N is the latest state of every item with
 *   first ≤ N. Order is kept by the item before each one, so adding or
 *   moving a fact changes two or three states, not every position after.
 * - version_text holds, for each version, the XML of the states it added,
 *   compressed together with zlib, whose checksum catches damage.
 * - version_head holds the letter's own fields, from version `first` on.
 * - version.digest is the SHA-256 of the version as stored (its head and
 *   rows, state_digest()), checked on every load: a damaged version is
 *   reported, never shown wrong.
 *
 * Rows are only ever added (append-only), so saving a version cannot harm
 * an older one. Reading version N reads the states it needs, whatever
 * their age, and nothing else: damage to one version's text harms only the
 * versions that share those states. Saving a version reads it back before
 * the transaction commits; if it does not come back exactly (damage in
 * states it would share, or a fault in this code), it is written again
 * with a fresh copy of every item, which shares nothing, and checked
 * again; if that fails too, nothing is committed and the error says so.
 */

#define STATE_HASH_LENGTH 8
#define DIGEST_LENGTH 32
/* A version's text, uncompressed: far above any letter, low enough that a
 * hostile file cannot make us allocate without bound. */
#define MAX_VERSION_TEXT (256 * 1024 * 1024)

typedef struct
{
  char *id;
  char *part; /* NULL: removed */
  char *after;
  gint64 first;
  gint64 slot;
  guint8 hash[STATE_HASH_LENGTH];
} State;

static void
state_free (State *st)
{
  g_free (st->id);
  g_free (st->part);
  g_free (st->after);
  g_free (st);
}

static gboolean
id_to_bytes (const char *id, guint8 bytes[16])
{
  guint n = 0;

  if (!_rpt_item_id_is_valid (id))
    return FALSE;
  for (const char *p = id; *p != '\0'; p++)
    {
      if (*p == '-')
        continue;
      if (n % 2 == 0)
        bytes[n / 2] = (guint8) (g_ascii_xdigit_value (*p) << 4);
      else
        bytes[n / 2] |= (guint8) g_ascii_xdigit_value (*p);
      n++;
    }
  return n == 32;
}

/* Item ids are stored as 16 bytes (a third of their text); an id that is
 * not a UUID (never expected) is stored as text. */
static void
bind_id (sqlite3_stmt *stmt, int index, const char *id)
{
  guint8 bytes[16];

  if (id == NULL)
    sqlite3_bind_null (stmt, index);
  else if (id_to_bytes (id, bytes))
    sqlite3_bind_blob (stmt, index, bytes, 16, SQLITE_TRANSIENT);
  else
    sqlite3_bind_text (stmt, index, id, -1, SQLITE_TRANSIENT);
}

/* Returns: the id, NULL for a NULL column, "" for one that is neither */
static char *
column_id (sqlite3_stmt *stmt, int column)
{
  const guint8 *b;

  switch (sqlite3_column_type (stmt, column))
    {
    case SQLITE_NULL:
      return NULL;
    case SQLITE_TEXT:
      return g_strdup ((const char *) sqlite3_column_text (stmt, column));
    case SQLITE_BLOB:
      b = sqlite3_column_blob (stmt, column);
      if (sqlite3_column_bytes (stmt, column) == 16)
        return g_strdup_printf (
          "%02x%02x%02x%02x-%02x%02x-%02x%02x-%02x%02x-%02x%02x%02x%02x%02x%02x", b[0], b[1], b[2],
          b[3], b[4], b[5], b[6], b[7], b[8], b[9], b[10], b[11], b[12], b[13], b[14], b[15]);
      return g_strdup ("");
    default:
      return g_strdup ("");
    }
}

static void
set_corrupt (GError **error, const char *what)
{
  g_set_error (error, RPT_ERROR, RPT_ERROR_CORRUPT, "%s", what);
}

static GBytes *
zlib_compress (const char *data, gsize length, GError **error)
{
  g_autoptr (GZlibCompressor) z = g_zlib_compressor_new (G_ZLIB_COMPRESSOR_FORMAT_ZLIB, 9);
  g_autoptr (GByteArray) out = g_byte_array_sized_new (length / 3 + 64);
  g_autofree guint8 *buf = g_malloc (64 * 1024);
  gsize offset = 0;

  for (;;)
    {
      gsize read = 0, written = 0;
      GConverterResult r =
        g_converter_convert (G_CONVERTER (z), data + offset, length - offset, buf, 64 * 1024,
                             G_CONVERTER_INPUT_AT_END, &read, &written, error);

      if (r == G_CONVERTER_ERROR)
        return NULL;
      offset += read;
      g_byte_array_append (out, buf, (guint) written);
      if (r == G_CONVERTER_FINISHED)
        break;
    }
  return g_byte_array_free_to_bytes (g_steal_pointer (&out));
}

/* Exactly @expected bytes from zlib data, or an error: the size comes from
 * the file, so it is checked against what zlib can make of @length bytes
 * before anything is allocated. */
static char *
zlib_uncompress (const guint8 *data, gsize length, gsize expected, GError **error)
{
  g_autoptr (GZlibDecompressor) z = g_zlib_decompressor_new (G_ZLIB_COMPRESSOR_FORMAT_ZLIB);
  g_autofree char *out = NULL;
  gsize in = 0, done = 0;

  if (expected > MAX_VERSION_TEXT || expected / 1100 > length + 1)
    {
      set_corrupt (error, "a version's text has an impossible size");
      return NULL;
    }
  out = g_try_malloc (expected + 1);
  if (out == NULL)
    {
      set_corrupt (error, "a version's text is too large");
      return NULL;
    }
  for (;;)
    {
      g_autoptr (GError) local = NULL;
      gsize read = 0, written = 0;
      GConverterResult r = g_converter_convert (G_CONVERTER (z), data + in, length - in, out + done,
                                                expected + 1 - done, G_CONVERTER_INPUT_AT_END,
                                                &read, &written, &local);

      if (r == G_CONVERTER_ERROR)
        {
          set_corrupt (error, "a version's text is damaged");
          return NULL;
        }
      in += read;
      done += written;
      if (done > expected)
        break;
      if (r == G_CONVERTER_FINISHED)
        break;
      if (read == 0 && written == 0)
        break;
    }
  if (done != expected)
    {
      set_corrupt (error, "a version's text is damaged");
      return NULL;
    }
  out[expected] = '\0';
  return g_steal_pointer (&out);
}

static void
digest_add (GChecksum *c, const char *s)
{
  /* NULL and "" differ; no field can hold U+0001 (the model drops
   * control characters). */
  if (s == NULL)
    g_checksum_update (c, (const guchar *) "\1", 1);
  else
    g_checksum_update (c, (const guchar *) s, (gssize) strlen (s));
  g_checksum_update (c, (const guchar *) "", 1);
}

static void
digest_add_int (GChecksum *c, gint64 v)
{
  char buf[32];

  g_snprintf (buf, sizeof buf, "%" G_GINT64_FORMAT, v);
  digest_add (c, buf);
}

static void
digest_add_v4 (GChecksum *c, const char *name, const char *value, const char *usual)
{
  if (value == NULL || g_strcmp0 (value, usual) == 0 || (usual == NULL && value[0] == '\0'))
    return;
  digest_add (c, name);
  digest_add (c, value);
}

/* The SHA-256 of a version as stored: its head and its rows in order
 * (sorted by part, then position). It does not depend on how the letter
 * XML is written, so a later Rapporteur that writes it differently still
 * reads old versions as undamaged. */
static void
state_digest (const Head *h, GPtrArray *rows, guint8 digest[DIGEST_LENGTH])
{
  g_autoptr (GChecksum) c = g_checksum_new (G_CHECKSUM_SHA256);
  gsize length = DIGEST_LENGTH;

  digest_add (c, "rapporteur version 1");
  digest_add (c, h->letter_id);
  digest_add (c, h->kind);
  digest_add (c, h->country);
  digest_add (c, h->addressee_name);
  digest_add (c, h->salutation);
  digest_add_int (c, h->reference_number);
  digest_add_int (c, h->reference_year);
  digest_add (c, h->date);
  digest_add (c, h->language);
  digest_add (c, h->summary);
  digest_add (c, h->communications_about);
  digest_add_int (c, h->press_release);
  digest_add (c, h->wgad);
  digest_add_int (c, h->interim_measures);
  /* Schema version 4's fields count only when they differ from what a
   * letter said before they existed, so the versions kept before keep
   * their digests. */
  digest_add_v4 (c, "summary_article", h->summary_article, "usual");
  digest_add_v4 (c, "summary_article_text", h->summary_article_text, NULL);
  digest_add_v4 (c, "facts_lead", h->facts_lead, "information-received");
  digest_add_v4 (c, "communications_place", h->communications_place, "after-profile");
  digest_add_v4 (c, "co_senders", h->co_senders, "");
  digest_add_v4 (c, "house_style", h->house_style, NULL);
  for (guint i = 0; i < rows->len; i++)
    {
      Row *r = g_ptr_array_index (rows, i);
      digest_add (c, rpt_part_to_string (r->part));
      digest_add (c, r->id);
      digest_add (c, r->xml);
    }
  g_checksum_get_digest (c, digest, &length);
}

static void
hash_xml (const char *xml, guint8 hash[STATE_HASH_LENGTH])
{
  g_autoptr (GChecksum) c = g_checksum_new (G_CHECKSUM_SHA256);
  guint8 digest[DIGEST_LENGTH];
  gsize length = DIGEST_LENGTH;

  g_checksum_update (c, (const guchar *) xml, (gssize) strlen (xml));
  g_checksum_get_digest (c, digest, &length);
  memcpy (hash, digest, STATE_HASH_LENGTH);
}

/* The latest state of every item in versions up to @number: id → State. */
static GHashTable *
read_states (RptSqlite *db, gint64 number, GError **error)
{
  g_autoptr (sqlite3_stmt) stmt = NULL;
  g_autoptr (GHashTable) states =
    g_hash_table_new_full (g_str_hash, g_str_equal, NULL, (GDestroyNotify) state_free);
  int rc;

  stmt = rpt_sqlite_prepare (db,
                             "SELECT item, first, part, after, slot, hash FROM version_item AS v "
                             "WHERE first = (SELECT max(first) FROM version_item "
                             "               WHERE item = v.item AND first <= ?1)",
                             error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, number);
  while ((rc = rpt_sqlite_step (db, stmt, error)) == SQLITE_ROW)
    {
      State *st = g_new0 (State, 1);

      st->id = column_id (stmt, 0);
      st->first = sqlite3_column_int64 (stmt, 1);
      st->part = dup_column (stmt, 2);
      st->after = column_id (stmt, 3);
      st->slot = sqlite3_column_int64 (stmt, 4);
      if (sqlite3_column_bytes (stmt, 5) == STATE_HASH_LENGTH)
        memcpy (st->hash, sqlite3_column_blob (stmt, 5), STATE_HASH_LENGTH);
      if (st->id == NULL || st->id[0] == '\0' || g_hash_table_contains (states, st->id))
        {
          state_free (st);
          set_corrupt (error, "an item of a version is malformed");
          return NULL;
        }
      g_hash_table_insert (states, st->id, st);
    }
  if (rc < 0)
    return NULL;
  return g_steal_pointer (&states);
}

static Head *
read_version_head (RptSqlite *db, gint64 number, GError **error)
{
  g_autoptr (sqlite3_stmt) stmt = NULL;
  int rc;

  stmt = rpt_sqlite_prepare (db,
                             "SELECT " HEAD_COLUMNS " FROM version_head WHERE first <= ?1 "
                             "ORDER BY first DESC LIMIT 1",
                             error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, number);
  if ((rc = rpt_sqlite_step (db, stmt, error)) < 0)
    return NULL;
  if (rc != SQLITE_ROW)
    return g_new0 (Head, 1); /* no version yet: an empty head, equal to none */
  return head_from_row (stmt);
}

/* The XML of the states version @first added, one string per slot. */
static GPtrArray *
read_version_text (RptSqlite *db, gint64 first, GError **error)
{
  g_autoptr (sqlite3_stmt) stmt = NULL;
  g_autoptr (GPtrArray) slots = g_ptr_array_new_with_free_func (g_free);
  g_autofree char *text = NULL;
  gint64 size;
  int rc;

  stmt = rpt_sqlite_prepare (db, "SELECT size, data FROM version_text WHERE first = ?1", error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, first);
  if ((rc = rpt_sqlite_step (db, stmt, error)) < 0)
    return NULL;
  if (rc != SQLITE_ROW)
    {
      set_corrupt (error, "the text of a version is missing");
      return NULL;
    }
  size = sqlite3_column_int64 (stmt, 0);
  if (size < 0)
    {
      set_corrupt (error, "a version's text has an impossible size");
      return NULL;
    }
  text = zlib_uncompress (sqlite3_column_blob (stmt, 1), (gsize) sqlite3_column_bytes (stmt, 1),
                          (gsize) size, error);
  if (text == NULL)
    return NULL;
  /* Each state's XML is followed by a NUL byte, which XML cannot hold. */
  for (gsize at = 0; at < (gsize) size;)
    {
      gsize len = strlen (text + at);
      if (at + len >= (gsize) size)
        {
          set_corrupt (error, "a version's text is damaged");
          return NULL;
        }
      g_ptr_array_add (slots, g_strndup (text + at, len));
      at += len + 1;
    }
  return g_steal_pointer (&slots);
}

/* Version @number as stored: its head, and its rows (id → Row) with their
 * positions, checking that every part's order is one unbroken chain. */
static gboolean
read_version_state (RptSqlite *db, gint64 number, Head **head, GHashTable **rows, GError **error)
{
  g_autoptr (GHashTable) states = read_states (db, number, error);
  g_autoptr (GHashTable) texts = NULL;
  g_autoptr (GHashTable) result = rows_table_new ();
  g_autoptr (GHashTable) by_after = NULL;
  g_autoptr (Head) h = NULL;
  GHashTableIter iter;
  State *st;

  if (states == NULL)
    return FALSE;
  h = read_version_head (db, number, error);
  if (h == NULL)
    return FALSE;
  if (h->letter_id == NULL)
    {
      set_corrupt (error, "the letter's fields of a version are missing");
      return FALSE;
    }

  texts =
    g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, (GDestroyNotify) g_ptr_array_unref);
  /* part + "\n" + id of the item before → State */
  by_after = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_hash_table_iter_init (&iter, states);
  while (g_hash_table_iter_next (&iter, NULL, (gpointer *) &st))
    {
      char *key;

      if (st->part == NULL)
        continue;
      key = g_strconcat (st->part, "\n", st->after != NULL ? st->after : "", NULL);
      if (g_hash_table_contains (by_after, key))
        {
          g_free (key);
          set_corrupt (error, "the order of a version's items is damaged");
          return FALSE;
        }
      g_hash_table_insert (by_after, key, st);
    }

  for (RptPart part = 0; part < RPT_N_PARTS; part++)
    {
      const char *name = rpt_part_to_string (part);
      const char *previous = "";
      gint64 position = 0;

      for (;;)
        {
          g_autofree char *key = g_strconcat (name, "\n", previous, NULL);
          GPtrArray *slots;
          Row *row;

          st = g_hash_table_lookup (by_after, key);
          if (st == NULL)
            break;
          slots = g_hash_table_lookup (texts, &st->first);
          if (slots == NULL)
            {
              slots = read_version_text (db, st->first, error);
              if (slots == NULL)
                return FALSE;
              g_hash_table_insert (texts, g_memdup2 (&st->first, sizeof st->first), slots);
            }
          if (st->slot < 0 || (guint64) st->slot >= slots->len ||
              g_hash_table_contains (result, st->id))
            {
              set_corrupt (error, "an item of a version is damaged");
              return FALSE;
            }
          row = g_new0 (Row, 1);
          row->id = g_strdup (st->id);
          row->part = part;
          row->position = position++;
          row->xml = g_strdup (g_ptr_array_index (slots, (guint) st->slot));
          g_hash_table_insert (result, row->id, row);
          previous = row->id;
        }
    }
  /* Every item that is in the version is in one of the chains. */
  if (g_hash_table_size (result) != g_hash_table_size (by_after))
    {
      set_corrupt (error, "the order of a version's items is damaged");
      return FALSE;
    }
  *head = g_steal_pointer (&h);
  *rows = g_steal_pointer (&result);
  return TRUE;
}

static int
compare_rows_by_part (gconstpointer a, gconstpointer b)
{
  const Row *ra = *(Row *const *) a;
  const Row *rb = *(Row *const *) b;

  if (ra->part != rb->part)
    return ra->part < rb->part ? -1 : 1;
  if (ra->position != rb->position)
    return ra->position < rb->position ? -1 : 1;
  return strcmp (ra->id, rb->id);
}

static GPtrArray *
rows_in_order (GHashTable *rows)
{
  GPtrArray *ordered = g_ptr_array_sized_new (g_hash_table_size (rows));
  GHashTableIter iter;
  gpointer row;

  g_hash_table_iter_init (&iter, rows);
  while (g_hash_table_iter_next (&iter, NULL, &row))
    g_ptr_array_add (ordered, row);
  g_ptr_array_sort (ordered, compare_rows_by_part);
  return ordered;
}

static gboolean
insert_head_row (RptSqlite *db, const char *table, gint64 key, const Head *h, GError **error)
{
  g_autofree char *sql = g_strdup_printf (
    "INSERT INTO %s (first, " HEAD_COLUMNS ") "
    "VALUES (?15, ?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?16, ?17, ?18, "
    "?19, ?20, ?21)",
    table);
  g_autoptr (sqlite3_stmt) stmt = rpt_sqlite_prepare (db, sql, error);

  if (stmt == NULL)
    return FALSE;
  bind_text_or_null (stmt, 1, h->letter_id);
  bind_text_or_null (stmt, 2, h->kind);
  bind_text_or_null (stmt, 3, h->country);
  bind_text_or_null (stmt, 4, h->addressee_name);
  bind_text_or_null (stmt, 5, h->salutation);
  sqlite3_bind_int64 (stmt, 6, h->reference_number);
  sqlite3_bind_int64 (stmt, 7, h->reference_year);
  bind_text_or_null (stmt, 8, h->date);
  bind_text_or_null (stmt, 9, h->language);
  bind_text_or_null (stmt, 10, h->summary);
  bind_text_or_null (stmt, 11, h->communications_about);
  sqlite3_bind_int (stmt, 12, h->press_release);
  bind_text_or_null (stmt, 13, h->wgad);
  sqlite3_bind_int (stmt, 14, h->interim_measures);
  sqlite3_bind_int64 (stmt, 15, key);
  bind_head_v4 (stmt, h);
  return rpt_sqlite_step_done (db, stmt, error);
}

/* Adds the states of version @number: those of @snap's items that differ
 * from the version before (all of them if @fresh), the removal of the
 * items it no longer has, its text and, if it changed, its head. */
static gboolean
write_version_states (RptSqlite *db,
                      gint64 number,
                      RptStoreSnapshot *snap,
                      gboolean fresh,
                      GError **error)
{
  g_autoptr (GHashTable) latest = read_states (db, number - 1, error);
  g_autoptr (Head) latest_head = NULL;
  g_autoptr (GHashTable) seen = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr (GString) text = g_string_new (NULL);
  g_autoptr (sqlite3_stmt) insert = NULL;
  GHashTableIter iter;
  State *st;
  gint64 slot = 0;

  if (latest == NULL)
    return FALSE;
  latest_head = read_version_head (db, number - 1, error);
  if (latest_head == NULL)
    return FALSE;
  insert = rpt_sqlite_prepare (db,
                               "INSERT INTO version_item (item, first, part, after, slot, hash) "
                               "VALUES (?1, ?2, ?3, ?4, ?5, ?6)",
                               error);
  if (insert == NULL)
    return FALSE;

  for (guint i = 0; i < snap->rows->len; i++)
    {
      Row *r = g_ptr_array_index (snap->rows, i);
      Row *before = i > 0 ? g_ptr_array_index (snap->rows, i - 1) : NULL;
      const char *after = before != NULL && before->part == r->part ? before->id : NULL;
      guint8 hash[STATE_HASH_LENGTH];

      g_hash_table_add (seen, r->id);
      hash_xml (r->xml, hash);
      st = g_hash_table_lookup (latest, r->id);
      if (!fresh && st != NULL && st->part != NULL &&
          g_strcmp0 (st->part, rpt_part_to_string (r->part)) == 0 &&
          g_strcmp0 (st->after, after) == 0 && memcmp (st->hash, hash, STATE_HASH_LENGTH) == 0)
        continue;
      bind_id (insert, 1, r->id);
      sqlite3_bind_int64 (insert, 2, number);
      sqlite3_bind_text (insert, 3, rpt_part_to_string (r->part), -1, SQLITE_STATIC);
      bind_id (insert, 4, after);
      sqlite3_bind_int64 (insert, 5, slot++);
      sqlite3_bind_blob (insert, 6, hash, STATE_HASH_LENGTH, SQLITE_TRANSIENT);
      if (!rpt_sqlite_step_done (db, insert, error))
        return FALSE;
      g_string_append (text, r->xml);
      g_string_append_c (text, '\0');
    }

  /* Items the version before had and this one has not. */
  g_hash_table_iter_init (&iter, latest);
  while (g_hash_table_iter_next (&iter, NULL, (gpointer *) &st))
    {
      if (st->part == NULL || g_hash_table_contains (seen, st->id))
        continue;
      bind_id (insert, 1, st->id);
      sqlite3_bind_int64 (insert, 2, number);
      if (!rpt_sqlite_step_done (db, insert, error))
        return FALSE;
    }

  if (text->len > 0)
    {
      g_autoptr (sqlite3_stmt) stmt = rpt_sqlite_prepare (
        db, "INSERT INTO version_text (first, size, data) VALUES (?1, ?2, ?3)", error);
      g_autoptr (GBytes) data = NULL;
      gsize length;
      gconstpointer bytes;

      if (stmt == NULL || (data = zlib_compress (text->str, text->len, error)) == NULL)
        return FALSE;
      bytes = g_bytes_get_data (data, &length);
      sqlite3_bind_int64 (stmt, 1, number);
      sqlite3_bind_int64 (stmt, 2, (gint64) text->len);
      sqlite3_bind_blob64 (stmt, 3, bytes, length, SQLITE_STATIC);
      if (!rpt_sqlite_step_done (db, stmt, error))
        return FALSE;
    }
  if (fresh || !head_equal (latest_head, snap->head))
    return insert_head_row (db, "version_head", number, snap->head, error);
  return TRUE;
}

static gboolean
is_disk_error (const GError *error)
{
  int code = error->code & 0xff;

  return error->domain == RPT_SQLITE_ERROR &&
         (code == SQLITE_FULL || code == SQLITE_IOERR || code == SQLITE_READONLY ||
          code == SQLITE_BUSY || code == SQLITE_LOCKED || code == SQLITE_NOMEM);
}

/* Within the caller's transaction: keeps @snap as version @number (0: the
 * next number), checked by reading it back. */
static guint
insert_version (RptSqlite *db,
                gint64 number,
                RptStoreSnapshot *snap,
                const char *author,
                const char *created,
                const char *message,
                GError **error)
{
  g_autoptr (GDateTime) now = g_date_time_new_now_utc ();
  g_autofree char *now_text = g_date_time_format_iso8601 (now);
  guint8 digest[DIGEST_LENGTH];
  g_autoptr (GError) first_error = NULL;

  if (number == 0 &&
      !rpt_sqlite_get_int (db, "SELECT coalesce(max(number), 0) + 1 FROM version", &number, error))
    return 0;
  if (number < 1 || number > RPT_VERSION_NUMBER_MAX)
    {
      g_set_error (error, RPT_ERROR, RPT_ERROR_INVALID_ARGUMENT,
                   _ ("The document has as many versions as it can hold"));
      return 0;
    }
  state_digest (snap->head, snap->rows, digest);

  for (int attempt = 0; attempt < 2; attempt++)
    {
      g_autoptr (GError) local = NULL;
      g_autoptr (sqlite3_stmt) stmt = NULL;
      g_autoptr (Head) h = NULL;
      g_autoptr (GHashTable) rows = NULL;
      g_autoptr (GPtrArray) ordered = NULL;
      guint8 got[DIGEST_LENGTH];

      if (!rpt_sqlite_exec (db, "SAVEPOINT version_write", error))
        return 0;
      if (!write_version_states (db, number, snap, attempt > 0, &local))
        goto undo;
      stmt = rpt_sqlite_prepare (db,
                                 "INSERT INTO version (number, author, created, message, digest) "
                                 "VALUES (?1, ?2, ?3, ?4, ?5)",
                                 &local);
      if (stmt == NULL)
        goto undo;
      sqlite3_bind_int64 (stmt, 1, number);
      sqlite3_bind_text (stmt, 2, author != NULL ? author : "", -1, SQLITE_TRANSIENT);
      sqlite3_bind_text (stmt, 3, created != NULL ? created : now_text, -1, SQLITE_TRANSIENT);
      sqlite3_bind_text (stmt, 4, message != NULL ? message : "", -1, SQLITE_TRANSIENT);
      sqlite3_bind_blob (stmt, 5, digest, DIGEST_LENGTH, SQLITE_STATIC);
      if (!rpt_sqlite_step_done (db, stmt, &local))
        goto undo;

      /* The version as a later load will read it. */
      if (!read_version_state (db, number, &h, &rows, &local))
        goto undo;
      ordered = rows_in_order (rows);
      state_digest (h, ordered, got);
      if (memcmp (got, digest, DIGEST_LENGTH) != 0)
        {
          set_corrupt (&local, "it did not read back as saved");
          goto undo;
        }
      if (!rpt_sqlite_exec (db, "RELEASE version_write", error))
        return 0;
      return (guint) number;

    undo:
      rpt_sqlite_exec (db, "ROLLBACK TO version_write", NULL);
      rpt_sqlite_exec (db, "RELEASE version_write", NULL);
      /* A full disk or a lock is not a fault of what was written. */
      if (is_disk_error (local))
        {
          g_propagate_error (error, g_steal_pointer (&local));
          return 0;
        }
      g_debug ("Version %" G_GINT64_FORMAT " did not read back as saved (%s)%s", number,
               local->message, attempt == 0 ? "; writing it again in full" : "");
      if (first_error == NULL)
        first_error = g_steal_pointer (&local);
    }
  g_set_error (error, RPT_ERROR, RPT_ERROR_CORRUPT,
               _ ("The version could not be kept: it did not read back as saved (%s). Nothing "
                  "was changed."),
               first_error->message);
  return 0;
}

/* Version @number as a letter, its digest checked. */
static RptLetter *
load_version (RptSqlite *db, gint64 number, GError **error)
{
  g_autoptr (sqlite3_stmt) stmt = NULL;
  g_autoptr (Head) h = NULL;
  g_autoptr (GHashTable) rows = NULL;
  g_autoptr (GPtrArray) ordered = NULL;
  guint8 got[DIGEST_LENGTH];
  int rc;

  stmt = rpt_sqlite_prepare (db, "SELECT digest FROM version WHERE number = ?1", error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, number);
  if ((rc = rpt_sqlite_step (db, stmt, error)) < 0)
    return NULL;
  if (rc != SQLITE_ROW)
    {
      g_set_error (error, RPT_ERROR, RPT_ERROR_NOT_FOUND, _ ("There is no version %lld"),
                   (long long) number);
      return NULL;
    }
  if (!read_version_state (db, number, &h, &rows, error))
    return NULL;
  ordered = rows_in_order (rows);
  state_digest (h, ordered, got);
  if (sqlite3_column_bytes (stmt, 0) != DIGEST_LENGTH ||
      memcmp (sqlite3_column_blob (stmt, 0), got, DIGEST_LENGTH) != 0)
    {
      set_corrupt (error, "its contents do not match their checksum");
      return NULL;
    }
  return letter_from_rows (h, rows, error);
}

/* --- opening -------------------------------------------------------- */

static guint32
read_be32 (const guint8 *p)
{
  return ((guint32) p[0] << 24) | ((guint32) p[1] << 16) | ((guint32) p[2] << 8) | p[3];
}

/* Looks at the 100-byte SQLite header before SQLite does: a file of
 * another kind, or another program's database, is refused without
 * SQLite ever opening it (and so without any chance of a journal being
 * rolled back into someone else's file). */
static gboolean
check_header (const char *path, GError **error)
{
  guint8 header[100];
  int fd;
  gssize n;

  fd = g_open (path, O_RDONLY | O_CLOEXEC, 0);
  if (fd < 0)
    {
      int saved = errno;
      g_set_error (error, RPT_ERROR, saved == ENOENT ? RPT_ERROR_NOT_FOUND : RPT_ERROR_IO,
                   _ ("%s cannot be opened: %s"), path, g_strerror (saved));
      return FALSE;
    }
  n = read (fd, header, sizeof header);
  close (fd);

  if (n == 0)
    {
      g_set_error (error, RPT_ERROR, RPT_ERROR_NOT_A_DOCUMENT,
                   _ ("%s is empty; it is not a Rapporteur document"), path);
      return FALSE;
    }
  if (n < (gssize) sizeof header || memcmp (header, "SQLite format 3", 16) != 0)
    {
      g_set_error (error, RPT_ERROR, RPT_ERROR_NOT_A_DOCUMENT,
                   _ ("%s is not a Rapporteur document"), path);
      return FALSE;
    }
  if (read_be32 (header + 68) != RPT_STORE_APPLICATION_ID)
    {
      g_set_error (error, RPT_ERROR, RPT_ERROR_NOT_A_DOCUMENT,
                   _ ("%s is a database of another program, not a Rapporteur document"), path);
      return FALSE;
    }
  return TRUE;
}

/**
 * rpt_store_file_is_document:
 * @path: any file
 *
 * Returns: whether @path is a Rapporteur document (by its header alone),
 *   so that nothing else is ever written over one by mistake
 */
gboolean
rpt_store_file_is_document (const char *path)
{
  guint8 header[100];
  gssize n;
  int fd;

  g_return_val_if_fail (path != NULL, FALSE);

  fd = g_open (path, O_RDONLY | O_CLOEXEC, 0);
  if (fd < 0)
    return FALSE;
  n = read (fd, header, sizeof header);
  close (fd);
  return n == (gssize) sizeof header && memcmp (header, "SQLite format 3", 16) == 0 &&
         read_be32 (header + 68) == RPT_STORE_APPLICATION_ID;
}

static gboolean
check_version (RptSqlite *db, const char *path, gint64 *version, GError **error)
{
  g_autoptr (GError) local = NULL;
  gint64 app_id = 0;

  if (!rpt_sqlite_get_int (db, "PRAGMA application_id", &app_id, &local) ||
      !rpt_sqlite_get_int (db, "PRAGMA user_version", version, &local))
    {
      TRANSLATE (error, local, path);
      return FALSE;
    }
  if (app_id != RPT_STORE_APPLICATION_ID)
    {
      g_set_error (error, RPT_ERROR, RPT_ERROR_NOT_A_DOCUMENT,
                   _ ("%s is a database of another program, not a Rapporteur document"), path);
      return FALSE;
    }
  if (*version > RPT_STORE_SCHEMA_VERSION)
    {
      g_set_error (error, RPT_ERROR, RPT_ERROR_NEWER_VERSION,
                   _ ("%s was saved by a newer version of Rapporteur (document format %d; this "
                      "version reads up to %d). Update Rapporteur to open it."),
                   path, (int) *version, RPT_STORE_SCHEMA_VERSION);
      return FALSE;
    }
  if (*version < 1)
    {
      g_set_error (error, RPT_ERROR, RPT_ERROR_CORRUPT,
                   _ ("%s is damaged and cannot be read (no document format)"), path);
      return FALSE;
    }
  return TRUE;
}

static gboolean
check_integrity (RptSqlite *db, const char *path, GError **error)
{
  g_autoptr (sqlite3_stmt) stmt = NULL;
  g_autoptr (GError) local = NULL;
  int rc;

  /* quick_check reads every page once: a truncated or overwritten file is
   * caught here, on opening, not half-way through a save. */
  stmt = rpt_sqlite_prepare (db, "PRAGMA quick_check(1)", &local);
  if (stmt == NULL || (rc = rpt_sqlite_step (db, stmt, &local)) < 0)
    {
      TRANSLATE (error, local, path);
      return FALSE;
    }
  if (rc != SQLITE_ROW || g_strcmp0 ((const char *) sqlite3_column_text (stmt, 0), "ok") != 0)
    {
      g_set_error (error, RPT_ERROR, RPT_ERROR_CORRUPT,
                   _ ("%s is damaged and cannot be read (%s). Open a backup copy, or a copy "
                      "exported as letter XML."),
                   path, rc == SQLITE_ROW ? (const char *) sqlite3_column_text (stmt, 0) : "?");
      return FALSE;
    }
  return TRUE;
}

/* Version 1 kept the working state as one letter XML text; version 2
 * splits it into a head row and one row per item. */
static gboolean
migrate_1_to_2 (RptSqlite *db, GError **error)
{
  g_autoptr (RptLetter) letter = NULL;
  g_autoptr (RptStoreSnapshot) snap = NULL;
  g_autoptr (GError) local = NULL;

  {
    g_autoptr (sqlite3_stmt) stmt = NULL;
    int rc;

    stmt = rpt_sqlite_prepare (db, "SELECT xml FROM letter WHERE id = 1", error);
    if (stmt == NULL || (rc = rpt_sqlite_step (db, stmt, error)) < 0)
      return FALSE;
    if (rc != SQLITE_ROW || sqlite3_column_text (stmt, 0) == NULL)
      {
        g_set_error (error, RPT_SQLITE_ERROR, SQLITE_CORRUPT, "the document holds no letter");
        return FALSE;
      }
    letter =
      rpt_letter_new_from_xml ((const char *) sqlite3_column_text (stmt, 0), -1, "letter", &local);
    if (letter == NULL)
      {
        g_set_error (error, RPT_ERROR, RPT_ERROR_CORRUPT, "%s", local->message);
        return FALSE;
      }
  }

  snap = rpt_store_snapshot_new (letter);
  return rpt_sqlite_exec (db, schema_v2, error) && add_head_v4_columns (db, "head", error) &&
         write_snapshot (db, snap, NULL, NULL, NULL, NULL, error) &&
         rpt_sqlite_exec (db, "DROP TABLE letter", error);
}

/* Versions 1 and 2 kept every named version as the whole letter XML;
 * version 3 keeps what changed (and its signatory rows may carry a title
 * form, which version 2 rows simply do not have). Each version is read as the letter it
 * holds and kept anew, under its own number, author, time and message,
 * and read back like any new version. A version that cannot be read stops
 * the migration (the file is left as it was, or migrated in memory only):
 * it is never dropped. */
static gboolean
migrate_2_to_3 (RptSqlite *db, GError **error)
{
  g_autoptr (sqlite3_stmt) stmt = NULL;
  int rc;

  if (!rpt_sqlite_exec (db, "ALTER TABLE version RENAME TO version_v2", error) ||
      !rpt_sqlite_exec (db, schema_versions, error) || !add_head_v4_columns (db, "head", error) ||
      !add_head_v4_columns (db, "version_head", error))
    return FALSE;
  stmt = rpt_sqlite_prepare (
    db, "SELECT number, author, created, message, xml FROM version_v2 ORDER BY number", error);
  if (stmt == NULL)
    return FALSE;
  while ((rc = rpt_sqlite_step (db, stmt, error)) == SQLITE_ROW)
    {
      gint64 number = sqlite3_column_int64 (stmt, 0);
      const char *xml = (const char *) sqlite3_column_text (stmt, 4);
      g_autoptr (GError) local = NULL;
      g_autoptr (RptLetter) letter = NULL;
      g_autoptr (RptStoreSnapshot) snap = NULL;

      letter = xml != NULL ? rpt_letter_new_from_xml (xml, -1, "version", &local) : NULL;
      if (letter == NULL)
        {
          g_set_error (error, RPT_ERROR, RPT_ERROR_CORRUPT, _ ("version %lld cannot be read (%s)"),
                       (long long) number, local != NULL ? local->message : "no text");
          return FALSE;
        }
      snap = rpt_store_snapshot_new (letter);
      if (insert_version (db, number, snap, (const char *) sqlite3_column_text (stmt, 1),
                          (const char *) sqlite3_column_text (stmt, 2),
                          (const char *) sqlite3_column_text (stmt, 3), error) == 0)
        return FALSE;
    }
  if (rc < 0)
    return FALSE;
  g_clear_pointer (&stmt, sqlite3_finalize);
  return rpt_sqlite_exec (db, "DROP TABLE version_v2", error);
}

/* Forward migrations, each in the caller's transaction. */
static gboolean
migrate (RptSqlite *db, gint64 from, GError **error)
{
  g_assert (from >= 1 && from <= RPT_STORE_SCHEMA_VERSION);

  if (from < 2 && !migrate_1_to_2 (db, error))
    return FALSE;
  if (from < 3 && !migrate_2_to_3 (db, error))
    return FALSE;
  /* Version 4: the head's new columns, whose defaults say what letters
   * said before; the versions kept keep their rows and digests. */
  if (from < 4 && (!add_head_v4_columns (db, "head", error) ||
                   !add_head_v4_columns (db, "version_head", error)))
    return FALSE;
  return TRUE;
}

/* The tables each schema version must have: a file with our application
 * id but not our tables is damaged (or hand-made), and says so. */
static gboolean
check_tables (RptSqlite *db, const char *path, gint64 version, GError **error)
{
  static const char *const v1[] = { "letter", "version", NULL };
  static const char *const v2[] = { "head", "item", "version", NULL };
  static const char *const v3[] = { "head",         "item",         "version", "version_head",
                                    "version_item", "version_text", NULL };
  /* version 4 has the tables of version 3, with more columns */
  const char *const *want = version == 1 ? v1 : version == 2 ? v2 : v3;
  g_autoptr (sqlite3_stmt) stmt = NULL;
  g_autoptr (GError) local = NULL;

  stmt = rpt_sqlite_prepare (db, "SELECT 1 FROM sqlite_schema WHERE type = 'table' AND name = ?1",
                             &local);
  if (stmt == NULL)
    {
      TRANSLATE (error, local, path);
      return FALSE;
    }
  for (guint i = 0; want[i] != NULL; i++)
    {
      int rc;
      sqlite3_bind_text (stmt, 1, want[i], -1, SQLITE_STATIC);
      rc = rpt_sqlite_step (db, stmt, &local);
      sqlite3_reset (stmt);
      if (rc < 0)
        {
          TRANSLATE (error, local, path);
          return FALSE;
        }
      if (rc != SQLITE_ROW)
        {
          g_set_error (error, RPT_ERROR, RPT_ERROR_CORRUPT,
                       _ ("%s is damaged and cannot be read (the table “%s” is missing)"), path,
                       want[i]);
          return FALSE;
        }
    }
  return TRUE;
}

static gboolean
migrate_in_transaction (RptSqlite *db, gint64 from, GError **error)
{
  g_autofree char *set_version =
    g_strdup_printf ("PRAGMA user_version = %d", RPT_STORE_SCHEMA_VERSION);

  if (!rpt_sqlite_begin (db, error))
    return FALSE;
  if (!migrate (db, from, error) || !rpt_sqlite_exec (db, set_version, error))
    {
      rpt_sqlite_rollback (db);
      return FALSE;
    }
  return rpt_sqlite_commit (db, error);
}

/* After a migration that dropped full copies of versions, most of the
 * file may be free pages (zeroed by secure_delete): VACUUM gives them
 * back, in its own transaction. It needs as much free disk as the file;
 * if it fails, the document is as good, only larger. */
static void
reclaim_space (RptSqlite *db)
{
  gint64 free_pages = 0, pages = 0;

  if (rpt_sqlite_get_int (db, "PRAGMA freelist_count", &free_pages, NULL) &&
      rpt_sqlite_get_int (db, "PRAGMA page_count", &pages, NULL) && free_pages * 4 > pages)
    rpt_sqlite_exec (db, "VACUUM", NULL);
}

/* A program that stopped in the middle of a save leaves a "hot" journal
 * beside the document, and a read-only connection cannot roll it back
 * (SQLITE_READONLY_ROLLBACK). Rolling it back only puts the document
 * back into its last saved state, so a read-write connection does it
 * here, and reading after a crash works like reading at any other time. */
static gboolean
recover_hot_journal (const char *path, GError **error)
{
  g_autoptr (RptSqlite) rw = rpt_sqlite_open (path, RPT_SQLITE_OPEN_READ_WRITE, error);

  if (rw == NULL)
    return FALSE;
  return rpt_sqlite_exec (rw, "SELECT count(*) FROM sqlite_schema", error);
}

static RptSqlite *
open_connection (const char *path, gboolean read_only, GError **error)
{
  g_autoptr (GError) local = NULL;
  RptSqlite *db;

  db = rpt_sqlite_open (path, read_only ? RPT_SQLITE_OPEN_READ_ONLY : 0, error);
  if (db == NULL)
    return NULL;
  /* The first read is where SQLite finds a hot journal. */
  if (set_pragmas (db, read_only, &local) &&
      rpt_sqlite_exec (db, "SELECT count(*) FROM sqlite_schema", &local))
    return db;

  g_object_unref (db);
  if (!read_only || !g_error_matches (local, RPT_SQLITE_ERROR, SQLITE_READONLY_ROLLBACK))
    {
      g_propagate_error (error, g_steal_pointer (&local));
      return NULL;
    }
  g_clear_error (&local);
  if (!recover_hot_journal (path, &local))
    {
      g_set_error (error, RPT_ERROR, RPT_ERROR_READ_ONLY,
                   _ ("%s was being saved when a program stopped, and it cannot be written to "
                      "finish restoring its last saved state (%s). Open it once where it can "
                      "be written."),
                   path, local->message);
      return NULL;
    }
  db = rpt_sqlite_open (path, RPT_SQLITE_OPEN_READ_ONLY, error);
  if (db != NULL && !set_pragmas (db, TRUE, error))
    g_clear_object (&db);
  return db;
}

/**
 * rpt_store_open:
 * @path: a .rapporteur file
 * @flags: %RPT_STORE_OPEN_READ_ONLY never writes to the file
 *
 * Opens a document, checking that it is ours, of a version this program
 * reads, and undamaged. A document of an older version is brought
 * forward: on disk when opened for writing, in memory when read-only.
 *
 * Returns: (transfer full): the store, or %NULL with @error set
 */
RptStore *
rpt_store_open (const char *path, RptStoreOpenFlags flags, GError **error)
{
  g_autoptr (RptStore) self = NULL;
  g_autoptr (GError) local = NULL;
  gboolean read_only = (flags & RPT_STORE_OPEN_READ_ONLY) != 0;
  gint64 version = 0;

  g_return_val_if_fail (path != NULL, NULL);

  if (!check_header (path, error))
    return NULL;

  self = g_object_new (RPT_TYPE_STORE, NULL);
  self->path = g_strdup (path);
  self->read_only = read_only;
  self->db = open_connection (path, read_only, &local);
  if (self->db == NULL)
    {
      TRANSLATE (error, local, path);
      return NULL;
    }
  if (!check_version (self->db, path, &version, error) ||
      !check_integrity (self->db, path, error) || !check_tables (self->db, path, version, error))
    return NULL;

  if (version < RPT_STORE_SCHEMA_VERSION)
    {
      if (read_only)
        {
          g_autoptr (RptSqlite) copy = rpt_sqlite_copy_to_memory (self->db, &local);
          if (copy == NULL || !migrate_in_transaction (copy, version, &local))
            {
              TRANSLATE (error, local, path);
              return NULL;
            }
          g_set_object (&self->db, copy);
        }
      else if (!migrate_in_transaction (self->db, version, &local))
        {
          TRANSLATE (error, local, path);
          return NULL;
        }
      else
        reclaim_space (self->db);
    }

  return g_steal_pointer (&self);
}

/**
 * rpt_store_create:
 * @path: the new document; it must not exist
 * @letter: the letter to store as its working state
 *
 * Creates a new document file with mode 0600. The document is made whole
 * in memory and written as rpt_file_create_private() writes: into a file
 * without a name that gets @path only when complete and synced, so @path
 * never names a half-written document, an existing file at @path is never
 * replaced, and a process killed meanwhile leaves no temporary file with
 * the letter behind.
 *
 * Returns: (transfer full): the store, open for writing, or %NULL
 */
RptStore *
rpt_store_create (const char *path, RptLetter *letter, GError **error)
{
  g_autofree char *dir = NULL;
  g_autoptr (RptSqlite) db = NULL;
  g_autoptr (GBytes) bytes = NULL;
  g_autoptr (GError) local = NULL;
  gconstpointer data;
  gsize length;

  g_return_val_if_fail (path != NULL, NULL);
  g_return_val_if_fail (RPT_IS_LETTER (letter), NULL);

  if (g_file_test (path, G_FILE_TEST_EXISTS))
    {
      g_set_error (error, RPT_ERROR, RPT_ERROR_EXISTS, _ ("%s already exists; choose another name"),
                   path);
      return NULL;
    }
  dir = g_path_get_dirname (path);
  if (!g_file_test (dir, G_FILE_TEST_IS_DIR))
    {
      g_set_error (error, RPT_ERROR, RPT_ERROR_NOT_FOUND, _ ("The folder %s does not exist"), dir);
      return NULL;
    }

  db = rpt_sqlite_open (NULL, RPT_SQLITE_OPEN_MEMORY, &local);
  if (db == NULL || !rpt_sqlite_exec (db, "PRAGMA secure_delete = ON", &local) ||
      !create_schema (db, letter, &local) || (bytes = rpt_sqlite_serialize (db, &local)) == NULL)
    {
      TRANSLATE (error, local, path);
      return NULL;
    }
  rpt_sqlite_close (db);
  data = g_bytes_get_data (bytes, &length);
  if (!rpt_file_create_private (path, data, length, error))
    return NULL;
  g_clear_pointer (&bytes, g_bytes_unref);

  return rpt_store_open (path, RPT_STORE_OPEN_READ_WRITE, error);
}

const char *
rpt_store_get_path (RptStore *self)
{
  g_return_val_if_fail (RPT_IS_STORE (self), NULL);
  return self->path;
}

gboolean
rpt_store_is_read_only (RptStore *self)
{
  g_return_val_if_fail (RPT_IS_STORE (self), TRUE);
  return self->read_only;
}

static gboolean
check_open (RptStore *self, gboolean write, GError **error)
{
  if (self->db == NULL)
    {
      g_set_error (error, RPT_ERROR, RPT_ERROR_IO, _ ("%s is closed"), self->path);
      return FALSE;
    }
  if (write && self->read_only)
    {
      g_set_error (error, RPT_ERROR, RPT_ERROR_READ_ONLY, _ ("%s is open read-only"), self->path);
      return FALSE;
    }
  return TRUE;
}

/**
 * rpt_store_load:
 *
 * Returns: (transfer full): the working state of the letter, or %NULL
 */
RptLetter *
rpt_store_load (RptStore *self, GError **error)
{
  g_autoptr (GError) local = NULL;
  RptLetter *letter;

  g_return_val_if_fail (RPT_IS_STORE (self), NULL);

  if (!check_open (self, FALSE, error))
    return NULL;
  if (!refresh_cache (self, &local))
    {
      TRANSLATE (error, local, self->path);
      return NULL;
    }
  letter = letter_from_rows (self->saved_head, self->saved_rows, &local);
  if (letter == NULL)
    g_set_error (error, RPT_ERROR, RPT_ERROR_CORRUPT, _ ("%s is damaged and cannot be read (%s)"),
                 self->path, local->message);
  return letter;
}

/**
 * rpt_store_save_snapshot:
 * @snapshot: the letter, from rpt_store_snapshot_new()
 *
 * Makes @snapshot the working state in one transaction, writing only the
 * rows that differ from what the file holds. Safe to call from a worker
 * thread as long as nothing else uses @self meanwhile.
 */
gboolean
rpt_store_save_snapshot (RptStore *self, RptStoreSnapshot *snapshot, GError **error)
{
  g_autoptr (GError) local = NULL;
  g_autoptr (GHashTable) new_rows = NULL;

  g_return_val_if_fail (RPT_IS_STORE (self), FALSE);
  g_return_val_if_fail (snapshot != NULL, FALSE);

  if (!check_open (self, TRUE, error))
    return FALSE;
  if (!rpt_sqlite_begin (self->db, &local))
    {
      TRANSLATE (error, local, self->path);
      return FALSE;
    }
  if (!write_working (self, snapshot, &new_rows, &local) || !rpt_sqlite_commit (self->db, &local))
    {
      rpt_sqlite_rollback (self->db);
      TRANSLATE (error, local, self->path);
      return FALSE;
    }
  commit_working (self, snapshot, new_rows);
  return TRUE;
}

/**
 * rpt_store_save:
 *
 * Makes @letter the working state: rpt_store_snapshot_new() and
 * rpt_store_save_snapshot() in one call.
 */
gboolean
rpt_store_save (RptStore *self, RptLetter *letter, GError **error)
{
  g_autoptr (RptStoreSnapshot) snapshot = NULL;

  g_return_val_if_fail (RPT_IS_STORE (self), FALSE);
  g_return_val_if_fail (RPT_IS_LETTER (letter), FALSE);

  snapshot = rpt_store_snapshot_new (letter);
  return rpt_store_save_snapshot (self, snapshot, error);
}

/**
 * rpt_store_get_last_save_rows:
 *
 * Returns: how many rows the last save inserted, updated or deleted (for
 *   diagnostics and tests: a save after one edit writes one row)
 */
guint
rpt_store_get_last_save_rows (RptStore *self)
{
  g_return_val_if_fail (RPT_IS_STORE (self), 0);
  return self->last_save_rows;
}

/**
 * rpt_store_save_version_snapshot:
 * @snapshot: the working state to save and keep as a version
 * @author: (nullable): who saves it
 * @message: (nullable): why
 *
 * Saves @snapshot as the working state and keeps it as a named version,
 * in one transaction. The version stores what changed since the version
 * before it, and is read back before the transaction commits.
 *
 * Returns: the number of the new version, or 0 with @error set
 */
guint
rpt_store_save_version_snapshot (RptStore *self,
                                 RptStoreSnapshot *snapshot,
                                 const char *author,
                                 const char *message,
                                 GError **error)
{
  g_autoptr (GError) local = NULL;
  g_autoptr (GHashTable) new_rows = NULL;
  g_autofree char *clean_author = NULL;
  g_autofree char *clean_message = NULL;
  guint number;

  g_return_val_if_fail (RPT_IS_STORE (self), 0);
  g_return_val_if_fail (snapshot != NULL, 0);

  if (!check_open (self, TRUE, error))
    return 0;

  clean_author = rpt_text_sanitize_line (author);
  clean_message = rpt_text_sanitize_line (message);
  if (!rpt_sqlite_begin (self->db, &local))
    {
      TRANSLATE (error, local, self->path);
      return 0;
    }
  if (!write_working (self, snapshot, &new_rows, &local) ||
      (number =
         insert_version (self->db, 0, snapshot, clean_author, NULL, clean_message, &local)) == 0 ||
      !rpt_sqlite_commit (self->db, &local))
    {
      rpt_sqlite_rollback (self->db);
      TRANSLATE (error, local, self->path);
      return 0;
    }
  commit_working (self, snapshot, new_rows);
  return number;
}

/**
 * rpt_store_save_version:
 *
 * rpt_store_save_version_snapshot() for a letter on the calling thread.
 *
 * Returns: the number of the new version, or 0 with @error set
 */
guint
rpt_store_save_version (RptStore *self,
                        RptLetter *letter,
                        const char *author,
                        const char *message,
                        GError **error)
{
  g_autoptr (RptStoreSnapshot) snapshot = NULL;

  g_return_val_if_fail (RPT_IS_STORE (self), 0);
  g_return_val_if_fail (RPT_IS_LETTER (letter), 0);

  snapshot = rpt_store_snapshot_new (letter);
  return rpt_store_save_version_snapshot (self, snapshot, author, message, error);
}

/**
 * rpt_store_list_versions:
 *
 * Returns: (transfer full): the named versions, oldest first, as a list
 *   model of #RptVersion, or %NULL with @error set
 */
GListModel *
rpt_store_list_versions (RptStore *self, GError **error)
{
  g_autoptr (GListStore) list = NULL;
  g_autoptr (sqlite3_stmt) stmt = NULL;
  g_autoptr (GError) local = NULL;
  int rc;

  g_return_val_if_fail (RPT_IS_STORE (self), NULL);

  if (!check_open (self, FALSE, error))
    return NULL;
  stmt = rpt_sqlite_prepare (
    self->db, "SELECT number, author, created, message FROM version ORDER BY number", &local);
  if (stmt == NULL)
    {
      TRANSLATE (error, local, self->path);
      return NULL;
    }
  list = g_list_store_new (RPT_TYPE_VERSION);
  while ((rc = rpt_sqlite_step (self->db, stmt, &local)) == SQLITE_ROW)
    {
      g_autoptr (GDateTime) created =
        g_date_time_new_from_iso8601 ((const char *) sqlite3_column_text (stmt, 2), NULL);
      g_autoptr (RptVersion) v = NULL;

      if (created == NULL)
        created = g_date_time_new_from_unix_utc (0);
      v = rpt_version_new ((guint) sqlite3_column_int64 (stmt, 0),
                           (const char *) sqlite3_column_text (stmt, 1), created,
                           (const char *) sqlite3_column_text (stmt, 3));
      g_list_store_append (list, v);
    }
  if (rc < 0)
    {
      TRANSLATE (error, local, self->path);
      return NULL;
    }
  return G_LIST_MODEL (g_steal_pointer (&list));
}

/**
 * rpt_store_load_version:
 * @number: a version number from rpt_store_list_versions()
 *
 * Returns: (transfer full): the letter as it was in that version, or %NULL
 *   (RPT_ERROR_INVALID_ARGUMENT for 0, RPT_ERROR_NOT_FOUND for a number
 *   with no version, RPT_ERROR_CORRUPT for a damaged version)
 */
RptLetter *
rpt_store_load_version (RptStore *self, guint number, GError **error)
{
  g_autoptr (GError) local = NULL;
  RptLetter *letter;

  g_return_val_if_fail (RPT_IS_STORE (self), NULL);

  if (!rpt_version_number_check (number, error) || !check_open (self, FALSE, error))
    return NULL;
  letter = load_version (self->db, number, &local);
  if (letter != NULL)
    return letter;
  if (g_error_matches (local, RPT_ERROR, RPT_ERROR_NOT_FOUND))
    g_set_error (error, RPT_ERROR, RPT_ERROR_NOT_FOUND, _ ("%s has no version %u"), self->path,
                 number);
  else if (local->domain == RPT_ERROR)
    g_set_error (error, RPT_ERROR, RPT_ERROR_CORRUPT,
                 _ ("Version %u of %s is damaged and cannot be read (%s)"), number, self->path,
                 local->message);
  else
    TRANSLATE (error, local, self->path);
  return NULL;
}

/**
 * rpt_store_restore_version:
 * @number: the version to restore
 * @author: (nullable): who restores it
 * @backup_number: (out) (optional): the number of the version that keeps
 *   the working state as it was, or 0 if an existing version already did
 *
 * Makes version @number the working state without losing anything: when
 * the working state differs from the newest version's snapshot, it is
 * first kept as a new version itself. Both happen in one transaction.
 *
 * Returns: (transfer full): the new working state, or %NULL
 */
RptLetter *
rpt_store_restore_version (RptStore *self,
                           guint number,
                           const char *author,
                           guint *backup_number,
                           GError **error)
{
  g_autoptr (GError) local = NULL;
  g_autoptr (RptLetter) letter = NULL;
  g_autoptr (RptLetter) working = NULL;
  g_autoptr (RptStoreSnapshot) snapshot = NULL;
  g_autoptr (RptStoreSnapshot) working_snap = NULL;
  g_autoptr (GHashTable) new_rows = NULL;
  g_autoptr (sqlite3_stmt) stmt = NULL;
  g_autofree char *clean_author = NULL;
  guint8 working_digest[DIGEST_LENGTH];
  gboolean kept = FALSE;
  guint backup = 0;
  int rc;

  g_return_val_if_fail (RPT_IS_STORE (self), NULL);

  if (!rpt_version_number_check (number, error) || !check_open (self, TRUE, error))
    return NULL;
  letter = rpt_store_load_version (self, number, error);
  if (letter == NULL)
    return NULL;
  working = rpt_store_load (self, error);
  if (working == NULL)
    return NULL;
  working_snap = rpt_store_snapshot_new (working);
  state_digest (working_snap->head, working_snap->rows, working_digest);
  clean_author = rpt_text_sanitize_line (author);

  if (!rpt_sqlite_begin (self->db, &local))
    {
      TRANSLATE (error, local, self->path);
      return NULL;
    }
  /* Is the working state already kept, as the newest version? */
  stmt = rpt_sqlite_prepare (self->db, "SELECT digest FROM version ORDER BY number DESC LIMIT 1",
                             &local);
  if (stmt == NULL || (rc = rpt_sqlite_step (self->db, stmt, &local)) < 0)
    goto fail;
  kept = rc == SQLITE_ROW && sqlite3_column_bytes (stmt, 0) == DIGEST_LENGTH &&
         memcmp (sqlite3_column_blob (stmt, 0), working_digest, DIGEST_LENGTH) == 0;
  g_clear_pointer (&stmt, sqlite3_finalize);
  if (!kept)
    {
      g_autofree char *message =
        g_strdup_printf (_ ("Working state before version %u was restored"), number);
      backup = insert_version (self->db, 0, working_snap, clean_author, NULL, message, &local);
      if (backup == 0)
        goto fail;
    }
  snapshot = rpt_store_snapshot_new (letter);
  if (!write_working (self, snapshot, &new_rows, &local) || !rpt_sqlite_commit (self->db, &local))
    goto fail;
  commit_working (self, snapshot, new_rows);

  if (backup_number != NULL)
    *backup_number = backup;
  return g_steal_pointer (&letter);

fail:
  rpt_sqlite_rollback (self->db);
  TRANSLATE (error, local, self->path);
  return NULL;
}

void
rpt_store_close (RptStore *self)
{
  g_return_if_fail (RPT_IS_STORE (self));

  if (self->db != NULL)
    rpt_sqlite_close (self->db);
  g_clear_object (&self->db);
}

RptSqlite *
_rpt_store_get_sqlite (RptStore *self)
{
  g_return_val_if_fail (RPT_IS_STORE (self), NULL);
  return self->db;
}
