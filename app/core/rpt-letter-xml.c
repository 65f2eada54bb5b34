/* rpt-letter-xml.c
 *
 * Copyright 2026 The Rapporteur authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "rpt-letter-xml"

#include <glib/gi18n-lib.h>
#include <libxml/parser.h>
#include <libxml/relaxng.h>
#include <libxml/tree.h>
#include <string.h>

#include "rpt-communication.h"
#include "rpt-core.h"
#include "rpt-data-private.h"
#include "rpt-error.h"
#include "rpt-item-private.h"
#include "rpt-letter-xml.h"
#include "rpt-mandate.h"
#include "rpt-markup.h"
#include "rpt-paragraph-private.h"
#include "rpt-person.h"
#include "rpt-signatory.h"

/*
 * The canonical letter XML. The writer is hand-made rather than libxml2's
 * serializer so that the output is fixed byte for byte (the round trip is
 * byte-identical) and paragraph markup, already canonical, is copied
 * without a second pass. The reader is libxml2 with everything that could
 * reach outside the file switched off; see rpt_letter_new_from_xml().
 */

static const char *const part_container[RPT_N_PARTS] = {
  "mandates", "signatories", "persons",   "profile", "previous-communications",
  "facts",    "concerns",    "questions", "annex",
};

static const char *const part_element[RPT_N_PARTS] = {
  "mandate", "signatory", "person",   "paragraph", "communication",
  "fact",    "concern",   "question", "clause",
};

/* ------------------------------------------------------------------ */
/* Writer                                                              */

static void
indent (GString *out, guint level)
{
  for (guint i = 0; i < level; i++)
    g_string_append (out, "  ");
}

static void
write_attr (GString *out, const char *name, const char *value)
{
  if (value == NULL)
    return;
  g_string_append_printf (out, " %s=\"", name);
  rpt_markup_append_escaped (out, value, -1, TRUE);
  g_string_append_c (out, '"');
}

static void
write_text_element (GString *out, guint level, const char *name, const char *text)
{
  indent (out, level);
  g_string_append_printf (out, "<%s>", name);
  if (text != NULL)
    rpt_markup_append_escaped (out, text, -1, FALSE);
  g_string_append_printf (out, "</%s>\n", name);
}

static void
open_tag (GString *out, guint level, const char *name, const char *id, gboolean standalone)
{
  indent (out, level);
  g_string_append_printf (out, "<%s", name);
  if (standalone)
    write_attr (out, "xmlns", RPT_LETTER_XML_NS);
  write_attr (out, "id", id);
}

static void
write_mandate (GString *out, guint level, RptMandate *m, gboolean standalone)
{
  const char *const *res = rpt_mandate_get_resolutions (m);

  open_tag (out, level, "mandate", rpt_mandate_get_id (m), standalone);
  write_attr (out, "key", rpt_mandate_get_key (m));
  if (rpt_mandate_get_title (m) == NULL && res == NULL)
    {
      g_string_append (out, "/>\n");
      return;
    }
  g_string_append (out, ">\n");
  if (rpt_mandate_get_title (m) != NULL)
    write_text_element (out, level + 1, "title", rpt_mandate_get_title (m));
  for (guint i = 0; res != NULL && res[i] != NULL; i++)
    write_text_element (out, level + 1, "resolution", res[i]);
  indent (out, level);
  g_string_append (out, "</mandate>\n");
}

static void
write_signatory (GString *out, guint level, RptSignatory *s, gboolean standalone)
{
  open_tag (out, level, "signatory", rpt_signatory_get_id (s), standalone);
  write_attr (out, "mandate", rpt_signatory_get_mandate (s));
  if (rpt_signatory_get_title_form (s) != RPT_TITLE_FORM_UNSPECIFIED)
    write_attr (out, "title-form", rpt_title_form_to_string (rpt_signatory_get_title_form (s)));
  g_string_append (out, ">\n");
  write_text_element (out, level + 1, "name", rpt_signatory_get_name (s));
  if (rpt_signatory_get_title (s) != NULL)
    write_text_element (out, level + 1, "title", rpt_signatory_get_title (s));
  indent (out, level);
  g_string_append (out, "</signatory>\n");
}

static void
write_person (GString *out, guint level, RptPerson *p, gboolean standalone)
{
  open_tag (out, level, "person", rpt_person_get_id (p), standalone);
  write_attr (out, "honorific", rpt_person_get_honorific (p));
  if (rpt_person_get_gender (p) != RPT_GENDER_UNKNOWN)
    write_attr (out, "gender", rpt_gender_to_string (rpt_person_get_gender (p)));
  if (rpt_person_get_age (p) >= 0)
    g_string_append_printf (out, " age=\"%d\"", rpt_person_get_age (p));
  if (rpt_person_get_defender (p))
    write_attr (out, "defender", "true");
  if (rpt_person_get_deprived_of_liberty (p))
    write_attr (out, "deprived-of-liberty", "true");
  if (rpt_person_get_name (p) == NULL && rpt_person_get_occupation (p) == NULL)
    {
      g_string_append (out, "/>\n");
      return;
    }
  g_string_append (out, ">\n");
  if (rpt_person_get_name (p) != NULL)
    write_text_element (out, level + 1, "name", rpt_person_get_name (p));
  if (rpt_person_get_occupation (p) != NULL)
    write_text_element (out, level + 1, "occupation", rpt_person_get_occupation (p));
  indent (out, level);
  g_string_append (out, "</person>\n");
}

/* Paragraph text: canonical markup already, copied as it is. */
static void
write_markup_element (GString *out, guint level, const char *name, const char *markup)
{
  indent (out, level);
  g_string_append_printf (out, "<%s>%s</%s>\n", name, markup, name);
}

static void
write_communication (GString *out, guint level, RptCommunication *c, gboolean standalone)
{
  open_tag (out, level, "communication", rpt_communication_get_id (c), standalone);
  write_attr (out, "date", rpt_communication_get_date (c));
  write_attr (out, "reply-date", rpt_communication_get_reply_date (c));
  if (rpt_communication_get_sender (c) != RPT_COMMUNICATION_SENDER_US)
    write_attr (
      out, "sender",
      rpt_enum_to_string (RPT_TYPE_COMMUNICATION_SENDER, rpt_communication_get_sender (c)));
  if (rpt_communication_get_reply (c) != RPT_REPLY_AUTO)
    write_attr (out, "reply", rpt_enum_to_string (RPT_TYPE_REPLY, rpt_communication_get_reply (c)));
  g_string_append (out, ">\n");
  write_text_element (out, level + 1, "reference", rpt_communication_get_reference (c));
  if (rpt_communication_get_senders (c) != NULL)
    write_text_element (out, level + 1, "senders", rpt_communication_get_senders (c));
  if (rpt_communication_get_reply_comment (c)[0] != '\0')
    write_markup_element (out, level + 1, "reply-comment", rpt_communication_get_reply_comment (c));
  if (rpt_communication_get_sentence (c)[0] != '\0')
    write_markup_element (out, level + 1, "sentence", rpt_communication_get_sentence (c));
  indent (out, level);
  g_string_append (out, "</communication>\n");
}

