// fake_registers.hpp — a register file for running the STM32F4 port's set-up code natively
// (device/ports/stm32f4 built with TVMCRT_STM32F4_FAKE_REGISTERS): it starts at a chip's reset
// values, records every write in order, counts reads, and answers the ready bits a chip would set:
// HSERDY after HSEON, PLLRDY after PLLON, SWS after SW, ODRDY/ODSWRDY after ODEN/ODSWEN, and FLASH_ACR
// reads back what was written. Each answer can be switched off to play a part that never gets
// ready (a missing crystal, a PLL that does not lock); `emulator()` reads everything as 0 like QEMU.
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

struct Registers {
  std::map<std::uint32_t, std::uint32_t> value;   // what a read returns
  std::vector<Write> writes;                       // every write, in order
  std::map<std::uint32_t, std::uint64_t> reads;    // reads per address
  bool hse_starts = true, pll_locks = true, switch_works = true, overdrive_ready = true, flash_takes_ws = true;
  bool all_zero = false;                           // QEMU: the RCC reads 0 and ignores writes

  // STM32F4 reset values (RCC_CR: HSION, HSIRDY, HSITRIM 16; RCC_PLLCFGR 0x24003010; GPIOA/B with
  // the debug pins' alternate function and pulls) and PWR_CR's reset VOS for the chip.
  explicit Registers(std::uint32_t pwr_cr_reset);
  static Registers emulator();

  std::uint32_t read(std::uint32_t addr);
  void write(std::uint32_t addr, std::uint32_t v);
};

// The register file the port's code reaches through tvmcrt_fake_reg_read/_write.
void use(Registers *regs);

// "RCC_CR", "GPIOA_MODER", ... or the address in hex: for failure messages.
std::string name(std::uint32_t addr);
std::string describe(const std::vector<Write> &writes);

}  // namespace fake
