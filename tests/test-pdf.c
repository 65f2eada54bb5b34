/* test-pdf.c
 *
 * Copyright 2026 The Rapporteur authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include <glib/gstdio.h>
#include <math.h>
#include <locale.h>
#include <string.h>

#include "rpt-test-util.h"

/*
 * The PDF as others read it: qpdf --check, pdffonts, pdfinfo and pdftotext
 * (Debian packages qpdf and poppler-utils, which CI installs). Without
 * them the tests fail under CI=true and are skipped otherwise.
 */

#define LETTERHEAD "PALAIS DES NATIONS • 1211 GENEVA 10, SWITZERLAND"

static char *tmpdir;

static gboolean
have_tool (const char *name)
{
  g_autofree char *path = g_find_program_in_path (name);

  if (path != NULL)
    return TRUE;
  if (g_strcmp0 (g_getenv ("CI"), "true") == 0)
    g_test_fail_printf ("%s is not installed (Debian: qpdf, poppler-utils)", name);
  else
    g_test_skip_printf ("%s is not installed (Debian: qpdf, poppler-utils)", name);
  return FALSE;
}

/* Runs a tool; returns its exit status, its stdout in @out. */
static int
run (const char *const *argv, char **out, char **err)
{
  g_autoptr (GError) error = NULL;
  int status = 0;

  g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_SEARCH_PATH, NULL, NULL, out, err, &status,
                &error);
  g_assert_no_error (error);
  return WIFEXITED (status) ? WEXITSTATUS (status) : -1;
}

/* Exports @name (under tests/data, a path under the source tree, or an
 * absolute path) to PDF with the command line. */
static char *
export_pdf (const char *name)
{
  g_autofree char *in = g_path_is_absolute (name) ? g_strdup (name)
                        : strchr (name, '/') != NULL
                          ? rpt_test_source_path (name, NULL)
                          : rpt_test_source_path ("tests", "data", name, NULL);
  g_autofree char *base = g_path_get_basename (name);
  g_autofree char *pdf_name = g_strconcat (base, ".pdf", NULL);
  char *out = g_build_filename (tmpdir, pdf_name, NULL);
  g_autofree char *sout = NULL;
  g_autofree char *serr = NULL;
  const char *args[] = { "export",       "--format", "pdf", "--quiet", "--author",
                         "Test Drafter", in,         "-o",  out,       NULL };

  if (rpt_test_run_cli (args, &sout, &serr) != 0)
    g_error ("export of %s failed: %s", name, serr);
  /* No warning (stderr may hold a sanitizer's report of suppressions). */
  g_assert_null (strstr (serr, "rapporteur-cli"));
  return out;
}

static char *
pdftotext (const char *pdf)
{
  const char *argv[] = { "pdftotext", "-enc", "UTF-8", pdf, "-", NULL };
  char *out = NULL;

  g_assert_cmpint (run (argv, &out, NULL), ==, 0);
  return out;
}

static void
check_valid (const char *pdf)
{
  const char *qpdf[] = { "qpdf", "--check", pdf, NULL };
  const char *fonts[] = { "pdffonts", pdf, NULL };
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;
  g_auto (GStrv) lines = NULL;
  guint n_fonts = 0;

  /* qpdf exits 3 for warnings: none are allowed. */
  g_assert_cmpint (run (qpdf, &out, &err), ==, 0);
  g_assert_null (strstr (out, "WARNING"));
  g_assert_null (strstr (err, "WARNING"));
  g_clear_pointer (&out, g_free);

  /* Every font embedded: the "emb" column is "yes" on every line. */
  g_assert_cmpint (run (fonts, &out, NULL), ==, 0);
  lines = g_strsplit (out, "\n", -1);
  for (guint i = 2; lines[i] != NULL; i++)
    {
      g_auto (GStrv) cols = NULL;
      guint n;

      if (lines[i][0] == '\0')
        continue;
      /* name type… encoding emb sub uni object ID: emb is 5th from the end */
      cols = g_regex_split_simple ("\\s+", g_strstrip (lines[i]), 0, 0);
      n = g_strv_length (cols);
      g_assert_cmpuint (n, >=, 6);
      if (!g_str_equal (cols[n - 5], "yes"))
        g_error ("font not embedded: %s", lines[i]);
      n_fonts++;
    }
  g_assert_cmpuint (n_fonts, >, 0);
}

