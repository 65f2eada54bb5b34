/* rpt-reference-browser.c
 *
 * Copyright 2026 The Rapporteur authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "rpt-reference-browser"

#include <glib/gi18n.h>

#include "rpt-reference-browser.h"
#include "rpt-reference-item.h"

/**
 * RptReferenceBrowser:
 *
 * The reference data, in the Preferences' Reference Data page: a list of
 * every mandate, State and treaty participation (a #GtkListView over a
 * #GtkFilterListModel: thousands of rows, rows made for what is on
 * screen) that a search narrows, and one row's details: where it comes
 * from, as of when, how far it can be trusted, and each value that can
 * be corrected with what the data says and the correction in force.
 *
 * Unverified rows and rows probably out of date (as the checks say,
 * rpt_reference_as_of_is_stale()) carry a mark in the list and in their
 * details, and the list can show only them.
 *
 * Made for the keyboard: Enter in the search opens the first row found
 * and Down goes into the list; Escape or Alt+Left goes back (from the
 * details to the row they came from, from the list out of the page);
 * after a correction is made or removed the focus is on its value again.
 *
 * It changes nothing itself: a correction asked for is the
 * #RptReferenceBrowser::apply signal, a correction removed
 * #RptReferenceBrowser::remove; the page writes them and gives the
 * browser the new data (rpt_reference_browser_set_reference()).
 */

/* The widgets of one correctable value in the details. */
typedef struct
{
  char *field;
  GtkWidget *value_row;
  GtkWidget *note_row;
  GtkWidget *data_row;
  GtkWidget *correction_row;
  GtkWidget *remove_button;
  GtkWidget *apply_button;
  GtkWidget *error_label;
  char *value; /* in use */
  char *note;  /* of the correction in force */
} FieldRows;

typedef struct
{
  RptOverrideTable table;
  char *key;
} Place;

struct _RptReferenceBrowser
{
  GtkWidget parent_instance;

  RptReference *reference;
  GListModel *items;
  GtkFilterListModel *filtered;
  GtkCustomFilter *filter;
  GStrv words;

  /* the details shown, and those to go back to */
  gboolean detail_shown;
  RptOverrideTable table;
  char *key;
  GQueue back;             /* Place */
  GHashTable *fields;      /* field → FieldRows */
  GHashTable *treaty_rows; /* treaty key → its row in a State's details */
  GtkWidget *as_of_row;
  GtkWidget *verified_row;

  /* where the focus goes once the details are made again, or once the
   * list has made the row to focus */
  char *focus_field;
  char *focus_treaty;
  char *focus_key;
  RptOverrideTable focus_table;
  guint focus_tick;
  guint focus_tries;

  AdwWindowTitle *window_title;
  GtkStack *stack;
  GtkSearchEntry *search_entry;
  GtkDropDown *kind_dropdown;
  GtkLabel *count_label;
  GtkListView *list;
  GtkWidget *detail_scroller;
  GtkBox *detail_box;
};

G_DEFINE_FINAL_TYPE (RptReferenceBrowser, rpt_reference_browser, GTK_TYPE_WIDGET)

enum
{
  SIGNAL_APPLY,
  SIGNAL_REMOVE,
  SIGNAL_CLOSE,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static void show_detail (RptReferenceBrowser *self);

static void
place_free (Place *place)
{
  g_free (place->key);
  g_free (place);
}

static void
field_rows_free (FieldRows *rows)
{
  g_free (rows->field);
  g_free (rows->value);
  g_free (rows->note);
  g_free (rows);
}

/* --- the list -------------------------------------------------------- */

static gboolean
filter_func (gpointer object, gpointer user_data)
{
  RptReferenceBrowser *self = user_data;
  RptReferenceItem *item = object;
  RptReferenceFilter filter = gtk_drop_down_get_selected (self->kind_dropdown);
  RptOverrideTable table = rpt_reference_item_get_table (item);

  switch (filter)
    {
    case RPT_REFERENCE_FILTER_MANDATES:
      if (table != RPT_OVERRIDE_TABLE_MANDATES)
        return FALSE;
      break;
    case RPT_REFERENCE_FILTER_STATES:
      if (table != RPT_OVERRIDE_TABLE_COUNTRIES)
        return FALSE;
      break;
    case RPT_REFERENCE_FILTER_TREATIES:
      if (table != RPT_OVERRIDE_TABLE_TREATIES)
        return FALSE;
      break;
    case RPT_REFERENCE_FILTER_CORRECTED:
      if (!rpt_reference_item_get_corrected (item))
        return FALSE;
      break;
    case RPT_REFERENCE_FILTER_UNVERIFIED:
      if (rpt_reference_item_get_verified (item))
        return FALSE;
      break;
    case RPT_REFERENCE_FILTER_STALE:
      if (!rpt_reference_item_get_stale (item))
        return FALSE;
      break;
    case RPT_REFERENCE_FILTER_ALL:
    default:
      break;
    }
  return rpt_reference_item_matches (item, (const char *const *) self->words);
}

static void
update_count (RptReferenceBrowser *self)
{
  guint shown = g_list_model_get_n_items (G_LIST_MODEL (self->filtered));
  guint all = self->items != NULL ? g_list_model_get_n_items (self->items) : 0;
  g_autofree char *text = NULL;

  if (shown == all)
    text = g_strdup_printf (g_dngettext (NULL, "%u row", "%u rows", all), all);
  else
    /* Translators: the rows a search finds: "12 of 2,660 rows" */
    text = g_strdup_printf (g_dngettext (NULL, "%u of %u row", "%u of %u rows", all), shown, all);
  gtk_label_set_text (self->count_label, text);
}

static void
filter_changed_cb (RptReferenceBrowser *self)
{
  g_strfreev (self->words);
  self->words =
    rpt_reference_fold_words (gtk_editable_get_text (GTK_EDITABLE (self->search_entry)));
  gtk_filter_changed (GTK_FILTER (self->filter), GTK_FILTER_CHANGE_DIFFERENT);
}

typedef struct
{
  GtkWidget *box;
  GtkLabel *title;
  GtkLabel *subtitle;
  GtkLabel *trust;
  GtkLabel *corrected;
  GtkLabel *stale;
} ListRow;

static void
list_setup_cb (GtkSignalListItemFactory *factory, GtkListItem *item, RptReferenceBrowser *self)
{
  ListRow *row = g_new0 (ListRow, 1);
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 12);
  GtkWidget *labels = gtk_box_new (GTK_ORIENTATION_VERTICAL, 2);
  GtkWidget *arrow = g_object_new (GTK_TYPE_IMAGE, "icon-name", "go-next-symbolic",
                                   "accessible-role", GTK_ACCESSIBLE_ROLE_PRESENTATION, NULL);

