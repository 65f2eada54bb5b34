/* test-shortcuts.c
 *
 * Copyright 2026 The Rapporteur authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "rpt-shortcuts.h"
#include "rpt-test-util.h"

/* The shortcuts window (resources/gtk/help-overlay.ui) lists every
 * shortcut of the accelerator table and no other action: a shortcut added
 * in one place and not the other fails here. */

typedef struct
{
  GHashTable *actions; /* action-name → accelerator or "" */
  char *current_action;
  char *current_accel;
  char *current_property;
  gboolean in_shortcut;
} Parse;

static void
start_element (GMarkupParseContext *context,
               const char *element,
               const char **names,
               const char **values,
               gpointer user_data,
               GError **error)
{
  Parse *p = user_data;

  if (g_str_equal (element, "object"))
    for (guint i = 0; names[i] != NULL; i++)
      if (g_str_equal (names[i], "class") && g_str_equal (values[i], "GtkShortcutsShortcut"))
        {
          p->in_shortcut = TRUE;
          g_clear_pointer (&p->current_action, g_free);
          g_clear_pointer (&p->current_accel, g_free);
        }
  if (g_str_equal (element, "property") && p->in_shortcut)
    for (guint i = 0; names[i] != NULL; i++)
      if (g_str_equal (names[i], "name"))
        p->current_property = g_strdup (values[i]);
}

static void
text (GMarkupParseContext *context, const char *str, gsize len, gpointer user_data, GError **error)
{
  Parse *p = user_data;

  if (p->current_property == NULL)
    return;
  if (g_str_equal (p->current_property, "action-name"))
    p->current_action = g_strndup (str, len);
  else if (g_str_equal (p->current_property, "accelerator"))
    p->current_accel = g_strndup (str, len);
}

static void
end_element (GMarkupParseContext *context, const char *element, gpointer user_data, GError **error)
{
  Parse *p = user_data;

  if (g_str_equal (element, "property"))
    g_clear_pointer (&p->current_property, g_free);
  if (g_str_equal (element, "object") && p->in_shortcut)
    {
      if (p->current_action != NULL)
        g_hash_table_insert (p->actions, g_steal_pointer (&p->current_action),
                             p->current_accel != NULL ? g_steal_pointer (&p->current_accel)
                                                      : g_strdup (""));
      p->in_shortcut = FALSE;
    }
}

static void
test_help_overlay_in_sync (void)
{
  g_autofree char *path = rpt_test_source_path ("resources", "gtk", "help-overlay.ui", NULL);
  g_autofree char *xml = NULL;
  g_autoptr (GError) error = NULL;
  g_autoptr (GMarkupParseContext) context = NULL;
  GMarkupParser parser = { start_element, end_element, text, NULL, NULL };
  Parse p = { 0 };
  const RptShortcut *table;
  guint n;

  g_assert_true (g_file_get_contents (path, &xml, NULL, &error));
  p.actions = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  context = g_markup_parse_context_new (&parser, 0, &p, NULL);
  g_assert_true (g_markup_parse_context_parse (context, xml, -1, &error));
  g_assert_no_error (error);

  table = rpt_shortcuts_get_all (&n);
  for (guint i = 0; i < n; i++)
    {
      const char *accel = g_hash_table_lookup (p.actions, table[i].action);
      g_autofree char *keys = g_strjoinv (" ", (char **) table[i].accels);

      if (accel == NULL)
        g_error ("%s (%s) is not in the shortcuts window", table[i].action, table[i].accels[0]);
      /* Every entry shows all its keys: GTK finds those of widget actions
       * (editor., item.) nowhere else. */
      g_assert_cmpstr (accel, ==, keys);
      g_hash_table_remove (p.actions, table[i].action);
    }
  if (g_hash_table_size (p.actions) > 0)
    {
      GHashTableIter iter;
      gpointer key;
      g_hash_table_iter_init (&iter, p.actions);
      while (g_hash_table_iter_next (&iter, &key, NULL))
        g_error ("The shortcuts window lists %s, which has no shortcut", (char *) key);
    }
  g_hash_table_unref (p.actions);
}

static void
test_accels_parse (void)
{
  const RptShortcut *table;
  guint n;

  table = rpt_shortcuts_get_all (&n);
  for (guint i = 0; i < n; i++)
    for (guint j = 0; table[i].accels[j] != NULL; j++)
      {
        guint key = 0;
        GdkModifierType mods = 0;
        g_assert_true (gtk_accelerator_parse (table[i].accels[j], &key, &mods));
        g_assert_cmpuint (key, !=, 0);
      }
}

int
main (int argc, char *argv[])
{
  rpt_test_init (&argc, &argv);
  g_test_add_func ("/shortcuts/help-overlay-in-sync", test_help_overlay_in_sync);
  g_test_add_func ("/shortcuts/accelerators-parse", test_accels_parse);
  return g_test_run ();
}
