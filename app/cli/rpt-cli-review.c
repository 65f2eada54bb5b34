/* rpt-cli-review.c
 *
 * Copyright 2026 The Rapporteur authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "rapporteur-cli"

#include <glib/gi18n.h>
#include <stdio.h>
#include <string.h>

#include "rpt-cli.h"

/* --- send-for-review ----------------------------------------------------- */

int
rpt_cli_send_for_review (int argc, char **argv)
{
  g_autofree char *output = NULL;
  g_autofree char *reviewer = NULL;
  g_autofree char *author = NULL;
  g_autoptr (RptStore) store = NULL;
  g_autoptr (GError) error = NULL;
  gint64 version = 0;
  guint sent;
  int status;
  const GOptionEntry entries[] = {
    { "output", 'o', 0, G_OPTION_ARG_FILENAME, &output,
      N_ ("The reviewer’s copy: a .rapporteur document, or an .odt for a reviewer without "
          "Rapporteur"),
      "COPY" },
    { "version", 0, 0, G_OPTION_ARG_INT64, &version,
      N_ ("The version to send (default: the working state, kept as a version)"), "N" },
    { "reviewer", 'r', 0, G_OPTION_ARG_STRING, &reviewer, N_ ("Whom the copy is for"), "NAME" },
    { "author", 'a', 0, G_OPTION_ARG_STRING, &author, N_ ("Who sends it (default: your name)"),
      "NAME" },
    { NULL }
  };

  status = rpt_cli_parse ("send-for-review", entries, &argc, &argv, "FILE.rapporteur -o COPY",
                          _ ("Make a reviewer’s copy of a version of the letter, to merge back "
                             "with “merge”."));
  if (status >= 0)
    return status;
  if (argc != 2 || output == NULL)
    return rpt_cli_usage (_ ("send-for-review needs a document and -o COPY"));
  if (version < 0 || version > G_MAXUINT)
    return rpt_cli_usage (_ ("“%lld” is not a version number"), (long long) version);

  store = rpt_store_open (argv[1], RPT_STORE_OPEN_READ_WRITE, &error);
  if (store == NULL)
    return rpt_cli_fail (error);
  if (g_str_has_suffix (output, ".odt"))
    {
      g_autoptr (GListStore) comments = rpt_comments_load (store, &error);
      g_autoptr (GBytes) odt = NULL;
      gsize length;
      const char *data;

      if (comments == NULL)
        return rpt_cli_fail (error);
      odt = rpt_review_build_odt (store, (guint) version, G_LIST_MODEL (comments), author, &error);
      if (odt == NULL)
        return rpt_cli_fail (error);
      data = g_bytes_get_data (odt, &length);
      if (!rpt_cli_write_output (output, data, length, &error))
        return rpt_cli_fail (error);
      printf (_ ("Wrote %s for review in LibreOffice or another word processor\n"), output);
      return RPT_CLI_EXIT_OK;
    }
  sent = rpt_review_send (store, (guint) version, author, reviewer, output, &error);
  if (sent == 0)
    return rpt_cli_fail (error);
  printf (_ ("Wrote %s, a reviewer’s copy of version %u\n"), output, sent);
  return RPT_CLI_EXIT_OK;
}

/* --- merge ----------------------------------------------------------------- */

static const char *
status_word (RptMergeStatus status)
{
  switch (status)
    {
    case RPT_MERGE_CLEAN:
      /* Translators: how a reviewer's change merges, in a list */
      return C_ ("merge", "clean");
    case RPT_MERGE_SAME:
      return C_ ("merge", "already yours");
    case RPT_MERGE_CONFLICT:
      return C_ ("merge", "conflict");
    default:
      g_return_val_if_reached (NULL);
    }
}

