/* rpt-odt.c
 *
 * Copyright 2026 The Rapporteur authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "rpt-odt"

#include <glib/gi18n-lib.h>
#include <libxml/xmlsave.h>
#include <string.h>

#include "rpt-data-private.h"
#include "rpt-document-xml.h"
#include "rpt-error.h"
#include "rpt-markup.h"
#include "rpt-odt.h"
#include "rpt-zip-private.h"

#define NS_MANIFEST "urn:oasis:names:tc:opendocument:xmlns:manifest:1.0"

/* ------------------------------------------------------------------ */
/* The parts                                                           */

static GBytes *
serialize (xmlDoc *doc)
{
  xmlBuffer *buffer = xmlBufferCreate ();
  xmlSaveCtxt *save = xmlSaveToBuffer (buffer, "UTF-8", XML_SAVE_AS_XML);
  GBytes *bytes;

  xmlSaveDoc (save, doc);
  xmlSaveClose (save);
  bytes = g_bytes_new (xmlBufferContent (buffer), xmlBufferLength (buffer));
  xmlBufferFree (buffer);
  return bytes;
}

static GBytes *
build_content (xmlDoc *document)
{
  xmlDoc *doc = xmlNewDoc (BAD_CAST "1.0");
  xmlNode *root = xmlNewDocNode (doc, NULL, BAD_CAST "document-content", NULL);
  xmlNs *office = xmlNewNs (root, BAD_CAST RPT_NS_OFFICE, BAD_CAST "office");
  xmlNode *body, *text;
  GBytes *bytes;

  /* Declared once on the root, where LibreOffice and people expect them. */
  xmlNewNs (root, BAD_CAST RPT_NS_TEXT, BAD_CAST "text");
  xmlNewNs (root, BAD_CAST RPT_NS_XLINK, BAD_CAST "xlink");
  xmlSetNs (root, office);
  xmlNewNsProp (root, office, BAD_CAST "version", BAD_CAST "1.3");
  xmlDocSetRootElement (doc, root);
  body = xmlNewChild (root, office, BAD_CAST "body", NULL);
  text = xmlDocCopyNode (rpt_document_xml_get_text (document), doc, 1);
  xmlAddChild (body, text);
  xmlReconciliateNs (doc, root);

  bytes = serialize (doc);
  xmlFreeDoc (doc);
  return bytes;
}

static void
append_element (GString *out, const char *name, const char *value)
{
  if (value == NULL || value[0] == '\0')
    return;
  g_string_append_printf (out, "<%s>", name);
  rpt_markup_append_escaped (out, value, -1, FALSE);
  g_string_append_printf (out, "</%s>", name);
}

