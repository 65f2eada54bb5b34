/* test-store.c
 *
 * Copyright 2026 The Rapporteur authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include <glib/gstdio.h>
#include <sqlite3.h>
#include <string.h>
#include <unistd.h>

#include "rpt-store-private.h"
#include "rpt-test-util.h"

typedef struct
{
  char *dir;
  char *path;
  RptLetter *sample;
} Fixture;

static RptLetter *
load_sample (void)
{
  g_autofree char *path = rpt_test_source_path ("data", "samples", "AL-TJK-1-2025.xml", NULL);
  g_autoptr (GError) error = NULL;
  RptLetter *letter = rpt_letter_new_from_xml_file (path, &error);

  g_assert_no_error (error);
  return letter;
}

static void
fixture_set_up (Fixture *f, gconstpointer data)
{
  f->dir = rpt_test_make_tmpdir ();
  f->path = g_build_filename (f->dir, "letter.rapporteur", NULL);
  f->sample = load_sample ();
}

static void
fixture_tear_down (Fixture *f, gconstpointer data)
{
  g_clear_object (&f->sample);
  rpt_test_rm_rf (f->dir);
  g_free (f->dir);
  g_free (f->path);
}

static char *
letter_xml (RptLetter *letter)
{
  return rpt_letter_to_xml (letter, NULL);
}

static char *
stored_xml (const char *path)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (RptStore) store = rpt_store_open (path, RPT_STORE_OPEN_READ_ONLY, &error);
  g_autoptr (RptLetter) letter = NULL;

  g_assert_no_error (error);
  letter = rpt_store_load (store, &error);
  g_assert_no_error (error);
  return letter_xml (letter);
}

static gint64
sql_int (const char *path, const char *sql)
{
  sqlite3 *db = NULL;
  sqlite3_stmt *stmt = NULL;
  gint64 v = -1;

  g_assert_cmpint (sqlite3_open_v2 (path, &db, SQLITE_OPEN_READONLY, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_prepare_v2 (db, sql, -1, &stmt, NULL), ==, SQLITE_OK);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    v = sqlite3_column_int64 (stmt, 0);
  sqlite3_finalize (stmt);
  sqlite3_close (db);
  return v;
}

static gint64
file_size (const char *path)
{
  GStatBuf st;

  g_assert_cmpint (g_stat (path, &st), ==, 0);
  return (gint64) st.st_size;
}

static void
sql_exec (const char *path, const char *sql)
{
  sqlite3 *db = NULL;

  g_assert_cmpint (sqlite3_open_v2 (path, &db, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE, NULL),
                   ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_exec (db, sql, NULL, NULL, NULL), ==, SQLITE_OK);
  sqlite3_close (db);
}

static void
test_create_and_reopen (Fixture *f, gconstpointer data)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (RptStore) store = rpt_store_create (f->path, f->sample, &error);
  g_autofree char *expected = letter_xml (f->sample);
  g_autofree char *got = NULL;
  GStatBuf st;

  g_assert_no_error (error);
  g_assert_nonnull (store);
  g_assert_cmpint (g_stat (f->path, &st), ==, 0);
  g_assert_cmpint (st.st_mode & 0777, ==, 0600);
  g_assert_cmpint (sql_int (f->path, "PRAGMA application_id"), ==, RPT_STORE_APPLICATION_ID);
  g_assert_cmpint (sql_int (f->path, "PRAGMA user_version"), ==, RPT_STORE_SCHEMA_VERSION);
  rpt_store_close (store);

  got = stored_xml (f->path);
  g_assert_cmpstr (got, ==, expected);

  /* No temporary file is left beside the document. */
  {
    g_autoptr (GDir) dir = g_dir_open (f->dir, 0, NULL);
    const char *name;
    guint n = 0;
    while ((name = g_dir_read_name (dir)) != NULL)
      {
        g_test_message ("%s", name);
        n++;
      }
    g_assert_cmpuint (n, ==, 1);
  }
}

static void
test_create_refuses_existing (Fixture *f, gconstpointer data)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (RptStore) store = NULL;
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;

  g_assert_true (g_file_set_contents (f->path, "precious", -1, NULL));
  before = rpt_test_file_digest (f->path);
  store = rpt_store_create (f->path, f->sample, &error);
  g_assert_null (store);
  g_assert_error (error, RPT_ERROR, RPT_ERROR_EXISTS);
  after = rpt_test_file_digest (f->path);
  g_assert_cmpstr (before, ==, after);
}

static void
test_create_missing_folder (Fixture *f, gconstpointer data)
{
  g_autoptr (GError) error = NULL;
  g_autofree char *path = g_build_filename (f->dir, "no", "such", "x.rapporteur", NULL);
  g_autoptr (RptStore) store = rpt_store_create (path, f->sample, &error);

  g_assert_null (store);
  g_assert_error (error, RPT_ERROR, RPT_ERROR_NOT_FOUND);
}

