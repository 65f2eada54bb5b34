/* test-undo.c
 *
 * Copyright 2026 The Rapporteur authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "rpt-edit.h"
#include "rpt-test-util.h"
#include "rpt-undo-history.h"

/* The letter's undo history, without a display: every kind of edit is
 * undone and redone exactly, one user action one step, and removed items
 * come back as themselves. */

static char *
xml_of (RptLetter *letter)
{
  return rpt_letter_to_xml (letter, NULL);
}

/* What one turn of the main loop does is one step. */
static void
next_turn (RptUndoHistory *history)
{
  rpt_undo_history_close_step (history);
}

static void
test_items (void)
{
  g_autoptr (RptLetter) letter = rpt_test_load_letter ("sample");
  g_autoptr (RptUndoHistory) history = rpt_undo_history_new (letter);
  g_autofree char *original = xml_of (letter);
  g_autofree char *removed_id = NULL;
  g_autofree char *after = NULL;
  g_autofree char *again = NULL;
  g_autoptr (RptParagraph) added = rpt_paragraph_new ("A new fact.");
  guint n = rpt_letter_get_n_items (letter, RPT_PART_FACTS);

  g_assert_false (rpt_undo_history_can_undo (history));

  /* Add, remove, move, duplicate: four steps. */
  rpt_letter_insert_item (letter, RPT_PART_FACTS, 2, added);
  next_turn (history);
  removed_id = g_strdup (rpt_letter_item_get_id (rpt_letter_get_item (letter, RPT_PART_FACTS, 0)));
  rpt_letter_remove_item (letter, RPT_PART_FACTS, 0);
  next_turn (history);
  g_assert_true (rpt_edit_move_item (letter, RPT_PART_FACTS, 3, -2));
  next_turn (history);
  g_assert_nonnull (rpt_edit_duplicate_item (letter, RPT_PART_FACTS, 4));
  next_turn (history);
  g_assert_cmpuint (rpt_undo_history_get_n_steps (history), ==, 4);
  g_assert_cmpuint (rpt_letter_get_n_items (letter, RPT_PART_FACTS), ==, n + 1);
  after = xml_of (letter);

  /* All undone: the letter as it was, the removed fact with its own id. */
  for (guint i = 0; i < 4; i++)
    g_assert_true (rpt_undo_history_undo (history));
  g_assert_false (rpt_undo_history_undo (history));
  {
    g_autofree char *now = xml_of (letter);
    g_assert_cmpstr (now, ==, original);
  }
  g_assert_cmpstr (rpt_letter_item_get_id (rpt_letter_get_item (letter, RPT_PART_FACTS, 0)), ==,
                   removed_id);

  /* All redone: the same letter as after the edits. */
  for (guint i = 0; i < 4; i++)
    g_assert_true (rpt_undo_history_redo (history));
  g_assert_false (rpt_undo_history_redo (history));
  again = xml_of (letter);
  g_assert_cmpstr (again, ==, after);

  /* A new edit forgets what could be redone. */
  g_assert_true (rpt_undo_history_undo (history));
  g_assert_true (rpt_undo_history_can_redo (history));
  rpt_letter_set_date (letter, "2025-06-01");
  next_turn (history);
  g_assert_false (rpt_undo_history_can_redo (history));
}

