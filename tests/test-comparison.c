/* test-comparison.c
 *
 * Copyright 2026 The Rapporteur authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include <libxml/relaxng.h>
#include <string.h>

#include "rpt-diff.h"
#include "rpt-document-private.h"
#include "rpt-test-util.h"

/* --- the sequence comparison ------------------------------------------ */

/* Every hunk in order, without gaps, equal hunks equal: the old sequence
 * is the equal and deleted elements, the new the equal and inserted. */
static void
assert_hunks_cover (const guint *a, guint n_a, const guint *b, guint n_b, GArray *hunks)
{
  guint ia = 0, ib = 0;

  for (guint h = 0; h < hunks->len; h++)
    {
      const RptDiffHunk *hunk = &g_array_index (hunks, RptDiffHunk, h);

      g_assert_cmpuint (hunk->a_start, ==, ia);
      g_assert_cmpuint (hunk->b_start, ==, ib);
      g_assert_true (hunk->a_len > 0 || hunk->b_len > 0);
      if (hunk->equal)
        {
          g_assert_cmpuint (hunk->a_len, ==, hunk->b_len);
          for (guint k = 0; k < hunk->a_len; k++)
            g_assert_cmpuint (a[ia + k], ==, b[ib + k]);
        }
      if (h > 0)
        /* Neighbours of one kind are merged. */
        g_assert_true (g_array_index (hunks, RptDiffHunk, h - 1).equal != hunk->equal);
      ia += hunk->a_len;
      ib += hunk->b_len;
    }
  g_assert_cmpuint (ia, ==, n_a);
  g_assert_cmpuint (ib, ==, n_b);
}

static guint
count_equal (GArray *hunks)
{
  guint n = 0;

  for (guint h = 0; h < hunks->len; h++)
    if (g_array_index (hunks, RptDiffHunk, h).equal)
      n += g_array_index (hunks, RptDiffHunk, h).a_len;
  return n;
}

static void
test_sequences_cover (void)
{
  /* Small alphabets make every element common, which takes the Myers
   * path; large ones the histogram path; long random runs the cost bound. */
  static const guint alphabets[] = { 2, 3, 8, 1000 };
  static const guint lengths[] = { 0, 1, 5, 60, 400, 6000 };
  g_autoptr (GRand) rand = g_rand_new_with_seed (20261201);

  for (guint x = 0; x < G_N_ELEMENTS (alphabets); x++)
    for (guint y = 0; y < G_N_ELEMENTS (lengths); y++)
      for (guint round = 0; round < 3; round++)
        {
          guint n_a = lengths[y], n_b;
          g_autofree guint *a = g_new (guint, MAX (n_a, 1));
          g_autofree guint *b = NULL;
          g_autoptr (GArray) hunks = NULL;
          GArray *edited = g_array_new (FALSE, FALSE, sizeof (guint));

          for (guint i = 0; i < n_a; i++)
            a[i] = (guint) g_rand_int_range (rand, 0, (gint32) alphabets[x]);
          /* b: a with random edits (or random altogether in round 2). */
          for (guint i = 0; i < n_a; i++)
            {
              guint r = (guint) g_rand_int_range (rand, 0, 10);
              guint v = (guint) g_rand_int_range (rand, 0, (gint32) alphabets[x]);
              if (round == 2)
                g_array_append_val (edited, v);
              else if (r == 0)
                continue;
              else if (r == 1)
                {
                  g_array_append_val (edited, v);
                  g_array_append_val (edited, a[i]);
                }
              else
                g_array_append_val (edited, a[i]);
            }
          n_b = edited->len;
          b = (guint *) g_array_free (edited, FALSE);
          hunks = rpt_diff_sequences (a, n_a, b, n_b, NULL, NULL);
          assert_hunks_cover (a, n_a, b, n_b, hunks);
          if (round < 2 && n_a > 0)
            /* Nine edits in ten keep the element: most must be found. */
            g_assert_cmpuint (count_equal (hunks), >=, n_a / 2);
        }
}

static void
test_sequences_edges (void)
{
  static const guint a[] = { 1, 2, 3, 4, 5 };
  static const guint b[] = { 6, 7 };
  g_autoptr (GArray) same = rpt_diff_sequences (a, 5, a, 5, NULL, NULL);
  g_autoptr (GArray) none = rpt_diff_sequences (a, 5, b, 2, NULL, NULL);
  g_autoptr (GArray) empty = rpt_diff_sequences (a, 0, b, 0, NULL, NULL);

  g_assert_cmpuint (same->len, ==, 1);
  g_assert_true (g_array_index (same, RptDiffHunk, 0).equal);
  g_assert_cmpuint (none->len, ==, 1);
  g_assert_false (g_array_index (none, RptDiffHunk, 0).equal);
  g_assert_cmpuint (empty->len, ==, 0);
}

static void
test_longest_increasing (void)
{
  /* Item 8 moved to the front: the other eight kept their order. */
  static const guint moved[] = { 8, 0, 1, 2, 3, 4, 5, 6, 7 };
  static const guint swapped[] = { 0, 2, 1, 3 };
  guint n;
  g_autofree guint *lis = rpt_diff_longest_increasing (moved, G_N_ELEMENTS (moved), &n);
  g_autofree guint *lis2 = NULL;

  g_assert_cmpuint (n, ==, 8);
  for (guint i = 0; i < n; i++)
    g_assert_cmpuint (lis[i], ==, i + 1);
  lis2 = rpt_diff_longest_increasing (swapped, 4, &n);
  g_assert_cmpuint (n, ==, 3);
}

/* --- words ------------------------------------------------------------ */

/* The segments as "=same|-deleted|+inserted|~format", for compact checks. */
static char *
segments_string (RptTextDiff *diff)
{
  GString *out = g_string_new (NULL);

  for (guint i = 0; i < rpt_text_diff_get_n_segments (diff); i++)
    {
      const RptTextSegment *seg = rpt_text_diff_get_segment (diff, i);
      g_autofree char *text = NULL;
      static const char ops[] = { '=', '-', '+', '~' };

      if (seg->op == RPT_TEXT_DELETED)
        text = rpt_text_diff_dup_text (diff, TRUE, seg->a_start, seg->a_len);
      else
        text = rpt_text_diff_dup_text (diff, FALSE, seg->b_start, seg->b_len);
      if (i > 0)
        g_string_append_c (out, '|');
      g_string_append_c (out, ops[seg->op]);
      g_string_append (out, text);
    }
  return g_string_free (out, FALSE);
}

static char *
diff_string (const char *a, const char *b)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (RptTextDiff) diff = rpt_text_diff_new (a, b, &error);

  g_assert_no_error (error);
  return segments_string (diff);
}

static void
assert_diff (const char *a, const char *b, const char *expected)
{
  g_autofree char *got = diff_string (a, b);
  g_assert_cmpstr (got, ==, expected);
}

static void
test_words_replaced (void)
{
  assert_diff ("involvement in a project by an independent group",
               "involvement in a study by an independent group",
               "=involvement in a |-project|+study|= by an independent group");
  /* Neighbouring words replaced read as one change, not word by word. */
  assert_diff ("she was apprehended outside her home", "she was arrested near her home",
               "=she was |-apprehended outside|+arrested near|= her home");
}

