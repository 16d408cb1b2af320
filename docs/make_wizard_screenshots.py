"""Screenshots of every page of the setup wizard, for the README.

    xvfb-run -a .venv/bin/python docs/make_wizard_screenshots.py

A new lane in a scratch folder, the ZVT and ESC/POS simulators on ptys and the test-pattern
camera: each page is filled in as an installer would, then grabbed into
docs/screenshots/wizard_<n>_<page>.png.
"""
from __future__ import annotations

import sys
import tempfile
import time
from pathlib import Path
from typing import Callable

from PySide6.QtWidgets import QApplication, QWizard

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from posdesk.services.build import build_services  # noqa: E402
from posdesk.ui.bootstrap import create_application  # noqa: E402
from posdesk.ui.wizard.setup_wizard import SetupWizard  # noqa: E402
from tests.simulated_lane import simulated_devices  # noqa: E402

OUT = ROOT / "docs" / "screenshots"


def wait(app: QApplication, condition: Callable[[], bool], timeout: float = 60) -> None:
    end = time.monotonic() + timeout
    while not condition():
        if time.monotonic() > end:
            raise SystemExit("a page did not get ready in time")
        app.processEvents()
        time.sleep(0.02)


def main() -> int:
    app = create_application(locale="en")
    with tempfile.TemporaryDirectory() as tmp, simulated_devices(Path(tmp) / "printed") as sims:
        services = build_services(Path(tmp) / "lane")
        wizard = SetupWizard(services=services)
        wizard.show()
        shots: list[str] = []

        def shot() -> None:
            app.processEvents()
            time.sleep(0.2)
            app.processEvents()
            page = wizard.currentPage().objectName().removesuffix("Page")
            path = OUT / f"wizard_{len(shots) + 1}_{page}.png"
            wizard.grab().save(str(path))
            shots.append(path.name)

        def next_page() -> None:
            wizard.button(QWizard.WizardButton.NextButton).click()
            app.processEvents()

        shot()  # language
        next_page()
        wizard.store.store_name.setText("Corner Shop")
        wizard.store.lane_id.setText("L1")
        shot()
        next_page()
        shot()  # currency and tax
        next_page()
        wait(app, lambda: wizard.camera.frames_shown > 3)
        shot()
        next_page()
        wait(app, lambda: wizard.microphone.meter.value() > -40)
        shot()
        next_page()
        wizard.devices.extra_ports.setText(f"{sims.terminal_port}, {sims.printer_port}")
        wizard.devices.detect_button.click()
        wait(app, lambda: wizard.devices.detect_button.isEnabled())
        wizard.devices.print_button.click()
        wait(app, lambda: "printed" in wizard.devices.message.text())
        shot()
        next_page()
        wizard.manager.name.setText("Lea")
        for edit, text in ((wizard.manager.pin, "4321"), (wizard.manager.pin_again, "4321"),
                           (wizard.manager.passphrase, "correct horse"),
                           (wizard.manager.passphrase_again, "correct horse")):
            edit.setText(text)
        shot()
        next_page()
        wizard.keys.generate_button.click()
        wait(app, lambda: wizard.keys.made is not None)
        shot()
        next_page()
        shot()  # retention
        wizard.reject()
        services.close()
    print("\n".join(shots))
    return 0


if __name__ == "__main__":
    sys.exit(main())
