"""Command-line way out of a card payment nobody can account for.

When the terminal cannot repeat its last receipt, the interrupted sale's card payment stays
unknown: it may not be charged again, and the sale can be neither completed nor voided. A
manager checks the terminal's own journal or end-of-day report and settles it here (or in
the window); the decision is journaled on the sale and written to the audit log.
"""
from __future__ import annotations

import argparse
from typing import TYPE_CHECKING, Callable

from posdesk.core.permissions import Permission

if TYPE_CHECKING:
    from posdesk.services.build import Services

Fail = Callable[[str], Exception]


def cmd_payment(args: argparse.Namespace, services: Services, fail: Fail) -> int:
    till = services.till
    sale = till.selling.recoverable()
    waiting = list(sale.open_payments) if sale is not None else []
    if not waiting:
        raise fail("no card payment is waiting to be resolved on this lane")
    if args.action == "list":
        for p in waiting:
            print(f"{p.id}\t{p.amount}\t{p.status.value}\tsale {sale.id}")
        return 0
    chosen = [p for p in waiting if p.id.startswith(args.payment or "")]
    if len(chosen) != 1:
        raise fail("name the payment to resolve (posdesk payment list shows them)")
    if args.charged is None:
        raise fail("say --charged or --not-charged, as the terminal's journal shows")
    if not args.manager_pin or (till.session.names_first and not args.manager):
        raise fail("a manager resolves it: --manager NAME --manager-pin PIN")
    approver = till.session.approve(args.manager_pin, Permission.RESOLVE_PAYMENT, name=args.manager)
    till.session.login(args.manager_pin, name=approver)
    till.selling.resume_recovered()
    till.tender.resolve_card_payment(chosen[0].id, charged=args.charged, reason=args.reason or "",
                                     approved_by=approver)
    if not services.writer.flush(timeout=30):
        raise fail("the database did not save the decision in time (is the disk full?)")
    services.dispatch.run_pending()  # a completed sale finishes once its commit is on disk
    last = till.checkout.last_sale
    done = last if last is not None and last.id == sale.id else None
    outcome = "charged" if args.charged else "not charged"
    tail = f"; sale completed as receipt {done.receipt_no}" if done is not None else \
        "; the sale is open again for another payment, a void or parking"
    print(f"payment {chosen[0].id[:8]} ({chosen[0].amount}) resolved as {outcome} by {approver}{tail}")
    return 0


def add_parsers(add: Callable[..., argparse.ArgumentParser]) -> None:
    p = add("payment", cmd_payment, "resolve a card payment the terminal cannot account for")
    p.add_argument("action", choices=["list", "resolve"])
    p.add_argument("payment", nargs="?", help="payment id (or its start) from `payment list`")
    outcome = p.add_mutually_exclusive_group()
    outcome.add_argument("--charged", dest="charged", action="store_true", default=None,
                         help="the terminal's journal shows the card was charged")
    outcome.add_argument("--not-charged", dest="charged", action="store_false",
                         help="the terminal's journal shows it was not")
    p.add_argument("--reason", help="where it was checked (terminal journal, end-of-day report)")
    p.add_argument("--manager", help="the manager's name (unless the lane logs in by PIN only)")
    p.add_argument("--manager-pin")
