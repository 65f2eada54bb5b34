/* test-letter-file.c
 *
 * Copyright 2026 The Rapporteur authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include <glib/gstdio.h>

#include "rpt-edit.h"
#include "rpt-exporter.h"
#include "rpt-letter-file.h"
#include "rpt-test-util.h"

/* Autosave: every change reaches the file within a second, typing never
 * waits, changes during a save are coalesced into the next one, and a new
 * letter has a file in the drafts folder from its first change. */

typedef struct
{
  char *dir;
  char *drafts;
} Fixture;

static void
fixture_set_up (Fixture *f, gconstpointer data)
{
  f->dir = rpt_test_make_tmpdir ();
  f->drafts = g_build_filename (f->dir, "drafts", NULL);
}

static void
fixture_tear_down (Fixture *f, gconstpointer data)
{
  rpt_test_rm_rf (f->dir);
  g_free (f->dir);
  g_free (f->drafts);
}

static RptLetter *
load_sample (void)
{
  g_autofree char *path = rpt_test_source_path ("data", "samples", "AL-TJK-1-2025.xml", NULL);
  g_autoptr (GError) error = NULL;
  RptLetter *letter = rpt_letter_new_from_xml_file (path, &error);

  g_assert_no_error (error);
  return letter;
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
  return rpt_letter_to_xml (letter, NULL);
}

static gboolean
is_clean (RptLetterFile *file)
{
  return !rpt_letter_file_get_dirty (file);
}

/* Runs the main loop until @cond holds, failing after @timeout_ms. */
static void
wait_until (RptLetterFile *file, gboolean (*cond) (RptLetterFile *), guint timeout_ms)
{
  gint64 end = g_get_monotonic_time () + timeout_ms * 1000;

  while (!cond (file))
    {
      g_assert_cmpint (g_get_monotonic_time (), <, end);
      g_main_context_iteration (NULL, FALSE);
      g_usleep (1000);
    }
}

static void
test_draft_created_on_first_change (Fixture *f, gconstpointer data)
{
  g_autoptr (RptLetter) letter = rpt_letter_new ();
  g_autoptr (RptLetterFile) file = rpt_letter_file_new_draft (letter, f->drafts);
  g_autofree char *expected = NULL;
  g_autofree char *xml = NULL;
  g_autoptr (RptParagraph) fact = NULL;
  gint64 start;

  /* No change, no file. */
  g_assert_null (rpt_letter_file_get_path (file));
  g_assert_false (g_file_test (f->drafts, G_FILE_TEST_EXISTS));
  g_assert_false (rpt_letter_file_get_dirty (file));

  start = g_get_monotonic_time ();
  fact = rpt_paragraph_new ("Journalist <b>detained</b> at dawn.");
  rpt_letter_append_item (letter, RPT_PART_FACTS, fact);
  g_assert_true (rpt_letter_file_get_dirty (file));
  wait_until (file, is_clean, 5000);
  /* Within a second of the change. */
  g_assert_cmpint (g_get_monotonic_time () - start, <, G_USEC_PER_SEC);

  expected = g_strconcat (rpt_letter_get_id (letter), ".rapporteur", NULL);
  g_assert_nonnull (rpt_letter_file_get_path (file));
  g_assert_true (g_str_has_prefix (rpt_letter_file_get_path (file), f->drafts));
  g_assert_true (g_str_has_suffix (rpt_letter_file_get_path (file), expected));
  xml = stored_xml (rpt_letter_file_get_path (file));
  g_assert_nonnull (strstr (xml, "Journalist <b>detained</b> at dawn."));
}

static void
test_coalesce (Fixture *f, gconstpointer data)
{
  g_autoptr (RptLetter) letter = load_sample ();
  g_autoptr (RptLetterFile) file = rpt_letter_file_new_draft (letter, f->drafts);
  g_autofree char *xml = NULL;
  g_autofree char *stored = NULL;
  RptParagraph *fact = rpt_letter_get_item (letter, RPT_PART_FACTS, 0);
  GString *text = g_string_new (rpt_paragraph_get_text (fact));

  rpt_letter_file_set_autosave_delay (file, 20);
  /* Typing, one character at a time, while saves run. */
  for (guint i = 0; i < 200; i++)
    {
      g_string_append_c (text, 'a' + (i % 26));
      rpt_paragraph_set_text (fact, text->str);
      g_main_context_iteration (NULL, FALSE);
    }
  wait_until (file, is_clean, 5000);
  xml = rpt_letter_to_xml (letter, NULL);
  stored = stored_xml (rpt_letter_file_get_path (file));
  g_assert_cmpstr (stored, ==, xml);
  g_string_free (text, TRUE);
}

