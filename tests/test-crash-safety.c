/* test-crash-safety.c
 *
 * Copyright 2026 The Rapporteur authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/*
 * A writer process saves the letter over and over, each save a known,
 * deterministic change; the test kills it with SIGKILL at random moments
 * and then checks that the file passes PRAGMA integrity_check and holds
 * exactly the last committed state (or the one whose commit was under way
 * when the kill came, which may or may not have reached the disk), with
 * as many named versions as that state implies.
 *
 * SIGKILL tests what a crash of the program can do. What a power cut adds
 * (lost page cache) rests on synchronous=FULL and SQLite's journal, which
 * this test cannot reach.
 *
 * RPT_CRASH_ITERATIONS sets the number of kills (default 40).
 */

#include <fcntl.h>
#include <glib/gstdio.h>
#include <signal.h>
#include <sqlite3.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>

#include "rpt-test-util.h"

#define VERSION_EVERY 7

/* The change that makes state n from state n - 1. */
static void
apply_step (RptLetter *letter, guint n)
{
  g_autofree char *summary = g_strdup_printf ("state %u", n);
  g_autofree char *fact = g_strdup_printf ("fact %u", n);
  g_autofree char *question = g_strdup_printf ("question <b>%u</b>", n);
  guint nq = rpt_letter_get_n_items (letter, RPT_PART_QUESTIONS);

  rpt_letter_set_summary (letter, summary);
  rpt_paragraph_set_text (rpt_letter_get_item (letter, RPT_PART_FACTS, 0), fact);
  rpt_paragraph_set_text (rpt_letter_get_item (letter, RPT_PART_QUESTIONS, nq - 1), question);
  if (n % 3 == 0)
    {
      g_autofree char *text = g_strdup_printf ("concern %u", n);
      /* Ids derive from n so that the writer and the checker agree. */
      g_autofree char *id = g_strdup_printf ("00000000-0000-4000-8000-%012u", n);
      g_autoptr (RptParagraph) p = rpt_paragraph_new_with_id (id, text);
      rpt_letter_append_item (letter, RPT_PART_CONCERNS, p);
      if (rpt_letter_get_n_items (letter, RPT_PART_CONCERNS) > 8)
        rpt_letter_remove_item (letter, RPT_PART_CONCERNS, 0);
    }
  if (n % 4 == 0)
    rpt_letter_move_item (letter, RPT_PART_FACTS, 0,
                          rpt_letter_get_n_items (letter, RPT_PART_FACTS) - 1);
}

static guint
state_of (RptLetter *letter)
{
  const char *summary = rpt_letter_get_summary (letter);

  if (!g_str_has_prefix (summary, "state "))
    return 0;
  return (guint) g_ascii_strtoull (summary + 6, NULL, 10);
}

static void
log_line (int fd, const char *what, guint n)
{
  g_autofree char *line = g_strdup_printf ("%s %u\n", what, n);
  g_assert_cmpint (write (fd, line, strlen (line)), ==, (gssize) strlen (line));
}

/* The writer: runs until it is killed. */
static int
run_writer (const char *path, const char *log_path)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (RptStore) store = NULL;
  g_autoptr (RptLetter) letter = NULL;
  int log_fd;

  rpt_core_init ();
  log_fd = g_open (log_path, O_WRONLY | O_APPEND | O_CREAT, 0600);
  store = rpt_store_open (path, RPT_STORE_OPEN_READ_WRITE, &error);
  if (store != NULL)
    letter = rpt_store_load (store, &error);
  if (letter == NULL)
    {
      g_printerr ("writer: %s\n", error->message);
      return 1;
    }
  for (guint n = state_of (letter) + 1;; n++)
    {
      gboolean ok;

      apply_step (letter, n);
      log_line (log_fd, "begin", n);
      if (n % VERSION_EVERY == 0)
        ok = rpt_store_save_version (store, letter, "writer", "step", &error) != 0;
      else
        ok = rpt_store_save (store, letter, &error);
      if (!ok)
        {
          g_printerr ("writer: %s\n", error->message);
          return 1;
        }
      log_line (log_fd, "commit", n);
    }
  return 0;
}

