/* rpt-comment.c
 *
 * Copyright 2026 The Rapporteur authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "rpt-comment"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "rpt-comment-private.h"
#include "rpt-document-xml.h"
#include "rpt-error.h"
#include "rpt-item-private.h"
#include "rpt-markup.h"
#include "rpt-store-private.h"

/**
 * RptComment:
 *
 * A reviewer's remark on an item of the letter (a fact, a question…), or
 * on some of its words (the quote), with its author and time, its replies
 * (comments whose parent it is) and whether it is resolved. Comments
 * belong to the document, not to the letter: they survive versions and
 * restores, and never reach an exported letter unless asked for.
 */
struct _RptComment
{
  GObject parent_instance;

  char *id;
  char *item_id;
  char *parent_id;
  char *quote;
  char *author;
  GDateTime *created;
  char *text;
  gboolean resolved;
};

G_DEFINE_FINAL_TYPE (RptComment, rpt_comment, G_TYPE_OBJECT)

enum
{
  PROP_0,
  PROP_ID,
  PROP_ITEM_ID,
  PROP_PARENT_ID,
  PROP_QUOTE,
  PROP_AUTHOR,
  PROP_CREATED,
  PROP_TEXT,
  PROP_RESOLVED,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
rpt_comment_finalize (GObject *object)
{
  RptComment *self = RPT_COMMENT (object);

  g_free (self->id);
  g_free (self->item_id);
  g_free (self->parent_id);
  g_free (self->quote);
  g_free (self->author);
  g_clear_pointer (&self->created, g_date_time_unref);
  g_free (self->text);
  G_OBJECT_CLASS (rpt_comment_parent_class)->finalize (object);
}

static void
rpt_comment_get_property (GObject *object, guint prop_id, GValue *value, GParamSpec *pspec)
{
  RptComment *self = RPT_COMMENT (object);

  switch (prop_id)
    {
    case PROP_ID:
      g_value_set_string (value, self->id);
      break;
    case PROP_ITEM_ID:
      g_value_set_string (value, self->item_id);
      break;
    case PROP_PARENT_ID:
      g_value_set_string (value, self->parent_id);
      break;
    case PROP_QUOTE:
      g_value_set_string (value, self->quote);
      break;
    case PROP_AUTHOR:
      g_value_set_string (value, self->author);
      break;
    case PROP_CREATED:
      g_value_set_boxed (value, self->created);
      break;
    case PROP_TEXT:
      g_value_set_string (value, self->text);
      break;
    case PROP_RESOLVED:
      g_value_set_boolean (value, self->resolved);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
rpt_comment_set_property (GObject *object, guint prop_id, const GValue *value, GParamSpec *pspec)
{
  RptComment *self = RPT_COMMENT (object);

  switch (prop_id)
    {
    case PROP_ID:
      self->id = g_value_dup_string (value);
      break;
    case PROP_ITEM_ID:
      self->item_id = g_value_dup_string (value);
      break;
    case PROP_PARENT_ID:
      self->parent_id = g_value_dup_string (value);
      break;
    case PROP_QUOTE:
      rpt_comment_set_quote (self, g_value_get_string (value));
      break;
    case PROP_AUTHOR:
      self->author = rpt_text_sanitize_line (g_value_get_string (value));
      break;
    case PROP_CREATED:
      self->created = g_value_dup_boxed (value);
      break;
    case PROP_TEXT:
      rpt_comment_set_text (self, g_value_get_string (value));
      break;
    case PROP_RESOLVED:
      rpt_comment_set_resolved (self, g_value_get_boolean (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
rpt_comment_constructed (GObject *object)
{
  RptComment *self = RPT_COMMENT (object);

  G_OBJECT_CLASS (rpt_comment_parent_class)->constructed (object);
  if (self->id == NULL)
    self->id = _rpt_item_new_id ();
  if (self->created == NULL)
    self->created = g_date_time_new_now_utc ();
  if (self->author == NULL)
    self->author = g_strdup ("");
  if (self->text == NULL)
    self->text = g_strdup ("");
}

static void
rpt_comment_class_init (RptCommentClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  const GParamFlags once = G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS;
  const GParamFlags rw = G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS;

  object_class->finalize = rpt_comment_finalize;
  object_class->get_property = rpt_comment_get_property;
  object_class->set_property = rpt_comment_set_property;
  object_class->constructed = rpt_comment_constructed;

  properties[PROP_ID] = g_param_spec_string ("id", NULL, NULL, NULL, once);
  properties[PROP_ITEM_ID] = g_param_spec_string ("item-id", NULL, NULL, NULL, once);
  properties[PROP_PARENT_ID] = g_param_spec_string ("parent-id", NULL, NULL, NULL, once);
  properties[PROP_QUOTE] = g_param_spec_string ("quote", NULL, NULL, NULL, rw);
  properties[PROP_AUTHOR] = g_param_spec_string ("author", NULL, NULL, NULL, once);
  properties[PROP_CREATED] = g_param_spec_boxed ("created", NULL, NULL, G_TYPE_DATE_TIME, once);
  properties[PROP_TEXT] = g_param_spec_string ("text", NULL, NULL, NULL, rw);
  properties[PROP_RESOLVED] = g_param_spec_boolean ("resolved", NULL, NULL, FALSE, rw);
  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
rpt_comment_init (RptComment *self)
{
}

/**
 * rpt_comment_new:
 * @item_id: (nullable): the item commented on; %NULL for the letter as a whole
 * @author: who writes it
 * @text: what they write (plain text; line breaks are kept)
 *
 * Returns: (transfer full): a new comment, made now, with an id of its own
 */
RptComment *
rpt_comment_new (const char *item_id, const char *author, const char *text)
{
  return g_object_new (RPT_TYPE_COMMENT, "item-id", item_id, "author", author, "text", text, NULL);
}

/**
 * rpt_comment_new_reply:
 *
 * Returns: (transfer full): a reply to @parent, on the same item
 */
RptComment *
rpt_comment_new_reply (RptComment *parent, const char *author, const char *text)
{
  g_return_val_if_fail (RPT_IS_COMMENT (parent), NULL);
  return g_object_new (RPT_TYPE_COMMENT, "item-id", parent->item_id, "parent-id", parent->id,
                       "author", author, "text", text, NULL);
}

/**
 * rpt_comment_copy:
 *
 * Returns: (transfer full): a comment equal to @self, id included: for a
 *   worker to write while the original stays with the interface
 */
RptComment *
rpt_comment_copy (RptComment *self)
{
  g_return_val_if_fail (RPT_IS_COMMENT (self), NULL);
  return g_object_new (RPT_TYPE_COMMENT, "id", self->id, "item-id", self->item_id, "parent-id",
                       self->parent_id, "quote", self->quote, "author", self->author, "created",
                       self->created, "text", self->text, "resolved", self->resolved, NULL);
}

const char *
rpt_comment_get_id (RptComment *self)
{
  g_return_val_if_fail (RPT_IS_COMMENT (self), NULL);
  return self->id;
}

const char *
rpt_comment_get_item_id (RptComment *self)
{
  g_return_val_if_fail (RPT_IS_COMMENT (self), NULL);
  return self->item_id;
}

const char *
rpt_comment_get_parent_id (RptComment *self)
{
  g_return_val_if_fail (RPT_IS_COMMENT (self), NULL);
  return self->parent_id;
}

const char *
rpt_comment_get_quote (RptComment *self)
{
  g_return_val_if_fail (RPT_IS_COMMENT (self), NULL);
  return self->quote;
}

/**
 * rpt_comment_set_quote:
 * @quote: (nullable): the words commented on, as plain text
 */
void
rpt_comment_set_quote (RptComment *self, const char *quote)
{
  g_autofree char *clean = NULL;

  g_return_if_fail (RPT_IS_COMMENT (self));
  clean = quote != NULL && quote[0] != '\0' ? rpt_text_sanitize (quote, -1, FALSE, NULL) : NULL;
  if (g_strcmp0 (clean, self->quote) == 0)
    return;
  g_free (self->quote);
  self->quote = g_steal_pointer (&clean);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_QUOTE]);
}

const char *
rpt_comment_get_author (RptComment *self)
{
  g_return_val_if_fail (RPT_IS_COMMENT (self), NULL);
  return self->author;
}

/**
 * rpt_comment_get_created:
 *
 * Returns: (transfer none): when it was written, in UTC
 */
GDateTime *
rpt_comment_get_created (RptComment *self)
{
  g_return_val_if_fail (RPT_IS_COMMENT (self), NULL);
  return self->created;
}

const char *
rpt_comment_get_text (RptComment *self)
{
  g_return_val_if_fail (RPT_IS_COMMENT (self), NULL);
  return self->text;
}

void
rpt_comment_set_text (RptComment *self, const char *text)
{
  g_autofree char *clean = NULL;

  g_return_if_fail (RPT_IS_COMMENT (self));
  clean = rpt_text_sanitize (text != NULL ? text : "", -1, FALSE, NULL);
  if (g_strcmp0 (clean, self->text) == 0)
    return;
  g_free (self->text);
  self->text = g_steal_pointer (&clean);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_TEXT]);
}

gboolean
rpt_comment_get_resolved (RptComment *self)
{
  g_return_val_if_fail (RPT_IS_COMMENT (self), FALSE);
  return self->resolved;
}

void
rpt_comment_set_resolved (RptComment *self, gboolean resolved)
{
  g_return_if_fail (RPT_IS_COMMENT (self));
  resolved = !!resolved;
  if (self->resolved == resolved)
    return;
  self->resolved = resolved;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_RESOLVED]);
}

/* --- in the document file --------------------------------------------- */

/* An optional table: a file without it has no comments, and a Rapporteur
 * that does not know it leaves it alone. */
static const char comment_table[] = "CREATE TABLE IF NOT EXISTS comment ("
                                    "  id TEXT PRIMARY KEY NOT NULL,"
                                    "  item_id TEXT,"
                                    "  parent_id TEXT,"
                                    "  quote TEXT,"
                                    "  author TEXT NOT NULL,"
                                    "  created TEXT NOT NULL,"
                                    "  text TEXT NOT NULL,"
                                    "  resolved INTEGER NOT NULL DEFAULT 0"
                                    ")";

static gboolean
has_table (RptSqlite *db, GError **error)
{
  gint64 n = 0;

  if (!rpt_sqlite_get_int (db,
                           "SELECT count(*) FROM sqlite_master WHERE type = 'table' AND "
                           "name = 'comment'",
                           &n, error))
    return FALSE;
  return n > 0;
}

static const char *
column_text (sqlite3_stmt *stmt, int column)
{
  return (const char *) sqlite3_column_text (stmt, column);
}

/**
 * rpt_comments_load:
 *
 * Returns: (transfer full): the document's comments (#RptComment), oldest
 *   first; %NULL with @error set if the file cannot be read or a comment in
 *   it is damaged
 */
GListStore *
rpt_comments_load (RptStore *store, GError **error)
{
  RptSqlite *db = _rpt_store_get_sqlite (store);
  g_autoptr (GListStore) comments = g_list_store_new (RPT_TYPE_COMMENT);
  g_autoptr (sqlite3_stmt) stmt = NULL;
  g_autoptr (GError) local = NULL;
  int rc;

  if (db == NULL)
    {
      g_set_error (error, RPT_ERROR, RPT_ERROR_IO, _ ("The document is closed"));
      return NULL;
    }
  if (!has_table (db, &local))
    {
      if (local != NULL)
        {
          g_propagate_error (error, g_steal_pointer (&local));
          return NULL;
        }
      return g_steal_pointer (&comments);
    }
  stmt = rpt_sqlite_prepare (db,
                             "SELECT id, item_id, parent_id, quote, author, created, text, "
                             "resolved FROM comment ORDER BY created, id",
                             error);
  if (stmt == NULL)
    return NULL;
  while ((rc = rpt_sqlite_step (db, stmt, error)) == SQLITE_ROW)
    {
      const char *id = column_text (stmt, 0), *item = column_text (stmt, 1),
                 *parent = column_text (stmt, 2), *created = column_text (stmt, 5);
      g_autoptr (GDateTime) when =
        created != NULL ? g_date_time_new_from_iso8601 (created, NULL) : NULL;
      g_autoptr (RptComment) c = NULL;

      if (!_rpt_item_id_is_valid (id) || (item != NULL && !_rpt_item_id_is_valid (item)) ||
          (parent != NULL && !_rpt_item_id_is_valid (parent)) || when == NULL)
        {
          g_set_error (error, RPT_ERROR, RPT_ERROR_CORRUPT,
                       _ ("%s: a comment in the file is damaged"), rpt_store_get_path (store));
          return NULL;
        }
      c = g_object_new (RPT_TYPE_COMMENT, "id", id, "item-id", item, "parent-id", parent, "quote",
                        column_text (stmt, 3), "author", column_text (stmt, 4), "created", when,
                        "text", column_text (stmt, 6), "resolved",
                        sqlite3_column_int (stmt, 7) != 0, NULL);
      g_list_store_append (comments, c);
    }
  if (rc != SQLITE_DONE)
    return NULL;
  return g_steal_pointer (&comments);
}

static gboolean
insert_comment (RptSqlite *db, sqlite3_stmt *stmt, RptComment *comment, GError **error)
{
  g_autoptr (GDateTime) utc = g_date_time_to_utc (comment->created);
  g_autofree char *created = g_date_time_format_iso8601 (utc);

  sqlite3_reset (stmt);
  sqlite3_bind_text (stmt, 1, comment->id, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 2, comment->item_id, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 3, comment->parent_id, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 4, comment->quote, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 5, comment->author, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 6, created, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 7, comment->text, -1, SQLITE_TRANSIENT);
  sqlite3_bind_int (stmt, 8, comment->resolved ? 1 : 0);
  return rpt_sqlite_step_done (db, stmt, error);
}

/* All or none, in one transaction: a merge never leaves half its comments. */
static gboolean
save_all (RptStore *store, GPtrArray *comments, GError **error)
{
  RptSqlite *db = _rpt_store_get_sqlite (store);
  g_autoptr (sqlite3_stmt) stmt = NULL;

  if (db == NULL || rpt_store_is_read_only (store))
    {
      g_set_error (error, RPT_ERROR, RPT_ERROR_READ_ONLY,
                   _ ("%s is open read-only: the comment is not saved"),
                   rpt_store_get_path (store));
      return FALSE;
    }
  if (!rpt_sqlite_begin (db, error))
    return FALSE;
  if (!rpt_sqlite_exec (db, comment_table, error))
    goto fail;
  stmt = rpt_sqlite_prepare (db,
                             "INSERT OR REPLACE INTO comment (id, item_id, parent_id, quote, "
                             "author, created, text, resolved) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
                             error);
  if (stmt == NULL)
    goto fail;
  for (guint i = 0; i < comments->len; i++)
    if (!insert_comment (db, stmt, g_ptr_array_index (comments, i), error))
      goto fail;
  g_clear_pointer (&stmt, sqlite3_finalize);
  return rpt_sqlite_commit (db, error);

fail:
  rpt_sqlite_rollback (db);
  return FALSE;
}

/**
 * rpt_comments_save:
 *
 * Writes @comment (new or changed) into the document, in a transaction of
 * its own.
 */
gboolean
rpt_comments_save (RptStore *store, RptComment *comment, GError **error)
{
  g_autoptr (GPtrArray) one = g_ptr_array_new ();

  g_return_val_if_fail (RPT_IS_COMMENT (comment), FALSE);
  g_ptr_array_add (one, comment);
  return save_all (store, one, error);
}

/* What makes two comments the same when they come back from a reviewer
 * twice (an ODT read again gives its annotations new ids). */
static char *
content_key (RptComment *c)
{
  return g_strjoin ("\x1f", c->author, c->item_id != NULL ? c->item_id : "",
                    c->quote != NULL ? c->quote : "", c->text, NULL);
}

/**
 * rpt_comments_add_new:
 * @incoming: (element-type RptComment): a reviewer's comments
 * @n_added: (out) (optional): how many were new
 *
 * Adds to the document the comments of @incoming it does not have yet (by
 * id, or by author, place and text), all in one transaction: merging the
 * same reviewer's copy twice does not double its comments.
 */
gboolean
rpt_comments_add_new (RptStore *store, GListModel *incoming, guint *n_added, GError **error)
{
  g_autoptr (GListStore) existing = rpt_comments_load (store, error);
  g_autoptr (GHashTable) seen = NULL;
  g_autoptr (GPtrArray) fresh = NULL;
  guint n;

  if (existing == NULL)
    return FALSE;
  seen = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  fresh = g_ptr_array_new_with_free_func (g_object_unref);
  n = g_list_model_get_n_items (G_LIST_MODEL (existing));
  for (guint i = 0; i < n; i++)
    {
      g_autoptr (RptComment) c = g_list_model_get_item (G_LIST_MODEL (existing), i);
      g_hash_table_add (seen, g_strdup (c->id));
      g_hash_table_add (seen, content_key (c));
    }
  n = g_list_model_get_n_items (incoming);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr (RptComment) c = g_list_model_get_item (incoming, i);
      g_autofree char *key = content_key (c);

      if (g_hash_table_contains (seen, c->id) || g_hash_table_contains (seen, key))
        continue;
      g_hash_table_add (seen, g_strdup (c->id));
      g_hash_table_add (seen, g_steal_pointer (&key));
      g_ptr_array_add (fresh, g_steal_pointer (&c));
    }
  if (n_added != NULL)
    *n_added = fresh->len;
  return fresh->len == 0 || save_all (store, fresh, error);
}

/**
 * rpt_comments_delete:
 *
 * Removes a comment and its replies from the document.
 */
gboolean
rpt_comments_delete (RptStore *store, const char *id, GError **error)
{
  RptSqlite *db = _rpt_store_get_sqlite (store);
  g_autoptr (sqlite3_stmt) stmt = NULL;
  g_autoptr (GError) local = NULL;

  if (db == NULL || rpt_store_is_read_only (store))
    {
      g_set_error (error, RPT_ERROR, RPT_ERROR_READ_ONLY,
                   _ ("%s is open read-only: the comment is not removed"),
                   rpt_store_get_path (store));
      return FALSE;
    }
  if (!has_table (db, &local))
    {
      if (local == NULL)
        return TRUE; /* no comments at all */
      g_propagate_error (error, g_steal_pointer (&local));
      return FALSE;
    }
  stmt = rpt_sqlite_prepare (db, "DELETE FROM comment WHERE id = ?1 OR parent_id = ?1", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_text (stmt, 1, id, -1, SQLITE_TRANSIENT);
  return rpt_sqlite_step_done (db, stmt, error);
}

/**
 * rpt_comments_margin_notes:
 * @comments: (element-type RptComment): a document's comments
 *
 * What the margin says beside each commented item: how many open
 * comments, replies included, it has. Resolved threads say nothing.
 *
 * Returns: (transfer full) (element-type utf8 utf8): item id → note
 */
GHashTable *
rpt_comments_margin_notes (GListModel *comments)
{
  g_autoptr (GHashTable) counts = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr (GHashTable) resolved = g_hash_table_new (g_str_hash, g_str_equal);
  GHashTable *notes = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  guint n = g_list_model_get_n_items (comments);
  GHashTableIter iter;
  gpointer key, value;

  /* A reply is as resolved as its thread. */
  for (guint i = 0; i < n; i++)
    {
      g_autoptr (RptComment) c = g_list_model_get_item (comments, i);
      if (c->parent_id == NULL && c->resolved)
        g_hash_table_add (resolved, c->id);
    }
  for (guint i = 0; i < n; i++)
    {
      g_autoptr (RptComment) c = g_list_model_get_item (comments, i);
      const char *thread = c->parent_id != NULL ? c->parent_id : c->id;

      if (c->item_id == NULL || c->resolved || g_hash_table_contains (resolved, thread))
        continue;
      g_hash_table_insert (
        counts, c->item_id,
        GUINT_TO_POINTER (GPOINTER_TO_UINT (g_hash_table_lookup (counts, c->item_id)) + 1));
    }
  g_hash_table_iter_init (&iter, counts);
  while (g_hash_table_iter_next (&iter, &key, &value))
    {
      guint count = GPOINTER_TO_UINT (value);
      /* Translators: in the margin beside a paragraph with comments */
      g_hash_table_insert (
        notes, g_strdup (key),
        g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u comment", "%u comments", count), count));
    }
  return notes;
}

/* --- in document XML ------------------------------------------------------- */

#define BOOKMARK_PREFIX "rpt-"

static GHashTable *
item_paragraph_marks (xmlNode *text)
{
  GHashTable *marks = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  GQueue queue = G_QUEUE_INIT;

  g_queue_push_tail (&queue, text);
  while (!g_queue_is_empty (&queue))
    {
      xmlNode *node = g_queue_pop_head (&queue);
      for (xmlNode *c = node->children; c != NULL; c = c->next)
        {
          if (c->type != XML_ELEMENT_NODE)
            continue;
          if (xmlStrEqual (c->name, BAD_CAST "bookmark"))
            {
              g_autofree char *name =
                (char *) xmlGetNsProp (c, BAD_CAST "name", BAD_CAST RPT_NS_TEXT);
              if (name != NULL && g_str_has_prefix (name, BOOKMARK_PREFIX))
                g_hash_table_insert (marks, g_strdup (name + strlen (BOOKMARK_PREFIX)), c);
            }
          else
            g_queue_push_tail (&queue, c);
        }
    }
  return marks;
}

static void
link_after (xmlNode *cur, xmlNode *node)
{
  node->parent = cur->parent;
  node->doc = cur->doc;
  node->prev = cur;
  node->next = cur->next;
  if (cur->next != NULL)
    cur->next->prev = node;
  else if (cur->parent != NULL)
    cur->parent->last = node;
  cur->next = node;
}

/* A comment on words spans them, as LibreOffice's own do: the annotation
 * before the first word, an annotation-end after the last. Only words
 * within one run of text are spanned (formatting may split a quote); else
 * FALSE, and the comment stands at the start of the paragraph. */
static gboolean
annotate_words (xmlNode *paragraph,
                xmlNode *annotation,
                const char *quote,
                xmlNs *office,
                const char *id)
{
  GQueue queue = G_QUEUE_INIT;
  xmlNode *found = NULL;
  const char *at = NULL;
  g_autofree char *name = NULL;
  g_autofree char *before = NULL;
  xmlNode *after, *words, *end;
  gsize start, length;

  if (quote == NULL || quote[0] == '\0' || paragraph == NULL || id == NULL)
    return FALSE;
  g_queue_push_tail (&queue, paragraph);
  while (found == NULL && !g_queue_is_empty (&queue))
    {
      xmlNode *node = g_queue_pop_head (&queue);
      for (xmlNode *c = node->children; c != NULL && found == NULL; c = c->next)
        if (c->type == XML_TEXT_NODE && c->content != NULL &&
            (at = strstr ((const char *) c->content, quote)) != NULL)
          found = c;
        else if (c->type == XML_ELEMENT_NODE && !xmlStrEqual (c->name, BAD_CAST "annotation") &&
                 !xmlStrEqual (c->name, BAD_CAST "note"))
          g_queue_push_tail (&queue, c);
    }
  g_queue_clear (&queue);
  if (found == NULL)
    return FALSE;
  start = (gsize) (at - (const char *) found->content);
  length = strlen (quote);
  before = g_strndup ((const char *) found->content, start);
  /* found = before, annotation, the words, annotation-end, what follows.
   * Linked by hand: libxml2's sibling functions merge adjacent text. */
  name = g_strconcat ("rpt-comment-", id, NULL);
  xmlNewNsProp (annotation, office, BAD_CAST "name", BAD_CAST name);
  end = xmlNewDocNode (found->doc, office, BAD_CAST "annotation-end", NULL);
  xmlNewNsProp (end, office, BAD_CAST "name", BAD_CAST name);
  after = xmlNewDocText (found->doc, BAD_CAST (at + length));
  words = xmlNewDocTextLen (found->doc, BAD_CAST at, (int) length);
  link_after (found, annotation);
  link_after (annotation, words);
  link_after (words, end);
  link_after (end, after);
  xmlNodeSetContent (found, BAD_CAST before); /* a text node: copied as is */
  return TRUE;
}

/* Comments go into the export as ODF annotations at the start of their
 * item's paragraph, for the reviewer to read and answer in LibreOffice. */
/**
 * _rpt_comments_annotate:
 * @doc: document XML (docs/pipeline.md)
 * @comments: (nullable) (element-type RptComment):
 *
 * Puts the unresolved comments into @doc as ODF annotations, each at the
 * start of its item's paragraph (after its bookmark): the ODT export
 * carries them for reviewers who use LibreOffice.
 */
void
_rpt_comments_annotate (xmlDoc *doc, GListModel *comments)
{
  xmlNode *text = rpt_document_xml_get_text (doc);
  xmlNode *root = xmlDocGetRootElement (doc);
  xmlNs *office = xmlSearchNsByHref (doc, root, BAD_CAST RPT_NS_OFFICE);
  xmlNs *text_ns = xmlSearchNsByHref (doc, root, BAD_CAST RPT_NS_TEXT);
  xmlNs *dc = xmlSearchNsByHref (doc, root, BAD_CAST RPT_NS_DC);
  g_autoptr (GHashTable) marks = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  GQueue queue = G_QUEUE_INIT;

  if (comments == NULL || text == NULL)
    return;
  /* Every bookmark's paragraph, by item id. */
  g_queue_push_tail (&queue, text);
  while (!g_queue_is_empty (&queue))
    {
      xmlNode *node = g_queue_pop_head (&queue);
      for (xmlNode *c = node->children; c != NULL; c = c->next)
        {
          if (c->type != XML_ELEMENT_NODE)
            continue;
          if (xmlStrEqual (c->name, BAD_CAST "bookmark"))
            {
              g_autofree char *name =
                (char *) xmlGetNsProp (c, BAD_CAST "name", BAD_CAST RPT_NS_TEXT);
              if (name != NULL && g_str_has_prefix (name, BOOKMARK_PREFIX))
                g_hash_table_insert (marks, g_strdup (name + strlen (BOOKMARK_PREFIX)), c);
            }
          else
            g_queue_push_tail (&queue, c);
        }
    }
  for (guint i = 0; i < g_list_model_get_n_items (comments); i++)
    {
      g_autoptr (RptComment) comment = g_list_model_get_item (comments, i);
      xmlNode *mark = rpt_comment_get_item_id (comment) != NULL
                        ? g_hash_table_lookup (marks, rpt_comment_get_item_id (comment))
                        : NULL;
      g_autoptr (GDateTime) utc = g_date_time_to_utc (rpt_comment_get_created (comment));
      g_autofree char *when = g_date_time_format (utc, "%Y-%m-%dT%H:%M:%S");
      g_auto (GStrv) lines = NULL;
      xmlNode *annotation;

      if (mark == NULL || rpt_comment_get_resolved (comment))
        continue;
      annotation = xmlNewDocNode (doc, office, BAD_CAST "annotation", NULL);
      xmlNewTextChild (annotation, dc, BAD_CAST "creator",
                       BAD_CAST rpt_comment_get_author (comment));
      xmlNewTextChild (annotation, dc, BAD_CAST "date", BAD_CAST when);
      lines = g_strsplit (rpt_comment_get_text (comment), "\n", -1);
      for (guint k = 0; lines[k] != NULL; k++)
        xmlNewTextChild (annotation, text_ns, BAD_CAST "p", BAD_CAST lines[k]);
      if (!annotate_words (mark->parent, annotation, rpt_comment_get_quote (comment), office,
                           rpt_comment_get_id (comment)))
        xmlAddNextSibling (mark, annotation);
    }
}

/**
 * _rpt_comments_mark_margin:
 * @doc: document XML
 * @notes: item id → what to write in the margin beside its paragraph
 *
 * Marks the paragraphs of commented items in the margin (style
 * MarginComment), for the preview: the commented places at a glance.
 */
void
_rpt_comments_mark_margin (xmlDoc *doc, GHashTable *notes)
{
  xmlNode *text = rpt_document_xml_get_text (doc);
  xmlNode *root = xmlDocGetRootElement (doc);
  xmlNs *office = xmlSearchNsByHref (doc, root, BAD_CAST RPT_NS_OFFICE);
  xmlNs *text_ns = xmlSearchNsByHref (doc, root, BAD_CAST RPT_NS_TEXT);
  g_autoptr (GHashTable) marks = NULL;
  GHashTableIter iter;
  gpointer key, value;

  if (notes == NULL || text == NULL || office == NULL || text_ns == NULL)
    return;
  marks = item_paragraph_marks (text);
  g_hash_table_iter_init (&iter, notes);
  while (g_hash_table_iter_next (&iter, &key, &value))
    {
      xmlNode *mark = g_hash_table_lookup (marks, key);
      xmlNode *para = mark, *first, *annotation, *p;

      while (para != NULL &&
             !(para->type == XML_ELEMENT_NODE &&
               (xmlStrEqual (para->name, BAD_CAST "p") || xmlStrEqual (para->name, BAD_CAST "h"))))
        para = para->parent;
      if (para == NULL)
        continue;
      first = para->children;
      while (first != NULL && first->type != XML_ELEMENT_NODE)
        first = first->next;
      /* One margin note per paragraph: a redline's mark already there
       * ("Moved from 3") says the comments too. */
      if (first != NULL && xmlStrEqual (first->name, BAD_CAST "annotation") &&
          (p = first->children) != NULL)
        {
          while (p != NULL && p->type != XML_ELEMENT_NODE)
            p = p->next;
          if (p != NULL)
            {
              if (p->children != NULL)
                xmlAddChild (p, xmlNewDocText (doc, BAD_CAST " · "));
              xmlAddChild (p, xmlNewDocText (doc, BAD_CAST value));
              continue;
            }
        }
      annotation = xmlNewDocNode (doc, office, BAD_CAST "annotation", NULL);
      p = xmlNewTextChild (annotation, text_ns, BAD_CAST "p", BAD_CAST value);
      xmlNewNsProp (p, text_ns, BAD_CAST "style-name", BAD_CAST "MarginComment");
      /* The margin mark is the paragraph's first element. */
      if (para->children != NULL)
        xmlAddPrevSibling (para->children, annotation);
      else
        xmlAddChild (para, annotation);
    }
}
