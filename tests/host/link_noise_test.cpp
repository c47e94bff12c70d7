// SPDX-License-Identifier: Apache-2.0
// The link's retransmission budgets on silent, noisy and garbage-spewing devices, frames shrinking
// on a bad line, and what a device's own reports (receive losses, its max payload) do to a wait.
#include "link_rig.hpp"

using namespace tvmcrt::test::link_rig;

TEST(Link, SilentDeviceTimesOutInTime) {
  FakeScript s;
  s.silent = true;
  const auto start = std::chrono::steady_clock::now();
  std::string msg;
  EXPECT_EQ(class_of([&] { connect(s, 0.2, 2); }, &msg), ErrorClass::timeout);
  const double took = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  // 3 attempts of 0.2 s turnaround plus line time for a few hundred bytes at 50 KB/s.
  EXPECT_GT(took, 0.55);
  EXPECT_LT(took, 1.5);
  EXPECT_NE(msg.find("no response from the device on fake to Hello"), std::string::npos) << msg;
  EXPECT_NE(msg.find("after 2 retransmissions"), std::string::npos) << msg;
}

TEST(Link, GarbageAtAWrongBaudRateFailsWithinSeconds) {
  // Bytes come back, but never a frame of ours: twice the silent budget, each repeat at once.
  FakeScript s;
  s.garbage = true;
  const auto start = std::chrono::steady_clock::now();
  std::string msg;
  EXPECT_EQ(class_of([&] { connect(s, 0.5, 2); }, &msg), ErrorClass::timeout);
  EXPECT_LT(seconds_since(start), 3.0);
  EXPECT_NE(msg.find("no response from the device on fake to Hello"), std::string::npos) << msg;
  EXPECT_NE(msg.find("after 4 retransmissions"), std::string::npos) << msg;
  EXPECT_NE(msg.find("check the baud rate"), std::string::npos) << msg;
}

TEST(Link, NoisyLineGetsMoreRetransmissionsThanASilentOne) {
  // Hello answered six times in a row with a damaged frame (one payload byte flipped, the header
  // naming the request intact): more than the two retransmissions a silent device gets, but the
  // device is heard, so the host keeps asking, and at once instead of at each 0.5 s deadline.
  FakeScript s;
  s.corrupt_response = {0, 1, 2, 3, 4, 5};
  const auto start = std::chrono::steady_clock::now();
  auto r = connect(s, 0.5, 2);
  EXPECT_LT(seconds_since(start), 2.0);  // six deadlines would be over 3 s
  EXPECT_EQ(r.dev->models().at(0).name(), "m");
  EXPECT_EQ(r.dev->link_stats().bad_frames, 6u);
  EXPECT_EQ(r.dev->link_stats().retransmits, 6u);
  round_trip(*r.dev, 1000);
}

TEST(Link, TooNoisyALineEndsWithATimeoutSayingSo) {
  FakeScript s;
  for (int i = 1; i < 100; ++i) s.corrupt_response.insert(i);
  std::string msg;
  EXPECT_EQ(class_of([&] { connect(s, 0.2, 2, 5); }, &msg), ErrorClass::timeout);
  EXPECT_NE(msg.find("no intact response from the device on fake to ModelInfo"), std::string::npos) << msg;
  EXPECT_NE(msg.find("after 5 retransmissions, although it answers (6 corrupted frames received"),
            std::string::npos) << msg;
  EXPECT_NE(msg.find("--noise-retries"), std::string::npos) << msg;
}

TEST(Link, DeviceFallingSilentGetsTheSilentBudget) {
  FakeScript s;
  for (int i = 2; i < 100; ++i) s.drop_request.insert(i);  // answers Hello and ModelInfo, then nothing
  auto r = connect(s, 0.2, 2);
  const auto x = pattern(1000);
  std::string msg;
  const auto start = std::chrono::steady_clock::now();
  EXPECT_EQ(class_of([&] { r.dev->write_input(0, 0, x.data(), x.size()); }, &msg), ErrorClass::timeout);
  EXPECT_LT(seconds_since(start), 2.0);
  EXPECT_NE(msg.find("no response from the device on fake to WriteInput"), std::string::npos) << msg;
  EXPECT_NE(msg.find("after 2 retransmissions"), std::string::npos) << msg;
}

TEST(Link, NoisyLineShrinksFramesUntilTheyGetThrough) {
  // Frames with more than 150 payload bytes never arrive whole (as at a high bit error rate): the
  // host must give up on its 1 KiB chunks, both ways, and move the tensors in smaller ones.
  FakeScript s;
  s.max_payload = 1024;
  s.input_size = 5000;
  s.damage_requests_over = 150;
  s.damage_responses_over = 150;
  auto r = connect(s);
  round_trip(*r.dev, 5000);
  EXPECT_GE(r.dev->link_stats().naks, 3u);        // the 1 KiB WriteInputs
  EXPECT_GE(r.dev->link_stats().bad_frames, 3u);  // the answers to 1 KiB reads
}

TEST(Link, NoisyLineShrinksALargeReadUntilItGetsThrough) {
  // A 20,000-byte read the device offers in one response never arrives whole: the host asks for
  // quarters, and so on, until the answers get through, and every byte is right.
  FakeScript s;
  s.max_payload = 1024;
  s.input_size = 20000;
  s.max_read_length = 65536;
  s.damage_responses_over = 3000;
  auto r = connect(s);
  round_trip(*r.dev, 20000);
  EXPECT_GE(r.dev->link_stats().bad_frames, 8u);  // 4 tries at 20,000 bytes, 4 at 5,000
  EXPECT_GE(r.fake->reads(), 8 + 16);             // then sixteen 1,250-byte reads
}

TEST(Link, TimeoutNamesTheBytesTheDevicesPortLost) {
  // A UART overrunning: the device says so in its Status, then frames go missing for good.
  FakeScript s;
  s.rx_lost = 300;
  s.rx_lost_from = 1;
  for (int i = 2; i < 100; ++i) s.drop_request.insert(i);
  auto r = connect(s, 0.1, 1);
  EXPECT_EQ(r.dev->hello().status().rx_lost(), 0u);
  EXPECT_EQ(r.dev->device_rx_lost(), 300u);  // from the ModelInfo answer
  const auto x = pattern(1000);
  std::string msg;
  EXPECT_EQ(class_of([&] { r.dev->write_input(0, 0, x.data(), x.size()); }, &msg), ErrorClass::timeout);
  EXPECT_NE(msg.find("no response from the device on fake to WriteInput"), std::string::npos) << msg;
  EXPECT_NE(msg.find("the device reports 300 bytes lost by its port's receiver since it started (UART overruns"),
            std::string::npos) << msg;
}

TEST(Link, AnAbsurdMaxFramePayloadIsRefused) {
  // Found by fuzz_host_link: deadlines count the announced payload at the line rate, so 4 GB
  // frames made every wait seconds long here and days long on a UART.
  for (std::uint32_t payload : {63u, 65536u, 0xFFFFFFFFu}) {
    FakeScript s;
    s.max_payload = payload;
    std::string msg;
    EXPECT_EQ(class_of([&] { connect(s); }, &msg), ErrorClass::protocol) << payload;
    EXPECT_NE(msg.find("offers a max frame payload of " + std::to_string(payload) + " bytes (the protocol allows 64 "
                       "to 65535)"), std::string::npos) << msg;
  }
}
