/* test-odt.c
 *
 * Copyright 2026 The Rapporteur authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include <glib/gstdio.h>
#include <string.h>
#include <zip.h>

#include "rpt-test-util.h"

/*
 * The ODT export: the package (mimetype first and stored, a manifest that
 * lists every part, meta.xml, the house style), the sample letter word
 * for word against the published letter, hostile text, every kind of
 * letter, the command line. Every ODT made here goes through
 * ../shared/tools/odf-validate.
 */

static GDateTime *
fixed_date (void)
{
  return g_date_time_new_utc (2026, 3, 14, 9, 26, 53);
}

/* Exports @letter to an ODT in @dir and returns its path. */
static char *
export_odt (RptLetter *letter, const char *dir, const char *name)
{
  g_autoptr (RptExport) export = rpt_export_new (letter);
  g_autoptr (GDateTime) date = fixed_date ();
  g_autoptr (GError) error = NULL;
  char *path = g_build_filename (dir, name, NULL);

  rpt_export_set_creator (export, "Test Drafter");
  rpt_export_set_date (export, date);
  g_assert_true (rpt_export_write_file (export, RPT_EXPORT_FORMAT_ODT, path, &error));
  g_assert_no_error (error);
  return path;
}

static xmlDoc *
read_content (const char *odt)
{
  gsize length;
  g_autofree char *content = rpt_test_zip_read (odt, "content.xml", &length);

  return rpt_test_parse_xml (content, length);
}

static xmlNode *
office_text (xmlDoc *doc)
{
  xmlNode *text = rpt_document_xml_get_text (doc);

  if (text == NULL)
    {
      /* content.xml: office:document-content/office:body/office:text */
      xmlNode *root = xmlDocGetRootElement (doc);
      for (xmlNode *b = root->children; b != NULL && text == NULL; b = b->next)
        if (b->type == XML_ELEMENT_NODE && xmlStrEqual (b->name, BAD_CAST "body"))
          for (xmlNode *t = b->children; t != NULL; t = t->next)
            if (t->type == XML_ELEMENT_NODE && xmlStrEqual (t->name, BAD_CAST "text"))
              text = t;
    }
  g_assert_nonnull (text);
  return text;
}

/* ------------------------------------------------------------------ */
/* The package                                                         */

