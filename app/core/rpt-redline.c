/* rpt-redline.c
 *
 * Copyright 2026 The Rapporteur authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "rpt-redline"

#include <glib/gi18n-lib.h>
#include <libxml/tree.h>
#include <libxml/xmlsave.h>
#include <string.h>

#include "rpt-comment-private.h"
#include "rpt-comment.h"
#include "rpt-diff.h"
#include "rpt-document-xml.h"
#include "rpt-error.h"
#include "rpt-export.h"
#include "rpt-layout.h"
#include "rpt-odt.h"
#include "rpt-pdf.h"
#include "rpt-redline.h"
#include "rpt-render.h"
#include "rpt-style-sheet.h"

/**
 * RptRedline:
 *
 * A comparison (rpt-comparison.h) written out as the letter a reviewer
 * reads: the newer letter, with what changed since the older one marked.
 * Both letters go through the templates as every export does, so the
 * redline shows every word that changed, the template's words included
 * (a new date, "Mandate of" that became "Mandates of"). Paragraphs of
 * items are matched by the item ids their bookmarks carry, and the
 * comparison says which items moved; the templates' own paragraphs are
 * matched by their text. Inside matched paragraphs, words are compared
 * as the comparison compares them (rpt-text-diff.h).
 *
 * Two writings of one alignment:
 * - the ODT with ODF change tracking (text:tracked-changes): accepting
 *   every change gives the newer letter, rejecting every change the older;
 * - a display document for the layout engine (the redline PDF and the
 *   application's redline view): insertions and deletions as text styles
 *   of the house style, changed paragraphs marked in the margin, and a
 *   first page with a legend and the list of changes.
 */

#define NS_OFFICE RPT_NS_OFFICE
#define NS_TEXT RPT_NS_TEXT
#define NS_DC RPT_NS_DC
#define NS_XLINK RPT_NS_XLINK
#define BOOKMARK_PREFIX "rpt-"

typedef struct
{
  xmlNode *node; /* text:p or text:h, in its side's document */
  char *list_style;
  char *key; /* the item id of its bookmark, or NULL for a template paragraph */
  char *style;
  GPtrArray *tokens; /* of RptToken */
  char *signature;   /* style and content, for template paragraphs */
  guint hash;
  gboolean moved;
} Block;

typedef enum
{
  ENTRY_SAME,
  ENTRY_CHANGED,
  ENTRY_INSERTED,
  ENTRY_DELETED,
  ENTRY_MOVED_FROM,
  ENTRY_MOVED_TO,
} EntryKind;

typedef struct
{
  EntryKind kind;
  Block *old;
  Block *new;
  RptTextDiff *diff; /* CHANGED and MOVED_TO */
  const RptItemChange *change;
} Entry;

struct _RptRedline
{
  GObject parent_instance;

  RptComparison *comparison;
  xmlDoc *docs[2];          /* older, newer: document XML */
  GPtrArray *blocks[2];     /* of Block */
  GArray *entries;          /* of Entry */
  GPtrArray *notes;         /* of char*, NULL-terminated */
  GListModel *comments;     /* of RptComment, or NULL */
  GHashTable *margin_notes; /* item id → note, or NULL */
};

G_DEFINE_FINAL_TYPE (RptRedline, rpt_redline, G_TYPE_OBJECT)

static void
block_free (Block *block)
{
  g_free (block->list_style);
  g_free (block->key);
  g_free (block->style);
  g_ptr_array_unref (block->tokens);
  g_free (block->signature);
  g_free (block);
}

static void
entry_clear (Entry *entry)
{
  g_clear_pointer (&entry->diff, rpt_text_diff_unref);
}

static void
rpt_redline_finalize (GObject *object)
{
  RptRedline *self = RPT_REDLINE (object);

  g_clear_object (&self->comparison);
  g_clear_object (&self->comments);
  g_clear_pointer (&self->margin_notes, g_hash_table_unref);
  g_array_unref (self->entries);
  for (guint i = 0; i < 2; i++)
    {
      g_clear_pointer (&self->blocks[i], g_ptr_array_unref);
      g_clear_pointer (&self->docs[i], xmlFreeDoc);
    }
  g_ptr_array_unref (self->notes);
  G_OBJECT_CLASS (rpt_redline_parent_class)->finalize (object);
}

static void
rpt_redline_class_init (RptRedlineClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = rpt_redline_finalize;
}

static void
rpt_redline_init (RptRedline *self)
{
  self->entries = g_array_new (FALSE, TRUE, sizeof (Entry));
  g_array_set_clear_func (self->entries, (GDestroyNotify) entry_clear);
  self->notes = g_ptr_array_new_with_free_func (g_free);
  g_ptr_array_add (self->notes, NULL);
}

/* --- reading document XML into tokens -------------------------------- */

static gboolean
is (xmlNode *node, const char *ns, const char *name)
{
  return node != NULL && node->type == XML_ELEMENT_NODE && node->ns != NULL &&
         g_str_equal ((const char *) node->ns->href, ns) &&
         g_str_equal ((const char *) node->name, name);
}

static char *
dup_attr (xmlNode *node, const char *ns, const char *name)
{
  return (char *) xmlGetNsProp (node, BAD_CAST name, BAD_CAST ns);
}

typedef struct
{
  GPtrArray *tokens;
  GString *pending;
  RptRunFlags pending_flags;
  char *pending_href;
  gboolean after_space;
} Reader;

static void
flush (Reader *r)
{
  if (r->pending->len > 0)
    rpt_tokenize_text (r->tokens, r->pending->str, (gssize) r->pending->len, r->pending_flags,
                       r->pending_href);
  g_string_truncate (r->pending, 0);
}

static void
append_text (Reader *r, const char *text, RptRunFlags flags, const char *href, gboolean literal)
{
  if (r->pending->len > 0 && (flags != r->pending_flags || g_strcmp0 (href, r->pending_href) != 0))
    flush (r);
  r->pending_flags = flags;
  g_free (r->pending_href);
  r->pending_href = g_strdup (href);
  if (literal)
    {
      g_string_append (r->pending, text);
      r->after_space = FALSE;
      return;
    }
  /* ODF white space: a run of spaces, tabs and line feeds in text is one
   * space; text:s, text:tab and text:line-break say the rest. */
  for (const char *p = text; *p != '\0'; p++)
    {
      if (*p == ' ' || *p == '\t' || *p == '\n' || *p == '\r')
        {
          if (!r->after_space)
            g_string_append_c (r->pending, ' ');
          r->after_space = TRUE;
        }
      else
        {
          g_string_append_c (r->pending, *p);
          r->after_space = FALSE;
        }
    }
}

static char *
serialize_children (xmlNode *node)
{
  xmlBuffer *buffer = xmlBufferCreate ();
  char *out;

  for (xmlNode *c = node->children; c != NULL; c = c->next)
    xmlNodeDump (buffer, node->doc, c, 0, 0);
  out = g_strndup ((const char *) xmlBufferContent (buffer), (gsize) xmlBufferLength (buffer));
  xmlBufferFree (buffer);
  return out;
}

