// SPDX-License-Identifier: Apache-2.0
#include "connection.hpp"

#include <chrono>
#include <cmath>
#include <pybind11/stl.h>

#include "error.hpp"
#include "signals.hpp"

namespace tvmcrt::python {

using host::Error;
using host::ErrorClass;

namespace {

std::string names_text(const std::vector<std::string> &names) {
  std::string s;
  for (const auto &n : names) s += (s.empty() ? "" : ", ") + n;
  return s.empty() ? "none" : s;
}

// Same rule as tvmcrt-host's timing (run_support.cpp): a device that reports only ticks.
double device_microseconds(const host::Device &dev, const host::ExecuteResult &r) {
  if (r.microseconds || !dev.hello().tick_hz()) return r.microseconds;
  return 1e6 * r.ticks / dev.hello().tick_hz();
}

std::uint32_t placement_number(const py::handle &v, const std::string &pool, const char *what) {
  if (!py::isinstance<py::int_>(v) || py::isinstance<py::bool_>(v))
    throw Error(ErrorClass::usage, "placement of pool '" + pool + "': the " + what + " must be an int, got " +
                                       py::repr(v).cast<std::string>());
  const long long n = v.cast<long long>();
  if (n < 0 || n > 0xFFFFFFFFLL)
    throw Error(ErrorClass::usage, "placement of pool '" + pool + "': the " + what + " " + std::to_string(n) +
                                       " is outside 0 .. 0xFFFFFFFF");
  return static_cast<std::uint32_t>(n);
}

}  // namespace

Connection::Snapshot Connection::snapshot(const host::Device &d) {
  Snapshot s;
  s.port = d.port();
  for (std::uint32_t i = 0; i < d.models().size(); ++i) {
    s.models.push_back(model_meta(d.models()[i], i));
    s.pools.emplace_back();
    for (const auto &p : d.models()[i].pools()) s.pools.back().push_back(p.name());
  }
  for (const auto &r : d.hello().regions()) s.regions.push_back(r.name());
  // As tvmcrt-host labels times (run_support.cpp time_note_of): the emulator it booted, or a
  // device that calls its platform emulated.
  s.time_note = d.emulation_note();
  const std::string &platform = d.hello().platform();
  if (s.time_note.empty() && platform.find("emulated") != std::string::npos)
    s.time_note = "emulated (the device says its platform is " + platform + "), not a real chip's time";
  return s;
}

Connection::Connection(const ConnectOptions &opt) : opt_(opt) {
  begin_call();
  {
    py::gil_scoped_release release;
    dev_ = std::make_unique<host::Device>(opt_.port, opt_.device);
  }
  end_call();
  meta_ = snapshot(*dev_);
}

Connection::~Connection() = default;

template <typename F>
auto Connection::on_device(F &&f) -> decltype(f(std::declval<host::Device &>())) {
  begin_call();
  std::optional<decltype(f(std::declval<host::Device &>()))> result;
  const std::string port = meta_.port;
  {
    py::gil_scoped_release release;
    std::lock_guard<std::mutex> lock(mutex_);
    if (!dev_)
      throw Error(ErrorClass::usage, "the device on " + port + " is closed; use tvmcrt.connect() or "
                                     "Device.reconnect() to open it again");
    if (resync_) {
      dev_->resync();
      resync_ = false;
    }
    try {
      result.emplace(f(*dev_));
    } catch (const Error &e) {
      resync_ = true;  // requests may be left in flight, a frame half sent
      if (e.error_class() != ErrorClass::device) throw;
      std::string text;
      std::uint32_t code = 0;
      try {
        const auto le = dev_->last_error();
        text = le.text();
        code = le.code();
      } catch (const Error &) {
        // The error already says what failed; a second failure must not hide it.
      }
      throw DeviceFailure(e, text, code);
    }
  }
  end_call();
  return std::move(*result);
}

ModelMeta Connection::model(const py::object &name) const {
  const std::vector<ModelMeta> &models = meta_.models;
  const std::string &port = meta_.port;
  std::vector<std::string> names;
  for (const auto &m : models) names.push_back(m.name);
  if (name.is_none() || (py::isinstance<py::str>(name) && name.cast<std::string>().empty())) {
    if (models.size() == 1) return models[0];
    if (models.empty()) throw Error(ErrorClass::usage, "the firmware on " + port + " has no models");
    throw Error(ErrorClass::usage, "the firmware on " + port + " has " + std::to_string(models.size()) +
                                       " models (" + names_text(names) + "); name one, e.g. dev.execute('" +
                                       names[0] + "', inputs)");
  }
  if (!py::isinstance<py::str>(name))
    throw Error(ErrorClass::usage, "a model is named by a string, got " + py::repr(name).cast<std::string>() +
                                       "; the device at " + port + " has: " + names_text(names));
  const std::string n = name.cast<std::string>();
  for (const auto &m : models)
    if (m.name == n) return m;
  throw Error(ErrorClass::usage, "no model '" + n + "' on the device at " + port + "; it has: " + names_text(names));
}

py::dict Connection::info() {
  struct Copy {
    wire::HelloResponse hello;
    std::vector<wire::ModelInfoResponse> models;
  };
  const Copy c = on_device([](host::Device &d) { return Copy{d.hello(), d.models()}; });
  auto tensors = [](const google::protobuf::RepeatedPtrField<wire::TensorInfo> &ts) {
    py::list out;
    for (const auto &t : ts) {
      const host::DType dt = host::dtype_from_int(t.dtype());
      py::dict d;
      d["name"] = t.name();
      d["dtype"] = dt == host::DType::unknown ? py::object(py::none()) : py::object(numpy_dtype(dt));
      d["shape"] = py::tuple(py::cast(std::vector<std::uint32_t>(t.shape().begin(), t.shape().end())));
      d["size_bytes"] = t.size_bytes();
      out.append(d);
    }
    return out;
  };
  py::list regions, models;
  for (const auto &r : c.hello.regions()) {
    py::dict d;
    d["name"] = r.name();
    d["size"] = r.size();
    d["alignment"] = r.alignment();
    regions.append(d);
  }
  for (std::size_t i = 0; i < c.models.size(); ++i) {
    const auto &m = c.models[i];
    py::list pools;
    for (const auto &p : m.pools()) {
      py::dict d;
      d["name"] = p.name();
      d["size_bytes"] = p.size_bytes();
      d["alignment"] = p.alignment();
      d["is_stack"] = p.is_stack();
      d["region"] = py::none();
      if (p.assigned()) {
        d["region"] = p.region() < static_cast<std::uint32_t>(c.hello.regions_size())
                          ? py::object(py::str(c.hello.regions(static_cast<int>(p.region())).name()))
                          : py::object(py::int_(p.region()));
        d["offset"] = p.offset();
        d["assigned_size"] = p.assigned_size();
      }
      pools.append(d);
    }
    py::dict md;
    md["index"] = i;
    md["name"] = m.name();
    md["inputs"] = tensors(m.inputs());
    md["outputs"] = tensors(m.outputs());
    md["pools"] = pools;
    models.append(md);
  }
  py::dict d;
  d["port"] = meta_.port;
  d["platform"] = c.hello.platform();
  d["firmware_build_id"] = c.hello.firmware_build_id();
  d["protocol_version"] = c.hello.protocol_version();
  d["boot_id"] = c.hello.status().boot_id();
  d["max_frame_payload"] = c.hello.max_frame_payload();
  d["receive_window"] = c.hello.receive_window();
  d["tick_hz"] = c.hello.tick_hz();
  d["emulation"] = meta_.time_note.empty() ? py::object(py::none()) : py::object(py::str(meta_.time_note));
  d["regions"] = regions;
  d["models"] = models;
  return d;
}

double Connection::run_timeout(std::optional<double> timeout_s) const {
  const double timeout = timeout_s ? *timeout_s : opt_.run_timeout_s;
  if (!std::isfinite(timeout) || timeout <= 0 || timeout > 86400)
    throw Error(ErrorClass::usage, "timeout must be more than 0 and at most 86400 seconds, got " +
                                       py::repr(py::float_(timeout)).cast<std::string>());
  return timeout;
}

py::tuple Connection::execute(const py::object &name, const py::handle &inputs, int repeat,
                              std::optional<double> timeout_s) {
  if (repeat < 1) throw Error(ErrorClass::usage, "repeat must be 1 or more, got " + std::to_string(repeat));
  const double timeout = run_timeout(timeout_s);
  const ModelMeta m = model(name);
  const std::vector<BoundInput> bound = bind_inputs(m, inputs);
  struct Run {
    std::vector<std::vector<std::uint8_t>> outputs;
    std::vector<double> device_us, round_trip_us;
    std::uint32_t peak = 0;
  };
  Run run = on_device([&](host::Device &d) {
    Run r;
    for (const auto &b : bound) d.write_input(m.index, b.tensor, b.data, b.size);
    for (int i = 0; i < repeat; ++i) {
      const auto start = std::chrono::steady_clock::now();
      const host::ExecuteResult e = d.execute(m.index, timeout);
      r.round_trip_us.push_back(
          std::chrono::duration<double, std::micro>(std::chrono::steady_clock::now() - start).count());
      r.device_us.push_back(device_microseconds(d, e));
      r.peak = std::max(r.peak, e.peak_workspace);
    }
    for (std::uint32_t i = 0; i < m.outputs.size(); ++i) r.outputs.push_back(d.read_output(m.index, i));
    return r;
  });
  py::dict outputs;
  for (std::size_t i = 0; i < m.outputs.size(); ++i)
    outputs[py::str(m.outputs[i].name)] = output_array(m.outputs[i], run.outputs[i]);
  return py::make_tuple(outputs, py::cast(run.device_us), py::cast(run.round_trip_us), run.peak,
                        meta_.time_note.empty() ? py::object(py::none()) : py::object(py::str(meta_.time_note)));
}

py::tuple Connection::profile(const py::object &name, const py::handle &inputs, std::optional<double> timeout_s) {
  const double timeout = run_timeout(timeout_s);
  const ModelMeta m = model(name);
  const std::vector<BoundInput> bound = bind_inputs(m, inputs);
  std::vector<host::RunInput> run_inputs;
  for (const auto &b : bound) run_inputs.push_back({b.tensor, b.data, b.size});
  const host::ProfileRun run = on_device([&](host::Device &d) { return d.profile(m.index, run_inputs, timeout); });
  py::dict outputs;
  for (std::size_t i = 0; i < m.outputs.size(); ++i)
    outputs[py::str(m.outputs[i].name)] = output_array(m.outputs[i], run.run.outputs[i]);
  // The keys of `tvmcrt-host profile --json` (host/cli/profile_report.cpp), so scripts read both alike.
  const host::Profile &p = run.profile;
  py::list ops;
  for (const auto &o : p.operators) {
    py::dict d;
    d["name"] = o.name;
    d["index"] = o.index;
    d["calls"] = o.calls;
    d["ticks"] = o.ticks;
    d["us"] = host::profile_microseconds(o.ticks, p.tick_hz);
    d["share"] = o.share;
    d["min_ticks"] = o.min_ticks;
    d["max_ticks"] = o.max_ticks;
    d["first_tick"] = o.first_tick;
    ops.append(d);
  }
  py::dict d;
  d["model"] = p.model;
  d["tick_hz"] = p.tick_hz;
  d["probe_ticks_per_call"] = p.probe_ticks;
  d["run_ticks"] = p.run_ticks;
  d["run_us"] = host::profile_microseconds(p.run_ticks, p.tick_hz);
  d["operator_ticks"] = p.operator_ticks;
  d["operator_count"] = p.operator_count;
  d["recorded"] = p.recorded;
  d["operators"] = ops;
  py::dict memory;
  memory["stack_used"] = p.stack_used;
  memory["stack_size"] = p.stack_size;
  memory["stack_measured"] = p.stack_size != 0;
  memory["peak_workspace"] = p.peak_workspace;
  memory["model_static"] = py::none();  // as the CLI: from the image a qemu port boots
  if (const std::string image = host::footprint_image(meta_.port); !image.empty()) {
    const host::ModelFootprint f = host::read_model_footprint(image, m.name);
    if (f.found) {
      py::dict st;
      st["flash"] = f.flash;
      st["ram"] = f.ram;
      st["static_data"] = f.static_data;
      st["workspace"] = f.workspace;
      st["io_buffers"] = f.io;
      st["image"] = image;
      memory["model_static"] = st;
    }
  }
  d["memory"] = memory;
  return py::make_tuple(outputs, d,
                        meta_.time_note.empty() ? py::object(py::none()) : py::object(py::str(meta_.time_note)));
}

void Connection::set_workspaces(const py::object &name, const py::dict &placements) {
  const ModelMeta m = model(name);
  const std::vector<std::string> &pools = meta_.pools.at(m.index);
  const std::vector<std::string> &regions = meta_.regions;
  std::vector<wire::PoolPlacement> list;
  for (const auto &item : placements) {
    const std::string pool = py::str(item.first);
    std::size_t pi = 0;
    while (pi < pools.size() && pools[pi] != pool) ++pi;
    if (pi == pools.size())
      throw Error(ErrorClass::usage, "model '" + m.name + "' has no pool '" + pool + "'; its pools are: " +
                                         names_text(pools));
    py::handle spec = item.second;
    py::tuple parts = py::isinstance<py::str>(spec) ? py::make_tuple(spec) : py::tuple();
    if (parts.empty() && (py::isinstance<py::tuple>(spec) || py::isinstance<py::list>(spec)))
      parts = py::tuple(py::reinterpret_borrow<py::object>(spec));
    if (parts.empty() || parts.size() > 3 || !py::isinstance<py::str>(parts[0]))
      throw Error(ErrorClass::usage, "placement of pool '" + pool + "': expected REGION, (REGION, OFFSET) or "
                                     "(REGION, OFFSET, SIZE), e.g. {'" + pool + "': ('" +
                                     (regions.empty() ? std::string("sram") : regions[0]) + "', 0)}, got " +
                                     py::repr(spec).cast<std::string>());
    const std::string region = parts[0].cast<std::string>();
    std::size_t ri = 0;
    while (ri < regions.size() && regions[ri] != region) ++ri;
    if (ri == regions.size())
      throw Error(ErrorClass::usage, "the device has no memory region '" + region + "'; its regions are: " +
                                         names_text(regions));
    wire::PoolPlacement pl;
    pl.set_pool(static_cast<std::uint32_t>(pi));
    pl.set_region(static_cast<std::uint32_t>(ri));
    if (parts.size() > 1) pl.set_offset(placement_number(parts[1], pool, "offset"));
    if (parts.size() > 2) pl.set_size(placement_number(parts[2], pool, "size"));
    list.push_back(pl);
  }
  on_device([&](host::Device &d) {
    d.set_workspaces(m.index, list);
    return 0;
  });
}

py::tuple Connection::last_error() {
  const auto e = on_device([](host::Device &d) { return d.last_error(); });
  return py::make_tuple(e.code(), e.code() ? host::error_code_name(e.code()) : std::string(), e.text(), e.model());
}

void Connection::reconnect() {
  begin_call();
  Snapshot fresh;
  {
    py::gil_scoped_release release;
    std::lock_guard<std::mutex> lock(mutex_);
    dev_.reset();  // the old port is released (and an emulator stopped) before it opens again
    closed_ = true;
    dev_ = std::make_unique<host::Device>(opt_.port, opt_.device);
    fresh = snapshot(*dev_);
    resync_ = closed_ = false;
  }
  end_call();
  meta_ = std::move(fresh);  // the GIL guards what Python reads without the device
}

void Connection::close() {
  py::gil_scoped_release release;
  std::lock_guard<std::mutex> lock(mutex_);
  dev_.reset();
  closed_ = true;
}

}  // namespace tvmcrt::python
