/* test-letter-xml.c
 *
 * Copyright 2026 The Rapporteur authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include <fcntl.h>
#include <glib/gstdio.h>
#include <libxml/relaxng.h>
#include <string.h>
#include <unistd.h>

#include "rpt-test-util.h"

static char *
read_sample (gsize *len)
{
  g_autofree char *path = rpt_test_source_path ("data", "samples", "AL-TJK-1-2025.xml", NULL);
  g_autoptr (GError) error = NULL;
  char *data = NULL;

  g_file_get_contents (path, &data, len, &error);
  g_assert_no_error (error);
  return data;
}

/* Validates with libxml2's RELAX NG directly, independently of the reader. */
static void
assert_valid_against_schema (const char *xml)
{
  g_autofree char *rng = rpt_test_source_path ("data", "schemas", "letter.rng", NULL);
  xmlRelaxNGParserCtxt *pctx = xmlRelaxNGNewParserCtxt (rng);
  xmlRelaxNG *schema = xmlRelaxNGParse (pctx);
  xmlRelaxNGValidCtxt *vctx = xmlRelaxNGNewValidCtxt (schema);
  xmlDoc *doc = xmlReadMemory (xml, (int) strlen (xml), "test.xml", NULL, XML_PARSE_NONET);

  g_assert_nonnull (doc);
  g_assert_cmpint (xmlRelaxNGValidateDoc (vctx, doc), ==, 0);
  xmlFreeDoc (doc);
  xmlRelaxNGFreeValidCtxt (vctx);
  xmlRelaxNGFree (schema);
  xmlRelaxNGFreeParserCtxt (pctx);
}

static void
test_sample_round_trip (void)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (RptLetter) letter = NULL;
  g_autoptr (RptLetter) again = NULL;
  g_autofree char *sample = NULL;
  g_autofree char *xml1 = NULL;
  g_autofree char *xml2 = NULL;
  gsize len;

  sample = read_sample (&len);
  letter = rpt_letter_new_from_xml (sample, len, "AL-TJK-1-2025.xml", &error);
  g_assert_no_error (error);

  g_assert_cmpuint (rpt_letter_get_n_items (letter, RPT_PART_MANDATES), ==, 2);
  g_assert_cmpuint (rpt_letter_get_n_items (letter, RPT_PART_FACTS), ==, 10);
  g_assert_cmpuint (rpt_letter_get_n_items (letter, RPT_PART_CONCERNS), ==, 6);
  g_assert_cmpuint (rpt_letter_get_n_items (letter, RPT_PART_QUESTIONS), ==, 5);
  g_assert_cmpuint (rpt_letter_get_n_items (letter, RPT_PART_ANNEX), ==, 19);

  /* model → XML → model → XML is byte-identical, and the committed sample
   * is already in canonical form. */
  xml1 = rpt_letter_to_xml (letter, NULL);
  again = rpt_letter_new_from_xml (xml1, -1, "again.xml", &error);
  g_assert_no_error (error);
  xml2 = rpt_letter_to_xml (again, NULL);
  g_assert_cmpstr (xml1, ==, xml2);
  g_assert_cmpstr (xml1, ==, sample);
  assert_valid_against_schema (xml1);
}

static void
test_sample_content (void)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (RptLetter) letter = NULL;
  g_autofree char *sample = NULL;
  g_autofree char *ref = NULL;
  RptParagraph *annex0;
  RptPerson *person;
  gsize len;

  sample = read_sample (&len);
  letter = rpt_letter_new_from_xml (sample, len, NULL, &error);
  g_assert_no_error (error);

  ref = rpt_letter_dup_reference (letter);
  g_assert_cmpstr (ref, ==, "AL TJK 1/2025");
  g_assert_cmpstr (rpt_letter_get_date (letter), ==, "2025-04-23");
  person = rpt_letter_get_item (letter, RPT_PART_PERSONS, 0);
  g_assert_cmpstr (rpt_person_get_name (person), ==, "Rukhshona Khakimova");
  g_assert_true (rpt_person_get_deprived_of_liberty (person));
  g_assert_true (
    g_str_has_prefix (rpt_paragraph_get_text (rpt_letter_get_item (letter, RPT_PART_PROFILE, 0)),
                      "Ms. <b>Rukhshona Khakimova</b> is a 31-year-old"));
  annex0 = rpt_letter_get_item (letter, RPT_PART_ANNEX, 0);
  g_assert_cmpstr (rpt_paragraph_get_reference (annex0), ==, "iccpr-art19");
  g_assert_nonnull (strstr (rpt_paragraph_get_text (annex0),
                            "(\"ICCPR\"), <treaty-status instrument=\"ICCPR\"/>. It requires"));
  g_assert_cmpint (rpt_paragraph_get_style (rpt_letter_get_item (letter, RPT_PART_ANNEX, 15)), ==,
                   RPT_PARAGRAPH_STYLE_BULLET);
}

