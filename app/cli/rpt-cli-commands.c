/* rpt-cli-commands.c
 *
 * Copyright 2026 The Rapporteur authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "rapporteur-cli"

#include <glib/gi18n.h>
#include <stdio.h>

#include "rpt-cli.h"

/* --- new ------------------------------------------------------------ */

int
rpt_cli_new (int argc, char **argv)
{
  g_autofree char *kind_code = NULL;
  g_autofree char *country = NULL;
  g_autofree char *language = NULL;
  g_autofree char *edition = NULL;
  g_autoptr (RptLetter) letter = NULL;
  g_autoptr (RptStore) store = NULL;
  g_autoptr (GError) error = NULL;
  RptLetterKind kind;
  int status;
  const GOptionEntry entries[] = {
    { "kind", 'k', 0, G_OPTION_ARG_STRING, &kind_code, N_ ("AL, UA or OL"), "KIND" },
    { "country", 'c', 0, G_OPTION_ARG_STRING, &country,
      N_ ("ISO 3166-1 alpha-3 code of the State, or OTH for a company or organisation"), "CODE" },
    { "language", 'l', 0, G_OPTION_ARG_STRING, &language, N_ ("en, fr or es (default en)"),
      "LANG" },
    { "house-style", 's', 0, G_OPTION_ARG_STRING, &edition,
      N_ ("The edition of the house style the letter follows (see “rapporteur-cli editions”; "
          "default: the newest)"),
      "EDITION" },
    { NULL }
  };

  status = rpt_cli_parse ("new", entries, &argc, &argv, "OUT.rapporteur",
                          _ ("Create a new, empty letter."));
  if (status >= 0)
    return status;
  if (argc != 2)
    return rpt_cli_usage (_ ("new needs one output file"));
  if (kind_code == NULL || !rpt_letter_kind_from_code (kind_code, &kind))
    return rpt_cli_usage (_ ("--kind must be AL, UA or OL"));
  if (country == NULL)
    return rpt_cli_usage (_ ("--country is required (an ISO 3166-1 alpha-3 code, or OTH)"));
  {
    char *upper = g_ascii_strup (country, -1);
    g_free (country);
    country = upper;
  }
  if (!rpt_country_code_is_valid (country))
    return rpt_cli_usage (_ ("“%s” is not an ISO 3166-1 alpha-3 code"), country);
  if (language != NULL && !rpt_language_is_supported (language))
    return rpt_cli_usage (_ ("--language must be en, fr or es"));
  if (edition != NULL &&
      rpt_house_style_lookup_edition (rpt_house_style_get_default (), edition) == NULL)
    return rpt_cli_usage (_ ("“%s” is not an edition of the house style (rapporteur-cli editions "
                             "lists them)"),
                          edition);

  letter = rpt_letter_new ();
  rpt_letter_set_house_style (letter, edition);
  rpt_letter_set_kind (letter, kind);
  rpt_letter_set_country (letter, country);
  if (language != NULL)
    rpt_letter_set_language (letter, language);

  store = rpt_store_create (argv[1], letter, &error);
  if (store == NULL)
    return rpt_cli_fail (error);
  return RPT_CLI_EXIT_OK;
}

/* --- import --------------------------------------------------------- */

int
rpt_cli_import (int argc, char **argv)
{
  g_autoptr (RptLetter) letter = NULL;
  g_autoptr (RptStore) store = NULL;
  g_autoptr (GError) error = NULL;
  int status;

  status = rpt_cli_parse ("import", NULL, &argc, &argv, "IN.xml OUT.rapporteur",
                          _ ("Create a document from a letter in letter XML."));
  if (status >= 0)
    return status;
  if (argc != 3)
    return rpt_cli_usage (_ ("import needs an input file and an output file"));

  letter = rpt_letter_new_from_xml_file (argv[1], &error);
  if (letter == NULL)
    return rpt_cli_fail (error);
  store = rpt_store_create (argv[2], letter, &error);
  if (store == NULL)
    return rpt_cli_fail (error);
  return RPT_CLI_EXIT_OK;
}

