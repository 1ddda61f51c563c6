#!/usr/bin/python3
"""pandas' side of the read_csv comparison (bench/compare/run_csv sets the two side by side).

Reads the same file --runs times with pandas.read_csv (C engine, defaults) and times describe()
on the result; prints one line per measurement:
    read_csv <median seconds> <min seconds>
    describe <median seconds> <min seconds>
    peak_rss_mb <peak resident set size of this process, MiB>
    shape <rows> <columns>
Run it with Debian's /usr/bin/python3 (python3-pandas).
"""
import argparse
import resource
import statistics
import time

import pandas as pd

parser = argparse.ArgumentParser()
parser.add_argument("path", nargs="?", default="/tmp/axon_bench_1m.csv")
parser.add_argument("--runs", type=int, default=5)
args = parser.parse_args()

read_times, describe_times = [], []
shape = None
for _ in range(args.runs):
    t0 = time.perf_counter()
    df = pd.read_csv(args.path)
    t1 = time.perf_counter()
    summary = df.describe()
    t2 = time.perf_counter()
    read_times.append(t1 - t0)
    describe_times.append(t2 - t1)
    shape = df.shape
    del df, summary

print(f"read_csv {statistics.median(read_times):.4f} {min(read_times):.4f}")
print(f"describe {statistics.median(describe_times):.4f} {min(describe_times):.4f}")
print(f"peak_rss_mb {resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024:.1f}")
print(f"shape {shape[0]} {shape[1]}")
