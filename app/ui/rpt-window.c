/* rpt-window.c
 *
 * Copyright 2026 The Rapporteur authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "rpt-window"

#include <glib/gi18n.h>

#include "rpt-closing-section.h"
#include "rpt-comments-section.h"
#include "rpt-letter-section.h"
#include "rpt-mandates-section.h"
#include "rpt-paragraph-editor.h"
#include "rpt-paragraphs-section.h"
#include "rpt-persons-section.h"
#include "rpt-section.h"
#include "rpt-shortcuts.h"
#include "rpt-summary-section.h"
#include "rpt-versions-section.h"
#include "rpt-welcome.h"
#include "rpt-window-private.h"

G_DEFINE_FINAL_TYPE (RptWindow, rpt_window, ADW_TYPE_APPLICATION_WINDOW)

enum
{
  PROP_0,
  PROP_DOCUMENT,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void letter_changed_cb (RptWindow *self);

/* The sidebar, in the order of the letter. */
static const struct
{
  const char *name;
  const char *title;
} sections[] = {
  { "letter", N_ ("Letter") },
  { "mandates", N_ ("Mandates & Signatories") },
  { "persons", N_ ("Persons Concerned") },
  { "summary", N_ ("Summary") },
  { "facts", N_ ("Facts") },
  { "concerns", N_ ("Concerns") },
  { "questions", N_ ("Questions") },
  { "annex", N_ ("Legal Annex") },
  { "closing", N_ ("Closing") },
  { "versions", N_ ("Versions") },
  { "comments", N_ ("Comments") },
};

RptWindow *
rpt_window_new (RptApplication *app)
{
  return g_object_new (RPT_TYPE_WINDOW, "application", app, NULL);
}

RptLetterFile *
rpt_window_get_document (RptWindow *self)
{
  g_return_val_if_fail (RPT_IS_WINDOW (self), NULL);
  return self->document;
}

gboolean
rpt_window_get_busy (RptWindow *self)
{
  g_return_val_if_fail (RPT_IS_WINDOW (self), FALSE);
  return self->busy;
}

GtkWidget *
rpt_window_get_preview (RptWindow *self)
{
  g_return_val_if_fail (RPT_IS_WINDOW (self), NULL);
  return GTK_WIDGET (self->preview);
}

/**
 * rpt_window_get_undo_history:
 *
 * Returns: (transfer none) (nullable): the history of the letter's
 *   structure and fields, %NULL for a letter shown read-only
 */
RptUndoHistory *
rpt_window_get_undo_history (RptWindow *self)
{
  g_return_val_if_fail (RPT_IS_WINDOW (self), NULL);
  return self->history;
}

/**
 * _rpt_window_section_for_part:
 *
 * Returns: the name of the section that shows @part
 */
const char *
_rpt_window_section_for_part (RptPart part)
{
  switch (part)
    {
    case RPT_PART_MANDATES:
    case RPT_PART_SIGNATORIES:
      return "mandates";
    case RPT_PART_PERSONS:
    case RPT_PART_PROFILE:
      return "persons";
    case RPT_PART_COMMUNICATIONS:
      return "summary";
    case RPT_PART_FACTS:
      return "facts";
    case RPT_PART_CONCERNS:
      return "concerns";
    case RPT_PART_QUESTIONS:
      return "questions";
    case RPT_PART_ANNEX:
      return "annex";
    case RPT_N_PARTS:
    default:
      return "letter";
    }
}

static RptSection *
find_section (GtkWidget *widget)
{
  for (GtkWidget *w = widget; w != NULL; w = gtk_widget_get_first_child (w))
    if (RPT_IS_SECTION (w))
      return RPT_SECTION (w);
  return NULL;
}

/* The section's form if it is made yet, else NULL. */
static RptSection *
existing_section (RptWindow *self, const char *name)
{
  GtkWidget *page = gtk_stack_get_child_by_name (self->section_stack, name);

  return page != NULL ? find_section (page) : NULL;
}

