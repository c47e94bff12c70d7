// SPDX-License-Identifier: Apache-2.0
#include "line_diagnosis.hpp"

#include <cctype>

namespace tvmcrt::host {

namespace {

constexpr unsigned char kIac = 0xff;  // telnet "interpret as command"

// The first line of mostly printable text, or "" when the bytes are not text.
std::string first_text_line(const std::string &b) {
  std::size_t printable = 0;
  for (unsigned char c : b) printable += std::isprint(c) || c == '\r' || c == '\n' || c == '\t';
  if (b.size() < 4 || printable * 10 < b.size() * 9) return "";
  std::string line;
  for (char c : b) {
    if (c == '\n' || c == '\r') {
      if (!line.empty()) break;
      continue;
    }
    if (std::isprint(static_cast<unsigned char>(c))) line += c;
  }
  return line.size() > 120 ? line.substr(0, 117) + "..." : line;
}

bool is_tcp(const std::string &port) { return port.rfind("socket://", 0) == 0; }

}  // namespace

bool is_telnet_negotiation(const std::string &b) {
  // IAC WILL/WONT/DO/DONT <option> (251..254), or IAC SB (250): what a telnet/RFC 2217 server sends first.
  return b.size() >= 3 && static_cast<unsigned char>(b[0]) == kIac &&
         (static_cast<unsigned char>(b[1]) >= 250 && static_cast<unsigned char>(b[1]) <= 254);
}

std::optional<Diagnosis> diagnose_line(const LineEvidence &e) {
  if (is_telnet_negotiation(e.first_bytes))
    return Diagnosis{ErrorClass::transport,
                     "it sent telnet option negotiation: this is a telnet / RFC 2217 server (ser2net's "
                     "telnet(rfc2217) accepter); use rfc2217://" +
                         (is_tcp(e.port) ? e.port.substr(9) : std::string("HOST:PORT")) + " instead of " + e.port};
  if (e.echoed_requests > 0)
    return Diagnosis{ErrorClass::transport,
                     "our own " + std::to_string(e.echoed_requests) +
                         " request frame(s) came back unchanged: the line echoes (a loopback plug, TX tied to RX, "
                         "a terminal or server with local echo), so no tvmcrt agent answers there"};
  const std::string text = first_text_line(e.first_bytes);
  if (!text.empty())
    return Diagnosis{ErrorClass::transport,
                     "it sent text instead of tvmcrt frames, first line \"" + text +
                         "\": another firmware or program is on the other end; flash the tvmcrt agent (or pick the "
                         "right port)"};
  if (e.rx_bytes == 0 && is_tcp(e.port))
    return Diagnosis{ErrorClass::transport,
                     "the TCP connection was accepted but nothing came back: another client may be connected "
                     "(QEMU's -serial tcp, tvmcrt-device --tcp and ser2net serve one client at a time; close the "
                     "other one), or nothing runs the agent behind the server"};
  return std::nullopt;
}

}  // namespace tvmcrt::host