static void
save_cb (GObject *source, GAsyncResult *result, gpointer user_data)
{
  gboolean *done = user_data;
  g_autoptr (GError) error = NULL;

  g_assert_true (rpt_letter_file_save_finish (RPT_LETTER_FILE (source), result, &error));
  g_assert_no_error (error);
  *done = TRUE;
}

static void
test_flush (Fixture *f, gconstpointer data)
{
  g_autoptr (RptLetter) letter = load_sample ();
  g_autoptr (RptLetterFile) file = rpt_letter_file_new_draft (letter, f->drafts);
  g_autofree char *stored = NULL;
  gboolean done = FALSE;

  /* A long delay: only the flush (what closing waits for) saves. */
  rpt_letter_file_set_autosave_delay (file, 60000);
  rpt_letter_set_summary (letter, "flushed on close");
  rpt_letter_file_save_async (file, NULL, save_cb, &done);
  while (!done)
    g_main_context_iteration (NULL, TRUE);
  stored = stored_xml (rpt_letter_file_get_path (file));
  g_assert_nonnull (strstr (stored, "flushed on close"));
  g_assert_false (rpt_letter_file_get_dirty (file));

  /* Nothing to save: done at once. */
  done = FALSE;
  rpt_letter_file_save_async (file, NULL, save_cb, &done);
  while (!done)
    g_main_context_iteration (NULL, TRUE);
}

static void
open_cb (GObject *source, GAsyncResult *result, gpointer user_data)
{
  RptLetterFile **out = user_data;
  g_autoptr (GError) error = NULL;

  *out = rpt_letter_file_open_finish (result, &error);
  g_assert_no_error (error);
}

static void
test_open_and_save (Fixture *f, gconstpointer data)
{
  g_autoptr (RptLetter) sample = load_sample ();
  g_autofree char *path = g_build_filename (f->dir, "letter.rapporteur", NULL);
  g_autoptr (RptStore) store = NULL;
  g_autoptr (GError) error = NULL;
  g_autoptr (RptLetterFile) file = NULL;
  g_autofree char *stored = NULL;
  g_autofree char *xml = NULL;
  RptLetter *letter;

  store = rpt_store_create (path, sample, &error);
  g_assert_no_error (error);
  g_clear_object (&store);

  rpt_letter_file_open_async (path, FALSE, NULL, open_cb, &file);
  while (file == NULL)
    g_main_context_iteration (NULL, TRUE);
  g_assert_cmpstr (rpt_letter_file_get_path (file), ==, path);
  g_assert_true (rpt_letter_file_has_path (file, path));
  letter = rpt_letter_file_get_letter (file);
  g_assert_cmpuint (rpt_letter_get_n_items (letter, RPT_PART_FACTS), ==, 10);

  /* Reorder, duplicate: in the file. */
  g_assert_true (rpt_edit_move_item (letter, RPT_PART_FACTS, 0, 1));
  g_assert_nonnull (rpt_edit_duplicate_item (letter, RPT_PART_FACTS, 2));
  wait_until (file, is_clean, 5000);
  stored = stored_xml (path);
  xml = rpt_letter_to_xml (letter, NULL);
  g_assert_cmpstr (stored, ==, xml);
}

static void
test_import_xml (Fixture *f, gconstpointer data)
{
  g_autofree char *path = rpt_test_source_path ("data", "samples", "AL-TJK-1-2025.xml", NULL);
  g_autoptr (RptLetterFile) file = NULL;

  /* Letter XML opens as a new draft: the XML file is never written. */
  rpt_letter_file_open_async (path, FALSE, NULL, open_cb, &file);
  while (file == NULL)
    g_main_context_iteration (NULL, TRUE);
  g_assert_null (rpt_letter_file_get_path (file));
  g_assert_false (rpt_letter_file_get_read_only (file));
  g_assert_cmpuint (rpt_letter_get_n_items (rpt_letter_file_get_letter (file), RPT_PART_FACTS), ==,
                    10);
}

static gboolean
has_error (RptLetterFile *file)
{
  return rpt_letter_file_get_save_error (file) != NULL;
}

