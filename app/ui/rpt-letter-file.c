/* rpt-letter-file.c
 *
 * Copyright 2026 The Rapporteur authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "rpt-letter-file"

#include <errno.h>
#include <fcntl.h>
#include <glib/gi18n.h>
#include <glib/gstdio.h>
#include <string.h>
#include <unistd.h>

#include "rpt-letter-file.h"

/**
 * RptLetterFile:
 *
 * A letter and the file it lives in, kept in step by autosave. Knows nothing
 * of GTK, so that its rules (when to save, where drafts go, what the title
 * says) are tested without a display.
 *
 * Every change to the letter starts a timer of RPT_LETTER_FILE_AUTOSAVE_DELAY_MS
 * that is not pushed back by later changes: a burst of typing becomes one
 * save and every change reaches the disk within a second. The letter is
 * serialized on the main thread (a snapshot, about a millisecond for a long
 * letter) and written by a worker; one save is in flight at a time and
 * changes made meanwhile are coalesced into the next. A new letter has no
 * file until its first change, which creates it in the drafts folder.
 *
 * The store is only ever used from worker threads, under store_lock, so the
 * main thread never runs SQL nor waits on the disk.
 */
struct _RptLetterFile
{
  GObject parent_instance;

  RptLetter *letter;
  RptStore *store;
  GMutex store_lock;
  char *path;
  char *draft_path;
  gboolean read_only;
  guint version_number;
  char *version_message;

  guint autosave_delay;
  guint autosave_id;
  guint retry_id;
  gboolean saving;
  guint64 saving_revision;
  guint64 saved_revision;
  GError *save_error;
  /* GTasks of rpt_letter_file_save_async() waiting for the letter to be on disk. */
  GPtrArray *waiters;
  /* The file is being copied or renamed (rpt_letter_file_move_async()):
   * saves wait for it to end. */
  gboolean moving;
  /* The document's comments (rpt-comment.h), as the file has them. */
  GListStore *comments;
  GError *comments_error;
};

G_DEFINE_FINAL_TYPE (RptLetterFile, rpt_letter_file, G_TYPE_OBJECT)

enum
{
  PROP_0,
  PROP_LETTER,
  PROP_PATH,
  PROP_READ_ONLY,
  PROP_DIRTY,
  PROP_SAVING,
  PROP_SAVE_ERROR,
  PROP_TITLE,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void start_save (RptLetterFile *self);

/* --- helpers -------------------------------------------------------- */

/**
 * rpt_letter_file_dup_drafts_dir:
 *
 * Returns: where new letters are saved from their first change:
 *   $XDG_DATA_HOME/rapporteur/drafts
 */
char *
rpt_letter_file_dup_drafts_dir (void)
{
  return g_build_filename (g_get_user_data_dir (), "rapporteur", "drafts", NULL);
}

/**
 * rpt_letter_file_dup_title_for_letter:
 *
 * The window title: the reference once the letter has one, else the start
 * of its summary, else what kind of letter it is.
 */
char *
rpt_letter_file_dup_title_for_letter (RptLetter *letter)
{
  g_autofree char *reference = NULL;
  g_autofree char *summary = NULL;

  g_return_val_if_fail (RPT_IS_LETTER (letter), NULL);

  reference = rpt_letter_dup_reference (letter);
  if (reference != NULL)
    return g_steal_pointer (&reference);

  summary = g_strstrip (rpt_markup_to_plain (rpt_letter_get_summary (letter)));
  g_strdelimit (summary, "\n\t", ' ');
  if (summary[0] != '\0')
    {
      const glong max = 60;
      if (g_utf8_strlen (summary, -1) > max)
        {
          g_autofree char *cut = g_utf8_substring (summary, 0, max - 1);
          g_strchomp (cut);
          return g_strconcat (cut, "…", NULL);
        }
      /* Summaries start in lower case ("alleged sentencing of …"); a title
       * starts with a capital. */
      {
        gunichar first = g_utf8_get_char (summary);
        char buf[8] = { 0 };
        g_unichar_to_utf8 (g_unichar_totitle (first), buf);
        return g_strconcat (buf, g_utf8_next_char (summary), NULL);
      }
    }

  switch (rpt_letter_get_kind (letter))
    {
    case RPT_LETTER_KIND_UA:
      return g_strdup (_ ("New Urgent Appeal"));
    case RPT_LETTER_KIND_OL:
      return g_strdup (_ ("New Letter on Legislation"));
    case RPT_LETTER_KIND_AL:
    default:
      if (!rpt_letter_is_to_state (letter) && rpt_letter_get_country (letter) != NULL)
        return g_strdup (_ ("New Letter to a Non-State Actor"));
      return g_strdup (_ ("New Allegation Letter"));
    }
}

/* --- GObject -------------------------------------------------------- */

static void
set_saving (RptLetterFile *self, gboolean saving)
{
  if (self->saving != saving)
    {
      self->saving = saving;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SAVING]);
    }
}

static gboolean
compute_dirty (RptLetterFile *self)
{
  return !self->read_only && rpt_letter_get_revision (self->letter) != self->saved_revision;
}

static void
notify_dirty (RptLetterFile *self, gboolean was_dirty)
{
  if (was_dirty != compute_dirty (self))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_DIRTY]);
}

static gboolean
autosave_timeout_cb (gpointer user_data)
{
  RptLetterFile *self = user_data;

  self->autosave_id = 0;
  if (self->moving)
    return G_SOURCE_REMOVE;
  start_save (self);
  return G_SOURCE_REMOVE;
}

static void
schedule_autosave (RptLetterFile *self)
{
  /* Not restarted by later changes: that is what bounds the delay. */
  if (self->autosave_id == 0 && !self->saving && !self->moving)
    self->autosave_id = g_timeout_add (self->autosave_delay, autosave_timeout_cb, self);
}

static void
letter_changed_cb (RptLetter *letter, RptLetterFile *self)
{
  if (self->read_only)
    return;
  if (rpt_letter_get_revision (letter) == self->saved_revision + 1)
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_DIRTY]);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_TITLE]);
  schedule_autosave (self);
}

static void
set_letter (RptLetterFile *self, RptLetter *letter)
{
  if (self->letter != NULL)
    g_signal_handlers_disconnect_by_func (self->letter, letter_changed_cb, self);
  g_set_object (&self->letter, letter);
  self->saved_revision = rpt_letter_get_revision (letter);
  g_signal_connect (letter, "changed", G_CALLBACK (letter_changed_cb), self);
}

static void
rpt_letter_file_dispose (GObject *object)
{
  RptLetterFile *self = RPT_LETTER_FILE (object);

  g_clear_handle_id (&self->autosave_id, g_source_remove);
  g_clear_handle_id (&self->retry_id, g_source_remove);
  if (self->letter != NULL)
    g_signal_handlers_disconnect_by_func (self->letter, letter_changed_cb, self);

  G_OBJECT_CLASS (rpt_letter_file_parent_class)->dispose (object);
}