static void
write_paragraph (GString *out, guint level, RptPart part, RptParagraph *p, gboolean standalone)
{
  const char *const *persons = rpt_paragraph_get_persons (p);
  const char *name = part_element[part];

  open_tag (out, level, name, rpt_paragraph_get_id (p), standalone);
  if (part == RPT_PART_FACTS)
    {
      write_attr (out, "date", rpt_paragraph_get_date (p));
      write_attr (out, "place", rpt_paragraph_get_place (p));
    }
  if ((part == RPT_PART_FACTS || part == RPT_PART_PROFILE) && persons != NULL)
    {
      g_autofree char *joined = g_strjoinv (" ", (char **) persons);
      write_attr (out, "persons", joined);
    }
  if (part == RPT_PART_ANNEX)
    {
      write_attr (out, "ref", rpt_paragraph_get_reference (p));
      if (rpt_paragraph_get_style (p) == RPT_PARAGRAPH_STYLE_BULLET)
        write_attr (out, "style", "bullet");
    }
  /* The text is canonical inline markup already: copied as it is, with
   * no whitespace added around it. */
  g_string_append_printf (out, ">%s</%s>\n", rpt_paragraph_get_text (p), name);
}

/**
 * rpt_letter_xml_append_item:
 * @part: the part @item belongs to
 * @standalone: declare the namespace on the element, making it a document
 *   of its own
 *
 * Appends the canonical XML element of one item.
 */
void
rpt_letter_xml_append_item (GString *out, RptPart part, gpointer item, gboolean standalone)
{
  guint level = standalone ? 0 : 2;

  g_return_if_fail (part < RPT_N_PARTS);
  g_return_if_fail (G_TYPE_CHECK_INSTANCE_TYPE (item, rpt_part_get_item_type (part)));

  switch (part)
    {
    case RPT_PART_MANDATES:
      write_mandate (out, level, item, standalone);
      break;
    case RPT_PART_SIGNATORIES:
      write_signatory (out, level, item, standalone);
      break;
    case RPT_PART_PERSONS:
      write_person (out, level, item, standalone);
      break;
    case RPT_PART_COMMUNICATIONS:
      write_communication (out, level, item, standalone);
      break;
    case RPT_PART_PROFILE:
    case RPT_PART_FACTS:
    case RPT_PART_CONCERNS:
    case RPT_PART_QUESTIONS:
    case RPT_PART_ANNEX:
      write_paragraph (out, level, part, item, standalone);
      break;
    case RPT_N_PARTS:
    default:
      g_assert_not_reached ();
    }
}

/* @attrs: the container's own attributes, written as they are, or NULL */
static void
write_part (GString *out, RptLetter *letter, RptPart part, const char *attrs, const char *extra)
{
  guint n = rpt_letter_get_n_items (letter, part);

  if (attrs == NULL)
    attrs = "";
  if (n == 0 && extra == NULL)
    {
      g_string_append_printf (out, "  <%s%s/>\n", part_container[part], attrs);
      return;
    }
  g_string_append_printf (out, "  <%s%s>\n", part_container[part], attrs);
  for (guint i = 0; i < n; i++)
    rpt_letter_xml_append_item (out, part, rpt_letter_get_item (letter, part, i), FALSE);
  if (extra != NULL)
    g_string_append (out, extra);
  g_string_append_printf (out, "  </%s>\n", part_container[part]);
}

/**
 * rpt_letter_to_xml:
 * @length: (out) (optional): the length in bytes
 *
 * Returns: (transfer full): the letter as canonical letter XML (UTF-8)
 */
char *
rpt_letter_to_xml (RptLetter *letter, gsize *length)
{
  GString *out;
  const char *country;
  guint number, year;
  g_autofree char *about = NULL;
  g_autofree char *place = NULL;
  g_autofree char *lead = NULL;

  g_return_val_if_fail (RPT_IS_LETTER (letter), NULL);

  out = g_string_sized_new (32 * 1024);
  g_string_append (out, "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n");
  g_string_append (out, "<letter");
  write_attr (out, "xmlns", RPT_LETTER_XML_NS);
  g_string_append_printf (out, " version=\"%d\"", RPT_LETTER_XML_VERSION);
  write_attr (out, "id", rpt_letter_get_id (letter));
  g_string_append (out, ">\n");

  write_text_element (out, 1, "kind", rpt_letter_kind_to_code (rpt_letter_get_kind (letter)));

  country = rpt_letter_get_country (letter);
  g_string_append (out, "  <addressee");
  write_attr (out, "country", country);
  if (g_strcmp0 (country, "OTH") == 0)
    {
      g_string_append (out, ">\n");
      write_text_element (out, 2, "name", rpt_letter_get_addressee_name (letter));
      if (rpt_letter_get_salutation (letter) != NULL)
        write_text_element (out, 2, "salutation", rpt_letter_get_salutation (letter));
      g_string_append (out, "  </addressee>\n");
    }
  else
    g_string_append (out, "/>\n");

  number = rpt_letter_get_reference_number (letter);
  year = rpt_letter_get_reference_year (letter);
  if (number > 0 || year > 0)
    {
      g_string_append (out, "  <reference");
      if (number > 0)
        g_string_append_printf (out, " number=\"%u\"", number);
      if (year > 0)
        g_string_append_printf (out, " year=\"%u\"", year);
      g_string_append (out, "/>\n");
    }

  if (rpt_letter_get_date (letter) != NULL)
    write_text_element (out, 1, "date", rpt_letter_get_date (letter));
  write_text_element (out, 1, "language", rpt_letter_get_language (letter));
  if (rpt_letter_get_house_style (letter) != NULL)
    write_text_element (out, 1, "house-style", rpt_letter_get_house_style (letter));

  write_part (out, letter, RPT_PART_MANDATES, NULL, NULL);
  write_part (out, letter, RPT_PART_SIGNATORIES, NULL, NULL);
  if (rpt_letter_get_co_senders (letter)[0] != '\0')
    write_markup_element (out, 1, "co-senders", rpt_letter_get_co_senders (letter));
  if (rpt_letter_get_summary (letter)[0] != '\0' ||
      rpt_letter_get_summary_article (letter) != RPT_SUMMARY_ARTICLE_USUAL ||
      rpt_letter_get_summary_article_text (letter) != NULL)
    {
      g_string_append (out, "  <summary");
      if (rpt_letter_get_summary_article (letter) != RPT_SUMMARY_ARTICLE_USUAL)
        write_attr (
          out, "article",
          rpt_enum_to_string (RPT_TYPE_SUMMARY_ARTICLE, rpt_letter_get_summary_article (letter)));
      write_attr (out, "article-text", rpt_letter_get_summary_article_text (letter));
      g_string_append_printf (out, ">%s</summary>\n", rpt_letter_get_summary (letter));
    }
  write_part (out, letter, RPT_PART_PERSONS, NULL, NULL);
  write_part (out, letter, RPT_PART_PROFILE, NULL, NULL);
  if (rpt_letter_get_communications_about (letter)[0] != '\0')
    about =
      g_strdup_printf ("    <about>%s</about>\n", rpt_letter_get_communications_about (letter));
  if (rpt_letter_get_communications_place (letter) != RPT_COMMUNICATIONS_PLACE_AFTER_PROFILE)
    place = g_strdup_printf (" place=\"%s\"",
                             rpt_enum_to_string (RPT_TYPE_COMMUNICATIONS_PLACE,
                                                 rpt_letter_get_communications_place (letter)));
  write_part (out, letter, RPT_PART_COMMUNICATIONS, place, about);
  if (rpt_letter_get_facts_lead (letter) != RPT_FACTS_LEAD_INFORMATION_RECEIVED)
    lead = g_strdup_printf (
      " lead=\"%s\"", rpt_enum_to_string (RPT_TYPE_FACTS_LEAD, rpt_letter_get_facts_lead (letter)));
  write_part (out, letter, RPT_PART_FACTS, lead, NULL);
  write_part (out, letter, RPT_PART_CONCERNS, NULL, NULL);
  write_part (out, letter, RPT_PART_QUESTIONS, NULL, NULL);
  write_part (out, letter, RPT_PART_ANNEX, NULL, NULL);

  g_string_append_printf (out,
                          "  <closing press-release=\"%s\" wgad=\"%s\" interim-measures=\"%s\"/>\n",
                          rpt_letter_get_press_release (letter) ? "true" : "false",
                          rpt_wgad_to_string (rpt_letter_get_wgad (letter)),
                          rpt_letter_get_interim_measures (letter) ? "true" : "false");
  g_string_append (out, "</letter>\n");

  if (length != NULL)
    *length = out->len;
  return g_string_free (out, FALSE);
}

