/* The records of newsingest, made without validation: in C, as they are made per article.
 *
 * Record is plain.Record: an object whose __dict__ is the dict it is made with, not copied,
 * and nothing else. The pipeline builds its records as Records (plain.py says why); made
 * here, one costs about what a tuple does.
 *
 * trusted is models.trusted: a pydantic model instance holding a dict of values,
 * unvalidated. models.trusted_python is the specification and the fallback: object.__new__
 * and four object.__setattr__ calls cost ~0.7 us; the same four stores here cost a fifth of
 * that. tests/test_models.py holds the two equal, field for field and in JSON.
 *
 * The models' records are frozen and always carry the same fields, so their
 * __pydantic_fields_set__ is one set per model, shared: a new set of eight names per record
 * (allocated, filled, and freed with its record) was 0.6% of `parse`'s instructions. Pydantic
 * never changes a frozen record's set in place (its setattr refuses first; model_copy changes
 * a copy), and neither does anything here. */

#define PY_SSIZE_T_CLEAN
#include <Python.h>
#include <stddef.h> /* offsetof */

/* Record: PyObject_HEAD and the __dict__ it was made with. */
typedef struct {
    PyObject_HEAD
    PyObject *dict;
} RecordObject;

/* Record(values: dict): values becomes the new record's __dict__, as it is. */
static PyObject *
record_new(PyTypeObject *type, PyObject *args, PyObject *kwargs)
{
    PyObject *values = PyTuple_GET_SIZE(args) == 1 ? PyTuple_GET_ITEM(args, 0) : NULL;
    if (values == NULL || !PyDict_CheckExact(values) || (kwargs != NULL && PyDict_GET_SIZE(kwargs))) {
        PyErr_Format(PyExc_TypeError, "%s(values: dict)", type->tp_name);
        return NULL;
    }
    RecordObject *record = (RecordObject *)type->tp_alloc(type, 0);
    if (record != NULL)
        record->dict = Py_NewRef(values);
    return (PyObject *)record;
}

static int
record_traverse(RecordObject *record, visitproc visit, void *arg)
{
    Py_VISIT(record->dict);
    return 0;
}

static int
record_clear(RecordObject *record)
{
    Py_CLEAR(record->dict);
    return 0;
}

static void
record_dealloc(RecordObject *record)
{
    PyObject_GC_UnTrack(record);
    record_clear(record);
    Py_TYPE(record)->tp_free((PyObject *)record);
}

/* Type(values): enough to see what a record holds in a traceback or a debugger. */
static PyObject *
record_repr(RecordObject *record)
{
    return PyUnicode_FromFormat("%s(%R)", _PyType_Name(Py_TYPE(record)), record->dict);
}

static PyGetSetDef record_getset[] = {
    {"__dict__", PyObject_GenericGetDict, PyObject_GenericSetDict, NULL, NULL},
    {NULL},
};

static PyTypeObject RecordType = {
    PyVarObject_HEAD_INIT(NULL, 0)
    .tp_name = "newsingest._models.Record",
    .tp_doc = "Record(values: dict): a record whose __dict__ is `values`, not copied (plain.py).",
    .tp_basicsize = sizeof(RecordObject),
    .tp_flags = Py_TPFLAGS_DEFAULT | Py_TPFLAGS_BASETYPE | Py_TPFLAGS_HAVE_GC,
    .tp_new = record_new,
    .tp_traverse = (traverseproc)record_traverse,
    .tp_clear = (inquiry)record_clear,
    .tp_dealloc = (destructor)record_dealloc,
    .tp_repr = (reprfunc)record_repr,
    .tp_getset = record_getset,
    .tp_dictoffset = offsetof(RecordObject, dict),
};

/* The instance slots a pydantic BaseModel keeps beside its __dict__, and their values. */
static PyObject *fields_set_name, *extra_name, *private_name;
static PyObject *no_arguments; /* () */
static PyObject *shared_fields_sets; /* {model: the set of the field names its records hold} */

