// SPDX-License-Identifier: Apache-2.0
// import_cli.hpp — runs tvmcrt-import on private copies of the fixtures, for the tests of its
// command line (import_errors_test.cpp, import_layout_test.cpp).
#pragma once

#include <gtest/gtest.h>
#include <sys/wait.h>

#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>

namespace fs = std::filesystem;

namespace import_cli {

struct result {
  int code;
  std::string text;
};

inline result run_tool(const std::string &args) {
  const std::string cmd = std::string(TVMCRT_IMPORT_TOOL) + " " + args + " 2>&1";
  FILE *p = popen(cmd.c_str(), "r");
  if (!p) return {-1, "popen failed"};
  std::string out;
  char buf[512];
  size_t n;
  while ((n = fread(buf, 1, sizeof buf, p)) > 0) out.append(buf, n);
  int status = pclose(p);
  return {WIFEXITED(status) ? WEXITSTATUS(status) : -1, out};
}

inline std::string slurp(const fs::path &p) {
  std::ifstream f(p);
  std::stringstream ss;
  ss << f.rdbuf();
  return ss.str();
}

inline void spit(const fs::path &p, const std::string &text) { std::ofstream(p) << text; }

class ImportCli : public ::testing::Test {
 protected:
  // A private copy of fixture `name` to break.
  fs::path copy_fixture(const std::string &name) {
    const auto *info = ::testing::UnitTest::GetInstance()->current_test_info();
    dir_ = fs::path(::testing::TempDir()) / ("tvmcrt_import_" + std::string(info->name()));
    fs::remove_all(dir_);
    fs::create_directories(dir_);
    fs::copy(fs::path(TVMCRT_IMPORT_FIXTURES) / name, dir_ / "mlf", fs::copy_options::recursive);
    return dir_ / "mlf";
  }
  // Replaces `from` (which must occur) by `to` in `file`.
  void edit(const fs::path &file, const std::string &from, const std::string &to) {
    std::string text = slurp(file);
    size_t at = text.find(from);
    ASSERT_NE(at, std::string::npos) << from << " not in " << file;
    spit(file, text.replace(at, from.size(), to));
  }
  result import(const fs::path &mlf, const std::string &extra = "") {
    return run_tool(mlf.string() + " --out-dir " + (dir_ / "out").string() + " " + extra);
  }
  fs::path dir_;
};

}  // namespace import_cli

using import_cli::ImportCli;
using import_cli::slurp;
using import_cli::spit;
using import_cli::run_tool;

#define EXPECT_IMPORT_FAILS(res, want_code, ...)                                                  \
  do {                                                                                            \
    EXPECT_EQ((res).code, want_code) << (res).text;                                               \
    for (const char *s : {__VA_ARGS__})                                                           \
      EXPECT_NE((res).text.find(s), std::string::npos) << "missing: " << s << "\n" << (res).text; \
  } while (0)

