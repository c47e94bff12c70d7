// SPDX-License-Identifier: Apache-2.0
// error.hpp — the one exception type of host/lib, carrying a class that tells a caller (and the CLI's
// exit code) what went wrong: the user's arguments, the port, the device, the model, the data...
#pragma once

#include <stdexcept>
#include <string>

namespace tvmcrt::host {

// Each class is a distinct exit code of tvmcrt-host (docs/cli.md); keep the numbers stable.
enum class ErrorClass {
  usage = 2,      // bad arguments: unknown model or input name, missing input, dtype/shape mismatch
  transport = 3,  // the port: missing, busy, permission denied, link closed
  timeout = 4,    // the device stopped answering within the time allowed
  protocol = 5,   // wrong protocol version, malformed responses
  device = 6,     // the device or the model reported an error
  mismatch = 7,   // outputs differ from --expect references, or the profile gate tripped (--baseline)
  file = 8,       // .npy files: unreadable, malformed, unsupported; unwritable output directory
  reset = 9,      // the device reset during the command: its inputs, placements and outputs are gone
  interrupted = 130,  // SIGINT, SIGTERM or SIGHUP (the exit code is 128 + the signal: 130, 143, 129)
};

// "usage", "transport", ... as printed in --json output.
inline const char *error_class_name(ErrorClass c) {
  switch (c) {
    case ErrorClass::usage: return "usage";
    case ErrorClass::transport: return "transport";
    case ErrorClass::timeout: return "timeout";
    case ErrorClass::protocol: return "protocol";
    case ErrorClass::device: return "device";
    case ErrorClass::mismatch: return "mismatch";
    case ErrorClass::file: return "file";
    case ErrorClass::reset: return "reset";
    case ErrorClass::interrupted: return "interrupted";
  }
  return "unknown";
}

class Error : public std::runtime_error {
 public:
  Error(ErrorClass cls, const std::string &message, int exit_code = 0)
      : std::runtime_error(message), class_(cls), exit_code_(exit_code) {}
  ErrorClass error_class() const { return class_; }
  int exit_code() const { return exit_code_ != 0 ? exit_code_ : static_cast<int>(class_); }

 private:
  ErrorClass class_;
  int exit_code_;
};

}  // namespace tvmcrt::host
