/* test-keyboard.c
 *
 * Copyright 2026 The Rapporteur authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include <gdk/x11/gdkx.h>
#include <glib/gstdio.h>

#include "rpt-application.h"
#include "rpt-item-list.h"
#include "rpt-merge-window.h"
#include "rpt-paragraph-row.h"
#include "rpt-paragraphs-section.h"
#include "rpt-picker-dialog.h"
#include "rpt-preview.h"
#include "rpt-test-ui.h"
#include "rpt-test-util.h"
#include "rpt-window-private.h"

/* The window driven with real key events, as a drafter without a mouse
 * would: xdotool types into the X server (Xvfb) the window is on, and each
 * test checks where the focus lands and what the letter became. Without
 * xdotool the tests are skipped, except under CI=true, where that fails. */

static RptApplication *app;
static char *drafts;
static gboolean have_xdotool;

#define KEYS RPT_TEST_KEYS
#define TYPE RPT_TEST_TYPE

static gboolean
preview_idle (gpointer data)
{
  RptWindow *window = data;
  RptPreview *preview = RPT_PREVIEW (rpt_window_get_preview (window));

  return !rpt_preview_get_busy (preview);
}

static RptWindow *
open_window (RptLetter *letter)
{
  g_autoptr (RptLetterFile) file = rpt_letter_file_new_draft (letter, drafts);
  RptWindow *window = g_object_ref (rpt_window_new (app));

  rpt_window_set_document (window, file);
  gtk_window_present (GTK_WINDOW (window));
  rpt_test_spin_for (300);
  rpt_test_spin_until (preview_idle, window, 60000);
  rpt_test_focus_x_window (GTK_WINDOW (window));
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
  rpt_test_spin_until (preview_idle, window, 60000);
  rpt_test_spin_until (clean, window, 10000);
  gtk_window_destroy (GTK_WINDOW (window));
  rpt_test_spin_for (100);
  g_assert_finalize_object (window);
}

static GtkWidget *
focus_of (RptWindow *window)
{
  return gtk_root_get_focus (GTK_ROOT (window));
}

static gboolean
focus_in (RptWindow *window, GtkWidget *ancestor)
{
  GtkWidget *focus = focus_of (window);

  return focus != NULL && (focus == ancestor || gtk_widget_is_ancestor (focus, ancestor));
}

static GtkWidget *
section (RptWindow *window, const char *name)
{
  return rpt_window_get_section_widget (window, name);
}

#define SKIP_WITHOUT_XDOTOOL()                    \
  G_STMT_START                                    \
  {                                               \
    if (!have_xdotool)                            \
      {                                           \
        g_test_skip ("xdotool is not installed"); \
        return;                                   \
      }                                           \
  }                                               \
  G_STMT_END

/* The sidebar's Tab goes into the form; Ctrl+Page Down from a form row
 * goes to the next section, to its first field. */
static void
test_sections (void)
{
  g_autoptr (RptLetter) letter = rpt_application_new_letter (app, RPT_LETTER_KIND_UA, TRUE);
  RptWindow *window;
  GtkListBoxRow *row;

  SKIP_WITHOUT_XDOTOOL ();
  window = open_window (letter);
  g_assert_true (focus_in (window, section (window, "letter")));

  row = gtk_list_box_get_row_at_index (window->sidebar, 2);
  gtk_widget_grab_focus (GTK_WIDGET (row));
  KEYS ("Tab");
  g_assert_cmpstr (rpt_window_get_section (window), ==, "letter");
  g_assert_true (focus_in (window, section (window, "letter")));

  /* From the language row, the last of the section. */
  for (guint i = 0; i < 6; i++)
    KEYS ("Tab");
  g_assert_true (focus_in (window, section (window, "letter")));
  KEYS ("ctrl+Page_Down");
  g_assert_cmpstr (rpt_window_get_section (window), ==, "mandates");
  /* On the section's first field: its Add button. */
  g_assert_true (GTK_IS_BUTTON (focus_of (window)));
  g_assert_cmpstr (gtk_actionable_get_action_name (GTK_ACTIONABLE (focus_of (window))), ==,
                   "section.add");
  g_assert_true (focus_in (window, section (window, "mandates")));
  KEYS ("ctrl+Page_Down", "ctrl+Page_Down");
  g_assert_cmpstr (rpt_window_get_section (window), ==, "summary");
  g_assert_true (focus_in (window, section (window, "summary")));
  KEYS ("ctrl+Page_Up");
  g_assert_cmpstr (rpt_window_get_section (window), ==, "persons");
  close_window (window);
}

