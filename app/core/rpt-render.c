/* rpt-render.c
 *
 * Copyright 2026 The Rapporteur authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "rpt-render"

#include <glib/gi18n-lib.h>
#include <gmodule.h>
#include <string.h>

#include "rpt-core.h"
#include "rpt-error.h"
#include "rpt-render-private.h"

/* Where `meson install` puts the module; a program started from its build
 * tree takes the one built beside it (see load_module()). */
#ifndef PKGLIBDIR
#define PKGLIBDIR "/usr/lib/rapporteur"
#endif

/* A weak reference: resolved in the programs that link the rendering half
 * (the application, the tests, the benchmarks: the meson dependency asks
 * the linker for it), NULL in the command line, which loads the module. */
extern const RptRenderFuncs *_rpt_render_builtin (void) __attribute__ ((weak));

static gboolean
running_from_build_tree (void)
{
#ifdef RPT_BUILD_ROOT
  g_autofree char *exe = g_file_read_link ("/proc/self/exe", NULL);
  g_autofree char *root = g_canonicalize_filename (RPT_BUILD_ROOT, NULL);

  return exe != NULL && g_str_has_prefix (exe, root) && exe[strlen (root)] == '/';
#else
  return FALSE;
#endif
}

static char *
dup_module_path (void)
{
#ifdef RPT_BUILD_MODULE_DIR
  /* An installed program never looks in a build tree. */
  if (running_from_build_tree ())
    return g_build_filename (RPT_BUILD_MODULE_DIR, RPT_RENDER_MODULE_NAME, NULL);
#endif
  {
    g_autofree char *dir = rpt_core_dup_installed_path (PKGLIBDIR);
    return g_build_filename (dir, RPT_RENDER_MODULE_NAME, NULL);
  }
}

static const RptRenderFuncs *
load_module (GError **error)
{
  g_autofree char *path = dup_module_path ();
  const RptRenderFuncs *(*get_funcs) (void) = NULL;
  const RptRenderFuncs *funcs;
  GModule *module;

  /* Local binding: the module's own copies of nothing clash with the
   * program's; the core's functions it calls come from the program. */
  module = g_module_open (path, G_MODULE_BIND_LOCAL);
  if (module == NULL)
    {
      /* Translators: %s names the file of the program that is missing or
       * broken, and why it could not be loaded */
      g_set_error (error, RPT_ERROR, RPT_ERROR_NOT_FOUND,
                   _ ("This installation cannot draw pages: %s"), g_module_error ());
      return NULL;
    }
  if (!g_module_symbol (module, "_rpt_render_builtin", (gpointer *) &get_funcs) ||
      get_funcs == NULL || (funcs = get_funcs ()) == NULL ||
      funcs->size != sizeof (RptRenderFuncs) || g_strcmp0 (funcs->version, PACKAGE_VERSION) != 0)
    {
      /* Translators: the first %s is a file of the program, the second a
       * version number */
      g_set_error (error, RPT_ERROR, RPT_ERROR_NOT_FOUND,
                   _ ("This installation cannot draw pages: %s is not the module of Rapporteur %s"),
                   path, PACKAGE_VERSION);
      g_module_close (module);
      return NULL;
    }
  /* Kept for the life of the process: its types stay registered. */
  g_module_make_resident (module);
  return funcs;
}

static const RptRenderFuncs *
get_funcs (GError **error)
{
  static gsize once = 0;
  static const RptRenderFuncs *funcs = NULL;
  static GError *load_error = NULL;

  if (g_once_init_enter (&once))
    {
      rpt_core_init ();
      if (_rpt_render_builtin != NULL)
        funcs = _rpt_render_builtin ();
      else
        funcs = load_module (&load_error);
      g_once_init_leave (&once, 1);
    }
  if (funcs == NULL)
    g_propagate_error (error, g_error_copy (load_error));
  return funcs;
}

/**
 * rpt_render_document_pdf:
 * @document: what to lay out
 * @options: the PDF's metadata
 * @warnings: (nullable) (element-type utf8): where the layout's warnings
 *   (a missing font, characters without a glyph) go
 *
 * Lays @document out with the house style and writes it as PDF, loading
 * the rendering half first if this program does not have it.
 *
 * Returns: (transfer full): the PDF, or %NULL with @error set
 */
GBytes *
rpt_render_document_pdf (RptDocument *document,
                         const RptPdfOptions *options,
                         GPtrArray *warnings,
                         GError **error)
{
  const RptRenderFuncs *funcs;

  g_return_val_if_fail (RPT_IS_DOCUMENT (document), NULL);
  g_return_val_if_fail (options != NULL, NULL);

  funcs = get_funcs (error);
  if (funcs == NULL)
    return NULL;
  return funcs->document_pdf (document, options, warnings, error);
}
