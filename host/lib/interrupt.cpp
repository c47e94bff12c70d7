#include "interrupt.hpp"

#include <csignal>
#include <cstring>
#include <string>

#include "error.hpp"

namespace tvmcrt::host {

namespace {
volatile std::sig_atomic_t g_signal = 0;
}

void request_interrupt(int signal) noexcept {
  if (g_signal == 0) g_signal = signal;
}

int interrupt_signal() noexcept { return g_signal; }

void throw_if_interrupted(const char *during) {
  const int sig = g_signal;
  if (sig == 0) return;
  const char *name = sig == SIGINT ? "SIGINT (Ctrl-C)" : sig == SIGTERM ? "SIGTERM" : sig == SIGHUP ? "SIGHUP" : "a signal";
  throw Error(ErrorClass::interrupted, std::string("interrupted by ") + name + " " + during, 128 + sig);
}

}  // namespace tvmcrt::host