static void
read_inline (Reader *r, xmlNode *parent, RptRunFlags flags, const char *href)
{
  for (xmlNode *c = parent->children; c != NULL; c = c->next)
    {
      if (c->type == XML_TEXT_NODE || c->type == XML_CDATA_SECTION_NODE)
        append_text (r, (const char *) c->content, flags, href, FALSE);
      else if (is (c, NS_TEXT, "span"))
        {
          g_autofree char *style = dup_attr (c, NS_TEXT, "style-name");
          RptRunFlags inner = flags;
          if (g_strcmp0 (style, "Bold") == 0)
            inner |= RPT_RUN_BOLD;
          else if (g_strcmp0 (style, "Italic") == 0)
            inner |= RPT_RUN_ITALIC;
          read_inline (r, c, inner, href);
        }
      else if (is (c, NS_TEXT, "a"))
        {
          g_autofree char *target = dup_attr (c, NS_XLINK, "href");
          read_inline (r, c, flags, target);
        }
      else if (is (c, NS_TEXT, "s"))
        {
          g_autofree char *count = dup_attr (c, NS_TEXT, "c");
          guint64 n = 1;
          if (count != NULL)
            g_ascii_string_to_unsigned (count, 10, 1, 1000000, &n, NULL);
          for (guint64 i = 0; i < n; i++)
            append_text (r, " ", flags, href, TRUE);
        }
      else if (is (c, NS_TEXT, "tab"))
        append_text (r, "\t", flags, href, TRUE);
      else if (is (c, NS_TEXT, "line-break"))
        {
          flush (r);
          g_ptr_array_add (r->tokens, rpt_token_new (RPT_TOKEN_BREAK, "\n", -1, flags, href));
          r->after_space = TRUE;
        }
      else if (is (c, NS_TEXT, "note"))
        {
          RptToken *token;
          g_autofree char *body = NULL;

          flush (r);
          for (xmlNode *k = c->children; k != NULL; k = k->next)
            if (is (k, NS_TEXT, "note-body"))
              body = serialize_children (k);
          /* Compared by its body: citations are numbers the writers give. */
          token = rpt_token_new (RPT_TOKEN_NOTE, body != NULL ? body : "", -1, flags, href);
          token->data = xmlCopyNode (c, 1);
          token->data_free = (GDestroyNotify) xmlFreeNode;
          g_ptr_array_add (r->tokens, token);
          r->after_space = FALSE;
        }
      /* Bookmarks are put back by the writers; nothing else is in the subset. */
    }
}

static Block *
block_new (xmlNode *node, const char *list_style)
{
  Block *block = g_new0 (Block, 1);
  Reader r = { NULL, g_string_new (NULL), 0, NULL, TRUE };
  GString *signature;

  block->node = node;
  block->list_style = g_strdup (list_style);
  block->style = dup_attr (node, NS_TEXT, "style-name");
  for (xmlNode *c = node->children; c != NULL && block->key == NULL; c = c->next)
    if (is (c, NS_TEXT, "bookmark"))
      {
        g_autofree char *name = dup_attr (c, NS_TEXT, "name");
        if (name != NULL && g_str_has_prefix (name, BOOKMARK_PREFIX))
          block->key = g_strdup (name + strlen (BOOKMARK_PREFIX));
      }
  block->tokens = g_ptr_array_new_with_free_func ((GDestroyNotify) rpt_token_free);
  r.tokens = block->tokens;
  read_inline (&r, node, 0, NULL);
  flush (&r);
  /* Trailing collapsed white space is not part of the paragraph. */
  if (block->tokens->len > 0)
    {
      RptToken *last = g_ptr_array_index (block->tokens, block->tokens->len - 1);
      if (last->kind == RPT_TOKEN_SPACE && g_str_equal (last->text, " ") && r.after_space)
        g_ptr_array_remove_index (block->tokens, block->tokens->len - 1);
    }
  g_string_free (r.pending, TRUE);
  g_free (r.pending_href);

  signature = g_string_new (block->style);
  g_string_append_printf (signature, "\x1f%s\x1f%d", list_style != NULL ? list_style : "",
                          is (node, NS_TEXT, "h"));
  for (guint i = 0; i < block->tokens->len; i++)
    {
      RptToken *t = g_ptr_array_index (block->tokens, i);
      g_string_append_printf (signature, "\x1f%d:%d:%s:%s", t->kind, t->flags,
                              t->href != NULL ? t->href : "", t->text);
    }
  block->signature = g_string_free (signature, FALSE);
  return block;
}

static GPtrArray *
collect_blocks (xmlDoc *doc)
{
  GPtrArray *blocks = g_ptr_array_new_with_free_func ((GDestroyNotify) block_free);
  xmlNode *text = rpt_document_xml_get_text (doc);

  for (xmlNode *c = text->children; c != NULL; c = c->next)
    {
      if (is (c, NS_TEXT, "p") || is (c, NS_TEXT, "h"))
        g_ptr_array_add (blocks, block_new (c, NULL));
      else if (is (c, NS_TEXT, "list"))
        {
          g_autofree char *style = dup_attr (c, NS_TEXT, "style-name");
          for (xmlNode *item = c->children; item != NULL; item = item->next)
            if (is (item, NS_TEXT, "list-item"))
              for (xmlNode *p = item->children; p != NULL; p = p->next)
                if (is (p, NS_TEXT, "p"))
                  g_ptr_array_add (blocks, block_new (p, style));
        }
    }
  return blocks;
}

/* --- aligning the two letters' paragraphs ----------------------------- */

static gboolean
is_moved (RptComparison *comparison, const char *key)
{
  const RptItemChange *change = rpt_comparison_find_change (comparison, key);

  return change != NULL &&
         (change->kind == RPT_CHANGE_MOVED || change->kind == RPT_CHANGE_EDITED_MOVED);
}

static void
hash_blocks (RptRedline *self, GPtrArray *blocks, guint side)
{
  for (guint i = 0; i < blocks->len; i++)
    {
      Block *block = g_ptr_array_index (blocks, i);

      if (block->key == NULL)
        block->hash = g_str_hash (block->signature);
      else
        {
          g_autofree char *k = NULL;
          /* Moved items never match in place: each side keeps its own. */
          block->moved = is_moved (self->comparison, block->key);
          k = g_strdup_printf ("%s%u%s", block->moved ? "M" : "K", block->moved ? side : 0,
                               block->key);
          block->hash = g_str_hash (k);
        }
    }
}

static gboolean
blocks_equal_cb (guint a, guint b, gpointer user_data)
{
  RptRedline *self = user_data;
  Block *x = g_ptr_array_index (self->blocks[0], a);
  Block *y = g_ptr_array_index (self->blocks[1], b);

  if (x->key != NULL || y->key != NULL)
    return x->key != NULL && y->key != NULL && !x->moved && !y->moved &&
           g_str_equal (x->key, y->key);
  return g_str_equal (x->signature, y->signature);
}

static GPtrArray *
copy_tokens (GPtrArray *tokens)
{
  GPtrArray *copy = g_ptr_array_new_full (tokens->len, (GDestroyNotify) rpt_token_free);

  for (guint i = 0; i < tokens->len; i++)
    {
      const RptToken *t = g_ptr_array_index (tokens, i);
      RptToken *c = rpt_token_new (t->kind, t->text, -1, t->flags, t->href);
      if (t->data != NULL)
        {
          c->data = xmlCopyNode (t->data, 1);
          c->data_free = (GDestroyNotify) xmlFreeNode;
        }
      g_ptr_array_add (copy, c);
    }
  return copy;
}

static RptTextDiff *
diff_blocks (Block *a, Block *b)
{
  return rpt_text_diff_new_for_tokens (copy_tokens (a->tokens), copy_tokens (b->tokens));
}

static guint
count_words (GPtrArray *tokens)
{
  guint n = 0;

  for (guint i = 0; i < tokens->len; i++)
    if (((RptToken *) g_ptr_array_index (tokens, i))->kind == RPT_TOKEN_WORD)
      n++;
  return n;
}

/* The share of words two template paragraphs have in common, from 0 to 1:
 * a changed date line still matches the old one, the press release
 * paragraph does not match the interim measures one. */
static double
similarity (Block *a, Block *b)
{
  g_autoptr (RptTextDiff) diff = NULL;
  guint total = count_words (a->tokens) + count_words (b->tokens);
  guint deleted, inserted, reformatted;

  if (g_strcmp0 (a->style, b->style) != 0 || g_strcmp0 (a->list_style, b->list_style) != 0)
    return 0;
  if (total == 0)
    return 1;
  diff = diff_blocks (a, b);
  rpt_text_diff_count_words (diff, &deleted, &inserted, &reformatted);
  return (double) (total - deleted - inserted) / total;
}

