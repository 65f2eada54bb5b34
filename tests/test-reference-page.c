/* test-reference-page.c
 *
 * Copyright 2026 The Rapporteur authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include <gdk/x11/gdkx.h>
#include <glib/gstdio.h>
#include <string.h>
#include <sys/stat.h>

#include "rpt-application.h"
#include "rpt-exporter.h"
#include "rpt-preferences-window.h"
#include "rpt-preview.h"
#include "rpt-reference-browser.h"
#include "rpt-reference-item.h"
#include "rpt-reference-page.h"
#include "rpt-test-ui.h"
#include "rpt-test-util.h"
#include "rpt-window.h"

/* The Reference Data page of Preferences, driven as a user would: through
 * its widgets, its actions, and (where xdotool is there) real key
 * events. Each test checks what the page shows, what was written to the
 * user's corrections file, and what the letters say. */

static RptApplication *app;
static char *drafts;
static gboolean have_xdotool;

static gboolean
page_idle (gpointer data)
{
  return !rpt_reference_page_get_busy (data);
}

static void
wait_page (RptReferencePage *page)
{
  rpt_test_spin_until (page_idle, page, 30000);
  rpt_test_spin_for (50);
}

static char *
overrides_path (void)
{
  return rpt_reference_dup_default_overrides_path ();
}

/* The corrections file as it is, or "" when there is none. */
static char *
read_overrides (void)
{
  g_autofree char *path = overrides_path ();
  char *data = NULL;

  if (!g_file_get_contents (path, &data, NULL, NULL))
    return g_strdup ("");
  return data;
}

/* Each test starts from the data as built in, with no correction. */
static void
reset_corrections (void)
{
  g_autofree char *path = overrides_path ();

  g_unlink (path);
  rpt_reference_reload_default ();
}

static char *
data_value (RptOverrideTable table, const char *key, const char *field)
{
  return rpt_reference_dup_value (rpt_reference_get_default (), table, key, field);
}

static gpointer
find_toplevel (GType type)
{
  GListModel *toplevels = gtk_window_get_toplevels (); /* transfer none */

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr (GObject) window = g_list_model_get_item (toplevels, i);
      if (G_TYPE_CHECK_INSTANCE_TYPE (window, type) && gtk_widget_get_visible (GTK_WIDGET (window)))
        return window;
    }
  return NULL;
}

static GtkWidget *
find_descendant (GtkWidget *root, GType type)
{
  for (GtkWidget *c = gtk_widget_get_first_child (root); c != NULL;
       c = gtk_widget_get_next_sibling (c))
    {
      GtkWidget *found;

      if (G_TYPE_CHECK_INSTANCE_TYPE (c, type))
        return c;
      found = find_descendant (c, type);
      if (found != NULL)
        return found;
    }
  return NULL;
}

static AdwPreferencesRow *
find_row (GtkWidget *root, const char *title)
{
  for (GtkWidget *c = gtk_widget_get_first_child (root); c != NULL;
       c = gtk_widget_get_next_sibling (c))
    {
      AdwPreferencesRow *found;

      if (ADW_IS_PREFERENCES_ROW (c) &&
          g_strcmp0 (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (c)), title) == 0)
        return ADW_PREFERENCES_ROW (c);
      found = find_row (c, title);
      if (found != NULL)
        return found;
    }
  return NULL;
}

static GtkWidget *
find_button (GtkWidget *root, const char *label)
{
  for (GtkWidget *c = gtk_widget_get_first_child (root); c != NULL;
       c = gtk_widget_get_next_sibling (c))
    {
      GtkWidget *found;

      if (GTK_IS_BUTTON (c) && g_strcmp0 (gtk_button_get_label (GTK_BUTTON (c)), label) == 0)
        return c;
      found = find_button (c, label);
      if (found != NULL)
        return found;
    }
  return NULL;
}

static gboolean
focus_within (GtkWidget *widget)
{
  GtkRoot *root = gtk_widget_get_root (widget);
  GtkWidget *focus = root != NULL ? gtk_root_get_focus (root) : NULL;

  return focus != NULL && (focus == widget || gtk_widget_is_ancestor (focus, widget));
}

static GtkWindow *
open_preferences (RptReferencePage **page)
{
  GtkWindow *prefs = rpt_preferences_window_new (rpt_application_get_settings (app));

  g_object_ref (prefs);
  gtk_window_present (prefs);
  *page = RPT_REFERENCE_PAGE (
    rpt_preferences_window_show_reference_data (RPT_PREFERENCES_WINDOW (prefs)));
  rpt_test_spin_for (200);
  return prefs;
}

