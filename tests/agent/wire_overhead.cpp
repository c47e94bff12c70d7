// SPDX-License-Identifier: Apache-2.0
// wire_overhead.cpp — measures what a 64 KiB WriteInput upload costs on the wire at the default
// max payload of 4096: tensor bytes / link bytes (host -> device), for random, all-0x00 and
// all-0xFF data, with the real frame codec and protobuf encoding. Prints the figures quoted in
// docs/protocol.md and fails if efficiency drops below 99 %.
#include <cstdio>
#include <random>
#include <string>

#include "wire_util.hpp"

namespace pb = tvmcrt::wire;

// Largest data chunk whose WriteInputRequest still fits `max_payload`.
static size_t chunk_for(uint32_t offset, size_t left, size_t max_payload) {
  size_t chunk = left < max_payload ? left : max_payload;
  for (;; chunk--) {
    pb::WriteInputRequest req;
    req.set_model(1);
    req.set_tensor(1);
    req.set_offset(offset);
    req.set_data(std::string(chunk, 'x'));
    if (req.ByteSizeLong() <= max_payload) return chunk;
  }
}

int main() {
  const size_t total = 64 * 1024, max_payload = 4096;
  std::mt19937 rng(7);
  struct Kind {
    const char *name;
    std::string data;
  } kinds[] = {{"random", std::string(total, '\0')}, {"all 0x00", std::string(total, '\0')},
               {"all 0xFF", std::string(total, '\xff')}};
  for (auto &c : kinds[0].data) c = static_cast<char>(rng());
  int rc = 0;
  for (auto &k : kinds) {
    size_t wire = 0, frames = 0;
    for (uint32_t off = 0; off < total;) {
      size_t n = chunk_for(off, total - off, max_payload);
      pb::WriteInputRequest req;
      req.set_model(1);
      req.set_tensor(1);
      req.set_offset(off);
      req.set_data(k.data.substr(off, n));
      wire += wire_util::encode_frame(pb::MESSAGE_TYPE_WRITE_INPUT, 1, req.SerializeAsString()).size();
      frames++;
      off += static_cast<uint32_t>(n);
    }
    double eff = static_cast<double>(total) / static_cast<double>(wire);
    std::printf("64 KiB WriteInput, %-8s: %zu frames, %zu wire bytes, payload/wire = %.4f\n", k.name,
                frames, wire, eff);
    if (eff < 0.99) rc = 1;
  }
  return rc;
}