static GtkWidget *
new_section (const char *name)
{
  static const struct
  {
    const char *name;
    RptPart part;
  } parts[] = {
    { "facts", RPT_PART_FACTS },
    { "concerns", RPT_PART_CONCERNS },
    { "questions", RPT_PART_QUESTIONS },
    { "annex", RPT_PART_ANNEX },
  };
  GtkWidget *section = NULL, *scroller, *clamp;

  for (guint i = 0; i < G_N_ELEMENTS (parts); i++)
    if (g_str_equal (name, parts[i].name))
      return g_object_new (RPT_TYPE_PARAGRAPHS_SECTION, "part", parts[i].part, NULL);
  /* Sections with a list scroll themselves (RptItemList). */
  if (g_str_equal (name, "mandates"))
    return g_object_new (RPT_TYPE_MANDATES_SECTION, NULL);
  if (g_str_equal (name, "persons"))
    return g_object_new (RPT_TYPE_PERSONS_SECTION, NULL);
  if (g_str_equal (name, "summary"))
    return g_object_new (RPT_TYPE_SUMMARY_SECTION, NULL);
  if (g_str_equal (name, "comments"))
    return g_object_new (RPT_TYPE_COMMENTS_SECTION, NULL);
  if (g_str_equal (name, "closing"))
    section = g_object_new (RPT_TYPE_CLOSING_SECTION, NULL);
  else if (g_str_equal (name, "versions"))
    section = g_object_new (RPT_TYPE_VERSIONS_SECTION, NULL);
  g_return_val_if_fail (section != NULL, NULL);
  /* The others are forms in a scrolled column, as the Letter section in
   * the window's template. */
  clamp = adw_clamp_new ();
  adw_clamp_set_maximum_size (ADW_CLAMP (clamp), 720);
  adw_clamp_set_child (ADW_CLAMP (clamp), section);
  scroller = gtk_scrolled_window_new ();
  gtk_scrolled_window_set_policy (GTK_SCROLLED_WINDOW (scroller), GTK_POLICY_NEVER,
                                  GTK_POLICY_AUTOMATIC);
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scroller), clamp);
  return scroller;
}

/* Makes the section's form the first time it is needed: the window's
 * first frame waits for one form, not ten. */
static RptSection *
ensure_section (RptWindow *self, const char *name)
{
  GtkWidget *page = gtk_stack_get_child_by_name (self->section_stack, name);
  RptSection *section;
  GtkWidget *form;

  if (page == NULL)
    return NULL;
  section = find_section (page);
  if (section != NULL)
    return section;
  form = new_section (name);
  gtk_widget_set_vexpand (form, TRUE);
  gtk_box_append (GTK_BOX (page), form);
  section = find_section (page);
  g_assert (section != NULL);
  if (self->document != NULL)
    {
      rpt_section_set_writable (section, !rpt_letter_file_get_read_only (self->document));
      rpt_section_set_letter (section, rpt_letter_file_get_letter (self->document));
      if (RPT_IS_VERSIONS_SECTION (section))
        rpt_versions_section_set_document (RPT_VERSIONS_SECTION (section), self->document);
      if (RPT_IS_COMMENTS_SECTION (section))
        rpt_comments_section_set_document (RPT_COMMENTS_SECTION (section), self->document);
    }
  return section;
}

/**
 * rpt_window_get_section_widget:
 * @name: a section: "letter", "facts", …
 *
 * Returns: (transfer none) (nullable): the section's form, made if it is
 *   not yet
 */
GtkWidget *
rpt_window_get_section_widget (RptWindow *self, const char *name)
{
  g_return_val_if_fail (RPT_IS_WINDOW (self), NULL);

  return GTK_WIDGET (ensure_section (self, name));
}

const char *
rpt_window_get_section (RptWindow *self)
{
  g_return_val_if_fail (RPT_IS_WINDOW (self), NULL);
  return gtk_stack_get_visible_child_name (self->section_stack);
}

void
rpt_window_show_section (RptWindow *self, const char *name)
{
  g_return_if_fail (RPT_IS_WINDOW (self));

  for (GtkWidget *row = gtk_widget_get_first_child (GTK_WIDGET (self->sidebar)); row != NULL;
       row = gtk_widget_get_next_sibling (row))
    if (g_strcmp0 (g_object_get_data (G_OBJECT (row), "section"), name) == 0)
      {
        gtk_list_box_select_row (self->sidebar, GTK_LIST_BOX_ROW (row));
        break;
      }
  gtk_stack_set_visible_child_name (self->section_stack, name);
  adw_leaflet_set_visible_child_name (self->leaflet, "content");
}

static void
comments_changed_cb (RptWindow *self)
{
  g_autoptr (GHashTable) notes = NULL;

  if (self->document == NULL)
    return;
  notes = rpt_comments_margin_notes (rpt_letter_file_get_comments (self->document));
  rpt_preview_set_margin_notes (self->preview, notes);
}

/**
 * rpt_window_reveal_item:
 * @id: an item of the letter
 *
 * Shows the item's section with the focus on the item, and the preview
 * where it is.
 *
 * Returns: whether the letter has the item
 */
