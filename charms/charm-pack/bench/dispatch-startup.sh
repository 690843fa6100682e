#!/usr/bin/env bash
# Benchmark (not a test): one update-status hook of each packed charm (backup-integrator,
# bacula-fd, bacula-server), from `dispatch` to exit, run alternately with the same hook of the
# Python ops anchor charm (shared/bench/ops-anchor), against fake hook tools. Replaces the
# "Charm start-up (dispatch)" section of docs/reference/performance.md.
#
#   charms/charm-pack/bench/dispatch-startup.sh [--explore] [--no-write] [RUNS]   # default 31
#
# Takes the .charm files from <module>/target of CHARMS_FROM (default: this tree); build them
# first with `mvn -B -o install -DskipTests -pl backup-integrator-charm,bacula-fd-charm,bacula-server-charm -am`
# (in a clone if others build in this tree). CHARMS_BEFORE=<tree> adds that tree's .charm files
# as "previous" (to compare two builds). --explore also times each charm with other JVM options
# and jar layouts (separate jars instead of lib/charm.jar, Serial GC, C1 at its default
# thresholds, no AppCDS archive, the archive mapped at its own address, and, when JAVA_NEW (default
# /usr/lib/jvm/temurin-25-jdk-amd64) is a JDK 24 or later, that JDK with an ahead-of-time cache
# from the same training run), each with its own archive from the charm's training mode. Needs python3-yaml, python3-websocket, /usr/bin/time and the ops
# 2.20.0 source in bench/work/operator (bench/ops/run.sh explains how to get it).
set -euo pipefail
# The charms' hooks keep machine state under /var/lib (bacula-fd's claim on the machine, the
# integrator's scripts). On this host that state would leak into every localjuju machine through
# its /var overlay, and block the File Daemons deployed there; so the benchmark runs in a private
# mount namespace with those directories on tmpfs.
state_dirs="/var/lib/bacula-fd-charm /var/lib/backup-integrator /var/lib/bacula-server-charm"
if [ -z "${DISPATCH_BENCH_PRIVATE:-}" ]; then
  [ "$(id -u)" = 0 ] || { echo "bench: run as root (it needs a private mount namespace)" >&2; exit 1; }
  exec env DISPATCH_BENCH_PRIVATE=1 unshare -m --propagation private bash "$(readlink -f "$0")" "$@"
fi
for d in $state_dirs; do
  mkdir -p "$d"
  mount -t tmpfs -o mode=0755 bench-state "$d"
done
root="$(cd "$(dirname "$0")/../../.." && pwd)"
explore=false
write=true
while [ $# -gt 0 ]; do
  case "$1" in
    --explore) explore=true; shift ;;
    --no-write) write=false; shift ;;
    *) break ;;
  esac
done
runs=${1:-31}
from="${CHARMS_FROM:-$root}"
anchor_src="${ANCHOR_DIR:-$root/../shared/bench/ops-anchor}"
operator="$root/bench/work/operator"
[ -d "$operator/ops" ] || { echo "bench: no ops source in $operator; see bench/ops/run.sh" >&2; exit 1; }

work=$(mktemp -d /tmp/dispatch-bench.XXXXXX)
app="bench-integrator-$$"
cleanup() {
  rm -rf "$work" "/var/lib/backup-integrator/$app"
  rmdir /var/lib/backup-integrator 2>/dev/null || true
}
trap cleanup EXIT

# --- the Python ops anchor, set up as bench/ops/run.sh does ----------------------------------
"$root/bench/ops/make-anchor.sh" "$anchor_src" "$work/anchor" "$operator"

