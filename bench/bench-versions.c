/* bench-versions.c
 *
 * Copyright 2026 The Rapporteur authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/*
 * The size of a document with many named versions (issue 13: "300
 * versions of a 10,000-fact letter made an 866 MB document"), and what
 * saving and reading versions costs.
 *
 *   bench-versions [FACTS [VERSIONS [DIR]]]     (default 10000 300 /tmp)
 *
 * The letter is the sample (data/samples/AL-TJK-1-2025.xml) with FACTS
 * facts made of its own sentences, shuffled so that no two facts are
 * alike. Between versions a drafter's day of work: three facts edited, a
 * fact added every 5 versions, one moved every 7, one removed every 11.
 * Every version is read back at the end and compared with what was saved.
 * Prints "name value" lines.
 */

#include <glib/gstdio.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

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

static gint64
file_size (const char *path)
{
  GStatBuf st;

  return g_stat (path, &st) == 0 ? (gint64) st.st_size : -1;
}

static void
die (GError *error)
{
  fprintf (stderr, "bench-versions: %s\n", error->message);
  exit (1);
}

/* The sentences of the sample's facts, to make facts of. */
static GPtrArray *
sentences_of (RptLetter *letter)
{
  GPtrArray *out = g_ptr_array_new_with_free_func (g_free);

  for (guint i = 0; i < rpt_letter_get_n_items (letter, RPT_PART_FACTS); i++)
    {
      RptParagraph *p = rpt_letter_get_item (letter, RPT_PART_FACTS, i);
      g_autofree char *plain = rpt_markup_to_plain (rpt_paragraph_get_text (p));
      g_auto (GStrv) parts = g_strsplit (plain, ". ", -1);

      for (guint j = 0; parts[j] != NULL; j++)
        if (strlen (parts[j]) > 20)
          g_ptr_array_add (out, g_markup_escape_text (parts[j], -1));
    }
  return out;
}

static char *
make_fact (GPtrArray *sentences, GRand *rand, guint n)
{
  GString *s = g_string_new (NULL);
  guint k = 2 + (guint) g_rand_int_range (rand, 0, 3);

  g_string_append_printf (s, "Fact %u. ", n);
  for (guint i = 0; i < k; i++)
    g_string_append_printf (
      s, "%s. ",
      (char *) g_ptr_array_index (sentences, g_rand_int_range (rand, 0, sentences->len)));
  g_string_truncate (s, s->len - 1);
  return g_string_free (s, FALSE);
}

