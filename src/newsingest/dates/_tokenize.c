/* newsingest.dates._tokenize: the date tokenizer of tokens.py, in C, for speed.
 *
 * tokens.tokenize_python is the specification; this module returns exactly the list it
 * returns (same Token instances, classes, values, endings and str offsets) and the
 * hypothesis property in tests/test_tokenize_native.py holds the two together.
 *
 *     configure(words, phrase_starts, triggers, punct, number_token, token_type,
 *               clock_suffixes, count_suffixes, ordinal_suffixes, counted_suffix, years)
 *         once, at import of tokens.py: the lexicon tables and callbacks it uses.
 *     tokenize(text) -> list[Token]
 *
 * The regular expressions of tokens.py become loops over the str's code points:
 *     \d  Py_UNICODE_ISDECIMAL (what re uses for \d in str patterns)
 *     \s  Py_UNICODE_ISSPACE   (what re uses for \s), \S its complement
 *     BN  _BN_LETTERS: U+0980-U+09E5, U+09F0-U+09FC, U+09FE, U+200D (ZWJ)
 * Numbers are classified here as _number_token does, from its suffix sets and year range;
 * only a number with a run of more than MAX_RUN digits is handed to _number_token itself.
 */
#define PY_SSIZE_T_CLEAN
#include <Python.h>
#include <datetime.h>
#include <stddef.h>
#include <stdint.h>

/* Pre-filters: Bloom filters (two bits per word) over a hash of the code points of a set of
 * words. A word with a bit clear cannot be in the set, so most words are rejected without a
 * str or a dict lookup. The trigger filter holds the trigger words (about 2% of other words
 * get through with 10,000 of them); the lexicon filter every key of WORDS and every phrase
 * start (about 1% of other words get through with 30,000 keys). */
#define TRIGGER_FILTER_BITS (1 << 17)
#define LEXICON_FILTER_BITS (1 << 19)

/* Offsets below this are kept as int objects once made, as CPython keeps ints below 257:
 * every token holds two, and a field of a few thousand characters would otherwise make a
 * new int for each (a sixth of tokenize's time). At most 16,384 ints, ~0.6 MB. */
#define KEPT_OFFSETS 16384

/* The text being tokenized, read by index. */
typedef struct {
    int kind;
    const void *data;
} Text;

#define AT(t, i) PyUnicode_READ((t)->kind, (t)->data, (i))

/* A key of the lexicon: a key of WORDS, of phrase_starts or of triggers (or
 * of several), with what it is in each. */
typedef struct {
    PyObject *string;  /* the key (a new reference), read in place as `chars` */
    Text chars;
    Py_ssize_t length;
    uint64_t hash;     /* the filter hash */
    PyObject *entry;   /* WORDS[key], (class, value, ending); NULL where the key is not in WORDS */
    int opens_phrase;  /* in phrase_starts: the first word of a two-word key */
    int trigger;       /* in triggers: a word that makes a sentence worth tokenizing */
} Key;

/* Every key, in an open-addressing table over the filter hash: a word the filters let
 * through is looked up by its code points, with no str made for it and no dict or set read
 * (tokenize over a bench article: 147K instructions with them, 111K without). */
typedef struct {
    Key *keys;
    Py_ssize_t count;
    Py_ssize_t *slots; /* index + 1 into keys, 0 for empty */
    size_t mask;
} Lexicon;

typedef struct {
    Lexicon lexicon;
    PyObject *punct;            /* dict: one-character str -> class */
    PyObject *number_token;     /* callable(digits, suffix, start, end) -> Token, for long numbers */
    PyObject *token_type;       /* the Token NamedTuple class */
    int plain;                  /* the call under way makes plain tuples (tokenize_tuples) */
    PyObject *clock_suffixes;   /* frozenset: ১০টায় is a clock hour */
    PyObject *count_suffixes;   /* frozenset: ৫জন is not a date */
    PyObject *ordinal_suffixes; /* frozenset: ১২ই is a day ordinal */
    PyObject *counted_suffix;   /* str: the count suffix whose number stays a count (টি) */
    long long first_year;       /* four-digit numbers from first_year to last_year are years */
    long long last_year;
    PyObject *empty;            /* "" */
    PyObject *other;            /* "o" */
    unsigned char trigger_filter[TRIGGER_FILTER_BITS / 8];
    unsigned char lexicon_filter[LEXICON_FILTER_BITS / 8];
    PyObject *offsets[KEPT_OFFSETS]; /* int objects of offsets, made when first needed */
} State;

static State *
get_state(PyObject *module)
{
    return (State *)PyModule_GetState(module);
}

/* ---- character classes ------------------------------------------------------------ */

static inline int
is_bn(Py_UCS4 c)
{
    return (c >= 0x0980 && c <= 0x09E5) || (c >= 0x09F0 && c <= 0x09FC) || c == 0x09FE || c == 0x200D;
}

/* Py_UNICODE_ISDECIMAL(c) (re's \d), without its function call for ASCII and the Bengali
 * block, most of the characters between a text's words. */
static inline int
is_decimal(Py_UCS4 c)
{
    if (c < 0x80)
        return c >= '0' && c <= '9';
    if (c >= 0x0980 && c <= 0x09FF)
        return c >= 0x09E6 && c <= 0x09EF;
    return Py_UNICODE_ISDECIMAL(c);
}

static inline int
is_ascii_letter(Py_UCS4 c)
{
    return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z');
}

static inline int
is_sentence_end(Py_UCS4 c)
{
    return c == 0x0964 || c == '?' || c == '!' || c == '\n';
}

/* FNV-1a over code points, fed one at a time as a run is scanned. */
#define HASH_START 0xCBF29CE484222325ull
#define HASH_STEP(h, c) (((h) ^ (uint64_t)(c)) * 0x100000001B3ull)
#define SLOT1(h, bits) ((size_t)((h) >> 7) & ((bits)-1))
#define SLOT2(h, bits) ((size_t)((h) >> 37) & ((bits)-1))

