// SPDX-License-Identifier: Apache-2.0
// .npy reading and writing: versions, byte orders, Fortran order, every dtype, and the errors users
// see for broken files.
#include <gtest/gtest.h>

#include <cstdio>
#include <fstream>

#include "error.hpp"
#include "npy.hpp"

using namespace tvmcrt::host;

namespace {

// A file as numpy writes it: magic, version, header length, dict padded with spaces, '\n', data.
std::vector<std::uint8_t> npy_bytes(const std::string &dict, const std::vector<std::uint8_t> &data, int major = 1) {
  std::string h = dict;
  const std::size_t prefix = major == 1 ? 10 : 12;
  while ((prefix + h.size() + 1) % 64) h += ' ';
  h += '\n';
  std::vector<std::uint8_t> out = {0x93, 'N', 'U', 'M', 'P', 'Y', static_cast<std::uint8_t>(major), 0};
  out.push_back(static_cast<std::uint8_t>(h.size()));
  out.push_back(static_cast<std::uint8_t>(h.size() >> 8));
  if (major != 1) out.insert(out.end(), {0, 0});
  out.insert(out.end(), h.begin(), h.end());
  out.insert(out.end(), data.begin(), data.end());
  return out;
}

NdArray parse(const std::vector<std::uint8_t> &b) { return npy_parse(b.data(), b.size(), "t.npy"); }

std::string error_of(const std::vector<std::uint8_t> &b) {
  try {
    parse(b);
  } catch (const Error &e) {
    EXPECT_EQ(e.error_class(), ErrorClass::file);
    return e.what();
  }
  return "";
}

}  // namespace

TEST(Npy, ReadsInt8CVersion1) {
  const auto a = parse(npy_bytes("{'descr': '|i1', 'fortran_order': False, 'shape': (1, 3), }", {1, 0xff, 3}));
  EXPECT_EQ(a.dtype, DType::int8);
  EXPECT_EQ(a.shape, (std::vector<std::size_t>{1, 3}));
  EXPECT_EQ(a.data, (std::vector<std::uint8_t>{1, 0xff, 3}));
  EXPECT_EQ(element_as_double(a.dtype, a.data.data(), 1), -1.0);
}

TEST(Npy, ReadsVersions2And3) {
  for (int v : {2, 3}) {
    const auto a = parse(npy_bytes("{'descr': '<u2', 'fortran_order': False, 'shape': (2,), }", {1, 2, 3, 4}, v));
    EXPECT_EQ(a.dtype, DType::uint16);
    EXPECT_EQ(a.data, (std::vector<std::uint8_t>{1, 2, 3, 4}));
  }
}

TEST(Npy, SwapsBigEndianToLittle) {
  const auto a = parse(npy_bytes("{'descr': '>i4', 'fortran_order': False, 'shape': (2,), }",
                                 {0, 0, 1, 2, 0xff, 0xff, 0xff, 0xfe}));
  EXPECT_EQ(a.dtype, DType::int32);
  EXPECT_EQ(element_as_double(a.dtype, a.data.data(), 0), 258.0);
  EXPECT_EQ(element_as_double(a.dtype, a.data.data(), 1), -2.0);
}

TEST(Npy, TransposesFortranOrder) {
  // numpy.asfortranarray([[1, 2, 3], [4, 5, 6]], dtype=int8) stores columns: 1 4 2 5 3 6.
  const auto a = parse(npy_bytes("{'descr': '|i1', 'fortran_order': True, 'shape': (2, 3), }", {1, 4, 2, 5, 3, 6}));
  EXPECT_EQ(a.data, (std::vector<std::uint8_t>{1, 2, 3, 4, 5, 6}));
  // 3-D: shape (2, 2, 2), element [i][j][k] = 4i + 2j + k stored with i fastest.
  std::vector<std::uint8_t> f;
  for (int k = 0; k < 2; ++k)
    for (int j = 0; j < 2; ++j)
      for (int i = 0; i < 2; ++i) f.push_back(static_cast<std::uint8_t>(4 * i + 2 * j + k));
  const auto b = parse(npy_bytes("{'descr': '|u1', 'fortran_order': True, 'shape': (2, 2, 2), }", f));
  EXPECT_EQ(b.data, (std::vector<std::uint8_t>{0, 1, 2, 3, 4, 5, 6, 7}));
}

TEST(Npy, ReadsEveryDtype) {
  const struct {
    const char *descr;
    DType t;
  } cases[] = {{"|i1", DType::int8},    {"|u1", DType::uint8},    {"<i2", DType::int16},  {"<u2", DType::uint16},
               {"<i4", DType::int32},   {"<u4", DType::uint32},   {"<i8", DType::int64},  {"<u8", DType::uint64},
               {"<f2", DType::float16}, {"<f4", DType::float32},  {"<f8", DType::float64}, {"|b1", DType::boolean}};
  for (const auto &c : cases) {
    const std::vector<std::uint8_t> data(dtype_size(c.t) * 2, 0);
    const auto a = parse(npy_bytes(std::string("{'descr': '") + c.descr + "', 'fortran_order': False, 'shape': (2,), }", data));
    EXPECT_EQ(a.dtype, c.t) << c.descr;
  }
  // float16 1.5 = 0x3e00, float32 -2.5 = 0xc0200000
  const auto h = parse(npy_bytes("{'descr': '<f2', 'fortran_order': False, 'shape': (), }", {0x00, 0x3e}));
  EXPECT_EQ(h.shape.size(), 0u);
  EXPECT_EQ(element_as_double(h.dtype, h.data.data(), 0), 1.5);
  const auto f = parse(npy_bytes("{'descr': '<f4', 'fortran_order': False, 'shape': (1,), }", {0, 0, 0x20, 0xc0}));
  EXPECT_EQ(element_as_double(f.dtype, f.data.data(), 0), -2.5);
}

