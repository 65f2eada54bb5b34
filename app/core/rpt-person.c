/* rpt-person.c
 *
 * Copyright 2026 The Rapporteur authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "rpt-person"

#include "rpt-item-private.h"
#include "rpt-person.h"

/**
 * RptPerson:
 *
 * A person concerned by the letter. An anonymised person may have no name
 * ("a man, 27").
 */
struct _RptPerson
{
  GObject parent_instance;

  char *id;
  char *name;
  char *honorific;
  RptGender gender;
  int age;
  char *occupation;
  gboolean defender;
  gboolean deprived_of_liberty;
};

G_DEFINE_FINAL_TYPE (RptPerson, rpt_person, G_TYPE_OBJECT)

enum
{
  PROP_0,
  PROP_ID,
  PROP_NAME,
  PROP_HONORIFIC,
  PROP_GENDER,
  PROP_AGE,
  PROP_OCCUPATION,
  PROP_DEFENDER,
  PROP_DEPRIVED_OF_LIBERTY,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
rpt_person_constructed (GObject *object)
{
  RptPerson *self = RPT_PERSON (object);

  G_OBJECT_CLASS (rpt_person_parent_class)->constructed (object);

  if (self->id == NULL)
    self->id = _rpt_item_new_id ();
}

static void
rpt_person_finalize (GObject *object)
{
  RptPerson *self = RPT_PERSON (object);

  g_free (self->id);
  g_free (self->name);
  g_free (self->honorific);
  g_free (self->occupation);

  G_OBJECT_CLASS (rpt_person_parent_class)->finalize (object);
}

static void
rpt_person_get_property (GObject *object, guint prop_id, GValue *value, GParamSpec *pspec)
{
  RptPerson *self = RPT_PERSON (object);

  switch (prop_id)
    {
    case PROP_ID:
      g_value_set_string (value, self->id);
      break;
    case PROP_NAME:
      g_value_set_string (value, self->name);
      break;
    case PROP_HONORIFIC:
      g_value_set_string (value, self->honorific);
      break;
    case PROP_GENDER:
      g_value_set_enum (value, self->gender);
      break;
    case PROP_AGE:
      g_value_set_int (value, self->age);
      break;
    case PROP_OCCUPATION:
      g_value_set_string (value, self->occupation);
      break;
    case PROP_DEFENDER:
      g_value_set_boolean (value, self->defender);
      break;
    case PROP_DEPRIVED_OF_LIBERTY:
      g_value_set_boolean (value, self->deprived_of_liberty);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
rpt_person_set_property (GObject *object, guint prop_id, const GValue *value, GParamSpec *pspec)
{
  RptPerson *self = RPT_PERSON (object);

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
    case PROP_NAME:
      rpt_person_set_name (self, g_value_get_string (value));
      break;
    case PROP_HONORIFIC:
      rpt_person_set_honorific (self, g_value_get_string (value));
      break;
    case PROP_GENDER:
      rpt_person_set_gender (self, g_value_get_enum (value));
      break;
    case PROP_AGE:
      rpt_person_set_age (self, g_value_get_int (value));
      break;
    case PROP_OCCUPATION:
      rpt_person_set_occupation (self, g_value_get_string (value));
      break;
    case PROP_DEFENDER:
      rpt_person_set_defender (self, g_value_get_boolean (value));
      break;
    case PROP_DEPRIVED_OF_LIBERTY:
      rpt_person_set_deprived_of_liberty (self, g_value_get_boolean (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
rpt_person_class_init (RptPersonClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->constructed = rpt_person_constructed;
  object_class->finalize = rpt_person_finalize;
  object_class->get_property = rpt_person_get_property;
  object_class->set_property = rpt_person_set_property;

  properties[PROP_ID] = g_param_spec_string (
    "id", NULL, NULL, NULL, G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  properties[PROP_NAME] = g_param_spec_string (
    "name", NULL, NULL, NULL, G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_HONORIFIC] =
    g_param_spec_string ("honorific", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_GENDER] =
    g_param_spec_enum ("gender", NULL, NULL, RPT_TYPE_GENDER, RPT_GENDER_UNKNOWN,
                       G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_AGE] =
    g_param_spec_int ("age", NULL, NULL, -1, 150, -1,
                      G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_OCCUPATION] =
    g_param_spec_string ("occupation", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_DEFENDER] =
    g_param_spec_boolean ("defender", NULL, NULL, FALSE,
                          G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_DEPRIVED_OF_LIBERTY] =
    g_param_spec_boolean ("deprived-of-liberty", NULL, NULL, FALSE,
                          G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
rpt_person_init (RptPerson *self)
{
  self->age = -1;
}

/**
 * rpt_person_new:
 *
 * Returns: (transfer full): a new, empty person with a new id
 */
RptPerson *
rpt_person_new (void)
{
  return g_object_new (RPT_TYPE_PERSON, NULL);
}

/**
 * rpt_person_new_with_id:
 * @id: a lower-case UUID
 *
 * Returns: (transfer full): a new, empty person that keeps an existing id
 */
RptPerson *
rpt_person_new_with_id (const char *id)
{
  g_return_val_if_fail (_rpt_item_id_is_valid (id), NULL);

  return g_object_new (RPT_TYPE_PERSON, "id", id, NULL);
}

/**
 * rpt_person_duplicate:
 *
 * Returns: (transfer full): a copy of @self with a new id
 */
RptPerson *
rpt_person_duplicate (RptPerson *self)
{
  g_return_val_if_fail (RPT_IS_PERSON (self), NULL);

  return g_object_new (RPT_TYPE_PERSON, "name", self->name, "honorific", self->honorific, "gender",
                       self->gender, "age", self->age, "occupation", self->occupation, "defender",
                       self->defender, "deprived-of-liberty", self->deprived_of_liberty, NULL);
}

const char *
rpt_person_get_id (RptPerson *self)
{
  g_return_val_if_fail (RPT_IS_PERSON (self), NULL);
  return self->id;
}

/**
 * rpt_person_get_name:
 *
 * Returns: the full name
 */
const char *
rpt_person_get_name (RptPerson *self)
{
  g_return_val_if_fail (RPT_IS_PERSON (self), NULL);
  return self->name;
}

void
rpt_person_set_name (RptPerson *self, const char *name)
{
  g_return_if_fail (RPT_IS_PERSON (self));

  if (_rpt_set_line (&self->name, name))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_NAME]);
}

/**
 * rpt_person_get_honorific:
 *
 * Returns: "Ms.", "Mr." and the like, as the letter writes it
 */
const char *
rpt_person_get_honorific (RptPerson *self)
{
  g_return_val_if_fail (RPT_IS_PERSON (self), NULL);
  return self->honorific;
}

void
rpt_person_set_honorific (RptPerson *self, const char *honorific)
{
  g_return_if_fail (RPT_IS_PERSON (self));

  if (_rpt_set_line (&self->honorific, honorific))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_HONORIFIC]);
}

/**
 * rpt_person_get_gender:
 *
 * Returns: the gender, as far as known
 */
RptGender
rpt_person_get_gender (RptPerson *self)
{
  g_return_val_if_fail (RPT_IS_PERSON (self), RPT_GENDER_UNKNOWN);
  return self->gender;
}

void
rpt_person_set_gender (RptPerson *self, RptGender gender)
{
  g_return_if_fail (RPT_IS_PERSON (self));

  if (self->gender != gender)
    {
      self->gender = gender;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_GENDER]);
    }
}

/**
 * rpt_person_get_age:
 *
 * Returns: the age in years, or -1 when not known
 */
int
rpt_person_get_age (RptPerson *self)
{
  g_return_val_if_fail (RPT_IS_PERSON (self), -1);
  return self->age;
}

void
rpt_person_set_age (RptPerson *self, int age)
{
  g_return_if_fail (RPT_IS_PERSON (self));
  g_return_if_fail (age >= -1 && age <= 150);

  if (self->age != age)
    {
      self->age = age;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_AGE]);
    }
}

/**
 * rpt_person_get_occupation:
 *
 * Returns: the occupation, as "independent journalist"
 */
const char *
rpt_person_get_occupation (RptPerson *self)
{
  g_return_val_if_fail (RPT_IS_PERSON (self), NULL);
  return self->occupation;
}

void
rpt_person_set_occupation (RptPerson *self, const char *occupation)
{
  g_return_if_fail (RPT_IS_PERSON (self));

  if (_rpt_set_line (&self->occupation, occupation))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_OCCUPATION]);
}

