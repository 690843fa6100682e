#!/usr/bin/env bash
# Benchmark: bacula-server's run-backup (Full) and restore of about 1 GiB in 10,000 files, on
# localjuju with real Bacula, against tar writing the same data to a file and syncing (backup),
# and tar extracting it and syncing (restore), in one run on the same disk.
# Targets: backup >= 0.6 of tar's throughput, restore >= 0.5.
# Writes the section "Backup and restore throughput" of docs/reference/performance.md.
# Usage (as root, after mvn -B package): bench/backup/run.sh [files] [bytes-per-file]
set -euo pipefail
cd "$(dirname "$0")/../.."
ROOT=$PWD
FILES=${1:-10000}
SIZE=${2:-107374}   # 10,000 x 107,374 bytes = 1 GiB
JUJU=$ROOT/bin/localjuju
MODEL=bench-backup-$$
DATA=/srv/bench
PERF=$ROOT/docs/reference/performance.md
SECTION="Backup and restore throughput"

[ "$(id -u)" -eq 0 ] || { echo "bench/backup: needs root (localjuju machines are namespaces)" >&2; exit 2; }
[ -x "$JUJU" ] || { echo "bench/backup: $JUJU missing; run mvn -B package first" >&2; exit 2; }
charm() { ls "$ROOT/$1/target/$2"_*.charm 2>/dev/null | tail -1; }
FD=$(charm bacula-fd-charm bacula-fd); SERVER=$(charm bacula-server-charm bacula-server)
INTEGRATOR=$(charm backup-integrator-charm backup-integrator)
for c in "$FD" "$SERVER" "$INTEGRATOR"; do [ -n "$c" ] || { echo "bench/backup: charms not built; run mvn -B package" >&2; exit 2; }; done

# The demo charm is plain files; localjuju deploys a charm directory as it is.
DEMO=$ROOT/tests/charms/demo-app

cleanup() { "$JUJU" destroy-model "$MODEL" --no-prompt --force >/dev/null 2>&1 || true; }
trap cleanup EXIT

j() { "$JUJU" "$@"; }
now() { date +%s.%N; }
wait_active() {
  local deadline=$(( $(date +%s) + 600 ))
  until j status -m "$MODEL" --format json | python3 -c '
import json, sys
s = json.load(sys.stdin)
units = []
for app in s.get("applications", {}).values():
    for u in app.get("units", {}).values():
        units.append(u)
        units.extend(u.get("subordinates", {}).values())
ok = units and all(u["workload-status"]["current"] == "active" and u["juju-status"]["current"] == "idle" for u in units)
sys.exit(0 if ok else 1)'; do
    [ "$(date +%s)" -lt "$deadline" ] || { echo "bench/backup: model did not settle" >&2; j status -m "$MODEL" >&2; exit 1; }
    sleep 1
  done
}
on_demo() { j exec -m "$MODEL" --unit demo/0 -- bash -c "$1"; }
action() {  # unit action params... ; prints the JSON, fails if the action failed
  local out
  out=$(j run -m "$MODEL" "$@" --format json --wait 30m)
  python3 -c 'import json,sys; t=next(iter(json.loads(sys.argv[1]).values())); sys.exit(0 if t.get("status")=="completed" else 1)' "$out" \
    || { echo "bench/backup: action $* failed: $out" >&2; exit 1; }
}

echo "bench/backup: deploying"
j add-model "$MODEL" >/dev/null
j deploy -m "$MODEL" "$DEMO" demo >/dev/null
j deploy -m "$MODEL" "$SERVER" bacula-server >/dev/null
j deploy -m "$MODEL" "$INTEGRATOR" demo-integrator --config fileset=$DATA >/dev/null
j deploy -m "$MODEL" "$FD" demo-fd >/dev/null
j integrate -m "$MODEL" demo:juju-info demo-integrator:juju-info
j integrate -m "$MODEL" demo:juju-info demo-fd:juju-info
j integrate -m "$MODEL" demo-integrator:backup demo-fd:backup
j integrate -m "$MODEL" demo-fd:bacula-dir bacula-server:bacula-dir
wait_active