int
main (int argc, char **argv)
{
  guint n_facts = argc > 1 ? (guint) atoi (argv[1]) : 10000;
  guint n_versions = argc > 2 ? (guint) atoi (argv[2]) : 300;
  const char *dir = argc > 3 ? argv[3] : g_get_tmp_dir ();
  g_autofree char *source = g_build_filename (
    g_getenv ("RAPPORTEUR_SOURCE_DIR") != NULL ? g_getenv ("RAPPORTEUR_SOURCE_DIR") : ".", "data",
    "samples", "AL-TJK-1-2025.xml", NULL);
  g_autofree char *path = g_build_filename (dir, "bench-versions.rapporteur", NULL);
  g_autoptr (GError) error = NULL;
  g_autoptr (RptLetter) letter = NULL;
  g_autoptr (RptStore) store = NULL;
  g_autoptr (GPtrArray) sentences = NULL;
  g_autoptr (GPtrArray) saved = g_ptr_array_new_with_free_func (g_free);
  g_autoptr (GArray) save_ms = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr (GArray) load_ms = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr (GRand) rand = g_rand_new_with_seed (13);
  g_autofree char *xml = NULL;
  gint64 xml_size, doc_size, final_size, start;
  guint next_fact;

  if (n_facts < 1 || n_versions < 1)
    {
      fprintf (stderr, "usage: bench-versions [FACTS [VERSIONS [DIR]]]\n");
      return 2;
    }
  rpt_core_init ();
  letter = rpt_letter_new_from_xml_file (source, &error);
  if (letter == NULL)
    die (error);
  sentences = sentences_of (letter);
  while (rpt_letter_get_n_items (letter, RPT_PART_FACTS) > 0)
    rpt_letter_remove_item (letter, RPT_PART_FACTS, 0);
  for (next_fact = 1; next_fact <= n_facts; next_fact++)
    {
      g_autofree char *text = make_fact (sentences, rand, next_fact);
      g_autoptr (RptParagraph) p = rpt_paragraph_new (text);
      rpt_letter_append_item (letter, RPT_PART_FACTS, p);
    }
  xml = rpt_letter_to_xml (letter, NULL);
  xml_size = (gint64) strlen (xml);

  g_unlink (path);
  store = rpt_store_create (path, letter, &error);
  if (store == NULL)
    die (error);
  doc_size = file_size (path);

  for (guint v = 1; v <= n_versions; v++)
    {
      guint n = rpt_letter_get_n_items (letter, RPT_PART_FACTS);
      guint number;

      if (v > 1)
        {
          for (guint e = 0; e < 3; e++)
            {
              RptParagraph *p =
                rpt_letter_get_item (letter, RPT_PART_FACTS, g_rand_int_range (rand, 0, n));
              g_autofree char *text =
                g_strdup_printf ("%s Edited for version %u.", rpt_paragraph_get_text (p), v);
              rpt_paragraph_set_text (p, text);
            }
          if (v % 5 == 0)
            {
              g_autofree char *text = make_fact (sentences, rand, next_fact++);
              g_autoptr (RptParagraph) p = rpt_paragraph_new (text);
              rpt_letter_insert_item (letter, RPT_PART_FACTS, g_rand_int_range (rand, 0, n), p);
            }
          if (v % 7 == 0)
            rpt_letter_move_item (letter, RPT_PART_FACTS, g_rand_int_range (rand, 0, n),
                                  g_rand_int_range (rand, 0, n));
          if (v % 11 == 0)
            rpt_letter_remove_item (letter, RPT_PART_FACTS, g_rand_int_range (rand, 0, n));
        }
      start = g_get_monotonic_time ();
      number = rpt_store_save_version (store, letter, "A. Drafter", "Saved for review", &error);
      if (number == 0)
        die (error);
      g_array_append_val (save_ms, (double){ (g_get_monotonic_time () - start) / 1000.0 });
      {
        g_autofree char *saved_xml = rpt_letter_to_xml (letter, NULL);
        /* A checksum, not the text: 300 texts of a large letter would
         * measure the benchmark's memory, not the store's. */
        g_ptr_array_add (saved, g_compute_checksum_for_string (G_CHECKSUM_SHA256, saved_xml, -1));
      }
    }
  final_size = file_size (path);

  /* Every version back, exactly. */
  for (guint v = 1; v <= n_versions; v++)
    {
      g_autoptr (RptLetter) back = NULL;
      g_autofree char *back_xml = NULL;
      g_autofree char *back_sum = NULL;

      start = g_get_monotonic_time ();
      back = rpt_store_load_version (store, v, &error);
      if (back == NULL)
        die (error);
      g_array_append_val (load_ms, (double){ (g_get_monotonic_time () - start) / 1000.0 });
      back_xml = rpt_letter_to_xml (back, NULL);
      back_sum = g_compute_checksum_for_string (G_CHECKSUM_SHA256, back_xml, -1);
      if (g_strcmp0 (back_sum, g_ptr_array_index (saved, v - 1)) != 0)
        {
          fprintf (stderr, "bench-versions: version %u did not come back as saved\n", v);
          return 1;
        }
    }

  printf ("facts %u\n", n_facts);
  printf ("versions %u\n", n_versions);
  printf ("letter_xml_bytes %" G_GINT64_FORMAT "\n", xml_size);
  printf ("document_without_versions_bytes %" G_GINT64_FORMAT "\n", doc_size);
  printf ("document_with_versions_bytes %" G_GINT64_FORMAT "\n", final_size);
  printf ("versions_bytes %" G_GINT64_FORMAT "\n", final_size - doc_size);
  printf ("ratio_to_letter_xml %.2f\n", (double) final_size / (double) xml_size);
  printf ("ratio_to_document_without_versions %.2f\n", (double) final_size / (double) doc_size);
  printf ("full_copies_would_take_bytes %" G_GINT64_FORMAT "\n", doc_size + n_versions * xml_size);
  printf ("save_version_median_ms %.1f\n", median (save_ms));
  printf ("load_version_median_ms %.1f\n", median (load_ms));
  rpt_store_close (store);
  g_unlink (path);
  return 0;
}