gboolean
rpt_window_reveal_item (RptWindow *self, const char *id)
{
  RptLetter *letter;
  RptSection *section;
  const char *name;
  RptPart part;
  guint position;

  g_return_val_if_fail (RPT_IS_WINDOW (self), FALSE);

  if (self->document == NULL || id == NULL)
    return FALSE;
  letter = rpt_letter_file_get_letter (self->document);
  if (rpt_letter_find_item (letter, id, &part, &position) == NULL)
    return FALSE;
  name = _rpt_window_section_for_part (part);
  rpt_window_show_section (self, name);
  section = ensure_section (self, name);
  if (section != NULL)
    rpt_section_focus_item (section, part, position, NULL);
  rpt_preview_reveal_item (self->preview, id);
  return TRUE;
}

void
rpt_window_show_toast (RptWindow *self, const char *text)
{
  g_return_if_fail (RPT_IS_WINDOW (self));
  adw_toast_overlay_add_toast (self->toast_overlay, adw_toast_new (text));
}

/**
 * rpt_window_show_error:
 *
 * A dialog for an error the user has to act on; @error's message says what
 * went wrong and, from the core, what to do.
 */
void
rpt_window_show_error (RptWindow *self, const char *heading, const GError *error)
{
  GtkWidget *dialog;

  g_return_if_fail (RPT_IS_WINDOW (self));

  dialog = adw_message_dialog_new (GTK_WINDOW (self), heading, error->message);
  adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (dialog), "close", _ ("_Close"));
  gtk_window_present (GTK_WINDOW (dialog));
}

/* --- document ------------------------------------------------------- */

static void
update_subtitle (RptWindow *self)
{
  g_autofree char *subtitle = NULL;
  RptLetterFile *doc = self->document;
  const char *path;

  if (doc == NULL)
    return;
  path = rpt_letter_file_get_path (doc);
  if (rpt_letter_file_get_version_number (doc) != 0 &&
      rpt_letter_file_get_version_message (doc) != NULL)
    /* Translators: the subtitle of a window showing a version: its number
     * and message */
    subtitle =
      g_strdup_printf (_ ("Version %u “%s” (read-only)"), rpt_letter_file_get_version_number (doc),
                       rpt_letter_file_get_version_message (doc));
  else if (rpt_letter_file_get_version_number (doc) != 0)
    subtitle =
      g_strdup_printf (_ ("Version %u (read-only)"), rpt_letter_file_get_version_number (doc));
  else if (rpt_letter_file_get_read_only (doc))
    subtitle = g_strdup (_ ("Read-only"));
  else if (rpt_letter_file_get_save_error (doc) != NULL)
    subtitle = g_strdup (_ ("Not saved"));
  else if (rpt_letter_file_get_dirty (doc))
    subtitle = g_strdup (_ ("Saving…"));
  else if (path == NULL)
    subtitle = g_strdup (_ ("New letter"));
  else
    {
      g_autofree char *drafts = rpt_letter_file_dup_drafts_dir ();
      g_autofree char *dir = g_path_get_dirname (path);
      if (g_str_equal (dir, drafts))
        subtitle = g_strdup (_ ("Saved in Drafts"));
      else
        {
          g_autofree char *shown = NULL;
          /* The folder, the home folder as "~", as file managers say it. */
          if (g_str_has_prefix (dir, g_get_home_dir ()) &&
              (dir[strlen (g_get_home_dir ())] == '/' || dir[strlen (g_get_home_dir ())] == '\0'))
            shown = g_strconcat ("~", dir + strlen (g_get_home_dir ()), NULL);
          else
            shown = g_strdup (dir);
          /* Translators: %s is a folder, e.g. "~/Documents" */
          subtitle = g_strdup_printf (_ ("Saved in %s"), shown);
        }
    }
  adw_window_title_set_subtitle (self->window_title, subtitle);
}

static void
update_title (RptWindow *self)
{
  g_autofree char *title = NULL;

  if (self->document == NULL)
    {
      gtk_window_set_title (GTK_WINDOW (self), _ ("Rapporteur"));
      return;
    }
  /* A letter saved under a name of the drafter's choice goes by it; a
   * draft by its reference or subject. */
  title = rpt_letter_file_dup_file_name (self->document);
  if (title == NULL)
    title = rpt_letter_file_dup_title (self->document);
  adw_window_title_set_title (self->window_title, title);
  gtk_window_set_title (GTK_WINDOW (self), title);
}

static void
update_banner (RptWindow *self)
{
  const GError *error =
    self->document != NULL ? rpt_letter_file_get_save_error (self->document) : NULL;

  if (error != NULL)
    {
      g_autofree char *text = NULL;
      if (g_error_matches (error, RPT_ERROR, RPT_ERROR_NO_SPACE))
        text = g_strdup (_ ("The disk is full: your changes are kept in this window but are not "
                            "saved. Free some space, then try again, or save a copy elsewhere."));
      else
        /* Translators: %s is the reason, e.g. "Permission denied" */
        text = g_strdup_printf (_ ("Your changes are kept in this window but could not be saved: "
                                   "%s. Try again, or save a copy elsewhere."),
                                error->message);
      gtk_label_set_text (self->banner_label, text);
    }
  gtk_revealer_set_reveal_child (self->banner, error != NULL);
}