static RptParagraphRow *
fact_row (RptWindow *window, guint position)
{
  return rpt_paragraphs_section_get_row (RPT_PARAGRAPHS_SECTION (section (window, "facts")),
                                         position);
}

static gboolean
focus_in_editor_of (RptWindow *window, RptParagraphRow *row)
{
  GtkWidget *view = GTK_WIDGET (rpt_paragraph_editor_get_view (rpt_paragraph_row_get_editor (row)));

  return focus_of (window) == view;
}

static const char *
fact_text (RptLetter *letter, guint position)
{
  return rpt_paragraph_get_text (rpt_letter_get_item (letter, RPT_PART_FACTS, position));
}

static gboolean
has_toast (RptWindow *window)
{
  /* A toast is a child of the overlay beside its content. */
  GtkWidget *overlay = GTK_WIDGET (window->toast_overlay);
  guint n = 0;

  for (GtkWidget *c = gtk_widget_get_first_child (overlay); c != NULL;
       c = gtk_widget_get_next_sibling (c))
    n++;
  return n > 1;
}

/* Facts by keyboard alone: add, type, move, leave the text box backwards,
 * remove from inside the text box, undo and redo the removal. */
static void
test_facts (void)
{
  g_autoptr (RptLetter) letter = rpt_application_new_letter (app, RPT_LETTER_KIND_UA, TRUE);
  g_autofree char *first_id = NULL;
  RptWindow *window;

  SKIP_WITHOUT_XDOTOOL ();
  window = open_window (letter);
  KEYS ("ctrl+Page_Down", "ctrl+Page_Down", "ctrl+Page_Down", "ctrl+Page_Down");
  g_assert_cmpstr (rpt_window_get_section (window), ==, "facts");

  /* Ctrl+Return: a fact, the caret in it. */
  KEYS ("ctrl+Return");
  g_assert_cmpuint (rpt_letter_get_n_items (letter, RPT_PART_FACTS), ==, 1);
  g_assert_true (focus_in_editor_of (window, fact_row (window, 0)));
  TYPE ("Detained without a warrant.");
  g_assert_cmpstr (fact_text (letter, 0), ==, "Detained without a warrant.");
  first_id = g_strdup (rpt_letter_item_get_id (rpt_letter_get_item (letter, RPT_PART_FACTS, 0)));

  /* The next one goes after the one being typed in. */
  KEYS ("ctrl+Return");
  TYPE ("Released.");
  g_assert_cmpuint (rpt_letter_get_n_items (letter, RPT_PART_FACTS), ==, 2);
  g_assert_cmpstr (fact_text (letter, 1), ==, "Released.");
  g_assert_true (focus_in_editor_of (window, fact_row (window, 1)));

  /* Alt+Up: it moves, the caret goes with it. */
  KEYS ("alt+Up");
  g_assert_cmpstr (fact_text (letter, 0), ==, "Released.");
  g_assert_true (focus_in_editor_of (window, fact_row (window, 0)));

  /* Shift+Tab leaves the text box for the row's buttons; Tab comes back. */
  KEYS ("shift+Tab");
  g_assert_false (GTK_IS_TEXT_VIEW (focus_of (window)));
  g_assert_true (focus_in (window, GTK_WIDGET (fact_row (window, 0))));
  KEYS ("Tab");
  g_assert_true (focus_in_editor_of (window, fact_row (window, 0)));

  /* Shift+Ctrl+Delete in the text box removes the fact, not the text. */
  KEYS ("ctrl+End", "shift+ctrl+Delete");
  g_assert_cmpuint (rpt_letter_get_n_items (letter, RPT_PART_FACTS), ==, 1);
  g_assert_cmpstr (fact_text (letter, 0), ==, "Detained without a warrant.");
  g_assert_true (focus_in_editor_of (window, fact_row (window, 0)));
  g_assert_true (has_toast (window));

  /* Ctrl+Z: the text box has nothing to undo, the letter has the removal. */
  KEYS ("ctrl+z");
  g_assert_cmpuint (rpt_letter_get_n_items (letter, RPT_PART_FACTS), ==, 2);
  g_assert_cmpstr (fact_text (letter, 0), ==, "Released.");
  g_assert_true (focus_in (window, GTK_WIDGET (fact_row (window, 0))));
  KEYS ("ctrl+shift+z");
  g_assert_cmpuint (rpt_letter_get_n_items (letter, RPT_PART_FACTS), ==, 1);
  KEYS ("ctrl+z");
  g_assert_cmpuint (rpt_letter_get_n_items (letter, RPT_PART_FACTS), ==, 2);

  /* In a text box with typing to undo, Ctrl+Z undoes the typing first. */
  gtk_widget_grab_focus (GTK_WIDGET (rpt_paragraph_row_get_editor (fact_row (window, 1))));
  KEYS ("ctrl+End");
  TYPE (" Twice.");
  g_assert_cmpstr (fact_text (letter, 1), ==, "Detained without a warrant. Twice.");
  rpt_test_spin_for (1100);
  KEYS ("ctrl+z");
  g_assert_cmpstr (fact_text (letter, 1), ==, "Detained without a warrant.");
  g_assert_cmpstr (rpt_letter_item_get_id (rpt_letter_get_item (letter, RPT_PART_FACTS, 1)), ==,
                   first_id);
  close_window (window);
}

