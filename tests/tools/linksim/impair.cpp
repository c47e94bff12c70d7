// SPDX-License-Identifier: Apache-2.0
#include "impair.hpp"

#include <algorithm>
#include <cmath>
#include <limits>
#include <sstream>

namespace linksim {

std::string Counters::json() const {
  std::ostringstream os;
  os << "{\"bytes_in\": " << bytes_in << ", \"bytes_out\": " << bytes_out << ", \"bits_flipped\": " << bits_flipped
     << ", \"bytes_flipped\": " << bytes_flipped << ", \"dropped\": " << dropped << ", \"duplicated\": " << duplicated
     << ", \"inserted\": " << inserted << ", \"bursts\": " << bursts << ", \"burst_bytes\": " << burst_bytes
     << ", \"stalls\": " << stalls << ", \"lost_no_peer\": " << lost_no_peer << "}";
  return os.str();
}

Counters &Counters::operator+=(const Counters &o) {
  bytes_in += o.bytes_in;
  bytes_out += o.bytes_out;
  bits_flipped += o.bits_flipped;
  bytes_flipped += o.bytes_flipped;
  dropped += o.dropped;
  duplicated += o.duplicated;
  inserted += o.inserted;
  bursts += o.bursts;
  burst_bytes += o.burst_bytes;
  stalls += o.stalls;
  lost_no_peer += o.lost_no_peer;
  return *this;
}

Direction::Direction(const Impairments &imp, std::uint64_t seed) : imp_(imp), rng_(seed) {
  bits_to_error_ = next_error_gap();
}

// Bits between two flipped ones: geometric, so a low BER costs nothing per byte.
std::uint64_t Direction::next_error_gap() {
  if (imp_.ber <= 0) return std::numeric_limits<std::uint64_t>::max();
  if (imp_.ber >= 1) return 0;
  std::geometric_distribution<std::uint64_t> gap(imp_.ber);
  return gap(rng_);
}

void Direction::schedule(std::uint8_t byte, double now) {
  double t = now + imp_.latency_s;
  if (imp_.baud > 0) t = std::max(t, last_departure_ + 10.0 / imp_.baud);
  t = std::max(t, last_departure_);  // bytes never overtake each other
  if (imp_.stall_every_s > 0 && imp_.stall_for_s > 0) {
    std::exponential_distribution<double> gap(1.0 / imp_.stall_every_s);
    if (stall_start_ < 0) stall_start_ = now + gap(rng_);
    // Windows that ended before this byte delayed nothing; skip them uncounted.
    while (t >= stall_start_ + imp_.stall_for_s) stall_start_ += imp_.stall_for_s + gap(rng_);
    if (t >= stall_start_) {
      t = stall_start_ + imp_.stall_for_s;
      ++c_.stalls;
      stall_start_ += imp_.stall_for_s + gap(rng_);
    }
  }
  last_departure_ = t;
  queue_.emplace_back(t, byte);
}

void Direction::push(const std::uint8_t *data, std::size_t len, double now) {
  std::uniform_int_distribution<unsigned> any_byte(0, 255);
  for (std::size_t i = 0; i < len; ++i) {
    ++c_.bytes_in;
    if (chance(imp_.burst)) {
      std::uniform_int_distribution<unsigned> n(1, std::max(1u, imp_.burst_len));
      const unsigned k = n(rng_);
      ++c_.bursts;
      c_.burst_bytes += k;
      for (unsigned j = 0; j < k; ++j) schedule(static_cast<std::uint8_t>(any_byte(rng_)), now);
    }
    if (chance(imp_.insert)) {
      ++c_.inserted;
      schedule(static_cast<std::uint8_t>(any_byte(rng_)), now);
    }
    if (chance(imp_.drop)) {
      ++c_.dropped;
      continue;
    }
    std::uint8_t b = data[i];
    bool flipped = false;
    while (bits_to_error_ < 8) {
      b ^= static_cast<std::uint8_t>(1u << bits_to_error_);
      ++c_.bits_flipped;
      flipped = true;
      const std::uint64_t gap = next_error_gap();
      bits_to_error_ = gap >= std::numeric_limits<std::uint64_t>::max() - 9 ? gap : bits_to_error_ + 1 + gap;
    }
    if (bits_to_error_ != std::numeric_limits<std::uint64_t>::max()) bits_to_error_ -= 8;
    if (flipped) ++c_.bytes_flipped;
    schedule(b, now);
    if (chance(imp_.dup)) {
      ++c_.duplicated;
      schedule(b, now);
    }
  }
}

void Direction::take_due(double now, std::vector<std::uint8_t> &out) {
  while (!queue_.empty() && queue_.front().first <= now) {
    out.push_back(queue_.front().second);
    queue_.pop_front();
  }
}

void Direction::discard() {
  c_.lost_no_peer += queue_.size();
  queue_.clear();
}

}  // namespace linksim