static char *
integrity_check (const char *path)
{
  sqlite3 *db = NULL;
  sqlite3_stmt *stmt = NULL;
  char *result = NULL;

  g_assert_cmpint (sqlite3_open_v2 (path, &db, SQLITE_OPEN_READONLY, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_prepare_v2 (db, "PRAGMA integrity_check", -1, &stmt, NULL), ==,
                   SQLITE_OK);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    result = g_strdup ((const char *) sqlite3_column_text (stmt, 0));
  sqlite3_finalize (stmt);
  sqlite3_close (db);
  return result;
}

static void
read_log (const char *log_path, guint *committed, guint *begun)
{
  g_autofree char *data = NULL;
  g_auto (GStrv) lines = NULL;

  *committed = *begun = 0;
  if (!g_file_get_contents (log_path, &data, NULL, NULL))
    return;
  lines = g_strsplit (data, "\n", -1);
  for (guint i = 0; lines[i] != NULL; i++)
    {
      /* A line cut by the kill has no newline and is not in lines[i]
       * complete; the number then parses short, so skip unfinished ones. */
      if (lines[i + 1] == NULL)
        break;
      if (g_str_has_prefix (lines[i], "commit "))
        *committed = MAX (*committed, (guint) g_ascii_strtoull (lines[i] + 7, NULL, 10));
      else if (g_str_has_prefix (lines[i], "begin "))
        *begun = MAX (*begun, (guint) g_ascii_strtoull (lines[i] + 6, NULL, 10));
    }
}

static void
wait_for_first_save (const char *log_path)
{
  for (guint waited = 0; waited < 20000; waited++)
    {
      g_autofree char *data = NULL;
      if (g_file_get_contents (log_path, &data, NULL, NULL) && strstr (data, "begin ") != NULL)
        return;
      g_usleep (1000);
    }
  g_assert_not_reached ();
}

static void
test_kill_writer (void)
{
  g_autofree char *dir = rpt_test_make_tmpdir ();
  g_autofree char *path = g_build_filename (dir, "letter.rapporteur", NULL);
  g_autofree char *log_path = g_build_filename (dir, "writer.log", NULL);
  g_autofree char *sample_path =
    rpt_test_source_path ("data", "samples", "AL-TJK-1-2025.xml", NULL);
  g_autoptr (GError) error = NULL;
  g_autoptr (RptLetter) expected = NULL;
  g_autoptr (RptStore) store = NULL;
  const char *env = g_getenv ("RPT_CRASH_ITERATIONS");
  guint iterations = env != NULL ? (guint) g_ascii_strtoull (env, NULL, 10) : 40;
  guint expected_state = 0;
  guint mid_commit_kills = 0;
  g_autoptr (GRand) rand = g_rand_new_with_seed (g_test_rand_int ());
  char self_path[4096];
  gssize n;

  n = readlink ("/proc/self/exe", self_path, sizeof self_path - 1);
  g_assert_cmpint (n, >, 0);
  self_path[n] = '\0';

  expected = rpt_letter_new_from_xml_file (sample_path, &error);
  g_assert_no_error (error);
  store = rpt_store_create (path, expected, &error);
  g_assert_no_error (error);
  rpt_store_close (store);

  for (guint i = 0; i < iterations; i++)
    {
      const char *argv[] = { self_path, "--writer", path, log_path, NULL };
      g_autoptr (RptStore) check = NULL;
      g_autoptr (RptLetter) got = NULL;
      g_autofree char *integrity = NULL;
      g_autofree char *got_xml = NULL;
      g_autofree char *expected_xml = NULL;
      g_autoptr (GListModel) versions = NULL;
      guint committed, begun, state;
      GPid pid;
      int status;

      g_unlink (log_path);
      g_spawn_async (NULL, (char **) argv, NULL, G_SPAWN_DO_NOT_REAP_CHILD, NULL, NULL, &pid,
                     &error);
      g_assert_no_error (error);
      /* One kill in four comes at any moment from the start, while the
       * writer may still be opening the file (and rolling back what the
       * last kill left); the others come once it is saving, anywhere from
       * its first save to dozens of saves in, however slow the build. */
      if (i % 4 != 0)
        wait_for_first_save (log_path);
      g_usleep (g_rand_int_range (rand, 0, i % 4 != 0 ? 40000 : 20000));
      kill (pid, SIGKILL);
      g_assert_cmpint (waitpid (pid, &status, 0), ==, pid);
      g_assert_true (WIFSIGNALED (status) && WTERMSIG (status) == SIGKILL);

      read_log (log_path, &committed, &begun);

      /* Opening read-only rolls back a journal the kill left behind. */
      check = rpt_store_open (path, RPT_STORE_OPEN_READ_ONLY, &error);
      g_assert_no_error (error);
      integrity = integrity_check (path);
      g_assert_cmpstr (integrity, ==, "ok");
      got = rpt_store_load (check, &error);
      g_assert_no_error (error);
      state = state_of (got);

      /* The writer continues from the state in the file, so every state
       * before committed is in the past; only the one under way is open. */
      if (committed == 0 && begun == 0)
        g_assert_cmpuint (state, ==, expected_state);
      else if (begun > committed)
        {
          g_assert_true (state == committed || state == begun ||
                         (committed == 0 && state == expected_state));
          if (state != begun)
            mid_commit_kills++;
        }
      else
        g_assert_cmpuint (state, ==, committed);

      /* Exactly that state, every row of it, not a mixture. */
      while (expected_state < state)
        apply_step (expected, ++expected_state);
      g_assert_cmpuint (expected_state, ==, state);
      expected_xml = rpt_letter_to_xml (expected, NULL);
      got_xml = rpt_letter_to_xml (got, NULL);
      g_assert_cmpstr (got_xml, ==, expected_xml);

      versions = rpt_store_list_versions (check, &error);
      g_assert_no_error (error);
      g_assert_cmpuint (g_list_model_get_n_items (versions), ==, state / VERSION_EVERY);
    }
  g_test_message ("%u kills, %u saves, %u kills while a commit was under way", iterations,
                  expected_state, mid_commit_kills);
  g_assert_cmpuint (expected_state, >, 0);
  rpt_test_rm_rf (dir);
}

/* Nothing in @dir but the files @names lists (NULL-terminated, a prefix
 * ending in '*' matches any suffix): no temporary file, hidden or not,
 * holding the letter. */
static void
assert_only (const char *dir, const char *const *names)
{
  g_autoptr (GDir) d = g_dir_open (dir, 0, NULL);
  const char *name;

  g_assert_nonnull (d);
  while ((name = g_dir_read_name (d)) != NULL)
    {
      gboolean known = FALSE;

      for (guint i = 0; names[i] != NULL && !known; i++)
        {
          gsize n = strlen (names[i]);
          known = names[i][n - 1] == '*' ? strncmp (name, names[i], n - 1) == 0
                                         : g_str_equal (name, names[i]);
        }
      if (!known)
        g_error ("%s was left in %s", name, dir);
    }
}

/* Killing `rapporteur-cli import` never leaves half a document: the path
 * names nothing or a complete letter, and no temporary file is left. With
 * RPT_DEBUG_NO_O_TMPFILE set, the way taken where the file system has no
 * O_TMPFILE: a kill may leave a hidden temporary file, which the next
 * write in that folder removes. */
static void
kill_create (gboolean named_temporaries)
{
  g_autofree char *dir = rpt_test_make_tmpdir ();
  g_autofree char *sample_path =
    rpt_test_source_path ("data", "samples", "AL-TJK-1-2025.xml", NULL);
  g_autoptr (GRand) rand = g_rand_new_with_seed (g_test_rand_int ());
  g_autoptr (GError) error = NULL;
  g_autoptr (RptLetter) sample = rpt_letter_new_from_xml_file (sample_path, &error);
  g_autofree char *sample_xml = rpt_letter_to_xml (sample, NULL);
  const char *cli = g_getenv ("RAPPORTEUR_CLI");
  guint complete = 0, absent = 0;
  gint64 duration;

  g_assert_no_error (error);

  /* Time one whole import, so the kills spread over all of it however
   * fast or slow (sanitizers) this build is. */
  {
    g_autofree char *path = g_strdup_printf ("%s/timing.rapporteur", dir);
    const char *argv[] = { cli, "import", sample_path, path, NULL };
    gint64 start = g_get_monotonic_time ();
    int status;

    g_assert_true (g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_DEFAULT, NULL, NULL, NULL,
                                 NULL, &status, &error));
    g_assert_no_error (error);
    g_assert_true (g_spawn_check_wait_status (status, NULL));
    duration = g_get_monotonic_time () - start;
  }

  for (guint i = 0; i < 30; i++)
    {
      g_autofree char *path = g_strdup_printf ("%s/letter-%u.rapporteur", dir, i);
      const char *argv[] = { cli, "import", sample_path, path, NULL };
      GPid pid;
      int status;

      g_spawn_async (NULL, (char **) argv, NULL, G_SPAWN_DO_NOT_REAP_CHILD, NULL, NULL, &pid,
                     &error);
      g_assert_no_error (error);
      g_usleep (g_rand_int_range (rand, 0, (gint32) (duration * 5 / 4)));
      kill (pid, SIGKILL);
      waitpid (pid, &status, 0);

      if (!named_temporaries)
        assert_only (dir, (const char *[]){ "timing.rapporteur", "letter-*", NULL });
      if (!g_file_test (path, G_FILE_TEST_EXISTS))
        absent++;
      else
        {
          g_autoptr (RptStore) store = rpt_store_open (path, RPT_STORE_OPEN_READ_ONLY, &error);
          g_autoptr (RptLetter) letter = NULL;
          g_autofree char *xml = NULL;

          g_assert_no_error (error);
          letter = rpt_store_load (store, &error);
          g_assert_no_error (error);
          xml = rpt_letter_to_xml (letter, NULL);
          g_assert_cmpstr (xml, ==, sample_xml);
          complete++;
        }
    }
  g_test_message ("%u complete, %u absent (an import takes %" G_GINT64_FORMAT " µs)", complete,
                  absent, duration);

  /* The next import in the folder clears what killed ones left: a
   * temporary file of a process that is gone (as a kill at the wrong
   * instant leaves one), not one of a process still running. */
  {
    g_autofree char *path = g_strdup_printf ("%s/letter-last.rapporteur", dir);
    const char *argv[] = { cli, "import", sample_path, path, NULL };
    const char *true_argv[] = { "true", NULL };
    g_autofree char *stale = NULL;
    g_autofree char *alive = g_strdup_printf ("%s/.rapporteur-tmp-%d-LIVE00", dir, (int) getpid ());
    GPid gone;
    int status;

    g_assert_true (g_spawn_async (NULL, (char **) true_argv, NULL,
                                  G_SPAWN_SEARCH_PATH | G_SPAWN_DO_NOT_REAP_CHILD, NULL, NULL,
                                  &gone, &error));
    waitpid (gone, &status, 0);
    stale = g_strdup_printf ("%s/.rapporteur-tmp-%d-STALE0", dir, (int) gone);
    g_assert_true (g_file_set_contents (stale, "confidential", -1, NULL));
    g_assert_true (g_file_set_contents (alive, "in use", -1, NULL));

    g_assert_true (g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_DEFAULT, NULL, NULL, NULL,
                                 NULL, &status, &error));
    g_assert_true (g_spawn_check_wait_status (status, NULL));
    g_assert_false (g_file_test (stale, G_FILE_TEST_EXISTS));
    g_assert_true (g_file_test (alive, G_FILE_TEST_EXISTS));
    g_unlink (alive);
    assert_only (dir, (const char *[]){ "timing.rapporteur", "letter-*", NULL });
  }
  rpt_test_rm_rf (dir);
}