/* Ctrl+Return in Persons: the caret in the new person's name. */
static void
test_persons (void)
{
  g_autoptr (RptLetter) letter = rpt_application_new_letter (app, RPT_LETTER_KIND_UA, TRUE);
  RptWindow *window;
  RptPerson *person;
  GtkWidget *expander;

  SKIP_WITHOUT_XDOTOOL ();
  window = open_window (letter);
  KEYS ("ctrl+Page_Down", "ctrl+Page_Down");
  g_assert_cmpstr (rpt_window_get_section (window), ==, "persons");
  KEYS ("ctrl+Return");
  g_assert_cmpuint (rpt_letter_get_n_items (letter, RPT_PART_PERSONS), ==, 1);
  g_assert_nonnull (gtk_widget_get_ancestor (focus_of (window), ADW_TYPE_ENTRY_ROW));
  TYPE ("Rukhshona Khakimova");
  person = rpt_letter_get_item (letter, RPT_PART_PERSONS, 0);
  g_assert_cmpstr (rpt_person_get_name (person), ==, "Rukhshona Khakimova");
  expander = gtk_widget_get_ancestor (focus_of (window), ADW_TYPE_EXPANDER_ROW);
  g_assert_nonnull (expander);
  g_assert_cmpstr (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (expander)), ==,
                   "Rukhshona Khakimova");
  g_assert_cmpstr (adw_expander_row_get_subtitle (ADW_EXPANDER_ROW (expander)), ==, "");

  /* Ctrl+Z takes the name back, a field at a time. */
  rpt_test_spin_for (1100);
  KEYS ("ctrl+z");
  g_assert_null (rpt_person_get_name (person));
  close_window (window);
}

static gpointer
find_toplevel (GType type)
{
  GListModel *toplevels = gtk_window_get_toplevels ();

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr (GObject) window = g_list_model_get_item (toplevels, i);
      if (G_TYPE_CHECK_INSTANCE_TYPE (window, type) && gtk_widget_get_visible (GTK_WIDGET (window)))
        return window;
    }
  return NULL;
}

static gboolean
no_picker (gpointer data)
{
  return find_toplevel (RPT_TYPE_PICKER_DIALOG) == NULL;
}

