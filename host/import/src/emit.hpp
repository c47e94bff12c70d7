// SPDX-License-Identifier: Apache-2.0
// emit.hpp — writes the files tvmcrt-import generates for one model:
//   tvmcrt_model_<m>.h        macros (rule: docs/model-header.md), typed I/O structs, the descriptor
//   tvmcrt_model_<m>.c        TVMModel descriptor and the adapter calling tvmgen_<m>_run()
//   tvmcrt_model_<m>_slots.h  static I/O buffers and the model's arena need, included once by the
//                             agent's model table (tvmcrt_link_models() in cmake/TvmcrtModel.cmake)
//   tvmcrt_model_<m>_prelude.h  force-included into the model's sources: renames TVM's
//                             tvmgen_<module>_* symbols to tvmgen_<m>_*, checks vendor headers
#pragma once

#include <string>

#include "model.hpp"

namespace tvmcrt::import {

struct generated {
  std::string header, source, slots, prelude;
  std::string profile;  // tvmcrt_model_<m>_profile.c; empty unless the model is profiled (options::profile)
};

// tvmcrt_model_<m>_profile.c: the operator table, records and probe of a PROFILE model (emit_profile.cpp).
std::string emit_profile(const model &m);

// `origin` is a one-line note on what the files were generated from. Throws import_error(bad_name)
// if two macros would get the same name.
generated emit_model(const model &m, const std::string &origin);

// Bytes tvmcrt_link_models() reserves for this model's pools in the agent arena.
uint64_t arena_need(const model &m);

// Writes the four files (five with a profile) into out_dir (created if needed). Always rewrites them: the build runs
// the tool only when an input changed, and expects fresh time stamps. Throws import_error(write_failed).
void write_generated(const model &m, const generated &g, const std::string &out_dir);

}  // namespace tvmcrt::import
