/* test-style-sheet.c
 *
 * Copyright 2026 The Rapporteur authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "rpt-test-util.h"

#define CM(x) ((x) *RPT_PT_PER_CM)

static void
test_lengths (void)
{
  double v = 0;

  g_assert_true (rpt_parse_length ("2.5cm", 12, &v));
  g_assert_cmpfloat_with_epsilon (v, 70.866, 0.001);
  g_assert_true (rpt_parse_length ("12pt", 12, &v));
  g_assert_cmpfloat (v, ==, 12);
  g_assert_true (rpt_parse_length ("10mm", 12, &v));
  g_assert_cmpfloat_with_epsilon (v, 28.346, 0.001);
  g_assert_true (rpt_parse_length ("1in", 12, &v));
  g_assert_cmpfloat (v, ==, 72);
  g_assert_true (rpt_parse_length ("-0.75cm", 12, &v));
  g_assert_cmpfloat_with_epsilon (v, -21.26, 0.01);
  g_assert_false (rpt_parse_length ("100%", 12, &v));
  g_assert_false (rpt_parse_length ("wide", 12, &v));
}

/* The fields of a French document: its reference and, when asked for
 * (@data), its letterhead. */
static const char *
lookup_field (const char *name, gpointer data)
{
  if (g_str_equal (name, "Reference"))
    return "AL TJK 1/2025";
  if (g_str_equal (name, "Letterhead") && data != NULL)
    return "PALAIS DES NATIONS • 1211 GENÈVE 10, SUISSE";
  return NULL;
}

static void
test_house_style (void)
{
  g_autoptr (RptStyleSheet) styles = rpt_style_sheet_new_default ();
  const RptParagraphFormat *body = rpt_style_sheet_get_paragraph_format (styles, "Body");
  const RptParagraphFormat *lead = rpt_style_sheet_get_paragraph_format (styles, "Lead");
  const RptParagraphFormat *mandates = rpt_style_sheet_get_paragraph_format (styles, "Mandates");
  const RptParagraphFormat *annex = rpt_style_sheet_get_paragraph_format (styles, "AnnexHeading");
  const RptParagraphFormat *note = rpt_style_sheet_get_paragraph_format (styles, "ReferenceNote");
  const RptParagraphFormat *unknown = rpt_style_sheet_get_paragraph_format (styles, "NoSuch");
  const RptMasterPage *first = rpt_style_sheet_get_master_page (styles, "First");
  const RptMasterPage *standard = rpt_style_sheet_get_master_page (styles, "Standard");
  const RptTextFormat *bold = rpt_style_sheet_get_text_format (styles, "Bold");
  const RptTextFormat *anchor = rpt_style_sheet_get_text_format (styles, "FootnoteAnchor");
  const RptListFormat *questions = rpt_style_sheet_get_list_format (styles, "Questions");
  const RptListFormat *bullets = rpt_style_sheet_get_list_format (styles, "Bullets");
  g_autofree char *header = NULL;
  g_autofree char *letterhead = NULL;
  g_autofree char *english = NULL;
  g_autofree char *footer = NULL;

  /* Default style, then parents: Body is justified 12 pt Liberation Serif. */
  g_assert_cmpstr (body->font_family, ==, "Liberation Serif");
  g_assert_cmpfloat (body->font_size, ==, 12);
  g_assert_cmpint (body->align, ==, RPT_ALIGN_JUSTIFY);
  g_assert_cmpfloat_with_epsilon (body->margin_bottom, CM (0.42), 0.001);
  g_assert_cmpint (body->orphans, ==, 2);
  g_assert_cmpint (body->widows, ==, 2);
  g_assert_false (body->keep_with_next);
  g_assert_false (body->hyphenate);
  g_assert_cmpstr (body->language, ==, "en-GB");
  /* Lead inherits from Body and adds keep-with-next. */
  g_assert_cmpint (lead->align, ==, RPT_ALIGN_JUSTIFY);
  g_assert_true (lead->keep_with_next);
  g_assert_cmpint (mandates->weight, ==, PANGO_WEIGHT_BOLD);
  g_assert_cmpint (mandates->align, ==, RPT_ALIGN_CENTER);
  g_assert_cmpstr (mandates->master_page, ==, "First");
  g_assert_true (annex->break_before);
  g_assert_cmpint (annex->outline_level, ==, 1);
  g_assert_cmpfloat (note->font_size, ==, 10);
  g_assert_cmpint (note->style, ==, PANGO_STYLE_ITALIC);
  g_assert_cmpstr (unknown->font_family, ==, "Liberation Serif");

  g_assert_true (bold->set_weight);
  g_assert_false (bold->set_style);
  g_assert_cmpfloat (anchor->size, ==, 0.58);
  g_assert_cmpfloat (anchor->rise, >, 0);

  g_assert_true (questions->numbered);
  g_assert_cmpstr (questions->suffix, ==, ".");
  g_assert_cmpfloat_with_epsilon (questions->margin_left, CM (0.75), 0.001);
  g_assert_cmpfloat_with_epsilon (questions->text_indent, CM (-0.75), 0.001);
  g_assert_false (bullets->numbered);
  g_assert_cmpstr (bullets->bullet, ==, "•");

  /* A4 with 2.5 cm side margins. */
  g_assert_cmpfloat_with_epsilon (first->page_layout->width, 595.276, 0.001);
  g_assert_cmpfloat_with_epsilon (first->page_layout->height, 841.89, 0.001);
  g_assert_cmpfloat_with_epsilon (first->page_layout->margin_left, CM (2.5), 0.001);
  g_assert_cmpfloat_with_epsilon (first->page_layout->margin_top, CM (1.5), 0.001);
  g_assert_cmpfloat_with_epsilon (first->page_layout->header_min_height, CM (0.6), 0.001);
  g_assert_cmpstr (first->next_style_name, ==, "Standard");
  g_assert_cmpuint (first->header->len, ==, 1);
  g_assert_cmpuint (first->footer->len, ==, 0);
  g_assert_cmpuint (standard->footer->len, ==, 1);

  header = rpt_furniture_dup_text (g_ptr_array_index (standard->header, 0), 3, lookup_field, NULL);
  footer = rpt_furniture_dup_text (g_ptr_array_index (standard->footer, 0), 3, lookup_field, NULL);
  g_assert_cmpstr (header, ==, "AL TJK 1/2025");
  g_assert_cmpstr (footer, ==, "3");

  /* The letterhead is a field too: the document's words for it (its
   * language), else the house style's own. */
  letterhead = rpt_furniture_dup_text (g_ptr_array_index (first->header, 0), 1, lookup_field, "fr");
  g_assert_cmpstr (letterhead, ==, "PALAIS DES NATIONS • 1211 GENÈVE 10, SUISSE");
  english = rpt_furniture_dup_text (g_ptr_array_index (first->header, 0), 1, NULL, NULL);
  g_assert_cmpstr (english, ==, "PALAIS DES NATIONS • 1211 GENEVA 10, SWITZERLAND");
}

