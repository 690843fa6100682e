#!/usr/bin/env python3
"""Reads `juju status --format json` (or localjuju's, same shape) on stdin and says whether the
model has settled.

Usage: status.py UNIT[=WORKLOAD]...
  each UNIT must exist with that workload status (default: active) and its agent idle, and every
  other unit's agent must be idle too.

Prints one line per unit, "unit workload agent message", sorted, so that the caller can compare
two polls. Exit status: 0 settled, 1 not yet, 2 a unit is in error (waiting further is useless).
"""
import json
import sys


def units(status):
    """Yields (name, unit) for every unit, subordinates included (they sit under their principal)."""
    for app in (status.get("applications") or {}).values():
        for name, unit in (app.get("units") or {}).items():
            yield name, unit
            for sub_name, sub in (unit.get("subordinates") or {}).items():
                yield sub_name, sub


def main(argv):
    status = json.load(sys.stdin)
    seen = {}
    for name, unit in units(status):
        workload = unit.get("workload-status") or {}
        agent = unit.get("juju-status") or {}
        seen[name] = (workload.get("current", "?"), agent.get("current", "?"),
                      workload.get("message", "") or agent.get("message", ""))
    for name in sorted(seen):
        print("%s %s %s %s" % (name, *seen[name]))
    errors = [n for n, (w, a, _) in seen.items() if w == "error" or a == "error"]
    if errors:
        print("units in error: %s" % ", ".join(sorted(errors)), file=sys.stderr)
        return 2
    wanted = dict((arg.split("=", 1) + ["active"])[:2] for arg in argv[1:])
    missing = [u for u in wanted if u not in seen]
    not_ready = [u for u in wanted if u in seen and seen[u][:2] != (wanted[u], "idle")]
    busy = [n for n, (_, a, _) in seen.items() if a != "idle"]
    return 1 if missing or not_ready or busy else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
