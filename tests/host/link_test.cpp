// SPDX-License-Identifier: Apache-2.0
// The link layer and Device API against a scripted fake device over a socketpair: retransmission
// after lost requests, lost and corrupted responses and Naks; Execute never run twice; resets seen
// in Boot frames and boot ids. (Retransmission budgets, noise and silence: link_noise_test.cpp.)
#include "link_rig.hpp"

using namespace tvmcrt::test::link_rig;

TEST(Link, HelloAndModelInfo) {
  auto r = connect({});
  EXPECT_EQ(r.dev->hello().firmware_build_id(), "fake 1.0");
  ASSERT_EQ(r.dev->models().size(), 1u);
  EXPECT_EQ(r.dev->model_index(""), 0u);
  EXPECT_EQ(r.dev->model_index("m"), 0u);
  std::string msg;
  EXPECT_EQ(class_of([&] { r.dev->model_index("nope"); }, &msg), ErrorClass::usage);
  EXPECT_NE(msg.find("no model 'nope' on the device at fake; it has: m"), std::string::npos) << msg;
  EXPECT_EQ(class_of([&] { r.dev->input_index(0, "q"); }, &msg), ErrorClass::usage);
  EXPECT_NE(msg.find("has no input 'q'; its inputs are: x"), std::string::npos) << msg;
}

TEST(Link, WindowedTransferIsExact) {
  FakeScript s;
  s.max_payload = 64;  // 1000 bytes → 32 WriteInput chunks, 4 in flight
  auto r = connect(s);
  round_trip(*r.dev, 1000);
  EXPECT_EQ(r.dev->link_stats().retransmits, 0u);
}

TEST(Link, AReadIsAsLargeAsTheDeviceOffers) {
  // An agent that sends reads from the tensor offers more than its frame payload: 20,000 bytes
  // come back for one request; one that offers less (or an older agent) gets reads of that size.
  FakeScript s;
  s.max_payload = 1024;
  s.input_size = 20000;
  s.max_read_length = 65536;
  auto large = connect(s);
  round_trip(*large.dev, 20000);
  EXPECT_EQ(large.fake->reads(), 1);
  s.max_read_length = 700;
  auto small = connect(s);
  round_trip(*small.dev, 20000);
  EXPECT_EQ(small.fake->reads(), 29);  // ceil(20000 / 700)
  s.max_read_length = 0;  // not announced: what fits the frame payload
  auto unsaid = connect(s);
  round_trip(*unsaid.dev, 20000);
  EXPECT_EQ(unsaid.fake->reads(), 21);  // 1024 less the 48 bytes the host keeps for the fields
}

TEST(Link, LostResponseIsRetransmitted) {
  FakeScript s;
  s.max_payload = 64;
  s.drop_response = {5, 20};  // mid-stream WriteInput responses (2 = Hello, ModelInfo first)
  auto r = connect(s);
  round_trip(*r.dev, 1000);
  EXPECT_GE(r.dev->link_stats().retransmits, 2u);
}

TEST(Link, LostRequestResumesFromTheGap) {
  FakeScript s;
  s.max_payload = 64;
  s.drop_request = {4};  // later chunks hit AGENT_ERR_WRITE_GAP; the host resends from the gap
  auto r = connect(s);
  round_trip(*r.dev, 1000);
  EXPECT_GE(r.dev->link_stats().retransmits, 1u);
}

TEST(Link, ManyLostChunksInOneUploadAreAllResent) {
  // Every third request lost: some 100 write gaps in one upload (more than the 64 in a row allowed). Each is resent from where the
  // device stands; only gaps in a row at the same offset count against the host's limit.
  FakeScript s;
  s.max_payload = 64;  // 32-byte chunks
  s.input_size = 8000;
  for (int i = 3; i < 2000; i += 3) s.drop_request.insert(i);
  auto r = connect(s);
  round_trip(*r.dev, 8000);
}

TEST(Link, NakAndCorruptResponseAreRecovered) {
  FakeScript s;
  s.max_payload = 64;
  s.nak_request = {3};
  s.corrupt_response = {10};
  auto r = connect(s);
  round_trip(*r.dev, 1000);
  EXPECT_EQ(r.dev->link_stats().naks, 1u);
  EXPECT_GE(r.dev->link_stats().bad_frames, 1u);
}

