/* newsingest.dates._tense: the tense of a date's clause (dates/__init__.py), in C, for speed.
 *
 * _tense_python and _clause_tense in dates/__init__.py are the specification; this module returns
 * the tense they return for every span of every str, and the hypothesis properties in
 * tests/test_tense_native.py hold the two together.
 *
 *     configure(future_words, tense_words, endings_by_tense, simple_present_endings, quotes,
 *               not_verbs, scheduling_words)
 *         once, at import of dates/__init__.py: its word sets, ending tuples and quotes.
 *     tense(text, start, end) -> str
 *
 * Python's operations become loops over the str's code points:
 *     rfind / _CLAUSE_END.search   the marks । ? ! \n, and , ; within a sentence
 *     str.split()                  runs of non-Py_UNICODE_ISSPACE code points
 *     str.strip(_QUOTES)           the quote code points, off both ends of a word
 *     _VERB_ENDING.fullmatch       the longest ending the word ends with; at equal length the
 *                                  first in configure's order (.*? tries the longest first)
 * No per-field cache as _tense_python keeps: a clause is read here in ~3,000 instructions, and
 * a dict keyed by (start, end) saved 3-19% of the reads but cost more than it saved (measured
 * with callgrind on the bench, dev and held-out articles: 10,000-46,000 more per article). */
#define PY_SSIZE_T_CLEAN
#include <Python.h>
#include <stddef.h>
#include <stdint.h>

/* A string of the configuration, as code points, and what it stands for. */
typedef struct {
    Py_UCS4 *chars;
    Py_ssize_t length;
    uint64_t hash;   /* words only */
    int future;      /* words only: in future_words */
    int not_verb;    /* words only: in not_verbs (a date, a unit, a postposition) */
    int scheduling;  /* words only: in scheduling_words (ধার্য: a day set, to come) */
    PyObject *tense; /* tense_words' value, or the tense of an ending; NULL for none */
} Entry;

typedef struct {
    Entry *words;         /* future_words and tense_words, one entry per distinct word */
    Py_ssize_t word_count;
    Py_ssize_t *slots;    /* open addressing over words: index + 1, 0 for empty */
    size_t slot_mask;
    Entry *endings;       /* in configure's order: future, past, progressive, present */
    Py_ssize_t ending_count;
    /* The endings by their last code point c, bucket c & 63, each bucket in configure's order:
     * a word is compared only with the few endings that may end as it does. */
    Py_ssize_t *ending_order;
    Py_ssize_t bucket_start[65];
    Entry *simple_present;
    Py_ssize_t simple_present_count;
    Py_UCS4 *quotes;
    Py_ssize_t quote_count;
    uint64_t quote_bits;  /* bit (q & 63) for every quote q: most characters are not one */
    int configured;
    PyObject *future;     /* "future": a future word anywhere in the clause */
    PyObject *present;    /* "present": a last word in the simple present */
    PyObject *none;       /* "none": no verb in the clause or its sentence */
    PyObject *past;       /* "past": the present perfect, with no scheduling word */
    PyObject *perfect;    /* "perfect": the tense configure gives the present perfect's endings */
} State;

static State *
get_state(PyObject *module)
{
    return (State *)PyModule_GetState(module);
}

/* ---- reading the text ------------------------------------------------------------- */

typedef struct {
    int kind;
    const void *data;
} Text;

#define AT(t, i) PyUnicode_READ((t)->kind, (t)->data, (i))

/* _CLAUSE_END: where a sentence ends. */
static inline int
is_clause_end(Py_UCS4 c)
{
    return c == 0x0964 || c == '?' || c == '!' || c == '\n';
}

/* _CLAUSE_BREAK: where a clause ends inside a sentence. */
static inline int
is_clause_break(Py_UCS4 c)
{
    return c == ',' || c == ';';
}

/* What str.split() splits at. The Bengali block holds no whitespace: most characters of a
 * Bengali clause skip the call _PyUnicode_IsWhitespace is for other non-ASCII ones. */
static inline int
is_space(Py_UCS4 c)
{
    return (c >= 0x0980 && c <= 0x09FF) ? 0 : Py_UNICODE_ISSPACE(c);
}

static inline int
is_quote(const State *st, Py_UCS4 c)
{
    if (!((st->quote_bits >> (c & 63)) & 1))
        return 0;
    for (Py_ssize_t i = 0; i < st->quote_count; i++)
        if (st->quotes[i] == c)
            return 1;
    return 0;
}

