/* The binary-file check of read.py in one C loop over the text, the UTF-8 of a str, and
 * the decoding of a Bengali file's UTF-8.
 *
 * read.py's regex search is the specification and the fallback; re tests a character
 * class by a call per character, which took 12 us of a ~300 us article, and this loop
 * takes under one (tests/test_read_native.py compares the two on random text). */

#define PY_SSIZE_T_CLEAN
#include <Python.h>

/* Whether units[0:head_end] hold a binary mark (a control character that never occurs in
 * text: U+0000-U+0008, U+000E-U+001F, U+007F) or units[head_end:length] a NUL. A block of
 * units is tested whole, without a branch per unit, so the compiler makes each block's loop
 * a few vector instructions (an article's text is read in ~1 instruction a character, not 5). */
#define MARK_BLOCK 64
#define SCAN_MARKS(name, unit)                                                              \
    static int name(const unit *units, Py_ssize_t head_end, Py_ssize_t length)              \
    {                                                                                       \
        for (Py_ssize_t i = 0; i < head_end; i += MARK_BLOCK) {                             \
            Py_ssize_t end = head_end - i < MARK_BLOCK ? head_end : i + MARK_BLOCK;         \
            int found = 0;                                                                  \
            for (Py_ssize_t j = i; j < end; j++) {                                          \
                unit u = units[j];                                                          \
                found |= (u <= 0x08) | ((u >= 0x0E) & (u <= 0x1F)) | (u == 0x7F);           \
            }                                                                               \
            if (found)                                                                      \
                return 1;                                                                   \
        }                                                                                   \
        for (Py_ssize_t i = head_end; i < length; i += MARK_BLOCK) {                        \
            Py_ssize_t end = length - i < MARK_BLOCK ? length : i + MARK_BLOCK;             \
            int found = 0;                                                                  \
            for (Py_ssize_t j = i; j < end; j++)                                            \
                found |= units[j] == 0;                                                     \
            if (found)                                                                      \
                return 1;                                                                   \
        }                                                                                   \
        return 0;                                                                           \
    }
SCAN_MARKS(scan_marks, Py_UCS1)
SCAN_MARKS(scan_marks2, Py_UCS2)
SCAN_MARKS(scan_marks4, Py_UCS4)

/* has_binary_mark(text, head) -> bool: a binary mark among the first `head` characters of
 * `text`, or a NUL anywhere in it. */
static PyObject *
has_binary_mark(PyObject *Py_UNUSED(module), PyObject *const *args, Py_ssize_t nargs)
{
    if (nargs != 2 || !PyUnicode_Check(args[0]) || !PyLong_Check(args[1])) {
        PyErr_SetString(PyExc_TypeError, "has_binary_mark(text: str, head: int)");
        return NULL;
    }
    PyObject *text = args[0];
    Py_ssize_t head = PyLong_AsSsize_t(args[1]);
    if (head == -1 && PyErr_Occurred()) {
        return NULL;
    }
    const void *data = PyUnicode_DATA(text);
    Py_ssize_t length = PyUnicode_GET_LENGTH(text);
    Py_ssize_t head_end = head < 0 ? 0 : (head < length ? head : length);
    int found;
    /* One loop per storage width, so the compiler reads the code units without a switch. */
    switch (PyUnicode_KIND(text)) {
    case PyUnicode_1BYTE_KIND:
        found = scan_marks((const Py_UCS1 *)data, head_end, length);
        break;
    case PyUnicode_2BYTE_KIND:
        found = scan_marks2((const Py_UCS2 *)data, head_end, length);
        break;
    default:
        found = scan_marks4((const Py_UCS4 *)data, head_end, length);
        break;
    }
    return PyBool_FromLong(found);
}

/* utf8(text) -> bytes: text.encode("utf-8"), by way of the UTF-8 copy CPython keeps in the
 * str (PyUnicode_AsUTF8AndSize makes it once). pydantic's JSON serializer reads that copy
 * too, so the article id's hash and the JSON line encode the body once between them. */
static PyObject *
utf8(PyObject *Py_UNUSED(module), PyObject *text)
{
    if (!PyUnicode_Check(text)) {
        PyErr_SetString(PyExc_TypeError, "utf8(text: str)");
        return NULL;
    }
    Py_ssize_t size;
    const char *data = PyUnicode_AsUTF8AndSize(text, &size);
    if (data == NULL) {
        return NULL; /* a lone surrogate: UnicodeEncodeError, as str.encode raises */
    }
    return PyBytes_FromStringAndSize(data, size);
}

/* The bytes of `bytes[0:size]` that continue a character (10xxxxxx). Counted by blocks of
 * 255 in one byte each, which the compiler turns into vector additions of 16 bytes at once. */
