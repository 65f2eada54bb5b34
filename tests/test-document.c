/* test-document.c
 *
 * Copyright 2026 The Rapporteur authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "rpt-test-util.h"

#define HEAD                                                                            \
  "<office:document xmlns:office=\"urn:oasis:names:tc:opendocument:xmlns:office:1.0\" " \
  "xmlns:text=\"urn:oasis:names:tc:opendocument:xmlns:text:1.0\" "                      \
  "xmlns:xlink=\"http://www.w3.org/1999/xlink\" office:version=\"1.3\" "                \
  "office:mimetype=\"application/vnd.oasis.opendocument.text\"><office:body><office:text>\n"
#define TAIL "</office:text></office:body></office:document>"

static RptDocument *
parse (const char *body, GError **error)
{
  g_autofree char *xml = g_strconcat (HEAD, body, TAIL, NULL);
  return rpt_document_new_from_data (xml, -1, "test.xml", error);
}

static void
test_sample (void)
{
  g_autofree char *path = rpt_test_source_path ("tests", "data", "sample-document.xml", NULL);
  g_autoptr (GError) error = NULL;
  g_autoptr (RptDocument) doc = rpt_document_new_from_file (path, &error);
  const char *const *keywords;

  g_assert_no_error (error);
  g_assert_cmpstr (rpt_document_get_title (doc), ==, "AL TJK 1/2025");
  g_assert_cmpstr (rpt_document_get_reference (doc), ==, "AL TJK 1/2025");
  g_assert_cmpstr (rpt_document_get_language (doc), ==, "en");
  g_assert_true (g_str_has_prefix (rpt_document_get_subject (doc), "alleged sentencing"));
  keywords = rpt_document_get_keywords (doc);
  g_assert_cmpstr (keywords[0], ==, "AL");
  g_assert_cmpstr (rpt_document_get_block_style (doc, 0), ==, "Mandates");
  g_assert_cmpint (rpt_document_find_bookmark (doc, "rpt-8b70df72-7b7c-5ea7-980e-f5c7bb02df4a"), >,
                   0);
  g_assert_cmpint (rpt_document_find_bookmark (doc, "rpt-none"), ==, -1);
}

static void
test_white_space (void)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (RptDocument) doc =
    parse ("<text:p text:style-name=\"Body\">\n   two  words <text:span "
           "text:style-name=\"Bold\">bold</text:span> and<text:s text:c=\"3\"/>spaces"
           "<text:tab/>tab<text:line-break/>line  </text:p>",
           &error);

  g_assert_no_error (error);
  g_assert_cmpstr (rpt_document_get_block_text (doc, 0), ==,
                   "two words bold and   spaces\ttab\xe2\x80\xa8line");
}

static void
test_lists_and_headings (void)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (RptDocument) doc =
    parse ("<text:h text:style-name=\"AnnexHeading\" text:outline-level=\"1\">Annex</text:h>"
           "<text:list text:style-name=\"Questions\"><text:list-item><text:p "
           "text:style-name=\"Question\">One?</text:p></text:list-item><text:list-item><text:p "
           "text:style-name=\"Question\">Two?</text:p></text:list-item></text:list>",
           &error);

  g_assert_no_error (error);
  g_assert_cmpuint (rpt_document_get_n_blocks (doc), ==, 3);
  g_assert_cmpint (rpt_document_get_block_outline_level (doc, 0), ==, 1);
  g_assert_cmpstr (rpt_document_get_block_text (doc, 2), ==, "Two?");
}

static void
test_outside_subset (void)
{
  struct
  {
    const char *body;
    const char *message;
  } cases[] = {
    { "<text:p text:style-name=\"Body\">a</text:p>\n<text:table/>", "test.xml:3:" },
    { "<text:p text:style-name=\"Body\">a <text:span text:style-name=\"Huge\">b</text:span></text:p>",
      "Huge" },
    { "<text:list text:style-name=\"Roman\"/>", "Roman" },
    { "<text:p text:style-name=\"Body\"><text:a>no href</text:a></text:p>", "xlink:href" },
    { "<text:p text:style-name=\"Body\">x<text:note text:note-class=\"footnote\" "
      "text:id=\"n1\"><text:note-citation>1</text:note-citation><text:note-body><text:p "
      "text:style-name=\"Footnote\">y<text:note text:note-class=\"footnote\" text:id=\"n2\">"
      "<text:note-citation>2</text:note-citation><text:note-body/></text:note></text:p>"
      "</text:note-body></text:note></text:p>",
      "note" },
    { "<text:p text:style-name=\"Body\"><text:frame/></text:p>", "text:frame" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr (GError) error = NULL;
      g_autoptr (RptDocument) doc = parse (cases[i].body, &error);

      g_assert_null (doc);
      g_assert_error (error, RPT_ERROR, RPT_ERROR_SCHEMA);
      if (strstr (error->message, cases[i].message) == NULL)
        g_error ("case %u: “%s” does not say “%s”", i, error->message, cases[i].message);
    }
}

static void
test_unsafe (void)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (RptDocument) doc = rpt_document_new_from_data (
    "<?xml version=\"1.0\"?><!DOCTYPE x SYSTEM \"file:///etc/passwd\"><x/>", -1, "e.xml", &error);

  g_assert_null (doc);
  g_assert_error (error, RPT_ERROR, RPT_ERROR_UNSAFE);
}

int
main (int argc, char **argv)
{
  rpt_test_init (&argc, &argv);
  g_test_add_func ("/document/sample", test_sample);
  g_test_add_func ("/document/white-space", test_white_space);
  g_test_add_func ("/document/lists-and-headings", test_lists_and_headings);
  g_test_add_func ("/document/outside-subset", test_outside_subset);
  g_test_add_func ("/document/unsafe", test_unsafe);
  return g_test_run ();
}
