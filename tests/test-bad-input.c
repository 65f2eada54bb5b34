/* test-bad-input.c
 *
 * Copyright 2026 The Rapporteur authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* Every bad input the command line can meet: a clear one-line message, a
 * non-zero exit, no crash, and every existing file left as it was. */

#include <errno.h>
#include <fcntl.h>
#include <glib/gstdio.h>
#include <signal.h>
#include <sqlite3.h>
#include <string.h>
#include <sys/resource.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include "rpt-test-util.h"

typedef struct
{
  char *dir;
  char *sample_xml;
  char *doc; /* a good document, made from the sample */
} Fixture;

static char *
path_in (Fixture *f, const char *name)
{
  return g_build_filename (f->dir, name, NULL);
}

static void
fixture_set_up (Fixture *f, gconstpointer data)
{
  const char *args[] = { "import", NULL, NULL, NULL };

  f->dir = rpt_test_make_tmpdir ();
  f->sample_xml = rpt_test_source_path ("data", "samples", "AL-TJK-1-2025.xml", NULL);
  f->doc = path_in (f, "good.rapporteur");
  args[1] = f->sample_xml;
  args[2] = f->doc;
  g_assert_cmpint (rpt_test_run_cli (args, NULL, NULL), ==, 0);
}

static void
fixture_tear_down (Fixture *f, gconstpointer data)
{
  rpt_test_rm_rf (f->dir);
  g_free (f->dir);
  g_free (f->sample_xml);
  g_free (f->doc);
}

static void
assert_one_line (const char *err)
{
  g_assert_nonnull (err);
  g_assert_true (g_str_has_prefix (err, "rapporteur-cli: "));
  g_assert_true (g_str_has_suffix (err, "\n"));
  g_assert_true (strchr (err, '\n') == err + strlen (err) - 1);
}

/* Runs the command line and checks a user error: exit 1, one line on
 * stderr holding @expect, and the files in @keep unchanged. */
static void
assert_user_error (const char *const *args, const char *expect, const char *const *keep)
{
  g_autoptr (GPtrArray) before = g_ptr_array_new_with_free_func (g_free);
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;
  int status;

  for (guint i = 0; keep != NULL && keep[i] != NULL; i++)
    g_ptr_array_add (before, rpt_test_file_digest (keep[i]));

  status = rpt_test_run_cli (args, &out, &err);
  g_test_message ("%s %s → %d: %s", args[0], args[1] != NULL ? args[1] : "", status, err);
  g_assert_cmpint (status, ==, 1);
  assert_one_line (err);
  g_assert_nonnull (strstr (err, expect));

  for (guint i = 0; keep != NULL && keep[i] != NULL; i++)
    {
      g_autofree char *after = rpt_test_file_digest (keep[i]);
      g_assert_cmpstr (after, ==, g_ptr_array_index (before, i));
    }
}

static void
write_file (const char *path, const char *data, gssize len)
{
  g_assert_true (g_file_set_contents (path, data, len, NULL));
}

static void
sql_exec (const char *path, const char *sql)
{
  sqlite3 *db = NULL;

  g_assert_cmpint (sqlite3_open (path, &db), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_exec (db, sql, NULL, NULL, NULL), ==, SQLITE_OK);
  sqlite3_close (db);
}

/* Each reading command on a document that must be refused. */
static void
assert_document_refused (Fixture *f, const char *doc, const char *expect)
{
  g_autofree char *out = path_in (f, "out.xml");
  const char *keep[] = { doc, out, NULL };
  const char *export[] = { "export", "--format", "xml", doc, "-o", out, NULL };
  const char *show[] = { "show", doc, NULL };
  const char *save[] = { "version", "save", doc, "-m", "m", "--author", "a", NULL };
  const char *list[] = { "version", "list", doc, NULL };
  const char *restore[] = { "version", "restore", doc, "1", NULL };

  write_file (out, "an earlier export", -1);
  assert_user_error (export, expect, keep);
  assert_user_error (show, expect, keep);
  assert_user_error (save, expect, keep);
  assert_user_error (list, expect, keep);
  assert_user_error (restore, expect, keep);
}