static void
rpt_letter_file_finalize (GObject *object)
{
  RptLetterFile *self = RPT_LETTER_FILE (object);

  g_clear_object (&self->letter);
  g_clear_object (&self->store);
  g_mutex_clear (&self->store_lock);
  g_free (self->path);
  g_free (self->draft_path);
  g_free (self->version_message);
  g_clear_error (&self->save_error);
  g_ptr_array_unref (self->waiters);
  g_clear_object (&self->comments);
  g_clear_error (&self->comments_error);

  G_OBJECT_CLASS (rpt_letter_file_parent_class)->finalize (object);
}

static void
rpt_letter_file_get_property (GObject *object, guint prop_id, GValue *value, GParamSpec *pspec)
{
  RptLetterFile *self = RPT_LETTER_FILE (object);

  switch (prop_id)
    {
    case PROP_LETTER:
      g_value_set_object (value, self->letter);
      break;
    case PROP_PATH:
      g_value_set_string (value, self->path);
      break;
    case PROP_READ_ONLY:
      g_value_set_boolean (value, self->read_only);
      break;
    case PROP_DIRTY:
      g_value_set_boolean (value, rpt_letter_file_get_dirty (self));
      break;
    case PROP_SAVING:
      g_value_set_boolean (value, self->saving);
      break;
    case PROP_SAVE_ERROR:
      g_value_set_boxed (value, self->save_error);
      break;
    case PROP_TITLE:
      g_value_take_string (value, rpt_letter_file_dup_title (self));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
rpt_letter_file_class_init (RptLetterFileClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  const GParamFlags flags = G_PARAM_READABLE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY;

  object_class->dispose = rpt_letter_file_dispose;
  object_class->finalize = rpt_letter_file_finalize;
  object_class->get_property = rpt_letter_file_get_property;

  properties[PROP_LETTER] = g_param_spec_object ("letter", NULL, NULL, RPT_TYPE_LETTER, flags);
  properties[PROP_PATH] = g_param_spec_string ("path", NULL, NULL, NULL, flags);
  properties[PROP_READ_ONLY] = g_param_spec_boolean ("read-only", NULL, NULL, FALSE, flags);
  properties[PROP_DIRTY] = g_param_spec_boolean ("dirty", NULL, NULL, FALSE, flags);
  properties[PROP_SAVING] = g_param_spec_boolean ("saving", NULL, NULL, FALSE, flags);
  properties[PROP_SAVE_ERROR] = g_param_spec_boxed ("save-error", NULL, NULL, G_TYPE_ERROR, flags);
  properties[PROP_TITLE] = g_param_spec_string ("title", NULL, NULL, NULL, flags);
  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
rpt_letter_file_init (RptLetterFile *self)
{
  g_mutex_init (&self->store_lock);
  self->autosave_delay = RPT_LETTER_FILE_AUTOSAVE_DELAY_MS;
  self->waiters = g_ptr_array_new_with_free_func (g_object_unref);
  self->comments = g_list_store_new (RPT_TYPE_COMMENT);
}

/**
 * rpt_letter_file_new_draft:
 * @letter: a new letter
 * @drafts_dir: (nullable): the drafts folder, or %NULL for the default one
 *
 * A document without a file: its first change creates
 * `<drafts_dir>/<letter id>.rapporteur`.
 */
RptLetterFile *
rpt_letter_file_new_draft (RptLetter *letter, const char *drafts_dir)
{
  RptLetterFile *self;
  g_autofree char *dir = NULL;
  g_autofree char *name = NULL;

  g_return_val_if_fail (RPT_IS_LETTER (letter), NULL);

  self = g_object_new (RPT_TYPE_LETTER_FILE, NULL);
  dir = drafts_dir != NULL ? g_strdup (drafts_dir) : rpt_letter_file_dup_drafts_dir ();
  /* The letter's id is a UUID: unique, stable, and no title to sanitize. */
  name = g_strconcat (rpt_letter_get_id (letter), ".rapporteur", NULL);
  self->draft_path = g_build_filename (dir, name, NULL);
  set_letter (self, letter);
  return self;
}

/**
 * rpt_letter_file_new_for_version:
 *
 * A read-only document showing named version @number of @self.
 */
RptLetterFile *
rpt_letter_file_new_for_version (RptLetterFile *self, RptLetter *letter, guint number)
{
  RptLetterFile *doc;

  g_return_val_if_fail (RPT_IS_LETTER_FILE (self), NULL);
  g_return_val_if_fail (RPT_IS_LETTER (letter), NULL);

  doc = g_object_new (RPT_TYPE_LETTER_FILE, NULL);
  doc->read_only = TRUE;
  doc->version_number = number;
  doc->path = g_strdup (self->path);
  set_letter (doc, letter);
  return doc;
}

/**
 * rpt_letter_file_set_version_message:
 * @message: (nullable): the message of the version shown
 *
 * For a document showing a named version: what the version was kept for,
 * for its window's title.
 */
void
rpt_letter_file_set_version_message (RptLetterFile *self, const char *message)
{
  g_return_if_fail (RPT_IS_LETTER_FILE (self));
  g_free (self->version_message);
  self->version_message = g_strdup (message);
}

const char *
rpt_letter_file_get_version_message (RptLetterFile *self)
{
  g_return_val_if_fail (RPT_IS_LETTER_FILE (self), NULL);
  return self->version_message;
}

/* --- comments ------------------------------------------------------- */

static void
set_comments (RptLetterFile *self, GListStore *comments, const GError *error)
{
  guint n = comments != NULL ? g_list_model_get_n_items (G_LIST_MODEL (comments)) : 0;
  g_autoptr (GPtrArray) items = g_ptr_array_new_with_free_func (g_object_unref);

  for (guint i = 0; i < n; i++)
    g_ptr_array_add (items, g_list_model_get_item (G_LIST_MODEL (comments), i));
  g_list_store_splice (self->comments, 0, g_list_model_get_n_items (G_LIST_MODEL (self->comments)),
                       items->pdata, items->len);
  g_clear_error (&self->comments_error);
  if (error != NULL)
    self->comments_error = g_error_copy (error);
}

/**
 * rpt_letter_file_get_comments:
 *
 * Returns: (transfer none): the document's comments (of #RptComment),
 *   oldest first, as the file has them; change them with
 *   rpt_letter_file_save_comment_async() and
 *   rpt_letter_file_delete_comment_async()
 */
GListModel *
rpt_letter_file_get_comments (RptLetterFile *self)
{
  g_return_val_if_fail (RPT_IS_LETTER_FILE (self), NULL);
  return G_LIST_MODEL (self->comments);
}

/**
 * rpt_letter_file_get_comments_error:
 *
 * Returns: (nullable): why the comments could not be read, if they could not
 */
const GError *
rpt_letter_file_get_comments_error (RptLetterFile *self)
{
  g_return_val_if_fail (RPT_IS_LETTER_FILE (self), NULL);
  return self->comments_error;
}

RptComment *
rpt_letter_file_find_comment (RptLetterFile *self, const char *id)
{
  guint n;

  g_return_val_if_fail (RPT_IS_LETTER_FILE (self), NULL);
  n = g_list_model_get_n_items (G_LIST_MODEL (self->comments));
  for (guint i = 0; id != NULL && i < n; i++)
    {
      RptComment *c = g_list_model_get_item (G_LIST_MODEL (self->comments), i);
      g_object_unref (c); /* the list holds it */
      if (g_str_equal (rpt_comment_get_id (c), id))
        return c;
    }
  return NULL;
}

typedef struct
{
  RptComment *comment; /* the worker's copy */
  gboolean remove;
  GListStore *reloaded;
} CommentJob;

static void
comment_job_free (CommentJob *job)
{
  g_clear_object (&job->comment);
  g_clear_object (&job->reloaded);
  g_free (job);
}

static gboolean
comment_job_run (RptStore *store, gpointer data, GCancellable *cancellable, GError **error)
{
  CommentJob *job = data;

  if (job->comment == NULL)
    return (job->reloaded = rpt_comments_load (store, error)) != NULL;
  if (job->remove)
    return rpt_comments_delete (store, rpt_comment_get_id (job->comment), error);
  return rpt_comments_save (store, job->comment, error);
}

static void
comment_job_done_cb (GObject *source, GAsyncResult *result, gpointer user_data)
{
  g_autoptr (GTask) task = user_data;
  RptLetterFile *self = RPT_LETTER_FILE (source);
  CommentJob *job = g_task_get_task_data (task);
  RptComment *comment = g_object_get_data (G_OBJECT (task), "comment");
  GError *error = NULL;
  guint position;

  if (!rpt_letter_file_run_finish (self, result, &error))
    {
      g_task_return_error (task, error);
      return;
    }
  /* The list says what the file has, now that it has it. */
  if (job->comment == NULL)
    set_comments (self, job->reloaded, NULL);
  else if (job->remove)
    {
      const char *id = rpt_comment_get_id (comment);
      for (guint i = g_list_model_get_n_items (G_LIST_MODEL (self->comments)); i > 0; i--)
        {
          g_autoptr (RptComment) c = g_list_model_get_item (G_LIST_MODEL (self->comments), i - 1);
          if (g_str_equal (rpt_comment_get_id (c), id) ||
              g_strcmp0 (rpt_comment_get_parent_id (c), id) == 0)
            g_list_store_remove (self->comments, i - 1);
        }
    }
  else if (g_list_store_find (self->comments, comment, &position))
    g_list_model_items_changed (G_LIST_MODEL (self->comments), position, 1, 1);
  else
    g_list_store_append (self->comments, comment);
  g_task_return_boolean (task, TRUE);
}

static void
comment_job_start (RptLetterFile *self,
                   RptComment *comment,
                   gboolean remove,
                   GCancellable *cancellable,
                   GAsyncReadyCallback callback,
                   gpointer user_data)
{
  GTask *task = g_task_new (self, cancellable, callback, user_data);
  CommentJob *job = g_new0 (CommentJob, 1);

  job->comment = comment != NULL ? rpt_comment_copy (comment) : NULL;
  job->remove = remove;
  g_task_set_task_data (task, job, NULL);
  if (comment != NULL)
    g_object_set_data_full (G_OBJECT (task), "comment", g_object_ref (comment), g_object_unref);
  /* The job is the task's: freed with it, after the list is updated. */
  g_object_set_data_full (G_OBJECT (task), "job", job, (GDestroyNotify) comment_job_free);
  if (self->read_only)
    {
      g_task_return_new_error (task, RPT_ERROR, RPT_ERROR_READ_ONLY, "%s",
                               _ ("This document is open read-only: comments cannot be changed"));
      g_object_unref (task);
      return;
    }
  rpt_letter_file_run_async (self, comment_job_run, job, NULL, cancellable, comment_job_done_cb,
                             task);
}

/**
 * rpt_letter_file_save_comment_async:
 * @comment: a new comment, or one of rpt_letter_file_get_comments() changed
 *
 * Writes @comment into the file; once it is there, the list of comments
 * has it (a new one at its end, a changed one changed).
 */
void
rpt_letter_file_save_comment_async (RptLetterFile *self,
                                    RptComment *comment,
                                    GCancellable *cancellable,
                                    GAsyncReadyCallback callback,
                                    gpointer user_data)
{
  g_return_if_fail (RPT_IS_LETTER_FILE (self));
  g_return_if_fail (RPT_IS_COMMENT (comment));
  comment_job_start (self, comment, FALSE, cancellable, callback, user_data);
}

/**
 * rpt_letter_file_delete_comment_async:
 *
 * Removes @comment and its replies from the file, then from the list.
 */
void
rpt_letter_file_delete_comment_async (RptLetterFile *self,
                                      RptComment *comment,
                                      GCancellable *cancellable,
                                      GAsyncReadyCallback callback,
                                      gpointer user_data)
{
  g_return_if_fail (RPT_IS_LETTER_FILE (self));
  g_return_if_fail (RPT_IS_COMMENT (comment));
  comment_job_start (self, comment, TRUE, cancellable, callback, user_data);
}

/**
 * rpt_letter_file_reload_comments_async:
 *
 * Reads the comments from the file again: after a merge added some.
 */
void
rpt_letter_file_reload_comments_async (RptLetterFile *self,
                                       GCancellable *cancellable,
                                       GAsyncReadyCallback callback,
                                       gpointer user_data)
{
  g_return_if_fail (RPT_IS_LETTER_FILE (self));
  comment_job_start (self, NULL, FALSE, cancellable, callback, user_data);
}

gboolean
rpt_letter_file_comment_finish (RptLetterFile *self, GAsyncResult *result, GError **error)
{
  g_return_val_if_fail (g_task_is_valid (result, self), FALSE);
  return g_task_propagate_boolean (G_TASK (result), error);
}

/* --- open ----------------------------------------------------------- */

typedef struct
{
  char *path;
  gboolean read_only;
  RptStore *store;
  RptLetter *letter;
  GListStore *comments;
  GError *comments_error;
} OpenData;

static void
open_data_free (OpenData *d)
{
  g_free (d->path);
  g_clear_object (&d->store);
  g_clear_object (&d->letter);
  g_clear_object (&d->comments);
  g_clear_error (&d->comments_error);
  g_free (d);
}

static void
open_thread (GTask *task, gpointer source, gpointer task_data, GCancellable *cancellable)
{
  OpenData *d = task_data;
  GError *error = NULL;

  if (g_str_has_suffix (d->path, ".xml"))
    {
      /* Letter XML is imported: the letter becomes a new draft. */
      d->letter = rpt_letter_new_from_xml_file (d->path, &error);
      if (d->letter == NULL)
        g_task_return_error (task, error);
      else
        g_task_return_boolean (task, TRUE);
      return;
    }
  d->store = rpt_store_open (d->path, d->read_only ? RPT_STORE_OPEN_READ_ONLY : 0, &error);
  if (d->store == NULL)
    {
      g_task_return_error (task, error);
      return;
    }
  d->letter = rpt_store_load (d->store, &error);
  if (d->letter == NULL)
    {
      g_task_return_error (task, error);
      return;
    }
  /* Damaged comments never keep the letter from opening: the letter
   * opens, and the Comments section says what is wrong. */
  d->comments = rpt_comments_load (d->store, &d->comments_error);
  g_task_return_boolean (task, TRUE);
}

/**
 * rpt_letter_file_open_async:
 * @path: a .rapporteur document, or letter XML (.xml), which is imported as
 *   a new draft
 *
 * Opens and reads the document in a worker thread.
 */
void
rpt_letter_file_open_async (const char *path,
                            gboolean read_only,
                            GCancellable *cancellable,
                            GAsyncReadyCallback callback,
                            gpointer user_data)
{
  g_autoptr (GTask) task = NULL;
  OpenData *d;

  g_return_if_fail (path != NULL);

  task = g_task_new (NULL, cancellable, callback, user_data);
  g_task_set_source_tag (task, rpt_letter_file_open_async);
  d = g_new0 (OpenData, 1);
  d->path = g_strdup (path);
  d->read_only = read_only;
  g_task_set_task_data (task, d, (GDestroyNotify) open_data_free);
  g_task_run_in_thread (task, open_thread);
}

RptLetterFile *
rpt_letter_file_open_finish (GAsyncResult *result, GError **error)
{
  RptLetterFile *self;
  OpenData *d;

  g_return_val_if_fail (g_task_is_valid (result, NULL), NULL);

  if (!g_task_propagate_boolean (G_TASK (result), error))
    return NULL;
  d = g_task_get_task_data (G_TASK (result));
  if (d->store == NULL)
    return rpt_letter_file_new_draft (d->letter, NULL);
  self = g_object_new (RPT_TYPE_LETTER_FILE, NULL);
  self->store = g_steal_pointer (&d->store);
  self->path = g_strdup (rpt_store_get_path (self->store));
  self->read_only = rpt_store_is_read_only (self->store);
  set_letter (self, d->letter);
  set_comments (self, d->comments, d->comments_error);
  return self;
}

/* --- autosave ------------------------------------------------------- */

typedef struct
{
  RptStoreSnapshot *snapshot;
  RptStore *store; /* NULL: create the draft */
  char *draft_path;
  RptStore *created; /* out */
} SaveData;

static void
save_data_free (SaveData *d)
{
  rpt_store_snapshot_free (d->snapshot);
  g_clear_object (&d->store);
  g_clear_object (&d->created);
  g_free (d->draft_path);
  g_free (d);
}

static RptStore *
create_draft (const char *path, RptStoreSnapshot *snapshot, GError **error)
{
  g_autofree char *dir = g_path_get_dirname (path);
  g_autofree char *stem = NULL;
  g_autoptr (RptLetter) copy = NULL;

  g_assert (g_str_has_suffix (path, ".rapporteur"));

  if (g_mkdir_with_parents (dir, 0700) != 0)
    {
      int saved = errno;
      g_set_error (error, RPT_ERROR, saved == ENOSPC ? RPT_ERROR_NO_SPACE : RPT_ERROR_READ_ONLY,
                   _ ("Cannot create the drafts folder %s: %s"), dir, g_strerror (saved));
      return NULL;
    }
  /* A letter of the worker's own, from the snapshot: the window's letter
   * never leaves the main thread. */
  copy = rpt_letter_new_from_xml (rpt_store_snapshot_get_xml (snapshot), -1, path, error);
  if (copy == NULL)
    return NULL;

  /* Never into an existing file: a letter imported twice has one id and
   * two drafts, "<id>.rapporteur" and "<id>~2.rapporteur". */
  stem = g_strndup (path, strlen (path) - strlen (".rapporteur"));
  for (guint n = 1; n < 100; n++)
    {
      g_autoptr (GError) local = NULL;
      g_autofree char *candidate =
        n == 1 ? g_strdup (path) : g_strdup_printf ("%s~%u.rapporteur", stem, n);
      RptStore *store = rpt_store_create (candidate, copy, &local);

      if (store != NULL)
        return store;
      if (!g_error_matches (local, RPT_ERROR, RPT_ERROR_EXISTS))
        {
          g_propagate_error (error, g_steal_pointer (&local));
          return NULL;
        }
    }
  g_set_error (error, RPT_ERROR, RPT_ERROR_EXISTS, _ ("%s already exists; choose another name"),
               path);
  return NULL;
}

static void
save_thread (GTask *task, gpointer source, gpointer task_data, GCancellable *cancellable)
{
  RptLetterFile *self = source;
  SaveData *d = task_data;
  GError *error = NULL;
  gboolean ok;

  g_mutex_lock (&self->store_lock);
  if (d->store == NULL)
    {
      d->created = create_draft (d->draft_path, d->snapshot, &error);
      ok = d->created != NULL;
    }
  else
    ok = rpt_store_save_snapshot (d->store, d->snapshot, &error);
  g_mutex_unlock (&self->store_lock);

  if (ok)
    g_task_return_boolean (task, TRUE);
  else
    g_task_return_error (task, error);
}

static void
resolve_waiters (RptLetterFile *self, const GError *error)
{
  g_autoptr (GPtrArray) waiters = g_steal_pointer (&self->waiters);

  self->waiters = g_ptr_array_new_with_free_func (g_object_unref);
  for (guint i = 0; i < waiters->len; i++)
    {
      GTask *task = g_ptr_array_index (waiters, i);
      if (error != NULL)
        g_task_return_error (task, g_error_copy (error));
      else
        g_task_return_boolean (task, TRUE);
    }
}

static gboolean
retry_timeout_cb (gpointer user_data)
{
  RptLetterFile *self = user_data;

  self->retry_id = 0;
  if (compute_dirty (self))
    schedule_autosave (self);
  return G_SOURCE_REMOVE;
}

static void
save_done_cb (GObject *source, GAsyncResult *result, gpointer user_data)
{
  RptLetterFile *self = RPT_LETTER_FILE (source);
  g_autoptr (GError) error = NULL;
  SaveData *d = g_task_get_task_data (G_TASK (result));
  gboolean was_dirty = compute_dirty (self);
  gboolean had_error = self->save_error != NULL;

  set_saving (self, FALSE);
  if (g_task_propagate_boolean (G_TASK (result), &error))
    {
      self->saved_revision = self->saving_revision;
      if (d->created != NULL)
        {
          self->store = g_steal_pointer (&d->created);
          self->path = g_strdup (rpt_store_get_path (self->store));
          g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_PATH]);
        }
      g_clear_error (&self->save_error);
      if (had_error)
        g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SAVE_ERROR]);
      notify_dirty (self, was_dirty);

      if (compute_dirty (self))
        {
          /* Typed while saving: save again; waiters wait for that one. */
          if (self->waiters->len > 0)
            start_save (self);
          else
            schedule_autosave (self);
        }
      else
        resolve_waiters (self, NULL);
    }
  else
    {
      g_message ("Autosave failed: %s", error->message);
      g_clear_error (&self->save_error);
      self->save_error = g_error_copy (error);
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SAVE_ERROR]);
      resolve_waiters (self, error);
      /* The letter stays in memory; try again, less eagerly. */
      if (self->retry_id == 0)
        self->retry_id = g_timeout_add_seconds (5, retry_timeout_cb, self);
    }
  g_object_unref (self);
}

