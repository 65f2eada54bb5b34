/* rpt-window-private.h
 *
 * Copyright 2026 The Rapporteur authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "rpt-preview.h"
#include "rpt-window.h"

G_BEGIN_DECLS

struct _RptWindow
{
  AdwApplicationWindow parent_instance;

  RptLetterFile *document;
  GCancellable *cancellable;
  gboolean busy;
  gboolean closing;
  gboolean focus_on_map;
  GSignalGroup *document_signals;
  RptUndoHistory *history;
  GtkWidget *last_editor; /* weak: the text box the formatting menu acts on */

  /* template */
  AdwToastOverlay *toast_overlay;
  GtkStack *main_stack;
  GtkSpinner *loading_spinner;
  GtkWidget *welcome_box;
  GtkWidget *welcome; /* made when first shown */
  AdwLeaflet *leaflet;
  GtkListBox *sidebar;
  AdwWindowTitle *window_title;
  GtkWidget *back_button;
  GtkMenuButton *menu_button;
  GtkRevealer *banner;
  GtkLabel *banner_label;
  GtkWidget *read_only_bar;
  GtkLabel *read_only_label;
  AdwFlap *flap;
  GtkStack *section_stack;
  RptPreview *preview;
};

void _rpt_window_class_actions_init (GtkWidgetClass *widget_class);
void _rpt_window_class_review_actions_init (GtkWidgetClass *widget_class);
void _rpt_window_update_review_actions (RptWindow *self);
void _rpt_window_merge_review_path (RptWindow *self, const char *path);
void _rpt_window_send_for_review_to (RptWindow *self,
                                     const char *reviewer,
                                     const char *path,
                                     gboolean odt);
void _rpt_window_update_actions (RptWindow *self);
const char *_rpt_window_get_current_item (RptWindow *self);
const char *_rpt_window_section_for_part (RptPart part);

G_END_DECLS
