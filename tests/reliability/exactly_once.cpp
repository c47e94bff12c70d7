// SPDX-License-Identifier: Apache-2.0
// exactly_once.cpp — tvmcrt-exactly-once: N runs of a model whose outputs follow from its input
// (bench/models' copy_<size>: y = x; tests/agent/test_models.c's add_one: y = x + 1, sum_bytes: the
// sum and the bytes reversed) over one connection with Device::run() (inputs and Execute streamed,
// outputs sent by the device), each with fresh random input, and proof that every run happened
// exactly once on its own input:
//
//   tvmcrt-exactly-once --port P [--model copy_1k] [--executes N] [--seed S] [--turnaround S]
//
// Per run: the outputs must be the run's input's byte for byte (else a silent corruption: a run on
// another run's or a half-written input, or a wrong byte taken for right); the device's run counter
// (ExecuteResponse.runs) must be the previous run's plus one (more: the model ran twice; the same:
// an answer of an earlier run taken for this one). A run that ends in an error is counted and the
// next one goes on; its counter step is then not judged. Prints one JSON object; exit 1 when any
// run was doubled, lost or silently wrong, or errors exceed --max-errors (default 0).
#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <functional>
#include <map>
#include <random>
#include <stdexcept>
#include <string>
#include <vector>

#include "device.hpp"
#include "error.hpp"

namespace host = tvmcrt::host;
using Clock = std::chrono::steady_clock;

namespace {

struct Options {
  std::string port, model = "copy_1k";
  long executes = 1000, max_errors = 0;
  unsigned seed = 1;
  double turnaround = 0.2;
};

constexpr const char *kUsage =
    "usage: tvmcrt-exactly-once --port P [--model M] [--executes N] [--seed S] [--turnaround S] [--max-errors N]";

[[noreturn]] void usage(const std::string &msg) {
  std::fprintf(stderr, "tvmcrt-exactly-once: %s\n%s\n", msg.c_str(), kUsage);
  std::exit(2);
}

Options parse(int argc, char **argv) {
  Options o;
  // Each option sets its field from the text that follows it.
  const std::map<std::string, std::function<void(const std::string &)>> set = {
      {"--port", [&](const std::string &v) { o.port = v; }},
      {"--model", [&](const std::string &v) { o.model = v; }},
      {"--executes", [&](const std::string &v) { o.executes = std::stol(v); }},
      {"--seed", [&](const std::string &v) { o.seed = static_cast<unsigned>(std::stoul(v)); }},
      {"--turnaround", [&](const std::string &v) { o.turnaround = std::stod(v); }},
      {"--max-errors", [&](const std::string &v) { o.max_errors = std::stol(v); }},
  };
  for (int i = 1; i < argc; i += 2) {
    const auto it = set.find(argv[i]);
    if (it == set.end()) usage(std::string("unknown option '") + argv[i] + "'");
    if (i + 1 >= argc) usage(std::string("'") + argv[i] + "' needs a value");
    try {
      it->second(argv[i + 1]);
    } catch (const std::logic_error &) {
      usage(std::string("'") + argv[i] + "' takes a number, got '" + argv[i + 1] + "'");
    }
  }
  if (o.port.empty()) usage("--port is required");
  if (o.executes < 1) usage("--executes must be at least 1");
  return o;
}

std::string quoted(const std::string &s) {
  std::string q;
  for (char c : s) q += (c == '"' || c == '\\') ? std::string("\\") + c : std::string(1, c == '\n' ? ' ' : c);
  return "\"" + q + "\"";
}

}  // namespace

