/* rpt-xml-private.h
 *
 * Copyright 2026 The Rapporteur authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>
#include <libxml/tree.h>

G_BEGIN_DECLS

gboolean rpt_xml_read_file (const char *path, char **data, gsize *length, GError **error);
gboolean rpt_xml_is (xmlNode *node, const char *ns, const char *name);
char *rpt_xml_dup_attr (xmlNode *node, const char *ns, const char *name);
char *rpt_xml_collapse_space (const char *text);

G_END_DECLS