/* FNV-1a over code points; words and configured words hash alike. */
#define HASH_START 0xCBF29CE484222325ull
#define HASH_STEP(h, c) (((h) ^ (uint64_t)(c)) * 0x100000001B3ull)

static uint64_t
hash_span(const Text *t, Py_ssize_t start, Py_ssize_t end)
{
    uint64_t h = HASH_START;
    for (Py_ssize_t i = start; i < end; i++)
        h = HASH_STEP(h, AT(t, i));
    return h;
}

/* text[start:end] == entry, compared from the end (endings are matched at a word's end). */
static inline int
same_chars(const Text *t, Py_ssize_t start, Py_ssize_t end, const Entry *entry)
{
    if (end - start != entry->length)
        return 0;
    for (Py_ssize_t i = entry->length - 1; i >= 0; i--)
        if (AT(t, start + i) != entry->chars[i])
            return 0;
    return 1;
}

/* The entry of future_words / tense_words that is text[start:end], or NULL. */
static const Entry *
find_word(const State *st, const Text *t, Py_ssize_t start, Py_ssize_t end)
{
    uint64_t h = hash_span(t, start, end);
    for (size_t slot = (size_t)h & st->slot_mask;; slot = (slot + 1) & st->slot_mask) {
        Py_ssize_t index = st->slots[slot];
        if (index == 0)
            return NULL;
        const Entry *entry = &st->words[index - 1];
        if (entry->hash == h && same_chars(t, start, end, entry))
            return entry;
    }
}

/* The verb ending text[start:end] (a word of at least one code point) ends with: the longest,
 * and the first in configure's order among those; NULL if none. */
static const Entry *
longest_ending(const State *st, const Text *t, Py_ssize_t start, Py_ssize_t end)
{
    const Entry *best = NULL;
    Py_UCS4 bucket = AT(t, end - 1) & 63;
    for (Py_ssize_t i = st->bucket_start[bucket]; i < st->bucket_start[bucket + 1]; i++) {
        const Entry *e = &st->endings[st->ending_order[i]];
        if (e->length <= end - start && (best == NULL || e->length > best->length)
            && same_chars(t, end - e->length, end, e))
            best = e;
    }
    return best;
}

/* text[start:end] ends with one of the simple present's endings. */
static int
in_simple_present(const State *st, const Text *t, Py_ssize_t start, Py_ssize_t end)
{
    for (Py_ssize_t i = 0; i < st->simple_present_count; i++) {
        const Entry *e = &st->simple_present[i];
        if (e->length <= end - start && same_chars(t, end - e->length, end, e))
            return 1;
    }
    return 0;
}

/* ---- the rules ---------------------------------------------------------------------- */

/* _clause_tense(text[start:end]): a borrowed tense, or NULL when the clause has no verb. */
static PyObject *
clause_tense(const State *st, const Text *t, Py_ssize_t start, Py_ssize_t end)
{
    PyObject *verdict = NULL; /* of the last word that has one */
    int scheduling = 0;       /* a scheduling word anywhere in the clause */
    Py_ssize_t last_start = -1, last_end = -1;
    Py_ssize_t i = start;
    for (;;) {
        while (i < end && is_space(AT(t, i)))
            i++;
        if (i >= end)
            break;
        Py_ssize_t word_start = i;
        while (i < end && !is_space(AT(t, i)))
            i++;
        Py_ssize_t word_end = i;
        while (word_start < word_end && is_quote(st, AT(t, word_start)))
            word_start++;
        while (word_end > word_start && is_quote(st, AT(t, word_end - 1)))
            word_end--;

        const Entry *word = find_word(st, t, word_start, word_end);
        if (word != NULL && word->future)
            return st->future; /* a future word anywhere decides */
        if ((word != NULL && word->not_verb) || (word_end > word_start && Py_UNICODE_ISDECIMAL(AT(t, word_start))))
            continue; /* বিকেলে, রমজান, ৪টে: never the verb, nor the last word */
        last_start = word_start;
        last_end = word_end;
        scheduling |= word != NULL && word->scheduling;
        if (word != NULL && word->tense != NULL) {
            verdict = word->tense;
            continue;
        }
        const Entry *ending = word_end > word_start ? longest_ending(st, t, word_start, word_end) : NULL;
        if (ending != NULL)
            verdict = ending->tense;
    }
    if (verdict != NULL && PyUnicode_Compare(verdict, st->perfect) == 0)
        return scheduling ? st->future : st->past; /* দিন ধার্য করা হয়েছে: a day still to come */
    if (verdict != NULL)
        return verdict;
    if (last_start >= 0 && in_simple_present(st, t, last_start, last_end))
        return st->present;
    return NULL;
}

