// SPDX-License-Identifier: Apache-2.0
#include "npy.hpp"

#include <sys/stat.h>

#include <algorithm>
#include <cctype>
#include <cerrno>
#include <cstring>
#include <fstream>
#include <sstream>

#include "error.hpp"

namespace tvmcrt::host {
namespace {

constexpr char kMagic[] = "\x93NUMPY";
constexpr std::size_t kMagicLen = 6;
constexpr std::size_t kMaxHeader = 1 << 20;  // numpy's own headers are a few hundred bytes

[[noreturn]] void fail(const std::string &what, const std::string &msg) {
  throw Error(ErrorClass::file, what + ": " + msg);
}

// The npy header is a Python dict literal; this is the small subset numpy writes and reads.
class HeaderParser {
 public:
  HeaderParser(const std::string &text, const std::string &what) : s_(text), what_(what) {}

  void parse(std::string &descr, bool &fortran, std::vector<std::size_t> &shape) {
    bool got_descr = false, got_order = false, got_shape = false;
    expect('{');
    while (true) {
      skip_ws();
      if (peek() == '}') break;
      const std::string key = parse_string();
      expect(':');
      if (key == "descr") {
        descr = parse_string();
        got_descr = true;
      } else if (key == "fortran_order") {
        fortran = parse_bool();
        got_order = true;
      } else if (key == "shape") {
        shape = parse_shape();
        got_shape = true;
      } else {
        bad("unexpected key '" + key + "'");
      }
      skip_ws();
      if (peek() == ',') ++pos_;
    }
    if (!got_descr || !got_order || !got_shape)
      bad("header lacks one of 'descr', 'fortran_order', 'shape'");
  }

 private:
  [[noreturn]] void bad(const std::string &msg) {
    fail(what_, "malformed .npy header (" + msg + ") in \"" + s_.substr(0, 120) + "\"; re-save it with numpy.save");
  }
  void skip_ws() {
    while (pos_ < s_.size() && std::isspace(static_cast<unsigned char>(s_[pos_]))) ++pos_;
  }
  char peek() {
    skip_ws();
    if (pos_ >= s_.size()) bad("ends early");
    return s_[pos_];
  }
  void expect(char c) {
    if (peek() != c) bad(std::string("expected '") + c + "'");
    ++pos_;
  }
  std::string parse_string() {
    const char q = peek();
    if (q != '\'' && q != '"') bad("expected a quoted string");
    const std::size_t end = s_.find(q, ++pos_);
    if (end == std::string::npos) bad("unterminated string");
    std::string out = s_.substr(pos_, end - pos_);
    pos_ = end + 1;
    return out;
  }
  bool parse_bool() {
    skip_ws();
    if (s_.compare(pos_, 4, "True") == 0) return pos_ += 4, true;
    if (s_.compare(pos_, 5, "False") == 0) return pos_ += 5, false;
    bad("fortran_order is neither True nor False");
  }
  std::vector<std::size_t> parse_shape() {
    std::vector<std::size_t> shape;
    expect('(');
    while (peek() != ')') {
      if (!std::isdigit(static_cast<unsigned char>(s_[pos_]))) bad("shape holds a non-number");
      std::size_t v = 0;
      while (pos_ < s_.size() && std::isdigit(static_cast<unsigned char>(s_[pos_]))) {
        if (v > (SIZE_MAX - 9) / 10) bad("shape dimension too large");
        v = v * 10 + static_cast<std::size_t>(s_[pos_++] - '0');
      }
      if (pos_ < s_.size() && s_[pos_] == 'L') ++pos_;  // Python 2 longs
      shape.push_back(v);
      if (peek() == ',') ++pos_;
    }
    ++pos_;
    return shape;
  }

