/* rpt-style-sheet.c
 *
 * Copyright 2026 The Rapporteur authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "rpt-style-sheet"

#include <gio/gio.h>
#include <glib/gi18n-lib.h>
#include <libxml/parser.h>
#include <libxml/tree.h>
#include <stdlib.h>
#include <string.h>

#include "rpt-core.h"
#include "rpt-data-private.h"
#include "rpt-error.h"
#include "rpt-style-sheet.h"
#include "rpt-xml-private.h"

/*
 * The house style (data/styles/house-style.xml) is the styles.xml of every
 * exported ODT; this reads the part of ODF styling the layout engine needs
 * from the same file, so the PDF and the ODT are styled by one definition.
 * Styles are resolved once, at load: each paragraph style holds the values
 * that apply after the default style and its parents, so laying out a
 * paragraph never walks the inheritance chain.
 */

#define NS_STYLE "urn:oasis:names:tc:opendocument:xmlns:style:1.0"
#define NS_FO "urn:oasis:names:tc:opendocument:xmlns:xsl-fo-compatible:1.0"
#define NS_TEXT "urn:oasis:names:tc:opendocument:xmlns:text:1.0"
#define NS_SVG "urn:oasis:names:tc:opendocument:xmlns:svg-compatible:1.0"
#define NS_OFFICE "urn:oasis:names:tc:opendocument:xmlns:office:1.0"

struct _RptStyleSheet
{
  GObject parent_instance;

  GHashTable *paragraph_styles; /* name → RptParagraphFormat */
  GHashTable *text_styles;      /* name → RptTextFormat */
  GHashTable *list_styles;      /* name → RptListFormat */
  GHashTable *page_layouts;     /* name → RptPageLayout */
  GHashTable *master_pages;     /* name → RptMasterPage */
};

G_DEFINE_FINAL_TYPE (RptStyleSheet, rpt_style_sheet, G_TYPE_OBJECT)

/* A style as written: its properties by qualified name ("fo:margin-top"). */
typedef struct
{
  char *parent;
  char *master_page;
  int outline_level;
  GHashTable *props;
} RawStyle;

static void
raw_style_free (RawStyle *raw)
{
  g_free (raw->parent);
  g_free (raw->master_page);
  g_hash_table_unref (raw->props);
  g_free (raw);
}

static void
paragraph_style_free (RptParagraphFormat *s)
{
  g_free (s->name);
  g_free (s->font_family);
  g_free (s->font_generic);
  g_free (s->master_page);
  g_free (s->language);
  g_free (s);
}

static void
text_style_free (RptTextFormat *s)
{
  g_free (s->name);
  g_free (s);
}

static void
list_style_free (RptListFormat *s)
{
  g_free (s->name);
  g_free (s->bullet);
  g_free (s->prefix);
  g_free (s->suffix);
  g_free (s);
}

static void
furniture_part_free (RptFurniturePart *part)
{
  g_free (part->text);
  g_free (part->name);
  g_free (part);
}

static void
furniture_free (RptFurniture *f)
{
  g_free (f->style_name);
  g_ptr_array_unref (f->parts);
  g_free (f);
}

static void
master_page_free (RptMasterPage *m)
{
  g_free (m->name);
  g_free (m->next_style_name);
  g_ptr_array_unref (m->header);
  g_ptr_array_unref (m->footer);
  g_free (m);
}

static void
rpt_style_sheet_finalize (GObject *object)
{
  RptStyleSheet *self = RPT_STYLE_SHEET (object);

  g_hash_table_unref (self->paragraph_styles);
  g_hash_table_unref (self->text_styles);
  g_hash_table_unref (self->list_styles);
  g_hash_table_unref (self->master_pages);
  g_hash_table_unref (self->page_layouts);
  G_OBJECT_CLASS (rpt_style_sheet_parent_class)->finalize (object);
}

static void
rpt_style_sheet_class_init (RptStyleSheetClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = rpt_style_sheet_finalize;
}

static void
rpt_style_sheet_init (RptStyleSheet *self)
{
  self->paragraph_styles =
    g_hash_table_new_full (g_str_hash, g_str_equal, NULL, (GDestroyNotify) paragraph_style_free);
  self->text_styles =
    g_hash_table_new_full (g_str_hash, g_str_equal, NULL, (GDestroyNotify) text_style_free);
  self->list_styles =
    g_hash_table_new_full (g_str_hash, g_str_equal, NULL, (GDestroyNotify) list_style_free);
  self->page_layouts = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  self->master_pages =
    g_hash_table_new_full (g_str_hash, g_str_equal, NULL, (GDestroyNotify) master_page_free);
}

