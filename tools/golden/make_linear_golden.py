#!/usr/bin/python3
"""References for axon's sklearn.linear_model, PolynomialFeatures and OLS statistics.

Run with Debian's interpreter (scikit-learn 1.2, numpy, scipy):
    /usr/bin/python3 tools/golden/make_linear_golden.py
writes tests/golden/linear_model.json. Datasets are scikit-learn's own loaders (the same files the
axon loaders read). Standardization is StandardScaler's (population std; a constant column keeps
scale 1), which the tests redo themselves.
"""
import json
import os
import warnings

import numpy as np
import scipy.stats
from sklearn.datasets import load_breast_cancer, load_diabetes, load_digits
from sklearn.linear_model import ElasticNet, Lasso, LinearRegression, LogisticRegression, Ridge
from sklearn.preprocessing import PolynomialFeatures, StandardScaler

warnings.simplefilter("ignore")


def r(a):
    """Nested lists of floats rounded to 17 significant digits."""
    a = np.asarray(a, dtype=float)
    if a.ndim == 0:
        return float(f"{float(a):.17g}")
    return [r(v) for v in a]


def labels(a):
    return "".join(str(int(v)) for v in a)


out = {}

# --- LinearRegression / Ridge / Lasso / ElasticNet on diabetes --------------------------------
X, y = load_diabetes(return_X_y=True)
lin = {}
for fi in (True, False):
    m = LinearRegression(fit_intercept=fi).fit(X, y)
    lin["fit_intercept" if fi else "no_intercept"] = {"coef": r(m.coef_), "intercept": r(m.intercept_)}
# rank-deficient: columns 0, 1, 2, then 2·col0 and a copy of col 2 (exact dependences) (lstsq's minimum-norm answer)
Xd = np.column_stack([X[:, 0], X[:, 1], X[:, 2], 2 * X[:, 0], X[:, 2]])
m = LinearRegression().fit(Xd, y)
lin["rank_deficient"] = {"coef": r(m.coef_), "intercept": r(m.intercept_)}
out["linear_regression"] = lin

ridge = []
for alpha in (1.0, 0.1):
    for fi in (True, False):
        m = Ridge(alpha=alpha, fit_intercept=fi).fit(X, y)
        ridge.append({"alpha": alpha, "fit_intercept": fi, "coef": r(m.coef_), "intercept": r(m.intercept_)})
out["ridge"] = ridge

enet = []
for alpha, l1 in ((0.1, 1.0), (0.5, 1.0), (0.01, 1.0), (0.1, 0.5), (0.5, 0.5), (0.01, 0.7)):
    for fi in (True, False):
        m = ElasticNet(alpha=alpha, l1_ratio=l1, fit_intercept=fi).fit(X, y)
        if l1 == 1.0:
            assert np.allclose(Lasso(alpha=alpha, fit_intercept=fi).fit(X, y).coef_, m.coef_, rtol=0, atol=0)
        enet.append({"alpha": alpha, "l1_ratio": l1, "fit_intercept": fi, "coef": r(m.coef_),
                     "intercept": r(m.intercept_), "n_iter": int(m.n_iter_)})
out["elastic_net"] = enet

# --- LogisticRegression -----------------------------------------------------------------------
Xb, yb = load_breast_cancer(return_X_y=True)
Xbs = StandardScaler().fit_transform(Xb)
logit = {}
for key, kw in (("l2", {}), ("l2_C0.1", {"C": 0.1}), ("balanced", {"class_weight": "balanced"}),
                ("none", {"penalty": "none"})):
    m = LogisticRegression(**kw).fit(Xbs, yb)
    p = m.predict_proba(Xbs)
    logit[key] = {"coef": r(m.coef_), "intercept": r(m.intercept_), "n_iter": int(m.n_iter_[0]),
                  "predict": labels(m.predict(Xbs)), "proba_head": r(p[:5]),
                  "decision_head": r(m.decision_function(Xbs)[:5])}