static void
test_save_writes_only_changes (Fixture *f, gconstpointer data)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (RptStore) store = rpt_store_create (f->path, f->sample, &error);
  g_autoptr (RptLetter) letter = NULL;
  g_autoptr (RptParagraph) added = rpt_paragraph_new ("A new concern.");
  g_autofree char *expected = NULL;
  g_autofree char *got = NULL;
  RptParagraph *fact;

  g_assert_no_error (error);
  letter = rpt_store_load (store, &error);
  g_assert_no_error (error);

  /* Nothing changed: nothing written. */
  g_assert_true (rpt_store_save (store, letter, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (rpt_store_get_last_save_rows (store), ==, 0);

  /* One fact edited: one row. */
  fact = rpt_letter_get_item (letter, RPT_PART_FACTS, 3);
  rpt_paragraph_set_text (fact, "Also in July, <i>edited</i>.");
  g_assert_true (rpt_store_save (store, letter, &error));
  g_assert_cmpuint (rpt_store_get_last_save_rows (store), ==, 1);

  /* A signatory's form of title is part of its row. */
  rpt_signatory_set_title_form (rpt_letter_get_item (letter, RPT_PART_SIGNATORIES, 1),
                                RPT_TITLE_FORM_FEMININE);
  g_assert_true (rpt_store_save (store, letter, &error));
  g_assert_cmpuint (rpt_store_get_last_save_rows (store), ==, 1);
  {
    g_autoptr (RptLetter) reloaded = rpt_store_load (store, &error);
    g_assert_no_error (error);
    g_assert_cmpint (
      rpt_signatory_get_title_form (rpt_letter_get_item (reloaded, RPT_PART_SIGNATORIES, 1)), ==,
      RPT_TITLE_FORM_FEMININE);
  }

  /* The summary lives in the head row: one row. */
  rpt_letter_set_summary (letter, "another summary");
  g_assert_true (rpt_store_save (store, letter, &error));
  g_assert_cmpuint (rpt_store_get_last_save_rows (store), ==, 1);

  /* Adding and removing an item: one row each. */
  rpt_letter_append_item (letter, RPT_PART_CONCERNS, added);
  g_assert_true (rpt_store_save (store, letter, &error));
  g_assert_cmpuint (rpt_store_get_last_save_rows (store), ==, 1);
  rpt_letter_remove_item (letter, RPT_PART_FACTS, 9);
  g_assert_true (rpt_store_save (store, letter, &error));
  g_assert_cmpuint (rpt_store_get_last_save_rows (store), ==, 1);

  /* Moving the first fact to third place moves three. */
  rpt_letter_move_item (letter, RPT_PART_FACTS, 0, 2);
  g_assert_true (rpt_store_save (store, letter, &error));
  g_assert_cmpuint (rpt_store_get_last_save_rows (store), ==, 3);
  g_assert_no_error (error);

  /* And the file holds exactly the letter. */
  rpt_store_close (store);
  expected = letter_xml (letter);
  got = stored_xml (f->path);
  g_assert_cmpstr (got, ==, expected);
}

static void
test_other_writer (Fixture *f, gconstpointer data)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (RptStore) a = rpt_store_create (f->path, f->sample, &error);
  g_autoptr (RptStore) b = NULL;
  g_autoptr (RptLetter) la = NULL;
  g_autoptr (RptLetter) lb = NULL;
  g_autofree char *expected = NULL;
  g_autofree char *got = NULL;

  g_assert_no_error (error);
  b = rpt_store_open (f->path, RPT_STORE_OPEN_READ_WRITE, &error);
  g_assert_no_error (error);
  la = rpt_store_load (a, &error);
  lb = rpt_store_load (b, &error);
  g_assert_no_error (error);

  /* A writes fact 1; B, which read the file before, writes fact 2. B's
   * save must leave the file holding B's letter, not a mixture of rows
   * from both (which a stale cache of what the file holds would give). */
  rpt_paragraph_set_text (rpt_letter_get_item (la, RPT_PART_FACTS, 0), "changed by A");
  g_assert_true (rpt_store_save (a, la, &error));
  rpt_paragraph_set_text (rpt_letter_get_item (lb, RPT_PART_FACTS, 1), "changed by B");
  g_assert_true (rpt_store_save (b, lb, &error));
  g_assert_no_error (error);
  rpt_store_close (a);
  rpt_store_close (b);

  expected = letter_xml (lb);
  got = stored_xml (f->path);
  g_assert_cmpstr (got, ==, expected);
}

