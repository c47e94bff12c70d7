/* SPDX-License-Identifier: Apache-2.0 */
// npy.h — reads the .npy files the examples commit (format version 1.0, little-endian, C order).
// Test-only helper; throws std::runtime_error naming the file on anything unexpected.
#pragma once

#include <cstddef>
#include <cstdint>
#include <string>
#include <vector>

struct NpyArray {
  std::string descr;             // numpy dtype string, e.g. "<i1", "<f4", "<i8"
  std::vector<size_t> shape;
  std::vector<uint8_t> data;     // raw element bytes, C order

  size_t count() const;          // product of shape
  template <typename T>
  const T *as() const { return reinterpret_cast<const T *>(data.data()); }
};

// Loads `path` and checks its dtype is `descr` and its element count times `item_size` equals the
// data size.
NpyArray load_npy(const std::string &path, const std::string &descr, size_t item_size);