/* The Addressee picker: chosen or not, the keyboard is back on its row. */
static void
test_picker (void)
{
  g_autoptr (RptLetter) letter = rpt_application_new_letter (app, RPT_LETTER_KIND_UA, TRUE);
  RptWindow *window;
  GtkWidget *row;

  SKIP_WITHOUT_XDOTOOL ();
  window = open_window (letter);
  KEYS ("Tab");
  row = focus_of (window);
  g_assert_true (ADW_IS_ACTION_ROW (row));
  g_assert_cmpstr (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (row)), ==, "_Addressee");

  KEYS ("Return");
  g_assert_nonnull (find_toplevel (RPT_TYPE_PICKER_DIALOG));
  rpt_test_focus_x_window (find_toplevel (RPT_TYPE_PICKER_DIALOG));
  TYPE ("Tajik");
  KEYS ("Return");
  rpt_test_spin_until (no_picker, NULL, 5000);
  rpt_test_focus_x_window (GTK_WINDOW (window));
  g_assert_cmpstr (rpt_letter_get_country (letter), ==, "TJK");
  g_assert_true (focus_of (window) == row);
  /* …and Tab goes on from there. */
  KEYS ("Tab");
  g_assert_true (focus_in (window, section (window, "letter")));
  g_assert_true (focus_of (window) != row);

  KEYS ("shift+Tab");
  g_assert_true (focus_of (window) == row);
  KEYS ("Return");
  rpt_test_focus_x_window (find_toplevel (RPT_TYPE_PICKER_DIALOG));
  KEYS ("Escape");
  rpt_test_spin_until (no_picker, NULL, 5000);
  rpt_test_focus_x_window (GTK_WINDOW (window));
  g_assert_true (focus_of (window) == row);
  g_assert_cmpstr (rpt_letter_get_country (letter), ==, "TJK");
  close_window (window);
}

/* Whether the caret of @row's text box is inside the list's view. */
static gboolean
caret_visible (gpointer data)
{
  RptParagraphRow *row = data;
  GtkTextView *view = rpt_paragraph_editor_get_view (rpt_paragraph_row_get_editor (row));
  GtkWidget *list = gtk_widget_get_ancestor (GTK_WIDGET (row), RPT_TYPE_ITEM_LIST);
  GdkRectangle strong;
  graphene_point_t top, bottom;
  int x, y;

  gtk_text_view_get_cursor_locations (view, NULL, &strong, NULL);
  gtk_text_view_buffer_to_window_coords (view, GTK_TEXT_WINDOW_WIDGET, strong.x, strong.y, &x, &y);
  g_assert_true (
    gtk_widget_compute_point (GTK_WIDGET (view), list, &GRAPHENE_POINT_INIT (x, y), &top));
  g_assert_true (gtk_widget_compute_point (GTK_WIDGET (view), list,
                                           &GRAPHENE_POINT_INIT (x, y + strong.height), &bottom));
  return top.y >= 0 && bottom.y <= gtk_widget_get_height (list);
}

/* Typing past the bottom of the window: the window follows the caret. */
static void
test_caret (void)
{
  g_autoptr (RptLetter) letter = rpt_application_new_letter (app, RPT_LETTER_KIND_AL, TRUE);
  g_autoptr (GString) text = g_string_new (NULL);
  g_autoptr (RptParagraph) fact = NULL;
  RptWindow *window;
  RptParagraphRow *row;

  SKIP_WITHOUT_XDOTOOL ();
  for (guint i = 0; i < 60; i++)
    g_string_append_printf (text, "Sentence %u of a long account of what happened. ", i + 1);
  fact = rpt_paragraph_new (text->str);
  rpt_letter_append_item (letter, RPT_PART_FACTS, fact);
  window = open_window (letter);
  KEYS ("ctrl+Page_Down", "ctrl+Page_Down", "ctrl+Page_Down", "ctrl+Page_Down");
  g_assert_cmpstr (rpt_window_get_section (window), ==, "facts");
  row = fact_row (window, 0);
  /* The window follows within a few frames (slow ones on a loaded
   * machine with software rendering). */
  gtk_widget_grab_focus (GTK_WIDGET (rpt_paragraph_row_get_editor (row)));
  rpt_test_spin_until (caret_visible, row, 5000);
  /* The end of the text is far below the window. */
  KEYS ("ctrl+End");
  TYPE ("And then?");
  rpt_test_spin_for (100);
  g_assert_true (g_str_has_suffix (rpt_paragraph_get_text (fact), "And then?"));
  rpt_test_spin_until (caret_visible, row, 5000);
  KEYS ("ctrl+Home");
  rpt_test_spin_until (caret_visible, row, 5000);
  close_window (window);
}

