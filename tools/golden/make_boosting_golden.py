#!/usr/bin/python3
"""Golden references for axon's boosting and bagging ensembles (ml/ensemble):
GradientBoostingRegressor/Classifier, AdaBoostClassifier and BaggingClassifier/Regressor, and the
numpy RandomState draws they make (random_sample, permutation, sample_without_replacement,
_random_sample_mask).

Writes tests/golden/boosting.json from scikit-learn 1.2 on:
  diabetes (scaled, as sklearn's default): train the first 300 rows, test the rest;
  breast_cancer: train the first 400 rows, test the rest;
  iris and wine: train rows i % 3 != 0, test the others;
  digits: train the first 500 images, test the next 300.
Per-test-row arrays keep their first 40 rows (the JSON stays under 200 KB). Every estimator gets a
random_state (0 unless the configuration names one): its splitters break exact ties between
features by their random feature order, so an unseeded run is not reproducible.

Run with Debian's Python (the pyenv python3 first on PATH has no scikit-learn):
    /usr/bin/python3 tools/golden/make_boosting_golden.py
"""
import json
import os

import numpy as np
import sklearn
from sklearn import datasets
from sklearn.ensemble import (AdaBoostClassifier, BaggingClassifier, BaggingRegressor, GradientBoostingClassifier,
                              GradientBoostingRegressor)
from sklearn.ensemble._gradient_boosting import _random_sample_mask
from sklearn.neighbors import KNeighborsClassifier, KNeighborsRegressor
from sklearn.tree import DecisionTreeClassifier, DecisionTreeRegressor
from sklearn.utils.random import sample_without_replacement

ROOT = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "..")


def r17(v):
    return float(f"{float(v):.17g}")


def vec(a):
    return [r17(v) for v in np.ravel(a)]


def head(a, rows=40):
    """The first rows of a per-test-row array (keeps the JSON small)."""
    return np.asarray(a)[:rows]


def ints(a):
    return [int(v) for v in np.ravel(a)]


def numpy_random():
    out = {}
    out["random_sample_seed5"] = vec(np.random.RandomState(5).random_sample(7))
    out["permutation_seed3_n10"] = ints(np.random.RandomState(3).permutation(10))
    out["permutation_seed0_n300"] = ints(np.random.RandomState(0).permutation(300))
    cases = []
    for n, k, seed in [(100, 50, 0), (1000, 5, 1), (100, 30, 2), (100, 100, 3), (10, 10, 4), (1000, 995, 5),
                       (64, 32, 6), (30, 1, 7), (400, 200, 8)]:
        cases.append({"n": n, "k": k, "seed": seed,
                      "out": ints(sample_without_replacement(n, k, random_state=np.random.RandomState(seed)))})
    out["sample_without_replacement"] = cases
    rs = np.random.RandomState(3)
    out["random_sample_mask_seed3"] = [ints(_random_sample_mask(20, 16, rs)) for _ in range(3)]
    return out


def gb_regressor(Xtr, ytr, Xte):
    configs = {
        "squared_error": {"loss": "squared_error"},
        "absolute_error": {"loss": "absolute_error"},
        "huber": {"loss": "huber"},
        "quantile": {"loss": "quantile", "alpha": 0.8},
        "squared_subsample": {"loss": "squared_error", "subsample": 0.8, "random_state": 0},
        "huber_subsample": {"loss": "huber", "subsample": 0.7, "random_state": 3, "max_depth": 2},
        "lad_subsample_maxfeat": {"loss": "absolute_error", "subsample": 0.8, "max_features": 0.5, "random_state": 1},
        "squared_maxfeat_leaves": {"max_features": 3, "max_leaf_nodes": 6, "random_state": 2, "learning_rate": 0.2},
        "weighted_huber": {"loss": "huber", "sample_weight": True, "min_samples_leaf": 3},
        "zero_init": {"init": "zero", "learning_rate": 0.3},
        "early_stopping": {"n_estimators": 300, "n_iter_no_change": 5, "validation_fraction": 0.2,
                           "learning_rate": 0.3, "random_state": 4},
    }
    out = {}
    for name, kw in configs.items():
        kw = dict(kw)
        sw = (1.0 + np.arange(len(ytr)) % 3) if kw.pop("sample_weight", False) else None
        kw.setdefault("random_state", 0)
        kw.setdefault("n_estimators", 30)
        est = GradientBoostingRegressor(**kw).fit(Xtr, ytr, sample_weight=sw)
        staged = list(est.staged_predict(Xte))
        rec = {
            "options": kw,
            "train_score": vec(est.train_score_),
            "predict": vec(head(est.predict(Xte))),
            "staged_1": vec(head(staged[0])),
            "staged_10": vec(head(staged[9])),
            "feature_importances": vec(est.feature_importances_),
            "node_counts": ints([t[0].tree_.node_count for t in est.estimators_]),
            "n_estimators_": int(est.n_estimators_),
        }
        if hasattr(est, "oob_improvement_"):
            rec["oob_improvement"] = vec(est.oob_improvement_)
        out[name] = rec
    return out


