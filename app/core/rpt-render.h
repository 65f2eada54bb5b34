/* rpt-render.h
 *
 * Copyright 2026 The Rapporteur authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "rpt-document.h"
#include "rpt-pdf.h"

G_BEGIN_DECLS

/*
 * Rendering (the layout engine and the PDF writer, with Pango, Cairo,
 * HarfBuzz, fontconfig and FreeType beneath) is the heavy half of the
 * core. Programs that show pages (the application, the tests) link it in;
 * the command line loads it as a module (librapporteur-render.so) the
 * first time a command draws a page, so that a process that never does
 * (an ODT export, a comparison, a summary) never loads those libraries.
 */

GBytes *rpt_render_document_pdf (RptDocument *document,
                                 const RptPdfOptions *options,
                                 GPtrArray *warnings,
                                 GError **error);

G_END_DECLS