static void
add_entry (RptRedline *self, EntryKind kind, Block *old, Block *new, RptTextDiff *diff)
{
  Entry entry = { kind, old, new, diff, NULL };
  const char *key = new != NULL &&new->key != NULL ? new->key : old != NULL ? old->key : NULL;

  entry.change = key != NULL ? rpt_comparison_find_change (self->comparison, key) : NULL;
  g_array_append_val (self->entries, entry);
}

static void
add_pair (RptRedline *self, Block *old, Block *new)
{
  RptTextDiff *diff = diff_blocks (old, new);

  if (rpt_text_diff_is_equal (diff))
    {
      rpt_text_diff_unref (diff);
      add_entry (self, ENTRY_SAME, old, new, NULL);
    }
  else
    add_entry (self, ENTRY_CHANGED, old, new, diff);
}

#define MIN_SIMILARITY 0.5
#define MAX_PAIRING_CELLS 40000

/* A region where the letters differ: template paragraphs are paired with
 * the most alike of the same style, in order; the rest were deleted or
 * inserted. */
static void
align_region (RptRedline *self, guint as, guint al, guint bs, guint bl)
{
  GPtrArray *a = self->blocks[0], *b = self->blocks[1];
  g_autofree double *score = NULL;
  g_autoptr (GArray) pairs = g_array_new (FALSE, FALSE, sizeof (guint) * 2);
  guint ia = as, ib = bs;

  if (al > 0 && bl > 0 && (gsize) al * bl <= MAX_PAIRING_CELLS)
    {
      /* Best total similarity over order-keeping pairings (no crossing). */
      guint w = bl + 1;
      score = g_new0 (double, (gsize) (al + 1) * w);
      for (guint i = 1; i <= al; i++)
        for (guint j = 1; j <= bl; j++)
          {
            Block *x = g_ptr_array_index (a, as + i - 1);
            Block *y = g_ptr_array_index (b, bs + j - 1);
            double best = MAX (score[(i - 1) * w + j], score[i * w + j - 1]);
            if (x->key == NULL && y->key == NULL)
              {
                double s = similarity (x, y);
                if (s >= MIN_SIMILARITY)
                  best = MAX (best, score[(i - 1) * w + j - 1] + s);
              }
            score[i * w + j] = best;
          }
      for (guint i = al, j = bl; i > 0 && j > 0;)
        {
          if (score[i * w + j] == score[(i - 1) * w + j])
            i--;
          else if (score[i * w + j] == score[i * w + j - 1])
            j--;
          else
            {
              guint pair[2] = { as + i - 1, bs + j - 1 };
              g_array_prepend_val (pairs, pair);
              i--, j--;
            }
        }
    }

  for (guint k = 0; k <= pairs->len; k++)
    {
      guint until_a = k < pairs->len ? ((guint *) pairs->data)[2 * k] : as + al;
      guint until_b = k < pairs->len ? ((guint *) pairs->data)[2 * k + 1] : bs + bl;

      for (; ia < until_a; ia++)
        add_entry (self, ENTRY_DELETED, g_ptr_array_index (a, ia), NULL, NULL);
      for (; ib < until_b; ib++)
        add_entry (self, ENTRY_INSERTED, NULL, g_ptr_array_index (b, ib), NULL);
      if (k < pairs->len)
        {
          add_pair (self, g_ptr_array_index (a, ia), g_ptr_array_index (b, ib));
          ia++, ib++;
        }
    }
}

/* Items deleted in one place and inserted in another moved: the comparison
 * says which; a paragraph the templates placed elsewhere counts too. */
static void
mark_moves (RptRedline *self)
{
  g_autoptr (GHashTable) deleted = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr (GHashTable) inserted = g_hash_table_new (g_str_hash, g_str_equal);

  for (guint i = 0; i < self->entries->len; i++)
    {
      Entry *e = &g_array_index (self->entries, Entry, i);
      if (e->kind == ENTRY_DELETED && e->old->key != NULL)
        g_hash_table_insert (deleted, e->old->key, e);
      else if (e->kind == ENTRY_INSERTED && e->new->key != NULL)
        g_hash_table_insert (inserted, e->new->key, e);
    }
  for (guint i = 0; i < self->entries->len; i++)
    {
      Entry *e = &g_array_index (self->entries, Entry, i);
      Entry *from;

      if (e->kind != ENTRY_INSERTED || e->new->key == NULL)
        continue;
      from = g_hash_table_lookup (deleted, e->new->key);
      if (from == NULL)
        continue;
      from->kind = ENTRY_MOVED_FROM;
      e->kind = ENTRY_MOVED_TO;
      e->old = from->old;
      e->diff = diff_blocks (from->old, e->new);
    }
}

static void
align (RptRedline *self)
{
  GPtrArray *a = self->blocks[0], *b = self->blocks[1];
  g_autofree guint *ha = g_new (guint, MAX (a->len, 1));
  g_autofree guint *hb = g_new (guint, MAX (b->len, 1));
  g_autoptr (GArray) hunks = NULL;

  hash_blocks (self, a, 0);
  hash_blocks (self, b, 1);
  for (guint i = 0; i < a->len; i++)
    ha[i] = ((Block *) g_ptr_array_index (a, i))->hash;
  for (guint i = 0; i < b->len; i++)
    hb[i] = ((Block *) g_ptr_array_index (b, i))->hash;
  hunks = rpt_diff_sequences (ha, a->len, hb, b->len, blocks_equal_cb, self);

  for (guint h = 0; h < hunks->len; h++)
    {
      const RptDiffHunk *hunk = &g_array_index (hunks, RptDiffHunk, h);

      if (!hunk->equal)
        {
          align_region (self, hunk->a_start, hunk->a_len, hunk->b_start, hunk->b_len);
          continue;
        }
      for (guint k = 0; k < hunk->a_len; k++)
        {
          Block *x = g_ptr_array_index (a, hunk->a_start + k);
          Block *y = g_ptr_array_index (b, hunk->b_start + k);
          if (x->key != NULL)
            add_pair (self, x, y);
          else
            add_entry (self, ENTRY_SAME, x, y, NULL);
        }
    }
  mark_moves (self);
}

static xmlDoc *
render (RptRedline *self,
        RptLetter *letter,
        RptTemplate *template,
        RptReference *reference,
        gboolean keep_notes,
        GError **error)
{
  g_autoptr (RptExport) export = rpt_export_new (letter);
  g_autoptr (GBytes) bytes = NULL;
  const char *const *notes;
  gsize length;
  const char *data;

  rpt_export_set_template (export, template);
  rpt_export_set_reference (export, reference);
  bytes = rpt_export_run (export, RPT_EXPORT_FORMAT_DOCUMENT_XML, error);
  if (bytes == NULL)
    return NULL;
  if (keep_notes)
    {
      notes = rpt_export_get_notes (export);
      g_ptr_array_set_size (self->notes, self->notes->len - 1);
      for (guint i = 0; notes[i] != NULL; i++)
        g_ptr_array_add (self->notes, g_strdup (notes[i]));
      g_ptr_array_add (self->notes, NULL);
    }
  data = g_bytes_get_data (bytes, &length);
  return rpt_document_xml_read (data, (gssize) length, "document.xml", error);
}

/**
 * rpt_redline_new:
 * @comparison: what changed
 * @template: (nullable): the templates, %NULL for the built-in ones
 * @reference: (nullable): the reference data, %NULL for the default
 *
 * Renders both letters of @comparison and aligns them. Blocking: call it
 * from a worker in the application.
 *
 * Returns: (transfer full): the redline, or %NULL with @error set
 */