static void
test_not_sqlite (Fixture *f, gconstpointer data)
{
  g_autofree char *doc = path_in (f, "notes.rapporteur");

  write_file (doc, "Dear diary,\nthis is plain text.\n", -1);
  assert_document_refused (f, doc, "is not a Rapporteur document");
}

static void
test_other_program (Fixture *f, gconstpointer data)
{
  g_autofree char *doc = path_in (f, "places.rapporteur");

  sql_exec (doc, "CREATE TABLE moz_places (url TEXT); INSERT INTO moz_places VALUES ('x');");
  assert_document_refused (f, doc, "database of another program");
}

static void
test_truncated (Fixture *f, gconstpointer data)
{
  g_autofree char *doc = path_in (f, "truncated.rapporteur");
  g_autofree char *bytes = NULL;
  gsize len;

  g_assert_true (g_file_get_contents (f->doc, &bytes, &len, NULL));
  write_file (doc, bytes, len / 2);
  assert_document_refused (f, doc, "is damaged");
}

static void
test_newer_version (Fixture *f, gconstpointer data)
{
  g_autofree char *doc = path_in (f, "future.rapporteur");
  g_autofree char *bytes = NULL;
  gsize len;

  g_assert_true (g_file_get_contents (f->doc, &bytes, &len, NULL));
  write_file (doc, bytes, len);
  sql_exec (doc, "PRAGMA user_version = 99");
  assert_document_refused (f, doc, "newer version of Rapporteur");
}

/* Importing bad XML: refused, and no document appears. */
static void
assert_import_refused (Fixture *f, const char *xml, gssize len, const char *expect)
{
  g_autofree char *in = path_in (f, "in.xml");
  g_autofree char *out = path_in (f, "new.rapporteur");
  const char *args[] = { "import", in, out, NULL };
  const char *export[] = { "export", in, "-o", "-", NULL };
  const char *keep[] = { in, out, NULL };

  write_file (in, xml, len);
  assert_user_error (args, expect, keep);
  g_assert_false (g_file_test (out, G_FILE_TEST_EXISTS));
  assert_user_error (export, expect, keep);
}

static void
test_invalid_xml (Fixture *f, gconstpointer data)
{
  assert_import_refused (f, "<?xml version=\"1.0\"?>\n<letter>\n<kind>AL</kind>\n", -1,
                         "in.xml:4: not well-formed");
}

static void
test_schema_violation (Fixture *f, gconstpointer data)
{
  g_autofree char *sample = NULL;
  g_autofree char *bad = NULL;
  g_autoptr (GString) s = NULL;

  g_assert_true (g_file_get_contents (f->sample_xml, &sample, NULL, NULL));
  s = g_string_new (sample);
  g_string_replace (s, "<kind>AL</kind>", "<kind>AL</kind>\n  <priority>high</priority>", 1);
  assert_import_refused (f, s->str, -1, "in.xml:4: not a valid letter");
}

static void
test_xml_bomb (Fixture *f, gconstpointer data)
{
  assert_import_refused (f,
                         "<?xml version=\"1.0\"?>\n"
                         "<!DOCTYPE lolz [\n"
                         "  <!ENTITY lol \"lol\">\n"
                         "  <!ENTITY lol1 \"&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;\">\n"
                         "  <!ENTITY lol2 \"&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;\">\n"
                         "  <!ENTITY lol3 \"&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;\">\n"
                         "]>\n<letter>&lol3;</letter>\n",
                         -1, "in.xml:2: document type declarations and entities are not allowed");
}

static void
test_external_entity (Fixture *f, gconstpointer data)
{
  assert_import_refused (
    f,
    "<?xml version=\"1.0\"?>\n"
    "<!DOCTYPE letter [ <!ENTITY secret SYSTEM \"file:///etc/passwd\"> ]>\n"
    "<letter xmlns=\"urn:x-rapporteur:letter\" version=\"1\">&secret;</letter>\n",
    -1, "in.xml:2: document type declarations");
}