static inline int
filter_has(const unsigned char *filter, size_t bits, uint64_t h)
{
    size_t a = SLOT1(h, bits), b = SLOT2(h, bits);
    return (filter[a / 8] >> (a % 8)) & (filter[b / 8] >> (b % 8)) & 1;
}

/* The filter hash of text[start:end]. */
static inline uint64_t
hash_span(const Text *t, Py_ssize_t start, Py_ssize_t end)
{
    uint64_t h = HASH_START;
    for (Py_ssize_t i = start; i < end; i++)
        h = HASH_STEP(h, AT(t, i));
    return h;
}

/* ---- the lexicon's keys ------------------------------------------------------------ */

static inline Py_UCS4
ascii_lower(Py_UCS4 c)
{
    return (c >= 'A' && c <= 'Z') ? c + ('a' - 'A') : c;
}

/* text[start:end] (lower-cased as ASCII where `lower`) == chars[from:from + end - start]. */
static inline int
same_span(const Text *t, Py_ssize_t start, Py_ssize_t end, const Text *chars, Py_ssize_t from, int lower)
{
    for (Py_ssize_t i = start; i < end; i++, from++)
        if ((lower ? ascii_lower(AT(t, i)) : AT(t, i)) != AT(chars, from))
            return 0;
    return 1;
}

/* The key text[start:end] is (with hash h), or, where `lower`, its ASCII lower case is; NULL
 * if none. */
static const Key *
find_key(const Lexicon *lx, const Text *t, Py_ssize_t start, Py_ssize_t end, uint64_t h, int lower)
{
    for (size_t slot = (size_t)h & lx->mask;; slot = (slot + 1) & lx->mask) {
        Py_ssize_t index = lx->slots[slot];
        if (index == 0)
            return NULL;
        const Key *k = &lx->keys[index - 1];
        if (k->hash == h && k->length == end - start && same_span(t, start, end, &k->chars, 0, lower))
            return k;
    }
}

/* find_key of the lower case of an ASCII word. */
static const Key *
find_lower_key(const Lexicon *lx, const Text *t, Py_ssize_t start, Py_ssize_t end)
{
    uint64_t h = HASH_START;
    for (Py_ssize_t i = start; i < end; i++)
        h = HASH_STEP(h, ascii_lower(AT(t, i)));
    return find_key(lx, t, start, end, h, 1);
}

/* The key "first second" of the words text[start:end] and text[next_start:next_end]; NULL if
 * none. */
static const Key *
find_phrase_key(const Lexicon *lx, const Text *t, Py_ssize_t start, Py_ssize_t end, Py_ssize_t next_start,
                Py_ssize_t next_end)
{
    uint64_t h = HASH_STEP(hash_span(t, start, end), ' ');
    for (Py_ssize_t i = next_start; i < next_end; i++)
        h = HASH_STEP(h, AT(t, i));
    Py_ssize_t first = end - start, length = first + 1 + (next_end - next_start);
    for (size_t slot = (size_t)h & lx->mask;; slot = (slot + 1) & lx->mask) {
        Py_ssize_t index = lx->slots[slot];
        if (index == 0)
            return NULL;
        const Key *k = &lx->keys[index - 1];
        if (k->hash == h && k->length == length && AT(&k->chars, first) == ' ' &&
            same_span(t, start, end, &k->chars, 0, 0) && same_span(t, next_start, next_end, &k->chars, first + 1, 0))
            return k;
    }
}

static void
free_lexicon(Lexicon *lx)
{
    for (Py_ssize_t i = 0; i < lx->count; i++) {
        Py_DECREF(lx->keys[i].string);
        Py_XDECREF(lx->keys[i].entry);
    }
    PyMem_Free(lx->keys);
    PyMem_Free(lx->slots);
    *lx = (Lexicon){NULL, 0, NULL, 0};
}

/* The key of `string` (a str), added to `lx` if new (its keys may not outgrow it). */
static Key *
add_key(Lexicon *lx, PyObject *string)
{
    Text chars = {PyUnicode_KIND(string), PyUnicode_DATA(string)};
    Py_ssize_t length = PyUnicode_GET_LENGTH(string);
    uint64_t h = hash_span(&chars, 0, length);
    size_t slot = (size_t)h & lx->mask;
    for (; lx->slots[slot] != 0; slot = (slot + 1) & lx->mask) {
        Key *k = &lx->keys[lx->slots[slot] - 1];
        if (k->hash == h && k->length == length && same_span(&chars, 0, length, &k->chars, 0, 0))
            return k;
    }
    Key *k = &lx->keys[lx->count];
    k->string = Py_NewRef(string);
    k->chars = chars;
    k->length = length;
    k->hash = h;
    k->entry = NULL;
    k->opens_phrase = k->trigger = 0;
    lx->slots[slot] = ++lx->count;
    return k;
}

/* Mark the key of every str in `strings` (an iterable) at `flag_offset` in its Key. */
static int
add_keys(Lexicon *lx, PyObject *strings, size_t flag_offset)
{
    PyObject *iterator = PyObject_GetIter(strings);
    if (iterator == NULL)
        return -1;
    PyObject *string;
    while ((string = PyIter_Next(iterator)) != NULL) {
        if (PyUnicode_Check(string)) /* (no word equals a non-str) */
            *(int *)((char *)add_key(lx, string) + flag_offset) = 1;
        Py_DECREF(string);
    }
    Py_DECREF(iterator);
    return PyErr_Occurred() ? -1 : 0;
}

