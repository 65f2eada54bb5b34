/* rpt-layout.c
 *
 * Copyright 2026 The Rapporteur authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "rpt-layout"

#include <glib/gi18n-lib.h>
#include <pango/pangocairo.h>
#include <string.h>

#include "rpt-document-private.h"
#include "rpt-layout.h"
#include "rpt-text-renderer.h"

/*
 * The layout engine: document XML + house style → pages, drawn with Cairo
 * onto any cairo_t (PDF, printing, the on-screen preview), so all three
 * show the same pages.
 *
 * Two stages, so an edit costs little:
 *  1. each block is shaped and broken into lines by Pango once; the result
 *     (a BlockLayout) is cached under a key made of everything that affects
 *     it (text, spans, style, list number, language). Setting a new version
 *     of the document reuses every block whose key is unchanged, so editing
 *     one paragraph re-shapes one paragraph.
 *  2. pagination places the lines of every block on pages: only arithmetic
 *     on cached line heights, applying break-before, keep-with-next,
 *     keep-together, widows, orphans and footnotes.
 *
 * Metrics do not depend on the target: layouts use a font map at 72 dpi
 * (one Pango unit is 1/1024 pt) with hinting off, so the preview at any
 * zoom, the printout and the PDF break lines at the same places.
 *
 * Threads: Pango objects are not thread-safe. Each thread has its own font
 * map (not Pango's default one, whose resolution GTK sets), shared by the
 * layouts made in that thread so fonts are loaded once per thread; an
 * RptLayout is used in the thread that made it. Export in a worker thread
 * makes its own RptLayout there from the (immutable) RptDocument.
 */

typedef struct _BlockLayout BlockLayout;

typedef struct
{
  guint line;            /* line of the parent block holding the citation */
  GPtrArray *paragraphs; /* of BlockLayout */
} NoteLayout;

struct _BlockLayout
{
  RptBlock *block;
  PangoLayout *layout;
  /* The same lines not justified, for the lines of a justified paragraph
   * that have no space to widen (a part of a long word or URL): Pango
   * would spread their letters apart, and text extraction then reads
   * letters as words. NULL when no line needs it. */
  PangoLayout *plain;
  gboolean *line_plain;  /* whether line i is drawn from @plain */
  guint label_length;    /* bytes of list label + tab before the block's text */
  GArray *selectors;     /* layout indices where a U+FE0E was inserted (guint) */
  GArray *substitutions; /* of RptTextSubstitution: the document's text there */
  double x;              /* left of the Pango layout, from the body's left edge */
  guint n_lines;
  double *line_top; /* n_lines + 1 entries, from the top of the block */
  double *line_x;   /* left of each line's logical extents, in the layout */
  double *baseline;
  double space_before;
  double space_after;
  gboolean keep_with_next;
  gboolean keep_together;
  gboolean break_before;
  const char *master_page; /* owned by the style sheet */
  int orphans;
  int widows;
  GArray *notes; /* of NoteLayout */
  /* What the Pango layout is made from, to make it again once released
   * (rpt_layout_set_shape_limit()), and when it was last used. */
  char *label;
  double body_width;
  guint64 used;
};

/* A footnote paragraph, or what is left of it, waiting for room. */
typedef struct
{
  BlockLayout *paragraph;
  guint block; /* the block that cites the note */
  guint note;
  guint index; /* of the paragraph in the note */
  guint first_line;
} NotePart;

/* What the notes of a page were before a fragment was placed, to take
 * the fragment back (keep-with-next). */
typedef struct
{
  guint n_notes;
  guint n_pending;
  double notes_height;
} NoteMark;

typedef struct
{
  const RptMasterPage *master;
  double top;
  double bottom;
  double notes_height;        /* the separator included, when there are notes */
  GArray *fragments;          /* of RptLayoutFragment */
  GArray *marks;              /* of NoteMark, one per fragment */
  GArray *notes;              /* of RptLayoutNoteFragment */
  GPtrArray *note_paragraphs; /* BlockLayout of each of @notes (not owned) */
} Page;

struct _RptLayout
{
  GObject parent_instance;

  RptStyleSheet *styles;
  RptDocument *document;
  PangoFontMap *font_map;
  PangoContext *context;
  RptTextRenderer *renderer;

  GHashTable *cache; /* key → BlockLayout */
  GPtrArray *blocks; /* of BlockLayout, one per document block */
  guint shape_limit; /* Pango layouts kept; 0: all */
  guint64 tick;
  GPtrArray *pages; /* of Page */
  guint n_relaid;

  GPtrArray *warnings;
  GHashTable *warned;        /* warnings already given */
  GHashTable *checked_fonts; /* family → whether it is installed */
};

G_DEFINE_FINAL_TYPE (RptLayout, rpt_layout, G_TYPE_OBJECT)

/* Space between the body text and the footnotes, and the rule's length. */
#define NOTE_SEPARATOR_SPACE 12.0
#define NOTE_RULE_FRACTION 0.25

static void
block_layout_clear (BlockLayout *bl)
{
  g_clear_object (&bl->layout);
  g_clear_object (&bl->plain);
  g_free (bl->line_plain);
  g_clear_pointer (&bl->block, rpt_block_unref);
  g_free (bl->label);
  g_clear_pointer (&bl->selectors, g_array_unref);
  g_clear_pointer (&bl->substitutions, g_array_unref);
  g_free (bl->line_top);
  g_free (bl->line_x);
  g_free (bl->baseline);
  if (bl->notes != NULL)
    {
      for (guint i = 0; i < bl->notes->len; i++)
        g_ptr_array_unref (g_array_index (bl->notes, NoteLayout, i).paragraphs);
      g_array_unref (bl->notes);
    }
}

static BlockLayout *
block_layout_ref (BlockLayout *bl)
{
  return g_rc_box_acquire (bl);
}

static void
block_layout_unref (BlockLayout *bl)
{
  g_rc_box_release_full (bl, (GDestroyNotify) block_layout_clear);
}

static void
page_free (Page *page)
{
  g_array_unref (page->fragments);
  g_array_unref (page->marks);
  g_array_unref (page->notes);
  g_ptr_array_unref (page->note_paragraphs);
  g_free (page);
}

static void
rpt_layout_dispose (GObject *object)
{
  RptLayout *self = RPT_LAYOUT (object);

  g_clear_object (&self->document);
  g_clear_object (&self->styles);
  g_clear_object (&self->context);
  g_clear_object (&self->renderer);
  g_clear_object (&self->font_map);
  G_OBJECT_CLASS (rpt_layout_parent_class)->dispose (object);
}

static void
rpt_layout_finalize (GObject *object)
{
  RptLayout *self = RPT_LAYOUT (object);

  g_ptr_array_unref (self->pages);
  g_ptr_array_unref (self->blocks);
  g_hash_table_unref (self->cache);
  g_ptr_array_unref (self->warnings);
  g_hash_table_unref (self->warned);
  g_hash_table_unref (self->checked_fonts);
  G_OBJECT_CLASS (rpt_layout_parent_class)->finalize (object);
}

static void
rpt_layout_class_init (RptLayoutClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = rpt_layout_dispose;
  object_class->finalize = rpt_layout_finalize;
}

static GPrivate thread_font_map = G_PRIVATE_INIT (g_object_unref);

static PangoFontMap *
dup_thread_font_map (void)
{
  PangoFontMap *map = g_private_get (&thread_font_map);

  if (map == NULL)
    {
      map = pango_cairo_font_map_new ();
      pango_cairo_font_map_set_resolution (PANGO_CAIRO_FONT_MAP (map), 72.0);
      g_private_set (&thread_font_map, map);
    }
  return g_object_ref (map);
}

static void
rpt_layout_init (RptLayout *self)
{
  cairo_font_options_t *options;

  self->cache =
    g_hash_table_new_full (g_str_hash, g_str_equal, g_free, (GDestroyNotify) block_layout_unref);
  self->blocks = g_ptr_array_new_with_free_func ((GDestroyNotify) block_layout_unref);
  self->pages = g_ptr_array_new_with_free_func ((GDestroyNotify) page_free);
  self->warnings = g_ptr_array_new_with_free_func (g_free);
  self->warned = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  self->checked_fonts = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);

  self->font_map = dup_thread_font_map ();
  self->renderer = rpt_text_renderer_new ();
  self->context = pango_font_map_create_context (self->font_map);
  /* Unhinted outlines and metrics: line breaks must not depend on the
   * device or the zoom. */
  options = cairo_font_options_create ();
  cairo_font_options_set_hint_style (options, CAIRO_HINT_STYLE_NONE);
  cairo_font_options_set_hint_metrics (options, CAIRO_HINT_METRICS_OFF);
  pango_cairo_context_set_font_options (self->context, options);
  cairo_font_options_destroy (options);
  pango_context_set_round_glyph_positions (self->context, FALSE);
  /* The letter's writing mode is the page's: left to right for the
   * languages of the letters. Right-to-left runs are still ordered by
   * the bidirectional algorithm inside each line. */
  pango_context_set_base_dir (self->context, PANGO_DIRECTION_LTR);
}

/**
 * rpt_layout_new:
 * @styles: the house style
 *
 * Returns: (transfer full): an empty layout
 */
