/* rpt-house-style.c
 *
 * Copyright 2026 The Rapporteur authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "rpt-house-style"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "rpt-data-private.h"
#include "rpt-error.h"
#include "rpt-house-style.h"
#include "rpt-item-private.h"
#include "rpt-types.h"
#include "rpt-xml-private.h"

#define NS_HOUSE_STYLE "urn:x-rapporteur:house-style"

/**
 * RptHouseStyle:
 *
 * The editions of the house style (data/styles/editions.xml): the
 * wording choices letters made in different years — "REFERENCE:" or
 * "Ref.:", the reply line, "; and" before the last mandate, a full stop
 * after the header, "in our capacity as" — as named sets of changes to
 * the standard sentences, one of which each letter follows (the newest
 * when it names none). Reproducing a letter of another year is choosing
 * its edition; the next change of style is a new edition, in data.
 *
 * An RptHouseStyle never changes once made, so it can be shared between
 * threads.
 */

typedef struct
{
  RptHouseStyleEdition pub;
  GHashTable *changes; /* sentence id → the id said instead, or "" to leave it out */
} Edition;

struct _RptHouseStyle
{
  GObject parent_instance;

  GPtrArray *editions; /* of Edition, in the order of the file */
  GStringChunk *strings;
};

G_DEFINE_FINAL_TYPE (RptHouseStyle, rpt_house_style, G_TYPE_OBJECT)

static void
edition_free (Edition *e)
{
  g_hash_table_unref (e->changes);
  g_free (e);
}

static void
rpt_house_style_finalize (GObject *object)
{
  RptHouseStyle *self = RPT_HOUSE_STYLE (object);

  g_ptr_array_unref (self->editions);
  g_string_chunk_free (self->strings);
  G_OBJECT_CLASS (rpt_house_style_parent_class)->finalize (object);
}

static void
rpt_house_style_class_init (RptHouseStyleClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = rpt_house_style_finalize;
}

static void
rpt_house_style_init (RptHouseStyle *self)
{
  self->editions = g_ptr_array_new_with_free_func ((GDestroyNotify) edition_free);
  self->strings = g_string_chunk_new (1024);
}

static const char *
keep_string (RptHouseStyle *self, const char *value)
{
  return value != NULL ? g_string_chunk_insert_const (self->strings, value) : NULL;
}

static Edition *
find (RptHouseStyle *self, const char *id)
{
  for (guint i = 0; id != NULL && i < self->editions->len; i++)
    {
      Edition *e = self->editions->pdata[i];
      if (g_str_equal (e->pub.id, id))
        return e;
    }
  return NULL;
}

static gboolean G_GNUC_PRINTF (4, 5)
  fail (GError **error, const char *name, xmlNode *node, const char *format, ...)
{
  g_autofree char *message = NULL;
  va_list args;

  va_start (args, format);
  message = g_strdup_vprintf (format, args);
  va_end (args);
  g_set_error (error, RPT_ERROR, RPT_ERROR_SCHEMA, "%s:%ld: %s", name,
               node != NULL ? xmlGetLineNo (node) : 0L, message);
  return FALSE;
}

/* The text of @node's child @name in the interface's language, as msgfmt
 * merged it (<name xml:lang="fr">), or the English one. */
static char *
child_text (xmlNode *node, const char *name)
{
  const char *const *languages = g_get_language_names ();
  xmlNode *english = NULL;
  xmlNode *best = NULL;
  guint best_rank = G_MAXUINT;

  for (xmlNode *c = node->children; c != NULL; c = c->next)
    {
      g_autofree char *lang = NULL;

      if (!rpt_xml_is (c, NS_HOUSE_STYLE, name))
        continue;
      lang = (char *) xmlGetNsProp (c, BAD_CAST "lang", XML_XML_NAMESPACE);
      if (lang == NULL)
        {
          if (english == NULL)
            english = c;
          continue;
        }
      for (guint i = 0; languages[i] != NULL && i < best_rank; i++)
        if (g_str_equal (languages[i], lang))
          {
            best = c;
            best_rank = i;
          }
    }
  if (best == NULL)
    best = english;
  return best != NULL ? (char *) xmlNodeGetContent (best) : NULL;
}

