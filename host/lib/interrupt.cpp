// SPDX-License-Identifier: Apache-2.0
#include "interrupt.hpp"

#include <atomic>
#include <csignal>
#include <cstdint>
#include <cstring>
#include <string>

#include "error.hpp"

namespace tvmcrt::host {

namespace {
volatile std::sig_atomic_t g_signal = 0;
std::atomic<InterruptPoll> g_poll{nullptr};
// steady_clock ticks of the next poll: one poll per interval, whichever thread waits.
std::atomic<std::int64_t> g_next_poll{0};
}  // namespace

void request_interrupt(int signal) noexcept {
  if (g_signal == 0) g_signal = signal;
}

int interrupt_signal() noexcept {
  const InterruptPoll poll = g_poll.load(std::memory_order_relaxed);
  if (poll != nullptr && g_signal == 0) {
    const std::int64_t now = std::chrono::steady_clock::now().time_since_epoch().count();
    std::int64_t due = g_next_poll.load(std::memory_order_relaxed);
    const std::int64_t interval =
        std::chrono::duration_cast<std::chrono::steady_clock::duration>(kInterruptPollInterval).count();
    if (now >= due && g_next_poll.compare_exchange_strong(due, now + interval))
      if (const int sig = poll()) request_interrupt(sig);
  }
  return g_signal;
}

void throw_if_interrupted(const char *during) {
  const int sig = interrupt_signal();
  if (sig == 0) return;
  const char *name = sig == SIGINT ? "SIGINT (Ctrl-C)" : sig == SIGTERM ? "SIGTERM" : sig == SIGHUP ? "SIGHUP" : "a signal";
  throw Error(ErrorClass::interrupted, std::string("interrupted by ") + name + " " + during, 128 + sig);
}

void set_interrupt_poll(InterruptPoll poll) noexcept {
  g_next_poll.store(0);
  g_poll.store(poll);
}

void clear_interrupt() noexcept { g_signal = 0; }

}  // namespace tvmcrt::host
