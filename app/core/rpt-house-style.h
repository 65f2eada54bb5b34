/* rpt-house-style.h
 *
 * Copyright 2026 The Rapporteur authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

/**
 * RptHouseStyleEdition:
 * @id: what a letter names it by ("2015")
 * @name: a label for lists ("2015–2021")
 * @description: what it changes, in a sentence or two
 * @from: (nullable): the first day of the years it describes (YYYY-MM-DD);
 *   %NULL for a variant of another edition, which no date brings in
 * @until: (nullable): the last day, or %NULL while it lasts
 * @base: (nullable): the edition it starts from
 *
 * One edition of the house style (data/styles/editions.xml): the changes
 * it makes to the standard sentences of the letters.
 */
typedef struct
{
  const char *id;
  const char *name;
  const char *description;
  const char *from;
  const char *until;
  const char *base;
} RptHouseStyleEdition;

#define RPT_TYPE_HOUSE_STYLE (rpt_house_style_get_type ())

G_DECLARE_FINAL_TYPE (RptHouseStyle, rpt_house_style, RPT, HOUSE_STYLE, GObject)

RptHouseStyle *rpt_house_style_get_default (void);
RptHouseStyle *
rpt_house_style_new_from_data (const char *data, gssize length, const char *name, GError **error);

GPtrArray *rpt_house_style_list_editions (RptHouseStyle *self);
const RptHouseStyleEdition *rpt_house_style_lookup_edition (RptHouseStyle *self, const char *id);
const RptHouseStyleEdition *rpt_house_style_get_newest (RptHouseStyle *self);
const RptHouseStyleEdition *rpt_house_style_suggest_edition (RptHouseStyle *self, const char *date);
GHashTable *rpt_house_style_dup_substitutions (RptHouseStyle *self, const char *id);

G_END_DECLS