RptRedline *
rpt_redline_new (RptComparison *comparison,
                 RptTemplate *template,
                 RptReference *reference,
                 GError **error)
{
  g_autoptr (RptRedline) self = NULL;

  g_return_val_if_fail (RPT_IS_COMPARISON (comparison), NULL);

  self = g_object_new (RPT_TYPE_REDLINE, NULL);
  self->comparison = g_object_ref (comparison);
  self->docs[0] =
    render (self, rpt_comparison_get_old_letter (comparison), template, reference, FALSE, error);
  if (self->docs[0] == NULL)
    return NULL;
  self->docs[1] =
    render (self, rpt_comparison_get_new_letter (comparison), template, reference, TRUE, error);
  if (self->docs[1] == NULL)
    return NULL;
  self->blocks[0] = collect_blocks (self->docs[0]);
  self->blocks[1] = collect_blocks (self->docs[1]);
  align (self);
  return g_steal_pointer (&self);
}

RptComparison *
rpt_redline_get_comparison (RptRedline *self)
{
  g_return_val_if_fail (RPT_IS_REDLINE (self), NULL);
  return self->comparison;
}

/**
 * rpt_redline_get_notes:
 *
 * Returns: (transfer none): what the templates noted of the newer letter
 *   (unverified data, gaps), as an export would
 */
const char *const *
rpt_redline_get_notes (RptRedline *self)
{
  g_return_val_if_fail (RPT_IS_REDLINE (self), NULL);
  return (const char *const *) self->notes->pdata;
}

/* --- writing paragraphs ------------------------------------------------ */

typedef struct
{
  xmlDoc *doc;
  xmlNs *text;
  xmlNs *office;
  xmlNs *xlink;
  xmlNs *dc;
  gboolean at_line_start; /* a space here must be text:s */
  gboolean after_space;
  gboolean old_side; /* note ids of the older letter are renamed */
  gboolean all_s;    /* every space as text:s: a tracked deletion's text */
} Out;

static xmlNode *
new_text (Out *o, xmlNode *parent, const char *name)
{
  return xmlNewChild (parent, o->text, BAD_CAST name, NULL);
}

static xmlNode *
new_span (Out *o, xmlNode *parent, const char *style)
{
  xmlNode *span = new_text (o, parent, "span");
  xmlNewNsProp (span, o->text, BAD_CAST "style-name", BAD_CAST style);
  return span;
}

static void
add_content (Out *o, xmlNode *parent, const char *text)
{
  xmlAddChild (parent, xmlNewDocText (o->doc, BAD_CAST text));
}

static void
emit_spaces (Out *o, xmlNode *parent, guint n)
{
  if (n == 0)
    return;
  if (!o->at_line_start && !o->after_space && !o->all_s)
    {
      add_content (o, parent, " ");
      n--;
    }
  if (n > 0)
    {
      xmlNode *s = new_text (o, parent, "s");
      if (n > 1)
        {
          g_autofree char *count = g_strdup_printf ("%u", n);
          xmlNewNsProp (s, o->text, BAD_CAST "c", BAD_CAST count);
        }
    }
  o->after_space = TRUE;
}

static void
emit_token_text (Out *o, xmlNode *parent, const RptToken *token)
{
  if (token->kind != RPT_TOKEN_SPACE)
    {
      add_content (o, parent, token->text);
      o->at_line_start = FALSE;
      o->after_space = FALSE;
      return;
    }
  {
    guint spaces = 0;
    for (const char *p = token->text; *p != '\0'; p = g_utf8_next_char (p))
      {
        gunichar c = g_utf8_get_char (p);
        if (c == ' ')
          {
            spaces++;
            continue;
          }
        emit_spaces (o, parent, spaces);
        spaces = 0;
        if (c == '\t')
          new_text (o, parent, "tab");
        else
          {
            char buf[7] = { 0 };
            g_unichar_to_utf8 (c, buf);
            add_content (o, parent, buf);
          }
        o->at_line_start = FALSE;
        o->after_space = FALSE;
      }
    emit_spaces (o, parent, spaces);
    o->at_line_start = FALSE;
  }
}

static void
wrap_note_body (Out *o, xmlNode *note, const char *wrap)
{
  for (xmlNode *c = note->children; c != NULL; c = c->next)
    if (is (c, NS_TEXT, "note-body"))
      for (xmlNode *p = c->children; p != NULL; p = p->next)
        if (is (p, NS_TEXT, "p"))
          {
            xmlNode *span = xmlNewDocNode (o->doc, o->text, BAD_CAST "span", NULL);
            xmlNewNsProp (span, o->text, BAD_CAST "style-name", BAD_CAST wrap);
            while (p->children != NULL)
              {
                xmlNode *child = p->children;
                xmlUnlinkNode (child);
                xmlAddChild (span, child);
              }
            xmlAddChild (p, span);
          }
}

/* Writes @length tokens from @start into @parent as document XML, inside a
 * span of style @wrap if given (the display document's Inserted…). */
static void
emit_tokens (Out *o,
             xmlNode *parent,
             GPtrArray *tokens,
             guint start,
             guint length,
             const char *wrap)
{
  xmlNode *target = wrap != NULL ? new_span (o, parent, wrap) : parent;
  guint i = start, end = start + length;

  while (i < end)
    {
      const RptToken *token = g_ptr_array_index (tokens, i);
      xmlNode *node = target;
      guint j;

      if (token->kind == RPT_TOKEN_NOTE)
        {
          xmlNode *copy = xmlDocCopyNode (token->data, o->doc, 1);
          if (o->old_side)
            {
              g_autofree char *id = dup_attr (copy, NS_TEXT, "id");
              g_autofree char *renamed = g_strconcat ("old-", id != NULL ? id : "note", NULL);
              xmlSetNsProp (copy, o->text, BAD_CAST "id", BAD_CAST renamed);
            }
          if (wrap != NULL)
            wrap_note_body (o, copy, wrap);
          xmlAddChild (target, copy);
          o->at_line_start = FALSE;
          o->after_space = FALSE;
          i++;
          continue;
        }
      if (token->kind == RPT_TOKEN_BREAK)
        {
          new_text (o, target, "line-break");
          o->at_line_start = TRUE;
          o->after_space = FALSE;
          i++;
          continue;
        }
      for (j = i + 1; j < end; j++)
        {
          const RptToken *next = g_ptr_array_index (tokens, j);
          if (next->kind == RPT_TOKEN_NOTE || next->kind == RPT_TOKEN_BREAK ||
              !rpt_token_same_format (token, next))
            break;
        }
      if (token->href != NULL)
        {
          node = new_text (o, node, "a");
          xmlNewNsProp (node, o->xlink, BAD_CAST "type", BAD_CAST "simple");
          xmlNewNsProp (node, o->xlink, BAD_CAST "href", BAD_CAST token->href);
          node = new_span (o, node, "Link");
        }
      if (token->flags & RPT_RUN_BOLD)
        node = new_span (o, node, "Bold");
      if (token->flags & RPT_RUN_ITALIC)
        node = new_span (o, node, "Italic");
      for (guint k = i; k < j; k++)
        emit_token_text (o, node, g_ptr_array_index (tokens, k));
      i = j;
    }
}

/* A paragraph like @like (its element and style), empty but for the
 * bookmark that ties it to its item. */
static xmlNode *
paragraph_like (Out *o, Block *like)
{
  xmlNode *p = xmlDocCopyNode (like->node, o->doc, 2);

  if (like->key != NULL)
    {
      xmlNode *mark = new_text (o, p, "bookmark");
      g_autofree char *name = g_strconcat (BOOKMARK_PREFIX, like->key, NULL);
      xmlNewNsProp (mark, o->text, BAD_CAST "name", BAD_CAST name);
    }
  o->at_line_start = TRUE;
  o->after_space = FALSE;
  return p;
}

/* Paragraphs in lists: consecutive paragraphs of one list style share a
 * text:list, as the templates wrote them. */
typedef struct
{
  xmlNode *text;
  xmlNode *list;
  char *list_style;
} Flow;

