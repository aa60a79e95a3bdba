"""Which support requests a list shows: by status, area, support type and words of the title."""

from __future__ import annotations

from collections.abc import Iterable

from acsg_desktop.core.records.list_rows import RequestFilter
from acsg_desktop.core.records.requests import SupportRequest

__all__ = ["RequestFilter", "filter_requests"]


def filter_requests(
    requests: Iterable[SupportRequest], request_filter: RequestFilter
) -> list[SupportRequest]:
    """The requests that ``request_filter`` lets through, in the order given."""
    return [request for request in requests if request_filter.matches(request)]
