// SPDX-License-Identifier: Apache-2.0
// profile_report.hpp — the renderings of `tvmcrt-host profile` (a table, JSON, CSV, Chrome
// trace-event JSON) and the baseline file the gate reads. docs/profile.md describes each.
#pragma once

#include <string>

#include "common.hpp"
#include "profile.hpp"

namespace tvmcrt::cli {

// What the device and the model say besides the profile: pools and how its time was measured.
struct ProfileContext {
  const wire::ModelInfoResponse *model = nullptr;
  std::string time_source;  // "" on hardware, else the emulator's note
  std::string image;        // the firmware image the footprint was read from ("" none)
  host::ModelFootprint footprint;
};

json profile_json(const host::Profile &p, const ProfileContext &cx);
std::string profile_table(const host::Profile &p, const ProfileContext &cx);
std::string profile_csv(const host::Profile &p);
// Chrome trace-event JSON (Perfetto, chrome://tracing): one complete event per operator at its
// first call, as long as all its calls together, on the device's clock in microseconds.
json profile_trace(const host::Profile &p);
// Reads a `profile --json` file as a baseline. Error(file) naming the file and the key.
host::ProfileBaseline read_baseline(const std::string &path);

}  // namespace tvmcrt::cli
