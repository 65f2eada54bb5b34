/* test-review.c
 *
 * Copyright 2026 The Rapporteur authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include <libxml/tree.h>
#include <sqlite3.h>
#include <string.h>
#include <zip.h>

#include "rpt-test-util.h"

/* The review round trip in the core: comments in the document file,
 * reviewers' copies that know their base, an edited ODT read back. */

typedef struct
{
  char *dir;
  char *path;
  RptStore *store;
  RptLetter *sample;
} Fixture;

static void
fixture_set_up (Fixture *f, gconstpointer data)
{
  g_autoptr (GError) error = NULL;

  f->dir = rpt_test_make_tmpdir ();
  f->path = g_build_filename (f->dir, "letter.rapporteur", NULL);
  f->sample = rpt_test_load_letter ("sample");
  f->store = rpt_store_create (f->path, f->sample, &error);
  g_assert_no_error (error);
}

static void
fixture_tear_down (Fixture *f, gconstpointer data)
{
  g_clear_object (&f->store);
  g_clear_object (&f->sample);
  rpt_test_rm_rf (f->dir);
  g_free (f->dir);
  g_free (f->path);
}

static const char *
fact_id (RptLetter *letter, guint n)
{
  return rpt_paragraph_get_id (rpt_letter_get_item (letter, RPT_PART_FACTS, n));
}

/* --- comments ----------------------------------------------------------- */

static void
test_comments_round_trip (Fixture *f, gconstpointer data)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (RptComment) c = rpt_comment_new (fact_id (f->sample, 0), "C. Checker",
                                              "Is “four” right?\nThe source says five.");
  g_autoptr (RptComment) reply = NULL;
  g_autoptr (RptComment) letter_wide = rpt_comment_new (NULL, "A. Drafter", "Send by Friday.");
  g_autoptr (GListStore) back = NULL;
  g_autoptr (RptComment) first = NULL;
  g_autoptr (RptComment) second = NULL;
  g_autoptr (RptStore) ro = NULL;

  /* A file without comments has none, and is not written to by reading. */
  back = rpt_comments_load (f->store, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (back)), ==, 0);
  g_clear_object (&back);

  rpt_comment_set_quote (c, "four police officers");
  g_assert_true (rpt_comments_save (f->store, c, &error));
  reply = rpt_comment_new_reply (c, "A. Drafter", "Checked: four.");
  g_assert_true (rpt_comments_save (f->store, reply, &error));
  g_assert_true (rpt_comments_save (f->store, letter_wide, &error));
  rpt_comment_set_resolved (c, TRUE);
  g_assert_true (rpt_comments_save (f->store, c, &error)); /* saved again: replaced */
  g_assert_no_error (error);

  back = rpt_comments_load (f->store, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (back)), ==, 3);
  first = g_list_model_get_item (G_LIST_MODEL (back), 0);
  g_assert_cmpstr (rpt_comment_get_id (first), ==, rpt_comment_get_id (c));
  g_assert_cmpstr (rpt_comment_get_item_id (first), ==, fact_id (f->sample, 0));
  g_assert_cmpstr (rpt_comment_get_text (first), ==, "Is “four” right?\nThe source says five.");
  g_assert_cmpstr (rpt_comment_get_quote (first), ==, "four police officers");
  g_assert_true (rpt_comment_get_resolved (first));
  g_assert_true (g_date_time_equal (rpt_comment_get_created (first), rpt_comment_get_created (c)) ||
                 g_date_time_difference (rpt_comment_get_created (c),
                                         rpt_comment_get_created (first)) < G_USEC_PER_SEC);
  /* Oldest first: the letter-wide comment was written before the reply. */
  second = g_list_model_get_item (G_LIST_MODEL (back), 2);
  g_assert_cmpstr (rpt_comment_get_id (second), ==, rpt_comment_get_id (reply));
  g_assert_cmpstr (rpt_comment_get_parent_id (second), ==, rpt_comment_get_id (c));

  /* Deleting a comment deletes its replies. */
  g_assert_true (rpt_comments_delete (f->store, rpt_comment_get_id (c), &error));
  g_clear_object (&back);
  back = rpt_comments_load (f->store, &error);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (back)), ==, 1);

  /* A read-only document keeps its comments as they are. */
  ro = rpt_store_open (f->path, RPT_STORE_OPEN_READ_ONLY, &error);
  g_assert_no_error (error);
  g_assert_false (rpt_comments_save (ro, letter_wide, &error));
  g_assert_error (error, RPT_ERROR, RPT_ERROR_READ_ONLY);
}

