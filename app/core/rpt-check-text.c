/* rpt-check-text.c
 *
 * Copyright 2026 The Rapporteur authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "rpt-checker"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "rpt-checker-private.h"
#include "rpt-mandate.h"
#include "rpt-markup.h"
#include "rpt-paragraph.h"
#include "rpt-person.h"
#include "rpt-signatory.h"

/*
 * The checks of the words themselves: empty paragraphs, two spaces in a
 * row, quotation marks and brackets that do not pair up, questions that
 * are neither questions nor requests, and a person named differently in
 * different places. Each paragraph is read once; footnotes are checked
 * as texts of their own.
 *
 * This runs a moment after every edit, over every paragraph: the text is
 * scanned byte by byte (what is looked for is ASCII or a few known UTF-8
 * sequences), and what a paragraph gave is kept (RptCheckRun.text_cache)
 * until its words, its place or the persons' names change, so that after
 * one edit only that paragraph is read again (bench/bench-check).
 */

/* Where a field stands for treaty status text: neither space nor letter
 * nor bracket. U+FFFC OBJECT REPLACEMENT CHARACTER. */
#define FIELD_MARK "\xEF\xBF\xBC"

typedef enum
{
  GENDER_UNKNOWN,
  GENDER_FEMALE,
  GENDER_MALE,
} Gender;

typedef struct
{
  char *word;   /* a part of a name, as written: "Khakimova" */
  glong length; /* in characters */
  gunichar *chars;
  char *person; /* the person's name as the letter gives it */
  Gender gender;
} NamePart;

typedef struct
{
  RptCheckRun *run;
  GPtrArray *parts;      /* NamePart, the long ones, compared with words */
  GHashTable *all_parts; /* every part of every name → NamePart */
  GHashTable *verdicts;  /* word → NamePart, or the table itself for "no match" */
  guint64 context;       /* what a paragraph's findings depend on besides its words */
} TextRun;

static void
name_part_free (NamePart *part)
{
  g_free (part->word);
  g_free (part->chars);
  g_free (part->person);
  g_free (part);
}

/* A 64-bit hash of @len bytes, eight at a time: whether a paragraph
 * changed since the last run, without keeping a copy of it. */
static guint64
hash_bytes (const char *data, gsize len, guint64 seed)
{
  const guint64 k = G_GUINT64_CONSTANT (0x9E3779B97F4A7C15);
  guint64 h = seed ^ (len * k);
  gsize i = 0;

  for (; i + 8 <= len; i += 8)
    {
      guint64 w;
      memcpy (&w, data + i, 8);
      h = (h ^ w) * k;
      h ^= h >> 29;
    }
  for (; i < len; i++)
    {
      h = (h ^ (guchar) data[i]) * k;
      h ^= h >> 29;
    }
  return h;
}

/* ------------------------------------------------------------------ */
/* Reading a paragraph                                                 */

typedef struct
{
  const char *main; /* the text outside footnotes, fields as FIELD_MARK */
  GString *owned;   /* what main points into, when it is not the markup */
  GPtrArray *notes; /* GString per footnote, or NULL */
  gboolean has_field;
} Texts;

static void
free_gstring (gpointer s)
{
  g_string_free (s, TRUE);
}

static void
texts_clear (Texts *t)
{
  if (t->owned != NULL)
    g_string_free (t->owned, TRUE);
  g_clear_pointer (&t->notes, g_ptr_array_unref);
}

static guint
texts_n_notes (const Texts *t)
{
  return t->notes != NULL ? t->notes->len : 0;
}

static const char *
texts_note (const Texts *t, guint i)
{
  return ((GString *) t->notes->pdata[i])->str;
}

static void
read_texts (const char *markup, Texts *t)
{
  g_autoptr (GPtrArray) runs = NULL;

  memset (t, 0, sizeof *t);
  t->main = markup;
  /* Most paragraphs have no formatting: the markup is the text. */
  if (strpbrk (markup, "<&") == NULL)
    return;
  runs = rpt_markup_parse (markup, NULL);
  if (runs == NULL)
    return;
  t->owned = g_string_sized_new (strlen (markup));
  for (guint i = 0; i < runs->len; i++)
    {
      const RptRun *run = runs->pdata[i];
      GString *out = t->owned;

      if (run->note > 0)
        {
          if (t->notes == NULL)
            t->notes = g_ptr_array_new_with_free_func (free_gstring);
          while (t->notes->len < run->note)
            g_ptr_array_add (t->notes, g_string_new (NULL));
          out = t->notes->pdata[run->note - 1];
        }
      if (run->kind == RPT_RUN_TREATY_STATUS)
        {
          g_string_append (out, FIELD_MARK);
          t->has_field = TRUE;
        }
      else
        g_string_append (out, run->text);
    }
  t->main = t->owned->str;
}

/* ------------------------------------------------------------------ */
/* Two spaces                                                          */

/* The markup with every run of spaces made one space, formatting and
 * footnotes kept: a space that follows a space is dropped, whichever
 * element each stands in. */
