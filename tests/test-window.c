/* test-window.c
 *
 * Copyright 2026 The Rapporteur authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include <glib/gstdio.h>
#include <string.h>

#include "rpt-application.h"
#include "rpt-comment-dialog.h"
#include "rpt-comments-section.h"
#include "rpt-compare-window.h"
#include "rpt-item-list.h"
#include "rpt-merge-window.h"
#include "rpt-exporter.h"
#include "rpt-page-source.h"
#include "rpt-paragraph-editor.h"
#include "rpt-paragraph-row.h"
#include "rpt-paragraphs-section.h"
#include "rpt-preview.h"
#include "rpt-section.h"
#include "rpt-test-ui.h"
#include "rpt-test-util.h"
#include "rpt-text-markup.h"
#include "rpt-versions-section.h"
#include "rpt-window-private.h"

/* The window driven through its widgets and actions, as a drafter would:
 * each test checks the model, the file autosave wrote and the preview. */

static RptApplication *app;
static char *drafts;

static gboolean
preview_current (gpointer data)
{
  RptWindow *window = data;
  RptPreview *preview = RPT_PREVIEW (rpt_window_get_preview (window));
  RptLetterFile *file = rpt_window_get_document (window);

  if (g_getenv ("DEBUG_PREVIEW"))
    g_printerr ("busy %d rev %lu letter %lu\n", rpt_preview_get_busy (preview),
                (gulong) rpt_preview_get_revision (preview),
                (gulong) rpt_letter_get_revision (rpt_letter_file_get_letter (file)));

  return !rpt_preview_get_busy (preview) &&
         rpt_preview_get_revision (preview) ==
           rpt_letter_get_revision (rpt_letter_file_get_letter (file));
}

static gboolean
saved (gpointer data)
{
  RptLetterFile *file = rpt_window_get_document (data);
  return !rpt_letter_file_get_dirty (file) && rpt_letter_file_get_path (file) != NULL;
}

static gboolean
clean (gpointer data)
{
  return !rpt_letter_file_get_dirty (rpt_window_get_document (data));
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

static void
close_window (RptWindow *window)
{
  /* Let the saves and the preview finish: they hold the window's parts. */
  rpt_test_spin_until (preview_current, window, 90000);
  rpt_test_spin_until (clean, window, 10000);
  gtk_window_destroy (GTK_WINDOW (window));
  rpt_test_spin_for (50);
  g_assert_finalize_object (window);
}

static RptParagraphRow *
get_row (RptWindow *window, const char *section, guint index)
{
  GtkWidget *widget = rpt_window_get_section_widget (window, section);
  RptParagraphRow *row = rpt_paragraphs_section_get_row (RPT_PARAGRAPHS_SECTION (widget), index);

  g_assert_true (RPT_IS_PARAGRAPH_ROW (row));
  return row;
}

static char *
stored_xml (const char *path)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (RptStore) store = rpt_store_open (path, RPT_STORE_OPEN_READ_ONLY, &error);
  g_autoptr (RptLetter) letter = NULL;

  g_assert_no_error (error);
  letter = rpt_store_load (store, &error);
  g_assert_no_error (error);
  return rpt_letter_to_xml (letter, NULL);
}

static void
test_sample (void)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (RptLetter) letter = rpt_application_load_sample (&error);
  g_autofree char *xml = NULL;
  g_autoptr (RptPageSource) pages = NULL;
  RptWindow *window;
  RptPreview *preview;

  g_assert_no_error (error);
  window = open_window (letter);
  preview = RPT_PREVIEW (rpt_window_get_preview (window));

  /* The preview shows the layout engine's pages of this letter. */
  xml = rpt_letter_to_xml (letter, NULL);
  pages = rpt_page_source_new_for_xml (xml, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (rpt_preview_get_n_pages (preview), >=, 3);
  g_assert_cmpuint (rpt_preview_get_n_pages (preview), ==, rpt_page_source_get_n_pages (pages));
  g_assert_cmpstr (gtk_window_get_title (GTK_WINDOW (window)), ==, "AL TJK 1/2025");

  /* Nothing changed: no file yet. */
  g_assert_null (rpt_letter_file_get_path (rpt_window_get_document (window)));
  close_window (window);
}

static void
test_type_bold_reorder (void)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (RptLetter) letter = rpt_application_load_sample (&error);
  g_autofree char *first_id = NULL;
  g_autofree char *stored = NULL;
  g_autofree char *xml = NULL;
  RptParagraphEditor *editor;
  GtkTextBuffer *buffer;
  GtkTextIter start, end;
  RptParagraph *fact;
  RptWindow *window;
  guint pages_before;

  window = open_window (letter);
  rpt_window_show_section (window, "facts");
  g_assert_cmpstr (rpt_window_get_section (window), ==, "facts");
  pages_before = rpt_preview_get_n_pages (RPT_PREVIEW (rpt_window_get_preview (window)));

  /* Type at the end of the first fact. */
  editor = rpt_paragraph_row_get_editor (get_row (window, "facts", 0));
  gtk_widget_grab_focus (GTK_WIDGET (editor));
  buffer = rpt_paragraph_editor_get_buffer (editor);
  gtk_text_buffer_get_end_iter (buffer, &end);
  gtk_text_buffer_place_cursor (buffer, &end);
  gtk_text_buffer_insert_interactive_at_cursor (buffer, " The police gave no reason.", -1, TRUE);
  fact = rpt_letter_get_item (letter, RPT_PART_FACTS, 0);
  g_assert_true (g_str_has_suffix (rpt_paragraph_get_text (fact), " The police gave no reason."));

  /* Ctrl+B's action over "no reason". */
  gtk_text_buffer_get_end_iter (buffer, &end);
  gtk_text_iter_backward_char (&end);
  start = end;
  gtk_text_iter_backward_chars (&start, 9);
  gtk_text_buffer_select_range (buffer, &start, &end);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (editor), "editor.bold", NULL));
  g_assert_true (g_str_has_suffix (rpt_paragraph_get_text (fact), "gave <b>no reason</b>."));

  /* Ctrl+Z's action undoes the bold, then the typing, with the model; redo
   * brings both back exactly. */
  {
    g_autofree char *bold = g_strdup (rpt_paragraph_get_text (fact));

    g_assert_true (gtk_widget_activate_action (GTK_WIDGET (editor), "editor.undo", NULL));
    g_assert_true (g_str_has_suffix (rpt_paragraph_get_text (fact), "gave no reason."));
    g_assert_true (gtk_widget_activate_action (GTK_WIDGET (editor), "editor.undo", NULL));
    g_assert_false (g_str_has_suffix (rpt_paragraph_get_text (fact), "gave no reason."));
    g_assert_true (gtk_widget_activate_action (GTK_WIDGET (editor), "editor.redo", NULL));
    g_assert_true (gtk_widget_activate_action (GTK_WIDGET (editor), "editor.redo", NULL));
    g_assert_cmpstr (rpt_paragraph_get_text (fact), ==, bold);
  }

  /* Deleting bold text and undoing brings the bold back. */
  {
    g_autofree char *before = g_strdup (rpt_paragraph_get_text (fact));

    gtk_text_buffer_get_end_iter (buffer, &end);
    start = end;
    gtk_text_iter_backward_chars (&start, 11);
    gtk_text_buffer_delete_interactive (buffer, &start, &end, TRUE);
    g_assert_false (g_str_has_suffix (rpt_paragraph_get_text (fact), "</b>."));
    g_assert_true (gtk_widget_activate_action (GTK_WIDGET (editor), "editor.undo", NULL));
    g_assert_cmpstr (rpt_paragraph_get_text (fact), ==, before);
  }

  /* Alt+Down's action: the fact moves, the focus goes with it. */
  first_id = g_strdup (rpt_paragraph_get_id (fact));
  g_assert_true (
    gtk_widget_activate_action (GTK_WIDGET (get_row (window, "facts", 0)), "item.move-down", NULL));
  g_assert_cmpstr (rpt_letter_item_get_id (rpt_letter_get_item (letter, RPT_PART_FACTS, 1)), ==,
                   first_id);
  g_assert_true (gtk_widget_has_focus (GTK_WIDGET (
    rpt_paragraph_editor_get_view (rpt_paragraph_row_get_editor (get_row (window, "facts", 1))))));

  /* Duplicate, then remove the copy. */
  g_assert_true (
    gtk_widget_activate_action (GTK_WIDGET (get_row (window, "facts", 1)), "item.duplicate", NULL));
  g_assert_cmpuint (rpt_letter_get_n_items (letter, RPT_PART_FACTS), ==, 11);
  g_assert_true (
    gtk_widget_activate_action (GTK_WIDGET (get_row (window, "facts", 2)), "item.remove", NULL));
  g_assert_cmpuint (rpt_letter_get_n_items (letter, RPT_PART_FACTS), ==, 10);

  /* In the file within a second; the preview follows. */
  rpt_test_spin_until (saved, window, 10000);
  stored = stored_xml (rpt_letter_file_get_path (rpt_window_get_document (window)));
  xml = rpt_letter_to_xml (letter, NULL);
  g_assert_cmpstr (stored, ==, xml);
  rpt_test_spin_until (preview_current, window, 90000);
  g_assert_cmpuint (rpt_preview_get_n_pages (RPT_PREVIEW (rpt_window_get_preview (window))), >=,
                    pages_before);
  close_window (window);
}

