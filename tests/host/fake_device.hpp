// SPDX-License-Identifier: Apache-2.0
// fake_device.hpp — a scripted stand-in for the device agent, speaking real frames (tvmcrt_frame)
// and real protobuf over a file descriptor (socketpair end or pty master) in its own thread, with
// faults on demand: lost requests/responses, Naks, corrupted bytes, resets, wrong versions, silence.
//
// It serves one model "m": input "x" uint8 [input_size], output "y" = x + 1 (uint8, wrapping), one
// stack pool "workspace"; and region "sram".
#pragma once

#include <atomic>
#include <memory>
#include <cstdint>
#include <set>
#include <string>
#include <thread>
#include <vector>

namespace tvmcrt::test {

struct FakeScript {
  std::uint32_t protocol_version = 3;  // the version this tree speaks (kProtocolVersion, TVMCRT_AGENT_PROTOCOL_VERSION)
  std::uint32_t boot_id = 7;
  std::uint32_t max_payload = 256;
  std::uint32_t max_read_length = 0;  // HelloResponse.max_read_length; 0 = not announced
  std::uint32_t window = 4;
  std::uint32_t input_size = 1000;
  std::set<int> drop_request;    // request frames (0-based arrival index) ignored as if lost
  std::set<int> drop_response;   // processed, but the response is not sent
  std::set<int> nak_request;     // dropped and answered with a Nak (as after a bad CRC)
  std::set<int> corrupt_response;  // response sent with one flipped payload byte (bad CRC)
  int reboot_at = -1;            // from this request on: boot_id + 1 in every Status
  int boot_frame_at = -1;        // before answering this request: send a Boot frame, new boot id
  int boot_nak_after_ms = -1;    // ... and this long after it a Nak (what a starting UART heard)
  bool stale_burst = false;      // before answering ModelInfo: WriteInput responses with its and the
                                 // next sequence numbers, as from an earlier session killed mid-command
  std::size_t damage_requests_over = 0;   // request payloads longer: Nak'd, as a line damaging
  std::size_t damage_responses_over = 0;  // long frames would; response payloads longer: corrupted
  int delay_ms = 0;               // before every response: a slow device or line
  bool silent = false;           // read everything, answer nothing
  std::uint32_t rx_lost = 0;     // Status.rx_lost in answers to requests from index rx_lost_from on
  int rx_lost_from = 0;
  bool garbage = false;          // answer every request with bytes that are no frame (wrong baud rate)
  bool model_fails = false;      // Execute fails: runtime code 0x1201 and a last-error text
  bool no_followers = false;     // Execute never sends the outputs it is asked for after it
  int corrupt_follower = -1;     // the follower frame (0-based, over the session) sent with a bad CRC
  bool telnet_greeting = false;  // first send telnet option negotiation, as a telnet/RFC 2217 server does
};

class FakeDevice {
 public:
  FakeDevice(int fd, FakeScript script);  // takes ownership of fd
  ~FakeDevice();
  int requests() const { return requests_.load(); }
  int executes() const { return executes_.load(); }
  int reads() const { return reads_.load(); }  // ReadOutput requests handled

 private:
  void run();
  std::string handle(std::uint8_t type, const std::string &payload, int index,
                     std::vector<std::string> &followers);
  void send_frame(std::uint8_t type, std::uint16_t seq, const std::string &payload, bool corrupt);

  struct State;
  int fd_;
  std::unique_ptr<State> st_;
  FakeScript s_;
  std::atomic<bool> stop_{false};
  std::atomic<int> requests_{0}, executes_{0}, reads_{0};
  int followers_sent_ = 0;
  std::thread thread_;
};

}  // namespace tvmcrt::test