static GPtrArray *
words_of (const char *text)
{
  g_auto (GStrv) tokens = g_regex_split_simple ("\\s+", text, 0, 0);
  GPtrArray *words = g_ptr_array_new_with_free_func (g_free);

  for (guint i = 0; tokens[i] != NULL; i++)
    if (tokens[i][0] != '\0' && !g_str_equal (tokens[i], "•"))
      g_ptr_array_add (words, g_strdup (tokens[i]));
  return words;
}

/* The published letter's text, without its Markdown marks. */
static GPtrArray *
published_words (const char *path)
{
  g_autofree char *text = NULL;
  g_autoptr (GString) clean = g_string_new (NULL);
  g_auto (GStrv) lines = NULL;

  g_assert_true (g_file_get_contents (path, &text, NULL, NULL));
  lines = g_strsplit (text, "\n", -1);
  for (guint i = 0; lines[i] != NULL; i++)
    {
      const char *line = lines[i];
      if (g_str_has_prefix (line, "- "))
        line += 2;
      g_string_append (clean, line);
      g_string_append_c (clean, '\n');
    }
  {
    g_autoptr (GRegex) link = g_regex_new ("\\[website\\]\\(#\\)", 0, 0, NULL);
    g_autoptr (GRegex) marks = g_regex_new ("\\*+", 0, 0, NULL);
    g_autofree char *a = g_regex_replace_literal (link, clean->str, -1, 0, "website", 0, NULL);
    g_autofree char *b = g_regex_replace_literal (marks, a, -1, 0, "", 0, NULL);
    return words_of (b);
  }
}

/* The PDF's text without the page furniture, checking the furniture on
 * the way: the letterhead on page 1, the reference at the top and the
 * page number at the foot of every later page. */
static char *
pdf_body_text (const char *pdf, const char *reference)
{
  g_autofree char *text = pdftotext (pdf);
  g_auto (GStrv) pages = g_strsplit (text, "\f", -1);
  g_autoptr (GString) body = g_string_new (NULL);

  for (guint p = 0; pages[p] != NULL; p++)
    {
      g_auto (GStrv) lines = g_strsplit (pages[p], "\n", -1);
      g_autoptr (GPtrArray) kept = g_ptr_array_new ();
      g_autofree char *number = g_strdup_printf ("%u", p + 1);

      for (guint i = 0; lines[i] != NULL; i++)
        if (lines[i][0] != '\0')
          {
            /* pdftotext's default mode puts one space between words,
             * justified or not. */
            if (strstr (lines[i], "  ") != NULL)
              g_error ("two spaces in “%s”", lines[i]);
            g_ptr_array_add (kept, lines[i]);
          }
      if (kept->len == 0)
        continue; /* after the last form feed */
      if (p == 0)
        {
          g_assert_cmpstr (g_ptr_array_index (kept, 0), ==, LETTERHEAD);
          g_ptr_array_remove_index (kept, 0);
        }
      else
        {
          g_assert_cmpstr (g_ptr_array_index (kept, 0), ==, reference);
          g_assert_cmpstr (g_ptr_array_index (kept, kept->len - 1), ==, number);
          g_ptr_array_remove_index (kept, kept->len - 1);
          g_ptr_array_remove_index (kept, 0);
        }
      for (guint i = 0; i < kept->len; i++)
        {
          g_string_append (body, g_ptr_array_index (kept, i));
          g_string_append_c (body, '\n');
        }
    }
  return g_string_free (g_steal_pointer (&body), FALSE);
}

static GPtrArray *
pdf_words (const char *pdf, const char *reference)
{
  g_autofree char *body = pdf_body_text (pdf, reference);

  return words_of (body);
}