static gboolean
read_edition (RptHouseStyle *self, xmlNode *node, const char *name, GError **error)
{
  g_autofree char *id = rpt_xml_dup_attr (node, NULL, "id");
  g_autofree char *base = rpt_xml_dup_attr (node, NULL, "base");
  g_autofree char *from = rpt_xml_dup_attr (node, NULL, "from");
  g_autofree char *until = rpt_xml_dup_attr (node, NULL, "until");
  g_autofree char *label = child_text (node, "name");
  g_autofree char *description = child_text (node, "description");
  Edition *e;

  if (!_rpt_key_is_valid (id))
    return fail (error, name, node, _ ("“%s” is not the id of an edition (a-z, 0-9 and -)"),
                 id != NULL ? id : "");
  if (find (self, id) != NULL)
    return fail (error, name, node, _ ("the edition “%s” is defined twice"), id);
  if ((from != NULL && !rpt_date_is_valid (from)) || (until != NULL && !rpt_date_is_valid (until)))
    return fail (error, name, node, _ ("the edition “%s” has a date that is not YYYY-MM-DD"), id);
  if (until != NULL && from == NULL)
    return fail (error, name, node, _ ("the edition “%s” ends but never starts"), id);
  if (label == NULL)
    return fail (error, name, node, _ ("the edition “%s” has no name"), id);
  if (base != NULL && find (self, base) == NULL)
    return fail (error, name, node,
                 _ ("the edition “%s” starts from “%s”, which comes later or not at all"), id,
                 base);

  e = g_new0 (Edition, 1);
  e->pub.id = keep_string (self, id);
  e->pub.name = keep_string (self, g_strstrip (label));
  e->pub.description = keep_string (self, description != NULL ? g_strstrip (description) : "");
  e->pub.from = keep_string (self, from);
  e->pub.until = keep_string (self, until);
  e->pub.base = keep_string (self, base);
  /* a copy of the base's changes, then this edition's over them */
  e->changes = g_hash_table_new (g_str_hash, g_str_equal);
  if (base != NULL)
    {
      Edition *from_base = find (self, base);
      GHashTableIter iter;
      gpointer k, v;

      g_assert (from_base != NULL); /* checked above */
      g_hash_table_iter_init (&iter, from_base->changes);
      while (g_hash_table_iter_next (&iter, &k, &v))
        g_hash_table_insert (e->changes, k, v);
    }
  g_ptr_array_add (self->editions, e);

  for (xmlNode *c = node->children; c != NULL; c = c->next)
    {
      g_autofree char *sentence = NULL;
      g_autofree char *as = NULL;

      if (c->type != XML_ELEMENT_NODE || rpt_xml_is (c, NS_HOUSE_STYLE, "name") ||
          rpt_xml_is (c, NS_HOUSE_STYLE, "description"))
        continue;
      sentence = rpt_xml_dup_attr (c, NULL, "sentence");
      if (rpt_xml_is (c, NS_HOUSE_STYLE, "use"))
        as = rpt_xml_dup_attr (c, NULL, "as");
      else if (!rpt_xml_is (c, NS_HOUSE_STYLE, "omit"))
        return fail (error, name, c,
                     _ ("an edition holds <name>, <description>, <use> and <omit>, "
                        "not <%s>"),
                     (const char *) c->name);
      if (sentence == NULL || sentence[0] == '\0' ||
          (rpt_xml_is (c, NS_HOUSE_STYLE, "use") && (as == NULL || as[0] == '\0')))
        return fail (error, name, c, _ ("<%s> needs the sentences it concerns"),
                     (const char *) c->name);
      g_hash_table_insert (e->changes, (gpointer) keep_string (self, sentence),
                           (gpointer) keep_string (self, as != NULL ? as : ""));
    }
  return TRUE;
}

/**
 * rpt_house_style_new_from_data:
 * @data: an editions file (data/styles/editions.xml)
 * @length: its length, or -1 if nul-terminated
 * @name: the name to put in error messages
 *
 * Returns: (transfer full): the editions, or %NULL with @error set (the
 *   file and line of the fault)
 */
RptHouseStyle *
rpt_house_style_new_from_data (const char *data, gssize length, const char *name, GError **error)
{
  g_autoptr (RptHouseStyle) self = g_object_new (RPT_TYPE_HOUSE_STYLE, NULL);
  xmlDoc *doc;
  xmlNode *root;
  gboolean ok = TRUE;

  g_return_val_if_fail (data != NULL, NULL);

  if (length < 0)
    length = (gssize) strlen (data);
  doc = _rpt_xml_read (data, (gsize) length, name, error);
  if (doc == NULL)
    return NULL;
  root = xmlDocGetRootElement (doc);
  if (!rpt_xml_is (root, NS_HOUSE_STYLE, "editions"))
    ok = fail (error, name, root, _ ("this is not a file of house style editions"));
  for (xmlNode *c = ok ? root->children : NULL; c != NULL && ok; c = c->next)
    if (rpt_xml_is (c, NS_HOUSE_STYLE, "edition"))
      ok = read_edition (self, c, name, error);
    else if (c->type == XML_ELEMENT_NODE)
      ok = fail (error, name, c, _ ("unexpected element <%s>"), (const char *) c->name);
  xmlFreeDoc (doc);
  if (ok && rpt_house_style_get_newest (self) == NULL)
    ok = fail (error, name, NULL, _ ("no edition has a date, so none can be the newest"));
  return ok ? g_steal_pointer (&self) : NULL;
}

