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

void
rpt_welcome_reload (RptWelcome *self)
{
  g_autofree char *drafts = rpt_letter_file_dup_drafts_dir ();
  g_autoptr (GPtrArray) paths = rpt_welcome_list_recent (drafts, 12);
  GtkWidget *child;

  g_return_if_fail (RPT_IS_WELCOME (self));

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->recent_list))) != NULL)
    gtk_list_box_remove (self->recent_list, child);
  for (guint i = 0; i < paths->len; i++)
    {
      const char *path = g_ptr_array_index (paths, i);
      g_autofree char *dir = g_path_get_dirname (path);
      g_autofree char *base = g_path_get_basename (path);
      g_autofree char *title = NULL;
      GtkWidget *row = adw_action_row_new ();
      GStatBuf st;

      if (g_str_equal (dir, drafts))
        {
          g_autoptr (GDateTime) when = NULL;
          g_autofree char *time = NULL;
          if (g_stat (path, &st) == 0)
            when = g_date_time_new_from_unix_local (st.st_mtime);
          time = when != NULL ? g_date_time_format (when, "%x %X") : g_strdup ("");
          /* Translators: a draft in the recent list; %s is when it was last saved */
          title = g_strdup_printf (_ ("Draft of %s"), time);
          adw_action_row_set_subtitle (ADW_ACTION_ROW (row), _ ("In Drafts"));
        }
      else
        {
          title = g_strdup (base);
          adw_action_row_set_subtitle (ADW_ACTION_ROW (row), dir);
        }
      adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
      gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), TRUE);
      g_object_set_data_full (G_OBJECT (row), "path", g_strdup (path), g_free);
      gtk_list_box_append (self->recent_list, row);
    }
  gtk_widget_set_visible (self->recent_group, paths->len > 0);
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

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/org/gnome/Rapporteur/ui/rpt-welcome.ui");
  gtk_widget_class_bind_template_child (widget_class, RptWelcome, recent_group);
  gtk_widget_class_bind_template_child (widget_class, RptWelcome, recent_list);
  gtk_widget_class_bind_template_callback (widget_class, recent_activated_cb);
}

static void
rpt_welcome_init (RptWelcome *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}