static guint
count_empty_key_labels (GtkWidget *widget)
{
  guint n = 0;

  if (GTK_IS_SHORTCUT_LABEL (widget) && gtk_widget_get_visible (widget) &&
      gtk_widget_get_first_child (widget) == NULL)
    n++;
  for (GtkWidget *c = gtk_widget_get_first_child (widget); c != NULL;
       c = gtk_widget_get_next_sibling (c))
    n += count_empty_key_labels (c);
  return n;
}

static void
collect_labels (GtkWidget *widget, GPtrArray *texts)
{
  if (GTK_IS_LABEL (widget) && gtk_widget_get_visible (widget))
    g_ptr_array_add (texts, (gpointer) gtk_label_get_label (GTK_LABEL (widget)));
  for (GtkWidget *c = gtk_widget_get_first_child (widget); c != NULL;
       c = gtk_widget_get_next_sibling (c))
    collect_labels (c, texts);
}

/* Ctrl+? shows every shortcut with its keys, named as on the keyboard. */
static void
test_shortcuts_window (void)
{
  g_autoptr (RptLetter) letter = rpt_application_new_letter (app, RPT_LETTER_KIND_AL, TRUE);
  g_autoptr (GPtrArray) texts = g_ptr_array_new ();
  const char *raw[] = { "Page_Down", "Page_Up", "Return", "Up", "Down", "question" };
  GLogLevelFlags fatal;
  GtkWidget *overlay;
  RptWindow *window;

  SKIP_WITHOUT_XDOTOOL ();
  window = open_window (letter);
  /* GTK 4.8's shortcuts window warns about one of its own labels as it
   * lays out ("reported min width -4"): warnings are not fatal while it
   * is up; criticals still are. */
  fatal = g_log_set_always_fatal (G_LOG_FATAL_MASK | G_LOG_LEVEL_CRITICAL);
  KEYS ("ctrl+question");
  overlay = find_toplevel (GTK_TYPE_SHORTCUTS_WINDOW);
  g_assert_nonnull (overlay);
  collect_labels (overlay, texts);
  for (guint i = 0; i < G_N_ELEMENTS (raw); i++)
    for (guint j = 0; j < texts->len; j++)
      if (g_strcmp0 (g_ptr_array_index (texts, j), raw[i]) == 0)
        g_error ("The shortcuts window shows the raw key name %s", raw[i]);
  g_assert_true (g_ptr_array_find_with_equal_func (texts, "Page Down", g_str_equal, NULL));
  g_assert_true (g_ptr_array_find_with_equal_func (texts, "⏎", g_str_equal, NULL));
  g_assert_true (g_ptr_array_find_with_equal_func (texts, "↑", g_str_equal, NULL));
  g_assert_true (g_ptr_array_find_with_equal_func (texts, "Ctrl", g_str_equal, NULL));
  /* Every shortcut shows keys, the text box's and the items' too. */
  g_assert_cmpuint (count_empty_key_labels (overlay), ==, 0);
  gtk_window_close (GTK_WINDOW (overlay));
  rpt_test_spin_for (200);
  g_log_set_always_fatal (fatal);
  close_window (window);
}

static gboolean
row_read (gpointer data)
{
  GtkWidget *row = data;
  return !g_str_equal (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (row)), "Draft");
}

/* Recent letters say which letter each is; Delete sends a draft to the
 * trash. */