RptLayout *
rpt_layout_new (RptStyleSheet *styles)
{
  RptLayout *self;

  g_return_val_if_fail (RPT_IS_STYLE_SHEET (styles), NULL);
  self = g_object_new (RPT_TYPE_LAYOUT, NULL);
  self->styles = g_object_ref (styles);
  return self;
}

RptStyleSheet *
rpt_layout_get_style_sheet (RptLayout *self)
{
  g_return_val_if_fail (RPT_IS_LAYOUT (self), NULL);
  return self->styles;
}

/**
 * rpt_layout_get_document:
 *
 * Returns: (transfer none) (nullable): the document laid out
 */
RptDocument *
rpt_layout_get_document (RptLayout *self)
{
  g_return_val_if_fail (RPT_IS_LAYOUT (self), NULL);
  return self->document;
}

static void
warn (RptLayout *self, char *message)
{
  if (g_hash_table_contains (self->warned, message))
    {
      g_free (message);
      return;
    }
  g_hash_table_add (self->warned, g_strdup (message));
  g_ptr_array_add (self->warnings, message);
}

/* Fontconfig substitutes a missing family silently: compare the family
 * asked for with the one that is used, and say so once. */
/* Fontconfig substitutes a missing family silently: compare the family
 * asked for with the one that is used, and say so once.
 * Returns: whether the family is installed */
static gboolean
check_font (RptLayout *self, const char *wanted)
{
  g_autoptr (PangoFont) font = NULL;
  PangoFontDescription *regular;
  PangoFontDescription *used;
  const char *got;
  gpointer known;
  gboolean installed = TRUE;

  /* Once per family, with its regular face: bold and italic are
   * synthesised when a family lacks them, which is not worth a warning. */
  if (g_hash_table_lookup_extended (self->checked_fonts, wanted, NULL, &known))
    return GPOINTER_TO_INT (known);
  regular = pango_font_description_new ();
  pango_font_description_set_family (regular, wanted);
  pango_font_description_set_size (regular, 12 * PANGO_SCALE);
  font = pango_font_map_load_font (self->font_map, self->context, regular);
  pango_font_description_free (regular);
  if (font == NULL)
    {
      warn (self, g_strdup_printf (_ ("No font could be loaded for “%s”"), wanted));
      installed = FALSE;
    }
  else
    {
      used = pango_font_describe (font);
      got = pango_font_description_get_family (used);
      if (got != NULL && g_ascii_strcasecmp (wanted, got) != 0)
        {
          warn (self,
                g_strdup_printf (_ ("The font “%s” is not installed; “%s” is used instead, so "
                                    "lines and pages may break differently from the ODT"),
                                 wanted, got));
          installed = FALSE;
        }
      pango_font_description_free (used);
    }
  g_hash_table_insert (self->checked_fonts, g_strdup (wanted), GINT_TO_POINTER (installed));
  return installed;
}

static PangoAttribute *
ranged (PangoAttribute *attr, guint start, guint end)
{
  attr->start_index = start;
  attr->end_index = end;
  return attr;
}

static char *
list_label (const RptListFormat *list, guint number)
{
  if (list->numbered)
    return g_strdup_printf ("%s%u%s", list->prefix, number, list->suffix);
  return g_strdup (list->bullet);
}

/* The language text is shaped and broken in: the document's, with the
 * country of the style's language when they agree ("en" + "en-GB"). */
static const char *
letter_language (RptLayout *self, const RptParagraphFormat *style)
{
  const char *language = rpt_document_get_language (self->document);

  if (language == NULL || (style->language != NULL &&
                           g_ascii_strncasecmp (style->language, language, strlen (language)) == 0))
    return style->language;
  return language;
}

/* Characters that fonts draw as colour emoji unless asked for text
 * presentation (Unicode Emoji_Presentation, in the blocks where it
 * occurs; text-default characters there are harmless to include). */
static gboolean
is_emoji (gunichar c)
{
  return (c >= 0x2600 && c <= 0x27bf) || (c >= 0x1f000 && c <= 0x1faff) || c == 0x231a ||
         c == 0x231b || (c >= 0x23e9 && c <= 0x23f3) || c == 0x2b50 || c == 0x2b55;
}

#define VS15 "\xef\xb8\x8e" /* U+FE0E, text presentation */
#define VS16 "\xef\xb8\x8f" /* U+FE0F, emoji presentation */

/* cairo 1.16 draws colour emoji as pictures, which text extraction, search
 * and screen readers cannot find. Asking for text presentation (U+FE0E
 * after each emoji, in place of U+FE0F) makes Pango use an outline font
 * (Symbola, Noto Sans Symbols 2), so emoji stay text in the PDF; the
 * preview shows the same glyphs. The document's text is unchanged: only
 * the text given to Pango, whose indices are mapped with map_index(), and
 * @substitutions tell the renderer what the document has there, so that
 * the PDF's text is the document's. */
static char *
text_presentation (const char *text, guint length, GArray **selectors, GArray **substitutions)
{
  GString *out = g_string_sized_new (length + 16);
  const char *p = text, *end = text + length;

  *selectors = NULL;
  *substitutions = NULL;
  while (p < end)
    {
      gunichar c = g_utf8_get_char (p);
      const char *next = g_utf8_next_char (p);

      g_string_append_len (out, p, next - p);
      if (is_emoji (c))
        {
          RptTextSubstitution sub = { (guint) out->len, (guint) out->len + 3, "" };

          if (next + 3 <= end && memcmp (next, VS16, 3) == 0)
            {
              g_string_append (out, VS15);
              sub.text = VS16;
              next += 3;
            }
          else if (!(next + 3 <= end && memcmp (next, VS15, 3) == 0))
            {
              guint at = (guint) (next - text);
              if (*selectors == NULL)
                *selectors = g_array_new (FALSE, FALSE, sizeof (guint));
              g_array_append_val (*selectors, at);
              g_string_append (out, VS15);
            }
          else
            sub.text = NULL;
          if (sub.text != NULL)
            {
              if (*substitutions == NULL)
                *substitutions = g_array_new (FALSE, FALSE, sizeof (RptTextSubstitution));
              g_array_append_val (*substitutions, sub);
            }
        }
      p = next;
    }
  return g_string_free (out, FALSE);
}

/* --- line breaking ------------------------------------------------- */

/* Words that are kept whole when they fit on a line ("CCPR/C/GC/35",
 * "non-disclosure", "6(a)-(c)"): a break inside them makes text
 * extraction return two words, or join them without the hyphen, so the
 * PDF's text would no longer be the letter's. */
static gboolean
is_compound_mark (gunichar c)
{
  return c == '/' || c == '-' || c == 0x2010 || c == 0x2011;
}

/* Where a word too long for a line (a URL, a run of references) breaks
 * first: before these, as URLs are broken in print, so that no line ends
 * with a hyphen (which extraction would take for a hyphenation and drop)
 * and nothing is added to the word. */
static gboolean
is_break_mark (gunichar c)
{
  return is_compound_mark (c) || c == '?' || c == '&';
}

/* Pass one: no break inside a compound word. Runs of wide (CJK) characters
 * keep their breaks. */
static void
keep_compounds_whole (PangoAttrList *attrs, const char *text)
{
  const char *p = text;

  while (*p != '\0')
    {
      const char *start;
      gboolean compound = FALSE, wide = FALSE;

      while (*p != '\0' && g_unichar_isspace (g_utf8_get_char (p)))
        p = g_utf8_next_char (p);
      start = p;
      while (*p != '\0' && !g_unichar_isspace (g_utf8_get_char (p)))
        {
          gunichar c = g_utf8_get_char (p);
          compound |= is_compound_mark (c);
          wide |= g_unichar_iswide (c);
          p = g_utf8_next_char (p);
        }
      /* Pango removes the breaks strictly inside the range: the break
       * before the word stays. */
      if (compound && !wide && start < p)
        pango_attr_list_insert (attrs, ranged (pango_attr_allow_breaks_new (FALSE),
                                               (guint) (start - text), (guint) (p - text)));
    }
}

/* Long runs without a space are cut into items of at most about this many
 * characters: Pango reshapes the rest of an item for every line it breaks
 * off it, so a 100,000-character word took time quadratic in its length
 * (15 s to lay out). Items are cut where shaping needs no context from
 * across the cut (HarfBuzz still sees the text around an item, so Arabic
 * letters keep their joining forms): never inside a grapheme, before a
 * mark or joiner, after a virama (Indic conjuncts) or after a lam (the
 * lam-alef ligature). */
#define CHUNK_CHARS 64

static gboolean
may_cut_item_between (gunichar before, gunichar after)
{
  return !g_unichar_ismark (after) && after != 0x200c && after != 0x200d && before != 0x200c &&
         before != 0x200d && before != 0x0644 && g_unichar_combining_class (before) != 9 &&
         !g_unichar_isspace (before) && !g_unichar_isspace (after);
}

/* A no-op attribute (font fallback is on by default) starts a new item.
 * @no_cut: (nullable): characters before which no cut may be made */
static void
cut_long_runs (PangoAttrList *attrs, const char *text, const gboolean *no_cut)
{
  const char *p = text, *item_start = text;
  gunichar before = 0;
  guint run = 0;

  for (int c = 0; *p != '\0'; c++)
    {
      gunichar ch = g_utf8_get_char (p);

      if (g_unichar_isspace (ch))
        run = 0;
      else if (++run > CHUNK_CHARS && may_cut_item_between (before, ch) &&
               (no_cut == NULL || !no_cut[c]))
        {
          pango_attr_list_insert (attrs, ranged (pango_attr_fallback_new (TRUE),
                                                 (guint) (item_start - text), (guint) (p - text)));
          item_start = p;
          run = 1;
        }
      before = ch;
      p = g_utf8_next_char (p);
    }
}

