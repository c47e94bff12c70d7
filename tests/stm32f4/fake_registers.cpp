// SPDX-License-Identifier: Apache-2.0
// fake_registers.cpp — the family-independent part of fake_registers.hpp.
#include "fake_registers.hpp"

#include <cstdio>
#include <stdexcept>

namespace fake {

namespace {
Registers *current = nullptr;
}  // namespace

std::uint32_t Registers::read(std::uint32_t addr) {
  reads[addr]++;
  if (all_zero) return 0;
  auto it = value.find(addr);
  return it == value.end() ? 0 : it->second;
}

void Registers::write(std::uint32_t addr, std::uint32_t v) {
  writes.push_back({addr, v});
  if (all_zero) return;
  std::uint32_t stored = v;
  if (family) family->on_write(*this, addr, v, stored);
  value[addr] = stored;
}

void use(Registers *regs) { current = regs; }

std::string name(const Registers &regs, std::uint32_t addr) {
  std::string n = regs.family ? regs.family->name(addr) : "";
  if (!n.empty()) return n;
  char buf[16];
  std::snprintf(buf, sizeof buf, "0x%08X", addr);
  return buf;
}

std::string gpio_name(std::uint32_t addr, std::uint32_t port_a) {
  if (addr < port_a || addr >= port_a + 9 * 0x400u) return "";
  const unsigned port = (addr - port_a) / 0x400u, off = (addr - port_a) % 0x400u;
  const char *reg = off == 0x00 ? "MODER" : off == 0x0C ? "PUPDR" : off == 0x20 ? "AFRL" : off == 0x24 ? "AFRH" : "?";
  char buf[32];
  std::snprintf(buf, sizeof buf, "GPIO%c_%s", 'A' + port, reg);
  return buf;
}

std::string describe(const Registers &regs, const std::vector<Write> &writes) {
  std::string s;
  char buf[80];
  for (const auto &w : writes) {
    std::snprintf(buf, sizeof buf, "  %-14s = 0x%08X\n", name(regs, w.addr).c_str(), w.value);
    s += buf;
  }
  return s;
}

}  // namespace fake

extern "C" std::uint32_t tvmcrt_fake_reg_read(std::uint32_t addr) {
  if (!fake::current) throw std::logic_error("fake::use() was not called before the port's code ran");
  return fake::current->read(addr);
}

extern "C" void tvmcrt_fake_reg_write(std::uint32_t addr, std::uint32_t value) {
  if (!fake::current) throw std::logic_error("fake::use() was not called before the port's code ran");
  fake::current->write(addr, value);
}
