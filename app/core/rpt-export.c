/* rpt-export.c
 *
 * Copyright 2026 The Rapporteur authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "rpt-export"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "rpt-comment-private.h"
#include "rpt-document-xml.h"
#include "rpt-error.h"
#include "rpt-export-private.h"
#include "rpt-letter-xml.h"
#include "rpt-file.h"
#include "rpt-odt.h"
#include "rpt-render.h"

/*
 * One export: a snapshot of the letter (its letter XML, taken when the
 * export is made, so the work can run in another thread while the drafter
 * goes on typing), then letter XML → template → document XML → ODT.
 */

struct _RptExport
{
  GObject parent_instance;

  char *letter_xml;
  gsize letter_xml_length;
  RptTemplate *template;
  RptReference *reference;
  char *creator;
  GDateTime *date;
  GPtrArray *notes;         /* NULL-terminated */
  GHashTable *margin_notes; /* item id → a note for the margin of its paragraph */
  GListModel *comments;     /* for the ODT, as annotations */
};

G_DEFINE_FINAL_TYPE (RptExport, rpt_export, G_TYPE_OBJECT)

static void
rpt_export_finalize (GObject *object)
{
  RptExport *self = RPT_EXPORT (object);

  g_free (self->letter_xml);
  g_clear_object (&self->template);
  g_clear_object (&self->reference);
  g_free (self->creator);
  g_clear_pointer (&self->date, g_date_time_unref);
  g_ptr_array_unref (self->notes);
  g_clear_pointer (&self->margin_notes, g_hash_table_unref);
  g_clear_object (&self->comments);

  G_OBJECT_CLASS (rpt_export_parent_class)->finalize (object);
}

static void
rpt_export_class_init (RptExportClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = rpt_export_finalize;
}

static void
rpt_export_init (RptExport *self)
{
  self->notes = g_ptr_array_new_null_terminated (4, g_free, TRUE);
}

/**
 * rpt_export_new:
 *
 * Takes a snapshot of @letter to export. Later changes to @letter do not
 * change the export.
 *
 * Returns: (transfer full): the export
 */
RptExport *
rpt_export_new (RptLetter *letter)
{
  RptExport *self;

  g_return_val_if_fail (RPT_IS_LETTER (letter), NULL);

  self = g_object_new (RPT_TYPE_EXPORT, NULL);
  self->letter_xml = rpt_letter_to_xml (letter, &self->letter_xml_length);
  return self;
}

/**
 * rpt_export_new_for_xml:
 * @letter_xml: canonical letter XML, as rpt_letter_to_xml() writes it
 *
 * Returns: (transfer full): an export of that letter
 */
RptExport *
rpt_export_new_for_xml (const char *letter_xml, gssize length)
{
  RptExport *self;

  g_return_val_if_fail (letter_xml != NULL, NULL);

  self = g_object_new (RPT_TYPE_EXPORT, NULL);
  if (length < 0)
    length = strlen (letter_xml);
  self->letter_xml = g_strndup (letter_xml, length);
  self->letter_xml_length = length;
  return self;
}

/**
 * rpt_export_set_template:
 * @template: (nullable): the templates, or %NULL for the built-in ones
 */
void
rpt_export_set_template (RptExport *self, RptTemplate *template)
{
  g_return_if_fail (RPT_IS_EXPORT (self));
  g_set_object (&self->template, template);
}

/**
 * rpt_export_set_reference:
 * @reference: (nullable): the reference data, or %NULL for
 *   rpt_reference_get_default()
 */
void
rpt_export_set_reference (RptExport *self, RptReference *reference)
{
  g_return_if_fail (RPT_IS_EXPORT (self));
  g_set_object (&self->reference, reference);
}

/**
 * rpt_export_set_creator:
 * @creator: (nullable): the author recorded in the file; "" for none; %NULL
 *   for the full name of the user's account, if it has one (never the
 *   login name)
 */
void
rpt_export_set_creator (RptExport *self, const char *creator)
{
  g_return_if_fail (RPT_IS_EXPORT (self));
  g_free (self->creator);
  self->creator = g_strdup (creator);
}

/**
 * rpt_export_set_date:
 * @date: (nullable): the date recorded in the file, or %NULL for now (or
 *   $SOURCE_DATE_EPOCH when set, for reproducible files)
 */
void
rpt_export_set_date (RptExport *self, GDateTime *date)
{
  g_return_if_fail (RPT_IS_EXPORT (self));
  g_clear_pointer (&self->date, g_date_time_unref);
  if (date != NULL)
    self->date = g_date_time_ref (date);
}

/**
 * rpt_export_set_margin_notes:
 * @notes: (nullable) (element-type utf8 utf8): item id → a note for the
 *   margin beside the item's paragraph (the preview marks commented items)
 *
 * Only the layout (preview, printing, PDF) shows them.
 */
