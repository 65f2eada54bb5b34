/* rpt-cli-diff.c
 *
 * Copyright 2026 The Rapporteur authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "rapporteur-cli"

#include <glib/gi18n.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>

#include "rpt-cli.h"

/* --- diff ------------------------------------------------------------- */

/* diff exits as diff(1) does: 0 when the letters are the same, 1 when they
 * differ, 2 on any error, usage errors included. */
enum
{
  DIFF_EXIT_SAME = 0,
  DIFF_EXIT_DIFFERENT = 1,
  DIFF_EXIT_TROUBLE = 2,
};

typedef struct
{
  RptLetter *letter;
  char *label;
  char *author;
  GDateTime *created;
  GListStore *comments; /* a document's, when asked for */
} Side;

static void
side_clear (Side *side)
{
  g_clear_object (&side->letter);
  g_clear_pointer (&side->label, g_free);
  g_clear_pointer (&side->author, g_free);
  g_clear_pointer (&side->created, g_date_time_unref);
  g_clear_object (&side->comments);
}

static gboolean
parse_version_number (const char *text, guint64 *number, GError **error)
{
  if (!g_ascii_string_to_unsigned (text, 10, 1, G_MAXUINT, number, NULL))
    {
      g_set_error (error, RPT_ERROR, RPT_ERROR_INVALID_ARGUMENT,
                   _ ("“%s” is not a version number (versions count from 1)"), text);
      return FALSE;
    }
  return TRUE;
}

/* FILE, FILE@ (the working state) or FILE@N (named version N). A file
 * whose own name has an "@" is taken as it is when it exists. */
static gboolean
split_spec (const char *spec, char **path, gboolean *working, guint *version, GError **error)
{
  const char *at = strrchr (spec, '@');
  guint64 n = 0;

  *working = FALSE;
  *version = 0;
  if (at == NULL || at == spec || g_file_test (spec, G_FILE_TEST_EXISTS))
    {
      *path = g_strdup (spec);
      return TRUE;
    }
  if (at[1] != '\0' && !parse_version_number (at + 1, &n, error))
    return FALSE;
  *path = g_strndup (spec, (gsize) (at - spec));
  *working = at[1] == '\0';
  *version = (guint) n;
  return TRUE;
}

static gboolean
open_side (const char *spec, Side *side, gboolean with_comments, GError **error)
{
  g_autofree char *path = NULL;
  g_autofree char *base = NULL;
  g_autoptr (RptStore) store = NULL;
  gboolean working;
  guint number;

  if (!split_spec (spec, &path, &working, &number, error))
    return FALSE;
  base = g_path_get_basename (path);

  if (g_str_has_suffix (path, ".xml") && with_comments)
    {
      g_set_error (error, RPT_ERROR, RPT_ERROR_INVALID_ARGUMENT,
                   _ ("%s is letter XML, which has no comments; --comments needs a .rapporteur "
                      "document as the newer letter"),
                   path);
      return FALSE;
    }
  if (g_str_has_suffix (path, ".xml") && !working && number == 0)
    {
      side->letter = rpt_letter_new_from_xml_file (path, error);
      side->label = g_strdup (base);
      return side->letter != NULL;
    }
  if (g_str_has_suffix (path, ".xml"))
    {
      g_set_error (error, RPT_ERROR, RPT_ERROR_INVALID_ARGUMENT,
                   _ ("%s is letter XML, which has no versions; “@” needs a .rapporteur document"),
                   path);
      return FALSE;
    }
  store = rpt_store_open (path, RPT_STORE_OPEN_READ_ONLY, error);
  if (store == NULL)
    return FALSE;
  if (with_comments && (side->comments = rpt_comments_load (store, error)) == NULL)
    return FALSE;
  if (number == 0)
    {
      side->letter = rpt_store_load (store, error);
      /* Translators: one side of a comparison; %s is a file name */
      side->label = g_strdup_printf (_ ("%s, working state"), base);
      return side->letter != NULL;
    }

  side->letter = rpt_store_load_version (store, number, error);
  if (side->letter == NULL)
    return FALSE;
  {
    g_autoptr (GListModel) versions = rpt_store_list_versions (store, error);
    if (versions == NULL)
      return FALSE;
    for (guint i = 0; i < g_list_model_get_n_items (versions); i++)
      {
        g_autoptr (RptVersion) v = g_list_model_get_item (versions, i);
        if (rpt_version_get_number (v) == number)
          {
            g_autoptr (GDateTime) local = g_date_time_to_local (rpt_version_get_created (v));
            g_autofree char *when = g_date_time_format (local, "%Y-%m-%d %H:%M");
            /* Translators: one side of a comparison: file, version number,
             * the version's message, its author and time */
            side->label =
              g_strdup_printf (_ ("%s, version %u “%s” (%s, %s)"), base, number,
                               rpt_version_get_message (v), rpt_version_get_author (v), when);
            side->author = g_strdup (rpt_version_get_author (v));
            side->created = g_date_time_ref (rpt_version_get_created (v));
          }
      }
  }
  return TRUE;
}

