/* rpt-document.c
 *
 * Copyright 2026 The Rapporteur authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "rpt-document"

#include <glib/gi18n-lib.h>
#include <libxml/parser.h>
#include <libxml/tree.h>
#include <stdlib.h>
#include <string.h>

#include "rpt-document-private.h"
#include "rpt-document-xml.h"
#include "rpt-error.h"
#include "rpt-xml-private.h"

/*
 * The document XML (docs/pipeline.md) as the layout engine needs it: a flat
 * list of blocks. The subset is a contract: anything outside it is a
 * template bug, reported with the file and line rather than skipped, so a
 * word can never go missing from a PDF without an error. The checks below
 * repeat rpt_document_xml_check()'s where the reader relies on them.
 */

#define NS_OFFICE "urn:oasis:names:tc:opendocument:xmlns:office:1.0"
#define NS_TEXT "urn:oasis:names:tc:opendocument:xmlns:text:1.0"
#define NS_META "urn:oasis:names:tc:opendocument:xmlns:meta:1.0"
#define NS_DC "http://purl.org/dc/elements/1.1/"
#define NS_XLINK "http://www.w3.org/1999/xlink"

#define LINE_SEPARATOR "\xe2\x80\xa8" /* U+2028 */

struct _RptDocument
{
  GObject parent_instance;

  char *title;
  char *subject;
  char *language;
  GHashTable *fields; /* user-defined: name → value ("Reference", "Letterhead") */
  GStrv keywords;
  GPtrArray *blocks; /* of RptBlock */
};

G_DEFINE_FINAL_TYPE (RptDocument, rpt_document, G_TYPE_OBJECT)

static void
block_clear (RptBlock *block)
{
  g_free (block->style_name);
  g_free (block->list_style);
  g_free (block->text);
  for (guint i = 0; i < block->spans->len; i++)
    g_free (g_array_index (block->spans, RptSpan, i).style_name);
  for (guint i = 0; i < block->links->len; i++)
    g_free (g_array_index (block->links, RptLink, i).href);
  for (guint i = 0; i < block->bookmarks->len; i++)
    g_free (g_array_index (block->bookmarks, RptBookmark, i).name);
  g_array_unref (block->spans);
  g_array_unref (block->links);
  g_array_unref (block->bookmarks);
  g_ptr_array_unref (block->notes);
  g_free (block->margin_style);
  g_free (block->margin_note);
  g_free (block->key);
}

RptBlock *
rpt_block_ref (RptBlock *block)
{
  return g_atomic_rc_box_acquire (block);
}

void
rpt_block_unref (RptBlock *block)
{
  g_atomic_rc_box_release_full (block, (GDestroyNotify) block_clear);
}

static void
note_free (RptNote *note)
{
  g_free (note->id);
  g_free (note->citation);
  g_ptr_array_unref (note->body);
  g_free (note);
}

static RptBlock *
block_new (void)
{
  RptBlock *block = g_atomic_rc_box_new0 (RptBlock);

  block->spans = g_array_new (FALSE, FALSE, sizeof (RptSpan));
  block->links = g_array_new (FALSE, FALSE, sizeof (RptLink));
  block->bookmarks = g_array_new (FALSE, FALSE, sizeof (RptBookmark));
  block->notes = g_ptr_array_new_with_free_func ((GDestroyNotify) note_free);
  return block;
}

static void
rpt_document_finalize (GObject *object)
{
  RptDocument *self = RPT_DOCUMENT (object);

  g_free (self->title);
  g_free (self->subject);
  g_free (self->language);
  g_clear_pointer (&self->fields, g_hash_table_unref);
  g_strfreev (self->keywords);
  g_ptr_array_unref (self->blocks);
  G_OBJECT_CLASS (rpt_document_parent_class)->finalize (object);
}

static void
rpt_document_class_init (RptDocumentClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = rpt_document_finalize;
}

static void
rpt_document_init (RptDocument *self)
{
  self->blocks = g_ptr_array_new_with_free_func ((GDestroyNotify) rpt_block_unref);
  self->fields = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
}

/* --- reading -------------------------------------------------------- */

typedef struct
{
  const char *filename;
  GError *error;
} ReadCtx;

typedef struct
{
  RptBlock *block;
  GString *text;
  gboolean after_space; /* ODF white space collapsing state */
  gboolean in_note;
} Inline;

