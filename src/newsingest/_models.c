/* models.trusted in C: a pydantic model instance holding a dict of values, unvalidated.
 *
 * models.trusted_python is the specification and the fallback: object.__new__ and four
 * object.__setattr__ calls cost ~0.7 us, made eleven times per article (its records and its
 * dates); the same four stores here cost a fifth of that. tests/test_models.py holds the two
 * equal, field for field and in JSON. */

#define PY_SSIZE_T_CLEAN
#include <Python.h>

/* The instance slots a pydantic BaseModel keeps beside its __dict__, and their values. */
static PyObject *fields_set_name, *extra_name, *private_name;
static PyObject *no_arguments; /* () */

/* trusted(model, values) -> model instance with __dict__ = values (not copied),
 * __pydantic_fields_set__ = set(values), and no extra or private attributes. */
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
    PyObject *fields_set = PySet_New(values);
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
    .m_doc = "models.trusted, in C.",
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
    if (fields_set_name == NULL || extra_name == NULL || private_name == NULL || no_arguments == NULL)
        return NULL;
    return PyModuleDef_Init(&models_module);
}