char *
_rpt_check_collapse_spaces (const char *markup)
{
  g_autoptr (GPtrArray) runs = rpt_markup_parse (markup, NULL);
  g_autoptr (GHashTable) after_space = g_hash_table_new (NULL, NULL); /* note + 1 */

  if (runs == NULL)
    return NULL;
  for (guint i = 0; i < runs->len; i++)
    {
      RptRun *run = runs->pdata[i];
      gpointer stream = GUINT_TO_POINTER (run->note + 1);
      gboolean space = g_hash_table_contains (after_space, stream);
      char *out, *w;

      if (run->kind != RPT_RUN_TEXT)
        {
          g_hash_table_remove (after_space, stream);
          continue;
        }
      out = w = g_malloc (strlen (run->text) + 1);
      for (const char *r = run->text; *r != '\0'; r++)
        {
          if (*r == ' ' && space)
            continue;
          space = *r == ' ';
          *w++ = *r;
        }
      *w = '\0';
      g_free (run->text);
      run->text = out;
      if (space)
        g_hash_table_add (after_space, stream);
      else
        g_hash_table_remove (after_space, stream);
    }
  return rpt_markup_from_runs (runs);
}

static char *
collapse_line (const char *text)
{
  GString *out = g_string_sized_new (strlen (text));

  for (const char *r = text; *r != '\0'; r++)
    if (!(*r == ' ' && r > text && r[-1] == ' '))
      g_string_append_c (out, *r);
  return g_string_free (out, FALSE);
}

/* The word before @at, for the user to find the place. */
static char *
word_before (const char *text, const char *at)
{
  const char *end = at;
  const char *start;

  while (end > text && end[-1] == ' ')
    end--;
  start = end;
  while (start > text && start[-1] != ' ' && start[-1] != '\n' && end - start < 40)
    start--;
  /* never half a character */
  while (start < end && ((guchar) *start & 0xC0) == 0x80)
    start++;
  return g_strndup (start, end - start);
}

/* How many places have two spaces or more in a row; the first. */
static guint
count_double_spaces (const char *text, const char **first)
{
  guint n = 0;

  for (const char *p = strstr (text, "  "); p != NULL; p = strstr (p, "  "))
    {
      if (*first == NULL)
        *first = p;
      n++;
      while (*p == ' ')
        p++;
    }
  return n;
}

static void
check_double_spaces (RptCheckRun *run,
                     RptPart part,
                     const char *item_id,
                     const char *field,
                     const char *label,
                     const Texts *texts,
                     const char *value,
                     gboolean markup)
{
  const char *first = NULL;
  const char *text = texts->main;
  guint n = count_double_spaces (texts->main, &first);
  g_autofree char *before = NULL;
  g_autofree char *message = NULL;
  g_autofree char *fixed = NULL;
  RptCheck *check;

  for (guint i = 0; i < texts_n_notes (texts); i++)
    {
      const char *in_note = NULL;
      n += count_double_spaces (texts_note (texts, i), &in_note);
      if (first == NULL && in_note != NULL)
        {
          first = in_note;
          text = texts_note (texts, i);
        }
    }
  if (n == 0)
    return;
  before = word_before (text, first);
  if (n == 1)
    message = before[0] == '\0'
                ? g_strdup_printf (_ ("%s: two spaces in a row, at the start."), label)
                : g_strdup_printf (_ ("%s: two spaces in a row, after “%s”."), label, before);
  else
    message = g_strdup_printf (
      g_dngettext (GETTEXT_PACKAGE, "%s: two spaces in a row in %u place, the first after “%s”.",
                   "%s: two spaces in a row in %u places, the first after “%s”.", n),
      label, n, before[0] != '\0' ? before : "…");
  check = _rpt_check_new ("double-space", message, part, item_id, field);
  fixed = markup ? _rpt_check_collapse_spaces (value) : collapse_line (value);
  if (fixed != NULL)
    _rpt_check_set_fix_text (check, _ ("Make them one space"), value, fixed);
  _rpt_check_run_add (run, check);
}

/* ------------------------------------------------------------------ */
/* Quotation marks and brackets                                        */

/* ")" after a label of one to three letters or digits at the start of a
 * word is an enumeration ("a)", "3)", "iv)"), not a closing bracket. */
static gboolean
is_enumeration (const char *text, const char *close)
{
  const char *p = close;
  guint n = 0;

  while (p > text && g_ascii_isalnum (p[-1]) && n < 4)
    {
      p--;
      n++;
    }
  return n >= 1 && n <= 3 && (p == text || p[-1] == ' ' || p[-1] == '\n' || p[-1] == '(');
}

#define LEFT_DOUBLE_QUOTE 0x201C  /* “ */
#define RIGHT_DOUBLE_QUOTE 0x201D /* ” */
#define LEFT_GUILLEMET 0x00AB     /* « */
#define RIGHT_GUILLEMET 0x00BB    /* » */

