"""Print how long the book takes to build on this machine (a script, not a test).

    .venv/bin/python benchmarks/build_times.py [--repeat N] [--flags "-W -n --keep-going"]
                                               [--chapters all|none|NAME,...]

Measured on clean copies of the repository (no _build), with the installed
environment, using the plain maintainer command ``jupyter-book build .``:

- cold: a clean copy, everything executes (in parallel, analysis.book);
- no-op: the same copy built again, nothing changed;
- one chapter, prose edited: a sentence of chapter 1 changed; the page is read
  and written again, its code is not run (jupyter-cache keys on code);
- one chapter, code edited: the first code cell of each notebook chapter in
  turn; that chapter, and only it, runs again. The table gives each build and
  the chapter's own run time inside it (its kernel's start included);
- serial default: a clean copy built with MINQUAN_BOOK_PARALLEL=0, i.e. Jupyter
  Book's own serial execution (myst-nb runs each chapter as Sphinx reads it; the
  rest of analysis.book stays on, so the two builds differ only in execution),
  for the ratio cold / serial.

Targets: cold <= 0.6 x serial (issue 13) and <= 60 s; no-op <= 3 s; one chapter <= 8 s
(issue 7).
Timings are wall-clock; the load average is printed because other work on the
machine inflates them. With --repeat N each figure is the median of N runs.
"""

from __future__ import annotations

import argparse
import os
import platform
import re
import resource
import shutil
import statistics
import subprocess
import sys
import sysconfig
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
JUPYTER_BOOK = str(Path(sys.executable).parent / "jupyter-book")
IGNORE = shutil.ignore_patterns(
    "_build", ".venv", ".git", "__pycache__", ".pytest_cache", ".ruff_cache", ".hypothesis"
)
PROSE_CHAPTER = "chapters/01-report-and-numbers.md"


def clean_copy(destination: Path) -> Path:
    shutil.copytree(ROOT, destination, ignore=IGNORE)
    return destination


def children_cpu() -> float:
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    return usage.ru_utime + usage.ru_stime


CPU: dict[str, list[float]] = {}


LAST_LOG = {"text": ""}


def build(source: Path, flags: list[str], name: str = "") -> float:
    # the copy's data and package, not the main checkout's (installed editable)
    env = {**os.environ, "MINQUAN_BOOK_ROOT": str(source), "PYTHONPATH": str(source / "src")}
    # serial default: Jupyter Book's own execution; otherwise ours, whatever this shell says
    env["MINQUAN_BOOK_PARALLEL"] = "0" if name == "serial" else "1"
    env.pop("MPLBACKEND", None)
    # as in a maintainer's checkout, the copy's package is compiled once and its
    # bytecode reused by later builds and kernels, even if this shell says otherwise
    env.pop("PYTHONDONTWRITEBYTECODE", None)
    started, cpu = time.perf_counter(), children_cpu()
    result = subprocess.run(
        [JUPYTER_BOOK, "build", ".", *flags], cwd=source, env=env, capture_output=True, text=True
    )
    seconds = time.perf_counter() - started
    # CPU seconds of the build and its kernels: less sensitive to other load than wall time
    CPU.setdefault(name, []).append(children_cpu() - cpu)
    LAST_LOG["text"] = result.stdout + result.stderr
    if result.returncode != 0:
        sys.exit(f"build failed in {source}:\n{LAST_LOG['text'][-4000:]}")
    return seconds


def own_run_seconds(docname: str) -> float | None:
    """The chapter's own run time, from the last build's log (analysis.book.execute)."""
    found = re.search(rf"executed {re.escape(docname)} in ([\d.]+) s", LAST_LOG["text"])
    return float(found.group(1)) if found else None


def notebook_chapters(source: Path) -> list[str]:
    return sorted(
        p.relative_to(source).as_posix()
        for p in (source / "chapters").glob("*.md")
        if "```{code-cell}" in p.read_text(encoding="utf-8")
    )


def edit_code(source: Path, chapter: str, n: int) -> None:
    """Change the first code cell of one chapter, so its cache key changes."""
    path = source / chapter
    text = path.read_text(encoding="utf-8")
    marker = "```{code-cell} ipython3\n"
    head, tail = text.split(marker, 1)
    # keep the cell's options block (---...--- or :tags:) first
    lines = tail.split("\n")
    if lines[0] == "---":
        end = lines.index("---", 1) + 1
    else:
        end = 0
        while end < len(lines) and lines[end].startswith(":"):
            end += 1
    lines.insert(end, f"# benchmark edit {n}")
    path.write_text(head + marker + "\n".join(lines), encoding="utf-8")


def edit_prose(source: Path, chapter: str, n: int) -> None:
    """Add a paragraph right after the chapter's title: no code changes."""
    path = source / chapter
    text = path.read_text(encoding="utf-8")
    title = re.search(r"^# .+\n\n", text, re.MULTILINE)
    if title is None:
        sys.exit(f"{chapter}: no title line to edit after")
    at = title.end()
    path.write_text(text[:at] + f"Benchmark paragraph {n}.\n\n" + text[at:], encoding="utf-8")