static GBytes *
build_meta (xmlDoc *document, const char *creator, GDateTime *date)
{
  g_autoptr (GString) out = g_string_new (NULL);
  g_autoptr (GDateTime) utc = g_date_time_to_utc (date);
  g_autofree char *when = g_date_time_format (utc, "%Y-%m-%dT%H:%M:%SZ");
  g_autofree char *title = rpt_document_xml_dup_meta (document, RPT_NS_DC, "title");
  g_autofree char *subject = rpt_document_xml_dup_meta (document, RPT_NS_DC, "subject");
  g_autofree char *language = rpt_document_xml_dup_meta (document, RPT_NS_DC, "language");
  g_autofree char *reference = rpt_document_xml_dup_user_defined (document, "Reference");
  xmlNode *root = xmlDocGetRootElement (document);

  g_string_append (out, "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
                        "<office:document-meta xmlns:office=\"" RPT_NS_OFFICE "\""
                        " xmlns:meta=\"" RPT_NS_META "\" xmlns:dc=\"" RPT_NS_DC "\""
                        " office:version=\"1.3\"><office:meta>");
  append_element (out, "meta:generator", RPT_GENERATOR);
  append_element (out, "dc:title", title);
  append_element (out, "dc:subject", subject);
  for (xmlNode *m = root->children; m != NULL; m = m->next)
    if (m->type == XML_ELEMENT_NODE && xmlStrEqual (m->name, BAD_CAST "meta"))
      for (xmlNode *k = m->children; k != NULL; k = k->next)
        if (k->type == XML_ELEMENT_NODE && xmlStrEqual (k->name, BAD_CAST "keyword"))
          {
            g_autofree char *keyword = (char *) xmlNodeGetContent (k);
            append_element (out, "meta:keyword", keyword);
          }
  append_element (out, "meta:initial-creator", creator);
  append_element (out, "dc:creator", creator);
  append_element (out, "meta:creation-date", when);
  append_element (out, "dc:date", when);
  append_element (out, "dc:language", language);
  if (reference != NULL)
    {
      g_string_append (out, "<meta:user-defined meta:name=\"Reference\" "
                            "meta:value-type=\"string\">");
      rpt_markup_append_escaped (out, reference, -1, FALSE);
      g_string_append (out, "</meta:user-defined>");
    }
  /* The others, as they are: a copy for review says there which version it
   * was made from (rpt-review.c). */
  for (xmlNode *m = root->children; m != NULL; m = m->next)
    if (m->type == XML_ELEMENT_NODE && xmlStrEqual (m->name, BAD_CAST "meta"))
      for (xmlNode *k = m->children; k != NULL; k = k->next)
        if (k->type == XML_ELEMENT_NODE && xmlStrEqual (k->name, BAD_CAST "user-defined"))
          {
            g_autofree char *name =
              (char *) xmlGetNsProp (k, BAD_CAST "name", BAD_CAST RPT_NS_META);
            g_autofree char *value = (char *) xmlNodeGetContent (k);
            if (name == NULL || g_str_equal (name, "Reference"))
              continue;
            g_string_append (out, "<meta:user-defined meta:name=\"");
            rpt_markup_append_escaped (out, name, -1, TRUE);
            g_string_append (out, "\" meta:value-type=\"string\">");
            rpt_markup_append_escaped (out, value != NULL ? value : "", -1, FALSE);
            g_string_append (out, "</meta:user-defined>");
          }
  g_string_append (out, "</office:meta></office:document-meta>\n");
  return g_string_free_to_bytes (g_steal_pointer (&out));
}

static xmlNode *
find_element (xmlNode *node, const char *ns, const char *name, const char *attr, const char *value)
{
  for (xmlNode *c = node; c != NULL; c = c->next)
    {
      xmlNode *found;

      if (c->type != XML_ELEMENT_NODE)
        continue;
      if (c->ns != NULL && xmlStrEqual (c->ns->href, BAD_CAST ns) &&
          xmlStrEqual (c->name, BAD_CAST name))
        {
          g_autofree char *v = attr != NULL ? (char *) xmlGetProp (c, BAD_CAST attr) : NULL;
          if (attr == NULL || g_strcmp0 (v, value) == 0)
            return c;
        }
      found = find_element (c->children, ns, name, attr, value);
      if (found != NULL)
        return found;
    }
  return NULL;
}

/* The user-defined fields of the headers show the document's values (a
 * word processor shows what the field holds until it updates its fields):
 * the reference, the letterhead in the letter's language. A field the
 * document has no value for keeps what the house style holds. */
static void
fill_fields (xmlDoc *doc, xmlNode *node, xmlDoc *document)
{
  for (xmlNode *c = node->children; c != NULL; c = c->next)
    {
      if (c->type != XML_ELEMENT_NODE)
        continue;
      if (c->ns != NULL && xmlStrEqual (c->ns->href, BAD_CAST RPT_NS_TEXT) &&
          xmlStrEqual (c->name, BAD_CAST "user-defined"))
        {
          g_autofree char *name = (char *) xmlGetNsProp (c, BAD_CAST "name", BAD_CAST RPT_NS_TEXT);
          g_autofree char *value =
            name != NULL ? rpt_document_xml_dup_user_defined (document, name) : NULL;

          if (value != NULL)
            {
              xmlNodeSetContent (c, NULL);
              xmlAddChild (c, xmlNewDocText (doc, BAD_CAST value));
            }
          continue;
        }
      fill_fields (doc, c, document);
    }
}

/* The house style, with what depends on the letter filled in: the
 * reference shown in the header of later pages, and the default language
 * (hyphenation and spelling in the word processor). */