  row->title = GTK_LABEL (gtk_label_new (NULL));
  gtk_label_set_xalign (row->title, 0);
  gtk_label_set_wrap (row->title, TRUE);
  row->subtitle = GTK_LABEL (gtk_label_new (NULL));
  gtk_label_set_xalign (row->subtitle, 0);
  gtk_label_set_wrap (row->subtitle, TRUE);
  gtk_label_set_wrap_mode (row->subtitle, PANGO_WRAP_WORD_CHAR);
  gtk_widget_add_css_class (GTK_WIDGET (row->subtitle), "caption");
  gtk_widget_add_css_class (GTK_WIDGET (row->subtitle), "dim-label");
  row->trust = GTK_LABEL (gtk_label_new (NULL));
  gtk_widget_set_valign (GTK_WIDGET (row->trust), GTK_ALIGN_CENTER);
  gtk_widget_add_css_class (GTK_WIDGET (row->trust), "caption");
  gtk_widget_add_css_class (GTK_WIDGET (row->trust), "rpt-trust");
  /* Translators: a mark on a row of reference data the user corrected */
  row->corrected = GTK_LABEL (gtk_label_new (C_ ("reference data", "Corrected")));
  gtk_widget_set_valign (GTK_WIDGET (row->corrected), GTK_ALIGN_CENTER);
  gtk_widget_add_css_class (GTK_WIDGET (row->corrected), "caption");
  gtk_widget_add_css_class (GTK_WIDGET (row->corrected), "rpt-trust");
  gtk_widget_add_css_class (GTK_WIDGET (row->corrected), "accent");
  /* Translators: a mark on a row of reference data more than three years
   * old: it has probably changed since */
  row->stale = GTK_LABEL (gtk_label_new (C_ ("reference data", "Out of date")));
  gtk_widget_set_valign (GTK_WIDGET (row->stale), GTK_ALIGN_CENTER);
  gtk_widget_add_css_class (GTK_WIDGET (row->stale), "caption");
  gtk_widget_add_css_class (GTK_WIDGET (row->stale), "rpt-trust");
  gtk_widget_add_css_class (GTK_WIDGET (row->stale), "warning");
  gtk_widget_set_hexpand (labels, TRUE);
  gtk_box_append (GTK_BOX (labels), GTK_WIDGET (row->title));
  gtk_box_append (GTK_BOX (labels), GTK_WIDGET (row->subtitle));
  gtk_box_append (GTK_BOX (box), labels);
  gtk_box_append (GTK_BOX (box), GTK_WIDGET (row->stale));
  gtk_box_append (GTK_BOX (box), GTK_WIDGET (row->trust));
  gtk_box_append (GTK_BOX (box), GTK_WIDGET (row->corrected));
  row->box = box;
  gtk_box_append (GTK_BOX (box), arrow);
  g_object_set_data_full (G_OBJECT (item), "row", row, g_free);
  gtk_list_item_set_child (item, box);
}

/* Appends a part to what a row reads out. */
static void
read_out (char **text, const char *part)
{
  /* Translators: the parts of a row of reference data read out, one
   * after the other: "Special Rapporteur on torture, Mandate · …,
   * Unverified" */
  char *joined = g_strdup_printf (_ ("%s, %s"), *text, part);

  g_free (*text);
  *text = joined;
}

static void
list_bind_cb (GtkSignalListItemFactory *factory, GtkListItem *item, RptReferenceBrowser *self)
{
  ListRow *row = g_object_get_data (G_OBJECT (item), "row");
  RptReferenceItem *ref = gtk_list_item_get_item (item);
  gboolean verified = rpt_reference_item_get_verified (ref);
  gboolean corrected = rpt_reference_item_get_corrected (ref);
  gboolean stale = rpt_reference_item_get_stale (ref);
  char *a11y = g_strdup (rpt_reference_item_get_title (ref));

  gtk_label_set_text (row->title, rpt_reference_item_get_title (ref));
  gtk_label_set_text (row->subtitle, rpt_reference_item_get_subtitle (ref));
  read_out (&a11y, rpt_reference_item_get_subtitle (ref));
  gtk_widget_set_visible (GTK_WIDGET (row->stale), stale);
  if (stale)
    read_out (&a11y, gtk_label_get_text (row->stale));
  /* A correction settles only its own field: a corrected row may still
   * be unverified, and says so. "Verified" goes without saying once the
   * user corrected the row. */
  gtk_widget_set_visible (GTK_WIDGET (row->trust), !verified || !corrected);
  /* Translators: a mark on a row of reference data not checked in a
   * source, or checked */
  gtk_label_set_text (row->trust, verified ? C_ ("reference data", "Verified")
                                           : C_ ("reference data", "Unverified"));
  gtk_widget_remove_css_class (GTK_WIDGET (row->trust), verified ? "warning" : "success");
  gtk_widget_add_css_class (GTK_WIDGET (row->trust), verified ? "success" : "warning");
  if (gtk_widget_get_visible (GTK_WIDGET (row->trust)))
    read_out (&a11y, gtk_label_get_text (row->trust));
  gtk_widget_set_visible (GTK_WIDGET (row->corrected), corrected);
  if (corrected)
    read_out (&a11y, gtk_label_get_text (row->corrected));
  gtk_accessible_update_property (GTK_ACCESSIBLE (row->box), GTK_ACCESSIBLE_PROPERTY_LABEL, a11y,
                                  -1);
  g_free (a11y);
  /* Which row it is, for the focus to find it (rows are recycled). */
  g_object_set_data (G_OBJECT (row->box), "item", ref);
}

static void
list_unbind_cb (GtkSignalListItemFactory *factory, GtkListItem *item, RptReferenceBrowser *self)
{
  ListRow *row = g_object_get_data (G_OBJECT (item), "row");

  g_object_set_data (G_OBJECT (row->box), "item", NULL);
}

/* --- the focus ------------------------------------------------------- */

static RptReferenceItem *
item_of_list_widget (GtkWidget *widget)
{
  GtkWidget *box = gtk_widget_get_first_child (widget);

  return box != NULL ? g_object_get_data (G_OBJECT (box), "item") : NULL;
}

/* The widget the list made for a row, if the row is on screen: the list
 * makes widgets only for the rows it shows. */
static GtkWidget *
list_widget_of (RptReferenceBrowser *self, RptOverrideTable table, const char *key)
{
  for (GtkWidget *c = gtk_widget_get_first_child (GTK_WIDGET (self->list)); c != NULL;
       c = gtk_widget_get_next_sibling (c))
    {
      RptReferenceItem *item = item_of_list_widget (c);

      if (item != NULL && rpt_reference_item_get_table (item) == table &&
          g_str_equal (rpt_reference_item_get_key (item), key))
        return c;
    }
  return NULL;
}