static void
test_not_utf8 (Fixture *f, gconstpointer data)
{
  g_autofree char *sample = NULL;
  g_autoptr (GString) s = NULL;

  g_assert_true (g_file_get_contents (f->sample_xml, &sample, NULL, NULL));
  s = g_string_new (sample);
  /* "Dushanbe" with a Latin-1 "é" in the first fact's place, line 43. */
  g_string_replace (s, "place=\"Dushanbe\"", "place=\"Dushanb\xe9\"", 1);
  assert_import_refused (f, s->str, s->len, "in.xml:43: the text is not UTF-8");
}

static void
test_output_folder_missing (Fixture *f, gconstpointer data)
{
  g_autofree char *out = path_in (f, "no/such/folder/out.xml");
  g_autofree char *doc_out = path_in (f, "no/such/folder/new.rapporteur");
  const char *export[] = { "export", f->doc, "-o", out, NULL };
  const char *import[] = { "import", f->sample_xml, doc_out, NULL };
  const char *new[] = { "new", "--kind", "UA", "--country", "TJK", doc_out, NULL };
  const char *keep[] = { f->doc, NULL };

  assert_user_error (export, "does not exist", keep);
  assert_user_error (import, "does not exist", keep);
  assert_user_error (new, "does not exist", keep);
}

/* A folder this process cannot write to. Permissions do not stop root,
 * so as root a folder of a file system that refuses new files is used. */
static char *
find_read_only_folder (Fixture *f)
{
  g_autofree char *ro = path_in (f, "read-only");
  g_autofree char *probe = g_build_filename (ro, "probe", NULL);

  g_assert_cmpint (g_mkdir (ro, 0500), ==, 0);
  if (!g_file_set_contents (probe, "x", 1, NULL))
    return g_steal_pointer (&ro);
  g_unlink (probe);
  if (g_file_test ("/sys", G_FILE_TEST_IS_DIR) && !g_file_set_contents ("/sys/probe", "x", 1, NULL))
    return g_strdup ("/sys");
  return NULL;
}

static void
test_output_folder_read_only (Fixture *f, gconstpointer data)
{
  g_autofree char *ro = find_read_only_folder (f);
  g_autofree char *out = NULL;
  g_autofree char *doc_out = NULL;

  if (ro == NULL)
    {
      /* Not a skip: without such a folder the behaviour is untested. */
      g_test_fail_printf ("no read-only folder could be found to test with");
      return;
    }
  out = g_build_filename (ro, "out.xml", NULL);
  doc_out = g_build_filename (ro, "new.rapporteur", NULL);
  {
    const char *export[] = { "export", f->doc, "-o", out, NULL };
    const char *import[] = { "import", f->sample_xml, doc_out, NULL };
    const char *new[] = { "new", "--kind", "OL", "--country", "FRA", doc_out, NULL };
    const char *keep[] = { f->doc, NULL };

    assert_user_error (export, "Cannot write", keep);
    assert_user_error (import, "Cannot create", keep);
    assert_user_error (new, "Cannot create", keep);
    g_assert_false (g_file_test (out, G_FILE_TEST_EXISTS));
    g_assert_false (g_file_test (doc_out, G_FILE_TEST_EXISTS));
  }
}

static void
test_existing_output (Fixture *f, gconstpointer data)
{
  g_autofree char *other = path_in (f, "other.rapporteur");
  const char *import[] = { "import", f->sample_xml, f->doc, NULL };
  const char *new[] = { "new", "--kind", "AL", "--country", "TJK", f->doc, NULL };
  const char *over_itself[] = { "export", f->doc, "-o", f->doc, NULL };
  const char *over_other[] = { "new", "--kind", "OL", "--country", "FRA", other, NULL };
  const char *export_over[] = { "export", f->doc, "-o", other, NULL };
  const char *pdf_over[] = { "export", "--format", "pdf", f->doc, "-o", other, NULL };
  const char *odt_over[] = { "export", "--format", "odt", f->doc, "-o", other, NULL };
  const char *keep[] = { f->doc, other, NULL };

  assert_user_error (import, "already exists", keep);
  assert_user_error (new, "already exists", keep);
  /* An export never replaces a document, its own or another. */
  g_assert_cmpint (rpt_test_run_cli (over_other, NULL, NULL), ==, 0);
  assert_user_error (over_itself, "is a Rapporteur document", keep);
  assert_user_error (export_over, "is a Rapporteur document", keep);
  assert_user_error (pdf_over, "is a Rapporteur document", keep);
  assert_user_error (odt_over, "is a Rapporteur document", keep);
}

