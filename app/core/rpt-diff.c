/* rpt-diff.c
 *
 * Copyright 2026 The Rapporteur authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "rpt-diff"

#include "rpt-diff.h"

/*
 * Sequence comparison for the comparison of letters: words of a paragraph,
 * paragraphs of a letter.
 *
 * The histogram method (as git's and JGit's): in a region that differs, the
 * longest common stretch anchored on the rarest element of the first
 * sequence splits the region, and each side is compared the same way. It
 * anchors on words that are rare in the paragraph ("Khakimova", "verdict")
 * rather than on the spaces and "the"s that a minimal edit script would
 * happily align, so replacements read as replacements. Where every shared
 * element is common, Myers' O(ND) algorithm finds a minimal script; past a
 * cost bound the region is reported as replaced whole, which is never
 * wrong, only coarse.
 *
 * Regions are kept on an explicit stack: a letter of ten thousand facts
 * must not recurse ten thousand deep.
 */

#define MAX_CHAIN 64
#define MYERS_MAX_COST 2048

typedef struct
{
  guint as, ae, bs, be;
  gboolean emit_equal; /* an equal stretch found earlier, to emit in order */
} Region;

typedef struct
{
  guint head; /* first index in the region of the first sequence, G_MAXUINT if none */
  guint count;
} Bucket;

typedef struct
{
  const guint *ha;
  const guint *hb;
  RptDiffEqualFunc equal;
  gpointer user_data;
  GArray *hunks;
  guint *next; /* chains of equal hashes in the first sequence */
  GHashTable *buckets;
} Diff;

static inline gboolean
eq (Diff *d, guint a, guint b)
{
  return d->ha[a] == d->hb[b] && d->equal (a, b, d->user_data);
}

/* Appends a hunk, merging it with the last one when they are of the same
 * kind, so that callers see each replacement once. */
static void
emit (Diff *d, gboolean equal, guint as, guint a_len, guint bs, guint b_len)
{
  RptDiffHunk *last;
  RptDiffHunk hunk = { equal, as, a_len, bs, b_len };

  if (a_len == 0 && b_len == 0)
    return;
  if (d->hunks->len > 0)
    {
      last = &g_array_index (d->hunks, RptDiffHunk, d->hunks->len - 1);
      if (last->equal == equal && last->a_start + last->a_len == as &&
          last->b_start + last->b_len == bs)
        {
          last->a_len += a_len;
          last->b_len += b_len;
          return;
        }
    }
  g_array_append_val (d->hunks, hunk);
}

/* Myers' greedy algorithm, keeping each round's furthest points to walk
 * back. Returns FALSE when the region costs more than MYERS_MAX_COST. */
typedef struct
{
  gboolean equal;
  int x, y, a_len, b_len;
} Step;

static gboolean
myers (Diff *d, guint as, guint ae, guint bs, guint be)
{
  int n = (int) (ae - as), m = (int) (be - bs);
  int max = MIN (n + m, MYERS_MAX_COST);
  int offset = max + 1;
  g_autofree int *v = g_new0 (int, 2 * max + 3);
  /* Round dd keeps v[-dd..dd]: the walk back needs nothing else. */
  g_autoptr (GPtrArray) trace = g_ptr_array_new_with_free_func (g_free);
  g_autoptr (GArray) steps = g_array_new (FALSE, FALSE, sizeof (Step));
  int found = -1;
  int x = 0, y = 0;

  for (int dd = 0; dd <= max && found < 0; dd++)
    {
      for (int k = -dd; k <= dd; k += 2)
        {
          if (k == -dd || (k != dd && v[offset + k - 1] < v[offset + k + 1]))
            x = v[offset + k + 1];
          else
            x = v[offset + k - 1] + 1;
          y = x - k;
          while (x < n && y < m && eq (d, as + (guint) x, bs + (guint) y))
            x++, y++;
          v[offset + k] = x;
          if (x >= n && y >= m)
            {
              found = dd;
              break;
            }
        }
      g_ptr_array_add (trace, g_memdup2 (v + offset - dd, sizeof (int) * (gsize) (2 * dd + 1)));
    }
  if (found < 0)
    return FALSE;

  /* Walk back from (n, m): each round ends in a diagonal of equal elements
   * that follows one deletion or insertion. */
  x = n;
  y = m;
  for (int dd = found; dd > 0; dd--)
    {
      const int *prev = g_ptr_array_index (trace, dd - 1); /* prev[k + dd - 1] */
      int k = x - y;
      int prev_k, prev_x, prev_y, mid_x, mid_y;
      Step edit, same;

      if (k == -dd || (k != dd && prev[k - 1 + dd - 1] < prev[k + 1 + dd - 1]))
        prev_k = k + 1;
      else
        prev_k = k - 1;
      prev_x = prev[prev_k + dd - 1];
      prev_y = prev_x - prev_k;
      mid_x = prev_k == k + 1 ? prev_x : prev_x + 1;
      mid_y = mid_x - k;
      same = (Step){ TRUE, mid_x, mid_y, x - mid_x, x - mid_x };
      edit = (Step){ FALSE, prev_x, prev_y, mid_x - prev_x, mid_y - prev_y };
      g_array_append_val (steps, same);
      g_array_append_val (steps, edit);
      x = prev_x;
      y = prev_y;
    }
  {
    Step first = { TRUE, 0, 0, x, x }; /* round 0: equal from the start */
    g_array_append_val (steps, first);
  }

  for (guint i = steps->len; i-- > 0;)
    {
      const Step *s = &g_array_index (steps, Step, i);
      emit (d, s->equal, as + (guint) s->x, (guint) s->a_len, bs + (guint) s->y, (guint) s->b_len);
    }
  return TRUE;
}

