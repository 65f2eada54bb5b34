/* rpt-template.c
 *
 * Copyright 2026 The Rapporteur authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "rpt-template"

#include <glib/gi18n-lib.h>
#include <libexslt/exslt.h>
#include <libxml/xmlerror.h>
#include <libxml/xpath.h>
#include <libxml/xpathInternals.h>
#include <libxslt/security.h>
#include <libxslt/transform.h>
#include <libxslt/xsltInternals.h>
#include <libxslt/xsltutils.h>
#include <string.h>

#include "rpt-check-private.h"
#include "rpt-core.h"
#include "rpt-data-private.h"
#include "rpt-error.h"
#include "rpt-grammar.h"
#include "rpt-house-style.h"
#include "rpt-template-private.h"

#define NS_LETTER "urn:x-rapporteur:letter"
#define NS_EXPORT "urn:x-rapporteur:export"
#define NS_BOILERPLATE "urn:x-rapporteur:boilerplate"
#define NS_XSLT "http://www.w3.org/1999/XSL/Transform"

typedef struct
{
  xmlDoc *doc; /* root: x:strings holding bp:s elements */
  guint n_translated;
  guint n_untranslated;
} Strings;

struct _RptTemplate
{
  GObject parent_instance;

  xsltStylesheet *stylesheet;
  xmlDoc *catalogue;
  char *catalogue_name;

  RptHouseStyle *house_style; /* NULL: the built-in editions */

  GMutex lock;
  GHashTable *languages; /* language → Strings */
};

G_DEFINE_FINAL_TYPE (RptTemplate, rpt_template, G_TYPE_OBJECT)

static void
strings_free (Strings *strings)
{
  xmlFreeDoc (strings->doc);
  g_free (strings);
}

static void
rpt_template_finalize (GObject *object)
{
  RptTemplate *self = RPT_TEMPLATE (object);

  g_clear_pointer (&self->stylesheet, xsltFreeStylesheet);
  g_clear_pointer (&self->catalogue, xmlFreeDoc);
  g_free (self->catalogue_name);
  g_clear_object (&self->house_style);
  g_hash_table_unref (self->languages);
  g_mutex_clear (&self->lock);

  G_OBJECT_CLASS (rpt_template_parent_class)->finalize (object);
}

static void
rpt_template_class_init (RptTemplateClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = rpt_template_finalize;
}

static void
rpt_template_init (RptTemplate *self)
{
  g_mutex_init (&self->lock);
  self->languages =
    g_hash_table_new_full (g_str_hash, g_str_equal, g_free, (GDestroyNotify) strings_free);
}

/* ------------------------------------------------------------------ */
/* Errors                                                              */

/*
 * libxslt reports stylesheet compilation errors through one process-wide
 * function (xsltGenericError) and libxml2 through per-thread ones. The
 * handler installed here appends to a buffer that belongs to the calling
 * thread, so two threads compiling or rendering at once never mix their
 * messages and nothing is printed.
 */
static GPrivate error_buffer = G_PRIVATE_INIT (NULL);

static void
collect_error_cb (void *ctx, const char *msg, ...)
{
  GString *buffer = ctx != NULL ? ctx : g_private_get (&error_buffer);
  va_list args;

  if (buffer == NULL)
    return;
  va_start (args, msg);
  g_string_append_vprintf (buffer, msg, args);
  va_end (args);
}

static void
collect_structured_cb (void *ctx, xmlError *error)
{
  GString *buffer = g_private_get (&error_buffer);

  if (buffer == NULL || error == NULL || error->message == NULL)
    return;
  if (error->file != NULL && error->line > 0)
    g_string_append_printf (buffer, "file %s line %d\n", error->file, error->line);
  g_string_append (buffer, error->message);
}

static xsltSecurityPrefs *
get_security_prefs (void)
{
  static gsize once = 0;
  static xsltSecurityPrefs *prefs = NULL;

  if (g_once_init_enter (&once))
    {
      rpt_core_init ();
      exsltCommonRegister ();
      xsltSetGenericErrorFunc (NULL, collect_error_cb);
      /* Templates read nothing but their input and write nothing but
       * their result. */
      prefs = xsltNewSecurityPrefs ();
      xsltSetSecurityPrefs (prefs, XSLT_SECPREF_READ_FILE, xsltSecurityForbid);
      xsltSetSecurityPrefs (prefs, XSLT_SECPREF_WRITE_FILE, xsltSecurityForbid);
      xsltSetSecurityPrefs (prefs, XSLT_SECPREF_CREATE_DIRECTORY, xsltSecurityForbid);
      xsltSetSecurityPrefs (prefs, XSLT_SECPREF_READ_NETWORK, xsltSecurityForbid);
      xsltSetSecurityPrefs (prefs, XSLT_SECPREF_WRITE_NETWORK, xsltSecurityForbid);
      g_once_init_leave (&once, 1);
    }
  return prefs;
}

typedef struct
{
  GString *buffer;
  GString *previous;
  xmlGenericErrorFunc generic;
  void *generic_ctx;
  xmlStructuredErrorFunc structured;
  void *structured_ctx;
} Collector;

static void
collector_begin (Collector *c)
{
  get_security_prefs ();
  c->buffer = g_string_new (NULL);
  c->previous = g_private_get (&error_buffer);
  g_private_set (&error_buffer, c->buffer);
  c->generic = xmlGenericError;
  c->generic_ctx = xmlGenericErrorContext;
  c->structured = xmlStructuredError;
  c->structured_ctx = xmlStructuredErrorContext;
  xmlSetGenericErrorFunc (NULL, collect_error_cb);
  xmlSetStructuredErrorFunc (NULL, collect_structured_cb);
}

/* libxslt writes "compilation error: file F line N element E\nmessage";
 * people read "F:N: message". */
static char *
collector_end (Collector *c)
{
  g_autoptr (GString) out = g_string_new (NULL);
  g_auto (GStrv) lines = NULL;
  g_autofree char *where = NULL;

  xmlSetGenericErrorFunc (c->generic_ctx, c->generic);
  xmlSetStructuredErrorFunc (c->structured_ctx, c->structured);
  g_private_set (&error_buffer, c->previous);

  lines = g_strsplit (c->buffer->str, "\n", -1);
  g_string_free (c->buffer, TRUE);
  for (guint i = 0; lines[i] != NULL; i++)
    {
      char *line = g_strstrip (lines[i]);
      const char *file = strstr (line, "file ");
      const char *at = file != NULL ? strstr (file, " line ") : NULL;

      if (line[0] == '\0')
        continue;
      if (file != NULL && at != NULL)
        {
          g_free (where);
          where = g_strdup_printf ("%.*s:%d", (int) (at - file - 5), file + 5, atoi (at + 6));
          continue;
        }
      if (out->len > 0)
        g_string_append (out, "; ");
      if (where != NULL)
        {
          g_string_append_printf (out, "%s: ", where);
          g_clear_pointer (&where, g_free);
        }
      g_string_append (out, line);
    }
  if (out->len == 0 && where != NULL)
    g_string_append (out, where);
  if (out->len == 0)
    return NULL;
  return g_string_free (g_steal_pointer (&out), FALSE);
}

/* ------------------------------------------------------------------ */
/* Loading                                                             */

static gboolean
is_element (xmlNode *node, const char *ns, const char *name)
{
  return node != NULL && node->type == XML_ELEMENT_NODE && node->ns != NULL &&
         xmlStrEqual (node->ns->href, BAD_CAST ns) && xmlStrEqual (node->name, BAD_CAST name);
}

static xsltStylesheet *
compile_stylesheet (const char *data, gsize length, const char *name, GError **error)
{
  xmlDoc *doc = _rpt_xml_read (data, length, name, error);
  xsltStylesheet *style;
  Collector collector;
  g_autofree char *message = NULL;
  xmlNode *root;

  if (doc == NULL)
    return NULL;
  root = xmlDocGetRootElement (doc);
  if (!is_element (root, NS_XSLT, "stylesheet") && !is_element (root, NS_XSLT, "transform"))
    {
      g_set_error (error, RPT_ERROR, RPT_ERROR_PARSE, _ ("%s:%ld: this is not an XSLT stylesheet"),
                   name, xmlGetLineNo (root));
      xmlFreeDoc (doc);
      return NULL;
    }
  /* A template is one file: nothing it could pull in escapes the checks. */
  for (xmlNode *c = root->children; c != NULL; c = c->next)
    if (is_element (c, NS_XSLT, "include") || is_element (c, NS_XSLT, "import"))
      {
        g_set_error (error, RPT_ERROR, RPT_ERROR_UNSAFE,
                     _ ("%s:%ld: templates cannot include or import other files"), name,
                     xmlGetLineNo (c));
        xmlFreeDoc (doc);
        return NULL;
      }

  collector_begin (&collector);
  style = xsltParseStylesheetDoc (doc);
  if (style != NULL && style->errors > 0)
    g_clear_pointer (&style, xsltFreeStylesheet); /* frees doc */
  else if (style == NULL)
    xmlFreeDoc (doc);
  message = collector_end (&collector);

  if (style == NULL)
    {
      g_set_error (error, RPT_ERROR, RPT_ERROR_PARSE, _ ("%s: the template has errors: %s"), name,
                   message != NULL ? message : _ ("unknown error"));
      return NULL;
    }
  return style;
}

