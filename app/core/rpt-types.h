/* rpt-types.h
 *
 * Copyright 2026 The Rapporteur authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

/**
 * RptLetterKind:
 * @RPT_LETTER_KIND_AL: allegation letter
 * @RPT_LETTER_KIND_UA: urgent appeal
 * @RPT_LETTER_KIND_OL: letter on legislation and policy ("other letter")
 */
typedef enum
{
  RPT_LETTER_KIND_AL,
  RPT_LETTER_KIND_UA,
  RPT_LETTER_KIND_OL,
} RptLetterKind;

typedef enum
{
  RPT_GENDER_UNKNOWN,
  RPT_GENDER_FEMALE,
  RPT_GENDER_MALE,
  RPT_GENDER_OTHER,
} RptGender;

/**
 * RptTitleForm:
 * @RPT_TITLE_FORM_UNSPECIFIED: not recorded: letters use the form of UN
 *   resolutions ("Rapporteur spécial", "Relator Especial") and say so
 * @RPT_TITLE_FORM_MASCULINE: "Rapporteur spécial", "Relator Especial"
 * @RPT_TITLE_FORM_FEMININE: "Rapporteuse spéciale", "Relatora Especial"
 *
 * The form of title a mandate holder uses, in the languages whose titles
 * have a gender. Working Groups have one form only.
 */
typedef enum
{
  RPT_TITLE_FORM_UNSPECIFIED,
  RPT_TITLE_FORM_MASCULINE,
  RPT_TITLE_FORM_FEMININE,
} RptTitleForm;

/**
 * RptWgad:
 * @RPT_WGAD_AUTO: add the Working Group on Arbitrary Detention paragraph when
 *   a person concerned is deprived of liberty
 * @RPT_WGAD_YES: always add it
 * @RPT_WGAD_NO: never add it
 */
typedef enum
{
  RPT_WGAD_AUTO,
  RPT_WGAD_YES,
  RPT_WGAD_NO,
} RptWgad;

/**
 * RptSummaryArticle:
 * @RPT_SUMMARY_ARTICLE_USUAL: the letter language's usual words: English
 *   "concerning the **summary**"; French and Spanish summaries begin with
 *   their own article ("concernant **la détention …**")
 * @RPT_SUMMARY_ARTICLE_NONE: nothing between "concerning" and the bold
 *   summary ("concerning **alleged excessive use of force**")
 * @RPT_SUMMARY_ARTICLE_OWN: the drafter's words there, not bold
 *   (#RptLetter:summary-article-text: "a series of")
 *
 * What stands between "information we have received concerning" and the
 * bold summary: the drafter decides, as the published letters show.
 */
typedef enum
{
  RPT_SUMMARY_ARTICLE_USUAL,
  RPT_SUMMARY_ARTICLE_NONE,
  RPT_SUMMARY_ARTICLE_OWN,
} RptSummaryArticle;

/**
 * RptFactsLead:
 * @RPT_FACTS_LEAD_INFORMATION_RECEIVED: "According to the information
 *   received:"
 * @RPT_FACTS_LEAD_NEW_INFORMATION: "According to the new information
 *   received:" (a follow-up letter)
 */
typedef enum
{
  RPT_FACTS_LEAD_INFORMATION_RECEIVED,
  RPT_FACTS_LEAD_NEW_INFORMATION,
} RptFactsLead;

/**
 * RptCommunicationsPlace:
 * @RPT_COMMUNICATIONS_PLACE_AFTER_SUBJECT: right after the paragraph that
 *   says what the letter is about, before the profile
 * @RPT_COMMUNICATIONS_PLACE_AFTER_PROFILE: after the profile of the persons
 *   concerned, before the facts (AL TJK 1/2025)
 * @RPT_COMMUNICATIONS_PLACE_AFTER_FACTS: after the facts, before the
 *   concerns
 * @RPT_COMMUNICATIONS_PLACE_AFTER_CONCERNS: after the concerns, before the
 *   paragraph that points to the annex
 *
 * Where the paragraph on earlier communications stands in the letter.
 */
typedef enum
{
  RPT_COMMUNICATIONS_PLACE_AFTER_SUBJECT,
  RPT_COMMUNICATIONS_PLACE_AFTER_PROFILE,
  RPT_COMMUNICATIONS_PLACE_AFTER_FACTS,
  RPT_COMMUNICATIONS_PLACE_AFTER_CONCERNS,
} RptCommunicationsPlace;

/**
 * RptCommunicationSender:
 * @RPT_COMMUNICATION_SENDER_US: the mandates of this letter sent it ("We
 *   previously wrote …")
 * @RPT_COMMUNICATION_SENDER_OTHERS: other mandate holders sent it
 */
