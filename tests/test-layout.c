/* test-layout.c
 *
 * Copyright 2026 The Rapporteur authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "rpt-test-util.h"

/*
 * Layout invariants on the sample letter and on generated letters that put
 * headings, leads and long paragraphs at every position on a page: every
 * line laid out once and in order, no heading or lead last on a page,
 * widows and orphans respected, forced breaks honoured, pagination
 * growing linearly, and relayout after an edit equal to a fresh layout.
 */

static RptStyleSheet *styles;

static char *
document_xml (const char *body)
{
  return g_strconcat (
    "<office:document xmlns:office=\"urn:oasis:names:tc:opendocument:xmlns:office:1.0\" "
    "xmlns:text=\"urn:oasis:names:tc:opendocument:xmlns:text:1.0\" "
    "xmlns:meta=\"urn:oasis:names:tc:opendocument:xmlns:meta:1.0\" "
    "xmlns:dc=\"http://purl.org/dc/elements/1.1/\" office:version=\"1.3\" "
    "office:mimetype=\"application/vnd.oasis.opendocument.text\"><office:meta><dc:title>AL TST 1/2025</dc:title>"
    "<meta:user-defined meta:name=\"Reference\">AL TST 1/2025</meta:user-defined></office:meta>"
    "<office:body><office:text>\n<text:p text:style-name=\"Mandates\">Mandate of the Special "
    "Rapporteur on tests</text:p>\n",
    body, "</office:text></office:body></office:document>", NULL);
}

static RptDocument *
document_new (const char *body)
{
  g_autofree char *xml = document_xml (body);
  g_autoptr (GError) error = NULL;
  RptDocument *doc = rpt_document_new_from_data (xml, -1, "generated.xml", &error);

  g_assert_no_error (error);
  return doc;
}

static void
append_filler (GString *body, guint n)
{
  for (guint i = 0; i < n; i++)
    g_string_append_printf (body, "<text:p text:style-name=\"Body\">Filler %u.</text:p>\n", i);
}

static void
append_long (GString *body, const char *style, guint words)
{
  g_string_append_printf (body, "<text:p text:style-name=\"%s\">", style);
  for (guint i = 0; i < words; i++)
    g_string_append_printf (body, "%sword%u", i > 0 ? " " : "", i);
  g_string_append (body, ".</text:p>\n");
}

static RptDocument *
sample_document (void)
{
  g_autofree char *path = rpt_test_source_path ("tests", "data", "sample-document.xml", NULL);
  g_autoptr (GError) error = NULL;
  RptDocument *doc = rpt_document_new_from_file (path, &error);

  g_assert_no_error (error);
  return doc;
}

static RptLayout *
layout_new (RptDocument *doc)
{
  RptLayout *layout = rpt_layout_new (styles);

  rpt_layout_set_document (layout, doc);
  return layout;
}

static const RptParagraphFormat *
format_of (RptDocument *doc, guint block)
{
  return rpt_style_sheet_get_paragraph_format (styles, rpt_document_get_block_style (doc, block));
}

/* Footnotes: every line of every note once and in order, the start of a
 * note on a page of the block that cites it, under the body text and
 * inside the margins. */
