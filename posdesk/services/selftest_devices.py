"""The self-test's device checks: camera, microphone, card terminal, printer and drawer.

A device the lane is running (the window's devices, the recorder) is asked through what owns
it — the terminal's and the printer's worker, the recorder's state — because a second
handle on the same port would steal the other's answers. A device nobody runs (the
headless `posdesk selftest`) is opened from the configuration, asked once and closed.
"""
from __future__ import annotations

import logging
import threading
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Callable, TypeVar

from posdesk.core.i18n import QT_TRANSLATE_NOOP
from posdesk.core.money import currency
from posdesk.devices.errors import DeviceError
from posdesk.devices.escpos.connection import open_connection
from posdesk.devices.escpos.profile import profile_by_name
from posdesk.devices.escpos.service import PrinterService
from posdesk.devices.escpos.status import PrinterStatus
from posdesk.devices.payment import AdminResult
from posdesk.devices.ports import SerialSettings
from posdesk.devices.zvt.client import ZvtTerminal, ZvtTimeouts
from posdesk.recording.media.errors import NoMicrophone

from .config import Config
from .media_probe import SILENCE_DBFS, listen_to_microphone, look_at_camera
from .payments import CardPayments
from .printing import ReceiptPrinting
from .recording import RecordingState, audio_source
from .selftest_report import Check, check

if TYPE_CHECKING:
    from .build import Services

log = logging.getLogger(__name__)

#: The terminal answers a status enquiry within seconds; a payment in progress may hold
#: its worker for up to a minute before the enquiry gets its turn.
RUNNING_DEVICE_TIMEOUT_S = 90.0
#: A status enquiry needs no cardholder: the terminal's first answer comes fast.
PROBE_TIMEOUTS = ZvtTimeouts(command_s=5.0, inactivity_s=15.0)

T = TypeVar("T")


def _on_worker(submit: Callable[[Callable[[T | None, BaseException | None], None]], None]) -> T | None:
    """Hand a job to a running device's worker and wait (on this, the self-test's thread)."""
    answered = threading.Event()
    outcome: list[tuple[T | None, BaseException | None]] = []

    def done(result: T | None, error: BaseException | None) -> None:
        outcome.append((result, error))
        answered.set()
    submit(done)
    if not answered.wait(RUNNING_DEVICE_TIMEOUT_S):
        raise DeviceError(f"no answer within {RUNNING_DEVICE_TIMEOUT_S:.0f} s")
    result, error = outcome[0]
    if error is not None:
        raise error
    return result