# --- fake hook tools, one set per charm -------------------------------------------------------
# Each answers as Juju would for a state in which the charm's update-status reads config and
# relations, publishes or withdraws its bag, sets a status, and never touches this machine's
# services: backup-integrator is a leader related to bacula-fd (writes its script under
# /var/lib/backup-integrator/<app>/); bacula-fd has both relations but no fileset from the
# application yet (waiting, withdraws its bag); bacula-server is the leader without an ingress
# address yet (waiting).
tools() {  # tools CHARM CONFIG_JSON RELATION_IDS_CASES NETWORK_JSON [REMOTE_UNITS_JSON]
  local dir="$work/tools-$1"
  mkdir -p "$dir"
  cat > "$dir/fake-tool" <<TOOL
#!/bin/sh
n=\${0##*/}
[ -n "\${HOOKTOOL_LOG:-}" ] && echo "\$n \$*" >> "\$HOOKTOOL_LOG"
case "\$n" in
  relation-set|state-set|juju-log|status-set|application-version-set|state-delete) cat > /dev/null ;;
  config-get) printf '%s\n' '$2' ;;
  is-leader) echo true ;;
  relation-ids) case "\$1" in $3 *) echo '[]' ;; esac ;;
  relation-list) case "\$*" in *--app*) echo '"remote"' ;; *) printf '%s\n' '${5:-["remote/0"]}' ;; esac ;;
  relation-get|state-get) echo '{}' ;;
  status-get) echo '{"message":"","status":"unknown","status-data":{}}' ;;
  network-get) printf '%s\n' '$4' ;;
  opened-ports|secret-ids) echo '[]' ;;
  *) echo "fake hook tool: unexpected \$n" >&2; exit 1 ;;
esac
TOOL
  chmod 755 "$dir/fake-tool"
  for t in config-get is-leader relation-ids relation-list relation-get relation-set status-set \
      status-get juju-log state-get state-set state-delete application-version-set network-get \
      opened-ports secret-ids; do
    ln -s fake-tool "$dir/$t"
  done
}
no_ingress='{"bind-addresses":[],"egress-subnets":[],"ingress-addresses":[]}'
tools backup-integrator '{"fileset":"/var/lib/myapp,/etc/myapp","run-before-backup":"#!/bin/sh\necho dump\n"}' \
  "backup) echo '[\"backup:1\"]' ;; juju-info) echo '[\"juju-info:2\"]' ;;" "$no_ingress"
tools bacula-fd '{"port":9102,"schedule":""}' \
  "backup) echo '[\"backup:1\"]' ;; bacula-dir) echo '[\"bacula-dir:2\"]' ;; juju-info) echo '[\"juju-info:3\"]' ;;" "$no_ingress"
tools bacula-server '{"file-retention":"1 year","job-retention":"1 year","volume-retention":"1 year","max-volume-bytes":"50G","max-concurrent-jobs":10}' \
  "bacula-server-peers) echo '[\"bacula-server-peers:0\"]' ;;" "$no_ingress" '[]'
declare -A unit=([backup-integrator]="$app/0" [bacula-fd]=bacula-fd/0 [bacula-server]=bacula-server/0)
declare -A module=([backup-integrator]=backup-integrator-charm [bacula-fd]=bacula-fd-charm
  [bacula-server]=bacula-server-charm)
charms=(backup-integrator bacula-fd bacula-server)

# --- variants of each charm -------------------------------------------------------------------
setting() { sed -n "s/^$2='\(.*\)'$/\1/p" "$1/dispatch"; }

