#!/usr/bin/python3
"""Drives tvmcrt-fw-echo (device/ports/stm32f4/echo_main.c) over its serial port: proves the USART1
driver and receive ring on the emulated board. Usage: echo_test.py socket://127.0.0.1:PORT

Checks: the boot banner arrives whole; 4 KiB of every byte value comes back in order; bytes sent while
the firmware stops reading for 200 ms (as during a model run) are all echoed; the driver's counters
show no drop or overrun and the byte count matches; tick_hz is one of the port's documented rates.
"""
import re
import socket
import sys
import time


def connect(url):
    if not url.startswith("socket://"):
        sys.exit(f"echo_test: expected socket://host:port, got {url}")
    host, port = url[len("socket://"):].rsplit(":", 1)
    sock = socket.create_connection((host, int(port)), timeout=10)
    return sock


def read_exactly(sock, n, what):
    data = bytearray()
    deadline = time.monotonic() + 20
    while len(data) < n:
        if time.monotonic() > deadline:
            sys.exit(f"echo_test: {what}: got {len(data)} of {n} bytes before the time-out: {bytes(data[-40:])!r}")
        chunk = sock.recv(n - len(data))
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
    banner = read_line(sock, "boot banner")
    if banner != "tvmcrt-echo ready\n":
        sys.exit(f"echo_test: banner was {banner!r}, expected 'tvmcrt-echo ready'")

    # Every byte value except the two control bytes, sixteen times over.
    payload = bytes(b for b in range(256) if b not in (1, 2)) * 16
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
    burst = bytes(b if b not in (1, 2) else 0x55 for b in burst)
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
    if rx != sent + 2:  # the echoed bytes plus the two control bytes
        sys.exit(f"echo_test: driver counted rx={rx}, host sent {sent + 2}")
    if tick_hz not in (16000000, 168000000):
        sys.exit(f"echo_test: tick_hz={tick_hz} is neither the silicon nor the emulated core clock")
    print(f"echo_test: {sent} bytes echoed; 200 ms stall took {stall * 1000:.0f} ms; {status.strip()}")


if __name__ == "__main__":
    main()