static void
test_comments_hostile (Fixture *f, gconstpointer data)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (RptComment) c = rpt_comment_new (
    NULL, "X\n<b>&", "a < b && c ]]> \x01\x02 \xe2\x80\x8f\xd8\xb9\xd8\xb1\xd8\xa8");
  g_autoptr (GListStore) back = NULL;
  g_autoptr (RptComment) first = NULL;

  /* Control characters go, the rest stays, the author is one line. */
  g_assert_cmpstr (rpt_comment_get_author (c), ==, "X <b>&");
  g_assert_null (strchr (rpt_comment_get_text (c), '\x01'));
  g_assert_true (rpt_comments_save (f->store, c, &error));
  back = rpt_comments_load (f->store, &error);
  g_assert_no_error (error);
  first = g_list_model_get_item (G_LIST_MODEL (back), 0);
  g_assert_cmpstr (rpt_comment_get_text (first), ==, rpt_comment_get_text (c));

  /* A damaged row is reported, not skipped. */
  g_clear_object (&back);
  {
    g_autoptr (RptStore) reopened = NULL;
    sqlite3 *db = NULL;
    g_assert_cmpint (sqlite3_open (f->path, &db), ==, SQLITE_OK);
    g_assert_cmpint (
      sqlite3_exec (db, "UPDATE comment SET created = 'yesterday'", NULL, NULL, NULL), ==,
      SQLITE_OK);
    sqlite3_close (db);
    g_clear_object (&f->store);
    reopened = rpt_store_open (f->path, RPT_STORE_OPEN_READ_ONLY, &error);
    g_assert_no_error (error);
    back = rpt_comments_load (reopened, &error);
    g_assert_null (back);
    g_assert_error (error, RPT_ERROR, RPT_ERROR_CORRUPT);
  }
}

/* --- reviewers' copies -------------------------------------------------- */

static void
test_send_and_find_base (Fixture *f, gconstpointer data)
{
  g_autoptr (GError) error = NULL;
  g_autofree char *copy_path = g_build_filename (f->dir, "copy.rapporteur", NULL);
  g_autofree char *second_path = g_build_filename (f->dir, "second.rapporteur", NULL);
  g_autoptr (RptStore) copy = NULL;
  g_autoptr (RptReviewBase) base = NULL;
  g_autoptr (RptLetter) found = NULL;
  g_autoptr (RptLetter) working = NULL;
  g_autoptr (GListModel) versions = NULL;
  g_autoptr (RptVersion) v = NULL;
  g_autoptr (RptComment) c = rpt_comment_new (fact_id (f->sample, 1), "A", "check this");
  g_autoptr (GListStore) copied = NULL;
  g_autofree char *checksum = rpt_review_checksum (f->sample);
  guint sent;

  g_assert_true (rpt_comments_save (f->store, c, &error));
  /* The working state is kept as a version first: the copy's base. */
  sent = rpt_review_send (f->store, 0, "A. Drafter", "B. Reviewer", copy_path, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (sent, ==, 1);
  versions = rpt_store_list_versions (f->store, &error);
  v = g_list_model_get_item (versions, 0);
  g_assert_cmpstr (rpt_version_get_message (v), ==, "Sent for review to B. Reviewer");
  /* Sent again unchanged: the same version. */
  g_assert_cmpuint (rpt_review_send (f->store, 0, "A. Drafter", "C", second_path, &error), ==, 1);

  copy = rpt_store_open (copy_path, RPT_STORE_OPEN_READ_ONLY, &error);
  g_assert_no_error (error);
  base = rpt_review_base_load (copy, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (base->version, ==, 1);
  g_assert_cmpstr (base->letter_id, ==, rpt_letter_get_id (f->sample));
  g_assert_cmpstr (base->checksum, ==, checksum);
  g_assert_cmpstr (base->reviewer, ==, "B. Reviewer");
  g_assert_cmpstr (base->source, ==, "letter.rapporteur");
  copied = rpt_comments_load (copy, &error);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (copied)), ==, 1);
  working = rpt_store_load (copy, &error);
  g_assert_no_error (error);
  {
    g_autofree char *again = rpt_review_checksum (working);
    g_assert_cmpstr (again, ==, checksum);
  }

  found = rpt_review_find_base (f->store, base, &error);
  g_assert_no_error (error);
  g_assert_nonnull (found);

  /* Not the letter's base: a clear error. */
  g_free (base->checksum);
  base->checksum = g_strnfill (64, 'a');
  g_assert_null (rpt_review_find_base (f->store, base, &error));
  g_assert_error (error, RPT_ERROR, RPT_ERROR_NOT_FOUND);
  g_assert_nonnull (strstr (error->message, "version 1 of letter.rapporteur"));
  g_clear_error (&error);
  g_free (base->letter_id);
  base->letter_id = g_strdup ("00000000-0000-4000-8000-000000000000");
  g_assert_null (rpt_review_find_base (f->store, base, &error));
  g_assert_error (error, RPT_ERROR, RPT_ERROR_INVALID_ARGUMENT);
  g_assert_nonnull (strstr (error->message, "another letter"));
}

static void
test_not_a_copy (Fixture *f, gconstpointer data)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (RptReviewBase) base = rpt_review_base_load (f->store, &error);

  g_assert_null (base);
  g_assert_error (error, RPT_ERROR, RPT_ERROR_NOT_FOUND);
  g_assert_nonnull (strstr (error->message, "not a reviewer’s copy"));
}

