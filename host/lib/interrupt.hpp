// SPDX-License-Identifier: Apache-2.0
// interrupt.hpp — Ctrl-C, SIGTERM and SIGHUP as an error a caller can finish cleanly on. A signal
// handler calls request_interrupt(); every wait of host/lib (the link's, the emulator's start-up)
// notices within kInterruptLatency and throws Error(interrupted), so the caller's catch can write
// its reports with what ran before it exits. Nothing here installs a handler: the program decides.
//
// A program whose signals no C handler of its own sees (Python runs its handlers only on a thread
// that holds the interpreter lock, and the waits run without it) sets a poll instead: the waits
// call it from the waiting thread, and it reports a signal the program has seen.
#pragma once

#include <chrono>

namespace tvmcrt::host {

inline constexpr std::chrono::milliseconds kInterruptLatency{100};
// How often the waits call the poll at most (they wake at least every kInterruptLatency).
inline constexpr std::chrono::milliseconds kInterruptPollInterval{20};

// Async-signal-safe: records the first signal.
void request_interrupt(int signal) noexcept;
// The recorded signal, 0 when none. With a poll set, first calls it (at most every
// kInterruptPollInterval) and records what it returns: then not async-signal-safe.
int interrupt_signal() noexcept;
// Throws Error(interrupted) naming the signal when one was recorded; `during` says what was going on.
void throw_if_interrupted(const char *during);

// Returns a signal number to record, or 0. Called from whichever thread waits; must not throw.
using InterruptPoll = int (*)();
// nullptr removes the poll. Set it before any wait runs (a module's initialisation).
void set_interrupt_poll(InterruptPoll poll) noexcept;
// Forgets the recorded signal, for a program that goes on after an interrupted call. Call it
// between calls, not while another thread waits.
void clear_interrupt() noexcept;

}  // namespace tvmcrt::host
