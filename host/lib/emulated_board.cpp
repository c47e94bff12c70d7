// SPDX-License-Identifier: Apache-2.0
#include "emulated_board.hpp"

#include <cinttypes>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <fstream>
#include <random>
#include <sstream>

#include "error.hpp"

namespace tvmcrt::host {

namespace {

constexpr const char *kSection = ".tvmcrt.board";
constexpr std::uint32_t kMaxSection = 4096;  // a few lines of text; anything bigger is not ours
constexpr unsigned kMaxSerial = 5;           // netduinoplus2: USART1..3, UART4, UART5, USART6
constexpr const char *kBootNoise = "tvmcrt_cm_boot_noise";  // device/ports/cortex_m/systick.c

[[noreturn]] void bad(const std::string &elf, const std::string &what) {
  throw Error(ErrorClass::usage, elf + " is not an ARM ELF image tvmcrt can boot: " + what +
                                     "; pass a firmware image built by tvmcrt (build/firmware/tvmcrt-fw.elf) "
                                     "or your own ARM image with the tvmcrt agent");
}

std::uint32_t le(const unsigned char *p, int n) {
  std::uint32_t v = 0;
  for (int i = n - 1; i >= 0; --i) v = (v << 8) | p[i];
  return v;
}

// Reads exactly len bytes at offset, or fails naming the file.
std::string read_at(std::ifstream &in, const std::string &elf, std::uint64_t offset, std::uint32_t len) {
  std::string buf(len, '\0');
  in.clear();
  in.seekg(static_cast<std::streamoff>(offset));
  if (!in.read(buf.data(), len)) bad(elf, "truncated ELF file (a section lies past its end)");
  return buf;
}

std::vector<std::string> split_words(const std::string &text) {
  std::istringstream in(text);
  std::vector<std::string> words;
  for (std::string w; in >> w;) words.push_back(w);
  return words;
}

void parse_lines(const std::string &elf, const std::string &text, EmulatedBoard &b) {
  std::istringstream in(text.substr(0, text.find('\0')));
  for (std::string line; std::getline(in, line);) {
    if (line.empty()) continue;
    const auto eq = line.find('=');
    if (eq == std::string::npos || eq == 0) bad(elf, std::string(kSection) + " line '" + line + "' is not key=value");
    const std::string key = line.substr(0, eq), value = line.substr(eq + 1);
    if (key == "board") {
      b.board = value;
    } else if (key == "qemu_machine") {
      b.machine = value;
    } else if (key == "qemu_serial") {
      if (value.size() != 1 || value[0] < '0' || value[0] > static_cast<char>('0' + kMaxSerial))
        bad(elf, std::string(kSection) + " qemu_serial=" + value + " is not a UART index 0.." +
                     std::to_string(kMaxSerial));
      b.serial = static_cast<unsigned>(value[0] - '0');
    } else if (key == "qemu_args") {
      b.args = split_words(value);
    }
  }
  if (b.machine.empty()) bad(elf, std::string(kSection) + " names no qemu_machine");
}

// The value of a global symbol from the image's symbol table (SHT_SYMTAB and its string table),
// 0 when the image has none or no such symbol.
std::uint32_t find_symbol(std::ifstream &in, const std::string &elf, const std::string &table, std::uint32_t shentsize,
                          std::uint32_t shnum, const char *wanted) {
  auto field = [&](std::uint32_t i, int off) {
    return le(reinterpret_cast<const unsigned char *>(table.data()) + i * shentsize + off, 4);
  };
  for (std::uint32_t i = 0; i < shnum; ++i) {
    if (field(i, 4) != 2 /* SHT_SYMTAB */ || field(i, 36) != 16 || field(i, 24) >= shnum) continue;
    const std::uint32_t strtab = field(i, 24), syms_size = field(i, 20), names_size = field(strtab, 20);
    if (syms_size > (16u << 20) || names_size > (16u << 20)) bad(elf, "malformed ELF symbol table");
    const std::string syms = read_at(in, elf, field(i, 16), syms_size);
    const std::string names = read_at(in, elf, field(strtab, 16), names_size);
    const std::size_t len = std::strlen(wanted) + 1;
    for (std::size_t off = 0; off + 16 <= syms.size(); off += 16) {
      const auto *sym = reinterpret_cast<const unsigned char *>(syms.data()) + off;
      const std::uint32_t name = le(sym, 4);
      if (name < names.size() && names.compare(name, len, wanted, len) == 0) return le(sym + 4, 4);
    }
  }
  return 0;
}

}  // namespace

EmulatedBoard read_emulated_board(const std::string &elf) {
  std::ifstream in(elf, std::ios::binary);
  if (!in) throw Error(ErrorClass::usage, "cannot read firmware image " + elf);
  unsigned char h[52] = {};
  in.read(reinterpret_cast<char *>(h), sizeof h);
  if (in.gcount() < static_cast<std::streamsize>(sizeof h) || h[0] != 0x7f || h[1] != 'E' || h[2] != 'L' ||
      h[3] != 'F')
    bad(elf, "not an ELF file");
  if (h[4] != 1 || h[5] != 1 || le(h + 18, 2) != 40 /* EM_ARM */) bad(elf, "not a 32-bit little-endian ARM ELF image");

  const std::uint32_t shoff = le(h + 0x20, 4), shentsize = le(h + 0x2e, 2), shnum = le(h + 0x30, 2),
                      shstrndx = le(h + 0x32, 2);
  EmulatedBoard board;
  if (shoff == 0 || shnum == 0) return board;  // stripped of section headers: nothing said
  if (shentsize < 40 || shstrndx >= shnum) bad(elf, "malformed ELF section table");
  const std::string table = read_at(in, elf, shoff, shentsize * shnum);
  auto field = [&](std::uint32_t i, int off) {
    return le(reinterpret_cast<const unsigned char *>(table.data()) + i * shentsize + off, 4);
  };
  const std::uint32_t names_size = field(shstrndx, 20);
  if (names_size > (1u << 20)) bad(elf, "malformed ELF section name table");
  const std::string names = read_at(in, elf, field(shstrndx, 16), names_size);
  board.boot_noise_addr = find_symbol(in, elf, table, shentsize, shnum, kBootNoise);
  for (std::uint32_t i = 0; i < shnum; ++i) {
    const std::uint32_t name = field(i, 0);
    if (name >= names.size() || names.compare(name, sizeof ".tvmcrt.board", kSection, sizeof ".tvmcrt.board") != 0)
      continue;
    const std::uint32_t size = field(i, 20);
    if (size > kMaxSection) bad(elf, std::string(kSection) + " is " + std::to_string(size) + " bytes, not a few lines");
    parse_lines(elf, read_at(in, elf, field(i, 16), size), board);
    board.described = true;
    break;
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
