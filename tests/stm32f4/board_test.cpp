// SPDX-License-Identifier: Apache-2.0
// board_test.cpp — every board in device/ports/stm32f4/boards against register values worked out by
// hand from the reference manuals, and the exact write sequence its clock start-up makes on a fake
// register file. A board header without a row here fails `EveryBoardHasExpectedValues`: work its
// numbers out from the manuals and add the row.
//
// Where the numbers come from:
//   PLLCFGR   RM0090 / RM0368 / RM0383 / RM0390, "RCC PLL configuration register (RCC_PLLCFGR)":
//             PLLM 5:0, PLLN 14:6, PLLP 17:16 (0 = /2, 1 = /4), PLLSRC 22 (1 = HSE), PLLQ 27:24;
//             reset value 0x24003010, of which the reserved bit 29 (PLLR's on the F446) stays.
//   CFGR      "RCC clock configuration register (RCC_CFGR)": HPRE 7:4 (/1 = 0), PPRE1 12:10 and
//             PPRE2 15:13 (/2 = 100b, /4 = 101b); SW 1:0 = 10b for the PLL.
//   PWR_CR    "PWR power control register (PWR_CR)": VOS 15:14 (F401/F411/F42x/F446: 01 scale 3, 10
//             scale 2, 11 scale 1; reset 10 on F401/F411, 11 on F42x/F446) or bit 14 (F405/407: 1 =
//             scale 1, its reset value); ODEN 16, ODSWEN 17 (F42x/F446).
//   FLASH_ACR "Flash access control register (FLASH_ACR)": LATENCY from the manual's "Number of wait
//             states according to CPU clock (HCLK) frequency" table, 2.7-3.6 V column, plus PRFTEN
//             (bit 8), ICEN (9), DCEN (10) = 0x700.
//   BRR       "Fractional baud rate generation", OVER8 = 0: USARTDIV = fPCLK / (16 x baud), BRR =
//             mantissa << 4 | fraction; RM0090's "Error calculation for programmed baud rates"
//             table gives 22.8125 (0x16D) at 42 MHz and 45.5625 (0x2D9) at 84 MHz for 115200.
//   USART     memory map (USART1 0x40011000 and USART6 on APB2, USART2 0x40004400 and USART3
//             0x40004800 on APB1), RCC_APB1ENR USART2EN 17 / USART3EN 18, RCC_APB2ENR USART1EN 4,
//             vector table (37, 38, 39), the datasheets' alternate-function tables (AF7).
//   pins      the board manuals: UM1724 (Nucleo-64: USART2 PA2/PA3 to the ST-LINK), UM1974
//             (Nucleo-144: USART3 PD8/PD9), UM1670 (F429I-DISC1: USART1 PA9/PA10), UM1472
//             (F4DISCOVERY: PA2/PA3 are free; we use them with an adapter).
#include <gtest/gtest.h>

#include <fstream>
#include <map>
#include <sstream>
#include <string>

#include "fake_registers.hpp"

extern "C" {
#include "stm32f4_regs.h"
#include "tvmcrt_stm32f4_board.h"
#define TVMCRT_NATIVE_BOARD(n) extern const tvmcrt_stm32f4_board_t tvmcrt_board_##n;
#include "native_boards.h"
#undef TVMCRT_NATIVE_BOARD
}