static void fail (ReadCtx *ctx, xmlNode *node, const char *format, ...) G_GNUC_PRINTF (3, 4);

static void
fail (ReadCtx *ctx, xmlNode *node, const char *format, ...)
{
  g_autofree char *msg = NULL;
  va_list args;

  if (ctx->error != NULL)
    return;
  va_start (args, format);
  msg = g_strdup_vprintf (format, args);
  va_end (args);
  g_set_error (&ctx->error, RPT_ERROR, RPT_ERROR_SCHEMA, "%s:%ld: %s", ctx->filename,
               node != NULL ? xmlGetLineNo (node) : 0L, msg);
}

static void
fail_element (ReadCtx *ctx, xmlNode *node, const char *where)
{
  fail (ctx, node,
        _ ("<%s%s%s> is not allowed in %s (the document XML is the subset of docs/pipeline.md)"),
        node->ns != NULL && node->ns->prefix != NULL ? (const char *) node->ns->prefix : "",
        node->ns != NULL && node->ns->prefix != NULL ? ":" : "", (const char *) node->name, where);
}

static void
append_collapsed (Inline *in, const char *text)
{
  for (const char *p = text; *p != '\0'; p++)
    {
      if (*p == ' ' || *p == '\t' || *p == '\n' || *p == '\r')
        {
          if (!in->after_space)
            g_string_append_c (in->text, ' ');
          in->after_space = TRUE;
        }
      else
        {
          g_string_append_c (in->text, *p);
          in->after_space = FALSE;
        }
    }
}

static void
append_literal (Inline *in, const char *text)
{
  g_string_append (in->text, text);
  in->after_space = FALSE;
}

static RptBlock *read_paragraph (ReadCtx *ctx, xmlNode *node, gboolean in_note);

static void
read_note (ReadCtx *ctx, Inline *in, xmlNode *node)
{
  RptNote *note;
  g_autofree char *klass = rpt_xml_dup_attr (node, NS_TEXT, "note-class");
  RptSpan span;

  if (in->in_note)
    {
      fail (ctx, node, _ ("a footnote cannot hold another footnote"));
      return;
    }
  if (g_strcmp0 (klass, "footnote") != 0)
    {
      fail (ctx, node, _ ("only footnotes (text:note-class=\"footnote\") are allowed"));
      return;
    }
  note = g_new0 (RptNote, 1);
  note->id = rpt_xml_dup_attr (node, NS_TEXT, "id");
  note->body = g_ptr_array_new_with_free_func ((GDestroyNotify) rpt_block_unref);
  for (xmlNode *c = node->children; c != NULL; c = c->next)
    {
      if (c->type != XML_ELEMENT_NODE)
        continue;
      if (rpt_xml_is (c, NS_TEXT, "note-citation"))
        {
          g_autofree char *t = (char *) xmlNodeGetContent (c);
          note->citation = g_strstrip (g_steal_pointer (&t));
        }
      else if (rpt_xml_is (c, NS_TEXT, "note-body"))
        {
          for (xmlNode *p = c->children; p != NULL; p = p->next)
            {
              if (rpt_xml_is (p, NS_TEXT, "p"))
                {
                  RptBlock *b = read_paragraph (ctx, p, TRUE);
                  if (b != NULL)
                    g_ptr_array_add (note->body, b);
                }
              else if (p->type == XML_ELEMENT_NODE)
                fail_element (ctx, p, "text:note-body");
            }
        }
      else
        fail_element (ctx, c, "text:note");
    }
  if (note->citation == NULL)
    note->citation = g_strdup_printf ("%u", in->block->notes->len + 1);
  note->offset = in->text->len;
  span.start = in->text->len;
  append_literal (in, note->citation);
  span.end = in->text->len;
  span.style_name = g_strdup ("FootnoteAnchor");
  g_array_append_val (in->block->spans, span);
  g_ptr_array_add (in->block->notes, note);
}

static const char *const span_styles[] = {
  "Bold", "Italic", "Link", "Inserted", "Deleted", "FormatChanged", NULL,
};

