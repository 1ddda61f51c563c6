#!/usr/bin/python3
"""References for axon's sklearn.metrics and ml/decision.hpp.

Run with Debian's interpreter (scikit-learn 1.2, numpy):
    /usr/bin/python3 tools/golden/make_metrics_golden.py
writes tests/golden/metrics.json: random inputs (fixed seed) and scikit-learn's answers. The decision
costs are a numpy brute force over every threshold, independent of axon's sweep.
"""
import json
import os
import warnings

import numpy as np
from sklearn import metrics

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

# --- regression --------------------------------------------------------------------------------
yt, yp = rng.normal(3, 2, 30), rng.normal(3, 2, 30)
out["regression"] = {"y_true": r(yt), "y_pred": r(yp), "mse": r(metrics.mean_squared_error(yt, yp)),
                     "rmse": r(metrics.mean_squared_error(yt, yp, squared=False)),
                     "mae": r(metrics.mean_absolute_error(yt, yp)), "r2": r(metrics.r2_score(yt, yp))}

# --- precision / recall / f1 -------------------------------------------------------------------
def prf_case(yt, yp, averages, zero_divisions=(0, 1), pos_label=1):
    case = {"y_true": ints(yt), "y_pred": ints(yp), "pos_label": pos_label, "scores": []}
    for avg in averages:
        for zd in zero_divisions:
            kw = dict(average=avg, zero_division=zd)
            if avg == "binary":
                kw["pos_label"] = pos_label
            case["scores"].append({"average": avg, "zero_division": zd,
                                   "precision": r(metrics.precision_score(yt, yp, **kw)),
                                   "recall": r(metrics.recall_score(yt, yp, **kw)),
                                   "f1": r(metrics.f1_score(yt, yp, **kw))})
    return case


all4 = ("binary", "macro", "weighted", "micro")
prf = []
prf.append(prf_case(rng.randint(0, 2, 40), rng.randint(0, 2, 40), all4))
prf.append(prf_case(rng.randint(0, 2, 40), rng.randint(0, 2, 40), all4, pos_label=0))
prf.append(prf_case(rng.randint(0, 2, 20), np.zeros(20, int), all4))           # nothing predicted positive
prf.append(prf_case(np.zeros(12, int), rng.randint(0, 2, 12), all4))            # no positive samples
prf.append(prf_case(np.zeros(12, int), np.zeros(12, int), all4))                # one label only
prf.append(prf_case(rng.randint(0, 4, 50), rng.randint(0, 5, 50), all4[1:]))    # multiclass, label 4 never true
out["prf"] = prf

# --- confusion matrix and classification report -------------------------------------------------
yt, yp = rng.randint(0, 4, 60), rng.randint(0, 5, 60)
yp[:5] = 2
out["multiclass"] = {"y_true": ints(yt), "y_pred": ints(yp), "confusion": ints(metrics.confusion_matrix(yt, yp)),
                     "k": len(np.union1d(yt, yp)), "report": metrics.classification_report(yt, yp, zero_division=0),
                     "report_digits4": metrics.classification_report(yt, yp, digits=4, zero_division=1)}
ytb, ypb = rng.randint(0, 2, 25), rng.randint(0, 2, 25)
out["binary_report"] = {"y_true": ints(ytb), "y_pred": ints(ypb), "target_names": ["setosa", "a much longer name"],
                        "report": metrics.classification_report(ytb, ypb, target_names=["setosa", "a much longer name"]),
                        "report_float": metrics.classification_report(ytb.astype(float), ypb.astype(float))}

