// SPDX-License-Identifier: Apache-2.0
// test_agent_requests.cpp — ModelInfo, SetWorkspaces, WriteInput, Execute, ReadOutput and
// GetLastError against the hand-written models of test_models.c.
#include "agent_fixture.hpp"
#include "device.hpp"
#include "tvmcrt_agent_models.h"

namespace {

const int8_t *add_one_x() { return static_cast<const int8_t *>(tvmcrt_agent_models[0].inputs[0]); }

Bytes ramp(size_t n, uint8_t start) {
  Bytes b(n);
  for (size_t i = 0; i < n; i++) b[i] = static_cast<uint8_t>(start + i * 7);
  return b;
}

#define EXPECT_CODE(status_, want_) \
  EXPECT_EQ((status_).code(), static_cast<uint32_t>(want_)) << text(status_)

TEST_F(AgentTest, ModelInfoListsTensorsAndDefaultPlacements) {
  auto r = model_info(0);
  EXPECT_CODE(r.status(), 0);
  EXPECT_EQ(r.name(), "add_one");
  ASSERT_EQ(r.inputs_size(), 1);
  EXPECT_EQ(r.inputs(0).name(), "x");
  EXPECT_EQ(r.inputs(0).dtype(), pb::DTYPE_INT8);
  ASSERT_EQ(r.inputs(0).shape_size(), 2);
  EXPECT_EQ(r.inputs(0).shape(1), 8u);
  EXPECT_EQ(r.inputs(0).size_bytes(), 8u);
  ASSERT_EQ(r.outputs_size(), 1);
  EXPECT_EQ(r.outputs(0).name(), "y");
  ASSERT_EQ(r.pools_size(), 1);
  EXPECT_EQ(r.pools(0).name(), "workspace");
  EXPECT_TRUE(r.pools(0).is_stack());
  EXPECT_EQ(r.pools(0).size_bytes(), 64u);
  EXPECT_TRUE(r.pools(0).assigned());
  EXPECT_EQ(r.pools(0).offset(), 0u);
  auto s = model_info(1);
  ASSERT_EQ(s.pools_size(), 2);
  EXPECT_EQ(s.pools(0).offset(), 64u);  // after add_one's 64 bytes, 16-aligned
  EXPECT_EQ(s.pools(1).name(), "sram");
  EXPECT_FALSE(s.pools(1).is_stack());
  EXPECT_EQ(s.pools(1).alignment(), 32u);
  EXPECT_EQ(s.pools(1).offset(), 96u);  // 64 + 32, already 32-aligned
  EXPECT_EQ(s.pools(1).assigned_size(), 256u);
  EXPECT_CODE(model_info(2).status(), AGENT_ERR_UNKNOWN_MODEL);
  expect_alive();
}

TEST_F(AgentTest, SetWorkspacesMovesPoolsAndExecuteUsesThem) {
  EXPECT_CODE(set_workspaces(placements(1, {{0, 1, 0, 0}, {1, 1, 64, 300}})).status(), 0);
  auto info = model_info(1);
  EXPECT_EQ(info.pools(0).region(), 1u);
  EXPECT_EQ(info.pools(0).assigned_size(), 32u);  // size 0 means the pool's own size
  EXPECT_EQ(info.pools(1).offset(), 64u);
  EXPECT_EQ(info.pools(1).assigned_size(), 300u);
  Bytes data = ramp(TEST_SUM_SIZE, 3);
  for (uint32_t off = 0; off < TEST_SUM_SIZE; off += 4000) {
    Bytes part(data.begin() + off, data.begin() + std::min<uint32_t>(off + 4000, TEST_SUM_SIZE));
    EXPECT_EQ(write(1, 0, off, part).received(), off + part.size());
  }
  auto e = execute(1);
  ASSERT_EQ(e.status().code(), 0u) << text(e.status());
  uint32_t sum = 0;
  for (uint8_t b : data) sum += b;
  uint32_t in_pool;
  std::memcpy(&in_pool, driver_region(1) + 64, 4);  // the model wrote into its external pool
  EXPECT_EQ(in_pool, sum);
  auto out = read(1, 0, 0, 4);
  ASSERT_EQ(out.data().size(), 4u);
  EXPECT_EQ(std::memcmp(out.data().data(), &sum, 4), 0);
}

TEST_F(AgentTest, SetWorkspacesRefusesEachBadPlacementAndKeepsTheOldOnes) {
  struct Case {
    pb::SetWorkspacesRequest req;
    uint32_t code;
    const char *text;
  } cases[] = {
      {placements(1, {{2, 0, 0, 0}}), AGENT_ERR_UNKNOWN_POOL, "pool 2 does not exist"},
      {placements(1, {{0, 2, 0, 0}}), AGENT_ERR_UNKNOWN_REGION, "region 2 does not exist"},
      {placements(1, {{1, 1, 0, 100}}), AGENT_ERR_WORKSPACE_TOO_SMALL, "256"},
      {placements(1, {{1, 1, 4000, 0}}), AGENT_ERR_WORKSPACE_OUTSIDE_REGION, "4096"},
      {placements(1, {{1, 1, 0xFFFFFFF0u, 0}}), AGENT_ERR_WORKSPACE_OUTSIDE_REGION, "end of the region"},
      {placements(1, {{1, 1, 0x20, 0xFFFFFFF0u}}), AGENT_ERR_WORKSPACE_OUTSIDE_REGION, "end of the region"},
      {placements(1, {{1, 1, 16, 0}}), AGENT_ERR_WORKSPACE_MISALIGNED, "alignment 32"},
      {placements(1, {{0, 1, 0, 0}, {1, 1, 0, 0}}), AGENT_ERR_WORKSPACE_OVERLAP, "pools 0 and 1"},
      {placements(1, {{0, 1, 0, 0}, {0, 1, 64, 0}}), AGENT_ERR_DUPLICATE_POOL, "placed twice"},
      {placements(1, {{0, 1, 0, 0}, {1, 1, 64, 0}, {0, 1, 512, 0}}), AGENT_ERR_UNKNOWN_POOL, "only 2 pools"},
      {placements(1, {{0, 1, 0, 0}, {0, 1, 0, 0}, {0, 1, 0, 0}, {0, 1, 0, 0}, {0, 1, 0, 0}, {0, 1, 0, 0}}),
       AGENT_ERR_UNKNOWN_POOL, "only 2 pools"},
  };
  for (auto &c : cases) {
    auto r = set_workspaces(c.req);
    EXPECT_CODE(r.status(), c.code);
    EXPECT_NE(text(r.status()).find(c.text), std::string::npos) << text(r.status());
    EXPECT_EQ(model_info(1).pools(1).offset(), 96u) << "placements changed by a refused request";
  }
  pb::SetWorkspacesRequest unknown_model;
  unknown_model.set_model(7);
  EXPECT_CODE(set_workspaces(unknown_model).status(), AGENT_ERR_UNKNOWN_MODEL);
  // Placing only some pools unplaces the others: Execute then names the missing one.
  EXPECT_CODE(set_workspaces(placements(1, {{0, 1, 0, 0}})).status(), 0);
  Bytes zeros(4000, 0);
  for (uint32_t off = 0; off < TEST_SUM_SIZE; off += 4000)
    write(1, 0, off, Bytes(zeros.begin(), zeros.begin() + std::min<uint32_t>(4000, TEST_SUM_SIZE - off)));
  auto e = execute(1);
  EXPECT_CODE(e.status(), AGENT_ERR_WORKSPACE_NOT_SET);
  EXPECT_NE(text(e.status()).find("pool 'sram'"), std::string::npos) << text(e.status());
  expect_alive();
}

TEST_F(AgentTest, WriteInputLandsInTheTensor) {
  Bytes x = {1, 2, 3, 4, 5, 6, 7, 8};
  auto r = write(0, 0, 0, x);
  EXPECT_CODE(r.status(), 0);
  EXPECT_EQ(r.received(), 8u);
  EXPECT_EQ(std::memcmp(add_one_x(), x.data(), 8), 0);
  EXPECT_EQ(write(0, 0, 4, {50, 60}).received(), 8u);  // rewriting inside keeps the total
  EXPECT_EQ(add_one_x()[4], 50);
  EXPECT_EQ(write(0, 0, 0, {9}).received(), 1u);       // offset 0 starts a new upload
}

TEST_F(AgentTest, WriteInputRefusesBadTargetsWithoutTouchingMemory) {
  write(0, 0, 0, {1, 2, 3, 4, 5, 6, 7, 8});
  auto oob = write(0, 0, 4, Bytes(8, 0xEE));
  EXPECT_CODE(oob.status(), AGENT_ERR_OUT_OF_RANGE);
  EXPECT_NE(text(oob.status()).find("pass the tensor's end at 8"), std::string::npos);
  EXPECT_CODE(write(0, 0, 0xFFFFFFFFu, {0xEE}).status(), AGENT_ERR_OUT_OF_RANGE);
  EXPECT_CODE(write(0, 0, 9, {}).status(), AGENT_ERR_OUT_OF_RANGE);
  EXPECT_CODE(write(0, 1, 0, {0xEE}).status(), AGENT_ERR_UNKNOWN_TENSOR);
  EXPECT_CODE(write(0, 0xFFFFFFFFu, 0, {0xEE}).status(), AGENT_ERR_UNKNOWN_TENSOR);
  EXPECT_CODE(write(5, 0, 0, {0xEE}).status(), AGENT_ERR_UNKNOWN_MODEL);
  for (int i = 0; i < 8; i++) EXPECT_EQ(add_one_x()[i], i + 1) << "byte " << i << " was overwritten";
  expect_alive();
}

TEST_F(AgentTest, WriteGapNamesTheExpectedOffset) {
  EXPECT_EQ(write(1, 0, 0, Bytes(100, 1)).received(), 100u);
  auto gap = write(1, 0, 200, Bytes(10, 2));
  EXPECT_CODE(gap.status(), AGENT_ERR_WRITE_GAP);
  EXPECT_EQ(gap.received(), 100u);
  EXPECT_NE(text(gap.status()).find("expected offset 100"), std::string::npos) << text(gap.status());
  EXPECT_EQ(write(1, 0, 100, Bytes(10, 2)).received(), 110u);  // resend from there
}

TEST_F(AgentTest, WriteInputFieldsAfterDataOrDataTwiceIsMalformed) {
  write(0, 0, 0, {1, 2, 3, 4, 5, 6, 7, 8});
  // data (field 4) first, then offset (field 3): the write used offset 0, the request says 4.
  const std::string late_offset("\x22\x02\x05\x05\x18\x04", 6);
  pb::WriteInputResponse r;
  ASSERT_TRUE(r.ParseFromString(call_raw(kWriteInput, late_offset)));
  EXPECT_CODE(r.status(), AGENT_ERR_MALFORMED_MESSAGE);
  EXPECT_EQ(r.received(), 0u);  // bytes from offset 0 were overwritten: upload again
  const std::string twice("\x22\x01\x07\x22\x01\x07", 6);
  ASSERT_TRUE(r.ParseFromString(call_raw(kWriteInput, twice)));
  EXPECT_CODE(r.status(), AGENT_ERR_MALFORMED_MESSAGE);
  expect_alive();
}

TEST_F(AgentTest, ExecuteRunsAndReadOutputReturnsTheResult) {
  write(0, 0, 0, {1, 2, 3, 4, 5, 6, 7, 8});
  auto e = execute(0);
  EXPECT_CODE(e.status(), 0);
  EXPECT_EQ(e.runtime_code(), 0);
  EXPECT_EQ(e.ticks(), 250u);         // the fake clock steps 250 per call, across a wrap
  EXPECT_EQ(tvmcrt::host::microseconds_of(e.ticks(), 1000000), 250u);
  EXPECT_GE(e.peak_workspace(), 8u);
  auto out = read(0, 0, 0, 8);
  EXPECT_CODE(out.status(), 0);
  EXPECT_EQ(out.data(), std::string("\x02\x03\x04\x05\x06\x07\x08\x09", 8));
  auto part = read(0, 0, 6, 2);
  EXPECT_EQ(part.offset(), 6u);
  EXPECT_EQ(part.data(), std::string("\x08\x09", 2));
  EXPECT_EQ(test_model_runs, 1);
}

// The agent sends ticks; tvmcrt-host turns them into microseconds with Hello's tick_hz.
TEST_F(AgentTest, ExecuteTimeIsConvertedForAnyTickRate) {
  using tvmcrt::host::microseconds_of;
  write(0, 0, 0, Bytes(8, 1));
  driver_set_clock(32768, 81920);  // a 32 kHz RTC: 2.5 s
  auto e = execute(0);
  EXPECT_EQ(e.ticks(), 81920u);
  EXPECT_EQ(e.microseconds(), 0u);
  EXPECT_EQ(microseconds_of(e.ticks(), 32768), 2500000u);
  driver_set_clock(168000000, 168);  // a 168 MHz cycle counter: 1 us
  EXPECT_EQ(microseconds_of(execute(0).ticks(), 168000000), 1u);
  driver_set_clock(1000, 4294968);  // 4294.968 s saturates rather than wrapping
  EXPECT_EQ(microseconds_of(execute(0).ticks(), 1000), 0xFFFFFFFFu);
  driver_set_clock(1000, 4294967);
  EXPECT_EQ(microseconds_of(execute(0).ticks(), 1000), 4294967000u);
}

TEST_F(AgentTest, ExecuteNeedsEveryInputComplete) {
  write(0, 0, 0, {1, 2, 3});
  auto e = execute(0);
  EXPECT_CODE(e.status(), AGENT_ERR_INPUT_INCOMPLETE);
  EXPECT_NE(text(e.status()).find("holds 3 of 8 bytes"), std::string::npos) << text(e.status());
  EXPECT_EQ(test_model_runs, 0);
  EXPECT_CODE(execute(3).status(), AGENT_ERR_UNKNOWN_MODEL);
  expect_alive();
}

TEST_F(AgentTest, AnExecuteWithTheLastRunIdIsAnsweredFromTheCopy) {
  write(0, 0, 0, Bytes(8, 1));
  pb::ExecuteRequest req;
  req.set_run(40);
  const std::string first = call_raw(kExecute, req.SerializeAsString(), 40);
  EXPECT_EQ(call_raw(kExecute, req.SerializeAsString(), 40), first);  // a retransmission
  EXPECT_EQ(call_raw(kExecute, req.SerializeAsString(), 41), first);  // sent again as a new request
  EXPECT_EQ(test_model_runs, 1);
  pb::ExecuteResponse r;
  ASSERT_TRUE(r.ParseFromString(first));
  EXPECT_EQ(r.runs(), 1u);
  write(0, 0, 0, Bytes(8, 2));  // new inputs do not make the same run id a new run
  EXPECT_EQ(call_raw(kExecute, req.SerializeAsString(), 42), first);
  EXPECT_EQ(test_model_runs, 1);
  req.set_run(41);
  ASSERT_TRUE(r.ParseFromString(call_raw(kExecute, req.SerializeAsString(), 43)));
  EXPECT_EQ(r.runs(), 2u);
  EXPECT_EQ(test_model_runs, 2);
  call_raw(kExecute, "", 44);  // run id 0: no id, it runs every time
  call_raw(kExecute, "", 44);
  EXPECT_EQ(test_model_runs, 4);
  EXPECT_EQ(driver_executions(), 4u);
  req.set_run(45);
  call_raw(kExecute, req.SerializeAsString(), 45);
  hello();  // a new session: its run ids are its own
  call_raw(kExecute, req.SerializeAsString(), 46);
  EXPECT_EQ(test_model_runs, 6);
}

TEST_F(AgentTest, AnExecuteForAnUploadRunsOnlyOnThatUpload) {
  pb::WriteInputRequest w;
  w.set_data(std::string(8, '\x01'));
  w.set_upload(5);
  EXPECT_CODE(call<pb::WriteInputResponse>(kWriteInput, w).status(), 0);
  pb::ExecuteRequest e;
  e.set_run(1);
  e.set_upload(6);  // the upload this run wrote was lost: the whole input is upload 5's
  auto refused = call<pb::ExecuteResponse>(kExecute, e);
  EXPECT_CODE(refused.status(), AGENT_ERR_INPUT_INCOMPLETE);
  EXPECT_EQ(text(refused.status()), "input was last uploaded as upload 5, this Execute is for upload 6: write it "
                                    "again before Execute (input 0 'x', model 'add_one')");
  EXPECT_EQ(test_model_runs, 0);
  w.set_upload(6);
  w.set_offset(4);  // only a write at offset 0 starts an upload
  w.set_data(std::string(4, '\x02'));
  call<pb::WriteInputResponse>(kWriteInput, w);
  EXPECT_CODE(call<pb::ExecuteResponse>(kExecute, e).status(), AGENT_ERR_INPUT_INCOMPLETE);
  w.set_offset(0);
  w.set_data(std::string(8, '\x02'));
  call<pb::WriteInputResponse>(kWriteInput, w);
  EXPECT_CODE(call<pb::ExecuteResponse>(kExecute, e).status(), 0);
  e.set_upload(0);  // no upload named: the inputs as they are
  e.set_run(2);
  EXPECT_CODE(call<pb::ExecuteResponse>(kExecute, e).status(), 0);
  EXPECT_EQ(test_model_runs, 2);
  hello();  // a new session: the inputs are whole, but no upload of its own wrote them
  e.set_upload(6);
  e.set_run(3);
  EXPECT_CODE(call<pb::ExecuteResponse>(kExecute, e).status(), AGENT_ERR_INPUT_INCOMPLETE);
  EXPECT_EQ(test_model_runs, 2);
}

TEST_F(AgentTest, ARefusedExecuteIsNotKeptAndRunsOnceTheInputsAreWhole) {
  write(0, 0, 0, Bytes(4, 1));
  EXPECT_CODE(execute(0, 0, 77).status(), AGENT_ERR_INPUT_INCOMPLETE);
  write(0, 0, 4, Bytes(4, 1));
  auto e = execute(0, 0, 77);
  EXPECT_CODE(e.status(), 0);
  EXPECT_EQ(e.runs(), 1u);
  EXPECT_CODE(execute(0, 0, 77).status(), 0);
  EXPECT_EQ(test_model_runs, 1);
}

TEST_F(AgentTest, ExecuteSendsTheOutputsAfterItWhenAsked) {
  Bytes data(TEST_SUM_SIZE);
  for (size_t i = 0; i < data.size(); i++) data[i] = static_cast<uint8_t>(i * 13 + 5);
  for (uint32_t off = 0; off < TEST_SUM_SIZE; off += 4000)
    write(1, 0, off, Bytes(data.begin() + off, data.begin() + std::min<uint32_t>(off + 4000, TEST_SUM_SIZE)));
  pb::ExecuteRequest req;
  req.set_model(1);
  req.set_run(9);
  req.set_output_chunk(3000);
  for (int attempt = 0; attempt < 2; attempt++) {  // the second: answered from the copy, outputs again
    auto frames = send_bytes(wire_util::encode_frame(kExecute, 70, req.SerializeAsString()));
    ASSERT_EQ(frames.size(), 1u + 1u + 4u);  // the answer, "sum" (4 bytes), "reversed" in 4 chunks
    EXPECT_EQ(frames[0].type, kExecute | 0x80);
    Bytes reversed;
    for (size_t i = 1; i < frames.size(); i++) {
      EXPECT_EQ(frames[i].type, kReadOutput | 0x80);
      EXPECT_EQ(frames[i].seq, 70);
      pb::ReadOutputResponse r;
      ASSERT_TRUE(r.ParseFromString(frames[i].payload));
      EXPECT_CODE(r.status(), 0);
      EXPECT_EQ(r.tensor(), i == 1 ? 0u : 1u);
      EXPECT_EQ(r.offset(), i == 1 ? 0u : 3000u * (i - 2));
      if (i > 1) reversed.insert(reversed.end(), r.data().begin(), r.data().end());
    }
    EXPECT_EQ(reversed, Bytes(data.rbegin(), data.rend()));
  }
  EXPECT_EQ(test_model_runs, 1);
  req.set_run(10);  // a failed run sends no outputs
  write(1, 0, 0, Bytes(10, 0));
  auto frames = send_bytes(wire_util::encode_frame(kExecute, 71, req.SerializeAsString()));
  ASSERT_EQ(frames.size(), 1u);
  pb::ExecuteResponse r;
  ASSERT_TRUE(r.ParseFromString(frames[0].payload));
  EXPECT_CODE(r.status(), AGENT_ERR_INPUT_INCOMPLETE);
}

TEST_F(AgentTest, ReadOutputRefusesWhatIsNotThere) {
  auto early = read(0, 0, 0, 8);
  EXPECT_CODE(early.status(), AGENT_ERR_OUTPUT_NOT_READY);
  EXPECT_NE(text(early.status()).find("Execute"), std::string::npos);
  write(0, 0, 0, Bytes(8, 1));
  execute(0);
  EXPECT_CODE(read(0, 0, 4, 5).status(), AGENT_ERR_OUT_OF_RANGE);
  EXPECT_CODE(read(0, 0, 0xFFFFFFFFu, 2).status(), AGENT_ERR_OUT_OF_RANGE);
  EXPECT_CODE(read(0, 0, 0, 0xFFFFFFFFu).status(), AGENT_ERR_OUT_OF_RANGE);
  EXPECT_CODE(read(0, 1, 0, 1).status(), AGENT_ERR_UNKNOWN_TENSOR);
  EXPECT_CODE(read(2, 0, 0, 1).status(), AGENT_ERR_UNKNOWN_MODEL);
  expect_alive();
}

// A read is sent straight from the tensor, never assembled in the agent's frame buffer: the whole
// 10,000-byte output comes back in one frame, more than twice max_frame_payload, byte for byte.
TEST_F(AgentTest, ReadOutputPastTheFramePayloadComesWholeInOneFrame) {
  const auto h = hello();
  EXPECT_EQ(h.max_read_length(), 65536u);
  EXPECT_GT(h.max_read_length(), h.max_frame_payload());
  // Runs of non-zero bytes longer than a COBS block (254) at both ends of the tensor, where the
  // frame's pieces meet; zeros in between.
  Bytes data(TEST_SUM_SIZE);
  for (size_t i = 0; i < data.size(); i++) data[i] = i < 1000 || i >= 9300 ? 0xFF : static_cast<uint8_t>(i * 31 + 7);
  for (uint32_t off = 0; off < TEST_SUM_SIZE; off += 4000) {
    Bytes part(data.begin() + off, data.begin() + std::min<uint32_t>(off + 4000, TEST_SUM_SIZE));
    ASSERT_EQ(write(1, 0, off, part).received(), off + part.size());
  }
  ASSERT_EQ(execute(1).status().code(), 0u);
  const Bytes reversed(data.rbegin(), data.rend());
  auto whole = read(1, 1, 0, TEST_SUM_SIZE);  // call() checks that exactly one frame came
  EXPECT_CODE(whole.status(), 0);
  EXPECT_EQ(whole.offset(), 0u);
  EXPECT_EQ(Bytes(whole.data().begin(), whole.data().end()), reversed);
  auto middle = read(1, 1, 4321, 5000);
  EXPECT_CODE(middle.status(), 0);
  EXPECT_EQ(middle.offset(), 4321u);
  EXPECT_EQ(Bytes(middle.data().begin(), middle.data().end()),
            Bytes(reversed.begin() + 4321, reversed.begin() + 9321));
  auto too_long = read(1, 1, 0, h.max_read_length() + 1);
  EXPECT_CODE(too_long.status(), AGENT_ERR_OUT_OF_RANGE);
  EXPECT_NE(text(too_long.status()).find("max_read_length 65536"), std::string::npos)
      << text(too_long.status());
}

TEST_F(AgentTest, ModelErrorIsReportedWithTheRuntimesText) {
  write(0, 0, 0, Bytes(8, 1));
  ASSERT_EQ(execute(0).status().code(), 0u);
  test_model_fail = 1;
  auto e = execute(0);
  EXPECT_CODE(e.status(), AGENT_ERR_MODEL_FAILED);
  EXPECT_NE(e.runtime_code(), 0);
  auto le = last_error();
  EXPECT_CODE(le.status(), 0);
  EXPECT_EQ(le.code(), static_cast<uint32_t>(e.runtime_code()));
  EXPECT_NE(tvmcrt::host::error_text(le.error()).find(TEST_MODEL_FAIL_TEXT), std::string::npos)
      << tvmcrt::host::error_text(le.error());
  EXPECT_EQ(tvmcrt::host::error_text(le.error()), text(e.status()));  // the status says the same
  EXPECT_EQ(le.model(), 0u);
  EXPECT_CODE(read(0, 0, 0, 8).status(), AGENT_ERR_OUTPUT_NOT_READY);  // a failed run clears them
  test_model_fail = 0;
  expect_alive();
}

TEST_F(AgentTest, GetLastErrorReturnsTheFullAgentText) {
  write(1, 0, 0, Bytes(10, 1));
  write(1, 0, 50, Bytes(10, 1));
  auto le = last_error();
  EXPECT_EQ(le.code(), static_cast<uint32_t>(AGENT_ERR_WRITE_GAP));
  EXPECT_EQ(le.model(), 1u);
  EXPECT_EQ(tvmcrt::host::error_text(le.error()),
            "expected offset 10, got 50: a frame was lost, resend from the expected "
            "offset (input 0 'data', model 'sum_bytes')");
  EXPECT_EQ(le.text(), "");  // the agent sends numbers; tvmcrt-host writes the sentence
}

}  // namespace
