#!/usr/bin/env python3
"""Whole-process timing, interleaved: scripts/cold-runs.py N NAME1 CMD1 NAME2 CMD2 ...

Runs every command N times in a fresh random order per round (so load from other work on a shared
machine falls on all of them alike) and prints, per command, the median wall time with its quartiles
and minimum, the median CPU time (user + sys of the process and its children) and the median peak RSS.
PAIRS_JSON=FILE also writes every sample. Used for the figures in README "Performance".
"""
import os, sys, time, random, statistics, subprocess, json
n = int(sys.argv[1]); args = sys.argv[2:]
cmds = [(args[i], args[i+1]) for i in range(0, len(args), 2)]
res = {name: [] for name, _ in cmds}
devnull = open(os.devnull, 'w')
for r in range(n):
    order = list(cmds); random.shuffle(order)
    for name, cmd in order:
        t = time.perf_counter()
        p = subprocess.Popen(cmd, shell=True, stdout=devnull, stderr=subprocess.PIPE)
        _, status, ru = os.wait4(p.pid, 0)
        wall = time.perf_counter() - t
        err = p.stderr.read().decode(errors='replace'); p.stderr.close()
        rc = os.waitstatus_to_exitcode(status)
        if rc != 0: print(name, 'rc', rc, err[-500:], file=sys.stderr)
        res[name].append((wall, ru.ru_utime + ru.ru_stime, ru.ru_maxrss / 1024))
base = None
for name, _ in cmds:
    w = [x[0] for x in res[name]]; c = [x[1] for x in res[name]]; m = [x[2] for x in res[name]]
    med = statistics.median(w)
    q = statistics.quantiles(w, n=4) if len(w) >= 4 else [min(w), med, max(w)]
    base = base or med
    print(f"{name:28s} wall med {med:6.3f}s  IQR {q[0]:.3f}-{q[2]:.3f}  min {min(w):.3f}  cpu med {statistics.median(c):6.3f}s  rss med {statistics.median(m):6.0f}MB  ratio {med/base:.2f}")
if os.environ.get('PAIRS_JSON'):
    json.dump(res, open(os.environ['PAIRS_JSON'], 'w'))
