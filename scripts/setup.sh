#!/usr/bin/env bash
# Set up .venv with the locked dependencies and the `analysis` package.
#
#   bash scripts/setup.sh           the book: requirements.lock (enough to build it)
#   bash scripts/setup.sh --dev   the book, its test tools and JupyterLab: requirements-dev.lock
#
# Needs only Python 3.11+ (no system packages). Safe to run again: it installs
# only when the lock or pyproject.toml changed. A half-made .venv (no Python, a
# Python older than 3.11, or no pip, as Debian leaves it when python3-venv is
# missing) is detected, explained and made again.
set -euo pipefail
cd "$(dirname "$0")/.."

case "${1:-}" in
  "") lock=requirements.lock; what="the book" ;;
  --dev) lock=requirements-dev.lock; what="the book, its test tools and JupyterLab" ;;
  *) echo "usage: bash scripts/setup.sh [--dev]" >&2; exit 2 ;;
esac

PYTHON="${PYTHON:-python3}"
if ! "$PYTHON" -c 'import sys; sys.exit(sys.version_info < (3, 11))' 2>/dev/null; then
  echo "error: Python 3.11 or newer is needed (found: $("$PYTHON" --version 2>&1 || echo none))" >&2
  exit 1
fi

# Why .venv cannot be used as it is, or nothing if it can.
venv_problem() {
  if [ ! -e .venv ]; then return 0; fi
  if [ ! -x .venv/bin/python ]; then echo "it has no Python"; return 0; fi
  if ! .venv/bin/python -c 'import sys; sys.exit(sys.version_info < (3, 11))' 2>/dev/null; then
    echo "its Python is older than 3.11 or does not start"; return 0
  fi
  if ! .venv/bin/python -m pip --version >/dev/null 2>&1; then
    echo "it has no pip (made with --without-pip, or by a Python without ensurepip)"; return 0
  fi
}

problem=$(venv_problem)
if [ -e .venv ] && [ -n "$problem" ]; then
  echo "setup: .venv is incomplete: $problem; making it again"
  rm -rf .venv
fi
if [ ! -e .venv ]; then
  echo "setup: creating .venv with $("$PYTHON" --version)"
  if ! "$PYTHON" -m venv .venv; then
    # Debian without python3-venv: no ensurepip. Make the venv without pip and
    # let this Python's own pip install pip into it.
    rm -rf .venv
    "$PYTHON" -m venv --without-pip .venv
    if ! "$PYTHON" -m pip --python .venv/bin/python install --quiet "pip>=24"; then
      rm -rf .venv
      echo "error: could not give .venv a pip: this Python has neither ensurepip nor pip." >&2
      echo "       Install one of them (on Debian or Ubuntu: apt-get install python3-venv) and run again." >&2
      exit 1
    fi
  fi
  problem=$(venv_problem)
  if [ -n "$problem" ]; then
    echo "error: the new .venv is unusable: $problem" >&2
    exit 1
  fi
fi

# One stamp per lock; the dev lock holds every pin of the book's lock (scripts/lock.sh
# resolves the book inside it), so a test setup also satisfies the book.
stamp_of() { echo ".venv/.installed-$1-$(cat "$1" pyproject.toml | sha256sum | cut -c1-16)"; }
if [ -f "$(stamp_of "$lock")" ] || { [ "$lock" = requirements.lock ] && [ -f "$(stamp_of requirements-dev.lock)" ]; }; then
  echo "setup: .venv is up to date ($what)"
  exit 0
fi

echo "setup: installing $what from $lock (a few minutes the first time)"
pip=(.venv/bin/python -m pip --disable-pip-version-check)
"${pip[@]}" install --quiet --upgrade "pip>=24"
# hash-checking mode: every file must match the SHA-256 recorded in the lock
"${pip[@]}" install --quiet --require-hashes -r "$lock"
"${pip[@]}" install --quiet --no-deps -e .
rm -f .venv/.installed-*
touch "$(stamp_of "$lock")"
echo "setup: done ($what)"
