#!/usr/bin/env bash
# Regenerate the lock files from pyproject.toml (maintainers only; needs `uv`).
# The lock files are what the README's commands install, so a build years from
# now gets the same versions. Commit both files after running this.
set -euo pipefail
cd "$(dirname "$0")/.."
header="--custom-compile-command=bash scripts/lock.sh"
uv pip compile pyproject.toml --python-version 3.11 -q "$header" -o requirements.lock
uv pip compile pyproject.toml --extra dev --python-version 3.11 -q "$header" -o requirements-dev.lock
