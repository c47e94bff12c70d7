#!/usr/bin/python3
# SPDX-License-Identifier: Apache-2.0
"""The emulated board as users drive it: one launcher, repeatable times, no emulator left behind.

    emulator_test.py TVMCRT_HOST QEMU_BOARD FIRMWARE.elf EXAMPLES_DIR

- a fresh board answers the first Hello: no retransmission, no "noisy line" note (six starts);
- times under the default port are instruction-counted: two runs give the same on-device time, the
  output says the time is emulated, and TVMCRT_QEMU_ARGS="-icount shift=1" (2 ns an instruction)
  doubles it, through `--port qemu` and through scripts/qemu-board alike (one launcher);
- tvmcrt-host killed by SIGTERM, SIGHUP, SIGINT or SIGKILL in the middle of a run leaves no QEMU;
  scripts/qemu-board killed by SIGKILL neither.
Each run boots a copy of the image under a name of its own, so other tests' boards are not seen.
"""
import json
import os
import shutil
import signal
import subprocess
import sys
import tempfile
import time


def fail(msg):
    sys.exit(f"emulator_test: FAIL: {msg}")


def qemu_pids(image):
    """Pids of processes whose command line names image (our QEMUs)."""
    pids = []
    for p in os.listdir("/proc"):
        if not p.isdigit():
            continue
        try:
            with open(f"/proc/{p}/cmdline", "rb") as f:
                argv = f.read().split(b"\0")
        except OSError:
            continue
        if image.encode() in argv and b"qemu" in os.path.basename(argv[0]):
            pids.append(int(p))
    return pids


def wait_gone(image, what, seconds=5.0):
    deadline = time.monotonic() + seconds
    while qemu_pids(image):
        if time.monotonic() > deadline:
            fail(f"{what}: QEMU {qemu_pids(image)} still runs {seconds:.0f} s later")
        time.sleep(0.05)


def device_time(cmd, env):
    """The timing of one execute; a healthy start must need no retransmission and print no note."""
    out = subprocess.run(cmd, env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, timeout=60)
    if out.returncode != 0:
        fail(f"{' '.join(cmd)} exited {out.returncode}: {out.stderr}")
    r = json.loads(out.stdout)
    if r["link"]["retransmits"] or r["link"]["bad_frames"] or "note:" in out.stderr:
        fail(f"a fresh board needed retransmissions (the boot race): {r['link']}, stderr {out.stderr!r}")
    return r["timing"]


def main():
    host, board, fw, examples = sys.argv[1:5]
    sample = os.path.join(examples, "digits", "data", "sample_input.npy")
    work = tempfile.mkdtemp()
    try:
        image = os.path.join(work, "emulator-test.elf")
        shutil.copy(fw, image)
        env = {k: v for k, v in os.environ.items() if not k.startswith("TVMCRT_")}
        env["TVMCRT_HOST"] = host
        execute = [host, "execute", "--port", "qemu:" + image, "-m", "digits", "--input", sample, "--json"]

        t0 = device_time(execute, env)
        t1 = device_time(execute, env)
        for _ in range(4):  # the boot race hit one start in three
            device_time(execute, env)
        if not t0["emulated"] or "-icount shift=0" not in t0["time_source"]:
            fail(f"the default port's timing does not say it is instruction-counted: {t0}")
        if t0["median_us"] != t1["median_us"]:
            fail(f"two runs under -icount gave {t0['median_us']} and {t1['median_us']} us")
        slow = dict(env, TVMCRT_QEMU_ARGS="-icount shift=1")
        t2 = device_time(execute, slow)
        if "-icount shift=1" not in t2["time_source"] or not 1.9 <= t2["median_us"] / t0["median_us"] <= 2.1:
            fail(f"TVMCRT_QEMU_ARGS=-icount shift=1 through --port qemu: {t2} against {t0}")
        via_board = [sys.executable, board, "run", image, "--", host, "execute", "--port", "{port}", "-m",
                     "digits", "--input", sample, "--json"]
        t3 = device_time(via_board, slow)
        if t3["median_us"] != t2["median_us"]:
            fail(f"scripts/qemu-board and --port qemu boot differently: {t3['median_us']} vs {t2['median_us']} us")
        print(f"times: {t0['median_us']} us twice at shift=0, {t2['median_us']} us at shift=1 (both launchers)")

        # RAM's power-up noise: random bytes at the image's tvmcrt_cm_boot_noise, new for each launch.
        nm = shutil.which("arm-none-eabi-nm")
        if nm:
            syms = subprocess.run([nm, image], capture_output=True, text=True, check=True).stdout.split()
            addr = int(syms[syms.index("tvmcrt_cm_boot_noise") - 2], 16)
            loaders = []
            for _ in range(2):
                argv = json.loads(subprocess.run([host, "emulator", "command", image, "--json"], env=env,
                                                 capture_output=True, text=True, check=True).stdout)["argv"]
                loaders += [argv[i + 1] for i, a in enumerate(argv[:-1]) if a == "-device" and "loader" in argv[i + 1]]
            want = "loader,addr=0x%08x,data=0x" % addr
            if len(loaders) != 2 or not all(l.startswith(want) and l.endswith(",data-len=8") for l in loaders) \
                    or loaders[0] == loaders[1]:
                fail(f"the launcher's boot noise: {loaders}, want two different '{want}...,data-len=8'")

        # A long run (the model 200000 times), ended from outside once QEMU is up.
        endless = execute[:-1] + ["--repeat", "200000"]
        for sig in (signal.SIGTERM, signal.SIGHUP, signal.SIGINT, signal.SIGKILL):
            proc = subprocess.Popen(endless, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
            deadline = time.monotonic() + 20
            while not qemu_pids(image):
                if proc.poll() is not None or time.monotonic() > deadline:
                    fail(f"no QEMU came up for tvmcrt-host (exit {proc.poll()})")
                time.sleep(0.05)
            time.sleep(0.5)  # in the middle of the runs
            proc.send_signal(sig)
            proc.wait(timeout=20)
            wait_gone(image, f"tvmcrt-host ended by {sig.name}")
            print(f"{sig.name} to tvmcrt-host: exit {proc.returncode}, no QEMU left")

        proc = subprocess.Popen([sys.executable, board, "run", image, "--", "sleep", "60"], env=env,
                                stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        deadline = time.monotonic() + 20
        while not qemu_pids(image):
            if proc.poll() is not None or time.monotonic() > deadline:
                fail(f"no QEMU came up for qemu-board (exit {proc.poll()})")
            time.sleep(0.05)
        proc.kill()
        proc.wait()
        wait_gone(image, "scripts/qemu-board ended by SIGKILL")
        print("SIGKILL to qemu-board: no QEMU left")
        print("emulator_test: PASSED")
    finally:
        for pid in qemu_pids(os.path.join(work, "emulator-test.elf")):
            os.kill(pid, signal.SIGKILL)
        shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    main()