static void
test_kill_create (void)
{
  kill_create (FALSE);
}

static void
test_kill_create_named (void)
{
  g_setenv ("RPT_DEBUG_NO_O_TMPFILE", "1", TRUE);
  kill_create (TRUE);
  g_unsetenv ("RPT_DEBUG_NO_O_TMPFILE");
}

/* Killing an export: the earlier export stays whole or the new one is
 * there whole, and no temporary file is left. */
static void
test_kill_export (void)
{
  g_autofree char *dir = rpt_test_make_tmpdir ();
  g_autofree char *out = g_build_filename (dir, "letter.pdf", NULL);
  g_autofree char *sample_path =
    rpt_test_source_path ("data", "samples", "AL-TJK-1-2025.xml", NULL);
  g_autoptr (GRand) rand = g_rand_new_with_seed (g_test_rand_int ());
  g_autoptr (GError) error = NULL;
  const char *cli = g_getenv ("RAPPORTEUR_CLI");
  const char *argv[] = { cli, "export", "--format", "pdf", "-q", sample_path, "-o", out, NULL };
  g_autofree char *good = NULL;
  guint replaced = 0;
  gint64 duration, start;
  int status;

  /* Exports are the same bytes each time with a fixed date. */
  g_setenv ("SOURCE_DATE_EPOCH", "1745366400", TRUE);
  g_assert_true (g_file_set_contents (out, "an earlier export", -1, NULL));
  start = g_get_monotonic_time ();
  {
    g_autofree char *ref = g_build_filename (dir, "reference.pdf", NULL);
    const char *ref_argv[] = {
      cli, "export", "--format", "pdf", "-q", sample_path, "-o", ref, NULL
    };
    g_assert_true (g_spawn_sync (NULL, (char **) ref_argv, NULL, G_SPAWN_DEFAULT, NULL, NULL, NULL,
                                 NULL, &status, &error));
    g_assert_true (g_spawn_check_wait_status (status, NULL));
    good = rpt_test_file_digest (ref);
    g_unlink (ref);
  }
  duration = g_get_monotonic_time () - start;

  for (guint i = 0; i < 20; i++)
    {
      g_autofree char *now = NULL;
      GPid pid;

      g_spawn_async (NULL, (char **) argv, NULL, G_SPAWN_DO_NOT_REAP_CHILD, NULL, NULL, &pid,
                     &error);
      g_assert_no_error (error);
      g_usleep (g_rand_int_range (rand, 0, (gint32) (duration * 5 / 4)));
      kill (pid, SIGKILL);
      waitpid (pid, &status, 0);

      assert_only (dir, (const char *[]){ "letter.pdf", NULL });
      now = rpt_test_file_digest (out);
      if (g_str_equal (now, good))
        {
          replaced++;
          g_assert_true (g_file_set_contents (out, "an earlier export", -1, NULL));
        }
      else
        {
          g_autofree char *contents = NULL;
          g_assert_true (g_file_get_contents (out, &contents, NULL, NULL));
          g_assert_cmpstr (contents, ==, "an earlier export");
        }
    }
  g_unsetenv ("SOURCE_DATE_EPOCH");
  g_test_message ("%u of 20 killed exports had finished", replaced);
  rpt_test_rm_rf (dir);
}

int
main (int argc, char **argv)
{
  if (argc == 4 && g_str_equal (argv[1], "--writer"))
    return run_writer (argv[2], argv[3]);

  rpt_test_init (&argc, &argv);

  g_test_add_func ("/crash-safety/kill-writer", test_kill_writer);
  g_test_add_func ("/crash-safety/kill-create", test_kill_create);
  g_test_add_func ("/crash-safety/kill-create-named", test_kill_create_named);
  g_test_add_func ("/crash-safety/kill-export", test_kill_export);

  return g_test_run ();
}
