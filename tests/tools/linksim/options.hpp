// SPDX-License-Identifier: Apache-2.0
// options.hpp — tvmcrt-linksim's command line (README.md has the full description).
#pragma once

#include <cstdint>
#include <string>

#include "impair.hpp"

namespace linksim {

struct Options {
  int listen_port = -1;        // --listen PORT (0: any free port)
  bool host_pty = false;       // --pty
  std::string connect_host = "127.0.0.1";
  int connect_port = -1;       // --connect [HOST:]PORT
  std::string device_path;     // --device PATH
  double connect_timeout_s = 5;
  std::uint64_t seed = 1;
  bool once = false, reconnect = false, json = false;
  std::string stats_file;
  Impairments up, down;        // host -> device, device -> host

  std::string device_name() const {
    return device_path.empty() ? connect_host + ":" + std::to_string(connect_port) : device_path;
  }
};

// Fills o from argv. Returns -1 to go on, else the exit code (0 after --help, 2 on a usage error,
// with the message on stderr).
int parse_options(int argc, char **argv, Options &o);

}  // namespace linksim