static void
test_new_letter (void)
{
  g_autoptr (RptLetter) letter = rpt_application_new_letter (app, RPT_LETTER_KIND_UA, TRUE);
  g_autoptr (RptLetterFile) keep = NULL;
  g_autofree char *path = NULL;
  g_autofree char *stored = NULL;
  RptParagraphEditor *editor;
  RptWindow *window;

  window = open_window (letter);
  g_assert_cmpstr (gtk_window_get_title (GTK_WINDOW (window)), ==, "New Urgent Appeal");

  /* Ctrl+Return's action adds a fact and puts the caret in it. */
  rpt_window_show_section (window, "facts");
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.add-item", NULL));
  g_assert_cmpuint (rpt_letter_get_n_items (letter, RPT_PART_FACTS), ==, 1);
  editor = rpt_paragraph_row_get_editor (get_row (window, "facts", 0));
  g_assert_true (gtk_widget_has_focus (GTK_WIDGET (rpt_paragraph_editor_get_view (editor))));
  gtk_text_buffer_insert_interactive_at_cursor (
    rpt_paragraph_editor_get_buffer (editor), "On 3 March, the journalist was arrested.", -1, TRUE);

  /* Control characters pasted in never reach the model. */
  gtk_text_buffer_insert_interactive_at_cursor (rpt_paragraph_editor_get_buffer (editor),
                                                " Held\x01 incommunicado.", -1, TRUE);
  g_assert_cmpstr (rpt_paragraph_get_text (rpt_letter_get_item (letter, RPT_PART_FACTS, 0)), ==,
                   "On 3 March, the journalist was arrested. Held incommunicado.");

  /* The first change made the draft. */
  rpt_test_spin_until (saved, window, 10000);
  keep = g_object_ref (rpt_window_get_document (window));
  path = g_strdup (rpt_letter_file_get_path (keep));
  g_assert_true (g_str_has_prefix (path, drafts));
  stored = stored_xml (path);
  g_assert_nonnull (strstr (stored, "Held incommunicado."));
  g_assert_true (g_file_test (path, G_FILE_TEST_IS_REGULAR));

  /* The window of an open file is found by its path. */
  g_assert_true ((gpointer) rpt_application_find_window_for_path (app, path) == (gpointer) window);
  close_window (window);
}

static gboolean
save_failed (gpointer data)
{
  return rpt_letter_file_get_save_error (rpt_window_get_document (data)) != NULL;
}

static void
test_save_error_banner (void)
{
  g_autofree char *dir = rpt_test_make_tmpdir ();
  g_autofree char *blocker = g_build_filename (dir, "not-a-folder", NULL);
  g_autofree char *bad_drafts = g_build_filename (blocker, "drafts", NULL);
  g_autoptr (RptLetter) letter = rpt_letter_new ();
  g_autoptr (RptLetterFile) file = NULL;
  RptWindow *window;

  g_assert_true (g_file_set_contents (blocker, "", 0, NULL));
  file = rpt_letter_file_new_draft (letter, bad_drafts);
  window = g_object_ref (rpt_window_new (app));
  rpt_window_set_document (window, file);
  gtk_window_present (GTK_WINDOW (window));
  rpt_letter_set_summary (letter, "a letter that cannot be saved");
  rpt_test_spin_until (save_failed, window, 10000);
  /* The banner says what happened and what to do; the letter is intact. */
  g_assert_true (gtk_revealer_get_reveal_child (window->banner));
  g_assert_nonnull (strstr (gtk_label_get_text (window->banner_label), "Try again"));
  g_assert_cmpstr (adw_window_title_get_subtitle (window->window_title), ==, "Not saved");

  /* Closing does not drop it silently: the window stays. */
  gtk_window_close (GTK_WINDOW (window));
  rpt_test_spin_for (300);
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (window)));
  g_assert_cmpstr (rpt_letter_get_summary (letter), ==, "a letter that cannot be saved");

  /* Freed once the way is clear. */
  g_assert_true (g_unlink (blocker) == 0);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.retry-save", NULL));
  rpt_test_spin_until (clean, window, 10000);
  g_assert_false (gtk_revealer_get_reveal_child (window->banner));
  close_window (window);
  rpt_test_rm_rf (dir);
}

static void
test_markup_round_trip (void)
{
  const char *markups[] = {
    "plain",
    "a <b>bold</b> and <i>italic</i> and <b><i>both</i></b>",
    "see <a href=\"https://ohchr.org\">the <b>site</b></a>, twice<note>A note with <i>style</i> "
    "and <a href=\"https://example.org\">a link</a></note><note>Another</note>.",
    "ratified by the State: <treaty-status instrument=\"ICCPR\"/>, <b><treaty-status "
    "instrument=\"CAT\"/></b>\nnext line",
    "&lt;not a tag&gt; &amp; more",
  };

  for (guint i = 0; i < G_N_ELEMENTS (markups); i++)
    {
      g_autoptr (GtkTextBuffer) buffer = gtk_text_buffer_new (NULL);
      g_autoptr (GError) error = NULL;
      g_autofree char *canonical = rpt_markup_normalize (markups[i], NULL, &error);
      g_autofree char *back = NULL;

      g_assert_no_error (error);
      g_assert_true (rpt_text_buffer_set_markup (buffer, markups[i], &error));
      g_assert_no_error (error);
      back = rpt_text_buffer_dup_markup (buffer);
      g_assert_cmpstr (back, ==, canonical);
    }
}

/* Rows of any kind of AdwPreferencesRow with @title, in tree order. */
typedef struct
{
  GType type;
  const char *title;
} RowQuery;

static gboolean
is_row (GtkWidget *widget, gconstpointer data)
{
  const RowQuery *q = data;

  return G_TYPE_CHECK_INSTANCE_TYPE (widget, q->type) &&
         g_strcmp0 (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (widget)), q->title) == 0;
}

static void
find_rows (GtkWidget *widget, GType type, const char *title, GPtrArray *found)
{
  RowQuery q = { type, title };

  rpt_test_find_widgets (widget, is_row, &q, found);
}

static gboolean
is_expander_row (GtkWidget *widget, gconstpointer data)
{
  return ADW_IS_EXPANDER_ROW (widget);
}

static void
find_expander_rows (GtkWidget *widget, GPtrArray *found)
{
  rpt_test_find_widgets (widget, is_expander_row, NULL, found);
}

static gboolean
checks_current (gpointer data)
{
  return rpt_checker_get_up_to_date (rpt_window_get_checker (data));
}

/* Whether the checks panel lists a check whose message has @part (the
 * panel's list is the checker's). */
static gboolean
has_check (RptWindow *window, const char *part)
{
  GListModel *checks = G_LIST_MODEL (rpt_window_get_checker (window));

  rpt_test_spin_until (checks_current, window, 10000);
  for (guint i = 0; i < g_list_model_get_n_items (checks); i++)
    {
      g_autoptr (RptCheck) check = g_list_model_get_item (checks, i);
      if (strstr (rpt_check_get_message (check), part) != NULL)
        return TRUE;
    }
  return FALSE;
}

static GtkWidget *rows_section;
static guint rows_wanted;

/* Rows are made for what is on screen, once the list has been laid out. */
static gboolean
have_combo_rows (gpointer data)
{
  g_autoptr (GPtrArray) rows = g_ptr_array_new ();

  find_rows (rows_section, ADW_TYPE_COMBO_ROW, data, rows);
  return rows->len >= rows_wanted;
}

/* The form of title a signatory uses, chosen in the mandates section,
 * and the checks above the preview that ask for it. */
static void
test_title_form (void)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (RptLetter) letter = rpt_application_load_sample (&error);
  g_autoptr (GPtrArray) rows = g_ptr_array_new ();
  g_autoptr (RptMandate) group = rpt_mandate_new ();
  RptLetter *model;
  RptWindow *window;
  GtkWidget *section;

  g_assert_no_error (error);
  rpt_letter_set_language (letter, "fr");
  window = open_window (letter);
  model = rpt_letter_file_get_letter (rpt_window_get_document (window));
  rpt_window_show_section (window, "mandates");
  section = rpt_window_get_section_widget (window, "mandates");
  rows_section = section;
  rows_wanted = 2;
  rpt_test_spin_until (have_combo_rows, "Form of Title", 10000);

  /* where the drafter looks: the checks above the pages */
  g_assert_true (has_check (window, "No form of title is recorded for Mary Lawlor"));
  g_assert_true (has_check (window, "No form of title is recorded for Irene Khan"));

  /* one resolution is said as one */
  {
    g_autoptr (GPtrArray) expanders = g_ptr_array_new ();

    find_expander_rows (section, expanders);
    g_assert_cmpuint (expanders->len, >=, 2);
    g_assert_cmpstr (adw_expander_row_get_subtitle (expanders->pdata[0]), ==, "Resolution 52/4");
  }

  find_rows (section, ADW_TYPE_COMBO_ROW, "Form of Title", rows);
  g_assert_cmpuint (rows->len, ==, 2);
  g_assert_cmpuint (adw_combo_row_get_selected (rows->pdata[0]), ==, RPT_TITLE_FORM_UNSPECIFIED);
  adw_combo_row_set_selected (rows->pdata[0], RPT_TITLE_FORM_FEMININE);
  g_assert_cmpint (
    rpt_signatory_get_title_form (rpt_letter_get_item (model, RPT_PART_SIGNATORIES, 0)), ==,
    RPT_TITLE_FORM_FEMININE);
  rpt_test_spin_until (preview_current, window, 90000);
  g_assert_false (has_check (window, "No form of title is recorded for Mary Lawlor"));
  g_assert_true (has_check (window, "No form of title is recorded for Irene Khan"));

  /* a Working Group has one form: no choice offered */
  rpt_mandate_set_key (group, "wg-arbitrary-detention");
  rpt_letter_append_item (model, RPT_PART_MANDATES, group);
  rows_wanted = 3;
  rpt_test_spin_until (have_combo_rows, "Form of Title", 10000);
  g_ptr_array_set_size (rows, 0);
  find_rows (section, ADW_TYPE_COMBO_ROW, "Form of Title", rows);
  g_assert_cmpuint (rows->len, ==, 3);
  g_assert_false (gtk_widget_get_visible (rows->pdata[2]));
  close_window (window);
}

