// SPDX-License-Identifier: Apache-2.0
// device.hpp — a connected tvmcrt device agent: what it offers (Hello, ModelInfo) and the requests a
// run needs (SetWorkspaces, WriteInput, Execute, ReadOutput, GetLastError). One Device owns one
// port. Every call either completes or throws Error naming the port, the model/tensor and the fix.
#pragma once

#include <cstdint>
#include <functional>
#include <deque>
#include <memory>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include <boost/asio/io_context.hpp>

#include "link.hpp"
#include "profile.hpp"
#include "transport.hpp"
#include "tvmcrt.pb.h"

namespace tvmcrt::host {

constexpr std::uint32_t kProtocolVersion = 3;

struct DeviceOptions {
  TransportOptions transport;
  LinkOptions link;
};

struct ExecuteResult {
  std::uint32_t ticks = 0;
  std::uint32_t microseconds = 0;  // from ticks and HelloResponse.tick_hz
  std::uint32_t peak_workspace = 0;
  std::uint32_t runs = 0;  // models the device has run since it started, this one included
};

// ticks of a clock of tick_hz as whole microseconds (rounded down; UINT32_MAX past 71 minutes).
std::uint32_t microseconds_of(std::uint32_t ticks, std::uint32_t tick_hz);

// One input for Device::run(): exactly the tensor's size_bytes, borrowed for the call.
struct RunInput {
  std::uint32_t tensor;
  const std::uint8_t *data;
  std::size_t len;
};

struct RunResult {
  ExecuteResult execute;
  std::vector<std::vector<std::uint8_t>> outputs;  // every output of the model, in order
  double execute_round_trip_s = 0;                 // from the Execute request out to its answer in
};

// A profiled run: the run itself and the operators' figures (profile.hpp).
struct ProfileRun {
  RunResult run;
  Profile profile;
};

// Called with bytes done and bytes total while a tensor moves.
using Progress = std::function<void(std::size_t done, std::size_t total)>;

class Device {
 public:
  // Opens the port, says Hello (checks the protocol version) and reads every model's ModelInfo.
  Device(const std::string &port, const DeviceOptions &opt = {});
  // Same over an already open transport (tests, embedding programs).
  Device(std::unique_ptr<boost::asio::io_context> io, std::unique_ptr<Transport> transport,
         const DeviceOptions &opt = {});
  ~Device();

  const std::string &port() const { return port_; }
  const wire::HelloResponse &hello() const { return hello_; }
  const std::vector<wire::ModelInfoResponse> &models() const { return models_; }
  const LinkStats &link_stats() const { return link_->stats(); }
  // Transport::emulation_note() of the port ("" for real hardware).
  std::string emulation_note() const { return link_->transport().emulation_note(); }
  // Bytes the device's port reports lost on receive since it started (Status.rx_lost; UART
  // overruns, a full receive buffer), as of its latest answer.
  std::uint32_t device_rx_lost() const { return rx_lost_; }

  // Index of a model by name; "" picks the only model. Error(usage) lists the names on offer.
  std::uint32_t model_index(const std::string &name) const;
  // Index of an input/output tensor by name; Error(usage) lists the names on offer.
  std::uint32_t input_index(std::uint32_t model, const std::string &name) const;
  std::uint32_t output_index(std::uint32_t model, const std::string &name) const;

  void set_workspaces(std::uint32_t model, const std::vector<wire::PoolPlacement> &placements);
  // Streams the tensor's bytes (exactly its size_bytes) in max-payload chunks, a window in flight.
  void write_input(std::uint32_t model, std::uint32_t tensor, const std::uint8_t *data, std::size_t len,
                   const Progress &progress = {});
  // Runs the model; timeout_s bounds the run itself. A model failure throws Error(device) carrying
  // the device's TVMGetLastError() text.
  ExecuteResult execute(std::uint32_t model, double timeout_s);
  // write_input() for every input given, execute() and read_output() for every output, in one
  // exchange: the inputs and the Execute go out without waiting for answers (a window in flight),
  // and the device sends the outputs after the run unasked, so a clean run costs one turnaround.
  // Exactly once: the Execute carries a run id the device keeps with its answer, so a retransmitted
  // (or, after trouble on the line, re-sent) Execute never runs the model twice; the device runs it
  // only on inputs received whole. Trouble (a lost frame, outputs that did not arrive) falls back to
  // the one-request-at-a-time calls for what is missing, under the same run id.
  RunResult run(std::uint32_t model, const std::vector<RunInput> &inputs, double timeout_s,
                const Progress &progress = {});
  std::vector<std::uint8_t> read_output(std::uint32_t model, std::uint32_t tensor, const Progress &progress = {});
  // run() with the model's profile probes on, then its records (device_profile.cpp). A model built
  // without PROFILE (ModelInfoResponse.profile_operators 0) is refused before anything is sent:
  // Error(usage) naming the option.
  // Error(usage) naming the option unless the model was built with PROFILE.
  void require_profile(std::uint32_t model) const;
  ProfileRun profile(std::uint32_t model, const std::vector<RunInput> &inputs, double timeout_s,
                     const Progress &progress = {});
  wire::GetLastErrorResponse last_error();
  // After a call cut short (Error(interrupted) in a program that goes on, such as the Python
  // module): forgets the requests it left in flight, whose answers are then ignored as stale, and
  // sends a frame delimiter so the device drops a request it received only in part. The next call
  // then starts clean; a model still running finishes first (its answer is ignored).
  void resync();