/* After an undo or redo: the section of what changed, the focus on it. */
static void
history_applied_cb (RptWindow *self, RptPart part, guint position, const char *property)
{
  RptLetter *letter = rpt_undo_history_get_letter (self->history);
  const char *name = _rpt_window_section_for_part (part);
  GtkWidget *section;
  guint n;

  if (part == RPT_N_PARTS && property != NULL &&
      (g_str_equal (property, "press-release") || g_str_equal (property, "wgad") ||
       g_str_equal (property, "interim-measures")))
    name = "closing";
  /* the wording choices stand beside what they concern */
  else if (part == RPT_N_PARTS && property != NULL &&
           (g_str_equal (property, "summary") || g_str_equal (property, "communications-about") ||
            g_str_equal (property, "summary-article") ||
            g_str_equal (property, "summary-article-text") ||
            g_str_equal (property, "communications-place")))
    name = "summary";
  else if (part == RPT_N_PARTS && g_strcmp0 (property, "facts-lead") == 0)
    name = "facts";
  if (part == RPT_PART_SIGNATORIES)
    {
      /* A signatory is shown in its mandate's row. */
      RptSignatory *signatory = rpt_letter_get_item (letter, part, position);
      RptPart mandate_part;

      if (signatory == NULL || rpt_letter_find_item (letter, rpt_signatory_get_mandate (signatory),
                                                     &mandate_part, &position) == NULL)
        position = 0;
      part = RPT_PART_MANDATES;
      /* One who signs for the co-senders has a row of their own at the end
       * of the section; one taken away (an undone addition) leaves the
       * keyboard there too, mandate signatories going with their mandate. */
      if (signatory == NULL || rpt_signatory_get_mandate (signatory) == NULL)
        {
          rpt_window_show_section (self, name);
          rpt_mandates_section_focus_co_signatory (
            RPT_MANDATES_SECTION (rpt_window_get_section_widget (self, name)), signatory);
          return;
        }
    }
  rpt_window_show_section (self, name);
  section = rpt_window_get_section_widget (self, name);
  n = part < RPT_N_PARTS ? rpt_letter_get_n_items (letter, part) : 0;
  if (section == NULL || n == 0 ||
      !rpt_section_focus_item (RPT_SECTION (section), part, MIN (position, n - 1), NULL))
    {
      GtkWidget *page = gtk_stack_get_visible_child (self->section_stack);
      GtkWidget *focus = gtk_root_get_focus (GTK_ROOT (self));

      /* Keep a focus already in the section (the field just undone). */
      if (focus == NULL || !gtk_widget_is_ancestor (focus, page))
        gtk_widget_child_focus (page, GTK_DIR_TAB_FORWARD);
    }
}

static void
set_history (RptWindow *self, RptLetter *letter)
{
  if (self->history != NULL)
    g_signal_handlers_disconnect_by_func (self->history, history_applied_cb, self);
  g_clear_object (&self->history);
  if (letter != NULL)
    {
      self->history = rpt_undo_history_new (letter);
      g_signal_connect_swapped (self->history, "applied", G_CALLBACK (history_applied_cb), self);
    }
}

static void
document_notify_cb (RptWindow *self, GParamSpec *pspec, RptLetterFile *doc)
{
  const char *name = g_param_spec_get_name (pspec);

  if (g_str_equal (name, "title"))
    update_title (self);
  else if (g_str_equal (name, "letter"))
    {
      RptLetter *letter = rpt_letter_file_get_letter (doc);
      /* A restored version is a new letter: its history starts here. */
      set_history (self, rpt_letter_file_get_read_only (doc) ? NULL : letter);
      g_signal_connect_object (letter, "changed", G_CALLBACK (letter_changed_cb), self,
                               G_CONNECT_SWAPPED);
      for (guint i = 0; i < G_N_ELEMENTS (sections); i++)
        {
          RptSection *section = existing_section (self, sections[i].name);
          if (section != NULL)
            rpt_section_set_letter (section, letter);
        }
      rpt_preview_set_letter (self->preview, letter);
      update_title (self);
    }
  else if (g_str_equal (name, "path"))
    {
      update_title (self);
      RptApplication *app = RPT_APPLICATION (gtk_window_get_application (GTK_WINDOW (self)));
      if (app != NULL && rpt_letter_file_get_path (doc) != NULL)
        rpt_application_add_recent (app, rpt_letter_file_get_path (doc));
    }
  else if (g_str_equal (name, "save-error"))
    update_banner (self);
  update_subtitle (self);
}