static void
test_recent_letters (void)
{
  g_autoptr (RptLetter) appeal = rpt_application_new_letter (app, RPT_LETTER_KIND_UA, TRUE);
  g_autofree char *dir = rpt_letter_file_dup_drafts_dir ();
  g_autofree char *name = g_strconcat (rpt_letter_get_id (appeal), ".rapporteur", NULL);
  g_autofree char *path = g_build_filename (dir, name, NULL);
  g_autoptr (RptStore) store = NULL;
  g_autoptr (GError) error = NULL;
  g_autofree char *trashed = NULL;
  RptWindow *window;
  GtkWidget *row, *list;
  const char *subtitle;

  SKIP_WITHOUT_XDOTOOL ();
  rpt_letter_set_country (appeal, "TJK");
  g_mkdir_with_parents (dir, 0700);
  store = rpt_store_create (path, appeal, &error);
  g_assert_no_error (error);
  g_clear_object (&store);

  window = g_object_ref (rpt_window_new (app));
  gtk_window_present (GTK_WINDOW (window));
  rpt_test_spin_for (300);
  rpt_test_focus_x_window (GTK_WINDOW (window));
  list = NULL;
  {
    /* The recent list is the welcome page's last list box. */
    GtkWidget *stack[64];
    guint n = 0;
    stack[n++] = window->welcome;
    while (n > 0)
      {
        GtkWidget *w = stack[--n];
        if (GTK_IS_LIST_BOX (w) && gtk_widget_get_first_child (w) != NULL &&
            g_object_get_data (G_OBJECT (gtk_widget_get_first_child (w)), "path") != NULL)
          list = w;
        for (GtkWidget *c = gtk_widget_get_first_child (w); c != NULL && n < 64;
             c = gtk_widget_get_next_sibling (c))
          stack[n++] = c;
      }
  }
  g_assert_nonnull (list);
  row = gtk_widget_get_first_child (list);
  g_assert_cmpstr (g_object_get_data (G_OBJECT (row), "path"), ==, path);
  rpt_test_spin_until (row_read, row, 10000);
  g_assert_cmpstr (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (row)), ==,
                   "New Urgent Appeal");
  subtitle = adw_action_row_get_subtitle (ADW_ACTION_ROW (row));
  g_assert_nonnull (strstr (subtitle, "Urgent appeal"));
  g_assert_nonnull (strstr (subtitle, "Tajikistan"));
  g_assert_nonnull (strstr (subtitle, "Drafts"));

  gtk_widget_grab_focus (row);
  KEYS ("Delete");
  g_assert_false (g_file_test (path, G_FILE_TEST_EXISTS));
  trashed = g_build_filename (g_get_user_data_dir (), "Trash", "files", name, NULL);
  g_assert_true (g_file_test (trashed, G_FILE_TEST_EXISTS));

  gtk_window_destroy (GTK_WINDOW (window));
  rpt_test_spin_for (100);
  g_assert_finalize_object (window);
}

static gboolean
saved (gpointer data)
{
  RptLetterFile *file = rpt_window_get_document (data);
  return !rpt_letter_file_get_dirty (file) && rpt_letter_file_get_path (file) != NULL;
}

static gboolean
file_exists (gpointer data)
{
  return g_file_test (data, G_FILE_TEST_EXISTS);
}

static gboolean
merge_window_shown (gpointer data)
{
  return find_toplevel (RPT_TYPE_MERGE_WINDOW) != NULL;
}

static gboolean
is_gone (gpointer data)
{
  return *(gpointer *) data == NULL;
}

/* The merge window decided and merged from the keyboard: it opens on the
 * first change, Ctrl+Return does nothing while a conflict waits, Alt+T
 * takes the reviewer's side, Ctrl+Return merges, and the keyboard is back
 * in the letter's window. */
