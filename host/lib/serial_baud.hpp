// SPDX-License-Identifier: Apache-2.0
// serial_baud.hpp — any baud rate a serial driver supports, not only termios' fixed Bnnn list:
// Linux's termios2 with BOTHER (TCSETS2), in a file of its own because <asm/termbits.h> and
// <termios.h> cannot be included together.
#pragma once

#include <cstdint>
#include <string>

namespace tvmcrt::host {

// Sets input and output speed of the open tty `fd` to `baud` and reads back what the driver took.
// Returns "" on success, else why not ("the driver refuses 250000 baud", "the driver set 115384
// baud for 250000": more than 3 % off).
std::string set_any_baud(int fd, std::uint32_t baud);

}  // namespace tvmcrt::host
