// SPDX-License-Identifier: Apache-2.0
// clock_check_test.cpp — what the clock code does when a description is wrong or a part never gets
// ready: the check's sentence, the bounded waits, the fall-back to the 16 MHz HSI, the emulator
// (nothing written), and a chip a boot loader left on the PLL.
#include <gtest/gtest.h>

#include <string>

#include "fake_registers.hpp"

extern "C" {
#include "stm32f4_regs.h"
#include "tvmcrt_cm_text.h"
#include "tvmcrt_stm32f4_board.h"
extern const tvmcrt_stm32f4_board_t tvmcrt_board_nucleo_f401re, tvmcrt_board_nucleo_f446re,
    tvmcrt_board_stm32f4_discovery;
}

namespace {

std::string check(tvmcrt_stm32f4_clock_t c, const tvmcrt_stm32f4_chip_t &chip) {
  const char *why = tvmcrt_stm32f4_clock_check(&c, &chip);
  return why ? why : "(passes)";
}

tvmcrt_stm32f4_clock_t f401() { return tvmcrt_board_nucleo_f401re.clock; }
tvmcrt_stm32f4_clock_t f446() { return tvmcrt_board_nucleo_f446re.clock; }
tvmcrt_stm32f4_clock_t f407() { return tvmcrt_board_stm32f4_discovery.clock; }

}  // namespace

// Each sentence names the field, its value, the limit and the chip.
TEST(ClockCheck, NamesTheFieldTheValueAndTheLimit) {
  auto c = f401();
  c.pll_m = 4;  // 2 MHz x 168 = 336 MHz: a fine VCO, but the F401's PLLN starts at 192
  c.pll_n = 168;
  EXPECT_EQ(check(c, tvmcrt_stm32f4_chip_stm32f401), "PLLN 168 is outside 192..432 (STM32F401)");
  EXPECT_EQ(check(c, tvmcrt_stm32f4_chip_stm32f405_407), "(passes)") << "the F405/407's PLLN starts at 50";

  c = f446();
  c.overdrive = false;
  EXPECT_EQ(check(c, tvmcrt_stm32f4_chip_stm32f446),
            "HCLK 180000000 Hz is above 168000000 Hz, the limit of this voltage scale without over-drive (STM32F446)");
  c = f446();
  c.pll_q = 7;
  EXPECT_EQ(check(c, tvmcrt_stm32f4_chip_stm32f446),
            "PLL48CK (VCO / PLLQ) 51428571 Hz is above 48000000 Hz, its limit: raise PLLQ (STM32F446)");
  c = f446();
  c.apb2_div = 1;
  EXPECT_EQ(check(c, tvmcrt_stm32f4_chip_stm32f446),
            "PCLK2 180000000 Hz is above 90000000 Hz, the APB2 limit: raise the APB2 divider (STM32F446)");
  c = f446();
  c.vos_scale = 3;
  EXPECT_EQ(check(c, tvmcrt_stm32f4_chip_stm32f446),
            "over-drive in voltage scale 3 does not exist on this chip (STM32F446)");

  c = f401();
  c.apb1_div = 1;
  EXPECT_EQ(check(c, tvmcrt_stm32f4_chip_stm32f401),
            "PCLK1 84000000 Hz is above 42000000 Hz, the APB1 limit: raise the APB1 divider (STM32F401)");
  c = f401();
  c.vos_scale = 1;
  EXPECT_EQ(check(c, tvmcrt_stm32f4_chip_stm32f401), "voltage scale 1 does not exist on this chip (STM32F401)");
  c = f401();
  c.overdrive = true;
  EXPECT_EQ(check(c, tvmcrt_stm32f4_chip_stm32f401),
            "over-drive in voltage scale 2 does not exist on this chip (STM32F401)");

  c = f407();
  c.flash_ws = 4;  // RM0090's F405/407 table: 150 < HCLK <= 168 MHz needs 5
  EXPECT_EQ(check(c, tvmcrt_stm32f4_chip_stm32f405_407),
            "flash wait states 4 are fewer than the manual's table asks for this HCLK at 2.7-3.6 V (STM32F405/407)");
  c = f407();
  c.hse_hz = 30000000;
  EXPECT_EQ(check(c, tvmcrt_stm32f4_chip_stm32f405_407),
            "HSE crystal 30000000 Hz is outside 4000000..26000000 Hz (STM32F405/407)");
  c = f407();
  c.pll_m = 2;  // 4 MHz into the VCO
  EXPECT_EQ(check(c, tvmcrt_stm32f4_chip_stm32f405_407),
            "VCO input (PLL input / PLLM) 4000000 Hz is outside 1000000..2000000 Hz (STM32F405/407)");
  c = f407();
  c.hse_hz = 25000000;
  c.pll_m = 12;
  EXPECT_EQ(check(c, tvmcrt_stm32f4_chip_stm32f405_407),
            "PLLM 12 does not divide the PLL input into whole Hz (STM32F405/407)");
  c = f407();
  c.pll_n = 240;  // 480 MHz VCO
  EXPECT_EQ(check(c, tvmcrt_stm32f4_chip_stm32f405_407),
            "VCO (VCO input x PLLN) 480000000 Hz is outside 100000000..432000000 Hz (STM32F405/407)");
  c = f407();
  c.pll_p = 3;
  EXPECT_EQ(check(c, tvmcrt_stm32f4_chip_stm32f405_407), "PLLP 3 is not 2, 4, 6 or 8 (STM32F405/407)");
  c = f407();
  c.ahb_div = 32;
  EXPECT_EQ(check(c, tvmcrt_stm32f4_chip_stm32f405_407),
            "AHB divider 32 is not 1, 2, 4, 8, 16, 64, 128, 256 or 512 (STM32F405/407)");
}

