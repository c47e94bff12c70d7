// interrupt.hpp — Ctrl-C, SIGTERM and SIGHUP as an error a caller can finish cleanly on. A signal
// handler calls request_interrupt(); every wait of host/lib (the link's, the emulator's start-up)
// notices within kInterruptLatency and throws Error(interrupted), so the caller's catch can write
// its reports with what ran before it exits. Nothing here installs a handler: the program decides.
#pragma once

#include <chrono>

namespace tvmcrt::host {

inline constexpr std::chrono::milliseconds kInterruptLatency{100};

// Async-signal-safe: records the first signal.
void request_interrupt(int signal) noexcept;
// The recorded signal, 0 when none.
int interrupt_signal() noexcept;
// Throws Error(interrupted) naming the signal when one was recorded; `during` says what was going on.
void throw_if_interrupted(const char *during);

}  // namespace tvmcrt::host
