// SPDX-License-Identifier: Apache-2.0
// impair.hpp — one direction of tvmcrt-linksim: what happens to the bytes between reading them from
// one end and writing them to the other (bit flips, drops, duplicates, inserted bytes, garbage
// bursts, a byte rate, latency, stalls), with a seeded random generator so a run can be repeated.
//
//   push(bytes, now) ──> impairments ──> queue of (departure time, byte) ──> take_due(now)
//
// Times are seconds on any monotonic clock; the caller passes "now".
#pragma once

#include <cstddef>
#include <cstdint>
#include <deque>
#include <random>
#include <string>
#include <utility>
#include <vector>

namespace linksim {

struct Impairments {
  double baud = 0;            // 0: no rate limit; else baud/10 bytes per second leave
  double latency_s = 0;       // every byte leaves this much later than it arrived
  double ber = 0;             // probability that any one bit is flipped
  double drop = 0;            // probability that a byte is lost
  double dup = 0;             // probability that a byte is sent twice
  double insert = 0;          // probability that a random byte is sent before a byte
  double burst = 0;           // probability, per byte, that a burst of garbage comes before it
  unsigned burst_len = 16;    // bursts are 1..burst_len random bytes
  double stall_every_s = 0;   // mean time between stalls (exponential); 0: none
  double stall_for_s = 0;     // length of a stall: nothing leaves meanwhile

  bool any_corruption() const { return ber > 0 || drop > 0 || dup > 0 || insert > 0 || burst > 0; }
};

struct Counters {
  std::uint64_t bytes_in = 0, bytes_out = 0, bits_flipped = 0, bytes_flipped = 0, dropped = 0, duplicated = 0,
                inserted = 0, bursts = 0, burst_bytes = 0, stalls = 0, lost_no_peer = 0;
  std::string json() const;
  Counters &operator+=(const Counters &o);
};

class Direction {
 public:
  Direction(const Impairments &imp, std::uint64_t seed);

  // Takes bytes read at time now; schedules what survives.
  void push(const std::uint8_t *data, std::size_t len, double now);
  // Moves every byte due at or before now into out (appends).
  void take_due(double now, std::vector<std::uint8_t> &out);
  // Departure time of the next queued byte, or a negative number when the queue is empty.
  double next_due() const { return queue_.empty() ? -1.0 : queue_.front().first; }
  std::size_t queued() const { return queue_.size(); }
  // Forgets queued bytes (the peer went away); they count as lost.
  void discard();
  void count_written(std::size_t n) { c_.bytes_out += n; }
  void count_lost(std::size_t n) { c_.lost_no_peer += n; }
  const Counters &counters() const { return c_; }

 private:
  void schedule(std::uint8_t byte, double now);
  bool chance(double p) { return p > 0 && (p >= 1 || uni_(rng_) < p); }
  std::uint64_t next_error_gap();

  Impairments imp_;
  std::mt19937_64 rng_;
  std::uniform_real_distribution<double> uni_{0.0, 1.0};
  std::uint64_t bits_to_error_ = 0;  // bits that pass before the next flipped one
  double last_departure_ = 0;
  double stall_start_ = -1;          // start of the next stall window (< 0: no stalls)
  std::deque<std::pair<double, std::uint8_t>> queue_;
  Counters c_;
};

}  // namespace linksim