static void
test_package (void)
{
  g_autofree char *dir = rpt_test_make_tmpdir ();
  g_autoptr (RptLetter) letter = rpt_test_load_letter ("sample");
  g_autofree char *odt = export_odt (letter, dir, "sample.odt");
  g_autofree char *raw = NULL;
  g_autofree char *manifest = NULL;
  g_autofree char *meta = NULL;
  g_autofree char *styles = NULL;
  g_autofree char *mimetype = NULL;
  GStatBuf st;
  gsize length;
  int err = 0;
  zip_t *zip;

  /* Private to the user, like the document. */
  g_assert_cmpint (g_stat (odt, &st), ==, 0);
  g_assert_cmpint (st.st_mode & 0777, ==, 0600);

  /* The first local file header: "mimetype", stored, no extra field. */
  g_assert_true (g_file_get_contents (odt, &raw, &length, NULL));
  g_assert_cmpmem (raw, 4, "PK\003\004", 4);
  g_assert_cmpint (raw[8] | raw[9] << 8, ==, 0);   /* method: stored */
  g_assert_cmpint (raw[26] | raw[27] << 8, ==, 8); /* name length */
  g_assert_cmpint (raw[28] | raw[29] << 8, ==, 0); /* extra field length */
  g_assert_cmpmem (raw + 30, 8, "mimetype", 8);
  g_assert_cmpmem (raw + 38, strlen (RPT_ODT_MIMETYPE), RPT_ODT_MIMETYPE,
                   strlen (RPT_ODT_MIMETYPE));

  /* Every part is in the manifest, and nothing else is in the package. */
  manifest = rpt_test_zip_read (odt, "META-INF/manifest.xml", NULL);
  zip = zip_open (odt, ZIP_RDONLY, &err);
  g_assert_nonnull (zip);
  g_assert_cmpint (zip_get_num_entries (zip, 0), ==, 5);
  for (zip_int64_t i = 0; i < zip_get_num_entries (zip, 0); i++)
    {
      const char *name = zip_get_name (zip, i, 0);
      g_autofree char *entry = g_strdup_printf ("manifest:full-path=\"%s\"", name);
      if (!g_str_equal (name, "mimetype") && !g_str_has_prefix (name, "META-INF/"))
        g_assert_nonnull (strstr (manifest, entry));
    }
  zip_close (zip);
  g_assert_nonnull (strstr (manifest, "manifest:full-path=\"/\" manifest:version=\"1.3\" "
                                      "manifest:media-type=\"" RPT_ODT_MIMETYPE "\""));
  mimetype = rpt_test_zip_read (odt, "mimetype", NULL);
  g_assert_cmpstr (mimetype, ==, RPT_ODT_MIMETYPE);

  /* meta.xml */
  meta = rpt_test_zip_read (odt, "meta.xml", NULL);
  g_assert_nonnull (
    strstr (meta, "<meta:generator>Rapporteur/" PACKAGE_VERSION "</meta:generator>"));
  g_assert_nonnull (strstr (meta, "<dc:title>AL TJK 1/2025</dc:title>"));
  g_assert_nonnull (strstr (meta, "<dc:subject>alleged sentencing of an independent journalist"));
  g_assert_nonnull (strstr (meta, "<dc:creator>Test Drafter</dc:creator>"));
  g_assert_nonnull (strstr (meta, "<meta:initial-creator>Test Drafter</meta:initial-creator>"));
  g_assert_nonnull (strstr (meta, "<meta:creation-date>2026-03-14T09:26:53Z</meta:creation-date>"));
  g_assert_nonnull (strstr (meta, "<dc:date>2026-03-14T09:26:53Z</dc:date>"));
  g_assert_nonnull (strstr (meta, "<dc:language>en</dc:language>"));
  g_assert_nonnull (strstr (meta, "<meta:keyword>Tajikistan</meta:keyword>"));
  g_assert_nonnull (strstr (meta, "<meta:user-defined meta:name=\"Reference\" "
                                  "meta:value-type=\"string\">AL TJK 1/2025</meta:user-defined>"));

  /* The house style, with the reference in the header of later pages. */
  styles = rpt_test_zip_read (odt, "styles.xml", NULL);
  g_assert_nonnull (strstr (styles, "<text:user-defined text:name=\"Reference\">AL TJK "
                                    "1/2025</text:user-defined>"));
  g_assert_nonnull (strstr (styles, "style:name=\"Questions\""));
  g_assert_nonnull (strstr (styles, "fo:page-width=\"21cm\""));

  rpt_test_validate_odf (odt);
  rpt_test_rm_rf (dir);
}

/* The same letter and date make the same bytes. */
static void
test_reproducible (void)
{
  g_autoptr (RptLetter) letter = rpt_test_load_letter ("sample");
  g_autoptr (GDateTime) date = fixed_date ();
  g_autoptr (GBytes) a = NULL;
  g_autoptr (GBytes) b = NULL;
  g_autoptr (GError) error = NULL;

  for (guint i = 0; i < 2; i++)
    {
      g_autoptr (RptExport) export = rpt_export_new (letter);
      rpt_export_set_creator (export, "Test Drafter");
      rpt_export_set_date (export, date);
      if (i == 0)
        a = rpt_export_run (export, RPT_EXPORT_FORMAT_ODT, &error);
      else
        b = rpt_export_run (export, RPT_EXPORT_FORMAT_ODT, &error);
      g_assert_no_error (error);
    }
  g_assert_true (g_bytes_equal (a, b));

  {
    g_autofree char *dir = rpt_test_make_tmpdir ();
    g_autofree char *path = g_build_filename (dir, "reproducible.odt", NULL);
    g_assert_true (
      g_file_set_contents (path, g_bytes_get_data (a, NULL), g_bytes_get_size (a), NULL));
    rpt_test_validate_odf (path);
    rpt_test_rm_rf (dir);
  }
}

/* ------------------------------------------------------------------ */
/* Word for word                                                       */

