// SPDX-License-Identifier: Apache-2.0
#include "rfc2217.hpp"

#include <algorithm>
#include <deque>
#include <vector>

#include <boost/asio/post.hpp>
#include <boost/asio/write.hpp>

namespace tvmcrt::host {
namespace asio = boost::asio;

namespace {

// Telnet (RFC 854/856/858) and COM-PORT-OPTION (RFC 2217) codes.
constexpr std::uint8_t kIac = 255, kDont = 254, kDo = 253, kWont = 252, kWill = 251, kSb = 250, kSe = 240;
constexpr std::uint8_t kOptBinary = 0, kOptSga = 3, kOptComPort = 44;
constexpr std::uint8_t kSetBaud = 1, kSetDataSize = 2, kSetParity = 3, kSetStopSize = 4, kSetControl = 5;

class Rfc2217Transport final : public Transport {
 public:
  Rfc2217Transport(asio::ip::tcp::socket s, const std::string &name, std::uint32_t baud)
      : Transport(name, baud / 10.0), s_(std::move(s)), raw_(4096) {
    std::vector<std::uint8_t> hello;
    for (std::uint8_t opt : {kOptBinary, kOptSga, kOptComPort}) hello.insert(hello.end(), {kIac, kWill, opt});
    for (std::uint8_t opt : {kOptBinary, kOptSga}) hello.insert(hello.end(), {kIac, kDo, opt});
    const std::uint8_t b[4] = {static_cast<std::uint8_t>(baud >> 24), static_cast<std::uint8_t>(baud >> 16),
                               static_cast<std::uint8_t>(baud >> 8), static_cast<std::uint8_t>(baud)};
    append_sb(hello, kSetBaud, b, 4);
    const std::uint8_t eight = 8, none = 1, one = 1, no_flow = 1;
    append_sb(hello, kSetDataSize, &eight, 1);
    append_sb(hello, kSetParity, &none, 1);
    append_sb(hello, kSetStopSize, &one, 1);
    append_sb(hello, kSetControl, &no_flow, 1);
    queue(std::move(hello), 0, nullptr);
  }
  ~Rfc2217Transport() override { close(); }

  void async_write_some(asio::const_buffer buf, Handler h) override {
    const auto *p = static_cast<const std::uint8_t *>(buf.data());
    std::vector<std::uint8_t> out;
    out.reserve(buf.size() + 8);
    for (std::size_t i = 0; i < buf.size(); ++i) {
      out.push_back(p[i]);
      if (p[i] == kIac) out.push_back(kIac);  // a data 0xFF travels doubled
    }
    queue(std::move(out), buf.size(), std::move(h));
  }

  void async_read_some(asio::mutable_buffer buf, Handler h) override {
    user_buf_ = buf;
    user_handler_ = std::move(h);
    if (!data_.empty()) {
      asio::post(s_.get_executor(), [this] { deliver({}); });
      return;
    }
    read_raw();
  }

  void close() override {
    boost::system::error_code ignored;
    s_.close(ignored);
  }

 private:
  struct Out {
    std::vector<std::uint8_t> bytes;
    std::size_t report;  // data bytes to report to the handler
    Handler h;
  };

  static void append_sb(std::vector<std::uint8_t> &v, std::uint8_t cmd, const std::uint8_t *val, std::size_t n) {
    v.insert(v.end(), {kIac, kSb, kOptComPort, cmd});
    for (std::size_t i = 0; i < n; ++i) {
      v.push_back(val[i]);
      if (val[i] == kIac) v.push_back(kIac);
    }
    v.insert(v.end(), {kIac, kSe});
  }

  // One write at a time, in order: data and the telnet replies share the socket.
  void queue(std::vector<std::uint8_t> bytes, std::size_t report, Handler h) {
    out_.push_back(Out{std::move(bytes), report, std::move(h)});
    if (out_.size() == 1) write_front();
  }

  void write_front() {
    asio::async_write(s_, asio::buffer(out_.front().bytes), [this](const boost::system::error_code &ec, std::size_t) {
      std::deque<Out> done;
      if (ec) done.swap(out_);  // a dead socket fails every queued write
      else {
        done.push_back(std::move(out_.front()));
        out_.pop_front();
        if (!out_.empty()) write_front();
      }
      for (Out &o : done)
        if (o.h) o.h(ec, ec ? 0 : o.report);
    });
  }

  void read_raw() {
    s_.async_read_some(asio::buffer(raw_), [this](const boost::system::error_code &ec, std::size_t n) {
      for (std::size_t i = 0; i < n; ++i) take(raw_[i]);
      if (!ec && data_.empty()) {
        read_raw();  // only telnet commands arrived
        return;
      }
      deliver(ec);
    });
  }

  void deliver(const boost::system::error_code &ec) {
    const std::size_t n = std::min(data_.size(), user_buf_.size());
    std::copy_n(data_.begin(), n, static_cast<std::uint8_t *>(user_buf_.data()));
    data_.erase(data_.begin(), data_.begin() + static_cast<std::ptrdiff_t>(n));
    Handler h = std::move(user_handler_);
    h(n ? boost::system::error_code() : ec, n);
  }

  // Telnet receive state machine: data, IAC IAC, option negotiation, subnegotiation (ignored: the
  // server's COM-PORT notifications and acknowledgements).
  void take(std::uint8_t c) {
    switch (state_) {
      case State::data:
        if (c == kIac) state_ = State::iac;
        else data_.push_back(c);
        break;
      case State::iac:
        if (c == kIac) {
          data_.push_back(kIac);
          state_ = State::data;
        } else if (c == kWill || c == kWont || c == kDo || c == kDont) {
          verb_ = c;
          state_ = State::option;
        } else {
          state_ = c == kSb ? State::sb : State::data;
        }
        break;
      case State::option:
        answer(verb_, c);
        state_ = State::data;
        break;
      case State::sb:
        if (c == kIac) state_ = State::sb_iac;
        break;
      case State::sb_iac:
        state_ = c == kSe ? State::data : State::sb;
        break;
    }
  }

  // Refuse what we did not offer; our own offers need no reply when the server agrees.
  void answer(std::uint8_t verb, std::uint8_t opt) {
    const bool we_will = opt == kOptBinary || opt == kOptSga || opt == kOptComPort;
    const bool we_do = opt == kOptBinary || opt == kOptSga;
    if (verb == kDo && !we_will) queue({kIac, kWont, opt}, 0, nullptr);
    if (verb == kWill && !we_do) queue({kIac, kDont, opt}, 0, nullptr);
  }

  enum class State { data, iac, option, sb, sb_iac };
  asio::ip::tcp::socket s_;
  std::vector<std::uint8_t> raw_;
  std::deque<std::uint8_t> data_;  // decoded bytes not yet handed to a read
  State state_ = State::data;
  std::uint8_t verb_ = 0;
  asio::mutable_buffer user_buf_;
  Handler user_handler_;
  std::deque<Out> out_;
};

}  // namespace

std::unique_ptr<Transport> make_rfc2217_transport(asio::ip::tcp::socket sock, const std::string &name,
                                                  std::uint32_t baud) {
  return std::make_unique<Rfc2217Transport>(std::move(sock), name, baud);
}

}  // namespace tvmcrt::host