int
rpt_cli_merge (int argc, char **argv)
{
  g_autofree char *conflicts = NULL;
  g_autofree char *author = NULL;
  g_autofree char *reviewer = NULL;
  gboolean dry_run = FALSE, reject_all = FALSE;
  g_autoptr (RptStore) store = NULL;
  g_autoptr (RptReviewCopy) copy = NULL;
  g_autoptr (RptLetter) ours = NULL;
  g_autoptr (RptLetter) result = NULL;
  g_autoptr (RptMerge) merge = NULL;
  g_autoptr (GError) error = NULL;
  RptMergeDecision prefer = RPT_MERGE_PENDING;
  guint n, number;
  int status;
  const GOptionEntry entries[] = {
    { "conflicts", 'c', 0, G_OPTION_ARG_STRING, &conflicts,
      N_ ("Settle every conflict: “theirs” takes the reviewer’s side, “ours” keeps yours"),
      "SIDE" },
    { "reject-all", 0, 0, G_OPTION_ARG_NONE, &reject_all,
      N_ ("Reject every change (to see what a merge would do, use --dry-run)"), NULL },
    { "dry-run", 'n', 0, G_OPTION_ARG_NONE, &dry_run,
      N_ ("Say what would merge, and write nothing"), NULL },
    { "reviewer", 'r', 0, G_OPTION_ARG_STRING, &reviewer,
      N_ ("The reviewer’s name, for the new version (default: what the copy records)"), "NAME" },
    { "author", 'a', 0, G_OPTION_ARG_STRING, &author, N_ ("Who merges (default: your name)"),
      "NAME" },
    { NULL }
  };

  status = rpt_cli_parse ("merge", entries, &argc, &argv, "FILE.rapporteur COPY",
                          _ ("Merge a reviewer’s copy (a .rapporteur copy, or the .odt made for "
                             "review and edited) into the working state, against the version it "
                             "was made from; the result is a new version."));
  if (status >= 0)
    return status;
  if (argc != 3)
    return rpt_cli_usage (_ ("merge needs a document and a reviewer’s copy"));
  if (conflicts != NULL && g_str_equal (conflicts, "theirs"))
    prefer = RPT_MERGE_ACCEPTED;
  else if (conflicts != NULL && g_str_equal (conflicts, "ours"))
    prefer = RPT_MERGE_REJECTED;
  else if (conflicts != NULL)
    return rpt_cli_usage (_ ("--conflicts must be theirs or ours"));

  store = rpt_store_open (argv[1], dry_run ? RPT_STORE_OPEN_READ_ONLY : RPT_STORE_OPEN_READ_WRITE,
                          &error);
  if (store == NULL || (ours = rpt_store_load (store, &error)) == NULL)
    return rpt_cli_fail (error);
  copy = rpt_review_copy_load (store, argv[2], &error);
  if (copy == NULL)
    return rpt_cli_fail (error);
  merge = rpt_merge_new (copy->base_letter, ours, copy->theirs, &error);
  if (merge == NULL)
    return rpt_cli_fail (error);

  n = rpt_merge_get_n_changes (merge);
  printf (g_dngettext (GETTEXT_PACKAGE, "%u change by the reviewer, against version %u:\n",
                       "%u changes by the reviewer, against version %u:\n", n),
          n, copy->base->version);
  for (guint i = 0; i < n; i++)
    {
      RptMergeChange *c = rpt_merge_get_change (merge, i);
      /* Translators: one change of a merge: its state, what, how, why */
      printf (_ ("  [%s] %s: %s%s%s\n"), status_word (c->status), c->label, c->description,
              c->reason != NULL ? " — " : "", c->reason != NULL ? c->reason : "");
    }
  for (guint i = 0; i < copy->unplaced->len; i++)
    /* Translators: something of the reviewer's that has no place in the letter */
    printf (_ ("  [kept as a comment] %s\n"), (char *) g_ptr_array_index (copy->unplaced, i));

  if (reject_all)
    rpt_merge_decide_all (merge, RPT_MERGE_REJECTED);
  else if (prefer != RPT_MERGE_PENDING)
    for (guint i = 0; i < n; i++)
      if (rpt_merge_get_change (merge, i)->status == RPT_MERGE_CONFLICT)
        rpt_merge_decide (merge, i, prefer);
  if (rpt_merge_get_n_pending (merge) > 0)
    {
      guint pending = rpt_merge_get_n_pending (merge);
      g_set_error (
        &error, RPT_ERROR, RPT_ERROR_INVALID_ARGUMENT,
        g_dngettext (GETTEXT_PACKAGE,
                     "%u conflict waits for a decision: nothing was written (settle "
                     "it with --conflicts theirs or ours, or merge in the application)",
                     "%u conflicts wait for a decision: nothing was written (settle "
                     "them with --conflicts theirs or ours, or merge in the application)",
                     pending),
        pending);
      return rpt_cli_fail (error);
    }
  result = rpt_merge_dup_result (merge, &error);
  if (result == NULL)
    return rpt_cli_fail (error);
  if (dry_run)
    {
      printf (_ ("Nothing written (--dry-run)\n"));
      return RPT_CLI_EXIT_OK;
    }

  if (reviewer == NULL)
    reviewer = g_strdup (copy->base->reviewer != NULL ? copy->base->reviewer : _ ("the reviewer"));
  if (author == NULL)
    author = g_strdup (g_get_real_name ());
  number =
    rpt_review_apply (store, result, G_LIST_MODEL (copy->comments), author, reviewer, &error);
  if (number == 0)
    return rpt_cli_fail (error);
  printf (_ ("Merged as version %u\n"), number);
  return RPT_CLI_EXIT_OK;
}

