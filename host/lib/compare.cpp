// SPDX-License-Identifier: Apache-2.0
#include "compare.hpp"

#include <cmath>

#include "error.hpp"

namespace tvmcrt::host {

std::size_t argmax(const NdArray &a) {
  std::size_t best = 0;
  const std::size_t n = a.element_count();
  for (std::size_t i = 1; i < n; ++i)
    if (element_as_double(a.dtype, a.data.data(), i) > element_as_double(a.dtype, a.data.data(), best)) best = i;
  return best;
}

Comparison compare(const NdArray &actual, const NdArray &expected, double atol, double rtol) {
  Comparison c;
  c.count = actual.element_count();
  if (c.count != expected.element_count())
    throw Error(ErrorClass::usage, "cannot compare " + std::to_string(c.count) + " elements with a reference of " +
                                       std::to_string(expected.element_count()) + " (shape " +
                                       expected.shape_string() + ")");
  double sum_sq = 0, dot = 0, na = 0, nb = 0;
  for (std::size_t i = 0; i < c.count; ++i) {
    const double a = element_as_double(actual.dtype, actual.data.data(), i);
    const double b = element_as_double(expected.dtype, expected.data.data(), i);
    const double d = std::fabs(a - b);
    const bool close = d <= atol + rtol * std::fabs(b) || (a == b);  // a == b covers equal infinities
    if (!close) {
      if (c.violations == 0) c.first_violation = i;
      ++c.violations;
    }
    if (!(d <= c.max_abs)) {  // also takes NaN, so a NaN shows up in max_abs
      c.max_abs = d;
      c.max_abs_index = i;
    }
    sum_sq += d * d;
    dot += a * b;
    na += a * a;
    nb += b * b;
  }
  if (c.count) c.rmse = std::sqrt(sum_sq / static_cast<double>(c.count));
  if (na > 0 && nb > 0) c.cosine = dot / (std::sqrt(na) * std::sqrt(nb));
  else if (na > 0 || nb > 0) c.cosine = 0;
  c.argmax_actual = argmax(actual);
  c.argmax_expected = argmax(expected);
  c.top1_agrees = c.argmax_actual == c.argmax_expected;
  c.pass = c.violations == 0;
  return c;
}

}  // namespace tvmcrt::host
