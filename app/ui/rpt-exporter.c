/* rpt-exporter.c
 *
 * Copyright 2026 The Rapporteur authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "rpt-exporter"

#include <errno.h>
#include <fcntl.h>
#include <glib/gi18n.h>
#include <glib/gstdio.h>
#include <unistd.h>

#include "rpt-exporter.h"

/**
 * Exports: the letter is serialized on the main thread and written by a
 * worker, whole or not at all (a temporary file renamed over the target),
 * private to the user like the document.
 */

static const struct
{
  const char *name;
  const char *suffix;
  const char *mime;
} formats[] = {
  [RPT_EXPORTER_PDF] = { "pdf", ".pdf", "application/pdf" },
  [RPT_EXPORTER_ODT] = { "odt", ".odt", "application/vnd.oasis.opendocument.text" },
  [RPT_EXPORTER_XML] = { "xml", ".xml", "application/xml" },
  [RPT_EXPORTER_DOCUMENT] = { "rapporteur", ".rapporteur", "application/x-rapporteur" },
};

gboolean
rpt_exporter_format_from_string (const char *name, RptExporterFormat *format)
{
  for (guint i = 0; i < G_N_ELEMENTS (formats); i++)
    if (g_strcmp0 (name, formats[i].name) == 0)
      {
        *format = i;
        return TRUE;
      }
  return FALSE;
}

const char *
rpt_exporter_format_get_suffix (RptExporterFormat format)
{
  return formats[format].suffix;
}

const char *
rpt_exporter_format_get_mime_type (RptExporterFormat format)
{
  return formats[format].mime;
}

gboolean
rpt_exporter_format_is_available (RptExporterFormat format)
{
  return format <= RPT_EXPORTER_DOCUMENT;
}

/**
 * rpt_exporter_dup_suggested_name:
 * @fallback: (nullable): the name to use when the letter has no reference
 *   yet (the document's name, or the window's title)
 *
 * Returns: a file name from the reference ("AL TJK 1-2025.pdf"), else from
 *   @fallback, else "Draft letter"; never with a slash
 */
char *
rpt_exporter_dup_suggested_name (RptLetter *letter, RptExporterFormat format, const char *fallback)
{
  g_autofree char *reference = rpt_letter_dup_reference (letter);
  g_autofree char *base = NULL;

  if (reference != NULL)
    base = g_steal_pointer (&reference);
  else if (fallback != NULL && fallback[0] != '\0')
    base = g_strdup (fallback);
  else
    /* Translators: file name of an exported letter that has no reference yet */
    base = g_strdup (_ ("Draft letter"));
  g_strdelimit (base, "/\\", '-');
  return g_strconcat (base, formats[format].suffix, NULL);
}

#define MAX_FOLDERS 200

/**
 * rpt_exporter_dup_folder:
 * @settings: the application's settings
 *
 * Returns: (transfer full): the folder @letter_id was last exported to, or
 *   the Documents folder (the home folder if there is none)
 */
GFile *
rpt_exporter_dup_folder (GSettings *settings, const char *letter_id)
{
  g_autoptr (GVariant) folders = g_settings_get_value (settings, "export-folders");
  const char *folder = NULL;
  const char *documents;

  if (letter_id != NULL && g_variant_lookup (folders, letter_id, "&s", &folder) &&
      g_file_test (folder, G_FILE_TEST_IS_DIR))
    return g_file_new_for_path (folder);
  documents = g_get_user_special_dir (G_USER_DIRECTORY_DOCUMENTS);
  if (documents != NULL && g_file_test (documents, G_FILE_TEST_IS_DIR))
    return g_file_new_for_path (documents);
  return g_file_new_for_path (g_get_home_dir ());
}

/**
 * rpt_exporter_remember_folder:
 *
 * The folder @letter_id was exported to, for its next export.
 */
void
rpt_exporter_remember_folder (GSettings *settings, const char *letter_id, const char *folder)
{
  g_autoptr (GVariant) old = g_settings_get_value (settings, "export-folders");
  GVariantBuilder builder;
  GVariantIter iter;
  const char *key, *value;
  guint n = 1;

  g_return_if_fail (letter_id != NULL && folder != NULL);

  g_variant_builder_init (&builder, G_VARIANT_TYPE ("a{ss}"));
  g_variant_builder_add (&builder, "{ss}", letter_id, folder);
  /* The setting stays small: the newest come first, the oldest go. */
  g_variant_iter_init (&iter, old);
  while (g_variant_iter_next (&iter, "{&s&s}", &key, &value) && n < MAX_FOLDERS)
    if (!g_str_equal (key, letter_id))
      {
        g_variant_builder_add (&builder, "{ss}", key, value);
        n++;
      }
  g_settings_set_value (settings, "export-folders", g_variant_builder_end (&builder));
}

static void
set_write_error (GError **error, int saved, const char *path)
{
  int code = RPT_ERROR_IO;

  if (saved == ENOSPC || saved == EDQUOT)
    code = RPT_ERROR_NO_SPACE;
  else if (saved == EACCES || saved == EPERM || saved == EROFS)
    code = RPT_ERROR_READ_ONLY;
  g_set_error (error, RPT_ERROR, code, _ ("Cannot write %s: %s"), path, g_strerror (saved));
}

static gboolean
write_document (const char *letter_xml, const char *tmp, GError **error)
{
  g_autoptr (RptLetter) letter = rpt_letter_new_from_xml (letter_xml, -1, NULL, error);
  g_autoptr (RptStore) store = NULL;

  if (letter == NULL)
    return FALSE;
  g_unlink (tmp);
  store = rpt_store_create (tmp, letter, error);
  if (store == NULL)
    return FALSE;
  rpt_store_close (store);
  return TRUE;
}