static void
close_preferences (GtkWindow *prefs, RptReferencePage *page)
{
  wait_page (page);
  gtk_window_destroy (prefs);
  rpt_test_spin_for (100);
  g_assert_finalize_object (prefs);
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

static RptWindow *
open_window (RptLetter *letter)
{
  g_autoptr (RptLetterFile) file = rpt_letter_file_new_draft (letter, drafts);
  RptWindow *window = g_object_ref (rpt_window_new (app));

  rpt_window_set_document (window, file);
  gtk_window_present (GTK_WINDOW (window));
  rpt_test_spin_until (preview_current, window, 90000);
  return window;
}

static gboolean
clean (gpointer data)
{
  return !rpt_letter_file_get_dirty (rpt_window_get_document (data));
}

static void
close_window (RptWindow *window)
{
  rpt_test_spin_until (preview_current, window, 90000);
  rpt_test_spin_until (clean, window, 10000);
  gtk_window_destroy (GTK_WINDOW (window));
  rpt_test_spin_for (50);
  g_assert_finalize_object (window);
}

static gboolean
export_done (gpointer data)
{
  return *(int *) data != 0;
}

static void
exported_cb (GObject *source, GAsyncResult *result, gpointer user_data)
{
  g_autoptr (GError) error = NULL;

  g_assert_true (rpt_exporter_finish (result, &error));
  g_assert_no_error (error);
  *(int *) user_data = 1;
}

/* The text of the window's letter as an export writes it (the ODT's
 * content.xml): made from the same document XML as the preview. */
static char *
exported_document (RptWindow *window)
{
  g_autofree char *dir = rpt_test_make_tmpdir ();
  g_autofree char *path = g_build_filename (dir, "letter.odt", NULL);
  RptLetter *letter = rpt_letter_file_get_letter (rpt_window_get_document (window));
  char *data = NULL;
  int done = 0;

  rpt_exporter_async (letter, RPT_EXPORTER_ODT, path, "A", NULL, exported_cb, &done);
  rpt_test_spin_until (export_done, &done, 30000);
  data = rpt_test_zip_read (path, "content.xml", NULL);
  g_assert_nonnull (data);
  rpt_test_rm_rf (dir);
  return data;
}

static gboolean
checks_up_to_date (gpointer data)
{
  return rpt_checker_get_up_to_date (rpt_window_get_checker (data));
}

static gboolean
has_check (RptWindow *window, const char *id)
{
  GListModel *checks = G_LIST_MODEL (rpt_window_get_checker (window));

  rpt_test_spin_until (checks_up_to_date, window, 30000);
  for (guint i = 0; i < g_list_model_get_n_items (checks); i++)
    {
      g_autoptr (RptCheck) check = g_list_model_get_item (checks, i);
      if (g_str_equal (rpt_check_get_id (check), id))
        return TRUE;
    }
  return FALSE;
}

static RptReferenceItem *
find_item (GListModel *model, RptOverrideTable table, const char *key)
{
  for (guint i = 0; i < g_list_model_get_n_items (model); i++)
    {
      g_autoptr (RptReferenceItem) item = g_list_model_get_item (model, i);
      if (rpt_reference_item_get_table (item) == table &&
          g_str_equal (rpt_reference_item_get_key (item), key))
        return item; /* the model holds it */
    }
  return NULL;
}

static void
search (RptReferenceBrowser *browser, const char *text)
{
  rpt_reference_browser_set_search (browser, text);
  rpt_test_spin_for (20);
}

/* --- the data listed ------------------------------------------------- */

/* Every mandate, State and treaty participation is listed, with where it
 * comes from and as of when; the list makes widgets only for what is on
 * screen; search and filters narrow it; unverified and out-of-date data
 * is marked in the list, the details and the page. */
static void
test_lists (void)
{
  RptReference *ref;
  g_autoptr (GPtrArray) mandates = NULL;
  g_autoptr (GPtrArray) countries = NULL;
  g_autoptr (GPtrArray) treaties = NULL;
  RptReferencePage *page;
  RptReferenceBrowser *browser;
  GtkWindow *prefs;
  GListModel *shown;
  GtkWidget *list;
  guint n_widgets = 0, n_unverified = 0, n_stale = 0;
  const RptMandateInfo *m;
  const RptTreatyStatus *t;
  GtkWidget *row;
  AdwPreferencesRow *page_row;
  RptReferenceItem *item;

  reset_corrections ();
  ref = rpt_reference_get_default ();
  mandates = rpt_reference_list_mandates (ref);
  countries = rpt_reference_list_countries (ref);
  treaties = rpt_reference_list_treaty_statuses (ref, NULL);
  prefs = open_preferences (&page);
  browser = rpt_reference_page_show_browser (page);
  rpt_reference_browser_show_list (browser);
  rpt_test_spin_for (300);

  shown = rpt_reference_browser_get_shown (browser);
  g_assert_cmpuint (g_list_model_get_n_items (shown), ==,
                    mandates->len + countries->len + treaties->len);
  g_assert_cmpuint (g_list_model_get_n_items (shown), >, 2000);
  /* Widgets for the rows on screen only. */
  list = find_descendant (GTK_WIDGET (browser), GTK_TYPE_LIST_VIEW);
  g_assert_nonnull (list);
  for (GtkWidget *c = gtk_widget_get_first_child (list); c != NULL;
       c = gtk_widget_get_next_sibling (c))
    n_widgets++;
  g_assert_cmpuint (n_widgets, >, 0);
  g_assert_cmpuint (n_widgets, <, 200);

  /* Each mandate with its key, its resolutions and as of when. */
  for (guint i = 0; i < mandates->len; i++)
    {
      g_autofree char *as_of = NULL;

      m = mandates->pdata[i];
      item = find_item (shown, RPT_OVERRIDE_TABLE_MANDATES, m->key);
      g_assert_nonnull (item);
      g_assert_cmpstr (rpt_reference_item_get_title (item), ==, m->title);
      g_assert_nonnull (strstr (rpt_reference_item_get_subtitle (item), m->key));
      as_of = g_strdup_printf ("as of %s", m->as_of);
      if (m->as_of != NULL)
        g_assert_nonnull (strstr (rpt_reference_item_get_subtitle (item), as_of));
      g_assert_cmpint (rpt_reference_item_get_verified (item), ==, m->verified);
      g_assert_cmpint (rpt_reference_item_get_stale (item), ==,
                       rpt_reference_as_of_is_stale (m->as_of, NULL));
      n_unverified += !m->verified;
      n_stale += rpt_reference_as_of_is_stale (m->as_of, NULL);
    }
  for (guint i = 0; i < countries->len; i++)
    {
      const RptCountryInfo *c = rpt_reference_lookup_country (ref, countries->pdata[i]);
      n_unverified += c == NULL || !c->verified;
    }
  for (guint i = 0; i < treaties->len; i++)
    {
      t = treaties->pdata[i];
      n_unverified += !t->verified;
      n_stale += rpt_reference_as_of_is_stale (t->as_of, NULL);
    }
  item = find_item (shown, RPT_OVERRIDE_TABLE_TREATIES, "ICCPR/TJK");
  g_assert_nonnull (item);
  g_assert_cmpstr (rpt_reference_item_get_title (item), ==, "ICCPR — Tajikistan");
  g_assert_nonnull (strstr (rpt_reference_item_get_subtitle (item), "accession"));

  /* A search in any of the three languages, accents or not. */
  search (browser, "defenders");
  g_assert_nonnull (find_item (shown, RPT_OVERRIDE_TABLE_MANDATES, "sr-human-rights-defenders"));
  search (browser, "défenseurs");
  g_assert_nonnull (find_item (shown, RPT_OVERRIDE_TABLE_MANDATES, "sr-human-rights-defenders"));
  search (browser, "Defensores");
  g_assert_nonnull (find_item (shown, RPT_OVERRIDE_TABLE_MANDATES, "sr-human-rights-defenders"));
  search (browser, "iccpr/tjk");
  g_assert_cmpuint (g_list_model_get_n_items (shown), ==, 1);
  g_assert_nonnull (find_item (shown, RPT_OVERRIDE_TABLE_TREATIES, "ICCPR/TJK"));
  search (browser, "civil political tajikistan");
  g_assert_nonnull (find_item (shown, RPT_OVERRIDE_TABLE_TREATIES, "ICCPR/TJK"));
  g_assert_nonnull (find_item (shown, RPT_OVERRIDE_TABLE_TREATIES, "ICCPR-OP1/TJK"));
  g_assert_null (find_item (shown, RPT_OVERRIDE_TABLE_TREATIES, "ICCPR/TUR"));
  search (browser, "turkiye");
  g_assert_nonnull (find_item (shown, RPT_OVERRIDE_TABLE_COUNTRIES, "TUR"));
  search (browser, "no such thing anywhere");
  g_assert_cmpuint (g_list_model_get_n_items (shown), ==, 0);
  search (browser, NULL);

  /* Filters: one table; what is doubtful. */
  rpt_reference_browser_set_filter (browser, RPT_REFERENCE_FILTER_MANDATES);
  g_assert_cmpuint (g_list_model_get_n_items (shown), ==, mandates->len);
  rpt_reference_browser_set_filter (browser, RPT_REFERENCE_FILTER_UNVERIFIED);
  g_assert_cmpuint (n_unverified, >, 0);
  g_assert_cmpuint (g_list_model_get_n_items (shown), ==, n_unverified);
  for (guint i = 0; i < g_list_model_get_n_items (shown); i++)
    {
      g_autoptr (RptReferenceItem) it = g_list_model_get_item (shown, i);
      g_assert_false (rpt_reference_item_get_verified (it));
    }
  rpt_reference_browser_set_filter (browser, RPT_REFERENCE_FILTER_STALE);
  g_assert_cmpuint (g_list_model_get_n_items (shown), ==, n_stale);
  for (guint i = 0; i < g_list_model_get_n_items (shown); i++)
    {
      g_autoptr (RptReferenceItem) it = g_list_model_get_item (shown, i);
      g_assert_true (rpt_reference_item_get_stale (it));
    }
  rpt_reference_browser_set_filter (browser, RPT_REFERENCE_FILTER_CORRECTED);
  g_assert_cmpuint (g_list_model_get_n_items (shown), ==, 0);
  rpt_reference_browser_set_filter (browser, RPT_REFERENCE_FILTER_ALL);

  /* The page says how much is doubtful, and leads to it. */
  page_row = find_row (GTK_WIDGET (page), "_Unverified Data");
  g_assert_nonnull (page_row);
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (page_row)));
  {
    g_autofree char *count = g_strdup_printf ("%u rows", n_unverified);
    g_assert_true (
      g_str_has_prefix (adw_action_row_get_subtitle (ADW_ACTION_ROW (page_row)), count));
  }
  page_row = find_row (GTK_WIDGET (page), "_Out-of-Date Data");
  g_assert_nonnull (page_row);
  g_assert_cmpint (gtk_widget_get_visible (GTK_WIDGET (page_row)), ==, n_stale > 0);

  /* A mandate's details: provenance, and what is doubtful marked. */
  m = rpt_reference_lookup_mandate (ref, "sr-human-rights-defenders");
  g_assert_false (m->verified); /* the data says so: its number is unconfirmed */
  rpt_reference_browser_show_row (browser, RPT_OVERRIDE_TABLE_MANDATES, m->key);
  row = rpt_reference_browser_get_trust_row (browser, "as-of");
  g_assert_true (g_str_has_prefix (adw_action_row_get_subtitle (ADW_ACTION_ROW (row)), m->as_of));
  g_assert_cmpint (GPOINTER_TO_INT (g_object_get_data (G_OBJECT (row), "doubtful")), ==,
                   rpt_reference_as_of_is_stale (m->as_of, NULL));
  row = rpt_reference_browser_get_trust_row (browser, "verified");
  g_assert_true (GPOINTER_TO_INT (g_object_get_data (G_OBJECT (row), "doubtful")));
  g_assert_nonnull (strstr (adw_action_row_get_subtitle (ADW_ACTION_ROW (row)), m->verification));
  row = rpt_reference_browser_get_field_row (browser, "resolutions", "value");
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (row)), ==, "52/4");
  row = rpt_reference_browser_get_field_row (browser, "resolutions", "data");
  g_assert_cmpstr (adw_action_row_get_subtitle (ADW_ACTION_ROW (row)), ==, "52/4");
  g_assert_null (rpt_reference_browser_get_field_row (browser, "resolutions", "remove"));
  row = rpt_reference_browser_get_field_row (browser, "title", "value");
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (row)), ==, m->title);
  /* The focus on the first value to correct. */
  g_assert_true (focus_within (row));

  /* A treaty participation's: as of when the snapshot was taken. */
  t = rpt_reference_lookup_treaty_status (ref, "ICCPR", "TJK");
  rpt_reference_browser_show_row (browser, RPT_OVERRIDE_TABLE_TREATIES, "ICCPR/TJK");
  row = rpt_reference_browser_get_trust_row (browser, "as-of");
  g_assert_true (g_str_has_prefix (adw_action_row_get_subtitle (ADW_ACTION_ROW (row)), t->as_of));
  g_assert_cmpint (GPOINTER_TO_INT (g_object_get_data (G_OBJECT (row), "doubtful")), ==,
                   rpt_reference_as_of_is_stale (t->as_of, NULL));
  row = rpt_reference_browser_get_field_row (browser, "consent", "value");
  {
    g_autofree char *consent = data_value (RPT_OVERRIDE_TABLE_TREATIES, "ICCPR/TJK", "consent");
    g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (row)), ==, consent);
    g_assert_true (g_str_has_prefix (consent, "accession "));
  }

  close_preferences (prefs, page);
}

