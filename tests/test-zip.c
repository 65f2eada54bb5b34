/* test-zip.c
 *
 * Copyright 2026 The Rapporteur authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include <string.h>
#include <zip.h>

#include "rpt-test-util.h"
#include "rpt-zip-private.h"

/* The ZIP writer and reader of the core (rpt-zip.c): packages libzip and
 * LibreOffice read, and a reader that refuses what it should. */

#define LIMIT (1024 * 1024)

static GBytes *
make_package (void)
{
  g_autoptr (GBytes) mimetype = g_bytes_new_static ("application/vnd.oasis.opendocument.text", 39);
  g_autoptr (GString) text = g_string_new ("<?xml version=\"1.0\"?><a>");
  g_autoptr (GBytes) content = NULL;
  RptZipWriter *zip = _rpt_zip_writer_new (1700000000);

  for (guint i = 0; i < 2000; i++)
    g_string_append_printf (text, "<p>paragraph %u, été</p>", i);
  g_string_append (text, "</a>");
  content = g_bytes_new (text->str, text->len);
  _rpt_zip_writer_add (zip, "mimetype", mimetype, TRUE);
  _rpt_zip_writer_add (zip, "content.xml", content, FALSE);
  return _rpt_zip_writer_finish (zip);
}

static char *
write_temp (const char *dir, const char *name, const void *data, gsize length)
{
  char *path = g_build_filename (dir, name, NULL);
  g_autoptr (GError) error = NULL;

  g_file_set_contents (path, data, (gssize) length, &error);
  g_assert_no_error (error);
  return path;
}

/* What the writer makes, libzip reads: the parts in order, "mimetype"
 * first and stored, the content deflated, CRCs right. */
static void
test_written_read_by_libzip (void)
{
  g_autofree char *dir = rpt_test_make_tmpdir ();
  g_autoptr (GBytes) package = make_package ();
  gsize length;
  const char *data = g_bytes_get_data (package, &length);
  g_autofree char *path = write_temp (dir, "p.zip", data, length);
  int err = 0;
  zip_t *zip = zip_open (path, ZIP_RDONLY | ZIP_CHECKCONS, &err);
  zip_stat_t st;
  zip_file_t *file;
  g_autofree char *content = NULL;

  g_assert_nonnull (zip);
  g_assert_cmpint (zip_get_num_entries (zip, 0), ==, 2);
  g_assert_cmpstr (zip_get_name (zip, 0, 0), ==, "mimetype");
  g_assert_cmpint (zip_stat_index (zip, 0, 0, &st), ==, 0);
  g_assert_cmpint (st.comp_method, ==, ZIP_CM_STORE);
  g_assert_cmpint (zip_stat_index (zip, 1, 0, &st), ==, 0);
  g_assert_cmpint (st.comp_method, ==, ZIP_CM_DEFLATE);
  g_assert_cmpuint (st.comp_size, <, st.size);
  /* the first bytes are what programs recognise an ODT by */
  g_assert_cmpint (memcmp (data + 30, "mimetypeapplication/vnd.oasis.opendocument.text", 47), ==,
                   0);

  file = zip_fopen_index (zip, 1, 0);
  g_assert_nonnull (file);
  content = g_malloc (st.size + 1);
  g_assert_cmpint (zip_fread (file, content, st.size), ==, (zip_int64_t) st.size);
  content[st.size] = '\0';
  g_assert_true (g_str_has_suffix (content, "<p>paragraph 1999, été</p></a>"));
  zip_fclose (file);
  zip_close (zip);
  rpt_test_rm_rf (dir);
}

/* The reader takes its own packages, LibreOffice's (data descriptors, a
 * thumbnail) and stored parts after an archive comment. */