def gb_classifier(data):
    configs = {
        "binary": ("cancer", {}),
        "binary_subsample": ("cancer", {"subsample": 0.8, "random_state": 0, "max_features": "sqrt"}),
        "binary_weighted": ("cancer", {"sample_weight": True, "max_depth": 2, "learning_rate": 0.3}),
        # Multinomial deviance goes through np.exp, which numpy computes with Intel's SVML on
        # AVX-512 machines (this one): about a quarter of its results differ from glibc's exp in
        # the last bit, and a split between two features that cut a node's rows the same way is
        # decided by such last bits. These configurations have no such near-ties.
        "multiclass": ("iris", {"max_depth": 1, "n_estimators": 10}),
        "multiclass_subsample": ("wine", {"subsample": 0.7, "random_state": 1, "max_features": 4,
                                          "min_samples_leaf": 5}),
        "wine_depth2_subsample": ("wine", {"max_depth": 2, "min_samples_leaf": 8, "subsample": 0.6,
                                           "random_state": 5}),
        "digits": ("digits", {"n_estimators": 5, "max_depth": 2, "min_samples_leaf": 10}),
        "binary_early_stopping": ("cancer", {"n_estimators": 200, "n_iter_no_change": 3, "learning_rate": 0.5,
                                             "random_state": 2}),
        "multiclass_early_stopping": ("iris", {"n_estimators": 100, "max_depth": 1, "n_iter_no_change": 2,
                                               "validation_fraction": 0.3, "learning_rate": 0.5}),
    }
    out = {}
    for name, (ds, kw) in configs.items():
        Xtr, ytr, Xte = data[ds]
        kw = dict(kw)
        sw = (1.0 + np.arange(len(ytr)) % 4) if kw.pop("sample_weight", False) else None
        n_est = kw.pop("n_estimators", 25)
        kw.setdefault("random_state", 0)
        est = GradientBoostingClassifier(n_estimators=n_est, **kw).fit(Xtr, ytr, sample_weight=sw)
        staged_p = list(est.staged_predict_proba(Xte))
        staged_d = list(est.staged_decision_function(Xte))
        rec = {
            "dataset": ds,
            "options": kw,
            "n_estimators": n_est,
            "train_score": vec(est.train_score_),
            "decision_function": vec(head(est.decision_function(Xte))),
            "predict_proba": vec(head(est.predict_proba(Xte))),
            "predict": ints(head(est.predict(Xte))),
            "staged_proba_1": vec(head(staged_p[0])),
            "staged_decision_5": vec(head(staged_d[4])),
            "staged_predict_3": ints(head(list(est.staged_predict(Xte))[2])),
            "feature_importances": vec(est.feature_importances_),
            "node_counts": ints([t.tree_.node_count for t in est.estimators_.ravel()]),
            "n_estimators_": int(est.n_estimators_),
        }
        if hasattr(est, "oob_improvement_"):
            rec["oob_improvement"] = vec(est.oob_improvement_)
        out[name] = rec
    return out


def adaboost(data):
    configs = {
        "cancer_samme": ("cancer", {"algorithm": "SAMME"}),
        "cancer_samme_r": ("cancer", {"algorithm": "SAMME.R", "n_estimators": 30}),
        # AdaBoost's weight update exp(log(w) + ...) goes through numpy's exp and log (SVML on this
        # machine, last bits unlike glibc's); digits' pixels offer many splits that cut the rows
        # alike, decided by such bits, so the deeper multiclass run is on wine.
        "wine_samme": ("wine", {"algorithm": "SAMME", "n_estimators": 30,
                                "estimator": ("tree", {"max_depth": 2})}),
        "digits_samme_sqrt": ("digits", {"algorithm": "SAMME", "n_estimators": 20, "learning_rate": 0.5,
                                         "random_state": 0,
                                         "estimator": ("tree", {"max_depth": 2, "max_features": "sqrt"})}),
        "iris_samme_r_sqrt": ("iris", {"algorithm": "SAMME.R", "n_estimators": 15, "random_state": 2,
                                       "estimator": ("tree", {"max_depth": 2, "max_features": 2})}),
    }
    out = {}
    for name, (ds, kw) in configs.items():
        Xtr, ytr, Xte = data[ds]
        kw = dict(kw)
        base = kw.pop("estimator", None)
        est_kw = dict(kw)
        if base is not None:
            est_kw["estimator"] = DecisionTreeClassifier(**base[1])
        est_kw.setdefault("random_state", 0)
        kw.setdefault("random_state", 0)
        est = AdaBoostClassifier(**est_kw).fit(Xtr, ytr)
        yte = data[ds + "_yte"]
        rec = {
            "dataset": ds,
            "options": kw,
            "base": base[1] if base else None,
            "estimator_weights": vec(est.estimator_weights_),
            "estimator_errors": vec(est.estimator_errors_),
            "n_fitted": len(est.estimators_),
            "predict": ints(head(est.predict(Xte))),
            "decision_function": vec(head(est.decision_function(Xte))),
            "predict_proba": vec(head(est.predict_proba(Xte))),
            "staged_score": vec(list(est.staged_score(Xte, yte))),
            "staged_predict_2": ints(head(list(est.staged_predict(Xte))[1])),
        }
        out[name] = rec
    return out


