// SPDX-License-Identifier: Apache-2.0
// test_agent_link.cpp — the agent's frame layer: Boot, Hello, Nak for every damaged frame, unknown
// and malformed messages; after each bad input the agent answers the next good request.
#include "agent_fixture.hpp"

namespace {

TEST_F(AgentTest, SendsBootAfterInit) {
  ASSERT_EQ(boot_.size(), 1u);
  EXPECT_EQ(boot_[0].type, pb::MESSAGE_TYPE_BOOT);
  EXPECT_EQ(boot_[0].seq, 0);
  pb::Boot boot;
  ASSERT_TRUE(boot.ParseFromString(boot_[0].payload));
  EXPECT_EQ(boot.status().boot_id(), kBoot);
  EXPECT_EQ(boot.protocol_version(), 3u);
}

TEST_F(AgentTest, HelloDescribesTheDevice) {
  auto r = hello();
  EXPECT_EQ(r.status().code(), 0u);
  EXPECT_EQ(r.protocol_version(), 3u);
  EXPECT_EQ(r.firmware_build_id().rfind("tvmcrt ", 0), 0u) << r.firmware_build_id();
  EXPECT_EQ(r.platform(), "test");
  EXPECT_EQ(r.max_frame_payload(), 4096u);
  EXPECT_EQ(r.receive_window(), 2u);
  EXPECT_EQ(r.model_count(), 2u);
  ASSERT_EQ(r.regions_size(), 2);
  EXPECT_EQ(r.regions(0).name(), "sram");
  EXPECT_EQ(r.regions(0).size(), static_cast<uint32_t>(TEST_ARENA_SIZE));
  EXPECT_EQ(r.regions(0).alignment(), 16u);
  EXPECT_EQ(r.regions(1).name(), "spare");
  EXPECT_EQ(r.regions(1).size(), 4096u);
  EXPECT_EQ(r.regions(1).alignment(), 64u);
  EXPECT_EQ(r.tick_hz(), 1000000u);
  // Reads are sent from the tensor, so they are not bounded by the frame payload (checked for real
  // in ReadOutputPastTheFramePayloadComesWholeInOneFrame).
  EXPECT_EQ(r.max_read_length(), 65536u);
}

TEST_F(AgentTest, EveryStatusCarriesThePortsReceiveLosses) {
  EXPECT_EQ(hello().status().rx_lost(), 0u);  // a port without rx_lost
  driver_set_rx_lost(17);
  EXPECT_EQ(hello().status().rx_lost(), 17u);
  pb::GetLastErrorRequest req;
  const auto r = call<pb::GetLastErrorResponse>(pb::MESSAGE_TYPE_GET_LAST_ERROR, req);
  EXPECT_EQ(r.status().rx_lost(), 17u);
  driver_set_rx_lost(0);
}

TEST_F(AgentTest, HelloWithAnotherProtocolVersionSaysSo) {
  auto r = hello(1);  // a host of protocol version 1
  EXPECT_EQ(r.status().code(), static_cast<uint32_t>(AGENT_ERR_UNSUPPORTED_VERSION));
  EXPECT_EQ(text(r.status()), "host speaks protocol 1, device 3: use a tvmcrt-host that matches the firmware");
  EXPECT_EQ(r.protocol_version(), 3u);
  expect_alive();
}

TEST_F(AgentTest, BadCrcIsNakedAndCounted) {
  pb::HelloRequest req;
  req.set_protocol_version(3);
  // Build the raw frame, corrupt a payload byte (COBS re-encoded so only the CRC is wrong).
  std::string payload = req.SerializeAsString();
  Bytes raw(payload.size() + 8);
  std::memcpy(raw.data() + 4, payload.data(), payload.size());
  tvmcrt_frame_seal(raw.data(), kHello, 5, payload.size());
  raw[4] ^= 0x01;
  Bytes wire(TVMCRT_COBS_MAX_ENCODED(raw.size()));
  wire.resize(tvmcrt_cobs_encode(raw.data(), raw.size(), wire.data(), wire.size()));
  auto nak = expect_nak(wire, AGENT_ERR_BAD_CRC);
  EXPECT_EQ(nak.frames_dropped(), 1u);
  EXPECT_NE(text(nak.status()).find("CRC mismatch"), std::string::npos);
  EXPECT_EQ(expect_nak(wire, AGENT_ERR_BAD_CRC).frames_dropped(), 2u);
  expect_alive();
}

TEST_F(AgentTest, OversizeFrameIsNaked) {
  auto nak = expect_nak(wire_util::encode_frame(kWriteInput, 3, std::string(4097, 'x')),
                        AGENT_ERR_FRAME_TOO_LARGE);
  EXPECT_NE(text(nak.status()).find("4096"), std::string::npos) << text(nak.status());
  expect_alive();
}

TEST_F(AgentTest, OtherFramingVersionIsNaked) {
  pb::HelloRequest req;
  req.set_protocol_version(3);
  auto nak = expect_nak(wire_util::encode_frame(kHello, 3, req.SerializeAsString(), 2),
                        AGENT_ERR_UNSUPPORTED_VERSION);
  EXPECT_NE(text(nak.status()).find("framing version 2"), std::string::npos);
  expect_alive();
}

TEST_F(AgentTest, ShortFrameAndBrokenCobsAreNaked) {
  expect_nak(Bytes{0x04, 0x01, 0x02, 0x03, 0x00}, AGENT_ERR_BAD_FRAMING);  // 3 raw bytes
  expect_nak(Bytes{0x09, 0x01, 0x02, 0x00}, AGENT_ERR_BAD_FRAMING);        // block cut short
  expect_alive();
}

TEST_F(AgentTest, FlushesAndGarbageBetweenFramesAreHarmless) {
  Bytes bytes = {0x00, 0x00, 0x00};
  EXPECT_TRUE(send_bytes(bytes).empty());  // empty frames: nothing to answer
  expect_alive();
}

TEST_F(AgentTest, UnknownMessageTypeGetsAStatusOnlyResponse) {
  for (uint8_t type : {uint8_t{0}, uint8_t{9}, uint8_t{0x81}, uint8_t{0xFF}}) {
    pb::SetWorkspacesResponse r;  // {Status status = 1}: the head every response shares
    ASSERT_TRUE(r.ParseFromString(call_raw(type, "")));
    EXPECT_EQ(r.status().code(), static_cast<uint32_t>(AGENT_ERR_UNKNOWN_MESSAGE));
    EXPECT_NE(text(r.status()).find("message type"), std::string::npos);
  }
  expect_alive();
}

TEST_F(AgentTest, MalformedProtobufIsRefusedForEveryRequest) {
  const std::string bad_length("\x08\x01\x12\x05\x01", 5);          // field 2 claims 5 bytes
  const std::string long_varint("\x08\xff\xff\xff\xff\xff\xff\xff\xff\xff\xff\x01", 12);
  const std::string bad_wire_type("\x0f", 1);                       // wire type 7
  for (uint8_t type = kHello; type <= kGetLastError; type++) {
    for (const auto &payload : {bad_length, long_varint, bad_wire_type}) {
      // GetLastErrorRequest has no fields: nanopb skips an unknown varint of any length.
      if (type == kGetLastError && payload == long_varint) continue;
      pb::SetWorkspacesResponse r;
      ASSERT_TRUE(r.ParseFromString(call_raw(type, payload))) << int(type);
      EXPECT_EQ(r.status().code(), static_cast<uint32_t>(AGENT_ERR_MALFORMED_MESSAGE))
          << "type " << int(type) << ": " << text(r.status());
    }
  }
  expect_alive();
}

TEST_F(AgentTest, HugeVarintValuesDoNotIndexAnything) {
  // model = 0xFFFFFFFF as a 5-byte varint: a valid uint32 that names no model.
  pb::ModelInfoRequest req;
  req.set_model(0xFFFFFFFFu);
  auto r = call<pb::ModelInfoResponse>(kModelInfo, req);
  EXPECT_EQ(r.status().code(), static_cast<uint32_t>(AGENT_ERR_UNKNOWN_MODEL));
  EXPECT_NE(text(r.status()).find("4294967295"), std::string::npos) << text(r.status());
  expect_alive();
}

TEST_F(AgentTest, PipelinedRequestsAreAnsweredInOrder) {
  pb::WriteInputRequest w;
  w.set_data(std::string(8, '\x05'));
  pb::ReadOutputRequest r;
  r.set_length(8);
  Bytes all;
  auto add = [&](uint8_t type, uint16_t seq, const std::string &payload) {
    Bytes f = wire_util::encode_frame(type, seq, payload);
    all.insert(all.end(), f.begin(), f.end());
  };
  add(kWriteInput, 100, w.SerializeAsString());
  add(kExecute, 101, "");
  add(kReadOutput, 102, r.SerializeAsString());
  auto frames = send_bytes(all);  // one burst, as a host with a receive window sends it
  ASSERT_EQ(frames.size(), 3u);
  for (int i = 0; i < 3; i++) EXPECT_EQ(frames[i].seq, 100 + i);
  pb::ReadOutputResponse out;
  ASSERT_TRUE(out.ParseFromString(frames[2].payload));
  EXPECT_EQ(out.data(), std::string(8, '\x06'));
}

TEST_F(AgentTest, PollReportsALinkThatIsGone) {
  pb::HelloRequest req;
  req.set_protocol_version(3);
  Bytes frame = wire_util::encode_frame(kHello, 1, req.SerializeAsString());
  driver_fail_writes(true);
  EXPECT_FALSE(driver_feed(frame.data(), frame.size()));
  driver_fail_writes(false);
  take();
  expect_alive();
}

TEST(AgentInit, RefusesWhatItCannotServeAndNamesTheFix) {
  EXPECT_EQ(driver_init_bad(DRIVER_BAD_PORT), static_cast<uint32_t>(AGENT_ERR_CONFIG_ARGUMENT));
  EXPECT_NE(std::string(driver_last_error_text()).find("port incomplete"), std::string::npos);
  EXPECT_EQ(driver_init_bad(DRIVER_TOO_MANY_MODELS), static_cast<uint32_t>(AGENT_ERR_CONFIG_LIMIT));
  EXPECT_NE(std::string(driver_last_error_text()).find("raise TVMCRT_AGENT_MAX_MODELS"),
            std::string::npos)
      << driver_last_error_text();
  EXPECT_EQ(driver_init_bad(DRIVER_MISALIGNED_REGION),
            static_cast<uint32_t>(AGENT_ERR_CONFIG_ARGUMENT));
  EXPECT_NE(std::string(driver_last_error_text()).find("region 1"), std::string::npos);
}

}  // namespace