int main(int argc, char **argv) {
  const Options o = parse(argc, argv);
  host::DeviceOptions opt;
  opt.link.turnaround_s = o.turnaround;
  long correct = 0, silent = 0, doubled = 0, lost = 0, errors = 0;
  std::string first_error, first_problem;
  std::vector<double> seconds;
  const auto start = Clock::now();
  try {
    host::Device dev(o.port, opt);
    const std::uint32_t m = dev.model_index(o.model);
    const auto &info = dev.models()[m];
    const bool copy = o.model.rfind("copy_", 0) == 0;
    if (!copy && o.model != "add_one" && o.model != "sum_bytes")
      usage("model '" + o.model + "': give copy_<size>, add_one or sum_bytes (their outputs follow from the input)");
    if (info.inputs_size() != 1 || info.outputs_size() < 1)
      usage("model '" + o.model + "' on " + o.port + " has not the one input this check needs");
    std::mt19937 rng(o.seed);
    std::vector<std::uint8_t> x(info.inputs(0).size_bytes());
    auto expected = [&] {
      std::vector<std::vector<std::uint8_t>> y;
      if (copy) return y = {x}, y;
      if (o.model == "add_one") {
        y = {x};
        for (auto &b : y[0]) ++b;
        return y;
      }
      std::uint32_t sum = 0;
      for (std::uint8_t b : x) sum += b;
      y.push_back({static_cast<std::uint8_t>(sum), static_cast<std::uint8_t>(sum >> 8), static_cast<std::uint8_t>(sum >> 16),
                   static_cast<std::uint8_t>(sum >> 24)});
      y.emplace_back(x.rbegin(), x.rend());
      return y;
    };
    std::uint32_t first_runs = 0, last_runs = 0;
    bool judged = false;  // whether last_runs can be trusted for the next run's step
    for (long i = 0; i < o.executes; ++i) {
      for (auto &b : x) b = static_cast<std::uint8_t>(rng());
      const auto t0 = Clock::now();
      try {
        const host::RunResult r = dev.run(m, {host::RunInput{0, x.data(), x.size()}}, 10);
        seconds.push_back(std::chrono::duration<double>(Clock::now() - t0).count());
        const bool right = r.outputs == expected();
        right ? ++correct : ++silent;
        if (judged && r.execute.runs != last_runs + 1) {
          (r.execute.runs > last_runs + 1 ? doubled : lost) += 1;
          if (first_problem.empty())
            first_problem = "run " + std::to_string(i) + ": device counter " + std::to_string(last_runs) + " -> " +
                            std::to_string(r.execute.runs);
        }
        if (!right && first_problem.empty()) first_problem = "run " + std::to_string(i) + ": output differs from input";
        if (correct + silent == 1) first_runs = r.execute.runs;
        last_runs = r.execute.runs;
        judged = true;
      } catch (const host::Error &e) {
        if (e.error_class() == host::ErrorClass::reset || e.error_class() == host::ErrorClass::transport) throw;
        ++errors;
        judged = false;  // it may or may not have run: the next step is not judged
        if (first_error.empty()) first_error = "run " + std::to_string(i) + ": " + e.what();
      }
    }
    const auto &st = dev.link_stats();
    std::sort(seconds.begin(), seconds.end());
    const double median = seconds.empty() ? 0 : seconds[seconds.size() / 2];
    std::printf("{\"executes\": %ld, \"correct\": %ld, \"silent_corruptions\": %ld, \"double_runs\": %ld, "
                "\"lost_runs\": %ld, \"errors\": %ld, \"device_runs\": %u, \"retransmits\": %u, \"probes\": %u, "
                "\"naks\": %u, \"bad_frames\": %u, \"seconds\": %.1f, \"median_run_ms\": %.2f",
                o.executes, correct, silent, doubled, lost, errors, last_runs - first_runs + 1, st.retransmits, st.probes, st.naks,
                st.bad_frames, std::chrono::duration<double>(Clock::now() - start).count(), 1e3 * median);
  } catch (const host::Error &e) {
    std::printf("{\"fatal\": %s}\n", quoted(e.what()).c_str());
    return 1;
  }
  std::printf(", \"first_error\": %s, \"first_problem\": %s}\n", quoted(first_error).c_str(),
              quoted(first_problem).c_str());
  return silent || doubled || lost || errors > o.max_errors ? 1 : 0;
}
