// SPDX-License-Identifier: Apache-2.0
// link_trace.hpp — tvmcrt-host -v/--verbose: one readable line per event of the frame link (frames
// out and in, retransmissions and why, damaged frames, Naks, Boots, stale answers), each with the
// time since the link opened; an answer also says how long after its request's latest copy it came.
// The Link reports events; the sink decides where lines go (the CLI: stderr). Off (no sink) it
// costs one branch per event.
#pragma once

#include <chrono>
#include <cstddef>
#include <cstdint>
#include <functional>
#include <string>

namespace tvmcrt::host {

using LinkTraceSink = std::function<void(const std::string &line)>;

class LinkTrace {
 public:
  using Clock = std::chrono::steady_clock;

  explicit LinkTrace(LinkTraceSink sink) : sink_(std::move(sink)) {}
  bool on() const { return static_cast<bool>(sink_); }

  // A request frame written: its first copy (why == nullptr) or a copy again, and why.
  void request(std::uint8_t type, std::uint16_t seq, std::size_t payload, std::size_t wire, const char *why) const;
  // A response frame: an answer taken (after_tx: since its request's latest copy), or what else it
  // was (note: "a duplicate", "stale: ...", "sent after the answer").
  void response(std::uint8_t type, std::uint16_t seq, std::size_t payload, Clock::duration after_tx,
                const char *note) const;
  // Anything else the line brought or the link decided: "< Nak", "< damaged frame", ...
  void event(const std::string &what) const;

  static const char *type_name(std::uint8_t type);

 private:
  void line(const std::string &text) const;

  LinkTraceSink sink_;
  Clock::time_point start_ = Clock::now();
};

}  // namespace tvmcrt::host