/* ------------------------------------------------------------------ */
/* Reader                                                              */

typedef struct
{
  const char *filename;
  GError *error;
} ReadCtx;

static void G_GNUC_PRINTF (4, 5)
  set_node_error (ReadCtx *ctx, xmlNode *node, int code, const char *format, ...)
{
  g_autofree char *msg = NULL;
  va_list args;

  if (ctx->error != NULL)
    return;
  va_start (args, format);
  msg = g_strdup_vprintf (format, args);
  va_end (args);
  if (node != NULL)
    g_set_error (&ctx->error, RPT_ERROR, code, "%s:%ld: %s", ctx->filename, xmlGetLineNo (node),
                 msg);
  else
    g_set_error (&ctx->error, RPT_ERROR, code, "%s: %s", ctx->filename, msg);
}

static gboolean
is_element (xmlNode *node, const char *name)
{
  return node != NULL && node->type == XML_ELEMENT_NODE && node->ns != NULL &&
         xmlStrEqual (node->ns->href, BAD_CAST RPT_LETTER_XML_NS) &&
         (name == NULL || xmlStrEqual (node->name, BAD_CAST name));
}

/* The element children of @node, skipping text, comments and PIs. */
static xmlNode *
first_element (xmlNode *node)
{
  for (xmlNode *c = node->children; c != NULL; c = c->next)
    if (c->type == XML_ELEMENT_NODE)
      return c;
  return NULL;
}

static xmlNode *
next_element (xmlNode *node)
{
  for (xmlNode *c = node->next; c != NULL; c = c->next)
    if (c->type == XML_ELEMENT_NODE)
      return c;
  return NULL;
}

static char *
dup_attr (xmlNode *node, const char *name)
{
  xmlChar *v = xmlGetNoNsProp (node, BAD_CAST name);
  char *ret;

  if (v == NULL)
    return NULL;
  ret = g_strdup ((const char *) v);
  xmlFree (v);
  return ret;
}

static char *
dup_text (xmlNode *node)
{
  xmlChar *v = xmlNodeGetContent (node);
  char *ret = g_strdup (v != NULL ? (const char *) v : "");

  xmlFree (v);
  return ret;
}

/* Checks an attribute the schema gives a fixed form, for fragments that
 * do not pass through the schema (the document file's rows). */
static gboolean
check_id (ReadCtx *ctx, xmlNode *node, const char *id)
{
  if (!_rpt_item_id_is_valid (id))
    {
      set_node_error (ctx, node, RPT_ERROR_SCHEMA, _ ("“%s” is not a valid id"),
                      id != NULL ? id : "");
      return FALSE;
    }
  return TRUE;
}

/* What the schema calls a line (names, titles, places): the reader checks
 * it, as it checks ids and dates, rather than the schema's pattern, which
 * libxml2 compiles again for every value it checks. */
static gboolean
check_line (ReadCtx *ctx, xmlNode *node, const char *text)
{
  if (text != NULL && strpbrk (text, "\n\r") != NULL)
    {
      /* Escaped: an error message is one line. */
      g_autofree char *shown = g_strescape (text, "\"“”'’");
      set_node_error (ctx, node, RPT_ERROR_SCHEMA, _ ("“%s” must be on one line"), shown);
      return FALSE;
    }
  return TRUE;
}

/* [A-Z0-9]+(-[A-Z0-9]+)*: an instrument's code, "ICCPR", "ICESCR-OP". */
static gboolean
instrument_is_valid (const char *code)
{
  gboolean after_dash = TRUE;

  if (code == NULL || code[0] == '\0')
    return FALSE;
  for (const char *p = code; *p != '\0'; p++)
    {
      if (*p == '-')
        {
          if (after_dash)
            return FALSE;
          after_dash = TRUE;
        }
      else if (g_ascii_isupper (*p) || g_ascii_isdigit (*p))
        after_dash = FALSE;
      else
        return FALSE;
    }
  return !after_dash;
}

static gboolean
read_date_attr (ReadCtx *ctx, xmlNode *node, const char *name, char **out)
{
  *out = dup_attr (node, name);
  if (*out != NULL && !rpt_date_is_valid (*out))
    {
      set_node_error (ctx, node, RPT_ERROR_SCHEMA, _ ("“%s” is not a date (YYYY-MM-DD)"), *out);
      return FALSE;
    }
  return TRUE;
}

static gboolean
read_bool_attr (ReadCtx *ctx, xmlNode *node, const char *name, gboolean *out)
{
  g_autofree char *v = dup_attr (node, name);

  if (v == NULL)
    return TRUE;
  if (g_str_equal (v, "true") || g_str_equal (v, "1"))
    *out = TRUE;
  else if (g_str_equal (v, "false") || g_str_equal (v, "0"))
    *out = FALSE;
  else
    {
      set_node_error (ctx, node, RPT_ERROR_SCHEMA, _ ("“%s” is not true or false"), v);
      return FALSE;
    }
  return TRUE;
}

/* An attribute whose values are the nicks of @type ("not-received"); an
 * absent one leaves @out as it is. */