static void
check_notes (RptLayout *layout, RptDocument *doc)
{
  guint n_pages = rpt_layout_get_n_pages (layout);
  guint n_blocks = rpt_document_get_n_blocks (doc);
  g_autoptr (GArray) expected = g_array_new (FALSE, FALSE, sizeof (guint) * 3);
  guint next = 0, line = 0, previous_end = 0;

  for (guint b = 0; b < n_blocks; b++)
    for (guint i = 0; rpt_layout_get_note_n_lines (layout, b, i, 0) > 0; i++)
      for (guint j = 0; rpt_layout_get_note_n_lines (layout, b, i, j) > 0; j++)
        {
          guint triple[3] = { b, i, j };
          g_array_append_vals (expected, triple, 1);
        }

  for (guint p = 0; p < n_pages; p++)
    {
      guint n = 0, n_notes = 0;
      const RptLayoutFragment *frags = rpt_layout_get_page_fragments (layout, p, &n);
      const RptLayoutNoteFragment *notes = rpt_layout_get_page_notes (layout, p, &n_notes);
      double body_bottom = 0, width, height;

      rpt_layout_get_page_size (layout, p, &width, &height);
      for (guint f = 0; f < n; f++)
        body_bottom = MAX (body_bottom, frags[f].y + frags[f].height);
      for (guint f = 0; f < n_notes; f++)
        {
          const RptLayoutNoteFragment *nf = &notes[f];
          guint *want;

          g_assert_cmpuint (next, <, expected->len);
          want = (guint *) (gpointer) (expected->data + next * sizeof (guint) * 3);
          g_assert_cmpuint (nf->block, ==, want[0]);
          g_assert_cmpuint (nf->note, ==, want[1]);
          g_assert_cmpuint (nf->paragraph, ==, want[2]);
          g_assert_cmpuint (nf->first_line, ==, line);
          g_assert_cmpuint (nf->n_lines, >, 0);
          /* A note starts beside its citation, or later when it queues
           * behind a note continued from an earlier page. */
          if (line == 0 && nf->paragraph == 0)
            {
              gboolean cited_here = FALSE;
              guint cited_on = G_MAXUINT;

              for (guint g = 0; g < n; g++)
                cited_here |= frags[g].block == nf->block;
              g_assert_true (rpt_layout_find_block (layout, nf->block, &cited_on, NULL));
              g_assert_cmpuint (cited_on, <=, p);
              /* Queued: the note before it was still going on when this
               * one was cited. */
              if (!cited_here)
                {
                  g_assert_cmpuint (next, >, 0);
                  g_assert_cmpuint (previous_end, >=, cited_on);
                }
            }
          g_assert_cmpfloat (nf->y, >=, body_bottom);
          g_assert_cmpfloat (nf->y + nf->height, <=, height - 1.5 * RPT_PT_PER_CM + 0.01);
          line += nf->n_lines;
          if (line == rpt_layout_get_note_n_lines (layout, want[0], want[1], want[2]))
            {
              next++;
              line = 0;
              previous_end = p;
            }
        }
    }
  g_assert_cmpuint (next, ==, expected->len);
}

/* The rules every pagination must keep. */
static void
check_invariants (RptLayout *layout, RptDocument *doc)
{
  guint n_pages = rpt_layout_get_n_pages (layout);
  guint n_blocks = rpt_document_get_n_blocks (doc);
  guint block = 0, line = 0;

  g_assert_cmpuint (n_pages, >, 0);
  for (guint p = 0; p < n_pages; p++)
    {
      guint n = 0;
      const RptLayoutFragment *frags = rpt_layout_get_page_fragments (layout, p, &n);
      double width, height;

      rpt_layout_get_page_size (layout, p, &width, &height);
      /* No empty page: a page may hold only a footnote continued. */
      if (n == 0)
        {
          guint n_notes = 0;
          rpt_layout_get_page_notes (layout, p, &n_notes);
          g_assert_cmpuint (n_notes, >, 0);
          continue;
        }
      for (guint f = 0; f < n; f++)
        {
          const RptLayoutFragment *frag = &frags[f];
          const RptParagraphFormat *fmt = format_of (doc, frag->block);
          guint total = rpt_layout_get_block_n_lines (layout, frag->block);
          gboolean split = frag->first_line > 0 || frag->n_lines < total;

          /* Every line once, in reading order. */
          g_assert_cmpuint (frag->block, ==, block);
          g_assert_cmpuint (frag->first_line, ==, line);
          g_assert_cmpuint (frag->n_lines, >, 0);
          line += frag->n_lines;
          if (line == total)
            {
              block++;
              line = 0;
            }
          /* Inside the page's margins. */
          g_assert_cmpfloat (frag->y, >=, 1.5 * RPT_PT_PER_CM);
          g_assert_cmpfloat (frag->y + frag->height, <=, height - 1.5 * RPT_PT_PER_CM + 0.01);
          if (fmt->break_before && frag->first_line == 0)
            g_assert_cmpuint (f, ==, 0);
          if (split)
            {
              g_assert_false (fmt->keep_together);
              if (frag->first_line == 0)
                g_assert_cmpuint (frag->n_lines, >=, (guint) fmt->orphans);
              if (frag->first_line + frag->n_lines == total)
                g_assert_cmpuint (frag->n_lines, >=, (guint) fmt->widows);
            }
        }
      /* No heading, lead or closing at the foot of a page. */
      if (p + 1 < n_pages)
        {
          const RptLayoutFragment *last = &frags[n - 1];
          const RptParagraphFormat *fmt = format_of (doc, last->block);
          if (fmt->keep_with_next && last->first_line + last->n_lines ==
                                       rpt_layout_get_block_n_lines (layout, last->block))
            g_error ("page %u ends with block %u (%s), which keeps with the next", p + 1,
                     last->block, fmt->name);
        }
    }
  g_assert_cmpuint (block, ==, n_blocks);
  check_notes (layout, doc);
}

