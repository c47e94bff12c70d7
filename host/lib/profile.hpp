// SPDX-License-Identifier: Apache-2.0
// profile.hpp — a model's per-operator profile as the device measured it (ReadProfile), with the
// probe's cost taken out, and the performance gate that holds one against a baseline.
// docs/profile.md says what each figure means.
#pragma once

#include <cstdint>
#include <map>
#include <string>
#include <vector>

#include "tvmcrt.pb.h"

namespace tvmcrt::host {

struct OperatorFigures {
  std::uint32_t index = 0;  // in the model's operator table
  std::string name;         // as linked: tvmgen_<model>_fused_...
  std::uint32_t calls = 0;
  // Ticks with the probe's cost (Profile::probe_ticks per call) taken out, never below 0.
  std::uint64_t ticks = 0;
  std::uint32_t min_ticks = 0, max_ticks = 0;
  std::uint32_t first_tick = 0;  // start of the first call, ticks after the run began
  double share = 0;              // of the timed operators' ticks, 0..1
};

struct Profile {
  std::string model;
  std::uint32_t tick_hz = 0;
  std::uint32_t probe_ticks = 0;      // one probed call's own cost, subtracted from every call
  std::uint32_t run_ticks = 0;        // the whole TVMExecute() with the probes on
  std::uint64_t operator_ticks = 0;   // the operators' ticks, summed
  std::uint32_t operator_count = 0;   // operators the model has
  std::uint32_t recorded = 0;         // of them, the ones the device's buffer held (the rest untimed)
  std::uint32_t stack_used = 0, stack_size = 0;  // 0: the port cannot tell
  std::uint32_t peak_workspace = 0;
  std::vector<OperatorFigures> operators;  // slowest first (then by index)
};

// A model's static footprint as the build's fit check counted it (cmake/TvmcrtFitCheck.cmake) and
// wrote into the image's .tvmcrt.footprint section: flash (code, weights, initialised data) and RAM
// (its static data + the arena for its pools and stack workspace + its I/O buffers with canaries).
struct ModelFootprint {
  bool found = false;  // false: the image has no such section or no such model (another build)
  std::uint32_t flash = 0, ram = 0, static_data = 0, workspace = 0, io = 0;
};
// Error(usage) when the file is not an ARM ELF image.
ModelFootprint read_model_footprint(const std::string &elf, const std::string &model);
// The image a footprint is read from: `image` when given, else the one a "qemu:IMAGE" port boots
// (Device::port() names it so), else "" (a board: nothing to read unless the user names it).
std::string footprint_image(const std::string &port, const std::string &image = "");

// From the device's raw records: subtracts the probe, adds shares, sorts by time.
Profile make_profile(const std::string &model, std::uint32_t tick_hz, const wire::ReadProfileResponse &head,
                     const std::vector<wire::OperatorProfile> &records);

// ticks at tick_hz as microseconds.
double profile_microseconds(std::uint64_t ticks, std::uint32_t tick_hz);

// What a baseline file (`tvmcrt-host profile --json` of an earlier run) holds for the gate.
struct ProfileBaseline {
  std::uint32_t tick_hz = 0;
  std::uint64_t run_ticks = 0;
  std::map<std::string, std::uint64_t> operators;  // name -> ticks
};

struct Regression {
  std::string what;  // "total" or the operator's name
  std::uint64_t before = 0, after = 0;
  double percent = 0;  // growth, e.g. 10.2
};

// The operators, and the total (run_ticks), that grew by more than max_percent over the baseline,
// worst first. Operators the baseline lacks are not compared (notes says which).
std::vector<Regression> find_regressions(const Profile &now, const ProfileBaseline &before, double max_percent,
                                         std::vector<std::string> &notes);

}  // namespace tvmcrt::host
