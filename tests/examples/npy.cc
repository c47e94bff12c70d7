// SPDX-License-Identifier: Apache-2.0
#include "npy.h"

#include <cstring>
#include <fstream>
#include <iterator>
#include <sstream>
#include <stdexcept>

namespace {

[[noreturn]] void fail(const std::string &path, const std::string &what) {
  throw std::runtime_error(path + ": " + what);
}

// The value text after "'key': " in the header dict.
std::string field(const std::string &header, const std::string &key, const std::string &path) {
  const std::string tag = "'" + key + "': ";
  size_t at = header.find(tag);
  if (at == std::string::npos) fail(path, "npy header has no '" + key + "'");
  return header.substr(at + tag.size());
}

}  // namespace

size_t NpyArray::count() const {
  size_t n = 1;
  for (size_t d : shape) n *= d;
  return n;
}

NpyArray load_npy(const std::string &path, const std::string &descr, size_t item_size) {
  std::ifstream in(path, std::ios::binary);
  if (!in) fail(path, "cannot open (regenerate with the example's generate.py)");
  std::vector<uint8_t> file((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
  if (file.size() < 10 || std::memcmp(file.data(), "\x93NUMPY", 6) != 0)
    fail(path, "not an .npy file");
  if (file[6] != 1 || file[7] != 0) fail(path, "npy format version is not 1.0");
  size_t header_len = file[8] | (size_t(file[9]) << 8);
  if (10 + header_len > file.size()) fail(path, "truncated npy header");
  std::string header(file.begin() + 10, file.begin() + 10 + header_len);

  NpyArray a;
  std::string d = field(header, "descr", path);
  a.descr = d.substr(1, d.find('\'', 1) - 1);
  if (a.descr != descr) fail(path, "dtype is " + a.descr + ", expected " + descr);
  if (field(header, "fortran_order", path).rfind("False", 0) != 0)
    fail(path, "fortran_order arrays are not supported");
  std::string s = field(header, "shape", path);
  std::istringstream dims(s.substr(1, s.find(')') - 1));
  for (std::string dim; std::getline(dims, dim, ',');)
    if (dim.find_first_of("0123456789") != std::string::npos) a.shape.push_back(std::stoul(dim));

  a.data.assign(file.begin() + 10 + header_len, file.end());
  if (a.data.size() != a.count() * item_size)
    fail(path, "data size " + std::to_string(a.data.size()) + " does not match the shape");
  return a;
}