/* The table of the keys of `words` (with their entries), `phrase_starts` and `triggers`. */
static int
build_lexicon(Lexicon *lx, PyObject *words, PyObject *phrase_starts, PyObject *triggers)
{
    Py_ssize_t most = PyDict_GET_SIZE(words) + PySet_GET_SIZE(phrase_starts) + PySet_GET_SIZE(triggers);
    size_t size = 16;
    while (size < (size_t)most * 2)
        size *= 2;
    *lx = (Lexicon){PyMem_Calloc((size_t)most + 1, sizeof(Key)), 0, PyMem_Calloc(size, sizeof(Py_ssize_t)),
                    size - 1};
    if (lx->keys == NULL || lx->slots == NULL) {
        free_lexicon(lx);
        PyErr_NoMemory();
        return -1;
    }
    PyObject *word, *entry;
    Py_ssize_t position = 0;
    while (PyDict_Next(words, &position, &word, &entry)) {
        if (!PyUnicode_Check(word))
            continue;
        if (!PyTuple_Check(entry) || PyTuple_GET_SIZE(entry) != 3) {
            PyErr_SetString(PyExc_TypeError, "a lexicon entry must be a (class, value, ending) tuple");
            free_lexicon(lx);
            return -1;
        }
        Key *k = add_key(lx, word);
        Py_XSETREF(k->entry, Py_NewRef(entry));
    }
    if (add_keys(lx, phrase_starts, offsetof(Key, opens_phrase)) || add_keys(lx, triggers, offsetof(Key, trigger))) {
        free_lexicon(lx);
        return -1;
    }
    return 0;
}

static Py_ssize_t
skip_bn(const Text *t, Py_ssize_t i, Py_ssize_t limit)
{
    while (i < limit && is_bn(AT(t, i)))
        i++;
    return i;
}

static Py_ssize_t
skip_decimal(const Text *t, Py_ssize_t i, Py_ssize_t limit)
{
    while (i < limit && is_decimal(AT(t, i)))
        i++;
    return i;
}

static Py_ssize_t
skip_ascii_letters(const Text *t, Py_ssize_t i, Py_ssize_t limit)
{
    while (i < limit && is_ascii_letter(AT(t, i)))
        i++;
    return i;
}

/* ---- one match of the token pattern (tokens._patterns) ------------------------------ */

enum { NONE, NUM, WORD, PUNCT };

typedef struct {
    int kind;
    Py_ssize_t start, end;
    Py_ssize_t digits_end; /* NUM: where the digits end and the suffix (maybe empty) begins */
} Match;

/* The next match of the token pattern in text[pos:limit], as re.finditer(text, pos, limit) finds it:
 * whitespace is skipped; a match never looks past `limit` (re's endpos). */
static Match
next_match(const Text *t, Py_ssize_t pos, Py_ssize_t limit)
{
    Match m = {NONE, limit, limit, limit};
    Py_UCS4 c = 0;
    while (pos < limit && !is_bn(c = AT(t, pos)) && Py_UNICODE_ISSPACE(c))
        pos++;
    if (pos >= limit)
        return m;
    m.start = pos;
    /* The order of the tests differs from the regex's (num, word, punct), not the result:
     * BN letters, ASCII letters and decimal digits are disjoint. */
    if (is_bn(c)) {
        /* [BN]+(?:['’][BN]+)?(?:\.(?=\s))? */
        Py_ssize_t i = skip_bn(t, pos + 1, limit);
        Py_UCS4 s;
        if (i + 1 < limit && ((s = AT(t, i)) == '\'' || s == 0x2019) && is_bn(AT(t, i + 1)))
            i = skip_bn(t, i + 2, limit);
        if (i + 1 < limit && AT(t, i) == '.' && Py_UNICODE_ISSPACE(AT(t, i + 1)))
            i++;
        m.kind = WORD;
        m.end = i;
    }
    else if (is_ascii_letter(c)) {
        m.kind = WORD;
        m.end = skip_ascii_letters(t, pos + 1, limit);
    }
    else if (is_decimal(c)) {
        /* \d+(?:[:.]\d+)*(?:[-/]\d+)* : nothing after these can fail, so the greedy path is
         * the match; an iteration is taken only when its separator has a digit after it. */
        Py_ssize_t i = skip_decimal(t, pos + 1, limit);
        Py_UCS4 s;
        while (i + 1 < limit && ((s = AT(t, i)) == ':' || s == '.') && is_decimal(AT(t, i + 1)))
            i = skip_decimal(t, i + 2, limit);
        while (i + 1 < limit && ((s = AT(t, i)) == '-' || s == '/') && is_decimal(AT(t, i + 1)))
            i = skip_decimal(t, i + 2, limit);
        m.kind = NUM;
        m.digits_end = i;
        /* (?:[-'’]?[BN]+|st|nd|rd|th)? */
        if (i < limit) {
            s = AT(t, i);
            if ((s == '-' || s == '\'' || s == 0x2019) && i + 1 < limit && is_bn(AT(t, i + 1)))
                i = skip_bn(t, i + 2, limit);
            else if (is_bn(s))
                i = skip_bn(t, i + 1, limit);
            else if (i + 1 < limit) {
                Py_UCS4 n = AT(t, i + 1);
                if ((s == 's' && n == 't') || (s == 'n' && n == 'd') || (s == 'r' && n == 'd') ||
                    (s == 't' && n == 'h'))
                    i += 2;
            }
        }
        m.end = i;
    }
    else {
        m.kind = PUNCT;
        m.end = pos + 1;
    }
    return m;
}

/* ---- building tokens ---------------------------------------------------------------- */

/* Token(start, end, cls, value, ending), made as tuple.__new__(Token, ...) makes it; new
 * references to cls, value and ending are taken.
 *
 * In Python 3.11 and 3.12, tuple.__new__ for a subclass is tp_alloc and a fill of the items
 * (tuple_subtype_new), so that is done here directly: a token is made per word, and the
 * general path costs two throw-away tuples each. From 3.14 a tuple caches its hash in the
 * object and tuple_subtype_new initialises that cache, so every later version (and 3.13, to
 * be safe) takes the general path; -DNEWSINGEST_GENERIC_TOKENS forces it, for testing. */