/* The arguments (text, start, end) of tense and clause_ends: 0 <= start <= end <= len(text).
 * Fills t, *start, *end and *length; -1 with an exception set when they are not that. */
static int
read_span(const char *name, PyObject *const *args, Py_ssize_t nargs, Text *t, Py_ssize_t *start,
          Py_ssize_t *end, Py_ssize_t *length)
{
    if (nargs != 3 || !PyUnicode_Check(args[0])) {
        PyErr_Format(PyExc_TypeError, "%s(text: str, start: int, end: int)", name);
        return -1;
    }
    PyObject *text = args[0];
    *start = PyNumber_AsSsize_t(args[1], PyExc_OverflowError);
    if (*start == -1 && PyErr_Occurred())
        return -1;
    *end = PyNumber_AsSsize_t(args[2], PyExc_OverflowError);
    if (*end == -1 && PyErr_Occurred())
        return -1;
#if PY_VERSION_HEX < 0x030C0000
    if (PyUnicode_READY(text) < 0)
        return -1;
#endif
    *length = PyUnicode_GET_LENGTH(text);
    if (*start < 0 || *start > *end || *end > *length) {
        PyErr_Format(PyExc_ValueError, "span (%zd, %zd) is not within a text of length %zd", *start, *end,
                     *length);
        return -1;
    }
    t->kind = PyUnicode_KIND(text);
    t->data = PyUnicode_DATA(text);
    return 0;
}

PyDoc_STRVAR(tense_doc,
             "tense(text, start, end, /)\n--\n\n"
             "The tense of the clause holding text[start:end], as dates._tense_python gives it.\n"
             "0 <= start <= end <= len(text).");

static PyObject *
tense(PyObject *module, PyObject *const *args, Py_ssize_t nargs)
{
    State *st = get_state(module);
    if (!st->configured) {
        PyErr_SetString(PyExc_RuntimeError, "newsingest.dates._tense.configure() was not called");
        return NULL;
    }
    Text t;
    Py_ssize_t start, end, length;
    if (read_span("tense", args, nargs, &t, &start, &end, &length) < 0)
        return NULL;

    /* The sentence: back from start and on from end to a clause end. The nearest , or ; on
     * either side inside it bounds the clause (-1: none on that side). */
    Py_ssize_t sentence_start = start, clause_start = -1;
    while (sentence_start > 0) {
        Py_UCS4 c = AT(&t, sentence_start - 1);
        if (is_clause_end(c))
            break;
        if (clause_start < 0 && is_clause_break(c))
            clause_start = sentence_start; /* just after the mark */
        sentence_start--;
    }
    Py_ssize_t sentence_end = end, clause_end = -1;
    while (sentence_end < length) {
        Py_UCS4 c = AT(&t, sentence_end);
        if (is_clause_end(c))
            break;
        if (clause_end < 0 && is_clause_break(c))
            clause_end = sentence_end;
        sentence_end++;
    }
    if (clause_start >= 0 || clause_end >= 0) {
        PyObject *verdict = clause_tense(st, &t, clause_start >= 0 ? clause_start : sentence_start,
                                         clause_end >= 0 ? clause_end : sentence_end);
        if (verdict != NULL)
            return Py_NewRef(verdict);
    }
    PyObject *verdict = clause_tense(st, &t, sentence_start, sentence_end);
    return Py_NewRef(verdict != NULL ? verdict : st->none);
}

PyDoc_STRVAR(clause_ends_doc,
             "clause_ends(text, start, end, /)\n--\n\n"
             "How many of \u0964 ? ! and newline text[start:end] holds, in one pass (as\n"
             "dates._count_clause_ends gives it in four). 0 <= start <= end <= len(text).");

static PyObject *
clause_ends(PyObject *module, PyObject *const *args, Py_ssize_t nargs)
{
    Text t;
    Py_ssize_t start, end, length;
    if (read_span("clause_ends", args, nargs, &t, &start, &end, &length) < 0)
        return NULL;
    Py_ssize_t count = 0;
    for (Py_ssize_t i = start; i < end; i++)
        count += is_clause_end(AT(&t, i));
    return PyLong_FromSsize_t(count);
}