static void
assert_same_pages (RptLayout *a, RptLayout *b)
{
  g_assert_cmpuint (rpt_layout_get_n_pages (a), ==, rpt_layout_get_n_pages (b));
  for (guint p = 0; p < rpt_layout_get_n_pages (a); p++)
    {
      guint na = 0, nb = 0;
      const RptLayoutFragment *fa = rpt_layout_get_page_fragments (a, p, &na);
      const RptLayoutFragment *fb = rpt_layout_get_page_fragments (b, p, &nb);

      g_assert_cmpuint (na, ==, nb);
      for (guint f = 0; f < na; f++)
        {
          g_assert_cmpuint (fa[f].block, ==, fb[f].block);
          g_assert_cmpuint (fa[f].first_line, ==, fb[f].first_line);
          g_assert_cmpuint (fa[f].n_lines, ==, fb[f].n_lines);
          g_assert_cmpfloat_with_epsilon (fa[f].y, fb[f].y, 1e-6);
        }
    }
}

static void
test_sample (void)
{
  g_autoptr (RptDocument) doc = sample_document ();
  g_autoptr (RptLayout) layout = layout_new (doc);
  g_autoptr (RptLayout) again = layout_new (doc);
  g_autoptr (GPtrArray) warnings = rpt_layout_dup_warnings (layout);
  guint annex = 0, page = 0;
  double y = 0;

  check_invariants (layout, doc);
  /* The published letter has 8 pages; ours must stay near that. */
  g_assert_cmpuint (rpt_layout_get_n_pages (layout), >=, 7);
  g_assert_cmpuint (rpt_layout_get_n_pages (layout), <=, 9);
  assert_same_pages (layout, again);
  g_assert_cmpuint (warnings->len, ==, 0);

  /* The annex starts a page. */
  for (annex = 0; annex < rpt_document_get_n_blocks (doc); annex++)
    if (g_strcmp0 (rpt_document_get_block_style (doc, annex), "AnnexHeading") == 0)
      break;
  g_assert_true (rpt_layout_find_block (layout, annex, &page, &y));
  g_assert_cmpuint (page, >, 0);
  g_assert_cmpuint (rpt_layout_get_page_fragments (layout, page, &(guint){ 0 })[0].block, ==,
                    annex);
}

/* A heading and a lead at every position on a page: never left behind. */
static void
test_keep_with_next (void)
{
  for (guint n = 0; n < 70; n++)
    {
      g_autoptr (GString) body = g_string_new (NULL);
      g_autoptr (RptDocument) doc = NULL;
      g_autoptr (RptLayout) layout = NULL;
      guint heading = n + 1;
      guint hp = 0, np = 0;

      append_filler (body, n);
      g_string_append (body, "<text:h text:style-name=\"AnnexTitle\" text:outline-level=\"2\">"
                             "A heading</text:h>\n");
      append_long (body, "Lead", 30);
      append_long (body, "Body", 120);
      doc = document_new (body->str);
      layout = layout_new (doc);
      check_invariants (layout, doc);
      g_assert_true (rpt_layout_find_block (layout, heading, &hp, NULL));
      g_assert_true (rpt_layout_find_block (layout, heading + 2, &np, NULL));
      g_assert_cmpuint (hp, ==, np); /* heading, lead and the start of the body together */
    }
}