static GBytes *
build_styles (xmlDoc *document, GError **error)
{
  g_autoptr (GBytes) house = _rpt_data_load_resource ("styles/house-style.xml");
  g_autofree char *language = rpt_document_xml_dup_meta (document, RPT_NS_DC, "language");
  xmlDoc *doc = _rpt_xml_read (g_bytes_get_data (house, NULL), g_bytes_get_size (house),
                               "house-style.xml", error);
  xmlNode *defaults;
  GBytes *bytes;

  if (doc == NULL)
    return NULL;
  fill_fields (doc, xmlDocGetRootElement (doc), document);

  defaults =
    find_element (xmlDocGetRootElement (doc), RPT_NS_STYLE, "default-style", "family", "paragraph");
  if (defaults != NULL && language != NULL)
    {
      xmlNode *props =
        find_element (defaults->children, RPT_NS_STYLE, "text-properties", NULL, NULL);
      static const char *const countries[][2] = { { "en", "GB" }, { "fr", "FR" }, { "es", "ES" } };
      xmlNs *fo = props != NULL ? xmlSearchNsByHref (doc, props, BAD_CAST RPT_NS_FO) : NULL;

      for (guint i = 0; fo != NULL && i < G_N_ELEMENTS (countries); i++)
        if (g_str_equal (language, countries[i][0]))
          {
            xmlSetNsProp (props, fo, BAD_CAST "language", BAD_CAST countries[i][0]);
            xmlSetNsProp (props, fo, BAD_CAST "country", BAD_CAST countries[i][1]);
          }
    }

  bytes = serialize (doc);
  xmlFreeDoc (doc);
  return bytes;
}

static GBytes *
build_manifest (const char *const *parts)
{
  g_autoptr (GString) out = g_string_new (NULL);

  g_string_append (out, "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
                        "<manifest:manifest xmlns:manifest=\"" NS_MANIFEST "\""
                        " manifest:version=\"1.3\">\n"
                        " <manifest:file-entry manifest:full-path=\"/\" manifest:version=\"1.3\""
                        " manifest:media-type=\"" RPT_ODT_MIMETYPE "\"/>\n");
  for (guint i = 0; parts[i] != NULL; i++)
    g_string_append_printf (out,
                            " <manifest:file-entry manifest:full-path=\"%s\""
                            " manifest:media-type=\"text/xml\"/>\n",
                            parts[i]);
  g_string_append (out, "</manifest:manifest>\n");
  return g_string_free_to_bytes (g_steal_pointer (&out));
}

/* ------------------------------------------------------------------ */
/* The package                                                         */

/**
 * rpt_odt_build:
 * @document: document XML, checked by rpt_document_xml_read()
 * @creator: (nullable): the name recorded as the document's author
 * @date: the creation date to record
 *
 * Makes an ODT package of @document in memory.
 *
 * Returns: (transfer full): the package, or %NULL with @error set
 */
GBytes *
rpt_odt_build (xmlDoc *document, const char *creator, GDateTime *date, GError **error)
{
  static const char *const parts[] = { "content.xml", "styles.xml", "meta.xml", NULL };
  g_autoptr (GBytes) mimetype = g_bytes_new_static (RPT_ODT_MIMETYPE, strlen (RPT_ODT_MIMETYPE));
  g_autoptr (GBytes) content = NULL;
  g_autoptr (GBytes) styles = NULL;
  g_autoptr (GBytes) meta = NULL;
  g_autoptr (GBytes) manifest = NULL;
  RptZipWriter *zip;

  g_return_val_if_fail (document != NULL, NULL);
  g_return_val_if_fail (date != NULL, NULL);

  if (rpt_document_xml_get_text (document) == NULL)
    {
      g_set_error (error, RPT_ERROR, RPT_ERROR_SCHEMA, _ ("The document has no text"));
      return NULL;
    }
  styles = build_styles (document, error);
  if (styles == NULL)
    return NULL;
  content = build_content (document);
  meta = build_meta (document, creator, date);
  manifest = build_manifest (parts);

  zip = _rpt_zip_writer_new ((time_t) g_date_time_to_unix (date));
  /* "mimetype" first and stored: programs recognise an ODT by its first
   * bytes (ODF 1.3 part 2, 3.3). */
  _rpt_zip_writer_add (zip, "mimetype", mimetype, TRUE);
  _rpt_zip_writer_add (zip, "content.xml", content, FALSE);
  _rpt_zip_writer_add (zip, "styles.xml", styles, FALSE);
  _rpt_zip_writer_add (zip, "meta.xml", meta, FALSE);
  _rpt_zip_writer_add (zip, "META-INF/manifest.xml", manifest, FALSE);
  return _rpt_zip_writer_finish (zip);
}
