/* rpt-pdf.c
 *
 * Copyright 2026 The Rapporteur authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "rpt-pdf"

#include <cairo-pdf.h>
#include <glib/gi18n-lib.h>
#include <locale.h>
#include <stdlib.h>
#include <string.h>

#include "rpt-error.h"
#include "rpt-file.h"
#include "rpt-pdf.h"

/*
 * The PDF writer: the layout's pages on a cairo PDF surface, with the
 * document's metadata, an outline (the letter, then its headings: the
 * annex), link annotations, and fonts embedded as subsets by cairo. Text is
 * drawn line by line in reading order, with cairo's ToUnicode maps, so it
 * can be extracted and searched.
 *
 * What cairo 1.16 (our floor) cannot do, and what we do instead:
 *  - the document language (/Lang in the catalog) has no cairo API: it is
 *    added by an incremental update appended to cairo's output, which
 *    leaves cairo's bytes untouched and is valid PDF (ISO 32000-1, 7.5.6);
 *  - cairo 1.16.0 writes a link annotation's structure parent as a
 *    reference to an object it never writes, and its cross-reference table
 *    then points that object at the next one (qpdf: "file is damaged").
 *    The same incremental update redefines every object whose entry does
 *    not point at it as null, which is what a dangling reference means.
 *  - no XMP metadata stream and no PDF/A or PDF/UA: the Info dictionary
 *    only. A tagged structure tree is possible with cairo tags, but 1.16's
 *    implementation is too young to rely on, so the PDF is untagged.
 */

static cairo_status_t
append_cb (void *closure, const unsigned char *data, unsigned int length)
{
  g_byte_array_append (closure, data, length);
  return CAIRO_STATUS_SUCCESS;
}

static char *
format_date (GDateTime *dt)
{
  g_autofree char *base = g_date_time_format (dt, "%Y-%m-%dT%H:%M:%S");
  GTimeSpan offset = g_date_time_get_utc_offset (dt);
  int minutes = (int) (offset / G_TIME_SPAN_MINUTE);

  if (minutes == 0)
    return g_strconcat (base, "Z", NULL);
  return g_strdup_printf ("%s%c%02d:%02d", base, minutes < 0 ? '-' : '+', abs (minutes) / 60,
                          abs (minutes) % 60);
}

static GDateTime *
default_date (void)
{
  const char *epoch = g_getenv ("SOURCE_DATE_EPOCH");
  guint64 seconds;

  if (epoch != NULL && g_ascii_string_to_unsigned (epoch, 10, 0, G_MAXINT64, &seconds, NULL))
    return g_date_time_new_from_unix_utc ((gint64) seconds);
  return g_date_time_new_now_local ();
}

/* Binary-safe: PDF streams hold NUL bytes, so no g_strstr_len. */
static const char *
find (const char *data, gsize length, const char *needle)
{
  return memmem (data, length, needle, strlen (needle));
}

static const char *
find_last (const char *data, gsize length, const char *needle)
{
  gsize n = strlen (needle);

  if (length < n)
    return NULL;
  for (const char *p = data + length - n; p >= data; p--)
    if (memcmp (p, needle, n) == 0)
      return p;
  return NULL;
}

/* Cross-reference entries whose offset does not hold their object. */
static GArray *
find_bad_xref_entries (const char *data, gsize length, guint64 xref_offset)
{
  GArray *bad = g_array_new (FALSE, FALSE, sizeof (guint64));
  const char *end = data + length;
  const char *p;

  if (xref_offset >= length || memcmp (data + xref_offset, "xref", 4) != 0)
    return bad;
  p = data + xref_offset + 4;
  for (;;)
    {
      char *next = NULL;
      guint64 first, count;

      while (p < end && g_ascii_isspace (*p))
        p++;
      if (p >= end || !g_ascii_isdigit (*p))
        break; /* "trailer" */
      first = g_ascii_strtoull (p, &next, 10);
      count = g_ascii_strtoull (next, &next, 10);
      p = next;
      while (p < end && g_ascii_isspace (*p))
        p++;
      for (guint64 i = 0; i < count && p + 20 <= end; i++, p += 20)
        {
          guint64 offset = g_ascii_strtoull (p, NULL, 10);
          g_autofree char *expect = NULL;

          if (p[17] != 'n')
            continue;
          expect = g_strdup_printf ("%" G_GUINT64_FORMAT " 0 obj", first + i);
          if (offset + strlen (expect) > length ||
              memcmp (data + offset, expect, strlen (expect)) != 0)
            {
              guint64 n = first + i;
              g_array_append_val (bad, n);
            }
        }
    }
  return bad;
}

/* Appends an incremental update that gives the catalog /Lang, asks viewers
 * to show the title rather than the file name, and repairs cairo 1.16.0's
 * dangling cross-reference entries. */
