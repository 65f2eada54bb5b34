/* rpt-version.c
 *
 * Copyright 2026 The Rapporteur authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "rpt-version"

#include <glib/gi18n-lib.h>

#include "rpt-error.h"
#include "rpt-version.h"

/**
 * RptVersion:
 *
 * What the list of named versions shows of one version: its number, who
 * saved it, when, and why. The snapshot itself stays in the document file
 * until rpt_store_load_version() asks for it.
 */
struct _RptVersion
{
  GObject parent_instance;

  guint number;
  char *author;
  GDateTime *created;
  char *message;
};

G_DEFINE_FINAL_TYPE (RptVersion, rpt_version, G_TYPE_OBJECT)

enum
{
  PROP_0,
  PROP_NUMBER,
  PROP_AUTHOR,
  PROP_CREATED,
  PROP_MESSAGE,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
rpt_version_finalize (GObject *object)
{
  RptVersion *self = RPT_VERSION (object);

  g_free (self->author);
  g_clear_pointer (&self->created, g_date_time_unref);
  g_free (self->message);

  G_OBJECT_CLASS (rpt_version_parent_class)->finalize (object);
}

static void
rpt_version_get_property (GObject *object, guint prop_id, GValue *value, GParamSpec *pspec)
{
  RptVersion *self = RPT_VERSION (object);

  switch (prop_id)
    {
    case PROP_NUMBER:
      g_value_set_uint (value, self->number);
      break;
    case PROP_AUTHOR:
      g_value_set_string (value, self->author);
      break;
    case PROP_CREATED:
      g_value_set_boxed (value, self->created);
      break;
    case PROP_MESSAGE:
      g_value_set_string (value, self->message);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
rpt_version_class_init (RptVersionClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  const GParamFlags flags = G_PARAM_READABLE | G_PARAM_STATIC_STRINGS;

  object_class->finalize = rpt_version_finalize;
  object_class->get_property = rpt_version_get_property;

  properties[PROP_NUMBER] = g_param_spec_uint ("number", NULL, NULL, 0, G_MAXUINT, 0, flags);
  properties[PROP_AUTHOR] = g_param_spec_string ("author", NULL, NULL, NULL, flags);
  properties[PROP_CREATED] = g_param_spec_boxed ("created", NULL, NULL, G_TYPE_DATE_TIME, flags);
  properties[PROP_MESSAGE] = g_param_spec_string ("message", NULL, NULL, NULL, flags);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
rpt_version_init (RptVersion *self)
{
}

RptVersion *
rpt_version_new (guint number, const char *author, GDateTime *created, const char *message)
{
  RptVersion *self;

  g_return_val_if_fail (created != NULL, NULL);

  self = g_object_new (RPT_TYPE_VERSION, NULL);
  self->number = number;
  self->author = g_strdup (author);
  self->created = g_date_time_ref (created);
  self->message = g_strdup (message);
  return self;
}

guint
rpt_version_get_number (RptVersion *self)
{
  g_return_val_if_fail (RPT_IS_VERSION (self), 0);
  return self->number;
}

const char *
rpt_version_get_author (RptVersion *self)
{
  g_return_val_if_fail (RPT_IS_VERSION (self), NULL);
  return self->author;
}

/**
 * rpt_version_get_created:
 *
 * Returns: (transfer none): when the version was saved (UTC)
 */
GDateTime *
rpt_version_get_created (RptVersion *self)
{
  g_return_val_if_fail (RPT_IS_VERSION (self), NULL);
  return self->created;
}

const char *
rpt_version_get_message (RptVersion *self)
{
  g_return_val_if_fail (RPT_IS_VERSION (self), NULL);
  return self->message;
}

/**
 * rpt_version_number_check:
 * @number: a version number someone gave
 *
 * One rule for version numbers wherever one is given (the command line's
 * export, show and restore, the store's functions): versions are numbered
 * from 1, and 0 is no version (it never stands for the working state).
 *
 * Returns: whether @number can name a version, else @error is set
 *   (RPT_ERROR_INVALID_ARGUMENT)
 */
gboolean
rpt_version_number_check (guint number, GError **error)
{
  if (number >= 1 && number <= RPT_VERSION_NUMBER_MAX)
    return TRUE;
  g_set_error (error, RPT_ERROR, RPT_ERROR_INVALID_ARGUMENT,
               _ ("%u is not a version number: versions are numbered from 1"), number);
  return FALSE;
}

/**
 * rpt_version_number_parse:
 * @text: what someone typed
 * @number: (out): the version number
 *
 * Reads a version number as rpt_version_number_check() accepts it:
 * decimal digits only, from 1 on.
 *
 * Returns: whether @text is a version number, else @error is set
 */
gboolean
rpt_version_number_parse (const char *text, guint *number, GError **error)
{
  guint64 value = 0;

  g_return_val_if_fail (number != NULL, FALSE);

  if (text == NULL || !g_ascii_string_to_unsigned (text, 10, 0, G_MAXUINT64, &value, NULL) ||
      value > RPT_VERSION_NUMBER_MAX)
    {
      g_set_error (error, RPT_ERROR, RPT_ERROR_INVALID_ARGUMENT,
                   _ ("“%s” is not a version number: versions are numbered from 1"),
                   text != NULL ? text : "");
      return FALSE;
    }
  if (!rpt_version_number_check ((guint) value, error))
    return FALSE;
  *number = (guint) value;
  return TRUE;
}