/* ---- configuration ------------------------------------------------------------------ */

static void
free_entries(Entry *entries, Py_ssize_t count)
{
    if (entries == NULL)
        return;
    for (Py_ssize_t i = 0; i < count; i++) {
        PyMem_Free(entries[i].chars);
        Py_XDECREF(entries[i].tense);
    }
    PyMem_Free(entries);
}

static void
clear_configuration(State *st)
{
    free_entries(st->words, st->word_count);
    free_entries(st->endings, st->ending_count);
    free_entries(st->simple_present, st->simple_present_count);
    PyMem_Free(st->slots);
    PyMem_Free(st->ending_order);
    PyMem_Free(st->quotes);
    st->words = st->endings = st->simple_present = NULL;
    st->word_count = st->ending_count = st->simple_present_count = st->quote_count = 0;
    st->slots = NULL;
    st->ending_order = NULL;
    st->quotes = NULL;
    st->slot_mask = 0;
    st->quote_bits = 0;
    st->configured = 0;
}

/* Fill `entry` with the code points of `string` (a str) and a new reference to `tense`. */
static int
fill_entry(Entry *entry, PyObject *string, PyObject *tense)
{
    if (!PyUnicode_Check(string)) {
        PyErr_Format(PyExc_TypeError, "expected str, got %.200s", Py_TYPE(string)->tp_name);
        return -1;
    }
    entry->chars = PyUnicode_AsUCS4Copy(string);
    if (entry->chars == NULL)
        return -1;
    entry->length = PyUnicode_GET_LENGTH(string);
    Text t = {PyUnicode_KIND(string), PyUnicode_DATA(string)};
    entry->hash = hash_span(&t, 0, entry->length);
    entry->future = 0;
    entry->not_verb = 0;
    entry->scheduling = 0;
    entry->tense = Py_XNewRef(tense);
    return 0;
}

/* Entries for the strings of `sequence`, each standing for `tense`; appended to *entries. */
static int
append_entries(Entry **entries, Py_ssize_t *count, PyObject *sequence, PyObject *tense)
{
    PyObject *items = PySequence_Fast(sequence, "expected a sequence of str");
    if (items == NULL)
        return -1;
    Py_ssize_t n = PySequence_Fast_GET_SIZE(items);
    Entry *grown = PyMem_Realloc(*entries, (size_t)(*count + n + 1) * sizeof(Entry));
    if (grown == NULL) {
        Py_DECREF(items);
        PyErr_NoMemory();
        return -1;
    }
    *entries = grown;
    for (Py_ssize_t i = 0; i < n; i++) {
        if (fill_entry(&grown[*count], PySequence_Fast_GET_ITEM(items, i), tense) < 0) {
            Py_DECREF(items);
            return -1;
        }
        (*count)++;
    }
    Py_DECREF(items);
    return 0;
}

/* The word entry equal to `word`, added if new. */
static Entry *
word_entry(State *st, PyObject *word)
{
    Entry probe;
    if (fill_entry(&probe, word, NULL) < 0)
        return NULL;
    for (Py_ssize_t i = 0; i < st->word_count; i++) {
        Entry *e = &st->words[i];
        if (e->length == probe.length && memcmp(e->chars, probe.chars, (size_t)probe.length * sizeof(Py_UCS4)) == 0) {
            PyMem_Free(probe.chars);
            return e;
        }
    }
    Entry *grown = PyMem_Realloc(st->words, (size_t)(st->word_count + 1) * sizeof(Entry));
    if (grown == NULL) {
        PyMem_Free(probe.chars);
        PyErr_NoMemory();
        return NULL;
    }
    st->words = grown;
    grown[st->word_count] = probe;
    return &grown[st->word_count++];
}

static int
build_word_table(State *st)
{
    size_t size = 8;
    while (size < (size_t)st->word_count * 2)
        size *= 2;
    st->slots = PyMem_Calloc(size, sizeof(Py_ssize_t));
    if (st->slots == NULL) {
        PyErr_NoMemory();
        return -1;
    }
    st->slot_mask = size - 1;
    for (Py_ssize_t i = 0; i < st->word_count; i++) {
        size_t slot = (size_t)st->words[i].hash & st->slot_mask;
        while (st->slots[slot] != 0)
            slot = (slot + 1) & st->slot_mask;
        st->slots[slot] = i + 1;
    }
    return 0;
}