 private:
  void connect();
  // Sends one request and waits for its response (nothing else in flight).
  template <typename Resp>
  Resp call(std::uint8_t type, const google::protobuf::Message &req, const std::string &what, double extra_s = 0);
  template <typename Resp>
  Resp parse(const Frame &f, const std::string &what);
  void check(const wire::Status &st, const std::string &what);
  // Sends data[next..len) with a window in flight, resuming at write gaps; returns the bytes acked.
  std::size_t stream_input(std::uint32_t model, std::uint32_t tensor, const std::uint8_t *data, std::size_t len,
                           std::size_t next, const Progress &progress, const std::string &label, std::uint32_t upload);
  // write_input() under upload id `upload` (WriteInputRequest.upload; 0 for write_input() itself).
  void write_input_as(std::uint32_t model, std::uint32_t tensor, const std::uint8_t *data, std::size_t len,
                      const Progress &progress, std::uint32_t upload);
  // Tensor bytes per WriteInput/ReadOutput frame: the device's max payload less the message's
  // overhead, or less on a noisy line (see chunk_limit_).
  std::size_t chunk_size(std::size_t overhead) const;
  // Tensor bytes per ReadOutput: HelloResponse.max_read_length, which an agent that sends reads
  // straight from the tensor sets past its frame payload, within the host's receive buffer and the
  // noisy-line limit.
  std::size_t read_size() const;
  // Data requests in flight: offset and length of each, oldest first.
  using InFlight = std::deque<std::pair<std::size_t, std::size_t>>;
  // Waits for the answer to the oldest data request. Returns nothing when a frame of more than
  // kMinChunk bytes could not get through whole after a few tries: chunks are then made smaller,
  // every request in flight is forgotten and `next` goes back to the oldest one's offset, so the
  // caller sends those bytes again.
  std::optional<Frame> wait_data(InFlight &in_flight, std::size_t &next);
  // Reads output `tensor` into out (its size) from byte `from` on.
  void read_into(std::uint32_t model, std::uint32_t tensor, std::vector<std::uint8_t> &out, std::size_t from,
                 const Progress &progress);
  // The Execute with run id `run`, on inputs of upload id `upload` (0: as they are).
  ExecuteResult execute_run(std::uint32_t model, std::uint32_t run, double timeout_s, std::uint32_t upload = 0);
  ExecuteResult execute_result(std::uint32_t model, const wire::ExecuteResponse &resp);
  std::uint32_t next_run_id();
  // run()'s fast path: false when it had to stop (the caller falls back), *executed once its
  // Execute was answered.
  bool run_pipelined(std::uint32_t model, const std::vector<RunInput> &inputs, std::uint32_t run, double timeout_s,
                     RunResult &out, std::vector<std::size_t> &got, const Progress &progress);
  // The outputs the device sends after an Execute, into out.outputs; got[t]: the bytes of output t
  // that came whole, from its start.
  void take_followers(std::uint32_t model, std::size_t chunk, RunResult &out, std::vector<std::size_t> &got);
  // Waits for the oldest request's answer; see wait_data(). chunk: its tensor bytes (0: not data).
  std::optional<Frame> wait_answer(std::size_t chunk);
  // One ReadProfile request and its checked answer.
  wire::ReadProfileResponse read_profile_page(const wire::ReadProfileRequest &req, const std::string &what);
  // Runs a wait on the link; a timeout also names the bytes the device's port reported lost.
  template <typename F>
  auto naming_losses(F &&wait) -> decltype(wait());
  std::size_t window() const;
  std::string tensor_label(std::uint32_t model, std::uint32_t tensor, bool input) const;

  std::unique_ptr<boost::asio::io_context> io_;
  std::unique_ptr<Link> link_;
  std::string port_;
  wire::HelloResponse hello_;
  std::vector<wire::ModelInfoResponse> models_;
  // Large frames on a line with bit errors rarely arrive whole: after a frame fails a few times,
  // chunks shrink to a quarter (down to kMinChunk); after a run of answers with no retransmission
  // they double again. Clean lines keep the largest frames (fewest overhead bytes).
  std::size_t chunk_limit_ = SIZE_MAX;
  std::uint32_t rx_lost_ = 0;
  unsigned clean_answers_ = 0;
  std::uint32_t run_id_ = 0;  // ExecuteRequest.run of the last Execute (see next_run_id())
  bool profile_next_ = false;  // ExecuteRequest.profile of the Executes run() sends (profile())
};

// What a user can do about bytes the device's port lost on receive (Status.rx_lost), for messages.
inline constexpr const char *kRxLostAdvice =
    "UART overruns or a full receive buffer: lower the baud rate (--baud) or give the port a larger receive buffer";

// Name of an agent or runtime error code ("AGENT_ERR_WRITE_GAP", "kTVMCrtErrWorkspaceTooSmall").
std::string error_code_name(std::uint32_t code);

}  // namespace tvmcrt::host