void
rpt_export_set_margin_notes (RptExport *self, GHashTable *notes)
{
  g_return_if_fail (RPT_IS_EXPORT (self));
  g_clear_pointer (&self->margin_notes, g_hash_table_unref);
  if (notes != NULL)
    self->margin_notes = g_hash_table_ref (notes);
}

/**
 * rpt_export_set_comments:
 * @comments: (nullable) (element-type RptComment): comments the ODT should
 *   carry as annotations; %NULL (the default) for none
 */
void
rpt_export_set_comments (RptExport *self, GListModel *comments)
{
  g_return_if_fail (RPT_IS_EXPORT (self));
  g_set_object (&self->comments, comments);
}

/**
 * rpt_export_get_notes:
 *
 * What the drafter should know about the last export: unverified
 * reference data, gaps left in a draft, sentences not yet translated.
 *
 * Returns: (transfer none): the notes, one sentence each
 */
const char *const *
rpt_export_get_notes (RptExport *self)
{
  g_return_val_if_fail (RPT_IS_EXPORT (self), NULL);
  return (const char *const *) self->notes->pdata;
}

static GDateTime *
dup_date (RptExport *self)
{
  const char *epoch = g_getenv ("SOURCE_DATE_EPOCH");
  guint64 seconds;

  if (self->date != NULL)
    return g_date_time_ref (self->date);
  if (epoch != NULL && g_ascii_string_to_unsigned (epoch, 10, 0, G_MAXINT64, &seconds, NULL))
    return g_date_time_new_from_unix_utc ((gint64) seconds);
  return g_date_time_new_now_utc ();
}

/* The author the file records, or NULL for none: a login name is no
 * person's name, and may say more than the drafter wants told. */
static const char *
get_creator (RptExport *self)
{
  const char *name;

  if (self->creator != NULL)
    return self->creator[0] != '\0' ? self->creator : NULL;
  name = g_get_real_name ();
  if (name == NULL || name[0] == '\0' || g_str_equal (name, "Unknown") ||
      g_str_equal (name, g_get_user_name ()))
    return NULL;
  return name;
}

/* The templates' document XML for the letter; notes collect on the way. */
static char *
render_document_xml (RptExport *self, gsize *length, GError **error)
{
  g_autoptr (RptTemplate) template = NULL;
  RptReference *reference;

  template =
    self->template != NULL ? g_object_ref (self->template) : rpt_template_get_default (error);
  if (template == NULL)
    return NULL;
  reference = self->reference != NULL ? self->reference : rpt_reference_get_default ();
  return rpt_template_render (template, self->letter_xml, self->letter_xml_length, reference,
                              self->notes, length, error);
}

/* The document XML, with the margin notes the preview asked for. */
static char *
render_marked_document_xml (RptExport *self, gsize *length, GError **error)
{
  g_autofree char *xml = render_document_xml (self, length, error);
  xmlDoc *doc;
  xmlChar *marked = NULL;
  int marked_length = 0;
  char *out;

  if (xml == NULL || self->margin_notes == NULL || g_hash_table_size (self->margin_notes) == 0)
    return g_steal_pointer (&xml);
  doc = rpt_document_xml_read (xml, (gssize) *length, "document.xml", error);
  if (doc == NULL)
    return NULL;
  _rpt_comments_mark_margin (doc, self->margin_notes);
  xmlDocDumpMemoryEnc (doc, &marked, &marked_length, "UTF-8");
  xmlFreeDoc (doc);
  out = g_strndup ((const char *) marked, (gsize) marked_length);
  *length = (gsize) marked_length;
  xmlFree (marked);
  return out;
}

/**
 * _rpt_export_new_document:
 *
 * The document the layout engine lays out for every output
 * (docs/pipeline.md): templates, document XML, and the margin notes.
 * Clears the notes of an earlier run first.
 *
 * Returns: (transfer full): the document, or %NULL with @error set
 */
RptDocument *
_rpt_export_new_document (RptExport *self, GError **error)
{
  g_autofree char *xml = NULL;
  gsize length;

  g_ptr_array_set_size (self->notes, 0);
  xml = render_marked_document_xml (self, &length, error);
  if (xml == NULL)
    return NULL;
  return rpt_document_new_from_data (xml, (gssize) length, _ ("document XML"), error);
}

static GBytes *
run_pdf (RptExport *self, GError **error)
{
  g_autoptr (RptDocument) document = _rpt_export_new_document (self, error);
  g_autoptr (GDateTime) date = NULL;
  RptPdfOptions options = { 0 };

  if (document == NULL)
    return NULL;
  date = dup_date (self);
  options.author = get_creator (self);
  options.created = date;
  /* A missing font or glyph falls back; the drafter is told (the layout's
   * warnings join the notes), the export goes on. */
  return rpt_render_document_pdf (document, &options, self->notes, error);
}

