/* rpt-types.c
 *
 * Copyright 2026 The Rapporteur authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "rpt-types"

#include "rpt-types.h"

#include <string.h>
#include "rpt-error.h"

#include "rpt-communication.h"
#include "rpt-mandate.h"
#include "rpt-paragraph.h"
#include "rpt-person.h"
#include "rpt-signatory.h"

GQuark
rpt_error_quark (void)
{
  return g_quark_from_static_string ("rpt-error-quark");
}

G_DEFINE_ENUM_TYPE (RptLetterKind,
                    rpt_letter_kind,
                    G_DEFINE_ENUM_VALUE (RPT_LETTER_KIND_AL, "al"),
                    G_DEFINE_ENUM_VALUE (RPT_LETTER_KIND_UA, "ua"),
                    G_DEFINE_ENUM_VALUE (RPT_LETTER_KIND_OL, "ol"))

G_DEFINE_ENUM_TYPE (RptGender,
                    rpt_gender,
                    G_DEFINE_ENUM_VALUE (RPT_GENDER_UNKNOWN, "unknown"),
                    G_DEFINE_ENUM_VALUE (RPT_GENDER_FEMALE, "female"),
                    G_DEFINE_ENUM_VALUE (RPT_GENDER_MALE, "male"),
                    G_DEFINE_ENUM_VALUE (RPT_GENDER_OTHER, "other"))

G_DEFINE_ENUM_TYPE (RptTitleForm,
                    rpt_title_form,
                    G_DEFINE_ENUM_VALUE (RPT_TITLE_FORM_UNSPECIFIED, "unspecified"),
                    G_DEFINE_ENUM_VALUE (RPT_TITLE_FORM_MASCULINE, "masculine"),
                    G_DEFINE_ENUM_VALUE (RPT_TITLE_FORM_FEMININE, "feminine"))

G_DEFINE_ENUM_TYPE (RptWgad,
                    rpt_wgad,
                    G_DEFINE_ENUM_VALUE (RPT_WGAD_AUTO, "auto"),
                    G_DEFINE_ENUM_VALUE (RPT_WGAD_YES, "yes"),
                    G_DEFINE_ENUM_VALUE (RPT_WGAD_NO, "no"))

G_DEFINE_ENUM_TYPE (RptSummaryArticle,
                    rpt_summary_article,
                    G_DEFINE_ENUM_VALUE (RPT_SUMMARY_ARTICLE_USUAL, "usual"),
                    G_DEFINE_ENUM_VALUE (RPT_SUMMARY_ARTICLE_NONE, "none"),
                    G_DEFINE_ENUM_VALUE (RPT_SUMMARY_ARTICLE_OWN, "own"))

G_DEFINE_ENUM_TYPE (RptFactsLead,
                    rpt_facts_lead,
                    G_DEFINE_ENUM_VALUE (RPT_FACTS_LEAD_INFORMATION_RECEIVED,
                                         "information-received"),
                    G_DEFINE_ENUM_VALUE (RPT_FACTS_LEAD_NEW_INFORMATION, "new-information"))

G_DEFINE_ENUM_TYPE (RptCommunicationsPlace,
                    rpt_communications_place,
                    G_DEFINE_ENUM_VALUE (RPT_COMMUNICATIONS_PLACE_AFTER_SUBJECT, "after-subject"),
                    G_DEFINE_ENUM_VALUE (RPT_COMMUNICATIONS_PLACE_AFTER_PROFILE, "after-profile"),
                    G_DEFINE_ENUM_VALUE (RPT_COMMUNICATIONS_PLACE_AFTER_FACTS, "after-facts"),
                    G_DEFINE_ENUM_VALUE (RPT_COMMUNICATIONS_PLACE_AFTER_CONCERNS, "after-concerns"))

G_DEFINE_ENUM_TYPE (RptCommunicationSender,
                    rpt_communication_sender,
                    G_DEFINE_ENUM_VALUE (RPT_COMMUNICATION_SENDER_US, "us"),
                    G_DEFINE_ENUM_VALUE (RPT_COMMUNICATION_SENDER_OTHERS, "others"))

G_DEFINE_ENUM_TYPE (RptReply,
                    rpt_reply,
                    G_DEFINE_ENUM_VALUE (RPT_REPLY_AUTO, "auto"),
                    G_DEFINE_ENUM_VALUE (RPT_REPLY_NOT_RECEIVED, "not-received"),
                    G_DEFINE_ENUM_VALUE (RPT_REPLY_RECEIVED, "received"),
                    G_DEFINE_ENUM_VALUE (RPT_REPLY_PARTIAL, "partial"),
                    G_DEFINE_ENUM_VALUE (RPT_REPLY_UNMENTIONED, "unmentioned"))

G_DEFINE_ENUM_TYPE (RptParagraphStyle,
                    rpt_paragraph_style,
                    G_DEFINE_ENUM_VALUE (RPT_PARAGRAPH_STYLE_PARAGRAPH, "paragraph"),
                    G_DEFINE_ENUM_VALUE (RPT_PARAGRAPH_STYLE_BULLET, "bullet"))

G_DEFINE_ENUM_TYPE (RptPart,
                    rpt_part,
                    G_DEFINE_ENUM_VALUE (RPT_PART_MANDATES, "mandates"),
                    G_DEFINE_ENUM_VALUE (RPT_PART_SIGNATORIES, "signatories"),
                    G_DEFINE_ENUM_VALUE (RPT_PART_PERSONS, "persons"),
                    G_DEFINE_ENUM_VALUE (RPT_PART_PROFILE, "profile"),
                    G_DEFINE_ENUM_VALUE (RPT_PART_COMMUNICATIONS, "communications"),
                    G_DEFINE_ENUM_VALUE (RPT_PART_FACTS, "facts"),
                    G_DEFINE_ENUM_VALUE (RPT_PART_CONCERNS, "concerns"),
                    G_DEFINE_ENUM_VALUE (RPT_PART_QUESTIONS, "questions"),
                    G_DEFINE_ENUM_VALUE (RPT_PART_ANNEX, "annex"),
                    G_DEFINE_ENUM_VALUE (RPT_N_PARTS, "n-parts"))

static const char *const kind_codes[] = { "AL", "UA", "OL" };

const char *
rpt_letter_kind_to_code (RptLetterKind kind)
{
  g_return_val_if_fail (kind <= RPT_LETTER_KIND_OL, NULL);
  return kind_codes[kind];
}

gboolean
rpt_letter_kind_from_code (const char *code, RptLetterKind *kind)
{
  for (guint i = 0; code != NULL && i < G_N_ELEMENTS (kind_codes); i++)
    if (g_ascii_strcasecmp (code, kind_codes[i]) == 0)
      {
        *kind = (RptLetterKind) i;
        return TRUE;
      }
  return FALSE;
}

static const char *
enum_nick (GType type, int value)
{
  g_autoptr (GEnumClass) klass = g_type_class_ref (type);
  GEnumValue *v = g_enum_get_value (klass, value);
  return v != NULL ? v->value_nick : NULL;
}

static gboolean
enum_from_nick (GType type, const char *nick, int *value)
{
  g_autoptr (GEnumClass) klass = NULL;
  GEnumValue *v;

  if (nick == NULL)
    return FALSE;
  klass = g_type_class_ref (type);
  v = g_enum_get_value_by_nick (klass, nick);
  if (v == NULL)
    return FALSE;
  *value = v->value;
  return TRUE;
}

/**
 * rpt_enum_to_string:
 * @type: an enumeration of the model (%RPT_TYPE_REPLY, …)
 *
 * Returns: (nullable): the value as letter XML and the document file
 *   write it ("not-received")
 */
