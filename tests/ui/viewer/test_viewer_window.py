"""The viewer window driven by keys and clicks on a recorded demo lane."""
from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QPushButton

from posdesk.core.sale_marks import Mark

from ..conftest import show_window
from ..helpers import approve, focus, log_in, wait_dialog
from .conftest import unlock

pytestmark = pytest.mark.slow


def _search(qtbot, win):
    with qtbot.waitSignal(win.results_shown, timeout=30000) as found:
        qtbot.keyClick(win.search.filters.receipt, Qt.Key.Key_Return)
    return found.args[0]


def _open_receipt_1(qtbot, win):
    """Unlock, find receipt 1 by its number and open it with Enter."""
    unlock(qtbot, win)
    qtbot.waitUntil(lambda: win.viewer.unlocked, timeout=30000)
    qtbot.keyClicks(win.search.filters.receipt, "1")
    assert _search(qtbot, win) == 1
    win.search.results.setFocus()
    with qtbot.waitSignal(win.sale_opened, timeout=30000):
        qtbot.keyClick(win.search.results, Qt.Key.Key_Return)


def test_wrong_passphrase_is_refused_then_the_right_one_unlocks(qtbot, viewer_window):
    win = viewer_window
    unlock(qtbot, win, "not the passphrase")
    qtbot.waitUntil(lambda: "Wrong manager passphrase" in win.unlock_dialog.message.text(), timeout=30000)
    assert not win.viewer.unlocked
    unlock(qtbot, win)
    qtbot.waitUntil(lambda: win.unlock_dialog is None, timeout=30000)
    assert win.viewer.unlocked


def test_each_filter_narrows_the_results(qtbot, viewer_window):
    win = viewer_window
    unlock(qtbot, win)
    qtbot.waitUntil(lambda: win.viewer.unlocked, timeout=30000)
    form = win.search.filters
    assert _search(qtbot, win) == 3
    table = win.search.results
    qtbot.keyClicks(form.receipt, "2")
    assert _search(qtbot, win) == 1 and table.item(0, 3).text() == "2"
    form.receipt.clear()
    form.mark_boxes[Mark.VOIDED].setChecked(True)
    assert _search(qtbot, win) == 1 and table.item(0, 6).text().count("voided") == 1
    form.mark_boxes[Mark.VOIDED].setChecked(False)
    form.tender.setCurrentIndex(form.tender.findData("card"))
    assert _search(qtbot, win) == 1 and "card" in table.item(0, 5).text()
    form.tender.setCurrentIndex(0)
    qtbot.keyClicks(form.cashier, "Max")
    assert _search(qtbot, win) == 0
    form.cashier.clear()
    qtbot.keyClicks(form.lane, "L1")
    assert _search(qtbot, win) == 3
    qtbot.keyClicks(form.min_total, "20")
    assert _search(qtbot, win) == 1
    form.min_total.clear()
    qtbot.keyClicks(form.max_total, "10")
    assert _search(qtbot, win) == 1
    form.max_total.clear()
    form.clip_boxes[next(iter(form.clip_boxes))].setChecked(True)
    assert _search(qtbot, win) == 0
    form.clip_boxes[next(iter(form.clip_boxes))].setChecked(False)
    form.discount.setValue(1)
    assert _search(qtbot, win) == 2
    form.discount.setValue(0)
    qtbot.keyClicks(form.product, "no such product")
    assert _search(qtbot, win) == 0
    form.product.clear()
    form.since.setDateTime(form.until.dateTime())
    assert _search(qtbot, win) == 0


