"""Returns against a receipt: approval, what may still be taken back, refused look-ups."""
from decimal import Decimal

import pytest

from posdesk.core.errors import ApprovalRequired, DomainError
from posdesk.core.money import Money, currency
from posdesk.core.permissions import Permission
from posdesk.core.sale import SaleKind
from tests.services.helpers import settle

MILK = "4006381333931"
EUR = currency("EUR")


def _sell_three(services, till) -> str:
    till.selling.enter(f"3*{MILK}")
    till.tender.start_tender()
    till.tender.pay_cash(Money.of("20", EUR))
    settle(services)
    return till.checkout.last_sale.receipt_no


def test_partial_refund_against_a_receipt(services, till):
    receipt = _sell_three(services, till)
    with pytest.raises(ApprovalRequired):
        till.returns.start_return(receipt)
    approver = till.session.approve("9999", Permission.REFUND, name="Max")
    originals = till.returns.start_return(receipt, approved_by=approver)
    assert till.checkout.sale.kind is SaleKind.RETURN
    till.returns.return_line(originals[0], Decimal(2))
    till.tender.start_tender()
    till.tender.pay_cash(Money.zero(EUR))
    settle(services)
    assert till.checkout.last_sale.total == -Money.of("2.38", EUR)
    (left,) = till.returns.start_return(receipt, approved_by="Max")
    assert left.returnable == 1


def test_no_return_without_a_receipt_or_with_a_sale_open(services, till):
    with pytest.raises(DomainError, match="no receipt 99"):
        till.returns.start_return("99", approved_by="Max")
    assert till.checkout.sale is None
    till.selling.enter(MILK)
    with pytest.raises(DomainError, match="a sale is open"):
        till.returns.start_return("1", approved_by="Max")