/* The welcome page is made when shown: a window opening a letter never
 * needs it. */
static void
show_welcome (RptWindow *self)
{
  if (self->welcome == NULL)
    {
      self->welcome = g_object_new (RPT_TYPE_WELCOME, "vexpand", TRUE, NULL);
      gtk_box_append (GTK_BOX (self->welcome_box), self->welcome);
    }
  gtk_stack_set_visible_child_name (self->main_stack, "welcome");
}

static void
focus_first_field (RptWindow *self)
{
  GtkWidget *page = gtk_stack_get_visible_child (self->section_stack);

  if (page != NULL)
    gtk_widget_child_focus (page, GTK_DIR_TAB_FORWARD);
}

static gboolean
focus_first_field_cb (gpointer user_data)
{
  RptWindow *self = user_data;

  focus_first_field (self);
  g_object_unref (self);
  return G_SOURCE_REMOVE;
}

void
rpt_window_set_document (RptWindow *self, RptLetterFile *document)
{
  RptLetter *letter;
  gboolean writable;
  guint version;

  g_return_if_fail (RPT_IS_WINDOW (self));
  g_return_if_fail (RPT_IS_LETTER_FILE (document));
  g_return_if_fail (self->document == NULL);

  self->document = g_object_ref (document);
  g_signal_group_set_target (self->document_signals, document);
  letter = rpt_letter_file_get_letter (document);
  writable = !rpt_letter_file_get_read_only (document);
  set_history (self, writable ? letter : NULL);
  g_signal_connect_object (letter, "changed", G_CALLBACK (letter_changed_cb), self,
                           G_CONNECT_SWAPPED);

  /* The sections made so far; the others get the letter when made. */
  for (guint i = 0; i < G_N_ELEMENTS (sections); i++)
    {
      RptSection *section = existing_section (self, sections[i].name);
      if (section == NULL)
        continue;
      rpt_section_set_writable (section, writable);
      rpt_section_set_letter (section, letter);
      if (RPT_IS_VERSIONS_SECTION (section))
        rpt_versions_section_set_document (RPT_VERSIONS_SECTION (section), document);
      if (RPT_IS_COMMENTS_SECTION (section))
        rpt_comments_section_set_document (RPT_COMMENTS_SECTION (section), document);
    }
  rpt_preview_set_letter (self->preview, letter);
  _rpt_window_checks_set_document (self);
  /* The preview marks the commented paragraphs in its margin. */
  g_signal_connect_object (rpt_letter_file_get_comments (document), "items-changed",
                           G_CALLBACK (comments_changed_cb), self, G_CONNECT_SWAPPED);
  comments_changed_cb (self);

  version = rpt_letter_file_get_version_number (document);
  gtk_widget_set_visible (self->read_only_bar, version != 0);
  if (version != 0)
    {
      g_autofree char *text = g_strdup_printf (
        _ ("This is version %u, shown read-only. Restoring it makes it the working state and a "
           "new version; the current state is kept as a version first."),
        version);
      gtk_label_set_text (self->read_only_label, text);
    }

  update_title (self);
  update_subtitle (self);
  update_banner (self);
  gtk_stack_set_visible_child_name (self->main_stack, "editor");
  rpt_window_show_section (self, "letter");
  /* The keyboard starts in the form, on its first field; a window not yet
   * on screen puts it there once shown (GTK would pick its own first). */
  if (gtk_widget_get_mapped (GTK_WIDGET (self)))
    focus_first_field (self);
  else
    self->focus_on_map = TRUE;
  _rpt_window_update_actions (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_DOCUMENT]);

  if (rpt_letter_file_get_path (document) != NULL)
    {
      RptApplication *app = RPT_APPLICATION (gtk_window_get_application (GTK_WINDOW (self)));
      if (app != NULL && version == 0)
        rpt_application_add_recent (app, rpt_letter_file_get_path (document));
    }
}

static void
rpt_window_map (GtkWidget *widget)
{
  RptWindow *self = RPT_WINDOW (widget);

  GTK_WIDGET_CLASS (rpt_window_parent_class)->map (widget);
  if (self->document == NULL && !self->busy)
    show_welcome (self);
  {
    /* The application gives the window its shortcuts window once added. */
    GtkShortcutsWindow *overlay =
      gtk_application_window_get_help_overlay (GTK_APPLICATION_WINDOW (self));
    if (overlay != NULL && g_object_get_data (G_OBJECT (overlay), "rpt-fixed") == NULL)
      {
        g_object_set_data (G_OBJECT (overlay), "rpt-fixed", GINT_TO_POINTER (1));
        g_signal_connect (overlay, "show", G_CALLBACK (rpt_shortcuts_fix_key_labels), NULL);
      }
  }
  if (self->focus_on_map)
    {
      self->focus_on_map = FALSE;
      g_idle_add (focus_first_field_cb, g_object_ref (self));
    }
}

