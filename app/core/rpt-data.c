/* rpt-data.c
 *
 * Copyright 2026 The Rapporteur authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "rpt-data"

#include <glib/gi18n-lib.h>
#include <libxml/parser.h>
#include <string.h>

#include "rpt-core.h"
#include "rpt-data-private.h"
#include "rpt-error.h"

/**
 * _rpt_data_load_resource:
 * @name: a path below the core's resource prefix, e.g. "templates/letter.xsl"
 *
 * Returns: (transfer full): the bytes of a file built into the core
 */
GBytes *
_rpt_data_load_resource (const char *name)
{
  g_autofree char *path = g_strconcat (RPT_RESOURCE_PATH, name, NULL);
  GBytes *bytes;

  rpt_core_init ();
  bytes = g_resources_lookup_data (path, G_RESOURCE_LOOKUP_FLAGS_NONE, NULL);
  /* Built into the library: missing means a broken build, not bad input. */
  g_assert (bytes != NULL);
  return bytes;
}

guint
_rpt_line_of_offset (const char *data, gsize offset)
{
  guint line = 1;

  for (gsize i = 0; i < offset; i++)
    if (data[i] == '\n')
      line++;
  return line;
}

/* ------------------------------------------------------------------ */
/* CSV (RFC 4180: quoted fields may hold commas, quotes and newlines)  */

/* The fields of a row, and their text one after the other (each with its
 * NUL), become one block: the string array first, the text after it. */
static char **
csv_row_new (GArray *starts, GString *text)
{
  gsize pointers = (starts->len + 1) * sizeof (char *);
  char **row = g_malloc (pointers + text->len);
  char *copy = (char *) row + pointers;

  memcpy (copy, text->str, text->len);
  for (guint i = 0; i < starts->len; i++)
    row[i] = copy + g_array_index (starts, gsize, i);
  row[starts->len] = NULL;
  return row;
}

/**
 * _rpt_csv_parse:
 *
 * Returns: (transfer full) (element-type GStrv): the rows, the header
 *   first, or %NULL with @error set (naming the file and the line). Each
 *   row is one block: free it with g_free(), not g_strfreev(); its fields
 *   may be changed in place.
 */
GPtrArray *
_rpt_csv_parse (const char *data, gsize length, const char *filename, GError **error)
{
  g_autoptr (GPtrArray) rows = g_ptr_array_new_with_free_func (g_free);
  g_autoptr (GArray) starts = g_array_new (FALSE, FALSE, sizeof (gsize));
  g_autoptr (GString) text = g_string_new (NULL);
  const char *p = data, *end = data + length;
  const char *invalid = NULL;
  gboolean after_comma = FALSE;

  /* Every process that exports reads a few hundred kilobytes of tables:
   * fields are cut out of the text whole rather than a byte at a time,
   * and a row is one allocation. */
  if (!g_utf8_validate_len (data, length, &invalid))
    {
      g_set_error (error, RPT_ERROR, RPT_ERROR_ENCODING, _ ("%s:%u: the text is not UTF-8"),
                   filename, _rpt_line_of_offset (data, invalid - data));
      return NULL;
    }
  /* A byte order mark is not part of the first column name. */
  if (length >= 3 && memcmp (data, "\xEF\xBB\xBF", 3) == 0)
    p += 3;

  /* One field per turn; a comma promises another, even at the end. */
  while (p < end || after_comma)
    {
      gboolean was_quoted = FALSE;
      gsize start = text->len;

      if (p < end && *p == '"')
        {
          /* Quoted: commas and line breaks are text, "" is a quote. */
          p++;
          for (;;)
            {
              const char *q = memchr (p, '"', end - p);

              if (q == NULL)
                {
                  g_set_error (error, RPT_ERROR, RPT_ERROR_PARSE,
                               _ ("%s:%u: a quoted field is not closed"), filename,
                               _rpt_line_of_offset (data, length));
                  return NULL;
                }
              g_string_append_len (text, p, q - p);
              p = q + 1;
              if (p < end && *p == '"')
                {
                  g_string_append_c (text, '"');
                  p++;
                  continue;
                }
              break;
            }
          if (p < end && *p != ',' && *p != '\r' && *p != '\n')
            {
              g_set_error (error, RPT_ERROR, RPT_ERROR_PARSE,
                           _ ("%s:%u: text after the closing quote of a field"), filename,
                           _rpt_line_of_offset (data, p - data));
              return NULL;
            }
          was_quoted = TRUE;
        }
      else
        {
          /* Unquoted: up to the next comma or line break; a quote inside
           * is text. */
          const char *q = p;

          while (q < end && *q != ',' && *q != '\r' && *q != '\n')
            q++;
          g_string_append_len (text, p, q - p);
          p = q;
        }
      g_string_append_c (text, '\0');

      after_comma = p < end && *p == ',';
      if (after_comma)
        {
          g_array_append_val (starts, start);
          p++;
          continue;
        }

      /* The end of a line, or of the text. */
      if (p < end)
        {
          if (*p == '\r' && p + 1 < end && p[1] == '\n')
            p++;
          p++;
        }
      if (starts->len == 0 && text->len == 1 && !was_quoted)
        {
          g_string_truncate (text, 0); /* a blank line */
          continue;
        }
      g_array_append_val (starts, start);
      g_ptr_array_add (rows, csv_row_new (starts, text));
      g_array_set_size (starts, 0);
      g_string_truncate (text, 0);
    }
  return g_steal_pointer (&rows);
}