/* A set equal to set(values), for a record of `model`: the one shared for the model when
 * values holds exactly its names, else (the first record of a model sets it) a new one. */
static PyObject *
fields_set_for(PyObject *model, PyObject *values)
{
    PyObject *shared = PyDict_GetItemWithError(shared_fields_sets, model); /* borrowed */
    if (shared == NULL) {
        if (PyErr_Occurred())
            return NULL;
        PyObject *fields_set = PySet_New(values);
        if (fields_set == NULL || PyDict_SetItem(shared_fields_sets, model, fields_set) < 0) {
            Py_XDECREF(fields_set);
            return NULL;
        }
        return fields_set;
    }
    if (PySet_GET_SIZE(shared) == PyDict_GET_SIZE(values)) {
        Py_ssize_t position = 0;
        PyObject *key, *value;
        int all_in = 1;
        while (all_in && PyDict_Next(values, &position, &key, &value)) {
            all_in = PySet_Contains(shared, key);
            if (all_in < 0)
                return NULL;
        }
        if (all_in)
            return Py_NewRef(shared);
    }
    return PySet_New(values);
}

/* trusted(model, values) -> model instance with __dict__ = values (not copied),
 * __pydantic_fields_set__ equal to set(values), and no extra or private attributes. */
static PyObject *
trusted(PyObject *Py_UNUSED(module), PyObject *const *args, Py_ssize_t nargs)
{
    if (nargs != 2 || !PyType_Check(args[0]) || !PyDict_CheckExact(args[1])) {
        PyErr_SetString(PyExc_TypeError, "trusted(model: type, values: dict)");
        return NULL;
    }
    PyTypeObject *model = (PyTypeObject *)args[0];
    PyObject *values = args[1];
    /* object.__new__(model): no __init__, as pydantic's model_construct does. */
    PyObject *instance = PyBaseObject_Type.tp_new(model, no_arguments, NULL);
    if (instance == NULL)
        return NULL;
    PyObject *fields_set = fields_set_for(args[0], values);
    if (fields_set == NULL || PyObject_GenericSetDict(instance, values, NULL) < 0 ||
        PyObject_GenericSetAttr(instance, fields_set_name, fields_set) < 0 ||
        PyObject_GenericSetAttr(instance, extra_name, Py_None) < 0 ||
        PyObject_GenericSetAttr(instance, private_name, Py_None) < 0) {
        Py_XDECREF(fields_set);
        Py_DECREF(instance);
        return NULL;
    }
    Py_DECREF(fields_set);
    return instance;
}

static PyMethodDef models_methods[] = {
    {"trusted", (PyCFunction)(void (*)(void))trusted, METH_FASTCALL,
     "trusted(model, values) -> an instance of the pydantic model holding `values` as its "
     "__dict__, unvalidated (models.trusted_python says when that is safe)."},
    {NULL, NULL, 0, NULL},
};

static struct PyModuleDef models_module = {
    PyModuleDef_HEAD_INIT,
    .m_name = "newsingest._models",
    .m_doc = "plain.Record and models.trusted, in C.",
    .m_size = 0,
    .m_methods = models_methods,
};

PyMODINIT_FUNC
PyInit__models(void)
{
    fields_set_name = PyUnicode_InternFromString("__pydantic_fields_set__");
    extra_name = PyUnicode_InternFromString("__pydantic_extra__");
    private_name = PyUnicode_InternFromString("__pydantic_private__");
    no_arguments = PyTuple_New(0);
    shared_fields_sets = PyDict_New();
    if (fields_set_name == NULL || extra_name == NULL || private_name == NULL || no_arguments == NULL ||
        shared_fields_sets == NULL || PyType_Ready(&RecordType) < 0)
        return NULL;
    PyObject *module = PyModule_Create(&models_module);
    if (module != NULL && PyModule_AddObjectRef(module, "Record", (PyObject *)&RecordType) < 0)
        Py_CLEAR(module);
    return module;
}