static xmlDoc *
read_catalogue (const char *data, gsize length, const char *name, GError **error)
{
  xmlDoc *doc = _rpt_xml_read (data, length, name, error);

  if (doc != NULL && !is_element (xmlDocGetRootElement (doc), NS_BOILERPLATE, "boilerplate"))
    {
      g_set_error (error, RPT_ERROR, RPT_ERROR_PARSE,
                   _ ("%s: this is not a catalogue of standard sentences"), name);
      g_clear_pointer (&doc, xmlFreeDoc);
    }
  return doc;
}

static RptTemplate *
template_new (const char *stylesheet_data,
              gsize stylesheet_length,
              const char *stylesheet_name,
              const char *catalogue_data,
              gsize catalogue_length,
              const char *catalogue_name,
              GError **error)
{
  g_autoptr (RptTemplate) self = g_object_new (RPT_TYPE_TEMPLATE, NULL);

  self->catalogue = read_catalogue (catalogue_data, catalogue_length, catalogue_name, error);
  if (self->catalogue == NULL)
    return NULL;
  self->catalogue_name = g_strdup (catalogue_name);
  self->stylesheet =
    compile_stylesheet (stylesheet_data, stylesheet_length, stylesheet_name, error);
  if (self->stylesheet == NULL)
    return NULL;
  return g_steal_pointer (&self);
}

/**
 * rpt_template_new_from_files:
 * @stylesheet: the path of an XSLT stylesheet
 * @boilerplate: the path of a catalogue of standard sentences, as
 *   data/templates/boilerplate.xml.in after msgfmt has merged its
 *   translations
 *
 * Loads templates from files, for tests and for trying out a template.
 *
 * Returns: (transfer full): the templates, or %NULL with @error set
 */
RptTemplate *
rpt_template_new_from_files (const char *stylesheet, const char *boilerplate, GError **error)
{
  g_autofree char *style_data = NULL;
  g_autofree char *catalogue_data = NULL;
  g_autoptr (GError) local = NULL;
  gsize style_length, catalogue_length;

  g_return_val_if_fail (stylesheet != NULL && boilerplate != NULL, NULL);

  if (!g_file_get_contents (stylesheet, &style_data, &style_length, &local) ||
      !g_file_get_contents (boilerplate, &catalogue_data, &catalogue_length, &local))
    {
      g_set_error (error, RPT_ERROR, RPT_ERROR_NOT_FOUND, "%s", local->message);
      return NULL;
    }
  return template_new (style_data, style_length, stylesheet, catalogue_data, catalogue_length,
                       boilerplate, error);
}

/**
 * rpt_template_get_default:
 *
 * Returns: (transfer full): the templates built into Rapporteur, or %NULL
 *   with @error set (only in a broken build)
 */
RptTemplate *
rpt_template_get_default (GError **error)
{
  static gsize once = 0;
  static RptTemplate *template = NULL;
  static GError *load_error = NULL;

  if (g_once_init_enter (&once))
    {
      g_autoptr (GBytes) style = _rpt_data_load_resource ("templates/letter.xsl");
      g_autoptr (GBytes) catalogue = _rpt_data_load_resource ("templates/boilerplate.xml");

      template =
        template_new (g_bytes_get_data (style, NULL), g_bytes_get_size (style),
                      "resource://" RPT_RESOURCE_PATH "templates/letter.xsl",
                      g_bytes_get_data (catalogue, NULL), g_bytes_get_size (catalogue),
                      "resource://" RPT_RESOURCE_PATH "templates/boilerplate.xml", &load_error);
      g_once_init_leave (&once, 1);
    }
  if (template == NULL)
    {
      g_propagate_error (error, g_error_copy (load_error));
      return NULL;
    }
  return g_object_ref (template);
}

/* ------------------------------------------------------------------ */
/* The sentences in a language                                         */

static void
collect_var_names (xmlNode *s, GPtrArray *names, gboolean *unexpected)
{
  for (xmlNode *c = s->children; c != NULL; c = c->next)
    {
      if (c->type == XML_TEXT_NODE)
        continue;
      if (is_element (c, NS_BOILERPLATE, "var"))
        {
          xmlChar *name = xmlGetProp (c, BAD_CAST "name");
          gsize len = name != NULL ? strlen ((const char *) name) : 0;

          /* "state-de" and "state-a" are forms of "state" ("du
           * Tadjikistan", "au Tadjikistan"): a translation may use
           * whichever its grammar needs. */
          if (len > 3 && g_str_has_suffix ((const char *) name, "-de"))
            name[len - 3] = '\0';
          else if (len > 2 && g_str_has_suffix ((const char *) name, "-a"))
            name[len - 2] = '\0';
          g_ptr_array_add (names, name);
        }
      else if (is_element (c, NS_BOILERPLATE, "link"))
        g_ptr_array_add (names, xmlStrdup (BAD_CAST "<link>"));
      else
        *unexpected = TRUE;
    }
  g_ptr_array_sort (names, (GCompareFunc) g_strcmp0);
}

static int
compare_indirect (gconstpointer a, gconstpointer b)
{
  return g_strcmp0 (*(const char *const *) a, *(const char *const *) b);
}

/* A translation may move the placeholders but must keep every one of
 * them: a lost <var/> would drop words the drafter typed. */
static gboolean
translation_is_usable (xmlNode *english, xmlNode *translated)
{
  g_autoptr (GPtrArray) want = g_ptr_array_new_with_free_func (xmlFree);
  g_autoptr (GPtrArray) have = g_ptr_array_new_with_free_func (xmlFree);
  gboolean unexpected = FALSE;

  collect_var_names (english, want, &unexpected);
  collect_var_names (translated, have, &unexpected);
  if (unexpected || want->len != have->len)
    return FALSE;
  g_ptr_array_sort (want, compare_indirect);
  g_ptr_array_sort (have, compare_indirect);
  for (guint i = 0; i < want->len; i++)
    if (g_strcmp0 (want->pdata[i], have->pdata[i]) != 0)
      return FALSE;
  return TRUE;
}

static gboolean
has_lang (xmlNode *node, const char *language)
{
  g_autofree char *lang = (char *) xmlGetNsProp (node, BAD_CAST "lang", XML_XML_NAMESPACE);

  return g_strcmp0 (lang, language) == 0;
}

/* The translation of the English sentence @english into @language, if
 * the catalogue has one that keeps its placeholders; its content may
 * live in a document of its own (@owned). */
static xmlNode *
find_translation (xmlNode *english, const char *language, xmlDoc **owned)
{
  xmlNode *content = NULL;

  *owned = NULL;
  /* msgfmt puts each translation right after the English text, without
   * the id. */
  for (xmlNode *t = english->next; t != NULL; t = t->next)
    {
      if (t->type != XML_ELEMENT_NODE)
        continue;
      if (!is_element (t, NS_BOILERPLATE, "s") || has_lang (t, NULL))
        break;
      if (has_lang (t, language))
        {
          content = _rpt_xml_translated_content (t, owned);
          break;
        }
    }
  if (content != NULL && !translation_is_usable (english, content))
    {
      g_clear_pointer (owned, xmlFreeDoc);
      content = NULL;
    }
  return content;
}

static xmlNode *
find_sentence (xmlNode *root, const char *id)
{
  for (xmlNode *c = root->children; c != NULL; c = c->next)
    if (is_element (c, NS_BOILERPLATE, "s") && has_lang (c, NULL))
      {
        g_autofree char *cid = (char *) xmlGetProp (c, BAD_CAST "id");
        if (g_strcmp0 (cid, id) == 0)
          return c;
      }
  return NULL;
}

static void
copy_children (xmlNode *from, xmlNode *to, xmlDoc *doc, xmlNs *ns)
{
  for (xmlNode *k = from->children; k != NULL; k = k->next)
    {
      xmlNode *child = xmlDocCopyNode (k, doc, 1);
      if (child->type == XML_ELEMENT_NODE)
        xmlSetNs (child, ns);
      xmlAddChild (to, child);
    }
}

/* Called with the lock held. A sentence the language lacks (or whose
 * translation lost a placeholder) is not passed off in English: it
 * becomes the gap "missing-translation" around the English text, so the
 * letter shows what is missing. */
