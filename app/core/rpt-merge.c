/* rpt-merge.c
 *
 * Copyright 2026 The Rapporteur authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "rpt-merge"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "rpt-diff.h"
#include "rpt-error.h"
#include "rpt-letter-xml.h"
#include "rpt-merge.h"
#include "rpt-paragraph.h"

/**
 * RptMerge:
 *
 * A reviewer's copy merged back, three ways: the version the copy was made
 * from (the base), the drafter's letter as it is now (ours), and the
 * reviewer's (theirs). Each change the reviewer made against the base is
 * one #RptMergeChange: clean when the drafter left alone what it touches
 * (another item, another field, other words of the same paragraph), the
 * same when the drafter made it too, a conflict when the drafter changed
 * the same thing otherwise. The drafter accepts or rejects each change, and
 * settles each conflict by taking one side or writing the text; the result
 * is the drafter's letter with the accepted changes applied.
 *
 * Items are matched by their ids (rpt-comparison.h); inside a paragraph
 * both sides' edits are word ranges of the base text, and edits that
 * overlap or touch conflict.
 */
struct _RptMerge
{
  GObject parent_instance;

  RptLetter *base;
  RptLetter *ours;
  RptLetter *theirs;
  RptComparison *incoming; /* base → theirs */
  RptComparison *local;    /* base → ours */
  GPtrArray *changes;      /* of RptMergeChange */
};

G_DEFINE_FINAL_TYPE (RptMerge, rpt_merge, G_TYPE_OBJECT)

G_DEFINE_ENUM_TYPE (RptMergeStatus,
                    rpt_merge_status,
                    G_DEFINE_ENUM_VALUE (RPT_MERGE_CLEAN, "clean"),
                    G_DEFINE_ENUM_VALUE (RPT_MERGE_SAME, "same"),
                    G_DEFINE_ENUM_VALUE (RPT_MERGE_CONFLICT, "conflict"))

static void
change_free (RptMergeChange *change)
{
  g_free (change->label);
  g_free (change->description);
  g_free (change->reason);
  g_free (change->resolution);
  g_free (change);
}

static void
rpt_merge_finalize (GObject *object)
{
  RptMerge *self = RPT_MERGE (object);

  g_clear_object (&self->base);
  g_clear_object (&self->ours);
  g_clear_object (&self->theirs);
  g_clear_object (&self->incoming);
  g_clear_object (&self->local);
  g_ptr_array_unref (self->changes);
  G_OBJECT_CLASS (rpt_merge_parent_class)->finalize (object);
}

static void
rpt_merge_class_init (RptMergeClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = rpt_merge_finalize;
}

static void
rpt_merge_init (RptMerge *self)
{
  self->changes = g_ptr_array_new_with_free_func ((GDestroyNotify) change_free);
}

/* --- words, three ways ------------------------------------------------ */

typedef struct
{
  GPtrArray *a;
  GPtrArray *b;
} Pair;

/* Equal words with equal formatting: a word made bold is an edit here. */
static gboolean
strict_equal_cb (guint i, guint j, gpointer user_data)
{
  Pair *pair = user_data;
  const RptToken *x = g_ptr_array_index (pair->a, i);
  const RptToken *y = g_ptr_array_index (pair->b, j);

  return x->kind == y->kind && strcmp (x->text, y->text) == 0 && rpt_token_same_format (x, y);
}

static GArray *
strict_hunks (GPtrArray *a, GPtrArray *b)
{
  g_autofree guint *ha = g_new (guint, MAX (a->len, 1));
  g_autofree guint *hb = g_new (guint, MAX (b->len, 1));
  Pair pair = { a, b };

  for (guint i = 0; i < a->len; i++)
    ha[i] = ((RptToken *) g_ptr_array_index (a, i))->hash;
  for (guint i = 0; i < b->len; i++)
    hb[i] = ((RptToken *) g_ptr_array_index (b, i))->hash;
  return rpt_diff_sequences (ha, a->len, hb, b->len, strict_equal_cb, &pair);
}

/* Where base position @pos is in the other text of @hunks: defined at the
 * ends of edits and anywhere in the equal stretches. */