static gboolean
add_catalog_entries (GByteArray *pdf, const char *language, GError **error)
{
  const char *data = (const char *) pdf->data;
  const char *startxref, *trailer, *root, *obj, *dict, *endobj;
  g_autofree char *needle = NULL;
  g_autofree char *trailer_dict = NULL;
  g_autoptr (GString) update = g_string_new (NULL);
  g_autoptr (GString) lang = g_string_new (NULL);
  g_autoptr (GArray) bad = NULL;
  g_autoptr (GArray) bad_offsets = NULL;
  guint64 prev, root_num;
  gsize offset;

  for (const char *p = language; p != NULL && *p != '\0'; p++)
    if (g_ascii_isalnum (*p) || *p == '-')
      g_string_append_c (lang, *p);
  if (lang->len == 0)
    return TRUE;

  startxref = find_last (data, pdf->len, "startxref");
  trailer = find_last (data, pdf->len, "trailer");
  if (startxref == NULL || trailer == NULL || trailer > startxref)
    goto unexpected;
  prev = g_ascii_strtoull (startxref + strlen ("startxref"), NULL, 10);
  root = find (trailer, startxref - trailer, "/Root");
  if (root == NULL)
    goto unexpected;
  root_num = g_ascii_strtoull (root + strlen ("/Root"), NULL, 10);
  needle = g_strdup_printf ("\n%" G_GUINT64_FORMAT " 0 obj", root_num);
  obj = find (data, pdf->len, needle);
  if (obj == NULL)
    goto unexpected;
  dict = find (obj, data + pdf->len - obj, "<<");
  endobj = find (obj, data + pdf->len - obj, "endobj");
  if (dict == NULL || endobj == NULL || dict > endobj ||
      find (dict, endobj - dict, "/Lang") != NULL)
    goto unexpected;

  {
    const char *t0 = find (trailer, startxref - trailer, "<<");
    const char *t1 = find_last (trailer, startxref - trailer, ">>");
    if (t0 == NULL || t1 == NULL)
      goto unexpected;
    trailer_dict = g_strndup (t0 + 2, t1 - t0 - 2);
  }

  bad = find_bad_xref_entries (data, pdf->len, prev);
  if (pdf->len > 0 && pdf->data[pdf->len - 1] != '\n')
    g_string_append_c (update, '\n');
  bad_offsets = g_array_new (FALSE, FALSE, sizeof (gsize));
  for (guint i = 0; i < bad->len; i++)
    {
      gsize at = pdf->len + update->len;
      g_array_append_val (bad_offsets, at);
      g_string_append_printf (update, "%" G_GUINT64_FORMAT " 0 obj\nnull\nendobj\n",
                              g_array_index (bad, guint64, i));
    }
  offset = pdf->len + update->len;
  g_string_append_printf (update,
                          "%" G_GUINT64_FORMAT " 0 obj\n<< /Lang (%s)\n"
                          "   /ViewerPreferences << /DisplayDocTitle true >>\n",
                          root_num, lang->str);
  g_string_append_len (update, dict + 2, endobj - dict - 2);
  g_string_append (update, "endobj\n");
  {
    gsize xref = pdf->len + update->len;
    g_string_append (update, "xref\n");
    for (guint i = 0; i < bad->len; i++)
      g_string_append_printf (update, "%" G_GUINT64_FORMAT " 1\n%010" G_GSIZE_FORMAT " 00000 n \n",
                              g_array_index (bad, guint64, i),
                              g_array_index (bad_offsets, gsize, i));
    g_string_append_printf (update,
                            "%" G_GUINT64_FORMAT " 1\n%010" G_GSIZE_FORMAT " 00000 n \n"
                            "trailer\n<< /Prev %" G_GUINT64_FORMAT "%s>>\n"
                            "startxref\n%" G_GSIZE_FORMAT "\n%%%%EOF\n",
                            root_num, offset, prev, trailer_dict, xref);
  }
  g_byte_array_append (pdf, (const guint8 *) update->str, update->len);
  return TRUE;

unexpected:
  g_set_error (error, RPT_ERROR, RPT_ERROR_IO,
               _ ("The PDF made by cairo has an unexpected structure; its language cannot be set"));
  return FALSE;
}

