/* write.to_json_line in C: a record's JSON line, byte for byte what pydantic writes.
 *
 * pydantic's serializer looks up each field's schema and type at every value; for our
 * records (every field a str, an int, None, a list of them or another record, no custom
 * serializer) that costs ~15 us an article, most of it not writing. Here a record is
 * written from its fields in declared order (the registry write.py fills), strings
 * escaped as serde_json does under pydantic: \" \\ \b \f \n \r \t, other controls as
 * \u00xx, everything else as UTF-8.
 *
 * Anything else (a lone surrogate, which pydantic refuses; an int past 64 bits; a float;
 * a type not registered) makes json_line return None, and write.py asks pydantic, so the
 * output and its errors stay pydantic's. tests/test_write_native.py holds the two equal. */

#define PY_SSIZE_T_CLEAN
#include <Python.h>
#include <stdint.h>

/* type -> its fields in declared order, each a (name, b'"name":') pair (set_records). */
static PyObject *records;

/* Nesting deeper than this is not one of our records: left to pydantic. */
#define MAX_DEPTH 16

enum { WRITTEN = 0, FAILED = -1, UNSUPPORTED = 1 };

typedef struct {
    PyObject *bytes; /* the line being written; resized as it grows */
    Py_ssize_t length;
} Writer;

static int
reserve(Writer *w, Py_ssize_t more)
{
    Py_ssize_t capacity = PyBytes_GET_SIZE(w->bytes);
    if (w->length + more <= capacity)
        return 0;
    Py_ssize_t wanted = capacity * 2;
    if (wanted < w->length + more)
        wanted = w->length + more;
    return _PyBytes_Resize(&w->bytes, wanted);
}

static int
put(Writer *w, const char *text, Py_ssize_t size)
{
    if (reserve(w, size) < 0)
        return FAILED;
    memcpy(PyBytes_AS_STRING(w->bytes) + w->length, text, size);
    w->length += size;
    return WRITTEN;
}

static const char HEX[] = "0123456789abcdef";

#ifdef __SSE2__
#include <emmintrin.h>
#else
#define ONES 0x0101010101010101ULL
#define HIGHS 0x8080808080808080ULL

/* Whether any of 8 UTF-8 bytes needs escaping: a control (< 0x20), '"' or '\\'
 * (the zero-byte tests of "Bit Twiddling Hacks"; bytes >= 0x80 never match). */
static inline int
needs_escape(uint64_t x)
{
    uint64_t quote = x ^ (ONES * '"'), backslash = x ^ (ONES * '\\');
    uint64_t found = ((x - ONES * 0x20) & ~x) | ((quote - ONES) & ~quote) | ((backslash - ONES) & ~backslash);
    return (found & HIGHS) != 0;
}
#endif

/* Bytes of `s` before the first that needs escaping: a control (< 0x20), '"' or '\\'.
 * Sixteen bytes a step with SSE2 (in every x86-64), eight without; bytes >= 0x80 never match. */
static Py_ssize_t
plain_run(const unsigned char *s, Py_ssize_t n)
{
    Py_ssize_t i = 0;
#ifdef __SSE2__
    const __m128i quote = _mm_set1_epi8('"'), backslash = _mm_set1_epi8('\\');
    const __m128i last_control = _mm_set1_epi8(0x1f);
    for (; i + 16 <= n; i += 16) {
        __m128i x = _mm_loadu_si128((const __m128i *)(s + i));
        __m128i control = _mm_cmpeq_epi8(_mm_min_epu8(x, last_control), x); /* x <= 0x1f */
        __m128i special = _mm_or_si128(_mm_cmpeq_epi8(x, quote), _mm_cmpeq_epi8(x, backslash));
        int found = _mm_movemask_epi8(_mm_or_si128(control, special));
        if (found)
            return i + __builtin_ctz((unsigned)found);
    }
#else
    for (uint64_t x; i + 8 <= n; i += 8) {
        memcpy(&x, s + i, 8);
        if (needs_escape(x))
            break;
    }
#endif
    while (i < n && s[i] >= 0x20 && s[i] != '"' && s[i] != '\\')
        i++;
    return i;
}