/* A letter with every field set, and text that is hard for XML. */
static RptLetter *
make_full_letter (void)
{
  RptLetter *letter = rpt_letter_new ();
  g_autoptr (RptMandate) m1 = rpt_mandate_new ();
  g_autoptr (RptMandate) m2 = rpt_mandate_new ();
  g_autoptr (RptSignatory) s = rpt_signatory_new ();
  g_autoptr (RptPerson) p1 = rpt_person_new ();
  g_autoptr (RptPerson) p2 = rpt_person_new ();
  g_autoptr (RptCommunication) c = rpt_communication_new ();
  g_autoptr (RptParagraph) prof = NULL;
  g_autoptr (RptParagraph) fact = NULL;
  g_autoptr (RptParagraph) concern = NULL;
  g_autoptr (RptParagraph) q = NULL;
  g_autoptr (RptParagraph) clause = NULL;
  g_autofree char *escaped = NULL;
  const char *persons[] = { NULL, NULL, NULL };
  const char *res[] = { "51/8", NULL };

  rpt_letter_set_kind (letter, RPT_LETTER_KIND_UA);
  rpt_letter_set_country (letter, "OTH");
  rpt_letter_set_addressee_name (letter, "Acme & Sons <Ltd> \"Global\"");
  rpt_letter_set_salutation (letter, "Dear Ms. O'Brien,");
  rpt_letter_set_reference_number (letter, 12);
  rpt_letter_set_reference_year (letter, 2026);
  rpt_letter_set_date (letter, "2026-02-28");
  rpt_letter_set_language (letter, "fr");
  rpt_letter_set_summary (letter,
                          "a <i>summary</i> with a <a href=\"https://x.org/?a&amp;b\">link</a> and "
                          "<a href=\"%%% not a URI &lt;&gt;\">another</a>");
  rpt_letter_set_communications_about (letter, "earlier <b>cases</b>.");
  rpt_letter_set_press_release (letter, TRUE);
  rpt_letter_set_wgad (letter, RPT_WGAD_NO);
  rpt_letter_set_interim_measures (letter, FALSE);

  rpt_mandate_set_key (m1, "wg-arbitrary-detention");
  rpt_mandate_set_title (m2, "Inter-American Commission on Human Rights");
  rpt_mandate_set_resolutions (m2, res);
  rpt_letter_append_item (letter, RPT_PART_MANDATES, m1);
  rpt_letter_append_item (letter, RPT_PART_MANDATES, m2);
  rpt_signatory_set_mandate (s, rpt_mandate_get_id (m1));
  rpt_signatory_set_name (s, "Ирина Иванова");
  rpt_signatory_set_title_form (s, RPT_TITLE_FORM_FEMININE);
  rpt_signatory_set_title (s, "Chair-Rapporteur of the Working Group");
  rpt_letter_append_item (letter, RPT_PART_SIGNATORIES, s);

  rpt_person_set_name (p1, "Рухшона Ҳакимова");
  rpt_person_set_honorific (p1, "Ms.");
  rpt_person_set_gender (p1, RPT_GENDER_FEMALE);
  rpt_person_set_age (p1, 0);
  rpt_person_set_occupation (p1, "journalist");
  rpt_person_set_defender (p1, TRUE);
  rpt_person_set_deprived_of_liberty (p1, TRUE);
  rpt_letter_append_item (letter, RPT_PART_PERSONS, p1);
  rpt_person_set_gender (p2, RPT_GENDER_MALE);
  rpt_letter_append_item (letter, RPT_PART_PERSONS, p2);
  persons[0] = rpt_person_get_id (p1);
  persons[1] = rpt_person_get_id (p2);

  rpt_communication_set_reference (c, "UA OTH 1/2025");
  rpt_communication_set_date (c, "2025-01-02");
  rpt_communication_set_reply_date (c, "2025-03-04");
  rpt_letter_append_item (letter, RPT_PART_COMMUNICATIONS, c);

  prof = rpt_paragraph_new ("\u200F\u0645\u0631\u062D\u0628\u0627 \U0001F600 mixed <b>bidi</b>");
  rpt_paragraph_set_persons (prof, persons);
  rpt_letter_append_item (letter, RPT_PART_PROFILE, prof);

  escaped =
    rpt_markup_escape_text ("<tag> & ]]> \"quotes\" 'apos'\ttab  two spaces\nline", -1, NULL);
  fact = rpt_paragraph_new (escaped);
  rpt_paragraph_set_date (fact, "2024-07-16");
  rpt_paragraph_set_place (fact, "Dushanbe \"centre\" <b>");
  rpt_paragraph_set_persons (fact, persons);
  rpt_letter_append_item (letter, RPT_PART_FACTS, fact);

  concern = rpt_paragraph_new ("with a note<note>the <i>note</i> text</note>.");
  rpt_letter_append_item (letter, RPT_PART_CONCERNS, concern);
  q = rpt_paragraph_new ("  leading and trailing spaces  ");
  rpt_letter_append_item (letter, RPT_PART_QUESTIONS, q);
  clause = rpt_paragraph_new ("article 19, <treaty-status instrument=\"ICCPR\"/>.");
  rpt_paragraph_set_reference (clause, "iccpr-art19");
  rpt_paragraph_set_style (clause, RPT_PARAGRAPH_STYLE_BULLET);
  rpt_letter_append_item (letter, RPT_PART_ANNEX, clause);
  return letter;
}

