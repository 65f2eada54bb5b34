/* rpt-data-private.h
 *
 * Copyright 2026 The Rapporteur authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>
#include <libxml/tree.h>

G_BEGIN_DECLS

/* Readers for the data files the core ships (in its GResource) and the
 * user may override: CSV tables, gettext catalogues and XML. */

/* Under the application id (docs/application-id.md). */
#define RPT_RESOURCE_PATH "/io/github/rapporteur/Rapporteur/core/"

/* The libxml2 options of every parse in the core: no entity expansion, no
 * DTD loading, no network; errors are collected, not printed. */
#define RPT_XML_PARSE_OPTIONS                                                      \
  (XML_PARSE_NONET | XML_PARSE_NOERROR | XML_PARSE_NOWARNING | XML_PARSE_NOCDATA | \
   XML_PARSE_BIG_LINES)

GBytes *_rpt_data_load_resource (const char *name);

GPtrArray *_rpt_csv_parse (const char *data, gsize length, const char *filename, GError **error);
GPtrArray *_rpt_csv_parse_rows_with (const char *data,
                                     gsize length,
                                     const char *filename,
                                     const char *needle,
                                     GArray *numbers,
                                     GError **error);
GHashTable *_rpt_mo_load (const char *path, GError **error);
xmlDoc *_rpt_xml_read (const char *data, gsize length, const char *filename, GError **error);
guint _rpt_line_of_offset (const char *data, gsize offset);
xmlNode *_rpt_xml_translated_content (xmlNode *node, xmlDoc **owned);

G_END_DECLS
