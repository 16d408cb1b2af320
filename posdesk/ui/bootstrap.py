"""Starting the GUI: the application object, the translation, the style, the main window.

`run_gui` is what `posdesk` runs; `run_demo` rings scripted sales through the same window
(`posdesk demo`). Both take the services the composition root built and return an exit code.
"""
from __future__ import annotations

import logging
import os
import sys
import time
from pathlib import Path

from PySide6.QtCore import QTimer
from PySide6.QtGui import QIcon
from PySide6.QtWidgets import QApplication

from posdesk.services.lane import LaneServices

from .i18n import install_translators, resolve_locale
from .main_window import MainWindow
from .style import apply_style

log = logging.getLogger(__name__)

#: The window and taskbar icon.
ICON: Path = Path(__file__).resolve().parents[2] / "resources" / "icons" / "posdesk.svg"
#: How long a demo waits for the recorder to start before ringing anyway.
RECORDER_WAIT_S = 30.0


def create_application(*, locale: str | None = None, headless: bool = False) -> QApplication:
    """The QApplication (reused if one exists), translated and styled.

    `headless` selects Qt's offscreen platform when no platform was chosen, so demos and
    scripts run on a machine without a display.
    """
    if headless and "QT_QPA_PLATFORM" not in os.environ:
        os.environ["QT_QPA_PLATFORM"] = "offscreen"
    app = QApplication.instance() or QApplication(sys.argv[:1])
    assert isinstance(app, QApplication)
    app.setApplicationName("posdesk")
    app.setWindowIcon(QIcon(str(ICON)))
    install_translators(app, resolve_locale(locale))
    apply_style(app)
    return app


def _locale(services: LaneServices, locale: str | None) -> str | None:
    return locale or services.config.get("ui.locale") or None


def run_gui(services: LaneServices, *, locale: str | None = None, quit_at_login: bool = False) -> int:
    """Show the cashier window until it is closed; return the exit code. `quit_at_login`
    says "login screen shown" once it is on screen and quits (install checks, startup bench)."""
    app = create_application(locale=_locale(services, locale))
    window = MainWindow(services=services)
    window.show()
    if quit_at_login:
        def shown() -> None:
            if window.isVisible() and window.stack.currentWidget() is window.login:
                print("login screen shown", flush=True)
                app.quit()
            else:
                QTimer.singleShot(10, shown)
        QTimer.singleShot(0, shown)
    return app.exec()


def run_setup(services: LaneServices, *, locale: str | None = None) -> bool:
    """The setup wizard of a lane that has no configuration; True once it was saved."""
    from .wizard.setup_wizard import SetupWizard

    app = create_application(locale=_locale(services, locale))
    wizard = SetupWizard(services=services)
    wizard.show()
    saved = wizard.exec() == SetupWizard.DialogCode.Accepted
    if saved:
        install_translators(app, resolve_locale(services.config.get("ui.locale") or None))
    return saved


def run_demo(services: LaneServices, *, sales: int, seed: int = 1, headless: bool = False,
             interactive: bool = False, locale: str | None = None) -> int:
    """Ring `sales` scripted sales through the real window, then quit (or, `interactive`,
    leave the window open for a person). Exit code 0 when every sale finished."""
    from .demo_driver import DemoDriver

    app = create_application(locale=_locale(services, locale), headless=headless)
    window = MainWindow(services=services)
    window.show()
    outcome: dict[str, int] = {"code": 0}

    def drive() -> None:
        try:
            result = DemoDriver(window=window, services=services, seed=seed).ring(sales)
            log.info("demo rang %d sales", result.completed)
            print(f"demo: {result.completed} sales completed, {result.voided} voided")
        except Exception:
            log.exception("demo failed")
            outcome["code"] = 1
        if not interactive:
            app.quit()

    deadline = time.monotonic() + RECORDER_WAIT_S

    def start_when_recording() -> None:
        # A demo sale rung before the recorder runs would have no clip: wait for it first.
        recording = services.recording
        waiting = recording is not None and recording.state.enabled and not recording.state.recorder_up
        if waiting and time.monotonic() < deadline:
            QTimer.singleShot(100, start_when_recording)
        else:
            drive()

    if sales > 0 or not interactive:
        QTimer.singleShot(0, start_when_recording)
    code = app.exec()
    return outcome["code"] or code