# --- log_loss -----------------------------------------------------------------------------------
p = rng.dirichlet([1, 1, 1], 30)
p[0] = [0, 0, 1]
p[1] = [1e-20, 0.5, 0.5]
y3 = rng.randint(0, 3, 30)
y3[0] = 0  # probability 0 on the true class: clipped to eps
q = rng.uniform(size=25)
q[0], q[1] = 0.0, 1.0
y2 = rng.randint(0, 2, 25)
y2[0], y2[1] = 1, 0
out["log_loss"] = {"y3": ints(y3), "p3": r(p), "loss3": r(metrics.log_loss(y3, p)),
                   "y2": ints(y2), "p2": r(q), "loss2": r(metrics.log_loss(y2, q)),
                   "loss2_cols": r(metrics.log_loss(y2, np.column_stack([1 - q, q])))}

# --- curves ---------------------------------------------------------------------------------------
curves = []
for name, yt, score, pos in (
        ("ties", rng.randint(0, 2, 40), np.round(rng.uniform(size=40), 1), None),
        ("distinct", rng.randint(0, 2, 30), rng.normal(size=30), None),
        ("minus_one", rng.choice([-1, 1], 30), rng.normal(size=30), None),
        ("pos_label_2", rng.choice([1, 2], 30), rng.normal(size=30), 2)):
    fpr, tpr, th = metrics.roc_curve(yt, score, pos_label=pos)
    fpr2, tpr2, th2 = metrics.roc_curve(yt, score, pos_label=pos, drop_intermediate=False)
    pr, rc, pth = metrics.precision_recall_curve(yt, score, pos_label=pos)
    c = {"name": name, "y_true": ints(yt), "score": r(score), "pos_label": pos,
         "fpr": r(fpr), "tpr": r(tpr), "thresholds": r(th),
         "fpr_all": r(fpr2), "tpr_all": r(tpr2), "thresholds_all": r(th2),
         "precision": r(pr), "recall": r(rc), "pr_thresholds": r(pth)}
    if pos is None:
        c["auc"] = r(metrics.roc_auc_score(yt, score))
    curves.append(c)
out["curves"] = curves
ym = rng.randint(0, 3, 40)
pm = rng.dirichlet([1, 1, 1], 40)
out["roc_auc_ovr"] = {"y_true": ints(ym), "proba": r(pm),
                      "macro": r(metrics.roc_auc_score(ym, pm, multi_class="ovr")),
                      "weighted": r(metrics.roc_auc_score(ym, pm, multi_class="ovr", average="weighted"))}

# --- decision: expected cost per sample at each threshold (brute force) --------------------------
decision = []
for costs in ({"tn": 0, "fp": 1, "fn": 5, "tp": -2}, {"tn": -1, "fp": 3, "fn": 2, "tp": 0}):
    yt = rng.randint(0, 2, 30)
    score = np.round(rng.uniform(size=30), 1)
    th = np.r_[np.inf, np.sort(np.unique(score))[::-1]]
    rows = []
    for t in th:
        pred = score >= t
        tn = np.sum((yt == 0) & ~pred); fp = np.sum((yt == 0) & pred)
        fn = np.sum((yt == 1) & ~pred); tp = np.sum((yt == 1) & pred)
        rows.append([tn, fp, fn, tp, (tn * costs["tn"] + fp * costs["fp"] + fn * costs["fn"] + tp * costs["tp"]) / len(yt)])
    rows = np.array(rows, dtype=float)
    best = int(np.argmin(rows[:, 4]))
    hard = (score >= 0.5).astype(int)
    cm = metrics.confusion_matrix(yt, hard, labels=[0, 1]).ravel()
    decision.append({"costs": costs, "y_true": ints(yt), "score": r(score), "thresholds": r(th[1:]),  # th[0] is +inf (not JSON)
                     "counts": ints(rows[:, :4]), "cost": r(rows[:, 4]), "best_index": best,
                     "hard_cost": r((cm * [costs["tn"], costs["fp"], costs["fn"], costs["tp"]]).sum() / len(yt))})
out["decision"] = decision

path = os.path.join(os.path.dirname(__file__), "..", "..", "tests", "golden", "metrics.json")
with open(path, "w") as f:
    json.dump(out, f, indent=None, separators=(",", ":"))
print("wrote", os.path.normpath(path), os.path.getsize(path), "bytes")
