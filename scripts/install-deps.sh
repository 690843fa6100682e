#!/usr/bin/env bash
# Installs everything the build, the tests and the tutorial need on a fresh Debian/Ubuntu machine
# that already has Java 17 and Maven. Idempotent: installs only what is missing.
set -euo pipefail

SUDO=""
if [ "$(id -u)" -ne 0 ]; then SUDO="sudo"; fi
export DEBIAN_FRONTEND=noninteractive

packages=(
  # Bacula 9.6 with the embedded SQLite catalog (the charms' default) and the console for cross-checks.
  bacula-director bacula-director-sqlite3 bacula-sd bacula-fd bacula-console bacula-common-sqlite3 sqlite3
  # PostgreSQL server for the catalog-over-relation tests.
  postgresql
  # The off-machine copy's S3 tool, which bacula-server installs on its machine (Bacula 9.6 has no
  # cloud driver); localjuju machines see the host's packages.
  rclone
  # Namespaces, overlays and addresses for localjuju machines.
  util-linux iproute2 procps perl
  # Documentation build (Sphinx + MyST, warnings as errors).
  python3-sphinx python3-myst-parser
  # Java runtime the charms' dispatch uses, and the build itself.
  openjdk-17-jdk-headless maven
  # Tools the tests compare against; openssl makes the daemons' TLS certificates, tcpdump shows
  # that a backup's traffic on loopback holds none of the files' contents.
  diffutils tar coreutils openssl tcpdump
  # Backup health: promtool checks and unit-tests the shipped alert rules, and a real Prometheus
  # server scrapes bacula-server's metrics in the end-to-end tests.
  prometheus
  # Hook-latency benchmark (bench/ops): Python ops 2.20's own dependencies, and peak-RSS measurement.
  python3-yaml python3-websocket time
)

missing=()
for p in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done

if [ ${#missing[@]} -gt 0 ]; then
  echo "install-deps: installing ${missing[*]}"
  $SUDO apt-get update -q
  $SUDO apt-get install -y -q --no-install-recommends "${missing[@]}"
fi

# A bacula-server machine that is related to PostgreSQL switches its catalog backend to
# bacula-director-pgsql, which conflicts with the SQLite one. localjuju machines have no network,
# so the packages are fetched into apt's cache now and installed offline inside the machine later.
if ! ls /var/cache/apt/archives/bacula-director-pgsql_*.deb >/dev/null 2>&1; then
  echo "install-deps: caching bacula-director-pgsql for offline installs on machines"
  $SUDO apt-get install -y -q --download-only --no-install-recommends \
    bacula-director-pgsql bacula-common-pgsql dbconfig-pgsql >/dev/null || {
      $SUDO apt-get update -q && $SUDO apt-get install -y -q --download-only --no-install-recommends \
        bacula-director-pgsql bacula-common-pgsql dbconfig-pgsql >/dev/null; }
fi

# The Debian packages may have started daemons on hosts with systemd; the tests start their own.
for svc in bacula-director bacula-sd bacula-fd prometheus prometheus-node-exporter; do
  if command -v systemctl >/dev/null 2>&1 && systemctl is-active --quiet "$svc" 2>/dev/null; then
    $SUDO systemctl stop "$svc" || true
    $SUDO systemctl disable "$svc" >/dev/null 2>&1 || true
  fi
done
# `localjuju` as a command, as the tutorial uses it. The launcher resolves its own link, so it
# runs the jar this checkout builds.
repo=$(cd "$(dirname "$0")/.." && pwd)
if [ "$(readlink -f /usr/local/bin/localjuju 2>/dev/null)" != "$repo/bin/localjuju" ]; then
  $SUDO ln -sfn "$repo/bin/localjuju" /usr/local/bin/localjuju
fi
echo "install-deps: ok"
