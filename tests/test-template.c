/* test-template.c
 *
 * Copyright 2026 The Rapporteur authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include <glib/gstdio.h>
#include <string.h>

#include "rpt-test-util.h"

/*
 * The templates: which standard sentences a letter gets (kind, addressee,
 * one mandate or several, earlier letters, closing options), lists and
 * dates as letters write them, white space kept as typed, translations
 * (French and Spanish letters with their grammar and typography, gaps where
 * a language lacks something), and templates that are broken or try to
 * reach outside.
 */

#define NNBSP "\u202F" /* narrow no-break space */
#define NBSP "\u00A0"

typedef struct
{
  char *xml;  /* document XML */
  char *text; /* what a reader sees, with **bold** and *italic* */
  GStrv notes;
} Rendered;

static void
rendered_free (Rendered *r)
{
  g_free (r->xml);
  g_free (r->text);
  g_strfreev (r->notes);
  g_free (r);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (Rendered, rendered_free)

static Rendered *
render_full (RptTemplate *template, RptLetter *letter, RptReference *reference)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (GPtrArray) notes = g_ptr_array_new_with_free_func (g_free);
  g_autofree char *letter_xml = rpt_letter_to_xml (letter, NULL);
  Rendered *r = g_new0 (Rendered, 1);
  xmlDoc *doc;

  r->xml = rpt_template_render (template, letter_xml, -1, reference, notes, NULL, &error);
  g_assert_no_error (error);
  /* Every document the templates make keeps to the subset. */
  doc = rpt_document_xml_read (r->xml, -1, "document.xml", &error);
  g_assert_no_error (error);
  r->text = rpt_test_odf_text (rpt_document_xml_get_text (doc), TRUE);
  xmlFreeDoc (doc);
  g_ptr_array_add (notes, NULL);
  r->notes = (GStrv) g_ptr_array_steal (notes, NULL);
  return r;
}

static Rendered *
render_with (RptTemplate *template, RptLetter *letter)
{
  return render_full (template, letter, rpt_reference_get_default ());
}

static Rendered *
render (RptLetter *letter)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (RptTemplate) template = rpt_template_get_default (&error);

  g_assert_no_error (error);
  return render_with (template, letter);
}

#define assert_has(r, s)                                             \
  G_STMT_START                                                       \
  {                                                                  \
    if (strstr ((r)->text, (s)) == NULL)                             \
      g_error ("the letter does not say “%s”:\n%s", (s), (r)->text); \
  }                                                                  \
  G_STMT_END

#define assert_lacks(r, s)                                             \
  G_STMT_START                                                         \
  {                                                                    \
    if (strstr ((r)->text, (s)) != NULL)                               \
      g_error ("the letter should not say “%s”:\n%s", (s), (r)->text); \
  }                                                                    \
  G_STMT_END

static gboolean
has_note (Rendered *r, const char *part)
{
  for (guint i = 0; r->notes[i] != NULL; i++)
    if (strstr (r->notes[i], part) != NULL)
      return TRUE;
  return FALSE;
}

/* ------------------------------------------------------------------ */
/* The sample                                                          */

static void
test_sample (void)
{
  g_autoptr (RptLetter) letter = rpt_test_load_letter ("sample");
  g_autoptr (Rendered) r = render (letter);

  assert_has (r, "Mandates of the Special Rapporteur on the situation of human rights defenders "
                 "and the Special Rapporteur on the promotion and protection of the right to "
                 "freedom of opinion and expression\n\nRef.: AL TJK 1/2025\n\n(Please use this "
                 "reference in your reply)\n\n23 April 2025\n\nExcellency,\n\n");
  assert_has (r, "We have the honour to address you in our capacities as Special Rapporteur on "
                 "the situation of human rights defenders and Special Rapporteur on the promotion "
                 "and protection of the right to freedom of opinion and expression, pursuant to "
                 "Human Rights Council resolutions 52/4 and 52/9.");
  assert_has (r, "information we have received concerning the **alleged sentencing of an "
                 "independent journalist");
  assert_has (r, "linked to her human rights and journalistic work.**");
  assert_has (r, "We previously wrote to your Excellency's Government on 12 May 2023 (AL TJK "
                 "1/2023), 4 October 2022 (AL TJK 3/2022), and 13 July 2022 (AL TJK 2/2022) "
                 "regarding six independent journalists");
  assert_has (r, "some of these cases. We thank your Excellency's Government for its reply dated "
                 "15 May 2023 and regret not receiving a reply to communications AL TJK 1/2023 "
                 "and AL TJK 2/2022.");
  assert_has (r, "While we do not wish to prejudge the accuracy of these allegations, we would "
                 "like to express");
  assert_has (r, "please refer to the **Annex on Reference to international human rights law** "
                 "attached to this letter");
  assert_has (r, "\n1. Please provide any additional information");
  assert_has (r, "\n5. Please provide information on the measures taken");
  assert_has (r, "communications reporting [website](https://spcommreports.ohchr.org/) within 60 "
                 "days.");
  assert_has (r, "respond separately to the allegation letter and the regular procedure.");
  assert_has (r, "While awaiting a reply, we urge");
  assert_has (r, "contact with your Excellency's Government's to clarify the issue/s in question.");
  assert_has (r, "Please accept, Excellency, the assurances of our highest consideration.\n\nMary "
                 "Lawlor\nSpecial Rapporteur on the situation of human rights defenders\n\nIrene "
                 "Khan\nSpecial Rapporteur on the promotion");
  assert_has (r, "\n\nAnnex\n\nReference to international human rights law\n\nIn connection with "
                 "above alleged facts and concerns, we would like to draw the attention");
  assert_has (r, "(\"ICCPR\"), acceded to by Tajikistan on 4 January 1999. It requires");
  assert_has (r, "such information and ideas include, *inter alia*, journalism");
  assert_has (r, "\n- Article 6(a)-(c), which provides");
  assert_has (r, "\n- article 11, which states");

  /* Lists are list styles, the annex headings headings, items have
   * bookmarks the preview scrolls to. */
  g_assert_nonnull (strstr (r->xml, "<text:list text:style-name=\"Questions\">"));
  g_assert_nonnull (strstr (r->xml, "<text:list text:style-name=\"Bullets\">"));
  g_assert_null (strstr (r->xml, ">1. "));
  g_assert_nonnull (strstr (r->xml, "<text:h text:style-name=\"AnnexHeading\" "
                                    "text:outline-level=\"1\">Annex</text:h>"));
  g_assert_nonnull (strstr (r->xml, "<text:p text:style-name=\"Question\"><text:bookmark "
                                    "text:name=\"rpt-66c7a164-ea60-5356-b1ec-7f2030b0018b\"/>"
                                    "Please provide any additional"));
  for (RptPart part = RPT_PART_PROFILE; part < RPT_N_PARTS; part++)
    {
      if (part == RPT_PART_COMMUNICATIONS || part == RPT_PART_PERSONS)
        continue;
      for (guint i = 0; i < rpt_letter_get_n_items (letter, part); i++)
        {
          g_autofree char *bookmark =
            g_strdup_printf ("<text:bookmark text:name=\"rpt-%s\"/>",
                             rpt_letter_item_get_id (rpt_letter_get_item (letter, part, i)));
          g_assert_nonnull (strstr (r->xml, bookmark));
        }
    }
  /* Lines: one block per line, so errors can point at one. */
  {
    g_auto (GStrv) lines = g_strsplit (r->xml, "\n", -1);
    g_assert_cmpuint (g_strv_length (lines), >, 60);
  }

  g_assert_true (has_note (r, "Unverified reference data for TJK and ICCPR"));
  g_assert_true (has_note (r, "Resolution number not verified"));
}

/* ------------------------------------------------------------------ */
/* Kinds and addressees                                                */

static void
test_urgent_appeal (void)
{
  g_autoptr (RptLetter) letter = rpt_test_load_letter ("UA-BLR-one-mandate.xml");
  g_autoptr (Rendered) r = render (letter);

  assert_has (r, "Mandate of the Special Rapporteur on torture and other cruel, inhuman or "
                 "degrading treatment or punishment\n\nRef.: UA BLR 7/2025");
  /* one Special Rapporteur: "I"; the resolution of 3 April 2023, in
   * force on 2 March 2025 (special_procedures_mandates_multilingual.csv) */
  assert_has (r, "I have the honour to address you in my capacity as Special Rapporteur on "
                 "torture and other cruel, inhuman or degrading treatment or punishment, pursuant "
                 "to Human Rights Council resolution 52/7.\n");
  g_assert_false (has_note (r, "No Human Rights Council resolution"));
  assert_has (r, "I would like to bring to the attention of your Excellency's Government "
                 "information I have received concerning the **imminent transfer of Mr. **A. "
                 "B.**");
  assert_has (r, "I previously wrote to your Excellency's Government on 10 January 2024 (UA BLR "
                 "1/2024) and 5 June 2024 (AL BLR 4/2024). I thank your Excellency's Government "
                 "for its replies dated 1 March 2024 and 20 August 2024.");
  assert_has (r, "While I do not wish to prejudge");
  assert_has (r, "As it is my responsibility, under the mandate provided to me");
  assert_has (r, "will be made public via the communications reporting "
                 "[website](https://spcommreports.ohchr.org/) after 48 hours.");
  assert_has (r, "Further, I would like to inform your Excellency's Government that after having "
                 "transmitted an urgent appeal");
  assert_has (r, "respond separately to the urgent appeal procedure and the regular procedure.");
  assert_has (r, "While awaiting a reply, I urge");
  assert_lacks (r, "press release");
  assert_has (r, "Please accept, Excellency, the assurances of my highest consideration.\n\nAlice "
                 "Edwards\nSpecial Rapporteur on torture");
  assert_has (r, "International Covenant on Civil and Political Rights, ratified by Belarus on 12 "
                 "November 1973, and to the Convention against Torture, ratified by Belarus on 13 "
                 "March 1987.");
}

static void
test_legislation (void)
{
  g_autoptr (RptLetter) letter = rpt_test_load_letter ("OL-KAZ-three-mandates.xml");
  g_autoptr (Rendered) r = render (letter);

  /* three mandates: "the A; the B and the C" */
  assert_has (r, "Mandates of the Special Rapporteur on the rights to freedom of peaceful "
                 "assembly and of association; the Special Rapporteur on the situation of human "
                 "rights defenders and the Working Group on Arbitrary Detention\n");
  /* The data has no resolution for the first mandate, and the latest
   * renewal of the Working Group it knows (51/8, October 2022, three
   * years) ran out before the letter's date: gaps, never "resolutions
   * 52/4 and 51/8" as if that were the whole list. */
  assert_has (r, "in our capacities as Special Rapporteur on the rights to freedom of peaceful "
                 "assembly and of association; Special Rapporteur on the situation of human "
                 "rights defenders and Working Group on Arbitrary Detention, pursuant to Human "
                 "Rights Council resolutions [resolution of the Special Rapporteur on the rights "
                 "to freedom of peaceful assembly and of association], 52/4 and [resolution of "
                 "the Working Group on Arbitrary Detention].");
  g_assert_true (has_note (r, "51/8 (2022-10-06), ran for 3 years"));
  /* Letters on legislation open on the comments (issue 10: they used the
   * allegation letters' sentence) */
  assert_has (r, "In this connection, we offer the following comments on the **draft law on "
                 "public associations.**");
  assert_lacks (r, "bring to the attention");
  assert_has (r, "We previously wrote to your Excellency's Government regarding the draft law on "
                 "non-commercial organisations.\n");
  assert_has (r, "In light of the above, we are concerned");
  assert_lacks (r, "prejudge");
  assert_has (r, "This communication, as a comment on pending or recently adopted legislation, "
                 "regulations or policies, and any response received from your Excellency's "
                 "Government will be made public via the communications reporting "
                 "[website](https://spcommreports.ohchr.org/) after 48 hours.");
  /* nobody is deprived of liberty; no interim measures asked for */
  assert_lacks (r, "Working Group on Arbitrary Detention may");
  assert_lacks (r, "interim measures");
  assert_has (r, "We may publicly express our concerns");
  /* no annex clauses: no pointer, no annex */
  assert_lacks (r, "Annex");
  assert_has (r, "Ganna Yudkivska\nChair-Rapporteur of the Working Group on Arbitrary Detention");
}