static void
test_words_inserted_deleted (void)
{
  assert_diff ("the alleged sentencing of", "the alleged conviction and sentencing of",
               "=the alleged |+conviction and |=sentencing of");
  assert_diff ("may, in reality, be linked", "may in reality be linked",
               "=may|-,|= in reality|-,|= be linked");
  assert_diff ("", "", "");
  assert_diff ("", "New text.", "+New text.");
  assert_diff ("Old text.", "", "-Old text.");
}

static void
test_punctuation_is_a_token (void)
{
  assert_diff ("sentenced to prison.", "sentenced to prison;", "=sentenced to prison|-.|+;");
  assert_diff ("article 19(3) of the ICCPR", "article 19(2) of the ICCPR",
               "=article 19(|-3|+2|=) of the ICCPR");
}

static void
test_format_only (void)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (RptTextDiff) diff = rpt_text_diff_new ("include, <i>inter alia</i>, journalism",
                                                    "include, inter alia, journalism", &error);
  g_autoptr (RptTextDiff) link = NULL;
  g_autoptr (RptTextDiff) same = NULL;
  const RptTextSegment *seg;

  g_assert_no_error (error);
  g_assert_false (rpt_text_diff_is_equal (diff));
  g_assert_false (rpt_text_diff_has_text_changes (diff));
  g_assert_cmpuint (rpt_text_diff_get_n_segments (diff), ==, 3);
  seg = rpt_text_diff_get_segment (diff, 1);
  g_assert_cmpint (seg->op, ==, RPT_TEXT_FORMAT);
  {
    g_autofree char *words = rpt_text_diff_dup_text (diff, FALSE, seg->b_start, seg->b_len);
    g_assert_cmpstr (words, ==, "inter alia");
  }

  link = rpt_text_diff_new ("see the <a href=\"https://a.example/\">website</a>",
                            "see the <a href=\"https://b.example/\">website</a>", &error);
  g_assert_no_error (error);
  g_assert_false (rpt_text_diff_has_text_changes (link));
  g_assert_cmpint (rpt_text_diff_get_segment (link, 1)->op, ==, RPT_TEXT_FORMAT);

  same = rpt_text_diff_new ("<b>Ms. Khakimova</b>", "<b>Ms. Khakimova</b>", &error);
  g_assert_no_error (error);
  g_assert_true (rpt_text_diff_is_equal (same));
}

/* No token starts inside a grapheme cluster: not with a combining mark, a
 * joiner, a variation selector or a skin tone. */
static void
assert_whole_clusters (GPtrArray *tokens)
{
  for (guint i = 0; i < tokens->len; i++)
    {
      const RptToken *t = g_ptr_array_index (tokens, i);
      gunichar c;

      g_assert_true (g_utf8_validate (t->text, -1, NULL));
      if (t->kind == RPT_TOKEN_NOTE || t->kind == RPT_TOKEN_TREATY_STATUS)
        continue;
      c = g_utf8_get_char (t->text);
      g_assert_false (g_unichar_type (c) == G_UNICODE_NON_SPACING_MARK);
      g_assert_false (g_unichar_type (c) == G_UNICODE_SPACING_MARK);
      g_assert_cmpuint (c, !=, 0x200D);
      g_assert_false (c >= 0xFE00 && c <= 0xFE0F);
      g_assert_false (c >= 0x1F3FB && c <= 0x1F3FF);
    }
}

static void
test_unicode (void)
{
  /* Decomposed accents: the word is one token with its marks. */
  assert_diff ("Cafe\xcc\x81 noir", "Cafe\xcc\x80 noir", "-Cafe\xcc\x81|+Cafe\xcc\x80|= noir");
  /* An emoji family (joined by U+200D) and a flag are one token each. */
  assert_diff ("x \xf0\x9f\x91\xa8\xe2\x80\x8d\xf0\x9f\x91\xa9\xe2\x80\x8d\xf0\x9f\x91\xa7 y",
               "x \xf0\x9f\x91\xa8\xe2\x80\x8d\xf0\x9f\x91\xa9\xe2\x80\x8d\xf0\x9f\x91\xa6 y",
               "=x |-\xf0\x9f\x91\xa8\xe2\x80\x8d\xf0\x9f\x91\xa9\xe2\x80\x8d\xf0\x9f\x91\xa7|"
               "+\xf0\x9f\x91\xa8\xe2\x80\x8d\xf0\x9f\x91\xa9\xe2\x80\x8d\xf0\x9f\x91\xa6|= y");
  assert_diff ("\xf0\x9f\x87\xab\xf0\x9f\x87\xb7!", "\xf0\x9f\x87\xaa\xf0\x9f\x87\xb8!",
               "-\xf0\x9f\x87\xab\xf0\x9f\x87\xb7|+\xf0\x9f\x87\xaa\xf0\x9f\x87\xb8|=!");
  /* A skin tone stays with its hand. */
  assert_diff ("\xf0\x9f\x91\x8b\xf0\x9f\x8f\xbd", "\xf0\x9f\x91\x8b\xf0\x9f\x8f\xbf",
               "-\xf0\x9f\x91\x8b\xf0\x9f\x8f\xbd|+\xf0\x9f\x91\x8b\xf0\x9f\x8f\xbf");
  /* Arabic words with a right-to-left mark: words as in any script. */
  assert_diff (
    "\xd9\x82\xd8\xa7\xd9\x84 \xe2\x80\x8f\xd8\xa7\xd9\x84\xd9\x85\xd8\xad\xd9\x83\xd9\x85\xd8\xa9",
    "\xd9\x82\xd8\xa7\xd9\x84 \xe2\x80\x8f\xd8\xa7\xd9\x84\xd9\x82\xd8\xa7\xd8\xb6\xd9\x8a",
    "=\xd9\x82\xd8\xa7\xd9\x84 \xe2\x80\x8f|-\xd8\xa7\xd9\x84\xd9\x85\xd8\xad\xd9\x83\xd9\x85"
    "\xd8\xa9|+\xd8\xa7\xd9\x84\xd9\x82\xd8\xa7\xd8\xb6\xd9\x8a");
  /* Chinese has no spaces: each character is a word. */
  assert_diff (
    "\xe4\xb8\xad\xe5\x8d\x8e\xe4\xba\xba\xe6\xb0\x91\xe5\x85\xb1\xe5\x92\x8c\xe5\x9b\xbd",
    "\xe4\xb8\xad\xe5\x8d\x8e\xe6\xb0\x91\xe5\x9b\xbd",
    "=\xe4\xb8\xad\xe5\x8d\x8e|-\xe4\xba\xba|=\xe6\xb0\x91|-\xe5\x85\xb1\xe5\x92\x8c|="
    "\xe5\x9b\xbd");

  {
    g_autoptr (GError) error = NULL;
    g_autoptr (GPtrArray) tokens = rpt_tokenize_markup (
      "e\xcc\x81\xcc\x82t\xc3\xa9 \xf0\x9f\x91\x8d\xf0\x9f\x8f\xbb \xe2\x9d\xa4"
      "\xef\xb8\x8f \xd9\x84\xd8\xa7 \xe2\x80\x8f! \xf0\x9f\x8f\xb3\xef\xb8\x8f"
      "\xe2\x80\x8d\xf0\x9f\x8c\x88",
      &error);
    g_assert_no_error (error);
    assert_whole_clusters (tokens);
  }
}

