// SPDX-License-Identifier: Apache-2.0
// profile.cpp — the probe's cost out of the device's records, shares, the gate (profile.hpp).
#include "profile.hpp"

#include <algorithm>
#include <cstdlib>
#include <sstream>

#include "elf_image.hpp"

namespace tvmcrt::host {

std::string footprint_image(const std::string &port, const std::string &image) {
  if (!image.empty()) return image;
  return port.rfind("qemu:", 0) == 0 ? port.substr(5) : "";
}

ModelFootprint read_model_footprint(const std::string &elf, const std::string &model) {
  ModelFootprint f;
  const auto text = ElfImage(elf, "read").section(".tvmcrt.footprint", 1u << 16, "the build's footprint lines");
  if (!text) return f;
  std::istringstream lines(*text);
  for (std::string line; std::getline(lines, line);) {
    std::istringstream words(line);
    std::string word;
    if (!(words >> word) || word != "model=" + model) continue;
    f.found = true;
    while (words >> word) {
      const auto eq = word.find('=');
      if (eq == std::string::npos) continue;
      const std::string key = word.substr(0, eq);
      const std::uint32_t value = static_cast<std::uint32_t>(std::strtoul(word.c_str() + eq + 1, nullptr, 10));
      if (key == "flash") f.flash = value;
      else if (key == "ram") f.ram = value;
      else if (key == "static") f.static_data = value;
      else if (key == "workspace") f.workspace = value;
      else if (key == "io") f.io = value;
    }
  }
  return f;
}

Profile make_profile(const std::string &model, std::uint32_t tick_hz, const wire::ReadProfileResponse &head,
                     const std::vector<wire::OperatorProfile> &records) {
  Profile p;
  p.model = model;
  p.tick_hz = tick_hz;
  p.probe_ticks = head.probe_ticks();
  p.run_ticks = head.run_ticks();
  p.operator_count = head.operator_count();
  p.recorded = head.recorded();
  p.stack_used = head.stack_used();
  p.stack_size = head.stack_size();
  p.peak_workspace = head.peak_workspace();
  const std::uint64_t probe = p.probe_ticks;
  for (const auto &r : records) {
    OperatorFigures f;
    f.index = r.index();
    f.name = r.name();
    f.calls = r.calls();
    const std::uint64_t cost = probe * r.calls();
    f.ticks = r.total_ticks() > cost ? r.total_ticks() - cost : 0;
    f.min_ticks = r.min_ticks() > probe ? static_cast<std::uint32_t>(r.min_ticks() - probe) : 0;
    f.max_ticks = r.max_ticks() > probe ? static_cast<std::uint32_t>(r.max_ticks() - probe) : 0;
    f.first_tick = r.first_tick();
    p.operator_ticks += f.ticks;
    p.operators.push_back(f);
  }
  for (auto &f : p.operators)
    f.share = p.operator_ticks ? static_cast<double>(f.ticks) / static_cast<double>(p.operator_ticks) : 0;
  std::stable_sort(p.operators.begin(), p.operators.end(), [](const OperatorFigures &a, const OperatorFigures &b) {
    return a.ticks != b.ticks ? a.ticks > b.ticks : a.index < b.index;
  });
  return p;
}

double profile_microseconds(std::uint64_t ticks, std::uint32_t tick_hz) {
  return tick_hz ? static_cast<double>(ticks) * 1e6 / tick_hz : 0;
}

namespace {

// Growth of `after` over `before` in percent; a zero baseline grows only if after is not zero.
double growth(std::uint64_t before, std::uint64_t after) {
  if (before == 0) return after == 0 ? 0 : 100;
  return (static_cast<double>(after) - static_cast<double>(before)) * 100.0 / static_cast<double>(before);
}

}  // namespace

std::vector<Regression> find_regressions(const Profile &now, const ProfileBaseline &before, double max_percent,
                                         std::vector<std::string> &notes) {
  std::vector<Regression> out;
  auto judge = [&](const std::string &what, std::uint64_t b, std::uint64_t a) {
    const double g = growth(b, a);
    if (g > max_percent) out.push_back({what, b, a, g});
  };
  judge("total", before.run_ticks, now.run_ticks);
  for (const auto &op : now.operators) {
    auto it = before.operators.find(op.name);
    if (it == before.operators.end())
      notes.push_back("operator " + op.name + " is not in the baseline: not compared");
    else
      judge(op.name, it->second, op.ticks);
  }
  for (const auto &entry : before.operators) {
    const std::string &name = entry.first;  // not a structured binding: C++17 lambdas cannot capture one
    const bool still = std::any_of(now.operators.begin(), now.operators.end(), [&](auto &o) { return o.name == name; });
    if (!still) notes.push_back("operator " + name + " of the baseline is gone");
  }
  std::stable_sort(out.begin(), out.end(), [](const Regression &a, const Regression &b) { return a.percent > b.percent; });
  return out;
}

}  // namespace tvmcrt::host