/**
 * rpt_parse_length:
 * @value: an ODF length ("2.5cm", "12pt", "10mm", "1in", "0.5pc", "16px")
 * @font_size: the font size, for "em"
 *
 * Returns: whether @value is a length; *@out is in points
 */
gboolean
rpt_parse_length (const char *value, double font_size, double *out)
{
  char *end = NULL;
  double v;

  if (value == NULL)
    return FALSE;
  v = g_ascii_strtod (value, &end);
  if (end == value)
    return FALSE;
  if (g_str_equal (end, "pt"))
    *out = v;
  else if (g_str_equal (end, "cm"))
    *out = v * RPT_PT_PER_CM;
  else if (g_str_equal (end, "mm"))
    *out = v * RPT_PT_PER_CM / 10.0;
  else if (g_str_equal (end, "in"))
    *out = v * 72.0;
  else if (g_str_equal (end, "pc"))
    *out = v * 12.0;
  else if (g_str_equal (end, "px"))
    *out = v * 0.75;
  else if (g_str_equal (end, "em"))
    *out = v * font_size;
  else
    return FALSE;
  return TRUE;
}

static gboolean
parse_percent (const char *value, double *out)
{
  char *end = NULL;
  double v;

  if (value == NULL)
    return FALSE;
  v = g_ascii_strtod (value, &end);
  if (end == value || !g_str_equal (end, "%"))
    return FALSE;
  *out = v / 100.0;
  return TRUE;
}

static gboolean
parse_color (const char *value, guint32 *out)
{
  if (value == NULL || value[0] != '#' || strlen (value) != 7)
    return FALSE;
  *out = (guint32) strtoul (value + 1, NULL, 16);
  return TRUE;
}

static PangoWeight
parse_weight (const char *value)
{
  if (g_str_equal (value, "bold"))
    return PANGO_WEIGHT_BOLD;
  if (g_str_equal (value, "normal"))
    return PANGO_WEIGHT_NORMAL;
  return (PangoWeight) CLAMP (atoi (value), 100, 1000);
}

static PangoStyle
parse_font_style (const char *value)
{
  if (g_str_equal (value, "italic"))
    return PANGO_STYLE_ITALIC;
  if (g_str_equal (value, "oblique"))
    return PANGO_STYLE_OBLIQUE;
  return PANGO_STYLE_NORMAL;
}

static void
collect_props (GHashTable *props, xmlNode *node)
{
  for (xmlAttr *a = node->properties; a != NULL; a = a->next)
    {
      g_autofree char *value = (char *) xmlNodeGetContent ((xmlNode *) a);
      const char *prefix =
        a->ns != NULL && a->ns->prefix != NULL ? (const char *) a->ns->prefix : "";
      g_hash_table_replace (props, g_strdup_printf ("%s:%s", prefix, (const char *) a->name),
                            g_steal_pointer (&value));
    }
}

static RawStyle *
read_raw_style (xmlNode *node)
{
  RawStyle *raw = g_new0 (RawStyle, 1);
  g_autofree char *level = NULL;

  raw->props = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  raw->parent = rpt_xml_dup_attr (node, NS_STYLE, "parent-style-name");
  raw->master_page = rpt_xml_dup_attr (node, NS_STYLE, "master-page-name");
  level = rpt_xml_dup_attr (node, NS_STYLE, "default-outline-level");
  raw->outline_level = level != NULL ? atoi (level) : 0;
  for (xmlNode *c = node->children; c != NULL; c = c->next)
    if (rpt_xml_is (c, NS_STYLE, "paragraph-properties") ||
        rpt_xml_is (c, NS_STYLE, "text-properties"))
      collect_props (raw->props, c);
  return raw;
}

