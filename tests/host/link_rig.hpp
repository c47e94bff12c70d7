// SPDX-License-Identifier: Apache-2.0
// link_rig.hpp — what the link tests share: a Device connected to a scripted fake device over a
// socketpair, test data, and small checks.
#pragma once

#include <gtest/gtest.h>
#include <sys/socket.h>

#include <chrono>
#include <functional>
#include <memory>
#include <stdexcept>
#include <string>
#include <vector>

#include "device.hpp"
#include "error.hpp"
#include "fake_device.hpp"

namespace tvmcrt::test::link_rig {

using namespace tvmcrt::host;
using tvmcrt::test::FakeDevice;
using tvmcrt::test::FakeScript;

struct Rig {
  std::unique_ptr<FakeDevice> fake;
  std::unique_ptr<Device> dev;
};

// Device on one end of a socketpair, the fake on the other. Deadlines use a 50 KB/s line.
inline Rig connect(FakeScript script, double turnaround = 0.2, int retries = 4, int noisy_retries = 32) {
  int sv[2];
  if (socketpair(AF_UNIX, SOCK_STREAM, 0, sv) != 0) throw std::runtime_error("socketpair");
  Rig r;
  r.fake = std::make_unique<FakeDevice>(sv[1], script);
  auto io = std::make_unique<boost::asio::io_context>();
  auto t = transport_from_fd(*io, sv[0], "fake", 50000);
  DeviceOptions opt;
  opt.link.turnaround_s = turnaround;
  opt.link.max_retries = retries;
  opt.link.max_noisy_retries = noisy_retries;
  r.dev = std::make_unique<Device>(std::move(io), std::move(t), opt);
  return r;
}

inline std::vector<std::uint8_t> pattern(std::size_t n) {
  std::vector<std::uint8_t> v(n);
  for (std::size_t i = 0; i < n; ++i) v[i] = static_cast<std::uint8_t>(i * 7 + 3);
  return v;
}

// Runs write → execute → read and checks y = x + 1 byte for byte.
inline void round_trip(Device &dev, std::size_t n) {
  const auto x = pattern(n);
  dev.write_input(0, 0, x.data(), x.size());
  const auto r = dev.execute(0, 5);
  EXPECT_EQ(r.microseconds, 42u);
  const auto y = dev.read_output(0, 0);
  ASSERT_EQ(y.size(), n);
  for (std::size_t i = 0; i < n; ++i) ASSERT_EQ(y[i], static_cast<std::uint8_t>(x[i] + 1)) << "byte " << i;
}

inline ErrorClass class_of(const std::function<void()> &f, std::string *msg = nullptr) {
  try {
    f();
  } catch (const Error &e) {
    if (msg) *msg = e.what();
    return e.error_class();
  }
  ADD_FAILURE() << "no error";
  return ErrorClass::usage;
}

inline double seconds_since(std::chrono::steady_clock::time_point start) {
  return std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
}

}  // namespace tvmcrt::test::link_rig
