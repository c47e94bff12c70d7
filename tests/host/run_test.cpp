// SPDX-License-Identifier: Apache-2.0
// Device::run() against the scripted fake device: the inputs and the Execute streamed without
// waiting and the outputs sent by the device after the run (no ReadOutput requests on a clean line),
// and, whatever the line loses, every output right and the model run exactly once.
#include "link_rig.hpp"

using namespace tvmcrt::test::link_rig;

namespace {

RunResult run_and_check(Device &dev, std::size_t n) {
  const auto x = pattern(n);
  const RunResult r = dev.run(0, {RunInput{0, x.data(), x.size()}}, 5);
  EXPECT_EQ(r.execute.microseconds, 42u);
  EXPECT_EQ(r.outputs.size(), 1u);
  if (r.outputs.size() != 1) return r;
  EXPECT_EQ(r.outputs[0].size(), n);
  for (std::size_t i = 0; i < n && i < r.outputs[0].size(); ++i)
    if (r.outputs[0][i] != static_cast<std::uint8_t>(x[i] + 1)) {
      ADD_FAILURE() << "output byte " << i << " is wrong";
      break;
    }
  return r;
}

}  // namespace

TEST(Run, ASmallRunIsOneWriteOneExecuteAndNoRead) {
  FakeScript s;
  s.max_payload = 2000;
  s.max_read_length = 65536;
  auto r = connect(s);
  const RunResult out = run_and_check(*r.dev, 1000);
  EXPECT_EQ(r.fake->requests(), 2 + 2);  // Hello, ModelInfo; WriteInput, Execute
  EXPECT_EQ(r.fake->reads(), 0);
  EXPECT_EQ(r.fake->executes(), 1);
  EXPECT_EQ(out.execute.runs, 1u);
  EXPECT_GT(out.execute_round_trip_s, 0.0);
  EXPECT_EQ(r.dev->link_stats().retransmits, 0u);
  run_and_check(*r.dev, 1000);  // and again on the same connection: a new run id, a new run
  EXPECT_EQ(r.fake->executes(), 2);
}

TEST(Run, ManyChunksAndOutputChunksStreamWithoutARead) {
  FakeScript s;
  s.max_payload = 64;  // 1000 bytes: 32 WriteInputs, 4 in flight, and the outputs in 16-byte followers
  s.max_read_length = 64;
  auto r = connect(s);
  run_and_check(*r.dev, 1000);
  EXPECT_EQ(r.fake->reads(), 0);
  EXPECT_EQ(r.fake->executes(), 1);
  EXPECT_EQ(r.dev->link_stats().retransmits, 0u);
}

TEST(Run, ADamagedOutputIsReadAgain) {
  FakeScript s;
  s.max_payload = 2000;
  s.max_read_length = 256;  // outputs in 4 followers, the second arriving damaged
  s.corrupt_follower = 1;
  auto r = connect(s);
  const auto start = std::chrono::steady_clock::now();
  run_and_check(*r.dev, 1000);
  EXPECT_EQ(r.fake->reads(), 3);  // what came whole is kept: the output is read from byte 256 on
  EXPECT_EQ(r.dev->link_stats().retransmits, 0u);  // the damaged follower is no read's answer
  EXPECT_EQ(r.fake->executes(), 1);
  EXPECT_LT(seconds_since(start), 1.0);  // at once, not after a deadline
}

TEST(Run, ADeviceThatSendsNoOutputsIsReadFrom) {
  FakeScript s;
  s.max_payload = 2000;
  s.no_followers = true;
  auto r = connect(s, 0.1);
  run_and_check(*r.dev, 1000);
  EXPECT_GE(r.fake->reads(), 1);
  EXPECT_EQ(r.fake->executes(), 1);
}

