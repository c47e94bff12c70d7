// SPDX-License-Identifier: Apache-2.0
// profile_report.cpp — renderings of a profile and the baseline reader (profile_report.hpp).
#include "profile_report.hpp"

#include <cstdio>
#include <fstream>
#include <sstream>

#include "error.hpp"

namespace tvmcrt::cli {

using host::Error;
using host::ErrorClass;
using host::profile_microseconds;

namespace {

std::string fixed(double v, int digits) {
  char buf[64];
  std::snprintf(buf, sizeof buf, "%.*f", digits, v);
  return buf;
}

json pools_json(const ProfileContext &cx) {
  json pools = json::array();
  if (cx.model)
    for (const auto &p : cx.model->pools())
      pools.push_back({{"name", p.name()}, {"size_bytes", p.size_bytes()}, {"is_stack", p.is_stack()}});
  return pools;
}


json footprint_json(const ProfileContext &cx) {
  const host::ModelFootprint &f = cx.footprint;
  if (!f.found) return nullptr;
  return {{"flash", f.flash}, {"ram", f.ram}, {"static_data", f.static_data}, {"workspace", f.workspace},
          {"io_buffers", f.io}, {"image", cx.image}};
}

}  // namespace

json profile_json(const host::Profile &p, const ProfileContext &cx) {
  json ops = json::array();
  for (const auto &o : p.operators)
    ops.push_back({{"name", o.name}, {"index", o.index}, {"calls", o.calls}, {"ticks", o.ticks},
                   {"us", profile_microseconds(o.ticks, p.tick_hz)}, {"share", o.share}, {"min_ticks", o.min_ticks},
                   {"max_ticks", o.max_ticks}, {"first_tick", o.first_tick}});
  return {{"ok", true},
          {"model", p.model},
          {"tick_hz", p.tick_hz},
          {"time_source", cx.time_source.empty() ? "device" : cx.time_source},
          {"probe_ticks_per_call", p.probe_ticks},
          {"run_ticks", p.run_ticks},
          {"run_us", profile_microseconds(p.run_ticks, p.tick_hz)},
          {"operator_ticks", p.operator_ticks},
          {"operator_count", p.operator_count},
          {"recorded", p.recorded},
          {"operators", ops},
          {"memory",
           {{"stack_used", p.stack_used},
            {"stack_size", p.stack_size},
            {"stack_measured", p.stack_size != 0},
            {"peak_workspace", p.peak_workspace},
            {"pools", pools_json(cx)},
            {"model_static", footprint_json(cx)}}}};
}

std::string profile_table(const host::Profile &p, const ProfileContext &cx) {
  std::ostringstream out;
  const double mhz = p.tick_hz / 1e6;
  out << "model " << p.model << ": " << p.operators.size() << " operators timed, run " << p.run_ticks << " ticks ("
      << fixed(profile_microseconds(p.run_ticks, p.tick_hz), 1) << " us at " << fixed(mhz, mhz < 10 ? 3 : 1)
      << " MHz)" << (cx.time_source.empty() ? "" : "; " + cx.time_source) << "\n";
  out << "probe: " << p.probe_ticks << " ticks per call, subtracted from every call\n";
  std::size_t width = 8;
  for (const auto &o : p.operators) width = std::max(width, o.name.size());
  char line[512];
  std::snprintf(line, sizeof line, "%-*s %7s %12s %12s %6s\n", static_cast<int>(width), "operator", "calls", "ticks",
                "us", "%");
  out << line;
  for (const auto &o : p.operators) {
    std::snprintf(line, sizeof line, "%-*s %7u %12llu %12.1f %6.1f\n", static_cast<int>(width), o.name.c_str(),
                  o.calls, static_cast<unsigned long long>(o.ticks), profile_microseconds(o.ticks, p.tick_hz),
                  100.0 * o.share);
    out << line;
  }
  if (p.recorded < p.operator_count)
    out << "note: the model has " << p.operator_count << " operators and the device's record buffer holds "
        << p.recorded << ": the other " << (p.operator_count - p.recorded)
        << " were not timed (raise TVMCRT_PROFILE_BUFFER_SIZE, docs/profile.md)\n";
  out << "memory: ";
  if (p.stack_size)
    out << "stack " << p.stack_used << " of " << p.stack_size << " bytes at the deepest (high-water mark)";
  else
    out << "stack not measured (the port cannot tell)";
  out << "; stack workspace peak " << p.peak_workspace << " bytes";
  if (cx.model)
    for (const auto &pool : cx.model->pools()) out << "; pool " << pool.name() << " " << pool.size_bytes() << " bytes";
  out << "\n";
  const host::ModelFootprint &f = cx.footprint;
  if (f.found)
    out << "static: flash " << f.flash << " bytes, RAM " << f.ram << " bytes (data " << f.static_data << " + workspace "
        << f.workspace << " + I/O buffers " << f.io << ") in " << cx.image << "\n";
  else if (!cx.image.empty())
    out << "static: " << cx.image << " holds no footprint of model " << p.model
        << " (an image without this model, or not linked by tvmcrt's firmware functions): give the image the board "
           "runs with --image\n";
  else
    out << "static: give --image FILE.elf (the image the board runs) for the model's flash and RAM\n";
  return out.str();
}

std::string profile_csv(const host::Profile &p) {
  std::ostringstream out;
  out << "operator,calls,ticks,us,share,min_ticks,max_ticks,first_tick\n";
  for (const auto &o : p.operators)
    out << o.name << "," << o.calls << "," << o.ticks << "," << fixed(profile_microseconds(o.ticks, p.tick_hz), 3)
        << "," << fixed(o.share, 6) << "," << o.min_ticks << "," << o.max_ticks << "," << o.first_tick << "\n";
  return out.str();
}

json profile_trace(const host::Profile &p) {
  json events = json::array();
  events.push_back({{"name", "process_name"}, {"ph", "M"}, {"pid", 1}, {"tid", 1},
                    {"args", {{"name", "tvmcrt device, model " + p.model}}}});
  events.push_back({{"name", "TVMExecute"}, {"cat", "run"}, {"ph", "X"}, {"pid", 1}, {"tid", 1}, {"ts", 0},
                    {"dur", profile_microseconds(p.run_ticks, p.tick_hz)}, {"args", {{"ticks", p.run_ticks}}}});
  for (const auto &o : p.operators)
    events.push_back({{"name", o.name},
                      {"cat", "operator"},
                      {"ph", "X"},
                      {"pid", 1},
                      {"tid", 1},
                      {"ts", profile_microseconds(o.first_tick, p.tick_hz)},
                      {"dur", profile_microseconds(o.ticks, p.tick_hz)},
                      {"args", {{"calls", o.calls}, {"ticks", o.ticks}, {"share", o.share}}}});
  return {{"traceEvents", events}, {"displayTimeUnit", "ns"}};
}

host::ProfileBaseline read_baseline(const std::string &path) {
  std::ifstream f(path);
  if (!f) throw Error(ErrorClass::file, "cannot read --baseline " + path + ": give the file an earlier `tvmcrt-host profile --json` wrote");
  json j;
  try {
    j = json::parse(f);
  } catch (const json::exception &e) {
    throw Error(ErrorClass::file, "--baseline " + path + " is not JSON (" + e.what() +
                                      "): give the file an earlier `tvmcrt-host profile --json` wrote");
  }
  auto bad = [&](const std::string &key) {
    return Error(ErrorClass::file, "--baseline " + path + " has no valid \"" + key +
                                       "\": it is not the output of `tvmcrt-host profile --json`");
  };
  host::ProfileBaseline b;
  if (!j.is_object() || !j.contains("run_ticks") || !j["run_ticks"].is_number_unsigned()) throw bad("run_ticks");
  if (!j.contains("tick_hz") || !j["tick_hz"].is_number_unsigned()) throw bad("tick_hz");
  if (!j.contains("operators") || !j["operators"].is_array()) throw bad("operators");
  b.run_ticks = j["run_ticks"].get<std::uint64_t>();
  b.tick_hz = j["tick_hz"].get<std::uint32_t>();
  for (const auto &o : j["operators"]) {
    if (!o.is_object() || !o.contains("name") || !o["name"].is_string() || !o.contains("ticks") ||
        !o["ticks"].is_number_unsigned())
      throw bad("operators[].name/ticks");
    b.operators[o["name"].get<std::string>()] = o["ticks"].get<std::uint64_t>();
  }
  return b;
}

}  // namespace tvmcrt::cli
