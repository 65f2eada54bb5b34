/* rpt-document-xml.c
 *
 * Copyright 2026 The Rapporteur authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "rpt-document-xml"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "rpt-data-private.h"
#include "rpt-document-xml.h"
#include "rpt-error.h"

/* The paragraph, text and list styles of data/styles/house-style.xml that
 * a document may use (docs/pipeline.md, "Paragraph styles the templates
 * use"). Letterhead, Header and Footer are page furniture only. */
static const char *const paragraph_styles[] = {
  "Mandates",
  "Reference",
  "ReferenceNote",
  "Date",
  "Salutation",
  "Body",
  "Lead",
  "Question",
  "ListItem",
  "Closing",
  "Signature",
  "AnnexHeading",
  "AnnexTitle",
  "Footnote",
  /* the first page of a redline (rpt-redline.c) */
  "RedlineTitle",
  "RedlineHeading",
  "RedlineBody",
  "RedlineItem",
  NULL,
};
/* Inserted, Deleted and FormatChanged mark changes in a redline. */
static const char *const text_styles[] = {
  "Bold", "Italic", "Link", "Inserted", "Deleted", "FormatChanged", NULL,
};
/* The margin of a redline: a bar beside a changed paragraph, and a note. */
static const char *const margin_styles[] = {
  "MarginChanged", "MarginInserted", "MarginDeleted", "MarginMoved", "MarginComment", NULL,
};
static const char *const list_styles[] = { "Questions", "Bullets", NULL };

typedef struct
{
  const char *filename;
  GError *error;
} Check;

static gboolean
is (xmlNode *node, const char *ns, const char *name)
{
  return node != NULL && node->type == XML_ELEMENT_NODE && node->ns != NULL &&
         xmlStrEqual (node->ns->href, BAD_CAST ns) && xmlStrEqual (node->name, BAD_CAST name);
}

static const char *
prefix_of (xmlNode *node)
{
  return node->ns != NULL && node->ns->prefix != NULL ? (const char *) node->ns->prefix : "";
}

static void G_GNUC_PRINTF (3, 4) fail (Check *check, xmlNode *node, const char *format, ...)
{
  g_autofree char *msg = NULL;
  va_list args;

  if (check->error != NULL)
    return;
  va_start (args, format);
  msg = g_strdup_vprintf (format, args);
  va_end (args);
  g_set_error (&check->error, RPT_ERROR, RPT_ERROR_SCHEMA,
               _ ("%s:%ld: %s (the document XML subset is in docs/pipeline.md)"), check->filename,
               xmlGetLineNo (node), msg);
}

static void
unexpected (Check *check, xmlNode *node)
{
  if (node->type == XML_ELEMENT_NODE)
    fail (check, node, _ ("<%s%s%s> is not allowed here"), prefix_of (node),
          node->ns != NULL && node->ns->prefix != NULL ? ":" : "", (const char *) node->name);
  else
    fail (check, node, _ ("unexpected content"));
}

/* Only the attributes named (ns, name pairs, NULL-terminated) */
static gboolean
check_attributes (Check *check, xmlNode *node, ...)
{
  for (xmlAttr *a = node->properties; a != NULL; a = a->next)
    {
      gboolean ok = FALSE;
      va_list args;
      const char *ns;

      va_start (args, node);
      while ((ns = va_arg (args, const char *)) != NULL)
        {
          const char *name = va_arg (args, const char *);
          if (a->ns != NULL && xmlStrEqual (a->ns->href, BAD_CAST ns) &&
              xmlStrEqual (a->name, BAD_CAST name))
            ok = TRUE;
        }
      va_end (args);
      if (!ok)
        {
          fail (check, node, _ ("<%s:%s> cannot have the attribute %s"), prefix_of (node),
                (const char *) node->name, (const char *) a->name);
          return FALSE;
        }
    }
  return TRUE;
}

static gboolean
check_style (Check *check, xmlNode *node, const char *const *allowed, gboolean required)
{
  g_autofree char *style =
    (char *) xmlGetNsProp (node, BAD_CAST "style-name", BAD_CAST RPT_NS_TEXT);

  if (style == NULL && !required)
    return TRUE;
  if (style == NULL || !g_strv_contains (allowed, style))
    {
      fail (check, node, _ ("<%s:%s> has the style “%s”, which is not one of the house style's"),
            prefix_of (node), (const char *) node->name, style != NULL ? style : "");
      return FALSE;
    }
  return TRUE;
}

static gboolean
is_blank (xmlNode *node)
{
  return node->type == XML_TEXT_NODE && xmlIsBlankNode (node);
}

