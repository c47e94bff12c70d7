#!/usr/bin/python3
# SPDX-License-Identifier: Apache-2.0
"""flash_test.py FLASH FIRMWARE_DIR RULES — scripts/flash without silicon: a fake sysfs stands in for
the USB bus (TVMCRT_SYSFS_USB, TVMCRT_DEV_USB) and fake st-flash / openocd / pyocd / pyocd-flashtool
record the arguments they get. Checks the command each tool gets per board (from the image's
.tvmcrt.board section), the errors for no probe, two probes, no tool, an image for QEMU only and a
file that is not an image, that a failing tool's output is shown, and that the udev rules file
parses.
"""
import os
import re
import shutil
import stat
import subprocess
import sys
import tempfile

FAILURES = []


def check(cond, what):
    print(("ok   " if cond else "FAIL ") + what)
    if not cond:
        FAILURES.append(what)


class Bench:
    def __init__(self, root, flash, fw):
        self.root, self.flash, self.fw = root, flash, fw
        self.sysfs = os.path.join(root, "sys")
        self.dev = os.path.join(root, "dev")
        self.bin = os.path.join(root, "bin")
        self.log = os.path.join(root, "argv")
        for d in (self.sysfs, self.dev, self.bin):
            os.makedirs(d)

    def probe(self, name, product, serial, devnum):
        d = os.path.join(self.sysfs, name)
        os.makedirs(d)
        for k, v in (("idVendor", "0483"), ("idProduct", product), ("serial", serial), ("busnum", "1"),
                     ("devnum", str(devnum))):
            with open(os.path.join(d, k), "w") as f:
                f.write(v + "\n")
        node = os.path.join(self.dev, "001", f"{devnum:03d}")
        os.makedirs(os.path.dirname(node), exist_ok=True)
        open(node, "w").close()
        return node

    def tool(self, name, code=0, output=""):
        path = os.path.join(self.bin, name)
        with open(path, "w") as f:
            f.write(f"#!/bin/sh\nprintf '%s\\n' \"$@\" > {self.log}\nprintf '%s' '{output}'\nexit {code}\n")
        os.chmod(path, 0o755)

    def run(self, *args, as_nobody=False):
        if os.path.exists(self.log):
            os.remove(self.log)
        env = dict(os.environ, PATH=self.bin, TVMCRT_SYSFS_USB=self.sysfs, TVMCRT_DEV_USB=self.dev)
        # As root every node opens: the no-access case runs as nobody (setpriv, util-linux).
        drop = ["/usr/bin/setpriv", "--reuid=65534", "--regid=65534", "--clear-groups"] if as_nobody else []
        p = subprocess.run(drop + [self.flash] + list(args), capture_output=True, text=True, env=env, timeout=30)
        argv = open(self.log).read().splitlines() if os.path.exists(self.log) else None
        return p.returncode, p.stdout + p.stderr, argv

    def world_readable_copy(self, flash, rules, elf):
        """Copies scripts/flash (with udev/ beside it, where it looks for the rules) and an image into
        the bench; returns the copied script."""
        scripts = os.path.join(self.root, "scripts")
        os.makedirs(os.path.join(scripts, "udev"))
        shutil.copy(flash, scripts)
        shutil.copy(rules, os.path.join(scripts, "udev"))
        shutil.copy(elf, self.root)
        for d, _, files in os.walk(self.root):
            os.chmod(d, 0o755)
        for path in (os.path.join(scripts, "flash"), os.path.join(self.root, os.path.basename(elf))):
            os.chmod(path, 0o755)
        os.chmod(os.path.join(scripts, "udev", os.path.basename(rules)), 0o644)
        return os.path.join(scripts, "flash")

    def elf(self, board):
        return os.path.join(self.fw, f"tvmcrt-fw-{board}.elf")


def rules_parse(path):
    """Every rule line is KEY{attr}OP"value" pairs joined by ", " with keys udev knows."""
    pair = re.compile(r'(ATTRS?\{\w+\}|ENV\{\w+\}|SUBSYSTEMS?|ACTION|KERNEL|MODE|GROUP|TAG)(==|!=|\+=|:=|=)"[^"]*"')
    bad = []
    for line in open(path):
        line = line.strip()
        if not line or line.startswith("#"):
            continue
        pairs = line.split(", ")
        if not all(pair.fullmatch(p) for p in pairs):
            bad.append(line)
    return bad