typedef enum
{
  DIFF_TEXT,
  DIFF_XML,
  DIFF_ODT,
  DIFF_PDF,
} DiffFormat;

static gboolean
parse_color (const char *value, gboolean *color)
{
  if (value == NULL || g_str_equal (value, "auto"))
    *color = isatty (STDOUT_FILENO) && g_strcmp0 (g_getenv ("TERM"), "dumb") != 0 &&
             g_getenv ("NO_COLOR") == NULL;
  else if (g_str_equal (value, "always"))
    *color = TRUE;
  else if (g_str_equal (value, "never"))
    *color = FALSE;
  else
    return FALSE;
  return TRUE;
}

static int
diff_fail (GError *error)
{
  rpt_cli_fail (error);
  return DIFF_EXIT_TROUBLE;
}

int
rpt_cli_diff (int argc, char **argv)
{
  g_autofree char *format_name = NULL;
  g_autofree char *output = NULL;
  g_autofree char *color_name = NULL;
  g_autofree char *author = NULL;
  g_autoptr (RptComparison) comparison = NULL;
  g_autoptr (GError) error = NULL;
  g_autoptr (GBytes) bytes = NULL;
  Side a = { 0 }, b = { 0 };
  DiffFormat format = DIFF_TEXT;
  gboolean color = FALSE;
  gboolean with_comments = FALSE;
  g_autoptr (GListStore) comments = NULL;
  gboolean equal;
  int status;
  const GOptionEntry entries[] = {
    { "format", 'f', 0, G_OPTION_ARG_STRING, &format_name,
      N_ ("text (a readable redline, the default), xml (the comparison as data), odt (the newer "
          "letter with tracked changes) or pdf (a redline)"),
      "FORMAT" },
    { "output", 'o', 0, G_OPTION_ARG_FILENAME, &output,
      N_ ("Write to this file (“-” or none: standard output, for text and xml)"), "OUT" },
    { "color", 0, 0, G_OPTION_ARG_STRING, &color_name,
      N_ ("Colour the text redline: auto (on a terminal), always or never"), "WHEN" },
    { "author", 'a', 0, G_OPTION_ARG_STRING, &author,
      N_ ("Who made the changes, for tracked changes (default: the newer version's author)"),
      "NAME" },
    { "comments", 0, 0, G_OPTION_ARG_NONE, &with_comments,
      N_ ("Show the newer document’s open comments beside the changes (odt and pdf)"), NULL },
    { NULL }
  };

  status = rpt_cli_parse ("diff", entries, &argc, &argv, "A B",
                          _ ("Compare two letters: documents, letter XML, FILE@N for version N "
                             "of a document or FILE@ for its working state. Exits 0 when they "
                             "are the same, 1 when they differ, 2 on trouble."));
  if (status >= 0)
    return status == RPT_CLI_EXIT_OK ? RPT_CLI_EXIT_OK : DIFF_EXIT_TROUBLE;
  if (argc != 3)
    {
      rpt_cli_usage (_ ("diff needs two letters"));
      return DIFF_EXIT_TROUBLE;
    }
  if (format_name == NULL || g_str_equal (format_name, "text"))
    format = DIFF_TEXT;
  else if (g_str_equal (format_name, "xml"))
    format = DIFF_XML;
  else if (g_str_equal (format_name, "odt"))
    format = DIFF_ODT;
  else if (g_str_equal (format_name, "pdf"))
    format = DIFF_PDF;
  else
    {
      rpt_cli_usage (_ ("--format must be text, xml, odt or pdf"));
      return DIFF_EXIT_TROUBLE;
    }
  if (!parse_color (color_name, &color))
    {
      rpt_cli_usage (_ ("--color must be auto, always or never"));
      return DIFF_EXIT_TROUBLE;
    }
  if ((format == DIFF_ODT || format == DIFF_PDF) && (output == NULL || g_str_equal (output, "-")))
    {
      rpt_cli_usage (_ ("--format %s needs an output file (-o OUT)"), format_name);
      return DIFF_EXIT_TROUBLE;
    }
  if (output != NULL && !g_str_equal (output, "-") && color_name == NULL)
    color = FALSE;
  if (with_comments && format != DIFF_ODT && format != DIFF_PDF)
    {
      rpt_cli_usage (_ ("--comments needs --format odt or pdf"));
      return DIFF_EXIT_TROUBLE;
    }

  if (!open_side (argv[1], &a, FALSE, &error) || !open_side (argv[2], &b, with_comments, &error))
    {
      side_clear (&a);
      side_clear (&b);
      return diff_fail (error);
    }
  comparison = rpt_comparison_new (a.letter, b.letter, NULL, &error);
  if (comparison == NULL)
    {
      side_clear (&a);
      side_clear (&b);
      return diff_fail (error);
    }
  rpt_comparison_set_labels (comparison, a.label, b.label);
  rpt_comparison_set_author (comparison,
                             author != NULL     ? author
                             : b.author != NULL ? b.author
                                                : g_get_real_name (),
                             b.created);
  comments = g_steal_pointer (&b.comments);
  side_clear (&a);
  side_clear (&b);
  equal = rpt_comparison_is_equal (comparison);

  switch (format)
    {
    case DIFF_TEXT:
      {
        char *text = rpt_comparison_to_text (comparison, color);
        bytes = g_bytes_new_take (text, strlen (text));
      }
      break;
    case DIFF_XML:
      bytes = rpt_comparison_to_xml (comparison);
      break;
    case DIFF_ODT:
    case DIFF_PDF:
      {
        g_autoptr (RptRedline) redline = rpt_redline_new (comparison, NULL, NULL, &error);
        if (redline != NULL && comments != NULL)
          rpt_redline_set_comments (redline, G_LIST_MODEL (comments));
        if (redline != NULL)
          bytes = format == DIFF_ODT ? rpt_redline_build_odt (redline, &error)
                                     : rpt_redline_build_pdf (redline, &error);
      }
      break;
    default:
      g_assert_not_reached ();
    }
  if (bytes == NULL)
    return diff_fail (error);
  {
    gsize length;
    const char *data = g_bytes_get_data (bytes, &length);
    if (!rpt_cli_write_output (output != NULL ? output : "-", data, length, &error))
      return diff_fail (error);
  }
  return equal ? DIFF_EXIT_SAME : DIFF_EXIT_DIFFERENT;
}