static Strings *
get_strings (RptTemplate *self, const char *language)
{
  Strings *strings = g_hash_table_lookup (self->languages, language);
  xmlNode *root, *out_root, *gap = NULL, *gap_english;
  xmlDoc *gap_owned = NULL;
  xmlNs *ns;

  if (strings != NULL)
    return strings;

  strings = g_new0 (Strings, 1);
  strings->doc = xmlNewDoc (BAD_CAST "1.0");
  out_root = xmlNewDocNode (strings->doc, NULL, BAD_CAST "strings", NULL);
  xmlDocSetRootElement (strings->doc, out_root);
  xmlSetNs (out_root, xmlNewNs (out_root, BAD_CAST NS_EXPORT, BAD_CAST "x"));
  ns = xmlNewNs (out_root, BAD_CAST NS_BOILERPLATE, BAD_CAST "bp");

  root = xmlDocGetRootElement (self->catalogue);
  gap_english = find_sentence (root, "missing-translation");
  if (gap_english != NULL && !g_str_equal (language, "en"))
    gap = find_translation (gap_english, language, &gap_owned);
  if (gap == NULL)
    gap = gap_english;

  for (xmlNode *c = root->children; c != NULL; c = c->next)
    {
      g_autofree char *id = NULL;
      xmlNode *chosen = c, *copy, *owner = NULL;
      xmlDoc *owned = NULL;

      if (!is_element (c, NS_BOILERPLATE, "s") || !has_lang (c, NULL))
        continue;
      id = (char *) xmlGetProp (c, BAD_CAST "id");
      if (id == NULL)
        continue;

      copy = xmlNewDocNode (strings->doc, ns, BAD_CAST "s", NULL);
      xmlSetProp (copy, BAD_CAST "id", BAD_CAST id);
      xmlAddChild (out_root, copy);

      if (!g_str_equal (language, "en"))
        {
          owner = find_translation (c, language, &owned);
          if (owner != NULL)
            {
              chosen = owner;
              strings->n_translated++;
            }
          else
            strings->n_untranslated++;
        }

      if (owner == NULL && !g_str_equal (language, "en") && gap != NULL && c != gap_english)
        {
          /* "[not translated: <the English sentence>]" */
          for (xmlNode *k = gap->children; k != NULL; k = k->next)
            {
              g_autofree char *name = NULL;

              if (is_element (k, NS_BOILERPLATE, "var"))
                name = (char *) xmlGetProp (k, BAD_CAST "name");
              if (g_strcmp0 (name, "text") == 0)
                copy_children (c, copy, strings->doc, ns);
              else
                {
                  xmlNode *child = xmlDocCopyNode (k, strings->doc, 1);
                  if (child->type == XML_ELEMENT_NODE)
                    xmlSetNs (child, ns);
                  xmlAddChild (copy, child);
                }
            }
        }
      else
        copy_children (chosen, copy, strings->doc, ns);
      if (owned != NULL)
        xmlFreeDoc (owned);
    }
  if (gap_owned != NULL)
    xmlFreeDoc (gap_owned);
  xmlReconciliateNs (strings->doc, out_root);
  g_hash_table_insert (self->languages, g_strdup (language), strings);
  return strings;
}

/**
 * rpt_template_set_house_style:
 * @style: (nullable): the editions of the house style, or %NULL for the
 *   built-in ones
 *
 * For templates made from files (trying out an editions file, tests): the
 * default templates, shared by the whole program, keep the built-in
 * editions. Call it before rendering.
 */
void
rpt_template_set_house_style (RptTemplate *self, RptHouseStyle *style)
{
  g_return_if_fail (RPT_IS_TEMPLATE (self));
  g_return_if_fail (style == NULL || RPT_IS_HOUSE_STYLE (style));

  g_set_object (&self->house_style, style);
}

/**
 * rpt_template_has_language:
 *
 * Returns: whether the standard sentences are translated into @language
 *   (always %TRUE for "en")
 */
gboolean
rpt_template_has_language (RptTemplate *self, const char *language)
{
  gboolean has;

  g_return_val_if_fail (RPT_IS_TEMPLATE (self), FALSE);
  g_return_val_if_fail (language != NULL, FALSE);

  g_mutex_lock (&self->lock);
  has = g_str_equal (language, "en") || get_strings (self, language)->n_translated > 0;
  g_mutex_unlock (&self->lock);
  return has;
}

/* ------------------------------------------------------------------ */
/* The input of the stylesheet                                         */

typedef struct
{
  RptReference *reference;
  GPtrArray *checks; /* RptCheck: what the drafter should know */
  xmlDoc *doc;
  xmlNode *input;
  xmlNode *meta;
  xmlNode *letter;
  xmlNs *x;
  const char *language;         /* the letter's */
  const char *strings_language; /* the sentences' */
  char *date;                   /* the letter's, or today: what titles and resolutions follow */
  RptHouseStyle *house_style;
  const char *today; /* (nullable): YYYY-MM-DD, for an undated letter */
  guint n_removed;
} Build;

/* What the template cannot write, or writes from uncertain data, is a
 * check (rpt-check.h: @id is one of its catalogue) at the place the
 * drafter fixes it: @part and @item_id, or %RPT_N_PARTS and %NULL for the
 * letter's own fields, and the property that holds it. The notes of an
 * export are their messages, and the checks of a letter include them
 * (_rpt_template_collect_checks()): one source for both. */
static RptCheck *G_GNUC_PRINTF (6, 7) add_note (Build *b,
                                                const char *id,
                                                RptPart part,
                                                const char *item_id,
                                                const char *field,
                                                const char *format,
                                                ...)
{
  va_list args;
  g_autofree char *message = NULL;
  RptCheck *check;

  va_start (args, format);
  message = g_strdup_vprintf (format, args);
  va_end (args);
  for (guint i = 0; i < b->checks->len; i++)
    if (g_str_equal (rpt_check_get_message (b->checks->pdata[i]), message))
      return NULL;
  check = _rpt_check_new (id, message, part, item_id, field);
  g_ptr_array_add (b->checks, check);
  return check;
}

#define LETTER RPT_N_PARTS, NULL

/* Whether a row comes from the user's corrections (rpt-overrides.h): the
 * letter then says what the user said, and the drafter should know it. */
static gboolean
is_corrected (Build *b, const char *source)
{
  const char *path = rpt_reference_get_overrides_path (b->reference);

  return source != NULL && path != NULL && g_str_equal (source, path);
}

static xmlNode *
letter_child (xmlNode *parent, const char *name)
{
  for (xmlNode *c = parent != NULL ? parent->children : NULL; c != NULL; c = c->next)
    if (is_element (c, NS_LETTER, name))
      return c;
  return NULL;
}

static char *
prop (xmlNode *node, const char *name)
{
  return node != NULL ? (char *) xmlGetProp (node, BAD_CAST name) : NULL;
}

static char *
text_of (xmlNode *node)
{
  return node != NULL ? (char *) xmlNodeGetContent (node) : NULL;
}

static xmlNode *
add_x (Build *b, xmlNode *parent, const char *name, const char *content)
{
  xmlNode *node = xmlNewDocNode (b->doc, b->x, BAD_CAST name, NULL);

  if (content != NULL)
    xmlAddChild (node, xmlNewDocText (b->doc, BAD_CAST content));
  return xmlAddChild (parent, node);
}

static const char *
language_name (const char *language)
{
  if (g_strcmp0 (language, "fr") == 0)
    return _ ("French");
  if (g_strcmp0 (language, "es") == 0)
    return _ ("Spanish");
  if (g_strcmp0 (language, "en") == 0)
    return _ ("English");
  return language;
}

/* Plain text of paragraph text, for the document properties. */
static void
append_plain (GString *out, xmlNode *node)
{
  for (xmlNode *c = node->children; c != NULL; c = c->next)
    {
      if (c->type == XML_TEXT_NODE)
        g_string_append (out, (const char *) c->content);
      else if (c->type == XML_ELEMENT_NODE && !is_element (c, NS_LETTER, "note"))
        append_plain (out, c);
    }
}

static char *
plain_of (xmlNode *node)
{
  g_autoptr (GString) out = g_string_new (NULL);
  g_auto (GStrv) words = NULL;

  if (node == NULL)
    return NULL;
  append_plain (out, node);
  words = g_strsplit_set (out->str, " \t\n", -1);
  out = g_string_truncate (out, 0);
  for (guint i = 0; words[i] != NULL; i++)
    if (words[i][0] != '\0')
      g_string_append_printf (out, "%s%s", out->len > 0 ? " " : "", words[i]);
  return g_string_free (g_steal_pointer (&out), FALSE);
}

static void
add_meta (Build *b)
{
  xmlNode *meta = b->meta = add_x (b, b->input, "meta", NULL);
  g_autofree char *kind = text_of (letter_child (b->letter, "kind"));
  xmlNode *addressee = letter_child (b->letter, "addressee");
  xmlNode *reference = letter_child (b->letter, "reference");
  g_autofree char *country = prop (addressee, "country");
  g_autofree char *number = prop (reference, "number");
  g_autofree char *year = prop (reference, "year");
  g_autofree char *date = text_of (letter_child (b->letter, "date"));
  g_autofree char *summary = plain_of (letter_child (b->letter, "summary"));
  g_autofree char *ref = NULL;
  gboolean complete = country != NULL && number != NULL && year != NULL;

  /* A draft has no number yet: "AL TJK __/2025". */
  if (year == NULL && date != NULL && strlen (date) >= 4)
    year = g_strndup (date, 4);
  ref = g_strdup_printf ("%s %s %s/%s", kind, country != NULL ? country : "___",
                         number != NULL ? number : "__", year != NULL ? year : "____");

  xmlSetProp (meta, BAD_CAST "reference", BAD_CAST ref);
  xmlSetProp (meta, BAD_CAST "title",
              BAD_CAST (complete || summary == NULL || summary[0] == '\0' ? ref : summary));
  xmlSetProp (meta, BAD_CAST "subject", BAD_CAST (summary != NULL ? summary : ""));
  add_x (b, meta, "keyword", kind);
  if (country != NULL)
    add_x (b, meta, "keyword", country);

  if (date == NULL)
    add_note (b, "date-missing", LETTER, "date", _ ("The letter has no date yet."));
  if (summary == NULL || summary[0] == '\0')
    add_note (b, "summary-missing", LETTER, "summary",
              _ ("The letter has no subject summary yet."));
  if (!complete)
    add_note (b, "reference-incomplete", LETTER, "reference-number",
              _ ("The reference is not complete (%s): it needs the number the letter is given "
                 "when it is sent."),
              ref);
}