static gboolean
has_tooltip (GtkWidget *widget, gconstpointer tooltip)
{
  return GTK_IS_BUTTON (widget) && g_strcmp0 (gtk_widget_get_tooltip_text (widget), tooltip) == 0;
}

static GtkWidget *
find_tooltip_button (GtkWidget *widget, const char *tooltip)
{
  return rpt_test_find_widget (widget, has_tooltip, tooltip);
}

static gboolean
has_text (GtkWidget *widget, gconstpointer text)
{
  return GTK_IS_LABEL (widget) && g_strcmp0 (gtk_label_get_text (GTK_LABEL (widget)), text) == 0;
}

static GtkWidget *
find_row (GtkWidget *widget, GType type, const char *title)
{
  g_autoptr (GPtrArray) found = g_ptr_array_new ();

  find_rows (widget, type, title, found);
  if (found->len == 0)
    g_error ("no row “%s”", title);
  return found->pdata[0];
}

/* The text boxes (RptParagraphEditor) whose text view is labelled
 * @label for assistive technologies, in tree order. */
static gboolean
is_editor_labelled (GtkWidget *widget, gconstpointer label)
{
  return RPT_IS_PARAGRAPH_EDITOR (widget) &&
         g_strcmp0 (rpt_paragraph_editor_get_label (RPT_PARAGRAPH_EDITOR (widget)), label) == 0;
}

static void
find_editors (GtkWidget *widget, const char *label, GPtrArray *found)
{
  rpt_test_find_widgets (widget, is_editor_labelled, label, found);
}

static gboolean
is_item_list (GtkWidget *widget, gconstpointer data)
{
  return RPT_IS_ITEM_LIST (widget);
}

static GtkWidget *
find_item_list (GtkWidget *widget)
{
  return rpt_test_find_widget (widget, is_item_list, NULL);
}

static gboolean
have_row (gpointer data)
{
  g_autoptr (GPtrArray) found = g_ptr_array_new ();

  find_rows (rows_section, ADW_TYPE_COMBO_ROW, data, found);
  return found->len > 0;
}

/* Issue 10: the wording the drafter decides, set in the forms: the house
 * style edition, the words before the summary, where earlier letters
 * stand, who sent one and what is said of its reply, the facts' opening
 * line, co-senders and who signs for them. Each field reaches the model,
 * the file and the preview; the labels name each field for assistive
 * technologies; an undo brings a choice back. */
