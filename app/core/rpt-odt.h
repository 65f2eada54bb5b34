/* rpt-odt.h
 *
 * Copyright 2026 The Rapporteur authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>
#include <libxml/tree.h>

G_BEGIN_DECLS

/*
 * The ODT writer: document XML (rpt-document-xml.h) → an OpenDocument text
 * package. The package holds, in this order, "mimetype" (first and
 * stored, as ODF requires), content.xml, styles.xml (the house style,
 * data/styles/house-style.xml, with the reference shown in the page header
 * and the letter language as the default language), meta.xml (title,
 * subject, language, keywords, creator, dates, generator) and
 * META-INF/manifest.xml, which lists every part.
 */

#define RPT_ODT_MIMETYPE "application/vnd.oasis.opendocument.text"
#define RPT_GENERATOR "Rapporteur/" PACKAGE_VERSION

GBytes *rpt_odt_build (xmlDoc *document, const char *creator, GDateTime *date, GError **error);

G_END_DECLS