namespace {

const std::map<std::string, const tvmcrt_stm32f4_board_t *> kBoards = {
#define TVMCRT_NATIVE_BOARD(n) {#n, &tvmcrt_board_##n},
#include "native_boards.h"
#undef TVMCRT_NATIVE_BOARD
};

enum Source { HSI, HSE_CRYSTAL, HSE_BYPASS };

struct Expected {
  Source source;
  bool overdrive;
  std::uint32_t sysclk, hclk, pclk1, pclk2;
  std::uint32_t pllcfgr, cfgr_prescalers, pwr_cr_reset, pwr_cr, flash_acr;
  std::uint8_t usart;
  std::uint32_t usart_base, apb_enr, apb_bit;
  std::uint8_t irq, port;
  std::uint32_t afr_addr, afr, moder, pupdr;  // the pins' GPIO registers after set-up, from reset
  std::uint32_t brr;
  std::int32_t baud_ppm;  // (fPCLK / BRR - 115200) / 115200, truncated
  std::uint32_t ram_kb, flash_kb;
};

constexpr std::uint32_t MHz = 1000000;
constexpr std::uint32_t kApb1 = 0x40023840, kApb2 = 0x40023844;
constexpr std::uint32_t kGpioA = 0x40020000, kGpioD = 0x40020C00;

// One row per board, each number by hand (comments: the arithmetic). Each row's lines: source,
// over-drive, SYSCLK/HCLK/PCLK1/PCLK2; PLLCFGR, CFGR prescalers, PWR_CR at reset and after, FLASH_ACR;
// USART, its base, enable register and bit, IRQ, GPIO port; the pins' AFR address and value, MODER,
// PUPDR; BRR, baud error (ppm), RAM and flash (KiB).
// clang-format off
const std::map<std::string, Expected> kExpected = {
    // 8 MHz MCO / 8 x 336 / 4 = 84 MHz; APB1 /2 = 42, APB2 /1 = 84; RM0368 table: 2 WS above 60 MHz.
    // PLLCFGR 0x20000000 | Q 7 << 24 | HSE << 22 | P/4 = 1 << 16 | 336 << 6 = 0x5400 | M 8.
    // 42 MHz / 115200 = 364.58 -> 365 = 0x16D: 115068.5 baud.
    {"nucleo_f401re", {HSE_BYPASS, false, 84 * MHz, 84 * MHz, 42 * MHz, 84 * MHz,
        0x27415408, 0x00001000, 0x8000, 0x8000, 0x702,
        2, 0x40004400, kApb1, 17, 38, 0,
        kGpioA + 0x20, 0x7700, 0xA80000A0, 0x64000040,
        0x16D, -1141, 96, 512}},
    // 8 / 4 x 200 / 4 = 100 MHz; APB1 /2 = 50; RM0383 table: 3 WS above 90 MHz; scale 1 (VOS 11).
    // PLLCFGR 0x20000000 | 9 << 24 | 1 << 22 | 1 << 16 | 200 << 6 = 0x3200 | 4.
    // 50 MHz / 115200 = 434.03 -> 434 = 0x1B2: 115207.4 baud.
    {"nucleo_f411re", {HSE_BYPASS, false, 100 * MHz, 100 * MHz, 50 * MHz, 100 * MHz,
        0x29413204, 0x00001000, 0x8000, 0xC000, 0x703,
        2, 0x40004400, kApb1, 17, 38, 0,
        kGpioA + 0x20, 0x7700, 0xA80000A0, 0x64000040,
        0x1B2, 64, 128, 512}},
    // 8 / 4 x 180 / 2 = 180 MHz, over-drive; APB1 /4 = 45 (101b << 10), APB2 /2 = 90 (100b << 13);
    // RM0390 table: 5 WS above 150 MHz. PLLCFGR 0x20000000 | 8 << 24 | 1 << 22 | P/2 = 0 | 180 << 6
    // = 0x2D00 | 4. 45 MHz / 115200 = 390.63 -> 391 = 0x187: 115089.5 baud.
    {"nucleo_f446re", {HSE_BYPASS, true, 180 * MHz, 180 * MHz, 45 * MHz, 90 * MHz,
        0x28402D04, 0x00009400, 0xC000, 0xC000, 0x705,
        2, 0x40004400, kApb1, 17, 38, 0,
        kGpioA + 0x20, 0x7700, 0xA80000A0, 0x64000040,
        0x187, -959, 128, 512}},
    // The F446's clock tree (RM0090's F42x/43x figures are the same); USART3 on PD8/PD9: AFRH 7 | 7 <<
    // 4, MODER AF at bits 17:16 and 19:18, pull-up on PD9 (bits 19:18 of PUPDR).
    {"nucleo_f429zi", {HSE_BYPASS, true, 180 * MHz, 180 * MHz, 45 * MHz, 90 * MHz,
        0x28402D04, 0x00009400, 0xC000, 0xC000, 0x705,
        3, 0x40004800, kApb1, 18, 39, 3,
        kGpioD + 0x24, 0x77, 0x000A0000, 0x00040000,
        0x187, -959, 192, 2048}},
    // As nucleo_f429zi from a crystal; USART1 on APB2: 90 MHz / 115200 = 781.25 -> 781 = 0x30D,
    // 115236.9 baud. PA9/PA10: AFRH 7 << 4 | 7 << 8, MODER bits 19:18, 21:20.
    {"stm32f429i_disc1", {HSE_CRYSTAL, true, 180 * MHz, 180 * MHz, 45 * MHz, 90 * MHz,
        0x28402D04, 0x00009400, 0xC000, 0xC000, 0x705,
        1, 0x40011000, kApb2, 4, 37, 0,
        kGpioA + 0x24, 0x770, 0xA8280000, 0x64100000,
        0x30D, 320, 192, 2048}},
    // 8 / 4 x 168 / 2 = 168 MHz; APB1 /4 = 42, APB2 /2 = 84; RM0090 F405/407 table: 5 WS above 150.
    // PLLCFGR 0x20000000 | 7 << 24 | 1 << 22 | 168 << 6 = 0x2A00 | 4; VOS bit 14 = 1 (scale 1).
    {"stm32f4_discovery", {HSE_CRYSTAL, false, 168 * MHz, 168 * MHz, 42 * MHz, 84 * MHz,
        0x27402A04, 0x00009400, 0x4000, 0x4000, 0x705,
        2, 0x40004400, kApb1, 17, 38, 0,
        kGpioA + 0x20, 0x7700, 0xA80000A0, 0x64000040,
        0x16D, -1141, 128, 1024}},
    // 16 MHz HSI / 8 x 168 / 2 = 168 MHz (PLLSRC 0); USART1 on APB2: 84 MHz / 115200 = 729.17 -> 729 =
    // 0x2D9 (RM0090's table: USARTDIV 45.5625), 115226.3 baud.
    {"netduinoplus2", {HSI, false, 168 * MHz, 168 * MHz, 42 * MHz, 84 * MHz,
        0x27002A08, 0x00009400, 0x4000, 0x4000, 0x705,
        1, 0x40011000, kApb2, 4, 37, 0,
        kGpioA + 0x24, 0x770, 0xA8280000, 0x64100000,
        0x2D9, 228, 128, 1024}},
};
// clang-format on

const Expected &expected(const std::string &board) { return kExpected.at(board); }

// The writes tvmcrt_stm32f4_clock_start() must make from reset, in RM0090's order ("Entering
// Over-drive mode"; the other manuals the same without steps 3-5): PWR clock; VOS (only while the
// PLL is off); HSEBYP then HSEON; PLLCFGR; PLLON; ODEN, ODSWEN; wait states; prescalers; SW = PLL.
// RCC_CR writes carry back the ready bits the chip set (writes to them are ignored on silicon).
std::vector<fake::Write> clock_writes(const Expected &e) {
  std::vector<fake::Write> w;
  w.push_back({RCC_APB1ENR, 1u << 28});
  w.push_back({PWR_CR, e.pwr_cr});
  std::uint32_t cr = 0x83;  // HSION, HSIRDY, HSITRIM 16
  if (e.source != HSI) {
    if (e.source == HSE_BYPASS) cr |= 1u << 18;
    w.push_back({RCC_CR, cr});
    cr |= 1u << 16;
    w.push_back({RCC_CR, cr});
    cr |= 1u << 17;  // HSERDY
  }
  w.push_back({RCC_PLLCFGR, e.pllcfgr});
  w.push_back({RCC_CR, cr | 1u << 24});
  if (e.overdrive) {
    w.push_back({PWR_CR, e.pwr_cr | 1u << 16});
    w.push_back({PWR_CR, e.pwr_cr | 1u << 16 | 1u << 17});
  }
  w.push_back({FLASH_ACR, e.flash_acr});
  w.push_back({RCC_CFGR, e.cfgr_prescalers});
  w.push_back({RCC_CFGR, e.cfgr_prescalers | 2u});
  return w;
}

class Board : public ::testing::TestWithParam<std::string> {
 protected:
  const tvmcrt_stm32f4_board_t &board() const { return *kBoards.at(GetParam()); }
};

std::vector<std::string> board_names() {
  std::vector<std::string> names;
  for (const auto &[name, b] : kBoards) names.push_back(name);
  return names;
}

}  // namespace