const char *
rpt_enum_to_string (GType type, int value)
{
  return enum_nick (type, value);
}

/**
 * rpt_enum_from_string:
 * @type: an enumeration of the model
 * @str: (nullable): as rpt_enum_to_string() writes it
 * @value: (out): the value
 *
 * Returns: whether @str names a value of @type
 */
gboolean
rpt_enum_from_string (GType type, const char *str, int *value)
{
  return enum_from_nick (type, str, value);
}

const char *
rpt_gender_to_string (RptGender gender)
{
  return enum_nick (RPT_TYPE_GENDER, gender);
}

gboolean
rpt_gender_from_string (const char *str, RptGender *gender)
{
  int v;
  if (!enum_from_nick (RPT_TYPE_GENDER, str, &v))
    return FALSE;
  *gender = v;
  return TRUE;
}

const char *
rpt_title_form_to_string (RptTitleForm form)
{
  return enum_nick (RPT_TYPE_TITLE_FORM, form);
}

gboolean
rpt_title_form_from_string (const char *str, RptTitleForm *form)
{
  int v;
  if (!enum_from_nick (RPT_TYPE_TITLE_FORM, str, &v))
    return FALSE;
  *form = v;
  return TRUE;
}

const char *
rpt_wgad_to_string (RptWgad wgad)
{
  return enum_nick (RPT_TYPE_WGAD, wgad);
}

