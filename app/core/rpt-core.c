/* rpt-core.c
 *
 * Copyright 2026 The Rapporteur authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "rpt-core"

#include <glib/gi18n-lib.h>
#include <libxml/parser.h>
#include <string.h>

#include "rpt-core.h"
#include "rpt-resources.h"

/**
 * rpt_core_init:
 *
 * Sets up what the core needs once per process: its gettext domain and
 * libxml2. Front ends call it before anything else; calling it again does
 * nothing.
 */
void
rpt_core_init (void)
{
  static gsize once = 0;

  if (g_once_init_enter (&once))
    {
      /* RAPPORTEUR_LOCALEDIR: the catalogues of a build tree (meson
       * devenv, the tests), before the program is installed. */
      g_autofree char *localedir = rpt_core_dup_installed_path (LOCALEDIR);

      bindtextdomain (GETTEXT_PACKAGE, g_getenv ("RAPPORTEUR_LOCALEDIR") != NULL
                                         ? g_getenv ("RAPPORTEUR_LOCALEDIR")
                                         : localedir);
      bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
      xmlInitParser ();
      /* Registered by hand: a constructor in a static library is dropped
       * by the linker when nothing else in its object file is used. */
      rpt_core_register_resource ();
      g_once_init_leave (&once, 1);
    }
}

/* The prefix the program runs from: the folder above its bindir, when the
 * program is where `meson install` put it relative to its files (under
 * the configured prefix, or the same tree copied or unpacked elsewhere:
 * DESTDIR, a relocated bundle); NULL otherwise (the build tree). */
static const char *
get_runtime_prefix (void)
{
  static gsize once = 0;
  static char *prefix = NULL;

  if (g_once_init_enter (&once))
    {
#if defined(RPT_PREFIX) && defined(RPT_BINDIR)
      g_autofree char *exe = g_file_read_link ("/proc/self/exe", NULL);
      g_autofree char *dir = exe != NULL ? g_path_get_dirname (exe) : NULL;
      const char *bindir = RPT_BINDIR;
      gsize prefix_length = strlen (RPT_PREFIX);

      /* bindir relative to the prefix: "bin" */
      if (g_str_has_prefix (bindir, RPT_PREFIX) && bindir[prefix_length] == '/')
        bindir += prefix_length + 1;
      if (dir != NULL && !g_path_is_absolute (bindir))
        {
          g_autofree char *suffix = g_strconcat ("/", bindir, NULL);
          if (g_str_has_suffix (dir, suffix))
            prefix = g_strndup (dir, strlen (dir) - strlen (suffix));
        }
#endif
      g_once_init_leave (&once, 1);
    }
  return prefix;
}

/**
 * rpt_core_dup_installed_path:
 * @configured: a path under the configured prefix (LOCALEDIR, …)
 *
 * Where an installed file of the program is, for the program as it runs:
 * @configured itself, or the same path under the prefix the program was
 * moved to (an installation unpacked with DESTDIR finds its own files,
 * never those of another installation).
 *
 * Returns: (transfer full): the path
 */
char *
rpt_core_dup_installed_path (const char *configured)
{
  const char *prefix = get_runtime_prefix ();

  g_return_val_if_fail (configured != NULL, NULL);

#ifdef RPT_PREFIX
  if (prefix != NULL && g_str_has_prefix (configured, RPT_PREFIX) &&
      configured[strlen (RPT_PREFIX)] == '/')
    return g_strconcat (prefix, configured + strlen (RPT_PREFIX), NULL);
#endif
  return g_strdup (configured);
}