static void
compare_words (GPtrArray *expected, GPtrArray *got)
{
  guint n = MIN (expected->len, got->len);

  for (guint i = 0; i < n; i++)
    if (!g_str_equal (g_ptr_array_index (expected, i), g_ptr_array_index (got, i)))
      {
        g_autoptr (GString) a = g_string_new (NULL);
        g_autoptr (GString) b = g_string_new (NULL);
        for (guint j = i > 5 ? i - 5 : 0; j < MIN (n, i + 6); j++)
          {
            g_string_append_printf (a, "%s ", (char *) g_ptr_array_index (expected, j));
            g_string_append_printf (b, "%s ", (char *) g_ptr_array_index (got, j));
          }
        g_error ("word %u differs:\n  published: %s\n  PDF:       %s", i, a->str, b->str);
      }
  g_assert_cmpuint (got->len, ==, expected->len);
}

static void
check_word_for_word (const char *input)
{
  g_autofree char *published =
    rpt_test_source_path ("..", "shared", "samples", "AL-TJK-1-2025.txt", NULL);
  g_autofree char *pdf = NULL;
  g_autoptr (GPtrArray) expected = NULL;
  g_autoptr (GPtrArray) got = NULL;

  if (!have_tool ("pdftotext") || !have_tool ("qpdf") || !have_tool ("pdffonts"))
    return;
  if (!g_file_test (published, G_FILE_TEST_EXISTS))
    {
      if (g_strcmp0 (g_getenv ("CI"), "true") == 0)
        g_test_fail_printf ("%s is missing", published);
      else
        g_test_skip_printf ("%s is missing (../shared beside the checkout)", published);
      return;
    }
  pdf = export_pdf (input);
  check_valid (pdf);
  expected = published_words (published);
  got = pdf_words (pdf, "AL TJK 1/2025");
  g_assert_cmpuint (expected->len, >, 3500);
  compare_words (expected, got);
}

/* The hand-made document XML of the sample (tests/data). */
static void
test_sample_word_for_word (void)
{
  check_word_for_word ("sample-document.xml");
}

/* The real pipeline: the sample letter through the templates. */
static void
test_letter_word_for_word (void)
{
  check_word_for_word ("data/samples/AL-TJK-1-2025.xml");
}

static void
test_sample_metadata (void)
{
  g_autofree char *pdf = NULL;
  g_autofree char *info = NULL;
  g_autofree char *bytes = NULL;
  gsize length = 0;
  const char *argv[] = { "pdfinfo", NULL, NULL };

  if (!have_tool ("pdfinfo"))
    return;
  pdf = export_pdf ("sample-document.xml");
  argv[1] = pdf;
  g_assert_cmpint (run (argv, &info, NULL), ==, 0);
  g_assert_nonnull (strstr (info, "Title:           AL TJK 1/2025\n"));
  g_assert_nonnull (strstr (info, "Author:          Test Drafter\n"));
  g_assert_nonnull (strstr (info, "Subject:         alleged sentencing of an independent"));
  g_assert_nonnull (strstr (info, "Keywords:        AL; Tajikistan; Special Rapporteur"));
  g_assert_nonnull (strstr (info, "Creator:         Rapporteur"));
  g_assert_nonnull (strstr (info, "CreationDate:"));
  g_assert_nonnull (strstr (info, "Page size:       595.276 x 841.89 pts (A4)"));

  /* What pdfinfo does not show: language, outline, the link. */
  g_assert_true (g_file_get_contents (pdf, &bytes, &length, NULL));
  g_assert_nonnull (memmem (bytes, length, "/Lang (en)", 10));
  g_assert_nonnull (memmem (bytes, length, "/Outlines", 9));
  g_assert_nonnull (memmem (bytes, length, "/Title (AL TJK 1/2025)", 22));
  g_assert_nonnull (memmem (bytes, length, "/Title (Annex)", 14));
  g_assert_nonnull (
    memmem (bytes, length, "/Title (Reference to international human rights law)", 52));
  g_assert_nonnull (memmem (bytes, length, "/URI (https://spcommreports.ohchr.org/)", 39));
  /* A draft: readable by its owner only. */
  {
    GStatBuf st;
    g_assert_cmpint (g_stat (pdf, &st), ==, 0);
    g_assert_cmpint (st.st_mode & 0777, ==, 0600);
  }
}

