/* newsingest._normalise: what normalise.py's checks say about a text, in one pass.
 *
 * Before normalise() knows what a text needs, it runs a dozen regex and substring scans over
 * it (is_nfc, needs_work, each fix's _MAY_MATCH check, _has_edge_space): ~50 us for a news
 * article that needs at most its dari fixed. scan() answers all of them in one loop over the
 * code points. normalise.py is the specification and the fallback (no compiler, or text whose
 * NFC only unicodedata can judge, see below): each bit below is defined as the Python check
 * it stands for, and tests/test_normalise_native.py compares the two on random text.
 *
 *     scan(text) -> int | None
 *
 * None when `text` holds a character NFC may act on outside the Bengali block: a combining
 * mark, a character NFC replaces, or one that composes with the character before it (setup.py
 * lists them in _normalise_nfc.h, from the unicodedata of the Python it builds for). Only
 * unicodedata can say whether such text is NFC. Otherwise the bits, exported as module
 * constants, of the checks that are true of `text`:
 *
 *     NOT_NFC       not is_nfc(text)
 *     DARI          _MAY_MATCH["dari"](text), and so on for each fix:
 *     KHANDA_TA     ... ["khanda_ta"]
 *     ZERO_WIDTH    ... ["zero_width"]
 *     DOUBLED_SIGN  ... ["doubled_sign"]
 *     WHITESPACE    ... ["whitespace"]
 *     LINE_BREAK    _has_any(text, "\r\x85\u2028\u2029")
 *     EDGE_SPACE    _has_edge_space(text)
 *
 * needs_work(text) is true exactly when a bit other than NOT_NFC is set. Every character left
 * (Latin-1, no-break and other spaces, joiners, punctuation, other scripts' letters, emoji) is
 * a starter NFC keeps and that composes with nothing before it, so whether the text is NFC is
 * decided by its Bengali alone, as in normalise.is_nfc; the checks for the fixes look for a
 * few of them by name (the spaces and zero-width characters, which normalise.py lists).
 */
#define PY_SSIZE_T_CLEAN
#include <Python.h>

#include "_normalise_nfc.h" /* NFC_ACTIVE */

enum {
    NOT_NFC = 1 << 0,
    DARI = 1 << 1,
    KHANDA_TA = 1 << 2,
    ZERO_WIDTH = 1 << 3,
    DOUBLED_SIGN = 1 << 4,
    WHITESPACE = 1 << 5,
    LINE_BREAK = 1 << 6,
    EDGE_SPACE = 1 << 7,
};

#define LEFT_TO_PYTHON (-1) /* scan's None */

/* The class of a character: what it can take part in. The classes from SIGN on are the vowel
 * signs and marks of _DOUBLED_SIGN ([\u0981-\u0983\u09bc\u09be-\u09cc\u09cd\u09d7]). */
enum {
    PLAIN = 0,       /* in no check */
    SPACE,           /* " " */
    NEWLINE,         /* "\n" */
    LINE_BREAK_CHAR, /* "\r", U+0085, U+2028, U+2029 */
    NO_BREAK_SPACE,  /* U+00A0: kept where it stands alone between two other characters */
    OTHER_SPACE,     /* "\t", "\v", "\f", "\x1c"-"\x1f", and past ASCII those of foreign_class */
    ZERO_WIDTH_CHAR, /* ZWNJ, ZWJ, U+200B, U+2060, U+FEFF */
    SPLIT_BY_NFC,    /* ড় ঢ় য় precomposed (U+09DC U+09DD U+09DF): NFC splits them */
    DARI_CHAR,       /* U+09F7 */
    SANDA,           /* U+09FE: NFC puts a nukta or a virama before it */
    SIGN,
    E_SIGN,          /* U+09C7: ে া is ো in NFC, ে ৗ is ৌ */
    SIGN_AA,         /* U+09BE */
    SIGN_AU_LENGTH,  /* U+09D7 */
    NUKTA,           /* U+09BC: NFC puts it before a virama */
    VIRAMA,          /* U+09CD */
    CLASSES
};

