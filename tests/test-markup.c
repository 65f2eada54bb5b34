/* test-markup.c
 *
 * Copyright 2026 The Rapporteur authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include <string.h>

#include "rpt-test-util.h"

static void
assert_normal (const char *in, const char *expected)
{
  g_autoptr (GError) error = NULL;
  g_autofree char *out = rpt_markup_normalize (in, NULL, &error);

  g_assert_no_error (error);
  g_assert_cmpstr (out, ==, expected);
}

static void
test_markup_canonical (void)
{
  /* Already canonical text stays as it is. */
  assert_normal ("plain text", "plain text");
  assert_normal ("Ms. <b>Rukhshona Khakimova</b> is", "Ms. <b>Rukhshona Khakimova</b> is");
  /* Neighbours of equal formatting merge; empty elements disappear. */
  assert_normal ("<b>a</b><b>b</b>", "<b>ab</b>");
  assert_normal ("x<b></b>y<i></i>", "xy");
  /* Nesting becomes b > i whatever the input order. */
  assert_normal ("<i><b>both</b></i>", "<b><i>both</i></b>");
  assert_normal ("<b>bold <i>both</i></b><i> italic</i>", "<b>bold <i>both</i></b><i> italic</i>");
  /* Links and notes keep their content and target. */
  assert_normal ("see <a href=\"https://example.org/?a=1&amp;b=2\"><b>here</b></a>",
                 "see <a href=\"https://example.org/?a=1&amp;b=2\"><b>here</b></a>");
  assert_normal ("text<note>a <i>note</i></note>.", "text<note>a <i>note</i></note>.");
  /* Two adjacent footnotes stay two footnotes. */
  assert_normal ("x<note>one</note><note>two</note>", "x<note>one</note><note>two</note>");
  assert_normal ("by <treaty-status instrument='ICCPR'/> it",
                 "by <treaty-status instrument=\"ICCPR\"/> it");
  /* Entities and character references become characters, written back
   * with only the escapes XML needs. */
  assert_normal ("&lt;&amp;&gt; &quot;q&quot; &apos;a&apos; &#233;", "&lt;&amp;&gt; \"q\" 'a' é");
  assert_normal ("]]&gt;", "]]&gt;");
}

static void
test_markup_invalid (void)
{
  const char *bad[] = {
    "<b>unclosed",
    "<u>underline</u>",
    "<b class=\"x\">attr</b>",
    "<a>no target</a>",
    "<note>a<note>b</note></note>",
    "<a href=\"x\"><a href=\"y\">z</a></a>",
    "<treaty-status/>",
    "<treaty-status instrument=\"iccpr\"/>",
    "<treaty-status instrument=\"ICCPR\">text</treaty-status>",
    "a & b",
    "&nbsp;",
    "<!-- comment -->",
    "<?pi x?>",
  };

  for (guint i = 0; i < G_N_ELEMENTS (bad); i++)
    {
      g_autoptr (GError) error = NULL;
      g_autofree char *out = rpt_markup_normalize (bad[i], NULL, &error);

      g_test_message ("%s", bad[i]);
      g_assert_null (out);
      g_assert_error (error, RPT_ERROR, RPT_ERROR_INVALID_MARKUP);
      g_assert_false (rpt_markup_validate (bad[i], NULL));
    }
}

static void
test_markup_runs (void)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (GPtrArray) runs =
    rpt_markup_parse ("a<b>b<i>c</i></b><a href=\"u\">d</a><note>e</note>"
                      "<treaty-status instrument=\"ICCPR\"/>",
                      &error);
  RptRun *r;
  g_autofree char *back = NULL;

  g_assert_no_error (error);
  g_assert_cmpuint (runs->len, ==, 6);
  r = runs->pdata[0];
  g_assert_cmpstr (r->text, ==, "a");
  g_assert_cmpint (r->flags, ==, 0);
  r = runs->pdata[1];
  g_assert_cmpstr (r->text, ==, "b");
  g_assert_cmpint (r->flags, ==, RPT_RUN_BOLD);
  r = runs->pdata[2];
  g_assert_cmpstr (r->text, ==, "c");
  g_assert_cmpint (r->flags, ==, RPT_RUN_BOLD | RPT_RUN_ITALIC);
  r = runs->pdata[3];
  g_assert_cmpstr (r->href, ==, "u");
  r = runs->pdata[4];
  g_assert_cmpuint (r->note, ==, 1);
  r = runs->pdata[5];
  g_assert_cmpint (r->kind, ==, RPT_RUN_TREATY_STATUS);
  g_assert_cmpstr (r->instrument, ==, "ICCPR");

  back = rpt_markup_from_runs (runs);
  g_assert_cmpstr (back, ==,
                   "a<b>b<i>c</i></b><a href=\"u\">d</a><note>e</note>"
                   "<treaty-status instrument=\"ICCPR\"/>");
}

