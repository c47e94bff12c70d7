#!/usr/bin/env python3
"""make_corpus.py — writes the seed corpus for fuzz_agent (corpus/agent/): one realistic session
and a few single requests, in fuzz_agent.c's record format. Protobuf encoded by hand (no deps)."""
import os
import struct

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


def placement(pool, region, offset, size):
    return u32(1, pool) + u32(2, region) + u32(3, offset) + u32(4, size)


seeds = {
    "hello": b"\x00" + rec(HELLO, u32(1, 1)),
    "model_info": b"\x00" + rec(MODEL_INFO, u32(1, 1)),
    "session_add_one": b"\x00" + rec(HELLO, u32(1, 1)) + rec(WRITE, ld(4, bytes(range(8))))
    + rec(EXECUTE, b"") + rec(READ, u32(4, 8)) + rec(LAST_ERROR, b""),
    "session_sum": b"\x00" + rec(SET_WS, u32(1, 1) + ld(2, placement(0, 1, 0, 0)) + ld(2, placement(1, 1, 64, 0)))
    + rec(WRITE, u32(1, 1) + ld(4, bytes(4000))) + rec(WRITE, u32(1, 1) + u32(3, 4000) + ld(4, bytes(4000)))
    + rec(WRITE, u32(1, 1) + u32(3, 8000) + ld(4, bytes(2000))) + rec(EXECUTE, u32(1, 1))
    + rec(READ, u32(1, 1) + u32(4, 4)),
    "model_error": b"\x02" + rec(WRITE, ld(4, bytes(8))) + rec(EXECUTE, b"") + rec(LAST_ERROR, b""),
    "write_gap": b"\x00" + rec(WRITE, u32(1, 1) + ld(4, bytes(10))) + rec(WRITE, u32(1, 1) + u32(3, 50) + ld(4, b"x")),
    # raw mode: a flush, then a good Hello frame (version 1, type 1, seq 1, payload 08 01, CRC)
    "raw_hello": b"\x01\x00" + bytes.fromhex("04010101070801" "4d869c40" "00"),
}

here = os.path.join(os.path.dirname(os.path.abspath(__file__)), "corpus", "agent")
os.makedirs(here, exist_ok=True)
for name, data in seeds.items():
    with open(os.path.join(here, name), "wb") as f:
        f.write(data)
print(f"{len(seeds)} seeds in {here}")
