// SPDX-License-Identifier: Apache-2.0
// fuzz_host_npy.cpp — libFuzzer target for the host's .npy reader (host/lib/npy.cpp). Input: the
// bytes of a file. Checks, besides the sanitizers: a malformed file fails only with Error(file); an
// accepted one holds exactly element_count * element size bytes, and writing it out and reading it
// back gives the same array.
#include <cstdint>
#include <cstdlib>

#include "error.hpp"
#include "npy.hpp"

using tvmcrt::host::Error;
using tvmcrt::host::ErrorClass;

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t *data, std::size_t size) {
  tvmcrt::host::NdArray a;
  try {
    a = tvmcrt::host::npy_parse(data, size, "fuzz.npy");
  } catch (const Error &e) {
    if (e.error_class() != ErrorClass::file) std::abort();
    return 0;
  }
  if (a.data.size() != a.element_count() * tvmcrt::host::dtype_size(a.dtype)) std::abort();
  const auto bytes = tvmcrt::host::npy_serialize(a);
  const auto b = tvmcrt::host::npy_parse(bytes.data(), bytes.size(), "again.npy");
  if (b.dtype != a.dtype || b.shape != a.shape || b.data != a.data) std::abort();
  return 0;
}
