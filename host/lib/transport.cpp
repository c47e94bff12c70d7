// SPDX-License-Identifier: Apache-2.0
#include "transport.hpp"

#include <fcntl.h>
#include <netinet/in.h>
#include <netinet/tcp.h>
#include <sys/file.h>
#include <sys/ioctl.h>
#include <sys/stat.h>
#include <termios.h>
#include <unistd.h>

#include <cerrno>
#include <chrono>
#include <cstring>
#include <type_traits>

#include <boost/asio/connect.hpp>
#include <boost/asio/ip/tcp.hpp>
#include <boost/asio/posix/stream_descriptor.hpp>

#include "emulator.hpp"
#include "error.hpp"
#include "rfc2217.hpp"
#include "serial_baud.hpp"
#include "serial_ports.hpp"

namespace tvmcrt::host {
namespace asio = boost::asio;

namespace {

// Conservative socket throughput for timeouts: the emulated STM32 UART takes ~17 KB/s host→device.
constexpr double kSocketBytesPerSecond = 16000.0;

// One adapter for every asio stream type (posix::stream_descriptor, ip::tcp::socket).
template <typename Stream>
class StreamTransport final : public Transport {
 public:
  StreamTransport(Stream s, std::string name, double bps) : Transport(std::move(name), bps), s_(std::move(s)) {}
  ~StreamTransport() override { close(); }
  void async_read_some(asio::mutable_buffer buf, Handler h) override {
    if constexpr (std::is_same_v<Stream, asio::ip::tcp::socket>) {
      // ACK at once: a device that writes a frame in pieces without TCP_NODELAY would otherwise
      // hold each response's tail until our delayed ACK (~40 ms per request). Linux clears the
      // flag as it acts on it, so it is set again for every read.
      int one = 1;
      (void)setsockopt(s_.native_handle(), IPPROTO_TCP, TCP_QUICKACK, &one, sizeof one);
    }
    s_.async_read_some(buf, std::move(h));
  }
  void async_write_some(asio::const_buffer buf, Handler h) override { s_.async_write_some(buf, std::move(h)); }
  void close() override {
    boost::system::error_code ignored;
    s_.close(ignored);
  }