enum
{
  BOLD = 1,
  ITALIC = 2,
  LINK = 4,
};

typedef struct
{
  GString *text;
  GArray *flags; /* one guint8 per byte of text */
} Word;

static void
word_free (Word *w)
{
  g_string_free (w->text, TRUE);
  g_array_unref (w->flags);
  g_free (w);
}

/* Words with the formatting of each character, from text marked like the
 * published sample: **bold**, *italic*, [link](target). */
static GPtrArray *
parse_marked (const char *text)
{
  GPtrArray *words = g_ptr_array_new_with_free_func ((GDestroyNotify) word_free);
  Word *word = NULL;
  guint8 flags = 0;
  const char *p = text;

  while (*p != '\0')
    {
      if (g_str_has_prefix (p, "**"))
        {
          flags ^= BOLD;
          p += 2;
          continue;
        }
      if (*p == '*')
        {
          flags ^= ITALIC;
          p++;
          continue;
        }
      if (*p == '[' && !(flags & LINK))
        {
          flags |= LINK;
          p++;
          continue;
        }
      if (g_str_has_prefix (p, "](") && (flags & LINK))
        {
          const char *end = strchr (p, ')');
          g_assert_nonnull (end);
          flags &= ~LINK;
          p = end + 1;
          continue;
        }
      if (g_ascii_isspace (*p))
        {
          word = NULL;
          p++;
          continue;
        }
      if (word == NULL)
        {
          word = g_new0 (Word, 1);
          word->text = g_string_new (NULL);
          word->flags = g_array_new (FALSE, FALSE, 1);
          g_ptr_array_add (words, word);
        }
      g_string_append_c (word->text, *p);
      g_array_append_val (word->flags, flags);
      p++;
    }
  return words;
}

static char *
context (GPtrArray *words, guint at)
{
  g_autoptr (GString) out = g_string_new (NULL);

  for (guint i = at > 8 ? at - 8 : 0; i < MIN (words->len, at + 8); i++)
    g_string_append_printf (out, i == at ? "[%s] " : "%s ", ((Word *) words->pdata[i])->text->str);
  return g_string_free (g_steal_pointer (&out), FALSE);
}

static void
assert_same_words (const char *published, const char *exported)
{
  g_autoptr (GPtrArray) want = parse_marked (published);
  g_autoptr (GPtrArray) have = parse_marked (exported);

  for (guint i = 0; i < MAX (want->len, have->len); i++)
    {
      Word *w = i < want->len ? want->pdata[i] : NULL;
      Word *h = i < have->len ? have->pdata[i] : NULL;

      if (w == NULL || h == NULL || !g_str_equal (w->text->str, h->text->str))
        {
          g_autofree char *a = context (want, i);
          g_autofree char *b = context (have, i);
          g_test_fail_printf ("word %u differs:\n  published: %s\n  exported:  %s", i + 1, a, b);
          return;
        }
      if (memcmp (w->flags->data, h->flags->data, w->flags->len) != 0)
        {
          g_autofree char *a = context (want, i);
          g_test_fail_printf ("word %u (%s) is formatted differently (bold, italic or link):\n"
                              "  %s",
                              i + 1, w->text->str, a);
          return;
        }
    }
  g_assert_cmpuint (want->len, ==, have->len);
  g_test_message ("%u words, the same, formatted the same", want->len);
}

/* The text of the ODT exported from data/samples/AL-TJK-1-2025.xml is the
 * text of the published letter: the same words in the same order, bold,
 * italic and the link where the letter has them. The text comes from
 * content.xml itself; list numbers and bullets are drawn as the list
 * styles draw them. */
static void
test_sample_word_for_word (void)
{
  g_autofree char *txt_path = rpt_test_shared_path ("samples", "AL-TJK-1-2025.txt", NULL);
  g_autofree char *dir = NULL;
  g_autofree char *odt = NULL;
  g_autofree char *published = NULL;
  g_autofree char *exported = NULL;
  g_autoptr (RptLetter) letter = NULL;
  xmlDoc *content;

  if (txt_path == NULL)
    return;
  g_assert_true (g_file_get_contents (txt_path, &published, NULL, NULL));

  dir = rpt_test_make_tmpdir ();
  letter = rpt_test_load_letter ("sample");
  odt = export_odt (letter, dir, "sample.odt");
  content = read_content (odt);
  exported = rpt_test_odf_text (office_text (content), TRUE);
  xmlFreeDoc (content);

  assert_same_words (published, exported);
  rpt_test_validate_odf (odt);
  rpt_test_rm_rf (dir);
}

