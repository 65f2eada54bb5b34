/* rpt-edit.c
 *
 * Copyright 2026 The Rapporteur authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "rpt-edit"

#include "rpt-edit.h"

/**
 * rpt_edit_new_item:
 *
 * Returns: (transfer full): a new, empty item of the part's type
 */
gpointer
rpt_edit_new_item (RptPart part)
{
  switch (part)
    {
    case RPT_PART_MANDATES:
      return rpt_mandate_new ();
    case RPT_PART_SIGNATORIES:
      return rpt_signatory_new ();
    case RPT_PART_PERSONS:
      return rpt_person_new ();
    case RPT_PART_COMMUNICATIONS:
      return rpt_communication_new ();
    case RPT_PART_PROFILE:
    case RPT_PART_FACTS:
    case RPT_PART_CONCERNS:
    case RPT_PART_QUESTIONS:
    case RPT_PART_ANNEX:
      return rpt_paragraph_new ("");
    case RPT_N_PARTS:
    default:
      g_return_val_if_reached (NULL);
    }
}

/**
 * rpt_edit_duplicate_item:
 *
 * Inserts a copy of the item at @position right after it, with an id of
 * its own.
 *
 * Returns: (transfer none): the copy
 */
gpointer
rpt_edit_duplicate_item (RptLetter *letter, RptPart part, guint position)
{
  gpointer item;
  g_autoptr (GObject) copy = NULL;

  g_return_val_if_fail (RPT_IS_LETTER (letter), NULL);
  g_return_val_if_fail (position < rpt_letter_get_n_items (letter, part), NULL);

  item = rpt_letter_get_item (letter, part, position);
  if (RPT_IS_PARAGRAPH (item))
    copy = G_OBJECT (rpt_paragraph_duplicate (item));
  else if (RPT_IS_PERSON (item))
    copy = G_OBJECT (rpt_person_duplicate (item));
  else if (RPT_IS_MANDATE (item))
    copy = G_OBJECT (rpt_mandate_duplicate (item));
  else if (RPT_IS_SIGNATORY (item))
    copy = G_OBJECT (rpt_signatory_duplicate (item));
  else if (RPT_IS_COMMUNICATION (item))
    copy = G_OBJECT (rpt_communication_duplicate (item));
  g_return_val_if_fail (copy != NULL, NULL);

  if (!rpt_letter_insert_item (letter, part, position + 1, copy))
    return NULL;
  return copy;
}

/**
 * rpt_edit_move_item:
 * @delta: -1 to move up one place, 1 down one place
 *
 * Returns: %TRUE if the item moved (not past either end)
 */
gboolean
rpt_edit_move_item (RptLetter *letter, RptPart part, guint position, int delta)
{
  guint n;
  gint64 to;

  g_return_val_if_fail (RPT_IS_LETTER (letter), FALSE);

  n = rpt_letter_get_n_items (letter, part);
  to = (gint64) position + delta;
  if (position >= n || to < 0 || to >= n || delta == 0)
    return FALSE;
  rpt_letter_move_item (letter, part, position, (guint) to);
  return TRUE;
}

/**
 * rpt_edit_move_item_to:
 * @id: the item dragged
 * @to: where it is dropped: the position of the item it lands on
 *
 * Returns: %TRUE if the item moved
 */
gboolean
rpt_edit_move_item_to (RptLetter *letter, const char *id, guint to)
{
  RptPart part;
  guint from;

  g_return_val_if_fail (RPT_IS_LETTER (letter), FALSE);

  if (id == NULL || rpt_letter_find_item (letter, id, &part, &from) == NULL)
    return FALSE;
  if (to >= rpt_letter_get_n_items (letter, part) || to == from)
    return FALSE;
  rpt_letter_move_item (letter, part, from, to);
  return TRUE;
}

/**
 * rpt_edit_remove_mandate:
 *
 * Removes the mandate and the signatories who signed for it.
 */
void
rpt_edit_remove_mandate (RptLetter *letter, guint position)
{
  RptMandate *mandate;
  g_autofree char *id = NULL;

  g_return_if_fail (RPT_IS_LETTER (letter));
  g_return_if_fail (position < rpt_letter_get_n_items (letter, RPT_PART_MANDATES));

  mandate = rpt_letter_get_item (letter, RPT_PART_MANDATES, position);
  id = g_strdup (rpt_mandate_get_id (mandate));
  for (guint i = rpt_letter_get_n_items (letter, RPT_PART_SIGNATORIES); i > 0; i--)
    {
      RptSignatory *s = rpt_letter_get_item (letter, RPT_PART_SIGNATORIES, i - 1);
      if (g_strcmp0 (rpt_signatory_get_mandate (s), id) == 0)
        rpt_letter_remove_item (letter, RPT_PART_SIGNATORIES, i - 1);
    }
  rpt_letter_remove_item (letter, RPT_PART_MANDATES, position);
}