/* Classes of U+0000-U+007F at [c], and of U+0980-U+09FF at [c - 0x900]. */
#define BN(c) ((c) - 0x0900)
static const unsigned char CLASS_OF[0x100] = {
    ['\t'] = OTHER_SPACE, ['\n'] = NEWLINE, ['\v'] = OTHER_SPACE, ['\f'] = OTHER_SPACE,
    ['\r'] = LINE_BREAK_CHAR, [0x1c] = OTHER_SPACE, [0x1d] = OTHER_SPACE, [0x1e] = OTHER_SPACE,
    [0x1f] = OTHER_SPACE, [' '] = SPACE,
    [BN(0x0981)] = SIGN, [BN(0x0982)] = SIGN, [BN(0x0983)] = SIGN, [BN(0x09BC)] = NUKTA,
    [BN(0x09BE)] = SIGN_AA, [BN(0x09BF)] = SIGN, [BN(0x09C0)] = SIGN, [BN(0x09C1)] = SIGN,
    [BN(0x09C2)] = SIGN, [BN(0x09C3)] = SIGN, [BN(0x09C4)] = SIGN, [BN(0x09C5)] = SIGN,
    [BN(0x09C6)] = SIGN, [BN(0x09C7)] = E_SIGN, [BN(0x09C8)] = SIGN, [BN(0x09C9)] = SIGN,
    [BN(0x09CA)] = SIGN, [BN(0x09CB)] = SIGN, [BN(0x09CC)] = SIGN, [BN(0x09CD)] = VIRAMA,
    [BN(0x09D7)] = SIGN_AU_LENGTH,
    [BN(0x09DC)] = SPLIT_BY_NFC, [BN(0x09DD)] = SPLIT_BY_NFC, [BN(0x09DF)] = SPLIT_BY_NFC,
    [BN(0x09F7)] = DARI_CHAR, [BN(0x09FE)] = SANDA,
};

/* The bits a character sets by its class alone, */
static const unsigned char ALONE[CLASSES] = {
    [LINE_BREAK_CHAR] = WHITESPACE | LINE_BREAK,
    [OTHER_SPACE] = WHITESPACE,
    [ZERO_WIDTH_CHAR] = ZERO_WIDTH,
    [SPLIT_BY_NFC] = NOT_NFC,
    [DARI_CHAR] = DARI,
};

/* and those it sets after a character of another class: AFTER[class before][class]. */
static const unsigned char AFTER[CLASSES][CLASSES] = {
    [SPACE][SPACE] = WHITESPACE,
    [SPACE][NO_BREAK_SPACE] = WHITESPACE,
    [NO_BREAK_SPACE][SPACE] = WHITESPACE,
    [NO_BREAK_SPACE][NO_BREAK_SPACE] = WHITESPACE,
    [SPACE][NEWLINE] = EDGE_SPACE,
    [NEWLINE][SPACE] = EDGE_SPACE,
    [NO_BREAK_SPACE][NEWLINE] = EDGE_SPACE,
    [NEWLINE][NO_BREAK_SPACE] = EDGE_SPACE,
    [E_SIGN][SIGN_AA] = NOT_NFC,
    [E_SIGN][SIGN_AU_LENGTH] = NOT_NFC,
    [VIRAMA][NUKTA] = NOT_NFC,
    [SANDA][NUKTA] = NOT_NFC,
    [SANDA][VIRAMA] = NOT_NFC,
};

/* Both in one table, BITS[class before][class], filled by normalise_exec: one lookup a
 * character, in rows of 16 so that a row is found by a shift. The scan loop takes a tenth
 * fewer instructions than with the two tables. */
static unsigned char BITS[CLASSES][16];
_Static_assert(CLASSES <= 16, "a row of BITS has a place for every class");

/* Whether NFC may act on `c`: a binary search of NFC_ACTIVE, for the few characters of a
 * Bengali text outside the block (no-break spaces, Latin-1 letters, symbols). */