static void
test_notes_and_treaty_status (void)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (RptTextDiff) diff =
    rpt_text_diff_new ("Law No. 5<note>Adopted on 1 May.</note> applies.",
                       "Law No. 5<note>Adopted on 2 May.</note> applies.", &error);
  g_autoptr (GPtrArray) tokens = NULL;
  g_autofree char *markup = NULL;

  g_assert_no_error (error);
  /* A footnote is one token: changed, it is replaced whole. */
  {
    g_autofree char *s = segments_string (diff);
    g_assert_cmpstr (s, ==, "=Law No. 5|-|+|= applies.");
  }
  g_assert_cmpint (rpt_text_diff_get_segment (diff, 1)->op, ==, RPT_TEXT_DELETED);
  g_assert_cmpint (rpt_text_diff_get_segment (diff, 2)->op, ==, RPT_TEXT_INSERTED);

  /* Tokens give back the markup they came from. */
  tokens = rpt_tokenize_markup (
    "the <b>ICCPR</b>, <treaty-status instrument=\"ICCPR\"/>.<note>See <i>Id.</i></note>", &error);
  g_assert_no_error (error);
  markup = rpt_tokens_dup_markup (tokens, 0, tokens->len);
  g_assert_cmpstr (markup, ==,
                   "the <b>ICCPR</b>, <treaty-status instrument=\"ICCPR\"/>.<note>See "
                   "<i>Id.</i></note>");
}

static void
test_long_paragraph (void)
{
  /* A megabyte paragraph with one word changed near its end. */
  GString *a = g_string_new (NULL);
  g_autofree char *b = NULL;
  g_autoptr (GError) error = NULL;
  g_autoptr (RptTextDiff) diff = NULL;
  guint deleted, inserted, reformatted;

  for (guint i = 0; a->len < 1024 * 1024; i++)
    g_string_append_printf (a, "word%u and the same again, ", i % 5000);
  g_string_append (a, "the verdict was upheld.");
  b = g_strdup (a->str);
  memcpy (strstr (b, "upheld"), "quashd", 6);
  diff = rpt_text_diff_new (a->str, b, &error);
  g_assert_no_error (error);
  rpt_text_diff_count_words (diff, &deleted, &inserted, &reformatted);
  g_assert_cmpuint (deleted, ==, 1);
  g_assert_cmpuint (inserted, ==, 1);
  g_assert_cmpuint (reformatted, ==, 0);
  g_string_free (a, TRUE);
}

/* --- letters ------------------------------------------------------------ */

static RptLetter *
copy_letter (RptLetter *letter)
{
  g_autoptr (GError) error = NULL;
  gsize length;
  g_autofree char *xml = rpt_letter_to_xml (letter, &length);
  RptLetter *copy = rpt_letter_new_from_xml (xml, (gssize) length, "copy.xml", &error);

  g_assert_no_error (error);
  return copy;
}

static RptComparison *
compare (RptLetter *a, RptLetter *b)
{
  g_autoptr (GError) error = NULL;
  RptComparison *comparison = rpt_comparison_new (a, b, NULL, &error);

  g_assert_no_error (error);
  return comparison;
}

static const RptItemChange *
only_change (RptComparison *comparison, RptPart part)
{
  GPtrArray *changes = rpt_comparison_get_changes (comparison, part);

  g_assert_cmpuint (changes->len, ==, 1);
  return g_ptr_array_index (changes, 0);
}

static void
test_identical (void)
{
  g_autoptr (RptLetter) a = rpt_test_load_letter ("sample");
  g_autoptr (RptLetter) b = rpt_test_load_letter ("sample");
  g_autoptr (RptComparison) comparison = compare (a, b);
  g_autofree char *summary = rpt_comparison_dup_summary (comparison);
  g_autofree char *text = rpt_comparison_to_text (comparison, FALSE);

  g_assert_true (rpt_comparison_is_equal (comparison));
  g_assert_cmpuint (rpt_comparison_get_n_changes (comparison), ==, 0);
  g_assert_cmpstr (summary, ==, "No changes");
  g_assert_nonnull (strstr (text, "Summary: No changes"));
}

static void
test_empty (void)
{
  g_autoptr (RptLetter) a = rpt_letter_new ();
  g_autoptr (RptLetter) b = rpt_letter_new ();
  g_autoptr (RptLetter) sample = rpt_test_load_letter ("sample");
  g_autoptr (RptComparison) same = compare (a, b);
  g_autoptr (RptComparison) all = compare (a, sample);
  g_autoptr (RptComparison) none = compare (sample, a);

  /* Two empty letters have nothing to tell apart but their ids. */
  g_assert_true (rpt_comparison_is_equal (same));
  for (guint p = 0; p < RPT_N_PARTS; p++)
    {
      guint n = rpt_letter_get_n_items (sample, p);
      g_assert_cmpuint (rpt_comparison_count (all, p, RPT_CHANGE_ADDED), ==, n);
      g_assert_cmpuint (rpt_comparison_count (none, p, RPT_CHANGE_REMOVED), ==, n);
      g_assert_cmpuint (rpt_comparison_get_changes (all, p)->len, ==, n);
    }
}

static void
test_move (void)
{
  g_autoptr (RptLetter) a = rpt_test_load_letter ("sample");
  g_autoptr (RptLetter) b = copy_letter (a);
  g_autoptr (RptComparison) comparison = NULL;
  const RptItemChange *change;
  guint n = rpt_letter_get_n_items (a, RPT_PART_FACTS);

  rpt_letter_move_item (b, RPT_PART_FACTS, n - 1, 0);
  comparison = compare (a, b);
  /* One change, a move: not a deletion and an insertion. */
  g_assert_cmpuint (rpt_comparison_get_n_changes (comparison), ==, 1);
  change = only_change (comparison, RPT_PART_FACTS);
  g_assert_cmpint (change->kind, ==, RPT_CHANGE_MOVED);
  g_assert_cmpint (change->old_position, ==, (int) n - 1);
  g_assert_cmpint (change->new_position, ==, 0);
  g_assert_null (change->text);
  g_assert_cmpstr (change->id, ==,
                   rpt_paragraph_get_id (rpt_letter_get_item (a, RPT_PART_FACTS, n - 1)));
}

static void
test_move_and_edit (void)
{
  g_autoptr (RptLetter) a = rpt_test_load_letter ("sample");
  g_autoptr (RptLetter) b = copy_letter (a);
  g_autoptr (RptComparison) comparison = NULL;
  const RptItemChange *change;
  RptParagraph *q;

  rpt_letter_move_item (b, RPT_PART_QUESTIONS, 0, 3);
  q = rpt_letter_get_item (b, RPT_PART_QUESTIONS, 3);
  rpt_paragraph_set_text (q, "Please provide any additional information you may have.");
  comparison = compare (a, b);
  change = only_change (comparison, RPT_PART_QUESTIONS);
  g_assert_cmpint (change->kind, ==, RPT_CHANGE_EDITED_MOVED);
  g_assert_cmpint (change->old_position, ==, 0);
  g_assert_cmpint (change->new_position, ==, 3);
  g_assert_nonnull (change->text);
  g_assert_true (rpt_text_diff_has_text_changes (change->text));
}

