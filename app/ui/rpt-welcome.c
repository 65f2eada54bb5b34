/* rpt-welcome.c
 *
 * Copyright 2026 The Rapporteur authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "rpt-welcome"

#include <glib/gi18n.h>
#include <glib/gstdio.h>

#include "rpt-application.h"
#include "rpt-letter-file.h"
#include "rpt-reference-data.h"
#include "rpt-welcome.h"

/**
 * RptWelcome:
 *
 * What a window without a letter shows: a new letter by kind, and the
 * recent letters. Recent letters are the recently used documents and the
 * drafts folder together, so that a draft is found again after a crash
 * even if the recent list was not written.
 */
struct _RptWelcome
{
  GtkWidget parent_instance;

  GCancellable *cancellable;

  GtkWidget *recent_group;
  GtkListBox *recent_list;
};

G_DEFINE_FINAL_TYPE (RptWelcome, rpt_welcome, GTK_TYPE_WIDGET)

typedef struct
{
  char *path;
  gint64 mtime;
} Recent;

static void
recent_free (Recent *r)
{
  g_free (r->path);
  g_free (r);
}

static int
compare_recent (gconstpointer a, gconstpointer b)
{
  const Recent *ra = *(const Recent **) a;
  const Recent *rb = *(const Recent **) b;

  return ra->mtime < rb->mtime ? 1 : ra->mtime > rb->mtime ? -1 : 0;
}

static void
add_recent (GPtrArray *list, GHashTable *seen, const char *path)
{
  GStatBuf st;
  Recent *r;

  if (g_hash_table_contains (seen, path) || g_stat (path, &st) != 0 || !S_ISREG (st.st_mode))
    return;
  r = g_new0 (Recent, 1);
  r->path = g_strdup (path);
  r->mtime = st.st_mtime;
  g_hash_table_add (seen, r->path);
  g_ptr_array_add (list, r);
}

/**
 * rpt_welcome_list_recent:
 *
 * Returns: (transfer full) (element-type utf8): paths of recent documents,
 *   newest first
 */
GPtrArray *
rpt_welcome_list_recent (const char *drafts_dir, guint max)
{
  g_autoptr (GPtrArray) list = g_ptr_array_new_with_free_func ((GDestroyNotify) recent_free);
  g_autoptr (GHashTable) seen = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr (GDir) dir = g_dir_open (drafts_dir, 0, NULL);
  GList *items = gtk_recent_manager_get_items (gtk_recent_manager_get_default ());
  GPtrArray *paths = g_ptr_array_new_with_free_func (g_free);
  const char *name;

  for (GList *l = items; l != NULL; l = l->next)
    {
      const char *uri = gtk_recent_info_get_uri (l->data);
      g_autofree char *path = g_filename_from_uri (uri, NULL, NULL);
      if (path != NULL && g_str_has_suffix (path, ".rapporteur"))
        add_recent (list, seen, path);
    }
  g_list_free_full (items, (GDestroyNotify) gtk_recent_info_unref);
  while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
    if (g_str_has_suffix (name, ".rapporteur") && name[0] != '.')
      {
        g_autofree char *path = g_build_filename (drafts_dir, name, NULL);
        add_recent (list, seen, path);
      }
  g_ptr_array_sort (list, compare_recent);
  for (guint i = 0; i < list->len && i < max; i++)
    g_ptr_array_add (paths, g_strdup (((Recent *) g_ptr_array_index (list, i))->path));
  return paths;
}

/* What a recent row says of a letter: read from its file in a worker, and
 * kept for as long as the file does not change. */
typedef struct
{
  gint64 mtime;
  char *title;    /* reference, else subject, else "New Urgent Appeal" */
  char *kind;     /* "UA" */
  char *country;  /* "TJK", or NULL */
  gboolean named; /* saved under a name of the drafter's choice */
} RecentInfo;

static void
recent_info_free (RecentInfo *info)
{
  g_free (info->title);
  g_free (info->kind);
  g_free (info->country);
  g_free (info);
}

static GHashTable *
info_cache (void)
{
  static GHashTable *cache;

  if (cache == NULL)
    cache =
      g_hash_table_new_full (g_str_hash, g_str_equal, g_free, (GDestroyNotify) recent_info_free);
  return cache;
}