static void
test_lossless (void)
{
  g_autoptr (RptLetter) letter = make_full_letter ();
  g_autoptr (RptLetter) back = NULL;
  g_autoptr (GError) error = NULL;
  g_autofree char *xml = rpt_letter_to_xml (letter, NULL);
  g_autofree char *xml2 = NULL;
  RptParagraph *fact;
  RptPerson *p1;

  assert_valid_against_schema (xml);
  back = rpt_letter_new_from_xml (xml, -1, "full.xml", &error);
  g_assert_no_error (error);
  xml2 = rpt_letter_to_xml (back, NULL);
  g_assert_cmpstr (xml, ==, xml2);

  /* And field by field, for what serialization alone would not show. */
  g_assert_cmpstr (rpt_letter_get_id (back), ==, rpt_letter_get_id (letter));
  g_assert_cmpstr (rpt_letter_get_addressee_name (back), ==, "Acme & Sons <Ltd> \"Global\"");
  g_assert_cmpstr (rpt_letter_get_language (back), ==, "fr");
  g_assert_cmpint (rpt_letter_get_wgad (back), ==, RPT_WGAD_NO);
  g_assert_false (rpt_letter_get_interim_measures (back));
  fact = rpt_letter_get_item (back, RPT_PART_FACTS, 0);
  g_assert_cmpstr (rpt_paragraph_get_id (fact), ==,
                   rpt_paragraph_get_id (rpt_letter_get_item (letter, RPT_PART_FACTS, 0)));
  g_assert_cmpstr (rpt_paragraph_get_place (fact), ==, "Dushanbe \"centre\" <b>");
  g_assert_cmpstr (rpt_paragraph_get_text (fact), ==,
                   "&lt;tag&gt; &amp; ]]&gt; \"quotes\" 'apos'\ttab  two spaces\nline");
  g_assert_cmpstr (rpt_paragraph_get_text (rpt_letter_get_item (back, RPT_PART_QUESTIONS, 0)), ==,
                   "  leading and trailing spaces  ");
  p1 = rpt_letter_get_item (back, RPT_PART_PERSONS, 0);
  g_assert_cmpint (rpt_person_get_age (p1), ==, 0);
  g_assert_cmpstr (rpt_person_get_name (p1), ==, "Рухшона Ҳакимова");
  g_assert_cmpint (rpt_person_get_age (rpt_letter_get_item (back, RPT_PART_PERSONS, 1)), ==, -1);
  g_assert_cmpint (
    rpt_signatory_get_title_form (rpt_letter_get_item (back, RPT_PART_SIGNATORIES, 0)), ==,
    RPT_TITLE_FORM_FEMININE);
  g_assert_nonnull (strstr (xml, " title-form=\"feminine\">"));
}

/* The form of title a signatory uses: written only when recorded, so a
 * letter without it (every file before it existed) reads as it did. */