static void
test_non_state (void)
{
  g_autoptr (RptLetter) letter = rpt_test_load_letter ("AL-OTH-company.xml");
  g_autoptr (Rendered) r = render (letter);

  assert_has (r, "Ref.: AL OTH 3/2025");
  assert_has (r, "\n\nDear Ms. Doe,\n\n");
  assert_has (r, "we would like to bring to the attention of Acme Mining Ltd. information we have "
                 "received concerning the **alleged pollution of the river by the company's "
                 "mine.**");
  /* the one earlier letter, unanswered, as published letters say it */
  assert_has (r, "We previously wrote to you on 1 February 2024 (AL OTH 12/2024) regarding the "
                 "same mine. We regret that we have not yet received a reply to this "
                 "communication.");
  assert_lacks (r, "regret not receiving");
  assert_has (r, "any response received from you will be made public");
  assert_has (r, "that we have been in contact with you to clarify the issue/s in question.");
  assert_has (r, "Please accept the assurances of our highest consideration.");
  assert_has (r, "we would like to draw your attention to the following human rights standards.");
  /* a company is not a Government: no "Excellency", no WGAD paragraph */
  assert_lacks (r, "Excellency");
  assert_lacks (r, "Government");
  assert_lacks (r, "Working Group on Arbitrary Detention");
  g_assert_true (has_note (r, "only for letters to States"));
  /* renamed in April 2024; the letter is of May 2025 */
  assert_has (r, "Astrid Puentes Riaño\nSpecial Rapporteur on the human right to a clean, healthy "
                 "and sustainable environment");
}

static void
test_draft (void)
{
  g_autoptr (RptLetter) letter = rpt_test_load_letter ("AL-TJK-draft.xml");
  g_autoptr (Rendered) r = NULL;

  /* A draft without a date takes today's resolutions: here a day of May
   * 2025 (SOURCE_DATE_EPOCH), when 51/8 was in force... */
  g_setenv ("SOURCE_DATE_EPOCH", "1746100000", TRUE);
  r = render (letter);

  assert_has (r, "Mandate of the Working Group on Arbitrary Detention\n\nRef.: AL TJK __/____\n\n"
                 "(Please use this reference in your reply)\n\n[date]\n\nExcellency,");
  /* a Working Group speaks as "we", of one mandate */
  assert_has (r, "We have the honour to address you in our capacity as Working Group on "
                 "Arbitrary Detention, pursuant to Human Rights Council resolution 51/8.");
  assert_has (r, "concerning the **[subject of the letter].**");
  assert_has (r, "We regret that we have not yet received a reply to this communication.");
  assert_lacks (r, "According to the information received");
  assert_lacks (r, "following matters");
  g_assert_true (has_note (r, "no date yet"));
  g_assert_true (has_note (r, "no subject summary yet"));
  g_assert_true (has_note (r, "The reference is not complete (AL TJK __/____)"));

  /* ...and on a day of 2026, when its renewal is not in the data: a gap */
  g_clear_pointer (&r, rendered_free);
  g_setenv ("SOURCE_DATE_EPOCH", "1780000000", TRUE);
  r = render (letter);
  g_unsetenv ("SOURCE_DATE_EPOCH");
  assert_has (r, "pursuant to Human Rights Council resolution [resolution of the Working Group "
                 "on Arbitrary Detention].");
  g_assert_true (has_note (r, "in force on 2026-05-28"));
}

/* What "rapporteur-cli new" makes: nothing filled in yet. */
static void
test_empty (void)
{
  g_autoptr (RptLetter) letter = rpt_letter_new ();
  g_autoptr (Rendered) r = NULL;

  rpt_letter_set_kind (letter, RPT_LETTER_KIND_OL);
  rpt_letter_set_country (letter, "OTH");
  r = render (letter);
  assert_has (r, "Mandate of the [mandate]\n\nRef.: OL OTH __/____");
  assert_has (r, "Dear Sir/Madam,");
  assert_has (r, "In this connection, we offer the following comments on the **[subject of the "
                 "letter].**");
  assert_has (r, "Please accept the assurances of our highest consideration.");
  g_assert_true (has_note (r, "The addressee has no name yet."));
  g_assert_true (has_note (r, "The letter has no mandate yet."));
}

/* ------------------------------------------------------------------ */
/* Variations on the sample                                            */

static void
set_communications (RptLetter *letter, const char *const *spec)
{
  while (rpt_letter_get_n_items (letter, RPT_PART_COMMUNICATIONS) > 0)
    rpt_letter_remove_item (letter, RPT_PART_COMMUNICATIONS, 0);
  /* "reference|date|reply-date" */
  for (guint i = 0; spec[i] != NULL; i++)
    {
      g_auto (GStrv) f = g_strsplit (spec[i], "|", 3);
      RptCommunication *c = rpt_communication_new ();
      rpt_communication_set_reference (c, f[0]);
      rpt_communication_set_date (c, f[1]);
      if (f[2] != NULL && f[2][0] != '\0')
        rpt_communication_set_reply_date (c, f[2]);
      rpt_letter_append_item (letter, RPT_PART_COMMUNICATIONS, c);
    }
}

static void
test_previous_communications (void)
{
  g_autoptr (RptLetter) letter = rpt_test_load_letter ("sample");

  {
    const char *one[] = { "AL TJK 1/2023|2023-05-12|", NULL };
    g_autoptr (Rendered) r = NULL;
    set_communications (letter, one);
    r = render (letter);
    assert_has (r, "on 12 May 2023 (AL TJK 1/2023) regarding six independent");
    assert_has (r, "these cases. We regret that we have not yet received a reply to this "
                   "communication.");
  }
  {
    const char *two_replied[] = { "AL TJK 1/2023|2023-05-12|2023-07-01",
                                  "AL TJK 3/2022|2022-10-04|2023-05-15", NULL };
    g_autoptr (Rendered) r = NULL;
    set_communications (letter, two_replied);
    r = render (letter);
    assert_has (r, "on 12 May 2023 (AL TJK 1/2023) and 4 October 2022 (AL TJK 3/2022) regarding");
    assert_has (r, "We thank your Excellency's Government for its replies dated 1 July 2023 and 15 "
                   "May 2023.");
    assert_lacks (r, "regret");
  }
  {
    const char *four[] = { "A 1/2020|2020-01-01|2020-02-01", "A 2/2020|2020-03-01|",
                           "A 3/2020|2020-05-01|2020-06-01", "A 4/2020|2020-07-01|", NULL };
    g_autoptr (Rendered) r = NULL;
    set_communications (letter, four);
    rpt_letter_set_communications_about (letter, "");
    r = render (letter);
    /* the serial comma of the published letters, in the list of dates only */
    assert_has (r, "on 1 January 2020 (A 1/2020), 1 March 2020 (A 2/2020), 1 May 2020 (A 3/2020), "
                   "and 1 July 2020 (A 4/2020). We thank your Excellency's Government for its "
                   "replies dated 1 February 2020 and 1 June 2020 and regret not receiving a "
                   "reply to communications A 2/2020 and A 4/2020.");
  }
  {
    const char *none[] = { NULL };
    g_autoptr (Rendered) r = NULL;
    set_communications (letter, none);
    r = render (letter);
    assert_lacks (r, "previously wrote");
  }
}

/* Issue 10: the summary's article was always "the". The drafter decides:
 * "concerning alleged…", "concerning a series of…". */
static void
test_summary_article (void)
{
  g_autoptr (RptLetter) letter = rpt_test_load_letter ("sample");

  rpt_letter_set_summary (letter, "alleged excessive use of force against protesters");
  rpt_letter_set_summary_article (letter, RPT_SUMMARY_ARTICLE_NONE);
  {
    g_autoptr (Rendered) r = render (letter);
    assert_has (r, "information we have received concerning **alleged excessive use of force "
                   "against protesters.**");
    assert_lacks (r, "received concerning the");
  }
  rpt_letter_set_summary (letter, "attacks against journalists");
  rpt_letter_set_summary_article (letter, RPT_SUMMARY_ARTICLE_OWN);
  rpt_letter_set_summary_article_text (letter, "a series of");
  {
    g_autoptr (Rendered) r = render (letter);
    assert_has (r, "information we have received concerning a series of **attacks against "
                   "journalists.**");
  }
  /* own words left empty: no article */
  rpt_letter_set_summary_article_text (letter, NULL);
  {
    g_autoptr (Rendered) r = render (letter);
    assert_has (r, "concerning **attacks against journalists.**");
  }
  /* a letter on legislation too */
  rpt_letter_set_kind (letter, RPT_LETTER_KIND_OL);
  rpt_letter_set_summary_article (letter, RPT_SUMMARY_ARTICLE_NONE);
  rpt_letter_set_summary (letter, "Law No. 12 on foreign agents");
  {
    g_autoptr (Rendered) r = render (letter);
    assert_has (r, "In this connection, we offer the following comments on **Law No. 12 on "
                   "foreign agents.**");
  }
}

/* Follow-up letters may open the facts with "According to the new
 * information received:". */
static void
test_facts_lead (void)
{
  g_autoptr (RptLetter) letter = rpt_test_load_letter ("sample");

  rpt_letter_set_facts_lead (letter, RPT_FACTS_LEAD_NEW_INFORMATION);
  {
    g_autoptr (Rendered) r = render (letter);
    assert_has (r, "\n\nAccording to the new information received:\n\nOn 16 July 2024");
    assert_lacks (r, "According to the information received:");
  }
}

/* Issue 10: a body outside the Special Procedures stood among the
 * mandates; it stands after the resolutions. */
static void
test_co_senders (void)
{
  g_autoptr (RptLetter) letter = rpt_test_load_letter ("sample");
  RptSignatory *s = rpt_signatory_new ();

  rpt_letter_set_co_senders (letter, "the Inter-American Commission on Human Rights");
  rpt_signatory_set_name (s, "Roberta Clarke");
  rpt_signatory_set_title (s, "President, Inter-American Commission on Human Rights");
  rpt_letter_append_item (letter, RPT_PART_SIGNATORIES, s);
  {
    g_autoptr (Rendered) r = render (letter);
    assert_has (r, "Mandates of the Special Rapporteur on the situation of human rights defenders "
                   "and the Special Rapporteur on the promotion and protection of the right to "
                   "freedom of opinion and expression\n");
    assert_has (r, "pursuant to Human Rights Council resolutions 52/4 and 52/9, and the "
                   "Inter-American Commission on Human Rights.");
    assert_has (r, "Roberta Clarke\nPresident, Inter-American Commission on Human Rights");
  }
  /* with one Special Rapporteur, the letter speaks for two: "we" */
  rpt_letter_remove_item (letter, RPT_PART_MANDATES, 1);
  rpt_letter_remove_item (letter, RPT_PART_SIGNATORIES, 1);
  {
    g_autoptr (Rendered) r = render (letter);
    assert_has (r, "Mandate of the Special Rapporteur on the situation of human rights "
                   "defenders\n");
    assert_has (r, "We have the honour to address you in our capacities as Special Rapporteur on "
                   "the situation of human rights defenders, pursuant to Human Rights Council "
                   "resolution 52/4, and the Inter-American Commission on Human Rights.");
  }
}

static RptCommunication *
communication (RptLetter *letter, guint n)
{
  return rpt_letter_get_item (letter, RPT_PART_COMMUNICATIONS, n);
}