/* ending_order and bucket_start: a counting sort of the endings by last code point & 63,
 * stable, so each bucket keeps configure's order. */
static int
sort_endings(State *st)
{
    Py_ssize_t counts[64] = {0};
    for (Py_ssize_t i = 0; i < st->ending_count; i++) {
        const Entry *e = &st->endings[i];
        if (e->length == 0) {
            PyErr_SetString(PyExc_ValueError, "an empty verb ending would end every word");
            return -1;
        }
        counts[e->chars[e->length - 1] & 63]++;
    }
    st->bucket_start[0] = 0;
    for (int b = 0; b < 64; b++)
        st->bucket_start[b + 1] = st->bucket_start[b] + counts[b];
    st->ending_order = PyMem_Calloc((size_t)st->ending_count + 1, sizeof(Py_ssize_t));
    if (st->ending_order == NULL) {
        PyErr_NoMemory();
        return -1;
    }
    Py_ssize_t filled[64];
    memcpy(filled, st->bucket_start, sizeof(filled));
    for (Py_ssize_t i = 0; i < st->ending_count; i++) {
        const Entry *e = &st->endings[i];
        st->ending_order[filled[e->chars[e->length - 1] & 63]++] = i;
    }
    return 0;
}

/* Entries for the not_verbs words, appended without looking for duplicates (there are
 * thousands): a word also in future_words or tense_words is found by its earlier entry. */
static int
append_not_verbs(State *st, PyObject *not_verbs)
{
    Py_ssize_t first = st->word_count;
    PyObject *words = PySequence_List(not_verbs);
    if (words == NULL)
        return -1;
    int failed = append_entries(&st->words, &st->word_count, words, NULL);
    Py_DECREF(words);
    for (Py_ssize_t i = first; i < st->word_count; i++)
        st->words[i].not_verb = 1;
    return failed;
}

/* Set the flag at `offset` (offsetof(Entry, future) or scheduling) in the entry of every
 * word of `words`, adding the entries that are new. */
static int
mark_words(State *st, PyObject *words, size_t offset)
{
    PyObject *iterator = PyObject_GetIter(words);
    if (iterator == NULL)
        return -1;
    PyObject *word;
    while ((word = PyIter_Next(iterator)) != NULL) {
        Entry *entry = word_entry(st, word);
        Py_DECREF(word);
        if (entry == NULL) {
            Py_DECREF(iterator);
            return -1;
        }
        *(int *)((char *)entry + offset) = 1;
    }
    Py_DECREF(iterator);
    return PyErr_Occurred() ? -1 : 0;
}

static int
configure_tables(State *st, PyObject *future_words, PyObject *tense_words, PyObject *endings_by_tense,
                 PyObject *simple_present_endings, PyObject *quotes, PyObject *not_verbs,
                 PyObject *scheduling_words)
{
    if (mark_words(st, future_words, offsetof(Entry, future)) < 0)
        return -1;
    PyObject *key, *value;
    Py_ssize_t position = 0;
    while (PyDict_Next(tense_words, &position, &key, &value)) {
        Entry *entry = word_entry(st, key);
        if (entry == NULL)
            return -1;
        Py_XSETREF(entry->tense, Py_NewRef(value));
    }
    if (mark_words(st, scheduling_words, offsetof(Entry, scheduling)) < 0)
        return -1;
    if (append_not_verbs(st, not_verbs) < 0)
        return -1;
    if (build_word_table(st) < 0)
        return -1;

    PyObject *groups = PySequence_Fast(endings_by_tense, "endings_by_tense must be a sequence");
    if (groups == NULL)
        return -1;
    for (Py_ssize_t i = 0; i < PySequence_Fast_GET_SIZE(groups); i++) {
        PyObject *group = PySequence_Fast_GET_ITEM(groups, i);
        if (!PyTuple_Check(group) || PyTuple_GET_SIZE(group) != 2 || !PyUnicode_Check(PyTuple_GET_ITEM(group, 0))) {
            Py_DECREF(groups);
            PyErr_SetString(PyExc_TypeError, "endings_by_tense holds (tense, endings) tuples");
            return -1;
        }
        if (append_entries(&st->endings, &st->ending_count, PyTuple_GET_ITEM(group, 1), PyTuple_GET_ITEM(group, 0)) < 0) {
            Py_DECREF(groups);
            return -1;
        }
    }
    Py_DECREF(groups);
    if (sort_endings(st) < 0)
        return -1;

    if (append_entries(&st->simple_present, &st->simple_present_count, simple_present_endings, NULL) < 0)
        return -1;

    st->quotes = PyUnicode_AsUCS4Copy(quotes);
    if (st->quotes == NULL)
        return -1;
    st->quote_count = PyUnicode_GET_LENGTH(quotes);
    for (Py_ssize_t i = 0; i < st->quote_count; i++)
        st->quote_bits |= 1ull << (st->quotes[i] & 63);
    return 0;
}

