/* rpt-review.c
 *
 * Copyright 2026 The Rapporteur authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "rpt-review"

#include <glib/gi18n-lib.h>
#include <libxml/tree.h>
#include <string.h>

#include "rpt-comment-private.h"
#include "rpt-data-private.h"
#include "rpt-diff.h"
#include "rpt-document-xml.h"
#include "rpt-error.h"
#include "rpt-export.h"
#include "rpt-item-private.h"
#include "rpt-letter-xml.h"
#include "rpt-odt.h"
#include "rpt-paragraph.h"
#include "rpt-review.h"
#include "rpt-store-private.h"
#include "rpt-xml-private.h"
#include "rpt-zip-private.h"

/*
 * The review round trip (docs/review.md). A reviewer's copy is a document
 * made from a named version of the drafter's: it records that version (the
 * letter's id, the number, a checksum of its text) so that merging finds
 * the base in the drafter's document, however far the drafter has gone on
 * since. A reviewer without Rapporteur gets an ODT that records the same
 * in its metadata; the item bookmarks of the export (rpt-<id>) tie its
 * paragraphs back to items when it comes back edited.
 */

#define META_LETTER "Rapporteur letter"
#define META_VERSION "Rapporteur version"
#define META_CHECKSUM "Rapporteur checksum"
#define BOOKMARK_PREFIX "rpt-"

void
rpt_review_base_free (RptReviewBase *base)
{
  if (base == NULL)
    return;
  g_free (base->letter_id);
  g_free (base->checksum);
  g_free (base->source);
  g_free (base->reviewer);
  g_clear_pointer (&base->sent, g_date_time_unref);
  g_free (base);
}

/**
 * rpt_review_checksum:
 *
 * Returns: (transfer full): SHA-256 of the letter's canonical XML: the
 *   same letter, the same checksum
 */
char *
rpt_review_checksum (RptLetter *letter)
{
  gsize length;
  g_autofree char *xml = rpt_letter_to_xml (letter, &length);

  return g_compute_checksum_for_data (G_CHECKSUM_SHA256, (const guchar *) xml, length);
}

/* --- the copy -------------------------------------------------------- */

/* An optional table: only a reviewer's copy has it. */
static const char review_table[] = "CREATE TABLE IF NOT EXISTS review ("
                                   "  id INTEGER PRIMARY KEY CHECK (id = 1),"
                                   "  letter_id TEXT NOT NULL,"
                                   "  version INTEGER NOT NULL,"
                                   "  checksum TEXT NOT NULL,"
                                   "  source TEXT,"
                                   "  reviewer TEXT,"
                                   "  sent TEXT NOT NULL"
                                   ")";

static guint
newest_version (RptStore *store, GError **error)
{
  g_autoptr (GListModel) versions = rpt_store_list_versions (store, error);
  g_autoptr (RptVersion) newest = NULL;
  guint n;

  if (versions == NULL)
    return 0;
  n = g_list_model_get_n_items (versions);
  if (n == 0)
    return 0;
  newest = g_list_model_get_item (versions, n - 1);
  return rpt_version_get_number (newest);
}

/* The version to send: @version, or the working state kept as a new
 * version unless the newest version holds it already. */
static guint
version_to_send (RptStore *store,
                 guint version,
                 const char *author,
                 const char *reviewer,
                 GError **error)
{
  g_autoptr (RptLetter) working = NULL;
  g_autoptr (RptLetter) newest = NULL;
  g_autofree char *message = NULL;
  g_autofree char *a = NULL;
  g_autofree char *b = NULL;
  guint number;

  if (version != 0)
    return version;
  working = rpt_store_load (store, error);
  if (working == NULL)
    return 0;
  number = newest_version (store, error);
  if (number != 0)
    {
      newest = rpt_store_load_version (store, number, error);
      if (newest == NULL)
        return 0;
      a = rpt_review_checksum (working);
      b = rpt_review_checksum (newest);
      if (g_str_equal (a, b))
        return number;
    }
  if (reviewer != NULL && reviewer[0] != '\0')
    /* Translators: the message of the version a review copy is made from */
    message = g_strdup_printf (_ ("Sent for review to %s"), reviewer);
  else
    message = g_strdup (_ ("Sent for review"));
  return rpt_store_save_version (store, working, author, message, error);
}

/**
 * rpt_review_send:
 * @store: the drafter's document
 * @version: the version to send, or 0 for the working state (kept as a new
 *   version first unless the newest version holds it)
 * @author: (nullable): who sends it, for that version
 * @reviewer: (nullable): whom it is for
 * @copy_path: the reviewer's copy to create (it must not exist)
 *
 * Makes a reviewer's copy: a document with the version as its working
 * state, recording that version, and the document's comments.
 *
 * Returns: the number of the version sent, or 0 with @error set
 */
/**
 * rpt_review_keep_version:
 * @author: (nullable): who sends it
 * @reviewer: (nullable): whom it is for
 *
 * Keeps the working state as a version "Sent for review to …", unless the
 * newest version holds it already: the version a copy is made from.
 *
 * Returns: its number, or 0 with @error set
 */
guint
rpt_review_keep_version (RptStore *store, const char *author, const char *reviewer, GError **error)
{
  g_return_val_if_fail (RPT_IS_STORE (store), 0);
  return version_to_send (store, 0, author != NULL ? author : g_get_real_name (), reviewer, error);
}

guint
rpt_review_send (RptStore *store,
                 guint version,
                 const char *author,
                 const char *reviewer,
                 const char *copy_path,
                 GError **error)
{
  g_autoptr (RptLetter) letter = NULL;
  g_autoptr (RptStore) copy = NULL;
  g_autoptr (GListStore) comments = NULL;
  g_autoptr (sqlite3_stmt) stmt = NULL;
  g_autoptr (GDateTime) now = g_date_time_new_now_utc ();
  g_autofree char *sent = g_date_time_format_iso8601 (now);
  g_autofree char *checksum = NULL;
  g_autofree char *source = g_path_get_basename (rpt_store_get_path (store));
  RptSqlite *db;

  g_return_val_if_fail (RPT_IS_STORE (store), 0);
  g_return_val_if_fail (copy_path != NULL, 0);

  version =
    version_to_send (store, version, author != NULL ? author : g_get_real_name (), reviewer, error);
  if (version == 0)
    return 0;
  letter = rpt_store_load_version (store, version, error);
  if (letter == NULL)
    return 0;
  comments = rpt_comments_load (store, error);
  if (comments == NULL)
    return 0;
  checksum = rpt_review_checksum (letter);

  copy = rpt_store_create (copy_path, letter, error);
  if (copy == NULL)
    return 0;
  db = _rpt_store_get_sqlite (copy);
  if (!rpt_sqlite_begin (db, error))
    return 0;
  if (!rpt_sqlite_exec (db, review_table, error))
    goto fail;
  stmt = rpt_sqlite_prepare (db,
                             "INSERT INTO review (id, letter_id, version, checksum, source, "
                             "reviewer, sent) VALUES (1, ?, ?, ?, ?, ?, ?)",
                             error);
  if (stmt == NULL)
    goto fail;
  sqlite3_bind_text (stmt, 1, rpt_letter_get_id (letter), -1, SQLITE_TRANSIENT);
  sqlite3_bind_int64 (stmt, 2, version);
  sqlite3_bind_text (stmt, 3, checksum, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 4, source, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 5, reviewer, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 6, sent, -1, SQLITE_TRANSIENT);
  if (!rpt_sqlite_step_done (db, stmt, error) || !rpt_sqlite_commit (db, error))
    goto fail;
  for (guint i = 0; i < g_list_model_get_n_items (G_LIST_MODEL (comments)); i++)
    {
      g_autoptr (RptComment) c = g_list_model_get_item (G_LIST_MODEL (comments), i);
      if (!rpt_comments_save (copy, c, error))
        return 0;
    }
  return version;

fail:
  rpt_sqlite_rollback (db);
  return 0;
}