static guint
map_position (GArray *hunks, guint pos)
{
  for (guint h = 0; h < hunks->len; h++)
    {
      const RptDiffHunk *hunk = &g_array_index (hunks, RptDiffHunk, h);

      if (pos < hunk->a_start || pos > hunk->a_start + hunk->a_len)
        continue;
      if (hunk->equal)
        return hunk->b_start + (pos - hunk->a_start);
      if (pos == hunk->a_start)
        return hunk->b_start;
      if (pos == hunk->a_start + hunk->a_len)
        return hunk->b_start + hunk->b_len;
    }
  /* Past the end: the end. */
  if (hunks->len > 0)
    {
      const RptDiffHunk *last = &g_array_index (hunks, RptDiffHunk, hunks->len - 1);
      return last->b_start + last->b_len;
    }
  return 0;
}

static gboolean
same_tokens (GPtrArray *a, guint as, guint ae, GPtrArray *b, guint bs, guint be)
{
  Pair pair = { a, b };

  if (ae - as != be - bs)
    return FALSE;
  for (guint k = 0; k < ae - as; k++)
    if (!strict_equal_cb (as + k, bs + k, &pair))
      return FALSE;
  return TRUE;
}

static void
append_range (GPtrArray *out, GPtrArray *from, guint start, guint end)
{
  for (guint i = start; i < end; i++)
    {
      const RptToken *t = g_ptr_array_index (from, i);
      g_ptr_array_add (out, rpt_token_new (t->kind, t->text, -1, t->flags, t->href));
    }
}

/* Merges three token sequences; @prefer settles conflicting groups (ours
 * for REJECTED, theirs for ACCEPTED); with PENDING, a conflict makes the
 * merge fail. Returns the number of conflicting groups. */
static guint
merge_tokens (GPtrArray *base,
              GPtrArray *ours,
              GPtrArray *theirs,
              RptMergeDecision prefer,
              GPtrArray **merged)
{
  g_autoptr (GArray) ho = strict_hunks (base, ours);
  g_autoptr (GArray) ht = strict_hunks (base, theirs);
  g_autoptr (GPtrArray) out = g_ptr_array_new_with_free_func ((GDestroyNotify) rpt_token_free);
  guint io = 0, it = 0, b = 0, conflicts = 0;

  while (TRUE)
    {
      const RptDiffHunk *eo = NULL, *et = NULL;
      guint gs, ge;
      gboolean from_o = FALSE, from_t = FALSE;
      gboolean grew = TRUE;
      guint io0 = io, it0 = it;

      while (io < ho->len && g_array_index (ho, RptDiffHunk, io).equal)
        io++;
      while (it < ht->len && g_array_index (ht, RptDiffHunk, it).equal)
        it++;
      eo = io < ho->len ? &g_array_index (ho, RptDiffHunk, io) : NULL;
      et = it < ht->len ? &g_array_index (ht, RptDiffHunk, it) : NULL;
      if (eo == NULL && et == NULL)
        break;
      (void) io0;
      (void) it0;

      /* A group starts at the first edit and takes in every edit of either
       * side that overlaps or touches it. */
      if (et == NULL || (eo != NULL && eo->a_start <= et->a_start))
        gs = eo->a_start, ge = eo->a_start + eo->a_len, from_o = TRUE, io++;
      else
        gs = et->a_start, ge = et->a_start + et->a_len, from_t = TRUE, it++;
      while (grew)
        {
          grew = FALSE;
          while (io < ho->len)
            {
              const RptDiffHunk *h = &g_array_index (ho, RptDiffHunk, io);
              if (h->equal)
                {
                  io++;
                  continue;
                }
              if (h->a_start > ge)
                break;
              ge = MAX (ge, h->a_start + h->a_len);
              from_o = TRUE, grew = TRUE, io++;
            }
          while (it < ht->len)
            {
              const RptDiffHunk *h = &g_array_index (ht, RptDiffHunk, it);
              if (h->equal)
                {
                  it++;
                  continue;
                }
              if (h->a_start > ge)
                break;
              ge = MAX (ge, h->a_start + h->a_len);
              from_t = TRUE, grew = TRUE, it++;
            }
        }

      append_range (out, base, b, gs);
      {
        guint os = map_position (ho, gs), oe = map_position (ho, ge);
        guint ts = map_position (ht, gs), te = map_position (ht, ge);

        if (from_o && !from_t)
          append_range (out, ours, os, oe);
        else if (from_t && !from_o)
          append_range (out, theirs, ts, te);
        else if (same_tokens (ours, os, oe, theirs, ts, te))
          append_range (out, ours, os, oe);
        else
          {
            conflicts++;
            if (prefer == RPT_MERGE_ACCEPTED)
              append_range (out, theirs, ts, te);
            else
              append_range (out, ours, os, oe);
          }
      }
      b = ge;
    }
  append_range (out, base, b, base->len);
  if (merged != NULL)
    *merged = g_steal_pointer (&out);
  return conflicts;
}

