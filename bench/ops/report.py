#!/usr/bin/env python3
"""Writes the "Hook latency (charms/ops)" section of docs/reference/performance.md.

usage: report.py PERFORMANCE_MD RUNS LOAD_BEFORE LOAD_AFTER JAVA_VERSION FLAGS < measure.py-json

Only the text between this section's markers is replaced; other sections are left alone.
"""
import datetime
import json
import os
import sys

HEADING = "## Hook latency (charms/ops)"
END = "<!-- end section: ops-hook-latency -->"

DESCRIPTIONS = {
    "ops-python": "Python ops 2.20.0 anchor charm (`shared/bench/ops-anchor`)",
    "java-ops": "**our charm, chosen set-up**: fat jar, AppCDS, C1 only, Serial GC, vfork",
    "java-no-cds": "our charm, class-path jars, no app archive, default flags",
    "java-cds-default-flags": "class-path jars + AppCDS, default JIT/GC",
    "java-cds-classpath-jars": "class-path jars + AppCDS + C1 only + Serial GC",
    "java-cds-fat-jar-posix-spawn": "fat jar + AppCDS + C1 only + Serial GC, default posix_spawn",
    "java-cds-fat-vfork-g1": "fat jar + AppCDS + C1 only + vfork, G1 instead of Serial",
    "java-cds-fat-vfork-xint": "fat jar + AppCDS + vfork + Serial, interpreter only (`-Xint`)",
}


def main():
    path, runs, load_before, load_after, java_version, flags = sys.argv[1:7]
    result = json.load(sys.stdin)
    py = result["ops-python"]
    ours = result["java-ops"]
    ratio = ours["median_ms"] / py["median_ms"]
    rows = []
    for name, r in result.items():
        rows.append("| {} | {:.0f} | {:.0f} | {:.0f} | {:.1f} |".format(
            DESCRIPTIONS.get(name, name), r["median_ms"], r["min_ms"], r["max_ms"], r["peak_rss_kib"] / 1024))
    text = f"""{HEADING}

One `update-status` hook of a minimal charm as a whole process (`bench/ops/run.sh`): read config,
read the remote unit's relation data, set active status, against fake hook tools that answer like
Juju. Our charm is `BenchCharm` in `charms/ops/example`; the anchor is the Python `ops` charm doing
the same work. The runs alternate (one of each per round), so load from other processes falls on
both alike.

Measured {datetime.date.today().isoformat()}, {runs} rounds, {os.cpu_count()} cores, load average
{load_before} before and {load_after} after (the machine was shared with other builds, so absolute
times are noisy; the ratio is the figure to read). {java_version}.

| set-up | median ms | min ms | max ms | peak RSS MiB |
| --- | ---: | ---: | ---: | ---: |
{chr(10).join(rows)}

**Ratio (median, ours / ops): {ratio:.2f}** (target at most 0.60). **Peak RSS: {ours["peak_rss_kib"] / 1024:.1f} MiB**
(target under 64 MiB; `/usr/bin/time -v`, 5 runs).

What the hook's `dispatch` should run (the packaging tool reuses this):

```
java -XX:SharedArchiveFile=<charm>/<charm>.jsa {flags} -cp <charm>/<charm>.jar <MainClass>
```

- One fat jar (all dependency classes in one zip, `META-INF/services` files concatenated):
  each class-path jar costs a zip open and manifest read when its first class is used, even
  from the archive.
- The AppCDS archive is built at package time by running the charm's main once with
  `-Dops.training=true -XX:ArchiveClassesAtExit=<charm>.jsa` and the same flags and class path
  (the training mode runs config-changed, a relation-changed and update-status through the real
  hook code path against fake tools in a temporary directory). JDK 17 checks the jar's size and
  modification time against the archive: ship both, never touch the jar afterwards (the
  reproducible build timestamp helps; unpacking the `.charm` must keep the mtime, or `dispatch`
  must fall back to running without the archive, which `-Xshare:auto` does silently).
- `-XX:TieredStopAtLevel=1` (C1 only) and `-XX:+UseSerialGC` cut JIT and GC start-up on a
  sub-second process; `-XX:-UsePerfData` skips the hsperfdata file;
  `-Djdk.lang.Process.launchMechanism=VFORK` starts each hook tool without the extra
  `jspawnhelper` exec (a hook makes 5-10 tool calls).
- Inside the library the hook path avoids Jackson databind's `ObjectMapper` (about 50 ms of
  time-zone, locale and date-format initialisation) by parsing tool output with Jackson's
  streaming parser, reads `metadata.yaml` only when needed, and starts Logback only when the
  charm logs.
{END}
"""
    old = open(path).read() if os.path.exists(path) else "# Performance\n\nFigures written by the benchmarks; one section per benchmark.\n"
    if HEADING in old:
        start = old.index(HEADING)
        if END in old[start:]:
            end = old.index(END, start) + len(END)
        else:
            nxt = old.find("\n## ", start + len(HEADING))
            end = len(old) if nxt < 0 else nxt + 1
        rest = old[end:].lstrip("\n")
        new = old[:start] + text.rstrip("\n") + ("\n\n" + rest if rest else "\n")
    else:
        new = old.rstrip("\n") + "\n\n" + text
    with open(path, "w") as f:
        f.write(new)


if __name__ == "__main__":
    main()
