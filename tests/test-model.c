/* test-model.c
 *
 * Copyright 2026 The Rapporteur authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "rpt-test-util.h"

typedef struct
{
  guint changed;
  guint notified;
} Counts;

static void
changed_cb (RptLetter *letter, Counts *counts)
{
  counts->changed++;
}

static void
notify_cb (GObject *object, GParamSpec *pspec, Counts *counts)
{
  counts->notified++;
}

static void
test_letter_defaults (void)
{
  g_autoptr (RptLetter) letter = rpt_letter_new ();

  g_assert_true (g_uuid_string_is_valid (rpt_letter_get_id (letter)));
  g_assert_cmpint (rpt_letter_get_kind (letter), ==, RPT_LETTER_KIND_AL);
  g_assert_cmpstr (rpt_letter_get_language (letter), ==, "en");
  g_assert_null (rpt_letter_get_country (letter));
  g_assert_null (rpt_letter_dup_reference (letter));
  g_assert_cmpstr (rpt_letter_get_summary (letter), ==, "");
  g_assert_cmpint (rpt_letter_get_wgad (letter), ==, RPT_WGAD_AUTO);
  g_assert_true (rpt_letter_get_interim_measures (letter));
  g_assert_false (rpt_letter_get_press_release (letter));
  for (RptPart part = 0; part < RPT_N_PARTS; part++)
    g_assert_cmpuint (rpt_letter_get_n_items (letter, part), ==, 0);
}

static void
test_letter_notify_on_change_only (void)
{
  g_autoptr (RptLetter) letter = rpt_letter_new ();
  Counts counts = { 0 };

  g_signal_connect (letter, "changed", G_CALLBACK (changed_cb), &counts);
  g_signal_connect (letter, "notify", G_CALLBACK (notify_cb), &counts);

  rpt_letter_set_country (letter, "TJK");
  g_assert_cmpuint (counts.changed, ==, 1);
  g_assert_cmpuint (counts.notified, ==, 1);
  rpt_letter_set_country (letter, "TJK");
  g_assert_cmpuint (counts.changed, ==, 1);
  g_assert_cmpuint (counts.notified, ==, 1);

  rpt_letter_set_summary (letter, "<b>x</b>");
  rpt_letter_set_summary (letter, "<b>x</b>");
  /* Same formatting written differently is the same value. */
  rpt_letter_set_summary (letter, "<b>x</b><b></b>");
  g_assert_cmpuint (counts.changed, ==, 2);
  g_assert_cmpstr (rpt_letter_get_summary (letter), ==, "<b>x</b>");

  rpt_letter_set_summary (letter, "");
  g_assert_cmpuint (counts.changed, ==, 3);
  g_assert_cmpstr (rpt_letter_get_summary (letter), ==, "");

  g_object_set (letter, "kind", RPT_LETTER_KIND_UA, "reference-number", 3, "reference-year", 2026,
                NULL);
  g_assert_cmpuint (counts.changed, ==, 6);
  g_assert_cmpuint (rpt_letter_get_revision (letter), ==, 6);
}

static void
test_letter_reference (void)
{
  g_autoptr (RptLetter) letter = rpt_letter_new ();
  g_autofree char *ref = NULL;
  g_autofree char *ref2 = NULL;

  rpt_letter_set_country (letter, "TJK");
  rpt_letter_set_reference_number (letter, 1);
  g_assert_null (rpt_letter_dup_reference (letter));
  rpt_letter_set_reference_year (letter, 2025);
  ref = rpt_letter_dup_reference (letter);
  g_assert_cmpstr (ref, ==, "AL TJK 1/2025");

  /* The reference follows the kind and the addressee. */
  rpt_letter_set_kind (letter, RPT_LETTER_KIND_UA);
  rpt_letter_set_country (letter, "OTH");
  ref2 = rpt_letter_dup_reference (letter);
  g_assert_cmpstr (ref2, ==, "UA OTH 1/2025");
  g_assert_false (rpt_letter_is_to_state (letter));
}

