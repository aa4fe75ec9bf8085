/* newsingest.dates._tokenize: the date tokenizer of tokens.py, in C, for speed.
 *
 * tokens.tokenize_python is the specification; this module returns exactly the list it
 * returns (same Token instances, classes, values, endings and str offsets) and the
 * hypothesis property in tests/test_tokenize_native.py holds the two together.
 *
 *     configure(words, phrase_starts, triggers, punct, number_token, token_type)
 *         once, at import of tokens.py: the lexicon tables and callbacks it uses.
 *     tokenize(text) -> list[Token]
 *
 * The regular expressions of tokens.py become loops over the str's code points:
 *     \d  Py_UNICODE_ISDECIMAL (what re uses for \d in str patterns)
 *     \s  Py_UNICODE_ISSPACE   (what re uses for \s), \S its complement
 *     BN  _BN_LETTERS: U+0980-U+09E5, U+09F0-U+09FC, U+09FE, U+200D (ZWJ)
 * Numbers are rare; their classification stays in Python (_number_token is called back).
 */
#define PY_SSIZE_T_CLEAN
#include <Python.h>
#include <stdint.h>

/* Trigger-word pre-filter: a Bloom filter (two bits per word) over a hash of the code points
 * of every trigger word. A word with a bit clear cannot be in the set, so most words of a
 * sentence are rejected without making a str of them (about 2% of other words get through
 * with 10,000 trigger words). */
#define FILTER_BITS (1 << 17)

