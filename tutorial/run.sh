#!/usr/bin/env bash
# The README's main job. Until the full tutorial lands this builds the project and runs the
# example charm of charms/ops end to end.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/install-deps.sh
mvn -B -ntp -q -DskipTests package
if [ -x charms/ops/example/run-example.sh ]; then
  charms/ops/example/run-example.sh
else
  echo "tutorial: nothing to run yet" >&2
  exit 1
fi