/* --- an ODT edited by a reviewer without Rapporteur --------------------- */

static gboolean
is_text (xmlNode *node, const char *name)
{
  return node != NULL && node->type == XML_ELEMENT_NODE && node->ns != NULL &&
         xmlStrEqual (node->ns->href, BAD_CAST RPT_NS_TEXT) &&
         xmlStrEqual (node->name, BAD_CAST name);
}

static xmlNode *
find_paragraph (xmlNode *node, const char *starts)
{
  for (xmlNode *c = node->children; c != NULL; c = c->next)
    {
      if (is_text (c, "p"))
        {
          g_autofree char *text = (char *) xmlNodeGetContent (c);
          if (g_str_has_prefix (text, starts))
            return c;
        }
      if (c->type == XML_ELEMENT_NODE)
        {
          xmlNode *found = find_paragraph (c, starts);
          if (found != NULL)
            return found;
        }
    }
  return NULL;
}

static void
replace_words (xmlNode *p, const char *old, const char *new)
{
  for (xmlNode *c = p->children; c != NULL; c = c->next)
    if (c->type == XML_TEXT_NODE && strstr ((char *) c->content, old) != NULL)
      {
        const char *at = strstr ((char *) c->content, old);
        g_autofree char *head = g_strndup ((char *) c->content, at - (char *) c->content);
        g_autofree char *changed = g_strconcat (head, new, at + strlen (old), NULL);
        xmlNodeSetContent (c, BAD_CAST changed);
        return;
      }
  g_assert_not_reached ();
}

/* What a reviewer does in a word processor, done to content.xml. */
static char *
edit_content (const char *content)
{
  xmlDoc *doc = rpt_test_parse_xml (content, strlen (content));
  xmlNode *root = xmlDocGetRootElement (doc);
  xmlNs *text_ns = xmlSearchNsByHref (doc, root, BAD_CAST RPT_NS_TEXT);
  xmlNs *office = xmlSearchNsByHref (doc, root, BAD_CAST RPT_NS_OFFICE);
  xmlNs *dc = xmlSearchNsByHref (doc, root, BAD_CAST RPT_NS_DC);
  xmlNode *p, *added, *note;
  xmlChar *out;
  int length;
  char *result;

  if (dc == NULL)
    dc = xmlNewNs (root, BAD_CAST RPT_NS_DC, BAD_CAST "dc");
  /* words of the first fact */
  p = find_paragraph (root, "On 16 July 2024");
  g_assert_nonnull (p);
  replace_words (p, "four police officers", "several police officers");
  /* the third fact deleted */
  p = find_paragraph (root, "Later in July");
  g_assert_nonnull (p);
  xmlUnlinkNode (p);
  xmlFreeNode (p);
  /* a new paragraph after the second fact, in the style LibreOffice gives it */
  p = find_paragraph (root, "In her absence");
  added = xmlNewDocNode (doc, text_ns, BAD_CAST "p",
                         BAD_CAST "On 20 July 2024, her lawyer was refused access to her.");
  xmlNewNsProp (added, text_ns, BAD_CAST "style-name", BAD_CAST "P7");
  xmlAddNextSibling (p, added);
  /* a comment on some words of the third concern */
  p = find_paragraph (root, "There are serious concerns");
  note = xmlNewDocNode (doc, office, BAD_CAST "annotation", NULL);
  xmlNewNsProp (note, office, BAD_CAST "name", BAD_CAST "__Annotation__1");
  xmlNewTextChild (note, dc, BAD_CAST "creator", BAD_CAST "C. Checker");
  xmlNewTextChild (note, dc, BAD_CAST "date", BAD_CAST "2025-04-22T10:00:00");
  xmlNewTextChild (note, text_ns, BAD_CAST "p", BAD_CAST "Too strong?");
  xmlAddPrevSibling (p->children->next, note); /* after the bookmark */
  {
    xmlNode *end = xmlNewDocNode (doc, office, BAD_CAST "annotation-end", NULL);
    xmlNewNsProp (end, office, BAD_CAST "name", BAD_CAST "__Annotation__1");
    /* "There are serious concerns" is the start of the text node */
    {
      xmlNode *t = note->next;
      const char *words = "There are serious concerns";
      xmlNode *rest = xmlNewDocText (doc, BAD_CAST ((char *) t->content + strlen (words)));
      xmlNodeSetContent (t, BAD_CAST words);
      xmlAddNextSibling (t, end);
      xmlAddNextSibling (end, rest);
    }
  }
  /* words the template writes */
  p = find_paragraph (root, "Excellency,");
  xmlNodeSetContent (p, BAD_CAST "Your Excellency,");
  xmlDocDumpMemoryEnc (doc, &out, &length, "UTF-8");
  result = g_strndup ((char *) out, length);
  xmlFree (out);
  xmlFreeDoc (doc);
  return result;
}