static void
read_inline (ReadCtx *ctx, Inline *in, xmlNode *parent, gboolean in_link)
{
  for (xmlNode *c = parent->children; c != NULL && ctx->error == NULL; c = c->next)
    {
      if (c->type == XML_TEXT_NODE)
        append_collapsed (in, (const char *) c->content);
      else if (c->type != XML_ELEMENT_NODE)
        continue;
      else if (rpt_xml_is (c, NS_TEXT, "span"))
        {
          g_autofree char *style = rpt_xml_dup_attr (c, NS_TEXT, "style-name");
          RptSpan span;

          if (style == NULL || !g_strv_contains (span_styles, style))
            {
              fail (ctx, c,
                    _ ("a text:span has the style “%s”; only Bold, Italic, Link and a "
                       "redline's Inserted, Deleted and FormatChanged are allowed"),
                    style != NULL ? style : "");
              return;
            }
          span.start = in->text->len;
          read_inline (ctx, in, c, in_link);
          span.end = in->text->len;
          span.style_name = g_steal_pointer (&style);
          if (span.end > span.start)
            g_array_append_val (in->block->spans, span);
          else
            g_free (span.style_name);
        }
      else if (rpt_xml_is (c, NS_TEXT, "a"))
        {
          RptLink link;

          if (in_link)
            {
              fail (ctx, c, _ ("a link cannot hold another link"));
              return;
            }
          link.href = rpt_xml_dup_attr (c, NS_XLINK, "href");
          if (link.href == NULL)
            {
              fail (ctx, c, _ ("a link (text:a) needs xlink:href"));
              return;
            }
          link.start = in->text->len;
          read_inline (ctx, in, c, TRUE);
          link.end = in->text->len;
          g_array_append_val (in->block->links, link);
        }
      else if (rpt_xml_is (c, NS_TEXT, "note"))
        read_note (ctx, in, c);
      else if (rpt_xml_is (c, NS_TEXT, "line-break"))
        append_literal (in, LINE_SEPARATOR);
      else if (rpt_xml_is (c, NS_TEXT, "tab"))
        append_literal (in, "\t");
      else if (rpt_xml_is (c, NS_TEXT, "s"))
        {
          g_autofree char *count = rpt_xml_dup_attr (c, NS_TEXT, "c");
          int n = count != NULL ? atoi (count) : 1;
          for (int i = 0; i < CLAMP (n, 1, 1000); i++)
            g_string_append_c (in->text, ' ');
          in->after_space = FALSE;
        }
      else if (rpt_xml_is (c, NS_TEXT, "bookmark") || rpt_xml_is (c, NS_TEXT, "bookmark-start"))
        {
          RptBookmark mark;
          mark.name = rpt_xml_dup_attr (c, NS_TEXT, "name");
          mark.offset = in->text->len;
          if (mark.name != NULL)
            g_array_append_val (in->block->bookmarks, mark);
        }
      else if (rpt_xml_is (c, NS_TEXT, "bookmark-end"))
        continue;
      else if (rpt_xml_is (c, NS_OFFICE, "annotation") && !in->in_note &&
               in->block->margin_style == NULL)
        {
          /* A redline's margin mark (rpt-redline.c): its style and note. */
          for (xmlNode *p = c->children; p != NULL; p = p->next)
            if (rpt_xml_is (p, NS_TEXT, "p"))
              {
                g_autofree char *note = (char *) xmlNodeGetContent (p);
                in->block->margin_style = rpt_xml_dup_attr (p, NS_TEXT, "style-name");
                if (note != NULL && g_strstrip (note)[0] != '\0')
                  in->block->margin_note = g_steal_pointer (&note);
              }
          if (in->block->margin_style == NULL)
            {
              fail (ctx, c, _ ("a margin note (office:annotation) needs a text:p"));
              return;
            }
        }
      else
        fail_element (ctx, c, "a paragraph");
    }
}

static void
append_key (GString *key, const char *s)
{
  g_string_append (key, s != NULL ? s : "");
  g_string_append_c (key, '\x1f');
}