static void
open_cb (GObject *source, GAsyncResult *result, gpointer user_data)
{
  g_autoptr (RptWindow) self = user_data;
  g_autoptr (GError) error = NULL;
  g_autoptr (RptLetterFile) doc = rpt_letter_file_open_finish (result, &error);

  self->busy = FALSE;
  if (doc == NULL)
    {
      if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        return;
      show_welcome (self);
      rpt_window_show_error (self, _ ("Cannot Open the Letter"), error);
      return;
    }
  rpt_window_set_document (self, doc);
}

/**
 * rpt_window_open_path:
 *
 * Opens the document at @path in this window, in a worker thread.
 */
void
rpt_window_open_path (RptWindow *self, const char *path)
{
  g_return_if_fail (RPT_IS_WINDOW (self));
  g_return_if_fail (self->document == NULL);

  self->busy = TRUE;
  gtk_stack_set_visible_child_name (self->main_stack, "loading");
  gtk_window_present (GTK_WINDOW (self));
  rpt_letter_file_open_async (path, FALSE, self->cancellable, open_cb, g_object_ref (self));
}

/* --- sidebar -------------------------------------------------------- */

static void
sidebar_row_activated_cb (RptWindow *self, GtkListBoxRow *row)
{
  adw_leaflet_set_visible_child_name (self->leaflet, "content");
}

static void
sidebar_row_selected_cb (RptWindow *self, GtkListBoxRow *row)
{
  const char *name;

  if (row == NULL)
    return;
  name = g_object_get_data (G_OBJECT (row), "section");
  gtk_stack_set_visible_child_name (self->section_stack, name);
}

/* Tab from the sidebar goes into the form, not to the next section. */
static gboolean
sidebar_key_pressed_cb (RptWindow *self,
                        guint keyval,
                        guint keycode,
                        GdkModifierType state,
                        GtkEventControllerKey *controller)
{
  GtkWidget *page;

  if ((keyval != GDK_KEY_Tab && keyval != GDK_KEY_KP_Tab) ||
      (state & gtk_accelerator_get_default_mod_mask ()) != 0)
    return FALSE;
  page = gtk_stack_get_visible_child (self->section_stack);
  return page != NULL && gtk_widget_child_focus (page, GTK_DIR_TAB_FORWARD);
}

static void
section_changed_cb (RptWindow *self)
{
  const char *name = gtk_stack_get_visible_child_name (self->section_stack);

  if (name != NULL)
    ensure_section (self, name);
  _rpt_window_update_actions (self);
}

static void
leaflet_folded_cb (RptWindow *self)
{
  /* Folded, the sidebar is a page of its own: start on the form. */
  if (adw_leaflet_get_folded (self->leaflet))
    adw_leaflet_set_visible_child_name (self->leaflet, "content");
}

static void
build_sidebar (RptWindow *self)
{
  for (guint i = 0; i < G_N_ELEMENTS (sections); i++)
    {
      GtkWidget *row = gtk_list_box_row_new ();
      GtkWidget *label = gtk_label_new (_ (sections[i].title));

      gtk_label_set_xalign (GTK_LABEL (label), 0);
      gtk_label_set_ellipsize (GTK_LABEL (label), PANGO_ELLIPSIZE_END);
      gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (row), label);
      g_object_set_data (G_OBJECT (row), "section", (gpointer) sections[i].name);
      gtk_list_box_append (self->sidebar, row);
    }
}

/* Follow the focus: the preview scrolls to the item being edited. */
/* The preview follows the part being edited: the item with the focus, or
 * the start or the end of the letter for a part of it that is no item. */
static void
reveal_edited (RptWindow *self)
{
  const char *id = _rpt_window_get_current_item (self);
  GtkWidget *focus = gtk_root_get_focus (GTK_ROOT (self));
  const char *section = rpt_window_get_section (self);

  if (id == NULL && focus != NULL &&
      gtk_widget_is_ancestor (focus, GTK_WIDGET (self->section_stack)) && section != NULL)
    {
      if (g_str_equal (section, "letter") || g_str_equal (section, "mandates") ||
          g_str_equal (section, "summary"))
        id = RPT_PREVIEW_START;
      else if (g_str_equal (section, "closing"))
        id = RPT_PREVIEW_END;
    }
  if (id != NULL)
    rpt_preview_reveal_item (self->preview, id);
}

static void
letter_changed_cb (RptWindow *self)
{
  reveal_edited (self);
}