static void
start_save (RptLetterFile *self)
{
  g_autoptr (GTask) task = NULL;
  SaveData *d;

  g_assert (!self->saving);
  g_assert (!self->read_only);

  g_clear_handle_id (&self->autosave_id, g_source_remove);
  set_saving (self, TRUE);
  self->saving_revision = rpt_letter_get_revision (self->letter);

  d = g_new0 (SaveData, 1);
  d->snapshot = rpt_store_snapshot_new (self->letter);
  d->store = self->store != NULL ? g_object_ref (self->store) : NULL;
  d->draft_path = g_strdup (self->draft_path);

  /* The document lives until the save is done (see save_done_cb). */
  task = g_task_new (g_object_ref (self), NULL, save_done_cb, NULL);
  g_task_set_source_tag (task, start_save);
  g_task_set_task_data (task, d, (GDestroyNotify) save_data_free);
  g_task_run_in_thread (task, save_thread);
}

void
rpt_letter_file_set_autosave_delay (RptLetterFile *self, guint delay_ms)
{
  g_return_if_fail (RPT_IS_LETTER_FILE (self));
  self->autosave_delay = delay_ms;
}

/**
 * rpt_letter_file_save_async:
 *
 * Completes once every change made before the call is in the file: at once
 * when there is nothing to save, else after the save in flight or a new
 * one. What closing a window and quitting wait for.
 */
