// SPDX-License-Identifier: Apache-2.0
// emulator.hpp — the emulated board as a port: boots STM32F4 firmware under QEMU's netduinoplus2
// and connects to its USART1. Internal to transport.cpp ("qemu" and "qemu:FIRMWARE.elf" ports).
#pragma once

#include <memory>
#include <string>

#include <boost/asio/io_context.hpp>

#include "transport.hpp"

namespace tvmcrt::host {

// The firmware "qemu" boots when the port names none: $TVMCRT_FIRMWARE, else the image beside the
// binary: <prefix>/lib/tvmcrt/firmware/tvmcrt-fw.elf of an install, <build>/firmware/tvmcrt-fw.elf
// in the build tree.
std::string default_firmware_image();

// Starts `qemu-system-arm` ($TVMCRT_QEMU overrides) with the image, its USART1 a TCP server on a
// free loopback port, and connects. The transport owns the QEMU process: closing it (or destroying
// it) stops QEMU with SIGKILL, so no emulator outlives the command. Errors name the image and the fix.
std::unique_ptr<Transport> open_emulator(boost::asio::io_context &io, const std::string &name,
                                         const std::string &firmware, const TransportOptions &opt);

}  // namespace tvmcrt::host
