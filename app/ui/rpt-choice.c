/* rpt-choice.c
 *
 * Copyright 2026 The Rapporteur authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "rpt-choice"

#include "rpt-choice.h"

/**
 * RptChoice:
 *
 * One row of reference data as the pickers show it: a mandate, a country,
 * a standard paragraph. `search` is what the search entry matches: title,
 * subtitle and key, folded.
 */
struct _RptChoice
{
  GObject parent_instance;

  char *key;
  char *title;
  char *subtitle;
  char *text;
  char *search;
  char **values;
};

G_DEFINE_FINAL_TYPE (RptChoice, rpt_choice, G_TYPE_OBJECT)

enum
{
  PROP_0,
  PROP_KEY,
  PROP_TITLE,
  PROP_SUBTITLE,
  PROP_SEARCH,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

RptChoice *
rpt_choice_new (const char *key, const char *title, const char *subtitle, const char *text)
{
  RptChoice *self = g_object_new (RPT_TYPE_CHOICE, NULL);
  g_autofree char *all = NULL;

  self->key = g_strdup (key);
  self->title = g_strdup (title != NULL ? title : key);
  self->subtitle = g_strdup (subtitle);
  self->text = g_strdup (text);
  all = g_strjoin (" ", self->title, self->subtitle != NULL ? self->subtitle : "",
                   key != NULL ? key : "", NULL);
  self->search = g_utf8_casefold (all, -1);
  return self;
}

const char *
rpt_choice_get_key (RptChoice *self)
{
  g_return_val_if_fail (RPT_IS_CHOICE (self), NULL);
  return self->key;
}

const char *
rpt_choice_get_title (RptChoice *self)
{
  g_return_val_if_fail (RPT_IS_CHOICE (self), NULL);
  return self->title;
}

const char *
rpt_choice_get_subtitle (RptChoice *self)
{
  g_return_val_if_fail (RPT_IS_CHOICE (self), NULL);
  return self->subtitle;
}

const char *
rpt_choice_get_text (RptChoice *self)
{
  g_return_val_if_fail (RPT_IS_CHOICE (self), NULL);
  return self->text;
}

const char *
rpt_choice_get_search (RptChoice *self)
{
  g_return_val_if_fail (RPT_IS_CHOICE (self), NULL);
  return self->search;
}

const char *const *
rpt_choice_get_values (RptChoice *self)
{
  g_return_val_if_fail (RPT_IS_CHOICE (self), NULL);
  return (const char *const *) self->values;
}

void
rpt_choice_set_values (RptChoice *self, const char *const *values)
{
  g_return_if_fail (RPT_IS_CHOICE (self));
  g_strfreev (self->values);
  self->values = g_strdupv ((char **) values);
}

static void
rpt_choice_finalize (GObject *object)
{
  RptChoice *self = RPT_CHOICE (object);

  g_free (self->key);
  g_free (self->title);
  g_free (self->subtitle);
  g_free (self->text);
  g_free (self->search);
  g_strfreev (self->values);
  G_OBJECT_CLASS (rpt_choice_parent_class)->finalize (object);
}

static void
rpt_choice_get_property (GObject *object, guint prop_id, GValue *value, GParamSpec *pspec)
{
  RptChoice *self = RPT_CHOICE (object);

  switch (prop_id)
    {
    case PROP_KEY:
      g_value_set_string (value, self->key);
      break;
    case PROP_TITLE:
      g_value_set_string (value, self->title);
      break;
    case PROP_SUBTITLE:
      g_value_set_string (value, self->subtitle);
      break;
    case PROP_SEARCH:
      g_value_set_string (value, self->search);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
rpt_choice_class_init (RptChoiceClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  const GParamFlags flags = G_PARAM_READABLE | G_PARAM_STATIC_STRINGS;

  object_class->finalize = rpt_choice_finalize;
  object_class->get_property = rpt_choice_get_property;

  properties[PROP_KEY] = g_param_spec_string ("key", NULL, NULL, NULL, flags);
  properties[PROP_TITLE] = g_param_spec_string ("title", NULL, NULL, NULL, flags);
  properties[PROP_SUBTITLE] = g_param_spec_string ("subtitle", NULL, NULL, NULL, flags);
  properties[PROP_SEARCH] = g_param_spec_string ("search", NULL, NULL, NULL, flags);
  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
rpt_choice_init (RptChoice *self)
{
}