static gboolean
read_enum_attr (ReadCtx *ctx, xmlNode *node, const char *name, GType type, int *out)
{
  g_autofree char *v = dup_attr (node, name);

  if (v == NULL)
    return TRUE;
  if (!rpt_enum_from_string (type, v, out))
    {
      set_node_error (ctx, node, RPT_ERROR_SCHEMA, _ ("“%s” is not a value of %s"), v, name);
      return FALSE;
    }
  return TRUE;
}

static void
append_inline (ReadCtx *ctx, GString *out, xmlNode *parent, gboolean in_note)
{
  for (xmlNode *c = parent->children; c != NULL && ctx->error == NULL; c = c->next)
    {
      switch (c->type)
        {
        case XML_TEXT_NODE:
        case XML_CDATA_SECTION_NODE:
          rpt_markup_append_escaped (out, (const char *) c->content, -1, FALSE);
          break;
        case XML_COMMENT_NODE:
        case XML_PI_NODE:
          break;
        case XML_ELEMENT_NODE:
          if (is_element (c, "b") || is_element (c, "i") || (is_element (c, "note") && !in_note))
            {
              g_string_append_printf (out, "<%s>", (const char *) c->name);
              append_inline (ctx, out, c, in_note || is_element (c, "note"));
              g_string_append_printf (out, "</%s>", (const char *) c->name);
            }
          else if (is_element (c, "a"))
            {
              g_autofree char *href = dup_attr (c, "href");
              if (href == NULL || href[0] == '\0')
                {
                  set_node_error (ctx, c, RPT_ERROR_SCHEMA, _ ("A link needs a target (href)"));
                  return;
                }
              g_string_append (out, "<a href=\"");
              rpt_markup_append_escaped (out, href, -1, TRUE);
              g_string_append (out, "\">");
              append_inline (ctx, out, c, in_note);
              g_string_append (out, "</a>");
            }
          else if (is_element (c, "treaty-status"))
            {
              g_autofree char *instrument = dup_attr (c, "instrument");
              if (instrument == NULL)
                {
                  set_node_error (ctx, c, RPT_ERROR_SCHEMA,
                                  _ ("<treaty-status> needs an instrument"));
                  return;
                }
              if (!instrument_is_valid (instrument))
                {
                  set_node_error (ctx, c, RPT_ERROR_SCHEMA,
                                  _ ("“%s” is not the code of an instrument"), instrument);
                  return;
                }
              g_string_append (out, "<treaty-status instrument=\"");
              rpt_markup_append_escaped (out, instrument, -1, TRUE);
              g_string_append (out, "\"/>");
            }
          else
            {
              set_node_error (ctx, c, RPT_ERROR_SCHEMA,
                              _ ("Paragraph text cannot hold the element <%s>"),
                              (const char *) c->name);
              return;
            }
          break;
        case XML_ATTRIBUTE_NODE:
        case XML_ENTITY_REF_NODE:
        case XML_ENTITY_NODE:
        case XML_DOCUMENT_NODE:
        case XML_DOCUMENT_TYPE_NODE:
        case XML_DOCUMENT_FRAG_NODE:
        case XML_NOTATION_NODE:
        case XML_HTML_DOCUMENT_NODE:
        case XML_DTD_NODE:
        case XML_ELEMENT_DECL:
        case XML_ATTRIBUTE_DECL:
        case XML_ENTITY_DECL:
        case XML_NAMESPACE_DECL:
        case XML_XINCLUDE_START:
        case XML_XINCLUDE_END:
        default:
          set_node_error (ctx, c, RPT_ERROR_UNSAFE,
                          _ ("Paragraph text holds an entity or declaration"));
          return;
        }
    }
}

/* Inline content → canonical inline markup. */
static char *
read_inline (ReadCtx *ctx, xmlNode *node)
{
  g_autoptr (GString) raw = g_string_new (NULL);
  g_autoptr (GError) error = NULL;
  char *markup;

  append_inline (ctx, raw, node, FALSE);
  if (ctx->error != NULL)
    return NULL;
  markup = rpt_markup_normalize (raw->str, NULL, &error);
  if (markup == NULL)
    set_node_error (ctx, node, RPT_ERROR_SCHEMA, "%s", error->message);
  return markup;
}

static gpointer
read_mandate (ReadCtx *ctx, xmlNode *node, const char *id)
{
  g_autoptr (RptMandate) m = rpt_mandate_new_with_id (id);
  g_autoptr (GStrvBuilder) res = g_strv_builder_new ();
  g_auto (GStrv) resv = NULL;
  g_autofree char *key = dup_attr (node, "key");

  if (key != NULL && !_rpt_key_is_valid (key))
    {
      set_node_error (ctx, node, RPT_ERROR_SCHEMA, _ ("“%s” is not a valid key"), key);
      return NULL;
    }
  rpt_mandate_set_key (m, key);
  for (xmlNode *c = first_element (node); c != NULL; c = next_element (c))
    {
      g_autofree char *text = dup_text (c);
      if (is_element (c, "title") && !check_line (ctx, c, text))
        return NULL;
      if (is_element (c, "title"))
        rpt_mandate_set_title (m, text);
      else if (is_element (c, "resolution") && _rpt_resolution_is_valid (text))
        g_strv_builder_add (res, text);
      else if (is_element (c, "resolution"))
        {
          set_node_error (ctx, c, RPT_ERROR_SCHEMA,
                          _ ("“%s” is not the number of a resolution (session/number, as 52/4)"),
                          text);
          return NULL;
        }
      else
        {
          set_node_error (ctx, c, RPT_ERROR_SCHEMA, _ ("Unexpected element <%s> in a mandate"),
                          (const char *) c->name);
          return NULL;
        }
    }
  resv = g_strv_builder_end (res);
  rpt_mandate_set_resolutions (m, (const char *const *) resv);
  return g_steal_pointer (&m);
}

static gpointer
read_signatory (ReadCtx *ctx, xmlNode *node, const char *id)
{
  g_autoptr (RptSignatory) s = rpt_signatory_new_with_id (id);
  g_autofree char *mandate = dup_attr (node, "mandate");
  g_autofree char *form = dup_attr (node, "title-form");
  RptTitleForm title_form = RPT_TITLE_FORM_UNSPECIFIED;

  if (mandate != NULL && !check_id (ctx, node, mandate))
    return NULL;
  if (form != NULL &&
      (!rpt_title_form_from_string (form, &title_form) || title_form == RPT_TITLE_FORM_UNSPECIFIED))
    {
      set_node_error (ctx, node, RPT_ERROR_SCHEMA,
                      _ ("“%s” is not a form of title (masculine or feminine)"), form);
      return NULL;
    }
  rpt_signatory_set_mandate (s, mandate);
  rpt_signatory_set_title_form (s, title_form);
  for (xmlNode *c = first_element (node); c != NULL; c = next_element (c))
    {
      g_autofree char *text = dup_text (c);
      if (!check_line (ctx, c, text))
        return NULL;
      if (is_element (c, "name"))
        rpt_signatory_set_name (s, text);
      else if (is_element (c, "title"))
        rpt_signatory_set_title (s, text);
      else
        {
          set_node_error (ctx, c, RPT_ERROR_SCHEMA, _ ("Unexpected element <%s> in a signatory"),
                          (const char *) c->name);
          return NULL;
        }
    }
  return g_steal_pointer (&s);
}

