/* rpt-letter-reference.c
 *
 * Copyright 2026 The Rapporteur authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "rpt-letter-reference"

#include "rpt-letter-reference.h"
#include "rpt-mandate.h"

/**
 * rpt_letter_dup_effective_date:
 *
 * The date the letter's titles and resolutions follow: its own, or, for a
 * draft without one, today (rpt_date_dup_today()), as the templates do.
 *
 * Returns: (transfer full): YYYY-MM-DD
 */
char *
rpt_letter_dup_effective_date (RptLetter *letter)
{
  g_return_val_if_fail (RPT_IS_LETTER (letter), NULL);

  if (rpt_letter_get_date (letter) != NULL)
    return g_strdup (rpt_letter_get_date (letter));
  return rpt_date_dup_today ();
}

/**
 * rpt_letter_list_mandates_without_resolution:
 * @reference: the reference data the letter is rendered with
 *
 * The mandates whose Human Rights Council resolution the opening sentence
 * cannot name: the letter gives none of its own for them, and the
 * reference data cannot say which one was in force on the letter's date
 * (rpt_reference_find_resolutions_at()), or does not know the mandate.
 * The letter shows a gap for each ("[resolution of the …]"); a check
 * reports them, since a letter must not go out with a resolution list
 * that reads as complete and is not.
 *
 * Returns: (transfer container) (element-type RptMandate): those mandates,
 *   in the letter's order; empty when every resolution is known
 */
GPtrArray *
rpt_letter_list_mandates_without_resolution (RptLetter *letter, RptReference *reference)
{
  GPtrArray *lacking = g_ptr_array_new ();
  g_autofree char *date = NULL;
  guint n;

  g_return_val_if_fail (RPT_IS_LETTER (letter), lacking);
  g_return_val_if_fail (RPT_IS_REFERENCE (reference), lacking);

  date = rpt_letter_dup_effective_date (letter);
  n = rpt_letter_get_n_items (letter, RPT_PART_MANDATES);
  for (guint i = 0; i < n; i++)
    {
      RptMandate *mandate = rpt_letter_get_item (letter, RPT_PART_MANDATES, i);
      const char *const *own = rpt_mandate_get_resolutions (mandate);
      g_autoptr (GPtrArray) found = NULL;

      if (own != NULL && own[0] != NULL)
        continue;
      if (rpt_mandate_get_key (mandate) != NULL &&
          rpt_reference_lookup_mandate (reference, rpt_mandate_get_key (mandate)) != NULL)
        found =
          rpt_reference_find_resolutions_at (reference, rpt_mandate_get_key (mandate), date, NULL);
      if (found == NULL || found->len == 0)
        g_ptr_array_add (lacking, mandate);
    }
  return lacking;
}