/* Whether a line sticks out of the layout's width: a word with no break
 * Pango was allowed to use. */
static gboolean
layout_overflows (PangoLayout *layout)
{
  int width = pango_layout_get_width (layout);
  PangoLayoutIter *iter = pango_layout_get_iter (layout);
  gboolean over = FALSE;

  do
    {
      PangoRectangle logical;

      pango_layout_iter_get_line_extents (iter, NULL, &logical);
      over = logical.x < -PANGO_SCALE / 2 || logical.x + logical.width > width + PANGO_SCALE / 2;
    }
  while (!over && pango_layout_iter_next_line (iter));
  pango_layout_iter_free (iter);
  return over;
}

static void
forbid_breaks (PangoAttrList *attrs, const int *char_byte, int from, int to)
{
  if (to - from > 1)
    pango_attr_list_insert (attrs, ranged (pango_attr_allow_breaks_new (FALSE),
                                           (guint) char_byte[from], (guint) char_byte[to]));
}

static int
compare_ints (gconstpointer a, gconstpointer b)
{
  return *(const int *) a - *(const int *) b;
}

/* Pass two, for a paragraph where pass one left a word wider than the
 * line. Words that fit keep pass one's rules. A word wider than a line
 * that has marks ("/", "-", "?", "&") is cut into pieces before each mark
 * (after the slashes of "://") and where Unicode allows a break other than
 * right after a mark; the pieces are gathered greedily into groups that
 * fill a line, and breaks inside a group are taken away. Such a word
 * starts a line (Pango moves it to the next line, as it does not fit
 * after what precedes it), and Pango, finding no break in a line that
 * holds only part of a word, breaks between characters
 * (PANGO_WRAP_WORD_CHAR): the only places left are the groups' edges. A
 * piece wider than a line breaks between any two characters. No hyphen
 * is ever added.
 *
 * Groups of a line rather than single pieces: Pango 1.50 spends time
 * proportional to the paragraph's length on each allow-breaks attribute,
 * so a 100,000-character URL with a mark every few characters must need
 * one per line, not one per piece. */
static void
break_long_words (PangoLayout *layout, PangoAttrList *base)
{
  g_autoptr (PangoLayout) natural = pango_layout_copy (layout);
  const char *text = pango_layout_get_text (layout);
  int n_bytes = (int) strlen (text);
  int n_chars = g_utf8_strlen (text, n_bytes);
  g_autofree int *byte_char = g_new0 (int, n_bytes + 1);
  g_autofree int *char_byte = g_new0 (int, n_chars + 1);
  g_autofree gunichar *chars = g_new0 (gunichar, n_chars + 1);
  g_autofree int *widths = g_new0 (int, n_chars + 1);
  g_autofree gboolean *no_cut = g_new0 (gboolean, n_chars + 1);
  g_autoptr (GArray) cuts = g_array_new (FALSE, FALSE, sizeof (int));
  gint64 min_width = pango_layout_get_width (layout) - ABS (pango_layout_get_indent (layout));
  /* The widths summed here are close to what Pango measures for a line,
   * not equal (kerning and shaping across pieces): a margin keeps each
   * group within its line. */
  gint64 line_width = min_width * 97 / 100 - PANGO_SCALE;
  const PangoLogAttr *log;
  PangoLayoutIter *iter;
  PangoAttrList *attrs;
  int n_attrs = 0;

  attrs = pango_attr_list_copy (base);
  cut_long_runs (attrs, text, NULL);
  pango_layout_set_attributes (natural, attrs);
  pango_attr_list_unref (attrs);
  pango_layout_set_justify (natural, FALSE);
  pango_layout_set_wrap (natural, PANGO_WRAP_WORD_CHAR);
  log = pango_layout_get_log_attrs_readonly (natural, &n_attrs);
  g_assert (n_attrs == n_chars + 1);

  {
    const char *p = text;
    for (int c = 0; c <= n_chars; c++)
      {
        char_byte[c] = (int) (p - text);
        byte_char[p - text] = c;
        if (c < n_chars)
          {
            chars[c] = g_utf8_get_char (p);
            p = g_utf8_next_char (p);
          }
      }
  }

  /* The advance of every character, from the runs of the natural layout. */
  iter = pango_layout_get_iter (natural);
  do
    {
      PangoLayoutRun *run = pango_layout_iter_get_run_readonly (iter);
      if (run != NULL)
        pango_glyph_string_get_logical_widths (run->glyphs, text + run->item->offset,
                                               run->item->length, run->item->analysis.level,
                                               widths + byte_char[run->item->offset]);
    }
  while (pango_layout_iter_next_run (iter));
  pango_layout_iter_free (iter);

  attrs = pango_attr_list_copy (base);
  for (int c = 0; c < n_chars;)
    {
      gboolean compound = FALSE, wide = FALSE, marks = FALSE;
      gint64 width = 0, group = 0;
      int start, end, group_start;

      if (g_unichar_isspace (chars[c]))
        {
          c++;
          continue;
        }
      for (start = c; c < n_chars && !g_unichar_isspace (chars[c]); c++)
        {
          compound |= is_compound_mark (chars[c]);
          wide |= g_unichar_iswide (chars[c]);
          marks |= is_break_mark (chars[c]);
          width += widths[c];
        }
      end = c;

      if (width <= min_width)
        {
          if (compound && !wide)
            forbid_breaks (attrs, char_byte, start, end);
          continue;
        }
      if (!marks)
        continue; /* Pango breaks it where Unicode allows, else anywhere */

      g_array_set_size (cuts, 0);
      for (int q = start + 1; q < end; q++)
        {
          if (log[q].is_line_break && !is_break_mark (chars[q - 1]))
            g_array_append_val (cuts, q);
          if (is_break_mark (chars[q]) && !is_break_mark (chars[q - 1]))
            {
              int r = q;
              /* "https://": after the slashes, not between them. */
              while (chars[q - 1] == ':' && r < end && chars[r] == '/')
                r++;
              if (r == q || r < end)
                g_array_append_val (cuts, r);
            }
        }
      g_array_append_val (cuts, end);
      g_array_sort (cuts, compare_ints);

      group_start = start;
      for (guint i = 0, a = start; i < cuts->len; i++)
        {
          int b = g_array_index (cuts, int, i);
          gint64 piece = 0;

          if (b <= (int) a)
            continue;
          for (int q = (int) a; q < b; q++)
            piece += widths[q];
          if (piece > line_width)
            {
              /* Between any characters, but not right after its mark. */
              forbid_breaks (attrs, char_byte, group_start, (int) a);
              for (int q = group_start + 1; q < (int) a; q++)
                no_cut[q] = TRUE;
              if (b - (int) a > 1 && is_break_mark (chars[a]))
                forbid_breaks (attrs, char_byte, (int) a, (int) a + 2);
              group_start = b;
              group = 0;
            }
          else
            {
              if (group > 0 && group + piece > line_width)
                {
                  forbid_breaks (attrs, char_byte, group_start, (int) a);
                  for (int q = group_start + 1; q < (int) a; q++)
                    no_cut[q] = TRUE;
                  group_start = (int) a;
                  group = 0;
                }
              group += piece;
            }
          a = (guint) b;
        }
      forbid_breaks (attrs, char_byte, group_start, end);
      for (int q = group_start + 1; q < end; q++)
        no_cut[q] = TRUE;
    }
  cut_long_runs (attrs, text, no_cut);
  pango_layout_set_wrap (layout, PANGO_WRAP_WORD_CHAR);
  pango_layout_set_attributes (layout, attrs);
  pango_attr_list_unref (attrs);

  /* Not expected, but nothing may run off the page: breaks anywhere. */
  if (layout_overflows (layout))
    {
      attrs = pango_attr_list_copy (base);
      cut_long_runs (attrs, text, NULL);
      pango_layout_set_wrap (layout, PANGO_WRAP_CHAR);
      pango_layout_set_attributes (layout, attrs);
      pango_attr_list_unref (attrs);
    }
}

/* Lines of a justified paragraph with no space to widen would have their
 * letters spread apart, and a line cut short because the next word (a
 * long URL) did not fit would have its spaces widened into gaps: text
 * extraction then reads letters as words, or a word far to the right as a
 * column of its own. Such lines are drawn from an unjustified copy, which
 * breaks lines at the same places (justification comes after breaking). */
