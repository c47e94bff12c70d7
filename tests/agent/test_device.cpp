// SPDX-License-Identifier: Apache-2.0
// test_device.cpp — tvmcrt-device (built with the test model table) over a real pty, TCP and stdio: start
// it, open the path it prints, speak Hello / WriteInput / Execute / ReadOutput, then check that it
// exits cleanly on hang-up (--once) and on SIGTERM.
#include <arpa/inet.h>
#include <fcntl.h>
#include <netinet/in.h>
#include <poll.h>
#include <sys/socket.h>
#include <signal.h>
#include <spawn.h>
#include <sys/wait.h>
#include <termios.h>
#include <unistd.h>

#include <gtest/gtest.h>

#include <chrono>
#include <string>

#include "error_text.hpp"
#include "tvmcrt_agent_errors.h"
#include "wire_util.hpp"

extern char **environ;

namespace {

namespace pb = tvmcrt::wire;
using wire_util::Bytes;
using wire_util::Frame;

// A running tvmcrt-device-test; killed (SIGKILL, by pid) if a test leaves it running.
class Device {
 public:
  explicit Device(const std::vector<std::string> &args, int stdin_fd = -1) {
    int out[2];
    EXPECT_EQ(pipe2(out, O_CLOEXEC), 0);
    posix_spawn_file_actions_t fa;
    posix_spawn_file_actions_init(&fa);
    posix_spawn_file_actions_adddup2(&fa, out[1], 1);
    posix_spawn_file_actions_addclose(&fa, out[0]);
    if (stdin_fd >= 0) posix_spawn_file_actions_adddup2(&fa, stdin_fd, 0);
    std::vector<char *> argv;
    std::string bin = TVMCRT_DEVICE_TEST_BIN;
    argv.push_back(bin.data());
    std::vector<std::string> copy = args;
    for (auto &a : copy) argv.push_back(a.data());
    argv.push_back(nullptr);
    EXPECT_EQ(posix_spawn(&pid_, bin.c_str(), &fa, nullptr, argv.data(), environ), 0);
    posix_spawn_file_actions_destroy(&fa);
    close(out[1]);
    stdout_fd_ = out[0];
  }
  ~Device() {
    if (pid_ > 0) {
      kill(pid_, SIGKILL);
      waitpid(pid_, nullptr, 0);
    }
    if (stdout_fd_ >= 0) close(stdout_fd_);
  }
  // First line of stdout, waiting up to 5 s.
  std::string first_line() {
    std::string line;
    char c;
    auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(5);
    while (std::chrono::steady_clock::now() < deadline) {
      pollfd p = {stdout_fd_, POLLIN, 0};
      if (poll(&p, 1, 100) <= 0) continue;
      if (read(stdout_fd_, &c, 1) != 1 || c == '\n') break;
      line += c;
    }
    return line;
  }
  // Exit status, or -1 if still running after `ms`.
  int wait_exit(int ms) {
    for (int i = 0; i < ms / 10; i++) {
      int status = 0;
      if (waitpid(pid_, &status, WNOHANG) == pid_) {
        pid_ = -1;
        return WIFEXITED(status) ? WEXITSTATUS(status) : 128 + WTERMSIG(status);
      }
      usleep(10000);
    }
    return -1;
  }
  pid_t pid() const { return pid_; }

 private:
  pid_t pid_ = -1;
  int stdout_fd_ = -1;

 public:
  int stdout_fd() const { return stdout_fd_; }
};

class Link {
 public:
  explicit Link(int fd) : fd_(fd) {}
  explicit Link(const std::string &path) : fd_(open(path.c_str(), O_RDWR | O_NOCTTY)) {
    termios t;
    if (fd_ >= 0 && tcgetattr(fd_, &t) == 0) {
      cfmakeraw(&t);
      tcsetattr(fd_, TCSANOW, &t);
    }
  }
  ~Link() { close(); }
  void close() {
    if (fd_ >= 0) ::close(fd_);
    fd_ = -1;
  }
  bool ok() const { return fd_ >= 0; }
  void send(const Bytes &b) { ASSERT_EQ(write(fd_, b.data(), b.size()), static_cast<ssize_t>(b.size())); }
  // Next frame, waiting up to 5 s.
  bool next(Frame &f) {
    auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(5);
    while (pending_.empty() && std::chrono::steady_clock::now() < deadline) {
      pollfd p = {fd_, POLLIN, 0};
      if (poll(&p, 1, 100) <= 0) continue;
      uint8_t buf[4096];
      ssize_t n = read(fd_, buf, sizeof buf);
      if (n <= 0) return false;
      EXPECT_TRUE(reader_.push(buf, static_cast<size_t>(n), pending_));
    }
    if (pending_.empty()) return false;
    f = pending_.front();
    pending_.erase(pending_.begin());
    return true;
  }
  template <class Response>
  Response call(uint8_t type, uint16_t seq, const google::protobuf::Message &req) {
    send(wire_util::encode_frame(type, seq, req.SerializeAsString()));
    Frame f;
    Response r;
    while (next(f)) {
      if (f.type == pb::MESSAGE_TYPE_BOOT) continue;  // kept by the pty for its first reader
      EXPECT_EQ(f.type, type | 0x80);
      EXPECT_EQ(f.seq, seq);
      EXPECT_TRUE(r.ParseFromString(f.payload));
      return r;
    }
    ADD_FAILURE() << "no response to message type " << int(type);
    return r;
  }