def bytecode_note() -> str:
    site = Path(sysconfig.get_paths()["purelib"])
    compiled = (site / "pandas" / "__pycache__").is_dir()
    flag = os.environ.get("PYTHONDONTWRITEBYTECODE")
    if compiled:
        return "installed packages have compiled bytecode"
    return (
        "installed packages have NO compiled bytecode"
        + (" and PYTHONDONTWRITEBYTECODE is set" if flag else "")
        + ": every process compiles them again (run python -m compileall on the venv)"
    )


def machine() -> str:
    cpu = platform.processor() or ""
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
    except OSError:
        pass
    cores = len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count()
    return f"{cores} cores, {cpu}, Python {platform.python_version()}, {platform.system()}"


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--repeat", type=int, default=1, help="runs per figure (median)")
    parser.add_argument("--flags", default="", help='extra build flags, e.g. "-W -n --keep-going"')
    parser.add_argument(
        "--chapters",
        default="all",
        help="chapters whose code is edited in turn: all, none, or names like 07-growth-paths",
    )
    args = parser.parse_args()
    flags = args.flags.split()

    print(f"machine: {machine()}")
    print(f"python environment: {bytecode_note()}")
    print(f"load average at start: {os.getloadavg()[0]:.2f}")
    times: dict[str, list[float]] = {"cold": [], "no-op": [], "prose": [], "serial": []}
    code: dict[str, list[tuple[float, float | None]]] = {}
    with tempfile.TemporaryDirectory(prefix="build-times-") as tmp:
        for run in range(args.repeat):
            book = clean_copy(Path(tmp) / f"book-{run}")
            times["cold"].append(build(book, flags, "cold"))
            times["no-op"].append(build(book, flags, "no-op"))
            edit_prose(book, PROSE_CHAPTER, run)
            times["prose"].append(build(book, flags, "prose"))
            chosen = notebook_chapters(book)
            if args.chapters == "none":
                chosen = []
            elif args.chapters != "all":
                wanted = {f"chapters/{name.strip()}.md" for name in args.chapters.split(",")}
                chosen = [c for c in chosen if c in wanted]
            for chapter in chosen:
                edit_code(book, chapter, run)
                seconds = build(book, flags, "code")
                code.setdefault(chapter, []).append((seconds, own_run_seconds(chapter[:-3])))
            serial = clean_copy(Path(tmp) / f"serial-{run}")
            times["serial"].append(build(serial, flags, "serial"))
            print(f"  run {run + 1}: " + ", ".join(f"{k} {v[-1]:.1f} s" for k, v in times.items()))

    median = {name: statistics.median(values) for name, values in times.items()}
    ratio = median["cold"] / median["serial"]
    rows = [
        ("cold build (clean copy)", median["cold"], "<= 60 s", median["cold"] <= 60),
        ("serial default (PARALLEL=0)", median["serial"], "", None),
        ("cold / serial", ratio, "<= 0.6", ratio <= 0.6),
        ("no-op rebuild", median["no-op"], "<= 3 s", median["no-op"] <= 3),
        ("one chapter, prose edited", median["prose"], "<= 8 s", median["prose"] <= 8),
    ]
    per_chapter = {
        chapter: (
            statistics.median(s for s, _ in runs),
            statistics.median(o for _, o in runs) if all(o is not None for _, o in runs) else None,
        )
        for chapter, runs in code.items()
    }
    if per_chapter:
        builds = sorted(b for b, _ in per_chapter.values())
        within = sum(b <= 8 for b in builds)
        slowest = max(per_chapter, key=lambda c: per_chapter[c][0])
        rows.append(
            ("one chapter, code edited (median)", statistics.median(builds), "<= 8 s",
             statistics.median(builds) <= 8)
        )  # fmt: skip
        rows.append(
            (f"  slowest: {Path(slowest).stem}", per_chapter[slowest][0], "<= 8 s",
             per_chapter[slowest][0] <= 8)
        )  # fmt: skip
    print(f"load average at end: {os.getloadavg()[0]:.2f}")
    cpu = {name: statistics.median(values) for name, values in CPU.items()}
    print("CPU seconds (build + kernels): " + ", ".join(f"{k} {v:.1f}" for k, v in cpu.items()))
    if per_chapter:
        print(f"\n{'code edited in':<34} {'build':>7} {'its run':>8}")
        for chapter, (seconds, own) in per_chapter.items():
            shown = f"{own:.1f} s" if own is not None else "-"
            print(f"{Path(chapter).stem:<34} {seconds:>5.1f} s {shown:>8}")
        print(f"{within} of {len(builds)} code edits rebuild within 8 s")
    print(f"\n{'figure':<34} {'value':>8}  {'target':<8} met")
    for name, value, target, met in rows:
        unit = "" if name == "cold / serial" else " s"
        shown = f"{value:.2f}" if unit == "" else f"{value:.1f}{unit}"
        verdict = "" if met is None else ("yes" if met else "NO")
        print(f"{name:<34} {shown:>8}  {target:<8} {verdict}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