static void
focus_widget_cb (RptWindow *self)
{
  GtkWidget *focus = gtk_root_get_focus (GTK_ROOT (self));
  GtkWidget *editor =
    focus != NULL ? gtk_widget_get_ancestor (focus, RPT_TYPE_PARAGRAPH_EDITOR) : NULL;

  /* The formatting menu acts on the last text box typed in: opening the
   * menu takes the focus from it. */
  if (editor != NULL && editor != self->last_editor)
    {
      g_set_weak_pointer (&self->last_editor, editor);
      _rpt_window_update_actions (self);
    }

  reveal_edited (self);
}

const char *
_rpt_window_get_current_item (RptWindow *self)
{
  for (GtkWidget *w = gtk_root_get_focus (GTK_ROOT (self)); w != NULL;
       w = gtk_widget_get_parent (w))
    {
      const char *id = g_object_get_data (G_OBJECT (w), "rpt-item-id");
      if (id != NULL)
        return id;
    }
  return NULL;
}

/* --- closing -------------------------------------------------------- */

static void
close_saved_cb (GObject *source, GAsyncResult *result, gpointer user_data)
{
  g_autoptr (RptWindow) self = user_data;
  g_autoptr (GError) error = NULL;

  if (!rpt_letter_file_save_finish (RPT_LETTER_FILE (source), result, &error))
    {
      /* Never drop a letter silently: the window stays, with the banner
       * that says what to do. */
      self->closing = FALSE;
      gtk_widget_set_sensitive (GTK_WIDGET (self), TRUE);
      rpt_window_show_error (self, _ ("The Letter Could Not Be Saved"), error);
      return;
    }
  gtk_window_destroy (GTK_WINDOW (self));
}

static gboolean
rpt_window_close_request (GtkWindow *window)
{
  RptWindow *self = RPT_WINDOW (window);

  if (self->closing)
    return TRUE;
  if (self->document != NULL && rpt_letter_file_get_dirty (self->document))
    {
      self->closing = TRUE;
      gtk_widget_set_sensitive (GTK_WIDGET (self), FALSE);
      rpt_letter_file_save_async (self->document, NULL, close_saved_cb, g_object_ref (self));
      return TRUE;
    }
  return GTK_WINDOW_CLASS (rpt_window_parent_class)->close_request (window);
}

/* --- GObject -------------------------------------------------------- */

static void
rpt_window_dispose (GObject *object)
{
  RptWindow *self = RPT_WINDOW (object);

  g_cancellable_cancel (self->cancellable);
  gtk_widget_dispose_template (GTK_WIDGET (self), RPT_TYPE_WINDOW);
  g_clear_object (&self->document_signals);
  g_clear_weak_pointer (&self->last_editor);
  set_history (self, NULL);
  _rpt_window_checks_dispose (self);
  g_clear_object (&self->document);

  G_OBJECT_CLASS (rpt_window_parent_class)->dispose (object);
}

static void
rpt_window_finalize (GObject *object)
{
  RptWindow *self = RPT_WINDOW (object);

  g_clear_object (&self->cancellable);
  G_OBJECT_CLASS (rpt_window_parent_class)->finalize (object);
}