TEST(Link, LostExecuteResponseDoesNotRunTwice) {
  FakeScript s;
  s.max_payload = 2000;  // one WriteInput: requests are Hello 0, ModelInfo 1, WriteInput 2, Execute 3
  s.drop_response = {3};
  auto r = connect(s);
  const auto start = std::chrono::steady_clock::now();
  round_trip(*r.dev, 1000);  // with a 5 s run timeout
  EXPECT_EQ(r.fake->executes(), 1);
  EXPECT_GE(r.dev->link_stats().probes, 1u);
  // Found by an early re-send, not after the whole run timeout.
  EXPECT_LT(std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count(), 2.0);
}

TEST(Link, ExecuteAnswersLostInARowCostSecondsNotTheRunTimeout) {
  FakeScript s;
  s.max_payload = 2000;       // requests: Hello 0, ModelInfo 1, WriteInput 2, Execute 3, then its probes
  s.drop_response = {3, 4, 5, 6, 7, 8};  // the Execute's answer and the next five probes' answers
  auto r = connect(s, 0.05);  // first probe after ~0.2 s
  const auto x = pattern(1000);
  r.dev->write_input(0, 0, x.data(), x.size());
  const auto start = std::chrono::steady_clock::now();
  r.dev->execute(0, 30);
  // Probe intervals double up to 8 times the first (found after ~6 s); uncapped they would reach
  // ~12 s here and tens of seconds on a real noisy line (BER 1e-3: 49 s seen).
  EXPECT_LT(std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count(), 8.0);
  EXPECT_EQ(r.fake->executes(), 1);
  EXPECT_GE(r.dev->link_stats().probes, 6u);
}

TEST(Link, DamagedExecuteAnswersAreAskedForAgainAtOnce) {
  FakeScript s;
  s.max_payload = 2000;                    // requests: Hello 0, ModelInfo 1, WriteInput 2, Execute 3
  s.corrupt_response = {3, 4, 5, 6, 7, 8};  // the Execute's answer and five answers to its probes
  auto r = connect(s, 0.2);
  const auto x = pattern(1000);
  r.dev->write_input(0, 0, x.data(), x.size());
  const auto start = std::chrono::steady_clock::now();
  r.dev->execute(0, 30);
  // Each damaged answer is followed by a probe at once; waiting for the probe intervals instead
  // (0.5, 1, 2, 4, 4 s here) would take over 10 s.
  EXPECT_LT(seconds_since(start), 3.0);
  EXPECT_EQ(r.fake->executes(), 1);
  EXPECT_EQ(r.dev->link_stats().bad_frames, 6u);
}

TEST(Link, BootIdChangeIsDeviceReset) {
  FakeScript s;
  s.max_payload = 2000;
  s.reboot_at = 3;
  auto r = connect(s);
  const auto x = pattern(1000);
  r.dev->write_input(0, 0, x.data(), x.size());
  std::string msg;
  EXPECT_EQ(class_of([&] { r.dev->execute(0, 5); }, &msg), ErrorClass::reset);
  EXPECT_NE(msg.find("reset during"), std::string::npos) << msg;
  EXPECT_NE(msg.find("boot id 7 became 8"), std::string::npos) << msg;
}

TEST(Link, BootFrameIsDeviceReset) {
  FakeScript s;
  s.max_payload = 64;
  s.boot_frame_at = 6;
  auto r = connect(s);
  const auto x = pattern(1000);
  std::string msg;
  EXPECT_EQ(class_of([&] { r.dev->write_input(0, 0, x.data(), x.size()); }, &msg), ErrorClass::reset);
  EXPECT_NE(msg.find("sent a Boot frame"), std::string::npos) << msg;
}

// A board starting as we connect: its Boot frame, then (later) the Nak of the part of our first
// request its UART heard while starting. The request goes again once, uncounted, and that Nak is
// the boot's, not the line's: no retransmission, no Nak counted (firmware.emulator saw one under load).
TEST(Link, TheNakOfAStartingBoardIsNotTheLines) {
  FakeScript s;
  s.boot_frame_at = 0;
  s.boot_nak_after_ms = 100;
  auto r = connect(s);
  EXPECT_EQ(r.dev->link_stats().retransmits, 0u);
  EXPECT_EQ(r.dev->link_stats().naks, 0u);
  const auto x = pattern(1000);
  r.dev->write_input(0, 0, x.data(), x.size());
}

