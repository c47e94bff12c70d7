// SPDX-License-Identifier: Apache-2.0
#include "signals.hpp"

#include <csignal>

#include "interrupt.hpp"

namespace tvmcrt::python {

namespace {

// The exception a signal handler raised during a wait, until the binding raises it (GIL held
// whenever these are touched).
PyObject *g_pending_type = nullptr, *g_pending_value = nullptr, *g_pending_traceback = nullptr;

// Raises the kept exception and forgets the signal it stood for; false when there is none.
bool restore_pending() {
  if (g_pending_type == nullptr) return false;
  PyErr_Restore(g_pending_type, g_pending_value, g_pending_traceback);  // steals the references
  g_pending_type = g_pending_value = g_pending_traceback = nullptr;
  host::clear_interrupt();
  return true;
}

bool finalizing() {
#if PY_VERSION_HEX >= 0x030D0000
  return Py_IsFinalizing();
#else
  return _Py_IsFinalizing();
#endif
}

int poll_python_signals() {
  if (!Py_IsInitialized() || finalizing()) return 0;  // taking the GIL then could hang the thread
  const PyGILState_STATE gil = PyGILState_Ensure();
  int sig = 0;
  if (PyErr_CheckSignals() != 0) {  // only the main thread runs handlers; elsewhere it returns 0
    if (g_pending_type == nullptr)
      PyErr_Fetch(&g_pending_type, &g_pending_value, &g_pending_traceback);
    else
      PyErr_Clear();  // a second Ctrl-C before the first was raised: the first one stands
    sig = SIGINT;
  }
  PyGILState_Release(gil);
  return sig;
}

// tvmcrt._errors; a reference kept for the life of the process (never released at exit, when
// the interpreter may be gone).
PyObject *g_errors = nullptr;

void raise_error(const host::Error &e, const DeviceFailure *device) {
  // A Ctrl-C comes first, whatever the call failed with meanwhile: the user asked to stop.
  if (restore_pending()) return;
  if (e.error_class() == host::ErrorClass::interrupted) {
    host::clear_interrupt();
    PyErr_SetNone(PyExc_KeyboardInterrupt);
    return;
  }
  const char *name = "Error";
  switch (e.error_class()) {
    case host::ErrorClass::usage: name = "UsageError"; break;
    case host::ErrorClass::transport: name = "TransportError"; break;
    case host::ErrorClass::timeout: name = "TimeoutError"; break;
    case host::ErrorClass::protocol: name = "ProtocolError"; break;
    case host::ErrorClass::device: name = "DeviceError"; break;
    case host::ErrorClass::mismatch: name = "MismatchError"; break;
    case host::ErrorClass::file: name = "FileError"; break;
    case host::ErrorClass::reset: name = "ResetError"; break;
    case host::ErrorClass::interrupted: break;
  }
  try {
    py::object cls = py::reinterpret_borrow<py::object>(g_errors).attr(name);
    py::object exc = cls(e.what());
    if (device) {
      exc.attr("last_error") = device->text();
      exc.attr("code") = device->code();
    }
    PyErr_SetObject(cls.ptr(), exc.ptr());
  } catch (py::error_already_set &err) {
    err.restore();  // making the exception failed: that failure is what Python sees
  }
}

}  // namespace

void install_signal_poll() { host::set_interrupt_poll(&poll_python_signals); }

void install_error_translator(py::module_ errors) {
  g_errors = errors.release().ptr();
  py::register_exception_translator([](std::exception_ptr p) {
    try {
      if (p) std::rethrow_exception(p);
    } catch (const DeviceFailure &e) {
      raise_error(e, &e);
    } catch (const host::Error &e) {
      raise_error(e, nullptr);
    }
  });
}

void begin_call() {
  if (g_pending_type == nullptr) host::clear_interrupt();
}

void end_call() {
  if (restore_pending()) throw py::error_already_set();
}

}  // namespace tvmcrt::python
