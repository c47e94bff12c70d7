# SPDX-License-Identifier: Apache-2.0
"""tvmcrt: run models compiled to C on a device running the tvmcrt agent, from Python.

    import numpy as np, tvmcrt
    with tvmcrt.connect() as dev:                  # the emulated board; or "/dev/ttyACM0", ...
        x = np.load("examples/digits/data/sample_input.npy")
        r = dev.execute("digits", {"input": x})
        print(r.outputs["output"], r.time_us)

The same ports, messages and error classes as tvmcrt-host (docs/cli.md); docs/python.md has the
whole API, the pytest plugin (tvmcrt.pytest_plugin) and the labgrid driver (tvmcrt.labgrid).
"""
from ._errors import (DeviceError, Error, FileError, MismatchError, ProtocolError, ResetError, TimeoutError,
                      TransportError, UsageError)
from ._device import (Device, DeviceInfo, LastError, Model, OperatorTime, Pool, ProfileResult, Region, Result,
                      Tensor, connect, resolve_port)
from ._compare import Comparison, compare

from ._tvmcrt import PROTOCOL_VERSION, VERSION as __version__

# Public classes are tvmcrt.X wherever they are defined (help(), tracebacks, pickling).
for _cls in (Device, DeviceInfo, LastError, Model, OperatorTime, Pool, ProfileResult, Region, Result, Tensor,
             Comparison, Error, UsageError,
             TransportError, TimeoutError, ProtocolError, DeviceError, MismatchError, FileError, ResetError):
    _cls.__module__ = __name__
del _cls

__all__ = [
    "connect", "Device", "DeviceInfo", "Model", "Tensor", "Pool", "Region", "Result", "LastError",
    "ProfileResult", "OperatorTime",
    "compare", "Comparison", "resolve_port", "PROTOCOL_VERSION",
    "Error", "UsageError", "TransportError", "TimeoutError", "ProtocolError", "DeviceError", "MismatchError",
    "FileError", "ResetError",
]
