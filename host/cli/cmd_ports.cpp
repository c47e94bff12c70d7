// SPDX-License-Identifier: Apache-2.0
// `tvmcrt-host list-ports`: the machine's serial ports as sysfs describes them (host/lib/
// serial_ports.hpp), marking ST-LINK and common USB-serial adapters, so a user finds the board's
// port — and can name it by what it is (--port usb:0483:374b) when several boards are plugged in.
#include <cstdio>
#include <iomanip>
#include <iostream>
#include <memory>
#include <sstream>

#include "commands.hpp"
#include "common.hpp"
#include "serial_ports.hpp"

namespace tvmcrt::cli {

namespace {

std::string hex4(std::uint16_t v) {
  char b[8];
  std::snprintf(b, sizeof b, "%04x", v);
  return b;
}

}  // namespace

void add_list_ports_command(CLI::App &app) {
  auto opt = std::make_shared<CommonOptions>();
  CLI::App *cmd = app.add_subcommand("list-ports", "List the serial ports, with USB ids, serial numbers and what they are");
  cmd->add_flag("--json", opt->json, "One JSON object on stdout: {\"ports\": [...]}");
  cmd->footer("\nA USB port can be given to --port by what it is: usb:VID:PID, usb:VID:PID:SERIAL or serial:SERIAL\n"
              "(the one port that matches; an error lists them when several do).");
  cmd->callback([opt] {
    const auto ports = host::list_serial_ports();
    json j = {{"ok", true}, {"ports", json::array()}};
    std::ostringstream text;
    for (const auto &p : ports) {
      json pj = {{"device", p.device}, {"name", p.name}, {"subsystem", p.subsystem}, {"driver", p.driver},
                 {"vid", nullptr}, {"pid", nullptr}, {"serial_number", p.serial_number},
                 {"manufacturer", p.manufacturer}, {"product", p.product}, {"interface", p.interface},
                 {"kind", p.kind}, {"port", p.device}};
      text << p.device;
      if (p.vid && p.pid) {
        pj["vid"] = hex4(*p.vid);
        pj["pid"] = hex4(*p.pid);
        pj["port"] = "usb:" + hex4(*p.vid) + ":" + hex4(*p.pid) + (p.serial_number.empty() ? "" : ":" + p.serial_number);
        text << "  " << hex4(*p.vid) << ":" << hex4(*p.pid);
        if (!p.serial_number.empty()) text << "  serial " << p.serial_number;
        const std::string who = p.manufacturer + (p.manufacturer.empty() || p.product.empty() ? "" : " ") + p.product;
        if (!who.empty()) text << "  " << who;
      } else if (!p.driver.empty()) {
        text << "  " << p.driver;
      }
      if (!p.kind.empty()) text << "  [" << p.kind << "]";
      text << "\n";
      j["ports"].push_back(pj);
    }
    if (ports.empty()) std::cerr << "tvmcrt-host: no serial ports found (is the board plugged in?)" << std::endl;
    emit(*opt, j, text.str());
  });
}

}  // namespace tvmcrt::cli
