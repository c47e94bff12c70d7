// SPDX-License-Identifier: Apache-2.0
// code_scan.cpp — see code_scan.hpp.
#include "code_scan.hpp"

#include <algorithm>
#include <cctype>
#include <map>
#include <regex>
#include <set>
#include <sstream>

namespace tvmcrt::import {

namespace {

bool ident_char(char c) { return std::isalnum(static_cast<unsigned char>(c)) || c == '_'; }

std::string trim(const std::string &s) {
  size_t b = s.find_first_not_of(" \t\r\n");
  if (b == std::string::npos) return "";
  return s.substr(b, s.find_last_not_of(" \t\r\n") - b + 1);
}

size_t line_of(const std::string &text, size_t offset) {
  return 1 + static_cast<size_t>(std::count(text.begin(), text.begin() + static_cast<long>(offset), '\n'));
}

// "const int8_t* __restrict__ x" -> {"x", "int8_t"}; "void* x" -> {"x", "void"}. A parameter that
// is not a pointer keeps ctype "" (it cannot be a tensor).
code_param split_param(const std::string &decl) {
  code_param p;
  std::string d = trim(decl);
  size_t end = d.size();
  while (end > 0 && !ident_char(d[end - 1])) --end;
  size_t begin = end;
  while (begin > 0 && ident_char(d[begin - 1])) --begin;
  p.name = d.substr(begin, end - begin);
  const std::string type = d.substr(0, begin);
  if (type.find('*') == std::string::npos) return p;
  std::istringstream words(std::regex_replace(type, std::regex(R"([*&])"), " "));
  std::string w, base;
  while (words >> w)
    if (w != "const" && w != "volatile" && w != "restrict" && w != "__restrict__" && w != "__restrict" &&
        w != "TVM_RESTRICT" && w != "signed" && w != "struct")
      base += (base.empty() ? "" : " ") + w;
  p.ctype = base;
  return p;
}

}  // namespace

std::vector<code_param> main_params(const std::vector<std::string> &texts, const std::vector<std::string> &paths,
                                    const std::string &module) {
  const std::string sym = "tvmgen_" + module + "___tvm_main__";
  std::vector<code_param> declared;
  for (size_t f = 0; f < texts.size(); ++f) {
    const std::string &t = texts[f];
    for (size_t at = t.find(sym); at != std::string::npos; at = t.find(sym, at + 1)) {
      if ((at > 0 && ident_char(t[at - 1])) || ident_char(t[std::min(at + sym.size(), t.size() - 1)])) continue;
      size_t open = at + sym.size();
      while (open < t.size() && std::isspace(static_cast<unsigned char>(t[open]))) ++open;
      if (open >= t.size() || t[open] != '(') continue;
      size_t close = t.find_first_of("();{}", open + 1);
      if (close == std::string::npos || t[close] != ')') continue;
      size_t after = t.find_first_not_of(" \t\r\n", close + 1);
      const bool definition = after != std::string::npos && t[after] == '{';
      // A call passes bare names: no parameter has a type.
      std::vector<code_param> ps;
      std::istringstream list(t.substr(open + 1, close - open - 1));
      std::string item;
      bool typed = false;
      while (std::getline(list, item, ',')) {
        code_param p = split_param(item);
        p.where = paths[f] + ":" + std::to_string(line_of(t, at));
        typed = typed || (!p.ctype.empty() && p.ctype != "void");
        ps.push_back(p);
      }
      if (definition) return ps;
      if (typed && declared.empty()) declared = ps;
    }
  }
  return declared;
}

std::vector<std::string> dtypes_for_ctype(const std::string &ctype) {
  static const std::pair<const char *, std::vector<std::string>> kTable[] = {
      {"int8_t", {"int8", "bool"}},
      {"char", {"int8", "bool"}},
      {"uint8_t", {"uint8", "bool"}},
      {"unsigned char", {"uint8", "bool"}},
      {"bool", {"bool"}},
      {"_Bool", {"bool"}},
      {"int16_t", {"int16"}},
      {"uint16_t", {"uint16", "float16"}},  // TVM's C code keeps float16 as raw 16-bit words
      {"int32_t", {"int32"}},
      {"int", {"int32"}},
      {"uint32_t", {"uint32"}},
      {"int64_t", {"int64"}},
      {"uint64_t", {"uint64"}},
      {"float", {"float32"}},
      {"double", {"float64"}},
      {"half", {"float16"}},
      {"_Float16", {"float16"}},
      {"__fp16", {"float16"}},
  };
  for (const auto &e : kTable)
    if (ctype == e.first) return e.second;
  return {};
}

void collect_identifiers(const std::string &text, const std::string &prefix, std::set<std::string> &out) {
  for (size_t at = text.find(prefix); at != std::string::npos; at = text.find(prefix, at + 1)) {
    if (at > 0 && ident_char(text[at - 1])) continue;
    size_t end = at + prefix.size();
    while (end < text.size() && ident_char(text[end])) ++end;
    if (end > at + prefix.size()) out.insert(text.substr(at, end - at));
  }
}

namespace {

// Words a plain C type is made of (with '*'): what a prototype in the prelude can name before any
// header of the model is read.
bool plain_type(const std::string &text) {
  static const std::set<std::string> words = {
      "const", "volatile", "unsigned", "signed", "void", "char", "short", "int", "long", "float", "double",
      "int8_t", "int16_t", "int32_t", "int64_t", "uint8_t", "uint16_t", "uint32_t", "uint64_t", "size_t",
      "restrict", "__restrict__", "__restrict", "TVM_RESTRICT"};
  std::string word;
  bool any = false;
  for (size_t i = 0; i <= text.size(); ++i) {
    const char c = i < text.size() ? text[i] : ' ';
    if (ident_char(c)) {
      word += c;
      continue;
    }
    if (!word.empty() && !words.count(word)) return false;
    any = any || !word.empty();
    word.clear();
    if (c != ' ' && c != '\t' && c != '*' && c != '\n' && c != '\r') return false;
  }
  return any;
}

// "int8_t* __restrict__ p0" (a plain type and a name), "void" or "".
bool plain_param(const std::string &decl) {
  const std::string d = trim(decl);
  if (d.empty() || d == "void") return true;
  size_t begin = d.size();
  while (begin > 0 && ident_char(d[begin - 1])) --begin;
  return begin > 0 && begin < d.size() && plain_type(d.substr(0, begin));
}

}  // namespace

void collect_prototypes(const std::string &text, const std::string &module, std::map<std::string, std::string> &defined,
                        std::set<std::string> &declared) {
  const std::string prefix = "tvmgen_" + module + "_";
  for (size_t at = text.find(prefix); at != std::string::npos; at = text.find(prefix, at + 1)) {
    if (at > 0 && ident_char(text[at - 1])) continue;
    // Before the name, on its line: [TVM_DLL] and a plain return type (not static, not a call).
    const size_t line = text.rfind('\n', at) == std::string::npos ? 0 : text.rfind('\n', at) + 1;
    std::string head = trim(text.substr(line, at - line));
    if (head.rfind("TVM_DLL", 0) == 0) head = trim(head.substr(7));
    if (!plain_type(head)) continue;
    size_t end = at;
    while (end < text.size() && ident_char(text[end])) ++end;
    size_t open = end;
    while (open < text.size() && (text[open] == ' ' || text[open] == '\t')) ++open;
    if (open >= text.size() || text[open] != '(') continue;
    const size_t close = text.find_first_of("(){};", open + 1);
    if (close == std::string::npos || text[close] != ')') continue;
    size_t body = close + 1;
    while (body < text.size() && std::isspace(static_cast<unsigned char>(text[body]))) ++body;
    const std::string name = text.substr(at, end - at);
    if (body < text.size() && text[body] == ';' && !head.empty()) declared.insert(name);  // a prototype
    if (body >= text.size() || text[body] != '{') continue;  // a declaration or a call, not a definition
    const std::string params = text.substr(open + 1, close - open - 1);
    bool ok = true;
    std::istringstream list(params);
    for (std::string one; ok && std::getline(list, one, ',');) ok = plain_param(one);
    // TVM_RESTRICT is TVM's macro, not defined yet where the prelude is read; a qualifier of a
    // parameter does not change the function's type, so the prototype goes without it.
    if (ok)
      defined.emplace(name, std::regex_replace(head + " " + name + "(" + trim(params) + ");",
                                               std::regex("\\bTVM_RESTRICT\\b ?"), ""));
  }
}

std::vector<vendor_header> vendor_includes(const std::string &text, const std::string &path) {
  struct known {
    const char *pattern;  // regex on the included file name
    const char *vendor;
    const char *supply;
  };
  static const known kKnown[] = {
      {R"(ethosu_driver\.h|ethosu_.*\.h|tvm_ethosu_runtime\.h)", "the Arm Ethos-U NPU",
       "add Arm's ethos-u-core-driver (its include/ folder and sources, or a library) and TVM's "
       "tvm_ethosu_runtime.c/.h from apps/microtvm/ethos-u; it runs only on a chip with the NPU or "
       "Arm's Corstone-300 FVP, not on the native device or the QEMU board"},
      {R"(esp_.*\.h(pp)?|dl_.*\.h(pp)?)", "Espressif's ESP32 (ESP-IDF, ESP-DL/ESP-NN kernels)",
       "add the headers and libraries of the project that compiled it (ESP-IDF, the ESP-DL or ESP-NN "
       "library and any esp_kernel.h wrappers, as INCLUDE_DIRS/SOURCES); they run only on an ESP32"},
      {R"(arm_nnfunctions\.h|arm_nn_types\.h|arm_nnsupportfunctions\.h|arm_nn_math_types\.h)",
       "Arm's CMSIS-NN kernel library",
       "pass CMSIS_NN <path to a CMSIS-NN checkout> to tvmcrt_add_model() (scripts/build-model "
       "--cmsis-nn DIR): it adds the include folder and the kernels the model calls; they build "
       "natively too (docs/bring-your-own-model.md)"},
      {R"(arm_math\.h|arm_math_types\.h)", "Arm's CMSIS-DSP library",
       "add CMSIS-DSP's Include folder and the sources the model calls (INCLUDE_DIRS, SOURCES)"},
  };
  std::vector<vendor_header> out;
  static const std::regex kInclude(R"(^\s*#\s*include\s*[<"]([^>"]+)[>"])");
  std::istringstream lines(text);
  std::string line;
  while (std::getline(lines, line)) {
    std::smatch m;
    if (!std::regex_search(line, m, kInclude)) continue;
    const std::string inc = m[1];
    const std::string leaf = inc.substr(inc.find_last_of('/') == std::string::npos ? 0 : inc.find_last_of('/') + 1);
    for (const auto &k : kKnown)
      if (std::regex_match(leaf, std::regex(k.pattern))) {
        out.push_back({inc, k.vendor, k.supply, path});
        break;
      }
  }
  return out;
}

}  // namespace tvmcrt::import
