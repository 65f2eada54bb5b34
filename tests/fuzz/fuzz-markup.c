/* fuzz-markup.c
 *
 * Copyright 2026 The Rapporteur authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* libFuzzer target: normalizing inline markup is idempotent, and what it
 * accepts a paragraph keeps exactly. */

#include "rpt-core.h"

int LLVMFuzzerTestOneInput (const guint8 *data, size_t size);

int
LLVMFuzzerTestOneInput (const guint8 *data, size_t size)
{
  g_autofree char *text = g_strndup ((const char *) data, size);
  g_autoptr (GError) error = NULL;
  g_autofree char *normal = rpt_markup_normalize (text, NULL, &error);

  if (normal != NULL)
    {
      g_autofree char *again = rpt_markup_normalize (normal, NULL, &error);
      g_autoptr (RptParagraph) p = rpt_paragraph_new (normal);

      g_assert_no_error (error);
      g_assert_cmpstr (again, ==, normal);
      g_assert_cmpstr (rpt_paragraph_get_text (p), ==, normal);
      g_assert_true (rpt_text_is_clean (normal, FALSE));
    }
  else
    g_assert_nonnull (error);
  return 0;
}
