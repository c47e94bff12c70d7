// SPDX-License-Identifier: Apache-2.0
// text_table_test.cpp — the error sentence tables the device and tvmcrt-host share
// (proto/errors/tvmcrt_agent_texts.h, runtime/include/tvmcrt/tvmcrt_error_texts.h): every row's
// arguments match its format, the numbers run on without gaps, and the host writes every row
// exactly as the device's own formatter (TVMCrtTextFormat) does from the same numbers.
#include <gtest/gtest.h>

#include <string>

#include "error_text.hpp"
#include "tvmcrt/tvmcrt_text.h"

namespace {

using tvmcrt::host::error_text;
using tvmcrt::host::text_rows;

// The kinds the format's conversions need, in order: 'U' for %u %d %x, 'S' for %s.
std::string conversions(const char *fmt) {
  std::string kinds;
  for (const char *f = fmt; *f; ++f) {
    if (*f != '%') continue;
    ++f;
    if (*f == 's') kinds += 'S';
    else if (*f == 'u' || *f == 'd' || *f == 'x') kinds += 'U';
    else if (*f != '%') kinds += '?';
  }
  return kinds;
}

std::string kinds_of(std::uint32_t id) {
  std::string kinds;
  for (std::uint32_t i = 0; i < TVMCRT_TEXT_COUNT(id); ++i) kinds += TVMCRT_TEXT_KIND(id, i) == TVMCRT_TEXT_KIND_U ? 'U' : 'S';
  return kinds;
}

TEST(TextTable, EveryRowsArgumentsMatchItsFormat) {
  for (const auto &r : text_rows()) {
    EXPECT_EQ(kinds_of(r.id), conversions(r.format)) << "text " << TVMCRT_TEXT_NUMBER(r.id) << ": " << r.format;
    EXPECT_LE(TVMCRT_TEXT_COUNT(r.id), static_cast<std::uint32_t>(TVMCRT_TEXT_MAX_ARGS));
    EXPECT_NE(r.code, 0u) << r.format;
  }
}

TEST(TextTable, NumbersRunOnWithoutGaps) {
  // The agent's own texts (TVMCRT_AGENT_ERROR_TEXTS) find a row by its number as an index.
  std::uint32_t agent = 1, runtime = 100;
  for (const auto &r : text_rows()) {
    const std::uint32_t n = TVMCRT_TEXT_NUMBER(r.id);
    if (n < 100) EXPECT_EQ(n, agent++) << r.format;
    else EXPECT_EQ(n, runtime++) << r.format;
  }
  EXPECT_GT(agent, 30u);
  EXPECT_GT(runtime, 130u);
}

TEST(TextTable, TheHostWritesEveryRowAsTheDeviceDoes) {
  const char *strings[] = {"add_one", "input_1", "sram", "(null)"};
  for (const auto &r : text_rows()) {
    TVMCrtErrorText e{};
    e.code = r.code;
    e.text = r.id;
    tvmcrt::wire::ErrorText w;
    w.set_text(r.id);
    for (std::uint32_t i = 0; i < TVMCRT_TEXT_COUNT(r.id); ++i) {
      if (TVMCRT_TEXT_KIND(r.id, i) == TVMCRT_TEXT_KIND_S) {
        e.args[i].s = strings[i % 4];
        w.add_strings(strings[i % 4]);
      } else {
        // Large, negative as %d, and a request type for T arguments.
        const std::uint32_t v = TVMCRT_TEXT_KIND(r.id, i) == TVMCRT_TEXT_KIND_T ? 5u : 0xFFFFFFF0u - 977u * i;
        e.args[i].u = v;
        w.add_numbers(v);
      }
    }
    char device[512];
    TVMCrtTextFormat(device, sizeof device, r.format, &e, tvmcrt::host::request_name);
    EXPECT_EQ(error_text(w), device) << "text " << TVMCRT_TEXT_NUMBER(r.id);
  }
}

TEST(TextTable, TheMalformedRequestTextNamesTheMessage) {
  tvmcrt::wire::ErrorText w;
  w.set_text(8 | TVMCRT_TEXT_ARGS2(T, U));
  w.add_numbers(4);
  w.add_numbers(3);
  EXPECT_EQ(error_text(w),
            "WriteInputRequest is not a valid protobuf message (3 bytes): host and device disagree on tvmcrt.proto");
}

TEST(TextTable, AnUnknownOrMismatchedTextIsShownAsItCameNeverAsAWrongSentence) {
  tvmcrt::wire::ErrorText unknown;
  unknown.set_text(99 | TVMCRT_TEXT_ARGS1(U));
  unknown.add_numbers(42);
  EXPECT_EQ(error_text(unknown),
            "error text 99 with numbers [42] and strings [] (this tvmcrt-host does not know that text: use a "
            "tvmcrt-host from the same tvmcrt release as the firmware)");
  tvmcrt::wire::ErrorText mismatched;  // the write gap row, but with one number and a string fewer
  mismatched.set_text(19 | TVMCRT_TEXT_ARGS4(U, U, U, S));
  mismatched.add_numbers(1);
  mismatched.add_strings("x");
  const std::string t = error_text(mismatched);
  EXPECT_EQ(t.rfind("error text 19 with numbers [1] and strings ['x'] (its arguments differ", 0), 0u) << t;
  EXPECT_EQ(error_text(tvmcrt::wire::ErrorText()), "");
}

}  // namespace
