#!/usr/bin/env python3
# SPDX-License-Identifier: Apache-2.0
"""make_corpus.py — writes the seed corpus for fuzz_agent (corpus/agent/): one realistic session
and a few single requests, in fuzz_agent.c's record format. Protobuf encoded by hand (no deps)."""
import os
import struct
import zlib

HELLO, MODEL_INFO, SET_WS, WRITE, EXECUTE, READ, LAST_ERROR = 1, 2, 3, 4, 5, 6, 7


def varint(v):
    out = bytearray()
    while True:
        b = v & 0x7F
        v >>= 7
        out.append(b | (0x80 if v else 0))
        if not v:
            return bytes(out)


def u32(field, v):
    return varint(field << 3) + varint(v)


def ld(field, data):
    return varint((field << 3) | 2) + varint(len(data)) + data


def rec(type_, payload):
    return bytes([type_]) + struct.pack("<H", len(payload)) + payload


def cobs(raw):
    out, block = bytearray(), bytearray()
    for b in raw:
        if b == 0 or len(block) == 254:
            out += bytes([len(block) + 1]) + block
            block = bytearray()
            if b == 0:
                continue
        block.append(b)
    return bytes(out + bytes([len(block) + 1]) + block + b"\x00")


def frame(type_, seq, payload):
    raw = bytes([1, type_]) + struct.pack("<H", seq) + payload
    return cobs(raw + struct.pack("<I", zlib.crc32(raw)))


def placement(pool, region, offset, size):
    return u32(1, pool) + u32(2, region) + u32(3, offset) + u32(4, size)


HELLO_V2 = u32(1, 2)
seeds = {
    "hello": b"\x00" + rec(HELLO, HELLO_V2),
    "model_info": b"\x00" + rec(MODEL_INFO, u32(1, 1)),
    "session_add_one": b"\x00" + rec(HELLO, HELLO_V2) + rec(WRITE, ld(4, bytes(range(8))))
    + rec(EXECUTE, u32(2, 7)) + rec(READ, u32(4, 8)) + rec(LAST_ERROR, b""),
    # the pipelined run: write and Execute(run 9, outputs after it in 3-byte chunks), then the same run id again
    "session_run": b"\x00" + rec(HELLO, HELLO_V2) + rec(WRITE, ld(4, bytes(range(8))))
    + rec(EXECUTE, u32(2, 9) + u32(3, 3)) + rec(EXECUTE, u32(2, 9) + u32(3, 3)),
    "session_sum": b"\x00" + rec(SET_WS, u32(1, 1) + ld(2, placement(0, 1, 0, 0)) + ld(2, placement(1, 1, 64, 0)))
    + rec(WRITE, u32(1, 1) + ld(4, bytes(4000))) + rec(WRITE, u32(1, 1) + u32(3, 4000) + ld(4, bytes(4000)))
    + rec(WRITE, u32(1, 1) + u32(3, 8000) + ld(4, bytes(2000))) + rec(EXECUTE, u32(1, 1) + u32(2, 3) + u32(3, 4096))
    + rec(READ, u32(1, 1) + u32(4, 4)),
    "model_error": b"\x02" + rec(WRITE, ld(4, bytes(8))) + rec(EXECUTE, b"") + rec(LAST_ERROR, b""),
    "write_gap": b"\x00" + rec(WRITE, u32(1, 1) + ld(4, bytes(10))) + rec(WRITE, u32(1, 1) + u32(3, 50) + ld(4, b"x")),
    # raw mode: a flush, then a good Hello frame (framing version 1, type 1, seq 1, payload 08 02, CRC)
    "raw_hello": b"\x01\x00" + frame(HELLO, 1, HELLO_V2),
}

here = os.path.join(os.path.dirname(os.path.abspath(__file__)), "corpus", "agent")
os.makedirs(here, exist_ok=True)
for name, data in seeds.items():
    with open(os.path.join(here, name), "wb") as f:
        f.write(data)
print(f"{len(seeds)} seeds in {here}")