static GTask *
task_new_flush (RptLetterFile *self,
                GCancellable *cancellable,
                GAsyncReadyCallback callback,
                gpointer user_data)
{
  GTask *task = g_task_new (self, cancellable, callback, user_data);

  g_task_set_source_tag (task, rpt_letter_file_save_async);
  return task;
}

static void
queue_save (RptLetterFile *self, GTask *task, gboolean force)
{
  if (!force && !compute_dirty (self) && !self->saving)
    {
      g_task_return_boolean (task, TRUE);
      g_object_unref (task);
      return;
    }
  g_ptr_array_add (self->waiters, task);
  if (!self->saving && !self->moving)
    start_save (self);
}

/**
 * rpt_letter_file_save_async:
 *
 * Completes once every change made before the call is in the file: at once
 * when there is nothing to save, else after the save in flight or a new
 * one. What closing a window and quitting wait for.
 */
void
rpt_letter_file_save_async (RptLetterFile *self,
                            GCancellable *cancellable,
                            GAsyncReadyCallback callback,
                            gpointer user_data)
{
  g_return_if_fail (RPT_IS_LETTER_FILE (self));

  if (self->read_only)
    {
      g_autoptr (GTask) task = task_new_flush (self, cancellable, callback, user_data);
      g_task_return_boolean (task, TRUE);
      return;
    }
  queue_save (self, task_new_flush (self, cancellable, callback, user_data), FALSE);
}

