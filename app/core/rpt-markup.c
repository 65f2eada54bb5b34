/* rpt-markup.c
 *
 * Copyright 2026 The Rapporteur authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "rpt-markup"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "rpt-error.h"
#include "rpt-markup.h"

RptRun *
rpt_run_new_text (const char *text, RptRunFlags flags, const char *href, guint note)
{
  RptRun *run = g_new0 (RptRun, 1);

  run->kind = RPT_RUN_TEXT;
  run->text = g_strdup (text != NULL ? text : "");
  run->flags = flags;
  run->href = g_strdup (href);
  run->note = note;
  return run;
}

RptRun *
rpt_run_new_treaty_status (const char *instrument, RptRunFlags flags, guint note)
{
  RptRun *run = g_new0 (RptRun, 1);

  g_return_val_if_fail (instrument != NULL, NULL);

  run->kind = RPT_RUN_TREATY_STATUS;
  run->instrument = g_strdup (instrument);
  run->flags = flags;
  run->note = note;
  return run;
}

void
rpt_run_free (RptRun *run)
{
  if (run == NULL)
    return;
  g_free (run->text);
  g_free (run->href);
  g_free (run->instrument);
  g_free (run);
}

/* XML 1.0 §2.2: the characters a document may hold. */
static inline gboolean
is_xml_char (gunichar c)
{
  return c == 0x9 || c == 0xA || c == 0xD || (c >= 0x20 && c <= 0xD7FF) ||
         (c >= 0xE000 && c <= 0xFFFD) || (c >= 0x10000 && c <= 0x10FFFF);
}

/**
 * rpt_text_is_clean:
 * @text: valid UTF-8
 * @single_line: whether line breaks and tabs are refused too
 *
 * Returns: whether rpt_text_sanitize() would leave @text as it is.
 */
gboolean
rpt_text_is_clean (const char *text, gboolean single_line)
{
  const guchar *p = (const guchar *) text;

  if (text == NULL)
    return TRUE;
  /* One pass that validates as it goes: every paragraph of a letter is
   * checked at every open, and a long letter is megabytes. */
  for (;;)
    {
      gunichar c;

      /* ASCII, most of any letter: one test a byte, nothing decoded. */
      while (*p >= 0x20 && *p < 0x80)
        p++;
      if (*p == '\0')
        return TRUE;
      if (*p < 0x20)
        {
          if (single_line || (*p != '\t' && *p != '\n'))
            return FALSE;
          p++;
          continue;
        }
      /* Overlong forms, bytes out of place and a nul inside a character
       * are refused here; surrogates and what lies past U+10FFFF by
       * is_xml_char(). */
      c = g_utf8_get_char_validated ((const char *) p, -1);
      if (c == (gunichar) -1 || c == (gunichar) -2 || !is_xml_char (c))
        return FALSE;
      p = (const guchar *) g_utf8_next_char (p);
    }
}

/**
 * rpt_text_sanitize:
 * @text: text as typed, pasted or read
 * @len: length of @text in bytes, or -1 if nul-terminated
 * @single_line: whether line breaks and tabs become spaces
 * @n_removed: (out) (optional): the number of characters dropped or replaced
 *
 * Makes @text something XML 1.0 can hold without loss: invalid UTF-8
 * becomes U+FFFD, "\r\n" and "\r" become "\n", vertical tab and form feed
 * (what word processors put on the clipboard for a manual line or page
 * break) become "\n", and every other control character and the
 * non-characters U+FFFE and U+FFFF are dropped. Only the drops and
 * replacements count in @n_removed, so the caller can tell the user.
 *
 * Returns: (transfer full): the sanitized text
 */
char *
rpt_text_sanitize (const char *text, gssize len, gboolean single_line, guint *n_removed)
{
  g_autofree char *valid = NULL;
  GString *out;
  guint removed = 0;
  const char *p, *end;

  if (text == NULL)
    text = "";
  if (len < 0)
    len = strlen (text);

  if (!g_utf8_validate_len (text, len, NULL))
    {
      valid = g_utf8_make_valid (text, len);
      for (p = valid; *p != '\0'; p = g_utf8_next_char (p))
        if (g_utf8_get_char (p) == 0xFFFD)
          removed++;
      text = valid;
      len = strlen (valid);
    }

  out = g_string_sized_new (len);
  end = text + len;
  for (p = text; p < end; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (c == '\r')
        {
          if (p + 1 < end && p[1] == '\n')
            continue;
          c = '\n';
        }
      else if (c == 0x0B || c == 0x0C)
        {
          c = '\n';
          removed++;
        }
      else if (c == 0 || !is_xml_char (c))
        {
          removed++;
          continue;
        }

      if (single_line && (c == '\n' || c == '\t'))
        c = ' ';
      g_string_append_unichar (out, c);
    }

  if (n_removed != NULL)
    *n_removed = removed;
  return g_string_free (out, FALSE);
}

