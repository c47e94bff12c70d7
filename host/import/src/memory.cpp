// SPDX-License-Identifier: Apache-2.0
// memory.cpp — see memory.hpp.
#include "memory.hpp"

#include <algorithm>
#include <optional>

namespace tvmcrt::import {

namespace {

std::optional<uint64_t> macro(const header_info &h, const std::string &name) {
  auto it = h.macros.find(name);
  return it == h.macros.end() ? std::nullopt : std::optional<uint64_t>(it->second);
}

void resolve_pools(model &m, const memory_sources &src, const options &opts) {
  const header_info &h = src.header;
  const std::string side_path = src.sidecar ? src.sidecar->path : "";
  for (const auto &p : h.pools) {
    const std::string prefix = "TVMGEN_" + src.cname_upper + "_" + to_upper(p);
    m.pool_members.push_back(p);
    if (auto size = macro(h, prefix + "_CONSTANT_POOL_SIZE")) {
      if (!h.defined.count(prefix + "_CONSTANT_POOL_DATA"))
        throw import_error(exit_code::header_invalid, h.path,
                           "constant pool '" + p + "' has " + prefix + "_CONSTANT_POOL_SIZE but no " +
                               prefix + "_CONSTANT_POOL_DATA",
                           "use the tvmgen header TVM generated, unedited");
      m.constant_pools.push_back({p, pool_kind::external, *size, opts.pool_alignment});
      continue;
    }
    if (p == "workspace")
      throw import_error(exit_code::bad_name, h.path, "an external pool is named 'workspace'",
                         "rename the USMP pool; tvmcrt reserves that name for the stack workspace");
    const std::string name = prefix + "_WORKSPACE_POOL_SIZE";
    auto size = macro(h, name);
    std::optional<uint64_t> side;
    if (src.sidecar && src.sidecar->pools.count(p)) side = src.sidecar->pools.at(p);
    if (!size && !side)
      throw import_error(exit_code::tensor_info_missing, h.path,
                         "no size known for pool '" + p + "' (no " + name + ")",
                         "add \"pools\": {\"" + p + "\": <bytes>} to the sidecar JSON");
    if (size && side && *side != *size)
      throw import_error(
          exit_code::size_mismatch, side_path + ": pools." + p,
          "pool size " + std::to_string(*side) + " disagrees with " + name + " " + std::to_string(*size),
          "drop the entry from the sidecar");
    m.pools.push_back({p, pool_kind::external, size ? *size : *side, opts.pool_alignment});
  }
  if (src.sidecar)
    for (const auto &kv : src.sidecar->pools)
      if (std::find(h.pools.begin(), h.pools.end(), kv.first) == h.pools.end())
        throw import_error(exit_code::sidecar_invalid, side_path + ": pools." + kv.first,
                           "the header has no pool named '" + kv.first + "'",
                           "use the members of struct tvmgen_<m>_workspace_pools in " + h.path);
}

// TVM's figure: header macro, metadata and sidecar must agree where they speak.
uint64_t tvm_workspace(const memory_sources &src) {
  std::optional<uint64_t> ws;
  std::string ws_where;
  auto agree = [&](std::optional<uint64_t> v, const std::string &where) {
    if (!v) return;
    if (ws && *ws != *v)
      throw import_error(exit_code::size_mismatch, where,
                         "workspace size " + std::to_string(*v) + " disagrees with " + ws_where + " (" +
                             std::to_string(*ws) + ")",
                         "use files from the same TVM export, or drop workspace_size from the sidecar");
    if (!ws) {
      ws = v;
      ws_where = where;
    }
  };
  const std::string name = "TVMGEN_" + src.cname_upper + "_WORKSPACE_SIZE";
  agree(macro(src.header, name), src.header.path + ": " + name);
  if (src.metadata)
    agree(src.metadata->workspace_size, src.metadata->path + ": " + src.metadata->key_prefix +
                                            "memory.functions.main[].workspace_size_bytes");
  if (src.sidecar) agree(src.sidecar->workspace_size, src.sidecar->path + ": workspace_size");
  if (!ws)
    throw import_error(exit_code::tensor_info_missing, src.header.path,
                       "no workspace size (no " + name + ", no metadata.json)",
                       "add \"workspace_size\": <bytes> to the sidecar JSON (0 if the model allocates none)");
  return *ws;
}

// Bytes of the stack workspace before slack. TVM's figure counts everything; with USMP it also
// counts every workspace pool, so the stack is only what operators still allocate themselves.
uint64_t stack_need(const model &m, uint64_t tvm_figure, const memory_sources &src) {
  if (!src.allocates) return 0;
  if (m.pools.empty()) return tvm_figure;
  if (src.metadata && src.metadata->max_operator_workspace.value_or(0) > 0)
    return *src.metadata->max_operator_workspace;
  uint64_t external = 0;
  for (const auto &p : m.pools) external += p.size_bytes;
  if (tvm_figure < external)
    throw import_error(exit_code::size_mismatch, src.header.path,
                       "workspace size " + std::to_string(tvm_figure) + " is below the external pools' " +
                           std::to_string(external) + " bytes, but TVM counts the pools in it",
                       "give the workspace size TVM reported (sidecar workspace_size) and the pool sizes");
  return tvm_figure - external;
}

}  // namespace

void resolve_memory(model &m, const memory_sources &src, const options &opts) {
  resolve_pools(m, src, opts);
  m.workspace_tvm = tvm_workspace(src);
  m.workspace_size = stack_need(m, m.workspace_tvm, src);
  m.workspace_slack = opts.workspace_slack;
  if (m.workspace_size > 0)
    m.pools.push_back(
        {"workspace", pool_kind::stack, m.workspace_size + m.workspace_slack, opts.pool_alignment});
}

}  // namespace tvmcrt::import