/* Applies the properties @props sets over @s. */
static void
apply_props (RptStyleSheet *self, GHashTable *fonts, RptParagraphFormat *s, GHashTable *props)
{
  const char *v;
  double d;

  if ((v = g_hash_table_lookup (props, "style:font-name")) != NULL)
    {
      const char *family = g_hash_table_lookup (fonts, v);
      g_autofree char *generic_key = g_strconcat ("\x1f", v, NULL);
      g_free (s->font_family);
      s->font_family = g_strdup (family != NULL ? family : v);
      g_free (s->font_generic);
      s->font_generic = g_strdup (g_hash_table_lookup (fonts, generic_key));
    }
  if ((v = g_hash_table_lookup (props, "fo:font-family")) != NULL)
    {
      g_free (s->font_family);
      s->font_family = g_strdup (v);
      g_strdelimit (s->font_family, "'\"", ' ');
      g_strstrip (s->font_family);
    }
  if ((v = g_hash_table_lookup (props, "fo:font-size")) != NULL)
    {
      if (parse_percent (v, &d))
        s->font_size *= d;
      else if (rpt_parse_length (v, s->font_size, &d))
        s->font_size = d;
    }
  if ((v = g_hash_table_lookup (props, "fo:font-weight")) != NULL)
    s->weight = parse_weight (v);
  if ((v = g_hash_table_lookup (props, "fo:font-style")) != NULL)
    s->style = parse_font_style (v);
  if ((v = g_hash_table_lookup (props, "fo:color")) != NULL)
    parse_color (v, &s->color);
  if ((v = g_hash_table_lookup (props, "style:text-underline-style")) != NULL)
    s->underline = !g_str_equal (v, "none");
  if ((v = g_hash_table_lookup (props, "fo:letter-spacing")) != NULL)
    {
      if (g_str_equal (v, "normal"))
        s->letter_spacing = 0;
      else if (rpt_parse_length (v, s->font_size, &d))
        s->letter_spacing = d;
    }
  if ((v = g_hash_table_lookup (props, "fo:language")) != NULL)
    {
      const char *country = g_hash_table_lookup (props, "fo:country");
      g_free (s->language);
      s->language = country != NULL ? g_strdup_printf ("%s-%s", v, country) : g_strdup (v);
    }
  if ((v = g_hash_table_lookup (props, "fo:hyphenate")) != NULL)
    s->hyphenate = g_str_equal (v, "true");

  if ((v = g_hash_table_lookup (props, "fo:text-align")) != NULL)
    {
      if (g_str_equal (v, "center"))
        s->align = RPT_ALIGN_CENTER;
      else if (g_str_equal (v, "end") || g_str_equal (v, "right"))
        s->align = RPT_ALIGN_END;
      else if (g_str_equal (v, "justify"))
        s->align = RPT_ALIGN_JUSTIFY;
      else
        s->align = RPT_ALIGN_START;
    }
  if ((v = g_hash_table_lookup (props, "fo:margin-left")) != NULL)
    rpt_parse_length (v, s->font_size, &s->margin_left);
  if ((v = g_hash_table_lookup (props, "fo:margin-right")) != NULL)
    rpt_parse_length (v, s->font_size, &s->margin_right);
  if ((v = g_hash_table_lookup (props, "fo:margin-top")) != NULL)
    rpt_parse_length (v, s->font_size, &s->margin_top);
  if ((v = g_hash_table_lookup (props, "fo:margin-bottom")) != NULL)
    rpt_parse_length (v, s->font_size, &s->margin_bottom);
  if ((v = g_hash_table_lookup (props, "fo:text-indent")) != NULL)
    rpt_parse_length (v, s->font_size, &s->text_indent);
  if ((v = g_hash_table_lookup (props, "fo:line-height")) != NULL)
    {
      if (g_str_equal (v, "normal"))
        s->line_height = 1.0;
      else if (parse_percent (v, &d))
        s->line_height = d;
      /* An exact height: as a factor of the usual line height of the font
       * (about 1.15 em for the serif faces we use). */
      else if (rpt_parse_length (v, s->font_size, &d) && s->font_size > 0)
        s->line_height = d / (s->font_size * 1.15);
    }
  if ((v = g_hash_table_lookup (props, "fo:keep-with-next")) != NULL)
    s->keep_with_next = g_str_equal (v, "always");
  if ((v = g_hash_table_lookup (props, "fo:keep-together")) != NULL)
    s->keep_together = g_str_equal (v, "always");
  if ((v = g_hash_table_lookup (props, "fo:break-before")) != NULL)
    s->break_before = g_str_equal (v, "page");
  if ((v = g_hash_table_lookup (props, "fo:orphans")) != NULL)
    s->orphans = MAX (1, atoi (v));
  if ((v = g_hash_table_lookup (props, "fo:widows")) != NULL)
    s->widows = MAX (1, atoi (v));
}

/* Parents first, so the style's own properties win. */
static void
apply_chain (RptStyleSheet *self,
             GHashTable *raws,
             GHashTable *fonts,
             RptParagraphFormat *s,
             const char *name,
             guint depth)
{
  RawStyle *raw = g_hash_table_lookup (raws, name);

  if (raw == NULL || depth > 32)
    return;
  if (raw->parent != NULL)
    apply_chain (self, raws, fonts, s, raw->parent, depth + 1);
  apply_props (self, fonts, s, raw->props);
}