 private:
  Stream s_;
};

[[noreturn]] void port_error(const std::string &port, const std::string &what) {
  throw Error(ErrorClass::transport, "port " + port + ": " + what);
}

// The termios constant of a standard rate; 0 for any other (set through termios2, serial_baud.hpp).
speed_t baud_constant(std::uint32_t baud) {
  switch (baud) {
    case 9600: return B9600;
    case 19200: return B19200;
    case 38400: return B38400;
    case 57600: return B57600;
    case 115200: return B115200;
    case 230400: return B230400;
    case 460800: return B460800;
    case 500000: return B500000;
    case 576000: return B576000;
    case 921600: return B921600;
    case 1000000: return B1000000;
    case 1152000: return B1152000;
    case 1500000: return B1500000;
    case 2000000: return B2000000;
    case 3000000: return B3000000;
    case 4000000: return B4000000;
    default: return 0;
  }
}

// A usage error before the port is touched: 300 baud to 12 Mbaud covers every UART and USB bridge.
void check_baud(std::uint32_t baud) {
  if (baud < 300 || baud > 12000000)
    throw Error(ErrorClass::usage, "baud rate " + std::to_string(baud) +
                                       " is out of range: give 300 to 12000000 (115200 is the firmware's default)");
}

// Raw 8N1 at `baud`. Ptys and some USB-serial drivers refuse parts of this (speed on a pty means
// nothing): failures of tcsetattr are tolerated, the line simply stays as it is.
void configure_line(int fd, std::uint32_t baud) {
  termios tio{};
  if (tcgetattr(fd, &tio) != 0) return;
  cfmakeraw(&tio);
  tio.c_cflag &= ~static_cast<tcflag_t>(CSTOPB | PARENB | CRTSCTS | CSIZE);
  tio.c_cflag |= CS8 | CLOCAL | CREAD;
  tio.c_iflag &= ~static_cast<tcflag_t>(IXON | IXOFF | IXANY);
  tio.c_cc[VMIN] = 1;
  tio.c_cc[VTIME] = 0;
  const speed_t standard = baud_constant(baud);
  if (standard != 0) {
    cfsetispeed(&tio, standard);
    cfsetospeed(&tio, standard);
  }
  (void)tcsetattr(fd, TCSANOW, &tio);
  if (standard == 0) {  // 250000, 1200000, ...: whatever the driver can divide down to
    const std::string why = set_any_baud(fd, baud);
    if (!why.empty() && isatty(fd)) throw Error(ErrorClass::transport, why + "; pick a rate the adapter supports");
  }
  (void)tcflush(fd, TCIFLUSH);  // stale bytes from before we opened would only cost a resync
}

int open_serial_fd(const std::string &path, std::uint32_t baud) {
  check_baud(baud);
  const int fd = ::open(path.c_str(), O_RDWR | O_NOCTTY | O_NONBLOCK | O_CLOEXEC);
  if (fd < 0) {
    const int e = errno;
    if (e == ENOENT)
      port_error(path, "no such device; check the name and the cable (ls /dev/ttyACM* /dev/ttyUSB*), or use "
                       "socket://HOST:PORT for a TCP port");
    if (e == EACCES || e == EPERM)
      port_error(path, "permission denied; add your user to the 'dialout' group (sudo usermod -aG dialout "
                       "$USER, then log in again) or fix the device's permissions");
    if (e == EBUSY) port_error(path, "busy: another program holds it exclusively (find it with: fuser " + path + ")");
    port_error(path, std::string("cannot open: ") + std::strerror(e));
  }
  struct stat st {};
  if (fstat(fd, &st) == 0 && !S_ISCHR(st.st_mode)) {
    ::close(fd);
    port_error(path, "not a serial device (not a character device); pass a tty such as /dev/ttyACM0");
  }
  // flock also stops root, which TIOCEXCL does not; it is what other serial tools check too.
  if (flock(fd, LOCK_EX | LOCK_NB) != 0) {
    ::close(fd);
    port_error(path, "busy: another program has it open (find it with: fuser " + path +
                         "); close that program (a terminal, another tvmcrt-host, ModemManager) and retry");
  }
  if (!isatty(fd)) {
    ::close(fd);
    port_error(path, "not a serial device (not a tty); pass a tty such as /dev/ttyACM0");
  }
  (void)ioctl(fd, TIOCEXCL);  // keep other non-root openers out while we run
  configure_line(fd, baud);
  return fd;
}

asio::ip::tcp::socket connect_tcp(asio::io_context &io, const PortSpec &spec, const std::string &port,
                                  const TransportOptions &opt) {
  asio::ip::tcp::socket sock(io);
  asio::ip::tcp::resolver resolver(io);
  boost::system::error_code ec = asio::error::would_block;
  asio::ip::tcp::resolver::results_type endpoints = resolver.resolve(spec.host, std::to_string(spec.tcp_port), ec);
  if (ec) port_error(port, "cannot resolve host '" + spec.host + "': " + ec.message());
  ec = asio::error::would_block;
  asio::async_connect(sock, endpoints, [&](const boost::system::error_code &e, const auto &) { ec = e; });
  if (io.stopped()) io.restart();
  io.run_for(std::chrono::milliseconds(static_cast<long>(opt.connect_timeout_s * 1000)));
  if (ec == asio::error::would_block) {
    sock.close();
    io.restart();
    io.poll();  // let the cancelled connect complete before `ec` goes out of scope
    throw Error(ErrorClass::timeout, "port " + port + ": TCP connect timed out after " +
                                         std::to_string(opt.connect_timeout_s) + " s; is the host reachable?");
  }
  if (ec == asio::error::connection_refused)
    port_error(port, "connection refused: nothing listens on " + spec.host + ":" + std::to_string(spec.tcp_port) +
                         "; start the device (tvmcrt-device --tcp PORT, QEMU -serial tcp:...,server, ser2net) first");
  if (ec) port_error(port, "cannot connect: " + ec.message());
  sock.set_option(asio::ip::tcp::no_delay(true));  // frames are small and latency-bound
  return sock;
}

}  // namespace

PortSpec parse_port(const std::string &port) {
  PortSpec spec;
  if (port.empty()) throw Error(ErrorClass::usage, "empty port; pass --port /dev/ttyACM0 or socket://HOST:PORT");
  const std::size_t scheme_end = port.find("://");
  if (scheme_end == std::string::npos) {
    if (port == "qemu" || port.rfind("qemu:", 0) == 0) {
      spec.kind = PortSpec::Kind::emulator;
      spec.path = port.size() > 5 ? port.substr(5) : "";  // the firmware image, "" = the default one
      return spec;
    }
    spec.kind = PortSpec::Kind::serial;
    spec.path = port;
    if (port.rfind("usb:", 0) == 0 || port.rfind("serial:", 0) == 0) {
      spec.selector = true;  // a port chosen by what it is; resolved when opened
      return spec;
    }
    // PORT:BAUD, as ST's runner and other tools take it ("/dev/ttyACM0:921600").
    const std::size_t colon = port.rfind(':');
    if (colon != std::string::npos && colon > 0 && colon + 1 < port.size() && colon + 9 > port.size() &&
        port.find_first_not_of("0123456789", colon + 1) == std::string::npos) {
      spec.path = port.substr(0, colon);
      spec.baud = static_cast<std::uint32_t>(std::stoul(port.substr(colon + 1)));
    }
    return spec;
  }
  const std::string scheme = port.substr(0, scheme_end);
  const std::string rest = port.substr(scheme_end + 3);
  if (scheme != "socket" && scheme != "rfc2217")
    throw Error(ErrorClass::usage, "port " + port + ": unsupported scheme '" + scheme +
                                       "://'; use a device path (/dev/ttyACM0), socket://HOST:PORT or "
                                       "rfc2217://HOST:PORT");
  const std::size_t colon = rest.rfind(':');
  if (colon == std::string::npos || colon == 0 || colon + 1 == rest.size())
    throw Error(ErrorClass::usage, "port " + port + ": expected " + scheme + "://HOST:PORT, e.g. " + scheme +
                                       "://localhost:5555");
  spec.kind = scheme == "socket" ? PortSpec::Kind::tcp : PortSpec::Kind::rfc2217;
  spec.host = rest.substr(0, colon);
  if (spec.host.size() > 2 && spec.host.front() == '[' && spec.host.back() == ']')  // [::1]
    spec.host = spec.host.substr(1, spec.host.size() - 2);
  const std::string num = rest.substr(colon + 1);
  unsigned long v = 0;
  for (char c : num) {
    if (c < '0' || c > '9' || (v = v * 10 + static_cast<unsigned long>(c - '0')) > 65535)
      throw Error(ErrorClass::usage, "port " + port + ": '" + num + "' is not a TCP port number (1-65535)");
  }
  if (v == 0) throw Error(ErrorClass::usage, "port " + port + ": TCP port 0 is not connectable");
  spec.tcp_port = static_cast<std::uint16_t>(v);
  return spec;
}

std::unique_ptr<Transport> open_transport(asio::io_context &io, const std::string &port, const TransportOptions &opt) {
  const PortSpec spec = parse_port(port);
  switch (spec.kind) {
    case PortSpec::Kind::serial: {
      const std::uint32_t baud = spec.baud.value_or(opt.baud);
      const std::string path = spec.selector ? resolve_port_selector(spec.path) : spec.path;
      const int fd = open_serial_fd(path, baud);
      // Named as given, and the device it chose: "usb:0483:374b (/dev/ttyACM0)".
      return transport_from_fd(io, fd, spec.selector ? port + " (" + path + ")" : port, baud / 10.0);
    }
    case PortSpec::Kind::tcp:
      return std::make_unique<StreamTransport<asio::ip::tcp::socket>>(connect_tcp(io, spec, port, opt), port,
                                                                      kSocketBytesPerSecond);
    case PortSpec::Kind::rfc2217: {
      check_baud(opt.baud);  // the same rates as a local port
      return make_rfc2217_transport(connect_tcp(io, spec, port, opt), port, opt.baud);
    }
    case PortSpec::Kind::emulator: {
      // Named after the image it boots, so every output says which one ran.
      const std::string image = spec.path.empty() ? default_firmware_image() : spec.path;
      return open_emulator(io, image.empty() ? port : "qemu:" + image, image, opt);
    }
  }
  throw Error(ErrorClass::usage, "port " + port + ": unknown kind of port");
}

std::unique_ptr<Transport> transport_from_fd(asio::io_context &io, int fd, const std::string &name,
                                             double bytes_per_second) {
  return std::make_unique<StreamTransport<asio::posix::stream_descriptor>>(asio::posix::stream_descriptor(io, fd),
                                                                           name, bytes_per_second);
}

}  // namespace tvmcrt::host