static void
flow_add (Out *o, Flow *flow, xmlNode *p, const char *list_style)
{
  if (list_style == NULL)
    {
      flow->list = NULL;
      g_clear_pointer (&flow->list_style, g_free);
      xmlAddChild (flow->text, p);
      return;
    }
  if (flow->list == NULL || g_strcmp0 (flow->list_style, list_style) != 0)
    {
      flow->list = new_text (o, flow->text, "list");
      xmlNewNsProp (flow->list, o->text, BAD_CAST "style-name", BAD_CAST list_style);
      g_free (flow->list_style);
      flow->list_style = g_strdup (list_style);
    }
  xmlAddChild (new_text (o, flow->list, "list-item"), p);
}

static Out
out_new (xmlDoc *doc)
{
  xmlNode *root = xmlDocGetRootElement (doc);
  Out o = { doc, NULL, NULL, NULL, NULL, TRUE, FALSE, FALSE, FALSE };

  o.text = xmlSearchNsByHref (doc, root, BAD_CAST NS_TEXT);
  o.office = xmlSearchNsByHref (doc, root, BAD_CAST NS_OFFICE);
  o.xlink = xmlSearchNsByHref (doc, root, BAD_CAST NS_XLINK);
  if (o.xlink == NULL)
    o.xlink = xmlNewNs (root, BAD_CAST NS_XLINK, BAD_CAST "xlink");
  o.dc = xmlSearchNsByHref (doc, root, BAD_CAST NS_DC);
  if (o.dc == NULL)
    o.dc = xmlNewNs (root, BAD_CAST NS_DC, BAD_CAST "dc");
  return o;
}

/* A copy of the newer letter's document with an empty office:text. */
static xmlDoc *
new_output_doc (RptRedline *self, xmlNode **text)
{
  xmlDoc *doc = xmlCopyDoc (self->docs[1], 1);

  *text = rpt_document_xml_get_text (doc);
  while ((*text)->children != NULL)
    {
      xmlNode *c = (*text)->children;
      xmlUnlinkNode (c);
      xmlFreeNode (c);
    }
  return doc;
}

static char *
serialize (xmlDoc *doc, gsize *length)
{
  xmlBuffer *buffer = xmlBufferCreate ();
  xmlSaveCtxt *save = xmlSaveToBuffer (buffer, "UTF-8", XML_SAVE_AS_XML);
  char *out;

  xmlSaveDoc (save, doc);
  xmlSaveClose (save);
  out = g_strndup ((const char *) xmlBufferContent (buffer), (gsize) xmlBufferLength (buffer));
  if (length != NULL)
    *length = (gsize) xmlBufferLength (buffer);
  xmlBufferFree (buffer);
  return out;
}

/* --- the ODT with tracked changes ------------------------------------ */

typedef struct
{
  Out o;
  RptRedline *self;
  xmlNode *changes; /* text:tracked-changes */
  guint next_id;
  char *author;
  char *date;
  xmlNode *last_p;       /* the last paragraph written */
  const char *last_list; /* its list style */
  GPtrArray *pending;    /* of Entry: whole paragraphs deleted before the next one */
} Tracked;

static xmlNode *
new_region (Tracked *t, const char *kind, const char *comment, char **id)
{
  xmlNode *region = new_text (&t->o, t->changes, "changed-region");
  xmlNode *change, *info;
  xmlNs *xml = xmlSearchNs (t->o.doc, region, BAD_CAST "xml");

  *id = g_strdup_printf ("ct%u", ++t->next_id);
  xmlNewNsProp (region, xml, BAD_CAST "id", BAD_CAST * id);
  xmlNewNsProp (region, t->o.text, BAD_CAST "id", BAD_CAST * id);
  change = new_text (&t->o, region, kind);
  info = xmlNewChild (change, t->o.office, BAD_CAST "change-info", NULL);
  xmlNewTextChild (info, t->o.dc, BAD_CAST "creator", BAD_CAST t->author);
  xmlNewTextChild (info, t->o.dc, BAD_CAST "date", BAD_CAST t->date);
  if (comment != NULL)
    xmlNewTextChild (info, t->o.text, BAD_CAST "p", BAD_CAST comment);
  return change;
}

static void
mark (Tracked *t, xmlNode *parent, const char *element, const char *id)
{
  xmlNode *m = new_text (&t->o, parent, element);
  xmlNewNsProp (m, t->o.text, BAD_CAST "change-id", BAD_CAST id);
}

static char *
moved_comment (const RptItemChange *change, gboolean from)
{
  if (change == NULL)
    return NULL;
  if (from)
    /* Translators: a comment on a tracked deletion; positions from 1 */
    return g_strdup_printf (_ ("%s moved from here to %d"), change->label,
                            change->new_position + 1);
  /* Translators: a comment on a tracked insertion; positions from 1 */
  return g_strdup_printf (_ ("%s moved here from %d"), change->label, change->old_position + 1);
}

/* Whole paragraphs deleted before @p: one deletion at its start, holding
 * them and their paragraph ends (what LibreOffice itself writes). Before
 * the first paragraph of the letter, or after its last, the deletion
 * hangs at the end of the paragraph before instead. */
static void
flush_deletions (Tracked *t, xmlNode *p, const char *list_style)
{
  g_autofree char *id = NULL;
  g_autoptr (GString) comment = g_string_new (NULL);
  xmlNode *deletion, *anchor_parent, *m;
  gboolean at_end = p == NULL;
  const char *deleted_list;

  if (t->pending->len == 0)
    return;
  /* Deleted list items hang on a paragraph of their list, so that the
   * paragraphs rejecting them brings back are list items again. */
  deleted_list = ((Entry *) g_ptr_array_index (t->pending, 0))->old->list_style;
  if (!at_end && deleted_list != NULL && g_strcmp0 (list_style, deleted_list) != 0 &&
      t->last_p != NULL && g_strcmp0 (t->last_list, deleted_list) == 0)
    at_end = TRUE;
  if (at_end && t->last_p == NULL)
    {
      g_ptr_array_set_size (t->pending, 0);
      return;
    }
  for (guint i = 0; i < t->pending->len; i++)
    {
      Entry *e = g_ptr_array_index (t->pending, i);
      g_autofree char *line = e->kind == ENTRY_MOVED_FROM ? moved_comment (e->change, TRUE) : NULL;
      if (line != NULL)
        g_string_append_printf (comment, "%s%s", comment->len > 0 ? "; " : "", line);
    }
  deletion = new_region (t, "deletion", comment->len > 0 ? comment->str : NULL, &id);
  if (at_end)
    xmlAddChild (deletion, xmlNewDocNode (t->o.doc, t->o.text, BAD_CAST "p", NULL));
  for (guint i = 0; i < t->pending->len; i++)
    {
      Block *block = ((Entry *) g_ptr_array_index (t->pending, i))->old;
      xmlNode *copy = xmlDocCopyNode (block->node, t->o.doc, 2);
      Out inner = t->o;

      inner.old_side = TRUE;
      inner.all_s = TRUE;
      inner.at_line_start = TRUE;
      inner.after_space = FALSE;
      emit_tokens (&inner, copy, block->tokens, 0, block->tokens->len, NULL);
      if (block->list_style != NULL &&
          (!at_end || g_strcmp0 (t->last_list, block->list_style) != 0) &&
          g_strcmp0 (list_style, block->list_style) != 0)
        {
          /* A list item with no item of its list beside it to hang on:
           * the deletion holds it in a list of its own. */
          xmlNode *list = xmlNewChild (deletion, t->o.text, BAD_CAST "list", NULL);
          xmlNewNsProp (list, t->o.text, BAD_CAST "style-name", BAD_CAST block->list_style);
          xmlAddChild (xmlNewChild (list, t->o.text, BAD_CAST "list-item", NULL), copy);
        }
      else
        xmlAddChild (deletion, copy);
    }
  if (!at_end)
    xmlAddChild (deletion, xmlNewDocNode (t->o.doc, t->o.text, BAD_CAST "p", NULL));

  anchor_parent = at_end ? t->last_p : p;
  m = xmlNewDocNode (t->o.doc, t->o.text, BAD_CAST "change", NULL);
  xmlNewNsProp (m, t->o.text, BAD_CAST "change-id", BAD_CAST id);
  if (at_end || anchor_parent->children == NULL)
    xmlAddChild (anchor_parent, m);
  else if (is (anchor_parent->children, NS_TEXT, "bookmark"))
    /* After the bookmark, which belongs to the paragraph that stays. */
    xmlAddNextSibling (anchor_parent->children, m);
  else
    xmlAddPrevSibling (anchor_parent->children, m);
  g_ptr_array_set_size (t->pending, 0);
}