typedef struct {
    PyObject *words;         /* dict: surface form -> (class, value, ending) */
    PyObject *phrase_starts; /* frozenset: first words of two-word phrase keys */
    PyObject *triggers;      /* frozenset: words that make a sentence worth tokenizing */
    PyObject *punct;         /* dict: one-character str -> class */
    PyObject *number_token;  /* callable(digits, suffix, start, end) -> Token */
    PyObject *token_type;    /* the Token NamedTuple class */
    PyObject *empty;         /* "" */
    PyObject *other;         /* "o" */
    unsigned char filter[FILTER_BITS / 8];
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
#define SLOT1(h) ((size_t)((h) >> 7) & (FILTER_BITS - 1))
#define SLOT2(h) ((size_t)((h) >> 37) & (FILTER_BITS - 1))

static inline int
filter_has(const unsigned char *filter, uint64_t h)
{
    size_t a = SLOT1(h), b = SLOT2(h);
    return (filter[a / 8] >> (a % 8)) & (filter[b / 8] >> (b % 8)) & 1;
}

/* The text being tokenized, read by index. */
typedef struct {
    int kind;
    const void *data;
} Text;

#define AT(t, i) PyUnicode_READ((t)->kind, (t)->data, (i))

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
    while (i < limit && Py_UNICODE_ISDECIMAL(AT(t, i)))
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

/* ---- one match of _TOKEN ------------------------------------------------------------ */

enum { NONE, NUM, WORD, PUNCT };

typedef struct {
    int kind;
    Py_ssize_t start, end;
    Py_ssize_t digits_end; /* NUM: where the digits end and the suffix (maybe empty) begins */
} Match;

/* The next match of _TOKEN in text[pos:limit], as re.finditer(text, pos, limit) finds it:
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
    else if (Py_UNICODE_ISDECIMAL(c)) {
        /* \d+(?:[:.]\d+)*(?:[-/]\d+)* : nothing after these can fail, so the greedy path is
         * the match; an iteration is taken only when its separator has a digit after it. */
        Py_ssize_t i = skip_decimal(t, pos + 1, limit);
        Py_UCS4 s;
        while (i + 1 < limit && ((s = AT(t, i)) == ':' || s == '.') && Py_UNICODE_ISDECIMAL(AT(t, i + 1)))
            i = skip_decimal(t, i + 2, limit);
        while (i + 1 < limit && ((s = AT(t, i)) == '-' || s == '/') && Py_UNICODE_ISDECIMAL(AT(t, i + 1)))
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

static PyObject *
make_token(State *st, Py_ssize_t start, Py_ssize_t end, PyObject *cls, PyObject *value, PyObject *ending)
{
    PyObject *a = PyLong_FromSsize_t(start);
    if (a == NULL)
        return NULL;
    PyObject *b = PyLong_FromSsize_t(end);
    if (b == NULL) {
        Py_DECREF(a);
        return NULL;
    }
#ifdef DIRECT_TOKENS
    PyTypeObject *type = (PyTypeObject *)st->token_type;
    PyObject *token = type->tp_alloc(type, 5);
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
    return token;
#else
    PyObject *items = PyTuple_New(5);
    if (items == NULL) {
        Py_DECREF(a);
        Py_DECREF(b);
        return NULL;
    }
    PyTuple_SET_ITEM(items, 0, a);
    PyTuple_SET_ITEM(items, 1, b);
    PyTuple_SET_ITEM(items, 2, Py_NewRef(cls));
    PyTuple_SET_ITEM(items, 3, Py_NewRef(value));
    PyTuple_SET_ITEM(items, 4, Py_NewRef(ending));
    PyObject *args = PyTuple_Pack(1, items);
    Py_DECREF(items);
    if (args == NULL)
        return NULL;
    PyObject *token = PyTuple_Type.tp_new((PyTypeObject *)st->token_type, args, NULL);
    Py_DECREF(args);
    return token;
#endif
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

/* WORDS.get(word) or, for an ASCII word ([A-Za-z]+; a word of BN letters never is),
 * WORDS.get(word.lower()); a new reference to the entry, or Py_None when neither is there
 * (NULL on error). */
static PyObject *
lookup_word(State *st, PyObject *word, int ascii)
{
    PyObject *entry = PyDict_GetItemWithError(st->words, word);
    if (entry != NULL)
        return Py_NewRef(entry);
    if (PyErr_Occurred())
        return NULL;
    if (!ascii)
        return Py_NewRef(Py_None);
    PyObject *lower = PyObject_CallMethod(word, "lower", NULL);
    if (lower == NULL)
        return NULL;
    entry = PyDict_GetItemWithError(st->words, lower);
    Py_DECREF(lower);
    if (entry != NULL)
        return Py_NewRef(entry);
    return PyErr_Occurred() ? NULL : Py_NewRef(Py_None);
}

/* The two-word phrase "first second" when `first` (the word text[start:end]) opens one, the
 * next match is a word one character (a whitespace) after it, and the pair is in WORDS:
 * 1 and *phrase_end set, 0 when not, -1 on error. Appends the phrase token. */
static int
try_phrase(State *st, const Text *t, PyObject *text, PyObject *first, Py_ssize_t start, Py_ssize_t end,
           Py_ssize_t limit, PyObject *tokens, Py_ssize_t *phrase_end)
{
    int opens = PySet_Contains(st->phrase_starts, first);
    if (opens <= 0)
        return opens;
    Match following = next_match(t, end, limit);
    if (following.kind != WORD || following.start != end + 1)
        return 0;
    PyObject *second = PyUnicode_Substring(text, following.start, following.end);
    if (second == NULL)
        return -1;
    PyObject *key = PyUnicode_FromFormat("%U %U", first, second);
    Py_DECREF(second);
    if (key == NULL)
        return -1;
    PyObject *entry = PyDict_GetItemWithError(st->words, key);
    Py_DECREF(key);
    if (entry == NULL)
        return PyErr_Occurred() ? -1 : 0;
    Py_INCREF(entry);
    int failed = append_new(tokens, entry_token(st, start, following.end, entry));
    Py_DECREF(entry);
    if (failed)
        return -1;
    *phrase_end = following.end;
    return 1;
}

/* _tokenize_span: append the tokens of text[begin:limit]. */
static int
tokenize_span(State *st, const Text *t, PyObject *text, Py_ssize_t begin, Py_ssize_t limit, PyObject *tokens)
{
    Py_ssize_t pos = begin;
    for (;;) {
        Match m = next_match(t, pos, limit);
        if (m.kind == NONE)
            return 0;
        pos = m.end;
        if (m.kind == WORD) {
            PyObject *word = PyUnicode_Substring(text, m.start, m.end);
            if (word == NULL)
                return -1;
            Py_ssize_t phrase_end;
            int phrase = try_phrase(st, t, text, word, m.start, m.end, limit, tokens, &phrase_end);
            if (phrase != 0) {
                Py_DECREF(word);
                if (phrase < 0)
                    return -1;
                pos = phrase_end;
                continue;
            }
            PyObject *entry = lookup_word(st, word, is_ascii_letter(AT(t, m.start)));
            PyObject *token = NULL;
            if (entry == Py_None)
                token = make_token(st, m.start, m.end, st->other, word, st->empty);
            else if (entry != NULL)
                token = entry_token(st, m.start, m.end, entry);
            Py_XDECREF(entry);
            Py_DECREF(word);
            if (append_new(tokens, token))
                return -1;
        }
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
        else {
            PyObject *digits = PyUnicode_Substring(text, m.start, m.digits_end);
            if (digits == NULL)
                return -1;
            PyObject *suffix = m.digits_end < m.end ? PyUnicode_Substring(text, m.digits_end, m.end)
                                                    : Py_NewRef(st->empty);
            PyObject *start = suffix ? PyLong_FromSsize_t(m.start) : NULL;
            PyObject *end = start ? PyLong_FromSsize_t(m.end) : NULL;
            PyObject *token = NULL;
            if (end != NULL) {
                PyObject *args[4] = {digits, suffix, start, end};
                token = PyObject_Vectorcall(st->number_token, args, 4, NULL);
            }
            Py_DECREF(digits);
            Py_XDECREF(suffix);
            Py_XDECREF(start);
            Py_XDECREF(end);
            if (append_new(tokens, token))
                return -1;
        }
    }
}

/* _has_trigger: text[begin:limit] holds a decimal digit, or a run of BN letters or of ASCII
 * letters (_WORD) that is in the trigger set. 1, 0, or -1 on error. */
static int
has_trigger(State *st, const Text *t, PyObject *text, Py_ssize_t begin, Py_ssize_t limit)
{
    Py_ssize_t i = begin;
    while (i < limit) {
        Py_UCS4 c = AT(t, i);
        Py_ssize_t end = i + 1;
        uint64_t h = HASH_STEP(HASH_START, c);
        /* BN letters and ASCII letters are never decimal digits, so testing them first
         * keeps the (function-call) decimal test off most characters. */
        if (is_bn(c)) {
            while (end < limit && is_bn(c = AT(t, end))) {
                h = HASH_STEP(h, c);
                end++;
            }
        }
        else if (is_ascii_letter(c)) {
            while (end < limit && is_ascii_letter(c = AT(t, end))) {
                h = HASH_STEP(h, c);
                end++;
            }
        }
        else if (Py_UNICODE_ISDECIMAL(c))
            return 1;
        else {
            i++;
            continue;
        }
        if (filter_has(st->filter, h)) {
            PyObject *word = PyUnicode_Substring(text, i, end);
            if (word == NULL)
                return -1;
            int found = PySet_Contains(st->triggers, word);
            Py_DECREF(word);
            if (found != 0)
                return found;
        }
        i = end;
    }
    return 0;
}

/* ---- module functions --------------------------------------------------------------- */

PyDoc_STRVAR(tokenize_doc,
             "tokenize(text, /)\n--\n\n"
             "The tokens of `text`, exactly as newsingest.dates.tokens.tokenize_python gives them.");

static PyObject *
tokenize(PyObject *module, PyObject *text)
{
    State *st = get_state(module);
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
    while (begin < length) {
        Py_ssize_t stop = begin;
        while (stop < length && !is_sentence_end(AT(&t, stop)))
            stop++;
        if (stop < length)
            stop++; /* the mark stays in the sentence it ends */
        int trigger = has_trigger(st, &t, text, begin, stop);
        if (trigger < 0 || (trigger && tokenize_span(st, &t, text, begin, stop, tokens) < 0)) {
            Py_DECREF(tokens);
            return NULL;
        }
        begin = stop;
    }
    return tokens;
}

PyDoc_STRVAR(configure_doc,
             "configure(words, phrase_starts, triggers, punct, number_token, token_type, /)\n--\n\n"
             "Give the tokenizer the tables of tokens.py: WORDS (dict), _PHRASE_STARTS and\n"
             "_TRIGGERS (frozensets of str), _PUNCT (dict), _number_token and the Token class.\n"
             "The objects are kept, not copied; the trigger pre-filter is computed here.");

static PyObject *
configure(PyObject *module, PyObject *const *args, Py_ssize_t nargs)
{
    if (nargs != 6) {
        PyErr_Format(PyExc_TypeError, "configure() takes 6 arguments (%zd given)", nargs);
        return NULL;
    }
    PyObject *words = args[0], *phrase_starts = args[1], *triggers = args[2], *punct = args[3],
             *number_token = args[4], *token_type = args[5];
    if (!PyDict_Check(words) || !PyDict_Check(punct)) {
        PyErr_SetString(PyExc_TypeError, "words and punct must be dicts");
        return NULL;
    }
    if (!PyFrozenSet_Check(phrase_starts) || !PyFrozenSet_Check(triggers)) {
        PyErr_SetString(PyExc_TypeError, "phrase_starts and triggers must be frozensets");
        return NULL;
    }
    if (!PyCallable_Check(number_token)) {
        PyErr_SetString(PyExc_TypeError, "number_token must be callable");
        return NULL;
    }
    if (!PyType_Check(token_type) || !PyType_IsSubtype((PyTypeObject *)token_type, &PyTuple_Type)) {
        PyErr_SetString(PyExc_TypeError, "token_type must be a tuple subclass");
        return NULL;
    }
    unsigned char *filter = PyMem_Calloc(FILTER_BITS / 8, 1);
    if (filter == NULL)
        return PyErr_NoMemory();
    PyObject *iterator = PyObject_GetIter(triggers);
    if (iterator == NULL) {
        PyMem_Free(filter);
        return NULL;
    }
    PyObject *word;
    while ((word = PyIter_Next(iterator)) != NULL) {
        if (PyUnicode_Check(word)) { /* a non-str member can never equal a word */
            uint64_t h = HASH_START;
            for (Py_ssize_t i = 0; i < PyUnicode_GET_LENGTH(word); i++)
                h = HASH_STEP(h, PyUnicode_READ_CHAR(word, i));
            size_t a = SLOT1(h), b = SLOT2(h);
            filter[a / 8] |= (unsigned char)(1u << (a % 8));
            filter[b / 8] |= (unsigned char)(1u << (b % 8));
        }
        Py_DECREF(word);
    }
    Py_DECREF(iterator);
    if (PyErr_Occurred()) {
        PyMem_Free(filter);
        return NULL;
    }

    State *st = get_state(module);
    memcpy(st->filter, filter, FILTER_BITS / 8);
    PyMem_Free(filter);
    Py_XSETREF(st->words, Py_NewRef(words));
    Py_XSETREF(st->phrase_starts, Py_NewRef(phrase_starts));
    Py_XSETREF(st->triggers, Py_NewRef(triggers));
    Py_XSETREF(st->punct, Py_NewRef(punct));
    Py_XSETREF(st->number_token, Py_NewRef(number_token));
    Py_XSETREF(st->token_type, Py_NewRef(token_type));
    Py_RETURN_NONE;
}

static PyMethodDef methods[] = {
    {"tokenize", (PyCFunction)tokenize, METH_O, tokenize_doc},
    {"configure", (PyCFunction)(void (*)(void))configure, METH_FASTCALL, configure_doc},
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
    return 0;
}

static int
module_traverse(PyObject *module, visitproc visit, void *arg)
{
    State *st = get_state(module);
    Py_VISIT(st->words);
    Py_VISIT(st->phrase_starts);
    Py_VISIT(st->triggers);
    Py_VISIT(st->punct);
    Py_VISIT(st->number_token);
    Py_VISIT(st->token_type);
    return 0;
}

static int
module_clear(PyObject *module)
{
    State *st = get_state(module);
    Py_CLEAR(st->words);
    Py_CLEAR(st->phrase_starts);
    Py_CLEAR(st->triggers);
    Py_CLEAR(st->punct);
    Py_CLEAR(st->number_token);
    Py_CLEAR(st->token_type);
    Py_CLEAR(st->empty);
    Py_CLEAR(st->other);
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