static RptParagraphFormat *
resolve_paragraph_style (RptStyleSheet *self,
                         GHashTable *raws,
                         GHashTable *fonts,
                         RawStyle *defaults,
                         const char *name)
{
  RptParagraphFormat *s = g_new0 (RptParagraphFormat, 1);
  RawStyle *raw = g_hash_table_lookup (raws, name);

  s->name = g_strdup (name);
  s->font_family = g_strdup ("Liberation Serif");
  s->font_size = 12.0;
  s->weight = PANGO_WEIGHT_NORMAL;
  s->style = PANGO_STYLE_NORMAL;
  s->line_height = 1.0;
  s->orphans = 2;
  s->widows = 2;
  s->language = g_strdup ("en");
  if (defaults != NULL)
    apply_props (self, fonts, s, defaults->props);
  apply_chain (self, raws, fonts, s, name, 0);
  if (raw != NULL)
    {
      s->master_page = g_strdup (raw->master_page);
      s->outline_level = raw->outline_level;
    }
  return s;
}

static RptTextFormat *
resolve_text_style (const char *name, GHashTable *props)
{
  RptTextFormat *t = g_new0 (RptTextFormat, 1);
  const char *v;

  t->name = g_strdup (name);
  t->size = 1.0;
  if ((v = g_hash_table_lookup (props, "fo:font-weight")) != NULL)
    {
      t->set_weight = TRUE;
      t->weight = parse_weight (v);
    }
  if ((v = g_hash_table_lookup (props, "fo:font-style")) != NULL)
    {
      t->set_style = TRUE;
      t->style = parse_font_style (v);
    }
  if ((v = g_hash_table_lookup (props, "fo:color")) != NULL)
    t->set_color = parse_color (v, &t->color);
  if ((v = g_hash_table_lookup (props, "style:text-underline-style")) != NULL)
    {
      t->underline = !g_str_equal (v, "none");
      t->underline_kind = g_str_equal (v, "wave") ? PANGO_UNDERLINE_ERROR : PANGO_UNDERLINE_SINGLE;
    }
  if (t->underline && (v = g_hash_table_lookup (props, "style:text-underline-type")) != NULL &&
      g_str_equal (v, "double"))
    t->underline_kind = PANGO_UNDERLINE_DOUBLE;
  if ((v = g_hash_table_lookup (props, "style:text-line-through-style")) != NULL)
    t->line_through = !g_str_equal (v, "none");
  if ((v = g_hash_table_lookup (props, "style:text-underline-color")) != NULL ||
      (v = g_hash_table_lookup (props, "style:text-line-through-color")) != NULL)
    t->set_line_color = parse_color (v, &t->line_color);
  /* "super 58%": raised by a third of the font size, at 58 % of it. */
  if ((v = g_hash_table_lookup (props, "style:text-position")) != NULL)
    {
      g_auto (GStrv) parts = g_strsplit (v, " ", 2);
      double d;

      if (g_str_equal (parts[0], "super"))
        t->rise = 0.33;
      else if (g_str_equal (parts[0], "sub"))
        t->rise = -0.33;
      else if (parse_percent (parts[0], &d))
        t->rise = d;
      if (parts[1] != NULL && parse_percent (parts[1], &d))
        t->size = d;
    }
  return t;
}

static RptListFormat *
read_list_style (xmlNode *node)
{
  RptListFormat *l = g_new0 (RptListFormat, 1);

  l->name = rpt_xml_dup_attr (node, NS_STYLE, "name");
  for (xmlNode *c = node->children; c != NULL; c = c->next)
    {
      g_autofree char *level = NULL;

      if (c->type != XML_ELEMENT_NODE)
        continue;
      level = rpt_xml_dup_attr (c, NS_TEXT, "level");
      if (level == NULL || atoi (level) != 1)
        continue;
      if (rpt_xml_is (c, NS_TEXT, "list-level-style-number"))
        {
          l->numbered = TRUE;
          l->prefix = rpt_xml_dup_attr (c, NS_STYLE, "num-prefix");
          l->suffix = rpt_xml_dup_attr (c, NS_STYLE, "num-suffix");
        }
      else if (rpt_xml_is (c, NS_TEXT, "list-level-style-bullet"))
        l->bullet = rpt_xml_dup_attr (c, NS_TEXT, "bullet-char");
      else
        continue;
      for (xmlNode *p = c->children; p != NULL; p = p->next)
        if (rpt_xml_is (p, NS_STYLE, "list-level-properties"))
          for (xmlNode *a = p->children; a != NULL; a = a->next)
            if (rpt_xml_is (a, NS_STYLE, "list-level-label-alignment"))
              {
                g_autofree char *tab = rpt_xml_dup_attr (a, NS_TEXT, "list-tab-stop-position");
                g_autofree char *indent = rpt_xml_dup_attr (a, NS_FO, "text-indent");
                g_autofree char *margin = rpt_xml_dup_attr (a, NS_FO, "margin-left");
                rpt_parse_length (tab, 12, &l->tab_position);
                rpt_parse_length (indent, 12, &l->text_indent);
                rpt_parse_length (margin, 12, &l->margin_left);
              }
    }
  if (l->prefix == NULL)
    l->prefix = g_strdup ("");
  if (l->suffix == NULL)
    l->suffix = g_strdup ("");
  if (!l->numbered && l->bullet == NULL)
    l->bullet = g_strdup ("•");
  return l;
}