static gint64
file_mtime (const char *path)
{
  GStatBuf st;

  return g_stat (path, &st) == 0 ? (gint64) st.st_mtime : 0;
}

static void
read_infos_thread (GTask *task, gpointer source, gpointer task_data, GCancellable *cancellable)
{
  GPtrArray *paths = task_data;
  GHashTable *infos =
    g_hash_table_new_full (g_str_hash, g_str_equal, g_free, (GDestroyNotify) recent_info_free);

  for (guint i = 0; i < paths->len && !g_cancellable_is_cancelled (cancellable); i++)
    {
      const char *path = g_ptr_array_index (paths, i);
      g_autoptr (RptStore) store = rpt_store_open (path, RPT_STORE_OPEN_READ_ONLY, NULL);
      g_autoptr (RptLetter) letter = store != NULL ? rpt_store_load (store, NULL) : NULL;
      g_autofree char *name = rpt_letter_file_dup_name_for_path (path);
      g_autofree char *reference = NULL;
      RecentInfo *info;

      if (letter == NULL)
        continue;
      info = g_new0 (RecentInfo, 1);
      info->mtime = file_mtime (path);
      reference = rpt_letter_dup_reference (letter);
      info->named = name != NULL;
      if (reference == NULL && name != NULL)
        info->title = g_steal_pointer (&name);
      else
        info->title = rpt_letter_file_dup_title_for_letter (letter);
      info->kind = g_strdup (rpt_letter_kind_to_code (rpt_letter_get_kind (letter)));
      info->country = g_strdup (rpt_letter_get_country (letter));
      g_hash_table_insert (infos, g_strdup (path), info);
    }
  g_task_return_pointer (task, infos, (GDestroyNotify) g_hash_table_unref);
}

static const char *
kind_label (const char *code)
{
  if (g_strcmp0 (code, "UA") == 0)
    return _ ("Urgent appeal");
  if (g_strcmp0 (code, "OL") == 0)
    return _ ("Letter on legislation");
  return _ ("Allegation letter");
}

static void
show_info (GtkWidget *row, const char *path, RecentInfo *info)
{
  g_autoptr (GDateTime) when = g_date_time_new_from_unix_local (info->mtime);
  g_autofree char *time = g_date_time_format (when, "%x %H:%M");
  g_autofree char *country = NULL;
  g_autofree char *subtitle = NULL;
  g_autofree char *where = NULL;
  g_autofree char *drafts = rpt_letter_file_dup_drafts_dir ();
  g_autofree char *dir = g_path_get_dirname (path);

  if (info->country == NULL)
    country = g_strdup (_ ("no addressee"));
  else if (g_str_equal (info->country, "OTH"))
    country = g_strdup (_ ("company or organisation"));
  else
    country = rpt_reference_data_dup_country_name (info->country);
  if (g_str_equal (dir, drafts))
    where = g_strdup (_ ("Drafts"));
  else if (g_str_has_prefix (dir, g_get_home_dir ()))
    where = g_strconcat ("~", dir + strlen (g_get_home_dir ()), NULL);
  else
    where = g_strdup (dir);
  /* Translators: a recent letter: its kind, addressee, when it last changed and where it is,
   * e.g. "Urgent appeal · Tajikistan · 01/12/26 13:45 · Drafts" */
  subtitle =
    g_strdup_printf (_ ("%s · %s · %s · %s"), kind_label (info->kind), country, time, where);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), info->title);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
}

static void
read_infos_cb (GObject *source, GAsyncResult *result, gpointer user_data)
{
  g_autoptr (RptWelcome) self = user_data;
  g_autoptr (GHashTable) infos = g_task_propagate_pointer (G_TASK (result), NULL);
  GHashTableIter iter;
  gpointer path, info;

  if (infos == NULL || self->recent_list == NULL)
    return;
  g_hash_table_iter_init (&iter, infos);
  while (g_hash_table_iter_next (&iter, &path, &info))
    {
      g_hash_table_iter_steal (&iter);
      g_hash_table_replace (info_cache (), path, info);
    }
  for (GtkWidget *row = gtk_widget_get_first_child (GTK_WIDGET (self->recent_list)); row != NULL;
       row = gtk_widget_get_next_sibling (row))
    {
      const char *p = g_object_get_data (G_OBJECT (row), "path");
      RecentInfo *cached = p != NULL ? g_hash_table_lookup (info_cache (), p) : NULL;
      if (cached != NULL)
        show_info (row, p, cached);
    }
}

