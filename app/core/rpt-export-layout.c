/* rpt-export-layout.c
 *
 * Copyright 2026 The Rapporteur authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "rpt-export"

#include "rpt-export-private.h"
#include "rpt-style-sheet.h"

/* The part of RptExport that lays pages out: in the rendering half
 * (rpt-render.h), with the layout engine it calls. */

/**
 * rpt_export_new_layout:
 *
 * Lays the letter out the one way every output does (docs/pipeline.md):
 * templates, document XML, layout engine with the house style. The
 * preview and printing draw its pages; PDF export renders them.
 * Blocking: call it from a worker; the layout then belongs to that thread.
 *
 * Returns: (transfer full): the layout, or %NULL with @error set
 */
RptLayout *
rpt_export_new_layout (RptExport *self, GError **error)
{
  g_autoptr (RptDocument) document = NULL;
  g_autoptr (RptStyleSheet) styles = NULL;
  RptLayout *layout;

  g_return_val_if_fail (RPT_IS_EXPORT (self), NULL);

  document = _rpt_export_new_document (self, error);
  if (document == NULL)
    return NULL;
  styles = rpt_style_sheet_new_default ();
  layout = rpt_layout_new (styles);
  rpt_layout_set_document (layout, document);
  return layout;
}