static void
test_wording (void)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (RptLetter) letter = rpt_application_load_sample (&error);
  g_autoptr (GPtrArray) found = g_ptr_array_new ();
  g_autofree char *stored = NULL;
  RptLetter *model;
  RptWindow *window;
  RptCommunication *first;
  GtkWidget *section, *row;

  g_assert_no_error (error);
  window = open_window (letter);
  model = rpt_letter_file_get_letter (rpt_window_get_document (window));
  first = rpt_letter_get_item (model, RPT_PART_COMMUNICATIONS, 0);

  /* the house style edition: the newest first, then each by name */
  rpt_window_show_section (window, "letter");
  section = rpt_window_get_section_widget (window, "letter");
  row = find_row (section, ADW_TYPE_COMBO_ROW, "_Edition");
  g_assert_cmpuint (adw_combo_row_get_selected (ADW_COMBO_ROW (row)), ==, 0);
  g_assert_null (rpt_letter_get_house_style (model));
  {
    GListModel *items = adw_combo_row_get_model (ADW_COMBO_ROW (row));
    guint at = GTK_INVALID_LIST_POSITION;

    for (guint i = 0; i < g_list_model_get_n_items (items); i++)
      if (g_str_equal (gtk_string_list_get_string (GTK_STRING_LIST (items), i), "2015–2021"))
        at = i;
    g_assert_cmpuint (at, !=, GTK_INVALID_LIST_POSITION);
    adw_combo_row_set_selected (ADW_COMBO_ROW (row), at);
  }
  g_assert_cmpstr (rpt_letter_get_house_style (model), ==, "2015");
  g_assert_nonnull (strstr (adw_action_row_get_subtitle (ADW_ACTION_ROW (
                              find_row (section, ADW_TYPE_ACTION_ROW, "What it changes"))),
                            "REFERENCE"));
  /* an edition from a newer Rapporteur is shown as such, not as another */
  rpt_letter_set_house_style (model, "2030");
  g_assert_cmpstr (
    gtk_string_list_get_string (GTK_STRING_LIST (adw_combo_row_get_model (ADW_COMBO_ROW (row))),
                                adw_combo_row_get_selected (ADW_COMBO_ROW (row))),
    ==, "“2030”, which this Rapporteur does not know");
  rpt_letter_set_house_style (model, "2015");

  /* the words before the summary, and where earlier letters stand */
  rpt_window_show_section (window, "summary");
  section = rpt_window_get_section_widget (window, "summary");
  rows_section = section;
  rpt_test_spin_until (have_row, (gpointer) "Words _before the summary", 10000);
  row = find_row (section, ADW_TYPE_COMBO_ROW, "Words _before the summary");
  {
    GtkWidget *own =
      find_row (section, ADW_TYPE_ENTRY_ROW, "Your words before the summary (not bold)");

    g_assert_false (gtk_widget_get_visible (own));
    adw_combo_row_set_selected (ADW_COMBO_ROW (row), RPT_SUMMARY_ARTICLE_OWN);
    g_assert_cmpint (rpt_letter_get_summary_article (model), ==, RPT_SUMMARY_ARTICLE_OWN);
    g_assert_true (gtk_widget_get_visible (own));
    gtk_editable_set_text (GTK_EDITABLE (own), "the alleged");
    g_assert_cmpstr (rpt_letter_get_summary_article_text (model), ==, "the alleged");
  }
  row = find_row (section, ADW_TYPE_COMBO_ROW, "_Place in the letter");
  adw_combo_row_set_selected (ADW_COMBO_ROW (row), RPT_COMMUNICATIONS_PLACE_AFTER_FACTS);
  g_assert_cmpint (rpt_letter_get_communications_place (model), ==,
                   RPT_COMMUNICATIONS_PLACE_AFTER_FACTS);

  /* an earlier letter: its sender, what is said of its reply */
  rpt_test_spin_until (have_row, (gpointer) "Sent by", 10000);
  g_ptr_array_set_size (found, 0);
  find_rows (section, ADW_TYPE_COMBO_ROW, "Sent by", found);
  g_assert_cmpuint (found->len, ==, 3);
  adw_combo_row_set_selected (found->pdata[0], RPT_COMMUNICATION_SENDER_OTHERS);
  g_assert_cmpint (rpt_communication_get_sender (first), ==, RPT_COMMUNICATION_SENDER_OTHERS);
  {
    g_autoptr (GPtrArray) who = g_ptr_array_new ();

    find_rows (section, ADW_TYPE_ENTRY_ROW,
               "Who sent it (e.g. “the Special Rapporteur on torture”)", who);
    g_assert_cmpuint (who->len, ==, 3);
    g_assert_true (gtk_widget_get_visible (who->pdata[0]));
    g_assert_false (gtk_widget_get_visible (who->pdata[1]));
    gtk_editable_set_text (GTK_EDITABLE (who->pdata[0]),
                           "the Special Rapporteur on the independence of judges and lawyers");
    g_assert_cmpstr (rpt_communication_get_senders (first), ==,
                     "the Special Rapporteur on the independence of judges and lawyers");
  }
  g_ptr_array_set_size (found, 0);
  find_rows (section, ADW_TYPE_COMBO_ROW, "What the letter says of the reply", found);
  g_assert_cmpuint (found->len, ==, 3);
  adw_combo_row_set_selected (found->pdata[0], RPT_REPLY_PARTIAL);
  g_assert_cmpint (rpt_communication_get_reply (first), ==, RPT_REPLY_PARTIAL);
  g_ptr_array_set_size (found, 0);
  find_editors (section, "What still concerns you (after “but we remain concerned”)", found);
  g_assert_cmpuint (found->len, ==, 3);
  g_assert_true (
    gtk_widget_is_visible (found->pdata[0]) ||
    gtk_widget_get_visible (gtk_widget_get_ancestor (found->pdata[0], GTK_TYPE_LIST_BOX_ROW)));
  g_assert_false (
    gtk_widget_get_visible (gtk_widget_get_ancestor (found->pdata[1], GTK_TYPE_LIST_BOX_ROW)));
  rpt_paragraph_editor_set_markup (found->pdata[0], "about her <i>health</i>");
  g_assert_cmpstr (rpt_communication_get_reply_comment (first), ==, "about her <i>health</i>");
  g_ptr_array_set_size (found, 0);
  find_editors (section, "A sentence of your own on this letter, instead of the standard ones",
                found);
  g_assert_cmpuint (found->len, ==, 3);

  /* the facts' opening line, and an undo that brings it back */
  rpt_window_show_section (window, "facts");
  section = rpt_window_get_section_widget (window, "facts");
  rows_section = section;
  rpt_test_spin_until (have_row, (gpointer) "_Opening line", 10000);
  row = find_row (section, ADW_TYPE_COMBO_ROW, "_Opening line");
  g_assert_true (gtk_widget_is_visible (row));
  adw_combo_row_set_selected (ADW_COMBO_ROW (row), RPT_FACTS_LEAD_NEW_INFORMATION);
  g_assert_cmpint (rpt_letter_get_facts_lead (model), ==, RPT_FACTS_LEAD_NEW_INFORMATION);
  rpt_test_spin_for (50);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.undo", NULL));
  g_assert_cmpint (rpt_letter_get_facts_lead (model), ==, RPT_FACTS_LEAD_INFORMATION_RECEIVED);
  g_assert_cmpuint (adw_combo_row_get_selected (ADW_COMBO_ROW (row)), ==,
                    RPT_FACTS_LEAD_INFORMATION_RECEIVED);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.redo", NULL));
  g_assert_cmpint (rpt_letter_get_facts_lead (model), ==, RPT_FACTS_LEAD_NEW_INFORMATION);
  /* concerns have no opening line to choose */
  rpt_window_show_section (window, "concerns");
  rows_section = rpt_window_get_section_widget (window, "concerns");
  rpt_test_spin_until (have_row, (gpointer) "_Opening line", 10000);
  g_assert_false (gtk_widget_is_visible (find_row (
    rpt_window_get_section_widget (window, "concerns"), ADW_TYPE_COMBO_ROW, "_Opening line")));

  /* co-senders and who signs for them */
  rpt_window_show_section (window, "mandates");
  section = rpt_window_get_section_widget (window, "mandates");
  g_ptr_array_set_size (found, 0);
  /* the section's last row, made when scrolled to */
  rpt_item_list_scroll_to (RPT_ITEM_LIST (find_item_list (section)), 3);
  rpt_test_spin_for (200);
  find_editors (section, "Co-senders", found);
  g_assert_cmpuint (found->len, ==, 1);
  rpt_paragraph_editor_set_markup (found->pdata[0],
                                   "the Inter-American Commission on Human Rights");
  g_assert_cmpstr (rpt_letter_get_co_senders (model), ==,
                   "the Inter-American Commission on Human Rights");
  g_assert_true (gtk_widget_activate_action (section, "section.add-co-signatory", NULL));
  g_assert_cmpuint (rpt_letter_get_n_items (model, RPT_PART_SIGNATORIES), ==, 3);
  /* the caret in the new signatory's name */
  g_assert_true (
    gtk_widget_get_ancestor (gtk_root_get_focus (GTK_ROOT (window)), ADW_TYPE_ENTRY_ROW) ==
    find_row (section, ADW_TYPE_ENTRY_ROW, "Name"));
  gtk_editable_set_text (GTK_EDITABLE (find_row (section, ADW_TYPE_ENTRY_ROW, "Name")),
                         "Roberta Clarke");
  gtk_editable_set_text (
    GTK_EDITABLE (find_row (section, ADW_TYPE_ENTRY_ROW,
                            "Title (e.g. “President, Inter-American Commission on Human "
                            "Rights”)")),
    "President, Inter-American Commission on Human Rights");
  {
    RptSignatory *co = rpt_letter_get_item (model, RPT_PART_SIGNATORIES, 2);

    g_assert_null (rpt_signatory_get_mandate (co));
    g_assert_cmpstr (rpt_signatory_get_name (co), ==, "Roberta Clarke");
    g_assert_cmpstr (rpt_signatory_get_title (co), ==,
                     "President, Inter-American Commission on Human Rights");
  }

  /* the checks know the co-signatory for what it is */
  {
    g_autoptr (RptChecker) checker = rpt_checker_new ();

    rpt_checker_set_letter (checker, model);
    g_assert_true (rpt_checker_update (checker, &error));
    g_assert_no_error (error);
    for (guint i = 0; i < g_list_model_get_n_items (G_LIST_MODEL (checker)); i++)
      {
        g_autoptr (RptCheck) check = g_list_model_get_item (G_LIST_MODEL (checker), i);
        g_assert_cmpstr (rpt_check_get_id (check), !=, "co-senders-unsigned");
        g_assert_cmpstr (rpt_check_get_id (check), !=, "signatory-without-mandate");
      }
  }
  /* removed: the keyboard on the button that adds one, and Undo brings
   * the signatory back whole */
  {
    GtkWidget *remove = find_tooltip_button (section, "Remove Signatory");
    GtkWidget *focus;

    g_assert_nonnull (remove);
    g_signal_emit_by_name (remove, "clicked");
    g_assert_cmpuint (rpt_letter_get_n_items (model, RPT_PART_SIGNATORIES), ==, 2);
    focus = gtk_root_get_focus (GTK_ROOT (window));
    g_assert_nonnull (focus);
    g_assert_cmpstr (gtk_actionable_get_action_name (GTK_ACTIONABLE (focus)), ==,
                     "section.add-co-signatory");
    g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.undo", NULL));
    g_assert_cmpuint (rpt_letter_get_n_items (model, RPT_PART_SIGNATORIES), ==, 3);
    g_assert_cmpstr (rpt_signatory_get_name (rpt_letter_get_item (model, RPT_PART_SIGNATORIES, 2)),
                     ==, "Roberta Clarke");
    g_assert_cmpstr (rpt_signatory_get_title (rpt_letter_get_item (model, RPT_PART_SIGNATORIES, 2)),
                     ==, "President, Inter-American Commission on Human Rights");
    /* the keyboard back in her name */
    focus = gtk_widget_get_ancestor (gtk_root_get_focus (GTK_ROOT (window)), ADW_TYPE_ENTRY_ROW);
    g_assert_nonnull (focus);
    g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (focus)), ==, "Roberta Clarke");
    /* redone, the removal leaves it on the button again; undone once more */
    g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.redo", NULL));
    g_assert_cmpuint (rpt_letter_get_n_items (model, RPT_PART_SIGNATORIES), ==, 2);
    focus = gtk_root_get_focus (GTK_ROOT (window));
    g_assert_true (GTK_IS_ACTIONABLE (focus));
    g_assert_cmpstr (gtk_actionable_get_action_name (GTK_ACTIONABLE (focus)), ==,
                     "section.add-co-signatory");
    g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.undo", NULL));
    g_assert_cmpuint (rpt_letter_get_n_items (model, RPT_PART_SIGNATORIES), ==, 3);
  }

  /* the edition the checks name is the one the letter follows: a
   * dated letter of 2019 in the edition of its time has nothing to say */
  rpt_letter_set_date (model, "2019-05-02");
  rpt_letter_set_reference_year (model, 2019);
  rpt_test_spin_until (preview_current, window, 90000);
  g_assert_false (has_check (window, "follows the newest house style"));
  rpt_letter_set_house_style (model, NULL);
  rpt_test_spin_until (preview_current, window, 90000);
  g_assert_true (has_check (window, "follows the newest house style"));
  rpt_letter_set_house_style (model, "2015");

  /* and the file keeps it */
  rpt_test_spin_until (saved, window, 10000);
  stored = stored_xml (rpt_letter_file_get_path (rpt_window_get_document (window)));
  g_assert_nonnull (strstr (stored, "<house-style>2015</house-style>"));
  g_assert_nonnull (strstr (stored, "lead=\"new-information\""));
  g_assert_nonnull (strstr (stored, "place=\"after-facts\""));
  g_assert_nonnull (strstr (stored, "reply=\"partial\""));
  g_assert_nonnull (strstr (stored, "<reply-comment>about her <i>health</i></reply-comment>"));
  g_assert_nonnull (
    strstr (stored, "<co-senders>the Inter-American Commission on Human Rights</co-senders>"));
  close_window (window);
}

static void
test_export_pdf (void)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (RptLetter) letter = rpt_application_load_sample (&error);
  g_autofree char *dir = rpt_test_make_tmpdir ();
  g_autofree char *path = g_build_filename (dir, "out.pdf", NULL);
  g_autofree char *xml = rpt_letter_to_xml (letter, NULL);
  g_autofree char *data = NULL;
  gsize len = 0;

  g_assert_true (rpt_exporter_write (xml, RPT_EXPORTER_PDF, path, "Test Drafter", &error));
  g_assert_no_error (error);
  g_assert_true (g_file_get_contents (path, &data, &len, NULL));
  g_assert_true (g_str_has_prefix (data, "%PDF-"));
  rpt_test_rm_rf (dir);
}

static gboolean
export_done (gpointer data)
{
  return *(int *) data != 0;
}

static void
odt_exported_cb (GObject *source, GAsyncResult *result, gpointer user_data)
{
  g_autoptr (GError) error = NULL;

  g_assert_true (rpt_exporter_finish (result, &error));
  g_assert_no_error (error);
  *(int *) user_data = 1;
}

/* An ODT carries the comments only when asked, and then as annotations. */
static void
test_export_odt_comments (void)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (RptLetter) letter = rpt_application_load_sample (&error);
  g_autoptr (GListStore) comments = g_list_store_new (RPT_TYPE_COMMENT);
  g_autoptr (RptComment) c = rpt_comment_new (
    rpt_paragraph_get_id (rpt_letter_get_item (letter, RPT_PART_FACTS, 0)), "B", "Source?");
  g_autofree char *dir = rpt_test_make_tmpdir ();
  g_autofree char *with = g_build_filename (dir, "with.odt", NULL);
  g_autofree char *without = g_build_filename (dir, "without.odt", NULL);
  g_autofree char *content = NULL;
  int done = 0;

  g_list_store_append (comments, c);
  rpt_exporter_async_with_comments (letter, RPT_EXPORTER_ODT, with, "A", G_LIST_MODEL (comments),
                                    NULL, odt_exported_cb, &done);
  rpt_test_spin_until (export_done, &done, 30000);
  done = 0;
  rpt_exporter_async (letter, RPT_EXPORTER_ODT, without, "A", NULL, odt_exported_cb, &done);
  rpt_test_spin_until (export_done, &done, 30000);
  content = rpt_test_zip_read (with, "content.xml", NULL);
  g_assert_nonnull (strstr (content, "<text:p>Source?</text:p></office:annotation>"));
  g_free (content);
  content = rpt_test_zip_read (without, "content.xml", NULL);
  g_assert_null (strstr (content, "office:annotation"));
  rpt_test_rm_rf (dir);
}

