/* rpt-zip.c
 *
 * Copyright 2026 The Rapporteur authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "rpt-zip"

#include <errno.h>
#include <fcntl.h>
#include <glib/gstdio.h>
#include <string.h>
#include <unistd.h>
#include <zlib.h>

#include "rpt-zip-private.h"

/* The ZIP format (APPNOTE.TXT 6.3): local headers with the data, then the
 * central directory, then its end record. No ZIP64: an ODT part is far
 * below 4 GiB, and the reader's limit is far lower still. */

#define LOCAL_SIGNATURE 0x04034b50
#define CENTRAL_SIGNATURE 0x02014b50
#define END_SIGNATURE 0x06054b50
#define LOCAL_SIZE 30
#define CENTRAL_SIZE 46
#define END_SIZE 22
#define MAX_COMMENT 0xffff

/* Written as "made by UNIX, version 6.3", regular files readable and
 * writable by all (the umask of whoever unpacks them applies). */
#define MADE_BY 0x033f
#define EXTERNAL_ATTRIBUTES (0100666u << 16)
/* General purpose flag bit 2 with deflate: "fast" compression. */
#define FLAG_FAST 0x0004
#define FLAG_ENCRYPTED 0x0001

static void
put16 (GByteArray *out, guint16 v)
{
  guint8 b[2] = { v & 0xff, v >> 8 };
  g_byte_array_append (out, b, 2);
}

static void
put32 (GByteArray *out, guint32 v)
{
  guint8 b[4] = { v & 0xff, (v >> 8) & 0xff, (v >> 16) & 0xff, v >> 24 };
  g_byte_array_append (out, b, 4);
}

static guint16
get16 (const guint8 *p)
{
  return (guint16) (p[0] | p[1] << 8);
}

static guint32
get32 (const guint8 *p)
{
  return (guint32) p[0] | (guint32) p[1] << 8 | (guint32) p[2] << 16 | (guint32) p[3] << 24;
}

/* ------------------------------------------------------------------ */
/* Writing                                                             */

struct _RptZipWriter
{
  GByteArray *out;     /* local headers and data */
  GByteArray *central; /* the central directory */
  guint n_entries;
  guint16 dos_time;
  guint16 dos_date;
};

/**
 * _rpt_zip_writer_new:
 * @mtime: the modification time of every part, as local time (the DOS
 *   date and time of ZIP have no time zone)
 */
RptZipWriter *
_rpt_zip_writer_new (time_t mtime)
{
  RptZipWriter *self = g_new0 (RptZipWriter, 1);
  struct tm tm;

  self->out = g_byte_array_new ();
  self->central = g_byte_array_new ();
  if (localtime_r (&mtime, &tm) == NULL || tm.tm_year < 80)
    {
      /* The earliest date ZIP can say: 1980-01-01 00:00. */
      memset (&tm, 0, sizeof tm);
      tm.tm_year = 80;
      tm.tm_mday = 1;
    }
  if (tm.tm_year > 207)
    tm.tm_year = 207;
  self->dos_time = (guint16) (tm.tm_hour << 11 | tm.tm_min << 5 | tm.tm_sec / 2);
  self->dos_date = (guint16) ((tm.tm_year - 80) << 9 | (tm.tm_mon + 1) << 5 | tm.tm_mday);
  return self;
}

void
_rpt_zip_writer_free (RptZipWriter *self)
{
  if (self == NULL)
    return;
  g_byte_array_unref (self->out);
  g_byte_array_unref (self->central);
  g_free (self);
}

/* Raw deflate at level 1: half the time of the default level, for a
 * package 15% larger. */
