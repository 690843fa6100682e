#!/usr/bin/env bash
# Runs every test of the project: unit, real-daemon and end-to-end tests, and the docs build.
# Installs what it needs first. Usage: scripts/test.sh [extra maven args]
set -euo pipefail
cd "$(dirname "$0")/.."
SUDO=""
if [ "$(id -u)" -ne 0 ]; then SUDO="sudo -E"; fi

scripts/install-deps.sh
$SUDO mvn -B -ntp verify "$@"
if [ -x scripts/build-docs.sh ]; then
  scripts/build-docs.sh
fi
