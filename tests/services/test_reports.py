"""X and Z reports from the till: sales still being saved are counted, the Z needs a manager
and is stamped."""
import dataclasses

import pytest

from posdesk.core.errors import ApprovalRequired
from posdesk.core.money import Money, currency
from posdesk.core.reports import ChainHead, ReportKind
from posdesk.services.reports import ReportService

MILK = "4006381333931"
EUR = currency("EUR")


def test_the_x_report_counts_a_sale_just_paid(services, till):
    till.shifts.open_shift(Money.of("100", EUR))
    till.selling.enter(MILK)
    till.tender.start_tender()
    till.tender.pay_cash(Money.of("5", EUR))
    report = till.reports.x_report()  # the commit may still be queued: the report waits
    assert report.kind is ReportKind.X and report.sales_count == 1


def test_closing_needs_a_manager_and_the_z_is_stamped(services, till):
    def stamp(report):
        return dataclasses.replace(report, chain_head=ChainHead(7, "0123456789abcdef"))
    reports = ReportService(checkout=till.checkout, shifts=services.shifts, writer=services.writer,
                            stamp=stamp)
    till.shifts.open_shift(Money.of("100", EUR))
    with pytest.raises(ApprovalRequired):
        reports.close_shift(Money.of("100", EUR))
    assert till.shifts.current_shift() is not None
    report = reports.close_shift(Money.of("100", EUR), approved_by="Max")
    assert report.chain_head == ChainHead(7, "0123456789abcdef")
    assert report.kind is ReportKind.Z and report.difference == Money.zero(EUR)
    assert till.shifts.current_shift() is None
