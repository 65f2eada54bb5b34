/* rpt-render-private.h
 *
 * Copyright 2026 The Rapporteur authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "rpt-render.h"

G_BEGIN_DECLS

/* What the rendering half offers the core (rpt-render.h): one table, in
 * the program or in the module. @size and @version let the loader refuse a
 * module from another build. */
typedef struct
{
  gsize size;
  const char *version;
  GBytes *(*document_pdf) (RptDocument *document,
                           const RptPdfOptions *options,
                           GPtrArray *warnings,
                           GError **error);
} RptRenderFuncs;

/* Defined by the rendering half (rpt-render-funcs.c); the core refers to
 * it weakly, so that a program without that half links and loads the
 * module instead. */
const RptRenderFuncs *_rpt_render_builtin (void);

#define RPT_RENDER_MODULE_NAME "librapporteur-render.so"

G_END_DECLS