static void
test_title_form (void)
{
  g_autoptr (RptLetter) letter = rpt_test_load_letter ("sample");
  g_autoptr (RptLetter) back = NULL;
  g_autoptr (GError) error = NULL;
  g_autofree char *xml = rpt_letter_to_xml (letter, NULL);
  g_autofree char *xml2 = NULL;
  RptSignatory *s = rpt_letter_get_item (letter, RPT_PART_SIGNATORIES, 0);

  /* the sample predates the attribute: not recorded, nothing written */
  g_assert_cmpint (rpt_signatory_get_title_form (s), ==, RPT_TITLE_FORM_UNSPECIFIED);
  g_assert_null (strstr (xml, "title-form"));

  rpt_signatory_set_title_form (s, RPT_TITLE_FORM_MASCULINE);
  xml2 = rpt_letter_to_xml (letter, NULL);
  assert_valid_against_schema (xml2);
  g_assert_nonnull (strstr (xml2, " title-form=\"masculine\">"));
  back = rpt_letter_new_from_xml (xml2, -1, "masculine.xml", &error);
  g_assert_no_error (error);
  g_assert_cmpint (
    rpt_signatory_get_title_form (rpt_letter_get_item (back, RPT_PART_SIGNATORIES, 0)), ==,
    RPT_TITLE_FORM_MASCULINE);
}

/* The fields of issue 10: written only when they differ from what a
 * letter said before they existed (the sample keeps its bytes), valid
 * against the schema, read back as they were written. */
static void
test_wording_fields (void)
{
  g_autoptr (RptLetter) letter = rpt_test_load_letter ("sample");
  g_autoptr (RptLetter) back = NULL;
  g_autoptr (GError) error = NULL;
  g_autofree char *xml = rpt_letter_to_xml (letter, NULL);
  g_autofree char *xml2 = NULL;
  g_autofree char *xml3 = NULL;
  RptCommunication *c = rpt_letter_get_item (letter, RPT_PART_COMMUNICATIONS, 1);
  RptCommunication *cb;

  g_assert_null (strstr (xml, " article="));
  g_assert_null (strstr (xml, "<house-style"));
  g_assert_null (strstr (xml, "<co-senders"));
  g_assert_null (strstr (xml, "<facts lead="));
  g_assert_null (strstr (xml, "<previous-communications place="));
  g_assert_null (strstr (xml, " reply="));
  g_assert_null (strstr (xml, " sender="));

  rpt_letter_set_summary_article (letter, RPT_SUMMARY_ARTICLE_OWN);
  rpt_letter_set_summary_article_text (letter, "a series of");
  rpt_letter_set_facts_lead (letter, RPT_FACTS_LEAD_NEW_INFORMATION);
  rpt_letter_set_communications_place (letter, RPT_COMMUNICATIONS_PLACE_AFTER_SUBJECT);
  rpt_letter_set_co_senders (letter, "the <i>Inter-American</i> Commission on Human Rights");
  rpt_letter_set_house_style (letter, "2015-semicolon");
  rpt_communication_set_sender (c, RPT_COMMUNICATION_SENDER_OTHERS);
  rpt_communication_set_senders (c, "the Special Rapporteur on torture");
  rpt_communication_set_reply (c, RPT_REPLY_PARTIAL);
  rpt_communication_set_reply_comment (c, "about the <b>closed</b> trial");
  rpt_communication_set_sentence (c, "We recall communication AL TJK 3/2022.");
  xml2 = rpt_letter_to_xml (letter, NULL);
  assert_valid_against_schema (xml2);
  g_assert_nonnull (strstr (xml2, "  <language>en</language>\n  <house-style>2015-semicolon"
                                  "</house-style>\n"));
  g_assert_nonnull (strstr (xml2, "  <co-senders>the <i>Inter-American</i> Commission on Human "
                                  "Rights</co-senders>\n  <summary article=\"own\" "
                                  "article-text=\"a series of\">alleged sentencing"));
  g_assert_nonnull (strstr (xml2, "<previous-communications place=\"after-subject\">"));
  g_assert_nonnull (strstr (xml2, "<facts lead=\"new-information\">"));
  g_assert_nonnull (strstr (xml2, "reply-date=\"2023-05-15\" sender=\"others\" "
                                  "reply=\"partial\">\n      <reference>AL TJK 3/2022</reference>\n"
                                  "      <senders>the Special Rapporteur on torture</senders>\n"
                                  "      <reply-comment>about the <b>closed</b> trial"
                                  "</reply-comment>\n      <sentence>We recall communication AL "
                                  "TJK 3/2022.</sentence>\n"));

  back = rpt_letter_new_from_xml (xml2, -1, "wording.xml", &error);
  g_assert_no_error (error);
  xml3 = rpt_letter_to_xml (back, NULL);
  g_assert_cmpstr (xml3, ==, xml2);
  g_assert_cmpint (rpt_letter_get_summary_article (back), ==, RPT_SUMMARY_ARTICLE_OWN);
  g_assert_cmpstr (rpt_letter_get_summary_article_text (back), ==, "a series of");
  g_assert_cmpint (rpt_letter_get_facts_lead (back), ==, RPT_FACTS_LEAD_NEW_INFORMATION);
  g_assert_cmpint (rpt_letter_get_communications_place (back), ==,
                   RPT_COMMUNICATIONS_PLACE_AFTER_SUBJECT);
  g_assert_cmpstr (rpt_letter_get_house_style (back), ==, "2015-semicolon");
  cb = rpt_letter_get_item (back, RPT_PART_COMMUNICATIONS, 1);
  g_assert_cmpint (rpt_communication_get_sender (cb), ==, RPT_COMMUNICATION_SENDER_OTHERS);
  g_assert_cmpint (rpt_communication_get_reply (cb), ==, RPT_REPLY_PARTIAL);
  g_assert_cmpint (rpt_communication_get_effective_reply (cb), ==, RPT_REPLY_PARTIAL);
  g_assert_cmpstr (rpt_communication_get_senders (cb), ==, "the Special Rapporteur on torture");

  /* a summary with nothing but its article is kept */
  rpt_letter_set_summary (letter, "");
  rpt_letter_set_summary_article (letter, RPT_SUMMARY_ARTICLE_NONE);
  rpt_letter_set_summary_article_text (letter, NULL);
  g_clear_pointer (&xml2, g_free);
  xml2 = rpt_letter_to_xml (letter, NULL);
  g_assert_nonnull (strstr (xml2, "  <summary article=\"none\"></summary>\n"));
  g_clear_object (&back);
  back = rpt_letter_new_from_xml (xml2, -1, "wording.xml", &error);
  g_assert_no_error (error);
  g_assert_cmpint (rpt_letter_get_summary_article (back), ==, RPT_SUMMARY_ARTICLE_NONE);

  /* the reply follows the reply date unless the drafter said otherwise */
  c = rpt_letter_get_item (letter, RPT_PART_COMMUNICATIONS, 0);
  g_assert_cmpint (rpt_communication_get_effective_reply (c), ==, RPT_REPLY_NOT_RECEIVED);
  rpt_communication_set_reply_date (c, "2023-06-01");
  g_assert_cmpint (rpt_communication_get_effective_reply (c), ==, RPT_REPLY_RECEIVED);
}