static void
test_fields (void)
{
  g_autoptr (RptLetter) letter = rpt_test_load_letter ("sample");
  g_autoptr (RptUndoHistory) history = rpt_undo_history_new (letter);
  RptPerson *person = rpt_letter_get_item (letter, RPT_PART_PERSONS, 0);
  RptParagraph *fact = rpt_letter_get_item (letter, RPT_PART_FACTS, 0);
  g_autofree char *name = g_strdup (rpt_person_get_name (person));
  const char *typed[] = { "R", "Ru", "Ruk", "Rukh" };

  /* A field typed letter by letter is one step. */
  for (guint i = 0; i < G_N_ELEMENTS (typed); i++)
    {
      rpt_person_set_name (person, typed[i]);
      next_turn (history);
    }
  g_assert_cmpuint (rpt_undo_history_get_n_steps (history), ==, 1);
  /* Fields of the letter itself, and of a fact. */
  rpt_letter_set_kind (letter, RPT_LETTER_KIND_UA);
  next_turn (history);
  rpt_paragraph_set_place (fact, "Khujand");
  next_turn (history);
  g_assert_cmpuint (rpt_undo_history_get_n_steps (history), ==, 3);

  g_assert_true (rpt_undo_history_undo (history));
  g_assert_cmpstr (rpt_paragraph_get_place (fact), ==, "Dushanbe");
  g_assert_true (rpt_undo_history_undo (history));
  g_assert_cmpint (rpt_letter_get_kind (letter), ==, RPT_LETTER_KIND_AL);
  g_assert_true (rpt_undo_history_undo (history));
  g_assert_cmpstr (rpt_person_get_name (person), ==, name);
  g_assert_true (rpt_undo_history_redo (history));
  g_assert_cmpstr (rpt_person_get_name (person), ==, "Rukh");

  /* Paragraph text has its text box's own history: not here. */
  rpt_paragraph_set_text (fact, "Changed by typing.");
  next_turn (history);
  g_assert_cmpuint (rpt_undo_history_get_n_steps (history), ==, 1);
  rpt_letter_set_summary (letter, "a summary typed");
  next_turn (history);
  g_assert_cmpuint (rpt_undo_history_get_n_steps (history), ==, 1);
}

/* Removing a mandate removes its signatories: one step, undone whole. */
static void
test_mandate (void)
{
  g_autoptr (RptLetter) letter = rpt_test_load_letter ("sample");
  g_autoptr (RptUndoHistory) history = rpt_undo_history_new (letter);
  g_autofree char *original = xml_of (letter);
  guint n_signatories = rpt_letter_get_n_items (letter, RPT_PART_SIGNATORIES);

  g_assert_cmpuint (n_signatories, >, 0);
  rpt_edit_remove_mandate (letter, 0);
  next_turn (history);
  g_assert_cmpuint (rpt_letter_get_n_items (letter, RPT_PART_SIGNATORIES), <, n_signatories);
  g_assert_cmpuint (rpt_undo_history_get_n_steps (history), ==, 1);
  g_assert_true (rpt_undo_history_undo (history));
  {
    g_autofree char *now = xml_of (letter);
    g_assert_cmpstr (now, ==, original);
  }
}

static void
applied_cb (RptUndoHistory *history, guint part, guint position, const char *property, guint *out)
{
  out[0] = part;
  out[1] = position;
}

/* A toast's Undo checks the step it names is still the last; the window
 * is told where each undo happened, to put the focus there. */
static void
test_serial_and_place (void)
{
  g_autoptr (RptLetter) letter = rpt_test_load_letter ("sample");
  g_autoptr (RptUndoHistory) history = rpt_undo_history_new (letter);
  guint place[2] = { 99, 99 };
  guint serial;

  g_signal_connect (history, "applied", G_CALLBACK (applied_cb), place);
  rpt_letter_remove_item (letter, RPT_PART_QUESTIONS, 1);
  serial = rpt_undo_history_get_serial (history);
  g_assert_cmpuint (serial, !=, 0);
  next_turn (history);
  g_assert_cmpuint (rpt_undo_history_get_serial (history), ==, serial);
  rpt_letter_set_date (letter, "2025-07-01");
  next_turn (history);
  g_assert_cmpuint (rpt_undo_history_get_serial (history), !=, serial);
  g_assert_true (rpt_undo_history_undo (history));
  g_assert_cmpuint (place[0], ==, RPT_N_PARTS);
  g_assert_cmpuint (rpt_undo_history_get_serial (history), ==, serial);
  g_assert_true (rpt_undo_history_undo (history));
  g_assert_cmpuint (place[0], ==, RPT_PART_QUESTIONS);
  g_assert_cmpuint (place[1], ==, 1);
}

int
main (int argc, char *argv[])
{
  rpt_test_init (&argc, &argv);
  g_test_add_func ("/undo/items", test_items);
  g_test_add_func ("/undo/fields", test_fields);
  g_test_add_func ("/undo/mandate", test_mandate);
  g_test_add_func ("/undo/serial-and-place", test_serial_and_place);
  return g_test_run ();
}
