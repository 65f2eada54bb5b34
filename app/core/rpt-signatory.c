/* rpt-signatory.c
 *
 * Copyright 2026 The Rapporteur authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "rpt-signatory"

#include "rpt-item-private.h"
#include "rpt-signatory.h"

/**
 * RptSignatory:
 *
 * A signature: the office-holder who signs for one mandate, and the form
 * of title they use where a language's titles have a gender
 * ("Rapporteuse spéciale", "Relatora Especial").
 */
struct _RptSignatory
{
  GObject parent_instance;

  char *id;
  char *mandate;
  char *name;
  char *title;
  RptTitleForm title_form;
};

G_DEFINE_FINAL_TYPE (RptSignatory, rpt_signatory, G_TYPE_OBJECT)

enum
{
  PROP_0,
  PROP_ID,
  PROP_MANDATE,
  PROP_NAME,
  PROP_TITLE,
  PROP_TITLE_FORM,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
rpt_signatory_constructed (GObject *object)
{
  RptSignatory *self = RPT_SIGNATORY (object);

  G_OBJECT_CLASS (rpt_signatory_parent_class)->constructed (object);

  if (self->id == NULL)
    self->id = _rpt_item_new_id ();
}

static void
rpt_signatory_finalize (GObject *object)
{
  RptSignatory *self = RPT_SIGNATORY (object);

  g_free (self->id);
  g_free (self->mandate);
  g_free (self->name);
  g_free (self->title);

  G_OBJECT_CLASS (rpt_signatory_parent_class)->finalize (object);
}

static void
rpt_signatory_get_property (GObject *object, guint prop_id, GValue *value, GParamSpec *pspec)
{
  RptSignatory *self = RPT_SIGNATORY (object);

  switch (prop_id)
    {
    case PROP_ID:
      g_value_set_string (value, self->id);
      break;
    case PROP_MANDATE:
      g_value_set_string (value, self->mandate);
      break;
    case PROP_NAME:
      g_value_set_string (value, self->name);
      break;
    case PROP_TITLE:
      g_value_set_string (value, self->title);
      break;
    case PROP_TITLE_FORM:
      g_value_set_enum (value, self->title_form);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
rpt_signatory_set_property (GObject *object, guint prop_id, const GValue *value, GParamSpec *pspec)
{
  RptSignatory *self = RPT_SIGNATORY (object);

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
    case PROP_MANDATE:
      rpt_signatory_set_mandate (self, g_value_get_string (value));
      break;
    case PROP_NAME:
      rpt_signatory_set_name (self, g_value_get_string (value));
      break;
    case PROP_TITLE:
      rpt_signatory_set_title (self, g_value_get_string (value));
      break;
    case PROP_TITLE_FORM:
      rpt_signatory_set_title_form (self, g_value_get_enum (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
rpt_signatory_class_init (RptSignatoryClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->constructed = rpt_signatory_constructed;
  object_class->finalize = rpt_signatory_finalize;
  object_class->get_property = rpt_signatory_get_property;
  object_class->set_property = rpt_signatory_set_property;

  properties[PROP_ID] = g_param_spec_string (
    "id", NULL, NULL, NULL, G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  properties[PROP_MANDATE] =
    g_param_spec_string ("mandate", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_NAME] = g_param_spec_string (
    "name", NULL, NULL, NULL, G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_TITLE] =
    g_param_spec_string ("title", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  properties[PROP_TITLE_FORM] =
    g_param_spec_enum ("title-form", NULL, NULL, RPT_TYPE_TITLE_FORM, RPT_TITLE_FORM_UNSPECIFIED,
                       G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
rpt_signatory_init (RptSignatory *self)
{
}

/**
 * rpt_signatory_new:
 *
 * Returns: (transfer full): a new, empty signatory with a new id
 */
RptSignatory *
rpt_signatory_new (void)
{
  return g_object_new (RPT_TYPE_SIGNATORY, NULL);
}

/**
 * rpt_signatory_new_with_id:
 * @id: a lower-case UUID
 *
 * Returns: (transfer full): a new, empty signatory that keeps an existing id
 */
RptSignatory *
rpt_signatory_new_with_id (const char *id)
{
  g_return_val_if_fail (_rpt_item_id_is_valid (id), NULL);

  return g_object_new (RPT_TYPE_SIGNATORY, "id", id, NULL);
}

/**
 * rpt_signatory_duplicate:
 *
 * Returns: (transfer full): a copy of @self with a new id
 */
RptSignatory *
rpt_signatory_duplicate (RptSignatory *self)
{
  g_return_val_if_fail (RPT_IS_SIGNATORY (self), NULL);

  return g_object_new (RPT_TYPE_SIGNATORY, "mandate", self->mandate, "name", self->name, "title",
                       self->title, "title-form", self->title_form, NULL);
}

const char *
rpt_signatory_get_id (RptSignatory *self)
{
  g_return_val_if_fail (RPT_IS_SIGNATORY (self), NULL);
  return self->id;
}

/**
 * rpt_signatory_get_mandate:
 *
 * Returns: the id of the mandate this signatory signs for
 */
const char *
rpt_signatory_get_mandate (RptSignatory *self)
{
  g_return_val_if_fail (RPT_IS_SIGNATORY (self), NULL);
  return self->mandate;
}

void
rpt_signatory_set_mandate (RptSignatory *self, const char *mandate)
{
  g_return_if_fail (RPT_IS_SIGNATORY (self));
  if (mandate != NULL && mandate[0] == '\0')
    mandate = NULL;
  g_return_if_fail (mandate == NULL || _rpt_item_id_is_valid (mandate));

  if (g_strcmp0 (self->mandate, mandate) != 0)
    {
      g_free (self->mandate);
      self->mandate = g_strdup (mandate);
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_MANDATE]);
    }
}

/**
 * rpt_signatory_get_name:
 *
 * Returns: the name as it is printed under the letter
 */
const char *
rpt_signatory_get_name (RptSignatory *self)
{
  g_return_val_if_fail (RPT_IS_SIGNATORY (self), NULL);
  return self->name;
}

void
rpt_signatory_set_name (RptSignatory *self, const char *name)
{
  g_return_if_fail (RPT_IS_SIGNATORY (self));

  if (_rpt_set_line (&self->name, name))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_NAME]);
}

/**
 * rpt_signatory_get_title:
 *
 * Returns: the title under the name; when unset, the title of the mandate
 */
const char *
rpt_signatory_get_title (RptSignatory *self)
{
  g_return_val_if_fail (RPT_IS_SIGNATORY (self), NULL);
  return self->title;
}

void
rpt_signatory_set_title (RptSignatory *self, const char *title)
{
  g_return_if_fail (RPT_IS_SIGNATORY (self));

  if (_rpt_set_line (&self->title, title))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_TITLE]);
}

/**
 * rpt_signatory_get_title_form:
 *
 * Returns: the form of title the signatory uses ("Rapporteuse spéciale"
 *   or "Rapporteur spécial"), or %RPT_TITLE_FORM_UNSPECIFIED
 */
RptTitleForm
rpt_signatory_get_title_form (RptSignatory *self)
{
  g_return_val_if_fail (RPT_IS_SIGNATORY (self), RPT_TITLE_FORM_UNSPECIFIED);
  return self->title_form;
}

void
rpt_signatory_set_title_form (RptSignatory *self, RptTitleForm form)
{
  g_return_if_fail (RPT_IS_SIGNATORY (self));
  g_return_if_fail (form <= RPT_TITLE_FORM_FEMININE);

  if (self->title_form != form)
    {
      self->title_form = form;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_TITLE_FORM]);
    }
}
