// SPDX-License-Identifier: Apache-2.0
// line_diagnosis.hpp — what the bytes on a port that never answered our protocol say about what is
// on the other end, for the error message: a telnet (RFC 2217) server reached with socket://, a line
// that echoes our own frames, a different firmware printing text, or silence on a TCP server that
// may be serving another client. Kept apart from link.cpp so the rules are tested on bytes alone.
#pragma once

#include <cstdint>
#include <optional>
#include <string>

#include "error.hpp"

namespace tvmcrt::host {

struct LineEvidence {
  std::string port;         // the port string ("socket://127.0.0.1:4000", "/dev/ttyACM0")
  std::string first_bytes;  // the first bytes received (up to kKeep), before any frame of ours
  std::uint64_t rx_bytes = 0;
  unsigned echoed_requests = 0;  // intact request frames received: our own, coming back
  static constexpr std::size_t kKeep = 256;
};

struct Diagnosis {
  ErrorClass error_class;
  std::string message;  // a sentence to follow "no response from the device on PORT ...: "
};

// The bytes begin with telnet option negotiation (IAC WILL/WONT/DO/DONT/SB): a telnet or RFC 2217
// server. On socket:// that server doubles every 0xFF byte, so frames with one break.
bool is_telnet_negotiation(const std::string &first_bytes);

// A diagnosis when the evidence is clear; nothing when it only says "silent" or "garbage" on a
// serial line (the caller's baud-rate and cable advice stands).
std::optional<Diagnosis> diagnose_line(const LineEvidence &e);

}  // namespace tvmcrt::host
