"""Light rows for the lists that page: only what a line of a list shows."""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from datetime import datetime

from acsg_desktop.core.records.assessment import AssessmentStatus
from acsg_desktop.core.records.desk import PackageState
from acsg_desktop.core.records.offers import Offer, OfferFilters
from acsg_desktop.core.records.requests import (
    MatchStage,
    RequestStatus,
    SupportRequest,
    SupportType,
)

PAGE_SIZE = 200
# The first page of a list just opened: three screens of a tall window (more come on scrolling),
# so that opening decodes the rows shown, not a whole page.
FIRST_PAGE_SIZE = 64


@dataclass(frozen=True)
class PageOrder:
    """How a page is sorted: a key the repository knows, and the direction."""

    key: str = ""
    descending: bool = False


@dataclass(frozen=True)
class AssessmentListRow:
    """One line of the assessments list; completion is answered / applicable, counted in SQL."""

    id: int
    title: str
    year: int
    status: AssessmentStatus
    framework_version: str
    updated_at: datetime | None
    answered: int
    applicable: int

    @property
    def completion(self) -> float:
        """Share of applicable indicators with a complete answer, from 0 to 1 (as scoring)."""
        return self.answered / self.applicable if self.applicable else 1.0


@dataclass(frozen=True)
class RequestListRow:
    """One line of the requests list."""

    id: int
    title: str
    status: RequestStatus
    match_stage: MatchStage | None
    support_types: tuple[SupportType, ...]
    updated_at: datetime
    completeness: float | None  # kept by the requests service (its own rules); None: unknown


@dataclass(frozen=True)
class OfferQuery:
    """What the offers list asks of the store: the filters, with what SQL cannot know itself
    (the countries of the region filtered on; for sorting, the language of the titles and the
    current label of each coded value: partner kinds, support types, statuses, places)."""

    filters: OfferFilters = field(default_factory=OfferFilters)
    region_countries: tuple[str, ...] = ()
    language: str = "en"
    labels: Mapping[str, str] = field(default_factory=dict)


class ListedOffer:
    """One line of the offers list: the offer's reference, and the offer itself decoded the
    first time it is read. A page holds 64 offers and a screen shows a dozen: decoding every
    offer of the page (its whole JSON, descriptions in every language) cost more than the query
    and the painting together."""

    __slots__ = ("_decode", "_offer", "id")

    def __init__(self, offer_id: str, decode: Callable[[], Offer]) -> None:
        self.id = offer_id
        self._decode: Callable[[], Offer] | None = decode
        self._offer: Offer | None = None

    @property
    def offer(self) -> Offer:
        if self._offer is None:
            assert self._decode is not None
            self._offer, self._decode = self._decode(), None
        return self._offer

    @property
    def decoded(self) -> bool:
        """Whether the offer has been read yet."""
        return self._offer is not None

    def __repr__(self) -> str:
        return f"ListedOffer({self.id!r})"


@dataclass(frozen=True)
class CatalogueSummary:
    """The installed catalogue without its offers: what the Offers page shows above the list."""

    version: int
    illustrative: bool
    installed_at: datetime | None
    count: int
    languages: tuple[str, ...]


@dataclass(frozen=True)
class ReceivedListRow:
    """One line of the desk's received packages: what the list shows (not the package's data,
    which the detail under it reads for the chosen package only)."""

    id: int
    package_id: str
    country: str
    authority: str
    sequence: int
    received_at: datetime
    state: PackageState
    reason: str
    certified: bool
    signer: str
    signer_fingerprint: str


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


@dataclass(frozen=True)
class PackageListRow:
    """One line of the outbox: a package made, with the title of the assessment it carries."""

    package_id: str
    sequence: int
    assessment_id: int
    assessment_title: str
    assessment_year: int
    language: str  # "" for packages made before the language was recorded
    created_at: datetime
    status: str
    signer: str
    fingerprint: str
    file_path: str
