/* rpt-test-util.c
 *
 * Copyright 2026 The Rapporteur authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include <glib/gstdio.h>
#include <locale.h>
#include <stdlib.h>
#include <libxml/parser.h>
#include <zip.h>

#include "rpt-test-util.h"

void
rpt_test_init (int *argc, char ***argv)
{
  setlocale (LC_ALL, "C.UTF-8");
  g_test_init (argc, argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);
  rpt_core_init ();
}

/**
 * rpt_test_source_path:
 *
 * Returns: a path under the source tree (RAPPORTEUR_SOURCE_DIR)
 */
char *
rpt_test_source_path (const char *first, ...)
{
  const char *root = g_getenv ("RAPPORTEUR_SOURCE_DIR");
  g_autoptr (GPtrArray) parts = g_ptr_array_new ();
  const char *p;
  va_list args;

  g_assert_nonnull (root);
  g_ptr_array_add (parts, (gpointer) root);
  va_start (args, first);
  for (p = first; p != NULL; p = va_arg (args, const char *))
    g_ptr_array_add (parts, (gpointer) p);
  va_end (args);
  g_ptr_array_add (parts, NULL);
  return g_build_filenamev ((char **) parts->pdata);
}

char *
rpt_test_make_tmpdir (void)
{
  g_autoptr (GError) error = NULL;
  char *dir = g_dir_make_tmp ("rapporteur-test-XXXXXX", &error);

  g_assert_no_error (error);
  return dir;
}

void
rpt_test_rm_rf (const char *path)
{
  g_autoptr (GDir) dir = NULL;
  const char *name;

  if (g_file_test (path, G_FILE_TEST_IS_DIR) && !g_file_test (path, G_FILE_TEST_IS_SYMLINK))
    {
      g_chmod (path, 0700);
      dir = g_dir_open (path, 0, NULL);
      while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
        {
          g_autofree char *child = g_build_filename (path, name, NULL);
          rpt_test_rm_rf (child);
        }
      g_rmdir (path);
    }
  else
    g_unlink (path);
}

/**
 * rpt_test_run_cli:
 * @args: arguments after the program name, %NULL-terminated
 *
 * Runs the built rapporteur-cli (RAPPORTEUR_CLI).
 *
 * Returns: its exit status
 */
int
rpt_test_run_cli (const char *const *args, char **out, char **err)
{
  g_autoptr (GPtrArray) argv = g_ptr_array_new ();
  g_autoptr (GError) error = NULL;
  const char *cli = g_getenv ("RAPPORTEUR_CLI");
  int status = 0;

  g_assert_nonnull (cli);
  g_ptr_array_add (argv, (gpointer) cli);
  for (guint i = 0; args[i] != NULL; i++)
    g_ptr_array_add (argv, (gpointer) args[i]);
  g_ptr_array_add (argv, NULL);

  /* Output not asked for is dropped: it must not reach the TAP stream. */
  g_spawn_sync (NULL, (char **) argv->pdata, NULL,
                (out == NULL ? G_SPAWN_STDOUT_TO_DEV_NULL : 0) |
                  (err == NULL ? G_SPAWN_STDERR_TO_DEV_NULL : 0),
                NULL, NULL, out, err, &status, &error);
  g_assert_no_error (error);
  g_assert_true (WIFEXITED (status));
  return WEXITSTATUS (status);
}

/**
 * rpt_test_file_digest:
 *
 * Returns: the SHA-256 of the file at @path and its mode, or "missing"
 */
char *
rpt_test_file_digest (const char *path)
{
  g_autofree char *data = NULL;
  g_autofree char *sum = NULL;
  GStatBuf st;
  gsize len;

  if (g_stat (path, &st) != 0)
    return g_strdup ("missing");
  if (!g_file_get_contents (path, &data, &len, NULL))
    return g_strdup ("unreadable");
  sum = g_compute_checksum_for_data (G_CHECKSUM_SHA256, (const guchar *) data, len);
  return g_strdup_printf ("%s:%o", sum, (unsigned) (st.st_mode & 07777));
}

static void
shared_missing (const char *what, const char *why)
{
  g_autofree char *msg = g_strdup_printf ("%s is not available (%s)", what, why);

  if (g_strcmp0 (g_getenv ("CI"), "true") == 0)
    g_test_fail_printf ("%s, and CI=true requires it", msg);
  else
    g_test_skip (msg);
}

/**
 * rpt_test_shared_path:
 *
 * Returns: (nullable): a path under ../shared (beside the source tree), or
 *   %NULL after skipping the test (failing it under CI) when it is missing
 */