static void
test_read (void)
{
  g_autofree char *dir = rpt_test_make_tmpdir ();
  g_autoptr (GBytes) package = make_package ();
  gsize length;
  const char *bytes = g_bytes_get_data (package, &length);
  g_autofree char *path = write_temp (dir, "p.zip", bytes, length);
  g_autofree char *libreoffice =
    rpt_test_source_path ("tests", "fuzz", "corpus", "fuzz-zip", "libreoffice.odt", NULL);
  g_autofree char *stored =
    rpt_test_source_path ("tests", "fuzz", "corpus", "fuzz-zip", "stored-comment.odt", NULL);
  g_autofree char *streamed =
    rpt_test_source_path ("tests", "fuzz", "corpus", "fuzz-zip", "data-descriptor.zip", NULL);
  char *data = NULL;

  g_assert_cmpint (_rpt_zip_read (path, "content.xml", LIMIT, &data, &length), ==, RPT_ZIP_READ_OK);
  g_assert_true (g_str_has_suffix (data, "<p>paragraph 1999, été</p></a>"));
  g_assert_cmpuint (length, ==, strlen (data));
  g_free (data);

  g_assert_cmpint (_rpt_zip_read (libreoffice, "content.xml", LIMIT, &data, &length), ==,
                   RPT_ZIP_READ_OK);
  g_assert_nonnull (strstr (data, "Rukhshona Khakimova"));
  g_free (data);
  g_assert_cmpint (_rpt_zip_read (libreoffice, "mimetype", LIMIT, &data, &length), ==,
                   RPT_ZIP_READ_OK);
  g_assert_cmpstr (data, ==, "application/vnd.oasis.opendocument.text");
  g_free (data);

  g_assert_cmpint (_rpt_zip_read (stored, "content.xml", LIMIT, &data, &length), ==,
                   RPT_ZIP_READ_OK);
  g_assert_cmpstr (data, ==, "<?xml version=\"1.0\"?><a>stored</a>");
  g_free (data);

  g_assert_cmpint (_rpt_zip_read (streamed, "content.xml", LIMIT, &data, &length), ==,
                   RPT_ZIP_READ_OK);
  g_assert_true (g_str_has_suffix (data, "streamed </a>"));
  g_free (data);
  rpt_test_rm_rf (dir);
}

static RptZipReadResult
read_bytes (const char *dir, const guint8 *bytes, gsize length, gsize limit)
{
  g_autofree char *path = write_temp (dir, "bad.zip", bytes, length);
  g_autofree char *data = NULL;
  gsize got = 99;
  RptZipReadResult result = _rpt_zip_read (path, "content.xml", limit, &data, &got);

  g_assert_true ((result == RPT_ZIP_READ_OK) == (data != NULL));
  if (result != RPT_ZIP_READ_OK)
    g_assert_cmpuint (got, ==, 0);
  return result;
}

/* Offsets in the package make_package() writes. */
static gsize
content_central (const guint8 *p, gsize length)
{
  for (gsize i = length - 22; i-- > 0;)
    if (memcmp (p + i, "PK\x01\x02", 4) == 0 && memcmp (p + i + 46, "content.xml", 11) == 0)
      return i;
  g_assert_not_reached ();
}

static void
put32 (guint8 *p, guint32 v)
{
  p[0] = v & 0xff;
  p[1] = (v >> 8) & 0xff;
  p[2] = (v >> 16) & 0xff;
  p[3] = v >> 24;
}

/* Damaged and hostile packages: each refused for what it is, and nothing
 * read past the file or beyond the limit. */
