// SPDX-License-Identifier: Apache-2.0
// discover.cpp — see discover.hpp.
#include "discover.hpp"

#include <algorithm>
#include <cctype>
#include <filesystem>
#include <map>
#include <set>

#include "header_parser.hpp"
#include "model.hpp"

namespace fs = std::filesystem;

namespace tvmcrt::import {

namespace {

bool ident_char(char c) { return std::isalnum(static_cast<unsigned char>(c)) || c == '_'; }

// Every file under `dir` (hidden folders such as .git skipped), sorted, so that results and
// messages do not depend on the file system's order.
std::vector<fs::path> all_files(const std::string &dir) {
  std::vector<fs::path> out;
  std::error_code ec;
  fs::recursive_directory_iterator it(dir, fs::directory_options::skip_permission_denied, ec), end;
  for (; !ec && it != end; it.increment(ec)) {
    const std::string leaf = it->path().filename().string();
    if (it->is_directory(ec) && !leaf.empty() && leaf[0] == '.') {
      it.disable_recursion_pending();
      continue;
    }
    if (it->is_regular_file(ec)) out.push_back(it->path());
  }
  std::sort(out.begin(), out.end());
  return out;
}

std::string list(const std::vector<std::string> &items) {
  std::string s;
  for (const auto &i : items) s += "\n    " + i;
  return s;
}

bool is_source(const fs::path &p) {
  const std::string e = p.extension().string();
  return e == ".c" || e == ".cc" || e == ".cpp";
}

// The module name of a file named tvmgen_<m>.h, or "" for any other file.
std::string header_module(const fs::path &p) {
  const std::string f = p.filename().string();
  if (f.size() <= 9 || f.rfind("tvmgen_", 0) != 0 || p.extension() != ".h") return "";
  return f.substr(7, f.size() - 9);
}

bool declares_run(const std::string &text, const std::string &module) {
  const std::string sym = "tvmgen_" + module + "_run";
  for (size_t at = text.find(sym); at != std::string::npos; at = text.find(sym, at + 1)) {
    size_t i = at + sym.size();
    if (at > 0 && ident_char(text[at - 1])) continue;
    while (i < text.size() && std::isspace(static_cast<unsigned char>(text[i]))) ++i;
    if (i < text.size() && text[i] == '(') return true;
  }
  return false;
}

std::string to_lower(std::string s) {
  for (char &c : s) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return s;
}

}  // namespace

bool defines_function_with_prefix(const std::string &text, const std::string &prefix, bool exact) {
  for (size_t at = text.find(prefix); at != std::string::npos; at = text.find(prefix, at + 1)) {
    if (at > 0 && ident_char(text[at - 1])) continue;
    size_t i = at + prefix.size();
    if (exact && i < text.size() && ident_char(text[i])) continue;  // tvmgen_m_run_v2 is not tvmgen_m_run
    while (i < text.size() && ident_char(text[i])) ++i;
    while (i < text.size() && std::isspace(static_cast<unsigned char>(text[i]))) ++i;
    if (i >= text.size() || text[i] != '(') continue;
    // A parameter list: balanced parentheses, no ';' or braces (a call inside an `if (...) {` is
    // followed by more text before its '{', a prototype by ';').
    int depth = 0;
    for (; i < text.size(); ++i) {
      const char c = text[i];
      if (c == ';' || c == '{' || c == '}') break;
      if (c == '(') ++depth;
      if (c == ')' && --depth == 0) break;
    }
    if (i >= text.size() || text[i] != ')') continue;
    for (++i; i < text.size() && std::isspace(static_cast<unsigned char>(text[i]));) ++i;
    if (i < text.size() && text[i] == '{') return true;
  }
  return false;
}

namespace {
found_files search(const discover_request &req);
}

found_files discover(const discover_request &req) {
  found_files f = search(req);
  if (req.header.empty()) return f;
  // CMake found these files by the same rules in its own language: a difference would mean the
  // build compiles something other than what was imported.
  discover_request own = req;
  own.header.clear();
  own.sources.clear();
  own.objects.clear();
  own.module = f.module;
  const found_files mine = search(own);
  std::error_code ec;
  auto canon = [&](std::vector<std::string> v) {
    for (auto &p : v) p = fs::weakly_canonical(p, ec).string();
    std::sort(v.begin(), v.end());
    return v;
  };
  const std::vector<std::string> given = canon(req.sources), found = canon(mine.sources);
  if (!fs::equivalent(mine.header, req.header, ec) || given != found)
    throw import_error(exit_code::usage, req.dir,
                       "cmake/TvmcrtModel.cmake chose " + req.header + list(given) +
                           "\n  but tvmcrt-import finds " + mine.header + list(found),
                       "report this as a bug of tvmcrt; meanwhile pass a folder holding only this model's files");
  return f;
}

namespace {

found_files search(const discover_request &req) {
  found_files f;
  std::error_code ec;
  if (!fs::is_directory(req.dir, ec))
    throw import_error(exit_code::input_missing, req.dir, "not a folder",
                       "pass the folder TVM wrote (an MLF .tar is unpacked by tvmcrt_add_model())");
  const std::vector<fs::path> files = req.header.empty() ? all_files(req.dir) : std::vector<fs::path>{};

  // 1. The header, which also fixes the module name.
  if (!req.header.empty()) {
    f.header = req.header;
    f.module = header_module(req.header);
    if (f.module.empty())
      throw import_error(exit_code::usage, req.header, "not named tvmgen_<model>.h",
                         "pass the header TVM generated for the model");
  } else {
    std::map<std::string, std::vector<std::string>> by_module;  // module -> headers declaring its run
    std::vector<std::string> named_only;                        // tvmgen_*.h without the run prototype
    for (const auto &p : files) {
      const std::string m = header_module(p);
      if (m.empty()) continue;
      if (declares_run(strip_c_comments(read_text_file(p.string())), m))
        by_module[m].push_back(p.string());
      else
        named_only.push_back(p.string());
    }
    std::vector<std::string> modules;
    for (const auto &kv : by_module) modules.push_back(kv.first);
    std::string want = req.module;
    if (want.empty() && !req.name.empty() && by_module.count(to_lower(req.name))) want = to_lower(req.name);
    if (!want.empty() && !by_module.count(want))
      throw import_error(
          exit_code::usage, req.dir, "no tvmgen_" + want + ".h declaring tvmgen_" + want + "_run() here" +
                                         (modules.empty() ? "" : " (models found: " + list(modules) + ")"),
          "pass --module with one of the models found (CMake: MODULE); --name then gives it the name "
          "you want in the image (CMake: NAME)");
    if (want.empty()) {
      if (modules.empty() && !named_only.empty())
        throw import_error(exit_code::header_invalid, named_only[0],
                           "no prototype 'int32_t tvmgen_" + header_module(named_only[0]) + "_run(...);' found",
                           "pass the header TVM generated with --interface-api=c (the file name must be "
                           "tvmgen_<module>.h)");
      if (modules.empty())
        throw import_error(
            exit_code::input_missing, req.dir,
            "no model found: looked for a header tvmgen_<model>.h declaring tvmgen_<model>_run() in "
            "every folder below",
            "pass the folder TVM wrote for the model (compiled with the AOT executor and "
            "--interface-api=c), e.g. the unpacked Model Library Format");
      if (modules.size() > 1)
        throw import_error(exit_code::usage, req.dir, "several models here:" + list(modules),
                           "choose one with --module <model> (CMake: MODULE <model>)");
      want = modules[0];
    }
    f.module = want;
    const std::vector<std::string> &copies = by_module[want];
    for (const auto &c : copies)
      if (read_text_file(c) != read_text_file(copies[0]))
        throw import_error(exit_code::usage, req.dir,
                           "several different tvmgen_" + want + ".h:" + list(copies),
                           "pass the folder that holds the one of the model you mean (e.g. its codegen/ "
                           "or MLF folder), not a folder above several exports");
    // Identical copies (an application keeps one beside its code): any will do; prefer TVM's own.
    f.header = copies[0];
    for (const auto &c : copies)
      if (c.find("codegen/host/include/") != std::string::npos) f.header = c;
  }

  if (!is_c_identifier(f.module))
    throw import_error(exit_code::bad_name, f.header, "module name '" + f.module + "' is not a C identifier",
                       "rename the module when compiling (tvm.relay.build(..., mod_name=\"my_model\"))");

  // 2. The sources and objects that define the model's symbols.
  const std::string prefix = "tvmgen_" + f.module + "_";
  std::vector<std::string> run_defined;
  auto add_source = [&](const std::string &path) {
    const std::string text = strip_c_comments(read_text_file(path));
    if (!defines_function_with_prefix(text, prefix)) return false;
    if (defines_function_with_prefix(text, prefix + "run", true)) run_defined.push_back(path);
    return true;
  };
  if (!req.header.empty()) {
    f.sources = req.sources;
    f.objects = req.objects;
    for (const auto &s : f.sources) add_source(s);
    for (const auto &o : f.objects)
      if (read_text_file(o).find(prefix + "run" + '\0') != std::string::npos) run_defined.push_back(o);
  } else {
    for (const auto &p : files) {
      if (is_source(p) && add_source(p.string())) f.sources.push_back(p.string());
      if (p.extension() == ".o") {
        const std::string bytes = read_text_file(p.string());
        if (bytes.find(prefix) == std::string::npos) continue;
        f.objects.push_back(p.string());
        if (bytes.find(prefix + "run" + '\0') != std::string::npos) run_defined.push_back(p.string());
      }
    }
  }
  if (run_defined.empty())
    throw import_error(exit_code::run_missing, req.dir,
                       f.sources.empty() && f.objects.empty()
                           ? "found " + f.header + " but no source (*.c, *.cc, *.cpp) or object (*.o) "
                                                   "defining any " + prefix + "* function"
                           : "none of the sources defines " + prefix + "run():" + list(f.sources),
                       "export the model with the C target (target=\"c\") and the C interface API, and "
                       "pass the folder holding both its header and its sources");
  if (run_defined.size() > 1)
    throw import_error(exit_code::usage, req.dir, "several files define " + prefix + "run():" + list(run_defined),
                       "pass the folder of one export of the model, not a folder above several copies");

  // 3. metadata.json and the Relay text: optional hints.
  if (!req.metadata.empty()) {
    if (!fs::is_regular_file(req.metadata, ec))
      throw import_error(exit_code::input_missing, req.metadata, "no such file",
                         "pass the metadata.json of the model's export with --metadata (CMake: METADATA)");
    f.metadata = req.metadata;
  } else {
    // One at the top is the MLF's own, whatever it holds; deeper ones must look like TVM's.
    std::vector<std::string> metas;
    const fs::path top = fs::path(req.dir) / "metadata.json";
    if (fs::is_regular_file(top, ec)) metas.push_back(top.string());
    for (const auto &p : metas.empty() ? files.empty() ? all_files(req.dir) : files : std::vector<fs::path>{})
      if (p.filename() == "metadata.json") {
        const std::string text = read_text_file(p.string());
        if (text.find("\"version\"") != std::string::npos &&
            (text.find("\"modules\"") != std::string::npos || text.find("\"model_name\"") != std::string::npos))
          metas.push_back(p.string());
      }
    if (metas.size() > 1)
      throw import_error(exit_code::usage, req.dir, "several TVM metadata.json files:" + list(metas),
                         "choose one with --metadata FILE (CMake: METADATA FILE)");
    if (!metas.empty()) f.metadata = metas[0];
  }
  const fs::path base = f.metadata.empty() ? fs::path(req.dir) : fs::path(f.metadata).parent_path();
  for (const char *rel : {"src/", ""})
    for (const std::string &leaf : {f.module + ".relay", std::string("relay.txt")})
      if (f.relay.empty() && fs::is_regular_file(base / rel / leaf, ec)) f.relay = (base / rel / leaf).string();
  std::sort(f.sources.begin(), f.sources.end());
  std::sort(f.objects.begin(), f.objects.end());
  return f;
}

}  // namespace

}  // namespace tvmcrt::import
