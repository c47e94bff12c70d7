#!/usr/bin/python3
# SPDX-License-Identifier: Apache-2.0
"""make_host_corpus.py — writes the seed corpora of the host-side fuzz targets:
corpus/host_link/ (device scripts in fuzz_host_link.cpp's record format: a whole digits-like session,
a session with a write gap and a model failure, a reset) and corpus/host_npy/ (.npy files of every
version, byte order, layout and a few dtypes). Messages are encoded with protobuf's Python module from
proto/tvmcrt.proto (protoc --python_out, into a temporary folder)."""
import io
import os
import subprocess
import sys
import tempfile

import numpy as np

here = os.path.dirname(os.path.abspath(__file__))
root = os.path.dirname(os.path.dirname(here))
tmp = tempfile.mkdtemp()
subprocess.run(["protoc", "-I", os.path.join(root, "proto"), "--python_out", tmp, "tvmcrt.proto"], check=True)
sys.path.insert(0, tmp)
import tvmcrt_pb2 as w  # noqa: E402

BOOT = 77


def resp(msg):
    """Record: a response (kind 0) to whatever request comes, with msg as payload."""
    b = msg.SerializeToString()
    assert len(b) < 256
    return bytes([0, len(b)]) + b


def st(code=0, text=0, numbers=(), strings=()):
    """A Status; an error carries its sentence as a row number and arguments (proto/errors)."""
    if not code:
        return w.Status(boot_id=BOOT)
    return w.Status(boot_id=BOOT, code=code,
                    text=w.ErrorText(text=text, numbers=list(numbers), strings=list(strings)))


hello = w.HelloResponse(status=st(), protocol_version=3, firmware_build_id="tvmcrt fuzz", platform="posix",
                        max_frame_payload=128, receive_window=2, model_count=1, tick_hz=1000000,
                        max_read_length=64, regions=[w.MemoryRegion(name="sram", size=4096, alignment=16)])
info = w.ModelInfoResponse(status=st(), name="m",
                           inputs=[w.TensorInfo(name="x", dtype=w.DTYPE_INT8, shape=[1, 100], size_bytes=100)],
                           outputs=[w.TensorInfo(name="y", dtype=w.DTYPE_INT8, shape=[1, 70], size_bytes=70)],
                           pools=[w.PoolInfo(name="workspace", is_stack=True, size_bytes=256, alignment=16)])


def write(received):
    return resp(w.WriteInputResponse(status=st(), received=received))


def read(offset, n):
    return resp(w.ReadOutputResponse(status=st(), offset=offset, data=bytes(range(n))))


ok_exec = resp(w.ExecuteResponse(status=st(), ticks=10, microseconds=10, runs=1))
session = resp(hello) + resp(info) + write(96) + write(100) + ok_exec + read(0, 64) + read(64, 6)
# WRITE_GAP's row (19: three numbers, two strings); the runtime's "model failed saying" (116).
gap_text = dict(text=19 | 5 << 8 | 1 << 18 | 1 << 20, numbers=(0, 96, 0), strings=("x", "m"))
failed_text = dict(text=116 | 3 << 8 | 1 << 12 | 1 << 16, numbers=(0xFFFFFFFF,), strings=("m", "operator failed"))
gap = (resp(hello) + resp(info) + resp(w.WriteInputResponse(status=st(0x2104, **gap_text), received=0))
       + bytes([2 | (15 << 2), 0]) + write(96) + write(100) + write(100)
       + resp(w.ExecuteResponse(status=st(0x2301, **failed_text), runtime_code=0x1201))
       + resp(w.GetLastErrorResponse(status=st(), code=0x1201, error=w.ErrorText(**failed_text))))
reset = resp(hello) + resp(info) + bytes([2 | (14 << 2), 0]) + write(96)
noise = resp(hello) + bytes([1, 5, 0, 1, 2, 0, 9]) + bytes([3 | (1 << 2), 2, 8, 1]) + resp(info)

out = os.path.join(here, "corpus", "host_link")
os.makedirs(out, exist_ok=True)
for name, data in {"session": session, "gap_and_failure": gap, "reset": reset, "noise": noise}.items():
    with open(os.path.join(out, name), "wb") as f:
        f.write(data)

out = os.path.join(here, "corpus", "host_npy")
os.makedirs(out, exist_ok=True)
arrays = {
    "int8": np.arange(-5, 5, dtype=np.int8).reshape(2, 5),
    "float32_be": np.linspace(0, 1, 6, dtype=">f4").reshape(3, 2),
    "float16_fortran": np.asfortranarray(np.ones((2, 3), np.float16)),
    "bool_scalar": np.array(True),
    "uint64_empty": np.zeros((0, 4), np.uint64),
}
for name, a in arrays.items():
    np.save(os.path.join(out, name + ".npy"), a)
for version in ((2, 0), (3, 0)):
    buf = io.BytesIO()
    np.lib.format.write_array(buf, np.arange(12, dtype="<i4").reshape(3, 4), version=version)
    with open(os.path.join(out, "v%d.npy" % version[0]), "wb") as f:
        f.write(buf.getvalue())
print("host seeds in", os.path.join(here, "corpus"))
