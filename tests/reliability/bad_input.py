#!/usr/bin/python3
# SPDX-License-Identifier: Apache-2.0
"""A hostile host against the native device over its real link (TCP and pty): malformed frames and
requests, each answered with its own error (a Nak or a response status naming the code), and after
each one the device still answers a Hello with the same boot id (it neither crashed nor reset).

The agent's handling of each case is unit-tested in-process (tests/agent); this checks the same
promises through tvmcrt-device's port code, the kernel's buffers and a real byte stream.

  bad_input.py --device tvmcrt-device [--link tcp|pty]"""
import argparse
import os
import random
import select
import socket
import struct
import subprocess
import sys
import tempfile
import termios
import tty
import time
import zlib

tmp = tempfile.mkdtemp()
here = os.path.dirname(os.path.abspath(__file__))
subprocess.run(["protoc", "-I", os.path.join(here, "..", "..", "proto"), "--python_out", tmp, "tvmcrt.proto"],
               check=True)
sys.path.insert(0, tmp)
import tvmcrt_pb2 as w  # noqa: E402

HELLO, MODEL_INFO, SET_WS, WRITE, EXECUTE, READ = 1, 2, 3, 4, 5, 6
NAK = 15
BAD_CRC, TOO_LARGE, BAD_VERSION, UNKNOWN_MSG, MALFORMED, BAD_FRAMING = 0x2001, 0x2002, 0x2003, 0x2004, 0x2005, 0x2006
UNKNOWN_MODEL, UNKNOWN_TENSOR, OUT_OF_RANGE, WRITE_GAP = 0x2101, 0x2102, 0x2103, 0x2104
OUTSIDE_REGION = 0x2203


def cobs(raw):
    out, block = bytearray(), bytearray()
    for b in raw:
        if b == 0:
            out += bytes([len(block) + 1]) + block
            block = bytearray()
        else:
            block.append(b)
            if len(block) == 254:
                out += bytes([255]) + block
                block = bytearray()
    return bytes(out + bytes([len(block) + 1]) + block + b"\0")


def uncobs(enc):
    out, i = bytearray(), 0
    while i < len(enc):
        code = enc[i]
        out += enc[i + 1:i + code]
        i += code
        if code < 255 and i < len(enc):
            out.append(0)
    return bytes(out)


def frame(type_, seq, payload, version=1, crc_xor=0):
    raw = bytes([version, type_]) + struct.pack("<H", seq) + payload
    return cobs(raw + struct.pack("<I", zlib.crc32(raw) ^ crc_xor))


class Link:
    def __init__(self, rfd, wfd, closer):
        self.rfd, self.wfd, self.closer, self.buf = rfd, wfd, closer, b""

    def send(self, data):
        while data:
            data = data[os.write(self.wfd, data):]

    def recv(self, timeout=3.0):
        """Next good frame as (type, seq, payload); None after the timeout."""
        end = time.monotonic() + timeout
        while True:
            if b"\0" in self.buf:
                enc, self.buf = self.buf.split(b"\0", 1)
                raw = uncobs(enc)
                if len(raw) >= 8 and struct.unpack("<I", raw[-4:])[0] == zlib.crc32(raw[:-4]):
                    return raw[1], struct.unpack("<H", raw[2:4])[0], raw[4:-4]
                continue
            left = end - time.monotonic()
            if left <= 0 or not select.select([self.rfd], [], [], left)[0]:
                return None
            self.buf += os.read(self.rfd, 65536)


def expect(link, want_type, want_code, what, seq=None):
    """The next frame other than Boot is want_type with status code want_code."""
    while True:
        f = link.recv()
        if f is None:
            raise SystemExit("FAIL %s: no answer" % what)
        if f[0] != 14:
            break
    t, s, payload = f
    msg = {NAK: w.Nak}.get(t & 0x7F, w.SetWorkspacesResponse)()  # every response starts with Status
    msg.ParseFromString(payload)
    if t != want_type or msg.status.code != want_code or (seq is not None and s != seq):
        raise SystemExit("FAIL %s: got type 0x%02x seq %d code 0x%04x (%r), expected type 0x%02x code 0x%04x"
                         % (what, t, s, msg.status.code, str(msg.status.text).replace("\n", " "), want_type, want_code))
    return msg.status


def alive(link, boot_id, what):
    link.send(frame(HELLO, 9999, w.HelloRequest(protocol_version=3).SerializeToString()))
    f = link.recv()
    while f is not None and f[0] != HELLO | 0x80:
        f = link.recv()
    if f is None:
        raise SystemExit("FAIL after %s: the device no longer answers" % what)
    h = w.HelloResponse.FromString(f[2])
    if h.status.code != 0 or h.status.boot_id != boot_id:
        raise SystemExit("FAIL after %s: Hello code 0x%x, boot id %d (was %d): the device reset"
                         % (what, h.status.code, h.status.boot_id, boot_id))


def varint(v):
    out = bytearray()
    while True:
        out.append((v & 0x7F) | (0x80 if v >> 7 else 0))
        v >>= 7
        if not v:
            return bytes(out)


