/* rpt-cli.c
 *
 * Copyright 2026 The Rapporteur authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "rapporteur-cli"

#include <glib/gi18n.h>
#include <glib/gstdio.h>
#include <locale.h>
#include <stdio.h>
#include <string.h>
#include <sys/stat.h>

#include "rpt-cli.h"
#include "rpt-core.h"

/*
 * rapporteur-cli: the scriptable front end. Every command exits 0 on
 * success, 1 on an error the user can fix (with one line on stderr) and 2
 * on a usage error. Nothing is written unless the command succeeds, and an
 * existing file is only replaced where the command says so (export -o).
 */

static void G_GNUC_PRINTF (1, 2) print_error (const char *format, ...)
{
  g_autofree char *msg = NULL;
  va_list args;

  va_start (args, format);
  msg = g_strdup_vprintf (format, args);
  va_end (args);
  /* One line: messages from libraries may carry their own newlines. */
  g_strdelimit (msg, "\n", ' ');
  fprintf (stderr, "rapporteur-cli: %s\n", g_strstrip (msg));
}

int
rpt_cli_fail (GError *error)
{
  print_error ("%s", error->message);
  return RPT_CLI_EXIT_ERROR;
}

int
rpt_cli_usage (const char *format, ...)
{
  g_autofree char *msg = NULL;
  va_list args;

  va_start (args, format);
  msg = g_strdup_vprintf (format, args);
  va_end (args);
  print_error ("%s", msg);
  fprintf (stderr, _ ("Try “rapporteur-cli --help”.\n"));
  return RPT_CLI_EXIT_USAGE;
}

/**
 * rpt_cli_parse:
 * @entries: the command's options
 * @argc: (inout):
 * @argv: (inout):
 * @params: what follows the command in --help
 * @summary: one line on what the command does
 *
 * Returns: -1 to go on, or the exit status to return (help, usage error)
 */
int
rpt_cli_parse (const char *command,
               const GOptionEntry *entries,
               int *argc,
               char ***argv,
               const char *params,
               const char *summary)
{
  g_autoptr (GOptionContext) context = NULL;
  g_autoptr (GError) error = NULL;
  g_autofree char *param_string = g_strdup_printf ("%s %s", command, params);

  context = g_option_context_new (param_string);
  g_option_context_set_summary (context, summary);
  g_option_context_set_translation_domain (context, GETTEXT_PACKAGE);
  if (entries != NULL)
    g_option_context_add_main_entries (context, entries, GETTEXT_PACKAGE);
  if (!g_option_context_parse (context, argc, argv, &error))
    return rpt_cli_usage ("%s", error->message);
  return -1;
}

/**
 * rpt_cli_input_is_xml:
 *
 * Returns: whether @path is read as XML rather than as a document file: a
 *   name ending in .xml, a pipe or device such as /dev/stdin (a document
 *   file is a regular file, which SQLite seeks in), or a regular file that
 *   starts like XML (standard input redirected from a file)
 */
gboolean
rpt_cli_input_is_xml (const char *path)
{
  g_autoptr (GFile) file = NULL;
  g_autoptr (GFileInputStream) in = NULL;
  GStatBuf st;
  char head[64];
  gsize n = 0;

  if (g_str_has_suffix (path, ".xml"))
    return TRUE;
  if (g_stat (path, &st) != 0 || S_ISDIR (st.st_mode))
    return FALSE;
  if (!S_ISREG (st.st_mode))
    return TRUE;
  /* A regular file is opened afresh, so looking does not consume it. */
  file = g_file_new_for_path (path);
  in = g_file_read (file, NULL, NULL);
  if (in == NULL ||
      !g_input_stream_read_all (G_INPUT_STREAM (in), head, sizeof head, &n, NULL, NULL))
    return FALSE;
  for (gsize i = 0; i < n; i++)
    {
      if (head[i] == '<')
        return TRUE;
      if (head[i] != ' ' && head[i] != '\t' && head[i] != '\n' && head[i] != '\r' &&
          !(i < 3 && (guchar) head[i] >= 0xbb)) /* a UTF-8 byte order mark */
        return FALSE;
    }
  return FALSE;
}

/**
 * rpt_cli_parse_version:
 * @text: (nullable): the argument of --version, or of version restore
 * @number: (out): the version number, or 0 for none given
 *
 * Returns: -1 to go on, or the exit status of a usage error
 */
int
rpt_cli_parse_version (const char *text, guint *number)
{
  g_autoptr (GError) error = NULL;

  *number = 0;
  if (text == NULL)
    return -1;
  if (!rpt_version_number_parse (text, number, &error))
    return rpt_cli_usage ("%s", error->message);
  return -1;
}

/**
 * rpt_cli_open_letter:
 * @path: a .rapporteur document or a letter .xml
 * @version: a version number, or 0 for the working state
 *
 * Returns: (transfer full): the letter, or %NULL with @error set
 */
RptLetter *
rpt_cli_open_letter (const char *path, guint version, GError **error)
{
  g_autoptr (RptStore) store = NULL;

  if (rpt_cli_input_is_xml (path))
    {
      if (version != 0)
        {
          g_set_error (error, RPT_ERROR, RPT_ERROR_INVALID_ARGUMENT,
                       _ ("--version needs a .rapporteur document; %s is letter XML"), path);
          return NULL;
        }
      return rpt_letter_new_from_xml_file (path, error);
    }
  store = rpt_store_open (path, RPT_STORE_OPEN_READ_ONLY, error);
  if (store == NULL)
    return NULL;
  if (version != 0)
    return rpt_store_load_version (store, version, error);
  return rpt_store_load (store, error);
}

/**
 * rpt_cli_write_output:
 * @path: a file, or "-" for standard output
 *
 * Writes @data as every export is written (rpt_file_write_private()):
 * whole or not at all, private, never over a document.
 */