/* --- export --------------------------------------------------------- */

/* Notes go to stderr, so that "-o -" output stays clean. */
static void
print_notes (RptExport *export)
{
  const char *const *notes = rpt_export_get_notes (export);

  for (guint i = 0; notes[i] != NULL; i++)
    /* Translators: something a drafter should check in an exported letter */
    fprintf (stderr, _ ("rapporteur-cli: note: %s\n"), notes[i]);
}

/* Lays out document XML and renders it as PDF; warnings (a missing font,
 * characters without a glyph) go to stderr and do not fail the export. */
static int
export_document_pdf (RptDocument *document, const char *author, const char *output)
{
  g_autoptr (GPtrArray) warnings = g_ptr_array_new_with_free_func (g_free);
  g_autoptr (GBytes) pdf = NULL;
  g_autoptr (GError) error = NULL;
  RptPdfOptions options = { author != NULL ? author : g_get_real_name (), NULL };
  gsize length;
  const char *data;

  pdf = rpt_render_document_pdf (document, &options, warnings, &error);
  if (pdf == NULL)
    return rpt_cli_fail (error);
  for (guint i = 0; i < warnings->len; i++)
    /* Translators: a warning printed by the command line; %s is the message */
    fprintf (stderr, _ ("rapporteur-cli: warning: %s\n"), (char *) g_ptr_array_index (warnings, i));
  data = g_bytes_get_data (pdf, &length);
  if (!rpt_cli_write_output (output, data, length, &error))
    return rpt_cli_fail (error);
  return RPT_CLI_EXIT_OK;
}