static guint
position_of (RptReferenceBrowser *self, RptOverrideTable table, const char *key)
{
  GListModel *model = G_LIST_MODEL (self->filtered);
  guint n = g_list_model_get_n_items (model);

  for (guint i = 0; i < n; i++)
    {
      g_autoptr (RptReferenceItem) item = g_list_model_get_item (model, i);

      if (rpt_reference_item_get_table (item) == table &&
          g_str_equal (rpt_reference_item_get_key (item), key))
        return i;
    }
  return G_MAXUINT;
}

static void
stop_focus_tick (RptReferenceBrowser *self)
{
  if (self->focus_tick != 0)
    gtk_widget_remove_tick_callback (GTK_WIDGET (self->list), self->focus_tick);
  self->focus_tick = 0;
  g_clear_pointer (&self->focus_key, g_free);
}

/* The list makes the row's widget when it lays out, after scrolling to
 * it (GTK 4.8 has no call that scrolls and focuses at once): the focus
 * waits for it a few frames, then falls back on the search. */
static gboolean
focus_tick_cb (GtkWidget *widget, GdkFrameClock *clock, gpointer user_data)
{
  RptReferenceBrowser *self = user_data;
  GtkWidget *row = list_widget_of (self, self->focus_table, self->focus_key);

  if (row != NULL)
    gtk_widget_grab_focus (row);
  else if (++self->focus_tries < 30)
    return G_SOURCE_CONTINUE;
  else
    gtk_widget_grab_focus (GTK_WIDGET (self->search_entry));
  self->focus_tick = 0;
  g_clear_pointer (&self->focus_key, g_free);
  return G_SOURCE_REMOVE;
}

/* Puts the focus on a row of the list, scrolled into view; on the search
 * when the list does not show it. */
static void
focus_list_row (RptReferenceBrowser *self, RptOverrideTable table, const char *key)
{
  guint position = position_of (self, table, key);
  GtkWidget *row;

  stop_focus_tick (self);
  if (position == G_MAXUINT)
    {
      gtk_widget_grab_focus (GTK_WIDGET (self->search_entry));
      return;
    }
  gtk_widget_activate_action (GTK_WIDGET (self->list), "list.scroll-to-item", "u", position);
  row = list_widget_of (self, table, key);
  if (row != NULL && gtk_widget_grab_focus (row))
    return;
  self->focus_table = table;
  self->focus_key = g_strdup (key);
  self->focus_tries = 0;
  self->focus_tick =
    gtk_widget_add_tick_callback (GTK_WIDGET (self->list), focus_tick_cb, self, NULL);
}

static void
focus_list_position (RptReferenceBrowser *self, guint position)
{
  g_autoptr (RptReferenceItem) item =
    g_list_model_get_item (G_LIST_MODEL (self->filtered), position);

  if (item != NULL)
    focus_list_row (self, rpt_reference_item_get_table (item), rpt_reference_item_get_key (item));
}

/* Where the focus goes in the details just made: where it was asked to
 * go (the value just corrected, the treaty come back from), else on the
 * first value to correct. */
static void
focus_detail (RptReferenceBrowser *self)
{
  GtkWidget *target = NULL;

  if (self->focus_treaty != NULL)
    target = g_hash_table_lookup (self->treaty_rows, self->focus_treaty);
  if (target == NULL && self->focus_field != NULL)
    {
      FieldRows *rows = g_hash_table_lookup (self->fields, self->focus_field);
      target = rows != NULL ? rows->value_row : NULL;
    }
  if (target == NULL)
    {
      const char *const *fields = rpt_override_table_list_fields (self->table);
      FieldRows *rows = fields[0] != NULL ? g_hash_table_lookup (self->fields, fields[0]) : NULL;
      target = rows != NULL ? rows->value_row : NULL;
    }
  g_clear_pointer (&self->focus_treaty, g_free);
  g_clear_pointer (&self->focus_field, g_free);
  if (target == NULL || !gtk_widget_grab_focus (target))
    gtk_widget_child_focus (GTK_WIDGET (self->detail_box), GTK_DIR_TAB_FORWARD);
}

/**
 * rpt_reference_browser_get_focused_row:
 *
 * Returns: (nullable): the key of the row of the list that has the focus
 */
const char *
rpt_reference_browser_get_focused_row (RptReferenceBrowser *self)
{
  GtkRoot *root;
  GtkWidget *focus;

  g_return_val_if_fail (RPT_IS_REFERENCE_BROWSER (self), NULL);

  root = gtk_widget_get_root (GTK_WIDGET (self));
  focus = root != NULL ? gtk_root_get_focus (root) : NULL;
  for (GtkWidget *w = focus; w != NULL && w != GTK_WIDGET (self->list);
       w = gtk_widget_get_parent (w))
    if (gtk_widget_get_parent (w) == GTK_WIDGET (self->list))
      {
        RptReferenceItem *item = item_of_list_widget (w);
        return item != NULL ? rpt_reference_item_get_key (item) : NULL;
      }
  return NULL;
}

/* --- navigation ------------------------------------------------------ */

static void
row_activated_cb (RptReferenceBrowser *self, guint position)
{
  g_autoptr (RptReferenceItem) item =
    g_list_model_get_item (G_LIST_MODEL (self->filtered), position);

  if (item == NULL)
    return;
  /* From the list, back goes to the list. */
  while (!g_queue_is_empty (&self->back))
    place_free (g_queue_pop_head (&self->back));
  rpt_reference_browser_show_row (self, rpt_reference_item_get_table (item),
                                  rpt_reference_item_get_key (item));
}

/* Enter in the search: the first row found, as a search field does. */
static void
search_activate_cb (RptReferenceBrowser *self)
{
  if (g_list_model_get_n_items (G_LIST_MODEL (self->filtered)) > 0)
    row_activated_cb (self, 0);
}

/* Escape in the search: the search cleared, then out of the page. */
static void
search_stop_cb (RptReferenceBrowser *self)
{
  if (gtk_editable_get_text (GTK_EDITABLE (self->search_entry))[0] != '\0')
    rpt_reference_browser_set_search (self, NULL);
  else
    gtk_widget_activate_action (GTK_WIDGET (self), "browser.back", NULL);
}

/* Down from the search goes into the list. */
static gboolean
search_key_pressed_cb (GtkEventControllerKey *controller,
                       guint keyval,
                       guint keycode,
                       GdkModifierType state,
                       RptReferenceBrowser *self)
{
  if ((keyval != GDK_KEY_Down && keyval != GDK_KEY_KP_Down) ||
      (state & gtk_accelerator_get_default_mod_mask ()) != 0 ||
      g_list_model_get_n_items (G_LIST_MODEL (self->filtered)) == 0)
    return GDK_EVENT_PROPAGATE;
  focus_list_position (self, 0);
  return GDK_EVENT_STOP;
}

/* --- the details ----------------------------------------------------- */

static void
clear_detail (RptReferenceBrowser *self)
{
  GtkWidget *child;

  g_hash_table_remove_all (self->fields);
  g_hash_table_remove_all (self->treaty_rows);
  self->as_of_row = NULL;
  self->verified_row = NULL;
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->detail_box))) != NULL)
    gtk_box_remove (self->detail_box, child);
}

