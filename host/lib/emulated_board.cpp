// SPDX-License-Identifier: Apache-2.0
#include "emulated_board.hpp"

#include <cinttypes>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <random>
#include <sstream>

#include "elf_image.hpp"
#include "error.hpp"

namespace tvmcrt::host {

namespace {

constexpr const char *kSection = ".tvmcrt.board";
constexpr std::uint32_t kMaxSection = 4096;  // a few lines of text; anything bigger is not ours
constexpr unsigned kMaxSerial = 5;           // netduinoplus2: USART1..3, UART4, UART5, USART6
constexpr const char *kBootNoise = "tvmcrt_cm_boot_noise";  // device/ports/cortex_m/systick.c

std::vector<std::string> split_words(const std::string &text) {
  std::istringstream in(text);
  std::vector<std::string> words;
  for (std::string w; in >> w;) words.push_back(w);
  return words;
}

void parse_lines(const ElfImage &elf, const std::string &text, EmulatedBoard &b) {
  std::istringstream in(text.substr(0, text.find('\0')));
  for (std::string line; std::getline(in, line);) {
    if (line.empty()) continue;
    const auto eq = line.find('=');
    if (eq == std::string::npos || eq == 0) elf.bad(std::string(kSection) + " line '" + line + "' is not key=value");
    const std::string key = line.substr(0, eq), value = line.substr(eq + 1);
    if (key == "board") {
      b.board = value;
    } else if (key == "qemu_machine") {
      b.machine = value;
    } else if (key == "qemu_serial") {
      if (value.size() != 1 || value[0] < '0' || value[0] > static_cast<char>('0' + kMaxSerial))
        elf.bad(std::string(kSection) + " qemu_serial=" + value + " is not a UART index 0.." +
                     std::to_string(kMaxSerial));
      b.serial = static_cast<unsigned>(value[0] - '0');
    } else if (key == "qemu_args") {
      b.args = split_words(value);
    }
  }
  if (b.machine.empty()) elf.bad(std::string(kSection) + " names no qemu_machine");
}

}  // namespace

EmulatedBoard read_emulated_board(const std::string &elf) {
  const ElfImage image(elf, "boot");
  EmulatedBoard board;
  board.boot_noise_addr = image.symbol(kBootNoise);
  if (const auto text = image.section(kSection, kMaxSection, "a few lines")) {
    parse_lines(image, *text, board);
    board.described = true;
  }
  return board;
}

std::string EmulatorCommand::time_note() const {
  std::string note = "emulated on QEMU " + board.machine;
  for (std::size_t i = 0; i + 1 < argv.size(); ++i)
    if (argv[i] == "-icount") return note + " with -icount " + argv[i + 1] + " (counted instructions: " +
                                     (argv[i + 1].rfind("shift=0", 0) == 0 ? "1 ns each" : "see -icount") +
                                     "), not a real chip's time";
  return note + " without -icount: times follow the host machine's load, not the code";
}

EmulatorCommand emulator_command(const std::string &elf, const std::string &serial_backend) {
  EmulatorCommand cmd;
  cmd.board = read_emulated_board(elf);
  const char *qemu = std::getenv("TVMCRT_QEMU");
  cmd.argv = {qemu != nullptr && *qemu != '\0' ? qemu : "qemu-system-arm",
              "-M", cmd.board.machine, "-kernel", elf, "-display", "none", "-monitor", "none", "-nodefaults"};
  cmd.argv.insert(cmd.argv.end(), cmd.board.args.begin(), cmd.board.args.end());
  if (cmd.board.boot_noise_addr != 0) {
    // QEMU's RAM starts zeroed and -icount makes every boot the same: without this, every boot had
    // the same boot id and a reset looked like a lost frame (reliability.reset_qemu).
    std::random_device rd;
    const std::uint64_t noise = (static_cast<std::uint64_t>(rd()) << 32) | rd();
    char spec[96];
    std::snprintf(spec, sizeof spec, "loader,addr=0x%08" PRIx32 ",data=0x%016" PRIx64 ",data-len=8",
                  cmd.board.boot_noise_addr, noise);
    cmd.argv.insert(cmd.argv.end(), {"-device", spec});
  }
  if (serial_backend.empty()) {
    cmd.argv.insert(cmd.argv.end(), {"-semihosting-config", "enable=on,target=native", "-serial", "null"});
  } else {
    for (unsigned i = 0; i < cmd.board.serial; ++i) cmd.argv.insert(cmd.argv.end(), {"-serial", "null"});
    cmd.argv.insert(cmd.argv.end(), {"-serial", serial_backend});
  }

  const char *extra_env = std::getenv("TVMCRT_QEMU_ARGS");
  const std::vector<std::string> extra = split_words(extra_env != nullptr ? extra_env : "");
  const char *icount_env = std::getenv("TVMCRT_QEMU_ICOUNT");
  const std::string icount = icount_env != nullptr ? icount_env : "";
  if (!icount.empty() && icount != "0" && icount != "1")
    throw Error(ErrorClass::usage, "TVMCRT_QEMU_ICOUNT=" + icount +
                                       ": give 1 (the default: -icount shift=0, repeatable times) or 0 (no "
                                       "instruction counting)");
  bool user_icount = false;
  for (const auto &a : extra) user_icount = user_icount || a == "-icount";
  if (!user_icount && icount != "0") cmd.argv.insert(cmd.argv.end(), {"-icount", "shift=0"});
  cmd.argv.insert(cmd.argv.end(), extra.begin(), extra.end());
  cmd.icount = user_icount || icount != "0";
  return cmd;
}

}  // namespace tvmcrt::host