int
rpt_cli_export (int argc, char **argv)
{
  g_autofree char *format = NULL;
  g_autofree char *output = NULL;
  g_autofree char *author = NULL;
  g_autofree char *language = NULL;
  g_autofree char *version_text = NULL;
  g_autoptr (RptLetter) letter = NULL;
  g_autoptr (RptExport) export = NULL;
  g_autoptr (GBytes) bytes = NULL;
  g_autoptr (GError) error = NULL;
  RptExportFormat export_format;
  gboolean quiet = FALSE;
  gboolean with_comments = FALSE;
  guint version = 0;
  int status;
  const GOptionEntry entries[] = {
    { "format", 'f', 0, G_OPTION_ARG_STRING, &format,
      N_ ("Output format: odt, pdf, xml (letter XML, the default) or document-xml (what the "
          "templates make)"),
      "FORMAT" },
    { "output", 'o', 0, G_OPTION_ARG_FILENAME, &output,
      N_ ("Output file, or - for standard output"), "OUT" },
    { "version", 'V', 0, G_OPTION_ARG_STRING, &version_text,
      N_ ("Export named version N instead of the working state"), "N" },
    { "author", 'a', 0, G_OPTION_ARG_STRING, &author,
      N_ ("Author recorded in an ODT or PDF (default: your name)"), "NAME" },
    { "quiet", 'q', 0, G_OPTION_ARG_NONE, &quiet,
      N_ ("Do not print notes on unverified data and gaps in the letter"), NULL },
    { "language", 'l', 0, G_OPTION_ARG_STRING, &language,
      N_ ("Write the letter in this language (en, fr or es) for this export only; the "
          "document keeps its own"),
      "LANG" },
    { "comments", 0, 0, G_OPTION_ARG_NONE, &with_comments,
      N_ ("Put the document’s open comments into an ODT as annotations, for reviewers who "
          "use LibreOffice"),
      NULL },
    { NULL }
  };

  status = rpt_cli_parse ("export", entries, &argc, &argv, "IN",
                          _ ("Export a letter. IN is a .rapporteur document or a letter .xml; "
                             "for PDF it may also be document XML (office:document)."));
  if (status >= 0)
    return status;
  if (argc != 2)
    return rpt_cli_usage (_ ("export needs one input file"));
  if (output == NULL)
    return rpt_cli_usage (_ ("export needs an output file (-o OUT, or -o - for standard output)"));
  if (!rpt_export_format_from_string (format != NULL ? format : "xml", &export_format))
    return rpt_cli_usage (_ ("“%s” is not an export format (odt, pdf, xml, document-xml)"), format);
  if ((status = rpt_cli_parse_version (version_text, &version)) >= 0)
    return status;
  if (language != NULL && !rpt_language_is_supported (language))
    return rpt_cli_usage (_ ("--language must be en, fr or es"));
  if (with_comments && export_format != RPT_EXPORT_FORMAT_ODT)
    return rpt_cli_usage (_ ("--comments needs --format odt"));
  if (with_comments && rpt_cli_input_is_xml (argv[1]))
    return rpt_cli_usage (_ ("--comments needs a .rapporteur document; %s is letter XML"), argv[1]);

  /* XML (a file, a pipe, standard input) is read once, within the input
   * limit; for PDF it may be document XML, what the templates made. */
  if (rpt_cli_input_is_xml (argv[1]) ||
      (export_format == RPT_EXPORT_FORMAT_PDF && !rpt_store_file_is_document (argv[1])))
    {
      g_autofree char *data = NULL;
      gsize length = 0;

      if (!rpt_file_read_bounded (argv[1], RPT_FILE_INPUT_MAX_SIZE, &data, &length, &error))
        return rpt_cli_fail (error);
      if (export_format == RPT_EXPORT_FORMAT_PDF && rpt_document_sniff (data, MIN (length, 4096)))
        {
          g_autoptr (RptDocument) document = NULL;

          if (version != 0)
            return rpt_cli_usage (_ ("--version needs a .rapporteur document"));
          if (language != NULL)
            return rpt_cli_usage (_ ("--language needs a letter, not document XML"));
          document = rpt_document_new_from_data (data, (gssize) length, argv[1], &error);
          if (document == NULL)
            return rpt_cli_fail (error);
          return export_document_pdf (document, author, output);
        }
      if (rpt_cli_input_is_xml (argv[1]))
        {
          if (version != 0)
            return rpt_cli_usage (_ ("--version needs a .rapporteur document; %s is letter XML"),
                                  argv[1]);
          letter = rpt_letter_new_from_xml (data, (gssize) length, argv[1], &error);
        }
    }
  if (letter == NULL && error == NULL)
    letter = rpt_cli_open_letter (argv[1], version, &error);
  if (letter == NULL)
    return rpt_cli_fail (error);
  /* The letter in memory only: the document is opened read-only. */
  if (language != NULL)
    rpt_letter_set_language (letter, language);

  export = rpt_export_new (letter);
  rpt_export_set_creator (export, author);
  if (with_comments)
    {
      g_autoptr (RptStore) store = rpt_store_open (argv[1], RPT_STORE_OPEN_READ_ONLY, &error);
      g_autoptr (GListStore) comments = store != NULL ? rpt_comments_load (store, &error) : NULL;

      if (comments == NULL)
        return rpt_cli_fail (error);
      rpt_export_set_comments (export, G_LIST_MODEL (comments));
    }
  bytes = rpt_export_run (export, export_format, &error);
  if (bytes == NULL)
    return rpt_cli_fail (error);
  if (!rpt_cli_write_output (output, g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes),
                             &error))
    return rpt_cli_fail (error);
  if (!quiet)
    print_notes (export);
  return RPT_CLI_EXIT_OK;
}

/* --- show ----------------------------------------------------------- */

static const char *
kind_name (RptLetterKind kind)
{
  switch (kind)
    {
    case RPT_LETTER_KIND_AL:
      return _ ("Allegation letter");
    case RPT_LETTER_KIND_UA:
      return _ ("Urgent appeal");
    case RPT_LETTER_KIND_OL:
      return _ ("Letter on legislation and policy");
    default:
      g_return_val_if_reached ("?");
    }
}

static const char *
yes_no (gboolean value)
{
  return value ? _ ("yes") : _ ("no");
}

static void
print_wrapped (const char *label, const char *markup)
{
  g_autofree char *plain = rpt_markup_to_plain (markup);

  /* Translators: a field of the letter and its value */
  printf (_ ("%s: %s\n"), label, plain[0] != '\0' ? plain : _ ("(none)"));
}

