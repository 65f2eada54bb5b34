/* rpt-letter.c
 *
 * Copyright 2026 The Rapporteur authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "rpt-letter"

#include "rpt-communication.h"
#include "rpt-item-private.h"
#include "rpt-letter.h"
#include "rpt-mandate.h"
#include "rpt-paragraph.h"
#include "rpt-person.h"
#include "rpt-signatory.h"

/**
 * RptLetter:
 *
 * A letter as structured data: what its drafter typed or chose, and nothing
 * the templates add. Scalar parts are properties; the ordered parts
 * (mandates, facts, …) are list models of items with stable ids.
 *
 * Every change, to a property of the letter, to an item or to the order of
 * a part, emits #RptLetter::changed once and raises the revision, which is
 * what autosave and the preview follow.
 */
struct _RptLetter
{
  GObject parent_instance;

  char *id;
  RptLetterKind kind;
  char *country;
  char *addressee_name;
  char *salutation;
  guint reference_number;
  guint reference_year;
  char *date;
  char *language;
  char *summary;
  char *communications_about;
  gboolean press_release;
  RptWgad wgad;
  gboolean interim_measures;
  RptSummaryArticle summary_article;
  char *summary_article_text;
  RptFactsLead facts_lead;
  RptCommunicationsPlace communications_place;
  char *co_senders;
  char *house_style;

  GListStore *parts[RPT_N_PARTS];
  /* What each part held at the last items-changed, so that handlers can be
   * disconnected from the items that left it. */
  GPtrArray *connected[RPT_N_PARTS];
  /* id → item over all parts: ids are unique within a letter. */
  GHashTable *items_by_id;

  guint64 revision;
  guint freeze;
  gboolean changed_while_frozen;
};

G_DEFINE_FINAL_TYPE (RptLetter, rpt_letter, G_TYPE_OBJECT)

