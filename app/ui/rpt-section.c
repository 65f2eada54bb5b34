/* rpt-section.c
 *
 * Copyright 2026 The Rapporteur authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "rpt-section"

#include <glib/gi18n.h>

#include "rpt-section.h"
#include "rpt-window.h"

typedef struct
{
  RptLetter *letter;
  gboolean writable;
  /* Whether the subclass shows @letter: sections bind their letter when
   * first shown, so that opening a long letter builds one form, not ten. */
  gboolean bound;
} RptSectionPrivate;

G_DEFINE_ABSTRACT_TYPE_WITH_PRIVATE (RptSection, rpt_section, GTK_TYPE_WIDGET)

enum
{
  PROP_0,
  PROP_LETTER,
  PROP_WRITABLE,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
bind_letter (RptSection *self)
{
  RptSectionPrivate *priv = rpt_section_get_instance_private (self);

  priv->bound = TRUE;
  if (RPT_SECTION_GET_CLASS (self)->letter_set != NULL)
    RPT_SECTION_GET_CLASS (self)->letter_set (self, priv->letter);
}

/**
 * rpt_section_ensure_bound:
 *
 * Makes the section show its letter now, shown or not (for tests and for
 * actions on a section not on screen).
 */
void
rpt_section_ensure_bound (RptSection *self)
{
  RptSectionPrivate *priv = rpt_section_get_instance_private (self);

  g_return_if_fail (RPT_IS_SECTION (self));
  if (!priv->bound)
    bind_letter (self);
}

RptLetter *
rpt_section_get_letter (RptSection *self)
{
  RptSectionPrivate *priv = rpt_section_get_instance_private (self);

  g_return_val_if_fail (RPT_IS_SECTION (self), NULL);
  return priv->letter;
}

void
rpt_section_set_letter (RptSection *self, RptLetter *letter)
{
  RptSectionPrivate *priv = rpt_section_get_instance_private (self);

  g_return_if_fail (RPT_IS_SECTION (self));
  g_return_if_fail (letter == NULL || RPT_IS_LETTER (letter));

  if (!g_set_object (&priv->letter, letter))
    return;
  priv->bound = FALSE;
  if (gtk_widget_get_mapped (GTK_WIDGET (self)))
    bind_letter (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_LETTER]);
}

static void
rpt_section_map (GtkWidget *widget)
{
  RptSection *self = RPT_SECTION (widget);
  RptSectionPrivate *priv = rpt_section_get_instance_private (self);

  if (!priv->bound)
    bind_letter (self);
  GTK_WIDGET_CLASS (rpt_section_parent_class)->map (widget);
}

gboolean
rpt_section_get_writable (RptSection *self)
{
  RptSectionPrivate *priv = rpt_section_get_instance_private (self);

  g_return_val_if_fail (RPT_IS_SECTION (self), FALSE);
  return priv->writable;
}

void
rpt_section_set_writable (RptSection *self, gboolean writable)
{
  RptSectionPrivate *priv = rpt_section_get_instance_private (self);

  g_return_if_fail (RPT_IS_SECTION (self));

  writable = !!writable;
  if (priv->writable == writable)
    return;
  priv->writable = writable;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_WRITABLE]);
}

gboolean
rpt_section_add_item (RptSection *self)
{
  g_return_val_if_fail (RPT_IS_SECTION (self), FALSE);

  if (!rpt_section_get_writable (self) || RPT_SECTION_GET_CLASS (self)->add_item == NULL)
    return FALSE;
  rpt_section_ensure_bound (self);
  return RPT_SECTION_GET_CLASS (self)->add_item (self);
}

/**
 * rpt_section_show_toast:
 *
 * Shows @text in the toast overlay of the window holding @widget.
 */
void
rpt_section_show_toast (GtkWidget *widget, const char *text)
{
  GtkWidget *overlay = gtk_widget_get_ancestor (widget, ADW_TYPE_TOAST_OVERLAY);

  if (overlay != NULL)
    adw_toast_overlay_add_toast (ADW_TOAST_OVERLAY (overlay), adw_toast_new (text));
}

/**
 * rpt_section_show_undo_toast:
 *
 * Shows @text with an Undo button for what was just done: a removal.
 */
