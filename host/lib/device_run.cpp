// SPDX-License-Identifier: Apache-2.0
// device_run.cpp — Device::run(): the inputs, the Execute and the outputs in one exchange
// (device.hpp). The fast path streams every WriteInput and the Execute behind them without waiting
// (a window in flight) and takes the outputs the device sends after the run; whatever the line
// spoils is done again the slow way, one request at a time, under the same run id (never a second
// run: the device answers a known run id from its copy). Inputs and Execute carry the run id as
// their upload id too: the Execute never runs on an earlier run's inputs when a write was lost.
#include <algorithm>
#include <chrono>
#include <deque>

#include "device.hpp"
#include "device_detail.hpp"
#include "error.hpp"
#include "tvmcrt_agent_errors.h"

namespace tvmcrt::host {
using namespace device_detail;

namespace {

using Clock = std::chrono::steady_clock;

double seconds_since(Clock::time_point t) { return std::chrono::duration<double>(Clock::now() - t).count(); }

// One request of the fast path: a chunk of inputs[input], or the Execute.
struct Item {
  bool execute;
  std::size_t input, offset, len;
};

}  // namespace

RunResult Device::run(std::uint32_t model, const std::vector<RunInput> &inputs, double timeout_s,
                      const Progress &progress) {
  const auto &m = models_.at(model);
  std::size_t total = 0;
  for (const RunInput &in : inputs) {
    if (in.tensor >= static_cast<std::uint32_t>(m.inputs_size()))
      throw Error(ErrorClass::usage, "model '" + m.name() + "' has no input #" + std::to_string(in.tensor) + " (it has " +
                                         std::to_string(m.inputs_size()) + ")");
    const std::size_t size = m.inputs(static_cast<int>(in.tensor)).size_bytes();
    if (in.len != size)
      throw Error(ErrorClass::usage, tensor_label(model, in.tensor, true) + " takes " + std::to_string(size) +
                                         " bytes, got " + std::to_string(in.len));
    total += size;
  }
  RunResult out;
  for (const auto &t : m.outputs()) {
    out.outputs.emplace_back(t.size_bytes());
    total += t.size_bytes();
  }
  std::vector<std::size_t> got(out.outputs.size(), 0);
  const std::uint32_t run = next_run_id();
  try {
    if (!run_pipelined(model, inputs, run, timeout_s, out, got, progress)) {
      // Something was lost on the line: each step again with its own recovery. The inputs may be
      // written twice (the same bytes) and the Execute sent twice (the same run id): it runs once.
      std::size_t base = 0;
      for (const RunInput &in : inputs) {
        write_input_as(
            model, in.tensor, in.data, in.len,
            [&](std::size_t d, std::size_t) {
              if (progress) progress(base + d, total);
            },
            run);
        base += in.len;
      }
      const auto t0 = Clock::now();
      out.execute = execute_run(model, run, timeout_s, run);
      out.execute_round_trip_s = seconds_since(t0);
    }
  } catch (const Error &) {
    link_->abandon_all();  // the rest of the window must not be taken for the next call's answers
    link_->end_followers();
    throw;
  }
  // What the device sent after the run but the line spoiled, read from where it broke off.
  std::size_t done = total;
  for (std::size_t i = 0; i < got.size(); ++i) done -= out.outputs[i].size() - got[i];
  for (std::size_t i = 0; i < got.size(); ++i) {
    if (got[i] == out.outputs[i].size()) continue;
    const std::size_t base = done - got[i];
    read_into(model, static_cast<std::uint32_t>(i), out.outputs[i], got[i], [&](std::size_t d, std::size_t) {
      if (progress) progress(base + d, total);
    });
    done += out.outputs[i].size() - got[i];
  }
  if (progress) progress(total, total);
  return out;
}

bool Device::run_pipelined(std::uint32_t model, const std::vector<RunInput> &inputs, std::uint32_t run,
                           double timeout_s, RunResult &out, std::vector<std::size_t> &got, const Progress &progress) {
  std::deque<Item> in_flight;
  std::size_t input = 0, next = 0, acked = 0, total = 0;
  for (const RunInput &in : inputs) total += in.len;
  for (const auto &o : out.outputs) total += o.size();
  const std::size_t output_chunk = read_size();
  bool execute_sent = false;
  Clock::time_point execute_at;
  while (true) {
    while (in_flight.size() < window() && !execute_sent) {
      if (input < inputs.size()) {
        const RunInput &in = inputs[input];
        const std::size_t n = std::min(chunk_size(kWriteOverhead), in.len - next);
        wire::WriteInputRequest req;
        req.set_model(model);
        req.set_tensor(in.tensor);
        req.set_offset(static_cast<std::uint32_t>(next));
        req.set_data(in.data + next, n);
        if (next == 0) req.set_upload(run);  // the Execute below runs only on inputs of this upload
        link_->send(wire::MESSAGE_TYPE_WRITE_INPUT, req.SerializeAsString(), 0, kWriteOverhead);
        in_flight.push_back(Item{false, input, next, n});
        next += n;
        if (next >= in.len) ++input, next = 0;
      } else {
        wire::ExecuteRequest req;
        req.set_profile(profile_next_);
        req.set_model(model);
        req.set_run(run);
        req.set_output_chunk(static_cast<std::uint32_t>(output_chunk));
        req.set_upload(run);
        execute_at = Clock::now();
        link_->send(wire::MESSAGE_TYPE_EXECUTE, req.SerializeAsString(), timeout_s, 0, true);
        in_flight.push_back(Item{true, 0, 0, 0});
        execute_sent = true;
      }
    }
    const Item item = in_flight.front();
    const std::optional<Frame> answer = wait_answer(item.len);
    if (!answer) return false;  // a chunk keeps arriving damaged: all abandoned; smaller frames next
    in_flight.pop_front();
    if (!item.execute) {
      const auto resp = parse<wire::WriteInputResponse>(*answer, "WriteInput");
      const bool same_boot = resp.status().boot_id() == hello_.status().boot_id();
      if (resp.status().code() == AGENT_ERR_WRITE_GAP && same_boot) {
        link_->abandon_all();  // a frame was lost: the rest is refused too, the Execute included
        return false;
      }
      check(resp.status(), "WriteInput to " + tensor_label(model, inputs[item.input].tensor, true));
      acked += item.len;
      if (progress) progress(acked, total);
      continue;
    }
    out.execute_round_trip_s = seconds_since(execute_at);
    const auto resp = parse<wire::ExecuteResponse>(*answer, "Execute");
    // An input did not arrive whole (a write was lost and answered for): the device did not run.
    if (resp.status().code() == AGENT_ERR_INPUT_INCOMPLETE && resp.status().boot_id() == hello_.status().boot_id())
      return false;
    out.execute = execute_result(model, resp);
    take_followers(model, output_chunk, out, got);
    if (progress) progress(acked, total);
    return true;
  }
}

void Device::take_followers(std::uint32_t model, std::size_t chunk, RunResult &out, std::vector<std::size_t> &got) {
  const auto &m = models_.at(model);
  std::size_t bytes = 0;
  for (const auto &t : m.outputs()) bytes += t.size_bytes() + (t.size_bytes() / chunk + 1) * kReadOverhead;
  const auto deadline = Clock::now() + link_->line_time(bytes);
  for (std::size_t t = 0; t < out.outputs.size(); ++t) {
    std::vector<std::uint8_t> &data = out.outputs[t];
    std::size_t at = 0;
    for (; at < data.size(); at += chunk) {
      const std::size_t n = std::min(chunk, data.size() - at);
      const std::optional<Frame> f = link_->wait_follower(deadline);
      if (!f) break;
      const auto r = parse<wire::ReadOutputResponse>(*f, "ReadOutput");
      if (r.status().code() != 0 || r.tensor() != t || r.offset() != at || r.data().size() != n) break;
      std::copy(r.data().begin(), r.data().end(), data.begin() + static_cast<std::ptrdiff_t>(at));
      got[t] = at + n;
    }
    if (got[t] < data.size()) break;  // lost on the way: read from here on (run() does)
  }
  link_->end_followers();
}

}  // namespace tvmcrt::host
