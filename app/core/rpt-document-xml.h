/* rpt-document-xml.h
 *
 * Copyright 2026 The Rapporteur authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>
#include <libxml/tree.h>

G_BEGIN_DECLS

/*
 * Document XML: what the templates make and every writer reads (the ODT
 * writer, the layout engine). A flat ODF office:document restricted to the
 * subset docs/pipeline.md lists; anything else is a template bug, reported
 * with the file and line of the document XML.
 */

#define RPT_NS_OFFICE "urn:oasis:names:tc:opendocument:xmlns:office:1.0"
#define RPT_NS_TEXT "urn:oasis:names:tc:opendocument:xmlns:text:1.0"
#define RPT_NS_META "urn:oasis:names:tc:opendocument:xmlns:meta:1.0"
#define RPT_NS_STYLE "urn:oasis:names:tc:opendocument:xmlns:style:1.0"
#define RPT_NS_FO "urn:oasis:names:tc:opendocument:xmlns:xsl-fo-compatible:1.0"
#define RPT_NS_DC "http://purl.org/dc/elements/1.1/"
#define RPT_NS_XLINK "http://www.w3.org/1999/xlink"

xmlDoc *
rpt_document_xml_read (const char *data, gssize length, const char *filename, GError **error);
gboolean rpt_document_xml_check (xmlDoc *document, const char *filename, GError **error);

xmlNode *rpt_document_xml_get_text (xmlDoc *document);
char *rpt_document_xml_dup_meta (xmlDoc *document, const char *ns, const char *name);
char *rpt_document_xml_dup_user_defined (xmlDoc *document, const char *name);

G_END_DECLS