/**
 * _rpt_csv_parse_rows_with:
 * @needle: text a row must contain to be read
 * @numbers: (element-type guint): filled with the number of each row
 *   returned, as _rpt_csv_parse() counts them (the header is 1)
 *
 * Reads the header and the rows whose text contains @needle, and nothing
 * else: a table of thousands of rows read for the few that mention a
 * State. Rows are found by their line breaks outside quoted fields (a
 * quote starts one at the start of a field), each read as
 * _rpt_csv_parse() reads it; the caller checks the field it wants.
 *
 * Returns: (transfer full): as _rpt_csv_parse(), or %NULL with @error set
 *   when a row read is not well-formed (read the whole table to learn
 *   where)
 */
GPtrArray *
_rpt_csv_parse_rows_with (const char *data,
                          gsize length,
                          const char *filename,
                          const char *needle,
                          GArray *numbers,
                          GError **error)
{
  g_autoptr (GPtrArray) rows = g_ptr_array_new_with_free_func (g_free);
  const char *p = data, *end = data + length, *row, *hit;
  gsize needle_length = strlen (needle);
  gboolean field_start = TRUE;
  guint number = 0;

  if (length >= 3 && memcmp (data, "\xEF\xBB\xBF", 3) == 0)
    p += 3;
  row = p;
  /* The next place the needle is: rows before it are only stepped over. */
  hit = needle_length > 0 ? memmem (p, end - p, needle, needle_length) : p;
  while (p <= end)
    {
      /* A row on one line with no quote in it (most rows): to its end at
       * once. */
      if (p == row && p < end)
        {
          const char *line_end = memchr (p, '\n', end - p);

          if (line_end == NULL)
            line_end = end;
          if (memchr (p, '"', line_end - p) == NULL && memchr (p, '\r', line_end - p) == NULL)
            p = line_end;
        }
      /* Text that is neither a quote, a comma nor a line break. */
      while (p < end && *p != '"' && *p != ',' && *p != '\n' && *p != '\r')
        {
          field_start = FALSE;
          p++;
        }
      if (p < end && *p == ',')
        {
          field_start = TRUE;
          p++;
          continue;
        }
      if (p < end && *p == '"')
        {
          if (!field_start)
            {
              p++; /* a quote inside a field is text */
              continue;
            }
          /* A quoted field: to its closing quote ("" is a quote). */
          for (p++;;)
            {
              const char *q = memchr (p, '"', end - p);
              if (q == NULL)
                {
                  p = end; /* not closed: the row parser says so */
                  break;
                }
              p = q + 1;
              if (p < end && *p == '"')
                p++;
              else
                break;
            }
          field_start = FALSE;
          continue;
        }

      /* The end of a row (or of the text). */
      if (p > row)
        {
          number++;
          if (number == 1 || (hit != NULL && hit < p))
            {
              g_autoptr (GPtrArray) one = _rpt_csv_parse (row, (gsize) (p - row), filename, error);

              if (one == NULL)
                return NULL;
              if (one->len == 1)
                {
                  g_ptr_array_add (rows, g_ptr_array_steal_index (one, 0));
                  g_array_append_val (numbers, number);
                }
            }
        }
      if (p == end)
        break;
      if (*p == '\r' && p + 1 < end && p[1] == '\n')
        p++;
      p++;
      row = p;
      field_start = TRUE;
      if (hit != NULL && hit < row)
        hit = needle_length > 0 ? memmem (row, end - row, needle, needle_length) : row;
    }
  return g_steal_pointer (&rows);
}