static void
limit_file_size (gpointer data)
{
  struct rlimit rl;

  rl.rlim_cur = rl.rlim_max = (rlim_t) GPOINTER_TO_SIZE (data);
  signal (SIGXFSZ, SIG_IGN);
  setrlimit (RLIMIT_FSIZE, &rl);
}

/* A disk that fills up while writing: writes past a file-size limit fail
 * as they would on a full disk. The command fails and every existing
 * file keeps its content. */
static void
test_disk_full (Fixture *f, gconstpointer data)
{
  g_autofree char *out = path_in (f, "out.xml");
  g_autofree char *err = NULL;
  g_autofree char *before_doc = NULL;
  g_autofree char *before_out = NULL;
  g_autofree char *after = NULL;
  const char *cli = g_getenv ("RAPPORTEUR_CLI");
  GStatBuf st;
  int status = 0;

  write_file (out, "an earlier export", -1);
  before_out = rpt_test_file_digest (out);
  before_doc = rpt_test_file_digest (f->doc);
  g_assert_cmpint (g_stat (f->doc, &st), ==, 0);

  {
    const char *argv[] = { cli, "export", f->doc, "-o", out, NULL };
    g_assert_true (g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_DEFAULT, limit_file_size,
                                 GSIZE_TO_POINTER (4096), NULL, &err, &status, NULL));
    g_test_message ("%s", err);
    g_assert_true (WIFEXITED (status));
    g_assert_cmpint (WEXITSTATUS (status), ==, 1);
    assert_one_line (err);
    after = rpt_test_file_digest (out);
    g_assert_cmpstr (after, ==, before_out);
    g_clear_pointer (&err, g_free);
    g_clear_pointer (&after, g_free);
  }

  {
    /* A new version does not fit within the document's current size. */
    const char *argv[] = { cli, "version", "save", f->doc, "-m", "no room", NULL };
    g_assert_true (g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_DEFAULT, limit_file_size,
                                 GSIZE_TO_POINTER (st.st_size), NULL, &err, &status, NULL));
    g_test_message ("%s", err);
    g_assert_true (WIFEXITED (status));
    g_assert_cmpint (WEXITSTATUS (status), ==, 1);
    assert_one_line (err);
    after = rpt_test_file_digest (f->doc);
    g_assert_cmpstr (after, ==, before_doc);
  }
}

/* --- input bounds --------------------------------------------------- */

#define GIB (G_GUINT64_CONSTANT (1) << 30)

typedef struct
{
  int fd;
  guint64 written;
} Feeder;

/* Writes a gibibyte of zeros into the pipe, or until the reader closes it. */
static gpointer
feed_zeros (gpointer data)
{
  Feeder *feeder = data;
  g_autofree char *chunk = g_malloc0 (1 << 20);

  while (feeder->written < GIB)
    {
      gssize n = write (feeder->fd, chunk, 1 << 20);
      if (n < 0 && errno == EINTR)
        continue;
      if (n <= 0)
        break; /* EPIPE: the reader stopped */
      feeder->written += (guint64) n;
    }
  close (feeder->fd);
  return NULL;
}

/* Runs the command line with @args, feeding a gibibyte of zeros to its
 * standard input if @feed; returns its exit status, its stderr and the
 * most memory it used (ru_maxrss, in KiB), and how much of the feed it
 * took. */
