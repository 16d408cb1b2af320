"""The player page: the sale's video (each camera side by side), seek bar with gaps,
play/pause, speed, frame step, the badge, and the journal synced both ways.

Keys: Space play/pause, Left/Right a frame back/forward, [ and ] slower/faster,
+ and - louder/softer, M mute, Ctrl+E export, Esc back to the results.
"""
from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QFontDatabase, QKeySequence, QPixmap, QShortcut
from PySide6.QtWidgets import (QComboBox, QHBoxLayout, QLabel, QPlainTextEdit, QPushButton,
                               QSizePolicy, QSlider, QSplitter, QVBoxLayout, QWidget)

from posdesk.core.money import Money, currency
from posdesk.core.picture import Picture
from posdesk.services.viewer import SaleEvidence
from posdesk.services.viewer_player import SPEEDS

from ..formatting import money_text
from .journal_list import JournalList
from .labels import badge_label
from .player_bridge import PlayerBridge
from .results_table import picture_image
from .seek_bar import SeekBar

#: Badge colours by whether the evidence holds.
_OK_STYLE = "background: #2e7d32; color: white; padding: 4px; font-weight: bold;"
_BAD_STYLE = "background: #c62828; color: white; padding: 4px; font-weight: bold;"


class PlayerView(QWidget):
    """Signals:
        back_requested(): leave the player (Esc).
        export_requested(str): export the shown sale (Ctrl+E).
        snapshot_requested(str, float): the shown sale and position, for a PNG still.
    """

    back_requested = Signal()
    export_requested = Signal(str)
    snapshot_requested = Signal(str, float)

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("playerView")
        self.bridge = PlayerBridge(self)
        self.evidence: SaleEvidence | None = None
        self.position_s = 0.0
        self.duration_s = 0.0
        self.playing = False
        self.ended_count = 0
        self._unmuted = 100
        self._tracks: dict[int, int] = {}
        self._pending_seq: int | None = None
        outer = QVBoxLayout(self)
        self.title = QLabel("", self)
        self.title.setObjectName("saleTitle")
        outer.addWidget(self.title)
        self.badge = QLabel("", self)
        self.badge.setObjectName("badge")
        self.badge.setWordWrap(True)
        outer.addWidget(self.badge)
        split = QSplitter(Qt.Orientation.Horizontal, self)
        outer.addWidget(split, 1)
        left = QWidget(split)
        left_layout = QVBoxLayout(left)
        self.video_row = QHBoxLayout()
        left_layout.addLayout(self.video_row, 1)
        self.videos: list[QLabel] = []
        self.seek = SeekBar(left)
        self.seek.sliderMoved.connect(lambda ms: self.bridge.engine.seek(ms / 1000))
        self.seek.actionTriggered.connect(self._slider_action)
        left_layout.addWidget(self.seek)
        controls = QHBoxLayout()
        self.play_button = self._button(controls, "playButton", self.tr("Play (Space)"), self.on_play_pause)
        self._button(controls, "stepBack", self.tr("◀ Frame"), lambda: self.bridge.engine.step(-1))
        self._button(controls, "stepForward", self.tr("Frame ▶"), lambda: self.bridge.engine.step(1))
        self.speed = QComboBox(left)
        self.speed.setObjectName("speed")
        for value in SPEEDS:
            self.speed.addItem(f"{value:g}×", value)
        self.speed.setCurrentIndex(SPEEDS.index(1.0))
        self.speed.currentIndexChanged.connect(lambda _i: self.bridge.engine.set_speed(self.speed.currentData()))
        controls.addWidget(self.speed)
        self.volume = QSlider(Qt.Orientation.Horizontal, left)
        self.volume.setObjectName("volume")
        self.volume.setRange(0, 100)
        self.volume.setValue(100)
        self.volume.setMaximumWidth(110)
        self.volume.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.volume.valueChanged.connect(lambda v: self.bridge.engine.set_volume(v / 100))
        self.sound_label = QLabel("", left)
        self.sound_label.setObjectName("soundLabel")
        controls.addWidget(self.sound_label)
        controls.addWidget(self.volume)
        self.position = QLabel("0.00 / 0.00 s", left)
        self.position.setObjectName("position")
        controls.addWidget(self.position)
        controls.addStretch(1)
        self._button(controls, "snapshotButton", self.tr("Still as PNG"),
                     lambda: self.evidence and self.snapshot_requested.emit(self.evidence.sale.id, self.position_s))
        self._button(controls, "exportButton", self.tr("Export… (Ctrl+E)"), self._export)
        self._button(controls, "backButton", self.tr("Back (Esc)"), self.back_requested.emit)
        left_layout.addLayout(controls)
        right = QSplitter(Qt.Orientation.Vertical, split)
        self.journal = JournalList(right)
        self.journal.seek_requested.connect(self.seek_to)
        self.receipt = QPlainTextEdit(right)
        self.receipt.setObjectName("receipt")
        self.receipt.setReadOnly(True)
        self.receipt.setLineWrapMode(QPlainTextEdit.LineWrapMode.NoWrap)  # columns as printed
        self.receipt.setFont(QFontDatabase.systemFont(QFontDatabase.SystemFont.FixedFont))
        right.addWidget(self.journal)
        right.addWidget(self.receipt)
        right.setSizes([480, 320])
        split.addWidget(left)
        split.addWidget(right)
        split.setStretchFactor(0, 3)
        split.setStretchFactor(1, 2)
        split.setSizes([760, 520])  # the journal's lines are long: give it room from the start
        self.bridge.opened.connect(self.on_opened)
        self.bridge.pictures.connect(self.on_pictures)
        self.bridge.ended.connect(self.on_ended)
        self.bridge.sound.connect(self.on_sound)
        self.bridge.failed.connect(lambda why: self.badge.setText(self.badge.text() + "\n" + why))
        for keys, action in ((Qt.Key.Key_Space, self.on_play_pause),
                             (Qt.Key.Key_Left, lambda: self.bridge.engine.step(-1)),
                             (Qt.Key.Key_Right, lambda: self.bridge.engine.step(1)),
                             (Qt.Key.Key_BracketLeft, lambda: self._speed_step(-1)),
                             (Qt.Key.Key_BracketRight, lambda: self._speed_step(1)),
                             (Qt.Key.Key_M, self._toggle_mute),
                             (Qt.Key.Key_Plus, lambda: self.volume.setValue(self.volume.value() + 10)),
                             (Qt.Key.Key_Minus, lambda: self.volume.setValue(self.volume.value() - 10)),
                             (QKeySequence("Ctrl+E"), self._export),
                             (Qt.Key.Key_Escape, self.back_requested.emit)):
            shortcut = QShortcut(QKeySequence(keys), self)
            shortcut.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
            shortcut.activated.connect(action)

    def _button(self, layout: QHBoxLayout, name: str, text: str, slot: object) -> QPushButton:
        button = QPushButton(text, self)
        button.setObjectName(name)
        button.setFocusPolicy(Qt.FocusPolicy.NoFocus)  # Space belongs to play/pause
        button.clicked.connect(slot)
        layout.addWidget(button)
        return button

    # -- showing a sale --------------------------------------------------------------------
    def show_evidence(self, evidence: SaleEvidence, at_seq: int | None = None) -> None:
        self.evidence = evidence
        sale = evidence.sale
        total = money_text(Money.from_minor(sale.total_minor, currency(sale.currency)))
        self.title.setText(self.tr("Lane {lane} · receipt {receipt} · {cashier} · {time} · {total}").format(
            lane=sale.lane, receipt=sale.receipt_no if sale.receipt_no is not None else "—",
            cashier=sale.cashier, time=sale.started_utc.astimezone().strftime("%Y-%m-%d %H:%M:%S"),
            total=total))
        badge = evidence.badge
        self.badge.setText("\n".join([badge_label(badge.state), *badge.reasons]))
        self.badge.setStyleSheet(_OK_STYLE if badge.ok else _BAD_STYLE)
        self.journal.show_journal(evidence.journal)
        self.receipt.setPlainText("\n".join(evidence.receipt) or self.tr("(no receipt was printed)"))
        self.seek.set_marks(gaps=[(round(g.start_s * 1000), g.cause) for g in evidence.gaps],
                            events=[round(j.offset_s * 1000) for j in evidence.journal
                                    if j.offset_s is not None])
        self.position_s, self.playing, self.ended_count = 0.0, False, 0
        self.play_button.setText(self.tr("Play (Space)"))
        self._pending_seq = at_seq
        if evidence.clip:
            self.bridge.engine.open(evidence.clip)
        else:
            self._set_videos(0)
            self.seek.setRange(0, 0)
        self.journal.setFocus()

    def clear(self) -> None:
        """Forget the sale and its decrypted clip (on lock)."""
        self.bridge.engine.pause()
        self.evidence = None
        self._set_videos(0)
        self.journal.clear()
        self.receipt.clear()
        self.badge.clear()
        self.title.clear()

    def _set_videos(self, count: int) -> None:
        while len(self.videos) > count:
            self.videos.pop().deleteLater()
        while len(self.videos) < count:
            label = QLabel(self)
            label.setObjectName(f"video{len(self.videos)}")
            label.setMinimumSize(320, 180)
            label.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)
            label.setAlignment(Qt.AlignmentFlag.AlignCenter)
            label.setStyleSheet("background: black;")
            self.video_row.addWidget(label)
            self.videos.append(label)

    # -- engine reports --------------------------------------------------------------------
    def on_opened(self, duration_s: float, tracks: tuple[int, ...]) -> None:
        self.duration_s = duration_s
        self._tracks = {stream: i for i, stream in enumerate(tracks)}
        self._set_videos(len(tracks))
        self.seek.setRange(0, round(duration_s * 1000))
        seq, self._pending_seq = self._pending_seq, None
        offset = self.journal.offset_of(seq) if seq is not None else None
        if offset is not None:
            self.seek_to(offset)

    def on_pictures(self, pictures: list[Picture], position_s: float) -> None:
        if self.evidence is None:
            return
        for picture in pictures:
            index = self._tracks.get(picture.track)
            if index is not None and index < len(self.videos):
                label = self.videos[index]
                pixmap = QPixmap.fromImage(picture_image(picture))
                label.setPixmap(pixmap.scaled(label.size(), Qt.AspectRatioMode.KeepAspectRatio,
                                              Qt.TransformationMode.SmoothTransformation))
        self.position_s = position_s
        if not self.seek.isSliderDown():
            self.seek.setValue(round(position_s * 1000))
        self.position.setText(f"{position_s:.2f} / {self.duration_s:.2f} s")
        self.journal.follow(position_s)

    def on_sound(self, problem: str | None) -> None:
        self.volume.setEnabled(problem is None)
        self.sound_label.setText(self.tr("♪") if problem is None else self.tr("no sound"))
        self.sound_label.setToolTip(problem or "")

    def _toggle_mute(self) -> None:
        if self.volume.value():
            self._unmuted = self.volume.value()
            self.volume.setValue(0)
        else:
            self.volume.setValue(self._unmuted or 100)

    def on_ended(self) -> None:
        self.playing = False
        self.ended_count += 1
        self.play_button.setText(self.tr("Play (Space)"))

    # -- intents ---------------------------------------------------------------------------
    def on_play_pause(self) -> None:
        if self.evidence is None or not self.evidence.clip:
            return
        self.playing = not self.playing
        if self.playing:
            self.bridge.engine.play()
            self.play_button.setText(self.tr("Pause (Space)"))
        else:
            self.bridge.engine.pause()
            self.play_button.setText(self.tr("Play (Space)"))

    def seek_to(self, seconds: float) -> None:
        self.bridge.engine.seek(seconds)

    def _slider_action(self, _action: int) -> None:
        if not self.seek.isSliderDown():
            self.bridge.engine.seek(self.seek.sliderPosition() / 1000)

    def _speed_step(self, direction: int) -> None:
        index = max(0, min(len(SPEEDS) - 1, self.speed.currentIndex() + direction))
        self.speed.setCurrentIndex(index)

    def _export(self) -> None:
        if self.evidence is not None:
            self.export_requested.emit(self.evidence.sale.id)