TEST(Run, ALostExecuteAnswerDoesNotRunTwice) {
  FakeScript s;
  s.max_payload = 2000;      // requests: Hello 0, ModelInfo 1, WriteInput 2, Execute 3
  s.max_read_length = 65536;
  s.drop_response = {3};     // the answer lost; its outputs come, and are dropped with it
  auto r = connect(s);
  const RunResult out = run_and_check(*r.dev, 1000);
  EXPECT_EQ(r.fake->executes(), 1);
  EXPECT_EQ(out.execute.runs, 1u);
  EXPECT_GE(r.dev->link_stats().probes, 1u);
}

TEST(Run, ALostWriteIsWrittenAgainAndTheModelRunsOnceOnWholeInputs) {
  FakeScript s;
  s.max_payload = 2000;
  s.nak_request = {2};  // the WriteInput: the Execute behind it finds the input incomplete, refused
  auto r = connect(s);
  run_and_check(*r.dev, 1000);
  EXPECT_EQ(r.fake->executes(), 1);
  EXPECT_EQ(r.dev->link_stats().naks, 1u);
}

TEST(Run, AWriteLostWholeNeverLetsTheModelRunOnTheLastRunsInputs) {
  FakeScript s;
  s.max_payload = 2000;
  s.drop_request = {4};  // Hello 0, ModelInfo 1, WriteInput 2, Execute 3; the second run's WriteInput 4
  auto r = connect(s, 0.1);
  run_and_check(*r.dev, 1000);
  // The device still holds the first run's whole input: the second run's Execute, streamed behind the
  // lost write, must be refused rather than run on it (the output would be the first run's).
  auto x = pattern(1000);
  for (auto &b : x) b = static_cast<std::uint8_t>(b ^ 0x5A);
  const RunResult out = r.dev->run(0, {RunInput{0, x.data(), x.size()}}, 5);
  ASSERT_EQ(out.outputs.size(), 1u);
  for (std::size_t i = 0; i < x.size(); ++i) ASSERT_EQ(out.outputs[0][i], static_cast<std::uint8_t>(x[i] + 1)) << i;
  EXPECT_EQ(r.fake->executes(), 2);
}

TEST(Run, AGapInAStreamedUploadIsMendedAndRunsOnce) {
  FakeScript s;
  s.max_payload = 64;
  s.drop_request = {5};  // a WriteInput lost on the way: the next ones are refused with a gap
  auto r = connect(s, 0.1);
  run_and_check(*r.dev, 1000);
  EXPECT_EQ(r.fake->executes(), 1);
}

TEST(Run, AModelFailureCarriesTheRuntimesSentence) {
  FakeScript s;
  s.max_payload = 2000;
  s.model_fails = true;
  auto r = connect(s);
  const auto x = pattern(1000);
  std::string msg;
  EXPECT_EQ(class_of([&] { r.dev->run(0, {RunInput{0, x.data(), x.size()}}, 5); }, &msg), ErrorClass::device);
  EXPECT_NE(msg.find("model 'm' failed on the device at fake: TVMExecute returned kTVMCrtErrModelFailed (0x1201): "
                     "model 'm' failed (returned -1): operator fused_add failed: injected by the fake device"),
            std::string::npos)
      << msg;
  // The connection stays usable: nothing of the failed run is taken for the next answers.
  EXPECT_EQ(r.dev->model_index("m"), 0u);
  EXPECT_EQ(r.dev->last_error().code(), 0x1201u);
}

TEST(Run, AWrongInputIsRefusedBeforeAnythingIsSent) {
  auto r = connect({});
  const int before = r.fake->requests();
  const std::vector<std::uint8_t> x(10);
  std::string msg;
  EXPECT_EQ(class_of([&] { r.dev->run(0, {RunInput{0, x.data(), x.size()}}, 5); }, &msg), ErrorClass::usage);
  EXPECT_NE(msg.find("input 'x' of model 'm' takes 1000 bytes, got 10"), std::string::npos) << msg;
  EXPECT_EQ(class_of([&] { r.dev->run(0, {RunInput{3, x.data(), x.size()}}, 5); }, &msg), ErrorClass::usage);
  EXPECT_NE(msg.find("model 'm' has no input #3 (it has 1)"), std::string::npos) << msg;
  EXPECT_EQ(r.fake->requests(), before);
}