static int
nfc_active(Py_UCS4 c)
{
    size_t low = 0, high = sizeof NFC_ACTIVE / sizeof NFC_ACTIVE[0];
    while (low < high) {
        size_t middle = low + (high - low) / 2;
        if (c < NFC_ACTIVE[middle][0]) {
            high = middle;
        }
        else if (c > NFC_ACTIVE[middle][1]) {
            low = middle + 1;
        }
        else {
            return 1;
        }
    }
    return 0;
}

/* The class of a character outside ASCII, the Bengali block and the joiners, or
 * LEFT_TO_PYTHON where NFC may act on it (as on U+2000 and U+2001, spaces it replaces). The
 * spaces are those of normalise._SPACES_BUT_SPACE_AND_NEWLINE and the no-break space: Python's
 * str.isspace. */
Py_NO_INLINE static int /* out of the loop: inlined three times, it slowed the common path */
foreign_class(Py_UCS4 c)
{
    if (nfc_active(c)) {
        return LEFT_TO_PYTHON;
    }
    switch (c) {
    case 0x0085: case 0x2028: case 0x2029:
        return LINE_BREAK_CHAR;
    case 0x00A0:
        return NO_BREAK_SPACE;
    case 0x1680: case 0x202F: case 0x205F: case 0x3000:
        return OTHER_SPACE;
    case 0x200B: case 0x2060: case 0xFEFF:
        return ZERO_WIDTH_CHAR;
    }
    return c >= 0x2000 && c <= 0x200A ? OTHER_SPACE : PLAIN;
}

/* The dandas and the punctuation of Bengali text: PLAIN, and NFC leaves them alone, which
 * spares them a search of NFC_ACTIVE. (A macro: as an inline function it cost the scan loop
 * an instruction a character.) */
#define COMMON_PUNCTUATION(c) \
    ((c) == 0x0964 || (c) == 0x0965 || ((c) >= 0x2010 && (c) <= 0x2027) || ((c) >= 0x2030 && (c) <= 0x205E))

/* The bits for one str representation; `kind` is a constant where it is inlined below, so
 * each representation gets its own loop. Table lookups, not a branch for each class: Bengali
 * text changes class every character or two (letter, sign, space), and a loop with a branch
 * for each class, which the processor cannot predict, took 1.6 times as long. */
static inline Py_ALWAYS_INLINE int
scan_kind(int kind, const void *data, Py_ssize_t length)
{
    int found = 0;
    Py_UCS4 prev = 0; /* the character before, and its class; NUL starts no pair */
    int prev_class = PLAIN;
    for (Py_ssize_t i = 0; i < length; i++) {
        Py_UCS4 c = PyUnicode_READ(kind, data, i);
        int ascii = c < 0x80, bengali = c - 0x0980 < 0x80; /* nearly every character */
        int cls = PLAIN;
        if (ascii | bengali) {
            cls = CLASS_OF[ascii ? c : BN(c)];
        }
        else if (c == 0x200C || c == 0x200D) { /* ZWNJ and ZWJ, often in Bengali */
            cls = ZERO_WIDTH_CHAR;
            /* ZWJ is the third of legacy khanda ta's TA VIRAMA ZWJ */
            if (c == 0x200D && prev == 0x09CD && i >= 2 && PyUnicode_READ(kind, data, i - 2) == 0x09A4) {
                found |= KHANDA_TA;
            }
        }
        else if (!COMMON_PUNCTUATION(c)) {
            cls = foreign_class(c);
            if (cls == LEFT_TO_PYTHON) {
                return LEFT_TO_PYTHON;
            }
        }
        found |= BITS[prev_class][cls];
        if (c == prev && cls >= SIGN) {
            found |= DOUBLED_SIGN;
        }
        prev = c;
        prev_class = cls;
    }
    if (length) {
        Py_UCS4 first = PyUnicode_READ(kind, data, 0), last = PyUnicode_READ(kind, data, length - 1);
        if (first == ' ' || first == 0x00A0 || last == ' ' || last == 0x00A0) {
            found |= EDGE_SPACE;
        }
    }
    return found;
}