static void
recent_activated_cb (RptWelcome *self, GtkListBoxRow *row)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));
  GtkApplication *app =
    GTK_IS_WINDOW (root) ? gtk_window_get_application (GTK_WINDOW (root)) : NULL;
  const char *path = g_object_get_data (G_OBJECT (row), "path");

  if (RPT_IS_APPLICATION (app) && path != NULL)
    rpt_application_open_path (RPT_APPLICATION (app), path);
}

static void
show_toast (RptWelcome *self, const char *text)
{
  GtkWidget *overlay = gtk_widget_get_ancestor (GTK_WIDGET (self), ADW_TYPE_TOAST_OVERLAY);

  if (overlay != NULL)
    adw_toast_overlay_add_toast (ADW_TOAST_OVERLAY (overlay), adw_toast_new (text));
}

/**
 * rpt_welcome_trash_draft:
 *
 * Moves the draft at @path to the trash, unless a window has it open.
 *
 * Returns: whether it went
 */
gboolean
rpt_welcome_trash_draft (RptWelcome *self, const char *path)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));
  GtkApplication *app =
    GTK_IS_WINDOW (root) ? gtk_window_get_application (GTK_WINDOW (root)) : NULL;
  g_autoptr (GFile) file = g_file_new_for_path (path);
  g_autoptr (GError) error = NULL;
  RecentInfo *info = g_hash_table_lookup (info_cache (), path);
  g_autofree char *text = NULL;

  g_return_val_if_fail (RPT_IS_WELCOME (self), FALSE);

  if (RPT_IS_APPLICATION (app) &&
      rpt_application_find_window_for_path (RPT_APPLICATION (app), path))
    {
      show_toast (self, _ ("The draft is open in a window: close it first"));
      return FALSE;
    }
  if (!g_file_trash (file, NULL, &error))
    {
      /* Translators: %s is why, e.g. "Trashing on system internal mounts is not supported" */
      text = g_strdup_printf (_ ("The draft could not be moved to the trash: %s"), error->message);
      show_toast (self, text);
      return FALSE;
    }
  /* Translators: %s is a letter's reference or subject */
  text =
    g_strdup_printf (_ ("“%s” moved to the trash"), info != NULL ? info->title : _ ("The draft"));
  show_toast (self, text);
  g_hash_table_remove (info_cache (), path);
  rpt_welcome_reload (self);
  return TRUE;
}

static void
trash_clicked_cb (GtkButton *button, RptWelcome *self)
{
  GtkWidget *row = gtk_widget_get_ancestor (GTK_WIDGET (button), GTK_TYPE_LIST_BOX_ROW);
  g_autofree char *path = g_strdup (g_object_get_data (G_OBJECT (row), "path"));

  rpt_welcome_trash_draft (self, path);
}

/* Delete on a draft's row: to the trash, as its button does. */
static gboolean
recent_key_pressed_cb (RptWelcome *self,
                       guint keyval,
                       guint keycode,
                       GdkModifierType state,
                       GtkEventControllerKey *controller)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));
  GtkWidget *focus = root != NULL ? gtk_root_get_focus (root) : NULL;
  GtkWidget *row = focus != NULL ? gtk_widget_get_ancestor (focus, GTK_TYPE_LIST_BOX_ROW) : NULL;
  g_autofree char *path = NULL;

  if ((keyval != GDK_KEY_Delete && keyval != GDK_KEY_KP_Delete) || row == NULL ||
      g_object_get_data (G_OBJECT (row), "draft") == NULL)
    return FALSE;
  path = g_strdup (g_object_get_data (G_OBJECT (row), "path"));
  rpt_welcome_trash_draft (self, path);
  return TRUE;
}