static gpointer
read_person (ReadCtx *ctx, xmlNode *node, const char *id)
{
  g_autoptr (RptPerson) p = rpt_person_new_with_id (id);
  g_autofree char *honorific = dup_attr (node, "honorific");
  g_autofree char *gender = dup_attr (node, "gender");
  g_autofree char *age = dup_attr (node, "age");
  gboolean defender = FALSE, deprived = FALSE;
  RptGender g = RPT_GENDER_UNKNOWN;

  if (gender != NULL && (!rpt_gender_from_string (gender, &g) || g == RPT_GENDER_UNKNOWN))
    {
      set_node_error (ctx, node, RPT_ERROR_SCHEMA, _ ("“%s” is not a gender"), gender);
      return NULL;
    }
  if (age != NULL)
    {
      guint64 v;
      if (!g_ascii_string_to_unsigned (age, 10, 0, 150, &v, NULL))
        {
          set_node_error (ctx, node, RPT_ERROR_SCHEMA, _ ("“%s” is not an age"), age);
          return NULL;
        }
      rpt_person_set_age (p, (int) v);
    }
  if (!read_bool_attr (ctx, node, "defender", &defender) ||
      !read_bool_attr (ctx, node, "deprived-of-liberty", &deprived) ||
      !check_line (ctx, node, honorific))
    return NULL;

  rpt_person_set_honorific (p, honorific);
  rpt_person_set_gender (p, g);
  rpt_person_set_defender (p, defender);
  rpt_person_set_deprived_of_liberty (p, deprived);
  for (xmlNode *c = first_element (node); c != NULL; c = next_element (c))
    {
      g_autofree char *text = dup_text (c);
      if (!check_line (ctx, c, text))
        return NULL;
      if (is_element (c, "name"))
        rpt_person_set_name (p, text);
      else if (is_element (c, "occupation"))
        rpt_person_set_occupation (p, text);
      else
        {
          set_node_error (ctx, c, RPT_ERROR_SCHEMA, _ ("Unexpected element <%s> in a person"),
                          (const char *) c->name);
          return NULL;
        }
    }
  return g_steal_pointer (&p);
}

static gpointer
read_communication (ReadCtx *ctx, xmlNode *node, const char *id)
{
  g_autoptr (RptCommunication) c = rpt_communication_new_with_id (id);
  g_autofree char *date = NULL;
  g_autofree char *reply = NULL;
  int sender = RPT_COMMUNICATION_SENDER_US;
  int status = RPT_REPLY_AUTO;

  if (!read_date_attr (ctx, node, "date", &date) ||
      !read_date_attr (ctx, node, "reply-date", &reply))
    return NULL;
  rpt_communication_set_date (c, date);
  rpt_communication_set_reply_date (c, reply);
  if (!read_enum_attr (ctx, node, "sender", RPT_TYPE_COMMUNICATION_SENDER, &sender) ||
      !read_enum_attr (ctx, node, "reply", RPT_TYPE_REPLY, &status))
    return NULL;
  rpt_communication_set_sender (c, sender);
  rpt_communication_set_reply (c, status);
  for (xmlNode *e = first_element (node); e != NULL; e = next_element (e))
    {
      g_autofree char *text = NULL;

      if (is_element (e, "reply-comment") || is_element (e, "sentence"))
        {
          g_autofree char *markup = read_inline (ctx, e);
          if (markup == NULL)
            return NULL;
          if (is_element (e, "sentence"))
            rpt_communication_set_sentence (c, markup);
          else
            rpt_communication_set_reply_comment (c, markup);
          continue;
        }
      text = dup_text (e);
      if (!check_line (ctx, e, text))
        return NULL;
      if (is_element (e, "reference"))
        rpt_communication_set_reference (c, text);
      else if (is_element (e, "senders"))
        rpt_communication_set_senders (c, text);
      else
        {
          set_node_error (ctx, e, RPT_ERROR_SCHEMA,
                          _ ("Unexpected element <%s> in a communication"), (const char *) e->name);
          return NULL;
        }
    }
  return g_steal_pointer (&c);
}

static gpointer
read_paragraph (ReadCtx *ctx, xmlNode *node, RptPart part, const char *id)
{
  g_autoptr (RptParagraph) p = rpt_paragraph_new_with_id (id, NULL);
  g_autofree char *markup = read_inline (ctx, node);
  g_autofree char *date = NULL;
  g_autofree char *place = dup_attr (node, "place");
  g_autofree char *persons = dup_attr (node, "persons");
  g_autofree char *ref = dup_attr (node, "ref");
  g_autofree char *style = dup_attr (node, "style");

  if (markup == NULL || !read_date_attr (ctx, node, "date", &date) ||
      !check_line (ctx, node, place))
    return NULL;
  if (persons != NULL)
    {
      g_auto (GStrv) ids = g_strsplit_set (persons, " \t\n", -1);
      g_autoptr (GStrvBuilder) b = g_strv_builder_new ();
      g_auto (GStrv) v = NULL;
      for (guint i = 0; ids[i] != NULL; i++)
        {
          if (ids[i][0] == '\0')
            continue;
          if (!check_id (ctx, node, ids[i]))
            return NULL;
          g_strv_builder_add (b, ids[i]);
        }
      v = g_strv_builder_end (b);
      rpt_paragraph_set_persons (p, (const char *const *) v);
    }
  if (ref != NULL && !_rpt_key_is_valid (ref))
    {
      set_node_error (ctx, node, RPT_ERROR_SCHEMA, _ ("“%s” is not a valid key"), ref);
      return NULL;
    }
  if (style != NULL && !g_str_equal (style, "paragraph") && !g_str_equal (style, "bullet"))
    {
      set_node_error (ctx, node, RPT_ERROR_SCHEMA, _ ("“%s” is not a paragraph style"), style);
      return NULL;
    }
  /* read_inline() normalized it */
  _rpt_paragraph_take_normal_text (p, g_steal_pointer (&markup));
  rpt_paragraph_set_date (p, date);
  rpt_paragraph_set_place (p, place);
  rpt_paragraph_set_reference (p, ref);
  rpt_paragraph_set_style (p, g_strcmp0 (style, "bullet") == 0 ? RPT_PARAGRAPH_STYLE_BULLET
                                                               : RPT_PARAGRAPH_STYLE_PARAGRAPH);
  return g_steal_pointer (&p);
}