static void
write_edited_odt (const char *from, const char *to)
{
  gsize length;
  g_autofree char *content = rpt_test_zip_read (from, "content.xml", &length);
  g_autofree char *edited = edit_content (content);
  g_autofree char *data = NULL;
  int err = 0;
  zip_t *zip;
  zip_source_t *source;

  g_assert_true (g_file_get_contents (from, &data, &length, NULL));
  g_assert_true (g_file_set_contents (to, data, (gssize) length, NULL));
  zip = zip_open (to, 0, &err);
  g_assert_nonnull (zip);
  source = zip_source_buffer (zip, edited, strlen (edited), 0);
  g_assert_cmpint (zip_file_add (zip, "content.xml", source, ZIP_FL_OVERWRITE), >=, 0);
  g_assert_cmpint (zip_close (zip), ==, 0);
}

static void
test_odt_read_back (Fixture *f, gconstpointer data)
{
  g_autoptr (GError) error = NULL;
  g_autofree char *odt = g_build_filename (f->dir, "for-review.odt", NULL);
  g_autofree char *edited = g_build_filename (f->dir, "reviewed.odt", NULL);
  g_autoptr (GBytes) bytes = NULL;
  g_autoptr (RptReviewBase) base = NULL;
  g_autoptr (RptLetter) base_letter = NULL;
  g_autoptr (RptLetter) theirs = NULL;
  g_autoptr (GListStore) comments = g_list_store_new (RPT_TYPE_COMMENT);
  g_autoptr (GPtrArray) unplaced = g_ptr_array_new_with_free_func (g_free);
  g_autoptr (RptComparison) changes = NULL;
  g_autoptr (RptComment) on_concern = NULL;
  g_autoptr (RptComment) kept = NULL;
  guint n_facts = rpt_letter_get_n_items (f->sample, RPT_PART_FACTS);
  RptParagraph *added;

  bytes = rpt_review_build_odt (f->store, 0, NULL, "A. Drafter", &error);
  g_assert_no_error (error);
  g_assert_true (g_file_set_contents (odt, g_bytes_get_data (bytes, NULL),
                                      (gssize) g_bytes_get_size (bytes), NULL));
  rpt_test_validate_odf (odt);
  write_edited_odt (odt, edited);

  base = rpt_review_base_from_odt (edited, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (base->version, ==, 1);
  base_letter = rpt_review_find_base (f->store, base, &error);
  g_assert_no_error (error);
  theirs = rpt_review_read_odt (edited, base_letter, comments, unplaced, &error);
  g_assert_no_error (error);

  changes = rpt_comparison_new (base_letter, theirs, NULL, &error);
  g_assert_no_error (error);
  /* Each edit, as what it is. */
  g_assert_cmpuint (rpt_comparison_count (changes, RPT_PART_FACTS, RPT_CHANGE_EDITED), ==, 1);
  g_assert_cmpuint (rpt_comparison_count (changes, RPT_PART_FACTS, RPT_CHANGE_REMOVED), ==, 1);
  g_assert_cmpuint (rpt_comparison_count (changes, RPT_PART_FACTS, RPT_CHANGE_ADDED), ==, 1);
  g_assert_cmpuint (rpt_comparison_count (changes, RPT_PART_FACTS, RPT_CHANGE_MOVED), ==, 0);
  g_assert_cmpuint (rpt_comparison_get_n_changes (changes), ==, 3);
  g_assert_nonnull (
    strstr (rpt_paragraph_get_text (rpt_letter_get_item (theirs, RPT_PART_FACTS, 0)),
            "by several police officers and"));
  g_assert_cmpuint (rpt_letter_get_n_items (theirs, RPT_PART_FACTS), ==, n_facts);
  added = rpt_letter_get_item (theirs, RPT_PART_FACTS, 2);
  g_assert_cmpstr (rpt_paragraph_get_text (added), ==,
                   "On 20 July 2024, her lawyer was refused access to her.");

  /* The template's words are reported and kept, not dropped. */
  g_assert_cmpuint (unplaced->len, ==, 1);
  g_assert_nonnull (strstr (g_ptr_array_index (unplaced, 0), "Your Excellency,"));
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (comments)), ==, 2);
  on_concern = g_list_model_get_item (G_LIST_MODEL (comments), 0);
  g_assert_cmpstr (rpt_comment_get_item_id (on_concern), ==,
                   rpt_paragraph_get_id (rpt_letter_get_item (f->sample, RPT_PART_CONCERNS, 2)));
  g_assert_cmpstr (rpt_comment_get_author (on_concern), ==, "C. Checker");
  g_assert_cmpstr (rpt_comment_get_text (on_concern), ==, "Too strong?");
  g_assert_cmpstr (rpt_comment_get_quote (on_concern), ==, "There are serious concerns");
  kept = g_list_model_get_item (G_LIST_MODEL (comments), 1);
  g_assert_null (rpt_comment_get_item_id (kept));
  g_assert_nonnull (strstr (rpt_comment_get_text (kept), "Your Excellency,"));
}