/* The mark at @p if it is one that pairs, else 0; @p moves past it. */
static gunichar
pairing_mark (const char **p)
{
  const guchar *b = (const guchar *) *p;

  switch (b[0])
    {
    case '(':
    case ')':
    case '[':
    case ']':
    case '"':
      (*p)++;
      return b[0];
    case 0xE2: /* “ ” are E2 80 9C, E2 80 9D */
      if (b[1] == 0x80 && (b[2] == 0x9C || b[2] == 0x9D))
        {
          *p += 3;
          return b[2] == 0x9C ? LEFT_DOUBLE_QUOTE : RIGHT_DOUBLE_QUOTE;
        }
      break;
    case 0xC2: /* « » are C2 AB, C2 BB */
      if (b[1] == 0xAB || b[1] == 0xBB)
        {
          *p += 2;
          return b[1] == 0xAB ? LEFT_GUILLEMET : RIGHT_GUILLEMET;
        }
      break;
    default:
      break;
    }
  (*p)++;
  return 0;
}

static void
report_pair (RptCheckRun *run,
             RptPart part,
             const char *item_id,
             const char *field,
             const char *label,
             gunichar mark,
             gboolean closing)
{
  gboolean quote = mark == LEFT_DOUBLE_QUOTE || mark == RIGHT_DOUBLE_QUOTE ||
                   mark == LEFT_GUILLEMET || mark == RIGHT_GUILLEMET;
  char utf8[8] = { 0 };
  g_autofree char *message = NULL;

  g_unichar_to_utf8 (mark, utf8);
  if (quote)
    message =
      closing
        ? g_strdup_printf (_ ("%s: the closing quotation mark %s has no opening one."), label, utf8)
        : g_strdup_printf (_ ("%s: the opening quotation mark %s is never closed."), label, utf8);
  else
    message = closing ? g_strdup_printf (_ ("%s: the closing bracket “%s” has no opening one."),
                                         label, utf8)
                      : g_strdup_printf (_ ("%s: the bracket “%s” is never closed."), label, utf8);
  _rpt_check_run_add (run, _rpt_check_new (quote ? "unbalanced-quotes" : "unbalanced-brackets",
                                           message, part, item_id, field));
}

/* One finding per text and kind (quotes, brackets) is enough to send
 * the drafter there. */
static void
check_pairs (RptCheckRun *run,
             RptPart part,
             const char *item_id,
             const char *field,
             const char *label,
             const char *text)
{
  gunichar stack[64];
  guint depth = 0, straight = 0;
  gboolean brackets_done = FALSE, quotes_done = FALSE;
  const char *p = text;

  while (*p != '\0')
    {
      const char *at = p;
      gunichar c = pairing_mark (&p);
      gunichar open = 0;
      gboolean quote;

      switch (c)
        {
        case 0:
          continue;
        case '(':
        case '[':
        case LEFT_DOUBLE_QUOTE:
        case LEFT_GUILLEMET:
          if (depth < G_N_ELEMENTS (stack))
            stack[depth++] = c;
          continue;
        case '"':
          straight++;
          continue;
        case ')':
          open = '(';
          break;
        case ']':
          open = '[';
          break;
        case RIGHT_DOUBLE_QUOTE:
          open = LEFT_DOUBLE_QUOTE;
          break;
        case RIGHT_GUILLEMET:
          open = LEFT_GUILLEMET;
          break;
        default:
          continue;
        }

      if (depth > 0 && stack[depth - 1] == open)
        {
          depth--;
          continue;
        }
      if (c == ')' && is_enumeration (text, at))
        continue;
      quote = c == RIGHT_DOUBLE_QUOTE || c == RIGHT_GUILLEMET;
      if (quote ? !quotes_done : !brackets_done)
        report_pair (run, part, item_id, field, label, c, TRUE);
      if (quote)
        quotes_done = TRUE;
      else
        brackets_done = TRUE;
      /* What was open is not paired by what follows either. */
      depth = 0;
    }

  for (guint i = 0; i < depth; i++)
    {
      gboolean quote = stack[i] == LEFT_DOUBLE_QUOTE || stack[i] == LEFT_GUILLEMET;

      if (quote ? quotes_done : brackets_done)
        continue;
      report_pair (run, part, item_id, field, label, stack[i], FALSE);
      if (quote)
        quotes_done = TRUE;
      else
        brackets_done = TRUE;
    }
  if (straight % 2 == 1 && !quotes_done)
    {
      g_autofree char *message = g_strdup_printf (
        _ ("%s: an odd number of straight quotation marks (\"): one is not closed."), label);
      _rpt_check_run_add (run, _rpt_check_new ("unbalanced-quotes", message, part, item_id, field));
    }
}

/* ------------------------------------------------------------------ */
/* Questions                                                           */

/* Words that make a sentence a request, wherever they stand. */
static const char *const request_markers[] = {
  "please",     "kindly",      "veuillez",     "merci de",      "prière de", "sírvase", "sírvanse",
  "le rogamos", "les rogamos", "tenga a bien", "tengan a bien", "favor de",  NULL,
};

