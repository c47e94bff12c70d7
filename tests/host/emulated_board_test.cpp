// SPDX-License-Identifier: Apache-2.0
// The emulator launcher's inputs: an image's .tvmcrt.board section and the environment, turned into
// the one QEMU command line (host/lib/emulated_board.hpp). Images are written here byte by byte, a
// minimal ELF32 with the sections asked for, so these run without a cross compiler.
#include <gtest/gtest.h>
#include <stdlib.h>
#include <unistd.h>

#include <algorithm>
#include <cstdint>
#include <fstream>
#include <string>
#include <utility>
#include <vector>

#include "emulated_board.hpp"
#include "error.hpp"

using namespace tvmcrt::host;

namespace {

void put(std::string &b, std::size_t at, std::uint32_t v, int n) {
  for (int i = 0; i < n; ++i) b[at + i] = static_cast<char>((v >> (8 * i)) & 0xff);
}

// An ELF32 little-endian image for `machine` with the given (name, contents) sections.
std::string elf_image(const std::vector<std::pair<std::string, std::string>> &sections, std::uint16_t machine = 40) {
  std::string names(1, '\0');
  std::vector<std::uint32_t> name_at;
  for (const auto &s : sections) {
    name_at.push_back(static_cast<std::uint32_t>(names.size()));
    names += s.first + '\0';
  }
  const std::uint32_t shstrtab_name = static_cast<std::uint32_t>(names.size());
  names += std::string(".shstrtab") + '\0';
  std::string b(52, '\0');
  std::vector<std::pair<std::uint32_t, std::uint32_t>> where;  // offset, size
  for (const auto &s : sections) {
    where.push_back({static_cast<std::uint32_t>(b.size()), static_cast<std::uint32_t>(s.second.size())});
    b += s.second;
  }
  const std::uint32_t names_at = static_cast<std::uint32_t>(b.size());
  b += names;
  while (b.size() % 4) b += '\0';
  const std::uint32_t shoff = static_cast<std::uint32_t>(b.size());
  const std::size_t shnum = sections.size() + 2;  // null section, ours, .shstrtab
  b += std::string(40 * shnum, '\0');
  for (std::size_t i = 0; i < sections.size(); ++i) {
    const std::size_t h = shoff + 40 * (i + 1);
    put(b, h + 0, name_at[i], 4);
    put(b, h + 4, 1, 4);  // PROGBITS
    put(b, h + 16, where[i].first, 4);
    put(b, h + 20, where[i].second, 4);
  }
  const std::size_t h = shoff + 40 * (shnum - 1);
  put(b, h + 0, shstrtab_name, 4);
  put(b, h + 4, 3, 4);  // STRTAB
  put(b, h + 16, names_at, 4);
  put(b, h + 20, static_cast<std::uint32_t>(names.size()), 4);
  b.replace(0, 7, "\x7f" "ELF\x01\x01\x01");
  put(b, 16, 2, 2);  // ET_EXEC
  put(b, 18, machine, 2);
  put(b, 0x20, shoff, 4);
  put(b, 0x2e, 40, 2);
  put(b, 0x30, static_cast<std::uint32_t>(shnum), 2);
  put(b, 0x32, static_cast<std::uint32_t>(shnum - 1), 2);
  return b;
}

class EmulatedBoardTest : public ::testing::Test {
 protected:
  void SetUp() override {
    char dir[] = "/tmp/tvmcrt-emulated-board-XXXXXX";
    ASSERT_NE(::mkdtemp(dir), nullptr);
    dir_ = dir;
    for (const char *v : {"TVMCRT_QEMU", "TVMCRT_QEMU_ARGS", "TVMCRT_QEMU_ICOUNT"}) ::unsetenv(v);
  }
  void TearDown() override {
    for (const auto &f : files_) ::unlink(f.c_str());
    ::rmdir(dir_.c_str());
  }
  std::string write(const std::string &bytes) {
    files_.push_back(dir_ + "/image" + std::to_string(files_.size()) + ".elf");
    std::ofstream(files_.back(), std::ios::binary) << bytes;
    return files_.back();
  }
  std::string board_error(const std::string &bytes) {
    try {
      read_emulated_board(write(bytes));
    } catch (const Error &e) {
      EXPECT_EQ(e.error_class(), ErrorClass::usage);
      return e.what();
    }
    return "no error";
  }
  std::string dir_;
  std::vector<std::string> files_;
};

const std::string kMps2 = std::string("board=mps2_an386\nqemu_machine=mps2-an386\nqemu_serial=0\n") +
                          "qemu_args=-nic user,model=lan9118,restrict=on\n" + '\0';

std::vector<std::string> after(const std::vector<std::string> &argv, const std::string &flag) {
  std::vector<std::string> values;
  for (std::size_t i = 0; i + 1 < argv.size(); ++i)
    if (argv[i] == flag) values.push_back(argv[i + 1]);
  return values;
}

}  // namespace