/**
 * rpt_merge_text:
 * @base: (nullable): inline markup of the text both sides started from
 * @ours: (nullable): the drafter's text
 * @theirs: (nullable): the reviewer's text
 * @prefer: what settles words both changed: %RPT_MERGE_ACCEPTED takes the
 *   reviewer's, %RPT_MERGE_REJECTED the drafter's; %RPT_MERGE_PENDING makes
 *   such a conflict fail
 * @merged: (out) (optional): the merged markup
 *
 * Merges two edits of one paragraph word by word.
 *
 * Returns: %FALSE if the edits conflict and @prefer is %RPT_MERGE_PENDING
 *   (@merged is then the drafter's words where they conflict), or if a
 *   text is not valid markup (with @error set)
 */
gboolean
rpt_merge_text (const char *base,
                const char *ours,
                const char *theirs,
                RptMergeDecision prefer,
                char **merged,
                GError **error)
{
  g_autoptr (GPtrArray) b = rpt_tokenize_markup (base, error);
  g_autoptr (GPtrArray) o = NULL;
  g_autoptr (GPtrArray) t = NULL;
  g_autoptr (GPtrArray) out = NULL;
  guint conflicts;

  if (b == NULL || (o = rpt_tokenize_markup (ours, error)) == NULL ||
      (t = rpt_tokenize_markup (theirs, error)) == NULL)
    return FALSE;
  conflicts = merge_tokens (b, o, t, prefer, &out);
  if (merged != NULL)
    *merged = rpt_tokens_dup_markup (out, 0, out->len);
  return conflicts == 0 || prefer != RPT_MERGE_PENDING;
}

/* --- what each change is ---------------------------------------------- */

static const RptFieldChange *
find_field (GPtrArray *fields, const char *name)
{
  for (guint i = 0; fields != NULL && i < fields->len; i++)
    {
      const RptFieldChange *f = g_ptr_array_index (fields, i);
      if (g_str_equal (f->name, name))
        return f;
    }
  return NULL;
}

static const char *
text_of (GObject *item)
{
  return item != NULL && RPT_IS_PARAGRAPH (item) ? rpt_paragraph_get_text (RPT_PARAGRAPH (item))
                                                 : NULL;
}

/* Both sides edited an item: do their edits touch the same field, or the
 * same words? */
static RptMergeStatus
edits_status (const RptItemChange *in, const RptItemChange *loc, char **reason)
{
  gboolean all_same = TRUE;

  for (guint i = 0; i < in->fields->len; i++)
    {
      const RptFieldChange *f = g_ptr_array_index (in->fields, i);
      const RptFieldChange *g = find_field (loc->fields, f->name);
      if (g == NULL)
        {
          all_same = FALSE;
          continue;
        }
      if (g_strcmp0 (f->new_raw, g->new_raw) != 0)
        {
          /* Translators: why a reviewer's change conflicts; %s is a field */
          *reason = g_strdup_printf (_ ("You changed the field “%s” too"), f->label);
          return RPT_MERGE_CONFLICT;
        }
    }
  if (in->text != NULL && loc->text != NULL)
    {
      const char *b = text_of (in->old_item), *o = text_of (loc->new_item),
                 *t = text_of (in->new_item);
      g_autoptr (GPtrArray) tb = rpt_tokenize_markup (b, NULL);
      g_autoptr (GPtrArray) to = rpt_tokenize_markup (o, NULL);
      g_autoptr (GPtrArray) tt = rpt_tokenize_markup (t, NULL);

      if (g_strcmp0 (o, t) != 0)
        all_same = FALSE;
      if (tb != NULL && to != NULL && tt != NULL &&
          merge_tokens (tb, to, tt, RPT_MERGE_PENDING, NULL) > 0)
        {
          *reason = g_strdup (_ ("You edited the same words"));
          return RPT_MERGE_CONFLICT;
        }
    }
  else if (in->text != NULL)
    all_same = FALSE;
  return all_same ? RPT_MERGE_SAME : RPT_MERGE_CLEAN;
}

static gboolean
is_move (RptChangeKind kind)
{
  return kind == RPT_CHANGE_MOVED || kind == RPT_CHANGE_EDITED_MOVED;
}