/* Imperatives that open a request without "please". */
static const char *const request_verbs[] = {
  /* en */
  "provide",
  "indicate",
  "explain",
  "describe",
  "clarify",
  "give",
  "share",
  "specify",
  "inform",
  "detail",
  "outline",
  "elaborate",
  "list",
  "state",
  "confirm",
  "submit",
  "supply",
  "advise",
  "identify",
  "update",
  /* fr */
  "indiquer",
  "fournir",
  "expliquer",
  "préciser",
  "décrire",
  "donner",
  "communiquer",
  "indiquez",
  "fournissez",
  "expliquez",
  "précisez",
  "décrivez",
  "donnez",
  "communiquez",
  "informer",
  /* es */
  "proporcione",
  "proporcionen",
  "indique",
  "indiquen",
  "explique",
  "expliquen",
  "describa",
  "describan",
  "facilite",
  "faciliten",
  "aclare",
  "aclaren",
  "informe",
  "informen",
  "precise",
  "precisen",
  "detalle",
  "detallen",
  "proporcionar",
  "indicar",
  "explicar",
  NULL,
};

/* Words that open a question. */
static const char *const interrogatives[] = {
  /* en */
  "what",
  "which",
  "who",
  "whom",
  "whose",
  "when",
  "where",
  "why",
  "how",
  "whether",
  "is",
  "are",
  "was",
  "were",
  "do",
  "does",
  "did",
  "has",
  "have",
  "had",
  "can",
  "could",
  "will",
  "would",
  "should",
  "may",
  "might",
  "shall",
  /* fr */
  "quel",
  "quelle",
  "quels",
  "quelles",
  "quand",
  "comment",
  "pourquoi",
  "où",
  "combien",
  "qui",
  "que",
  "qu",
  "est-ce",
  "lequel",
  "laquelle",
  "lesquels",
  "lesquelles",
  /* es */
  "qué",
  "cuál",
  "cuáles",
  "cómo",
  "cuándo",
  "dónde",
  "quién",
  "quiénes",
  "cuánto",
  "cuántos",
  "cuánta",
  "cuántas",
  NULL,
};

/* "To what extent", "Dans quelle mesure", "En qué medida". */
static const char *const prepositions[] = {
  "to",  "in",   "on", "by", "under", "for", "at",  "from", "with", "dans", "sur",
  "par", "pour", "en", "de", "à",     "a",   "con", "por",  "bajo", NULL,
};

/* The words of @text in lower case, up to @max. */
static GPtrArray *
first_words (const char *text, guint max)
{
  GPtrArray *words = g_ptr_array_new_with_free_func (g_free);
  const char *p = text;

  while (*p != '\0' && words->len < max)
    {
      const char *start;

      while (*p != '\0' && !g_unichar_isalpha (g_utf8_get_char (p)))
        p = g_utf8_next_char (p);
      start = p;
      while (*p != '\0' &&
             (g_unichar_isalpha (g_utf8_get_char (p)) || (*p == '-' && g_ascii_isalpha (p[1]))))
        p = g_utf8_next_char (p);
      if (p > start)
        g_ptr_array_add (words, g_utf8_strdown (start, p - start));
    }
  return words;
}

static gboolean
is_request (const char *text)
{
  g_autofree char *lower = g_utf8_strdown (text, -1);
  g_autoptr (GPtrArray) words = first_words (text, 4);
  guint first = 0;

  for (guint i = 0; request_markers[i] != NULL; i++)
    {
      const char *at = strstr (lower, request_markers[i]);
      /* a word of its own: "please", not "displease" */
      if (at != NULL &&
          (at == lower || !g_unichar_isalpha (g_utf8_get_char (g_utf8_prev_char (at)))))
        return TRUE;
    }
  /* "Additionally, provide…", "Enfin, indiquer…" */
  if (words->len > 1 && strchr (text, ',') != NULL &&
      strchr (text, ',') - text < (gssize) strlen (words->pdata[0]) + 4)
    first = 1;
  return words->len > first && g_strv_contains (request_verbs, words->pdata[first]);
}

static gboolean
is_interrogative (const char *text)
{
  g_autoptr (GPtrArray) words = first_words (text, 2);

  if (words->len == 0)
    return FALSE;
  if (g_strv_contains (interrogatives, words->pdata[0]))
    return TRUE;
  return words->len > 1 && g_strv_contains (prepositions, words->pdata[0]) &&
         g_strv_contains (interrogatives, words->pdata[1]);
}

static gboolean
is_closing_mark (gunichar c)
{
  return c == 0x201D || c == 0x00BB || c == 0x2019 || c == '"' || c == '\'' || c == ')' ||
         c == ']' || c == ' ' || c == '\n' || c == 0x00A0 || c == 0x202F;
}

/* The last character that ends the sentence, past closing quotation
 * marks and brackets. */