static GtkWidget *
info_row (const char *title, const char *subtitle)
{
  GtkWidget *row = adw_action_row_new ();

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle != NULL ? subtitle : "");
  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  return row;
}

/* A warning sign before a row that says what is doubtful. */
static void
mark_doubtful (GtkWidget *row)
{
  GtkWidget *icon = gtk_image_new_from_icon_name ("dialog-warning-symbolic");

  gtk_widget_add_css_class (icon, "warning");
  gtk_accessible_update_property (GTK_ACCESSIBLE (icon), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _ ("Warning"), -1);
  adw_action_row_add_prefix (ADW_ACTION_ROW (row), icon);
  g_object_set_data (G_OBJECT (row), "doubtful", GINT_TO_POINTER (TRUE));
}

/* The row's own trust: where it comes from, as of when, verified; what
 * is unverified or probably out of date (@dated: data that ages, as
 * mandates and treaties do) is marked, as the checks would. */
static void
add_trust_group (RptReferenceBrowser *self,
                 const char *title,
                 const char *description,
                 const char *source,
                 const char *as_of,
                 gboolean dated,
                 gboolean verified,
                 const char *verification)
{
  GtkWidget *group = adw_preferences_group_new ();
  g_autofree char *source_label = rpt_reference_dup_source_label (self->reference, source);
  g_autofree char *trust = NULL;
  g_autofree char *when = NULL;
  gboolean stale = dated && rpt_reference_as_of_is_stale (as_of, NULL);
  GtkWidget *row;

  adw_preferences_group_set_title (ADW_PREFERENCES_GROUP (group), title);
  adw_preferences_group_set_description (ADW_PREFERENCES_GROUP (group), description);
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), info_row (_ ("Source"), source_label));
  if (stale)
    /* Translators: the "as of" date of reference data more than three
     * years old, e.g. "2014-03 — more than three years ago…" */
    when = g_strdup_printf (_ ("%s — more than three years ago: it has probably changed since. "
                               "Check it, and correct it if it has."),
                            as_of);
  else
    when = g_strdup (as_of != NULL ? as_of : _ ("No date given"));
  row = info_row (_ ("As of"), when);
  if (stale)
    mark_doubtful (row);
  self->as_of_row = row;
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), row);
  if (verification != NULL && verification[0] != '\0')
    /* Translators: "Verified: yes — <how>" in the reference data */
    trust = g_strdup_printf (_ ("%s — %s"), verified ? _ ("Yes") : _ ("No"), verification);
  else
    trust = g_strdup (verified ? _ ("Yes") : _ ("No"));
  row = info_row (_ ("Verified"), trust);
  if (!verified)
    mark_doubtful (row);
  self->verified_row = row;
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), row);
  gtk_box_append (self->detail_box, group);
}

static void
apply_field (RptReferenceBrowser *self, FieldRows *rows)
{
  const char *value = gtk_editable_get_text (GTK_EDITABLE (rows->value_row));
  const char *note = gtk_editable_get_text (GTK_EDITABLE (rows->note_row));

  g_signal_emit (self, signals[SIGNAL_APPLY], 0, (guint) self->table, self->key, rows->field, value,
                 note[0] != '\0' ? note : NULL);
}

static FieldRows *
rows_of (RptReferenceBrowser *self, GtkWidget *widget)
{
  return g_hash_table_lookup (self->fields, g_object_get_data (G_OBJECT (widget), "field"));
}

/* Something to correct: a value, other than the one in use or with
 * another reason. */
static void
update_apply (FieldRows *rows)
{
  const char *value = gtk_editable_get_text (GTK_EDITABLE (rows->value_row));
  const char *note = gtk_editable_get_text (GTK_EDITABLE (rows->note_row));

  gtk_widget_set_sensitive (
    rows->apply_button,
    value[0] != '\0' && (g_strcmp0 (value, rows->value) != 0 || g_strcmp0 (note, rows->note) != 0));
}

static void
note_changed_cb (GtkWidget *row, RptReferenceBrowser *self)
{
  FieldRows *rows = rows_of (self, row);

  if (rows != NULL)
    update_apply (rows);
}

/* Enter in the value or its reason, or the button: the correction is
 * asked for, if there is one. */
static void
value_apply_cb (GtkWidget *widget, RptReferenceBrowser *self)
{
  FieldRows *rows = rows_of (self, widget);

  if (rows == NULL || !gtk_widget_get_sensitive (rows->apply_button))
    return;
  /* Back on this value once the details are made again. */
  g_free (self->focus_field);
  self->focus_field = g_strdup (rows->field);
  apply_field (self, rows);
}

/* Checked as typed: a value the data cannot take is marked at once. */
static void
value_changed_cb (GtkWidget *row, RptReferenceBrowser *self)
{
  FieldRows *rows = rows_of (self, row);
  g_autoptr (GError) error = NULL;
  const char *text = gtk_editable_get_text (GTK_EDITABLE (row));

  if (rows == NULL)
    return;
  update_apply (rows);
  if (text[0] == '\0' || rpt_override_check_value (self->table, rows->field, text, NULL, &error))
    {
      gtk_widget_remove_css_class (row, "error");
      gtk_widget_set_visible (rows->error_label, FALSE);
    }
  else
    {
      gtk_widget_add_css_class (row, "error");
      gtk_label_set_text (GTK_LABEL (rows->error_label), error->message);
      gtk_widget_set_visible (rows->error_label, TRUE);
    }
}

static void
remove_clicked_cb (GtkWidget *button, RptReferenceBrowser *self)
{
  FieldRows *rows = rows_of (self, button);

  if (rows == NULL)
    return;
  /* The button goes with the correction: the focus goes to the value. */
  g_free (self->focus_field);
  self->focus_field = g_strdup (rows->field);
  g_signal_emit (self, signals[SIGNAL_REMOVE], 0, (guint) self->table, self->key, rows->field);
}

static char *
describe_override (const RptOverride *o)
{
  g_autofree char *who = NULL;

  if (o->author != NULL && o->author[0] != '\0')
    /* Translators: "Corrected by A. Drafter on 2026-04-04" */
    who = g_strdup_printf (_ ("Corrected by %s on %s"), o->author, o->date);
  else
    /* Translators: "Corrected on 2026-04-04" */
    who = g_strdup_printf (_ ("Corrected on %s"), o->date);
  if (o->note != NULL && o->note[0] != '\0')
    /* Translators: who corrected a value and when, then why or the source:
     * "Corrected by A. Drafter on 2026-04-04. Source or reason: A/HRC/RES/61/12" */
    return g_strdup_printf (_ ("%s. Source or reason: %s"), who, o->note);
  return g_steal_pointer (&who);
}