static void
test_widows_orphans (void)
{
  for (guint n = 0; n < 70; n++)
    {
      g_autoptr (GString) body = g_string_new (NULL);
      g_autoptr (RptDocument) doc = NULL;
      g_autoptr (RptLayout) layout = NULL;

      append_filler (body, n);
      append_long (body, "Body", 200);
      g_string_append (body, "<text:list text:style-name=\"Questions\">");
      for (guint i = 0; i < 3; i++)
        {
          g_string_append (body, "<text:list-item>");
          append_long (body, "Question", 40);
          g_string_append (body, "</text:list-item>");
        }
      g_string_append (body, "</text:list>");
      g_string_append (body, "<text:p text:style-name=\"Closing\">Please accept.</text:p>"
                             "<text:p text:style-name=\"Signature\">A Name<text:line-break/>"
                             "A title<text:line-break/>and more</text:p>");
      doc = document_new (body->str);
      layout = layout_new (doc);
      check_invariants (layout, doc);
    }
}

static void
test_forced_break (void)
{
  g_autoptr (GString) body = g_string_new (NULL);
  g_autoptr (RptDocument) doc = NULL;
  g_autoptr (RptLayout) layout = NULL;
  guint page = 0;

  append_filler (body, 3);
  g_string_append (body, "<text:h text:style-name=\"AnnexHeading\" text:outline-level=\"1\">"
                         "Annex</text:h>\n");
  append_filler (body, 2);
  doc = document_new (body->str);
  layout = layout_new (doc);
  check_invariants (layout, doc);
  g_assert_cmpuint (rpt_layout_get_n_pages (layout), ==, 2);
  g_assert_true (rpt_layout_find_block (layout, 4, &page, NULL));
  g_assert_cmpuint (page, ==, 1);
}

static void
test_long_letter (void)
{
  guint pages[2];

  for (guint i = 0; i < 2; i++)
    {
      g_autoptr (GString) body = g_string_new (NULL);
      g_autoptr (RptDocument) doc = NULL;
      g_autoptr (RptLayout) layout = NULL;

      for (guint f = 0; f < (i + 1) * 100; f++)
        append_long (body, "Body", 60);
      doc = document_new (body->str);
      layout = layout_new (doc);
      check_invariants (layout, doc);
      pages[i] = rpt_layout_get_n_pages (layout);
    }
  /* 200 facts take twice the pages of 100, give or take a page break. */
  g_assert_cmpuint (pages[0], >, 10);
  g_assert_cmpuint (pages[1], >=, 2 * pages[0] - 2);
  g_assert_cmpuint (pages[1], <=, 2 * pages[0] + 2);
}

/* Editing one paragraph re-shapes that paragraph only, and gives the same
 * pages as laying out the edited letter from scratch. */
static void
test_relayout (void)
{
  g_autofree char *path = rpt_test_source_path ("tests", "data", "sample-document.xml", NULL);
  g_autofree char *xml = NULL;
  g_autofree char *edited = NULL;
  g_autoptr (GError) error = NULL;
  g_autoptr (RptDocument) doc = NULL;
  g_autoptr (RptDocument) doc2 = NULL;
  g_autoptr (RptLayout) layout = NULL;
  g_autoptr (RptLayout) fresh = NULL;
  g_autoptr (RptLayout) fresh_original = NULL;
  g_auto (GStrv) parts = NULL;

  g_assert_true (g_file_get_contents (path, &xml, NULL, NULL));
  parts = g_strsplit (xml, "the Supreme Court upheld the verdict", 2);
  g_assert_nonnull (parts[1]);
  edited = g_strconcat (parts[0],
                        "the Supreme Court of Tajikistan, in a hearing closed to the public, to "
                        "the family and to the press, upheld the verdict",
                        parts[1], NULL);

  doc = rpt_document_new_from_data (xml, -1, path, &error);
  g_assert_no_error (error);
  doc2 = rpt_document_new_from_data (edited, -1, path, &error);
  g_assert_no_error (error);

  layout = layout_new (doc);
  g_assert_cmpuint (rpt_layout_get_n_relaid_blocks (layout), ==, rpt_document_get_n_blocks (doc));
  rpt_layout_set_document (layout, doc2);
  g_assert_cmpuint (rpt_layout_get_n_relaid_blocks (layout), ==, 1);
  check_invariants (layout, doc2);
  fresh = layout_new (doc2);
  assert_same_pages (layout, fresh);

  rpt_layout_set_document (layout, doc);
  g_assert_cmpuint (rpt_layout_get_n_relaid_blocks (layout), ==, 1);
  fresh_original = layout_new (doc);
  assert_same_pages (layout, fresh_original);
}

