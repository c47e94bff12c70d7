// SPDX-License-Identifier: Apache-2.0
// link.hpp — the frame link to a device agent (docs/protocol.md): sequence numbers, a window of
// requests in flight, retransmission, timeouts. Knows frames, not protobuf.
//
//   send() ──> pending_ (oldest first) ──> write queue ──> Transport
//                  ^                                          |
//   wait_oldest() ─┘ <── responses by seq <── deframer <── read (always pending)
//
// Retransmission (always of the oldest unanswered request, same sequence number and bytes): on a
// Nak, on a damaged frame (answers come in order: most likely its answer), when a later request's
// response arrives although that request was sent after the oldest's latest copy, and when the
// oldest's deadline passes. Two budgets per request: max_retries while the device stays silent
// (dead, unplugged, wrong port; twice that while only unrecognisable bytes come back), and the
// larger max_noisy_retries while it is heard (bytes arrived since the copy went out, and a frame
// recognisably its came at some time): a noisy line then costs time, not the command.
// Deadlines scale with the bytes ahead of and behind a request at the transport's line rate, plus a
// turnaround margin, plus any extra time the caller grants (Execute; see Pending::probe_at).
// Followers: frames a request's answer brings after it unasked (the outputs an Execute sends), with
// its sequence number; kept from when its answer arrived and handed out by wait_follower().
#pragma once

#include <array>
#include <chrono>
#include <cstdint>
#include <deque>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include <boost/asio/io_context.hpp>

#include "link_trace.hpp"
#include "transport.hpp"
#include "tvmcrt_frame.h"

namespace tvmcrt::host {

struct Frame {
  std::uint8_t type = 0;  // MessageType, bit 7 set on responses
  std::uint16_t seq = 0;
  std::string payload;
};

struct LinkOptions {
  double turnaround_s = 0.5;  // device processing + scheduling slack per request
  int max_retries = 4;        // ... while the device stays silent (2x while only garbage comes back)
  int max_noisy_retries = 32; // ... while it answers, but the answers arrive damaged or not at all
  LinkTraceSink trace;        // -v/--verbose: a line per frame and retransmission (link_trace.hpp)
};

struct LinkStats {
  unsigned retransmits = 0, probes = 0, naks = 0, bad_frames = 0, stale_responses = 0;
};

class Link {
 public:
  using Clock = std::chrono::steady_clock;
  // Receive buffer: a 64 KiB ReadOutput and its fields (agents stream those past their frame size).
  static constexpr std::size_t kMaxPayload = 65536 + 64;

  Link(boost::asio::io_context &io, std::unique_ptr<Transport> transport, LinkOptions opt = {});
  ~Link();
  Link(const Link &) = delete;
  Link &operator=(const Link &) = delete;

  // Queues a request and returns its sequence number. extra_s: time the device may take beyond
  // the line and turnaround (Execute's run time). response_bytes: the answer's expected payload
  // size, for its line time (0: the default, set_response_bytes()). The caller keeps in_flight()
  // <= the window.
  std::uint16_t send(std::uint8_t type, std::string payload, double extra_s = 0, std::size_t response_bytes = 0,
                     bool followers = false);
  // Returns the response to the oldest unanswered request, retransmitting as needed. Throws
  // Error(timeout) after max_retries, Error(reset) for a Boot frame once arm_reset_detection() was
  // called, Error(transport) when the link closes, Error(protocol) for a response of the wrong type.
  Frame wait_oldest();
  // Same, but while the device is heard and the oldest's answers keep arriving damaged, gives up
  // after give_up_after retransmissions of it and returns nothing (the request stays in flight
  // until abandon_all()): the caller can send its bytes again in smaller frames.
  std::optional<Frame> wait_oldest(int give_up_after);
  // Forgets every unanswered request (their responses are ignored when they arrive).
  void abandon_all();
  // After wait_oldest() returned the answer to a request sent with followers: the next frame that
  // came after it with its sequence number and the follower type (ReadOutput's response), oldest
  // first. Nothing at `deadline`, or as soon as a damaged frame came since the answer (a follower
  // was lost). Throws like wait_oldest() for a reset, a closed link or an interrupt.
  std::optional<Frame> wait_follower(Clock::time_point deadline);
  // Done with the followers of the last such answer: any still coming are ignored.
  void end_followers();
  std::size_t in_flight() const { return pending_.size(); }
  // Sends one 0x00 so the device drops any half-received frame (before the first request).
  void flush_line();
  // From now on a Boot frame means the device reset under us.
  void arm_reset_detection() { boot_is_reset_ = true; }
  // Waits up to `limit` for the device's Boot frame (a board that starts as we connect); true when
  // it came. Before it, the device may not hear us: a request sent then would be lost or garbled.
  bool wait_boot(Clock::duration limit);
  // How long `bytes` take at the transport's line rate, plus the turnaround margin.
  Clock::duration line_time(std::size_t bytes) const;
  // Response bytes the device may send per request when send() is not told (its max payload).
  void set_response_bytes(std::size_t n) { response_bytes_ = n; }
  const Transport &transport() const { return *transport_; }
  // The first bytes received before any frame of ours was recognised (line_diagnosis.hpp).
  const std::string &first_bytes() const { return first_rx_; }
  const LinkStats &stats() const { return stats_; }

