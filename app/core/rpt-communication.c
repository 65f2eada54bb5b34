/* rpt-communication.c
 *
 * Copyright 2026 The Rapporteur authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "rpt-communication"

#include "rpt-item-private.h"
#include "rpt-communication.h"

/**
 * RptCommunication:
 *
 * An earlier communication the letter refers to ("We previously wrote to
 * your Excellency's Government on …"): its reference and date, who sent
 * it (these mandates or other mandate holders), what the letter says of
 * the reply (received, not received, received but not answering the
 * concerns, or nothing), and, where the standard sentences do not fit,
 * the drafter's own sentence.
 */
struct _RptCommunication
{
  GObject parent_instance;

  char *id;
  char *reference;
  char *date;
  char *reply_date;
  RptCommunicationSender sender;
  char *senders;
  RptReply reply;
  char *reply_comment;
  char *sentence;
};

G_DEFINE_FINAL_TYPE (RptCommunication, rpt_communication, G_TYPE_OBJECT)

enum
{
  PROP_0,
  PROP_ID,
  PROP_REFERENCE,
  PROP_DATE,
  PROP_REPLY_DATE,
  PROP_SENDER,
  PROP_SENDERS,
  PROP_REPLY,
  PROP_REPLY_COMMENT,
  PROP_SENTENCE,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
rpt_communication_constructed (GObject *object)
{
  RptCommunication *self = RPT_COMMUNICATION (object);

  G_OBJECT_CLASS (rpt_communication_parent_class)->constructed (object);

  if (self->id == NULL)
    self->id = _rpt_item_new_id ();
}

static void
rpt_communication_finalize (GObject *object)
{
  RptCommunication *self = RPT_COMMUNICATION (object);

  g_free (self->id);
  g_free (self->reference);
  g_free (self->date);
  g_free (self->reply_date);
  g_free (self->senders);
  g_free (self->reply_comment);
  g_free (self->sentence);

  G_OBJECT_CLASS (rpt_communication_parent_class)->finalize (object);
}

static void
rpt_communication_get_property (GObject *object, guint prop_id, GValue *value, GParamSpec *pspec)
{
  RptCommunication *self = RPT_COMMUNICATION (object);

  switch (prop_id)
    {
    case PROP_ID:
      g_value_set_string (value, self->id);
      break;
    case PROP_REFERENCE:
      g_value_set_string (value, self->reference);
      break;
    case PROP_DATE:
      g_value_set_string (value, self->date);
      break;
    case PROP_REPLY_DATE:
      g_value_set_string (value, self->reply_date);
      break;
    case PROP_SENDER:
      g_value_set_enum (value, self->sender);
      break;
    case PROP_SENDERS:
      g_value_set_string (value, self->senders);
      break;
    case PROP_REPLY:
      g_value_set_enum (value, self->reply);
      break;
    case PROP_REPLY_COMMENT:
      g_value_set_string (value, rpt_communication_get_reply_comment (self));
      break;
    case PROP_SENTENCE:
      g_value_set_string (value, rpt_communication_get_sentence (self));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
rpt_communication_set_property (GObject *object,
                                guint prop_id,
                                const GValue *value,
                                GParamSpec *pspec)
{
  RptCommunication *self = RPT_COMMUNICATION (object);

  switch (prop_id)
    {
    case PROP_ID:
      g_assert (self->id == NULL);
      if (g_value_get_string (value) != NULL)
        {
          g_return_if_fail (_rpt_item_id_is_valid (g_value_get_string (value)));
          self->id = g_value_dup_string (value);
        }
      break;
    case PROP_REFERENCE:
      rpt_communication_set_reference (self, g_value_get_string (value));
      break;
    case PROP_DATE:
      rpt_communication_set_date (self, g_value_get_string (value));
      break;
    case PROP_REPLY_DATE:
      rpt_communication_set_reply_date (self, g_value_get_string (value));
      break;
    case PROP_SENDER:
      rpt_communication_set_sender (self, g_value_get_enum (value));
      break;
    case PROP_SENDERS:
      rpt_communication_set_senders (self, g_value_get_string (value));
      break;
    case PROP_REPLY:
      rpt_communication_set_reply (self, g_value_get_enum (value));
      break;
    case PROP_REPLY_COMMENT:
      rpt_communication_set_reply_comment (self, g_value_get_string (value));
      break;
    case PROP_SENTENCE:
      rpt_communication_set_sentence (self, g_value_get_string (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
rpt_communication_class_init (RptCommunicationClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->constructed = rpt_communication_constructed;
  object_class->finalize = rpt_communication_finalize;
  object_class->get_property = rpt_communication_get_property;
  object_class->set_property = rpt_communication_set_property;

  properties[PROP_ID] = g_param_spec_string (
    "id", NULL, NULL, NULL, G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  properties[PROP_REFERENCE] =
    g_param_spec_string ("reference", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_DATE] = g_param_spec_string (
    "date", NULL, NULL, NULL, G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_REPLY_DATE] =
    g_param_spec_string ("reply-date", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  properties[PROP_SENDER] = g_param_spec_enum (
    "sender", NULL, NULL, RPT_TYPE_COMMUNICATION_SENDER, RPT_COMMUNICATION_SENDER_US,
    G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  /* Who sent it, when other mandate holders did, as running text names
   * them ("the Special Rapporteur on torture"). */
  properties[PROP_SENDERS] =
    g_param_spec_string ("senders", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_REPLY] =
    g_param_spec_enum ("reply", NULL, NULL, RPT_TYPE_REPLY, RPT_REPLY_AUTO,
                       G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  /* Inline markup: for a partial reply, the words after "but we remain
   * concerned". */
  properties[PROP_REPLY_COMMENT] =
    g_param_spec_string ("reply-comment", NULL, NULL, "",
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  /* Inline markup: the drafter's own sentence on this communication. */
  properties[PROP_SENTENCE] =
    g_param_spec_string ("sentence", NULL, NULL, "",
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
rpt_communication_init (RptCommunication *self)
{
}

/**
 * rpt_communication_new:
 *
 * Returns: (transfer full): a new, empty communication with a new id
 */
RptCommunication *
rpt_communication_new (void)
{
  return g_object_new (RPT_TYPE_COMMUNICATION, NULL);
}

/**
 * rpt_communication_new_with_id:
 * @id: a lower-case UUID
 *
 * Returns: (transfer full): a new, empty communication that keeps an existing id
 */
RptCommunication *
rpt_communication_new_with_id (const char *id)
{
  g_return_val_if_fail (_rpt_item_id_is_valid (id), NULL);

  return g_object_new (RPT_TYPE_COMMUNICATION, "id", id, NULL);
}

/**
 * rpt_communication_duplicate:
 *
 * Returns: (transfer full): a copy of @self with a new id
 */
RptCommunication *
rpt_communication_duplicate (RptCommunication *self)
{
  g_return_val_if_fail (RPT_IS_COMMUNICATION (self), NULL);

  return g_object_new (RPT_TYPE_COMMUNICATION, "reference", self->reference, "date", self->date,
                       "reply-date", self->reply_date, "sender", self->sender, "senders",
                       self->senders, "reply", self->reply, "reply-comment", self->reply_comment,
                       "sentence", self->sentence, NULL);
}

const char *
rpt_communication_get_id (RptCommunication *self)
{
  g_return_val_if_fail (RPT_IS_COMMUNICATION (self), NULL);
  return self->id;
}

/**
 * rpt_communication_get_reference:
 *
 * Returns: the reference, as "AL TJK 1/2023"
 */
const char *
rpt_communication_get_reference (RptCommunication *self)
{
  g_return_val_if_fail (RPT_IS_COMMUNICATION (self), NULL);
  return self->reference;
}

void
rpt_communication_set_reference (RptCommunication *self, const char *reference)
{
  g_return_if_fail (RPT_IS_COMMUNICATION (self));

  if (_rpt_set_line (&self->reference, reference))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_REFERENCE]);
}

/**
 * rpt_communication_get_date:
 *
 * Returns: the date it was sent, as YYYY-MM-DD
 */
const char *
rpt_communication_get_date (RptCommunication *self)
{
  g_return_val_if_fail (RPT_IS_COMMUNICATION (self), NULL);
  return self->date;
}

void
rpt_communication_set_date (RptCommunication *self, const char *date)
{
  g_return_if_fail (RPT_IS_COMMUNICATION (self));

  if (_rpt_set_date (&self->date, date))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_DATE]);
}

/**
 * rpt_communication_get_reply_date:
 *
 * Returns: the date of the reply, or unset when none was received
 */
const char *
rpt_communication_get_reply_date (RptCommunication *self)
{
  g_return_val_if_fail (RPT_IS_COMMUNICATION (self), NULL);
  return self->reply_date;
}

void
rpt_communication_set_reply_date (RptCommunication *self, const char *reply_date)
{
  g_return_if_fail (RPT_IS_COMMUNICATION (self));

  if (_rpt_set_date (&self->reply_date, reply_date))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_REPLY_DATE]);
}

RptCommunicationSender
rpt_communication_get_sender (RptCommunication *self)
{
  g_return_val_if_fail (RPT_IS_COMMUNICATION (self), RPT_COMMUNICATION_SENDER_US);
  return self->sender;
}

void
rpt_communication_set_sender (RptCommunication *self, RptCommunicationSender sender)
{
  g_return_if_fail (RPT_IS_COMMUNICATION (self));
  g_return_if_fail (sender <= RPT_COMMUNICATION_SENDER_OTHERS);

  if (self->sender != sender)
    {
      self->sender = sender;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SENDER]);
    }
}

/**
 * rpt_communication_get_senders:
 *
 * Returns: (nullable): who sent it, when other mandate holders did, as
 *   running text names them; %NULL: "other special procedures mandate
 *   holders"
 */
const char *
rpt_communication_get_senders (RptCommunication *self)
{
  g_return_val_if_fail (RPT_IS_COMMUNICATION (self), NULL);
  return self->senders;
}

void
rpt_communication_set_senders (RptCommunication *self, const char *senders)
{
  g_return_if_fail (RPT_IS_COMMUNICATION (self));

  if (_rpt_set_line (&self->senders, senders))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SENDERS]);
}

RptReply
rpt_communication_get_reply (RptCommunication *self)
{
  g_return_val_if_fail (RPT_IS_COMMUNICATION (self), RPT_REPLY_AUTO);
  return self->reply;
}

void
rpt_communication_set_reply (RptCommunication *self, RptReply reply)
{
  g_return_if_fail (RPT_IS_COMMUNICATION (self));
  g_return_if_fail (reply <= RPT_REPLY_UNMENTIONED);

  if (self->reply != reply)
    {
      self->reply = reply;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_REPLY]);
    }
}

/**
 * rpt_communication_get_effective_reply:
 *
 * Returns: what the letter says of the reply: %RPT_REPLY_AUTO resolved by
 *   the reply date (received when there is one)
 */
RptReply
rpt_communication_get_effective_reply (RptCommunication *self)
{
  g_return_val_if_fail (RPT_IS_COMMUNICATION (self), RPT_REPLY_NOT_RECEIVED);

  if (self->reply != RPT_REPLY_AUTO)
    return self->reply;
  return self->reply_date != NULL ? RPT_REPLY_RECEIVED : RPT_REPLY_NOT_RECEIVED;
}

/**
 * rpt_communication_get_reply_comment:
 *
 * Returns: for a reply that did not answer the concerns, the words after
 *   "but we remain concerned", as inline markup; never %NULL
 */
const char *
rpt_communication_get_reply_comment (RptCommunication *self)
{
  g_return_val_if_fail (RPT_IS_COMMUNICATION (self), NULL);
  return self->reply_comment != NULL ? self->reply_comment : "";
}

void
rpt_communication_set_reply_comment (RptCommunication *self, const char *markup)
{
  g_return_if_fail (RPT_IS_COMMUNICATION (self));

  if (_rpt_set_markup (&self->reply_comment, markup))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_REPLY_COMMENT]);
}

/**
 * rpt_communication_get_sentence:
 *
 * Returns: the drafter's own sentence on this communication, as inline
 *   markup, never %NULL: where it is not empty it takes the place of the
 *   standard sentences on the reply (and, for a communication of other
 *   mandate holders, of the one that cites it)
 */
const char *
rpt_communication_get_sentence (RptCommunication *self)
{
  g_return_val_if_fail (RPT_IS_COMMUNICATION (self), NULL);
  return self->sentence != NULL ? self->sentence : "";
}

void
rpt_communication_set_sentence (RptCommunication *self, const char *markup)
{
  g_return_if_fail (RPT_IS_COMMUNICATION (self));

  if (_rpt_set_markup (&self->sentence, markup))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SENTENCE]);
}
