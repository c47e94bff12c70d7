// SPDX-License-Identifier: Apache-2.0
// test_error_texts.cpp — the sentences of the agent's errors, now written by tvmcrt-host from the
// numbers the agent sends (proto/errors/tvmcrt_agent_texts.h), against the sentences the agent itself
// sent before (commit dd855e0, protocol version 1): every error the agent tests provoke, one by one.
// The texts are today's word for word; only the two that name the protocol version say 3 now.
// Each is also checked as the agent's own sentence (TVMCRT_AGENT_ERROR_TEXTS, on in native builds)
// and as what GetLastError returns.
#include <array>
#include <set>

#include "agent_fixture.hpp"

namespace {

struct Golden {
  const char *name;
  uint32_t code;
  const char *text;
};

// Captured from the agent of dd855e0 running the scenarios below (texts up to 512 bytes).
const Golden kGoldens[] = {
    {"bad_crc", 0x2001, "CRC mismatch in a frame of 10 bytes: bytes were corrupted or lost"},
    {"frame_too_large", 0x2002, "frame over the max payload of 4096 bytes (Hello max_frame_payload): split it"},
    {"framing_version", 0x2003, "framing version 2 is not supported: this device speaks framing version 1"},
    {"short_frame", 0x2006, "frame of 3 bytes is shorter than header and CRC (8): bytes were lost"},
    {"cobs_cut", 0x2006, "COBS block cut short after 2 bytes of a frame: bytes were lost"},
    {"protocol_version", 0x2003, "host speaks protocol 7, device 3: use a tvmcrt-host that matches the firmware"},
    {"unknown_message", 0x2004, "message type 9 is not a request of protocol version 3"},
    {"malformed_1", 0x2005, "HelloRequest is not a valid protobuf message (3 bytes): host and device disagree on tvmcrt.proto"},
    {"malformed_2", 0x2005, "ModelInfoRequest is not a valid protobuf message (3 bytes): host and device disagree on tvmcrt.proto"},
    {"malformed_3", 0x2005, "SetWorkspacesRequest is not a valid protobuf message (3 bytes): host and device disagree on tvmcrt.proto"},
    {"malformed_5", 0x2005, "ExecuteRequest is not a valid protobuf message (3 bytes): host and device disagree on tvmcrt.proto"},
    {"malformed_6", 0x2005, "ReadOutputRequest is not a valid protobuf message (3 bytes): host and device disagree on tvmcrt.proto"},
    {"malformed_7", 0x2005, "GetLastErrorRequest is not a valid protobuf message (3 bytes): host and device disagree on tvmcrt.proto"},
    {"malformed_write", 0x2005, "WriteInputRequest is not a valid protobuf message: host and device disagree on tvmcrt.proto"},
    {"write_data_twice", 0x2005, "WriteInputRequest carries data twice"},
    {"write_fields_after_data", 0x2005, "WriteInputRequest: model, tensor and offset must precede data"},
    {"unknown_model", 0x2101, "model 7 does not exist: this image has 2 (Hello model_count)"},
    {"unknown_output", 0x2102, "output 5 does not exist: model 'add_one' has 1"},
    {"unknown_input", 0x2102, "input 3 does not exist: model 'add_one' has 1"},
    {"write_out_of_range", 0x2103, "8 bytes at offset 4 pass the tensor's end at 8 (input 0 'x', model 'add_one')"},
    {"write_gap", 0x2104, "expected offset 0, got 100: a frame was lost, resend from the expected offset (input 0 'data', model 'sum_bytes')"},
    {"input_incomplete", 0x2105, "input holds 3 of 10000 bytes: WriteInput the rest before Execute (input 0 'data', model 'sum_bytes')"},
    {"output_not_ready", 0x2106, "outputs not valid: run Execute successfully first (model 'add_one')"},
    {"read_out_of_range", 0x2103, "20 bytes at offset 9990 pass the tensor's end at 10000 (output 1 'reversed', model 'sum_bytes')"},
    {"read_too_long", 0x2103, "ReadOutput length 70000 is over Hello max_read_length 65536"},
    {"pool_unknown", 0x2108, "pool 2 does not exist (see ModelInfo pools) (placement 0, model 'sum_bytes')"},
    {"region_unknown", 0x2107, "region 2 does not exist (see Hello regions) (placement 0, model 'sum_bytes')"},
    {"too_small", 0x2202, "size is below the pool's 256 bytes (placement 0, model 'sum_bytes')"},
    {"outside_region", 0x2203, "offset + size pass the end of the region (4096 bytes) (placement 0, model 'sum_bytes')"},
    {"misaligned", 0x2204, "the pool needs alignment 32: move its offset (placement 0, model 'sum_bytes')"},
    {"overlap", 0x2205, "pools 0 and 1 of model 'sum_bytes' overlap"},
    {"duplicate", 0x2109, "pool 0 is placed twice (placement 1, model 'sum_bytes')"},
    {"too_many_placements", 0x2108, "3 placements, but the model has only 2 pools (model 'sum_bytes')"},
    {"pool_left_out", 0x2201, "pool 'sram' of model 'sum_bytes' has no placement: the last SetWorkspaces left it out (it replaces all of the model's placements); send one that places every pool"},
    {"model_failed", 0x2301, "model 'add_one' failed (returned -1): add_one: forced failure for the test"},
    {"config_port", 0x2402, "port incomplete: read, write, ticks and tick_hz (1..400 MHz) are needed"},
    {"config_models", 0x2401, "model table holds 5 models: raise TVMCRT_AGENT_MAX_MODELS (4)"},
    {"config_region", 0x2402, "region 1: alignment must be a power of two that its base honours"},
};

class ErrorTexts : public AgentTest {
 protected:
  const Golden &golden(const char *name) {
    for (const Golden &g : kGoldens)
      if (std::string(g.name) == name) return g;
    ADD_FAILURE() << "no golden text for " << name;
    return kGoldens[0];
  }
  // The host's sentence from the status, the agent's own and GetLastError's, each against the golden.
  void check(const char *name, uint32_t code, const pb::Status &st, bool with_last_error) {
    const Golden &g = golden(name);
    seen_.insert(name);
    EXPECT_EQ(code, g.code) << name;
    EXPECT_EQ(text(st), g.text) << name;
    // The agent's own copy is cut at TVMCRT_AGENT_TEXT_SIZE (160, NUL included); the host's is whole.
    EXPECT_EQ(std::string(driver_last_error_text()), std::string(g.text).substr(0, 159)) << name << " (the agent's own)";
    if (with_last_error) {
      auto le = last_error();
      EXPECT_EQ(tvmcrt::host::error_text(le.error()), g.text) << name << " (GetLastError)";
    }
  }
  void nak(const char *name, const Bytes &b, uint32_t code) {
    auto n = expect_nak(b, code);
    check(name, n.status().code(), n.status(), true);
  }
  void status(const char *name, const pb::Status &s) {
    // After a model failure GetLastError has the runtime's code; the status the agent's.
    check(name, s.code(), s, true);
  }
  // tvmcrt_agent_init() errors never reach the wire: the agent's own sentence only.
  void device_only(const char *name, uint32_t code) {
    const Golden &g = golden(name);
    seen_.insert(name);
    EXPECT_EQ(code, g.code) << name;
    EXPECT_EQ(std::string(driver_last_error_text()), std::string(g.text).substr(0, 159)) << name;
  }
  std::set<std::string> seen_;
};

TEST_F(ErrorTexts, EveryErrorTheAgentTestsProvokeReadsAsBefore) {
    // Nak texts
  {
    pb::HelloRequest h;
    h.set_protocol_version(3);
    std::string p = h.SerializeAsString();
    Bytes f = wire_util::encode_frame(kHello, 5, p);
    f[2] ^= 0x40;
    nak("bad_crc", f, AGENT_ERR_BAD_CRC);
  }
  nak("frame_too_large", wire_util::encode_frame(kWriteInput, 6, std::string(5000, 'x')), AGENT_ERR_FRAME_TOO_LARGE);
  nak("framing_version", wire_util::encode_frame(kHello, 7, "\x08\x01", 2), AGENT_ERR_UNSUPPORTED_VERSION);
  nak("short_frame", Bytes{0x04, 0x01, 0x02, 0x03, 0x00}, AGENT_ERR_BAD_FRAMING);
  nak("cobs_cut", Bytes{0x09, 0x01, 0x02, 0x00}, AGENT_ERR_BAD_FRAMING);
  // Hello
  {
    auto r = hello(7);
    status("protocol_version", r.status());
  }
  // Unknown message
  {
    pb::SetWorkspacesResponse r;
    r.ParseFromString(call_raw(9, ""));
    status("unknown_message", r.status());
  }
  // Malformed requests of each type
  const std::string junk("\x0a\xff\xff", 3);
  for (uint8_t t : {kHello, kModelInfo, kSetWorkspaces, kExecute, kReadOutput, kGetLastError}) {
    pb::SetWorkspacesResponse r;
    r.ParseFromString(call_raw(t, junk));
    status(("malformed_" + std::to_string(t)).c_str(), r.status());
  }
  {
    pb::WriteInputResponse r;
    r.ParseFromString(call_raw(kWriteInput, junk));
    status("malformed_write", r.status());
    pb::WriteInputRequest w;
    w.set_data("ab");
    std::string twice = w.SerializeAsString() + w.SerializeAsString();
    r.ParseFromString(call_raw(kWriteInput, twice));
    status("write_data_twice", r.status());
    pb::WriteInputRequest late;
    late.set_offset(0);
    std::string p = w.SerializeAsString();
    pb::WriteInputRequest t;
    t.set_tensor(0);
    t.set_model(1);
    p += t.SerializeAsString();
    r.ParseFromString(call_raw(kWriteInput, p));
    status("write_fields_after_data", r.status());
  }
  status("unknown_model", model_info(7).status());
  {
    pb::ReadOutputRequest q;
    q.set_model(0);
    q.set_tensor(5);
    q.set_length(1);
    status("unknown_output", call<pb::ReadOutputResponse>(kReadOutput, q).status());
  }
  status("unknown_input", write(0, 3, 0, Bytes{1}).status());
  status("write_out_of_range", write(0, 0, 4, Bytes(8, 1)).status());
  status("write_gap", write(1, 0, 100, Bytes(8, 1)).status());
  status("input_incomplete", (write(1, 0, 0, Bytes(3, 1)), execute(1)).status());
  status("output_not_ready", read(0, 0, 0, 8).status());
  status("read_out_of_range", read(1, 1, 9990, 20).status());
  status("read_too_long", read(1, 1, 0, 70000).status());
  status("pool_unknown", set_workspaces(placements(1, {{2, 0, 0, 0}})).status());
  status("region_unknown", set_workspaces(placements(1, {{0, 2, 0, 0}})).status());
  status("too_small", set_workspaces(placements(1, {{1, 1, 0, 100}})).status());
  status("outside_region", set_workspaces(placements(1, {{1, 1, 4000, 0}})).status());
  status("misaligned", set_workspaces(placements(1, {{1, 1, 16, 0}})).status());
  status("overlap", set_workspaces(placements(1, {{0, 1, 0, 0}, {1, 1, 0, 0}})).status());
  status("duplicate", set_workspaces(placements(1, {{0, 1, 0, 0}, {0, 1, 64, 0}})).status());
  status("too_many_placements", set_workspaces(placements(1, {{0, 1, 0, 0}, {1, 1, 64, 0}, {0, 1, 512, 0}})).status());
  // A SetWorkspaces that leaves a pool out, then Execute
  set_workspaces(placements(1, {{0, 1, 0, 0}}));
  for (uint32_t off = 0; off < TEST_SUM_SIZE; off += 4000)
    write(1, 0, off, Bytes(std::min<uint32_t>(4000, TEST_SUM_SIZE - off), 0));
  status("pool_left_out", execute(1).status());
  // A model failure: the runtime's text
  write(0, 0, 0, Bytes(8, 1));
  test_model_fail = 1;
  status("model_failed", execute(0).status());
  test_model_fail = 0;
  // init errors (device text only)
  { uint32_t c = driver_init_bad(DRIVER_BAD_PORT); device_only("config_port", c); }
  { uint32_t c = driver_init_bad(DRIVER_TOO_MANY_MODELS); device_only("config_models", c); }
  { uint32_t c = driver_init_bad(DRIVER_MISALIGNED_REGION); device_only("config_region", c); }

  for (const Golden &g : kGoldens) EXPECT_TRUE(seen_.count(g.name)) << g.name << " was not provoked";
}

}  // namespace
