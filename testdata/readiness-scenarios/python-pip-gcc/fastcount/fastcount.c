#define PY_SSIZE_T_CLEAN
#include <Python.h>

/* count_bytes(buffer, byte) -> how many times byte occurs in buffer */
static PyObject *count_bytes(PyObject *self, PyObject *args) {
    Py_buffer buffer;
    int wanted;
    if (!PyArg_ParseTuple(args, "y*i", &buffer, &wanted)) {
        return NULL;
    }
    const unsigned char *bytes = buffer.buf;
    Py_ssize_t count = 0;
    for (Py_ssize_t i = 0; i < buffer.len; i++) {
        if (bytes[i] == (unsigned char) wanted) {
            count++;
        }
    }
    PyBuffer_Release(&buffer);
    return PyLong_FromSsize_t(count);
}

static PyMethodDef methods[] = {
    {"count_bytes", count_bytes, METH_VARARGS, "Count one byte value in a bytes-like object."},
    {NULL, NULL, 0, NULL},
};

static struct PyModuleDef module = {PyModuleDef_HEAD_INIT, "fastcount", NULL, -1, methods};

PyMODINIT_FUNC PyInit_fastcount(void) {
    return PyModule_Create(&module);
}
