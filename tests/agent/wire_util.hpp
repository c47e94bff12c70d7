// SPDX-License-Identifier: Apache-2.0
// wire_util.hpp — frames for the agent tests, built with the shared frame codec and the host's
// protobuf C++ classes (an implementation independent of the agent's nanopb code).
#ifndef TESTS_AGENT_WIRE_UTIL_HPP_
#define TESTS_AGENT_WIRE_UTIL_HPP_

#include <cstdint>
#include <cstring>
#include <string>
#include <vector>

#include "tvmcrt.pb.h"
#include "tvmcrt_frame.h"

namespace wire_util {

using Bytes = std::vector<uint8_t>;
namespace pb = tvmcrt::wire;

struct Frame {
  uint8_t type = 0;
  uint16_t seq = 0;
  std::string payload;
};

// COBS-encoded frame with header and CRC; `version` lets tests send foreign framing versions.
inline Bytes encode_frame(uint8_t type, uint16_t seq, const std::string &payload,
                          uint8_t version = TVMCRT_FRAME_VERSION) {
  Bytes raw(payload.size() + TVMCRT_FRAME_OVERHEAD);
  std::memcpy(raw.data() + TVMCRT_FRAME_HEADER_SIZE, payload.data(), payload.size());
  tvmcrt_frame_seal(raw.data(), type, seq, payload.size());
  if (version != TVMCRT_FRAME_VERSION) {
    raw[0] = version;
    uint32_t crc = tvmcrt_crc32(0, raw.data(), raw.size() - 4);
    for (int i = 0; i < 4; i++) raw[raw.size() - 4 + i] = static_cast<uint8_t>(crc >> (8 * i));
  }
  Bytes out(TVMCRT_COBS_MAX_ENCODED(raw.size()));
  out.resize(tvmcrt_cobs_encode(raw.data(), raw.size(), out.data(), out.size()));
  return out;
}

// Streaming decoder for what the device sends; keeps partial frames between calls.
class Reader {
 public:
  Reader() : buf_(70000) { tvmcrt_deframer_init(&d_, buf_.data(), buf_.size()); }
  // Appends complete, valid frames to `out`; returns false if a damaged frame arrived.
  bool push(const uint8_t *bytes, size_t len, std::vector<Frame> &out) {
    bool ok = true;
    for (size_t i = 0; i < len; i++) {
      tvmcrt_deframe_result_t r = tvmcrt_deframer_push(&d_, bytes[i]);
      if (r == TVMCRT_DEFRAME_MORE) continue;
      Frame f;
      const uint8_t *payload = nullptr;
      size_t n = 0;
      if (r != TVMCRT_DEFRAME_FRAME ||
          tvmcrt_frame_open(buf_.data(), d_.len, &f.type, &f.seq, &payload, &n) != TVMCRT_FRAME_OK) {
        ok = false;
        continue;
      }
      f.payload.assign(reinterpret_cast<const char *>(payload), n);
      out.push_back(f);
    }
    return ok;
  }

 private:
  Bytes buf_;
  tvmcrt_deframer_t d_;
};

}  // namespace wire_util

#endif