static PyObject *
scan(PyObject *Py_UNUSED(module), PyObject *text)
{
    if (!PyUnicode_Check(text)) {
        PyErr_Format(PyExc_TypeError, "scan(text: str), not %.100s", Py_TYPE(text)->tp_name);
        return NULL;
    }
    const void *data = PyUnicode_DATA(text);
    Py_ssize_t length = PyUnicode_GET_LENGTH(text);
    int found;
    switch (PyUnicode_KIND(text)) {
    case PyUnicode_1BYTE_KIND:
        found = scan_kind(PyUnicode_1BYTE_KIND, data, length);
        break;
    case PyUnicode_2BYTE_KIND:
        found = scan_kind(PyUnicode_2BYTE_KIND, data, length);
        break;
    default:
        found = scan_kind(PyUnicode_4BYTE_KIND, data, length);
        break;
    }
    if (found == LEFT_TO_PYTHON) {
        Py_RETURN_NONE;
    }
    return PyLong_FromLong(found);
}

/* The canonical combining class of a character of text nfc() takes: NFC sorts each run of
 * marks by it. Every character but these three Bengali marks is a starter there (0). */
static int
combining_class(Py_UCS4 c)
{
    switch (c) {
    case 0x09BC: /* nukta */
        return 7;
    case 0x09CD: /* virama */
        return 9;
    case 0x09FE: /* sanda */
        return 230;
    }
    return 0;
}

/* NFC of the text in `data`, written to `out` (room for twice its length) in the same kind;
 * returns the result's length, or LEFT_TO_PYTHON. Inlined for each kind, as scan_kind is.
 *
 * For text scan() answers for, NFC acts on Bengali alone, and its rules for the block are
 * three: ড় ঢ় য় precomposed become letter + nukta (composition excludes them), a run of marks
 * is sorted by combining class, and ে directly before া or ৗ becomes ো or ৌ (any mark between
 * blocks that). Every other character is a starter that stays as it is and composes with
 * nothing after it. */
static inline Py_ALWAYS_INLINE Py_ssize_t
nfc_kind(int kind, const void *data, Py_ssize_t length, void *out)
{
    Py_ssize_t size = 0, marks = 0; /* out[marks:size] is the run of marks being sorted */
    for (Py_ssize_t i = 0; i < length; i++) {
        Py_UCS4 c = PyUnicode_READ(kind, data, i);
        int ascii = c < 0x80, bengali = c - 0x0980 < 0x80;
        int cls = PLAIN;
        if (ascii | bengali) {
            cls = CLASS_OF[ascii ? c : BN(c)];
        }
        else if (!COMMON_PUNCTUATION(c) && nfc_active(c)) {
            return LEFT_TO_PYTHON;
        }
        switch (cls) { /* nearly every character takes the default */
        case SPLIT_BY_NFC:
            PyUnicode_WRITE(kind, out, size++, c == 0x09DC ? 0x09A1 : c == 0x09DD ? 0x09A2 : 0x09AF);
            marks = size;
            c = 0x09BC; /* the nukta, which starts the run of marks after the letter */
            /* fall through */
        case NUKTA:
        case VIRAMA:
        case SANDA: {
            /* In after the last mark of the run whose class is not greater: a stable sort. */
            int ccc = combining_class(c);
            Py_ssize_t at = size;
            while (at > marks && combining_class(PyUnicode_READ(kind, out, at - 1)) > ccc) {
                PyUnicode_WRITE(kind, out, at, PyUnicode_READ(kind, out, at - 1));
                at--;
            }
            PyUnicode_WRITE(kind, out, at, c);
            size++;
            break;
        }
        case SIGN_AA:
        case SIGN_AU_LENGTH:
            if (size && PyUnicode_READ(kind, out, size - 1) == 0x09C7) {
                PyUnicode_WRITE(kind, out, size - 1, c == 0x09BE ? 0x09CB : 0x09CC);
                marks = size;
                break;
            }
            /* fall through */
        default:
            PyUnicode_WRITE(kind, out, size++, c);
            marks = size;
        }
    }
    return size;
}

