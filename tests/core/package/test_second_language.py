"""A report in the other language after a first export (issue 15, item 6): a new package with
the same content, next in the sequence and linked to the first, that `acsg verify` and the
Secretariat's desk accept; the same content in the same language is still never made twice."""

import json
import sqlite3
import zipfile
from pathlib import Path

import pytest

from acsg_desktop.core.demo.build import create_demo
from acsg_desktop.core.desk.workspace import DeskWorkspace
from acsg_desktop.core.errors import AcsgError
from acsg_desktop.core.package.builder import ExportResult
from acsg_desktop.core.package.identities import IdentityStore
from acsg_desktop.core.package.outbox import Outbox, export_message, report_copy
from acsg_desktop.core.package.verify import verify_package
from acsg_desktop.core.records.assessment import AssessmentStatus
from acsg_desktop.core.records.desk import IntakeOutcome
from acsg_desktop.core.records.list_rows import PageOrder
from acsg_desktop.core.records.requests import RequestStatus
from acsg_desktop.core.store.database import Database, database_path
from acsg_desktop.core.store.engine import make_engine
from acsg_desktop.core.store.migrate import migrate_to
from acsg_desktop.core.workspace import Workspace

SIGNATORY = "Fatimé Zakaria"
PASSPHRASE = b"a long enough passphrase"


class TwoLanguages:
    def __init__(self, root: Path) -> None:
        self.data = root / "data"
        self.english, self.french = root / "en.acsgpkg", root / "fr.acsgpkg"
        self.assessment = 0
        self.results: tuple[ExportResult, ...] = ()

    def package_json(self, path: Path) -> dict:
        with zipfile.ZipFile(path) as archive:
            return json.loads(archive.read("package.json"))


@pytest.fixture(scope="module")
def both(tmp_path_factory: pytest.TempPathFactory) -> TwoLanguages:
    """The demo baseline exported in English, then in French."""
    made = TwoLanguages(tmp_path_factory.mktemp("languages"))
    with Workspace.open(made.data) as workspace:
        demo = create_demo(workspace, "en")
        made.assessment = demo.baseline.id
        IdentityStore(made.data).create(SIGNATORY, workspace.profiles.get(), PASSPHRASE)
        first = workspace.exports.export(made.assessment, SIGNATORY, PASSPHRASE, made.english, "en")
        second = workspace.exports.export(made.assessment, SIGNATORY, PASSPHRASE, made.french, "fr")
    made.results = (first, second)
    return made


def test_the_french_report_is_a_new_package_with_the_same_content(both: TwoLanguages) -> None:
    first, second = both.results
    assert (first.reused, second.reused) == (False, False)
    assert (first.record.sequence, second.record.sequence) == (1, 2)
    assert (first.record.language, second.record.language) == ("en", "fr")
    assert second.repeats is not None and second.repeats.package_id == first.record.package_id
    english, french = both.package_json(both.english), both.package_json(both.french)
    assert (english["language"], french["language"]) == ("en", "fr")
    assert english["package_id"] != french["package_id"]
    assert [r["id"] for r in french["requests"]] == [r["id"] for r in english["requests"]]
    assert french["requests"] and {r["status"] for r in french["requests"]} == {"exported"}
    assert [a["level"] for a in french["assessment"]["answers"]] == [
        a["level"] for a in english["assessment"]["answers"]
    ]
    assert export_message(second) == (
        f"Package 2 written to {both.french}: the content of package 1, with its report in French."
    )


def test_acsg_verify_accepts_it_linked_to_the_english_package(both: TwoLanguages) -> None:
    check = verify_package(both.french, previous=both.english)
    assert check.ok, check.failures
    assert check.manifest["sequence"] == 2 and check.manifest["language"] == "fr"


def test_the_same_content_in_either_language_is_not_made_again(
    both: TwoLanguages, tmp_path: Path
) -> None:
    with Workspace.open(both.data) as workspace:
        for language, sequence in (("fr", 2), ("en", 1)):
            target = tmp_path / f"again-{language}.acsgpkg"
            again = workspace.exports.export(
                both.assessment, SIGNATORY, PASSPHRASE, target, language
            )
            assert again.reused and again.record.sequence == sequence
            assert not target.exists()
        assert "already exported in English as package 1" in export_message(again)
        assert workspace.assessments.get(both.assessment).status is AssessmentStatus.LOCKED
        exported = [r for r in workspace.requests.list() if r.status is RequestStatus.EXPORTED]
        assert exported and not [
            r for r in workspace.requests.list() if r.status is RequestStatus.APPROVED
        ]


def test_the_desk_receives_both_packages(both: TwoLanguages, tmp_path: Path) -> None:
    with DeskWorkspace.open(tmp_path / "desk") as desk:
        desk.trust.create("Desk officer", b"the desk's own long passphrase")
        results = desk.intake.intake([both.english, both.french], actor="Desk officer")
    assert [r.outcome for r in results] == [IntakeOutcome.ACCEPTED, IntakeOutcome.ACCEPTED]


def test_the_outbox_lists_a_page_with_assessment_and_language(both: TwoLanguages) -> None:
    with Workspace.open(both.data) as workspace:
        outbox = Outbox(workspace.database)
        newest_first = outbox.page(0, 10, PageOrder())
        by_language = outbox.page(0, 10, PageOrder("language", descending=True))
        second_page = outbox.page(1, 1, PageOrder("sequence"))
        title = workspace.assessments.get(both.assessment).title
    assert [(row.sequence, row.language) for row in newest_first] == [(2, "fr"), (1, "en")]
    assert {row.assessment_title for row in newest_first} == {title}
    assert [row.language for row in by_language] == ["fr", "en"]
    assert [row.sequence for row in second_page] == [2]


def test_the_report_is_copied_out_of_the_package_to_be_opened(
    both: TwoLanguages, tmp_path: Path
) -> None:
    copy = report_copy(both.french, 2, tmp_path / "reports")
    with zipfile.ZipFile(both.french) as archive:
        assert copy.read_bytes() == archive.read("report.pdf")
    assert copy.name == "package-2-report.pdf"
    with pytest.raises(AcsgError, match="cannot be read"):
        report_copy(tmp_path / "moved-away.acsgpkg", 3, tmp_path / "reports")


def test_packages_made_before_the_language_was_recorded_keep_an_empty_one(
    tmp_path: Path,
) -> None:
    path = database_path(tmp_path)
    engine = make_engine(path)
    migrate_to(engine, "0012")
    engine.dispose()
    connection = sqlite3.connect(path)
    connection.execute(
        "INSERT INTO package (package_id, sequence, sha256, content_digest, file_path,"
        " assessment_id, signer, fingerprint, status, created_at) VALUES"
        " ('p1', 1, 'x', 'd', '/old.acsgpkg', 1, 'Ali', 'F', 'sent', '2026-01-01 00:00:00')"
    )
    connection.commit()
    connection.close()
    database = Database.open(tmp_path)
    try:
        [row] = Outbox(database).page(0, 10, PageOrder())
    finally:
        database.close()
    assert (row.sequence, row.language, row.assessment_title) == (1, "", "")
