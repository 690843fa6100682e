#!/usr/bin/env bash
# Hook-latency benchmark of charms/ops (not a test): one update-status hook of a minimal charm as
# a whole process, run alternately with the same hook of the Python ops charm in
# shared/bench/ops-anchor, both against the same fake hook tools. Writes the figures to the
# "Hook latency (charms/ops)" section of docs/reference/performance.md.
#
#   bench/ops/run.sh [RUNS]            # default 60 rounds; needs `mvn -B -DskipTests package` first
#   bench/ops/run.sh --explore [RUNS]  # also times the other JVM flag / jar layout variants
#
# Needs python3 with python3-yaml and python3-websocket, /usr/bin/time (scripts/install-deps.sh),
# and the ops 2.20.0 source: bench/work/operator, or OPS_GIT=<git dir of canonical/operator>
# from which tag 2.20.0 is extracted there. bench/work/ is scratch space, never committed.
set -euo pipefail
root="$(cd "$(dirname "$0")/../.." && pwd)"
explore=false
if [ "${1:-}" = "--explore" ]; then explore=true; shift; fi
runs=${1:-60}
work="$root/bench/work"
anchor_src="${ANCHOR_DIR:-$root/../shared/bench/ops-anchor}"
example="$root/charms/ops/example/target"
mkdir -p "$work"

# --- the Python ops anchor -------------------------------------------------------------------
if [ ! -d "$work/operator/ops" ]; then
  if [ -z "${OPS_GIT:-}" ]; then
    echo "bench: no ops source in $work/operator; set OPS_GIT to a clone of canonical/operator" >&2
    exit 1
  fi
  mkdir -p "$work/operator"
  git --git-dir="$OPS_GIT" archive 2.20.0 | tar -x -C "$work/operator"
fi
"$root/bench/ops/make-anchor.sh" "$anchor_src" "$work/anchor" "$work/operator"
tools="$work/anchor/tools"

# --- our minimal charm (BenchCharm of ops-example: same work as the anchor's charm.py) ---------
if ! ls "$example"/ops-example-*.jar >/dev/null 2>&1; then
  echo "bench: $example has no jar; run mvn -B -DskipTests package first" >&2
  exit 1
