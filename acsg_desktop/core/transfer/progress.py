"""Progress in percent over work measured in bytes, for the progress bars of long copies."""

from __future__ import annotations

from collections.abc import Callable

Percent = Callable[[int], None]  # 0..100


def ignore(_percent: int) -> None:
    """A progress report nobody reads."""


class Meter:
    """Counts bytes done out of ``total`` and reports them as a percentage between ``start``
    and ``end`` (a part of the whole operation), only when the percentage changes."""

    def __init__(self, report: Percent, total: int, start: int, end: int) -> None:
        self._report, self._total = report, max(total, 1)
        self._start, self._end = start, end
        self._done, self._last = 0, -1

    def __call__(self, amount: int) -> None:
        self._done += amount
        share = min(self._done, self._total) * (self._end - self._start) // self._total
        percent = self._start + share
        if percent != self._last:
            self._last = percent
            self._report(percent)