/* --- a correction made, in force, removed ---------------------------- */

static GtkWidget *
page_correction_row (RptReferencePage *page, const char *text)
{
  GtkListBox *list = rpt_reference_page_get_corrections_list (page);

  for (GtkWidget *c = gtk_widget_get_first_child (GTK_WIDGET (list)); c != NULL;
       c = gtk_widget_get_next_sibling (c))
    if (ADW_IS_ACTION_ROW (c) && adw_action_row_get_subtitle (ADW_ACTION_ROW (c)) != NULL &&
        strstr (adw_action_row_get_subtitle (ADW_ACTION_ROW (c)), text) != NULL)
      return c;
  return NULL;
}

/* A resolution number corrected in the page: stored in the user's file
 * with who, when and why; the open letter says it (its export, its
 * checks); removed, the letter says what the data says again. A value the
 * data cannot take is refused under its field, and nothing is written. */
static void
test_correct (void)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (RptLetter) letter = rpt_application_load_sample (&error);
  g_autofree char *path = overrides_path ();
  g_autofree char *stored = NULL;
  g_autofree char *document = NULL;
  g_autofree char *value = NULL;
  RptReferencePage *page;
  RptReferenceBrowser *browser;
  GtkWindow *prefs;
  RptWindow *window;
  GtkWidget *row, *note, *remove, *label;
  GStatBuf st;

  g_assert_no_error (error);
  reset_corrections ();
  g_settings_set_string (rpt_application_get_settings (app), "author-name", "A. Drafter");
  window = open_window (letter);
  document = exported_document (window);
  g_assert_nonnull (strstr (document, "52/4"));
  g_assert_null (strstr (document, "61/12"));
  g_assert_false (has_check (window, "overridden-reference-data"));
  g_clear_pointer (&document, g_free);

  prefs = open_preferences (&page);
  browser = rpt_reference_page_show_browser (page);
  rpt_reference_browser_show_row (browser, RPT_OVERRIDE_TABLE_MANDATES,
                                  "sr-human-rights-defenders");
  row = rpt_reference_browser_get_field_row (browser, "resolutions", "value");
  note = rpt_reference_browser_get_field_row (browser, "resolutions", "note");
  /* Nothing to correct yet. */
  g_assert_false (gtk_widget_get_sensitive (
    rpt_reference_browser_get_field_row (browser, "resolutions", "apply")));
  gtk_editable_set_text (GTK_EDITABLE (row), "61/12");
  gtk_editable_set_text (GTK_EDITABLE (note), "A/HRC/RES/61/12");
  g_signal_emit_by_name (rpt_reference_browser_get_field_row (browser, "resolutions", "apply"),
                         "clicked");
  g_assert_true (rpt_reference_page_get_busy (page));
  wait_page (page);

  /* Stored, privately, with the data's value, who, when and why. */
  stored = read_overrides ();
  g_assert_nonnull (strstr (stored, "mandate,sr-human-rights-defenders,resolutions,61/12,52/4,"));
  g_assert_nonnull (strstr (stored, ",A. Drafter,A/HRC/RES/61/12"));
  g_assert_cmpint (g_stat (path, &st), ==, 0);
  g_assert_cmpint (st.st_mode & 0777, ==, 0600);
  value = data_value (RPT_OVERRIDE_TABLE_MANDATES, "sr-human-rights-defenders", "resolutions");
  g_assert_cmpstr (value, ==, "61/12");
  g_clear_pointer (&value, g_free);

  /* The details show it, the data's own value beside it, and the focus
   * is back on the value just corrected. */
  row = rpt_reference_browser_get_field_row (browser, "resolutions", "value");
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (row)), ==, "61/12");
  g_assert_true (focus_within (row));
  g_assert_cmpstr (adw_action_row_get_subtitle (ADW_ACTION_ROW (
                     rpt_reference_browser_get_field_row (browser, "resolutions", "data"))),
                   ==, "52/4");
  label = rpt_reference_browser_get_field_row (browser, "resolutions", "correction");
  g_assert_nonnull (label);
  g_assert_nonnull (strstr (adw_action_row_get_subtitle (ADW_ACTION_ROW (label)), "A. Drafter"));
  g_assert_nonnull (
    strstr (adw_action_row_get_subtitle (ADW_ACTION_ROW (label)), "A/HRC/RES/61/12"));
  /* So does the page's list of corrections. */
  g_assert_nonnull (page_correction_row (page, "“61/12” (the data says “52/4”)"));

  /* The open letter follows: its output and its checks. */
  rpt_test_spin_until (preview_current, window, 90000);
  document = exported_document (window);
  g_assert_nonnull (strstr (document, "61/12"));
  g_assert_null (strstr (document, "52/4"));
  g_clear_pointer (&document, g_free);
  g_assert_true (has_check (window, "overridden-reference-data"));

  /* Removed: the data's value again, in the file, the details and the
   * letter; the focus on the value. */
  remove = rpt_reference_browser_get_field_row (browser, "resolutions", "remove");
  g_assert_nonnull (remove);
  g_signal_emit_by_name (remove, "clicked");
  wait_page (page);
  g_clear_pointer (&stored, g_free);
  stored = read_overrides ();
  g_assert_null (strstr (stored, "sr-human-rights-defenders"));
  value = data_value (RPT_OVERRIDE_TABLE_MANDATES, "sr-human-rights-defenders", "resolutions");
  g_assert_cmpstr (value, ==, "52/4");
  g_clear_pointer (&value, g_free);
  row = rpt_reference_browser_get_field_row (browser, "resolutions", "value");
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (row)), ==, "52/4");
  g_assert_true (focus_within (row));
  g_assert_null (rpt_reference_browser_get_field_row (browser, "resolutions", "correction"));
  g_assert_null (page_correction_row (page, "61/12"));
  rpt_test_spin_until (preview_current, window, 90000);
  document = exported_document (window);
  g_assert_nonnull (strstr (document, "52/4"));
  g_assert_null (strstr (document, "61/12"));
  g_clear_pointer (&document, g_free);
  g_assert_false (has_check (window, "overridden-reference-data"));

  /* A value the data cannot take: said under it, as typed and when
   * applied; nothing written. */
  g_clear_pointer (&stored, g_free);
  stored = read_overrides ();
  gtk_editable_set_text (GTK_EDITABLE (row), "sixty-one");
  label = rpt_reference_browser_get_field_row (browser, "resolutions", "error");
  g_assert_true (gtk_widget_get_visible (label));
  g_assert_cmpstr (gtk_label_get_text (GTK_LABEL (label)), !=, "");
  g_assert_true (gtk_widget_has_css_class (row, "error"));
  g_signal_emit_by_name (row, "entry-activated");
  wait_page (page);
  g_assert_true (gtk_widget_get_visible (label));
  g_assert_true (focus_within (row));
  {
    g_autofree char *after = read_overrides ();
    g_assert_cmpstr (after, ==, stored);
  }
  value = data_value (RPT_OVERRIDE_TABLE_MANDATES, "sr-human-rights-defenders", "resolutions");
  g_assert_cmpstr (value, ==, "52/4");

  close_preferences (prefs, page);
  close_window (window);
  g_settings_reset (rpt_application_get_settings (app), "author-name");
}

