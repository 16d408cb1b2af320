"""Turns the player engine's thread callbacks into queued Qt signals on the GUI thread."""
from __future__ import annotations

from PySide6.QtCore import QObject, Signal

from posdesk.core.picture import Picture
from posdesk.services.viewer_player import PlayerEngine


class PlayerBridge(QObject):
    """Owns a `PlayerEngine`; `close()` it when the window goes.

    Signals:
        opened(float, object): duration in seconds, the video tracks' stream indexes.
        pictures(object, float): a list of `Picture` and the position in seconds.
        ended(): the clip played to its end.
        failed(str): the clip cannot be decoded.
        sound(object): None when the clip's sound plays, else why not (str).
    """

    opened = Signal(float, object)
    pictures = Signal(object, float)
    ended = Signal()
    failed = Signal(str)
    sound = Signal(object)

    def __init__(self, parent: QObject | None = None):
        super().__init__(parent)
        self.engine = PlayerEngine(on_opened=self.report_opened, on_pictures=self.report_pictures,
                                   on_ended=self.ended.emit, on_error=self.failed.emit,
                                   on_sound=self.sound.emit)

    def report_opened(self, duration_s: float, tracks: tuple[int, ...]) -> None:
        self.opened.emit(duration_s, tracks)

    def report_pictures(self, pictures: list[Picture], position_s: float) -> None:
        self.pictures.emit(pictures, position_s)

    def close(self) -> None:
        self.engine.close()