static void
add_field_group (RptReferenceBrowser *self, const char *field)
{
  GtkWidget *group = adw_preferences_group_new ();
  g_autofree char *value = rpt_reference_dup_value (self->reference, self->table, self->key, field);
  g_autofree char *data =
    rpt_reference_dup_data_value (self->reference, self->table, self->key, field);
  const RptOverride *o =
    rpt_reference_lookup_override (self->reference, self->table, self->key, field);
  FieldRows *rows = g_new0 (FieldRows, 1);
  const char *label = rpt_override_field_get_label (self->table, field);
  g_autofree char *a11y = NULL;

  rows->field = g_strdup (field);
  adw_preferences_group_set_title (ADW_PREFERENCES_GROUP (group),
                                   rpt_override_field_get_label (self->table, field));
  if (o != NULL)
    adw_preferences_group_set_description (ADW_PREFERENCES_GROUP (group),
                                           _ ("Your correction is in force: letters use it."));

  rows->value_row = adw_entry_row_new ();
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (rows->value_row),
                                 o != NULL ? _ ("Value in use (your correction)")
                                           : _ ("Value in use"));
  gtk_editable_set_text (GTK_EDITABLE (rows->value_row), value != NULL ? value : "");
  g_object_set_data_full (G_OBJECT (rows->value_row), "field", g_strdup (field), g_free);
  g_signal_connect (rows->value_row, "entry-activated", G_CALLBACK (value_apply_cb), self);
  g_signal_connect (rows->value_row, "changed", G_CALLBACK (value_changed_cb), self);
  /* Every value's row reads the same: the name of the value says which. */
  /* Translators: the accessible name of a value's entry: "Title in
   * English: value in use" */
  a11y = g_strdup_printf (_ ("%s: value in use"), label);
  gtk_accessible_update_property (GTK_ACCESSIBLE (rows->value_row), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  a11y, -1);
  g_clear_pointer (&a11y, g_free);
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), rows->value_row);

  rows->note_row = adw_entry_row_new ();
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (rows->note_row),
                                 _ ("Source or reason for a correction"));
  gtk_editable_set_text (GTK_EDITABLE (rows->note_row),
                         o != NULL && o->note != NULL ? o->note : "");
  g_object_set_data_full (G_OBJECT (rows->note_row), "field", g_strdup (field), g_free);
  g_signal_connect (rows->note_row, "entry-activated", G_CALLBACK (value_apply_cb), self);
  g_signal_connect (rows->note_row, "changed", G_CALLBACK (note_changed_cb), self);
  /* After the reason, so that value, Tab, reason, Enter is the way
   * through; greyed until there is something to correct. */
  rows->apply_button = gtk_button_new_with_mnemonic (_ ("_Correct"));
  gtk_widget_set_valign (rows->apply_button, GTK_ALIGN_CENTER);
  gtk_widget_add_css_class (rows->apply_button, "suggested-action");
  g_object_set_data_full (G_OBJECT (rows->apply_button), "field", g_strdup (field), g_free);
  g_signal_connect (rows->apply_button, "clicked", G_CALLBACK (value_apply_cb), self);
  /* Translators: the accessible name of the button that corrects a
   * value: "Correct Title in English" */
  a11y = g_strdup_printf (_ ("Correct %s"), label);
  gtk_accessible_update_property (GTK_ACCESSIBLE (rows->apply_button),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, a11y, -1);
  g_clear_pointer (&a11y, g_free);
  adw_entry_row_add_suffix (ADW_ENTRY_ROW (rows->note_row), rows->apply_button);
  rows->value = g_strdup (value != NULL ? value : "");
  rows->note = g_strdup (o != NULL && o->note != NULL ? o->note : "");
  update_apply (rows);
  /* Translators: the accessible name of the entry for why a value is
   * corrected: "Title in English: source or reason for a correction" */
  a11y = g_strdup_printf (_ ("%s: source or reason for a correction"), label);
  gtk_accessible_update_property (GTK_ACCESSIBLE (rows->note_row), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  a11y, -1);
  g_clear_pointer (&a11y, g_free);
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), rows->note_row);

  /* What the data itself says stays in sight, corrected or not. */
  rows->data_row = info_row (_ ("The data says"), data != NULL ? data : _ ("Nothing"));
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), rows->data_row);

  if (o != NULL)
    {
      g_autofree char *said = describe_override (o);

      rows->correction_row = info_row (_ ("Your correction"), said);
      rows->remove_button = gtk_button_new_with_mnemonic (_ ("_Remove Correction"));
      gtk_widget_set_valign (rows->remove_button, GTK_ALIGN_CENTER);
      gtk_widget_add_css_class (rows->remove_button, "destructive-action");
      g_object_set_data_full (G_OBJECT (rows->remove_button), "field", g_strdup (field), g_free);
      g_signal_connect (rows->remove_button, "clicked", G_CALLBACK (remove_clicked_cb), self);
      /* Translators: the accessible name of the button that removes the
       * correction of a value: "Remove the correction of Title in English" */
      a11y = g_strdup_printf (_ ("Remove the correction of %s"), label);
      gtk_accessible_update_property (GTK_ACCESSIBLE (rows->remove_button),
                                      GTK_ACCESSIBLE_PROPERTY_LABEL, a11y, -1);
      g_clear_pointer (&a11y, g_free);
      adw_action_row_add_suffix (ADW_ACTION_ROW (rows->correction_row), rows->remove_button);
      adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), rows->correction_row);
    }

  rows->error_label = gtk_label_new (NULL);
  gtk_label_set_xalign (GTK_LABEL (rows->error_label), 0);
  gtk_label_set_wrap (GTK_LABEL (rows->error_label), TRUE);
  gtk_widget_set_margin_top (rows->error_label, 6);
  gtk_widget_add_css_class (rows->error_label, "error");
  gtk_widget_set_visible (rows->error_label, FALSE);
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), rows->error_label);
  /* Why a value is refused is read with it. */
  gtk_accessible_update_relation (GTK_ACCESSIBLE (rows->value_row),
                                  GTK_ACCESSIBLE_RELATION_DESCRIBED_BY, rows->error_label, NULL,
                                  -1);

  g_hash_table_replace (self->fields, rows->field, rows);
  gtk_box_append (self->detail_box, group);
}

static void
treaty_row_activated_cb (AdwActionRow *row, RptReferenceBrowser *self)
{
  const char *key = g_object_get_data (G_OBJECT (row), "key");
  Place *here = g_new0 (Place, 1);

  here->table = self->table;
  here->key = g_strdup (self->key);
  g_queue_push_head (&self->back, here);
  rpt_reference_browser_show_row (self, RPT_OVERRIDE_TABLE_TREATIES, key);
}

/* A State's participation in every instrument the data knows, listed
 * or not: a State that joined since the snapshot is corrected from here. */
