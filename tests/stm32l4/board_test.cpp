// SPDX-License-Identifier: Apache-2.0
// board_test.cpp — every STM32L4+ board in device/ports/stm32l4/boards against values worked out by
// hand from RM0432, and the exact write sequence of its clock start-up on the fake register file.
//
// Where the numbers come from (RM0432, the STM32L4+ reference manual):
//   PLLCFGR   "RCC PLL configuration register": PLLSRC 1:0 (10 = HSI16), PLLM 7:4 = M - 1, PLLN
//             14:8, PLLREN 24, PLLR 26:25 = R / 2 - 1.
//   CFGR      "RCC clock configuration register": SW/SWS 1:0/3:2 (11 = PLL), HPRE 7:4 (1000 = /2),
//             PPRE1 10:8, PPRE2 13:11.
//   boost     "Dynamic voltage scaling management", range 1 normal to boost: AHB /2, R1MODE = 0
//             (PWR_CR5 bit 8), wait states, switch, >= 1 us, AHB /1.
//   FLASH_ACR the wait-state table, range 1 boost: 5 WS for 100 < HCLK <= 120 MHz; PRFTEN, ICEN,
//             DCEN = 0x700.
//   LPUART    "LPUART baud rate generation": BRR = 256 x fck / baud; LPUART1 at 0x40008000, its
//             enable RCC_APB1ENR2 bit 0, IRQ 70; PG7/PG8 AF8 (DS12023), VDDIO2 (PWR_CR2 IOSV, bit 9)
//             for PG2..PG15. UM2179: the NUCLEO-L4R5ZI's ST-LINK port is LPUART1 on PG7/PG8.
#include <gtest/gtest.h>

#include <cstdlib>
#include <fstream>
#include <map>
#include <string>

#include "fake_registers.hpp"

extern "C" {
#include "stm32l4_regs.h"
#include "tvmcrt_stm32l4_board.h"
#define TVMCRT_NATIVE_BOARD(n) extern const tvmcrt_stm32l4_board_t tvmcrt_board_##n;
#include "native_boards.h"
#undef TVMCRT_NATIVE_BOARD
}

namespace {

const std::map<std::string, const tvmcrt_stm32l4_board_t *> kBoards = {
#define TVMCRT_NATIVE_BOARD(n) {#n, &tvmcrt_board_##n},
#include "native_boards.h"
#undef TVMCRT_NATIVE_BOARD
};

constexpr std::uint32_t MHz = 1000000;
const tvmcrt_stm32l4_board_t &l4r5zi() { return *kBoards.at("nucleo_l4r5zi"); }

}  // namespace

TEST(Boards, EveryBoardHasExpectedValues) {
  for (const auto &[name, b] : kBoards) {
    EXPECT_EQ(name, "nucleo_l4r5zi") << "device/ports/stm32l4/boards/" << name
                                     << ".h has no expectations in tests/stm32l4/board_test.cpp: work its register "
                                        "values out from RM0432 and add them";
    EXPECT_EQ(std::string(b->name), name);
  }
  EXPECT_TRUE(kBoards.count("nucleo_l4r5zi"));
}

// 16 MHz HSI16 / M 2 = 8 MHz; x N 30 = 240 MHz VCO; / R 2 = 120 MHz = HCLK = PCLK1 = PCLK2.
TEST(NucleoL4r5zi, ClocksAndRegisterValues) {
  const auto &b = l4r5zi();
  EXPECT_EQ(tvmcrt_stm32l4_clock_check(&b.clock, b.chip), nullptr) << tvmcrt_stm32l4_clock_check(&b.clock, b.chip);
  tvmcrt_stm32l4_clocks_t f;
  tvmcrt_stm32l4_clocks(&b.clock, &f);
  EXPECT_EQ(f.sysclk_hz, 120 * MHz);
  EXPECT_EQ(f.hclk_hz, 120 * MHz);
  EXPECT_EQ(f.pclk1_hz, 120 * MHz);
  EXPECT_EQ(f.pclk2_hz, 120 * MHz);
  EXPECT_EQ(tvmcrt_stm32l4_pllcfgr(&b.clock), 0x01001E12u);  // 10b | 1 << 4 | 30 << 8 | PLLREN | 0 << 25
  EXPECT_EQ(tvmcrt_stm32l4_cfgr_prescalers(&b.clock), 0u);
  EXPECT_EQ(b.ram_kb, 640u);  // SRAM1 192 + SRAM2 64 + SRAM3 384, contiguous at 0x20000000
  EXPECT_EQ(b.flash_kb, 2048u);
}

