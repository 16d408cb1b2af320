"""Products and how a scanned or typed code finds one.

`Catalog` is the lookup interface the cart uses; the database implements it for real
stores and `MemoryCatalog` for tests. `resolve_code` turns what the scanner sent into a
product plus quantity/price, handling GTINs, PLUs and price/weight-embedded codes.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from decimal import Decimal
from typing import Iterable, Protocol

from .barcodes import EmbeddedKind, EmbeddedLayout, is_valid_gtin, normalize_gtin, parse_embedded
from .errors import UnknownCode
from .money import Money
from .tax import TaxRate


@dataclass(frozen=True)
class Product:
    id: int
    sku: str
    name: str
    price: Money
    tax: TaxRate
    category: str = ""
    barcodes: tuple[str, ...] = ()
    plu: str | None = None
    #: "" for counted items, "kg" for weighed items (price is per kg).
    unit: str = ""
    #: Minimum buyer age, 0 when not restricted (alcohol 16/18, tobacco 18).
    min_age: int = 0
    active: bool = True

    @property
    def weighed(self) -> bool:
        return self.unit == "kg"


class Catalog(Protocol):
    def by_barcode(self, code: str) -> Product | None: ...
    def by_plu(self, plu: str) -> Product | None: ...
    def search(self, text: str, limit: int = 20) -> list[Product]: ...


@dataclass
class MemoryCatalog:
    products: list[Product] = field(default_factory=list)

    def __post_init__(self) -> None:
        self._barcodes = {normalize_gtin(b): p for p in self.products for b in p.barcodes}
        self._plus = {p.plu: p for p in self.products if p.plu}

    def by_barcode(self, code: str) -> Product | None:
        return self._barcodes.get(normalize_gtin(code))

    def by_plu(self, plu: str) -> Product | None:
        return self._plus.get(plu)

    def search(self, text: str, limit: int = 20) -> list[Product]:
        needle = text.casefold()
        return [p for p in self.products if needle in p.name.casefold()][:limit]


@dataclass(frozen=True)
class Resolved:
    product: Product
    quantity: Decimal
    #: Set when the code itself carries the line price (price-embedded labels).
    embedded_price: Money | None = None


def resolve_code(code: str, catalog: Catalog,
                 layouts: tuple[EmbeddedLayout, ...] = (EmbeddedLayout(),)) -> Resolved:
    """Find what `code` names. Raise `UnknownCode` (with the reason) when nothing does."""
    code = code.strip()
    if not code:
        raise UnknownCode(code, "empty")
    if code.isdigit() and len(code) in (8, 12, 13, 14):
        if not is_valid_gtin(code):
            raise UnknownCode(code, "check digit")
        if (p := catalog.by_barcode(code)) is not None:
            return Resolved(p, Decimal(1))
        if (emb := parse_embedded(code, layouts)) is not None:
            p = catalog.by_plu(emb.item_ref)
            if p is None:
                raise UnknownCode(code, "not in catalog")
            if emb.kind is EmbeddedKind.WEIGHT:
                return Resolved(p, emb.weight_kg)
            return Resolved(p, Decimal(1), Money.from_minor(emb.value, p.price.currency))
        raise UnknownCode(code, "not in catalog")
    if (p := catalog.by_plu(code)) is not None:
        return Resolved(p, Decimal(1))
    raise UnknownCode(code, "not in catalog")


def index_products(products: Iterable[Product]) -> MemoryCatalog:
    return MemoryCatalog(list(products))
