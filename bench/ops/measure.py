#!/usr/bin/env python3
"""Times whole hook processes, alternating between commands, and measures their peak RSS.

usage: measure.py RUNS NAME=CWD::COMMAND... (environment for every run comes from HOOK_ENV_* vars)

Each round runs every command once, in a shuffled order (fixed seed), so load from other
processes on the machine, and any after-effect of one command on the next (the Python charm
commits its SQLite state file on every hook), fall on all of them alike. Prints one JSON object: per command the median, min and max wall time in
ms over RUNS rounds, the median CPU time (user + system, the hook and the tools it ran), which
load from other processes disturbs much less than wall time, and the peak RSS in KiB from
/usr/bin/time -v over 5 further runs.
"""
import json
import os
import random
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
    cpu = {name: [] for name, _, _ in commands}
    for name, cwd, cmd in commands:  # warm the page cache once
        subprocess.run(cmd, cwd=cwd, env=env, check=True, stdout=subprocess.DEVNULL)
    order = list(commands)
    shuffle = random.Random(20261121).shuffle
    for _ in range(runs):
        shuffle(order)
        for name, cwd, cmd in order:
            start = time.perf_counter()
            proc = subprocess.Popen(cmd, cwd=cwd, env=env, stdout=subprocess.DEVNULL)
            _, status, usage = os.wait4(proc.pid, 0)
            times[name].append((time.perf_counter() - start) * 1000)
            proc.returncode = os.waitstatus_to_exitcode(status)
            if proc.returncode != 0:
                raise SystemExit(f"{name}: exit code {proc.returncode}")
            cpu[name].append((usage.ru_utime + usage.ru_stime) * 1000)
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
                        "max_ms": round(max(t), 1), "cpu_ms": round(statistics.median(cpu[name]), 1),
                        "peak_rss_kib": peak}
    print(json.dumps(result))


if __name__ == "__main__":
    main()
