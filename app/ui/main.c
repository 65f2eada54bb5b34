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
  g_autoptr (GSettingsSchema) schema = NULL;

  setlocale (LC_ALL, "");
  /* Numbers in files (PDF, SVG, CSS) are written and read the C way by the
   * libraries beneath; what people read is formatted by us. */
  setlocale (LC_NUMERIC, "C");
  /* RAPPORTEUR_LOCALEDIR: the catalogues of a build tree (meson devenv,
   * the tests), before the program is installed. */
  bindtextdomain (GETTEXT_PACKAGE, g_getenv ("RAPPORTEUR_LOCALEDIR") != NULL
                                     ? g_getenv ("RAPPORTEUR_LOCALEDIR")
                                     : LOCALEDIR);
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  textdomain (GETTEXT_PACKAGE);

  /* Without its settings schema GSettings aborts the program: say what
   * to do instead, in one line (a copy of the program moved out of its
   * build tree, or an installation without its data). */
  schema = rpt_application_lookup_settings_schema ();
  if (schema == NULL)
    {
      /* Translators: %s is the application id */
      g_printerr (_ ("rapporteur: the settings schema %s is not installed; run the program from "
                     "its source folder with “meson devenv -C BUILD-FOLDER rapporteur”, or "
                     "install it with “meson install -C BUILD-FOLDER”\n"),
                  APP_ID);
      return 1;
    }

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