// 256 x 120 MHz / 115200 = 266666.67 -> 266667 = 0x411AB: 115199.86 baud.
TEST(NucleoL4r5zi, LpuartBaudRate) {
  const auto &b = l4r5zi();
  const tvmcrt_stm32l4_uart_t *u = tvmcrt_stm32l4_uart(b.uart);
  ASSERT_NE(u, nullptr);
  EXPECT_STREQ(u->name, "LPUART1");
  EXPECT_EQ(u->base, 0x40008000u);
  EXPECT_EQ(u->irq, 70);
  const std::uint32_t brr = tvmcrt_stm32l4_brr(u, 120 * MHz, b.baud);
  EXPECT_EQ(brr, 0x411ABu);
  const std::int32_t ppm = tvmcrt_stm32_baud_error_ppm(256ull * 120 * MHz, brr, 115200);
  EXPECT_EQ(ppm, -1);
  EXPECT_LT(std::abs(ppm), 10000);
  // Its limits: the clock within 3..4096 x baud, BRR from 0x300. The 4 MHz MSI of a fall-back still
  // makes 115200 (8889); 9600 baud at 120 MHz would need more than 4096 x.
  EXPECT_EQ(tvmcrt_stm32l4_brr(u, 4 * MHz, 115200), 8889u);
  EXPECT_EQ(tvmcrt_stm32l4_brr(u, 120 * MHz, 9600), 0u);
  EXPECT_EQ(tvmcrt_stm32l4_brr(u, 300000, 115200), 0u);
  EXPECT_EQ(tvmcrt_stm32l4_brr(tvmcrt_stm32l4_uart(2), 120 * MHz, 115200), 1042u) << "USART2, 16x oversampling";
}

TEST(NucleoL4r5zi, ClockStartWritesTheManualsSequence) {
  const auto &b = l4r5zi();
  fake::Registers regs = fake::stm32l4();
  fake::use(&regs);
  tvmcrt_stm32l4_clocks_t running;
  EXPECT_EQ(tvmcrt_stm32l4_clock_start(&b.clock, b.chip, &running), TVMCRT_STM32L4_CLOCK_RUNNING);
  const std::vector<fake::Write> want = {
      {RCC_APB1ENR1, 1u << 28},                         // PWR clock
      {PWR_CR1, 0x200},                                 // range 1 (the reset value, written and awaited: VOSF)
      {RCC_CR, 0x163},                                  // HSION
      {RCC_PLLCFGR, 0x01001E12}, {RCC_CR, 0x01000563},  // PLLON (HSIRDY read back)
      {RCC_CFGR, 0x80},                                 // boost step 1: AHB /2
      {PWR_CR5, 0x000},                                 // step 2: R1MODE = 0
      {FLASH_ACR, 0x705},                               // step 3: 5 wait states, prefetch, caches
      {RCC_CFGR, 0x80},                                 // APB prescalers (both /1) with AHB still /2
      {RCC_CFGR, 0x83},                                 // step 4: SW = PLL
      {RCC_CFGR, 0x0F},                                 // step 5: AHB /1 (SWS = PLL read back)
  };
  EXPECT_EQ(regs.writes, want) << "wrote:\n"
                               << fake::describe(regs, regs.writes) << "expected:\n"
                               << fake::describe(regs, want);
  EXPECT_GE(regs.reads[RCC_CFGR], 64u) << "no >= 1 us pause between the switch and AHB /1";
  EXPECT_EQ(running.hclk_hz, 120 * MHz);
}

