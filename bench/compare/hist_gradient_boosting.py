#!/usr/bin/python3
"""scikit-learn's and XGBoost's side of the HistGradientBoostingClassifier comparison
(hist_gradient_boosting.md), and the driver that prints the three side by side.

Data: the 200,000 × 50 binary problem of random_forest.py, from the file it writes
(/tmp/axon_forest_200k.bin; made by running random_forest.py once with one tree if it is missing,
so that both comparisons read the same numbers). Fit on the first 150,000 rows, accuracy on the
last 50,000. Each library fits once per round (--runs rounds, so that all see the same noisy
machine) on 2 threads; the medians are compared.
  scikit-learn: HistGradientBoostingClassifier(max_iter=100, early_stopping=False, random_state=0)
                (learning_rate 0.1, max_leaf_nodes 31, min_samples_leaf 20, l2 0, 255 bins + NaN),
                OMP_NUM_THREADS=2.
  XGBoost:      XGBClassifier(tree_method="hist", grow_policy="lossguide", max_leaves=31,
                max_depth=0, n_estimators=100, learning_rate=0.1, max_bin=256, reg_lambda=0,
                min_child_weight=1e-3, n_jobs=2): the same tree shape and regularization as the
                HGB defaults (XGBoost has no min_samples_leaf; min_child_weight is its hessian floor).
                Also XGBoost's own defaults (depth-wise, max_depth=6, reg_lambda=1) as "xgb_depth6".
  axon:         the C++ driver (hist_gradient_boosting_bench), same settings as scikit-learn.
Usage: /usr/bin/python3 bench/compare/hist_gradient_boosting.py [--runs 3] [--axon BUILD/bench/hist_gradient_boosting_bench]
Prints one line per library (fit median, fit min, accuracy) and the ratios.
"""
import os

os.environ["OMP_NUM_THREADS"] = "2"  # before numpy/sklearn load their OpenMP runtime

import argparse
import statistics
import subprocess
import sys
import time

import numpy as np

HERE = os.path.dirname(os.path.abspath(__file__))
parser = argparse.ArgumentParser()
parser.add_argument("path", nargs="?", default="/tmp/axon_forest_200k.bin")
parser.add_argument("--runs", type=int, default=3)
parser.add_argument("--axon", default=os.path.join(HERE, "..", "..", "build", "bench", "hist_gradient_boosting_bench"))
parser.add_argument("--only", default="sklearn,xgb,xgb_depth6,axon")
args = parser.parse_args()
only = args.only.split(",")

if not os.path.exists(args.path):  # random_forest.py writes the data (a 1-tree forest is quick)
    subprocess.run([sys.executable, os.path.join(HERE, "random_forest.py"), args.path, "--runs", "1", "--trees", "1"],
                   check=True, stdout=subprocess.DEVNULL)

with open(args.path, "rb") as f:
    n, p = np.fromfile(f, dtype=np.int64, count=2)
    X = np.fromfile(f, dtype=np.float64, count=n * p).reshape(n, p)
    y = np.fromfile(f, dtype=np.float64, count=n)
N_TRAIN = 150_000
Xtr, ytr, Xte, yte = X[:N_TRAIN], y[:N_TRAIN], X[N_TRAIN:], y[N_TRAIN:]


makers = {}
if "sklearn" in only:
    from sklearn.ensemble import HistGradientBoostingClassifier
    makers["sklearn"] = lambda: HistGradientBoostingClassifier(max_iter=100, early_stopping=False, random_state=0)
if "xgb" in only or "xgb_depth6" in only:
    import xgboost
    if "xgb" in only:
        makers["xgb"] = lambda: xgboost.XGBClassifier(
            tree_method="hist", grow_policy="lossguide", max_leaves=31, max_depth=0, n_estimators=100,
            learning_rate=0.1, max_bin=256, reg_lambda=0.0, min_child_weight=1e-3, n_jobs=2)
    if "xgb_depth6" in only:
        makers["xgb_depth6"] = lambda: xgboost.XGBClassifier(
            tree_method="hist", max_depth=6, n_estimators=100, learning_rate=0.1, max_bin=256, n_jobs=2)
if "axon" in only:
    makers["axon"] = None

# Rounds: each library fits once per round, so that all see the same (noisy) machine.
times = {name: [] for name in makers}
accuracy = {}
loads = []
for _ in range(args.runs):
    loads.append(os.getloadavg()[0])
    for name, make in makers.items():
        if make is None:
            out = subprocess.run([args.axon, args.path, "1", "2"], check=True, capture_output=True, text=True).stdout
            vals = {line.split()[0]: line.split()[1:] for line in out.splitlines()}
            times[name].append(float(vals["fit"][0]))
            accuracy[name] = float(vals["accuracy"][0])
        else:
            t0 = time.perf_counter()
            m = make().fit(Xtr, ytr)
            times[name].append(time.perf_counter() - t0)
            accuracy[name] = float((m.predict(Xte) == yte).mean())
results = {name: (statistics.median(t), min(t), accuracy[name]) for name, t in times.items()}

print(f"load average (1 min) at the start of each round: {' '.join(f'{v:.2f}' for v in loads)}")
for name, (med, mn, acc) in results.items():
    print(f"{name:11s} fit median {med:8.3f} s  min {mn:8.3f} s  accuracy {acc:.4f}")
if "axon" in results:
    for name in ("sklearn", "xgb", "xgb_depth6"):
        if name in results:
            print(f"axon / {name}: fit {results['axon'][0] / results[name][0]:.3f}, "
                  f"accuracy {100 * (results['axon'][2] - results[name][2]):+.2f} pp")
