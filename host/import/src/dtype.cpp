// SPDX-License-Identifier: Apache-2.0
// dtype.cpp — dtype table. Order and enumerators follow TVMDType in tvmcrt.h.
#include "dtype.hpp"

#include <stdexcept>

namespace tvmcrt::import {

namespace {
const dtype_info kTable[] = {
    {"int8", "kTVMDTypeInt8", 1},       {"uint8", "kTVMDTypeUInt8", 1},
    {"int16", "kTVMDTypeInt16", 2},     {"uint16", "kTVMDTypeUInt16", 2},
    {"int32", "kTVMDTypeInt32", 4},     {"uint32", "kTVMDTypeUInt32", 4},
    {"int64", "kTVMDTypeInt64", 8},     {"uint64", "kTVMDTypeUInt64", 8},
    {"float16", "kTVMDTypeFloat16", 2}, {"float32", "kTVMDTypeFloat32", 4},
    {"float64", "kTVMDTypeFloat64", 8}, {"bool", "kTVMDTypeBool", 1},
};
}  // namespace

const dtype_info *find_dtype(const std::string &name) {
  for (const auto &d : kTable)
    if (name == d.name) return &d;
  return nullptr;
}

std::string dtype_names() {
  std::string out;
  for (const auto &d : kTable) out += (out.empty() ? "" : ", ") + std::string(d.name);
  return out;
}

uint64_t tensor_bytes(const dtype_info &dt, const std::vector<int64_t> &shape) {
  uint64_t n = dt.bytes;
  for (int64_t d : shape) {
    if (d < 0) throw std::overflow_error("negative dimension");
    if (d != 0 && n > (UINT64_C(1) << 62) / static_cast<uint64_t>(d))
      throw std::overflow_error("tensor larger than 2^62 bytes");
    n *= static_cast<uint64_t>(d);
  }
  return n;
}

}  // namespace tvmcrt::import
