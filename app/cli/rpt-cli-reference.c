/* rpt-cli-reference.c
 *
 * Copyright 2026 The Rapporteur authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "rapporteur-cli"

#include <glib/gi18n.h>
#include <stdio.h>

#include "rpt-cli.h"

/*
 * rapporteur-cli reference: the reference data as the program uses it,
 * where each value comes from and how far it can be trusted, and the
 * user's corrections (docs/reference-data.md).
 */

static const char *
trust_word (gboolean verified, const char *source, RptReference *reference)
{
  const char *path = rpt_reference_get_overrides_path (reference);

  if (source != NULL && path != NULL && g_str_equal (source, path))
    /* Translators: a column of "reference list": the user corrected the row */
    return _ ("corrected");
  return verified ? _ ("verified") : _ ("unverified");
}

static gboolean
parse_table (const char *name, RptOverrideTable *table)
{
  return rpt_override_table_from_string (name, table);
}

/* --- list ----------------------------------------------------------- */

static int
reference_list (int argc, char **argv)
{
  g_autofree char *country = NULL;
  gboolean corrected_only = FALSE;
  RptReference *reference;
  RptOverrideTable table;
  int status;
  const GOptionEntry entries[] = { { "country", 'c', 0, G_OPTION_ARG_STRING, &country,
                                     N_ ("For treaties: only this State (ISO 3166-1 alpha-3 code)"),
                                     "CODE" },
                                   { "corrected", 0, 0, G_OPTION_ARG_NONE, &corrected_only,
                                     N_ ("Only the rows the user corrected"), NULL },
                                   { NULL } };

  status = rpt_cli_parse ("reference list", entries, &argc, &argv, "mandates|countries|treaties",
                          _ ("List the reference data with where it comes from, how far it can "
                             "be trusted and as of when."));
  if (status >= 0)
    return status;
  if (argc != 2 || !parse_table (argv[1], &table))
    return rpt_cli_usage (_ ("reference list needs mandates, countries or treaties"));
  if (country != NULL)
    {
      char *upper = g_ascii_strup (country, -1);
      g_free (country);
      country = upper;
    }

  reference = rpt_reference_get_default ();
  if (table == RPT_OVERRIDE_TABLE_MANDATES)
    {
      g_autoptr (GPtrArray) mandates = rpt_reference_list_mandates (reference);

      /* Translators: the header of "reference list mandates", tab-separated */
      printf ("%s\n", _ ("KEY\tTITLE\tRESOLUTIONS\tAS OF\tSTATUS"));
      for (guint i = 0; i < mandates->len; i++)
        {
          const RptMandateInfo *m = mandates->pdata[i];
          g_autofree char *resolutions = g_strjoinv (" ", (char **) m->resolutions);
          const char *trust = trust_word (m->verified, m->source, reference);

          if (corrected_only && g_strcmp0 (m->source, rpt_reference_get_overrides_path (reference)))
            continue;
          printf ("%s\t%s\t%s\t%s\t%s\n", m->key, m->title,
                  resolutions[0] != '\0' ? resolutions : "-", m->as_of != NULL ? m->as_of : "-",
                  trust);
        }
    }
  else if (table == RPT_OVERRIDE_TABLE_COUNTRIES)
    {
      g_autoptr (GPtrArray) codes = rpt_reference_list_countries (reference);

      /* Translators: the header of "reference list countries", tab-separated */
      printf ("%s\n", _ ("CODE\tNAME\tAS OF\tSTATUS"));
      for (guint i = 0; i < codes->len; i++)
        {
          const char *code = codes->pdata[i];
          const RptCountryInfo *info = rpt_reference_lookup_country (reference, code);
          g_autofree char *name = rpt_reference_dup_country_name (reference, code, "en");
          const char *trust =
            info != NULL ? trust_word (info->verified, info->source, reference) : _ ("iso-codes");

          if (corrected_only &&
              (info == NULL ||
               g_strcmp0 (info->source, rpt_reference_get_overrides_path (reference))))
            continue;
          printf ("%s\t%s\t%s\t%s\n", code, name != NULL ? name : "-",
                  info != NULL && info->as_of != NULL ? info->as_of : "-", trust);
        }
    }
  else
    {
      g_autoptr (GPtrArray) statuses = rpt_reference_list_treaty_statuses (reference, country);

      /* Translators: the header of "reference list treaties", tab-separated */
      printf ("%s\n", _ ("INSTRUMENT/STATE\tPARTY\tSIGNED\tAS OF\tSTATUS"));
      for (guint i = 0; i < statuses->len; i++)
        {
          const RptTreatyStatus *t = statuses->pdata[i];
          const char *trust = trust_word (t->verified, t->source, reference);

          if (corrected_only && g_strcmp0 (t->source, rpt_reference_get_overrides_path (reference)))
            continue;
          if (t->consent_date != NULL)
            printf ("%s/%s\t%s %s\t%s\t%s\t%s\n", t->instrument, t->country,
                    rpt_treaty_action_to_string (t->action), t->consent_date,
                    t->signature_date != NULL ? t->signature_date : "-",
                    t->as_of != NULL ? t->as_of : "-", trust);
          else
            printf ("%s/%s\t%s\t%s\t%s\t%s\n", t->instrument, t->country, _ ("no"),
                    t->signature_date != NULL ? t->signature_date : "-",
                    t->as_of != NULL ? t->as_of : "-", trust);
        }
    }
  return RPT_CLI_EXIT_OK;
}