static void
test_odt_not_for_review (Fixture *f, gconstpointer data)
{
  g_autoptr (GError) error = NULL;
  g_autofree char *plain = g_build_filename (f->dir, "plain.odt", NULL);
  g_autofree char *junk = g_build_filename (f->dir, "junk.odt", NULL);
  g_autoptr (RptExport) export = rpt_export_new (f->sample);
  g_autoptr (GBytes) bytes = rpt_export_run (export, RPT_EXPORT_FORMAT_ODT, &error);

  g_assert_no_error (error);
  g_assert_true (g_file_set_contents (plain, g_bytes_get_data (bytes, NULL),
                                      (gssize) g_bytes_get_size (bytes), NULL));
  /* A plain export does not say which version it came from. */
  g_assert_null (rpt_review_base_from_odt (plain, &error));
  g_assert_error (error, RPT_ERROR, RPT_ERROR_NOT_FOUND);
  g_assert_nonnull (strstr (error->message, "Send for Review"));
  g_clear_error (&error);
  /* Not a package at all. */
  g_assert_true (g_file_set_contents (junk, "not a zip", -1, NULL));
  g_assert_null (rpt_review_base_from_odt (junk, &error));
  g_assert_error (error, RPT_ERROR, RPT_ERROR_PARSE);
}

static void
test_odt_carries_comments (Fixture *f, gconstpointer data)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (GListStore) comments = g_list_store_new (RPT_TYPE_COMMENT);
  g_autoptr (RptComment) c = rpt_comment_new (fact_id (f->sample, 0), "C. Checker", "Source?");
  g_autoptr (RptComment) resolved = rpt_comment_new (fact_id (f->sample, 1), "C", "Done");
  g_autoptr (RptExport) export = rpt_export_new (f->sample);
  g_autoptr (GBytes) bytes = NULL;
  g_autofree char *path = g_build_filename (f->dir, "with-comments.odt", NULL);
  g_autofree char *content = NULL;

  rpt_comment_set_resolved (resolved, TRUE);
  g_list_store_append (comments, c);
  g_list_store_append (comments, resolved);
  rpt_export_set_comments (export, G_LIST_MODEL (comments));
  bytes = rpt_export_run (export, RPT_EXPORT_FORMAT_ODT, &error);
  g_assert_no_error (error);
  g_assert_true (g_file_set_contents (path, g_bytes_get_data (bytes, NULL),
                                      (gssize) g_bytes_get_size (bytes), NULL));
  rpt_test_validate_odf (path);
  content = rpt_test_zip_read (path, "content.xml", NULL);
  /* The open comment, in the fact's paragraph; the resolved one not. */
  g_assert_nonnull (strstr (content, "<dc:creator>C. Checker</dc:creator>"));
  g_assert_nonnull (strstr (content, "<text:p>Source?</text:p>"));
  g_assert_null (strstr (content, "Done"));
}

/* A reviewer's copy merged: the working state, the comments and a version
 * in the drafter's document; merged again, nothing doubles. */
static void
test_apply_twice (Fixture *f, gconstpointer data)
{
  g_autoptr (GError) error = NULL;
  g_autofree char *copy_path = g_build_filename (f->dir, "copy.rapporteur", NULL);
  g_autoptr (RptStore) copy = NULL;
  g_autoptr (RptLetter) edited = NULL;
  g_autoptr (RptComment) c = NULL;
  g_autoptr (GListStore) comments = NULL;
  g_autoptr (GListModel) versions = NULL;

  g_assert_cmpuint (rpt_review_send (f->store, 0, "A", "B. Reviewer", copy_path, &error), ==, 1);
  g_assert_no_error (error);
  /* The reviewer edits a fact and comments on another. */
  copy = rpt_store_open (copy_path, RPT_STORE_OPEN_READ_WRITE, &error);
  g_assert_no_error (error);
  edited = rpt_store_load (copy, &error);
  rpt_paragraph_set_text (rpt_letter_get_item (edited, RPT_PART_FACTS, 0), "Reworded.");
  g_assert_true (rpt_store_save (copy, edited, &error));
  c = rpt_comment_new (fact_id (edited, 2), "B. Reviewer", "Source?");
  g_assert_true (rpt_comments_save (copy, c, &error));
  g_clear_object (&copy);

  for (guint round = 1; round <= 2; round++)
    {
      g_autoptr (RptReviewCopy) review = rpt_review_copy_load (f->store, copy_path, &error);
      g_autoptr (RptLetter) ours = rpt_store_load (f->store, &error);
      g_autoptr (RptMerge) merge = NULL;
      g_autoptr (RptLetter) result = NULL;
      g_autoptr (RptLetter) saved = NULL;
      guint number;

      g_assert_no_error (error);
      g_assert_cmpstr (review->base->reviewer, ==, "B. Reviewer");
      merge = rpt_merge_new (review->base_letter, ours, review->theirs, &error);
      g_assert_no_error (error);
      /* The second time, the edit is on both sides already: nothing to do. */
      g_assert_cmpuint (rpt_merge_get_n_pending (merge), ==, 0);
      result = rpt_merge_dup_result (merge, &error);
      g_assert_no_error (error);
      number = rpt_review_apply (f->store, result, G_LIST_MODEL (review->comments), "A",
                                 review->base->reviewer, &error);
      g_assert_no_error (error);
      g_assert_cmpuint (number, ==, round + 1);
      saved = rpt_store_load (f->store, &error);
      g_assert_cmpstr (rpt_paragraph_get_text (rpt_letter_get_item (saved, RPT_PART_FACTS, 0)), ==,
                       "Reworded.");
    }
  comments = rpt_comments_load (f->store, &error);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (comments)), ==, 1);
  versions = rpt_store_list_versions (f->store, &error);
  {
    g_autoptr (RptVersion) v = g_list_model_get_item (versions, 1);
    g_assert_cmpstr (rpt_version_get_message (v), ==, "Review by B. Reviewer merged");
  }
}

