"""Reading support requests for lists and counts: pages sorted and filtered in SQL, counts by
stage. A part of ``RequestService``."""

from __future__ import annotations

import builtins

from acsg_desktop.core.records.list_rows import PageOrder, RequestFilter, RequestListRow
from acsg_desktop.core.records.requests import RequestStatus, SupportRequest
from acsg_desktop.core.store.database import Database
from acsg_desktop.core.store.request_repository import RequestRepository

DEFAULT_ORDER = PageOrder()
NO_FILTER = RequestFilter()


class RequestReads:
    """Needs the service's ``_database``."""

    _database: Database

    def list(self) -> list[SupportRequest]:
        with self._database.unit_of_work() as session:
            return RequestRepository(session).list()

    def stage_counts(self, user: str) -> dict[RequestStatus, tuple[int, int]]:
        """Status -> (requests at it, those ``user`` was not the last to edit), in one query
        whatever their number."""
        with self._database.unit_of_work() as session:
            counted = RequestRepository(session).stage_counts(user)
        return {RequestStatus(status): counts for status, counts in counted.items()}

    def page(
        self,
        offset: int,
        limit: int,
        order: PageOrder = DEFAULT_ORDER,
        request_filter: RequestFilter = NO_FILTER,
    ) -> builtins.list[RequestListRow]:
        """One page of the list, filtered and sorted in SQL (completeness included: it is kept
        with each request when it is saved)."""
        with self._database.unit_of_work() as session:
            return RequestRepository(session).page(request_filter, offset, limit, order)

    def count(self, request_filter: RequestFilter = NO_FILTER) -> int:
        with self._database.unit_of_work() as session:
            return RequestRepository(session).count(request_filter)