/* --- versions: compare, restore -------------------------------------- */

static void
version_saved_cb (GObject *source, GAsyncResult *result, gpointer user_data)
{
  guint *number = user_data;
  g_autoptr (GError) error = NULL;

  *number = rpt_letter_file_save_version_finish (RPT_LETTER_FILE (source), result, &error);
  g_assert_no_error (error);
}

static gboolean
is_set (gpointer data)
{
  return *(guint *) data != 0;
}

static guint
save_version (RptWindow *window, const char *message)
{
  guint number = 0;

  rpt_test_spin_until (saved, window, 10000);
  rpt_letter_file_save_version_async (rpt_window_get_document (window), "Test Drafter", message,
                                      NULL, version_saved_cb, &number);
  rpt_test_spin_until (is_set, &number, 10000);
  return number;
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

typedef struct
{
  RptWindow *window;
  guint n;
} ListedWait;

static gboolean
versions_listed (gpointer data)
{
  ListedWait *w = data;
  GtkWidget *section = rpt_window_get_section_widget (w->window, "versions");
  return rpt_versions_section_get_n_versions (RPT_VERSIONS_SECTION (section)) == w->n;
}

/* The Versions section lists the versions (it reads them in a worker). */
static void
refresh_versions_and_wait (RptWindow *window, guint n)
{
  ListedWait w = { window, n };
  GtkWidget *section = rpt_window_get_section_widget (window, "versions");

  rpt_versions_section_refresh (RPT_VERSIONS_SECTION (section));
  rpt_test_spin_until (versions_listed, &w, 10000);
}

typedef struct
{
  RptCompareWindow *window;
  guint n_changes;
} CompareWait;

static gboolean
compared (gpointer data)
{
  CompareWait *w = data;
  RptComparison *c = rpt_compare_window_get_comparison (w->window);
  RptPreview *preview = rpt_compare_window_get_preview (w->window);

  return c != NULL && rpt_comparison_get_n_changes (c) == w->n_changes &&
         !rpt_preview_get_busy (preview) && rpt_preview_get_n_pages (preview) > 0;
}

static GtkListBoxRow *
find_change_row (RptCompareWindow *window, const char *title)
{
  GtkListBox *list = rpt_compare_window_get_changes_list (window);

  for (GtkWidget *row = gtk_widget_get_first_child (GTK_WIDGET (list)); row != NULL;
       row = gtk_widget_get_next_sibling (row))
    if (ADW_IS_ACTION_ROW (row) &&
        g_strcmp0 (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (row)), title) == 0)
      return GTK_LIST_BOX_ROW (row);
  return NULL;
}

/* Conditions the tests wait for, rather than a fixed pause a loaded
 * machine overruns. */
static gboolean
pages_laid_out (gpointer adj)
{
  return gtk_adjustment_get_upper (adj) > 2 * gtk_adjustment_get_page_size (adj);
}

static gboolean
fewer_pictures_than_pages (gpointer preview)
{
  return rpt_preview_get_n_pictures (preview) < rpt_preview_get_n_pages (preview);
}

static GtkWidget *wanted_focus_ancestor;

static gboolean
focus_within_wanted (gpointer window)
{
  GtkWidget *focus = gtk_root_get_focus (GTK_ROOT (window));

  return focus != NULL && gtk_widget_is_ancestor (focus, wanted_focus_ancestor);
}

static gboolean
scrolled_down (gpointer data)
{
  return gtk_adjustment_get_value (data) > 0;
}

static void
test_compare_versions (void)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (RptLetter) letter = rpt_application_load_sample (&error);
  RptWindow *window;
  RptCompareWindow *compare;
  CompareWait wait = { NULL, 2 };
  GtkListBoxRow *row;
  GtkWidget *focus;
  GtkAdjustment *adj;
  RptComparison *comparison;
  guint n_facts;

  g_assert_no_error (error);
  window = open_window (letter);
  /* A first change makes the draft's file; then version 1. */
  rpt_letter_set_date (letter, "2025-04-22");
  g_assert_cmpuint (save_version (window, "Draft for review"), ==, 1);

  /* Opened, version 1 says which version it is. */
  {
    RptWindow *shown = NULL;
    GListModel *toplevels = gtk_window_get_toplevels (); /* transfer none */

    refresh_versions_and_wait (window, 1);
    gtk_widget_activate_action (GTK_WIDGET (window), "win.open-version", "u", 1);
    for (gint64 end = g_get_monotonic_time () + 10 * G_USEC_PER_SEC; shown == NULL;)
      {
        g_assert_cmpint (g_get_monotonic_time (), <, end);
        g_main_context_iteration (NULL, FALSE);
        for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
          {
            g_autoptr (GObject) w = g_list_model_get_item (toplevels, i);
            if (RPT_IS_WINDOW (w) && (RptWindow *) w != window &&
                rpt_window_get_document (RPT_WINDOW (w)) != NULL &&
                rpt_letter_file_get_version_number (rpt_window_get_document (RPT_WINDOW (w))) == 1)
              shown = RPT_WINDOW (w);
          }
      }
    g_object_ref (shown);
    g_assert_cmpstr (adw_window_title_get_subtitle (shown->window_title), ==,
                     "Version 1 “Draft for review” (read-only)");
    rpt_test_spin_until (preview_current, shown, 90000);
    gtk_window_destroy (GTK_WINDOW (shown));
    rpt_test_spin_for (50);
    g_assert_finalize_object (shown);
  }

  /* The reviewer's edits: the date, and the last fact moved first. */
  rpt_letter_set_date (letter, "2025-04-24");
  n_facts = rpt_letter_get_n_items (letter, RPT_PART_FACTS);
  rpt_letter_move_item (letter, RPT_PART_FACTS, n_facts - 1, 0);

  gtk_widget_activate_action (GTK_WIDGET (window), "win.compare-version", "u", 1);
  compare = find_toplevel (RPT_TYPE_COMPARE_WINDOW);
  g_assert_nonnull (compare);
  g_object_ref (compare);
  wait.window = compare;
  rpt_test_spin_until (compared, &wait, 90000);
  comparison = rpt_compare_window_get_comparison (compare);
  g_assert_cmpuint (rpt_comparison_count (comparison, RPT_PART_FACTS, RPT_CHANGE_MOVED), ==, 1);
  g_assert_cmpuint (rpt_comparison_get_fields (comparison)->len, ==, 1);
  /* The redline has the first page of changes and the letter's pages. */
  g_assert_cmpuint (rpt_preview_get_n_pages (rpt_compare_window_get_preview (compare)), >=, 4);

  /* The keyboard starts on the first change, the date. */
  focus = gtk_root_get_focus (GTK_ROOT (compare));
  g_assert_true (ADW_IS_ACTION_ROW (focus));
  g_assert_cmpstr (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (focus)), ==, "Date");

  /* Activating the moved fact scrolls the pages to it, past the first page. */
  row = find_change_row (compare, "Fact 1");
  g_assert_nonnull (row);
  adj = rpt_preview_get_vadjustment (rpt_compare_window_get_preview (compare));
  g_assert_true (GTK_IS_ADJUSTMENT (adj));
  g_assert_cmpfloat (gtk_adjustment_get_value (adj), ==, 0);
  /* The pages are drawn: laid out at their size. */
  rpt_test_spin_until (pages_laid_out, adj, 20000);
  g_assert_cmpfloat (gtk_adjustment_get_upper (adj), >, 2 * gtk_adjustment_get_page_size (adj));
  g_signal_emit_by_name (rpt_compare_window_get_changes_list (compare), "row-activated", row);
  /* The pages scroll once laid out at their size: slow on a loaded machine. */
  rpt_test_spin_until (scrolled_down, adj, 10000);
  g_assert_cmpfloat (gtk_adjustment_get_value (adj), >, 0);

  /* The working state goes on changing: the comparison follows it. */
  rpt_paragraph_set_text (rpt_letter_get_item (letter, RPT_PART_QUESTIONS, 0), "Please reply.");
  wait.n_changes = 3;
  rpt_test_spin_until (compared, &wait, 90000);
  g_assert_nonnull (find_change_row (compare, "Question 1"));

  /* Version 1 against itself: nothing. */
  rpt_compare_window_select (compare, 1, 1);
  wait.n_changes = 0;
  rpt_test_spin_until (compared, &wait, 90000);
  g_assert_true (rpt_comparison_is_equal (rpt_compare_window_get_comparison (compare)));

  gtk_window_destroy (GTK_WINDOW (compare));
  rpt_test_spin_for (50);
  g_assert_finalize_object (compare);
  close_window (window);
}

static guint
n_versions (RptWindow *window)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (RptStore) store = rpt_store_open (
    rpt_letter_file_get_path (rpt_window_get_document (window)), RPT_STORE_OPEN_READ_ONLY, &error);
  g_autoptr (GListModel) versions = NULL;

  g_assert_no_error (error);
  versions = rpt_store_list_versions (store, &error);
  g_assert_no_error (error);
  return g_list_model_get_n_items (versions);
}

