// SPDX-License-Identifier: Apache-2.0
// tvmcrt-linksim — a fault-injecting serial link for tests and benchmarks (README.md).
//
// Host side: a TCP listener on 127.0.0.1 (--listen PORT; 0 picks a free one) or a pty (--pty). Device
// side: a TCP connection (--connect [HOST:]PORT; tvmcrt-device --tcp, QEMU -serial tcp:...,server) or a
// tty/pty path (--device PATH). Every byte goes through one Direction per way (impair.hpp). The first
// stdout line is the listening port or the pty path; counters go to stdout as JSON (--json) or to
// stderr as text when the program ends (SIGTERM, SIGINT, --once), and to --stats-file after every
// connection.
#include <arpa/inet.h>
#include <fcntl.h>
#include <netdb.h>
#include <netinet/in.h>
#include <netinet/tcp.h>
#include <poll.h>
#include <signal.h>
#include <sys/socket.h>
#include <termios.h>
#include <unistd.h>

#include <cerrno>
#include <chrono>
#include <cstdio>
#include <cstring>
#include <fstream>
#include <string>
#include <thread>
#include <vector>

#include "impair.hpp"
#include "options.hpp"

namespace {

volatile sig_atomic_t g_stop = 0;
void on_signal(int) { g_stop = 1; }

double now_s() {
  return std::chrono::duration<double>(std::chrono::steady_clock::now().time_since_epoch()).count();
}

void set_nonblocking(int fd) { fcntl(fd, F_SETFL, fcntl(fd, F_GETFL) | O_NONBLOCK); }

void make_raw(int fd) {
  termios t{};
  if (tcgetattr(fd, &t) != 0) return;  // a socket or a pipe: nothing to set
  cfmakeraw(&t);
  tcsetattr(fd, TCSANOW, &t);
}

int listen_tcp(int port) {
  int fd = socket(AF_INET, SOCK_STREAM | SOCK_CLOEXEC, 0);
  int one = 1;
  setsockopt(fd, SOL_SOCKET, SO_REUSEADDR, &one, sizeof one);
  sockaddr_in a{};
  a.sin_family = AF_INET;
  a.sin_port = htons(static_cast<std::uint16_t>(port));
  a.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
  socklen_t len = sizeof a;
  if (bind(fd, reinterpret_cast<sockaddr *>(&a), sizeof a) != 0 || listen(fd, 4) != 0 ||
      getsockname(fd, reinterpret_cast<sockaddr *>(&a), &len) != 0) {
    std::fprintf(stderr, "tvmcrt-linksim: cannot listen on 127.0.0.1:%d: %s\n", port, std::strerror(errno));
    std::exit(2);
  }
  std::printf("%u\n", static_cast<unsigned>(ntohs(a.sin_port)));
  std::fflush(stdout);
  return fd;
}

int open_host_pty() {
  int fd = posix_openpt(O_RDWR | O_NOCTTY);
  if (fd < 0 || grantpt(fd) != 0 || unlockpt(fd) != 0) {
    std::perror("tvmcrt-linksim: cannot create a pty");
    std::exit(2);
  }
  make_raw(fd);
  std::printf("%s\n", ptsname(fd));
  std::fflush(stdout);
  return fd;
}

// One attempt; -1 when the device is not there (yet).
int open_device(const linksim::Options &o) {
  int fd = -1;
  if (!o.device_path.empty()) {
    fd = open(o.device_path.c_str(), O_RDWR | O_NOCTTY | O_CLOEXEC);
    if (fd >= 0) make_raw(fd);
  } else {
    addrinfo hints{}, *res = nullptr;
    hints.ai_socktype = SOCK_STREAM;
    if (getaddrinfo(o.connect_host.c_str(), std::to_string(o.connect_port).c_str(), &hints, &res) != 0) return -1;
    fd = socket(res->ai_family, SOCK_STREAM | SOCK_CLOEXEC, 0);
    if (fd >= 0 && connect(fd, res->ai_addr, res->ai_addrlen) != 0) {
      close(fd);
      fd = -1;
    }
    freeaddrinfo(res);
    int one = 1;
    if (fd >= 0) setsockopt(fd, IPPROTO_TCP, TCP_NODELAY, &one, sizeof one);
  }
  if (fd >= 0) set_nonblocking(fd);
  return fd;
}

// Retries for up to timeout_s (a device or QEMU still starting).
int open_device_retrying(const linksim::Options &o, double timeout_s) {
  const double end = now_s() + timeout_s;
  for (;;) {
    int fd = open_device(o);
    if (fd >= 0 || now_s() >= end || g_stop) return fd;
    std::this_thread::sleep_for(std::chrono::milliseconds(50));
  }
}

// One way of the pump: bytes read from `from`, impaired, written to `to` when due.
struct Way {
  linksim::Direction dir;
  std::vector<std::uint8_t> out;  // due bytes not yet written
  static constexpr std::size_t kMaxQueued = 1 << 20;

