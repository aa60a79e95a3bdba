"""`make bench`: every figure beside its floor, measured in the same run, app and floor in turn.

Prints a table and writes build/bench.json: under ``figures``, one object per figure with
``name``, ``value``, ``unit``, ``floor``, ``ratio``, ``target``, ``holds`` (and ``runs``); under
``server``, the office server with 20 clients beside SQLite with one writer (bench_server; 30 s
each, 5 s with --quick or ACSG_BENCH_QUICK=1). The ratio is the median of
the run-by-run ratios (p95 over p95 for the per-operation figures). Not a test: nothing in
`make test` depends on timing. The machine may be shared: figures are noisy, rerun to compare.

Data: the lists and the start-up use the demo folder grown to 100 times normal data
(bench_data), the start-up also performance.md's folder (10,000 guides, 50 assessments); the
export and the answer save use the demo as it is; the search, 20,000 guide documents of about
2 KB; the desk, 6 real packages, then copies. Public tools only: Python, sqlite3, openssl and
coreutils' sha256sum.
"""

from __future__ import annotations

import json
import os
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

TOOLS = Path(__file__).resolve().parent
OUT = Path("build/bench.json")


def _timed_section(name: str, make: Any) -> list[dict[str, Any]]:
    started = time.perf_counter()
    figures = list(make())
    print(f"  {name}: {time.perf_counter() - started:.0f} s", file=sys.stderr)
    return figures


def _compile_the_app() -> None:
    """Byte-compile the app once, as an installed app (and the bundle) is: with
    PYTHONDONTWRITEBYTECODE set, every timed start would otherwise compile 150 modules again."""
    import compileall

    compileall.compile_dir(str(TOOLS.parent / "acsg_desktop"), quiet=1)


def main() -> int:
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    _compile_the_app()
    sys.path.insert(0, str(TOOLS))
    from bench_common import print_table
    from bench_data import make_big_folder, make_start_up_folder
    from bench_desk import intake_figures
    from bench_export import export_figures
    from bench_lists import list_figures
    from bench_server import print_server_table, server_comparison, server_figure, server_seconds
    from bench_startup import startup_figures
    from bench_store import answer_figure, search_figure
    from PySide6.QtWidgets import QApplication

    app = QApplication.instance() or QApplication(sys.argv[:1])  # the lists are shown offscreen
    with tempfile.TemporaryDirectory() as home:
        big = Path(home) / "big"
        spec_folder = Path(home) / "start-up"
        _timed_section("the big data folder", lambda: [make_big_folder(big)])
        _timed_section("the start-up folder", lambda: [make_start_up_folder(spec_folder)])
        figures = _timed_section("start-up and memory", lambda: startup_figures(big, spec_folder))
        figures += _timed_section("lists", lambda: list_figures(big))
    figures += _timed_section("desk", intake_figures)
    figures += _timed_section("export and verify", export_figures)
    figures += _timed_section("answer save", lambda: [answer_figure()])
    figures += _timed_section("guide search", lambda: [search_figure()])
    seconds = server_seconds(sys.argv[1:])
    [server] = _timed_section("office server", lambda: [server_comparison(seconds)])
    figures += server_figure(server)
    del app
    print_table(figures)
    print_server_table(server)
    OUT.parent.mkdir(exist_ok=True)
    OUT.write_text(json.dumps({"figures": figures, "server": server}, indent=2), encoding="utf-8")
    held = sum(1 for row in figures if row["holds"])
    print(f"{held} of {len(figures)} figures hold their target; written to {OUT}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