static void
test_save_error_keeps_letter (Fixture *f, gconstpointer data)
{
  g_autofree char *blocker = g_build_filename (f->dir, "not-a-folder", NULL);
  g_autofree char *drafts = g_build_filename (blocker, "drafts", NULL);
  g_autoptr (RptLetter) letter = rpt_letter_new ();
  g_autoptr (RptLetterFile) file = NULL;

  /* The drafts folder cannot be made (a file is in the way, which stops
   * root too): the save fails, says why, and the letter stays dirty in
   * memory for the next try. */
  g_assert_true (g_file_set_contents (blocker, "", 0, NULL));
  file = rpt_letter_file_new_draft (letter, drafts);
  rpt_letter_set_summary (letter, "kept in memory");
  wait_until (file, has_error, 5000);
  g_assert_true (rpt_letter_file_get_dirty (file));
  g_assert_null (rpt_letter_file_get_path (file));
  g_assert_cmpstr (rpt_letter_get_summary (letter), ==, "kept in memory");
}

static void
test_two_drafts_of_one_letter (Fixture *f, gconstpointer data)
{
  g_autoptr (RptLetter) a = load_sample ();
  g_autoptr (RptLetter) b = load_sample ();
  g_autoptr (RptLetterFile) fa = rpt_letter_file_new_draft (a, f->drafts);
  g_autoptr (RptLetterFile) fb = rpt_letter_file_new_draft (b, f->drafts);
  g_autofree char *xa = NULL;
  g_autofree char *xb = NULL;

  /* Same id, two drafts: neither overwrites the other. */
  rpt_letter_set_summary (a, "first copy");
  wait_until (fa, is_clean, 5000);
  rpt_letter_set_summary (b, "second copy");
  wait_until (fb, is_clean, 5000);
  g_assert_cmpstr (rpt_letter_file_get_path (fa), !=, rpt_letter_file_get_path (fb));
  xa = stored_xml (rpt_letter_file_get_path (fa));
  xb = stored_xml (rpt_letter_file_get_path (fb));
  g_assert_nonnull (strstr (xa, "first copy"));
  g_assert_nonnull (strstr (xb, "second copy"));
}

static void
version_cb (GObject *source, GAsyncResult *result, gpointer user_data)
{
  guint *number = user_data;
  g_autoptr (GError) error = NULL;

  *number = rpt_letter_file_save_version_finish (RPT_LETTER_FILE (source), result, &error);
  g_assert_no_error (error);
}

static void
list_cb (GObject *source, GAsyncResult *result, gpointer user_data)
{
  GListModel **out = user_data;
  g_autoptr (GError) error = NULL;

  *out = rpt_letter_file_list_versions_finish (RPT_LETTER_FILE (source), result, &error);
  g_assert_no_error (error);
}

