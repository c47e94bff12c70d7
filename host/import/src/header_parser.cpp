// SPDX-License-Identifier: Apache-2.0
// header_parser.cpp — see header_parser.hpp.
#include "header_parser.hpp"

#include <algorithm>
#include <fstream>
#include <regex>
#include <sstream>

#include "model.hpp"

namespace tvmcrt::import {

std::string read_text_file(const std::string &path) {
  std::ifstream in(path, std::ios::binary);
  if (!in)
    throw import_error(exit_code::input_missing, path, "cannot open the file",
                       "check the path; an MLF .tar must be unpacked first (tvmcrt_add_model() does that)");
  std::ostringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

std::string strip_c_comments(const std::string &text) {
  std::string out = text;
  size_t i = 0;
  while (i < out.size()) {
    if (out.compare(i, 2, "/*") == 0) {
      size_t end = out.find("*/", i + 2);
      end = end == std::string::npos ? out.size() : end + 2;
      for (size_t k = i; k < end; ++k)
        if (out[k] != '\n') out[k] = ' ';
      i = end;
    } else if (out.compare(i, 2, "//") == 0) {
      while (i < out.size() && out[i] != '\n') out[i++] = ' ';
    } else if (out[i] == '"') {  // do not treat "//" inside a string as a comment
      for (++i; i < out.size() && out[i] != '"' && out[i] != '\n'; ++i)
        if (out[i] == '\\') ++i;
      ++i;
    } else {
      ++i;
    }
  }
  return out;
}

namespace {

size_t line_of(const std::string &text, size_t offset) {
  return 1 + static_cast<size_t>(std::count(text.begin(), text.begin() + static_cast<long>(offset), '\n'));
}

std::string trim(const std::string &s) {
  size_t b = s.find_first_not_of(" \t\r\n");
  if (b == std::string::npos) return "";
  return s.substr(b, s.find_last_not_of(" \t\r\n") - b + 1);
}

void parse_macros(const std::string &text, header_info &info) {
  static const std::regex kDefine(R"(^\s*#\s*define\s+([A-Za-z_]\w*)\s+\(?\s*([0-9]+)[uUlL]*\s*\)?\s*$)");
  static const std::regex kName(R"(^\s*#\s*define\s+([A-Za-z_]\w*))");
  std::istringstream lines(text);
  std::string line;
  std::smatch m;
  while (std::getline(lines, line)) {
    if (!line.empty() && line.back() == '\r') line.pop_back();
    if (std::regex_match(line, m, kDefine)) info.macros[m[1]] = std::stoull(m[2]);
    if (std::regex_search(line, m, kName)) info.defined.insert(m[1]);
  }
}

// Members of `struct tvmgen_<cname>_<suffix> { void* a; void* b; };`. Returns false if absent.
bool parse_struct(const std::string &text, const std::string &path, const std::string &cname,
                  const std::string &suffix, std::vector<std::string> &members) {
  const std::regex head("struct\\s+tvmgen_" + cname + "_" + suffix + "\\s*\\{");
  std::smatch m;
  if (!std::regex_search(text, m, head)) return false;
  size_t body = static_cast<size_t>(m.position(0) + m.length(0));
  size_t close = text.find('}', body);
  if (close == std::string::npos)
    throw import_error(exit_code::header_invalid, path + ":" + std::to_string(line_of(text, body)),
                       "struct tvmgen_" + cname + "_" + suffix + " is not closed",
                       "use the tvmgen_" + cname + ".h TVM generated, unedited");
  static const std::regex kMember(R"(^void\s*\*\s*(\w+)$)");
  size_t pos = body;
  while (pos < close) {
    size_t semi = text.find(';', pos);
    if (semi == std::string::npos || semi > close) semi = close;
    std::string decl = trim(text.substr(pos, semi - pos));
    std::smatch mm;
    if (!decl.empty()) {
      if (!std::regex_match(decl, mm, kMember))
        throw import_error(
            exit_code::header_invalid,
            path + ":" + std::to_string(line_of(text, pos + text.substr(pos).find_first_not_of(" \t\r\n"))),
            "member '" + decl + "' of struct tvmgen_" + cname + "_" + suffix +
                " is not of the form 'void* <name>;'",
            "use the tvmgen_" + cname + ".h TVM generated, unedited");
      members.push_back(mm[1]);
    }
    pos = semi + 1;
  }
  return true;
}

void parse_run(const std::string &text, const std::string &path, const std::string &cname,
               header_info &info) {
  const std::regex proto("int32_t\\s+tvmgen_" + cname + "_run\\s*\\(([^)]*)\\)\\s*;");
  std::smatch m;
  if (!std::regex_search(text, m, proto))
    throw import_error(exit_code::header_invalid, path,
                       "no prototype 'int32_t tvmgen_" + cname + "_run(...);' found",
                       "pass the header TVM generated with --interface-api=c for module '" + cname +
                           "' (the file name must be tvmgen_<module>.h)");
  const std::string params = m[1];
  const std::regex param("^struct\\s+tvmgen_" + cname +
                         "_(inputs|outputs|workspace_pools|devices)\\s*\\*\\s*[A-Za-z_]\\w*$");
  std::istringstream ss(params);
  std::string item;
  while (std::getline(ss, item, ',')) {
    std::smatch pm;
    std::string p = trim(item);
    if (!std::regex_match(p, pm, param))
      throw import_error(exit_code::header_invalid,
                         path + ":" + std::to_string(line_of(text, static_cast<size_t>(m.position(0)))),
                         "parameter '" + p + "' of tvmgen_" + cname + "_run is not one of the " +
                             "structs inputs/outputs/workspace_pools/devices",
                         "use the tvmgen_" + cname + ".h TVM generated, unedited");
    info.run_params.push_back(pm[1]);
  }
}

}  // namespace

header_info parse_header(const std::string &path, const std::string &cname) {
  header_info info;
  info.path = path;
  const std::string raw = read_text_file(path);
  const std::string text = strip_c_comments(raw);
  parse_macros(text, info);
  parse_run(text, path, cname, info);
  info.maps_io_to_pools = text.find("tvmgen_" + cname + "_map_inputs") != std::string::npos;

  struct wanted {
    const char *suffix;
    std::vector<std::string> *into;
  } const structs[] = {{"inputs", &info.inputs},
                       {"outputs", &info.outputs},
                       {"workspace_pools", &info.pools},
                       {"devices", &info.devices}};
  for (const auto &w : structs) {
    bool found = parse_struct(text, path, cname, w.suffix, *w.into);
    bool needed =
        std::find(info.run_params.begin(), info.run_params.end(), w.suffix) != info.run_params.end();
    if (needed && !found)
      throw import_error(exit_code::header_invalid, path,
                         "tvmgen_" + cname + "_run takes struct tvmgen_" + cname + "_" + w.suffix +
                             " but the header does not define it",
                         "use the tvmgen_" + cname + ".h TVM generated, unedited");
  }
  return info;
}

}  // namespace tvmcrt::import
