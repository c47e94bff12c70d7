# SPDX-License-Identifier: Apache-2.0
"""Link time of one execute (upload N bytes, download N bytes) under other tools' published framing,
for the anchor columns of bench/run. Models, not measurements: every assumption is written here.

Common link model (the same one tvmcrt is measured under, through tvmcrt-linksim):
  rate      R bytes/s on each direction (a UART's baud / 10 for 8N1; 1e6 for the USB-CDC-like link)
  latency   L seconds one way: a reply to the last byte of a packet starts arriving 2 L after it was
            sent (the "turnaround"); the device's own processing time is taken as zero, which favours
            the stop-and-wait protocols below.
  theory    the physical limit: 2 N / R (every payload byte once at the line rate, nothing else).

ST validate-on-target (X-CUBE-AI aiValidation, stm_ai_runner; its stm32msg spec): every protobuf
message is cut into 33-byte packets (1 size/flag byte + 32 data bytes, padded). Host -> target:
after each packet but the last the host waits for a 1-byte sync from the target (stop-and-wait, a
33-byte receive buffer on the target). Target -> host: packets stream without syncs. The tensor's
protobuf framing (tag, length, reqid, ...) is a few bytes per message and is left out (favours ST).
One request/answer exchange starts each direction (one turnaround each).

MLPerf Tiny runner (EEMBC energyrunner dut.py + the reference firmware's ee_buffer_parse): the input
goes as `db load N%`, then commands `db <hex>%` of 31 bytes each (62 hex digits; '%' ends a
command); the runner waits for the firmware's `m-ready\r\n` (9 bytes) after every command. The
firmware prints a byte buffer as lines `m-buffer-xx-xx-xx-xx-xx-xx-xx-xx\r\n` (8 bytes in 34
characters, `db print`), which is taken as the download format for a byte tensor (its `results`
command prints fp32 text, longer still). One `m-ready` exchange starts the download.
"""
import math


def theory_s(n, rate):
    return 2 * n / rate


def st_validate_s(n, rate, latency):
    packets = math.ceil(n / 32)
    turnaround = 2 * latency
    upload = packets * 33 / rate + (packets - 1) * (turnaround + 1 / rate)
    download = packets * 33 / rate
    return upload + download + 2 * turnaround


def mlperf_runner_s(n, rate, latency):
    turnaround = 2 * latency
    ready = 9  # "m-ready\r\n"
    load = len(f"db load {n}%") + ready
    commands = math.ceil(n / 31)
    upload_bytes = load + commands * (len("db ") + 1 + ready) + 2 * n
    upload = upload_bytes / rate + (commands + 1) * turnaround
    lines = math.ceil(n / 8)
    download_bytes = len("db print%") + lines * (len("m-buffer-") + 2) + 2 * n + (n - lines) + ready
    download = download_bytes / rate + turnaround
    return upload + download


def utilisation(n, rate, latency):
    """(ST validate-on-target, MLPerf Tiny runner) as theory / modelled time."""
    t = theory_s(n, rate)
    return t / st_validate_s(n, rate, latency), t / mlperf_runner_s(n, rate, latency)


if __name__ == "__main__":
    for name, rate in (("115200", 11520), ("921600", 92160), ("USB 1 MB/s", 1e6)):
        st, ml = utilisation(64 * 1024, rate, 0.001)
        print(f"{name:12} ST {st:.1%}  MLPerf {ml:.1%}")