static RptPageLayout *
read_page_layout (xmlNode *node)
{
  RptPageLayout *p = g_new0 (RptPageLayout, 1);

  /* A4 with no margins until told otherwise. */
  p->width = 21.0 * RPT_PT_PER_CM;
  p->height = 29.7 * RPT_PT_PER_CM;
  for (xmlNode *c = node->children; c != NULL; c = c->next)
    {
      if (rpt_xml_is (c, NS_STYLE, "page-layout-properties"))
        {
          g_autofree char *w = rpt_xml_dup_attr (c, NS_FO, "page-width");
          g_autofree char *h = rpt_xml_dup_attr (c, NS_FO, "page-height");
          g_autofree char *t = rpt_xml_dup_attr (c, NS_FO, "margin-top");
          g_autofree char *b = rpt_xml_dup_attr (c, NS_FO, "margin-bottom");
          g_autofree char *l = rpt_xml_dup_attr (c, NS_FO, "margin-left");
          g_autofree char *r = rpt_xml_dup_attr (c, NS_FO, "margin-right");
          rpt_parse_length (w, 12, &p->width);
          rpt_parse_length (h, 12, &p->height);
          rpt_parse_length (t, 12, &p->margin_top);
          rpt_parse_length (b, 12, &p->margin_bottom);
          rpt_parse_length (l, 12, &p->margin_left);
          rpt_parse_length (r, 12, &p->margin_right);
        }
      else if (rpt_xml_is (c, NS_STYLE, "header-style") || rpt_xml_is (c, NS_STYLE, "footer-style"))
        {
          gboolean header = rpt_xml_is (c, NS_STYLE, "header-style");
          for (xmlNode *h = c->children; h != NULL; h = h->next)
            if (rpt_xml_is (h, NS_STYLE, "header-footer-properties"))
              {
                g_autofree char *min = rpt_xml_dup_attr (h, NS_FO, "min-height");
                g_autofree char *height = rpt_xml_dup_attr (h, NS_SVG, "height");
                g_autofree char *space =
                  rpt_xml_dup_attr (h, NS_FO, header ? "margin-bottom" : "margin-top");
                double *hh = header ? &p->header_min_height : &p->footer_min_height;
                double *ss = header ? &p->header_spacing : &p->footer_spacing;
                if (!rpt_parse_length (min, 12, hh))
                  rpt_parse_length (height, 12, hh);
                rpt_parse_length (space, 12, ss);
              }
        }
    }
  return p;
}

static void
read_furniture_parts (GPtrArray *parts, xmlNode *node)
{
  for (xmlNode *c = node->children; c != NULL; c = c->next)
    {
      RptFurniturePart *part = NULL;

      if (c->type == XML_TEXT_NODE)
        {
          g_autofree char *text = (char *) xmlNodeGetContent (c);
          g_autofree char *collapsed = rpt_xml_collapse_space (text);
          if (collapsed[0] == '\0')
            continue;
          part = g_new0 (RptFurniturePart, 1);
          part->kind = RPT_FIELD_TEXT;
          part->text = g_steal_pointer (&collapsed);
        }
      else if (rpt_xml_is (c, NS_TEXT, "page-number"))
        {
          part = g_new0 (RptFurniturePart, 1);
          part->kind = RPT_FIELD_PAGE_NUMBER;
        }
      else if (rpt_xml_is (c, NS_TEXT, "user-defined"))
        {
          part = g_new0 (RptFurniturePart, 1);
          part->kind = RPT_FIELD_USER_DEFINED;
          part->name = rpt_xml_dup_attr (c, NS_TEXT, "name");
          part->text = (char *) xmlNodeGetContent (c);
        }
      else if (rpt_xml_is (c, NS_TEXT, "s"))
        {
          part = g_new0 (RptFurniturePart, 1);
          part->text = g_strdup (" ");
        }
      else if (rpt_xml_is (c, NS_TEXT, "tab"))
        {
          part = g_new0 (RptFurniturePart, 1);
          part->text = g_strdup ("\t");
        }
      else if (c->type == XML_ELEMENT_NODE)
        read_furniture_parts (parts, c);
      if (part != NULL)
        g_ptr_array_add (parts, part);
    }
}

