#!/usr/bin/env python3
"""Time a command: median wall time of several runs and peak RSS.

usage: measure.py RUNS TIMEOUT_S OK_CODES -- COMMAND [ARG...]

Runs COMMAND once to warm the page cache, then RUNS times, standard output
to /dev/null; RUNS 0 means a single run, no warm-up, for one-off steps.
A warm-up run that took over a second is counted (caches matter little at
that scale), and runs stop early, with at least three measured, once they
add up to BUDGET_S seconds (environment; default 20), so that a slow
command does not take RUNS times its time. Peak RSS comes from wait4(2) on each child, so it is the
command's own, not the largest of everything this script ever ran (which
is what RUSAGE_CHILDREN would give). OK_CODES is a comma-separated list of
exit statuses that count as success (diff exits 1 when it finds
differences). Prints one JSON object:
{"status": "ok"|"timeout"|"exit N", "median_s", "min_s", "max_s",
 "rss_mb", "runs", "stderr"}.
"""
import json
import os
import signal
import statistics
import subprocess
import sys
import tempfile
import threading
import time


def run_once(cmd, timeout):
    with tempfile.TemporaryFile() as err:
        t0 = time.perf_counter()
        p = subprocess.Popen(cmd, stdout=subprocess.DEVNULL, stderr=err,
                             stdin=subprocess.DEVNULL, start_new_session=True)
        killed = []

        def kill():
            killed.append(True)
            os.killpg(p.pid, signal.SIGKILL)

        timer = threading.Timer(timeout, kill)
        timer.start()
        _, status, ru = os.wait4(p.pid, 0)
        timer.cancel()
        if killed:
            return None, 0, -1, ""
        wall = time.perf_counter() - t0
        err.seek(0)
        tail = err.read()[-300:].decode("utf-8", "replace").strip()
        return wall, ru.ru_maxrss / 1024.0, os.waitstatus_to_exitcode(status), tail


def main():
    runs, timeout, ok = int(sys.argv[1]), float(sys.argv[2]), sys.argv[3]
    ok_codes = {int(c) for c in ok.split(",")}
    cmd = sys.argv[sys.argv.index("--") + 1:]
    out = {"runs": 0, "stderr": ""}
    times, rss = [], []
    once = runs == 0
    budget = float(os.environ.get("BUDGET_S", "20"))
    for i in range(1 if once else runs + 1):
        wall, mb, code, tail = run_once(cmd, timeout)
        if wall is None:
            out["status"] = "timeout"
            break
        if code not in ok_codes:
            out["status"] = "exit %d" % code
            out["stderr"] = tail
            break
        if i > 0 or once or wall > 1:  # a short first run only warms caches
            times.append(wall)
            rss.append(mb)
        spent = sum(times)
        if len(times) >= runs or len(times) >= 3 and spent > budget or times and spent > 3 * budget:
            break
    if times and "status" not in out:
        out.update(status="ok", median_s=statistics.median(times), min_s=min(times),
                   max_s=max(times), rss_mb=max(rss), runs=len(times))
    out.setdefault("status", "no run")
    print(json.dumps(out))


if __name__ == "__main__":
    main()
