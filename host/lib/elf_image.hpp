// SPDX-License-Identifier: Apache-2.0
// elf_image.hpp — what tvmcrt-host reads from a firmware image (a 32-bit little-endian ARM ELF
// file) without a cross toolchain: its sections by name and its symbols' values. The launcher reads
// .tvmcrt.board and the boot-noise address (emulated_board.hpp); `profile` reads the models'
// footprint the build put into .tvmcrt.footprint (profile.hpp).
#pragma once

#include <cstdint>
#include <fstream>
#include <optional>
#include <string>

namespace tvmcrt::host {

class ElfImage {
 public:
  // Opens and checks the header. `purpose` completes the error text ("boot", "read"): Error(usage)
  // "<path> is not an ARM ELF image tvmcrt can <purpose>: ..." naming what is wrong.
  ElfImage(const std::string &path, const char *purpose);

  // The bytes of the section of that name (at most max_size, else an error saying the section is
  // not what tvmcrt writes there); nothing if the image has none or no section table (stripped).
  std::optional<std::string> section(const char *name, std::uint32_t max_size, const char *what) const;
  // The value of a symbol of that name in the symbol table; 0 if none (or stripped).
  std::uint32_t symbol(const char *name) const;

  [[noreturn]] void bad(const std::string &what) const;

 private:
  std::uint32_t field(std::uint32_t section, int offset) const;
  std::string read_at(std::uint64_t offset, std::uint32_t len) const;

  std::string path_;
  const char *purpose_;
  mutable std::ifstream in_;
  std::uint32_t shentsize_ = 0, shnum_ = 0;
  std::string table_, names_;  // the section headers, the section name table
};

}  // namespace tvmcrt::host