TEST(NucleoL4r5zi, LpuartSetUpOnVddio2) {
  const auto &b = l4r5zi();
  fake::Registers regs = fake::stm32l4();
  fake::use(&regs);
  tvmcrt_stm32l4_clocks_t f;
  tvmcrt_stm32l4_clocks(&b.clock, &f);
  ASSERT_NE(tvmcrt_stm32l4_uart_setup(&b, &f), nullptr);
  const std::uint32_t g = GPIO_BASE(6);
  const std::vector<fake::Write> want = {
      {RCC_AHB2ENR, 1u << 6},    // GPIOG
      {RCC_APB1ENR1, 1u << 28},  // PWR, for
      {PWR_CR2, 1u << 9},        // IOSV: PG7/PG8 are on VDDIO2
      {RCC_APB1ENR2, 1u},        // LPUART1
      {g + 0x20, 0x80000000},    // AFRL: PG7 AF8
      {g + 0x00, 0xFFFFBFFF},    // MODER: PG7 from analog to AF
      {g + 0x24, 0x00000008},    // AFRH: PG8 AF8
      {g + 0x0C, 0x00010000},    // PUPDR: PG8 pull-up
      {g + 0x00, 0xFFFEBFFF},    // MODER: PG8 AF
      {0x40008000, 0},           // CR1 off
      {0x4000800C, 0x411AB},     // BRR
      {0x40008000, 0x2D},        // CR1: UE | RE | TE | RXNEIE
  };
  EXPECT_EQ(regs.writes, want) << "wrote:\n"
                               << fake::describe(regs, regs.writes) << "expected:\n"
                               << fake::describe(regs, want);
}

TEST(ClockCheck, NamesTheFieldTheValueAndTheLimit) {
  auto check = [](tvmcrt_stm32l4_clock_t c) {
    const char *why = tvmcrt_stm32l4_clock_check(&c, &tvmcrt_stm32l4_chip_stm32l4r5);
    return std::string(why ? why : "(passes)");
  };
  auto c = l4r5zi().clock;
  c.boost = false;
  EXPECT_EQ(check(c), "SYSCLK 120000000 Hz is above 80000000 Hz, the limit of range 1 normal: boost it (STM32L4R5)");
  c = l4r5zi().clock;
  c.flash_ws = 4;
  EXPECT_EQ(check(c), "flash wait states 4 are fewer than the manual's table asks for this HCLK (STM32L4R5)");
  c = l4r5zi().clock;
  c.pll_m = 8;
  EXPECT_EQ(check(c), "VCO input (PLL input / PLLM) 2000000 Hz is outside 2660000..16000000 Hz (STM32L4R5)");
  c = l4r5zi().clock;
  c.pll_m = 1;
  EXPECT_EQ(check(c), "VCO (VCO input x PLLN) 480000000 Hz is outside 64000000..344000000 Hz (STM32L4R5)");
  c = l4r5zi().clock;
  c.pll_r = 3;
  EXPECT_EQ(check(c), "PLLR 3 is not 2, 4, 6 or 8 (STM32L4R5)");
}

TEST(ClockStart, EmulatorAndInvalidDescriptionsWriteNothing) {
  fake::Registers regs = fake::stm32l4();
  regs.all_zero = true;
  fake::use(&regs);
  tvmcrt_stm32l4_clocks_t out;
  EXPECT_EQ(tvmcrt_stm32l4_clock_start(&l4r5zi().clock, l4r5zi().chip, &out), TVMCRT_STM32L4_CLOCK_EMULATED);
  EXPECT_TRUE(regs.writes.empty());
  fake::Registers regs2 = fake::stm32l4();
  fake::use(&regs2);
  auto c = l4r5zi().clock;
  c.boost = false;
  EXPECT_EQ(tvmcrt_stm32l4_clock_start(&c, l4r5zi().chip, &out), TVMCRT_STM32L4_CLOCK_INVALID);
  EXPECT_TRUE(regs2.writes.empty()) << fake::describe(regs2, regs2.writes);
  EXPECT_EQ(out.hclk_hz, TVMCRT_STM32L4_MSI_HZ);
}

