#!/usr/bin/env bash
# Regenerate the lock files from pyproject.toml (maintainers only; needs `uv`,
# e.g. `pipx install uv` or `python3 -m pip install uv`).
#
# The locks are "universal" (one file for Linux, macOS and Windows, with
# environment markers where a dependency differs) for CPython 3.11 and newer,
# and pin every package to one version with the SHA-256 of every file PyPI
# offers for it, so pip refuses anything else (hash-checking mode).
#   requirements-dev.lock  the book plus the test tools (the README's test command)
#   requirements.lock      the book alone (the README's build command, Binder, Pages);
#                          resolved inside the dev lock, so the two never disagree
# Commit all three outputs after running this.
set -euo pipefail
cd "$(dirname "$0")/.."
common=(--universal --python-version 3.11 --generate-hashes -q
        "--custom-compile-command=bash scripts/lock.sh")
uv pip compile pyproject.toml --extra dev "${common[@]}" -o requirements-dev.lock
uv pip compile pyproject.toml "${common[@]}" -c requirements-dev.lock -o requirements.lock
# Binder-style launch environment (repo2docker reads binder/): the book's lock only.
# repo2docker's own environment already provides JupyterLab; binder/postBuild
# installs the package and makes chapters/*.md open as notebooks (jupytext).
{ printf '%s\n' "# Launch environment for Binder-style services (repo2docker reads binder/)." \
    "# A copy of requirements.lock made by scripts/lock.sh; do not edit by hand."
  cat requirements.lock; } > binder/requirements.txt
