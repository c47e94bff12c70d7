// SPDX-License-Identifier: Apache-2.0
// relay_parser.cpp — a small recursive-descent reader for the types in a Relay main signature.
#include "relay_parser.hpp"

#include <algorithm>
#include <cctype>
#include <regex>

#include "header_parser.hpp"
#include "model.hpp"

namespace tvmcrt::import {

namespace {

class reader {
 public:
  reader(const std::string &text, const std::string &path) : s_(text), path_(path) {}

  [[noreturn]] void fail(const std::string &problem) const {
    size_t line = 1 + static_cast<size_t>(std::count(
                          s_.begin(), s_.begin() + static_cast<long>(std::min(i_, s_.size())), '\n'));
    throw import_error(exit_code::relay_invalid, path_ + ":" + std::to_string(line),
                       "main signature: " + problem,
                       "the import goes on without it; give the Relay text TVM exported unchanged, or "
                       "describe the tensors in a sidecar JSON (docs/model-header.md)");
  }

  void skip_ws() {
    while (i_ < s_.size() && std::isspace(static_cast<unsigned char>(s_[i_]))) ++i_;
  }
  bool accept(const std::string &tok) {
    skip_ws();
    if (i_ >= s_.size()) return false;
    if (s_.compare(i_, tok.size(), tok) != 0) return false;
    i_ += tok.size();
    return true;
  }
  void expect(const std::string &tok) {
    if (!accept(tok)) fail("expected '" + tok + "' near '" + s_.substr(i_, 24) + "'");
  }
  void seek(size_t pos) { i_ = pos; }
  size_t pos() const { return i_; }
  char peek() {
    skip_ws();
    return i_ < s_.size() ? s_[i_] : '\0';
  }

  std::string word() {
    skip_ws();
    size_t b = i_;
    while (i_ < s_.size() && (std::isalnum(static_cast<unsigned char>(s_[i_])) || s_[i_] == '_')) ++i_;
    if (b == i_) fail("expected a name near '" + s_.substr(b, 24) + "'");
    return s_.substr(b, i_ - b);
  }

  // `%name` up to the ':' that starts its type annotation; names such as `input:0` keep their colon.
  std::string param_name() {
    skip_ws();
    if (accept("\"")) {
      size_t end = s_.find('"', i_);
      if (end == std::string::npos) fail("unterminated quoted parameter name");
      std::string n = s_.substr(i_, end - i_);
      i_ = end + 1;
      expect(":");
      return n;
    }
    size_t b = i_;
    while (
        i_ < s_.size() &&
        !(s_[i_] == ':' && (i_ + 1 >= s_.size() || std::isspace(static_cast<unsigned char>(s_[i_ + 1])))) &&
        s_[i_] != ',' && s_[i_] != ')')
      ++i_;
    if (i_ >= s_.size() || s_[i_] != ':') fail("parameter %" + s_.substr(b, i_ - b) + " has no type");
    std::string n = s_.substr(b, i_ - b);
    ++i_;
    return n;
  }

  int64_t dim() {
    skip_ws();
    size_t b = i_;
    while (i_ < s_.size() && std::isdigit(static_cast<unsigned char>(s_[i_]))) ++i_;
    if (b == i_)
      fail("dimension '" + s_.substr(b, 8) + "' is not a number (dynamic shapes cannot run on tvmcrt)");
    if (i_ - b > 12) fail("dimension " + s_.substr(b, 24) + " is too large");
    int64_t v = std::stoll(s_.substr(b, i_ - b));
    accept("i64") || accept("i32");
    return v;
  }

  // Appends the tensors of one type, flattening tuples.
  void type(std::vector<relay_tensor> &out) {
    if (accept("(")) {
      if (accept(")")) return;
      do type(out);
      while (accept(","));
      expect(")");
      return;
    }
    std::string w = word();
    relay_tensor t;
    if (w == "Tensor") {
      expect("[");
      expect("(");
      if (!accept(")")) {
        do {
          if (peek() == ')') break;  // "(64,)"
          t.shape.push_back(dim());
        } while (accept(","));
        expect(")");
      }
      expect(",");
      t.dtype = word();
      expect("]");
    } else {
      t.dtype = w;  // a scalar prints as its bare dtype
    }
    out.push_back(t);
  }

  // Skips a function attribute (`output_tensor_names=["a", "b"]`) up to the next top-level ',' or ')'.
  // Returns the skipped text.
  std::string skip_attribute() {
    const size_t begin = i_;
    int depth = 0;
    for (; i_ < s_.size(); ++i_) {
      char c = s_[i_];
      if (c == '"') {
        size_t end = s_.find('"', i_ + 1);
        if (end == std::string::npos) fail("unterminated string in an attribute of main");
        i_ = end;
      } else if (c == '(' || c == '[' || c == '{') {
        ++depth;
      } else if ((c == ')' || c == ']' || c == '}') && depth > 0) {
        --depth;
      } else if ((c == ',' || c == ')') && depth == 0) {
        break;
      }
    }
    return s_.substr(begin, i_ - begin);
  }

 private:
  const std::string &s_;
  const std::string &path_;
  size_t i_ = 0;
};

}  // namespace

relay_signature parse_relay_main(const std::string &text, const std::string &path) {
  const std::string clean = strip_c_comments(text);
  reader r(clean, path);
  std::smatch m;
  static const std::regex kMain(R"(def\s+@main\s*\()");
  static const std::regex kFn(R"(\bfn\s*\()");
  if (!std::regex_search(clean, m, kMain) && !std::regex_search(clean, m, kFn))
    r.fail("no 'def @main(' or 'fn (' found");
  r.seek(static_cast<size_t>(m.position(0) + m.length(0)));

  relay_signature sig;
  if (!r.accept(")")) {
    do {
      if (r.accept("%")) {
        relay_tensor t;
        std::string name = r.param_name();
        std::vector<relay_tensor> ts;
        r.type(ts);
        if (ts.size() != 1) r.fail("parameter %" + name + " is a tuple; tvmcrt needs one tensor per input");
        ts[0].name = name;
        sig.params.push_back(ts[0]);
      } else {
        // output_tensor_names=["a", "b"] names the flattened results (TVM uses them in the header).
        static const std::regex kNames(R"(^output_tensor_names\s*=\s*\[(.*)\]\s*$)");
        static const std::regex kQuoted(R"re("([^"]*)")re");
        std::smatch nm;
        const std::string attr = r.skip_attribute();
        if (std::regex_match(attr, nm, kNames)) {
          const std::string list = nm[1];
          for (auto it = std::sregex_iterator(list.begin(), list.end(), kQuoted);
               it != std::sregex_iterator(); ++it)
            sig.output_names.push_back((*it)[1]);
        }
      }
    } while (r.accept(","));
    r.expect(")");
  }
  // Older TVM prints no return type ("def @main(%x: ...) {"): the outputs then come from
  // metadata.json, the header and the code.
  if (r.peek() == '{') return sig;
  r.expect("->");
  r.type(sig.results);
  sig.has_results = true;
  if (!sig.output_names.empty()) {
    if (sig.output_names.size() != sig.results.size())
      r.fail("output_tensor_names has " + std::to_string(sig.output_names.size()) +
             " names but main returns " + std::to_string(sig.results.size()) + " tensors");
    for (size_t i = 0; i < sig.results.size(); ++i) sig.results[i].name = sig.output_names[i];
  }
  return sig;
}

}  // namespace tvmcrt::import