/* --- show ----------------------------------------------------------- */

static char *
normal_key (RptOverrideTable table, const char *key)
{
  if (table == RPT_OVERRIDE_TABLE_MANDATES)
    return g_strdup (key);
  {
    char *upper = g_ascii_strup (key, -1);
    if (table == RPT_OVERRIDE_TABLE_TREATIES)
      g_strdelimit (upper, " ", '/');
    return upper;
  }
}

static void
print_row_trust (const char *source, const char *as_of, gboolean verified, const char *note)
{
  printf (_ ("Source: %s\n"), source != NULL ? source : "-");
  printf (_ ("As of: %s\n"), as_of != NULL ? as_of : "-");
  printf (_ ("Verified: %s\n"), verified ? _ ("yes") : _ ("no"));
  if (note != NULL && note[0] != '\0')
    printf (_ ("Note: %s\n"), note);
}

static int
reference_show (int argc, char **argv)
{
  RptReference *reference;
  RptOverrideTable table;
  g_autofree char *key = NULL;
  g_autoptr (GError) error = NULL;
  const char *const *fields;
  int status;

  status = rpt_cli_parse ("reference show", NULL, &argc, &argv, "mandate|country|treaty KEY",
                          _ ("Show one row of the reference data: every value that can be "
                             "corrected, where it comes from, and the user’s corrections with "
                             "what the data says."));
  if (status >= 0)
    return status;
  if (argc != 3 || !parse_table (argv[1], &table))
    return rpt_cli_usage (
      _ ("reference show needs mandate KEY, country CODE or treaty INSTRUMENT/CODE"));
  key = normal_key (table, argv[2]);
  reference = rpt_reference_get_default ();
  if (!rpt_reference_has_row (reference, table, key, &error))
    return rpt_cli_fail (error);

  if (table == RPT_OVERRIDE_TABLE_MANDATES)
    {
      const RptMandateInfo *m = rpt_reference_lookup_mandate (reference, key);
      printf (_ ("Mandate: %s\n"), m->key);
      print_row_trust (m->source, m->as_of, m->verified, m->verification);
    }
  else if (table == RPT_OVERRIDE_TABLE_COUNTRIES)
    {
      const RptCountryInfo *c = rpt_reference_lookup_country (reference, key);
      printf (_ ("State: %s\n"), key);
      if (c != NULL)
        print_row_trust (c->source, c->as_of, c->verified, c->verification);
      else
        printf ("%s\n", _ ("Source: iso-codes (not in the UN terminology data)"));
    }
  else
    {
      g_auto (GStrv) parts = g_strsplit (key, "/", 2);
      const RptTreatyStatus *t = rpt_reference_lookup_treaty_status (reference, parts[0], parts[1]);
      const RptInstrumentInfo *i = rpt_reference_lookup_instrument (reference, parts[0]);

      printf (_ ("Instrument: %s (%s)\n"), parts[0], i->title);
      printf (_ ("State: %s\n"), parts[1]);
      if (t != NULL)
        print_row_trust (t->source, t->as_of, t->verified, t->verification);
      else
        printf (_ ("The treaty data (as of %s) says nothing of this State and instrument: not a "
                   "signatory nor a party then.\n"),
                i->as_of != NULL ? i->as_of : "?");
    }

  printf ("%s\n", _ ("Values:"));
  fields = rpt_override_table_list_fields (table);
  for (guint f = 0; fields[f] != NULL; f++)
    {
      g_autofree char *value = rpt_reference_dup_value (reference, table, key, fields[f]);
      const RptOverride *o = rpt_reference_lookup_override (reference, table, key, fields[f]);

      printf ("  %s (%s): %s\n", fields[f], rpt_override_field_get_label (table, fields[f]),
              value != NULL ? value : _ ("(none)"));
      if (o != NULL)
        {
          g_autofree char *data = rpt_reference_dup_data_value (reference, table, key, fields[f]);

          if (o->author != NULL)
            printf (_ ("    corrected by %s on %s; the data says: %s\n"), o->author, o->date,
                    data != NULL ? data : _ ("(none)"));
          else
            printf (_ ("    corrected on %s; the data says: %s\n"), o->date,
                    data != NULL ? data : _ ("(none)"));
          if (o->note != NULL)
            printf (_ ("    why: %s\n"), o->note);
        }
    }
  return RPT_CLI_EXIT_OK;
}