static gunichar
final_mark (const char *text)
{
  const char *p = text + strlen (text);

  while (p > text)
    {
      gunichar c;

      p = g_utf8_prev_char (p);
      c = g_utf8_get_char (p);
      if (!is_closing_mark (c))
        return c;
    }
  return 0;
}

/* The markup with its last sentence ending in a question mark: a final
 * full stop, semicolon, colon or comma becomes "?", a final letter or
 * digit gets one; footnotes after it stay where they are. %NULL when
 * the end is not that plain (a closing quotation mark, a field). */
char *
_rpt_check_end_with_question_mark (const char *markup)
{
  g_autoptr (GPtrArray) runs = rpt_markup_parse (markup, NULL);

  if (runs == NULL)
    return NULL;
  for (guint i = runs->len; i-- > 0;)
    {
      RptRun *run = runs->pdata[i];
      gsize len;
      char last;

      if (run->note > 0)
        continue;
      if (run->kind != RPT_RUN_TEXT)
        return NULL;
      len = strlen (run->text);
      while (len > 0 && run->text[len - 1] == ' ')
        len--;
      if (len == 0)
        continue;
      last = run->text[len - 1];
      if (last == '.' || last == ';' || last == ':' || last == ',')
        run->text[len - 1] = '?';
      else if (g_unichar_isalnum (g_utf8_get_char (g_utf8_prev_char (run->text + len))))
        {
          g_autofree char *old = run->text;
          run->text = g_strdup_printf ("%.*s?%s", (int) len, old, old + len);
        }
      else
        return NULL;
      return rpt_markup_from_runs (runs);
    }
  return NULL;
}

static void
check_question (RptCheckRun *run,
                const char *item_id,
                const char *label,
                const char *text,
                const char *markup)
{
  g_autofree char *trimmed = g_strstrip (g_strdup (text));
  gboolean spanish = g_strcmp0 (run->language, "es") == 0;
  gunichar last;

  if (trimmed[0] == '\0')
    return; /* an empty paragraph, said once */
  last = final_mark (trimmed);
  if (last == '?' || is_request (trimmed))
    return;

  if (g_str_has_prefix (trimmed, "¿") || (!spanish && is_interrogative (trimmed)))
    {
      g_autofree char *message =
        g_strdup_printf (_ ("%s asks a question but does not end with a question mark."), label);
      g_autofree char *fixed = _rpt_check_end_with_question_mark (markup);
      RptCheck *check =
        _rpt_check_new ("question-not-question", message, RPT_PART_QUESTIONS, item_id, "text");

      if (fixed != NULL)
        _rpt_check_set_fix_text (check, _ ("End it with a question mark"), markup, fixed);
      _rpt_check_run_add (run, check);
      return;
    }
  {
    g_autofree char *message = g_strdup_printf (
      _ ("%s is neither a question nor a request: questions end with a question mark or ask "
         "for something (“Please provide…”)."),
      label);
    _rpt_check_run_add (
      run, _rpt_check_new ("question-not-question", message, RPT_PART_QUESTIONS, item_id, "text"));
  }
}

/* ------------------------------------------------------------------ */
/* Names                                                               */

static Gender
gender_of_honorific (const char *word, gsize len)
{
  static const char *const female[] = { "Ms", "Mrs", "Miss", "Mme", "Mlle", "Sra", "Srta", NULL };
  static const char *const male[] = { "Mr", "M", "Sr", NULL };

  for (guint i = 0; female[i] != NULL; i++)
    if (strlen (female[i]) == len && strncmp (female[i], word, len) == 0)
      return GENDER_FEMALE;
  for (guint i = 0; male[i] != NULL; i++)
    if (strlen (male[i]) == len && strncmp (male[i], word, len) == 0)
      return GENDER_MALE;
  return GENDER_UNKNOWN;
}

static Gender
person_gender (RptPerson *person)
{
  const char *honorific = rpt_person_get_honorific (person);

  if (honorific != NULL)
    {
      Gender g = gender_of_honorific (honorific, strcspn (honorific, "."));
      if (g != GENDER_UNKNOWN)
        return g;
    }
  switch (rpt_person_get_gender (person))
    {
    case RPT_GENDER_FEMALE:
      return GENDER_FEMALE;
    case RPT_GENDER_MALE:
      return GENDER_MALE;
    default:
      return GENDER_UNKNOWN;
    }
}

static char *
person_display (RptPerson *person)
{
  if (rpt_person_get_honorific (person) != NULL)
    return g_strdup_printf ("%s %s", rpt_person_get_honorific (person),
                            rpt_person_get_name (person));
  return g_strdup (rpt_person_get_name (person));
}

/* The parts of the persons' names; the context of the findings on
 * names, so that cached findings are dropped when a name changes. */