/* An ODT read twice gives its annotations new ids: the same comment by
 * author, place and text is still not added twice. */
static void
test_comments_add_new (Fixture *f, gconstpointer data)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (RptComment) a = rpt_comment_new (fact_id (f->sample, 0), "A", "Why?");
  g_autoptr (RptComment) same = rpt_comment_new (fact_id (f->sample, 0), "A", "Why?");
  g_autoptr (RptComment) other_place = rpt_comment_new (fact_id (f->sample, 1), "A", "Why?");
  g_autoptr (RptComment) other_quote = rpt_comment_new (fact_id (f->sample, 0), "A", "Why?");
  g_autoptr (GListStore) incoming = g_list_store_new (RPT_TYPE_COMMENT);
  g_autoptr (GListStore) all = NULL;
  guint added = 99;

  rpt_comment_set_quote (other_quote, "four police officers");
  g_assert_true (rpt_comments_save (f->store, a, &error));
  g_list_store_append (incoming, a);
  g_list_store_append (incoming, same);
  g_list_store_append (incoming, other_place);
  g_list_store_append (incoming, other_quote);
  g_list_store_append (incoming, other_place); /* twice in one copy */
  g_assert_true (rpt_comments_add_new (f->store, G_LIST_MODEL (incoming), &added, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (added, ==, 2);
  all = rpt_comments_load (f->store, &error);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (all)), ==, 3);
}

/* The margin counts a thread's open comments, replies included; a
 * resolved thread says nothing. */
static void
test_margin_notes (Fixture *f, gconstpointer data)
{
  g_autoptr (GListStore) comments = g_list_store_new (RPT_TYPE_COMMENT);
  g_autoptr (RptComment) open = rpt_comment_new (fact_id (f->sample, 0), "A", "Why?");
  g_autoptr (RptComment) reply = rpt_comment_new_reply (open, "B", "Because.");
  g_autoptr (RptComment) closed = rpt_comment_new (fact_id (f->sample, 1), "A", "Date?");
  g_autoptr (RptComment) closed_reply = rpt_comment_new_reply (closed, "B", "Fixed.");
  g_autoptr (RptComment) on_letter = rpt_comment_new (NULL, "A", "Overall fine.");
  g_autoptr (GHashTable) notes = NULL;

  rpt_comment_set_resolved (closed, TRUE);
  g_list_store_append (comments, open);
  g_list_store_append (comments, reply);
  g_list_store_append (comments, closed);
  g_list_store_append (comments, closed_reply);
  g_list_store_append (comments, on_letter);
  notes = rpt_comments_margin_notes (G_LIST_MODEL (comments));
  g_assert_cmpuint (g_hash_table_size (notes), ==, 1);
  g_assert_cmpstr (g_hash_table_lookup (notes, fact_id (f->sample, 0)), ==, "2 comments");
}

/* The preview's document marks the commented paragraphs in the margin. */
static void
test_margin_in_document (Fixture *f, gconstpointer data)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (RptExport) export = rpt_export_new (f->sample);
  g_autoptr (GHashTable) notes = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr (GBytes) xml = NULL;
  g_autoptr (RptDocument) document = NULL;
  const char *text, *mark, *fact;

  g_hash_table_insert (notes, (gpointer) fact_id (f->sample, 1), "2 comments");
  rpt_export_set_margin_notes (export, notes);
  xml = rpt_export_run (export, RPT_EXPORT_FORMAT_DOCUMENT_XML, &error);
  g_assert_no_error (error);
  text = g_bytes_get_data (xml, NULL);
  mark = strstr (text, "text:style-name=\"MarginComment\">2 comments</text:p></office:annotation>");
  g_assert_nonnull (mark);
  /* In the second fact's paragraph, right at its start. */
  fact = strstr (mark, "</office:annotation>") + strlen ("</office:annotation>");
  g_assert_nonnull (strstr (fact, "In her absence"));
  g_assert_true (strstr (fact, "In her absence") - fact < 200);
  /* A document the layout engine takes. */
  document = rpt_document_new_from_data (text, (gssize) g_bytes_get_size (xml), "x", &error);
  g_assert_no_error (error);
  g_assert_nonnull (document);
}