static void
test_letter_parts (void)
{
  g_autoptr (RptLetter) letter = rpt_letter_new ();
  g_autoptr (RptParagraph) a = rpt_paragraph_new ("first");
  g_autoptr (RptParagraph) b = rpt_paragraph_new ("second");
  g_autoptr (RptParagraph) c = rpt_paragraph_new ("third");
  Counts counts = { 0 };
  RptPart part;
  guint pos;

  g_signal_connect (letter, "changed", G_CALLBACK (changed_cb), &counts);

  g_assert_true (rpt_letter_append_item (letter, RPT_PART_FACTS, a));
  g_assert_true (rpt_letter_append_item (letter, RPT_PART_FACTS, b));
  g_assert_true (rpt_letter_insert_item (letter, RPT_PART_FACTS, 0, c));
  g_assert_cmpuint (counts.changed, ==, 3);
  g_assert_true (rpt_letter_get_item (letter, RPT_PART_FACTS, 0) == (gpointer) c);
  g_assert_true (g_list_model_get_item_type (rpt_letter_get_part (letter, RPT_PART_FACTS)) ==
                 RPT_TYPE_PARAGRAPH);

  /* A move is one change and keeps ids. */
  rpt_letter_move_item (letter, RPT_PART_FACTS, 0, 2);
  g_assert_cmpuint (counts.changed, ==, 4);
  g_assert_true (rpt_letter_get_item (letter, RPT_PART_FACTS, 2) == (gpointer) c);
  g_assert_true (rpt_letter_find_item (letter, rpt_paragraph_get_id (c), &part, &pos) ==
                 (gpointer) c);
  g_assert_cmpint (part, ==, RPT_PART_FACTS);
  g_assert_cmpuint (pos, ==, 2);

  /* Editing an item in the letter changes the letter. */
  rpt_paragraph_set_text (a, "first, edited");
  g_assert_cmpuint (counts.changed, ==, 5);

  /* A removed item no longer reaches the letter. */
  rpt_letter_remove_item (letter, RPT_PART_FACTS, 0);
  g_assert_cmpuint (counts.changed, ==, 6);
  g_assert_null (rpt_letter_find_item (letter, rpt_paragraph_get_id (a), NULL, NULL));
  rpt_paragraph_set_text (a, "after removal");
  g_assert_cmpuint (counts.changed, ==, 6);

  /* The same id twice is refused. */
  g_test_expect_message ("rpt-letter", G_LOG_LEVEL_CRITICAL, "*already in the letter*");
  g_assert_false (rpt_letter_append_item (letter, RPT_PART_CONCERNS, b));
  g_test_assert_expected_messages ();
  g_assert_cmpuint (rpt_letter_get_n_items (letter, RPT_PART_CONCERNS), ==, 0);

  /* A removed item can come back. */
  g_assert_true (rpt_letter_append_item (letter, RPT_PART_CONCERNS, a));
}

static void
test_letter_finalize_with_items_alive (void)
{
  RptLetter *letter = rpt_letter_new ();
  g_autoptr (RptParagraph) p = rpt_paragraph_new ("kept by someone else");

  rpt_letter_append_item (letter, RPT_PART_QUESTIONS, p);
  g_assert_finalize_object (letter);
  /* No handler of the dead letter may be left on the item. */
  rpt_paragraph_set_text (p, "still fine");
  g_assert_cmpstr (rpt_paragraph_get_text (p), ==, "still fine");
}

static void
test_paragraph (void)
{
  g_autoptr (RptParagraph) p = rpt_paragraph_new ("On 16 July 2024");
  g_autoptr (RptParagraph) copy = NULL;
  g_autoptr (RptPerson) person = rpt_person_new ();
  const char *persons[] = { NULL, NULL };
  Counts counts = { 0 };

  persons[0] = rpt_person_get_id (person);
  g_signal_connect (p, "notify", G_CALLBACK (notify_cb), &counts);
  rpt_paragraph_set_date (p, "2024-07-16");
  rpt_paragraph_set_place (p, "Dushanbe\n");
  rpt_paragraph_set_persons (p, persons);
  rpt_paragraph_set_persons (p, persons);
  rpt_paragraph_set_style (p, RPT_PARAGRAPH_STYLE_BULLET);
  g_assert_cmpuint (counts.notified, ==, 4);
  g_assert_cmpstr (rpt_paragraph_get_place (p), ==, "Dushanbe ");

  copy = rpt_paragraph_duplicate (p);
  g_assert_cmpstr (rpt_paragraph_get_id (copy), !=, rpt_paragraph_get_id (p));
  g_assert_cmpstr (rpt_paragraph_get_text (copy), ==, rpt_paragraph_get_text (p));
  g_assert_cmpstr (rpt_paragraph_get_date (copy), ==, "2024-07-16");
  g_assert_cmpstrv (rpt_paragraph_get_persons (copy), persons);
  g_assert_cmpint (rpt_paragraph_get_style (copy), ==, RPT_PARAGRAPH_STYLE_BULLET);

  /* Text is kept canonical; characters XML cannot hold never get in. */
  rpt_paragraph_set_text (p, "a\x01<i>b</i><i>c</i>");
  g_assert_cmpstr (rpt_paragraph_get_text (p), ==, "a<i>bc</i>");

  /* Invalid values are programming errors and change nothing. */
  g_test_expect_message ("rpt-item", G_LOG_LEVEL_CRITICAL, "*invalid date*");
  rpt_paragraph_set_date (p, "2024-02-30");
  g_test_assert_expected_messages ();
  g_assert_cmpstr (rpt_paragraph_get_date (p), ==, "2024-07-16");
  g_test_expect_message ("rpt-item", G_LOG_LEVEL_CRITICAL, "*invalid paragraph markup*");
  rpt_paragraph_set_text (p, "<b>unclosed");
  g_test_assert_expected_messages ();
  g_assert_cmpstr (rpt_paragraph_get_text (p), ==, "a<i>bc</i>");
}

