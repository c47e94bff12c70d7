// SPDX-License-Identifier: Apache-2.0
// fake_registers.hpp — a register file for running an STM32 port's set-up code natively (the port
// built with TVMCRT_STM32_FAKE_REGISTERS, device/ports/stm32/tvmcrt_stm32.h): it starts at a chip's
// reset values, records every write in order, counts reads, and answers the ready bits a chip
// would set (a family's rules: fake_stm32f4.cpp, tests/stm32l4/fake_stm32l4.cpp). Each answer can
// be switched off to play a part that never gets ready (a missing crystal, a PLL that does not
// lock); `all_zero` reads everything as 0 and ignores writes, like QEMU's missing RCC.
#pragma once

#include <cstdint>
#include <map>
#include <string>
#include <vector>

namespace fake {

struct Write {
  std::uint32_t addr, value;
  bool operator==(const Write &o) const { return addr == o.addr && value == o.value; }
};

struct Registers;

// What one chip family's hardware does with a write (sets `stored`, may touch other registers),
// and the names of its registers for messages.
struct Family {
  void (*on_write)(Registers &regs, std::uint32_t addr, std::uint32_t value, std::uint32_t &stored);
  std::string (*name)(std::uint32_t addr);  // "" when it does not know the address
};

struct Registers {
  const Family *family = nullptr;
  std::map<std::uint32_t, std::uint32_t> value;   // what a read returns
  std::vector<Write> writes;                       // every write, in order
  std::map<std::uint32_t, std::uint64_t> reads;    // reads per address
  bool hse_starts = true, hsi_starts = true, pll_locks = true, switch_works = true, regulator_ready = true,
       flash_takes_ws = true;
  bool all_zero = false;

  std::uint32_t read(std::uint32_t addr);
  void write(std::uint32_t addr, std::uint32_t v);
};

// The register file the port's code reaches through tvmcrt_fake_reg_read/_write.
void use(Registers *regs);

// "RCC_CR", "GPIOA_MODER", ... or the address in hex: for failure messages.
std::string name(const Registers &regs, std::uint32_t addr);
std::string describe(const Registers &regs, const std::vector<Write> &writes);
// "GPIOG_MODER" for an address in the GPIO ports from `port_a` (0x400 apart), "" for any other.
std::string gpio_name(std::uint32_t addr, std::uint32_t port_a);

// STM32F4 (fake_stm32f4.cpp): reset values (RCC_CR HSION, HSIRDY, HSITRIM 16; RCC_PLLCFGR
// 0x24003010; GPIOA/B with the debug pins' function and pulls) and PWR_CR's reset VOS for the chip.
Registers stm32f4(std::uint32_t pwr_cr_reset);
Registers stm32f4_emulator();
// STM32L4+ (tests/stm32l4/fake_stm32l4.cpp): RM0432's reset values.
Registers stm32l4();

}  // namespace fake