static void
test_versions (Fixture *f, gconstpointer data)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (RptStore) store = rpt_store_create (f->path, f->sample, &error);
  g_autoptr (GListModel) versions = NULL;
  g_autoptr (RptVersion) v1 = NULL;
  g_autoptr (RptLetter) old = NULL;
  g_autoptr (RptLetter) restored = NULL;
  g_autoptr (RptLetter) working = NULL;
  g_autofree char *xml_v1 = letter_xml (f->sample);
  g_autofree char *xml_v2 = NULL;
  g_autofree char *xml_edit = NULL;
  g_autofree char *xml = NULL;
  g_autofree char *backup_xml = NULL;
  guint backup = 99;

  g_assert_no_error (error);
  g_assert_cmpuint (rpt_store_save_version (store, f->sample, "Drafter", "First draft", &error), ==,
                    1);
  rpt_letter_set_summary (f->sample, "second summary");
  g_assert_cmpuint (rpt_store_save_version (store, f->sample, "Reviewer\n", "Reviewed", &error), ==,
                    2);
  g_assert_no_error (error);
  xml_v2 = letter_xml (f->sample);

  versions = rpt_store_list_versions (store, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (versions), ==, 2);
  v1 = g_list_model_get_item (versions, 0);
  g_assert_cmpuint (rpt_version_get_number (v1), ==, 1);
  g_assert_cmpstr (rpt_version_get_author (v1), ==, "Drafter");
  g_assert_cmpstr (rpt_version_get_message (v1), ==, "First draft");
  g_assert_nonnull (rpt_version_get_created (v1));

  old = rpt_store_load_version (store, 1, &error);
  g_assert_no_error (error);
  xml = letter_xml (old);
  g_assert_cmpstr (xml, ==, xml_v1);
  g_clear_pointer (&xml, g_free);

  /* Restoring when the working state equals the newest version keeps no
   * backup: nothing would be lost. */
  restored = rpt_store_restore_version (store, 1, "Drafter", &backup, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (backup, ==, 0);
  xml = letter_xml (restored);
  g_assert_cmpstr (xml, ==, xml_v1);
  g_clear_pointer (&xml, g_free);
  g_clear_object (&restored);

  /* Edit the working state, then restore version 2: the edit is kept as
   * version 3 first. */
  working = rpt_store_load (store, &error);
  rpt_paragraph_set_text (rpt_letter_get_item (working, RPT_PART_QUESTIONS, 0), "edited");
  g_assert_true (rpt_store_save (store, working, &error));
  xml_edit = letter_xml (working);
  restored = rpt_store_restore_version (store, 2, "Drafter", &backup, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (backup, ==, 3);
  xml = letter_xml (restored);
  g_assert_cmpstr (xml, ==, xml_v2);
  g_clear_object (&old);
  old = rpt_store_load_version (store, 3, &error);
  backup_xml = letter_xml (old);
  g_assert_cmpstr (backup_xml, ==, xml_edit);
  rpt_store_close (store);
  g_free (xml);
  xml = stored_xml (f->path);
  g_assert_cmpstr (xml, ==, xml_v2);

  /* A version that does not exist; 0 is no version at all. */
  store = rpt_store_open (f->path, RPT_STORE_OPEN_READ_WRITE, &error);
  g_assert_null (rpt_store_load_version (store, 42, &error));
  g_assert_error (error, RPT_ERROR, RPT_ERROR_NOT_FOUND);
  g_clear_error (&error);
  g_assert_null (rpt_store_load_version (store, 0, &error));
  g_assert_error (error, RPT_ERROR, RPT_ERROR_INVALID_ARGUMENT);
  g_clear_error (&error);
  g_assert_null (rpt_store_restore_version (store, 0, "Drafter", NULL, &error));
  g_assert_error (error, RPT_ERROR, RPT_ERROR_INVALID_ARGUMENT);
}

/* A drafter's work between versions: facts edited, added, moved and
 * removed, the summary changed now and then. */
static void
edit_between_versions (RptLetter *letter, GRand *rand, guint v)
{
  guint n = rpt_letter_get_n_items (letter, RPT_PART_FACTS);

  for (guint e = 0; e < 3; e++)
    {
      RptParagraph *p = rpt_letter_get_item (letter, RPT_PART_FACTS, g_rand_int_range (rand, 0, n));
      g_autofree char *text = g_strdup_printf ("%s Edit %u.", rpt_paragraph_get_text (p), v);
      rpt_paragraph_set_text (p, text);
    }
  if (v % 3 == 0)
    {
      g_autofree char *text = g_strdup_printf ("A fact added for version %u.", v);
      g_autoptr (RptParagraph) p = rpt_paragraph_new (text);
      rpt_letter_insert_item (letter, RPT_PART_FACTS, g_rand_int_range (rand, 0, n), p);
    }
  if (v % 4 == 0)
    rpt_letter_move_item (letter, RPT_PART_FACTS, g_rand_int_range (rand, 0, n),
                          g_rand_int_range (rand, 0, n));
  if (v % 5 == 0)
    rpt_letter_remove_item (letter, RPT_PART_FACTS, g_rand_int_range (rand, 0, n));
  if (v % 6 == 0)
    {
      g_autofree char *summary = g_strdup_printf ("summary of version %u", v);
      rpt_letter_set_summary (letter, summary);
    }
  if (v % 7 == 0)
    rpt_letter_remove_item (letter, RPT_PART_QUESTIONS, 0);
}

/* The sample with @n facts made of its own facts' text, no two alike. */
static void
grow_facts (RptLetter *letter, guint n, GRand *rand)
{
  guint have = rpt_letter_get_n_items (letter, RPT_PART_FACTS);
  g_autoptr (GPtrArray) texts = g_ptr_array_new_with_free_func (g_free);

  for (guint i = 0; i < have; i++)
    g_ptr_array_add (
      texts, g_strdup (rpt_paragraph_get_text (rpt_letter_get_item (letter, RPT_PART_FACTS, i))));
  for (guint i = have; i < n; i++)
    {
      g_autofree char *text = g_strdup_printf (
        "Fact %u. %s", i,
        (char *) g_ptr_array_index (texts, g_rand_int_range (rand, 0, texts->len)));
      g_autoptr (RptParagraph) p = rpt_paragraph_new (text);
      rpt_letter_append_item (letter, RPT_PART_FACTS, p);
    }
}

/* Versions store what changed: 40 versions of a 400-fact letter take less
 * than the letter again (bench/bench-versions measures 300 versions of
 * 10,000 facts), and every one comes back exactly as it was saved. */
static void
test_versions_small (Fixture *f, gconstpointer data)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (GRand) rand = g_rand_new_with_seed (42);
  g_autoptr (GPtrArray) saved = g_ptr_array_new_with_free_func (g_free);
  g_autoptr (RptStore) store = NULL;
  gint64 without, with;
  const guint n_versions = 40;

  grow_facts (f->sample, 400, rand);
  store = rpt_store_create (f->path, f->sample, &error);
  g_assert_no_error (error);
  without = file_size (f->path);
  for (guint v = 1; v <= n_versions; v++)
    {
      if (v > 1)
        edit_between_versions (f->sample, rand, v);
      g_assert_cmpuint (rpt_store_save_version (store, f->sample, "D", "m", &error), ==, v);
      g_assert_no_error (error);
      g_ptr_array_add (saved, letter_xml (f->sample));
    }
  with = file_size (f->path);
  g_test_message ("400 facts: %" G_GINT64_FORMAT " bytes, with %u versions %" G_GINT64_FORMAT,
                  without, n_versions, with);
  g_assert_cmpint (with, <=, 2 * without);
  /* Rows written: the letter once, then what changed. */
  g_assert_cmpint (sql_int (f->path, "SELECT count(*) FROM version_item"), <,
                   rpt_letter_get_n_items (f->sample, RPT_PART_FACTS) + 100 + 8 * n_versions);

  for (guint v = 1; v <= n_versions; v++)
    {
      g_autoptr (RptLetter) back = rpt_store_load_version (store, v, &error);
      g_autofree char *xml = NULL;

      g_assert_no_error (error);
      xml = letter_xml (back);
      g_assert_cmpstr (xml, ==, g_ptr_array_index (saved, v - 1));
    }
}

/* Damage in one version's data is reported for the versions that use it,
 * never shown as a wrong letter; the others still read; and a new version
 * never builds on damaged data. */
static void
test_version_damage (Fixture *f, gconstpointer data)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (GRand) rand = g_rand_new_with_seed (7);
  g_autoptr (GPtrArray) saved = g_ptr_array_new_with_free_func (g_free);
  g_autoptr (RptStore) store = rpt_store_create (f->path, f->sample, &error);
  g_autoptr (RptLetter) back = NULL;
  g_autofree char *xml = NULL;
  g_autofree char *expected = NULL;

  g_assert_no_error (error);
  for (guint v = 1; v <= 4; v++)
    {
      if (v > 1)
        edit_between_versions (f->sample, rand, v);
      g_assert_cmpuint (rpt_store_save_version (store, f->sample, "D", "m", &error), ==, v);
      g_ptr_array_add (saved, letter_xml (f->sample));
    }

  /* The text version 1 added (every item) is damaged: every version that
   * still has an item of version 1 says so. */
  sql_exec (f->path, "UPDATE version_text SET data = zeroblob (length (data)) WHERE first = 1");
  for (guint v = 1; v <= 4; v++)
    {
      g_assert_null (rpt_store_load_version (store, v, &error));
      g_assert_error (error, RPT_ERROR, RPT_ERROR_CORRUPT);
      g_assert_nonnull (strstr (error->message, "is damaged"));
      g_clear_error (&error);
    }

  /* A new version is written whole, then, and reads back. */
  edit_between_versions (f->sample, rand, 5);
  g_assert_cmpuint (rpt_store_save_version (store, f->sample, "D", "m", &error), ==, 5);
  g_assert_no_error (error);
  back = rpt_store_load_version (store, 5, &error);
  g_assert_no_error (error);
  xml = letter_xml (back);
  expected = letter_xml (f->sample);
  g_assert_cmpstr (xml, ==, expected);
  g_clear_object (&back);
  g_clear_pointer (&xml, g_free);
  g_clear_pointer (&expected, g_free);

  /* Damage to one version's own rows leaves the others readable. */
  sql_exec (f->path, "UPDATE version_text SET data = X'00' WHERE first = 2");
  g_assert_null (rpt_store_load_version (store, 2, &error));
  g_assert_error (error, RPT_ERROR, RPT_ERROR_CORRUPT);
  g_clear_error (&error);
  back = rpt_store_load_version (store, 5, &error);
  g_assert_no_error (error);
  g_clear_object (&back);

  /* A version's checksum, its order and a hostile size. */
  sql_exec (f->path, "UPDATE version SET digest = zeroblob (32) WHERE number = 5");
  g_assert_null (rpt_store_load_version (store, 5, &error));
  g_assert_error (error, RPT_ERROR, RPT_ERROR_CORRUPT);
  g_clear_error (&error);
  sql_exec (f->path, "UPDATE version_item SET after = NULL WHERE first = 5");
  sql_exec (f->path, "UPDATE version_text SET size = 2000000000 WHERE first = 5");
  g_assert_null (rpt_store_load_version (store, 5, &error));
  g_assert_error (error, RPT_ERROR, RPT_ERROR_CORRUPT);
  g_clear_error (&error);

  /* The working state is untouched by all this, and a version of it can
   * still be kept and restored. */
  g_assert_cmpuint (rpt_store_save_version (store, f->sample, "D", "after damage", &error), ==, 6);
  g_assert_no_error (error);
  back = rpt_store_restore_version (store, 6, "D", NULL, &error);
  g_assert_no_error (error);
  xml = letter_xml (back);
  expected = letter_xml (f->sample);
  g_assert_cmpstr (xml, ==, expected);
}

