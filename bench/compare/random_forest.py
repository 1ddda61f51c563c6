#!/usr/bin/python3
"""scikit-learn's side of the RandomForestClassifier comparison (random_forest.md).

Makes the problem once (a fixed seed, written to a binary file that the C++ driver reads, so both
sides fit exactly the same numbers): 200,000 × 50 features, 20 informative (a random linear and
pairwise-product score through a sigmoid) and 30 noise, binary labels; then fits
sklearn.ensemble.RandomForestClassifier(n_estimators=100, n_jobs=2, random_state=0) on the first
150,000 rows --runs times, and predicts the 100,000-row prediction set max(runs, 5) times with the
last forest. Prints:
    fit <median seconds> <min seconds>
    predict <median seconds> <min seconds>     (predict_proba of 100,000 rows)
    predict_cpu <median CPU seconds of predict, all threads>
    accuracy <test accuracy on rows 150,000..199,999>
File layout: int64 n, int64 p, then X as float64 row-major [n, p], then y as float64 [n] (0/1).
Run with Debian's /usr/bin/python3 (scikit-learn 1.2).
"""
import argparse
import os
import statistics
import time

import numpy as np
from sklearn.ensemble import RandomForestClassifier

parser = argparse.ArgumentParser()
parser.add_argument("path", nargs="?", default="/tmp/axon_forest_200k.bin")
parser.add_argument("--runs", type=int, default=3)
parser.add_argument("--trees", type=int, default=100)
args = parser.parse_args()

N, P, N_TRAIN = 200_000, 50, 150_000
if not os.path.exists(args.path):
    rng = np.random.default_rng(7)
    X = rng.standard_normal((N, P))
    w = rng.standard_normal(20)
    pairs = rng.integers(0, 20, size=(10, 2))
    z = X[:, :20] @ w / np.sqrt(20) + sum(X[:, a] * X[:, b] for a, b in pairs) / np.sqrt(10)
    y = (rng.random(N) < 1.0 / (1.0 + np.exp(-2.0 * z))).astype(np.float64)
    with open(args.path, "wb") as f:
        np.array([N, P], dtype=np.int64).tofile(f)
        X.astype(np.float64).tofile(f)
        y.tofile(f)

with open(args.path, "rb") as f:
    n, p = np.fromfile(f, dtype=np.int64, count=2)
    X = np.fromfile(f, dtype=np.float64, count=n * p).reshape(n, p)
    y = np.fromfile(f, dtype=np.float64, count=n)
Xtr, ytr, Xte, yte = X[:N_TRAIN], y[:N_TRAIN], X[N_TRAIN:], y[N_TRAIN:]
Xpred = X[:100_000]

fit_times, pred_times, pred_cpu = [], [], []
for _ in range(args.runs):
    t0 = time.perf_counter()
    m = RandomForestClassifier(n_estimators=args.trees, n_jobs=2, random_state=0).fit(Xtr, ytr)
    fit_times.append(time.perf_counter() - t0)
for _ in range(max(args.runs, 5)):
    t0, c0 = time.perf_counter(), time.process_time()
    m.predict_proba(Xpred)
    pred_times.append(time.perf_counter() - t0)
    pred_cpu.append(time.process_time() - c0)
print(f"fit {statistics.median(fit_times):.4f} {min(fit_times):.4f}")
print(f"predict {statistics.median(pred_times):.4f} {min(pred_times):.4f}")
print(f"predict_cpu {statistics.median(pred_cpu):.4f}")
print(f"accuracy {m.score(Xte, yte):.6f}")
