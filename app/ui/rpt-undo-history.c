/* rpt-undo-history.c
 *
 * Copyright 2026 The Rapporteur authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "rpt-undo-history"

#include "rpt-undo-history.h"

/**
 * RptUndoHistory:
 *
 * The undo history of a letter's structure and fields: items added,
 * removed, moved and duplicated, and every field of the letter and its
 * items (kind, addressee, dates, a person's name, a mandate's signatory).
 * Paragraph text is not in it: each text box keeps its own history, word
 * by word, with formatting (RptParagraphEditor).
 *
 * It watches the model rather than the forms, so whatever changes the
 * letter, a button, a shortcut, drag and drop or a picker, is undone the
 * same way, and the forms, bound to the model, follow. What one user
 * action changes in one turn of the main loop is one step (a move is a
 * removal and an insertion; removing a mandate removes its signatories
 * too); field changes to the same field in quick succession are merged.
 *
 * Removed items are kept by the history, so undoing a removal brings back
 * the same item, with its id: versions still compare it as the same item.
 */

typedef enum
{
  OP_PROPERTY,
  OP_INSERT,
  OP_REMOVE,
} OpKind;

typedef struct
{
  OpKind kind;
  GObject *object;
  GParamSpec *pspec;
  GValue old_value;
  GValue new_value;
  RptPart part;
  guint position;
} Op;

typedef struct
{
  GPtrArray *ops;
  guint serial;
  gint64 time;
} Step;

/* The last values seen of an object's tracked properties: notify comes
 * after the change, the old value is this. */
typedef struct
{
  GPtrArray *pspecs; /* transfer none: of the class table */
  GValue *values;
} Shadow;

struct _RptUndoHistory
{
  GObject parent_instance;

  RptLetter *letter;
  GPtrArray *mirror[RPT_N_PARTS];
  GHashTable *shadows;     /* GObject → Shadow */
  GHashTable *class_props; /* GType → GPtrArray of GParamSpec */
  GPtrArray *undo;         /* Step, newest last */
  GPtrArray *redo;
  Step *open;
  guint close_id;
  guint next_serial;
  gboolean applying;
};

G_DEFINE_FINAL_TYPE (RptUndoHistory, rpt_undo_history, G_TYPE_OBJECT)