static int
run_measured (const char *const *args, gboolean feed, char **err, long *max_rss, guint64 *fed)
{
  g_autoptr (GPtrArray) argv = g_ptr_array_new ();
  g_autoptr (GError) error = NULL;
  g_autoptr (GString) errors = g_string_new (NULL);
  Feeder feeder = { -1, 0 };
  GThread *thread = NULL;
  struct rusage usage;
  int status = 0, err_fd = -1;
  char buf[4096];
  gssize n;
  GPid pid;

  g_ptr_array_add (argv, (gpointer) g_getenv ("RAPPORTEUR_CLI"));
  for (guint i = 0; args[i] != NULL; i++)
    g_ptr_array_add (argv, (gpointer) args[i]);
  g_ptr_array_add (argv, NULL);
  g_assert_true (g_spawn_async_with_pipes (
    NULL, (char **) argv->pdata, NULL, G_SPAWN_DO_NOT_REAP_CHILD | G_SPAWN_STDOUT_TO_DEV_NULL, NULL,
    NULL, &pid, feed ? &feeder.fd : NULL, NULL, &err_fd, &error));
  g_assert_no_error (error);
  if (feed)
    thread = g_thread_new ("feeder", feed_zeros, &feeder);
  while ((n = read (err_fd, buf, sizeof buf)) > 0 || (n < 0 && errno == EINTR))
    if (n > 0)
      g_string_append_len (errors, buf, n);
  close (err_fd);
  g_assert_cmpint (wait4 (pid, &status, 0, &usage), ==, pid);
  if (thread != NULL)
    g_thread_join (thread);
  g_assert_true (WIFEXITED (status));
  *err = g_string_free (g_steal_pointer (&errors), FALSE);
  *max_rss = usage.ru_maxrss;
  if (fed != NULL)
    *fed = feeder.written;
  return WEXITSTATUS (status);
}

/* The issue's case: `head -c 1G /dev/zero | rapporteur-cli import
 * /dev/stdin x.rapporteur`. The 64 MB limit holds while reading: the
 * program stops reading past it, says so in one line, and its memory
 * stays near the limit rather than the gigabyte. */
static void
test_pipe_gigabyte (Fixture *f, gconstpointer data)
{
  g_autofree char *out = path_in (f, "x.rapporteur");
  g_autofree char *err = NULL;
  const char *args[] = { "import", "/dev/stdin", out, NULL };
  long max_rss = 0;
  guint64 fed = 0;

  g_assert_cmpint (run_measured (args, TRUE, &err, &max_rss, &fed), ==, 1);
  g_test_message ("1 GiB through a pipe: %" G_GUINT64_FORMAT " MiB taken, %ld MiB of memory at "
                  "most: %s",
                  fed >> 20, max_rss / 1024, err);
  assert_one_line (err);
  g_assert_nonnull (strstr (err, "/dev/stdin: the file is larger than 64 MB"));
  g_assert_cmpuint (fed, <, GIB / 4);
  g_assert_cmpint (max_rss, <, 160 * 1024);
  g_assert_false (g_file_test (out, G_FILE_TEST_EXISTS));
}

/* A device that never ends, and a regular file over the limit (refused
 * unread, so with little memory). */
static void
test_device_and_large_file (Fixture *f, gconstpointer data)
{
  g_autofree char *out = path_in (f, "x.rapporteur");
  g_autofree char *big = path_in (f, "big.xml");
  g_autofree char *err = NULL;
  g_autofree char *err2 = NULL;
  const char *device[] = { "import", "/dev/zero", out, NULL };
  const char *file[] = { "import", big, out, NULL };
  long max_rss = 0;
  int fd;

  g_assert_cmpint (run_measured (device, FALSE, &err, &max_rss, NULL), ==, 1);
  g_test_message ("/dev/zero: %ld MiB of memory at most: %s", max_rss / 1024, err);
  assert_one_line (err);
  g_assert_nonnull (strstr (err, "/dev/zero: the file is larger than 64 MB"));
  g_assert_cmpint (max_rss, <, 160 * 1024);

  fd = g_open (big, O_WRONLY | O_CREAT | O_TRUNC, 0600);
  g_assert_cmpint (fd, >=, 0);
  g_assert_cmpint (ftruncate (fd, 65 * 1024 * 1024), ==, 0);
  close (fd);
  g_assert_cmpint (run_measured (file, FALSE, &err2, &max_rss, NULL), ==, 1);
  g_test_message ("a 65 MiB file: %ld MiB of memory at most: %s", max_rss / 1024, err2);
  assert_one_line (err2);
  g_assert_nonnull (strstr (err2, "the file is larger than 64 MB"));
  g_assert_cmpint (max_rss, <, 48 * 1024);
  g_assert_false (g_file_test (out, G_FILE_TEST_EXISTS));
}

