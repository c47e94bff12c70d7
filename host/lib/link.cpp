// SPDX-License-Identifier: Apache-2.0
#include "link.hpp"

#include <algorithm>
#include <cstring>
#include <random>
#include <sstream>

#include "error.hpp"
#include "interrupt.hpp"
#include "line_diagnosis.hpp"

namespace tvmcrt::host {
namespace asio = boost::asio;

namespace {

constexpr std::uint8_t kTypeBoot = 14;
constexpr std::uint8_t kTypeNak = 15;
constexpr std::uint8_t kTypeFollower = 6 | TVMCRT_FRAME_RESPONSE_BIT;  // ReadOutputResponse

}  // namespace

Link::Link(asio::io_context &io, std::unique_ptr<Transport> transport, LinkOptions opt)
    : io_(io), transport_(std::move(transport)), opt_(opt), trace_(opt_.trace), read_buf_(4096),
      frame_buf_(kMaxPayload + TVMCRT_FRAME_OVERHEAD) {
  tvmcrt_deframer_init(&deframer_, frame_buf_.data(), frame_buf_.size());
  // A random first sequence number: responses still on their way to an earlier session that was
  // killed mid-command (same numbers 1, 2, ... otherwise) are then not taken for ours.
  std::random_device rd;
  next_seq_ = static_cast<std::uint16_t>(1 + rd() % 65535);
  start_read();
}

Link::~Link() {
  *alive_ = false;
  transport_->close();
  // Let the aborted handlers run now, while the buffers they point into still exist.
  io_.restart();
  io_.poll();
}

void Link::start_read() {
  std::shared_ptr<bool> alive = alive_;
  transport_->async_read_some(asio::buffer(read_buf_), [this, alive](const boost::system::error_code &ec,
                                                                     std::size_t n) {
    if (!*alive) return;
    rx_bytes_ += n;
    if (!recognised_ && first_rx_.size() < LineEvidence::kKeep)
      first_rx_.append(reinterpret_cast<const char *>(read_buf_.data()),
                       std::min(n, LineEvidence::kKeep - first_rx_.size()));
    for (std::size_t i = 0; i < n; ++i) {
      switch (tvmcrt_deframer_push(&deframer_, read_buf_[i])) {
        case TVMCRT_DEFRAME_FRAME: on_frame(frame_buf_.data(), deframer_.len); break;
        case TVMCRT_DEFRAME_OVERSIZE:
        case TVMCRT_DEFRAME_BAD_COBS:
          ++stats_.bad_frames;
          bad_frame_seen_ = true;
          trace_.event("< damaged bytes (not a frame: bad COBS or longer than any frame), dropped");
          break;
        case TVMCRT_DEFRAME_MORE: break;
      }
    }
    if (ec) {
      read_error_ = ec;  // wait_oldest() reports it; no new read on a dead link
      return;
    }
    start_read();
  });
}

void Link::on_frame(const std::uint8_t *raw, std::size_t len) {
  std::uint8_t type = 0;
  std::uint16_t seq = 0;
  const std::uint8_t *payload = nullptr;
  std::size_t payload_len = 0;
  if (tvmcrt_frame_open(raw, len, &type, &seq, &payload, &payload_len) != TVMCRT_FRAME_OK) {
    ++stats_.bad_frames;  // lost like any other frame: a retransmission recovers it
    bad_frame_seen_ = true;
    trace_.event("< damaged frame, " + std::to_string(len) + " B (bad CRC or header), dropped");
    // A damaged answer whose header still names one of our requests shows a device speaking our
    // protocol at our baud rate, as an intact frame does (garbage at a wrong rate almost never
    // matches a 16-bit sequence number).
    if (len >= TVMCRT_FRAME_OVERHEAD && raw[0] == TVMCRT_FRAME_VERSION)
      for (const Pending &p : pending_)
        if (raw[1] == (p.type | TVMCRT_FRAME_RESPONSE_BIT) && (raw[2] | raw[3] << 8) == p.seq) recognised_ = true;
    return;
  }
  const std::uint8_t base = type & 0x7f;
  // Requests coming back (an echoing line or firmware) are not a device speaking to us.
  if ((type & TVMCRT_FRAME_RESPONSE_BIT) || base == kTypeNak || base == kTypeBoot) recognised_ = true;
  if (base == kTypeNak) {
    if (boot_window_) {
      // After the uncounted resend below: most likely the Nak of what the device heard of the first
      // copy while its UART started (it can come after the Boot frame). The resend is on its way;
      // should that copy be lost too, its deadline still sends it again.
      boot_window_ = false;
      trace_.event("< Nak, for what the device heard while it started: not counted");
      return;
    }
    ++stats_.naks;
    nak_seen_ = true;
    trace_.event("< Nak: the device received a damaged frame");
    return;
  }
  if (base == kTypeBoot) {
    trace_.event(boot_is_reset_ ? "< Boot: the device reset" : "< Boot: the device started");
    boot_announced_ = true;
    boot_seen_ = boot_is_reset_;  // a Boot before we armed detection is the device starting up
    if (!boot_is_reset_ && !pending_.empty()) started_under_us_ = true;
    return;
  }
  if (!(type & TVMCRT_FRAME_RESPONSE_BIT)) {
    ++stats_.bad_frames;
    ++echoed_requests_;  // a request: ours, coming back
    trace_.event(std::string("< ") + LinkTrace::type_name(type) + " request seq " + std::to_string(seq) +
                 ": a request, not an answer (an echo of ours?), dropped");
    return;
  }
  if (boot_seen_) {
    // The device reset under us: what answers now is its new boot answering copies of our requests
    // (an Execute there fails on inputs it never got). The command is lost; wait_oldest() says so.
    trace_.response(type, seq, payload_len, {}, "from the device's new boot, after its reset: dropped");
    ++stats_.stale_responses;
    return;
  }
  if (type == kTypeFollower) {
    Frame f{type, seq, std::string(reinterpret_cast<const char *>(payload), payload_len)};
    if (following_ && seq == follow_seq_) {
      trace_.response(type, seq, payload_len, {}, "sent after the answer, unasked");
      followers_.push_back(std::move(f));
      return;
    }
    for (Pending &p : pending_)
      if (p.seq == seq && p.followers && p.response) {  // before the caller took the answer
        trace_.response(type, seq, payload_len, {}, "sent after the answer, unasked");
        p.follower_frames.push_back(std::move(f));
        return;
      }
  }
  for (std::size_t i = 0; i < pending_.size(); ++i) {
    Pending &p = pending_[i];
    if (p.seq != seq) continue;
    if (p.response) {  // a duplicate (answer to a retransmitted copy)
      trace_.response(type, seq, payload_len, {}, "a duplicate (the answer to a copy sent again), ignored");
      ++stats_.stale_responses;
      return;
    }
    if (type != (p.type | TVMCRT_FRAME_RESPONSE_BIT)) break;  // an earlier session's answer: stale
    trace_.response(type, seq, payload_len, Clock::now() - p.tx_at, nullptr);
    p.response = Frame{type, seq, std::string(reinterpret_cast<const char *>(payload), payload_len)};
    p.bad_frames_at_response = stats_.bad_frames;
    if (i != 0) out_of_order_ = true;
    return;
  }
  const bool duplicate = std::find(answered_.begin(), answered_.end(), seq) != answered_.end();
  trace_.response(type, seq, payload_len, {},
                  duplicate ? "a duplicate (the answer to a copy sent again), ignored"
                            : "stale (answers no request in flight: an earlier session's?), ignored");
  ++stats_.stale_responses;
}

void Link::enqueue_write(const std::vector<std::uint8_t> &bytes) {
  write_queue_.push_back(bytes);
  if (!writing_) start_write();
}

void Link::start_write() {
  if (write_queue_.empty() || write_error_) {
    writing_ = false;
    return;
  }
  writing_ = true;
  const std::vector<std::uint8_t> &front = write_queue_.front();
  std::shared_ptr<bool> alive = alive_;
  // A partial write continues from where it stopped (ptys and sockets take what fits).
  transport_->async_write_some(asio::buffer(front.data() + write_offset_, front.size() - write_offset_),
                               [this, alive](const boost::system::error_code &ec, std::size_t n) {
                                 if (!*alive) return;
                                 if (ec) {
                                   write_error_ = ec;
                                   writing_ = false;
                                   return;
                                 }
                                 write_offset_ += n;
                                 if (write_offset_ == write_queue_.front().size()) {
                                   write_queue_.pop_front();
                                   write_offset_ = 0;
                                 }
                                 start_write();
                               });
}

Link::Clock::duration Link::budget(bool with_extra) const {
  double bytes = 0, extra = 0;
  for (const Pending &p : pending_) {
    bytes += static_cast<double>(p.wire.size() + p.response_bytes + TVMCRT_FRAME_OVERHEAD + 8);
    if (with_extra) extra += p.extra_s;
  }
  const double s = opt_.turnaround_s + extra + bytes / transport_->bytes_per_second();
  return std::chrono::duration_cast<Clock::duration>(std::chrono::duration<double>(s));
}

Link::Clock::duration Link::line_time(std::size_t bytes) const {
  const double s = opt_.turnaround_s + static_cast<double>(bytes) / transport_->bytes_per_second();
  return std::chrono::duration_cast<Clock::duration>(std::chrono::duration<double>(s));
}

std::uint16_t Link::send(std::uint8_t type, std::string payload, double extra_s, std::size_t response_bytes,
                         bool followers) {
  if (payload.size() > kMaxPayload) throw Error(ErrorClass::usage, "frame payload too large");
  std::vector<std::uint8_t> raw(TVMCRT_FRAME_OVERHEAD + payload.size());
  std::memcpy(raw.data() + TVMCRT_FRAME_HEADER_SIZE, payload.data(), payload.size());
  const std::uint16_t seq = next_seq_;
  next_seq_ = static_cast<std::uint16_t>(next_seq_ + 1);
  if (next_seq_ == 0) next_seq_ = 1;  // 0 is never a request's
  const std::size_t raw_len = tvmcrt_frame_seal(raw.data(), type, seq, payload.size());
  std::vector<std::uint8_t> wire(TVMCRT_COBS_MAX_ENCODED(raw_len));
  wire.resize(tvmcrt_cobs_encode(raw.data(), raw_len, wire.data(), wire.size()));

  pending_.push_back(Pending{seq, type, std::move(wire), extra_s, response_bytes ? response_bytes : response_bytes_, {},
                            ++tx_counter_, rx_bytes_, 0, 0, std::nullopt});
  Pending &p = pending_.back();
  p.followers = followers;
  p.payload_bytes = payload.size();
  trace_.request(type, seq, payload.size(), p.wire.size(), nullptr);
  p.deadline = Clock::now() + budget();
  if (extra_s > 0) {
    p.probe_interval = p.probe_first = 2 * budget(false);
    p.probe_at = std::min(p.deadline, Clock::now() + p.probe_interval);
  }
  enqueue_write(pending_.back().wire);
  return seq;
}

void Link::flush_line() {
  trace_.event("> 0x00 (ends any half-received frame on the device)");
  enqueue_write({TVMCRT_FRAME_DELIMITER});
}

void Link::retransmit_oldest(bool heard, const char *why) {
  Pending &p = pending_.front();
  p.tx_at = Clock::now();
  trace_.request(p.type, p.seq, p.payload_bytes, p.wire.size(), why);
  ++(heard ? p.noisy_retries : p.retries);
  ++stats_.retransmits;
  p.last_tx = ++tx_counter_;
  p.rx_at_tx = rx_bytes_;
  // It queues behind everything else in flight, and the device answers those first.
  p.deadline = Clock::now() + budget();
  if (p.extra_s > 0) {  // probing starts over: else each further loss would cost the whole run timeout
    p.probe_interval = p.probe_first;
    p.probe_at = std::min(p.deadline, Clock::now() + p.probe_interval);
  }
  enqueue_write(p.wire);
}

void Link::probe_oldest() {
  Pending &p = pending_.front();
  p.tx_at = Clock::now();
  trace_.request(p.type, p.seq, p.payload_bytes, p.wire.size(),
                 "a probe, uncounted (an answer may be lost; a device still running answers from its copy)");
  p.last_tx = ++tx_counter_;
  p.rx_at_tx = rx_bytes_;
  // Doubling, up to 8 times the first interval: a few answers lost in a row on a noisy line must
  // not cost tens of seconds; a device still running the model answers the probes from its copy.
  p.probe_interval = std::min(2 * p.probe_interval, 8 * p.probe_first);
  ++stats_.probes;
  p.probe_at = std::min(p.deadline, Clock::now() + p.probe_interval);
  enqueue_write(p.wire);
}

void Link::abandon_all() { pending_.clear(); }

void Link::end_followers() {
  following_ = false;
  followers_.clear();
  // A damaged frame seen meanwhile was a follower's, not an answer to the next request.
  if (stats_.bad_frames != follow_bad_frames_) bad_frame_seen_ = false;
}

std::optional<Frame> Link::wait_follower(Clock::time_point deadline) {
  while (true) {
    if (!followers_.empty()) {
      Frame f = std::move(followers_.front());
      followers_.pop_front();
      return f;
    }
    if (!following_ || stats_.bad_frames != follow_bad_frames_ || Clock::now() >= deadline) return std::nullopt;
    throw_if_broken("while waiting for the outputs the device sends");
    if (io_.stopped()) io_.restart();
    io_.run_one_until(std::min(deadline, Clock::now() + kInterruptLatency));
  }
}

void Link::throw_if_broken(const char *during) {
  if (boot_seen_)
    throw Error(ErrorClass::reset, "the device on " + transport_->name() +
                                       " reset during the command (it sent a Boot frame): its inputs, "
                                       "workspace placements and outputs are gone; run the command again");
  if (read_error_ || write_error_) {
    const boost::system::error_code ec = read_error_ ? read_error_ : write_error_;
    const std::string why = transport_->closed_reason();
    const bool remote = transport_->name().find("://") != std::string::npos;
    throw Error(ErrorClass::transport,
                "port " + transport_->name() + ": the link closed (" + ec.message() + "); " +
                    (!why.empty() ? why
                     : remote     ? "the server closed it: was the device stopped, or did another client take the "
                                    "port (ser2net with kickolduser: true drops the running client for a new one)?"
                                  : "was the device unplugged, reset or stopped?"));
  }
  if (interrupt_signal() != 0) throw_if_interrupted(during);
}

void Link::fail_timeout(const Pending &p, bool heard) const {
  std::ostringstream os;
  const int sent_again = p.retries + p.noisy_retries;
  if (heard) {
    os << "no intact response from the device on " << transport_->name() << " to " << LinkTrace::type_name(p.type)
       << " (sequence " << p.seq << ") after " << sent_again << " retransmissions, although it answers ("
       << stats_.bad_frames << " corrupted frames received, " << stats_.naks
       << " frames rejected by the device): the line is too noisy; check the cable and the baud rate (--baud), "
          "or allow more retransmissions with --noise-retries";
    throw Error(ErrorClass::timeout, os.str());
  }
  os << "no response from the device on " << transport_->name() << " to " << LinkTrace::type_name(p.type) << " (sequence "
     << p.seq << ") after " << sent_again << " retransmissions";
  if (!recognised_) {
    if (auto d = diagnose_line(LineEvidence{transport_->name(), first_rx_, rx_bytes_, echoed_requests_}))
      throw Error(d->error_class, os.str() + ": " + d->message);
  }
  if (stats_.bad_frames || stats_.naks)
    os << " (" << stats_.bad_frames << " corrupted frames received, " << stats_.naks
       << " frames rejected by the device: check the baud rate)";
  os << "; check that the tvmcrt agent firmware runs on it, that the baud rate matches (--baud) and the cable";
  throw Error(ErrorClass::timeout, os.str());
}

bool Link::wait_boot(Clock::duration limit) {
  const Clock::time_point end = Clock::now() + limit;
  while (!boot_announced_ && !read_error_ && Clock::now() < end) {
    if (interrupt_signal() != 0) throw_if_interrupted(("while " + transport_->name() + " started").c_str());
    if (io_.stopped()) io_.restart();
    io_.run_one_until(std::min(end, Clock::now() + kInterruptLatency));
  }
  return boot_announced_;
}

Frame Link::wait_oldest() { return *wait_oldest(-1); }

std::optional<Frame> Link::wait_oldest(int give_up_after) {
  if (pending_.empty()) throw Error(ErrorClass::protocol, "internal: waiting for a response with nothing in flight");
  while (true) {
    Pending &p = pending_.front();
    if (p.response) {
      Frame f = std::move(*p.response);
      if (p.followers) {
        following_ = true;
        follow_seq_ = p.seq;
        follow_bad_frames_ = p.bad_frames_at_response;
        followers_.assign(std::make_move_iterator(p.follower_frames.begin()),
                          std::make_move_iterator(p.follower_frames.end()));
      }
      answered_[answered_next_++ % answered_.size()] = p.seq;
      // Answered after the device announced its start: it heard this one, nothing to send again
      // (else the next request would be sent twice, which -v showed).
      started_under_us_ = false;
      boot_window_ = false;
      pending_.pop_front();
      // The next request's clock starts now at the latest: a slow answer to this one (retransmitted,
      // say) must not make its successor look lost.
      if (!pending_.empty()) pending_.front().deadline = std::max(pending_.front().deadline, Clock::now() + budget());
      return f;
    }
    if (boot_seen_ || read_error_ || write_error_) throw_if_broken("");
    if (started_under_us_) {
      // The device announced its start while our first request was on its way (a board booting
      // as we connect): what it heard of it came before its UART was on. Send it again at once,
      // uncounted; what the boot window cost (a Nak, a damaged frame) is not the line's doing.
      started_under_us_ = false;
      boot_window_ = true;
      stats_ = LinkStats{};
      nak_seen_ = bad_frame_seen_ = false;
      p.deadline = Clock::now() + budget();
      p.tx_at = Clock::now();
      trace_.request(p.type, p.seq, p.payload_bytes, p.wire.size(),
                     "uncounted (the device started while it was on its way)");
      enqueue_write({TVMCRT_FRAME_DELIMITER});
      enqueue_write(p.wire);
      continue;
    }
    const bool later_answered = out_of_order_ && [&] {
      for (const Pending &q : pending_)
        if (q.response && q.last_tx > p.last_tx) return true;
      return false;
    }();
    out_of_order_ = false;
    const bool nak = nak_seen_;
    nak_seen_ = false;
    // The device answers in order, so a damaged frame while the oldest request is unanswered is most
    // likely its answer: ask again now rather than at the deadline (a repeat is harmless, see the
    // protocol). For Execute that is an uncounted probe (the device answers it from its copy; a
    // device still running sends nothing, so nothing damaged can arrive then).
    const bool garbled = bad_frame_seen_;
    bad_frame_seen_ = false;
    const Clock::time_point now = Clock::now();
    if (now < p.deadline && (now >= p.probe_at || (garbled && p.extra_s > 0))) {
      probe_oldest();
      continue;
    }
    const bool expired = now >= p.deadline;
    if (later_answered || nak || garbled || expired) {
      const bool bytes_came = rx_bytes_ > p.rx_at_tx;
      const bool heard = recognised_ && bytes_came;
      if (heard && give_up_after >= 0 && p.noisy_retries >= give_up_after) return std::nullopt;
      // Bytes nobody recognises yet (a wrong baud rate, or the first answers all damaged on a bad
      // line) get twice the silent budget: still seconds, not minutes, on a wrong port.
      const int silent_budget = bytes_came ? 2 * opt_.max_retries : opt_.max_retries;
      if (heard ? p.noisy_retries >= opt_.max_noisy_retries : p.retries >= silent_budget) fail_timeout(p, heard);
      retransmit_oldest(heard, nak        ? "the device sent a Nak"
                               : garbled  ? "a damaged frame came (most likely its answer)"
                               : expired  ? "no answer before its deadline"
                                          : "a later request was answered first (its answer was lost)");
      continue;
    }
    if (interrupt_signal() != 0) throw_if_interrupted(("while waiting for the device on " + transport_->name()).c_str());
    if (io_.stopped()) io_.restart();
    // Never longer than kInterruptLatency: a Ctrl-C must end the wait, not the deadline.
    io_.run_one_until(std::min({p.deadline, p.probe_at, now + kInterruptLatency}));
  }
}

}  // namespace tvmcrt::host
