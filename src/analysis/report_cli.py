"""``python -m analysis sections``: print the report's section table."""

from __future__ import annotations

from . import report


def main(argv: list[str]) -> int:
    for s in report.sections():
        print(f"{s.id:<12} {s.start:>6} {s.end:>6} {s.length:>6}  {s.title}")
    return 0
