// SPDX-License-Identifier: Apache-2.0
// compare.hpp — how close an output is to its reference: the figures users quote (max-abs error,
// RMSE, cosine similarity, top-1 agreement) and a pass/fail with numpy.allclose semantics,
// |actual - expected| <= atol + rtol * |expected|, NaN never close.
#pragma once

#include <cstddef>
#include <string>

#include "npy.hpp"

namespace tvmcrt::host {

struct Comparison {
  std::size_t count = 0;
  double max_abs = 0;        // max |a - b|
  std::size_t max_abs_index = 0;
  double rmse = 0;
  double cosine = 1;         // 1 when both are all zeros
  std::size_t argmax_actual = 0, argmax_expected = 0;
  bool top1_agrees = true;
  std::size_t violations = 0;  // elements outside atol + rtol*|expected|
  std::size_t first_violation = 0;
  bool pass = true;
};

// Element counts must match (Error usage otherwise); dtypes may differ (values compared as doubles).
Comparison compare(const NdArray &actual, const NdArray &expected, double atol, double rtol);

// Index of the largest element (first one on ties); 0 for an empty array.
std::size_t argmax(const NdArray &a);

}  // namespace tvmcrt::host