/* A comparison shows the newer letter's comments: annotations in the
 * tracked-changes ODT, the margin of the redline, beside the change. */
static void
test_redline_comments (Fixture *f, gconstpointer data)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (RptLetter) newer = rpt_test_load_letter ("sample");
  g_autoptr (RptComparison) comparison = NULL;
  g_autoptr (RptRedline) redline = NULL;
  g_autoptr (GListStore) comments = g_list_store_new (RPT_TYPE_COMMENT);
  g_autoptr (RptComment) c = rpt_comment_new (fact_id (newer, 0), "B. Reviewer", "Four?");
  g_autoptr (GBytes) odt = NULL;
  g_autofree char *display = NULL;
  g_autofree char *path = g_build_filename (f->dir, "redline.odt", NULL);
  g_autofree char *content = NULL;
  const char *p;

  rpt_paragraph_set_text (rpt_letter_get_item (newer, RPT_PART_FACTS, 0),
                          "On 16 July 2024, she was apprehended by five officers.");
  g_list_store_append (comments, c);
  comparison = rpt_comparison_new (f->sample, newer, NULL, &error);
  g_assert_no_error (error);
  redline = rpt_redline_new (comparison, NULL, NULL, &error);
  g_assert_no_error (error);
  rpt_redline_set_comments (redline, G_LIST_MODEL (comments));

  /* The margin: the changed paragraph's one note says the comment too. */
  display = rpt_redline_dup_display_xml (redline, NULL);
  p = strstr (display, "1 comment");
  g_assert_nonnull (p);
  g_assert_nonnull (g_strrstr_len (display, p - display, "MarginChanged"));
  g_assert_null (strstr (display, "MarginComment"));
  {
    g_autoptr (RptDocument) document = rpt_redline_new_document (redline, &error);
    g_assert_no_error (error);
    g_assert_nonnull (document);
  }

  odt = rpt_redline_build_odt (redline, &error);
  g_assert_no_error (error);
  g_assert_true (g_file_set_contents (path, g_bytes_get_data (odt, NULL),
                                      (gssize) g_bytes_get_size (odt), NULL));
  rpt_test_validate_odf (path);
  content = rpt_test_zip_read (path, "content.xml", NULL);
  g_assert_nonnull (strstr (content, "<dc:creator>B. Reviewer</dc:creator>"));
  g_assert_nonnull (strstr (content, "<text:p>Four?</text:p></office:annotation>On 16 July"));

  /* The application's preview gives the notes itself. */
  {
    g_autoptr (GHashTable) notes = g_hash_table_new (g_str_hash, g_str_equal);
    g_autofree char *shown = NULL;

    g_hash_table_insert (notes, (gpointer) fact_id (newer, 1), "3 comments");
    rpt_redline_set_margin_notes (redline, notes);
    shown = rpt_redline_dup_display_xml (redline, NULL);
    g_assert_nonnull (strstr (shown, "MarginComment\">3 comments</text:p>"));
    g_assert_null (strstr (shown, "1 comment"));
  }
}

/* The command line: comments beside a comparison or in an export, and
 * where there are none to take, a clear refusal. */