enum
{
  PROP_0,
  PROP_CAN_UNDO,
  PROP_CAN_REDO,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

enum
{
  APPLIED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

/**
 * rpt_undo_history_is_text_property:
 *
 * Returns: whether @property of @object is text a text box edits, with a
 *   history of its own
 */
gboolean
rpt_undo_history_is_text_property (GObject *object, const char *property)
{
  if (RPT_IS_PARAGRAPH (object))
    return g_str_equal (property, "text");
  if (RPT_IS_LETTER (object))
    return g_str_equal (property, "summary") || g_str_equal (property, "communications-about");
  return FALSE;
}

static void
op_free (Op *op)
{
  g_clear_object (&op->object);
  if (G_IS_VALUE (&op->old_value))
    g_value_unset (&op->old_value);
  if (G_IS_VALUE (&op->new_value))
    g_value_unset (&op->new_value);
  g_free (op);
}

static void
step_free (Step *step)
{
  g_ptr_array_unref (step->ops);
  g_free (step);
}

static Step *
step_new (guint serial)
{
  Step *step = g_new0 (Step, 1);

  step->ops = g_ptr_array_new_with_free_func ((GDestroyNotify) op_free);
  step->serial = serial;
  return step;
}

static GPtrArray *
tracked_pspecs (RptUndoHistory *self, GObject *object)
{
  GType type = G_OBJECT_TYPE (object);
  GPtrArray *list = g_hash_table_lookup (self->class_props, GSIZE_TO_POINTER (type));
  g_autofree GParamSpec **all = NULL;
  guint n = 0;

  if (list != NULL)
    return list;
  list = g_ptr_array_new ();
  all = g_object_class_list_properties (G_OBJECT_GET_CLASS (object), &n);
  for (guint i = 0; i < n; i++)
    if ((all[i]->flags & G_PARAM_READWRITE) == G_PARAM_READWRITE &&
        !(all[i]->flags & G_PARAM_CONSTRUCT_ONLY) &&
        !rpt_undo_history_is_text_property (object, all[i]->name))
      g_ptr_array_add (list, all[i]);
  g_hash_table_insert (self->class_props, GSIZE_TO_POINTER (type), list);
  return list;
}

static void
shadow_free (Shadow *shadow)
{
  for (guint i = 0; i < shadow->pspecs->len; i++)
    g_value_unset (&shadow->values[i]);
  g_free (shadow->values);
  g_free (shadow);
}

static void notify_cb (GObject *object, GParamSpec *pspec, RptUndoHistory *self);

static void
track (RptUndoHistory *self, GObject *object)
{
  Shadow *shadow = g_new0 (Shadow, 1);

  shadow->pspecs = tracked_pspecs (self, object);
  shadow->values = g_new0 (GValue, shadow->pspecs->len);
  for (guint i = 0; i < shadow->pspecs->len; i++)
    {
      GParamSpec *pspec = g_ptr_array_index (shadow->pspecs, i);
      g_value_init (&shadow->values[i], pspec->value_type);
      g_object_get_property (object, pspec->name, &shadow->values[i]);
    }
  g_hash_table_replace (self->shadows, object, shadow);
  g_signal_connect (object, "notify", G_CALLBACK (notify_cb), self);
}

static void
untrack (RptUndoHistory *self, GObject *object)
{
  g_signal_handlers_disconnect_by_func (object, notify_cb, self);
  g_hash_table_remove (self->shadows, object);
}

/* --- recording ------------------------------------------------------ */

static gboolean
close_idle_cb (gpointer user_data)
{
  RptUndoHistory *self = user_data;

  self->close_id = 0;
  rpt_undo_history_close_step (self);
  return G_SOURCE_REMOVE;
}

static void
notify_can (RptUndoHistory *self, gboolean could_undo, gboolean could_redo)
{
  if (could_undo != rpt_undo_history_can_undo (self))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CAN_UNDO]);
  if (could_redo != rpt_undo_history_can_redo (self))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CAN_REDO]);
}

static void
record (RptUndoHistory *self, Op *op)
{
  gboolean could_undo = rpt_undo_history_can_undo (self);
  gboolean could_redo = rpt_undo_history_can_redo (self);

  if (self->open == NULL)
    {
      self->open = step_new (++self->next_serial);
      /* What one user action does happens in one turn of the main loop:
       * the step closes at the next. */
      self->close_id = g_idle_add_full (G_PRIORITY_HIGH, close_idle_cb, self, NULL);
    }
  g_ptr_array_add (self->open->ops, op);
  self->open->time = g_get_monotonic_time ();
  g_ptr_array_set_size (self->redo, 0);
  notify_can (self, could_undo, could_redo);
}

static void
notify_cb (GObject *object, GParamSpec *pspec, RptUndoHistory *self)
{
  Shadow *shadow = g_hash_table_lookup (self->shadows, object);
  GValue current = G_VALUE_INIT;
  guint i;

  if (shadow == NULL || !g_ptr_array_find (shadow->pspecs, pspec, &i))
    return;
  g_value_init (&current, pspec->value_type);
  g_object_get_property (object, pspec->name, &current);
  if (g_param_values_cmp (pspec, &current, &shadow->values[i]) == 0)
    {
      g_value_unset (&current);
      return;
    }
  if (!self->applying)
    {
      Op *op = g_new0 (Op, 1);

      op->kind = OP_PROPERTY;
      op->object = g_object_ref (object);
      op->pspec = pspec;
      g_value_init (&op->old_value, pspec->value_type);
      g_value_copy (&shadow->values[i], &op->old_value);
      g_value_init (&op->new_value, pspec->value_type);
      g_value_copy (&current, &op->new_value);
      record (self, op);
    }
  g_value_unset (&shadow->values[i]);
  shadow->values[i] = current;
}