/* Finds the longest stretch common to both regions that contains an
 * element rare in the first one (at most MAX_CHAIN times). */
static gboolean
find_anchor (Diff *d, guint as, guint ae, guint bs, guint be, Region *best)
{
  guint best_len = 0, best_count = MAX_CHAIN + 1;

  g_hash_table_remove_all (d->buckets);
  for (guint i = ae; i-- > as;)
    {
      Bucket *bucket = g_hash_table_lookup (d->buckets, GUINT_TO_POINTER (d->ha[i]));
      if (bucket == NULL)
        {
          bucket = g_new (Bucket, 1);
          bucket->head = G_MAXUINT;
          bucket->count = 0;
          g_hash_table_insert (d->buckets, GUINT_TO_POINTER (d->ha[i]), bucket);
        }
      d->next[i] = bucket->head;
      bucket->head = i;
      bucket->count++;
    }

  for (guint b = bs; b < be;)
    {
      Bucket *bucket = g_hash_table_lookup (d->buckets, GUINT_TO_POINTER (d->hb[b]));
      guint b_next = b + 1;

      if (bucket == NULL || bucket->count > MAX_CHAIN || bucket->count > best_count)
        {
          b++;
          continue;
        }
      for (guint a = bucket->head; a != G_MAXUINT; a = d->next[a])
        {
          guint sa = a, sb = b, ea = a + 1, eb = b + 1;
          guint count = bucket->count;

          if (!d->equal (a, b, d->user_data))
            continue;
          while (sa > as && sb > bs && eq (d, sa - 1, sb - 1))
            {
              Bucket *other;
              sa--, sb--;
              other = g_hash_table_lookup (d->buckets, GUINT_TO_POINTER (d->ha[sa]));
              count = MIN (count, other->count);
            }
          while (ea < ae && eb < be && eq (d, ea, eb))
            {
              Bucket *other = g_hash_table_lookup (d->buckets, GUINT_TO_POINTER (d->ha[ea]));
              count = MIN (count, other->count);
              ea++, eb++;
            }
          if (ea - sa > best_len || count < best_count)
            {
              if (count <= best_count)
                {
                  best_len = ea - sa;
                  best_count = count;
                  best->as = sa, best->ae = ea, best->bs = sb, best->be = eb;
                }
            }
          b_next = MAX (b_next, eb);
        }
      b = b_next;
    }
  return best_len > 0;
}

/**
 * rpt_diff_sequences:
 * @hash_a: (array length=n_a): a hash of each element of the first sequence
 * @hash_b: (array length=n_b): the same for the second
 * @equal: (nullable): compares elements of equal hash; %NULL if equal
 *   hashes mean equal elements
 *
 * Compares two sequences.
 *
 * Returns: (transfer full) (element-type RptDiffHunk): the hunks, in order;
 *   none when both sequences are empty
 */
static gboolean
equal_by_hash (guint a, guint b, gpointer user_data)
{
  return TRUE;
}

