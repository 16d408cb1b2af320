"""The lane as the window sees it: use cases and value types, never a database store.

`build_services` composes the lane (`Services`: the stores and the use cases, which the
command line holds); the window gets this face of it. Whatever the window reads — the
products, whether the keys exist, the self-test — goes through a method here that returns
core or services values, so a rule (a permission, an audit row) stays in its service.
"""
from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Mapping

from posdesk.core.catalog import Product
from posdesk.core.receipt import DEFAULT_LABELS

from .checkout import Checkout
from .config import Config
from .devices import LaneDevices
from .dispatch import Dispatch
from .recording import RecordingService
from .selftest_report import SelfTestReport
from .till import Till
from .setup import KeysMade, make_manager_and_keys
from .viewer import ViewerService, open_viewer
from .viewer_retention import Retention, open_retention

if TYPE_CHECKING:
    from .build import Services


class LaneServices:
    """The checkout, the settings, the devices, the recorder, the set-up and the viewer of
    one lane, for the window."""

    def __init__(self, lane: Services) -> None:
        self._lane = lane

    @property
    def data_dir(self) -> Path:
        return self._lane.data_dir

    @property
    def config(self) -> Config:
        return self._lane.config

    @property
    def checkout(self) -> Checkout:
        """The checkout's shared state: the operator, the open sale, the listeners."""
        return self._lane.checkout

    @property
    def till(self) -> Till:
        """The checkout's use cases: session, selling, tender, returns, shifts, reports."""
        return self._lane.till

    @property
    def dispatch(self) -> Dispatch:
        """Where workers hand their results to the thread that owns the sale."""
        return self._lane.dispatch

    @property
    def devices(self) -> LaneDevices:
        return self._lane.devices

    @property
    def recording(self) -> RecordingService | None:
        """The recorder, when this lane records."""
        return self._lane.recording

    def products(self) -> list[Product]:
        """Every product of the catalogue."""
        return self._lane.catalog.all_products()

    # -- set-up ----------------------------------------------------------------------------
    def keys_set_up(self) -> bool:
        return self._lane.keys.is_set_up()

    def make_manager_and_keys(self, *, name: str, pin: str, passphrase: str) -> KeysMade:
        """Add the manager and make the lane's keys unless it has them (slow: a worker's job)."""
        lane = self._lane
        return make_manager_and_keys(lane.users, lane.keys, lane.writer, name=name, pin=pin,
                                     passphrase=passphrase)

    def run_selftest(self) -> SelfTestReport:
        """Every check of `posdesk selftest`; blocks for seconds (a worker's job)."""
        # Imported when run: the checks pull in camera and microphone libraries the window
        # does not need to start.
        from .selftest import run_selftest
        return run_selftest(self._lane)

    # -- the evidence viewer ---------------------------------------------------------------
    def open_viewer(self, *, receipt_labels: Mapping[str, str] = DEFAULT_LABELS) -> ViewerService:
        return open_viewer(self._lane, receipt_labels=receipt_labels)

    def open_retention(self, viewer: ViewerService) -> Retention:
        """Legal holds and purges, allowed while `viewer` is unlocked, in its user's name."""
        return open_retention(self._lane, viewer)