/**
 * rpt_review_base_load:
 * @copy: a document
 *
 * Returns: (transfer full): what @copy records of the version it was made
 *   from, or %NULL with @error set if it is not a reviewer's copy
 */
RptReviewBase *
rpt_review_base_load (RptStore *copy, GError **error)
{
  RptSqlite *db = _rpt_store_get_sqlite (copy);
  g_autoptr (sqlite3_stmt) stmt = NULL;
  g_autoptr (RptReviewBase) base = NULL;
  gint64 n = 0;
  const char *sent;

  if (db == NULL || !rpt_sqlite_get_int (db,
                                         "SELECT count(*) FROM sqlite_master WHERE type = "
                                         "'table' AND name = 'review'",
                                         &n, error))
    return NULL;
  if (n > 0)
    {
      stmt = rpt_sqlite_prepare (db,
                                 "SELECT letter_id, version, checksum, source, reviewer, sent "
                                 "FROM review WHERE id = 1",
                                 error);
      if (stmt == NULL)
        return NULL;
      if (sqlite3_step (stmt) == SQLITE_ROW)
        {
          base = g_new0 (RptReviewBase, 1);
          base->letter_id = g_strdup ((const char *) sqlite3_column_text (stmt, 0));
          base->version = (guint) CLAMP (sqlite3_column_int64 (stmt, 1), 0, G_MAXUINT);
          base->checksum = g_strdup ((const char *) sqlite3_column_text (stmt, 2));
          base->source = g_strdup ((const char *) sqlite3_column_text (stmt, 3));
          base->reviewer = g_strdup ((const char *) sqlite3_column_text (stmt, 4));
          sent = (const char *) sqlite3_column_text (stmt, 5);
          base->sent = sent != NULL ? g_date_time_new_from_iso8601 (sent, NULL) : NULL;
        }
    }
  if (base == NULL)
    {
      g_set_error (error, RPT_ERROR, RPT_ERROR_NOT_FOUND,
                   _ ("%s is not a reviewer’s copy: it does not record the version it was made "
                      "from (make copies with Send for Review)"),
                   rpt_store_get_path (copy));
      return NULL;
    }
  if (!_rpt_item_id_is_valid (base->letter_id) || base->version == 0 || base->checksum == NULL ||
      strlen (base->checksum) != 64)
    {
      g_set_error (error, RPT_ERROR, RPT_ERROR_CORRUPT,
                   _ ("%s: what it records of the version it was made from is damaged"),
                   rpt_store_get_path (copy));
      return NULL;
    }
  return g_steal_pointer (&base);
}

/**
 * rpt_review_find_base:
 * @store: the drafter's document
 *
 * Returns: (transfer full): the version the copy was made from, or %NULL
 *   with @error set if @store does not have it (another letter, another
 *   document, a version changed since)
 */
RptLetter *
rpt_review_find_base (RptStore *store, const RptReviewBase *base, GError **error)
{
  g_autoptr (GListModel) versions = NULL;
  g_autoptr (RptLetter) current = rpt_store_load (store, error);

  if (current == NULL)
    return NULL;
  if (!g_str_equal (rpt_letter_get_id (current), base->letter_id))
    {
      g_set_error (error, RPT_ERROR, RPT_ERROR_INVALID_ARGUMENT,
                   _ ("The reviewer’s copy is of another letter (id %s); %s holds the letter %s"),
                   base->letter_id, rpt_store_get_path (store), rpt_letter_get_id (current));
      return NULL;
    }
  versions = rpt_store_list_versions (store, error);
  if (versions == NULL)
    return NULL;
  /* The recorded number first; then any version with the same text, should
   * the copy have come from another copy of this document. */
  for (guint pass = 0; pass < 2; pass++)
    for (guint i = 0; i < g_list_model_get_n_items (versions); i++)
      {
        g_autoptr (RptVersion) v = g_list_model_get_item (versions, i);
        g_autoptr (RptLetter) letter = NULL;
        g_autofree char *checksum = NULL;

        if ((pass == 0) != (rpt_version_get_number (v) == base->version))
          continue;
        letter = rpt_store_load_version (store, rpt_version_get_number (v), error);
        if (letter == NULL)
          return NULL;
        checksum = rpt_review_checksum (letter);
        if (g_str_equal (checksum, base->checksum))
          return g_steal_pointer (&letter);
      }
  g_set_error (error, RPT_ERROR, RPT_ERROR_NOT_FOUND,
               _ ("The reviewer’s copy was made from version %u of %s, which %s does not have "
                  "as it was: merge it into the document it came from"),
               base->version, base->source != NULL ? base->source : _ ("another document"),
               rpt_store_get_path (store));
  return NULL;
}

/* --- the ODT for a reviewer without Rapporteur ------------------------- */

static void
add_user_defined (xmlDoc *doc, const char *name, const char *value)
{
  xmlNode *root = xmlDocGetRootElement (doc);
  xmlNs *meta_ns = xmlSearchNsByHref (doc, root, BAD_CAST RPT_NS_META);
  xmlNode *meta = NULL;
  xmlNode *field;

  for (xmlNode *c = root->children; c != NULL && meta == NULL; c = c->next)
    if (c->type == XML_ELEMENT_NODE && xmlStrEqual (c->name, BAD_CAST "meta"))
      meta = c;
  if (meta == NULL || meta_ns == NULL)
    return;
  field = xmlNewTextChild (meta, meta_ns, BAD_CAST "user-defined", BAD_CAST value);
  xmlNewNsProp (field, meta_ns, BAD_CAST "name", BAD_CAST name);
}

/**
 * rpt_review_build_odt:
 * @store: the drafter's document
 * @version: the version to send, or 0 for the working state (kept as a
 *   version first unless the newest holds it)
 * @comments: (nullable) (element-type RptComment): comments to carry as
 *   ODF annotations
 * @author: (nullable): who sends it
 *
 * The letter as an ODT for a reviewer without Rapporteur: the export, with
 * the version it is made from in its metadata and the comments as
 * annotations. Edited in LibreOffice, it comes back as a reviewer's copy
 * (rpt_review_read_odt()).
 *
 * Returns: (transfer full): the ODT, or %NULL with @error set
 */