/* The address atop the first page is in the letter's language, in the
 * PDF as in the ODT's header field, and only on the first page. */
static void
test_letterhead_language (void)
{
  static const struct
  {
    const char *language, *letterhead, *other;
  } cases[] = {
    { "en", "PALAIS DES NATIONS • 1211 GENEVA 10, SWITZERLAND", "GENÈVE" },
    { "fr", "PALAIS DES NATIONS • 1211 GENÈVE 10, SUISSE", "GENEVA" },
    { "es", "PALAIS DES NATIONS • 1211 GINEBRA 10, SUIZA", "GENEVA" },
  };
  g_autofree char *in = rpt_test_source_path ("data", "samples", "AL-TJK-1-2025.xml", NULL);

  if (!have_tool ("pdftotext"))
    return;
  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *pdf = g_strdup_printf ("%s/letterhead-%s.pdf", tmpdir, cases[i].language);
      g_autofree char *odt = g_strdup_printf ("%s/letterhead-%s.odt", tmpdir, cases[i].language);
      g_autofree char *text = NULL;
      g_autofree char *styles = NULL;
      g_autofree char *field = NULL;
      const char *pdf_args[] = { "export",          "--format", "pdf", "--quiet", "--language",
                                 cases[i].language, in,         "-o",  pdf,       NULL };
      const char *odt_args[] = { "export",          "--format", "odt", "--quiet", "--language",
                                 cases[i].language, in,         "-o",  odt,       NULL };
      const char *first = NULL;

      g_assert_cmpint (rpt_test_run_cli (pdf_args, NULL, NULL), ==, 0);
      text = pdftotext (pdf);
      first = strstr (text, cases[i].letterhead);
      g_assert_nonnull (first);
      /* on the first page only: pdftotext ends a page with a form feed */
      g_assert_true (strchr (text, '\f') > first);
      g_assert_null (strstr (first + 1, cases[i].letterhead));
      g_assert_null (strstr (text, cases[i].other));

      g_assert_cmpint (rpt_test_run_cli (odt_args, NULL, NULL), ==, 0);
      styles = rpt_test_zip_read (odt, "styles.xml", NULL);
      field = g_strdup_printf ("<text:user-defined text:name=\"Letterhead\">%s</text:user-defined>",
                               cases[i].letterhead);
      g_assert_nonnull (strstr (styles, field));
    }
}

static void
test_scripts (void)
{
  const char *expected[] = {
    "Nguyễn Thị Hằng",
    "São Tomé",
    "Łódź",
    "Dvořák",
    "Şanlıurfa",
    "Рухшона Ҳакимова",
    "Душанбе",
    "Ғафуров",
    "Қурбонов",
    "Ӯротеппа",
    "Санкт-Петербург",
    "مجلس",
    "حقوق",
    "عبد",
    "محمد",
    "人权理事会",
    "言论自由",
    "自由",
    "✊",
    "📢",
    "🕊",
    "A footnote in Cyrillic: Ҳакимова.",
    "website",
  };
  g_autofree char *pdf = NULL;
  g_autofree char *text = NULL;

  if (!have_tool ("pdftotext") || !have_tool ("qpdf") || !have_tool ("pdffonts"))
    return;
  pdf = export_pdf ("scripts-document.xml");
  check_valid (pdf);
  text = pdftotext (pdf);
  for (guint i = 0; i < G_N_ELEMENTS (expected); i++)
    if (strstr (text, expected[i]) == NULL)
      g_error ("“%s” is not in the PDF's text:\n%s", expected[i], text);
}

/* Text without white space and without the bidirectional controls
 * pdftotext puts around right-to-left lines. */
static char *
squeeze (const char *text)
{
  GString *out = g_string_new (NULL);

  for (const char *p = text; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);
      if (!g_unichar_isspace (c) && !(c >= 0x202a && c <= 0x202e) && c != 0x200e && c != 0x200f)
        g_string_append_unichar (out, c);
    }
  return g_string_free (out, FALSE);
}

static int
compare_unichars (gconstpointer a, gconstpointer b)
{
  gunichar x = *(const gunichar *) a, y = *(const gunichar *) b;

  return x < y ? -1 : x > y;
}