GArray *
rpt_diff_sequences (const guint *hash_a,
                    guint n_a,
                    const guint *hash_b,
                    guint n_b,
                    RptDiffEqualFunc equal,
                    gpointer user_data)
{
  Diff d = { hash_a, hash_b, equal != NULL ? equal : equal_by_hash, user_data, NULL, NULL, NULL };
  g_autoptr (GArray) stack = g_array_new (FALSE, FALSE, sizeof (Region));
  Region whole = { 0, n_a, 0, n_b, FALSE };

  d.hunks = g_array_new (FALSE, FALSE, sizeof (RptDiffHunk));
  d.next = g_new (guint, MAX (n_a, 1));
  d.buckets = g_hash_table_new_full (NULL, NULL, NULL, g_free);
  g_array_append_val (stack, whole);

  while (stack->len > 0)
    {
      Region r = g_array_index (stack, Region, stack->len - 1);
      Region anchor;
      guint prefix = 0, suffix = 0;

      g_array_set_size (stack, stack->len - 1);
      if (r.emit_equal)
        {
          emit (&d, TRUE, r.as, r.ae - r.as, r.bs, r.be - r.bs);
          continue;
        }

      while (r.as + prefix < r.ae && r.bs + prefix < r.be && eq (&d, r.as + prefix, r.bs + prefix))
        prefix++;
      while (r.as + prefix + suffix < r.ae && r.bs + prefix + suffix < r.be &&
             eq (&d, r.ae - suffix - 1, r.be - suffix - 1))
        suffix++;
      emit (&d, TRUE, r.as, prefix, r.bs, prefix);
      r.as += prefix;
      r.bs += prefix;
      r.ae -= suffix;
      r.be -= suffix;

      if (suffix > 0)
        {
          Region tail = { r.ae, r.ae + suffix, r.be, r.be + suffix, TRUE };
          g_array_append_val (stack, tail);
        }
      if (r.as == r.ae || r.bs == r.be)
        {
          emit (&d, FALSE, r.as, r.ae - r.as, r.bs, r.be - r.bs);
          continue;
        }
      if (find_anchor (&d, r.as, r.ae, r.bs, r.be, &anchor))
        {
          Region right = { anchor.ae, r.ae, anchor.be, r.be, FALSE };
          Region middle = { anchor.as, anchor.ae, anchor.bs, anchor.be, TRUE };
          Region left = { r.as, anchor.as, r.bs, anchor.bs, FALSE };
          g_array_append_val (stack, right);
          g_array_append_val (stack, middle);
          g_array_append_val (stack, left);
          continue;
        }
      if (!myers (&d, r.as, r.ae, r.bs, r.be))
        emit (&d, FALSE, r.as, r.ae - r.as, r.bs, r.be - r.bs);
    }

  g_free (d.next);
  g_hash_table_unref (d.buckets);
  return d.hunks;
}

/**
 * rpt_diff_longest_increasing:
 * @values: (array length=n): distinct values
 * @n_result: (out): the length of the result
 *
 * Finds a longest strictly increasing subsequence of @values (patience
 * sorting, O(n log n)). For the items two letters share, @values holds each
 * item's position in the older letter in the newer letter's order: the
 * items of the subsequence kept their order, and the others moved.
 *
 * Returns: (transfer full) (array length=n_result): indices into @values
 */
guint *
rpt_diff_longest_increasing (const guint *values, guint n, guint *n_result)
{
  g_autofree guint *tails = g_new (guint, MAX (n, 1)); /* index of the smallest tail per length */
  g_autofree guint *prev = g_new (guint, MAX (n, 1));
  guint length = 0;
  guint *result;

  for (guint i = 0; i < n; i++)
    {
      guint lo = 0, hi = length;
      while (lo < hi)
        {
          guint mid = lo + (hi - lo) / 2;
          if (values[tails[mid]] < values[i])
            lo = mid + 1;
          else
            hi = mid;
        }
      prev[i] = lo > 0 ? tails[lo - 1] : G_MAXUINT;
      tails[lo] = i;
      if (lo == length)
        length++;
    }

  result = g_new (guint, MAX (length, 1));
  *n_result = length;
  if (length > 0)
    {
      guint i = tails[length - 1];
      for (guint k = length; k-- > 0;)
        {
          result[k] = i;
          i = prev[i];
        }
    }
  return result;
}
