#!/usr/bin/env python3
"""Records when each backup or restore job changes status, to the millisecond.

Bacula 9.6 keeps a job's StartTime and EndTime in whole seconds, and its job report and `wait`
add no finer time, so bench/backup/run.sh runs this on the server next to the Director: it reads
the SQLite catalog every 20 ms (read-only) and appends "jobid status unix-time" for every change,
of which "R" (the job started: after the Director's queue, before the File Daemon connects) and
the final status ("T", "E", "f", "A") bound the job's own run time.

Usage: job-times.py <catalog.db> <output>
"""
import sqlite3
import sys
import time

catalog, output = sys.argv[1], sys.argv[2]
db = sqlite3.connect(f"file:{catalog}?mode=ro", uri=True, timeout=1)
seen = {}
with open(output, "a", buffering=1) as out:
    while True:
        try:
            rows = db.execute("SELECT JobId, JobStatus FROM Job WHERE Type IN ('B', 'R')").fetchall()
        except sqlite3.OperationalError:  # the Director is writing; the next read sees it
            rows = []
        now = time.time()
        for job, status in rows:
            if seen.get(job) != status:
                seen[job] = status
                out.write(f"{job} {status} {now:.3f}\n")
        time.sleep(0.02)
