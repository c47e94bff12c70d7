// SPDX-License-Identifier: Apache-2.0
// profile: one run with the model's operator probes on (a model built with PROFILE), its table
// sorted by time, the memory figures, and the performance gate against a baseline (docs/profile.md).
#include <fstream>
#include <iostream>
#include <optional>

#include "commands.hpp"
#include "elf_image.hpp"
#include "error.hpp"
#include "profile_report.hpp"
#include "run_support.hpp"

namespace tvmcrt::cli {
namespace {

using host::Error;
using host::ErrorClass;

struct ProfileOptions {
  CommonOptions common;
  std::string model, trace, baseline, image;
  std::vector<std::string> inputs;
  bool csv = false;
  double max_regression = 5;
  double timeout_s = 60;
};

void write_trace(const std::string &path, const host::Profile &p) {
  std::ofstream f(path, std::ios::trunc);
  f << profile_trace(p).dump(1) << "\n";
  if (!f.flush()) throw Error(ErrorClass::file, "cannot write --trace " + path + ": check the folder and the disk");
}

// The gate: exit 7 (after the result is printed) naming every operator, and the total, that grew
// past --max-regression.
json run_gate(const ProfileOptions &o, const host::Profile &p, const host::ProfileBaseline &before) {
  if (before.tick_hz != p.tick_hz)
    throw Error(ErrorClass::usage, "--baseline " + o.baseline + " was measured at " + std::to_string(before.tick_hz) +
                                       " ticks per second and this device counts " + std::to_string(p.tick_hz) +
                                       ": compare profiles of the same board (or the same emulated board)");
  std::vector<std::string> notes;
  const auto worse = host::find_regressions(p, before, o.max_regression, notes);
  for (const auto &n : notes) note() << n << "\n";
  json list = json::array();
  std::string names;
  for (const auto &r : worse) {
    list.push_back({{"what", r.what}, {"before_ticks", r.before}, {"after_ticks", r.after}, {"percent", r.percent}});
    char pct[32];
    std::snprintf(pct, sizeof pct, "%+.1f %%", r.percent);
    names += (names.empty() ? "" : "; ") + r.what + " " + std::to_string(r.before) + " -> " + std::to_string(r.after) +
             " ticks (" + pct + ")";
  }
  if (!worse.empty())
    fail_after_result("error: performance gate: " + std::to_string(worse.size()) + " figure(s) grew by more than " +
                          std::to_string(o.max_regression).substr(0, std::to_string(o.max_regression).find('.') + 2) +
                          " % over --baseline " + o.baseline + ": " + names,
                      static_cast<int>(ErrorClass::mismatch));
  return {{"baseline", o.baseline}, {"max_regression_percent", o.max_regression}, {"passed", worse.empty()},
          {"regressions", list}};
}

void run_profile(const ProfileOptions &o) {
  std::vector<FileArg> files = load_file_args(o.inputs);  // file errors before connecting
  if (!o.trace.empty()) check_output_file(o.trace, "--trace");
  std::optional<host::ProfileBaseline> before;
  if (!o.baseline.empty()) before = read_baseline(o.baseline);
  if (!o.image.empty()) host::ElfImage(o.image, "read");  // a wrong --image fails before the run, not after
  auto dev = open_device(o.common);
  const std::uint32_t model = dev->model_index(o.model);
  dev->require_profile(model);  // before the inputs are checked: that is the first thing to fix
  const auto inputs = bind_tensors(*dev, model, std::move(files), TensorKind::input, "--input", nullptr);
  require_all_inputs(*dev, model, inputs, "--input");
  std::vector<host::RunInput> in;
  for (const auto &[index, array] : inputs) in.push_back({index, array.data.data(), array.data.size()});
  ProgressBar bar("model " + dev->models()[model].name(), "bytes");
  const host::ProfileRun r = dev->profile(model, in, o.timeout_s, bar.callback());
  ProfileContext cx;
  cx.model = &dev->models()[model];
  cx.time_source = time_note_of(*dev);
  // The model's static flash and RAM, from the image: the one booted for a qemu port, else --image.
  cx.image = host::footprint_image(dev->port(), o.image);
  if (!cx.image.empty()) cx.footprint = host::read_model_footprint(cx.image, dev->models()[model].name());
  if (!o.trace.empty()) write_trace(o.trace, r.profile);
  json result = profile_json(r.profile, cx);
  if (before) result["gate"] = run_gate(o, r.profile, *before);
  result["link"] = link_json(*dev);
  if (o.csv && !o.common.json)
    std::cout << profile_csv(r.profile) << std::flush;
  else
    emit(o.common, result, profile_table(r.profile, cx));
}

}  // namespace

void add_profile_command(CLI::App &app) {
  auto o = std::make_shared<ProfileOptions>();
  CLI::App *cmd = app.add_subcommand(
      "profile", "Run a model built with PROFILE once and show where its time goes, operator by operator, and its "
                 "stack and memory");
  add_common_options(cmd, o->common);
  cmd->add_option("-m,--model", o->model, "Model name (may be left out when the firmware has one model)");
  cmd->add_option("-i,--input", o->inputs, "Input NAME=FILE.npy (or FILE.npy for a model with one input)");
  cmd->add_flag("--csv", o->csv, "Print the operators as CSV instead of the table");
  cmd->add_option("--trace", o->trace, "Write Chrome trace-event JSON (Perfetto, chrome://tracing) to FILE");
  cmd->add_option("--baseline", o->baseline,
                  "Performance gate: compare with an earlier `profile --json`; exit 7 when the total or an operator "
                  "grew by more than --max-regression");
  cmd->add_option("--max-regression", o->max_regression, "Percent of growth the gate allows")
      ->capture_default_str()
      ->check(finite_number(0, 1e6, false, "%"));
  cmd->add_option("--image", o->image,
                  "The firmware image (.elf) the board runs, for the model's static flash and RAM (default: the "
                  "image a qemu port boots)")
      ->check(CLI::ExistingFile);
  cmd->add_option("--timeout", o->timeout_s, "Seconds the run may take")
      ->capture_default_str()
      ->check(finite_number(0, 86400, true, "s"));
  cmd->callback([o] { run_profile(*o); });
}

}  // namespace tvmcrt::cli
