/* fuzz-letter-xml.c
 *
 * Copyright 2026 The Rapporteur authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* libFuzzer target: any bytes given to the letter reader either make a
 * letter that writes and reads back to the same bytes, or an error. */

#include "rpt-core.h"

int LLVMFuzzerTestOneInput (const guint8 *data, size_t size);

int
LLVMFuzzerTestOneInput (const guint8 *data, size_t size)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (RptLetter) letter = NULL;

  rpt_core_init ();
  letter = rpt_letter_new_from_xml ((const char *) data, (gssize) size, "fuzz.xml", &error);
  if (letter != NULL)
    {
      g_autofree char *a = rpt_letter_to_xml (letter, NULL);
      g_autoptr (RptLetter) again = rpt_letter_new_from_xml (a, -1, "again.xml", &error);
      g_autofree char *b = NULL;

      g_assert_no_error (error);
      b = rpt_letter_to_xml (again, NULL);
      g_assert_cmpstr (a, ==, b);
    }
  else
    g_assert_nonnull (error);
  return 0;
}