static void
test_bookmarks (void)
{
  g_autoptr (RptDocument) doc = sample_document ();
  g_autoptr (RptLayout) layout = layout_new (doc);
  cairo_rectangle_t rect = { 0 };
  guint page = 99;

  /* The ninth fact ("On 2 April 2025, …"), on page 2 or 3. */
  g_assert_true (
    rpt_layout_find_bookmark (layout, "rpt-8b70df72-7b7c-5ea7-980e-f5c7bb02df4a", &page, &rect));
  g_assert_cmpuint (page, >=, 1);
  g_assert_cmpuint (page, <=, 2);
  g_assert_cmpfloat (rect.y, >, 0);
  g_assert_cmpfloat (rect.height, >, 10);
  g_assert_cmpfloat (rect.height, <, 20);
  g_assert_cmpfloat_with_epsilon (rect.x, 2.5 * RPT_PT_PER_CM, 0.01);
  g_assert_false (rpt_layout_find_bookmark (layout, "rpt-nothing", NULL, NULL));
}

static void
append_note (GString *body, guint id, guint words)
{
  g_string_append_printf (body,
                          "<text:note text:note-class=\"footnote\" text:id=\"ftn%u\">"
                          "<text:note-citation>%u</text:note-citation><text:note-body>"
                          "<text:p text:style-name=\"Footnote\">",
                          id, id);
  for (guint i = 0; i < words; i++)
    g_string_append_printf (body, "%snote%u", i > 0 ? " " : "", i);
  g_string_append (body, ".</text:p><text:p text:style-name=\"Footnote\">A second paragraph "
                         "of the note.</text:p></text:note-body></text:note>");
}

/* A footnote too long for the room left on its citation's page, at every
 * position on a page, and one longer than a page: they continue on the
 * next pages, whole and in order. */
static void
test_footnote_continues (void)
{
  guint split = 0, notes_only = 0;

  for (guint n = 0; n < 60; n += 3)
    {
      g_autoptr (GString) body = g_string_new (NULL);
      g_autoptr (RptDocument) doc = NULL;
      g_autoptr (RptLayout) layout = NULL;

      append_filler (body, n);
      g_string_append (body, "<text:p text:style-name=\"Body\">A fact with a long note.");
      append_note (body, 1, 400);
      g_string_append (body, " And more text after the citation, and another note.");
      append_note (body, 2, 30);
      g_string_append (body, "</text:p>\n");
      append_long (body, "Body", 150);
      g_string_append (body, "<text:p text:style-name=\"Body\">A note longer than a page.");
      append_note (body, 3, 2500);
      g_string_append (body, "</text:p>\n");
      append_filler (body, 3);
      doc = document_new (body->str);
      layout = layout_new (doc);
      check_invariants (layout, doc);
      for (guint p = 0; p < rpt_layout_get_n_pages (layout); p++)
        {
          guint nn = 0, nf = 0;
          const RptLayoutNoteFragment *notes = rpt_layout_get_page_notes (layout, p, &nn);
          rpt_layout_get_page_fragments (layout, p, &nf);
          for (guint i = 0; i < nn; i++)
            if (notes[i].first_line > 0)
              split++;
          if (nf == 0)
            notes_only++;
        }
    }
  /* Notes were split, and the longest filled pages of its own. */
  g_assert_cmpuint (split, >, 20);
  g_assert_cmpuint (notes_only, >, 0);
}