static void
add_treaties_group (RptReferenceBrowser *self)
{
  g_autoptr (GPtrArray) instruments = rpt_reference_list_instruments (self->reference);
  GtkWidget *group = adw_preferences_group_new ();

  adw_preferences_group_set_title (ADW_PREFERENCES_GROUP (group), _ ("Treaties"));
  adw_preferences_group_set_description (
    ADW_PREFERENCES_GROUP (group),
    _ ("How the State became party to each instrument, as the treaty data says; choose one to "
       "correct it."));
  for (guint i = 0; i < instruments->len; i++)
    {
      const RptInstrumentInfo *instrument = instruments->pdata[i];
      g_autofree char *key = g_strdup_printf ("%s/%s", instrument->code, self->key);
      g_autofree char *consent =
        rpt_reference_dup_value (self->reference, RPT_OVERRIDE_TABLE_TREATIES, key, "consent");
      g_autofree char *signature =
        rpt_reference_dup_value (self->reference, RPT_OVERRIDE_TABLE_TREATIES, key, "signature");
      const RptTreatyStatus *status =
        rpt_reference_lookup_treaty_status (self->reference, instrument->code, self->key);
      g_autofree char *subtitle = NULL;
      g_autofree char *title = NULL;
      GtkWidget *row = adw_action_row_new ();

      if (status == NULL)
        subtitle = g_strdup (_ ("The data says nothing: not a signatory nor a party"));
      else
        /* Translators: a State's participation in a treaty: how it became
         * party ("accession 1999-01-04" or "none"), then when it signed */
        subtitle = g_strdup_printf (_ ("Party: %s · signed: %s"), consent != NULL ? consent : "—",
                                    signature != NULL ? signature : "—");
      /* Translators: an instrument: its code and its title */
      title = g_strdup_printf (_ ("%s — %s"), instrument->code, instrument->title);
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
      adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
      adw_action_row_add_suffix (ADW_ACTION_ROW (row),
                                 g_object_new (GTK_TYPE_IMAGE, "icon-name", "go-next-symbolic",
                                               "accessible-role", GTK_ACCESSIBLE_ROLE_PRESENTATION,
                                               NULL));
      gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), TRUE);
      g_object_set_data_full (G_OBJECT (row), "key", g_strdup (key), g_free);
      g_signal_connect (row, "activated", G_CALLBACK (treaty_row_activated_cb), self);
      g_hash_table_replace (self->treaty_rows, g_steal_pointer (&key), row);
      adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), row);
    }
  gtk_box_append (self->detail_box, group);
}

/* The data's words for a mandate, for people (the data keeps English
 * codes: "thematic", "SR"); an unknown one as the data has it. */
static const char *
category_label (const char *category)
{
  if (g_strcmp0 (category, "thematic") == 0)
    return C_ ("mandate category", "thematic");
  if (g_strcmp0 (category, "country") == 0)
    return C_ ("mandate category", "country");
  return category != NULL ? category : "?";
}

static const char *
form_label (const char *form)
{
  if (g_strcmp0 (form, "SR") == 0)
    return C_ ("mandate form", "Special Rapporteur");
  if (g_strcmp0 (form, "WG") == 0)
    return C_ ("mandate form", "Working Group");
  if (g_strcmp0 (form, "IE") == 0)
    return C_ ("mandate form", "Independent Expert");
  return form != NULL ? form : "?";
}

static void
show_detail (RptReferenceBrowser *self)
{
  g_autofree char *title = rpt_reference_dup_row_title (self->reference, self->table, self->key);
  g_autofree char *description = NULL;
  const char *const *fields = rpt_override_table_list_fields (self->table);

  clear_detail (self);
  switch (self->table)
    {
    case RPT_OVERRIDE_TABLE_MANDATES:
      {
        const RptMandateInfo *m = rpt_reference_lookup_mandate (self->reference, self->key);

        if (m == NULL)
          break;
        /* Translators: "Mandate sr-torture (thematic, Special Rapporteur)" */
        description = g_strdup_printf (_ ("Mandate %s (%s, %s)"), m->key,
                                       category_label (m->category), form_label (m->form));
        add_trust_group (self, title, description, m->source, m->as_of, TRUE, m->verified,
                         m->verification);
        break;
      }
    case RPT_OVERRIDE_TABLE_COUNTRIES:
      {
        const RptCountryInfo *c = rpt_reference_lookup_country (self->reference, self->key);

        /* Translators: "State TJK" */
        description = g_strdup_printf (_ ("State %s"), self->key);
        if (c != NULL)
          add_trust_group (self, title, description, c->source, c->as_of, FALSE, c->verified,
                           c->verification);
        else
          add_trust_group (self, title, description, NULL, NULL, FALSE, FALSE,
                           _ ("Not in the UN terminology data: the name is the ISO one, from "
                              "the iso-codes package"));
        break;
      }
    case RPT_OVERRIDE_TABLE_TREATIES:
    default:
      {
        g_auto (GStrv) parts = g_strsplit (self->key, "/", 2);
        const RptTreatyStatus *t =
          g_strv_length (parts) == 2
            ? rpt_reference_lookup_treaty_status (self->reference, parts[0], parts[1])
            : NULL;
        const RptInstrumentInfo *i = rpt_reference_lookup_instrument (self->reference, parts[0]);

        description = g_strdup (i != NULL ? i->title : self->key);
        if (t != NULL)
          add_trust_group (self, title, description, t->source, t->as_of, TRUE, t->verified,
                           t->verification);
        else
          add_trust_group (
            self, title, description, i != NULL ? i->source : NULL, i != NULL ? i->as_of : NULL,
            TRUE, FALSE,
            _ ("The treaty data says nothing of this State and instrument: not a signatory nor a "
               "party when it was taken. Correct it if the State has joined since."));
        break;
      }
    }
  /* What English letters use first: a mandate's resolutions right after
   * its title, before the titles in other languages. */
  if (self->table == RPT_OVERRIDE_TABLE_MANDATES && g_strv_contains (fields, "resolutions"))
    {
      add_field_group (self, fields[0]);
      add_field_group (self, "resolutions");
      for (guint f = 1; fields[f] != NULL; f++)
        if (!g_str_equal (fields[f], "resolutions"))
          add_field_group (self, fields[f]);
    }
  else
    for (guint f = 0; fields[f] != NULL; f++)
      add_field_group (self, fields[f]);
  if (self->table == RPT_OVERRIDE_TABLE_COUNTRIES)
    add_treaties_group (self);
  adw_window_title_set_title (self->window_title, title);
  adw_window_title_set_subtitle (self->window_title, _ ("Reference Data"));
}

/* --- API ------------------------------------------------------------- */

/**
 * rpt_reference_browser_set_reference:
 * @items: (nullable): the rows of @reference (rpt_reference_items_new()),
 *   if the caller has them already
 *
 * Shows @reference: the list anew (the search kept), and the details
 * shown, with the values and corrections now in force.
 */