// Every wait bounded; back on the HSI16, or on the MSI when the HSI is not running.
TEST(ClockStart, EveryWaitIsBoundedAndFallsBack) {
  struct Case {
    const char *what;
    void (*spoil)(fake::Registers &);
    tvmcrt_stm32l4_clock_status_t status;
    std::uint32_t polled, hz;
  };
  const Case cases[] = {
      {"regulator", [](fake::Registers &r) { r.regulator_ready = false; }, TVMCRT_STM32L4_CLOCK_REGULATOR_FAILED,
       PWR_SR2, TVMCRT_STM32L4_MSI_HZ},
      {"HSI16", [](fake::Registers &r) { r.hsi_starts = false; }, TVMCRT_STM32L4_CLOCK_OSC_FAILED, RCC_CR,
       TVMCRT_STM32L4_MSI_HZ},
      {"PLL", [](fake::Registers &r) { r.pll_locks = false; }, TVMCRT_STM32L4_CLOCK_PLL_FAILED, RCC_CR,
       TVMCRT_STM32L4_HSI_HZ},
      {"flash", [](fake::Registers &r) { r.flash_takes_ws = false; }, TVMCRT_STM32L4_CLOCK_FLASH_FAILED, FLASH_ACR,
       TVMCRT_STM32L4_HSI_HZ},
      // A switch that never happens: the switch back to the HSI16 does not either (two bounded waits),
      // and SWS shows the MSI still runs.
      {"switch", [](fake::Registers &r) { r.switch_works = false; }, TVMCRT_STM32L4_CLOCK_SWITCH_FAILED, RCC_CFGR,
       TVMCRT_STM32L4_MSI_HZ},
  };
  for (const Case &k : cases) {
    SCOPED_TRACE(k.what);
    fake::Registers regs = fake::stm32l4();
    k.spoil(regs);
    fake::use(&regs);
    tvmcrt_stm32l4_clocks_t out;
    EXPECT_EQ(tvmcrt_stm32l4_clock_start(&l4r5zi().clock, l4r5zi().chip, &out), k.status);
    EXPECT_GE(regs.reads[k.polled], TVMCRT_STM32_CLOCK_POLLS);
    EXPECT_LE(regs.reads[k.polled], 2u * TVMCRT_STM32_CLOCK_POLLS + 80u);
    EXPECT_EQ(regs.value[RCC_CFGR] & RCC_CFGR_PRESCALERS, 0u) << "prescalers not back to /1";
    EXPECT_EQ(regs.value[RCC_CR] & RCC_CR_PLLON, 0u) << "PLL left on";
    EXPECT_EQ(out.hclk_hz, k.hz);
    EXPECT_EQ(out.pclk1_hz, k.hz);
  }
}

TEST(Boards, ReadmeTableMatchesTheBoardHeaders) {
  std::ifstream in(std::string(TVMCRT_SOURCE_DIR) + "/README.md");
  ASSERT_TRUE(in);
  std::map<std::string, std::string> rows;
  for (std::string line; std::getline(in, line);) {
    if (line.rfind("| `", 0) == 0) rows[line.substr(3, line.find('`', 3) - 3)] = line;
  }
  for (const auto &[name, b] : kBoards) {
    ASSERT_TRUE(rows.count(name)) << "README.md's board table has no row | `" << name << "` |";
    tvmcrt_stm32l4_clocks_t f;
    tvmcrt_stm32l4_clocks(&b->clock, &f);
    const std::string uart = std::string(tvmcrt_stm32l4_uart(b->uart)->name) + " P" + char('A' + b->tx.port) +
                             std::to_string(b->tx.pin) + "/P" + char('A' + b->rx.port) + std::to_string(b->rx.pin);
    for (const std::string &cell : {uart, std::to_string(f.hclk_hz / MHz) + " MHz", std::to_string(b->ram_kb) + " KiB",
                                    std::to_string(b->flash_kb) + " KiB"})
      EXPECT_NE(rows[name].find(cell), std::string::npos) << "README.md row of " << name << " lacks '" << cell << "'";
  }
}