static void
add_country (Build *b)
{
  xmlNode *addressee = letter_child (b->letter, "addressee");
  g_autofree char *code = prop (addressee, "country");
  g_autofree char *name = NULL;
  g_autofree char *de = NULL;
  g_autofree char *a = NULL;
  const RptCountryInfo *info;
  const char *un_name = NULL;
  gboolean from_un = FALSE;
  xmlNode *x;

  if (code == NULL)
    {
      xmlSetProp (b->input, BAD_CAST "addressee", BAD_CAST "state");
      add_note (b, "addressee-missing", LETTER, "country", _ ("The letter has no addressee yet."));
      return;
    }
  if (g_str_equal (code, "OTH"))
    {
      g_autofree char *wgad = prop (letter_child (b->letter, "closing"), "wgad");
      g_autofree char *other = text_of (letter_child (addressee, "name"));

      xmlSetProp (b->input, BAD_CAST "addressee", BAD_CAST "other");
      if (other == NULL || other[0] == '\0')
        add_note (b, "addressee-name-missing", LETTER, "addressee-name",
                  _ ("The addressee has no name yet."));
      else
        {
          /* its forms after "de" and "à", by the contraction rules:
           * "de la société X", "du Fonds Y", "d'Acme" */
          de = rpt_grammar_contract (b->strings_language, RPT_PREPOSITION_DE, other);
          a = rpt_grammar_contract (b->strings_language, RPT_PREPOSITION_A, other);
          x = add_x (b, b->input, "addressee", NULL);
          xmlSetProp (x, BAD_CAST "de", BAD_CAST de);
          xmlSetProp (x, BAD_CAST "a", BAD_CAST a);
        }
      if (g_strcmp0 (wgad, "yes") == 0)
        add_note (b, "wgad-not-for-other", LETTER, "wgad",
                  _ ("The Working Group on Arbitrary Detention paragraph is only for letters "
                     "to States: it is left out."));
      return;
    }
  xmlSetProp (b->input, BAD_CAST "addressee", BAD_CAST "state");
  name = rpt_reference_dup_country_form (b->reference, code, b->strings_language,
                                         RPT_COUNTRY_FORM_IN_TEXT, &from_un);
  if (name == NULL)
    {
      add_note (b, "country-unknown", LETTER, "country",
                _ ("“%s” is not a country Rapporteur knows: its name is left as a gap."), code);
      return;
    }
  /* the forms after "de" and "à": "du Tadjikistan", "au Tadjikistan" */
  de = rpt_reference_dup_country_form (b->reference, code, b->strings_language,
                                       RPT_COUNTRY_FORM_AFTER_DE, NULL);
  a = rpt_reference_dup_country_form (b->reference, code, b->strings_language,
                                      RPT_COUNTRY_FORM_AFTER_A, NULL);
  x = add_x (b, b->input, "country", name);
  xmlSetProp (x, BAD_CAST "code", BAD_CAST code);
  xmlSetProp (x, BAD_CAST "de", BAD_CAST de);
  xmlSetProp (x, BAD_CAST "a", BAD_CAST a);
  add_x (b, b->meta, "keyword", name);

  info = rpt_reference_lookup_country (b->reference, code);
  if (info != NULL)
    un_name = g_str_equal (b->strings_language, "fr")   ? info->name_fr
              : g_str_equal (b->strings_language, "es") ? info->name_es
                                                        : info->name_en;
  if (!from_un)
    add_note (b, "country-name-not-un", LETTER, "country",
              _ ("The UN name of %s in %s is not in the reference data: the letter uses the ISO "
                 "name “%s”. Check it, and its forms after a preposition."),
              code, language_name (b->strings_language), name);
  else if (info != NULL && !info->verified && g_strcmp0 (name, un_name) == 0)
    add_note (b, "unverified-reference-data", LETTER, "country",
              _ ("Unverified reference data for the name of %s (as of %s): %s"), name,
              info->as_of != NULL ? info->as_of : "?",
              info->verification != NULL ? info->verification : "");
  if (info != NULL && is_corrected (b, info->source))
    add_note (b, "overridden-reference-data", LETTER, "country",
              _ ("The letter uses a corrected name of %s. %s"), code,
              info->verification != NULL ? info->verification : "");
}

/* The signatory element that signs for the mandate @id, if any. */
static xmlNode *
find_signatory (Build *b, const char *id)
{
  xmlNode *signatories = letter_child (b->letter, "signatories");

  for (xmlNode *c = signatories != NULL ? signatories->children : NULL; c != NULL; c = c->next)
    if (is_element (c, NS_LETTER, "signatory"))
      {
        g_autofree char *mandate = prop (c, "mandate");
        if (id != NULL && g_strcmp0 (mandate, id) == 0)
          return c;
      }
  return NULL;
}

static gboolean
is_working_group_title (const char *title)
{
  return title != NULL && (g_str_has_prefix (title, "Working Group") ||
                           g_str_has_prefix (title, "Groupe de travail") ||
                           g_str_has_prefix (title, "Grupo de Trabajo"));
}

/* What the drafter should know of a title chosen for the letter's date
 * (mandate_title_history.csv). */
static void
dated_title_note (Build *b,
                  const char *id,
                  const RptMandateInfo *info,
                  const char *language,
                  const char *title,
                  RptDating dating,
                  const RptTitleHistoryInfo *row)
{
  switch (dating)
    {
    case RPT_DATING_KNOWN:
      add_note (b, "title-of-date", RPT_PART_MANDATES, id, "title",
                _ ("The letter is dated %s: the %s title of the %s is the one in use then, "
                   "“%s” (until %s; %s)."),
                b->date, language_name (language), rpt_mandate_info_get_ui_title (info),
                title != NULL ? title : "", row->used_until,
                row->verified ? _ ("attested") : _ ("not fully attested"));
      break;
    case RPT_DATING_UNCERTAIN:
      add_note (b, "title-date-uncertain", RPT_PART_MANDATES, id, "title",
                _ ("The reference data cannot tell which %s title the %s had on %s (its "
                   "change is dated “%s”): the letter says “%s”. Check it."),
                language_name (language), rpt_mandate_info_get_ui_title (info), b->date,
                row != NULL ? row->used_from : "?", title != NULL ? title : "");
      break;
    case RPT_DATING_AMBIGUOUS:
      add_note (b, "title-missing-on-date", RPT_PART_MANDATES, id, "title",
                _ ("On %s the mandates now merged in the %s had titles of their own: the letter "
                   "shows a gap. Type the title in Mandates & Signatories."),
                b->date, rpt_mandate_info_get_ui_title (info));
      break;
    case RPT_DATING_CURRENT:
    default:
      break;
    }
}

/* The title of a mandate in the letter's language and in the form its
 * holder uses; a title the data lacks is a gap, never the English title
 * passing for a translation. Sets @title, @gender ("m" or "f": the
 * article before the title), @elision ("yes" when French drops the
 * vowel of "de", "le": "de l'Experte indépendante") and @missing. */
static void
mandate_title (Build *b, xmlNode *x, xmlNode *mandate, const RptMandateInfo *info)
{
  g_autofree char *id = prop (mandate, "id");
  g_autofree char *key = prop (mandate, "key");
  g_autofree char *own_title = text_of (letter_child (mandate, "title"));
  xmlNode *signatory = find_signatory (b, id);
  g_autofree char *form_name = prop (signatory, "title-form");
  g_autofree char *signer = text_of (letter_child (signatory, "name"));
  g_autofree char *signatory_id = prop (signatory, "id");
  RptTitleForm form = RPT_TITLE_FORM_UNSPECIFIED;
  const char *language = b->strings_language;
  gboolean english = g_str_equal (language, "en");
  gboolean group;
  const char *title = NULL;
  const char *missing = NULL;

  if (form_name != NULL)
    rpt_title_form_from_string (form_name, &form);
  group = info != NULL ? g_strcmp0 (info->form, "WG") == 0 : is_working_group_title (own_title);

  if (own_title != NULL)
    title = own_title; /* typed by the drafter, in the letter's language */
  else if (info != NULL)
    {
      const char *attested;

      const RptTitleHistoryInfo *row = NULL;
      RptDating dating;

      title = rpt_reference_lookup_title_at (b->reference, info->key, language, form, b->date,
                                             &dating, &row);
      dated_title_note (b, id, info, language, title, dating, row);
      if (dating == RPT_DATING_AMBIGUOUS)
        {
          /* two mandates since merged: the drafter says which */
          missing = "date";
          title = rpt_mandate_info_lookup_title (info, language, RPT_TITLE_FORM_MASCULINE);
          if (title == NULL)
            title = info->title;
        }
      else if (title == NULL && form == RPT_TITLE_FORM_FEMININE &&
               rpt_reference_lookup_title_at (b->reference, info->key, language,
                                              RPT_TITLE_FORM_MASCULINE, b->date, NULL,
                                              NULL) != NULL)
        {
          missing = "feminine";
          title = rpt_reference_lookup_title_at (b->reference, info->key, language,
                                                 RPT_TITLE_FORM_MASCULINE, b->date, NULL, NULL);
          add_note (b, "title-missing-in-language", RPT_PART_MANDATES, id, "title",
                    _ ("The reference data has no feminine %s title for the %s: the letter "
                       "shows a gap. Type the title in Mandates & Signatories."),
                    language_name (language), rpt_mandate_info_get_ui_title (info));
        }
      else if (title == NULL)
        {
          missing = "language";
          title = info->title;
          add_note (b, "title-missing-in-language", RPT_PART_MANDATES, id, "title",
                    _ ("The reference data has no %s title for the %s: the letter shows a gap. "
                       "Type the title in Mandates & Signatories."),
                    language_name (language), rpt_mandate_info_get_ui_title (info));
        }

      attested = rpt_mandate_info_get_title_attested (info, language);
      if (missing == NULL && !english && g_strcmp0 (attested, "no") == 0)
        add_note (b, "title-unattested", RPT_PART_MANDATES, id, "title",
                  _ ("The %s title of the %s is not attested in a UN source (it renders the "
                     "usual UN terms): check “%s” before sending."),
                  language_name (language), rpt_mandate_info_get_ui_title (info), title);
      else if (missing == NULL && !english && g_strcmp0 (attested, "press") == 0)
        add_note (b, "title-unattested", RPT_PART_MANDATES, id, "title",
                  _ ("The %s title of the %s comes from a UN press text, which may paraphrase "
                     "it: check “%s” before sending."),
                  language_name (language), rpt_mandate_info_get_ui_title (info), title);

      /* Only where the language's title has a feminine form to choose. */
      if (!english && !group && form == RPT_TITLE_FORM_UNSPECIFIED && missing == NULL &&
          rpt_mandate_info_lookup_title (info, language, RPT_TITLE_FORM_FEMININE) != NULL)
        add_note (
          b, "title-form-missing", signatory_id != NULL ? RPT_PART_SIGNATORIES : RPT_PART_MANDATES,
          signatory_id != NULL ? signatory_id : id, signatory_id != NULL ? "title-form" : NULL,
          _ ("No form of title is recorded for %s (%s): the letter says “%s”. Choose "
             "the feminine or masculine form in Mandates & Signatories."),
          signer != NULL ? signer : _ ("the signatory"), rpt_mandate_info_get_ui_title (info),
          title);
    }

  if (title == NULL)
    {
      add_note (b, "mandate-unknown", RPT_PART_MANDATES, id, "key",
                _ ("A mandate has no title (its key “%s” is not in the reference data)."),
                key != NULL ? key : "");
      return;
    }
  xmlSetProp (x, BAD_CAST "title", BAD_CAST title);
  xmlSetProp (x, BAD_CAST "gender",
              BAD_CAST (!group && form == RPT_TITLE_FORM_FEMININE ? "f" : "m"));
  xmlSetProp (x, BAD_CAST "elision",
              BAD_CAST (missing == NULL && rpt_grammar_elides (language, title) ? "yes" : "no"));
  if (missing != NULL)
    xmlSetProp (x, BAD_CAST "missing", BAD_CAST missing);
}