enum
{
  PROP_0,
  PROP_ID,
  PROP_KIND,
  PROP_COUNTRY,
  PROP_ADDRESSEE_NAME,
  PROP_SALUTATION,
  PROP_REFERENCE_NUMBER,
  PROP_REFERENCE_YEAR,
  PROP_DATE,
  PROP_LANGUAGE,
  PROP_SUMMARY,
  PROP_COMMUNICATIONS_ABOUT,
  PROP_PRESS_RELEASE,
  PROP_WGAD,
  PROP_INTERIM_MEASURES,
  PROP_SUMMARY_ARTICLE,
  PROP_SUMMARY_ARTICLE_TEXT,
  PROP_FACTS_LEAD,
  PROP_COMMUNICATIONS_PLACE,
  PROP_CO_SENDERS,
  PROP_HOUSE_STYLE,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

enum
{
  CHANGED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static void
emit_changed (RptLetter *self)
{
  if (self->freeze > 0)
    {
      self->changed_while_frozen = TRUE;
      return;
    }
  self->revision++;
  g_signal_emit (self, signals[CHANGED], 0);
}

static void
thaw (RptLetter *self)
{
  g_assert (self->freeze > 0);
  if (--self->freeze == 0 && self->changed_while_frozen)
    {
      self->changed_while_frozen = FALSE;
      emit_changed (self);
    }
}

static void
item_notify_cb (GObject *item, GParamSpec *pspec, RptLetter *self)
{
  emit_changed (self);
}

static void
part_items_changed_cb (GListModel *model,
                       guint position,
                       guint removed,
                       guint added,
                       RptLetter *self)
{
  RptPart part;
  GPtrArray *mirror = NULL;

  for (part = 0; part < RPT_N_PARTS; part++)
    if (G_LIST_MODEL (self->parts[part]) == model)
      {
        mirror = self->connected[part];
        break;
      }
  g_assert (mirror != NULL);

  for (guint i = position; i < position + removed; i++)
    {
      GObject *item = g_ptr_array_index (mirror, i);
      g_signal_handlers_disconnect_by_func (item, item_notify_cb, self);
    }
  g_ptr_array_remove_range (mirror, position, removed);

  for (guint i = 0; i < added; i++)
    {
      GObject *item = g_list_model_get_item (model, position + i);
      g_signal_connect (item, "notify", G_CALLBACK (item_notify_cb), self);
      g_ptr_array_insert (mirror, position + i, item);
    }

  emit_changed (self);
}

static void
rpt_letter_constructed (GObject *object)
{
  RptLetter *self = RPT_LETTER (object);

  G_OBJECT_CLASS (rpt_letter_parent_class)->constructed (object);

  if (self->id == NULL)
    self->id = _rpt_item_new_id ();
}

static void
rpt_letter_dispose (GObject *object)
{
  RptLetter *self = RPT_LETTER (object);

  for (RptPart part = 0; part < RPT_N_PARTS; part++)
    {
      if (self->parts[part] != NULL)
        g_signal_handlers_disconnect_by_func (self->parts[part], part_items_changed_cb, self);
      if (self->connected[part] != NULL)
        for (guint i = 0; i < self->connected[part]->len; i++)
          g_signal_handlers_disconnect_by_func (g_ptr_array_index (self->connected[part], i),
                                                item_notify_cb, self);
      g_clear_pointer (&self->connected[part], g_ptr_array_unref);
      g_clear_object (&self->parts[part]);
    }
  g_clear_pointer (&self->items_by_id, g_hash_table_unref);

  G_OBJECT_CLASS (rpt_letter_parent_class)->dispose (object);
}

static void
rpt_letter_finalize (GObject *object)
{
  RptLetter *self = RPT_LETTER (object);

  g_free (self->id);
  g_free (self->country);
  g_free (self->addressee_name);
  g_free (self->salutation);
  g_free (self->date);
  g_free (self->language);
  g_free (self->summary);
  g_free (self->communications_about);
  g_free (self->summary_article_text);
  g_free (self->co_senders);
  g_free (self->house_style);

  G_OBJECT_CLASS (rpt_letter_parent_class)->finalize (object);
}

static void
rpt_letter_get_property (GObject *object, guint prop_id, GValue *value, GParamSpec *pspec)
{
  RptLetter *self = RPT_LETTER (object);

  switch (prop_id)
    {
    case PROP_ID:
      g_value_set_string (value, self->id);
      break;
    case PROP_KIND:
      g_value_set_enum (value, self->kind);
      break;
    case PROP_COUNTRY:
      g_value_set_string (value, self->country);
      break;
    case PROP_ADDRESSEE_NAME:
      g_value_set_string (value, self->addressee_name);
      break;
    case PROP_SALUTATION:
      g_value_set_string (value, self->salutation);
      break;
    case PROP_REFERENCE_NUMBER:
      g_value_set_uint (value, self->reference_number);
      break;
    case PROP_REFERENCE_YEAR:
      g_value_set_uint (value, self->reference_year);
      break;
    case PROP_DATE:
      g_value_set_string (value, self->date);
      break;
    case PROP_LANGUAGE:
      g_value_set_string (value, self->language);
      break;
    case PROP_SUMMARY:
      g_value_set_string (value, rpt_letter_get_summary (self));
      break;
    case PROP_COMMUNICATIONS_ABOUT:
      g_value_set_string (value, rpt_letter_get_communications_about (self));
      break;
    case PROP_PRESS_RELEASE:
      g_value_set_boolean (value, self->press_release);
      break;
    case PROP_WGAD:
      g_value_set_enum (value, self->wgad);
      break;
    case PROP_INTERIM_MEASURES:
      g_value_set_boolean (value, self->interim_measures);
      break;
    case PROP_SUMMARY_ARTICLE:
      g_value_set_enum (value, self->summary_article);
      break;
    case PROP_SUMMARY_ARTICLE_TEXT:
      g_value_set_string (value, self->summary_article_text);
      break;
    case PROP_FACTS_LEAD:
      g_value_set_enum (value, self->facts_lead);
      break;
    case PROP_COMMUNICATIONS_PLACE:
      g_value_set_enum (value, self->communications_place);
      break;
    case PROP_CO_SENDERS:
      g_value_set_string (value, rpt_letter_get_co_senders (self));
      break;
    case PROP_HOUSE_STYLE:
      g_value_set_string (value, self->house_style);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
rpt_letter_set_property (GObject *object, guint prop_id, const GValue *value, GParamSpec *pspec)
{
  RptLetter *self = RPT_LETTER (object);

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
    case PROP_KIND:
      rpt_letter_set_kind (self, g_value_get_enum (value));
      break;
    case PROP_COUNTRY:
      rpt_letter_set_country (self, g_value_get_string (value));
      break;
    case PROP_ADDRESSEE_NAME:
      rpt_letter_set_addressee_name (self, g_value_get_string (value));
      break;
    case PROP_SALUTATION:
      rpt_letter_set_salutation (self, g_value_get_string (value));
      break;
    case PROP_REFERENCE_NUMBER:
      rpt_letter_set_reference_number (self, g_value_get_uint (value));
      break;
    case PROP_REFERENCE_YEAR:
      rpt_letter_set_reference_year (self, g_value_get_uint (value));
      break;
    case PROP_DATE:
      rpt_letter_set_date (self, g_value_get_string (value));
      break;
    case PROP_LANGUAGE:
      rpt_letter_set_language (self, g_value_get_string (value));
      break;
    case PROP_SUMMARY:
      rpt_letter_set_summary (self, g_value_get_string (value));
      break;
    case PROP_COMMUNICATIONS_ABOUT:
      rpt_letter_set_communications_about (self, g_value_get_string (value));
      break;
    case PROP_PRESS_RELEASE:
      rpt_letter_set_press_release (self, g_value_get_boolean (value));
      break;
    case PROP_WGAD:
      rpt_letter_set_wgad (self, g_value_get_enum (value));
      break;
    case PROP_INTERIM_MEASURES:
      rpt_letter_set_interim_measures (self, g_value_get_boolean (value));
      break;
    case PROP_SUMMARY_ARTICLE:
      rpt_letter_set_summary_article (self, g_value_get_enum (value));
      break;
    case PROP_SUMMARY_ARTICLE_TEXT:
      rpt_letter_set_summary_article_text (self, g_value_get_string (value));
      break;
    case PROP_FACTS_LEAD:
      rpt_letter_set_facts_lead (self, g_value_get_enum (value));
      break;
    case PROP_COMMUNICATIONS_PLACE:
      rpt_letter_set_communications_place (self, g_value_get_enum (value));
      break;
    case PROP_CO_SENDERS:
      rpt_letter_set_co_senders (self, g_value_get_string (value));
      break;
    case PROP_HOUSE_STYLE:
      rpt_letter_set_house_style (self, g_value_get_string (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
rpt_letter_class_init (RptLetterClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  const GParamFlags flags = G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS;

  object_class->constructed = rpt_letter_constructed;
  object_class->dispose = rpt_letter_dispose;
  object_class->finalize = rpt_letter_finalize;
  object_class->get_property = rpt_letter_get_property;
  object_class->set_property = rpt_letter_set_property;

  properties[PROP_ID] = g_param_spec_string (
    "id", NULL, NULL, NULL, G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  properties[PROP_KIND] =
    g_param_spec_enum ("kind", NULL, NULL, RPT_TYPE_LETTER_KIND, RPT_LETTER_KIND_AL, flags);
  properties[PROP_COUNTRY] = g_param_spec_string ("country", NULL, NULL, NULL, flags);
  properties[PROP_ADDRESSEE_NAME] = g_param_spec_string ("addressee-name", NULL, NULL, NULL, flags);
  properties[PROP_SALUTATION] = g_param_spec_string ("salutation", NULL, NULL, NULL, flags);
  properties[PROP_REFERENCE_NUMBER] =
    g_param_spec_uint ("reference-number", NULL, NULL, 0, G_MAXINT, 0, flags);
  properties[PROP_REFERENCE_YEAR] =
    g_param_spec_uint ("reference-year", NULL, NULL, 0, 9999, 0, flags);
  properties[PROP_DATE] = g_param_spec_string ("date", NULL, NULL, NULL, flags);
  properties[PROP_LANGUAGE] = g_param_spec_string ("language", NULL, NULL, "en", flags);
  properties[PROP_SUMMARY] = g_param_spec_string ("summary", NULL, NULL, "", flags);
  properties[PROP_COMMUNICATIONS_ABOUT] =
    g_param_spec_string ("communications-about", NULL, NULL, "", flags);
  properties[PROP_PRESS_RELEASE] = g_param_spec_boolean ("press-release", NULL, NULL, FALSE, flags);
  properties[PROP_WGAD] =
    g_param_spec_enum ("wgad", NULL, NULL, RPT_TYPE_WGAD, RPT_WGAD_AUTO, flags);
  properties[PROP_INTERIM_MEASURES] =
    g_param_spec_boolean ("interim-measures", NULL, NULL, TRUE, flags);
  /* What stands between "concerning" and the bold summary. */
  properties[PROP_SUMMARY_ARTICLE] = g_param_spec_enum (
    "summary-article", NULL, NULL, RPT_TYPE_SUMMARY_ARTICLE, RPT_SUMMARY_ARTICLE_USUAL, flags);
  /* The drafter's words there, for RPT_SUMMARY_ARTICLE_OWN. */
  properties[PROP_SUMMARY_ARTICLE_TEXT] =
    g_param_spec_string ("summary-article-text", NULL, NULL, NULL, flags);
  properties[PROP_FACTS_LEAD] = g_param_spec_enum ("facts-lead", NULL, NULL, RPT_TYPE_FACTS_LEAD,
                                                   RPT_FACTS_LEAD_INFORMATION_RECEIVED, flags);
  properties[PROP_COMMUNICATIONS_PLACE] =
    g_param_spec_enum ("communications-place", NULL, NULL, RPT_TYPE_COMMUNICATIONS_PLACE,
                       RPT_COMMUNICATIONS_PLACE_AFTER_PROFILE, flags);
  /* Bodies outside the Special Procedures that join the letter, as inline
   * markup: the words after the resolutions of the opening sentence. */
  properties[PROP_CO_SENDERS] = g_param_spec_string ("co-senders", NULL, NULL, "", flags);
  /* The id of the house style edition the letter follows; NULL: the newest. */
  properties[PROP_HOUSE_STYLE] = g_param_spec_string ("house-style", NULL, NULL, NULL, flags);

  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * RptLetter::changed:
   *
   * Something in the letter changed: a property, an item, or the items or
   * order of a part. Emitted once per change.
   */
  signals[CHANGED] = g_signal_new ("changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0, NULL,
                                   NULL, NULL, G_TYPE_NONE, 0);
}

static void
rpt_letter_init (RptLetter *self)
{
  self->language = g_strdup ("en");
  self->wgad = RPT_WGAD_AUTO;
  self->interim_measures = TRUE;
  self->summary_article = RPT_SUMMARY_ARTICLE_USUAL;
  self->facts_lead = RPT_FACTS_LEAD_INFORMATION_RECEIVED;
  self->communications_place = RPT_COMMUNICATIONS_PLACE_AFTER_PROFILE;
  self->items_by_id = g_hash_table_new (g_str_hash, g_str_equal);

  for (RptPart part = 0; part < RPT_N_PARTS; part++)
    {
      self->parts[part] = g_list_store_new (rpt_part_get_item_type (part));
      self->connected[part] = g_ptr_array_new_with_free_func (g_object_unref);
      g_signal_connect (self->parts[part], "items-changed", G_CALLBACK (part_items_changed_cb),
                        self);
    }
}

/**
 * rpt_letter_new:
 *
 * Returns: (transfer full): an empty allegation letter in English
 */
RptLetter *
rpt_letter_new (void)
{
  return g_object_new (RPT_TYPE_LETTER, NULL);
}

RptLetter *
rpt_letter_new_with_id (const char *id)
{
  g_return_val_if_fail (_rpt_item_id_is_valid (id), NULL);

  return g_object_new (RPT_TYPE_LETTER, "id", id, NULL);
}

#define NOTIFY(self, prop)                                        \
  G_STMT_START                                                    \
  {                                                               \
    g_object_notify_by_pspec (G_OBJECT (self), properties[prop]); \
    emit_changed (self);                                          \
  }                                                               \
  G_STMT_END

const char *
rpt_letter_get_id (RptLetter *self)
{
  g_return_val_if_fail (RPT_IS_LETTER (self), NULL);
  return self->id;
}

RptLetterKind
rpt_letter_get_kind (RptLetter *self)
{
  g_return_val_if_fail (RPT_IS_LETTER (self), RPT_LETTER_KIND_AL);
  return self->kind;
}

void
rpt_letter_set_kind (RptLetter *self, RptLetterKind kind)
{
  g_return_if_fail (RPT_IS_LETTER (self));
  g_return_if_fail (kind <= RPT_LETTER_KIND_OL);

  if (self->kind != kind)
    {
      self->kind = kind;
      NOTIFY (self, PROP_KIND);
    }
}

/**
 * rpt_letter_get_country:
 *
 * Returns: (nullable): the ISO 3166-1 alpha-3 code of the addressee State,
 *   "OTH" for a company or organisation, or %NULL while none is chosen
 */
const char *
rpt_letter_get_country (RptLetter *self)
{
  g_return_val_if_fail (RPT_IS_LETTER (self), NULL);
  return self->country;
}

void
rpt_letter_set_country (RptLetter *self, const char *code)
{
  g_return_if_fail (RPT_IS_LETTER (self));

  if (code != NULL && code[0] == '\0')
    code = NULL;
  g_return_if_fail (code == NULL || rpt_country_code_is_valid (code));

  if (g_strcmp0 (self->country, code) != 0)
    {
      g_free (self->country);
      self->country = g_strdup (code);
      NOTIFY (self, PROP_COUNTRY);
    }
}

/**
 * rpt_letter_is_to_state:
 *
 * Returns: whether the letter is addressed to a State (not to "OTH")
 */
gboolean
rpt_letter_is_to_state (RptLetter *self)
{
  g_return_val_if_fail (RPT_IS_LETTER (self), FALSE);
  return self->country != NULL && g_strcmp0 (self->country, "OTH") != 0;
}

const char *
rpt_letter_get_addressee_name (RptLetter *self)
{
  g_return_val_if_fail (RPT_IS_LETTER (self), NULL);
  return self->addressee_name;
}

/**
 * rpt_letter_set_addressee_name:
 *
 * The name of the company or organisation a letter to "OTH" goes to.
 */
void
rpt_letter_set_addressee_name (RptLetter *self, const char *name)
{
  g_return_if_fail (RPT_IS_LETTER (self));

  if (_rpt_set_line (&self->addressee_name, name))
    NOTIFY (self, PROP_ADDRESSEE_NAME);
}

const char *
rpt_letter_get_salutation (RptLetter *self)
{
  g_return_val_if_fail (RPT_IS_LETTER (self), NULL);
  return self->salutation;
}

void
rpt_letter_set_salutation (RptLetter *self, const char *salutation)
{
  g_return_if_fail (RPT_IS_LETTER (self));

  if (_rpt_set_line (&self->salutation, salutation))
    NOTIFY (self, PROP_SALUTATION);
}

guint
rpt_letter_get_reference_number (RptLetter *self)
{
  g_return_val_if_fail (RPT_IS_LETTER (self), 0);
  return self->reference_number;
}

/**
 * rpt_letter_set_reference_number:
 * @number: the running number, or 0 while the letter has none (drafts)
 */
void
rpt_letter_set_reference_number (RptLetter *self, guint number)
{
  g_return_if_fail (RPT_IS_LETTER (self));
  g_return_if_fail (number <= G_MAXINT);

  if (self->reference_number != number)
    {
      self->reference_number = number;
      NOTIFY (self, PROP_REFERENCE_NUMBER);
    }
}

guint
rpt_letter_get_reference_year (RptLetter *self)
{
  g_return_val_if_fail (RPT_IS_LETTER (self), 0);
  return self->reference_year;
}

void
rpt_letter_set_reference_year (RptLetter *self, guint year)
{
  g_return_if_fail (RPT_IS_LETTER (self));
  g_return_if_fail (year == 0 || (year >= 1946 && year <= 9999));

  if (self->reference_year != year)
    {
      self->reference_year = year;
      NOTIFY (self, PROP_REFERENCE_YEAR);
    }
}

/**
 * rpt_letter_dup_reference:
 *
 * The reference is the kind, the addressee code, the running number and
 * the year: "AL TJK 1/2025". It follows the kind and the addressee.
 *
 * Returns: (transfer full) (nullable): the reference, or %NULL while the
 *   letter has no number, year or addressee
 */
char *
rpt_letter_dup_reference (RptLetter *self)
{
  g_return_val_if_fail (RPT_IS_LETTER (self), NULL);

  if (self->reference_number == 0 || self->reference_year == 0 || self->country == NULL)
    return NULL;
  return g_strdup_printf ("%s %s %u/%u", rpt_letter_kind_to_code (self->kind), self->country,
                          self->reference_number, self->reference_year);
}

const char *
rpt_letter_get_date (RptLetter *self)
{
  g_return_val_if_fail (RPT_IS_LETTER (self), NULL);
  return self->date;
}

void
rpt_letter_set_date (RptLetter *self, const char *iso_date)
{
  g_return_if_fail (RPT_IS_LETTER (self));

  if (_rpt_set_date (&self->date, iso_date))
    NOTIFY (self, PROP_DATE);
}

const char *
rpt_letter_get_language (RptLetter *self)
{
  g_return_val_if_fail (RPT_IS_LETTER (self), NULL);
  return self->language;
}

/**
 * rpt_letter_set_language:
 * @language: "en", "fr" or "es"
 */
void
rpt_letter_set_language (RptLetter *self, const char *language)
{
  g_return_if_fail (RPT_IS_LETTER (self));
  g_return_if_fail (rpt_language_is_supported (language));

  if (g_strcmp0 (self->language, language) != 0)
    {
      g_free (self->language);
      self->language = g_strdup (language);
      NOTIFY (self, PROP_LANGUAGE);
    }
}

/**
 * rpt_letter_get_summary:
 *
 * Returns: the subject summary as inline markup, never %NULL: the words
 *   after "information we have received concerning the"
 */
const char *
rpt_letter_get_summary (RptLetter *self)
{
  g_return_val_if_fail (RPT_IS_LETTER (self), NULL);
  return self->summary != NULL ? self->summary : "";
}

void
rpt_letter_set_summary (RptLetter *self, const char *markup)
{
  g_return_if_fail (RPT_IS_LETTER (self));

  if (_rpt_set_markup (&self->summary, markup))
    NOTIFY (self, PROP_SUMMARY);
}

/**
 * rpt_letter_get_communications_about:
 *
 * Returns: what the previous communications were about, as inline markup,
 *   never %NULL: the words after "regarding"
 */
const char *
rpt_letter_get_communications_about (RptLetter *self)
{
  g_return_val_if_fail (RPT_IS_LETTER (self), NULL);
  return self->communications_about != NULL ? self->communications_about : "";
}

void
rpt_letter_set_communications_about (RptLetter *self, const char *markup)
{
  g_return_if_fail (RPT_IS_LETTER (self));

  if (_rpt_set_markup (&self->communications_about, markup))
    NOTIFY (self, PROP_COMMUNICATIONS_ABOUT);
}

gboolean
rpt_letter_get_press_release (RptLetter *self)
{
  g_return_val_if_fail (RPT_IS_LETTER (self), FALSE);
  return self->press_release;
}

void
rpt_letter_set_press_release (RptLetter *self, gboolean press_release)
{
  g_return_if_fail (RPT_IS_LETTER (self));

  press_release = !!press_release;
  if (self->press_release != press_release)
    {
      self->press_release = press_release;
      NOTIFY (self, PROP_PRESS_RELEASE);
    }
}

RptWgad
rpt_letter_get_wgad (RptLetter *self)
{
  g_return_val_if_fail (RPT_IS_LETTER (self), RPT_WGAD_AUTO);
  return self->wgad;
}

void
rpt_letter_set_wgad (RptLetter *self, RptWgad wgad)
{
  g_return_if_fail (RPT_IS_LETTER (self));
  g_return_if_fail (wgad <= RPT_WGAD_NO);

  if (self->wgad != wgad)
    {
      self->wgad = wgad;
      NOTIFY (self, PROP_WGAD);
    }
}

gboolean
rpt_letter_get_interim_measures (RptLetter *self)
{
  g_return_val_if_fail (RPT_IS_LETTER (self), FALSE);
  return self->interim_measures;
}

void
rpt_letter_set_interim_measures (RptLetter *self, gboolean interim_measures)
{
  g_return_if_fail (RPT_IS_LETTER (self));

  interim_measures = !!interim_measures;
  if (self->interim_measures != interim_measures)
    {
      self->interim_measures = interim_measures;
      NOTIFY (self, PROP_INTERIM_MEASURES);
    }
}

RptSummaryArticle
rpt_letter_get_summary_article (RptLetter *self)
{
  g_return_val_if_fail (RPT_IS_LETTER (self), RPT_SUMMARY_ARTICLE_USUAL);
  return self->summary_article;
}

/**
 * rpt_letter_set_summary_article:
 *
 * What stands between "information we have received concerning" and the
 * bold summary: the language's usual article, nothing, or the drafter's
 * words (rpt_letter_set_summary_article_text()).
 */
void
rpt_letter_set_summary_article (RptLetter *self, RptSummaryArticle article)
{
  g_return_if_fail (RPT_IS_LETTER (self));
  g_return_if_fail (article <= RPT_SUMMARY_ARTICLE_OWN);

  if (self->summary_article != article)
    {
      self->summary_article = article;
      NOTIFY (self, PROP_SUMMARY_ARTICLE);
    }
}

/**
 * rpt_letter_get_summary_article_text:
 *
 * Returns: (nullable): the words before the bold summary when the article
 *   is %RPT_SUMMARY_ARTICLE_OWN ("a series of")
 */
const char *
rpt_letter_get_summary_article_text (RptLetter *self)
{
  g_return_val_if_fail (RPT_IS_LETTER (self), NULL);
  return self->summary_article_text;
}

void
rpt_letter_set_summary_article_text (RptLetter *self, const char *text)
{
  g_return_if_fail (RPT_IS_LETTER (self));

  if (_rpt_set_line (&self->summary_article_text, text))
    NOTIFY (self, PROP_SUMMARY_ARTICLE_TEXT);
}

RptFactsLead
rpt_letter_get_facts_lead (RptLetter *self)
{
  g_return_val_if_fail (RPT_IS_LETTER (self), RPT_FACTS_LEAD_INFORMATION_RECEIVED);
  return self->facts_lead;
}

/**
 * rpt_letter_set_facts_lead:
 *
 * How the facts open: "According to the information received:", or, in a
 * follow-up letter, "According to the new information received:".
 */
void
rpt_letter_set_facts_lead (RptLetter *self, RptFactsLead lead)
{
  g_return_if_fail (RPT_IS_LETTER (self));
  g_return_if_fail (lead <= RPT_FACTS_LEAD_NEW_INFORMATION);

  if (self->facts_lead != lead)
    {
      self->facts_lead = lead;
      NOTIFY (self, PROP_FACTS_LEAD);
    }
}

RptCommunicationsPlace
rpt_letter_get_communications_place (RptLetter *self)
{
  g_return_val_if_fail (RPT_IS_LETTER (self), RPT_COMMUNICATIONS_PLACE_AFTER_PROFILE);
  return self->communications_place;
}

/**
 * rpt_letter_set_communications_place:
 *
 * Where the paragraph on earlier communications stands.
 */
void
rpt_letter_set_communications_place (RptLetter *self, RptCommunicationsPlace place)
{
  g_return_if_fail (RPT_IS_LETTER (self));
  g_return_if_fail (place <= RPT_COMMUNICATIONS_PLACE_AFTER_CONCERNS);

  if (self->communications_place != place)
    {
      self->communications_place = place;
      NOTIFY (self, PROP_COMMUNICATIONS_PLACE);
    }
}

/**
 * rpt_letter_get_co_senders:
 *
 * Returns: the bodies outside the Special Procedures that join the letter
 *   (the Inter-American Commission on Human Rights), as inline markup,
 *   never %NULL: they are named after the resolutions of the opening
 *   sentence, not among the mandates
 */
const char *
rpt_letter_get_co_senders (RptLetter *self)
{
  g_return_val_if_fail (RPT_IS_LETTER (self), NULL);
  return self->co_senders != NULL ? self->co_senders : "";
}

void
rpt_letter_set_co_senders (RptLetter *self, const char *markup)
{
  g_return_if_fail (RPT_IS_LETTER (self));

  if (_rpt_set_markup (&self->co_senders, markup))
    NOTIFY (self, PROP_CO_SENDERS);
}

/**
 * rpt_letter_get_house_style:
 *
 * Returns: (nullable): the id of the house style edition the letter
 *   follows (data/styles/editions.xml), or %NULL for the newest
 */
const char *
rpt_letter_get_house_style (RptLetter *self)
{
  g_return_val_if_fail (RPT_IS_LETTER (self), NULL);
  return self->house_style;
}

void
rpt_letter_set_house_style (RptLetter *self, const char *edition)
{
  g_return_if_fail (RPT_IS_LETTER (self));

  if (_rpt_set_key (&self->house_style, edition))
    NOTIFY (self, PROP_HOUSE_STYLE);
}

/**
 * rpt_letter_get_part:
 *
 * Change the part through rpt_letter_insert_item() and friends, never
 * through the model: the letter keeps ids unique.
 *
 * Returns: (transfer none): the items of @part in letter order
 */
GListModel *
rpt_letter_get_part (RptLetter *self, RptPart part)
{
  g_return_val_if_fail (RPT_IS_LETTER (self), NULL);
  g_return_val_if_fail (part < RPT_N_PARTS, NULL);

  return G_LIST_MODEL (self->parts[part]);
}

guint
rpt_letter_get_n_items (RptLetter *self, RptPart part)
{
  g_return_val_if_fail (RPT_IS_LETTER (self), 0);
  g_return_val_if_fail (part < RPT_N_PARTS, 0);

  return g_list_model_get_n_items (G_LIST_MODEL (self->parts[part]));
}

/**
 * rpt_letter_get_item:
 *
 * Returns: (transfer none) (nullable): the item at @position of @part
 */
gpointer
rpt_letter_get_item (RptLetter *self, RptPart part, guint position)
{
  g_return_val_if_fail (RPT_IS_LETTER (self), NULL);
  g_return_val_if_fail (part < RPT_N_PARTS, NULL);

  if (position >= self->connected[part]->len)
    return NULL;
  return g_ptr_array_index (self->connected[part], position);
}

/**
 * rpt_letter_item_get_id:
 * @item: a mandate, signatory, person, communication or paragraph
 *
 * Returns: the stable id of @item
 */
const char *
rpt_letter_item_get_id (gpointer item)
{
  if (RPT_IS_PARAGRAPH (item))
    return rpt_paragraph_get_id (item);
  if (RPT_IS_MANDATE (item))
    return rpt_mandate_get_id (item);
  if (RPT_IS_SIGNATORY (item))
    return rpt_signatory_get_id (item);
  if (RPT_IS_PERSON (item))
    return rpt_person_get_id (item);
  if (RPT_IS_COMMUNICATION (item))
    return rpt_communication_get_id (item);
  g_return_val_if_reached (NULL);
}

/**
 * rpt_letter_insert_item:
 * @part: the part to insert into
 * @position: where; past the end appends
 * @item: (transfer none): an item of the type @part holds
 *
 * Returns: %FALSE if an item with the same id is already in the letter
 */
gboolean
rpt_letter_insert_item (RptLetter *self, RptPart part, guint position, gpointer item)
{
  const char *id;

  g_return_val_if_fail (RPT_IS_LETTER (self), FALSE);
  g_return_val_if_fail (part < RPT_N_PARTS, FALSE);
  g_return_val_if_fail (G_TYPE_CHECK_INSTANCE_TYPE (item, rpt_part_get_item_type (part)), FALSE);

  id = rpt_letter_item_get_id (item);
  if (g_hash_table_contains (self->items_by_id, id))
    {
      g_critical ("An item with id %s is already in the letter", id);
      return FALSE;
    }

  position = MIN (position, rpt_letter_get_n_items (self, part));
  /* The hash table keys point into the items, which the part keeps alive. */
  g_hash_table_insert (self->items_by_id, (gpointer) id, item);
  g_list_store_insert (self->parts[part], position, item);
  return TRUE;
}

gboolean
rpt_letter_append_item (RptLetter *self, RptPart part, gpointer item)
{
  return rpt_letter_insert_item (self, part, G_MAXUINT, item);
}

void
rpt_letter_remove_item (RptLetter *self, RptPart part, guint position)
{
  gpointer item;

  g_return_if_fail (RPT_IS_LETTER (self));
  g_return_if_fail (part < RPT_N_PARTS);
  g_return_if_fail (position < rpt_letter_get_n_items (self, part));

  item = g_ptr_array_index (self->connected[part], position);
  g_hash_table_remove (self->items_by_id, rpt_letter_item_get_id (item));
  g_list_store_remove (self->parts[part], position);
}

/**
 * rpt_letter_move_item:
 * @from: the position of the item to move
 * @to: its position once moved
 *
 * Moves one item within a part. Emits #RptLetter::changed once.
 */
void
rpt_letter_move_item (RptLetter *self, RptPart part, guint from, guint to)
{
  g_autoptr (GObject) item = NULL;
  guint n;

  g_return_if_fail (RPT_IS_LETTER (self));
  g_return_if_fail (part < RPT_N_PARTS);
  n = rpt_letter_get_n_items (self, part);
  g_return_if_fail (from < n && to < n);

  if (from == to)
    return;

  item = g_object_ref (g_ptr_array_index (self->connected[part], from));
  self->freeze++;
  g_list_store_remove (self->parts[part], from);
  g_list_store_insert (self->parts[part], to, item);
  thaw (self);
}

/**
 * rpt_letter_find_item:
 * @id: an item id
 * @part: (out) (optional): the part holding it
 * @position: (out) (optional): its position there
 *
 * Returns: (transfer none) (nullable): the item with @id
 */
gpointer
rpt_letter_find_item (RptLetter *self, const char *id, RptPart *part, guint *position)
{
  gpointer item;

  g_return_val_if_fail (RPT_IS_LETTER (self), NULL);

  if (id == NULL || (item = g_hash_table_lookup (self->items_by_id, id)) == NULL)
    return NULL;

  for (RptPart p = 0; p < RPT_N_PARTS; p++)
    {
      guint pos;
      if (g_ptr_array_find (self->connected[p], item, &pos))
        {
          if (part != NULL)
            *part = p;
          if (position != NULL)
            *position = pos;
          return item;
        }
    }
  g_assert_not_reached ();
}

/**
 * rpt_letter_has_person_deprived_of_liberty:
 *
 * Returns: whether a person concerned is deprived of liberty
 */
gboolean
rpt_letter_has_person_deprived_of_liberty (RptLetter *self)
{
  g_return_val_if_fail (RPT_IS_LETTER (self), FALSE);

  for (guint i = 0; i < self->connected[RPT_PART_PERSONS]->len; i++)
    if (rpt_person_get_deprived_of_liberty (
          g_ptr_array_index (self->connected[RPT_PART_PERSONS], i)))
      return TRUE;
  return FALSE;
}

/**
 * rpt_letter_get_revision:
 *
 * Returns: a number that grows with every change to the letter
 */
guint64
rpt_letter_get_revision (RptLetter *self)
{
  g_return_val_if_fail (RPT_IS_LETTER (self), 0);
  return self->revision;
}
