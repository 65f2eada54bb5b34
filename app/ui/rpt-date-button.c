/* rpt-date-button.c
 *
 * Copyright 2026 The Rapporteur authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "rpt-date-button"

#include <glib/gi18n.h>

#include "rpt-date-button.h"

/* A date as the model holds it (YYYY-MM-DD, or none), picked from a
 * calendar and shown in the user's locale. */
struct _RptDateButton
{
  GtkWidget parent_instance;

  char *date;
  gboolean syncing;

  GtkMenuButton *button;
  GtkPopover *popover;
  GtkCalendar *calendar;
};

G_DEFINE_FINAL_TYPE (RptDateButton, rpt_date_button, GTK_TYPE_WIDGET)

enum
{
  PROP_0,
  PROP_DATE,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

GtkWidget *
rpt_date_button_new (void)
{
  return g_object_new (RPT_TYPE_DATE_BUTTON, NULL);
}

static GDateTime *
parse_date (const char *iso_date)
{
  int y, m, d;

  if (iso_date == NULL || sscanf (iso_date, "%d-%d-%d", &y, &m, &d) != 3)
    return NULL;
  return g_date_time_new_local (y, m, d, 0, 0, 0);
}

/**
 * rpt_date_format_for_display:
 *
 * Returns: the date in the user's locale ("23 April 2025"), or "No date"
 */
char *
rpt_date_format_for_display (const char *iso_date)
{
  g_autoptr (GDateTime) dt = parse_date (iso_date);

  if (dt == NULL)
    return g_strdup (_ ("No date"));
  return g_date_time_format (dt, "%x");
}

const char *
rpt_date_button_get_date (RptDateButton *self)
{
  g_return_val_if_fail (RPT_IS_DATE_BUTTON (self), NULL);
  return self->date;
}

void
rpt_date_button_set_date (RptDateButton *self, const char *iso_date)
{
  g_autofree char *label = NULL;

  g_return_if_fail (RPT_IS_DATE_BUTTON (self));

  if (iso_date != NULL && iso_date[0] == '\0')
    iso_date = NULL;
  if (g_strcmp0 (self->date, iso_date) == 0)
    return;
  g_free (self->date);
  self->date = g_strdup (iso_date);
  label = rpt_date_format_for_display (iso_date);
  gtk_menu_button_set_label (self->button, label);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_DATE]);
}

static void
popover_show_cb (RptDateButton *self)
{
  g_autoptr (GDateTime) dt = parse_date (self->date);

  if (dt == NULL)
    dt = g_date_time_new_now_local ();
  self->syncing = TRUE;
  gtk_calendar_select_day (self->calendar, dt);
  self->syncing = FALSE;
}

static void
day_selected_cb (RptDateButton *self)
{
  g_autoptr (GDateTime) dt = NULL;
  g_autofree char *iso = NULL;

  if (self->syncing)
    return;
  dt = gtk_calendar_get_date (self->calendar);
  iso = g_date_time_format (dt, "%Y-%m-%d");
  rpt_date_button_set_date (self, iso);
}

static void
today_clicked_cb (RptDateButton *self)
{
  g_autoptr (GDateTime) dt = g_date_time_new_now_local ();
  g_autofree char *iso = g_date_time_format (dt, "%Y-%m-%d");

  rpt_date_button_set_date (self, iso);
  gtk_popover_popdown (self->popover);
}

static void
clear_clicked_cb (RptDateButton *self)
{
  rpt_date_button_set_date (self, NULL);
  gtk_popover_popdown (self->popover);
}

