// SPDX-License-Identifier: Apache-2.0
#include "error_text.hpp"

#include <sstream>

#include "tvmcrt/tvmcrt_error_texts.h"
#include "tvmcrt_agent_texts.h"

namespace tvmcrt::host {

namespace {

#define TVMCRT_HOST_ROW_(row) TextRow{static_cast<std::uint32_t>(TVMCRT_TEXT_CODE(row)), TVMCRT_TEXT_ID(row), TVMCRT_TEXT_FMT(row)},

const TextRow *find_row(std::uint32_t number) {
  for (const TextRow &r : text_rows())
    if (TVMCRT_TEXT_NUMBER(r.id) == number) return &r;
  return nullptr;
}

std::string raw(const wire::ErrorText &e, const std::string &why) {
  std::ostringstream os;
  os << "error text " << TVMCRT_TEXT_NUMBER(e.text()) << " with numbers [";
  for (int i = 0; i < e.numbers_size(); ++i) os << (i ? ", " : "") << e.numbers(i);
  os << "] and strings [";
  for (int i = 0; i < e.strings_size(); ++i) os << (i ? ", '" : "'") << e.strings(i) << "'";
  os << "] (" << why << ": use a tvmcrt-host from the same tvmcrt release as the firmware)";
  return os.str();
}

}  // namespace

const std::vector<TextRow> &text_rows() {
  static const std::vector<TextRow> rows = {TVMCRT_AGENT_TEXTS(TVMCRT_HOST_ROW_) TVMCRT_RUNTIME_TEXTS(TVMCRT_HOST_ROW_)};
  return rows;
}

const char *request_name(std::uint32_t type) {
  static const char *const names[] = TVMCRT_AGENT_REQUEST_NAMES;
  return type < sizeof names / sizeof names[0] ? names[type] : "request";
}

// Mirrors TVMCrtTextFormat() (runtime/src/last_error.c), without its length limit.
std::string error_text(const wire::ErrorText &e) {
  if (e.text() == 0) return "";
  const TextRow *row = find_row(TVMCRT_TEXT_NUMBER(e.text()));
  if (!row) return raw(e, "this tvmcrt-host does not know that text");
  const std::uint32_t n = TVMCRT_TEXT_COUNT(row->id);
  int numbers = 0, strings = 0;
  for (std::uint32_t i = 0; i < n; ++i) (TVMCRT_TEXT_KIND(row->id, i) == TVMCRT_TEXT_KIND_S ? strings : numbers)++;
  if (row->id != e.text() || e.numbers_size() != numbers || e.strings_size() != strings)
    return raw(e, "its arguments differ from this tvmcrt-host's text " + std::to_string(TVMCRT_TEXT_NUMBER(e.text())));
  std::string out;
  std::uint32_t i = 0;
  int next_number = 0, next_string = 0;
  for (const char *f = row->format; *f; ++f) {
    if (*f != '%') {
      out += *f;
      continue;
    }
    if (!*++f) break;
    if (*f == '%' || i >= n) {
      out += '%';
      if (*f != '%') out += *f;
      continue;
    }
    const std::uint32_t kind = TVMCRT_TEXT_KIND(row->id, i);
    switch (*f) {
      case 's':
        out += kind == TVMCRT_TEXT_KIND_S ? e.strings(next_string++) : request_name(e.numbers(next_number++));
        break;
      case 'u': out += std::to_string(e.numbers(next_number++)); break;
      case 'd': out += std::to_string(static_cast<std::int32_t>(e.numbers(next_number++))); break;
      case 'x': {
        std::ostringstream hex;
        hex << std::hex << e.numbers(next_number++);
        out += hex.str();
        break;
      }
      default: out += '%'; out += *f; continue;
    }
    ++i;
  }
  return out;
}

}  // namespace tvmcrt::host
