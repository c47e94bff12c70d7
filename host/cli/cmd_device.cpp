// SPDX-License-Identifier: Apache-2.0
// info, set-workspaces, last-error: the subcommands that only talk to the device.
#include <iostream>
#include <memory>
#include <sstream>

#include "commands.hpp"
#include "common.hpp"
#include "error.hpp"

namespace tvmcrt::cli {
namespace {

using host::Error;
using host::ErrorClass;

std::string pool_text(const Device &dev, const wire::PoolInfo &p) {
  std::ostringstream os;
  os << p.name() << ": " << p.size_bytes() << " bytes, align " << p.alignment() << (p.is_stack() ? ", stack" : "")
     << ", ";
  const auto &regions = dev.hello().regions();
  if (!p.assigned()) os << "not placed";
  else
    os << "placed in "
       << (p.region() < static_cast<std::uint32_t>(regions.size()) ? regions[static_cast<int>(p.region())].name()
                                                                    : std::to_string(p.region()))
       << "+" << p.offset() << " (" << p.assigned_size() << " bytes)";
  return os.str();
}

std::string model_text(const Device &dev, std::uint32_t index) {
  const auto &m = dev.models()[index];
  std::ostringstream os;
  os << "model " << index << ": " << m.name() << "\n";
  auto tensors = [&](const char *kind, const auto &list) {
    for (int i = 0; i < list.size(); ++i)
      os << "  " << kind << " " << i << " " << list[i].name() << ": " << host::dtype_name(tensor_dtype(list[i]))
         << " " << shape_string(list[i]) << " (" << list[i].size_bytes() << " bytes)\n";
  };
  tensors("input ", m.inputs());
  tensors("output", m.outputs());
  for (int i = 0; i < m.pools().size(); ++i) os << "  pool   " << i << " " << pool_text(dev, m.pools(i)) << "\n";
  return os.str();
}

std::string device_text(const Device &dev) {
  const auto &h = dev.hello();
  std::ostringstream os;
  os << "port         " << dev.port() << "\n"
     << "firmware     " << h.firmware_build_id() << "\n"
     << "platform     " << h.platform() << "\n"
     << "protocol     " << h.protocol_version() << "\n"
     << "boot id      " << h.status().boot_id() << "\n"
     << "max payload  " << h.max_frame_payload() << " bytes, window " << h.receive_window() << " frames, reads of up to "
     << h.max_read_length() << " bytes\n"
     << "tick rate    " << h.tick_hz() << " Hz\n";
  if (!dev.emulation_note().empty()) os << "emulation    " << dev.emulation_note() << "\n";
  if (h.status().rx_lost() != 0)
    os << "rx lost      " << h.status().rx_lost()
       << " bytes since boot (" << host::kRxLostAdvice << ")\n";
  for (int i = 0; i < h.regions().size(); ++i)
    os << "region " << i << "     " << h.regions(i).name() << ": " << h.regions(i).size() << " bytes, align "
       << h.regions(i).alignment() << "\n";
  for (std::uint32_t m = 0; m < dev.models().size(); ++m) os << model_text(dev, m);
  return os.str();
}

// "NAME=REGION[:OFFSET[:SIZE]]" against the model's pools and the device's regions.
wire::PoolPlacement parse_placement(const Device &dev, std::uint32_t model, const std::string &arg) {
  const auto [pool, rest] = split_assignment(arg);
  if (pool.empty() || rest.empty())
    throw Error(ErrorClass::usage, "--pool " + arg + ": expected NAME=REGION[:OFFSET[:SIZE]], e.g. workspace=sram:0");
  std::vector<std::string> parts;
  std::stringstream ss(rest);
  for (std::string p; std::getline(ss, p, ':');) parts.push_back(p);
  if (parts.empty() || parts.size() > 3)
    throw Error(ErrorClass::usage, "--pool " + arg + ": expected NAME=REGION[:OFFSET[:SIZE]]");
  wire::PoolPlacement pl;
  const auto &m = dev.models()[model];
  int pi = -1;
  std::string names;
  for (int i = 0; i < m.pools().size(); ++i) {
    if (m.pools(i).name() == pool) pi = i;
    names += (names.empty() ? "" : ", ") + m.pools(i).name();
  }
  if (pi < 0)
    throw Error(ErrorClass::usage, "model '" + m.name() + "' has no pool '" + pool + "'; its pools are: " +
                                       (names.empty() ? "none" : names));
  pl.set_pool(static_cast<std::uint32_t>(pi));
  const auto &regions = dev.hello().regions();
  int ri = -1;
  names.clear();
  for (int i = 0; i < regions.size(); ++i) {
    if (regions[i].name() == parts[0]) ri = i;
    names += (names.empty() ? "" : ", ") + regions[i].name();
  }
  if (ri < 0)
    throw Error(ErrorClass::usage, "the device has no memory region '" + parts[0] + "'; its regions are: " +
                                       (names.empty() ? "none" : names));
  pl.set_region(static_cast<std::uint32_t>(ri));
  auto number = [&](const std::string &s, const char *what) -> std::uint32_t {
    try {
      std::size_t used = 0;
      const unsigned long v = std::stoul(s, &used, 0);
      if (used == s.size() && v <= 0xffffffffUL) return static_cast<std::uint32_t>(v);
    } catch (const std::exception &) {
    }
    throw Error(ErrorClass::usage, "--pool " + arg + ": " + what + " '" + s + "' is not a number");
  };
  if (parts.size() > 1) pl.set_offset(number(parts[1], "OFFSET"));
  if (parts.size() > 2) pl.set_size(number(parts[2], "SIZE"));
  return pl;
}

}  // namespace

void add_info_command(CLI::App &app) {
  auto opt = std::make_shared<CommonOptions>();
  CLI::App *cmd = app.add_subcommand("info", "Show the device, its memory regions and every model's tensors and pools");
  add_common_options(cmd, *opt);
  cmd->callback([opt] {
    const auto dev = open_device(*opt);
    emit(*opt, json{{"ok", true}, {"device", device_json(*dev)}}, device_text(*dev));
  });
}

void add_set_workspaces_command(CLI::App &app) {
  auto opt = std::make_shared<CommonOptions>();
  auto model = std::make_shared<std::string>();
  auto pools = std::make_shared<std::vector<std::string>>();
  CLI::App *cmd = app.add_subcommand("set-workspaces", "Place a model's memory pools in the device's regions");
  add_common_options(cmd, *opt);
  cmd->add_option("-m,--model", *model, "Model name (may be left out when the firmware has one model)");
  cmd->add_option("--pool", *pools, "Placement NAME=REGION[:OFFSET[:SIZE]] (offset 0 and the pool's size by default)")
      ->required();
  cmd->callback([opt, model, pools] {
    const auto dev = open_device(*opt);
    const std::uint32_t m = dev->model_index(*model);
    std::vector<wire::PoolPlacement> placements;
    for (const auto &p : *pools) placements.push_back(parse_placement(*dev, m, p));
    dev->set_workspaces(m, placements);
    // The request replaces every placement of the model: say which pools it left without one.
    for (const auto &p : dev->models()[m].pools())
      if (!p.assigned())
        note() << "pool '" << p.name() << "' of model '" << dev->models()[m].name()
                  << "' is not placed; the model cannot run until it is (add --pool " << p.name() << "=REGION:OFFSET)"
                  << std::endl;
    if (!dev->emulation_note().empty())
      note() << dev->port() << " was booted for this one command: these placements end "
                << "with it, so the next command starts without them. Keep a board up (scripts/qemu-board start "
                << "ELF --state DIR) and use --port $(cat DIR/port) for both commands" << std::endl;
    emit(*opt, json{{"ok", true}, {"port", dev->port()}, {"model", model_json(*dev, m)}},
         "port " + dev->port() + "\n" + model_text(*dev, m));
  });
}

void add_last_error_command(CLI::App &app) {
  auto opt = std::make_shared<CommonOptions>();
  CLI::App *cmd = app.add_subcommand("last-error", "Show the device's last error (TVMGetLastError() after a failed run)");
  add_common_options(cmd, *opt);
  cmd->callback([opt] {
    const auto dev = open_device(*opt);
    const auto e = dev->last_error();
    if (!dev->emulation_note().empty())
      note() << dev->port() << " was booted for this one command, so it has no earlier "
                << "error to show. Run the failing command and last-error against one board that stays up "
                << "(scripts/qemu-board start ELF --state DIR, then --port $(cat DIR/port)); an execute that fails "
                << "prints the device's error text itself" << std::endl;
    json j = {{"ok", true}, {"port", dev->port()}, {"code", e.code()}, {"text", e.text()}, {"model", e.model()}};
    std::string text = "no error\n";
    if (e.code() != 0) {
      j["code_name"] = host::error_code_name(e.code());
      const std::string mname = e.model() < dev->models().size() ? dev->models()[e.model()].name() : "";
      text = host::error_code_name(e.code()) + (mname.empty() ? "" : " in model '" + mname + "'") + ": " + e.text() + "\n";
    }
    emit(*opt, j, "port " + dev->port() + "\n" + text);
  });
}

}  // namespace tvmcrt::cli