gboolean
rpt_cli_write_output (const char *path, const char *data, gsize length, GError **error)
{
  if (g_strcmp0 (path, "-") == 0)
    {
      if (fwrite (data, 1, length, stdout) != length || fflush (stdout) != 0)
        {
          g_set_error (error, RPT_ERROR, RPT_ERROR_IO, _ ("Cannot write to standard output"));
          return FALSE;
        }
      return TRUE;
    }
  return rpt_file_write_private (path, data, length, error);
}

static void
print_help (FILE *out)
{
  fprintf (out, "%s\n\n", _ ("Usage: rapporteur-cli COMMAND [OPTION…]"));
  fprintf (out, "%s\n\n", _ ("Draft letters of the UN Special Procedures from the command line."));
  fprintf (out, "%s\n", _ ("Commands:"));
  fprintf (out, "  new --kind AL|UA|OL --country CODE OUT.rapporteur\n    %s\n",
           _ ("Create a new letter"));
  fprintf (out, "  import IN.xml OUT.rapporteur\n    %s\n",
           _ ("Create a document from letter XML"));
  fprintf (out,
           "  export --format odt|xml|document-xml [--version N] [--language LANG] IN -o OUT\n"
           "    %s\n",
           _ ("Write the letter as an ODT document, letter XML or document XML (“-o -” writes "
              "to standard output)"));
  fprintf (out, "  export --format pdf [--version N] [--language LANG] IN -o OUT.pdf\n    %s\n",
           _ ("Lay out the letter and write it as PDF (IN may also be document XML)"));
  fprintf (out, "  show IN\n    %s\n", _ ("Print a readable summary of the letter"));
  fprintf (out, "  version save IN -m MESSAGE [--author NAME]\n    %s\n",
           _ ("Keep the working state as a named version"));
  fprintf (out, "  version list IN\n    %s\n", _ ("List the named versions"));
  fprintf (out, "  version restore IN N [--author NAME]\n    %s\n",
           _ ("Make version N the working state (the current one is kept as a version)"));
  fprintf (out, "  diff A B [--format text|xml|odt|pdf] [-o OUT]\n    %s\n",
           _ ("Compare two letters (FILE@N: version N of a document; FILE@: its working state); "
              "exits 0 when they are the same, 1 when they differ"));
  fprintf (out, "  update FILE.rapporteur IN.xml\n    %s\n",
           _ ("Replace the working state of a document with an edited export of its letter"));
  fprintf (out,
           "  send-for-review FILE.rapporteur -o COPY [--version N] [--reviewer NAME]\n    %s\n",
           _ ("Make a reviewer’s copy (.rapporteur, or .odt for LibreOffice) of a version"));
  fprintf (out, "  merge FILE.rapporteur COPY [--conflicts theirs|ours] [--dry-run]\n    %s\n",
           _ ("Merge a reviewer’s copy back, change by change, as a new version"));
  fprintf (out, "  comments FILE.rapporteur\n    %s\n", _ ("List the comments of a document"));
  fprintf (out, "  check [--version N] [--format text|xml] IN\n    %s\n",
           _ ("Check the letter before sending; exits 1 when there are errors"));
  fprintf (out, "  reference list|show|set|unset|export|import …\n    %s\n",
           _ ("See and correct the reference data (mandates, countries, treaties)"));
  fprintf (out, "\n%s\n",
           _ ("IN is a .rapporteur document or, where it makes sense, a letter .xml."));
  fprintf (out, "%s\n", _ ("Run “rapporteur-cli COMMAND --help” for the options of a command."));
}

typedef struct
{
  const char *name;
  int (*run) (int argc, char **argv);
} Command;

static const Command commands[] = {
  { "new", rpt_cli_new },         { "import", rpt_cli_import },
  { "export", rpt_cli_export },   { "show", rpt_cli_show },
  { "version", rpt_cli_version }, { "diff", rpt_cli_diff },
  { "update", rpt_cli_update },   { "send-for-review", rpt_cli_send_for_review },
  { "merge", rpt_cli_merge },     { "comments", rpt_cli_comments },
  { "check", rpt_cli_check },     { "reference", rpt_cli_reference },
};

int
main (int argc, char **argv)
{
  setlocale (LC_ALL, "");
  /* Numbers in files (PDF, SVG, CSS) are written and read the C way by the
   * libraries beneath; what people read is formatted by us. */
  setlocale (LC_NUMERIC, "C");
  /* RAPPORTEUR_LOCALEDIR: the catalogues of a build tree (meson devenv,
   * the tests), before the program is installed. */
  bindtextdomain (GETTEXT_PACKAGE, g_getenv ("RAPPORTEUR_LOCALEDIR") != NULL
                                     ? g_getenv ("RAPPORTEUR_LOCALEDIR")
                                     : LOCALEDIR);
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  textdomain (GETTEXT_PACKAGE);
  rpt_core_init ();

  if (argc < 2)
    {
      print_help (stderr);
      return RPT_CLI_EXIT_USAGE;
    }
  if (g_str_equal (argv[1], "--help") || g_str_equal (argv[1], "-h") ||
      g_str_equal (argv[1], "help"))
    {
      print_help (stdout);
      return RPT_CLI_EXIT_OK;
    }
  if (g_str_equal (argv[1], "--version"))
    {
      printf ("rapporteur-cli %s\n", PACKAGE_VERSION);
      return RPT_CLI_EXIT_OK;
    }

  for (guint i = 0; i < G_N_ELEMENTS (commands); i++)
    if (g_str_equal (argv[1], commands[i].name))
      return commands[i].run (argc - 1, argv + 1);

  return rpt_cli_usage (_ ("“%s” is not a command"), argv[1]);
}