gboolean
rpt_letter_file_save_finish (RptLetterFile *self, GAsyncResult *result, GError **error)
{
  g_return_val_if_fail (g_task_is_valid (result, self), FALSE);
  return g_task_propagate_boolean (G_TASK (result), error);
}

/* --- versions ------------------------------------------------------- */

typedef struct
{
  RptStore *store;
  RptStoreSnapshot *snapshot;
  char *author;
  char *message;
  guint number;
  guint backup;
  GListModel *versions;
  RptLetter *letter;
  /* What runs in a worker once the pending save has flushed. */
  GTaskThreadFunc after_flush;
} VersionData;

static void
version_data_free (VersionData *d)
{
  g_clear_object (&d->store);
  rpt_store_snapshot_free (d->snapshot);
  g_free (d->author);
  g_free (d->message);
  g_clear_object (&d->versions);
  g_clear_object (&d->letter);
  g_free (d);
}

static GTask *
version_task_new (RptLetterFile *self,
                  gpointer source_tag,
                  GCancellable *cancellable,
                  GAsyncReadyCallback callback,
                  gpointer user_data,
                  VersionData **out)
{
  GTask *task = g_task_new (self, cancellable, callback, user_data);
  VersionData *d = g_new0 (VersionData, 1);

  g_task_set_source_tag (task, source_tag);
  d->store = self->store != NULL ? g_object_ref (self->store) : NULL;
  g_task_set_task_data (task, d, (GDestroyNotify) version_data_free);
  *out = d;
  return task;
}

static gboolean
check_store (GTask *task, VersionData *d)
{
  if (d->store == NULL)
    {
      g_task_return_new_error (task, RPT_ERROR, RPT_ERROR_NOT_FOUND,
                               _ ("This letter has no versions yet"));
      return FALSE;
    }
  return TRUE;
}

/* Version work starts once the working state is saved, so that what a
 * version keeps, or a restore replaces, is what the drafter last typed. */
static void
version_flushed_cb (GObject *source, GAsyncResult *result, gpointer user_data)
{
  RptLetterFile *self = RPT_LETTER_FILE (source);
  g_autoptr (GTask) task = user_data;
  VersionData *d = g_task_get_task_data (task);
  GError *error = NULL;

  if (!rpt_letter_file_save_finish (self, result, &error))
    {
      g_task_return_error (task, error);
      return;
    }
  g_set_object (&d->store, self->store);
  if (!check_store (task, d))
    return;
  g_task_run_in_thread (task, d->after_flush);
}

static void
save_version_thread (GTask *task, gpointer source, gpointer task_data, GCancellable *cancellable)
{
  RptLetterFile *self = source;
  VersionData *d = task_data;
  GError *error = NULL;

  g_mutex_lock (&self->store_lock);
  d->number =
    rpt_store_save_version_snapshot (d->store, d->snapshot, d->author, d->message, &error);
  g_mutex_unlock (&self->store_lock);
  if (d->number == 0)
    g_task_return_error (task, error);
  else
    g_task_return_boolean (task, TRUE);
}

/**
 * rpt_letter_file_save_version_async:
 *
 * Saves the working state, then keeps it as a named version.
 */
void
rpt_letter_file_save_version_async (RptLetterFile *self,
                                    const char *author,
                                    const char *message,
                                    GCancellable *cancellable,
                                    GAsyncReadyCallback callback,
                                    gpointer user_data)
{
  VersionData *d;
  GTask *task;

  g_return_if_fail (RPT_IS_LETTER_FILE (self));
  g_return_if_fail (!self->read_only);

  task = version_task_new (self, rpt_letter_file_save_version_async, cancellable, callback,
                           user_data, &d);
  d->snapshot = rpt_store_snapshot_new (self->letter);
  d->author = g_strdup (author != NULL ? author : "");
  d->message = g_strdup (message != NULL ? message : "");
  d->after_flush = save_version_thread;
  /* A draft never changed has no file yet: a save gives it one. */
  queue_save (self, task_new_flush (self, cancellable, version_flushed_cb, task),
              self->store == NULL);
}

