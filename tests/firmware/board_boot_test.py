#!/usr/bin/python3
# SPDX-License-Identifier: Apache-2.0
"""board_boot_test.py HOST ELF BOARD EXAMPLES RAM_KB [MODELS] — one board's image under QEMU's
netduinoplus2, on its own UART: what can be checked of a board without its silicon. MODELS: the
image's models, comma-separated (default digits,multi_io, what tvmcrt-fw-<board>.elf serves).

  0. The stack starts at the top of the board's own RAM (0x20000000 + RAM_KB KiB: a NUCLEO-F401RE
     image must not put it at 128 KiB, past its 96).
  1. `tvmcrt-host info --port qemu:ELF`: the image names its board, says the clock set-up was skipped
     under emulation, times come from SysTick at the 168 MHz QEMU emulates, both models are there.
  2. `tvmcrt-host execute`: digits on the sample input equals numpy's output.
  3. A control: booted by hand with the host's link on the board's own -serial it answers `info`; the
     same with the link on USART1 instead stays silent (exit 3, "nothing came back") -- so step 1
     really went through the board's USART2/USART3. Skipped for boards whose host UART is USART1.

The launcher (tvmcrt-host, the image's .tvmcrt.board section) picks the -serial index; this test
only builds the wrong command for step 3, from `tvmcrt-host emulator command --json`.
"""
import json
import os
import socket
import subprocess
import sys
import time


def fail(text):
    print(f"board_boot_test: FAIL {text}")
    sys.exit(1)


def host_json(host, args, code=0):
    proc = subprocess.run([host] + args + ["--json"], capture_output=True, text=True, timeout=60)
    if proc.returncode != code:
        fail(f"tvmcrt-host {' '.join(args)}: exit {proc.returncode}, expected {code}\n{proc.stdout[-1500:]}\n{proc.stderr[-1500:]}")
    return json.loads(proc.stdout) if proc.stdout.strip() else {}


def free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def info_with_host_on(host, elf, index, code):
    """Boots ELF with the host's TCP link as QEMU's -serial number `index` (null before it) and runs
    `info` on it, expecting exit `code`. The same mechanics for the right and the wrong UART."""
    cmd = host_json(host, ["emulator", "command", elf, "--serial", "null"])
    argv, i = [], 0
    while i < len(cmd["argv"]):  # every -serial out, then ours at `index`
        if cmd["argv"][i] == "-serial":
            i += 2
            continue
        argv.append(cmd["argv"][i])
        i += 1
    port = free_port()
    argv += ["-serial", "null"] * index + ["-serial", f"tcp:127.0.0.1:{port},server=on,wait=on,nodelay=on"]
    qemu = subprocess.Popen(argv, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    try:
        seen = b""
        while b"waiting for connection" not in seen:  # QEMU says so once it listens
            chunk = qemu.stderr.read1(256)
            if not chunk:
                fail(f"QEMU exited before listening: {seen.decode(errors='replace')}")
            seen += chunk
        return host_json(host, ["info", "--port", f"socket://127.0.0.1:{port}", "--retries", "1",
                                "--turnaround", "0.3"], code=code)
    finally:
        qemu.kill()
        qemu.wait()


def initial_sp(elf):
    """The first word of the image's flash: the stack pointer the core loads at reset."""
    out = subprocess.run(["arm-none-eabi-objcopy", "-O", "binary", "--only-section=.isr_vector", elf, "/dev/stdout"],
                         capture_output=True, check=True).stdout
    return int.from_bytes(out[:4], "little")


def main():
    host, elf, board, examples, ram_kb = sys.argv[1:6]
    models = (sys.argv[6] if len(sys.argv) > 6 else "digits,multi_io").split(",")
    sp, top = initial_sp(elf), 0x20000000 + int(ram_kb) * 1024
    if sp != top:
        fail(f"the initial stack pointer is {sp:#010x}, the top of {board}'s {ram_kb} KiB of RAM is {top:#010x}")
    print(f"ok   stack at the top of its {ram_kb} KiB of RAM ({sp:#010x})")
    info = host_json(host, ["info", "--port", f"qemu:{elf}"])
    dev = info.get("device", {})
    platform = dev.get("platform", "")
    want = f"stm32f4-emulated {board}: clock set-up skipped"
    if not platform.startswith(want):
        fail(f"platform is {platform!r}, expected it to start with {want!r}")
    if "times from SysTick at 168 MHz" not in platform or dev.get("tick_hz") != 168000000:
        fail(f"platform {platform!r} / tick_hz {dev.get('tick_hz')}: expected SysTick at 168 MHz under QEMU")
    names = [m["name"] for m in dev.get("models", [])]
    if names != models:
        fail(f"models are {names}, expected {models}")
    print(f"ok   info: {platform}; models {', '.join(names)}")

    d = os.path.join(examples, "digits", "data")
    r = host_json(host, ["execute", "--port", f"qemu:{elf}", "-m", "digits", "--input", f"{d}/sample_input.npy",
                         "--expect", f"{d}/sample_output.npy"])
    if not r.get("ok") or r["outputs"][0]["comparison"]["max_abs"] != 0.0:
        fail(f"digits on {board}: output differs from numpy: {json.dumps(r)[:500]}")
    print(f"ok   execute digits: equal to numpy, {r['timing']['min_us']:.0f} us (emulated)")

    serial = host_json(host, ["emulator", "command", elf, "--serial", "null"])["serial"]
    if serial == 0:
        print("ok   host UART is USART1: no other UART to rule out")
    else:
        info_with_host_on(host, elf, serial, 0)
        r = info_with_host_on(host, elf, 0, 3)
        if "nothing came back" not in r.get("error", {}).get("message", ""):
            fail(f"with the host on USART1: expected 'nothing came back', got {r}")
        print(f"ok   answers with the host on -serial {serial}, silent with it on USART1 (-serial 0)")
    print(f"board_boot_test {board}: PASSED")


if __name__ == "__main__":
    main()