/* The calendar is made when the button first opens it. */
static void
create_popup_cb (GtkMenuButton *button, gpointer user_data)
{
  RptDateButton *self = user_data;
  g_autoptr (GtkBuilder) builder = NULL;
  g_autoptr (GtkBuilderScope) scope = NULL;
  g_autoptr (GError) error = NULL;

  if (self->popover != NULL)
    return;
  scope = gtk_builder_cscope_new ();
  gtk_builder_cscope_add_callback_symbols (
    GTK_BUILDER_CSCOPE (scope), "popover_show_cb", G_CALLBACK (popover_show_cb), "day_selected_cb",
    G_CALLBACK (day_selected_cb), "today_clicked_cb", G_CALLBACK (today_clicked_cb),
    "clear_clicked_cb", G_CALLBACK (clear_clicked_cb), NULL);
  builder = gtk_builder_new ();
  gtk_builder_set_scope (builder, scope);
  gtk_builder_set_current_object (builder, G_OBJECT (self));
  if (!gtk_builder_add_from_resource (
        builder, "/io/github/rapporteur/Rapporteur/ui/rpt-date-popover.ui", &error))
    g_error ("The date button's popover is broken: %s", error->message);
  self->popover = GTK_POPOVER (gtk_builder_get_object (builder, "popover"));
  self->calendar = GTK_CALENDAR (gtk_builder_get_object (builder, "calendar"));
  gtk_menu_button_set_popover (button, GTK_WIDGET (self->popover));
}

static gboolean
rpt_date_button_grab_focus (GtkWidget *widget)
{
  return gtk_widget_grab_focus (GTK_WIDGET (RPT_DATE_BUTTON (widget)->button));
}

/* As for the paragraph editor: the button in, the button out. */
static gboolean
rpt_date_button_focus (GtkWidget *widget, GtkDirectionType direction)
{
  return gtk_widget_child_focus (GTK_WIDGET (RPT_DATE_BUTTON (widget)->button), direction);
}

static void
rpt_date_button_dispose (GObject *object)
{
  gtk_widget_dispose_template (GTK_WIDGET (object), RPT_TYPE_DATE_BUTTON);
  {
    GtkWidget *child;
    while ((child = gtk_widget_get_first_child (GTK_WIDGET (object))) != NULL)
      gtk_widget_unparent (child);
  }
  G_OBJECT_CLASS (rpt_date_button_parent_class)->dispose (object);
}

static void
rpt_date_button_finalize (GObject *object)
{
  g_free (RPT_DATE_BUTTON (object)->date);
  G_OBJECT_CLASS (rpt_date_button_parent_class)->finalize (object);
}

static void
rpt_date_button_get_property (GObject *object, guint prop_id, GValue *value, GParamSpec *pspec)
{
  switch (prop_id)
    {
    case PROP_DATE:
      g_value_set_string (value, RPT_DATE_BUTTON (object)->date);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
rpt_date_button_set_property (GObject *object,
                              guint prop_id,
                              const GValue *value,
                              GParamSpec *pspec)
{
  switch (prop_id)
    {
    case PROP_DATE:
      rpt_date_button_set_date (RPT_DATE_BUTTON (object), g_value_get_string (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
rpt_date_button_class_init (RptDateButtonClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = rpt_date_button_dispose;
  object_class->finalize = rpt_date_button_finalize;
  object_class->get_property = rpt_date_button_get_property;
  object_class->set_property = rpt_date_button_set_property;
  widget_class->grab_focus = rpt_date_button_grab_focus;
  widget_class->focus = rpt_date_button_focus;

  properties[PROP_DATE] = g_param_spec_string (
    "date", NULL, NULL, NULL, G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (
    widget_class, "/io/github/rapporteur/Rapporteur/ui/rpt-date-button.ui");
  gtk_widget_class_bind_template_child (widget_class, RptDateButton, button);
  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
}

static void
rpt_date_button_init (RptDateButton *self)
{
  g_autofree char *label = rpt_date_format_for_display (NULL);

  gtk_widget_init_template (GTK_WIDGET (self));
  gtk_menu_button_set_label (self->button, label);
  gtk_menu_button_set_create_popup_func (self->button, create_popup_cb, self, NULL);
}
