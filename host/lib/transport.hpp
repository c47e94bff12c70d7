// SPDX-License-Identifier: Apache-2.0
// transport.hpp — a byte stream to a device: a serial port (or pty) or a TCP socket, chosen by a
// pyserial-style port string. All I/O is asynchronous on the caller's io_context; the link layer
// (link.hpp) keeps a read pending at all times and drives the context with timeouts.
//
// open_transport() is the ONE place that maps port strings to transports: add new kinds (the
// emulator launcher for "qemu", rfc2217://) there.
#pragma once

#include <cstdint>
#include <functional>
#include <memory>
#include <optional>
#include <string>

#include <boost/asio/buffer.hpp>
#include <boost/asio/io_context.hpp>

namespace tvmcrt::host {

struct PortSpec {
  enum class Kind { serial, tcp, rfc2217, emulator };
  Kind kind = Kind::serial;
  std::string path;  // serial: device path (or a usb:/serial: selector, see serial_ports.hpp)
  bool selector = false;             // path is "usb:VID:PID[:SERIAL]" or "serial:SERIAL"
  std::optional<std::uint32_t> baud;  // from PORT:BAUD; overrides TransportOptions::baud
  std::string host;  // tcp, rfc2217
  std::uint16_t tcp_port = 0;
};

// "/dev/ttyACM0" and ptys → serial ("/dev/ttyACM0:921600" with its baud rate; "usb:0483:374b" or
// "serial:066DFF..." for the one port that is that adapter); "socket://host:port" → tcp; "rfc2217://host:port" → a remote
// serial port (RFC 2217, e.g. ser2net); "qemu" → the emulated board booting the default firmware
// image, "qemu:PATH.elf" → booting that image (path in PortSpec::path). Throws Error(usage) for malformed or
// unsupported strings ("socket://host", "ftp://...").
PortSpec parse_port(const std::string &port);

struct TransportOptions {
  std::uint32_t baud = 115200;     // serial ports (local and rfc2217); 8N1, no flow control
  double connect_timeout_s = 3.0;  // TCP connect
};

class Transport {
 public:
  using Handler = std::function<void(const boost::system::error_code &, std::size_t)>;
  virtual ~Transport() = default;
  // Same contract as asio's AsyncReadStream/AsyncWriteStream *_some: may transfer fewer bytes.
  virtual void async_read_some(boost::asio::mutable_buffer buf, Handler h) = 0;
  virtual void async_write_some(boost::asio::const_buffer buf, Handler h) = 0;
  virtual void close() = 0;
  // What the transport knows about why the link closed beyond the socket's error (the emulator:
  // QEMU's own message when it stopped); "" when nothing.
  virtual std::string closed_reason() { return ""; }
  // For the emulated board that tvmcrt-host booted: what its times are ("emulated on QEMU
  // netduinoplus2 with -icount shift=0 ..."); "" for a real port.
  virtual std::string emulation_note() const { return ""; }
  // True when opening the port started the device (the emulator boots its firmware as we
  // connect): the device announces itself with a Boot frame, and a request sent before that can
  // arrive while its UART is still off.
  virtual bool boots_on_open() const { return false; }
  // The port string, for messages.
  const std::string &name() const { return name_; }
  // Expected throughput in bytes per second, for timeouts: baud/10 on a serial line, a conservative
  // estimate (the emulated board's UART) on a socket.
  double bytes_per_second() const { return bytes_per_second_; }

 protected:
  Transport(std::string name, double bps) : name_(std::move(name)), bytes_per_second_(bps) {}

 private:
  std::string name_;
  double bytes_per_second_;
};

// Opens the port. Errors are Error(transport) naming the port and the fix (missing, busy, permission
// denied, connection refused, not a serial port), Error(timeout) for a TCP connect that hangs.
std::unique_ptr<Transport> open_transport(boost::asio::io_context &io, const std::string &port,
                                          const TransportOptions &opt);

// Wraps an already open file descriptor (a socketpair end, a pty) — tests and embedding programs.
std::unique_ptr<Transport> transport_from_fd(boost::asio::io_context &io, int fd, const std::string &name,
                                             double bytes_per_second);

}  // namespace tvmcrt::host