  bool wants_read() const { return dir.queued() + out.size() < kMaxQueued; }
  // Reads what is there; false at EOF or on an error (the peer is gone).
  bool read_from(int fd) {
    std::uint8_t buf[4096];
    ssize_t n = read(fd, buf, sizeof buf);
    if (n > 0) dir.push(buf, static_cast<std::size_t>(n), now_s());
    // Linux turns quick ACKs off again after a while; a peer writing a frame in pieces without
    // TCP_NODELAY (tvmcrt-device) would then wait ~40 ms per piece for our delayed ACK.
    int one = 1;
    setsockopt(fd, IPPROTO_TCP, TCP_QUICKACK, &one, sizeof one);  // fails harmlessly on ttys
    return n > 0 || (n < 0 && (errno == EAGAIN || errno == EINTR));
  }
  // Writes every due byte it can; false when the peer is gone.
  bool write_to(int fd) {
    dir.take_due(now_s(), out);
    if (out.empty()) return true;
    ssize_t n = write(fd, out.data(), out.size());
    if (n > 0) {
      dir.count_written(static_cast<std::size_t>(n));
      out.erase(out.begin(), out.begin() + n);
    }
    return n >= 0 || errno == EAGAIN || errno == EINTR;
  }
  void lose() {
    dir.discard();
    dir.count_lost(out.size());
    out.clear();
  }
};

struct Sim {
  linksim::Options o;
  Way up, down;  // host -> device, device -> host
  int listener = -1, host = -1, dev = -1;
  bool host_is_pty = false;
  unsigned connections = 0, device_reconnects = 0;
  bool device_seen = false;  // a device connection was open before (the next one is a reconnect)

  explicit Sim(const linksim::Options &opt)
      : o(opt), up{linksim::Direction(opt.up, opt.seed * 2 + 1), {}},
        down{linksim::Direction(opt.down, opt.seed * 2 + 2), {}} {}

  std::string json() const {
    return "{\"seed\": " + std::to_string(o.seed) + ", \"connections\": " + std::to_string(connections) +
           ", \"device_reconnects\": " + std::to_string(device_reconnects) + ", \"up\": " + up.dir.counters().json() +
           ", \"down\": " + down.dir.counters().json() + "}";
  }
  void write_stats_file() const {
    if (o.stats_file.empty()) return;
    std::ofstream f(o.stats_file + ".tmp");
    f << json() << "\n";
    f.close();
    std::rename((o.stats_file + ".tmp").c_str(), o.stats_file.c_str());
  }

  void close_device() {
    if (dev >= 0) close(dev);
    dev = -1;
    up.lose();
  }
  void end_connection() {
    close_device();
    if (!host_is_pty && host >= 0) close(host);
    if (!host_is_pty) host = -1;
    down.lose();
    write_stats_file();
  }

  // The device side went away: reconnect behind the host's back (a board reset behind a USB-serial
  // adapter) or end the connection after the host got what was already on its way.
  void device_gone() {
    close_device();
    if (o.reconnect || host_is_pty) return;  // poll() retries
    while (host >= 0 && (down.dir.queued() || !down.out.empty()) && !g_stop) {
      if (!down.write_to(host)) break;
      std::this_thread::sleep_for(std::chrono::milliseconds(1));
    }
    end_connection();
  }

