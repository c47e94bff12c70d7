// SPDX-License-Identifier: Apache-2.0
#include "device.hpp"
#include "device_detail.hpp"

#include <algorithm>
#include <deque>
#include <iomanip>
#include <sstream>

#include "error.hpp"
#include "error_text.hpp"
#include "line_diagnosis.hpp"
#include "tvmcrt/tvmcrt_errors.h"
#include "tvmcrt_agent_errors.h"

namespace tvmcrt::host {
using namespace device_detail;

namespace {

struct CodeInfo {
  std::uint32_t code;
  const char *name;
  const char *hint;  // what the user can do; may be ""
};

constexpr CodeInfo kCodes[] = {
    {AGENT_ERR_BAD_CRC, "AGENT_ERR_BAD_CRC", "frames arrive corrupted: check the baud rate and cable"},
    {AGENT_ERR_FRAME_TOO_LARGE, "AGENT_ERR_FRAME_TOO_LARGE", ""},
    {AGENT_ERR_UNSUPPORTED_VERSION, "AGENT_ERR_UNSUPPORTED_VERSION", ""},
    {AGENT_ERR_UNKNOWN_MESSAGE, "AGENT_ERR_UNKNOWN_MESSAGE", "the firmware is older than this host"},
    {AGENT_ERR_MALFORMED_MESSAGE, "AGENT_ERR_MALFORMED_MESSAGE", ""},
    {AGENT_ERR_BAD_FRAMING, "AGENT_ERR_BAD_FRAMING", ""},
    {AGENT_ERR_RESPONSE_TOO_LARGE, "AGENT_ERR_RESPONSE_TOO_LARGE", ""},
    {AGENT_ERR_UNKNOWN_MODEL, "AGENT_ERR_UNKNOWN_MODEL", "run 'tvmcrt-host info' to list the models"},
    {AGENT_ERR_UNKNOWN_TENSOR, "AGENT_ERR_UNKNOWN_TENSOR", "run 'tvmcrt-host info' to list the tensors"},
    {AGENT_ERR_OUT_OF_RANGE, "AGENT_ERR_OUT_OF_RANGE", ""},
    {AGENT_ERR_WRITE_GAP, "AGENT_ERR_WRITE_GAP", ""},
    {AGENT_ERR_INPUT_INCOMPLETE, "AGENT_ERR_INPUT_INCOMPLETE", "write every input in full before executing"},
    {AGENT_ERR_OUTPUT_NOT_READY, "AGENT_ERR_OUTPUT_NOT_READY", "execute the model before reading outputs"},
    {AGENT_ERR_UNKNOWN_REGION, "AGENT_ERR_UNKNOWN_REGION", "run 'tvmcrt-host info' to list the regions"},
    {AGENT_ERR_UNKNOWN_POOL, "AGENT_ERR_UNKNOWN_POOL", "run 'tvmcrt-host info' to list the model's pools"},
    {AGENT_ERR_DUPLICATE_POOL, "AGENT_ERR_DUPLICATE_POOL", "place each pool once"},
    {AGENT_ERR_PROFILE_NOT_BUILT, "AGENT_ERR_PROFILE_NOT_BUILT", ""},
    {AGENT_ERR_PROFILE_NOT_READY, "AGENT_ERR_PROFILE_NOT_READY", "run the model with profile first"},
    {AGENT_ERR_WORKSPACE_NOT_SET, "AGENT_ERR_WORKSPACE_NOT_SET", "place the model's pools with set-workspaces"},
    {AGENT_ERR_WORKSPACE_TOO_SMALL, "AGENT_ERR_WORKSPACE_TOO_SMALL", "give the pool at least its size_bytes"},
    {AGENT_ERR_WORKSPACE_OUTSIDE_REGION, "AGENT_ERR_WORKSPACE_OUTSIDE_REGION", "keep OFFSET+SIZE inside the region"},
    {AGENT_ERR_WORKSPACE_MISALIGNED, "AGENT_ERR_WORKSPACE_MISALIGNED", "use an OFFSET that is a multiple of the "
                                                                      "pool's alignment"},
    {AGENT_ERR_WORKSPACE_OVERLAP, "AGENT_ERR_WORKSPACE_OVERLAP", "give each pool its own part of the region"},
    {AGENT_ERR_MODEL_FAILED, "AGENT_ERR_MODEL_FAILED", ""},
    {AGENT_ERR_TENSOR_OVERRUN, "AGENT_ERR_TENSOR_OVERRUN", "the model's outputs (and whatever lies past the buffer) "
                                                           "cannot be trusted; fix the declaration and rebuild the image"},
    {kTVMCrtErrWorkspaceMissing, "kTVMCrtErrWorkspaceMissing", "place the model's pools with set-workspaces"},
    {kTVMCrtErrWorkspaceTooSmall, "kTVMCrtErrWorkspaceTooSmall", ""},
    {kTVMCrtErrWorkspaceExhausted, "kTVMCrtErrWorkspaceExhausted", "give the workspace pool more bytes"},
    {kTVMCrtErrModelFailed, "kTVMCrtErrModelFailed", ""},
    {kTVMCrtErrModelAborted, "kTVMCrtErrModelAborted", ""},
};

const CodeInfo *find_code(std::uint32_t code) {
  for (const CodeInfo &c : kCodes)
    if (c.code == code) return &c;
  return nullptr;
}

std::string names_of(const google::protobuf::RepeatedPtrField<wire::TensorInfo> &ts) {
  std::string s;
  for (const auto &t : ts) s += (s.empty() ? "" : ", ") + t.name();
  return s.empty() ? "none" : s;
}

}  // namespace

std::uint32_t microseconds_of(std::uint32_t ticks, std::uint32_t tick_hz) {
  if (tick_hz == 0) return 0;
  const std::uint64_t us = static_cast<std::uint64_t>(ticks) * 1000000u / tick_hz;
  return us > 0xFFFFFFFFu ? 0xFFFFFFFFu : static_cast<std::uint32_t>(us);
}

std::string error_code_name(std::uint32_t code) {
  std::ostringstream os;
  const CodeInfo *c = find_code(code);
  if (c) os << c->name << ' ';
  os << "(0x" << std::hex << std::setw(4) << std::setfill('0') << code << ')';
  return os.str();
}

Device::Device(const std::string &port, const DeviceOptions &opt)
    : io_(std::make_unique<boost::asio::io_context>()) {
  auto transport = open_transport(*io_, port, opt.transport);
  port_ = transport->name();  // the emulator's names the image it booted ("qemu:.../tvmcrt-fw.elf")
  link_ = std::make_unique<Link>(*io_, std::move(transport), opt.link);
  connect();
}

Device::Device(std::unique_ptr<boost::asio::io_context> io, std::unique_ptr<Transport> transport,
               const DeviceOptions &opt)
    : io_(std::move(io)), port_(transport->name()) {
  link_ = std::make_unique<Link>(*io_, std::move(transport), opt.link);
  connect();
}

Device::~Device() = default;

template <typename Resp>
Resp Device::parse(const Frame &f, const std::string &what) {
  Resp r;
  if (!r.ParseFromString(f.payload))
    throw Error(ErrorClass::protocol, "malformed response to " + what + " from the device on " + port_ +
                                          "; is the firmware from the same tvmcrt release as this host?");
  rx_lost_ = r.status().rx_lost();
  return r;
}

template <typename F>
auto Device::naming_losses(F &&wait) -> decltype(wait()) {
  try {
    return wait();
  } catch (const Error &e) {
    if (e.error_class() != ErrorClass::timeout || rx_lost_ == 0) throw;
    throw Error(ErrorClass::timeout, std::string(e.what()) + "; the device reports " + std::to_string(rx_lost_) +
                                         " bytes lost by its port's receiver since it started (" + kRxLostAdvice +
                                         ")");
  }
}

template <typename Resp>
Resp Device::call(std::uint8_t type, const google::protobuf::Message &req, const std::string &what, double extra_s) {
  link_->send(type, req.SerializeAsString(), extra_s);
  return parse<Resp>(naming_losses([&] { return link_->wait_oldest(); }), what);
}

void Device::check(const wire::Status &st, const std::string &what) {
  if (st.boot_id() != hello_.status().boot_id())
    throw Error(ErrorClass::reset, "the device on " + port_ + " reset during " + what + " (boot id " +
                                       std::to_string(hello_.status().boot_id()) + " became " +
                                       std::to_string(st.boot_id()) +
                                       "): its inputs, workspace placements and outputs are gone; run the "
                                       "command again");
  if (st.code() == 0) return;
  const std::string detail = error_text(st.text());  // the device sends numbers; the sentence is written here
  std::string msg = what + " failed on the device at " + port_ + ": " + error_code_name(st.code());
  if (!detail.empty()) msg += ": " + detail;
  const CodeInfo *c = find_code(st.code());
  if (c && *c->hint) msg += std::string("; ") + c->hint;
  throw Error(ErrorClass::device, msg);
}

void Device::connect() {
  // A board booting as we connect (the emulator) announces itself: wait for that rather than
  // send Hello into a UART that is not on yet (a retransmission and a false "noisy line" note one
  // start in three). A device that never says Boot still gets its Hello after the wait.
  if (link_->transport().boots_on_open()) link_->wait_boot(std::chrono::seconds(3));
  link_->flush_line();
  wire::HelloRequest req;
  req.set_protocol_version(kProtocolVersion);
  // A telnet server reached as raw TCP may answer Hello, but it doubles every 0xFF byte of a tensor;
  // and a Hello frame that holds a 0xFF itself (its CRC, its sequence number) never gets through
  // it, so the negotiation it sent names the fix whether Hello was answered or not.
  const auto telnet = [&] {
    if (port_.rfind("socket://", 0) == 0 && is_telnet_negotiation(link_->first_bytes()))
      throw Error(ErrorClass::transport, "port " + port_ + ": it sent telnet option negotiation, so it is a telnet / "
                                         "RFC 2217 server (ser2net's telnet(rfc2217) accepter) and would garble every "
                                         "0xFF byte; use rfc2217://" + port_.substr(9) + " instead of " + port_);
  };
  try {
    hello_ = call<wire::HelloResponse>(wire::MESSAGE_TYPE_HELLO, req, "Hello");
  } catch (const Error &e) {
    if (e.error_class() == ErrorClass::timeout) telnet();
    throw;
  }
  telnet();
  if (hello_.protocol_version() != kProtocolVersion || hello_.status().code() == AGENT_ERR_UNSUPPORTED_VERSION)
    throw Error(ErrorClass::protocol,
                "the device on " + port_ + " speaks tvmcrt protocol version " +
                    std::to_string(hello_.protocol_version()) + ", this tvmcrt-host speaks version " +
                    std::to_string(kProtocolVersion) + "; flash firmware from the same tvmcrt release as this host");
  check(hello_.status(), "Hello");
  // Both bounds matter: every deadline counts the answer's bytes at the line rate, so a device
  // announcing 4 GB frames would make each wait days long on a UART.
  if (hello_.max_frame_payload() < 64 || hello_.max_frame_payload() > 65535)
    throw Error(ErrorClass::protocol, "the device on " + port_ + " offers a max frame payload of " +
                                          std::to_string(hello_.max_frame_payload()) +
                                          " bytes (the protocol allows 64 to 65535); is it a tvmcrt agent?");
  link_->arm_reset_detection();
  link_->set_response_bytes(hello_.max_frame_payload());
  for (std::uint32_t m = 0; m < hello_.model_count(); ++m) {
    wire::ModelInfoRequest mreq;
    mreq.set_model(m);
    models_.push_back(call<wire::ModelInfoResponse>(wire::MESSAGE_TYPE_MODEL_INFO, mreq,
                                                    "ModelInfo for model " + std::to_string(m)));
    check(models_.back().status(), "ModelInfo for model " + std::to_string(m));
  }
}

std::uint32_t Device::model_index(const std::string &name) const {
  std::string names;
  for (const auto &m : models_) names += (names.empty() ? "" : ", ") + m.name();
  if (name.empty()) {
    if (models_.size() == 1) return 0;
    if (models_.empty()) throw Error(ErrorClass::usage, "the firmware on " + port_ + " has no models");
    throw Error(ErrorClass::usage, "the firmware on " + port_ + " has " + std::to_string(models_.size()) +
                                       " models (" + names + "); pick one with --model NAME");
  }
  for (std::uint32_t i = 0; i < models_.size(); ++i)
    if (models_[i].name() == name) return i;
  throw Error(ErrorClass::usage, "no model '" + name + "' on the device at " + port_ + "; it has: " +
                                     (names.empty() ? "none" : names));
}

std::uint32_t Device::input_index(std::uint32_t model, const std::string &name) const {
  const auto &ins = models_.at(model).inputs();
  for (int i = 0; i < ins.size(); ++i)
    if (ins[i].name() == name) return static_cast<std::uint32_t>(i);
  throw Error(ErrorClass::usage, "model '" + models_[model].name() + "' has no input '" + name +
                                     "'; its inputs are: " + names_of(ins));
}

std::uint32_t Device::output_index(std::uint32_t model, const std::string &name) const {
  const auto &outs = models_.at(model).outputs();
  for (int i = 0; i < outs.size(); ++i)
    if (outs[i].name() == name) return static_cast<std::uint32_t>(i);
  throw Error(ErrorClass::usage, "model '" + models_[model].name() + "' has no output '" + name +
                                     "'; its outputs are: " + names_of(outs));
}

std::string Device::tensor_label(std::uint32_t model, std::uint32_t tensor, bool input) const {
  const auto &m = models_.at(model);
  const auto &t = input ? m.inputs(static_cast<int>(tensor)) : m.outputs(static_cast<int>(tensor));
  return std::string(input ? "input" : "output") + " '" + t.name() + "' of model '" + m.name() + "'";
}

std::size_t Device::chunk_size(std::size_t overhead) const {
  // Also within the host's own frame buffer, for devices that offer more.
  const std::size_t payload = std::min<std::size_t>(hello_.max_frame_payload(), Link::kMaxPayload);
  return std::min(std::max<std::size_t>(payload, overhead + 16) - overhead, chunk_limit_);
}

std::size_t Device::read_size() const {
  if (hello_.max_read_length() == 0) return chunk_size(kReadOverhead);  // an agent that does not say
  return std::min({std::size_t{hello_.max_read_length()}, Link::kMaxPayload - kReadOverhead, chunk_limit_});
}

std::optional<Frame> Device::wait_data(InFlight &in_flight, std::size_t &next) {
  const std::size_t oldest = in_flight.front().first;
  std::optional<Frame> f = wait_answer(in_flight.front().second);
  if (!f) {
    in_flight.clear();
    next = oldest;
  }
  return f;
}

std::optional<Frame> Device::wait_answer(std::size_t chunk) {
  const unsigned retransmits = link_->stats().retransmits;
  std::optional<Frame> f = naming_losses([&] { return link_->wait_oldest(chunk > kMinChunk ? kGiveUpAfter : -1); });
  if (!f) {
    chunk_limit_ = std::max(kMinChunk, chunk / 4);
    clean_answers_ = 0;
    link_->abandon_all();
    return f;
  }
  if (link_->stats().retransmits != retransmits) {
    clean_answers_ = 0;
  } else if (++clean_answers_ >= kCleanAnswersToGrow && chunk_limit_ != SIZE_MAX) {
    // Past the largest payload any frame can carry the limit is none again.
    chunk_limit_ = 2 * chunk_limit_ >= Link::kMaxPayload ? SIZE_MAX : 2 * chunk_limit_;
    clean_answers_ = 0;
  }
  return f;
}

std::size_t Device::window() const { return std::max<std::uint32_t>(hello_.receive_window(), 1); }

void Device::set_workspaces(std::uint32_t model, const std::vector<wire::PoolPlacement> &placements) {
  wire::SetWorkspacesRequest req;
  req.set_model(model);
  for (const auto &p : placements) *req.add_placements() = p;
  const std::string what = "SetWorkspaces for model '" + models_.at(model).name() + "'";
  check(call<wire::SetWorkspacesResponse>(wire::MESSAGE_TYPE_SET_WORKSPACES, req, what).status(), what);
  // Refresh the placements the device now reports.
  wire::ModelInfoRequest mreq;
  mreq.set_model(model);
  models_[model] = call<wire::ModelInfoResponse>(wire::MESSAGE_TYPE_MODEL_INFO, mreq, "ModelInfo");
  check(models_[model].status(), "ModelInfo");
}

std::size_t Device::stream_input(std::uint32_t model, std::uint32_t tensor, const std::uint8_t *data, std::size_t len,
                                 std::size_t next, const Progress &progress, const std::string &label,
                                 std::uint32_t upload) {
  InFlight in_flight;
  std::size_t acked = next, resynced_at = next;
  int resyncs = 0;  // in a row at the same offset
  while (next < len || !in_flight.empty()) {
    while (in_flight.size() < window() && next < len) {
      const std::size_t n = std::min(chunk_size(kWriteOverhead), len - next);
      wire::WriteInputRequest req;
      req.set_model(model);
      req.set_tensor(tensor);
      req.set_offset(static_cast<std::uint32_t>(next));
      req.set_data(data + next, n);
      if (next == 0) req.set_upload(upload);  // only the write at offset 0 records it
      link_->send(wire::MESSAGE_TYPE_WRITE_INPUT, req.SerializeAsString(), 0, kWriteOverhead);
      in_flight.emplace_back(next, n);
      next += n;
    }
    const std::optional<Frame> answer = wait_data(in_flight, next);
    if (!answer) continue;  // the oldest chunk does not get through whole: from there again, smaller
    const auto resp = parse<wire::WriteInputResponse>(*answer, "WriteInput");
    in_flight.pop_front();
    if (resp.status().code() == AGENT_ERR_WRITE_GAP && resp.status().boot_id() == hello_.status().boot_id()) {
      // A frame was lost: everything after it is refused too. Resume where the device says. (A
      // noisy line may need many resyncs; only a device that stops taking bytes fails here.)
      const std::size_t received = std::min<std::size_t>(resp.received(), len);
      if (received > resynced_at) resyncs = 0;
      resynced_at = received;
      if (++resyncs > 64) check(resp.status(), "WriteInput to " + label);
      link_->abandon_all();
      in_flight.clear();
      next = acked = received;
      continue;
    }
    check(resp.status(), "WriteInput to " + label);
    acked = std::max<std::size_t>(acked, resp.received());
    if (progress) progress(acked, len);
  }
  return acked;
}

void Device::write_input(std::uint32_t model, std::uint32_t tensor, const std::uint8_t *data, std::size_t len,
                         const Progress &progress) {
  write_input_as(model, tensor, data, len, progress, 0);
}

void Device::write_input_as(std::uint32_t model, std::uint32_t tensor, const std::uint8_t *data, std::size_t len,
                            const Progress &progress, std::uint32_t upload) {
  const std::string label = tensor_label(model, tensor, true);
  const std::size_t size = models_.at(model).inputs(static_cast<int>(tensor)).size_bytes();
  if (len != size)
    throw Error(ErrorClass::usage, label + " takes " + std::to_string(size) + " bytes, got " + std::to_string(len));
  std::size_t from = 0;
  for (int round = 0;; ++round) {
    const unsigned retransmits = link_->stats().retransmits;
    const std::size_t acked = stream_input(model, tensor, data, len, from, progress, label, upload);
    if (acked != len)
      throw Error(ErrorClass::protocol, "the device on " + port_ + " acknowledged " + std::to_string(acked) +
                                            " of " + std::to_string(len) + " bytes of " + label);
    if (link_->stats().retransmits == retransmits || len == 0) return;
    // A chunk sent twice may have landed after later ones; one at offset 0 even starts the upload
    // over. Ask where the device stands: an empty write at the end is refused with WRITE_GAP and
    // the count it holds if anything is missing.
    wire::WriteInputRequest req;
    req.set_model(model);
    req.set_tensor(tensor);
    req.set_offset(static_cast<std::uint32_t>(len));
    link_->send(wire::MESSAGE_TYPE_WRITE_INPUT, req.SerializeAsString(), 0, kWriteOverhead);
    const auto resp =
        parse<wire::WriteInputResponse>(naming_losses([&] { return link_->wait_oldest(); }), "WriteInput");
    if (resp.status().code() != AGENT_ERR_WRITE_GAP || round >= 8) {
      check(resp.status(), "WriteInput to " + label);
      return;
    }
    from = std::min<std::size_t>(resp.received(), len);
  }
}

std::uint32_t Device::next_run_id() {
  // From 1 in every session: Hello makes the agent forget the run it kept and the upload ids of its
  // inputs, so ids of an earlier session never match (and small ids are short varints on the wire).
  if (++run_id_ == 0) run_id_ = 1;
  return run_id_;
}

wire::ReadProfileResponse Device::read_profile_page(const wire::ReadProfileRequest &req, const std::string &what) {
  const auto resp = call<wire::ReadProfileResponse>(wire::MESSAGE_TYPE_READ_PROFILE, req, what);
  check(resp.status(), what);
  return resp;
}

ExecuteResult Device::execute(std::uint32_t model, double timeout_s) {
  return execute_run(model, next_run_id(), timeout_s);
}

ExecuteResult Device::execute_run(std::uint32_t model, std::uint32_t run, double timeout_s, std::uint32_t upload) {
  wire::ExecuteRequest req;
  req.set_profile(profile_next_);
  req.set_model(model);
  req.set_run(run);
  req.set_upload(upload);
  const auto resp = call<wire::ExecuteResponse>(wire::MESSAGE_TYPE_EXECUTE, req, "Execute", timeout_s);
  return execute_result(model, resp);
}

ExecuteResult Device::execute_result(std::uint32_t model, const wire::ExecuteResponse &resp) {
  const std::string name = models_.at(model).name();
  if (resp.status().boot_id() == hello_.status().boot_id() && resp.status().code() == AGENT_ERR_MODEL_FAILED) {
    // The status carries the runtime's own error (its TVMGetLastError() sentence, as numbers).
    throw Error(ErrorClass::device, "model '" + name + "' failed on the device at " + port_ + ": TVMExecute returned " +
                                        error_code_name(static_cast<std::uint32_t>(resp.runtime_code())) + ": " +
                                        error_text(resp.status().text()));
  }
  check(resp.status(), "Execute of model '" + name + "'");
  // Agents of version 2 send ticks only: the division is done here, not on the device.
  const std::uint32_t us = resp.microseconds() ? resp.microseconds() : microseconds_of(resp.ticks(), hello_.tick_hz());
  return ExecuteResult{resp.ticks(), us, resp.peak_workspace(), resp.runs()};
}

std::vector<std::uint8_t> Device::read_output(std::uint32_t model, std::uint32_t tensor, const Progress &progress) {
  std::vector<std::uint8_t> out(models_.at(model).outputs(static_cast<int>(tensor)).size_bytes());
  read_into(model, tensor, out, 0, progress);
  return out;
}

void Device::read_into(std::uint32_t model, std::uint32_t tensor, std::vector<std::uint8_t> &out, std::size_t from,
                       const Progress &progress) {
  const std::string label = tensor_label(model, tensor, false);
  const std::size_t len = out.size();
  InFlight in_flight;
  std::size_t next = from, done = from;
  while (done < len) {
    while (in_flight.size() < window() && next < len) {
      const std::size_t n = std::min(read_size(), len - next);
      wire::ReadOutputRequest req;
      req.set_model(model);
      req.set_tensor(tensor);
      req.set_offset(static_cast<std::uint32_t>(next));
      req.set_length(static_cast<std::uint32_t>(n));
      link_->send(wire::MESSAGE_TYPE_READ_OUTPUT, req.SerializeAsString(), 0, n + kReadOverhead);
      in_flight.emplace_back(next, n);
      next += n;
    }
    const std::optional<Frame> answer = wait_data(in_flight, next);
    if (!answer) continue;  // the oldest read's answer does not get through whole: from there again, smaller
    const auto resp = parse<wire::ReadOutputResponse>(*answer, "ReadOutput");
    const auto [off, n] = in_flight.front();
    in_flight.pop_front();
    check(resp.status(), "ReadOutput of " + label);
    if (resp.offset() != off || resp.data().size() != n)
      throw Error(ErrorClass::protocol, "the device on " + port_ + " answered a read of " + std::to_string(n) +
                                            " bytes at offset " + std::to_string(off) + " of " + label + " with " +
                                            std::to_string(resp.data().size()) + " bytes at offset " +
                                            std::to_string(resp.offset()));
    std::copy(resp.data().begin(), resp.data().end(), out.begin() + static_cast<std::ptrdiff_t>(off));
    done += n;
    if (progress) progress(done, len);
  }
}

wire::GetLastErrorResponse Device::last_error() {
  auto resp = call<wire::GetLastErrorResponse>(wire::MESSAGE_TYPE_GET_LAST_ERROR, wire::GetLastErrorRequest(),
                                               "GetLastError");
  check(resp.status(), "GetLastError");
  if (resp.text().empty()) resp.set_text(error_text(resp.error()));
  return resp;
}

void Device::resync() {
  link_->abandon_all();
  link_->flush_line();
}

}  // namespace tvmcrt::host