static gpointer
read_item (ReadCtx *ctx, xmlNode *node, RptPart part)
{
  g_autofree char *id = dup_attr (node, "id");

  if (!is_element (node, part_element[part]))
    {
      set_node_error (ctx, node, RPT_ERROR_SCHEMA, _ ("Expected <%s>, found <%s>"),
                      part_element[part], (const char *) node->name);
      return NULL;
    }
  if (!check_id (ctx, node, id))
    return NULL;

  switch (part)
    {
    case RPT_PART_MANDATES:
      return read_mandate (ctx, node, id);
    case RPT_PART_SIGNATORIES:
      return read_signatory (ctx, node, id);
    case RPT_PART_PERSONS:
      return read_person (ctx, node, id);
    case RPT_PART_COMMUNICATIONS:
      return read_communication (ctx, node, id);
    case RPT_PART_PROFILE:
    case RPT_PART_FACTS:
    case RPT_PART_CONCERNS:
    case RPT_PART_QUESTIONS:
    case RPT_PART_ANNEX:
      return read_paragraph (ctx, node, part, id);
    case RPT_N_PARTS:
    default:
      g_assert_not_reached ();
    }
}

static gboolean
read_part (ReadCtx *ctx, RptLetter *letter, xmlNode *container, RptPart part)
{
  for (xmlNode *c = first_element (container); c != NULL; c = next_element (c))
    {
      g_autoptr (GObject) item = NULL;

      if (part == RPT_PART_COMMUNICATIONS && is_element (c, "about"))
        {
          g_autofree char *about = read_inline (ctx, c);
          if (about == NULL)
            return FALSE;
          rpt_letter_set_communications_about (letter, about);
          continue;
        }
      item = read_item (ctx, c, part);
      if (item == NULL)
        return FALSE;
      if (rpt_letter_find_item (letter, rpt_letter_item_get_id (item), NULL, NULL) != NULL)
        {
          set_node_error (ctx, c, RPT_ERROR_SCHEMA, _ ("The id %s is used twice"),
                          rpt_letter_item_get_id (item));
          return FALSE;
        }
      rpt_letter_append_item (letter, part, item);
    }
  return TRUE;
}

static RptLetter *
letter_from_tree (ReadCtx *ctx, xmlNode *root)
{
  g_autofree char *id = dup_attr (root, "id");
  g_autoptr (RptLetter) letter = NULL;

  if (!check_id (ctx, root, id))
    return NULL;
  letter = rpt_letter_new_with_id (id);

  for (xmlNode *c = first_element (root); c != NULL && ctx->error == NULL; c = next_element (c))
    {
      RptPart part;
      gboolean is_part = FALSE;

      for (part = 0; part < RPT_N_PARTS; part++)
        if (is_element (c, part_container[part]))
          {
            is_part = TRUE;
            break;
          }

      if (is_part)
        {
          int value;

          if (part == RPT_PART_FACTS)
            {
              value = RPT_FACTS_LEAD_INFORMATION_RECEIVED;
              if (read_enum_attr (ctx, c, "lead", RPT_TYPE_FACTS_LEAD, &value))
                rpt_letter_set_facts_lead (letter, value);
            }
          else if (part == RPT_PART_COMMUNICATIONS)
            {
              value = RPT_COMMUNICATIONS_PLACE_AFTER_PROFILE;
              if (read_enum_attr (ctx, c, "place", RPT_TYPE_COMMUNICATIONS_PLACE, &value))
                rpt_letter_set_communications_place (letter, value);
            }
          if (ctx->error == NULL)
            read_part (ctx, letter, c, part);
        }
      else if (is_element (c, "kind"))
        {
          g_autofree char *text = dup_text (c);
          RptLetterKind kind;
          if (!rpt_letter_kind_from_code (text, &kind))
            set_node_error (ctx, c, RPT_ERROR_SCHEMA, _ ("“%s” is not a kind of letter"), text);
          else
            rpt_letter_set_kind (letter, kind);
        }
      else if (is_element (c, "addressee"))
        {
          g_autofree char *country = dup_attr (c, "country");
          if (country != NULL && !rpt_country_code_is_valid (country))
            {
              set_node_error (ctx, c, RPT_ERROR_SCHEMA, _ ("“%s” is not a country code"), country);
              break;
            }
          rpt_letter_set_country (letter, country);
          for (xmlNode *a = first_element (c); a != NULL; a = next_element (a))
            {
              g_autofree char *text = dup_text (a);
              if (!check_line (ctx, a, text))
                break;
              if (is_element (a, "name"))
                rpt_letter_set_addressee_name (letter, text);
              else if (is_element (a, "salutation"))
                rpt_letter_set_salutation (letter, text);
            }
        }
      else if (is_element (c, "reference"))
        {
          g_autofree char *number = dup_attr (c, "number");
          g_autofree char *year = dup_attr (c, "year");
          guint64 n = 0, y = 0;
          if ((number != NULL && !g_ascii_string_to_unsigned (number, 10, 1, G_MAXINT, &n, NULL)) ||
              (year != NULL && !g_ascii_string_to_unsigned (year, 10, 1946, 9999, &y, NULL)))
            set_node_error (ctx, c, RPT_ERROR_SCHEMA,
                            _ ("The reference number or year is not valid"));
          rpt_letter_set_reference_number (letter, (guint) n);
          rpt_letter_set_reference_year (letter, (guint) y);
        }
      else if (is_element (c, "date"))
        {
          g_autofree char *text = dup_text (c);
          if (!rpt_date_is_valid (text))
            set_node_error (ctx, c, RPT_ERROR_SCHEMA, _ ("“%s” is not a date (YYYY-MM-DD)"), text);
          else
            rpt_letter_set_date (letter, text);
        }
      else if (is_element (c, "language"))
        {
          g_autofree char *text = dup_text (c);
          if (!rpt_language_is_supported (text))
            set_node_error (ctx, c, RPT_ERROR_SCHEMA, _ ("Letters cannot be written in “%s”"),
                            text);
          else
            rpt_letter_set_language (letter, text);
        }
      else if (is_element (c, "summary"))
        {
          g_autofree char *markup = read_inline (ctx, c);
          g_autofree char *text = dup_attr (c, "article-text");
          int article = RPT_SUMMARY_ARTICLE_USUAL;

          if (markup == NULL || !check_line (ctx, c, text) ||
              !read_enum_attr (ctx, c, "article", RPT_TYPE_SUMMARY_ARTICLE, &article))
            break;
          rpt_letter_set_summary (letter, markup);
          rpt_letter_set_summary_article (letter, article);
          rpt_letter_set_summary_article_text (letter, text);
        }
      else if (is_element (c, "co-senders"))
        {
          g_autofree char *markup = read_inline (ctx, c);
          if (markup != NULL)
            rpt_letter_set_co_senders (letter, markup);
        }
      else if (is_element (c, "house-style"))
        {
          g_autofree char *text = dup_text (c);
          if (!_rpt_key_is_valid (text))
            set_node_error (ctx, c, RPT_ERROR_SCHEMA,
                            _ ("“%s” is not the id of a house style edition"), text);
          else
            rpt_letter_set_house_style (letter, text);
        }
      else if (is_element (c, "closing"))
        {
          gboolean press = FALSE, interim = TRUE;
          g_autofree char *wgad = dup_attr (c, "wgad");
          RptWgad w = RPT_WGAD_AUTO;
          if (!read_bool_attr (ctx, c, "press-release", &press) ||
              !read_bool_attr (ctx, c, "interim-measures", &interim))
            break;
          if (wgad != NULL && !rpt_wgad_from_string (wgad, &w))
            {
              set_node_error (ctx, c, RPT_ERROR_SCHEMA, _ ("“%s” is not auto, yes or no"), wgad);
              break;
            }
          rpt_letter_set_press_release (letter, press);
          rpt_letter_set_interim_measures (letter, interim);
          rpt_letter_set_wgad (letter, w);
        }
      else
        set_node_error (ctx, c, RPT_ERROR_SCHEMA, _ ("Unexpected element <%s>"),
                        (const char *) c->name);
    }

  if (ctx->error != NULL)
    return NULL;
  return g_steal_pointer (&letter);
}

