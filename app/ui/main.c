/* main.c
 *
 * Copyright 2026 The Rapporteur authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include <glib/gi18n.h>
#include <locale.h>

#include "rpt-application.h"

int
main (int argc, char *argv[])
{
  g_autoptr (RptApplication) app = NULL;

  setlocale (LC_ALL, "");
  /* RAPPORTEUR_LOCALEDIR: the catalogues of a build tree (meson devenv,
   * the tests), before the program is installed. */
  bindtextdomain (GETTEXT_PACKAGE, g_getenv ("RAPPORTEUR_LOCALEDIR") != NULL
                                     ? g_getenv ("RAPPORTEUR_LOCALEDIR")
                                     : LOCALEDIR);
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  textdomain (GETTEXT_PACKAGE);

  app = rpt_application_new ();
  return g_application_run (G_APPLICATION (app), argc, argv);
}