/* The characters of @text, sorted: what is there, whatever the order. */
static gunichar *
sorted_characters (const char *text, glong *n)
{
  gunichar *chars = g_utf8_to_ucs4_fast (text, -1, n);

  qsort (chars, (gsize) *n, sizeof (gunichar), compare_unichars);
  return chars;
}

/* Every word pdftotext finds lies inside the text area of its page. */
static void
check_words_inside (const char *pdf)
{
  const char *argv[] = { "pdftotext", "-bbox", "-enc", "UTF-8", pdf, "-", NULL };
  g_autofree char *html = NULL;
  g_autoptr (GRegex) word = g_regex_new (
    "<word xMin=\"([0-9.]+)\" yMin=\"([0-9.]+)\" xMax=\"([0-9.]+)\" yMax=\"([0-9.]+)\">"
    "([^<]*)</word>",
    0, 0, NULL);
  g_autoptr (GMatchInfo) match = NULL;
  const double width = 595.276, height = 841.89;
  const double margin_x = 2.5 * RPT_PT_PER_CM, margin_y = 1.5 * RPT_PT_PER_CM;
  guint n = 0;

  g_assert_cmpint (run (argv, &html, NULL), ==, 0);
  g_assert_nonnull (strstr (html, "<page width=\"595.275591\" height=\"841.889764\">"));
  for (g_regex_match (word, html, 0, &match); g_match_info_matches (match);
       g_match_info_next (match, NULL))
    {
      double box[4];

      for (int i = 0; i < 4; i++)
        {
          g_autofree char *v = g_match_info_fetch (match, i + 1);
          box[i] = g_ascii_strtod (v, NULL);
        }
      if (box[0] < margin_x - 1 || box[2] > width - margin_x + 1 || box[1] < margin_y - 1 ||
          box[3] > height - margin_y + 1)
        {
          g_autofree char *w = g_match_info_fetch (match, 5);
          g_error ("“%.60s” at (%.1f, %.1f)–(%.1f, %.1f) leaves the text area", w, box[0], box[1],
                   box[2], box[3]);
        }
      n++;
    }
  g_assert_cmpuint (n, >, 100);
}

/* Hostile paragraphs (tests/rpt-test-util.c): long words and URLs,
 * 100,000 characters without a space, every script. Every word inside the
 * text area; every character in the extracted text, and in order where
 * poppler keeps order. */
static void
test_hostile (void)
{
  g_autoptr (GPtrArray) texts = NULL;
  g_autofree char *xml = rpt_test_hostile_document (&texts);
  g_autofree char *path = g_build_filename (tmpdir, "hostile.xml", NULL);
  g_autofree char *pdf = NULL;
  g_autofree char *body = NULL;
  g_autofree char *got = NULL;
  g_autoptr (GString) all = g_string_new (NULL);
  g_autofree gunichar *want_chars = NULL;
  g_autofree gunichar *got_chars = NULL;
  glong n_want = 0, n_got = 0;

  if (!have_tool ("pdftotext") || !have_tool ("qpdf") || !have_tool ("pdffonts"))
    return;
  g_assert_true (g_file_set_contents (path, xml, -1, NULL));
  pdf = export_pdf (path);
  check_valid (pdf);
  check_words_inside (pdf);

  body = pdf_body_text (pdf, "AL TST 1/2025");
  got = squeeze (body);
  /* A footnote sits at the foot of its page, inside whatever paragraph
   * goes on to the next page: taken out first. */
  for (guint i = 0; i < texts->len; i++)
    {
      RptTestText *t = g_ptr_array_index (texts, i);
      g_autofree char *want = squeeze (t->text);
      char *at;

      g_string_append (all, want);
      if (!t->note)
        continue;
      at = strstr (got, want);
      if (at == NULL)
        g_error ("the footnote “%s” is not in the PDF's text", t->text);
      memmove (at, at + strlen (want), strlen (at + strlen (want)) + 1);
    }
  for (guint i = 0; i < texts->len; i++)
    {
      RptTestText *t = g_ptr_array_index (texts, i);
      g_autofree char *want = squeeze (t->text);

      if (t->ordered && !t->note && strstr (got, want) == NULL)
        g_error ("“%.80s…” (%u characters) is not in the PDF's text in order", t->text,
                 (guint) g_utf8_strlen (want, -1));
    }

  /* Every character, whatever the order. */
  g_free (got);
  got = squeeze (body);
  want_chars = sorted_characters (all->str, &n_want);
  got_chars = sorted_characters (got, &n_got);
  for (glong i = 0; i < MIN (n_want, n_got); i++)
    if (want_chars[i] != got_chars[i])
      g_error ("the PDF's text differs: U+%04X where U+%04X was expected (character %ld of %ld "
               "in sorted order)",
               got_chars[i], want_chars[i], i, n_want);
  g_assert_cmpint (n_got, ==, n_want);
  g_assert_cmpint (n_want, >, 125000);
}

