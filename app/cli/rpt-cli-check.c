/* rpt-cli-check.c
 *
 * Copyright 2026 The Rapporteur authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "rapporteur-cli"

#include <glib/gi18n.h>
#include <stdio.h>

#include "rpt-cli.h"

/* --- check ---------------------------------------------------------- */

static const char *
severity_heading (RptCheckSeverity severity)
{
  switch (severity)
    {
    case RPT_CHECK_SEVERITY_ERROR:
      /* Translators: a heading of "check", with the number after it:
       * "Errors (1)" as well as "Errors (3)" */
      return C_ ("check heading", "Errors");
    case RPT_CHECK_SEVERITY_WARNING:
      return C_ ("check heading", "Warnings");
    case RPT_CHECK_SEVERITY_INFO:
    default:
      return _ ("For information");
    }
}

static void
print_text (GListModel *checks, guint counts[3])
{
  guint n = g_list_model_get_n_items (checks);

  for (RptCheckSeverity severity = RPT_CHECK_SEVERITY_ERROR; severity <= RPT_CHECK_SEVERITY_INFO;
       severity++)
    {
      if (counts[severity] == 0)
        continue;
      /* Translators: "Errors (3)" */
      printf (_ ("%s (%u)\n"), severity_heading (severity), counts[severity]);
      for (guint i = 0; i < n; i++)
        {
          g_autoptr (RptCheck) check = g_list_model_get_item (checks, i);

          if (rpt_check_get_severity (check) != severity)
            continue;
          printf ("  %s [%s]\n", rpt_check_get_message (check), rpt_check_get_id (check));
          if (rpt_check_has_fix (check))
            /* Translators: what the application's one-click fix would do */
            printf (_ ("    fix in the application: %s\n"), rpt_check_get_fix_label (check));
        }
    }
  if (n == 0)
    printf ("%s\n", _ ("No problems found."));
  else
    {
      g_autofree char *errors =
        g_strdup_printf (g_dngettext (NULL, "%u error", "%u errors", counts[0]), counts[0]);
      g_autofree char *warnings =
        g_strdup_printf (g_dngettext (NULL, "%u warning", "%u warnings", counts[1]), counts[1]);
      g_autofree char *infos = g_strdup_printf (
        /* Translators: one of the counts of the last line of "check" */
        g_dngettext (NULL, "%u for information", "%u for information", counts[2]), counts[2]);

      /* Translators: the last line of "check": "2 errors, 1 warning, 0 for
       * information" */
      printf (_ ("%s, %s, %s\n"), errors, warnings, infos);
    }
}

static void
print_xml (GListModel *checks, guint counts[3])
{
  g_autoptr (GString) out = g_string_new (NULL);
  guint n = g_list_model_get_n_items (checks);

  g_string_append_printf (out,
                          "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
                          "<checks xmlns=\"urn:x-rapporteur:checks\" version=\"1\" errors=\"%u\" "
                          "warnings=\"%u\" infos=\"%u\">\n",
                          counts[0], counts[1], counts[2]);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr (RptCheck) check = g_list_model_get_item (checks, i);
      RptPart part = rpt_check_get_part (check);

      g_string_append_printf (out, "  <check id=\"%s\" severity=\"%s\" part=\"%s\"",
                              rpt_check_get_id (check),
                              rpt_check_severity_to_string (rpt_check_get_severity (check)),
                              part == RPT_N_PARTS ? "letter" : rpt_part_to_string (part));
      if (rpt_check_get_item_id (check) != NULL)
        g_string_append_printf (out, " item=\"%s\"", rpt_check_get_item_id (check));
      if (rpt_check_get_field (check) != NULL)
        g_string_append_printf (out, " field=\"%s\"", rpt_check_get_field (check));
      if (rpt_check_has_fix (check))
        {
          g_string_append (out, " fix=\"");
          rpt_markup_append_escaped (out, rpt_check_get_fix_label (check), -1, TRUE);
          g_string_append_c (out, '"');
        }
      g_string_append_c (out, '>');
      rpt_markup_append_escaped (out, rpt_check_get_message (check), -1, FALSE);
      g_string_append (out, "</check>\n");
    }
  g_string_append (out, "</checks>\n");
  fwrite (out->str, 1, out->len, stdout);
}

/* Exit status as diff(1) has it: 0 no errors, 1 errors, 2 trouble. */
int
rpt_cli_check (int argc, char **argv)
{
  g_autofree char *version_text = NULL;
  g_autofree char *format = NULL;
  g_autofree char *today = NULL;
  g_autoptr (RptLetter) letter = NULL;
  g_autoptr (RptChecker) checker = NULL;
  g_autoptr (GError) error = NULL;
  guint version = 0;
  guint counts[3];
  int status;
  const GOptionEntry entries[] = {
    { "version", 'V', 0, G_OPTION_ARG_STRING, &version_text,
      N_ ("Check named version N instead of the working state"), "N" },
    { "format", 'f', 0, G_OPTION_ARG_STRING, &format,
      N_ ("Output format: text (the default) or xml"), "FORMAT" },
    { "today", 0, 0, G_OPTION_ARG_STRING, &today,
      N_ ("Take this date (YYYY-MM-DD) as today, for a letter without a date"), "DATE" },
    { NULL }
  };

  status = rpt_cli_parse ("check", entries, &argc, &argv, "IN",
                          _ ("Check a letter before sending: missing parts, gaps, unverified "
                             "data, inconsistent names and dates, typing slips. Exits 0 when "
                             "there is no error, 1 when there are errors, 2 on trouble."));
  if (status >= 0)
    return status;
  if (argc != 2)
    return rpt_cli_usage (_ ("check needs one input file"));
  if ((status = rpt_cli_parse_version (version_text, &version)) >= 0)
    return status;
  if (format != NULL && g_strcmp0 (format, "text") != 0 && g_strcmp0 (format, "xml") != 0)
    return rpt_cli_usage (_ ("“%s” is not a format of check (text, xml)"), format);
  if (today != NULL && !rpt_date_is_valid (today))
    return rpt_cli_usage (_ ("--today needs a date as YYYY-MM-DD"));

  letter = rpt_cli_open_letter (argv[1], version, &error);
  if (letter == NULL)
    {
      rpt_cli_fail (error);
      return RPT_CLI_EXIT_USAGE;
    }
  checker = rpt_checker_new ();
  rpt_checker_set_today (checker, today);
  rpt_checker_set_letter (checker, letter);
  if (!rpt_checker_update (checker, &error))
    {
      rpt_cli_fail (error);
      return RPT_CLI_EXIT_USAGE;
    }
  counts[0] = rpt_checker_get_n_errors (checker);
  counts[1] = rpt_checker_get_n_warnings (checker);
  counts[2] = rpt_checker_get_n_infos (checker);
  if (g_strcmp0 (format, "xml") == 0)
    print_xml (G_LIST_MODEL (checker), counts);
  else
    print_text (G_LIST_MODEL (checker), counts);
  return counts[0] > 0 ? RPT_CLI_EXIT_ERROR : RPT_CLI_EXIT_OK;
}