/**
 * rpt_export_run:
 * @format: what to make
 *
 * Makes the letter in @format, in memory. Notes on what the drafter should
 * check (unverified reference data, gaps, fallback fonts) are collected
 * for rpt_export_get_notes(). Blocking: call it from a worker in the UI.
 *
 * Returns: (transfer full): the bytes of the file, or %NULL with @error set
 */
GBytes *
rpt_export_run (RptExport *self, RptExportFormat format, GError **error)
{
  g_autoptr (GDateTime) date = NULL;
  char *document;
  gsize length;
  xmlDoc *doc;
  GBytes *odt;

  g_return_val_if_fail (RPT_IS_EXPORT (self), NULL);

  g_ptr_array_set_size (self->notes, 0);
  if (format == RPT_EXPORT_FORMAT_LETTER_XML)
    return g_bytes_new (self->letter_xml, self->letter_xml_length);
  if (format == RPT_EXPORT_FORMAT_PDF)
    return run_pdf (self, error);

  document = format == RPT_EXPORT_FORMAT_DOCUMENT_XML
               ? render_marked_document_xml (self, &length, error)
               : render_document_xml (self, &length, error);
  if (document == NULL)
    return NULL;
  if (format == RPT_EXPORT_FORMAT_DOCUMENT_XML)
    return g_bytes_new_take (document, length);

  doc = rpt_document_xml_read (document, length, "document.xml", error);
  g_free (document);
  if (doc == NULL)
    return NULL;
  _rpt_comments_annotate (doc, self->comments);
  date = dup_date (self);
  odt = rpt_odt_build (doc, get_creator (self), date, error);
  xmlFreeDoc (doc);
  return odt;
}

/**
 * rpt_export_write_file:
 * @format: what to make
 * @path: where it goes
 *
 * Makes the letter in @format and writes it as rpt_file_write_private()
 * does: whole or not at all, mode 0600, never over a document.
 * Blocking: use rpt_export_write_async() in the UI.
 */
gboolean
rpt_export_write_file (RptExport *self, RptExportFormat format, const char *path, GError **error)
{
  g_autoptr (GBytes) bytes = NULL;
  gsize size;
  const char *data;

  g_return_val_if_fail (RPT_IS_EXPORT (self), FALSE);
  g_return_val_if_fail (path != NULL, FALSE);

  bytes = rpt_export_run (self, format, error);
  if (bytes == NULL)
    return FALSE;
  data = g_bytes_get_data (bytes, &size);
  return rpt_file_write_private (path, data, size, error);
}

typedef struct
{
  RptExportFormat format;
  char *path;
} WriteData;

static void
write_data_free (WriteData *data)
{
  g_free (data->path);
  g_free (data);
}

static void
write_thread (GTask *task, gpointer source, gpointer task_data, GCancellable *cancellable)
{
  WriteData *data = task_data;
  GError *error = NULL;

  if (g_task_return_error_if_cancelled (task))
    return;
  if (rpt_export_write_file (source, data->format, data->path, &error))
    g_task_return_boolean (task, TRUE);
  else
    g_task_return_error (task, error);
}

/**
 * rpt_export_write_async:
 *
 * Runs rpt_export_write_file() in a worker thread. Do not start another
 * run of the same export before this one finishes.
 */
void
rpt_export_write_async (RptExport *self,
                        RptExportFormat format,
                        const char *path,
                        GCancellable *cancellable,
                        GAsyncReadyCallback callback,
                        gpointer user_data)
{
  g_autoptr (GTask) task = NULL;
  WriteData *data;

  g_return_if_fail (RPT_IS_EXPORT (self));
  g_return_if_fail (path != NULL);

  data = g_new0 (WriteData, 1);
  data->format = format;
  data->path = g_strdup (path);
  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, rpt_export_write_async);
  g_task_set_task_data (task, data, (GDestroyNotify) write_data_free);
  g_task_run_in_thread (task, write_thread);
}

gboolean
rpt_export_write_finish (RptExport *self, GAsyncResult *result, GError **error)
{
  g_return_val_if_fail (g_task_is_valid (result, self), FALSE);
  return g_task_propagate_boolean (G_TASK (result), error);
}

/**
 * rpt_export_format_from_string:
 * @name: "odt" or "document-xml"
 *
 * Returns: whether @name is an export format
 */
gboolean
rpt_export_format_from_string (const char *name, RptExportFormat *format)
{
  if (g_strcmp0 (name, "odt") == 0)
    *format = RPT_EXPORT_FORMAT_ODT;
  else if (g_strcmp0 (name, "document-xml") == 0)
    *format = RPT_EXPORT_FORMAT_DOCUMENT_XML;
  else if (g_strcmp0 (name, "pdf") == 0)
    *format = RPT_EXPORT_FORMAT_PDF;
  else if (g_strcmp0 (name, "xml") == 0)
    *format = RPT_EXPORT_FORMAT_LETTER_XML;
  else
    return FALSE;
  return TRUE;
}