GBytes *
rpt_review_build_odt (RptStore *store,
                      guint version,
                      GListModel *comments,
                      const char *author,
                      GError **error)
{
  g_autoptr (RptLetter) letter = NULL;
  g_autoptr (RptExport) export = NULL;
  g_autoptr (GBytes) xml = NULL;
  g_autoptr (GDateTime) now = g_date_time_new_now_utc ();
  g_autofree char *checksum = NULL;
  g_autofree char *number = NULL;
  xmlDoc *doc;
  GBytes *odt;
  gsize length;
  const char *data;

  version =
    version_to_send (store, version, author != NULL ? author : g_get_real_name (), NULL, error);
  if (version == 0)
    return NULL;
  letter = rpt_store_load_version (store, version, error);
  if (letter == NULL)
    return NULL;
  export = rpt_export_new (letter);
  xml = rpt_export_run (export, RPT_EXPORT_FORMAT_DOCUMENT_XML, error);
  if (xml == NULL)
    return NULL;
  data = g_bytes_get_data (xml, &length);
  doc = rpt_document_xml_read (data, (gssize) length, "document.xml", error);
  if (doc == NULL)
    return NULL;
  checksum = rpt_review_checksum (letter);
  number = g_strdup_printf ("%u", version);
  add_user_defined (doc, META_LETTER, rpt_letter_get_id (letter));
  add_user_defined (doc, META_VERSION, number);
  add_user_defined (doc, META_CHECKSUM, checksum);
  _rpt_comments_annotate (doc, comments);
  odt = rpt_odt_build (doc, author, now, error);
  xmlFreeDoc (doc);
  return odt;
}

/* --- reading an ODT back ------------------------------------------------ */

#define MAX_PART_SIZE (64 * 1024 * 1024)

static xmlDoc *
read_part (const char *path, const char *name, GError **error)
{
  g_autofree char *data = NULL;
  g_autofree char *where = NULL;
  gsize length = 0;

  switch (_rpt_zip_read (path, name, MAX_PART_SIZE, &data, &length))
    {
    case RPT_ZIP_READ_OK:
      where = g_strdup_printf ("%s:%s", path, name);
      return _rpt_xml_read (data, length, where, error);
    case RPT_ZIP_READ_NOT_ZIP:
      g_set_error (error, RPT_ERROR, RPT_ERROR_PARSE,
                   _ ("%s is not an ODT document (not a zip package)"), path);
      return NULL;
    case RPT_ZIP_READ_NO_ENTRY:
      g_set_error (error, RPT_ERROR, RPT_ERROR_PARSE, _ ("%s is not an ODT document (no %s)"), path,
                   name);
      return NULL;
    case RPT_ZIP_READ_TOO_LARGE:
      g_set_error (error, RPT_ERROR, RPT_ERROR_UNSAFE, _ ("%s: %s is too large"), path, name);
      return NULL;
    case RPT_ZIP_READ_UNREADABLE:
    default:
      g_set_error (error, RPT_ERROR, RPT_ERROR_PARSE, _ ("%s: %s cannot be read"), path, name);
      return NULL;
    }
}

static gboolean
is (xmlNode *node, const char *ns, const char *name)
{
  return node != NULL && node->type == XML_ELEMENT_NODE && node->ns != NULL &&
         xmlStrEqual (node->ns->href, BAD_CAST ns) && xmlStrEqual (node->name, BAD_CAST name);
}

static char *
attr (xmlNode *node, const char *ns, const char *name)
{
  return (char *) xmlGetNsProp (node, BAD_CAST name, BAD_CAST ns);
}

/**
 * rpt_review_base_from_odt:
 * @path: an ODT exported for review (rpt_review_build_odt())
 *
 * Returns: (transfer full): the version it was made from, or %NULL with
 *   @error set if it does not say (not exported for review by Rapporteur)
 */
RptReviewBase *
rpt_review_base_from_odt (const char *path, GError **error)
{
  xmlDoc *doc = read_part (path, "meta.xml", error);
  g_autoptr (RptReviewBase) base = NULL;
  xmlNode *root;
  guint64 version = 0;

  if (doc == NULL)
    return NULL;
  base = g_new0 (RptReviewBase, 1);
  root = xmlDocGetRootElement (doc);
  for (xmlNode *meta = root != NULL ? root->children : NULL; meta != NULL; meta = meta->next)
    if (is (meta, RPT_NS_OFFICE, "meta"))
      for (xmlNode *c = meta->children; c != NULL; c = c->next)
        if (is (c, RPT_NS_META, "user-defined"))
          {
            g_autofree char *name = attr (c, RPT_NS_META, "name");
            g_autofree char *value = (char *) xmlNodeGetContent (c);
            if (g_strcmp0 (name, META_LETTER) == 0)
              {
                g_free (base->letter_id);
                base->letter_id = g_strdup (value);
              }
            else if (g_strcmp0 (name, META_VERSION) == 0 && value != NULL)
              g_ascii_string_to_unsigned (value, 10, 1, G_MAXUINT, &version, NULL);
            else if (g_strcmp0 (name, META_CHECKSUM) == 0)
              {
                g_free (base->checksum);
                base->checksum = g_strdup (value);
              }
          }
  xmlFreeDoc (doc);
  base->version = (guint) version;
  base->source = g_path_get_basename (path);
  if (!_rpt_item_id_is_valid (base->letter_id) || base->version == 0 || base->checksum == NULL ||
      strlen (base->checksum) != 64)
    {
      g_set_error (error, RPT_ERROR, RPT_ERROR_NOT_FOUND,
                   _ ("%s does not say which version of the letter it was made from: export it "
                      "for review from Rapporteur (Send for Review), edit it, and merge that"),
                   path);
      return NULL;
    }
  return g_steal_pointer (&base);
}

/* Automatic text styles (T1…) of the edited document: bold or italic. */
typedef struct
{
  GHashTable *text_flags;   /* style name → RptRunFlags + 1 */
  GHashTable *paragraph_of; /* automatic paragraph style → its parent */
} Styles;