static void
print_paragraph_count (RptLetter *letter, RptPart part, const char *label)
{
  guint n = rpt_letter_get_n_items (letter, part);

  /* Translators: a part of the letter and how many paragraphs it has */
  printf (_ ("%s: %u\n"), label, n);
  for (guint i = 0; i < n; i++)
    {
      RptParagraph *p = rpt_letter_get_item (letter, part, i);
      g_autofree char *plain = rpt_markup_to_plain (rpt_paragraph_get_text (p));
      g_autofree char *start = g_utf8_substring (plain, 0, MIN (g_utf8_strlen (plain, -1), 72));
      printf ("  %u. %s%s\n", i + 1, start, g_utf8_strlen (plain, -1) > 72 ? "…" : "");
    }
}

static void
print_house_style (RptLetter *letter)
{
  RptHouseStyle *style = rpt_house_style_get_default ();
  const char *id = rpt_letter_get_house_style (letter);
  const RptHouseStyleEdition *edition = rpt_house_style_lookup_edition (style, id);

  if (edition != NULL)
    /* Translators: the house style edition a letter follows: its id and name */
    printf (_ ("House style: edition %s (%s)\n"), edition->id, edition->name);
  else if (id != NULL)
    printf (_ ("House style: edition %s, unknown here: the newest (%s) is used\n"), id,
            rpt_house_style_get_newest (style)->name);
  else
    printf (_ ("House style: the newest edition (%s)\n"), rpt_house_style_get_newest (style)->name);
}

/* --- editions ------------------------------------------------------- */

int
rpt_cli_editions (int argc, char **argv)
{
  RptHouseStyle *style = rpt_house_style_get_default ();
  g_autoptr (GPtrArray) editions = NULL;
  const RptHouseStyleEdition *newest;
  int status;

  status = rpt_cli_parse ("editions", NULL, &argc, &argv, "",
                          _ ("List the editions of the house style: the wording letters used in "
                             "different years. A letter follows the one it names, or the newest."));
  if (status >= 0)
    return status;
  if (argc != 1)
    return rpt_cli_usage (_ ("editions takes no file"));
  editions = rpt_house_style_list_editions (style);
  newest = rpt_house_style_get_newest (style);
  for (guint i = 0; i < editions->len; i++)
    {
      const RptHouseStyleEdition *e = editions->pdata[i];

      printf ("%s\t%s%s\n", e->id, e->name, e == newest ? _ (" (the newest)") : "");
      if (e->description[0] != '\0')
        printf ("\t%s\n", e->description);
    }
  return RPT_CLI_EXIT_OK;
}

static void
print_summary_article (RptLetter *letter)
{
  switch (rpt_letter_get_summary_article (letter))
    {
    case RPT_SUMMARY_ARTICLE_NONE:
      printf (_ ("Before the subject: no article\n"));
      break;
    case RPT_SUMMARY_ARTICLE_OWN:
      printf (_ ("Before the subject: “%s”\n"), rpt_letter_get_summary_article_text (letter) != NULL
                                                  ? rpt_letter_get_summary_article_text (letter)
                                                  : "");
      break;
    case RPT_SUMMARY_ARTICLE_USUAL:
    default:
      break;
    }
}

static void
print_reply (RptCommunication *c, const char *reply)
{
  switch (rpt_communication_get_effective_reply (c))
    {
    case RPT_REPLY_RECEIVED:
      if (reply != NULL)
        printf (_ ("reply of %s\n"), reply);
      else
        printf (_ ("reply received (no date)\n"));
      break;
    case RPT_REPLY_PARTIAL:
      if (reply != NULL)
        printf (_ ("reply of %s that leaves concerns\n"), reply);
      else
        printf (_ ("reply that leaves concerns (no date)\n"));
      break;
    case RPT_REPLY_UNMENTIONED:
      printf (_ ("reply not mentioned\n"));
      break;
    case RPT_REPLY_NOT_RECEIVED:
    case RPT_REPLY_AUTO:
    default:
      printf (_ ("no reply\n"));
      break;
    }
}