/* The comparison itself notices a changed word and a lost bold. */
static void
test_comparison_is_honest (void)
{
  g_autoptr (GPtrArray) a =
    parse_marked ("Ms. **Rukhshona Khakimova** is *inter alia* [website](#)");
  g_autoptr (GPtrArray) b = parse_marked ("Ms.  **Rukhshona\nKhakimova** is\t*inter alia* "
                                          "[website](https://spcommreports.ohchr.org/)");
  g_autoptr (GPtrArray) c = parse_marked ("Ms. Rukhshona **Khakimova** is *inter alia* website");

  g_assert_cmpuint (a->len, ==, 7);
  g_assert_cmpuint (b->len, ==, 7);
  for (guint i = 0; i < a->len; i++)
    {
      Word *x = a->pdata[i], *y = b->pdata[i], *z = c->pdata[i];
      g_assert_cmpstr (x->text->str, ==, y->text->str);
      g_assert_cmpmem (x->flags->data, x->flags->len, y->flags->data, y->flags->len);
      if (i == 1 || i == 6)
        g_assert_cmpint (memcmp (x->flags->data, z->flags->data, x->flags->len), !=, 0);
    }
}

/* ------------------------------------------------------------------ */
/* Hostile text                                                        */

static char *
megabyte_paragraph (void)
{
  GString *out = g_string_sized_new (1024 * 1024 + 64);

  while (out->len < 1024 * 1024)
    g_string_append (out, "Lorem ipsum dolor sit amet, consectetur  adipiscing elit; ");
  return g_string_free (out, FALSE);
}

static void
test_hostile_text (void)
{
  g_autofree char *big = megabyte_paragraph ();
  const char *typed[] = {
    "a < b && c > d; the end of CDATA: ]]> and <![CDATA[ x ]]>; <b>not bold</b> &amp; &lt;",
    "\"double\" and 'single' quotes, “curly” and «guillemets»",
    "control\001characters\002 dropped\037, form\014feed and vertical\013tab as line breaks",
    "right to left: مرحبا بالعالم and עברית mixed with English (123)",
    "emoji: 😀 👩🏽‍⚖️ 🇹🇯 and a non-character-free supplementary plane: 𝄞",
    "  two leading spaces, three   inside, a\ttab, a\nline feed, and two trailing  ",
    " ",
    big,
  };
  g_autofree char *dir = rpt_test_make_tmpdir ();
  g_autoptr (RptLetter) letter = rpt_letter_new ();
  g_autoptr (GPtrArray) ids = g_ptr_array_new_with_free_func (g_free);
  g_autofree char *odt = NULL;
  guint removed_total = 0;
  xmlDoc *content;
  xmlNode *text;

  rpt_letter_set_kind (letter, RPT_LETTER_KIND_AL);
  rpt_letter_set_country (letter, "TJK");
  rpt_letter_set_summary (letter, "hostile &amp; &lt;text&gt; ]]&gt;");
  for (guint i = 0; i < G_N_ELEMENTS (typed); i++)
    {
      guint removed = 0;
      g_autofree char *markup = rpt_markup_escape_text (typed[i], -1, &removed);
      RptParagraph *p = rpt_paragraph_new (markup);

      removed_total += removed;
      g_ptr_array_add (ids, g_strdup (rpt_paragraph_get_id (p)));
      rpt_letter_append_item (letter, RPT_PART_FACTS, p);
    }
  /* What the program tells the drafter: three control characters
   * dropped, form feed and vertical tab turned into line breaks. */
  g_assert_cmpuint (removed_total, ==, 5);

  odt = export_odt (letter, dir, "hostile.odt");
  rpt_test_validate_odf (odt);

  content = read_content (odt);
  text = office_text (content);
  for (guint i = 0; i < G_N_ELEMENTS (typed); i++)
    {
      g_autofree char *want = rpt_text_sanitize (typed[i], -1, FALSE, NULL);
      xmlNode *p = rpt_test_odf_find_item (text, ids->pdata[i]);
      g_autofree char *have = NULL;

      g_assert_nonnull (p);
      have = rpt_test_odf_inline_text (p, FALSE);
      if (strlen (want) > 200)
        g_assert_true (g_str_equal (want, have));
      else
        g_assert_cmpstr (have, ==, want);
    }
  xmlFreeDoc (content);
  rpt_test_rm_rf (dir);
}