static GByteArray *
deflate_data (const guint8 *data, gsize size)
{
  GByteArray *out = g_byte_array_new ();
  z_stream z = { 0 };
  int status;

  status = deflateInit2 (&z, 1, Z_DEFLATED, -MAX_WBITS, MAX_MEM_LEVEL, Z_DEFAULT_STRATEGY);
  g_assert (status == Z_OK);
  g_byte_array_set_size (out, (guint) deflateBound (&z, size));
  z.next_in = (Bytef *) data;
  z.avail_in = (uInt) size;
  z.next_out = out->data;
  z.avail_out = out->len;
  status = deflate (&z, Z_FINISH);
  /* deflateBound() is enough for one call: nothing else can happen. */
  g_assert (status == Z_STREAM_END);
  g_byte_array_set_size (out, (guint) z.total_out);
  deflateEnd (&z);
  return out;
}

/**
 * _rpt_zip_writer_add:
 * @name: the part's name (ASCII)
 * @store: %TRUE to store it uncompressed (ODF's "mimetype")
 *
 * Adds a part; parts stay in the order they are added.
 */
void
_rpt_zip_writer_add (RptZipWriter *self, const char *name, GBytes *data, gboolean store)
{
  gsize size, name_length = strlen (name);
  const guint8 *bytes = g_bytes_get_data (data, &size);
  g_autoptr (GByteArray) packed = NULL;
  guint32 crc = (guint32) crc32 (crc32 (0, NULL, 0), bytes, (uInt) size);
  guint32 offset = self->out->len;
  const guint8 *stored;
  gsize stored_size;
  guint16 version = store ? 10 : 20, flags = store ? 0 : FLAG_FAST, method = store ? 0 : 8;

  g_return_if_fail (size < G_MAXUINT32 && name_length < G_MAXUINT16);

  if (store)
    {
      stored = bytes;
      stored_size = size;
    }
  else
    {
      packed = deflate_data (bytes, size);
      stored = packed->data;
      stored_size = packed->len;
    }

  put32 (self->out, LOCAL_SIGNATURE);
  put16 (self->out, version);
  put16 (self->out, flags);
  put16 (self->out, method);
  put16 (self->out, self->dos_time);
  put16 (self->out, self->dos_date);
  put32 (self->out, crc);
  put32 (self->out, (guint32) stored_size);
  put32 (self->out, (guint32) size);
  put16 (self->out, (guint16) name_length);
  put16 (self->out, 0);
  g_byte_array_append (self->out, (const guint8 *) name, (guint) name_length);
  g_byte_array_append (self->out, stored, (guint) stored_size);

  put32 (self->central, CENTRAL_SIGNATURE);
  put16 (self->central, MADE_BY);
  put16 (self->central, version);
  put16 (self->central, flags);
  put16 (self->central, method);
  put16 (self->central, self->dos_time);
  put16 (self->central, self->dos_date);
  put32 (self->central, crc);
  put32 (self->central, (guint32) stored_size);
  put32 (self->central, (guint32) size);
  put16 (self->central, (guint16) name_length);
  put16 (self->central, 0); /* extra field */
  put16 (self->central, 0); /* comment */
  put16 (self->central, 0); /* disk */
  put16 (self->central, 0); /* internal attributes: binary */
  put32 (self->central, EXTERNAL_ATTRIBUTES);
  put32 (self->central, offset);
  g_byte_array_append (self->central, (const guint8 *) name, (guint) name_length);
  self->n_entries++;
}

/**
 * _rpt_zip_writer_finish:
 *
 * Returns: (transfer full): the package; @self is freed
 */
GBytes *
_rpt_zip_writer_finish (RptZipWriter *self)
{
  guint32 central_offset = self->out->len;
  guint32 central_size = self->central->len;
  GByteArray *out;

  g_byte_array_append (self->out, self->central->data, self->central->len);
  put32 (self->out, END_SIGNATURE);
  put16 (self->out, 0); /* this disk */
  put16 (self->out, 0); /* the disk of the central directory */
  put16 (self->out, (guint16) self->n_entries);
  put16 (self->out, (guint16) self->n_entries);
  put32 (self->out, central_size);
  put32 (self->out, central_offset);
  put16 (self->out, 0); /* comment */
  out = g_steal_pointer (&self->out);
  self->out = g_byte_array_new ();
  _rpt_zip_writer_free (self);
  return g_byte_array_free_to_bytes (out);
}