static void
keep_letters_together (BlockLayout *bl)
{
  const char *text = pango_layout_get_text (bl->layout);
  int width = pango_layout_get_width (bl->layout);
  const PangoLogAttr *log;
  g_autofree gboolean *one_word = NULL;
  int n_attrs = 0, chars_before = 0, previous = 0;
  gboolean any = FALSE;

  if (!pango_layout_get_justify (bl->layout) || bl->n_lines < 2)
    return;
  log = pango_layout_get_log_attrs_readonly (bl->layout, &n_attrs);
  one_word = g_new0 (gboolean, bl->n_lines);
  for (guint i = 0; i < bl->n_lines; i++)
    {
      PangoLayoutLine *line = pango_layout_get_line_readonly (bl->layout, (int) i);
      int first, end;
      gboolean space = FALSE;

      chars_before += g_utf8_strlen (text + previous, line->start_index - previous);
      previous = line->start_index;
      first = chars_before;
      end = first + g_utf8_strlen (text + line->start_index, line->length);
      /* Trailing white space is not widened. */
      while (end > first && log[end - 1].is_white)
        end--;
      for (int c = first; c < end && !space; c++)
        space = log[c].is_expandable_space;
      one_word[i] = !space;
    }

  bl->line_plain = g_new0 (gboolean, bl->n_lines);
  /* The last line is not justified. */
  for (guint i = 0; i + 1 < bl->n_lines; i++)
    {
      gboolean cut_short = FALSE;

      if (one_word[i + 1])
        {
          PangoRectangle logical;
          pango_layout_line_get_extents (pango_layout_get_line_readonly (bl->layout, (int) i + 1),
                                         NULL, &logical);
          /* A word that goes on, or fills half a line, on its own. */
          cut_short = i + 2 < bl->n_lines || logical.width >= width / 2;
        }
      if (one_word[i] || cut_short)
        bl->line_plain[i] = any = TRUE;
    }
  if (!any)
    {
      g_clear_pointer (&bl->line_plain, g_free);
      return;
    }
  bl->plain = pango_layout_copy (bl->layout);
  pango_layout_set_justify (bl->plain, FALSE);
  if ((guint) pango_layout_get_line_count (bl->plain) != bl->n_lines)
    {
      g_clear_object (&bl->plain);
      g_clear_pointer (&bl->line_plain, g_free);
    }
}

/* Index in the Pango layout of byte @offset of the block's text. */
static int
map_index (const BlockLayout *bl, guint offset)
{
  guint o = offset + bl->label_length;
  guint shift = 0;

  for (guint i = 0; bl->selectors != NULL && i < bl->selectors->len; i++)
    if (g_array_index (bl->selectors, guint, i) <= o)
      shift += 3;
  return (int) (o + shift);
}

static BlockLayout *
block_layout_new (RptLayout *self, RptBlock *block, const char *label, double body_width)
{
  const RptParagraphFormat *style =
    rpt_style_sheet_get_paragraph_format (self->styles, block->style_name);
  const RptListFormat *list = rpt_style_sheet_get_list_format (self->styles, block->list_style);
  BlockLayout *bl = g_rc_box_new0 (BlockLayout);
  g_autofree char *own_label = NULL;
  g_autoptr (GString) text = g_string_new (NULL);
  g_autofree char *shaped = NULL;
  PangoFontDescription *desc;
  PangoAttrList *attrs;
  PangoLayoutIter *iter;
  const char *language;
  double margin_left = style->margin_left;
  double indent = style->text_indent;
  double tab = -1;
  guint n = 0;
  int unknown;

  bl->block = rpt_block_ref (block);
  bl->label = g_strdup (label);
  bl->body_width = body_width;
  bl->space_before = style->margin_top;
  bl->space_after = style->margin_bottom;
  bl->keep_with_next = style->keep_with_next;
  bl->keep_together = style->keep_together;
  bl->break_before = style->break_before;
  bl->master_page = style->master_page;
  bl->orphans = style->orphans;
  bl->widows = style->widows;

  if (list != NULL)
    {
      margin_left = list->margin_left;
      indent = list->text_indent;
      tab = list->tab_position;
      own_label = list_label (list, block->list_number);
      label = own_label;
    }
  else if (label != NULL && indent < 0)
    tab = margin_left;
  if (label != NULL)
    {
      g_string_append (text, label);
      g_string_append_c (text, '\t');
    }
  bl->label_length = text->len;
  g_string_append (text, block->text);
  shaped = text_presentation (text->str, text->len, &bl->selectors, &bl->substitutions);

  /* ODF: the first line starts at margin + indent, the others at margin.
   * Pango: a negative indent is a hanging indent from the layout's edge. */
  bl->x = indent < 0 ? margin_left + indent : margin_left;
  bl->layout = pango_layout_new (self->context);
  /* Each paragraph's direction is its text's (its first strong
   * character): a paragraph in Arabic is right to left and, start-aligned,
   * aligned right (Pango swaps left and right alignment for it). */
  pango_layout_set_auto_dir (bl->layout, TRUE);
  pango_layout_set_width (
    bl->layout, pango_units_from_double (MAX (1.0, body_width - bl->x - style->margin_right)));
  pango_layout_set_wrap (bl->layout, PANGO_WRAP_WORD_CHAR);
  pango_layout_set_indent (bl->layout, pango_units_from_double (indent));
  switch (style->align)
    {
    case RPT_ALIGN_CENTER:
      pango_layout_set_alignment (bl->layout, PANGO_ALIGN_CENTER);
      break;
    case RPT_ALIGN_END:
      pango_layout_set_alignment (bl->layout, PANGO_ALIGN_RIGHT);
      break;
    case RPT_ALIGN_JUSTIFY:
      pango_layout_set_justify (bl->layout, TRUE);
      G_GNUC_FALLTHROUGH;
    case RPT_ALIGN_START:
    default:
      pango_layout_set_alignment (bl->layout, PANGO_ALIGN_LEFT);
      break;
    }
  if (style->line_height > 0 && style->line_height != 1.0)
    pango_layout_set_line_spacing (bl->layout, (float) style->line_height);
  if (tab >= 0)
    {
      PangoTabArray *tabs = pango_tab_array_new_with_positions (
        1, FALSE, PANGO_TAB_LEFT, pango_units_from_double (MAX (0.0, tab - bl->x)));
      pango_layout_set_tabs (bl->layout, tabs);
      pango_tab_array_free (tabs);
    }

  desc = pango_font_description_new ();
  pango_font_description_set_family (desc, style->font_family);
  /* The generic family (serif) stands in for a missing font; an installed
   * one needs no second family, which would double fontconfig's work. */
  if (!check_font (self, style->font_family) && style->font_generic != NULL)
    {
      g_autofree char *families =
        g_strdup_printf ("%s,%s", style->font_family, style->font_generic);
      pango_font_description_set_family (desc, families);
    }
  pango_font_description_set_size (desc, pango_units_from_double (style->font_size));
  pango_font_description_set_weight (desc, style->weight);
  pango_font_description_set_style (desc, style->style);
  pango_layout_set_font_description (bl->layout, desc);

  attrs = pango_attr_list_new ();
  language = letter_language (self, style);
  /* The context has the letter's language: only a style in another
   * language needs its own (and a fontset of its own). */
  if (pango_language_from_string (language) != pango_context_get_language (self->context))
    pango_attr_list_insert (attrs, pango_attr_language_new (pango_language_from_string (language)));
  pango_attr_list_insert (attrs, pango_attr_insert_hyphens_new (style->hyphenate));
  if (style->letter_spacing != 0)
    pango_attr_list_insert (
      attrs, pango_attr_letter_spacing_new (pango_units_from_double (style->letter_spacing)));
  if (style->color != 0)
    pango_attr_list_insert (attrs, pango_attr_foreground_new ((style->color >> 16 & 0xff) * 257,
                                                              (style->color >> 8 & 0xff) * 257,
                                                              (style->color & 0xff) * 257));
  if (style->underline)
    pango_attr_list_insert (attrs, pango_attr_underline_new (PANGO_UNDERLINE_SINGLE));
  for (guint i = 0; i < block->spans->len; i++)
    {
      const RptSpan *span = &g_array_index (block->spans, RptSpan, i);
      const RptTextFormat *ts = rpt_style_sheet_get_text_format (self->styles, span->style_name);
      guint s = (guint) map_index (bl, span->start), e = (guint) map_index (bl, span->end);

      if (ts == NULL)
        continue;
      if (ts->set_weight)
        pango_attr_list_insert (attrs, ranged (pango_attr_weight_new (ts->weight), s, e));
      if (ts->set_style)
        pango_attr_list_insert (attrs, ranged (pango_attr_style_new (ts->style), s, e));
      if (ts->set_color)
        pango_attr_list_insert (attrs,
                                ranged (pango_attr_foreground_new ((ts->color >> 16 & 0xff) * 257,
                                                                   (ts->color >> 8 & 0xff) * 257,
                                                                   (ts->color & 0xff) * 257),
                                        s, e));
      if (ts->underline)
        pango_attr_list_insert (attrs,
                                ranged (pango_attr_underline_new (ts->underline_kind), s, e));
      if (ts->line_through)
        pango_attr_list_insert (attrs, ranged (pango_attr_strikethrough_new (TRUE), s, e));
      if (ts->set_line_color)
        {
          guint16 r = (ts->line_color >> 16 & 0xff) * 257, g = (ts->line_color >> 8 & 0xff) * 257,
                  b = (ts->line_color & 0xff) * 257;
          if (ts->underline)
            pango_attr_list_insert (attrs, ranged (pango_attr_underline_color_new (r, g, b), s, e));
          if (ts->line_through)
            pango_attr_list_insert (attrs,
                                    ranged (pango_attr_strikethrough_color_new (r, g, b), s, e));
        }
      if (ts->rise != 0)
        pango_attr_list_insert (
          attrs,
          ranged (pango_attr_rise_new (pango_units_from_double (ts->rise * style->font_size)), s,
                  e));
      if (ts->size != 1.0)
        pango_attr_list_insert (attrs, ranged (pango_attr_scale_new (ts->size), s, e));
    }
  pango_layout_set_text (bl->layout, shaped, -1);
  {
    PangoAttrList *kept = pango_attr_list_copy (attrs);

    cut_long_runs (kept, shaped, NULL);
    keep_compounds_whole (kept, shaped);
    pango_layout_set_attributes (bl->layout, kept);
    pango_attr_list_unref (kept);
  }
  if (layout_overflows (bl->layout))
    break_long_words (bl->layout, attrs);
  pango_attr_list_unref (attrs);
  pango_font_description_free (desc);

  unknown = pango_layout_get_unknown_glyphs_count (bl->layout);
  if (unknown > 0)
    {
      g_autofree char *start =
        g_utf8_substring (block->text, 0, MIN (40, g_utf8_strlen (block->text, -1)));
      warn (self, g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                                "%d character in the paragraph beginning “%s” "
                                                "has no glyph in any installed font",
                                                "%d characters in the paragraph beginning “%s” "
                                                "have no glyph in any installed font",
                                                unknown),
                                   unknown, start));
    }

  bl->n_lines = (guint) pango_layout_get_line_count (bl->layout);
  bl->line_top = g_new0 (double, bl->n_lines + 1);
  bl->line_x = g_new0 (double, bl->n_lines);
  bl->baseline = g_new0 (double, bl->n_lines);
  iter = pango_layout_get_iter (bl->layout);
  do
    {
      PangoRectangle logical;
      int y0, y1;

      pango_layout_iter_get_line_yrange (iter, &y0, &y1);
      pango_layout_iter_get_line_extents (iter, NULL, &logical);
      bl->line_top[n] = pango_units_to_double (y0);
      bl->line_top[n + 1] = pango_units_to_double (y1);
      bl->line_x[n] = pango_units_to_double (logical.x);
      bl->baseline[n] = pango_units_to_double (pango_layout_iter_get_baseline (iter));
      n++;
    }
  while (n < bl->n_lines && pango_layout_iter_next_line (iter));
  pango_layout_iter_free (iter);

  keep_letters_together (bl);
  if (bl->plain != NULL)
    {
      iter = pango_layout_get_iter (bl->plain);
      n = 0;
      do
        {
          PangoRectangle logical;

          pango_layout_iter_get_line_extents (iter, NULL, &logical);
          if (bl->line_plain[n])
            bl->line_x[n] = pango_units_to_double (logical.x);
          n++;
        }
      while (n < bl->n_lines && pango_layout_iter_next_line (iter));
      pango_layout_iter_free (iter);
    }

  if (block->notes->len > 0)
    {
      bl->notes = g_array_new (FALSE, TRUE, sizeof (NoteLayout));
      for (guint i = 0; i < block->notes->len; i++)
        {
          RptNote *note = g_ptr_array_index (block->notes, i);
          NoteLayout nl = { 0 };
          int line = 0;

          pango_layout_index_to_line_x (bl->layout, map_index (bl, note->offset), FALSE, &line,
                                        NULL);
          nl.line = (guint) MAX (line, 0);
          nl.paragraphs = g_ptr_array_new_with_free_func ((GDestroyNotify) block_layout_unref);
          for (guint j = 0; j < note->body->len; j++)
            {
              BlockLayout *p = block_layout_new (self, g_ptr_array_index (note->body, j),
                                                 j == 0 ? note->citation : NULL, body_width);
              g_ptr_array_add (nl.paragraphs, p);
            }
          g_array_append_val (bl->notes, nl);
        }
    }
  return bl;
}