#if PY_VERSION_HEX < 0x030D0000 && !defined(NEWSINGEST_GENERIC_TOKENS)
#define DIRECT_TOKENS 1
#endif

/* A new reference to int(offset): one kept in st->offsets below KEPT_OFFSETS. */
static PyObject *
offset_object(State *st, Py_ssize_t offset)
{
    if (offset >= KEPT_OFFSETS)
        return PyLong_FromSsize_t(offset);
    if (st->offsets[offset] == NULL)
        st->offsets[offset] = PyLong_FromSsize_t(offset);
    return Py_XNewRef(st->offsets[offset]);
}

static PyObject *
make_token(State *st, Py_ssize_t start, Py_ssize_t end, PyObject *cls, PyObject *value, PyObject *ending)
{
    PyObject *a = offset_object(st, start);
    if (a == NULL)
        return NULL;
    PyObject *b = offset_object(st, end);
    if (b == NULL) {
        Py_DECREF(a);
        return NULL;
    }
    /* A plain tuple (tokenize_tuples) comes from the free list and is freed as fast. */
#ifdef DIRECT_TOKENS
    PyTypeObject *type = (PyTypeObject *)st->token_type;
    PyObject *token = st->plain ? PyTuple_New(5) : type->tp_alloc(type, 5);
#else
    PyObject *token = PyTuple_New(5); /* the items, for Token's __new__ unless plain */
#endif
    if (token == NULL) {
        Py_DECREF(a);
        Py_DECREF(b);
        return NULL;
    }
    PyTuple_SET_ITEM(token, 0, a);
    PyTuple_SET_ITEM(token, 1, b);
    PyTuple_SET_ITEM(token, 2, Py_NewRef(cls));
    PyTuple_SET_ITEM(token, 3, Py_NewRef(value));
    PyTuple_SET_ITEM(token, 4, Py_NewRef(ending));
#ifndef DIRECT_TOKENS
    if (!st->plain) {
        PyObject *args = PyTuple_Pack(1, token);
        Py_DECREF(token);
        if (args == NULL)
            return NULL;
        token = PyTuple_Type.tp_new((PyTypeObject *)st->token_type, args, NULL);
        Py_DECREF(args);
    }
#endif
    return token;
}

/* Token(start, end, *entry) for a lexicon entry (class, value, ending). */
static PyObject *
entry_token(State *st, Py_ssize_t start, Py_ssize_t end, PyObject *entry)
{
    if (!PyTuple_Check(entry) || PyTuple_GET_SIZE(entry) != 3) {
        PyErr_SetString(PyExc_TypeError, "a lexicon entry must be a (class, value, ending) tuple");
        return NULL;
    }
    return make_token(st, start, end, PyTuple_GET_ITEM(entry, 0), PyTuple_GET_ITEM(entry, 1),
                      PyTuple_GET_ITEM(entry, 2));
}

static int
append_new(PyObject *tokens, PyObject *token)
{
    if (token == NULL)
        return -1;
    int failed = PyList_Append(tokens, token);
    Py_DECREF(token);
    return failed;
}

/* The token of the two-word phrase "first second" when the word text[start:end] (its key
 * `first`) opens one, the next match is a word one character (a whitespace) after it, and
 * the pair is a key of WORDS: 1 with *phrase (a new reference) and *phrase_end set, 0 when
 * not, -1 on error. */
static int
try_phrase(State *st, const Text *t, const Key *first, Py_ssize_t start, Py_ssize_t end, Py_ssize_t limit,
           PyObject **phrase, Py_ssize_t *phrase_end)
{
    if (first == NULL || !first->opens_phrase)
        return 0;
    Match following = next_match(t, end, limit);
    if (following.kind != WORD || following.start != end + 1)
        return 0;
    const Key *pair = find_phrase_key(&st->lexicon, t, start, end, following.start, following.end);
    if (pair == NULL || pair->entry == NULL)
        return 0;
    *phrase = entry_token(st, start, following.end, pair->entry);
    if (*phrase == NULL)
        return -1;
    *phrase_end = following.end;
    return 1;
}

/* ---- numbers: _number_token --------------------------------------------------------- */

/* A run of up to MAX_RUN digits has its value in a long long (10^18 - 1 < 2^63). A number
 * with a longer run is handed to _number_token: Python's int has no bound, and int() raises
 * ValueError past sys.get_int_max_str_digits() (640 at the least), which the callback keeps. */
#define MAX_RUN 18

typedef struct {
    Py_ssize_t length; /* in code points, as len() counts them */
    long long value;   /* int() of the run, when length <= MAX_RUN */
} Run;

/* The digits of a number, \d+(?:[:.]\d+)*(?:[-/]\d+)*, cut into runs at the separators.
 * Only the first three runs and two separators are kept: no rule reads further. */
typedef struct {
    Py_ssize_t runs;
    Run run[3];
    Py_UCS4 sep[2]; /* the separators after run[0] and run[1] */
    int slash;      /* some separator is '/' */
    int too_long;   /* some run is longer than MAX_RUN */
} Shape;

static Shape
read_shape(const Text *t, Py_ssize_t i, Py_ssize_t digits_end)
{
    Shape s = {0};
    while (i < digits_end) {
        Run run = {0, 0};
        int decimal;
        /* int() reads each \d character by its decimal value, in whatever script. */
        while (i < digits_end && (decimal = Py_UNICODE_TODECIMAL(AT(t, i))) >= 0) {
            if (run.length < MAX_RUN)
                run.value = run.value * 10 + decimal;
            run.length++;
            i++;
        }
        s.too_long |= run.length > MAX_RUN;
        if (s.runs < 3)
            s.run[s.runs] = run;
        s.runs++;
        if (i < digits_end) { /* a separator: the match put digits after every one */
            Py_UCS4 sep = AT(t, i++);
            if (s.runs <= 2)
                s.sep[s.runs - 1] = sep;
            s.slash |= sep == '/';
        }
    }
    return s;
}

