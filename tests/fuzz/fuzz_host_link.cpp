// SPDX-License-Identifier: Apache-2.0
// fuzz_host_link.cpp — libFuzzer target for what the host does with a device's bytes: the deframer
// and frame checks of host/lib/link.cpp and the response decoding and checks of host/lib/device.cpp
// (Hello, ModelInfo, WriteInput, Execute, ReadOutput, GetLastError), driven as tvmcrt-host execute
// drives them. The fuzz input plays a hostile device: for every request frame the host writes, the
// next record of the input says what comes back.
//
// Record: kind (1 byte), length (1 byte), that many bytes.
//   kind % 4 == 0  a response frame to that request (its type | 0x80, its sequence number) with the
//                  bytes as payload and a good CRC
//   kind % 4 == 1  the bytes as they are, on the line
//   kind % 4 == 2  a frame of type kind / 4 (Nak, Boot, anything) with sequence number 0
//   kind % 4 == 3  a response frame with a sequence number off by kind / 4
// At the end of the input the "device" closes the link, so every run ends quickly.
// Checks, besides the sanitizers: every failure is a tvmcrt::host::Error (of the link's classes).
#include <cstdint>
#include <cstdlib>
#include <cstring>
#include <deque>
#include <memory>
#include <vector>

#include <boost/asio/error.hpp>
#include <boost/asio/post.hpp>
#include <google/protobuf/stubs/logging.h>

#include "device.hpp"
#include "error.hpp"
#include "tvmcrt_frame.h"

namespace asio = boost::asio;
using namespace tvmcrt::host;

namespace {

class ScriptedDevice : public Transport {
 public:
  ScriptedDevice(asio::io_context &io, const std::uint8_t *data, std::size_t size)
      : Transport("fuzz://device", 1e9), io_(io), script_(data), left_(size), raw_(1 << 16) {
    tvmcrt_deframer_init(&deframer_, raw_.data(), raw_.size());
  }
  void async_read_some(asio::mutable_buffer buf, Handler h) override {
    read_buf_ = buf;
    read_handler_ = std::move(h);
    deliver();
  }
  void async_write_some(asio::const_buffer buf, Handler h) override {
    const auto *p = static_cast<const std::uint8_t *>(buf.data());
    for (std::size_t i = 0; i < buf.size(); ++i) {
      if (tvmcrt_deframer_push(&deframer_, p[i]) != TVMCRT_DEFRAME_FRAME || deframer_.len < TVMCRT_FRAME_OVERHEAD)
        continue;
      answer(raw_[1], static_cast<std::uint16_t>(raw_[2] | raw_[3] << 8));
    }
    asio::post(io_, [h = std::move(h), n = buf.size()] { h({}, n); });
    deliver();
  }
  void close() override { closed_ = true; }

 private:
  void frame(std::uint8_t type, std::uint16_t seq, const std::uint8_t *payload, std::size_t len) {
    std::vector<std::uint8_t> raw(TVMCRT_FRAME_OVERHEAD + len);
    std::memcpy(raw.data() + TVMCRT_FRAME_HEADER_SIZE, payload, len);
    tvmcrt_frame_seal(raw.data(), type, seq, len);
    std::vector<std::uint8_t> wire(TVMCRT_COBS_MAX_ENCODED(raw.size()));
    wire.resize(tvmcrt_cobs_encode(raw.data(), raw.size(), wire.data(), wire.size()));
    out_.insert(out_.end(), wire.begin(), wire.end());
  }
  void answer(std::uint8_t type, std::uint16_t seq) {
    if (left_ < 2) {
      eof_ = true;
      return;
    }
    const std::uint8_t kind = script_[0];
    std::size_t len = script_[1];
    len = len < left_ - 2 ? len : left_ - 2;
    const std::uint8_t *bytes = script_ + 2;
    script_ += 2 + len;
    left_ -= 2 + len;
    switch (kind % 4) {
      case 0: frame(static_cast<std::uint8_t>(type | TVMCRT_FRAME_RESPONSE_BIT), seq, bytes, len); break;
      case 1: out_.insert(out_.end(), bytes, bytes + len); break;
      case 2: frame(static_cast<std::uint8_t>(kind / 4), 0, bytes, len); break;
      default: frame(static_cast<std::uint8_t>(type | TVMCRT_FRAME_RESPONSE_BIT),
                     static_cast<std::uint16_t>(seq + kind / 4), bytes, len);
    }
  }
  void deliver() {
    if (!read_handler_ || (out_.empty() && !eof_ && !closed_)) return;
    Handler h = std::move(read_handler_);
    read_handler_ = nullptr;
    if (out_.empty()) {
      asio::post(io_, [h = std::move(h)] { h(asio::error::eof, 0); });
      return;
    }
    const std::size_t n = std::min(out_.size(), read_buf_.size());
    std::copy(out_.begin(), out_.begin() + static_cast<std::ptrdiff_t>(n), static_cast<std::uint8_t *>(read_buf_.data()));
    out_.erase(out_.begin(), out_.begin() + static_cast<std::ptrdiff_t>(n));
    asio::post(io_, [h = std::move(h), n] { h({}, n); });
  }

