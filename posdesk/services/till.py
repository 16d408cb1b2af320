"""A lane's checkout use cases, built together around the one `Checkout` they share.

The window and the command line hold the use case they need (`till.session.login`,
`till.selling.enter`, `till.tender.pay_cash`, ...) and read the shared state — the open
sale, who is logged in, the listeners — from `till.checkout`.
"""
from __future__ import annotations

from dataclasses import dataclass

from posdesk.core.catalog import Catalog
from posdesk.core.clock import Clock
from posdesk.core.money import Currency
from posdesk.core.permissions import Policy
from posdesk.core.tax import TaxMode
from posdesk.db.sales import SaleStore
from posdesk.db.shifts import ShiftStore
from posdesk.db.users import UserStore
from posdesk.db.writer import DbWriter

from .checkout import AuditLog, Checkout
from .dispatch import Dispatch
from .reports import ReportService, Stamp, unstamped
from .returns import ReturnService
from .selling import SellingService
from .session import SessionService
from .shifts import ShiftService
from .tender import TenderService


@dataclass(frozen=True)
class Till:
    checkout: Checkout
    session: SessionService
    selling: SellingService
    tender: TenderService
    returns: ReturnService
    shifts: ShiftService
    reports: ReportService


def build_till(*, lane: str, currency: Currency, tax_mode: TaxMode, policy: Policy,
               catalog: Catalog, sales: SaleStore, users: UserStore, shifts: ShiftStore,
               writer: DbWriter, clock: Clock, audit: AuditLog, dispatch: Dispatch,
               stamp: Stamp = unstamped) -> Till:
    checkout = Checkout(lane=lane, currency=currency, tax_mode=tax_mode, policy=policy,
                        clock=clock, sales=sales, writer=writer, audit=audit)
    return Till(
        checkout=checkout,
        session=SessionService(checkout=checkout, users=users),
        selling=SellingService(checkout=checkout, catalog=catalog, sales=sales),
        tender=TenderService(checkout=checkout, sales=sales, writer=writer, dispatch=dispatch),
        returns=ReturnService(checkout=checkout, sales=sales),
        shifts=ShiftService(checkout=checkout, shifts=shifts),
        reports=ReportService(checkout=checkout, shifts=shifts, writer=writer, stamp=stamp),
    )
