/* rpt-test-util.h
 *
 * Copyright 2026 The Rapporteur authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <libxml/tree.h>

#include "rpt-core.h"

G_BEGIN_DECLS

void rpt_test_init (int *argc, char ***argv);
char *rpt_test_source_path (const char *first, ...) G_GNUC_NULL_TERMINATED;
char *rpt_test_make_tmpdir (void);
void rpt_test_rm_rf (const char *path);
int rpt_test_run_cli (const char *const *args, char **out, char **err);
char *rpt_test_file_digest (const char *path);
RptLetter *rpt_test_load_letter (const char *name);

/* ../shared beside the checkout: the ODF validator and the published
 * sample letter. A user's clone may not have it: the tests that need it
 * say so and skip, except under CI (CI=true), where its absence fails. */
char *rpt_test_shared_path (const char *first, ...) G_GNUC_NULL_TERMINATED;
gboolean rpt_test_validate_odf (const char *path);

char *rpt_test_zip_read (const char *path, const char *name, gsize *length);
char *rpt_test_odf_text (xmlNode *office_text, gboolean markers);
char *rpt_test_odf_inline_text (xmlNode *paragraph, gboolean markers);
xmlNode *rpt_test_odf_find_item (xmlNode *office_text, const char *item_id);
xmlDoc *rpt_test_parse_xml (const char *data, gsize length);

/* A text the document shows, whether extraction keeps its order, and
 * whether it is a footnote (at the foot of a page, amid the body text). */
typedef struct
{
  char *text;
  gboolean ordered;
  gboolean note;
} RptTestText;

char *rpt_test_hostile_document (GPtrArray **texts);

char *rpt_test_squeeze_words (const char *text);
char *rpt_test_replace (const char *text, const char *from, const char *to);

G_END_DECLS
