// SPDX-License-Identifier: Apache-2.0
// The fault model of tvmcrt-linksim: rates come out as configured, a seed repeats a run, timing
// follows the baud rate, latency and stalls.
#include <gtest/gtest.h>

#include <vector>

#include "impair.hpp"
#include "options.hpp"

using linksim::Direction;
using linksim::Impairments;

namespace {

std::vector<std::uint8_t> pattern(std::size_t n) {
  std::vector<std::uint8_t> v(n);
  for (std::size_t i = 0; i < n; ++i) v[i] = static_cast<std::uint8_t>(i * 7 + 3);
  return v;
}

std::vector<std::uint8_t> run(const Impairments &imp, std::uint64_t seed, const std::vector<std::uint8_t> &in,
                              linksim::Counters *c = nullptr) {
  Direction d(imp, seed);
  d.push(in.data(), in.size(), 0.0);
  std::vector<std::uint8_t> out;
  d.take_due(1e12, out);
  if (c) *c = d.counters();
  return out;
}

}  // namespace

TEST(Impair, CleanLinkPassesEveryByte) {
  const auto in = pattern(10000);
  linksim::Counters c;
  EXPECT_EQ(run(Impairments{}, 1, in, &c), in);
  EXPECT_EQ(c.bytes_in, 10000u);
  EXPECT_EQ(c.bits_flipped + c.dropped + c.duplicated + c.inserted + c.bursts, 0u);
}

TEST(Impair, BitErrorRateMatchesAndCountsAreExact) {
  Impairments imp;
  imp.ber = 1e-3;
  const auto in = pattern(200000);  // 1.6 M bits: ~1600 flips expected
  linksim::Counters c;
  const auto out = run(imp, 42, in, &c);
  ASSERT_EQ(out.size(), in.size());
  std::uint64_t flipped_bits = 0;
  for (std::size_t i = 0; i < in.size(); ++i) flipped_bits += __builtin_popcount(in[i] ^ out[i]);
  EXPECT_EQ(flipped_bits, c.bits_flipped);
  EXPECT_GT(c.bits_flipped, 1400u);
  EXPECT_LT(c.bits_flipped, 1800u);
}

TEST(Impair, SameSeedSameFaultsOtherSeedOthers) {
  Impairments imp;
  imp.ber = 1e-3;
  imp.drop = 0.01;
  imp.dup = 0.01;
  imp.insert = 0.01;
  imp.burst = 0.001;
  const auto in = pattern(50000);
  EXPECT_EQ(run(imp, 7, in), run(imp, 7, in));
  EXPECT_NE(run(imp, 7, in), run(imp, 8, in));
}

TEST(Impair, DropDupInsertBurstRates) {
  Impairments imp;
  imp.drop = 0.05;
  imp.dup = 0.02;
  imp.insert = 0.01;
  imp.burst = 0.001;
  imp.burst_len = 8;
  linksim::Counters c;
  const auto out = run(imp, 3, pattern(100000), &c);
  EXPECT_NEAR(static_cast<double>(c.dropped), 5000, 400);
  EXPECT_NEAR(static_cast<double>(c.duplicated), 0.02 * 95000, 250);
  EXPECT_NEAR(static_cast<double>(c.inserted), 1000, 150);
  EXPECT_NEAR(static_cast<double>(c.bursts), 100, 40);
  EXPECT_LE(c.burst_bytes, c.bursts * 8);
  EXPECT_EQ(out.size(), 100000 - c.dropped + c.duplicated + c.inserted + c.burst_bytes);
}

TEST(Impair, BaudRateAndLatencySetDepartureTimes) {
  Impairments imp;
  imp.baud = 10000;  // 1000 bytes/s
  imp.latency_s = 0.5;
  Direction d(imp, 1);
  const auto in = pattern(100);
  d.push(in.data(), in.size(), 10.0);
  EXPECT_NEAR(d.next_due(), 10.5, 1e-9);
  std::vector<std::uint8_t> out;
  d.take_due(10.5 + 0.0495, out);  // bytes 0..49 leave by 10.5 + 49 ms
  EXPECT_EQ(out.size(), 50u);
  d.take_due(10.6, out);
  EXPECT_EQ(out, in);
}

TEST(Impair, StallsHoldBytesBack) {
  Impairments imp;
  imp.baud = 10000;  // 100 bytes take 0.1 s
  imp.stall_every_s = 0.01;
  imp.stall_for_s = 1.0;
  Direction d(imp, 5);
  const auto in = pattern(100);
  d.push(in.data(), in.size(), 0.0);
  std::vector<std::uint8_t> out;
  d.take_due(0.1, out);
  EXPECT_LT(out.size(), 100u);
  EXPECT_GE(d.counters().stalls, 1u);
  d.take_due(1e9, out);
  EXPECT_EQ(out, in);  // delayed, never changed
}

TEST(Options, DirectionPrefixesAndErrors) {
  linksim::Options o;
  const char *argv[] = {"linksim", "--listen", "0", "--connect", "5555", "--ber", "1e-4", "--down-drop", "0.05",
                        "--up-baud", "115200"};
  ASSERT_EQ(linksim::parse_options(11, const_cast<char **>(argv), o), -1);
  EXPECT_EQ(o.up.ber, 1e-4);
  EXPECT_EQ(o.down.ber, 1e-4);
  EXPECT_EQ(o.down.drop, 0.05);
  EXPECT_EQ(o.up.drop, 0);
  EXPECT_EQ(o.up.baud, 115200);
  EXPECT_EQ(o.down.baud, 0);
  linksim::Options bad;
  const char *argv2[] = {"linksim", "--listen", "0", "--connect", "5555", "--ber", "2"};
  EXPECT_EQ(linksim::parse_options(7, const_cast<char **>(argv2), bad), 2);
  linksim::Options no_device;
  const char *argv3[] = {"linksim", "--listen", "0"};
  EXPECT_EQ(linksim::parse_options(3, const_cast<char **>(argv3), no_device), 2);
}
