/* rpt-xml.c
 *
 * Copyright 2026 The Rapporteur authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "rpt-xml"

#include <glib/gi18n-lib.h>
#include <libxml/parser.h>
#include <string.h>

#include "rpt-core.h"
#include "rpt-xml-private.h"

/*
 * Safe reading of the OpenDocument XML the layout engine consumes (document
 * XML, style sheets): UTF-8 only, bounded in size, no document type
 * declaration (so no entity expansion, external entities or DTD loading),
 * no network. The same policy as the letter reader (rpt-letter-xml.c).
 */

static guint
line_of_offset (const char *data, gsize offset)
{
  guint line = 1;

  for (gsize i = 0; i < offset; i++)
    if (data[i] == '\n')
      line++;
  return line;
}

xmlDoc *
rpt_xml_parse (const char *data, gsize length, const char *filename, GError **error)
{
  xmlParserCtxt *pctx;
  const char *end = NULL;
  xmlDoc *doc;

  if (length > RPT_XML_MAX_SIZE)
    {
      g_set_error (error, RPT_ERROR, RPT_ERROR_UNSAFE, _ ("%s: the file is larger than %d MB"),
                   filename, RPT_XML_MAX_SIZE / (1024 * 1024));
      return NULL;
    }
  if (!g_utf8_validate_len (data, length, &end))
    {
      g_set_error (error, RPT_ERROR, RPT_ERROR_ENCODING, _ ("%s:%u: the text is not UTF-8"),
                   filename, line_of_offset (data, end - data));
      return NULL;
    }
  for (const char *p = data; (p = memchr (p, '<', data + length - p)) != NULL; p++)
    {
      gsize left = data + length - p;
      if ((left >= 9 && memcmp (p, "<!DOCTYPE", 9) == 0) ||
          (left >= 8 && memcmp (p, "<!ENTITY", 8) == 0))
        {
          g_set_error (error, RPT_ERROR, RPT_ERROR_UNSAFE,
                       _ ("%s:%u: document type declarations and entities are not allowed"),
                       filename, line_of_offset (data, p - data));
          return NULL;
        }
    }

  rpt_core_init ();
  pctx = xmlNewParserCtxt ();
  if (pctx == NULL)
    {
      g_set_error (error, RPT_ERROR, RPT_ERROR_IO, _ ("Out of memory"));
      return NULL;
    }
  doc = xmlCtxtReadMemory (pctx, data, (int) length, filename, "UTF-8",
                           XML_PARSE_NONET | XML_PARSE_NOERROR | XML_PARSE_NOWARNING |
                             XML_PARSE_NOCDATA | XML_PARSE_BIG_LINES);
  if (doc == NULL || !pctx->wellFormed)
    {
      const xmlError *e = xmlCtxtGetLastError (pctx);
      g_autofree char *msg =
        g_strdup (e != NULL && e->message != NULL ? e->message : "not well-formed");
      g_strstrip (msg);
      g_set_error (error, RPT_ERROR, RPT_ERROR_PARSE, _ ("%s:%d: not well-formed XML: %s"),
                   filename, e != NULL ? e->line : 0, msg);
      if (doc != NULL)
        xmlFreeDoc (doc);
      xmlFreeParserCtxt (pctx);
      return NULL;
    }
  xmlFreeParserCtxt (pctx);
  return doc;
}

gboolean
rpt_xml_read_file (const char *path, char **data, gsize *length, GError **error)
{
  g_autoptr (GError) local = NULL;

  if (!g_file_get_contents (path, data, length, &local))
    {
      g_set_error (error, RPT_ERROR,
                   g_error_matches (local, G_FILE_ERROR, G_FILE_ERROR_NOENT) ? RPT_ERROR_NOT_FOUND
                                                                             : RPT_ERROR_IO,
                   "%s", local->message);
      return FALSE;
    }
  return TRUE;
}

/* Whether @node is the element @ns:@name (@name %NULL: any element of @ns). */
gboolean
rpt_xml_is (xmlNode *node, const char *ns, const char *name)
{
  if (node == NULL || node->type != XML_ELEMENT_NODE)
    return FALSE;
  if (name != NULL && strcmp ((const char *) node->name, name) != 0)
    return FALSE;
  if (ns == NULL)
    return TRUE;
  return node->ns != NULL && node->ns->href != NULL &&
         strcmp ((const char *) node->ns->href, ns) == 0;
}

char *
rpt_xml_dup_attr (xmlNode *node, const char *ns, const char *name)
{
  xmlChar *v = xmlGetNsProp (node, (const xmlChar *) name, (const xmlChar *) ns);
  char *copy;

  if (v == NULL)
    return NULL;
  copy = g_strdup ((const char *) v);
  xmlFree (v);
  return copy;
}

/* ODF white space: runs of space, tab, CR and LF are one space. */
char *
rpt_xml_collapse_space (const char *text)
{
  GString *out = g_string_sized_new (strlen (text));
  gboolean space = FALSE;

  for (const char *p = text; *p != '\0'; p++)
    {
      if (*p == ' ' || *p == '\t' || *p == '\n' || *p == '\r')
        {
          if (!space)
            g_string_append_c (out, ' ');
          space = TRUE;
        }
      else
        {
          g_string_append_c (out, *p);
          space = FALSE;
        }
    }
  return g_string_free (out, FALSE);
}
