// SPDX-License-Identifier: Apache-2.0
#include "serial_baud.hpp"

#include <asm/termbits.h>
#include <sys/ioctl.h>

#include <cerrno>
#include <cstring>

namespace tvmcrt::host {

std::string set_any_baud(int fd, std::uint32_t baud) {
  struct termios2 tio {};
  if (ioctl(fd, TCGETS2, &tio) != 0) return std::string("cannot read the line settings: ") + std::strerror(errno);
  tio.c_cflag &= ~static_cast<tcflag_t>(CBAUD | (CBAUD << IBSHIFT));
  tio.c_cflag |= BOTHER | (BOTHER << IBSHIFT);
  tio.c_ispeed = baud;
  tio.c_ospeed = baud;
  if (ioctl(fd, TCSETS2, &tio) != 0)
    return "the driver refuses " + std::to_string(baud) + " baud (" + std::strerror(errno) + ")";
  struct termios2 got {};
  if (ioctl(fd, TCGETS2, &got) != 0) return "";
  // Drivers round to what their divisor can make; a few percent is what a UART tolerates.
  const double off = got.c_ospeed > baud ? got.c_ospeed - baud : baud - got.c_ospeed;
  if (got.c_ospeed != 0 && off > 0.03 * baud)
    return "the driver set " + std::to_string(got.c_ospeed) + " baud for " + std::to_string(baud) +
           " (more than 3 % off; the board would not understand it)";
  return "";
}

}  // namespace tvmcrt::host