/* Token(m.start, m.end, cls, value, ending) for a one-letter class. Steals `value`, which may
 * be NULL when making it failed: then NULL is returned. */
static PyObject *
classed(State *st, const Match *m, char cls, PyObject *value, PyObject *ending)
{
    if (value == NULL)
        return NULL;
    PyObject *letter = PyUnicode_FromOrdinal(cls); /* one of CPython's cached one-character strs */
    PyObject *token = letter ? make_token(st, m->start, m->end, letter, value, ending) : NULL;
    Py_XDECREF(letter);
    Py_DECREF(value);
    return token;
}

/* Token(start, end, "o"): a number of no date shape, with no value and no ending. */
static PyObject *
other_number(State *st, const Match *m)
{
    return make_token(st, m->start, m->end, st->other, Py_None, st->empty);
}

static PyObject *
pair(long long a, long long b)
{
    return Py_BuildValue("(LL)", a, b);
}

/* _patterns().numeric_date.fullmatch: d{1,2} S d{1,2} S dddd with the same S of "/.-" twice (day first),
 * or dddd-d{1,2}-d{1,2} (year first). 1 and the parts set when it matches, else 0. */
static int
numeric_date(const Shape *s, int *year, int *month, int *day)
{
    if (s->runs != 3 || s->sep[0] != s->sep[1])
        return 0;
    Py_UCS4 sep = s->sep[0];
    Py_ssize_t a = s->run[0].length, b = s->run[1].length, c = s->run[2].length;
    if ((sep == '/' || sep == '.' || sep == '-') && a <= 2 && b <= 2 && c == 4) {
        *day = (int)s->run[0].value, *month = (int)s->run[1].value, *year = (int)s->run[2].value;
        return 1;
    }
    if (sep == '-' && a == 4 && b <= 2 && c <= 2) {
        *year = (int)s->run[0].value, *month = (int)s->run[1].value, *day = (int)s->run[2].value;
        return 1;
    }
    return 0;
}

/* Token "X" with dt.date(year, month, day), or "o" where date() raises ValueError (31/02,
 * month 13, year 0), as _number_token catches it. */
static PyObject *
date_token(State *st, const Match *m, int year, int month, int day, PyObject *suffix)
{
    PyObject *date = PyDate_FromDate(year, month, day);
    if (date == NULL) {
        if (!PyErr_ExceptionMatches(PyExc_ValueError))
            return NULL;
        PyErr_Clear();
        return other_number(st, m);
    }
    return classed(st, m, 'X', date, suffix);
}

/* A number with separators: a numeric date, a clock time (১০:৩০, ১০-৩০), a year pair
 * (২০২৩-২৪, ২০২৩-২০২৫) or a day range (১০-১২); any other shape is "o". */
static PyObject *
separated_number(State *st, const Match *m, const Shape *s, PyObject *suffix)
{
    int year, month, day;
    if (numeric_date(s, &year, &month, &day))
        return date_token(st, m, year, month, day, suffix);
    long long a = s->run[0].value, b = s->run[1].value;
    Py_ssize_t first = s->run[0].length, second = s->run[1].length;
    if (s->sep[0] == ':' || s->sep[0] == '.') {
        /* The [:.] separators all come before the [-/] ones, so sep[0] tells whether there
         * is one. re.split(r"[:.]") then gives two parts, the second two characters long,
         * only for exactly two runs (a [-/] run after would lengthen the second part). */
        if (s->runs == 2 && second == 2 && a <= 24 && b < 60)
            return classed(st, m, 'c', pair(a, b), suffix);
        return other_number(st, m);
    }
    if (s->slash || s->runs > 2)
        return other_number(st, m);
    /* first-second */
    if (first == 4 && st->first_year <= a && a <= st->last_year && (b == (a + 1) % 100 || b == a + 1))
        return classed(st, m, 'F', pair(a, a + 1), suffix);
    if (first == 4 && second == 4 && a < b)
        return classed(st, m, 'F', pair(a, b), suffix);
    if (1 <= a && a < b && b <= 31)
        return classed(st, m, 'r', pair(a, b), suffix);
    if (a <= 24 && second == 2 && b < 60)
        return classed(st, m, 'c', pair(a, b), suffix);
    return other_number(st, m);
}

/* The class of one run of digits (its value and length) glued to `bare`, its suffix without
 * a leading -'’ (`separated` when there was one): in the order _number_token tests them.
 * 0 on error. */
static char
plain_class(State *st, Run run, PyObject *bare, int separated)
{
    int in;
    if (run.value <= 24 && (in = PySet_Contains(st->clock_suffixes, bare)) != 0)
        return in < 0 ? 0 : 't';
    /* a count suffix only glued on: ২০১১-য় is "in 2011", ২য় "second" */
    if (!separated && (in = PySet_Contains(st->count_suffixes, bare)) != 0) {
        int counted = in < 0 ? -1 : PyObject_RichCompareBool(bare, st->counted_suffix, Py_EQ);
        return counted < 0 ? 0 : counted ? 'N' : 'o';
    }
    int glued = PyUnicode_GET_LENGTH(bare) > 0;
    if (run.length == 4 && st->first_year <= run.value && run.value <= st->last_year)
        return glued ? 'Y' : 'y';
    if (1 <= run.value && run.value <= 31) {
        if ((in = PySet_Contains(st->ordinal_suffixes, bare)) != 0)
            return in < 0 ? 0 : 'D';
        if (!glued)
            return 'd';
    }
    return 'N';
}

/* suffix.lstrip("-'’"), a new reference: the suffix pattern [-'’]?[BN]+|st|nd|rd|th puts at
 * most one of those characters in front. */
static PyObject *
bare_suffix(PyObject *suffix)
{
    Py_ssize_t length = PyUnicode_GET_LENGTH(suffix);
    if (length > 0) {
        Py_UCS4 c = PyUnicode_READ_CHAR(suffix, 0);
        if (c == '-' || c == '\'' || c == 0x2019)
            return PyUnicode_Substring(suffix, 1, length);
    }
    return Py_NewRef(suffix);
}

