/* clean.py's repeat pre-check, _may_repeat, in one C pass over a paragraph.
 *
 * clean._may_repeat_python is the specification: split at । and ask whether two stripped
 * pieces are equal. Python makes a str of every piece, strips most again and hashes them
 * all, 6 us of an article's 10 in clean(); here the pieces stay spans of the paragraph and
 * are compared by length, then by their code units. Past MAX_PIECES pieces this says True
 * ("may repeat"), which only sends the paragraph to the exact search the check guards.
 * tests/test_clean_native.py compares the two on random text. */

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
    Piece pieces[MAX_PIECES];
    Py_ssize_t count = 0, begin = 0;
    for (Py_ssize_t i = 0; i <= length; i++) {
        Py_UCS4 ch = i < length ? PyUnicode_READ(kind, data, i) : DANDA;
        if (ch == '?' || ch == '!')
            Py_RETURN_TRUE; /* (the sentence regex splits there too: left to it) */
        if (ch != DANDA)
            continue;
        if (count == MAX_PIECES)
            Py_RETURN_TRUE;
        Py_ssize_t start = begin, end = i; /* str.strip(): whitespace off both ends */
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
        begin = i + 1;
    }
    Py_RETURN_FALSE;
}

static PyMethodDef clean_methods[] = {
    {"may_repeat", may_repeat, METH_O,
     "may_repeat(paragraph) -> bool: whether two of its sentences could be the same (clean.py's "
     "_may_repeat_python; True past 64 pieces)."},
    {NULL, NULL, 0, NULL},
};

static struct PyModuleDef clean_module = {
    PyModuleDef_HEAD_INIT,
    .m_name = "newsingest.formats._clean",
    .m_doc = "clean.py's repeat pre-check, in C.",
    .m_size = 0,
    .m_methods = clean_methods,
};

PyMODINIT_FUNC
PyInit__clean(void)
{
    return PyModuleDef_Init(&clean_module);
}