static void
test_added_removed (void)
{
  g_autoptr (RptLetter) a = rpt_test_load_letter ("sample");
  g_autoptr (RptLetter) b = copy_letter (a);
  g_autoptr (RptComparison) comparison = NULL;
  g_autoptr (RptParagraph) added = rpt_paragraph_new ("A new concern.");
  GPtrArray *changes;
  const RptItemChange *first, *second;

  rpt_letter_remove_item (b, RPT_PART_CONCERNS, 2);
  rpt_letter_insert_item (b, RPT_PART_CONCERNS, 4, added);
  comparison = compare (a, b);
  changes = rpt_comparison_get_changes (comparison, RPT_PART_CONCERNS);
  g_assert_cmpuint (changes->len, ==, 2);
  /* In reading order: the removed third, then the new fifth. */
  first = g_ptr_array_index (changes, 0);
  second = g_ptr_array_index (changes, 1);
  g_assert_cmpint (first->kind, ==, RPT_CHANGE_REMOVED);
  g_assert_cmpint (first->old_position, ==, 2);
  g_assert_cmpint (first->new_position, ==, -1);
  g_assert_cmpstr (first->label, ==, "Former concern 3");
  g_assert_cmpint (second->kind, ==, RPT_CHANGE_ADDED);
  g_assert_cmpint (second->new_position, ==, 4);
  g_assert_cmpstr (second->label, ==, "Concern 5");
  /* Nothing else moved: the others kept their order. */
  g_assert_cmpuint (rpt_comparison_count (comparison, RPT_PART_CONCERNS, RPT_CHANGE_MOVED), ==, 0);
}

static void
test_split_and_join (void)
{
  g_autoptr (RptLetter) a = rpt_test_load_letter ("sample");
  g_autoptr (RptLetter) split = copy_letter (a);
  g_autoptr (RptLetter) joined = copy_letter (a);
  g_autoptr (RptComparison) c1 = NULL;
  g_autoptr (RptComparison) c2 = NULL;
  RptParagraph *fact = rpt_letter_get_item (split, RPT_PART_FACTS, 5);
  const char *text = rpt_paragraph_get_text (fact);
  const char *cut = strstr (text, " Two of the respondents");
  g_autofree char *head = g_strndup (text, (gsize) (cut - text));
  g_autoptr (RptParagraph) tail = rpt_paragraph_new (cut + 1);
  const RptItemChange *change;
  GPtrArray *changes;

  /* Split: the sixth fact's last sentences become a fact of their own. */
  rpt_paragraph_set_text (fact, head);
  rpt_letter_insert_item (split, RPT_PART_FACTS, 6, tail);
  c1 = compare (a, split);
  changes = rpt_comparison_get_changes (c1, RPT_PART_FACTS);
  g_assert_cmpuint (changes->len, ==, 2);
  change = g_ptr_array_index (changes, 1);
  g_assert_cmpint (change->kind, ==, RPT_CHANGE_ADDED);
  g_assert_cmpstr (change->split_from, ==, rpt_paragraph_get_id (fact));

  /* Join: the eighth fact appended to the seventh. */
  {
    RptParagraph *seventh = rpt_letter_get_item (joined, RPT_PART_FACTS, 6);
    RptParagraph *eighth = rpt_letter_get_item (joined, RPT_PART_FACTS, 7);
    g_autofree char *both =
      g_strconcat (rpt_paragraph_get_text (seventh), " ", rpt_paragraph_get_text (eighth), NULL);
    g_autofree char *eighth_id = g_strdup (rpt_paragraph_get_id (eighth));

    rpt_paragraph_set_text (seventh, both);
    rpt_letter_remove_item (joined, RPT_PART_FACTS, 7);
    c2 = compare (a, joined);
    change = rpt_comparison_find_change (c2, eighth_id);
    g_assert_nonnull (change);
    g_assert_cmpint (change->kind, ==, RPT_CHANGE_REMOVED);
    g_assert_cmpstr (change->joined_into, ==, rpt_paragraph_get_id (seventh));
  }
}

static void
test_mandates (void)
{
  g_autoptr (RptLetter) a = rpt_test_load_letter ("sample");
  g_autoptr (RptLetter) b = copy_letter (a);
  g_autoptr (RptMandate) torture = rpt_mandate_new ();
  g_autoptr (RptComparison) comparison = NULL;
  GPtrArray *changes;
  const RptItemChange *change;

  /* The two mandates change places, and a third joins. */
  rpt_letter_move_item (b, RPT_PART_MANDATES, 1, 0);
  rpt_mandate_set_key (torture, "sr-torture");
  rpt_letter_append_item (b, RPT_PART_MANDATES, torture);
  comparison = compare (a, b);
  changes = rpt_comparison_get_changes (comparison, RPT_PART_MANDATES);
  g_assert_cmpuint (changes->len, ==, 2);
  change = g_ptr_array_index (changes, 0);
  g_assert_cmpint (change->kind, ==, RPT_CHANGE_MOVED);
  change = g_ptr_array_index (changes, 1);
  g_assert_cmpint (change->kind, ==, RPT_CHANGE_ADDED);
  g_assert_nonnull (strstr (change->label, "torture"));
  /* An added mandate says which mandate it is. */
  g_assert_cmpuint (change->fields->len, ==, 1);
  g_assert_cmpstr (((RptFieldChange *) g_ptr_array_index (change->fields, 0))->name, ==, "key");
}

static const RptFieldChange *
find_field (GPtrArray *fields, const char *name)
{
  for (guint i = 0; i < fields->len; i++)
    if (g_str_equal (((RptFieldChange *) g_ptr_array_index (fields, i))->name, name))
      return g_ptr_array_index (fields, i);
  g_error ("no change to the field %s", name);
}