/* --- sharing: export, import ----------------------------------------- */

/* A correction of the title, as an office might word it: the data has the
 * title without the second "its". */
static const char *VAW_TITLE =
  "Special Rapporteur on violence against women and girls, its causes and its consequences";

static AdwMessageDialog *
take_dialog (const char *heading)
{
  AdwMessageDialog *dialog = find_toplevel (ADW_TYPE_MESSAGE_DIALOG);

  g_assert_nonnull (dialog);
  g_assert_cmpstr (adw_message_dialog_get_heading (dialog), ==, heading);
  return dialog;
}

/* The corrections exported to a file and imported back whole; a file
 * that differs from the user's corrections asks which side wins; a bad
 * file changes nothing and says why. Removing a correction from the
 * page's list puts the focus on the one that takes its place. */
static void
test_export_import (void)
{
  g_autofree char *dir = rpt_test_make_tmpdir ();
  g_autofree char *file = g_build_filename (dir, "office-corrections.csv", NULL);
  g_autofree char *bad = g_build_filename (dir, "bad.csv", NULL);
  g_autofree char *exported = NULL;
  g_autofree char *before = NULL;
  g_autofree char *value = NULL;
  RptReferencePage *page;
  AdwMessageDialog *dialog;
  GtkWindow *prefs;
  GtkWidget *row, *button;
  GStatBuf st;

  reset_corrections ();
  g_settings_set_string (rpt_application_get_settings (app), "author-name", "A. Drafter");
  prefs = open_preferences (&page);
  rpt_reference_page_set_value (page, RPT_OVERRIDE_TABLE_MANDATES, "sr-violence-against-women",
                                "title", VAW_TITLE, "A/HRC/RES/50/7");
  wait_page (page);
  rpt_reference_page_set_value (page, RPT_OVERRIDE_TABLE_TREATIES, "ICCPR/FJI", "consent",
                                "accession 2018-08-16", "C.N.418.2018");
  wait_page (page);
  g_assert_nonnull (page_correction_row (page, VAW_TITLE));
  g_assert_nonnull (page_correction_row (page, "accession 2018-08-16"));

  /* Exported: one correction a row, private. */
  rpt_reference_page_export_path (page, file);
  wait_page (page);
  g_assert_true (g_file_get_contents (file, &exported, NULL, NULL));
  g_assert_true (g_str_has_prefix (exported, "table,key,field,value,original,date,author,note\n"));
  g_assert_nonnull (strstr (exported, "mandate,sr-violence-against-women,title,"));
  g_assert_nonnull (strstr (exported, "treaty,ICCPR/FJI,consent,accession 2018-08-16,none,"));
  g_assert_cmpint (g_stat (file, &st), ==, 0);
  g_assert_cmpint (st.st_mode & 0777, ==, 0600);

  /* Removed from the page's list: the focus on the next correction, then
   * on the way to bring them back. */
  row = page_correction_row (page, VAW_TITLE);
  button = find_descendant (row, GTK_TYPE_BUTTON);
  g_assert_nonnull (button);
  g_signal_emit_by_name (button, "clicked");
  wait_page (page);
  g_assert_null (page_correction_row (page, VAW_TITLE));
  row = page_correction_row (page, "accession 2018-08-16");
  g_assert_true (focus_within (row));
  g_signal_emit_by_name (find_descendant (row, GTK_TYPE_BUTTON), "clicked");
  wait_page (page);
  g_assert_null (page_correction_row (page, "accession 2018-08-16"));
  g_assert_true (focus_within (find_button (GTK_WIDGET (page), "_Import…")));
  value = data_value (RPT_OVERRIDE_TABLE_MANDATES, "sr-violence-against-women", "title");
  g_assert_cmpstr (value, !=, VAW_TITLE);
  g_clear_pointer (&value, g_free);

  /* Imported: both back, in force. */
  rpt_reference_page_import_path (page, file);
  wait_page (page);
  g_assert_null (find_toplevel (ADW_TYPE_MESSAGE_DIALOG));
  value = data_value (RPT_OVERRIDE_TABLE_MANDATES, "sr-violence-against-women", "title");
  g_assert_cmpstr (value, ==, VAW_TITLE);
  g_clear_pointer (&value, g_free);
  value = data_value (RPT_OVERRIDE_TABLE_TREATIES, "ICCPR/FJI", "consent");
  g_assert_cmpstr (value, ==, "accession 2018-08-16");
  g_clear_pointer (&value, g_free);
  g_assert_nonnull (page_correction_row (page, VAW_TITLE));
  g_assert_nonnull (page_correction_row (page, "C.N.418.2018"));

  /* A conflict: the user corrected the title differently since. Nothing
   * changes until the user says which wins; kept, then taken. */
  rpt_reference_page_set_value (page, RPT_OVERRIDE_TABLE_MANDATES, "sr-violence-against-women",
                                "title", "Special Rapporteur on violence against women", NULL);
  wait_page (page);
  rpt_reference_page_import_path (page, file);
  wait_page (page);
  dialog = take_dialog ("Your Corrections and the File’s Differ");
  g_assert_nonnull (strstr (adw_message_dialog_get_body (dialog), VAW_TITLE));
  g_assert_nonnull (strstr (adw_message_dialog_get_body (dialog), "A. Drafter, "));
  value = data_value (RPT_OVERRIDE_TABLE_MANDATES, "sr-violence-against-women", "title");
  g_assert_cmpstr (value, ==, "Special Rapporteur on violence against women");
  g_clear_pointer (&value, g_free);
  adw_message_dialog_response (dialog, "ours");
  gtk_window_destroy (GTK_WINDOW (dialog));
  wait_page (page);
  value = data_value (RPT_OVERRIDE_TABLE_MANDATES, "sr-violence-against-women", "title");
  g_assert_cmpstr (value, ==, "Special Rapporteur on violence against women");
  g_clear_pointer (&value, g_free);
  rpt_reference_page_import_path (page, file);
  wait_page (page);
  dialog = take_dialog ("Your Corrections and the File’s Differ");
  adw_message_dialog_response (dialog, "theirs");
  gtk_window_destroy (GTK_WINDOW (dialog));
  wait_page (page);
  value = data_value (RPT_OVERRIDE_TABLE_MANDATES, "sr-violence-against-women", "title");
  g_assert_cmpstr (value, ==, VAW_TITLE);
  g_clear_pointer (&value, g_free);

  /* A bad file: one good row, one of a table that does not exist.
   * Nothing imported, and the user is told why. */
  g_assert_true (
    g_file_set_contents (bad,
                         "table,key,field,value,original,date,author,note\n"
                         "mandate,sr-torture,title,Special Rapporteur on torture,,2026-01-01,,\n"
                         "planet,MARS,name,Mars,,2026-01-01,,\n",
                         -1, NULL));
  before = read_overrides ();
  rpt_reference_page_import_path (page, bad);
  wait_page (page);
  dialog = take_dialog ("The Corrections Could Not Be Imported");
  g_assert_nonnull (strstr (adw_message_dialog_get_body (dialog), "Nothing was imported"));
  gtk_window_destroy (GTK_WINDOW (dialog));
  {
    g_autofree char *after = read_overrides ();
    g_assert_cmpstr (after, ==, before);
  }
  g_assert_null (page_correction_row (page, "Special Rapporteur on torture"));

  /* A file that is not there: said, nothing changed. */
  {
    g_autofree char *missing = g_build_filename (dir, "missing.csv", NULL);
    g_autofree char *after = NULL;

    rpt_reference_page_import_path (page, missing);
    wait_page (page);
    dialog = take_dialog ("The Corrections Could Not Be Imported");
    gtk_window_destroy (GTK_WINDOW (dialog));
    after = read_overrides ();
    g_assert_cmpstr (after, ==, before);
  }

  close_preferences (prefs, page);
  reset_corrections ();
  g_settings_reset (rpt_application_get_settings (app), "author-name");
  rpt_test_rm_rf (dir);
}

