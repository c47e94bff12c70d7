# SPDX-License-Identifier: Apache-2.0
"""End-to-end cases of tvmcrt-host's port discovery (e2e.py runs them): list-ports over a fake sysfs
tree (TVMCRT_SYSFS_ROOT, TVMCRT_DEV_ROOT) holding an ST-LINK's ttyACM — whose /dev node is the pty
of a running tvmcrt-device — and an FTDI cable's ttyUSB; then --port by USB id and serial number."""
import json
import os

from e2e_support import ctx, check, device, expect_error, host


def usb_port(root, name, bus_path, vid, pid, serial, manufacturer, product, acm):
    """A tty in sysfs as Linux lays it out for a CDC-ACM (acm=True) or a usb-serial adapter."""
    usbdev = os.path.join(root, "sys", "devices", "pci0000:00", bus_path)
    iface = os.path.join(usbdev, os.path.basename(usbdev) + ":1.0")
    os.makedirs(iface, exist_ok=True)
    for key, value in (("idVendor", vid), ("idProduct", pid), ("serial", serial), ("manufacturer", manufacturer),
                       ("product", product)):
        with open(os.path.join(usbdev, key), "w") as f:
            f.write(value + "\n")
    with open(os.path.join(iface, "interface"), "w") as f:
        f.write("ST-Link VCP Data\n" if acm else "FT232R USB UART\n")
    device = iface if acm else os.path.join(iface, name)
    os.makedirs(device, exist_ok=True)
    bus = os.path.join(root, "sys", "bus", "usb" if acm else "usb-serial")
    drv = os.path.join(root, "sys", "bus", "usb", "drivers", "cdc_acm" if acm else "ftdi_sio")
    os.makedirs(bus, exist_ok=True)
    os.makedirs(drv, exist_ok=True)
    os.symlink(bus, os.path.join(device, "subsystem"))
    os.symlink(drv, os.path.join(device, "driver"))
    tty = os.path.join(root, "sys", "class", "tty", name)
    os.makedirs(tty)
    os.symlink(device, os.path.join(tty, "device"))


def case_list_ports():
    d, pty = device()
    root = os.path.join(ctx.tmp, "root")
    os.makedirs(os.path.join(root, "dev"))
    usb_port(root, "ttyACM0", "usb1/1-1", "0483", "374b", "066DFF485550755187121435", "STMicroelectronics",
             "STM32 STLink", acm=True)
    usb_port(root, "ttyUSB0", "usb1/1-2", "0403", "6001", "A50285BI", "FTDI", "FT232R USB UART", acm=False)
    os.makedirs(os.path.join(root, "sys", "class", "tty", "tty0"))  # a virtual console: no device, not listed
    os.symlink(pty, os.path.join(root, "dev", "ttyACM0"))          # the board behind the ST-LINK
    env = {"TVMCRT_SYSFS_ROOT": os.path.join(root, "sys"), "TVMCRT_DEV_ROOT": os.path.join(root, "dev")}
    saved = {k: os.environ.get(k) for k in env}
    os.environ.update(env)
    try:
        r = host("list-ports", "--json")
        check(r.returncode == 0, "list-ports", r)
        ports = {p["name"]: p for p in json.loads(r.stdout)["ports"]}
        check(sorted(ports) == ["ttyACM0", "ttyUSB0"], "the two USB ports, not the console", r)
        acm, ftdi = ports["ttyACM0"], ports["ttyUSB0"]
        check(acm["vid"] == "0483" and acm["pid"] == "374b" and acm["serial_number"] == "066DFF485550755187121435"
              and "ST-LINK" in acm["kind"] and acm["driver"] == "cdc_acm"
              and acm["port"] == "usb:0483:374b:066DFF485550755187121435", "the ST-LINK, marked", r)
        check(ftdi["vid"] == "0403" and "FTDI" in ftdi["kind"] and ftdi["product"] == "FT232R USB UART"
              and ftdi["subsystem"] == "usb-serial", "the FTDI cable", r)
        r = host("list-ports")
        check("ST-LINK" in r.stdout and "0483:374b" in r.stdout and r.stdout.count("\n") == 2, "text table", r)
        # By what it is: the ST-LINK is the board (the pty of tvmcrt-device behind the fake node).
        for sel in ("usb:0483:374b", "serial:066DFF485550755187121435", "usb:0483:374b:066DFF485550755187121435"):
            r = host("info", "--port", sel, "--json")
            check(r.returncode == 0 and json.loads(r.stdout)["device"]["platform"] == "posix", "info --port " + sel, r)
            check(json.loads(r.stdout)["device"]["port"] == sel + " (" + os.path.join(root, "dev", "ttyACM0") + ")",
                  "the port names the device it chose", r)
        expect_error(host("info", "--port", "usb:1366:0105", "--json"), 3, "transport", "no serial port matches",
                     "plugged in: " + os.path.join(root, "dev", "ttyACM0") + " (usb:0483:374b:066DFF")
        expect_error(host("info", "--port", "usb:48:zz", "--json"), 2, "usage", "hexadecimal ids")
        # Two boards of one kind: the serial number tells them apart.
        usb_port(root, "ttyACM1", "usb1/1-3", "0483", "374b", "0670FF3031", "STMicroelectronics", "STM32 STLink", True)
        expect_error(host("info", "--port", "usb:0483:374b", "--json"), 2, "usage", "2 ports match",
                     "add the serial number")
    finally:
        for k, v in saved.items():
            if v is None:
                os.environ.pop(k, None)
            else:
                os.environ[k] = v
        d.stop()