char *
rpt_test_shared_path (const char *first, ...)
{
  const char *root = g_getenv ("RAPPORTEUR_SOURCE_DIR");
  g_autoptr (GPtrArray) parts = g_ptr_array_new ();
  g_autofree char *shared = NULL;
  char *path;
  const char *p;
  va_list args;

  g_assert_nonnull (root);
  shared = g_build_filename (root, "..", "shared", NULL);
  g_ptr_array_add (parts, shared);
  va_start (args, first);
  for (p = first; p != NULL; p = va_arg (args, const char *))
    g_ptr_array_add (parts, (gpointer) p);
  va_end (args);
  g_ptr_array_add (parts, NULL);
  path = g_build_filenamev ((char **) parts->pdata);
  if (!g_file_test (path, G_FILE_TEST_EXISTS))
    {
      shared_missing (path, "no ../shared beside the checkout");
      g_clear_pointer (&path, g_free);
    }
  return path;
}

/**
 * rpt_test_validate_odf:
 * @path: an .odt file
 *
 * Runs ../shared/tools/odf-validate (packaging rules and the ODF 1.3
 * schema) on @path; an invalid file fails the test.
 *
 * Returns: %TRUE if the file was validated, %FALSE if the validator is
 *   not available (the test is then skipped, or failed under CI)
 */
gboolean
rpt_test_validate_odf (const char *path)
{
  g_autofree char *validator = rpt_test_shared_path ("tools", "odf-validate", NULL);
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;
  g_autoptr (GError) error = NULL;
  const char *argv[] = { NULL, path, NULL };
  int status = 0;

  if (validator == NULL)
    return FALSE;
  argv[0] = validator;
  g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_DEFAULT, NULL, NULL, &out, &err, &status,
                &error);
  g_assert_no_error (error);
  g_assert_true (WIFEXITED (status));
  if (WEXITSTATUS (status) == 2)
    {
      g_test_message ("odf-validate: %s", err);
      shared_missing ("odf-validate", "it needs jing and python3");
      return FALSE;
    }
  if (WEXITSTATUS (status) != 0)
    g_test_fail_printf ("%s is not a valid ODF package:\n%s%s", path, out, err);
  return TRUE;
}

/**
 * rpt_test_zip_read:
 *
 * Returns: the contents of @name in the zip file @path (nul-terminated)
 */
char *
rpt_test_zip_read (const char *path, const char *name, gsize *length)
{
  int err = 0;
  zip_t *zip = zip_open (path, ZIP_RDONLY, &err);
  zip_stat_t st;
  zip_file_t *file;
  char *data;

  g_assert_nonnull (zip);
  g_assert_cmpint (zip_stat (zip, name, 0, &st), ==, 0);
  file = zip_fopen (zip, name, 0);
  g_assert_nonnull (file);
  data = g_malloc (st.size + 1);
  g_assert_cmpint (zip_fread (file, data, st.size), ==, (zip_int64_t) st.size);
  data[st.size] = '\0';
  zip_fclose (file);
  zip_close (zip);
  if (length != NULL)
    *length = st.size;
  return data;
}

static gboolean
is_text (xmlNode *node, const char *name)
{
  return node->type == XML_ELEMENT_NODE && node->ns != NULL &&
         xmlStrEqual (node->ns->href, BAD_CAST RPT_NS_TEXT) &&
         xmlStrEqual (node->name, BAD_CAST name);
}

static void
append_inline (GString *out, xmlNode *parent, gboolean markers)
{
  for (xmlNode *c = parent->children; c != NULL; c = c->next)
    {
      if (c->type == XML_TEXT_NODE)
        g_string_append (out, (const char *) c->content);
      else if (is_text (c, "s"))
        {
          g_autofree char *count = (char *) xmlGetNsProp (c, BAD_CAST "c", BAD_CAST RPT_NS_TEXT);
          for (int i = 0; i < (count != NULL ? atoi (count) : 1); i++)
            g_string_append_c (out, ' ');
        }
      else if (is_text (c, "tab"))
        g_string_append_c (out, '\t');
      else if (is_text (c, "line-break"))
        g_string_append_c (out, '\n');
      else if (is_text (c, "span"))
        {
          g_autofree char *style =
            (char *) xmlGetNsProp (c, BAD_CAST "style-name", BAD_CAST RPT_NS_TEXT);
          const char *mark = !markers                           ? ""
                             : g_strcmp0 (style, "Bold") == 0   ? "**"
                             : g_strcmp0 (style, "Italic") == 0 ? "*"
                                                                : "";
          g_string_append (out, mark);
          append_inline (out, c, markers);
          g_string_append (out, mark);
        }
      else if (is_text (c, "a"))
        {
          g_autofree char *href =
            (char *) xmlGetNsProp (c, BAD_CAST "href", BAD_CAST "http://www.w3.org/1999/xlink");
          if (markers)
            g_string_append_c (out, '[');
          append_inline (out, c, markers);
          if (markers)
            g_string_append_printf (out, "](%s)", href);
        }
      else if (c->type == XML_ELEMENT_NODE && !is_text (c, "note") && !is_text (c, "bookmark"))
        append_inline (out, c, markers);
    }
}