static const char *
communications_place_name (RptCommunicationsPlace place)
{
  switch (place)
    {
    case RPT_COMMUNICATIONS_PLACE_AFTER_SUBJECT:
      return _ ("after the subject");
    case RPT_COMMUNICATIONS_PLACE_AFTER_FACTS:
      return _ ("after the facts");
    case RPT_COMMUNICATIONS_PLACE_AFTER_CONCERNS:
      return _ ("after the concerns");
    case RPT_COMMUNICATIONS_PLACE_AFTER_PROFILE:
    default:
      return _ ("after the profile");
    }
}

int
rpt_cli_show (int argc, char **argv)
{
  g_autoptr (RptLetter) letter = NULL;
  g_autoptr (GError) error = NULL;
  g_autofree char *reference = NULL;
  g_autofree char *version_text = NULL;
  guint version = 0;
  int status;
  guint n;
  const GOptionEntry entries[] = { { "version", 'V', 0, G_OPTION_ARG_STRING, &version_text,
                                     N_ ("Show named version N instead of the working state"),
                                     "N" },
                                   { NULL } };

  status = rpt_cli_parse ("show", entries, &argc, &argv, "IN",
                          _ ("Print a readable summary of a letter."));
  if (status >= 0)
    return status;
  if (argc != 2)
    return rpt_cli_usage (_ ("show needs one input file"));
  if ((status = rpt_cli_parse_version (version_text, &version)) >= 0)
    return status;

  letter = rpt_cli_open_letter (argv[1], version, &error);
  if (letter == NULL)
    return rpt_cli_fail (error);

  reference = rpt_letter_dup_reference (letter);
  printf ("%s %s\n", kind_name (rpt_letter_get_kind (letter)),
          reference != NULL ? reference : _ ("(no reference yet)"));
  if (rpt_letter_is_to_state (letter))
    {
      /* the State as the letter names it (UN terminology) */
      g_autofree char *name = rpt_reference_dup_country_name (
        rpt_reference_get_default (), rpt_letter_get_country (letter), "en");
      if (name != NULL)
        /* Translators: the State's name as letters write it, then its code */
        printf (_ ("Addressee: the Government of %s (%s)\n"), name,
                rpt_letter_get_country (letter));
      else
        printf (_ ("Addressee: the Government of %s\n"), rpt_letter_get_country (letter));
    }
  else if (rpt_letter_get_country (letter) != NULL)
    printf (_ ("Addressee: %s (not a State)\n"), rpt_letter_get_addressee_name (letter) != NULL
                                                   ? rpt_letter_get_addressee_name (letter)
                                                   : _ ("(no name)"));
  else
    printf (_ ("Addressee: (not chosen)\n"));
  printf (_ ("Date: %s\n"),
          rpt_letter_get_date (letter) != NULL ? rpt_letter_get_date (letter) : _ ("(none)"));
  printf (_ ("Language: %s\n"), rpt_letter_get_language (letter));
  print_house_style (letter);

  n = rpt_letter_get_n_items (letter, RPT_PART_MANDATES);
  printf (_ ("Mandates: %u\n"), n);
  {
    RptReference *data = rpt_reference_get_default ();
    g_autofree char *date = rpt_letter_dup_effective_date (letter);

    for (guint i = 0; i < n; i++)
      {
        RptMandate *m = rpt_letter_get_item (letter, RPT_PART_MANDATES, i);
        const char *const *res = rpt_mandate_get_resolutions (m);
        g_autofree char *res_str = res != NULL ? g_strjoinv (", ", (char **) res) : NULL;
        const char *title = rpt_mandate_get_title (m);
        const char *key = rpt_mandate_get_key (m);

        /* the title and resolution of the letter's date, as the letter
         * names them */
        if (title == NULL && key != NULL)
          title = rpt_reference_lookup_title_at (data, key, "en", RPT_TITLE_FORM_UNSPECIFIED, date,
                                                 NULL, NULL);
        if (res_str == NULL && key != NULL)
          {
            g_autoptr (GPtrArray) found = rpt_reference_find_resolutions_at (data, key, date, NULL);
            g_autoptr (GStrvBuilder) numbers = g_strv_builder_new ();
            g_auto (GStrv) v = NULL;

            for (guint k = 0; k < found->len; k++)
              g_strv_builder_add (numbers, ((const RptResolutionInfo *) found->pdata[k])->number);
            v = g_strv_builder_end (numbers);
            if (v[0] != NULL)
              res_str = g_strjoinv (", ", v);
          }
        printf ("  %u. %s", i + 1, title != NULL ? title : (key != NULL ? key : "?"));
        if (res_str != NULL)
          printf (" (%s)", res_str);
        else
          /* Translators: after a mandate in "show": the letter shows a gap */
          printf (_ (" (no resolution known on %s)"), date);
        printf ("\n");
      }
  }

  n = rpt_letter_get_n_items (letter, RPT_PART_SIGNATORIES);
  printf (_ ("Signatories: %u\n"), n);
  for (guint i = 0; i < n; i++)
    {
      RptSignatory *s = rpt_letter_get_item (letter, RPT_PART_SIGNATORIES, i);
      const char *form = NULL;

      if (rpt_signatory_get_title_form (s) == RPT_TITLE_FORM_FEMININE)
        /* Translators: after a signatory's name in "show" */
        form = _ ("feminine form of title");
      else if (rpt_signatory_get_title_form (s) == RPT_TITLE_FORM_MASCULINE)
        form = _ ("masculine form of title");
      printf ("  %u. %s", i + 1,
              rpt_signatory_get_name (s) != NULL ? rpt_signatory_get_name (s) : _ ("(no name)"));
      if (form != NULL)
        printf (" (%s)", form);
      printf ("\n");
    }

  if (rpt_letter_get_co_senders (letter)[0] != '\0')
    print_wrapped (_ ("Co-senders outside the Special Procedures"),
                   rpt_letter_get_co_senders (letter));
  print_summary_article (letter);
  print_wrapped (_ ("Summary"), rpt_letter_get_summary (letter));

  n = rpt_letter_get_n_items (letter, RPT_PART_PERSONS);
  printf (_ ("Persons concerned: %u\n"), n);
  for (guint i = 0; i < n; i++)
    {
      RptPerson *p = rpt_letter_get_item (letter, RPT_PART_PERSONS, i);
      g_autoptr (GString) line = g_string_new (NULL);

      if (rpt_person_get_honorific (p) != NULL)
        g_string_append_printf (line, "%s ", rpt_person_get_honorific (p));
      g_string_append (line, rpt_person_get_name (p) != NULL ? rpt_person_get_name (p)
                                                             : _ ("(anonymous)"));
      if (rpt_person_get_age (p) >= 0)
        g_string_append_printf (line, _ (", %d years old"), rpt_person_get_age (p));
      if (rpt_person_get_occupation (p) != NULL)
        g_string_append_printf (line, ", %s", rpt_person_get_occupation (p));
      if (rpt_person_get_defender (p))
        g_string_append_printf (line, ", %s", _ ("human rights defender"));
      if (rpt_person_get_deprived_of_liberty (p))
        g_string_append_printf (line, ", %s", _ ("deprived of liberty"));
      printf ("  %u. %s\n", i + 1, line->str);
    }

  n = rpt_letter_get_n_items (letter, RPT_PART_COMMUNICATIONS);
  printf (_ ("Previous communications: %u\n"), n);
  for (guint i = 0; i < n; i++)
    {
      RptCommunication *c = rpt_letter_get_item (letter, RPT_PART_COMMUNICATIONS, i);
      const char *reply = rpt_communication_get_reply_date (c);
      printf ("  %u. %s, %s; ", i + 1,
              rpt_communication_get_reference (c) != NULL ? rpt_communication_get_reference (c)
                                                          : "?",
              rpt_communication_get_date (c) != NULL ? rpt_communication_get_date (c) : "?");
      print_reply (c, reply);
      if (rpt_communication_get_sender (c) == RPT_COMMUNICATION_SENDER_OTHERS)
        printf (_ ("     sent by %s\n"), rpt_communication_get_senders (c) != NULL
                                           ? rpt_communication_get_senders (c)
                                           : _ ("other special procedures mandate holders"));
      if (rpt_communication_get_sentence (c)[0] != '\0')
        {
          g_autofree char *plain = rpt_markup_to_plain (rpt_communication_get_sentence (c));
          /* Translators: the drafter's own sentence on an earlier letter */
          printf (_ ("     own sentence: %s\n"), plain);
        }
    }
  if (n > 0 || rpt_letter_get_communications_about (letter)[0] != '\0')
    printf (_ ("Earlier letters stand %s\n"),
            communications_place_name (rpt_letter_get_communications_place (letter)));

  print_paragraph_count (letter, RPT_PART_PROFILE, _ ("Profile paragraphs"));
  print_paragraph_count (letter, RPT_PART_FACTS, _ ("Facts"));
  if (rpt_letter_get_facts_lead (letter) == RPT_FACTS_LEAD_NEW_INFORMATION)
    printf (_ ("  (they open “According to the new information received:”)\n"));
  print_paragraph_count (letter, RPT_PART_CONCERNS, _ ("Concerns"));
  print_paragraph_count (letter, RPT_PART_QUESTIONS, _ ("Questions"));
  print_paragraph_count (letter, RPT_PART_ANNEX, _ ("Legal annex paragraphs"));

  printf (_ ("Closing: press release %s; Working Group on Arbitrary Detention paragraph %s; "
             "interim measures %s\n"),
          yes_no (rpt_letter_get_press_release (letter)),
          rpt_letter_get_wgad (letter) == RPT_WGAD_AUTO
            ? (rpt_letter_has_person_deprived_of_liberty (letter)
                 ? _ ("yes (a person is deprived of liberty)")
                 : _ ("no (no one is deprived of liberty)"))
            : yes_no (rpt_letter_get_wgad (letter) == RPT_WGAD_YES),
          yes_no (rpt_letter_get_interim_measures (letter)));
  return RPT_CLI_EXIT_OK;
}