static void
collect_names (TextRun *t)
{
  RptLetter *letter = t->run->letter;

  for (guint i = 0; i < rpt_letter_get_n_items (letter, RPT_PART_PERSONS); i++)
    {
      RptPerson *person = rpt_letter_get_item (letter, RPT_PART_PERSONS, i);
      const char *name = rpt_person_get_name (person);
      g_autofree char *display = NULL;
      g_auto (GStrv) words = NULL;

      if (name == NULL)
        continue;
      display = person_display (person);
      t->context = hash_bytes (display, strlen (display), t->context + person_gender (person));
      words = g_strsplit_set (name, " -\u00A0", -1);
      for (guint w = 0; words[w] != NULL; w++)
        {
          NamePart *part;
          glong length = g_utf8_strlen (words[w], -1);

          if (length < 2 || !g_unichar_isupper (g_utf8_get_char (words[w])) ||
              g_hash_table_contains (t->all_parts, words[w]))
            continue;
          part = g_new0 (NamePart, 1);
          part->word = g_strdup (words[w]);
          part->length = length;
          part->chars = g_utf8_to_ucs4_fast (words[w], -1, NULL);
          part->person = g_strdup (display);
          part->gender = person_gender (person);
          g_hash_table_insert (t->all_parts, part->word, part);
          /* Short parts ("Ali", "Khan") are too near too many words. */
          if (length >= 5)
            g_ptr_array_add (t->parts, part);
        }
    }
}

/* Whether @a and @b differ by one character added, removed, replaced, or
 * two neighbours swapped. */
static gboolean
one_edit_apart (const gunichar *a, glong la, const gunichar *b, glong lb)
{
  glong i = 0;

  if (la > lb)
    return one_edit_apart (b, lb, a, la);
  if (lb - la > 1)
    return FALSE;
  while (i < la && a[i] == b[i])
    i++;
  if (la == lb)
    {
      if (i == la)
        return FALSE; /* equal */
      if (i + 1 < la && a[i] == b[i + 1] && a[i + 1] == b[i] &&
          memcmp (a + i + 2, b + i + 2, (la - i - 2) * sizeof (gunichar)) == 0)
        return TRUE;
      return memcmp (a + i + 1, b + i + 1, (la - i - 1) * sizeof (gunichar)) == 0;
    }
  return memcmp (a + i, b + i + 1, (la - i) * sizeof (gunichar)) == 0;
}

/* The name part @word may be a misspelling of, or %NULL. Each word is
 * weighed once per run. */
static NamePart *
near_name (TextRun *t, const char *word, gsize len)
{
  g_autofree char *key = g_strndup (word, len);
  g_autofree gunichar *chars = NULL;
  gpointer verdict;
  glong length;

  if (g_hash_table_lookup_extended (t->verdicts, key, NULL, &verdict))
    return verdict == t->verdicts ? NULL : verdict;
  verdict = t->verdicts;
  if (!g_hash_table_contains (t->all_parts, key))
    {
      chars = g_utf8_to_ucs4_fast (key, -1, &length);
      for (guint i = 0; i < t->parts->len; i++)
        {
          NamePart *part = t->parts->pdata[i];
          if (part->chars[0] == chars[0] && ABS (part->length - length) <= 1 &&
              one_edit_apart (part->chars, part->length, chars, length))
            {
              verdict = part;
              break;
            }
        }
    }
  g_hash_table_insert (t->verdicts, g_steal_pointer (&key), verdict);
  return verdict == t->verdicts ? NULL : verdict;
}

static void
report_name (TextRun *t,
             RptPart part,
             const char *item_id,
             const char *field,
             const char *label,
             const char *written,
             gsize written_len,
             const char *person,
             GHashTable **reported)
{
  g_autofree char *words = g_strndup (written, written_len);
  g_autofree char *message = NULL;

  if (*reported == NULL)
    *reported = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  if (g_hash_table_contains (*reported, words))
    return;
  message = g_strdup_printf (_ ("%s writes “%s”, but the person concerned is %s: check the name."),
                             label, words, person);
  g_hash_table_add (*reported, g_steal_pointer (&words));
  _rpt_check_run_add (t->run,
                      _rpt_check_new ("person-name-inconsistent", message, part, item_id, field));
}

/* Reads a word at @p: letters, ASCII read fast. Returns its end, and
 * whether it starts with a capital. */
static const char *
read_word (const char *p, gboolean *capital)
{
  const char *start = p;

  *capital = FALSE;
  while (*p != '\0')
    {
      if ((guchar) *p < 0x80)
        {
          if (!g_ascii_isalpha (*p))
            break;
          if (p == start)
            *capital = g_ascii_isupper (*p);
          p++;
        }
      else
        {
          gunichar c = g_utf8_get_char (p);
          if (!g_unichar_isalpha (c))
            break;
          if (p == start)
            *capital = g_unichar_isupper (c);
          p = g_utf8_next_char (p);
        }
    }
  return p;
}

/* A name part misspelt ("Khakimowa" for Khakimova), or a person's name
 * after an honorific of the other gender ("Mr. Khakimova"). */