def test_open_a_sale_click_an_event_and_play_to_the_end(qtbot, viewer_window):
    win = viewer_window
    _open_receipt_1(qtbot, win)
    player = win.player
    qtbot.waitUntil(lambda: player.duration_s > 1 and player.videos
                    and player.videos[0].pixmap() is not None and not player.videos[0].pixmap().isNull(),
                    timeout=30000)
    assert "Verified" in player.badge.text()
    journal = player.journal
    row = journal.count() - 2
    target = player.evidence.journal[row]
    rect = journal.visualItemRect(journal.item(row))
    qtbot.mouseClick(journal.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    qtbot.waitUntil(lambda: abs(player.position_s - target.offset_s) < 0.01, timeout=30000)
    qtbot.waitUntil(lambda: journal.current_seq == target.seq, timeout=30000)
    assert journal.currentRow() == row
    qtbot.mouseClick(player.findChild(QPushButton, "snapshotButton"), Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: "Still saved to" in win.message.text(), timeout=30000)
    still = win.message.text().split("Still saved to ", 1)[1]
    assert open(still, "rb").read(8) == b"\x89PNG\r\n\x1a\n"
    player.setFocus()
    qtbot.waitUntil(lambda: QApplication.focusWidget() is not None)
    qtbot.keyClick(player, Qt.Key.Key_BracketRight)  # 2x
    qtbot.keyClick(player, Qt.Key.Key_Space)
    qtbot.waitUntil(lambda: player.ended_count == 1, timeout=30000)
    assert player.position_s == pytest.approx(player.duration_s, abs=0.2)
    assert journal.current_seq == player.evidence.journal[-1].seq or journal.current_seq is not None
    qtbot.keyClick(player, Qt.Key.Key_Escape)
    assert win.stack.currentWidget() is win.search


def test_a_tampered_clip_turns_the_badge_red_and_says_why(qtbot, viewer_window, lane):
    win = viewer_window
    unlock(qtbot, win)
    qtbot.waitUntil(lambda: win.viewer.unlocked, timeout=30000)
    qtbot.keyClicks(win.search.filters.receipt, "1")
    assert _search(qtbot, win) == 1
    sale_id = win.search.results.sale_ids()[0]
    clip = lane.data_dir / lane.recordings.get(sale_id).clip_path
    blob = bytearray(clip.read_bytes())
    blob[len(blob) // 2] ^= 0x01
    clip.write_bytes(bytes(blob))
    win.search.results.setFocus()
    with qtbot.waitSignal(win.sale_opened, timeout=30000):
        qtbot.keyClick(win.search.results, Qt.Key.Key_Return)
    text = win.player.badge.text()
    assert text.startswith("Tampered") and "clip-edited" in text and clip.name in text


def test_lock_forgets_the_clip_and_asks_again(qtbot, viewer_window):
    win = viewer_window
    unlock(qtbot, win)
    qtbot.waitUntil(lambda: win.viewer.unlocked, timeout=30000)
    assert _search(qtbot, win) == 3
    with qtbot.waitSignal(win.locked, timeout=5000):
        qtbot.keyClick(win, Qt.Key.Key_L, Qt.KeyboardModifier.ControlModifier)
    assert not win.viewer.unlocked and win.player.evidence is None
    assert win.unlock_dialog is not None


def test_shift_f1_asks_a_manager_pin_then_opens_the_viewer(qtbot, lane):
    win = show_window(qtbot, lane)
    log_in(qtbot, win)
    entry = win.checkout_screen.viewer_entry
    qtbot.keyClick(focus(), Qt.Key.Key_F1, Qt.KeyboardModifier.ShiftModifier)
    wait_dialog(qtbot, "approvalDialog")
    approve(qtbot, "1234")  # a cashier's PIN is not enough
    qtbot.wait(300)
    assert entry.viewer is None
    focus().clear()
    approve(qtbot)
    qtbot.waitUntil(lambda: entry.viewer is not None and entry.viewer.unlock_dialog is not None, timeout=10000)
    assert entry.viewer.user == "Max"
    entry.close_viewer()


def test_export_a_package_from_the_player_by_keyboard(qtbot, viewer_window, lane, tmp_path):
    win = viewer_window
    _open_receipt_1(qtbot, win)
    qtbot.keyClick(win.player.journal, Qt.Key.Key_E, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(lambda: win.export_dialog is not None and win.export_dialog.isVisible())
    dialog = win.export_dialog
    qtbot.waitUntil(lambda: QApplication.focusWidget() is dialog.reason)
    qtbot.keyClick(dialog.reason, Qt.Key.Key_Return)  # no reason: refused, nothing written
    assert "reason" in dialog.message.text()
    dialog.target.setText(str(tmp_path / "package"))
    qtbot.keyClicks(dialog.reason, "customer says she paid with a 50")
    with qtbot.waitSignal(dialog.exported, timeout=60000) as done:
        qtbot.keyClick(dialog.reason, Qt.Key.Key_Return)
    package = done.args[0].path
    assert (package / "report.pdf").read_bytes().startswith(b"%PDF")
    assert (package / "HOW-TO-VERIFY.txt").exists()
    assert len(list(package.glob("sales/*/clip.mp4.age"))) == 1


def test_legal_hold_and_retention_preview_by_keyboard(qtbot, viewer_window, lane):
    win = viewer_window
    unlock(qtbot, win)
    qtbot.waitUntil(lambda: win.viewer.unlocked, timeout=30000)
    assert _search(qtbot, win) == 3
    win.search.results.setFocus()
    held_id = win.search.results.selected_ids()[0]
    qtbot.keyClick(win.search.results, Qt.Key.Key_H, Qt.KeyboardModifier.ControlModifier)
    dialog = wait_dialog(qtbot, "holdDialog")
    qtbot.keyClicks(dialog.reason, "court order")
    with qtbot.waitSignal(win.results_shown, timeout=30000):
        qtbot.keyClick(dialog.reason, Qt.Key.Key_Return)
    assert win.search.results.sales[held_id].legal_hold
    qtbot.keyClick(win.search.results, Qt.Key.Key_R, Qt.KeyboardModifier.ControlModifier)
    dialog = wait_dialog(qtbot, "retentionDialog")
    dialog.days.setValue(1)
    qtbot.keyClick(dialog.days, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: "would be purged" in dialog.result.text(), timeout=30000)
    assert "0 clips older than 1 days" in dialog.result.text()  # all sales are from today
    assert not dialog.purge_button.isEnabled()


def test_exception_report_row_opens_the_sale_at_its_event(qtbot, viewer_window):
    win = viewer_window
    unlock(qtbot, win)
    qtbot.waitUntil(lambda: win.viewer.unlocked, timeout=30000)
    win.search.tabs.setCurrentWidget(win.search.report)
    report = win.search.report
    report.group.setCurrentIndex(report.group.findData("cashier"))
    with qtbot.waitSignal(win.report_shown, timeout=30000):
        qtbot.mouseClick(report.build, Qt.MouseButton.LeftButton)
    tree = report.tree
    anna = tree.topLevelItem(0)
    assert anna.text(0) == "Anna"
    voided = next(anna.child(i) for i in range(anna.childCount()) if anna.child(i).text(0) == "voided sale")
    assert voided.text(1) == "1"
    tree.setCurrentItem(voided.child(0))
    with qtbot.waitSignal(win.sale_opened, timeout=30000):
        qtbot.keyClick(tree, Qt.Key.Key_Return)
    player = win.player
    event = next(j for j in player.evidence.journal if j.kind == "sale_voided")
    qtbot.waitUntil(lambda: abs(player.position_s - event.offset_s) < 0.01, timeout=30000)
    qtbot.waitUntil(lambda: player.journal.current_seq == event.seq, timeout=30000)