static gboolean
is_edit (RptChangeKind kind)
{
  return kind == RPT_CHANGE_EDITED || kind == RPT_CHANGE_EDITED_MOVED;
}

/* The id of the item before @id in @part of @letter, or NULL at the start. */
static const char *
predecessor (RptLetter *letter, RptPart part, const char *id)
{
  guint position;
  RptPart found;

  if (rpt_letter_find_item (letter, id, &found, &position) == NULL || position == 0)
    return NULL;
  return rpt_letter_item_get_id (rpt_letter_get_item (letter, part, position - 1));
}

static RptMergeStatus
item_status (RptMerge *self, const RptItemChange *in, const RptItemChange *loc, char **reason)
{
  RptMergeStatus status = RPT_MERGE_CLEAN;

  if (loc == NULL)
    return RPT_MERGE_CLEAN;
  switch (in->kind)
    {
    case RPT_CHANGE_ADDED:
      return RPT_MERGE_CLEAN;
    case RPT_CHANGE_REMOVED:
      if (loc->kind == RPT_CHANGE_REMOVED)
        return RPT_MERGE_SAME;
      if (is_edit (loc->kind))
        {
          *reason = g_strdup (_ ("You edited what the reviewer removed"));
          return RPT_MERGE_CONFLICT;
        }
      return RPT_MERGE_CLEAN;
    case RPT_CHANGE_MOVED:
    case RPT_CHANGE_EDITED:
    case RPT_CHANGE_EDITED_MOVED:
      if (loc->kind == RPT_CHANGE_REMOVED)
        {
          *reason = g_strdup (_ ("You removed what the reviewer changed"));
          return RPT_MERGE_CONFLICT;
        }
      if (is_move (in->kind) && is_move (loc->kind))
        {
          if (g_strcmp0 (predecessor (self->theirs, in->part, in->id),
                         predecessor (self->ours, in->part, in->id)) != 0)
            {
              *reason = g_strdup (_ ("You moved it elsewhere"));
              return RPT_MERGE_CONFLICT;
            }
          status = in->kind == RPT_CHANGE_MOVED ? RPT_MERGE_SAME : RPT_MERGE_CLEAN;
        }
      if (is_edit (in->kind) && is_edit (loc->kind))
        {
          RptMergeStatus edits = edits_status (in, loc, reason);
          if (edits == RPT_MERGE_CONFLICT)
            return RPT_MERGE_CONFLICT;
          if (edits == RPT_MERGE_SAME && (!is_move (in->kind) || status == RPT_MERGE_SAME))
            return RPT_MERGE_SAME;
          return RPT_MERGE_CLEAN;
        }
      return status;
    default:
      g_return_val_if_reached (RPT_MERGE_CLEAN);
    }
}

static char *
describe (const RptItemChange *in)
{
  switch (in->kind)
    {
    case RPT_CHANGE_ADDED:
      return g_strdup (_ ("added"));
    case RPT_CHANGE_REMOVED:
      return g_strdup (_ ("removed"));
    case RPT_CHANGE_MOVED:
      return g_strdup_printf (_ ("moved from %d to %d"), in->old_position + 1,
                              in->new_position + 1);
    case RPT_CHANGE_EDITED:
      return g_strdup (_ ("edited"));
    case RPT_CHANGE_EDITED_MOVED:
      return g_strdup_printf (_ ("edited, moved from %d to %d"), in->old_position + 1,
                              in->new_position + 1);
    default:
      g_return_val_if_reached (NULL);
    }
}

/**
 * rpt_merge_new:
 * @base: the version the reviewer's copy was made from
 * @ours: the drafter's letter as it is now
 * @theirs: the reviewer's letter
 *
 * Returns: (transfer full): the merge, every clean change accepted and
 *   every conflict pending; %NULL with @error set if the letters are not
 *   one letter (their ids differ)
 */