/* Everything that changes how the block is laid out, as one string. */
static void
make_key (RptBlock *b)
{
  GString *key = g_string_new (NULL);

  append_key (key, b->style_name);
  g_string_append_printf (key, "%d\x1f%u\x1f", b->outline_level, b->list_number);
  append_key (key, b->list_style);
  append_key (key, b->margin_style);
  append_key (key, b->margin_note);
  append_key (key, b->text);
  for (guint i = 0; i < b->spans->len; i++)
    {
      RptSpan *s = &g_array_index (b->spans, RptSpan, i);
      g_string_append_printf (key, "%u-%u:%s\x1f", s->start, s->end, s->style_name);
    }
  for (guint i = 0; i < b->links->len; i++)
    {
      RptLink *l = &g_array_index (b->links, RptLink, i);
      g_string_append_printf (key, "%u-%u>%s\x1f", l->start, l->end, l->href);
    }
  for (guint i = 0; i < b->bookmarks->len; i++)
    {
      RptBookmark *m = &g_array_index (b->bookmarks, RptBookmark, i);
      g_string_append_printf (key, "%u#%s\x1f", m->offset, m->name);
    }
  for (guint i = 0; i < b->notes->len; i++)
    {
      RptNote *n = g_ptr_array_index (b->notes, i);
      g_string_append_printf (key, "note %u %s\x1e", n->offset, n->citation);
      for (guint j = 0; j < n->body->len; j++)
        append_key (key, ((RptBlock *) g_ptr_array_index (n->body, j))->key);
      g_string_append_c (key, '\x1e');
    }
  b->key = g_string_free (key, FALSE);
}

static RptBlock *
read_paragraph (ReadCtx *ctx, xmlNode *node, gboolean in_note)
{
  g_autoptr (RptBlock) block = block_new ();
  g_autofree char *level = NULL;
  Inline in = { 0 };

  block->style_name = rpt_xml_dup_attr (node, NS_TEXT, "style-name");
  block->source_line = (guint) xmlGetLineNo (node);
  if (rpt_xml_is (node, NS_TEXT, "h"))
    {
      level = rpt_xml_dup_attr (node, NS_TEXT, "outline-level");
      block->outline_level = level != NULL ? MAX (1, atoi (level)) : 1;
    }
  in.block = block;
  in.text = g_string_new (NULL);
  in.after_space = TRUE; /* leading white space is dropped */
  in.in_note = in_note;
  read_inline (ctx, &in, node, FALSE);
  /* Trailing collapsed white space too; spaces from text:s stay. */
  if (in.after_space && in.text->len > 0 && in.text->str[in.text->len - 1] == ' ')
    {
      g_string_truncate (in.text, in.text->len - 1);
      for (guint i = 0; i < block->spans->len; i++)
        {
          RptSpan *s = &g_array_index (block->spans, RptSpan, i);
          s->end = MIN (s->end, in.text->len);
          s->start = MIN (s->start, s->end);
        }
      for (guint i = 0; i < block->links->len; i++)
        {
          RptLink *l = &g_array_index (block->links, RptLink, i);
          l->end = MIN (l->end, in.text->len);
          l->start = MIN (l->start, l->end);
        }
      for (guint i = 0; i < block->bookmarks->len; i++)
        {
          RptBookmark *m = &g_array_index (block->bookmarks, RptBookmark, i);
          m->offset = MIN (m->offset, in.text->len);
        }
    }
  block->text = g_string_free (in.text, FALSE);
  if (ctx->error != NULL)
    return NULL;
  make_key (block);
  return g_steal_pointer (&block);
}

static void
read_list (ReadCtx *ctx, RptDocument *self, xmlNode *list)
{
  g_autofree char *style = rpt_xml_dup_attr (list, NS_TEXT, "style-name");
  guint number = 0;

  if (style == NULL || !(g_str_equal (style, "Questions") || g_str_equal (style, "Bullets")))
    {
      fail (ctx, list, _ ("a text:list has the style “%s”; only Questions and Bullets are allowed"),
            style != NULL ? style : "");
      return;
    }
  for (xmlNode *item = list->children; item != NULL && ctx->error == NULL; item = item->next)
    {
      if (item->type != XML_ELEMENT_NODE)
        continue;
      if (!rpt_xml_is (item, NS_TEXT, "list-item"))
        {
          fail_element (ctx, item, "text:list");
          return;
        }
      number++;
      for (xmlNode *p = item->children; p != NULL && ctx->error == NULL; p = p->next)
        {
          RptBlock *b;

          if (p->type != XML_ELEMENT_NODE)
            continue;
          if (!rpt_xml_is (p, NS_TEXT, "p"))
            {
              fail_element (ctx, p, "text:list-item");
              return;
            }
          b = read_paragraph (ctx, p, FALSE);
          if (b == NULL)
            return;
          g_free (b->key);
          b->list_style = g_strdup (style);
          b->list_number = number;
          make_key (b);
          g_ptr_array_add (self->blocks, b);
        }
    }
}

