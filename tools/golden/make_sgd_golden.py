#!/usr/bin/python3
"""References for axon's SGDClassifier and SGDRegressor (sklearn.linear_model, plain SGD).

Run with Debian's interpreter (scikit-learn 1.2, numpy):
    /usr/bin/python3 tools/golden/make_sgd_golden.py
writes tests/golden/sgd.json. scikit-learn shuffles with its own generator, which axon does not
reproduce, so the exact cases use shuffle=False; the shuffle=True cases record only scores (the
mean over random_state 0..4), which the tests compare with a tolerance. Data are standardized with
StandardScaler (the tests redo it): breast_cancer and iris for the classifier, diabetes (raw y)
for the regressor.
"""
import json
import os
import warnings

import numpy as np
from sklearn.datasets import load_breast_cancer, load_diabetes, load_iris
from sklearn.linear_model import SGDClassifier, SGDRegressor
from sklearn.preprocessing import StandardScaler

warnings.simplefilter("ignore")  # ConvergenceWarning of the short max_iter cases


def r(a):
    """Nested lists of floats rounded to 17 significant digits."""
    a = np.asarray(a, dtype=float)
    if a.ndim == 0:
        return float(f"{float(a):.17g}")
    return [r(v) for v in a]


def labels(a):
    return "".join(str(int(v)) for v in a)


def classifier_case(X, y, **kw):
    m = SGDClassifier(shuffle=False, **kw).fit(X, y)
    case = {"params": kw, "coef": r(m.coef_), "intercept": r(m.intercept_), "n_iter": int(m.n_iter_),
            "t": float(m.t_), "predict": labels(m.predict(X)), "decision_head": r(m.decision_function(X[:5]))}
    if kw.get("loss") in ("log_loss", "modified_huber"):
        case["proba_head"] = r(m.predict_proba(X[:8]))
    return case


def regressor_case(X, y, **kw):
    m = SGDRegressor(shuffle=False, **kw).fit(X, y)
    return {"params": kw, "coef": r(m.coef_), "intercept": r(m.intercept_), "n_iter": int(m.n_iter_),
            "t": float(m.t_), "predict_head": r(m.predict(X[:5]))}


out = {}

bc = load_breast_cancer()
Xb, yb = StandardScaler().fit_transform(bc.data), bc.target
out["binary"] = {
    "hinge": classifier_case(Xb, yb),
    "log_loss_elasticnet": classifier_case(Xb, yb, loss="log_loss", penalty="elasticnet"),
    "modified_huber_l1_invscaling": classifier_case(Xb, yb, loss="modified_huber", penalty="l1",
                                                    learning_rate="invscaling", eta0=0.1),
    "squared_hinge_constant": classifier_case(Xb, yb, loss="squared_hinge", learning_rate="constant", eta0=0.001,
                                              max_iter=20, tol=None),
    "perceptron_none": classifier_case(Xb, yb, loss="perceptron", penalty=None, learning_rate="constant", eta0=1.0),
    "log_loss_adaptive": classifier_case(Xb, yb, loss="log_loss", learning_rate="adaptive", eta0=0.1, max_iter=60),
    "hinge_average": classifier_case(Xb, yb, average=True),
    "hinge_average_100": classifier_case(Xb, yb, average=100, alpha=1e-3),
    "hinge_balanced": classifier_case(Xb, yb, class_weight="balanced", alpha=1e-3),
    "log_loss_no_intercept": classifier_case(Xb, yb, loss="log_loss", fit_intercept=False, alpha=1e-3),
    "huber_loss": classifier_case(Xb, yb, loss="huber", epsilon=0.5, alpha=1e-3),
}

iris = load_iris()
Xi, yi = StandardScaler().fit_transform(iris.data), iris.target
out["multiclass"] = {
    "hinge": classifier_case(Xi, yi),
    "log_loss": classifier_case(Xi, yi, loss="log_loss", alpha=1e-3),
    "modified_huber": classifier_case(Xi, yi, loss="modified_huber", alpha=1e-2),
    "class_weight_map": classifier_case(Xi, yi, class_weight={0: 1.0, 1: 2.0, 2: 0.5}, alpha=1e-3),
    "hinge_average": classifier_case(Xi, yi, average=True, penalty="elasticnet", alpha=1e-3),
}

d = load_diabetes()
Xd, yd = StandardScaler().fit_transform(d.data), d.target
out["regressor"] = {
    "squared_error": regressor_case(Xd, yd),
    "huber_l1": regressor_case(Xd, yd, loss="huber", penalty="l1", epsilon=10.0, eta0=0.05, alpha=0.01),
    "epsilon_insensitive_elasticnet": regressor_case(Xd, yd, loss="epsilon_insensitive", penalty="elasticnet",
                                                     epsilon=5.0, eta0=0.05, l1_ratio=0.5),
    "squared_epsilon_insensitive": regressor_case(Xd, yd, loss="squared_epsilon_insensitive", epsilon=5.0, max_iter=100,
                                                  tol=None),
    "adaptive": regressor_case(Xd, yd, learning_rate="adaptive", eta0=0.005),
    "constant_none": regressor_case(Xd, yd, learning_rate="constant", eta0=0.001, penalty=None, max_iter=30, tol=None),
    "optimal_huber": regressor_case(Xd, yd, loss="huber", learning_rate="optimal", alpha=0.01, epsilon=1.0),
    "average": regressor_case(Xd, yd, average=True, max_iter=100, tol=None),
    "no_intercept": regressor_case(Xd, yd, fit_intercept=False, max_iter=20, tol=None),
}

# shuffle=True: scores only (mean over random_state 0..4).
seeds = range(5)
out["shuffled"] = {
    "binary_hinge_accuracy": float(np.mean([SGDClassifier(random_state=s).fit(Xb, yb).score(Xb, yb) for s in seeds])),
    "binary_log_loss_accuracy": float(np.mean(
        [SGDClassifier(loss="log_loss", random_state=s).fit(Xb, yb).score(Xb, yb) for s in seeds])),
    "iris_hinge_accuracy": float(np.mean([SGDClassifier(random_state=s).fit(Xi, yi).score(Xi, yi) for s in seeds])),
    "diabetes_r2": float(np.mean([SGDRegressor(random_state=s).fit(Xd, yd).score(Xd, yd) for s in seeds])),
}

path = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "..", "tests", "golden", "sgd.json")
with open(path, "w") as f:
    json.dump(out, f, separators=(",", ":"))
    f.write("\n")
print(f"wrote {os.path.normpath(path)} ({os.path.getsize(path)} bytes)")