/* One run of digits: a clock hour (১০টায়), a count (৫টি), a year (১৯৭১), a day ordinal
 * (১২ই), a day-sized number or any other count. */
static PyObject *
plain_number(State *st, const Match *m, Run run, PyObject *suffix)
{
    PyObject *bare = bare_suffix(suffix);
    if (bare == NULL)
        return NULL;
    char cls = plain_class(st, run, bare, PyUnicode_GET_LENGTH(bare) != PyUnicode_GET_LENGTH(suffix));
    Py_DECREF(bare);
    if (cls == 0)
        return NULL;
    PyObject *value = cls == 't' ? pair(run.value, 0) : PyLong_FromLongLong(run.value);
    return classed(st, m, cls, value, suffix);
}

/* _number_token(digits, suffix, start, end) itself, called back. */
static PyObject *
number_token_in_python(State *st, PyObject *text, const Match *m, PyObject *suffix)
{
    PyObject *digits = PyUnicode_Substring(text, m->start, m->digits_end);
    PyObject *start = digits ? PyLong_FromSsize_t(m->start) : NULL;
    PyObject *end = start ? PyLong_FromSsize_t(m->end) : NULL;
    PyObject *token = NULL;
    if (end != NULL) {
        PyObject *args[4] = {digits, suffix, start, end};
        token = PyObject_Vectorcall(st->number_token, args, 4, NULL);
    }
    Py_XDECREF(digits);
    Py_XDECREF(start);
    Py_XDECREF(end);
    return token;
}

/* The token _number_token gives the number `m`. */
static PyObject *
number_token(State *st, const Text *t, PyObject *text, const Match *m)
{
    PyObject *suffix = m->digits_end < m->end ? PyUnicode_Substring(text, m->digits_end, m->end)
                                              : Py_NewRef(st->empty);
    if (suffix == NULL)
        return NULL;
    Shape shape = read_shape(t, m->start, m->digits_end);
    PyObject *token = shape.too_long     ? number_token_in_python(st, text, m, suffix)
                      : shape.runs == 1 ? plain_number(st, m, shape.run[0], suffix)
                                        : separated_number(st, m, &shape, suffix);
    Py_DECREF(suffix);
    return token;
}

/* A run of ordinary words being read: the first is in the list, the last seen (if it is not
 * the first) is kept back as its span, and the words between are dropped (tokens.py's
 * _without_inner_words). A run goes on across sentences skipped or not. */
typedef struct {
    Py_ssize_t words;      /* ordinary words in the run so far */
    Py_ssize_t start, end; /* the last of them, when words > 1 */
} WordRun;

/* An ordinary word, text[start:end], joins the run: the first is appended, a later one kept. */
static int
add_ordinary_word(State *st, WordRun *run, Py_ssize_t start, Py_ssize_t end, PyObject *tokens)
{
    run->words++;
    if (run->words > 1) {
        run->start = start;
        run->end = end;
        return 0;
    }
    /* With no str of its own: the grammar reads the few it needs from the text. */
    return append_new(tokens, make_token(st, start, end, st->other, Py_None, st->empty));
}

/* The run ends (another token follows, or the span ends): its last word is appended. */
static int
end_run(State *st, WordRun *run, PyObject *tokens)
{
    Py_ssize_t words = run->words;
    run->words = 0;
    if (words < 2)
        return 0;
    return append_new(tokens, make_token(st, run->start, run->end, st->other, Py_None, st->empty));
}

/* _tokenize_span: append the tokens of text[begin:limit] (the ordinary words through `run`). */
static int
tokenize_span(State *st, const Text *t, PyObject *text, Py_ssize_t begin, Py_ssize_t limit, PyObject *tokens,
              WordRun *run)
{
    Py_ssize_t pos = begin;
    for (;;) {
        Match m = next_match(t, pos, limit);
        if (m.kind == NONE)
            return 0;
        pos = m.end;
        if (m.kind == WORD) {
            /* (An ASCII word is looked up lower-cased too: the filter holds the keys as written.) */
            int ascii = is_ascii_letter(AT(t, m.start));
            uint64_t h = hash_span(t, m.start, m.end);
            if (!ascii && !filter_has(st->lexicon_filter, LEXICON_FILTER_BITS, h)) {
                /* In no entry of the lexicon and opening no phrase: an ordinary word. */
                if (add_ordinary_word(st, run, m.start, m.end, tokens))
                    return -1;
                continue;
            }
            const Key *key = find_key(&st->lexicon, t, m.start, m.end, h, 0);
            PyObject *phrase_token = NULL;
            Py_ssize_t phrase_end;
            int phrase = try_phrase(st, t, key, m.start, m.end, limit, &phrase_token, &phrase_end);
            if (phrase != 0) {
                if (phrase < 0)
                    return -1;
                if (end_run(st, run, tokens)) {
                    Py_DECREF(phrase_token);
                    return -1;
                }
                if (append_new(tokens, phrase_token))
                    return -1;
                pos = phrase_end;
                continue;
            }
            /* WORDS.get(word), or for an ASCII word, WORDS.get(word.lower()) */
            if ((key == NULL || key->entry == NULL) && ascii)
                key = find_lower_key(&st->lexicon, t, m.start, m.end);
            if (key == NULL || key->entry == NULL) {
                if (add_ordinary_word(st, run, m.start, m.end, tokens))
                    return -1;
                continue;
            }
            if (end_run(st, run, tokens) || append_new(tokens, entry_token(st, m.start, m.end, key->entry)))
                return -1;
        }
        else if (end_run(st, run, tokens))
            return -1;
        else if (m.kind == PUNCT) {
            PyObject *mark = PyUnicode_Substring(text, m.start, m.end);
            if (mark == NULL)
                return -1;
            PyObject *cls = PyDict_GetItemWithError(st->punct, mark);
            Py_DECREF(mark);
            if (cls == NULL && PyErr_Occurred())
                return -1;
            if (append_new(tokens, make_token(st, m.start, m.end, cls ? cls : st->other, Py_None, st->empty)))
                return -1;
        }
        else if (append_new(tokens, number_token(st, t, text, &m)))
            return -1;
    }
}