static void
read_styles (xmlDoc *doc, Styles *styles)
{
  xmlNode *root = xmlDocGetRootElement (doc);

  for (xmlNode *s = root->children; s != NULL; s = s->next)
    if (is (s, RPT_NS_OFFICE, "automatic-styles"))
      for (xmlNode *c = s->children; c != NULL; c = c->next)
        {
          g_autofree char *name = NULL;
          g_autofree char *family = NULL;
          RptRunFlags flags = 0;

          if (!is (c, RPT_NS_STYLE, "style"))
            continue;
          name = attr (c, RPT_NS_STYLE, "name");
          family = attr (c, RPT_NS_STYLE, "family");
          if (name == NULL)
            continue;
          if (g_strcmp0 (family, "paragraph") == 0)
            {
              char *parent = attr (c, RPT_NS_STYLE, "parent-style-name");
              if (parent != NULL)
                g_hash_table_insert (styles->paragraph_of, g_steal_pointer (&name), parent);
              continue;
            }
          if (g_strcmp0 (family, "text") != 0)
            continue;
          {
            g_autofree char *parent = attr (c, RPT_NS_STYLE, "parent-style-name");
            if (g_strcmp0 (parent, "Bold") == 0)
              flags |= RPT_RUN_BOLD;
            else if (g_strcmp0 (parent, "Italic") == 0)
              flags |= RPT_RUN_ITALIC;
          }
          for (xmlNode *p = c->children; p != NULL; p = p->next)
            if (is (p, RPT_NS_STYLE, "text-properties"))
              {
                g_autofree char *weight = attr (p, RPT_NS_FO, "font-weight");
                g_autofree char *style = attr (p, RPT_NS_FO, "font-style");
                if (weight != NULL)
                  flags = g_str_equal (weight, "bold") || atoi (weight) >= 600
                            ? flags | RPT_RUN_BOLD
                            : flags & ~RPT_RUN_BOLD;
                if (style != NULL)
                  flags = g_str_equal (style, "italic") || g_str_equal (style, "oblique")
                            ? flags | RPT_RUN_ITALIC
                            : flags & ~RPT_RUN_ITALIC;
              }
          g_hash_table_insert (styles->text_flags, g_steal_pointer (&name),
                               GUINT_TO_POINTER (flags + 1));
        }
}

static RptRunFlags
span_flags (Styles *styles, xmlNode *span, RptRunFlags flags)
{
  g_autofree char *name = attr (span, RPT_NS_TEXT, "style-name");
  gpointer found;

  if (name == NULL)
    return flags;
  if (g_str_equal (name, "Bold"))
    return flags | RPT_RUN_BOLD;
  if (g_str_equal (name, "Italic"))
    return flags | RPT_RUN_ITALIC;
  found = g_hash_table_lookup (styles->text_flags, name);
  return found != NULL ? (RptRunFlags) (GPOINTER_TO_UINT (found) - 1) | flags : flags;
}

/* An annotation of LibreOffice's, as it is read. */
typedef struct
{
  char *name; /* office:name, for a range ended by office:annotation-end */
  char *author;
  char *date;
  char *text;
  GString *quote; /* the text of its range */
  gboolean open;
} Note;

static void
note_free (Note *n)
{
  g_free (n->name);
  g_free (n->author);
  g_free (n->date);
  g_free (n->text);
  g_string_free (n->quote, TRUE);
  g_free (n);
}

/* A paragraph of the edited document: its item (by bookmark), its style,
 * its words (a footnote is a token holding its text as inline markup, as
 * rpt_tokenize_markup() makes it), and its annotations. */
typedef struct
{
  char *key;
  char *style;
  gboolean in_list;
  GPtrArray *tokens;
  GPtrArray *notes; /* of Note */
  char *plain;
} Para;

static void
para_free (Para *p)
{
  g_free (p->key);
  g_free (p->style);
  g_ptr_array_unref (p->tokens);
  g_ptr_array_unref (p->notes);
  g_free (p->plain);
  g_free (p);
}

typedef struct
{
  Styles *styles;
  Para *para;
  GString *pending;
  RptRunFlags pending_flags;
  char *pending_href;
  gboolean after_space;
  gboolean in_note;
  GString *note_markup; /* a footnote being read, as markup */
} Reader;

static void
flush (Reader *r)
{
  if (r->pending->len > 0)
    rpt_tokenize_text (r->para->tokens, r->pending->str, (gssize) r->pending->len, r->pending_flags,
                       r->pending_href);
  g_string_truncate (r->pending, 0);
}

static void
quote_text (Reader *r, const char *text)
{
  for (guint i = 0; i < r->para->notes->len; i++)
    {
      Note *n = g_ptr_array_index (r->para->notes, i);
      if (n->open)
        g_string_append (n->quote, text);
    }
}

static void
add_text (Reader *r, const char *text, RptRunFlags flags, const char *href, gboolean literal)
{
  if (r->in_note)
    {
      /* A footnote's own words, as inline markup. */
      g_autofree char *collapsed = literal ? g_strdup (text) : rpt_xml_collapse_space (text);
      if (flags & RPT_RUN_BOLD)
        g_string_append (r->note_markup, "<b>");
      if (flags & RPT_RUN_ITALIC)
        g_string_append (r->note_markup, "<i>");
      rpt_markup_append_escaped (r->note_markup, collapsed, -1, FALSE);
      if (flags & RPT_RUN_ITALIC)
        g_string_append (r->note_markup, "</i>");
      if (flags & RPT_RUN_BOLD)
        g_string_append (r->note_markup, "</b>");
      return;
    }
  if (r->pending->len > 0 && (flags != r->pending_flags || g_strcmp0 (href, r->pending_href) != 0))
    flush (r);
  r->pending_flags = flags;
  g_free (r->pending_href);
  r->pending_href = g_strdup (href);
  if (literal)
    {
      g_string_append (r->pending, text);
      quote_text (r, text);
      r->after_space = FALSE;
      return;
    }
  for (const char *p = text; *p != '\0'; p++)
    {
      if (*p == ' ' || *p == '\t' || *p == '\n' || *p == '\r')
        {
          if (!r->after_space)
            {
              g_string_append_c (r->pending, ' ');
              quote_text (r, " ");
            }
          r->after_space = TRUE;
        }
      else
        {
          char c[2] = { *p, '\0' };
          g_string_append_c (r->pending, *p);
          quote_text (r, c);
          r->after_space = FALSE;
        }
    }
}

static char *
annotation_text (xmlNode *annotation)
{
  g_autoptr (GString) out = g_string_new (NULL);

  for (xmlNode *c = annotation->children; c != NULL; c = c->next)
    if (is (c, RPT_NS_TEXT, "p"))
      {
        g_autofree char *line = (char *) xmlNodeGetContent (c);
        if (out->len > 0)
          g_string_append_c (out, '\n');
        g_string_append (out, line != NULL ? line : "");
      }
  return g_string_free (g_steal_pointer (&out), FALSE);
}

static void read_inline (Reader *r, xmlNode *parent, RptRunFlags flags, const char *href);

static void
read_note (Reader *r, xmlNode *note)
{
  for (xmlNode *c = note->children; c != NULL; c = c->next)
    if (is (c, RPT_NS_TEXT, "note-body"))
      for (xmlNode *p = c->children; p != NULL; p = p->next)
        if (is (p, RPT_NS_TEXT, "p"))
          {
            if (r->note_markup->len > 0)
              g_string_append (r->note_markup, " ");
            read_inline (r, p, 0, NULL);
          }
}

