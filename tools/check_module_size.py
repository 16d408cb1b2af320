"""Fail when a module under posdesk/ grows past the line limit.

A module that passes ~400 lines usually holds two ideas; splitting it then is cheap,
splitting it a year later is not. Run by `make lint`.
"""
from __future__ import annotations

import sys
from collections.abc import Iterable
from pathlib import Path

#: Longest module, in lines, that the project accepts.
LIMIT = 400

#: Modules excused from the limit: none. Split a module that grows past it; do not add here.
ALLOWED: frozenset[str] = frozenset()


def oversized(package: Path, limit: int = LIMIT,
              allowed: Iterable[str] = ALLOWED) -> list[tuple[str, int]]:
    """(path relative to `package`, line count) of every module over `limit` lines."""
    excused = set(allowed)
    found = []
    for path in sorted(package.rglob("*.py")):
        name = path.relative_to(package).as_posix()
        with path.open("rb") as f:
            count = sum(1 for _ in f)
        if count > limit and name not in excused:
            found.append((name, count))
    return found


def main() -> int:
    package = Path(__file__).resolve().parents[1] / "posdesk"
    found = oversized(package)
    for name, count in found:
        print(f"posdesk/{name}: {count} lines, the limit is {LIMIT}: split it by idea")
    return 1 if found else 0


if __name__ == "__main__":
    sys.exit(main())
