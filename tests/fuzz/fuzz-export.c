/* fuzz-export.c
 *
 * Copyright 2026 The Rapporteur authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* libFuzzer target: the templates and the writers with hostile content.
 * The input becomes a fact, the summary and a question of a letter (as
 * inline markup if it is, else as text); the letter goes through the
 * template to document XML, which is read back, and to ODT and PDF (the
 * layout engine). Each export succeeds or gives an error. */

#include <string.h>

#include "rpt-core.h"

int LLVMFuzzerTestOneInput (const guint8 *data, size_t size);

static const char base[] =
  "<letter xmlns=\"urn:x-rapporteur:letter\" version=\"1\" "
  "id=\"0c31cfa5-779d-4faf-a4e8-e94d563986e4\"><kind>AL</kind><addressee country=\"TJK\"/>"
  "<reference number=\"1\" year=\"2025\"/><date>2025-04-23</date><language>en</language>"
  "<mandates><mandate id=\"aaf9ab26-c225-4cca-bd84-95823bcb7b69\" key=\"wg-arbitrary-detention\"/>"
  "</mandates><signatories/><persons/><profile/><previous-communications/><facts/><concerns/>"
  "<questions/><annex/><closing press-release=\"false\" wgad=\"no\" interim-measures=\"true\"/>"
  "</letter>";

int
LLVMFuzzerTestOneInput (const guint8 *data, size_t size)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (RptLetter) letter = NULL;
  g_autoptr (RptParagraph) fact = NULL;
  g_autoptr (RptParagraph) question = NULL;
  g_autoptr (RptExport) export = NULL;
  g_autofree char *text = NULL;
  g_autofree char *markup = NULL;
  const RptExportFormat formats[] = { RPT_EXPORT_FORMAT_DOCUMENT_XML, RPT_EXPORT_FORMAT_ODT,
                                      RPT_EXPORT_FORMAT_PDF };

  rpt_core_init ();
  letter = rpt_letter_new_from_xml (base, -1, "base.xml", &error);
  g_assert_no_error (error);

  text = g_utf8_make_valid ((const char *) data, (gssize) size);
  markup = rpt_markup_normalize (text, NULL, NULL);
  if (markup == NULL)
    {
      g_autofree char *plain = g_markup_escape_text (text, -1);
      markup = rpt_markup_normalize (plain, NULL, &error);
      g_assert_no_error (error);
    }
  fact = rpt_paragraph_new (markup);
  question = rpt_paragraph_new (markup);
  rpt_letter_append_item (letter, RPT_PART_FACTS, fact);
  rpt_letter_append_item (letter, RPT_PART_QUESTIONS, question);
  rpt_letter_set_summary (letter, markup);

  export = rpt_export_new (letter);
  rpt_export_set_creator (export, "Fuzzer");
  for (guint i = 0; i < G_N_ELEMENTS (formats); i++)
    {
      g_autoptr (GBytes) bytes = rpt_export_run (export, formats[i], &error);

      if (bytes == NULL)
        {
          g_assert_nonnull (error);
          g_clear_error (&error);
          continue;
        }
      g_assert_cmpuint (g_bytes_get_size (bytes), >, 0);
      if (formats[i] == RPT_EXPORT_FORMAT_DOCUMENT_XML)
        {
          gsize length = 0;
          const char *xml = g_bytes_get_data (bytes, &length);
          g_autoptr (RptDocument) doc =
            rpt_document_new_from_data (xml, (gssize) length, "doc", &error);
          /* What the templates make, the layout engine reads. */
          g_assert_no_error (error);
          g_assert_nonnull (doc);
        }
    }
  return 0;
}