static void check_paragraph (Check *check, xmlNode *p, gboolean in_note);

static xmlNode *
first_element_after (xmlNode *node)
{
  for (xmlNode *c = node->next; c != NULL; c = c->next)
    if (c->type == XML_ELEMENT_NODE)
      return c;
  return NULL;
}

static xmlNode *
first_element (xmlNode *parent)
{
  for (xmlNode *c = parent->children; c != NULL; c = c->next)
    if (c->type == XML_ELEMENT_NODE)
      return c;
  return NULL;
}

static void
check_inline (Check *check, xmlNode *parent, gboolean in_note)
{
  for (xmlNode *c = parent->children; c != NULL && check->error == NULL; c = c->next)
    {
      if (c->type == XML_TEXT_NODE)
        continue;
      if (c->type == XML_COMMENT_NODE)
        continue;
      if (is (c, RPT_NS_TEXT, "span"))
        {
          if (check_attributes (check, c, RPT_NS_TEXT, "style-name", NULL) &&
              check_style (check, c, text_styles, TRUE))
            check_inline (check, c, in_note);
        }
      else if (is (c, RPT_NS_TEXT, "a"))
        {
          g_autofree char *type = (char *) xmlGetNsProp (c, BAD_CAST "type", BAD_CAST RPT_NS_XLINK);
          g_autofree char *href = (char *) xmlGetNsProp (c, BAD_CAST "href", BAD_CAST RPT_NS_XLINK);
          if (!check_attributes (check, c, RPT_NS_XLINK, "type", RPT_NS_XLINK, "href", NULL))
            return;
          if (g_strcmp0 (type, "simple") != 0 || href == NULL)
            fail (check, c, _ ("a link needs xlink:type=\"simple\" and an xlink:href"));
          else
            check_inline (check, c, in_note);
        }
      else if (is (c, RPT_NS_TEXT, "note") && !in_note)
        {
          g_autofree char *cls =
            (char *) xmlGetNsProp (c, BAD_CAST "note-class", BAD_CAST RPT_NS_TEXT);
          xmlNode *citation = NULL, *body = NULL;

          if (!check_attributes (check, c, RPT_NS_TEXT, "note-class", RPT_NS_TEXT, "id", NULL))
            return;
          if (g_strcmp0 (cls, "footnote") != 0)
            {
              fail (check, c, _ ("only footnotes are allowed"));
              return;
            }
          for (xmlNode *k = c->children; k != NULL; k = k->next)
            {
              if (is_blank (k))
                continue;
              if (is (k, RPT_NS_TEXT, "note-citation") && citation == NULL && body == NULL)
                citation = k;
              else if (is (k, RPT_NS_TEXT, "note-body") && citation != NULL && body == NULL)
                body = k;
              else
                {
                  unexpected (check, k);
                  return;
                }
            }
          if (citation == NULL || body == NULL)
            {
              fail (check, c, _ ("a footnote needs a citation and a body"));
              return;
            }
          for (xmlNode *k = citation->children; k != NULL; k = k->next)
            if (k->type != XML_TEXT_NODE)
              unexpected (check, k);
          for (xmlNode *k = body->children; k != NULL && check->error == NULL; k = k->next)
            {
              if (is_blank (k))
                continue;
              if (is (k, RPT_NS_TEXT, "p"))
                check_paragraph (check, k, TRUE);
              else
                unexpected (check, k);
            }
        }
      else if (is (c, RPT_NS_TEXT, "line-break") || is (c, RPT_NS_TEXT, "tab"))
        {
          if (check_attributes (check, c, NULL) && c->children != NULL)
            unexpected (check, c->children);
        }
      else if (is (c, RPT_NS_TEXT, "s"))
        {
          g_autofree char *count = (char *) xmlGetNsProp (c, BAD_CAST "c", BAD_CAST RPT_NS_TEXT);
          guint64 n;
          if (!check_attributes (check, c, RPT_NS_TEXT, "c", NULL))
            return;
          if (count != NULL && !g_ascii_string_to_unsigned (count, 10, 1, G_MAXINT, &n, NULL))
            fail (check, c, _ ("text:c must be a positive number"));
          else if (c->children != NULL)
            unexpected (check, c->children);
        }
      else if (is (c, RPT_NS_TEXT, "bookmark"))
        {
          if (check_attributes (check, c, RPT_NS_TEXT, "name", NULL) &&
              xmlHasNsProp (c, BAD_CAST "name", BAD_CAST RPT_NS_TEXT) == NULL)
            fail (check, c, _ ("a bookmark needs a name"));
        }
      else if (is (c, RPT_NS_OFFICE, "annotation") && !in_note && c == first_element (parent))
        {
          /* A margin note: one paragraph of a margin style, plain text. */
          xmlNode *p = first_element (c);
          if (!check_attributes (check, c, NULL))
            return;
          if (!is (p, RPT_NS_TEXT, "p") || first_element_after (p) != NULL)
            {
              fail (check, c, _ ("a margin note holds one text:p"));
              return;
            }
          if (!check_attributes (check, p, RPT_NS_TEXT, "style-name", NULL) ||
              !check_style (check, p, margin_styles, TRUE))
            return;
          for (xmlNode *k = p->children; k != NULL; k = k->next)
            if (k->type != XML_TEXT_NODE)
              unexpected (check, k);
        }
      else
        unexpected (check, c);
    }
}

