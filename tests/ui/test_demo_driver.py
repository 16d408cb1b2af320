"""The demo driver rings its scripted sales through the real window."""
from __future__ import annotations

from typing import Any

from posdesk.ui.demo_driver import DemoDriver

from .helpers import db_rows


def test_demo_rings_seeded_sales_that_all_end_in_the_database(qtbot: Any, window: Any, services: Any) -> None:
    result = DemoDriver(window=window, services=services.lane, seed=3).ring(12)
    assert result.completed + result.voided == 12
    states = dict(db_rows(services, "SELECT state, count(*) FROM sale GROUP BY state"))
    assert states.get("completed", 0) == result.completed
    assert states.get("voided", 0) == result.voided
    assert "open" not in states
    paid = db_rows(services, "SELECT sum(amount_minor) FROM payment")[0][0]
    totals = db_rows(services, "SELECT sum(total_minor) FROM sale WHERE state = 'completed'")[0][0]
    assert paid == totals


def test_the_same_seed_rings_the_same_sales(qtbot: Any, window: Any, services: Any) -> None:
    first = DemoDriver(window=window, services=services.lane, seed=5)
    second = DemoDriver(window=window, services=services.lane, seed=5)
    assert [first.rng.random() for _ in range(5)] == [second.rng.random() for _ in range(5)]


def test_demo_pays_by_card_and_split_cash_and_card_through_the_terminal(
        qtbot: Any, device_window: Any, device_services: Any, simulators: Any) -> None:
    result = DemoDriver(window=device_window, services=device_services.lane, seed=10).ring(6)
    assert result.completed + result.voided == 6
    tenders = db_rows(device_services, "SELECT p.sale_id, p.tender FROM payment p JOIN sale s ON s.id = p.sale_id "
                      "WHERE s.state = 'completed' AND p.status = 'approved'")
    by_sale: dict[str, set[str]] = {}
    for sale_id, tender in tenders:
        by_sale.setdefault(sale_id, set()).add(tender)
    assert {"card"} in by_sale.values(), "no sale paid by card alone"
    assert {"cash", "card"} in by_sale.values(), "no split cash + card sale"
    card_minor = db_rows(device_services, "SELECT sum(amount_minor) FROM payment WHERE tender = 'card' "
                         "AND status = 'approved'")[0][0]
    assert simulators.book.charged_minor() == card_minor
