/* newsingest._normalise: what normalise.py's checks say about a text, in one pass.
 *
 * Before normalise() knows what a text needs, it runs a dozen regex and substring scans over
 * it (is_nfc, needs_work, each fix's _MAY_MATCH check, _has_edge_space): ~50 us for a news
 * article that needs at most its dari fixed. scan() answers all of them in one loop over the
 * code points. normalise.py is the specification and the fallback (no compiler, or a character
 * outside BENGALI_SET, where only unicodedata can say whether the text is NFC): each bit below
 * is defined as the Python check it stands for, and tests/test_normalise_native.py compares
 * the two on random text.
 *
 *     scan(text) -> int | None
 *
 * None when `text` holds a character outside normalise.BENGALI_SET
 * ("\x00-\x7f\u0964\u0965\u0980-\u09ff\u200c\u200d\u2010-\u2027\u2030-\u205e"); otherwise
 * the bits, exported as module constants, of the checks that are true of `text`:
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
 * needs_work(text) is true exactly when a bit other than NOT_NFC is set. Inside BENGALI_SET
 * the only spaces are " ", "\n", "\t", "\v", "\f", "\r" and "\x1c"-"\x1f", and the only
 * zero-width characters ZWNJ and ZWJ: the other characters those checks look for are outside.
 */
#define PY_SSIZE_T_CLEAN
#include <Python.h>

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

#define OUTSIDE (-1)

/* The class of a character of U+0000-U+007F or U+0980-U+09FF: what it can take part in.
 * The classes from SIGN on are the vowel signs and marks of _DOUBLED_SIGN
 * ([\u0981-\u0983\u09bc\u09be-\u09cc\u09cd\u09d7]). */
enum {
    PLAIN = 0,       /* in no check */
    SPACE,           /* " " */
    NEWLINE,         /* "\n" */
    CARRIAGE_RETURN, /* "\r" */
    OTHER_SPACE,     /* "\t", "\v", "\f", "\x1c"-"\x1f" */
    SPLIT_BY_NFC,      /* ড় ঢ় য় precomposed (U+09DC U+09DD U+09DF): NFC splits them */
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
    ['\r'] = CARRIAGE_RETURN, [0x1c] = OTHER_SPACE, [0x1d] = OTHER_SPACE, [0x1e] = OTHER_SPACE,
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
    [CARRIAGE_RETURN] = WHITESPACE | LINE_BREAK,
    [OTHER_SPACE] = WHITESPACE,
    [SPLIT_BY_NFC] = NOT_NFC,
    [DARI_CHAR] = DARI,
};

/* and those it sets after a character of another class: AFTER[class before][class]. */
static const unsigned char AFTER[CLASSES][CLASSES] = {
    [SPACE][SPACE] = WHITESPACE,
    [SPACE][NEWLINE] = EDGE_SPACE,
    [NEWLINE][SPACE] = EDGE_SPACE,
    [E_SIGN][SIGN_AA] = NOT_NFC,
    [E_SIGN][SIGN_AU_LENGTH] = NOT_NFC,
    [VIRAMA][NUKTA] = NOT_NFC,
    [SANDA][NUKTA] = NOT_NFC,
    [SANDA][VIRAMA] = NOT_NFC,
};

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
        else if (c == 0x200C) { /* ZWNJ */
            found |= ZERO_WIDTH;
        }
        else if (c == 0x200D) { /* ZWJ, the third of legacy khanda ta's TA VIRAMA ZWJ */
            found |= ZERO_WIDTH;
            if (prev == 0x09CD && i >= 2 && PyUnicode_READ(kind, data, i - 2) == 0x09A4) {
                found |= KHANDA_TA;
            }
        }
        else if (!(c == 0x0964 || c == 0x0965 || (c >= 0x2010 && c <= 0x2027)
                   || (c >= 0x2030 && c <= 0x205E))) {
            return OUTSIDE;
        }
        found |= ALONE[cls] | AFTER[prev_class][cls];
        if (c == prev && cls >= SIGN) {
            found |= DOUBLED_SIGN;
        }
        prev = c;
        prev_class = cls;
    }
    if (length && (PyUnicode_READ(kind, data, 0) == ' ' || PyUnicode_READ(kind, data, length - 1) == ' ')) {
        found |= EDGE_SPACE;
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
    if (found == OUTSIDE) {
        Py_RETURN_NONE;
    }
    return PyLong_FromLong(found);
}

static int
normalise_exec(PyObject *module)
{
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
     "text with a character outside BENGALI_SET."},
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
