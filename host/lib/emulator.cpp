// SPDX-License-Identifier: Apache-2.0
#include "emulator.hpp"

#include <dlfcn.h>
#include <fcntl.h>
#include <limits.h>
#include <signal.h>
#include <sys/prctl.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cerrno>
#include <chrono>
#include <cstdlib>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <thread>
#include <vector>

#include <boost/asio/ip/tcp.hpp>

#include "emulated_board.hpp"
#include "error.hpp"
#include "interrupt.hpp"

namespace tvmcrt::host {
namespace asio = boost::asio;

namespace {

// The emulated UART moves ~17 KB/s host→device: timeouts are sized for that.
constexpr double kEmulatorBytesPerSecond = 16000.0;

// A running QEMU: killed (SIGKILL, by its own pid: a QEMU blocked on a full socket ignores SIGTERM)
// and reaped when this object goes.
class QemuProcess {
 public:
  QemuProcess(pid_t pid, std::string log) : pid_(pid), log_(std::move(log)) {}
  QemuProcess(const QemuProcess &) = delete;
  QemuProcess &operator=(const QemuProcess &) = delete;
  ~QemuProcess() { stop(); }

  void stop() {
    if (pid_ > 0) {
      ::kill(pid_, SIGKILL);
      while (::waitpid(pid_, nullptr, 0) < 0 && errno == EINTR) {
      }
      pid_ = -1;
    }
    if (!log_.empty()) ::unlink(log_.c_str());
    log_.clear();
  }
  bool exited() {
    int status = 0;
    if (pid_ > 0 && ::waitpid(pid_, &status, WNOHANG) == pid_) {
      pid_ = -1;
      return true;
    }
    return pid_ <= 0;
  }
  // QEMU's error lines ("qemu: fatal: Lockup ...", "qemu-system-arm: could not load ..."), without
  // its "info:" chatter and the register dump that follows a fatal error.
  std::string log_text() const {
    std::ifstream in(log_);
    std::string line, text;
    while (std::getline(in, line)) {
      if (line.rfind("qemu", 0) != 0 || line.find(": info: ") != std::string::npos) continue;
      text += (text.empty() ? "" : "; ") + line;
    }
    return text;
  }

 private:
  pid_t pid_;
  std::string log_;
};

class EmulatorTransport final : public Transport {
 public:
  EmulatorTransport(asio::ip::tcp::socket s, std::unique_ptr<QemuProcess> qemu, std::string name,
                    std::string time_note)
      : Transport(std::move(name), kEmulatorBytesPerSecond),
        s_(std::move(s)),
        qemu_(std::move(qemu)),
        time_note_(std::move(time_note)) {}
  ~EmulatorTransport() override { close(); }
  void async_read_some(asio::mutable_buffer buf, Handler h) override { s_.async_read_some(buf, std::move(h)); }
  void async_write_some(asio::const_buffer buf, Handler h) override { s_.async_write_some(buf, std::move(h)); }
  void close() override {
    boost::system::error_code ignored;
    s_.close(ignored);
    if (qemu_) qemu_->stop();
  }
  std::string closed_reason() override {
    // QEMU closes the serial socket as it exits (an image it cannot load, a crash): give it a
    // moment to be reaped, then pass on what it printed.
    for (int i = 0; qemu_ && i < 50; ++i) {
      if (qemu_->exited()) {
        const std::string log = qemu_->log_text();
        return "qemu-system-arm stopped" + (log.empty() ? std::string() : ": " + log) + " (is the firmware image an "
                                                                                     "STM32F4 image built by tvmcrt?)";
      }
      std::this_thread::sleep_for(std::chrono::milliseconds(10));
    }
    return "";
  }
  std::string emulation_note() const override { return time_note_; }
  bool boots_on_open() const override { return true; }