  asio::io_context &io_;
  const std::uint8_t *script_;
  std::size_t left_;
  std::vector<std::uint8_t> raw_;
  tvmcrt_deframer_t deframer_{};
  std::deque<std::uint8_t> out_;
  asio::mutable_buffer read_buf_;
  Handler read_handler_;
  bool eof_ = false, closed_ = false;
};

constexpr std::size_t kMaxTensor = 1 << 16;  // larger tensors: the driver skips them (time, not bugs)

void run(Device &dev) {
  for (std::uint32_t m = 0; m < dev.models().size(); ++m) {
    const auto &info = dev.models()[m];
    std::vector<std::vector<std::uint8_t>> inputs;
    std::vector<tvmcrt::host::RunInput> run_inputs;
    inputs.reserve(static_cast<std::size_t>(info.inputs_size()));  // the pointers below stay valid
    for (int i = 0; i < info.inputs_size(); ++i) {
      const std::size_t n = info.inputs(i).size_bytes();
      if (n > kMaxTensor) return;
      inputs.emplace_back(n);
      run_inputs.push_back({static_cast<std::uint32_t>(i), inputs.back().data(), n});
    }
    for (int o = 0; o < info.outputs_size(); ++o)
      if (info.outputs(o).size_bytes() > kMaxTensor) return;
    // The pipelined run (the device's unasked outputs, the fall back to single requests) ...
    const auto r = dev.run(m, run_inputs, 0.001);
    for (int o = 0; o < info.outputs_size(); ++o)
      if (r.outputs[static_cast<std::size_t>(o)].size() != info.outputs(o).size_bytes()) std::abort();
    // ... and the single requests themselves.
    for (const auto &in : run_inputs) dev.write_input(m, in.tensor, in.data, in.len);
    dev.execute(m, 0.001);
    for (int o = 0; o < info.outputs_size(); ++o) {
      if (info.outputs(o).size_bytes() > kMaxTensor) return;
      const auto y = dev.read_output(m, static_cast<std::uint32_t>(o));
      if (y.size() != info.outputs(o).size_bytes()) std::abort();
    }
  }
}

}  // namespace

// protobuf logs every invalid UTF-8 string it parses; the host turns those into protocol errors.
extern "C" int LLVMFuzzerInitialize(int *, char ***) {
  google::protobuf::SetLogHandler(nullptr);
  return 0;
}

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t *data, std::size_t size) {
  auto io = std::make_unique<asio::io_context>();
  auto transport = std::make_unique<ScriptedDevice>(*io, data, size);
  DeviceOptions opt;
  opt.link.turnaround_s = 0.00002;  // a record that answers nothing costs a retransmission, not time
  opt.link.max_retries = 2;
  opt.link.max_noisy_retries = 2;
  try {
    Device dev(std::move(io), std::move(transport), opt);
    run(dev);
  } catch (const Error &e) {
    if (e.error_class() == ErrorClass::file || e.error_class() == ErrorClass::mismatch) std::abort();
  }
  return 0;
}
