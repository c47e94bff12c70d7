#!/usr/bin/python3
# SPDX-License-Identifier: Apache-2.0
"""size_report.py IMAGE.elf [--size arm-none-eabi-size] — flash and RAM of a tvmcrt firmware image,
split by component (agent, runtime, nanopb, frame codec, each model, port, libc), from the linker map
(IMAGE.map) so that only what was linked counts, not everything in the archives.

Fails (exit 1) when the per-component sums do not add up to the image's totals (a parsing error) or
when model weights ended up in RAM: TVM's non-const .rodata.tvm must be linked into flash.
"""
import argparse
import collections
import re
import subprocess
import sys

FLASH, RAM = 0x08000000, 0x20000000
ENTRY = re.compile(r"^ (\S+)\s+0x([0-9a-f]+)\s+0x([0-9a-f]+)\s+(.+)$")
NAME_ONLY = re.compile(r"^ (\.\S+|COMMON)$")
CONTINUATION = re.compile(r"^\s+0x([0-9a-f]+)\s+0x([0-9a-f]+)\s+(.+)$")


def component(path):
    m = re.search(r"lib(tvmcrt_[a-z0-9_]+)\.a\(", path)
    lib = m.group(1) if m else ""
    if lib.startswith("tvmcrt_model_"):
        return "model " + lib[len("tvmcrt_model_"):]
    names = {"tvmcrt_agent": "agent", "tvmcrt_runtime": "runtime", "tvmcrt_nanopb": "nanopb",
             "tvmcrt_frame": "frame codec", "tvmcrt_stm32f4": "port (stm32f4)"}
    if lib in names:
        return names[lib]
    if "tvmcrt_stm32f4_startup" in path or "tvmcrt_stm32f4_board_" in path:  # vector table, board description
        return "port (stm32f4)"
    if "arm-none-eabi" in path:  # newlib and libgcc, from the toolchain's folders
        return "libc/libgcc"
    return "application (main, model table)"


def kind(section, address):
    if address < RAM:
        return "data" if section.startswith(".data") else "text"
    if section.startswith(".data"):
        return "data"
    return "bss"  # .bss*, COMMON, .noinit* (model workspaces, arena)


def parse_map(path):
    sizes = collections.defaultdict(lambda: collections.Counter())
    weights_in_ram = []
    with open(path) as f:
        lines = iter(f.read().split("\n"))
    for line in lines:
        if line.startswith("Linker script and memory map"):
            break
    pending = None
    for line in lines:
        m = ENTRY.match(line)
        if m is None and pending:
            c = CONTINUATION.match(line)
            if c:
                m = (pending, c.group(1), c.group(2), c.group(3))
        elif m:
            m = m.groups()
        pending = None
        if m is None:
            n = NAME_ONLY.match(line)
            pending = n.group(1) if n else None
            continue
        section, address, size, source = m[0], int(m[1], 16), int(m[2], 16), m[3].strip()
        if section == "*fill*" or size == 0 or address < FLASH or not source or source.startswith("0x"):
            continue
        sizes[component(source)][kind(section, address)] += size
        if section.startswith(".rodata.tvm") and address >= RAM:
            weights_in_ram.append(source)
    return sizes, weights_in_ram


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("elf")
    parser.add_argument("--size", default="arm-none-eabi-size")
    args = parser.parse_args()
    map_path = re.sub(r"\.elf$", "", args.elf) + ".map"
    try:
        sizes, weights_in_ram = parse_map(map_path)
    except FileNotFoundError:
        sys.exit(f"size_report: {map_path} not found: build the firmware first (cmake --build <build>)")
    out = subprocess.run([args.size, args.elf], capture_output=True, text=True, check=True).stdout
    text, data, bss = (int(v) for v in out.split("\n")[1].split()[:3])

    print(f"{'component':34} {'text':>8} {'data':>6} {'bss':>8}   flash     RAM")
    total = collections.Counter()
    for name in sorted(sizes, key=lambda n: -(sizes[n]["text"] + sizes[n]["data"])):
        s = sizes[name]
        total.update(s)
        print(f"{name:34} {s['text']:8} {s['data']:6} {s['bss']:8} {s['text'] + s['data']:7} {s['data'] + s['bss']:7}")
    print(f"{'sum of components':34} {total['text']:8} {total['data']:6} {total['bss']:8}")
    print(f"{'image (' + args.size + ')':34} {text:8} {data:6} {bss:8}   "
          f"flash {text + data} B, static RAM {data + bss} B (plus the stack)")

    failed = False
    # Alignment padding (*fill*) is in the image but in no component: allow a little.
    for label, mine, theirs in (("text", total["text"], text), ("data", total["data"], data),
                                ("bss", total["bss"], bss)):
        if not theirs - 256 <= mine <= theirs:
            print(f"size_report: components add up to {mine} B of {label}, the image has {theirs} B",
                  file=sys.stderr)
            failed = True
    if weights_in_ram:
        print(f"size_report: model weights (.rodata.tvm) linked into RAM from {', '.join(weights_in_ram)}: "
              "the linker script must place .rodata.tvm in flash", file=sys.stderr)
        failed = True
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