PyDoc_STRVAR(configure_doc,
             "configure(future_words, tense_words, endings_by_tense, simple_present_endings, quotes,\n"
             "          not_verbs, scheduling_words, /)\n--\n\n"
             "Give the module the data of dates/__init__.py: _FUTURE_WORDS (a set of str),\n"
             "_TENSE_WORDS (dict: word -> tense), _ENDINGS_BY_TENSE ((tense, endings) pairs in the\n"
             "order that decides between equal endings; \"perfect\" is told as past, or as future\n"
             "beside a scheduling word), _SIMPLE_PRESENT_ENDINGS, _QUOTES, _NOT_VERBS and\n"
             "_SCHEDULING_WORDS (sets of str).\n"
             "The strings are copied; the tenses are returned as given.");

static PyObject *
configure(PyObject *module, PyObject *const *args, Py_ssize_t nargs)
{
    State *st = get_state(module);
    clear_configuration(st); /* a failed configure leaves none: tense() then raises */
    if (nargs != 7) {
        PyErr_Format(PyExc_TypeError, "configure() takes 7 arguments (%zd given)", nargs);
        return NULL;
    }
    if (!PyDict_Check(args[1]) || !PyUnicode_Check(args[4])) {
        PyErr_SetString(PyExc_TypeError, "tense_words must be a dict and quotes a str");
        return NULL;
    }
    if (configure_tables(st, args[0], args[1], args[2], args[3], args[4], args[5], args[6]) < 0) {
        clear_configuration(st);
        return NULL;
    }
    st->configured = 1;
    Py_RETURN_NONE;
}

/* ---- module ------------------------------------------------------------------------- */

static PyMethodDef methods[] = {
    {"tense", (PyCFunction)(void (*)(void))tense, METH_FASTCALL, tense_doc},
    {"clause_ends", (PyCFunction)(void (*)(void))clause_ends, METH_FASTCALL, clause_ends_doc},
    {"configure", (PyCFunction)(void (*)(void))configure, METH_FASTCALL, configure_doc},
    {NULL, NULL, 0, NULL},
};

static int
module_exec(PyObject *module)
{
    State *st = get_state(module);
    st->future = PyUnicode_InternFromString("future");
    st->present = PyUnicode_InternFromString("present");
    st->none = PyUnicode_InternFromString("none");
    st->past = PyUnicode_InternFromString("past");
    st->perfect = PyUnicode_InternFromString("perfect");
    if (st->future == NULL || st->present == NULL || st->none == NULL || st->past == NULL || st->perfect == NULL)
        return -1;
    return 0;
}

static int
module_traverse(PyObject *module, visitproc visit, void *arg)
{
    State *st = get_state(module);
    for (Py_ssize_t i = 0; i < st->word_count; i++)
        Py_VISIT(st->words[i].tense);
    for (Py_ssize_t i = 0; i < st->ending_count; i++)
        Py_VISIT(st->endings[i].tense);
    return 0;
}

static int
module_clear(PyObject *module)
{
    State *st = get_state(module);
    clear_configuration(st);
    Py_CLEAR(st->future);
    Py_CLEAR(st->present);
    Py_CLEAR(st->none);
    Py_CLEAR(st->past);
    Py_CLEAR(st->perfect);
    return 0;
}

static void
module_free(void *module)
{
    module_clear((PyObject *)module);
}

static PyModuleDef_Slot slots[] = {
    {Py_mod_exec, module_exec},
    {0, NULL},
};

static struct PyModuleDef definition = {
    PyModuleDef_HEAD_INIT,
    .m_name = "newsingest.dates._tense",
    .m_doc = "The clause tense of newsingest.dates in C; _tense and _clause_tense are its specification.",
    .m_size = sizeof(State),
    .m_methods = methods,
    .m_slots = slots,
    .m_traverse = module_traverse,
    .m_clear = module_clear,
    .m_free = module_free,
};

PyMODINIT_FUNC
PyInit__tense(void)
{
    return PyModuleDef_Init(&definition);
}