TEST(Npy, RoundTripsThroughSave) {
  NdArray a;
  a.dtype = DType::float32;
  a.shape = {2, 1, 3};
  for (int i = 0; i < 24; ++i) a.data.push_back(static_cast<std::uint8_t>(i));
  const auto bytes = npy_serialize(a);
  EXPECT_EQ(bytes[6], 1);  // version 1.0
  const std::size_t header_end = 10 + (bytes[8] | (bytes[9] << 8));
  EXPECT_EQ(header_end % 64, 0u);  // data aligned as numpy does
  EXPECT_EQ(bytes[header_end - 1], '\n');
  const std::string header(bytes.begin() + 10, bytes.begin() + static_cast<std::ptrdiff_t>(header_end));
  EXPECT_NE(header.find("'descr': '<f4', 'fortran_order': False, 'shape': (2, 1, 3), }"), std::string::npos) << header;
  const auto b = npy_parse(bytes.data(), bytes.size(), "x");
  EXPECT_EQ(b.dtype, a.dtype);
  EXPECT_EQ(b.shape, a.shape);
  EXPECT_EQ(b.data, a.data);
  a.shape = {24 / 4};
  const auto one = npy_serialize(a);
  EXPECT_NE(std::string(one.begin(), one.end()).find("'shape': (6,)"), std::string::npos);
}

TEST(Npy, SaveAndLoadFile) {
  NdArray a;
  a.dtype = DType::int64;
  a.shape = {2};
  a.data.assign(16, 7);
  const std::string path = ::testing::TempDir() + "/npy_test_roundtrip.npy";
  npy_save(path, a);
  EXPECT_EQ(npy_load(path).data, a.data);
  std::remove(path.c_str());
}

TEST(Npy, ErrorsNameTheProblem) {
  EXPECT_NE(error_of({'n', 'o', 't', ' ', 'n', 'p', 'y', 0, 0, 0, 0}).find("not a .npy file"), std::string::npos);
  auto truncated = npy_bytes("{'descr': '<i4', 'fortran_order': False, 'shape': (1, 4), }", {1, 2, 3});
  const std::string t = error_of(truncated);
  EXPECT_NE(t.find("truncated data"), std::string::npos) << t;
  EXPECT_NE(t.find("needs 16 bytes, the file holds 3"), std::string::npos) << t;
  const std::string d = error_of(npy_bytes("{'descr': '<c8', 'fortran_order': False, 'shape': (1,), }", {}));
  EXPECT_NE(d.find("unsupported dtype '<c8'"), std::string::npos) << d;
  const std::string o = error_of(npy_bytes("{'descr': '|O', 'fortran_order': False, 'shape': (1,), }", {}));
  EXPECT_NE(o.find("unsupported dtype '|O'"), std::string::npos) << o;
  const std::string m = error_of(npy_bytes("{'descr': '<i4', 'shape': (1,), }", {0, 0, 0, 0}));
  EXPECT_NE(m.find("malformed .npy header"), std::string::npos) << m;
  const std::string s = error_of(npy_bytes("{'descr': '<i4', 'fortran_order': False, 'shape': (x,), }", {}));
  EXPECT_NE(s.find("malformed .npy header"), std::string::npos) << s;
  auto v9 = npy_bytes("{'descr': '<i4', 'fortran_order': False, 'shape': (1,), }", {0, 0, 0, 0});
  v9[6] = 9;
  EXPECT_NE(error_of(v9).find("unsupported .npy format version 9.0"), std::string::npos);
  auto short_header = npy_bytes("{'descr': '<i4', 'fortran_order': False, 'shape': (1,), }", {});
  short_header.resize(40);
  EXPECT_NE(error_of(short_header).find("truncated .npy header"), std::string::npos);
  try {
    npy_load("/nonexistent/dir/x.npy");
    FAIL();
  } catch (const Error &e) {
    EXPECT_NE(std::string(e.what()).find("/nonexistent/dir/x.npy: cannot open"), std::string::npos) << e.what();
  }
}

TEST(Npy, SliceTakesOneSample) {
  const auto a = parse(npy_bytes("{'descr': '|u1', 'fortran_order': False, 'shape': (3, 1, 2), }", {1, 2, 3, 4, 5, 6}));
  const auto s = a.slice(1);
  EXPECT_EQ(s.shape, (std::vector<std::size_t>{1, 2}));
  EXPECT_EQ(s.data, (std::vector<std::uint8_t>{3, 4}));
}

TEST(Npy, DamagedFilesFailCleanly) {
  // Every truncation and many random byte changes of a valid file either parse or throw
  // Error(file): never a crash, a hang or another exception type.
  const auto good = npy_bytes("{'descr': '<f4', 'fortran_order': True, 'shape': (3, 2), }", std::vector<std::uint8_t>(24, 1));
  auto parses_or_file_error = [](const std::vector<std::uint8_t> &b) {
    try {
      npy_parse(b.data(), b.size(), "t.npy");
    } catch (const Error &e) {
      EXPECT_EQ(e.error_class(), ErrorClass::file);
    }
  };
  for (std::size_t n = 0; n < good.size(); ++n)
    parses_or_file_error(std::vector<std::uint8_t>(good.begin(), good.begin() + static_cast<std::ptrdiff_t>(n)));
  std::uint32_t rng = 12345;
  for (int i = 0; i < 5000; ++i) {
    auto b = good;
    for (int k = 0; k < 3; ++k) {
      rng = rng * 1664525u + 1013904223u;
      b[(rng >> 8) % b.size()] = static_cast<std::uint8_t>(rng >> 24);
    }
    parses_or_file_error(b);
  }
}