/* A schema version 2 document (tests/data/README.md): its three full
 * copies become versions that store what changed, each the same letter
 * as before, with its number, author, time and message. */
static void
test_migration_v2 (Fixture *f, gconstpointer data)
{
  g_autofree char *fixture = rpt_test_source_path ("tests", "data", "v2-sample.rapporteur", NULL);
  g_autofree char *contents = NULL;
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  g_autoptr (GPtrArray) read_only = g_ptr_array_new_with_free_func (g_free);
  g_autoptr (GPtrArray) listed = g_ptr_array_new_with_free_func (g_free);
  g_autofree char *working_ro = NULL;
  gsize length = 0;

  g_assert_true (g_file_get_contents (fixture, &contents, &length, NULL));
  g_assert_true (g_file_set_contents (f->path, contents, (gssize) length, NULL));
  g_assert_cmpint (sql_int (f->path, "PRAGMA user_version"), ==, 2);
  before = rpt_test_file_digest (f->path);

  for (guint pass = 0; pass < 2; pass++)
    {
      g_autoptr (GError) error = NULL;
      g_autoptr (RptStore) store = rpt_store_open (
        f->path, pass == 0 ? RPT_STORE_OPEN_READ_ONLY : RPT_STORE_OPEN_READ_WRITE, &error);
      g_autoptr (GListModel) versions = NULL;
      g_autoptr (RptLetter) working = NULL;
      g_autofree char *working_xml = NULL;

      g_assert_no_error (error);
      versions = rpt_store_list_versions (store, &error);
      g_assert_no_error (error);
      g_assert_cmpuint (g_list_model_get_n_items (versions), ==, 3);
      for (guint v = 1; v <= 3; v++)
        {
          g_autoptr (RptVersion) info = g_list_model_get_item (versions, v - 1);
          g_autoptr (RptLetter) letter = rpt_store_load_version (store, v, &error);
          g_autofree char *created = g_date_time_format_iso8601 (rpt_version_get_created (info));
          g_autofree char *line = g_strdup_printf ("%u %s %s %s", rpt_version_get_number (info),
                                                   rpt_version_get_author (info),
                                                   rpt_version_get_message (info), created);

          g_assert_no_error (error);
          if (pass == 0)
            {
              g_ptr_array_add (read_only, letter_xml (letter));
              g_ptr_array_add (listed, g_steal_pointer (&line));
            }
          else
            {
              g_autofree char *xml = letter_xml (letter);
              g_assert_cmpstr (xml, ==, g_ptr_array_index (read_only, v - 1));
              g_assert_cmpstr (line, ==, g_ptr_array_index (listed, v - 1));
            }
        }
      working = rpt_store_load (store, &error);
      g_assert_no_error (error);
      working_xml = letter_xml (working);
      if (pass == 0)
        {
          rpt_store_close (store);
          after = rpt_test_file_digest (f->path);
          g_assert_cmpstr (before, ==, after); /* reading changes nothing */
          working_ro = g_steal_pointer (&working_xml);
        }
      else
        {
          g_assert_cmpstr (working_xml, ==, working_ro);
          g_assert_cmpuint (rpt_store_save_version (store, working, "D", "after", &error), ==, 4);
          g_assert_no_error (error);
        }
    }

  /* What each version held (tests/data/README.md). */
  {
    g_autofree char *sample = letter_xml (f->sample);
    const char *edit = "the Supreme Court of Tajikistan upheld";

    g_assert_cmpstr (g_ptr_array_index (read_only, 0), ==, sample);
    g_assert_nonnull (strstr (g_ptr_array_index (read_only, 1), edit));
    g_assert_nonnull (strstr (g_ptr_array_index (read_only, 1), "A fact added for version 2."));
    g_assert_nonnull (strstr (g_ptr_array_index (read_only, 1), "(revised)"));
    g_assert_nonnull (strstr (g_ptr_array_index (read_only, 2), "A fact added for version 2."));
    g_assert_cmpuint (strlen (g_ptr_array_index (read_only, 2)), <,
                      strlen (g_ptr_array_index (read_only, 1)));
    g_assert_nonnull (strstr (working_ro, "edited after version 3"));
  }
  g_assert_cmpint (sql_int (f->path, "PRAGMA user_version"), ==, RPT_STORE_SCHEMA_VERSION);
  g_assert_cmpint (
    sql_int (f->path, "SELECT count(*) FROM sqlite_schema WHERE name = 'version_v2'"), ==, 0);
  g_assert_cmpint (sql_int (f->path, "SELECT count(*) FROM version_item WHERE first = 4"), ==, 1);
}

static void
test_read_only (Fixture *f, gconstpointer data)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (RptStore) store = rpt_store_create (f->path, f->sample, &error);
  g_autoptr (RptLetter) letter = NULL;
  g_autoptr (GListModel) versions = NULL;
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;

  g_assert_no_error (error);
  rpt_store_close (store);
  g_clear_object (&store);
  before = rpt_test_file_digest (f->path);

  store = rpt_store_open (f->path, RPT_STORE_OPEN_READ_ONLY, &error);
  g_assert_no_error (error);
  g_assert_true (rpt_store_is_read_only (store));
  letter = rpt_store_load (store, &error);
  versions = rpt_store_list_versions (store, &error);
  g_assert_no_error (error);
  rpt_letter_set_summary (letter, "changed");
  g_assert_false (rpt_store_save (store, letter, &error));
  g_assert_error (error, RPT_ERROR, RPT_ERROR_READ_ONLY);
  g_clear_error (&error);
  g_assert_cmpuint (rpt_store_save_version (store, letter, "x", "y", &error), ==, 0);
  g_assert_error (error, RPT_ERROR, RPT_ERROR_READ_ONLY);
  rpt_store_close (store);

  after = rpt_test_file_digest (f->path);
  g_assert_cmpstr (before, ==, after);
}