TEST(Boards, EveryBoardHasExpectedValues) {
  for (const auto &[name, b] : kBoards) {
    EXPECT_TRUE(kExpected.count(name)) << "device/ports/stm32f4/boards/" << name
                                       << ".h has no row in tests/stm32f4/board_test.cpp: work its register values "
                                          "out from the reference manual and add one";
    EXPECT_EQ(std::string(b->name), name) << "TVMCRT_BOARD_NAME differs from the file name";
  }
  EXPECT_GE(kBoards.size(), 7u) << "the boards of issue #13 are nucleo_f401re, nucleo_f411re, nucleo_f446re, "
                                   "nucleo_f429zi, stm32f429i_disc1, stm32f4_discovery, netduinoplus2";
}

TEST_P(Board, DescriptionPassesTheChipCheck) {
  const char *why = tvmcrt_stm32f4_clock_check(&board().clock, board().chip);
  EXPECT_EQ(why, nullptr) << why;
}

TEST_P(Board, ClocksAndRegisterValues) {
  const Expected &e = expected(GetParam());
  tvmcrt_stm32f4_clocks_t f;
  tvmcrt_stm32f4_clocks(&board().clock, &f);
  EXPECT_EQ(f.sysclk_hz, e.sysclk);
  EXPECT_EQ(f.hclk_hz, e.hclk);
  EXPECT_EQ(f.pclk1_hz, e.pclk1);
  EXPECT_EQ(f.pclk2_hz, e.pclk2);
  EXPECT_EQ(tvmcrt_stm32f4_pllcfgr(&board().clock, 0x24003010), e.pllcfgr);
  EXPECT_EQ(tvmcrt_stm32f4_cfgr_prescalers(&board().clock), e.cfgr_prescalers);
  EXPECT_EQ(tvmcrt_stm32f4_pwr_cr(&board().clock, board().chip, e.pwr_cr_reset), e.pwr_cr);
  EXPECT_EQ(board().clock.overdrive, e.overdrive);
  EXPECT_EQ(board().ram_kb, e.ram_kb);
  EXPECT_EQ(board().flash_kb, e.flash_kb);
}

