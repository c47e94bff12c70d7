// SPDX-License-Identifier: Apache-2.0
// fake_stm32l4.cpp — what an STM32L4+ answers (tests/stm32f4/fake_registers.hpp): HSIRDY after
// HSION, HSERDY after HSEON, PLLRDY after PLLON, SWS after SW, VOSF clear (set for good when the
// regulator "never settles"), FLASH_ACR reads back what was written.
#include <cstdio>

#include "fake_registers.hpp"

extern "C" {
#include "stm32l4_regs.h"
}

namespace fake {

namespace {

void on_write(Registers &r, std::uint32_t addr, std::uint32_t v, std::uint32_t &stored) {
  if (addr == RCC_CR) {
    stored &= ~(RCC_CR_HSIRDY | RCC_CR_HSERDY | RCC_CR_PLLRDY);
    stored |= RCC_CR_MSIRDY;
    if ((v & RCC_CR_HSION) && r.hsi_starts) stored |= RCC_CR_HSIRDY;
    if ((v & RCC_CR_HSEON) && r.hse_starts) stored |= RCC_CR_HSERDY;
    if ((v & RCC_CR_PLLON) && r.pll_locks) stored |= RCC_CR_PLLRDY;
  } else if (addr == RCC_CFGR) {
    stored &= ~(RCC_CFGR_SW_MASK << RCC_CFGR_SWS_SHIFT);
    std::uint32_t sws = r.switch_works ? (v & RCC_CFGR_SW_MASK) : (r.value[RCC_CFGR] >> RCC_CFGR_SWS_SHIFT & 3u);
    stored |= sws << RCC_CFGR_SWS_SHIFT;
  } else if (addr == PWR_CR1) {
    r.value[PWR_SR2] = r.regulator_ready ? 0 : PWR_SR2_VOSF;
  } else if (addr == FLASH_ACR && !r.flash_takes_ws) {
    stored &= ~FLASH_ACR_LATENCY_MASK;
  }
}

std::string name_of(std::uint32_t addr) {
  static const std::map<std::uint32_t, const char *> names = {
      {RCC_CR, "RCC_CR"},           {RCC_PLLCFGR, "RCC_PLLCFGR"},   {RCC_CFGR, "RCC_CFGR"},
      {RCC_AHB2ENR, "RCC_AHB2ENR"}, {RCC_APB1ENR1, "RCC_APB1ENR1"}, {RCC_APB1ENR2, "RCC_APB1ENR2"},
      {RCC_APB2ENR, "RCC_APB2ENR"}, {PWR_CR1, "PWR_CR1"},           {PWR_CR2, "PWR_CR2"},
      {PWR_SR2, "PWR_SR2"},         {PWR_CR5, "PWR_CR5"},           {FLASH_ACR, "FLASH_ACR"},
      {0x40008000u, "LPUART1_CR1"}, {0x4000800Cu, "LPUART1_BRR"}};
  auto it = names.find(addr);
  if (it != names.end()) return it->second;
  std::string gpio = gpio_name(addr, GPIO_BASE(0));
  if (!gpio.empty()) return gpio;
  return "";
}

const Family kStm32l4 = {on_write, name_of};

}  // namespace

// RM0432 reset values: RCC_CR MSION|MSIRDY with MSIRANGE 6 (4 MHz), PLLCFGR PLLN 16, PWR_CR1 range
// 1, PWR_CR5 R1MODE (normal), FLASH_ACR ICEN|DCEN; GPIO ports analog (MODER all ones) but PA13/PA14/
// PA15 and PB3/PB4 in their debug function.
Registers stm32l4() {
  Registers r;
  r.family = &kStm32l4;
  r.value[RCC_CR] = 0x00000063u;
  r.value[RCC_PLLCFGR] = 0x00001000u;
  r.value[PWR_CR1] = 0x00000200u;
  r.value[PWR_CR5] = 0x00000100u;
  r.value[FLASH_ACR] = 0x00000600u;
  for (unsigned port = 0; port < 9; port++) r.value[GPIO_BASE(port)] = 0xFFFFFFFFu;
  r.value[GPIO_BASE(0)] = 0xABFFFFFFu;
  r.value[GPIO_BASE(1)] = 0xFFFFFEBFu;
  return r;
}

}  // namespace fake