static char *
dup_text (xmlNode *node)
{
  g_autofree char *t = (char *) xmlNodeGetContent (node);
  return g_strdup (g_strstrip (t));
}

static gboolean
read_document (ReadCtx *ctx, RptDocument *self, xmlNode *root)
{
  xmlNode *text = NULL;
  g_autoptr (GPtrArray) keywords = g_ptr_array_new_with_free_func (g_free);

  if (!rpt_xml_is (root, NS_OFFICE, "document"))
    {
      fail (ctx, root, _ ("not document XML: the root must be office:document"));
      return FALSE;
    }
  for (xmlNode *c = root->children; c != NULL; c = c->next)
    {
      if (rpt_xml_is (c, NS_OFFICE, "meta"))
        {
          for (xmlNode *m = c->children; m != NULL; m = m->next)
            {
              if (rpt_xml_is (m, NS_DC, "title"))
                {
                  g_free (self->title);
                  self->title = dup_text (m);
                }
              else if (rpt_xml_is (m, NS_DC, "subject"))
                {
                  g_free (self->subject);
                  self->subject = dup_text (m);
                }
              else if (rpt_xml_is (m, NS_DC, "language"))
                {
                  g_free (self->language);
                  self->language = dup_text (m);
                }
              else if (rpt_xml_is (m, NS_META, "keyword"))
                g_ptr_array_add (keywords, dup_text (m));
              else if (rpt_xml_is (m, NS_META, "user-defined"))
                {
                  g_autofree char *name = rpt_xml_dup_attr (m, NS_META, "name");
                  if (name != NULL)
                    g_hash_table_insert (self->fields, g_steal_pointer (&name), dup_text (m));
                }
            }
        }
      else if (rpt_xml_is (c, NS_OFFICE, "body"))
        {
          for (xmlNode *b = c->children; b != NULL; b = b->next)
            if (rpt_xml_is (b, NS_OFFICE, "text"))
              text = b;
        }
    }
  if (text == NULL)
    {
      fail (ctx, root, _ ("the document has no office:body/office:text"));
      return FALSE;
    }
  for (xmlNode *c = text->children; c != NULL && ctx->error == NULL; c = c->next)
    {
      if (c->type != XML_ELEMENT_NODE)
        continue;
      if (rpt_xml_is (c, NS_TEXT, "p") || rpt_xml_is (c, NS_TEXT, "h"))
        {
          RptBlock *b = read_paragraph (ctx, c, FALSE);
          if (b != NULL)
            g_ptr_array_add (self->blocks, b);
        }
      else if (rpt_xml_is (c, NS_TEXT, "list"))
        read_list (ctx, self, c);
      else
        fail_element (ctx, c, "office:text");
    }
  g_ptr_array_add (keywords, NULL);
  self->keywords = (GStrv) g_ptr_array_steal (keywords, NULL);
  if (self->language == NULL)
    self->language = g_strdup ("en");
  return ctx->error == NULL;
}

/**
 * rpt_document_new_from_data:
 * @filename: (nullable): named in error messages
 *
 * Reads document XML (docs/pipeline.md).
 *
 * Returns: (transfer full): the document, or %NULL with @error set
 */
RptDocument *
rpt_document_new_from_data (const char *data, gssize length, const char *filename, GError **error)
{
  g_autoptr (RptDocument) self = NULL;
  ReadCtx ctx = { 0 };
  xmlDoc *doc;

  g_return_val_if_fail (data != NULL, NULL);
  if (length < 0)
    length = strlen (data);
  ctx.filename = filename != NULL ? filename : "document.xml";
  /* Parsed safely and checked against the subset by the same code as the
   * ODT writer's, so both consumers accept and refuse the same documents. */
  doc = rpt_document_xml_read (data, length, ctx.filename, error);
  if (doc == NULL)
    return NULL;
  self = g_object_new (RPT_TYPE_DOCUMENT, NULL);
  read_document (&ctx, self, xmlDocGetRootElement (doc));
  xmlFreeDoc (doc);
  if (ctx.error != NULL)
    {
      g_propagate_error (error, ctx.error);
      return NULL;
    }
  return g_steal_pointer (&self);
}

