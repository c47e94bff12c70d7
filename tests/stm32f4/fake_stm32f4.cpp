// SPDX-License-Identifier: Apache-2.0
// fake_stm32f4.cpp — what an STM32F4 answers (fake_registers.hpp): HSERDY after HSEON, PLLRDY
// after PLLON, SWS after SW, ODRDY/ODSWRDY after ODEN/ODSWEN, FLASH_ACR reads back what was written.
#include <cstdio>

#include "fake_registers.hpp"

extern "C" {
#include "stm32f4_regs.h"
}

namespace fake {

namespace {

void on_write(Registers &r, std::uint32_t addr, std::uint32_t v, std::uint32_t &stored) {
  if (addr == RCC_CR) {
    stored &= ~(RCC_CR_HSERDY | RCC_CR_PLLRDY | RCC_CR_HSIRDY);  // read-only: the hardware's answer
    stored |= RCC_CR_HSIRDY;
    if ((v & RCC_CR_HSEON) && r.hse_starts) stored |= RCC_CR_HSERDY;
    if ((v & RCC_CR_PLLON) && r.pll_locks) stored |= RCC_CR_PLLRDY;
  } else if (addr == RCC_CFGR) {
    stored &= ~(RCC_CFGR_SW_MASK << RCC_CFGR_SWS_SHIFT);
    std::uint32_t sws = r.switch_works ? (v & RCC_CFGR_SW_MASK) : (r.value[RCC_CFGR] >> RCC_CFGR_SWS_SHIFT & 3u);
    stored |= sws << RCC_CFGR_SWS_SHIFT;
  } else if (addr == PWR_CR && r.regulator_ready) {
    std::uint32_t csr = 0;
    if (v & PWR_CR_ODEN) csr |= PWR_CSR_ODRDY;
    if (v & PWR_CR_ODSWEN) csr |= PWR_CSR_ODSWRDY;
    r.value[PWR_CSR] = csr;
  } else if (addr == FLASH_ACR && !r.flash_takes_ws) {
    stored &= ~FLASH_ACR_LATENCY_MASK;
  }
}

std::string name_of(std::uint32_t addr) {
  static const std::map<std::uint32_t, const char *> names = {
      {RCC_CR, "RCC_CR"},           {RCC_PLLCFGR, "RCC_PLLCFGR"}, {RCC_CFGR, "RCC_CFGR"},
      {RCC_AHB1ENR, "RCC_AHB1ENR"}, {RCC_APB1ENR, "RCC_APB1ENR"}, {RCC_APB2ENR, "RCC_APB2ENR"},
      {PWR_CR, "PWR_CR"},           {PWR_CSR, "PWR_CSR"},         {FLASH_ACR, "FLASH_ACR"}};
  auto it = names.find(addr);
  if (it != names.end()) return it->second;
  char buf[32];
  std::string gpio = gpio_name(addr, GPIO_BASE(0));
  if (!gpio.empty()) return gpio;
  static const std::map<std::uint32_t, const char *> usarts = {
      {0x40011000u, "USART1"}, {0x40004400u, "USART2"}, {0x40004800u, "USART3"}, {0x40011400u, "USART6"}};
  for (const auto &[base, usart] : usarts) {
    if (addr >= base && addr < base + 0x20u) {
      const unsigned off = addr - base;
      std::snprintf(buf, sizeof buf, "%s_%s", usart,
                    off == 0    ? "SR"
                    : off == 4  ? "DR"
                    : off == 8  ? "BRR"
                    : off == 12 ? "CR1"
                                : "?");
      return buf;
    }
  }
  return "";
}

const Family kStm32f4 = {on_write, name_of};

}  // namespace

Registers stm32f4(std::uint32_t pwr_cr_reset) {
  Registers r;
  r.family = &kStm32f4;
  r.value[RCC_CR] = 0x00000083u;
  r.value[RCC_PLLCFGR] = 0x24003010u;
  r.value[PWR_CR] = pwr_cr_reset;
  r.value[GPIO_MODER(0)] = 0xA8000000u;  // PA13/PA14 (SWD) and PA15 (JTDI) in their debug function
  r.value[GPIO_PUPDR(0)] = 0x64000000u;
  r.value[GPIO_MODER(1)] = 0x00000280u;  // PB3/PB4 (JTDO, NJTRST)
  r.value[GPIO_PUPDR(1)] = 0x00000100u;
  return r;
}

Registers stm32f4_emulator() {
  Registers r;
  r.family = &kStm32f4;
  r.all_zero = true;
  return r;
}

}  // namespace fake
