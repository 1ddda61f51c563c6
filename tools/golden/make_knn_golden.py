#!/usr/bin/python3
"""Golden references for axon's ml/neighbors (KNeighborsClassifier/Regressor, NearestNeighbors).

Writes tests/golden/knn.json from scikit-learn 1.2: digits (load_digits) trained on the first 1000
images and predicting the other 797 (predictions, probability checksums, the first neighbours) for
several weights/metrics; diabetes (load_diabetes) regression trained on the first 300 rows; iris
with the kd_tree algorithm.

Run with Debian's Python (the pyenv python3 first on PATH has no scikit-learn):
    OMP_NUM_THREADS=1 /usr/bin/python3 tools/golden/make_knn_golden.py

One thread: scikit-learn 1.2's ArgKmin then scans the training rows in order with its heap, which
is the rule axon follows for neighbours tied at the k-th place (with more threads it may split the
training rows among threads and merge their heaps, which can pick another of the tied rows).
"""
import json
import os
import sys

import numpy as np
import sklearn
from sklearn import datasets
from sklearn.neighbors import KNeighborsClassifier, KNeighborsRegressor, NearestNeighbors

ROOT = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "..")


def main():
    digits = datasets.load_digits()
    Xtr, ytr, Xte = digits.data[:1000], digits.target[:1000], digits.data[1000:]
    out = {"versions": {"sklearn": sklearn.__version__, "numpy": np.__version__}, "digits": {}}
    for name, kw in [("uniform", {}), ("distance", {"weights": "distance"}), ("manhattan", {"metric": "manhattan"}),
                     ("cosine", {"metric": "cosine", "n_neighbors": 3}), ("k1", {"n_neighbors": 1})]:
        clf = KNeighborsClassifier(algorithm="brute", **kw).fit(Xtr, ytr)
        proba = clf.predict_proba(Xte)
        w = (np.arange(proba.shape[0])[:, None] * 7 + np.arange(10)[None, :] * 13) % 101 + 1
        out["digits"][name] = {"predict": [int(v) for v in clf.predict(Xte)],
                               "proba_weighted": float((proba * w).sum()),
                               "proba_row0": [float(v) for v in proba[0]]}
    nn = NearestNeighbors(n_neighbors=5, algorithm="brute").fit(Xtr)
    dist, ind = nn.kneighbors(Xte[:20])
    out["digits_kneighbors"] = {"distances": dist.tolist(), "indices": ind.tolist()}

    diabetes = datasets.load_diabetes()
    Xd, yd = diabetes.data, diabetes.target
    out["diabetes"] = {}
    for name, kw in [("uniform", {}), ("distance", {"weights": "distance", "n_neighbors": 7})]:
        reg = KNeighborsRegressor(algorithm="brute", **kw).fit(Xd[:300], yd[:300])
        out["diabetes"][name] = [float(v) for v in reg.predict(Xd[300:])]

    iris = datasets.load_iris()
    order = np.arange(150)
    train, test = order % 3 != 0, order % 3 == 0
    out["iris"] = {}
    for algo in ("kd_tree", "brute"):
        clf = KNeighborsClassifier(algorithm=algo, n_neighbors=7).fit(iris.data[train], iris.target[train])
        out["iris"][algo] = [int(v) for v in clf.predict(iris.data[test])]
        d, _ = clf.kneighbors(iris.data[test])
        out["iris"][algo + "_distances_sum"] = float(d.sum())

    path = os.path.join(ROOT, "tests", "golden", "knn.json")
    with open(path, "w") as f:
        json.dump(out, f, separators=(",", ":"))
        f.write("\n")
    print(f"wrote {os.path.relpath(path)}", file=sys.stderr)


if __name__ == "__main__":
    main()