 private:
  struct Pending {
    std::uint16_t seq;
    std::uint8_t type;
    std::vector<std::uint8_t> wire;  // COBS-encoded with delimiter, kept for retransmission
    double extra_s;
    std::size_t response_bytes;
    Clock::time_point deadline;
    unsigned last_tx;  // transmission counter value at its latest (re)send
    std::uint64_t rx_at_tx = 0;  // rx_bytes_ at its latest (re)send
    int retries = 0, noisy_retries = 0;
    std::optional<Frame> response;
    // Requests granted extra time (Execute) are re-sent early, uncounted, at growing intervals: a
    // lost response then costs seconds, not the whole run timeout. The agent answers a repeated
    // Execute from its copy, so the model does not run twice.
    Clock::time_point probe_at = Clock::time_point::max();
    Clock::duration probe_interval{}, probe_first{};
    bool followers = false;
    std::vector<Frame> follower_frames{};  // arrived after its response, before it was taken
    unsigned bad_frames_at_response = 0;   // stats_.bad_frames when its response came
    Clock::time_point tx_at = Clock::now();  // when its latest copy was queued (for the trace)
    std::size_t payload_bytes = 0;             // (for the trace)
  };

  void start_read();
  // Throws for a Boot after arm_reset_detection(), a closed link or an interrupt.
  void throw_if_broken(const char *during);
  void on_frame(const std::uint8_t *raw, std::size_t len);
  void enqueue_write(const std::vector<std::uint8_t> &bytes);
  void start_write();
  void retransmit_oldest(bool heard, const char *why);
  Clock::duration budget(bool with_extra = true) const;
  void probe_oldest();
  [[noreturn]] void fail_timeout(const Pending &p, bool heard) const;

  boost::asio::io_context &io_;
  std::unique_ptr<Transport> transport_;
  LinkOptions opt_;
  std::deque<Pending> pending_;
  std::uint16_t next_seq_ = 1;
  unsigned tx_counter_ = 0;
  bool boot_is_reset_ = false;
  std::size_t response_bytes_ = 256;
  LinkStats stats_;
  LinkTrace trace_;
  // The last answers taken, by sequence number: a second answer to a request sent twice comes after
  // its first was taken, and the trace calls it a duplicate rather than stale.
  std::array<std::uint16_t, 8> answered_{};
  std::size_t answered_next_ = 0;

  // Receive side: one read always pending; events it found for wait_oldest().
  std::vector<std::uint8_t> read_buf_;
  std::vector<std::uint8_t> frame_buf_;
  tvmcrt_deframer_t deframer_{};
  bool nak_seen_ = false, out_of_order_ = false, boot_seen_ = false, bad_frame_seen_ = false;
  // Followers of the last answer taken (see wait_follower()).
  bool following_ = false;
  std::uint16_t follow_seq_ = 0;
  unsigned follow_bad_frames_ = 0;  // stats_.bad_frames when that answer came
  std::deque<Frame> followers_;
  bool boot_announced_ = false;  // any Boot frame so far
  bool started_under_us_ = false;  // a Boot (before arm_reset_detection) while a request was in flight
  bool boot_window_ = false;       // that request sent again, no answer yet: one Nak is the boot's
  // Evidence that a device is there: bytes heard, and a frame of ours (intact, or damaged with our
  // header) seen at some time.
  std::uint64_t rx_bytes_ = 0;
  bool recognised_ = false;
  // For the message when nothing ever answered (line_diagnosis.hpp): the first bytes, and our own
  // requests coming back.
  std::string first_rx_;
  unsigned echoed_requests_ = 0;
  boost::system::error_code read_error_;

  // Send side: bytes waiting, the part being written now.
  std::deque<std::vector<std::uint8_t>> write_queue_;
  std::size_t write_offset_ = 0;
  bool writing_ = false;
  boost::system::error_code write_error_;
  std::shared_ptr<bool> alive_ = std::make_shared<bool>(true);  // handlers outliving us do nothing
};

}  // namespace tvmcrt::host