void
rpt_reference_browser_set_reference (RptReferenceBrowser *self,
                                     RptReference *reference,
                                     GListModel *items)
{
  g_autoptr (GListModel) made = NULL;

  g_return_if_fail (RPT_IS_REFERENCE_BROWSER (self));
  g_return_if_fail (RPT_IS_REFERENCE (reference));
  g_return_if_fail (items == NULL || G_IS_LIST_MODEL (items));

  g_set_object (&self->reference, reference);
  if (items == NULL)
    items = made = rpt_reference_items_new (reference);
  g_set_object (&self->items, items);
  gtk_filter_list_model_set_model (self->filtered, items);
  update_count (self);
  if (!self->detail_shown)
    return;
  show_detail (self);
  /* After a correction made or removed here, the focus is back on its
   * value; a change made elsewhere leaves the focus alone. */
  if (self->focus_field != NULL)
    focus_detail (self);
}

void
rpt_reference_browser_set_search (RptReferenceBrowser *self, const char *text)
{
  g_return_if_fail (RPT_IS_REFERENCE_BROWSER (self));
  gtk_editable_set_text (GTK_EDITABLE (self->search_entry), text != NULL ? text : "");
  filter_changed_cb (self);
}

/**
 * rpt_reference_browser_set_filter:
 *
 * Shows only the rows of @filter (the list's drop-down).
 */
void
rpt_reference_browser_set_filter (RptReferenceBrowser *self, RptReferenceFilter filter)
{
  g_return_if_fail (RPT_IS_REFERENCE_BROWSER (self));
  g_return_if_fail (filter <= RPT_REFERENCE_FILTER_STALE);
  gtk_drop_down_set_selected (self->kind_dropdown, filter);
}

/**
 * rpt_reference_browser_get_shown:
 *
 * Returns: (transfer none): the rows the list shows (#RptReferenceItem)
 */
GListModel *
rpt_reference_browser_get_shown (RptReferenceBrowser *self)
{
  g_return_val_if_fail (RPT_IS_REFERENCE_BROWSER (self), NULL);
  return G_LIST_MODEL (self->filtered);
}

static void
show_list (RptReferenceBrowser *self)
{
  self->detail_shown = FALSE;
  while (!g_queue_is_empty (&self->back))
    place_free (g_queue_pop_head (&self->back));
  g_clear_pointer (&self->focus_field, g_free);
  g_clear_pointer (&self->focus_treaty, g_free);
  clear_detail (self);
  adw_window_title_set_title (self->window_title, _ ("Reference Data"));
  adw_window_title_set_subtitle (self->window_title, NULL);
  gtk_stack_set_visible_child_name (self->stack, "list");
}

/**
 * rpt_reference_browser_show_list:
 *
 * Shows the list, the focus in its search.
 */
void
rpt_reference_browser_show_list (RptReferenceBrowser *self)
{
  g_return_if_fail (RPT_IS_REFERENCE_BROWSER (self));

  stop_focus_tick (self);
  show_list (self);
  gtk_widget_grab_focus (GTK_WIDGET (self->search_entry));
}

/**
 * rpt_reference_browser_show_row:
 *
 * Shows the details of one row: a mandate by its key, a State by its
 * code, a treaty participation as "INSTRUMENT/CODE".
 */
void
rpt_reference_browser_show_row (RptReferenceBrowser *self, RptOverrideTable table, const char *key)
{
  GtkAdjustment *adj;

  g_return_if_fail (RPT_IS_REFERENCE_BROWSER (self));
  g_return_if_fail (key != NULL);

  self->table = table;
  g_free (self->key);
  self->key = g_strdup (key);
  self->detail_shown = TRUE;
  show_detail (self);
  stop_focus_tick (self);
  gtk_stack_set_visible_child_name (self->stack, "detail");
  adj = gtk_scrolled_window_get_vadjustment (GTK_SCROLLED_WINDOW (self->detail_scroller));
  gtk_adjustment_set_value (adj, 0);
  focus_detail (self);
}

/**
 * rpt_reference_browser_get_shown_row:
 *
 * Returns: whether the details of a row are shown, and which
 */
gboolean
rpt_reference_browser_get_shown_row (RptReferenceBrowser *self,
                                     RptOverrideTable *table,
                                     const char **key)
{
  g_return_val_if_fail (RPT_IS_REFERENCE_BROWSER (self), FALSE);

  if (!self->detail_shown)
    return FALSE;
  if (table != NULL)
    *table = self->table;
  if (key != NULL)
    *key = self->key;
  return TRUE;
}

/**
 * rpt_reference_browser_show_field_error:
 *
 * Says under a value of the details why it was not taken.
 */
void
rpt_reference_browser_show_field_error (RptReferenceBrowser *self,
                                        const char *field,
                                        const char *message)
{
  FieldRows *rows;

  g_return_if_fail (RPT_IS_REFERENCE_BROWSER (self));

  g_clear_pointer (&self->focus_field, g_free);
  rows = field != NULL ? g_hash_table_lookup (self->fields, field) : NULL;
  if (rows == NULL)
    return;
  gtk_label_set_text (GTK_LABEL (rows->error_label), message);
  gtk_widget_set_visible (rows->error_label, TRUE);
  gtk_widget_add_css_class (rows->value_row, "error");
  gtk_widget_grab_focus (rows->value_row);
}

/**
 * rpt_reference_browser_get_trust_row:
 * @which: "as-of" or "verified"
 *
 * Returns: (transfer none) (nullable): a row of the details that says how
 *   far the row shown can be trusted; its data "doubtful" is set when it
 *   is marked with a warning
 */
GtkWidget *
rpt_reference_browser_get_trust_row (RptReferenceBrowser *self, const char *which)
{
  g_return_val_if_fail (RPT_IS_REFERENCE_BROWSER (self), NULL);

  if (g_str_equal (which, "as-of"))
    return self->as_of_row;
  if (g_str_equal (which, "verified"))
    return self->verified_row;
  return NULL;
}

/**
 * rpt_reference_browser_get_field_row:
 * @which: "value", "note", "apply", "data", "correction", "remove" or
 *   "error"
 *
 * Returns: (transfer none) (nullable): a widget of the details of @field
 */
GtkWidget *
rpt_reference_browser_get_field_row (RptReferenceBrowser *self,
                                     const char *field,
                                     const char *which)
{
  FieldRows *rows;

  g_return_val_if_fail (RPT_IS_REFERENCE_BROWSER (self), NULL);

  rows = g_hash_table_lookup (self->fields, field);
  if (rows == NULL)
    return NULL;
  if (g_str_equal (which, "value"))
    return rows->value_row;
  if (g_str_equal (which, "note"))
    return rows->note_row;
  if (g_str_equal (which, "data"))
    return rows->data_row;
  if (g_str_equal (which, "correction"))
    return rows->correction_row;
  if (g_str_equal (which, "remove"))
    return rows->remove_button;
  if (g_str_equal (which, "apply"))
    return rows->apply_button;
  if (g_str_equal (which, "error"))
    return rows->error_label;
  return NULL;
}