static void
test_fields (void)
{
  g_autoptr (RptLetter) a = rpt_test_load_letter ("sample");
  g_autoptr (RptLetter) b = copy_letter (a);
  g_autoptr (RptComparison) comparison = NULL;
  const RptFieldChange *field;
  const RptItemChange *change;

  rpt_letter_set_date (b, "2025-04-24");
  rpt_letter_set_kind (b, RPT_LETTER_KIND_UA);
  rpt_letter_set_reference_number (b, 2);
  rpt_person_set_age (rpt_letter_get_item (b, RPT_PART_PERSONS, 0), 32);
  rpt_communication_set_reply_date (rpt_letter_get_item (b, RPT_PART_COMMUNICATIONS, 0),
                                    "2023-06-01");
  comparison = compare (a, b);

  field = find_field (rpt_comparison_get_fields (comparison), "date");
  g_assert_nonnull (field);
  g_assert_cmpstr (field->old_value, ==, "23 April 2025");
  g_assert_cmpstr (field->new_value, ==, "24 April 2025");
  g_assert_cmpstr (field->old_raw, ==, "2025-04-23");
  field = find_field (rpt_comparison_get_fields (comparison), "kind");
  g_assert_cmpstr (field->old_raw, ==, "AL");
  g_assert_cmpstr (field->new_raw, ==, "UA");
  field = find_field (rpt_comparison_get_fields (comparison), "reference");
  g_assert_cmpstr (field->old_value, ==, "AL TJK 1/2025");
  g_assert_cmpstr (field->new_value, ==, "UA TJK 2/2025");

  change = only_change (comparison, RPT_PART_PERSONS);
  g_assert_cmpint (change->kind, ==, RPT_CHANGE_EDITED);
  field = find_field (change->fields, "age");
  g_assert_cmpstr (field->old_value, ==, "31");
  g_assert_cmpstr (field->new_value, ==, "32");
  change = only_change (comparison, RPT_PART_COMMUNICATIONS);
  field = find_field (change->fields, "reply-date");
  g_assert_null (field->old_value);
  g_assert_cmpstr (field->new_value, ==, "1 June 2023");
}

/* The fields of issue 10 show in a comparison, each under its name, with
 * the words of the markup ones compared. */
static void
test_wording_fields (void)
{
  g_autoptr (RptLetter) a = rpt_test_load_letter ("sample");
  g_autoptr (RptLetter) b = copy_letter (a);
  g_autoptr (RptComparison) comparison = NULL;
  GPtrArray *fields;
  const RptFieldChange *field;
  const RptItemChange *change;
  RptCommunication *c = rpt_letter_get_item (b, RPT_PART_COMMUNICATIONS, 2);

  rpt_letter_set_summary_article (b, RPT_SUMMARY_ARTICLE_NONE);
  rpt_letter_set_facts_lead (b, RPT_FACTS_LEAD_NEW_INFORMATION);
  rpt_letter_set_communications_place (b, RPT_COMMUNICATIONS_PLACE_AFTER_FACTS);
  rpt_letter_set_co_senders (b, "the Inter-American Commission on Human Rights");
  rpt_letter_set_house_style (b, "2015");
  rpt_communication_set_sender (c, RPT_COMMUNICATION_SENDER_OTHERS);
  rpt_communication_set_reply (c, RPT_REPLY_PARTIAL);
  rpt_communication_set_sentence (c, "We recall this communication.");
  comparison = compare (a, b);

  fields = rpt_comparison_get_fields (comparison);
  g_assert_cmpuint (fields->len, ==, 5);
  field = find_field (fields, "summary-article");
  g_assert_cmpstr (field->label, ==, "Before the subject");
  g_assert_cmpstr (field->old_value, ==, "the usual article");
  g_assert_cmpstr (field->new_raw, ==, "none");
  field = find_field (fields, "facts-lead");
  g_assert_cmpstr (field->new_value, ==, "“According to the new information received:”");
  g_assert_cmpstr (find_field (fields, "communications-place")->new_raw, ==, "after-facts");
  g_assert_nonnull (find_field (fields, "co-senders")->text);
  field = find_field (fields, "house-style");
  g_assert_null (field->old_value);
  g_assert_cmpstr (field->new_value, ==, "2015");

  change = only_change (comparison, RPT_PART_COMMUNICATIONS);
  g_assert_cmpint (change->kind, ==, RPT_CHANGE_EDITED);
  g_assert_cmpuint (change->fields->len, ==, 3);
  g_assert_cmpstr (find_field (change->fields, "sender")->new_value, ==, "other mandate holders");
  g_assert_cmpstr (find_field (change->fields, "reply")->new_value, ==,
                   "received, concerns remain");
  g_assert_nonnull (find_field (change->fields, "sentence")->text);
}

/* The sample against the same letter after a review: twenty-two edits
 * (tests/data/make-reviewed-sample.py), each found for what it is. */
static void
test_reviewed_sample (void)
{
  g_autoptr (RptLetter) a = rpt_test_load_letter ("sample");
  g_autoptr (RptLetter) b = rpt_test_load_letter ("AL-TJK-1-2025-reviewed.xml");
  g_autoptr (RptComparison) comparison = compare (a, b);
  GPtrArray *fields = rpt_comparison_get_fields (comparison);
  const RptItemChange *change;
  g_autofree char *text = NULL;
  g_autofree char *summary = NULL;

  /* 1-3: date, subject, press release */
  g_assert_cmpuint (fields->len, ==, 3);
  g_assert_nonnull (find_field (fields, "date"));
  g_assert_nonnull (find_field (fields, "summary")->text);
  g_assert_cmpstr (find_field (fields, "press-release")->new_raw, ==, "false");
  /* 4-5: a mandate and its signatory */
  g_assert_cmpint (only_change (comparison, RPT_PART_MANDATES)->kind, ==, RPT_CHANGE_ADDED);
  g_assert_cmpint (only_change (comparison, RPT_PART_SIGNATORIES)->kind, ==, RPT_CHANGE_ADDED);
  /* 6-7: the person's age and occupation */
  change = only_change (comparison, RPT_PART_PERSONS);
  g_assert_cmpuint (change->fields->len, ==, 2);
  /* 8: the profile */
  g_assert_cmpint (only_change (comparison, RPT_PART_PROFILE)->kind, ==, RPT_CHANGE_EDITED);
  /* 9-14: facts */
  g_assert_cmpuint (rpt_comparison_count (comparison, RPT_PART_FACTS, RPT_CHANGE_REMOVED), ==, 1);
  g_assert_cmpuint (rpt_comparison_count (comparison, RPT_PART_FACTS, RPT_CHANGE_MOVED), ==, 1);
  g_assert_cmpuint (rpt_comparison_count (comparison, RPT_PART_FACTS, RPT_CHANGE_EDITED_MOVED), ==,
                    1);
  g_assert_cmpuint (rpt_comparison_count (comparison, RPT_PART_FACTS, RPT_CHANGE_EDITED), ==, 2);
  g_assert_cmpuint (rpt_comparison_count (comparison, RPT_PART_FACTS, RPT_CHANGE_ADDED), ==, 1);
  change = rpt_comparison_find_change (comparison, "8b70df72-7b7c-5ea7-980e-f5c7bb02df4a");
  g_assert_cmpint (change->kind, ==, RPT_CHANGE_MOVED);
  g_assert_cmpint (change->old_position, ==, 8);
  g_assert_cmpint (change->new_position, ==, 0);
  change = rpt_comparison_find_change (comparison, "57b3bbe1-7b9c-5ef3-a812-950d0340bb15");
  {
    g_autofree char *s = segments_string (change->text);
    g_assert_nonnull (strstr (s, "|-project|+study|"));
  }
  /* 15-17: a concern split in two, another edited */
  change = rpt_comparison_find_change (comparison, "6a7b8c9d-0e1f-4a2b-9c3d-4e5f6a7b8c9d");
  g_assert_cmpint (change->kind, ==, RPT_CHANGE_ADDED);
  g_assert_cmpstr (change->split_from, ==, "a6ae3016-f521-56bf-a677-1aac29049a96");
  g_assert_cmpuint (rpt_comparison_count (comparison, RPT_PART_CONCERNS, RPT_CHANGE_EDITED), ==, 2);
  /* 18-20: questions */
  change = rpt_comparison_find_change (comparison, "829a71b8-7642-57ec-97ee-390311a5137f");
  g_assert_cmpint (change->kind, ==, RPT_CHANGE_MOVED);
  g_assert_cmpuint (rpt_comparison_count (comparison, RPT_PART_QUESTIONS, RPT_CHANGE_EDITED), ==,
                    1);
  g_assert_cmpuint (rpt_comparison_count (comparison, RPT_PART_QUESTIONS, RPT_CHANGE_ADDED), ==, 1);
  /* 21-22: formatting only, in the annex */
  g_assert_cmpuint (rpt_comparison_get_changes (comparison, RPT_PART_ANNEX)->len, ==, 2);
  for (guint i = 0; i < 2; i++)
    {
      change = g_ptr_array_index (rpt_comparison_get_changes (comparison, RPT_PART_ANNEX), i);
      g_assert_false (rpt_text_diff_has_text_changes (change->text));
    }
  /* Nothing else. */
  g_assert_cmpuint (rpt_comparison_get_n_changes (comparison), ==,
                    3 + 1 + 1 + 1 + 1 + 6 + 3 + 3 + 2);

  summary = rpt_comparison_dup_summary (comparison);
  g_assert_nonnull (strstr (summary, "2 facts moved"));
  g_assert_nonnull (strstr (summary, "1 fact removed"));
  g_assert_nonnull (strstr (summary, "changed: Date, Subject, Press release"));

  text = rpt_comparison_to_text (comparison, FALSE);
  g_assert_nonnull (strstr (text, "Date: 23 April 2025 → 24 April 2025\n"));
  g_assert_nonnull (strstr (text, "  Fact 1 (moved from 9 to 1)\n"));
  g_assert_nonnull (strstr (text, "  Fact 3 (edited, moved from 8 to 3)\n"));
  g_assert_nonnull (strstr (text, "  Former fact 3 (removed)\n"));
  g_assert_nonnull (strstr (text, "a [-project-]{+study+} by"));
  g_assert_nonnull (strstr (text, "  Concern 3 (added, split from Concern 2)\n"));
  g_assert_nonnull (strstr (text, "[~inter alia~ (italic removed)]"));
  g_assert_nonnull (strstr (text, "[~\"provided by law\"~ (bold added)]"));
  g_assert_null (strchr (text, '\033'));
}

