/* rpt-cli.h
 *
 * Copyright 2026 The Rapporteur authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "rpt-core.h"

G_BEGIN_DECLS

enum
{
  RPT_CLI_EXIT_OK = 0,
  RPT_CLI_EXIT_ERROR = 1,
  RPT_CLI_EXIT_USAGE = 2,
};

int rpt_cli_fail (GError *error);
int rpt_cli_usage (const char *format, ...) G_GNUC_PRINTF (1, 2);
int rpt_cli_parse (const char *command,
                   const GOptionEntry *entries,
                   int *argc,
                   char ***argv,
                   const char *params,
                   const char *summary);
gboolean rpt_cli_input_is_xml (const char *path);
int rpt_cli_parse_version (const char *text, guint *number);
RptLetter *rpt_cli_open_letter (const char *path, guint version, GError **error);
gboolean rpt_cli_write_output (const char *path, const char *data, gsize length, GError **error);

int rpt_cli_new (int argc, char **argv);
int rpt_cli_import (int argc, char **argv);
int rpt_cli_export (int argc, char **argv);
int rpt_cli_show (int argc, char **argv);
int rpt_cli_version (int argc, char **argv);
int rpt_cli_diff (int argc, char **argv);
int rpt_cli_update (int argc, char **argv);
int rpt_cli_send_for_review (int argc, char **argv);
int rpt_cli_merge (int argc, char **argv);
int rpt_cli_comments (int argc, char **argv);
int rpt_cli_check (int argc, char **argv);
int rpt_cli_reference (int argc, char **argv);

G_END_DECLS