/* Issue 10: earlier letters always read "We previously wrote…" and "We
 * regret not receiving a reply to communication…". Published letters
 * thank for a reply that leaves concerns, cite letters other mandate
 * holders sent, and say things no standard sentence says. */
static void
test_previous_communications_wording (void)
{
  g_autoptr (RptLetter) letter = rpt_test_load_letter ("sample");

  /* a reply that leaves concerns */
  {
    const char *one[] = { "AL TJK 1/2023|2023-05-12|2023-07-20", NULL };
    g_autoptr (Rendered) r = NULL;
    set_communications (letter, one);
    rpt_communication_set_reply (communication (letter, 0), RPT_REPLY_PARTIAL);
    rpt_communication_set_reply_comment (communication (letter, 0),
                                         "that it does not address the allegations");
    r = render (letter);
    assert_has (r, "some of these cases. We thank your Excellency's Government for its response "
                   "dated 20 July 2023, but we remain concerned that it does not address the "
                   "allegations.");
    assert_lacks (r, "regret");
    /* the drafter has not said what concerns remain: a gap */
    rpt_communication_set_reply_comment (communication (letter, 0), NULL);
    g_clear_pointer (&r, rendered_free);
    r = render (letter);
    assert_has (r, "but we remain concerned [what still concerns you after the reply].");
  }
  /* one of several, by its reference */
  {
    const char *two[] = { "AL TJK 1/2023|2023-05-12|2023-07-20", "AL TJK 3/2022|2022-10-04|",
                          NULL };
    g_autoptr (Rendered) r = NULL;
    set_communications (letter, two);
    rpt_communication_set_reply (communication (letter, 0), RPT_REPLY_PARTIAL);
    rpt_communication_set_reply_comment (communication (letter, 0), "about her detention");
    r = render (letter);
    assert_has (r, "on 12 May 2023 (AL TJK 1/2023) and 4 October 2022 (AL TJK 3/2022) regarding");
    assert_has (r, "these cases. We regret not receiving a reply to communication AL TJK 3/2022. "
                   "We thank your Excellency's Government for its response dated 20 July 2023 "
                   "to communication AL TJK 1/2023, but we remain concerned about her "
                   "detention.");
  }
  /* a letter other mandate holders sent, and one the reply of which the
   * letter leaves unsaid */
  {
    const char *two[] = { "AL TJK 1/2023|2023-05-12|", "UA TJK 4/2021|2021-11-02|", NULL };
    g_autoptr (Rendered) r = NULL;
    set_communications (letter, two);
    rpt_communication_set_sender (communication (letter, 1), RPT_COMMUNICATION_SENDER_OTHERS);
    rpt_communication_set_senders (communication (letter, 1),
                                   "the Special Rapporteur on the independence of judges and "
                                   "lawyers");
    r = render (letter);
    assert_has (r, "We previously wrote to your Excellency's Government on 12 May 2023 (AL TJK "
                   "1/2023) regarding six");
    assert_has (r, "some of these cases. We would also like to recall communication UA TJK "
                   "4/2021, sent on 2 November 2021 by the Special Rapporteur on the "
                   "independence of judges and lawyers. We regret not receiving a reply to "
                   "communications AL TJK 1/2023 and UA TJK 4/2021.");
    rpt_communication_set_senders (communication (letter, 1), NULL);
    rpt_communication_set_reply (communication (letter, 1), RPT_REPLY_UNMENTIONED);
    g_clear_pointer (&r, rendered_free);
    r = render (letter);
    assert_has (r, "sent on 2 November 2021 by other special procedures mandate holders. We "
                   "regret not receiving a reply to communication AL TJK 1/2023.");
  }
  /* only letters of others, and the drafter's own sentence */
  {
    const char *two[] = { "UA TJK 4/2021|2021-11-02|", "AL TJK 1/2023|2023-05-12|", NULL };
    g_autoptr (Rendered) r = NULL;
    set_communications (letter, two);
    rpt_letter_set_communications_about (letter, "");
    rpt_communication_set_sender (communication (letter, 0), RPT_COMMUNICATION_SENDER_OTHERS);
    rpt_communication_set_sender (communication (letter, 1), RPT_COMMUNICATION_SENDER_OTHERS);
    rpt_communication_set_sentence (communication (letter, 1),
                                    "Communication AL TJK 1/2023 remains <i>unanswered</i> to "
                                    "this day.");
    r = render (letter);
    assert_has (r, "\n\nWe would like to recall communication UA TJK 4/2021, sent on 2 November "
                   "2021 by other special procedures mandate holders. We regret not receiving a "
                   "reply to communication UA TJK 4/2021. Communication AL TJK 1/2023 remains "
                   "*unanswered* to this day.\n\n");
    assert_lacks (r, "previously wrote");
  }
}

/* Where the paragraph on earlier letters stands: where the drafter puts
 * it (the sample: after the profile). */
static void
test_communications_place (void)
{
  g_autoptr (RptLetter) letter = rpt_test_load_letter ("sample");
  const char *marker = "We previously wrote to your Excellency's Government";
  const struct
  {
    RptCommunicationsPlace place;
    const char *before; /* what the paragraph follows */
    const char *after;  /* what follows it */
  } cases[] = {
    { RPT_COMMUNICATIONS_PLACE_AFTER_SUBJECT, "journalistic work.**", "Ms. **Rukhshona" },
    { RPT_COMMUNICATIONS_PLACE_AFTER_PROFILE, "education issues.", "According to the" },
    { RPT_COMMUNICATIONS_PLACE_AFTER_FACTS, "were refused to be transferred.",
      "While we do not wish" },
    { RPT_COMMUNICATIONS_PLACE_AFTER_CONCERNS, "exercising their right to freedom of expression.",
      "In connection with the above alleged facts" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr (Rendered) r = NULL;
      const char *at, *end;

      rpt_letter_set_communications_place (letter, cases[i].place);
      r = render (letter);
      at = strstr (r->text, marker);
      g_assert_nonnull (at);
      g_assert_null (strstr (at + 1, marker)); /* once */
      g_assert_true (at - r->text > 2);
      g_assert_true (g_str_has_prefix (at - 2, "\n\n"));
      /* the paragraph before */
      {
        g_autofree char *head = g_strndup (r->text, at - 2 - r->text);
        g_assert_true (g_str_has_suffix (head, cases[i].before));
      }
      end = strstr (at, "\n\n");
      g_assert_nonnull (end);
      g_assert_true (g_str_has_prefix (end + 2, cases[i].after));
    }
}

/* ------------------------------------------------------------------ */
/* House style editions                                                */

/* Issue 10: "REFERENCE: AL XXX n/2019" without a reply line (2012–2021),
 * "Ref.: …" with it (2024 on), "; and" before the last mandate, a full
 * stop after the header and "in our capacity as" in the older letters:
 * named editions, chosen per letter, the newest by default. */
static void
test_house_style_editions (void)
{
  g_autoptr (RptLetter) letter = rpt_test_load_letter ("sample");
  RptMandate *wgad = rpt_mandate_new ();

  rpt_letter_set_date (letter, "2019-05-02");
  rpt_letter_set_reference_year (letter, 2019);
  /* no edition named: the newest, and a note on the one of 2019 */
  {
    g_autoptr (Rendered) r = render (letter);
    assert_has (r, "\n\nRef.: AL TJK 1/2019\n\n(Please use this reference in your reply)\n\n2 May "
                   "2019\n\n");
    g_assert_true (has_note (r, "letters of that time followed the edition “2015” (2015–2021)"));
  }
  rpt_letter_set_house_style (letter, "2015");
  {
    g_autoptr (Rendered) r = render (letter);
    assert_has (r, "and expression\n\nREFERENCE: AL TJK 1/2019\n\n2 May 2019\n\nExcellency,");
    assert_lacks (r, "Please use this reference");
    assert_lacks (r, "Ref.:");
    g_assert_false (has_note (r, "letters of that time followed"));
    /* the paragraph is gone, not left empty */
    g_assert_null (strstr (r->xml, "ReferenceNote"));
  }
  rpt_letter_set_house_style (letter, "2012");
  {
    g_autoptr (Rendered) r = render (letter);
    assert_has (r, "Mandates of the Special Rapporteur on the situation of human rights defenders "
                   "and the Special Rapporteur on the promotion and protection of the right to "
                   "freedom of opinion and expression.\n\nREFERENCE: AL TJK 1/2019\n\n");
    assert_has (r, "We have the honour to address you in our capacity as Special Rapporteur on "
                   "the situation of human rights defenders and Special Rapporteur on");
  }
  /* "; and" before the last of three mandates */
  rpt_mandate_set_key (wgad, "wg-arbitrary-detention");
  rpt_letter_append_item (letter, RPT_PART_MANDATES, wgad);
  rpt_letter_set_date (letter, "2025-04-23");
  rpt_letter_set_house_style (letter, "2024-semicolon");
  {
    g_autoptr (Rendered) r = render (letter);
    assert_has (r,
                "Mandates of the Special Rapporteur on the situation of human rights defenders; "
                "the Special Rapporteur on the promotion and protection of the right to freedom "
                "of opinion and expression; and the Working Group on Arbitrary Detention\n\nRef.:");
    assert_has (r, "expression; and Working Group on Arbitrary Detention, pursuant to");
  }
  /* an edition this Rapporteur does not know: the newest, said */
  rpt_letter_set_house_style (letter, "1999");
  {
    g_autoptr (Rendered) r = render (letter);
    assert_has (r,
                "and the Working Group on Arbitrary Detention\n\nRef.: AL TJK 1/2019\n\n(Please");
    g_assert_true (has_note (r, "edition “1999”, which this Rapporteur does not know"));
  }
}

/* Every built-in edition renders, in every letter language, with each
 * sentence it names in the catalogue and translated. */
static void
test_house_style_every_edition (void)
{
  RptHouseStyle *style = rpt_house_style_get_default ();
  g_autoptr (GPtrArray) editions = rpt_house_style_list_editions (style);
  const char *languages[] = { "en", "fr", "es" };

  g_assert_cmpuint (editions->len, ==, 6);
  g_assert_cmpstr (rpt_house_style_get_newest (style)->id, ==, "2024");
  g_assert_cmpstr (rpt_house_style_suggest_edition (style, "2013-06-01")->id, ==, "2012");
  g_assert_cmpstr (rpt_house_style_suggest_edition (style, "2021-12-31")->id, ==, "2015");
  g_assert_null (rpt_house_style_suggest_edition (style, "2022-06-01"));
  g_assert_cmpstr (rpt_house_style_suggest_edition (style, "2025-04-23")->id, ==, "2024");
  g_assert_cmpstr (rpt_house_style_lookup_edition (style, "2012")->base, ==, "2015");

  for (guint i = 0; i < editions->len; i++)
    for (guint l = 0; l < G_N_ELEMENTS (languages); l++)
      {
        const RptHouseStyleEdition *e = editions->pdata[i];
        g_autoptr (RptLetter) letter = rpt_test_load_letter ("sample");
        g_autoptr (Rendered) r = NULL;

        rpt_letter_set_house_style (letter, e->id);
        rpt_letter_set_language (letter, languages[l]);
        r = render (letter);
        g_assert_false (has_note (r, "not translated"));
        g_assert_false (has_note (r, "does not know"));
      }
}

static RptHouseStyle *
style_from (const char *xml, GError **error)
{
  return rpt_house_style_new_from_data (xml, -1, "editions.xml", error);
}

#define EDITIONS_OPEN "<editions xmlns=\"urn:x-rapporteur:house-style\" version=\"1\">\n"

/* The next change of style is data: an edition added to the file, and a
 * letter that names none follows it. A broken file says where. */
static void
test_house_style_data (void)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (RptHouseStyle) style = NULL;
  g_autoptr (RptTemplate) template = NULL;
  g_autofree char *xsl = rpt_test_source_path ("data", "templates", "letter.xsl", NULL);
  g_autoptr (RptLetter) letter = rpt_test_load_letter ("sample");

  style = style_from (EDITIONS_OPEN
                      "<edition id=\"2024\" from=\"2024-01-01\"><name>2024</name></edition>\n"
                      "<edition id=\"2030\" base=\"2024\" from=\"2030-01-01\"><name>2030</name>"
                      "<description>No reply line.</description>"
                      "<omit sentence=\"reference-note\"/>"
                      "<use sentence=\"reference\" as=\"reference-upper\"/></edition>\n"
                      "</editions>\n",
                      &error);
  g_assert_no_error (error);
  g_assert_cmpstr (rpt_house_style_get_newest (style)->id, ==, "2030");
  template = rpt_template_new_from_files (xsl, g_getenv ("RAPPORTEUR_BOILERPLATE"), &error);
  g_assert_no_error (error);
  rpt_template_set_house_style (template, style);
  {
    g_autoptr (Rendered) r = render_with (template, letter);
    assert_has (r, "expression\n\nREFERENCE: AL TJK 1/2025\n\n23 April 2025");
  }
  /* an edition that names a sentence the catalogue lacks: an error */
  g_clear_object (&style);
  style = style_from (EDITIONS_OPEN "<edition id=\"2024\" from=\"2024-01-01\"><name>x</name>"
                                    "<use sentence=\"reference\" as=\"reference-fancy\"/>"
                                    "</edition></editions>",
                      &error);
  g_assert_no_error (error);
  rpt_template_set_house_style (template, style);
  {
    g_autofree char *xml = rpt_letter_to_xml (letter, NULL);
    g_autofree char *out =
      rpt_template_render (template, xml, -1, rpt_reference_get_default (), NULL, NULL, &error);
    g_assert_null (out);
    g_assert_error (error, RPT_ERROR, RPT_ERROR_PARSE);
    g_assert_nonnull (strstr (error->message, "“reference-fancy”"));
    g_clear_error (&error);
  }
  /* one that would lose a placeholder */
  g_clear_object (&style);
  style = style_from (EDITIONS_OPEN "<edition id=\"2024\" from=\"2024-01-01\"><name>x</name>"
                                    "<use sentence=\"reference\" as=\"reference-note\"/>"
                                    "</edition></editions>",
                      &error);
  rpt_template_set_house_style (template, style);
  {
    g_autofree char *xml = rpt_letter_to_xml (letter, NULL);
    g_autofree char *out =
      rpt_template_render (template, xml, -1, rpt_reference_get_default (), NULL, NULL, &error);
    g_assert_null (out);
    g_assert_nonnull (strstr (error->message, "placeholders differ"));
    g_clear_error (&error);
  }

  /* broken files: refused, with the line */
  {
    const char *bad[][2] = {
      { EDITIONS_OPEN "<edition id=\"a\" from=\"2024-01-01\"><name>a</name></edition>\n"
                      "<edition id=\"a\" from=\"2025-01-01\"><name>b</name></edition></editions>",
        "editions.xml:3: the edition “a” is defined twice" },
      { EDITIONS_OPEN "<edition id=\"a\" base=\"b\" from=\"2024-01-01\"><name>a</name></edition>"
                      "</editions>",
        "editions.xml:2: the edition “a” starts from “b”" },
      { EDITIONS_OPEN "<edition id=\"a\" from=\"2024\"><name>a</name></edition></editions>",
        "editions.xml:2: the edition “a” has a date that is not YYYY-MM-DD" },
      { EDITIONS_OPEN "<edition id=\"Style A\"><name>a</name></edition></editions>",
        "editions.xml:2: “Style A” is not the id of an edition" },
      { EDITIONS_OPEN "<edition id=\"a\"><name>a</name></edition></editions>",
        "no edition has a date" },
      { EDITIONS_OPEN "<edition id=\"a\" from=\"2024-01-01\"><name>a</name>\n"
                      "<use sentence=\"reference\"/></edition></editions>",
        "editions.xml:3: <use> needs the sentences it concerns" },
      { "<clauses xmlns=\"urn:x-rapporteur:clauses\"/>", "not a file of house style editions" },
    };
    for (guint i = 0; i < G_N_ELEMENTS (bad); i++)
      {
        g_autoptr (RptHouseStyle) broken = style_from (bad[i][0], &error);
        g_assert_null (broken);
        g_assert_nonnull (error);
        if (strstr (error->message, bad[i][1]) == NULL)
          g_error ("“%s” does not say “%s”", error->message, bad[i][1]);
        g_clear_error (&error);
      }
  }
}