static void
check_names (TextRun *t,
             RptPart part,
             const char *item_id,
             const char *field,
             const char *label,
             const char *text)
{
  g_autoptr (GHashTable) reported = NULL;
  const char *p = text;
  const char *previous = NULL;
  gsize previous_len = 0;

  while (*p != '\0')
    {
      const char *start = p;
      gboolean capital;
      gsize len;

      p = read_word (p, &capital);
      if (p == start)
        {
          p = g_utf8_next_char (p);
          continue;
        }
      len = p - start;
      if (capital)
        {
          NamePart *near = len >= 4 ? near_name (t, start, len) : NULL;
          Gender said = previous != NULL && previous_len <= 4
                          ? gender_of_honorific (previous, previous_len)
                          : GENDER_UNKNOWN;

          if (near != NULL)
            report_name (t, part, item_id, field, label, start, len, near->person, &reported);
          else if (said != GENDER_UNKNOWN)
            {
              g_autofree char *word = g_strndup (start, len);
              NamePart *exact = g_hash_table_lookup (t->all_parts, word);

              if (exact != NULL && exact->gender != GENDER_UNKNOWN && exact->gender != said)
                report_name (t, part, item_id, field, label, previous, p - previous, exact->person,
                             &reported);
            }
        }
      previous = start;
      previous_len = len;
    }
}

/* ------------------------------------------------------------------ */
/* Fields                                                              */

typedef enum
{
  TEXT_PARAGRAPH = 1 << 0, /* may be empty; a paragraph of a part */
  TEXT_QUESTION = 1 << 1,
} TextFlags;

static void
check_markup (TextRun *t,
              RptPart part,
              const char *item_id,
              const char *field,
              const char *label,
              const char *markup,
              TextFlags flags)
{
  RptCheckRun *run = t->run;
  gboolean has_names = g_hash_table_size (t->all_parts) > 0;
  Texts texts;

  read_texts (markup, &texts);
  if ((flags & TEXT_PARAGRAPH) && texts_n_notes (&texts) == 0 && !texts.has_field)
    {
      const char *c = texts.main;

      while (g_ascii_isspace (*c))
        c++;
      if (*c == '\0')
        {
          g_autofree char *message = g_strdup_printf (_ ("%s is empty."), label);
          RptCheck *check = _rpt_check_new ("paragraph-empty", message, part, item_id, field);

          _rpt_check_set_fix_remove (check, _ ("Remove the empty paragraph"), markup);
          _rpt_check_run_add (run, check);
          texts_clear (&texts);
          return;
        }
    }

  check_double_spaces (run, part, item_id, field, label, &texts, markup, TRUE);
  check_pairs (run, part, item_id, field, label, texts.main);
  for (guint i = 0; i < texts_n_notes (&texts); i++)
    {
      /* Translators: where something is: "Fact 3, footnote 1" */
      g_autofree char *note_label = g_strdup_printf (_ ("%s, footnote %u"), label, i + 1);
      check_pairs (run, part, item_id, field, note_label, texts_note (&texts, i));
    }
  if (flags & TEXT_QUESTION)
    check_question (run, item_id, label, texts.main, markup);
  if (has_names)
    {
      check_names (t, part, item_id, field, label, texts.main);
      for (guint i = 0; i < texts_n_notes (&texts); i++)
        check_names (t, part, item_id, field, label, texts_note (&texts, i));
    }
  texts_clear (&texts);
}

static void
check_line (RptCheckRun *run,
            RptPart part,
            const char *item_id,
            const char *field,
            const char *label,
            const char *value)
{
  Texts texts = { value };

  if (value != NULL)
    check_double_spaces (run, part, item_id, field, label, &texts, value, FALSE);
}

/* What a paragraph gave last time, valid while its words, its part and
 * place, the language and the persons' names are the same. */
typedef struct
{
  guint64 hash;
  gsize length;
  RptPart part;
  guint position;
  guint64 context;
  GPtrArray *checks;
} Cached;

static void
cached_free (Cached *cached)
{
  g_ptr_array_unref (cached->checks);
  g_free (cached);
}

/**
 * _rpt_check_text_cache_new:
 *
 * Returns: (transfer full): an empty cache for RptCheckRun.text_cache
 */
GHashTable *
_rpt_check_text_cache_new (void)
{
  return g_hash_table_new_full (g_str_hash, g_str_equal, g_free, (GDestroyNotify) cached_free);
}

