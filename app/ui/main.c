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
  bindtextdomain (GETTEXT_PACKAGE, LOCALEDIR);
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  textdomain (GETTEXT_PACKAGE);

  /* Asked to draw with cairo, GTK still loads OpenGL (Mesa, and LLVM with
   * it: half the memory of the process) to choose a visual it will not
   * use. Nothing here draws with OpenGL: skip it. */
  if (g_strcmp0 (g_getenv ("GSK_RENDERER"), "cairo") == 0)
    {
      const char *debug = g_getenv ("GDK_DEBUG");
      g_autofree char *flags = debug != NULL && debug[0] != '\0'
                                 ? g_strconcat (debug, ",gl-disable", NULL)
                                 : g_strdup ("gl-disable");
      g_setenv ("GDK_DEBUG", flags, TRUE);
    }

  app = rpt_application_new ();
  return g_application_run (G_APPLICATION (app), argc, argv);
}
