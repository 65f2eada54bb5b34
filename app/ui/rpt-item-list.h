/* rpt-item-list.h
 *
 * Copyright 2026 The Rapporteur authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

#define RPT_TYPE_ITEM_LIST (rpt_item_list_get_type ())

G_DECLARE_FINAL_TYPE (RptItemList, rpt_item_list, RPT, ITEM_LIST, GtkWidget)

/**
 * RptItemListCreateFunc:
 * @item: (transfer none): the model's item
 *
 * Returns: (transfer full): a new widget showing @item (floating or not)
 */
typedef GtkWidget *(*RptItemListCreateFunc) (gpointer item, gpointer user_data);

/**
 * RptItemListEstimateFunc:
 * @item: (transfer none): the model's item
 * @width: the width rows are given
 *
 * Returns: the height the row for @item will likely have, before it is
 *   made: what the scroll bar is sized from
 */
typedef int (*RptItemListEstimateFunc) (gpointer item, int width, gpointer user_data);

GtkWidget *rpt_item_list_new (void);
void rpt_item_list_set_model (RptItemList *self,
                              GListModel *model,
                              RptItemListCreateFunc create,
                              RptItemListEstimateFunc estimate,
                              gpointer user_data);
GListModel *rpt_item_list_get_model (RptItemList *self);
void rpt_item_list_set_max_width (RptItemList *self, int width);
GtkWidget *rpt_item_list_get_row (RptItemList *self, guint position);
GtkWidget *rpt_item_list_ensure_row (RptItemList *self, guint position);
int rpt_item_list_get_position (RptItemList *self, GtkWidget *row);
void rpt_item_list_scroll_to (RptItemList *self, guint position);
guint rpt_item_list_get_n_widgets (RptItemList *self);

void rpt_scroll_reveal (GtkWidget *widget, const graphene_rect_t *rect);

G_END_DECLS
