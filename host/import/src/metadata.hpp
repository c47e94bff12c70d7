// SPDX-License-Identifier: Apache-2.0
// metadata.hpp — reads an MLF's metadata.json, versions 5, 6 and 7.
//
//   v5 (TVM 0.8):  {"version": 5, "model_name": m, "memory": {"functions": {"main": [{
//                    "workspace_size_bytes", "constants_size_bytes", "io_size_bytes", "device"}]}},
//                   "target": {"1": "c ..."}, "executors": ["aot"], "style": "full-model"}
//                  Relay text in src/relay.txt.
//   v6:            as v5, but "target" is a list of strings.
//   v7 (TVM 0.9+): {"version": 7, "modules": {m: {<the v6 keys>}}}; since TVM 0.11 main[0] also
//                  has "inputs"/"outputs": {name: {"size": bytes, "dtype": "int8"}} (the JSON is
//                  written with sorted keys, so their order is NOT the struct order).
//                  Relay text in src/<m>.relay.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace tvmcrt::import {

struct metadata_io {
  std::string name;  // as written (unsanitized)
  std::string dtype;
  uint64_t size = 0;
  std::string key;  // JSON path, for messages
};

struct metadata_info {
  std::string path;
  int version = 0;
  std::string module_name;
  std::string key_prefix;                          // "modules.<m>." in v7, "" before
  std::optional<uint64_t> workspace_size;          // main[].workspace_size_bytes
  std::optional<uint64_t> max_operator_workspace;  // largest operator_functions[].workspace[] entry
  std::vector<std::string> operator_functions;     // operator_functions[].function_name, in order
  std::vector<metadata_io> inputs, outputs;        // empty when the version does not record them
  std::string relay_path;                          // where this version keeps the Relay text (may not exist)
};

// Reads the metadata.json at `path`; the Relay text is looked for beside it (src/...). `want_name`
// selects a module in v7 (empty: the only one). Throws import_error.
metadata_info read_metadata(const std::string &path, const std::string &want_name);

}  // namespace tvmcrt::import
