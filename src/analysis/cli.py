"""Every command: ``python -m analysis COMMAND [options]``.

One pattern: a command is a noun for what it shows or writes. A command that
writes a generated file takes ``--check``, which writes nothing and exits 1
when the committed file differs from what the code produces. Bad input
(``InputError``) is printed without a traceback, exit 1; a wrong option is
exit 2. Each command imports what it needs when it runs, so the CLI starts fast.
"""

from __future__ import annotations

import sys
from collections.abc import Callable
from pathlib import Path

from .base import files
from .base.errors import InputError, Problem


def sections(argv: list[str]) -> int:
    """list the report's sections with their spans"""
    from .text import report

    if argv:
        return _usage("sections")
    for s in report.sections():
        print(f"{s.id:<12} {s.start:>6} {s.end:>6} {s.length:>6}  {s.title}")
    return 0


def check(argv: list[str]) -> int:
    """validate data/figures.csv, the exclusions and coverage [--figures PATH]"""
    from .base.io import read_csv_strings
    from .records import coverage, figures

    file = files.figures_csv()
    if argv[:1] == ["--figures"] and len(argv) == 2:
        file = Path(argv[1])
    elif argv:
        return _usage("check [--figures PATH]")
    problems: list[Problem] = []
    frame = None
    try:
        frame = figures.load(file)
    except InputError as exc:
        problems += exc.problems
    try:
        raw = frame.reset_index(drop=True) if frame is not None else read_csv_strings(file)
        entries = coverage.check(figures=raw)
    except InputError as exc:
        problems += exc.problems
        entries = None
    except Exception as exc:  # a half-broken file must still give a readable report
        problems.append(Problem(f"coverage could not be computed ({exc})", file))
        entries = None
    if problems:
        # de-duplicate (a missing figures file is reported by load and by coverage)
        unique = list(dict.fromkeys(problems))
        print(InputError(unique), file=sys.stderr)
        print(f"FAILED: {len(unique)} problem(s)", file=sys.stderr)
        return 1
    used = sum(e.status == "used" for e in entries)
    excluded = sum(e.status == "excluded" for e in entries)
    print(
        f"{file.name}: {len(frame)} records in {frame['section'].nunique()} sections; "
        f"{len(entries)} mentions: {used} used, {excluded} excluded; OK"
    )
    return 0


def _around(text: str, start: int, end: int, width: int = 20) -> tuple[str, str]:
    clean = lambda s: s.replace("\n", "⏎")  # noqa: E731 - keep lines on one line
    return clean(text[max(0, start - width) : start]), clean(text[end : end + width])


def mentions(argv: list[str]) -> int:
    """list every numeric mention with its status [--uncovered]"""
    from .records import coverage
    from .text import report
    from .text.scan import scan

    if [a for a in argv if a != "--uncovered"]:
        return _usage("mentions [--uncovered]")
    uncovered_only = "--uncovered" in argv
    text = report.text()
    if uncovered_only:
        entries = [e for e in coverage.ledger() if e.status == "uncovered"]
    else:
        try:
            entries = coverage.ledger()
        except InputError:  # no curated files yet: list the raw mentions
            entries = [
                coverage.Entry(m, report.section_at(m.start).id, "uncovered", (), None)
                for m in scan(text)
            ]
    for e in entries:
        m = e.mention
        before, after = _around(text, m.start, m.end)
        print(
            f"{m.start}\t{e.section}\t{m.text}\t{m.value:g}\t{m.kind}\t{e.status}\t"
            f"{before}【{m.text}】{after}"
        )
    if uncovered_only:
        print(f"{len(entries)} uncovered mentions", file=sys.stderr)
    return 0


def _write_or_check(path: Path, content: Callable[[], str], command: str, what: str, argv) -> int:
    """Write a generated file atomically, or with --check compare it with the committed one."""
    from .base.io import write_text_atomic

    if argv not in ([], ["--check"]):
        return _usage(f"{command} [--check]")
    text = content()
    if argv == ["--check"]:
        current = path.read_text(encoding="utf-8") if path.exists() else None
        if current != text:
            print(f"{path} is out of date: run `python -m analysis {command}`", file=sys.stderr)
            return 1
        print(f"{path} is up to date ({what})")
        return 0
    write_text_atomic(path, text)
    print(f"wrote {path} ({what})")
    return 0


def derive(argv: list[str]) -> int:
    """write data/derived.csv [--check]"""
    from .base.io import csv_text
    from .compute import derive as module

    if argv not in ([], ["--check"]):
        return _usage("derive [--check]")
    frame = module.from_figures()
    return _write_or_check(files.derived_csv(), lambda: csv_text(frame), "derive",
                           f"{len(frame)} records", argv)  # fmt: skip


def paths(argv: list[str]) -> int:
    """write data/paths.csv [--check]"""
    from .base.io import csv_text
    from .compute import paths as module

    if argv not in ([], ["--check"]):
        return _usage("paths [--check]")
    frame = module.build()
    what = f"{len(frame)} rows, {frame['path_id'].nunique()} paths"
    return _write_or_check(files.paths_csv(), lambda: csv_text(frame), "paths", what, argv)


def scores(argv: list[str]) -> int:
    """write data/targets_scored.csv, the 2021 targets scored [--check]"""
    from .base.io import csv_text
    from .compute import scoring

    if argv not in ([], ["--check"]):
        return _usage("scores [--check]")
    frame = scoring.scored()
    what = ", ".join(f"{n} {verdict}" for verdict, n in scoring.counts(frame).items())
    return _write_or_check(files.targets_scored_csv(), lambda: csv_text(frame), "scores",
                           f"{len(frame)} targets: {what}", argv)  # fmt: skip


def readme(argv: list[str]) -> int:
    """write the generated tables of data/README.md [--check]"""
    from .records import datapackage

    path = files.data_readme()
    if not path.exists():
        raise InputError("data/README.md is missing (it holds the prose around the tables)",
                         file=path)  # fmt: skip
    text = datapackage.readme_text(path.read_text(encoding="utf-8"))
    return _write_or_check(path, lambda: text, "readme", "tables from datapackage.json", argv)


def generate(argv: list[str]) -> int:
    """write every generated file: derived, paths, scores, README tables [--check]"""
    if argv not in ([], ["--check"]):
        return _usage("generate [--check]")
    # derived values first: nothing reads them back, but the order is the data flow
    return max(command(argv) for command in (derive, paths, scores, readme))


COMMANDS: dict[str, Callable[[list[str]], int]] = {
    "sections": sections,
    "check": check,
    "mentions": mentions,
    "derive": derive,
    "paths": paths,
    "scores": scores,
    "readme": readme,
    "generate": generate,
}


def _usage(rest: str) -> int:
    print(f"usage: python -m analysis {rest}", file=sys.stderr)
    return 2


def usage() -> str:
    lines = ["usage: python -m analysis COMMAND", "", "commands:"]
    lines += [f"  {name:<10} {func.__doc__}" for name, func in COMMANDS.items()]
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    argv = list(sys.argv[1:] if argv is None else argv)
    if not argv or argv[0] in ("-h", "--help"):
        print(usage())
        return 0 if argv else 2
    name, rest = argv[0], argv[1:]
    if name not in COMMANDS:
        print(f"unknown command '{name}'\n\n{usage()}", file=sys.stderr)
        return 2
    try:
        return int(COMMANDS[name](rest) or 0)
    except InputError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 1
