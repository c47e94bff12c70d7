// SPDX-License-Identifier: Apache-2.0
// bench_execute.cpp — tvmcrt-bench: runs write input / Execute / read output of one model against a
// device through the host library and prints, as one JSON object, what crossed the transport and
// how long it took. bench/run drives it for every row of the benchmark table (docs/performance.md).
//
//   tvmcrt-bench --port P --model copy_64k [--pattern random|zeros|ones|alt] [--repeat N]
//                [--line-rate BYTES_PER_S] [--baud B] [--api run|calls]
//
// --api run (the default, what tvmcrt-host execute does): Device::run(), the inputs and the Execute
// streamed and the outputs sent by the device after the run. --api calls: write_input(), execute()
// and read_output() one after another, each waiting for its answers.
// Bytes are counted at the transport (every byte the host writes or reads, requests, responses
// and acks alike), per phase (run: all in "execute"), for the first run; times are per run (steady clock), summarised as
// min/median/p99/max. The output of every run is compared with the input (the bench models copy
// x to y): a wrong byte ends the program with exit code 1 — a figure for a broken transfer would
// be meaningless. --line-rate only tells the host library the link's speed for its deadlines (a
// socket through a slow link simulator is not the default 16 KB/s).
#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <random>
#include <stdexcept>
#include <string>
#include <vector>

#include "device.hpp"
#include "error.hpp"

namespace host = tvmcrt::host;
using Clock = std::chrono::steady_clock;

namespace {

// Passes everything through to the real transport and counts the bytes each way.
class CountingTransport final : public host::Transport {
 public:
  CountingTransport(std::unique_ptr<host::Transport> inner, double bps)
      : Transport(inner->name(), bps > 0 ? bps : inner->bytes_per_second()), inner_(std::move(inner)) {}
  void async_read_some(boost::asio::mutable_buffer buf, Handler h) override {
    inner_->async_read_some(buf, [this, h](const boost::system::error_code &ec, std::size_t n) {
      rx += n;
      h(ec, n);
    });
  }
  void async_write_some(boost::asio::const_buffer buf, Handler h) override {
    inner_->async_write_some(buf, [this, h](const boost::system::error_code &ec, std::size_t n) {
      tx += n;
      h(ec, n);
    });
  }
  void close() override { inner_->close(); }
  std::size_t tx = 0, rx = 0;

 private:
  std::unique_ptr<host::Transport> inner_;
};

struct Options {
  std::string port, model, pattern = "random";
  int repeat = 1;
  double line_rate = 0;
  std::uint32_t baud = 115200;
  bool run = true;
};

[[noreturn]] void usage(const std::string &msg) {
  std::fprintf(stderr,
               "tvmcrt-bench: %s\nusage: tvmcrt-bench --port P --model NAME [--pattern random|zeros|ones|alt] "
               "[--repeat N] [--line-rate BYTES_PER_S] [--baud B] [--api run|calls]\n",
               msg.c_str());
  std::exit(2);
}

Options parse(int argc, char **argv) {
  Options o;
  for (int i = 1; i < argc; ++i) {
    const std::string a = argv[i];
    if (i + 1 >= argc) usage("'" + a + "' needs a value");
    const std::string v = argv[++i];
    try {
      if (a == "--port") o.port = v;
      else if (a == "--model") o.model = v;
      else if (a == "--pattern") o.pattern = v;
      else if (a == "--repeat") o.repeat = std::stoi(v);
      else if (a == "--line-rate") o.line_rate = std::stod(v);
      else if (a == "--baud") o.baud = static_cast<std::uint32_t>(std::stoul(v));
      else if (a == "--api" && (v == "run" || v == "calls")) o.run = v == "run";
      else if (a == "--api") usage("--api takes run or calls, got '" + v + "'");
      else usage("unknown option '" + a + "'");
    } catch (const std::logic_error &) {
      usage("'" + a + "' takes a number, got '" + v + "'");
    }
  }
  if (o.port.empty() || o.model.empty()) usage("--port and --model are required");
  if (o.repeat < 1) usage("--repeat must be at least 1");
  if (o.pattern != "random" && o.pattern != "zeros" && o.pattern != "ones" && o.pattern != "alt")
    usage("--pattern must be random, zeros, ones or alt, got '" + o.pattern + "'");
  return o;
}

std::vector<std::uint8_t> make_data(const std::string &pattern, std::size_t n) {
  std::vector<std::uint8_t> d(n);
  std::mt19937 rng(1);
  for (std::size_t i = 0; i < n; ++i) {
    if (pattern == "random") d[i] = static_cast<std::uint8_t>(rng());
    else if (pattern == "zeros") d[i] = 0x00;
    else if (pattern == "ones") d[i] = 0xFF;
    else d[i] = (i & 1) ? 0xFF : 0x00;  // alt: a COBS code byte every other byte
  }
  return d;
}

struct Stats {
  double min, median, p99, max;
};

Stats summarise(std::vector<double> v) {
  std::sort(v.begin(), v.end());
  auto at = [&](double q) { return v[std::min(v.size() - 1, static_cast<std::size_t>(q * (v.size() - 1) + 0.5))]; };
  return {v.front(), at(0.5), at(0.99), v.back()};
}

void print_stats(const char *name, const std::vector<double> &v, bool last) {
  const Stats s = summarise(v);
  std::printf("  \"%s\": {\"min\": %.6f, \"median\": %.6f, \"p99\": %.6f, \"max\": %.6f}%s\n", name, s.min, s.median,
              s.p99, s.max, last ? "" : ",");
}

double seconds_since(Clock::time_point t0) { return std::chrono::duration<double>(Clock::now() - t0).count(); }

}  // namespace