static GPtrArray *
read_furniture (xmlNode *node)
{
  GPtrArray *list = g_ptr_array_new_with_free_func ((GDestroyNotify) furniture_free);

  if (node == NULL)
    return list;
  for (xmlNode *c = node->children; c != NULL; c = c->next)
    if (rpt_xml_is (c, NS_TEXT, "p"))
      {
        RptFurniture *f = g_new0 (RptFurniture, 1);
        f->style_name = rpt_xml_dup_attr (c, NS_TEXT, "style-name");
        f->parts = g_ptr_array_new_with_free_func ((GDestroyNotify) furniture_part_free);
        read_furniture_parts (f->parts, c);
        g_ptr_array_add (list, f);
      }
  return list;
}

static xmlNode *
child_element (xmlNode *node, const char *ns, const char *name)
{
  for (xmlNode *c = node != NULL ? node->children : NULL; c != NULL; c = c->next)
    if (rpt_xml_is (c, ns, name))
      return c;
  return NULL;
}

static gboolean
load (RptStyleSheet *self, xmlNode *root, const char *filename, GError **error)
{
  g_autoptr (GHashTable) raws = NULL;
  g_autoptr (GHashTable) fonts = NULL;
  g_autoptr (GHashTable) text_props = NULL;
  RawStyle *defaults = NULL;
  xmlNode *decls, *styles, *automatic, *masters;
  GHashTableIter iter;
  gpointer key, value;

  if (!rpt_xml_is (root, NS_OFFICE, "document-styles") && !rpt_xml_is (root, NS_OFFICE, "document"))
    {
      g_set_error (error, RPT_ERROR, RPT_ERROR_PARSE,
                   _ ("%s: not an OpenDocument style sheet (office:document-styles)"), filename);
      return FALSE;
    }

  raws = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, (GDestroyNotify) raw_style_free);
  fonts = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  text_props =
    g_hash_table_new_full (g_str_hash, g_str_equal, g_free, (GDestroyNotify) raw_style_free);

  decls = child_element (root, NS_OFFICE, "font-face-decls");
  for (xmlNode *f = decls != NULL ? decls->children : NULL; f != NULL; f = f->next)
    if (rpt_xml_is (f, NS_STYLE, "font-face"))
      {
        g_autofree char *name = rpt_xml_dup_attr (f, NS_STYLE, "name");
        g_autofree char *family = rpt_xml_dup_attr (f, NS_SVG, "font-family");
        g_autofree char *generic = rpt_xml_dup_attr (f, NS_STYLE, "font-family-generic");
        if (name == NULL)
          continue;
        /* ODF's generic families, as fontconfig names them: the fallback
         * when the font itself is missing. */
        if (generic != NULL)
          {
            const char *fc = g_str_equal (generic, "roman")    ? "serif"
                             : g_str_equal (generic, "swiss")  ? "sans-serif"
                             : g_str_equal (generic, "modern") ? "monospace"
                                                               : NULL;
            if (fc != NULL)
              g_hash_table_replace (fonts, g_strconcat ("\x1f", name, NULL), g_strdup (fc));
          }
        if (family == NULL)
          family = g_strdup (name);
        g_strdelimit (family, "'\"", ' ');
        g_strstrip (family);
        g_hash_table_replace (fonts, g_steal_pointer (&name), g_steal_pointer (&family));
      }

  styles = child_element (root, NS_OFFICE, "styles");
  automatic = child_element (root, NS_OFFICE, "automatic-styles");
  masters = child_element (root, NS_OFFICE, "master-styles");

  for (guint pass = 0; pass < 2; pass++)
    for (xmlNode *c = (pass == 0 ? styles : automatic) != NULL
                        ? (pass == 0 ? styles : automatic)->children
                        : NULL;
         c != NULL; c = c->next)
      {
        g_autofree char *family = NULL;
        g_autofree char *name = NULL;

        if (c->type != XML_ELEMENT_NODE)
          continue;
        family = rpt_xml_dup_attr (c, NS_STYLE, "family");
        name = rpt_xml_dup_attr (c, NS_STYLE, "name");
        if (rpt_xml_is (c, NS_STYLE, "default-style") && g_strcmp0 (family, "paragraph") == 0)
          {
            if (defaults != NULL)
              raw_style_free (defaults);
            defaults = read_raw_style (c);
          }
        else if (rpt_xml_is (c, NS_STYLE, "style") && name != NULL &&
                 g_strcmp0 (family, "paragraph") == 0)
          g_hash_table_replace (raws, g_steal_pointer (&name), read_raw_style (c));
        else if (rpt_xml_is (c, NS_STYLE, "style") && name != NULL &&
                 g_strcmp0 (family, "text") == 0)
          g_hash_table_replace (text_props, g_steal_pointer (&name), read_raw_style (c));
        else if (rpt_xml_is (c, NS_TEXT, "list-style"))
          {
            RptListFormat *l = read_list_style (c);
            if (l->name != NULL)
              g_hash_table_replace (self->list_styles, l->name, l);
            else
              list_style_free (l);
          }
        else if (rpt_xml_is (c, NS_STYLE, "page-layout") && name != NULL)
          g_hash_table_replace (self->page_layouts, g_steal_pointer (&name), read_page_layout (c));
      }

  g_hash_table_iter_init (&iter, raws);
  while (g_hash_table_iter_next (&iter, &key, &value))
    {
      RptParagraphFormat *s = resolve_paragraph_style (self, raws, fonts, defaults, key);
      g_hash_table_replace (self->paragraph_styles, s->name, s);
    }
  /* The default style stands for any name the sheet does not define. */
  {
    RptParagraphFormat *s = resolve_paragraph_style (self, raws, fonts, defaults, "");
    g_hash_table_replace (self->paragraph_styles, s->name, s);
  }
  g_hash_table_iter_init (&iter, text_props);
  while (g_hash_table_iter_next (&iter, &key, &value))
    {
      RptTextFormat *t = resolve_text_style (key, ((RawStyle *) value)->props);
      g_hash_table_replace (self->text_styles, t->name, t);
    }
  if (defaults != NULL)
    raw_style_free (defaults);

  for (xmlNode *c = masters != NULL ? masters->children : NULL; c != NULL; c = c->next)
    if (rpt_xml_is (c, NS_STYLE, "master-page"))
      {
        RptMasterPage *m = g_new0 (RptMasterPage, 1);
        g_autofree char *layout_name = rpt_xml_dup_attr (c, NS_STYLE, "page-layout-name");

        m->name = rpt_xml_dup_attr (c, NS_STYLE, "name");
        m->next_style_name = rpt_xml_dup_attr (c, NS_STYLE, "next-style-name");
        m->page_layout =
          layout_name != NULL ? g_hash_table_lookup (self->page_layouts, layout_name) : NULL;
        m->header = read_furniture (child_element (c, NS_STYLE, "header"));
        m->footer = read_furniture (child_element (c, NS_STYLE, "footer"));
        if (m->name == NULL || m->page_layout == NULL)
          {
            g_set_error (error, RPT_ERROR, RPT_ERROR_PARSE,
                         _ ("%s:%d: a master page needs a name and an existing page layout"),
                         filename, (int) xmlGetLineNo (c));
            master_page_free (m);
            return FALSE;
          }
        g_hash_table_replace (self->master_pages, m->name, m);
      }
  if (g_hash_table_lookup (self->master_pages, "Standard") == NULL)
    {
      g_set_error (error, RPT_ERROR, RPT_ERROR_PARSE,
                   _ ("%s: the style sheet has no master page “Standard”"), filename);
      return FALSE;
    }
  return TRUE;
}

