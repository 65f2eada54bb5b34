/* rpt-reference.h
 *
 * Copyright 2026 The Rapporteur authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "rpt-types.h"

G_BEGIN_DECLS

/*
 * The reference data letters draw on: Special Procedures mandates (titles,
 * the resolutions they act under), legal instruments and references, the
 * States' participation in treaties, country names and the clause library.
 *
 * The tables are built into the core (data/reference/, see its README.md
 * and PROVENANCE.md) and a user can correct or extend them without
 * rebuilding: a CSV file of the same name and columns in the override
 * folder ($XDG_DATA_HOME/rapporteur/reference/) replaces the built-in rows
 * with the same key and adds the others. Country names come from the
 * iso-codes package at run time, translated with its gettext catalogues.
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
 * @title_fr: (nullable): the French title
 * @title_es: (nullable): the Spanish title
 * @resolutions: (array zero-terminated=1): the Human Rights Council
 *   resolutions the mandate acts under ("52/4"); may be empty
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
  const char *as_of;
  gboolean verified;
  const char *verification;
  const char *source;
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

const RptTreatyStatus *rpt_reference_lookup_treaty_status (RptReference *self,
                                                           const char *instrument,
                                                           const char *country);
const RptInstrumentInfo *rpt_reference_lookup_instrument (RptReference *self, const char *code);
const RptLegalReference *rpt_reference_lookup_legal (RptReference *self, const char *key);
GPtrArray *rpt_reference_list_legal (RptReference *self);

gboolean rpt_reference_has_country (RptReference *self, const char *code);
char *rpt_reference_dup_country_name (RptReference *self, const char *code, const char *language);

GPtrArray *rpt_reference_list_clauses (RptReference *self, const char *language, RptPart part);
const char *rpt_treaty_action_to_string (RptTreatyAction action);

G_END_DECLS