l1 = {}
for C in (0.1, 1.0):
    lib = LogisticRegression(penalty="l1", solver="liblinear", C=C, tol=1e-8, max_iter=10000).fit(Xbs, yb)
    l1[str(C)] = {"liblinear_nonzero": labels(lib.coef_[0] != 0)}
saga = LogisticRegression(penalty="l1", solver="saga", C=0.1, tol=1e-10, max_iter=100000).fit(Xbs, yb)
l1["0.1"].update({"saga_coef": r(saga.coef_), "saga_intercept": r(saga.intercept_),
                  "saga_nonzero": labels(saga.coef_[0] != 0)})
logit["l1"] = l1

Xg, yg = load_digits(return_X_y=True)
Xgs = StandardScaler().fit_transform(Xg)
m = LogisticRegression().fit(Xgs, yg)
logit["digits"] = {"coef": r(m.coef_), "intercept": r(m.intercept_), "n_iter": int(m.n_iter_[0]),
                   "predict": labels(m.predict(Xgs)), "proba_head": r(m.predict_proba(Xgs)[:3])}
out["logistic_regression"] = logit

# --- PolynomialFeatures -----------------------------------------------------------------------
Xp = np.array([[1.0, 2.0, 3.0], [-1.0, 0.5, 4.0]])
poly = []
for degree, inter, bias in ((2, False, True), (3, False, False), (3, True, True), ((2, 3), False, True)):
    pf = PolynomialFeatures(degree=degree, interaction_only=inter, include_bias=bias).fit(Xp)
    poly.append({"degree": list(degree) if isinstance(degree, tuple) else degree, "interaction_only": inter,
                 "include_bias": bias, "out": r(pf.transform(Xp)),
                 "names": list(pf.get_feature_names_out(["a", "b", "c"]))})
out["polynomial_features"] = poly

# --- OLS statistics (statsmodels' formulas, written with numpy) --------------------------------
def ols(Xo, yo, alpha, Xnew):
    n, p = Xo.shape
    A = np.column_stack([np.ones(n), Xo])
    beta, *_ = np.linalg.lstsq(A, yo, rcond=None)
    resid = yo - A @ beta
    dof = n - p - 1
    s2 = resid @ resid / dof
    cov = s2 * np.linalg.inv(A.T @ A)
    se = np.sqrt(np.diag(cov))
    q = scipy.stats.t.ppf(1 - alpha / 2, dof)
    An = np.column_stack([np.ones(len(Xnew)), Xnew])
    mean = An @ beta
    se_mean = np.sqrt(np.einsum("ij,jk,ik->i", An, cov, An))
    se_pred = np.sqrt(se_mean ** 2 + s2)
    return {"alpha": alpha, "params": r(beta), "bse": r(se), "tvalues": r(beta / se),
            "pvalues": r(2 * scipy.stats.t.sf(np.abs(beta / se), dof)),
            "conf_int": r(np.column_stack([beta - q * se, beta + q * se])), "sigma2": r(s2), "df_resid": dof,
            "rsquared": r(1 - resid @ resid / np.sum((yo - yo.mean()) ** 2)),
            "X_new": r(Xnew), "mean": r(mean), "mean_ci": r(np.column_stack([mean - q * se_mean, mean + q * se_mean])),
            "obs_pi": r(np.column_stack([mean - q * se_pred, mean + q * se_pred]))}

o = {"diabetes": ols(X, y, 0.05, X[:4]),
     "bmi_only": ols(X[:, 2:3], y, 0.1, np.array([[-0.05], [0.0], [0.1]]))}
tq = []
for dof in (1, 2, 3, 5, 10, 30, 100, 431, 1000):
    for q in (0.5, 0.6, 0.9, 0.95, 0.975, 0.995, 0.9995, 0.025):
        tq.append([dof, q, r(scipy.stats.t.ppf(q, dof))])
o["t_ppf"] = tq
out["ols"] = o

path = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "..", "tests", "golden", "linear_model.json")
with open(path, "w") as f:
    json.dump(out, f, separators=(",", ":"))
print(path, os.path.getsize(path), "bytes")
