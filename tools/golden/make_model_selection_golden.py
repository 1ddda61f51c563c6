#!/usr/bin/python3
"""References for axon's sklearn.model_selection (splitters, train_test_split sizes, cross-validation
and grid search of Ridge on diabetes).

Run with Debian's interpreter (scikit-learn 1.2, numpy):
    /usr/bin/python3 tools/golden/make_model_selection_golden.py
writes tests/golden/model_selection.json.
"""
import json
import os
import warnings

import numpy as np
from sklearn.datasets import load_diabetes, load_iris
from sklearn.linear_model import Ridge
from sklearn.model_selection import (GridSearchCV, KFold, StratifiedKFold, cross_val_score, learning_curve,
                                     train_test_split, validation_curve)

warnings.simplefilter("ignore")
rng = np.random.RandomState(0)


def r(a):
    a = np.asarray(a, dtype=float)
    if a.ndim == 0:
        return float(f"{float(a):.17g}")
    return [r(v) for v in a]


def ints(a):
    return [int(v) for v in np.asarray(a).ravel()]


out = {}

# --- splitters without shuffle: the exact folds --------------------------------------------------
strat = []
y_iris = load_iris().target
for y, k in ((rng.randint(0, 3, 23), 5), (np.array([2, 2, 0, 1, 2, 0, 2, 2, 1, 2, 0, 2, 2, 1, 2, 2]), 3),
             (y_iris, 5), (rng.choice([5, -1], 17, p=[0.8, 0.2]), 3), (rng.randint(0, 4, 40), 7)):
    folds = [ints(test) for _, test in StratifiedKFold(n_splits=k).split(np.zeros((len(y), 1)), y)]
    strat.append({"y": ints(y), "n_splits": k, "test_folds": folds})
out["stratified_kfold"] = strat
out["kfold"] = [{"n": n, "n_splits": k, "test_folds": [ints(t) for _, t in KFold(n_splits=k).split(np.zeros((n, 1)))]}
                for n, k in ((23, 5), (10, 3), (7, 7))]

# --- train_test_split sizes ----------------------------------------------------------------------
sizes = []
for n, test, train in ((100, None, None), (10, 0.25, None), (7, 0.33, None), (7, None, 0.33), (11, 3, None),
                       (11, None, 4), (20, 0.2, 0.5), (20, 5, 10), (9, 0.5, None), (150, 0.2, None)):
    tr, te = train_test_split(np.arange(n), test_size=test, train_size=train, random_state=0)
    sizes.append({"n": n, "test_size": test, "train_size": train, "n_train": len(tr), "n_test": len(te)})
out["train_test_split_sizes"] = sizes

# stratified: per-class counts (cases where the counts do not depend on the tie-breaking draw)
strat_split = []
for y, test in ((np.repeat([0, 1, 2], [50, 30, 20]), 0.3), (np.repeat([3, 7], [41, 19]), 0.2),
                (np.repeat([0, 1, 2, 3], [10, 20, 30, 43]), 0.3)):
    results = set()
    for seed in range(20):
        tr, te = train_test_split(np.arange(len(y)), test_size=test, stratify=y, random_state=seed)
        results.add((tuple(np.bincount(np.searchsorted(np.unique(y), y[tr]))),
                     tuple(np.bincount(np.searchsorted(np.unique(y), y[te])))))
    assert len(results) == 1, results
    (train_counts, test_counts), = results
    strat_split.append({"y": ints(y), "test_size": test, "train_counts": list(map(int, train_counts)),
                        "test_counts": list(map(int, test_counts))})
out["stratified_split"] = strat_split

# --- cross-validation of Ridge on diabetes --------------------------------------------------------
X, y = load_diabetes(return_X_y=True)
out["cross_val_score"] = {"r2": r(cross_val_score(Ridge(alpha=0.5), X, y, cv=5)),
                          "neg_mse": r(cross_val_score(Ridge(alpha=0.5), X, y, cv=3, scoring="neg_mean_squared_error"))}
grid = GridSearchCV(Ridge(), {"alpha": [0.01, 0.1, 1, 10], "fit_intercept": [True, False]}, cv=5,
                    return_train_score=True).fit(X, y)
cv = grid.cv_results_
out["grid_search"] = {"params": [{"alpha": p["alpha"], "fit_intercept": p["fit_intercept"]} for p in cv["params"]],
                      "mean_test_score": r(cv["mean_test_score"]), "std_test_score": r(cv["std_test_score"]),
                      "rank_test_score": ints(cv["rank_test_score"]), "mean_train_score": r(cv["mean_train_score"]),
                      "split0_test_score": r(cv["split0_test_score"]), "best_index": int(grid.best_index_),
                      "best_score": r(grid.best_score_), "test_score_on_X": r(grid.score(X[:50], y[:50]))}
tr, te = validation_curve(Ridge(), X, y, param_name="alpha", param_range=[0.01, 0.1, 1.0], cv=3)
out["validation_curve"] = {"train": r(tr), "test": r(te)}
sizes_abs, tr, te = learning_curve(Ridge(alpha=0.1), X, y, train_sizes=[0.1, 0.5, 1.0], cv=3)
out["learning_curve"] = {"sizes": ints(sizes_abs), "train": r(tr), "test": r(te)}

path = os.path.join(os.path.dirname(__file__), "..", "..", "tests", "golden", "model_selection.json")
with open(path, "w") as f:
    json.dump(out, f, indent=None, separators=(",", ":"))
print("wrote", os.path.normpath(path), os.path.getsize(path), "bytes")