/* ------------------------------------------------------------------ */
/* Every kind of letter                                                */

static void
test_kinds (void)
{
  const char *letters[] = {
    "UA-BLR-one-mandate.xml",
    "OL-KAZ-three-mandates.xml",
    "AL-OTH-company.xml",
    "AL-TJK-draft.xml",
  };
  g_autofree char *dir = rpt_test_make_tmpdir ();

  for (guint i = 0; i < G_N_ELEMENTS (letters); i++)
    {
      g_autoptr (RptLetter) letter = rpt_test_load_letter (letters[i]);
      g_autofree char *name = g_strconcat (letters[i], ".odt", NULL);
      g_autofree char *odt = export_odt (letter, dir, name);

      if (!rpt_test_validate_odf (odt))
        break;
    }
  rpt_test_rm_rf (dir);
}

/* ------------------------------------------------------------------ */
/* The command line                                                    */

static void
test_cli (void)
{
  g_autofree char *dir = rpt_test_make_tmpdir ();
  g_autofree char *sample = rpt_test_source_path ("data", "samples", "AL-TJK-1-2025.xml", NULL);
  g_autofree char *doc = g_build_filename (dir, "sample.rapporteur", NULL);
  g_autofree char *from_xml = g_build_filename (dir, "from-xml.odt", NULL);
  g_autofree char *from_doc = g_build_filename (dir, "from-doc.odt", NULL);
  g_autofree char *document_xml = g_build_filename (dir, "document.xml", NULL);
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;
  g_autofree char *a = NULL;
  g_autofree char *b = NULL;
  g_autofree char *dx = NULL;
  g_autoptr (GError) error = NULL;
  xmlDoc *checked;
  GStatBuf st;

  {
    const char *args[] = { "export", "--format", "odt", sample, "-o", from_xml, NULL };
    g_assert_cmpint (rpt_test_run_cli (args, &out, &err), ==, 0);
    /* notes on the unverified data the letter relies on */
    g_assert_nonnull (strstr (err, "note: Unverified reference data"));
    g_assert_nonnull (strstr (err, "TJK and ICCPR"));
    g_clear_pointer (&out, g_free);
    g_clear_pointer (&err, g_free);
  }
  {
    const char *args[] = { "import", sample, doc, NULL };
    g_assert_cmpint (rpt_test_run_cli (args, NULL, NULL), ==, 0);
  }
  {
    const char *args[] = { "export", "-q", "--format", "odt", doc, "-o", from_doc, NULL };
    g_assert_cmpint (rpt_test_run_cli (args, NULL, &err), ==, 0);
    g_assert_cmpstr (err, ==, "");
    g_clear_pointer (&err, g_free);
  }
  {
    const char *args[] = {
      "export", "-q", "--format", "document-xml", doc, "-o", document_xml, NULL
    };
    g_assert_cmpint (rpt_test_run_cli (args, NULL, NULL), ==, 0);
  }
  {
    const char *args[] = { "export", "--format", "rtf", doc, "-o", from_doc, NULL };
    g_assert_cmpint (rpt_test_run_cli (args, NULL, &err), ==, 2);
    g_assert_nonnull (strstr (err, "not an export format"));
    g_clear_pointer (&err, g_free);
  }

  g_assert_cmpint (g_stat (from_xml, &st), ==, 0);
  g_assert_cmpint (st.st_mode & 0777, ==, 0600);
  /* The same letter, from XML or from a document: the same text. */
  a = rpt_test_zip_read (from_xml, "content.xml", NULL);
  b = rpt_test_zip_read (from_doc, "content.xml", NULL);
  g_assert_cmpstr (a, ==, b);

  /* The document XML is the subset, and it is what went into the ODT. */
  g_assert_true (g_file_get_contents (document_xml, &dx, NULL, NULL));
  checked = rpt_document_xml_read (dx, -1, document_xml, &error);
  g_assert_no_error (error);
  g_assert_nonnull (strstr (dx, "acceded to by Tajikistan on 4 January 1999"));
  xmlFreeDoc (checked);

  rpt_test_validate_odf (from_xml);
  rpt_test_validate_odf (from_doc);
  rpt_test_rm_rf (dir);
}