static void
test_refused (void)
{
  g_autofree char *dir = rpt_test_make_tmpdir ();
  g_autoptr (GBytes) package = make_package ();
  gsize length;
  const guint8 *good = g_bytes_get_data (package, &length);
  gsize central = content_central (good, length);
  g_autofree guint8 *bad = g_memdup2 (good, length);
  g_autofree char *missing = g_build_filename (dir, "missing.odt", NULL);
  g_autofree char *data = NULL;
  gsize got;

  /* not a package at all, or nothing */
  g_assert_cmpint (read_bytes (dir, (const guint8 *) "<letter/>", 9, LIMIT), ==,
                   RPT_ZIP_READ_NOT_ZIP);
  g_assert_cmpint (read_bytes (dir, (const guint8 *) "", 0, LIMIT), ==, RPT_ZIP_READ_NOT_ZIP);
  g_assert_cmpint (_rpt_zip_read (missing, "content.xml", LIMIT, &data, &got), ==,
                   RPT_ZIP_READ_NOT_ZIP);
  g_assert_cmpint (_rpt_zip_read (dir, "content.xml", LIMIT, &data, &got), ==,
                   RPT_ZIP_READ_NOT_ZIP);
  /* cut short: the end record is gone */
  g_assert_cmpint (read_bytes (dir, good, length - 10, LIMIT), ==, RPT_ZIP_READ_NOT_ZIP);
  /* no such part */
  {
    g_autofree char *path = write_temp (dir, "p.zip", good, length);
    g_assert_cmpint (_rpt_zip_read (path, "styles.xml", LIMIT, &data, &got), ==,
                     RPT_ZIP_READ_NO_ENTRY);
  }
  /* larger than the limit, unpacked or as it says */
  g_assert_cmpint (read_bytes (dir, good, length, 1000), ==, RPT_ZIP_READ_TOO_LARGE);
  memcpy (bad, good, length);
  put32 (bad + central + 24, 0xfffffff0);
  g_assert_cmpint (read_bytes (dir, bad, length, LIMIT), ==, RPT_ZIP_READ_TOO_LARGE);
  /* says less than it unpacks to: refused, not followed */
  memcpy (bad, good, length);
  put32 (bad + central + 24, 100);
  g_assert_cmpint (read_bytes (dir, bad, length, LIMIT), ==, RPT_ZIP_READ_UNREADABLE);
  /* a wrong CRC */
  memcpy (bad, good, length);
  bad[central + 16] ^= 0xff;
  g_assert_cmpint (read_bytes (dir, bad, length, LIMIT), ==, RPT_ZIP_READ_UNREADABLE);
  /* encrypted */
  memcpy (bad, good, length);
  bad[central + 8] |= 1;
  g_assert_cmpint (read_bytes (dir, bad, length, LIMIT), ==, RPT_ZIP_READ_UNREADABLE);
  /* a compression method other than store and deflate */
  memcpy (bad, good, length);
  bad[central + 10] = 12;
  g_assert_cmpint (read_bytes (dir, bad, length, LIMIT), ==, RPT_ZIP_READ_UNREADABLE);
  /* data said to lie beyond the file */
  memcpy (bad, good, length);
  put32 (bad + central + 20, (guint32) length);
  g_assert_cmpint (read_bytes (dir, bad, length, LIMIT), ==, RPT_ZIP_READ_UNREADABLE);
  /* a local header where there is none */
  memcpy (bad, good, length);
  put32 (bad + central + 42, 5);
  g_assert_cmpint (read_bytes (dir, bad, length, LIMIT), ==, RPT_ZIP_READ_UNREADABLE);
  /* a central directory said to run past the end record */
  memcpy (bad, good, length);
  put32 (bad + length - 22 + 12, 0x7fffffff);
  g_assert_cmpint (read_bytes (dir, bad, length, LIMIT), ==, RPT_ZIP_READ_NOT_ZIP);
  /* damaged deflate data */
  memcpy (bad, good, length);
  memset (bad + 77 + 30 + 11 + 10, 0xff, 40);
  g_assert_cmpint (read_bytes (dir, bad, length, LIMIT), ==, RPT_ZIP_READ_UNREADABLE);
  rpt_test_rm_rf (dir);
}

int
main (int argc, char **argv)
{
  rpt_test_init (&argc, &argv);

  g_test_add_func ("/zip/written-read-by-libzip", test_written_read_by_libzip);
  g_test_add_func ("/zip/read", test_read);
  g_test_add_func ("/zip/refused", test_refused);

  return g_test_run ();
}