/* Within the limit, a pipe is as good as a file: a letter through
 * standard input is imported, exported and laid out. */
static void
test_pipe_letter (Fixture *f, gconstpointer data)
{
  g_autofree char *doc = path_in (f, "piped.rapporteur");
  g_autofree char *sample = NULL;
  g_autofree char *out = NULL;
  g_autofree char *cmd = NULL;
  g_autoptr (GError) error = NULL;
  int status = 0;

  g_assert_true (g_file_get_contents (f->sample_xml, &sample, NULL, NULL));
  cmd = g_strdup_printf ("sh -c 'cat \"%s\" | \"%s\" import /dev/stdin \"%s\" && "
                         "cat \"%s\" | \"%s\" export --format xml /dev/stdin -o -'",
                         f->sample_xml, g_getenv ("RAPPORTEUR_CLI"), doc, f->sample_xml,
                         g_getenv ("RAPPORTEUR_CLI"));
  g_assert_true (g_spawn_command_line_sync (cmd, &out, NULL, &status, &error));
  g_assert_no_error (error);
  g_assert_true (g_spawn_check_wait_status (status, NULL));
  g_assert_cmpstr (out, ==, sample);
  g_assert_true (rpt_store_file_is_document (doc));
}

/* An export to a pipe or a device is written into it: renaming a file
 * over it would leave a regular file where the pipe was (as root, in
 * place of /dev/null). */
static void
test_output_is_pipe (Fixture *f, gconstpointer data)
{
  g_autofree char *fifo = path_in (f, "letter.fifo");
  g_autofree char *got_path = path_in (f, "got.xml");
  g_autofree char *cmd = NULL;
  g_autofree char *got = NULL;
  g_autofree char *sample = NULL;
  g_autoptr (GError) error = NULL;
  GStatBuf st;
  int status = 0;

  g_assert_cmpint (mkfifo (fifo, 0600), ==, 0);
  cmd = g_strdup_printf ("sh -c 'timeout 30 cat \"%s\" > \"%s\" & "
                         "\"%s\" export --format xml \"%s\" -o \"%s\"; r=$?; wait; exit $r'",
                         fifo, got_path, g_getenv ("RAPPORTEUR_CLI"), f->sample_xml, fifo);
  g_assert_true (g_spawn_command_line_sync (cmd, NULL, NULL, &status, &error));
  g_assert_no_error (error);
  g_assert_true (g_spawn_check_wait_status (status, NULL));
  g_assert_cmpint (g_stat (fifo, &st), ==, 0);
  g_assert_true (S_ISFIFO (st.st_mode));
  g_assert_true (g_file_get_contents (got_path, &got, NULL, NULL));
  g_assert_true (g_file_get_contents (f->sample_xml, &sample, NULL, NULL));
  g_assert_cmpstr (got, ==, sample);
}

/* Through a symbolic link, the file it names gets the export, and the
 * link stays a link (a folder of links to a shared drive keeps working). */
static void
test_output_through_link (Fixture *f, gconstpointer data)
{
  g_autofree char *real_dir = path_in (f, "shared");
  g_autofree char *real = g_build_filename (real_dir, "letter.xml", NULL);
  g_autofree char *link = path_in (f, "letter.xml");
  g_autofree char *got = NULL;
  g_autofree char *sample = NULL;
  const char *export_[] = { "export", "--format", "xml", f->sample_xml, "-o", link, NULL };
  GStatBuf st;

  g_assert_cmpint (g_mkdir (real_dir, 0700), ==, 0);
  write_file (real, "an earlier export", -1);
  g_assert_cmpint (symlink (real, link), ==, 0);
  g_assert_cmpint (rpt_test_run_cli (export_, NULL, NULL), ==, 0);
  g_assert_cmpint (g_lstat (link, &st), ==, 0);
  g_assert_true (S_ISLNK (st.st_mode));
  g_assert_true (g_file_get_contents (real, &got, NULL, NULL));
  g_assert_true (g_file_get_contents (f->sample_xml, &sample, NULL, NULL));
  g_assert_cmpstr (got, ==, sample);
}

