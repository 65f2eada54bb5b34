/* rpt-template.h
 *
 * Copyright 2026 The Rapporteur authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "rpt-house-style.h"
#include "rpt-reference.h"

G_BEGIN_DECLS

/*
 * The letter templates: an XSLT stylesheet that turns letter XML into
 * document XML (docs/pipeline.md) and the catalogue of standard sentences
 * it draws on, in every language it is translated into.
 *
 * The core resolves what the letter only names (mandate titles and
 * resolutions, the addressee's name, treaty participation) from an
 * #RptReference and hands it to the stylesheet with the sentences in the
 * letter's language. The stylesheet runs under a libxslt security policy
 * that forbids reading and writing files, creating folders and all network
 * access. Errors in a template name its file and line.
 *
 * A compiled template is never changed, so one template can render
 * letters in several threads at once.
 */

#define RPT_TYPE_TEMPLATE (rpt_template_get_type ())

G_DECLARE_FINAL_TYPE (RptTemplate, rpt_template, RPT, TEMPLATE, GObject)

RptTemplate *rpt_template_get_default (GError **error);
RptTemplate *
rpt_template_new_from_files (const char *stylesheet, const char *boilerplate, GError **error);

gboolean rpt_template_has_language (RptTemplate *self, const char *language);
void rpt_template_set_house_style (RptTemplate *self, RptHouseStyle *style);
char *rpt_template_render (RptTemplate *self,
                           const char *letter_xml,
                           gssize length,
                           RptReference *reference,
                           GPtrArray *notes,
                           gsize *out_length,
                           GError **error);

G_END_DECLS
