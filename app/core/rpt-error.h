/* rpt-error.h
 *
 * Copyright 2026 The Rapporteur authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

#define RPT_ERROR (rpt_error_quark ())

/**
 * RptError:
 * @RPT_ERROR_INVALID_ARGUMENT: a value the letter cannot hold
 * @RPT_ERROR_INVALID_MARKUP: paragraph text that is not valid inline markup
 * @RPT_ERROR_PARSE: a file that is not well-formed or not a letter
 * @RPT_ERROR_SCHEMA: a letter that breaks the letter schema
 * @RPT_ERROR_UNSAFE: input refused for safety (DTDs, entities, size)
 * @RPT_ERROR_ENCODING: text that is not UTF-8
 * @RPT_ERROR_NEWER_VERSION: made by a newer Rapporteur
 * @RPT_ERROR_NOT_A_DOCUMENT: not a Rapporteur document
 * @RPT_ERROR_CORRUPT: a damaged document
 * @RPT_ERROR_EXISTS: the target file already exists
 * @RPT_ERROR_IO: reading or writing failed
 * @RPT_ERROR_NO_SPACE: the disk is full
 * @RPT_ERROR_READ_ONLY: the document or folder cannot be written
 * @RPT_ERROR_NOT_FOUND: no such version or item
 * @RPT_ERROR_BUSY: another program holds the document
 */
typedef enum
{
  RPT_ERROR_INVALID_ARGUMENT,
  RPT_ERROR_INVALID_MARKUP,
  RPT_ERROR_PARSE,
  RPT_ERROR_SCHEMA,
  RPT_ERROR_UNSAFE,
  RPT_ERROR_ENCODING,
  RPT_ERROR_NEWER_VERSION,
  RPT_ERROR_NOT_A_DOCUMENT,
  RPT_ERROR_CORRUPT,
  RPT_ERROR_EXISTS,
  RPT_ERROR_IO,
  RPT_ERROR_NO_SPACE,
  RPT_ERROR_READ_ONLY,
  RPT_ERROR_NOT_FOUND,
  RPT_ERROR_BUSY,
} RptError;

GQuark rpt_error_quark (void);

G_END_DECLS
