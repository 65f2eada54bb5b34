/* rpt-item-list.c
 *
 * Copyright 2026 The Rapporteur authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "rpt-item-list"

#include "rpt-item-list.h"

/**
 * RptItemList:
 *
 * The rows of a long list, made only for what is on screen: a letter with
 * ten thousand facts has a dozen fact editors, not ten thousand. Each item
 * keeps a height (measured once its row has been made, estimated before),
 * so the scroll bar spans the whole list; rows scrolled away are dropped,
 * except the one holding the focus, which stays where the keyboard is.
 *
 * It is scrollable: put it straight into a GtkScrolledWindow. The keyboard
 * moves through it as through a box (Tab goes from the last field of one
 * row to the first of the next, making that row if need be) and the list
 * scrolls to keep the focus in view.
 *
 * Rows are children in model order. They are not recycled: each is made
 * for its item and dropped with it, so a row never shows another item's
 * state.
 */

#define DEFAULT_ESTIMATE 120
#define SPACING 12
#define MARGIN 12
#define PADDING_TOP 24
#define PADDING_BOTTOM 24
/* Rows made beyond the visible area, so that scrolling a little shows
 * rows already laid out. */
#define OVERSCAN 200
/* Space kept between the focus (or the caret) and the edge it scrolls to. */
#define REVEAL_MARGIN 24

typedef struct
{
  GtkWidget *widget;
  int height;
  gboolean measured;
} Row;

struct _RptItemList
{
  GtkWidget parent_instance;

  GListModel *model;
  RptItemListCreateFunc create;
  RptItemListEstimateFunc estimate;
  gpointer user_data;

  GtkAdjustment *hadjustment;
  GtkAdjustment *vadjustment;
  GtkScrollablePolicy hscroll_policy;
  GtkScrollablePolicy vscroll_policy;

  GArray *rows;    /* Row, one per item */
  GArray *offsets; /* int, n + 1: where each row starts; the last is the end */
  gboolean offsets_dirty;
  int row_width; /* the width heights were measured or estimated for */
  int max_width;
  gboolean reveal_focus;
  gboolean in_allocate;
};