/**
 * rpt_person_get_defender:
 *
 * Returns: whether the person is a human rights defender
 */
gboolean
rpt_person_get_defender (RptPerson *self)
{
  g_return_val_if_fail (RPT_IS_PERSON (self), FALSE);
  return self->defender;
}

void
rpt_person_set_defender (RptPerson *self, gboolean defender)
{
  g_return_if_fail (RPT_IS_PERSON (self));

  defender = !!defender;
  if (self->defender != defender)
    {
      self->defender = defender;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_DEFENDER]);
    }
}

/**
 * rpt_person_get_deprived_of_liberty:
 *
 * Returns: whether the person is deprived of liberty (this brings in the paragraph of the Working Group on Arbitrary Detention)
 */
gboolean
rpt_person_get_deprived_of_liberty (RptPerson *self)
{
  g_return_val_if_fail (RPT_IS_PERSON (self), FALSE);
  return self->deprived_of_liberty;
}

void
rpt_person_set_deprived_of_liberty (RptPerson *self, gboolean deprived_of_liberty)
{
  g_return_if_fail (RPT_IS_PERSON (self));

  deprived_of_liberty = !!deprived_of_liberty;
  if (self->deprived_of_liberty != deprived_of_liberty)
    {
      self->deprived_of_liberty = deprived_of_liberty;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_DEPRIVED_OF_LIBERTY]);
    }
}