/* Every mark on a page, glyph or rule, inside the page's margins. */
static void
check_ink_inside (RptLayout *layout)
{
  for (guint p = 0; p < rpt_layout_get_n_pages (layout); p++)
    {
      cairo_surface_t *surface = cairo_recording_surface_create (CAIRO_CONTENT_COLOR_ALPHA, NULL);
      cairo_t *cr = cairo_create (surface);
      double x, y, w, h, width, height;
      const double margin_x = 2.5 * RPT_PT_PER_CM, margin_y = 1.5 * RPT_PT_PER_CM;

      rpt_layout_get_page_size (layout, p, &width, &height);
      rpt_layout_draw_page (layout, p, cr);
      cairo_destroy (cr);
      cairo_recording_surface_ink_extents (surface, &x, &y, &w, &h);
      cairo_surface_destroy (surface);
      if (x < margin_x - 1 || x + w > width - margin_x + 1 || y < margin_y - 1 ||
          y + h > height - margin_y + 1)
        g_error ("page %u: ink from (%.1f, %.1f) to (%.1f, %.1f) leaves the text area "
                 "(%.1f, %.1f) to (%.1f, %.1f)",
                 p + 1, x, y, x + w, y + h, margin_x, margin_y, width - margin_x,
                 height - margin_y);
    }
}

/* Hostile paragraphs (tests/rpt-test-util.c): every glyph inside the text
 * area, every line laid out once. Text extraction is test-pdf's. */
static void
test_hostile (void)
{
  g_autoptr (GPtrArray) texts = NULL;
  g_autofree char *xml = rpt_test_hostile_document (&texts);
  g_autoptr (GError) error = NULL;
  g_autoptr (RptDocument) doc = rpt_document_new_from_data (xml, -1, "hostile.xml", &error);
  g_autoptr (RptLayout) layout = NULL;
  gint64 start;

  g_assert_no_error (error);
  start = g_get_monotonic_time ();
  layout = layout_new (doc);
  g_test_message ("hostile document: %u pages in %.0f ms", rpt_layout_get_n_pages (layout),
                  (g_get_monotonic_time () - start) / 1000.0);
  check_invariants (layout, doc);
  check_ink_inside (layout);
}

/* Drawing works on any surface: an image, as the preview does. */
static void
test_draw (void)
{
  g_autoptr (RptDocument) doc = sample_document ();
  g_autoptr (RptLayout) layout = layout_new (doc);

  for (guint p = 0; p < rpt_layout_get_n_pages (layout); p++)
    {
      cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_RGB24, 210, 297);
      cairo_t *cr = cairo_create (surface);
      guint dark = 0;
      unsigned char *data;
      int stride;

      cairo_set_source_rgb (cr, 1, 1, 1);
      cairo_paint (cr);
      cairo_scale (cr, 210 / 595.276, 210 / 595.276);
      rpt_layout_draw_page (layout, p, cr);
      g_assert_cmpint (cairo_status (cr), ==, CAIRO_STATUS_SUCCESS);
      cairo_surface_flush (surface);
      data = cairo_image_surface_get_data (surface);
      stride = cairo_image_surface_get_stride (surface);
      for (int y = 0; y < 297; y++)
        for (int x = 0; x < 210; x++)
          if (data[y * stride + 4 * x + 1] < 128)
            dark++;
      g_assert_cmpuint (dark, >, 20);
      cairo_destroy (cr);
      cairo_surface_destroy (surface);
    }
}

static GBytes *
render_page (RptLayout *layout, guint page)
{
  cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_RGB24, 300, 425);
  cairo_t *cr = cairo_create (surface);
  GBytes *bytes;

  cairo_set_source_rgb (cr, 1, 1, 1);
  cairo_paint (cr);
  cairo_scale (cr, 300 / 595.276, 300 / 595.276);
  rpt_layout_draw_page (layout, page, cr);
  g_assert_cmpint (cairo_status (cr), ==, CAIRO_STATUS_SUCCESS);
  cairo_surface_flush (surface);
  bytes = g_bytes_new (cairo_image_surface_get_data (surface),
                       (gsize) cairo_image_surface_get_stride (surface) * 425);
  cairo_destroy (cr);
  cairo_surface_destroy (surface);
  return bytes;
}

/* With a limit on the shaped text kept, pages come out the same, drawn in
 * any order and again after an edit, and bookmarks are found: released
 * blocks are shaped again to the same lines. */
