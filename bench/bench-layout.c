/* bench-layout.c
 *
 * Copyright 2026 The Rapporteur authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include <locale.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "rpt-core.h"

/*
 * In-process timings of the layout engine (bench/export-pdf runs it and
 * compares with LibreOffice):
 *  - export: document XML → parse → layout → PDF in memory, from nothing
 *    (a new RptLayout, so a new font map, every time);
 *  - relayout: one paragraph edited, rpt_layout_set_document() with the
 *    edited document on a layout that holds the previous one (what the
 *    preview does as the drafter types); parsing timed apart;
 *  - long letters: 100, 200 and 400 facts, to see time and pages grow
 *    linearly.
 */

static int
compare_doubles (const void *a, const void *b)
{
  double x = *(const double *) a, y = *(const double *) b;
  return x < y ? -1 : x > y;
}

static double
median (double *v, guint n)
{
  qsort (v, n, sizeof *v, compare_doubles);
  return n % 2 ? v[n / 2] : (v[n / 2 - 1] + v[n / 2]) / 2;
}

static double
now_ms (void)
{
  return g_get_monotonic_time () / 1000.0;
}

static GBytes *export(RptStyleSheet *styles, const char *xml, gsize length, guint *n_pages)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (RptDocument) doc = rpt_document_new_from_data (xml, length, "bench.xml", &error);
  g_autoptr (RptLayout) layout = rpt_layout_new (styles);
  GBytes *pdf;

  g_assert_no_error (error);
  rpt_layout_set_document (layout, doc);
  pdf = rpt_pdf_render (layout, NULL, &error);
  g_assert_no_error (error);
  if (n_pages != NULL)
    *n_pages = rpt_layout_get_n_pages (layout);
  return pdf;
}

static char *
long_letter (const char *sample, guint facts)
{
  /* The sample with its ninth fact repeated: a long "facts" section. */
  const char *marker = "<text:p text:style-name=\"Body\"><text:bookmark "
                       "text:name=\"rpt-8b70df72";
  const char *at = strstr (sample, marker);
  const char *end = at != NULL ? strstr (at, "</text:p>") : NULL;
  GString *out = g_string_new (NULL);

  g_assert_nonnull (end);
  end += strlen ("</text:p>");
  g_string_append_len (out, sample, at - sample);
  for (guint i = 0; i < facts; i++)
    g_string_append_printf (out,
                            "<text:p text:style-name=\"Body\">Fact %u. According to the "
                            "information received, on %u May 2024 Ms. Khakimova was questioned "
                            "again by officers of the State Committee for National Security, "
                            "without a lawyer and without a record of the questioning, about "
                            "her contacts with foreign journalists and researchers.</text:p>\n",
                            i + 1, i % 28 + 1);
  g_string_append (out, end);
  return g_string_free (out, FALSE);
}

int
main (int argc, char **argv)
{
  g_autoptr (RptStyleSheet) styles = NULL;
  g_autofree char *xml = NULL;
  g_autofree char *edited = NULL;
  g_auto (GStrv) parts = NULL;
  g_autoptr (GError) error = NULL;
  const char *path = argc > 1 ? argv[1] : "tests/data/sample-document.xml";
  guint runs = argc > 2 ? (guint) atoi (argv[2]) : 30;
  double *t = g_new0 (double, MAX (runs, 400));
  gsize length;
  guint pages = 0;

  setlocale (LC_ALL, "C.UTF-8");
  rpt_core_init ();
  styles = rpt_style_sheet_new_default ();
  if (!g_file_get_contents (path, &xml, &length, &error))
    g_error ("%s", error->message);

  /* Warm-up: fonts into the OS cache, fontconfig initialised, as in a
   * running application. */
  g_bytes_unref (export(styles, xml, length, &pages));

  for (guint i = 0; i < runs; i++)
    {
      double t0 = now_ms ();
      g_bytes_unref (export(styles, xml, length, NULL));
      t[i] = now_ms () - t0;
    }
  printf ("export_ms %.2f\n", median (t, runs));
  printf ("export_pages %u\n", pages);

  /* One paragraph edited, as by typing. */
  parts = g_strsplit (xml, "the Supreme Court upheld", 2);
  g_assert_nonnull (parts[1]);
  edited = g_strconcat (parts[0], "the Supreme Court of Tajikistan upheld", parts[1], NULL);
  {
    g_autoptr (RptDocument) a = rpt_document_new_from_data (xml, -1, path, &error);
    g_autoptr (RptDocument) b = rpt_document_new_from_data (edited, -1, path, &error);
    g_autoptr (RptLayout) layout = rpt_layout_new (styles);
    guint n = 400;

    g_assert_no_error (error);
    rpt_layout_set_document (layout, a);
    for (guint i = 0; i < n; i++)
      {
        double t0 = now_ms ();
        rpt_layout_set_document (layout, i % 2 ? a : b);
        t[i] = now_ms () - t0;
        g_assert_cmpuint (rpt_layout_get_n_relaid_blocks (layout), ==, 1);
      }
    printf ("relayout_ms %.3f\n", median (t, n));

    for (guint i = 0; i < n; i++)
      {
        double t0 = now_ms ();
        g_autoptr (RptDocument) d = rpt_document_new_from_data (edited, -1, path, &error);
        t[i] = now_ms () - t0;
      }
    printf ("parse_ms %.3f\n", median (t, n));

    for (guint i = 0; i < 50; i++)
      {
        g_autoptr (RptLayout) fresh = rpt_layout_new (styles);
        double t0 = now_ms ();
        rpt_layout_set_document (fresh, b);
        t[i] = now_ms () - t0;
      }
    printf ("full_layout_ms %.3f\n", median (t, 50));
  }

  for (guint f = 100; f <= 400; f *= 2)
    {
      g_autofree char *big = long_letter (xml, f);
      guint n = 9;
      for (guint i = 0; i < n; i++)
        {
          double t0 = now_ms ();
          g_bytes_unref (export(styles, big, strlen (big), &pages));
          t[i] = now_ms () - t0;
        }
      printf ("facts_%u_ms %.1f\nfacts_%u_pages %u\n", f, median (t, n), f, pages);
    }
  g_free (t);
  return 0;
}
