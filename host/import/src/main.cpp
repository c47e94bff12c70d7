// main.cpp — tvmcrt-import command line. Exit codes: model.hpp exit_code (0 ok, 2 usage, 3..14 per
// kind of input problem); every error goes to stderr as "tvmcrt-import: error: <where>: <problem>"
// followed by a "fix:" line.
#include <cstdlib>
#include <iostream>
#include <string>

#include "discover.hpp"
#include "emit.hpp"
#include "model.hpp"

using namespace tvmcrt::import;

namespace {

const char *kUsage =
    "usage: tvmcrt-import <folder> --out-dir <dir> [--module <m>] [--name <name>]\n"
    "                     [--metadata <metadata.json>] [--sidecar <tensors.json>]\n"
    "                     [--workspace-slack <bytes>] [--io-alignment <bytes>] [--pool-alignment <bytes>]\n"
    "                     [--list-files]\n"
    "<folder>: what TVM wrote for the model, in any layout (an unpacked MLF, codegen/host, include+src, ...).\n"
    "--module picks the model when the folder holds several; --name is its name in the image (the\n"
    "model of that name if there is one, else the one model there renamed; default: its module name).\n"
    "Writes tvmcrt_model_<name>.h, .c, _slots.h and _prelude.h (docs/model-header.md); --list-files\n"
    "prints the files it would read instead.\n";

[[noreturn]] void usage_error(const std::string &problem) {
  throw import_error(exit_code::usage, "command line", problem,
                     "see the usage below\n" + std::string(kUsage));
}

uint64_t number(const std::string &flag, const std::string &text, bool power_of_two) {
  char *end = nullptr;
  unsigned long long v = std::strtoull(text.c_str(), &end, 10);
  if (text.empty() || *end != '\0' || text[0] == '-')
    usage_error(flag + " needs a non-negative integer, got '" + text + "'");
  if (power_of_two && (v == 0 || (v & (v - 1)) != 0))
    usage_error(flag + " must be a power of two, got " + text);
  return v;
}

bool list_files = false;

options parse_args(int argc, char **argv) {
  options o;
  for (int i = 1; i < argc; ++i) {
    std::string a = argv[i];
    auto value = [&]() -> std::string {
      if (i + 1 >= argc) usage_error(a + " needs a value");
      return argv[++i];
    };
    if (a == "--out-dir")
      o.out_dir = value();
    else if (a == "--name")
      o.name = value();
    else if (a == "--module")
      o.module = value();
    else if (a == "--metadata")
      o.metadata = value();
    else if (a == "--header")  // these three: the files cmake/TvmcrtModel.cmake compiles
      o.header = value();
    else if (a == "--source")
      o.sources.push_back(value());
    else if (a == "--object")
      o.objects.push_back(value());
    else if (a == "--list-files")
      list_files = true;
    else if (a == "--sidecar")
      o.sidecar = value();
    else if (a == "--workspace-slack")
      o.workspace_slack = number(a, value(), false);
    else if (a == "--io-alignment")
      o.io_alignment = number(a, value(), true);
    else if (a == "--pool-alignment")
      o.pool_alignment = number(a, value(), true);
    else if (a == "-h" || a == "--help") {
      std::cout << kUsage;
      std::exit(0);
    } else if (a.rfind("-", 0) == 0)
      usage_error("unknown option " + a);
    else if (o.input_dir.empty())
      o.input_dir = a;
    else
      usage_error("more than one input folder ('" + o.input_dir + "', '" + a + "')");
  }
  if (o.input_dir.empty()) usage_error("no input folder given");
  if (o.out_dir.empty() && !list_files) usage_error("--out-dir is required");
  return o;
}

}  // namespace

int main(int argc, char **argv) {
  try {
    const options o = parse_args(argc, argv);
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
