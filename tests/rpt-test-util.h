/* rpt-test-util.h
 *
 * Copyright 2026 The Rapporteur authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "rpt-core.h"

G_BEGIN_DECLS

void rpt_test_init (int *argc, char ***argv);
char *rpt_test_source_path (const char *first, ...) G_GNUC_NULL_TERMINATED;
char *rpt_test_make_tmpdir (void);
void rpt_test_rm_rf (const char *path);
int rpt_test_run_cli (const char *const *args, char **out, char **err);
char *rpt_test_file_digest (const char *path);

G_END_DECLS