/* ------------------------------------------------------------------ */
/* gettext .mo catalogues                                              */

static guint32
read_u32 (const guint8 *p, gboolean swap)
{
  guint32 v;

  memcpy (&v, p, 4);
  return swap ? GUINT32_SWAP_LE_BE (v) : v;
}

/**
 * _rpt_mo_load:
 * @path: a compiled gettext catalogue
 *
 * Reads a catalogue without going through the process locale: the letter
 * language is not the user interface language, and setlocale() is neither
 * per thread nor cheap. Messages with a context or plural forms are kept
 * as gettext stores them (context + "\004" + id; forms joined by "\0").
 *
 * Returns: (transfer full): msgid → msgstr, or %NULL with @error set
 */
GHashTable *
_rpt_mo_load (const char *path, GError **error)
{
  g_autoptr (GMappedFile) file = NULL;
  g_autoptr (GHashTable) table = NULL;
  g_autoptr (GError) local = NULL;
  const guint8 *data;
  gsize size;
  guint32 magic, n, orig, trans;
  gboolean swap;

  file = g_mapped_file_new (path, FALSE, &local);
  if (file == NULL)
    {
      g_set_error (error, RPT_ERROR, RPT_ERROR_IO, "%s", local->message);
      return NULL;
    }
  data = (const guint8 *) g_mapped_file_get_contents (file);
  size = g_mapped_file_get_length (file);
  if (size < 20)
    goto corrupt;

  memcpy (&magic, data, 4);
  if (magic == 0x950412de)
    swap = FALSE;
  else if (GUINT32_SWAP_LE_BE (magic) == 0x950412de)
    swap = TRUE;
  else
    goto corrupt;

  n = read_u32 (data + 8, swap);
  orig = read_u32 (data + 12, swap);
  trans = read_u32 (data + 16, swap);
  if (orig > size || trans > size || n > (size - orig) / 8 || n > (size - trans) / 8)
    goto corrupt;

  table = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  for (guint32 i = 0; i < n; i++)
    {
      guint32 olen = read_u32 (data + orig + 8 * i, swap);
      guint32 ooff = read_u32 (data + orig + 8 * i + 4, swap);
      guint32 tlen = read_u32 (data + trans + 8 * i, swap);
      guint32 toff = read_u32 (data + trans + 8 * i + 4, swap);

      if (ooff > size || olen >= size - ooff || toff > size || tlen >= size - toff)
        goto corrupt;
      if (olen == 0)
        continue; /* the header */
      if (!g_utf8_validate_len ((const char *) data + toff, tlen, NULL))
        continue;
      g_hash_table_insert (table, g_strndup ((const char *) data + ooff, olen),
                           g_strndup ((const char *) data + toff, tlen));
    }
  return g_steal_pointer (&table);

corrupt:
  g_set_error (error, RPT_ERROR, RPT_ERROR_CORRUPT, _ ("%s is not a gettext catalogue"), path);
  return NULL;
}

/* ------------------------------------------------------------------ */
/* XML                                                                 */

static void
keep_first_error (void *user_data, xmlError *error)
{
  xmlParserCtxt *pctx = user_data;
  xmlError *first = pctx->_private;

  if (first->message == NULL && error != NULL && error->level >= XML_ERR_ERROR)
    xmlCopyError (error, first);
}