/* The resolutions the mandate acted under on the letter's date, from the
 * reference data; where the data cannot tell, the mandate is marked and
 * the opening sentence shows a gap, never a shorter list that reads as
 * complete (rpt_letter_list_mandates_without_resolution() asks the same
 * of the data). Returns whether the mandate's latest resolution (the one
 * its trust is about) is among those the letter names. */
static gboolean
add_data_resolutions (Build *b,
                      xmlNode *x,
                      const char *id,
                      const RptMandateInfo *info,
                      const char *title)
{
  gboolean latest = FALSE;

  g_autoptr (GPtrArray) found = NULL;
  g_autofree char *why = NULL;

  if (info != NULL)
    found = rpt_reference_find_resolutions_at (b->reference, info->key, b->date, &why);
  if (found == NULL || found->len == 0)
    {
      xmlSetProp (x, BAD_CAST "missing-resolution", BAD_CAST "yes");
      add_note (b, "resolutions-missing", RPT_PART_MANDATES, id, "resolutions",
                _ ("No Human Rights Council resolution in force on %s is known for the %s: the "
                   "opening sentence shows a gap. Give its resolution in Mandates & "
                   "Signatories, or correct the reference data. %s"),
                b->date, title != NULL ? title : "?",
                why != NULL ? why : _ ("The mandate is not in the reference data."));
      return FALSE;
    }
  for (guint i = 0; i < found->len; i++)
    {
      const RptResolutionInfo *r = found->pdata[i];

      add_x (b, x, "resolution", r->number);
      /* the latest renewal: said with the mandate's own trust (below) */
      if (g_strv_contains (info->resolutions, r->number))
        latest = TRUE;
      else if (!r->verified)
        add_note (b, "unverified-reference-data", RPT_PART_MANDATES, id, "resolutions",
                  _ ("Unverified reference data for the %s: resolution %s (%s)"),
                  rpt_mandate_info_get_ui_title (info), r->number,
                  r->verification != NULL ? r->verification : "");
    }
  return latest;
}

/* Whether data as of @as_of is probably out of date at the letter's date
 * (b->date: today's for a letter not dated yet). */
static gboolean
stale_for_letter (Build *b, const char *as_of)
{
  return rpt_reference_as_of_is_stale (as_of, b->date);
}

/* How far the mandate data the letter uses can be trusted. */
static void
note_mandate_data (Build *b,
                   const char *id,
                   const RptMandateInfo *info,
                   gboolean own_title,
                   gboolean own_resolutions,
                   gboolean latest)
{
  /* The mandate's trust is that of its title and latest resolution: said
   * when the letter names that resolution or uses the data's title (a
   * letter dated before the latest renewal names an earlier one, whose
   * trust add_data_resolutions() says). */
  if (!info->verified && (!own_title || latest))
    add_note (b, "unverified-reference-data", RPT_PART_MANDATES, id, "key",
              _ ("Unverified reference data for the %s (as of %s): %s"),
              rpt_mandate_info_get_ui_title (info), info->as_of != NULL ? info->as_of : "?",
              info->verification != NULL ? info->verification : "");
  if (!own_resolutions && stale_for_letter (b, info->as_of))
    add_note (b, "stale-reference-data", RPT_PART_MANDATES, id, "resolutions",
              _ ("The reference data on the %s is as of %s, more than three years before the "
                 "letter: the mandate has probably been renewed since, under a new resolution. "
                 "Check its resolution and title."),
              rpt_mandate_info_get_ui_title (info), info->as_of);
  if (is_corrected (b, info->source))
    add_note (b, "overridden-reference-data", RPT_PART_MANDATES, id, "key",
              _ ("The letter uses corrected reference data for the %s. %s"),
              rpt_mandate_info_get_ui_title (info),
              info->verification != NULL ? info->verification : "");
}

static void
add_mandates (Build *b)
{
  xmlNode *mandates = letter_child (b->letter, "mandates");
  xmlNode *meta = b->meta;
  guint n = 0;

  for (xmlNode *c = mandates != NULL ? mandates->children : NULL; c != NULL; c = c->next)
    {
      g_autofree char *id = NULL;
      g_autofree char *key = NULL;
      g_autofree char *own_title = NULL;
      g_autofree char *title = NULL;
      const RptMandateInfo *info;
      const char *form = NULL;
      gboolean own_resolutions = FALSE;
      gboolean latest = FALSE;
      xmlNode *x;

      if (!is_element (c, NS_LETTER, "mandate"))
        continue;
      n++;
      id = prop (c, "id");
      key = prop (c, "key");
      own_title = text_of (letter_child (c, "title"));
      info = rpt_reference_lookup_mandate (b->reference, key);

      x = add_x (b, b->input, "mandate", NULL);
      xmlSetProp (x, BAD_CAST "id", BAD_CAST id);
      mandate_title (b, x, c, info);
      title = prop (x, "title");
      if (info != NULL)
        form = info->form;
      else if (is_working_group_title (own_title))
        form = "WG";
      xmlSetProp (x, BAD_CAST "form", BAD_CAST (form != NULL ? form : "SR"));
      if (title != NULL && meta != NULL)
        add_x (b, meta, "keyword", title);

      for (xmlNode *r = c->children; r != NULL; r = r->next)
        if (is_element (r, NS_LETTER, "resolution"))
          {
            g_autofree char *res = text_of (r);
            add_x (b, x, "resolution", res);
            own_resolutions = TRUE;
          }
      if (!own_resolutions)
        latest = add_data_resolutions (b, x, id, info,
                                       info != NULL    ? rpt_mandate_info_get_ui_title (info)
                                       : title != NULL ? title
                                                       : key);
      if (info != NULL && (own_title == NULL || !own_resolutions))
        note_mandate_data (b, id, info, own_title != NULL, own_resolutions, latest);
    }
  if (n == 0)
    add_note (b, "mandates-missing", RPT_PART_MANDATES, NULL, NULL,
              _ ("The letter has no mandate yet."));
}

/* The grammatical gender of an instrument's name in French and Spanish,
 * for "ratifié"/"ratifiée", "ratificado"/"ratificada": a Covenant (Pacte,
 * Pacto) and a Protocol (Protocole, Protocolo) are masculine, a
 * Convention (Convention, Convención) feminine in both. Read from the
 * UN Treaty Collection title the data has. */
static const char *
instrument_gender (Build *b, const char *code)
{
  const RptInstrumentInfo *info = rpt_reference_lookup_instrument (b->reference, code);

  if (info != NULL && info->title != NULL &&
      (g_str_has_prefix (info->title, "Convention") ||
       g_str_has_prefix (info->title, "International Convention")))
    return "f";
  return "m";
}

/* The paragraph a treaty-status field stands in: an item of a part, or
 * the summary or the words on previous communications. */
