#!/usr/bin/python3
"""Golden references for axon's ml/tree (DecisionTreeClassifier/Regressor) and ml/ensemble
(RandomForestClassifier/Regressor).

Writes tests/golden/tree.json from scikit-learn 1.2: trees on iris (train: rows i % 3 != 0, test:
the others) and diabetes (train: the first 300 rows, test: the rest) under several options (their
structure, predictions and feature importances), export_text/export_graphviz of a depth-2 iris
tree, and random forests on digits (train: the first 1200 images, test: the rest) and diabetes.
For each tree config it also records whether random_state 0..9 all give the same tree
("seed_invariant"): when they do, no ties between features decide the tree.

Run with Debian's Python (the pyenv python3 first on PATH has no scikit-learn):
    /usr/bin/python3 tools/golden/make_tree_golden.py
"""
import json
import os

import numpy as np
import sklearn
from sklearn import datasets
from sklearn.ensemble import RandomForestClassifier, RandomForestRegressor
from sklearn.tree import DecisionTreeClassifier, DecisionTreeRegressor, export_graphviz, export_text

ROOT = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "..")


def r17(v):
    return float(f"{float(v):.17g}")


def tree_record(est, Xte, classifier, with_arrays):
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


def same_tree(a, b):
    return (a.tree_.node_count == b.tree_.node_count and np.array_equal(a.tree_.feature, b.tree_.feature)
            and np.array_equal(a.tree_.threshold, b.tree_.threshold))


