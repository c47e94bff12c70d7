# SPDX-License-Identifier: Apache-2.0
"""tvmcrt.connect() and tvmcrt.Device: a device running the tvmcrt agent, from Python."""
import os
from dataclasses import dataclass
from typing import Any, Dict, List, Mapping, Optional, Tuple, Union

import numpy as np

from . import _tvmcrt
from ._errors import ResetError, UsageError

Inputs = Union[np.ndarray, Mapping[str, np.ndarray]]
Placement = Union[str, Tuple[str, int], Tuple[str, int, int]]


@dataclass(frozen=True)
class Tensor:
    """An input or output of a model: its name, numpy dtype, shape and size in bytes."""

    name: str
    dtype: Optional[np.dtype]  # None for a dtype this host does not know
    shape: Tuple[int, ...]
    size_bytes: int


@dataclass(frozen=True)
class Pool:
    """A memory pool of a model and where it is placed (``region`` None: not placed)."""

    name: str
    size_bytes: int
    alignment: int
    is_stack: bool
    region: Optional[str] = None
    offset: Optional[int] = None
    assigned_size: Optional[int] = None


@dataclass(frozen=True)
class Model:
    """A model the firmware serves; ``inputs`` and ``outputs`` keep the model's order."""

    name: str
    index: int
    inputs: Dict[str, Tensor]
    outputs: Dict[str, Tensor]
    pools: Dict[str, Pool]


@dataclass(frozen=True)
class Region:
    """A memory region of the device that pools can be placed in."""

    name: str
    size: int
    alignment: int


@dataclass(frozen=True)
class DeviceInfo:
    """What the device said about itself (Hello) and its models (ModelInfo)."""

    port: str
    platform: str
    firmware_build_id: str
    protocol_version: int
    boot_id: int
    max_frame_payload: int
    receive_window: int
    tick_hz: int
    emulation: Optional[str]  # how times are emulated (QEMU, -icount); None on real hardware
    regions: Dict[str, Region]
    models: Dict[str, Model]


