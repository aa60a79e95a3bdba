"""`make bench`: each figure as a ratio to a floor measured in the same run.

Prints a table (value, floor, ratio, target) and writes build/bench.json. Not a test: nothing in
`make test` depends on timing.
"""

from __future__ import annotations

import io
import json
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

RUNS = 7
FLOOR_WINDOW = """
import resource, sys
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QMainWindow
app = QApplication(sys.argv[:1])
window = QMainWindow()
window.show()
QTimer.singleShot(0, app.quit)
app.exec()
print(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss)
"""
APP_WINDOW = """
import resource, sys
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication
from acsg_desktop.gui import app, main_window
show = main_window.MainWindow.show
def show_then_quit(self):
    show(self)
    QTimer.singleShot(0, QApplication.quit)
main_window.MainWindow.show = show_then_quit
app.main(["--data-dir", sys.argv[1]])
print(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss)
"""


def run_child(code: str, *args: str) -> tuple[float, int]:
    """Wall seconds from spawn to exit, and the child's peak RSS in KiB."""
    started = time.perf_counter()
    completed = subprocess.run(
        [sys.executable, "-c", code, *args], capture_output=True, text=True, check=True
    )
    elapsed = time.perf_counter() - started
    return elapsed, int(completed.stdout.strip().splitlines()[-1])


def median_of(code: str, *args: str) -> tuple[float, int]:
    samples = [run_child(code, *args) for _ in range(RUNS)]
    return statistics.median(s[0] for s in samples), max(s[1] for s in samples)


def prepare_data_folder(folder: Path) -> None:
    subprocess.run(
        [
            sys.executable,
            "-m",
            "acsg_desktop.cli",
            "--data-dir",
            str(folder),
            "profile",
            "set",
            "--country",
            "TD",
            "--authority",
            "Bench authority",
            "--contact",
            "Bench",
            "--email",
            "bench@example.org",
            "--language",
            "en",
        ],
        check=True,
        capture_output=True,
    )


def startup_figures() -> list[dict[str, object]]:
    with tempfile.TemporaryDirectory() as home:
        folder = Path(home)
        prepare_data_folder(folder)
        floor_time, floor_rss = median_of(FLOOR_WINDOW)
        app_time, app_rss = median_of(APP_WINDOW, str(folder))
    return [
        {
            "figure": "start-up to main window (s)",
            "value": app_time,
            "floor": floor_time,
            "target_ratio": 2.5,
        },
        {
            "figure": "start-up peak memory (MiB)",
            "value": app_rss / 1024,
            "floor": floor_rss / 1024,
            "target_ratio": 2.0,
        },
    ]


def _p95(samples: list[float]) -> float:
    return statistics.quantiles(samples, n=20)[18]


def plain_sqlite_commit_p95(folder: Path, count: int) -> float:
    import sqlite3

    connection = sqlite3.connect(folder / "floor.sqlite3", isolation_level=None)
    for pragma in ("journal_mode=WAL", "synchronous=FULL", "foreign_keys=ON"):
        connection.execute(f"PRAGMA {pragma}")
    connection.execute("CREATE TABLE answer (id INTEGER PRIMARY KEY, indicator TEXT, level INT)")
    samples = []
    for number in range(count):
        started = time.perf_counter()
        connection.execute("BEGIN")
        connection.execute("INSERT INTO answer (indicator, level) VALUES (?, ?)", (str(number), 3))
        connection.execute("COMMIT")
        samples.append(time.perf_counter() - started)
    connection.close()
    return _p95(samples)


def answer_save_p95(folder: Path, count: int) -> float:
    from acsg_desktop.core.records.assessment import Answer, AnswerKind
    from acsg_desktop.core.workspace import Workspace

    samples = []
    with Workspace.open(folder / "app") as workspace:
        service = workspace.assessments
        assessment = service.create("Bench", 2026, actor="Bench")
        indicators = service.framework_of(assessment).indicators
        for number in range(count):
            answer = Answer(
                indicators[number % len(indicators)].id,
                AnswerKind.LEVEL,
                level=1 + number % 5,
                evidence="report",
                answered_by="Bench",
            )
            started = time.perf_counter()
            service.save_answer(assessment.id, answer, actor="Bench")
            samples.append(time.perf_counter() - started)
    return _p95(samples)


def answer_figures() -> list[dict[str, object]]:
    with tempfile.TemporaryDirectory() as home:
        floor = plain_sqlite_commit_p95(Path(home), 300)
        value = answer_save_p95(Path(home), 300)
    return [
        {
            "figure": "saving one answer, p95 (ms)",
            "value": value * 1000,
            "floor": floor * 1000,
            "target_ratio": 2.0,
        }
    ]