static void
assert_usage_error (const char *const *args)
{
  g_autofree char *err = NULL;
  int status = rpt_test_run_cli (args, NULL, &err);

  g_test_message ("%s → %d: %s", args[0] ? args[0] : "(none)", status, err);
  g_assert_cmpint (status, ==, 2);
  g_assert_true (g_str_has_prefix (err, "rapporteur-cli: ") || args[0] == NULL);
}

static void
test_usage_errors (Fixture *f, gconstpointer data)
{
  const char *none[] = { NULL };
  const char *unknown[] = { "frobnicate", NULL };
  const char *no_kind[] = { "new", "--country", "TJK", "x.rapporteur", NULL };
  const char *bad_kind[] = { "new", "--kind", "XX", "--country", "TJK", "x.rapporteur", NULL };
  const char *bad_country[] = { "new", "--kind", "AL", "--country", "Tajikistan", "x", NULL };
  const char *no_output[] = { "export", f->doc, NULL };
  const char *bad_format[] = { "export", "--format", "docx", f->doc, "-o", "-", NULL };
  const char *bad_option[] = { "show", "--colour", f->doc, NULL };
  const char *no_message[] = { "version", "save", f->doc, NULL };
  const char *bad_number[] = { "version", "restore", f->doc, "first", NULL };
  /* One rule for version numbers everywhere: 0 is no version. */
  const char *restore_0[] = { "version", "restore", f->doc, "0", NULL };
  const char *export_0[] = { "export", "--version", "0", f->doc, "-o", "-", NULL };
  const char *show_0[] = { "show", "--version", "0", f->doc, NULL };
  const char *export_neg[] = { "export", "--version", "-1", f->doc, "-o", "-", NULL };
  const char *show_junk[] = { "show", "--version", "1x", f->doc, NULL };
  const char *const *numbers[] = { restore_0, export_0, show_0, export_neg, show_junk };
  const char *bad_sub[] = { "version", "delete", f->doc, NULL };
  g_autofree char *before = rpt_test_file_digest (f->doc);
  g_autofree char *after = NULL;

  assert_usage_error (none);
  assert_usage_error (unknown);
  assert_usage_error (no_kind);
  assert_usage_error (bad_kind);
  assert_usage_error (bad_country);
  assert_usage_error (no_output);
  assert_usage_error (bad_format);
  assert_usage_error (bad_option);
  assert_usage_error (no_message);
  assert_usage_error (bad_number);
  assert_usage_error (bad_sub);
  for (guint i = 0; i < G_N_ELEMENTS (numbers); i++)
    {
      g_autofree char *err = NULL;
      g_assert_cmpint (rpt_test_run_cli (numbers[i], NULL, &err), ==, 2);
      g_assert_nonnull (strstr (err, "is not a version number: versions are numbered from 1"));
    }
  g_assert_false (g_file_test ("x.rapporteur", G_FILE_TEST_EXISTS));
  after = rpt_test_file_digest (f->doc);
  g_assert_cmpstr (after, ==, before);
}

