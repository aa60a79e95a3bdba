"""A data folder in use: its lock, its database and the services over them."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from acsg_desktop.core.actions.service import ActionPlanService
from acsg_desktop.core.assessment.service import AssessmentService
from acsg_desktop.core.audit.chain import ChainCheck, verify_chain
from acsg_desktop.core.display import escape_line
from acsg_desktop.core.errors import AcsgError
from acsg_desktop.core.evidence.service import EvidenceService
from acsg_desktop.core.guides.service import GuideService
from acsg_desktop.core.i18n import _
from acsg_desktop.core.offers.service import OfferService
from acsg_desktop.core.people.accounts import NotAllowed
from acsg_desktop.core.people.profile_service import ProfileService
from acsg_desktop.core.people.service import PeopleService, Person
from acsg_desktop.core.preferences import load_settings, save_settings
from acsg_desktop.core.receipts.service import ReceiptService
from acsg_desktop.core.records.assessment import AssessmentStatus
from acsg_desktop.core.requests.service import RequestService
from acsg_desktop.core.store.audit_repository import AuditRepository
from acsg_desktop.core.store.database import (
    Database,
    backup_dir,
    prepare_data_dir,
    restore_closed,
)
from acsg_desktop.core.store.lock import InstanceLock

if TYPE_CHECKING:
    from acsg_desktop.core.contributions.service import ContributionService
    from acsg_desktop.core.package.builder import ExportService


class Workspace:
    """Everything the app needs from one data folder, opened once per process."""

    def __init__(self, data_dir: Path, lock: InstanceLock, database: Database) -> None:
        self.data_dir = data_dir
        self._lock = lock
        self.database = database
        self.profiles = ProfileService(database)
        self.assessments = AssessmentService(database)
        self.evidence = EvidenceService(database, self.assessments)
        self.people = PeopleService(database)
        self.requests = RequestService(database)
        self.current_user = load_settings(data_dir).current_user
        self.guides = GuideService(database)
        self.offers = OfferService(database, self.assessments)
        self.receipts = ReceiptService(database)
        self.actions = ActionPlanService(database, self.assessments)
        self._exports: ExportService | None = None

    @classmethod
    def open(
        cls,
        data_dir: Path,
        database: str | None = None,
        *,
        password: str | None = None,
        allow_without_backup: bool = False,
        read_only: bool = False,
    ) -> Workspace:
        """Lock ``data_dir``, then check, migrate and open its database: the folder's own
        SQLite file, or the office server at the address ``database`` (the folder then keeps
        this computer's settings, keys, logs and server backups). ``read_only``: for commands
        that only read, beside a running app: no lock, no migration, nothing written.

        Raises:
            AcsgError: (or a subclass) with a message for the user when the folder or the
                server cannot be used; ``ServerPasswordError`` when a password is needed.
        """
        if read_only:
            return cls._open_for_reading(data_dir, database, password)
        prepare_data_dir(data_dir)
        lock = InstanceLock(data_dir)
        lock.acquire()
        try:
            opened = _open_database(data_dir, database, password, allow_without_backup)
        except BaseException:
            lock.release()
            raise
        workspace = cls(data_dir, lock, opened)
        try:
            workspace._take_login()
            workspace.guides.install_shipped_if_newer()
            workspace.requests.fill_completeness()  # requests stored before revision 0014
            workspace.guides.note_time()
            opened.count_changes_from_now()
        except BaseException:
            workspace.close()
            raise
        return workspace

    @classmethod
    def _open_for_reading(
        cls, data_dir: Path, address: str | None, password: str | None
    ) -> Workspace:
        """The folder's SQLite file read-only, or the server in read-only transactions; no
        migration; the lock is not taken (an unacquired lock: releasing it does nothing)."""
        from acsg_desktop.core.store.read_only import ReadOnlyDatabase

        opened: Database
        if address:
            from acsg_desktop.core.store.read_only_server import ReadOnlyServerDatabase

            opened = ReadOnlyServerDatabase.connect_for_reading(
                address, password, backup_dir(data_dir)
            )
        else:
            opened = ReadOnlyDatabase.open_for_reading(data_dir)
        workspace = cls(data_dir, InstanceLock(data_dir), opened)
        try:
            workspace._take_login()
        except BaseException:
            workspace.close()
            raise
        return workspace

    def _take_login(self) -> None:
        """On a server, the current person is the login's, whatever this computer remembers;
        a login that is nobody's (the IT officer's) acts under its own name."""
        if not self.database.is_server:
            return
        person = self.people.login_person()
        self.current_user = person.name if person else getattr(self.database, "login", "")

    @property
    def exports(self) -> ExportService:
        """Signed packages (built on first use: its imports are heavy)."""
        if self._exports is None:
            from acsg_desktop.core.package.builder import ExportService
            from acsg_desktop.core.package.identities import IdentityStore

            self._exports = ExportService(
                self.database, self.assessments, IdentityStore(self.data_dir)
            )
        return self._exports

    @property
    def contributions(self) -> ContributionService:
        """Contribution files between laptops (built on first use: it loads the signing code)."""
        from acsg_desktop.core.contributions.service import ContributionService

        return ContributionService(self.database, self.assessments, self.data_dir)

    def people_names(self) -> list[str]:
        """Names offered wherever the app asks who did something."""
        return [person.name for person in self.people.list()]

    def sign_in(self, name: str, passphrase: str | None) -> Person:
        """Make ``name`` the current user once ``passphrase`` proves it (none is asked in a
        one-person office without a passphrase).

        Raises:
            PersonError: WrongPassphrase, PassphraseNotSet, or no such person.
        """
        person = self.people.sign_in(name, passphrase)
        self.set_current_user(person.name)
        return person

    def current_person(self) -> Person | None:
        """The signed-in person with their roles, or None before anyone signed in."""
        return self.people.get(self.current_user) if self.current_user else None

    def set_current_user(self, name: str) -> None:
        """Who is using the app now; every change is recorded under this name. Callers prove
        who it is first (``sign_in``); this only remembers it for the next start. On a server
        the login decides: another name is refused."""
        if self.database.is_server and name != self.current_user:
            raise NotAllowed(
                _("On the office server you act under your own login only, not as {name}.").format(
                    name=escape_line(name)
                )
            )
        self.current_user = name
        settings = load_settings(self.data_dir)
        settings.current_user = name
        save_settings(self.data_dir, settings)

    def audit_check(self) -> ChainCheck:
        """Verify the whole audit chain."""
        with self.database.unit_of_work() as session:
            return verify_chain(AuditRepository(session).entries())

    def remember_open_assessment(self, assessment_id: int | None) -> None:
        """Note which assessment the wizard shows, to reopen it there after a restart or crash."""
        settings = load_settings(self.data_dir)
        settings.open_assessment = "" if assessment_id is None else str(assessment_id)
        save_settings(self.data_dir, settings)

    def assessment_to_resume(self) -> int | None:
        """The assessment the wizard showed when the app last stopped, if it can still be edited."""
        remembered = load_settings(self.data_dir).open_assessment
        if not remembered.isdigit():
            return None
        try:
            summary = self.assessments.get(int(remembered))
        except AcsgError:
            return None
        return summary.id if summary.status is AssessmentStatus.IN_PROGRESS else None

    def backup_if_due(self) -> Path | None:
        """An automatic backup when data changed and the last one is 30 minutes old or more."""
        return self.database.backup_if_due()

    def __enter__(self) -> Workspace:
        return self

    def __exit__(self, *_exc: object) -> None:
        self.close()

    def close(self) -> str | None:
        """Close the database cleanly and release the data folder.

        Returns a notice for the user when the final checkpoint failed (the changes are kept in
        the write-ahead file beside the database), else None.
        """
        try:
            return self.database.close()
        finally:
            self._lock.release()


def _open_database(
    data_dir: Path, address: str | None, password: str | None, allow_without_backup: bool
) -> Database:
    if not address:
        return Database.open(data_dir)
    from acsg_desktop.core.store.server import ServerDatabase

    return ServerDatabase.connect(
        address, password, backup_dir(data_dir), allow_without_backup=allow_without_backup
    )


def restore_into(data_dir: Path, backup: Path) -> Path | None:
    """Restore ``backup`` as the database of the (closed) ``data_dir``; keep the current one."""
    prepare_data_dir(data_dir)
    with InstanceLock(data_dir):
        return restore_closed(data_dir, backup)
