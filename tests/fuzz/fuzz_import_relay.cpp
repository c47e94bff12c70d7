// SPDX-License-Identifier: Apache-2.0
// fuzz_import_relay.cpp — libFuzzer target for tvmcrt-import's Relay signature reader
// (host/import/src/relay_parser.cpp). Input: the text of a Relay file. Checks, besides the sanitizers:
// bad text fails only with import_error(relay_invalid), whose message names the file and a line;
// what is accepted keeps its promises (output names cover the results; no results without a
// "-> type").
#include <cstdint>
#include <cstdlib>
#include <string>

#include "model.hpp"
#include "relay_parser.hpp"

using namespace tvmcrt::import;

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t *data, std::size_t size) {
  const std::string text(reinterpret_cast<const char *>(data), size);
  relay_signature sig;
  try {
    sig = parse_relay_main(text, "fuzz.relay");
  } catch (const import_error &e) {
    if (e.code() != exit_code::relay_invalid) std::abort();
    if (std::string(e.what()).rfind("fuzz.relay:", 0) != 0) std::abort();
    return 0;
  }
  if (!sig.has_results && !sig.results.empty()) std::abort();
  if (sig.has_results && !sig.output_names.empty() && sig.output_names.size() != sig.results.size()) std::abort();
  for (const auto &p : sig.params)
    for (int64_t d : p.shape)
      if (d < 0) std::abort();
  return 0;
}
