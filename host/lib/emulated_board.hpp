// SPDX-License-Identifier: Apache-2.0
// emulated_board.hpp — how to boot a firmware image under QEMU: what the image says about itself
// (its .tvmcrt.board section) and the one QEMU command line built from it. tvmcrt-host's emulated
// port and `tvmcrt-host emulator` (which scripts/qemu-board runs) both use this; nothing else
// builds a QEMU command, so every variable below means the same everywhere.
//
// Environment (docs/cli.md, "The emulated board"):
//   TVMCRT_QEMU       the QEMU binary (default qemu-system-arm)
//   TVMCRT_QEMU_ARGS  extra arguments, split at spaces, appended last; one that sets -icount
//                     replaces the default below
//   TVMCRT_QEMU_ICOUNT=0  run without instruction counting (times then follow the host's load)
// By default QEMU runs with `-icount shift=0`: the guest clock advances 1 ns per instruction, so
// on-device times repeat from run to run (11,046 us every time instead of 46..215 ms), and say what
// the code costs in instructions rather than what the host machine was doing.
#pragma once

#include <string>
#include <vector>

namespace tvmcrt::host {

struct EmulatedBoard {
  std::string board = "netduinoplus2";    // the board the image was built for
  std::string machine = "netduinoplus2";  // QEMU -M
  unsigned serial = 0;                    // which -serial option carries the host's UART
  std::vector<std::string> args;          // extra QEMU arguments the board needs
  bool described = false;                 // the image carried a .tvmcrt.board section
  // Address of the port's boot noise (symbol tvmcrt_cm_boot_noise, device/ports/cortex_m), 0 if
  // none: the launcher puts random bytes there, RAM's power-up noise, so that boots differ.
  std::uint32_t boot_noise_addr = 0;
};

// Reads the NON-allocated section `.tvmcrt.board` of an ARM ELF image: NUL-terminated ASCII lines
// "key=value" with keys board, qemu_machine, qemu_serial (0..5), qemu_args; unknown keys are
// ignored (newer images). An image without the section is the default above. Also finds the boot
// record's address in the image's symbol table. Throws Error(usage)
// naming the file when it is not a 32-bit little-endian ARM ELF or the section is malformed.
EmulatedBoard read_emulated_board(const std::string &elf);

struct EmulatorCommand {
  std::vector<std::string> argv;  // argv[0] is the QEMU binary
  EmulatedBoard board;
  bool icount = false;            // guest time is instruction-counted (repeatable)
  // For outputs next to any time: "emulated (QEMU netduinoplus2, -icount shift=0: 1 ns per
  // instruction)", or the note that times follow the host's load.
  std::string time_note() const;
};

// The command that boots `elf` with the host UART on `serial_backend` (a QEMU chardev such as
// "tcp:127.0.0.1:4000,server=on,wait=on,nodelay=on"); the UARTs before it get "null". With an empty
// serial_backend, the command runs an on-target test with semihosting instead (exit code = the
// firmware's exit()). Reads the environment above.
EmulatorCommand emulator_command(const std::string &elf, const std::string &serial_backend);

}  // namespace tvmcrt::host
