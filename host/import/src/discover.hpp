// SPDX-License-Identifier: Apache-2.0
// discover.hpp — finds one model's files in a folder laid out any way people publish TVM output:
// an MLF (<dir>/codegen/host/{include,src}), <dir>/{include,src}, <dir>/inc + <dir>/src,
// <dir>/host/..., the sources beside the header, metadata.json in another folder.
//
// What makes a file part of model <m> is its content, not its path:
//   header    a tvmgen_<m>.h that declares tvmgen_<m>_run()
//   sources   *.c/*.cc/*.cpp that define a function named tvmgen_<m>_* (lib0 defines the run
//             function, lib1.. the operators, BYOC files their tvmgen_<m>_<backend>_* kernels)
//   objects   *.o whose symbol table holds a tvmgen_<m>_* name (an llvm target's codegen/host/lib)
//   metadata  a metadata.json that is TVM's ("version" with "modules" or "model_name")
// Everything else (the application, TVM's CRT in runtime/, templates) is left alone.
// cmake/TvmcrtModel.cmake finds the same files by the same rules at configure time and passes them
// explicitly (--header/--source/--object), so a build compiles what the import read.
#pragma once

#include <string>
#include <vector>

namespace tvmcrt::import {

struct found_files {
  std::string module;                // name in the code: tvmgen_<module>_run
  std::string header;                // tvmgen_<module>.h
  std::vector<std::string> sources;  // sorted
  std::vector<std::string> objects;  // sorted
  std::string metadata;              // empty: none found
  std::string relay;                 // empty: none found
};

struct discover_request {
  std::string dir;
  std::string module;    // --module: which model, when the folder holds several
  std::string name;      // --name: picks the model of that name if there is one
  std::string metadata;  // --metadata FILE; empty: look for one
  // Given by CMake (then nothing is searched for): the files it compiles.
  std::string header;
  std::vector<std::string> sources, objects;
};

// Throws import_error (input_missing, usage, run_missing) naming what was looked for and found.
found_files discover(const discover_request &req);

// True when `text` (comments stripped) defines a function whose name starts with `prefix` (is
// `prefix`, when `exact`).
bool defines_function_with_prefix(const std::string &text, const std::string &prefix, bool exact = false);

}  // namespace tvmcrt::import
