/* Word and sentence counts of segment.py in one C loop over the text.
 *
 * segment.py's count_words and count_sentences are the specification and the fallback; this
 * module gives the same numbers without building the strings that re.sub, str.split and
 * re.findall build (tests/test_counts_native.py compares the two on random text). */

#define PY_SSIZE_T_CLEAN
#include <Python.h>

#define PUNCTUATION_TABLE_BYTES (0x10000 / 8)

/* count_words(text, punctuation) -> int | None
 *
 * `punctuation` is a bitmap of the code points below U+10000 that bnlp's BasicTokenizer
 * cuts off as tokens of their own. Each such character is a word; so is each run of other
 * non-space characters. None for text with a code point above U+FFFF: the bitmap does not
 * reach there, and segment.py counts such (rare) text itself. */
static PyObject *
count_words(PyObject *Py_UNUSED(module), PyObject *const *args, Py_ssize_t nargs)
{
    if (nargs != 2 || !PyUnicode_Check(args[0]) || !PyBytes_Check(args[1])
        || PyBytes_GET_SIZE(args[1]) != PUNCTUATION_TABLE_BYTES) {
        PyErr_SetString(PyExc_TypeError, "count_words(text: str, punctuation: bytes of 8192)");
        return NULL;
    }
    PyObject *text = args[0];
    int kind = PyUnicode_KIND(text);
    if (kind == PyUnicode_4BYTE_KIND) {
        Py_RETURN_NONE;
    }
    const void *data = PyUnicode_DATA(text);
    const unsigned char *table = (const unsigned char *)PyBytes_AS_STRING(args[1]);
    Py_ssize_t length = PyUnicode_GET_LENGTH(text), words = 0;
    int in_word = 0;
    for (Py_ssize_t i = 0; i < length; i++) {
        Py_UCS4 ch = PyUnicode_READ(kind, data, i);
        if (table[ch >> 3] & (1u << (ch & 7))) {
            words++;
            in_word = 0;
        }
        /* The Bengali block holds no whitespace: its letters skip the function call that
         * Py_UNICODE_ISSPACE makes for every character beyond ASCII. */
        else if ((ch < 0x0980 || ch > 0x09FF) && Py_UNICODE_ISSPACE(ch)) {
            in_word = 0;
        }
        else if (!in_word) {
            words++;
            in_word = 1;
        }
    }
    return PyLong_FromSsize_t(words);
}

/* count_sentences(line) -> int: the matches of the regex \w[^।?!]* in `line`. */
static PyObject *
count_sentences(PyObject *Py_UNUSED(module), PyObject *line)
{
    if (!PyUnicode_Check(line)) {
        PyErr_SetString(PyExc_TypeError, "count_sentences(line: str)");
        return NULL;
    }
    int kind = PyUnicode_KIND(line);
    const void *data = PyUnicode_DATA(line);
    Py_ssize_t length = PyUnicode_GET_LENGTH(line), sentences = 0, i = 0;
    while (i < length) {
        Py_UCS4 ch = PyUnicode_READ(kind, data, i);
        if (Py_UNICODE_ISALNUM(ch) || ch == '_') { /* what re's \w is for str patterns */
            sentences++;
            while (++i < length) {
                ch = PyUnicode_READ(kind, data, i);
                if (ch == 0x0964 || ch == '?' || ch == '!') {
                    break;
                }
            }
        }
        i++; /* past the mark that ended the sentence, or the non-word character */
    }
    return PyLong_FromSsize_t(sentences);
}

static PyMethodDef counts_methods[] = {
    {"count_words", (PyCFunction)(void (*)(void))count_words, METH_FASTCALL,
     "count_words(text, punctuation) -> int | None: bnlp BasicTokenizer's token count."},
    {"count_sentences", count_sentences, METH_O,
     "count_sentences(line) -> int: pieces of the line between ।, ? and ! that hold a word."},
    {NULL, NULL, 0, NULL},
};

static struct PyModuleDef counts_module = {
    PyModuleDef_HEAD_INIT,
    .m_name = "newsingest._counts",
    .m_doc = "segment.py's word and sentence counts, in C.",
    .m_size = 0,
    .m_methods = counts_methods,
};

PyMODINIT_FUNC
PyInit__counts(void)
{
    return PyModuleDef_Init(&counts_module);
}