/* The block's Pango layout, made again if it was released: the same
 * block, label and width shape to the same lines. */
static PangoLayout *
block_shape (RptLayout *self, BlockLayout *bl)
{
  if (bl->layout == NULL)
    {
      BlockLayout *again = block_layout_new (self, bl->block, bl->label, bl->body_width);

      bl->layout = g_steal_pointer (&again->layout);
      g_clear_object (&bl->plain);
      bl->plain = g_steal_pointer (&again->plain);
      block_layout_unref (again);
    }
  bl->used = ++self->tick;
  return bl->layout;
}

/* Keeps the Pango layouts of the blocks used last, up to the limit: the
 * lines' positions, all pagination needs, stay. */
static void
release_shapes (RptLayout *self)
{
  guint n_shaped = 0;

  if (self->shape_limit == 0)
    return;
  for (guint i = 0; i < self->blocks->len; i++)
    if (((BlockLayout *) g_ptr_array_index (self->blocks, i))->layout != NULL)
      n_shaped++;
  if (n_shaped <= self->shape_limit)
    return;
  for (guint i = 0; i < self->blocks->len; i++)
    {
      BlockLayout *bl = g_ptr_array_index (self->blocks, i);
      if (bl->used == 0 || bl->used + self->shape_limit <= self->tick)
        {
          g_clear_object (&bl->layout);
          g_clear_object (&bl->plain);
        }
    }
}

/**
 * rpt_layout_set_shape_limit:
 * @n_blocks: how many blocks keep their shaped text, or 0 for all
 *
 * A long letter's shaped text is most of its layout's memory (about 15 kB
 * a paragraph). With a limit, only the blocks drawn or looked up last keep
 * it; the others keep their lines' positions, which is all pagination
 * needs, and are shaped again when drawn. For the preview, which draws a
 * few pages at a time; an export, which draws them all once, keeps all.
 */
void
rpt_layout_set_shape_limit (RptLayout *self, guint n_blocks)
{
  g_return_if_fail (RPT_IS_LAYOUT (self));
  self->shape_limit = n_blocks;
  release_shapes (self);
}

static double
body_width (RptLayout *self, const RptMasterPage *master)
{
  const RptPageLayout *pl = master->page_layout;

  return pl->width - pl->margin_left - pl->margin_right;
}

static PangoLayout *
furniture_layout (RptLayout *self, const RptFurniture *f, guint page_number, double width)
{
  /* A throwaway block: furniture changes with the page number. */
  RptBlock *block = g_atomic_rc_box_new0 (RptBlock);
  BlockLayout *bl;
  PangoLayout *layout;

  block->style_name = g_strdup (f->style_name);
  block->text = rpt_furniture_dup_text (f, page_number, rpt_document_get_field, self->document);
  block->spans = g_array_new (FALSE, FALSE, sizeof (RptSpan));
  block->links = g_array_new (FALSE, FALSE, sizeof (RptLink));
  block->bookmarks = g_array_new (FALSE, FALSE, sizeof (RptBookmark));
  block->notes = g_ptr_array_new ();
  bl = block_layout_new (self, block, NULL, width);
  rpt_block_unref (block);
  layout = g_object_ref (bl->layout);
  block_layout_unref (bl);
  return layout;
}

static double
furniture_height (RptLayout *self, GPtrArray *furniture, double width)
{
  double h = 0;

  for (guint i = 0; i < furniture->len; i++)
    {
      g_autoptr (PangoLayout) layout =
        furniture_layout (self, g_ptr_array_index (furniture, i), 1, width);
      int ph;
      pango_layout_get_size (layout, NULL, &ph);
      h += pango_units_to_double (ph);
    }
  return h;
}

static Page *
page_new (RptLayout *self, const RptMasterPage *master)
{
  Page *page = g_new0 (Page, 1);
  const RptPageLayout *pl = master->page_layout;
  double w = body_width (self, master);

  page->master = master;
  page->fragments = g_array_new (FALSE, FALSE, sizeof (RptLayoutFragment));
  page->marks = g_array_new (FALSE, FALSE, sizeof (NoteMark));
  page->notes = g_array_new (FALSE, FALSE, sizeof (RptLayoutNoteFragment));
  page->note_paragraphs = g_ptr_array_new ();
  page->top = pl->margin_top;
  if (master->header->len > 0)
    page->top +=
      MAX (pl->header_min_height, furniture_height (self, master->header, w)) + pl->header_spacing;
  page->bottom = pl->height - pl->margin_bottom;
  if (master->footer->len > 0)
    page->bottom -=
      MAX (pl->footer_min_height, furniture_height (self, master->footer, w)) + pl->footer_spacing;
  g_ptr_array_add (self->pages, page);
  return page;
}

static const RptMasterPage *
next_master (RptLayout *self, const RptMasterPage *master)
{
  return rpt_style_sheet_get_master_page (
    self->styles, master->next_style_name != NULL ? master->next_style_name : master->name);
}

/* --- footnotes ---------------------------------------------------- *
 *
 * A footnote starts on the page of its citation and continues on the
 * next pages when it does not fit: its first lines (as many as the
 * Footnote style's orphans, or all of a paragraph too short to split) must
 * fit beside the line that cites it, else that line moves on. Notes that
 * wait for room (pending) come first on the next page, and notes cited
 * while some wait queue behind them, so notes stay in order.
 */

static double
part_height (BlockLayout *p, guint first, guint n)
{
  double h = p->line_top[first + n] - p->line_top[first];

  if (first == 0)
    h += p->space_before;
  if (first + n == p->n_lines)
    h += p->space_after;
  return h;
}

/* Lines of a note paragraph it may be split after: at least its orphans
 * first and its widows last, unless it started on an earlier page. */
static guint
note_split (BlockLayout *p, guint first, guint fit)
{
  guint rem = p->n_lines - first;
  guint widows = (guint) MAX (p->widows, 1), orphans = (guint) MAX (p->orphans, 1);

  if (fit >= rem)
    return rem;
  if (rem - fit < widows)
    fit = rem > widows ? rem - widows : 0;
  if (first == 0 && fit < orphans)
    fit = 0;
  return fit;
}

