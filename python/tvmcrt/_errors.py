# SPDX-License-Identifier: Apache-2.0
"""The exceptions of tvmcrt: one class per exit code of tvmcrt-host (docs/cli.md), all under
tvmcrt.Error, with the same messages the command line prints.

Ctrl-C during a call raises KeyboardInterrupt (or whatever your SIGINT handler raises), not one of
these; the device stays usable for the next call.
"""
import builtins


class Error(Exception):
    """Every failure tvmcrt reports. ``exit_code`` is tvmcrt-host's exit code for the same failure,
    ``error_class`` its name in ``--json`` output ("usage", "transport", ...)."""

    exit_code = 1
    error_class = "internal"


class UsageError(Error, ValueError):
    """Bad arguments, caught before anything is sent: an unknown model, input, pool or region, a
    missing input, a dtype or element count other than the tensor's, a non-contiguous array, a
    closed device. Exit code 2."""

    exit_code = 2
    error_class = "usage"


class TransportError(Error):
    """The port: missing, busy, permission denied, connection refused, the link closed (device
    unplugged or killed, another client took a ser2net port). Exit code 3."""

    exit_code = 3
    error_class = "transport"


class TimeoutError(Error, builtins.TimeoutError):
    """The device stopped answering (after the retransmissions), or the line is too noisy for any
    answer to get through whole. Also a built-in TimeoutError. Exit code 4."""

    exit_code = 4
    error_class = "timeout"


class ProtocolError(Error):
    """Another protocol version (both are named) or malformed responses. Exit code 5."""

    exit_code = 5
    error_class = "protocol"


class DeviceError(Error):
    """The agent refused a request or the model failed. ``last_error`` is the device's last error
    text after the failure (TVMGetLastError() when the model failed; "" when it has none) and
    ``code`` its code. Exit code 6."""

    exit_code = 6
    error_class = "device"
    last_error = ""
    code = 0


class MismatchError(Error):
    """Outputs differ from references (tvmcrt.testing.assert_outputs raises AssertionError
    instead, for pytest). Exit code 7."""

    exit_code = 7
    error_class = "mismatch"


class FileError(Error):
    """Unreadable or malformed .npy data, unsupported dtype, unwritable file. Exit code 8."""

    exit_code = 8
    error_class = "file"


class ResetError(Error):
    """The device reset during the call (a new boot id or a Boot frame): its inputs, placements and
    outputs are gone. Call Device.reconnect() and run again. Exit code 9."""

    exit_code = 9
    error_class = "reset"