static void
items_changed_cb (GListModel *model,
                  guint position,
                  guint removed,
                  guint added,
                  RptUndoHistory *self)
{
  GPtrArray *mirror = NULL;
  RptPart part;

  for (part = 0; part < RPT_N_PARTS; part++)
    if (rpt_letter_get_part (self->letter, part) == model)
      {
        mirror = self->mirror[part];
        break;
      }
  g_return_if_fail (mirror != NULL);

  for (guint i = 0; i < removed; i++)
    {
      GObject *item = g_ptr_array_index (mirror, position + i);

      if (!self->applying)
        {
          Op *op = g_new0 (Op, 1);
          op->kind = OP_REMOVE;
          op->object = g_object_ref (item);
          op->part = part;
          op->position = position;
          record (self, op);
        }
      untrack (self, item);
    }
  g_ptr_array_remove_range (mirror, position, removed);
  for (guint i = 0; i < added; i++)
    {
      GObject *item = g_list_model_get_item (model, position + i);

      g_ptr_array_insert (mirror, position + i, item);
      track (self, item);
      if (!self->applying)
        {
          Op *op = g_new0 (Op, 1);
          op->kind = OP_INSERT;
          op->object = g_object_ref (item);
          op->part = part;
          op->position = position + i;
          record (self, op);
        }
    }
}

/**
 * rpt_undo_history_close_step:
 *
 * Ends the step being recorded (it ends by itself at the next turn of the
 * main loop), merging it into the step before when both change the same
 * field within RPT_UNDO_MERGE_USEC.
 */
void
rpt_undo_history_close_step (RptUndoHistory *self)
{
  Step *open, *last;

  g_return_if_fail (RPT_IS_UNDO_HISTORY (self));

  g_clear_handle_id (&self->close_id, g_source_remove);
  open = g_steal_pointer (&self->open);
  if (open == NULL)
    return;
  last = self->undo->len > 0 ? g_ptr_array_index (self->undo, self->undo->len - 1) : NULL;
  if (last != NULL && open->ops->len == 1 && last->ops->len == 1)
    {
      Op *a = g_ptr_array_index (last->ops, 0);
      Op *b = g_ptr_array_index (open->ops, 0);

      if (a->kind == OP_PROPERTY && b->kind == OP_PROPERTY && a->object == b->object &&
          a->pspec == b->pspec && open->time - last->time < RPT_UNDO_MERGE_USEC)
        {
          g_value_copy (&b->new_value, &a->new_value);
          last->time = open->time;
          step_free (open);
          return;
        }
    }
  if (self->undo->len >= RPT_UNDO_MAX_STEPS)
    g_ptr_array_remove_index (self->undo, 0);
  g_ptr_array_add (self->undo, open);
}

/* --- undo and redo -------------------------------------------------- */

static gboolean
find_item (RptUndoHistory *self, GObject *object, RptPart *part, guint *position)
{
  for (RptPart p = 0; p < RPT_N_PARTS; p++)
    {
      guint i;
      if (g_ptr_array_find (self->mirror[p], object, &i))
        {
          *part = p;
          *position = i;
          return TRUE;
        }
    }
  return FALSE;
}

static void
apply_op (RptUndoHistory *self, Op *op, gboolean undo, RptPart *part, guint *position)
{
  gboolean insert = (op->kind == OP_INSERT) != undo;

  switch (op->kind)
    {
    case OP_PROPERTY:
      g_object_set_property (op->object, op->pspec->name, undo ? &op->old_value : &op->new_value);
      if (!find_item (self, op->object, part, position))
        {
          *part = RPT_N_PARTS;
          *position = 0;
        }
      return;
    case OP_INSERT:
    case OP_REMOVE:
      *part = op->part;
      *position = op->position;
      if (insert)
        rpt_letter_insert_item (self->letter, op->part, op->position, op->object);
      else
        {
          RptPart p;
          guint i;

          /* The item is where it was, unless the step went wrong: then
           * wherever it is. */
          if (rpt_letter_get_item (self->letter, op->part, op->position) == (gpointer) op->object)
            rpt_letter_remove_item (self->letter, op->part, op->position);
          else if (find_item (self, op->object, &p, &i))
            rpt_letter_remove_item (self->letter, p, i);
        }
      return;
    default:
      g_assert_not_reached ();
    }
}