static void
test_merge (void)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (RptLetter) letter = rpt_application_load_sample (&error);
  g_autofree char *dir = rpt_test_make_tmpdir ();
  g_autofree char *copy_path = g_build_filename (dir, "for B.rapporteur", NULL);
  GSettings *settings = rpt_application_get_settings (app);
  RptMergeWindow *merge_window;
  GtkWidget *focus;
  RptWindow *window;
  RptLetter *merged;

  SKIP_WITHOUT_XDOTOOL ();
  g_assert_no_error (error);
  g_settings_set_string (settings, "author-name", "A. Drafter");
  g_settings_set_boolean (settings, "author-asked", TRUE);
  window = open_window (letter);
  rpt_letter_set_date (letter, "2025-04-22"); /* a first change makes the file */
  rpt_test_spin_until (saved, window, 10000);
  _rpt_window_send_for_review_to (window, "B. Reviewer", copy_path, FALSE);
  rpt_test_spin_until (file_exists, copy_path, 10000);
  rpt_test_spin_for (200);
  {
    g_autoptr (RptStore) copy = rpt_store_open (copy_path, RPT_STORE_OPEN_READ_WRITE, &error);
    g_autoptr (RptLetter) theirs = NULL;

    g_assert_no_error (error);
    theirs = rpt_store_load (copy, &error);
    g_assert_no_error (error);
    rpt_paragraph_set_text (rpt_letter_get_item (theirs, RPT_PART_FACTS, 0),
                            "The reviewer's words for the first fact.");
    g_assert_true (rpt_store_save (copy, theirs, &error));
  }
  rpt_paragraph_set_text (rpt_letter_get_item (letter, RPT_PART_FACTS, 0),
                          "The drafter's words for the first fact.");

  _rpt_window_merge_review_path (window, copy_path);
  rpt_test_spin_until (merge_window_shown, NULL, 20000);
  merge_window = find_toplevel (RPT_TYPE_MERGE_WINDOW);
  g_object_add_weak_pointer (G_OBJECT (merge_window), (gpointer *) &merge_window);
  rpt_test_focus_x_window (GTK_WINDOW (merge_window));
  focus = gtk_root_get_focus (GTK_ROOT (merge_window));
  g_assert_nonnull (focus);
  g_assert_true (focus == GTK_WIDGET (gtk_list_box_get_row_at_index (
                            rpt_merge_window_get_changes_list (merge_window), 0)));
  g_assert_cmpuint (rpt_merge_get_n_pending (rpt_merge_window_get_merge (merge_window)), ==, 1);

  KEYS ("ctrl+Return");
  rpt_test_spin_for (300);
  g_assert_nonnull (merge_window);

  KEYS ("alt+t");
  g_assert_cmpuint (rpt_merge_get_n_pending (rpt_merge_window_get_merge (merge_window)), ==, 0);
  KEYS ("ctrl+Return");
  rpt_test_spin_until (is_gone, &merge_window, 20000);
  merged = rpt_letter_file_get_letter (rpt_window_get_document (window));
  g_assert_cmpstr (rpt_paragraph_get_text (rpt_letter_get_item (merged, RPT_PART_FACTS, 0)), ==,
                   "The reviewer's words for the first fact.");
  rpt_test_focus_x_window (GTK_WINDOW (window));
  g_assert_nonnull (focus_of (window));
  close_window (window);
  rpt_test_rm_rf (dir);
}

int
main (int argc, char *argv[])
{
  static RptTestUi ui;

  rpt_test_ui_start (&ui, &argc, &argv, "io.github.rapporteur.Rapporteur.KeyTest", TRUE);
  app = ui.app;
  drafts = ui.drafts;
  have_xdotool = ui.have_xdotool;

  g_test_add_func ("/keyboard/sections", test_sections);
  g_test_add_func ("/keyboard/facts", test_facts);
  g_test_add_func ("/keyboard/persons", test_persons);
  g_test_add_func ("/keyboard/picker", test_picker);
  g_test_add_func ("/keyboard/caret", test_caret);
  g_test_add_func ("/keyboard/shortcuts-window", test_shortcuts_window);
  g_test_add_func ("/keyboard/recent-letters", test_recent_letters);
  g_test_add_func ("/keyboard/merge", test_merge);
  return rpt_test_ui_run (&ui);
}
