/* rpt-overrides.h
 *
 * Copyright 2026 The Rapporteur authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

/*
 * The user's corrections of the reference data, field by field: a
 * mandate's title or resolution, a State's participation in a treaty, a
 * State's name. Each says who made it, when and why, and what the data
 * said before, so the original stays visible. They are kept in one CSV
 * file (rpt_reference_dup_default_overrides_path()), which an office can
 * export and import to share one set (docs/reference-data.md).
 */

/**
 * RptOverrideTable:
 * @RPT_OVERRIDE_TABLE_MANDATES: a mandate, by its key
 *   ("sr-human-rights-defenders")
 * @RPT_OVERRIDE_TABLE_COUNTRIES: a State, by its ISO 3166-1 alpha-3 code
 * @RPT_OVERRIDE_TABLE_TREATIES: a State's participation in an instrument,
 *   keyed "INSTRUMENT/CODE" ("ICCPR/FJI")
 */
typedef enum
{
  RPT_OVERRIDE_TABLE_MANDATES,
  RPT_OVERRIDE_TABLE_COUNTRIES,
  RPT_OVERRIDE_TABLE_TREATIES,
} RptOverrideTable;

GType rpt_override_table_get_type (void) G_GNUC_CONST;
#define RPT_TYPE_OVERRIDE_TABLE (rpt_override_table_get_type ())

const char *rpt_override_table_to_string (RptOverrideTable table);
gboolean rpt_override_table_from_string (const char *name, RptOverrideTable *table);
const char *const *rpt_override_table_list_fields (RptOverrideTable table);
const char *rpt_override_field_get_label (RptOverrideTable table, const char *field);

/**
 * RptOverride:
 * @table: which table
 * @key: the row: a mandate key, a State code, or "INSTRUMENT/CODE"
 * @field: the field (rpt_override_table_list_fields())
 * @value: the corrected value
 * @original: (nullable): what the data said when the correction was made
 * @date: the day it was made, YYYY-MM-DD
 * @author: (nullable): who made it
 * @note: (nullable): why, or the source ("A/HRC/RES/61/12")
 *
 * One correction of one field.
 */
typedef struct
{
  RptOverrideTable table;
  char *key;
  char *field;
  char *value;
  char *original;
  char *date;
  char *author;
  char *note;
} RptOverride;

GType rpt_override_get_type (void) G_GNUC_CONST;
#define RPT_TYPE_OVERRIDE (rpt_override_get_type ())

RptOverride *rpt_override_copy (const RptOverride *override);
void rpt_override_free (RptOverride *override);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (RptOverride, rpt_override_free)

/**
 * RptOverridesConflicts:
 * @RPT_OVERRIDES_CONFLICTS_FAIL: import nothing when a correction in the
 *   file differs from one already made
 * @RPT_OVERRIDES_CONFLICTS_KEEP_OURS: keep the corrections already made
 * @RPT_OVERRIDES_CONFLICTS_TAKE_THEIRS: take the file's
 */
typedef enum
{
  RPT_OVERRIDES_CONFLICTS_FAIL,
  RPT_OVERRIDES_CONFLICTS_KEEP_OURS,
  RPT_OVERRIDES_CONFLICTS_TAKE_THEIRS,
} RptOverridesConflicts;

/**
 * RptOverrideConflict:
 * @ours: the correction already made
 * @theirs: the one in the file imported
 */
typedef struct
{
  RptOverride *ours;
  RptOverride *theirs;
} RptOverrideConflict;

void rpt_override_conflict_free (RptOverrideConflict *conflict);

/* The most an overrides file or a user's reference table may hold. */
#define RPT_REFERENCE_FILE_MAX_SIZE (16 * 1024 * 1024)

#define RPT_TYPE_OVERRIDES (rpt_overrides_get_type ())

G_DECLARE_FINAL_TYPE (RptOverrides, rpt_overrides, RPT, OVERRIDES, GObject)

RptOverrides *rpt_overrides_new (void);
RptOverrides *
rpt_overrides_new_from_data (const char *data, gsize length, const char *source, GError **error);
RptOverrides *rpt_overrides_load (const char *path, GError **error);
char *rpt_overrides_to_data (RptOverrides *self, gsize *length);
gboolean rpt_overrides_save (RptOverrides *self, const char *path, GError **error);

guint rpt_overrides_get_n_overrides (RptOverrides *self);
const RptOverride *rpt_overrides_get_override (RptOverrides *self, guint position);
const RptOverride *rpt_overrides_lookup (RptOverrides *self,
                                         RptOverrideTable table,
                                         const char *key,
                                         const char *field);
gboolean rpt_overrides_add (RptOverrides *self, const RptOverride *override, GError **error);
gboolean rpt_overrides_remove (RptOverrides *self,
                               RptOverrideTable table,
                               const char *key,
                               const char *field);

gboolean rpt_override_check_value (RptOverrideTable table,
                                   const char *field,
                                   const char *value,
                                   char **normalized,
                                   GError **error);

/* With the reference data (rpt-reference.h): what exists to correct. */
typedef struct _RptReference RptReference;

gboolean rpt_overrides_set (RptOverrides *self,
                            RptReference *reference,
                            RptOverrideTable table,
                            const char *key,
                            const char *field,
                            const char *value,
                            const char *author,
                            const char *note,
                            GError **error);
gboolean rpt_overrides_validate (RptOverrides *self, RptReference *reference, GError **error);
RptOverrides *rpt_overrides_merge (RptOverrides *self,
                                   RptOverrides *incoming,
                                   RptReference *reference,
                                   RptOverridesConflicts policy,
                                   GPtrArray **conflicts,
                                   GError **error);

G_END_DECLS