static void
add_note (Page *page, const NotePart *part, guint n)
{
  RptLayoutNoteFragment frag = { part->block,
                                 part->note,
                                 part->index,
                                 part->first_line,
                                 n,
                                 0,
                                 part->paragraph->line_top[part->first_line + n] -
                                   part->paragraph->line_top[part->first_line] };

  if (page->notes_height == 0)
    page->notes_height = NOTE_SEPARATOR_SPACE;
  page->notes_height += part_height (part->paragraph, part->first_line, n);
  g_array_append_val (page->notes, frag);
  g_ptr_array_add (page->note_paragraphs, part->paragraph);
}

/* Places what fits of @pending on @page, below body text that ends at
 * @body_bottom, in order; what is left of a paragraph that does not fit
 * whole stays at the head of @pending. @force: at least one line, on a
 * page that has nothing yet (else a line taller than a page would loop). */
static void
fill_notes (Page *page, GArray *pending, double body_bottom, gboolean force)
{
  while (pending->len > 0)
    {
      NotePart *part = &g_array_index (pending, NotePart, 0);
      BlockLayout *p = part->paragraph;
      guint rem = p->n_lines - part->first_line;
      double room = page->bottom - body_bottom - page->notes_height -
                    (page->notes_height == 0 ? NOTE_SEPARATOR_SPACE : 0);
      guint k;

      for (k = 0; k < rem; k++)
        if (part_height (p, part->first_line, k + 1) > room + 0.001)
          break;
      k = note_split (p, part->first_line, k);
      if (k == 0 && force && page->notes->len == 0)
        k = 1;
      if (k == 0)
        break;
      add_note (page, part, k);
      if (k < rem)
        {
          part->first_line += k;
          break;
        }
      g_array_remove_index (pending, 0);
    }
}

/* The room the notes cited in lines [first, first + n) of @bl need on the
 * page of their citation: the first lines of the first of them, or
 * nothing while earlier notes wait (new ones then queue behind). */
static double
notes_needed (Page *page, GArray *pending, BlockLayout *bl, guint first, guint n)
{
  for (guint i = 0; bl->notes != NULL && i < bl->notes->len; i++)
    {
      NoteLayout *nl = &g_array_index (bl->notes, NoteLayout, i);
      BlockLayout *p;
      guint k;

      if (nl->line < first || nl->line >= first + n || nl->paragraphs->len == 0)
        continue;
      if (pending->len > 0)
        return 0;
      p = g_ptr_array_index (nl->paragraphs, 0);
      k = p->n_lines < (guint) (MAX (p->orphans, 1) + MAX (p->widows, 1))
            ? p->n_lines
            : (guint) MAX (p->orphans, 1);
      return part_height (p, 0, MIN (k, p->n_lines)) +
             (page->notes_height == 0 ? NOTE_SEPARATOR_SPACE : 0);
    }
  return 0;
}

/* Puts lines [first, first + n) of block @index on @page at @y, and the
 * notes they cite after them (or in the queue). */
static void
place (Page *page, GArray *pending, BlockLayout *bl, guint index, guint first, guint n, double y)
{
  RptLayoutFragment frag = { index, first, n, y, bl->line_top[first + n] - bl->line_top[first] };
  NoteMark mark = { page->notes->len, pending->len, page->notes_height };
  gboolean waiting = pending->len > 0;

  g_array_append_val (page->fragments, frag);
  g_array_append_val (page->marks, mark);
  for (guint i = 0; bl->notes != NULL && i < bl->notes->len; i++)
    {
      NoteLayout *nl = &g_array_index (bl->notes, NoteLayout, i);

      if (nl->line < first || nl->line >= first + n)
        continue;
      for (guint j = 0; j < nl->paragraphs->len; j++)
        {
          NotePart part = { g_ptr_array_index (nl->paragraphs, j), index, i, j, 0 };
          g_array_append_val (pending, part);
        }
    }
  if (!waiting)
    fill_notes (page, pending, y + frag.height, FALSE);
}

/* Takes the fragments from @from on back off @page (keep-with-next), with
 * the notes they brought. */
static void
unplace (Page *page, GArray *pending, guint from)
{
  NoteMark *mark = &g_array_index (page->marks, NoteMark, from);

  g_array_set_size (page->notes, mark->n_notes);
  g_ptr_array_set_size (page->note_paragraphs, mark->n_notes);
  g_array_set_size (pending, mark->n_pending);
  page->notes_height = mark->notes_height;
  g_array_set_size (page->fragments, from);
  g_array_set_size (page->marks, from);
}

/* A new page, with the notes that wait for room first. */
static Page *
next_page (RptLayout *self, const RptMasterPage *master, GArray *pending)
{
  Page *page = page_new (self, master);

  fill_notes (page, pending, page->top, TRUE);
  return page;
}

static void
paginate (RptLayout *self)
{
  g_autoptr (GArray) pending = g_array_new (FALSE, FALSE, sizeof (NotePart));
  const RptMasterPage *master;
  Page *page;
  guint n_blocks = self->blocks->len;
  guint i = 0, line = 0;
  double y;

  g_ptr_array_set_size (self->pages, 0);
  master = rpt_style_sheet_get_master_page (
    self->styles,
    n_blocks > 0 ? ((BlockLayout *) g_ptr_array_index (self->blocks, 0))->master_page : NULL);
  page = page_new (self, master);
  y = page->top;

  while (i < n_blocks)
    {
      BlockLayout *bl = g_ptr_array_index (self->blocks, i);
      gboolean empty = page->fragments->len == 0;
      guint rem = bl->n_lines - line;
      double sb = line == 0 ? bl->space_before : 0;
      double avail;
      guint k;

      if (line == 0 && !empty && (bl->break_before || (bl->master_page != NULL && i > 0)))
        {
          page = next_page (self,
                            bl->master_page != NULL
                              ? rpt_style_sheet_get_master_page (self->styles, bl->master_page)
                              : next_master (self, page->master),
                            pending);
          y = page->top;
          continue;
        }

      avail = page->bottom - y - sb;
      /* How many of the remaining lines fit, with the room their notes
       * need. */
      for (k = 0; k < rem; k++)
        {
          double h = bl->line_top[line + k + 1] - bl->line_top[line];
          double notes = page->notes_height + notes_needed (page, pending, bl, line, k + 1);
          if (h + notes > avail + 0.001)
            break;
        }

      if (k == rem)
        {
          place (page, pending, bl, i, line, rem, y + sb);
          y += sb + bl->line_top[bl->n_lines] - bl->line_top[line] + bl->space_after;
          i++;
          line = 0;
          continue;
        }

      /* The block does not fit whole: split it, or move it on. */
      if (line == 0 && bl->keep_together)
        k = 0;
      if (line == 0 && k < (guint) bl->orphans)
        k = 0;
      if (k > 0 && rem - k < (guint) bl->widows)
        {
          k = rem > (guint) bl->widows ? rem - bl->widows : 0;
          if (line == 0 && k < (guint) bl->orphans)
            k = 0;
        }
      if (k == 0 && empty && page->notes->len == 0)
        {
          /* Nothing fits an empty page either: break the rules rather
           * than lose text or loop. (A page that holds notes continued
           * from before is not empty: the text goes on after them.) */
          for (k = 1; k < rem; k++)
            if (bl->line_top[line + k + 1] - bl->line_top[line] > avail)
              break;
        }

      if (k > 0)
        {
          place (page, pending, bl, i, line, k, y + sb);
          line += k;
          page = next_page (self, next_master (self, page->master), pending);
          y = page->top;
          continue;
        }

      /* Moving block i to the next page: the blocks before it that keep
       * with their next go along, as long as something stays behind. */
      if (line == 0)
        {
          guint from = page->fragments->len;
          while (from > 1)
            {
              RptLayoutFragment *f = &g_array_index (page->fragments, RptLayoutFragment, from - 1);
              BlockLayout *prev = g_ptr_array_index (self->blocks, f->block);
              if (!prev->keep_with_next || f->first_line + f->n_lines != prev->n_lines)
                break;
              from--;
            }
          if (from < page->fragments->len && from > 0)
            {
              RptLayoutFragment *f = &g_array_index (page->fragments, RptLayoutFragment, from);
              i = f->block;
              line = f->first_line;
              unplace (page, pending, from);
            }
        }
      page = next_page (self, next_master (self, page->master), pending);
      y = page->top;
    }

  /* Notes still waiting continue on pages of their own. */
  while (pending->len > 0)
    page = next_page (self, next_master (self, page->master), pending);

  /* Footnotes stack upwards from the bottom of the body. */
  for (guint p = 0; p < self->pages->len; p++)
    {
      Page *pg = g_ptr_array_index (self->pages, p);
      double ny = pg->bottom - pg->notes_height + (pg->notes_height > 0 ? NOTE_SEPARATOR_SPACE : 0);

      for (guint n = 0; n < pg->notes->len; n++)
        {
          RptLayoutNoteFragment *frag = &g_array_index (pg->notes, RptLayoutNoteFragment, n);
          BlockLayout *para = g_ptr_array_index (pg->note_paragraphs, n);

          frag->y = ny + (frag->first_line == 0 ? para->space_before : 0);
          ny += part_height (para, frag->first_line, frag->n_lines);
        }
    }
}