/* --- comments ---------------------------------------------------------- */

static void
print_comment (RptLetter *letter, RptComment *c, gboolean reply)
{
  g_autoptr (GDateTime) local = g_date_time_to_local (rpt_comment_get_created (c));
  g_autofree char *when = g_date_time_format (local, "%Y-%m-%d %H:%M");
  const char *item = rpt_comment_get_item_id (c);
  const char *indent = reply ? "    " : "";
  g_autofree char *where = NULL;

  if (item == NULL)
    where = g_strdup (_ ("the letter"));
  else if ((where = rpt_letter_dup_item_label (letter, item)) == NULL)
    where = g_strdup (_ ("an item no longer in the letter"));
  /* Translators: a comment in a list: indent, who, when, where, resolved */
  printf (_ ("%s%s, %s, on %s%s:\n"), indent, rpt_comment_get_author (c), when, where,
          rpt_comment_get_resolved (c) ? _ (" (resolved)") : "");
  if (rpt_comment_get_quote (c) != NULL)
    printf ("%s  “%s”\n", indent, rpt_comment_get_quote (c));
  printf ("%s  %s\n", indent, rpt_comment_get_text (c));
}

int
rpt_cli_comments (int argc, char **argv)
{
  g_autoptr (RptStore) store = NULL;
  g_autoptr (RptLetter) letter = NULL;
  g_autoptr (GListStore) comments = NULL;
  g_autoptr (GHashTable) replies = NULL;
  g_autoptr (GHashTable) ids = NULL;
  g_autoptr (GError) error = NULL;
  int status;
  guint n;

  status = rpt_cli_parse ("comments", NULL, &argc, &argv, "FILE.rapporteur",
                          _ ("List the comments of a document, with their replies."));
  if (status >= 0)
    return status;
  if (argc != 2)
    return rpt_cli_usage (_ ("comments needs one document"));
  store = rpt_store_open (argv[1], RPT_STORE_OPEN_READ_ONLY, &error);
  if (store == NULL || (letter = rpt_store_load (store, &error)) == NULL ||
      (comments = rpt_comments_load (store, &error)) == NULL)
    return rpt_cli_fail (error);
  n = g_list_model_get_n_items (G_LIST_MODEL (comments));
  if (n == 0)
    printf (_ ("No comments\n"));
  /* Threads: each comment followed by its replies, oldest first; a reply
   * whose comment is gone stands on its own. */
  replies =
    g_hash_table_new_full (g_str_hash, g_str_equal, NULL, (GDestroyNotify) g_ptr_array_unref);
  ids = g_hash_table_new (g_str_hash, g_str_equal);
  for (guint i = 0; i < n; i++)
    {
      RptComment *c = g_list_model_get_item (G_LIST_MODEL (comments), i);
      g_hash_table_add (ids, (gpointer) rpt_comment_get_id (c));
      g_object_unref (c); /* the store holds it */
    }
  for (guint i = 0; i < n; i++)
    {
      RptComment *c = g_list_model_get_item (G_LIST_MODEL (comments), i);
      const char *parent = rpt_comment_get_parent_id (c);

      if (parent != NULL && g_hash_table_contains (ids, parent))
        {
          GPtrArray *list = g_hash_table_lookup (replies, parent);
          if (list == NULL)
            g_hash_table_insert (replies, (gpointer) parent, list = g_ptr_array_new ());
          g_ptr_array_add (list, c);
        }
      g_object_unref (c);
    }
  for (guint i = 0; i < n; i++)
    {
      RptComment *c = g_list_model_get_item (G_LIST_MODEL (comments), i);
      const char *parent = rpt_comment_get_parent_id (c);
      GPtrArray *list;

      g_object_unref (c);
      if (parent != NULL && g_hash_table_contains (ids, parent))
        continue;
      print_comment (letter, c, FALSE);
      list = g_hash_table_lookup (replies, rpt_comment_get_id (c));
      for (guint j = 0; list != NULL && j < list->len; j++)
        print_comment (letter, g_ptr_array_index (list, j), TRUE);
    }
  return RPT_CLI_EXIT_OK;
}