static void
tracked_changed (Tracked *t, Flow *flow, Entry *e, const char *comment)
{
  GPtrArray *a = rpt_text_diff_get_old_tokens (e->diff);
  GPtrArray *b = rpt_text_diff_get_new_tokens (e->diff);
  xmlNode *p = paragraph_like (&t->o, e->new);

  for (guint i = 0; i < rpt_text_diff_get_n_segments (e->diff); i++)
    {
      const RptTextSegment *seg = rpt_text_diff_get_segment (e->diff, i);
      g_autofree char *id = NULL;
      xmlNode *region;

      switch (seg->op)
        {
        case RPT_TEXT_SAME:
          emit_tokens (&t->o, p, b, seg->b_start, seg->b_len, NULL);
          break;
        case RPT_TEXT_INSERTED:
          new_region (t, "insertion", comment, &id);
          mark (t, p, "change-start", id);
          emit_tokens (&t->o, p, b, seg->b_start, seg->b_len, NULL);
          mark (t, p, "change-end", id);
          break;
        case RPT_TEXT_FORMAT:
          new_region (t, "format-change", comment, &id);
          mark (t, p, "change-start", id);
          emit_tokens (&t->o, p, b, seg->b_start, seg->b_len, NULL);
          mark (t, p, "change-end", id);
          break;
        case RPT_TEXT_DELETED:
          {
            Out inner = t->o;
            xmlNode *dp;
            region = new_region (t, "deletion", comment, &id);
            dp = xmlDocCopyNode (e->old->node, t->o.doc, 2);
            xmlAddChild (region, dp);
            inner.old_side = TRUE;
            inner.all_s = TRUE;
            inner.at_line_start = TRUE;
            emit_tokens (&inner, dp, a, seg->a_start, seg->a_len, NULL);
            mark (t, p, "change", id);
          }
          break;
        default:
          g_assert_not_reached ();
        }
    }
  flush_deletions (t, p, e->new->list_style);
  flow_add (&t->o, flow, p, e->new->list_style);
  t->last_p = p;
  t->last_list = e->new->list_style;
}

static void
tracked_inserted (Tracked *t, Flow *flow, Block *block, const char *comment)
{
  g_autofree char *id = NULL;
  xmlNode *p = paragraph_like (&t->o, block);

  emit_tokens (&t->o, p, block->tokens, 0, block->tokens->len, NULL);
  flush_deletions (t, NULL, NULL);
  new_region (t, "insertion", comment, &id);
  /* From the end of the paragraph before, so that rejecting it takes the
   * paragraph end away too (as LibreOffice records a new paragraph). */
  if (t->last_p != NULL)
    {
      mark (t, t->last_p, "change-start", id);
      mark (t, p, "change-end", id);
    }
  else
    {
      xmlNode *start = xmlNewDocNode (t->o.doc, t->o.text, BAD_CAST "change-start", NULL);
      xmlNewNsProp (start, t->o.text, BAD_CAST "change-id", BAD_CAST id);
      if (p->children != NULL)
        xmlAddPrevSibling (p->children, start);
      else
        xmlAddChild (p, start);
      mark (t, p, "change-end", id);
    }
  flow_add (&t->o, flow, p, block->list_style);
  t->last_p = p;
  t->last_list = block->list_style;
}

static xmlDoc *
build_tracked (RptRedline *self)
{
  xmlNode *text;
  xmlDoc *doc = new_output_doc (self, &text);
  Tracked t = { out_new (doc), self, NULL, 0, NULL, NULL, NULL, NULL, NULL };
  Flow flow = { text, NULL, NULL };
  const char *author = rpt_comparison_get_author (self->comparison);

  t.changes = new_text (&t.o, text, "tracked-changes");
  t.author = g_strdup (author != NULL && author[0] != '\0' ? author : _ ("Unknown author"));
  {
    g_autoptr (GDateTime) utc = g_date_time_to_utc (rpt_comparison_get_date (self->comparison));
    t.date = g_date_time_format (utc, "%Y-%m-%dT%H:%M:%S");
  }
  t.pending = g_ptr_array_new ();

  for (guint i = 0; i < self->entries->len; i++)
    {
      Entry *e = &g_array_index (self->entries, Entry, i);
      g_autofree char *comment = NULL;

      switch (e->kind)
        {
        case ENTRY_SAME:
          {
            xmlNode *p = xmlDocCopyNode (e->new->node, doc, 1);
            flush_deletions (&t, p, e->new->list_style);
            flow_add (&t.o, &flow, p, e->new->list_style);
            t.last_p = p;
            t.last_list = e->new->list_style;
          }
          break;
        case ENTRY_CHANGED:
          tracked_changed (&t, &flow, e, NULL);
          break;
        case ENTRY_MOVED_TO:
          /* ODF has no move: the paragraph is inserted here (and deleted
           * where it was), with a comment that says it moved. */
          comment = moved_comment (e->change, FALSE);
          tracked_inserted (&t, &flow, e->new, comment);
          break;
        case ENTRY_INSERTED:
          tracked_inserted (&t, &flow, e->new, NULL);
          break;
        case ENTRY_MOVED_FROM:
        case ENTRY_DELETED:
          g_ptr_array_add (t.pending, e);
          break;
        default:
          g_assert_not_reached ();
        }
    }
  flush_deletions (&t, NULL, NULL);
  if (t.changes->children == NULL)
    {
      xmlUnlinkNode (t.changes);
      xmlFreeNode (t.changes);
    }
  xmlReconciliateNs (doc, xmlDocGetRootElement (doc));
  g_ptr_array_unref (t.pending);
  g_free (t.author);
  g_free (t.date);
  g_free (flow.list_style);
  return doc;
}

/**
 * rpt_redline_dup_tracked_xml:
 * @length: (out) (optional):
 *
 * Returns: (transfer full): the newer letter's document XML with ODF
 *   tracked changes from the older one
 */
char *
rpt_redline_dup_tracked_xml (RptRedline *self, gsize *length)
{
  xmlDoc *doc;
  char *out;

  g_return_val_if_fail (RPT_IS_REDLINE (self), NULL);

  doc = build_tracked (self);
  out = serialize (doc, length);
  xmlFreeDoc (doc);
  return out;
}

/**
 * rpt_redline_build_odt:
 *
 * Returns: (transfer full): the newer letter as an ODT with tracked
 *   changes, or %NULL with @error set
 */
GBytes *
rpt_redline_build_odt (RptRedline *self, GError **error)
{
  xmlDoc *doc;
  GBytes *odt;

  g_return_val_if_fail (RPT_IS_REDLINE (self), NULL);

  doc = build_tracked (self);
  if (self->comments != NULL)
    _rpt_comments_annotate (doc, self->comments);
  odt = rpt_odt_build (doc, rpt_comparison_get_author (self->comparison),
                       rpt_comparison_get_date (self->comparison), error);
  xmlFreeDoc (doc);
  return odt;
}

/* --- the display document (PDF, the application's view) ------------- */

