/* rpt-xml.c
 *
 * Copyright 2026 The Rapporteur authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "rpt-xml"

#include <string.h>

#include "rpt-core.h"
#include "rpt-xml-private.h"

/* Small helpers for reading OpenDocument XML with libxml2 (the style sheet
 * and the document XML); parsing itself is _rpt_xml_read()'s
 * (rpt-data.c): no DTD, no entities, no network. */

gboolean
rpt_xml_read_file (const char *path, char **data, gsize *length, GError **error)
{
  return rpt_file_read_bounded (path, RPT_FILE_INPUT_MAX_SIZE, data, length, error);
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