/* ------------------------------------------------------------------ */
/* Reading                                                             */

/* Reads @length bytes at @offset, all or nothing. */
static gboolean
read_at (int fd, guint64 offset, guint8 *buffer, gsize length)
{
  while (length > 0)
    {
      gssize n = pread (fd, buffer, length, (off_t) offset);
      if (n < 0 && errno == EINTR)
        continue;
      if (n <= 0)
        return FALSE;
      buffer += n;
      offset += (guint64) n;
      length -= (gsize) n;
    }
  return TRUE;
}

/* Finds the end record in the last 64 kB (its comment may be up to that
 * long); returns its offset, or -1. */
static gint64
find_end (int fd, guint64 size, guint8 end[END_SIZE])
{
  gsize tail = (gsize) MIN (size, (guint64) (END_SIZE + MAX_COMMENT));
  g_autofree guint8 *buffer = NULL;

  if (size < END_SIZE)
    return -1;
  buffer = g_malloc (tail);
  if (!read_at (fd, size - tail, buffer, tail))
    return -1;
  for (gsize i = tail - END_SIZE + 1; i-- > 0;)
    if (get32 (buffer + i) == END_SIGNATURE &&
        i + END_SIZE + get16 (buffer + i + 20) <= tail) /* its comment fits */
      {
        memcpy (end, buffer + i, END_SIZE);
        return (gint64) (size - tail + i);
      }
  return -1;
}

static RptZipReadResult
inflate_data (const guint8 *in, gsize in_size, guint8 *out, gsize out_size)
{
  z_stream z = { 0 };
  int status;

  if (inflateInit2 (&z, -MAX_WBITS) != Z_OK)
    return RPT_ZIP_READ_UNREADABLE;
  z.next_in = (Bytef *) in;
  z.avail_in = (uInt) in_size;
  z.next_out = out;
  z.avail_out = (uInt) out_size;
  status = inflate (&z, Z_FINISH);
  /* Exactly the size the directory gave: no more (a part that inflates
   * beyond what it says is refused, not followed), no less. */
  if (status != Z_STREAM_END || z.total_out != out_size)
    status = Z_DATA_ERROR;
  inflateEnd (&z);
  return status == Z_STREAM_END ? RPT_ZIP_READ_OK : RPT_ZIP_READ_UNREADABLE;
}

/**
 * _rpt_zip_read:
 * @path: a ZIP file
 * @name: the part to read
 * @max_size: the largest part accepted, packed or unpacked
 * @data: (out): the part, with a NUL after it
 * @length: (out): its length
 *
 * Reads one part of a package, checking every size against the file and
 * @max_size before reading, and the CRC after.
 */