/**
 * _rpt_xml_read:
 * @filename: the name to put in error messages
 *
 * Parses XML the way the letter reader does: a document type or entity
 * declaration is refused before parsing, and libxml2 runs with
 * %RPT_XML_PARSE_OPTIONS (no entity expansion, no DTD, no network).
 *
 * Returns: (transfer full): the document, or %NULL with @error set
 */
xmlDoc *
_rpt_xml_read (const char *data, gsize length, const char *filename, GError **error)
{
  xmlParserCtxt *pctx;
  xmlDoc *doc;
  xmlError first = { 0 };

  if (length > G_MAXINT)
    {
      g_set_error (error, RPT_ERROR, RPT_ERROR_UNSAFE, _ ("%s: the file is too large"), filename);
      return NULL;
    }
  for (const char *p = data; (p = memchr (p, '<', data + length - p)) != NULL; p++)
    {
      gsize left = data + length - p;
      if ((left >= 9 && memcmp (p, "<!DOCTYPE", 9) == 0) ||
          (left >= 8 && memcmp (p, "<!ENTITY", 8) == 0))
        {
          g_set_error (error, RPT_ERROR, RPT_ERROR_UNSAFE,
                       _ ("%s:%u: document type declarations and entities are not allowed"),
                       filename, _rpt_line_of_offset (data, p - data));
          return NULL;
        }
    }

  rpt_core_init ();
  pctx = xmlNewParserCtxt ();
  if (pctx == NULL)
    {
      g_set_error (error, RPT_ERROR, RPT_ERROR_IO, _ ("Out of memory"));
      return NULL;
    }
  /* The first error is where the file went wrong; later ones follow from it. */
  pctx->sax->serror = keep_first_error;
  pctx->_private = &first;
  doc = xmlCtxtReadMemory (pctx, data, (int) length, filename, "UTF-8", RPT_XML_PARSE_OPTIONS);
  if (doc == NULL || !pctx->wellFormed)
    {
      const xmlError *e = first.message != NULL ? &first : xmlCtxtGetLastError (pctx);
      g_autofree char *msg =
        g_strdup (e != NULL && e->message != NULL ? e->message : "not well-formed");
      g_strstrip (msg);
      g_set_error (error, RPT_ERROR, RPT_ERROR_PARSE, _ ("%s:%d: not well-formed XML: %s"),
                   filename, e != NULL ? e->line : 0, msg);
      xmlResetError (&first);
      if (doc != NULL)
        xmlFreeDoc (doc);
      xmlFreeParserCtxt (pctx);
      return NULL;
    }
  xmlResetError (&first);
  xmlFreeParserCtxt (pctx);
  return doc;
}

/**
 * _rpt_xml_translated_content:
 * @node: an element that msgfmt merged in with an xml:lang
 * @owned: (out): a document to free once the result is no longer used, or
 *   %NULL
 *
 * msgfmt (gettext 0.21) stores a translation that holds markup
 * ("<var name=\"a\"/> et …") as escaped text; newer versions store the
 * elements. Either way this returns an element whose children are the
 * translation as nodes, in the namespace of @node.
 *
 * Returns: (nullable): the element, or %NULL when the translation is not
 *   well-formed
 */
xmlNode *
_rpt_xml_translated_content (xmlNode *node, xmlDoc **owned)
{
  g_autofree char *text = NULL;
  g_autofree char *wrapped = NULL;
  g_autoptr (GString) escaped_ns = g_string_new (NULL);
  xmlDoc *doc;

  *owned = NULL;
  for (xmlNode *c = node->children; c != NULL; c = c->next)
    if (c->type == XML_ELEMENT_NODE)
      return node;
  text = (char *) xmlNodeGetContent (node);
  if (text == NULL || (strchr (text, '<') == NULL && strchr (text, '&') == NULL))
    return node;

  if (node->ns != NULL && node->ns->href != NULL)
    rpt_markup_append_escaped (escaped_ns, (const char *) node->ns->href, -1, TRUE);
  wrapped =
    g_strdup_printf ("<t xmlns=\"%s\" xml:space=\"preserve\">%s</t>", escaped_ns->str, text);
  doc = _rpt_xml_read (wrapped, strlen (wrapped), "translation", NULL);
  if (doc == NULL)
    return NULL;
  *owned = doc;
  return xmlDocGetRootElement (doc);
}