fi
java_dir="$work/java"
rm -rf "$java_dir"
mkdir -p "$java_dir/charm" "$java_dir/lib" "$java_dir/fat"
cp "$work/anchor/charm/metadata.yaml" "$work/anchor/charm/config.yaml" "$java_dir/charm/"
cp "$example"/ops-example-*.jar "$example"/lib/*.jar "$java_dir/lib/"
# Class path in the order a charm's dispatch would use: the charm, the library, then the rest.
cp_jars="$(ls "$java_dir"/lib/ops-example-*.jar "$java_dir"/lib/ops-0*.jar | paste -sd:):$(ls "$java_dir"/lib/*.jar | grep -v '/ops-' | paste -sd:)"
# Fat-jar layout: every class in one jar (service files concatenated), one zip to open.
(
  cd "$java_dir/fat"
  mkdir -p x && cd x
  for j in $(echo "$cp_jars" | tr ':' ' ' | awk '{for(i=NF;i>0;i--) print $i}'); do
    unzip -qqo "$j" -x 'META-INF/*.SF' 'META-INF/*.RSA' 'META-INF/*.DSA' 'module-info.class' 'META-INF/versions/*' \
      'META-INF/services/*' 'META-INF/MANIFEST.MF' 2>/dev/null || true
  done
  mkdir -p META-INF/services
  for j in $(echo "$cp_jars" | tr ':' ' '); do
    for s in $(unzip -Z1 "$j" 'META-INF/services/*' 2>/dev/null | grep -v '/$'); do
      unzip -p "$j" "$s" >> "$s"; echo >> "$s"
    done
  done
  jar --create --file "$java_dir/charm.jar" --date=2026-01-01T00:00:00Z .
  cd .. && rm -rf x
)
main=io.backupcharms.ops.example.BenchCharm
base_flags="-XX:TieredStopAtLevel=1 -XX:+UseSerialGC -XX:-UsePerfData"

hook_env=(HOOK_ENV_PATH="$tools:/usr/bin:/bin" HOOK_ENV_JUJU_UNIT_NAME=app/0 HOOK_ENV_JUJU_MODEL_NAME=bench
  HOOK_ENV_JUJU_MODEL_UUID=8b5e1a2c-0000-4000-8000-000000000001 HOOK_ENV_JUJU_VERSION=3.6.4
  HOOK_ENV_JUJU_DISPATCH_PATH=hooks/update-status HOOK_ENV_JUJU_HOOK_NAME=update-status HOOK_ENV_LANG=C.UTF-8)

# archive NAME CLASSPATH FLAGS: AppCDS archive from the training run (dynamic, at exit).
archive() {
  (cd "$java_dir/charm" && java -Dops.training=true -XX:ArchiveClassesAtExit="$java_dir/$1.jsa" -Xlog:cds=off \
     -Xlog:cds+dynamic=off $3 -cp "$2" "$main" >/dev/null)
}
# Chosen configuration: see docs/reference/performance.md for why. (The library itself selects
# vfork for hook tools unless jdk.lang.Process.launchMechanism is set.)
# C1 only, and only for code that runs thousands of times: a short hook compiles nothing and
# keeps both cores for itself and its tools, a long one still gets compiled code.
jit_flags="-XX:TieredStopAtLevel=1 -XX:CICompilerCount=1 -XX:Tier3InvocationThreshold=5000 -XX:Tier3MinInvocationThreshold=2000 -XX:Tier3CompileThreshold=50000 -XX:Tier3BackEdgeThreshold=500000"
best_flags="-XX:+UseG1GC $jit_flags -XX:-UsePerfData"
archive best "$java_dir/charm.jar" "$best_flags"
commands=("ops-python=$work/anchor/charm::./dispatch"
  "java-ops=$java_dir/charm::java -XX:SharedArchiveFile=$java_dir/best.jsa $best_flags -cp $java_dir/charm.jar $main")
if $explore; then
  archive cp "$cp_jars" "$best_flags"
  archive serial "$java_dir/charm.jar" "$base_flags"
  archive smallheap "$java_dir/charm.jar" "-XX:+UseG1GC -Xmx1g $jit_flags -XX:-UsePerfData"
  archive xint "$java_dir/charm.jar" "-XX:+UseG1GC -Xint -XX:-UsePerfData"
  archive c1 "$java_dir/charm.jar" "-XX:+UseG1GC -XX:TieredStopAtLevel=1 -XX:-UsePerfData"
  commands+=(
    "java-no-cds=$java_dir/charm::java -cp $cp_jars $main"
    "java-cds-default-flags=$java_dir/charm::java -XX:SharedArchiveFile=$java_dir/cp.jsa -cp $cp_jars $main"
    "java-cds-classpath-jars=$java_dir/charm::java -XX:SharedArchiveFile=$java_dir/cp.jsa $best_flags -cp $cp_jars $main"
    "java-cds-fat-serial=$java_dir/charm::java -XX:SharedArchiveFile=$java_dir/serial.jsa $base_flags -cp $java_dir/charm.jar $main"
    "java-cds-fat-small-heap=$java_dir/charm::java -XX:SharedArchiveFile=$java_dir/smallheap.jsa -XX:+UseG1GC -Xmx1g $jit_flags -XX:-UsePerfData -cp $java_dir/charm.jar $main"
    "java-cds-fat-c1-default-thresholds=$java_dir/charm::java -XX:SharedArchiveFile=$java_dir/c1.jsa -XX:+UseG1GC -XX:TieredStopAtLevel=1 -XX:-UsePerfData -cp $java_dir/charm.jar $main"
    "java-cds-fat-posix-spawn=$java_dir/charm::java -XX:SharedArchiveFile=$java_dir/best.jsa $best_flags -Djdk.lang.Process.launchMechanism=POSIX_SPAWN -cp $java_dir/charm.jar $main"
    "java-cds-fat-xint=$java_dir/charm::java -XX:SharedArchiveFile=$java_dir/xint.jsa -XX:+UseG1GC -Xint -XX:-UsePerfData -cp $java_dir/charm.jar $main")
fi

# Sanity: both hooks run and make the same tool calls.
for c in "${commands[@]:0:2}"; do
  name=${c%%=*}; rest=${c#*=}; dir=${rest%%::*}; cmd=${rest#*::}
  rm -f "$work/$name.calls"
  (cd "$dir" && env -i "${hook_env[@]/#HOOK_ENV_/}" HOOKTOOL_LOG="$work/$name.calls" JUJU_CHARM_DIR="$dir" $cmd)
done
calls="ops $(wc -l < "$work/ops-python.calls"), ours $(wc -l < "$work/java-ops.calls")"
echo "bench: tool calls per hook: $calls"

load_before=$(cut -d' ' -f1-3 /proc/loadavg)
result=$(env -i "${hook_env[@]}" HOOK_ENV_JUJU_CHARM_DIR=. PATH=/usr/bin:/bin \
  python3 "$root/bench/ops/measure.py" "$runs" "${commands[@]}")
load_after=$(cut -d' ' -f1-3 /proc/loadavg)
echo "$result" | python3 -m json.tool
python3 "$root/bench/ops/report.py" "$root/docs/reference/performance.md" "$runs" "$load_before" "$load_after" \
  "$(java -version 2>&1 | head -1)" "$best_flags" "$calls" <<< "$result"
echo "bench: wrote docs/reference/performance.md"
