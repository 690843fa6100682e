#!/usr/bin/env bash
# Benchmarks of charms/bacula: render + bacula-dir -t of a 1,000-client Director configuration,
# and 100 console commands over one connection against 100 bconsole runs. Writes the sections
# "Bacula config rendering" and "Console client" of docs/reference/performance.md.
set -euo pipefail
cd "$(dirname "$0")/../.."
mvn -B -q -o -f charms/bacula/pom.xml test -Dtest=BaculaBenchmark -Dsurefire.failIfNoSpecifiedTests=false \
    -Dperf.doc="$PWD/docs/reference/performance.md" -DargLine="-Dperf.doc=$PWD/docs/reference/performance.md"
sed -n '/^## Bacula config rendering/,$p' docs/reference/performance.md