/* --- safety checks before libxml2 sees the bytes -------------------- */

static guint
line_of_offset (const char *data, gsize offset)
{
  guint line = 1;
  for (gsize i = 0; i < offset; i++)
    if (data[i] == '\n')
      line++;
  return line;
}

static void
set_too_large_error (GError **error, const char *filename)
{
  g_set_error (error, RPT_ERROR, RPT_ERROR_UNSAFE,
               _ ("%s: the file is larger than %d MB; a letter never is"), filename,
               RPT_LETTER_XML_MAX_SIZE / (1024 * 1024));
}

static gboolean
check_bytes (const char *data, gsize length, const char *filename, GError **error)
{
  const char *end = NULL;
  const char *p;

  if (length > RPT_LETTER_XML_MAX_SIZE)
    {
      set_too_large_error (error, filename);
      return FALSE;
    }
  if (length == 0)
    {
      g_set_error (error, RPT_ERROR, RPT_ERROR_PARSE, _ ("%s: the file is empty"), filename);
      return FALSE;
    }
  if (!g_utf8_validate_len (data, length, &end))
    {
      g_set_error (error, RPT_ERROR, RPT_ERROR_ENCODING,
                   _ ("%s:%u: the text is not UTF-8; save the letter as UTF-8 and try again"),
                   filename, line_of_offset (data, end - data));
      return FALSE;
    }

  /* Only UTF-8 is accepted, so an XML declaration naming another encoding
   * is a file that was converted without updating it. */
  if (length > 5 && memcmp (data, "<?xml", 5) == 0)
    {
      const char *decl_end = memchr (data, '>', MIN (length, 200));
      const char *enc = decl_end != NULL ? g_strstr_len (data, decl_end - data, "encoding") : NULL;
      if (enc != NULL)
        {
          const char *q = enc + strlen ("encoding");
          while (q < decl_end && (*q == ' ' || *q == '=' || *q == '"' || *q == '\''))
            q++;
          if (g_ascii_strncasecmp (q, "UTF-8", 5) != 0 || (q[5] != '"' && q[5] != '\''))
            {
              g_set_error (error, RPT_ERROR, RPT_ERROR_ENCODING,
                           _ ("%s:1: the file declares an encoding other than UTF-8"), filename);
              return FALSE;
            }
        }
    }

  /* No document type declaration: it is what entity expansion ("billion
   * laughs"), external entities and DTD loading all need. A letter has no
   * use for one, so it is refused before parsing rather than defused. */
  for (p = data; (p = memchr (p, '<', data + length - p)) != NULL; p++)
    {
      gsize left = data + length - p;
      if ((left >= 9 && memcmp (p, "<!DOCTYPE", 9) == 0) ||
          (left >= 8 && memcmp (p, "<!ENTITY", 8) == 0))
        {
          g_set_error (error, RPT_ERROR, RPT_ERROR_UNSAFE,
                       _ ("%s:%u: document type declarations and entities are not allowed in a "
                          "letter"),
                       filename, line_of_offset (data, p - data));
          return FALSE;
        }
    }
  return TRUE;
}

typedef struct
{
  char *message;
  int line;
} FirstError;

static void
collect_first_error (void *data, xmlError *error)
{
  FirstError *first = data;

  if (first->message != NULL || error == NULL || error->level < XML_ERR_ERROR)
    return;
  first->message = g_strstrip (g_strdup (error->message != NULL ? error->message : "invalid"));
  first->line = error->line;
  if (first->line == 0 && error->node != NULL)
    first->line = (int) xmlGetLineNo (error->node);
}

/* libxml2 hands parser errors to sax->serror with the context as data. */
static void
parser_error_cb (void *data, xmlError *error)
{
  xmlParserCtxt *pctx = data;

  collect_first_error (pctx->_private, error);
}

static xmlDoc *
parse_xml (const char *data, gsize length, const char *filename, GError **error)
{
  xmlParserCtxt *pctx;
  xmlDoc *doc;
  FirstError first = { 0 };

  rpt_core_init ();
  pctx = xmlNewParserCtxt ();
  if (pctx == NULL)
    {
      g_set_error (error, RPT_ERROR, RPT_ERROR_IO, _ ("Out of memory"));
      return NULL;
    }
  /* The first error is the one to report: what follows it is often only
   * a consequence ("premature end of data"). */
  pctx->_private = &first;
  pctx->sax->serror = parser_error_cb;
  /* No NOENT (entities stay unexpanded), no DTDLOAD/DTDATTR/DTDVALID, no
   * XINCLUDE, NONET; HUGE is off so libxml2's own limits on depth and text
   * size apply. */
  doc = xmlCtxtReadMemory (pctx, data, (int) length, filename, "UTF-8",
                           XML_PARSE_NONET | XML_PARSE_NOERROR | XML_PARSE_NOWARNING |
                             XML_PARSE_NOCDATA | XML_PARSE_BIG_LINES);
  if (doc == NULL || !pctx->wellFormed)
    {
      const xmlError *e = xmlCtxtGetLastError (pctx);

      if (first.message == NULL)
        {
          first.message = g_strstrip (
            g_strdup (e != NULL && e->message != NULL ? e->message : "not well-formed"));
          first.line = e != NULL ? e->line : 0;
        }
      g_set_error (error, RPT_ERROR, RPT_ERROR_PARSE, _ ("%s:%d: not well-formed XML: %s"),
                   filename, first.line, first.message);
      g_free (first.message);
      if (doc != NULL)
        xmlFreeDoc (doc);
      xmlFreeParserCtxt (pctx);
      return NULL;
    }
  g_free (first.message);
  xmlFreeParserCtxt (pctx);
  return doc;
}

/* --- RELAX NG ------------------------------------------------------- */