RptMerge *
rpt_merge_new (RptLetter *base, RptLetter *ours, RptLetter *theirs, GError **error)
{
  g_autoptr (RptMerge) self = NULL;
  GPtrArray *fields;

  g_return_val_if_fail (RPT_IS_LETTER (base), NULL);
  g_return_val_if_fail (RPT_IS_LETTER (ours), NULL);
  g_return_val_if_fail (RPT_IS_LETTER (theirs), NULL);

  if (!g_str_equal (rpt_letter_get_id (base), rpt_letter_get_id (ours)) ||
      !g_str_equal (rpt_letter_get_id (base), rpt_letter_get_id (theirs)))
    {
      g_set_error (error, RPT_ERROR, RPT_ERROR_INVALID_ARGUMENT,
                   _ ("The reviewer’s copy is of another letter (id %s, not %s)"),
                   rpt_letter_get_id (theirs), rpt_letter_get_id (ours));
      return NULL;
    }

  self = g_object_new (RPT_TYPE_MERGE, NULL);
  self->base = g_object_ref (base);
  self->ours = g_object_ref (ours);
  self->theirs = g_object_ref (theirs);
  self->incoming = rpt_comparison_new (base, theirs, NULL, error);
  if (self->incoming == NULL)
    return NULL;
  self->local = rpt_comparison_new (base, ours, NULL, error);
  if (self->local == NULL)
    return NULL;

  fields = rpt_comparison_get_fields (self->incoming);
  for (guint i = 0; i < fields->len; i++)
    {
      RptMergeChange *c = g_new0 (RptMergeChange, 1);
      const RptFieldChange *f = g_ptr_array_index (fields, i);
      const RptFieldChange *g = find_field (rpt_comparison_get_fields (self->local), f->name);

      c->field = f;
      c->local_field = g;
      c->label = g_strdup (f->label);
      c->description = g_strdup (_ ("changed"));
      if (g == NULL)
        c->status = RPT_MERGE_CLEAN;
      else if (g_strcmp0 (f->new_raw, g->new_raw) == 0)
        c->status = RPT_MERGE_SAME;
      else if (f->text != NULL && g->text != NULL &&
               rpt_merge_text (f->old_raw, g->new_raw, f->new_raw, RPT_MERGE_PENDING, NULL, NULL))
        c->status = RPT_MERGE_CLEAN;
      else
        {
          c->status = RPT_MERGE_CONFLICT;
          c->reason = g_strdup_printf (_ ("You changed the field “%s” too"), f->label);
        }
      c->decision = c->status == RPT_MERGE_CONFLICT ? RPT_MERGE_PENDING : RPT_MERGE_ACCEPTED;
      g_ptr_array_add (self->changes, c);
    }

  for (guint p = 0; p < RPT_N_PARTS; p++)
    {
      GPtrArray *changes = rpt_comparison_get_changes (self->incoming, (RptPart) p);

      for (guint i = 0; i < changes->len; i++)
        {
          RptMergeChange *c = g_new0 (RptMergeChange, 1);

          c->item = g_ptr_array_index (changes, i);
          c->local = rpt_comparison_find_change (self->local, c->item->id);
          c->label = g_strdup (c->item->label);
          c->description = describe (c->item);
          c->status = item_status (self, c->item, c->local, &c->reason);
          c->decision = c->status == RPT_MERGE_CONFLICT ? RPT_MERGE_PENDING : RPT_MERGE_ACCEPTED;
          g_ptr_array_add (self->changes, c);
        }
    }
  return g_steal_pointer (&self);
}

/**
 * rpt_merge_get_incoming:
 *
 * Returns: (transfer none): what the reviewer changed, against the base
 */
RptComparison *
rpt_merge_get_incoming (RptMerge *self)
{
  g_return_val_if_fail (RPT_IS_MERGE (self), NULL);
  return self->incoming;
}

/**
 * rpt_merge_get_local:
 *
 * Returns: (transfer none): what the drafter changed since the base
 */
RptComparison *
rpt_merge_get_local (RptMerge *self)
{
  g_return_val_if_fail (RPT_IS_MERGE (self), NULL);
  return self->local;
}

guint
rpt_merge_get_n_changes (RptMerge *self)
{
  g_return_val_if_fail (RPT_IS_MERGE (self), 0);
  return self->changes->len;
}

RptMergeChange *
rpt_merge_get_change (RptMerge *self, guint index)
{
  g_return_val_if_fail (RPT_IS_MERGE (self), NULL);
  g_return_val_if_fail (index < self->changes->len, NULL);
  return g_ptr_array_index (self->changes, index);
}

guint
rpt_merge_count (RptMerge *self, RptMergeStatus status)
{
  guint n = 0;

  g_return_val_if_fail (RPT_IS_MERGE (self), 0);
  for (guint i = 0; i < self->changes->len; i++)
    if (((RptMergeChange *) g_ptr_array_index (self->changes, i))->status == status)
      n++;
  return n;
}

/**
 * rpt_merge_get_n_pending:
 *
 * Returns: how many conflicts wait for the drafter's decision
 */
