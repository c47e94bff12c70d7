// The link layer and Device API against a scripted fake device over a socketpair: retransmission
// after lost requests, lost and corrupted responses and Naks; Execute never run twice; resets and
// silence detected, within the time allowed.
#include <gtest/gtest.h>
#include <sys/socket.h>

#include <chrono>
#include <numeric>

#include "device.hpp"
#include "error.hpp"
#include "fake_device.hpp"

using namespace tvmcrt::host;
using tvmcrt::test::FakeDevice;
using tvmcrt::test::FakeScript;

namespace {

struct Rig {
  std::unique_ptr<FakeDevice> fake;
  std::unique_ptr<Device> dev;
};

// Device on one end of a socketpair, the fake on the other. Deadlines use a 50 KB/s line.
Rig connect(FakeScript script, double turnaround = 0.2, int retries = 4, int noisy_retries = 32) {
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

std::vector<std::uint8_t> pattern(std::size_t n) {
  std::vector<std::uint8_t> v(n);
  for (std::size_t i = 0; i < n; ++i) v[i] = static_cast<std::uint8_t>(i * 7 + 3);
  return v;
}

// Runs write → execute → read and checks y = x + 1 byte for byte.
void round_trip(Device &dev, std::size_t n) {
  const auto x = pattern(n);
  dev.write_input(0, 0, x.data(), x.size());
  const auto r = dev.execute(0, 5);
  EXPECT_EQ(r.microseconds, 42u);
  const auto y = dev.read_output(0, 0);
  ASSERT_EQ(y.size(), n);
  for (std::size_t i = 0; i < n; ++i) ASSERT_EQ(y[i], static_cast<std::uint8_t>(x[i] + 1)) << "byte " << i;
}

ErrorClass class_of(const std::function<void()> &f, std::string *msg = nullptr) {
  try {
    f();
  } catch (const Error &e) {
    if (msg) *msg = e.what();
    return e.error_class();
  }
  ADD_FAILURE() << "no error";
  return ErrorClass::usage;
}

double seconds_since(std::chrono::steady_clock::time_point start) {
  return std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
}

}  // namespace

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

TEST(Link, WrongProtocolVersionNamesBoth) {
  FakeScript s;
  s.protocol_version = 2;
  std::string msg;
  EXPECT_EQ(class_of([&] { connect(s); }, &msg), ErrorClass::protocol);
  EXPECT_NE(msg.find("speaks tvmcrt protocol version 2, this tvmcrt-host speaks version 1"), std::string::npos) << msg;
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