/* The sentence that begins at `begin`: *stop is set past its end mark (or to `length`), and
 * the result says whether it holds a trigger (_has_trigger: a decimal digit, or a run of BN
 * letters or of ASCII letters (the word pattern) in the trigger set): 1, 0, or -1 on error. One pass
 * finds both: no end mark is a letter, so no word run crosses a sentence's end. */
static int
scan_sentence(State *st, const Text *t, Py_ssize_t begin, Py_ssize_t length, Py_ssize_t *stop)
{
    Py_ssize_t i = begin;
    int found = 0;
    while (i < length && !found) {
        Py_UCS4 c = AT(t, i);
        Py_ssize_t end = i + 1;
        uint64_t h = HASH_STEP(HASH_START, c);
        /* BN letters and ASCII letters are never decimal digits, so testing them first
         * keeps the (function-call) decimal test off most characters. */
        if (is_bn(c)) {
            while (end < length && is_bn(c = AT(t, end))) {
                h = HASH_STEP(h, c);
                end++;
            }
        }
        else if (is_ascii_letter(c)) {
            while (end < length && is_ascii_letter(c = AT(t, end))) {
                h = HASH_STEP(h, c);
                end++;
            }
        }
        else if (is_sentence_end(c)) {
            *stop = i + 1; /* the mark stays in the sentence it ends */
            return 0;
        }
        else {
            found = is_decimal(c);
            i++;
            continue;
        }
        if (filter_has(st->trigger_filter, TRIGGER_FILTER_BITS, h)) {
            const Key *key = find_key(&st->lexicon, t, i, end, h, 0);
            found = key != NULL && key->trigger;
        }
        i = end;
    }
    /* (found: the rest of the sentence needs no reading but for its end) */
    while (i < length && !is_sentence_end(AT(t, i)))
        i++;
    *stop = i < length ? i + 1 : length;
    return found;
}

/* ---- module functions --------------------------------------------------------------- */

PyDoc_STRVAR(tokenize_doc,
             "tokenize(text, /)\n--\n\n"
             "The tokens of `text`, exactly as newsingest.dates.tokens.tokenize_python gives them.");

PyDoc_STRVAR(tokenize_tuples_doc,
             "tokenize_tuples(text, /)\n--\n\n"
             "tokenize(text), each token a plain tuple of its fields (one of a number read by\n"
             "number_token excepted): for a reader of the fields by index, such as the date\n"
             "finder compiled by mypyc, it costs less to make and to free than a Token.");

static PyObject *tokenize_as(State *st, PyObject *text);

/* tokenize_as with st->plain set for the call (and set back after: a call made meanwhile,
 * by Python code number_token runs, makes its own kind). */
static PyObject *
tokenize_with(PyObject *module, PyObject *text, int plain)
{
    State *st = get_state(module);
    int outer = st->plain;
    st->plain = plain;
    PyObject *tokens = tokenize_as(st, text);
    st->plain = outer;
    return tokens;
}

static PyObject *
tokenize(PyObject *module, PyObject *text)
{
    return tokenize_with(module, text, 0);
}

static PyObject *
tokenize_tuples(PyObject *module, PyObject *text)
{
    return tokenize_with(module, text, 1);
}

static PyObject *
tokenize_as(State *st, PyObject *text)
{
    if (st->token_type == NULL) {
        PyErr_SetString(PyExc_RuntimeError, "newsingest.dates._tokenize.configure() was not called");
        return NULL;
    }
    if (!PyUnicode_Check(text)) {
        PyErr_Format(PyExc_TypeError, "expected str, got %.200s", Py_TYPE(text)->tp_name);
        return NULL;
    }
#if PY_VERSION_HEX < 0x030C0000
    if (PyUnicode_READY(text) < 0)
        return NULL;
#endif
    Text t = {PyUnicode_KIND(text), PyUnicode_DATA(text)};
    Py_ssize_t length = PyUnicode_GET_LENGTH(text);
    PyObject *tokens = PyList_New(0);
    if (tokens == NULL)
        return NULL;
    Py_ssize_t begin = 0;
    WordRun run = {0, 0, 0};
    while (begin < length) {
        Py_ssize_t stop;
        int trigger = scan_sentence(st, &t, begin, length, &stop);
        if (trigger < 0 || (trigger && tokenize_span(st, &t, text, begin, stop, tokens, &run) < 0)) {
            Py_DECREF(tokens);
            return NULL;
        }
        begin = stop;
    }
    if (end_run(st, &run, tokens)) {
        Py_DECREF(tokens);
        return NULL;
    }
    return tokens;
}

PyDoc_STRVAR(configure_doc,
             "configure(words, phrase_starts, triggers, punct, number_token, token_type,\n"
             "          clock_suffixes, count_suffixes, ordinal_suffixes, counted_suffix, years)\n--\n\n"
             "Give the tokenizer the tables of tokens.py: WORDS (dict), _PHRASE_STARTS and\n"
             "_TRIGGERS (frozensets of str), _PUNCT (dict), _number_token and the Token class;\n"
             "for numbers, the suffix sets _CLOCK_SUFFIXES, _COUNT_SUFFIXES and _ORDINAL_SUFFIXES,\n"
             "_COUNTED_SUFFIX and (_FIRST_YEAR, _LAST_YEAR).\n"
             "WORDS, _PHRASE_STARTS and _TRIGGERS are read into one table of their keys here (a\n"
             "later change to them is not seen), with the pre-filters; the other objects are kept.");

