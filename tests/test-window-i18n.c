/* test-window-i18n.c
 *
 * Copyright 2026 The Rapporteur authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include <glib/gi18n.h>
#include <glib/gstdio.h>

#include "rpt-application.h"
#include "rpt-preview.h"
#include "rpt-test-ui.h"
#include "rpt-test-util.h"
#include "rpt-window-private.h"

/*
 * The application in the user's language: run as `test-window-i18n LANG`
 * (fr, es, ar) with LANGUAGE set to LANG before anything is translated,
 * as a user's session does. Our labels come from the build tree's
 * catalogues (RAPPORTEUR_LOCALEDIR), GTK's and libadwaita's own from the
 * system's (the gtk40 and libadwaita domains), and Arabic turns the
 * window right to left.
 */

static RptApplication *app;
static char *drafts;
static const char *language;

typedef struct
{
  const char *language;
  const char *section;    /* a label of the sidebar */
  const char *preview;    /* the preview button */
  const char *gtk_search; /* GTK's placeholder in the shortcuts window */
  const char *note;       /* a note of the core, above the preview */
} Expected;

static const Expected expected[] = {
  { "fr", "Mandats et signataires", "Afficher l'aperçu", "Raccourcis de recherche",
    "Aucune forme de titre n'est indiquée pour Mary Lawlor" },
  { "es", "Mandatos y firmantes", "Mostrar vista previa", "Buscar atajos",
    "No se ha indicado la forma del título de Mary Lawlor" },
  /* a partial translation: the notes stay English */
  { "ar", "الولايات والموقِّعون", "إظهار المعاينة", "اختصارات البحث",
    "No form of title is recorded for Mary Lawlor" },
};

static const Expected *
get_expected (void)
{
  for (guint i = 0; i < G_N_ELEMENTS (expected); i++)
    if (g_str_equal (expected[i].language, language))
      return &expected[i];
  g_assert_not_reached ();
}

static gboolean
checks_current (gpointer data)
{
  return rpt_checker_get_up_to_date (rpt_window_get_checker (data));
}

static gboolean
preview_current (gpointer data)
{
  RptWindow *window = data;
  RptPreview *preview = RPT_PREVIEW (rpt_window_get_preview (window));
  RptLetterFile *file = rpt_window_get_document (window);

  return !rpt_preview_get_busy (preview) &&
         rpt_preview_get_revision (preview) ==
           rpt_letter_get_revision (rpt_letter_file_get_letter (file));
}

static gboolean
clean (gpointer data)
{
  return !rpt_letter_file_get_dirty (rpt_window_get_document (data));
}

/* Whether a label, button, row, entry or tooltip under @widget shows
 * @text. */
static gboolean
shows (GtkWidget *widget, const char *text)
{
  const char *shown = NULL;

  if (GTK_IS_LABEL (widget))
    shown = gtk_label_get_text (GTK_LABEL (widget));
  else if (GTK_IS_BUTTON (widget))
    shown = gtk_button_get_label (GTK_BUTTON (widget));
  else if (ADW_IS_PREFERENCES_ROW (widget))
    shown = adw_preferences_row_get_title (ADW_PREFERENCES_ROW (widget));
  else if (GTK_IS_SEARCH_ENTRY (widget))
    {
      g_autofree char *placeholder = NULL;
      g_object_get (widget, "placeholder-text", &placeholder, NULL);
      if (g_strcmp0 (placeholder, text) == 0)
        return TRUE;
    }
  if (shown != NULL && g_str_has_prefix (shown, text))
    return TRUE;
  if (gtk_widget_get_tooltip_text (widget) != NULL &&
      g_str_has_prefix (gtk_widget_get_tooltip_text (widget), text))
    return TRUE;
  for (GtkWidget *c = gtk_widget_get_first_child (widget); c != NULL;
       c = gtk_widget_get_next_sibling (c))
    if (shows (c, text))
      return TRUE;
  return FALSE;
}

static void
test_window (void)
{
  const Expected *want = get_expected ();
  g_autoptr (GError) error = NULL;
  g_autoptr (RptLetter) letter = rpt_application_load_sample (&error);
  g_autoptr (RptLetterFile) file = NULL;
  g_autoptr (GtkBuilder) builder = NULL;
  GtkWidget *overlay;
  RptWindow *window;
  GListModel *checks;
  gboolean found = FALSE;

  g_assert_no_error (error);
  /* a letter in French or Spanish, which records no form of title */
  rpt_letter_set_language (letter, g_str_equal (language, "es") ? "es" : "fr");
  file = rpt_letter_file_new_draft (letter, drafts);
  window = g_object_ref (rpt_window_new (app));
  rpt_window_set_document (window, file);
  gtk_window_present (GTK_WINDOW (window));
  rpt_test_spin_until (preview_current, window, 90000);

  /* our own labels */
  g_assert_true (shows (GTK_WIDGET (window), want->section));
  g_assert_true (shows (GTK_WIDGET (window), want->preview));
  g_assert_false (shows (GTK_WIDGET (window), "Mandates & Signatories"));

  /* GTK's own, in its catalogue: the shortcuts window's search entry */
  builder = gtk_builder_new_from_resource ("/io/github/rapporteur/Rapporteur/gtk/help-overlay.ui");
  overlay = GTK_WIDGET (gtk_builder_get_object (builder, "help_overlay"));
  g_assert_nonnull (overlay);
  g_assert_true (shows (overlay, want->gtk_search));
  g_assert_false (shows (overlay, "Search Shortcuts"));
  gtk_window_destroy (GTK_WINDOW (overlay));

  /* right to left in Arabic only */
  g_assert_cmpint (gtk_widget_get_direction (GTK_WIDGET (window)), ==,
                   g_str_equal (language, "ar") ? GTK_TEXT_DIR_RTL : GTK_TEXT_DIR_LTR);

  /* the checks of the core, in the user's language, above the preview */
  checks = G_LIST_MODEL (rpt_window_get_checker (window));
  rpt_test_spin_until (checks_current, window, 10000);
  for (guint i = 0; i < g_list_model_get_n_items (checks); i++)
    {
      g_autoptr (RptCheck) check = g_list_model_get_item (checks, i);
      found |= g_str_has_prefix (rpt_check_get_message (check), want->note);
    }
  if (!found)
    g_error ("no check “%s…” among %u", want->note, g_list_model_get_n_items (checks));

  rpt_test_spin_until (clean, window, 10000);
  gtk_window_destroy (GTK_WINDOW (window));
  g_assert_finalize_object (window);
}

int
main (int argc, char *argv[])
{
  static RptTestUi ui;

  /* The language first, before anything is translated. */
  language = "fr";
  if (argc > 1 && argv[1][0] != '-')
    {
      language = argv[1];
      for (int i = 1; i < argc - 1; i++)
        argv[i] = argv[i + 1];
      argc--;
    }
  g_setenv ("LANGUAGE", language, TRUE);

  rpt_test_ui_start (&ui, &argc, &argv, "io.github.rapporteur.Rapporteur.TestI18n", FALSE);
  app = ui.app;
  drafts = ui.drafts;

  g_test_add_func ("/window-i18n/window", test_window);
  return rpt_test_ui_run (&ui);
}
