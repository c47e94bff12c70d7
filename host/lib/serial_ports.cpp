// SPDX-License-Identifier: Apache-2.0
#include "serial_ports.hpp"

#include <algorithm>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <sstream>

#include "error.hpp"

namespace tvmcrt::host {

namespace fs = std::filesystem;

namespace {

std::string read_attr(const fs::path &dir, const char *name) {
  std::ifstream f(dir / name);
  std::string line;
  std::getline(f, line);
  while (!line.empty() && (line.back() == '\n' || line.back() == '\r' || line.back() == ' ')) line.pop_back();
  return line;
}

std::optional<std::uint16_t> hex_id(const std::string &text) {
  if (text.empty() || text.size() > 4 || text.find_first_not_of("0123456789abcdefABCDEF") != std::string::npos)
    return std::nullopt;
  return static_cast<std::uint16_t>(std::stoul(text, nullptr, 16));
}

// The last component of what a sysfs link points to ("usb", "cdc_acm"), "" when there is none.
std::string link_name(const fs::path &link) {
  std::error_code ec;
  const fs::path target = fs::read_symlink(link, ec);
  return ec ? "" : target.filename().string();
}

// What the adapters tvmcrt users plug in are, by USB vendor and product id.
std::string kind_of(std::uint16_t vid, std::uint16_t pid) {
  struct Known {
    std::uint16_t vid, pid;  // pid 0: any product of the vendor
    const char *kind;
  };
  static const Known known[] = {
      {0x0483, 0x374b, "ST-LINK/V2-1 virtual COM port (STM32 Nucleo/Discovery)"},
      {0x0483, 0x3752, "ST-LINK/V2-1 virtual COM port (STM32 Nucleo/Discovery)"},
      {0x0483, 0x374e, "ST-LINK/V3 virtual COM port (STM32 Nucleo/Discovery)"},
      {0x0483, 0x374f, "ST-LINK/V3 virtual COM port (STM32 Nucleo/Discovery)"},
      {0x0483, 0x3753, "ST-LINK/V3 virtual COM port (STM32 Nucleo/Discovery)"},
      {0x0483, 0x3754, "ST-LINK/V3 virtual COM port (STM32 Nucleo/Discovery)"},
      {0x0483, 0x5740, "STM32 USB CDC (the chip's own USB)"},
      {0x0d28, 0x0204, "Arm DAPLink (CMSIS-DAP) virtual COM port"},
      {0x1366, 0, "SEGGER J-Link virtual COM port"},
      {0x0403, 0, "FTDI USB-serial adapter"},
      {0x10c4, 0xea60, "Silicon Labs CP210x USB-serial adapter"},
      {0x1a86, 0x7523, "WCH CH340 USB-serial adapter"},
      {0x1a86, 0x55d4, "WCH CH9102 USB-serial adapter"},
      {0x067b, 0x2303, "Prolific PL2303 USB-serial adapter"},
      {0x2e8a, 0x000a, "Raspberry Pi Pico (USB CDC)"},
  };
  for (const Known &k : known)
    if (k.vid == vid && (k.pid == 0 || k.pid == pid)) return k.kind;
  return "";
}

std::string env_or(const char *name, const char *fallback) {
  const char *v = std::getenv(name);
  return v != nullptr && *v != '\0' ? v : fallback;
}

std::string describe(const SerialPortInfo &p) {
  std::ostringstream os;
  os << p.device;
  if (p.vid) {
    char ids[16];
    std::snprintf(ids, sizeof ids, "%04x:%04x", *p.vid, p.pid.value_or(0));
    os << " (usb:" << ids << (p.serial_number.empty() ? "" : ":" + p.serial_number) << ")";
  }
  return os.str();
}

}  // namespace

std::vector<SerialPortInfo> list_serial_ports(const std::string &sysfs_root, const std::string &dev_root) {
  std::vector<SerialPortInfo> ports;
  std::error_code ec;
  for (const auto &entry : fs::directory_iterator(fs::path(sysfs_root) / "class" / "tty", ec)) {
    const fs::path device_link = entry.path() / "device";
    if (!fs::exists(device_link, ec)) continue;  // virtual terminals, ptys: no hardware behind them
    const fs::path device = fs::canonical(device_link, ec);
    if (ec) continue;
    SerialPortInfo p;
    p.name = entry.path().filename().string();
    p.device = (fs::path(dev_root) / p.name).string();
    p.subsystem = link_name(device / "subsystem");
    p.driver = link_name(device / "driver");
    if (p.subsystem == "platform") continue;  // a legacy 8250 port no hardware answers on
    fs::path usb_interface, usb_device;
    if (p.subsystem == "usb-serial") {  // ttyUSB: the port's device sits below the interface
      usb_interface = device.parent_path();
      usb_device = usb_interface.parent_path();
    } else if (p.subsystem == "usb") {  // ttyACM: the interface itself
      usb_interface = device;
      usb_device = device.parent_path();
    }
    if (!usb_device.empty()) {
      p.vid = hex_id(read_attr(usb_device, "idVendor"));
      p.pid = hex_id(read_attr(usb_device, "idProduct"));
      p.serial_number = read_attr(usb_device, "serial");
      p.manufacturer = read_attr(usb_device, "manufacturer");
      p.product = read_attr(usb_device, "product");
      p.interface = read_attr(usb_interface, "interface");
      if (p.vid && p.pid) p.kind = kind_of(*p.vid, *p.pid);
    }
    ports.push_back(std::move(p));
  }
  std::sort(ports.begin(), ports.end(), [](const SerialPortInfo &a, const SerialPortInfo &b) { return a.name < b.name; });
  return ports;
}

std::vector<SerialPortInfo> list_serial_ports() {
  return list_serial_ports(env_or("TVMCRT_SYSFS_ROOT", "/sys"), env_or("TVMCRT_DEV_ROOT", "/dev"));
}

std::string resolve_port_selector(const std::string &selector) {
  std::optional<std::uint16_t> vid, pid;
  std::string serial;
  const auto colon = selector.find(':');
  const std::string scheme = selector.substr(0, colon), rest = colon == std::string::npos ? "" : selector.substr(colon + 1);
  if (scheme == "usb") {
    std::istringstream parts(rest);
    std::string v, p;
    std::getline(parts, v, ':');
    std::getline(parts, p, ':');
    std::getline(parts, serial);
    vid = hex_id(v);
    pid = hex_id(p);
    if (!vid || !pid)
      throw Error(ErrorClass::usage, "port " + selector + ": expected usb:VID:PID or usb:VID:PID:SERIAL with "
                                     "hexadecimal ids, e.g. usb:0483:374b (tvmcrt-host list-ports shows them)");
  } else if (scheme == "serial" && !rest.empty()) {
    serial = rest;
  } else {
    throw Error(ErrorClass::usage, "port " + selector + ": expected usb:VID:PID[:SERIAL] or serial:SERIAL");
  }
  const auto ports = list_serial_ports();
  std::vector<const SerialPortInfo *> hits;
  for (const auto &p : ports)
    if ((!vid || (p.vid == vid && p.pid == pid)) && (serial.empty() || p.serial_number == serial)) hits.push_back(&p);
  if (hits.size() == 1) return hits[0]->device;
  std::string seen;
  for (const auto &p : ports) seen += (seen.empty() ? "" : ", ") + describe(p);
  if (hits.empty())
    throw Error(ErrorClass::transport, "port " + selector + ": no serial port matches; plugged in: " +
                                           (seen.empty() ? "none" : seen) +
                                           " (is the board connected? tvmcrt-host list-ports shows every port)");
  std::string which;
  for (const auto *p : hits) which += (which.empty() ? "" : ", ") + describe(*p);
  throw Error(ErrorClass::usage, "port " + selector + ": " + std::to_string(hits.size()) + " ports match (" + which +
                                     "); add the serial number (usb:VID:PID:SERIAL or serial:SERIAL)");
}

}  // namespace tvmcrt::host