static void
test_shape_limit (void)
{
  g_autoptr (GString) body = g_string_new (NULL);
  g_autoptr (GString) edited = g_string_new (NULL);
  g_autoptr (RptDocument) doc = NULL;
  g_autoptr (RptDocument) doc2 = NULL;
  g_autoptr (RptLayout) full = NULL;
  g_autoptr (RptLayout) limited = rpt_layout_new (styles);
  cairo_rectangle_t a, b;
  guint page_a, page_b, n;

  for (guint f = 0; f < 120; f++)
    {
      if (f == 60)
        g_string_append (body, "<text:p text:style-name=\"Body\"><text:bookmark "
                               "text:name=\"rpt-middle\"/>The middle.</text:p>\n");
      append_long (body, "Body", 40 + f % 50);
    }
  doc = document_new (body->str);
  full = layout_new (doc);
  rpt_layout_set_shape_limit (limited, 3);
  rpt_layout_set_document (limited, doc);
  n = rpt_layout_get_n_pages (full);
  g_assert_cmpuint (n, >, 8);
  assert_same_pages (limited, full);
  /* Backwards, so that every page's blocks were released in between. */
  for (guint p = n; p > 0; p--)
    {
      g_autoptr (GBytes) x = render_page (full, p - 1);
      g_autoptr (GBytes) y = render_page (limited, p - 1);
      g_assert_true (g_bytes_equal (x, y));
    }
  g_assert_true (rpt_layout_find_bookmark (full, "rpt-middle", &page_a, &a));
  g_assert_true (rpt_layout_find_bookmark (limited, "rpt-middle", &page_b, &b));
  g_assert_cmpuint (page_a, ==, page_b);
  g_assert_cmpfloat (a.y, ==, b.y);

  /* An edit: one paragraph shaped again, the same pages as from scratch. */
  g_string_append (edited, body->str);
  g_string_replace (edited, "The middle.",
                    "The middle, now a good deal longer than it was, so "
                    "that it takes more than one line on the page.",
                    1);
  doc2 = document_new (edited->str);
  rpt_layout_set_document (limited, doc2);
  g_assert_cmpuint (rpt_layout_get_n_relaid_blocks (limited), ==, 1);
  {
    g_autoptr (RptLayout) fresh = layout_new (doc2);
    assert_same_pages (limited, fresh);
    for (guint p = 0; p < rpt_layout_get_n_pages (fresh); p++)
      {
        g_autoptr (GBytes) x = render_page (fresh, p);
        g_autoptr (GBytes) y = render_page (limited, p);
        g_assert_true (g_bytes_equal (x, y));
      }
  }
}

static gpointer
layout_in_thread (gpointer data)
{
  RptDocument *doc = data;
  g_autoptr (RptLayout) layout = rpt_layout_new (styles);

  rpt_layout_set_document (layout, doc);
  return GUINT_TO_POINTER (rpt_layout_get_n_pages (layout));
}

/* Export runs in a worker thread while the preview lays out on the main
 * one: each layout has its own font map. */
static void
test_threads (void)
{
  g_autoptr (RptDocument) doc = sample_document ();
  g_autoptr (RptLayout) layout = layout_new (doc);
  GThread *threads[4];

  for (guint i = 0; i < G_N_ELEMENTS (threads); i++)
    threads[i] = g_thread_new ("layout", layout_in_thread, doc);
  for (guint i = 0; i < G_N_ELEMENTS (threads); i++)
    g_assert_cmpuint (GPOINTER_TO_UINT (g_thread_join (threads[i])), ==,
                      rpt_layout_get_n_pages (layout));
}

int
main (int argc, char **argv)
{
  int status;

  rpt_test_init (&argc, &argv);
  styles = rpt_style_sheet_new_default ();
  g_test_add_func ("/layout/sample", test_sample);
  g_test_add_func ("/layout/keep-with-next", test_keep_with_next);
  g_test_add_func ("/layout/widows-orphans", test_widows_orphans);
  g_test_add_func ("/layout/forced-break", test_forced_break);
  g_test_add_func ("/layout/long-letter", test_long_letter);
  g_test_add_func ("/layout/relayout", test_relayout);
  g_test_add_func ("/layout/bookmarks", test_bookmarks);
  g_test_add_func ("/layout/draw", test_draw);
  g_test_add_func ("/layout/shape-limit", test_shape_limit);
  g_test_add_func ("/layout/threads", test_threads);
  g_test_add_func ("/layout/footnote-continues", test_footnote_continues);
  g_test_add_func ("/layout/hostile", test_hostile);
  status = g_test_run ();
  g_object_unref (styles);
  return status;
}