/* --- version -------------------------------------------------------- */

static int
version_save (int argc, char **argv)
{
  g_autofree char *message = NULL;
  g_autofree char *author = NULL;
  g_autoptr (RptStore) store = NULL;
  g_autoptr (RptLetter) letter = NULL;
  g_autoptr (GError) error = NULL;
  guint number;
  int status;
  const GOptionEntry entries[] = { { "message", 'm', 0, G_OPTION_ARG_STRING, &message,
                                     N_ ("Why this version is kept"), "MESSAGE" },
                                   { "author", 'a', 0, G_OPTION_ARG_STRING, &author,
                                     N_ ("Who keeps it (default: your name)"), "NAME" },
                                   { NULL } };

  status = rpt_cli_parse ("version save", entries, &argc, &argv, "IN.rapporteur",
                          _ ("Keep the working state as a named version."));
  if (status >= 0)
    return status;
  if (argc != 2)
    return rpt_cli_usage (_ ("version save needs one document"));
  if (message == NULL || message[0] == '\0')
    return rpt_cli_usage (_ ("version save needs a message (-m MESSAGE)"));
  if (author == NULL)
    author = g_strdup (g_get_real_name ());

  store = rpt_store_open (argv[1], RPT_STORE_OPEN_READ_WRITE, &error);
  if (store == NULL || (letter = rpt_store_load (store, &error)) == NULL)
    return rpt_cli_fail (error);
  number = rpt_store_save_version (store, letter, author, message, &error);
  if (number == 0)
    return rpt_cli_fail (error);
  printf (_ ("Saved version %u\n"), number);
  return RPT_CLI_EXIT_OK;
}

