/* rpt-comment-dialog.h
 *
 * Copyright 2026 The Rapporteur authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "rpt-letter-file.h"

G_BEGIN_DECLS

#define RPT_TYPE_COMMENT_DIALOG (rpt_comment_dialog_get_type ())

G_DECLARE_FINAL_TYPE (RptCommentDialog, rpt_comment_dialog, RPT, COMMENT_DIALOG, AdwWindow)

RptCommentDialog *rpt_comment_dialog_new (GtkWindow *parent,
                                          RptLetterFile *document,
                                          RptComment *draft,
                                          const char *heading,
                                          const char *place);
GtkTextBuffer *rpt_comment_dialog_get_buffer (RptCommentDialog *self);
void rpt_comment_dialog_send (RptCommentDialog *self);

G_END_DECLS
