/* bench-check.c
 *
 * Copyright 2026 The Rapporteur authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/*
 * The time to check a letter before sending (docs/checks.md), as the
 * application does it: the letter in memory, the reference data and the
 * templates read once, every check run on the whole letter.
 *
 *   bench-check LETTER.xml [RUNS]        (default 20 runs)
 *
 * For the 10,000-fact letter:
 *
 *   bench/make-large-letter.py data/samples/AL-TJK-1-2025.xml 1000 > /tmp/large.xml
 *   _build/bench/bench-check /tmp/large.xml
 *
 * Prints "name value" lines: the size of the letter, the first check
 * (which reads the reference data and compiles the templates), the
 * median of the next runs, the same after one fact changed (what the
 * application pays a moment after each edit), and the number of
 * findings.
 */

#include <stdio.h>
#include <stdlib.h>

#include "rpt-core.h"

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

static void
die (GError *error)
{
  fprintf (stderr, "bench-check: %s\n", error->message);
  exit (1);
}

static double
time_update (RptChecker *checker)
{
  g_autoptr (GError) error = NULL;
  gint64 start = g_get_monotonic_time ();

  if (!rpt_checker_update (checker, &error))
    die (error);
  return (g_get_monotonic_time () - start) / 1000.0;
}

int
main (int argc, char **argv)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (RptLetter) letter = NULL;
  g_autoptr (RptChecker) checker = NULL;
  g_autoptr (GArray) again = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr (GArray) edited = g_array_new (FALSE, FALSE, sizeof (double));
  guint runs = argc > 2 ? (guint) atoi (argv[2]) : 20;
  guint n_facts;
  gint64 start;
  double first;

  if (argc < 2)
    {
      fprintf (stderr, "usage: bench-check LETTER.xml [RUNS]\n");
      return 2;
    }
  rpt_core_init ();

  start = g_get_monotonic_time ();
  letter = rpt_letter_new_from_xml_file (argv[1], &error);
  if (letter == NULL)
    die (error);
  n_facts = rpt_letter_get_n_items (letter, RPT_PART_FACTS);
  printf ("facts %u\n", n_facts);
  printf ("paragraphs %u\n", rpt_letter_get_n_items (letter, RPT_PART_PROFILE) + n_facts +
                               rpt_letter_get_n_items (letter, RPT_PART_CONCERNS) +
                               rpt_letter_get_n_items (letter, RPT_PART_QUESTIONS) +
                               rpt_letter_get_n_items (letter, RPT_PART_ANNEX));
  printf ("load_ms %.1f\n", (g_get_monotonic_time () - start) / 1000.0);

  checker = rpt_checker_new ();
  rpt_checker_set_today (checker, "2026-12-01");
  rpt_checker_set_letter (checker, letter);
  first = time_update (checker);
  printf ("first_check_ms %.1f\n", first);
  printf ("findings %u\n", g_list_model_get_n_items (G_LIST_MODEL (checker)));

  for (guint i = 0; i < runs; i++)
    {
      double t = time_update (checker);
      g_array_append_val (again, t);
    }
  printf ("check_ms %.1f\n", median (again));

  /* A drafter's keystrokes: one fact changes between runs. */
  for (guint i = 0; i < runs && n_facts > 0; i++)
    {
      RptParagraph *fact = rpt_letter_get_item (letter, RPT_PART_FACTS, (i * 7919) % n_facts);
      g_autofree char *text = g_strdup_printf ("%s x", rpt_paragraph_get_text (fact));
      double t;

      rpt_paragraph_set_text (fact, text);
      t = time_update (checker);
      g_array_append_val (edited, t);
    }
  printf ("check_after_edit_ms %.1f\n", median (edited));
  printf ("findings_after_edits %u\n", g_list_model_get_n_items (G_LIST_MODEL (checker)));
  return 0;
}