static void
test_good_paths (Fixture *f, gconstpointer data)
{
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;
  g_autofree char *sample = NULL;
  g_autofree char *doc = path_in (f, "new.rapporteur");
  const char *export[] = { "export", "--format", "xml", f->doc, "-o", "-", NULL };
  const char *show[] = { "show", f->doc, NULL };
  const char *new[] = { "new", "--kind", "UA", "--country", "tjk", "--language", "fr", doc, NULL };
  const char *show_new[] = { "show", doc, NULL };
  const char *save[] = {
    "version", "save", f->doc, "-m", "Sent for review", "--author", "R", NULL
  };
  const char *list[] = { "version", "list", f->doc, NULL };
  const char *export_v[] = { "export", "--version", "1", f->doc, "-o", "-", NULL };

  g_assert_true (g_file_get_contents (f->sample_xml, &sample, NULL, NULL));
  g_assert_cmpint (rpt_test_run_cli (export, &out, &err), ==, 0);
  g_assert_cmpstr (out, ==, sample);
  g_clear_pointer (&out, g_free);

  g_assert_cmpint (rpt_test_run_cli (show, &out, NULL), ==, 0);
  g_assert_nonnull (strstr (out, "Allegation letter AL TJK 1/2025"));
  g_assert_nonnull (strstr (out, "Ms. Rukhshona Khakimova"));
  g_clear_pointer (&out, g_free);

  g_assert_cmpint (rpt_test_run_cli (new, NULL, NULL), ==, 0);
  g_assert_cmpint (rpt_test_run_cli (show_new, &out, NULL), ==, 0);
  g_assert_nonnull (strstr (out, "Urgent appeal"));
  g_assert_nonnull (strstr (out, "TJK"));
  g_assert_nonnull (strstr (out, "Language: fr"));
  g_clear_pointer (&out, g_free);

  g_assert_cmpint (rpt_test_run_cli (save, &out, NULL), ==, 0);
  g_assert_cmpstr (out, ==, "Saved version 1\n");
  g_clear_pointer (&out, g_free);
  g_assert_cmpint (rpt_test_run_cli (list, &out, NULL), ==, 0);
  g_assert_true (g_str_has_prefix (out, "1\t"));
  g_assert_nonnull (strstr (out, "\tR\tSent for review\n"));
  g_clear_pointer (&out, g_free);
  g_assert_cmpint (rpt_test_run_cli (export_v, &out, NULL), ==, 0);
  g_assert_cmpstr (out, ==, sample);
}

/* A write that fails names the file the user chose, never the temporary
 * file beside it that the write goes through. */
static void
test_write_error_names_target (void)
{
  g_autoptr (GError) error = NULL;

  if (!g_file_test ("/proc/self", G_FILE_TEST_IS_DIR))
    {
      g_test_skip ("no /proc: no folder nobody can write in");
      return;
    }
  g_assert_false (rpt_file_write_private ("/proc/letter.pdf", "x", 1, &error));
  g_assert_nonnull (error);
  g_assert_nonnull (strstr (error->message, "/proc/letter.pdf:"));
  g_assert_null (strstr (error->message, "letter.pdf."));
}

int
main (int argc, char **argv)
{
  rpt_test_init (&argc, &argv);
  /* Writing into a pipe whose reader has gone must fail, not kill. */
  signal (SIGPIPE, SIG_IGN);

#define ADD(path, func) g_test_add (path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)
  g_test_add_func ("/bad-input/write-error-names-target", test_write_error_names_target);
  ADD ("/bad-input/not-sqlite", test_not_sqlite);
  ADD ("/bad-input/other-program", test_other_program);
  ADD ("/bad-input/truncated", test_truncated);
  ADD ("/bad-input/newer-version", test_newer_version);
  ADD ("/bad-input/invalid-xml", test_invalid_xml);
  ADD ("/bad-input/schema-violation", test_schema_violation);
  ADD ("/bad-input/xml-bomb", test_xml_bomb);
  ADD ("/bad-input/external-entity", test_external_entity);
  ADD ("/bad-input/not-utf8", test_not_utf8);
  ADD ("/bad-input/output-folder-missing", test_output_folder_missing);
  ADD ("/bad-input/output-folder-read-only", test_output_folder_read_only);
  ADD ("/bad-input/existing-output", test_existing_output);
  ADD ("/bad-input/disk-full", test_disk_full);
  ADD ("/bad-input/usage", test_usage_errors);
  ADD ("/bad-input/good-paths", test_good_paths);
  ADD ("/bad-input/pipe-gigabyte", test_pipe_gigabyte);
  ADD ("/bad-input/device-and-large-file", test_device_and_large_file);
  ADD ("/bad-input/pipe-letter", test_pipe_letter);
  ADD ("/bad-input/output-is-pipe", test_output_is_pipe);
  ADD ("/bad-input/output-through-link", test_output_through_link);
#undef ADD

  return g_test_run ();
}
