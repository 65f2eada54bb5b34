/* rpt-paragraph.c
 *
 * Copyright 2026 The Rapporteur authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "rpt-paragraph"

#include "rpt-item-private.h"
#include "rpt-paragraph-private.h"

/**
 * RptParagraph:
 *
 * One paragraph a drafter typed: a profile paragraph, a fact, a concern, a
 * question or a clause of the legal annex. The text is inline markup (see
 * rpt-markup.h). Facts may carry a date, a place and the persons they
 * involve; annex clauses a legal reference key and a list style. The id
 * never changes, so versions can be compared paragraph by paragraph.
 */
struct _RptParagraph
{
  GObject parent_instance;

  char *id;
  char *text;
  char *date;
  char *place;
  char **persons;
  char *reference;
  RptParagraphStyle style;
};

G_DEFINE_FINAL_TYPE (RptParagraph, rpt_paragraph, G_TYPE_OBJECT)

enum
{
  PROP_0,
  PROP_ID,
  PROP_TEXT,
  PROP_DATE,
  PROP_PLACE,
  PROP_PERSONS,
  PROP_REFERENCE,
  PROP_STYLE,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
rpt_paragraph_constructed (GObject *object)
{
  RptParagraph *self = RPT_PARAGRAPH (object);

  G_OBJECT_CLASS (rpt_paragraph_parent_class)->constructed (object);

  if (self->id == NULL)
    self->id = _rpt_item_new_id ();
}

static void
rpt_paragraph_finalize (GObject *object)
{
  RptParagraph *self = RPT_PARAGRAPH (object);

  g_free (self->id);
  g_free (self->text);
  g_free (self->date);
  g_free (self->place);
  g_strfreev (self->persons);
  g_free (self->reference);

  G_OBJECT_CLASS (rpt_paragraph_parent_class)->finalize (object);
}

static void
rpt_paragraph_get_property (GObject *object, guint prop_id, GValue *value, GParamSpec *pspec)
{
  RptParagraph *self = RPT_PARAGRAPH (object);

  switch (prop_id)
    {
    case PROP_ID:
      g_value_set_string (value, self->id);
      break;
    case PROP_TEXT:
      g_value_set_string (value, rpt_paragraph_get_text (self));
      break;
    case PROP_DATE:
      g_value_set_string (value, self->date);
      break;
    case PROP_PLACE:
      g_value_set_string (value, self->place);
      break;
    case PROP_PERSONS:
      g_value_set_boxed (value, self->persons);
      break;
    case PROP_REFERENCE:
      g_value_set_string (value, self->reference);
      break;
    case PROP_STYLE:
      g_value_set_enum (value, self->style);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
rpt_paragraph_set_property (GObject *object, guint prop_id, const GValue *value, GParamSpec *pspec)
{
  RptParagraph *self = RPT_PARAGRAPH (object);

  switch (prop_id)
    {
    case PROP_ID:
      g_assert (self->id == NULL);
      if (g_value_get_string (value) != NULL)
        {
          g_return_if_fail (_rpt_item_id_is_valid (g_value_get_string (value)));
          self->id = g_value_dup_string (value);
        }
      break;
    case PROP_TEXT:
      rpt_paragraph_set_text (self, g_value_get_string (value));
      break;
    case PROP_DATE:
      rpt_paragraph_set_date (self, g_value_get_string (value));
      break;
    case PROP_PLACE:
      rpt_paragraph_set_place (self, g_value_get_string (value));
      break;
    case PROP_PERSONS:
      rpt_paragraph_set_persons (self, g_value_get_boxed (value));
      break;
    case PROP_REFERENCE:
      rpt_paragraph_set_reference (self, g_value_get_string (value));
      break;
    case PROP_STYLE:
      rpt_paragraph_set_style (self, g_value_get_enum (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
rpt_paragraph_class_init (RptParagraphClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->constructed = rpt_paragraph_constructed;
  object_class->finalize = rpt_paragraph_finalize;
  object_class->get_property = rpt_paragraph_get_property;
  object_class->set_property = rpt_paragraph_set_property;

  properties[PROP_ID] = g_param_spec_string (
    "id", NULL, NULL, NULL, G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  properties[PROP_TEXT] = g_param_spec_string (
    "text", NULL, NULL, "", G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_DATE] = g_param_spec_string (
    "date", NULL, NULL, NULL, G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_PLACE] =
    g_param_spec_string ("place", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_PERSONS] =
    g_param_spec_boxed ("persons", NULL, NULL, G_TYPE_STRV,
                        G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_REFERENCE] =
    g_param_spec_string ("reference", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_STYLE] =
    g_param_spec_enum ("style", NULL, NULL, RPT_TYPE_PARAGRAPH_STYLE, RPT_PARAGRAPH_STYLE_PARAGRAPH,
                       G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
rpt_paragraph_init (RptParagraph *self)
{
}

/**
 * rpt_paragraph_new:
 * @markup: (nullable): inline markup
 *
 * Returns: (transfer full): a paragraph with a new id
 */
RptParagraph *
rpt_paragraph_new (const char *markup)
{
  return g_object_new (RPT_TYPE_PARAGRAPH, "text", markup, NULL);
}

/**
 * rpt_paragraph_new_with_id:
 * @id: a lower-case UUID
 *
 * Returns: (transfer full): a paragraph that keeps an existing id
 */
RptParagraph *
rpt_paragraph_new_with_id (const char *id, const char *markup)
{
  g_return_val_if_fail (_rpt_item_id_is_valid (id), NULL);

  return g_object_new (RPT_TYPE_PARAGRAPH, "id", id, "text", markup, NULL);
}

/**
 * rpt_paragraph_duplicate:
 *
 * Returns: (transfer full): a copy of @self with a new id
 */
RptParagraph *
rpt_paragraph_duplicate (RptParagraph *self)
{
  g_return_val_if_fail (RPT_IS_PARAGRAPH (self), NULL);

  return g_object_new (RPT_TYPE_PARAGRAPH, "text", self->text, "date", self->date, "place",
                       self->place, "persons", self->persons, "reference", self->reference, "style",
                       self->style, NULL);
}

const char *
rpt_paragraph_get_id (RptParagraph *self)
{
  g_return_val_if_fail (RPT_IS_PARAGRAPH (self), NULL);
  return self->id;
}

/**
 * rpt_paragraph_get_text:
 *
 * Returns: the text as canonical inline markup, never %NULL
 */
const char *
rpt_paragraph_get_text (RptParagraph *self)
{
  g_return_val_if_fail (RPT_IS_PARAGRAPH (self), NULL);
  return self->text != NULL ? self->text : "";
}

/**
 * rpt_paragraph_set_text:
 * @markup: (nullable): valid inline markup; characters XML cannot hold are
 *   dropped (use rpt_markup_normalize() first to tell the user)
 */
void
rpt_paragraph_set_text (RptParagraph *self, const char *markup)
{
  g_return_if_fail (RPT_IS_PARAGRAPH (self));

  if (_rpt_set_markup (&self->text, markup))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_TEXT]);
}

/* @normal: (transfer full): markup as rpt_markup_normalize() returned it
 * (the letter reader's way: a long letter is not normalized twice) */
void
_rpt_paragraph_take_normal_text (RptParagraph *self, char *normal)
{
  g_return_if_fail (RPT_IS_PARAGRAPH (self));

  if (_rpt_take_normal_markup (&self->text, normal))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_TEXT]);
}

const char *
rpt_paragraph_get_date (RptParagraph *self)
{
  g_return_val_if_fail (RPT_IS_PARAGRAPH (self), NULL);
  return self->date;
}

/**
 * rpt_paragraph_set_date:
 * @iso_date: (nullable): a date as YYYY-MM-DD, or %NULL for none
 */
void
rpt_paragraph_set_date (RptParagraph *self, const char *iso_date)
{
  g_return_if_fail (RPT_IS_PARAGRAPH (self));

  if (_rpt_set_date (&self->date, iso_date))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_DATE]);
}

const char *
rpt_paragraph_get_place (RptParagraph *self)
{
  g_return_val_if_fail (RPT_IS_PARAGRAPH (self), NULL);
  return self->place;
}

void
rpt_paragraph_set_place (RptParagraph *self, const char *place)
{
  g_return_if_fail (RPT_IS_PARAGRAPH (self));

  if (_rpt_set_line (&self->place, place))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_PLACE]);
}

/**
 * rpt_paragraph_get_persons:
 *
 * Returns: (nullable) (transfer none): the ids of the persons concerned
 *   this paragraph involves
 */
const char *const *
rpt_paragraph_get_persons (RptParagraph *self)
{
  g_return_val_if_fail (RPT_IS_PARAGRAPH (self), NULL);
  return (const char *const *) self->persons;
}

void
rpt_paragraph_set_persons (RptParagraph *self, const char *const *person_ids)
{
  g_return_if_fail (RPT_IS_PARAGRAPH (self));

  for (guint i = 0; person_ids != NULL && person_ids[i] != NULL; i++)
    g_return_if_fail (_rpt_item_id_is_valid (person_ids[i]));

  if (_rpt_set_strv (&self->persons, person_ids))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_PERSONS]);
}

/**
 * rpt_paragraph_get_reference:
 *
 * Returns: (nullable): the key of the legal reference an annex clause cites
 */
const char *
rpt_paragraph_get_reference (RptParagraph *self)
{
  g_return_val_if_fail (RPT_IS_PARAGRAPH (self), NULL);
  return self->reference;
}

void
rpt_paragraph_set_reference (RptParagraph *self, const char *key)
{
  g_return_if_fail (RPT_IS_PARAGRAPH (self));

  if (_rpt_set_key (&self->reference, key))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_REFERENCE]);
}

RptParagraphStyle
rpt_paragraph_get_style (RptParagraph *self)
{
  g_return_val_if_fail (RPT_IS_PARAGRAPH (self), RPT_PARAGRAPH_STYLE_PARAGRAPH);
  return self->style;
}

void
rpt_paragraph_set_style (RptParagraph *self, RptParagraphStyle style)
{
  g_return_if_fail (RPT_IS_PARAGRAPH (self));
  g_return_if_fail (style <= RPT_PARAGRAPH_STYLE_BULLET);

  if (self->style == style)
    return;
  self->style = style;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_STYLE]);
}