static void
test_large_paragraph (void)
{
  g_autoptr (RptLetter) letter = rpt_letter_new ();
  g_autoptr (RptLetter) back = NULL;
  g_autoptr (GError) error = NULL;
  g_autoptr (GString) text = g_string_new (NULL);
  g_autoptr (RptParagraph) p = NULL;
  g_autofree char *xml = NULL;

  while (text->len < 1024 * 1024)
    g_string_append (text, "Ms. Khakimova &amp; <b>her</b> lawyer – «ordre public» ");
  p = rpt_paragraph_new (text->str);
  rpt_letter_append_item (letter, RPT_PART_FACTS, p);
  xml = rpt_letter_to_xml (letter, NULL);
  back = rpt_letter_new_from_xml (xml, -1, "big.xml", &error);
  g_assert_no_error (error);
  g_assert_cmpstr (rpt_paragraph_get_text (rpt_letter_get_item (back, RPT_PART_FACTS, 0)), ==,
                   text->str);
}

typedef struct
{
  const char *name;
  const char *xml;
  int code;
  const char *expect; /* a piece of the message, with file and line */
} BadCase;

#define HEAD "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
#define OPEN \
  "<letter xmlns=\"urn:x-rapporteur:letter\" version=\"1\" id=\"5ec8ada2-eadc-4365-9894-1c3f99f1f33b\">\n"
#define MIN_BODY_AFTER_LANGUAGE                                                                 \
  "<mandates/>\n<signatories/>\n<persons/>\n<profile/>\n<previous-communications/>\n<facts/>\n" \
  "<concerns/>\n<questions/>\n<annex/>\n<closing/>\n"
#define MIN_BODY                                                                                \
  "<kind>AL</kind>\n<addressee country=\"TJK\"/>\n<language>en</language>\n<mandates/>\n"       \
  "<signatories/>\n<persons/>\n<profile/>\n<previous-communications/>\n<facts/>\n<concerns/>\n" \
  "<questions/>\n<annex/>\n<closing/>\n"