RptDocument *
rpt_document_new_from_file (const char *path, GError **error)
{
  g_autofree char *data = NULL;
  gsize length;

  g_return_val_if_fail (path != NULL, NULL);
  if (!rpt_xml_read_file (path, &data, &length, error))
    return NULL;
  return rpt_document_new_from_data (data, length, path, error);
}

/**
 * rpt_document_sniff:
 *
 * Returns: whether @data looks like document XML (an office:document) rather
 * than a letter
 */
gboolean
rpt_document_sniff (const char *data, gsize length)
{
  gsize n = MIN (length, 4096);

  return g_strstr_len (data, n, "<office:document") != NULL &&
         g_strstr_len (data, n, "<office:document-styles") == NULL;
}

const char *
rpt_document_get_title (RptDocument *self)
{
  g_return_val_if_fail (RPT_IS_DOCUMENT (self), NULL);
  return self->title;
}

const char *
rpt_document_get_subject (RptDocument *self)
{
  g_return_val_if_fail (RPT_IS_DOCUMENT (self), NULL);
  return self->subject;
}

const char *
rpt_document_get_language (RptDocument *self)
{
  g_return_val_if_fail (RPT_IS_DOCUMENT (self), NULL);
  return self->language;
}

/**
 * rpt_document_get_reference:
 *
 * Returns: (nullable): the "Reference" property ("AL TJK 1/2025"), shown in
 * the header of every page after the first
 */
const char *
rpt_document_get_reference (RptDocument *self)
{
  g_return_val_if_fail (RPT_IS_DOCUMENT (self), NULL);
  return g_hash_table_lookup (self->fields, "Reference");
}

/**
 * rpt_document_get_field:
 * @name: "Reference", "Letterhead"
 *
 * Returns: (nullable): the value of the user-defined property @name, which
 *   the headers and footers of the style sheet show (RptFieldLookup)
 */
const char *
rpt_document_get_field (const char *name, gpointer document)
{
  RptDocument *self = document;

  g_return_val_if_fail (RPT_IS_DOCUMENT (self), NULL);
  return g_hash_table_lookup (self->fields, name);
}

const char *const *
rpt_document_get_keywords (RptDocument *self)
{
  g_return_val_if_fail (RPT_IS_DOCUMENT (self), NULL);
  return (const char *const *) self->keywords;
}

guint
rpt_document_get_n_blocks (RptDocument *self)
{
  g_return_val_if_fail (RPT_IS_DOCUMENT (self), 0);
  return self->blocks->len;
}

RptBlock *
_rpt_document_get_block (RptDocument *self, guint index)
{
  g_return_val_if_fail (index < self->blocks->len, NULL);
  return g_ptr_array_index (self->blocks, index);
}

/**
 * rpt_document_get_block_text:
 *
 * Returns: the text of block @index (line breaks as U+2028)
 */
const char *
rpt_document_get_block_text (RptDocument *self, guint index)
{
  g_return_val_if_fail (RPT_IS_DOCUMENT (self), NULL);
  g_return_val_if_fail (index < self->blocks->len, NULL);
  return ((RptBlock *) g_ptr_array_index (self->blocks, index))->text;
}

const char *
rpt_document_get_block_style (RptDocument *self, guint index)
{
  g_return_val_if_fail (RPT_IS_DOCUMENT (self), NULL);
  g_return_val_if_fail (index < self->blocks->len, NULL);
  return ((RptBlock *) g_ptr_array_index (self->blocks, index))->style_name;
}

int
rpt_document_get_block_outline_level (RptDocument *self, guint index)
{
  g_return_val_if_fail (RPT_IS_DOCUMENT (self), 0);
  g_return_val_if_fail (index < self->blocks->len, 0);
  return ((RptBlock *) g_ptr_array_index (self->blocks, index))->outline_level;
}

/**
 * rpt_document_find_bookmark:
 *
 * Returns: the index of the block holding the bookmark @name, or -1
 */
int
rpt_document_find_bookmark (RptDocument *self, const char *name)
{
  g_return_val_if_fail (RPT_IS_DOCUMENT (self), -1);
  for (guint i = 0; i < self->blocks->len; i++)
    {
      RptBlock *b = g_ptr_array_index (self->blocks, i);
      for (guint j = 0; j < b->bookmarks->len; j++)
        if (g_str_equal (g_array_index (b->bookmarks, RptBookmark, j).name, name))
          return (int) i;
    }
  return -1;
}