RptZipReadResult
_rpt_zip_read (const char *path, const char *name, gsize max_size, char **data, gsize *length)
{
  g_autofree guint8 *directory = NULL;
  g_autofree guint8 *packed = NULL;
  g_autofree char *unpacked = NULL;
  guint8 end[END_SIZE], local[LOCAL_SIZE];
  gsize name_length = strlen (name);
  guint32 central_size, central_offset, entry = G_MAXUINT32;
  guint64 size, data_offset;
  gint64 end_offset;
  GStatBuf st;
  RptZipReadResult result;
  int fd;

  *data = NULL;
  *length = 0;
  fd = g_open (path, O_RDONLY | O_CLOEXEC, 0);
  if (fd < 0)
    return RPT_ZIP_READ_NOT_ZIP;
  if (fstat (fd, &st) != 0 || !S_ISREG (st.st_mode))
    {
      close (fd);
      return RPT_ZIP_READ_NOT_ZIP;
    }
  size = (guint64) st.st_size;

  /* The end record and the central directory it points to. */
  end_offset = find_end (fd, size, end);
  if (end_offset < 0 || get16 (end + 4) != 0 || get16 (end + 6) != 0 ||
      get16 (end + 8) != get16 (end + 10))
    {
      close (fd);
      return RPT_ZIP_READ_NOT_ZIP;
    }
  central_size = get32 (end + 12);
  central_offset = get32 (end + 16);
  if ((guint64) central_offset + central_size > (guint64) end_offset)
    {
      close (fd);
      return RPT_ZIP_READ_NOT_ZIP;
    }
  directory = g_malloc (MAX (central_size, 1));
  if (!read_at (fd, central_offset, directory, central_size))
    {
      close (fd);
      return RPT_ZIP_READ_NOT_ZIP;
    }

  /* The entry of @name: the first, as other readers take it. */
  for (guint32 at = 0, i = 0; i < get16 (end + 10); i++)
    {
      guint32 entry_length;

      if ((guint64) at + CENTRAL_SIZE > central_size || get32 (directory + at) != CENTRAL_SIGNATURE)
        {
          close (fd);
          return RPT_ZIP_READ_NOT_ZIP;
        }
      entry_length = CENTRAL_SIZE + get16 (directory + at + 28) + get16 (directory + at + 30) +
                     get16 (directory + at + 32);
      if ((guint64) at + entry_length > central_size)
        {
          close (fd);
          return RPT_ZIP_READ_NOT_ZIP;
        }
      if (get16 (directory + at + 28) == name_length &&
          memcmp (directory + at + CENTRAL_SIZE, name, name_length) == 0)
        {
          entry = at;
          break;
        }
      at += entry_length;
    }
  if (entry == G_MAXUINT32)
    {
      close (fd);
      return RPT_ZIP_READ_NO_ENTRY;
    }

  {
    const guint8 *e = directory + entry;
    guint16 flags = get16 (e + 8), method = get16 (e + 10);
    guint32 crc = get32 (e + 16), packed_size = get32 (e + 20), unpacked_size = get32 (e + 24);
    guint32 local_offset = get32 (e + 42);

    if (unpacked_size > max_size || packed_size > max_size)
      {
        close (fd);
        return RPT_ZIP_READ_TOO_LARGE;
      }
    if ((flags & FLAG_ENCRYPTED) != 0 || (method != 0 && method != 8) ||
        (method == 0 && packed_size != unpacked_size) ||
        !read_at (fd, local_offset, local, LOCAL_SIZE) || get32 (local) != LOCAL_SIGNATURE)
      {
        close (fd);
        return RPT_ZIP_READ_UNREADABLE;
      }
    /* The local header's own name and extra field lengths place the data;
     * its sizes may be zero (written after the data): the directory's
     * count. */
    data_offset = (guint64) local_offset + LOCAL_SIZE + get16 (local + 26) + get16 (local + 28);
    if (data_offset + packed_size > (guint64) end_offset)
      {
        close (fd);
        return RPT_ZIP_READ_UNREADABLE;
      }
    packed = g_malloc (MAX (packed_size, 1));
    if (!read_at (fd, data_offset, packed, packed_size))
      {
        close (fd);
        return RPT_ZIP_READ_UNREADABLE;
      }
    close (fd);

    unpacked = g_malloc ((gsize) unpacked_size + 1);
    if (method == 0)
      {
        memcpy (unpacked, packed, unpacked_size);
        result = RPT_ZIP_READ_OK;
      }
    else
      result = inflate_data (packed, packed_size, (guint8 *) unpacked, unpacked_size);
    if (result == RPT_ZIP_READ_OK &&
        (guint32) crc32 (crc32 (0, NULL, 0), (const Bytef *) unpacked, unpacked_size) != crc)
      result = RPT_ZIP_READ_UNREADABLE;
    if (result != RPT_ZIP_READ_OK)
      return result;
    unpacked[unpacked_size] = '\0';
    *data = g_steal_pointer (&unpacked);
    *length = unpacked_size;
    return RPT_ZIP_READ_OK;
  }
}