/* unicodedata.normalize("NFC", text) for text scan() answers for (see nfc_kind). CPython's
 * normalize takes ~50 ns a character of Bengali (it finds each character's place in its
 * composition table by a linear search), 25-220 us an article: most of normalise's time on
 * the many articles typed with precomposed য়, which NFC splits. This takes ~1.5 ns. */
static PyObject *
nfc(PyObject *Py_UNUSED(module), PyObject *text)
{
    if (!PyUnicode_Check(text)) {
        PyErr_Format(PyExc_TypeError, "nfc(text: str), not %.100s", Py_TYPE(text)->tp_name);
        return NULL;
    }
    int kind = PyUnicode_KIND(text);
    const void *data = PyUnicode_DATA(text);
    Py_ssize_t length = PyUnicode_GET_LENGTH(text);
    if (length > PY_SSIZE_T_MAX / 2 / kind) {
        return PyErr_NoMemory();
    }
    void *out = PyMem_Malloc(2 * length * kind + 1);
    if (out == NULL) {
        return PyErr_NoMemory();
    }
    Py_ssize_t size;
    switch (kind) {
    case PyUnicode_1BYTE_KIND:
        size = nfc_kind(PyUnicode_1BYTE_KIND, data, length, out);
        break;
    case PyUnicode_2BYTE_KIND:
        size = nfc_kind(PyUnicode_2BYTE_KIND, data, length, out);
        break;
    default:
        size = nfc_kind(PyUnicode_4BYTE_KIND, data, length, out);
        break;
    }
    PyObject *result = NULL;
    if (size == LEFT_TO_PYTHON) {
        PyErr_SetString(PyExc_ValueError, "nfc(text): text with a character scan() leaves to Python");
    }
    else {
        result = PyUnicode_FromKindAndData(kind, out, size);
    }
    PyMem_Free(out);
    return result;
}

/* The fixes below delete characters or write " " for them: the result, in the text's kind,
 * fits in a buffer of its length. fix_end() turns the buffer into the result and frees it. */
static void *
fix_start(PyObject *text, const char *name)
{
    if (!PyUnicode_Check(text)) {
        PyErr_Format(PyExc_TypeError, "%s(text: str), not %.100s", name, Py_TYPE(text)->tp_name);
        return NULL;
    }
    void *out = PyMem_Malloc(PyUnicode_GET_LENGTH(text) * PyUnicode_KIND(text) + 1);
    if (out == NULL) {
        PyErr_NoMemory();
    }
    return out;
}

static PyObject *
fix_end(PyObject *text, void *out, Py_ssize_t size)
{
    PyObject *result = PyUnicode_FromKindAndData(PyUnicode_KIND(text), out, size);
    PyMem_Free(out);
    return result;
}

/* FIXES["whitespace"].apply(text), which took 20 ns a character (its regex tries at every
 * position) on the news that holds a no-break space: each run of whitespace but "\n" (the
 * regex's [^\S\n], str.isspace) becomes one " "; a lone " " or no-break space stays. */
static PyObject *
whitespace(PyObject *Py_UNUSED(module), PyObject *text)
{
    void *out = fix_start(text, "whitespace");
    if (out == NULL) {
        return NULL;
    }
    int kind = PyUnicode_KIND(text);
    const void *data = PyUnicode_DATA(text);
    Py_ssize_t length = PyUnicode_GET_LENGTH(text), size = 0;
    for (Py_ssize_t i = 0; i < length;) {
        Py_UCS4 c = PyUnicode_READ(kind, data, i);
        if (c == '\n' || !Py_UNICODE_ISSPACE(c)) {
            PyUnicode_WRITE(kind, out, size++, c);
            i++;
            continue;
        }
        Py_ssize_t run = i + 1;
        while (run < length && PyUnicode_READ(kind, data, run) != '\n'
               && Py_UNICODE_ISSPACE(PyUnicode_READ(kind, data, run))) {
            run++;
        }
        PyUnicode_WRITE(kind, out, size++, run - i == 1 && c == 0x00A0 ? c : ' ');
        i = run;
    }
    return fix_end(text, out, size);
}

