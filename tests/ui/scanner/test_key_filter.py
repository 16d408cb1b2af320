"""Keys routed by the wedge filter in the real checkout window."""
from __future__ import annotations

from typing import Any

from ..helpers import BUTTER, MILK, log_in, scan


def test_scan_reaches_the_entry_line_while_the_cart_has_focus(qtbot: Any, window: Any) -> None:
    log_in(qtbot, window)
    screen = window.checkout_screen
    scan(qtbot, MILK)
    screen.cart.setFocus()
    qtbot.waitUntil(lambda: screen.cart.hasFocus())
    scan(qtbot, f"2*{BUTTER}")
    assert [ln.quantity for ln in window.checkout.sale.lines] == [1, 2]


def test_plus_typed_alone_raises_the_selected_quantity(qtbot: Any, window: Any) -> None:
    log_in(qtbot, window)
    scan(qtbot, MILK)
    qtbot.keyClick(window.checkout_screen.entry, "+", delay=60)
    qtbot.waitUntil(lambda: window.checkout.sale.lines[0].quantity == 2)
    assert window.checkout_screen.entry.text() == ""


def test_minus_inside_a_scan_is_part_of_the_code_not_a_quantity_key(qtbot: Any, window: Any) -> None:
    log_in(qtbot, window)
    screen = window.checkout_screen
    scan(qtbot, f"3*{MILK}")
    scan(qtbot, "ABC-123")  # Code 128 labels carry dashes
    qtbot.waitUntil(lambda: screen.notice.isVisible())
    assert "ABC-123" in screen.notice.text()
    assert window.checkout.sale.lines[0].quantity == 3
    assert len(window.checkout.sale.lines) == 1