/* --- the keyboard ---------------------------------------------------- */

#define KEYS RPT_TEST_KEYS
#define TYPE RPT_TEST_TYPE

typedef struct
{
  RptReferenceBrowser *browser;
  const char *key;
} RowFocus;

static gboolean
row_focused (gpointer data)
{
  RowFocus *f = data;

  return g_strcmp0 (rpt_reference_browser_get_focused_row (f->browser), f->key) == 0;
}

static gboolean
one_found (gpointer data)
{
  return g_list_model_get_n_items (rpt_reference_browser_get_shown (data)) == 1;
}

static gboolean
detail_shown (gpointer data)
{
  return rpt_reference_browser_get_shown_row (data, NULL, NULL);
}

static gboolean
search_focused (gpointer data)
{
  return focus_within (data);
}

static gboolean
subpage_closed (gpointer data)
{
  return gtk_widget_get_parent (data) == NULL;
}

/* The page without a mouse: Enter opens the data with the focus in its
 * search; Down goes from the search to the rows found; Enter opens one
 * with the focus on its first value; a value typed and Enter corrects it
 * and leaves the focus there; Escape goes back to the row, and out of
 * the list to where the user came from. */
static void
test_keyboard (void)
{
  g_autofree char *title = NULL;
  g_autofree char *stored = NULL;
  RptReferencePage *page;
  RptReferenceBrowser *browser;
  AdwPreferencesRow *browse;
  GtkWindow *prefs;
  GtkWidget *search, *row;
  RowFocus f;

  if (!have_xdotool)
    {
      g_test_skip ("xdotool is not installed");
      return;
    }
  reset_corrections ();
  prefs = open_preferences (&page);
  rpt_test_focus_x_window (prefs);
  browse = find_row (GTK_WIDGET (page), "_Mandates, States and Treaties");
  g_assert_nonnull (browse);
  gtk_widget_grab_focus (GTK_WIDGET (browse));

  KEYS ("Return");
  browser = rpt_reference_page_show_browser (page);
  search = find_descendant (GTK_WIDGET (browser), GTK_TYPE_SEARCH_ENTRY);
  rpt_test_spin_until (search_focused, search, 5000);

  TYPE ("defenders");
  /* The search waits for typing to pause. */
  rpt_test_spin_until (one_found, browser, 5000);
  KEYS ("Down");
  f.browser = browser;
  f.key = "sr-human-rights-defenders";
  rpt_test_spin_until (row_focused, &f, 5000);

  KEYS ("Return");
  rpt_test_spin_until (detail_shown, browser, 5000);
  row = rpt_reference_browser_get_field_row (browser, "title", "value");
  g_assert_nonnull (row);
  g_assert_true (focus_within (row));

  /* Corrected from the keyboard: the whole value replaced, Tab, the
   * reason, Enter. */
  title = g_strdup ("Special Rapporteur on the situation of human rights defenders (test)");
  KEYS ("ctrl+a");
  TYPE (title);
  KEYS ("Tab");
  g_assert_true (focus_within (rpt_reference_browser_get_field_row (browser, "title", "note")));
  TYPE ("A/HRC/RES/61/12");
  KEYS ("Return");
  wait_page (page);
  stored = read_overrides ();
  g_assert_nonnull (strstr (stored, title));
  g_assert_nonnull (strstr (stored, "A/HRC/RES/61/12"));
  row = rpt_reference_browser_get_field_row (browser, "title", "value");
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (row)), ==, title);
  g_assert_true (focus_within (row));
  g_assert_nonnull (rpt_reference_browser_get_field_row (browser, "title", "correction"));

  /* Back to the list, on the row just left; the list says it is
   * corrected. */
  KEYS ("Escape");
  rpt_test_spin_until (row_focused, &f, 5000);
  g_assert_false (rpt_reference_browser_get_shown_row (browser, NULL, NULL));
  g_assert_true (rpt_reference_item_get_corrected (
    find_item (rpt_reference_browser_get_shown (browser), RPT_OVERRIDE_TABLE_MANDATES,
               "sr-human-rights-defenders")));

  /* Escape in the search clears it, then leaves the list. */
  gtk_widget_grab_focus (search);
  KEYS ("Escape");
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (search)), ==, "");
  g_assert_true (focus_within (search));
  KEYS ("Escape");
  rpt_test_spin_until (subpage_closed, browser, 5000);
  g_assert_true (focus_within (GTK_WIDGET (browse)));

  /* Alt+Left goes back too, from a State to its treaty and back. */
  KEYS ("Return");
  rpt_test_spin_for (300);
  rpt_reference_browser_show_row (browser, RPT_OVERRIDE_TABLE_COUNTRIES, "TJK");
  rpt_test_spin_for (100);
  KEYS ("alt+Left");
  f.key = "TJK";
  rpt_test_spin_until (row_focused, &f, 5000);

  close_preferences (prefs, page);
  reset_corrections ();
}

int
main (int argc, char *argv[])
{
  static RptTestUi ui;

  rpt_test_ui_start (&ui, &argc, &argv, "io.github.rapporteur.Rapporteur.ReferenceTest", TRUE);
  app = ui.app;
  drafts = ui.drafts;
  have_xdotool = ui.have_xdotool;

  g_test_add_func ("/reference-page/lists", test_lists);
  g_test_add_func ("/reference-page/correct", test_correct);
  g_test_add_func ("/reference-page/export-import", test_export_import);
  g_test_add_func ("/reference-page/keyboard", test_keyboard);
  return rpt_test_ui_run (&ui);
}
