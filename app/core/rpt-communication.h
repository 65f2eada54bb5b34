/* rpt-communication.h
 *
 * Copyright 2026 The Rapporteur authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib-object.h>

#include "rpt-types.h"

G_BEGIN_DECLS

#define RPT_TYPE_COMMUNICATION (rpt_communication_get_type ())

G_DECLARE_FINAL_TYPE (RptCommunication, rpt_communication, RPT, COMMUNICATION, GObject)

RptCommunication *rpt_communication_new (void);
RptCommunication *rpt_communication_new_with_id (const char *id);
RptCommunication *rpt_communication_duplicate (RptCommunication *self);

const char *rpt_communication_get_id (RptCommunication *self);
const char *rpt_communication_get_reference (RptCommunication *self);
void rpt_communication_set_reference (RptCommunication *self, const char *reference);
const char *rpt_communication_get_date (RptCommunication *self);
void rpt_communication_set_date (RptCommunication *self, const char *date);
const char *rpt_communication_get_reply_date (RptCommunication *self);
void rpt_communication_set_reply_date (RptCommunication *self, const char *reply_date);
RptCommunicationSender rpt_communication_get_sender (RptCommunication *self);
void rpt_communication_set_sender (RptCommunication *self, RptCommunicationSender sender);
const char *rpt_communication_get_senders (RptCommunication *self);
void rpt_communication_set_senders (RptCommunication *self, const char *senders);
RptReply rpt_communication_get_reply (RptCommunication *self);
void rpt_communication_set_reply (RptCommunication *self, RptReply reply);
RptReply rpt_communication_get_effective_reply (RptCommunication *self);
const char *rpt_communication_get_reply_comment (RptCommunication *self);
void rpt_communication_set_reply_comment (RptCommunication *self, const char *markup);
const char *rpt_communication_get_sentence (RptCommunication *self);
void rpt_communication_set_sentence (RptCommunication *self, const char *markup);

G_END_DECLS