static void
read_inline (Reader *r, xmlNode *parent, RptRunFlags flags, const char *href)
{
  for (xmlNode *c = parent->children; c != NULL; c = c->next)
    {
      if (c->type == XML_TEXT_NODE)
        add_text (r, (const char *) c->content, flags, href, FALSE);
      else if (is (c, RPT_NS_TEXT, "span"))
        read_inline (r, c, span_flags (r->styles, c, flags), href);
      else if (is (c, RPT_NS_TEXT, "a"))
        {
          g_autofree char *target = attr (c, RPT_NS_XLINK, "href");
          read_inline (r, c, flags, target);
        }
      else if (is (c, RPT_NS_TEXT, "s"))
        {
          g_autofree char *count = attr (c, RPT_NS_TEXT, "c");
          guint64 n = 1;
          if (count != NULL)
            g_ascii_string_to_unsigned (count, 10, 1, 10000, &n, NULL);
          for (guint64 i = 0; i < n; i++)
            add_text (r, " ", flags, href, TRUE);
        }
      else if (is (c, RPT_NS_TEXT, "tab"))
        add_text (r, "\t", flags, href, TRUE);
      else if (is (c, RPT_NS_TEXT, "line-break"))
        add_text (r, "\n", flags, href, TRUE);
      else if (is (c, RPT_NS_TEXT, "note") && !r->in_note)
        {
          flush (r);
          r->in_note = TRUE;
          g_string_truncate (r->note_markup, 0);
          read_note (r, c);
          r->in_note = FALSE;
          g_ptr_array_add (r->para->tokens,
                           rpt_token_new (RPT_TOKEN_NOTE, r->note_markup->str, -1, 0, NULL));
        }
      else if ((is (c, RPT_NS_TEXT, "bookmark") || is (c, RPT_NS_TEXT, "bookmark-start")) &&
               r->para->key == NULL && !r->in_note)
        {
          g_autofree char *name = attr (c, RPT_NS_TEXT, "name");
          if (name != NULL && g_str_has_prefix (name, BOOKMARK_PREFIX) &&
              _rpt_item_id_is_valid (name + strlen (BOOKMARK_PREFIX)))
            r->para->key = g_strdup (name + strlen (BOOKMARK_PREFIX));
        }
      else if (is (c, RPT_NS_OFFICE, "annotation") && !r->in_note)
        {
          Note *n = g_new0 (Note, 1);
          n->name = attr (c, RPT_NS_OFFICE, "name");
          for (xmlNode *k = c->children; k != NULL; k = k->next)
            if (is (k, RPT_NS_DC, "creator"))
              n->author = (char *) xmlNodeGetContent (k);
            else if (is (k, RPT_NS_DC, "date"))
              n->date = (char *) xmlNodeGetContent (k);
          n->text = annotation_text (c);
          n->quote = g_string_new (NULL);
          n->open = n->name != NULL;
          g_ptr_array_add (r->para->notes, n);
        }
      else if (is (c, RPT_NS_OFFICE, "annotation-end"))
        {
          g_autofree char *name = attr (c, RPT_NS_OFFICE, "name");
          for (guint i = 0; i < r->para->notes->len; i++)
            {
              Note *n = g_ptr_array_index (r->para->notes, i);
              if (n->open && g_strcmp0 (n->name, name) == 0)
                n->open = FALSE;
            }
        }
      /* Tracked changes: the text is as accepted (deletions are not in the
       * body, insertions are); their marks, soft page breaks and the rest
       * hold no words. */
    }
}

static void
collect (Styles *styles, xmlNode *node, gboolean in_list, GPtrArray *paras)
{
  for (xmlNode *c = node->children; c != NULL; c = c->next)
    {
      if (is (c, RPT_NS_TEXT, "p") || is (c, RPT_NS_TEXT, "h"))
        {
          Para *p = g_new0 (Para, 1);
          Reader r = { styles, p, g_string_new (NULL), 0, NULL, TRUE, FALSE, g_string_new (NULL) };
          g_autofree char *style = attr (c, RPT_NS_TEXT, "style-name");
          const char *parent =
            style != NULL ? g_hash_table_lookup (styles->paragraph_of, style) : NULL;

          p->style = g_strdup (parent != NULL ? parent : style);
          p->in_list = in_list;
          p->tokens = g_ptr_array_new_with_free_func ((GDestroyNotify) rpt_token_free);
          p->notes = g_ptr_array_new_with_free_func ((GDestroyNotify) note_free);
          read_inline (&r, c, 0, NULL);
          flush (&r);
          if (p->tokens->len > 0)
            {
              RptToken *last = g_ptr_array_index (p->tokens, p->tokens->len - 1);
              if (last->kind == RPT_TOKEN_SPACE && r.after_space)
                g_ptr_array_remove_index (p->tokens, p->tokens->len - 1);
            }
          {
            GString *plain = g_string_new (NULL);
            for (guint i = 0; i < p->tokens->len; i++)
              {
                RptToken *t = g_ptr_array_index (p->tokens, i);
                if (t->kind != RPT_TOKEN_NOTE)
                  g_string_append (plain, t->text);
              }
            p->plain = g_string_free (plain, FALSE);
          }
          g_string_free (r.pending, TRUE);
          g_string_free (r.note_markup, TRUE);
          g_free (r.pending_href);
          g_ptr_array_add (paras, p);
        }
      else if (is (c, RPT_NS_TEXT, "list") || is (c, RPT_NS_TEXT, "list-item") ||
               is (c, RPT_NS_TEXT, "list-header"))
        collect (styles, c, TRUE, paras);
      else if (c->type == XML_ELEMENT_NODE && !is (c, RPT_NS_TEXT, "tracked-changes") &&
               !is (c, RPT_NS_TEXT, "sequence-decls") && !is (c, RPT_NS_OFFICE, "forms"))
        /* Sections and the like hold paragraphs; change records do not. */
        collect (styles, c, in_list, paras);
    }
}

static GPtrArray *
read_paragraphs (xmlDoc *content, xmlDoc *document_xml)
{
  Styles styles = { g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL),
                    g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free) };
  GPtrArray *paras = g_ptr_array_new_with_free_func ((GDestroyNotify) para_free);
  xmlNode *text = NULL;
  xmlNode *root = xmlDocGetRootElement (content);

  if (document_xml == NULL)
    read_styles (content, &styles);
  for (xmlNode *b = root != NULL ? root->children : NULL; b != NULL && text == NULL; b = b->next)
    if (is (b, RPT_NS_OFFICE, "body"))
      for (xmlNode *t = b->children; t != NULL; t = t->next)
        if (is (t, RPT_NS_OFFICE, "text"))
          text = t;
  if (text != NULL)
    collect (&styles, text, FALSE, paras);
  g_hash_table_unref (styles.text_flags);
  g_hash_table_unref (styles.paragraph_of);
  return paras;
}

/* --- placing the reviewer's paragraphs --------------------------------- */

static gboolean
tokens_equal (const RptToken *a, const RptToken *b)
{
  return a->kind == b->kind && strcmp (a->text, b->text) == 0 && rpt_token_same_format (a, b);
}

/* Where the item's own tokens sit in its paragraph (the template may put
 * words before them, as before the first concern): the item's tokens up to
 * the first that the letter renders otherwise (a treaty status). */