/**
 * rpt_text_sanitize_line:
 * @text: (nullable): a single line of text
 *
 * Returns: (transfer full) (nullable): @text sanitized as one line, or
 *   %NULL for %NULL
 */
char *
rpt_text_sanitize_line (const char *text)
{
  if (text == NULL)
    return NULL;
  return rpt_text_sanitize (text, -1, TRUE, NULL);
}

/**
 * rpt_markup_append_escaped:
 * @attribute: whether the text goes into a double-quoted attribute value
 *
 * Appends @text with the characters XML gives meaning escaped. In
 * attributes, tab and line breaks are written as character references so
 * that attribute-value normalization keeps them.
 */
void
rpt_markup_append_escaped (GString *out, const char *text, gssize len, gboolean attribute)
{
  const char *p, *end, *start;

  if (len < 0)
    len = strlen (text);
  end = text + len;
  start = text;
  for (p = text; p < end; p++)
    {
      const char *rep = NULL;

      switch (*p)
        {
        case '&':
          rep = "&amp;";
          break;
        case '<':
          rep = "&lt;";
          break;
        case '>':
          rep = "&gt;";
          break;
        case '"':
          rep = attribute ? "&quot;" : NULL;
          break;
        case '\t':
          rep = attribute ? "&#9;" : NULL;
          break;
        case '\n':
          rep = attribute ? "&#10;" : NULL;
          break;
        case '\r':
          rep = "&#13;";
          break;
        default:
          break;
        }
      if (rep != NULL)
        {
          g_string_append_len (out, start, p - start);
          g_string_append (out, rep);
          start = p + 1;
        }
    }
  g_string_append_len (out, start, end - start);
}

/**
 * rpt_markup_escape_text:
 * @text: plain text
 * @len: length in bytes or -1
 * @n_removed: (out) (optional): characters dropped or replaced, see
 *   rpt_text_sanitize()
 *
 * Returns: (transfer full): inline markup that shows @text as it is
 */
char *
rpt_markup_escape_text (const char *text, gssize len, guint *n_removed)
{
  g_autofree char *clean = rpt_text_sanitize (text, len, FALSE, n_removed);
  GString *out = g_string_sized_new (strlen (clean) + 16);

  rpt_markup_append_escaped (out, clean, -1, FALSE);
  return g_string_free (out, FALSE);
}

typedef struct
{
  GPtrArray *runs;
  guint bold;
  guint italic;
  char *href;
  guint note;
  guint n_notes;
  gboolean in_field;
  gsize last_len;
} ParseState;

#define WRAPPER "m"

static RptRunFlags
state_flags (ParseState *st)
{
  return (st->bold > 0 ? RPT_RUN_BOLD : 0) | (st->italic > 0 ? RPT_RUN_ITALIC : 0);
}

static gboolean
instrument_code_is_valid (const char *code)
{
  gboolean prev_dash = TRUE;

  if (code == NULL || *code == '\0')
    return FALSE;
  for (const char *p = code; *p != '\0'; p++)
    {
      if (*p == '-')
        {
          if (prev_dash)
            return FALSE;
          prev_dash = TRUE;
        }
      else if (g_ascii_isupper (*p) || g_ascii_isdigit (*p))
        prev_dash = FALSE;
      else
        return FALSE;
    }
  return !prev_dash;
}

