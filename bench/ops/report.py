#!/usr/bin/env python3
"""Writes the "Hook latency (charms/ops)" section of docs/reference/performance.md.

usage: report.py PERFORMANCE_MD RUNS LOAD_BEFORE LOAD_AFTER JAVA_VERSION FLAGS CALLS < measure.py-json

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
    "java-ops": "**our charm, chosen set-up**: fat jar, AppCDS, G1, C1 only for hot code",
    "java-no-cds": "class-path jars (13), no app archive, default flags",
    "java-cds-default-flags": "class-path jars + AppCDS, default flags",
    "java-cds-classpath-jars": "class-path jars + AppCDS + chosen flags",
    "java-cds-fat-serial": "fat jar + AppCDS + C1 only + Serial GC (no archived module graph)",
    "java-cds-fat-small-heap": "chosen, with `-Xmx1g` (archived heap objects need no relocation)",
    "java-cds-fat-posix-spawn": "chosen, but tools started with posix_spawn (JDK default)",
    "java-cds-fat-xint": "chosen, but interpreter only (`-Xint`)",
    "java-cds-fat-c1-default-thresholds": "chosen, but C1 at its default compile thresholds",
}


def main():
    path, runs, load_before, load_after, java_version, flags, calls = sys.argv[1:8]
    result = json.load(sys.stdin)
    py = result["ops-python"]
    ours = result["java-ops"]
    ratio = ours["median_ms"] / py["median_ms"]
    cpu_ratio = ours["cpu_ms"] / py["cpu_ms"]
    rows = []
    for name, r in result.items():
        rows.append("| {} | {:.0f} | {:.0f} | {:.0f} | {:.0f} | {:.1f} |".format(
            DESCRIPTIONS.get(name, name), r["median_ms"], r["min_ms"], r["max_ms"], r["cpu_ms"],
            r["peak_rss_kib"] / 1024))
    text = f"""{HEADING}

One `update-status` hook of a minimal charm as a whole process (`bench/ops/run.sh`): read config,
read the remote unit's relation data, set active status, against fake hook tools that answer like
Juju. Our charm is `BenchCharm` in `charms/ops/example`; the anchor is the Python `ops` charm doing
the same work (hook-tool calls per hook: {calls}; ops also logs twice through `juju-log` and asks
`is-leader`). Each round runs every set-up once in a shuffled order, so load from other
processes (and any after-effect of one run on the next) falls on all alike.

Measured {datetime.date.today().isoformat()}, {runs} rounds, {os.cpu_count()} cores, load average
{load_before} before and {load_after} after (the machine was shared with other builds, so absolute
times are noisy; the ratio is the figure to read). {java_version}.

| set-up | median ms | min ms | max ms | CPU ms (median) | peak RSS MiB |
| --- | ---: | ---: | ---: | ---: | ---: |
{chr(10).join(rows)}

**Ratio (median wall time, ours / ops): {ratio:.2f}** (target at most 0.60); CPU time ratio
{cpu_ratio:.2f}. **Peak RSS: {ours["peak_rss_kib"] / 1024:.1f} MiB**
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
  modification time against the archive: ship both and keep the jar's mtime when unpacking, or
  the JVM silently runs without the archive (`-Xshare:auto`, the default).
- G1, not Serial: JDK 17 maps the CDS archive's heap objects, including the archived module
  graph, only with G1; that skips 10-20 ms of module-system initialisation (`-Xlog:startuptime`),
  more than G1's own start-up costs over Serial. Give `-XX:+UseG1GC` explicitly: on a 1-CPU
  machine the JVM would pick Serial. A max heap under 4 GiB saves relocating the archived heap
  objects, which measured as noise; the charm may size its heap as it needs.
- JIT: C1 only (`-XX:TieredStopAtLevel=1`, one compiler thread) with compile thresholds raised
  about 25-fold, so a short hook compiles (almost) nothing and leaves the CPU to itself and its
  tools, while a hook that computes (rendering a large Bacula configuration) still gets
  compiled code; `-Xint` is as fast for this hook but would be slow for such work.
  `-XX:-UsePerfData` skips the hsperfdata file.
- In the library: hook tools start with vfork (set by ops unless the launcher chooses) and
  without Commons Exec's per-call pump and watchdog threads (about 2 ms a call); tool output and
  the state file are handled with Jackson's streaming parser (building a databind `ObjectMapper`
  costs about 50 ms of time-zone, locale and date-format initialisation); `metadata.yaml` is read
  only when needed; Logback starts only when the charm logs; the library is compiled with
  `-XDstringConcat=inline` (each invokedynamic string concatenation spins classes at run time,
  about 1 ms each, which the archive does not keep). Charms should compile with it too.
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
