"""Which support requests a list shows: by status, area, support type and words of the title."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from acsg_desktop.core.records.requests import RequestStatus, SupportRequest, SupportType


@dataclass(frozen=True)
class RequestFilter:
    """A choice of requests; every criterion left empty lets every request through."""

    status: RequestStatus | None = None
    area: str = ""
    support_type: SupportType | None = None
    text: str = ""

    @classmethod
    def from_values(
        cls, status: str = "", area: str = "", support_type: str = "", text: str = ""
    ) -> RequestFilter:
        """A filter from plain values (a combo box's data, a command-line option).

        Raises:
            ValueError: ``status`` or ``support_type`` is not one of the known values.
        """
        return cls(
            status=RequestStatus(status) if status else None,
            area=area,
            support_type=SupportType(support_type) if support_type else None,
            text=text,
        )

    def matches(self, request: SupportRequest) -> bool:
        """Whether ``request`` meets every criterion (the text: in the title, any case)."""
        content, text = request.content, self.text.casefold().strip()
        return (
            (self.status is None or request.status is self.status)
            and (not self.area or self.area in content.areas)
            and (self.support_type is None or self.support_type in content.support_types)
            and (not text or text in content.title.casefold())
        )


def filter_requests(
    requests: Iterable[SupportRequest], request_filter: RequestFilter
) -> list[SupportRequest]:
    """The requests that ``request_filter`` lets through, in the order given."""
    return [request for request in requests if request_filter.matches(request)]
