// common.hpp — what every tvmcrt-host subcommand shares: the connection options, opening the device,
// NAME=VALUE arguments, JSON renderings of device/model info, a progress bar, JUnit output.
#pragma once

#include <chrono>
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
  std::uint32_t baud = 115200;
  double turnaround_s = 0.5;
  int retries = 4;
  int noise_retries = 32;
  bool json = false;
};

void add_common_options(CLI::App *cmd, CommonOptions &opt);

// Opens and says Hello. The single place a future "qemu" port (boot the emulator) plugs in is
// host::open_transport(); this only turns options into host::DeviceOptions.
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
  std::string failure;  // empty = passed
  std::string details;  // system-out
};

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