void
rpt_section_show_undo_toast (GtkWidget *widget, const char *text)
{
  GtkWidget *overlay = gtk_widget_get_ancestor (widget, ADW_TYPE_TOAST_OVERLAY);
  GtkRoot *root = gtk_widget_get_root (widget);
  RptUndoHistory *history =
    RPT_IS_WINDOW (root) ? rpt_window_get_undo_history (RPT_WINDOW (root)) : NULL;
  AdwToast *toast;

  if (overlay == NULL)
    return;
  toast = adw_toast_new (text);
  if (history != NULL)
    {
      /* The step is still being recorded: its number says which step the
       * button undoes, whatever is done after it. */
      adw_toast_set_button_label (toast, _ ("_Undo"));
      adw_toast_set_action_name (toast, "win.undo-step");
      adw_toast_set_action_target_value (
        toast, g_variant_new_uint32 (rpt_undo_history_get_serial (history)));
    }
  adw_toast_overlay_add_toast (ADW_TOAST_OVERLAY (overlay), toast);
}

/**
 * rpt_section_focus_item:
 * @memo: (nullable): where in the row the focus goes, else its first field
 *
 * Gives the focus to the row of item @position of @part, scrolled into
 * view: after an item is added, moved, duplicated or removed, or an edit
 * is undone.
 *
 * Returns: whether the row took the focus
 */
gboolean
rpt_section_focus_item (RptSection *self, RptPart part, guint position, RptFocusMemo *memo)
{
  GtkWidget *row;

  g_return_val_if_fail (RPT_IS_SECTION (self), FALSE);

  if (RPT_SECTION_GET_CLASS (self)->ensure_row == NULL)
    return FALSE;
  rpt_section_ensure_bound (self);
  row = RPT_SECTION_GET_CLASS (self)->ensure_row (self, part, position);
  if (row == NULL)
    return FALSE;
  if (rpt_focus_memo_restore (memo, row))
    return TRUE;
  return rpt_row_focus_default (row);
}

static void
rpt_section_dispose (GObject *object)
{
  RptSection *self = RPT_SECTION (object);
  RptSectionPrivate *priv = rpt_section_get_instance_private (self);
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self))) != NULL)
    gtk_widget_unparent (child);
  g_clear_object (&priv->letter);
  G_OBJECT_CLASS (rpt_section_parent_class)->dispose (object);
}

static void
rpt_section_get_property (GObject *object, guint prop_id, GValue *value, GParamSpec *pspec)
{
  RptSection *self = RPT_SECTION (object);

  switch (prop_id)
    {
    case PROP_LETTER:
      g_value_set_object (value, rpt_section_get_letter (self));
      break;
    case PROP_WRITABLE:
      g_value_set_boolean (value, rpt_section_get_writable (self));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
rpt_section_set_property (GObject *object, guint prop_id, const GValue *value, GParamSpec *pspec)
{
  RptSection *self = RPT_SECTION (object);

  switch (prop_id)
    {
    case PROP_LETTER:
      rpt_section_set_letter (self, g_value_get_object (value));
      break;
    case PROP_WRITABLE:
      rpt_section_set_writable (self, g_value_get_boolean (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
rpt_section_class_init (RptSectionClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = rpt_section_dispose;
  object_class->get_property = rpt_section_get_property;
  object_class->set_property = rpt_section_set_property;
  widget_class->map = rpt_section_map;

  properties[PROP_LETTER] =
    g_param_spec_object ("letter", NULL, NULL, RPT_TYPE_LETTER,
                         G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  properties[PROP_WRITABLE] =
    g_param_spec_boolean ("writable", NULL, NULL, TRUE,
                          G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
}

static void
rpt_section_init (RptSection *self)
{
  RptSectionPrivate *priv = rpt_section_get_instance_private (self);

  priv->writable = TRUE;
}

gboolean
rpt_section_null_to_empty (GBinding *binding, const GValue *from, GValue *to, gpointer user_data)
{
  const char *text = g_value_get_string (from);

  g_value_set_string (to, text != NULL ? text : "");
  return TRUE;
}

gboolean
rpt_section_empty_to_null (GBinding *binding, const GValue *from, GValue *to, gpointer user_data)
{
  const char *text = g_value_get_string (from);

  g_value_set_string (to, text != NULL && text[0] != '\0' ? text : NULL);
  return TRUE;
}
