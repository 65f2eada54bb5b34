/* bench-reference-list.c
 *
 * Copyright 2026 The Rapporteur authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/*
 * The list of the Reference Data page (docs/reference-data.md) at the
 * size of the data and beyond: the time to make its rows from the
 * reference data (what the page pays when it opens and after each
 * correction), and the time to narrow them with a search, as the page's
 * GtkFilterListModel does, over the data and over copies of it 10 and
 * 100 times as long (a user's table files can add rows).
 *
 *   bench-reference-list [RUNS]        (default 20 runs)
 *
 * Prints "name value" lines: medians in milliseconds.
 */

#include <gtk/gtk.h>
#include <stdio.h>
#include <stdlib.h>

#include "rpt-core.h"
#include "rpt-reference-item.h"

static int
compare_doubles (gconstpointer a, gconstpointer b)
{
  double x = *(const double *) a, y = *(const double *) b;

  return x < y ? -1 : x > y;
}

static double
median (GArray *times)
{
  g_array_sort (times, compare_doubles);
  return times->len > 0 ? g_array_index (times, double, times->len / 2) : 0;
}

static gboolean
matches (gpointer item, gpointer user_data)
{
  return rpt_reference_item_matches (item, user_data);
}

/* One search over @model, as the page runs it when a word is typed. */
static double
time_search (GListModel *model, const char *text, guint *found)
{
  gint64 start = g_get_monotonic_time ();
  g_auto (GStrv) words = rpt_reference_fold_words (text);
  GtkCustomFilter *filter = gtk_custom_filter_new (matches, words, NULL);
  g_autoptr (GtkFilterListModel) filtered =
    gtk_filter_list_model_new (g_object_ref (model), GTK_FILTER (filter));

  *found = g_list_model_get_n_items (G_LIST_MODEL (filtered));
  return (g_get_monotonic_time () - start) / 1000.0;
}

static GListModel *
copies (GListModel *items, guint times)
{
  GListStore *store = g_list_store_new (RPT_TYPE_REFERENCE_ITEM);
  guint n = g_list_model_get_n_items (items);
  g_autoptr (GPtrArray) all = g_ptr_array_new_with_free_func (g_object_unref);

  for (guint t = 0; t < times; t++)
    for (guint i = 0; i < n; i++)
      g_ptr_array_add (all, g_list_model_get_item (items, i));
  g_list_store_splice (store, 0, 0, all->pdata, all->len);
  return G_LIST_MODEL (store);
}

int
main (int argc, char **argv)
{
  guint runs = argc > 1 ? (guint) g_ascii_strtoull (argv[1], NULL, 10) : 20;
  const char *searches[] = { "defenders", "iccpr/tjk", "accession 1999", "" };
  const guint sizes[] = { 1, 10, 100 };
  g_autoptr (GListModel) items = NULL;
  g_autoptr (GArray) times = g_array_new (FALSE, FALSE, sizeof (double));
  RptReference *reference;

  if (runs == 0)
    runs = 1;
  rpt_core_init ();
  reference = rpt_reference_get_default ();

  /* Made once before timing: the first reads the country names. */
  items = rpt_reference_items_new (reference);
  printf ("rows %u\n", g_list_model_get_n_items (items));
  for (guint r = 0; r < runs; r++)
    {
      gint64 start = g_get_monotonic_time ();
      g_autoptr (GListModel) again = rpt_reference_items_new (reference);
      double ms = (g_get_monotonic_time () - start) / 1000.0;

      g_array_append_val (times, ms);
    }
  printf ("make-rows-ms %.1f\n", median (times));

  for (guint s = 0; s < G_N_ELEMENTS (sizes); s++)
    {
      g_autoptr (GListModel) model = copies (items, sizes[s]);

      for (guint q = 0; q < G_N_ELEMENTS (searches); q++)
        {
          guint found = 0;

          g_array_set_size (times, 0);
          for (guint r = 0; r < runs; r++)
            {
              double ms = time_search (model, searches[q], &found);
              g_array_append_val (times, ms);
            }
          printf ("search-ms rows=%u \"%s\" %.2f (found %u)\n", g_list_model_get_n_items (model),
                  searches[q], median (times), found);
        }
    }
  return 0;
}
