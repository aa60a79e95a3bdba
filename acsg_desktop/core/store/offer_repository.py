"""The installed offers catalogue and the offers each request is interested in."""

from __future__ import annotations

import json
from datetime import datetime

from sqlalchemy import delete, select
from sqlalchemy.orm import Session

from acsg_desktop.core.records.list_rows import ListedOffer, OfferQuery, PageOrder
from acsg_desktop.core.records.offer_codec import offer_from_dict, offer_to_dict
from acsg_desktop.core.records.offers import Offer, OfferInterest
from acsg_desktop.core.store.offer_list import offer_count, offer_languages, offer_page
from acsg_desktop.core.store.rows import OfferInterestRow, OfferRow
from acsg_desktop.core.store.setting_repository import SettingRepository

VERSION_SETTING = "offers_version"
ILLUSTRATIVE_SETTING = "offers_illustrative"
INSTALLED_AT_SETTING = "offers_installed_at"


class OfferRepository:
    """Reads and writes offers; returns plain objects, never rows."""

    def __init__(self, session: Session) -> None:
        self._session = session

    def replace_all(
        self, offers: list[Offer], version: int, illustrative: bool, installed_at: datetime
    ) -> None:
        """The new catalogue in place of the old one, in the caller's transaction."""
        self._session.execute(delete(OfferRow))
        for position, offer in enumerate(offers):
            self._session.add(
                OfferRow(
                    id=offer.id,
                    position=position,
                    status=offer.status.value,
                    document=json.dumps(offer_to_dict(offer), ensure_ascii=False),
                )
            )
        settings = SettingRepository(self._session)
        settings.set(VERSION_SETTING, str(version))
        settings.set(ILLUSTRATIVE_SETTING, "yes" if illustrative else "no")
        settings.set(INSTALLED_AT_SETTING, installed_at.isoformat())

    def version(self) -> int:
        return int(SettingRepository(self._session).get(VERSION_SETTING) or 0)

    def illustrative(self) -> bool:
        return SettingRepository(self._session).get(ILLUSTRATIVE_SETTING) == "yes"

    def installed_at(self) -> datetime | None:
        stored = SettingRepository(self._session).get(INSTALLED_AT_SETTING)
        return datetime.fromisoformat(stored) if stored else None

    def offers(self) -> list[Offer]:
        """Every installed offer, in the catalogue's order."""
        rows = self._session.scalars(select(OfferRow).order_by(OfferRow.position))
        return [offer_from_dict(json.loads(row.document)) for row in rows]

    def page(
        self, query: OfferQuery, offset: int, limit: int, order: PageOrder
    ) -> list[ListedOffer]:
        """One page of the list, filtered and sorted in SQL (see :mod:`offer_list`)."""
        return offer_page(self._session, query, offset, limit, order)

    def count(self, query: OfferQuery | None = None) -> int:
        return offer_count(self._session, query or OfferQuery())

    def languages(self) -> tuple[str, ...]:
        return offer_languages(self._session)

    def get(self, offer_id: str) -> Offer | None:
        row = self._session.get(OfferRow, offer_id)
        return offer_from_dict(json.loads(row.document)) if row else None

    def interests(self, request_ids: list[int] | None = None) -> list[OfferInterest]:
        """The offers marked "of interest", for the requests named (default: every request)."""
        query = select(OfferInterestRow).order_by(
            OfferInterestRow.request_id, OfferInterestRow.offer_id
        )
        if request_ids is not None:
            query = query.where(OfferInterestRow.request_id.in_(request_ids))
        return [
            OfferInterest(
                row.request_id, row.offer_id, row.catalogue_version, row.marked_by, row.marked_at
            )
            for row in self._session.scalars(query)
        ]

    def mark(self, interest: OfferInterest) -> None:
        self._session.merge(
            OfferInterestRow(
                request_id=interest.request_id,
                offer_id=interest.offer_id,
                catalogue_version=interest.catalogue_version,
                marked_by=interest.marked_by,
                marked_at=interest.marked_at,
            )
        )

    def unmark(self, request_id: int, offer_id: str) -> bool:
        row = self._session.get(OfferInterestRow, (request_id, offer_id))
        if row is None:
            return False
        self._session.delete(row)
        return True