static void
annotate (Out *o, xmlNode *p, const char *style, const char *note)
{
  xmlNode *annotation = xmlNewDocNode (o->doc, o->office, BAD_CAST "annotation", NULL);
  xmlNode *para = xmlNewChild (annotation, o->text, BAD_CAST "p", NULL);

  xmlNewNsProp (para, o->text, BAD_CAST "style-name", BAD_CAST style);
  if (note != NULL)
    add_content (o, para, note);
  if (p->children != NULL)
    xmlAddPrevSibling (p->children, annotation);
  else
    xmlAddChild (p, annotation);
}

static xmlNode *
display_changed (Out *o, Block *old_block, Block *new_block, RptTextDiff *diff)
{
  GPtrArray *a = rpt_text_diff_get_old_tokens (diff);
  GPtrArray *b = rpt_text_diff_get_new_tokens (diff);
  xmlNode *p = paragraph_like (o, new_block);

  for (guint i = 0; i < rpt_text_diff_get_n_segments (diff); i++)
    {
      const RptTextSegment *seg = rpt_text_diff_get_segment (diff, i);

      switch (seg->op)
        {
        case RPT_TEXT_SAME:
          emit_tokens (o, p, b, seg->b_start, seg->b_len, NULL);
          break;
        case RPT_TEXT_INSERTED:
          emit_tokens (o, p, b, seg->b_start, seg->b_len, "Inserted");
          break;
        case RPT_TEXT_FORMAT:
          emit_tokens (o, p, b, seg->b_start, seg->b_len, "FormatChanged");
          break;
        case RPT_TEXT_DELETED:
          o->old_side = TRUE;
          emit_tokens (o, p, a, seg->a_start, seg->a_len, "Deleted");
          o->old_side = FALSE;
          break;
        default:
          g_assert_not_reached ();
        }
    }
  (void) old_block;
  return p;
}

/* A bookmark "rpt-change-<id>" on the first page's line for a change: the
 * application's list of changes finds there what has no paragraph of its
 * own (a mandate, a person, a field of the letter). */
static void
mark_change (Out *o, xmlNode *p, const char *id)
{
  g_autofree char *name = g_strconcat ("rpt-change-", id, NULL);
  xmlNode *mark = new_text (o, p, "bookmark");

  xmlNewNsProp (mark, o->text, BAD_CAST "name", BAD_CAST name);
}

static xmlNode *
display_paragraph (Out *o, xmlNode *text, const char *style, const char *content)
{
  xmlNode *p = new_text (o, text, "p");

  xmlNewNsProp (p, o->text, BAD_CAST "style-name", BAD_CAST style);
  if (content != NULL)
    add_content (o, p, content);
  return p;
}

/* @whole: a field of an item added or removed whole: its one value */
static void
display_field (Out *o, xmlNode *text, const RptFieldChange *field, gboolean whole, gboolean mark)
{
  xmlNode *p = new_text (o, text, "p");

  xmlNewNsProp (p, o->text, BAD_CAST "style-name", BAD_CAST "RedlineItem");
  if (mark)
    {
      g_autofree char *id = g_strconcat ("field-", field->name, NULL);
      mark_change (o, p, id);
    }
  /* Translators: a changed field on the first page of a redline: "Date: " */
  {
    g_autofree char *label = g_strdup_printf (_ ("%s: "), field->label);
    add_content (o, p, label);
  }
  o->at_line_start = FALSE;
  o->after_space = TRUE;
  if (field->text != NULL)
    {
      GPtrArray *a = rpt_text_diff_get_old_tokens (field->text);
      GPtrArray *b = rpt_text_diff_get_new_tokens (field->text);
      for (guint i = 0; i < rpt_text_diff_get_n_segments (field->text); i++)
        {
          const RptTextSegment *seg = rpt_text_diff_get_segment (field->text, i);
          if (seg->op == RPT_TEXT_DELETED)
            emit_tokens (o, p, a, seg->a_start, seg->a_len, "Deleted");
          else
            emit_tokens (o, p, b, seg->b_start, seg->b_len,
                         seg->op == RPT_TEXT_INSERTED ? "Inserted"
                         : seg->op == RPT_TEXT_FORMAT ? "FormatChanged"
                                                      : NULL);
        }
      return;
    }
  if (whole)
    {
      const char *value = field->new_value != NULL ? field->new_value : field->old_value;
      xmlNode *span = new_span (o, p, field->new_value != NULL ? "Inserted" : "Deleted");
      add_content (o, span, value != NULL ? value : _ ("(none)"));
      return;
    }
  if (field->old_value != NULL)
    {
      xmlNode *span = new_span (o, p, "Deleted");
      add_content (o, span, field->old_value);
    }
  else
    add_content (o, p, _ ("(none)"));
  add_content (o, p, " → ");
  if (field->new_value != NULL)
    {
      xmlNode *span = new_span (o, p, "Inserted");
      add_content (o, span, field->new_value);
    }
  else
    add_content (o, p, _ ("(none)"));
}

static char *
change_line (RptComparison *comparison, const RptItemChange *change)
{
  const RptItemChange *other;

  switch (change->kind)
    {
    case RPT_CHANGE_ADDED:
      other = rpt_comparison_find_change (comparison, change->split_from);
      return other != NULL
               ? g_strdup_printf (_ ("%s: added, split from %s"), change->label, other->label)
               : g_strdup_printf (_ ("%s: added"), change->label);
    case RPT_CHANGE_REMOVED:
      other = rpt_comparison_find_change (comparison, change->joined_into);
      return other != NULL
               ? g_strdup_printf (_ ("%s: removed, joined to %s"), change->label, other->label)
               : g_strdup_printf (_ ("%s: removed"), change->label);
    case RPT_CHANGE_MOVED:
      return g_strdup_printf (_ ("%s: moved from %d to %d"), change->label,
                              change->old_position + 1, change->new_position + 1);
    case RPT_CHANGE_EDITED:
      return g_strdup_printf (_ ("%s: edited"), change->label);
    case RPT_CHANGE_EDITED_MOVED:
      return g_strdup_printf (_ ("%s: edited, moved from %d to %d"), change->label,
                              change->old_position + 1, change->new_position + 1);
    default:
      g_return_val_if_reached (NULL);
    }
}