typedef struct
{
  RptWindow *window;
  guint n;
} VersionsWait;

static gboolean
has_versions (gpointer data)
{
  VersionsWait *w = data;
  return n_versions (w->window) == w->n;
}

static void
test_restore_is_a_version (void)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (RptLetter) letter = rpt_application_load_sample (&error);
  g_autoptr (RptStore) store = NULL;
  g_autoptr (GListModel) versions = NULL;
  g_autoptr (RptVersion) newest = NULL;
  g_autoptr (RptLetter) restored = NULL;
  VersionsWait wait;
  AdwMessageDialog *dialog;
  RptWindow *window;

  g_assert_no_error (error);
  window = open_window (letter);
  rpt_letter_set_date (letter, "2025-04-22");
  g_assert_cmpuint (save_version (window, "First"), ==, 1);
  rpt_letter_set_date (letter, "2025-04-30");
  rpt_test_spin_until (saved, window, 10000);

  gtk_widget_activate_action (GTK_WIDGET (window), "win.restore-version", "u", 1);
  dialog = find_toplevel (ADW_TYPE_MESSAGE_DIALOG);
  g_assert_nonnull (dialog);
  adw_message_dialog_response (dialog, "restore");
  /* The state before (version 2), and the restored letter as version 3:
   * history only grows. */
  wait.window = window;
  wait.n = 3;
  rpt_test_spin_until (has_versions, &wait, 10000);

  store = rpt_store_open (rpt_letter_file_get_path (rpt_window_get_document (window)),
                          RPT_STORE_OPEN_READ_ONLY, &error);
  g_assert_no_error (error);
  versions = rpt_store_list_versions (store, &error);
  newest = g_list_model_get_item (versions, 2);
  g_assert_cmpstr (rpt_version_get_message (newest), ==, "Restored version 1");
  restored = rpt_store_load_version (store, 3, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (rpt_letter_get_date (restored), ==, "2025-04-22");
  g_clear_object (&store);
  close_window (window);
}

static void
answer_dialog (const char *text, const char *response)
{
  AdwMessageDialog *dialog = find_toplevel (ADW_TYPE_MESSAGE_DIALOG);
  GtkWidget *entry;

  g_assert_nonnull (dialog);
  entry = adw_message_dialog_get_extra_child (dialog);
  g_assert_true (GTK_IS_EDITABLE (entry));
  if (text != NULL)
    gtk_editable_set_text (GTK_EDITABLE (entry), text);
  adw_message_dialog_response (dialog, response);
  gtk_window_destroy (GTK_WINDOW (dialog));
  rpt_test_spin_for (50);
}

static const char *
dialog_text (void)
{
  AdwMessageDialog *dialog = find_toplevel (ADW_TYPE_MESSAGE_DIALOG);

  g_assert_nonnull (dialog);
  return gtk_editable_get_text (GTK_EDITABLE (adw_message_dialog_get_extra_child (dialog)));
}

/* Links and footnotes made, changed and removed in the text box; each is
 * one step of its undo. */
static void
test_links_and_notes (void)
{
  g_autoptr (RptLetter) letter = rpt_application_new_letter (app, RPT_LETTER_KIND_AL, TRUE);
  g_autoptr (RptParagraph) fact = rpt_paragraph_new ("The report was published online.");
  RptParagraphEditor *editor;
  GtkTextBuffer *buffer;
  GtkTextIter start, end;
  RptWindow *window;

  rpt_letter_append_item (letter, RPT_PART_FACTS, fact);
  window = open_window (letter);
  rpt_window_show_section (window, "facts");
  editor = rpt_paragraph_row_get_editor (get_row (window, "facts", 0));
  gtk_widget_grab_focus (GTK_WIDGET (editor));
  buffer = rpt_paragraph_editor_get_buffer (editor);

  /* "The report" becomes a link; an address without a scheme is a web one. */
  gtk_text_buffer_get_iter_at_offset (buffer, &start, 0);
  gtk_text_buffer_get_iter_at_offset (buffer, &end, 10);
  gtk_text_buffer_select_range (buffer, &start, &end);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (editor), "editor.link", NULL));
  answer_dialog ("ohchr.org/report", "apply");
  g_assert_cmpstr (rpt_paragraph_get_text (fact), ==,
                   "<a href=\"https://ohchr.org/report\">The report</a> was published online.");

  /* With the caret in it, the dialog shows its address; change it. */
  gtk_text_buffer_get_iter_at_offset (buffer, &start, 4);
  gtk_text_buffer_place_cursor (buffer, &start);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (editor), "editor.link", NULL));
  g_assert_cmpstr (dialog_text (), ==, "https://ohchr.org/report");
  answer_dialog ("https://www.ohchr.org/en", "apply");
  g_assert_cmpstr (rpt_paragraph_get_text (fact), ==,
                   "<a href=\"https://www.ohchr.org/en\">The report</a> was published online.");

  /* Not an address: nothing changes. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (editor), "editor.link", NULL));
  answer_dialog ("javascript:alert(1)", "apply");
  g_assert_cmpstr (rpt_paragraph_get_text (fact), ==,
                   "<a href=\"https://www.ohchr.org/en\">The report</a> was published online.");

  /* Removed, the text stays. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (editor), "editor.link", NULL));
  answer_dialog (NULL, "remove");
  g_assert_cmpstr (rpt_paragraph_get_text (fact), ==, "The report was published online.");

  /* A footnote after "online", then changed, then removed with its text. */
  gtk_text_buffer_get_iter_at_offset (buffer, &start, 31);
  gtk_text_buffer_place_cursor (buffer, &start);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (editor), "editor.footnote", NULL));
  answer_dialog ("Seen on 3 May.", "apply");
  g_assert_cmpstr (rpt_paragraph_get_text (fact), ==,
                   "The report was published online<note>Seen on 3 May.</note>.");
  gtk_text_buffer_get_iter_at_offset (buffer, &start, 33);
  gtk_text_buffer_place_cursor (buffer, &start);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (editor), "editor.footnote", NULL));
  g_assert_cmpstr (dialog_text (), ==, "Seen on 3 May.");
  answer_dialog ("Seen on 4 May 2025.", "apply");
  g_assert_cmpstr (rpt_paragraph_get_text (fact), ==,
                   "The report was published online<note>Seen on 4 May 2025.</note>.");

  /* Each was one step: undo takes back the change of the note only. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (editor), "editor.undo", NULL));
  g_assert_cmpstr (rpt_paragraph_get_text (fact), ==,
                   "The report was published online<note>Seen on 3 May.</note>.");
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (editor), "editor.redo", NULL));

  gtk_text_buffer_get_iter_at_offset (buffer, &start, 33);
  gtk_text_buffer_place_cursor (buffer, &start);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (editor), "editor.footnote", NULL));
  answer_dialog (NULL, "remove");
  g_assert_cmpstr (rpt_paragraph_get_text (fact), ==, "The report was published online.");
  close_window (window);
}

/* The preview shows the part being edited, and zooms. */
static gboolean
scrolled_past_first_screen (gpointer data)
{
  GtkAdjustment *adj = data;

  return gtk_adjustment_get_value (adj) > gtk_adjustment_get_page_size (adj);
}

static int reference_width;

static gboolean
wider_than_reference (gpointer widget)
{
  return gtk_widget_get_width (widget) > reference_width;
}

static gboolean
as_wide_as_reference (gpointer widget)
{
  return ABS (gtk_widget_get_width (widget) - reference_width) <= 2;
}

static gboolean
scrolled_to_last_screen (gpointer data)
{
  GtkAdjustment *adj = data;

  return gtk_adjustment_get_value (adj) + gtk_adjustment_get_page_size (adj) >=
         gtk_adjustment_get_upper (adj) - gtk_adjustment_get_page_size (adj);
}

static void
test_preview_follows_and_zooms (void)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (RptLetter) letter = rpt_application_load_sample (&error);
  RptWindow *window;
  RptPreview *preview;
  GtkAdjustment *adj;
  GtkWidget *first_page;
  int width;

  g_assert_no_error (error);
  window = open_window (letter);
  preview = RPT_PREVIEW (rpt_window_get_preview (window));
  adj = rpt_preview_get_vadjustment (preview);
  rpt_test_spin_for (300);
  g_assert_cmpfloat (gtk_adjustment_get_value (adj), ==, 0);

  /* The last fact is on page 3: the preview goes there. */
  rpt_window_show_section (window, "facts");
  gtk_widget_grab_focus (GTK_WIDGET (rpt_paragraph_row_get_editor (get_row (window, "facts", 9))));
  rpt_test_spin_until (preview_current, window, 90000);
  /* Where the text is, the worker finds; slow under the sanitizers. */
  rpt_test_spin_until (scrolled_past_first_screen, adj, 20000);

  /* The closing paragraphs are at the end of the letter. */
  rpt_window_show_section (window, "closing");
  gtk_widget_child_focus (GTK_WIDGET (rpt_window_get_section_widget (window, "closing")),
                          GTK_DIR_TAB_FORWARD);
  rpt_test_spin_until (scrolled_to_last_screen, adj, 20000);

  /* Ctrl++ makes the pages wider than the preview; Ctrl+0 fits them. */
  first_page = rpt_preview_get_page (preview, 0);
  width = gtk_widget_get_width (first_page);
  g_assert_cmpint (width, >, 100);
  g_assert_cmpfloat (rpt_preview_get_zoom (preview), ==, 0);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.zoom-in", NULL));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.zoom-in", NULL));
  g_assert_cmpfloat (rpt_preview_get_zoom (preview), >, 0);
  reference_width = width;
  rpt_test_spin_until (wider_than_reference, first_page, 20000);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.zoom-fit", NULL));
  g_assert_cmpfloat (rpt_preview_get_zoom (preview), ==, 0);
  rpt_test_spin_until (as_wide_as_reference, first_page, 20000);
  /* Pictures only of the pages near the view, not of the eight. */
  rpt_test_spin_until (fewer_pictures_than_pages, preview, 20000);
  g_assert_cmpuint (rpt_preview_get_n_pictures (preview), <, rpt_preview_get_n_pages (preview));
  close_window (window);
}