static const BadCase bad_cases[] = {
  { "not-well-formed", HEAD OPEN "<kind>AL</kind>\n<addressee country=\"TJK\">\n</letter>\n",
    RPT_ERROR_PARSE, "bad.xml:5:" },
  { "schema",
    HEAD OPEN "<kind>AL</kind>\n<addressee country=\"TJK\"/>\n<colour>red</colour>\n</letter>\n",
    RPT_ERROR_SCHEMA, "bad.xml:5:" },
  { "bad-kind",
    HEAD OPEN "<kind>XX</kind>\n"
              "<addressee country=\"TJK\"/>\n</letter>\n",
    RPT_ERROR_SCHEMA, "bad.xml:" },
  { "doctype", HEAD "<!DOCTYPE letter [\n<!ENTITY x \"y\">\n]>\n" OPEN MIN_BODY "</letter>\n",
    RPT_ERROR_UNSAFE, "bad.xml:2:" },
  { "external-entity",
    HEAD "<!DOCTYPE letter [<!ENTITY xxe SYSTEM \"file:///etc/passwd\">]>\n" OPEN MIN_BODY
         "<summary>&xxe;</summary></letter>\n",
    RPT_ERROR_UNSAFE, "bad.xml:2:" },
  { "billion-laughs",
    HEAD
    "<!DOCTYPE lolz [\n <!ENTITY lol \"lol\">\n <!ENTITY lol2 "
    "\"&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;\">\n <!ENTITY lol3 "
    "\"&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;\">\n]>\n<lolz>&lol3;</lolz>\n",
    RPT_ERROR_UNSAFE, "bad.xml:2:" },
  { "latin1", HEAD OPEN "<kind>AL</kind>\n<summary>caf\xe9</summary>\n</letter>\n",
    RPT_ERROR_ENCODING, "bad.xml:4:" },
  { "declared-latin1",
    "<?xml version=\"1.0\" encoding=\"ISO-8859-1\"?>\n" OPEN MIN_BODY "</letter>\n",
    RPT_ERROR_ENCODING, "bad.xml:1:" },
  { "newer",
    HEAD
    "<letter xmlns=\"urn:x-rapporteur:letter\" version=\"7\" id=\"5ec8ada2-eadc-4365-9894-1c3f99f1f33b\">\n"
    "<future/></letter>\n",
    RPT_ERROR_NEWER_VERSION, "newer Rapporteur" },
  { "foreign", HEAD "<html><body>not a letter</body></html>\n", RPT_ERROR_PARSE,
    "not a Rapporteur letter" },
  { "duplicate-id",
    HEAD OPEN
    "<kind>AL</kind>\n<addressee country=\"TJK\"/>\n<language>en</language>\n<mandates/>\n"
    "<signatories/>\n<persons/>\n<profile/>\n<previous-communications/>\n<facts>\n"
    "<fact id=\"ccdab412-fae9-4bef-983c-ab1242225127\">a</fact>\n"
    "<fact id=\"ccdab412-fae9-4bef-983c-ab1242225127\">b</fact>\n</facts>\n"
    "<concerns/>\n<questions/>\n<annex/>\n<closing/>\n</letter>\n",
    RPT_ERROR_SCHEMA, "bad.xml:13: The id ccdab412" },
  { "bad-inline",
    HEAD OPEN "<kind>AL</kind>\n<addressee country=\"TJK\"/>\n<language>en</language>\n"
              "<mandates/>\n<signatories/>\n<summary>a <u>b</u></summary>\n</letter>\n",
    RPT_ERROR_SCHEMA, "bad.xml:" },
  { "invalid-date",
    HEAD OPEN "<kind>AL</kind>\n<addressee country=\"TJK\"/>\n<date>2025-02-30</date>\n"
              "<language>en</language>\n"
              "</letter>\n",
    RPT_ERROR_SCHEMA, "bad.xml:" },
  { "empty", "", RPT_ERROR_PARSE, "bad.xml: the file is empty" },
  { "title-form",
    HEAD OPEN "<kind>AL</kind>\n<addressee country=\"TJK\"/>\n<language>fr</language>\n"
              "<mandates/>\n<signatories>\n"
              "<signatory id=\"ccdab412-fae9-4bef-983c-ab1242225127\" title-form=\"neutral\">"
              "<name>A</name></signatory>\n</signatories>\n</letter>\n",
    RPT_ERROR_SCHEMA, "bad.xml:8: not a valid letter: Invalid attribute title-form" },
/* What the schema's patterns say, which the reader checks itself (the
   * patterns are left out of the copy it validates with: see get_schema). */
#define FACTS_BODY(facts)                                                                 \
  "<kind>AL</kind>\n<addressee country=\"TJK\"/>\n<language>en</language>\n<mandates/>\n" \
  "<signatories/>\n<persons/>\n<profile/>\n<previous-communications/>\n<facts>\n" facts   \
  "</facts>\n<concerns/>\n<questions/>\n<annex/>\n<closing/>\n"
#define PARTS_BODY(mandates, persons)                                                             \
  "<kind>AL</kind>\n<addressee country=\"TJK\"/>\n<language>en</language>\n<mandates>\n" mandates \
  "</mandates>\n<signatories/>\n<persons>\n" persons                                              \
  "</persons>\n<profile/>\n<previous-communications/>\n<facts/>\n<concerns/>\n<questions/>\n"     \
  "<annex/>\n<closing/>\n"
  { "upper-case-id",
    HEAD OPEN FACTS_BODY (
      "<fact id=\"CCDAB412-FAE9-4BEF-983C-AB1242225127\">a</fact>\n") "</letter>\n",
    RPT_ERROR_SCHEMA, "bad.xml:12: “CCDAB412" },
  { "bad-person-ref",
    HEAD OPEN FACTS_BODY (
      "<fact id=\"ccdab412-fae9-4bef-983c-ab1242225127\" persons=\"x\">a</fact>\n") "</letter>\n",
    RPT_ERROR_SCHEMA, "bad.xml:12: “x” is not a valid id" },
  { "two-line-place",
    HEAD OPEN FACTS_BODY (
      "<fact id=\"ccdab412-fae9-4bef-983c-ab1242225127\" place=\"a&#10;b\">a</fact>\n") "</letter>\n",
    RPT_ERROR_SCHEMA, "bad.xml:12: “a\\nb” must be on one line" },
  { "bad-instrument",
    HEAD OPEN FACTS_BODY ("<fact id=\"ccdab412-fae9-4bef-983c-ab1242225127\">the "
                          "<treaty-status instrument=\"iccpr\"/></fact>\n") "</letter>\n",
    RPT_ERROR_SCHEMA, "bad.xml:12: “iccpr” is not the code of an instrument" },
  { "bad-country", HEAD OPEN "<kind>AL</kind>\n<addressee country=\"tjk\"/>\n</letter>\n",
    RPT_ERROR_SCHEMA, "bad.xml:" },
  { "bad-key",
    HEAD OPEN PARTS_BODY (
      "<mandate id=\"ccdab412-fae9-4bef-983c-ab1242225127\" key=\"SR Torture\"/>\n",
      "") "</letter>\n",
    RPT_ERROR_SCHEMA, "bad.xml:7: “SR Torture” is not a valid key" },
  { "bad-resolution",
    HEAD OPEN PARTS_BODY ("<mandate id=\"ccdab412-fae9-4bef-983c-ab1242225127\">\n"
                          "<title>Special Rapporteur</title>\n<resolution>52-4</resolution>\n"
                          "</mandate>\n",
                          "") "</letter>\n",
    RPT_ERROR_SCHEMA, "bad.xml:9: “52-4” is not the number of a resolution" },
  { "two-line-name",
    HEAD OPEN PARTS_BODY ("",
                          "<person id=\"ccdab412-fae9-4bef-983c-ab1242225127\">\n"
                          "<name>Ms. A\nB</name>\n</person>\n") "</letter>\n",
    RPT_ERROR_SCHEMA, "bad.xml:11: “Ms. A\\nB” must be on one line" },
  { "bad-reply",
    HEAD OPEN "<kind>AL</kind>\n<addressee country=\"TJK\"/>\n<language>en</language>\n"
              "<mandates/>\n<signatories/>\n<persons/>\n<profile/>\n<previous-communications>\n"
              "<communication id=\"ccdab412-fae9-4bef-983c-ab1242225127\" reply=\"maybe\">"
              "<reference>AL TJK 1/2023</reference></communication>\n</previous-communications>\n"
              "</letter>\n",
    RPT_ERROR_SCHEMA, "bad.xml:11: not a valid letter: Invalid attribute reply" },
  { "bad-facts-lead",
    HEAD OPEN "<kind>AL</kind>\n<addressee country=\"TJK\"/>\n<language>en</language>\n"
              "<mandates/>\n<signatories/>\n<persons/>\n<profile/>\n<previous-communications/>\n"
              "<facts lead=\"gossip\"/>\n</letter>\n",
    RPT_ERROR_SCHEMA, "bad.xml:11: not a valid letter: Invalid attribute lead" },
  { "bad-house-style",
    HEAD OPEN "<kind>AL</kind>\n<addressee country=\"TJK\"/>\n<language>en</language>\n"
              "<house-style>Style 2012</house-style>\n" MIN_BODY_AFTER_LANGUAGE "</letter>\n",
    RPT_ERROR_SCHEMA, "bad.xml:6: “Style 2012” is not the id of a house style edition" },
  { "two-line-article",
    HEAD OPEN "<kind>AL</kind>\n<addressee country=\"TJK\"/>\n<language>en</language>\n"
              "<mandates/>\n<signatories/>\n<summary article=\"own\" article-text=\"a&#10;b\">"
              "x</summary>\n<persons/>\n<profile/>\n<previous-communications/>\n<facts/>\n"
              "<concerns/>\n<questions/>\n<annex/>\n<closing/>\n</letter>\n",
    RPT_ERROR_SCHEMA, "bad.xml:8: “a\\nb” must be on one line" },
#undef FACTS_BODY
#undef PARTS_BODY
};