guint
rpt_merge_get_n_pending (RptMerge *self)
{
  guint n = 0;

  g_return_val_if_fail (RPT_IS_MERGE (self), 0);
  for (guint i = 0; i < self->changes->len; i++)
    if (((RptMergeChange *) g_ptr_array_index (self->changes, i))->decision == RPT_MERGE_PENDING)
      n++;
  return n;
}

/**
 * rpt_merge_decide:
 * @decision: %RPT_MERGE_ACCEPTED, %RPT_MERGE_REJECTED or %RPT_MERGE_PENDING
 *   (%RPT_MERGE_EDITED comes with rpt_merge_resolve_text())
 */
void
rpt_merge_decide (RptMerge *self, guint index, RptMergeDecision decision)
{
  RptMergeChange *c;

  g_return_if_fail (RPT_IS_MERGE (self));
  g_return_if_fail (index < self->changes->len);
  g_return_if_fail (decision != RPT_MERGE_EDITED);

  c = g_ptr_array_index (self->changes, index);
  c->decision = decision;
  g_clear_pointer (&c->resolution, g_free);
}

/**
 * rpt_merge_decide_all:
 *
 * Accepts or rejects every change, conflicts included.
 */
void
rpt_merge_decide_all (RptMerge *self, RptMergeDecision decision)
{
  g_return_if_fail (RPT_IS_MERGE (self));
  for (guint i = 0; i < self->changes->len; i++)
    rpt_merge_decide (self, i, decision);
}

/**
 * rpt_merge_resolve_text:
 * @markup: the drafter's text for the paragraph (or the text field)
 *
 * Settles a change to a paragraph's text (or to the subject) with text
 * the drafter wrote.
 *
 * Returns: %FALSE with @error set if @markup is not valid, or the change
 *   is not one of text
 */
gboolean
rpt_merge_resolve_text (RptMerge *self, guint index, const char *markup, GError **error)
{
  RptMergeChange *c;
  g_autofree char *normal = NULL;

  g_return_val_if_fail (RPT_IS_MERGE (self), FALSE);
  g_return_val_if_fail (index < self->changes->len, FALSE);

  c = g_ptr_array_index (self->changes, index);
  if ((c->item == NULL || c->item->text == NULL) && (c->field == NULL || c->field->text == NULL))
    {
      g_set_error (error, RPT_ERROR, RPT_ERROR_INVALID_ARGUMENT,
                   _ ("%s: this change is not one of text"), c->label);
      return FALSE;
    }
  normal = rpt_markup_normalize (markup, NULL, error);
  if (normal == NULL)
    return FALSE;
  g_free (c->resolution);
  c->resolution = g_steal_pointer (&normal);
  c->decision = RPT_MERGE_EDITED;
  return TRUE;
}

/**
 * rpt_merge_dup_conflict_text:
 * @theirs: the reviewer's side, else the drafter's
 *
 * Returns: (transfer full) (nullable): the text of one side of a change of
 *   text, for showing both
 */
char *
rpt_merge_dup_conflict_text (RptMerge *self, guint index, gboolean theirs)
{
  RptMergeChange *c;

  g_return_val_if_fail (RPT_IS_MERGE (self), NULL);
  g_return_val_if_fail (index < self->changes->len, NULL);

  c = g_ptr_array_index (self->changes, index);
  if (c->field != NULL)
    return g_strdup (theirs
                       ? c->field->new_raw
                       : (c->local_field != NULL ? c->local_field->new_raw : c->field->old_raw));
  if (theirs)
    return g_strdup (text_of (c->item->new_item));
  if (c->local != NULL)
    return g_strdup (text_of (c->local->new_item));
  return g_strdup (text_of (c->item->old_item));
}

/* --- applying the accepted changes ------------------------------------ */

static gpointer
copy_item (RptPart part, gpointer item)
{
  g_autoptr (GString) xml = g_string_new (NULL);
  g_autoptr (GError) error = NULL;
  gpointer copy;

  rpt_letter_xml_append_item (xml, part, item, TRUE);
  copy = rpt_letter_xml_parse_item (part, xml->str, (gssize) xml->len, &error);
  g_assert_no_error (error);
  return copy;
}

static RptLetter *
copy_letter (RptLetter *letter, GError **error)
{
  gsize length;
  g_autofree char *xml = rpt_letter_to_xml (letter, &length);

  return rpt_letter_new_from_xml (xml, (gssize) length, "merge.xml", error);
}

