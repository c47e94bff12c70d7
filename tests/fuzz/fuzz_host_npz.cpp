// SPDX-License-Identifier: Apache-2.0
// fuzz_host_npz.cpp — libFuzzer target for the host's .npz reader (host/lib/npz.cpp over libzip).
// Input: the bytes of a file. Checks, besides the sanitizers: a malformed archive or member fails
// only with Error(file); every accepted member holds exactly element_count * element size bytes
// and survives a .npy round trip.
#include <cstdint>
#include <cstdlib>

#include "error.hpp"
#include "npz.hpp"

using tvmcrt::host::Error;
using tvmcrt::host::ErrorClass;

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t *data, std::size_t size) {
  std::vector<std::pair<std::string, tvmcrt::host::NdArray>> arrays;
  try {
    arrays = tvmcrt::host::npz_parse(data, size, "fuzz.npz");
  } catch (const Error &e) {
    if (e.error_class() != ErrorClass::file) std::abort();
    return 0;
  }
  if (arrays.empty()) std::abort();
  for (const auto &[name, a] : arrays) {
    if (a.data.size() != a.element_count() * tvmcrt::host::dtype_size(a.dtype)) std::abort();
    const auto bytes = tvmcrt::host::npy_serialize(a);
    const auto b = tvmcrt::host::npy_parse(bytes.data(), bytes.size(), "again.npy");
    if (b.dtype != a.dtype || b.shape != a.shape || b.data != a.data) std::abort();
  }
  return 0;
}