static void
test_bad_input (gconstpointer data)
{
  const BadCase *c = data;
  g_autoptr (GError) error = NULL;
  g_autoptr (RptLetter) letter = rpt_letter_new_from_xml (c->xml, -1, "bad.xml", &error);

  g_assert_null (letter);
  g_assert_error (error, RPT_ERROR, c->code);
  g_test_message ("%s", error->message);
  g_assert_nonnull (strstr (error->message, c->expect));
  g_assert_null (strchr (error->message, '\n'));
}

static void
test_too_large (void)
{
  g_autofree char *dir = rpt_test_make_tmpdir ();
  g_autofree char *path = g_build_filename (dir, "huge.xml", NULL);
  g_autoptr (GError) error = NULL;
  g_autoptr (RptLetter) letter = NULL;
  int fd = g_open (path, O_CREAT | O_WRONLY, 0600);

  /* A sparse file: the reader must refuse it by its size, unread. */
  g_assert_cmpint (fd, >=, 0);
  g_assert_cmpint (ftruncate (fd, (off_t) RPT_LETTER_XML_MAX_SIZE + 1), ==, 0);
  close (fd);
  letter = rpt_letter_new_from_xml_file (path, &error);
  g_assert_null (letter);
  g_assert_error (error, RPT_ERROR, RPT_ERROR_UNSAFE);
  rpt_test_rm_rf (dir);
}

