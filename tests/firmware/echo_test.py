#!/usr/bin/python3
# SPDX-License-Identifier: Apache-2.0
"""Drives tvmcrt-fw-echo (device/ports/stm32f4/echo_main.c) over its serial port: proves the USART
driver and receive ring on the emulated board, or on a real one (socket:// through ser2net, or a
serial device such as /dev/ttyACM0 with python3-serial). Usage: echo_test.py PORT

Checks: the boot banner arrives whole and carries the platform line; 4 KiB of every byte value comes
back in order; bytes sent while the firmware stops reading for 200 ms (as during a model run) are
all echoed; the driver's counters show no drop or overrun and the byte count matches; tick_hz is
the rate the banner names.
"""
import re
import socket
import sys
import time


class SerialPort:
    """A serial device (python3-serial) with the two socket calls this test uses."""

    def __init__(self, path):
        try:
            import serial
        except ImportError:
            sys.exit("echo_test: a serial device needs python3-serial (apt-get install python3-serial)")
        self.port = serial.Serial(path, 115200, timeout=0.2)

    def sendall(self, data):
        self.port.write(data)

    def recv(self, n):
        return self.port.read(n) or None  # None: nothing yet (a socket's time-out)

    def settimeout(self, seconds):
        self.port.timeout = seconds


def connect(url):
    if url.startswith("/dev/"):
        return SerialPort(url)
    if not url.startswith("socket://"):
        sys.exit(f"echo_test: expected socket://host:port or /dev/tty..., got {url}")
    host, port = url[len("socket://"):].rsplit(":", 1)
    sock = socket.create_connection((host, int(port)), timeout=10)
    return sock


def drain(sock, seconds):
    """Reads and drops whatever arrives for `seconds` (a boot banner, or nothing on a board that
    booted before the port was opened)."""
    sock.settimeout(seconds)
    try:
        while sock.recv(4096):
            pass
    except socket.timeout:
        pass
    sock.settimeout(10)


def read_exactly(sock, n, what):
    data = bytearray()
    deadline = time.monotonic() + 20
    while len(data) < n:
        if time.monotonic() > deadline:
            sys.exit(f"echo_test: {what}: got {len(data)} of {n} bytes before the time-out: {bytes(data[-40:])!r}")
        chunk = sock.recv(n - len(data))
        if chunk is None:
            continue
        if not chunk:
            sys.exit(f"echo_test: {what}: connection closed after {len(data)} of {n} bytes")
        data += chunk
    return bytes(data)


def read_line(sock, what):
    line = bytearray()
    while not line.endswith(b"\n"):
        line += read_exactly(sock, 1, what)
    return line.decode()


def main():
    sock = connect(sys.argv[1])
    drain(sock, 0.5)
    sock.sendall(b"\x03")  # the banner again: the boot one may have gone out before the port was open
    banner = read_line(sock, "banner")
    platform = re.fullmatch(r"tvmcrt-echo ready: (stm32f4(-emulated)? \w+: .*, times from (SysTick|the DWT cycle counter) at \d+ MHz)\n", banner)
    if not platform:
        sys.exit(f"echo_test: banner was {banner!r}, expected 'tvmcrt-echo ready: <platform line>'")
    platform = platform.group(1)

    # Every byte value except the three control bytes, sixteen times over.
    payload = bytes(b for b in range(256) if b not in (1, 2, 3)) * 16
    sent = 0
    for i in range(0, len(payload), 512):
        sock.sendall(payload[i:i + 512])
        got = read_exactly(sock, len(payload[i:i + 512]), f"echo of bytes {i}..")
        if got != payload[i:i + 512]:
            first = next(j for j in range(len(got)) if got[j] != payload[i + j])
            sys.exit(f"echo_test: byte {i + first} came back as {got[first]:#04x}, sent {payload[i + first]:#04x}")
        sent += len(got)

    # A 200 ms stall with 600 bytes arriving meanwhile: the ring must hold them.
    burst = bytes((i * 7 + 3) & 0xff for i in range(600))
    burst = bytes(b if b not in (1, 2, 3) else 0x55 for b in burst)
    start = time.monotonic()
    sock.sendall(b"\x01" + burst)
    got = read_exactly(sock, len(burst), "echo after the stall")
    stall = time.monotonic() - start
    # The stall is timed by SysTick at tick_hz: a wrong rate shows up as a stall far from 200 ms.
    if not 0.18 <= stall <= 1.5:
        sys.exit(f"echo_test: the 200 ms stall took {stall * 1000:.0f} ms of host time: tick_hz is wrong")
    if got != burst:
        sys.exit("echo_test: bytes sent during the 200 ms stall came back changed or out of order")
    sent += len(burst)

    sock.sendall(b"\x02")
    status = read_line(sock, "status line")
    m = re.fullmatch(r"rx=(\d+) dropped=(\d+) overruns=(\d+) tick_hz=(\d+) ticks=\d+ boot=([0-9a-f]+)\n", status)
    if not m:
        sys.exit(f"echo_test: status line {status!r} does not have the documented form")
    rx, dropped, overruns, tick_hz = (int(m.group(i)) for i in range(1, 5))
    if dropped or overruns:
        sys.exit(f"echo_test: the driver lost bytes: dropped={dropped} overruns={overruns}")
    if rx != sent + 3:  # the echoed bytes plus the three control bytes
        sys.exit(f"echo_test: driver counted rx={rx}, host sent {sent + 3}")
    if f"at {tick_hz // 1000000} MHz" not in platform or tick_hz % 1000000:
        sys.exit(f"echo_test: tick_hz={tick_hz} is not the rate the banner names: {platform}")
    print(f"echo_test: {sent} bytes echoed; 200 ms stall took {stall * 1000:.0f} ms; {status.strip()}; {platform}")


if __name__ == "__main__":
    main()
