// SPDX-License-Identifier: Apache-2.0
// dtype.hpp — the element types tvmcrt knows (runtime/include/tvmcrt/tvmcrt.h TVMDType).
#pragma once

#include <cstdint>
#include <string>
#include <vector>

namespace tvmcrt::import {

struct dtype_info {
  const char *name;        // TVM's spelling: "int8", "float32", "bool"
  const char *enumerator;  // "kTVMDTypeInt8"
  unsigned bytes;
};

// nullptr when `name` is not a dtype tvmcrt supports.
const dtype_info *find_dtype(const std::string &name);
// Comma-separated list of supported names, for error messages.
std::string dtype_names();
// product(shape) * element size; throws std::overflow_error past 2^63.
uint64_t tensor_bytes(const dtype_info &dt, const std::vector<int64_t> &shape);

}  // namespace tvmcrt::import
