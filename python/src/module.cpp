// SPDX-License-Identifier: Apache-2.0
// module.cpp — tvmcrt._tvmcrt, the C++ half of `import tvmcrt`: host/lib's Device as
// Connection, host::compare, the signal poll and the error translator. The public API (tvmcrt.Device,
// connect, the result types, docstrings) is the Python package around it (python/tvmcrt/).
#include <pybind11/pybind11.h>
#include <pybind11/stl.h>

#include "compare.hpp"
#include "connection.hpp"
#include "signals.hpp"

namespace py = pybind11;
using tvmcrt::python::Connection;
using tvmcrt::python::ConnectOptions;

namespace {

py::dict compare_arrays(const py::handle &actual, const py::handle &expected, double atol, double rtol) {
  const auto a = tvmcrt::python::to_ndarray(actual, "the actual array");
  const auto e = tvmcrt::python::to_ndarray(expected, "the expected array");
  const tvmcrt::host::Comparison c = tvmcrt::host::compare(a, e, atol, rtol);
  py::dict d;
  d["elements"] = c.count;
  d["max_abs"] = c.max_abs;
  d["max_abs_index"] = c.max_abs_index;
  d["rmse"] = c.rmse;
  d["cosine"] = c.cosine;
  d["argmax"] = c.argmax_actual;
  d["argmax_expected"] = c.argmax_expected;
  d["top1"] = c.top1_agrees;
  d["violations"] = c.violations;
  d["first_violation"] = c.violations ? py::object(py::int_(c.first_violation)) : py::object(py::none());
  d["passed"] = c.pass;
  return d;
}

}  // namespace

PYBIND11_MODULE(_tvmcrt, m) {
  m.doc() = "C++ core of tvmcrt (host/lib); use the tvmcrt package, not this module";
  tvmcrt::python::install_error_translator(py::module_::import("tvmcrt._errors"));
  tvmcrt::python::install_signal_poll();
  // The project's one version (VERSION) and the protocol this host speaks (host/lib/device.hpp).
  m.attr("VERSION") = TVMCRT_VERSION;
  m.attr("PROTOCOL_VERSION") = tvmcrt::host::kProtocolVersion;

  py::class_<Connection>(m, "Connection", "One open device (tvmcrt.Device wraps it)")
      .def(py::init([](const std::string &port, std::uint32_t baud, double timeout, double turnaround, int retries,
                       int noise_retries) {
             ConnectOptions o;
             o.port = port;
             o.device.transport.baud = baud;
             o.device.link.turnaround_s = turnaround;
             o.device.link.max_retries = retries;
             o.device.link.max_noisy_retries = noise_retries;
             o.run_timeout_s = timeout;
             return std::make_unique<Connection>(o);
           }),
           py::arg("port"), py::arg("baud"), py::arg("timeout"), py::arg("turnaround"), py::arg("retries"),
           py::arg("noise_retries"))
      .def_property_readonly("port", &Connection::port)
      .def_property_readonly("closed", &Connection::closed)
      .def("info", &Connection::info)
      .def("execute", &Connection::execute, py::arg("model"), py::arg("inputs"), py::arg("repeat"),
           py::arg("timeout"))
      .def("profile", &Connection::profile, py::arg("model"), py::arg("inputs"), py::arg("timeout"))
      .def("set_workspaces", &Connection::set_workspaces, py::arg("model"), py::arg("placements"))
      .def("last_error", &Connection::last_error)
      .def("reconnect", &Connection::reconnect)
      .def("close", &Connection::close);

  m.def("compare", &compare_arrays, py::arg("actual"), py::arg("expected"), py::arg("atol"), py::arg("rtol"),
        "host::compare (tvmcrt-host --expect's figures) of two arrays as plain values");
}