static void
back_action (GtkWidget *widget, const char *name, GVariant *param)
{
  RptReferenceBrowser *self = RPT_REFERENCE_BROWSER (widget);

  if (self->detail_shown && !g_queue_is_empty (&self->back))
    {
      /* Back to the State, on the treaty just left. */
      Place *place = g_queue_pop_head (&self->back);
      g_free (self->focus_treaty);
      self->focus_treaty = g_strdup (self->key);
      rpt_reference_browser_show_row (self, place->table, place->key);
      place_free (place);
    }
  else if (self->detail_shown)
    {
      /* Back to the list, on the row just left. */
      RptOverrideTable table = self->table;
      g_autofree char *key = g_strdup (self->key);

      show_list (self);
      focus_list_row (self, table, key);
    }
  else
    g_signal_emit (self, signals[SIGNAL_CLOSE], 0);
}

/* --- GObject --------------------------------------------------------- */

static void
rpt_reference_browser_dispose (GObject *object)
{
  RptReferenceBrowser *self = RPT_REFERENCE_BROWSER (object);

  stop_focus_tick (self);
  if (self->fields != NULL)
    g_hash_table_remove_all (self->fields);
  if (self->treaty_rows != NULL)
    g_hash_table_remove_all (self->treaty_rows);
  gtk_widget_dispose_template (GTK_WIDGET (self), RPT_TYPE_REFERENCE_BROWSER);
  {
    GtkWidget *child;
    while ((child = gtk_widget_get_first_child (GTK_WIDGET (self))) != NULL)
      gtk_widget_unparent (child);
  }
  g_clear_object (&self->filtered);
  g_clear_object (&self->filter);
  g_clear_object (&self->items);
  g_clear_object (&self->reference);
  G_OBJECT_CLASS (rpt_reference_browser_parent_class)->dispose (object);
}

static void
rpt_reference_browser_finalize (GObject *object)
{
  RptReferenceBrowser *self = RPT_REFERENCE_BROWSER (object);

  g_strfreev (self->words);
  g_free (self->key);
  g_free (self->focus_field);
  g_free (self->focus_treaty);
  g_hash_table_unref (self->treaty_rows);
  g_queue_clear_full (&self->back, (GDestroyNotify) place_free);
  g_hash_table_unref (self->fields);
  G_OBJECT_CLASS (rpt_reference_browser_parent_class)->finalize (object);
}

static void
rpt_reference_browser_class_init (RptReferenceBrowserClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = rpt_reference_browser_dispose;
  object_class->finalize = rpt_reference_browser_finalize;

  /**
   * RptReferenceBrowser::apply:
   * @table: an #RptOverrideTable
   * @key: the row
   * @field: the value
   * @value: what the user typed
   * @note: (nullable): the source or reason given
   *
   * The user asked for a correction.
   */
  signals[SIGNAL_APPLY] = g_signal_new ("apply", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0,
                                        NULL, NULL, NULL, G_TYPE_NONE, 5, G_TYPE_UINT,
                                        G_TYPE_STRING, G_TYPE_STRING, G_TYPE_STRING, G_TYPE_STRING);
  /**
   * RptReferenceBrowser::remove:
   *
   * The user asked to remove the correction of @field of a row.
   */
  signals[SIGNAL_REMOVE] =
    g_signal_new ("remove", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL,
                  G_TYPE_NONE, 3, G_TYPE_UINT, G_TYPE_STRING, G_TYPE_STRING);
  /**
   * RptReferenceBrowser::close:
   *
   * Back from the list: the page goes back to the preferences.
   */
  signals[SIGNAL_CLOSE] = g_signal_new ("close", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0,
                                        NULL, NULL, NULL, G_TYPE_NONE, 0);

  gtk_widget_class_set_template_from_resource (
    widget_class, "/io/github/rapporteur/Rapporteur/ui/rpt-reference-browser.ui");
  gtk_widget_class_bind_template_child (widget_class, RptReferenceBrowser, window_title);
  gtk_widget_class_bind_template_child (widget_class, RptReferenceBrowser, stack);
  gtk_widget_class_bind_template_child (widget_class, RptReferenceBrowser, search_entry);
  gtk_widget_class_bind_template_child (widget_class, RptReferenceBrowser, kind_dropdown);
  gtk_widget_class_bind_template_child (widget_class, RptReferenceBrowser, count_label);
  gtk_widget_class_bind_template_child (widget_class, RptReferenceBrowser, list);
  gtk_widget_class_bind_template_child (widget_class, RptReferenceBrowser, detail_scroller);
  gtk_widget_class_bind_template_child (widget_class, RptReferenceBrowser, detail_box);
  gtk_widget_class_bind_template_callback (widget_class, filter_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, row_activated_cb);
  gtk_widget_class_bind_template_callback (widget_class, search_activate_cb);
  gtk_widget_class_bind_template_callback (widget_class, search_stop_cb);
  gtk_widget_class_install_action (widget_class, "browser.back", NULL, back_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "browser.back", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Left, GDK_ALT_MASK, "browser.back",
                                       NULL);
}

static void
rpt_reference_browser_init (RptReferenceBrowser *self)
{
  GtkListItemFactory *factory = gtk_signal_list_item_factory_new ();
  GtkNoSelection *selection;

  gtk_widget_init_template (GTK_WIDGET (self));
  g_queue_init (&self->back);
  self->fields =
    g_hash_table_new_full (g_str_hash, g_str_equal, NULL, (GDestroyNotify) field_rows_free);
  self->treaty_rows = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  self->filter = gtk_custom_filter_new (filter_func, self, NULL);
  self->filtered = gtk_filter_list_model_new (NULL, GTK_FILTER (g_object_ref (self->filter)));
  g_signal_connect_swapped (self->filtered, "items-changed", G_CALLBACK (update_count), self);
  g_signal_connect (factory, "setup", G_CALLBACK (list_setup_cb), self);
  g_signal_connect (factory, "bind", G_CALLBACK (list_bind_cb), self);
  g_signal_connect (factory, "unbind", G_CALLBACK (list_unbind_cb), self);
  {
    GtkEventController *keys = gtk_event_controller_key_new ();

    /* Before the text moves its caret. */
    gtk_event_controller_set_propagation_phase (keys, GTK_PHASE_CAPTURE);

    g_signal_connect (keys, "key-pressed", G_CALLBACK (search_key_pressed_cb), self);
    gtk_widget_add_controller (GTK_WIDGET (self->search_entry), keys);
  }
  gtk_list_view_set_factory (self->list, factory);
  g_object_unref (factory);
  selection = gtk_no_selection_new (G_LIST_MODEL (g_object_ref (self->filtered)));
  gtk_list_view_set_model (self->list, GTK_SELECTION_MODEL (selection));
  g_object_unref (selection);
}