def main():
    flash, fw, rules = (os.path.abspath(a) for a in sys.argv[1:4])
    with tempfile.TemporaryDirectory() as root:
        b = Bench(root, flash, fw)
        code, out, _ = b.run(b.elf("nucleo_f401re"))
        check(code == 2 and "no flashing tool is installed" in out, f"no tool: exit 2 and says so ({code}: {out.strip()[:120]})")

        code, out, _ = b.run(b.elf("nucleo_f429zi"), "--tool", "openocd", "--dry-run")
        check(code == 0 and "openocd -f board/st_nucleo_f4.cfg -c 'program " in out,
              f"--dry-run prints the command with no tool and no probe ({code}: {out.strip()[:120]})")

        for t in ("st-flash", "openocd", "pyocd"):
            b.tool(t)
        code, out, argv = b.run(b.elf("nucleo_f401re"))
        check(code == 3 and "no ST-LINK probe on USB" in out and "lsusb" in out and argv is None,
              f"no probe: exit 3, says what to plug in, runs no tool ({code}: {out.strip()[:160]})")

        node = b.probe("1-2", "374b", "066CFF515", 5)
        elf401 = b.elf("nucleo_f401re")
        code, out, argv = b.run(elf401)
        check(code == 0 and argv == ["--reset", "--serial", "066CFF515", "write", elf401[:-4] + ".bin", "0x08000000"],
              f"st-flash first: writes the .bin at 0x08000000 on the probe found ({code}: {argv})")
        code, out, argv = b.run(b.elf("stm32f4_discovery"), "--tool", "openocd")
        check(code == 0 and argv == ["-f", "board/stm32f4discovery.cfg", "-c", "adapter serial 066CFF515", "-c",
                                     f"program {b.elf('stm32f4_discovery')} verify reset exit"],
              f"openocd: the board's configuration, program verify reset ({argv})")
        code, out, argv = b.run(b.elf("nucleo_l4r5zi"), "--tool", "openocd")
        check(code == 0 and argv[:2] == ["-f", "board/st_nucleo_l4.cfg"], f"openocd: the STM32L4+ board's configuration ({argv})")
        code, out, argv = b.run(b.elf("nucleo_f446re"), "--tool", "pyocd")
        check(code == 0 and argv == ["flash", "-t", "stm32f446retx", "-u", "066CFF515", b.elf("nucleo_f446re")],
              f"pyocd: the board's target ({argv})")
        os.remove(os.path.join(b.bin, "pyocd"))
        b.tool("pyocd-flashtool")
        code, out, argv = b.run(b.elf("nucleo_f429zi"), "--tool", "pyocd")
        check(code == 0 and argv == ["-t", "stm32f439xi", "-b", "066CFF515", b.elf("nucleo_f429zi")],
              f"Debian 12's pyocd-flashtool: the F429 as stm32f439xi ({argv})")
        code, out, argv = b.run(elf401, "--tool", "pyocd")
        check(code == 2 and "has no target for NUCLEO-F401RE" in out and argv is None,
              f"pyocd-flashtool and an F401: exit 2, names the other tools ({out.strip()[:140]})")

        b.tool("st-flash", 255, "WARN usb.c: Could not open the probe")
        code, out, _ = b.run(elf401)
        check(code == 1 and "Could not open the probe" in out and "st-flash failed (exit 255)" in out,
              f"a failing tool: exit 1 with its output ({out.strip()[:160]})")
        b.tool("st-flash")

        os.chmod(node, 0)
        os.chmod(root, 0o755)  # for nobody
        as_nobody = os.geteuid() == 0
        if as_nobody:
            # nobody may not read a checkout under /root (a clean root's CI clone): it runs copies of
            # the script, its rules file and the image from the world-readable bench.
            b.flash = b.world_readable_copy(flash, rules, elf401)
            elf401 = os.path.join(root, os.path.basename(elf401))
        code, out, _ = b.run(elf401, as_nobody=as_nobody)
        check(code == 3 and "may not open" in out and "/etc/udev/rules.d/" in out and "plugdev" in out,
              f"no access to the probe: exit 3, names the rules and the group ({out.strip()[:140]})")
        os.chmod(node, stat.S_IRUSR | stat.S_IWUSR)
        b.flash, elf401 = flash, b.elf("nucleo_f401re")

        b.probe("1-3", "3748", "48FF6B06", 6)
        code, out, argv = b.run(elf401)
        check(code == 2 and "2 ST-LINK probes are connected" in out and argv is None, f"two probes: asks for --serial ({out.strip()[:120]})")
        code, out, argv = b.run(elf401, "--serial", "48FF")
        check(code == 0 and argv[:3] == ["--reset", "--serial", "48FF6B06"], f"--serial picks one ({argv})")

        code, out, _ = b.run(os.path.join(fw, "tvmcrt-an386.elf"))
        check(code == 2 and "runs under QEMU" in out, f"an image for QEMU only: exit 2 ({out.strip()[:120]})")
        code, out, _ = b.run(rules)
        check(code == 2 and "is not a 32-bit little-endian ELF file" in out, f"not an ELF: exit 2 ({out.strip()[:120]})")

    bad = rules_parse(rules)
    check(not bad, f"udev rules parse as KEY OP \"value\" pairs ({bad})")
    if FAILURES:
        sys.exit(f"flash_test: {len(FAILURES)} failed")
    print("flash_test: PASSED")


if __name__ == "__main__":
    main()
