/* rpt-core.c
 *
 * Copyright 2026 The Rapporteur authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "rpt-core"

#include <glib/gi18n-lib.h>
#include <libxml/parser.h>

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
      bindtextdomain (GETTEXT_PACKAGE, g_getenv ("RAPPORTEUR_LOCALEDIR") != NULL
                                         ? g_getenv ("RAPPORTEUR_LOCALEDIR")
                                         : LOCALEDIR);
      bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
      xmlInitParser ();
      /* Registered by hand: a constructor in a static library is dropped
       * by the linker when nothing else in its object file is used. */
      rpt_core_register_resource ();
      g_once_init_leave (&once, 1);
    }
}
