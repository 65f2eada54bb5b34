/* rpt-check.h
 *
 * Copyright 2026 The Rapporteur authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "rpt-letter.h"
#include "rpt-types.h"

G_BEGIN_DECLS

/**
 * RptCheckSeverity:
 * @RPT_CHECK_SEVERITY_ERROR: the letter must not go out like this: a
 *   required part is missing, or the letter shows a gap
 * @RPT_CHECK_SEVERITY_WARNING: probably wrong: look before sending
 * @RPT_CHECK_SEVERITY_INFO: worth knowing, nothing to fix yet
 *
 * How serious a finding is. Errors come first when sorted.
 */
typedef enum
{
  RPT_CHECK_SEVERITY_ERROR,
  RPT_CHECK_SEVERITY_WARNING,
  RPT_CHECK_SEVERITY_INFO,
} RptCheckSeverity;

GType rpt_check_severity_get_type (void) G_GNUC_CONST;
#define RPT_TYPE_CHECK_SEVERITY (rpt_check_severity_get_type ())

const char *rpt_check_severity_to_string (RptCheckSeverity severity);

/**
 * RptCheckInfo:
 * @id: the stable id of the check ("date-missing")
 * @severity: the severity of what it finds
 * @title: (nullable): what it looks for, untranslated (N_()); pass it
 *   through gettext to show it
 *
 * One kind of check, as docs/checks.md lists them.
 */
typedef struct
{
  const char *id;
  RptCheckSeverity severity;
  const char *title;
} RptCheckInfo;

const RptCheckInfo *rpt_check_list_infos (guint *n_infos);
const RptCheckInfo *rpt_check_lookup_info (const char *id);

#define RPT_TYPE_CHECK (rpt_check_get_type ())

G_DECLARE_FINAL_TYPE (RptCheck, rpt_check, RPT, CHECK, GObject)

const char *rpt_check_get_id (RptCheck *self);
RptCheckSeverity rpt_check_get_severity (RptCheck *self);
const char *rpt_check_get_message (RptCheck *self);
RptPart rpt_check_get_part (RptCheck *self);
const char *rpt_check_get_item_id (RptCheck *self);
const char *rpt_check_get_field (RptCheck *self);
gboolean rpt_check_has_fix (RptCheck *self);
const char *rpt_check_get_fix_label (RptCheck *self);
gboolean rpt_check_apply_fix (RptCheck *self, RptLetter *letter, GError **error);
gboolean rpt_check_equal (RptCheck *a, RptCheck *b);
int rpt_check_compare (RptCheck *a, RptCheck *b);

G_END_DECLS
