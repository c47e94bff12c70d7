// SPDX-License-Identifier: Apache-2.0
// code_scan.hpp — what the generated C itself says about a model, read without compiling it:
//
//   the I/O element types   TVM's tvmgen_<m>___tvm_main__ takes one typed pointer per input and
//                           output, in struct order, before the pools and devices:
//                             int32_t tvmgen_default___tvm_main__(int8_t* input_buffer_var,
//                                 float* output_buffer_var, uint8_t* global_workspace_0_var)
//                           (older output declares them void*: then the code tells nothing)
//   the module's symbols    every lowercase tvmgen_<m>_* identifier, for renaming the model
//   vendor headers          #include lines naming an accelerator's or kernel library's header
#pragma once

#include <map>
#include <set>
#include <string>
#include <vector>

namespace tvmcrt::import {

struct code_param {
  std::string name;   // "input_buffer_var"
  std::string ctype;  // "int8_t", "float", "void"
  std::string where;  // "default_lib1.c:120", for messages
};

// Parameters of tvmgen_<module>___tvm_main__, from its definition if one of `texts` has it, else
// from a declaration with typed pointers; empty when neither is found. `texts` are
// comment-stripped sources; `paths` name them in `where`.
std::vector<code_param> main_params(const std::vector<std::string> &texts, const std::vector<std::string> &paths,
                                    const std::string &module);

// The dtypes a C element type can hold ("int8_t" -> {"int8", "bool"}); empty for void or a type
// the table does not know. The first entry is the dtype to assume when nothing else says.
std::vector<std::string> dtypes_for_ctype(const std::string &ctype);

// Adds every identifier starting with `prefix` found in `text` (source or object bytes) to `out`.
void collect_identifiers(const std::string &text, const std::string &prefix, std::set<std::string> &out);

// For the prelude: TVM 0.9's CMSIS-NN output calls the functions of another file of the model
// without declaring them, which -Werror=implicit-function-declaration would stop (a missing
// intrinsic still fails: the model defines no such function). Adds to `defined` the prototype
// ("int32_t tvmgen_default_fused_add(int8_t* p0, int8_t* T_add);") of each non-static
// tvmgen_<module>_* function `text` defines with plain C types (void, char, int, float, <stdint.h>
// types, pointers to them), and to `declared` the names `text` declares itself: those keep their
// own declarations (lib0.c declares __tvm_main__ with void* pointers, which a prototype from its
// int8_t* definition would contradict).
void collect_prototypes(const std::string &text, const std::string &module, std::map<std::string, std::string> &defined,
                        std::set<std::string> &declared);

struct vendor_header {
  std::string header;  // as included: "ethosu_driver.h"
  std::string vendor;  // "the Arm Ethos-U NPU"
  std::string supply;  // how to supply its runtime
  std::string where;   // "default_lib1.c"
};

// The #include lines of `text` that name a known accelerator's or kernel library's header.
std::vector<vendor_header> vendor_includes(const std::string &text, const std::string &path);

}  // namespace tvmcrt::import