  int run();
};

int Sim::run() {
  if (o.host_pty) {
    host = open_host_pty();
    host_is_pty = true;
    connections = 1;
  } else {
    listener = listen_tcp(o.listen_port);
  }
  double next_retry = 0;
  while (!g_stop) {
    const double t = now_s();
    if (host >= 0 && dev < 0 && t >= next_retry) {
      dev = open_device(o);
      if (dev >= 0 && device_seen) ++device_reconnects;
      device_seen = device_seen || dev >= 0;
      next_retry = t + 0.05;
    }
    std::vector<pollfd> fds;
    if (host < 0) fds.push_back({listener, POLLIN, 0});
    if (host >= 0) {
      short ev = (dev >= 0 && up.wants_read()) || dev < 0 ? POLLIN : 0;
      if (!down.out.empty()) ev |= POLLOUT;
      fds.push_back({host, ev, 0});
    }
    if (dev >= 0) fds.push_back({dev, static_cast<short>((down.wants_read() ? POLLIN : 0) |
                                                         (up.out.empty() ? 0 : POLLOUT)), 0});
    double wake = 0.2;
    for (const Way *w : {&up, &down})
      if (w->dir.next_due() >= 0) wake = std::min(wake, std::max(0.0, w->dir.next_due() - t));
    if (host >= 0 && dev < 0) wake = std::min(wake, 0.05);
    poll(fds.data(), fds.size(), static_cast<int>(wake * 1000 + 0.999));
    for (const pollfd &p : fds) {
      if (p.fd == listener && (p.revents & POLLIN)) {
        host = accept(listener, nullptr, nullptr);
        if (host < 0) continue;
        set_nonblocking(host);
        int one = 1;
        setsockopt(host, IPPROTO_TCP, TCP_NODELAY, &one, sizeof one);
        ++connections;
        dev = open_device_retrying(o, o.connect_timeout_s);
        device_seen = dev >= 0;  // reconnects are counted from here on
        if (dev < 0) {
          std::fprintf(stderr, "tvmcrt-linksim: no device at %s; closing the host's connection\n",
                       o.device_name().c_str());
          end_connection();
        }
      } else if (p.fd == host && p.revents) {
        if (p.revents & (POLLIN | POLLHUP | POLLERR)) {
          if (dev < 0) {  // nobody to send to: read and lose (the board is resetting)
            std::uint8_t sink[4096];
            ssize_t n = read(host, sink, sizeof sink);
            if (n > 0) up.dir.count_lost(static_cast<std::size_t>(n));
            const bool gone = n == 0 || (n < 0 && errno != EAGAIN && errno != EINTR);
            if (gone && host_is_pty) std::this_thread::sleep_for(std::chrono::milliseconds(20));  // no reader yet
            else if (gone) end_connection();
          } else if (!up.read_from(host)) {
            if (host_is_pty) std::this_thread::sleep_for(std::chrono::milliseconds(20));  // no reader yet
            else end_connection();
          }
        }
      } else if (p.fd == dev && p.revents && dev >= 0) {
        if ((p.revents & (POLLIN | POLLHUP | POLLERR)) && !down.read_from(dev)) device_gone();
      }
    }
    if (dev >= 0 && !up.write_to(dev)) device_gone();
    if (host >= 0 && !down.write_to(host) && !host_is_pty) end_connection();
    if (o.once && connections > 0 && host < 0) break;
  }
  if (host >= 0 || dev >= 0) end_connection();
  write_stats_file();
  return 0;
}

}  // namespace

int main(int argc, char **argv) {
  linksim::Options o;
  if (int rc = linksim::parse_options(argc, argv, o); rc >= 0) return rc;
  struct sigaction sa {};
  sa.sa_handler = on_signal;
  sigaction(SIGTERM, &sa, nullptr);
  sigaction(SIGINT, &sa, nullptr);
  signal(SIGPIPE, SIG_IGN);
  Sim sim(o);
  const int rc = sim.run();
  if (o.json) {
    std::printf("%s\n", sim.json().c_str());
    std::fflush(stdout);
  } else {
    std::fprintf(stderr, "tvmcrt-linksim: %s\n", sim.json().c_str());
  }
  return rc;
}
