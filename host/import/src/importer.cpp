// importer.cpp — combines header, metadata.json, Relay text and sidecar into one checked model.
//
// Who decides what:
//   names and order      tvmgen_<m>.h structs (the only names the generated code knows)
//   dtype and shape      Relay main signature, else sidecar, else metadata dtype with a 1-D shape
//   sizes (cross-checks) metadata.json "size", TVMGEN_<M>_<T>_SIZE; each must equal dtype x shape
//   workspace size       TVMGEN_<M>_WORKSPACE_SIZE, else metadata, else sidecar
//   external pool sizes  TVMGEN_<M>_<P>_WORKSPACE_POOL_SIZE, else sidecar
// Any two sources that both speak must agree; otherwise the import fails.
#include <algorithm>
#include <filesystem>
#include <limits>
#include <regex>
#include <set>

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

std::string to_lower(std::string s) {
  for (char &c : s) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return s;
}

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
  std::optional<uint64_t> header_size;
};

struct context {
  std::string header_path, relay_path, sidecar_path, metadata_path, cname_upper;
};

tensor resolve_tensor(const std::string &role, const std::string &name, const evidence &ev,
                      const context &cx) {
  tensor t;
  t.name = name;
  const std::string what = role + " '" + name + "'";
  // dtype: every source that gives one must agree.
  struct say {
    std::string dtype, where;
  };
  std::vector<say> dtypes;
  if (ev.relay) dtypes.push_back({ev.relay->dtype, cx.relay_path});
  if (ev.side) dtypes.push_back({ev.side->dtype, cx.sidecar_path + ": " + ev.side->key});
  if (ev.meta) dtypes.push_back({ev.meta->dtype, cx.metadata_path + ": " + ev.meta->key});
  if (dtypes.empty())
    throw import_error(exit_code::tensor_info_missing, cx.header_path,
                       "no dtype or shape known for " + what + " (no Relay text or metadata describes it)",
                       "describe it in a sidecar JSON: {\"" + role + "s\": {\"" + name +
                           "\": {\"dtype\": \"int8\", \"shape\": [1, 64]}}} (docs/model-header.md)");
  for (const auto &d : dtypes)
    if (d.dtype != dtypes[0].dtype)
      throw import_error(
          exit_code::size_mismatch, d.where,
          what + " has dtype " + d.dtype + " but " + dtypes[0].where + " says " + dtypes[0].dtype,
          "make the sidecar agree with the model");
  t.dtype = dtypes[0].dtype;
  const dtype_info *dt = find_dtype(t.dtype);
  if (!dt)
    throw import_error(exit_code::unsupported, dtypes[0].where,
                       what + " has dtype '" + t.dtype + "', which tvmcrt does not support",
                       "use one of: " + dtype_names());

  if (ev.relay && ev.side && ev.relay->shape != ev.side->shape)
    throw import_error(exit_code::size_mismatch, cx.sidecar_path + ": " + ev.side->key,
                       what + " has shape " + shape_text(ev.side->shape) + " but " + cx.relay_path +
                           " says " + shape_text(ev.relay->shape),
                       "make the sidecar agree with the model, or drop the entry");
  std::optional<uint64_t> known_size = ev.meta ? std::optional<uint64_t>(ev.meta->size) : ev.header_size;
  if (ev.relay) {
    t.shape = ev.relay->shape;
  } else if (ev.side) {
    t.shape = ev.side->shape;
  } else {  // metadata gives dtype and size only: a flat tensor
    if (*known_size % dt->bytes != 0)
      throw import_error(
          exit_code::size_mismatch, cx.metadata_path + ": " + ev.meta->key,
          what + " has size " + std::to_string(*known_size) + ", not a multiple of the size of " + t.dtype,
          "re-export the model; the metadata is inconsistent");
    t.shape = {static_cast<int64_t>(*known_size / dt->bytes)};
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
    throw import_error(exit_code::size_mismatch,
                       cx.header_path + ": TVMGEN_" + cx.cname_upper + "_" + to_upper(name) + "_SIZE",
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

std::vector<tensor> resolve_all(const std::string &role, const std::vector<std::string> &names,
                                const std::vector<relay_tensor> *relay,
                                const std::map<std::string, sidecar_tensor> *side,
                                const std::vector<metadata_io> &meta, const header_info &hdr,
                                const context &cx) {
  if (relay && relay->size() != names.size())
    throw import_error(exit_code::relay_invalid, cx.relay_path,
                       "main has " + std::to_string(relay->size()) + " " + role + "s but struct in " +
                           cx.header_path + " has " + std::to_string(names.size()),
                       "use the Relay text and header from the same TVM export");
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
    if (relay) {
      ev.relay = &(*relay)[i];
      // Inputs always have names in Relay; outputs when main has output_tensor_names.
      if (!ev.relay->name.empty() && sanitize_name(ev.relay->name) != names[i])
        throw import_error(exit_code::relay_invalid, cx.relay_path,
                           role + " " + std::to_string(i) + " is '" + ev.relay->name + "' but the header's " +
                               role + " " + std::to_string(i) + " is '" + names[i] + "'",
                           "use the Relay text and header from the same TVM export");
    }
    if (side && side->count(names[i])) ev.side = &side->at(names[i]);
    for (const auto &m : meta)
      if (sanitize_name(m.name) == names[i]) ev.meta = &m;
    if (!meta.empty() && !ev.meta)
      throw import_error(exit_code::metadata_malformed, cx.metadata_path,
                         "no " + role + " entry sanitizes to '" + names[i] + "' (the header's name)",
                         "use the metadata.json and header from the same TVM export");
    auto macro = hdr.macros.find("TVMGEN_" + cx.cname_upper + "_" + to_upper(names[i]) + "_SIZE");
    if (macro != hdr.macros.end()) ev.header_size = macro->second;
    out.push_back(resolve_tensor(role, names[i], ev, cx));
  }
  return out;
}

std::string find_single_header(const std::string &dir) {
  const fs::path inc = fs::path(dir) / "codegen/host/include";
  std::vector<std::string> found;
  std::error_code ec;
  for (const auto &e : fs::directory_iterator(inc, ec)) {
    std::string f = e.path().filename().string();
    if (f.rfind("tvmgen_", 0) == 0 && e.path().extension() == ".h")
      found.push_back(f.substr(7, f.size() - 9));
  }
  if (found.empty())
    throw import_error(exit_code::input_missing, dir,
                       "neither metadata.json nor codegen/host/include/tvmgen_<model>.h is there",
                       "pass the unpacked Model Library Format folder (compile with --interface-api=c)");
  if (found.size() > 1)
    throw import_error(exit_code::usage, inc.string(), "several tvmgen_*.h headers",
                       "choose the model with --name <module> (CMake: NAME)");
  return found[0];
}

// TVM's C target defines tvmgen_<m>_run() in codegen/host/src/*.c; an llvm target leaves objects in
// codegen/host/lib/*.o, whose symbol table holds names as plain strings. Returns whether any of
// them calls TVMBackendAllocWorkspace (i.e. the model needs a stack workspace at all).
bool scan_sources(const std::string &dir, const std::string &cname) {
  const fs::path src = fs::path(dir) / "codegen/host/src";
  const std::string symbol = "tvmgen_" + cname + "_run";
  const std::regex def("\\b" + symbol + "\\s*\\([^;{]*\\)\\s*\\{");
  std::error_code ec;
  size_t n = 0;
  bool defined = false, allocates = false;
  for (const auto &e : fs::directory_iterator(src, ec)) {
    const std::string ext = e.path().extension().string();
    if (ext != ".c" && ext != ".cc" && ext != ".cpp") continue;
    ++n;
    const std::string text = strip_c_comments(read_text_file(e.path().string()));
    defined = defined || std::regex_search(text, def);
    allocates = allocates || text.find("TVMBackendAllocWorkspace(") != std::string::npos;
  }
  for (const auto &e : fs::directory_iterator(fs::path(dir) / "codegen/host/lib", ec)) {
    if (e.path().extension() != ".o") continue;
    ++n;
    const std::string bytes = read_text_file(e.path().string());
    defined = defined || bytes.find(symbol + '\0') != std::string::npos;
    allocates = allocates || bytes.find(std::string("TVMBackendAllocWorkspace") + '\0') != std::string::npos;
  }
  if (!defined)
    throw import_error(exit_code::run_missing, src.string(),
                       n == 0 ? "no C sources (*.c) found"
                              : "none of the " + std::to_string(n) + " sources defines " + symbol + "()",
                       "export the model with the C target (target=\"c\") and the C interface API");
  return allocates;
}

}  // namespace

model import_model(const options &opts) {
  std::error_code ec;
  if (!fs::is_directory(opts.input_dir, ec))
    throw import_error(exit_code::input_missing, opts.input_dir, "not a folder",
                       "pass the unpacked Model Library Format folder (CMake unpacks a .tar itself)");
  model m;
  std::optional<metadata_info> md;
  context cx;
  if (fs::exists(fs::path(opts.input_dir) / "metadata.json")) {
    md = read_metadata(opts.input_dir, opts.name);
    m.name = md->module_name;
    cx.metadata_path = md->path;
  } else {
    m.name = opts.name.empty() ? find_single_header(opts.input_dir) : opts.name;
  }
  if (!is_c_identifier(m.name))
    throw import_error(exit_code::bad_name,
                       md ? md->path + ": " + md->key_prefix + "model_name" : opts.input_dir,
                       "model name '" + m.name + "' is not a C identifier",
                       "rename the module when compiling (tvm.relay.build(..., mod_name=\"my_model\"))");
  const std::string cname = to_lower(m.name);
  cx.cname_upper = to_upper(cname);
  cx.header_path = opts.input_dir + "/codegen/host/include/tvmgen_" + cname + ".h";
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
  const bool allocates = scan_sources(opts.input_dir, cname);

  std::optional<sidecar_info> sc;
  if (!opts.sidecar.empty()) {
    sc = read_sidecar(opts.sidecar);
    cx.sidecar_path = sc->path;
  }
  std::optional<relay_signature> relay;
  if (md && fs::exists(md->relay_path)) {
    cx.relay_path = md->relay_path;
    relay = parse_relay_main(read_text_file(md->relay_path), md->relay_path);
  }
  static const std::vector<metadata_io> kNone;
  m.inputs = resolve_all("input", hdr.inputs, relay ? &relay->params : nullptr, sc ? &sc->inputs : nullptr,
                         md ? md->inputs : kNone, hdr, cx);
  m.outputs = resolve_all("output", hdr.outputs, relay ? &relay->results : nullptr,
                          sc ? &sc->outputs : nullptr, md ? md->outputs : kNone, hdr, cx);
  m.source_note = relay ? "shapes from " + fs::path(md->relay_path).filename().string()
                  : sc  ? "shapes from sidecar " + fs::path(sc->path).filename().string()
                        : "flat shapes from metadata.json sizes";

  resolve_memory(m, {hdr, sc ? &*sc : nullptr, md ? &*md : nullptr, cx.cname_upper, allocates}, opts);
  m.devices = hdr.devices;
  m.io_alignment = opts.io_alignment ? *opts.io_alignment : (sc && sc->io_alignment) ? *sc->io_alignment : 1;
  return m;
}

}  // namespace tvmcrt::import
