// SPDX-License-Identifier: Apache-2.0
// metadata.cpp — see metadata.hpp.
#include "metadata.hpp"

#include <algorithm>
#include <nlohmann/json.hpp>

#include "header_parser.hpp"
#include "model.hpp"

namespace tvmcrt::import {

using nlohmann::json;

namespace {

const char *kFixJson =
    "re-export the model with tvm.micro.export_model_library_format() or repair "
    "the key by hand";

[[noreturn]] void malformed(const std::string &path, const std::string &key, const std::string &problem) {
  throw import_error(exit_code::metadata_malformed, path + ": " + key, problem, kFixJson);
}

const json &member(const json &obj, const std::string &name, const std::string &path,
                   const std::string &key) {
  if (!obj.is_object() || !obj.contains(name)) malformed(path, key + name, "key is missing");
  return obj.at(name);
}

uint64_t as_size(const json &v, const std::string &path, const std::string &key) {
  if (!v.is_number_integer() || v.get<int64_t>() < 0)
    malformed(path, key, "expected a non-negative integer, found " + v.dump());
  return v.get<uint64_t>();
}

void check_style(const json &mod, const std::string &path, const std::string &prefix) {
  if (mod.contains("style") && mod["style"] != "full-model")
    throw import_error(exit_code::unsupported, path + ": " + prefix + "style",
                       "style " + mod["style"].dump() + " is not a whole model",
                       "export the model built with tvm.relay.build(), not a single operator");
  if (mod.contains("executors") && mod["executors"].is_array()) {
    for (const auto &e : mod["executors"])
      if (e == "aot") return;
    throw import_error(exit_code::unsupported, path + ": " + prefix + "executors",
                       "executors " + mod["executors"].dump() + " does not include \"aot\"",
                       "build with executor=Executor(\"aot\", {\"interface-api\": \"c\", "
                       "\"unpacked-api\": True})");
  }
}

void read_io(const json &main, const char *which, const std::string &path, const std::string &key,
             std::vector<metadata_io> &out) {
  if (!main.contains(which)) return;
  const json &m = main[which];
  if (!m.is_object()) malformed(path, key + which, "expected an object {name: {size, dtype}}");
  for (auto it = m.begin(); it != m.end(); ++it) {
    const std::string k = key + which + "." + it.key() + ".";
    metadata_io io;
    io.name = it.key();
    io.key = key + which + "." + it.key();
    io.size = as_size(member(it.value(), "size", path, k), path, k + "size");
    const json &dt = member(it.value(), "dtype", path, k);
    if (!dt.is_string()) malformed(path, k + "dtype", "expected a string such as \"int8\"");
    io.dtype = dt.get<std::string>();
    out.push_back(io);
  }
}

// With USMP, main's workspace figure counts every pool; the stack TVMBackendAllocWorkspace serves
// is then only what single operators still allocate: the largest of these (CPU) entries.
void read_operator_workspaces(const json &fns, const std::string &path, const std::string &key,
                              metadata_info &info) {
  if (!fns.contains("operator_functions")) return;
  const json &ops = fns["operator_functions"];
  if (!ops.is_array()) malformed(path, key + "operator_functions", "expected a list");
  uint64_t most = 0;
  for (size_t i = 0; i < ops.size(); ++i) {
    if (ops[i].is_object() && ops[i].contains("function_name") && ops[i]["function_name"].is_string())
      info.operator_functions.push_back(ops[i]["function_name"].get<std::string>());
    const std::string k = key + "operator_functions[" + std::to_string(i) + "].workspace";
    if (!ops[i].is_object() || !ops[i].contains("workspace")) continue;
    const json &ws = ops[i]["workspace"];
    if (!ws.is_array()) malformed(path, k, "expected a list of {device, workspace_size_bytes}");
    for (size_t j = 0; j < ws.size(); ++j) {
      if (!ws[j].is_object() || ws[j].value("device", 1) != 1) continue;
      const std::string kj = k + "[" + std::to_string(j) + "].";
      most = std::max(
          most, as_size(member(ws[j], "workspace_size_bytes", path, kj), path, kj + "workspace_size_bytes"));
    }
  }
  info.max_operator_workspace = most;
}

void read_memory(const json &mod, const std::string &path, const std::string &prefix, metadata_info &info) {
  const std::string mk = prefix + "memory.";
  const json &fns = member(member(mod, "memory", path, prefix), "functions", path, mk);
  const json &mains = member(fns, "main", path, mk + "functions.");
  const std::string key = mk + "functions.main";
  if (!mains.is_array() || mains.empty())
    malformed(path, key, "expected a non-empty list with one entry per device");
  // The CPU entry (device 1, kDLCPU) is the one whose code tvmcrt runs; otherwise the first.
  size_t pick = 0;
  for (size_t i = 0; i < mains.size(); ++i)
    if (mains[i].is_object() && mains[i].value("device", 0) == 1) pick = i;
  const json &main = mains[pick];
  const std::string k = key + "[" + std::to_string(pick) + "].";
  info.workspace_size =
      as_size(member(main, "workspace_size_bytes", path, k), path, k + "workspace_size_bytes");
  read_operator_workspaces(fns, path, mk + "functions.", info);
  read_io(main, "inputs", path, k, info.inputs);
  read_io(main, "outputs", path, k, info.outputs);
}

}  // namespace

metadata_info read_metadata(const std::string &path, const std::string &want_name) {
  metadata_info info;
  info.path = path;
  const size_t slash = path.find_last_of('/');
  const std::string mlf_dir = slash == std::string::npos ? "." : path.substr(0, slash);
  json doc;
  try {
    doc = json::parse(read_text_file(info.path));
  } catch (const json::parse_error &e) {
    throw import_error(exit_code::metadata_malformed, info.path, std::string("not valid JSON: ") + e.what(),
                       kFixJson);
  }
  if (!doc.is_object()) malformed(info.path, "(top level)", "expected a JSON object");
  const json &ver = member(doc, "version", info.path, "");
  if (!ver.is_number_integer()) malformed(info.path, "version", "expected an integer, found " + ver.dump());
  info.version = ver.get<int>();

  if (info.version == 5 || info.version == 6) {
    const json &name = member(doc, "model_name", info.path, "");
    if (!name.is_string()) malformed(info.path, "model_name", "expected a string");
    info.module_name = name.get<std::string>();
    if (!want_name.empty() && want_name != info.module_name)
      throw import_error(exit_code::usage, info.path + ": model_name",
                         "the MLF holds model '" + info.module_name + "', but the header is tvmgen_" + want_name + ".h",
                         "use the metadata.json of the same TVM export (--metadata FILE, CMake: METADATA)");
    check_style(doc, info.path, "");
    read_memory(doc, info.path, "", info);
    info.relay_path = mlf_dir + "/src/relay.txt";
  } else if (info.version == 7) {
    const json &mods = member(doc, "modules", info.path, "");
    if (!mods.is_object() || mods.empty()) malformed(info.path, "modules", "expected a non-empty object");
    std::string names;
    for (auto it = mods.begin(); it != mods.end(); ++it) names += (names.empty() ? "" : ", ") + it.key();
    if (want_name.empty() && mods.size() > 1)
      throw import_error(exit_code::usage, info.path + ": modules",
                         "the MLF holds several modules (" + names + ")",
                         "choose one with --module <module> (CMake: MODULE <module>)");
    info.module_name = want_name.empty() ? mods.begin().key() : want_name;
    if (!mods.contains(info.module_name))
      throw import_error(exit_code::usage, info.path + ": modules",
                         "no module '" + info.module_name + "' (found: " + names + ")",
                         "pass one of the names found with --module (CMake: MODULE), or the metadata.json of "
                         "this model's export with --metadata (CMake: METADATA)");
    info.key_prefix = "modules." + info.module_name + ".";
    const json &mod = mods[info.module_name];
    check_style(mod, info.path, info.key_prefix);
    read_memory(mod, info.path, info.key_prefix, info);
    info.relay_path = mlf_dir + "/src/" + info.module_name + ".relay";
  } else {
    throw import_error(exit_code::metadata_version, info.path + ": version",
                       "version " + std::to_string(info.version) + " is not supported (5, 6 and 7 are)",
                       "export with TVM 0.8 to 0.18, or pass the codegen folder without "
                       "metadata.json plus a sidecar JSON");
  }
  return info;
}

}  // namespace tvmcrt::import