def cases():
    """(what, bytes to send, expected answer type, expected code)."""
    wr = lambda **k: w.WriteInputRequest(**k).SerializeToString()
    rd = lambda **k: w.ReadOutputRequest(**k).SerializeToString()
    r = random.Random(5)
    garbage = bytes(r.randrange(256) for _ in range(3000))
    return [
        ("wrong CRC", frame(HELLO, 1, b"\x08\x01", crc_xor=0x1), NAK, BAD_CRC),
        ("oversized frame (5000-byte payload)", frame(WRITE, 2, b"\x01" * 5000), NAK, TOO_LARGE),
        ("endless frame (20000 bytes, no delimiter)", bytes([0x5A]) * 20000 + b"\0", NAK, TOO_LARGE),
        ("frame shorter than header + CRC", cobs(b"\x01\x01\x05"), NAK, BAD_FRAMING),
        ("framing version 2", frame(HELLO, 3, b"", version=2), NAK, BAD_VERSION),
        ("unknown message type 9", frame(9, 4, b""), 0x89, UNKNOWN_MSG),
        ("unknown message type 0x7f", frame(0x7F, 5, b"\x08\x01"), 0xFF, UNKNOWN_MSG),
        ("truncated protobuf (data field longer than the frame)", frame(WRITE, 6, b"\x08\x00\x22\x40\x01\x02"),
         WRITE | 0x80, MALFORMED),
        # protobuf truncates a 64-bit varint read into a uint32 field: 2^64-1 ("-1") is model 0xFFFFFFFF
        ("10-byte varint 2^64-1 ('-1') as the model", frame(WRITE, 7, b"\x08" + varint(2**64 - 1)),
         WRITE | 0x80, UNKNOWN_MODEL),
        ("11-byte varint (longer than any)", frame(WRITE, 7, b"\x08" + b"\xff" * 10 + b"\x01"), WRITE | 0x80, MALFORMED),
        ("model 0xFFFFFFFF", frame(EXECUTE, 8, w.ExecuteRequest(model=0xFFFFFFFF).SerializeToString()),
         EXECUTE | 0x80, UNKNOWN_MODEL),
        ("tensor 1000", frame(WRITE, 9, wr(model=0, tensor=1000, offset=0, data=b"x")), WRITE | 0x80, UNKNOWN_TENSOR),
        ("write offset past the tensor", frame(WRITE, 10, wr(model=0, tensor=0, offset=65, data=b"x")),
         WRITE | 0x80, OUT_OF_RANGE),
        ("write offset + length overflowing 32 bits",
         frame(WRITE, 11, wr(model=0, tensor=0, offset=0xFFFFFFF0, data=b"y" * 32)), WRITE | 0x80, OUT_OF_RANGE),
        ("write past the bytes received", frame(WRITE, 12, wr(model=0, tensor=0, offset=32, data=b"z")),
         WRITE | 0x80, WRITE_GAP),
        ("read length 0xFFFFFFFF", frame(READ, 13, rd(model=0, tensor=0, offset=0, length=0xFFFFFFFF)),
         READ | 0x80, OUT_OF_RANGE),
        ("read offset + length overflowing", frame(READ, 14, rd(model=0, tensor=0, offset=0xFFFFFFFF, length=2)),
         READ | 0x80, OUT_OF_RANGE),
        ("workspace offset + size overflowing",
         frame(SET_WS, 15, w.SetWorkspacesRequest(model=0, placements=[w.PoolPlacement(
             pool=0, region=0, offset=0xFFFFFF00, size=0x1000)]).SerializeToString()), SET_WS | 0x80, OUTSIDE_REGION),
        ("3000 random bytes (with zeros)", garbage + b"\0", NAK, None),
    ]


def open_link(kind, device):
    if kind == "tcp":
        p = subprocess.Popen([device, "--tcp", "0"], stdout=subprocess.PIPE, text=True)
        s = socket.create_connection(("127.0.0.1", int(p.stdout.readline())))
        return p, Link(s.fileno(), s.fileno(), s.close)
    p = subprocess.Popen([device, "--pty"], stdout=subprocess.PIPE, text=True)
    fd = os.open(p.stdout.readline().strip(), os.O_RDWR | os.O_NOCTTY)
    tty.setraw(fd, termios.TCSANOW)
    return p, Link(fd, fd, lambda: os.close(fd))


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--device", required=True)
    ap.add_argument("--link", choices=["tcp", "pty"], default="tcp")
    a = ap.parse_args()
    p, link = open_link(a.link, a.device)
    try:
        link.send(b"\0" + frame(HELLO, 1, w.HelloRequest(protocol_version=3).SerializeToString()))
        boot_id = expect(link, HELLO | 0x80, 0, "first Hello").boot_id
        for what, data, rtype, code in cases():
            link.send(data)
            if code is None:  # garbage: only Naks with link-level codes, as many as it made frames
                naks = 0
                while (f := link.recv(0.5)) is not None:
                    st = w.Nak.FromString(f[2]).status
                    if f[0] != NAK or st.code not in (BAD_CRC, TOO_LARGE, BAD_VERSION, BAD_FRAMING):
                        raise SystemExit("FAIL %s: got type 0x%02x code 0x%04x" % (what, f[0], st.code))
                    naks += 1
                if naks == 0:
                    raise SystemExit("FAIL %s: not one Nak" % what)
                what += " (%d Naks)" % naks
            else:
                expect(link, rtype, code, what)
            alive(link, boot_id, what)
            print("ok   %-55s -> type 0x%02x, code 0x%04x; still answering" % (what, rtype, code or 0))
        if p.poll() is not None:
            raise SystemExit("FAIL: tvmcrt-device exited with %d" % p.returncode)
    finally:
        link.closer()
        p.kill()
        p.wait()


if __name__ == "__main__":
    main()