static char *
copy_v1_fixture (Fixture *f)
{
  g_autofree char *src = rpt_test_source_path ("tests", "data", "v1-sample.rapporteur", NULL);
  g_autofree char *data = NULL;
  gsize len;

  g_assert_true (g_file_get_contents (src, &data, &len, NULL));
  g_assert_true (
    g_file_set_contents_full (f->path, data, len, G_FILE_SET_CONTENTS_NONE, 0600, NULL));
  return rpt_test_file_digest (f->path);
}

static void
test_migration_v1 (Fixture *f, gconstpointer data)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (RptStore) store = NULL;
  g_autoptr (RptLetter) working = NULL;
  g_autoptr (RptLetter) v1 = NULL;
  g_autoptr (GListModel) versions = NULL;
  g_autoptr (RptVersion) info = NULL;
  g_autofree char *before = copy_v1_fixture (f);
  g_autofree char *after = NULL;
  g_autofree char *xml_working = NULL;
  g_autofree char *xml_v1 = NULL;
  g_autofree char *xml_sample = letter_xml (f->sample);
  const char *edited = "On 2 April 2025, the Supreme Court of Tajikistan upheld";

  g_assert_cmpint (sql_int (f->path, "PRAGMA user_version"), ==, 1);

  /* Read-only: migrated in memory, the file untouched. */
  store = rpt_store_open (f->path, RPT_STORE_OPEN_READ_ONLY, &error);
  g_assert_no_error (error);
  working = rpt_store_load (store, &error);
  g_assert_no_error (error);
  xml_working = letter_xml (working);
  g_assert_nonnull (strstr (xml_working, edited));
  rpt_store_close (store);
  g_clear_object (&store);
  g_clear_object (&working);
  after = rpt_test_file_digest (f->path);
  g_assert_cmpstr (before, ==, after);
  g_assert_cmpint (sql_int (f->path, "PRAGMA user_version"), ==, 1);

  /* Read-write: migrated on disk, in one transaction. */
  store = rpt_store_open (f->path, RPT_STORE_OPEN_READ_WRITE, &error);
  g_assert_no_error (error);
  g_assert_cmpint (sql_int (f->path, "PRAGMA user_version"), ==, RPT_STORE_SCHEMA_VERSION);
  g_assert_cmpint (sql_int (f->path, "SELECT count(*) FROM sqlite_schema WHERE name = 'letter'"),
                   ==, 0);
  g_assert_cmpint (sql_int (f->path, "SELECT count(*) FROM item"), ==, 49);

  working = rpt_store_load (store, &error);
  g_assert_no_error (error);
  g_free (xml_working);
  xml_working = letter_xml (working);
  g_assert_nonnull (strstr (xml_working, edited));
  /* a file from before the form of title existed: not recorded */
  g_assert_cmpint (
    rpt_signatory_get_title_form (rpt_letter_get_item (working, RPT_PART_SIGNATORIES, 0)), ==,
    RPT_TITLE_FORM_UNSPECIFIED);

  versions = rpt_store_list_versions (store, &error);
  g_assert_cmpuint (g_list_model_get_n_items (versions), ==, 1);
  info = g_list_model_get_item (versions, 0);
  g_assert_cmpstr (rpt_version_get_author (info), ==, "Test Drafter");
  g_assert_cmpstr (rpt_version_get_message (info), ==, "First draft for review");
  v1 = rpt_store_load_version (store, 1, &error);
  g_assert_no_error (error);
  xml_v1 = letter_xml (v1);
  g_assert_null (strstr (xml_v1, edited));
  g_assert_cmpstr (xml_v1, ==, xml_sample);

  /* Saving after migration writes only the change. */
  rpt_paragraph_set_text (rpt_letter_get_item (working, RPT_PART_FACTS, 8), "edited");
  g_assert_true (rpt_store_save (store, working, &error));
  g_assert_cmpuint (rpt_store_get_last_save_rows (store), ==, 1);
}

/* Version 2 had no form of title on signatories: its files open as they
 * are, "not recorded", and become version 3 when opened for writing, so
 * that a version 2 program (which would drop the form when it rewrites
 * the row) refuses them after that. */