/* Issue 10: "ratified by Iran", "acceded to by Syria", "by Philippines":
 * a State is named in running text by its UN name, with its article, in
 * each letter language. */
static void
test_country_names (void)
{
  const struct
  {
    const char *code;
    const char *language;
    const char *says;
  } cases[] = {
    { "IRN", "en", "ratified by the Islamic Republic of Iran on 24 June 1975" },
    { "PHL", "en", "ratified by the Philippines on 23 October 1986" },
    { "SYR", "en", "acceded to by the Syrian Arab Republic on 21 April 1969" },
    { "IRN", "fr", "la République islamique d'Iran" },
    { "PHL", "fr", "les Philippines" },
    { "IRN", "es", "la República Islámica del Irán" },
    { "PHL", "es", "Filipinas" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr (RptLetter) letter = rpt_test_load_letter ("sample");
      g_autoptr (Rendered) r = NULL;

      rpt_letter_set_country (letter, cases[i].code);
      rpt_letter_set_language (letter, cases[i].language);
      r = render (letter);
      assert_has (r, cases[i].says);
      assert_lacks (r, "by Iran");
      assert_lacks (r, "by Philippines");
      /* the document's keywords name it the same way */
      if (g_str_equal (cases[i].language, "en") && g_str_equal (cases[i].code, "PHL"))
        g_assert_nonnull (strstr (r->xml, "<meta:keyword>the Philippines</meta:keyword>"));
    }
}

static void
test_one_mandate (void)
{
  g_autoptr (RptLetter) letter = rpt_test_load_letter ("sample");
  g_autoptr (Rendered) r = NULL;

  rpt_letter_remove_item (letter, RPT_PART_MANDATES, 1);
  rpt_letter_remove_item (letter, RPT_PART_SIGNATORIES, 1);
  r = render (letter);
  assert_has (r, "Mandate of the Special Rapporteur on the situation of human rights defenders\n");
  assert_has (r, "I have the honour to address you in my capacity as Special Rapporteur on the "
                 "situation of human rights defenders, pursuant to Human Rights Council "
                 "resolution 52/4.");
  assert_has (r, "I would like to bring to the attention of your Excellency's Government "
                 "information I have received concerning");
  assert_has (r, "I previously wrote to your Excellency's Government on");
  assert_has (r, "I thank your Excellency's Government for its reply dated 15 May 2023 and regret");
  assert_has (r, "While I do not wish to prejudge the accuracy of these allegations, we would");
  assert_has (r, "As it is my responsibility, under the mandate provided to me by the Human "
                 "Rights Council, to seek to clarify all cases brought to my attention, I would be "
                 "grateful");
  assert_has (r, "Further, I would like to inform");
  assert_has (r, "I may publicly express my concerns in the near future as, in my view,");
  assert_has (r, "Please accept, Excellency, the assurances of my highest consideration.\n\nMary "
                 "Lawlor\n");
  assert_has (r, "In connection with above alleged facts and concerns, I would like to draw");
}

static void
test_three_mandates (void)
{
  g_autoptr (RptLetter) letter = rpt_test_load_letter ("sample");
  g_autoptr (Rendered) r = NULL;
  RptMandate *m = rpt_mandate_new ();

  rpt_mandate_set_key (m, "wg-arbitrary-detention");
  rpt_letter_append_item (letter, RPT_PART_MANDATES, m);
  r = render (letter);
  assert_has (r, "Mandates of the Special Rapporteur on the situation of human rights defenders; "
                 "the Special Rapporteur on the promotion and protection of the right to freedom "
                 "of opinion and expression and the Working Group on Arbitrary Detention\n");
  assert_has (r, "pursuant to Human Rights Council resolutions 52/4, 52/9 and 51/8.");
}

/* Issue 10: a four-mandate letter came out "pursuant to Human Rights
 * Council resolutions 52/9 and 52/4", the two mandates the data had no
 * resolution for left out, with only a note on the command line. */
static void
test_resolution_gaps (void)
{
  g_autoptr (RptLetter) letter = rpt_test_load_letter ("sample");
  g_autoptr (Rendered) r = NULL;
  g_autoptr (GPtrArray) lacking = NULL;
  const char *const own[] = { "50/17", NULL };
  const char *keys[] = { "sr-freedom-assembly-association", "sr-independence-judges-lawyers" };

  rpt_letter_move_item (letter, RPT_PART_MANDATES, 1, 0);
  for (guint i = 0; i < G_N_ELEMENTS (keys); i++)
    {
      RptMandate *m = rpt_mandate_new ();
      rpt_mandate_set_key (m, keys[i]);
      rpt_letter_append_item (letter, RPT_PART_MANDATES, m);
    }
  r = render (letter);
  assert_lacks (r, "resolutions 52/9 and 52/4");
  assert_has (r, "pursuant to Human Rights Council resolutions 52/9, 52/4, [resolution of the "
                 "Special Rapporteur on the rights to freedom of peaceful assembly and of "
                 "association] and [resolution of the Special Rapporteur on the independence of "
                 "judges and lawyers].");
  g_assert_true (has_note (r, "No Human Rights Council resolution in force on 2025-04-23 is "
                              "known for the Special Rapporteur on the independence of judges"));

  /* the same list, asked of the core, for the checks */
  lacking = rpt_letter_list_mandates_without_resolution (letter, rpt_reference_get_default ());
  g_assert_cmpuint (lacking->len, ==, 2);
  g_assert_cmpstr (rpt_mandate_get_key (lacking->pdata[0]), ==, keys[0]);
  g_assert_cmpstr (rpt_mandate_get_key (lacking->pdata[1]), ==, keys[1]);
  g_clear_pointer (&lacking, g_ptr_array_unref);

  /* the drafter types the one resolution; the other gap stays */
  rpt_mandate_set_resolutions (rpt_letter_get_item (letter, RPT_PART_MANDATES, 2), own);
  g_clear_pointer (&r, rendered_free);
  r = render (letter);
  assert_has (r, "resolutions 52/9, 52/4, 50/17 and [resolution of the Special Rapporteur on "
                 "the independence of judges and lawyers].");
  lacking = rpt_letter_list_mandates_without_resolution (letter, rpt_reference_get_default ());
  g_assert_cmpuint (lacking->len, ==, 1);
  g_assert_cmpstr (rpt_mandate_get_key (lacking->pdata[0]), ==, keys[1]);
  g_clear_pointer (&lacking, g_ptr_array_unref);

  /* the sample lacks none */
  {
    g_autoptr (RptLetter) sample = rpt_test_load_letter ("sample");
    lacking = rpt_letter_list_mandates_without_resolution (sample, rpt_reference_get_default ());
    g_assert_cmpuint (lacking->len, ==, 0);
  }
}

/* A letter dated in a year has the titles of that year
 * (mandate_title_history.csv). */
static void
test_dated_titles (void)
{
  g_autoptr (RptLetter) letter = rpt_test_load_letter ("sample");
  RptMandate *m = rpt_letter_get_item (letter, RPT_PART_MANDATES, 1);

  rpt_mandate_set_key (m, "sr-violence-against-women");
  {
    g_autoptr (Rendered) r = render (letter);
    /* the current title is complete: "…, its causes and consequences" */
    assert_has (r, "and the Special Rapporteur on violence against women and girls, its causes "
                   "and consequences\n");
  }
  rpt_letter_set_date (letter, "2019-05-02");
  {
    g_autoptr (Rendered) r = render (letter);
    assert_has (r, "and the Special Rapporteur on violence against women, its causes and "
                   "consequences\n");
    assert_has (r, "Irene Khan\nSpecial Rapporteur on violence against women, its causes and "
                   "consequences");
    g_assert_true (has_note (r, "is the one in use then"));
  }
  /* two mandates merged in October 2025: before, the title is a gap */
  rpt_mandate_set_key (m, "sr-slavery-trafficking");
  rpt_letter_set_date (letter, "2024-05-02");
  {
    g_autoptr (Rendered) r = render (letter);
    assert_has (r, "and the [title on the letter's date: Special Rapporteur on contemporary forms "
                   "of slavery and trafficking in persons]\n");
    g_assert_true (has_note (r, "had titles of their own"));
  }
}

static void
test_own_titles_and_resolutions (void)
{
  g_autoptr (RptLetter) letter = rpt_test_load_letter ("sample");
  g_autoptr (Rendered) r = NULL;
  RptMandate *m = rpt_letter_get_item (letter, RPT_PART_MANDATES, 1);
  const char *const res[] = { "55/1", "52/4", NULL };

  /* the letter's own title and resolutions win over the data; a
   * resolution two mandates share is named once */
  rpt_mandate_set_title (m, "Special Rapporteur on freedom of expression");
  rpt_mandate_set_resolutions (m, res);
  r = render (letter);
  assert_has (r, "and the Special Rapporteur on freedom of expression\n");
  assert_has (r, "resolutions 52/4 and 55/1.");
  assert_has (r, "Irene Khan\nSpecial Rapporteur on freedom of expression");
}

static void
test_closing_options (void)
{
  g_autoptr (RptLetter) letter = rpt_test_load_letter ("sample");

  {
    g_autoptr (Rendered) r = NULL;
    rpt_letter_set_wgad (letter, RPT_WGAD_NO);
    rpt_letter_set_press_release (letter, FALSE);
    rpt_letter_set_interim_measures (letter, FALSE);
    r = render (letter);
    assert_lacks (r, "Working Group on Arbitrary Detention may");
    assert_lacks (r, "press release");
    assert_lacks (r, "interim measures");
    assert_has (r, "within 60 days. They will also subsequently be made available in the usual "
                   "report to be presented to the Human Rights Council.\n\nPlease accept");
  }
  {
    g_autoptr (Rendered) r = NULL;
    RptPerson *p = rpt_letter_get_item (letter, RPT_PART_PERSONS, 0);
    /* auto: only when someone is deprived of liberty */
    rpt_letter_set_wgad (letter, RPT_WGAD_AUTO);
    rpt_person_set_deprived_of_liberty (p, FALSE);
    r = render (letter);
    assert_lacks (r, "Working Group on Arbitrary Detention may");
  }
  {
    g_autoptr (Rendered) r = NULL;
    rpt_letter_set_wgad (letter, RPT_WGAD_YES);
    r = render (letter);
    assert_has (r, "the Working Group on Arbitrary Detention may also transmit the case");
  }
  {
    g_autoptr (Rendered) r = NULL;
    while (rpt_letter_get_n_items (letter, RPT_PART_ANNEX) > 0)
      rpt_letter_remove_item (letter, RPT_PART_ANNEX, 0);
    r = render (letter);
    assert_lacks (r, "Annex");
    g_assert_null (strstr (r->xml, "AnnexHeading"));
  }
}

/* ------------------------------------------------------------------ */
/* Paragraph text                                                      */

static void
test_whitespace_and_inline (void)
{
  g_autoptr (RptLetter) letter = rpt_test_load_letter ("sample");
  g_autoptr (Rendered) r = NULL;
  RptParagraph *p =
    rpt_paragraph_new ("  two  spaces,\ta tab,\na line break; <b>bold </b> "
                       "<i>italic</i>, <a href=\"https://example.org/?a=1&amp;b=2\">a "
                       "<b>bold</b> link</a>, a note<note>The <i>first</i> "
                       "note.</note> and another<note>Second.</note>, end ");
  RptParagraph *q = rpt_paragraph_new ("a third<note>Third note.</note>");
  g_autoptr (GError) error = NULL;
  xmlDoc *doc;
  xmlNode *para;
  g_autofree char *text = NULL;

  rpt_letter_insert_item (letter, RPT_PART_FACTS, 0, p);
  rpt_letter_insert_item (letter, RPT_PART_FACTS, 1, q);
  r = render (letter);

  doc = rpt_document_xml_read (r->xml, -1, NULL, &error);
  g_assert_no_error (error);
  para = rpt_test_odf_find_item (rpt_document_xml_get_text (doc), rpt_paragraph_get_id (p));
  text = rpt_test_odf_inline_text (para, FALSE);
  g_assert_cmpstr (text, ==,
                   "  two  spaces,\ta tab,\na line break; bold  italic, a bold link, a "
                   "note and another, end ");
  xmlFreeDoc (doc);

  g_assert_nonnull (strstr (r->xml, "<text:s text:c=\"2\"/>two<text:s text:c=\"2\"/>spaces,"
                                    "<text:tab/>a tab,<text:line-break/>a line break;"));
  g_assert_nonnull (strstr (r->xml, "<text:a xlink:type=\"simple\" "
                                    "xlink:href=\"https://example.org/?a=1&amp;b=2\"><text:span "
                                    "text:style-name=\"Link\">a <text:span "
                                    "text:style-name=\"Bold\">bold</text:span> link</text:span>"
                                    "</text:a>"));
  /* footnotes are numbered through the letter */
  g_assert_nonnull (strstr (r->xml, "<text:note text:id=\"ftn1\" text:note-class=\"footnote\">"
                                    "<text:note-citation>1</text:note-citation><text:note-body>"
                                    "<text:p text:style-name=\"Footnote\">The <text:span "
                                    "text:style-name=\"Italic\">first</text:span> note.</text:p>"));
  g_assert_nonnull (strstr (r->xml, "<text:note-citation>2</text:note-citation>"));
  g_assert_nonnull (strstr (r->xml, "<text:note-citation>3</text:note-citation><text:note-body>"
                                    "<text:p text:style-name=\"Footnote\">Third note."));
  /* a single space between words stays a space */
  g_assert_nonnull (strstr (r->xml, "Ms. <text:span text:style-name=\"Bold\">Rukhshona "
                                    "Khakimova</text:span> is a 31-year-old"));
}

/* ------------------------------------------------------------------ */
/* Translations                                                        */

static RptTemplate *
fake_french (void)
{
  g_autoptr (GError) error = NULL;
  g_autofree char *xsl = rpt_test_source_path ("data", "templates", "letter.xsl", NULL);
  RptTemplate *template =
    rpt_template_new_from_files (xsl, g_getenv ("RAPPORTEUR_FAKE_CATALOGUE"), &error);

  g_assert_no_error (error);
  return template;
}

/* The whole path: a .po, merged into the catalogue at build time by
 * msgfmt, picked by the letter's language, used by the template. The
 * made-up catalogue translates a few sentences only: the others are gaps,
 * never English passing as French. */
static void
test_translation (void)
{
  g_autoptr (RptTemplate) template = fake_french ();
  g_autoptr (RptLetter) letter = rpt_test_load_letter ("sample");
  g_autoptr (Rendered) r = NULL;

  g_assert_true (rpt_template_has_language (template, "en"));
  g_assert_true (rpt_template_has_language (template, "fr"));
  g_assert_false (rpt_template_has_language (template, "es"));

  rpt_letter_set_language (letter, "fr");
  r = render_with (template, letter);
  /* the month is translated, the date pattern is not: a gap around it */
  assert_has (r, "\n\n[not translated: 23 avril 2025]\n\nExcellence,\n\n");
  /* the translation moved the placeholders; the titles are French */
  assert_has (r, "Nous avons l'honneur de nous adresser à vous, conformément aux résolutions 52/4 "
                 "et 52/9 du Conseil des droits de l'homme, en notre qualité de Rapporteur spécial "
                 "sur la situation des défenseurs des droits de l'homme et Rapporteur spécial sur "
                 "la promotion");
  /* markup-like characters in a translation come out as typed, spaced
   * the French way */
  assert_has (r, "(Prière de rappeler cette référence & «" NNBSP "merci" NNBSP "»)");
  /* a translation that lost the summary is not used: the English is
   * shown as a gap, with the drafter's words */
  assert_has (r, "[not translated: In this connection, we would like to bring to the attention "
                 "of your Excellency's Government information we have received concerning the "
                 "**alleged sentencing");
  assert_lacks (r, "À cet égard");
  /* the State's name in the letter's language, inside a gap */
  assert_has (r, "[not translated: acceded to by le Tadjikistan on ");
  g_assert_true (has_note (r, "standard sentences are not translated into French yet: the letter "
                              "shows them as gaps"));
  g_assert_nonnull (strstr (r->xml, "<dc:language>fr</dc:language>"));
}

/* A language the catalogue has nothing for: English throughout, said so. */
static void
test_no_catalogue (void)
{
  g_autoptr (RptTemplate) template = fake_french ();
  g_autoptr (RptLetter) letter = rpt_test_load_letter ("sample");
  g_autoptr (Rendered) es = NULL;
  g_autoptr (Rendered) fr = NULL;

  rpt_letter_set_language (letter, "es");
  es = render_with (template, letter);
  assert_has (es, "23 April 2025\n\nExcellency,");
  assert_has (es, "acceded to by Tajikistan on 4 January 1999");
  assert_lacks (es, "[not translated");
  g_assert_true (has_note (es, "not translated into Spanish yet: they are in English"));
  g_assert_nonnull (strstr (es->xml, "<dc:language>es</dc:language>"));

  /* the built-in catalogue translates every sentence into French */
  rpt_letter_set_language (letter, "fr");
  fr = render (letter);
  assert_has (fr, "Excellence,");
  assert_lacks (fr, "[not translated");
  assert_lacks (fr, "[non traduit");
  g_assert_false (has_note (fr, "not translated"));
}

/* ------------------------------------------------------------------ */
/* Letters in French and Spanish                                       */

/* The English standard sentences, in pieces between their placeholders,
 * long enough to be English only. */
static GPtrArray *
english_sentences (void)
{
  g_autofree char *path = rpt_test_source_path ("data", "templates", "boilerplate.xml.in", NULL);
  g_autofree char *data = NULL;
  GPtrArray *pieces = g_ptr_array_new_with_free_func (g_free);
  gsize length;
  xmlDoc *doc;

  g_assert_true (g_file_get_contents (path, &data, &length, NULL));
  doc = rpt_test_parse_xml (data, length);
  for (xmlNode *s = xmlDocGetRootElement (doc)->children; s != NULL; s = s->next)
    {
      if (s->type != XML_ELEMENT_NODE || !xmlStrEqual (s->name, BAD_CAST "s"))
        continue;
      for (xmlNode *c = s->children; c != NULL; c = c->next)
        {
          g_autofree char *text = (char *) xmlNodeGetContent (c);
          char *piece = g_strstrip (g_strdup (text));

          /* "Excellency," "According to the information received:" … but
           * not "Annex", "communication" or "(": words the languages share */
          if (c->type == XML_TEXT_NODE && g_utf8_strlen (piece, -1) >= 10 &&
              (strchr (piece, ' ') != NULL || g_str_has_suffix (piece, ",")))
            g_ptr_array_add (pieces, piece);
          else
            g_free (piece);
        }
    }
  xmlFreeDoc (doc);
  g_assert_cmpuint (pieces->len, >, 100);
  return pieces;
}

static void
assert_no_english_boilerplate (Rendered *r)
{
  static GPtrArray *english = NULL;

  if (english == NULL)
    english = english_sentences ();
  for (guint i = 0; i < english->len; i++)
    if (strstr (r->text, english->pdata[i]) != NULL)
      g_error ("English boilerplate “%s” in a translated letter:\n%s",
               (const char *) english->pdata[i], r->text);
  assert_lacks (r, "[not translated");
  assert_lacks (r, "[non traduit");
  assert_lacks (r, "[sin traducir");
  g_assert_false (has_note (r, "not translated"));
}

static void
set_title_form (RptLetter *letter, guint signatory, RptTitleForm form)
{
  rpt_signatory_set_title_form (rpt_letter_get_item (letter, RPT_PART_SIGNATORIES, signatory),
                                form);
}

/* The sample letter exported in French: the sentences of French
 * communications, French dates, the articles before the mandates and the
 * country, French spacing, and no English boilerplate. */
static void
test_french_sample (void)
{
  g_autoptr (RptLetter) letter = rpt_test_load_letter ("sample");
  g_autoptr (Rendered) r = NULL;

  rpt_letter_set_language (letter, "fr");
  set_title_form (letter, 0, RPT_TITLE_FORM_FEMININE);
  set_title_form (letter, 1, RPT_TITLE_FORM_FEMININE);
  r = render (letter);
  assert_has (r, "Mandats de la Rapporteuse spéciale sur la situation des défenseurs des droits "
                 "de l'homme et de la Rapporteuse spéciale sur la promotion et la protection du "
                 "droit à la liberté d'opinion et d'expression\n\nRéf." NNBSP ": AL TJK 1/2025"
                 "\n\n(Veuillez utiliser cette référence dans votre réponse)\n\n23" NBSP
                 "avril" NBSP "2025\n\nExcellence,\n\n");
  assert_has (r, "Nous avons l'honneur de nous adresser à vous en notre qualité de Rapporteuse "
                 "spéciale sur la situation des défenseurs des droits de l'homme et Rapporteuse "
                 "spéciale sur la promotion et la protection du droit à la liberté d'opinion et "
                 "d'expression, conformément aux résolutions 52/4 et 52/9 du Conseil des droits "
                 "de l'homme.");
  assert_has (r, "sur des informations que nous avons reçues concernant **alleged sentencing");
  assert_has (r, "Nous avons écrit précédemment au Gouvernement de Votre Excellence le 12" NBSP
                 "mai" NBSP "2023 (AL TJK 1/2023), le 4" NBSP "octobre" NBSP "2022 (AL TJK "
                 "3/2022) et le 13" NBSP "juillet" NBSP "2022 (AL TJK 2/2022) concernant six");
  assert_has (r, "Nous remercions le Gouvernement de Votre Excellence pour la réponse en date du "
                 "15" NBSP "mai" NBSP "2023 et regrettons de ne pas avoir reçu de réponse aux "
                 "communications AL TJK 1/2023 et AL TJK 2/2022.");
  assert_has (r, "\n\nSelon les informations reçues" NNBSP ":\n\n");
  assert_has (r, "Sans vouloir préjuger de l'exactitude de ces allégations, we would like");
  assert_has (r, "nous vous serions reconnaissants de bien vouloir nous faire part de vos "
                 "observations sur les points suivants" NNBSP ":");
  assert_has (r, "dans un délai de 60" NBSP "jours.");
  assert_has (r, "Veuillez agréer, Excellence, l'assurance de notre haute considération.\n\n"
                 "Mary Lawlor\nRapporteuse spéciale sur la situation des défenseurs des droits de "
                 "l'homme\n\nIrene Khan\nRapporteuse spéciale sur la promotion");
  assert_has (r, "\n\nAnnexe\n\nRéférences au droit international des droits de l'homme\n\n");
  assert_has (r, "(\"ICCPR\"), auquel le Tadjikistan a adhéré le 4" NBSP "janvier" NBSP "1999.");
  assert_no_english_boilerplate (r);
  g_assert_false (has_note (r, "No form of title"));
}

static void
test_spanish_sample (void)
{
  g_autoptr (RptLetter) letter = rpt_test_load_letter ("sample");
  g_autoptr (Rendered) r = NULL;

  rpt_letter_set_language (letter, "es");
  set_title_form (letter, 0, RPT_TITLE_FORM_FEMININE);
  set_title_form (letter, 1, RPT_TITLE_FORM_FEMININE);
  r = render (letter);
  assert_has (r, "Mandatos de la Relatora Especial sobre la situación de los defensores de los "
                 "derechos humanos y de la Relatora Especial sobre la promoción y protección del "
                 "derecho a la libertad de opinión y de expresión\n\nRef.: AL TJK 1/2025\n\n"
                 "(por favor, utilice esta referencia en su respuesta)\n\n23 de abril de 2025\n"
                 "\nExcelencia:\n\n");
  assert_has (r, "Tenemos el honor de dirigirnos a Usted en nuestra calidad de Relatora Especial "
                 "sobre la situación de los defensores de los derechos humanos y Relatora Especial "
                 "sobre la promoción y protección del derecho a la libertad de opinión y de "
                 "expresión, de conformidad con las resoluciones 52/4 y 52/9 del Consejo de "
                 "Derechos Humanos.");
  assert_has (r, "Anteriormente escribimos al Gobierno de su Excelencia el 12 de mayo de 2023 (AL "
                 "TJK 1/2023), el 4 de octubre de 2022 (AL TJK 3/2022) y el 13 de julio de 2022 "
                 "(AL TJK 2/2022) en relación con six");
  assert_has (r, "Agradecemos al Gobierno de su Excelencia la respuesta de fecha 15 de mayo de "
                 "2023 y lamentamos no haber recibido respuesta a las comunicaciones AL TJK 1/2023 "
                 "y AL TJK 2/2022.");
  assert_has (r, "\n\nSegún la información recibida:\n\n");
  assert_has (r, "Sin pretender prejuzgar la exactitud de estas alegaciones, we would like");
  assert_has (r, "Acepte, Excelencia, la expresión de nuestra más distinguida consideración.\n\n"
                 "Mary Lawlor\nRelatora Especial sobre la situación de los defensores de los "
                 "derechos humanos\n\nIrene Khan\nRelatora Especial sobre la promoción");
  assert_has (r, "(\"ICCPR\"), al que Tayikistán se adhirió el 4 de enero de 1999.");
  assert_no_english_boilerplate (r);
}

/* French drops the e of "de" before a title that starts with a vowel,
 * in the opening sentence as in the header line; a title starting with a
 * consonant keeps it. */
static void
test_french_elision (void)
{
  g_autoptr (RptLetter) letter = rpt_test_load_letter ("fr-UA-BFA-one-mandate.xml");
  g_autoptr (Rendered) r = NULL;

  rpt_mandate_set_key (rpt_letter_get_item (letter, RPT_PART_MANDATES, 0),
                       "ie-international-solidarity");
  r = render (letter);
  assert_has (r, "Mandat de l'Experte indépendante sur les droits de l'homme et la solidarité "
                 "internationale");
  assert_has (r, "en ma qualité d'Experte indépendante sur les droits de l'homme et la solidarité "
                 "internationale");
  assert_lacks (r, "qualité de Experte");
  assert_lacks (r, "d'Rapporteuse");
}

/* One Special Rapporteur who uses the feminine form, in French: "I"
 * sentences, "1er mai", the contracted articles, French spacing in the
 * drafter's words too. */
static void
test_french_one_mandate (void)
{
  g_autoptr (RptLetter) letter = rpt_test_load_letter ("fr-UA-BFA-one-mandate.xml");
  g_autoptr (Rendered) r = render (letter);

  assert_has (r, "Mandat de la Rapporteuse spéciale sur la situation des défenseurs des droits de "
                 "l'homme\n\nRéf." NNBSP ": UA BFA 3/2025\n\n(Veuillez utiliser cette référence "
                 "dans votre réponse)\n\n1er" NBSP "mai" NBSP "2025\n\nExcellence,\n\n");
  assert_has (r,
              "J'ai l'honneur de m'adresser à vous en ma qualité de Rapporteuse spéciale sur la "
              "situation des défenseurs des droits de l'homme, conformément à la résolution 52/4 "
              "du Conseil des droits de l'homme.");
  assert_has (r, "À cet égard, je souhaiterais attirer l'attention du Gouvernement de Votre "
                 "Excellence sur des informations que j'ai reçues concernant **l'arrestation et la "
                 "détention de M. ");
  assert_has (r,
              "J'ai écrit précédemment au Gouvernement de Votre Excellence le 12" NBSP "mars" NBSP
              "2024 (AL BFA 2/2024) concernant la situation des défenseurs des droits de "
              "l'homme dans le pays. Je remercie le Gouvernement de Votre Excellence pour la "
              "réponse en date du 2" NBSP "mai" NBSP "2024.");
  /* the drafter's words get French spacing too */
  assert_has (r, "à Ouagadougou" NNBSP ": il n'a pas été informé");
  assert_has (r, "Sans vouloir préjuger de l'exactitude de ces allégations, je suis préoccupée");
  assert_has (r, "je vous serais reconnaissante de bien vouloir me faire part de vos observations");
  assert_has (r, "après 48" NBSP "heures.");
  assert_has (r, "En outre, je souhaiterais informer le Gouvernement de Votre Excellence qu'après "
                 "avoir transmis un appel urgent au Gouvernement, le Groupe de travail sur la "
                 "détention arbitraire");
  assert_has (r, "Dans l'attente d'une réponse, je demande instamment");
  assert_has (r, "Veuillez agréer, Excellence, l'assurance de ma haute considération.\n\nMary "
                 "Lawlor\nRapporteuse spéciale sur la situation des défenseurs des droits de "
                 "l'homme\n\n");
  /* a Covenant "auquel", a Convention "à laquelle" */
  assert_has (r, "droits civils et politiques, auquel le Burkina Faso a adhéré le 4" NBSP
                 "janvier" NBSP "1999, et sur la Convention contre la torture, à laquelle le "
                 "Burkina Faso a adhéré le 4" NBSP "janvier" NBSP "1999.");
  assert_no_english_boilerplate (r);
  g_assert_false (has_note (r, "No form of title"));
}

/* Three mandates in French: a man's title, a woman's and a Working Group,
 * each with its article, the list punctuated the French way. */
static void
test_french_three_mandates (void)
{
  g_autoptr (RptLetter) letter = rpt_test_load_letter ("fr-AL-COD-three-mandates.xml");
  g_autoptr (Rendered) r = render (letter);

  assert_has (r, "Mandats du Rapporteur spécial sur la promotion et la protection du droit à la "
                 "liberté d'opinion et d'expression" NNBSP "; de la Rapporteuse spéciale sur la "
                 "situation des défenseurs des droits de l'homme et du Groupe de travail sur la "
                 "détention arbitraire\n\nRéf." NNBSP ": AL COD 5/2025\n\n");
  assert_has (r, "16" NBSP "juin" NBSP "2025\n\nExcellence,\n\n");
  assert_has (r, "Nous avons l'honneur de nous adresser à vous en notre qualité de Rapporteur "
                 "spécial sur la promotion et la protection du droit à la liberté d'opinion et "
                 "d'expression" NNBSP "; Rapporteuse spéciale sur la situation des défenseurs des "
                 "droits de l'homme et Groupe de travail sur la détention arbitraire, conformément "
                 "aux résolutions 52/9, 52/4 et 51/8 du Conseil des droits de l'homme.");
  assert_has (r, "concernant **la détention de deux journalistes, «" NNBSP "C. D." NNBSP
                 "» et E. F., à Kinshasa.**");
  assert_has (r, "Pourquoi sont-ils détenus" NNBSP "?");
  assert_has (r, "nous vous serions reconnaissants");
  assert_has (r, "Le Gouvernement est tenu de répondre séparément à la lettre d'allégation et à la "
                 "procédure ordinaire.");
  assert_has (r, "Nous pourrions exprimer publiquement nos préoccupations");
  assert_has (r, "Jean Exemple\nRapporteur spécial sur la promotion et la protection du droit à "
                 "la liberté d'opinion et d'expression\n\nMary Lawlor\nRapporteuse spéciale sur "
                 "la situation des défenseurs des droits de l'homme\n\nGanna Yudkivska\n"
                 "Présidente-Rapporteuse du Groupe de travail sur la détention arbitraire\n\n");
  /* "1er novembre", a Convention, and a gap naming the State after "de" */
  assert_has (r, "auquel la République démocratique du Congo a adhéré le 1er" NBSP "novembre" NBSP
                 "1976, sur la Convention contre la torture, à laquelle la République "
                 "démocratique du Congo a adhéré le 18" NBSP "mars" NBSP "1996, et sur la "
                 "Convention relative aux droits des personnes handicapées, [participation de la "
                 "République démocratique du Congo à CRPD" NNBSP ": aucune donnée].");
  assert_no_english_boilerplate (r);
  g_assert_true (has_note (r, "The treaty data says nothing of COD and CRPD"));
}

static void
test_spanish_one_mandate (void)
{
  g_autoptr (RptLetter) letter = rpt_test_load_letter ("es-UA-MEX-one-mandate.xml");
  g_autoptr (Rendered) r = render (letter);

  assert_has (r, "Mandato de la Relatora Especial sobre la situación de los defensores de los "
                 "derechos humanos\n\nRef.: UA MEX 4/2025\n\n(por favor, utilice esta "
                 "referencia en su respuesta)\n\n1 de mayo de 2025\n\nExcelencia:\n\n");
  assert_has (r, "Tengo el honor de dirigirme a Usted en mi calidad de Relatora Especial sobre la "
                 "situación de los defensores de los derechos humanos, de conformidad con la "
                 "resolución 52/4 del Consejo de Derechos Humanos.");
  assert_has (r, "En este sentido, quisiera señalar a la atención del Gobierno de su Excelencia la "
                 "información que he recibido en relación con **la desaparición de **G. H.**, "
                 "defensora de derechos humanos.**");
  assert_has (r, "Anteriormente escribí al Gobierno de su Excelencia el 1 de febrero de 2024 (AL "
                 "MEX 1/2024) y el 10 de septiembre de 2024 (UA MEX 6/2024). Lamento no haber "
                 "recibido respuesta a las comunicaciones AL MEX 1/2024 y UA MEX 6/2024.");
  assert_has (r, "\n\nSegún la información recibida:\n\n");
  assert_has (r, "le agradecería que me hiciera llegar sus observaciones sobre los siguientes "
                 "asuntos:");
  assert_has (r, "después de 48 horas.");
  assert_has (r, "A la espera de su respuesta, insto a que");
  assert_has (r, "Acepte, Excelencia, la expresión de mi más distinguida consideración.\n\nMary "
                 "Lawlor\nRelatora Especial sobre la situación de los defensores de los derechos "
                 "humanos\n\n");
  assert_has (r, "Derechos Civiles y Políticos, al que México se adhirió el 23 de marzo de 1981.");
  /* Spanish has no spacing before colons */
  assert_lacks (r, NNBSP);
  assert_no_english_boilerplate (r);
}

static void
test_spanish_three_mandates (void)
{
  g_autoptr (RptLetter) letter = rpt_test_load_letter ("es-AL-COL-three-mandates.xml");
  g_autoptr (Rendered) r = render (letter);

  assert_has (r,
              "Mandatos del Relator Especial sobre la promoción y protección del derecho a la "
              "libertad de opinión y de expresión; de la Relatora Especial sobre la situación de "
              "los defensores de los derechos humanos y del Grupo de Trabajo sobre la Detención "
              "Arbitraria\n\nRef.: AL COL 2/2025\n\n");
  assert_has (r, "9 de julio de 2025\n\nExcelencia:\n\n");
  assert_has (r, "Tenemos el honor de dirigirnos a Usted en nuestra calidad de Relator Especial "
                 "sobre la promoción y protección del derecho a la libertad de opinión y de "
                 "expresión; Relatora Especial sobre la situación de los defensores de los "
                 "derechos humanos y Grupo de Trabajo sobre la Detención Arbitraria, de "
                 "conformidad con las resoluciones 52/9, 52/4 y 51/8 del Consejo de Derechos "
                 "Humanos.");
  assert_has (r, "le agradeceríamos que nos hiciera llegar sus observaciones");
  assert_has (r, "El Gobierno deberá responder por separado a la carta de transmisión de denuncias "
                 "y al procedimiento ordinario.");
  assert_has (r, "Juan Ejemplo\nRelator Especial sobre la promoción y protección del derecho a la "
                 "libertad de opinión y de expresión\n\nMary Lawlor\nRelatora Especial sobre la "
                 "situación de los defensores de los derechos humanos\n\nGanna Yudkivska\n"
                 "Presidenta-Relatora del Grupo de Trabajo sobre la Detención Arbitraria\n\n");
  assert_has (r, "la Convención contra la Tortura, ratificada por Colombia el 8 de diciembre de "
                 "1987.");
  assert_no_english_boilerplate (r);
}

/* Every letter the tests have, in both languages: no English sentence
 * slips through, whatever the kind, addressee and options. */
static void
test_no_english_boilerplate (void)
{
  const char *const names[] = {
    "sample",           "UA-BLR-one-mandate.xml", "OL-KAZ-three-mandates.xml", "AL-OTH-company.xml",
    "AL-TJK-draft.xml",
  };
  const char *const languages[] = { "fr", "es" };

  for (guint i = 0; i < G_N_ELEMENTS (names); i++)
    for (guint k = 0; k < G_N_ELEMENTS (languages); k++)
      {
        g_autoptr (RptLetter) letter = rpt_test_load_letter (names[i]);
        g_autoptr (Rendered) r = NULL;

        rpt_letter_set_language (letter, languages[k]);
        rpt_letter_set_press_release (letter, TRUE);
        r = render (letter);
        assert_no_english_boilerplate (r);
      }
}

/* The form of title: not recorded (the form of UN resolutions, and a
 * note), a Working Group (one form whatever its holder's), a title that
 * elides ("de l'Experte"), a title the data lacks in the language or in
 * the feminine (a gap and a note, never the English or the masculine
 * passing for it). */
static void
test_title_forms (void)
{
  g_autoptr (RptLetter) letter = rpt_test_load_letter ("fr-AL-COD-three-mandates.xml");
  g_autoptr (Rendered) unspecified = NULL;
  g_autoptr (Rendered) expert = NULL;
  g_autoptr (Rendered) haiti = NULL;
  g_autoptr (Rendered) no_feminine = NULL;
  g_autoptr (Rendered) spanish = NULL;
  g_autofree char *dir = rpt_test_make_tmpdir ();
  g_autofree char *csv =
    g_build_filename (dir, "special_procedures_mandates_multilingual.csv", NULL);
  g_autoptr (RptReference) reference = NULL;
  g_autoptr (RptTemplate) template = rpt_template_get_default (NULL);
  RptMandate *first = rpt_letter_get_item (letter, RPT_PART_MANDATES, 0);
  RptSignatory *chair = rpt_letter_get_item (letter, RPT_PART_SIGNATORIES, 2);

  /* not recorded: the masculine form of UN resolutions, and a note */
  set_title_form (letter, 0, RPT_TITLE_FORM_UNSPECIFIED);
  /* a Working Group's holder using the feminine: the group is unaffected */
  rpt_signatory_set_title_form (chair, RPT_TITLE_FORM_FEMININE);
  unspecified = render (letter);
  assert_has (unspecified, "Mandats du Rapporteur spécial sur la promotion");
  assert_has (unspecified, "et du Groupe de travail sur la détention arbitraire\n\n");
  g_assert_true (has_note (unspecified, "No form of title is recorded for Jean Exemple"));
  g_assert_false (has_note (unspecified, "for Mary Lawlor"));

  /* an Independent Expert who uses the feminine: "de l'Experte" */
  rpt_mandate_set_key (first, "ie-international-solidarity");
  set_title_form (letter, 0, RPT_TITLE_FORM_FEMININE);
  expert = render (letter);
  assert_has (expert,
              "Mandats de l'Experte indépendante sur les droits de l'homme et la solidarité "
              "internationale" NNBSP "; de la Rapporteuse spéciale");
  rpt_letter_set_language (letter, "es");
  spanish = render (letter);
  assert_has (spanish, "Mandatos de la Experta Independiente sobre los derechos humanos y la "
                       "solidaridad internacional; de la Relatora Especial");
  rpt_letter_set_language (letter, "fr");

  /* no French title in the data: a gap with the English title, a note */
  rpt_mandate_set_key (first, "ie-haiti");
  haiti = render (letter);
  assert_has (haiti, "Mandats de la [titre manquant en français" NNBSP ": Independent Expert "
                     "appointed by the High Commissioner for monitoring the human rights situation "
                     "in Haiti]" NNBSP "; de la Rapporteuse");
  assert_lacks (haiti, "Mandats of");
  g_assert_true (has_note (haiti, "The reference data has no French title for the Independent "
                                  "Expert appointed by the High Commissioner"));

  /* no feminine form in the data (a user's table without it): a gap with
   * the masculine title, a note */
  g_assert_true (g_file_set_contents (csv,
                                      "mandate_key,title_fr_feminine\n"
                                      "sr-human-rights-defenders,\n",
                                      -1, NULL));
  reference = rpt_reference_new (dir);
  rpt_mandate_set_key (first, "sr-freedom-of-expression");
  no_feminine = render_full (template, letter, reference);
  assert_has (no_feminine, "de la [forme féminine du titre manquante" NNBSP ": Rapporteur spécial "
                           "sur la situation des défenseurs des droits de l'homme]");
  assert_lacks (no_feminine, "de la Rapporteuse spéciale sur la situation");
  g_assert_true (has_note (no_feminine, "The reference data has no feminine French title for the "
                                        "Special Rapporteur on the situation of human rights "
                                        "defenders"));
  rpt_test_rm_rf (dir);
}

/* Spanish writes "e", not "y", before the sound /i/ ("i-", "hi-"), but not
 * before "hie-" (a diphthong). */
static void
test_spanish_conjunction (void)
{
  g_autoptr (RptLetter) letter = rpt_test_load_letter ("es-AL-COL-three-mandates.xml");
  RptMandate *last = rpt_letter_get_item (letter, RPT_PART_MANDATES, 2);
  const struct
  {
    const char *title, *want;
  } cases[] = {
    { "Iniciativa Independiente sobre la Información", " e Iniciativa Independiente" },
    { "Historiadora Especial", " e Historiadora Especial" },
    { "Hierro Especial", " y Hierro Especial" },
    { "Grupo de Trabajo sobre la Detención Arbitraria", " y Grupo de Trabajo" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr (Rendered) r = NULL;

      rpt_mandate_set_key (last, NULL);
      rpt_mandate_set_title (last, cases[i].title);
      r = render (letter);
      /* the opening lists the titles without article */
      assert_has (r, cases[i].want);
    }
}

/* A company or organisation: its name after "de" follows the same
 * contraction rules as a State's ("d'Acme", "du Fonds"). */
static void
test_non_state_languages (void)
{
  g_autoptr (RptLetter) letter = rpt_test_load_letter ("AL-OTH-company.xml");
  g_autoptr (Rendered) fr = NULL;
  g_autoptr (Rendered) es = NULL;

  rpt_letter_set_language (letter, "fr");
  fr = render (letter);
  assert_has (fr, "nous souhaiterions attirer l'attention d'Acme Mining Ltd. sur des informations");
  assert_lacks (fr, "Excellence");
  assert_lacks (fr, "l'attention de Acme");

  rpt_letter_set_language (letter, "es");
  es = render (letter);
  assert_has (es, "quisiéramos señalar a la atención de Acme Mining Ltd. la información");
  assert_lacks (es, "Excelencia");
}

/* ------------------------------------------------------------------ */
/* Broken and hostile templates                                        */

static char *
template_error (const char *name)
{
  g_autofree char *xsl = rpt_test_source_path ("tests", "data", "templates", name, NULL);
  g_autoptr (GError) error = NULL;
  g_autoptr (RptTemplate) template = NULL;
  g_autoptr (RptLetter) letter = NULL;
  g_autoptr (GPtrArray) notes = g_ptr_array_new_with_free_func (g_free);
  g_autofree char *letter_xml = NULL;
  g_autofree char *out = NULL;

  template = rpt_template_new_from_files (xsl, g_getenv ("RAPPORTEUR_BOILERPLATE"), &error);
  if (template == NULL)
    {
      g_assert_nonnull (error);
      return g_strdup (error->message);
    }
  letter = rpt_test_load_letter ("sample");
  letter_xml = rpt_letter_to_xml (letter, NULL);
  out = rpt_template_render (template, letter_xml, -1, rpt_reference_get_default (), notes, NULL,
                             &error);
  g_assert_null (out);
  g_assert_nonnull (error);
  return g_strdup (error->message);
}

#define assert_error_at(message, file_line)                      \
  G_STMT_START                                                   \
  {                                                              \
    g_test_message ("%s", message);                              \
    if (strstr ((message), (file_line)) == NULL)                 \
      g_error ("“%s” does not name %s", (message), (file_line)); \
  }                                                              \
  G_STMT_END

static void
test_template_errors (void)
{
  g_autofree char *broken = template_error ("broken.xsl");
  g_autofree char *missing = template_error ("missing-template.xsl");
  g_autofree char *xpath = template_error ("bad-xpath.xsl");
  g_autofree char *include = template_error ("include.xsl");
  g_autofree char *message = template_error ("message.xsl");
  g_autofree char *xsl = rpt_test_source_path ("data", "templates", "letter.xsl", NULL);
  g_autoptr (GError) error = NULL;
  g_autoptr (RptTemplate) none = NULL;

  assert_error_at (broken, "tests/data/templates/broken.xsl:7: not well-formed");
  assert_error_at (missing, "tests/data/templates/missing-template.xsl:7");
  g_assert_nonnull (strstr (missing, "no-such-template"));
  assert_error_at (xpath, "tests/data/templates/bad-xpath.xsl:6");
  assert_error_at (include, "tests/data/templates/include.xsl:4: templates cannot include");
  g_assert_nonnull (strstr (message, "the template gives up"));

  none = rpt_template_new_from_files ("/nonexistent/letter.xsl",
                                      g_getenv ("RAPPORTEUR_BOILERPLATE"), &error);
  g_assert_error (error, RPT_ERROR, RPT_ERROR_NOT_FOUND);
  g_assert_nonnull (strstr (error->message, "/nonexistent/letter.xsl"));
  g_clear_error (&error);
  none = rpt_template_new_from_files (xsl, "/nonexistent/boilerplate.xml", &error);
  g_assert_error (error, RPT_ERROR, RPT_ERROR_NOT_FOUND);
}

static void
test_security (void)
{
  g_autofree char *dir = rpt_test_make_tmpdir ();
  g_autofree char *target = g_build_filename (dir, "stolen.xml", NULL);
  g_autofree char *src =
    rpt_test_source_path ("tests", "data", "templates", "write-file.xsl", NULL);
  g_autofree char *xsl = g_build_filename (dir, "write-file.xsl", NULL);
  g_autofree char *contents = NULL;
  g_autofree char *read_file = template_error ("read-file.xsl");
  g_autofree char *read_net = template_error ("read-network.xsl");
  g_autoptr (GError) error = NULL;
  g_autoptr (RptTemplate) template = NULL;
  g_autoptr (RptLetter) letter = rpt_test_load_letter ("sample");
  g_autofree char *letter_xml = rpt_letter_to_xml (letter, NULL);
  g_autofree char *out = NULL;
  GString *s;

  g_assert_nonnull (strstr (read_file, "read rights for /etc/passwd denied"));
  g_assert_nonnull (strstr (read_net, "denied"));

  g_assert_true (g_file_get_contents (src, &contents, NULL, NULL));
  s = g_string_new (contents);
  g_string_replace (s, "TARGET", target, 0);
  g_assert_true (g_file_set_contents (xsl, s->str, -1, NULL));
  g_string_free (s, TRUE);
  template = rpt_template_new_from_files (xsl, g_getenv ("RAPPORTEUR_BOILERPLATE"), &error);
  g_assert_no_error (error);
  out = rpt_template_render (template, letter_xml, -1, rpt_reference_get_default (), NULL, NULL,
                             &error);
  g_assert_null (out);
  g_assert_nonnull (strstr (error->message, "denied"));
  g_assert_false (g_file_test (target, G_FILE_TEST_EXISTS));
  rpt_test_rm_rf (dir);
}

/* ------------------------------------------------------------------ */
/* The document XML subset                                             */

#define DOC_START                                                                          \
  "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"                                           \
  "<office:document xmlns:office=\"urn:oasis:names:tc:opendocument:xmlns:office:1.0\"\n"   \
  " xmlns:text=\"urn:oasis:names:tc:opendocument:xmlns:text:1.0\"\n"                       \
  " office:version=\"1.3\" office:mimetype=\"application/vnd.oasis.opendocument.text\">\n" \
  "<office:body><office:text>\n"
#define DOC_END "</office:text></office:body></office:document>\n"

static void
test_subset (void)
{
  struct
  {
    const char *body;
    const char *message;
  } bad[] = {
    { "<text:p text:style-name=\"Body\">ok</text:p>\n<text:table/>\n",
      "document.xml:7: <text:table> is not allowed here" },
    { "<text:p text:style-name=\"Fancy\">x</text:p>\n", "document.xml:6: <text:p> has the style "
                                                        "“Fancy”" },
    { "<text:p text:style-name=\"Body\"><text:span text:style-name=\"Underline\">x</text:span>"
      "</text:p>\n",
      "document.xml:6: <text:span> has the style “Underline”" },
    { "<text:p text:style-name=\"Body\" text:class-names=\"x\">x</text:p>\n",
      "cannot have the attribute class-names" },
    { "<text:h text:style-name=\"AnnexHeading\">Annex</text:h>\n", "needs a text:outline-level" },
    { "<text:list text:style-name=\"Questions\"><text:list-item><text:p "
      "text:style-name=\"Question\">a</text:p><text:p text:style-name=\"Question\">b</text:p>"
      "</text:list-item></text:list>\n",
      "document.xml:6: <text:p> is not allowed here" },
    { "<text:p text:style-name=\"Body\"><text:note text:note-class=\"endnote\"/></text:p>\n",
      "only footnotes" },
    { "<text:p text:style-name=\"Body\"><text:s text:c=\"0\"/></text:p>\n",
      "text:c must be a positive number" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (bad); i++)
    {
      g_autofree char *doc = g_strconcat (DOC_START, bad[i].body, DOC_END, NULL);
      g_autoptr (GError) error = NULL;
      xmlDoc *parsed = rpt_document_xml_read (doc, -1, NULL, &error);

      g_assert_null (parsed);
      g_assert_error (error, RPT_ERROR, RPT_ERROR_SCHEMA);
      if (strstr (error->message, bad[i].message) == NULL)
        g_error ("“%s” does not say “%s”", error->message, bad[i].message);
    }

  {
    g_autoptr (GError) error = NULL;
    g_assert_null (
      rpt_document_xml_read ("<!DOCTYPE x [<!ENTITY a \"b\">]><x/>", -1, "d.xml", &error));
    g_assert_error (error, RPT_ERROR, RPT_ERROR_UNSAFE);
  }
}

/* ------------------------------------------------------------------ */
/* Threads                                                             */

static gpointer
render_thread (gpointer data)
{
  RptTemplate *template = data;
  g_autoptr (RptLetter) letter = rpt_test_load_letter ("sample");
  g_autofree char *letter_xml = rpt_letter_to_xml (letter, NULL);
  g_autoptr (GError) error = NULL;
  char *out = NULL;

  for (guint i = 0; i < 5; i++)
    {
      g_free (out);
      out = rpt_template_render (template, letter_xml, -1, rpt_reference_get_default (), NULL, NULL,
                                 &error);
      g_assert_no_error (error);
    }
  return out;
}

/* One compiled template renders in several threads at once. */
static void
test_threads (void)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (RptTemplate) template = rpt_template_get_default (&error);
  GThread *threads[4];
  char *outs[4];

  for (guint i = 0; i < G_N_ELEMENTS (threads); i++)
    threads[i] = g_thread_new ("render", render_thread, template);
  for (guint i = 0; i < G_N_ELEMENTS (threads); i++)
    outs[i] = g_thread_join (threads[i]);
  for (guint i = 1; i < G_N_ELEMENTS (threads); i++)
    g_assert_cmpstr (outs[i], ==, outs[0]);
  for (guint i = 0; i < G_N_ELEMENTS (threads); i++)
    g_free (outs[i]);
}

int
main (int argc, char **argv)
{
  rpt_test_init (&argc, &argv);

  g_test_add_func ("/template/sample", test_sample);
  g_test_add_func ("/template/urgent-appeal", test_urgent_appeal);
  g_test_add_func ("/template/legislation", test_legislation);
  g_test_add_func ("/template/non-state", test_non_state);
  g_test_add_func ("/template/draft", test_draft);
  g_test_add_func ("/template/empty", test_empty);
  g_test_add_func ("/template/previous-communications", test_previous_communications);
  g_test_add_func ("/template/previous-communications-wording",
                   test_previous_communications_wording);
  g_test_add_func ("/template/communications-place", test_communications_place);
  g_test_add_func ("/template/summary-article", test_summary_article);
  g_test_add_func ("/template/facts-lead", test_facts_lead);
  g_test_add_func ("/template/co-senders", test_co_senders);
  g_test_add_func ("/template/country-names", test_country_names);
  g_test_add_func ("/template/house-style-editions", test_house_style_editions);
  g_test_add_func ("/template/house-style-every-edition", test_house_style_every_edition);
  g_test_add_func ("/template/house-style-data", test_house_style_data);
  g_test_add_func ("/template/one-mandate", test_one_mandate);
  g_test_add_func ("/template/three-mandates", test_three_mandates);
  g_test_add_func ("/template/own-titles", test_own_titles_and_resolutions);
  g_test_add_func ("/template/resolution-gaps", test_resolution_gaps);
  g_test_add_func ("/template/dated-titles", test_dated_titles);
  g_test_add_func ("/template/closing-options", test_closing_options);
  g_test_add_func ("/template/whitespace-and-inline", test_whitespace_and_inline);
  g_test_add_func ("/template/translation", test_translation);
  g_test_add_func ("/template/french-sample", test_french_sample);
  g_test_add_func ("/template/spanish-sample", test_spanish_sample);
  g_test_add_func ("/template/french-one-mandate", test_french_one_mandate);
  g_test_add_func ("/template/french-elision", test_french_elision);
  g_test_add_func ("/template/french-three-mandates", test_french_three_mandates);
  g_test_add_func ("/template/spanish-one-mandate", test_spanish_one_mandate);
  g_test_add_func ("/template/spanish-three-mandates", test_spanish_three_mandates);
  g_test_add_func ("/template/no-english-boilerplate", test_no_english_boilerplate);
  g_test_add_func ("/template/title-forms", test_title_forms);
  g_test_add_func ("/template/spanish-conjunction", test_spanish_conjunction);
  g_test_add_func ("/template/non-state-languages", test_non_state_languages);
  g_test_add_func ("/template/no-catalogue", test_no_catalogue);
  g_test_add_func ("/template/errors", test_template_errors);
  g_test_add_func ("/template/security", test_security);
  g_test_add_func ("/template/subset", test_subset);
  g_test_add_func ("/template/threads", test_threads);

  return g_test_run ();
}
