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
GType rpt_part_get_type (void) G_GNUC_CONST;

#define RPT_TYPE_LETTER_KIND (rpt_letter_kind_get_type ())
#define RPT_TYPE_GENDER (rpt_gender_get_type ())
#define RPT_TYPE_TITLE_FORM (rpt_title_form_get_type ())
#define RPT_TYPE_WGAD (rpt_wgad_get_type ())
#define RPT_TYPE_PARAGRAPH_STYLE (rpt_paragraph_style_get_type ())
#define RPT_TYPE_PART (rpt_part_get_type ())

const char *rpt_letter_kind_to_code (RptLetterKind kind);
gboolean rpt_letter_kind_from_code (const char *code, RptLetterKind *kind);
const char *rpt_gender_to_string (RptGender gender);
gboolean rpt_gender_from_string (const char *str, RptGender *gender);
const char *rpt_title_form_to_string (RptTitleForm form);
gboolean rpt_title_form_from_string (const char *str, RptTitleForm *form);
const char *rpt_wgad_to_string (RptWgad wgad);
gboolean rpt_wgad_from_string (const char *str, RptWgad *wgad);
const char *rpt_part_to_string (RptPart part);
gboolean rpt_part_from_string (const char *str, RptPart *part);
GType rpt_part_get_item_type (RptPart part);

gboolean rpt_date_is_valid (const char *iso_date);
char *rpt_date_dup_today (void);
gboolean rpt_language_is_supported (const char *language);
gboolean rpt_country_code_is_valid (const char *code);

G_END_DECLS