  const std::string &s_;
  const std::string &what_;
  std::size_t pos_ = 0;
};

// descr such as "<f4", "|i1", ">u2", "|b1"; sets the dtype and whether bytes must be swapped.
DType parse_descr(const std::string &descr, bool &swap, const std::string &what) {
  if (descr == "?" || descr == "|b1" || descr == "b1") return swap = false, DType::boolean;
  if (descr.size() >= 3 && (descr[0] == '<' || descr[0] == '>' || descr[0] == '|' || descr[0] == '=')) {
    const char kind = descr[1];
    const std::string bytes = descr.substr(2);
    static const struct {
      char kind;
      const char *bytes;
      DType t;
    } table[] = {
        {'i', "1", DType::int8},     {'u', "1", DType::uint8},    {'i', "2", DType::int16},
        {'u', "2", DType::uint16},   {'i', "4", DType::int32},    {'u', "4", DType::uint32},
        {'i', "8", DType::int64},    {'u', "8", DType::uint64},   {'f', "2", DType::float16},
        {'f', "4", DType::float32},  {'f', "8", DType::float64},  {'b', "1", DType::boolean},
    };
    for (const auto &row : table) {
      if (row.kind == kind && bytes == row.bytes) {
        swap = descr[0] == '>' && dtype_size(row.t) > 1;
        return row.t;
      }
    }
  }
  fail(what, "unsupported dtype '" + descr +
                 "'; tvmcrt-host reads int8/16/32/64, uint8/16/32/64, float16/32/64 and bool "
                 "(convert with arr.astype(...))");
}

// Reorders Fortran-order (column-major) data into C order.
std::vector<std::uint8_t> fortran_to_c(const std::vector<std::uint8_t> &src, const std::vector<std::size_t> &shape,
                                       std::size_t esize) {
  std::vector<std::uint8_t> dst(src.size());
  const std::size_t n = esize ? src.size() / esize : 0;
  const std::size_t nd = shape.size();
  std::vector<std::size_t> idx(nd, 0);  // C-order multi-index of element k
  for (std::size_t k = 0; k < n; ++k) {
    std::size_t f = 0, stride = 1;  // its position in the Fortran layout
    for (std::size_t d = 0; d < nd; ++d) {
      f += idx[d] * stride;
      stride *= shape[d];
    }
    std::memcpy(&dst[k * esize], &src[f * esize], esize);
    for (std::size_t d = nd; d-- > 0;) {  // advance the C-order index, last axis fastest
      if (++idx[d] < shape[d]) break;
      idx[d] = 0;
    }
  }
  return dst;
}

std::string descr_for(DType t) {
  switch (t) {
    case DType::int8: return "|i1";
    case DType::uint8: return "|u1";
    case DType::boolean: return "|b1";
    case DType::int16: return "<i2";
    case DType::uint16: return "<u2";
    case DType::int32: return "<i4";
    case DType::uint32: return "<u4";
    case DType::int64: return "<i8";
    case DType::uint64: return "<u8";
    case DType::float16: return "<f2";
    case DType::float32: return "<f4";
    case DType::float64: return "<f8";
    case DType::unknown: break;
  }
  throw Error(ErrorClass::usage, "cannot save an array of unknown dtype");
}

}  // namespace

std::size_t NdArray::element_count() const {
  std::size_t n = 1;
  for (std::size_t d : shape) n *= d;
  return n;
}

std::string NdArray::shape_string() const {
  std::ostringstream os;
  os << '[';
  for (std::size_t i = 0; i < shape.size(); ++i) os << (i ? ", " : "") << shape[i];
  os << ']';
  return os.str();
}

NdArray NdArray::slice(std::size_t i) const {
  NdArray out;
  out.dtype = dtype;
  out.shape.assign(shape.begin() + (shape.empty() ? 0 : 1), shape.end());
  const std::size_t bytes = out.element_count() * dtype_size(dtype);
  out.data.assign(data.begin() + static_cast<std::ptrdiff_t>(i * bytes),
                  data.begin() + static_cast<std::ptrdiff_t>((i + 1) * bytes));
  return out;
}

NpyHeader npy_parse_header(const std::uint8_t *bytes, std::size_t len, std::uint64_t file_size,
                           const std::string &what) {
  if (len < kMagicLen + 4 || std::memcmp(bytes, kMagic, kMagicLen) != 0)
    fail(what, "not a .npy file (no \\x93NUMPY magic); save arrays with numpy.save");
  const int major = bytes[6];
  std::size_t header_len, pos;
  if (major == 1) {
    header_len = bytes[8] | (static_cast<std::size_t>(bytes[9]) << 8);
    pos = 10;
  } else if (major == 2 || major == 3) {
    if (len < 12) fail(what, "truncated .npy header");
    header_len = bytes[8] | (static_cast<std::size_t>(bytes[9]) << 8) | (static_cast<std::size_t>(bytes[10]) << 16) |
                 (static_cast<std::size_t>(bytes[11]) << 24);
    pos = 12;
  } else {
    fail(what, "unsupported .npy format version " + std::to_string(major) + "." + std::to_string(bytes[7]) +
                   " (1.0, 2.0 and 3.0 are read)");
  }
  if (header_len > kMaxHeader) fail(what, "a .npy header of " + std::to_string(header_len) + " bytes is not numpy's");
  if (header_len > len - pos) fail(what, "truncated .npy header (file ends inside it)");
  const std::string header(reinterpret_cast<const char *>(bytes + pos), header_len);
  pos += header_len;

  std::string descr;
  NpyHeader h;
  HeaderParser(header, what).parse(descr, h.fortran, h.array.shape);
  h.array.dtype = parse_descr(descr, h.swap, what);
  const std::size_t esize = dtype_size(h.array.dtype);
  std::size_t n = 1;
  for (std::size_t d : h.array.shape) {
    if (d && n > SIZE_MAX / d / esize) fail(what, "shape " + h.array.shape_string() + " is too large");
    n *= d;
  }
  h.data_offset = pos;
  h.data_bytes = n * esize;
  if (file_size - pos < h.data_bytes)
    fail(what, "truncated data: shape " + h.array.shape_string() + " of " + dtype_name(h.array.dtype) + " needs " +
                   std::to_string(h.data_bytes) + " bytes, the file holds " + std::to_string(file_size - pos));
  return h;
}

namespace {

// Reads the data of a parsed header into h.array (byte-swapped and C-ordered as needed).
NdArray finish(NpyHeader h, const std::uint8_t *data) {
  NdArray a = std::move(h.array);
  const std::size_t esize = dtype_size(a.dtype), n = esize ? h.data_bytes / esize : 0;
  a.data.assign(data, data + h.data_bytes);
  if (h.swap)
    for (std::size_t k = 0; k < n; ++k) std::reverse(&a.data[k * esize], &a.data[k * esize] + esize);
  if (h.fortran && a.shape.size() > 1) a.data = fortran_to_c(a.data, a.shape, esize);
  return a;
}

// Opens a regular file: a directory, FIFO or device (/dev/zero) is refused before anything is read.
std::ifstream open_regular(const std::string &path, std::uint64_t &size) {
  struct stat st {};
  if (::stat(path.c_str(), &st) != 0) fail(path, std::string("cannot open: ") + std::strerror(errno));
  if (S_ISDIR(st.st_mode)) fail(path, "is a directory, not a .npy file; name the file inside it");
  if (!S_ISREG(st.st_mode))
    fail(path, "is not a regular file (a FIFO, socket or device); save the array with numpy.save and pass that file");
  std::ifstream f(path, std::ios::binary);
  if (!f) fail(path, std::string("cannot open: ") + std::strerror(errno));
  size = static_cast<std::uint64_t>(st.st_size);
  return f;
}

}  // namespace

NpyHeader npy_read_header(const std::string &path) {
  std::uint64_t size = 0;
  std::ifstream f = open_regular(path, size);
  std::vector<std::uint8_t> head(static_cast<std::size_t>(std::min<std::uint64_t>(size, 12)));
  f.read(reinterpret_cast<char *>(head.data()), static_cast<std::streamsize>(head.size()));
  if (head.size() >= 10 && std::memcmp(head.data(), kMagic, kMagicLen) == 0) {
    const std::size_t header_len = head[6] == 1 ? (head[8] | (head[9] << 8)) : 0;
    const std::size_t want =
        head[6] == 1 ? 10 + header_len : std::min<std::uint64_t>(size, 12 + kMaxHeader);  // v2/v3: up to the cap
    head.resize(static_cast<std::size_t>(std::min<std::uint64_t>(size, want)));
    f.seekg(0);
    f.read(reinterpret_cast<char *>(head.data()), static_cast<std::streamsize>(head.size()));
  }
  if (f.bad()) fail(path, std::string("read error: ") + std::strerror(errno));
  return npy_parse_header(head.data(), head.size(), size, path);
}

NdArray npy_read_data(const std::string &path, const NpyHeader &h) {
  std::uint64_t size = 0;
  std::ifstream f = open_regular(path, size);
  if (size < h.data_offset + h.data_bytes) fail(path, "the file became shorter while it was being read");
  std::vector<std::uint8_t> data(h.data_bytes);
  f.seekg(static_cast<std::streamoff>(h.data_offset));
  f.read(reinterpret_cast<char *>(data.data()), static_cast<std::streamsize>(data.size()));
  if (!f) fail(path, std::string("read error: ") + std::strerror(errno));
  return finish(h, data.data());
}

NdArray npy_parse(const std::uint8_t *bytes, std::size_t len, const std::string &what) {
  NpyHeader h = npy_parse_header(bytes, len, len, what);
  const std::uint8_t *data = bytes + h.data_offset;
  return finish(std::move(h), data);
}

NdArray npy_load(const std::string &path) { return npy_read_data(path, npy_read_header(path)); }

std::vector<std::uint8_t> npy_serialize(const NdArray &a) {
  std::string shape = "(";
  for (std::size_t i = 0; i < a.shape.size(); ++i) shape += (i ? ", " : "") + std::to_string(a.shape[i]);
  shape += a.shape.size() == 1 ? ",)" : ")";  // "(3,)" is a tuple, "(3)" is not
  std::string dict = "{'descr': '" + descr_for(a.dtype) + "', 'fortran_order': False, 'shape': " + shape;
  dict += ", }";
  // Pad with spaces so the data starts on a 64-byte boundary, newline last (as numpy does).
  const bool v2 = dict.size() + 11 > 65535;
  const std::size_t prefix = v2 ? 12 : 10;
  const std::size_t total = (prefix + dict.size() + 1 + 63) / 64 * 64;
  dict.append(total - prefix - dict.size() - 1, ' ');
  dict += '\n';
  std::vector<std::uint8_t> out(kMagic, kMagic + kMagicLen);
  out.push_back(v2 ? 2 : 1);
  out.push_back(0);
  const std::size_t hl = dict.size();
  out.push_back(static_cast<std::uint8_t>(hl));
  out.push_back(static_cast<std::uint8_t>(hl >> 8));
  if (v2) {
    out.push_back(static_cast<std::uint8_t>(hl >> 16));
    out.push_back(static_cast<std::uint8_t>(hl >> 24));
  }
  out.insert(out.end(), dict.begin(), dict.end());
  out.insert(out.end(), a.data.begin(), a.data.end());
  return out;
}

void npy_save(const std::string &path, const NdArray &a) {
  const std::vector<std::uint8_t> bytes = npy_serialize(a);
  std::ofstream f(path, std::ios::binary | std::ios::trunc);
  if (!f) fail(path, std::string("cannot write: ") + std::strerror(errno) + " (is the directory writable?)");
  f.write(reinterpret_cast<const char *>(bytes.data()), static_cast<std::streamsize>(bytes.size()));
  f.close();
  if (!f) fail(path, std::string("write failed: ") + std::strerror(errno));
}

}  // namespace tvmcrt::host
