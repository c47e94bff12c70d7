// SPDX-License-Identifier: Apache-2.0
// `tvmcrt-host emulator command ELF`: the QEMU command line that boots an image, built by the one
// launcher in host/lib (emulated_board.hpp) that tvmcrt-host's own emulated port uses. Tools that
// supervise QEMU themselves (scripts/qemu-board, a CI harness) take their command from here, so a
// variable or a board description means the same to all of them.
#include <iostream>
#include <memory>
#include <sstream>

#include "commands.hpp"
#include "common.hpp"
#include "emulated_board.hpp"
#include "emulator.hpp"

namespace tvmcrt::cli {

namespace {

constexpr const char *kEmulatorFooter = R"(
The image says how it boots: its .tvmcrt.board section (docs/porting.md) names the board, the QEMU
machine and which UART carries the host's link; an image without one boots as netduinoplus2 with
the host on USART1.

Environment (the same for `--port qemu`, this command and scripts/qemu-board):
  TVMCRT_FIRMWARE     the image `--port qemu` boots when none is named
  TVMCRT_QEMU         the QEMU binary (default qemu-system-arm)
  TVMCRT_QEMU_ARGS    extra QEMU arguments, split at spaces, appended last
  TVMCRT_QEMU_ICOUNT  1 (default): -icount shift=0, the guest clock counts instructions (1 ns each),
                      so on-device times repeat exactly; 0: no -icount, times follow the host's load.
                      An -icount in TVMCRT_QEMU_ARGS replaces the default.
)";

std::string shell_quoted(const std::vector<std::string> &argv) {
  std::ostringstream os;
  for (std::size_t i = 0; i < argv.size(); ++i) {
    const std::string &a = argv[i];
    const bool plain = !a.empty() && a.find_first_not_of("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ"
                                                         "0123456789_-+=/.,:@%") == std::string::npos;
    if (i) os << ' ';
    if (plain) {
      os << a;
    } else {
      os << '\'';
      for (char c : a) os << (c == '\'' ? std::string("'\\''") : std::string(1, c));
      os << '\'';
    }
  }
  return os.str();
}

}  // namespace

void add_emulator_command(CLI::App &app) {
  CLI::App *emu = app.add_subcommand("emulator", "The emulated board: the QEMU command that boots an image");
  emu->require_subcommand(1);
  emu->footer(kEmulatorFooter);
  struct Options {
    CommonOptions common;
    std::string elf, serial;
    bool semihost = false;
  };
  auto opt = std::make_shared<Options>();
  CLI::App *cmd = emu->add_subcommand("command", "Print the QEMU command line that boots ELF (nothing is started)");
  cmd->footer(kEmulatorFooter);
  cmd->add_option("elf", opt->elf, "Firmware image (default: $TVMCRT_FIRMWARE, else this build's tvmcrt-fw.elf)");
  CLI::Option *serial = cmd->add_option("--serial", opt->serial,
                  "QEMU chardev for the host's UART, e.g. tcp:127.0.0.1:4000,server=on,wait=on,nodelay=on "
                  "(default: stdio)");
  cmd->add_flag("--semihost", opt->semihost, "An on-target test: semihosting on, no UART for the host")
      ->excludes(serial);
  cmd->add_flag("--json", opt->common.json, "One JSON object on stdout: argv, board, machine, serial, icount");
  cmd->callback([opt] {
    const std::string elf = opt->elf.empty() ? host::default_firmware_image() : opt->elf;
    const host::EmulatorCommand c =
        host::emulator_command(elf, opt->semihost ? "" : (opt->serial.empty() ? "stdio" : opt->serial));
    const json j = {{"ok", true},
                    {"argv", c.argv},
                    {"board", c.board.board},
                    {"machine", c.board.machine},
                    {"serial", c.board.serial},
                    {"described", c.board.described},
                    {"icount", c.icount},
                    {"time_note", c.time_note()}};
    emit(opt->common, j, shell_quoted(c.argv) + "\n");
  });
}

}  // namespace tvmcrt::cli