TEST_P(Board, BaudRateFromItsOwnBusWithinOnePercent) {
  const Expected &e = expected(GetParam());
  const tvmcrt_stm32f4_usart_t *u = tvmcrt_stm32f4_usart(board().usart);
  ASSERT_NE(u, nullptr);
  EXPECT_EQ(u->id, e.usart);
  EXPECT_EQ(u->base, e.usart_base);
  EXPECT_EQ(u->irq, e.irq);
  tvmcrt_stm32f4_clocks_t f;
  tvmcrt_stm32f4_clocks(&board().clock, &f);
  const std::uint32_t bus = tvmcrt_stm32f4_usart_clock_hz(u, &f);
  EXPECT_EQ(bus, e.apb_enr == kApb1 ? e.pclk1 : e.pclk2)
      << "USART" << int(e.usart) << " is on " << (e.apb_enr == kApb1 ? "APB1" : "APB2");
  EXPECT_EQ(board().baud, 115200u);
  const std::uint32_t brr = tvmcrt_stm32f4_brr(bus, board().baud);
  EXPECT_EQ(brr, e.brr);
  const std::int32_t ppm = tvmcrt_stm32_baud_error_ppm(bus, brr, board().baud);
  EXPECT_EQ(ppm, e.baud_ppm);
  EXPECT_LT(std::abs(ppm), 10000) << "baud error " << ppm / 1e4 << " % is 1 % or more";
}