 private:
  asio::ip::tcp::socket s_;
  std::unique_ptr<QemuProcess> qemu_;
  std::string time_note_;
};

std::uint16_t free_loopback_port(asio::io_context &io) {
  asio::ip::tcp::acceptor a(io, asio::ip::tcp::endpoint(asio::ip::address_v4::loopback(), 0));
  return a.local_endpoint().port();
}

[[noreturn]] void fail(const std::string &name, ErrorClass cls, const std::string &what) {
  throw Error(cls, "port " + name + ": " + what);
}

// Starts QEMU with fork + exec rather than posix_spawn, to set PR_SET_PDEATHSIG in the child: the
// kernel then kills QEMU when tvmcrt-host dies however it dies (SIGKILL, a crash, a signal it does
// not handle), so no emulator is left spinning under init. The destructor covers the normal paths.
std::unique_ptr<QemuProcess> spawn_qemu(const std::string &name, const std::vector<std::string> &args) {
  std::vector<char *> argv;
  for (const auto &a : args) argv.push_back(const_cast<char *>(a.c_str()));
  argv.push_back(nullptr);

  char log_template[] = "/tmp/tvmcrt-qemu-XXXXXX";
  const int log_fd = ::mkstemp(log_template);
  int ready[2];  // closed on exec; carries errno when exec fails
  if (::pipe2(ready, O_CLOEXEC) != 0) fail(name, ErrorClass::transport, std::string("pipe: ") + std::strerror(errno));
  const pid_t parent = ::getpid();
  const pid_t pid = ::fork();
  if (pid == 0) {
    ::prctl(PR_SET_PDEATHSIG, SIGKILL);
    if (::getppid() != parent) ::_exit(127);  // the parent died before prctl took effect
    ::setpgid(0, 0);  // a Ctrl-C at the terminal reaches tvmcrt-host, which stops QEMU itself
    const int null_in = ::open("/dev/null", O_RDONLY), null_out = ::open("/dev/null", O_WRONLY);
    ::dup2(null_in, STDIN_FILENO);
    ::dup2(null_out, STDOUT_FILENO);
    ::dup2(log_fd >= 0 ? log_fd : null_out, STDERR_FILENO);
    ::execvp(argv[0], argv.data());
    const int err = errno;
    (void)!::write(ready[1], &err, sizeof err);
    ::_exit(127);
  }
  const int fork_errno = errno;
  ::close(ready[1]);
  int exec_errno = 0;
  if (pid > 0 && ::read(ready[0], &exec_errno, sizeof exec_errno) != sizeof exec_errno) exec_errno = 0;
  ::close(ready[0]);
  if (log_fd >= 0) ::close(log_fd);
  if (pid < 0 || exec_errno != 0) {
    if (pid > 0) ::waitpid(pid, nullptr, 0);
    if (log_fd >= 0) ::unlink(log_template);
    fail(name, ErrorClass::transport,
         "cannot start " + args[0] + ": " + std::strerror(pid < 0 ? fork_errno : exec_errno) +
             "; install qemu-system-arm (scripts/setup) or set TVMCRT_QEMU");
  }
  return std::make_unique<QemuProcess>(pid, log_fd >= 0 ? log_template : "");
}

}  // namespace

std::string default_firmware_image() {
  const char *env = std::getenv("TVMCRT_FIRMWARE");
  if (env != nullptr && *env != '\0') return env;
  // Next to the binary this code is in (tvmcrt-host, or a program or Python module linking host/lib),
  // never a path compiled in: an installed tree must not point into the build tree it came from.
  // For the main program dladdr() gives the name it was started by ("tvmcrt-host", found on PATH):
  // then /proc/self/exe says where it is.
  Dl_info info{};
  char resolved[PATH_MAX];
  const bool named = ::dladdr(reinterpret_cast<void *>(&default_firmware_image), &info) != 0 &&
                     info.dli_fname != nullptr && std::strchr(info.dli_fname, '/') != nullptr &&
                     ::realpath(info.dli_fname, resolved) != nullptr;
  if (!named) {
    const ssize_t n = ::readlink("/proc/self/exe", resolved, sizeof resolved - 1);
    if (n <= 0) return "";
    resolved[n] = '\0';
  }
  const std::string dir = std::string(resolved).substr(0, std::string(resolved).rfind('/'));
  for (const char *rel : {"/../lib/tvmcrt/firmware/tvmcrt-fw.elf",    // an install: <prefix>/bin
                          "/../../firmware/tvmcrt-fw.elf",            // the build tree: <build>/host/cli
                          "/../firmware/tvmcrt-fw.elf"}) {
    const std::string candidate = std::filesystem::path(dir + rel).lexically_normal().string();
    if (::access(candidate.c_str(), R_OK) == 0) return candidate;
  }
  // Named in the error when it is missing.
  return std::filesystem::path(dir + "/../lib/tvmcrt/firmware/tvmcrt-fw.elf").lexically_normal().string();
}

std::unique_ptr<Transport> open_emulator(asio::io_context &io, const std::string &name, const std::string &firmware,
                                         const TransportOptions &opt) {
  struct stat st {};
  if (firmware.empty() || ::stat(firmware.c_str(), &st) != 0 || !S_ISREG(st.st_mode))
    fail(name, ErrorClass::usage,
         "no firmware image for the emulator" + (firmware.empty() ? std::string() : " at " + firmware) +
             "; build it (scripts/test or cmake --build build), pass --port qemu:PATH/tvmcrt-fw.elf or set "
             "TVMCRT_FIRMWARE, or name your hardware with --port /dev/ttyACM0");
  const std::uint16_t port = free_loopback_port(io);
  // nodelay: without it QEMU's one-byte writes meet the host's delayed ACKs (~40 ms per reply).
  // Reading the image's board section first also refuses what is not an ARM ELF (QEMU would run
  // any bytes it is given and die with a register dump).
  const EmulatorCommand cmd =
      emulator_command(firmware, "tcp:127.0.0.1:" + std::to_string(port) + ",server=on,wait=on,nodelay=on");
  auto qemu = spawn_qemu(name, cmd.argv);

  // QEMU listens a few hundred milliseconds after it starts; the firmware runs once we connect.
  const auto deadline =
      std::chrono::steady_clock::now() + std::chrono::milliseconds(static_cast<long>(opt.connect_timeout_s * 2000));
  const asio::ip::tcp::endpoint ep(asio::ip::address_v4::loopback(), port);
  for (;;) {
    asio::ip::tcp::socket sock(io);
    boost::system::error_code ec;
    sock.connect(ep, ec);
    if (!ec) {
      sock.set_option(asio::ip::tcp::no_delay(true), ec);
      return std::make_unique<EmulatorTransport>(std::move(sock), std::move(qemu), name, cmd.time_note());
    }
    if (qemu->exited())
      fail(name, ErrorClass::transport,
           "qemu-system-arm stopped before the board came up: " + qemu->log_text() + " (is " + firmware +
               " an STM32F4 image built by tvmcrt?)");
    if (std::chrono::steady_clock::now() > deadline)
      fail(name, ErrorClass::timeout, "the emulator did not open its serial port within " +
                                          std::to_string(opt.connect_timeout_s * 2) + " s");
    if (interrupt_signal() != 0) throw_if_interrupted(("while the emulator started for " + name).c_str());
    std::this_thread::sleep_for(std::chrono::milliseconds(20));
  }
}

}  // namespace tvmcrt::host
