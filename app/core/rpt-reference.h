/* rpt-reference.h
 *
 * Copyright 2026 The Rapporteur authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "rpt-overrides.h"
#include "rpt-types.h"

G_BEGIN_DECLS

/*
 * The reference data letters draw on: Special Procedures mandates (titles,
 * the resolutions they act under), legal instruments and references, the
 * States' participation in treaties, country names and the clause library.
 *
 * The tables are built into the core (data/reference/, see its README.md
 * and PROVENANCE files) and a user can correct or extend them without
 * rebuilding: a CSV file of the same name and columns in the override
 * folder ($XDG_DATA_HOME/rapporteur/reference/) replaces the built-in rows
 * with the same key and adds the others. Country names are the UN's
 * (un_country_names.csv, in English, French and Spanish, with the forms
 * after "de" and "à"); a country the UN table lacks falls back to the
 * iso-codes package, translated with its gettext catalogues.
 *
 * Every row says how far it can be trusted: @as_of (the date the data
 * describes or was last checked) and @verified with a @verification note,
 * so that forms and exports can show a drafter what is unverified.
 * @source is "built-in" or the path of the user's file.
 *
 * An RptReference never changes once made, so it can be shared between
 * threads.
 */

#define RPT_TYPE_REFERENCE (rpt_reference_get_type ())

G_DECLARE_FINAL_TYPE (RptReference, rpt_reference, RPT, REFERENCE, GObject)

/**
 * RptMandateInfo:
 * @key: the mandate key ("sr-human-rights-defenders")
 * @category: "thematic" or "country"
 * @form: "SR" (Special Rapporteur), "WG" (Working Group), "IE" (Independent Expert)…
 * @title: the English title, without "the"
 * @title_fr: (nullable): the French title, in the form UN resolutions use
 *   ("Rapporteur spécial …")
 * @title_es: (nullable): the Spanish title ("Relator Especial …")
 * @resolutions: (array zero-terminated=1): the Human Rights Council
 *   resolutions the mandate acts under ("52/4"); may be empty
 * @title_fr_feminine: (nullable): the French title a woman holder uses
 *   ("Rapporteuse spéciale …"); none for Working Groups
 * @title_es_feminine: (nullable): the Spanish one ("Relatora Especial …")
 * @title_fr_attested: (nullable): how far the French title can be
 *   trusted: "yes" (word for word in a UN document), "press" (a UN press
 *   text), "no" (a rendering of standard UN terms, not seen in a source)
 * @title_es_attested: (nullable): the same for the Spanish title
 * @source_urls: (nullable): where the row's facts come from, URLs
 *   separated by spaces (the tables' `source_urls`)
 * @notes: (nullable): what the compiler noted on the row (renewals not
 *   found, title variants)
 */
typedef struct
{
  const char *key;
  const char *category;
  const char *form;
  const char *title;
  const char *title_fr;
  const char *title_es;
  const char *const *resolutions;
  const char *title_fr_feminine;
  const char *title_es_feminine;
  const char *title_fr_attested;
  const char *title_es_attested;
  const char *as_of;
  gboolean verified;
  const char *verification;
  const char *source;
  const char *source_urls;
  const char *notes;
} RptMandateInfo;

/**
 * RptTreatyAction:
 *
 * How a State became party to a treaty.
 */
typedef enum
{
  RPT_TREATY_ACTION_NONE,
  RPT_TREATY_ACTION_RATIFICATION,
  RPT_TREATY_ACTION_ACCESSION,
  RPT_TREATY_ACTION_SUCCESSION,
  RPT_TREATY_ACTION_ACCEPTANCE,
  RPT_TREATY_ACTION_APPROVAL,
  RPT_TREATY_ACTION_FORMAL_CONFIRMATION,
} RptTreatyAction;

/**
 * RptTreatyStatus:
 * @instrument: the instrument code ("ICCPR")
 * @country: the ISO 3166-1 alpha-3 code of the State
 * @signature_date: (nullable): YYYY-MM-DD
 * @consent_date: (nullable): the date of ratification, accession…; %NULL
 *   when the State has only signed
 * @action: how it became party, or %RPT_TREATY_ACTION_NONE
 */
typedef struct
{
  const char *instrument;
  const char *country;
  const char *signature_date;
  const char *consent_date;
  RptTreatyAction action;
  const char *as_of;
  gboolean verified;
  const char *verification;
  const char *source;
} RptTreatyStatus;

/**
 * RptInstrumentInfo:
 * @code: "ICCPR"
 * @title: the title in the UN Treaty Collection
 * @conclusion_date: YYYY-MM-DD
 */
typedef struct
{
  const char *code;
  const char *title;
  const char *conclusion_date;
  const char *as_of;
  gboolean verified;
  const char *verification;
  const char *source;
} RptInstrumentInfo;

/**
 * RptLegalReference:
 * @key: "iccpr-art19"
 * @type: "treaty", "treaty-article", "general-comment", "declaration"…
 * @parent: (nullable): the key of the instrument it belongs to
 * @title: a label for forms
 * @document_symbol: (nullable): "CCPR/C/GC/34"
 * @adoption_date: (nullable): as the table gives it
 */
