// SPDX-License-Identifier: Apache-2.0
// common.hpp — what every tvmcrt-host subcommand shares: the connection options, opening the device,
// NAME=VALUE arguments, JSON renderings of device/model info, a progress bar, JUnit output.
#pragma once

#include <chrono>
#include <ostream>
#include <string>
#include <utility>
#include <vector>

#include <CLI/CLI.hpp>
#include <nlohmann/json.hpp>

#include "device.hpp"
#include "npy.hpp"

namespace tvmcrt::cli {

using nlohmann::json;
using tvmcrt::host::Device;

struct CommonOptions {
  std::string port;
  CLI::Option *port_option = nullptr;  // to tell `--port ""` from no --port at all
  std::uint32_t baud = 115200;
  double turnaround_s = 0.5;
  int retries = 4;
  int noise_retries = 32;
  bool json = false;
};

void add_common_options(CLI::App *cmd, CommonOptions &opt);

// Notes on stderr ("tvmcrt-host: note: ..."): what went right but deserves a word (retransmissions,
// a reference of another dtype). -q/--quiet silences them; errors are always printed.
std::ostream &note();
void set_quiet(bool quiet);

// A number in [lo, hi] (or (lo, hi] when lo_open), finite: "nan", "inf" and 1e10-second timeouts are
// usage errors that say the real limit, not CLI11's "not in range 0 to 1797...(310 digits)".
CLI::Validator finite_number(double lo, double hi, bool lo_open, const std::string &unit);

// Opens and says Hello. The port: --port, else $TVMCRT_PORT, else the emulated board ("qemu"); an
// empty --port or TVMCRT_PORT is a usage error (an unset CI variable must not quietly become the
// emulator). Ports map to transports in host::open_transport(); this only turns options into
// host::DeviceOptions.
std::unique_ptr<Device> open_device(const CommonOptions &opt);

// "NAME=VALUE" → {NAME, VALUE}; "VALUE" → {"", VALUE}. Splits at the first '='.
std::pair<std::string, std::string> split_assignment(const std::string &arg);

json tensor_json(const wire::TensorInfo &t);
json model_json(const Device &dev, std::uint32_t model);
json device_json(const Device &dev);
// Retransmissions, Naks, corrupted and stale frames of this session; also noted on stderr when any
// happened (a noisy line or a wrong baud rate shows up here first).
json link_json(const Device &dev);
std::string shape_string(const wire::TensorInfo &t);
host::DType tensor_dtype(const wire::TensorInfo &t);
std::vector<std::size_t> tensor_shape(const wire::TensorInfo &t);

// Prints "label [=====     ] 45%" on stderr, only when stderr is a terminal and only once the
// transfer has taken more than a second; erases itself when done.
class ProgressBar {
 public:
  ProgressBar(std::string label, std::string unit);
  ~ProgressBar();
  void update(std::size_t done, std::size_t total);
  host::Progress callback() {
    return [this](std::size_t d, std::size_t t) { update(d, t); };
  }

 private:
  std::string label_, unit_;
  std::chrono::steady_clock::time_point start_;
  bool enabled_, drawn_ = false;
};

struct JunitCase {
  std::string name;
  double seconds = 0;
  std::string failure;   // outputs differ from the references ("" = passed)
  std::string error;     // the run itself failed: device, link, timeout, reset, interrupted
  bool skipped = false;  // not reached: the command stopped before it
  std::string details;   // system-out

  static JunitCase ran(std::string name, double seconds, std::string failure, std::string details = "") {
    JunitCase c;
    c.name = std::move(name);
    c.seconds = seconds;
    c.failure = std::move(failure);
    c.details = std::move(details);
    return c;
  }
  static JunitCase errored(std::string name, double seconds, std::string error) {
    JunitCase c = ran(std::move(name), seconds, "");
    c.error = std::move(error);
    return c;
  }
  static JunitCase not_run(std::string name) {
    JunitCase c = ran(std::move(name), 0, "");
    c.skipped = true;
    return c;
  }
};

// Fails with Error(file) unless `path` ("" = no report) can be written: called before connecting,
// so a wrong --junit costs nothing. Creates the file when it is missing.
void check_report_path(const std::string &path);
// Fails with Error(file) unless `path` can be written (its folder exists and is writable, it is no
// folder itself), without creating it; `flag` names the option in the message.
void check_output_file(const std::string &path, const std::string &flag);
// Writes a JUnit XML report (one suite); Error(file) if the file cannot be written.
void write_junit(const std::string &path, const std::string &suite, const std::vector<JunitCase> &cases);

// Prints the result: JSON object on stdout with --json, else the human text (which may be empty).
void emit(const CommonOptions &opt, const json &result, const std::string &text);
// Same, with one more member `key`: an array of rows already serialised as JSON (a batch keeps
// each sample's record as ~200 bytes of text instead of a ~4.7 KiB json object).
void emit(const CommonOptions &opt, const json &result, const std::string &key, const std::vector<std::string> &rows,
          const std::string &text);

}  // namespace tvmcrt::cli

namespace tvmcrt::cli {
// A command that printed its result but must still fail (outputs differ from --expect) reports the
// mismatch on stderr and sets the exit code here; main() returns it.
void fail_after_result(const std::string &message, int exit_code);
int deferred_exit_code();
}  // namespace tvmcrt::cli