def main():
    out = {"versions": {"sklearn": sklearn.__version__, "numpy": np.__version__}}

    iris = datasets.load_iris()
    idx = np.arange(150)
    tr, te = idx % 3 != 0, idx % 3 == 0
    Xtr, ytr, Xte = iris.data[tr], iris.target[tr], iris.data[te]
    out["iris"] = {}
    configs = {
        "default": {},
        "entropy": {"criterion": "entropy"},
        "depth3_leaf5": {"max_depth": 3, "min_samples_leaf": 5},
        "max_leaf_nodes5": {"max_leaf_nodes": 5},
        "balanced": {"class_weight": "balanced", "max_depth": 4},
        "ccp": {"ccp_alpha": 0.02},
        "min_impurity_decrease": {"min_impurity_decrease": 0.01, "min_samples_split": 10},
        "max_features2_seed0": {"max_features": 2},
        "max_features2_seed7": {"max_features": 2, "random_state": 7},
        "sqrt_seed3": {"max_features": "sqrt", "random_state": 3, "criterion": "log_loss"},
        # sample_weight i % 4 (a quarter of the rows weigh 0), times the balanced class weights
        "weighted": {"sample_weight": True},
        "weighted_balanced_depth3": {"sample_weight": True, "class_weight": "balanced", "max_depth": 3},
    }
    for name, kw in configs.items():
        kw = dict(kw)
        seed = kw.pop("random_state", 0)
        sw = (np.arange(len(ytr)) % 4).astype(float) if kw.pop("sample_weight", False) else None
        est = DecisionTreeClassifier(random_state=seed, **kw).fit(Xtr, ytr, sample_weight=sw)
        rec = tree_record(est, Xte, True, True)
        rec["random_state"] = seed
        rec["seed_invariant"] = all(same_tree(est, DecisionTreeClassifier(random_state=s, **kw).fit(Xtr, ytr, sample_weight=sw))
                                    for s in range(10))
        out["iris"][name] = rec

    small = DecisionTreeClassifier(max_depth=2, random_state=0).fit(iris.data, iris.target)
    out["iris_export_text"] = export_text(small, feature_names=list(iris.feature_names))
    out["iris_export_text_default"] = export_text(small, show_weights=True, decimals=3)
    out["iris_export_graphviz"] = export_graphviz(small, feature_names=list(iris.feature_names))
    deeper = DecisionTreeClassifier(random_state=0).fit(iris.data, iris.target)
    out["iris_export_text_truncated"] = export_text(deeper, max_depth=2)

    diabetes = datasets.load_diabetes()
    Xd, yd = diabetes.data, diabetes.target
    out["diabetes"] = {}
    rconfigs = {
        "default": {},
        "depth4": {"max_depth": 4},
        "leaf5": {"min_samples_leaf": 5},
        "max_leaf_nodes10": {"max_leaf_nodes": 10},
        "ccp": {"ccp_alpha": 20.0},
        "max_features3_seed0": {"max_features": 3},
        "max_features05_seed11": {"max_features": 0.5, "random_state": 11, "max_depth": 6},
        "friedman_depth6": {"criterion": "friedman_mse", "max_depth": 6},
        # sample_weight 0.25 + 0.5 · (i % 3)
        "friedman_weighted_leaves12": {"criterion": "friedman_mse", "max_leaf_nodes": 12, "sample_weight": True},
        "weighted_depth5": {"max_depth": 5, "sample_weight": True},
    }
    for name, kw in rconfigs.items():
        kw = dict(kw)
        seed = kw.pop("random_state", 0)
        sw = 0.25 + 0.5 * (np.arange(300) % 3) if kw.pop("sample_weight", False) else None
        est = DecisionTreeRegressor(random_state=seed, **kw).fit(Xd[:300], yd[:300], sample_weight=sw)
        rec = tree_record(est, Xd[300:], False, name != "default" and name != "leaf5" and name != "max_features3_seed0")
        rec["random_state"] = seed
        rec["seed_invariant"] = all(same_tree(est, DecisionTreeRegressor(random_state=s, **kw).fit(Xd[:300], yd[:300], sample_weight=sw))
                                    for s in range(10))
        out["diabetes"][name] = rec
    small_r = DecisionTreeRegressor(max_depth=2, random_state=0).fit(Xd, yd)
    out["diabetes_export_text"] = export_text(small_r, feature_names=list(diabetes.feature_names))
    out["diabetes_export_graphviz"] = export_graphviz(small_r)

    digits = datasets.load_digits()
    Xg, yg = digits.data, digits.target
    out["digits_forest"] = {}
    for name, kw in {"default": {"oob_score": True}, "entropy_depth8": {"criterion": "entropy", "max_depth": 8, "n_estimators": 30},
                     "max_samples05": {"max_samples": 0.5, "n_estimators": 40, "max_features": 0.2}}.items():
        rf = RandomForestClassifier(random_state=0, n_jobs=2, **kw).fit(Xg[:1200], yg[:1200])
        rec = {"accuracy": r17(rf.score(Xg[1200:], yg[1200:])), "predict": [int(v) for v in rf.predict(Xg[1200:])],
               "proba_sum_col0": r17(rf.predict_proba(Xg[1200:])[:, 0].sum()),
               "feature_importances": [r17(v) for v in rf.feature_importances_],
               "node_counts": [int(e.tree_.node_count) for e in rf.estimators_]}
        if kw.get("oob_score"):
            rec["oob_score"] = r17(rf.oob_score_)
        out["digits_forest"][name] = rec
    rfr = RandomForestRegressor(n_estimators=30, random_state=0, oob_score=True).fit(Xd[:300], yd[:300])
    out["diabetes_forest"] = {"predict": [r17(v) for v in rfr.predict(Xd[300:])], "oob_score": r17(rfr.oob_score_),
                              "feature_importances": [r17(v) for v in rfr.feature_importances_],
                              "node_counts": [int(e.tree_.node_count) for e in rfr.estimators_]}

    path = os.path.join(ROOT, "tests", "golden", "tree.json")
    with open(path, "w") as f:
        json.dump(out, f, separators=(",", ":"))
        f.write("\n")
    print(f"wrote {path} ({os.path.getsize(path)} bytes)")
    for group in ("iris", "diabetes"):
        for name, rec in out[group].items():
            print(group, name, "nodes", rec["node_count"], "seed_invariant", rec["seed_invariant"])


if __name__ == "__main__":
    main()