class Result:
    """What one Device.execute() returned.

    outputs: name -> ndarray of the model's dtype and shape, in the model's order; output: the
    only one. times_us: on-device time of TVMExecute() per run (``repeat`` runs); time_us: their
    median. round_trips_us: the host's Execute round trip per run. peak_workspace: bytes of the
    stack workspace used at the peak. emulated: how the times were emulated (QEMU with -icount
    counts instructions, not a chip's cycles); None on real hardware.
    """

    # A plain class with slots: it is made on every execute, and a dataclass costs microseconds.
    __slots__ = ("outputs", "times_us", "round_trips_us", "peak_workspace", "emulated")

    def __init__(self, outputs: Dict[str, np.ndarray], times_us: List[float], round_trips_us: List[float],
                 peak_workspace: int, emulated: Optional[str] = None):
        self.outputs = outputs
        self.times_us = times_us
        self.round_trips_us = round_trips_us
        self.peak_workspace = peak_workspace
        self.emulated = emulated

    @property
    def time_us(self) -> float:
        """The median on-device time over the runs."""
        t = sorted(self.times_us)
        n = len(t)
        return 0.0 if n == 0 else float(t[n // 2]) if n % 2 else (t[n // 2 - 1] + t[n // 2]) / 2

    @property
    def output(self) -> np.ndarray:
        """The only output (UsageError when the model has several)."""
        if len(self.outputs) != 1:
            raise UsageError("the model has %d outputs (%s); pick one from .outputs"
                             % (len(self.outputs), ", ".join(self.outputs)))
        return next(iter(self.outputs.values()))

    def __repr__(self) -> str:
        outs = ", ".join("%s: %s %s" % (k, v.dtype, list(v.shape)) for k, v in self.outputs.items())
        return "<tvmcrt.Result %s; time %g us over %d run(s)%s>" % (
            outs, self.time_us, len(self.times_us), " (emulated)" if self.emulated else "")


@dataclass(frozen=True)
class OperatorTime:
    """One operator of a profiled run: ticks are the device's clock (ProfileResult.tick_hz) with
    the probe's own cost taken out; share is of all timed operators' ticks (0..1); first_tick is
    when its first call began, in ticks after the run began (docs/profile.md)."""

    name: str
    index: int
    calls: int
    ticks: int
    us: float
    share: float
    min_ticks: int
    max_ticks: int
    first_tick: int


@dataclass(frozen=True)
class ProfileResult:
    """What Device.profile() returned: the same figures as ``tvmcrt-host profile --json`` under
    the same names (``as_dict()`` gives that dict, e.g. for a baseline file), the operators slowest
    first, and the run's outputs. memory: stack_used/stack_size (the stack's high-water mark;
    stack_measured False where the port cannot tell) and peak_workspace."""

    model: str
    tick_hz: int
    probe_ticks_per_call: int
    run_ticks: int
    run_us: float
    operator_ticks: int
    operator_count: int
    recorded: int
    operators: List[OperatorTime]
    memory: Dict[str, Any]
    outputs: Dict[str, np.ndarray]
    emulated: Optional[str]

    def as_dict(self) -> Dict[str, Any]:
        """The ``tvmcrt-host profile --json`` object (without the outputs)."""
        d = {f: getattr(self, f) for f in ("model", "tick_hz", "probe_ticks_per_call", "run_ticks", "run_us",
                                           "operator_ticks", "operator_count", "recorded")}
        d.update(ok=True, time_source=self.emulated or "device", memory=dict(self.memory),
                 operators=[dict(o.__dict__) for o in self.operators])
        return d


@dataclass(frozen=True)
class LastError:
    """The device's last error (GetLastError): its code (0: none), the code's name
    ("kTVMCrtErrModelFailed (0x...)"), the text, and the index of the model it concerns (None
    when it concerns none)."""

    code: int
    name: str
    text: str
    model: Optional[int]


def resolve_port(port: Optional[str]) -> str:
    """The port as tvmcrt-host picks it: ``port``, else $TVMCRT_PORT, else the emulated board."""
    if port is not None:
        if port == "":
            raise UsageError("port is empty: name the device (/dev/ttyACM0, socket://HOST:PORT, "
                             "rfc2217://HOST:PORT, qemu:FIRMWARE.elf), or pass port=None for the emulated board")
        return port
    env = os.environ.get("TVMCRT_PORT")
    if env is not None:
        if env == "":
            raise UsageError("TVMCRT_PORT is set but empty (an unset CI variable?): put the device in it, e.g. "
                             "TVMCRT_PORT=/dev/ttyACM0, or unset it to boot the emulated board")
        return env
    return "qemu"


class Device:
    """A device running the tvmcrt agent: a board on a serial port, a board behind ser2net, the
    native tvmcrt-device, or the emulated board. Open it with tvmcrt.connect(); use it as a
    context manager, or call close().

    One connection serves every call: inputs, placements and outputs stay on the device between
    them (the emulated board boots once, when the Device opens, and stops when it closes). Calls
    release the GIL while they wait for the device; Ctrl-C raises KeyboardInterrupt within about
    0.1 s and the next call starts on a clean line. A Device may be shared by threads: its calls
    run one at a time.

    Errors are tvmcrt.Error subclasses (UsageError, TransportError, TimeoutError, ProtocolError,
    DeviceError, ResetError, ...) with tvmcrt-host's messages. Bad inputs fail before anything is
    sent. After a ResetError the next call reconnects first (a new Hello; placements are gone).
    """

    def __init__(self, port: Optional[str] = None, baud: int = 115200, timeout: float = 60.0,
                 turnaround: float = 0.5, retries: int = 4, noise_retries: int = 32):
        """Opens ``port`` (see tvmcrt.connect) and reads what the device offers."""
        self._c = _tvmcrt.Connection(resolve_port(port), baud, timeout, turnaround, retries, noise_retries)
        self._reset = False

    # -- lifetime -----------------------------------------------------------------------------

    def close(self) -> None:
        """Closes the port (stops the emulated board). Later calls raise UsageError."""
        self._c.close()

    def reconnect(self) -> None:
        """Closes and opens the same port again: a new Hello, a fresh emulated board."""
        self._reset = False
        self._c.reconnect()

    def __enter__(self) -> "Device":
        return self

    def __exit__(self, *exc) -> None:
        self.close()

    @property
    def port(self) -> str:
        """The port in use (``qemu:<image>`` for the emulated board)."""
        return self._c.port

    @property
    def closed(self) -> bool:
        """True once close() ran (or a reconnect() failed)."""
        return self._c.closed

    def __repr__(self) -> str:
        if getattr(self, "_c", None) is None:
            return "<tvmcrt.Device (not connected)>"
        return "<tvmcrt.Device %s%s>" % (self.port, " (closed)" if self.closed else "")

    def _call(self, name, *args):
        if self._reset:
            self.reconnect()
        try:
            return getattr(self._c, name)(*args)
        except ResetError:
            self._reset = True
            raise

    # -- requests -----------------------------------------------------------------------------

    def info(self) -> DeviceInfo:
        """The device, its memory regions and every model's tensors and pools (current placements)."""
        d = self._call("info")
        models = {}
        for m in d["models"]:
            models[m["name"]] = Model(
                name=m["name"], index=m["index"],
                inputs={t["name"]: Tensor(**t) for t in m["inputs"]},
                outputs={t["name"]: Tensor(**t) for t in m["outputs"]},
                pools={p["name"]: Pool(**p) for p in m["pools"]})
        regions = {r["name"]: Region(**r) for r in d["regions"]}
        return DeviceInfo(**{**d, "regions": regions, "models": models})

    def execute(self, model: Optional[str], inputs: Inputs, repeat: int = 1,
                timeout: Optional[float] = None) -> Result:
        """Writes the inputs, runs the model ``repeat`` times and reads every output.

        model: its name (None picks the only model). inputs: a dict name -> ndarray, or one
        ndarray for a model with one input. Each array must have the tensor's dtype (no silent
        conversion), its element count (the shape may differ, e.g. (64,) for (1, 64)) and be
        C-contiguous; every input must be given. timeout: seconds one run may take (default: the
        Device's). Returns a Result with the outputs as arrays of the model's dtype and shape.
        """
        outputs, times, trips, peak, emulated = self._call("execute", model, inputs, repeat, timeout)
        return Result(outputs, times, trips, peak, emulated)

    def profile(self, model: Optional[str], inputs: Inputs, timeout: Optional[float] = None) -> ProfileResult:
        """Runs the model once with its operator probes on and returns each operator's time and
        the memory figures (a model built with PROFILE in tvmcrt_add_model(): else UsageError
        naming the option, before anything is sent). inputs and timeout as for execute()."""
        outputs, d, emulated = self._call("profile", model, inputs, timeout)
        ops = [OperatorTime(**o) for o in d.pop("operators")]
        return ProfileResult(operators=ops, outputs=outputs, emulated=emulated, **d)

    def set_workspaces(self, model: Optional[str], placements: Mapping[str, Placement]) -> None:
        """Places the model's pools in the device's memory regions:
        ``{"sram": "scratch"}``, ``{"sram": ("scratch", 0x400)}`` or ``("scratch", offset, size)``
        (offset 0 and the pool's size by default). It replaces every placement of the model: give
        every pool that must stay placed."""
        self._call("set_workspaces", model, dict(placements))

    def last_error(self) -> LastError:
        """The device's last error: TVMGetLastError() after a failed run, else the agent's text."""
        code, name, text, model = self._call("last_error")
        return LastError(code, name, text, None if model == 0xFFFFFFFF else model)


def connect(port: Optional[str] = None, baud: int = 115200, timeout: float = 60.0, turnaround: float = 0.5,
            retries: int = 4, noise_retries: int = 32) -> Device:
    """Opens a device, as tvmcrt-host --port does.

    port: /dev/ttyACM0 (or a pty), socket://HOST:PORT, rfc2217://HOST:PORT, qemu or
    qemu:FIRMWARE.elf; None: $TVMCRT_PORT, else the emulated board (the firmware this build made,
    or $TVMCRT_FIRMWARE, under QEMU, for as long as the Device is open). baud: serial line rate
    (8N1). timeout: seconds one run of a model may take. turnaround, retries, noise_retries: the
    link's patience (tvmcrt-host --turnaround, --retries, --noise-retries; docs/cli.md).
    """
    return Device(port, baud, timeout, turnaround, retries, noise_retries)