/**
 * rpt_layout_set_document:
 *
 * Lays out @document. Blocks that are the same as in the document laid
 * out before (same text, formatting and style) keep their layout, so
 * setting a document that differs by one paragraph re-shapes only that
 * paragraph and re-paginates.
 */
void
rpt_layout_set_document (RptLayout *self, RptDocument *document)
{
  g_autoptr (GHashTable) cache = NULL;
  const RptMasterPage *master;
  double width;
  guint n;

  g_return_if_fail (RPT_IS_LAYOUT (self));
  g_return_if_fail (RPT_IS_DOCUMENT (document));

  /* A different language changes shaping: start afresh. */
  if (self->document != NULL && g_strcmp0 (rpt_document_get_language (self->document),
                                           rpt_document_get_language (document)) != 0)
    g_hash_table_remove_all (self->cache);
  g_set_object (&self->document, document);
  pango_context_set_language (self->context,
                              pango_language_from_string (letter_language (
                                self, rpt_style_sheet_get_paragraph_format (self->styles, NULL))));
  n = rpt_document_get_n_blocks (document);
  master = rpt_style_sheet_get_master_page (self->styles, "Standard");
  width = body_width (self, master);

  cache =
    g_hash_table_new_full (g_str_hash, g_str_equal, g_free, (GDestroyNotify) block_layout_unref);
  g_ptr_array_set_size (self->blocks, 0);
  self->n_relaid = 0;
  for (guint i = 0; i < n; i++)
    {
      RptBlock *block = _rpt_document_get_block (document, i);
      BlockLayout *bl = g_hash_table_lookup (cache, block->key);

      if (bl == NULL)
        {
          bl = g_hash_table_lookup (self->cache, block->key);
          if (bl != NULL)
            block_layout_ref (bl);
          else
            {
              bl = block_layout_new (self, block, NULL, width);
              self->n_relaid++;
              /* Released at once, its memory goes to shape the next. */
              if (self->shape_limit > 0)
                {
                  g_clear_object (&bl->layout);
                  g_clear_object (&bl->plain);
                }
            }
          g_hash_table_insert (cache, g_strdup (block->key), bl);
        }
      g_ptr_array_add (self->blocks, block_layout_ref (bl));
    }
  /* Only what the current document uses stays cached. */
  g_hash_table_unref (self->cache);
  self->cache = g_steal_pointer (&cache);
  paginate (self);
  release_shapes (self);
}

/**
 * rpt_layout_get_n_relaid_blocks:
 *
 * Returns: how many blocks the last rpt_layout_set_document() had to shape
 * anew (the others came from the cache)
 */
guint
rpt_layout_get_n_relaid_blocks (RptLayout *self)
{
  g_return_val_if_fail (RPT_IS_LAYOUT (self), 0);
  return self->n_relaid;
}

guint
rpt_layout_get_n_pages (RptLayout *self)
{
  g_return_val_if_fail (RPT_IS_LAYOUT (self), 0);
  return self->pages->len;
}

void
rpt_layout_get_page_size (RptLayout *self, guint page, double *width, double *height)
{
  const RptPageLayout *pl;

  g_return_if_fail (RPT_IS_LAYOUT (self));
  g_return_if_fail (page < self->pages->len);
  pl = ((Page *) g_ptr_array_index (self->pages, page))->master->page_layout;
  if (width != NULL)
    *width = pl->width;
  if (height != NULL)
    *height = pl->height;
}

/**
 * rpt_layout_get_page_fragments:
 * @page: 0-based page index
 *
 * Returns: (array length=n_fragments): the parts of blocks on @page, in
 * reading order
 */
const RptLayoutFragment *
rpt_layout_get_page_fragments (RptLayout *self, guint page, guint *n_fragments)
{
  Page *pg;

  g_return_val_if_fail (RPT_IS_LAYOUT (self), NULL);
  g_return_val_if_fail (page < self->pages->len, NULL);
  pg = g_ptr_array_index (self->pages, page);
  *n_fragments = pg->fragments->len;
  return (const RptLayoutFragment *) (gpointer) pg->fragments->data;
}

/**
 * rpt_layout_get_page_notes:
 * @page: 0-based page index
 *
 * Returns: (array length=n_notes): the parts of footnotes at the foot of
 * @page, in order
 */
const RptLayoutNoteFragment *
rpt_layout_get_page_notes (RptLayout *self, guint page, guint *n_notes)
{
  Page *pg;

  g_return_val_if_fail (RPT_IS_LAYOUT (self), NULL);
  g_return_val_if_fail (page < self->pages->len, NULL);
  pg = g_ptr_array_index (self->pages, page);
  *n_notes = pg->notes->len;
  return (const RptLayoutNoteFragment *) (gpointer) pg->notes->data;
}

/**
 * rpt_layout_get_note_n_lines:
 *
 * Returns: how many lines paragraph @paragraph of note @note of block
 * @block has, or 0 if there is no such paragraph
 */
guint
rpt_layout_get_note_n_lines (RptLayout *self, guint block, guint note, guint paragraph)
{
  BlockLayout *bl;
  NoteLayout *nl;

  g_return_val_if_fail (RPT_IS_LAYOUT (self), 0);
  g_return_val_if_fail (block < self->blocks->len, 0);
  bl = g_ptr_array_index (self->blocks, block);
  if (bl->notes == NULL || note >= bl->notes->len)
    return 0;
  nl = &g_array_index (bl->notes, NoteLayout, note);
  if (paragraph >= nl->paragraphs->len)
    return 0;
  return ((BlockLayout *) g_ptr_array_index (nl->paragraphs, paragraph))->n_lines;
}

guint
rpt_layout_get_block_n_lines (RptLayout *self, guint block)
{
  g_return_val_if_fail (RPT_IS_LAYOUT (self), 0);
  g_return_val_if_fail (block < self->blocks->len, 0);
  return ((BlockLayout *) g_ptr_array_index (self->blocks, block))->n_lines;
}

/**
 * rpt_layout_find_block:
 * @page: (out): the page where block @block starts
 * @y: (out): the top of its first line on that page
 */
gboolean
rpt_layout_find_block (RptLayout *self, guint block, guint *page, double *y)
{
  g_return_val_if_fail (RPT_IS_LAYOUT (self), FALSE);
  for (guint p = 0; p < self->pages->len; p++)
    {
      Page *pg = g_ptr_array_index (self->pages, p);
      for (guint f = 0; f < pg->fragments->len; f++)
        {
          RptLayoutFragment *frag = &g_array_index (pg->fragments, RptLayoutFragment, f);
          if (frag->block == block)
            {
              if (page != NULL)
                *page = p;
              if (y != NULL)
                *y = frag->y;
              return TRUE;
            }
        }
    }
  return FALSE;
}

/**
 * rpt_layout_find_bookmark:
 * @name: a bookmark ("rpt-<item id>")
 * @page: (out): its page
 * @rect: (out): the line it is on, in points on that page
 *
 * Where the preview scrolls to show an item.
 */
gboolean
rpt_layout_find_bookmark (RptLayout *self, const char *name, guint *page, cairo_rectangle_t *rect)
{
  g_return_val_if_fail (RPT_IS_LAYOUT (self), FALSE);
  g_return_val_if_fail (name != NULL, FALSE);

  for (guint p = 0; p < self->pages->len; p++)
    {
      Page *pg = g_ptr_array_index (self->pages, p);
      const RptPageLayout *pl = pg->master->page_layout;

      for (guint f = 0; f < pg->fragments->len; f++)
        {
          RptLayoutFragment *frag = &g_array_index (pg->fragments, RptLayoutFragment, f);
          BlockLayout *bl = g_ptr_array_index (self->blocks, frag->block);

          for (guint m = 0; m < bl->block->bookmarks->len; m++)
            {
              RptBookmark *mark = &g_array_index (bl->block->bookmarks, RptBookmark, m);
              int line = 0;

              if (!g_str_equal (mark->name, name))
                continue;
              pango_layout_index_to_line_x (block_shape (self, bl), map_index (bl, mark->offset),
                                            FALSE, &line, NULL);
              if ((guint) line < frag->first_line ||
                  (guint) line >= frag->first_line + frag->n_lines)
                continue;
              if (page != NULL)
                *page = p;
              if (rect != NULL)
                {
                  rect->x = pl->margin_left;
                  rect->width = pl->width - pl->margin_left - pl->margin_right;
                  rect->y = frag->y + bl->line_top[line] - bl->line_top[frag->first_line];
                  rect->height = bl->line_top[line + 1] - bl->line_top[line];
                }
              return TRUE;
            }
        }
    }
  return FALSE;
}

/**
 * rpt_layout_dup_warnings:
 *
 * Returns: (transfer full) (element-type utf8): what the layout had to do
 * that the user should know (a missing font, characters without a glyph)
 */
GPtrArray *
rpt_layout_dup_warnings (RptLayout *self)
{
  GPtrArray *copy = g_ptr_array_new_with_free_func (g_free);

  g_return_val_if_fail (RPT_IS_LAYOUT (self), copy);
  for (guint i = 0; i < self->warnings->len; i++)
    g_ptr_array_add (copy, g_strdup (g_ptr_array_index (self->warnings, i)));
  return copy;
}

/* --- drawing -------------------------------------------------------- */