static int
version_list (int argc, char **argv)
{
  g_autoptr (RptStore) store = NULL;
  g_autoptr (GListModel) versions = NULL;
  g_autoptr (GError) error = NULL;
  int status;
  guint n;

  status = rpt_cli_parse ("version list", NULL, &argc, &argv, "IN.rapporteur",
                          _ ("List the named versions of a document."));
  if (status >= 0)
    return status;
  if (argc != 2)
    return rpt_cli_usage (_ ("version list needs one document"));

  store = rpt_store_open (argv[1], RPT_STORE_OPEN_READ_ONLY, &error);
  if (store == NULL || (versions = rpt_store_list_versions (store, &error)) == NULL)
    return rpt_cli_fail (error);
  n = g_list_model_get_n_items (versions);
  if (n == 0)
    printf (_ ("No versions yet\n"));
  for (guint i = 0; i < n; i++)
    {
      g_autoptr (RptVersion) v = g_list_model_get_item (versions, i);
      g_autoptr (GDateTime) local = g_date_time_to_local (rpt_version_get_created (v));
      g_autofree char *when = g_date_time_format (local, "%Y-%m-%d %H:%M");
      /* Translators: version number, time, author and message of a saved version */
      printf (_ ("%u\t%s\t%s\t%s\n"), rpt_version_get_number (v), when, rpt_version_get_author (v),
              rpt_version_get_message (v));
    }
  return RPT_CLI_EXIT_OK;
}