/* The words pdftotext -bbox finds whose text contains @needle: their
 * leftmost and rightmost x. */
static gboolean
word_span (const char *html, const char *needle, double *x_min, double *x_max)
{
  g_autoptr (GRegex) word = g_regex_new ("<word xMin=\"([0-9.]+)\" yMin=\"[0-9.]+\" "
                                         "xMax=\"([0-9.]+)\" yMax=\"[0-9.]+\">([^<]*)</word>",
                                         0, 0, NULL);
  g_autoptr (GMatchInfo) match = NULL;
  gboolean found = FALSE;

  *x_min = G_MAXDOUBLE;
  *x_max = 0;
  for (g_regex_match (word, html, 0, &match); g_match_info_matches (match);
       g_match_info_next (match, NULL))
    {
      g_autofree char *text = g_match_info_fetch (match, 3);
      g_autofree char *a = g_match_info_fetch (match, 1);
      g_autofree char *b = g_match_info_fetch (match, 2);

      /* NULL: any word with an Arabic letter (pdftotext -bbox gives
       * right-to-left text letter by letter). */
      if (needle != NULL ? strstr (text, needle) == NULL
                         : !(g_utf8_get_char (text) >= 0x0600 && g_utf8_get_char (text) <= 0x06ff))
        continue;
      *x_min = MIN (*x_min, g_ascii_strtod (a, NULL));
      *x_max = MAX (*x_max, g_ascii_strtod (b, NULL));
      found = TRUE;
    }
  return found;
}

/* A paragraph's direction comes from its text: a short paragraph in
 * Arabic, start-aligned, ends at the right margin; one in English starts
 * at the left margin. */
static void
test_direction (void)
{
  g_autofree char *path = g_build_filename (tmpdir, "direction.xml", NULL);
  g_autofree char *pdf = NULL;
  g_autofree char *html = NULL;
  const char *argv[] = { "pdftotext", "-bbox", "-enc", "UTF-8", NULL, "-", NULL };
  const double left = 2.5 * RPT_PT_PER_CM, right = 595.276 - 2.5 * RPT_PT_PER_CM;

  if (!have_tool ("pdftotext"))
    return;
  g_assert_true (g_file_set_contents (
    path,
    "<office:document xmlns:office=\"urn:oasis:names:tc:opendocument:xmlns:office:1.0\" "
    "xmlns:text=\"urn:oasis:names:tc:opendocument:xmlns:text:1.0\" office:version=\"1.3\" "
    "office:mimetype=\"application/vnd.oasis.opendocument.text\"><office:body><office:text>\n"
    "<text:p text:style-name=\"Body\">مجلس حقوق الإنسان</text:p>\n"
    "<text:p text:style-name=\"Body\">Human Rights Council</text:p>\n"
    "</office:text></office:body></office:document>\n",
    -1, NULL));
  pdf = export_pdf (path);
  argv[4] = pdf;
  g_assert_cmpint (run (argv, &html, NULL), ==, 0);
  {
    double a_min, a_max, e_min, e_max;

    g_assert_true (word_span (html, NULL, &a_min, &a_max));
    g_assert_true (word_span (html, "Human", &e_min, &e_max));
    g_test_message ("Arabic %.1f–%.1f, English from %.1f; margins %.1f–%.1f", a_min, a_max, e_min,
                    left, right);
    g_assert_cmpfloat (fabs (a_max - right), <, 1.5);
    g_assert_cmpfloat (a_min, >, left + 100);
    g_assert_cmpfloat (fabs (e_min - left), <, 1.5);
  }
}