static void
markup_start_element (GMarkupParseContext *context,
                      const char *element_name,
                      const char **attribute_names,
                      const char **attribute_values,
                      gpointer user_data,
                      GError **error)
{
  ParseState *st = user_data;
  const GSList *stack = g_markup_parse_context_get_element_stack (context);
  gboolean is_root = stack->next == NULL;

  if (is_root)
    {
      if (g_strcmp0 (element_name, WRAPPER) != 0)
        g_set_error (error, RPT_ERROR, RPT_ERROR_INVALID_MARKUP, _ ("Unexpected element <%s>"),
                     element_name);
      return;
    }

  if (st->in_field)
    {
      g_set_error (error, RPT_ERROR, RPT_ERROR_INVALID_MARKUP,
                   _ ("The element <treaty-status> must be empty"));
      return;
    }

  if (g_str_equal (element_name, "b") || g_str_equal (element_name, "i") ||
      g_str_equal (element_name, "note"))
    {
      if (attribute_names[0] != NULL)
        {
          g_set_error (error, RPT_ERROR, RPT_ERROR_INVALID_MARKUP,
                       _ ("The element <%s> takes no attribute “%s”"), element_name,
                       attribute_names[0]);
          return;
        }
      if (element_name[0] == 'b')
        st->bold++;
      else if (element_name[0] == 'i')
        st->italic++;
      else if (st->note > 0)
        g_set_error (error, RPT_ERROR, RPT_ERROR_INVALID_MARKUP,
                     _ ("A footnote cannot hold another footnote"));
      else
        st->note = ++st->n_notes;
    }
  else if (g_str_equal (element_name, "a"))
    {
      const char *href = NULL;

      if (!g_markup_collect_attributes (element_name, attribute_names, attribute_values, error,
                                        G_MARKUP_COLLECT_STRING, "href", &href,
                                        G_MARKUP_COLLECT_INVALID))
        return;
      if (st->href != NULL)
        {
          g_set_error (error, RPT_ERROR, RPT_ERROR_INVALID_MARKUP,
                       _ ("A link cannot hold another link"));
          return;
        }
      if (*href == '\0')
        {
          g_set_error (error, RPT_ERROR, RPT_ERROR_INVALID_MARKUP, _ ("A link needs a target"));
          return;
        }
      st->href = g_strdup (href);
    }
  else if (g_str_equal (element_name, "treaty-status"))
    {
      const char *instrument = NULL;

      if (!g_markup_collect_attributes (element_name, attribute_names, attribute_values, error,
                                        G_MARKUP_COLLECT_STRING, "instrument", &instrument,
                                        G_MARKUP_COLLECT_INVALID))
        return;
      if (!instrument_code_is_valid (instrument))
        {
          g_set_error (error, RPT_ERROR, RPT_ERROR_INVALID_MARKUP,
                       _ ("“%s” is not an instrument code"), instrument);
          return;
        }
      g_ptr_array_add (st->runs,
                       rpt_run_new_treaty_status (instrument, state_flags (st), st->note));
      st->in_field = TRUE;
    }
  else
    {
      g_set_error (error, RPT_ERROR, RPT_ERROR_INVALID_MARKUP,
                   _ ("Paragraph text cannot hold the element <%s>"), element_name);
    }
}

static void
markup_end_element (GMarkupParseContext *context,
                    const char *element_name,
                    gpointer user_data,
                    GError **error)
{
  ParseState *st = user_data;

  if (g_str_equal (element_name, "b"))
    st->bold--;
  else if (g_str_equal (element_name, "i"))
    st->italic--;
  else if (g_str_equal (element_name, "note"))
    st->note = 0;
  else if (g_str_equal (element_name, "a"))
    g_clear_pointer (&st->href, g_free);
  else if (g_str_equal (element_name, "treaty-status"))
    st->in_field = FALSE;
}

static gboolean
run_same_format (const RptRun *a, RptRunFlags flags, const char *href, guint note)
{
  return a->kind == RPT_RUN_TEXT && a->flags == flags && g_strcmp0 (a->href, href) == 0 &&
         a->note == note;
}

static void
markup_text (GMarkupParseContext *context,
             const char *text,
             gsize text_len,
             gpointer user_data,
             GError **error)
{
  ParseState *st = user_data;
  RptRunFlags flags = state_flags (st);
  RptRun *last;

  if (text_len == 0)
    return;
  if (st->in_field)
    {
      g_set_error (error, RPT_ERROR, RPT_ERROR_INVALID_MARKUP,
                   _ ("The element <treaty-status> must be empty"));
      return;
    }

  last = st->runs->len > 0 ? g_ptr_array_index (st->runs, st->runs->len - 1) : NULL;
  if (last != NULL && run_same_format (last, flags, st->href, st->note))
    {
      /* GLib's realloc grows geometrically enough in practice; last_len
       * spares the strlen that would make long merges quadratic. */
      last->text = g_realloc (last->text, st->last_len + text_len + 1);
      memcpy (last->text + st->last_len, text, text_len);
      st->last_len += text_len;
      last->text[st->last_len] = '\0';
    }
  else
    {
      RptRun *run = rpt_run_new_text (NULL, flags, st->href, st->note);
      g_free (run->text);
      run->text = g_strndup (text, text_len);
      st->last_len = text_len;
      g_ptr_array_add (st->runs, run);
    }
}