static void
count_cb (guint *count)
{
  (*count)++;
}

static void
test_items (void)
{
  g_autoptr (RptMandate) m = rpt_mandate_new ();
  g_autoptr (RptSignatory) s = rpt_signatory_new ();
  g_autoptr (RptPerson) p = rpt_person_new ();
  g_autoptr (RptCommunication) c = rpt_communication_new ();
  g_autoptr (RptPerson) p2 = NULL;
  const char *res[] = { "52/4", "52/9", NULL };

  rpt_mandate_set_key (m, "sr-human-rights-defenders");
  rpt_mandate_set_resolutions (m, res);
  g_assert_cmpstrv (rpt_mandate_get_resolutions (m), res);
  g_test_expect_message ("rpt-mandate", G_LOG_LEVEL_CRITICAL, "*resolution_is_valid*");
  rpt_mandate_set_resolutions (m, (const char *[]){ "fifty-two", NULL });
  g_test_assert_expected_messages ();
  g_assert_cmpstrv (rpt_mandate_get_resolutions (m), res);

  rpt_signatory_set_mandate (s, rpt_mandate_get_id (m));
  rpt_signatory_set_name (s, "Mary Lawlor");
  g_assert_cmpstr (rpt_signatory_get_mandate (s), ==, rpt_mandate_get_id (m));
  g_assert_cmpint (rpt_signatory_get_title_form (s), ==, RPT_TITLE_FORM_UNSPECIFIED);
  {
    guint notified = 0;
    g_autoptr (RptSignatory) copy = NULL;

    g_signal_connect_swapped (s, "notify::title-form", G_CALLBACK (count_cb), &notified);
    rpt_signatory_set_title_form (s, RPT_TITLE_FORM_FEMININE);
    rpt_signatory_set_title_form (s, RPT_TITLE_FORM_FEMININE);
    g_assert_cmpuint (notified, ==, 1);
    copy = rpt_signatory_duplicate (s);
    g_assert_cmpint (rpt_signatory_get_title_form (copy), ==, RPT_TITLE_FORM_FEMININE);
    g_assert_cmpstr (rpt_title_form_to_string (RPT_TITLE_FORM_FEMININE), ==, "feminine");
  }

  g_assert_cmpint (rpt_person_get_age (p), ==, -1);
  rpt_person_set_age (p, 31);
  rpt_person_set_gender (p, RPT_GENDER_FEMALE);
  rpt_person_set_deprived_of_liberty (p, TRUE);
  p2 = rpt_person_duplicate (p);
  g_assert_cmpint (rpt_person_get_age (p2), ==, 31);
  g_assert_cmpint (rpt_person_get_gender (p2), ==, RPT_GENDER_FEMALE);
  g_assert_true (rpt_person_get_deprived_of_liberty (p2));

  rpt_communication_set_reference (c, "AL TJK 1/2023");
  rpt_communication_set_date (c, "2023-05-12");
  g_assert_null (rpt_communication_get_reply_date (c));
}

static void
test_letter_deprived_of_liberty (void)
{
  g_autoptr (RptLetter) letter = rpt_letter_new ();
  g_autoptr (RptPerson) p = rpt_person_new ();

  rpt_letter_append_item (letter, RPT_PART_PERSONS, p);
  g_assert_false (rpt_letter_has_person_deprived_of_liberty (letter));
  rpt_person_set_deprived_of_liberty (p, TRUE);
  g_assert_true (rpt_letter_has_person_deprived_of_liberty (letter));
}

static void
test_dates (void)
{
  g_assert_true (rpt_date_is_valid ("2025-04-23"));
  g_assert_true (rpt_date_is_valid ("2024-02-29"));
  g_assert_false (rpt_date_is_valid ("2025-02-29"));
  g_assert_false (rpt_date_is_valid ("2025-4-23"));
  g_assert_false (rpt_date_is_valid ("23 April 2025"));
  g_assert_false (rpt_date_is_valid (NULL));
  g_assert_false (rpt_date_is_valid ("2025-04-23T00"));
}

int
main (int argc, char **argv)
{
  rpt_test_init (&argc, &argv);

  g_test_add_func ("/model/letter/defaults", test_letter_defaults);
  g_test_add_func ("/model/letter/notify", test_letter_notify_on_change_only);
  g_test_add_func ("/model/letter/reference", test_letter_reference);
  g_test_add_func ("/model/letter/parts", test_letter_parts);
  g_test_add_func ("/model/letter/finalize", test_letter_finalize_with_items_alive);
  g_test_add_func ("/model/letter/deprived-of-liberty", test_letter_deprived_of_liberty);
  g_test_add_func ("/model/paragraph", test_paragraph);
  g_test_add_func ("/model/items", test_items);
  g_test_add_func ("/model/dates", test_dates);

  return g_test_run ();
}