/* An ASCII byte JSON escapes: \" \\ \b \f \n \r \t, or \u00xx. */
static int
put_escaped(Writer *w, unsigned char c)
{
    char escape[6] = {'\\', (char)c, 0, 0, 0, 0};
    switch (c) {
    case '"': case '\\': return put(w, escape, 2);
    case '\b': escape[1] = 'b'; return put(w, escape, 2);
    case '\f': escape[1] = 'f'; return put(w, escape, 2);
    case '\n': escape[1] = 'n'; return put(w, escape, 2);
    case '\r': escape[1] = 'r'; return put(w, escape, 2);
    case '\t': escape[1] = 't'; return put(w, escape, 2);
    default:
        memcpy(escape + 1, "u00", 3);
        escape[4] = HEX[c >> 4];
        escape[5] = HEX[c & 15];
        return put(w, escape, 6);
    }
}

/* A str, from the UTF-8 copy CPython keeps in it (the article id's hash made the body's;
 * pydantic would make the others): plain runs copied whole, the rest escaped. */
static int
write_str(Writer *w, PyObject *text)
{
    Py_ssize_t n;
    const unsigned char *s = (const unsigned char *)PyUnicode_AsUTF8AndSize(text, &n);
    if (s == NULL) {
        if (!PyErr_ExceptionMatches(PyExc_UnicodeEncodeError))
            return FAILED;
        PyErr_Clear(); /* a lone surrogate: pydantic says what it says of it */
        return UNSUPPORTED;
    }
    if (reserve(w, n + 2) < 0)
        return FAILED;
    PyBytes_AS_STRING(w->bytes)[w->length++] = '"';
    for (Py_ssize_t i = 0;;) {
        Py_ssize_t plain = plain_run(s + i, n - i);
        if (put(w, (const char *)s + i, plain) < 0)
            return FAILED;
        i += plain;
        if (i == n)
            break;
        if (put_escaped(w, s[i++]) < 0)
            return FAILED;
    }
    return put(w, "\"", 1);
}

static int
write_int(Writer *w, PyObject *number)
{
    int overflow;
    long long value = PyLong_AsLongLongAndOverflow(number, &overflow);
    if (overflow)
        return UNSUPPORTED;
    if (value == -1 && PyErr_Occurred())
        return FAILED;
    /* The digits from the end of the buffer back: snprintf's "%lld" costs ~700 instructions,
     * and a record holds some twenty numbers (offsets, counts, sizes). */
    char digits[24];
    char *end = digits + sizeof digits, *p = end;
    unsigned long long magnitude = value < 0 ? 0ull - (unsigned long long)value : (unsigned long long)value;
    do {
        *--p = (char)('0' + magnitude % 10);
        magnitude /= 10;
    } while (magnitude);
    if (value < 0)
        *--p = '-';
    return put(w, p, end - p);
}

static int write_value(Writer *w, PyObject *value, int depth);

static int
write_list(Writer *w, PyObject *list, int depth)
{
    if (put(w, "[", 1) < 0)
        return FAILED;
    for (Py_ssize_t i = 0; i < PyList_GET_SIZE(list); i++) {
        if (i && put(w, ",", 1) < 0)
            return FAILED;
        int done = write_value(w, PyList_GET_ITEM(list, i), depth + 1);
        if (done != WRITTEN)
            return done;
    }
    return put(w, "]", 1);
}

/* A registered record: its fields in declared order, read from its __dict__.
 * `fields` holds a (name, b'"name":') pair a field (set_records). */
static int
write_record(Writer *w, PyObject *record, PyObject *fields, int depth)
{
    PyObject *values = PyObject_GenericGetDict(record, NULL);
    if (values == NULL)
        return FAILED;
    int done = put(w, "{", 1);
    for (Py_ssize_t i = 0; done == WRITTEN && i < PyTuple_GET_SIZE(fields); i++) {
        PyObject *field = PyTuple_GET_ITEM(fields, i);
        PyObject *key = PyTuple_GET_ITEM(field, 1);
        PyObject *value = PyDict_GetItemWithError(values, PyTuple_GET_ITEM(field, 0));
        if (value == NULL)
            done = PyErr_Occurred() ? FAILED : UNSUPPORTED;
        else if (i == 0 || (done = put(w, ",", 1)) == WRITTEN)
            if ((done = put(w, PyBytes_AS_STRING(key), PyBytes_GET_SIZE(key))) == WRITTEN)
                done = write_value(w, value, depth + 1);
    }
    if (done == WRITTEN)
        done = put(w, "}", 1);
    Py_DECREF(values);
    return done;
}