typedef struct
{
  const char *key;
  const char *type;
  const char *parent;
  const char *title;
  const char *document_symbol;
  const char *adoption_date;
  const char *as_of;
  gboolean verified;
  const char *verification;
  const char *source;
} RptLegalReference;

/**
 * RptCountryInfo:
 * @code: the ISO 3166-1 alpha-3 code
 * @un_member: "yes", or "observer" (the Holy See, the State of Palestine)
 * @name_en: the name as English running text writes it ("the Islamic
 *   Republic of Iran", "Tajikistan")
 * @name_fr: in French, with its article ("la République islamique
 *   d'Iran", "le Tadjikistan")
 * @name_es: in Spanish ("la República Islámica del Irán", "Tayikistán")
 * @fr_de: after French "de" ("de la République islamique d'Iran", "du
 *   Tadjikistan")
 * @fr_a: after French "à" ("au Tadjikistan")
 * @es_de: after Spanish "de" ("del Afganistán")
 * @es_a: after Spanish "a" ("al Afganistán")
 * @list_en: the short name for lists and headings ("Iran (Islamic
 *   Republic of)")
 *
 * A UN Member or observer State's names, from the UN terminology data
 * (un_country_names.csv and PROVENANCE-names-and-titles.md). @verified is
 * %FALSE for a row that was corrected by hand; @verification says how.
 */
typedef struct
{
  const char *code;
  const char *un_member;
  const char *name_en;
  const char *name_fr;
  const char *name_es;
  const char *fr_de;
  const char *fr_a;
  const char *es_de;
  const char *es_a;
  const char *list_en;
  const char *list_fr;
  const char *list_es;
  const char *as_of;
  gboolean verified;
  const char *verification;
  const char *source;
} RptCountryInfo;

/**
 * RptCountryForm:
 * @RPT_COUNTRY_FORM_IN_TEXT: as running text writes it, with its article
 * @RPT_COUNTRY_FORM_AFTER_DE: after "de" (English: "of …")
 * @RPT_COUNTRY_FORM_AFTER_A: after "à" or "a" (English: "to …")
 * @RPT_COUNTRY_FORM_LIST: the short name for lists and headings
 */
typedef enum
{
  RPT_COUNTRY_FORM_IN_TEXT,
  RPT_COUNTRY_FORM_AFTER_DE,
  RPT_COUNTRY_FORM_AFTER_A,
  RPT_COUNTRY_FORM_LIST,
} RptCountryForm;

/**
 * RptClause:
 * @key: a stable key ("question-additional-information")
 * @part: the part of the letter it belongs to
 * @reference: (nullable): the key of the #RptLegalReference it cites
 * @title: a short label for menus, in the requested language
 * @markup: the paragraph as inline markup (rpt-markup.h), in the
 *   requested language
 *
 * A standard paragraph from the clause library.
 */
typedef struct
{
  const char *key;
  RptPart part;
  const char *reference;
  const char *title;
  const char *markup;
} RptClause;

RptReference *rpt_reference_get_default (void);
RptReference *rpt_reference_new (const char *override_dir);
char *rpt_reference_dup_default_override_dir (void);

const char *rpt_reference_get_override_dir (RptReference *self);
const char *const *rpt_reference_get_problems (RptReference *self);

const RptMandateInfo *rpt_reference_lookup_mandate (RptReference *self, const char *key);
GPtrArray *rpt_reference_list_mandates (RptReference *self);
const char *rpt_mandate_info_get_title (const RptMandateInfo *info, const char *language);
const char *rpt_mandate_info_get_ui_title (const RptMandateInfo *info);
const char *
rpt_mandate_info_lookup_title (const RptMandateInfo *info, const char *language, RptTitleForm form);
const char *rpt_mandate_info_get_title_attested (const RptMandateInfo *info, const char *language);

const RptTreatyStatus *rpt_reference_lookup_treaty_status (RptReference *self,
                                                           const char *instrument,
                                                           const char *country);
const RptInstrumentInfo *rpt_reference_lookup_instrument (RptReference *self, const char *code);
GPtrArray *rpt_reference_list_instruments (RptReference *self);
const RptLegalReference *rpt_reference_lookup_legal (RptReference *self, const char *key);
GPtrArray *rpt_reference_list_legal (RptReference *self);

gboolean rpt_reference_has_country (RptReference *self, const char *code);
char *rpt_reference_dup_country_name (RptReference *self, const char *code, const char *language);
char *rpt_reference_dup_country_form (RptReference *self,
                                      const char *code,
                                      const char *language,
                                      RptCountryForm form,
                                      gboolean *from_un_data);
const RptCountryInfo *rpt_reference_lookup_country (RptReference *self, const char *code);

GPtrArray *rpt_reference_list_clauses (RptReference *self, const char *language, RptPart part);
const char *rpt_treaty_action_to_string (RptTreatyAction action);
const char *rpt_treaty_action_get_label (RptTreatyAction action);