static void
append_attr_double (GString *s, double v)
{
  char buf[G_ASCII_DTOSTR_BUF_SIZE];

  g_string_append (s, g_ascii_formatd (buf, sizeof buf, "%.2f", v));
  g_string_append_c (s, ' ');
}

static void
append_quoted (GString *s, const char *value)
{
  g_string_append_c (s, '\'');
  for (const char *p = value; *p != '\0'; p++)
    {
      if (*p == '\'' || *p == '\\')
        g_string_append_c (s, '\\');
      g_string_append_c (s, *p);
    }
  g_string_append_c (s, '\'');
}

/* The line as it is drawn: from the unjustified copy where the letters
 * would otherwise be spread (keep_letters_together()). */
static PangoLayoutLine *
drawn_line (BlockLayout *bl, guint i)
{
  if (bl->line_plain != NULL && bl->line_plain[i])
    return pango_layout_get_line_readonly (bl->plain, (int) i);
  return pango_layout_get_line_readonly (bl->layout, (int) i);
}

/* Links as PDF link annotations: the rectangles of the link's text on the
 * lines drawn. Other surfaces ignore the tags. */
static void
tag_links (cairo_t *cr, BlockLayout *bl, guint first, guint n, double x0, double y0)
{
  RptBlock *block = bl->block;

  for (guint l = 0; l < block->links->len; l++)
    {
      const RptLink *link = &g_array_index (block->links, RptLink, l);
      g_autoptr (GString) attrs = g_string_new ("rect=[");
      gboolean any = FALSE;
      int start = map_index (bl, link->start);
      int end = map_index (bl, link->end);

      for (guint i = first; i < first + n; i++)
        {
          PangoLayoutLine *line = drawn_line (bl, i);
          int ls = line->start_index, le = line->start_index + line->length;
          int *ranges = NULL, n_ranges = 0;

          if (end <= ls || start >= le)
            continue;
          pango_layout_line_get_x_ranges (line, MAX (start, ls), MIN (end, le), &ranges, &n_ranges);
          for (int r = 0; r < n_ranges; r++)
            {
              double rx0 = pango_units_to_double (ranges[2 * r]);
              double rx1 = pango_units_to_double (ranges[2 * r + 1]);
              append_attr_double (attrs, x0 + rx0);
              append_attr_double (attrs, y0 + bl->line_top[i] - bl->line_top[first]);
              append_attr_double (attrs, rx1 - rx0);
              append_attr_double (attrs, bl->line_top[i + 1] - bl->line_top[i]);
              any = TRUE;
            }
          g_free (ranges);
        }
      if (!any)
        continue;
      g_string_append (attrs, "] uri=");
      append_quoted (attrs, link->href);
      cairo_tag_begin (cr, CAIRO_TAG_LINK, attrs->str);
      cairo_tag_end (cr, CAIRO_TAG_LINK);
    }
}

/* Line by line, in reading order: each line is one run of text in the
 * PDF, so text extraction gets the words in order with single spaces. */
static void
draw_lines (RptLayout *self,
            cairo_t *cr,
            BlockLayout *bl,
            guint first,
            guint n,
            double x0,
            double y0)
{
  const RptTextSubstitution *subs;
  guint n_subs;

  block_shape (self, bl); /* drawn_line() needs its layouts */
  subs = bl->substitutions != NULL
           ? (const RptTextSubstitution *) (gpointer) bl->substitutions->data
           : NULL;
  n_subs = bl->substitutions != NULL ? bl->substitutions->len : 0;
  for (guint i = first; i < first + n; i++)
    rpt_text_renderer_draw_line (self->renderer, cr, drawn_line (bl, i), x0 + bl->line_x[i],
                                 y0 + bl->baseline[i] - bl->line_top[first], subs, n_subs);
  tag_links (cr, bl, first, n, x0, y0);
}

/* A redline's margin (rpt-redline.c): a bar beside the lines of a changed
 * paragraph and, beside its first line, the note in the right margin. */
#define CHANGE_BAR_GAP 9.0
#define CHANGE_BAR_WIDTH 2.5
#define MARGIN_NOTE_GAP 6.0

static void
draw_margin (RptLayout *self,
             cairo_t *cr,
             const RptPageLayout *pl,
             const RptLayoutFragment *frag,
             RptBlock *block)
{
  const RptParagraphFormat *style;

  if (block->margin_style == NULL)
    return;
  style = rpt_style_sheet_get_paragraph_format (self->styles, block->margin_style);
  cairo_save (cr);
  if (style != NULL)
    cairo_set_source_rgb (cr, (style->color >> 16 & 0xff) / 255.0,
                          (style->color >> 8 & 0xff) / 255.0, (style->color & 0xff) / 255.0);
  cairo_rectangle (cr, pl->margin_left - CHANGE_BAR_GAP, frag->y, CHANGE_BAR_WIDTH, frag->height);
  cairo_fill (cr);
  if (frag->first_line == 0 && block->margin_note != NULL && pl->margin_right > 2 * MARGIN_NOTE_GAP)
    {
      RptBlock *note = g_atomic_rc_box_new0 (RptBlock);
      BlockLayout *bl;

      note->style_name = g_strdup (block->margin_style);
      note->text = g_strdup (block->margin_note);
      note->spans = g_array_new (FALSE, FALSE, sizeof (RptSpan));
      note->links = g_array_new (FALSE, FALSE, sizeof (RptLink));
      note->bookmarks = g_array_new (FALSE, FALSE, sizeof (RptBookmark));
      note->notes = g_ptr_array_new ();
      bl = block_layout_new (self, note, NULL, pl->margin_right - 2 * MARGIN_NOTE_GAP);
      rpt_block_unref (note);
      draw_lines (self, cr, bl, 0, bl->n_lines, pl->width - pl->margin_right + MARGIN_NOTE_GAP,
                  frag->y);
      block_layout_unref (bl);
    }
  cairo_restore (cr);
}

static void
draw_furniture (RptLayout *self,
                cairo_t *cr,
                GPtrArray *furniture,
                guint page_number,
                double x,
                double y,
                double width)
{
  for (guint i = 0; i < furniture->len; i++)
    {
      g_autoptr (PangoLayout) layout =
        furniture_layout (self, g_ptr_array_index (furniture, i), page_number, width);
      PangoLayoutIter *iter = pango_layout_get_iter (layout);
      int h;

      do
        {
          PangoRectangle logical;
          pango_layout_iter_get_line_extents (iter, NULL, &logical);
          rpt_text_renderer_draw_line (
            self->renderer, cr, pango_layout_iter_get_line_readonly (iter),
            x + pango_units_to_double (logical.x),
            y + pango_units_to_double (pango_layout_iter_get_baseline (iter)), NULL, 0);
        }
      while (pango_layout_iter_next_line (iter));
      pango_layout_iter_free (iter);
      pango_layout_get_size (layout, NULL, &h);
      y += pango_units_to_double (h);
    }
}

/**
 * rpt_layout_draw_page:
 * @page: 0-based page index
 * @cr: where to draw, in points with the origin at the page's top left
 *
 * Draws the text of @page (header, body, footnotes, footer) in black on
 * whatever is there: the caller paints the paper, scales for the zoom and
 * clips as it likes.
 */
void
rpt_layout_draw_page (RptLayout *self, guint page, cairo_t *cr)
{
  Page *pg;
  const RptPageLayout *pl;
  double width;

  g_return_if_fail (RPT_IS_LAYOUT (self));
  g_return_if_fail (page < self->pages->len);
  g_return_if_fail (cr != NULL);

  pg = g_ptr_array_index (self->pages, page);
  pl = pg->master->page_layout;
  width = body_width (self, pg->master);

  cairo_save (cr);
  cairo_set_source_rgb (cr, 0, 0, 0);

  draw_furniture (self, cr, pg->master->header, page + 1, pl->margin_left, pl->margin_top, width);

  for (guint f = 0; f < pg->fragments->len; f++)
    {
      RptLayoutFragment *frag = &g_array_index (pg->fragments, RptLayoutFragment, f);
      BlockLayout *bl = g_ptr_array_index (self->blocks, frag->block);
      draw_lines (self, cr, bl, frag->first_line, frag->n_lines, pl->margin_left + bl->x, frag->y);
      draw_margin (self, cr, pl, frag, bl->block);
    }

  if (pg->notes->len > 0)
    {
      double rule_y = pg->bottom - pg->notes_height + NOTE_SEPARATOR_SPACE / 2;
      cairo_set_line_width (cr, 0.5);
      cairo_move_to (cr, pl->margin_left, rule_y);
      cairo_line_to (cr, pl->margin_left + width * NOTE_RULE_FRACTION, rule_y);
      cairo_stroke (cr);
      for (guint i = 0; i < pg->notes->len; i++)
        {
          RptLayoutNoteFragment *frag = &g_array_index (pg->notes, RptLayoutNoteFragment, i);
          BlockLayout *para = g_ptr_array_index (pg->note_paragraphs, i);

          draw_lines (self, cr, para, frag->first_line, frag->n_lines, pl->margin_left + para->x,
                      frag->y);
        }
    }

  if (pg->master->footer->len > 0)
    draw_furniture (self, cr, pg->master->footer, page + 1, pl->margin_left,
                    pl->height - pl->margin_bottom - pl->footer_min_height, width);
  cairo_restore (cr);
  release_shapes (self);
}