/* --- set, unset ----------------------------------------------------- */

static RptOverrides *
load_own (char **path, GError **error)
{
  *path = rpt_reference_dup_default_overrides_path ();
  return rpt_overrides_load (*path, error);
}

static int
reference_set (int argc, char **argv)
{
  g_autofree char *note = NULL;
  g_autofree char *author = NULL;
  g_autofree char *path = NULL;
  g_autofree char *key = NULL;
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  g_autoptr (RptOverrides) overrides = NULL;
  g_autoptr (GError) error = NULL;
  RptReference *reference;
  RptOverrideTable table;
  int status;
  const GOptionEntry entries[] = { { "note", 'n', 0, G_OPTION_ARG_STRING, &note,
                                     N_ ("Why, or the source (“A/HRC/RES/61/12”)"), "TEXT" },
                                   { "author", 'a', 0, G_OPTION_ARG_STRING, &author,
                                     N_ ("Who makes the correction"), "NAME" },
                                   { NULL } };

  status = rpt_cli_parse (
    "reference set", entries, &argc, &argv, "mandate|country|treaty KEY FIELD VALUE",
    _ ("Correct one value of the reference data. Fields: mandate title, title_fr, "
       "title_fr_feminine, title_es, title_es_feminine, resolutions (“61/12 52/9”); country "
       "name_en, name_fr, name_es, fr_de, fr_a, es_de, es_a; treaty (key ICCPR/FJI) consent "
       "(“accession 2018-08-16” or “none”), signature (a date or “none”)."));
  if (status >= 0)
    return status;
  if (argc != 5 || !parse_table (argv[1], &table))
    return rpt_cli_usage (_ ("reference set needs a table (mandate, country, treaty), a key, a "
                             "field and a value"));

  key = normal_key (table, argv[2]);
  reference = rpt_reference_get_default ();
  overrides = load_own (&path, &error);
  if (overrides == NULL)
    return rpt_cli_fail (error);
  if (!rpt_overrides_set (overrides, reference, table, key, argv[3], argv[4], author, note, &error))
    return rpt_cli_fail (error);
  if (!rpt_overrides_save (overrides, path, &error))
    return rpt_cli_fail (error);

  before = rpt_reference_dup_data_value (reference, table, key, argv[3]);
  after = g_strdup (rpt_overrides_lookup (overrides, table, key, argv[3])->value);
  printf (_ ("Corrected %s %s %s: “%s” (the data says “%s”)\n"),
          rpt_override_table_to_string (table), key, argv[3], after,
          before != NULL ? before : _ ("(none)"));
  return RPT_CLI_EXIT_OK;
}