static void
test_migration_v2_title_form (Fixture *f, gconstpointer data)
{
  g_autofree char *fixture = rpt_test_source_path ("tests", "data", "v2-sample.rapporteur", NULL);
  g_autofree char *contents = NULL;
  g_autoptr (GError) error = NULL;
  g_autoptr (RptStore) store = NULL;
  g_autoptr (RptLetter) letter = NULL;
  gsize length = 0;

  g_assert_true (g_file_get_contents (fixture, &contents, &length, NULL));
  g_assert_true (g_file_set_contents (f->path, contents, (gssize) length, NULL));
  store = rpt_store_open (f->path, RPT_STORE_OPEN_READ_WRITE, &error);
  g_assert_no_error (error);
  g_assert_cmpint (sql_int (f->path, "PRAGMA user_version"), ==, RPT_STORE_SCHEMA_VERSION);
  letter = rpt_store_load (store, &error);
  g_assert_no_error (error);
  g_assert_cmpint (
    rpt_signatory_get_title_form (rpt_letter_get_item (letter, RPT_PART_SIGNATORIES, 0)), ==,
    RPT_TITLE_FORM_UNSPECIFIED);
  rpt_signatory_set_title_form (rpt_letter_get_item (letter, RPT_PART_SIGNATORIES, 0),
                                RPT_TITLE_FORM_FEMININE);
  g_assert_true (rpt_store_save (store, letter, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (rpt_store_get_last_save_rows (store), ==, 1);
  rpt_store_close (store);
  g_clear_object (&store);
  g_clear_object (&letter);
  store = rpt_store_open (f->path, RPT_STORE_OPEN_READ_ONLY, &error);
  g_assert_no_error (error);
  letter = rpt_store_load (store, &error);
  g_assert_no_error (error);
  g_assert_cmpint (
    rpt_signatory_get_title_form (rpt_letter_get_item (letter, RPT_PART_SIGNATORIES, 0)), ==,
    RPT_TITLE_FORM_FEMININE);
}

/* The letter's words as a reader sees them, white space squeezed, bold
 * and italic marked as the published sample marks them. */
static char *
rendered_words (RptLetter *letter)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (RptTemplate) template = rpt_template_get_default (&error);
  g_autofree char *xml = rpt_letter_to_xml (letter, NULL);
  g_autofree char *document = NULL;
  g_autofree char *text = NULL;
  xmlDoc *doc;

  g_assert_no_error (error);
  document =
    rpt_template_render (template, xml, -1, rpt_reference_get_default (), NULL, NULL, &error);
  g_assert_no_error (error);
  doc = rpt_document_xml_read (document, -1, "document.xml", &error);
  g_assert_no_error (error);
  text = rpt_test_odf_text (rpt_document_xml_get_text (doc), TRUE);
  xmlFreeDoc (doc);
  return rpt_test_squeeze_words (text);
}

/* A schema version 3 document, made by the code before issue 10
 * (tests/data/README.md): it opens read-only and read-write, becomes
 * version 4, and every version and the working state still come out as
 * that Rapporteur wrote them: the published letter, with the edits the
 * file records. A new field then saves and versions like any other. */
static void
test_migration_v3 (Fixture *f, gconstpointer data)
{
  g_autofree char *fixture = rpt_test_source_path ("tests", "data", "v3-sample.rapporteur", NULL);
  g_autofree char *txt_path = rpt_test_shared_path ("samples", "AL-TJK-1-2025.txt", NULL);
  g_autofree char *published = NULL;
  g_autofree char *contents = NULL;
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  g_autofree char *v1 = NULL;
  g_autofree char *v2 = NULL;
  g_autofree char *working = NULL;
  gsize length = 0;

  if (txt_path == NULL)
    return;
  g_assert_true (g_file_get_contents (txt_path, &contents, NULL, NULL));
  published = rpt_test_squeeze_words (contents);
  g_clear_pointer (&contents, g_free);
  /* what the file's edits make of the published text */
  v1 = g_strdup (published);
  v2 = rpt_test_replace (v1, "the Supreme Court upheld", "the Supreme Court of Tajikistan upheld");
  {
    g_autofree char *t = v2;
    v2 = rpt_test_replace (t, "journalistic work.**", "journalistic work (revised).**");
  }
  working = rpt_test_replace (v2,
                              "We thank your Excellency's Government for its reply dated 15 May "
                              "2023 and regret not receiving a reply to communications AL TJK "
                              "1/2023 and AL TJK 2/2022.",
                              "We regret not receiving a reply to communications AL TJK 1/2023, "
                              "AL TJK 3/2022 and AL TJK 2/2022.");
  g_assert_cmpstr (working, !=, v2);

  g_assert_true (g_file_get_contents (fixture, &contents, &length, NULL));
  g_assert_true (g_file_set_contents (f->path, contents, (gssize) length, NULL));
  g_assert_cmpint (sql_int (f->path, "PRAGMA user_version"), ==, 3);
  /* A version 3 file may hold comments (an optional table the comments
   * brought, with no change of version): the migration keeps them. */
  sql_exec (f->path, "CREATE TABLE comment (id TEXT PRIMARY KEY NOT NULL, item_id TEXT, "
                     "parent_id TEXT, quote TEXT, author TEXT NOT NULL, created TEXT NOT NULL, "
                     "text TEXT NOT NULL, resolved INTEGER NOT NULL DEFAULT 0);"
                     "INSERT INTO comment VALUES ('6c1e4b7a-0f5d-4c58-9a43-5b0a3f7c2d11', NULL, "
                     "NULL, NULL, 'A. Reviewer', '2026-05-01T10:00:00Z', 'Check the date.', 0);");
  before = rpt_test_file_digest (f->path);

  for (guint pass = 0; pass < 2; pass++)
    {
      g_autoptr (GError) error = NULL;
      g_autoptr (RptStore) store = rpt_store_open (
        f->path, pass == 0 ? RPT_STORE_OPEN_READ_ONLY : RPT_STORE_OPEN_READ_WRITE, &error);
      const char *expected[] = { v1, v2 };
      g_autoptr (RptLetter) letter = NULL;
      g_autofree char *words = NULL;

      g_assert_no_error (error);
      for (guint v = 1; v <= 2; v++)
        {
          g_autoptr (RptLetter) version = rpt_store_load_version (store, v, &error);
          g_autofree char *version_words = NULL;

          g_assert_no_error (error); /* its digest holds */
          version_words = rendered_words (version);
          g_assert_cmpstr (version_words, ==, expected[v - 1]);
        }
      letter = rpt_store_load (store, &error);
      g_assert_no_error (error);
      words = rendered_words (letter);
      g_assert_cmpstr (words, ==, working);
      if (pass == 0)
        {
          rpt_store_close (store);
          after = rpt_test_file_digest (f->path);
          g_assert_cmpstr (before, ==, after); /* reading changes nothing */
          continue;
        }

      /* read-write: version 4, with the new columns, and the comment */
      g_assert_cmpint (sql_int (f->path, "PRAGMA user_version"), ==, RPT_STORE_SCHEMA_VERSION);
      {
        g_autoptr (GListStore) comments = rpt_comments_load (store, &error);

        g_assert_no_error (error);
        g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (comments)), ==, 1);
        {
          g_autoptr (RptComment) c = g_list_model_get_item (G_LIST_MODEL (comments), 0);
          g_assert_cmpstr (rpt_comment_get_text (c), ==, "Check the date.");
        }
      }
      g_assert_cmpint (
        sql_int (f->path,
                 "SELECT count(*) FROM pragma_table_info('head') WHERE name = 'facts_lead'"),
        ==, 1);
      g_assert_cmpint (sql_int (f->path, "SELECT count(*) FROM pragma_table_info('version_head') "
                                         "WHERE name = 'house_style'"),
                       ==, 1);
      /* a field of version 4, saved, kept as a version, read back */
      rpt_letter_set_facts_lead (letter, RPT_FACTS_LEAD_NEW_INFORMATION);
      rpt_letter_set_house_style (letter, "2015");
      g_assert_true (rpt_store_save (store, letter, &error));
      g_assert_no_error (error);
      g_assert_cmpuint (rpt_store_save_version (store, letter, "D", "follow-up", &error), ==, 3);
      g_assert_no_error (error);
    }

  {
    g_autoptr (GError) error = NULL;
    g_autoptr (RptStore) store = rpt_store_open (f->path, RPT_STORE_OPEN_READ_ONLY, &error);
    g_autoptr (RptLetter) working_back = rpt_store_load (store, &error);
    g_autoptr (RptLetter) v3 = rpt_store_load_version (store, 3, &error);
    g_autoptr (RptLetter) v2_back = rpt_store_load_version (store, 2, &error);

    g_assert_no_error (error);
    g_assert_cmpint (rpt_letter_get_facts_lead (working_back), ==, RPT_FACTS_LEAD_NEW_INFORMATION);
    g_assert_cmpstr (rpt_letter_get_house_style (working_back), ==, "2015");
    g_assert_cmpint (rpt_letter_get_facts_lead (v3), ==, RPT_FACTS_LEAD_NEW_INFORMATION);
    g_assert_cmpstr (rpt_letter_get_house_style (v3), ==, "2015");
    g_assert_cmpint (rpt_letter_get_facts_lead (v2_back), ==, RPT_FACTS_LEAD_INFORMATION_RECEIVED);
    g_assert_null (rpt_letter_get_house_style (v2_back));
  }
}