static void
test_same_file_as_odt (void)
{
  /* The built-in style sheet is data/styles/house-style.xml itself. */
  g_autofree char *path = rpt_test_source_path ("data", "styles", "house-style.xml", NULL);
  g_autoptr (GError) error = NULL;
  g_autoptr (RptStyleSheet) styles = rpt_style_sheet_new_from_file (path, &error);

  g_assert_no_error (error);
  g_assert_nonnull (rpt_style_sheet_get_master_page (styles, "First"));
}

static void
test_errors (void)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (RptStyleSheet) a = NULL;
  g_autoptr (RptStyleSheet) b = NULL;

  a = rpt_style_sheet_new_from_data ("<x/>", -1, "bad.xml", &error);
  g_assert_null (a);
  g_assert_error (error, RPT_ERROR, RPT_ERROR_PARSE);
  g_clear_error (&error);
  b =
    rpt_style_sheet_new_from_data ("<!DOCTYPE x [<!ENTITY e \"e\">]><x/>", -1, "evil.xml", &error);
  g_assert_null (b);
  g_assert_error (error, RPT_ERROR, RPT_ERROR_UNSAFE);
}

int
main (int argc, char **argv)
{
  rpt_test_init (&argc, &argv);
  g_test_add_func ("/style-sheet/lengths", test_lengths);
  g_test_add_func ("/style-sheet/house-style", test_house_style);
  g_test_add_func ("/style-sheet/same-file-as-odt", test_same_file_as_odt);
  g_test_add_func ("/style-sheet/errors", test_errors);
  return g_test_run ();
}
