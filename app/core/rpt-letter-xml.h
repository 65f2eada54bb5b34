/* rpt-letter-xml.h
 *
 * Copyright 2026 The Rapporteur authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "rpt-letter.h"

G_BEGIN_DECLS

#define RPT_LETTER_XML_NS "urn:x-rapporteur:letter"
#define RPT_LETTER_XML_VERSION 1
/* Letters are text: anything larger is refused before it is parsed. */
#define RPT_LETTER_XML_MAX_SIZE (64 * 1024 * 1024)

char *rpt_letter_to_xml (RptLetter *letter, gsize *length);
RptLetter *
rpt_letter_new_from_xml (const char *data, gssize length, const char *filename, GError **error);
RptLetter *rpt_letter_new_from_xml_file (const char *path, GError **error);

/* Pieces the document file stores row by row. */
void rpt_letter_xml_append_item (GString *out, RptPart part, gpointer item, gboolean standalone);
gpointer rpt_letter_xml_parse_item (RptPart part, const char *xml, gssize length, GError **error);

G_END_DECLS