/* Without the house font the export still succeeds, falls back, and says
 * so on stderr. */
static void
test_missing_font (void)
{
  g_autofree char *in = rpt_test_source_path ("tests", "data", "sample-document.xml", NULL);
  g_autofree char *out = g_build_filename (tmpdir, "nofont.pdf", NULL);
  g_autofree char *conf = g_build_filename (tmpdir, "fonts.conf", NULL);
  g_autofree char *cache = g_build_filename (tmpdir, "fc-cache", NULL);
  g_autofree char *conf_text = NULL;
  g_autofree char *sout = NULL;
  g_autofree char *serr = NULL;
  const char *dejavu = "/usr/share/fonts/truetype/dejavu";
  const char *args[] = { "export", "--format", "pdf", in, "-o", out, NULL };

  if (!g_file_test (dejavu, G_FILE_TEST_IS_DIR))
    {
      if (g_strcmp0 (g_getenv ("CI"), "true") == 0)
        g_test_fail_printf ("%s is missing (Debian: fonts-dejavu-core)", dejavu);
      else
        g_test_skip_printf ("%s is missing (Debian: fonts-dejavu-core)", dejavu);
      return;
    }
  if (!have_tool ("qpdf"))
    return;
  /* A font configuration with DejaVu only: no Liberation Serif. */
  conf_text = g_strdup_printf ("<?xml version=\"1.0\"?><fontconfig><dir>%s</dir>"
                               "<cachedir>%s</cachedir><include ignore_missing=\"yes\">"
                               "/etc/fonts/conf.d</include></fontconfig>",
                               dejavu, cache);
  g_assert_true (g_file_set_contents (conf, conf_text, -1, NULL));
  g_setenv ("FONTCONFIG_FILE", conf, TRUE);
  g_assert_cmpint (rpt_test_run_cli (args, &sout, &serr), ==, 0);
  g_unsetenv ("FONTCONFIG_FILE");
  g_assert_nonnull (strstr (serr, "warning"));
  g_assert_nonnull (strstr (serr, "Liberation Serif"));
  /* One warning per family, and the serif fallback (style:font-family-generic). */
  g_assert_nonnull (strstr (serr, "DejaVu Serif"));
  g_assert_null (strstr (strstr (serr, "\n") + 1, "warning"));
  check_valid (out);
}

static void
test_bad_document (void)
{
  g_autofree char *in = g_build_filename (tmpdir, "bad.xml", NULL);
  g_autofree char *out = g_build_filename (tmpdir, "bad.pdf", NULL);
  g_autofree char *sout = NULL;
  g_autofree char *serr = NULL;
  const char *args[] = { "export", "--format", "pdf", in, "-o", out, NULL };

  g_assert_true (g_file_set_contents (
    in,
    "<office:document xmlns:office=\"urn:oasis:names:tc:opendocument:xmlns:office:1.0\"\n"
    " xmlns:text=\"urn:oasis:names:tc:opendocument:xmlns:text:1.0\" office:version=\"1.3\"\n"
    " office:mimetype=\"application/vnd.oasis.opendocument.text\"><office:body><office:text>\n"
    "<text:p text:style-name=\"Body\">fine</text:p>\n<text:table/>\n</office:text></office:body></office:document>\n",
    -1, NULL));
  g_assert_cmpint (rpt_test_run_cli (args, &sout, &serr), ==, 1);
  g_assert_nonnull (strstr (serr, "bad.xml:5:"));
  g_assert_false (g_file_test (out, G_FILE_TEST_EXISTS));
}

static void
export_done_cb (GObject *source, GAsyncResult *result, gpointer user_data)
{
  GAsyncResult **out = user_data;

  *out = g_object_ref (result);
}