int main(int argc, char **argv) {
  const Options o = parse(argc, argv);
  try {
    auto io = std::make_unique<boost::asio::io_context>();
    host::TransportOptions topt;
    topt.baud = o.baud;
    auto counted = std::make_unique<CountingTransport>(host::open_transport(*io, o.port, topt), o.line_rate);
    CountingTransport &ct = *counted;
    const auto t_connect = Clock::now();
    host::Device dev(std::move(io), std::move(counted));
    const double connect_s = seconds_since(t_connect);
    const std::size_t connect_bytes = ct.tx + ct.rx;

    const std::uint32_t m = dev.model_index(o.model);
    const auto &info = dev.models()[m];
    if (info.inputs_size() != 1 || info.outputs_size() != 1 ||
        info.inputs(0).size_bytes() != info.outputs(0).size_bytes())
      usage("model '" + o.model + "' is not a bench copy model (one input, one output of the same size)");
    const std::vector<std::uint8_t> in = make_data(o.pattern, info.inputs(0).size_bytes());

    std::vector<double> total, write, exec, read;
    std::size_t bytes[3][2] = {};  // phase (write, execute, read) x (tx, rx), first run
    std::uint32_t device_us = 0;
    for (int r = 0; r < o.repeat; ++r) {
      std::size_t mark[4][2];
      mark[0][0] = ct.tx, mark[0][1] = ct.rx;
      const auto t0 = Clock::now();
      std::vector<std::uint8_t> out;
      Clock::time_point t1 = t0, t2, t3;
      if (o.run) {  // one exchange: its Execute round trip stands for the execute phase
        auto r = dev.run(m, {host::RunInput{0, in.data(), in.size()}}, 60);
        t3 = Clock::now();
        t2 = t1 + std::chrono::duration_cast<Clock::duration>(std::chrono::duration<double>(r.execute_round_trip_s));
        device_us = r.execute.microseconds;
        out = std::move(r.outputs[0]);
        mark[1][0] = mark[0][0], mark[1][1] = mark[0][1];
        mark[2][0] = ct.tx, mark[2][1] = ct.rx;
      } else {
        dev.write_input(m, 0, in.data(), in.size());
        t1 = Clock::now();
        mark[1][0] = ct.tx, mark[1][1] = ct.rx;
        device_us = dev.execute(m, 60).microseconds;
        t2 = Clock::now();
        mark[2][0] = ct.tx, mark[2][1] = ct.rx;
        out = dev.read_output(m, 0);
        t3 = Clock::now();
      }
      mark[3][0] = ct.tx, mark[3][1] = ct.rx;
      if (out != in) {
        std::fprintf(stderr, "tvmcrt-bench: run %d: the output of '%s' differs from its input\n", r, o.model.c_str());
        return 1;
      }
      if (r == 0)
        for (int p = 0; p < 3; ++p)
          for (int d = 0; d < 2; ++d) bytes[p][d] = mark[p + 1][d] - mark[p][d];
      auto s = [](Clock::time_point a, Clock::time_point b) { return std::chrono::duration<double>(b - a).count(); };
      write.push_back(s(t0, t1));
      exec.push_back(s(t1, t2));
      read.push_back(s(t2, t3));
      total.push_back(s(t0, t3));
    }
    const auto &st = dev.link_stats();
    std::printf("{\n  \"model\": \"%s\", \"pattern\": \"%s\", \"tensor_bytes\": %zu, \"runs\": %d, \"api\": \"%s\",\n",
                o.model.c_str(), o.pattern.c_str(), in.size(), o.repeat, o.run ? "run" : "calls");
    std::printf("  \"max_frame_payload\": %u, \"receive_window\": %u,\n", dev.hello().max_frame_payload(),
                dev.hello().receive_window());
    std::printf("  \"connect_s\": %.6f, \"connect_bytes\": %zu, \"device_us\": %u,\n", connect_s, connect_bytes,
                device_us);
    std::printf("  \"bytes\": {\"write\": [%zu, %zu], \"execute\": [%zu, %zu], \"read\": [%zu, %zu]},\n", bytes[0][0],
                bytes[0][1], bytes[1][0], bytes[1][1], bytes[2][0], bytes[2][1]);
    std::printf("  \"retransmits\": %u, \"naks\": %u, \"bad_frames\": %u,\n", st.retransmits, st.naks, st.bad_frames);
    print_stats("write_s", write, false);
    print_stats("execute_s", exec, false);
    print_stats("read_s", read, false);
    print_stats("total_s", total, true);
    std::printf("}\n");
    return 0;
  } catch (const host::Error &e) {
    std::fprintf(stderr, "tvmcrt-bench: %s\n", e.what());
    return 3;
  }
}