static void
test_text_colour (void)
{
  g_autoptr (RptLetter) a = rpt_test_load_letter ("sample");
  g_autoptr (RptLetter) b = copy_letter (a);
  g_autoptr (RptComparison) comparison = NULL;
  g_autofree char *text = NULL;

  rpt_paragraph_set_text (rpt_letter_get_item (b, RPT_PART_QUESTIONS, 0), "Please reply.");
  comparison = compare (a, b);
  text = rpt_comparison_to_text (comparison, TRUE);
  /* Colour, and the markers still there for readers who cannot see it. */
  g_assert_nonnull (strstr (text, "\033[31m[-"));
  g_assert_nonnull (strstr (text, "\033[32m{+"));
}

static void
validate_comparison_xml (GBytes *bytes)
{
  g_autofree char *schema_path = rpt_test_source_path ("data", "schemas", "comparison.rng", NULL);
  xmlRelaxNGParserCtxt *parser = xmlRelaxNGNewParserCtxt (schema_path);
  xmlRelaxNG *schema = xmlRelaxNGParse (parser);
  xmlRelaxNGValidCtxt *valid = xmlRelaxNGNewValidCtxt (schema);
  gsize length;
  const char *data = g_bytes_get_data (bytes, &length);
  xmlDoc *doc = rpt_test_parse_xml (data, length);

  g_assert_nonnull (schema);
  g_assert_nonnull (doc);
  g_assert_cmpint (xmlRelaxNGValidateDoc (valid, doc), ==, 0);
  xmlFreeDoc (doc);
  xmlRelaxNGFreeValidCtxt (valid);
  xmlRelaxNGFree (schema);
  xmlRelaxNGFreeParserCtxt (parser);
}

static void
test_xml (void)
{
  g_autoptr (RptLetter) a = rpt_test_load_letter ("sample");
  g_autoptr (RptLetter) b = rpt_test_load_letter ("AL-TJK-1-2025-reviewed.xml");
  g_autoptr (RptLetter) hostile = copy_letter (a);
  g_autoptr (RptComparison) reviewed = compare (a, b);
  g_autoptr (RptComparison) same = compare (a, a);
  g_autoptr (RptComparison) bad = NULL;
  g_autoptr (GBytes) xml = rpt_comparison_to_xml (reviewed);
  g_autoptr (GBytes) xml_same = rpt_comparison_to_xml (same);
  g_autoptr (GBytes) xml_bad = NULL;
  const char *data;

  validate_comparison_xml (xml);
  validate_comparison_xml (xml_same);
  data = g_bytes_get_data (xml, NULL);
  g_assert_nonnull (strstr (data, "<item id=\"8b70df72-7b7c-5ea7-980e-f5c7bb02df4a\" "
                                  "change=\"moved\" old-position=\"9\" new-position=\"1\""));
  g_assert_nonnull (strstr (data, "<deleted>project</deleted><inserted>study</inserted>"));
  g_assert_nonnull (strstr (g_bytes_get_data (xml_same, NULL), "equal=\"true\""));

  /* Hostile text stays well-formed and whole. */
  rpt_paragraph_set_text (rpt_letter_get_item (hostile, RPT_PART_FACTS, 0),
                          "a &lt; b &amp;&amp; c ]]&gt; \"q\" \xe2\x80\x8f\xd8\xb9\xd8\xb1\xd8\xa8"
                          "\xd9\x8a\xe2\x80\x8e x\ty");
  rpt_letter_set_summary (hostile, "<b>bold</b> &lt;script&gt;");
  bad = compare (a, hostile);
  xml_bad = rpt_comparison_to_xml (bad);
  validate_comparison_xml (xml_bad);
  data = g_bytes_get_data (xml_bad, NULL);
  g_assert_nonnull (strstr (data, "&amp;&amp;"));
  g_assert_nonnull (strstr (data, "]]&gt;"));
  g_assert_nonnull (strstr (data, "&lt;script&gt;"));
}

/* --- the redline ------------------------------------------------------- */

static RptRedline *
redline_for (RptLetter *a, RptLetter *b)
{
  g_autoptr (RptComparison) comparison = compare (a, b);
  g_autoptr (GError) error = NULL;
  g_autoptr (GDateTime) when = g_date_time_new_utc (2025, 4, 24, 9, 30, 0);
  RptRedline *redline;

  rpt_comparison_set_labels (comparison, "version 1", "version 2");
  rpt_comparison_set_author (comparison, "B. Reviewer", when);
  redline = rpt_redline_new (comparison, NULL, NULL, &error);
  g_assert_no_error (error);
  return redline;
}