// RM0090 RCC_CFGR: HPRE 1000b = /2 .. 1011b = /16, 1100b = /64 .. 1111b = /512 (no /32); PPRE 100b =
// /2 .. 111b = /16.
TEST(ClockCheck, PrescalerEncodings) {
  auto c = f407();
  c.apb1_div = c.apb2_div = 1;
  const std::pair<unsigned, std::uint32_t> ahb[] = {{1, 0x00},  {2, 0x80},   {4, 0x90},   {8, 0xA0},  {16, 0xB0},
                                                    {64, 0xC0}, {128, 0xD0}, {256, 0xE0}, {512, 0xF0}};
  for (auto [div, bits] : ahb) {
    c.ahb_div = static_cast<std::uint16_t>(div);
    EXPECT_EQ(tvmcrt_stm32f4_cfgr_prescalers(&c), bits) << "AHB /" << div;
  }
  c.ahb_div = 1;
  const std::pair<unsigned, std::uint32_t> apb[] = {{1, 0}, {2, 4}, {4, 5}, {8, 6}, {16, 7}};
  for (auto [div, bits] : apb) {
    c.apb1_div = c.apb2_div = static_cast<std::uint8_t>(div);
    EXPECT_EQ(tvmcrt_stm32f4_cfgr_prescalers(&c), bits << 10 | bits << 13) << "APB /" << div;
  }
}

TEST(ClockStart, EmulatorWritesNothingAndWaitsOnNothing) {
  fake::Registers regs = fake::stm32f4_emulator();
  fake::use(&regs);
  tvmcrt_stm32f4_clocks_t out;
  EXPECT_EQ(tvmcrt_stm32f4_clock_start(&tvmcrt_board_nucleo_f446re.clock, tvmcrt_board_nucleo_f446re.chip, &out),
            TVMCRT_STM32F4_CLOCK_EMULATED);
  EXPECT_TRUE(regs.writes.empty()) << fake::describe(regs, regs.writes);
  EXPECT_EQ(regs.reads[RCC_CR], 1u);
  EXPECT_EQ(out.hclk_hz, 0u);
}

TEST(ClockStart, InvalidDescriptionWritesNothing) {
  fake::Registers regs = fake::stm32f4(0xC000);
  fake::use(&regs);
  auto c = f446();
  c.overdrive = false;
  tvmcrt_stm32f4_clocks_t out;
  EXPECT_EQ(tvmcrt_stm32f4_clock_start(&c, &tvmcrt_stm32f4_chip_stm32f446, &out), TVMCRT_STM32F4_CLOCK_INVALID);
  EXPECT_TRUE(regs.writes.empty()) << fake::describe(regs, regs.writes);
  EXPECT_EQ(out.hclk_hz, TVMCRT_STM32F4_HSI_HZ);
  EXPECT_EQ(out.pclk1_hz, TVMCRT_STM32F4_HSI_HZ);
}

namespace {

// A part that never gets ready: the start gives up after its bounded polls and leaves the chip on
// HSI (SW = SWS = 0, every prescaler /1, PLL and HSE off), with 16 MHz on every bus.
void expect_fallback(const char *what, void (*spoil)(fake::Registers &), tvmcrt_stm32f4_clock_status_t status,
                     std::uint32_t polled) {
  SCOPED_TRACE(what);
  fake::Registers regs = fake::stm32f4(0xC000);
  spoil(regs);
  fake::use(&regs);
  tvmcrt_stm32f4_clocks_t out;
  EXPECT_EQ(tvmcrt_stm32f4_clock_start(&tvmcrt_board_nucleo_f446re.clock, tvmcrt_board_nucleo_f446re.chip, &out),
            status);
  EXPECT_LE(regs.reads[polled], TVMCRT_STM32_CLOCK_POLLS + 8u)
      << "the wait on " << fake::name(regs, polled) << " is not bounded";
  EXPECT_GE(regs.reads[polled], TVMCRT_STM32_CLOCK_POLLS) << "gave up before its polls";
  EXPECT_EQ(regs.value[RCC_CFGR] & 0xFu, 0u) << "not back on HSI";
  EXPECT_EQ(regs.value[RCC_CFGR] & 0xFCF0u, 0u) << "prescalers not back to /1";
  EXPECT_EQ(regs.value[RCC_CR] & (RCC_CR_PLLON | RCC_CR_HSEON), 0u) << "PLL or HSE left on";
  EXPECT_EQ(out.hclk_hz, TVMCRT_STM32F4_HSI_HZ);
  EXPECT_EQ(out.pclk1_hz, TVMCRT_STM32F4_HSI_HZ);
  EXPECT_EQ(out.pclk2_hz, TVMCRT_STM32F4_HSI_HZ);
  EXPECT_NE(std::string(tvmcrt_stm32f4_clock_status_text(status)).find("on HSI"), std::string::npos);
}

}  // namespace

