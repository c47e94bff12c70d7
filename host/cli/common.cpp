// SPDX-License-Identifier: Apache-2.0
#include "common.hpp"

#include <unistd.h>

#include <cerrno>
#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <sstream>

#include "error.hpp"

namespace tvmcrt::cli {

using host::Error;
using host::ErrorClass;

CLI::Validator finite_number(double lo, double hi, bool lo_open, const std::string &unit) {
  auto show = [](double v) {
    std::ostringstream os;
    os << v;
    return os.str();
  };
  const std::string range = (lo_open ? "more than " : "from ") + show(lo) + " to " + show(hi) + unit;
  return CLI::Validator(
      [=](std::string &text) -> std::string {
        double v = 0;
        std::size_t used = 0;
        try {
          v = std::stod(text, &used);
        } catch (const std::exception &) {
          used = 0;
        }
        if (used != text.size() || used == 0) return "'" + text + "' is not a number (give one " + range + ")";
        if (!std::isfinite(v) || v > hi || v < lo || (lo_open && v == lo))
          return "'" + text + "' is out of range: give a number " + range;
        return "";
      },
      range);
}

namespace {
bool g_quiet = false;
bool g_verbose = false;
std::ostream g_null(nullptr);  // no buffer: every write is dropped
}  // namespace

std::ostream &note() {
  if (g_quiet) return g_null;
  return std::cerr << "tvmcrt-host: note: ";
}

void set_quiet(bool quiet) { g_quiet = quiet; }

void add_common_options(CLI::App *cmd, CommonOptions &opt) {
  opt.port_option =
      cmd->add_option("-p,--port", opt.port,
                      "Device port: a serial device (/dev/ttyACM0, a pty), socket://HOST:PORT, rfc2217://HOST:PORT, "
                      "or qemu[:FIRMWARE.elf] to boot the emulated board for this command. Default: $TVMCRT_PORT, "
                      "else qemu");
  cmd->add_option("--baud", opt.baud, "Serial baud rate (8N1)")->capture_default_str();
  cmd->add_option("--turnaround", opt.turnaround_s,
                  "Seconds the device may take to answer a request, beyond the line time")
      ->capture_default_str()
      ->check(finite_number(0, 3600, true, " seconds"));
  cmd->add_option("--retries", opt.retries, "Retransmissions of one request while the device stays silent")
      ->capture_default_str()
      ->check(CLI::Range(0, 100));
  cmd->add_option("--noise-retries", opt.noise_retries,
                  "Retransmissions of one request while the device answers but its frames arrive damaged")
      ->capture_default_str()
      ->check(CLI::Range(0, 1000));
  cmd->add_flag("--json", opt.json, "Print one JSON object on stdout (errors too)");
  cmd->add_flag_function("-q,--quiet", [](std::int64_t count) { set_quiet(count > 0); },
                         "No notes on stderr (errors are still printed)");
  cmd->add_flag_function("-v,--verbose", [](std::int64_t count) { g_verbose = count > 0; },
                         "Trace the link on stderr: every frame out and in, retransmissions and why, damaged "
                         "frames, Naks and Boots, with times (docs/cli.md)");
}

namespace {

std::string chosen_port(const CommonOptions &opt) {
  if (opt.port_option != nullptr && opt.port_option->count() > 0) {
    if (opt.port.empty())
      throw Error(ErrorClass::usage, "--port is empty: name the device (/dev/ttyACM0, socket://HOST:PORT, "
                                     "rfc2217://HOST:PORT, qemu:FIRMWARE.elf), or leave --port out for the emulated "
                                     "board");
    return opt.port;
  }
  if (const char *env = std::getenv("TVMCRT_PORT")) {
    if (*env == '\0')
      throw Error(ErrorClass::usage, "TVMCRT_PORT is set but empty (an unset CI variable?): put the device in it, "
                                     "e.g. TVMCRT_PORT=/dev/ttyACM0, or unset it (unset TVMCRT_PORT) to boot the "
                                     "emulated board");
    return env;
  }
  return "qemu";  // no hardware named: the emulated board, booted for this one command
}

}  // namespace

std::unique_ptr<Device> open_device(const CommonOptions &opt) {
  host::DeviceOptions d;
  d.transport.baud = opt.baud;
  d.link.turnaround_s = opt.turnaround_s;
  d.link.max_retries = opt.retries;
  d.link.max_noisy_retries = opt.noise_retries;
  if (g_verbose) d.link.trace = [](const std::string &line) { std::cerr << "tvmcrt-host: link: " << line << '\n'; };
  return std::make_unique<Device>(chosen_port(opt), d);
}

std::pair<std::string, std::string> split_assignment(const std::string &arg) {
  const std::size_t eq = arg.find('=');
  if (eq == std::string::npos) return {"", arg};
  return {arg.substr(0, eq), arg.substr(eq + 1)};
}

host::DType tensor_dtype(const wire::TensorInfo &t) { return host::dtype_from_int(t.dtype()); }

std::vector<std::size_t> tensor_shape(const wire::TensorInfo &t) {
  return std::vector<std::size_t>(t.shape().begin(), t.shape().end());
}

std::string shape_string(const wire::TensorInfo &t) {
  host::NdArray a;
  a.shape = tensor_shape(t);
  return a.shape_string();
}

json tensor_json(const wire::TensorInfo &t) {
  return {{"name", t.name()},
          {"dtype", host::dtype_name(tensor_dtype(t))},
          {"shape", tensor_shape(t)},
          {"size_bytes", t.size_bytes()}};
}

json model_json(const Device &dev, std::uint32_t model) {
  const auto &m = dev.models().at(model);
  json j = {{"index", model}, {"name", m.name()}, {"inputs", json::array()}, {"outputs", json::array()},
            {"pools", json::array()}};
  for (const auto &t : m.inputs()) j["inputs"].push_back(tensor_json(t));
  for (const auto &t : m.outputs()) j["outputs"].push_back(tensor_json(t));
  for (const auto &p : m.pools()) {
    json pj = {{"name", p.name()}, {"is_stack", p.is_stack()}, {"size_bytes", p.size_bytes()},
               {"alignment", p.alignment()}, {"assigned", p.assigned()}};
    if (p.assigned()) {
      const auto &regions = dev.hello().regions();
      pj["region"] = p.region() < static_cast<std::uint32_t>(regions.size())
                         ? json(regions[static_cast<int>(p.region())].name())
                         : json(p.region());
      pj["offset"] = p.offset();
      pj["assigned_size"] = p.assigned_size();
    }
    j["pools"].push_back(pj);
  }
  return j;
}

json device_json(const Device &dev) {
  const auto &h = dev.hello();
  json j = {{"port", dev.port()},
            {"firmware_build_id", h.firmware_build_id()},
            {"platform", h.platform()},
            {"protocol_version", h.protocol_version()},
            {"boot_id", h.status().boot_id()},
            {"rx_lost", h.status().rx_lost()},
            {"max_frame_payload", h.max_frame_payload()},
            {"max_read_length", h.max_read_length()},
            {"receive_window", h.receive_window()},
            {"tick_hz", h.tick_hz()},
            {"emulation", dev.emulation_note().empty() ? json(nullptr) : json(dev.emulation_note())},
            {"regions", json::array()},
            {"models", json::array()}};
  for (const auto &r : h.regions())
    j["regions"].push_back({{"name", r.name()}, {"size", r.size()}, {"alignment", r.alignment()}});
  for (std::uint32_t m = 0; m < dev.models().size(); ++m) j["models"].push_back(model_json(dev, m));
  return j;
}

json link_json(const Device &dev) {
  const host::LinkStats &st = dev.link_stats();
  if (st.retransmits || st.naks || st.bad_frames)
    note() << st.retransmits << " retransmissions, " << st.naks << " Naks, "
              << st.bad_frames << " corrupted frames on " << dev.port()
              << " (a noisy line, a baud mismatch, or a board that was still starting)"
              << std::endl;
  const std::uint32_t lost = dev.device_rx_lost() - dev.hello().status().rx_lost();
  if (lost != 0)
    note() << "the device's port lost " << lost
              << " received bytes during this command, recovered by retransmission (" << host::kRxLostAdvice << ")"
              << std::endl;
  return {{"retransmits", st.retransmits}, {"probes", st.probes}, {"naks", st.naks},
          {"bad_frames", st.bad_frames}, {"stale_responses", st.stale_responses}, {"device_rx_lost", lost}};
}

ProgressBar::ProgressBar(std::string label, std::string unit)
    : label_(std::move(label)), unit_(std::move(unit)), start_(std::chrono::steady_clock::now()), enabled_(isatty(STDERR_FILENO) != 0) {}

ProgressBar::~ProgressBar() {
  if (drawn_) std::fprintf(stderr, "\r\033[K");
}

void ProgressBar::update(std::size_t done, std::size_t total) {
  if (!enabled_ || total == 0) return;
  if (!drawn_ && std::chrono::steady_clock::now() - start_ < std::chrono::seconds(1)) return;
  drawn_ = true;
  constexpr int kWidth = 30;
  const int filled = static_cast<int>(kWidth * done / total);
  std::fprintf(stderr, "\r%s [%.*s%*s] %3d%% %zu/%zu %s", label_.c_str(), filled,
               "==============================", kWidth - filled, "", static_cast<int>(100 * done / total), done, total,
               unit_.c_str());
  std::fflush(stderr);
}

namespace {

std::string xml_escape(const std::string &s) {
  std::string out;
  for (char c : s) {
    switch (c) {
      case '&': out += "&amp;"; break;
      case '<': out += "&lt;"; break;
      case '>': out += "&gt;"; break;
      case '"': out += "&quot;"; break;
      default: out += (static_cast<unsigned char>(c) < 0x20 && c != '\n' && c != '\t') ? ' ' : c;
    }
  }
  return out;
}

}  // namespace

void check_report_path(const std::string &path) {
  if (path.empty()) return;
  std::error_code ec;
  if (std::filesystem::is_directory(path, ec))
    throw Error(ErrorClass::file, path + ": is a directory; give --junit a file name, e.g. " + path + "/report.xml");
  std::ofstream f(path, std::ios::app);  // creates it, keeps what is there until the report replaces it
  if (!f)
    throw Error(ErrorClass::file, path + ": cannot write the JUnit report (" + std::strerror(errno) +
                                      "); pick a writable path for --junit (checked before connecting)");
}

void check_output_file(const std::string &path, const std::string &flag) {
  if (path.empty()) return;
  std::error_code ec;
  if (std::filesystem::is_directory(path, ec))
    throw Error(ErrorClass::file, path + ": is a directory; give " + flag + " a file name");
  const std::filesystem::path dir = std::filesystem::absolute(path, ec).parent_path();
  if (::access(dir.c_str(), W_OK) != 0)
    throw Error(ErrorClass::file, path + ": cannot write there (" + std::strerror(errno) + "); pick a writable path for " +
                                      flag + " (checked before connecting)");
}

void write_junit(const std::string &path, const std::string &suite, const std::vector<JunitCase> &cases) {
  std::size_t failures = 0, errors = 0, skipped = 0;
  double total = 0;
  for (const auto &c : cases) {
    failures += !c.failure.empty();
    errors += !c.error.empty();
    skipped += c.skipped;
    total += c.seconds;
  }
  std::ostringstream os;
  os << "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<testsuites>\n  <testsuite name=\"" << xml_escape(suite)
     << "\" tests=\"" << cases.size() << "\" failures=\"" << failures << "\" errors=\"" << errors << "\" skipped=\""
     << skipped << "\" time=\"" << total << "\">\n";
  for (const auto &c : cases) {
    os << "    <testcase classname=\"" << xml_escape(suite) << "\" name=\"" << xml_escape(c.name) << "\" time=\""
       << c.seconds << "\">";
    const bool body = !c.failure.empty() || !c.error.empty() || c.skipped || !c.details.empty();
    if (!c.failure.empty()) os << "\n      <failure message=\"" << xml_escape(c.failure) << "\"/>";
    if (!c.error.empty()) os << "\n      <error message=\"" << xml_escape(c.error) << "\"/>";
    if (c.skipped) os << "\n      <skipped message=\"not run: the command stopped before it\"/>";
    if (!c.details.empty()) os << "\n      <system-out>" << xml_escape(c.details) << "</system-out>";
    os << (body ? "\n    " : "") << "</testcase>\n";
  }
  os << "  </testsuite>\n</testsuites>\n";
  std::ofstream f(path, std::ios::trunc);
  f << os.str();
  f.close();
  if (!f) throw Error(ErrorClass::file, path + ": cannot write the JUnit report; is the directory writable?");
}

void emit(const CommonOptions &opt, const json &result, const std::string &text) {
  if (opt.json) std::cout << result.dump(2) << std::endl;
  else std::cout << text << std::flush;
}

void emit(const CommonOptions &opt, const json &result, const std::string &key, const std::vector<std::string> &rows,
          const std::string &text) {
  if (!opt.json) {
    std::cout << text << std::flush;
    return;
  }
  std::string head = result.dump(2);  // "{\n  ...\n}", or "{}": reopen it for one more member
  head.resize(head.size() - (result.empty() ? 1 : 2));
  std::cout << head << (result.empty() ? "\n" : ",\n") << "  " << json(key).dump() << ": [";
  for (std::size_t i = 0; i < rows.size(); ++i) std::cout << (i ? ",\n    " : "\n    ") << rows[i];
  std::cout << (rows.empty() ? "]\n}" : "\n  ]\n}") << std::endl;
}

}  // namespace tvmcrt::cli

namespace tvmcrt::cli {
namespace {
int g_deferred_exit = 0;
}
void fail_after_result(const std::string &message, int exit_code) {
  std::cerr << "tvmcrt-host: " << message << std::endl;
  g_deferred_exit = exit_code;
}
int deferred_exit_code() { return g_deferred_exit; }
}  // namespace tvmcrt::cli