RptStyleSheet *
rpt_style_sheet_new_from_data (const char *data,
                               gssize length,
                               const char *filename,
                               GError **error)
{
  g_autoptr (RptStyleSheet) self = NULL;
  xmlDoc *doc;
  gboolean ok;

  g_return_val_if_fail (data != NULL, NULL);
  if (length < 0)
    length = strlen (data);
  if (filename == NULL)
    filename = "styles.xml";
  doc = _rpt_xml_read (data, length, filename, error);
  if (doc == NULL)
    return NULL;
  self = g_object_new (RPT_TYPE_STYLE_SHEET, NULL);
  ok = load (self, xmlDocGetRootElement (doc), filename, error);
  xmlFreeDoc (doc);
  return ok ? g_steal_pointer (&self) : NULL;
}

RptStyleSheet *
rpt_style_sheet_new_from_file (const char *path, GError **error)
{
  g_autofree char *data = NULL;
  gsize length;

  g_return_val_if_fail (path != NULL, NULL);
  if (!rpt_xml_read_file (path, &data, &length, error))
    return NULL;
  return rpt_style_sheet_new_from_data (data, length, path, error);
}

/**
 * rpt_style_sheet_new_default:
 *
 * Returns: (transfer full): the house style built into the program
 */
RptStyleSheet *
rpt_style_sheet_new_default (void)
{
  g_autoptr (GBytes) bytes = NULL;
  g_autoptr (GError) error = NULL;
  RptStyleSheet *self;
  gsize length;
  const char *data;

  rpt_core_init ();
  bytes = g_resources_lookup_data (RPT_RESOURCE_PATH "styles/house-style.xml",
                                   G_RESOURCE_LOOKUP_FLAGS_NONE, &error);
  /* Built into the library and checked by the tests: never missing. */
  g_assert_no_error (error);
  data = g_bytes_get_data (bytes, &length);
  self = rpt_style_sheet_new_from_data (data, length, "house-style.xml", &error);
  g_assert_no_error (error);
  return self;
}

