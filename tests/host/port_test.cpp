// SPDX-License-Identifier: Apache-2.0
// Port strings and opening ports: what each mistake says.
#include <gtest/gtest.h>
#include <pty.h>
#include <unistd.h>

#include <boost/asio/io_context.hpp>

#include "error.hpp"
#include "transport.hpp"

using namespace tvmcrt::host;

namespace {
std::string usage_error(const std::string &port) {
  try {
    parse_port(port);
  } catch (const Error &e) {
    EXPECT_EQ(e.error_class(), ErrorClass::usage);
    return e.what();
  }
  return "";
}
Error open_error(const std::string &port) {
  boost::asio::io_context io;
  try {
    open_transport(io, port, {});
  } catch (const Error &e) {
    return e;
  }
  return Error(ErrorClass::usage, "opened");
}
}  // namespace

TEST(Port, ParsesSerialAndSocket) {
  auto s = parse_port("/dev/ttyACM0");
  EXPECT_EQ(s.kind, PortSpec::Kind::serial);
  EXPECT_EQ(s.path, "/dev/ttyACM0");
  s = parse_port("socket://localhost:5555");
  EXPECT_EQ(s.kind, PortSpec::Kind::tcp);
  EXPECT_EQ(s.host, "localhost");
  EXPECT_EQ(s.tcp_port, 5555);
  s = parse_port("socket://[::1]:80");
  EXPECT_EQ(s.host, "::1");
  EXPECT_EQ(parse_port("qemu").kind, PortSpec::Kind::emulator);
}

TEST(Port, RejectsMalformed) {
  EXPECT_NE(usage_error("").find("empty port"), std::string::npos);
  EXPECT_NE(usage_error("socket://host").find("expected socket://HOST:PORT"), std::string::npos);
  EXPECT_NE(usage_error("socket://host:99999").find("not a TCP port number"), std::string::npos);
  EXPECT_NE(usage_error("socket://host:0").find("port 0"), std::string::npos);
  EXPECT_NE(usage_error("ftp://host:1").find("unsupported scheme 'ftp://'"), std::string::npos);
  EXPECT_EQ(parse_port("rfc2217://box:2000").kind, PortSpec::Kind::rfc2217);
}

TEST(Port, MissingDeviceSaysSo) {
  const Error e = open_error("/dev/tvmcrt-no-such-port");
  EXPECT_EQ(e.error_class(), ErrorClass::transport);
  EXPECT_NE(std::string(e.what()).find("/dev/tvmcrt-no-such-port: no such device"), std::string::npos) << e.what();
}

TEST(Port, RegularFileIsNotASerialPort) {
  const Error e = open_error("/etc/hostname");
  EXPECT_EQ(e.error_class(), ErrorClass::transport);
  EXPECT_NE(std::string(e.what()).find("not a serial device"), std::string::npos) << e.what();
}

TEST(Port, BusyPtyIsReportedBusy) {
  int master, slave;
  char name[128];
  ASSERT_EQ(openpty(&master, &slave, name, nullptr, nullptr), 0);
  boost::asio::io_context io;
  auto first = open_transport(io, name, {});
  const Error e = open_error(name);
  EXPECT_EQ(e.error_class(), ErrorClass::transport);
  EXPECT_NE(std::string(e.what()).find("busy"), std::string::npos) << e.what();
  first.reset();
  EXPECT_NO_THROW(open_transport(io, name, {}));  // free again once the first holder is gone
  close(slave);
  close(master);
}

TEST(Port, RefusedTcpConnection) {
  // Port 1 on loopback: nothing listens there on a test machine.
  const Error e = open_error("socket://127.0.0.1:1");
  EXPECT_EQ(e.error_class(), ErrorClass::transport);
  EXPECT_NE(std::string(e.what()).find("connection refused"), std::string::npos) << e.what();
}

TEST(Port, AnyBaudTheDriverTakesAndARangeCheck) {
  int master, slave;
  char name[128];
  ASSERT_EQ(openpty(&master, &slave, name, nullptr, nullptr), 0);
  boost::asio::io_context io;
  TransportOptions o;
  o.baud = 250000;  // not in termios' Bnnn list: set through termios2 (a pty takes any rate)
  EXPECT_NO_THROW(open_transport(io, name, o));
  o.baud = 20000000;
  try {
    open_transport(io, name, o);
    FAIL();
  } catch (const Error &e) {
    EXPECT_EQ(e.error_class(), ErrorClass::usage);
    EXPECT_NE(std::string(e.what()).find("baud rate 20000000 is out of range: give 300 to 12000000"), std::string::npos)
        << e.what();
  }
  close(slave);
  close(master);
}

TEST(Port, PortColonBaudAndSelectors) {
  const PortSpec s = parse_port("/dev/ttyACM0:921600");
  EXPECT_EQ(s.path, "/dev/ttyACM0");
  ASSERT_TRUE(s.baud.has_value());
  EXPECT_EQ(*s.baud, 921600u);
  EXPECT_FALSE(parse_port("/dev/ttyACM0").baud.has_value());
  const PortSpec u = parse_port("usb:0483:374b");
  EXPECT_TRUE(u.selector);
  EXPECT_FALSE(u.baud.has_value());  // usb:VID:PID, not a rate
}
