/* rpt-person.h
 *
 * Copyright 2026 The Rapporteur authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib-object.h>

#include "rpt-types.h"

G_BEGIN_DECLS

#define RPT_TYPE_PERSON (rpt_person_get_type ())

G_DECLARE_FINAL_TYPE (RptPerson, rpt_person, RPT, PERSON, GObject)

RptPerson *rpt_person_new (void);
RptPerson *rpt_person_new_with_id (const char *id);
RptPerson *rpt_person_duplicate (RptPerson *self);

const char *rpt_person_get_id (RptPerson *self);
const char *rpt_person_get_name (RptPerson *self);
void rpt_person_set_name (RptPerson *self, const char *name);
const char *rpt_person_get_honorific (RptPerson *self);
void rpt_person_set_honorific (RptPerson *self, const char *honorific);
RptGender rpt_person_get_gender (RptPerson *self);
void rpt_person_set_gender (RptPerson *self, RptGender gender);
int rpt_person_get_age (RptPerson *self);
void rpt_person_set_age (RptPerson *self, int age);
const char *rpt_person_get_occupation (RptPerson *self);
void rpt_person_set_occupation (RptPerson *self, const char *occupation);
gboolean rpt_person_get_defender (RptPerson *self);
void rpt_person_set_defender (RptPerson *self, gboolean defender);
gboolean rpt_person_get_deprived_of_liberty (RptPerson *self);
void rpt_person_set_deprived_of_liberty (RptPerson *self, gboolean deprived_of_liberty);

G_END_DECLS