static int
version_restore (int argc, char **argv)
{
  g_autofree char *author = NULL;
  g_autoptr (RptStore) store = NULL;
  g_autoptr (RptLetter) letter = NULL;
  g_autoptr (GError) error = NULL;
  guint number = 0;
  guint backup = 0;
  guint restored;
  int status;
  const GOptionEntry entries[] = { { "author", 'a', 0, G_OPTION_ARG_STRING, &author,
                                     N_ ("Who restores it (default: your name)"), "NAME" },
                                   { NULL } };

  status = rpt_cli_parse ("version restore", entries, &argc, &argv, "IN.rapporteur N",
                          _ ("Make a named version the working state, kept as a new version. "
                             "The working state is kept as a version first unless a version "
                             "already holds it."));
  if (status >= 0)
    return status;
  if (argc != 3)
    return rpt_cli_usage (_ ("version restore needs a document and a version number"));
  if ((status = rpt_cli_parse_version (argv[2], &number)) >= 0)
    return status;
  if (author == NULL)
    author = g_strdup (g_get_real_name ());

  store = rpt_store_open (argv[1], RPT_STORE_OPEN_READ_WRITE, &error);
  if (store == NULL)
    return rpt_cli_fail (error);
  letter = rpt_store_restore_version (store, number, author, &backup, &error);
  if (letter == NULL)
    return rpt_cli_fail (error);
  /* Restoring is itself a version, as in the application: history only
   * ever grows. */
  {
    /* Translators: the message of the version a restore makes */
    g_autofree char *message = g_strdup_printf (_ ("Restored version %u"), (guint) number);
    restored = rpt_store_save_version (store, letter, author, message, &error);
    if (restored == 0)
      return rpt_cli_fail (error);
  }
  if (backup != 0)
    printf (_ ("Restored version %u as version %u; the previous working state is version %u\n"),
            number, restored, backup);
  else
    printf (_ ("Restored version %u as version %u\n"), number, restored);
  return RPT_CLI_EXIT_OK;
}

int
rpt_cli_version (int argc, char **argv)
{
  if (argc < 2)
    return rpt_cli_usage (_ ("version needs a subcommand: save, list or restore"));
  if (g_str_equal (argv[1], "save"))
    return version_save (argc - 1, argv + 1);
  if (g_str_equal (argv[1], "list"))
    return version_list (argc - 1, argv + 1);
  if (g_str_equal (argv[1], "restore"))
    return version_restore (argc - 1, argv + 1);
  if (g_str_equal (argv[1], "--help") || g_str_equal (argv[1], "-h"))
    {
      printf ("%s\n", _ ("Usage: rapporteur-cli version save|list|restore IN.rapporteur …"));
      return RPT_CLI_EXIT_OK;
    }
  return rpt_cli_usage (_ ("“%s” is not a version subcommand (save, list, restore)"), argv[1]);
}