typedef enum
{
  RPT_COMMUNICATION_SENDER_US,
  RPT_COMMUNICATION_SENDER_OTHERS,
} RptCommunicationSender;

/**
 * RptReply:
 * @RPT_REPLY_AUTO: received when a reply date is given, not received
 *   otherwise (what letters made before this choice existed say)
 * @RPT_REPLY_NOT_RECEIVED: "We regret that we have not yet received a
 *   reply to this communication."
 * @RPT_REPLY_RECEIVED: "We thank your Excellency's Government for its
 *   reply dated …"
 * @RPT_REPLY_PARTIAL: the reply did not answer the concerns: "We thank
 *   your Excellency's Government for its response dated …, but we remain
 *   concerned …"
 * @RPT_REPLY_UNMENTIONED: the letter says nothing of a reply
 *
 * What the letter says of the reply to an earlier communication.
 */
typedef enum
{
  RPT_REPLY_AUTO,
  RPT_REPLY_NOT_RECEIVED,
  RPT_REPLY_RECEIVED,
  RPT_REPLY_PARTIAL,
  RPT_REPLY_UNMENTIONED,
} RptReply;

typedef enum
{
  RPT_PARAGRAPH_STYLE_PARAGRAPH,
  RPT_PARAGRAPH_STYLE_BULLET,
} RptParagraphStyle;

/**
 * RptPart:
 *
 * The ordered parts of a letter, in the order the letter XML holds them.
 */
typedef enum
{
  RPT_PART_MANDATES,
  RPT_PART_SIGNATORIES,
  RPT_PART_PERSONS,
  RPT_PART_PROFILE,
  RPT_PART_COMMUNICATIONS,
  RPT_PART_FACTS,
  RPT_PART_CONCERNS,
  RPT_PART_QUESTIONS,
  RPT_PART_ANNEX,
  RPT_N_PARTS
} RptPart;

GType rpt_letter_kind_get_type (void) G_GNUC_CONST;
GType rpt_gender_get_type (void) G_GNUC_CONST;
GType rpt_title_form_get_type (void) G_GNUC_CONST;
GType rpt_wgad_get_type (void) G_GNUC_CONST;
GType rpt_paragraph_style_get_type (void) G_GNUC_CONST;
GType rpt_summary_article_get_type (void) G_GNUC_CONST;
GType rpt_facts_lead_get_type (void) G_GNUC_CONST;
GType rpt_communications_place_get_type (void) G_GNUC_CONST;
GType rpt_communication_sender_get_type (void) G_GNUC_CONST;
GType rpt_reply_get_type (void) G_GNUC_CONST;
GType rpt_part_get_type (void) G_GNUC_CONST;

#define RPT_TYPE_LETTER_KIND (rpt_letter_kind_get_type ())
#define RPT_TYPE_GENDER (rpt_gender_get_type ())
#define RPT_TYPE_TITLE_FORM (rpt_title_form_get_type ())
#define RPT_TYPE_WGAD (rpt_wgad_get_type ())
#define RPT_TYPE_PARAGRAPH_STYLE (rpt_paragraph_style_get_type ())
#define RPT_TYPE_SUMMARY_ARTICLE (rpt_summary_article_get_type ())
#define RPT_TYPE_FACTS_LEAD (rpt_facts_lead_get_type ())
#define RPT_TYPE_COMMUNICATIONS_PLACE (rpt_communications_place_get_type ())
#define RPT_TYPE_COMMUNICATION_SENDER (rpt_communication_sender_get_type ())
#define RPT_TYPE_REPLY (rpt_reply_get_type ())
#define RPT_TYPE_PART (rpt_part_get_type ())

const char *rpt_letter_kind_to_code (RptLetterKind kind);
gboolean rpt_letter_kind_from_code (const char *code, RptLetterKind *kind);
const char *rpt_gender_to_string (RptGender gender);
gboolean rpt_gender_from_string (const char *str, RptGender *gender);
const char *rpt_title_form_to_string (RptTitleForm form);
gboolean rpt_title_form_from_string (const char *str, RptTitleForm *form);
const char *rpt_wgad_to_string (RptWgad wgad);
gboolean rpt_wgad_from_string (const char *str, RptWgad *wgad);
const char *rpt_enum_to_string (GType type, int value);
gboolean rpt_enum_from_string (GType type, const char *str, int *value);
const char *rpt_part_to_string (RptPart part);
gboolean rpt_part_from_string (const char *str, RptPart *part);
GType rpt_part_get_item_type (RptPart part);

gboolean rpt_date_is_valid (const char *iso_date);
char *rpt_date_dup_today (void);
gboolean rpt_language_is_supported (const char *language);
gboolean rpt_country_code_is_valid (const char *code);

G_END_DECLS
