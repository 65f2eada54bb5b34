/* rpt-zip-private.h
 *
 * Copyright 2026 The Rapporteur authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>
#include <time.h>

G_BEGIN_DECLS

/*
 * The ZIP packages of ODF (ODF 1.3 part 2), written and read with zlib:
 * what the core needs of ZIP is small (a handful of parts written in
 * memory; one part read from a file), and libzip brought OpenSSL's
 * libcrypto into every process, a fifth of the cost of starting one.
 */

typedef struct _RptZipWriter RptZipWriter;

RptZipWriter *_rpt_zip_writer_new (time_t mtime);
void _rpt_zip_writer_add (RptZipWriter *self, const char *name, GBytes *data, gboolean store);
GBytes *_rpt_zip_writer_finish (RptZipWriter *self);
void _rpt_zip_writer_free (RptZipWriter *self);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (RptZipWriter, _rpt_zip_writer_free)

typedef enum
{
  RPT_ZIP_READ_OK,
  RPT_ZIP_READ_NOT_ZIP,    /* no ZIP central directory, or a broken one */
  RPT_ZIP_READ_NO_ENTRY,   /* no part of that name */
  RPT_ZIP_READ_TOO_LARGE,  /* larger than the limit */
  RPT_ZIP_READ_UNREADABLE, /* encrypted, another compression, damaged */
} RptZipReadResult;

RptZipReadResult
_rpt_zip_read (const char *path, const char *name, gsize max_size, char **data, gsize *length);

G_END_DECLS
