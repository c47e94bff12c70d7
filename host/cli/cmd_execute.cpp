// SPDX-License-Identifier: Apache-2.0
// execute: inputs in, run (--repeat times), outputs out, compared with references; and its batch
// mode, one connection for a stack of samples.
#include <chrono>
#include <cmath>
#include <cstring>
#include <functional>
#include <iostream>
#include <memory>
#include <sstream>

#include "commands.hpp"
#include "error.hpp"
#include "interrupt.hpp"
#include "npz.hpp"
#include "run_support.hpp"

namespace tvmcrt::cli {
namespace {

using host::Error;
using host::ErrorClass;

struct ExecuteOptions {
  CommonOptions common;
  std::string model, output_dir, output_npz, junit, labels;
  std::vector<std::string> inputs, expects, batch_inputs, batch_expects;
  double atol = 1e-8, rtol = 1e-5;  // numpy.allclose's defaults
  int repeat = 1;
  double timeout_s = 60;
};

// An output's values as nested JSON arrays of its shape (a scalar for shape []), so that
// numpy.array(values, dtype) gives the array back. Integers exactly; floats as doubles (float16
// converted exactly); NaN and infinities, which JSON cannot hold, as null.
json values_json(const host::NdArray &a) {
  std::size_t next = 0;
  auto element = [&]() -> json {
    const std::size_t i = next++;
    const std::uint8_t *p = a.data.data();
    switch (a.dtype) {
      case host::DType::boolean: return p[i] != 0;
      case host::DType::int64: {
        std::int64_t v;
        std::memcpy(&v, p + 8 * i, 8);
        return v;
      }
      case host::DType::uint64: {
        std::uint64_t v;
        std::memcpy(&v, p + 8 * i, 8);
        return v;
      }
      default: break;
    }
    const double v = host::element_as_double(a.dtype, p, i);
    if (!std::isfinite(v)) return nullptr;
    if (!host::dtype_is_float(a.dtype)) return static_cast<std::int64_t>(v);
    return v;
  };
  std::function<json(std::size_t)> axis = [&](std::size_t d) -> json {
    if (d == a.shape.size()) return element();
    json arr = json::array();
    for (std::size_t k = 0; k < a.shape[d]; ++k) arr.push_back(axis(d + 1));
    return arr;
  };
  if (a.element_count() * host::dtype_size(a.dtype) != a.data.size()) return nullptr;  // not an array we can read
  return axis(0);
}

// Every output in one .npz by name (numpy.load(path)["output"]; what `tvmc run` writes).
void save_outputs_npz(const std::string &path, const wire::ModelInfoResponse &model,
                      const std::vector<host::NdArray> &outs) {
  std::vector<std::pair<std::string, host::NdArray>> named;
  for (std::size_t i = 0; i < outs.size(); ++i) named.emplace_back(model.outputs(static_cast<int>(i)).name(), outs[i]);
  host::npz_save(path, named);
}

double seconds_since(std::chrono::steady_clock::time_point t) {
  return std::chrono::duration<double>(std::chrono::steady_clock::now() - t).count();
}

// What a command has produced so far, so that one cut short (a device error, a timeout, the link
// closing, a reset, Ctrl-C) still leaves its JUnit report, its one JSON object and its summary.
struct Partial {
  json result = json::object();
  std::vector<std::string> rows;  // batch: each finished sample's JSON record
  std::vector<JunitCase> cases;   // finished testcases
  std::string suite = "tvmcrt";
  std::vector<std::string> planned{"execute"};  // every testcase the command meant to run, in order
  std::chrono::steady_clock::time_point case_start = std::chrono::steady_clock::now();
  bool batch = false;  // the JSON object carries "results", one row per finished sample
};

// Ends a command that failed part-way: the running testcase as <error>, the ones not reached as
// skipped, the report written, the results so far printed (the JSON object carries the error), and
// the error's exit code (130 for Ctrl-C) returned by main().
void finish_after_error(const ExecuteOptions &o, Partial &p, const Error &e) {
  const std::size_t done = p.cases.size();
  if (done < p.planned.size()) p.cases.push_back(JunitCase::errored(p.planned[done], seconds_since(p.case_start), e.what()));
  for (std::size_t i = p.cases.size(); i < p.planned.size(); ++i) p.cases.push_back(JunitCase::not_run(p.planned[i]));
  std::string report_note;
  try {
    if (!o.junit.empty()) write_junit(o.junit, p.suite, p.cases);
  } catch (const Error &w) {
    report_note = std::string("; and ") + w.what();
  }
  p.result["ok"] = false;
  p.result["completed"] = done;
  p.result["error"] = {{"class", host::error_class_name(e.error_class())}, {"exit_code", e.exit_code()},
                       {"message", e.what()}};
  if (o.common.json && p.batch) {
    emit(o.common, p.result, "results", p.rows, "");
  } else if (o.common.json) {
    emit(o.common, p.result, "");
  } else if (p.batch) {
    std::size_t passed = 0;
    for (std::size_t i = 0; i < done; ++i) passed += p.cases[i].failure.empty();
    std::cout << "stopped after " << done << " of " << p.planned.size() << " samples (" << passed
              << " matched their references or had none)" << (o.junit.empty() ? "" : "; report: " + o.junit) << "\n"
              << std::flush;
  }
  fail_after_result(std::string("error: ") + e.what() + report_note, e.exit_code());
}

void run_single(const ExecuteOptions &o, Partial &p) {
  auto inputs = load_file_args(o.inputs);
  auto expects = load_file_args(o.expects);
  if (!o.output_dir.empty()) prepare_output_dir(o.output_dir);
  const auto dev = open_device(o.common);
  p.result["port"] = dev->port();
  const std::uint32_t m = dev->model_index(o.model);
  const auto &model = dev->models()[m];
  const auto in = bind_tensors(*dev, m, std::move(inputs), TensorKind::input, "--input", nullptr);
  require_all_inputs(*dev, m, in, "--input");
  const auto refs = bind_tensors(*dev, m, std::move(expects), TensorKind::output, "--expect", nullptr);

  p.suite = "tvmcrt." + model.name();
  p.result["model"] = model.name();
  const auto start = std::chrono::steady_clock::now();
  p.case_start = start;
  RunTimes times;
  std::vector<host::NdArray> outs;
  if (o.repeat == 1) {
    outs = run_once(*dev, m, in, o.timeout_s, times);  // inputs, run and outputs in one exchange
  } else {
    write_inputs(*dev, m, in);
    for (int r = 0; r < o.repeat; ++r) timed_execute(*dev, m, o.timeout_s, times);
    outs = read_outputs(*dev, m);
  }

  json result = {{"ok", true}, {"port", dev->port()}, {"model", model.name()}, {"timing", timing_json(times)},
                 {"outputs", json::array()}, {"link", link_json(*dev)}};
  std::ostringstream text;
  text << "port " << dev->port() << "\n" << "model " << model.name() << ": " << timing_text(times);
  bool all_pass = true;
  std::string failures;
  for (std::uint32_t i = 0; i < outs.size(); ++i) {
    const auto &t = model.outputs(static_cast<int>(i));
    json oj = tensor_json(t);
    oj["values"] = values_json(outs[i]);
    text << "output " << t.name() << ": " << host::dtype_name(outs[i].dtype) << " " << outs[i].shape_string();
    if (!o.output_dir.empty()) {
      const std::string path = o.output_dir + "/" + t.name() + ".npy";
      host::npy_save(path, outs[i]);
      oj["file"] = path;
      text << " -> " << path;
    }
    text << "\n";
    if (refs.count(i)) {
      const auto c = host::compare(outs[i], refs.at(i), o.atol, o.rtol);
      oj["comparison"] = comparison_json(c, o.atol, o.rtol);
      text << "  vs reference: " << comparison_text(c, o.atol, o.rtol) << "\n";
      if (!c.pass) {
        all_pass = false;
        failures += (failures.empty() ? "" : "; ") + ("output '" + t.name() + "': " + comparison_text(c, o.atol, o.rtol));
      }
    }
    result["outputs"].push_back(oj);
  }
  if (!o.output_npz.empty()) {
    save_outputs_npz(o.output_npz, model, outs);
    result["npz"] = o.output_npz;
  }
  if (!o.junit.empty())
    write_junit(o.junit, "tvmcrt." + model.name(), {JunitCase::ran("execute", seconds_since(start), failures, text.str())});
  if (!all_pass) {
    result["ok"] = false;
    result["error"] = {{"class", "mismatch"}, {"exit_code", 7}, {"message", failures}};
  }
  emit(o.common, result, text.str());
  if (!all_pass) fail_after_result("outputs differ from the references: " + failures, 7);
}

// Labels are class indices: integers, or floats that hold integers (said in a note).
host::NdArray load_labels(const std::string &path) {
  host::NdArray labels = host::npy_load(path);
  const bool is_float =
      labels.dtype == host::DType::float16 || labels.dtype == host::DType::float32 || labels.dtype == host::DType::float64;
  if (!is_float) return labels;
  for (std::size_t i = 0; i < labels.element_count(); ++i) {
    const double v = host::element_as_double(labels.dtype, labels.data.data(), i);
    if (!std::isfinite(v) || v != std::floor(v) || v < 0)
      throw Error(ErrorClass::usage, path + ": label " + std::to_string(i) + " is " + std::to_string(v) +
                                         ", not a class index; --labels takes N non-negative integers "
                                         "(np.save(path, labels.astype(np.int64)))");
  }
  note() << path << " holds " << host::dtype_name(labels.dtype)
            << " labels; read as the class indices they equal" << std::endl;
  return labels;
}

void run_batch(const ExecuteOptions &o, Partial &p) {
  p.batch = true;
  auto inputs = load_file_args(o.batch_inputs);
  auto expects = load_file_args(o.batch_expects);
  host::NdArray labels;
  if (!o.labels.empty()) labels = load_labels(o.labels);
  if (!o.output_dir.empty()) prepare_output_dir(o.output_dir);
  const auto dev = open_device(o.common);
  p.result["port"] = dev->port();
  const std::uint32_t m = dev->model_index(o.model);
  const auto &model = dev->models()[m];
  std::size_t n = 0;
  const auto in = bind_tensors(*dev, m, std::move(inputs), TensorKind::input, "--batch-input", &n);
  require_all_inputs(*dev, m, in, "--batch-input");
  const auto refs = bind_tensors(*dev, m, std::move(expects), TensorKind::output, "--batch-expect", &n);
  if (!o.labels.empty() && labels.element_count() != n)
    throw Error(ErrorClass::usage, o.labels + ": holds " + std::to_string(labels.element_count()) +
                                       " labels for " + std::to_string(n) + " samples");
  p.suite = "tvmcrt." + model.name();
  p.result["model"] = model.name();
  p.result["samples"] = n;
  p.planned.clear();
  for (std::size_t s = 0; s < n; ++s) p.planned.push_back("sample_" + std::to_string(s));

  std::vector<host::NdArray> stacked(static_cast<std::size_t>(model.outputs().size()));
  for (std::size_t i = 0; i < stacked.size(); ++i) {
    stacked[i].dtype = tensor_dtype(model.outputs(static_cast<int>(i)));
    stacked[i].shape = tensor_shape(model.outputs(static_cast<int>(i)));
    stacked[i].shape.insert(stacked[i].shape.begin(), n);
  }
  RunTimes times;
  std::vector<JunitCase> &cases = p.cases;
  std::size_t passed = 0, correct = 0;
  std::vector<std::string> &samples = p.rows;  // each sample's JSON record, serialised at once
  ProgressBar bar("samples", "samples");
  for (std::size_t s = 0; s < n; ++s) {
    host::throw_if_interrupted(("after " + std::to_string(s) + " of " + std::to_string(n) + " samples").c_str());
    const auto start = std::chrono::steady_clock::now();
    p.case_start = start;
    std::map<std::uint32_t, host::NdArray> sample;
    for (const auto &[idx, arr] : in) sample.emplace(idx, arr.slice(s));
    const auto outs = run_once(*dev, m, sample, o.timeout_s, times);
    json sj = {{"index", s}, {"time_us", times.device_us.back()}};
    std::string failure;
    for (std::uint32_t i = 0; i < outs.size(); ++i) {
      stacked[i].data.insert(stacked[i].data.end(), outs[i].data.begin(), outs[i].data.end());
      if (!refs.count(i)) continue;
      const auto c = host::compare(outs[i], refs.at(i).slice(s), o.atol, o.rtol);
      sj["outputs"][model.outputs(static_cast<int>(i)).name()] = comparison_json(c, o.atol, o.rtol);
      if (!c.pass)
        failure += (failure.empty() ? "" : "; ") +
                   ("output '" + model.outputs(static_cast<int>(i)).name() + "': " + comparison_text(c, o.atol, o.rtol));
    }
    // The prediction (argmax of the first output) in every row; with --labels, the label too.
    if (!outs.empty()) sj["predicted"] = host::argmax(outs[0]);
    if (!o.labels.empty() && !outs.empty()) {
      const std::size_t predicted = host::argmax(outs[0]);
      const auto label = static_cast<long long>(host::element_as_double(labels.dtype, labels.data.data(), s));
      sj["label"] = label;
      correct += static_cast<long long>(predicted) == label;
    }
    sj["pass"] = failure.empty();
    passed += failure.empty();
    samples.push_back(sj.dump());
    cases.push_back(JunitCase::ran("sample_" + std::to_string(s), seconds_since(start), failure));
    bar.update(s + 1, n);
  }
  for (std::size_t i = 0; i < stacked.size() && !o.output_dir.empty(); ++i)
    host::npy_save(o.output_dir + "/" + model.outputs(static_cast<int>(i)).name() + ".npy", stacked[i]);
  if (!o.output_npz.empty()) save_outputs_npz(o.output_npz, model, stacked);
  if (!o.junit.empty()) write_junit(o.junit, "tvmcrt." + model.name(), cases);

  const bool compared = !refs.empty();
  json result = {{"ok", passed == n || !compared}, {"port", dev->port()}, {"model", model.name()},
                 {"samples", n}, {"timing", timing_json(times)}, {"link", link_json(*dev)}};
  p.result = result;
  std::ostringstream text;
  text << "port " << dev->port() << "\n" << "model " << model.name() << ": " << n << " samples, " << timing_text(times);
  if (compared) {
    result["passed"] = passed;
    result["failed"] = n - passed;
    text << "compared with references: " << passed << " passed, " << n - passed << " failed\n";
    for (const auto &c : cases)
      if (!c.failure.empty()) text << "  " << c.name << ": " << c.failure << "\n";
  }
  if (!o.labels.empty()) {
    const double acc = n ? static_cast<double>(correct) / static_cast<double>(n) : 0;
    result["accuracy"] = acc;
    result["correct"] = correct;
    text << "accuracy (argmax of '" << model.outputs(0).name() << "' vs labels): " << correct << "/" << n << " = "
         << std::setprecision(4) << 100 * acc << "%\n";
  }
  if (compared && passed != n) {
    const std::string msg = std::to_string(n - passed) + " of " + std::to_string(n) + " samples differ from the references";
    result["error"] = {{"class", "mismatch"}, {"exit_code", 7}, {"message", msg}};
    emit(o.common, result, "results", samples, text.str());
    fail_after_result(msg, 7);
    return;
  }
  emit(o.common, result, "results", samples, text.str());
}

}  // namespace

void add_execute_command(CLI::App &app) {
  auto o = std::make_shared<ExecuteOptions>();
  CLI::App *cmd = app.add_subcommand("execute", "Write inputs, run a model, read (and check) its outputs");
  add_common_options(cmd, o->common);
  cmd->add_option("-m,--model", o->model, "Model name (may be left out when the firmware has one model)");
  cmd->add_option("-i,--input", o->inputs, "Input NAME=FILE.npy (or FILE.npy for a model with one input)");
  cmd->add_option("-o,--output-dir", o->output_dir, "Write every output as DIR/NAME.npy");
  cmd->add_option("--output-npz", o->output_npz, "Write every output into one FILE.npz, by name (numpy.savez)");
  cmd->add_option("-e,--expect", o->expects, "Reference NAME=FILE.npy (or FILE.npy) to compare an output with");
  cmd->add_option("--atol", o->atol, "Absolute tolerance: pass when |out - ref| <= atol + rtol*|ref|")
      ->capture_default_str()->check(finite_number(0, 1e30, false, ""));
  cmd->add_option("--rtol", o->rtol, "Relative tolerance")->capture_default_str()->check(finite_number(0, 1e30, false, ""));
  cmd->add_option("-n,--repeat", o->repeat, "Run the model N times (on-device min/median/max time)")
      ->capture_default_str()->check(CLI::Range(1, 1000000000).description("1 .. 1000000000"));
  cmd->add_option("--timeout", o->timeout_s, "Seconds one run of the model may take")
      ->capture_default_str()->check(finite_number(0, 86400, true, " seconds"));
  cmd->add_option("--junit", o->junit, "Write a JUnit XML report (one testcase per run or sample)");
  auto *bi = cmd->add_option("--batch-input", o->batch_inputs,
                             "Batch mode: NAME=STACK.npy with a leading sample axis (or STACK.npy for one input)");
  cmd->add_option("--batch-expect", o->batch_expects, "Batch mode: reference NAME=STACK.npy per output")->needs(bi);
  cmd->add_option("--labels", o->labels, "Batch mode: class labels (N integers) for accuracy of the first output")
      ->needs(bi);
  cmd->callback([o] {
    const bool batch = !o->batch_inputs.empty();
    if (batch && (!o->inputs.empty() || !o->expects.empty() || o->repeat != 1))
      throw Error(ErrorClass::usage, "--batch-input cannot be combined with --input, --expect or --repeat");
    check_report_path(o->junit);  // before anything is read or sent: a wrong path costs nothing
    check_output_file(o->output_npz, "--output-npz");
    Partial partial;
    try {
      batch ? run_batch(*o, partial) : run_single(*o, partial);
    } catch (const Error &e) {
      finish_after_error(*o, partial, e);
    }
  });
}

}  // namespace tvmcrt::cli
