// SPDX-License-Identifier: Apache-2.0
// errors.cpp — import_error formatting and the name helpers every reader shares.
#include <cctype>

#include "model.hpp"

namespace tvmcrt::import {

import_error::import_error(exit_code code, const std::string &where, const std::string &problem,
                           const std::string &fix)
    : std::runtime_error(where + ": " + problem + "\n  fix: " + fix), code_(code) {}

std::string sanitize_name(const std::string &name) {
  std::string out = name;
  for (char &c : out)
    if (!std::isalnum(static_cast<unsigned char>(c))) c = '_';
  return out;
}

std::string to_upper(std::string s) {
  for (char &c : s) c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
  return s;
}

bool is_c_identifier(const std::string &s) {
  if (s.empty() || std::isdigit(static_cast<unsigned char>(s[0]))) return false;
  for (char c : s)
    if (!std::isalnum(static_cast<unsigned char>(c)) && c != '_') return false;
  return true;
}

}  // namespace tvmcrt::import