static void
locate_text (xmlNode *node, RptPart *part, char **item_id, const char **field)
{
  *part = RPT_N_PARTS;
  *item_id = NULL;
  *field = NULL;
  for (xmlNode *n = node; n != NULL && n->type != XML_DOCUMENT_NODE; n = n->parent)
    {
      if (n->type != XML_ELEMENT_NODE || n->parent == NULL || n->parent->type != XML_ELEMENT_NODE)
        continue;
      if (is_element (n, NS_LETTER, "summary"))
        {
          *field = "summary";
          return;
        }
      if (is_element (n, NS_LETTER, "about"))
        {
          *field = "communications-about";
          return;
        }
      if (rpt_part_from_string ((const char *) n->parent->name, part) &&
          xmlHasProp (n, BAD_CAST "id"))
        {
          *item_id = prop (n, "id");
          *field = "text";
          return;
        }
    }
  *part = RPT_N_PARTS;
}

/* How far the treaty data the letter uses can be trusted. */
static void
note_treaty_data (Build *b,
                  RptPart part,
                  const char *item_id,
                  const char *field,
                  const RptTreatyStatus *status)
{
  if (!status->verified)
    add_note (b, "unverified-reference-data", part, item_id, field,
              _ ("Unverified reference data for %s and %s (%s, as of %s): %s"), status->country,
              status->instrument, rpt_treaty_action_get_label (status->action),
              status->as_of != NULL ? status->as_of : "?",
              status->verification != NULL ? status->verification : "");
  else if (stale_for_letter (b, status->as_of))
    /* (unverified data says how old it is already) */
    add_note (b, "stale-reference-data", part, item_id, field,
              _ ("The treaty data on %s and %s is as of %s, more than three years before the "
                 "letter: check that it still holds."),
              status->country, status->instrument, status->as_of);
  if (is_corrected (b, status->source))
    add_note (b, "overridden-reference-data", part, item_id, field,
              _ ("The letter uses corrected treaty data for %s and %s. %s"), status->country,
              status->instrument, status->verification != NULL ? status->verification : "");
}

static void
add_treaties (Build *b)
{
  xmlNode *addressee = letter_child (b->letter, "addressee");
  g_autofree char *country = prop (addressee, "country");
  g_autoptr (GHashTable) seen = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  xmlXPathContext *xpath = xmlXPathNewContext (b->doc);
  xmlXPathObject *result;

  xmlXPathRegisterNs (xpath, BAD_CAST "l", BAD_CAST NS_LETTER);
  result = xmlXPathNodeEval (b->letter, BAD_CAST ".//l:treaty-status/@instrument", xpath);
  for (int i = 0; result != NULL && result->nodesetval != NULL && i < result->nodesetval->nodeNr;
       i++)
    {
      g_autofree char *instrument = text_of (result->nodesetval->nodeTab[i]);
      g_autofree char *item_id = NULL;
      const RptTreatyStatus *status;
      const char *kind = "unknown";
      const char *field = NULL;
      RptPart part;
      xmlNode *x;

      if (g_hash_table_contains (seen, instrument))
        continue;
      g_hash_table_add (seen, g_strdup (instrument));
      locate_text (result->nodesetval->nodeTab[i], &part, &item_id, &field);
      x = add_x (b, b->input, "treaty", NULL);
      xmlSetProp (x, BAD_CAST "instrument", BAD_CAST instrument);
      xmlSetProp (x, BAD_CAST "gender", BAD_CAST instrument_gender (b, instrument));

      if (country == NULL || g_str_equal (country, "OTH"))
        {
          add_note (b, "treaty-addressee-not-state", part, item_id, field,
                    _ ("The letter cites the participation of its addressee in %s, but is not "
                       "addressed to a State: the text shows a gap."),
                    instrument);
          xmlSetProp (x, BAD_CAST "status", BAD_CAST kind);
          continue;
        }
      status = rpt_reference_lookup_treaty_status (b->reference, instrument, country);
      if (status == NULL)
        add_note (b, "treaty-status-unknown", part, item_id, field,
                  _ ("The treaty data says nothing of %s and %s: the text shows a gap to fill."),
                  country, instrument);
      else if (status->consent_date != NULL)
        {
          g_autofree char *action =
            g_strdelimit (g_strdup (rpt_treaty_action_to_string (status->action)), " ", '-');
          kind = "party";
          xmlSetProp (x, BAD_CAST "action", BAD_CAST action);
          xmlSetProp (x, BAD_CAST "date", BAD_CAST status->consent_date);
        }
      else
        {
          kind = "signatory";
          xmlSetProp (x, BAD_CAST "date", BAD_CAST status->signature_date);
        }
      xmlSetProp (x, BAD_CAST "status", BAD_CAST kind);
      if (status != NULL)
        note_treaty_data (b, part, item_id, field, status);
    }
  if (result != NULL)
    xmlXPathFreeObject (result);
  xmlXPathFreeContext (xpath);
}

/* --- white space ---------------------------------------------------- */

/* Earlier communications: the paragraph shows a gap where a date or the
 * drafter's words it needs are missing (letter.xsl, template
 * "previous-communications"), so each gap is a check at the field that
 * fills it. A communication with a sentence of the drafter's own is said
 * only in that sentence, and cited by its date only if these mandates
 * sent it. */
static void
note_communications (Build *b)
{
  xmlNode *comms = letter_child (b->letter, "previous-communications");

  for (xmlNode *c = comms != NULL ? comms->children : NULL; c != NULL; c = c->next)
    {
      g_autofree char *id = NULL;
      g_autofree char *reference = NULL;
      g_autofree char *date = NULL;
      g_autofree char *reply_date = NULL;
      g_autofree char *sender = NULL;
      g_autofree char *reply = NULL;
      gboolean own_sentence;
      const char *name;

      if (!is_element (c, NS_LETTER, "communication"))
        continue;
      id = prop (c, "id");
      reference = text_of (letter_child (c, "reference"));
      date = prop (c, "date");
      reply_date = prop (c, "reply-date");
      sender = prop (c, "sender");
      reply = prop (c, "reply");
      own_sentence = letter_child (c, "sentence") != NULL;
      name = reference != NULL ? reference : _ ("without a reference");

      if (date == NULL && (g_strcmp0 (sender, "others") != 0 || !own_sentence))
        add_note (b, "communication-date-missing", RPT_PART_COMMUNICATIONS, id, "date",
                  _ ("Communication %s has no date: the paragraph on earlier communications "
                     "shows a gap. Give the date it was sent."),
                  name);
      if (own_sentence)
        continue;
      if (reply_date == NULL &&
          (g_strcmp0 (reply, "received") == 0 || g_strcmp0 (reply, "partial") == 0))
        add_note (b, "reply-date-missing", RPT_PART_COMMUNICATIONS, id, "reply-date",
                  _ ("The letter thanks for a reply to communication %s but has no date for "
                     "the reply: the paragraph shows a gap. Give the date of the reply."),
                  name);
      if (g_strcmp0 (reply, "partial") == 0 && letter_child (c, "reply-comment") == NULL)
        add_note (b, "reply-comment-missing", RPT_PART_COMMUNICATIONS, id, "reply-comment",
                  _ ("The reply to communication %s leaves concerns, but the letter does not "
                     "say which: the paragraph shows a gap. Write what still concerns you "
                     "after the reply."),
                  name);
    }
}

/* Elements whose text is shown as typed. */
static const char *const text_elements[] = {
  "summary",    "about",   "paragraph",     "fact",       "concern",   "question",
  "clause",     "name",    "title",         "salutation", "reference", "occupation",
  "co-senders", "senders", "reply-comment", "sentence",   NULL,
};

static gboolean
is_text_element (xmlNode *node)
{
  return node->ns != NULL && xmlStrEqual (node->ns->href, BAD_CAST NS_LETTER) &&
         g_strv_contains (text_elements, (const char *) node->name);
}

/* A paragraph's text in reading order: text nodes, and the elements that
 * stand between them (a treaty status reads as words, a footnote as a
 * break). Footnotes are paragraphs of their own. */
static void
collect_atoms (xmlNode *parent, GPtrArray *atoms, GPtrArray *notes)
{
  for (xmlNode *c = parent->children; c != NULL; c = c->next)
    {
      if (c->type == XML_TEXT_NODE)
        g_ptr_array_add (atoms, c);
      else if (c->type != XML_ELEMENT_NODE)
        continue;
      else if (is_element (c, NS_LETTER, "note"))
        {
          g_ptr_array_add (atoms, c);
          g_ptr_array_add (notes, c);
        }
      else if (is_element (c, NS_LETTER, "treaty-status"))
        g_ptr_array_add (atoms, c);
      else
        collect_atoms (c, atoms, notes);
    }
}

/* ' ' for a space, '\n' for a break or an edge, 'x' for anything else */
static char
atom_edge (xmlNode *atom, gboolean last)
{
  const char *text;
  gsize len;
  char ch;

  if (atom == NULL || atom->type != XML_TEXT_NODE)
    return atom != NULL && is_element (atom, NS_LETTER, "treaty-status") ? 'x' : '\n';
  text = (const char *) atom->content;
  len = strlen (text);
  if (len == 0)
    return '\n';
  ch = last ? text[len - 1] : text[0];
  return ch == ' ' ? ' ' : (ch == '\t' || ch == '\n') ? '\n' : 'x';
}

static void
flush_text (Build *b, GPtrArray *out, GString *text)
{
  if (text->len == 0)
    return;
  g_ptr_array_add (out, xmlNewDocTextLen (b->doc, BAD_CAST text->str, (int) text->len));
  g_string_truncate (text, 0);
}

