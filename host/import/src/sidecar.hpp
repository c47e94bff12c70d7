// SPDX-License-Identifier: Apache-2.0
// sidecar.hpp — the user's description of tensors TVM's output does not describe (older TVM
// writes no I/O into metadata.json; a bare codegen folder has no metadata at all):
//
//   {
//     "inputs":  {"input_1": {"dtype": "int8", "shape": [1, 28, 28, 1]}},
//     "outputs": {"Identity": {"dtype": "int8", "shape": [1, 10]}},
//     "pools": {"sram": 4096},     // optional: external pool sizes the header does not give
//     "workspace_size": 2048,      // optional: when the header has no TVMGEN_<M>_WORKSPACE_SIZE
//     "io_alignment": 16           // optional
//   }
//
// An entry may give only what the model's own files lack: "dtype" alone when the header has the size
// macro, "shape" alone when the code's pointer types give the dtype.
// Names may be written as in the original model or as sanitized in tvmgen_<m>.h; they are matched
// after sanitizing. Order does not matter: the header's struct order wins. Full spec:
// docs/model-header.md.
#pragma once

#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <vector>

namespace tvmcrt::import {

struct sidecar_tensor {
  std::string dtype;  // empty: not given (the code's pointer type gives it)
  std::vector<int64_t> shape;
  bool has_shape = false;  // false: not given (a 1-D shape from the size macro)
  std::string key;  // "inputs.input_1", for messages
};

struct sidecar_info {
  std::string path;
  std::map<std::string, sidecar_tensor> inputs, outputs;  // by sanitized name
  std::map<std::string, uint64_t> pools;                  // by sanitized name
  std::optional<uint64_t> workspace_size;
  std::optional<uint64_t> io_alignment;
};

// Throws import_error(sidecar_invalid / input_missing).
sidecar_info read_sidecar(const std::string &path);

}  // namespace tvmcrt::import
