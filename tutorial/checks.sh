# The expected outcome of each step of docs/tutorial.md, sourced by tutorial/run.sh.
#
# One function per step, named check_<step name with "-" as "_">, defined in the order of the
# page: tutorial/check_in_step.py fails the docs build when the page and these functions differ in
# names or order. Each function runs after all the step's commands succeeded; "$OUT" holds their
# combined standard output. A check fails by calling fail.

check_tutorial_build() {
  local charm
  for charm in $(charm_paths); do
    [ -f "$charm" ] || fail "the build did not produce $charm"
  done
}

check_tutorial_add_model() {
  "$JUJU" status --format json >/dev/null || fail "the new model does not answer status"
}

check_tutorial_deploy() {
  # Subordinates have no units until they are integrated, so only principals are awaited here;
  # the server waits for its first client.
  wait_settled notes/0 bacula-server/0=waiting
}

check_tutorial_integrate() {
  wait_settled notes/0 backup-integrator/0 bacula-fd/0 bacula-server/0
}

check_tutorial_status() {
  local app
  for app in notes bacula-server bacula-fd backup-integrator; do
    grep -q "$app" <<<"$OUT" || fail "juju status does not show $app"
  done
}

check_tutorial_checksum_before() {
  [ -n "$OUT" ] || fail "the checksum command printed nothing: is /srv/notes empty?"
  printf '%s\n' "$OUT" > "$WORK/checksums-before"
}

check_tutorial_backup() {
  expect_line "$OUT" '^status: success$' "run-backup did not report status: success"
  expect_line "$OUT" '^level: Full$' "run-backup did not report level: Full"
  # YAML may quote the numeric string either way: job-id: "1" or job-id: '1'.
  BACKUP_ID=$(sed -En "s/^job-id: [\"']?([0-9]+)[\"']?\$/\\1/p" <<<"$OUT" | head -1)
  [ -n "$BACKUP_ID" ] || fail "run-backup did not report a job-id"
}

check_tutorial_list_backups() {
  expect_line "$OUT" "^  job-$BACKUP_ID:\$" "list-backups does not list job $BACKUP_ID"
}

check_tutorial_lose_data() {
  if grep -qx notes <<<"$OUT"; then fail "/srv/notes still exists after rm -rf"; fi
}

check_tutorial_restore() {
  expect_line "$OUT" '^status: success$' "restore did not report status: success"
  expect_line "$OUT" "^backup-id: [\"']?$BACKUP_ID[\"']?\$" "restore did not restore backup $BACKUP_ID"
}

check_tutorial_checksum_after() {
  printf '%s\n' "$OUT" > "$WORK/checksums-after"
  diff -u "$WORK/checksums-before" "$WORK/checksums-after" >&2 \
    || fail "the restored files differ from the backed-up ones (diff above)"
  RESTORED_CHECK="$OUT"
}

check_tutorial_clean_up() {
  MODEL_ADDED=0
}