def bagging(data, Xd, yd):
    out = {}
    cls_configs = {
        "cancer_tree_oob": ("cancer", {"oob_score": True, "random_state": 0}),
        "cancer_tree_subspace": ("cancer", {"max_samples": 0.7, "max_features": 0.6, "bootstrap": False,
                                            "random_state": 1, "n_estimators": 8}),
        "iris_tree_bootfeat": ("iris", {"bootstrap_features": True, "max_features": 3, "max_samples": 60,
                                        "random_state": 2, "oob_score": True, "n_estimators": 12,
                                        "estimator": ("tree", {"max_depth": 3, "max_features": 2})}),
        "cancer_knn_oob": ("cancer", {"oob_score": True, "random_state": 3, "max_samples": 0.5,
                                      "estimator": ("knn", {"n_neighbors": 5})}),
        # (iris's few distinct values give neighbours at equal distances; wine's do not)
        "wine_knn_subspace": ("wine", {"max_features": 5, "random_state": 4, "n_estimators": 7,
                                       "estimator": ("knn", {"n_neighbors": 3})}),
    }
    for name, (ds, kw) in cls_configs.items():
        Xtr, ytr, Xte = data[ds]
        kw = dict(kw)
        base = kw.pop("estimator", None)
        est_kw = dict(kw)
        if base is not None:
            est_kw["estimator"] = (DecisionTreeClassifier if base[0] == "tree" else KNeighborsClassifier)(**base[1])
        est = BaggingClassifier(**est_kw).fit(Xtr, ytr)
        rec = {
            "dataset": ds,
            "options": kw,
            "base": list(base) if base else None,
            "predict": ints(head(est.predict(Xte))),
            "predict_proba": vec(head(est.predict_proba(Xte))),
            "features": [ints(f) for f in est.estimators_features_],
        }
        if kw.get("oob_score"):
            rec["oob_score"] = r17(est.oob_score_)
            rec["oob_decision_function"] = vec(head(est.oob_decision_function_))
        out[name] = rec
    reg_configs = {
        "diabetes_tree_oob": {"oob_score": True, "random_state": 0, "n_estimators": 10},
        "diabetes_tree_subspace": {"max_samples": 0.5, "max_features": 0.7, "bootstrap_features": True,
                                   "random_state": 5, "n_estimators": 6,
                                   "estimator": ("tree", {"max_depth": 4, "max_features": 0.5})},
        "diabetes_knn_oob": {"oob_score": True, "random_state": 6, "n_estimators": 10,
                             "estimator": ("knn", {"n_neighbors": 7})},
    }
    for name, kw in reg_configs.items():
        kw = dict(kw)
        base = kw.pop("estimator", None)
        est_kw = dict(kw)
        if base is not None:
            est_kw["estimator"] = (DecisionTreeRegressor if base[0] == "tree" else KNeighborsRegressor)(**base[1])
        est = BaggingRegressor(**est_kw).fit(Xd[:300], yd[:300])
        rec = {
            "options": kw,
            "base": list(base) if base else None,
            "predict": vec(head(est.predict(Xd[300:]))),
            "features": [ints(f) for f in est.estimators_features_],
        }
        if kw.get("oob_score"):
            rec["oob_score"] = r17(est.oob_score_)
            rec["oob_prediction"] = vec(head(est.oob_prediction_))
        out[name] = rec
    return out


def main():
    out = {"versions": {"sklearn": sklearn.__version__, "numpy": np.__version__}}
    out["numpy_random"] = numpy_random()

    diabetes = datasets.load_diabetes()
    Xd, yd = diabetes.data, diabetes.target
    out["gb_regressor"] = gb_regressor(Xd[:300], yd[:300], Xd[300:])

    cancer = datasets.load_breast_cancer()
    iris = datasets.load_iris()
    wine = datasets.load_wine()
    digits = datasets.load_digits()
    idx = np.arange(150)
    tr, te = idx % 3 != 0, idx % 3 == 0
    idx178 = np.arange(178)
    data = {
        "cancer": (cancer.data[:400], cancer.target[:400], cancer.data[400:]),
        "cancer_yte": cancer.target[400:],
        "iris": (iris.data[tr], iris.target[tr], iris.data[te]),
        "iris_yte": iris.target[te],
        "wine": (wine.data[idx178 % 3 != 0], wine.target[idx178 % 3 != 0], wine.data[idx178 % 3 == 0]),
        "wine_yte": wine.target[idx178 % 3 == 0],
        "digits": (digits.data[:500], digits.target[:500], digits.data[500:800]),
        "digits_yte": digits.target[500:800],
    }
    out["gb_classifier"] = gb_classifier(data)
    out["adaboost"] = adaboost(data)
    out["bagging"] = bagging(data, Xd, yd)

    path = os.path.join(ROOT, "tests", "golden", "boosting.json")
    with open(path, "w") as f:
        json.dump(out, f, separators=(",", ":"))
        f.write("\n")
    print(f"wrote {path} ({os.path.getsize(path)} bytes)")


if __name__ == "__main__":
    main()
