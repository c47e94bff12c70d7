#!/usr/bin/python3
# SPDX-License-Identifier: Apache-2.0
"""bench/stack_depth.py [CFLAGS...] — worst-case stack of tvmcrt_agent_poll() on Cortex-M4 -Os.

Compiles the agent, the frame codec, nanopb and the runtime with arm-none-eabi-gcc
-fcallgraph-info=su (per-function frame sizes and the static call graph) and prints the deepest
path from tvmcrt_agent_poll() in bytes. The model's own code is not included (it runs on the same
stack inside TVMExecute(); add TVM's figure for it). Indirect calls are resolved by caller: nanopb's
field callbacks -> the agent's encode_*/decode_* functions, nanopb's stream reads/writes -> its
buffer streams, the COBS stream encoder -> the agent's writer_emit; the port's read/write/ticks
count as 0 (port-specific).
A recursive call (nanopb encoding a submessage from a field callback) is counted once, not per
nesting level: tvmcrt.proto nests one level (a response -> TensorInfo/PoolPlacement), so the
second figure adds the deepest nanopb encode or decode chain once more: the bound to size for.
Needs arm-none-eabi-gcc, protoc and protoc-gen-nanopb (scripts/setup); exit 2 if they are missing.
"""
import pathlib
import re
import shutil
import subprocess
import sys
import tempfile

HERE = pathlib.Path(__file__).resolve().parent.parent


def compile_all(work, extra):
    nanopb = HERE / ".cache/nanopb"
    pb = work / "pb"
    pb.mkdir()
    subprocess.run(["protoc", f"--plugin=protoc-gen-nanopb={shutil.which('protoc-gen-nanopb')}",
                    f"--nanopb_opt=-I{HERE / 'proto'}", f"--nanopb_out={pb}", f"-I{HERE / 'proto'}",
                    str(HERE / "proto/tvmcrt.proto")], check=True)
    sources = sorted((HERE / "device/agent/src").glob("*.c")) + sorted((HERE / "runtime/src").glob("*.c"))
    sources += [HERE / "proto/frame/tvmcrt_frame.c", pb / "tvmcrt.pb.c"]
    sources += [nanopb / f for f in ("pb_common.c", "pb_encode.c", "pb_decode.c")]
    for i, src in enumerate(sources):
        subprocess.run(["arm-none-eabi-gcc", "-Os", "-mthumb", "-mcpu=cortex-m4", "-std=c99", "-ffunction-sections",
                        "-DPB_WITHOUT_64BIT", "-DPB_NO_ERRMSG", "-DPB_BUFFER_ONLY", *extra, f"-I{HERE / 'proto/frame'}", f"-I{HERE / 'proto/errors'}",
                        f"-I{HERE / 'device/agent/include'}", f"-I{HERE / 'runtime/include'}", f"-I{nanopb}",
                        f"-I{pb}", "-fcallgraph-info=su", "-c", str(src), "-o", str(work / f"{i}.o")],
                       check=True, cwd=work)


def load_graph(work):
    size, calls = {}, {}
    node = re.compile(r'node: \{ title: "([^"]+)" label: "[^"]*\\n(\d+) bytes')
    edge = re.compile(r'edge: \{ sourcename: "([^"]+)" targetname: "([^"]+)"')
    for ci in work.glob("*.ci"):
        text = ci.read_text()
        for m in node.finditer(text):
            size[m.group(1)] = int(m.group(2))
        for m in edge.finditer(text):
            calls.setdefault(m.group(1), set()).add(m.group(2))
    # Static functions are titled "file:name"; calls to externs name only "name".
    by_name = {}
    for title in size:
        by_name.setdefault(title.split(":")[-1], []).append(title)
    return size, calls, by_name


def deepest(size, calls, by_name):
    def agent_fns(prefix):
        return [t for t in size if t.split(":")[-1].startswith(prefix) and "device/agent" in t]

    encoders, decoders = agent_fns("encode_"), agent_fns("decode_")
    emit = [t for t in size if t.endswith(":writer_emit")]
    streams = [t for t in size if t.split(":")[-1] in ("buf_read", "buf_write")]

    def indirect(caller):
        name = caller.split(":")[-1]
        if name in ("pb_read", "pb_write", "pb_readbyte"):
            return streams
        if "pb_encode.c" in caller or name == "pb_encode":
            return encoders
        if "pb_decode.c" in caller or name == "pb_decode":
            return decoders
        if name.startswith(("cobs_", "tvmcrt_cobs_")):
            return emit
        return []  # the port's read/write/ticks and the model's entry: not the agent's stack

    def targets(caller, callee):
        if callee == "__indirect_call":
            return indirect(caller)
        return [callee] if callee in size else by_name.get(callee.split(":")[-1], [])

    memo, on_stack = {}, set()

    def walk(fn):
        if fn in memo:
            return memo[fn]
        if fn in on_stack:  # a recursive call: see the note on recursion in the module docstring
            return 0, []
        on_stack.add(fn)
        best, best_path = 0, []
        for callee in sorted(calls.get(fn, ())):  # sorted: the same figure on every run
            for t in sorted(targets(fn, callee)):
                d, p = walk(t)
                if d > best:
                    best, best_path = d, p
        on_stack.discard(fn)
        memo[fn] = (size.get(fn, 0) + best, [fn] + best_path)
        return memo[fn]

    total, path = walk("tvmcrt_agent_poll")
    # One nested submessage: at most one more nanopb encode or decode chain on top.
    memo.clear()
    nested = max(walk("pb_encode")[0], walk("pb_decode")[0])
    return total, path, nested


def main():
    for tool in ("arm-none-eabi-gcc", "protoc", "protoc-gen-nanopb"):
        if not shutil.which(tool):
            print(f"stack_depth.py: {tool} not found (run scripts/setup)", file=sys.stderr)
            sys.exit(2)
    with tempfile.TemporaryDirectory() as tmp:
        work = pathlib.Path(tmp)
        compile_all(work, sys.argv[1:])
        total, path, nested = deepest(*load_graph(work))
    print(f"worst-case stack of tvmcrt_agent_poll(): {total} B, {total + nested} B with one nested "
          f"nanopb chain")
    print("path: " + " -> ".join(p.split(":")[-1] for p in path))


if __name__ == "__main__":
    main()