static void
markup_passthrough (GMarkupParseContext *context,
                    const char *passthrough_text,
                    gsize text_len,
                    gpointer user_data,
                    GError **error)
{
  /* Comments, processing instructions and DOCTYPEs have no place in a
   * paragraph; refusing them keeps the text exactly what the user sees. */
  g_set_error (error, RPT_ERROR, RPT_ERROR_INVALID_MARKUP,
               _ ("Paragraph text cannot hold comments or processing instructions"));
}

static const GMarkupParser markup_parser = {
  markup_start_element, markup_end_element, markup_text, markup_passthrough, NULL,
};

/**
 * rpt_markup_parse:
 * @markup: inline markup
 *
 * Splits @markup into runs of equal formatting. Text is returned as it
 * stands (not sanitized); adjacent text of equal formatting is one run.
 *
 * Returns: (transfer full) (element-type RptRun): the runs, or %NULL with
 *   @error set when @markup is not valid inline markup
 */
GPtrArray *
rpt_markup_parse (const char *markup, GError **error)
{
  g_autoptr (GMarkupParseContext) context = NULL;
  g_autoptr (GPtrArray) runs = g_ptr_array_new_with_free_func ((GDestroyNotify) rpt_run_free);
  g_autoptr (GError) local_error = NULL;
  ParseState st = { 0 };

  g_return_val_if_fail (markup != NULL, NULL);

  st.runs = runs;
  context = g_markup_parse_context_new (&markup_parser, G_MARKUP_PREFIX_ERROR_POSITION, &st, NULL);
  if (!g_markup_parse_context_parse (context, "<" WRAPPER ">", -1, &local_error) ||
      !g_markup_parse_context_parse (context, markup, -1, &local_error) ||
      !g_markup_parse_context_parse (context, "</" WRAPPER ">", -1, &local_error) ||
      !g_markup_parse_context_end_parse (context, &local_error))
    {
      g_free (st.href);
      if (local_error->domain == RPT_ERROR)
        g_propagate_error (error, g_steal_pointer (&local_error));
      else
        g_set_error (error, RPT_ERROR, RPT_ERROR_INVALID_MARKUP,
                     _ ("Paragraph text is not valid: %s"), local_error->message);
      return NULL;
    }
  g_free (st.href);
  return g_steal_pointer (&runs);
}

typedef struct
{
  guint note;
  const char *href;
  gboolean bold;
  gboolean italic;
} Open;

static void
close_to (GString *out, Open *cur, guint level)
{
  /* levels: 4 = italic, 3 = bold, 2 = link, 1 = note */
  if (level <= 4 && cur->italic)
    {
      g_string_append (out, "</i>");
      cur->italic = FALSE;
    }
  if (level <= 3 && cur->bold)
    {
      g_string_append (out, "</b>");
      cur->bold = FALSE;
    }
  if (level <= 2 && cur->href != NULL)
    {
      g_string_append (out, "</a>");
      cur->href = NULL;
    }
  if (level <= 1 && cur->note > 0)
    {
      g_string_append (out, "</note>");
      cur->note = 0;
    }
}

/**
 * rpt_markup_from_runs:
 * @runs: (element-type RptRun): runs as rpt_markup_parse() returns them
 *
 * Writes @runs in the canonical form: elements nest note > a > b > i,
 * neighbours of equal formatting share their elements and empty text
 * disappears. Run text is escaped but not sanitized.
 *
 * Returns: (transfer full): inline markup
 */
