// SPDX-License-Identifier: Apache-2.0
// sidecar.cpp — see sidecar.hpp.
#include "sidecar.hpp"

#include <nlohmann/json.hpp>

#include "header_parser.hpp"
#include "model.hpp"

namespace tvmcrt::import {

using nlohmann::json;

namespace {

const char *kFix = "see the sidecar format in docs/model-header.md";

[[noreturn]] void bad(const std::string &path, const std::string &key, const std::string &problem) {
  throw import_error(exit_code::sidecar_invalid, path + ": " + key, problem, kFix);
}

uint64_t as_size(const json &v, const std::string &path, const std::string &key) {
  if (!v.is_number_integer() || v.get<int64_t>() < 0)
    bad(path, key, "expected a non-negative integer, found " + v.dump());
  return v.get<uint64_t>();
}

void read_tensors(const json &doc, const char *which, const std::string &path,
                  std::map<std::string, sidecar_tensor> &out) {
  if (!doc.contains(which)) return;
  const json &obj = doc[which];
  if (!obj.is_object()) bad(path, which, "expected an object {name: {\"dtype\", \"shape\"}}");
  for (auto it = obj.begin(); it != obj.end(); ++it) {
    sidecar_tensor t;
    t.key = std::string(which) + "." + it.key();
    const json &v = it.value();
    if (!v.is_object() || (!v.contains("dtype") && !v.contains("shape")))
      bad(path, t.key, "expected an object with \"dtype\" and/or \"shape\"");
    if (v.contains("dtype") && !v["dtype"].is_string())
      bad(path, t.key + ".dtype", "not a string such as \"int8\"");
    if (v.contains("shape") && !v["shape"].is_array())
      bad(path, t.key + ".shape", "not a list of dimensions such as [1, 64]");
    for (auto k = v.begin(); k != v.end(); ++k)
      if (k.key() != "dtype" && k.key() != "shape") bad(path, t.key + "." + k.key(), "unknown key");
    if (v.contains("dtype")) t.dtype = v["dtype"].get<std::string>();
    t.has_shape = v.contains("shape");
    if (t.has_shape)
      for (size_t i = 0; i < v["shape"].size(); ++i)
        t.shape.push_back(
            static_cast<int64_t>(as_size(v["shape"][i], path, t.key + ".shape[" + std::to_string(i) + "]")));
    std::string name = sanitize_name(it.key());
    if (out.count(name)) bad(path, t.key, "two entries sanitize to the same name '" + name + "'");
    out[name] = t;
  }
}

}  // namespace

sidecar_info read_sidecar(const std::string &path) {
  sidecar_info info;
  info.path = path;
  json doc;
  try {
    doc = json::parse(read_text_file(path));
  } catch (const json::parse_error &e) {
    bad(path, "(file)", std::string("not valid JSON: ") + e.what());
  }
  if (!doc.is_object()) bad(path, "(top level)", "expected a JSON object");
  for (auto it = doc.begin(); it != doc.end(); ++it) {
    const std::string &k = it.key();
    if (k != "inputs" && k != "outputs" && k != "pools" && k != "workspace_size" && k != "io_alignment")
      bad(path, k, "unknown key (known: inputs, outputs, pools, workspace_size, io_alignment)");
  }
  read_tensors(doc, "inputs", path, info.inputs);
  read_tensors(doc, "outputs", path, info.outputs);
  if (doc.contains("pools")) {
    if (!doc["pools"].is_object()) bad(path, "pools", "expected an object {pool name: size in bytes}");
    for (auto it = doc["pools"].begin(); it != doc["pools"].end(); ++it)
      info.pools[sanitize_name(it.key())] = as_size(it.value(), path, "pools." + it.key());
  }
  if (doc.contains("workspace_size"))
    info.workspace_size = as_size(doc["workspace_size"], path, "workspace_size");
  if (doc.contains("io_alignment")) {
    uint64_t a = as_size(doc["io_alignment"], path, "io_alignment");
    if (a == 0 || (a & (a - 1)) != 0) bad(path, "io_alignment", "must be a power of two");
    info.io_alignment = a;
  }
  return info;
}

}  // namespace tvmcrt::import
