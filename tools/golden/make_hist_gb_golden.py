#!/usr/bin/python3
"""Golden references for axon's HistGradientBoostingClassifier/Regressor (ml/ensemble).

Writes tests/golden/hist_gb.json from scikit-learn 1.2's HistGradientBoosting* on bundled data:
breast_cancer (train: rows i % 4 != 0, test: the others), digits (train: the first 1200 images)
and diabetes (train: the first 300 rows), under several options, with and without missing values.
Missing values are injected by a rule the C++ test repeats (no data is stored): X[i, j] is NaN when
(7 i + 13 j) % 10 == 0 and j != 0, and column 0 is NaN in the rows i % 12 == 0 only (test rows of
breast_cancer: a feature that has no NaN in training gets NaN at predict time).
For each case: n_iter_, the leaves of every tree, test predictions (and class-1 probabilities or
decision values), and for the early-stopping cases train_score_ and validation_score_.

Run with Debian's Python (the pyenv python3 first on PATH has no scikit-learn):
    /usr/bin/python3 tools/golden/make_hist_gb_golden.py
"""
import json
import os

import numpy as np
import sklearn
from sklearn import datasets
from sklearn.ensemble import HistGradientBoostingClassifier, HistGradientBoostingRegressor

ROOT = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "..")


def r17(v):
    return float(f"{float(v):.17g}")


def with_nan(X):
    X = X.copy()
    n, p = X.shape
    i, j = np.meshgrid(np.arange(n), np.arange(p), indexing="ij")
    X[((7 * i + 13 * j) % 10 == 0) & (j != 0)] = np.nan
    X[np.arange(n) % 12 == 0, 0] = np.nan
    return X


def leaves(est):
    return [[int(p.get_n_leaf_nodes()) for p in it] for it in est._predictors]


def clf_record(est, Xtr, ytr, Xte, yte):
    proba = est.predict_proba(Xte)
    out = {
        "n_iter": int(est.n_iter_),
        "leaves": leaves(est),
        "predict": [int(v) for v in est.predict(Xte)],
        "train_accuracy": r17(est.score(Xtr, ytr)),
        "test_accuracy": r17(est.score(Xte, yte)),
    }
    if proba.shape[1] == 2:
        out["proba1"] = [r17(v) for v in proba[:, 1]]
    else:
        out["proba_col0_sum"] = r17(proba[:, 0].sum())
    if est.do_early_stopping_:
        out["train_score"] = [r17(v) for v in est.train_score_]
        out["validation_score"] = [r17(v) for v in est.validation_score_]
    return out


def reg_record(est, Xtr, ytr, Xte, yte):
    out = {
        "n_iter": int(est.n_iter_),
        "leaves": leaves(est),
        "predict": [r17(v) for v in est.predict(Xte)],
        "train_r2": r17(est.score(Xtr, ytr)),
        "test_r2": r17(est.score(Xte, yte)),
    }
    if est.do_early_stopping_:
        out["train_score"] = [r17(v) for v in est.train_score_]
        out["validation_score"] = [r17(v) for v in est.validation_score_]
    return out


def main():
    bc = datasets.load_breast_cancer()
    X, y = bc.data, bc.target
    te = np.arange(len(y)) % 4 == 0
    cases = {}
    clf_cases = {
        "bc_default": (X, dict(early_stopping=False, random_state=0)),
        "bc_nan": (with_nan(X), dict(early_stopping=False, random_state=0)),
        "bc_params": (X, dict(early_stopping=False, max_leaf_nodes=8, max_depth=3, min_samples_leaf=5,
                              l2_regularization=1.0, learning_rate=0.3, max_iter=50, max_bins=16, random_state=0)),
        "bc_early": (X, dict(early_stopping=True, max_iter=500, learning_rate=0.3, n_iter_no_change=5,
                             random_state=0)),
        "bc_nan_early": (with_nan(X), dict(early_stopping=True, max_iter=500, learning_rate=0.3,
                                           n_iter_no_change=5, validation_fraction=0.2, random_state=3)),
    }
    for name, (XX, kw) in clf_cases.items():
        est = HistGradientBoostingClassifier(**kw).fit(XX[~te], y[~te])
        cases[name] = clf_record(est, XX[~te], y[~te], XX[te], y[te])
        cases[name]["options"] = kw

    dg = datasets.load_digits()
    est = HistGradientBoostingClassifier(max_iter=20, early_stopping=False, random_state=0)
    est.fit(dg.data[:1200], dg.target[:1200])
    cases["digits"] = clf_record(est, dg.data[:1200], dg.target[:1200], dg.data[1200:], dg.target[1200:])
    est = HistGradientBoostingClassifier(max_iter=300, early_stopping=True, random_state=0, n_iter_no_change=3,
                                         learning_rate=0.5)
    est.fit(dg.data[:1200], dg.target[:1200])
    cases["digits_early"] = clf_record(est, dg.data[:1200], dg.target[:1200], dg.data[1200:], dg.target[1200:])

    db = datasets.load_diabetes()
    Xd, yd = db.data, db.target
    reg_cases = {
        "diabetes_sq": (Xd, dict(early_stopping=False, random_state=0)),
        "diabetes_abs": (Xd, dict(loss="absolute_error", early_stopping=False, random_state=0)),
        "diabetes_nan": (with_nan(Xd), dict(early_stopping=False, random_state=0)),
        "diabetes_early": (Xd, dict(early_stopping=True, max_iter=500, random_state=0)),
    }
    for name, (XX, kw) in reg_cases.items():
        est = HistGradientBoostingRegressor(**kw).fit(XX[:300], yd[:300])
        cases[name] = reg_record(est, XX[:300], yd[:300], XX[300:], yd[300:])
        cases[name]["options"] = kw

    out = {"sklearn_version": sklearn.__version__, "cases": cases}
    path = os.path.join(ROOT, "tests", "golden", "hist_gb.json")
    with open(path, "w") as f:
        json.dump(out, f, separators=(",", ":"))
    print(path, os.path.getsize(path), "bytes")
    for k, v in cases.items():
        print(k, v["n_iter"], v.get("test_accuracy", v.get("test_r2")))


main()
