// SPDX-License-Identifier: Apache-2.0
// dtype.hpp — element types as the device numbers them (proto DType = runtime TVMDType), with the
// names users see and the conversions the comparisons need.
#pragma once

#include <cstddef>
#include <cstdint>
#include <string>

namespace tvmcrt::host {

enum class DType : int {
  unknown = 0, int8, uint8, int16, uint16, int32, uint32, int64, uint64, float16, float32, float64, boolean,
};

const char *dtype_name(DType t);   // "int8", ..., "float32", "bool"; "unknown"
std::size_t dtype_size(DType t);   // bytes per element; 0 for unknown
DType dtype_from_int(int v);       // unknown for values outside the enum
bool dtype_is_float(DType t);

// Element i of little-endian data `p` as a double (float16 converted exactly).
double element_as_double(DType t, const std::uint8_t *p, std::size_t i);
double half_to_double(std::uint16_t h);

}  // namespace tvmcrt::host
