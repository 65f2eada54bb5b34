/* bench-export.c
 *
 * Copyright 2026 The Rapporteur authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/*
 * Exports a letter to ODT again and again in one process, as the
 * application does, and prints the first (cold: templates compiled,
 * reference data read) and the median of the others in milliseconds.
 *
 *   bench-export LETTER.xml [RUNS]
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
export_once (RptLetter *letter, RptExportFormat format)
{
  g_autoptr (RptExport) export = NULL;
  g_autoptr (GBytes) bytes = NULL;
  g_autoptr (GError) error = NULL;
  gint64 start = g_get_monotonic_time ();

  export = rpt_export_new (letter);
  rpt_export_set_creator (export, "Benchmark");
  bytes = rpt_export_run (export, format, &error);
  if (bytes == NULL)
    {
      fprintf (stderr, "bench-export: %s\n", error->message);
      exit (1);
    }
  return (g_get_monotonic_time () - start) / 1000.0;
}

int
main (int argc, char **argv)
{
  g_autoptr (RptLetter) letter = NULL;
  g_autoptr (GError) error = NULL;
  g_autoptr (GArray) times = g_array_new (FALSE, FALSE, sizeof (double));
  guint runs = argc > 2 ? (guint) atoi (argv[2]) : 100;
  double cold, xml_median;

  if (argc < 2 || runs < 1)
    {
      fprintf (stderr, "usage: bench-export LETTER.xml [RUNS]\n");
      return 2;
    }
  rpt_core_init ();
  letter = rpt_letter_new_from_xml_file (argv[1], &error);
  if (letter == NULL)
    {
      fprintf (stderr, "bench-export: %s\n", error->message);
      return 1;
    }

  cold = export_once (letter, RPT_EXPORT_FORMAT_ODT);
  for (guint i = 0; i < runs; i++)
    {
      double t = export_once (letter, RPT_EXPORT_FORMAT_DOCUMENT_XML);
      g_array_append_val (times, t);
    }
  g_array_sort (times, compare_doubles);
  xml_median = g_array_index (times, double, runs / 2);

  g_array_set_size (times, 0);
  for (guint i = 0; i < runs; i++)
    {
      double t = export_once (letter, RPT_EXPORT_FORMAT_ODT);
      g_array_append_val (times, t);
    }
  g_array_sort (times, compare_doubles);
  printf ("cold_ms=%.2f median_ms=%.2f min_ms=%.2f max_ms=%.2f document_xml_median_ms=%.2f "
          "runs=%u\n",
          cold, g_array_index (times, double, runs / 2), g_array_index (times, double, 0),
          g_array_index (times, double, runs - 1), xml_median, runs);
  return 0;
}