/**
 * rpt_test_odf_text:
 * @office_text: the office:text element of content.xml or document XML
 * @markers: whether to mark formatting as the published sample does:
 *   **bold**, *italic*, [link](target)
 *
 * The text a reader sees: paragraphs separated by blank lines, list
 * labels as the list styles draw them ("1." for questions, "-" for
 * bullets), text:s, text:tab and text:line-break as the characters they
 * stand for. Footnotes are left out.
 *
 * Returns: the text
 */
char *
rpt_test_odf_text (xmlNode *office_text, gboolean markers)
{
  GString *out = g_string_new (NULL);

  for (xmlNode *b = office_text->children; b != NULL; b = b->next)
    {
      if (is_text (b, "p") || is_text (b, "h"))
        {
          if (out->len > 0)
            g_string_append (out, "\n\n");
          append_inline (out, b, markers);
        }
      else if (is_text (b, "list"))
        {
          g_autofree char *style =
            (char *) xmlGetNsProp (b, BAD_CAST "style-name", BAD_CAST RPT_NS_TEXT);
          guint n = 0;
          for (xmlNode *item = b->children; item != NULL; item = item->next)
            {
              if (!is_text (item, "list-item"))
                continue;
              for (xmlNode *p = item->children; p != NULL; p = p->next)
                if (is_text (p, "p"))
                  {
                    g_string_append (out, out->len > 0 ? "\n" : "");
                    if (g_strcmp0 (style, "Questions") == 0)
                      g_string_append_printf (out, "%u. ", ++n);
                    else
                      g_string_append (out, "- ");
                    append_inline (out, p, markers);
                  }
            }
        }
    }
  return g_string_free (out, FALSE);
}

/**
 * rpt_test_odf_inline_text:
 *
 * Returns: the text of one paragraph, as rpt_test_odf_text() writes it
 */
char *
rpt_test_odf_inline_text (xmlNode *paragraph, gboolean markers)
{
  GString *out = g_string_new (NULL);

  append_inline (out, paragraph, markers);
  return g_string_free (out, FALSE);
}

static xmlNode *
find_item (xmlNode *node, const char *name)
{
  for (xmlNode *c = node->children; c != NULL; c = c->next)
    {
      xmlNode *found;

      if (c->type != XML_ELEMENT_NODE)
        continue;
      if (is_text (c, "bookmark"))
        {
          g_autofree char *n = (char *) xmlGetNsProp (c, BAD_CAST "name", BAD_CAST RPT_NS_TEXT);
          if (g_strcmp0 (n, name) == 0)
            return node;
        }
      found = find_item (c, name);
      if (found != NULL)
        return found;
    }
  return NULL;
}

/**
 * rpt_test_odf_find_item:
 *
 * Returns: (nullable): the paragraph that starts with the bookmark of the
 *   letter item @item_id
 */
xmlNode *
rpt_test_odf_find_item (xmlNode *office_text, const char *item_id)
{
  g_autofree char *name = g_strconcat ("rpt-", item_id, NULL);

  return find_item (office_text, name);
}

xmlDoc *
rpt_test_parse_xml (const char *data, gsize length)
{
  xmlDoc *doc = xmlReadMemory (data, (int) length, "test.xml", "UTF-8",
                               XML_PARSE_NONET | XML_PARSE_NOERROR | XML_PARSE_NOWARNING);

  g_assert_nonnull (doc);
  return doc;
}

/**
 * rpt_test_load_letter:
 * @name: "sample" for data/samples/AL-TJK-1-2025.xml, else a file in
 *   tests/data/letters/
 *
 * Returns: (transfer full): the letter
 */
RptLetter *
rpt_test_load_letter (const char *name)
{
  g_autoptr (GError) error = NULL;
  g_autofree char *path = NULL;
  RptLetter *letter;

  if (g_str_equal (name, "sample"))
    path = rpt_test_source_path ("data", "samples", "AL-TJK-1-2025.xml", NULL);
  else
    path = rpt_test_source_path ("tests", "data", "letters", name, NULL);
  letter = rpt_letter_new_from_xml_file (path, &error);
  g_assert_no_error (error);
  return letter;
}

