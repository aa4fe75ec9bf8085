/* Three per-character checks of the formats stage, each in one C pass over the text.
 *
 * may_repeat: clean.may_repeat_python is the specification: split at । and ask whether two
 * stripped pieces are equal. Python makes a str of every piece, strips most again and
 * hashes them all, 6 us of an article's 10 in clean(); here the pieces stay spans of the
 * paragraph and are compared by length, then by their code units. Past MAX_PIECES pieces
 * this says True ("may repeat"), which only sends the paragraph to the exact search the
 * check guards.
 *
 * legacy_lines: text.legacy_lines_python is the specification: the lines (split at \n) with
 * something but whitespace and no Bengali letter, which may be Bijoy ASCII. Python split
 * the text, stripped each line and searched it with a regex: 4 us an article.
 *
 * caseless: clean.caseless_python is the specification: whether every character is one
 * casefold() leaves as it is, of those a Bengali line is made of. A short line is casefolded
 * to be matched against the boilerplate phrases, 0.9 us that a line of them can skip.
 *
 * tests/test_scan_native.py compares each with its specification on random text. */

#define PY_SSIZE_T_CLEAN
#include <Python.h>
#include <string.h>

#define DANDA 0x0964 /* । */
#define MAX_PIECES 64

typedef struct {
    Py_ssize_t start, length; /* a piece's extent once stripped, in code points */
} Piece;

/* may_repeat(paragraph) -> bool */
static PyObject *
may_repeat(PyObject *Py_UNUSED(module), PyObject *text)
{
    if (!PyUnicode_Check(text)) {
        PyErr_SetString(PyExc_TypeError, "may_repeat(paragraph: str)");
        return NULL;
    }
    int kind = PyUnicode_KIND(text);
    const void *data = PyUnicode_DATA(text);
    Py_ssize_t length = PyUnicode_GET_LENGTH(text);
    /* (the sentence regex splits at ? and ! too: such a paragraph is left to it) */
    Py_ssize_t question = PyUnicode_FindChar(text, '?', 0, length, 1);
    Py_ssize_t exclamation = question == -1 ? PyUnicode_FindChar(text, '!', 0, length, 1) : -1;
    if (question == -2 || exclamation == -2)
        return NULL;
    if (question >= 0 || exclamation >= 0)
        Py_RETURN_TRUE;
    Piece pieces[MAX_PIECES];
    Py_ssize_t count = 0;
    for (Py_ssize_t begin = 0; begin <= length;) {
        /* The next piece ends at the next । (PyUnicode_FindChar's fast search) or the end. */
        Py_ssize_t danda = PyUnicode_FindChar(text, DANDA, begin, length, 1);
        if (danda == -2)
            return NULL;
        if (count == MAX_PIECES)
            Py_RETURN_TRUE;
        Py_ssize_t start = begin, end = danda < 0 ? length : danda; /* str.strip(): both ends */
        while (start < end && Py_UNICODE_ISSPACE(PyUnicode_READ(kind, data, start)))
            start++;
        while (end > start && Py_UNICODE_ISSPACE(PyUnicode_READ(kind, data, end - 1)))
            end--;
        for (Py_ssize_t j = 0; j < count; j++) {
            if (pieces[j].length == end - start &&
                memcmp((const char *)data + pieces[j].start * kind, (const char *)data + start * kind,
                       (size_t)(end - start) * kind) == 0)
                Py_RETURN_TRUE;
        }
        pieces[count++] = (Piece){start, end - start};
        if (danda < 0)
            break;
        begin = danda + 1;
    }
    Py_RETURN_FALSE;
}

/* A Bengali letter, as text._BENGALI matches one: U+0985-U+09B9, U+09DC-U+09DF. */
static inline int
is_bengali_letter(Py_UCS4 ch)
{
    return (ch >= 0x0985 && ch <= 0x09B9) || (ch >= 0x09DC && ch <= 0x09DF);
}