echo "bench/backup: writing $FILES files of $SIZE bytes under $DATA on demo/0"
on_demo "set -e; mkdir -p $DATA; cd $DATA; for d in \$(seq 0 99); do mkdir d\$d; \
  head -c \$(( $FILES / 100 * $SIZE )) /dev/urandom | split -a 4 -d -b $SIZE - d\$d/f; done; sync"
BYTES=$(on_demo "du -sb $DATA | cut -f1")
TMP=$(on_demo "mktemp -d /var/tmp/bench-tar.XXXXXX")

echo "bench/backup: tar + sync"
t0=$(now); on_demo "tar cf $TMP/data.tar -C / ${DATA#/} && sync"; t1=$(now)
TAR_BACKUP=$(echo "$t1 - $t0" | bc)

echo "bench/backup: run-backup level=Full"
t0=$(now); action bacula-server/leader run-backup client=demo/0 level=Full; t1=$(now)
BACULA_BACKUP=$(echo "$t1 - $t0" | bc)

echo "bench/backup: tar extract + sync"
on_demo "rm -rf $DATA; sync"
t0=$(now); on_demo "tar xf $TMP/data.tar -C / && sync"; t1=$(now)
TAR_RESTORE=$(echo "$t1 - $t0" | bc)
on_demo "rm -rf $TMP"

echo "bench/backup: restore"
on_demo "rm -rf $DATA; sync"
t0=$(now); action bacula-server/leader restore client=demo/0; on_demo sync; t1=$(now)
BACULA_RESTORE=$(echo "$t1 - $t0" | bc)
RESTORED=$(on_demo "du -sb $DATA | cut -f1")
[ "$RESTORED" = "$BYTES" ] || { echo "bench/backup: restored $RESTORED bytes, expected $BYTES" >&2; exit 1; }

mib() { echo "scale=1; $BYTES / 1048576 / $1" | bc; }
ratio() { echo "scale=2; $1 / $2" | bc; }
BR=$(ratio "$TAR_BACKUP" "$BACULA_BACKUP"); RR=$(ratio "$TAR_RESTORE" "$BACULA_RESTORE")
verdict() { if [ "$(echo "$1 >= $2" | bc)" = 1 ]; then echo "met"; else echo "missed"; fi; }

section=$(cat <<MD
## $SECTION

Written by \`bench/backup/run.sh\` on $(date -u +%Y-%m-%d) ($(nproc) cores, $(uname -r)). One
run on localjuju with real Bacula 9.6.7: $FILES files, $BYTES bytes of random data on the demo
machine, backed up by \`run-backup level=Full\` (action start to action result, the Director's
fixed ~2 s job-start delay included) and restored in place by \`restore\` into an empty directory;
\`tar\` writes the same tree to a file on the same disk and extracts it, each followed by \`sync\`.

| operation | Bacula (s) | MiB/s | tar (s) | MiB/s | ratio to tar | target |
| --- | --- | --- | --- | --- | --- | --- |
| Full backup | $BACULA_BACKUP | $(mib "$BACULA_BACKUP") | $TAR_BACKUP | $(mib "$TAR_BACKUP") | $BR | 0.6 ($(verdict "$BR" 0.6)) |
| restore | $BACULA_RESTORE | $(mib "$BACULA_RESTORE") | $TAR_RESTORE | $(mib "$TAR_RESTORE") | $RR | 0.5 ($(verdict "$RR" 0.5)) |
MD
)

# Replace this benchmark's own level-2 section, or append it; other sections are left alone.
python3 - "$PERF" "$SECTION" "$section" <<'PY'
import re, sys
path, title, body = sys.argv[1], sys.argv[2], sys.argv[3].rstrip() + "\n"
text = open(path, encoding="utf-8").read()
pattern = re.compile(r"^## " + re.escape(title) + r"\n.*?(?=^## |\Z)", re.S | re.M)
text = pattern.sub(lambda m: body + "\n", text) if pattern.search(text) else text.rstrip() + "\n\n" + body
open(path, "w", encoding="utf-8").write(text)
PY
echo "bench/backup: backup ratio $BR (target 0.6), restore ratio $RR (target 0.5); written to $PERF"