static void scrollable_iface_init (GtkScrollableInterface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (RptItemList,
                               rpt_item_list,
                               GTK_TYPE_WIDGET,
                               G_IMPLEMENT_INTERFACE (GTK_TYPE_SCROLLABLE, scrollable_iface_init))

enum
{
  PROP_0,
  PROP_HADJUSTMENT,
  PROP_VADJUSTMENT,
  PROP_HSCROLL_POLICY,
  PROP_VSCROLL_POLICY,
  N_PROPS
};

GtkWidget *
rpt_item_list_new (void)
{
  return g_object_new (RPT_TYPE_ITEM_LIST, NULL);
}

static guint
n_rows (RptItemList *self)
{
  return self->rows->len;
}

static Row *
get_row (RptItemList *self, guint i)
{
  return &g_array_index (self->rows, Row, i);
}

static int
estimate_height (RptItemList *self, guint i)
{
  g_autoptr (GObject) item = NULL;
  int height;

  if (self->estimate == NULL)
    return DEFAULT_ESTIMATE;
  item = g_list_model_get_item (self->model, i);
  height = self->estimate (item, self->row_width > 0 ? self->row_width : 600, self->user_data);
  return MAX (height, 1);
}

static void
ensure_offsets (RptItemList *self)
{
  int y = PADDING_TOP;

  if (!self->offsets_dirty)
    return;
  g_array_set_size (self->offsets, n_rows (self) + 1);
  for (guint i = 0; i < n_rows (self); i++)
    {
      Row *row = get_row (self, i);

      if (row->height < 0)
        row->height = estimate_height (self, i);
      g_array_index (self->offsets, int, i) = y;
      y += row->height + (i + 1 < n_rows (self) ? SPACING : 0);
    }
  g_array_index (self->offsets, int, n_rows (self)) = y + PADDING_BOTTOM;
  self->offsets_dirty = FALSE;
}

static int
offset_of (RptItemList *self, guint i)
{
  ensure_offsets (self);
  return g_array_index (self->offsets, int, i);
}

static int
total_height (RptItemList *self)
{
  return offset_of (self, n_rows (self));
}

/* The first row whose bottom is below @y. */
static guint
row_at_y (RptItemList *self, int y)
{
  guint lo = 0, hi = n_rows (self);

  ensure_offsets (self);
  while (lo < hi)
    {
      guint mid = lo + (hi - lo) / 2;
      Row *row = get_row (self, mid);
      if (g_array_index (self->offsets, int, mid) + row->height <= y)
        lo = mid + 1;
      else
        hi = mid;
    }
  return lo;
}

/* --- rows ----------------------------------------------------------- */

static GtkWidget *
previous_widget (RptItemList *self, guint i)
{
  while (i > 0)
    {
      Row *row = get_row (self, --i);
      if (row->widget != NULL)
        return row->widget;
    }
  return NULL;
}

/**
 * rpt_item_list_ensure_row:
 *
 * Makes the row for @position now if it is not on screen (it is dropped
 * again once scrolled away, unless it holds the focus).
 *
 * Returns: (transfer none) (nullable): the row
 */
GtkWidget *
rpt_item_list_ensure_row (RptItemList *self, guint position)
{
  g_autoptr (GObject) item = NULL;
  Row *row;

  g_return_val_if_fail (RPT_IS_ITEM_LIST (self), NULL);

  if (position >= n_rows (self) || self->create == NULL)
    return NULL;
  row = get_row (self, position);
  if (row->widget != NULL)
    return row->widget;
  item = g_list_model_get_item (self->model, position);
  row->widget = self->create (item, self->user_data);
  if (row->widget == NULL)
    return NULL;
  gtk_widget_insert_after (row->widget, GTK_WIDGET (self), previous_widget (self, position));
  return row->widget;
}

GtkWidget *
rpt_item_list_get_row (RptItemList *self, guint position)
{
  g_return_val_if_fail (RPT_IS_ITEM_LIST (self), NULL);

  if (position >= n_rows (self))
    return NULL;
  return get_row (self, position)->widget;
}

/**
 * rpt_item_list_get_position:
 *
 * Returns: the position of the item @row shows, or -1
 */
int
rpt_item_list_get_position (RptItemList *self, GtkWidget *row)
{
  g_return_val_if_fail (RPT_IS_ITEM_LIST (self), -1);

  for (guint i = 0; row != NULL && i < n_rows (self); i++)
    if (get_row (self, i)->widget == row)
      return (int) i;
  return -1;
}

/**
 * rpt_item_list_get_n_widgets:
 *
 * Returns: how many rows are made (what the memory grows with)
 */
guint
rpt_item_list_get_n_widgets (RptItemList *self)
{
  guint n = 0;

  g_return_val_if_fail (RPT_IS_ITEM_LIST (self), 0);

  for (GtkWidget *child = gtk_widget_get_first_child (GTK_WIDGET (self)); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    n++;
  return n;
}

static void
drop_row (RptItemList *self, Row *row)
{
  if (row->widget == NULL)
    return;
  gtk_widget_unparent (row->widget);
  row->widget = NULL;
}

static void
clear_rows (RptItemList *self)
{
  for (guint i = 0; i < n_rows (self); i++)
    drop_row (self, get_row (self, i));
  g_array_set_size (self->rows, 0);
  self->offsets_dirty = TRUE;
}

static void
items_changed_cb (GListModel *model, guint position, guint removed, guint added, RptItemList *self)
{
  for (guint i = position; i < position + removed; i++)
    drop_row (self, get_row (self, i));
  g_array_remove_range (self->rows, position, removed);
  for (guint i = 0; i < added; i++)
    {
      Row row = { NULL, -1, FALSE };
      g_array_insert_val (self->rows, position + i, row);
    }
  self->offsets_dirty = TRUE;
  gtk_widget_queue_resize (GTK_WIDGET (self));
}

/**
 * rpt_item_list_set_model:
 * @model: (nullable): the items
 * @create: makes the row of an item
 * @estimate: (nullable): how tall a row will be, before it is made
 */
void
rpt_item_list_set_model (RptItemList *self,
                         GListModel *model,
                         RptItemListCreateFunc create,
                         RptItemListEstimateFunc estimate,
                         gpointer user_data)
{
  g_return_if_fail (RPT_IS_ITEM_LIST (self));
  g_return_if_fail (model == NULL || G_IS_LIST_MODEL (model));

  if (self->model != NULL)
    g_signal_handlers_disconnect_by_func (self->model, items_changed_cb, self);
  clear_rows (self);
  g_set_object (&self->model, model);
  self->create = create;
  self->estimate = estimate;
  self->user_data = user_data;
  if (model != NULL)
    {
      g_signal_connect (model, "items-changed", G_CALLBACK (items_changed_cb), self);
      items_changed_cb (model, 0, 0, g_list_model_get_n_items (model), self);
    }
  if (self->vadjustment != NULL)
    gtk_adjustment_set_value (self->vadjustment, 0);
  gtk_widget_queue_resize (GTK_WIDGET (self));
}

GListModel *
rpt_item_list_get_model (RptItemList *self)
{
  g_return_val_if_fail (RPT_IS_ITEM_LIST (self), NULL);
  return self->model;
}

void
rpt_item_list_set_max_width (RptItemList *self, int width)
{
  g_return_if_fail (RPT_IS_ITEM_LIST (self));
  self->max_width = width;
  gtk_widget_queue_resize (GTK_WIDGET (self));
}

/* --- scrolling ------------------------------------------------------ */

static int
viewport_height (RptItemList *self)
{
  return gtk_widget_get_height (GTK_WIDGET (self));
}

static void
set_value (RptItemList *self, double value)
{
  double upper = total_height (self);
  double page = viewport_height (self);

  value = CLAMP (value, 0, MAX (upper - page, 0));
  if (self->vadjustment == NULL)
    return;
  /* The upper bound may have grown since the last allocation: configure
   * first, so the value is not clamped to the old one. */
  if (gtk_adjustment_get_upper (self->vadjustment) < upper)
    gtk_adjustment_set_upper (self->vadjustment, upper);
  gtk_adjustment_set_value (self->vadjustment, value);
}

static double
get_value (RptItemList *self)
{
  return self->vadjustment != NULL ? gtk_adjustment_get_value (self->vadjustment) : 0;
}

/* Brings [y, y + height) of the list's content into view, moving as little
 * as possible. */
static void
reveal_range (RptItemList *self, int y, int height)
{
  double value = get_value (self);
  int page = viewport_height (self);

  if (page <= 0)
    return;
  if (y - REVEAL_MARGIN < value || height + 2 * REVEAL_MARGIN > page)
    set_value (self, y - REVEAL_MARGIN);
  else if (y + height + REVEAL_MARGIN > value + page)
    set_value (self, y + height + REVEAL_MARGIN - page);
}

/**
 * rpt_item_list_scroll_to:
 *
 * Scrolls so that the row for @position is in view.
 */
void
rpt_item_list_scroll_to (RptItemList *self, guint position)
{
  g_return_if_fail (RPT_IS_ITEM_LIST (self));

  if (position >= n_rows (self))
    return;
  reveal_range (self, offset_of (self, position), get_row (self, position)->height);
  gtk_widget_queue_allocate (GTK_WIDGET (self));
}

/**
 * rpt_scroll_reveal:
 * @widget: a widget inside a scrolled window
 * @rect: a part of @widget, in its coordinates
 *
 * Scrolls the nearest scrollable around @widget (a list, a viewport) as
 * little as possible to show @rect: the caret as the drafter types past
 * the bottom of the window, the field the focus moved to.
 */
void
rpt_scroll_reveal (GtkWidget *widget, const graphene_rect_t *rect)
{
  GtkWidget *scrollable;
  GtkAdjustment *adj;
  graphene_point_t top, bottom;
  double value, page;

  g_return_if_fail (GTK_IS_WIDGET (widget));

  for (scrollable = gtk_widget_get_parent (widget); scrollable != NULL;
       scrollable = gtk_widget_get_parent (scrollable))
    if (GTK_IS_SCROLLABLE (scrollable))
      break;
  if (scrollable == NULL)
    return;
  adj = gtk_scrollable_get_vadjustment (GTK_SCROLLABLE (scrollable));
  if (adj == NULL ||
      !gtk_widget_compute_point (widget, scrollable, &GRAPHENE_POINT_INIT (0, rect->origin.y),
                                 &top) ||
      !gtk_widget_compute_point (
        widget, scrollable, &GRAPHENE_POINT_INIT (0, rect->origin.y + rect->size.height), &bottom))
    return;
  /* The scrollable's own coordinates are those of what it shows. */
  value = gtk_adjustment_get_value (adj);
  page = gtk_adjustment_get_page_size (adj);
  if (top.y < REVEAL_MARGIN || bottom.y - top.y + 2 * REVEAL_MARGIN > page)
    gtk_adjustment_set_value (adj, value + top.y - REVEAL_MARGIN);
  else if (bottom.y > page - REVEAL_MARGIN)
    gtk_adjustment_set_value (adj, value + bottom.y - page + REVEAL_MARGIN);
}

static void
value_changed_cb (RptItemList *self)
{
  if (!self->in_allocate)
    gtk_widget_queue_allocate (GTK_WIDGET (self));
}

static void
set_adjustment (RptItemList *self, GtkAdjustment **slot, GtkAdjustment *adjustment)
{
  if (*slot == adjustment)
    return;
  if (*slot != NULL)
    {
      g_signal_handlers_disconnect_by_func (*slot, value_changed_cb, self);
      g_object_unref (*slot);
    }
  if (adjustment == NULL)
    adjustment = gtk_adjustment_new (0, 0, 0, 0, 0, 0);
  *slot = g_object_ref_sink (adjustment);
  g_signal_connect_swapped (adjustment, "value-changed", G_CALLBACK (value_changed_cb), self);
  gtk_widget_queue_allocate (GTK_WIDGET (self));
}

/* --- layout --------------------------------------------------------- */

static int
row_width_for (RptItemList *self, int width)
{
  int w = width - 2 * MARGIN;

  if (self->max_width > 0)
    w = MIN (w, self->max_width);
  return MAX (w, 1);
}

static gboolean
measure_row (RptItemList *self, guint i)
{
  Row *row = get_row (self, i);
  int height = 0;

  if (row->widget == NULL || !gtk_widget_get_visible (row->widget))
    height = row->widget != NULL ? 0 : row->height;
  else
    gtk_widget_measure (row->widget, GTK_ORIENTATION_VERTICAL, self->row_width, &height, NULL, NULL,
                        NULL);
  row->measured = TRUE;
  if (height == row->height)
    return FALSE;
  row->height = height;
  self->offsets_dirty = TRUE;
  return TRUE;
}

static void
rpt_item_list_measure (GtkWidget *widget,
                       GtkOrientation orientation,
                       int for_size,
                       int *minimum,
                       int *natural,
                       int *minimum_baseline,
                       int *natural_baseline)
{
  RptItemList *self = RPT_ITEM_LIST (widget);

  if (orientation == GTK_ORIENTATION_HORIZONTAL)
    {
      *minimum = 240;
      *natural = (self->max_width > 0 ? self->max_width : 600) + 2 * MARGIN;
    }
  else
    {
      /* Scrolled, it is given the height of the window; alone, it asks
       * for its whole content, as estimated. */
      *minimum = 0;
      *natural = total_height (self);
    }
}

static GtkWidget *
focus_row (RptItemList *self)
{
  return gtk_widget_get_focus_child (GTK_WIDGET (self));
}

/* Makes the rows in view, drops those out of it and places them. */
static void
allocate_rows (RptItemList *self, int width, int height)
{
  int row_width = row_width_for (self, width);
  int x = (width - row_width) / 2;
  GtkWidget *focused = focus_row (self);
  double value;
  guint first = 0, last = 0;

  self->in_allocate = TRUE;
  if (row_width != self->row_width)
    {
      /* Every height was for another width: estimate again, and measure
       * what is made. */
      self->row_width = row_width;
      for (guint i = 0; i < n_rows (self); i++)
        {
          get_row (self, i)->height = -1;
          get_row (self, i)->measured = FALSE;
        }
      self->offsets_dirty = TRUE;
    }

  /* Which rows are in view depends on the heights of those before them;
   * measuring a row may change them. A few rounds settle it; rows above
   * the first one in view keep it where it was on screen. */
  value = get_value (self);
  for (guint round = 0; round < 4; round++)
    {
      gboolean changed = FALSE;
      guint anchor;
      int anchor_shift;

      value = CLAMP (value, 0, MAX (total_height (self) - height, 0));
      first = row_at_y (self, (int) value - OVERSCAN);
      anchor = row_at_y (self, (int) value);
      anchor_shift = anchor < n_rows (self) ? offset_of (self, anchor) - (int) value : 0;
      for (last = first; last < n_rows (self) && offset_of (self, last) < value + height + OVERSCAN;
           last++)
        {
          rpt_item_list_ensure_row (self, last);
          if (!get_row (self, last)->measured || get_row (self, last)->widget != NULL)
            changed |= measure_row (self, last);
        }
      if (!changed)
        break;
      if (anchor < n_rows (self))
        value = offset_of (self, anchor) - anchor_shift;
    }

  /* Rows out of view go, except the one with the focus. */
  for (guint i = 0; i < n_rows (self); i++)
    {
      Row *row = get_row (self, i);
      if (row->widget != NULL && (i < first || i >= last) && row->widget != focused)
        drop_row (self, row);
    }

  if (self->vadjustment != NULL)
    gtk_adjustment_configure (self->vadjustment, value, 0, MAX (total_height (self), height),
                              height * 0.1, height * 0.9, height);
  if (self->hadjustment != NULL)
    gtk_adjustment_configure (self->hadjustment, 0, 0, width, width * 0.1, width * 0.9, width);
  value = get_value (self);

  for (guint i = 0; i < n_rows (self); i++)
    {
      Row *row = get_row (self, i);
      GtkAllocation alloc;

      if (row->widget == NULL)
        continue;
      if (!row->measured)
        measure_row (self, i);
      alloc.x = x;
      alloc.y = offset_of (self, i) - (int) value;
      alloc.width = row_width;
      alloc.height = row->height;
      gtk_widget_size_allocate (row->widget, &alloc, -1);
    }
  self->in_allocate = FALSE;
}

static void
rpt_item_list_size_allocate (GtkWidget *widget, int width, int height, int baseline)
{
  RptItemList *self = RPT_ITEM_LIST (widget);

  allocate_rows (self, width, height);
  if (self->reveal_focus)
    {
      GtkRoot *root = gtk_widget_get_root (widget);
      GtkWidget *focus = root != NULL ? gtk_root_get_focus (root) : NULL;
      graphene_rect_t bounds;

      self->reveal_focus = FALSE;
      if (focus != NULL && gtk_widget_is_ancestor (focus, widget) &&
          gtk_widget_compute_bounds (focus, widget, &bounds))
        {
          /* A field partly in view is left where it is: the caret,
           * which the editor reveals, is what matters in a tall one. */
          if (bounds.origin.y + bounds.size.height <= 0 || bounds.origin.y >= height)
            {
              /* Placed again at once: a resize queued while the list is
               * being allocated would be forgotten when it returns. */
              self->in_allocate = TRUE;
              reveal_range (self, (int) (bounds.origin.y + get_value (self)),
                            (int) bounds.size.height);
              self->in_allocate = FALSE;
              allocate_rows (self, width, height);
            }
        }
    }
}

static void
rpt_item_list_set_focus_child (GtkWidget *widget, GtkWidget *child)
{
  RptItemList *self = RPT_ITEM_LIST (widget);

  GTK_WIDGET_CLASS (rpt_item_list_parent_class)->set_focus_child (widget, child);
  if (child != NULL)
    {
      self->reveal_focus = TRUE;
      gtk_widget_queue_allocate (widget);
    }
}

/* Tab and the arrows go from row to row in model order, making the next
 * row when it is not on screen. */
static gboolean
rpt_item_list_focus (GtkWidget *widget, GtkDirectionType direction)
{
  RptItemList *self = RPT_ITEM_LIST (widget);
  GtkWidget *focused = focus_row (self);
  gboolean forward = direction == GTK_DIR_TAB_FORWARD || direction == GTK_DIR_DOWN;
  gint64 i;

  if (focused != NULL && gtk_widget_child_focus (focused, direction))
    return TRUE;
  if (direction == GTK_DIR_LEFT || direction == GTK_DIR_RIGHT || n_rows (self) == 0)
    return FALSE;
  if (focused != NULL)
    i = rpt_item_list_get_position (self, focused) + (forward ? 1 : -1);
  else
    i = forward ? 0 : (gint64) n_rows (self) - 1;
  for (; i >= 0 && i < n_rows (self); i += forward ? 1 : -1)
    {
      GtkWidget *row = rpt_item_list_ensure_row (self, (guint) i);

      if (row != NULL && gtk_widget_child_focus (row, direction))
        {
          rpt_item_list_scroll_to (self, (guint) i);
          return TRUE;
        }
    }
  return FALSE;
}

static gboolean
rpt_item_list_grab_focus (GtkWidget *widget)
{
  return rpt_item_list_focus (widget, GTK_DIR_TAB_FORWARD);
}

/* --- GObject -------------------------------------------------------- */

static void
rpt_item_list_dispose (GObject *object)
{
  RptItemList *self = RPT_ITEM_LIST (object);

  if (self->model != NULL)
    g_signal_handlers_disconnect_by_func (self->model, items_changed_cb, self);
  clear_rows (self);
  g_clear_object (&self->model);
  if (self->hadjustment != NULL)
    g_signal_handlers_disconnect_by_func (self->hadjustment, value_changed_cb, self);
  if (self->vadjustment != NULL)
    g_signal_handlers_disconnect_by_func (self->vadjustment, value_changed_cb, self);
  g_clear_object (&self->hadjustment);
  g_clear_object (&self->vadjustment);
  G_OBJECT_CLASS (rpt_item_list_parent_class)->dispose (object);
}

static void
rpt_item_list_finalize (GObject *object)
{
  RptItemList *self = RPT_ITEM_LIST (object);

  g_array_unref (self->rows);
  g_array_unref (self->offsets);
  G_OBJECT_CLASS (rpt_item_list_parent_class)->finalize (object);
}

static void
rpt_item_list_get_property (GObject *object, guint prop_id, GValue *value, GParamSpec *pspec)
{
  RptItemList *self = RPT_ITEM_LIST (object);

  switch (prop_id)
    {
    case PROP_HADJUSTMENT:
      g_value_set_object (value, self->hadjustment);
      break;
    case PROP_VADJUSTMENT:
      g_value_set_object (value, self->vadjustment);
      break;
    case PROP_HSCROLL_POLICY:
      g_value_set_enum (value, self->hscroll_policy);
      break;
    case PROP_VSCROLL_POLICY:
      g_value_set_enum (value, self->vscroll_policy);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
rpt_item_list_set_property (GObject *object, guint prop_id, const GValue *value, GParamSpec *pspec)
{
  RptItemList *self = RPT_ITEM_LIST (object);

  switch (prop_id)
    {
    case PROP_HADJUSTMENT:
      set_adjustment (self, &self->hadjustment, g_value_get_object (value));
      break;
    case PROP_VADJUSTMENT:
      set_adjustment (self, &self->vadjustment, g_value_get_object (value));
      break;
    case PROP_HSCROLL_POLICY:
      self->hscroll_policy = g_value_get_enum (value);
      break;
    case PROP_VSCROLL_POLICY:
      self->vscroll_policy = g_value_get_enum (value);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
scrollable_iface_init (GtkScrollableInterface *iface)
{
}

static void
rpt_item_list_class_init (RptItemListClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = rpt_item_list_dispose;
  object_class->finalize = rpt_item_list_finalize;
  object_class->get_property = rpt_item_list_get_property;
  object_class->set_property = rpt_item_list_set_property;
  widget_class->measure = rpt_item_list_measure;
  widget_class->size_allocate = rpt_item_list_size_allocate;
  widget_class->focus = rpt_item_list_focus;
  widget_class->grab_focus = rpt_item_list_grab_focus;
  widget_class->set_focus_child = rpt_item_list_set_focus_child;

  g_object_class_override_property (object_class, PROP_HADJUSTMENT, "hadjustment");
  g_object_class_override_property (object_class, PROP_VADJUSTMENT, "vadjustment");
  g_object_class_override_property (object_class, PROP_HSCROLL_POLICY, "hscroll-policy");
  g_object_class_override_property (object_class, PROP_VSCROLL_POLICY, "vscroll-policy");
  gtk_widget_class_set_css_name (widget_class, "itemlist");
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_LIST);
}

static void
rpt_item_list_init (RptItemList *self)
{
  self->rows = g_array_new (FALSE, FALSE, sizeof (Row));
  self->offsets = g_array_new (FALSE, TRUE, sizeof (int));
  self->offsets_dirty = TRUE;
  self->max_width = 720;
  self->vscroll_policy = GTK_SCROLL_NATURAL;
  gtk_widget_set_overflow (GTK_WIDGET (self), GTK_OVERFLOW_HIDDEN);
}