/* Mandates are renewed every three years or so, under a new resolution,
 * and treaty participation changes too: data older than this, before a
 * letter's date, is probably out of date. */
#define RPT_REFERENCE_STALE_MONTHS 36

int rpt_reference_months_since (const char *as_of, const char *date);
gboolean rpt_reference_as_of_is_stale (const char *as_of, const char *date);

/* The user's corrections, field by field (rpt-overrides.h) */
RptReference *rpt_reference_reload_default (void);
char *rpt_reference_dup_default_overrides_path (void);
const char *rpt_reference_get_overrides_path (RptReference *self);
RptOverrides *rpt_reference_get_overrides (RptReference *self);
gboolean
rpt_reference_has_row (RptReference *self, RptOverrideTable table, const char *key, GError **error);
char *rpt_reference_dup_value (RptReference *self,
                               RptOverrideTable table,
                               const char *key,
                               const char *field);
char *rpt_reference_dup_data_value (RptReference *self,
                                    RptOverrideTable table,
                                    const char *key,
                                    const char *field);
const RptOverride *rpt_reference_lookup_override (RptReference *self,
                                                  RptOverrideTable table,
                                                  const char *key,
                                                  const char *field);
GPtrArray *rpt_reference_list_countries (RptReference *self);
GPtrArray *rpt_reference_list_treaty_statuses (RptReference *self, const char *country);

/* ------------------------------------------------------------------ */
/* What the data knows of a mandate over time (issue 10)              */

/**
 * RptResolutionInfo:
 * @mandate_key: the mandate it acts under
 * @number: "52/4" (Human Rights Council: session/number) or "1993/45"
 *   (Commission on Human Rights: year/number)
 * @date: (nullable): when it was adopted, as precisely as the source
 *   says: "2023-04-03", "2020-03" or "2020"; %NULL when no source dates it
 * @council: %TRUE for a Human Rights Council resolution, %FALSE for one of
 *   the Commission on Human Rights (letters cite the Council's)
 * @verified: whether a source states the number word for word
 *
 * One resolution a mandate was established, renewed or renamed by, from
 * special_procedures_mandates_multilingual.csv (establishing_resolution,
 * last_verified_resolution, latest_renewal_resolution),
 * special_procedures_mandates.csv (other_verified_resolutions) or the
 * user's correction; @verification says which and how far it is trusted.
 */
typedef struct
{
  const char *mandate_key;
  const char *number;
  const char *date;
  gboolean council;
  const char *as_of;
  gboolean verified;
  const char *verification;
  const char *source;
} RptResolutionInfo;

/**
 * RptTitleHistoryInfo:
 * @mandate_key: the mandate
 * @language: "en", "fr" or "es"
 * @title: the title as the source gives it
 * @used_from: when it came into use, as the source says ("2022-07",
 *   "1994", "2016 (by 2019 at the latest)", "(undated web usage)")
 * @used_until: (nullable): when it went out of use; %NULL while in use
 * @changed_by: (nullable): the resolution or session that changed it
 * @verified: "yes" in the source
 * @verification: the source's verification word ("yes", "partial") and
 *   its quote
 * @source_url: (nullable): where the quote comes from
 *
 * A row of mandate_title_history.csv: a title and the years it was used.
 */
typedef struct
{
  const char *mandate_key;
  const char *language;
  const char *title;
  const char *used_from;
  const char *used_until;
  const char *changed_by;
  const char *as_of;
  gboolean verified;
  const char *verification;
  const char *source_url;
  const char *source;
} RptTitleHistoryInfo;

/**
 * RptDating:
 * @RPT_DATING_CURRENT: the data knows no other title than the current one
 *   (or the date falls in its time): the current title
 * @RPT_DATING_KNOWN: a title of the history, in force on the date
 * @RPT_DATING_UNCERTAIN: the date falls where the data cannot say which
 *   title was in force (a change dated only by its month or year, or a
 *   time before the first title it knows): the likeliest, to be checked
 * @RPT_DATING_AMBIGUOUS: two different titles were in force (mandates
 *   since merged): none can be chosen
 *
 * How far a title looked up for a date can be trusted.
 */
typedef enum
{
  RPT_DATING_CURRENT,
  RPT_DATING_KNOWN,
  RPT_DATING_UNCERTAIN,
  RPT_DATING_AMBIGUOUS,
} RptDating;

GPtrArray *rpt_reference_list_resolutions (RptReference *self, const char *key);
GPtrArray *rpt_reference_list_title_history (RptReference *self, const char *key);
guint rpt_reference_get_renewal_period (RptReference *self, const char *key);
GPtrArray *rpt_reference_find_resolutions_at (RptReference *self,
                                              const char *key,
                                              const char *date,
                                              char **why);
const char *rpt_reference_lookup_title_at (RptReference *self,
                                           const char *key,
                                           const char *language,
                                           RptTitleForm form,
                                           const char *date,
                                           RptDating *dating,
                                           const RptTitleHistoryInfo **row);

G_END_DECLS