/* --- update ----------------------------------------------------------- */

int
rpt_cli_update (int argc, char **argv)
{
  g_autoptr (RptStore) store = NULL;
  g_autoptr (RptLetter) current = NULL;
  g_autoptr (RptLetter) letter = NULL;
  g_autoptr (GError) error = NULL;
  int status;

  status = rpt_cli_parse ("update", NULL, &argc, &argv, "FILE.rapporteur IN.xml",
                          _ ("Replace the working state of a document with the letter in IN.xml "
                             "(the same letter, exported and edited). Versions are kept as they "
                             "are."));
  if (status >= 0)
    return status;
  if (argc != 3)
    return rpt_cli_usage (_ ("update needs a document and a letter XML file"));

  letter = rpt_letter_new_from_xml_file (argv[2], &error);
  if (letter == NULL)
    return rpt_cli_fail (error);
  store = rpt_store_open (argv[1], RPT_STORE_OPEN_READ_WRITE, &error);
  if (store == NULL || (current = rpt_store_load (store, &error)) == NULL)
    return rpt_cli_fail (error);
  if (!g_str_equal (rpt_letter_get_id (current), rpt_letter_get_id (letter)))
    {
      g_set_error (&error, RPT_ERROR, RPT_ERROR_INVALID_ARGUMENT,
                   _ ("%s holds another letter (id %s) than %s (id %s); use “import” to make a "
                      "document of it"),
                   argv[2], rpt_letter_get_id (letter), argv[1], rpt_letter_get_id (current));
      return rpt_cli_fail (error);
    }
  if (!rpt_store_save (store, letter, &error))
    return rpt_cli_fail (error);
  return RPT_CLI_EXIT_OK;
}