guint
rpt_letter_file_save_version_finish (RptLetterFile *self, GAsyncResult *result, GError **error)
{
  g_return_val_if_fail (g_task_is_valid (result, self), 0);
  if (!g_task_propagate_boolean (G_TASK (result), error))
    return 0;
  return ((VersionData *) g_task_get_task_data (G_TASK (result)))->number;
}

static void
list_versions_thread (GTask *task, gpointer source, gpointer task_data, GCancellable *cancellable)
{
  RptLetterFile *self = source;
  VersionData *d = task_data;
  GError *error = NULL;

  g_mutex_lock (&self->store_lock);
  d->versions = rpt_store_list_versions (d->store, &error);
  g_mutex_unlock (&self->store_lock);
  if (d->versions == NULL)
    g_task_return_error (task, error);
  else
    g_task_return_boolean (task, TRUE);
}

void
rpt_letter_file_list_versions_async (RptLetterFile *self,
                                     GCancellable *cancellable,
                                     GAsyncReadyCallback callback,
                                     gpointer user_data)
{
  g_autoptr (GTask) task = NULL;
  VersionData *d;

  g_return_if_fail (RPT_IS_LETTER_FILE (self));

  task = version_task_new (self, rpt_letter_file_list_versions_async, cancellable, callback,
                           user_data, &d);
  if (d->store == NULL)
    {
      /* No file yet, so no versions: an empty list, not an error. */
      d->versions = G_LIST_MODEL (g_list_store_new (RPT_TYPE_VERSION));
      g_task_return_boolean (task, TRUE);
      return;
    }
  g_task_run_in_thread (task, list_versions_thread);
}

GListModel *
rpt_letter_file_list_versions_finish (RptLetterFile *self, GAsyncResult *result, GError **error)
{
  g_return_val_if_fail (g_task_is_valid (result, self), NULL);
  if (!g_task_propagate_boolean (G_TASK (result), error))
    return NULL;
  return g_steal_pointer (&((VersionData *) g_task_get_task_data (G_TASK (result)))->versions);
}

static void
load_version_thread (GTask *task, gpointer source, gpointer task_data, GCancellable *cancellable)
{
  RptLetterFile *self = source;
  VersionData *d = task_data;
  GError *error = NULL;

  g_mutex_lock (&self->store_lock);
  d->letter = rpt_store_load_version (d->store, d->number, &error);
  g_mutex_unlock (&self->store_lock);
  if (d->letter == NULL)
    g_task_return_error (task, error);
  else
    g_task_return_boolean (task, TRUE);
}

void
rpt_letter_file_load_version_async (RptLetterFile *self,
                                    guint number,
                                    GCancellable *cancellable,
                                    GAsyncReadyCallback callback,
                                    gpointer user_data)
{
  g_autoptr (GTask) task = NULL;
  VersionData *d;

  g_return_if_fail (RPT_IS_LETTER_FILE (self));

  task = version_task_new (self, rpt_letter_file_load_version_async, cancellable, callback,
                           user_data, &d);
  d->number = number;
  if (!check_store (task, d))
    return;
  g_task_run_in_thread (task, load_version_thread);
}

RptLetter *
rpt_letter_file_load_version_finish (RptLetterFile *self, GAsyncResult *result, GError **error)
{
  g_return_val_if_fail (g_task_is_valid (result, self), NULL);
  if (!g_task_propagate_boolean (G_TASK (result), error))
    return NULL;
  return g_steal_pointer (&((VersionData *) g_task_get_task_data (G_TASK (result)))->letter);
}

static void
restore_version_thread (GTask *task, gpointer source, gpointer task_data, GCancellable *cancellable)
{
  RptLetterFile *self = source;
  VersionData *d = task_data;
  GError *error = NULL;

  g_mutex_lock (&self->store_lock);
  d->letter = rpt_store_restore_version (d->store, d->number, d->author, &d->backup, &error);
  g_mutex_unlock (&self->store_lock);
  if (d->letter == NULL)
    g_task_return_error (task, error);
  else
    g_task_return_boolean (task, TRUE);
}

/**
 * rpt_letter_file_restore_version_async:
 *
 * Saves the working state, then makes version @number the working state;
 * the store keeps the state it replaces as a version of its own. The
 * document's letter is replaced (notify::letter).
 */
void
rpt_letter_file_restore_version_async (RptLetterFile *self,
                                       guint number,
                                       const char *author,
                                       GCancellable *cancellable,
                                       GAsyncReadyCallback callback,
                                       gpointer user_data)
{
  VersionData *d;
  GTask *task;

  g_return_if_fail (RPT_IS_LETTER_FILE (self));
  g_return_if_fail (!self->read_only);

  task = version_task_new (self, rpt_letter_file_restore_version_async, cancellable, callback,
                           user_data, &d);
  d->number = number;
  d->author = g_strdup (author != NULL ? author : "");
  d->after_flush = restore_version_thread;
  queue_save (self, task_new_flush (self, cancellable, version_flushed_cb, task), FALSE);
}

gboolean
rpt_letter_file_restore_version_finish (RptLetterFile *self,
                                        GAsyncResult *result,
                                        guint *backup_number,
                                        GError **error)
{
  VersionData *d;

  g_return_val_if_fail (g_task_is_valid (result, self), FALSE);
  if (!g_task_propagate_boolean (G_TASK (result), error))
    return FALSE;
  d = g_task_get_task_data (G_TASK (result));
  if (backup_number != NULL)
    *backup_number = d->backup;
  set_letter (self, d->letter);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_LETTER]);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_TITLE]);
  return TRUE;
}

/* --- save as, rename ----------------------------------------------- */

typedef struct
{
  RptStore *store; /* the document's, or the new one (out) */
  char *from;
  char *to;
  gboolean copy;
  gboolean from_draft; /* in the drafts folder: gone once copied elsewhere */
} MoveData;

static void
move_data_free (MoveData *d)
{
  g_clear_object (&d->store);
  g_free (d->from);
  g_free (d->to);
  g_free (d);
}

static int
errno_code (int saved)
{
  if (saved == ENOSPC || saved == EDQUOT)
    return RPT_ERROR_NO_SPACE;
  if (saved == EACCES || saved == EPERM || saved == EROFS)
    return RPT_ERROR_READ_ONLY;
  if (saved == EEXIST)
    return RPT_ERROR_EXISTS;
  return RPT_ERROR_IO;
}

/* A copy of the document at @to, with its versions: copied whole beside
 * the target (the store is idle, under the lock) and renamed over it. */