static int
reference_unset (int argc, char **argv)
{
  g_autofree char *path = NULL;
  g_autofree char *key = NULL;
  g_autoptr (RptOverrides) overrides = NULL;
  g_autoptr (GError) error = NULL;
  RptOverrideTable table;
  int status;

  status = rpt_cli_parse ("reference unset", NULL, &argc, &argv, "mandate|country|treaty KEY FIELD",
                          _ ("Remove a correction: the data’s own value is used again."));
  if (status >= 0)
    return status;
  if (argc != 4 || !parse_table (argv[1], &table))
    return rpt_cli_usage (_ ("reference unset needs a table, a key and a field"));

  key = normal_key (table, argv[2]);
  overrides = load_own (&path, &error);
  if (overrides == NULL)
    return rpt_cli_fail (error);
  if (!rpt_overrides_remove (overrides, table, key, argv[3]))
    {
      g_set_error (&error, RPT_ERROR, RPT_ERROR_NOT_FOUND, _ ("%s %s %s is not corrected"),
                   rpt_override_table_to_string (table), key, argv[3]);
      return rpt_cli_fail (error);
    }
  if (!rpt_overrides_save (overrides, path, &error))
    return rpt_cli_fail (error);
  printf (_ ("Removed the correction of %s %s %s\n"), rpt_override_table_to_string (table), key,
          argv[3]);
  return RPT_CLI_EXIT_OK;
}

/* --- export, import ------------------------------------------------- */

static int
reference_export (int argc, char **argv)
{
  g_autofree char *output = NULL;
  g_autofree char *path = NULL;
  g_autofree char *data = NULL;
  g_autoptr (RptOverrides) overrides = NULL;
  g_autoptr (GError) error = NULL;
  gsize length = 0;
  int status;
  const GOptionEntry entries[] = { { "output", 'o', 0, G_OPTION_ARG_FILENAME, &output,
                                     N_ ("Output file, or - for standard output (the default)"),
                                     "OUT" },
                                   { NULL } };

  status = rpt_cli_parse ("reference export", entries, &argc, &argv, "",
                          _ ("Write the user’s corrections of the reference data to a file that "
                             "another user can import."));
  if (status >= 0)
    return status;
  if (argc != 1)
    return rpt_cli_usage (_ ("reference export takes no file name; use -o OUT"));

  overrides = load_own (&path, &error);
  if (overrides == NULL)
    return rpt_cli_fail (error);
  data = rpt_overrides_to_data (overrides, &length);
  if (!rpt_cli_write_output (output != NULL ? output : "-", data, length, &error))
    return rpt_cli_fail (error);
  return RPT_CLI_EXIT_OK;
}

static void
print_override_line (const char *label, const RptOverride *o)
{
  /* Translators: "  yours: “61/12” (2026-04-04, A. Drafter)" */
  printf (_ ("    %s: “%s” (%s%s%s)\n"), label, o->value, o->date, o->author != NULL ? ", " : "",
          o->author != NULL ? o->author : "");
}

