// SPDX-License-Identifier: Apache-2.0
// relay_parser.hpp — reads the main function's signature from an MLF's Relay text
// (src/<m>.relay in metadata v7, src/relay.txt in v5/v6):
//
//   def @main(%input: Tensor[(1, 64), int8], %x: Tensor[(3), float32]) -> (Tensor[(1, 10), int8], ...)
//
// Only the signature is read; the body is ignored. Tuple returns are flattened depth first, which
// is the order TVM gives the members of struct tvmgen_<m>_outputs. The text is a hint: main may
// list unbound weights as parameters after the real inputs (%v_param_1 ...), which the importer
// ignores by matching the header's inputs by name, and older TVM prints no "-> type".
#pragma once

#include <cstdint>
#include <string>
#include <vector>

namespace tvmcrt::import {

struct relay_tensor {
  std::string name;  // as written (unsanitized); outputs: from output_tensor_names, else empty
  std::string dtype;
  std::vector<int64_t> shape;
};

struct relay_signature {
  std::vector<relay_tensor> params;
  std::vector<relay_tensor> results;
  std::vector<std::string> output_names;  // main's output_tensor_names attribute, if any
  bool has_results = false;               // false: main has no "-> type"
};

// `path` only names the file in errors. Throws import_error(relay_invalid).
relay_signature parse_relay_main(const std::string &text, const std::string &path);

}  // namespace tvmcrt::import