gboolean
rpt_wgad_from_string (const char *str, RptWgad *wgad)
{
  int v;
  if (!enum_from_nick (RPT_TYPE_WGAD, str, &v))
    return FALSE;
  *wgad = v;
  return TRUE;
}

const char *
rpt_part_to_string (RptPart part)
{
  g_return_val_if_fail (part < RPT_N_PARTS, NULL);
  return enum_nick (RPT_TYPE_PART, part);
}

gboolean
rpt_part_from_string (const char *str, RptPart *part)
{
  int v;
  if (!enum_from_nick (RPT_TYPE_PART, str, &v) || v >= RPT_N_PARTS)
    return FALSE;
  *part = v;
  return TRUE;
}

/**
 * rpt_part_get_item_type:
 *
 * Returns: the GType of the items the part holds.
 */
GType
rpt_part_get_item_type (RptPart part)
{
  switch (part)
    {
    case RPT_PART_MANDATES:
      return RPT_TYPE_MANDATE;
    case RPT_PART_SIGNATORIES:
      return RPT_TYPE_SIGNATORY;
    case RPT_PART_PERSONS:
      return RPT_TYPE_PERSON;
    case RPT_PART_COMMUNICATIONS:
      return RPT_TYPE_COMMUNICATION;
    case RPT_PART_PROFILE:
    case RPT_PART_FACTS:
    case RPT_PART_CONCERNS:
    case RPT_PART_QUESTIONS:
    case RPT_PART_ANNEX:
      return RPT_TYPE_PARAGRAPH;
    case RPT_N_PARTS:
    default:
      g_return_val_if_reached (G_TYPE_INVALID);
    }
}

/**
 * rpt_date_is_valid:
 * @iso_date: a date as YYYY-MM-DD
 *
 * Returns: whether @iso_date is a real calendar date in that exact form.
 */
gboolean
rpt_date_is_valid (const char *iso_date)
{
  guint y, m, d;

  if (iso_date == NULL || strlen (iso_date) != 10)
    return FALSE;
  for (guint i = 0; i < 10; i++)
    {
      gboolean want_dash = (i == 4 || i == 7);
      if (want_dash ? iso_date[i] != '-' : !g_ascii_isdigit (iso_date[i]))
        return FALSE;
    }
  y = (guint) g_ascii_strtoull (iso_date, NULL, 10);
  m = (guint) g_ascii_strtoull (iso_date + 5, NULL, 10);
  d = (guint) g_ascii_strtoull (iso_date + 8, NULL, 10);
  return y >= 1 && g_date_valid_dmy (d, m, y);
}

/**
 * rpt_date_dup_today:
 *
 * The date a letter without one is taken to bear, for what depends on a
 * date (the resolution and the title in force): today, or the day of
 * `SOURCE_DATE_EPOCH` when it is set, so that an undated draft exports the
 * same way on every machine that sets it (reproducible builds, tests).
 *
 * Returns: (transfer full): today as YYYY-MM-DD
 */
char *
rpt_date_dup_today (void)
{
  const char *epoch = g_getenv ("SOURCE_DATE_EPOCH");
  g_autoptr (GDateTime) now = NULL;
  guint64 seconds;

  if (epoch != NULL && g_ascii_string_to_unsigned (epoch, 10, 0, G_MAXINT64, &seconds, NULL))
    now = g_date_time_new_from_unix_utc ((gint64) seconds);
  if (now == NULL)
    now = g_date_time_new_now_local ();
  return g_date_time_format (now, "%Y-%m-%d");
}

gboolean
rpt_language_is_supported (const char *language)
{
  return g_strcmp0 (language, "en") == 0 || g_strcmp0 (language, "fr") == 0 ||
         g_strcmp0 (language, "es") == 0;
}

/**
 * rpt_country_code_is_valid:
 *
 * Returns: whether @code has the form of an ISO 3166-1 alpha-3 code (or is
 *   "OTH", the code all non-State addressees share).
 */
gboolean
rpt_country_code_is_valid (const char *code)
{
  if (code == NULL || strlen (code) != 3)
    return FALSE;
  for (guint i = 0; i < 3; i++)
    if (!g_ascii_isupper (code[i]))
      return FALSE;
  return TRUE;
}