/* --- hostile paragraphs -------------------------------------------- */

#define HOSTILE_URL                                                                              \
  "https://www.ohchr.org/sites/default/files/documents/issues/expression/"                       \
  "communications/2025/AL-TJK-1-2025-annex-on-the-legislation-of-the-republic-of-tajikistan/"    \
  "report-of-the-special-rapporteur-on-freedom-of-opinion-and-expression.pdf?download=1&lang=en" \
  "&version=2025-04-23&section=facts-and-concerns&format=pdf&page=1-12"

static void
add_hostile (GPtrArray *texts, GString *body, const char *style, const char *text, gboolean ordered)
{
  g_autofree char *escaped = g_markup_escape_text (text, -1);
  RptTestText *t = g_new0 (RptTestText, 1);

  g_string_append_printf (body, "<text:p text:style-name=\"%s\">%s</text:p>\n", style, escaped);
  t->text = g_strdup (text);
  t->ordered = ordered;
  g_ptr_array_add (texts, t);
}

static char *
repeat_to (const char *word, guint n_chars)
{
  GString *s = g_string_new (NULL);

  while (g_utf8_strlen (s->str, -1) < n_chars)
    g_string_append (s, word);
  return g_string_free (s, FALSE);
}

static void
rpt_test_text_free (RptTestText *t)
{
  g_free (t->text);
  g_free (t);
}

/**
 * rpt_test_hostile_document:
 * @texts: (out) (element-type RptTestText): every text the document
 *   shows, paragraph by paragraph (a footnote's citation and its text
 *   apart), and whether text extraction can be expected to give it back
 *   in order
 *
 * Document XML that tries to make text leave the page: 100,000
 * characters without a space, long URLs in a sentence, a link and a
 * footnote, a long run of references joined by "/" and "-", long words in
 * every script the fonts cover, and a paragraph in Arabic.
 *
 * Returns: (transfer full): the document XML
 */