static gboolean
copy_document (const char *from, const char *to, GError **error)
{
  g_autofree char *dir = g_path_get_dirname (to);
  g_autofree char *base = g_path_get_basename (to);
  g_autofree char *tmp = g_strdup_printf ("%s/.%s.XXXXXX", dir, base);
  g_autoptr (GFile) source = g_file_new_for_path (from);
  g_autoptr (GFile) dest = NULL;
  g_autoptr (GError) local = NULL;
  int fd;

  fd = g_mkstemp_full (tmp, O_RDWR | O_CLOEXEC, 0600);
  if (fd < 0)
    {
      int saved = errno;
      g_set_error (error, RPT_ERROR, errno_code (saved), _ ("Cannot write %s: %s"), to,
                   g_strerror (saved));
      return FALSE;
    }
  close (fd);
  dest = g_file_new_for_path (tmp);
  if (!g_file_copy (source, dest, G_FILE_COPY_OVERWRITE, NULL, NULL, NULL, &local))
    {
      g_unlink (tmp);
      g_set_error (error, RPT_ERROR,
                   g_error_matches (local, G_IO_ERROR, G_IO_ERROR_NO_SPACE) ? RPT_ERROR_NO_SPACE
                                                                            : RPT_ERROR_IO,
                   _ ("Cannot write %s: %s"), to, local->message);
      return FALSE;
    }
  /* The copy is as private as the document. */
  if (g_chmod (tmp, 0600) != 0 || g_rename (tmp, to) != 0)
    {
      int saved = errno;
      g_unlink (tmp);
      g_set_error (error, RPT_ERROR, errno_code (saved), _ ("Cannot write %s: %s"), to,
                   g_strerror (saved));
      return FALSE;
    }
  return TRUE;
}

static void
move_thread (GTask *task, gpointer source, gpointer task_data, GCancellable *cancellable)
{
  RptLetterFile *self = source;
  MoveData *d = task_data;
  GError *error = NULL;
  g_autoptr (RptStore) store = NULL;

  g_mutex_lock (&self->store_lock);
  if (d->copy)
    {
      if (!copy_document (d->from, d->to, &error))
        goto out;
      store = rpt_store_open (d->to, 0, &error);
      if (store == NULL)
        goto out;
      /* A draft saved somewhere of the drafter's choice lives there now:
       * the copy in the drafts folder would be a second letter. */
      if (d->from_draft)
        g_unlink (d->from);
    }
  else
    {
      /* Closed first: SQLite names its journal after the file. A link,
       * not a rename, so that an existing file is never replaced. */
      rpt_store_close (d->store);
      if (link (d->from, d->to) != 0)
        {
          int saved = errno;
          g_set_error (&error, RPT_ERROR, errno_code (saved),
                       _ ("Cannot rename the letter to %s: %s"), d->to, g_strerror (saved));
          store = rpt_store_open (d->from, 0, NULL);
          goto out;
        }
      store = rpt_store_open (d->to, 0, &error);
      if (store == NULL)
        {
          g_unlink (d->to);
          store = rpt_store_open (d->from, 0, NULL);
          goto out;
        }
      g_unlink (d->from);
    }
out:
  g_mutex_unlock (&self->store_lock);
  if (store != NULL)
    g_set_object (&d->store, store);
  if (error != NULL)
    g_task_return_error (task, error);
  else
    g_task_return_boolean (task, TRUE);
}

static void
move_flushed_cb (GObject *source, GAsyncResult *result, gpointer user_data)
{
  RptLetterFile *self = RPT_LETTER_FILE (source);
  g_autoptr (GTask) task = user_data;
  MoveData *d = g_task_get_task_data (task);
  GError *error = NULL;

  if (!rpt_letter_file_save_finish (self, result, &error))
    {
      g_task_return_error (task, error);
      return;
    }
  /* Now no save runs until the move is done. */
  self->moving = TRUE;
  g_clear_handle_id (&self->autosave_id, g_source_remove);
  d->store = g_object_ref (self->store);
  d->from = g_strdup (self->path);
  if (d->copy)
    {
      /* A draft is named after its letter's id, nothing the drafter chose. */
      g_autofree char *name = rpt_letter_file_dup_name_for_path (d->from);
      d->from_draft = name == NULL;
    }
  g_task_run_in_thread (task, move_thread);
}

/**
 * rpt_letter_file_move_async:
 * @path: where the document goes
 * @copy: %TRUE for Save As (a copy with its versions, which the window
 *   then edits; a draft leaves the drafts folder), %FALSE to rename it
 *   (never over an existing file)
 *
 * Saves what is left to save, then puts the document at @path.
 */
void
rpt_letter_file_move_async (RptLetterFile *self,
                            const char *path,
                            gboolean copy,
                            GCancellable *cancellable,
                            GAsyncReadyCallback callback,
                            gpointer user_data)
{
  GTask *task;
  MoveData *d;

  g_return_if_fail (RPT_IS_LETTER_FILE (self));
  g_return_if_fail (path != NULL);
  g_return_if_fail (!self->read_only);

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, rpt_letter_file_move_async);
  d = g_new0 (MoveData, 1);
  d->to = g_strdup (path);
  d->copy = copy;
  g_task_set_task_data (task, d, (GDestroyNotify) move_data_free);
  if (g_file_test (path, G_FILE_TEST_IS_DIR) || (!copy && g_file_test (path, G_FILE_TEST_EXISTS)))
    {
      g_task_return_new_error (task, RPT_ERROR, RPT_ERROR_EXISTS,
                               _ ("%s already exists; choose another name"), path);
      g_object_unref (task);
      return;
    }
  if (self->path != NULL && rpt_letter_file_has_path (self, path))
    {
      g_task_return_new_error (task, RPT_ERROR, RPT_ERROR_EXISTS, _ ("The letter is already %s"),
                               path);
      g_object_unref (task);
      return;
    }
  /* A draft never changed has no file yet: the save gives it one. */
  queue_save (self, task_new_flush (self, cancellable, move_flushed_cb, task), self->store == NULL);
}

gboolean
rpt_letter_file_move_finish (RptLetterFile *self, GAsyncResult *result, GError **error)
{
  MoveData *d;
  gboolean ok;

  g_return_val_if_fail (g_task_is_valid (result, self), FALSE);

  d = g_task_get_task_data (G_TASK (result));
  ok = g_task_propagate_boolean (G_TASK (result), error);
  if (self->moving)
    {
      self->moving = FALSE;
      /* The store the document now uses: the new file's, or on failure
       * the old one opened again. */
      if (d->store != NULL && d->store != self->store)
        {
          g_set_object (&self->store, d->store);
          g_free (self->path);
          self->path = g_strdup (rpt_store_get_path (self->store));
          g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_PATH]);
          g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_TITLE]);
        }
      if (self->waiters->len > 0)
        start_save (self);
      else if (compute_dirty (self))
        schedule_autosave (self);
    }
  return ok;
}

/**
 * rpt_letter_file_dup_file_name:
 *
 * Returns: (nullable): the document's name, from its file ("AL TJK
 *   1-2025" for AL TJK 1-2025.rapporteur), or %NULL for a draft named
 *   after nothing the drafter chose (its letter's id)
 */