/* legacy_lines(text) -> list[int] */
static PyObject *
legacy_lines(PyObject *Py_UNUSED(module), PyObject *text)
{
    if (!PyUnicode_Check(text)) {
        PyErr_SetString(PyExc_TypeError, "legacy_lines(text: str)");
        return NULL;
    }
    int kind = PyUnicode_KIND(text);
    const void *data = PyUnicode_DATA(text);
    Py_ssize_t length = PyUnicode_GET_LENGTH(text);
    PyObject *found = PyList_New(0);
    if (found == NULL)
        return NULL;
    /* Each line is read up to its first Bengali letter (most lines begin with one); the
     * rest of such a line is skipped by PyUnicode_FindChar's fast search for the line end. */
    for (Py_ssize_t i = 0, line = 0; i <= length; line++) {
        int content = 0, bengali = 0;
        Py_ssize_t end = i;
        for (; end < length; end++) {
            Py_UCS4 ch = PyUnicode_READ(kind, data, end);
            if (ch == '\n')
                break;
            if (is_bengali_letter(ch)) {
                bengali = 1;
                break;
            }
            content |= !Py_UNICODE_ISSPACE(ch);
        }
        if (bengali) {
            end = PyUnicode_FindChar(text, '\n', end, length, 1);
            if (end == -2) {
                Py_DECREF(found);
                return NULL;
            }
            if (end == -1)
                end = length;
        }
        else if (content) {
            PyObject *index = PyLong_FromSsize_t(line);
            if (index == NULL || PyList_Append(found, index) < 0) {
                Py_XDECREF(index);
                Py_DECREF(found);
                return NULL;
            }
            Py_DECREF(index);
        }
        i = end + 1;
    }
    return found;
}

/* caseless(text) -> bool */
static PyObject *
caseless(PyObject *Py_UNUSED(module), PyObject *text)
{
    if (!PyUnicode_Check(text)) {
        PyErr_SetString(PyExc_TypeError, "caseless(text: str)");
        return NULL;
    }
    int kind = PyUnicode_KIND(text);
    const void *data = PyUnicode_DATA(text);
    Py_ssize_t length = PyUnicode_GET_LENGTH(text);
    for (Py_ssize_t i = 0; i < length; i++) {
        Py_UCS4 ch = PyUnicode_READ(kind, data, i);
        int left = ch < 0x80 ? !((ch | 0x20) >= 'a' && (ch | 0x20) <= 'z')
                             : (ch >= 0x0980 && ch <= 0x09FF) || ch == 0x0964 || ch == 0x0965 || ch == 0x00A0 ||
                                   (ch >= 0x2000 && ch <= 0x206F);
        if (!left)
            Py_RETURN_FALSE;
    }
    Py_RETURN_TRUE;
}

static PyMethodDef scan_methods[] = {
    {"may_repeat", may_repeat, METH_O,
     "may_repeat(paragraph) -> bool: whether two of its sentences could be the same (clean.py's "
     "may_repeat_python; True past 64 pieces)."},
    {"legacy_lines", legacy_lines, METH_O,
     "legacy_lines(text) -> list[int]: the indices of the lines that hold something but "
     "whitespace and no Bengali letter (text.py's legacy_lines_python)."},
    {"caseless", caseless, METH_O,
     "caseless(text) -> bool: every character is an ASCII non-letter, in the Bengali block, a "
     "danda, a no-break space or general punctuation: one casefold() leaves alone (clean.py's "
     "caseless_python)."},
    {NULL, NULL, 0, NULL},
};

static struct PyModuleDef scan_module = {
    PyModuleDef_HEAD_INIT,
    .m_name = "newsingest.formats._scan",
    .m_doc = "The repeat pre-check of clean.py and the legacy-line check of text.py, in C.",
    .m_size = 0,
    .m_methods = scan_methods,
};

PyMODINIT_FUNC
PyInit__scan(void)
{
    return PyModuleDef_Init(&scan_module);
}