static void
copy_property (GObject *to, GObject *from, const char *name)
{
  g_auto (GValue) value = G_VALUE_INIT;
  GParamSpec *pspec = g_object_class_find_property (G_OBJECT_GET_CLASS (from), name);

  if (pspec == NULL)
    return;
  g_value_init (&value, pspec->value_type);
  g_object_get_property (from, name, &value);
  g_object_set_property (to, name, &value);
}

/* Applies an accepted edit of the reviewer's to the item in @result. */
static gboolean
apply_edit (RptMerge *self, RptMergeChange *c, GObject *target, GError **error)
{
  const RptItemChange *in = c->item;
  const RptItemChange *loc = c->local;

  for (guint i = 0; i < in->fields->len; i++)
    {
      const RptFieldChange *f = g_ptr_array_index (in->fields, i);
      const RptFieldChange *g = loc != NULL ? find_field (loc->fields, f->name) : NULL;
      /* A field both changed takes the reviewer's value only when the
       * drafter accepted it (for a clean change, both values are equal). */
      if (g == NULL || c->decision == RPT_MERGE_ACCEPTED || c->decision == RPT_MERGE_EDITED)
        copy_property (target, in->new_item, f->name);
    }
  if (in->text != NULL)
    {
      g_autofree char *merged = NULL;

      if (c->decision == RPT_MERGE_EDITED)
        merged = g_strdup (c->resolution);
      else if (loc == NULL || loc->text == NULL)
        merged = g_strdup (text_of (in->new_item));
      else if (!rpt_merge_text (text_of (in->old_item), text_of (loc->new_item),
                                text_of (in->new_item), RPT_MERGE_ACCEPTED, &merged, error))
        return FALSE;
      rpt_paragraph_set_text (RPT_PARAGRAPH (target), merged);
    }
  return TRUE;
}

/* Puts @id after the item before it in the reviewer's letter (the nearest
 * before it that the result has), or first. */
static void
place_like_theirs (RptMerge *self, RptLetter *result, RptPart part, const char *id)
{
  RptPart found;
  guint from, theirs_pos, to = 0;

  if (rpt_letter_find_item (result, id, &found, &from) == NULL ||
      rpt_letter_find_item (self->theirs, id, &found, &theirs_pos) == NULL)
    return;
  for (guint k = theirs_pos; k > 0; k--)
    {
      const char *before = rpt_letter_item_get_id (rpt_letter_get_item (self->theirs, part, k - 1));
      guint at;
      if (rpt_letter_find_item (result, before, &found, &at) != NULL)
        {
          to = at + 1;
          break;
        }
    }
  if (to > from)
    to--;
  if (to != from)
    rpt_letter_move_item (result, part, from, to);
}

/**
 * rpt_merge_dup_result_so_far:
 *
 * The result as decided so far, the conflicts still open taken as the
 * drafter's: what a preview shows while the drafter decides.
 *
 * Returns: (transfer full): the letter, or %NULL with @error set
 */
RptLetter *
rpt_merge_dup_result_so_far (RptMerge *self, GError **error)
{
  g_autoptr (GArray) open = g_array_new (FALSE, FALSE, sizeof (guint));
  RptLetter *result;

  g_return_val_if_fail (RPT_IS_MERGE (self), NULL);

  for (guint i = 0; i < self->changes->len; i++)
    {
      RptMergeChange *c = g_ptr_array_index (self->changes, i);
      if (c->decision == RPT_MERGE_PENDING)
        {
          c->decision = RPT_MERGE_REJECTED;
          g_array_append_val (open, i);
        }
    }
  result = rpt_merge_dup_result (self, error);
  for (guint k = 0; k < open->len; k++)
    ((RptMergeChange *) g_ptr_array_index (self->changes, g_array_index (open, guint, k)))
      ->decision = RPT_MERGE_PENDING;
  return result;
}

/**
 * rpt_merge_dup_result:
 *
 * Returns: (transfer full): the drafter's letter with the accepted changes
 *   applied, or %NULL with @error set while conflicts wait for a decision
 */