/* Every field issue 10 added goes through the file and its versions; a
 * damaged value is refused, not guessed. */
static void
test_wording_fields (Fixture *f, gconstpointer data)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (RptStore) store = NULL;
  g_autoptr (RptLetter) back = NULL;
  g_autoptr (RptLetter) version = NULL;
  g_autofree char *expected = NULL;
  g_autofree char *xml = NULL;
  RptCommunication *c = rpt_letter_get_item (f->sample, RPT_PART_COMMUNICATIONS, 0);

  rpt_letter_set_summary_article (f->sample, RPT_SUMMARY_ARTICLE_OWN);
  rpt_letter_set_summary_article_text (f->sample, "a series of");
  rpt_letter_set_facts_lead (f->sample, RPT_FACTS_LEAD_NEW_INFORMATION);
  rpt_letter_set_communications_place (f->sample, RPT_COMMUNICATIONS_PLACE_AFTER_FACTS);
  rpt_letter_set_co_senders (f->sample, "the <b>Inter-American</b> Commission on Human Rights");
  rpt_letter_set_house_style (f->sample, "2012");
  rpt_communication_set_sender (c, RPT_COMMUNICATION_SENDER_OTHERS);
  rpt_communication_set_senders (c, "the Special Rapporteur on torture");
  rpt_communication_set_reply (c, RPT_REPLY_PARTIAL);
  rpt_communication_set_reply_comment (c, "that the reply does not address the charges");
  rpt_communication_set_sentence (c, "We <i>recall</i> this communication.");
  expected = letter_xml (f->sample);

  store = rpt_store_create (f->path, f->sample, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (rpt_store_save_version (store, f->sample, "D", "v1", &error), ==, 1);
  g_assert_no_error (error);
  rpt_store_close (store);
  g_clear_object (&store);

  store = rpt_store_open (f->path, RPT_STORE_OPEN_READ_ONLY, &error);
  g_assert_no_error (error);
  back = rpt_store_load (store, &error);
  g_assert_no_error (error);
  xml = letter_xml (back);
  g_assert_cmpstr (xml, ==, expected);
  version = rpt_store_load_version (store, 1, &error);
  g_assert_no_error (error);
  g_clear_pointer (&xml, g_free);
  xml = letter_xml (version);
  g_assert_cmpstr (xml, ==, expected);
  rpt_store_close (store);
  g_clear_object (&store);

  /* a value no Rapporteur writes */
  sql_exec (f->path, "UPDATE head SET facts_lead = 'invented'");
  store = rpt_store_open (f->path, RPT_STORE_OPEN_READ_ONLY, &error);
  g_assert_no_error (error);
  g_clear_object (&back);
  back = rpt_store_load (store, &error);
  g_assert_null (back);
  g_assert_error (error, RPT_ERROR, RPT_ERROR_CORRUPT);
}

static void
test_refuses_newer (Fixture *f, gconstpointer data)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (RptStore) store = rpt_store_create (f->path, f->sample, &error);
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;

  g_assert_no_error (error);
  rpt_store_close (store);
  g_clear_object (&store);
  sql_exec (f->path, "PRAGMA user_version = 99");
  before = rpt_test_file_digest (f->path);

  store = rpt_store_open (f->path, RPT_STORE_OPEN_READ_WRITE, &error);
  g_assert_null (store);
  g_assert_error (error, RPT_ERROR, RPT_ERROR_NEWER_VERSION);
  g_assert_nonnull (strstr (error->message, "newer version of Rapporteur"));
  after = rpt_test_file_digest (f->path);
  g_assert_cmpstr (before, ==, after);
}

static void
assert_refused (const char *path, int code)
{
  g_autoptr (GError) error = NULL;
  g_autofree char *before = rpt_test_file_digest (path);
  g_autofree char *after = NULL;
  g_autoptr (RptStore) store = rpt_store_open (path, RPT_STORE_OPEN_READ_WRITE, &error);
  g_autoptr (RptLetter) letter = NULL;

  if (store != NULL)
    letter = rpt_store_load (store, &error);
  g_assert_null (letter);
  g_assert_error (error, RPT_ERROR, code);
  g_test_message ("%s", error->message);
  g_clear_object (&store);
  after = rpt_test_file_digest (path);
  g_assert_cmpstr (before, ==, after);
}

static void
test_refuses_foreign (Fixture *f, gconstpointer data)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (RptStore) store = NULL;
  g_autofree char *text = g_build_filename (f->dir, "notes.txt", NULL);
  g_autofree char *empty = g_build_filename (f->dir, "empty.rapporteur", NULL);
  g_autofree char *other = g_build_filename (f->dir, "other.sqlite", NULL);
  g_autofree char *ours_no_tables = g_build_filename (f->dir, "hollow.rapporteur", NULL);
  g_autofree char *sql = NULL;

  g_assert_true (g_file_set_contents (text, "Dear diary, this is not a letter.\n", -1, NULL));
  assert_refused (text, RPT_ERROR_NOT_A_DOCUMENT);
  g_assert_true (g_file_set_contents (empty, "", 0, NULL));
  assert_refused (empty, RPT_ERROR_NOT_A_DOCUMENT);

  /* A database of another program. */
  sql_exec (other, "CREATE TABLE t (x); INSERT INTO t VALUES (1); PRAGMA application_id = 42;");
  assert_refused (other, RPT_ERROR_NOT_A_DOCUMENT);

  /* Ours by its id, but without our tables. */
  sql = g_strdup_printf ("CREATE TABLE t (x); PRAGMA application_id = %d; PRAGMA user_version = 2;",
                         RPT_STORE_APPLICATION_ID);
  sql_exec (ours_no_tables, sql);
  assert_refused (ours_no_tables, RPT_ERROR_CORRUPT);

  /* Not there at all. */
  store = rpt_store_open (f->path, RPT_STORE_OPEN_READ_ONLY, &error);
  g_assert_null (store);
  g_assert_error (error, RPT_ERROR, RPT_ERROR_NOT_FOUND);
}

