"""The product catalog in the database: lookups for the cart, bulk upserts, CSV import/export.

`CatalogStore` implements `core.catalog.Catalog`. Writes go in chunks of multi-row INSERTs
inside one transaction, so a 100,000-product import takes seconds and is all-or-nothing
for the rows that passed validation.
"""
from __future__ import annotations

import logging
from collections import defaultdict
from dataclasses import dataclass, field
from decimal import Decimal
from pathlib import Path
from typing import Iterable, Iterator

from peewee import EXCLUDED, chunked

from posdesk.core.barcodes import normalize_gtin
from posdesk.core.catalog import Product
from posdesk.core.money import Currency, Money, currency
from posdesk.core.tax import TaxRate

from .catalog_csv import Known, ProductRow, RowError, read_rows, write_rows
from .errors import CatalogFileError
from .models import Barcode
from .models import Product as ProductModel
from .models import Store, TaxRateRow, db

log = logging.getLogger(__name__)

#: Rows per multi-row INSERT: well below SQLite's limit of 32766 bound variables.
CHUNK_ROWS: int = 500


@dataclass
class ImportResult:
    imported: int = 0
    errors: list[RowError] = field(default_factory=list)


class CatalogStore:
    """Products of the store. `cur` is the store currency (default: the `store` row's, or EUR)."""

    def __init__(self, cur: Currency | None = None):
        self._cur = cur

    @property
    def currency(self) -> Currency:
        if self._cur is None:
            row = Store.select(Store.currency).first()
            self._cur = currency(row.currency if row else "EUR")
        return self._cur

    # -- tax rates -------------------------------------------------------------------------
    def set_tax_rates(self, rates: Iterable[TaxRate]) -> None:
        """Create or update tax rates by code (a catalog refers to rates by code)."""
        rows = [{"code": r.code, "percent": str(r.percent), "name": r.name} for r in rates]
        if rows:
            (TaxRateRow.insert_many(rows)
             .on_conflict(conflict_target=[TaxRateRow.code],
                          update={TaxRateRow.percent: EXCLUDED.percent, TaxRateRow.name: EXCLUDED.name})
             .execute())

    def tax_rates(self) -> list[TaxRate]:
        return [_rate(r) for r in TaxRateRow.select().order_by(TaxRateRow.code)]

    # -- lookups (core.catalog.Catalog) ----------------------------------------------------
    def by_barcode(self, code: str) -> Product | None:
        row = (ProductModel.select(ProductModel, TaxRateRow).join(TaxRateRow)
               .switch(ProductModel).join(Barcode)
               .where(Barcode.code == normalize_gtin(code.strip())).first())
        return self._product(row) if row else None

    def by_plu(self, plu: str) -> Product | None:
        row = (ProductModel.select(ProductModel, TaxRateRow).join(TaxRateRow)
               .where(ProductModel.plu == plu.strip()).first())
        return self._product(row) if row else None

    def by_sku(self, sku: str) -> Product | None:
        row = (ProductModel.select(ProductModel, TaxRateRow).join(TaxRateRow)
               .where(ProductModel.sku == sku).first())
        return self._product(row) if row else None

    def search(self, text: str, limit: int = 20) -> list[Product]:
        """Active products whose name starts with `text` (first) or contains it, any case."""
        needle = text.strip().casefold()
        if not needle:
            return []
        base = (ProductModel.select(ProductModel, TaxRateRow).join(TaxRateRow)
                .where(ProductModel.active == True)  # noqa: E712 - SQL comparison
                .order_by(ProductModel.name_key))
        found = list(base.where(ProductModel.name_key.startswith(needle)).limit(limit))
        if len(found) < limit:
            ids = {r.id for r in found}
            more = base.where(ProductModel.name_key.contains(needle)).limit(limit + len(ids))
            found += [r for r in more if r.id not in ids][:limit - len(found)]
        return [self._product(r) for r in found]

    def all_products(self) -> list[Product]:
        rows = ProductModel.select(ProductModel, TaxRateRow).join(TaxRateRow).order_by(ProductModel.sku)
        return [self._product(r, codes) for r, codes in self._with_barcodes(rows)]

    def count(self) -> int:
        return ProductModel.select().count()

    # -- writes ----------------------------------------------------------------------------
    def upsert(self, products: Iterable[Product]) -> int:
        """Insert or update products by SKU (their ids are the database's); their barcodes
        replace the stored ones; unknown tax rates are added. Returns how many were written."""
        products = list(products)
        rates = {p.tax.code: p.tax for p in products}
        rows = [ProductRow(p.sku, p.name, p.price.minor, p.tax.code,
                           tuple(normalize_gtin(b) for b in p.barcodes), p.plu, p.category,
                           p.unit, p.min_age, p.active) for p in products]
        with db.atomic():
            known = {r.code for r in TaxRateRow.select(TaxRateRow.code)}
            self.set_tax_rates(r for code, r in rates.items() if code not in known)
            self._write(rows)
        return len(rows)

    def import_csv(self, path: Path) -> ImportResult:
        """Import a catalog CSV: good rows in one transaction, bad rows listed in `errors`."""
        path = Path(path)
        known = Known({r.code for r in TaxRateRow.select(TaxRateRow.code)},
                      dict(Barcode.select(Barcode.code, ProductModel.sku).join(ProductModel).tuples()),
                      dict(ProductModel.select(ProductModel.plu, ProductModel.sku)
                           .where(ProductModel.plu.is_null(False)).tuples()))
        result = ImportResult()
        good: list[ProductRow] = []
        try:
            with path.open(encoding="utf-8-sig", newline="") as f:
                for item in read_rows(f, known, self.currency, source=str(path)):
                    if isinstance(item, ProductRow):
                        good.append(item)
                    else:
                        result.errors.extend(item)
        except (OSError, UnicodeDecodeError) as e:
            raise CatalogFileError(f"cannot read catalog {path}: {e}") from e
        with db.atomic():
            self._write(good)
        result.imported = len(good)
        log.info("catalog %s: %d imported, %d errors", path, result.imported, len(result.errors))
        return result

    def export_csv(self, path: Path) -> int:
        """Write every product in the import format; return the number of products."""
        cur = self.currency
        rows = ProductModel.select().order_by(ProductModel.sku)
        try:
            with Path(path).open("w", encoding="utf-8", newline="") as f:
                return write_rows(f, (_as_row(r, codes) for r, codes in self._with_barcodes(rows)), cur)
        except OSError as e:
            raise CatalogFileError(f"cannot write catalog {path}: {e}") from e

    # -- internals -------------------------------------------------------------------------
    def _write(self, rows: list[ProductRow]) -> None:
        """Upsert `rows` by SKU and replace their barcodes. Runs inside the caller's transaction."""
        updated = [ProductModel.name, ProductModel.name_key, ProductModel.price_minor,
                   ProductModel.tax_code, ProductModel.plu, ProductModel.category,
                   ProductModel.unit, ProductModel.min_age, ProductModel.active]
        for batch in chunked(rows, CHUNK_ROWS):
            (ProductModel.insert_many([_product_fields(r) for r in batch])
             .on_conflict(conflict_target=[ProductModel.sku],
                          update={f: getattr(EXCLUDED, f.column_name) for f in updated})
             .execute())
        ids = dict(ProductModel.select(ProductModel.sku, ProductModel.id).tuples())
        product_ids = [ids[r.sku] for r in rows]
        for batch in chunked(product_ids, CHUNK_ROWS):
            Barcode.delete().where(Barcode.product.in_(batch)).execute()
        codes = ({"code": code, "product": ids[r.sku]} for r in rows for code in r.barcodes)
        for batch in chunked(codes, CHUNK_ROWS):
            Barcode.insert_many(batch).execute()

    def _with_barcodes(self, rows) -> Iterator[tuple[ProductModel, tuple[str, ...]]]:
        codes: dict[int, list[str]] = defaultdict(list)
        for code, product_id in Barcode.select(Barcode.code, Barcode.product).order_by(Barcode.code).tuples():
            codes[product_id].append(code)
        for r in rows:
            yield r, tuple(codes.get(r.id, ()))

    def _product(self, row: ProductModel, codes: tuple[str, ...] | None = None) -> Product:
        if codes is None:
            codes = tuple(c for (c,) in Barcode.select(Barcode.code)
                          .where(Barcode.product == row.id).order_by(Barcode.code).tuples())
        return Product(id=row.id, sku=row.sku, name=row.name,
                       price=Money.from_minor(row.price_minor, self.currency),
                       tax=_rate(row.tax_code), category=row.category, barcodes=codes,
                       plu=row.plu, unit=row.unit, min_age=row.min_age, active=row.active)


def _rate(row: TaxRateRow) -> TaxRate:
    return TaxRate(row.code, Decimal(row.percent), row.name)


def _product_fields(r: ProductRow) -> dict[str, object]:
    return {"sku": r.sku, "name": r.name, "name_key": r.name.casefold(),
            "price_minor": r.price_minor, "tax_code": r.tax_code, "plu": r.plu,
            "category": r.category, "unit": r.unit, "min_age": r.min_age, "active": r.active}


def _as_row(r: ProductModel, codes: tuple[str, ...]) -> ProductRow:
    return ProductRow(r.sku, r.name, r.price_minor, r.tax_code_id, codes, r.plu, r.category,
                      r.unit, r.min_age, r.active)