static Py_ssize_t
continuation_bytes(const unsigned char *bytes, Py_ssize_t size)
{
    Py_ssize_t count = 0;
    for (Py_ssize_t start = 0; start < size; start += 255) {
        Py_ssize_t stop = size - start < 255 ? size : start + 255;
        unsigned char block = 0;
        for (Py_ssize_t i = start; i < stop; i++) {
            block += (bytes[i] & 0xC0) == 0x80;
        }
        count += block;
    }
    return count;
}

/* decode_bmp(data) -> str | None: data.decode("utf-8") where `data` is UTF-8 of characters
 * up to U+FFFF (not surrogates) with at least one from U+0100 on, as a Bengali article's
 * is; None for any other bytes, which Python's decoder then takes (and reports as it does).
 *
 * CPython's decoder took ~16 us of a ~280 us article: it writes Latin-1 until the first
 * wider character, widens then, and shrinks its overallocated str at the end. This counts
 * the characters first (the bytes that do not continue one) and writes straight into a
 * two-byte str of that length, in about half the time. A lead byte is checked, a byte after
 * it only by the count: each lead taken is a byte that does not continue a character, and a
 * character is written for each, so a byte taken as a continuation that is none leaves fewer
 * characters written than counted. Overlong forms and surrogates are checked on the
 * character. */
static PyObject *
decode_bmp(PyObject *Py_UNUSED(module), PyObject *data)
{
    if (!PyBytes_Check(data)) {
        PyErr_SetString(PyExc_TypeError, "decode_bmp(data: bytes)");
        return NULL;
    }
    const unsigned char *bytes = (const unsigned char *)PyBytes_AS_STRING(data);
    Py_ssize_t size = PyBytes_GET_SIZE(data);
    Py_ssize_t length = size - continuation_bytes(bytes, size);
    PyObject *text = PyUnicode_New(length, 0xFFFF);
    if (text == NULL) {
        return NULL;
    }
    Py_UCS2 *out = PyUnicode_2BYTE_DATA(text), *end = out + length;
    unsigned wide = 0; /* the characters or'ed: the str is a valid two-byte one if >= 0x100 */
    for (Py_ssize_t i = 0; i < size;) {
        unsigned lead = bytes[i];
        if (lead < 0x80) {
            *out++ = (Py_UCS2)lead;
            i++;
        }
        else if (lead >= 0xE0 && lead < 0xF0 && i + 2 < size) {
            unsigned c = ((lead & 0x0F) << 12) | ((bytes[i + 1] & 0x3F) << 6) | (bytes[i + 2] & 0x3F);
            /* c >> 11 is 0 for an overlong form (under U+0800), 27 for a surrogate */
            if ((0x08000001u >> (c >> 11)) & 1) {
                goto other;
            }
            wide |= c;
            *out++ = (Py_UCS2)c;
            i += 3;
        }
        else if (lead >= 0xC2 && lead < 0xE0 && i + 1 < size) { /* C0, C1: overlong */
            unsigned c = ((lead & 0x1F) << 6) | (bytes[i + 1] & 0x3F);
            wide |= c;
            *out++ = (Py_UCS2)c;
            i += 2;
        }
        else {
            goto other; /* four bytes, a continuation byte, or none of UTF-8 */
        }
    }
    if (out == end && wide >= 0x100) {
        return text;
    }
other:
    Py_DECREF(text);
    Py_RETURN_NONE;
}

static PyMethodDef read_methods[] = {
    {"has_binary_mark", (PyCFunction)(void (*)(void))has_binary_mark, METH_FASTCALL,
     "has_binary_mark(text, head) -> bool: a control character that marks a binary file among "
     "the first `head` characters, or a NUL anywhere."},
    {"utf8", utf8, METH_O,
     "utf8(text) -> bytes: text.encode('utf-8'), leaving the UTF-8 kept in the str for the next "
     "reader (pydantic's JSON serializer)."},
    {"decode_bmp", decode_bmp, METH_O,
     "decode_bmp(data) -> str | None: data.decode('utf-8') for UTF-8 of characters up to U+FFFF "
     "with one from U+0100 on; None for other bytes."},
    {NULL, NULL, 0, NULL},
};

static struct PyModuleDef read_module = {
    PyModuleDef_HEAD_INIT,
    .m_name = "newsingest._read",
    .m_doc = "read.py's binary-file check, utf8 and decode_bmp, in C.",
    .m_size = 0,
    .m_methods = read_methods,
};

PyMODINIT_FUNC
PyInit__read(void)
{
    return PyModuleDef_Init(&read_module);
}