static void
add_token (Build *b, GPtrArray *out, GString *text, const char *name, gsize count)
{
  xmlNode *token;

  flush_text (b, out, text);
  token = xmlNewDocNode (b->doc, b->x, BAD_CAST name, NULL);
  if (count > 0)
    {
      g_autofree char *c = g_strdup_printf ("%" G_GSIZE_FORMAT, count);
      xmlSetProp (token, BAD_CAST "c", BAD_CAST c);
    }
  g_ptr_array_add (out, token);
}

/* ODF collapses runs of white space: spaces the reader must see become
 * x:s (text:s), tabs x:tab and line feeds x:br. A space is left as it
 * is only between two other characters. */
static void
tokenize_text (Build *b, xmlNode *node, char before, char after)
{
  const char *text = (const char *) node->content;
  gsize len = strlen (text);
  g_autoptr (GString) pending = g_string_sized_new (len);
  g_autoptr (GPtrArray) out = g_ptr_array_new ();
  gboolean changed = FALSE;
  xmlNode *marker;
  gsize i = 0;

  while (i < len)
    {
      char c = text[i];

      if (c == ' ')
        {
          gsize start = i;
          char prev = start == 0 ? before : text[start - 1];
          char next;

          while (i < len && text[i] == ' ')
            i++;
          next = i == len ? after : text[i];
          if (i - start == 1 && prev != ' ' && prev != '\n' && prev != '\t' && next != ' ' &&
              next != '\n' && next != '\t')
            g_string_append_c (pending, ' ');
          else
            {
              add_token (b, out, pending, "s", i - start);
              changed = TRUE;
            }
          continue;
        }
      if (c == '\t' || c == '\n')
        {
          add_token (b, out, pending, c == '\t' ? "tab" : "br", 0);
          changed = TRUE;
        }
      else if ((guchar) c < 0x20)
        {
          /* Cannot come through an XML parser; dropped if it ever does. */
          b->n_removed++;
          changed = TRUE;
        }
      else
        g_string_append_c (pending, c);
      i++;
    }
  if (!changed)
    return;
  flush_text (b, out, pending);

  /* In place of the text node, through an element: libxml2 merges a text
   * node added next to another text node into it. */
  marker = xmlNewDocNode (b->doc, NULL, BAD_CAST "marker", NULL);
  xmlReplaceNode (node, marker);
  xmlFreeNode (node);
  for (guint k = 0; k < out->len; k++)
    xmlAddPrevSibling (marker, out->pdata[k]);
  xmlUnlinkNode (marker);
  xmlFreeNode (marker);
}

static void
tokenize_paragraph (Build *b, xmlNode *paragraph)
{
  g_autoptr (GPtrArray) atoms = g_ptr_array_new ();
  g_autoptr (GPtrArray) notes = g_ptr_array_new ();
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;

  collect_atoms (paragraph, atoms, notes);
  /* Edges first: tokenizing replaces the text nodes. */
  before = g_new (char, atoms->len + 1);
  after = g_new (char, atoms->len + 1);
  for (guint i = 0; i < atoms->len; i++)
    {
      before[i] = atom_edge (i > 0 ? atoms->pdata[i - 1] : NULL, TRUE);
      after[i] = atom_edge (i + 1 < atoms->len ? atoms->pdata[i + 1] : NULL, FALSE);
    }
  for (guint i = 0; i < atoms->len; i++)
    {
      xmlNode *atom = atoms->pdata[i];
      if (atom->type == XML_TEXT_NODE)
        tokenize_text (b, atom, before[i], after[i]);
    }
  for (guint i = 0; i < notes->len; i++)
    tokenize_paragraph (b, notes->pdata[i]);
}

static void
tokenize_letter (Build *b, xmlNode *node)
{
  for (xmlNode *c = node->children; c != NULL; c = c->next)
    {
      if (c->type != XML_ELEMENT_NODE)
        continue;
      if (is_text_element (c))
        tokenize_paragraph (b, c);
      else
        tokenize_letter (b, c);
    }
}

/* ------------------------------------------------------------------ */
/* House style editions                                                */

static xmlNode *
find_string (xmlNode *strings, const char *id)
{
  for (xmlNode *c = strings->children; c != NULL; c = c->next)
    if (is_element (c, NS_BOILERPLATE, "s"))
      {
        g_autofree char *cid = (char *) xmlGetProp (c, BAD_CAST "id");
        if (g_strcmp0 (cid, id) == 0)
          return c;
      }
  return NULL;
}

/* The edition of the house style the letter follows (the newest when it
 * names none, or one this Rapporteur does not know), made into the
 * sentences: each sentence it changes says the other one's words, in the
 * letter's language; a sentence it leaves out is marked, and the template
 * leaves its paragraph out. An edition that names a sentence the
 * catalogue lacks, or one that would lose a placeholder, is an error, not
 * a silently different letter. */
static gboolean
apply_edition (Build *b, xmlNode *strings, GError **error)
{
  RptHouseStyle *style = b->house_style;
  g_autofree char *id = text_of (letter_child (b->letter, "house-style"));
  const RptHouseStyleEdition *edition = NULL;
  g_autoptr (GHashTable) changes = NULL;
  GHashTableIter iter;
  gpointer key, value;

  if (id != NULL)
    {
      edition = rpt_house_style_lookup_edition (style, id);
      if (edition == NULL)
        add_note (b, "house-style-unknown", LETTER, "house-style",
                  _ ("The letter follows the house style edition “%s”, which this Rapporteur "
                     "does not know: it is written in the newest edition (%s)."),
                  id, rpt_house_style_get_newest (style)->name);
    }
  if (edition == NULL)
    {
      const RptHouseStyleEdition *dated = rpt_house_style_suggest_edition (style, b->date);

      edition = rpt_house_style_get_newest (style);
      if (id == NULL && dated != NULL && dated != edition)
        {
          RptCheck *check = add_note (
            b, "house-style-of-date", LETTER, "house-style",
            _ ("The letter is dated %s and follows the newest house style (%s); letters of "
               "that time followed the edition “%s” (%s). Choose it to reproduce one."),
            b->date, edition->name, dated->id, dated->name);
          if (check != NULL)
            {
              g_autofree char *label = g_strdup_printf (_ ("Follow the edition %s"), dated->name);
              _rpt_check_set_fix_text (check, label, NULL, dated->id);
            }
        }
    }
  xmlSetProp (b->input, BAD_CAST "edition", BAD_CAST edition->id);
  /* the checks need the notes only */
  if (strings == NULL)
    return TRUE;

  changes = rpt_house_style_dup_substitutions (style, edition->id);
  g_hash_table_iter_init (&iter, changes);
  while (g_hash_table_iter_next (&iter, &key, &value))
    {
      xmlNode *from = find_string (strings, key);
      xmlNode *to = ((const char *) value)[0] != '\0' ? find_string (strings, value) : NULL;

      if (from == NULL || (((const char *) value)[0] != '\0' && to == NULL))
        {
          g_set_error (error, RPT_ERROR, RPT_ERROR_PARSE,
                       _ ("The house style edition “%s” changes the sentence “%s” into “%s”, "
                          "which the catalogue of standard sentences lacks"),
                       edition->id, (const char *) key, (const char *) value);
          return FALSE;
        }
      if (to == NULL)
        {
          xmlSetProp (from, BAD_CAST "omit", BAD_CAST "yes");
          continue;
        }
      if (!translation_is_usable (from, to))
        {
          g_set_error (error, RPT_ERROR, RPT_ERROR_PARSE,
                       _ ("The house style edition “%s” says “%s” instead of “%s”, whose "
                          "placeholders differ"),
                       edition->id, (const char *) value, (const char *) key);
          return FALSE;
        }
      while (from->children != NULL)
        {
          xmlNode *child = from->children;
          xmlUnlinkNode (child);
          xmlFreeNode (child);
        }
      for (xmlNode *k = to->children; k != NULL; k = k->next)
        xmlAddChild (from, xmlDocCopyNode (k, from->doc, 1));
    }
  return TRUE;
}

/* ------------------------------------------------------------------ */
/* Rendering                                                           */

