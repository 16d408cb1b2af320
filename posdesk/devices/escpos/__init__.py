"""ESC/POS receipt printer: layout, bytes, real-time status, print queue, simulator."""
from .errors import PrinterError, PrinterUnavailable, StatusUnavailable, UnknownProfile
from .profile import PROFILES, DrawerPin, PrinterProfile, QrMode, profile_by_name
from .queue import PrintJob, PrintQueue
from .render import drawer_pulse_bytes, receipt_bytes, report_bytes
from .service import PrinterService, PrintOutcome
from .status import PrinterStatus

__all__ = [
    "PROFILES", "DrawerPin", "PrintJob", "PrintOutcome", "PrintQueue", "PrinterError",
    "PrinterProfile", "PrinterService", "PrinterStatus", "PrinterUnavailable", "QrMode",
    "StatusUnavailable", "UnknownProfile", "drawer_pulse_bytes", "profile_by_name",
    "receipt_bytes", "report_bytes",
]
