// SPDX-License-Identifier: Apache-2.0
// device_profile.cpp — Device::profile(): run() with the model's probes on, then ReadProfile page
// by page (device.hpp, docs/profile.md).
#include "device.hpp"
#include "error.hpp"

namespace tvmcrt::host {

void Device::require_profile(std::uint32_t model) const {
  const auto &m = models_.at(model);
  if (m.profile_operators() == 0)
    throw Error(ErrorClass::usage, "model '" + m.name() + "' on " + port_ +
                                       " was built without PROFILE, so it cannot be profiled: add PROFILE to its "
                                       "tvmcrt_add_model() call (cmake/TvmcrtModel.cmake) and rebuild the image "
                                       "(docs/profile.md)");
}

ProfileRun Device::profile(std::uint32_t model, const std::vector<RunInput> &inputs, double timeout_s,
                           const Progress &progress) {
  require_profile(model);
  const auto &m = models_.at(model);
  ProfileRun out;
  profile_next_ = true;
  try {
    out.run = run(model, inputs, timeout_s, progress);
  } catch (...) {
    profile_next_ = false;
    throw;
  }
  profile_next_ = false;
  const std::string what = "ReadProfile of model '" + m.name() + "'";
  wire::ReadProfileResponse head;
  std::vector<wire::OperatorProfile> records;
  for (std::uint32_t first = 0;;) {
    wire::ReadProfileRequest req;
    req.set_model(model);
    req.set_first(first);
    const auto resp = read_profile_page(req, what);
    if (first == 0) head = resp;
    for (const auto &op : resp.operators()) records.push_back(op);
    first += static_cast<std::uint32_t>(resp.operators_size());
    if (resp.operators_size() == 0 || first >= resp.recorded()) break;
  }
  if (records.size() != head.recorded())
    throw Error(ErrorClass::protocol, what + " from the device on " + port_ + " announced " +
                                          std::to_string(head.recorded()) + " records and sent " +
                                          std::to_string(records.size()));
  out.profile = make_profile(m.name(), hello_.tick_hz(), head, records);
  return out;
}

}  // namespace tvmcrt::host
