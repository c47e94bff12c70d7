// SPDX-License-Identifier: Apache-2.0
#include "dtype.hpp"

#include <cmath>
#include <cstring>

namespace tvmcrt::host {
namespace {

struct DTypeDesc {
  const char *name;
  std::size_t size;
};

constexpr DTypeDesc kDescs[] = {
    {"unknown", 0}, {"int8", 1},    {"uint8", 1},   {"int16", 2},   {"uint16", 2},  {"int32", 4}, {"uint32", 4},
    {"int64", 8},   {"uint64", 8},  {"float16", 2}, {"float32", 4}, {"float64", 8}, {"bool", 1},
};

// Loads a little-endian value of type T from p (the host may be of either endianness).
template <typename T>
T load_le(const std::uint8_t *p) {
  std::uint64_t v = 0;
  for (std::size_t k = 0; k < sizeof(T); ++k) v |= static_cast<std::uint64_t>(p[k]) << (8 * k);
  T out;
  if constexpr (sizeof(T) == 1) {
    std::uint8_t b = static_cast<std::uint8_t>(v);
    std::memcpy(&out, &b, 1);
  } else if constexpr (sizeof(T) == 2) {
    std::uint16_t b = static_cast<std::uint16_t>(v);
    std::memcpy(&out, &b, 2);
  } else if constexpr (sizeof(T) == 4) {
    std::uint32_t b = static_cast<std::uint32_t>(v);
    std::memcpy(&out, &b, 4);
  } else {
    std::memcpy(&out, &v, 8);
  }
  return out;
}

}  // namespace

const char *dtype_name(DType t) { return kDescs[static_cast<int>(dtype_from_int(static_cast<int>(t)))].name; }

std::size_t dtype_size(DType t) { return kDescs[static_cast<int>(dtype_from_int(static_cast<int>(t)))].size; }

DType dtype_from_int(int v) {
  return (v > 0 && v <= static_cast<int>(DType::boolean)) ? static_cast<DType>(v) : DType::unknown;
}

bool dtype_is_float(DType t) { return t == DType::float16 || t == DType::float32 || t == DType::float64; }

double half_to_double(std::uint16_t h) {
  const int sign = (h >> 15) ? -1 : 1;
  const int exp = (h >> 10) & 0x1f;
  const int frac = h & 0x3ff;
  if (exp == 0) return sign * std::ldexp(frac, -24);  // zero and subnormals
  if (exp == 31) return frac ? NAN : sign * INFINITY;
  return sign * std::ldexp(frac + 1024, exp - 25);
}

double element_as_double(DType t, const std::uint8_t *p, std::size_t i) {
  const std::uint8_t *e = p + i * dtype_size(t);
  switch (t) {
    case DType::int8: return load_le<std::int8_t>(e);
    case DType::uint8: return load_le<std::uint8_t>(e);
    case DType::int16: return load_le<std::int16_t>(e);
    case DType::uint16: return load_le<std::uint16_t>(e);
    case DType::int32: return load_le<std::int32_t>(e);
    case DType::uint32: return load_le<std::uint32_t>(e);
    case DType::int64: return static_cast<double>(load_le<std::int64_t>(e));
    case DType::uint64: return static_cast<double>(load_le<std::uint64_t>(e));
    case DType::float16: return half_to_double(load_le<std::uint16_t>(e));
    case DType::float32: return load_le<float>(e);
    case DType::float64: return load_le<double>(e);
    case DType::boolean: return e[0] ? 1.0 : 0.0;
    case DType::unknown: break;
  }
  return NAN;
}

}  // namespace tvmcrt::host