static void
test_refuses_damaged (Fixture *f, gconstpointer data)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (RptStore) store = NULL;
  g_autoptr (RptLetter) big = load_sample ();
  g_autofree char *bytes = NULL;
  g_autofree char *truncated = g_build_filename (f->dir, "truncated.rapporteur", NULL);
  g_autofree char *bad_head = g_build_filename (f->dir, "bad-head.rapporteur", NULL);
  g_autofree char *bad_row = g_build_filename (f->dir, "bad-row.rapporteur", NULL);
  gsize len;

  /* Versions make the file span many pages, so half of it is damage. */
  store = rpt_store_create (f->path, big, &error);
  g_assert_no_error (error);
  for (guint i = 0; i < 5; i++)
    rpt_store_save_version (store, big, "a", "b", &error);
  rpt_store_close (store);

  g_assert_true (g_file_get_contents (f->path, &bytes, &len, NULL));
  g_assert_true (g_file_set_contents (truncated, bytes, len / 2, NULL));
  assert_refused (truncated, RPT_ERROR_CORRUPT);

  /* Values a hand-edited file could hold are refused, not trusted. */
  g_assert_true (g_file_set_contents (bad_head, bytes, len, NULL));
  sql_exec (bad_head, "UPDATE head SET kind = 'XX'");
  assert_refused (bad_head, RPT_ERROR_CORRUPT);
  g_assert_true (g_file_set_contents (bad_row, bytes, len, NULL));
  sql_exec (bad_row, "UPDATE item SET xml = '<fact>' WHERE part = 'facts'");
  assert_refused (bad_row, RPT_ERROR_CORRUPT);
}

static void
test_disk_full (Fixture *f, gconstpointer data)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (RptStore) store = rpt_store_create (f->path, f->sample, &error);
  g_autoptr (RptLetter) letter = NULL;
  g_autoptr (GString) big = g_string_new (NULL);
  g_autoptr (RptParagraph) p = NULL;
  g_autofree char *expected = letter_xml (f->sample);
  g_autofree char *got = NULL;
  gint64 pages = 0;
  g_autofree char *limit = NULL;

  g_assert_no_error (error);
  letter = rpt_store_load (store, &error);

  /* The file may not grow: SQLite answers SQLITE_FULL as on a full disk. */
  g_assert_true (
    rpt_sqlite_get_int (_rpt_store_get_sqlite (store), "PRAGMA page_count", &pages, &error));
  limit = g_strdup_printf ("PRAGMA max_page_count = %" G_GINT64_FORMAT, pages);
  g_assert_true (rpt_sqlite_exec (_rpt_store_get_sqlite (store), limit, &error));

  while (big->len < 256 * 1024)
    g_string_append (big, "A long new fact that needs more room than the file has. ");
  p = rpt_paragraph_new (big->str);
  rpt_letter_append_item (letter, RPT_PART_FACTS, p);
  rpt_paragraph_set_text (rpt_letter_get_item (letter, RPT_PART_FACTS, 0), "changed too");

  g_assert_false (rpt_store_save (store, letter, &error));
  g_assert_error (error, RPT_ERROR, RPT_ERROR_NO_SPACE);
  g_test_message ("%s", error->message);
  g_clear_error (&error);

  /* The file still holds the last saved state, whole. */
  got = stored_xml (f->path);
  g_assert_cmpstr (got, ==, expected);
  g_clear_pointer (&got, g_free);

  /* With room again, the same save goes through and writes both rows. */
  g_assert_true (
    rpt_sqlite_exec (_rpt_store_get_sqlite (store), "PRAGMA max_page_count = 1073741823", &error));
  g_assert_true (rpt_store_save (store, letter, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (rpt_store_get_last_save_rows (store), ==, 2);
  rpt_store_close (store);
  g_free (expected);
  expected = letter_xml (letter);
  got = stored_xml (f->path);
  g_assert_cmpstr (got, ==, expected);
}

typedef struct
{
  RptStore *store;
  RptStoreSnapshot *snap;
  GError *error;
} SaveJob;

static gpointer
save_in_thread (gpointer data)
{
  SaveJob *job = data;

  return GINT_TO_POINTER (rpt_store_save_snapshot (job->store, job->snap, &job->error));
}

static void
test_snapshot_in_thread (Fixture *f, gconstpointer data)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (RptStore) store = rpt_store_create (f->path, f->sample, &error);
  g_autoptr (RptStoreSnapshot) snap = NULL;
  g_autofree char *expected = NULL;
  g_autofree char *got = NULL;
  SaveJob job = { 0 };
  GThread *thread;

  g_assert_no_error (error);
  rpt_letter_set_summary (f->sample, "saved from a worker");
  snap = rpt_store_snapshot_new (f->sample);
  expected = letter_xml (f->sample);
  g_assert_cmpstr (rpt_store_snapshot_get_xml (snap), ==, expected);

  /* The worker saves the snapshot while the letter goes on changing on
   * its own thread: the file gets the letter as it was when taken. */
  job.store = store;
  job.snap = snap;
  thread = g_thread_new ("save", save_in_thread, &job);
  rpt_letter_set_summary (f->sample, "changed after the snapshot");
  g_assert_true (GPOINTER_TO_INT (g_thread_join (thread)));
  g_assert_no_error (job.error);
  rpt_store_close (store);
  got = stored_xml (f->path);
  g_assert_cmpstr (got, ==, expected);
}

int
main (int argc, char **argv)
{
  rpt_test_init (&argc, &argv);

#define ADD(path, func) g_test_add (path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)
  ADD ("/store/migration-v3", test_migration_v3);
  ADD ("/store/wording-fields", test_wording_fields);
  ADD ("/store/create-and-reopen", test_create_and_reopen);
  ADD ("/store/create-refuses-existing", test_create_refuses_existing);
  ADD ("/store/create-missing-folder", test_create_missing_folder);
  ADD ("/store/save-writes-only-changes", test_save_writes_only_changes);
  ADD ("/store/other-writer", test_other_writer);
  ADD ("/store/versions", test_versions);
  ADD ("/store/read-only", test_read_only);
  ADD ("/store/migration-v1", test_migration_v1);
  ADD ("/store/migration-v2", test_migration_v2);
  ADD ("/store/migration-v2-title-form", test_migration_v2_title_form);
  ADD ("/store/versions-small", test_versions_small);
  ADD ("/store/version-damage", test_version_damage);
  ADD ("/store/refuses-newer", test_refuses_newer);
  ADD ("/store/refuses-foreign", test_refuses_foreign);
  ADD ("/store/refuses-damaged", test_refuses_damaged);
  ADD ("/store/disk-full", test_disk_full);
  ADD ("/store/snapshot", test_snapshot_in_thread);
#undef ADD

  return g_test_run ();
}
