// SPDX-License-Identifier: Apache-2.0
#include "options.hpp"

#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <functional>
#include <map>

namespace linksim {
namespace {

const char kUsage[] =
    "usage: tvmcrt-linksim (--listen PORT | --pty) (--connect [HOST:]PORT | --device PATH) [options]\n"
    "\n"
    "A serial link with faults between tvmcrt-host and a device. Prints the listening port (or the\n"
    "pty path) as its first stdout line; counters at exit (SIGTERM, SIGINT, or --once).\n"
    "\n"
    "Ends:\n"
    "  --listen PORT        host side: TCP on 127.0.0.1 (0 = a free port); one host at a time,\n"
    "                       each host connection gets its own device connection\n"
    "  --pty                host side: a pty (tvmcrt-host --port <path> --baud ...)\n"
    "  --connect [H:]PORT   device side: TCP (tvmcrt-device --tcp, QEMU -serial tcp:...,server)\n"
    "  --device PATH        device side: a tty or pty path\n"
    "  --connect-timeout S  how long to retry the device for a new host connection (default 5)\n"
    "  --reconnect          when the device side closes, keep the host's connection and reconnect\n"
    "                       (a board reset behind a USB-serial adapter); bytes meanwhile are lost\n"
    "  --once               exit when the first host connection ends\n"
    "  --seed N             random seed (default 1): same seed, same faults for the same traffic\n"
    "  --json               counters as one JSON object on stdout at exit (default: text on stderr)\n"
    "  --stats-file F       counters as JSON in F, rewritten after every connection and at exit\n"
    "\n"
    "Faults, for both directions; prefix with up- (host -> device) or down- (device -> host) for one:\n"
    "  --baud N             limit to N/10 bytes/s (0 = unlimited, the default)\n"
    "  --latency S          delay every byte by S seconds\n"
    "  --ber P              flip each bit with probability P (1e-4 = one bit in 10,000)\n"
    "  --drop P             lose each byte with probability P\n"
    "  --dup P              send each byte twice with probability P\n"
    "  --insert P           insert a random byte before each byte with probability P\n"
    "  --burst P            with probability P per byte, a burst of 1..--burst-len random bytes\n"
    "  --burst-len N        longest burst (default 16)\n"
    "  --stall-every S      mean seconds between stalls (exponentially distributed)\n"
    "  --stall-for S        length of one stall: nothing is sent meanwhile\n"
    "\n"
    "Example: tvmcrt-linksim --listen 0 --connect 5555 --baud 115200 --ber 1e-4 --down-drop 0.001\n";

int usage_error(const std::string &msg) {
  std::fprintf(stderr, "tvmcrt-linksim: %s\n%s", msg.c_str(), kUsage);
  return 2;
}

bool to_double(const char *s, double &v) {
  char *end = nullptr;
  v = std::strtod(s, &end);
  return end != s && *end == '\0' && v >= 0;
}

bool to_int(const char *s, long lo, long hi, long &v) {
  char *end = nullptr;
  v = std::strtol(s, &end, 10);
  return end != s && *end == '\0' && v >= lo && v <= hi;
}

using Setter = std::function<bool(Impairments &, const char *)>;

Setter probability(double Impairments::*field) {
  return [field](Impairments &imp, const char *s) {
    double v;
    if (!to_double(s, v) || v > 1) return false;
    imp.*field = v;
    return true;
  };
}

Setter non_negative(double Impairments::*field) {
  return [field](Impairments &imp, const char *s) { return to_double(s, imp.*field); };
}

}  // namespace

int parse_options(int argc, char **argv, Options &o) {
  const std::map<std::string, Setter> faults = {
      {"baud", non_negative(&Impairments::baud)},
      {"latency", non_negative(&Impairments::latency_s)},
      {"ber", probability(&Impairments::ber)},
      {"drop", probability(&Impairments::drop)},
      {"dup", probability(&Impairments::dup)},
      {"insert", probability(&Impairments::insert)},
      {"burst", probability(&Impairments::burst)},
      {"burst-len", [](Impairments &imp, const char *s) {
         long v;
         if (!to_int(s, 1, 65536, v)) return false;
         imp.burst_len = static_cast<unsigned>(v);
         return true;
       }},
      {"stall-every", non_negative(&Impairments::stall_every_s)},
      {"stall-for", non_negative(&Impairments::stall_for_s)},
  };
  for (int i = 1; i < argc; ++i) {
    const std::string a = argv[i];
    if (a == "--help" || a == "-h") {
      std::fputs(kUsage, stdout);
      return 0;
    }
    if (a == "--pty") { o.host_pty = true; continue; }
    if (a == "--once") { o.once = true; continue; }
    if (a == "--reconnect") { o.reconnect = true; continue; }
    if (a == "--json") { o.json = true; continue; }
    if (a.rfind("--", 0) != 0 || i + 1 >= argc) return usage_error("unknown argument or missing value: " + a);
    const char *v = argv[++i];
    long n;
    if (a == "--listen") {
      if (!to_int(v, 0, 65535, n)) return usage_error("--listen needs a port 0..65535");
      o.listen_port = static_cast<int>(n);
    } else if (a == "--connect") {
      std::string s = v;
      const auto colon = s.rfind(':');
      if (colon != std::string::npos) {
        o.connect_host = s.substr(0, colon);
        s = s.substr(colon + 1);
      }
      if (!to_int(s.c_str(), 1, 65535, n)) return usage_error("--connect needs [HOST:]PORT with PORT 1..65535");
      o.connect_port = static_cast<int>(n);
    } else if (a == "--device") {
      o.device_path = v;
    } else if (a == "--connect-timeout") {
      if (!to_double(v, o.connect_timeout_s)) return usage_error("--connect-timeout needs seconds");
    } else if (a == "--seed") {
      char *end = nullptr;
      o.seed = std::strtoull(v, &end, 0);
      if (*end != '\0') return usage_error("--seed needs an integer");
    } else if (a == "--stats-file") {
      o.stats_file = v;
    } else {
      std::string name = a.substr(2);
      Impairments *one = nullptr;
      if (name.rfind("up-", 0) == 0) one = &o.up, name = name.substr(3);
      else if (name.rfind("down-", 0) == 0) one = &o.down, name = name.substr(5);
      const auto it = faults.find(name);
      if (it == faults.end()) return usage_error("unknown option " + a);
      const bool ok = one ? it->second(*one, v) : (it->second(o.up, v) && it->second(o.down, v));
      if (!ok) return usage_error("bad value '" + std::string(v) + "' for " + a);
    }
  }
  if ((o.listen_port >= 0) == o.host_pty) return usage_error("choose one host side: --listen PORT or --pty");
  if ((o.connect_port > 0) == !o.device_path.empty())
    return usage_error("choose one device side: --connect [HOST:]PORT or --device PATH");
  return -1;
}

}  // namespace linksim
