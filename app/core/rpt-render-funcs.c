/* rpt-render-funcs.c
 *
 * Copyright 2026 The Rapporteur authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "rpt-render"

#include <gmodule.h>

#include "rpt-layout.h"
#include "rpt-pdf.h"
#include "rpt-render-private.h"
#include "rpt-style-sheet.h"

/* The rendering half's side of rpt-render.h: built into the programs that
 * link it, and into librapporteur-render.so for the command line. */

static GBytes *
document_pdf (RptDocument *document,
              const RptPdfOptions *options,
              GPtrArray *warnings,
              GError **error)
{
  g_autoptr (RptStyleSheet) styles = rpt_style_sheet_new_default ();
  g_autoptr (RptLayout) layout = rpt_layout_new (styles);
  GBytes *pdf;

  rpt_layout_set_document (layout, document);
  pdf = rpt_pdf_render (layout, options, error);
  if (warnings != NULL)
    {
      g_autoptr (GPtrArray) found = rpt_layout_dup_warnings (layout);
      for (guint i = 0; i < found->len; i++)
        g_ptr_array_add (warnings, g_strdup (g_ptr_array_index (found, i)));
    }
  return pdf;
}

static const RptRenderFuncs funcs = {
  sizeof (RptRenderFuncs),
  PACKAGE_VERSION,
  document_pdf,
};

/* Exported by the module: the loader looks it up by name. */
G_MODULE_EXPORT const RptRenderFuncs *
_rpt_render_builtin (void)
{
  return &funcs;
}
