// SPDX-License-Identifier: Apache-2.0
// tvmcrt-fake-device — the scripted fake device (fake_device.hpp) on a pty, for end-to-end tests of
// failures the real agent does not produce on demand. Prints the pty path as its first line and
// serves until killed.
//   tvmcrt-fake-device [--version N] [--model-fails] [--reboot-at REQUEST] [--silent]
//                      [--delay-ms MS] [--max-payload BYTES] [--window FRAMES]
#include <fcntl.h>
#include <unistd.h>

#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <termios.h>

#include "fake_device.hpp"

int main(int argc, char **argv) {
  tvmcrt::test::FakeScript s;
  for (int i = 1; i < argc; ++i) {
    const bool has_value = i + 1 < argc;
    if (!std::strcmp(argv[i], "--version") && has_value) s.protocol_version = static_cast<unsigned>(std::atoi(argv[++i]));
    else if (!std::strcmp(argv[i], "--reboot-at") && has_value) s.reboot_at = std::atoi(argv[++i]);
    else if (!std::strcmp(argv[i], "--delay-ms") && has_value) s.delay_ms = std::atoi(argv[++i]);
    else if (!std::strcmp(argv[i], "--max-payload") && has_value) s.max_payload = static_cast<unsigned>(std::atoi(argv[++i]));
    else if (!std::strcmp(argv[i], "--window") && has_value) s.window = static_cast<unsigned>(std::atoi(argv[++i]));
    else if (!std::strcmp(argv[i], "--model-fails")) s.model_fails = true;
    else if (!std::strcmp(argv[i], "--silent")) s.silent = true;
    else {
      std::fprintf(stderr, "usage: tvmcrt-fake-device [--version N] [--model-fails] [--reboot-at N] [--silent] "
                           "[--delay-ms MS] [--max-payload BYTES] [--window FRAMES]\n");
      return 2;
    }
  }
  const int fd = posix_openpt(O_RDWR | O_NOCTTY);
  termios t{};
  if (fd < 0 || grantpt(fd) || unlockpt(fd) || tcgetattr(fd, &t)) {
    std::perror("tvmcrt-fake-device: pty");
    return 2;
  }
  cfmakeraw(&t);
  tcsetattr(fd, TCSANOW, &t);
  std::printf("%s\n", ptsname(fd));
  std::fflush(stdout);
  tvmcrt::test::FakeDevice dev(fd, s);
  pause();  // until a signal ends the process
  return 0;
}
