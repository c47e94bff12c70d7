// SPDX-License-Identifier: Apache-2.0
#include "elf_image.hpp"

#include <cstring>

#include "error.hpp"

namespace tvmcrt::host {

namespace {

std::uint32_t le(const unsigned char *p, int n) {
  std::uint32_t v = 0;
  for (int i = n - 1; i >= 0; --i) v = (v << 8) | p[i];
  return v;
}

constexpr std::uint32_t kMaxTable = 16u << 20;  // no image of ours has symbol or name tables this big

}  // namespace

void ElfImage::bad(const std::string &what) const {
  throw Error(ErrorClass::usage, path_ + " is not an ARM ELF image tvmcrt can " + purpose_ + ": " + what +
                                     "; pass a firmware image built by tvmcrt (build/firmware/tvmcrt-fw.elf) "
                                     "or your own ARM image with the tvmcrt agent");
}

std::string ElfImage::read_at(std::uint64_t offset, std::uint32_t len) const {
  std::string buf(len, '\0');
  in_.clear();
  in_.seekg(static_cast<std::streamoff>(offset));
  if (!in_.read(buf.data(), len)) bad("truncated ELF file (a section lies past its end)");
  return buf;
}

std::uint32_t ElfImage::field(std::uint32_t section, int offset) const {
  return le(reinterpret_cast<const unsigned char *>(table_.data()) + section * shentsize_ + offset, 4);
}

ElfImage::ElfImage(const std::string &path, const char *purpose)
    : path_(path), purpose_(purpose), in_(path, std::ios::binary) {
  if (!in_) throw Error(ErrorClass::usage, "cannot read firmware image " + path);
  unsigned char h[52] = {};
  in_.read(reinterpret_cast<char *>(h), sizeof h);
  if (in_.gcount() < static_cast<std::streamsize>(sizeof h) || h[0] != 0x7f || h[1] != 'E' || h[2] != 'L' ||
      h[3] != 'F')
    bad("not an ELF file");
  if (h[4] != 1 || h[5] != 1 || le(h + 18, 2) != 40 /* EM_ARM */) bad("not a 32-bit little-endian ARM ELF image");
  const std::uint32_t shoff = le(h + 0x20, 4), shstrndx = le(h + 0x32, 2);
  shentsize_ = le(h + 0x2e, 2);
  shnum_ = le(h + 0x30, 2);
  if (shoff == 0 || shnum_ == 0) {  // stripped of section headers: nothing to find
    shnum_ = 0;
    return;
  }
  if (shentsize_ < 40 || shstrndx >= shnum_) bad("malformed ELF section table");
  table_ = read_at(shoff, shentsize_ * shnum_);
  const std::uint32_t names_size = field(shstrndx, 20);
  if (names_size > (1u << 20)) bad("malformed ELF section name table");
  names_ = read_at(field(shstrndx, 16), names_size);
}

std::optional<std::string> ElfImage::section(const char *name, std::uint32_t max_size, const char *what) const {
  const std::size_t len = std::strlen(name) + 1;
  for (std::uint32_t i = 0; i < shnum_; ++i) {
    const std::uint32_t at = field(i, 0);
    if (at >= names_.size() || names_.compare(at, len, name, len) != 0) continue;
    const std::uint32_t size = field(i, 20);
    if (size > max_size) bad(std::string(name) + " is " + std::to_string(size) + " bytes, not " + what);
    return read_at(field(i, 16), size);
  }
  return std::nullopt;
}

std::uint32_t ElfImage::symbol(const char *wanted) const {
  const std::size_t len = std::strlen(wanted) + 1;
  for (std::uint32_t i = 0; i < shnum_; ++i) {
    if (field(i, 4) != 2 /* SHT_SYMTAB */ || field(i, 36) != 16 || field(i, 24) >= shnum_) continue;
    const std::uint32_t strtab = field(i, 24), syms_size = field(i, 20), names_size = field(strtab, 20);
    if (syms_size > kMaxTable || names_size > kMaxTable) bad("malformed ELF symbol table");
    const std::string syms = read_at(field(i, 16), syms_size);
    const std::string names = read_at(field(strtab, 16), names_size);
    for (std::size_t off = 0; off + 16 <= syms.size(); off += 16) {
      const auto *sym = reinterpret_cast<const unsigned char *>(syms.data()) + off;
      const std::uint32_t name = le(sym, 4);
      if (name < names.size() && names.compare(name, len, wanted, len) == 0) return le(sym + 4, 4);
    }
  }
  return 0;
}

}  // namespace tvmcrt::host
