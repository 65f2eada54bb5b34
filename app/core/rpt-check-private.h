/* rpt-check-private.h
 *
 * Copyright 2026 The Rapporteur authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "rpt-check.h"

G_BEGIN_DECLS

/* Made by the checks (rpt-checker.c, rpt-check-text.c) and by the
 * template, which finds what it cannot write (rpt-template.c). */

RptCheck *_rpt_check_new (const char *id,
                          const char *message,
                          RptPart part,
                          const char *item_id,
                          const char *field);
void _rpt_check_set_fix_property (RptCheck *self,
                                  const char *label,
                                  const GValue *old_value,
                                  const GValue *new_value);
void _rpt_check_set_fix_text (RptCheck *self,
                              const char *label,
                              const char *old_text,
                              const char *new_text);
void _rpt_check_set_fix_remove (RptCheck *self, const char *label, const char *old_text);
void _rpt_check_set_sequence (RptCheck *self, guint sequence);

G_END_DECLS