/* ------------------------------------------------------------------ */
/* Asynchronous export                                                 */

static void
write_done_cb (GObject *source, GAsyncResult *result, gpointer user_data)
{
  gboolean *done = user_data;
  g_autoptr (GError) error = NULL;

  g_assert_true (rpt_export_write_finish (RPT_EXPORT (source), result, &error));
  g_assert_no_error (error);
  *done = TRUE;
}

static void
test_async (void)
{
  g_autofree char *dir = rpt_test_make_tmpdir ();
  g_autofree char *path = g_build_filename (dir, "async.odt", NULL);
  g_autoptr (RptLetter) letter = rpt_test_load_letter ("sample");
  g_autoptr (RptExport) export = rpt_export_new (letter);
  g_autofree char *meta = NULL;
  gboolean done = FALSE;

  /* The export is a snapshot: editing the letter now changes nothing. */
  rpt_letter_set_summary (letter, "something else");
  rpt_export_write_async (export, RPT_EXPORT_FORMAT_ODT, path, NULL, write_done_cb, &done);
  while (!done)
    g_main_context_iteration (NULL, TRUE);
  g_assert_true (g_file_test (path, G_FILE_TEST_IS_REGULAR));
  meta = rpt_test_zip_read (path, "meta.xml", NULL);
  g_assert_nonnull (strstr (meta, "alleged sentencing"));
  rpt_test_validate_odf (path);
  rpt_test_rm_rf (dir);
}

/* "" leaves the author out; no author given is the account's full name if
 * it has one, never the login name. */
static void
test_author (void)
{
  g_autoptr (RptLetter) letter = rpt_test_load_letter ("sample");
  g_autofree char *dir = rpt_test_make_tmpdir ();
  g_autofree char *login = g_strdup_printf ("<dc:creator>%s</dc:creator>", g_get_user_name ());

  for (guint i = 0; i < 2; i++)
    {
      g_autoptr (RptExport) export = rpt_export_new (letter);
      g_autofree char *path = g_build_filename (dir, i == 0 ? "none.odt" : "default.odt", NULL);
      g_autofree char *meta = NULL;
      g_autoptr (GError) error = NULL;

      rpt_export_set_creator (export, i == 0 ? "" : NULL);
      g_assert_true (rpt_export_write_file (export, RPT_EXPORT_FORMAT_ODT, path, &error));
      g_assert_no_error (error);
      meta = rpt_test_zip_read (path, "meta.xml", NULL);
      if (i == 0)
        {
          g_assert_null (strstr (meta, "creator>"));
          g_assert_null (strstr (meta, "initial-creator"));
        }
      else
        g_assert_null (strstr (meta, login));
    }
  rpt_test_rm_rf (dir);
}

int
main (int argc, char **argv)
{
  rpt_test_init (&argc, &argv);

  g_test_add_func ("/odt/package", test_package);
  g_test_add_func ("/odt/reproducible", test_reproducible);
  g_test_add_func ("/odt/comparison-is-honest", test_comparison_is_honest);
  g_test_add_func ("/odt/sample-word-for-word", test_sample_word_for_word);
  g_test_add_func ("/odt/hostile-text", test_hostile_text);
  g_test_add_func ("/odt/kinds", test_kinds);
  g_test_add_func ("/odt/cli", test_cli);
  g_test_add_func ("/odt/async", test_async);
  g_test_add_func ("/odt/author", test_author);

  return g_test_run ();
}
