// SPDX-License-Identifier: Apache-2.0
// rfc2217.hpp — a serial port on a remote server speaking RFC 2217 (Telnet COM-PORT-OPTION), such as
// ser2net's "telnet(rfc2217)" accepter: rfc2217://HOST:PORT. Internal to transport.cpp.
#pragma once

#include <cstdint>
#include <memory>
#include <string>

#include <boost/asio/ip/tcp.hpp>

#include "transport.hpp"

namespace tvmcrt::host {

// Takes a connected socket; negotiates binary mode both ways and sets the remote line to baud, 8N1,
// no flow control. Data bytes 0xFF are doubled on the way out and undoubled on the way in.
std::unique_ptr<Transport> make_rfc2217_transport(boost::asio::ip::tcp::socket sock, const std::string &name,
                                                  std::uint32_t baud);

}  // namespace tvmcrt::host