static gboolean
locate_item (GPtrArray *para, GPtrArray *item, guint *start, guint *end)
{
  guint n = 0;

  while (n < item->len &&
         ((RptToken *) g_ptr_array_index (item, n))->kind != RPT_TOKEN_TREATY_STATUS)
    n++;
  if (n < item->len)
    return FALSE; /* a treaty status: the paragraph is not the item's text */
  if (n > para->len)
    return FALSE;
  for (guint s = para->len - n + 1; s-- > 0;)
    {
      gboolean match = TRUE;
      for (guint k = 0; k < n && match; k++)
        match = tokens_equal (g_ptr_array_index (para, s + k), g_ptr_array_index (item, k));
      if (match)
        {
          *start = s;
          *end = s + n;
          return TRUE;
        }
    }
  return FALSE;
}

typedef struct
{
  GPtrArray *a;
  GPtrArray *b;
} Seqs;

static gboolean
strict_cb (guint i, guint j, gpointer user_data)
{
  Seqs *s = user_data;
  return tokens_equal (g_ptr_array_index (s->a, i), g_ptr_array_index (s->b, j));
}

static GArray *
hunks_of (GPtrArray *a, GPtrArray *b)
{
  g_autofree guint *ha = g_new (guint, MAX (a->len, 1));
  g_autofree guint *hb = g_new (guint, MAX (b->len, 1));
  Seqs s = { a, b };

  for (guint i = 0; i < a->len; i++)
    ha[i] = ((RptToken *) g_ptr_array_index (a, i))->hash;
  for (guint i = 0; i < b->len; i++)
    hb[i] = ((RptToken *) g_ptr_array_index (b, i))->hash;
  return rpt_diff_sequences (ha, a->len, hb, b->len, strict_cb, &s);
}

static char *
excerpt (const char *text)
{
  glong n = g_utf8_strlen (text, -1);
  g_autofree char *start = n > 60 ? g_utf8_substring (text, 0, 60) : g_strdup (text);

  return g_strdup_printf (n > 60 ? "“%s…”" : "“%s”", start);
}

/* The item's new words: the reviewer's edits that fall inside the item's
 * own words apply; edits of the template's words around them cannot be
 * placed in the letter and are reported. */
static char *
edit_item_text (GPtrArray *base_para,
                GPtrArray *edited,
                const char *item_markup,
                const char *label,
                GPtrArray *unplaced)
{
  g_autoptr (GPtrArray) item = rpt_tokenize_markup (item_markup, NULL);
  g_autoptr (GArray) hunks = NULL;
  g_autoptr (GPtrArray) out = NULL;
  guint rs, re, pos;

  if (item == NULL)
    return NULL;
  if (!locate_item (base_para, item, &rs, &re))
    {
      /* Translators: %s names an item ("Fact 3") */
      g_ptr_array_add (unplaced, g_strdup_printf (_ ("%s: its text in the letter could not be "
                                                     "matched with the letter’s data; the "
                                                     "reviewer’s text is kept as a comment"),
                                                  label));
      return NULL;
    }
  hunks = hunks_of (base_para, edited);
  out = g_ptr_array_new_with_free_func ((GDestroyNotify) rpt_token_free);
  pos = rs;
  for (guint h = 0; h < hunks->len; h++)
    {
      const RptDiffHunk *hunk = &g_array_index (hunks, RptDiffHunk, h);
      guint as = hunk->a_start, ae = hunk->a_start + hunk->a_len;

      if (hunk->equal || ae < rs || as > re)
        {
          if (!hunk->equal)
            {
              g_autofree char *words = NULL;
              GString *s = g_string_new (NULL);
              for (guint k = hunk->b_start; k < hunk->b_start + hunk->b_len; k++)
                g_string_append (s, ((RptToken *) g_ptr_array_index (edited, k))->text);
              words = g_string_free (s, FALSE);
              g_ptr_array_add (unplaced,
                               g_strdup_printf (_ ("%s: words the template writes were changed "
                                                   "(“%s”); change the letter’s data instead"),
                                                label, words));
            }
          continue;
        }
      /* An edit inside (or at the edge of) the item's words. */
      for (guint k = MAX (pos, rs); k < MAX (as, rs); k++)
        {
          const RptToken *t = g_ptr_array_index (base_para, k);
          g_ptr_array_add (out, rpt_token_new (t->kind, t->text, -1, t->flags, t->href));
        }
      if (as < rs || ae > re)
        g_ptr_array_add (unplaced,
                         g_strdup_printf (_ ("%s: an edit ran into the words the template "
                                             "writes; only the letter’s own words took it"),
                                          label));
      for (guint k = hunk->b_start; k < hunk->b_start + hunk->b_len; k++)
        {
          const RptToken *t = g_ptr_array_index (edited, k);
          g_ptr_array_add (out, rpt_token_new (t->kind, t->text, -1, t->flags, t->href));
        }
      pos = MAX (pos, MIN (ae, re));
    }
  for (guint k = pos; k < re; k++)
    {
      const RptToken *t = g_ptr_array_index (base_para, k);
      g_ptr_array_add (out, rpt_token_new (t->kind, t->text, -1, t->flags, t->href));
    }
  return rpt_tokens_dup_markup (out, 0, out->len);
}

static double
word_similarity (const char *a, const char *b)
{
  g_autoptr (GPtrArray) ta = g_ptr_array_new_with_free_func ((GDestroyNotify) rpt_token_free);
  g_autoptr (GPtrArray) tb = g_ptr_array_new_with_free_func ((GDestroyNotify) rpt_token_free);
  g_autoptr (RptTextDiff) diff = NULL;
  guint wa = 0, wb = 0, deleted, inserted, reformatted;

  rpt_tokenize_text (ta, a, -1, 0, NULL);
  rpt_tokenize_text (tb, b, -1, 0, NULL);
  for (guint i = 0; i < ta->len; i++)
    wa += ((RptToken *) g_ptr_array_index (ta, i))->kind == RPT_TOKEN_WORD;
  for (guint i = 0; i < tb->len; i++)
    wb += ((RptToken *) g_ptr_array_index (tb, i))->kind == RPT_TOKEN_WORD;
  if (wa + wb == 0)
    return 1;
  diff = rpt_text_diff_new_for_tokens (g_steal_pointer (&ta), g_steal_pointer (&tb));
  rpt_text_diff_count_words (diff, &deleted, &inserted, &reformatted);
  return (double) (wa + wb - deleted - inserted) / (wa + wb);
}

static gboolean
same_paragraph (Para *a, Para *b)
{
  if (a->tokens->len != b->tokens->len)
    return FALSE;
  for (guint i = 0; i < a->tokens->len; i++)
    if (!tokens_equal (g_ptr_array_index (a->tokens, i), g_ptr_array_index (b->tokens, i)))
      return FALSE;
  return TRUE;
}

static gboolean
is_paragraph_part (RptPart part)
{
  return part == RPT_PART_PROFILE || part == RPT_PART_FACTS || part == RPT_PART_CONCERNS ||
         part == RPT_PART_QUESTIONS || part == RPT_PART_ANNEX;
}

