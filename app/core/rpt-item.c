/* rpt-item.c
 *
 * Copyright 2026 The Rapporteur authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "rpt-item"

#include <string.h>

#include "rpt-item-private.h"
#include "rpt-markup.h"
#include "rpt-types.h"

char *
_rpt_item_new_id (void)
{
  return g_uuid_string_random ();
}

/* Ids are lower-case UUIDs so that they compare as plain strings. */
gboolean
_rpt_item_id_is_valid (const char *id)
{
  if (id == NULL || !g_uuid_string_is_valid (id))
    return FALSE;
  for (const char *p = id; *p != '\0'; p++)
    if (g_ascii_isupper (*p))
      return FALSE;
  return TRUE;
}

static gboolean
replace_string (char **field, char *value)
{
  /* An empty value and no value are the same thing in a letter. */
  if (value != NULL && value[0] == '\0')
    g_clear_pointer (&value, g_free);
  if (g_strcmp0 (*field, value) == 0)
    {
      g_free (value);
      return FALSE;
    }
  g_free (*field);
  *field = value;
  return TRUE;
}

/* A single line: line breaks and tabs become spaces; characters XML cannot
 * hold are dropped. */
gboolean
_rpt_set_line (char **field, const char *value)
{
  return replace_string (field, value != NULL ? rpt_text_sanitize (value, -1, TRUE, NULL) : NULL);
}

gboolean
_rpt_set_markup (char **field, const char *markup)
{
  g_autoptr (GError) error = NULL;
  char *normal = NULL;

  if (markup != NULL)
    {
      normal = rpt_markup_normalize (markup, NULL, &error);
      if (normal == NULL)
        {
          g_critical ("Refusing invalid paragraph markup: %s", error->message);
          return FALSE;
        }
    }
  return replace_string (field, normal);
}

/* @normal: (transfer full): what rpt_markup_normalize() returned, which
 * normalizing again would only copy (a reader of files has it at hand) */
gboolean
_rpt_take_normal_markup (char **field, char *normal)
{
  return replace_string (field, normal);
}

gboolean
_rpt_set_date (char **field, const char *iso_date)
{
  if (iso_date != NULL && iso_date[0] != '\0' && !rpt_date_is_valid (iso_date))
    {
      g_critical ("Refusing invalid date “%s”", iso_date);
      return FALSE;
    }
  return replace_string (field, g_strdup (iso_date));
}

gboolean
_rpt_key_is_valid (const char *key)
{
  gboolean prev_dash = TRUE;

  if (key == NULL || key[0] == '\0')
    return FALSE;
  for (const char *p = key; *p != '\0'; p++)
    {
      if (*p == '-')
        {
          if (prev_dash)
            return FALSE;
          prev_dash = TRUE;
        }
      else if (g_ascii_islower (*p) || g_ascii_isdigit (*p))
        prev_dash = FALSE;
      else
        return FALSE;
    }
  return !prev_dash;
}

gboolean
_rpt_set_key (char **field, const char *key)
{
  if (key != NULL && key[0] != '\0' && !_rpt_key_is_valid (key))
    {
      g_critical ("Refusing invalid reference key “%s”", key);
      return FALSE;
    }
  return replace_string (field, g_strdup (key));
}

gboolean
_rpt_set_strv (char ***field, const char *const *value)
{
  if (value != NULL && value[0] == NULL)
    value = NULL;
  if (*field == NULL && value == NULL)
    return FALSE;
  if (*field != NULL && value != NULL && g_strv_equal ((const char *const *) *field, value))
    return FALSE;
  g_strfreev (*field);
  *field = g_strdupv ((char **) value);
  return TRUE;
}

/* Human Rights Council resolutions are cited as "session/number". */
gboolean
_rpt_resolution_is_valid (const char *resolution)
{
  const char *slash;
  gsize a, b;

  if (resolution == NULL)
    return FALSE;
  slash = strchr (resolution, '/');
  if (slash == NULL)
    return FALSE;
  a = slash - resolution;
  b = strlen (slash + 1);
  if (a < 1 || a > 4 || b < 1 || b > 4)
    return FALSE;
  for (const char *p = resolution; *p != '\0'; p++)
    if (p != slash && !g_ascii_isdigit (*p))
      return FALSE;
  return TRUE;
}