static void
display_first_page (RptRedline *self, Out *o, xmlNode *text)
{
  static const RptPart order[] = { RPT_PART_MANDATES, RPT_PART_SIGNATORIES,    RPT_PART_PERSONS,
                                   RPT_PART_PROFILE,  RPT_PART_COMMUNICATIONS, RPT_PART_FACTS,
                                   RPT_PART_CONCERNS, RPT_PART_QUESTIONS,      RPT_PART_ANNEX };
  RptComparison *c = self->comparison;
  g_autofree char *summary = rpt_comparison_dup_summary (c);
  GPtrArray *fields = rpt_comparison_get_fields (c);
  xmlNode *h, *p, *span;

  h = new_text (o, text, "h");
  xmlNewNsProp (h, o->text, BAD_CAST "style-name", BAD_CAST "RedlineTitle");
  xmlNewNsProp (h, o->text, BAD_CAST "outline-level", BAD_CAST "1");
  /* Translators: the title of the first page of a redline */
  add_content (o, h, _ ("Comparison"));

  {
    g_autofree char *older = g_strdup_printf (
      _ ("Older: %s"), rpt_comparison_get_old_label (c) != NULL ? rpt_comparison_get_old_label (c)
                                                                : _ ("older letter"));
    g_autofree char *newer = g_strdup_printf (
      _ ("Newer: %s"), rpt_comparison_get_new_label (c) != NULL ? rpt_comparison_get_new_label (c)
                                                                : _ ("newer letter"));
    display_paragraph (o, text, "RedlineItem", older);
    display_paragraph (o, text, "RedlineItem", newer);
  }
  {
    g_autofree char *line = g_strdup_printf (_ ("Summary: %s"), summary);
    display_paragraph (o, text, "RedlineBody", line);
  }

  /* The legend: each mark drawn as it is drawn in the letter. */
  display_paragraph (o, text, "RedlineHeading", _ ("How changes are marked"));
  p = new_text (o, text, "p");
  xmlNewNsProp (p, o->text, BAD_CAST "style-name", BAD_CAST "RedlineItem");
  span = new_span (o, p, "Inserted");
  add_content (o, span, _ ("Inserted words"));
  add_content (o, p, _ (": underlined twice, in blue"));
  p = new_text (o, text, "p");
  xmlNewNsProp (p, o->text, BAD_CAST "style-name", BAD_CAST "RedlineItem");
  span = new_span (o, p, "Deleted");
  add_content (o, span, _ ("Deleted words"));
  add_content (o, p, _ (": struck through, in orange"));
  p = new_text (o, text, "p");
  xmlNewNsProp (p, o->text, BAD_CAST "style-name", BAD_CAST "RedlineItem");
  span = new_span (o, p, "FormatChanged");
  add_content (o, span, _ ("Reformatted words"));
  add_content (o, p, _ (": wavy underline, in green (bold, italic or a link changed)"));
  p = new_text (o, text, "p");
  xmlNewNsProp (p, o->text, BAD_CAST "style-name", BAD_CAST "RedlineItem");
  annotate (o, p, "MarginChanged", NULL);
  add_content (o, p,
               _ ("A bar in the margin marks each changed paragraph; a note in the "
                  "margin says where a moved paragraph came from."));

  if (fields->len > 0)
    {
      display_paragraph (o, text, "RedlineHeading", _ ("Changed in the letter"));
      for (guint i = 0; i < fields->len; i++)
        display_field (o, text, g_ptr_array_index (fields, i), FALSE, TRUE);
    }
  for (guint k = 0; k < G_N_ELEMENTS (order); k++)
    {
      GPtrArray *changes = rpt_comparison_get_changes (c, order[k]);

      if (changes->len == 0)
        continue;
      display_paragraph (o, text, "RedlineHeading", rpt_part_get_label (order[k]));
      for (guint i = 0; i < changes->len; i++)
        {
          const RptItemChange *change = g_ptr_array_index (changes, i);
          g_autofree char *line = change_line (c, change);
          xmlNode *p2 = display_paragraph (o, text, "RedlineItem", NULL);
          mark_change (o, p2, change->id);
          add_content (o, p2, line);
          for (guint f = 0; f < change->fields->len; f++)
            display_field (o, text, g_ptr_array_index (change->fields, f),
                           change->kind == RPT_CHANGE_ADDED || change->kind == RPT_CHANGE_REMOVED,
                           FALSE);
        }
    }
  if (rpt_comparison_is_equal (c))
    display_paragraph (o, text, "RedlineBody", _ ("The two letters are the same."));
}

/**
 * rpt_redline_dup_display_xml:
 * @length: (out) (optional):
 *
 * Returns: (transfer full): document XML for the layout engine: a first
 *   page with the legend and the changes, then the newer letter with
 *   insertions, deletions and moves marked
 */
char *
rpt_redline_dup_display_xml (RptRedline *self, gsize *length)
{
  xmlNode *text;
  xmlDoc *doc = new_output_doc (self, &text);
  Out o = out_new (doc);
  Flow flow = { text, NULL, NULL };
  char *out;

  g_return_val_if_fail (RPT_IS_REDLINE (self), NULL);

  display_first_page (self, &o, text);

  for (guint i = 0; i < self->entries->len; i++)
    {
      Entry *e = &g_array_index (self->entries, Entry, i);
      xmlNode *p = NULL;
      const char *list_style = e->new != NULL ? e->new->list_style : e->old->list_style;

      switch (e->kind)
        {
        case ENTRY_SAME:
          p = xmlDocCopyNode (e->new->node, doc, 1);
          break;
        case ENTRY_CHANGED:
          p = display_changed (&o, e->old, e->new, e->diff);
          annotate (&o, p, "MarginChanged", NULL);
          break;
        case ENTRY_MOVED_TO:
          {
            g_autofree char *note = NULL;
            p = display_changed (&o, e->old, e->new, e->diff);
            if (e->change != NULL)
              /* Translators: in the margin of a redline, beside a paragraph
               * that moved; positions from 1 */
              note = g_strdup_printf (_ ("Moved from %d"), e->change->old_position + 1);
            else
              note = g_strdup (_ ("Moved"));
            annotate (&o, p, "MarginMoved", note);
          }
          break;
        case ENTRY_INSERTED:
          p = paragraph_like (&o, e->new);
          emit_tokens (&o, p, e->new->tokens, 0, e->new->tokens->len, "Inserted");
          annotate (&o, p, "MarginInserted", NULL);
          break;
        case ENTRY_DELETED:
          p = paragraph_like (&o, e->old);
          o.old_side = TRUE;
          emit_tokens (&o, p, e->old->tokens, 0, e->old->tokens->len, "Deleted");
          o.old_side = FALSE;
          annotate (&o, p, "MarginDeleted", NULL);
          break;
        case ENTRY_MOVED_FROM:
          /* Shown where it went, with a note of where it was. */
          continue;
        default:
          g_assert_not_reached ();
        }
      flow_add (&o, &flow, p, list_style);
    }
  if (self->margin_notes != NULL)
    _rpt_comments_mark_margin (doc, self->margin_notes);
  else if (self->comments != NULL)
    {
      g_autoptr (GHashTable) notes = rpt_comments_margin_notes (self->comments);
      _rpt_comments_mark_margin (doc, notes);
    }
  xmlReconciliateNs (doc, xmlDocGetRootElement (doc));
  out = serialize (doc, length);
  xmlFreeDoc (doc);
  g_free (flow.list_style);
  return out;
}

/**
 * rpt_redline_new_document:
 *
 * Returns: (transfer full): the display document, ready for the layout
 *   engine, or %NULL with @error set
 */
RptDocument *
rpt_redline_new_document (RptRedline *self, GError **error)
{
  g_autofree char *xml = NULL;
  gsize length;

  g_return_val_if_fail (RPT_IS_REDLINE (self), NULL);

  xml = rpt_redline_dup_display_xml (self, &length);
  return rpt_document_new_from_data (xml, (gssize) length, _ ("redline"), error);
}

/**
 * rpt_redline_set_comments:
 * @comments: (nullable) (element-type RptComment): the newer letter's
 *   comments
 *
 * Shows the comments with the changes: as annotations in the ODT, as
 * notes in the margin of the PDF.
 */
void
rpt_redline_set_comments (RptRedline *self, GListModel *comments)
{
  g_return_if_fail (RPT_IS_REDLINE (self));
  g_set_object (&self->comments, comments);
}

/**
 * rpt_redline_set_margin_notes:
 * @notes: (nullable) (element-type utf8 utf8): item id → what the margin of
 *   the display document says beside its paragraph (rpt_comments_margin_notes())
 *
 * For the display document only: what the application's preview shows.
 */
void
rpt_redline_set_margin_notes (RptRedline *self, GHashTable *notes)
{
  g_return_if_fail (RPT_IS_REDLINE (self));
  g_clear_pointer (&self->margin_notes, g_hash_table_unref);
  if (notes != NULL)
    self->margin_notes = g_hash_table_ref (notes);
}

/**
 * rpt_redline_build_pdf:
 *
 * Returns: (transfer full): the redline as PDF, or %NULL with @error set
 */
GBytes *
rpt_redline_build_pdf (RptRedline *self, GError **error)
{
  g_autoptr (RptDocument) document = rpt_redline_new_document (self, error);
  RptPdfOptions options = { 0 };

  if (document == NULL)
    return NULL;
  options.author = rpt_comparison_get_author (self->comparison);
  options.created = rpt_comparison_get_date (self->comparison);
  return rpt_render_document_pdf (document, &options, NULL, error);
}