static xmlDoc *
build_input (RptTemplate *self,
             Build *b,
             const char *letter_xml,
             gsize length,
             gboolean for_checks,
             GError **error)
{
  g_autofree char *language = NULL;
  Strings *strings;
  xmlNode *strings_copy;

  b->doc = _rpt_xml_read (letter_xml, length, "letter", error);
  if (b->doc == NULL)
    return NULL;
  b->letter = xmlDocGetRootElement (b->doc);
  if (!is_element (b->letter, NS_LETTER, "letter"))
    {
      g_set_error (error, RPT_ERROR, RPT_ERROR_PARSE, _ ("This is not a Rapporteur letter"));
      g_clear_pointer (&b->doc, xmlFreeDoc);
      return NULL;
    }

  /* <x:input> around the letter */
  xmlUnlinkNode (b->letter);
  b->input = xmlNewDocNode (b->doc, NULL, BAD_CAST "input", NULL);
  b->x = xmlNewNs (b->input, BAD_CAST NS_EXPORT, BAD_CAST "x");
  xmlSetNs (b->input, b->x);
  xmlDocSetRootElement (b->doc, b->input);

  b->date = text_of (letter_child (b->letter, "date"));
  if (b->date == NULL || !rpt_date_is_valid (b->date))
    {
      g_free (b->date);
      b->date = b->today != NULL && rpt_date_is_valid (b->today) ? g_strdup (b->today)
                                                                 : rpt_date_dup_today ();
    }
  language = text_of (letter_child (b->letter, "language"));
  b->language = language != NULL ? g_intern_string (language) : "en";
  xmlSetProp (b->input, BAD_CAST "language", BAD_CAST b->language);

  g_mutex_lock (&self->lock);
  strings = get_strings (self, b->language);
  if (!g_str_equal (b->language, "en") && strings->n_translated == 0)
    {
      /* No translation at all: one language throughout, not a mixture. */
      add_note (b, "sentences-untranslated", LETTER, "language",
                _ ("The standard sentences are not translated into %s yet: they are in "
                   "English."),
                language_name (b->language));
      b->strings_language = "en";
      strings = get_strings (self, "en");
    }
  else
    {
      b->strings_language = b->language;
      if (strings->n_untranslated > 0)
        add_note (b, "sentences-untranslated", LETTER, "language",
                  g_dngettext (GETTEXT_PACKAGE,
                               "%u standard sentence is not translated into %s yet: the letter "
                               "shows it as a gap, in English, in brackets.",
                               "%u standard sentences are not translated into %s yet: the "
                               "letter shows them as gaps, in English, in brackets.",
                               strings->n_untranslated),
                  strings->n_untranslated, language_name (b->language));
    }
  strings_copy =
    for_checks ? NULL : xmlDocCopyNode (xmlDocGetRootElement (strings->doc), b->doc, 1);
  g_mutex_unlock (&self->lock);
  xmlSetProp (b->input, BAD_CAST "strings-language", BAD_CAST b->strings_language);

  add_meta (b);
  add_country (b);
  add_mandates (b);
  add_treaties (b);
  note_communications (b);
  if (!apply_edition (b, strings_copy, error))
    {
      g_clear_pointer (&strings_copy, xmlFreeNode);
      xmlFreeNode (b->letter);
      g_clear_pointer (&b->doc, xmlFreeDoc);
      return NULL;
    }
  if (for_checks)
    {
      /* Only what the checks need: no sentences, no white space to keep. */
      xmlAddChild (b->input, b->letter);
      return b->doc;
    }
  xmlAddChild (b->input, strings_copy);
  tokenize_letter (b, b->letter);
  xmlAddChild (b->input, b->letter);
  xmlReconciliateNs (b->doc, b->input);

  if (b->n_removed > 0)
    add_note (b, "characters-removed", LETTER, NULL,
              g_dngettext (GETTEXT_PACKAGE, "%u character XML cannot hold was removed.",
                           "%u characters XML cannot hold were removed.", b->n_removed),
              b->n_removed);
  return b->doc;
}

#define NS_ODF_TEXT "urn:oasis:names:tc:opendocument:xmlns:text:1.0"

/* The text nodes of a paragraph in reading order, leaving out its
 * footnotes (paragraphs of their own). */
static void
collect_text_nodes (xmlNode *parent, GPtrArray *nodes)
{
  for (xmlNode *c = parent->children; c != NULL; c = c->next)
    {
      if (c->type == XML_TEXT_NODE)
        g_ptr_array_add (nodes, c);
      else if (c->type == XML_ELEMENT_NODE && !is_element (c, NS_ODF_TEXT, "note"))
        collect_text_nodes (c, nodes);
    }
}

static void
typography_walk (xmlNode *node, const char *language)
{
  for (xmlNode *c = node->children; c != NULL; c = c->next)
    {
      if (c->type != XML_ELEMENT_NODE)
        continue;
      if (is_element (c, NS_ODF_TEXT, "p") || is_element (c, NS_ODF_TEXT, "h"))
        {
          g_autoptr (GPtrArray) nodes = g_ptr_array_new ();
          g_autoptr (GPtrArray) runs = g_ptr_array_new_with_free_func (g_free);

          collect_text_nodes (c, nodes);
          for (guint i = 0; i < nodes->len; i++)
            g_ptr_array_add (runs,
                             g_strdup ((const char *) ((xmlNode *) nodes->pdata[i])->content));
          rpt_grammar_apply_typography (language, runs);
          for (guint i = 0; i < nodes->len; i++)
            if (g_strcmp0 (runs->pdata[i], (const char *) ((xmlNode *) nodes->pdata[i])->content) !=
                0)
              xmlNodeSetContent (nodes->pdata[i], BAD_CAST runs->pdata[i]);
        }
      typography_walk (c, language);
    }
}

/* The language's typography over the whole letter, the drafter's words
 * and the standard sentences alike (rpt_grammar_apply_typography()). */
static void
apply_typography (xmlDoc *doc, const char *language)
{
  if (g_strcmp0 (language, "fr") == 0)
    typography_walk (xmlDocGetRootElement (doc), language);
}

/**
 * rpt_template_render:
 * @letter_xml: a letter in letter XML, as rpt_letter_to_xml() writes it
 * @length: its length, or -1 if nul-terminated
 * @reference: the reference data to resolve mandates, countries and treaties
 * @notes: (nullable) (element-type utf8): where to add what the drafter
 *   should know about the result: unverified reference data, gaps in a
 *   draft, sentences not yet translated
 * @out_length: (out) (optional): the length of the result
 *
 * Renders a letter as document XML: a flat ODF text document in the subset
 * docs/pipeline.md describes.
 *
 * Returns: (transfer full): the document XML (UTF-8), or %NULL with @error
 *   set; template errors name the template file and line
 */
char *
rpt_template_render (RptTemplate *self,
                     const char *letter_xml,
                     gssize length,
                     RptReference *reference,
                     GPtrArray *notes,
                     gsize *out_length,
                     GError **error)
{
  Build b = { 0 };
  xsltTransformContext *ctxt;
  xmlDoc *result;
  Collector collector;
  g_autoptr (GString) runtime = g_string_new (NULL);
  g_autofree char *message = NULL;
  xmlChar *out = NULL;
  int out_len = 0;
  const char *b_language;
  char *document;

  g_return_val_if_fail (RPT_IS_TEMPLATE (self), NULL);
  g_return_val_if_fail (letter_xml != NULL, NULL);
  g_return_val_if_fail (RPT_IS_REFERENCE (reference), NULL);

  if (length < 0)
    length = strlen (letter_xml);
  b.reference = reference;
  b.checks = g_ptr_array_new_with_free_func (g_object_unref);
  b.house_style = self->house_style != NULL ? self->house_style : rpt_house_style_get_default ();
  if (build_input (self, &b, letter_xml, length, FALSE, error) == NULL)
    {
      g_ptr_array_unref (b.checks);
      g_free (b.date);
      return NULL;
    }
  b_language = b.language;
  for (guint i = 0; notes != NULL && i < b.checks->len; i++)
    g_ptr_array_add (notes, g_strdup (rpt_check_get_message (b.checks->pdata[i])));
  g_ptr_array_unref (b.checks);

  collector_begin (&collector);
  ctxt = xsltNewTransformContext (self->stylesheet, b.doc);
  xsltSetCtxtSecurityPrefs (get_security_prefs (), ctxt);
  xsltSetCtxtParseOptions (ctxt, RPT_XML_PARSE_OPTIONS);
  xsltSetTransformErrorFunc (ctxt, runtime, collect_error_cb);
  result = xsltApplyStylesheetUser (self->stylesheet, b.doc, NULL, NULL, NULL, ctxt);
  if (result != NULL && ctxt->state != XSLT_STATE_OK)
    g_clear_pointer (&result, xmlFreeDoc);
  xsltFreeTransformContext (ctxt);
  g_string_prepend (collector.buffer, runtime->str);
  message = collector_end (&collector);
  xmlFreeDoc (b.doc);
  g_free (b.date);

  if (result == NULL)
    {
      g_set_error (error, RPT_ERROR, RPT_ERROR_PARSE, _ ("The letter template failed: %s"),
                   message != NULL ? message : _ ("unknown error"));
      return NULL;
    }

  apply_typography (result, b_language);
  xsltSaveResultToString (&out, &out_len, result, self->stylesheet);
  xmlFreeDoc (result);
  if (out == NULL)
    {
      g_set_error (error, RPT_ERROR, RPT_ERROR_PARSE, _ ("The letter template produced nothing"));
      return NULL;
    }
  document = g_strndup ((const char *) out, out_len);
  xmlFree (out);
  if (out_length != NULL)
    *out_length = out_len;
  return document;
}

/**
 * _rpt_template_collect_checks:
 * @letter_xml: a letter in letter XML
 * @today: (nullable): the date to take for an undated letter, or %NULL
 *   for the real one
 * @checks: (element-type RptCheck): where to add what the template finds
 *
 * What rpt_template_render() would say of the letter, as checks (the
 * same function finds both), without rendering it: only the letter's
 * head, its mandates and its treaty references are looked at.
 *
 * Returns: whether the letter could be read, else @error is set
 */
gboolean
_rpt_template_collect_checks (RptTemplate *self,
                              const char *letter_xml,
                              gsize length,
                              RptReference *reference,
                              const char *today,
                              GPtrArray *checks,
                              GError **error)
{
  Build b = { 0 };

  g_return_val_if_fail (RPT_IS_TEMPLATE (self), FALSE);
  g_return_val_if_fail (RPT_IS_REFERENCE (reference), FALSE);

  b.reference = reference;
  b.today = today;
  b.checks = checks;
  b.house_style = self->house_style != NULL ? self->house_style : rpt_house_style_get_default ();
  if (build_input (self, &b, letter_xml, length, TRUE, error) == NULL)
    {
      g_free (b.date);
      return FALSE;
    }
  xmlFreeDoc (b.doc);
  g_free (b.date);
  return TRUE;
}
