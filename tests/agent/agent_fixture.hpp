// SPDX-License-Identifier: Apache-2.0
// agent_fixture.hpp — an in-process agent (agent_driver.c) driven frame by frame.
#ifndef TESTS_AGENT_AGENT_FIXTURE_HPP_
#define TESTS_AGENT_AGENT_FIXTURE_HPP_

#include <gtest/gtest.h>

#include <array>

#include "agent_driver.h"
#include "error_text.hpp"
#include "test_models.h"
#include "tvmcrt_agent_errors.h"
#include "wire_util.hpp"

namespace pb = tvmcrt::wire;
using wire_util::Bytes;
using wire_util::Frame;

// The sentence of an error as tvmcrt-host writes it from what the agent sent.
inline std::string text(const pb::Status &s) { return tvmcrt::host::error_text(s.text()); }

// A SetWorkspacesRequest for `model`: {pool, region, offset, size} per placement.
inline pb::SetWorkspacesRequest placements(uint32_t model, std::initializer_list<std::array<uint32_t, 4>> list) {
  pb::SetWorkspacesRequest req;
  req.set_model(model);
  for (auto &p : list) {
    auto *pl = req.add_placements();
    pl->set_pool(p[0]);
    pl->set_region(p[1]);
    pl->set_offset(p[2]);
    pl->set_size(p[3]);
  }
  return req;
}

class AgentTest : public ::testing::Test {
 protected:
  static constexpr uint32_t kBoot = 0xB007B007u;
  static constexpr uint8_t kHello = pb::MESSAGE_TYPE_HELLO;
  static constexpr uint8_t kModelInfo = pb::MESSAGE_TYPE_MODEL_INFO;
  static constexpr uint8_t kSetWorkspaces = pb::MESSAGE_TYPE_SET_WORKSPACES;
  static constexpr uint8_t kWriteInput = pb::MESSAGE_TYPE_WRITE_INPUT;
  static constexpr uint8_t kExecute = pb::MESSAGE_TYPE_EXECUTE;
  static constexpr uint8_t kReadOutput = pb::MESSAGE_TYPE_READ_OUTPUT;
  static constexpr uint8_t kGetLastError = pb::MESSAGE_TYPE_GET_LAST_ERROR;

  void SetUp() override {
    test_model_runs = 0;
    test_model_fail = 0;
    ASSERT_EQ(driver_init(kBoot), 0u) << driver_last_error_text();
    boot_ = take();
  }

  std::vector<Frame> take() {
    std::vector<uint8_t> out(300000);
    out.resize(driver_take_output(out.data(), out.size()));
    std::vector<Frame> frames;
    EXPECT_TRUE(reader_.push(out.data(), out.size(), frames)) << "the agent sent a damaged frame";
    return frames;
  }

  std::vector<Frame> send_bytes(const Bytes &bytes) {
    EXPECT_TRUE(driver_feed(bytes.data(), bytes.size()));
    return take();
  }

  // One request, exactly one response of the matching type and sequence number.
  std::string call_raw(uint8_t type, const std::string &payload, uint16_t seq = 0) {
    if (seq == 0) seq = next_seq_++;
    auto frames = send_bytes(wire_util::encode_frame(type, seq, payload));
    EXPECT_EQ(frames.size(), 1u);
    if (frames.empty()) return {};
    EXPECT_EQ(frames[0].type, type | 0x80);
    EXPECT_EQ(frames[0].seq, seq);
    return frames[0].payload;
  }

  template <class Response>
  Response call(uint8_t type, const google::protobuf::Message &req, uint16_t seq = 0) {
    Response r;
    EXPECT_TRUE(r.ParseFromString(call_raw(type, req.SerializeAsString(), seq)));
    EXPECT_EQ(r.status().boot_id(), kBoot);
    return r;
  }

  pb::HelloResponse hello(uint32_t version = 3) {
    pb::HelloRequest req;
    req.set_protocol_version(version);
    return call<pb::HelloResponse>(kHello, req);
  }

  // The agent still answers a good request after whatever came before.
  void expect_alive() {
    auto r = hello();
    EXPECT_EQ(r.status().code(), 0u);
    EXPECT_EQ(r.model_count(), 2u);
  }

  pb::ModelInfoResponse model_info(uint32_t model) {
    pb::ModelInfoRequest req;
    req.set_model(model);
    return call<pb::ModelInfoResponse>(kModelInfo, req);
  }

  pb::WriteInputResponse write(uint32_t model, uint32_t tensor, uint32_t offset, const Bytes &data) {
    pb::WriteInputRequest req;
    req.set_model(model);
    req.set_tensor(tensor);
    req.set_offset(offset);
    req.set_data(std::string(data.begin(), data.end()));
    return call<pb::WriteInputResponse>(kWriteInput, req);
  }

  // A new run id per call unless one is given (a repeat: answered from the agent's copy).
  pb::ExecuteResponse execute(uint32_t model, uint16_t seq = 0, uint32_t run = 0) {
    pb::ExecuteRequest req;
    req.set_model(model);
    req.set_run(run != 0 ? run : next_run_++);
    return call<pb::ExecuteResponse>(kExecute, req, seq);
  }

  pb::ReadOutputResponse read(uint32_t model, uint32_t tensor, uint32_t offset, uint32_t length) {
    pb::ReadOutputRequest req;
    req.set_model(model);
    req.set_tensor(tensor);
    req.set_offset(offset);
    req.set_length(length);
    return call<pb::ReadOutputResponse>(kReadOutput, req);
  }

  pb::GetLastErrorResponse last_error() {
    return call<pb::GetLastErrorResponse>(kGetLastError, pb::GetLastErrorRequest());
  }

  pb::SetWorkspacesResponse set_workspaces(const pb::SetWorkspacesRequest &req) {
    return call<pb::SetWorkspacesResponse>(kSetWorkspaces, req);
  }

  // The one Nak a bad frame must produce.
  pb::Nak expect_nak(const Bytes &bytes, uint32_t code) {
    auto frames = send_bytes(bytes);
    pb::Nak nak;
    EXPECT_EQ(frames.size(), 1u);
    if (frames.empty()) return nak;
    EXPECT_EQ(frames[0].type, pb::MESSAGE_TYPE_NAK);
    EXPECT_EQ(frames[0].seq, 0);
    EXPECT_TRUE(nak.ParseFromString(frames[0].payload));
    EXPECT_EQ(nak.status().code(), code) << text(nak.status());
    EXPECT_EQ(nak.status().boot_id(), kBoot);
    return nak;
  }

  std::vector<Frame> boot_;
  uint16_t next_seq_ = 1;
  uint32_t next_run_ = 1000;
  wire_util::Reader reader_;
};

#endif
