/* The word and sentence counts of segment.py in one C loop over the text.
 *
 * segment.py's count_text_python is the specification and the fallback; this module gives
 * the same numbers without building the strings that re.sub, str.split and re.findall
 * build, and reads each character once for both counts (tests/test_counts_native.py
 * compares the two on random text). */

#define PY_SSIZE_T_CLEAN
#include <Python.h>

#define PUNCTUATION_TABLE_BYTES (0x10000 / 8)

/* The counts of one line, from its code points (`kind` is a constant where it is called, so
 * the compiler makes a loop for each width).
 *
 * Words: bnlp's BasicTokenizer's tokens. `table` is a bitmap of the code points below
 * U+10000 that it cuts off as tokens of their own: each such character is a word, and so
 * is each run of other non-space characters.
 * Sentences: the matches of the regex \w[^।?!]* in the line. */
static inline void
count_line(int kind, const void *data, Py_ssize_t length, const unsigned char *table, Py_ssize_t *words,
           Py_ssize_t *sentences)
{
    int in_word = 0, in_sentence = 0;
    for (Py_ssize_t i = 0; i < length; i++) {
        Py_UCS4 ch = PyUnicode_READ(kind, data, i);
        /* Most characters are Bengali letters inside a word and a sentence, which change
         * neither count: the block holds no space, no sentence end (the danda is U+0964)
         * and one punctuation mark, U+09FD (tests/test_counts_native.py checks the table). */
        if (in_word && in_sentence) {
            while (ch - 0x0980u < 0x80u && ch != 0x09FD) {
                if (++i == length) {
                    return;
                }
                ch = PyUnicode_READ(kind, data, i);
            }
        }
        if (in_sentence) {
            in_sentence = !(ch == 0x0964 || ch == '?' || ch == '!');
        }
        else if (Py_UNICODE_ISALNUM(ch) || ch == '_') { /* what re's \w is for str patterns */
            (*sentences)++;
            in_sentence = 1;
        }
        if (table[ch >> 3] & (1u << (ch & 7))) {
            (*words)++;
            in_word = 0;
        }
        /* The Bengali block holds no whitespace: its letters skip the function call that
         * Py_UNICODE_ISSPACE makes for every character beyond ASCII. */
        else if ((ch < 0x0980 || ch > 0x09FF) && Py_UNICODE_ISSPACE(ch)) {
            in_word = 0;
        }
        else if (!in_word) {
            (*words)++;
            in_word = 1;
        }
    }
}

/* count_text(lines, punctuation) -> (words, sentences) | None
 *
 * The words and sentences of `lines` (a sequence of str: no sentence runs on from one line
 * to the next). None when a line has a code point above U+FFFF: the bitmap does not reach
 * there, and segment.py counts such (rare) text itself. */
static PyObject *
count_text(PyObject *Py_UNUSED(module), PyObject *const *args, Py_ssize_t nargs)
{
    /* (a str is a sequence of str too: of its characters, each counted as a line) */
    if (nargs != 2 || PyUnicode_Check(args[0]) || !PyBytes_Check(args[1])
        || PyBytes_GET_SIZE(args[1]) != PUNCTUATION_TABLE_BYTES) {
        PyErr_SetString(PyExc_TypeError, "count_text(lines: sequence of str, punctuation: bytes of 8192)");
        return NULL;
    }
    PyObject *lines = PySequence_Fast(args[0], "count_text(lines): lines must be a sequence of str");
    if (lines == NULL) {
        return NULL;
    }
    const unsigned char *table = (const unsigned char *)PyBytes_AS_STRING(args[1]);
    Py_ssize_t count = PySequence_Fast_GET_SIZE(lines), words = 0, sentences = 0;
    PyObject **items = PySequence_Fast_ITEMS(lines);
    for (Py_ssize_t n = 0; n < count; n++) {
        PyObject *line = items[n];
        if (!PyUnicode_Check(line)) {
            Py_DECREF(lines);
            PyErr_Format(PyExc_TypeError, "count_text(lines): a line is %.200s, not str", Py_TYPE(line)->tp_name);
            return NULL;
        }
        const void *data = PyUnicode_DATA(line);
        Py_ssize_t length = PyUnicode_GET_LENGTH(line);
        switch (PyUnicode_KIND(line)) {
        case PyUnicode_1BYTE_KIND:
            count_line(PyUnicode_1BYTE_KIND, data, length, table, &words, &sentences);
            break;
        case PyUnicode_2BYTE_KIND:
            count_line(PyUnicode_2BYTE_KIND, data, length, table, &words, &sentences);
            break;
        default:
            Py_DECREF(lines);
            Py_RETURN_NONE;
        }
    }
    Py_DECREF(lines);
    return Py_BuildValue("(nn)", words, sentences);
}

static PyMethodDef counts_methods[] = {
    {"count_text", (PyCFunction)(void (*)(void))count_text, METH_FASTCALL,
     "count_text(lines, punctuation) -> (words, sentences) | None: bnlp BasicTokenizer's token "
     "count, and the pieces of each line between ।, ? and ! that hold a word."},
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