 private:
  int fd_;
  wire_util::Reader reader_;
  std::vector<Frame> pending_;
};

TEST(AgentDevice, ServesAModelOverAPtyAndExitsOnHangUp) {
  Device dev({"--pty", "--once"});
  std::string path = dev.first_line();
  ASSERT_EQ(path.rfind("/dev/pts/", 0), 0u) << "first stdout line: '" << path << "'";
  Link link(path);
  ASSERT_TRUE(link.ok());

  pb::HelloRequest hello;
  hello.set_protocol_version(3);
  auto h = link.call<pb::HelloResponse>(pb::MESSAGE_TYPE_HELLO, 1, hello);
  EXPECT_EQ(h.status().code(), 0u) << tvmcrt::host::error_text(h.status().text());
  EXPECT_EQ(h.platform(), "posix");
  EXPECT_EQ(h.model_count(), 2u);
  EXPECT_NE(h.status().boot_id(), 0u);

  pb::WriteInputRequest w;
  w.set_model(0);
  w.set_data(std::string("\x10\x20\x30\x40\x50\x60\x70\x7e", 8));
  auto wr = link.call<pb::WriteInputResponse>(pb::MESSAGE_TYPE_WRITE_INPUT, 2, w);
  EXPECT_EQ(wr.received(), 8u) << tvmcrt::host::error_text(wr.status().text());

  pb::ExecuteRequest e;
  auto er = link.call<pb::ExecuteResponse>(pb::MESSAGE_TYPE_EXECUTE, 3, e);
  EXPECT_EQ(er.status().code(), 0u) << tvmcrt::host::error_text(er.status().text());
  EXPECT_EQ(er.status().boot_id(), h.status().boot_id());

  pb::ReadOutputRequest r;
  r.set_length(8);
  auto rr = link.call<pb::ReadOutputResponse>(pb::MESSAGE_TYPE_READ_OUTPUT, 4, r);
  EXPECT_EQ(rr.data(), std::string("\x11\x21\x31\x41\x51\x61\x71\x7f", 8));

  link.close();
  EXPECT_EQ(dev.wait_exit(5000), 0) << "--once: the device must exit when the peer hangs up";
}

pb::HelloRequest hello_v2() {
  pb::HelloRequest h;
  h.set_protocol_version(3);
  return h;
}

TEST(AgentDevice, ServesTcpOnAFreePortAndSendsBootToTheFirstClient) {
  Device dev({"--tcp", "0", "--once"});
  std::string port = dev.first_line();
  ASSERT_FALSE(port.empty());
  int fd = socket(AF_INET, SOCK_STREAM, 0);
  sockaddr_in addr{};
  addr.sin_family = AF_INET;
  addr.sin_port = htons(static_cast<uint16_t>(std::stoi(port)));
  addr.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
  ASSERT_EQ(connect(fd, reinterpret_cast<sockaddr *>(&addr), sizeof addr), 0) << port;
  Link link(fd);
  Frame boot;
  ASSERT_TRUE(link.next(boot));
  EXPECT_EQ(boot.type, pb::MESSAGE_TYPE_BOOT);
  auto h = link.call<pb::HelloResponse>(pb::MESSAGE_TYPE_HELLO, 1, hello_v2());
  EXPECT_EQ(h.status().code(), 0u);
  EXPECT_EQ(h.model_count(), 2u);
  link.close();
  EXPECT_EQ(dev.wait_exit(5000), 0);
}

TEST(AgentDevice, ServesStdioUntilEof) {
  int in[2];
  ASSERT_EQ(pipe2(in, O_CLOEXEC), 0);  // the child must not hold the write end open
  Device dev({"--stdio"}, in[0]);
  ::close(in[0]);
  Bytes req = wire_util::encode_frame(pb::MESSAGE_TYPE_HELLO, 9, hello_v2().SerializeAsString());
  ASSERT_EQ(write(in[1], req.data(), req.size()), static_cast<ssize_t>(req.size()));
  ::close(in[1]);  // EOF after the request: the device answers, then exits
  EXPECT_EQ(dev.wait_exit(5000), 0);
  Link out(dup(dev.stdout_fd()));
  Frame f;
  ASSERT_TRUE(out.next(f));
  EXPECT_EQ(f.type, pb::MESSAGE_TYPE_BOOT);
  ASSERT_TRUE(out.next(f));
  EXPECT_EQ(f.type, pb::MESSAGE_TYPE_HELLO | 0x80);
  EXPECT_EQ(f.seq, 9);
}

TEST(AgentDevice, ExitsCleanlyOnSigterm) {
  Device dev({"--pty"});
  ASSERT_EQ(dev.first_line().rfind("/dev/pts/", 0), 0u);
  kill(dev.pid(), SIGTERM);
  EXPECT_EQ(dev.wait_exit(5000), 0);
}

TEST(AgentDevice, RefusesBadArguments) {
  Device dev({"--serial"});
  EXPECT_EQ(dev.wait_exit(5000), 2);
}

}  // namespace