char *
rpt_letter_file_dup_file_name (RptLetterFile *self)
{
  g_return_val_if_fail (RPT_IS_LETTER_FILE (self), NULL);

  return self->path != NULL ? rpt_letter_file_dup_name_for_path (self->path) : NULL;
}

/**
 * rpt_letter_file_dup_name_for_path:
 *
 * Returns: (nullable): the name of the document at @path, or %NULL for a
 *   draft named after its letter's id ("<id>.rapporteur", "<id>~2.rapporteur")
 */
char *
rpt_letter_file_dup_name_for_path (const char *path)
{
  g_autofree char *base = g_path_get_basename (path);
  g_autofree char *id = NULL;

  if (g_str_has_suffix (base, ".rapporteur"))
    base[strlen (base) - strlen (".rapporteur")] = '\0';
  id = g_strndup (base, strcspn (base, "~"));
  if (g_uuid_string_is_valid (id))
    return NULL;
  return g_steal_pointer (&base);
}

/* --- getters -------------------------------------------------------- */

RptLetter *
rpt_letter_file_get_letter (RptLetterFile *self)
{
  g_return_val_if_fail (RPT_IS_LETTER_FILE (self), NULL);
  return self->letter;
}

/**
 * rpt_letter_file_get_path:
 *
 * Returns: (nullable): the document file; %NULL for a draft not yet saved
 */
const char *
rpt_letter_file_get_path (RptLetterFile *self)
{
  g_return_val_if_fail (RPT_IS_LETTER_FILE (self), NULL);
  return self->path;
}

const char *
rpt_letter_file_get_draft_path (RptLetterFile *self)
{
  g_return_val_if_fail (RPT_IS_LETTER_FILE (self), NULL);
  return self->draft_path;
}

gboolean
rpt_letter_file_get_read_only (RptLetterFile *self)
{
  g_return_val_if_fail (RPT_IS_LETTER_FILE (self), TRUE);
  return self->read_only;
}

guint
rpt_letter_file_get_version_number (RptLetterFile *self)
{
  g_return_val_if_fail (RPT_IS_LETTER_FILE (self), 0);
  return self->version_number;
}

gboolean
rpt_letter_file_get_dirty (RptLetterFile *self)
{
  g_return_val_if_fail (RPT_IS_LETTER_FILE (self), FALSE);
  return compute_dirty (self) || self->saving;
}

gboolean
rpt_letter_file_get_saving (RptLetterFile *self)
{
  g_return_val_if_fail (RPT_IS_LETTER_FILE (self), FALSE);
  return self->saving;
}

const GError *
rpt_letter_file_get_save_error (RptLetterFile *self)
{
  g_return_val_if_fail (RPT_IS_LETTER_FILE (self), NULL);
  return self->save_error;
}

char *
rpt_letter_file_dup_title (RptLetterFile *self)
{
  g_return_val_if_fail (RPT_IS_LETTER_FILE (self), NULL);
  return rpt_letter_file_dup_title_for_letter (self->letter);
}

/**
 * rpt_letter_file_has_path:
 *
 * Whether @path names this document's file (or the draft it will create),
 * following symbolic links, so that opening a file twice finds its window.
 */
gboolean
rpt_letter_file_has_path (RptLetterFile *self, const char *path)
{
  g_autoptr (GFile) a = NULL;
  g_autoptr (GFile) b = NULL;
  g_autofree char *real_a = NULL;
  g_autofree char *real_b = NULL;
  const char *mine;

  g_return_val_if_fail (RPT_IS_LETTER_FILE (self), FALSE);

  if (self->read_only && self->version_number != 0)
    return FALSE;
  mine = self->path != NULL ? self->path : self->draft_path;
  if (mine == NULL || path == NULL)
    return FALSE;
  real_a = realpath (mine, NULL);
  real_b = realpath (path, NULL);
  if (real_a != NULL && real_b != NULL)
    return g_str_equal (real_a, real_b);
  a = g_file_new_for_path (mine);
  b = g_file_new_for_path (path);
  return g_file_equal (a, b);
}

/* --- other work on the file ------------------------------------------ */

typedef struct
{
  RptLetterFileStoreFunc func;
  gpointer data;
  GDestroyNotify destroy;
} StoreJob;

static void
store_job_free (StoreJob *job)
{
  if (job->destroy != NULL)
    job->destroy (job->data);
  g_free (job);
}

static void
store_job_thread (GTask *task, gpointer source, gpointer task_data, GCancellable *cancellable)
{
  RptLetterFile *self = source;
  VersionData *d = task_data;
  StoreJob *job = g_object_get_data (G_OBJECT (task), "job");
  GError *error = NULL;
  gboolean ok;

  g_mutex_lock (&self->store_lock);
  ok = job->func (d->store, job->data, cancellable, &error);
  g_mutex_unlock (&self->store_lock);
  if (!ok)
    g_task_return_error (task, error);
  else
    g_task_return_boolean (task, TRUE);
}

/**
 * rpt_letter_file_run_async:
 * @func: what to do with the document file, in a worker
 * @data: (nullable): for @func
 * @destroy: (nullable): frees @data
 *
 * Saves the working state, then runs @func on the document's store in a
 * worker, with the store to itself: what comments, review copies and
 * merges do with the file, never on the main thread.
 */
void
rpt_letter_file_run_async (RptLetterFile *self,
                           RptLetterFileStoreFunc func,
                           gpointer data,
                           GDestroyNotify destroy,
                           GCancellable *cancellable,
                           GAsyncReadyCallback callback,
                           gpointer user_data)
{
  VersionData *d;
  GTask *task;
  StoreJob *job = g_new0 (StoreJob, 1);

  g_return_if_fail (RPT_IS_LETTER_FILE (self));
  g_return_if_fail (func != NULL);

  job->func = func;
  job->data = data;
  job->destroy = destroy;
  task = version_task_new (self, rpt_letter_file_run_async, cancellable, callback, user_data, &d);
  g_object_set_data_full (G_OBJECT (task), "job", job, (GDestroyNotify) store_job_free);
  d->after_flush = store_job_thread;
  /* A draft not yet written gets its file: a comment or a review is the
   * document's, not the letter's alone. */
  queue_save (self, task_new_flush (self, cancellable, version_flushed_cb, task),
              self->store == NULL && self->draft_path != NULL && !self->read_only);
}

gboolean
rpt_letter_file_run_finish (RptLetterFile *self, GAsyncResult *result, GError **error)
{
  g_return_val_if_fail (g_task_is_valid (result, self), FALSE);
  return g_task_propagate_boolean (G_TASK (result), error);
}

/**
 * rpt_letter_file_take_saved_letter:
 * @letter: a letter a store job has just written as the working state
 *
 * Makes @letter the document's letter (notify::letter), as it is in the
 * file: after a merge, the merged letter.
 */
void
rpt_letter_file_take_saved_letter (RptLetterFile *self, RptLetter *letter)
{
  g_return_if_fail (RPT_IS_LETTER_FILE (self));
  g_return_if_fail (RPT_IS_LETTER (letter));

  set_letter (self, letter);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_LETTER]);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_TITLE]);
}
