// SPDX-License-Identifier: Apache-2.0
// connection.hpp — one device for Python: host::Device behind a mutex, called with the GIL
// released, resynchronised after a call that failed part-way (Ctrl-C, a timeout), with the
// model's tensors kept on the host so inputs are checked before anything is sent.
#pragma once

#include <atomic>
#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <vector>

#include <pybind11/numpy.h>
#include <pybind11/pybind11.h>

#include "arrays.hpp"
#include "device.hpp"

namespace tvmcrt::python {

struct ConnectOptions {
  std::string port;
  host::DeviceOptions device;
  double run_timeout_s = 60;  // one run of a model (execute's default)
};

class Connection {
 public:
  // Opens the port and says Hello (GIL released meanwhile).
  explicit Connection(const ConnectOptions &opt);
  ~Connection();

  std::string port() const { return meta_.port; }
  bool closed() const { return closed_; }
  // {"port", "platform", ..., "regions": [...], "models": [...]}: plain dicts the Python layer wraps.
  py::dict info();
  // (outputs {name: ndarray}, device_us [per run], round_trip_us [per run], peak_workspace, emulated)
  py::tuple execute(const py::object &model, const py::handle &inputs, int repeat, std::optional<double> timeout_s);
  // (outputs {name: ndarray}, profile {the keys of `tvmcrt-host profile --json`}, emulated): one run
  // with the model's operator probes on (Device::profile()).
  py::tuple profile(const py::object &model, const py::handle &inputs, std::optional<double> timeout_s);
  // placements: {pool: region | (region, offset) | (region, offset, size)}
  void set_workspaces(const py::object &model, const py::dict &placements);
  // (code, code name, text, model index)
  py::tuple last_error();
  // A fresh connection on the same port with the same options (after a reset, a closed link).
  void reconnect();
  void close();

 private:
  // Runs f on the device with the GIL released and the device locked; first resynchronises after
  // a call that failed, and a device error gets the device's last error attached (DeviceFailure).
  template <typename F>
  auto on_device(F &&f) -> decltype(f(std::declval<host::Device &>()));
  // A model by name (None or "" picks the only one); Error(usage) lists the names on offer.
  ModelMeta model(const py::object &name) const;
  // The run timeout given, or the connection's; Error(usage) outside (0, 86400] seconds.
  double run_timeout(std::optional<double> timeout_s) const;

  // What Python reads without asking the device (the GIL guards it): tensors, pool and region
  // names never change while the device stays up.
  struct Snapshot {
    std::string port;
    std::vector<ModelMeta> models;
    std::vector<std::vector<std::string>> pools;  // pool names per model
    std::vector<std::string> regions;
    std::string time_note;  // "" on real hardware, else what emulated times are
  };
  static Snapshot snapshot(const host::Device &d);

  ConnectOptions opt_;
  std::mutex mutex_;  // taken only with the GIL released (the signal poll takes the GIL under it)
  std::unique_ptr<host::Device> dev_;
  bool resync_ = false;
  std::atomic<bool> closed_{false};
  Snapshot meta_;
};

}  // namespace tvmcrt::python