static int
write_value(Writer *w, PyObject *value, int depth)
{
    if (depth > MAX_DEPTH)
        return UNSUPPORTED;
    if (PyUnicode_CheckExact(value))
        return write_str(w, value);
    if (value == Py_None)
        return put(w, "null", 4);
    if (PyLong_CheckExact(value))
        return write_int(w, value);
    if (value == Py_True)
        return put(w, "true", 4);
    if (value == Py_False)
        return put(w, "false", 5);
    if (PyList_CheckExact(value))
        return write_list(w, value, depth);
    PyObject *fields = records ? PyDict_GetItemWithError(records, (PyObject *)Py_TYPE(value)) : NULL;
    if (fields != NULL)
        return write_record(w, value, fields, depth);
    return PyErr_Occurred() ? FAILED : UNSUPPORTED;
}

/* json_line(record) -> the record's JSON and "\n" as bytes, or None where pydantic must. */
static PyObject *
json_line(PyObject *Py_UNUSED(module), PyObject *record)
{
    Writer w = {PyBytes_FromStringAndSize(NULL, 8192), 0};
    if (w.bytes == NULL)
        return NULL;
    int done = write_value(&w, record, 0);
    if (done == WRITTEN)
        done = put(&w, "\n", 1);
    if (done != WRITTEN) {
        Py_XDECREF(w.bytes);
        if (done == FAILED)
            return NULL;
        Py_RETURN_NONE;
    }
    if (_PyBytes_Resize(&w.bytes, w.length) < 0)
        return NULL;
    return w.bytes;
}

/* The (name, b'"name":') pairs of a tuple of field names; NULL with TypeError if not one. */
static PyObject *
keyed(PyObject *names)
{
    if (!PyTuple_CheckExact(names)) {
        PyErr_SetString(PyExc_TypeError, "set_records: each value a tuple of field names");
        return NULL;
    }
    PyObject *fields = PyTuple_New(PyTuple_GET_SIZE(names));
    for (Py_ssize_t i = 0; fields != NULL && i < PyTuple_GET_SIZE(names); i++) {
        PyObject *name = PyTuple_GET_ITEM(names, i);
        if (!PyUnicode_CheckExact(name) || !PyUnicode_IsIdentifier(name)) {
            /* (an identifier needs no escaping as a JSON key) */
            PyErr_SetString(PyExc_TypeError, "set_records: field names must be identifiers");
            Py_CLEAR(fields);
            break;
        }
        const char *utf8 = PyUnicode_AsUTF8(name);
        PyObject *key = utf8 ? PyBytes_FromFormat("\"%s\":", utf8) : NULL;
        PyObject *field = key ? PyTuple_Pack(2, name, key) : NULL;
        Py_XDECREF(key);
        if (field == NULL)
            Py_CLEAR(fields);
        else
            PyTuple_SET_ITEM(fields, i, field);
    }
    return fields;
}

/* set_records({type: (field, ...)}): the records json_line writes itself. */
static PyObject *
set_records(PyObject *Py_UNUSED(module), PyObject *registry)
{
    if (!PyDict_CheckExact(registry)) {
        PyErr_SetString(PyExc_TypeError, "set_records(registry: dict[type, tuple[str, ...]])");
        return NULL;
    }
    PyObject *table = PyDict_New(), *model, *names;
    Py_ssize_t position = 0;
    while (table != NULL && PyDict_Next(registry, &position, &model, &names)) {
        PyObject *fields = PyType_Check(model) ? keyed(names) : NULL;
        if (fields == NULL && !PyErr_Occurred())
            PyErr_SetString(PyExc_TypeError, "set_records: each key a type");
        if (fields == NULL || PyDict_SetItem(table, model, fields) < 0)
            Py_CLEAR(table);
        Py_XDECREF(fields);
    }
    if (table == NULL)
        return NULL;
    Py_XSETREF(records, table);
    Py_RETURN_NONE;
}

static PyMethodDef write_methods[] = {
    {"json_line", json_line, METH_O,
     "json_line(record) -> the record's JSON line (bytes, ending in a newline) as pydantic "
     "writes it, or None for a value only pydantic can write."},
    {"set_records", set_records, METH_O,
     "set_records({model: field_names}) -> the records json_line writes (see write.py)."},
    {NULL, NULL, 0, NULL},
};

static struct PyModuleDef write_module = {
    PyModuleDef_HEAD_INIT,
    .m_name = "newsingest._write",
    .m_doc = "write.to_json_line's serializer, in C.",
    .m_size = 0,
    .m_methods = write_methods,
};

PyMODINIT_FUNC
PyInit__write(void)
{
    return PyModuleDef_Init(&write_module);
}
