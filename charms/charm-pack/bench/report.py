#!/usr/bin/env python3
"""Writes the "Charm start-up (dispatch)" section of docs/reference/performance.md from the
figures dispatch-startup.sh measured (passed in BENCH_* environment variables).

usage: report.py PERFORMANCE_MD
"""
import json
import os
import re
import sys
import textwrap

LABELS = {
    "shipped": "**as packed** (fat jar, AppCDS, G1, C1 for hot code only)",
    "previous": "previous packing (CHARMS_BEFORE: 14 jars under `lib/`, Serial GC, C1 at "
                "default thresholds, indy string concatenation)",
    "no-cds": "as packed, without the AppCDS archive",
    "jars": "separate jars under `lib/` instead of one `lib/charm.jar`",
    "serial": "Serial GC instead of G1 (no archived module graph)",
    "c1-default": "C1 at its default compile thresholds",
    "relocation-off": "archive mapped at its dump address (`-XX:ArchiveRelocationMode=0`, "
                      "diagnostic)",
}
for _major in range(24, 40):
    LABELS[f"jdk{_major}-aot"] = (f"JDK {_major} with an ahead-of-time cache (`-XX:AOTCache`, "
                                  "same training run) instead of the AppCDS archive, tools by "
                                  "posix_spawn")
TARGET_RATIO = 0.75
TARGET_RSS_MIB = 48
SCENARIOS = {
    "backup-integrator": "leader related to bacula-fd: reads config and relations, writes its "
                         "script, publishes its bag, active",
    "bacula-fd": "both relations, no fileset from the application yet: withdraws its bag, waiting",
    "bacula-server": "leader, no other unit, no ingress address yet: reads config and peers, "
                     "waiting",
}


def main():
    path = sys.argv[1]
    result = json.loads(os.environ["BENCH_RESULT"])
    calls = dict(line.split("=", 1) for line in os.environ["BENCH_CALLS"].splitlines() if line)
    layout = dict(line.split("=", 1) for line in os.environ["BENCH_LAYOUT"].splitlines() if line)
    anchor = result["ops-python"]
    out = []
    out.append("## Charm start-up (dispatch)\n")
    out.append(
        "Benchmark: `charms/charm-pack/bench/dispatch-startup.sh` (`--explore` for the variant "
        "rows). One `update-status` hook of each packed charm, from `dispatch` to exit, built "
        "fresh by `mvn package` and unpacked as Juju does, against fake hook tools, run "
        "alternately (each round runs every set-up once, in a shuffled order) with the same hook "
        "of the Python `ops` 2.20.0 anchor charm (`shared/bench/ops-anchor`: read config, read a "
        "relation, set active). Our hooks do more than the anchor's; what each does:\n")
    for charm, what in SCENARIOS.items():
        if charm in layout:
            jars, jsa = layout[charm].split("|")
            n_calls = calls.get(charm + ":shipped", "|").split("|")[0]
            out.append(f"- {charm}: {what} ({n_calls} tool calls; {jars} jar(s), AppCDS archive "
                       f"{jsa} MiB).")
    n_anchor = calls.get("ops-python", "|").split("|")[0]
    out.append(f"- ops anchor: {n_anchor} tool calls.\n")
    out.append(
        f"Measured {os.environ.get('BENCH_DATE', '')}, {os.environ['BENCH_RUNS']} rounds; peak RSS "
        f"from `/usr/bin/time -v` over 5 more runs; Java {os.environ['BENCH_JAVA']}; 2 cores "
        f"shared with other builds, load average {os.environ['BENCH_LOAD']}: absolute times are "
        "noisy, read the ratios and the CPU times.\n")
    out.append("| charm | set-up | median ms | min ms | CPU ms | peak RSS MiB | median / ops |")
    out.append("| --- | --- | ---: | ---: | ---: | ---: | ---: |")
    row = lambda charm, label, r: out.append(
        f"| {charm} | {label} | {r['median_ms']:.0f} | {r['min_ms']:.0f} | {r['cpu_ms']:.0f} | "
        f"{r['peak_rss_kib'] / 1024:.1f} | {r['median_ms'] / anchor['median_ms']:.2f} |")
    row("(anchor)", "Python ops 2.20.0", anchor)
    ratios = []
    cpu = []
    for name, r in result.items():
        if ":" not in name:
            continue
        charm, variant = name.split(":", 1)
        row(charm, LABELS.get(variant, variant), r)
        if variant == "shipped":
            ratios.append((charm, r["median_ms"] / anchor["median_ms"], r["peak_rss_kib"] / 1024))
            cpu.append((charm, r["cpu_ms"] / anchor["cpu_ms"]))
    out.append("")
    out.append("Ratio of median wall time, our hook / ops hook: " + ", ".join(
        f"{c} **{q:.2f}**" for c, q, _ in ratios) + "; peak RSS " + ", ".join(
        f"{c} {m:.1f} MiB" for c, _, m in ratios) + " (ops: "
        f"{anchor['peak_rss_kib'] / 1024:.1f} MiB). CPU time ratio: " + ", ".join(
        f"{c} {q:.2f}" for c, q in cpu) + ".\n")
    missed = [c for c, q, m in ratios if q > TARGET_RATIO or m >= TARGET_RSS_MIB]
    out.append(f"Target: at most {TARGET_RATIO} times the ops hook's median wall time, with peak RSS "
               f"under {TARGET_RSS_MIB} MiB. Result: " + ("met.\n" if not missed else
                                                         "not met (" + ", ".join(missed) + ").\n"))
    out.append("What `dispatch` runs (charm-pack's defaults, `DispatchScript.DEFAULT_JVM_FLAGS`):\n")
    out.append("```")
    out.append(f"java {os.environ['BENCH_FLAGS']} -XX:SharedArchiveFile=lib/charm.jsa "
               "-Xshare:auto -cp lib/charm.jar <charm.main>")
    out.append("```\n")
    out.extend(WHY.rstrip().split("\n"))  # already wrapped
    section = "\n".join(wrap(line) for line in out).rstrip() + "\n"
    text = open(path).read()
    pattern = re.compile(r"^## Charm start-up \(dispatch\)\n.*?(?=^## |\Z)", re.S | re.M)
    if pattern.search(text):
        text = pattern.sub(lambda m: section + "\n", text)
    else:
        text = text.rstrip() + "\n\n" + section
    open(path, "w").write(text)  # the rest of the file, other benchmarks' sections, as it was


def wrap(line):
    """Wraps prose at 100 columns like the rest of the file; tables and code stay as they are."""
    if line.startswith(("|", "```", "java ")) or len(line) <= 100:
        return line
    indent = "  " if line.startswith("- ") else ""
    return textwrap.fill(line, 100, subsequent_indent=indent, break_on_hyphens=False,
                         break_long_words=False) + ("\n" if line.endswith("\n") else "")


WHY = open(os.path.join(os.path.dirname(os.path.abspath(__file__)), "why.md")).read()

if __name__ == "__main__":
    main()