static int
reference_import (int argc, char **argv)
{
  g_autofree char *conflicts_text = NULL;
  g_autofree char *path = NULL;
  g_autofree char *data = NULL;
  g_autoptr (RptOverrides) ours = NULL;
  g_autoptr (RptOverrides) theirs = NULL;
  g_autoptr (RptOverrides) merged = NULL;
  g_autoptr (GPtrArray) conflicts = NULL;
  g_autoptr (GError) error = NULL;
  RptOverridesConflicts policy = RPT_OVERRIDES_CONFLICTS_FAIL;
  RptReference *reference;
  gboolean dry_run = FALSE;
  guint added = 0, replaced = 0, same = 0;
  gsize length = 0;
  int status;
  const GOptionEntry entries[] = {
    { "conflicts", 0, 0, G_OPTION_ARG_STRING, &conflicts_text,
      N_ ("Where the file corrects a value you corrected differently: fail (import nothing, the "
          "default), ours (keep yours) or theirs (take the file’s)"),
      "fail|ours|theirs" },
    { "dry-run", 0, 0, G_OPTION_ARG_NONE, &dry_run, N_ ("Say what would change, change nothing"),
      NULL },
    { NULL }
  };

  status = rpt_cli_parse ("reference import", entries, &argc, &argv, "FILE",
                          _ ("Add the corrections of a file exported by another user to yours. "
                             "The file is checked whole first: one bad row and nothing is "
                             "imported."));
  if (status >= 0)
    return status;
  if (argc != 2)
    return rpt_cli_usage (_ ("reference import needs one file"));
  if (conflicts_text == NULL || g_str_equal (conflicts_text, "fail"))
    policy = RPT_OVERRIDES_CONFLICTS_FAIL;
  else if (g_str_equal (conflicts_text, "ours"))
    policy = RPT_OVERRIDES_CONFLICTS_KEEP_OURS;
  else if (g_str_equal (conflicts_text, "theirs"))
    policy = RPT_OVERRIDES_CONFLICTS_TAKE_THEIRS;
  else
    return rpt_cli_usage (_ ("--conflicts must be fail, ours or theirs"));

  if (!rpt_file_read_bounded (argv[1], RPT_REFERENCE_FILE_MAX_SIZE, &data, &length, &error))
    return rpt_cli_fail (error);
  theirs = rpt_overrides_new_from_data (data, length, argv[1], &error);
  if (theirs == NULL)
    return rpt_cli_fail (error);
  reference = rpt_reference_get_default ();
  ours = load_own (&path, &error);
  if (ours == NULL)
    return rpt_cli_fail (error);
  merged = rpt_overrides_merge (ours, theirs, reference, policy, &conflicts, &error);

  for (guint i = 0; conflicts != NULL && i < conflicts->len; i++)
    {
      const RptOverrideConflict *c = conflicts->pdata[i];
      printf (_ ("Conflict: %s %s %s\n"), rpt_override_table_to_string (c->ours->table),
              c->ours->key, c->ours->field);
      print_override_line (_ ("yours"), c->ours);
      print_override_line (_ ("the file’s"), c->theirs);
    }
  if (merged == NULL)
    return rpt_cli_fail (error);

  for (guint i = 0; i < rpt_overrides_get_n_overrides (theirs); i++)
    {
      const RptOverride *o = rpt_overrides_get_override (theirs, i);
      const RptOverride *mine = rpt_overrides_lookup (ours, o->table, o->key, o->field);
      const RptOverride *kept = rpt_overrides_lookup (merged, o->table, o->key, o->field);
      g_autofree char *data_value =
        rpt_reference_dup_data_value (reference, o->table, o->key, o->field);

      if (mine == NULL)
        added++;
      else if (g_strcmp0 (mine->value, o->value) == 0)
        same++;
      else if (kept != NULL && g_strcmp0 (kept->value, o->value) == 0)
        replaced++;
      /* Provenance: the data may have moved since the correction was made. */
      if (g_strcmp0 (data_value, o->value) == 0)
        printf (_ ("Note: %s %s %s: the data already says “%s”; the correction is not needed.\n"),
                rpt_override_table_to_string (o->table), o->key, o->field, o->value);
      else if (o->original != NULL && g_strcmp0 (data_value, o->original) != 0)
        printf (_ ("Note: %s %s %s: the correction was made when the data said “%s”; it now "
                   "says “%s”.\n"),
                rpt_override_table_to_string (o->table), o->key, o->field, o->original,
                data_value != NULL ? data_value : _ ("(none)"));
    }

  if (!dry_run && !rpt_overrides_save (merged, path, &error))
    return rpt_cli_fail (error);
  printf (dry_run ? _ ("Would import: %u new, %u replacing yours, %u the same as yours\n")
                  : _ ("Imported: %u new, %u replacing yours, %u the same as yours\n"),
          added, replaced, same);
  return RPT_CLI_EXIT_OK;
}

int
rpt_cli_reference (int argc, char **argv)
{
  if (argc < 2)
    return rpt_cli_usage (
      _ ("reference needs a subcommand: list, show, set, unset, export or import"));
  if (g_str_equal (argv[1], "list"))
    return reference_list (argc - 1, argv + 1);
  if (g_str_equal (argv[1], "show"))
    return reference_show (argc - 1, argv + 1);
  if (g_str_equal (argv[1], "set"))
    return reference_set (argc - 1, argv + 1);
  if (g_str_equal (argv[1], "unset"))
    return reference_unset (argc - 1, argv + 1);
  if (g_str_equal (argv[1], "export"))
    return reference_export (argc - 1, argv + 1);
  if (g_str_equal (argv[1], "import"))
    return reference_import (argc - 1, argv + 1);
  if (g_str_equal (argv[1], "--help") || g_str_equal (argv[1], "-h"))
    {
      printf ("%s\n", _ ("Usage: rapporteur-cli reference list|show|set|unset|export|import …"));
      return RPT_CLI_EXIT_OK;
    }
  return rpt_cli_usage (
    _ ("“%s” is not a reference subcommand (list, show, set, unset, export, import)"), argv[1]);
}
