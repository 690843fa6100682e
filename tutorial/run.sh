#!/usr/bin/env bash
# The README's main job: runs the tutorial, docs/tutorial.md, end to end and checks every outcome.
#
#   tutorial/run.sh             on localjuju, this machine's Juju-compatible test bed (needs root)
#   JUJU=juju tutorial/run.sh   on the current controller of a real Juju
#   tutorial/run.sh --dry-run   prints the commands it would run, and nothing else
#
# It installs what is missing (scripts/install-deps.sh), then runs each command of the page's
# named code-blocks in order (the page's build step builds the charms), with `juju` replaced by
# $JUJU; after each step it runs that step's check from tutorial/checks.sh. The model is destroyed
# even when a step fails. It ends by printing the checksums of the restored data.
set -euo pipefail

ROOT="$(cd "$(dirname "$0")/.." && pwd)"
cd "$ROOT"
JUJU="${JUJU:-localjuju}"
MODEL=backup-tutorial
SETTLE_TIMEOUT="${SETTLE_TIMEOUT:-900}"

steps() { awk -f tutorial/steps.awk docs/tutorial.md; }
as_run() { local cmd="$1"; [[ "$cmd" == "juju "* ]] && cmd="$JUJU ${cmd#juju }"; printf '%s' "$cmd"; }

if [ "${1:-}" = "--dry-run" ]; then
  steps | while IFS=$'\t' read -r step cmd; do printf '%s\t%s\n' "$step" "$(as_run "$cmd")"; done
  exit 0
fi

if [ "$JUJU" = localjuju ] && [ "$(id -u)" -ne 0 ]; then
  # localjuju's machines are Linux namespaces with their own mounts: that takes root.
  exec sudo -E env "PATH=$PATH" "$0" "$@"
fi

log() { printf '\n\033[1mtutorial: %s\033[0m\n' "$*" >&2; }
fail() { log "FAILED at step $STEP: $*"; exit 1; }
expect_line() { grep -Eq "$2" <<<"$1" || fail "$3; the output was:"$'\n'"$1"; }
charm_paths() { steps | grep -o '\./[^ ]*\.charm' | sort -u; }

# wait_settled UNIT...: polls status until the named units are active, every agent is idle, and
# the status has not changed over three polls in a row (hooks started by the previous command may
# not have been queued yet when the first poll comes back idle).
wait_settled() {
  local deadline=$((SECONDS + SETTLE_TIMEOUT)) last="" now rc stable=0
  local want="" u
  for u in "$@"; do want="$want ${u%%=*} $( [[ "$u" == *=* ]] && echo "${u#*=}" || echo active),"; done
  log "waiting until${want} and every agent idle (up to ${SETTLE_TIMEOUT}s)"
  while :; do
    rc=0
    now=$("$JUJU" status --format json | python3 tutorial/status.py "$@") || rc=$?
    if [ "$rc" -eq 2 ]; then printf '%s\n' "$now" >&2; "$JUJU" status >&2 || true; fail "a unit is in error"; fi
    if [ "$rc" -eq 0 ] && [ "$now" = "$last" ]; then stable=$((stable + 1)); else stable=0; fi
    last="$now"
    [ "$stable" -ge 2 ] && { printf '%s\n' "$now" >&2; return 0; }
    if [ "$SECONDS" -ge "$deadline" ]; then
      printf '%s\n' "$now" >&2; "$JUJU" status >&2 || true
      fail "the model did not settle within ${SETTLE_TIMEOUT}s"
    fi
    sleep 3
  done
}

MODEL_ADDED=0
STEP="set-up"
WORK="$(mktemp -d -t backup-tutorial.XXXXXX)"
OWN_HOME=""
clean_up() {
  local rc=$?
  if [ "$MODEL_ADDED" -eq 1 ]; then
    log "removing model $MODEL after a failure"
    "$JUJU" destroy-model "$MODEL" --no-prompt >&2 || log "could not destroy model $MODEL; remove it by hand"
  fi
  [ -n "$OWN_HOME" ] && rm -rf "$OWN_HOME"
  rm -rf "$WORK"
  exit "$rc"
}
trap clean_up EXIT
trap 'exit 130' INT TERM

. tutorial/checks.sh

log "installing what is missing"
scripts/install-deps.sh
if [ "$JUJU" = localjuju ]; then
  export PATH="$ROOT/bin:$PATH"
  if [ -z "${LOCALJUJU_HOME:-}" ]; then
    # A model state of its own, so the tutorial never touches models you made with localjuju.
    OWN_HOME="$(mktemp -d -t localjuju-tutorial.XXXXXX)"
    export LOCALJUJU_HOME="$OWN_HOME"
  fi
fi

mapfile -t LINES < <(steps)
[ "${#LINES[@]}" -gt 0 ] || { STEP="parse"; fail "no steps found in docs/tutorial.md"; }
STEP=""
OUT=""
run_check() {
  local fn="check_${STEP//-/_}"
  declare -F "$fn" >/dev/null || fail "tutorial/checks.sh has no $fn"
  "$fn"
  log "step $STEP: ok"
}
for line in "${LINES[@]}"; do
  step="${line%%$'\t'*}"
  cmd="$(as_run "${line#*$'\t'}")"
  if [ "$step" != "$STEP" ]; then
    [ -n "$STEP" ] && run_check
    STEP="$step"
    OUT=""
  fi
  log "$STEP: $cmd"
  rc=0
  # The page's commands are shell lines: eval runs them exactly as a reader pasting them would.
  [ "$STEP" = tutorial-add-model ] && MODEL_ADDED=1
  eval "$cmd" < /dev/null > "$WORK/out" || rc=$?
  cat "$WORK/out"
  [ "$rc" -eq 0 ] || fail "'$cmd' exited with status $rc"
  OUT="${OUT:+$OUT$'\n'}$(cat "$WORK/out")"
done
run_check

log "done: the restored files match the backed-up ones"
printf '%s\n' "$RESTORED_CHECK"
