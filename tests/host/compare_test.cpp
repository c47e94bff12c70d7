// SPDX-License-Identifier: Apache-2.0
// Comparison figures and numpy.allclose pass/fail.
#include <gtest/gtest.h>

#include <cmath>
#include <cstring>

#include "compare.hpp"
#include "error.hpp"

using namespace tvmcrt::host;

namespace {
NdArray floats(std::vector<float> v) {
  NdArray a;
  a.dtype = DType::float32;
  a.shape = {v.size()};
  a.data.resize(v.size() * 4);
  std::memcpy(a.data.data(), v.data(), a.data.size());  // little-endian host
  return a;
}
NdArray int8s(std::vector<std::int8_t> v) {
  NdArray a;
  a.dtype = DType::int8;
  a.shape = {1, v.size()};
  for (auto x : v) a.data.push_back(static_cast<std::uint8_t>(x));
  return a;
}
}  // namespace

TEST(Compare, FiguresForKnownVectors) {
  const auto c = compare(floats({1, 2, 3, 4}), floats({1, 2, 3, 6}), 0, 0);
  EXPECT_DOUBLE_EQ(c.max_abs, 2);
  EXPECT_EQ(c.max_abs_index, 3u);
  EXPECT_DOUBLE_EQ(c.rmse, 1);  // sqrt(4 / 4)
  EXPECT_NEAR(c.cosine, (1 + 4 + 9 + 24) / (std::sqrt(30.0) * std::sqrt(50.0)), 1e-12);
  EXPECT_EQ(c.argmax_actual, 3u);
  EXPECT_TRUE(c.top1_agrees);
  EXPECT_FALSE(c.pass);
  EXPECT_EQ(c.violations, 1u);
  EXPECT_EQ(c.first_violation, 3u);
}

TEST(Compare, AllcloseSemantics) {
  // |a-b| <= atol + rtol*|b|: the reference's magnitude scales the tolerance, not the output's.
  EXPECT_TRUE(compare(floats({101}), floats({100}), 0, 0.01).pass);
  EXPECT_FALSE(compare(floats({100}), floats({99}), 0, 0.01).pass);  // 1 > 0.99
  EXPECT_TRUE(compare(floats({0.5f}), floats({0}), 0.5, 0).pass);
  EXPECT_FALSE(compare(floats({NAN}), floats({NAN}), 1, 1).pass);
  EXPECT_TRUE(compare(floats({INFINITY}), floats({INFINITY}), 0, 0).pass);
}

TEST(Compare, Int8AndTop1) {
  const auto c = compare(int8s({-128, 5, 7}), int8s({-128, 9, 7}), 0, 0);
  EXPECT_EQ(c.argmax_actual, 2u);
  EXPECT_EQ(c.argmax_expected, 1u);
  EXPECT_FALSE(c.top1_agrees);
  EXPECT_DOUBLE_EQ(c.max_abs, 4);
  EXPECT_TRUE(compare(int8s({1, 2}), int8s({1, 2}), 0, 0).pass);
}

TEST(Compare, ElementCountMismatchIsAnError) {
  EXPECT_THROW(compare(int8s({1, 2}), int8s({1, 2, 3}), 0, 0), Error);
}