/* What the application does: export in a worker thread. */
static void
test_async (void)
{
  g_autofree char *in = rpt_test_source_path ("tests", "data", "scripts-document.xml", NULL);
  g_autofree char *out = g_build_filename (tmpdir, "async.pdf", NULL);
  g_autoptr (GError) error = NULL;
  g_autoptr (RptDocument) doc = rpt_document_new_from_file (in, &error);
  g_autoptr (RptStyleSheet) styles = rpt_style_sheet_new_default ();
  g_autoptr (GPtrArray) warnings = NULL;
  g_autoptr (GAsyncResult) result = NULL;
  RptPdfOptions options = { "Async Drafter", NULL };

  g_assert_no_error (error);
  rpt_pdf_export_async (doc, styles, &options, out, NULL, export_done_cb, &result);
  while (result == NULL)
    g_main_context_iteration (NULL, TRUE);
  g_assert_true (rpt_pdf_export_finish (result, &warnings, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (warnings->len, ==, 0);
  g_assert_true (g_file_test (out, G_FILE_TEST_IS_REGULAR));
  if (have_tool ("qpdf") && have_tool ("pdffonts"))
    check_valid (out);
}

/* In a French or Spanish locale, numbers are written with a comma: the PDF
 * (its link rectangles, its outline) must not depend on it. */
static void
test_decimal_comma_locale (void)
{
  locale_t french = newlocale (LC_NUMERIC_MASK, "fr_FR.UTF-8", (locale_t) 0);
  g_autoptr (RptLetter) letter = rpt_test_load_letter ("sample");
  g_autoptr (RptExport) export = NULL;
  g_autoptr (GBytes) pdf = NULL;
  g_autoptr (GError) error = NULL;
  locale_t before;
  char buf[16];

  if (french == (locale_t) 0)
    {
      if (g_strcmp0 (g_getenv ("CI"), "true") == 0)
        g_test_fail_printf ("the fr_FR.UTF-8 locale is missing (tools/setup-debian.sh makes it)");
      else
        g_test_skip ("the fr_FR.UTF-8 locale is missing");
      return;
    }
  before = uselocale (french);
  g_snprintf (buf, sizeof buf, "%.1f", 1.5);
  g_assert_cmpstr (buf, ==, "1,5"); /* the locale is in force */
  export = rpt_export_new (letter);
  pdf = rpt_export_run (export, RPT_EXPORT_FORMAT_PDF, &error);
  uselocale (before);
  freelocale (french);
  g_assert_no_error (error);
  g_assert_nonnull (pdf);
  /* The link on "website" is there, and every number in the file is
   * written with a point: qpdf reads the whole file without a warning. */
  g_assert_nonnull (
    memmem (g_bytes_get_data (pdf, NULL), g_bytes_get_size (pdf), "/URI (http", 10));
  {
    g_autofree char *path = g_build_filename (tmpdir, "decimal-comma.pdf", NULL);
    g_assert_true (g_file_set_contents (path, g_bytes_get_data (pdf, NULL),
                                        (gssize) g_bytes_get_size (pdf), NULL));
    if (have_tool ("qpdf") && have_tool ("pdffonts"))
      check_valid (path);
  }
}

int
main (int argc, char **argv)
{
  int status;

  rpt_test_init (&argc, &argv);
  tmpdir = rpt_test_make_tmpdir ();
  g_test_add_func ("/pdf/sample-word-for-word", test_sample_word_for_word);
  g_test_add_func ("/pdf/letter-word-for-word", test_letter_word_for_word);
  g_test_add_func ("/pdf/sample-metadata", test_sample_metadata);
  g_test_add_func ("/pdf/scripts", test_scripts);
  g_test_add_func ("/pdf/letterhead-language", test_letterhead_language);
  g_test_add_func ("/pdf/missing-font", test_missing_font);
  g_test_add_func ("/pdf/bad-document", test_bad_document);
  g_test_add_func ("/pdf/async", test_async);
  g_test_add_func ("/pdf/decimal-comma-locale", test_decimal_comma_locale);
  g_test_add_func ("/pdf/hostile", test_hostile);
  g_test_add_func ("/pdf/direction", test_direction);
  status = g_test_run ();
  rpt_test_rm_rf (tmpdir);
  g_free (tmpdir);
  return status;
}