TEST_P(Board, ClockStartWritesTheManualsSequence) {
  const Expected &e = expected(GetParam());
  fake::Registers regs = fake::stm32f4(e.pwr_cr_reset);
  fake::use(&regs);
  tvmcrt_stm32f4_clocks_t running;
  EXPECT_EQ(tvmcrt_stm32f4_clock_start(&board().clock, board().chip, &running), TVMCRT_STM32F4_CLOCK_RUNNING);
  const auto want = clock_writes(e);
  EXPECT_EQ(regs.writes, want) << "wrote:\n"
                               << fake::describe(regs, regs.writes) << "expected:\n"
                               << fake::describe(regs, want);
  EXPECT_EQ(running.hclk_hz, e.hclk);
  EXPECT_EQ(running.pclk1_hz, e.pclk1);
  EXPECT_EQ(running.pclk2_hz, e.pclk2);
  EXPECT_EQ(regs.value[RCC_CFGR] >> 2 & 3u, 2u) << "SWS does not show the PLL";
}

TEST_P(Board, UartSetUpPinsBaudAndControl) {
  const Expected &e = expected(GetParam());
  fake::Registers regs = fake::stm32f4(e.pwr_cr_reset);
  fake::use(&regs);
  tvmcrt_stm32f4_clocks_t f;
  tvmcrt_stm32f4_clocks(&board().clock, &f);
  ASSERT_NE(tvmcrt_stm32f4_uart_setup(&board(), &f), nullptr);
  const std::uint32_t gpio = 0x40020000 + 0x400 * e.port;
  EXPECT_EQ(regs.value[RCC_AHB1ENR], 1u << e.port);
  EXPECT_EQ(regs.value[e.apb_enr], 1u << e.apb_bit);
  EXPECT_EQ(regs.value[e.afr_addr], e.afr);
  EXPECT_EQ(regs.value[gpio + 0x00], e.moder) << "MODER (PA13/PA14, the SWD pins, must keep their function)";
  EXPECT_EQ(regs.value[gpio + 0x0C], e.pupdr);
  EXPECT_EQ(regs.value[e.usart_base + 0x08], e.brr);
  EXPECT_EQ(regs.value[e.usart_base + 0x0C], 0x202Cu) << "CR1: UE | RXNEIE | TE | RE";
  // Order: clocks on before the blocks are touched; each pin's function before its mode; CR1 off,
  // BRR, CR1 on.
  std::vector<std::uint32_t> order;
  for (const auto &w : regs.writes) order.push_back(w.addr);
  const std::vector<std::uint32_t> want = {RCC_AHB1ENR,         e.apb_enr,          e.afr_addr, gpio,
                                           e.afr_addr,          gpio + 0x0C,        gpio,       e.usart_base + 0x0C,
                                           e.usart_base + 0x08, e.usart_base + 0x0C};
  EXPECT_EQ(order, want) << fake::describe(regs, regs.writes);
}

INSTANTIATE_TEST_SUITE_P(AllBoards, Board, ::testing::ValuesIn(board_names()),
                         [](const ::testing::TestParamInfo<std::string> &i) { return i.param; });

// README.md's board table says what each board header says.
TEST(Boards, ReadmeTableMatchesTheBoardHeaders) {
  std::ifstream in(std::string(TVMCRT_SOURCE_DIR) + "/README.md");
  ASSERT_TRUE(in) << "README.md not found";
  std::map<std::string, std::string> rows;
  for (std::string line; std::getline(in, line);) {
    if (line.rfind("| `", 0) != 0) continue;
    const auto end = line.find('`', 3);
    rows[line.substr(3, end - 3)] = line;
  }
  for (const auto &[name, b] : kBoards) {
    ASSERT_TRUE(rows.count(name)) << "README.md's board table has no row | `" << name << "` |";
    const std::string &row = rows[name];
    tvmcrt_stm32f4_clocks_t f;
    tvmcrt_stm32f4_clocks(&b->clock, &f);
    const char port = static_cast<char>('A' + b->tx.port);
    const std::string uart = "USART" + std::to_string(b->usart) + " P" + port + std::to_string(b->tx.pin) + "/P" +
                             static_cast<char>('A' + b->rx.port) + std::to_string(b->rx.pin);
    for (const std::string &cell : {uart, std::to_string(f.hclk_hz / MHz) + " MHz", std::to_string(b->ram_kb) + " KiB",
                                    std::to_string(b->flash_kb) + " KiB"})
      EXPECT_NE(row.find(cell), std::string::npos) << "README.md row of " << name << " lacks '" << cell << "': " << row;
  }
}