char *
rpt_markup_from_runs (GPtrArray *runs)
{
  GString *out = g_string_new (NULL);
  Open cur = { 0 };

  for (guint i = 0; i < runs->len; i++)
    {
      const RptRun *run = g_ptr_array_index (runs, i);
      gboolean bold = (run->flags & RPT_RUN_BOLD) != 0;
      gboolean italic = (run->flags & RPT_RUN_ITALIC) != 0;

      if (run->kind == RPT_RUN_TEXT && (run->text == NULL || run->text[0] == '\0'))
        continue;

      if (cur.note != run->note)
        close_to (out, &cur, 1);
      else if (g_strcmp0 (cur.href, run->href) != 0)
        close_to (out, &cur, 2);
      else if (cur.bold != bold)
        close_to (out, &cur, 3);
      else if (cur.italic != italic)
        close_to (out, &cur, 4);

      if (run->note > 0 && cur.note == 0)
        {
          g_string_append (out, "<note>");
          cur.note = run->note;
        }
      if (run->href != NULL && cur.href == NULL)
        {
          g_string_append (out, "<a href=\"");
          rpt_markup_append_escaped (out, run->href, -1, TRUE);
          g_string_append (out, "\">");
          cur.href = run->href;
        }
      if (bold && !cur.bold)
        {
          g_string_append (out, "<b>");
          cur.bold = TRUE;
        }
      if (italic && !cur.italic)
        {
          g_string_append (out, "<i>");
          cur.italic = TRUE;
        }

      if (run->kind == RPT_RUN_TREATY_STATUS)
        {
          g_string_append (out, "<treaty-status instrument=\"");
          rpt_markup_append_escaped (out, run->instrument, -1, TRUE);
          g_string_append (out, "\"/>");
        }
      else
        rpt_markup_append_escaped (out, run->text, -1, FALSE);
    }
  close_to (out, &cur, 1);
  return g_string_free (out, FALSE);
}

/**
 * rpt_markup_normalize:
 * @markup: inline markup
 * @n_removed: (out) (optional): characters dropped or replaced because XML
 *   cannot hold them (see rpt_text_sanitize())
 *
 * Returns: (transfer full): @markup in canonical form with clean text, or
 *   %NULL with @error set when it is not valid inline markup
 */
char *
rpt_markup_normalize (const char *markup, guint *n_removed, GError **error)
{
  g_autoptr (GPtrArray) runs = NULL;
  g_autofree char *clean = NULL;
  guint removed = 0;

  g_return_val_if_fail (markup != NULL, NULL);

  /* Plain text with nothing to escape is its own canonical form: most
   * paragraphs of a letter, read at every open. */
  if (strpbrk (markup, "<>&") == NULL && rpt_text_is_clean (markup, FALSE))
    {
      if (n_removed != NULL)
        *n_removed = 0;
      return g_strdup (markup);
    }

  /* Control characters are sanitized first: GMarkup would refuse them,
   * and the user typed (or pasted) them, so they are not an error. */
  if (!rpt_text_is_clean (markup, FALSE))
    {
      clean = rpt_text_sanitize (markup, -1, FALSE, &removed);
      markup = clean;
    }

  runs = rpt_markup_parse (markup, error);
  if (runs == NULL)
    return NULL;
  for (guint i = 0; i < runs->len; i++)
    {
      RptRun *run = g_ptr_array_index (runs, i);
      if (run->text != NULL && !rpt_text_is_clean (run->text, FALSE))
        {
          guint n = 0;
          char *t = rpt_text_sanitize (run->text, -1, FALSE, &n);
          g_free (run->text);
          run->text = t;
          removed += n;
        }
    }
  if (n_removed != NULL)
    *n_removed = removed;
  return rpt_markup_from_runs (runs);
}

/**
 * rpt_markup_validate:
 *
 * Returns: whether @markup is valid inline markup
 */
gboolean
rpt_markup_validate (const char *markup, GError **error)
{
  g_autoptr (GPtrArray) runs = NULL;

  if (!rpt_text_is_clean (markup, FALSE))
    {
      g_set_error (error, RPT_ERROR, RPT_ERROR_INVALID_MARKUP,
                   _ ("Paragraph text holds characters XML cannot store"));
      return FALSE;
    }
  runs = rpt_markup_parse (markup, error);
  return runs != NULL;
}

/**
 * rpt_markup_to_plain:
 *
 * Returns: (transfer full): the text of @markup outside footnotes, without
 *   formatting; fields are left out. Invalid markup gives its raw text.
 */
char *
rpt_markup_to_plain (const char *markup)
{
  g_autoptr (GPtrArray) runs = rpt_markup_parse (markup, NULL);
  GString *out;

  if (runs == NULL)
    return g_strdup (markup);
  out = g_string_new (NULL);
  for (guint i = 0; i < runs->len; i++)
    {
      const RptRun *run = g_ptr_array_index (runs, i);
      if (run->kind == RPT_RUN_TEXT && run->note == 0)
        g_string_append (out, run->text);
    }
  return g_string_free (out, FALSE);
}