static guint
count_substrings (const char *haystack, const char *needle)
{
  guint n = 0;

  for (const char *p = strstr (haystack, needle); p != NULL; p = strstr (p + 1, needle))
    n++;
  return n;
}

static void
test_redline_tracked (void)
{
  g_autoptr (RptLetter) a = rpt_test_load_letter ("sample");
  g_autoptr (RptLetter) b = rpt_test_load_letter ("AL-TJK-1-2025-reviewed.xml");
  g_autoptr (RptRedline) redline = redline_for (a, b);
  g_autoptr (RptRedline) none = redline_for (a, a);
  g_autofree char *xml = rpt_redline_dup_tracked_xml (redline, NULL);
  g_autofree char *plain = rpt_redline_dup_tracked_xml (none, NULL);
  g_autofree char *dir = rpt_test_make_tmpdir ();
  g_autofree char *path = g_build_filename (dir, "redline.odt", NULL);
  g_autoptr (GError) error = NULL;
  g_autoptr (GBytes) odt = rpt_redline_build_odt (redline, &error);

  g_assert_no_error (error);
  g_assert_nonnull (strstr (xml, "<text:tracked-changes>"));
  g_assert_nonnull (strstr (xml, "<dc:creator>B. Reviewer</dc:creator>"));
  g_assert_nonnull (strstr (xml, "<dc:date>2025-04-24T09:30:00</dc:date>"));
  /* Every change mark has its region, and every region its marks. */
  g_assert_cmpuint (count_substrings (xml, "<text:changed-region "), ==,
                    count_substrings (xml, "<text:change text:change-id=") +
                      count_substrings (xml, "<text:change-start "));
  g_assert_cmpuint (count_substrings (xml, "<text:change-start "), ==,
                    count_substrings (xml, "<text:change-end "));
  g_assert_cmpuint (count_substrings (xml, "<text:format-change>"), ==, 2);
  g_assert_nonnull (strstr (xml, "moved here from 9"));
  /* The same letter twice: no tracked changes at all. */
  g_assert_null (strstr (plain, "tracked-changes"));

  g_assert_true (
    g_file_set_contents (path, g_bytes_get_data (odt, NULL), g_bytes_get_size (odt), NULL));
  rpt_test_validate_odf (path);
  rpt_test_rm_rf (dir);
}

static void
test_redline_display (void)
{
  g_autoptr (RptLetter) a = rpt_test_load_letter ("sample");
  g_autoptr (RptLetter) b = rpt_test_load_letter ("AL-TJK-1-2025-reviewed.xml");
  g_autoptr (RptRedline) redline = redline_for (a, b);
  g_autoptr (GError) error = NULL;
  g_autoptr (RptDocument) document = rpt_redline_new_document (redline, &error);
  g_autofree char *xml = rpt_redline_dup_display_xml (redline, NULL);
  gboolean found_moved = FALSE, found_date = FALSE;

  g_assert_no_error (error);
  g_assert_nonnull (strstr (xml, "<text:span text:style-name=\"Deleted\">project</text:span>"));
  g_assert_nonnull (strstr (xml, "<text:span text:style-name=\"Inserted\">study</text:span>"));
  for (guint i = 0; i < rpt_document_get_n_blocks (document); i++)
    {
      const char *text = rpt_document_get_block_text (document, i);
      if (g_str_has_prefix (text, "On 2 April 2025, the Supreme Court upheld"))
        {
          /* The moved fact, where it went, with its note. */
          g_assert_cmpstr (_rpt_document_get_block (document, i)->margin_note, ==, "Moved from 9");
          g_assert_cmpstr (_rpt_document_get_block (document, i)->margin_style, ==, "MarginMoved");
          found_moved = TRUE;
        }
      if (g_strcmp0 (rpt_document_get_block_style (document, i), "Date") == 0)
        {
          /* Both dates, the old one struck. */
          g_assert_cmpstr (text, ==, "2324 April 2025");
          found_date = TRUE;
        }
    }
  g_assert_true (found_moved);
  g_assert_true (found_date);
}

/* --- the command line -------------------------------------------------- */

static int
run_cli (char **out, char **err, ...)
{
  g_autoptr (GPtrArray) args = g_ptr_array_new ();
  const char *arg;
  va_list ap;

  va_start (ap, err);
  while ((arg = va_arg (ap, const char *)) != NULL)
    g_ptr_array_add (args, (gpointer) arg);
  va_end (ap);
  g_ptr_array_add (args, NULL);
  return rpt_test_run_cli ((const char *const *) args->pdata, out, err);
}

static void
test_cli_exit_status (void)
{
  g_autofree char *sample = rpt_test_source_path ("data", "samples", "AL-TJK-1-2025.xml", NULL);
  g_autofree char *reviewed =
    rpt_test_source_path ("tests", "data", "letters", "AL-TJK-1-2025-reviewed.xml", NULL);
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;

  /* As diff(1): 0 the same, 1 different, 2 trouble. */
  g_assert_cmpint (run_cli (&out, NULL, "diff", sample, sample, NULL), ==, 0);
  g_assert_nonnull (strstr (out, "Summary: No changes"));
  g_clear_pointer (&out, g_free);
  g_assert_cmpint (run_cli (&out, NULL, "diff", sample, reviewed, NULL), ==, 1);
  /* Standard output is not a terminal here: no colour unless asked. */
  g_assert_null (strchr (out, '\033'));
  g_assert_nonnull (strstr (out, "[-project-]{+study+}"));
  g_clear_pointer (&out, g_free);
  g_assert_cmpint (run_cli (&out, NULL, "diff", "--color=always", sample, reviewed, NULL), ==, 1);
  g_assert_nonnull (strstr (out, "\033[31m[-project-]\033[0m"));

  g_assert_cmpint (run_cli (NULL, &err, "diff", sample, "/nonexistent/letter.xml", NULL), ==, 2);
  g_assert_nonnull (strstr (err, "/nonexistent/letter.xml"));
  g_clear_pointer (&err, g_free);
  g_assert_cmpint (run_cli (NULL, &err, "diff", "--format", "docx", sample, reviewed, NULL), ==, 2);
  g_assert_nonnull (strstr (err, "--format"));
  g_clear_pointer (&err, g_free);
  g_assert_cmpint (run_cli (NULL, &err, "diff", "--format", "odt", sample, reviewed, NULL), ==, 2);
  g_assert_nonnull (strstr (err, "-o"));
  g_clear_pointer (&err, g_free);
  g_assert_cmpint (run_cli (NULL, &err, "diff", sample, NULL), ==, 2);
  g_clear_pointer (&err, g_free);
  g_assert_cmpint (run_cli (NULL, &err, "diff", "--color=sometimes", sample, sample, NULL), ==, 2);
}