// A telnet server reached as raw TCP mangles a Hello frame that holds a 0xFF byte (in its CRC or
// sequence number, by chance): Hello then never gets through, and the negotiation it sent still names
// the fix instead of a "noisy line".
TEST(Link, ATelnetServerIsNamedEvenWhenHelloNeverGetsThrough) {
  int sv[2];
  ASSERT_EQ(socketpair(AF_UNIX, SOCK_STREAM, 0, sv), 0);
  FakeScript s;
  s.telnet_greeting = true;
  for (int i = 0; i < 64; ++i) s.nak_request.insert(i);
  FakeDevice fake(sv[1], s);
  auto io = std::make_unique<boost::asio::io_context>();
  auto t = transport_from_fd(*io, sv[0], "socket://127.0.0.1:2000", 50000);
  DeviceOptions opt;
  opt.link.turnaround_s = 0.05;
  opt.link.max_noisy_retries = 3;
  std::string msg;
  EXPECT_EQ(class_of([&] { Device dev(std::move(io), std::move(t), opt); }, &msg), ErrorClass::transport);
  EXPECT_NE(msg.find("use rfc2217://127.0.0.1:2000 instead of socket://127.0.0.1:2000"), std::string::npos) << msg;
}

TEST(Link, WrongProtocolVersionNamesBoth) {
  // Firmware older and newer than this host; 2 is the version before ReadProfile (an old device
  // meeting a new host, which must stop at Hello rather than send it messages it does not know).
  for (std::uint32_t device : {1u, 2u, 4u}) {
    FakeScript s;
    s.protocol_version = device;
    std::string msg;
    EXPECT_EQ(class_of([&] { connect(s); }, &msg), ErrorClass::protocol);
    EXPECT_NE(msg.find("speaks tvmcrt protocol version " + std::to_string(device) +
                       ", this tvmcrt-host speaks version 3; flash firmware from the same tvmcrt release"),
              std::string::npos)
        << msg;
  }
}

TEST(Link, ModelFailureCarriesTheDeviceText) {
  FakeScript s;
  s.model_fails = true;
  auto r = connect(s);
  const auto x = pattern(1000);
  r.dev->write_input(0, 0, x.data(), x.size());
  std::string msg;
  EXPECT_EQ(class_of([&] { r.dev->execute(0, 5); }, &msg), ErrorClass::device);
  EXPECT_NE(msg.find("model 'm' failed on the device at fake"), std::string::npos) << msg;
  EXPECT_NE(msg.find("operator fused_add failed: injected by the fake device"), std::string::npos) << msg;
}

TEST(Link, ReadBeforeExecuteIsADeviceError) {
  auto r = connect({});
  std::string msg;
  EXPECT_EQ(class_of([&] { r.dev->read_output(0, 0); }, &msg), ErrorClass::device);
  EXPECT_NE(msg.find("AGENT_ERR_OUTPUT_NOT_READY"), std::string::npos) << msg;
  EXPECT_NE(msg.find("execute the model before reading outputs"), std::string::npos) << msg;
}

TEST(Link, WrongInputSizeIsRefusedBeforeSending) {
  auto r = connect({});
  const auto x = pattern(999);
  const int before = r.fake->requests();
  EXPECT_EQ(class_of([&] { r.dev->write_input(0, 0, x.data(), x.size()); }), ErrorClass::usage);
  EXPECT_EQ(r.fake->requests(), before);
}

TEST(Link, StaleResponsesOfAnEarlierSessionAreIgnored) {
  FakeScript s;
  s.stale_burst = true;  // WriteInput answers carrying the sequence numbers of our ModelInfo etc.
  auto r = connect(s);
  EXPECT_EQ(r.dev->models().at(0).name(), "m");
  round_trip(*r.dev, 1000);
  EXPECT_GE(r.dev->link_stats().stale_responses, 1u);
}

TEST(Link, RetransmittedFirstChunkDoesNotTruncateTheUpload) {
  // Two chunks in flight; the first one's response is lost, the second's arrives, so the first is
  // sent again and the device, seeing offset 0, starts the upload over. The host must notice that
  // the device now holds only the first chunk and send the rest again.
  FakeScript s;
  s.max_payload = 64;  // 32-byte chunks
  s.input_size = 64;
  s.drop_response = {2};  // Hello 0, ModelInfo 1, first WriteInput 2
  auto r = connect(s);
  round_trip(*r.dev, 64);
  EXPECT_GE(r.dev->link_stats().retransmits, 1u);
}
