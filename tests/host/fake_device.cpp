// SPDX-License-Identifier: Apache-2.0
#include "fake_device.hpp"

#include <poll.h>
#include <signal.h>
#include <unistd.h>

#include <cerrno>
#include <chrono>
#include <thread>
#include <vector>

#include "tvmcrt.pb.h"
#include "tvmcrt/tvmcrt_error_texts.h"
#include "tvmcrt_agent_texts.h"
#include "tvmcrt_frame.h"

namespace tvmcrt::test {

struct FakeDevice::State {
  std::vector<std::uint8_t> input, output;
  std::uint32_t received = 0;
  std::uint32_t upload = 0;  // WriteInputRequest.upload of the write at offset 0, as the agent keeps it
  bool output_ready = false;
  std::uint32_t last_run = 0;  // ExecuteRequest.run of the run kept, as the agent does
  std::string last_exec_response;
  std::uint32_t boot_id = 0;
};

namespace {
// A peer that closed its end must not kill the test process with SIGPIPE on the next write.
const bool sigpipe_ignored = [] { return signal(SIGPIPE, SIG_IGN) != SIG_ERR; }();

template <typename M>
std::string ser(const M &m) {
  return m.SerializeAsString();
}

// An error's sentence as the agent sends it: a row's number and its arguments.
wire::ErrorText error_text(std::uint32_t id, std::initializer_list<std::uint32_t> numbers,
                           std::initializer_list<const char *> strings) {
  wire::ErrorText t;
  t.set_text(id);
  for (std::uint32_t n : numbers) t.add_numbers(n);
  for (const char *s : strings) t.add_strings(s);
  return t;
}

const wire::ErrorText kModelFailure = error_text(TVMCRT_TEXT_ID(TVMCRT_TEXT_MODEL_FAILED_SAYING), {0xFFFFFFFFu},
                                                 {"m", "operator fused_add failed: injected by the fake device"});
}  // namespace

FakeDevice::FakeDevice(int fd, FakeScript script)
    : fd_(fd), st_(std::make_unique<State>()), s_(std::move(script)) {
  st_->boot_id = s_.boot_id;
  thread_ = std::thread([this] { run(); });
}

FakeDevice::~FakeDevice() {
  stop_ = true;
  thread_.join();
  ::close(fd_);
}

void FakeDevice::send_frame(std::uint8_t type, std::uint16_t seq, const std::string &payload, bool corrupt) {
  std::vector<std::uint8_t> raw(TVMCRT_FRAME_OVERHEAD + payload.size());
  std::copy(payload.begin(), payload.end(), raw.begin() + TVMCRT_FRAME_HEADER_SIZE);
  const std::size_t n = tvmcrt_frame_seal(raw.data(), type, seq, payload.size());
  if (corrupt) raw[TVMCRT_FRAME_HEADER_SIZE] ^= 0x5a;
  std::vector<std::uint8_t> wire(TVMCRT_COBS_MAX_ENCODED(n));
  wire.resize(tvmcrt_cobs_encode(raw.data(), n, wire.data(), wire.size()));
  std::size_t off = 0;
  while (off < wire.size()) {
    const ssize_t w = ::write(fd_, wire.data() + off, wire.size() - off);
    if (w > 0) off += static_cast<std::size_t>(w);
    else if (w < 0 && errno != EAGAIN && errno != EINTR) return;
  }
}

void FakeDevice::run() {
  State &state = *st_;
  if (s_.telnet_greeting) {  // IAC WILL ECHO, IAC WILL SUPPRESS-GO-AHEAD
    const std::uint8_t iac[] = {0xFF, 0xFB, 0x01, 0xFF, 0xFB, 0x03};
    if (::write(fd_, iac, sizeof iac) != static_cast<ssize_t>(sizeof iac)) return;
  }
  std::vector<std::uint8_t> buf(70000);
  tvmcrt_deframer_t d;
  tvmcrt_deframer_init(&d, buf.data(), buf.size());
  while (!stop_) {
    pollfd p{fd_, POLLIN, 0};
    if (::poll(&p, 1, 20) <= 0) continue;
    if (!(p.revents & POLLIN)) {  // a pty master whose slave nobody has open: wait for one
      ::usleep(20000);
      continue;
    }
    std::uint8_t in[4096];
    const ssize_t n = ::read(fd_, in, sizeof in);
    if (n <= 0) {
      if (n == 0 || (errno != EAGAIN && errno != EINTR && errno != EIO)) return;
      continue;
    }
    for (ssize_t i = 0; i < n; ++i) {
      if (tvmcrt_deframer_push(&d, in[i]) != TVMCRT_DEFRAME_FRAME) continue;
      std::uint8_t type;
      std::uint16_t seq;
      const std::uint8_t *payload;
      std::size_t len;
      if (tvmcrt_frame_open(buf.data(), d.len, &type, &seq, &payload, &len) != TVMCRT_FRAME_OK) continue;
      const int index = requests_++;
      if (s_.silent || s_.drop_request.count(index)) continue;
      if (s_.garbage) {  // what 8N1 bytes at the wrong rate look like: short runs between zeros
        static const std::uint8_t junk[] = {0xe6, 0x1f, 0x00, 0x98, 0x00, 0xfe, 0x7c, 0x33, 0x81, 0x00, 0x00, 0xf0};
        (void)!::write(fd_, junk, sizeof junk);
        continue;
      }
      if (s_.nak_request.count(index) || (s_.damage_requests_over && len > s_.damage_requests_over)) {
        wire::Nak nak;
        nak.mutable_status()->set_boot_id(state.boot_id);
        nak.mutable_status()->set_code(AGENT_ERR_BAD_CRC);
        send_frame(wire::MESSAGE_TYPE_NAK, 0, ser(nak), false);
        continue;
      }
      if (index == s_.boot_frame_at) {
        wire::Boot boot;
        boot.mutable_status()->set_boot_id(++state.boot_id);
        boot.set_protocol_version(s_.protocol_version);
        send_frame(wire::MESSAGE_TYPE_BOOT, 0, ser(boot), false);
        if (s_.boot_nak_after_ms >= 0) {
          std::this_thread::sleep_for(std::chrono::milliseconds(s_.boot_nak_after_ms));
          wire::Nak nak;
          nak.mutable_status()->set_boot_id(state.boot_id);
          nak.mutable_status()->set_code(AGENT_ERR_BAD_CRC);
          send_frame(wire::MESSAGE_TYPE_NAK, 0, ser(nak), false);
        }
        continue;
      }
      if (index == s_.reboot_at) ++state.boot_id;
      if (index == 1 && s_.stale_burst) {
        wire::WriteInputResponse stale;
        stale.mutable_status()->set_boot_id(state.boot_id);
        for (int k = 0; k < 8; ++k)
          send_frame(wire::MESSAGE_TYPE_WRITE_INPUT | TVMCRT_FRAME_RESPONSE_BIT, static_cast<std::uint16_t>(seq + k),
                     ser(stale), false);
      }
      std::vector<std::string> followers;
      const std::string resp =
          handle(type, std::string(reinterpret_cast<const char *>(payload), len), index, followers);
      if (s_.delay_ms) ::usleep(static_cast<useconds_t>(s_.delay_ms) * 1000);
      if (!s_.drop_response.count(index))
        send_frame(static_cast<std::uint8_t>(type | TVMCRT_FRAME_RESPONSE_BIT), seq, resp,
                   s_.corrupt_response.count(index) > 0 ||
                       (s_.damage_responses_over && resp.size() > s_.damage_responses_over));
      for (const std::string &f : followers)  // the outputs an Execute sends after its answer
        send_frame(wire::MESSAGE_TYPE_READ_OUTPUT | TVMCRT_FRAME_RESPONSE_BIT, seq, f,
                   followers_sent_++ == s_.corrupt_follower);
    }
  }
}

std::string FakeDevice::handle(std::uint8_t type, const std::string &payload, int index,
                               std::vector<std::string> &followers) {
  State &S = *st_;
  auto status = [&](wire::Status *s, std::uint32_t code = 0, const wire::ErrorText &text = {}) {
    s->set_boot_id(S.boot_id);
    s->set_code(code);
    if (code) *s->mutable_text() = text;
    if (index >= s_.rx_lost_from) s->set_rx_lost(s_.rx_lost);
  };
  switch (type) {
    case wire::MESSAGE_TYPE_HELLO: {
      wire::HelloResponse r;
      status(r.mutable_status(), s_.protocol_version == 3 ? 0 : AGENT_ERR_UNSUPPORTED_VERSION);
      r.set_protocol_version(s_.protocol_version);
      r.set_firmware_build_id("fake 1.0");
      r.set_platform("fake");
      r.set_max_frame_payload(s_.max_payload);
      r.set_max_read_length(s_.max_read_length);
      r.set_receive_window(s_.window);
      r.set_model_count(1);
      r.set_tick_hz(1000000);
      auto *reg = r.add_regions();
      reg->set_name("sram");
      reg->set_size(4096);
      reg->set_alignment(16);
      S.input.assign(s_.input_size, 0);
      S.upload = S.last_run = 0;  // a new session's ids are its own
      return ser(r);
    }
    case wire::MESSAGE_TYPE_MODEL_INFO: {
      wire::ModelInfoResponse r;
      status(r.mutable_status());
      r.set_name("m");
      for (auto *t : {r.add_inputs(), r.add_outputs()}) {
        t->set_dtype(wire::DTYPE_UINT8);
        t->add_shape(s_.input_size);
        t->set_size_bytes(s_.input_size);
      }
      r.mutable_inputs(0)->set_name("x");
      r.mutable_outputs(0)->set_name("y");
      auto *p = r.add_pools();
      p->set_name("workspace");
      p->set_is_stack(true);
      p->set_size_bytes(128);
      p->set_alignment(16);
      return ser(r);
    }
    case wire::MESSAGE_TYPE_WRITE_INPUT: {
      wire::WriteInputRequest q;
      q.ParseFromString(payload);
      wire::WriteInputResponse r;
      if (q.offset() > S.received) {
        status(r.mutable_status(), AGENT_ERR_WRITE_GAP,
               error_text(TVMCRT_TEXT_ID(AGENT_TEXT_WRITE_GAP), {S.received, q.offset(), 0}, {"x", "m"}));
      } else if (q.offset() + q.data().size() > S.input.size()) {
        status(r.mutable_status(), AGENT_ERR_OUT_OF_RANGE);
      } else {
        std::copy(q.data().begin(), q.data().end(), S.input.begin() + q.offset());
        if (q.offset() == 0) S.upload = q.upload();
        S.received = std::max<std::uint32_t>(S.received, q.offset() + static_cast<std::uint32_t>(q.data().size()));
        if (q.offset() == 0) S.received = static_cast<std::uint32_t>(q.data().size());
        status(r.mutable_status());
      }
      r.set_received(S.received);
      return ser(r);
    }
    case wire::MESSAGE_TYPE_EXECUTE: {
      wire::ExecuteRequest q;
      q.ParseFromString(payload);
      wire::ExecuteResponse r;
      if (q.run() != 0 && q.run() == S.last_run) {
        r.ParseFromString(S.last_exec_response);  // the same run id: its answer again, no second run
      } else if (S.received != S.input.size() || (q.upload() != 0 && q.upload() != S.upload)) {
        status(r.mutable_status(), AGENT_ERR_INPUT_INCOMPLETE);  // refused, not kept
        return ser(r);
      } else {
        ++executes_;
        r.set_runs(static_cast<std::uint32_t>(executes_.load()));
        if (s_.model_fails) {
          status(r.mutable_status(), AGENT_ERR_MODEL_FAILED, kModelFailure);
          r.set_runtime_code(0x1201);
        } else {
          status(r.mutable_status());
          S.output = S.input;
          for (auto &b : S.output) ++b;
          S.output_ready = true;
          r.set_microseconds(42);
        }
        S.last_run = q.run();
        S.last_exec_response = ser(r);
      }
      if (r.status().code() == 0 && q.output_chunk() != 0 && !s_.no_followers)
        for (std::uint32_t at = 0; at < S.output.size(); at += q.output_chunk()) {
          wire::ReadOutputResponse o;
          status(o.mutable_status());
          o.set_offset(at);
          o.set_data(S.output.data() + at, std::min<std::size_t>(q.output_chunk(), S.output.size() - at));
          followers.push_back(ser(o));
        }
      return ser(r);
    }
    case wire::MESSAGE_TYPE_READ_OUTPUT: {
      wire::ReadOutputRequest q;
      q.ParseFromString(payload);
      wire::ReadOutputResponse r;
      ++reads_;
      if (!S.output_ready) status(r.mutable_status(), AGENT_ERR_OUTPUT_NOT_READY);
      else if (q.offset() + q.length() > S.output.size()) status(r.mutable_status(), AGENT_ERR_OUT_OF_RANGE);
      else {
        status(r.mutable_status());
        r.set_offset(q.offset());
        r.set_data(S.output.data() + q.offset(), q.length());
      }
      return ser(r);
    }
    case wire::MESSAGE_TYPE_GET_LAST_ERROR: {
      wire::GetLastErrorResponse r;
      status(r.mutable_status());
      if (s_.model_fails) {
        r.set_code(0x1201);
        *r.mutable_error() = kModelFailure;
      }
      return ser(r);
    }
    default: {
      wire::SetWorkspacesResponse r;
      status(r.mutable_status(), AGENT_ERR_UNKNOWN_MESSAGE);
      return ser(r);
    }
  }
}

}  // namespace tvmcrt::test
