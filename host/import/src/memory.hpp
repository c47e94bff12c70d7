// SPDX-License-Identifier: Apache-2.0
// memory.hpp — the model's memory: USMP external pools, constant pools and the stack workspace.
//
//   external pools    members of struct tvmgen_<m>_workspace_pools with a
//                     TVMGEN_<M>_<P>_WORKSPACE_POOL_SIZE (or a sidecar "pools" entry): the user's RAM
//   constant pools    members with TVMGEN_<M>_<P>_CONSTANT_POOL_SIZE/_DATA: read-only data TVM put in
//                     the header; the generated adapter passes it itself, so they are no descriptor pool
//   stack workspace   what TVMBackendAllocWorkspace serves (docs/model-header.md, "The stack workspace")
#pragma once

#include <string>

#include "header_parser.hpp"
#include "metadata.hpp"
#include "model.hpp"
#include "sidecar.hpp"

namespace tvmcrt::import {

struct memory_sources {
  const header_info &header;
  const sidecar_info *sidecar;    // null without --sidecar
  const metadata_info *metadata;  // null for a bare codegen folder
  std::string cname_upper;        // "DIGITS"
  bool allocates;                 // some model code calls TVMBackendAllocWorkspace
};

// Fills m.pools (external pools in struct order, then the stack workspace), m.constant_pools,
// m.pool_members and the workspace figures. Throws import_error.
void resolve_memory(model &m, const memory_sources &src, const options &opts);

}  // namespace tvmcrt::import