static gboolean
apply (RptUndoHistory *self, gboolean undo)
{
  GPtrArray *from = undo ? self->undo : self->redo;
  GPtrArray *to = undo ? self->redo : self->undo;
  gboolean could_undo, could_redo;
  const char *property = NULL;
  RptPart part = RPT_N_PARTS;
  guint position = 0;
  Step *step;

  rpt_undo_history_close_step (self);
  if (from->len == 0)
    return FALSE;
  could_undo = rpt_undo_history_can_undo (self);
  could_redo = rpt_undo_history_can_redo (self);
  step = g_ptr_array_steal_index (from, from->len - 1);
  self->applying = TRUE;
  for (guint n = 0; n < step->ops->len; n++)
    {
      Op *op = g_ptr_array_index (step->ops, undo ? step->ops->len - 1 - n : n);
      apply_op (self, op, undo, &part, &position);
      property = op->kind == OP_PROPERTY ? op->pspec->name : NULL;
    }
  self->applying = FALSE;
  /* Undone or redone, a step is new again: the newest change to undo, and
   * not merged with what follows (the merge looks at the last change of
   * the step before, at least RPT_UNDO_MERGE_USEC ago by then). */
  step->time = g_get_monotonic_time () - RPT_UNDO_MERGE_USEC;
  g_ptr_array_add (to, step);
  notify_can (self, could_undo, could_redo);
  g_signal_emit (self, signals[APPLIED], 0, part, position, property);
  return TRUE;
}

gboolean
rpt_undo_history_undo (RptUndoHistory *self)
{
  g_return_val_if_fail (RPT_IS_UNDO_HISTORY (self), FALSE);
  return apply (self, TRUE);
}

gboolean
rpt_undo_history_redo (RptUndoHistory *self)
{
  g_return_val_if_fail (RPT_IS_UNDO_HISTORY (self), FALSE);
  return apply (self, FALSE);
}

gboolean
rpt_undo_history_can_undo (RptUndoHistory *self)
{
  g_return_val_if_fail (RPT_IS_UNDO_HISTORY (self), FALSE);
  return self->open != NULL || self->undo->len > 0;
}

gboolean
rpt_undo_history_can_redo (RptUndoHistory *self)
{
  g_return_val_if_fail (RPT_IS_UNDO_HISTORY (self), FALSE);
  return self->open == NULL && self->redo->len > 0;
}

/**
 * rpt_undo_history_get_serial:
 *
 * Returns: the number of the newest step (being recorded or done), 0 if
 *   none: what a toast's Undo button checks it still undoes
 */
guint
rpt_undo_history_get_serial (RptUndoHistory *self)
{
  g_return_val_if_fail (RPT_IS_UNDO_HISTORY (self), 0);

  if (self->open != NULL)
    return self->open->serial;
  if (self->undo->len > 0)
    return ((Step *) g_ptr_array_index (self->undo, self->undo->len - 1))->serial;
  return 0;
}

/**
 * rpt_undo_history_get_undo_time:
 *
 * Returns: the monotonic time of the change rpt_undo_history_undo() would
 *   undo, 0 if none
 */
gint64
rpt_undo_history_get_undo_time (RptUndoHistory *self)
{
  g_return_val_if_fail (RPT_IS_UNDO_HISTORY (self), 0);

  if (self->open != NULL)
    return self->open->time;
  if (self->undo->len > 0)
    return ((Step *) g_ptr_array_index (self->undo, self->undo->len - 1))->time;
  return 0;
}

guint
rpt_undo_history_get_n_steps (RptUndoHistory *self)
{
  g_return_val_if_fail (RPT_IS_UNDO_HISTORY (self), 0);
  return self->undo->len + (self->open != NULL ? 1 : 0);
}

RptLetter *
rpt_undo_history_get_letter (RptUndoHistory *self)
{
  g_return_val_if_fail (RPT_IS_UNDO_HISTORY (self), NULL);
  return self->letter;
}

/* --- GObject -------------------------------------------------------- */

/**
 * rpt_undo_history_new:
 *
 * Starts recording the changes to @letter.
 */