/* FIXES["zero_width"].apply(text), for the same reason: ZWSP, ZWNJ, the word joiner and the
 * BOM go, and ZWJ unless it stands between র and ্য (the ra-phala of র‍্যাব). */
static PyObject *
zero_width(PyObject *Py_UNUSED(module), PyObject *text)
{
    void *out = fix_start(text, "zero_width");
    if (out == NULL) {
        return NULL;
    }
    int kind = PyUnicode_KIND(text);
    const void *data = PyUnicode_DATA(text);
    Py_ssize_t length = PyUnicode_GET_LENGTH(text), size = 0;
    for (Py_ssize_t i = 0; i < length; i++) {
        Py_UCS4 c = PyUnicode_READ(kind, data, i);
        if (c == 0x200B || c == 0x200C || c == 0x2060 || c == 0xFEFF) {
            continue;
        }
        if (c == 0x200D && !(i >= 1 && PyUnicode_READ(kind, data, i - 1) == 0x09B0 && i + 2 < length
                             && PyUnicode_READ(kind, data, i + 1) == 0x09CD
                             && PyUnicode_READ(kind, data, i + 2) == 0x09AF)) {
            continue;
        }
        PyUnicode_WRITE(kind, out, size++, c);
    }
    return fix_end(text, out, size);
}

static int
normalise_exec(PyObject *module)
{
    for (int before = 0; before < CLASSES; before++) {
        for (int cls = 0; cls < CLASSES; cls++) {
            BITS[before][cls] = ALONE[cls] | AFTER[before][cls];
        }
    }
    static const struct {
        const char *name;
        int bit;
    } bits[] = {
        {"NOT_NFC", NOT_NFC},     {"DARI", DARI},
        {"KHANDA_TA", KHANDA_TA}, {"ZERO_WIDTH", ZERO_WIDTH},
        {"DOUBLED_SIGN", DOUBLED_SIGN}, {"WHITESPACE", WHITESPACE},
        {"LINE_BREAK", LINE_BREAK}, {"EDGE_SPACE", EDGE_SPACE},
    };
    for (size_t i = 0; i < sizeof bits / sizeof bits[0]; i++) {
        if (PyModule_AddIntConstant(module, bits[i].name, bits[i].bit) < 0) {
            return -1;
        }
    }
    return 0;
}

static PyMethodDef normalise_methods[] = {
    {"scan", scan, METH_O,
     "scan(text) -> int | None: the bits of the normalise.py checks true of text; None for "
     "text with a character NFC may act on outside the Bengali block."},
    {"nfc", nfc, METH_O,
     "nfc(text) -> str: unicodedata.normalize('NFC', text) for text scan() answers for (not "
     "None); ValueError for other text."},
    {"whitespace", whitespace, METH_O, "whitespace(text) -> str: FIXES['whitespace'].apply(text)."},
    {"zero_width", zero_width, METH_O, "zero_width(text) -> str: FIXES['zero_width'].apply(text)."},
    {NULL, NULL, 0, NULL},
};

static PyModuleDef_Slot normalise_slots[] = {
    {Py_mod_exec, normalise_exec},
    {0, NULL},
};

static struct PyModuleDef normalise_module = {
    PyModuleDef_HEAD_INIT,
    .m_name = "newsingest._normalise",
    .m_doc = "normalise.py's checks of a text, in one C pass (normalise.py is the specification).",
    .m_size = 0,
    .m_methods = normalise_methods,
    .m_slots = normalise_slots,
};

PyMODINIT_FUNC
PyInit__normalise(void)
{
    return PyModuleDef_Init(&normalise_module);
}