TEST(ClockStart, EveryWaitIsBoundedAndFallsBackToHsi) {
  expect_fallback(
      "no crystal / no MCO", [](fake::Registers &r) { r.hse_starts = false; }, TVMCRT_STM32F4_CLOCK_HSE_FAILED, RCC_CR);
  expect_fallback(
      "PLL does not lock", [](fake::Registers &r) { r.pll_locks = false; }, TVMCRT_STM32F4_CLOCK_PLL_FAILED, RCC_CR);
  expect_fallback(
      "over-drive never ready", [](fake::Registers &r) { r.regulator_ready = false; },
      TVMCRT_STM32F4_CLOCK_OVERDRIVE_FAILED, PWR_CSR);
  expect_fallback(
      "flash keeps its latency", [](fake::Registers &r) { r.flash_takes_ws = false; },
      TVMCRT_STM32F4_CLOCK_FLASH_FAILED, FLASH_ACR);
  expect_fallback(
      "clock switch ignored", [](fake::Registers &r) { r.switch_works = false; }, TVMCRT_STM32F4_CLOCK_SWITCH_FAILED,
      RCC_CFGR);
}

// A boot loader or debugger left the chip on the PLL: back to HSI and PLL off before PLLCFGR and
// VOS, which are writable only with the PLL off.
TEST(ClockStart, LeavesAPllItFindsRunningFirst) {
  fake::Registers regs = fake::stm32f4(0x8000);
  regs.value[RCC_CFGR] = 0x0000100Au;  // SW = SWS = PLL, APB1 /2
  regs.value[RCC_CR] = 0x03000083u;    // PLLON, PLLRDY
  fake::use(&regs);
  tvmcrt_stm32f4_clocks_t out;
  EXPECT_EQ(tvmcrt_stm32f4_clock_start(&tvmcrt_board_nucleo_f401re.clock, tvmcrt_board_nucleo_f401re.chip, &out),
            TVMCRT_STM32F4_CLOCK_RUNNING);
  ASSERT_GE(regs.writes.size(), 3u);
  EXPECT_EQ(regs.writes[0], (fake::Write{RCC_CFGR, 0x00001008u})) << fake::describe(regs, regs.writes);  // SW = HSI
  EXPECT_EQ(regs.writes[1], (fake::Write{RCC_CR, 0x02000083u})) << fake::describe(regs, regs.writes);    // PLLON off
  EXPECT_EQ(regs.writes[2], (fake::Write{RCC_APB1ENR, 1u << 28})) << fake::describe(regs, regs.writes);
  EXPECT_EQ(out.hclk_hz, 84000000u);
}

// A core that cannot leave a PLL someone else started: nothing is changed under it (clearing the
// APB prescalers with the core at 168 MHz would run APB1 at four times its limit).
TEST(ClockStart, ACoreStuckOnThePllKeepsItsPrescalers) {
  fake::Registers regs = fake::stm32f4(0x4000);
  regs.value[RCC_CFGR] = 0x0000940Au;  // SW = SWS = PLL, APB1 /4, APB2 /2
  regs.value[RCC_CR] = 0x03000083u;
  regs.switch_works = false;
  fake::use(&regs);
  tvmcrt_stm32f4_clocks_t out;
  EXPECT_EQ(
      tvmcrt_stm32f4_clock_start(&tvmcrt_board_stm32f4_discovery.clock, tvmcrt_board_stm32f4_discovery.chip, &out),
      TVMCRT_STM32F4_CLOCK_SWITCH_FAILED);
  EXPECT_EQ(regs.value[RCC_CFGR] & 0xFCF0u, 0x9400u) << fake::describe(regs, regs.writes);
  EXPECT_NE(regs.value[RCC_CR] & RCC_CR_PLLON, 0u) << "the PLL the core runs on was switched off";
}

TEST(Text, FrequenciesAndNumbers) {
  char buf[64];
  tvmcrt_cm_text_t t = tvmcrt_cm_text(buf, sizeof buf);
  tvmcrt_cm_text_hz(&t, 180000000);
  tvmcrt_cm_text_str(&t, ", ");
  tvmcrt_cm_text_hz(&t, 44444444);
  tvmcrt_cm_text_str(&t, ", ");
  tvmcrt_cm_text_hz(&t, 32768);
  tvmcrt_cm_text_str(&t, ", 0x");
  tvmcrt_cm_text_uint(&t, 0xDEADBEEFu, 16);
  EXPECT_STREQ(buf, "180 MHz, 44.4 MHz, 32768 Hz, 0xdeadbeef");
  char small[8];
  t = tvmcrt_cm_text(small, sizeof small);
  tvmcrt_cm_text_str(&t, "0123456789");
  EXPECT_STREQ(small, "0123456") << "a text that does not fit is cut and NUL-terminated";
}
