/* rpt-mandate.c
 *
 * Copyright 2026 The Rapporteur authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "rpt-mandate"

#include "rpt-item-private.h"
#include "rpt-mandate.h"

/**
 * RptMandate:
 *
 * A Special Procedures mandate the letter is sent under. The key names
 * a row of the mandates reference data; a title or resolutions set here
 * override that row (or stand alone for a mandate the data lacks, such as
 * a body outside the UN that co-signs).
 */
struct _RptMandate
{
  GObject parent_instance;

  char *id;
  char *key;
  char *title;
  char **resolutions;
};

G_DEFINE_FINAL_TYPE (RptMandate, rpt_mandate, G_TYPE_OBJECT)

enum
{
  PROP_0,
  PROP_ID,
  PROP_KEY,
  PROP_TITLE,
  PROP_RESOLUTIONS,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
rpt_mandate_constructed (GObject *object)
{
  RptMandate *self = RPT_MANDATE (object);

  G_OBJECT_CLASS (rpt_mandate_parent_class)->constructed (object);

  if (self->id == NULL)
    self->id = _rpt_item_new_id ();
}

static void
rpt_mandate_finalize (GObject *object)
{
  RptMandate *self = RPT_MANDATE (object);

  g_free (self->id);
  g_free (self->key);
  g_free (self->title);
  g_strfreev (self->resolutions);

  G_OBJECT_CLASS (rpt_mandate_parent_class)->finalize (object);
}

static void
rpt_mandate_get_property (GObject *object, guint prop_id, GValue *value, GParamSpec *pspec)
{
  RptMandate *self = RPT_MANDATE (object);

  switch (prop_id)
    {
    case PROP_ID:
      g_value_set_string (value, self->id);
      break;
    case PROP_KEY:
      g_value_set_string (value, self->key);
      break;
    case PROP_TITLE:
      g_value_set_string (value, self->title);
      break;
    case PROP_RESOLUTIONS:
      g_value_set_boxed (value, self->resolutions);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
rpt_mandate_set_property (GObject *object, guint prop_id, const GValue *value, GParamSpec *pspec)
{
  RptMandate *self = RPT_MANDATE (object);

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
    case PROP_KEY:
      rpt_mandate_set_key (self, g_value_get_string (value));
      break;
    case PROP_TITLE:
      rpt_mandate_set_title (self, g_value_get_string (value));
      break;
    case PROP_RESOLUTIONS:
      rpt_mandate_set_resolutions (self, g_value_get_boxed (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
rpt_mandate_class_init (RptMandateClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->constructed = rpt_mandate_constructed;
  object_class->finalize = rpt_mandate_finalize;
  object_class->get_property = rpt_mandate_get_property;
  object_class->set_property = rpt_mandate_set_property;

  properties[PROP_ID] = g_param_spec_string (
    "id", NULL, NULL, NULL, G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  properties[PROP_KEY] = g_param_spec_string (
    "key", NULL, NULL, NULL, G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_TITLE] =
    g_param_spec_string ("title", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_RESOLUTIONS] =
    g_param_spec_boxed ("resolutions", NULL, NULL, G_TYPE_STRV,
                        G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
rpt_mandate_init (RptMandate *self)
{
}

/**
 * rpt_mandate_new:
 *
 * Returns: (transfer full): a new, empty mandate with a new id
 */
RptMandate *
rpt_mandate_new (void)
{
  return g_object_new (RPT_TYPE_MANDATE, NULL);
}

/**
 * rpt_mandate_new_with_id:
 * @id: a lower-case UUID
 *
 * Returns: (transfer full): a new, empty mandate that keeps an existing id
 */
RptMandate *
rpt_mandate_new_with_id (const char *id)
{
  g_return_val_if_fail (_rpt_item_id_is_valid (id), NULL);

  return g_object_new (RPT_TYPE_MANDATE, "id", id, NULL);
}

/**
 * rpt_mandate_duplicate:
 *
 * Returns: (transfer full): a copy of @self with a new id
 */
RptMandate *
rpt_mandate_duplicate (RptMandate *self)
{
  g_return_val_if_fail (RPT_IS_MANDATE (self), NULL);

  return g_object_new (RPT_TYPE_MANDATE, "key", self->key, "title", self->title, "resolutions",
                       self->resolutions, NULL);
}

const char *
rpt_mandate_get_id (RptMandate *self)
{
  g_return_val_if_fail (RPT_IS_MANDATE (self), NULL);
  return self->id;
}

/**
 * rpt_mandate_get_key:
 *
 * Returns: the key of the mandate in the reference data
 */
const char *
rpt_mandate_get_key (RptMandate *self)
{
  g_return_val_if_fail (RPT_IS_MANDATE (self), NULL);
  return self->key;
}

void
rpt_mandate_set_key (RptMandate *self, const char *key)
{
  g_return_if_fail (RPT_IS_MANDATE (self));

  if (_rpt_set_key (&self->key, key))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_KEY]);
}

/**
 * rpt_mandate_get_title:
 *
 * Returns: the title, overriding the reference data
 */
const char *
rpt_mandate_get_title (RptMandate *self)
{
  g_return_val_if_fail (RPT_IS_MANDATE (self), NULL);
  return self->title;
}

void
rpt_mandate_set_title (RptMandate *self, const char *title)
{
  g_return_if_fail (RPT_IS_MANDATE (self));

  if (_rpt_set_line (&self->title, title))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_TITLE]);
}

/**
 * rpt_mandate_get_resolutions:
 *
 * Returns: the Human Rights Council resolutions, as "52/4", overriding the reference data
 */
const char *const *
rpt_mandate_get_resolutions (RptMandate *self)
{
  g_return_val_if_fail (RPT_IS_MANDATE (self), NULL);
  return (const char *const *) self->resolutions;
}

void
rpt_mandate_set_resolutions (RptMandate *self, const char *const *resolutions)
{
  g_return_if_fail (RPT_IS_MANDATE (self));

  for (guint i = 0; resolutions != NULL && resolutions[i] != NULL; i++)
    g_return_if_fail (_rpt_resolution_is_valid (resolutions[i]));

  if (_rpt_set_strv (&self->resolutions, resolutions))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_RESOLUTIONS]);
}