static void
strip_patterns (xmlNode *node)
{
  xmlNode *next;

  for (xmlNode *c = node->children; c != NULL; c = next)
    {
      next = c->next;
      if (c->type != XML_ELEMENT_NODE)
        continue;
      if (xmlStrEqual (c->name, BAD_CAST "param"))
        {
          g_autofree char *name = (char *) xmlGetProp (c, BAD_CAST "name");
          if (g_strcmp0 (name, "pattern") == 0)
            {
              xmlUnlinkNode (c);
              xmlFreeNode (c);
              continue;
            }
        }
      strip_patterns (c);
    }
}

static xmlRelaxNG *
get_schema (void)
{
  static gsize once = 0;
  static xmlRelaxNG *schema = NULL;

  rpt_core_init ();
  if (g_once_init_enter (&once))
    {
      g_autoptr (GBytes) bytes = g_resources_lookup_data (RPT_RESOURCE_PATH "schemas/letter.rng",
                                                          G_RESOURCE_LOOKUP_FLAGS_NONE, NULL);
      xmlRelaxNGParserCtxt *pctx;

      xmlDoc *rng;

      g_assert (bytes != NULL);
      rng = xmlReadMemory (g_bytes_get_data (bytes, NULL), (int) g_bytes_get_size (bytes),
                           "letter.rng", NULL, XML_PARSE_NONET);
      g_assert (rng != NULL);
      /* libxml2 compiles a pattern facet's regular expression again for
       * every value it checks, which made reading a long letter mostly
       * regular expression compilation. The reader checks every value the
       * patterns constrain (ids, dates, keys, codes, lines) itself, so
       * the patterns stay in the published schema but not in this copy. */
      strip_patterns (xmlDocGetRootElement (rng));
      pctx = xmlRelaxNGNewDocParserCtxt (rng);
      schema = xmlRelaxNGParse (pctx);
      xmlRelaxNGFreeParserCtxt (pctx);
      xmlFreeDoc (rng);
      g_assert (schema != NULL);
      g_once_init_leave (&once, 1);
    }
  return schema;
}

static gboolean
validate (xmlDoc *doc, const char *filename, GError **error)
{
  xmlRelaxNGValidCtxt *vctx = xmlRelaxNGNewValidCtxt (get_schema ());
  FirstError first = { 0 };
  int ret;

  xmlRelaxNGSetValidStructuredErrors (vctx, collect_first_error, &first);
  ret = xmlRelaxNGValidateDoc (vctx, doc);
  xmlRelaxNGFreeValidCtxt (vctx);
  if (ret != 0)
    {
      g_set_error (error, RPT_ERROR, RPT_ERROR_SCHEMA, _ ("%s:%d: not a valid letter: %s"),
                   filename, first.line, first.message != NULL ? first.message : "invalid");
      g_free (first.message);
      return FALSE;
    }
  g_free (first.message);
  return TRUE;
}

/**
 * rpt_letter_new_from_xml:
 * @data: the bytes of a letter XML file
 * @length: their length, or -1 if nul-terminated
 * @filename: (nullable): the name to put in error messages
 *
 * Reads a letter. The input must be UTF-8 and at most
 * %RPT_LETTER_XML_MAX_SIZE bytes; a document type declaration or entity
 * declaration is refused outright, nothing is fetched from the network
 * or the disk, and the letter must be valid against letter.rng. Errors
 * name the file and the line.
 *
 * Returns: (transfer full): the letter, or %NULL with @error set
 */
RptLetter *
rpt_letter_new_from_xml (const char *data, gssize length, const char *filename, GError **error)
{
  xmlDoc *doc;
  xmlNode *root;
  ReadCtx ctx = { 0 };
  RptLetter *letter = NULL;
  g_autofree char *version = NULL;

  g_return_val_if_fail (data != NULL, NULL);

  if (filename == NULL)
    filename = "<letter>";
  if (length < 0)
    length = strlen (data);
  if (!check_bytes (data, length, filename, error))
    return NULL;
  doc = parse_xml (data, length, filename, error);
  if (doc == NULL)
    return NULL;

  root = xmlDocGetRootElement (doc);
  ctx.filename = filename;
  if (!is_element (root, "letter"))
    {
      set_node_error (&ctx, root, RPT_ERROR_PARSE,
                      _ ("this is not a Rapporteur letter (the root element is <%s>)"),
                      root != NULL ? (const char *) root->name : "");
      goto out;
    }

  version = dup_attr (root, "version");
  if (version != NULL)
    {
      guint64 v = 0;
      if (g_ascii_string_to_unsigned (version, 10, 1, G_MAXINT, &v, NULL) &&
          v > RPT_LETTER_XML_VERSION)
        {
          set_node_error (&ctx, root, RPT_ERROR_NEWER_VERSION,
                          _ ("the letter is in format version %s, made by a newer Rapporteur; "
                             "this one reads version %d"),
                          version, RPT_LETTER_XML_VERSION);
          goto out;
        }
    }

  if (!validate (doc, filename, &ctx.error))
    goto out;
  letter = letter_from_tree (&ctx, root);

out:
  xmlFreeDoc (doc);
  if (ctx.error != NULL)
    g_propagate_error (error, ctx.error);
  return letter;
}

/**
 * rpt_letter_new_from_xml_file:
 *
 * Returns: (transfer full): the letter in the file at @path, or %NULL
 */
RptLetter *
rpt_letter_new_from_xml_file (const char *path, GError **error)
{
  g_autofree char *data = NULL;
  g_autoptr (GError) local = NULL;
  gsize length = 0;

  /* The same limit for a file, a pipe or a device, while reading. A file
   * that cannot be read is an I/O error here, missing or not. */
  if (!rpt_file_read_bounded (path, RPT_LETTER_XML_MAX_SIZE, &data, &length, &local))
    {
      if (g_error_matches (local, RPT_ERROR, RPT_ERROR_NOT_FOUND))
        local->code = RPT_ERROR_IO;
      g_propagate_error (error, g_steal_pointer (&local));
      return NULL;
    }
  return rpt_letter_new_from_xml (data, (gssize) length, path, error);
}

/**
 * rpt_letter_xml_parse_item:
 * @part: the part the item belongs to
 * @xml: one item element as rpt_letter_xml_append_item() writes it with
 *   @standalone set
 *
 * Returns: (transfer full) (type GObject): the item, or %NULL with @error set
 */
gpointer
rpt_letter_xml_parse_item (RptPart part, const char *xml, gssize length, GError **error)
{
  ReadCtx ctx = { "item", NULL };
  xmlDoc *doc;
  gpointer item;

  g_return_val_if_fail (part < RPT_N_PARTS, NULL);

  if (length < 0)
    length = strlen (xml);
  if (!check_bytes (xml, length, "item", error))
    return NULL;
  doc = parse_xml (xml, length, "item", error);
  if (doc == NULL)
    return NULL;
  item = read_item (&ctx, xmlDocGetRootElement (doc), part);
  xmlFreeDoc (doc);
  if (ctx.error != NULL)
    {
      g_propagate_error (error, ctx.error);
      g_clear_object (&item);
    }
  return item;
}
