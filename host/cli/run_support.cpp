// SPDX-License-Identifier: Apache-2.0
#include "run_support.hpp"

#include <unistd.h>

#include <algorithm>
#include <array>
#include <chrono>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <iomanip>
#include <iostream>
#include <sstream>

#include "error.hpp"
#include "npz.hpp"

namespace tvmcrt::cli {

using host::Error;
using host::ErrorClass;

std::vector<FileArg> load_file_args(const std::vector<std::string> &args) {
  std::vector<FileArg> out;
  for (const auto &a : args) {
    auto [name, path] = split_assignment(a);
    std::error_code ec;
    if (!name.empty() && (name.find('/') != std::string::npos ||
                          (std::filesystem::exists(a, ec) && !std::filesystem::exists(path, ec)))) {
      name.clear();  // a path with '=' in it, not NAME=FILE
      path = a;
    }
    if (path.empty()) throw Error(ErrorClass::usage, "'" + a + "': expected NAME=FILE.npy or FILE.npy");
    if (path.size() > 4 && path.compare(path.size() - 4, 4, ".npz") == 0) {
      if (!name.empty())
        throw Error(ErrorClass::usage, "'" + a + "': a .npz names its arrays itself; pass " + path + " alone");
      for (auto &[member, array] : host::npz_load(path)) {
        host::NpyHeader h;
        h.array.dtype = array.dtype;
        h.array.shape = array.shape;
        out.push_back(FileArg{member, path + "[" + member + "]", h, std::move(array)});
      }
      continue;
    }
    out.push_back(FileArg{name, path, host::npy_read_header(path), std::nullopt});
  }
  return out;
}

std::map<std::uint32_t, host::NdArray> bind_tensors(const Device &dev, std::uint32_t model, std::vector<FileArg> args,
                                                    TensorKind kind, const char *flag, std::size_t *batch_n) {
  const auto &m = dev.models().at(model);
  const auto &tensors = kind == TensorKind::input ? m.inputs() : m.outputs();
  const char *what = kind == TensorKind::input ? "input" : "output";
  std::map<std::uint32_t, host::NdArray> bound;
  for (auto &a : args) {
    std::uint32_t index;
    if (a.name.empty()) {
      if (tensors.size() != 1) {
        std::string names;
        for (const auto &t : tensors) names += (names.empty() ? "" : ", ") + t.name();
        throw Error(ErrorClass::usage, std::string(flag) + " " + a.path + ": model '" + m.name() + "' has " +
                                           std::to_string(tensors.size()) + " " + what + "s (" + names +
                                           "); name the one this file is for: " + flag + " NAME=" + a.path);
      }
      index = 0;
    } else {
      index = kind == TensorKind::input ? dev.input_index(model, a.name) : dev.output_index(model, a.name);
    }
    const auto &t = tensors[static_cast<int>(index)];
    const std::string label = std::string(what) + " '" + t.name() + "' of model '" + m.name() + "'";
    if (bound.count(index)) throw Error(ErrorClass::usage, std::string(flag) + " given twice for " + label);
    const host::DType want = tensor_dtype(t);
    const std::size_t elems = host::dtype_size(want) ? t.size_bytes() / host::dtype_size(want) : 0;
    const std::string want_text = std::string(host::dtype_name(want)) + " " + shape_string(t);
    const host::NdArray &head = a.header.array;  // dtype and shape; data not read yet
    const std::string have_text = std::string(host::dtype_name(head.dtype)) + " " + head.shape_string();
    if (kind == TensorKind::output && head.dtype != want)
      note() << a.path << " holds " << host::dtype_name(head.dtype) << " but " << label
                << " is " << host::dtype_name(want) << ": compared as numbers (save the reference as "
                << host::dtype_name(want) << " to compare like with like)" << std::endl;
    if (kind == TensorKind::input && head.dtype != want)
      throw Error(ErrorClass::usage, a.path + ": " + label + " is " + want_text + " but the file holds " + have_text +
                                         "; convert it, e.g. np.save(path, arr.astype(np." + host::dtype_name(want) +
                                         "))");
    std::size_t samples = 1;
    if (batch_n) {
      if (head.shape.empty() || head.shape[0] == 0)
        throw Error(ErrorClass::usage, a.path + ": a batch file needs a leading sample axis (shape [N, ...]), it has " +
                                           head.shape_string());
      samples = head.shape[0];
      if (*batch_n && *batch_n != samples)
        throw Error(ErrorClass::usage, a.path + ": holds " + std::to_string(samples) + " samples, other batch files " +
                                           std::to_string(*batch_n));
      *batch_n = samples;
    }
    const std::size_t have = head.element_count();
    if (have != elems * samples)
      throw Error(ErrorClass::usage, a.path + ": " + label + " is " + want_text + " (" + std::to_string(elems) +
                                         " elements" + (batch_n ? " per sample" : "") + ") but the file holds " +
                                         have_text + " (" + std::to_string(have) + " elements)");
    bound.emplace(index, a.array ? std::move(*a.array) : host::npy_read_data(a.path, a.header));
  }
  return bound;
}

void require_all_inputs(const Device &dev, std::uint32_t model, const std::map<std::uint32_t, host::NdArray> &in,
                        const char *flag) {
  const auto &m = dev.models().at(model);
  for (int i = 0; i < m.inputs().size(); ++i)
    if (!in.count(static_cast<std::uint32_t>(i))) {
      const auto &t = m.inputs(i);
      throw Error(ErrorClass::usage, "model '" + m.name() + "' needs input '" + t.name() + "' (" +
                                         host::dtype_name(tensor_dtype(t)) + " " + shape_string(t) + "); pass " +
                                         flag + " " + t.name() + "=FILE.npy");
    }
}

void prepare_output_dir(const std::string &dir) {
  std::error_code ec;
  std::filesystem::create_directories(dir, ec);
  if (ec) throw Error(ErrorClass::file, "output directory " + dir + ": cannot create it: " + ec.message());
  const std::string probe = dir + "/.tvmcrt-host-write-test";
  std::ofstream f(probe);
  const bool ok = static_cast<bool>(f);
  f.close();
  std::remove(probe.c_str());
  if (!ok) throw Error(ErrorClass::file, "output directory " + dir + " is not writable; pick another --output-dir");
}

void write_inputs(Device &dev, std::uint32_t model, const std::map<std::uint32_t, host::NdArray> &inputs) {
  for (const auto &[index, array] : inputs) {
    ProgressBar bar("input " + dev.models()[model].inputs(static_cast<int>(index)).name(), "bytes");
    dev.write_input(model, index, array.data.data(), array.data.size(), bar.callback());
  }
}

std::vector<host::NdArray> read_outputs(Device &dev, std::uint32_t model) {
  std::vector<host::NdArray> out;
  const auto &m = dev.models()[model];
  for (int i = 0; i < m.outputs().size(); ++i) {
    ProgressBar bar("output " + m.outputs(i).name(), "bytes");
    host::NdArray a;
    a.dtype = tensor_dtype(m.outputs(i));
    a.shape = tensor_shape(m.outputs(i));
    a.data = dev.read_output(model, static_cast<std::uint32_t>(i), bar.callback());
    out.push_back(std::move(a));
  }
  return out;
}

namespace {

double device_microseconds(const Device &dev, const host::ExecuteResult &r) {
  if (r.microseconds || !dev.hello().tick_hz()) return r.microseconds;
  return 1e6 * r.ticks / dev.hello().tick_hz();
}

// {min, median, max} of a sample.
std::array<double, 3> spread(std::vector<double> v) {
  std::sort(v.begin(), v.end());
  const std::size_t n = v.size();
  if (!n) return {0, 0, 0};
  return {v.front(), n % 2 ? v[n / 2] : (v[n / 2 - 1] + v[n / 2]) / 2, v.back()};
}

}  // namespace

std::string time_note_of(const Device &dev) {
  const std::string note = dev.emulation_note();
  if (!note.empty()) return note;
  const std::string &platform = dev.hello().platform();
  if (platform.find("emulated") != std::string::npos)
    return "emulated (the device says its platform is " + platform + "), not a real chip's time";
  return "";
}

void timed_execute(Device &dev, std::uint32_t model, double timeout_s, RunTimes &times) {
  if (times.device_us.empty()) times.emulated = time_note_of(dev);
  const auto start = std::chrono::steady_clock::now();
  const host::ExecuteResult r = dev.execute(model, timeout_s);
  times.round_trip_us.push_back(
      std::chrono::duration<double, std::micro>(std::chrono::steady_clock::now() - start).count());
  times.device_us.push_back(device_microseconds(dev, r));
}

std::vector<host::NdArray> run_once(Device &dev, std::uint32_t model, const std::map<std::uint32_t, host::NdArray> &inputs,
                                    double timeout_s, RunTimes &times) {
  if (times.device_us.empty()) times.emulated = time_note_of(dev);
  std::vector<host::RunInput> in;
  for (const auto &[index, array] : inputs) in.push_back({index, array.data.data(), array.data.size()});
  const auto &m = dev.models()[model];
  ProgressBar bar("model " + m.name(), "bytes");
  host::RunResult r = dev.run(model, in, timeout_s, bar.callback());
  times.round_trip_us.push_back(1e6 * r.execute_round_trip_s);
  times.device_us.push_back(device_microseconds(dev, r.execute));
  std::vector<host::NdArray> out;
  for (int i = 0; i < m.outputs().size(); ++i) {
    host::NdArray a;
    a.dtype = tensor_dtype(m.outputs(i));
    a.shape = tensor_shape(m.outputs(i));
    a.data = std::move(r.outputs[static_cast<std::size_t>(i)]);
    out.push_back(std::move(a));
  }
  return out;
}

json timing_json(const RunTimes &t) {
  const auto d = spread(t.device_us), rt = spread(t.round_trip_us);
  return {{"runs", t.device_us.size()}, {"min_us", d[0]}, {"median_us", d[1]}, {"max_us", d[2]},
          {"round_trip_min_us", rt[0]}, {"round_trip_median_us", rt[1]}, {"round_trip_max_us", rt[2]},
          {"emulated", !t.emulated.empty()}, {"time_source", t.emulated.empty() ? "device" : t.emulated}};
}

std::string timing_text(const RunTimes &t) {
  const auto d = spread(t.device_us), rt = spread(t.round_trip_us);
  std::ostringstream os;
  os << std::fixed << std::setprecision(0);
  if (t.device_us.size() == 1)
    os << "on-device time " << d[0] << " us (Execute round trip " << rt[0] << " us)\n";
  else
    os << "on-device time over " << t.device_us.size() << " runs: min " << d[0] << " us, median " << d[1]
       << " us, max " << d[2] << " us (Execute round trip median " << rt[1] << " us)\n";
  if (!t.emulated.empty()) os << "  time " << t.emulated << "\n";
  return os.str();
}

json comparison_json(const host::Comparison &c, double atol, double rtol) {
  json j = {{"pass", c.pass},       {"atol", atol},        {"rtol", rtol},           {"elements", c.count},
            {"max_abs", c.max_abs}, {"rmse", c.rmse},      {"cosine", c.cosine},     {"violations", c.violations},
            {"top1", c.top1_agrees}, {"argmax", c.argmax_actual}, {"argmax_expected", c.argmax_expected}};
  if (c.violations) j["first_violation"] = c.first_violation;
  return j;
}

std::string comparison_text(const host::Comparison &c, double atol, double rtol) {
  std::ostringstream os;
  os << "max-abs " << c.max_abs << ", RMSE " << c.rmse << ", cosine " << std::setprecision(6) << c.cosine
     << ", top-1 " << c.argmax_actual << (c.top1_agrees ? " = " : " != ") << c.argmax_expected << ": "
     << (c.pass ? "PASS" : "FAIL");
  if (!c.pass) os << " (" << c.violations << " of " << c.count << " elements outside atol " << atol << " + rtol " << rtol
                  << " * |expected|, first at index " << c.first_violation << ")";
  return os.str();
}

}  // namespace tvmcrt::cli