/* A fact far down a long list, given the focus, is scrolled into view by
 * itself: before the drafter types, not only once something else makes
 * the window lay out again. */
static void
test_focus_reveals_row (void)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (RptLetter) letter = rpt_application_load_sample (&error);
  guint n_sample;
  RptWindow *window;
  GtkWidget *list, *editor;
  graphene_rect_t bounds;

  g_assert_no_error (error);
  n_sample = rpt_letter_get_n_items (letter, RPT_PART_FACTS);
  for (guint i = n_sample; i < 300; i++)
    {
      RptParagraph *fact = rpt_letter_get_item (letter, RPT_PART_FACTS, i % n_sample);
      g_autoptr (RptParagraph) copy = rpt_paragraph_new (rpt_paragraph_get_text (fact));

      rpt_letter_append_item (letter, RPT_PART_FACTS, copy);
    }
  window = open_window (letter);
  rpt_window_show_section (window, "facts");
  rpt_test_spin_for (200);

  editor = GTK_WIDGET (rpt_paragraph_row_get_editor (get_row (window, "facts", 250)));
  gtk_widget_grab_focus (editor);
  rpt_test_spin_for (300);
  for (list = editor; list != NULL && !GTK_IS_SCROLLABLE (list);
       list = gtk_widget_get_parent (list))
    ;
  g_assert_nonnull (list);
  g_assert_true (gtk_widget_compute_bounds (editor, list, &bounds));
  g_assert_cmpfloat (bounds.origin.y + bounds.size.height, >, 0);
  g_assert_cmpfloat (bounds.origin.y, <, gtk_widget_get_height (list));
  close_window (window);
}

/* The author is asked once, offering the account's full name, never the
 * login name; then versions record the name chosen. */
static void
test_author_asked_once (void)
{
  g_autoptr (RptLetter) letter = rpt_application_new_letter (app, RPT_LETTER_KIND_AL, TRUE);
  GSettings *settings = rpt_application_get_settings (app);
  g_autofree char *author = NULL;
  AdwMessageDialog *dialog;
  RptWindow *window;
  GtkWidget *box, *entry;

  g_settings_set_boolean (settings, "author-asked", FALSE);
  g_settings_set_string (settings, "author-name", "");
  window = open_window (letter);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.save-version", NULL));
  dialog = find_toplevel (ADW_TYPE_MESSAGE_DIALOG);
  g_assert_nonnull (dialog);
  g_assert_cmpstr (adw_message_dialog_get_heading (dialog), ==, "Your Name");
  box = adw_message_dialog_get_extra_child (dialog);
  entry = gtk_widget_get_first_child (box);
  g_assert_true (GTK_IS_EDITABLE (entry));
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (entry)), !=, g_get_user_name ());
  gtk_editable_set_text (GTK_EDITABLE (entry), "A. Drafter");
  adw_message_dialog_response (dialog, "continue");
  gtk_window_destroy (GTK_WINDOW (dialog));
  rpt_test_spin_for (50);
  /* Then the version's own dialog; the question is not asked again. */
  dialog = find_toplevel (ADW_TYPE_MESSAGE_DIALOG);
  g_assert_nonnull (dialog);
  g_assert_cmpstr (adw_message_dialog_get_heading (dialog), ==, "Save Version");
  adw_message_dialog_response (dialog, "cancel");
  gtk_window_destroy (GTK_WINDOW (dialog));
  rpt_test_spin_for (50);
  g_assert_true (g_settings_get_boolean (settings, "author-asked"));
  author = rpt_application_dup_author (app);
  g_assert_cmpstr (author, ==, "A. Drafter");
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.save-version", NULL));
  dialog = find_toplevel (ADW_TYPE_MESSAGE_DIALOG);
  g_assert_cmpstr (adw_message_dialog_get_heading (dialog), ==, "Save Version");
  gtk_window_destroy (GTK_WINDOW (dialog));
  rpt_test_spin_for (50);

  /* Left out of exports when asked. */
  g_settings_set_boolean (settings, "author-in-exports", FALSE);
  {
    g_autofree char *exported = rpt_application_dup_export_author (app);
    g_assert_cmpstr (exported, ==, "");
  }
  g_settings_set_boolean (settings, "author-in-exports", TRUE);
  close_window (window);
}

/* --- review: comments, a copy sent, a review merged ------------------ */

static gboolean
is_gone (gpointer data)
{
  return *(gpointer *) data == NULL;
}

static void
set_author (void)
{
  GSettings *settings = rpt_application_get_settings (app);

  g_settings_set_string (settings, "author-name", "A. Drafter");
  g_settings_set_boolean (settings, "author-asked", TRUE);
}

/* Writes a comment in the dialog the action opened, and waits for it to
 * be in the file. */
static void
write_comment (const char *text)
{
  RptCommentDialog *dialog = find_toplevel (RPT_TYPE_COMMENT_DIALOG);

  g_assert_nonnull (dialog);
  g_object_add_weak_pointer (G_OBJECT (dialog), (gpointer *) &dialog);
  gtk_text_buffer_set_text (rpt_comment_dialog_get_buffer (dialog), text, -1);
  rpt_comment_dialog_send (dialog);
  rpt_test_spin_until (is_gone, &dialog, 10000);
}

static RptComment *
nth_comment (RptWindow *window, guint n)
{
  GListModel *comments = rpt_letter_file_get_comments (rpt_window_get_document (window));
  RptComment *c = g_list_model_get_item (comments, n);

  g_object_unref (c); /* the list holds it */
  return c;
}

static guint
stored_comments (RptWindow *window)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (RptStore) store = rpt_store_open (
    rpt_letter_file_get_path (rpt_window_get_document (window)), RPT_STORE_OPEN_READ_ONLY, &error);
  g_autoptr (GListStore) comments = NULL;

  g_assert_no_error (error);
  comments = rpt_comments_load (store, &error);
  g_assert_no_error (error);
  return g_list_model_get_n_items (G_LIST_MODEL (comments));
}

static gboolean
n_comments_is (gpointer data)
{
  RptWindow *window = g_object_get_data (G_OBJECT (data), "window");
  guint want = GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (data), "want"));

  return g_list_model_get_n_items (
           rpt_letter_file_get_comments (rpt_window_get_document (window))) == want;
}

static void
wait_comments (RptWindow *window, guint want)
{
  g_object_set_data (G_OBJECT (window), "window", window);
  g_object_set_data (G_OBJECT (window), "want", GUINT_TO_POINTER (want));
  rpt_test_spin_until (n_comments_is, window, 10000);
}

static gboolean
list_is_empty (gpointer data)
{
  return g_list_model_get_n_items (data) == 0;
}

/* A comment on words of a fact, from the keyboard's action; a reply; the
 * thread resolved, hidden, shown again; removed and brought back; the
 * focus back in the fact after each. */
