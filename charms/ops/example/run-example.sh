#!/usr/bin/env bash
# Runs one hook and one action of the example charm end to end, as Juju would: a fresh process
# with the hook environment, the hook tools on PATH (fakes that answer like Juju and log each
# call), and the charm's state committed in its charm directory. Builds nothing: run
# `mvn -B package -DskipTests` first.
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
jar=$(ls "$here"/target/ops-example-*.jar 2>/dev/null | head -1 || true)
if [ -z "$jar" ] || [ ! -d "$here/target/lib" ]; then
  echo "run-example: $here/target has no jar; build first with: mvn -B -DskipTests package" >&2
  exit 1
fi
work=$(mktemp -d /tmp/ops-example.XXXXXX)
trap 'rm -rf "$work"' EXIT
mkdir -p "$work/bin" "$work/charm"
cp "$here"/charm/*.yaml "$work/charm/"

# One fake tool, linked under each tool name: prints what Juju would, logs argv and stdin.
cat > "$work/bin/hooktool" <<'TOOL'
#!/bin/sh
n=${0##*/}
stdin=$(cat)
printf '  %s' "$n" >> "$TOOL_LOG"; for a in "$@"; do printf ' %s' "$a" >> "$TOOL_LOG"; done
[ -n "$stdin" ] && printf '   <stdin: %s>' "$stdin" >> "$TOOL_LOG"
echo >> "$TOOL_LOG"
case "$n" in
  is-leader) echo true ;;
  config-get) echo '{"opt":"hello"}' ;;
  relation-ids) [ "$1" = db ] && echo '["db:1"]' || echo '[]' ;;
  relation-list) echo '["postgresql/0"]' ;;
  relation-get) echo '{"egress-subnets":"10.0.0.7/32","ingress-address":"10.0.0.7","k":"v","private-address":"10.0.0.7"}' ;;
  action-get) echo '{"name":"operator"}' ;;
  *) : ;;
esac
TOOL
chmod +x "$work/bin/hooktool"
for t in is-leader config-get relation-ids relation-list relation-get relation-set status-set juju-log \
         action-get action-set action-log action-fail; do
  ln -s hooktool "$work/bin/$t"
done

run() {  # dispatch-path [extra env...]
  local path=$1; shift
  echo "== $path"
  : > "$work/tools.log"
  env -i PATH="$work/bin:/usr/bin:/bin" TOOL_LOG="$work/tools.log" LANG=C.UTF-8 \
    JUJU_DISPATCH_PATH="$path" JUJU_UNIT_NAME=ops-example/0 JUJU_MODEL_NAME=example \
    JUJU_MODEL_UUID=8b5e1a2c-0000-4000-8000-000000000002 JUJU_VERSION=3.6.4 \
    JUJU_CHARM_DIR="$work/charm" "$@" \
    java -Xshare:auto -XX:TieredStopAtLevel=1 -XX:+UseSerialGC -cp "$jar:$here/target/lib/*" \
    io.backupcharms.ops.example.ExampleCharm && rc=0 || rc=$?
  echo "exit code $rc; hook tools called:"
  cat "$work/tools.log"
  [ "$rc" = 0 ]
}

run hooks/db-relation-changed JUJU_HOOK_NAME=db-relation-changed JUJU_RELATION=db JUJU_RELATION_ID=db:1 \
  JUJU_REMOTE_UNIT=postgresql/0 JUJU_REMOTE_APP=postgresql
run actions/greet JUJU_ACTION_NAME=greet JUJU_ACTION_UUID=1
echo "== committed state ($work/charm/.ops-state.json)"
cat "$work/charm/.ops-state.json"; echo
