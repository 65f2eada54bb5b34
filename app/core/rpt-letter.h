/* rpt-letter.h
 *
 * Copyright 2026 The Rapporteur authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "rpt-types.h"

G_BEGIN_DECLS

#define RPT_TYPE_LETTER (rpt_letter_get_type ())

G_DECLARE_FINAL_TYPE (RptLetter, rpt_letter, RPT, LETTER, GObject)

RptLetter *rpt_letter_new (void);
RptLetter *rpt_letter_new_with_id (const char *id);

const char *rpt_letter_get_id (RptLetter *self);
RptLetterKind rpt_letter_get_kind (RptLetter *self);
void rpt_letter_set_kind (RptLetter *self, RptLetterKind kind);
const char *rpt_letter_get_country (RptLetter *self);
void rpt_letter_set_country (RptLetter *self, const char *code);
gboolean rpt_letter_is_to_state (RptLetter *self);
const char *rpt_letter_get_addressee_name (RptLetter *self);
void rpt_letter_set_addressee_name (RptLetter *self, const char *name);
const char *rpt_letter_get_salutation (RptLetter *self);
void rpt_letter_set_salutation (RptLetter *self, const char *salutation);
guint rpt_letter_get_reference_number (RptLetter *self);
void rpt_letter_set_reference_number (RptLetter *self, guint number);
guint rpt_letter_get_reference_year (RptLetter *self);
void rpt_letter_set_reference_year (RptLetter *self, guint year);
char *rpt_letter_dup_reference (RptLetter *self);
const char *rpt_letter_get_date (RptLetter *self);
void rpt_letter_set_date (RptLetter *self, const char *iso_date);
const char *rpt_letter_get_language (RptLetter *self);
void rpt_letter_set_language (RptLetter *self, const char *language);
const char *rpt_letter_get_summary (RptLetter *self);
void rpt_letter_set_summary (RptLetter *self, const char *markup);
const char *rpt_letter_get_communications_about (RptLetter *self);
void rpt_letter_set_communications_about (RptLetter *self, const char *markup);
gboolean rpt_letter_get_press_release (RptLetter *self);
void rpt_letter_set_press_release (RptLetter *self, gboolean press_release);
RptWgad rpt_letter_get_wgad (RptLetter *self);
void rpt_letter_set_wgad (RptLetter *self, RptWgad wgad);
gboolean rpt_letter_get_interim_measures (RptLetter *self);
void rpt_letter_set_interim_measures (RptLetter *self, gboolean interim_measures);
RptSummaryArticle rpt_letter_get_summary_article (RptLetter *self);
void rpt_letter_set_summary_article (RptLetter *self, RptSummaryArticle article);
const char *rpt_letter_get_summary_article_text (RptLetter *self);
void rpt_letter_set_summary_article_text (RptLetter *self, const char *text);
RptFactsLead rpt_letter_get_facts_lead (RptLetter *self);
void rpt_letter_set_facts_lead (RptLetter *self, RptFactsLead lead);
RptCommunicationsPlace rpt_letter_get_communications_place (RptLetter *self);
void rpt_letter_set_communications_place (RptLetter *self, RptCommunicationsPlace place);
const char *rpt_letter_get_co_senders (RptLetter *self);
void rpt_letter_set_co_senders (RptLetter *self, const char *markup);
const char *rpt_letter_get_house_style (RptLetter *self);
void rpt_letter_set_house_style (RptLetter *self, const char *edition);

GListModel *rpt_letter_get_part (RptLetter *self, RptPart part);
guint rpt_letter_get_n_items (RptLetter *self, RptPart part);
gpointer rpt_letter_get_item (RptLetter *self, RptPart part, guint position);
gboolean rpt_letter_insert_item (RptLetter *self, RptPart part, guint position, gpointer item);
gboolean rpt_letter_append_item (RptLetter *self, RptPart part, gpointer item);
void rpt_letter_remove_item (RptLetter *self, RptPart part, guint position);
void rpt_letter_move_item (RptLetter *self, RptPart part, guint from, guint to);
const char *rpt_letter_item_get_id (gpointer item);
gpointer rpt_letter_find_item (RptLetter *self, const char *id, RptPart *part, guint *position);

gboolean rpt_letter_has_person_deprived_of_liberty (RptLetter *self);
guint64 rpt_letter_get_revision (RptLetter *self);

G_END_DECLS