static void
check_paragraph (Check *check, xmlNode *p, gboolean in_note)
{
  if (is (p, RPT_NS_TEXT, "h"))
    {
      g_autofree char *level =
        (char *) xmlGetNsProp (p, BAD_CAST "outline-level", BAD_CAST RPT_NS_TEXT);
      guint64 n;
      if (!check_attributes (check, p, RPT_NS_TEXT, "style-name", RPT_NS_TEXT, "outline-level",
                             NULL))
        return;
      if (level == NULL || !g_ascii_string_to_unsigned (level, 10, 1, 10, &n, NULL))
        {
          fail (check, p, _ ("a heading needs a text:outline-level from 1 to 10"));
          return;
        }
    }
  else if (!check_attributes (check, p, RPT_NS_TEXT, "style-name", NULL))
    return;
  if (check_style (check, p, paragraph_styles, TRUE))
    check_inline (check, p, in_note);
}

static void
check_list (Check *check, xmlNode *list)
{
  if (!check_attributes (check, list, RPT_NS_TEXT, "style-name", NULL) ||
      !check_style (check, list, list_styles, TRUE))
    return;
  for (xmlNode *item = list->children; item != NULL && check->error == NULL; item = item->next)
    {
      guint n = 0;

      if (is_blank (item))
        continue;
      if (!is (item, RPT_NS_TEXT, "list-item"))
        {
          unexpected (check, item);
          return;
        }
      if (!check_attributes (check, item, NULL))
        return;
      for (xmlNode *p = item->children; p != NULL && check->error == NULL; p = p->next)
        {
          if (is_blank (p))
            continue;
          if (!is (p, RPT_NS_TEXT, "p") || n++ > 0)
            {
              unexpected (check, p);
              return;
            }
          check_paragraph (check, p, FALSE);
        }
    }
}

static void
check_meta (Check *check, xmlNode *meta)
{
  for (xmlNode *c = meta->children; c != NULL && check->error == NULL; c = c->next)
    {
      if (is_blank (c))
        continue;
      if (is (c, RPT_NS_DC, "title") || is (c, RPT_NS_DC, "subject") ||
          is (c, RPT_NS_DC, "language") || is (c, RPT_NS_META, "keyword"))
        check_attributes (check, c, NULL);
      else if (is (c, RPT_NS_META, "user-defined"))
        check_attributes (check, c, RPT_NS_META, "name", RPT_NS_META, "value-type", NULL);
      else
        {
          unexpected (check, c);
          return;
        }
      for (xmlNode *k = c->children; k != NULL; k = k->next)
        if (k->type != XML_TEXT_NODE)
          unexpected (check, k);
    }
}

/**
 * rpt_document_xml_check:
 * @filename: the name to put in error messages
 *
 * Checks that @document keeps to the document XML subset.
 *
 * Returns: %TRUE if it does; else %FALSE with @error naming the line
 */