@dataclass
class DeviceAccess:
    config: Config
    #: The lane's running devices and recorder state (None: open from the configuration).
    payments: CardPayments | None = None
    printing: ReceiptPrinting | None = None
    recording_state: RecordingState | None = None
    ports: dict[str, str] = field(default_factory=dict)

    @classmethod
    def for_services(cls, services: Services) -> DeviceAccess:
        recording = services.recording
        return cls(services.config, services.devices.payments, services.devices.printing,
                   recording.state if recording is not None else None, services.devices.ports)

    def _port(self, device: str) -> str:
        return self.ports.get(device) or str(self.config.get(f"devices.{device}.port"))

    # -- camera and microphone -------------------------------------------------------------
    def cameras(self) -> list[Check]:
        checks = [self._camera("camera", str(self.config.get("recording.camera")))]
        second = str(self.config.get("recording.camera2"))
        if second:
            checks.append(self._camera("camera2", second))
        return checks

    def _camera(self, cid: str, camera: str) -> Check:
        name = camera or "test-pattern"
        state = self.recording_state
        if state is not None and state.recorder_up and cid == "camera":
            seen = QT_TRANSLATE_NOOP("SelfTest", "{camera}: the recorder has a picture") if state.camera_ok \
                else QT_TRANSLATE_NOOP("SelfTest", "{camera}: the recorder lost the picture")
            return check(cid, state.camera_ok, seen.format(camera=name),
                         QT_TRANSLATE_NOOP("SelfTest", "Check the camera's cable and recording.camera."))
        look = look_at_camera(camera)
        if look.image is None:
            return check(cid, False, QT_TRANSLATE_NOOP("SelfTest", "{error}").format(error=look.error),
                          QT_TRANSLATE_NOOP("SelfTest", "Check the camera's cable and power, and "
                                            "recording.{key} (a device number, /dev/video0 or an rtsp:// URL).")
                          .format(key=cid))
        height, width = look.image.shape[:2]
        return check(cid, True, QT_TRANSLATE_NOOP("SelfTest", "{camera}: picture {width}x{height}").format(
            camera=name, width=width, height=height))

    def microphone(self) -> Check:
        audio = audio_source(self.config)
        fix = QT_TRANSLATE_NOOP("SelfTest", "Plug in the microphone, unmute it, or pick another one "
                                "in recording.audio (microphone:<device>).")
        if audio is None:
            return check("microphone", True, QT_TRANSLATE_NOOP("SelfTest", "off: clips have no sound"))
        if audio == "synthetic":
            return check("microphone", True, QT_TRANSLATE_NOOP("SelfTest", "test tone (no microphone in use)"))
        state = self.recording_state
        if state is not None and state.recorder_up:
            heard = QT_TRANSLATE_NOOP("SelfTest", "{audio}: the recorder hears it") if state.sound_ok \
                else QT_TRANSLATE_NOOP("SelfTest", "{audio}: the recorder has no sound")
            return check("microphone", state.sound_ok, heard.format(audio=audio), fix)
        try:
            level = listen_to_microphone(audio)
        except NoMicrophone as e:
            return check("microphone", False, QT_TRANSLATE_NOOP("SelfTest", "{error}").format(error=str(e)), fix)
        return check("microphone", level > SILENCE_DBFS, QT_TRANSLATE_NOOP(
            "SelfTest", "{audio}: level {level} dBFS").format(audio=audio, level=f"{level:.0f}"), fix)

    # -- card terminal ---------------------------------------------------------------------
    def terminal(self) -> Check:
        port = self._port("terminal")
        if not port:
            return check("terminal", False, QT_TRANSLATE_NOOP("SelfTest", "No card terminal is set up."),
                          QT_TRANSLATE_NOOP("SelfTest", "Pick its port in the device settings "
                                            "(or posdesk config set devices.terminal.port PORT)."))
        fix = QT_TRANSLATE_NOOP("SelfTest", "Check that the terminal is on, its cable, the port name and "
                                "devices.terminal.baudrate ({baud}); the terminal must speak ZVT.").format(
            baud=self.config.get("devices.terminal.baudrate"))
        try:
            result = self._status_enquiry(port)
        except Exception as e:  # noqa: BLE001 - device and port errors alike are the finding
            return check("terminal", False, QT_TRANSLATE_NOOP("SelfTest", "{port}: {error}").format(
                port=port, error=str(e)), fix)
        if not result.ok:
            return check("terminal", False, QT_TRANSLATE_NOOP("SelfTest", "{port} answers but refuses: {message}")
                          .format(port=port, message=str(result.message)),
                          QT_TRANSLATE_NOOP("SelfTest", "Check devices.terminal.password against the terminal."))
        return check("terminal", True, QT_TRANSLATE_NOOP("SelfTest", "{port}: terminal {tid} answers").format(
            port=port, tid=result.terminal_id or "?"))

    def _status_enquiry(self, port: str) -> AdminResult:
        payments = self.payments
        if payments is not None:
            def enquire(done: Callable[[AdminResult | None, BaseException | None], None]) -> None:
                payments.run_admin(lambda terminal: terminal.status_enquiry(), done)
            answer = _on_worker(enquire)
            if answer is None:
                raise DeviceError("the terminal's worker gave no answer")
            return answer
        terminal = ZvtTerminal(SerialSettings(port, baudrate=int(self.config.get("devices.terminal.baudrate"))),
                               cur=currency(self.config.get("store.currency")),
                               password=self.config.get("devices.terminal.password"), timeouts=PROBE_TIMEOUTS)
        try:
            return terminal.status_enquiry()
        finally:
            terminal.close()

    # -- printer and drawer ----------------------------------------------------------------
    def printer_and_drawer(self) -> tuple[Check, Check]:
        port = self._port("printer")
        if not port:
            return (check("printer", False, QT_TRANSLATE_NOOP("SelfTest", "No receipt printer is set up."),
                           QT_TRANSLATE_NOOP("SelfTest", "Pick its port in the device settings "
                                             "(or posdesk config set devices.printer.port PORT).")),
                    check("drawer", False, QT_TRANSLATE_NOOP("SelfTest", "The drawer opens through the printer, "
                                                              "and there is none."),
                           QT_TRANSLATE_NOOP("SelfTest", "Set up the receipt printer first.")))
        try:
            status = self._printer_status(port)
        except Exception as e:  # noqa: BLE001 - device and port errors alike are the finding
            return (check("printer", False, QT_TRANSLATE_NOOP("SelfTest", "{port}: {error}").format(
                port=port, error=str(e)), QT_TRANSLATE_NOOP(
                    "SelfTest", "Check that the printer is on, its cable, the port name and "
                    "devices.printer.baudrate ({baud}).").format(baud=self.config.get("devices.printer.baudrate"))),
                    check("drawer", False, QT_TRANSLATE_NOOP("SelfTest", "The printer that opens it does not answer."),
                           QT_TRANSLATE_NOOP("SelfTest", "Fix the printer first.")))
        return self._printercheck(port, status), self._drawercheck(status)

    def _printer_status(self, port: str) -> PrinterStatus | None:
        if self.printing is not None:
            return _on_worker(self.printing.read_status)
        baudrate = int(self.config.get("devices.printer.baudrate"))
        printer = PrinterService(lambda: open_connection(port, baudrate=baudrate),
                                 profile_by_name(self.config.get("devices.printer.profile")))
        try:
            return printer.status()
        finally:
            printer.close()

    @staticmethod
    def _printercheck(port: str, status: PrinterStatus | None) -> Check:
        if status is None:
            return check("printer", True, QT_TRANSLATE_NOOP(
                "SelfTest", "{port}: opened; this connection cannot report paper or cover").format(port=port))
        problem = status.problem()
        if problem is not None:
            return check("printer", False, QT_TRANSLATE_NOOP("SelfTest", "{port}: {problem}").format(
                port=port, problem=str(problem)), problem)
        ready = QT_TRANSLATE_NOOP("SelfTest", "{port}: ready, paper nearly out") if status.paper_near_end \
            else QT_TRANSLATE_NOOP("SelfTest", "{port}: ready")
        return check("printer", True, ready.format(port=port))

    @staticmethod
    def _drawercheck(status: PrinterStatus | None) -> Check:
        if status is None or status.drawer_open is None:
            return check("drawer", True, QT_TRANSLATE_NOOP(
                "SelfTest", "its state is not reported by this printer (use Open drawer to try it)"))
        if status.drawer_open:
            return check("drawer", False, QT_TRANSLATE_NOOP("SelfTest", "The drawer is open."),
                          QT_TRANSLATE_NOOP("SelfTest", "Close the cash drawer (if it is closed, check "
                                            "devices.printer.profile: the drawer switch reads the other way)."))
        return check("drawer", True, QT_TRANSLATE_NOOP("SelfTest", "closed"))