static void
add_outline (RptLayout *layout, cairo_surface_t *surface)
{
  RptDocument *doc = rpt_layout_get_document (layout);
  const char *title = rpt_document_get_title (doc);
  int parents[8] = { 0 };
  guint n = rpt_document_get_n_blocks (doc);

  parents[0] = CAIRO_PDF_OUTLINE_ROOT;
  /* Translators: the PDF bookmark of the letter when it has no title */
  cairo_pdf_surface_add_outline (surface, CAIRO_PDF_OUTLINE_ROOT,
                                 title != NULL && title[0] != '\0' ? title : _ ("Letter"),
                                 "page=1 pos=[0 0]", CAIRO_PDF_OUTLINE_FLAG_OPEN);
  for (guint i = 0; i < n; i++)
    {
      int level = rpt_document_get_block_outline_level (doc, i);
      g_autofree char *dest = NULL;
      g_autofree char *name = NULL;
      char buf[G_ASCII_DTOSTR_BUF_SIZE];
      guint page;
      double y;

      if (level <= 0 || !rpt_layout_find_block (layout, i, &page, &y))
        continue;
      level = MIN (level, (int) G_N_ELEMENTS (parents) - 1);
      name = g_strdup (rpt_document_get_block_text (doc, i));
      g_strdelimit (name, "\n\t", ' ');
      dest = g_strdup_printf ("page=%u pos=[0 %s]", page + 1,
                              g_ascii_formatd (buf, sizeof buf, "%.1f", y));
      parents[level] = cairo_pdf_surface_add_outline (
        surface, parents[level - 1] != 0 ? parents[level - 1] : CAIRO_PDF_OUTLINE_ROOT, name, dest,
        CAIRO_PDF_OUTLINE_FLAG_OPEN);
      for (int l = level + 1; l < (int) G_N_ELEMENTS (parents); l++)
        parents[l] = 0;
    }
}

/**
 * rpt_pdf_render:
 * @layout: a layout with a document
 * @options: (nullable): metadata the document XML does not hold
 *
 * Returns: (transfer full): the PDF, or %NULL with @error set
 */
GBytes *
rpt_pdf_render (RptLayout *layout, const RptPdfOptions *options, GError **error)
{
  g_autoptr (GByteArray) pdf = g_byte_array_sized_new (64 * 1024);
  g_autoptr (GDateTime) now = NULL;
  g_autofree char *date = NULL;
  g_autofree char *keywords = NULL;
  g_autofree char *creator = NULL;
  RptDocument *doc;
  cairo_surface_t *surface;
  cairo_status_t status;
  cairo_t *cr;
  guint n_pages;
  double w, h;
  locale_t c_numeric, old_locale = (locale_t) 0;

  g_return_val_if_fail (RPT_IS_LAYOUT (layout), NULL);
  doc = rpt_layout_get_document (layout);
  g_return_val_if_fail (doc != NULL, NULL);

  /* cairo 1.16 reads link and outline attributes ("rect=[72.00 …]") with
   * strtod, in the thread's locale: with a French or Spanish LC_NUMERIC it
   * stops at the point and refuses the whole PDF. This thread reads numbers
   * the C way until the PDF is made. */
  c_numeric = newlocale (LC_NUMERIC_MASK, "C", (locale_t) 0);
  if (c_numeric != (locale_t) 0)
    old_locale = uselocale (c_numeric);

  n_pages = rpt_layout_get_n_pages (layout);
  rpt_layout_get_page_size (layout, 0, &w, &h);
  surface = cairo_pdf_surface_create_for_stream (append_cb, pdf, w, h);

  if (rpt_document_get_title (doc) != NULL)
    cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_TITLE,
                                    rpt_document_get_title (doc));
  if (options != NULL && options->author != NULL)
    cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_AUTHOR, options->author);
  if (rpt_document_get_subject (doc) != NULL)
    cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_SUBJECT,
                                    rpt_document_get_subject (doc));
  keywords = g_strjoinv ("; ", (char **) rpt_document_get_keywords (doc));
  if (keywords[0] != '\0')
    cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_KEYWORDS, keywords);
  creator = g_strdup_printf ("Rapporteur %s", PACKAGE_VERSION);
  cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_CREATOR, creator);
  now = options != NULL && options->created != NULL ? g_date_time_ref (options->created)
                                                    : default_date ();
  date = format_date (now);
  cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_CREATE_DATE, date);
  cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_MOD_DATE, date);

  cr = cairo_create (surface);
  for (guint p = 0; p < n_pages; p++)
    {
      rpt_layout_get_page_size (layout, p, &w, &h);
      cairo_pdf_surface_set_size (surface, w, h);
      rpt_layout_draw_page (layout, p, cr);
      cairo_show_page (cr);
    }
  add_outline (layout, surface);
  cairo_destroy (cr);
  cairo_surface_finish (surface);
  status = cairo_surface_status (surface);
  cairo_surface_destroy (surface);
  if (c_numeric != (locale_t) 0)
    {
      uselocale (old_locale);
      freelocale (c_numeric);
    }
  if (status != CAIRO_STATUS_SUCCESS)
    {
      g_set_error (error, RPT_ERROR, RPT_ERROR_IO, _ ("Cannot make the PDF: %s"),
                   cairo_status_to_string (status));
      return NULL;
    }
  if (!add_catalog_entries (pdf, rpt_document_get_language (doc), error))
    return NULL;
  return g_byte_array_free_to_bytes (g_steal_pointer (&pdf));
}