/**
 * rpt_house_style_get_default:
 *
 * Returns: (transfer none): the editions built into Rapporteur
 */
RptHouseStyle *
rpt_house_style_get_default (void)
{
  static gsize once = 0;
  static RptHouseStyle *style = NULL;

  if (g_once_init_enter (&once))
    {
      g_autoptr (GBytes) bytes = _rpt_data_load_resource ("styles/editions.xml");
      g_autoptr (GError) error = NULL;

      style = rpt_house_style_new_from_data (g_bytes_get_data (bytes, NULL),
                                             (gssize) g_bytes_get_size (bytes),
                                             "styles/editions.xml", &error);
      /* the build tests the built-in file: only a broken build gets here */
      if (style == NULL)
        g_error ("%s", error->message);
      g_once_init_leave (&once, 1);
    }
  return style;
}

/**
 * rpt_house_style_list_editions:
 *
 * Returns: (transfer container) (element-type RptHouseStyleEdition): every
 *   edition, in the order of the file
 */
GPtrArray *
rpt_house_style_list_editions (RptHouseStyle *self)
{
  GPtrArray *list = g_ptr_array_new ();

  g_return_val_if_fail (RPT_IS_HOUSE_STYLE (self), list);
  for (guint i = 0; i < self->editions->len; i++)
    g_ptr_array_add (list, &((Edition *) self->editions->pdata[i])->pub);
  return list;
}

const RptHouseStyleEdition *
rpt_house_style_lookup_edition (RptHouseStyle *self, const char *id)
{
  Edition *e;

  g_return_val_if_fail (RPT_IS_HOUSE_STYLE (self), NULL);
  e = find (self, id);
  return e != NULL ? &e->pub : NULL;
}

/**
 * rpt_house_style_get_newest:
 *
 * Returns: (transfer none): the edition letters follow when they name
 *   none: the one with the latest start
 */
const RptHouseStyleEdition *
rpt_house_style_get_newest (RptHouseStyle *self)
{
  const RptHouseStyleEdition *newest = NULL;

  g_return_val_if_fail (RPT_IS_HOUSE_STYLE (self), NULL);
  for (guint i = 0; i < self->editions->len; i++)
    {
      const RptHouseStyleEdition *e = &((Edition *) self->editions->pdata[i])->pub;
      if (e->from != NULL && (newest == NULL || strcmp (e->from, newest->from) > 0))
        newest = e;
    }
  return newest;
}

/**
 * rpt_house_style_suggest_edition:
 * @date: a letter's date, YYYY-MM-DD
 *
 * Returns: (nullable): the dated edition whose years hold @date, or %NULL
 *   when none does (2022 and 2023 in the built-in file)
 */
const RptHouseStyleEdition *
rpt_house_style_suggest_edition (RptHouseStyle *self, const char *date)
{
  g_return_val_if_fail (RPT_IS_HOUSE_STYLE (self), NULL);

  if (date == NULL)
    return NULL;
  for (guint i = 0; i < self->editions->len; i++)
    {
      const RptHouseStyleEdition *e = &((Edition *) self->editions->pdata[i])->pub;
      if (e->from != NULL && strcmp (date, e->from) >= 0 &&
          (e->until == NULL || strcmp (date, e->until) <= 0))
        return e;
    }
  return NULL;
}

/**
 * rpt_house_style_dup_substitutions:
 * @id: an edition's id
 *
 * Returns: (transfer full) (nullable): what the edition changes, base
 *   included: standard sentence id → the id said instead, or "" for a
 *   paragraph left out; %NULL for an unknown edition
 */
GHashTable *
rpt_house_style_dup_substitutions (RptHouseStyle *self, const char *id)
{
  Edition *e;

  g_return_val_if_fail (RPT_IS_HOUSE_STYLE (self), NULL);
  e = find (self, id);
  return e != NULL ? g_hash_table_ref (e->changes) : NULL;
}
