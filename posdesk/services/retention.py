"""Retention by class: the configured keep periods, and each sale's period from its journal."""
from __future__ import annotations

from datetime import timedelta
from typing import Callable

from posdesk.core.retention import RetentionClass, RetentionPolicy, classify
from posdesk.db.sales import SaleStore
from posdesk.recording.evidence.purge_safety import PurgeRefused, check_keep

from .config import Config


def retention_policy(config: Config, ordinary_days: int | None = None) -> RetentionPolicy:
    """The `recording.retention_days` (ordinary sales) and `recording.retention.*_days`
    settings; `ordinary_days` overrides the first (`posdesk clips purge --days N`)."""
    days: dict[RetentionClass, int] = {
        cls: int(config.get(f"recording.retention.{cls.value}_days"))
        for cls in RetentionClass if cls is not RetentionClass.ORDINARY}
    days[RetentionClass.ORDINARY] = int(ordinary_days if ordinary_days is not None
                                        else config.get("recording.retention_days"))
    return RetentionPolicy(days)


def check_keep_periods(config: Config, ordinary_days: int) -> None:
    """Refuse keep periods no purge may use, before anyone is asked for a PIN: raises
    `PurgeRefused` (too short for evidence) or `ValueError` (a flagged class's setting)."""
    check_keep(timedelta(days=ordinary_days))
    retention_policy(config, ordinary_days)


def keep_period(policy: RetentionPolicy, config: Config,
                sales: SaleStore) -> Callable[[str], timedelta]:
    """Each sale's keep period, from the classes its journal puts it in."""
    categories = str(config.get("recording.retention.regulated_categories")).split(",")

    def keep_for(sale_id: str) -> timedelta:
        return policy.keep_for(classify(sales.load_events(sale_id), categories))

    return keep_for


__all__ = ["PurgeRefused", "check_keep_periods", "keep_period", "retention_policy"]
