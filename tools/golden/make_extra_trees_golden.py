#!/usr/bin/python3
"""Golden references for axon's extremely randomized trees and the absolute_error criterion.

Writes tests/golden/extra_trees.json from scikit-learn 1.2:
- ExtraTreeClassifier on iris (train: rows i % 3 != 0, test: the others) and ExtraTreeRegressor on
  diabetes (train: the first 300 rows, test: the rest) under several option sets and seeds: the
  tree's arrays (features, thresholds, children, impurities, samples), predictions, importances;
- DecisionTreeRegressor(criterion="absolute_error") on the same diabetes split (best and random
  splitters);
- ExtraTreesClassifier on digits (train: the first 1200 images, test: the rest) and
  ExtraTreesRegressor on diabetes: node count of every tree, predictions, accuracy/R², importances;
- RandomForestRegressor(criterion="absolute_error") on diabetes (bootstrap counts as weights).

Run with Debian's Python (the pyenv python3 first on PATH has no scikit-learn):
    /usr/bin/python3 tools/golden/make_extra_trees_golden.py
"""
import json
import os

import numpy as np
import sklearn
from sklearn import datasets
from sklearn.ensemble import ExtraTreesClassifier, ExtraTreesRegressor, RandomForestRegressor
from sklearn.tree import DecisionTreeRegressor, ExtraTreeClassifier, ExtraTreeRegressor

ROOT = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "..")


def r17(v):
    return float(f"{float(v):.17g}")


def tree_record(est, Xte, classifier, with_arrays=True):
    t = est.tree_
    out = {
        "node_count": int(t.node_count),
        "depth": int(est.get_depth()),
        "n_leaves": int(est.get_n_leaves()),
        "feature_importances": [r17(v) for v in est.feature_importances_],
        "predict": [int(v) if classifier else r17(v) for v in est.predict(Xte)],
        "apply": [int(v) for v in est.apply(Xte)],
    }
    if classifier:
        out["proba_sum_col0"] = r17(est.predict_proba(Xte)[:, 0].sum())
    if with_arrays:
        out["feature"] = [int(v) for v in t.feature]
        out["threshold"] = [r17(v) for v in t.threshold]
        out["children_left"] = [int(v) for v in t.children_left]
        out["impurity"] = [r17(v) for v in t.impurity]
        out["n_node_samples"] = [int(v) for v in t.n_node_samples]
    return out