/**
 * rpt_pdf_write:
 * @path: the PDF file to write; replaced only once the PDF is complete
 *
 * Writes the PDF whole or not at all, readable by its owner only: it holds
 * a draft.
 */
gboolean
rpt_pdf_write (RptLayout *layout, const RptPdfOptions *options, const char *path, GError **error)
{
  g_autoptr (GBytes) bytes = NULL;
  gsize length;
  const char *data;

  g_return_val_if_fail (path != NULL, FALSE);
  bytes = rpt_pdf_render (layout, options, error);
  if (bytes == NULL)
    return FALSE;
  data = g_bytes_get_data (bytes, &length);
  return rpt_file_write_private (path, data, length, error);
}

/* --- export in a worker thread ------------------------------------- */

typedef struct
{
  RptDocument *document;
  RptStyleSheet *styles;
  char *author;
  GDateTime *created;
  char *path;
  GPtrArray *warnings;
} ExportData;

static void
export_data_free (ExportData *data)
{
  g_clear_object (&data->document);
  g_clear_object (&data->styles);
  g_free (data->author);
  g_clear_pointer (&data->created, g_date_time_unref);
  g_free (data->path);
  g_clear_pointer (&data->warnings, g_ptr_array_unref);
  g_free (data);
}

static void
export_thread (GTask *task, gpointer source, gpointer task_data, GCancellable *cancellable)
{
  ExportData *data = task_data;
  RptPdfOptions options = { data->author, data->created };
  g_autoptr (RptLayout) layout = NULL;
  GError *error = NULL;

  /* The layout is made here: Pango objects stay in the thread that made
   * them. The document and the style sheet are immutable. */
  layout = rpt_layout_new (data->styles);
  rpt_layout_set_document (layout, data->document);
  if (g_task_return_error_if_cancelled (task))
    return;
  if (!rpt_pdf_write (layout, &options, data->path, &error))
    {
      g_task_return_error (task, error);
      return;
    }
  data->warnings = rpt_layout_dup_warnings (layout);
  g_task_return_boolean (task, TRUE);
}

/**
 * rpt_pdf_export_async:
 * @document: the document XML of the letter, read (immutable)
 * @styles: the house style
 * @options: (nullable): copied
 * @path: the PDF file to write, replaced only once complete
 *
 * Lays out @document and writes it as PDF in a worker thread, so the UI
 * never waits on layout or disk.
 */
void
rpt_pdf_export_async (RptDocument *document,
                      RptStyleSheet *styles,
                      const RptPdfOptions *options,
                      const char *path,
                      GCancellable *cancellable,
                      GAsyncReadyCallback callback,
                      gpointer user_data)
{
  g_autoptr (GTask) task = NULL;
  ExportData *data;

  g_return_if_fail (RPT_IS_DOCUMENT (document));
  g_return_if_fail (RPT_IS_STYLE_SHEET (styles));
  g_return_if_fail (path != NULL);

  data = g_new0 (ExportData, 1);
  data->document = g_object_ref (document);
  data->styles = g_object_ref (styles);
  data->path = g_strdup (path);
  if (options != NULL)
    {
      data->author = g_strdup (options->author);
      data->created = options->created != NULL ? g_date_time_ref (options->created) : NULL;
    }
  task = g_task_new (NULL, cancellable, callback, user_data);
  g_task_set_source_tag (task, rpt_pdf_export_async);
  g_task_set_task_data (task, data, (GDestroyNotify) export_data_free);
  g_task_run_in_thread (task, export_thread);
}

/**
 * rpt_pdf_export_finish:
 * @warnings: (out) (optional) (transfer full) (element-type utf8): what
 *   the user should know (a missing font, characters without a glyph)
 *
 * Returns: whether the PDF was written
 */
gboolean
rpt_pdf_export_finish (GAsyncResult *result, GPtrArray **warnings, GError **error)
{
  GTask *task = G_TASK (result);
  ExportData *data;

  g_return_val_if_fail (g_task_is_valid (result, NULL), FALSE);
  g_return_val_if_fail (g_task_get_source_tag (task) == rpt_pdf_export_async, FALSE);

  if (!g_task_propagate_boolean (task, error))
    return FALSE;
  data = g_task_get_task_data (task);
  if (warnings != NULL)
    *warnings = data->warnings != NULL ? g_ptr_array_ref (data->warnings)
                                       : g_ptr_array_new_with_free_func (g_free);
  return TRUE;
}