static void
test_missing_file (void)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (RptLetter) letter = rpt_letter_new_from_xml_file ("/nonexistent/letter.xml", &error);

  g_assert_null (letter);
  g_assert_error (error, RPT_ERROR, RPT_ERROR_IO);
}

static void
test_item_fragments (void)
{
  g_autoptr (RptLetter) letter = make_full_letter ();

  for (RptPart part = 0; part < RPT_N_PARTS; part++)
    for (guint i = 0; i < rpt_letter_get_n_items (letter, part); i++)
      {
        gpointer item = rpt_letter_get_item (letter, part, i);
        g_autoptr (GString) a = g_string_new (NULL);
        g_autoptr (GString) b = g_string_new (NULL);
        g_autoptr (GError) error = NULL;
        g_autoptr (GObject) back = NULL;

        rpt_letter_xml_append_item (a, part, item, TRUE);
        back = rpt_letter_xml_parse_item (part, a->str, a->len, &error);
        g_assert_no_error (error);
        rpt_letter_xml_append_item (b, part, back, TRUE);
        g_assert_cmpstr (a->str, ==, b->str);
      }
}

int
main (int argc, char **argv)
{
  rpt_test_init (&argc, &argv);

  g_test_add_func ("/letter-xml/sample-round-trip", test_sample_round_trip);
  g_test_add_func ("/letter-xml/sample-content", test_sample_content);
  g_test_add_func ("/letter-xml/lossless", test_lossless);
  g_test_add_func ("/letter-xml/title-form", test_title_form);
  g_test_add_func ("/letter-xml/wording-fields", test_wording_fields);
  g_test_add_func ("/letter-xml/large-paragraph", test_large_paragraph);
  g_test_add_func ("/letter-xml/item-fragments", test_item_fragments);
  g_test_add_func ("/letter-xml/too-large", test_too_large);
  g_test_add_func ("/letter-xml/missing-file", test_missing_file);
  for (guint i = 0; i < G_N_ELEMENTS (bad_cases); i++)
    {
      g_autofree char *path = g_strdup_printf ("/letter-xml/bad/%s", bad_cases[i].name);
      g_test_add_data_func (path, &bad_cases[i], test_bad_input);
    }

  return g_test_run ();
}