# unpack CHARM VARIANT [TREE]: the charm's .charm (from TREE/<module>/target, default $from) as
# Juju unpacks it (modes, links; dispatch puts back the jar times)
unpack() {
  local dir="$work/$1/$2/charm" file
  # One archive per base (identical but for the manifest); ls sorts ubuntu@22.04 first.
  file=$(ls "${3:-$from}/${module[$1]}"/target/"$1"_*.charm | head -1)
  mkdir -p "$dir"
  (cd "$dir" && unzip -q "$file")
  echo "$dir"
}
# retrain DIR FLAGS [CLASSPATH]: new JVM options (and class path) in dispatch, new archive
retrain() {
  local dir=$1 flags=$2 cp=${3:-} main mtime
  [ -n "$cp" ] || cp=$(setting "$dir" CHARM_CLASSPATH)
  main=$(setting "$dir" MAIN_CLASS)
  mtime=$(setting "$dir" JAR_MTIME)
  sed -i -e "s|^JVM_FLAGS='.*'$|JVM_FLAGS='$flags'|" -e "s|^CHARM_CLASSPATH='.*'$|CHARM_CLASSPATH='$cp'|" "$dir/dispatch"
  touch -d "@$mtime" "$dir"/lib/*.jar
  rm -f "$dir/lib/charm.jsa"
  (cd "$dir" && env -i PATH=/usr/bin:/bin LANG=C.UTF-8 JUJU_CHARM_DIR="$dir" java $flags \
    -Xlog:cds=off -Xlog:cds+dynamic=off -XX:ArchiveClassesAtExit=lib/charm.jsa \
    -Dops.training=true -cp "$cp" "$main" > "$dir/../training.log" 2>&1)
}
# separate CHARM DIR: lib/charm.jar replaced by the jars it was merged from (the module's jar and
# its runtime class path from the build), prints the class path
separate() {
  local t="$from/${module[$1]}/target" j cp
  rm -f "$2/lib/charm.jar"
  for j in $(ls "$t"/*.jar) $(tr ':' ' ' < "$t/charm-classpath.txt"); do
    cp "$j" "$2/lib/"
    cp="${cp:+$cp:}lib/$(basename "$j")"
  done
  echo "$cp"
}

# aot DIR JAVA: dispatch on JDK JAVA (24 or later) with an ahead-of-time cache (JEP 483/514/515)
# from the charm's training mode in place of the AppCDS archive. JDK 25 warns on every start with
# vfork, so tools start the JDK's default way.
aot() {
  local dir=$1 java=$2 flags main cp
  flags=$(setting "$dir" JVM_FLAGS | sed 's/ -Djdk.lang.Process.launchMechanism=VFORK//')
  flags="$flags -Djdk.lang.Process.launchMechanism=POSIX_SPAWN"
  main=$(setting "$dir" MAIN_CLASS)
  cp=$(setting "$dir" CHARM_CLASSPATH)
  touch -d "@$(setting "$dir" JAR_MTIME)" "$dir"/lib/*.jar
  rm -f "$dir/lib/charm.jsa"
  (cd "$dir" && env -i PATH=/usr/bin:/bin LANG=C.UTF-8 JUJU_CHARM_DIR="$dir" "$java" $flags \
    -XX:AOTCacheOutput=lib/charm.aot -Dops.training=true -cp "$cp" "$main" > "$dir/../training.log" 2>&1)
  [ -s "$dir/lib/charm.aot" ] || { echo "bench: $java wrote no AOT cache; see $dir/../training.log" >&2; exit 1; }
  sed -i -e "s|^JVM_FLAGS='.*'$|JVM_FLAGS='$flags -XX:AOTCache=lib/charm.aot'|" \
    -e "s|^PACKED_JAVA_RUNTIME='.*'$|PACKED_JAVA_RUNTIME=''|" "$dir/dispatch"
}
java_new="${JAVA_NEW:-/usr/lib/jvm/temurin-25-jdk-amd64}"
new_major=$(sed -n 's/^JAVA_VERSION="\([0-9]*\).*/\1/p' "$java_new/release" 2>/dev/null || true)

commands=("ops-python=$work/anchor/charm::env PATH=$work/anchor/tools:/usr/bin:/bin JUJU_UNIT_NAME=app/0 JUJU_CHARM_DIR=$work/anchor/charm ./dispatch")
add() {  # add CHARM VARIANT DIR [ENV...]
  commands+=("$1:$2=$3::env PATH=$work/tools-$1:/usr/bin:/bin JUJU_UNIT_NAME=${unit[$1]} JUJU_CHARM_DIR=$3 ${*:4} ./dispatch")
}
for c in "${charms[@]}"; do
  d=$(unpack "$c" shipped); add "$c" shipped "$d"
  shipped_flags=$(setting "$d" JVM_FLAGS)
  if [ -n "${CHARMS_BEFORE:-}" ]; then
    add "$c" previous "$(unpack "$c" previous "$CHARMS_BEFORE")"
  fi
  if $explore; then
    d=$(unpack "$c" no-cds); sed -i "s|^PACKED_JAVA_RUNTIME='.*'$|PACKED_JAVA_RUNTIME=''|" "$d/dispatch"
    add "$c" no-cds "$d"
    d=$(unpack "$c" jars); retrain "$d" "$shipped_flags" "$(separate "$c" "$d")"; add "$c" jars "$d"
    d=$(unpack "$c" serial); retrain "$d" "${shipped_flags/-XX:+UseG1GC/-XX:+UseSerialGC}"
    add "$c" serial "$d"
    d=$(unpack "$c" c1-default); retrain "$d" "$(echo "$shipped_flags" | sed 's/ -XX:CICompilerCount=1 -XX:Tier3[^ ]*//g; s/ -XX:Tier3[^ ]*//g')"
    add "$c" c1-default "$d"
    # JDK 17 maps CDS archives at a random address (ArchiveRelocationMode=1 since 17.0.6) and then
    # rewrites every pointer in them; mode 0 maps them where they were dumped.
    d=$(unpack "$c" relocation-off)
    sed -i "s|^JVM_FLAGS='\(.*\)'$|JVM_FLAGS='\1 -XX:+UnlockDiagnosticVMOptions -XX:ArchiveRelocationMode=0'|" "$d/dispatch"
    add "$c" relocation-off "$d"
    if [ "${new_major:-0}" -ge 24 ]; then
      d=$(unpack "$c" "jdk$new_major-aot"); aot "$d" "$java_new/bin/java"
      add "$c" "jdk$new_major-aot" "$d" "JAVA_HOME=$java_new"
    fi
  fi
done

# --- sanity: every hook runs, and what it did --------------------------------------------------
hook_env=(HOOK_ENV_JUJU_MODEL_NAME=bench HOOK_ENV_JUJU_MODEL_UUID=8b5e1a2c-0000-4000-8000-000000000001
  HOOK_ENV_JUJU_VERSION=3.6.4 HOOK_ENV_JUJU_DISPATCH_PATH=hooks/update-status
  HOOK_ENV_JUJU_HOOK_NAME=update-status HOOK_ENV_LANG=C.UTF-8 HOOK_ENV_CHARM_CDS_LOCAL=0
  HOOK_ENV_JUJU_PRINCIPAL_UNIT=myapp/0)
declare -A calls status
for spec in "${commands[@]}"; do
  name=${spec%%=*}; rest=${spec#*=}; dir=${rest%%::*}; cmd=${rest#*::}
  log="$work/${name//[:\/]/_}.calls"
  if ! (cd "$dir" && env -i "${hook_env[@]/#HOOK_ENV_/}" HOOKTOOL_LOG="$log" $cmd > "$log.out" 2>&1); then
    echo "bench: the hook of $name failed:" >&2; cat "$log.out" >&2; exit 1
  fi
  if grep -q 'shared archive\|CDS\|AOT' "$log.out"; then
    echo "bench: $name: the JVM did not use its archive:" >&2; cat "$log.out" >&2; exit 1
  fi
  calls[$name]=$(wc -l < "$log")
  status[$name]=$(sed -n 's/^status-set //p' "$log" | tail -1)
  echo "bench: $name: ${calls[$name]} tool calls, status ${status[$name]}"
done

load_before=$(cut -d' ' -f1-3 /proc/loadavg)
result=$(env -i "${hook_env[@]}" PATH=/usr/bin:/bin python3 "$root/bench/ops/measure.py" "$runs" "${commands[@]}")
load_after=$(cut -d' ' -f1-3 /proc/loadavg)
echo "$result" | python3 -m json.tool
$write || exit 0

# --- the report ---------------------------------------------------------------------------------
d="$work/backup-integrator/shipped/charm"
export BENCH_RESULT="$result" BENCH_RUNS="$runs" BENCH_LOAD="$load_before before, $load_after after" BENCH_DATE="$(date -u +%F)"
export BENCH_JAVA="$(java -XshowSettings:properties -version 2>&1 | sed -n 's/ *java.runtime.version = //p')"
export BENCH_FLAGS="$(setting "$d" JVM_FLAGS)"
export BENCH_CALLS="$(for k in "${!calls[@]}"; do echo "$k=${calls[$k]}|${status[$k]}"; done)"
export BENCH_LAYOUT="$(for c in "${charms[@]}"; do
  f=$(ls "$from/${module[$c]}"/target/"$c"_*.charm | head -1)
  echo "$c=$(unzip -Z1 "$f" | grep -c '^lib/.*\.jar$')|$(unzip -Zl "$f" lib/charm.jsa | awk '/charm.jsa/ {printf "%.1f", $4/1048576}')"
done)"
python3 "$(dirname "$0")/report.py" "$root/docs/reference/performance.md"
echo "bench: wrote docs/reference/performance.md"