/**
 * rpt_style_sheet_get_paragraph_format:
 *
 * Returns: the resolved style, or the default style when the sheet has no
 * style of that name
 */
const RptParagraphFormat *
rpt_style_sheet_get_paragraph_format (RptStyleSheet *self, const char *name)
{
  const RptParagraphFormat *s;

  g_return_val_if_fail (RPT_IS_STYLE_SHEET (self), NULL);
  s = name != NULL ? g_hash_table_lookup (self->paragraph_styles, name) : NULL;
  return s != NULL ? s : g_hash_table_lookup (self->paragraph_styles, "");
}

/**
 * rpt_style_sheet_get_text_format:
 *
 * Returns: (nullable): the text style, or %NULL if there is none
 */
const RptTextFormat *
rpt_style_sheet_get_text_format (RptStyleSheet *self, const char *name)
{
  g_return_val_if_fail (RPT_IS_STYLE_SHEET (self), NULL);
  return name != NULL ? g_hash_table_lookup (self->text_styles, name) : NULL;
}

const RptListFormat *
rpt_style_sheet_get_list_format (RptStyleSheet *self, const char *name)
{
  g_return_val_if_fail (RPT_IS_STYLE_SHEET (self), NULL);
  return name != NULL ? g_hash_table_lookup (self->list_styles, name) : NULL;
}

/**
 * rpt_style_sheet_get_master_page:
 *
 * Returns: the master page, or "Standard" when there is none of that name
 */
const RptMasterPage *
rpt_style_sheet_get_master_page (RptStyleSheet *self, const char *name)
{
  const RptMasterPage *m;

  g_return_val_if_fail (RPT_IS_STYLE_SHEET (self), NULL);
  m = name != NULL ? g_hash_table_lookup (self->master_pages, name) : NULL;
  return m != NULL ? m : g_hash_table_lookup (self->master_pages, "Standard");
}

/**
 * rpt_furniture_dup_text:
 * @lookup: (nullable): the document's user-defined fields (its reference,
 *   its letterhead in the letter's language)
 *
 * Returns: the text of a header or footer paragraph on page @page_number;
 *   a field the document has no value for shows what the style holds
 */
char *
rpt_furniture_dup_text (const RptFurniture *furniture,
                        guint page_number,
                        RptFieldLookup lookup,
                        gpointer lookup_data)
{
  GString *out = g_string_new (NULL);

  for (guint i = 0; i < furniture->parts->len; i++)
    {
      const RptFurniturePart *part = g_ptr_array_index (furniture->parts, i);
      switch (part->kind)
        {
        case RPT_FIELD_PAGE_NUMBER:
          g_string_append_printf (out, "%u", page_number);
          break;
        case RPT_FIELD_USER_DEFINED:
          {
            const char *value =
              lookup != NULL && part->name != NULL ? lookup (part->name, lookup_data) : NULL;
            if (value == NULL)
              value = part->text;
            g_string_append (out, value != NULL ? value : "");
          }
          break;
        case RPT_FIELD_TEXT:
        default:
          g_string_append (out, part->text != NULL ? part->text : "");
          break;
        }
    }
  return g_string_free (out, FALSE);
}
