from decimal import Decimal

from hypothesis import given
from hypothesis import strategies as st

from posdesk.core.catalog import Product
from posdesk.core.clock import ManualClock
from posdesk.core.lines import Discount, DiscountKind, PaymentStatus, Tender
from posdesk.core.money import Money, currency
from posdesk.core.permissions import Role
from posdesk.core.reports import CashMove, ReportKind, ReportSale, ShiftFacts, compute_report
from posdesk.core.sale import OriginalLine, Sale, SaleKind
from posdesk.core.tax import TaxMode, TaxRate

RATES = (TaxRate("A", Decimal("19")), TaxRate("B", Decimal("7")), TaxRate("C", Decimal("0")))


def _open(n: int, cur, mode, kind=SaleKind.SALE) -> Sale:
    return Sale.open(sale_id=f"s{n}", lane="L1", cashier="max", cashier_role=Role.MANAGER, cur=cur,
                     tax_mode=mode, clock=ManualClock(), kind=kind, original_receipt="1",
                     approved_by="max")


def _pay(sale: Sale, by_card: bool) -> None:
    sale.start_tender()
    if by_card and sale.remaining.amount > 0:
        sale.begin_card(sale.remaining, f"{sale.id}-c")
        sale.card_result(f"{sale.id}-c", PaymentStatus.APPROVED)
    else:
        sale.pay_cash(sale.cash_due(), f"{sale.id}-p")


items = st.lists(st.tuples(st.integers(1, 5000), st.sampled_from(RATES), st.integers(1, 5)),
                 min_size=1, max_size=6)
sale_plans = st.lists(st.tuples(items, st.booleans(), st.sampled_from(["done", "void", "return"]),
                                st.integers(0, 30)), min_size=1, max_size=8)


def _ring(plans, cur, mode) -> list[Sale]:
    done = []
    for n, (lines, by_card, ending, percent) in enumerate(plans):
        sale = _open(n, cur, mode)
        for price, rate, qty in lines:
            sale.add_product(Product(0, f"P{price}", "item", Money.from_minor(price, cur), rate), Decimal(qty))
        if percent:
            sale.discount_sale(Discount(DiscountKind.PERCENT, Decimal(percent)), approved_by="max")
        if ending == "void":
            sale.void(approved_by="max")
            done.append(sale)
            continue
        _pay(sale, by_card)
        sale.complete(str(n))
        done.append(sale)
        if ending == "return":
            back = _open(100 + n, cur, mode, SaleKind.RETURN)
            ln = sale.active_lines[0]
            original = OriginalLine(ln.id, None, ln.sku, ln.name, ln.unit_price, ln.quantity,
                                    Decimal(0), ln.tax, ln.amount)
            back.add_return_line(original, Decimal(1))
            _pay(back, False)
            back.complete(f"r{n}")
            done.append(back)
    return done


@given(sale_plans, st.sampled_from(["EUR", "CHF"]), st.sampled_from(list(TaxMode)),
       st.integers(0, 20000), st.integers(0, 5000), st.integers(0, 5000))
def test_tenders_and_tax_rows_add_up_to_net_sales(plans, code, mode, float_minor, cash_in, cash_out):
    cur = currency(code)
    m = lambda minor: Money.from_minor(minor, cur)  # noqa: E731
    sales = _ring(plans, cur, mode)
    moves = tuple(CashMove(m(v), out) for v, out in ((cash_in, False), (cash_out, True)) if v)
    report = compute_report(ReportKind.X, [ReportSale.from_sale(s) for s in sales],
                            ShiftFacts(cur, m(float_minor), moves))
    zero = Money.zero(cur)
    assert Money.sum(report.tenders.values(), cur) == report.net_sales + report.rounding
    assert Money.sum((t.gross for t in report.taxes), cur) == report.net_sales
    assert all(t.net + t.tax == t.gross for t in report.taxes)
    assert report.tenders.get(Tender.CASH, zero) == report.cash_sales - report.cash_refunds
    assert report.cash_expected == (m(float_minor) + m(cash_in) - m(cash_out)
                                    + report.cash_sales - report.cash_refunds)
    assert report.voids_count == sum(1 for p in plans if p[2] == "void")
    assert report.sales_count + report.voids_count == len(plans)


def test_counted_cash_gives_the_difference_and_swiss_rounding_shows_apart():
    chf = currency("CHF")
    sale = _open(1, chf, TaxMode.INCLUSIVE)
    sale.add_product(Product(0, "X", "x", Money.of("1.02", chf), RATES[0]))
    _pay(sale, False)  # pays 1.00 in cash: 2 Rappen rounded away
    sale.complete("1")
    report = compute_report(ReportKind.Z, [ReportSale.from_sale(sale)],
                            ShiftFacts(chf, Money.of("50", chf), counted=Money.of("50.95", chf)))
    assert report.gross_sales == Money.of("1.02", chf) and report.rounding == Money.of("-0.02", chf)
    assert report.cash_expected == Money.of("51.00", chf)
    assert report.difference == Money.of("-0.05", chf)