def main():
    out = {"versions": {"sklearn": sklearn.__version__, "numpy": np.__version__}}

    iris = datasets.load_iris()
    idx = np.arange(150)
    tr, te = idx % 3 != 0, idx % 3 == 0
    Xtr, ytr, Xte = iris.data[tr], iris.target[tr], iris.data[te]
    out["iris_extra_tree"] = {}
    configs = {
        "default_seed0": {"random_state": 0},
        "default_seed7": {"random_state": 7},
        "entropy_seed1": {"criterion": "entropy", "random_state": 1},
        "all_features_seed2": {"max_features": None, "random_state": 2},
        "depth3_leaf5_seed3": {"max_depth": 3, "min_samples_leaf": 5, "random_state": 3},
        "max_leaf_nodes6_seed4": {"max_leaf_nodes": 6, "random_state": 4},
        "balanced_seed5": {"class_weight": "balanced", "random_state": 5},
        # sample_weight i % 4 (a quarter of the rows weigh 0)
        "weighted_seed6": {"sample_weight": True, "random_state": 6},
        "min_weight_fraction_seed8": {"min_weight_fraction_leaf": 0.1, "random_state": 8},
    }
    for name, kw in configs.items():
        kw = dict(kw)
        sw = (np.arange(len(ytr)) % 4).astype(float) if kw.pop("sample_weight", False) else None
        est = ExtraTreeClassifier(**kw).fit(Xtr, ytr, sample_weight=sw)
        out["iris_extra_tree"][name] = tree_record(est, Xte, True)

    diabetes = datasets.load_diabetes()
    Xd, yd = diabetes.data, diabetes.target
    out["diabetes_extra_tree"] = {}
    rconfigs = {
        "default_seed0": {"random_state": 0},
        "depth6_seed5": {"max_depth": 6, "random_state": 5},
        "max_features05_seed11": {"max_features": 0.5, "random_state": 11, "max_depth": 8},
        "sqrt_leaf3_seed2": {"max_features": "sqrt", "min_samples_leaf": 3, "random_state": 2},
        "friedman_leaves15_seed3": {"criterion": "friedman_mse", "max_leaf_nodes": 15, "random_state": 3},
        "absolute_error_depth6_seed4": {"criterion": "absolute_error", "max_depth": 6, "random_state": 4},
        "absolute_error_seed9": {"criterion": "absolute_error", "random_state": 9},
        # sample_weight 0.25 + 0.5 · (i % 3)
        "weighted_depth7_seed6": {"max_depth": 7, "sample_weight": True, "random_state": 6},
        "absolute_error_weighted_depth5_seed7": {"criterion": "absolute_error", "max_depth": 5, "sample_weight": True,
                                                 "random_state": 7},
    }
    for name, kw in rconfigs.items():
        kw = dict(kw)
        sw = 0.25 + 0.5 * (np.arange(300) % 3) if kw.pop("sample_weight", False) else None
        est = ExtraTreeRegressor(**kw).fit(Xd[:300], yd[:300], sample_weight=sw)
        out["diabetes_extra_tree"][name] = tree_record(est, Xd[300:], False)

    out["diabetes_absolute_error"] = {}
    aconfigs = {
        "default": {},
        "depth4": {"max_depth": 4},
        "leaf5": {"min_samples_leaf": 5},
        "max_leaf_nodes10": {"max_leaf_nodes": 10},
        "max_features3_seed0": {"max_features": 3},
        "ccp": {"ccp_alpha": 2.0},
        "weighted_depth5": {"max_depth": 5, "sample_weight": True},
        "random_splitter_seed3": {"splitter": "random", "random_state": 3},
    }
    for name, kw in aconfigs.items():
        kw = dict(kw)
        kw.setdefault("random_state", 0)
        sw = 0.25 + 0.5 * (np.arange(300) % 3) if kw.pop("sample_weight", False) else None
        est = DecisionTreeRegressor(criterion="absolute_error", **kw).fit(Xd[:300], yd[:300], sample_weight=sw)
        rec = tree_record(est, Xd[300:], False)
        rec["random_state"] = kw["random_state"]
        out["diabetes_absolute_error"][name] = rec

    digits = datasets.load_digits()
    Xg, yg = digits.data, digits.target
    out["digits_extra_trees"] = {}
    for name, kw in {"n30": {"n_estimators": 30},
                     "bootstrap_oob_entropy": {"n_estimators": 20, "bootstrap": True, "oob_score": True,
                                               "criterion": "entropy", "max_features": 0.2, "max_depth": 10}}.items():
        et = ExtraTreesClassifier(random_state=0, n_jobs=2, **kw).fit(Xg[:1200], yg[:1200])
        rec = {"accuracy": r17(et.score(Xg[1200:], yg[1200:])), "predict": [int(v) for v in et.predict(Xg[1200:])],
               "proba_sum_col0": r17(et.predict_proba(Xg[1200:])[:, 0].sum()),
               "feature_importances": [r17(v) for v in et.feature_importances_],
               "node_counts": [int(e.tree_.node_count) for e in et.estimators_],
               "apply_row0": [int(v) for v in et.apply(Xg[1200:1201])[0]]}
        if kw.get("oob_score"):
            rec["oob_score"] = r17(et.oob_score_)
        out["digits_extra_trees"][name] = rec

    out["diabetes_extra_trees"] = {}
    for name, kw in {"n20": {"n_estimators": 20},
                     "absolute_error_n5_depth6": {"n_estimators": 5, "criterion": "absolute_error", "max_depth": 6},
                     "bootstrap_oob_sqrt": {"n_estimators": 15, "bootstrap": True, "oob_score": True, "max_features": "sqrt"}}.items():
        et = ExtraTreesRegressor(random_state=0, **kw).fit(Xd[:300], yd[:300])
        rec = {"predict": [r17(v) for v in et.predict(Xd[300:])], "r2": r17(et.score(Xd[300:], yd[300:])),
               "feature_importances": [r17(v) for v in et.feature_importances_],
               "node_counts": [int(e.tree_.node_count) for e in et.estimators_]}
        if kw.get("oob_score"):
            rec["oob_score"] = r17(et.oob_score_)
        out["diabetes_extra_trees"][name] = rec

    # RandomForestRegressor with absolute_error: bootstrap counts are sample weights 0, 1, 2, ...
    rf = RandomForestRegressor(n_estimators=5, criterion="absolute_error", max_depth=6, random_state=0,
                               oob_score=True).fit(Xd[:300], yd[:300])
    out["diabetes_rf_absolute_error"] = {"predict": [r17(v) for v in rf.predict(Xd[300:])], "oob_score": r17(rf.oob_score_),
                                         "feature_importances": [r17(v) for v in rf.feature_importances_],
                                         "node_counts": [int(e.tree_.node_count) for e in rf.estimators_],
                                         "thresholds_tree0": [r17(v) for v in rf.estimators_[0].tree_.threshold]}

    path = os.path.join(ROOT, "tests", "golden", "extra_trees.json")
    with open(path, "w") as f:
        json.dump(out, f, separators=(",", ":"))
        f.write("\n")
    print(f"wrote {path} ({os.path.getsize(path)} bytes)")
    for group in ("iris_extra_tree", "diabetes_extra_tree", "diabetes_absolute_error"):
        for name, rec in out[group].items():
            print(group, name, "nodes", rec["node_count"], "depth", rec["depth"])
    for group in ("digits_extra_trees", "diabetes_extra_trees"):
        for name, rec in out[group].items():
            print(group, name, "nodes", sum(rec["node_counts"]))


if __name__ == "__main__":
    main()
