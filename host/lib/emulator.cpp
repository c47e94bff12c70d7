#include "emulator.hpp"

#include <fcntl.h>
#include <signal.h>
#include <spawn.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cerrno>
#include <chrono>
#include <cstdlib>
#include <cstring>
#include <fstream>
#include <sstream>
#include <thread>
#include <vector>

#include <boost/asio/ip/tcp.hpp>

#include "error.hpp"

extern char **environ;

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
  EmulatorTransport(asio::ip::tcp::socket s, std::unique_ptr<QemuProcess> qemu, std::string name)
      : Transport(std::move(name), kEmulatorBytesPerSecond), s_(std::move(s)), qemu_(std::move(qemu)) {}
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

 private:
  asio::ip::tcp::socket s_;
  std::unique_ptr<QemuProcess> qemu_;
};

std::uint16_t free_loopback_port(asio::io_context &io) {
  asio::ip::tcp::acceptor a(io, asio::ip::tcp::endpoint(asio::ip::address_v4::loopback(), 0));
  return a.local_endpoint().port();
}

[[noreturn]] void fail(const std::string &name, ErrorClass cls, const std::string &what) {
  throw Error(cls, "port " + name + ": " + what);
}

std::unique_ptr<QemuProcess> spawn_qemu(const std::string &name, const std::string &firmware, std::uint16_t port) {
  const char *env_qemu = std::getenv("TVMCRT_QEMU");
  const std::string qemu = env_qemu != nullptr && *env_qemu != '\0' ? env_qemu : "qemu-system-arm";
  const std::string serial =
      "tcp:127.0.0.1:" + std::to_string(port) + ",server=on,wait=on,nodelay=on";  // nodelay: no 40 ms ACK waits
  std::vector<std::string> args = {qemu,     "-M",       "netduinoplus2", "-kernel", firmware, "-display",
                                   "none",   "-monitor", "none",          "-nodefaults", "-serial", serial};
  std::vector<char *> argv;
  for (auto &a : args) argv.push_back(a.data());
  argv.push_back(nullptr);

  char log_template[] = "/tmp/tvmcrt-qemu-XXXXXX";
  const int log_fd = ::mkstemp(log_template);
  posix_spawn_file_actions_t actions;
  posix_spawn_file_actions_init(&actions);
  posix_spawn_file_actions_addopen(&actions, STDIN_FILENO, "/dev/null", O_RDONLY, 0);
  posix_spawn_file_actions_addopen(&actions, STDOUT_FILENO, "/dev/null", O_WRONLY, 0);
  if (log_fd >= 0) posix_spawn_file_actions_adddup2(&actions, log_fd, STDERR_FILENO);
  pid_t pid = -1;
  const int rc = ::posix_spawnp(&pid, qemu.c_str(), &actions, nullptr, argv.data(), environ);
  posix_spawn_file_actions_destroy(&actions);
  if (log_fd >= 0) ::close(log_fd);
  if (rc != 0) {
    if (log_fd >= 0) ::unlink(log_template);
    fail(name, ErrorClass::transport,
         "cannot start " + qemu + ": " + std::strerror(rc) + "; install qemu-system-arm (scripts/setup) or set TVMCRT_QEMU");
  }
  return std::make_unique<QemuProcess>(pid, log_fd >= 0 ? log_template : "");
}

}  // namespace

std::string default_firmware_image() {
  const char *env = std::getenv("TVMCRT_FIRMWARE");
  if (env != nullptr && *env != '\0') return env;
#ifdef TVMCRT_DEFAULT_FIRMWARE
  return TVMCRT_DEFAULT_FIRMWARE;
#else
  return "";
#endif
}

std::unique_ptr<Transport> open_emulator(asio::io_context &io, const std::string &name, const std::string &firmware,
                                         const TransportOptions &opt) {
  struct stat st {};
  if (firmware.empty() || ::stat(firmware.c_str(), &st) != 0 || !S_ISREG(st.st_mode))
    fail(name, ErrorClass::usage,
         "no firmware image for the emulator" + (firmware.empty() ? std::string() : " at " + firmware) +
             "; build it (scripts/test or cmake --build build), pass --port qemu:PATH/tvmcrt-fw.elf or set "
             "TVMCRT_FIRMWARE, or name your hardware with --port /dev/ttyACM0");
  // QEMU runs any bytes it is given and dies with a register dump: refuse what is not an ARM ELF.
  char head[20] = {};
  std::ifstream(firmware, std::ios::binary).read(head, sizeof head);
  if (std::memcmp(head, "\x7f" "ELF", 4) != 0 || head[18] != 40 /* EM_ARM */ || head[19] != 0)
    fail(name, ErrorClass::usage,
         firmware + " is not an ARM ELF image; pass the firmware tvmcrt builds (build/firmware/tvmcrt-fw.elf) "
                    "or your own STM32F4 image with the tvmcrt agent");
  const std::uint16_t port = free_loopback_port(io);
  auto qemu = spawn_qemu(name, firmware, port);

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
      return std::make_unique<EmulatorTransport>(std::move(sock), std::move(qemu), name);
    }
    if (qemu->exited())
      fail(name, ErrorClass::transport,
           "qemu-system-arm stopped before the board came up: " + qemu->log_text() + " (is " + firmware +
               " an STM32F4 image built by tvmcrt?)");
    if (std::chrono::steady_clock::now() > deadline)
      fail(name, ErrorClass::timeout, "the emulator did not open its serial port within " +
                                          std::to_string(opt.connect_timeout_s * 2) + " s");
    std::this_thread::sleep_for(std::chrono::milliseconds(20));
  }
}

}  // namespace tvmcrt::host
