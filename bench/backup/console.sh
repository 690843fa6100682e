#!/usr/bin/env bash
# Runs Bacula jobs with bconsole on the bacula-server machine, as an operator would without the
# charm, and waits for them: console.sh <level> <fileset|-> <job>... Prints the wall seconds from
# the first `run` to the end of `wait`, the time `wait` returned (Unix seconds), then the job ids. The console's configuration is built
# once from the Director resource the charm renders (name, address, password, TLS files).
set -euo pipefail
CONF=/var/tmp/bench-bconsole.conf
if [ ! -s "$CONF" ]; then
  sed -n '/^Director {/,/^}/p' /etc/bacula/bacula-dir.conf | awk '
    /^Director|^}|Name =|DIRport|Password|TLS Enable|TLS Require|TLS CA Certificate File|TLS Certificate =|TLS Key/ {print; next}
    /DirAddress/ {sub("DirAddress", "Address"); print}' > "$CONF"
fi
level=$1 fileset=$2; shift 2
fs=""; [ "$fileset" = - ] || fs=" fileset=$fileset"
cmds=""
for job in "$@"; do cmds+="run job=$job level=$level$fs yes"$'\n'; done
t0=$(date +%s.%N)
out=$(printf '%swait\n' "$cmds" | bconsole -c "$CONF")
t1=$(date +%s.%N)
ids=$(printf '%s\n' "$out" | sed -n 's/.*Job queued. JobId=\([0-9]*\).*/\1/p' | tr '\n' ' ')
[ "$(wc -w <<<"$ids")" -eq $# ] || { echo "console.sh: not every job was queued: $out" >&2; exit 1; }
echo "$(echo "$t1 - $t0" | bc) $t1 $ids"
