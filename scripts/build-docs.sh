#!/usr/bin/env bash
# Builds the documentation with Sphinx and MyST (Debian's python3-sphinx and python3-myst-parser),
# warnings as errors, and checks it: nitpicky cross-references (-n) and every internal link and
# repository path (docs/_ext/repo_paths.py) must resolve, and the tutorial page must be in step
# with tutorial/run.sh. External links are not checked: the build must work offline.
# Output: docs/_build/html/index.html. Called by scripts/test.sh.
set -euo pipefail
cd "$(dirname "$0")/.."

# Debian's packages live under the system Python; a python3 earlier on PATH (pyenv, a venv) may
# lack them.
PY=/usr/bin/python3
[ -x "$PY" ] || PY=python3
if ! "$PY" -c 'import sphinx, myst_parser' 2>/dev/null; then
  echo "build-docs: sphinx or myst_parser missing for $PY; run scripts/install-deps.sh" >&2
  exit 1
fi

# No __pycache__ next to the extensions in the source tree.
export PYTHONDONTWRITEBYTECODE=1
rm -rf docs/_build/html docs/_build/doctrees
"$PY" -m sphinx -W --keep-going -n -q -b html -d docs/_build/doctrees docs docs/_build/html
"$PY" tutorial/check_in_step.py
echo "build-docs: ok (docs/_build/html/index.html)"
