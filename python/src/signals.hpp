// SPDX-License-Identifier: Apache-2.0
// signals.hpp — Ctrl-C while the device is waited on without the GIL, and host errors as Python
// exceptions.
//
// The waits of host/lib run with the GIL released, so Python's own signal handlers (which run
// only where the GIL is held) never see a Ctrl-C during them. install_signal_poll() gives host/lib
// a poll (host::set_interrupt_poll) that takes the GIL for a moment, runs the handlers
// (PyErr_CheckSignals) and, when one raised, keeps that exception and reports SIGINT: the wait then
// throws Error(interrupted) within host::kInterruptLatency, and the binding raises the kept
// exception (KeyboardInterrupt, or whatever the program's handler raised).
#pragma once

#include <pybind11/pybind11.h>

#include "error.hpp"

namespace tvmcrt::python {

namespace py = pybind11;

// Host errors of class device also carry the device's last error (GetLastError after the failure).
class DeviceFailure : public host::Error {
 public:
  DeviceFailure(const host::Error &e, std::string text, std::uint32_t code)
      : host::Error(e), text_(std::move(text)), code_(code) {}
  const std::string &text() const { return text_; }
  std::uint32_t code() const { return code_; }

 private:
  std::string text_;
  std::uint32_t code_;
};

// Sets the poll (once, at import) and the translator of host::Error to tvmcrt's exception
// classes, which `errors` (the module tvmcrt._errors) defines. A kept exception wins over any
// other error of the same call.
void install_signal_poll();
void install_error_translator(py::module_ errors);

// Before a call into host/lib (GIL held): forgets a signal no exception stands for.
void begin_call();
// After a call that succeeded (GIL held): an exception a signal handler raised meanwhile is raised
// now (py::error_already_set), never dropped.
void end_call();

}  // namespace tvmcrt::python
