// SPDX-License-Identifier: Apache-2.0
// importer.cpp — combines header, metadata.json, Relay text and sidecar into one checked model.
//
// Who decides what:
//   which files          discover.hpp (any folder layout)
//   names and order      tvmgen_<m>.h structs (the only names the generated code knows)
//   dtype                Relay main signature, sidecar, metadata.json; the pointer types of
//                        tvmgen_<m>___tvm_main__ check them, and give it when nothing else does
//   shape                Relay main signature, else sidecar, else a 1-D shape from the size
//                        (metadata.json "size" or TVMGEN_<M>_<T>_SIZE) and the dtype
//   sizes (cross-checks) metadata.json "size", TVMGEN_<M>_<T>_SIZE; each must equal dtype x shape
//   workspace size       TVMGEN_<M>_WORKSPACE_SIZE, else metadata, else sidecar
//   external pool sizes  TVMGEN_<M>_<P>_WORKSPACE_POOL_SIZE, else sidecar
// Any two sources that both speak must agree; otherwise the import fails.
#include <algorithm>
#include <filesystem>
#include <limits>
#include <map>
#include <set>

#include "code_scan.hpp"
#include "discover.hpp"
#include "dtype.hpp"
#include "header_parser.hpp"
#include "memory.hpp"
#include "metadata.hpp"
#include "model.hpp"
#include "relay_parser.hpp"
#include "sidecar.hpp"

namespace fs = std::filesystem;

