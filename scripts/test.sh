#!/usr/bin/env bash
# Runs every test of the project: unit, real-daemon and end-to-end tests, the docs build, and
# finally the tutorial end to end as a user runs it (the README's main job).
# Installs what it needs first. Usage: scripts/test.sh [extra maven args]
set -euo pipefail
cd "$(dirname "$0")/.."
SUDO=""
if [ "$(id -u)" -ne 0 ]; then SUDO="sudo -E"; fi

scripts/install-deps.sh
$SUDO mvn -B -ntp verify "$@"
scripts/build-docs.sh
tutorial/run.sh