def synthetic_guides(count: int) -> list:
    from acsg_desktop.core.records.guides import Guide, GuideText

    words = [
        "équité",
        "efficacité",
        "arriéré",
        "entretien",
        "interprète",
        "recours",
        "décision",
        "qualité",
        "registre",
        "fairness",
        "backlog",
        "interview",
        "interpreter",
        "appeal",
        "decision",
        "quality",
        "registration",
    ]
    guides = []
    for number in range(count):
        body = " ".join(words[(number * 7 + i) % len(words)] for i in range(300))
        texts = {
            lang: GuideText(f"Guide {number} {lang}", "Summary", body, "bench")
            for lang in ("en", "fr")
        }
        guides.append(
            Guide(f"g{number}", "tool", ("appeals",), ("fairness",), "global", 2026, texts)
        )
    return guides


def guide_search_figures() -> list[dict[str, object]]:
    import sqlite3

    from acsg_desktop.core.records.guides import GuideFilters
    from acsg_desktop.core.store.guide_repository import fts_query
    from acsg_desktop.core.workspace import Workspace

    queries = ["equite", "arriere entretien", "interpreter", "decision qualite", "backlog"] * 20
    with tempfile.TemporaryDirectory() as home, Workspace.open(Path(home)) as workspace:
        workspace.guides.install(synthetic_guides(5_000), 99)  # 10,000 documents (EN + FR)
        app = []
        for query in queries:
            started = time.perf_counter()
            workspace.guides.search(query, "fr", GuideFilters())
            app.append(time.perf_counter() - started)
        connection = sqlite3.connect(Path(home) / "acsg.sqlite3")
        floor = []
        for query in queries:
            started = time.perf_counter()
            connection.execute(
                "SELECT d.guide_id, snippet(guide_fts, 2, '[', ']', '…', 14), "
                "bm25(guide_fts, 10.0, 4.0, 1.0) AS r FROM guide_fts JOIN guide_document d "
                "ON d.id = guide_fts.rowid WHERE guide_fts MATCH ? AND d.lang = 'fr' "
                "ORDER BY r LIMIT 20",
                (fts_query(query),),
            ).fetchall()
            floor.append(time.perf_counter() - started)
        connection.close()
    return [
        {
            "figure": "guide search, 10,000 docs, p95 (ms)",
            "value": _p95(app) * 1000,
            "floor": _p95(floor) * 1000,
            "target_ratio": 1.5,
        }
    ]


def _floor_pdf_seconds(pages: int, identity: object) -> float:
    """ReportLab building a document of the same length, then pyHanko signing it."""
    from reportlab.lib.styles import getSampleStyleSheet
    from reportlab.platypus import PageBreak, Paragraph, SimpleDocTemplate

    from acsg_desktop.core.package.pdf_finish import sign_pdf

    started = time.perf_counter()
    buffer = io.BytesIO()
    style = getSampleStyleSheet()["BodyText"]
    flow = []
    for _page in range(pages):
        flow += [Paragraph("Capacity " * 400, style), PageBreak()]
    SimpleDocTemplate(buffer).build(flow)
    sign_pdf(buffer.getvalue(), identity)  # type: ignore[arg-type]
    return time.perf_counter() - started


def package_figures() -> list[dict[str, object]]:
    import zipfile

    import pikepdf

    from acsg_desktop.core.demo.build import create_demo
    from acsg_desktop.core.package.identities import IdentityStore
    from acsg_desktop.core.workspace import Workspace

    values, floors, passphrase = [], [], b"bench passphrase"
    for _round in range(3):
        with tempfile.TemporaryDirectory() as home, Workspace.open(Path(home)) as workspace:
            demo = create_demo(workspace, "en")
            store = IdentityStore(Path(home))
            store.create("Bench", workspace.profiles.get(), passphrase)  # type: ignore[arg-type]
            out = Path(home) / "bench.acsgpkg"
            started = time.perf_counter()
            workspace.exports.export(demo.baseline.id, "Bench", passphrase, out, "en")
            values.append(time.perf_counter() - started)
            with (
                zipfile.ZipFile(out) as archive,
                pikepdf.open(io.BytesIO(archive.read("report.pdf"))) as pdf,
            ):
                pages = len(pdf.pages)
            floors.append(_floor_pdf_seconds(pages, store.unlock("Bench", passphrase)))
    return [
        {
            "figure": "build and sign a package (s)",
            "value": statistics.median(values),
            "floor": statistics.median(floors),
            "target_ratio": 1.5,
        }
    ]


def main() -> int:
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from bench_desk import intake_figures  # tools/ is on the path when run as a script

    figures = (
        startup_figures()
        + answer_figures()
        + guide_search_figures()
        + package_figures()
        + intake_figures()
    )
    print(f"{'figure':34} {'value':>9} {'floor':>9} {'ratio':>7} {'target':>7}")
    for figure in figures:
        figure["ratio"] = float(figure["value"]) / float(figure["floor"])  # type: ignore[arg-type]
        figure["ok"] = figure["ratio"] <= figure["target_ratio"]  # type: ignore[operator]
        print(
            f"{figure['figure']:34} {figure['value']:9.3f} {figure['floor']:9.3f} "
            f"{figure['ratio']:7.2f} {'<= ' + str(figure['target_ratio']):>7}"
        )
    out = Path("build/bench.json")
    out.parent.mkdir(exist_ok=True)
    out.write_text(json.dumps(figures, indent=2))
    print(f"written to {out}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