namespace tvmcrt::import {

namespace {

std::string shape_text(const std::vector<int64_t> &shape) {
  std::string s = "[";
  for (size_t i = 0; i < shape.size(); ++i) s += (i ? ", " : "") + std::to_string(shape[i]);
  return s + "]";
}

// Everything known about one tensor, from every source, before it is checked.
struct evidence {
  const relay_tensor *relay = nullptr;
  const sidecar_tensor *side = nullptr;
  const metadata_io *meta = nullptr;
  const code_param *code = nullptr;  // its pointer in tvmgen_<m>___tvm_main__
  std::optional<uint64_t> header_size;
};

struct context {
  std::string header_path, relay_path, sidecar_path, metadata_path, cname_upper;
};

std::string size_macro(const context &cx, const std::string &name) {
  return "TVMGEN_" + cx.cname_upper + "_" + to_upper(name) + "_SIZE";
}

// What is known and what is missing, for the message when a tensor cannot be described.
std::string known_facts(const evidence &ev, const context &cx, const std::string &name) {
  std::string s;
  if (ev.header_size) s += "; its size is " + std::to_string(*ev.header_size) + " bytes (" + size_macro(cx, name) + ")";
  if (ev.code)
    s += "; " + ev.code->where + " passes it as " + (ev.code->ctype.empty() ? "a non-pointer" : ev.code->ctype + "*");
  return s;
}

tensor resolve_tensor(const std::string &role, const std::string &name, const evidence &ev,
                      const context &cx) {
  tensor t;
  t.name = name;
  const std::string what = role + " '" + name + "'";
  const std::string entry = "{\"" + role + "s\": {\"" + name + "\": {";
  // dtype: every source that gives one must agree, the generated code included.
  struct say {
    std::string dtype, where;
  };
  std::vector<say> dtypes;
  if (ev.relay) dtypes.push_back({ev.relay->dtype, cx.relay_path});
  if (ev.side && !ev.side->dtype.empty()) dtypes.push_back({ev.side->dtype, cx.sidecar_path + ": " + ev.side->key});
  if (ev.meta) dtypes.push_back({ev.meta->dtype, cx.metadata_path + ": " + ev.meta->key});
  const std::vector<std::string> code_dtypes = ev.code ? dtypes_for_ctype(ev.code->ctype) : std::vector<std::string>{};
  if (dtypes.empty() && !code_dtypes.empty()) dtypes.push_back({code_dtypes[0], ev.code->where});
  if (dtypes.empty())
    throw import_error(exit_code::tensor_info_missing, cx.header_path,
                       "the dtype of " + what + " is unknown: no Relay text, metadata.json or typed pointer "
                           "in the code gives it" + known_facts(ev, cx, name),
                       "give it in a sidecar JSON: " + entry + "\"dtype\": \"int8\"" +
                           (ev.header_size ? "" : ", \"shape\": [1, 64]") + "}}} (docs/model-header.md)");
  for (const auto &d : dtypes)
    if (d.dtype != dtypes[0].dtype)
      throw import_error(
          exit_code::size_mismatch, d.where,
          what + " has dtype " + d.dtype + " but " + dtypes[0].where + " says " + dtypes[0].dtype,
          "make the sidecar agree with the model");
  t.dtype = dtypes[0].dtype;
  if (!code_dtypes.empty() && std::find(code_dtypes.begin(), code_dtypes.end(), t.dtype) == code_dtypes.end())
    throw import_error(exit_code::size_mismatch, dtypes[0].where,
                       what + " is declared " + t.dtype + " but the generated code (" + ev.code->where +
                           ") reads it through " + ev.code->ctype + "*, i.e. " + code_dtypes[0],
                       "give the dtype the model was compiled with (" + code_dtypes[0] + ")");
  const dtype_info *dt = find_dtype(t.dtype);
  if (!dt)
    throw import_error(exit_code::unsupported, dtypes[0].where,
                       what + " has dtype '" + t.dtype + "', which tvmcrt does not support",
                       "use one of: " + dtype_names());

  const bool side_shape = ev.side && ev.side->has_shape;
  if (ev.relay && side_shape && ev.relay->shape != ev.side->shape)
    throw import_error(exit_code::size_mismatch, cx.sidecar_path + ": " + ev.side->key,
                       what + " has shape " + shape_text(ev.side->shape) + " but " + cx.relay_path +
                           " says " + shape_text(ev.relay->shape),
                       "make the sidecar agree with the model, or drop the entry");
  std::optional<uint64_t> known_size = ev.meta ? std::optional<uint64_t>(ev.meta->size) : ev.header_size;
  if (ev.relay) {
    t.shape = ev.relay->shape;
  } else if (side_shape) {
    t.shape = ev.side->shape;
  } else if (known_size) {  // dtype and size only: a flat tensor
    const std::string where = ev.meta ? cx.metadata_path + ": " + ev.meta->key : cx.header_path + ": " + size_macro(cx, name);
    if (*known_size % dt->bytes != 0)
      throw import_error(
          exit_code::size_mismatch, where,
          what + " has size " + std::to_string(*known_size) + ", not a multiple of the size of " + t.dtype,
          "check the dtype; the size says it cannot be " + t.dtype);
    t.shape = {static_cast<int64_t>(*known_size / dt->bytes)};
  } else {
    throw import_error(exit_code::tensor_info_missing, cx.header_path,
                       "the shape of " + what + " is unknown: its dtype is " + t.dtype + " (" + dtypes[0].where +
                           ") but nothing gives its size or shape (no " + size_macro(cx, name) +
                           ", no Relay text or metadata.json)",
                       "give it in a sidecar JSON: " + entry + "\"shape\": [1, 64]}}} (docs/model-header.md)");
  }
  try {
    t.size_bytes = tensor_bytes(*dt, t.shape);
  } catch (const std::overflow_error &) {
    throw import_error(exit_code::unsupported, cx.header_path, what + " is too large", "check the shape");
  }
  const std::string computed =
      t.dtype + " x " + shape_text(t.shape) + " = " + std::to_string(t.size_bytes) + " bytes";
  if (ev.meta && ev.meta->size != t.size_bytes)
    throw import_error(exit_code::size_mismatch, cx.metadata_path + ": " + ev.meta->key + ".size",
                       what + " size " + std::to_string(ev.meta->size) + " disagrees with " + computed,
                       "fix the dtype/shape in the sidecar, or re-export the model");
  if (ev.header_size && *ev.header_size != t.size_bytes)
    throw import_error(exit_code::size_mismatch, cx.header_path + ": " + size_macro(cx, name),
                       what + " size " + std::to_string(*ev.header_size) + " disagrees with " + computed,
                       "fix the dtype/shape in the sidecar so that it matches the model");
  if (t.size_bytes == 0)
    throw import_error(exit_code::unsupported, cx.header_path, what + " has no elements", "check the shape");
  for (int64_t d : t.shape)
    if (d > std::numeric_limits<int32_t>::max())
      throw import_error(exit_code::unsupported, cx.header_path, what + " has a dimension over 2^31",
                         "check the shape");
  if (t.shape.size() > 255)
    throw import_error(exit_code::unsupported, cx.header_path, what + " has more than 255 dimensions",
                       "check the shape");
  return t;
}

void check_names(const std::vector<std::string> &names, const std::string &role, const std::string &path) {
  std::set<std::string> seen;
  for (const auto &n : names) {
    if (!is_c_identifier(n))
      throw import_error(exit_code::bad_name, path, role + " name '" + n + "' is not a C identifier",
                         "rename it in the model before compiling with TVM");
    if (!seen.insert(to_upper(n)).second)
      throw import_error(exit_code::bad_name, path,
                         role + " names differing only in case ('" + n + "') would give the same macro",
                         "rename one of them in the model");
  }
}

// The Relay tensor for each header name, or null. Inputs are matched by name: main may list the
// unbound weights as further parameters (%v_param_1 ...), which are no inputs. Outputs have names
// only with output_tensor_names; otherwise they are matched by position when the counts agree.
std::vector<const relay_tensor *> match_relay(const std::string &role, const std::vector<std::string> &names,
                                              const std::vector<relay_tensor> &relay, model &m,
                                              const context &cx) {
  std::vector<const relay_tensor *> out(names.size(), nullptr);
  const bool named = !relay.empty() && !relay[0].name.empty();
  if (!named) {
    if (relay.size() == names.size())
      for (size_t i = 0; i < names.size(); ++i) out[i] = &relay[i];
    else if (!relay.empty())
      m.notes.push_back(cx.relay_path + ": main returns " + std::to_string(relay.size()) + " tensors but the header has " +
                        std::to_string(names.size()) + " " + role + "s; their dtypes and shapes come from the other sources");
    return out;
  }
  for (size_t i = 0; i < names.size(); ++i)
    for (const auto &r : relay)
      if (sanitize_name(r.name) == names[i]) out[i] = &r;
  for (size_t i = 0; i < names.size(); ++i)
    if (!out[i])
      throw import_error(exit_code::relay_invalid, cx.relay_path,
                         "main has no " + role + " named '" + names[i] + "' (the header's " + role + " " +
                             std::to_string(i) + ")",
                         "use the Relay text and header from the same TVM export, or leave the Relay text out");
  return out;
}

std::vector<tensor> resolve_all(const std::string &role, const std::vector<std::string> &names,
                                const std::vector<const relay_tensor *> &relay,
                                const std::map<std::string, sidecar_tensor> *side,
                                const std::vector<metadata_io> &meta, const header_info &hdr,
                                const std::vector<const code_param *> &code, const context &cx) {
  if (!meta.empty() && meta.size() != names.size())
    throw import_error(exit_code::metadata_malformed, cx.metadata_path,
                       "lists " + std::to_string(meta.size()) + " " + role + "s but the header has " +
                           std::to_string(names.size()),
                       "use the metadata.json and header from the same TVM export");
  if (side)
    for (const auto &kv : *side)
      if (std::find(names.begin(), names.end(), kv.first) == names.end())
        throw import_error(exit_code::sidecar_invalid, cx.sidecar_path + ": " + kv.second.key,
                           "the header has no " + role + " named '" + kv.first + "'",
                           "use the names of struct tvmgen_<m>_" + role + "s in " + cx.header_path);
  std::vector<tensor> out;
  for (size_t i = 0; i < names.size(); ++i) {
    evidence ev;
    ev.relay = relay[i];
    ev.code = code[i];
    if (side && side->count(names[i])) ev.side = &side->at(names[i]);
    for (const auto &mi : meta)
      if (sanitize_name(mi.name) == names[i]) ev.meta = &mi;
    if (!meta.empty() && !ev.meta)
      throw import_error(exit_code::metadata_malformed, cx.metadata_path,
                         "no " + role + " entry sanitizes to '" + names[i] + "' (the header's name)",
                         "use the metadata.json and header from the same TVM export");
    auto macro = hdr.macros.find(size_macro(cx, names[i]));
    if (macro != hdr.macros.end()) ev.header_size = macro->second;
    out.push_back(resolve_tensor(role, names[i], ev, cx));
  }
  return out;
}

// The pointer of tvmgen_<m>___tvm_main__ that carries each input and output: by name where TVM
// named them <tensor>_buffer_var, else by position (inputs, then outputs, then pools).
void match_code(const std::vector<code_param> &params, const header_info &hdr,
                std::vector<const code_param *> &in, std::vector<const code_param *> &out) {
  in.assign(hdr.inputs.size(), nullptr);
  out.assign(hdr.outputs.size(), nullptr);
  auto by_name = [&](const std::string &n) -> const code_param * {
    for (const auto &p : params)
      if (p.name == n + "_buffer_var") return &p;
    return nullptr;
  };
  bool all_named = true;
  for (size_t i = 0; i < in.size(); ++i) all_named = (in[i] = by_name(hdr.inputs[i])) && all_named;
  for (size_t i = 0; i < out.size(); ++i) all_named = (out[i] = by_name(hdr.outputs[i])) && all_named;
  if (all_named || params.size() < in.size() + out.size()) return;
  for (size_t i = 0; i < in.size(); ++i) in[i] = &params[i];
  for (size_t i = 0; i < out.size(); ++i) out[i] = &params[in.size() + i];
}

// Reads the model's code once: whether it allocates a stack workspace, its symbols, the typed
// pointers of its main function, and the vendor headers it includes.
struct code_facts {
  bool allocates = false;
  std::vector<code_param> main;
  std::map<std::string, std::string> defined;  // function name -> prototype
};

// The operators to time (model::operators): metadata.json's list where it has one, else every
// function the sources define but the entry points. A listed operator the sources do not define
// with plain C types cannot be declared for the table: noted and left out.
void find_operators(const code_facts &code, const metadata_info *md, const std::string &module, model &m) {
  const std::string p = "tvmgen_" + module + "_";
  if (md && !md->operator_functions.empty()) {
    for (const auto &name : md->operator_functions) {
      auto it = code.defined.find(name);
      if (it != code.defined.end())
        m.operators.push_back({name, it->second});
      else
        m.notes.push_back("profile: operator " + name + " of metadata.json is not defined with plain C types in the "
                          "model's sources; it is not timed");
    }
    return;
  }
  for (const auto &[name, prototype] : code.defined)
    if (name != p + "__tvm_main__" && name != p + "run" && name != p + "run_model")
      m.operators.push_back({name, prototype});
}

code_facts scan_code(const found_files &ff, model &m) {
  code_facts c;
  const std::string prefix = "tvmgen_" + ff.module + "_";
  std::set<std::string> symbols, declared;
  std::map<std::string, std::string> defined;
  collect_identifiers(strip_c_comments(read_text_file(ff.header)), prefix, symbols);
  std::vector<std::string> texts, paths;
  for (const auto &src : ff.sources) {
    texts.push_back(strip_c_comments(read_text_file(src)));
    paths.push_back(fs::path(src).filename().string());
    const std::string &text = texts.back();
    c.allocates = c.allocates || text.find("TVMBackendAllocWorkspace(") != std::string::npos;
    collect_identifiers(text, prefix, symbols);
    if (fs::path(src).extension() == ".c") collect_prototypes(text, ff.module, defined, declared);  // C linkage only
    for (const auto &v : vendor_includes(text, paths.back()))
      // A header beside the source is found by the compiler whatever the include path.
      if (!fs::exists(fs::path(src).parent_path() / v.header))
        m.vendor_headers.push_back({v.header, v.vendor, v.supply, v.where});
  }
  for (const auto &obj : ff.objects) {
    const std::string bytes = read_text_file(obj);
    c.allocates = c.allocates || bytes.find(std::string("TVMBackendAllocWorkspace") + '\0') != std::string::npos;
    collect_identifiers(bytes, prefix, symbols);
  }
  m.symbols.assign(symbols.begin(), symbols.end());
  collect_prototypes(strip_c_comments(read_text_file(ff.header)), ff.module, defined, declared);
  for (const auto &[name, prototype] : defined)
    if (!declared.count(name)) m.prototypes.push_back(prototype);
  c.main = main_params(texts, paths, ff.module);
  c.defined = std::move(defined);
  return c;
}

}  // namespace

model import_model(const options &opts) {
  if (!opts.name.empty() && !is_c_identifier(opts.name))
    throw import_error(exit_code::bad_name, "--name", "model name '" + opts.name + "' is not a C identifier",
                       "give the model a name that is one (letters, digits and _, not starting with a digit)");
  const found_files ff = discover({opts.input_dir, opts.module, opts.name, opts.metadata, opts.header,
                                   opts.sources, opts.objects});
  model m;
  m.tvm_name = ff.module;
  m.name = opts.name.empty() ? ff.module : opts.name;
  std::optional<metadata_info> md;
  context cx;
  if (!ff.metadata.empty()) {
    md = read_metadata(ff.metadata, ff.module);
    cx.metadata_path = md->path;
  }
  const std::string cname = ff.module;
  cx.cname_upper = to_upper(cname);
  cx.header_path = ff.header;
  const header_info hdr = parse_header(cx.header_path, cname);
  m.run_params = hdr.run_params;
  auto takes = [&](const char *s) { return std::count(hdr.run_params.begin(), hdr.run_params.end(), s) > 0; };
  if (hdr.maps_io_to_pools || !takes("inputs") || !takes("outputs"))
    throw import_error(
        exit_code::unsupported, cx.header_path,
        "tvmgen_" + cname + "_run takes no input/output structs (I/O placed inside USMP pools)",
        "compile without \"tir.usmp.use_workspace_io\"");
  if (hdr.inputs.empty() || hdr.outputs.empty())
    throw import_error(exit_code::unsupported, cx.header_path, "the model has no inputs or no outputs",
                       "tvmcrt runs models with at least one input and one output");
  if (hdr.inputs.size() > 255 || hdr.outputs.size() > 255 || hdr.pools.size() > 254 ||
      hdr.devices.size() > 255)
    throw import_error(exit_code::unsupported, cx.header_path, "more than 255 tensors, pools or devices",
                       "split the model");
  check_names(hdr.inputs, "input", cx.header_path);
  check_names(hdr.outputs, "output", cx.header_path);
  check_names(hdr.pools, "pool", cx.header_path);
  check_names(hdr.devices, "device", cx.header_path);
  const code_facts code = scan_code(ff, m);

  std::optional<sidecar_info> sc;
  if (!opts.sidecar.empty()) {
    sc = read_sidecar(opts.sidecar);
    cx.sidecar_path = sc->path;
  }
  // The Relay text is a hint: one that cannot be read is noted and left out.
  std::optional<relay_signature> relay;
  if (!ff.relay.empty()) {
    cx.relay_path = ff.relay;
    try {
      relay = parse_relay_main(read_text_file(ff.relay), ff.relay);
    } catch (const import_error &e) {
      m.notes.push_back(std::string("left out the Relay text, which could not be read: ") + e.what());
    }
  }
  static const std::vector<relay_tensor> kNoRelay;
  const auto relay_in = match_relay("input", hdr.inputs, relay ? relay->params : kNoRelay, m, cx);
  const auto relay_out = match_relay("output", hdr.outputs, relay ? relay->results : kNoRelay, m, cx);
  std::vector<const code_param *> code_in, code_out;
  match_code(code.main, hdr, code_in, code_out);
  static const std::vector<metadata_io> kNone;
  m.inputs = resolve_all("input", hdr.inputs, relay_in, sc ? &sc->inputs : nullptr, md ? md->inputs : kNone, hdr,
                         code_in, cx);
  m.outputs = resolve_all("output", hdr.outputs, relay_out, sc ? &sc->outputs : nullptr,
                          md ? md->outputs : kNone, hdr, code_out, cx);
  const bool relay_shapes = relay && std::all_of(relay_in.begin(), relay_in.end(), [](auto *r) { return r; });
  m.source_note = relay_shapes ? "shapes from " + fs::path(ff.relay).filename().string()
                  : sc         ? "shapes from sidecar " + fs::path(sc->path).filename().string()
                               : "flat shapes from the tensor sizes";

  resolve_memory(m, {hdr, sc ? &*sc : nullptr, md ? &*md : nullptr, cx.cname_upper, code.allocates}, opts);
  m.devices = hdr.devices;
  find_operators(code, md ? &*md : nullptr, ff.module, m);
  m.profile = opts.profile;
  if (opts.profile && m.operators.empty())
    throw import_error(exit_code::unsupported, ff.header, "--profile: found no operator function to time",
                       "profile a model whose sources define its operators (tvmgen_" + ff.module +
                           "_fused_*), or build it without PROFILE");
  m.io_alignment = opts.io_alignment ? *opts.io_alignment : (sc && sc->io_alignment) ? *sc->io_alignment : 1;
  return m;
}

}  // namespace tvmcrt::import
