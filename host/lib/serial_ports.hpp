// SPDX-License-Identifier: Apache-2.0
// serial_ports.hpp — the serial ports of this machine, as Linux's sysfs describes them (the way
// pyserial's list_ports does): device node, driver, and for USB ports the vendor and product ids,
// serial number, manufacturer and product strings, with a word for what the adapter is (an
// ST-LINK's virtual COM port, an FTDI cable...). A port can then be chosen by what it is
// ("usb:0483:374b", "serial:066DFF...") instead of by a /dev name that changes with plug order.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace tvmcrt::host {

struct SerialPortInfo {
  std::string device;     // /dev/ttyACM0
  std::string name;       // ttyACM0
  std::string subsystem;  // usb, usb-serial, pnp, pci, ...
  std::string driver;     // cdc_acm, ftdi_sio, serial8250, ...
  std::optional<std::uint16_t> vid, pid;
  std::string serial_number, manufacturer, product, interface;
  std::string kind;  // "ST-LINK virtual COM port (STM32 Nucleo/Discovery)", "FTDI USB-serial", ...; "" unknown
};

// Every serial port sysfs lists under <sysfs>/class/tty with a device behind it (legacy platform
// 8250 ports without hardware are left out, as pyserial does), sorted by name. The roots default
// to $TVMCRT_SYSFS_ROOT or /sys and $TVMCRT_DEV_ROOT or /dev (tests give a fake tree).
std::vector<SerialPortInfo> list_serial_ports();
std::vector<SerialPortInfo> list_serial_ports(const std::string &sysfs_root, const std::string &dev_root);

// "usb:VID:PID", "usb:VID:PID:SERIAL" (hex ids) or "serial:SERIAL" → the device node of the one
// port that matches. Error(usage) for a malformed selector; Error(transport) naming what is plugged
// in when none or several match (with how to tell them apart).
std::string resolve_port_selector(const std::string &selector);

}  // namespace tvmcrt::host
