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
 * your Excellency's Government on …").
 */
struct _RptCommunication
{
  GObject parent_instance;

  char *id;
  char *reference;
  char *date;
  char *reply_date;
};

G_DEFINE_FINAL_TYPE (RptCommunication, rpt_communication, G_TYPE_OBJECT)

enum
{
  PROP_0,
  PROP_ID,
  PROP_REFERENCE,
  PROP_DATE,
  PROP_REPLY_DATE,
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
                       "reply-date", self->reply_date, NULL);
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