char *
rpt_test_hostile_document (GPtrArray **texts)
{
  /* Words of each script, repeated into a word longer than a line. In
   * order when poppler reads them back in order: it places marks drawn
   * above or below a letter by their position, so Thai vowels and
   * Hebrew and Arabic vowel marks come back, complete, in another order. */
  static const struct
  {
    const char *word;
    gboolean ordered;
  } scripts[] = {
    { "ŜćřïptûrëśàndđïàçrïtïçśŁódźDvořák", TRUE },
    { "Ελληνικάγράμματαμετόνους", TRUE },
    { "РухшонаҲакимоваҒафуровҚурбонов", TRUE },
    { "Հայերենայբուբեն", TRUE },
    { "ქართულიანბანი", TRUE },
    { "שלוםעליכםבראשית", TRUE },
    { "שָׁלוֹםעֲלֵיכֶם", FALSE },
    { "الإنسانللأممالمتحدةلاإله", TRUE },
    { "مُحَمَّدٌعَلِيٌّ", FALSE },
    { "मानवाधिकारपरिषद्क्षत्रियस्त्री", TRUE },
    { "মানবাধিকারপরিষদ", TRUE },
    { "மனிதஉரிமைகள்", TRUE },
    { "สิทธิมนุษยชนองค์การสหประชาชาติ", FALSE },
    { "人权理事会言论自由和平集会", TRUE },
    { "じんけんりじかいカタカナ", TRUE },
    { "인권이사회표현의자유", TRUE },
    { "የሰብአዊመብቶች", TRUE },
    { "✊📢🕊", TRUE },
  };
  g_autoptr (GString) body = g_string_new (NULL);
  g_autofree char *alnum = repeat_to ("abcdefghijklmnopqrstuvwxyz0123456789", 100000);
  g_autofree char *refs_run = repeat_to ("CCPR/C/GC/35-", 20000);
  /* Not ending in a hyphen: pdftotext takes a hyphen at the end of a line
   * for a hyphenation and drops it. */
  g_autofree char *refs = g_strconcat (refs_run, "CCPR/C/GC/35", NULL);
  g_autofree char *see = g_strconcat ("See ", HOSTILE_URL, " for the report.", NULL);
  g_autofree char *url_escaped = g_markup_escape_text (HOSTILE_URL, -1);
  RptTestText *t;

  *texts = g_ptr_array_new_with_free_func ((GDestroyNotify) rpt_test_text_free);
  add_hostile (*texts, body, "Mandates", "Mandate of the Special Rapporteur on hostile text", TRUE);
  add_hostile (*texts, body, "Body", see, TRUE);

  /* A footnote holding a URL, and a link whose text is its URL. */
  g_string_append_printf (
    body,
    "<text:p text:style-name=\"Body\">Cited.<text:note text:note-class=\"footnote\" "
    "text:id=\"ftn1\"><text:note-citation>1</text:note-citation><text:note-body>"
    "<text:p text:style-name=\"Footnote\">Available at %s (accessed 23 April 2025).</text:p>"
    "</text:note-body></text:note> The link: <text:a xlink:type=\"simple\" xlink:href=\"%s\">"
    "%s</text:a>.</text:p>\n",
    url_escaped, url_escaped, url_escaped);
  t = g_new0 (RptTestText, 1);
  t->text = g_strdup_printf ("Cited.1 The link: %s.", HOSTILE_URL);
  t->ordered = TRUE;
  g_ptr_array_add (*texts, t);
  t = g_new0 (RptTestText, 1);
  t->text = g_strdup_printf ("1 Available at %s (accessed 23 April 2025).", HOSTILE_URL);
  t->ordered = TRUE;
  t->note = TRUE;
  g_ptr_array_add (*texts, t);

  add_hostile (*texts, body, "Body", alnum, TRUE);
  add_hostile (*texts, body, "Body", refs, TRUE);
  for (guint i = 0; i < G_N_ELEMENTS (scripts); i++)
    {
      g_autofree char *word = repeat_to (scripts[i].word, 400);
      add_hostile (*texts, body, "Body", word, scripts[i].ordered);
    }
  /* Right to left over several lines, in order; with punctuation, which
   * poppler moves from the end of a right-to-left line to its start. */
  add_hostile (*texts, body, "Body",
               "يعرب مجلس حقوق الإنسان التابع للأمم المتحدة عن قلقه إزاء الحكم الصادر بحق "
               "الصحفية ويطلب من الحكومة معلومات عن الأسس القانونية لاحتجازها وعن التدابير "
               "المتخذة لضمان حقها في محاكمة عادلة",
               TRUE);
  add_hostile (*texts, body, "Body",
               "وتعرب المقررة الخاصة، مرة أخرى، عن قلقها إزاء القيود المفروضة على حرية التعبير "
               "والتجمع السلمي، وتدعو إلى الإفراج عن جميع المحتجزين بسبب ممارستهم السلمية لحقوقهم.",
               FALSE);

  return g_strconcat (
    "<office:document xmlns:office=\"urn:oasis:names:tc:opendocument:xmlns:office:1.0\" "
    "xmlns:text=\"urn:oasis:names:tc:opendocument:xmlns:text:1.0\" "
    "xmlns:meta=\"urn:oasis:names:tc:opendocument:xmlns:meta:1.0\" "
    "xmlns:dc=\"http://purl.org/dc/elements/1.1/\" xmlns:xlink=\"http://www.w3.org/1999/xlink\" "
    "office:version=\"1.3\" office:mimetype=\"application/vnd.oasis.opendocument.text\">"
    "<office:meta><dc:title>AL TST 1/2025</dc:title><dc:language>en</dc:language>"
    "<meta:user-defined meta:name=\"Reference\">AL TST 1/2025</meta:user-defined></office:meta>"
    "<office:body><office:text>\n",
    body->str, "</office:text></office:body></office:document>\n", NULL);
}

/**
 * rpt_test_squeeze_words:
 *
 * Returns: @text with every run of white space one space, the ends
 *   trimmed, and the communications website's address written as the
 *   published sample writes it ("[website](#)"), for word-for-word
 *   comparisons
 */
char *
rpt_test_squeeze_words (const char *text)
{
  g_auto (GStrv) words = g_strsplit_set (text, " \t\n\r", -1);
  g_autoptr (GString) out = g_string_new (NULL);
  g_autofree char *joined = NULL;

  for (guint i = 0; words[i] != NULL; i++)
    if (words[i][0] != '\0')
      g_string_append_printf (out, "%s%s", out->len > 0 ? " " : "", words[i]);
  joined = g_string_free (g_steal_pointer (&out), FALSE);
  return rpt_test_replace (joined, "(https://spcommreports.ohchr.org/)", "(#)");
}

/**
 * rpt_test_replace:
 *
 * Returns: @text with every @from replaced by @to
 */
char *
rpt_test_replace (const char *text, const char *from, const char *to)
{
  g_auto (GStrv) parts = g_strsplit (text, from, -1);

  return g_strjoinv (to, parts);
}
