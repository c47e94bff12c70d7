// SPDX-License-Identifier: Apache-2.0
// npy.hpp — NumPy .npy files (format versions 1.0, 2.0, 3.0), without an external library.
//
// Arrays in memory are always C order and little-endian, the device's layout: big-endian files are
// byte-swapped and Fortran-order files transposed on load. Files are written as version 1.0 (2.0 if
// the header needs it), C order, little-endian. Every failure throws Error(ErrorClass::file) naming
// the file and what is wrong with it.
#pragma once

#include <cstddef>
#include <cstdint>
#include <string>
#include <vector>

#include "dtype.hpp"

namespace tvmcrt::host {

struct NdArray {
  DType dtype = DType::unknown;
  std::vector<std::size_t> shape;    // empty = a scalar (one element)
  std::vector<std::uint8_t> data;    // C order, little-endian

  std::size_t element_count() const;
  std::string shape_string() const;  // "[1, 64]"
  // Sample i of a stack (an array with a leading batch axis): shape without the first axis.
  NdArray slice(std::size_t i) const;
};

// A file's header, checked against the file's size, before any data is read: a caller can compare
// dtype and shape with what it needs and read at most that (a 200 MB file for a 64-byte tensor is
// refused after 100 bytes, not after 200 MB).
struct NpyHeader {
  NdArray array;  // dtype and shape, no data
  std::size_t data_offset = 0, data_bytes = 0;
  bool swap = false, fortran = false;
};
// Refuses what is not a regular file (a directory, a FIFO, /dev/zero) before reading it.
NpyHeader npy_read_header(const std::string &path);
NdArray npy_read_data(const std::string &path, const NpyHeader &header);
NpyHeader npy_parse_header(const std::uint8_t *bytes, std::size_t len, std::uint64_t file_size, const std::string &what);
NdArray npy_load(const std::string &path);  // npy_read_data(path, npy_read_header(path))
NdArray npy_parse(const std::uint8_t *bytes, std::size_t len, const std::string &what);
void npy_save(const std::string &path, const NdArray &a);
std::vector<std::uint8_t> npy_serialize(const NdArray &a);

}  // namespace tvmcrt::host