static void
test_cli_comments (Fixture *f, gconstpointer data)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (RptComment) c = rpt_comment_new (fact_id (f->sample, 0), "B. Reviewer", "Four?");
  g_autofree char *xml = rpt_test_source_path ("data", "samples", "AL-TJK-1-2025.xml", NULL);
  g_autofree char *older = g_strconcat (f->path, "@1", NULL);
  g_autofree char *newer = g_strconcat (f->path, "@", NULL);
  g_autofree char *pdf = g_build_filename (f->dir, "changes.pdf", NULL);
  g_autofree char *odt = g_build_filename (f->dir, "letter.odt", NULL);
  g_autofree char *text = NULL;

  g_assert_true (rpt_comments_save (f->store, c, &error));
  g_assert_cmpuint (rpt_store_save_version (f->store, f->sample, "A", "one", &error), ==, 1);
  g_clear_object (&f->store); /* the CLI opens it */
  {
    const char *args[] = { "diff", "--comments", "-f", "pdf", "-o", pdf, older, newer, NULL };
    g_autofree char *out = NULL, *err = NULL;
    /* The same letter: exit 0, and the redline is written all the same. */
    g_assert_cmpint (rpt_test_run_cli (args, &out, &err), ==, 0);
    g_assert_true (g_file_test (pdf, G_FILE_TEST_EXISTS));
  }
  {
    const char *args[] = { "diff", "--comments", xml, xml, "-f", "pdf", "-o", pdf, NULL };
    g_autofree char *out = NULL, *err = NULL;
    g_assert_cmpint (rpt_test_run_cli (args, &out, &err), ==, 2);
    g_assert_nonnull (strstr (err, "has no comments"));
  }
  {
    const char *args[] = { "diff", "--comments", older, newer, NULL };
    g_autofree char *out = NULL, *err = NULL;
    g_assert_cmpint (rpt_test_run_cli (args, &out, &err), ==, 2);
    g_assert_nonnull (strstr (err, "--comments needs --format odt or pdf"));
  }
  {
    const char *args[] = { "export", "-f", "pdf", "--comments", f->path, "-o", pdf, NULL };
    g_autofree char *out = NULL, *err = NULL;
    g_assert_cmpint (rpt_test_run_cli (args, &out, &err), ==, 2);
    g_assert_nonnull (strstr (err, "--comments needs --format odt"));
  }
  {
    const char *args[] = { "export", "-f", "odt", "-q", "--comments", f->path, "-o", odt, NULL };
    g_autofree char *out = NULL, *err = NULL;
    g_assert_cmpint (rpt_test_run_cli (args, &out, &err), ==, 0);
    text = rpt_test_zip_read (odt, "content.xml", NULL);
    g_assert_nonnull (strstr (text, "<text:p>Four?</text:p></office:annotation>"));
  }
}

/* A comment on words spans them in the ODT, as LibreOffice's own do; words
 * no longer in the item leave the comment at the paragraph's start. */
static void
test_odt_comment_spans_words (Fixture *f, gconstpointer data)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (GListStore) comments = g_list_store_new (RPT_TYPE_COMMENT);
  g_autoptr (RptComment) on_words = rpt_comment_new (fact_id (f->sample, 0), "A", "How many?");
  g_autoptr (RptComment) gone = rpt_comment_new (fact_id (f->sample, 1), "B", "Which?");
  g_autoptr (RptExport) export = rpt_export_new (f->sample);
  g_autoptr (GBytes) bytes = NULL;
  g_autofree char *path = g_build_filename (f->dir, "spans.odt", NULL);
  g_autofree char *content = NULL;
  g_autofree char *expected = NULL;
  const char *p;

  rpt_comment_set_quote (on_words, "four police officers");
  rpt_comment_set_quote (gone, "words the drafter has since deleted");
  g_list_store_append (comments, on_words);
  g_list_store_append (comments, gone);
  rpt_export_set_comments (export, G_LIST_MODEL (comments));
  bytes = rpt_export_run (export, RPT_EXPORT_FORMAT_ODT, &error);
  g_assert_no_error (error);
  g_assert_true (g_file_set_contents (path, g_bytes_get_data (bytes, NULL),
                                      (gssize) g_bytes_get_size (bytes), NULL));
  rpt_test_validate_odf (path);
  content = rpt_test_zip_read (path, "content.xml", NULL);
  expected = g_strdup_printf ("<text:p>How many?</text:p></office:annotation>four police "
                              "officers<office:annotation-end office:name=\"rpt-comment-%s\"/>"
                              " and was reportedly detained",
                              rpt_comment_get_id (on_words));
  g_assert_nonnull (strstr (content, expected));
  /* The text around the words is whole. */
  g_assert_nonnull (strstr (content, "outside her home in Dushanbe by <office:annotation "));
  /* The other comment: at its paragraph's start, unnamed, nothing spanned. */
  p = strstr (content, "<text:p>Which?</text:p></office:annotation>In her absence,");
  g_assert_nonnull (p);
  g_assert_null (strstr (content, "words the drafter has since deleted"));
}

int
main (int argc, char **argv)
{
  rpt_test_init (&argc, &argv);

#define ADD(path, func) g_test_add (path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)
  ADD ("/review/comments/round-trip", test_comments_round_trip);
  ADD ("/review/comments/hostile", test_comments_hostile);
  ADD ("/review/copy/send-and-find-base", test_send_and_find_base);
  ADD ("/review/copy/not-a-copy", test_not_a_copy);
  ADD ("/review/odt/read-back", test_odt_read_back);
  ADD ("/review/odt/not-for-review", test_odt_not_for_review);
  ADD ("/review/odt/carries-comments", test_odt_carries_comments);
  ADD ("/review/odt/comment-spans-words", test_odt_comment_spans_words);
  ADD ("/review/merge/apply-twice", test_apply_twice);
  ADD ("/review/comments/add-new", test_comments_add_new);
  ADD ("/review/comments/margin-notes", test_margin_notes);
  ADD ("/review/comments/margin-in-document", test_margin_in_document);
  ADD ("/review/comments/in-a-redline", test_redline_comments);
  ADD ("/review/comments/cli", test_cli_comments);
#undef ADD
  return g_test_run ();
}