TEST_F(EmulatedBoardTest, AnImageWithoutTheSectionBootsAsNetduinoplus2OnItsFirstUart) {
  const std::string elf = write(elf_image({{".text", std::string(16, '\x70')}}));
  const EmulatedBoard b = read_emulated_board(elf);
  EXPECT_FALSE(b.described);
  EXPECT_EQ(b.machine, "netduinoplus2");
  const EmulatorCommand c = emulator_command(elf, "tcp:127.0.0.1:5,server=on");
  EXPECT_EQ(c.argv[0], "qemu-system-arm");
  EXPECT_EQ(after(c.argv, "-M"), std::vector<std::string>{"netduinoplus2"});
  EXPECT_EQ(after(c.argv, "-kernel"), std::vector<std::string>{elf});
  EXPECT_EQ(after(c.argv, "-serial"), std::vector<std::string>{"tcp:127.0.0.1:5,server=on"});
  EXPECT_EQ(after(c.argv, "-icount"), std::vector<std::string>{"shift=0"});
  EXPECT_TRUE(c.icount);
  EXPECT_NE(c.time_note().find("-icount shift=0"), std::string::npos) << c.time_note();
}

TEST_F(EmulatedBoardTest, TheSectionNamesMachineUartAndExtraArguments) {
  const std::string elf = write(elf_image({{".text", "abcd"}, {".tvmcrt.board", kMps2}}));
  const EmulatorCommand c = emulator_command(elf, "tcp:x");
  EXPECT_TRUE(c.board.described);
  EXPECT_EQ(c.board.board, "mps2_an386");
  EXPECT_EQ(after(c.argv, "-M"), std::vector<std::string>{"mps2-an386"});
  EXPECT_EQ(after(c.argv, "-nic"), std::vector<std::string>{"user,model=lan9118,restrict=on"});

  // A board whose host link is its second UART (a Nucleo's USART2): the first gets "null".
  const std::string usart2 = write(elf_image({{".tvmcrt.board", "qemu_machine=netduinoplus2\nqemu_serial=1\nfuture_key=1\n"}}));
  EXPECT_EQ(after(emulator_command(usart2, "tcp:y").argv, "-serial"), (std::vector<std::string>{"null", "tcp:y"}));
}

TEST_F(EmulatedBoardTest, EnvironmentChoosesBinaryExtraArgumentsAndIcount) {
  const std::string elf = write(elf_image({}));
  ::setenv("TVMCRT_QEMU", "/opt/qemu/bin/qemu-system-arm", 1);
  ::setenv("TVMCRT_QEMU_ARGS", "-d guest_errors  -icount shift=2", 1);
  EmulatorCommand c = emulator_command(elf, "tcp:z");
  EXPECT_EQ(c.argv[0], "/opt/qemu/bin/qemu-system-arm");
  EXPECT_EQ(after(c.argv, "-icount"), std::vector<std::string>{"shift=2"});  // the user's replaces ours
  EXPECT_EQ(after(c.argv, "-d"), std::vector<std::string>{"guest_errors"});
  EXPECT_NE(c.time_note().find("-icount shift=2"), std::string::npos) << c.time_note();

  ::unsetenv("TVMCRT_QEMU_ARGS");
  ::setenv("TVMCRT_QEMU_ICOUNT", "0", 1);
  c = emulator_command(elf, "tcp:z");
  EXPECT_TRUE(after(c.argv, "-icount").empty());
  EXPECT_FALSE(c.icount);
  EXPECT_NE(c.time_note().find("without -icount"), std::string::npos) << c.time_note();

  ::setenv("TVMCRT_QEMU_ICOUNT", "yes", 1);
  try {
    emulator_command(elf, "tcp:z");
    FAIL() << "TVMCRT_QEMU_ICOUNT=yes accepted";
  } catch (const Error &e) {
    EXPECT_EQ(e.error_class(), ErrorClass::usage);
    EXPECT_NE(std::string(e.what()).find("TVMCRT_QEMU_ICOUNT=yes: give 1"), std::string::npos) << e.what();
  }
}

TEST_F(EmulatedBoardTest, SemihostingTestsGetNoHostUart) {
  const EmulatorCommand c = emulator_command(write(elf_image({})), "");
  EXPECT_EQ(after(c.argv, "-semihosting-config"), std::vector<std::string>{"enable=on,target=native"});
  EXPECT_EQ(after(c.argv, "-serial"), std::vector<std::string>{"null"});
}

TEST_F(EmulatedBoardTest, WhatIsNotABootableImageIsNamed) {
  EXPECT_NE(board_error("#!/bin/sh\necho hello\n").find("is not an ARM ELF image tvmcrt can boot: not an ELF file"),
            std::string::npos);
  EXPECT_NE(board_error(elf_image({}, 62 /* x86-64 */)).find("not a 32-bit little-endian ARM ELF image"),
            std::string::npos);
  std::string truncated = elf_image({{".tvmcrt.board", kMps2}});
  truncated.resize(truncated.size() - 60);
  EXPECT_NE(board_error(truncated).find("truncated ELF file"), std::string::npos) << board_error(truncated);
  EXPECT_NE(board_error(elf_image({{".tvmcrt.board", "qemu_serial=7\n"}})).find("qemu_serial=7 is not a UART index 0..5"),
            std::string::npos);
  EXPECT_NE(board_error(elf_image({{".tvmcrt.board", "just words\n"}})).find("line 'just words' is not key=value"),
            std::string::npos);
  EXPECT_NE(board_error(elf_image({{".tvmcrt.board", std::string(5000, 'a')}})).find("not a few lines"),
            std::string::npos);
}
