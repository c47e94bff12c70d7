// SPDX-License-Identifier: Apache-2.0
// model.hpp — what tvmcrt-import learns about one model, and how it reports failure.
//
// Every failure is an import_error carrying an exit code (one per kind of problem, see exit_code)
// and a message that names the file, the key or line, and what the user should do about it.
#pragma once

#include <cstdint>
#include <optional>
#include <stdexcept>
#include <string>
#include <vector>

namespace tvmcrt::import {

// Exit codes of tvmcrt-import. Part of the tool's interface (scripts and tests rely on them).
enum class exit_code : int {
  ok = 0,
  usage = 2,                 // bad command line
  input_missing = 3,         // folder, metadata.json, header or sidecar file not found
  metadata_malformed = 4,    // metadata.json is not JSON or a key has the wrong type
  metadata_version = 5,      // metadata.json "version" is not 5, 6 or 7
  header_invalid = 6,        // tvmgen_<m>.h lacks a struct or the run prototype, or has a bad line
  run_missing = 7,           // no codegen/host/src file defines tvmgen_<m>_run
  size_mismatch = 8,         // a size disagrees with dtype x shape, or two sources disagree
  bad_name = 9,              // a model, tensor or pool name that is not a C identifier, or a clash
  sidecar_invalid = 10,      // sidecar JSON malformed or names a tensor the header lacks
  tensor_info_missing = 11,  // no dtype/shape for a tensor from any source
  relay_invalid = 12,        // the Relay text names inputs the header lacks (it is otherwise a hint)
  unsupported = 13,          // a model feature tvmcrt cannot run (I/O inside pools, no outputs, ...)
  write_failed = 14,         // output folder not writable
};

class import_error : public std::runtime_error {
 public:
  // `where` is the file plus a key or line ("metadata.json: modules.default.version");
  // `fix` says what to change. Both end up in the message.
  import_error(exit_code code, const std::string &where, const std::string &problem, const std::string &fix);
  exit_code code() const { return code_; }

 private:
  exit_code code_;
};

struct tensor {
  std::string name;   // sanitized C identifier, as in struct tvmgen_<m>_inputs/outputs
  std::string dtype;  // "int8", "float32", ...
  std::vector<int64_t> shape;
  uint64_t size_bytes = 0;
};

enum class pool_kind { stack, external };

struct pool {
  std::string name;
  pool_kind kind = pool_kind::external;
  uint64_t size_bytes = 0;
  uint64_t alignment = 16;
};

struct model {
  std::string name;            // the name in the image: tvmcrt_model_<name>, TVMCRT_<NAME>_*
  std::string tvm_name;        // the module name in TVM's code: tvmgen_<tvm_name>_run
  // Every tvmgen_<tvm_name>_* identifier of the code, renamed to tvmgen_<name>_* when the names
  // differ (a generated force-included header of #defines; docs/model-header.md, "Renaming").
  std::vector<std::string> symbols;
  std::vector<std::string> prototypes;  // of the functions its sources define (code_scan.hpp)
  // The operators __tvm_main__ calls, for the profile table (--profile): name as in TVM's code
  // (tvmgen_<tvm_name>_...) and its prototype. From metadata.json's operator_functions where it
  // lists them, else every function the sources define but __tvm_main__ and the run entry points.
  struct op {
    std::string name, prototype;
  };
  std::vector<op> operators;
  bool profile = false;  // options::profile: the profile table is written
  struct vendor_check {
    std::string header, vendor, supply, where;
  };
  std::vector<vendor_check> vendor_headers;  // accelerator/kernel headers the code includes
  std::vector<std::string> notes;            // what the import fell back on, for stderr
  std::vector<tensor> inputs;  // in struct tvmgen_<m>_inputs order
  std::vector<tensor> outputs;
  std::vector<pool> pools;           // external pools first (struct order), then the stack workspace
  std::vector<pool> constant_pools;  // USMP constant pools: data in the tvmgen header, no descriptor pool
  std::vector<std::string> pool_members;  // struct tvmgen_<m>_workspace_pools order, constants included
  std::vector<std::string> devices;       // struct tvmgen_<m>_devices order
  uint64_t workspace_tvm = 0;             // TVM's figure (TVMGEN_<M>_WORKSPACE_SIZE), pools included
  uint64_t workspace_size = 0;            // the stack workspace the model needs, without slack
  uint64_t workspace_slack = 0;
  uint64_t io_alignment = 1;
  // Which structs tvmgen_<m>_run() takes, in prototype order: "inputs", "outputs",
  // "workspace_pools", "devices".
  std::vector<std::string> run_params;
  std::string source_note;  // where shapes came from, for the generated file's comment
};

struct options {
  std::string input_dir;  // the folder TVM wrote, any layout (discover.hpp)
  std::string out_dir;
  std::string module;    // which model, when the folder holds several; empty: the only one
  std::string name;      // the model's name in the image; picks the module of that name if any
  std::string metadata;  // metadata.json outside input_dir; empty: look for one inside
  std::string sidecar;   // optional sidecar JSON
  // Set by cmake/TvmcrtModel.cmake: the files it compiles (then nothing is searched for).
  std::string header;
  std::vector<std::string> sources, objects;
  uint64_t workspace_slack = 0;
  uint64_t pool_alignment = 16;
  std::optional<uint64_t> io_alignment;
  bool profile = false;  // also write tvmcrt_model_<name>_profile.c (docs/profile.md)
};

// Sanitizes like TVM's runtime::SanitizeName: every non-alphanumeric character becomes '_'.
std::string sanitize_name(const std::string &name);
std::string to_upper(std::string s);
bool is_c_identifier(const std::string &s);

// Reads everything under opts.input_dir and returns a checked model. Throws import_error.
model import_model(const options &opts);

}  // namespace tvmcrt::import