/**
 * rpt_exporter_write:
 *
 * Writes @letter_xml as @format to @path. Blocking: call it in a worker.
 */
static gboolean write_full (const char *letter_xml,
                            RptExporterFormat format,
                            const char *path,
                            const char *author,
                            GListModel *comments,
                            GError **error);

gboolean
rpt_exporter_write (const char *letter_xml,
                    RptExporterFormat format,
                    const char *path,
                    const char *author,
                    GError **error)
{
  return write_full (letter_xml, format, path, author, NULL, error);
}

/* @comments: (nullable): for an ODT, to carry as annotations */
static gboolean
write_full (const char *letter_xml,
            RptExporterFormat format,
            const char *path,
            const char *author,
            GListModel *comments,
            GError **error)
{
  g_autofree char *dir = g_path_get_dirname (path);
  g_autofree char *base = g_path_get_basename (path);
  g_autofree char *tmp = NULL;
  gboolean ok = FALSE;
  int fd;

  if (!rpt_exporter_format_is_available (format))
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_NOT_SUPPORTED,
                   _ ("This build of Rapporteur cannot write %s files yet"), formats[format].name);
      return FALSE;
    }
  if (format != RPT_EXPORTER_DOCUMENT)
    {
      /* The core makes every export, as the command line does. */
      g_autoptr (RptExport) export = rpt_export_new_for_xml (letter_xml, -1);
      RptExportFormat core_format = format == RPT_EXPORTER_PDF   ? RPT_EXPORT_FORMAT_PDF
                                    : format == RPT_EXPORTER_ODT ? RPT_EXPORT_FORMAT_ODT
                                                                 : RPT_EXPORT_FORMAT_LETTER_XML;

      rpt_export_set_creator (export, author);
      if (core_format == RPT_EXPORT_FORMAT_ODT)
        rpt_export_set_comments (export, comments);
      return rpt_export_write_file (export, core_format, path, error);
    }

  /* A copy of the document: built aside and renamed into place. */
  tmp = g_strdup_printf ("%s/.%s.XXXXXX", dir, base);
  fd = g_mkstemp_full (tmp, O_RDWR | O_CLOEXEC, 0600);
  if (fd < 0)
    {
      set_write_error (error, errno, path);
      return FALSE;
    }
  close (fd);
  ok = write_document (letter_xml, tmp, error);
  if (ok && g_rename (tmp, path) != 0)
    {
      set_write_error (error, errno, path);
      ok = FALSE;
    }
  if (!ok)
    g_unlink (tmp);
  return ok;
}

typedef struct
{
  char *xml;
  RptExporterFormat format;
  char *path;
  char *author;
  GListStore *comments; /* copies, the worker's own */
} ExportData;

static void
export_data_free (ExportData *d)
{
  g_free (d->xml);
  g_free (d->path);
  g_free (d->author);
  g_clear_object (&d->comments);
  g_free (d);
}

static void
export_thread (GTask *task, gpointer source, gpointer task_data, GCancellable *cancellable)
{
  ExportData *d = task_data;
  GError *error = NULL;

  if (write_full (d->xml, d->format, d->path, d->author, G_LIST_MODEL (d->comments), &error))
    g_task_return_boolean (task, TRUE);
  else
    g_task_return_error (task, error);
}

void
rpt_exporter_async (RptLetter *letter,
                    RptExporterFormat format,
                    const char *path,
                    const char *author,
                    GCancellable *cancellable,
                    GAsyncReadyCallback callback,
                    gpointer user_data)
{
  rpt_exporter_async_with_comments (letter, format, path, author, NULL, cancellable, callback,
                                    user_data);
}

/**
 * rpt_exporter_async_with_comments:
 * @comments: (nullable) (element-type RptComment): the document's comments,
 *   for an ODT to carry as annotations (the open ones)
 */
void
rpt_exporter_async_with_comments (RptLetter *letter,
                                  RptExporterFormat format,
                                  const char *path,
                                  const char *author,
                                  GListModel *comments,
                                  GCancellable *cancellable,
                                  GAsyncReadyCallback callback,
                                  gpointer user_data)
{
  g_autoptr (GTask) task = NULL;
  ExportData *d;

  g_return_if_fail (RPT_IS_LETTER (letter));
  g_return_if_fail (path != NULL);

  task = g_task_new (NULL, cancellable, callback, user_data);
  g_task_set_source_tag (task, rpt_exporter_async);
  d = g_new0 (ExportData, 1);
  d->xml = rpt_letter_to_xml (letter, NULL);
  d->format = format;
  d->path = g_strdup (path);
  d->author = g_strdup (author);
  d->comments = g_list_store_new (RPT_TYPE_COMMENT);
  for (guint i = 0; comments != NULL && i < g_list_model_get_n_items (comments); i++)
    {
      g_autoptr (RptComment) c = g_list_model_get_item (comments, i);
      g_autoptr (RptComment) copy = rpt_comment_copy (c);
      g_list_store_append (d->comments, copy);
    }
  g_task_set_task_data (task, d, (GDestroyNotify) export_data_free);
  g_task_run_in_thread (task, export_thread);
}

gboolean
rpt_exporter_finish (GAsyncResult *result, GError **error)
{
  g_return_val_if_fail (g_task_is_valid (result, NULL), FALSE);
  return g_task_propagate_boolean (G_TASK (result), error);
}