static void
add_comment (GListStore *comments, const char *item_id, Note *n)
{
  g_autoptr (RptComment) c = NULL;
  g_autoptr (GDateTime) when = NULL;

  if (comments == NULL)
    return;
  if (n->date != NULL)
    {
      g_autoptr (GTimeZone) utc = g_time_zone_new_utc ();
      when = g_date_time_new_from_iso8601 (n->date, utc);
    }
  c = g_object_new (RPT_TYPE_COMMENT, "item-id", item_id, "author",
                    n->author != NULL && n->author[0] != '\0' ? n->author : _ ("Reviewer"), "text",
                    n->text, "quote", n->quote->len > 0 ? n->quote->str : NULL, "created", when,
                    NULL);
  g_list_store_append (comments, c);
}

/**
 * rpt_review_read_odt:
 * @path: an ODT exported for review and edited (LibreOffice, Word…), with
 *   or without tracked changes
 * @base: the version it was exported from (rpt_review_find_base())
 * @comments: (nullable): where to add its comments (annotations), as
 *   #RptComment
 * @unplaced: (element-type utf8): where to add what could not be placed in
 *   the letter, one sentence each
 *
 * Reads a reviewer's edited ODT as a reviewer's copy: the export's
 * bookmarks tie paragraphs to items; an edited paragraph is an edit of its
 * item, a new paragraph a new item where it stands, a paragraph gone a
 * removed item, annotations comments. Tracked changes are read as
 * accepted: every change in it is the reviewer's, to merge. What cannot be
 * placed (edits of the template's own words, paragraphs outside any part)
 * is reported in @unplaced and kept as a comment on the letter, never
 * dropped.
 *
 * Returns: (transfer full): the reviewer's letter, or %NULL with @error set
 */
RptLetter *
rpt_review_read_odt (const char *path,
                     RptLetter *base,
                     GListStore *comments,
                     GPtrArray *unplaced,
                     GError **error)
{
  g_autoptr (RptExport) export = NULL;
  g_autoptr (GBytes) document = NULL;
  g_autoptr (GPtrArray) old_paras = NULL;
  g_autoptr (GPtrArray) new_paras = NULL;
  g_autoptr (RptLetter) theirs = NULL;
  g_autoptr (GHashTable) seen = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr (GHashTable) old_by_key = g_hash_table_new (g_str_hash, g_str_equal);
  xmlDoc *content, *doc_xml;
  gsize length;
  const char *data;
  gsize mark = unplaced->len;

  g_return_val_if_fail (RPT_IS_LETTER (base), NULL);

  content = read_part (path, "content.xml", error);
  if (content == NULL)
    return NULL;
  /* The base as it was exported: the same templates make the same words. */
  export = rpt_export_new (base);
  document = rpt_export_run (export, RPT_EXPORT_FORMAT_DOCUMENT_XML, error);
  if (document == NULL)
    {
      xmlFreeDoc (content);
      return NULL;
    }
  data = g_bytes_get_data (document, &length);
  doc_xml = rpt_document_xml_read (data, (gssize) length, "document.xml", error);
  if (doc_xml == NULL)
    {
      xmlFreeDoc (content);
      return NULL;
    }
  old_paras = read_paragraphs (doc_xml, doc_xml);
  new_paras = read_paragraphs (content, NULL);
  xmlFreeDoc (content);
  xmlFreeDoc (doc_xml);
  {
    gsize xml_length;
    g_autofree char *xml = rpt_letter_to_xml (base, &xml_length);
    theirs = rpt_letter_new_from_xml (xml, (gssize) xml_length, "base.xml", error);
    if (theirs == NULL)
      return NULL;
  }
  for (guint i = 0; i < old_paras->len; i++)
    {
      Para *p = g_ptr_array_index (old_paras, i);
      if (p->key != NULL)
        g_hash_table_insert (old_by_key, p->key, p);
    }

  /* Paragraphs the reviewer kept (by bookmark): edits and order. */
  for (guint i = 0; i < new_paras->len; i++)
    {
      Para *p = g_ptr_array_index (new_paras, i);
      Para *old = p->key != NULL ? g_hash_table_lookup (old_by_key, p->key) : NULL;
      RptPart part;
      gpointer item;
      g_autofree char *label = NULL;

      if (old == NULL || g_hash_table_contains (seen, p->key))
        {
          g_clear_pointer (&p->key, g_free); /* a new paragraph, or a bookmark copied */
          continue;
        }
      g_hash_table_add (seen, p->key);
      item = rpt_letter_find_item (theirs, p->key, &part, NULL);
      if (item == NULL || !is_paragraph_part (part))
        continue;
      {
        g_autofree char *name = rpt_letter_dup_item_label (theirs, p->key);
        g_autofree char *words = excerpt (old->plain);
        label = g_strdup_printf ("%s %s", name, words);
      }
      if (!same_paragraph (old, p))
        {
          g_autofree char *markup =
            edit_item_text (old->tokens, p->tokens, rpt_paragraph_get_text (item), label, unplaced);
          if (markup != NULL)
            rpt_paragraph_set_text (item, markup);
        }
    }

  /* Items whose paragraph is gone were removed; new paragraphs are new
   * items where they stand: after the item before them, in its part. */
  for (guint p = 0; p < RPT_N_PARTS; p++)
    {
      if (!is_paragraph_part ((RptPart) p))
        continue;
      for (guint k = rpt_letter_get_n_items (theirs, (RptPart) p); k-- > 0;)
        {
          const char *id = rpt_letter_item_get_id (rpt_letter_get_item (theirs, (RptPart) p, k));
          if (g_hash_table_contains (old_by_key, id) && !g_hash_table_contains (seen, id))
            rpt_letter_remove_item (theirs, (RptPart) p, k);
        }
    }
  {
    const char *last_key = NULL; /* the item paragraph before, in the edited document */
    guint old_index = 0;         /* the base paragraph matched last */

    for (guint i = 0; i < new_paras->len; i++)
      {
        Para *p = g_ptr_array_index (new_paras, i);
        RptPart part;
        guint position;
        gboolean template = FALSE;

        if (p->key != NULL)
          {
            last_key = p->key;
            for (guint k = old_index; k < old_paras->len; k++)
              if (g_strcmp0 (((Para *) g_ptr_array_index (old_paras, k))->key, p->key) == 0)
                old_index = k + 1;
          }
        else
          {
            /* One of the template's paragraphs, as it was or nearly? */
            for (guint k = old_index; k < old_paras->len && !template; k++)
              {
                Para *o = g_ptr_array_index (old_paras, k);
                if (o->key == NULL && g_strcmp0 (o->style, p->style) == 0 &&
                    word_similarity (o->plain, p->plain) >= 0.6)
                  {
                    template = TRUE;
                    if (!g_str_equal (o->plain, p->plain))
                      {
                        g_autofree char *was = excerpt (o->plain);
                        g_autofree char *now = excerpt (p->plain);
                        g_ptr_array_add (unplaced,
                                         g_strdup_printf (_ ("The template’s paragraph %s was "
                                                             "changed to %s; change the letter’s "
                                                             "data instead"),
                                                          was, now));
                      }
                    old_index = k + 1;
                    last_key = NULL;
                  }
              }
            if (!template && p->plain[0] != '\0')
              {
                /* A new paragraph: in the part of the item before it, or of
                 * the item after it when it opens a part. */
                const char *anchor = last_key;
                gboolean before = FALSE;
                gpointer item;

                if (anchor == NULL)
                  for (guint k = i + 1; k < new_paras->len && anchor == NULL; k++)
                    {
                      Para *next = g_ptr_array_index (new_paras, k);
                      if (next->key != NULL)
                        anchor = next->key, before = TRUE;
                      else if (next->plain[0] != '\0')
                        break;
                    }
                item =
                  anchor != NULL ? rpt_letter_find_item (theirs, anchor, &part, &position) : NULL;
                if (item != NULL && is_paragraph_part (part))
                  {
                    g_autofree char *markup = rpt_tokens_dup_markup (p->tokens, 0, p->tokens->len);
                    g_autoptr (RptParagraph) added = rpt_paragraph_new (markup);
                    rpt_letter_insert_item (theirs, part, before ? position : position + 1, added);
                    /* Its place among the reviewer's paragraphs, from now on. */
                    p->key = g_strdup (rpt_paragraph_get_id (added));
                    last_key = p->key;
                    g_hash_table_add (seen, p->key);
                    for (guint n = 0; n < p->notes->len; n++)
                      add_comment (comments, last_key, g_ptr_array_index (p->notes, n));
                    continue;
                  }
                {
                  g_autofree char *words = excerpt (p->plain);
                  g_ptr_array_add (unplaced,
                                   g_strdup_printf (_ ("A new paragraph outside the parts of the "
                                                       "letter: %s"),
                                                    words));
                }
              }
          }
        for (guint n = 0; n < p->notes->len; n++)
          add_comment (comments, p->key, g_ptr_array_index (p->notes, n));
      }
  }

  /* The order of the reviewer's paragraphs, part by part. */
  for (guint part = 0; part < RPT_N_PARTS; part++)
    {
      guint to = 0;
      if (!is_paragraph_part ((RptPart) part))
        continue;
      for (guint i = 0; i < new_paras->len; i++)
        {
          Para *p = g_ptr_array_index (new_paras, i);
          RptPart found;
          guint from;

          if (p->key == NULL || rpt_letter_find_item (theirs, p->key, &found, &from) == NULL ||
              found != part)
            continue;
          if (from != to)
            rpt_letter_move_item (theirs, (RptPart) part, from, to);
          to++;
        }
    }

  /* What could not be placed stays, as comments on the letter. */
  for (guint i = mark; comments != NULL && i < unplaced->len; i++)
    {
      g_autoptr (RptComment) c =
        rpt_comment_new (NULL, _ ("Rapporteur"), g_ptr_array_index (unplaced, i));
      g_list_store_append (comments, c);
    }
  return g_steal_pointer (&theirs);
}

