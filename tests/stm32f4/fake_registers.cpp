// fake_registers.cpp — see fake_registers.hpp.
#include "fake_registers.hpp"

#include <cstdio>
#include <stdexcept>

extern "C" {
#include "stm32f4_regs.h"
}

namespace fake {

namespace {
Registers *current = nullptr;
}  // namespace

Registers::Registers(std::uint32_t pwr_cr_reset) {
  value[RCC_CR] = 0x00000083u;
  value[RCC_PLLCFGR] = 0x24003010u;
  value[PWR_CR] = pwr_cr_reset;
  value[GPIO_MODER(0)] = 0xA8000000u;  // PA13/PA14 (SWD) and PA15 (JTDI) in their debug function
  value[GPIO_PUPDR(0)] = 0x64000000u;
  value[GPIO_MODER(1)] = 0x00000280u;  // PB3/PB4 (JTDO, NJTRST)
  value[GPIO_PUPDR(1)] = 0x00000100u;
}

Registers Registers::emulator() {
  Registers r(0);
  r.value.clear();
  r.all_zero = true;
  return r;
}

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
  if (addr == RCC_CR) {
    stored &= ~(RCC_CR_HSERDY | RCC_CR_PLLRDY | RCC_CR_HSIRDY);  // read-only: the hardware's answer
    stored |= RCC_CR_HSIRDY;
    if ((v & RCC_CR_HSEON) && hse_starts) stored |= RCC_CR_HSERDY;
    if ((v & RCC_CR_PLLON) && pll_locks) stored |= RCC_CR_PLLRDY;
  } else if (addr == RCC_CFGR) {
    stored &= ~(RCC_CFGR_SW_MASK << RCC_CFGR_SWS_SHIFT);
    std::uint32_t sws = switch_works ? (v & RCC_CFGR_SW_MASK) : (value[RCC_CFGR] >> RCC_CFGR_SWS_SHIFT & 3u);
    stored |= sws << RCC_CFGR_SWS_SHIFT;
  } else if (addr == PWR_CR && overdrive_ready) {
    std::uint32_t csr = 0;
    if (v & PWR_CR_ODEN) csr |= PWR_CSR_ODRDY;
    if (v & PWR_CR_ODSWEN) csr |= PWR_CSR_ODSWRDY;
    value[PWR_CSR] = csr;
  } else if (addr == FLASH_ACR && !flash_takes_ws) {
    stored &= ~FLASH_ACR_LATENCY_MASK;
  }
  value[addr] = stored;
}

void use(Registers *regs) { current = regs; }

std::string name(std::uint32_t addr) {
  static const std::map<std::uint32_t, const char *> names = {
      {RCC_CR, "RCC_CR"}, {RCC_PLLCFGR, "RCC_PLLCFGR"}, {RCC_CFGR, "RCC_CFGR"}, {RCC_AHB1ENR, "RCC_AHB1ENR"},
      {RCC_APB1ENR, "RCC_APB1ENR"}, {RCC_APB2ENR, "RCC_APB2ENR"}, {PWR_CR, "PWR_CR"}, {PWR_CSR, "PWR_CSR"},
      {FLASH_ACR, "FLASH_ACR"}};
  auto it = names.find(addr);
  if (it != names.end()) return it->second;
  char buf[32];
  if (addr >= GPIO_BASE(0) && addr < GPIO_BASE(9)) {
    const unsigned port = (addr - GPIO_BASE(0)) / 0x400u, off = (addr - GPIO_BASE(0)) % 0x400u;
    const char *reg = off == 0x00 ? "MODER" : off == 0x0C ? "PUPDR" : off == 0x20 ? "AFRL" : off == 0x24 ? "AFRH" : "?";
    std::snprintf(buf, sizeof buf, "GPIO%c_%s", 'A' + port, reg);
    return buf;
  }
  static const std::map<std::uint32_t, const char *> usarts = {
      {0x40011000u, "USART1"}, {0x40004400u, "USART2"}, {0x40004800u, "USART3"}, {0x40011400u, "USART6"}};
  for (const auto &[base, usart] : usarts) {
    if (addr >= base && addr < base + 0x20u) {
      const unsigned off = addr - base;
      std::snprintf(buf, sizeof buf, "%s_%s", usart, off == 0 ? "SR" : off == 4 ? "DR" : off == 8 ? "BRR" : off == 12 ? "CR1" : "?");
      return buf;
    }
  }
  std::snprintf(buf, sizeof buf, "0x%08X", addr);
  return buf;
}

std::string describe(const std::vector<Write> &writes) {
  std::string s;
  char buf[64];
  for (const auto &w : writes) {
    std::snprintf(buf, sizeof buf, "  %-12s = 0x%08X\n", name(w.addr).c_str(), w.value);
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