RptLetter *
rpt_merge_dup_result (RptMerge *self, GError **error)
{
  g_autoptr (RptLetter) result = NULL;
  guint pending;

  g_return_val_if_fail (RPT_IS_MERGE (self), NULL);

  pending = rpt_merge_get_n_pending (self);
  if (pending > 0)
    {
      g_set_error (error, RPT_ERROR, RPT_ERROR_INVALID_ARGUMENT,
                   g_dngettext (GETTEXT_PACKAGE, "%u conflict waits for a decision",
                                "%u conflicts wait for a decision", pending),
                   pending);
      return NULL;
    }
  result = copy_letter (self->ours, error);
  if (result == NULL)
    return NULL;

  for (guint i = 0; i < self->changes->len; i++)
    {
      RptMergeChange *c = g_ptr_array_index (self->changes, i);
      const RptFieldChange *f = c->field;

      if (f == NULL || c->decision == RPT_MERGE_REJECTED || c->status == RPT_MERGE_SAME)
        continue;
      if (c->decision == RPT_MERGE_EDITED)
        g_object_set (result, f->name, c->resolution, NULL);
      else if (f->text != NULL && c->local_field != NULL && c->local_field->text != NULL)
        {
          g_autofree char *merged = NULL;
          if (!rpt_merge_text (f->old_raw, c->local_field->new_raw, f->new_raw, RPT_MERGE_ACCEPTED,
                               &merged, error))
            return NULL;
          g_object_set (result, f->name, merged, NULL);
        }
      else if (g_str_equal (f->name, "reference"))
        {
          rpt_letter_set_reference_number (result, rpt_letter_get_reference_number (self->theirs));
          rpt_letter_set_reference_year (result, rpt_letter_get_reference_year (self->theirs));
        }
      else
        copy_property (G_OBJECT (result), G_OBJECT (self->theirs), f->name);
    }

  /* Removals first, then edits, then places in the reviewer's order, so
   * that every item finds the one before it. */
  for (guint i = 0; i < self->changes->len; i++)
    {
      RptMergeChange *c = g_ptr_array_index (self->changes, i);
      RptPart part;
      guint position;

      if (c->item == NULL || c->item->kind != RPT_CHANGE_REMOVED ||
          c->decision != RPT_MERGE_ACCEPTED)
        continue;
      if (rpt_letter_find_item (result, c->item->id, &part, &position) != NULL)
        rpt_letter_remove_item (result, part, position);
    }
  for (guint i = 0; i < self->changes->len; i++)
    {
      RptMergeChange *c = g_ptr_array_index (self->changes, i);
      gpointer target;
      RptPart part;
      guint position;

      if (c->item == NULL || !is_edit (c->item->kind) || c->decision == RPT_MERGE_REJECTED ||
          c->status == RPT_MERGE_SAME)
        continue;
      target = rpt_letter_find_item (result, c->item->id, &part, &position);
      if (target == NULL)
        {
          /* The drafter removed it; accepted, the reviewer's item is back. */
          g_autoptr (GObject) copy = copy_item (c->item->part, c->item->new_item);
          rpt_letter_append_item (result, c->item->part, copy);
          continue;
        }
      if (!apply_edit (self, c, G_OBJECT (target), error))
        return NULL;
    }
  {
    g_autoptr (GHashTable) by_id = g_hash_table_new (g_str_hash, g_str_equal);

    for (guint i = 0; i < self->changes->len; i++)
      {
        RptMergeChange *x = g_ptr_array_index (self->changes, i);
        if (x->item != NULL)
          g_hash_table_insert (by_id, x->item->id, x);
      }
    for (guint p = 0; p < RPT_N_PARTS; p++)
      {
        guint n = rpt_letter_get_n_items (self->theirs, (RptPart) p);

        for (guint k = 0; k < n; k++)
          {
            gpointer item = rpt_letter_get_item (self->theirs, (RptPart) p, k);
            const char *id = rpt_letter_item_get_id (item);
            RptMergeChange *c = g_hash_table_lookup (by_id, id);
            RptPart part;
            guint position;

            if (c == NULL || c->decision == RPT_MERGE_REJECTED || c->status == RPT_MERGE_SAME)
              continue;
            if (c->item->kind == RPT_CHANGE_ADDED &&
                rpt_letter_find_item (result, id, &part, &position) == NULL)
              {
                g_autoptr (GObject) copy = copy_item ((RptPart) p, item);
                rpt_letter_append_item (result, (RptPart) p, copy);
                place_like_theirs (self, result, (RptPart) p, id);
              }
            else if (is_move (c->item->kind) ||
                     (c->local != NULL && c->local->kind == RPT_CHANGE_REMOVED))
              place_like_theirs (self, result, (RptPart) p, id);
          }
      }
  }
  return g_steal_pointer (&result);
}
