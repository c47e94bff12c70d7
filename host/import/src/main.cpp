// SPDX-License-Identifier: Apache-2.0
// main.cpp — tvmcrt-import command line. Exit codes: model.hpp exit_code (0 ok, 2 usage, 3..14 per
// kind of input problem); every error goes to stderr as "tvmcrt-import: error: <where>: <problem>"
// followed by a "fix:" line.
#include <cstdlib>
#include <iostream>
#include <string>

#include <CLI/CLI.hpp>

#include "discover.hpp"
#include "emit.hpp"
#include "model.hpp"

using namespace tvmcrt::import;

namespace {

const char *kDescription =
    "tvmcrt-import - turn the files TVM wrote for one model into a tvmcrt model descriptor and header\n\n"
    "FOLDER: what TVM wrote for the model, in any layout (an unpacked MLF, codegen/host, include+src, ...).\n"
    "Writes tvmcrt_model_<name>.h, .c, _slots.h and _prelude.h (docs/model-header.md); --list-files prints\n"
    "the files it would read instead.";

[[noreturn]] void usage_error(const std::string &problem) {
  throw import_error(exit_code::usage, "command line", problem,
                     "usage: tvmcrt-import FOLDER --out-dir DIR [options] (tvmcrt-import --help lists them)");
}

// A byte count: a non-negative integer, a power of two where an alignment is meant.
CLI::Validator byte_count(bool power_of_two) {
  return CLI::Validator(
      [power_of_two](std::string &text) -> std::string {
        char *end = nullptr;
        const unsigned long long v = std::strtoull(text.c_str(), &end, 10);
        if (text.empty() || *end != '\0' || text[0] == '-') return "needs a non-negative integer, got '" + text + "'";
        if (power_of_two && (v == 0 || (v & (v - 1)) != 0)) return "must be a power of two, got '" + text + "'";
        return "";
      },
      power_of_two ? "POWER OF TWO" : "BYTES");
}

}  // namespace

int main(int argc, char **argv) {
  options o;
  bool list_files = false;
  CLI::App app{kDescription, "tvmcrt-import"};
  app.set_version_flag("--version", std::string("tvmcrt-import ") + TVMCRT_VERSION);
  app.add_option("folder", o.input_dir, "The model's folder (or any folder above it)");
  app.add_option("--out-dir", o.out_dir, "Where the generated files go (required unless --list-files)");
  app.add_option("--module", o.module, "Which model, when the folder holds several (tvmgen_<module>.h)");
  app.add_option("--name", o.name,
                 "The model's name in the image: picks the module of that name, else renames the folder's one "
                 "model (default: its module name)");
  app.add_option("--metadata", o.metadata, "A metadata.json outside the folder");
  app.add_option("--sidecar", o.sidecar, "JSON with the dtypes and shapes the output does not give (docs/model-header.md)");
  app.add_option("--workspace-slack", o.workspace_slack, "Bytes added to the stack workspace")->check(byte_count(false));
  app.add_option("--io-alignment", o.io_alignment, "Alignment of the I/O buffers, bytes")->check(byte_count(true));
  app.add_option("--pool-alignment", o.pool_alignment, "Alignment of the memory pools, bytes")->check(byte_count(true));
  app.add_flag("--profile", o.profile,
               "Also write tvmcrt_model_<name>_profile.c, the operator table for per-operator timing (docs/profile.md)");
  app.add_flag("--list-files", list_files, "Print the header, sources, objects, metadata and Relay text it would read");
  // The files cmake/TvmcrtModel.cmake found itself: the importer checks they are the ones it finds.
  app.add_option("--header", o.header)->group("");
  app.add_option("--source", o.sources)->group("");
  app.add_option("--object", o.objects)->group("");
  try {
    try {
      app.parse(argc, argv);
    } catch (const CLI::Success &e) {
      return app.exit(e);
    } catch (const CLI::ParseError &e) {
      usage_error(e.what());
    }
    if (o.input_dir.empty()) usage_error("no input folder given");
    if (o.out_dir.empty() && !list_files) usage_error("--out-dir is required");
    if (list_files) {
      const found_files f = discover({o.input_dir, o.module, o.name, o.metadata, o.header, o.sources, o.objects});
      std::cout << "module " << f.module << "\nheader " << f.header << "\n";
      for (const auto &s : f.sources) std::cout << "source " << s << "\n";
      for (const auto &s : f.objects) std::cout << "object " << s << "\n";
      if (!f.metadata.empty()) std::cout << "metadata " << f.metadata << "\n";
      if (!f.relay.empty()) std::cout << "relay " << f.relay << "\n";
      return 0;
    }
    const model m = import_model(o);
    for (const auto &n : m.notes) std::cerr << "tvmcrt-import: note: " << n << "\n";
    write_generated(m, emit_model(m, o.input_dir + " (" + m.source_note + ")"), o.out_dir);
    return 0;
  } catch (const import_error &e) {
    std::cerr << "tvmcrt-import: error: " << e.what() << "\n";
    return static_cast<int>(e.code());
  } catch (const std::exception &e) {
    std::cerr << "tvmcrt-import: internal error: " << e.what() << "\n";
    return 1;
  }
}