static void
restore_cb (GObject *source, GAsyncResult *result, gpointer user_data)
{
  gboolean *done = user_data;
  g_autoptr (GError) error = NULL;
  guint backup = 0;

  g_assert_true (
    rpt_letter_file_restore_version_finish (RPT_LETTER_FILE (source), result, &backup, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (backup, ==, 2);
  *done = TRUE;
}

static void
test_versions (Fixture *f, gconstpointer data)
{
  g_autoptr (RptLetter) letter = rpt_letter_new ();
  g_autoptr (RptLetterFile) file = rpt_letter_file_new_draft (letter, f->drafts);
  g_autoptr (GListModel) versions = NULL;
  g_autoptr (RptVersion) first = NULL;
  guint number = 0;
  gboolean done = FALSE;

  /* A draft never changed gets a file for its first version. */
  rpt_letter_file_save_version_async (file, "Test Drafter", "Empty", NULL, version_cb, &number);
  while (number == 0)
    g_main_context_iteration (NULL, TRUE);
  g_assert_cmpuint (number, ==, 1);
  g_assert_nonnull (rpt_letter_file_get_path (file));

  rpt_letter_set_summary (letter, "second thoughts");
  rpt_letter_file_list_versions_async (file, NULL, list_cb, &versions);
  while (versions == NULL)
    g_main_context_iteration (NULL, TRUE);
  g_assert_cmpuint (g_list_model_get_n_items (versions), ==, 1);
  first = g_list_model_get_item (versions, 0);
  g_assert_cmpstr (rpt_version_get_author (first), ==, "Test Drafter");
  g_assert_cmpstr (rpt_version_get_message (first), ==, "Empty");

  rpt_letter_file_restore_version_async (file, 1, "Test Drafter", NULL, restore_cb, &done);
  while (!done)
    g_main_context_iteration (NULL, TRUE);
  g_assert_cmpstr (rpt_letter_get_summary (rpt_letter_file_get_letter (file)), ==, "");
}

static void
moved_cb (GObject *source, GAsyncResult *result, gpointer user_data)
{
  GError **out = user_data;

  if (!rpt_letter_file_move_finish (RPT_LETTER_FILE (source), result, out) && *out == NULL)
    g_assert_not_reached ();
  g_object_set_data (source, "moved", GINT_TO_POINTER (1));
}

static GError *
move (RptLetterFile *file, const char *path, gboolean copy)
{
  GError *error = NULL;

  g_object_set_data (G_OBJECT (file), "moved", NULL);
  rpt_letter_file_move_async (file, path, copy, NULL, moved_cb, &error);
  while (g_object_get_data (G_OBJECT (file), "moved") == NULL)
    g_main_context_iteration (NULL, TRUE);
  return error;
}

/* Save As: the letter with its versions at the chosen place; the draft it
 * was leaves the drafts folder; later changes go to the new file. */
static void
test_save_as (Fixture *f, gconstpointer data)
{
  g_autoptr (RptLetter) letter = load_sample ();
  g_autoptr (RptLetterFile) file = rpt_letter_file_new_draft (letter, f->drafts);
  g_autofree char *target = g_build_filename (f->dir, "AL TJK 1-2025.rapporteur", NULL);
  g_autofree char *draft = NULL;
  g_autofree char *copy = g_build_filename (f->dir, "copy.rapporteur", NULL);
  g_autofree char *name = NULL;
  g_autoptr (GError) error = NULL;
  g_autoptr (RptStore) store = NULL;
  g_autoptr (GListModel) versions = NULL;
  g_autofree char *xml = NULL;
  g_autofree char *stored = NULL;
  guint number = 0;

  rpt_letter_file_save_version_async (file, "Test Drafter", "First", NULL, version_cb, &number);
  while (number == 0)
    g_main_context_iteration (NULL, TRUE);
  draft = g_strdup (rpt_letter_file_get_path (file));
  g_assert_null (rpt_letter_file_dup_file_name (file));
  rpt_letter_set_date (letter, "2025-05-01");

  error = move (file, target, TRUE);
  g_assert_no_error (error);
  g_assert_cmpstr (rpt_letter_file_get_path (file), ==, target);
  g_assert_false (g_file_test (draft, G_FILE_TEST_EXISTS));
  name = rpt_letter_file_dup_file_name (file);
  g_assert_cmpstr (name, ==, "AL TJK 1-2025");
  {
    GStatBuf st;
    g_assert_cmpint (g_stat (target, &st), ==, 0);
    g_assert_cmpint (st.st_mode & 0777, ==, 0600);
  }
  store = rpt_store_open (target, RPT_STORE_OPEN_READ_ONLY, &error);
  g_assert_no_error (error);
  versions = rpt_store_list_versions (store, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (versions), ==, 1);
  g_clear_object (&store);

  /* Typing goes on into the new file. */
  rpt_letter_set_summary (letter, "after the save as");
  wait_until (file, is_clean, 10000);
  stored = stored_xml (target);
  xml = rpt_letter_to_xml (letter, NULL);
  g_assert_cmpstr (stored, ==, xml);

  /* A named letter saved as another name stays where it was. */
  error = move (file, copy, TRUE);
  g_assert_no_error (error);
  g_assert_true (g_file_test (target, G_FILE_TEST_EXISTS));
  g_assert_cmpstr (rpt_letter_file_get_path (file), ==, copy);
}

/* Rename: never over another file, nothing lost either way. */
static void
test_rename (Fixture *f, gconstpointer data)
{
  g_autoptr (RptLetter) letter = load_sample ();
  g_autoptr (RptLetterFile) file = rpt_letter_file_new_draft (letter, f->drafts);
  g_autofree char *other = g_build_filename (f->dir, "other.rapporteur", NULL);
  g_autofree char *renamed = g_build_filename (f->dir, "renamed.rapporteur", NULL);
  g_autofree char *before = NULL;
  g_autofree char *xml = NULL;
  g_autofree char *stored = NULL;
  g_autoptr (GError) error = NULL;

  g_assert_true (g_file_set_contents (other, "not mine", -1, NULL));
  rpt_letter_set_date (letter, "2025-05-02");
  error = move (file, renamed, FALSE);
  g_assert_no_error (error);
  before = g_strdup (rpt_letter_file_get_path (file));
  g_assert_cmpstr (before, ==, renamed);

  /* Onto an existing file: refused, the file untouched, the letter too. */
  rpt_letter_set_summary (letter, "renamed once");
  error = move (file, other, FALSE);
  g_assert_error (error, RPT_ERROR, RPT_ERROR_EXISTS);
  g_clear_error (&error);
  {
    g_autofree char *contents = NULL;
    g_assert_true (g_file_get_contents (other, &contents, NULL, NULL));
    g_assert_cmpstr (contents, ==, "not mine");
  }
  g_assert_cmpstr (rpt_letter_file_get_path (file), ==, renamed);
  wait_until (file, is_clean, 10000);
  stored = stored_xml (renamed);
  xml = rpt_letter_to_xml (letter, NULL);
  g_assert_cmpstr (stored, ==, xml);
}

static void
test_names (void)
{
  g_autofree char *a = rpt_letter_file_dup_name_for_path ("/x/AL TJK 1-2025.rapporteur");
  g_autofree char *b =
    rpt_letter_file_dup_name_for_path ("/x/drafts/6f0e9c1e-1b0a-4c2e-9a3e-0c7d2b4b8f10.rapporteur");
  g_autofree char *c = rpt_letter_file_dup_name_for_path (
    "/x/drafts/6f0e9c1e-1b0a-4c2e-9a3e-0c7d2b4b8f10~2.rapporteur");

  g_assert_cmpstr (a, ==, "AL TJK 1-2025");
  g_assert_null (b);
  g_assert_null (c);
}

/* Exports are named after the reference, else the name given, never with
 * a slash; each letter goes back to the folder it was exported to. */
static void
test_export_names_and_folders (Fixture *f, gconstpointer data)
{
  g_autoptr (RptLetter) letter = load_sample ();
  g_autoptr (RptLetter) other = rpt_letter_new ();
  g_autoptr (GSettings) settings = g_settings_new (APP_ID);
  g_autofree char *a = rpt_exporter_dup_suggested_name (letter, RPT_EXPORTER_PDF, "ignored");
  g_autofree char *b = rpt_exporter_dup_suggested_name (other, RPT_EXPORTER_ODT, "Bill 42/2025");
  g_autofree char *c = rpt_exporter_dup_suggested_name (other, RPT_EXPORTER_PDF, NULL);
  g_autofree char *gone = g_build_filename (f->dir, "gone", NULL);
  g_autoptr (GFile) folder = NULL;
  g_autoptr (GFile) fallback = NULL;
  g_autoptr (GFile) after = NULL;
  g_autofree char *path = NULL;

  g_assert_cmpstr (a, ==, "AL TJK 1-2025.pdf");
  g_assert_cmpstr (b, ==, "Bill 42-2025.odt");
  g_assert_cmpstr (c, ==, "Draft letter.pdf");

  rpt_exporter_remember_folder (settings, rpt_letter_get_id (letter), f->dir);
  folder = rpt_exporter_dup_folder (settings, rpt_letter_get_id (letter));
  path = g_file_get_path (folder);
  g_assert_cmpstr (path, ==, f->dir);
  /* Another letter: the Documents folder, or the home folder. */
  fallback = rpt_exporter_dup_folder (settings, rpt_letter_get_id (other));
  g_assert_false (g_file_equal (fallback, folder));
  {
    g_autofree char *fallback_path = g_file_get_path (fallback);
    const char *documents = g_get_user_special_dir (G_USER_DIRECTORY_DOCUMENTS);
    g_assert_true (g_strcmp0 (fallback_path, documents) == 0 ||
                   g_strcmp0 (fallback_path, g_get_home_dir ()) == 0);
  }
  /* A folder since removed is not offered. */
  rpt_exporter_remember_folder (settings, rpt_letter_get_id (letter), gone);
  after = rpt_exporter_dup_folder (settings, rpt_letter_get_id (letter));
  g_assert_true (g_file_equal (after, fallback));
}

static void
test_title (void)
{
  g_autoptr (RptLetter) letter = rpt_letter_new ();
  g_autofree char *t1 = NULL;
  g_autofree char *t2 = NULL;
  g_autofree char *t3 = NULL;

  rpt_letter_set_kind (letter, RPT_LETTER_KIND_UA);
  t1 = rpt_letter_file_dup_title_for_letter (letter);
  g_assert_cmpstr (t1, ==, "New Urgent Appeal");
  rpt_letter_set_summary (letter, "alleged <b>detention</b> of a journalist");
  t2 = rpt_letter_file_dup_title_for_letter (letter);
  g_assert_cmpstr (t2, ==, "Alleged detention of a journalist");
  rpt_letter_set_country (letter, "TJK");
  rpt_letter_set_reference_number (letter, 3);
  rpt_letter_set_reference_year (letter, 2026);
  t3 = rpt_letter_file_dup_title_for_letter (letter);
  g_assert_cmpstr (t3, ==, "UA TJK 3/2026");
}

static void
test_edit_ops (void)
{
  g_autoptr (RptLetter) letter = load_sample ();
  g_autofree char *first =
    g_strdup (rpt_letter_item_get_id (rpt_letter_get_item (letter, RPT_PART_FACTS, 0)));
  RptParagraph *copy;

  g_assert_false (rpt_edit_move_item (letter, RPT_PART_FACTS, 0, -1));
  g_assert_true (rpt_edit_move_item (letter, RPT_PART_FACTS, 0, 1));
  g_assert_cmpstr (rpt_letter_item_get_id (rpt_letter_get_item (letter, RPT_PART_FACTS, 1)), ==,
                   first);
  g_assert_true (rpt_edit_move_item_to (letter, first, 9));
  g_assert_cmpstr (rpt_letter_item_get_id (rpt_letter_get_item (letter, RPT_PART_FACTS, 9)), ==,
                   first);
  g_assert_false (rpt_edit_move_item (letter, RPT_PART_FACTS, 9, 1));

  copy = rpt_edit_duplicate_item (letter, RPT_PART_FACTS, 9);
  g_assert_cmpuint (rpt_letter_get_n_items (letter, RPT_PART_FACTS), ==, 11);
  g_assert_cmpstr (rpt_paragraph_get_text (copy), ==,
                   rpt_paragraph_get_text (rpt_letter_get_item (letter, RPT_PART_FACTS, 9)));
  g_assert_cmpstr (rpt_paragraph_get_id (copy), !=, first);

  /* A mandate takes its signatories with it. */
  g_assert_cmpuint (rpt_letter_get_n_items (letter, RPT_PART_SIGNATORIES), ==, 2);
  rpt_edit_remove_mandate (letter, 0);
  g_assert_cmpuint (rpt_letter_get_n_items (letter, RPT_PART_MANDATES), ==, 1);
  g_assert_cmpuint (rpt_letter_get_n_items (letter, RPT_PART_SIGNATORIES), ==, 1);
}

int
main (int argc, char *argv[])
{
  rpt_test_init (&argc, &argv);

  g_test_add ("/letter-file/draft-created-on-first-change", Fixture, NULL, fixture_set_up,
              test_draft_created_on_first_change, fixture_tear_down);
  g_test_add ("/letter-file/coalesce", Fixture, NULL, fixture_set_up, test_coalesce,
              fixture_tear_down);
  g_test_add ("/letter-file/flush", Fixture, NULL, fixture_set_up, test_flush, fixture_tear_down);
  g_test_add ("/letter-file/open-and-save", Fixture, NULL, fixture_set_up, test_open_and_save,
              fixture_tear_down);
  g_test_add ("/letter-file/import-xml", Fixture, NULL, fixture_set_up, test_import_xml,
              fixture_tear_down);
  g_test_add ("/letter-file/two-drafts-of-one-letter", Fixture, NULL, fixture_set_up,
              test_two_drafts_of_one_letter, fixture_tear_down);
  g_test_add ("/letter-file/save-error-keeps-letter", Fixture, NULL, fixture_set_up,
              test_save_error_keeps_letter, fixture_tear_down);
  g_test_add ("/letter-file/versions", Fixture, NULL, fixture_set_up, test_versions,
              fixture_tear_down);
  g_test_add_func ("/letter-file/title", test_title);
  g_test_add ("/letter-file/save-as", Fixture, NULL, fixture_set_up, test_save_as,
              fixture_tear_down);
  g_test_add ("/letter-file/rename", Fixture, NULL, fixture_set_up, test_rename, fixture_tear_down);
  g_test_add_func ("/letter-file/names", test_names);
  g_test_add ("/letter-file/export-names-and-folders", Fixture, NULL, fixture_set_up,
              test_export_names_and_folders, fixture_tear_down);
  g_test_add_func ("/edit/operations", test_edit_ops);
  return g_test_run ();
}