static inline void
set_filter_bits(unsigned char *filter, size_t bits, uint64_t h)
{
    size_t a = SLOT1(h, bits), b = SLOT2(h, bits);
    filter[a / 8] |= (unsigned char)(1u << (a % 8));
    filter[b / 8] |= (unsigned char)(1u << (b % 8));
}

/* The filters of the lexicon's keys (hashed as tokenize hashes the text's words, so a key
 * always passes): the triggers', and that of the keys of WORDS and the phrase starts. */
static void
fill_filters(State *st, const Lexicon *lx)
{
    memset(st->trigger_filter, 0, sizeof(st->trigger_filter));
    memset(st->lexicon_filter, 0, sizeof(st->lexicon_filter));
    for (Py_ssize_t i = 0; i < lx->count; i++) {
        const Key *k = &lx->keys[i];
        if (k->trigger)
            set_filter_bits(st->trigger_filter, TRIGGER_FILTER_BITS, k->hash);
        if (k->entry != NULL || k->opens_phrase)
            set_filter_bits(st->lexicon_filter, LEXICON_FILTER_BITS, k->hash);
    }
}

static PyObject *
configure(PyObject *module, PyObject *args, PyObject *kwargs)
{
    static char *names[] = {"words", "phrase_starts", "triggers", "punct", "number_token", "token_type",
                            "clock_suffixes", "count_suffixes", "ordinal_suffixes", "counted_suffix", "years",
                            NULL};
    PyObject *words, *phrase_starts, *triggers, *punct, *number_token, *token_type, *clock_suffixes,
        *count_suffixes, *ordinal_suffixes, *counted_suffix;
    long long first_year, last_year;
    if (!PyArg_ParseTupleAndKeywords(args, kwargs, "O!O!O!O!OOO!O!O!U(LL):configure", names, &PyDict_Type,
                                     &words, &PyFrozenSet_Type, &phrase_starts, &PyFrozenSet_Type, &triggers,
                                     &PyDict_Type, &punct, &number_token, &token_type, &PyFrozenSet_Type,
                                     &clock_suffixes, &PyFrozenSet_Type, &count_suffixes, &PyFrozenSet_Type,
                                     &ordinal_suffixes, &counted_suffix, &first_year, &last_year))
        return NULL;
    if (!PyCallable_Check(number_token)) {
        PyErr_SetString(PyExc_TypeError, "number_token must be callable");
        return NULL;
    }
    if (!PyType_Check(token_type) || !PyType_IsSubtype((PyTypeObject *)token_type, &PyTuple_Type)) {
        PyErr_SetString(PyExc_TypeError, "token_type must be a tuple subclass");
        return NULL;
    }
    Lexicon lexicon;
    if (build_lexicon(&lexicon, words, phrase_starts, triggers))
        return NULL;
    State *st = get_state(module);
    free_lexicon(&st->lexicon);
    st->lexicon = lexicon;
    fill_filters(st, &st->lexicon);
    Py_XSETREF(st->punct, Py_NewRef(punct));
    Py_XSETREF(st->number_token, Py_NewRef(number_token));
    Py_XSETREF(st->token_type, Py_NewRef(token_type));
    Py_XSETREF(st->clock_suffixes, Py_NewRef(clock_suffixes));
    Py_XSETREF(st->count_suffixes, Py_NewRef(count_suffixes));
    Py_XSETREF(st->ordinal_suffixes, Py_NewRef(ordinal_suffixes));
    Py_XSETREF(st->counted_suffix, Py_NewRef(counted_suffix));
    st->first_year = first_year;
    st->last_year = last_year;
    Py_RETURN_NONE;
}

static PyMethodDef methods[] = {
    {"tokenize", (PyCFunction)tokenize, METH_O, tokenize_doc},
    {"tokenize_tuples", (PyCFunction)tokenize_tuples, METH_O, tokenize_tuples_doc},
    {"configure", (PyCFunction)(void (*)(void))configure, METH_VARARGS | METH_KEYWORDS, configure_doc},
    {NULL, NULL, 0, NULL},
};

static int
module_exec(PyObject *module)
{
    State *st = get_state(module);
    st->empty = PyUnicode_FromStringAndSize("", 0);
    st->other = PyUnicode_InternFromString("o");
    if (st->empty == NULL || st->other == NULL)
        return -1;
    PyDateTime_IMPORT; /* for PyDate_FromDate */
    return PyDateTimeAPI == NULL ? -1 : 0;
}

static int
module_traverse(PyObject *module, visitproc visit, void *arg)
{
    State *st = get_state(module);
    Py_VISIT(st->punct);
    Py_VISIT(st->number_token);
    Py_VISIT(st->token_type);
    Py_VISIT(st->clock_suffixes);
    Py_VISIT(st->count_suffixes);
    Py_VISIT(st->ordinal_suffixes);
    Py_VISIT(st->counted_suffix);
    return 0;
}

static int
module_clear(PyObject *module)
{
    State *st = get_state(module);
    free_lexicon(&st->lexicon);
    Py_CLEAR(st->punct);
    Py_CLEAR(st->number_token);
    Py_CLEAR(st->token_type);
    Py_CLEAR(st->clock_suffixes);
    Py_CLEAR(st->count_suffixes);
    Py_CLEAR(st->ordinal_suffixes);
    Py_CLEAR(st->counted_suffix);
    Py_CLEAR(st->empty);
    Py_CLEAR(st->other);
    for (Py_ssize_t i = 0; i < KEPT_OFFSETS; i++)
        Py_CLEAR(st->offsets[i]);
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
    .m_name = "newsingest.dates._tokenize",
    .m_doc = "The date tokenizer of newsingest.dates.tokens in C; tokenize_python is its specification.",
    .m_size = sizeof(State),
    .m_methods = methods,
    .m_slots = slots,
    .m_traverse = module_traverse,
    .m_clear = module_clear,
    .m_free = module_free,
};

PyMODINIT_FUNC
PyInit__tokenize(void)
{
    return PyModuleDef_Init(&definition);
}
