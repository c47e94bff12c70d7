// SPDX-License-Identifier: Apache-2.0
#include "link_trace.hpp"

#include <cstdio>

namespace tvmcrt::host {

namespace {

std::string ms(std::chrono::steady_clock::duration d) {
  char buf[32];
  std::snprintf(buf, sizeof buf, "%.3f ms", std::chrono::duration<double, std::milli>(d).count());
  return buf;
}

}  // namespace

const char *LinkTrace::type_name(std::uint8_t type) {
  // docs/protocol.md, MessageType: 8-13 are unassigned; 14 and 15 come from the device unasked.
  static const char *const names[] = {"none",         "Hello",   "ModelInfo",  "SetWorkspaces",
                                      "WriteInput",   "Execute", "ReadOutput", "GetLastError"};
  type &= 0x7f;
  if (type == 14) return "Boot";
  if (type == 15) return "Nak";
  return type < sizeof names / sizeof names[0] ? names[type] : "unknown";
}

void LinkTrace::line(const std::string &text) const {
  char stamp[32];
  std::snprintf(stamp, sizeof stamp, "%10.3f ms  ",
                std::chrono::duration<double, std::milli>(Clock::now() - start_).count());
  sink_(stamp + text);
}

void LinkTrace::request(std::uint8_t type, std::uint16_t seq, std::size_t payload, std::size_t wire,
                        const char *why) const {
  if (!on()) return;
  line(std::string("> ") + type_name(type) + " seq " + std::to_string(seq) + ", " + std::to_string(payload) +
       " B (" + std::to_string(wire) + " B on the wire)" + (why ? std::string(", again: ") + why : ""));
}

void LinkTrace::response(std::uint8_t type, std::uint16_t seq, std::size_t payload, Clock::duration after_tx,
                         const char *note) const {
  if (!on()) return;
  std::string text = std::string("< ") + type_name(type) + " seq " + std::to_string(seq) + ", " +
                     std::to_string(payload) + " B";
  if (note)
    text += std::string(": ") + note;
  else
    text += ", " + ms(after_tx) + " after the request";
  line(text);
}

void LinkTrace::event(const std::string &what) const {
  if (on()) line(what);
}

}  // namespace tvmcrt::host
