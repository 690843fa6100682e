#!/usr/bin/env python3
"""Times whole hook processes, alternating between commands, and measures their peak RSS.

usage: measure.py RUNS NAME=CWD::COMMAND... (environment for every run comes from HOOK_ENV_* vars)

Each round runs every command once, in order, so load from other processes on the machine falls
on all of them alike. Prints one JSON object: per command the median, min and max wall time in
ms over RUNS rounds, and the peak RSS in KiB from /usr/bin/time -v over 5 further runs.
"""
import json
import os
import statistics
import subprocess
import sys
import time


def main():
    runs = int(sys.argv[1])
    commands = []
    for spec in sys.argv[2:]:
        name, rest = spec.split("=", 1)
        cwd, cmd = rest.split("::", 1)
        commands.append((name, cwd, cmd.split()))
    env = {k[len("HOOK_ENV_"):]: v for k, v in os.environ.items() if k.startswith("HOOK_ENV_")}
    times = {name: [] for name, _, _ in commands}
    for name, cwd, cmd in commands:  # warm the page cache once
        subprocess.run(cmd, cwd=cwd, env=env, check=True, stdout=subprocess.DEVNULL)
    for _ in range(runs):
        for name, cwd, cmd in commands:
            start = time.perf_counter()
            subprocess.run(cmd, cwd=cwd, env=env, check=True, stdout=subprocess.DEVNULL)
            times[name].append((time.perf_counter() - start) * 1000)
    result = {}
    for name, cwd, cmd in commands:
        peak = 0
        for _ in range(5):
            out = subprocess.run(["/usr/bin/time", "-v"] + cmd, cwd=cwd, env=env, check=True,
                                 stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True).stderr
            for line in out.splitlines():
                if "Maximum resident set size" in line:
                    peak = max(peak, int(line.split(":")[1]))
        t = times[name]
        result[name] = {"median_ms": round(statistics.median(t), 1), "min_ms": round(min(t), 1),
                        "max_ms": round(max(t), 1), "peak_rss_kib": peak}
    print(json.dumps(result))


if __name__ == "__main__":
    main()