void
rpt_welcome_reload (RptWelcome *self)
{
  g_autofree char *drafts = rpt_letter_file_dup_drafts_dir ();
  g_autoptr (GPtrArray) paths = rpt_welcome_list_recent (drafts, 12);
  g_autoptr (GPtrArray) to_read = g_ptr_array_new_with_free_func (g_free);
  GtkWidget *child;

  g_return_if_fail (RPT_IS_WELCOME (self));

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->recent_list))) != NULL)
    gtk_list_box_remove (self->recent_list, child);
  for (guint i = 0; i < paths->len; i++)
    {
      const char *path = g_ptr_array_index (paths, i);
      g_autofree char *name = rpt_letter_file_dup_name_for_path (path);
      g_autofree char *dir = g_path_get_dirname (path);
      RecentInfo *info = g_hash_table_lookup (info_cache (), path);
      GtkWidget *row = adw_action_row_new ();

      adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
      gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), TRUE);
      g_object_set_data_full (G_OBJECT (row), "path", g_strdup (path), g_free);
      if (info != NULL && info->mtime == file_mtime (path))
        show_info (row, path, info);
      else
        {
          /* Until the file is read: its name, or that it is a draft. */
          adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row),
                                         name != NULL ? name : _ ("Draft"));
          adw_action_row_set_subtitle (ADW_ACTION_ROW (row), dir);
          g_ptr_array_add (to_read, g_strdup (path));
        }
      if (name == NULL)
        {
          /* A draft, named after nothing: to the trash from here. */
          GtkWidget *trash = gtk_button_new_from_icon_name ("user-trash-symbolic");

          gtk_widget_set_valign (trash, GTK_ALIGN_CENTER);
          gtk_widget_add_css_class (trash, "flat");
          gtk_widget_set_tooltip_text (trash, _ ("Move to Trash (Delete)"));
          gtk_accessible_update_property (GTK_ACCESSIBLE (trash), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                          _ ("Move the draft to the trash"), -1);
          g_signal_connect_object (trash, "clicked", G_CALLBACK (trash_clicked_cb), self, 0);
          adw_action_row_add_suffix (ADW_ACTION_ROW (row), trash);
          g_object_set_data (G_OBJECT (row), "draft", GINT_TO_POINTER (1));
        }
      gtk_list_box_append (self->recent_list, row);
    }
  gtk_widget_set_visible (self->recent_group, paths->len > 0);
  if (to_read->len > 0)
    {
      g_autoptr (GTask) task =
        g_task_new (NULL, self->cancellable, read_infos_cb, g_object_ref (self));
      g_task_set_task_data (task, g_steal_pointer (&to_read), (GDestroyNotify) g_ptr_array_unref);
      g_task_run_in_thread (task, read_infos_thread);
    }
}

static void
rpt_welcome_map (GtkWidget *widget)
{
  GTK_WIDGET_CLASS (rpt_welcome_parent_class)->map (widget);
  rpt_welcome_reload (RPT_WELCOME (widget));
}

static void
rpt_welcome_dispose (GObject *object)
{
  RptWelcome *self = RPT_WELCOME (object);

  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  gtk_widget_dispose_template (GTK_WIDGET (object), RPT_TYPE_WELCOME);
  {
    GtkWidget *child;
    while ((child = gtk_widget_get_first_child (GTK_WIDGET (object))) != NULL)
      gtk_widget_unparent (child);
  }
  G_OBJECT_CLASS (rpt_welcome_parent_class)->dispose (object);
}

static void
rpt_welcome_class_init (RptWelcomeClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = rpt_welcome_dispose;
  widget_class->map = rpt_welcome_map;

  gtk_widget_class_set_template_from_resource (
    widget_class, "/io/github/rapporteur/Rapporteur/ui/rpt-welcome.ui");
  gtk_widget_class_bind_template_child (widget_class, RptWelcome, recent_group);
  gtk_widget_class_bind_template_child (widget_class, RptWelcome, recent_list);
  gtk_widget_class_bind_template_callback (widget_class, recent_activated_cb);
}

static void
rpt_welcome_init (RptWelcome *self)
{
  GtkEventController *keys = gtk_event_controller_key_new ();

  gtk_widget_init_template (GTK_WIDGET (self));
  self->cancellable = g_cancellable_new ();
  g_signal_connect_swapped (keys, "key-pressed", G_CALLBACK (recent_key_pressed_cb), self);
  gtk_widget_add_controller (GTK_WIDGET (self->recent_list), keys);
}