static void
test_markup_escape (void)
{
  g_autofree char *a = rpt_markup_escape_text ("x < y & z > \"w\" ]]>", -1, NULL);
  g_autofree char *plain = NULL;

  g_assert_cmpstr (a, ==, "x &lt; y &amp; z &gt; \"w\" ]]&gt;");
  plain = rpt_markup_to_plain (a);
  g_assert_cmpstr (plain, ==, "x < y & z > \"w\" ]]>");
}

static void
test_markup_to_plain (void)
{
  g_autofree char *p = rpt_markup_to_plain ("a <b>b</b><note>not this</note> c");

  g_assert_cmpstr (p, ==, "a b c");
}

static void
test_text_sanitize (void)
{
  guint n = 99;
  g_autofree char *a = rpt_text_sanitize ("a\x01"
                                          "b\x0B"
                                          "c\r\nd\re\x7F",
                                          -1, FALSE, &n);
  g_autofree char *b = NULL;
  g_autofree char *c = NULL;
  g_autofree char *d = NULL;
  g_autofree char *e = NULL;

  /* \x01 dropped, \x0B (a word processor's line break) becomes \n, CRLF and
   * CR become \n, DEL is allowed by XML and stays. */
  g_assert_cmpstr (a, ==, "ab\nc\nd\ne\x7F");
  g_assert_cmpuint (n, ==, 2);

  /* U+FFFE and U+FFFF cannot be in XML. */
  b = rpt_text_sanitize ("x\xEF\xBF\xBEy\xEF\xBF\xBFz", -1, FALSE, &n);
  g_assert_cmpstr (b, ==, "xyz");
  g_assert_cmpuint (n, ==, 2);

  /* Invalid UTF-8 becomes U+FFFD and counts. */
  c = rpt_text_sanitize ("caf\xE9", -1, FALSE, &n);
  g_assert_cmpstr (c, ==, "caf\xEF\xBF\xBD");
  g_assert_cmpuint (n, ==, 1);

  /* A single line keeps no breaks or tabs. */
  d = rpt_text_sanitize ("a\tb\nc", -1, TRUE, &n);
  g_assert_cmpstr (d, ==, "a b c");
  g_assert_cmpuint (n, ==, 0);

  /* Right-to-left marks, Arabic, emoji and non-breaking spaces are text. */
  e = rpt_text_sanitize ("\u200F\u0645\u0631\u062D\u0628\u0627 \U0001F600\u00A0x", -1, FALSE, &n);
  g_assert_cmpstr (e, ==, "\u200F\u0645\u0631\u062D\u0628\u0627 \U0001F600\u00A0x");
  g_assert_cmpuint (n, ==, 0);
  g_assert_true (rpt_text_is_clean (e, FALSE));
  g_assert_false (rpt_text_is_clean ("a\x02", FALSE));
}

static void
test_markup_normalize_controls (void)
{
  guint n = 0;
  g_autoptr (GError) error = NULL;
  g_autofree char *out = rpt_markup_normalize ("<b>a\x01</b>b\x1F", &n, &error);

  g_assert_no_error (error);
  g_assert_cmpstr (out, ==, "<b>a</b>b");
  g_assert_cmpuint (n, ==, 2);
}

static void
test_markup_large (void)
{
  /* A 1 MB paragraph with formatting every few words stays linear. */
  g_autoptr (GString) in = g_string_new (NULL);
  g_autoptr (GError) error = NULL;
  g_autofree char *out = NULL;
  g_autofree char *plain = NULL;
  gsize plain_len = 0;

  while (in->len < 1024 * 1024)
    {
      g_string_append (in, "word &amp; <b>bold</b> <i>it</i> ");
      plain_len += strlen ("word & bold it ");
    }
  out = rpt_markup_normalize (in->str, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (out, ==, in->str);
  plain = rpt_markup_to_plain (out);
  g_assert_cmpuint (strlen (plain), ==, plain_len);
}

int
main (int argc, char **argv)
{
  rpt_test_init (&argc, &argv);

  g_test_add_func ("/markup/canonical", test_markup_canonical);
  g_test_add_func ("/markup/invalid", test_markup_invalid);
  g_test_add_func ("/markup/runs", test_markup_runs);
  g_test_add_func ("/markup/escape", test_markup_escape);
  g_test_add_func ("/markup/to-plain", test_markup_to_plain);
  g_test_add_func ("/markup/sanitize", test_text_sanitize);
  g_test_add_func ("/markup/normalize-controls", test_markup_normalize_controls);
  g_test_add_func ("/markup/large", test_markup_large);

  return g_test_run ();
}
