"""Command line: ``python -m analysis COMMAND``.

Commands are registered as ``module:function`` strings so that importing the
CLI stays cheap; each function takes the remaining argv and returns an exit
code. Bad input (``InputError``) is printed without a traceback, exit 1.
"""

from __future__ import annotations

import importlib
import sys

from .base.errors import InputError

COMMANDS = {
    "sections": ("analysis.report_cli:main", "list the report's sections with their spans"),
    "check": ("analysis.figures:check_main", "validate data/figures.csv against the seed"),
    "mentions": ("analysis.coverage:mentions_main", "list numeric mentions [--uncovered]"),
    "derive": ("analysis.derive:main", "write data/derived.csv"),
    "paths": ("analysis.paths_table:main", "write data/paths.csv"),
}


def usage() -> str:
    lines = ["usage: python -m analysis COMMAND", "", "commands:"]
    lines += [f"  {name:<10} {help_}" for name, (_, help_) in COMMANDS.items()]
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
    module_name, func_name = COMMANDS[name][0].split(":")
    try:
        func = getattr(importlib.import_module(module_name), func_name)
        return int(func(rest) or 0)
    except InputError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 1


if __name__ == "__main__":
    sys.exit(main())