RptUndoHistory *
rpt_undo_history_new (RptLetter *letter)
{
  RptUndoHistory *self;

  g_return_val_if_fail (RPT_IS_LETTER (letter), NULL);

  self = g_object_new (RPT_TYPE_UNDO_HISTORY, NULL);
  self->letter = g_object_ref (letter);
  track (self, G_OBJECT (letter));
  for (RptPart part = 0; part < RPT_N_PARTS; part++)
    {
      GListModel *model = rpt_letter_get_part (letter, part);

      self->mirror[part] = g_ptr_array_new_with_free_func (g_object_unref);
      self->applying = TRUE;
      items_changed_cb (model, 0, 0, g_list_model_get_n_items (model), self);
      self->applying = FALSE;
      g_signal_connect (model, "items-changed", G_CALLBACK (items_changed_cb), self);
    }
  return self;
}

static void
rpt_undo_history_dispose (GObject *object)
{
  RptUndoHistory *self = RPT_UNDO_HISTORY (object);

  g_clear_handle_id (&self->close_id, g_source_remove);
  if (self->letter != NULL)
    {
      for (RptPart part = 0; part < RPT_N_PARTS; part++)
        {
          g_signal_handlers_disconnect_by_func (rpt_letter_get_part (self->letter, part),
                                                items_changed_cb, self);
          for (guint i = 0; i < self->mirror[part]->len; i++)
            untrack (self, g_ptr_array_index (self->mirror[part], i));
          g_clear_pointer (&self->mirror[part], g_ptr_array_unref);
        }
      untrack (self, G_OBJECT (self->letter));
    }
  g_clear_pointer (&self->open, step_free);
  g_ptr_array_set_size (self->undo, 0);
  g_ptr_array_set_size (self->redo, 0);
  g_clear_object (&self->letter);
  G_OBJECT_CLASS (rpt_undo_history_parent_class)->dispose (object);
}

static void
rpt_undo_history_finalize (GObject *object)
{
  RptUndoHistory *self = RPT_UNDO_HISTORY (object);

  g_hash_table_unref (self->shadows);
  g_hash_table_unref (self->class_props);
  g_ptr_array_unref (self->undo);
  g_ptr_array_unref (self->redo);
  G_OBJECT_CLASS (rpt_undo_history_parent_class)->finalize (object);
}

static void
rpt_undo_history_get_property (GObject *object, guint prop_id, GValue *value, GParamSpec *pspec)
{
  RptUndoHistory *self = RPT_UNDO_HISTORY (object);

  switch (prop_id)
    {
    case PROP_CAN_UNDO:
      g_value_set_boolean (value, rpt_undo_history_can_undo (self));
      break;
    case PROP_CAN_REDO:
      g_value_set_boolean (value, rpt_undo_history_can_redo (self));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
rpt_undo_history_class_init (RptUndoHistoryClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = rpt_undo_history_dispose;
  object_class->finalize = rpt_undo_history_finalize;
  object_class->get_property = rpt_undo_history_get_property;

  properties[PROP_CAN_UNDO] =
    g_param_spec_boolean ("can-undo", NULL, NULL, FALSE,
                          G_PARAM_READABLE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  properties[PROP_CAN_REDO] =
    g_param_spec_boolean ("can-redo", NULL, NULL, FALSE,
                          G_PARAM_READABLE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * RptUndoHistory::applied:
   * @part: the part of the item the step changed last, or RPT_N_PARTS for
   *   a field of the letter itself
   * @position: the item's position (for a removal undone by redo: where it
   *   was)
   * @property: (nullable): the field changed, %NULL for an item added,
   *   removed or moved
   *
   * A step was undone or redone: where the window puts the focus.
   */
  signals[APPLIED] =
    g_signal_new ("applied", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL,
                  G_TYPE_NONE, 3, G_TYPE_UINT, G_TYPE_UINT, G_TYPE_STRING);
}

static void
rpt_undo_history_init (RptUndoHistory *self)
{
  self->shadows = g_hash_table_new_full (NULL, NULL, NULL, (GDestroyNotify) shadow_free);
  self->class_props = g_hash_table_new_full (NULL, NULL, NULL, (GDestroyNotify) g_ptr_array_unref);
  self->undo = g_ptr_array_new_with_free_func ((GDestroyNotify) step_free);
  self->redo = g_ptr_array_new_with_free_func ((GDestroyNotify) step_free);
}
