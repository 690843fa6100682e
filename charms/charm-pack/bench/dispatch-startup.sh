#!/usr/bin/env bash
# Benchmark: how long one hook of a packed charm takes, from `dispatch` to exit, with the JVM
# options and AppCDS archive charm-pack ships against plainer launches. Uses the real
# backup-integrator .charm (config-changed on a leader with a backup relation, fake hook tools
# on PATH, scripts written under a temporary root) and replaces its own section of
# docs/reference/performance.md. Usage: charms/charm-pack/bench/dispatch-startup.sh [runs]
set -euo pipefail
cd "$(dirname "$0")/../../.."
RUNS=${1:-15}
REPO=$PWD

mvn -B -q -o -pl backup-integrator-charm package -DskipTests
CHARM=$(ls backup-integrator-charm/target/backup-integrator_*.charm)

WORK=$(mktemp -d /tmp/dispatch-bench.XXXXXX)
APP="bench-integrator-$$"
cleanup() {
  rm -rf "$WORK" "/var/lib/backup-integrator/$APP"
  rmdir /var/lib/backup-integrator 2>/dev/null || true
}
trap cleanup EXIT

# Fake hook tools: answer as Juju would for a leader with backup:1 to bacula-fd.
mkdir -p "$WORK/tools"
cat > "$WORK/tools/fake-tool" <<'TOOL'
#!/bin/sh
case "${0##*/}" in
  relation-set|state-set) cat > /dev/null ;;
  config-get) printf '%s\n' '{"fileset":"/var/lib/myapp,/etc/myapp","run-before-backup":"#!/bin/sh\necho dump\n"}' ;;
  is-leader) echo true ;;
  relation-ids) case "$1" in backup) echo '["backup:1"]' ;; *) echo '[]' ;; esac ;;
  relation-list) case "$*" in *--app*) echo '"bacula-fd"' ;; *) echo '["bacula-fd/0"]' ;; esac ;;
  relation-get|state-get) echo '{}' ;;
  status-get) echo '{"message":"","status":"unknown","status-data":{}}' ;;
  opened-ports|secret-ids) echo '[]' ;;
esac
TOOL
chmod 755 "$WORK/tools/fake-tool"
for t in config-get is-leader relation-ids relation-list relation-get relation-set status-set \
    status-get juju-log state-get state-set state-delete application-version-set network-get \
    opened-ports open-port close-port secret-ids; do
  ln -s fake-tool "$WORK/tools/$t"
done

# variant name, then the sed expression applied to dispatch's settings
variant_dir() {
  local name=$1 flags=$2 cds=$3 dir="$WORK/$1/charm"
  mkdir -p "$dir"
  (cd "$dir" && unzip -q "$REPO/$CHARM")
  sed -i "s|^JVM_FLAGS='.*'$|JVM_FLAGS='$flags'|" "$dir/dispatch"
  if [ "$cds" = no ]; then
    sed -i "s|^PACKED_JAVA_RUNTIME='.*'$|PACKED_JAVA_RUNTIME=''|" "$dir/dispatch"
  fi
  echo "$dir"
}

run_hook() {
  env -i PATH="$WORK/tools:/usr/sbin:/usr/bin:/sbin:/bin" JUJU_CHARM_DIR="$1" CHARM_DIR="$1" \
    JUJU_DISPATCH_PATH=hooks/config-changed JUJU_HOOK_NAME=config-changed \
    JUJU_UNIT_NAME="$APP/0" JUJU_MODEL_NAME=bench JUJU_MODEL_UUID=7a3c2f1e-1b2c-4d5e-8f90-5e1f2a3b4c5d \
    JUJU_VERSION=3.6.4 JUJU_PRINCIPAL_UNIT=myapp/0 CHARM_CDS_LOCAL=0 LANG=C.UTF-8 \
    "$1/dispatch" > "$WORK/hook.log" 2>&1 || {
      echo "dispatch-startup: the hook failed in $1:" >&2
      cat "$WORK/hook.log" >&2
      return 1
    }
}

# Rounds alternate the launches (one of each per round) so that load from other work on a shared
# machine falls on all of them alike.
measure() {
  local i dir start end
  for dir in "$@"; do
    run_hook "$WORK/$dir/charm"   # warm the page cache; not counted
  done
  for i in $(seq "$RUNS"); do
    for dir in "$@"; do
      start=$(date +%s%N)
      run_hook "$WORK/$dir/charm" || return 1
      end=$(date +%s%N)
      echo $(( (end - start) / 1000000 )) >> "$WORK/$dir.ms"
    done
  done
}

median() {
  sort -n "$WORK/$1.ms" | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}'
}

FAST=$(unzip -p "$CHARM" dispatch | sed -n "s/^JVM_FLAGS='\(.*\)'$/\1/p")
variant_dir plain '' no > /dev/null
variant_dir fast "$FAST" no > /dev/null
variant_dir shipped "$FAST" yes > /dev/null
if ! measure plain fast shipped; then
  echo "dispatch-startup: a hook failed; no figures written" >&2
  exit 1
fi
plain=$(median plain)
fast=$(median fast)
shipped=$(median shipped)
JAVA=$(java -XshowSettings:properties -version 2>&1 | sed -n 's/ *java.runtime.version = //p')
LOAD=$(cut -d' ' -f1-3 /proc/loadavg)
JARS=$(unzip -Z1 "$CHARM" | grep -c '^lib/.*\.jar$')
JSA=$(unzip -Zl "$CHARM" lib/charm.jsa | awk '/charm.jsa/ {printf "%.1f", $4/1048576}')

SECTION=$(cat <<MD
## Charm start-up (dispatch)

Benchmark: \`charms/charm-pack/bench/dispatch-startup.sh\`. One \`config-changed\` hook of the
packed backup-integrator charm (leader, one backup relation, fake hook tools on PATH; the charm
reads config and relations, writes one script and publishes its bag), timed from \`dispatch\` to
exit, median of $RUNS rounds (each round runs the three launches in turn) after one warm-up. $JARS jars on the class path, AppCDS archive
$JSA MiB. Java $JAVA; load average during the run: $LOAD.

| launch | median hook time |
| --- | --- |
| plain \`java -cp ... Main\` (JDK's default CDS only) | $plain ms |
| charm-pack's JVM options, no AppCDS archive | $fast ms |
| charm-pack's JVM options + packed AppCDS archive (what ships) | $shipped ms |

JVM options: \`$FAST\`. Target: the shipped launch at least 30% faster than the plain one.
Result: $(awk -v p="$plain" -v s="$shipped" 'BEGIN { r = (p - s) / p * 100; printf "%.0f%% faster, %s", r, (r >= 30 ? "met" : "not met") }').
MD
)

DOC=docs/reference/performance.md
python3 - "$DOC" "$SECTION" <<'PY'
import re, sys
path, section = sys.argv[1], sys.argv[2].rstrip() + "\n"
text = open(path).read()
pattern = re.compile(r"^## Charm start-up \(dispatch\)\n.*?(?=^## |\Z)", re.S | re.M)
if pattern.search(text):
    text = pattern.sub(lambda m: section + "\n", text)
else:
    text = text.rstrip() + "\n\n" + section
open(path, "w").write(text.rstrip() + "\n")
PY
echo "$SECTION"