gboolean
rpt_document_xml_check (xmlDoc *document, const char *filename, GError **error)
{
  Check check = { filename != NULL ? filename : "document.xml", NULL };
  xmlNode *root = xmlDocGetRootElement (document);
  xmlNode *body = NULL;
  g_autofree char *mimetype = NULL;

  if (!is (root, RPT_NS_OFFICE, "document"))
    {
      g_set_error (error, RPT_ERROR, RPT_ERROR_SCHEMA,
                   _ ("%s: this is not document XML (the root must be office:document)"),
                   check.filename);
      return FALSE;
    }
  mimetype = (char *) xmlGetNsProp (root, BAD_CAST "mimetype", BAD_CAST RPT_NS_OFFICE);
  if (g_strcmp0 (mimetype, "application/vnd.oasis.opendocument.text") != 0)
    fail (&check, root, _ ("office:mimetype must be application/vnd.oasis.opendocument.text"));

  for (xmlNode *c = root->children; c != NULL && check.error == NULL; c = c->next)
    {
      if (is_blank (c))
        continue;
      if (is (c, RPT_NS_OFFICE, "meta") && body == NULL)
        check_meta (&check, c);
      else if (is (c, RPT_NS_OFFICE, "body") && body == NULL)
        body = c;
      else
        unexpected (&check, c);
    }
  if (check.error == NULL && body == NULL)
    fail (&check, root, _ ("there is no office:body"));

  for (xmlNode *c = body != NULL ? body->children : NULL; c != NULL && check.error == NULL;
       c = c->next)
    {
      if (is_blank (c))
        continue;
      if (!is (c, RPT_NS_OFFICE, "text") || c != rpt_document_xml_get_text (document))
        {
          unexpected (&check, c);
          break;
        }
      for (xmlNode *b = c->children; b != NULL && check.error == NULL; b = b->next)
        {
          if (is_blank (b))
            continue;
          if (is (b, RPT_NS_TEXT, "p") || is (b, RPT_NS_TEXT, "h"))
            check_paragraph (&check, b, FALSE);
          else if (is (b, RPT_NS_TEXT, "list"))
            check_list (&check, b);
          else
            unexpected (&check, b);
        }
    }

  if (check.error != NULL)
    {
      g_propagate_error (error, check.error);
      return FALSE;
    }
  return TRUE;
}

/**
 * rpt_document_xml_read:
 * @data: document XML
 * @length: its length, or -1 if nul-terminated
 * @filename: (nullable): the name to put in error messages
 *
 * Parses document XML safely (no DTD, no entities, no network) and checks
 * that it keeps to the subset.
 *
 * Returns: (transfer full): the document, or %NULL with @error set
 */
xmlDoc *
rpt_document_xml_read (const char *data, gssize length, const char *filename, GError **error)
{
  xmlDoc *doc;

  g_return_val_if_fail (data != NULL, NULL);

  if (filename == NULL)
    filename = "document.xml";
  if (length < 0)
    length = strlen (data);
  doc = _rpt_xml_read (data, length, filename, error);
  if (doc != NULL && !rpt_document_xml_check (doc, filename, error))
    g_clear_pointer (&doc, xmlFreeDoc);
  return doc;
}

/**
 * rpt_document_xml_get_text:
 *
 * Returns: (transfer none) (nullable): the office:text element
 */
xmlNode *
rpt_document_xml_get_text (xmlDoc *document)
{
  xmlNode *root = xmlDocGetRootElement (document);

  for (xmlNode *c = root != NULL ? root->children : NULL; c != NULL; c = c->next)
    if (is (c, RPT_NS_OFFICE, "body"))
      for (xmlNode *t = c->children; t != NULL; t = t->next)
        if (is (t, RPT_NS_OFFICE, "text"))
          return t;
  return NULL;
}

static xmlNode *
get_meta (xmlDoc *document)
{
  xmlNode *root = xmlDocGetRootElement (document);

  for (xmlNode *c = root != NULL ? root->children : NULL; c != NULL; c = c->next)
    if (is (c, RPT_NS_OFFICE, "meta"))
      return c;
  return NULL;
}

/**
 * rpt_document_xml_dup_meta:
 * @ns: RPT_NS_DC or RPT_NS_META
 * @name: "title", "subject", "language"…
 *
 * Returns: (transfer full) (nullable): the first such property
 */
char *
rpt_document_xml_dup_meta (xmlDoc *document, const char *ns, const char *name)
{
  xmlNode *meta = get_meta (document);

  for (xmlNode *c = meta != NULL ? meta->children : NULL; c != NULL; c = c->next)
    if (is (c, ns, name))
      {
        xmlChar *content = xmlNodeGetContent (c);
        char *value = g_strdup ((const char *) content);
        xmlFree (content);
        return value;
      }
  return NULL;
}

/**
 * rpt_document_xml_dup_user_defined:
 * @name: "Reference"
 *
 * Returns: (transfer full) (nullable): the value of a meta:user-defined
 *   property
 */
char *
rpt_document_xml_dup_user_defined (xmlDoc *document, const char *name)
{
  xmlNode *meta = get_meta (document);

  for (xmlNode *c = meta != NULL ? meta->children : NULL; c != NULL; c = c->next)
    if (is (c, RPT_NS_META, "user-defined"))
      {
        g_autofree char *n = (char *) xmlGetNsProp (c, BAD_CAST "name", BAD_CAST RPT_NS_META);
        if (g_strcmp0 (n, name) == 0)
          {
            xmlChar *content = xmlNodeGetContent (c);
            char *value = g_strdup ((const char *) content);
            xmlFree (content);
            return value;
          }
      }
  return NULL;
}