static void
rpt_window_get_property (GObject *object, guint prop_id, GValue *value, GParamSpec *pspec)
{
  RptWindow *self = RPT_WINDOW (object);

  switch (prop_id)
    {
    case PROP_DOCUMENT:
      g_value_set_object (value, self->document);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
rpt_window_constructed (GObject *object)
{
  RptWindow *self = RPT_WINDOW (object);
  GtkApplication *app = gtk_window_get_application (GTK_WINDOW (self));

  G_OBJECT_CLASS (rpt_window_parent_class)->constructed (object);

  if (RPT_IS_APPLICATION (app))
    {
      GSettings *settings = rpt_application_get_settings (RPT_APPLICATION (app));
      g_settings_bind (settings, "window-width", self, "default-width", G_SETTINGS_BIND_DEFAULT);
      g_settings_bind (settings, "window-height", self, "default-height", G_SETTINGS_BIND_DEFAULT);
      g_settings_bind (settings, "window-maximized", self, "maximized", G_SETTINGS_BIND_DEFAULT);
      g_settings_bind (settings, "show-preview", self->flap, "reveal-flap",
                       G_SETTINGS_BIND_GET | G_SETTINGS_BIND_NO_SENSITIVITY);
    }
  _rpt_window_update_actions (self);
}

static void
rpt_window_class_init (RptWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  GtkWindowClass *window_class = GTK_WINDOW_CLASS (klass);

  object_class->dispose = rpt_window_dispose;
  object_class->finalize = rpt_window_finalize;
  object_class->get_property = rpt_window_get_property;
  object_class->constructed = rpt_window_constructed;
  window_class->close_request = rpt_window_close_request;
  widget_class->map = rpt_window_map;

  properties[PROP_DOCUMENT] =
    g_param_spec_object ("document", NULL, NULL, RPT_TYPE_LETTER_FILE,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  g_type_ensure (RPT_TYPE_WELCOME);
  g_type_ensure (RPT_TYPE_PREVIEW);
  g_type_ensure (RPT_TYPE_LETTER_SECTION);
  g_type_ensure (RPT_TYPE_MANDATES_SECTION);
  g_type_ensure (RPT_TYPE_PERSONS_SECTION);
  g_type_ensure (RPT_TYPE_SUMMARY_SECTION);
  g_type_ensure (RPT_TYPE_PARAGRAPHS_SECTION);
  g_type_ensure (RPT_TYPE_CLOSING_SECTION);
  g_type_ensure (RPT_TYPE_VERSIONS_SECTION);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/rapporteur/Rapporteur/ui/rpt-window.ui");
  gtk_widget_class_bind_template_child (widget_class, RptWindow, toast_overlay);
  gtk_widget_class_bind_template_child (widget_class, RptWindow, main_stack);
  gtk_widget_class_bind_template_child (widget_class, RptWindow, loading_spinner);
  gtk_widget_class_bind_template_child (widget_class, RptWindow, welcome_box);
  gtk_widget_class_bind_template_child (widget_class, RptWindow, leaflet);
  gtk_widget_class_bind_template_child (widget_class, RptWindow, sidebar);
  gtk_widget_class_bind_template_child (widget_class, RptWindow, window_title);
  gtk_widget_class_bind_template_child (widget_class, RptWindow, back_button);
  gtk_widget_class_bind_template_child (widget_class, RptWindow, menu_button);
  gtk_widget_class_bind_template_child (widget_class, RptWindow, banner);
  gtk_widget_class_bind_template_child (widget_class, RptWindow, banner_label);
  gtk_widget_class_bind_template_child (widget_class, RptWindow, read_only_bar);
  gtk_widget_class_bind_template_child (widget_class, RptWindow, read_only_label);
  gtk_widget_class_bind_template_child (widget_class, RptWindow, flap);
  gtk_widget_class_bind_template_child (widget_class, RptWindow, section_stack);
  gtk_widget_class_bind_template_child (widget_class, RptWindow, preview);
  gtk_widget_class_bind_template_callback (widget_class, sidebar_row_activated_cb);
  gtk_widget_class_bind_template_callback (widget_class, sidebar_row_selected_cb);
  gtk_widget_class_bind_template_callback (widget_class, section_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, leaflet_folded_cb);

  _rpt_window_class_actions_init (widget_class);
  _rpt_window_class_review_actions_init (widget_class);
  _rpt_window_class_checks_init (widget_class);
}

/* A spinner on a page the stack hides goes on spinning, and the window
 * on drawing frames, for as long as it lives. */
static void
main_page_cb (RptWindow *self)
{
  gtk_spinner_set_spinning (
    self->loading_spinner,
    g_strcmp0 (gtk_stack_get_visible_child_name (self->main_stack), "loading") == 0);
}

static void
rpt_window_init (RptWindow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  self->cancellable = g_cancellable_new ();
  self->document_signals = g_signal_group_new (RPT_TYPE_LETTER_FILE);
  g_signal_group_connect_swapped (self->document_signals, "notify", G_CALLBACK (document_notify_cb),
                                  self);
  build_sidebar (self);
  _rpt_window_checks_init (self);
  g_signal_connect_swapped (self->main_stack, "notify::visible-child-name",
                            G_CALLBACK (main_page_cb), self);
  main_page_cb (self);
  g_signal_connect_swapped (self, "notify::focus-widget", G_CALLBACK (focus_widget_cb), self);
  {
    GtkEventController *keys = gtk_event_controller_key_new ();

    gtk_event_controller_set_propagation_phase (keys, GTK_PHASE_CAPTURE);
    g_signal_connect_swapped (keys, "key-pressed", G_CALLBACK (sidebar_key_pressed_cb), self);
    gtk_widget_add_controller (GTK_WIDGET (self->sidebar), keys);
  }
  /* The window's shortcuts act wherever the focus is, ahead of the keys a
   * text box or a list would take for itself (Ctrl+Page Down, Ctrl+Z). */
  gtk_widget_add_controller (GTK_WIDGET (self), rpt_shortcuts_new_controller ("win."));

#ifdef DEVELOPMENT_BUILD
  gtk_widget_add_css_class (GTK_WIDGET (self), "devel");
#endif
}
