// SPDX-License-Identifier: Apache-2.0
// header_parser.hpp — reads TVM's C interface header codegen/host/include/tvmgen_<m>.h.
//
// That header is the one place that always names the tensors the way the generated code does (its
// struct members are TVM's sanitized names), so it fixes the order and names of everything.
#pragma once

#include <cstdint>
#include <map>
#include <set>
#include <string>
#include <vector>

namespace tvmcrt::import {

struct header_info {
  std::string path;
  std::vector<std::string> inputs;  // struct tvmgen_<m>_inputs members, in order
  std::vector<std::string> outputs;
  std::vector<std::string> pools;          // struct tvmgen_<m>_workspace_pools
  std::vector<std::string> devices;        // struct tvmgen_<m>_devices
  std::vector<std::string> run_params;     // struct suffixes tvmgen_<m>_run() takes, in order
  std::map<std::string, uint64_t> macros;  // integer #defines, by name
  std::set<std::string> defined;           // every #define name, whatever its value
  bool maps_io_to_pools = false;           // declares tvmgen_<m>_map_inputs()
};

// `cname` is the lower-case module name used in the symbols (tvmgen_<cname>_run).
// Throws import_error (header_invalid, input_missing).
header_info parse_header(const std::string &path, const std::string &cname);

// Strips /* */ and // comments, keeping newlines so line numbers still match. Shared with the
// relay reader, whose type annotations live in comments we do not need.
std::string strip_c_comments(const std::string &text);

std::string read_text_file(const std::string &path);  // throws import_error(input_missing)

}  // namespace tvmcrt::import
