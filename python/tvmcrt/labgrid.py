# SPDX-License-Identifier: Apache-2.0
"""labgrid support: TvmcrtDriver runs executes on a labgrid target's serial port through tvmcrt's
Python API, and TvmcrtStrategy brings the board to a state where it answers (power, flash).

In a labgrid environment file (docs/farms.md):

    targets:
      main:
        resources:
          NetworkSerialPort: {host: labhost, port: 2000, protocol: rfc2217, speed: 115200}
        drivers:
          TvmcrtDriver: {}
    imports:
      - tvmcrt.labgrid

Bound to a RawSerialPort (a local /dev/ttyACM0) or a NetworkSerialPort exported by ser2net or a
labgrid exporter: protocol "raw" is a socket:// port, "rfc2217" an rfc2217:// port. Activating the
driver opens the port and says Hello; deactivating it closes the port, so another client (a
console, a flasher) can take it. tvmcrt's pytest fixture tvmcrt_device uses the driver of the
target when pytest runs with --lg-env.
"""
import enum

import attr
from labgrid.driver.common import Driver
from labgrid.factory import target_factory
from labgrid.resource import NetworkSerialPort, RawSerialPort
from labgrid.step import step
from labgrid.strategy.common import Strategy, StrategyError
from labgrid.util.proxy import proxymanager

import tvmcrt


def port_string(resource) -> str:
    """The tvmcrt port string of a labgrid serial resource."""
    if isinstance(resource, RawSerialPort):
        return resource.port
    if isinstance(resource, NetworkSerialPort):
        host, port = proxymanager.get_host_and_port(resource)
        if resource.protocol == "raw":
            return "socket://%s:%s" % (host, port)
        if resource.protocol == "rfc2217":
            return "rfc2217://%s:%s" % (host, port)
        raise tvmcrt.UsageError("NetworkSerialPort %s:%s has protocol %r; tvmcrt takes 'raw' (socket://) or "
                                "'rfc2217'" % (resource.host, resource.port, resource.protocol))
    raise tvmcrt.UsageError("TvmcrtDriver cannot use a %s" % type(resource).__name__)


@target_factory.reg_driver
@attr.s(eq=False)
class TvmcrtDriver(Driver):
    """Executes models on the target through its serial port (tvmcrt.Device).

    Attributes (all optional): timeout (seconds one run may take), turnaround, retries,
    noise_retries (the link's patience, as tvmcrt-host's options of the same names). The baud
    rate is the resource's speed."""

    bindings = {"port": {"RawSerialPort", "NetworkSerialPort"}}
    timeout = attr.ib(default=60.0, converter=float)
    turnaround = attr.ib(default=0.5, converter=float)
    retries = attr.ib(default=4, converter=int)
    noise_retries = attr.ib(default=32, converter=int)

    def __attrs_post_init__(self):
        super().__attrs_post_init__()
        self.device = None

    def on_activate(self):
        self.device = tvmcrt.connect(port_string(self.port), baud=self.port.speed, timeout=self.timeout,
                                     turnaround=self.turnaround, retries=self.retries,
                                     noise_retries=self.noise_retries)

    def on_deactivate(self):
        if self.device is not None:
            self.device.close()
        self.device = None

    @Driver.check_active
    @step(args=["model"])
    def execute(self, model, inputs, repeat=1, timeout=None):
        """tvmcrt.Device.execute(): the outputs and on-device times as a tvmcrt.Result."""
        return self.device.execute(model, inputs, repeat=repeat, timeout=timeout)

    @Driver.check_active
    def info(self):
        return self.device.info()

    @Driver.check_active
    @step(args=["model"])
    def set_workspaces(self, model, placements):
        self.device.set_workspaces(model, placements)

    @Driver.check_active
    def last_error(self):
        return self.device.last_error()


class Status(enum.Enum):
    unknown = 0
    off = 1
    ready = 2  # powered, flashed if a flasher is bound, and answering Hello


@target_factory.reg_driver
@attr.s(eq=False)
class TvmcrtStrategy(Strategy):
    """Off / ready for a board that runs the tvmcrt agent.

    ready: power switched off and on if a power driver is bound, the image flashed if a
    BootstrapProtocol driver is bound (OpenOCDDriver, ...; ``image`` names it in the environment's images), then
    TvmcrtDriver activated (Hello answered). off: TvmcrtDriver deactivated, power off. A board
    with neither (QEMU behind ser2net, a board on a hub you cannot switch) just connects."""

    bindings = {
        "power": {"PowerProtocol", None},
        "flasher": {"BootstrapProtocol", None},
        "tvmcrt": "TvmcrtDriver",
    }
    status = attr.ib(default=Status.unknown)
    image = attr.ib(default=None)

    @step(args=["status"])
    def transition(self, status, *, step):  # pylint: disable=redefined-outer-name
        if not isinstance(status, Status):
            status = Status[status]
        if status == Status.unknown:
            raise StrategyError("can not transition to %s" % status)
        if status == self.status:
            step.skip("nothing to do")
            return
        self.target.deactivate(self.tvmcrt)
        if self.power:
            self.target.activate(self.power)
            self.power.off()
        if status == Status.ready:
            if self.power:
                self.power.on()
            if self.flasher:  # OpenOCD's load resets the chip and runs the new image
                self.target.activate(self.flasher)
                self.flasher.load(self.target.env.config.get_image_path(self.image) if self.image else None)
            self.target.activate(self.tvmcrt)
        self.status = status

    @property
    def device(self):
        """The open tvmcrt.Device once the strategy is ready."""
        return self.tvmcrt.device