static void
test_cli_versions_and_update (void)
{
  g_autofree char *dir = rpt_test_make_tmpdir ();
  g_autofree char *doc = g_build_filename (dir, "letter.rapporteur", NULL);
  g_autofree char *v1 = g_strconcat (doc, "@1", NULL);
  g_autofree char *v2 = g_strconcat (doc, "@2", NULL);
  g_autofree char *v0 = g_strconcat (doc, "@0", NULL);
  g_autofree char *v9 = g_strconcat (doc, "@9", NULL);
  g_autofree char *working = g_strconcat (doc, "@", NULL);
  g_autofree char *sample = rpt_test_source_path ("data", "samples", "AL-TJK-1-2025.xml", NULL);
  g_autofree char *sample_at = g_strconcat (sample, "@1", NULL);
  g_autofree char *reviewed =
    rpt_test_source_path ("tests", "data", "letters", "AL-TJK-1-2025-reviewed.xml", NULL);
  g_autofree char *other =
    rpt_test_source_path ("tests", "data", "letters", "UA-BLR-one-mandate.xml", NULL);
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;

  g_assert_cmpint (run_cli (NULL, NULL, "import", sample, doc, NULL), ==, 0);
  g_assert_cmpint (run_cli (NULL, NULL, "version", "save", doc, "-m", "Draft for review",
                            "--author", "A. Drafter", NULL),
                   ==, 0);
  g_assert_cmpint (run_cli (NULL, NULL, "update", doc, reviewed, NULL), ==, 0);

  /* Version 1 against the working state; the working state is the default. */
  g_assert_cmpint (run_cli (&out, NULL, "diff", v1, working, NULL), ==, 1);
  g_assert_nonnull (strstr (out, "version 1 “Draft for review” (A. Drafter,"));
  g_assert_nonnull (strstr (out, "working state"));
  g_assert_nonnull (strstr (out, "Fact 1 (moved from 9 to 1)"));
  g_clear_pointer (&out, g_free);
  g_assert_cmpint (run_cli (&out, NULL, "diff", working, doc, NULL), ==, 0);
  g_clear_pointer (&out, g_free);
  g_assert_cmpint (
    run_cli (NULL, NULL, "version", "save", doc, "-m", "Reviewed", "--author", "B. Reviewer", NULL),
    ==, 0);
  g_assert_cmpint (run_cli (NULL, NULL, "diff", v2, reviewed, NULL), ==, 0);
  g_assert_cmpint (run_cli (NULL, NULL, "diff", v1, sample, NULL), ==, 0);

  /* Versions count from 1; letter XML has none. */
  g_assert_cmpint (run_cli (NULL, &err, "diff", v0, v1, NULL), ==, 2);
  g_assert_nonnull (strstr (err, "not a version number"));
  g_clear_pointer (&err, g_free);
  g_assert_cmpint (run_cli (NULL, &err, "diff", sample_at, v1, NULL), ==, 2);
  g_assert_nonnull (strstr (err, "has no versions"));
  g_clear_pointer (&err, g_free);
  g_assert_cmpint (run_cli (NULL, &err, "diff", v9, v1, NULL), ==, 2);
  g_clear_pointer (&err, g_free);

  /* update refuses another letter and leaves the document as it was. */
  before = rpt_test_file_digest (doc);
  g_assert_cmpint (run_cli (NULL, &err, "update", doc, other, NULL), ==, 1);
  g_assert_nonnull (strstr (err, "another letter"));
  after = rpt_test_file_digest (doc);
  g_assert_cmpstr (before, ==, after);
  g_clear_pointer (&out, g_free);
  g_assert_cmpint (run_cli (&out, NULL, "version", "list", doc, NULL), ==, 0);
  g_assert_nonnull (strstr (out, "Draft for review"));
  g_assert_nonnull (strstr (out, "Reviewed"));
  rpt_test_rm_rf (dir);
}

static void
test_cli_formats (void)
{
  g_autofree char *dir = rpt_test_make_tmpdir ();
  g_autofree char *sample = rpt_test_source_path ("data", "samples", "AL-TJK-1-2025.xml", NULL);
  g_autofree char *reviewed =
    rpt_test_source_path ("tests", "data", "letters", "AL-TJK-1-2025-reviewed.xml", NULL);
  g_autofree char *odt = g_build_filename (dir, "redline.odt", NULL);
  g_autofree char *pdf = g_build_filename (dir, "redline.pdf", NULL);
  g_autofree char *xml = g_build_filename (dir, "comparison.xml", NULL);
  g_autofree char *data = NULL;
  gsize length;

  g_assert_cmpint (
    run_cli (NULL, NULL, "diff", "--format", "odt", "-o", odt, sample, reviewed, NULL), ==, 1);
  rpt_test_validate_odf (odt);
  g_assert_cmpint (
    run_cli (NULL, NULL, "diff", "--format", "pdf", "-o", pdf, sample, reviewed, NULL), ==, 1);
  g_assert_true (g_file_get_contents (pdf, &data, &length, NULL));
  g_assert_true (g_str_has_prefix (data, "%PDF-"));
  g_clear_pointer (&data, g_free);
  g_assert_cmpint (
    run_cli (NULL, NULL, "diff", "--format", "xml", "-o", xml, sample, reviewed, NULL), ==, 1);
  g_assert_true (g_file_get_contents (xml, &data, &length, NULL));
  {
    g_autoptr (GBytes) bytes = g_bytes_new (data, length);
    validate_comparison_xml (bytes);
  }
  rpt_test_rm_rf (dir);
}

int
main (int argc, char **argv)
{
  rpt_test_init (&argc, &argv);

  g_test_add_func ("/diff/sequences/cover", test_sequences_cover);
  g_test_add_func ("/diff/sequences/edges", test_sequences_edges);
  g_test_add_func ("/diff/sequences/longest-increasing", test_longest_increasing);
  g_test_add_func ("/diff/words/replaced", test_words_replaced);
  g_test_add_func ("/diff/words/inserted-deleted", test_words_inserted_deleted);
  g_test_add_func ("/diff/words/punctuation", test_punctuation_is_a_token);
  g_test_add_func ("/diff/words/format-only", test_format_only);
  g_test_add_func ("/diff/words/unicode", test_unicode);
  g_test_add_func ("/diff/words/notes", test_notes_and_treaty_status);
  g_test_add_func ("/diff/words/long-paragraph", test_long_paragraph);
  g_test_add_func ("/comparison/identical", test_identical);
  g_test_add_func ("/comparison/empty", test_empty);
  g_test_add_func ("/comparison/move", test_move);
  g_test_add_func ("/comparison/move-and-edit", test_move_and_edit);
  g_test_add_func ("/comparison/added-removed", test_added_removed);
  g_test_add_func ("/comparison/split-join", test_split_and_join);
  g_test_add_func ("/comparison/mandates", test_mandates);
  g_test_add_func ("/comparison/fields", test_fields);
  g_test_add_func ("/comparison/wording-fields", test_wording_fields);
  g_test_add_func ("/comparison/reviewed-sample", test_reviewed_sample);
  g_test_add_func ("/comparison/text-colour", test_text_colour);
  g_test_add_func ("/comparison/xml", test_xml);
  g_test_add_func ("/redline/tracked", test_redline_tracked);
  g_test_add_func ("/redline/display", test_redline_display);
  g_test_add_func ("/cli/exit-status", test_cli_exit_status);
  g_test_add_func ("/cli/versions-and-update", test_cli_versions_and_update);
  g_test_add_func ("/cli/formats", test_cli_formats);
  return g_test_run ();
}