/* --- a copy, read and merged ------------------------------------------- */

void
rpt_review_copy_free (RptReviewCopy *copy)
{
  if (copy == NULL)
    return;
  g_clear_pointer (&copy->base, rpt_review_base_free);
  g_clear_object (&copy->base_letter);
  g_clear_object (&copy->theirs);
  g_clear_object (&copy->comments);
  g_clear_pointer (&copy->unplaced, g_ptr_array_unref);
  g_free (copy);
}

/**
 * rpt_review_copy_load:
 * @store: the drafter's document
 * @path: a reviewer's copy: a .rapporteur copy, or the ODT made for review
 *   and edited
 *
 * Reads the copy and finds in @store the version it was made from.
 *
 * Returns: (transfer full): the copy, or %NULL with @error set (not a
 *   reviewer's copy, a copy of another letter, a base version that is gone
 *   or was changed)
 */
RptReviewCopy *
rpt_review_copy_load (RptStore *store, const char *path, GError **error)
{
  g_autoptr (RptReviewCopy) copy = g_new0 (RptReviewCopy, 1);
  g_autoptr (RptStore) other = NULL;
  gboolean odt = g_str_has_suffix (path, ".odt") || g_str_has_suffix (path, ".ODT");

  g_return_val_if_fail (RPT_IS_STORE (store), NULL);
  g_return_val_if_fail (path != NULL, NULL);

  copy->comments = g_list_store_new (RPT_TYPE_COMMENT);
  copy->unplaced = g_ptr_array_new_with_free_func (g_free);
  if (odt)
    copy->base = rpt_review_base_from_odt (path, error);
  else if ((other = rpt_store_open (path, RPT_STORE_OPEN_READ_ONLY, error)) != NULL)
    copy->base = rpt_review_base_load (other, error);
  if (copy->base == NULL)
    return NULL;
  copy->base_letter = rpt_review_find_base (store, copy->base, error);
  if (copy->base_letter == NULL)
    return NULL;
  if (odt)
    copy->theirs =
      rpt_review_read_odt (path, copy->base_letter, copy->comments, copy->unplaced, error);
  else
    {
      g_autoptr (GListStore) copied = rpt_comments_load (other, error);

      if (copied == NULL)
        return NULL;
      for (guint i = 0; i < g_list_model_get_n_items (G_LIST_MODEL (copied)); i++)
        {
          g_autoptr (RptComment) c = g_list_model_get_item (G_LIST_MODEL (copied), i);
          g_list_store_append (copy->comments, c);
        }
      copy->theirs = rpt_store_load (other, error);
    }
  if (copy->theirs == NULL)
    return NULL;
  return g_steal_pointer (&copy);
}

/**
 * rpt_review_apply:
 * @store: the drafter's document, open read-write
 * @result: the merged letter (rpt_merge_dup_result())
 * @comments: (element-type RptComment) (nullable): the reviewer's comments
 * @author: who merges
 * @reviewer: whose review it was
 *
 * Makes @result the working state, adds the comments @store lacks, and
 * keeps the result as a version "Review by @reviewer merged". Each step
 * is a transaction; should one fail, merging the same copy again finishes
 * the work without doubling anything (the changes are then the same on
 * both sides, the comments already there are skipped).
 *
 * Returns: the new version's number, or 0 with @error set
 */
guint
rpt_review_apply (RptStore *store,
                  RptLetter *result,
                  GListModel *comments,
                  const char *author,
                  const char *reviewer,
                  GError **error)
{
  g_autofree char *message = NULL;

  g_return_val_if_fail (RPT_IS_STORE (store), 0);
  g_return_val_if_fail (RPT_IS_LETTER (result), 0);
  g_return_val_if_fail (author != NULL && reviewer != NULL, 0);

  if (!rpt_store_save (store, result, error))
    return 0;
  if (comments != NULL && !rpt_comments_add_new (store, comments, NULL, error))
    return 0;
  /* Translators: the message of the version a merge makes; %s is a name */
  message = g_strdup_printf (_ ("Review by %s merged"), reviewer);
  return rpt_store_save_version (store, result, author, message, error);
}
