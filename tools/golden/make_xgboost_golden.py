#!/usr/bin/python3
"""Golden references: axon's HistGradientBoostingClassifier against XGBoost's hist booster.

Writes tests/golden/xgboost.json from XGBoost 1.7 (XGBClassifier, tree_method="hist") and
scikit-learn 1.2 (HistGradientBoostingClassifier) on a generated binary problem. No data is stored:
tests/ml/ensemble/hist_gradient_boosting_xgboost_test.cpp generates the same doubles bit for bit and
first checks the checksums stored here.

The generator (the same text is in the C++ test; integer arithmetic and +, *, < on doubles only, so
both languages give identical bits; no libm function is used):
  splitmix64 on a counter: the k-th draw (k = 0, 1, ...) is
      s = (SEED + (k + 1) * 0x9E3779B97F4A7C15) mod 2^64
      z = ((s ^ (s >> 30)) * 0xBF58476D1CE4E5B9) mod 2^64
      z = ((z ^ (z >> 27)) * 0x94D049BB133111EB) mod 2^64
      z = z ^ (z >> 31)
      u = (z >> 11) * 2^-53                      (a double in [0, 1), exact)
  row i (0 <= i < N) uses draws k = 13 i + j, j = 0..12:
      x_ij = 2 u_j - 1 for j < 12                (exact)
      s_i  = (([x0 > 0.25] - [x1 < -0.5]) + x2 x3) - 0.1   ([c] = 1.0 if c else 0.0; left to right)
      y_i  = (s_i > 0), flipped when u_12 < 0.05 (label noise)
  SEED = 20240607, N = 20000 rows, 12 features; train on rows 0..14999, test on rows 15000..19999.
The score has axis-aligned steps and one product so that tree ensembles of different shapes all get
close to the Bayes rate (~95%) and agree within a few test rows: with an oblique linear score and 10%
noise XGBoost's depth-6 defaults (learning_rate 0.3) overfit and fall ~2 points below the others.
Checksums (left-to-right double sums over rows, then columns): sum_x = sum x_ij,
sum_ix = sum i * x_ij, sum_jx = sum (j + 1) * x_ij, n_pos = #{y_i = 1}.

Run with Debian's Python (the pyenv python3 first on PATH has no scikit-learn / xgboost):
    /usr/bin/python3 tools/golden/make_xgboost_golden.py
"""
import json
import os

import numpy as np
import sklearn
import xgboost
from sklearn.ensemble import HistGradientBoostingClassifier

ROOT = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "..")

MASK = 0xFFFFFFFFFFFFFFFF
SEED = 20240607
N, P, N_TRAIN = 20000, 12, 15000


def splitmix64(k):
    s = (SEED + (k + 1) * 0x9E3779B97F4A7C15) & MASK
    z = ((s ^ (s >> 30)) * 0xBF58476D1CE4E5B9) & MASK
    z = ((z ^ (z >> 27)) * 0x94D049BB133111EB) & MASK
    return z ^ (z >> 31)


def uniform(k):
    return float(splitmix64(k) >> 11) * 2.0**-53


def make_data():
    X = [[0.0] * P for _ in range(N)]
    y = [0] * N
    for i in range(N):
        row = X[i]
        for j in range(P):
            row[j] = 2.0 * uniform(13 * i + j) - 1.0
        s = (1.0 if row[0] > 0.25 else 0.0) - (1.0 if row[1] < -0.5 else 0.0)
        s = s + row[2] * row[3]
        s = s - 0.1
        label = 1 if s > 0.0 else 0
        if uniform(13 * i + 12) < 0.05:
            label = 1 - label
        y[i] = label
    return X, y


def checksums(X, y):
    sum_x = sum_ix = sum_jx = 0.0
    for i in range(N):
        for j in range(P):
            sum_x += X[i][j]
            sum_ix += float(i) * X[i][j]
            sum_jx += float(j + 1) * X[i][j]
    return {"sum_x": sum_x, "sum_ix": sum_ix, "sum_jx": sum_jx, "n_pos": int(sum(y))}


def main():
    Xl, yl = make_data()
    X = np.array(Xl, dtype=np.float64)
    y = np.array(yl, dtype=np.int64)
    Xtr, ytr, Xte, yte = X[:N_TRAIN], y[:N_TRAIN], X[N_TRAIN:], y[N_TRAIN:]

    def acc(model):
        model.fit(Xtr, ytr)
        return float(np.mean(model.predict(Xte) == yte))

    lossguide = xgboost.XGBClassifier(tree_method="hist", grow_policy="lossguide", max_leaves=31, max_depth=0,
                                      n_estimators=100, learning_rate=0.1, max_bin=256, reg_lambda=0,
                                      min_child_weight=1e-3, n_jobs=2, random_state=0)
    depth6 = xgboost.XGBClassifier(tree_method="hist", max_depth=6, n_jobs=2, random_state=0)  # else defaults
    sk = HistGradientBoostingClassifier(max_iter=100, early_stopping=False, random_state=0)
    sk_acc = acc(sk)
    proba1 = sk.predict_proba(Xte)[:, 1]
    out = {
        "versions": {"xgboost": xgboost.__version__, "sklearn": sklearn.__version__, "numpy": np.__version__},
        "data": {"seed": SEED, "n": N, "p": P, "n_train": N_TRAIN, **checksums(Xl, yl)},
        "xgb_lossguide": {"params": {k: v for k, v in lossguide.get_params().items() if v is not None and
                                     k in ("tree_method", "grow_policy", "max_leaves", "max_depth", "n_estimators",
                                           "learning_rate", "max_bin", "reg_lambda", "min_child_weight")},
                          "test_accuracy": acc(lossguide)},
        "xgb_depth6": {"params": {"tree_method": "hist", "max_depth": 6, "other": "XGBoost 1.7 defaults"},
                       "test_accuracy": acc(depth6)},
        "sklearn_hgb": {"params": {"max_iter": 100, "early_stopping": False, "random_state": 0},
                        "test_accuracy": sk_acc, "train_accuracy": float(np.mean(sk.predict(Xtr) == ytr)),
                        "n_iter": int(sk.n_iter_), "test_pred_pos": int(np.sum(sk.predict(Xte) == 1)),
                        "test_proba1_sum": float(np.sum(proba1))},
    }
    path = os.path.join(ROOT, "tests", "golden", "xgboost.json")
    with open(path, "w") as f:
        json.dump(out, f, indent=1)
        f.write("\n")
    print(json.dumps(out, indent=1))


if __name__ == "__main__":
    main()
