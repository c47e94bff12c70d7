// SPDX-License-Identifier: Apache-2.0
// tvmcrt-host — drives a tvmcrt device agent over a serial port or socket: info, execute (with
// references and a batch mode), set-workspaces, last-error. Results on stdout (one JSON object with
// --json), diagnostics on stderr, exit code by error class (docs/cli.md).
#include <signal.h>

#include <csignal>
#include <cstring>
#include <algorithm>
#include <exception>
#include <iostream>
#include <string>
#include <vector>

#include <CLI/CLI.hpp>
#include <nlohmann/json.hpp>

#include "commands.hpp"
#include "common.hpp"
#include "error.hpp"
#include "interrupt.hpp"

namespace {

constexpr const char *kEpilogue = R"(
Ports: a serial device (/dev/ttyACM0, /dev/ttyUSB0, a pty) at --baud (8N1; or /dev/ttyACM0:921600),
usb:VID:PID[:SERIAL] or serial:SERIAL (the one USB port that is that adapter: list-ports), socket://HOST:PORT (raw
TCP), rfc2217://HOST:PORT (a remote serial port, e.g. ser2net), or qemu[:FIRMWARE.elf]: boot the
emulated board the image names (QEMU netduinoplus2 by default) for this one command, with
instruction-counted time (`tvmcrt-host emulator --help`: TVMCRT_QEMU, TVMCRT_QEMU_ARGS,
TVMCRT_QEMU_ICOUNT). The port may also come from the TVMCRT_PORT environment variable; with
neither, tvmcrt-host uses qemu with the firmware this build made ($TVMCRT_FIRMWARE overrides).

Exit codes:
  0  success
  1  internal error (a bug in tvmcrt-host: please report it)
  2  usage: bad arguments, unknown model/input/output name, missing input, dtype or size mismatch
  3  transport: port missing, busy, permission denied, link closed
  4  timeout: the device stopped answering
  5  protocol: wrong protocol version or malformed responses (firmware and host from different releases)
  6  device: the device or the model reported an error (its TVMGetLastError() text is shown)
  7  mismatch: outputs differ from --expect/--batch-expect references, or profile's performance gate
     tripped (an operator or the total grew past --max-regression over --baseline)
  8  file: unreadable or malformed .npy, unsupported dtype, unwritable output directory or report
  9  reset: the device reset during the command
  130, 143, 129  interrupted by SIGINT (Ctrl-C), SIGTERM or SIGHUP: reports hold what ran
)";

bool wants_json(int argc, char **argv) {
  for (int i = 1; i < argc; ++i)
    if (std::strcmp(argv[i], "--json") == 0) return true;
  return false;
}

// Ctrl-C, SIGTERM (a cancelled CI job) and SIGHUP end the command at its next wait, which throws
// Error(interrupted): the reports are written with what ran, and the exit code is 128 + signal. A
// second signal, if the first did not end it, kills at once (SA_RESETHAND).
extern "C" void on_stop_signal(int sig) { tvmcrt::host::request_interrupt(sig); }

void catch_stop_signals() {
  struct sigaction sa {};
  sa.sa_handler = on_stop_signal;
  sa.sa_flags = SA_RESETHAND;  // no SA_RESTART: a blocked read returns, the wait loop notices
  sigemptyset(&sa.sa_mask);
  for (int sig : {SIGINT, SIGTERM, SIGHUP}) sigaction(sig, &sa, nullptr);
}

std::size_t edit_distance(const std::string &a, const std::string &b) {
  std::vector<std::size_t> row(b.size() + 1);
  for (std::size_t j = 0; j <= b.size(); ++j) row[j] = j;
  for (std::size_t i = 1; i <= a.size(); ++i) {
    std::size_t diag = row[0];
    row[0] = i;
    for (std::size_t j = 1; j <= b.size(); ++j) {
      const std::size_t up = row[j];
      row[j] = std::min({row[j] + 1, row[j - 1] + 1, diag + (a[i - 1] != b[j - 1])});
      diag = up;
    }
  }
  return row[b.size()];
}

// "tvmcrt-host exeucte ...": name the command meant, as git does, instead of CLI11's "The following
// argument was not expected". Empty when argv[1] is an option or a command.
std::string unknown_command(const CLI::App &app, int argc, char **argv) {
  if (argc < 2 || argv[1][0] == '-') return "";
  const std::string word = argv[1];
  std::string best;
  std::size_t best_d = 3;  // at most two edits away
  std::string all;
  for (const CLI::App *sub : app.get_subcommands({})) {
    if (sub->get_name() == word) return "";
    all += (all.empty() ? "" : ", ") + sub->get_name();
    const std::size_t d = edit_distance(word, sub->get_name());
    if (d < best_d) best_d = d, best = sub->get_name();
  }
  return "unknown command '" + word + "'" + (best.empty() ? "" : "; did you mean '" + best + "'?") +
         " (commands: " + all + ")";
}

int report_error(bool json, const char *cls, int code, const std::string &message) {
  std::cerr << "tvmcrt-host: error: " << message << std::endl;
  if (json)
    std::cout << nlohmann::json{{"ok", false}, {"error", {{"class", cls}, {"exit_code", code}, {"message", message}}}}
                     .dump(2)
              << std::endl;
  return code;
}

}  // namespace

int main(int argc, char **argv) {
  // A device that disconnects mid-write must become an error message, not a silent SIGPIPE death.
  std::signal(SIGPIPE, SIG_IGN);
  catch_stop_signals();
  CLI::App app{"tvmcrt-host - run TVM models on a device running the tvmcrt agent", "tvmcrt-host"};
  app.footer(kEpilogue);
  app.require_subcommand(1);
  app.set_version_flag("--version", std::string("tvmcrt-host ") + TVMCRT_VERSION + ", protocol " +
                                        std::to_string(tvmcrt::host::kProtocolVersion));
  tvmcrt::cli::add_info_command(app);
  tvmcrt::cli::add_execute_command(app);
  tvmcrt::cli::add_profile_command(app);
  tvmcrt::cli::add_set_workspaces_command(app);
  tvmcrt::cli::add_last_error_command(app);
  tvmcrt::cli::add_emulator_command(app);
  tvmcrt::cli::add_list_ports_command(app);
  tvmcrt::cli::add_completion_command(app);
  for (CLI::App *sub : app.get_subcommands({}))
    if (sub->get_name() == "info" || sub->get_name() == "execute" || sub->get_name() == "set-workspaces" ||
        sub->get_name() == "last-error" || sub->get_name() == "profile")
      sub->footer(kEpilogue);

  const bool json = wants_json(argc, argv);
  if (const std::string unknown = unknown_command(app, argc, argv); !unknown.empty())
    return report_error(json, "usage", 2, unknown);
  try {
    app.parse(argc, argv);
  } catch (const CLI::Success &e) {  // --help, --version
    return app.exit(e);
  } catch (const CLI::ParseError &e) {
    return report_error(json, "usage", 2, std::string(e.what()) + " (see tvmcrt-host --help)");
  } catch (const tvmcrt::host::Error &e) {
    return report_error(json, tvmcrt::host::error_class_name(e.error_class()), e.exit_code(), e.what());
  } catch (const std::exception &e) {
    return report_error(json, "internal", 1, std::string("internal error: ") + e.what());
  }
  return tvmcrt::cli::deferred_exit_code();
}