static void
check_paragraph (TextRun *t, GHashTable *old, GHashTable *fresh, RptPart part, guint position)
{
  RptCheckRun *run = t->run;
  RptParagraph *paragraph = rpt_letter_get_item (run->letter, part, position);
  const char *id = rpt_paragraph_get_id (paragraph);
  const char *text = rpt_paragraph_get_text (paragraph);
  gsize length = strlen (text);
  guint64 hash = hash_bytes (text, length, 0);
  Cached *cached = old != NULL ? g_hash_table_lookup (old, id) : NULL;
  g_autofree char *label = NULL;
  guint before;

  if (cached != NULL && cached->hash == hash && cached->length == length && cached->part == part &&
      cached->position == position && cached->context == t->context)
    {
      for (guint i = 0; i < cached->checks->len; i++)
        _rpt_check_run_add (run, g_object_ref (cached->checks->pdata[i]));
      if (fresh != NULL)
        {
          gpointer key = NULL;

          g_hash_table_steal_extended (old, id, &key, NULL);
          g_hash_table_insert (fresh, key, cached);
        }
      return;
    }

  before = run->checks->len;
  label = _rpt_check_describe_item (part, position);
  check_markup (t, part, id, "text", label, text,
                TEXT_PARAGRAPH | (part == RPT_PART_QUESTIONS ? TEXT_QUESTION : 0));
  if (fresh != NULL)
    {
      cached = g_new0 (Cached, 1);
      cached->hash = hash;
      cached->length = length;
      cached->part = part;
      cached->position = position;
      cached->context = t->context;
      cached->checks = g_ptr_array_new_with_free_func (g_object_unref);
      for (guint i = before; i < run->checks->len; i++)
        g_ptr_array_add (cached->checks, g_object_ref (run->checks->pdata[i]));
      g_hash_table_insert (fresh, g_strdup (id), cached);
    }
}

/**
 * _rpt_check_text:
 *
 * The checks of the words of every text of the letter. With
 * @run->text_cache, paragraphs unchanged since the run that filled it are
 * not read again, and the cache is replaced by this run's.
 */
void
_rpt_check_text (RptCheckRun *run)
{
  static const RptPart paragraphs[] = { RPT_PART_PROFILE, RPT_PART_FACTS, RPT_PART_CONCERNS,
                                        RPT_PART_QUESTIONS, RPT_PART_ANNEX };
  RptLetter *letter = run->letter;
  TextRun t = { run };
  GHashTable *old = run->text_cache;
  GHashTable *fresh = old != NULL ? _rpt_check_text_cache_new () : NULL;

  t.parts = g_ptr_array_new ();
  t.all_parts =
    g_hash_table_new_full (g_str_hash, g_str_equal, NULL, (GDestroyNotify) name_part_free);
  t.verdicts = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  t.context = hash_bytes (run->language, strlen (run->language), 1);
  collect_names (&t);

  check_line (run, RPT_N_PARTS, NULL, "addressee-name", _ ("The addressee’s name"),
              rpt_letter_get_addressee_name (letter));
  check_line (run, RPT_N_PARTS, NULL, "salutation", _ ("The salutation"),
              rpt_letter_get_salutation (letter));
  for (guint i = 0; i < rpt_letter_get_n_items (letter, RPT_PART_MANDATES); i++)
    {
      RptMandate *m = rpt_letter_get_item (letter, RPT_PART_MANDATES, i);
      g_autofree char *label = _rpt_check_describe_item (RPT_PART_MANDATES, i);
      check_line (run, RPT_PART_MANDATES, rpt_mandate_get_id (m), "title", label,
                  rpt_mandate_get_title (m));
    }
  for (guint i = 0; i < rpt_letter_get_n_items (letter, RPT_PART_SIGNATORIES); i++)
    {
      RptSignatory *s = rpt_letter_get_item (letter, RPT_PART_SIGNATORIES, i);
      g_autofree char *label = _rpt_check_describe_item (RPT_PART_SIGNATORIES, i);
      check_line (run, RPT_PART_SIGNATORIES, rpt_signatory_get_id (s), "name", label,
                  rpt_signatory_get_name (s));
      check_line (run, RPT_PART_SIGNATORIES, rpt_signatory_get_id (s), "title", label,
                  rpt_signatory_get_title (s));
    }
  check_markup (&t, RPT_N_PARTS, NULL, "summary", _ ("The summary"),
                rpt_letter_get_summary (letter), 0);
  for (guint i = 0; i < rpt_letter_get_n_items (letter, RPT_PART_PERSONS); i++)
    {
      RptPerson *p = rpt_letter_get_item (letter, RPT_PART_PERSONS, i);
      g_autofree char *label = _rpt_check_describe_item (RPT_PART_PERSONS, i);
      check_line (run, RPT_PART_PERSONS, rpt_person_get_id (p), "name", label,
                  rpt_person_get_name (p));
      check_line (run, RPT_PART_PERSONS, rpt_person_get_id (p), "occupation", label,
                  rpt_person_get_occupation (p));
    }
  check_markup (&t, RPT_N_PARTS, NULL, "communications-about",
                _ ("The words on previous communications"),
                rpt_letter_get_communications_about (letter), 0);

  for (guint p = 0; p < G_N_ELEMENTS (paragraphs); p++)
    for (guint i = 0; i < rpt_letter_get_n_items (letter, paragraphs[p]); i++)
      check_paragraph (&t, old, fresh, paragraphs[p], i);

  if (fresh != NULL)
    {
      g_hash_table_unref (old);
      run->text_cache = fresh;
    }
  g_ptr_array_unref (t.parts);
  g_hash_table_unref (t.all_parts);
  g_hash_table_unref (t.verdicts);
}