static void
test_comments (void)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (RptLetter) letter = rpt_application_load_sample (&error);
  RptParagraphEditor *editor;
  GtkTextBuffer *buffer;
  GtkTextIter start, end;
  RptCommentsSection *section;
  RptComment *comment, *reply;
  RptWindow *window;
  const char *fact_id;

  g_assert_no_error (error);
  set_author ();
  window = open_window (letter);
  rpt_window_show_section (window, "facts");
  fact_id = rpt_paragraph_get_id (rpt_letter_get_item (letter, RPT_PART_FACTS, 0));

  /* Ctrl+Alt+C on "four police officers" in the first fact. */
  editor = rpt_paragraph_row_get_editor (get_row (window, "facts", 0));
  gtk_widget_grab_focus (GTK_WIDGET (rpt_paragraph_editor_get_view (editor)));
  buffer = rpt_paragraph_editor_get_buffer (editor);
  gtk_text_buffer_get_start_iter (buffer, &start);
  g_assert_true (
    gtk_text_iter_forward_search (&start, "four police officers", 0, &start, &end, NULL));
  gtk_text_buffer_select_range (buffer, &start, &end);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.add-comment", NULL));
  write_comment ("Four, or five? The second source says five.");
  wait_comments (window, 1);
  comment = nth_comment (window, 0);
  g_assert_cmpstr (rpt_comment_get_item_id (comment), ==, fact_id);
  g_assert_cmpstr (rpt_comment_get_quote (comment), ==, "four police officers");
  g_assert_cmpstr (rpt_comment_get_author (comment), ==, "A. Drafter");
  g_assert_cmpuint (stored_comments (window), ==, 1);
  /* The focus is back where the drafter was typing. */
  wanted_focus_ancestor = GTK_WIDGET (editor);
  rpt_test_spin_until (focus_within_wanted, window, 10000);
  g_assert_true (
    gtk_widget_is_ancestor (gtk_root_get_focus (GTK_ROOT (window)), GTK_WIDGET (editor)));

  /* A reply, from the Comments section's action. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.reply-comment", "s",
                                             rpt_comment_get_id (comment)));
  write_comment ("Five: the lawyer confirmed it.");
  wait_comments (window, 2);
  reply = nth_comment (window, 1);
  g_assert_cmpstr (rpt_comment_get_parent_id (reply), ==, rpt_comment_get_id (comment));
  g_assert_cmpstr (rpt_comment_get_item_id (reply), ==, fact_id);
  g_assert_cmpuint (stored_comments (window), ==, 2);

  /* The list: the thread, its reply after it. */
  rpt_window_show_section (window, "comments");
  section = RPT_COMMENTS_SECTION (rpt_window_get_section_widget (window, "comments"));
  g_assert_cmpuint (g_list_model_get_n_items (rpt_comments_section_get_shown (section)), ==, 2);

  /* Resolved, the thread leaves the list; the file says so. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.resolve-comment", "s",
                                             rpt_comment_get_id (comment)));
  g_assert_true (rpt_comment_get_resolved (comment));
  rpt_test_spin_until (list_is_empty, rpt_comments_section_get_shown (section), 10000);
  /* each number with its own plural */
  g_assert_nonnull (
    rpt_test_find_widget (GTK_WIDGET (section), has_text, "0 open comments, 1 resolved"));
  {
    g_autoptr (RptStore) store =
      rpt_store_open (rpt_letter_file_get_path (rpt_window_get_document (window)),
                      RPT_STORE_OPEN_READ_ONLY, &error);
    g_autoptr (GListStore) all = rpt_comments_load (store, &error);
    g_autoptr (RptComment) first = g_list_model_get_item (G_LIST_MODEL (all), 0);
    g_assert_true (rpt_comment_get_resolved (first));
  }
  /* Going to it shows it again, and the fact it is on. */
  g_assert_true (rpt_comments_section_focus_comment (section, rpt_comment_get_id (comment)));
  g_assert_cmpuint (g_list_model_get_n_items (rpt_comments_section_get_shown (section)), ==, 2);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.goto-comment", "s",
                                             rpt_comment_get_id (reply)));
  g_assert_cmpstr (rpt_window_get_section (window), ==, "facts");
  wanted_focus_ancestor = GTK_WIDGET (get_row (window, "facts", 0));
  rpt_test_spin_until (focus_within_wanted, window, 10000);
  g_assert_true (gtk_widget_is_ancestor (gtk_root_get_focus (GTK_ROOT (window)),
                                         GTK_WIDGET (get_row (window, "facts", 0))));

  /* Removed with its reply; Undo would bring both back. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.delete-comment", "s",
                                             rpt_comment_get_id (comment)));
  wait_comments (window, 0);
  g_assert_cmpuint (stored_comments (window), ==, 0);
  close_window (window);
}

static gboolean
merge_window_shown (gpointer data)
{
  return find_toplevel (RPT_TYPE_MERGE_WINDOW) != NULL;
}

static gboolean
file_exists (gpointer data)
{
  return g_file_test (data, G_FILE_TEST_EXISTS);
}

/* Sent for review, edited by the reviewer while the drafter goes on, and
 * merged in the merge window: a clean change applied, a conflict settled
 * by taking the reviewer's side, the comment brought in, a version named
 * after the reviewer. */
static void
test_send_and_merge (void)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (RptLetter) letter = rpt_application_load_sample (&error);
  g_autofree char *dir = rpt_test_make_tmpdir ();
  g_autofree char *copy_path = g_build_filename (dir, "for B.rapporteur", NULL);
  RptMergeWindow *merge_window;
  RptMerge *merge;
  RptLetter *merged;
  RptWindow *window;
  guint conflict = G_MAXUINT;

  g_assert_no_error (error);
  set_author ();
  window = open_window (letter);
  rpt_letter_set_date (letter, "2025-04-22"); /* a first change makes the file */
  rpt_test_spin_until (saved, window, 10000);
  _rpt_window_send_for_review_to (window, "B. Reviewer", copy_path, FALSE);
  rpt_test_spin_until (file_exists, copy_path, 10000);
  rpt_test_spin_for (200);

  /* The reviewer: words of fact 1 and of fact 3, and a comment. */
  {
    g_autoptr (RptStore) copy = rpt_store_open (copy_path, RPT_STORE_OPEN_READ_WRITE, &error);
    g_autoptr (RptLetter) theirs = NULL;
    g_autoptr (RptComment) c = NULL;
    RptParagraph *p;

    g_assert_no_error (error);
    theirs = rpt_store_load (copy, &error);
    p = rpt_letter_get_item (theirs, RPT_PART_FACTS, 0);
    rpt_paragraph_set_text (p, "On 16 July 2024, she was apprehended by five officers.");
    p = rpt_letter_get_item (theirs, RPT_PART_FACTS, 2);
    rpt_paragraph_set_text (p, "The reviewer's own words for the third fact.");
    g_assert_true (rpt_store_save (copy, theirs, &error));
    c = rpt_comment_new (rpt_paragraph_get_id (p), "B. Reviewer", "Rewritten: check.");
    g_assert_true (rpt_comments_save (copy, c, &error));
  }
  /* Meanwhile the drafter rewrites fact 1 too. */
  rpt_paragraph_set_text (rpt_letter_get_item (letter, RPT_PART_FACTS, 0),
                          "On 16 July 2024, she was apprehended by four officers at home.");

  _rpt_window_merge_review_path (window, copy_path);
  rpt_test_spin_until (merge_window_shown, NULL, 20000);
  merge_window = find_toplevel (RPT_TYPE_MERGE_WINDOW);
  g_object_add_weak_pointer (G_OBJECT (merge_window), (gpointer *) &merge_window);
  merge = rpt_merge_window_get_merge (merge_window);
  g_assert_cmpuint (rpt_merge_get_n_changes (merge), ==, 2);
  for (guint i = 0; i < rpt_merge_get_n_changes (merge); i++)
    if (rpt_merge_get_change (merge, i)->status == RPT_MERGE_CONFLICT)
      conflict = i;
  g_assert_cmpuint (conflict, !=, G_MAXUINT);
  g_assert_cmpuint (rpt_merge_get_n_pending (merge), ==, 1);

  /* Settled by taking the reviewer's side, then merged. */
  rpt_merge_window_decide (merge_window, conflict, RPT_MERGE_ACCEPTED);
  g_assert_cmpuint (rpt_merge_get_n_pending (merge), ==, 0);
  rpt_merge_window_apply (merge_window);
  rpt_test_spin_until (is_gone, &merge_window, 20000);

  merged = rpt_letter_file_get_letter (rpt_window_get_document (window));
  g_assert_cmpstr (rpt_paragraph_get_text (rpt_letter_get_item (merged, RPT_PART_FACTS, 0)), ==,
                   "On 16 July 2024, she was apprehended by five officers.");
  g_assert_cmpstr (rpt_paragraph_get_text (rpt_letter_get_item (merged, RPT_PART_FACTS, 2)), ==,
                   "The reviewer's own words for the third fact.");
  g_assert_true (
    g_str_equal (stored_xml (rpt_letter_file_get_path (rpt_window_get_document (window))),
                 rpt_letter_to_xml (merged, NULL)));
  wait_comments (window, 1);
  g_assert_cmpstr (rpt_comment_get_author (nth_comment (window, 0)), ==, "B. Reviewer");
  {
    g_autoptr (RptStore) store =
      rpt_store_open (rpt_letter_file_get_path (rpt_window_get_document (window)),
                      RPT_STORE_OPEN_READ_ONLY, &error);
    g_autoptr (GListModel) versions = rpt_store_list_versions (store, &error);
    guint n = g_list_model_get_n_items (versions);
    g_autoptr (RptVersion) last = g_list_model_get_item (versions, n - 1);
    g_assert_cmpstr (rpt_version_get_message (last), ==, "Review by B. Reviewer merged");
    g_assert_cmpstr (rpt_version_get_author (last), ==, "A. Drafter");
  }
  /* The history starts again at the merged letter: the merge is a version. */
  close_window (window);
  rpt_test_rm_rf (dir);
}

int
main (int argc, char *argv[])
{
  static RptTestUi ui;

  rpt_test_ui_start (&ui, &argc, &argv, "io.github.rapporteur.Rapporteur.Test", FALSE);
  app = ui.app;
  drafts = ui.drafts;

  g_test_add_func ("/window/sample", test_sample);
  g_test_add_func ("/window/type-bold-reorder", test_type_bold_reorder);
  g_test_add_func ("/window/new-letter", test_new_letter);
  g_test_add_func ("/window/save-error-banner", test_save_error_banner);
  g_test_add_func ("/window/title-form", test_title_form);
  g_test_add_func ("/window/wording", test_wording);
  g_test_add_func ("/window/links-and-notes", test_links_and_notes);
  g_test_add_func ("/window/preview-follows-and-zooms", test_preview_follows_and_zooms);
  g_test_add_func ("/window/author-asked-once", test_author_asked_once);
  g_test_add_func ("/window/focus-reveals-row", test_focus_reveals_row);
  g_test_add_func ("/text/markup-round-trip", test_markup_round_trip);
  g_test_add_func ("/export/pdf", test_export_pdf);
  g_test_add_func ("/export/odt-comments", test_export_odt_comments);
  g_test_add_func ("/versions/compare", test_compare_versions);
  g_test_add_func ("/versions/restore-is-a-version", test_restore_is_a_version);
  g_test_add_func ("/review/comments", test_comments);
  g_test_add_func ("/review/send-and-merge", test_send_and_merge);
  return rpt_test_ui_run (&ui);
}
