#!/usr/bin/python3
"""scikit-learn's side of the LogisticRegression comparison (logistic_regression.md).

Makes the problem once (a fixed seed, written to a binary file that the C++ driver reads, so both
sides fit exactly the same numbers), then fits sklearn.linear_model.LogisticRegression(C=1,
solver="lbfgs") --runs times and prints:
    fit <median seconds> <min seconds>
    n_iter <iterations>
    log_loss <mean log-loss on the training data>
File layout: int64 n, int64 p, then X as float64 row-major [n, p], then y as float64 [n] (0/1).
Run with Debian's /usr/bin/python3 (scikit-learn 1.2); OpenBLAS there uses the machine's 2 cores.
"""
import argparse
import os
import statistics
import time

import numpy as np
from sklearn.linear_model import LogisticRegression
from sklearn.metrics import log_loss

parser = argparse.ArgumentParser()
parser.add_argument("path", nargs="?", default="/tmp/axon_logreg_200k.bin")
parser.add_argument("--runs", type=int, default=5)
parser.add_argument("--n", type=int, default=200_000)
parser.add_argument("--p", type=int, default=50)
args = parser.parse_args()

if not os.path.exists(args.path):
    rng = np.random.default_rng(42)
    X = rng.standard_normal((args.n, args.p))
    w = rng.standard_normal(args.p) / np.sqrt(args.p) * 2.0
    z = X @ w + 0.5
    y = (rng.random(args.n) < 1.0 / (1.0 + np.exp(-z))).astype(np.float64)
    with open(args.path, "wb") as f:
        np.array([args.n, args.p], dtype=np.int64).tofile(f)
        X.astype(np.float64).tofile(f)
        y.tofile(f)

with open(args.path, "rb") as f:
    n, p = np.fromfile(f, dtype=np.int64, count=2)
    X = np.fromfile(f, dtype=np.float64, count=n * p).reshape(n, p)
    y = np.fromfile(f, dtype=np.float64, count=n)

times = []
for _ in range(args.runs):
    t0 = time.perf_counter()
    m = LogisticRegression(C=1.0).fit(X, y)
    times.append(time.perf_counter() - t0)
print(f"fit {statistics.median(times):.4f} {min(times):.4f}")
print(f"n_iter {m.n_iter_[0]}")
print(f"log_loss {log_loss(y, m.predict_proba(X)):.12f}")
