#!/usr/bin/python3
"""Golden references for axon's data floor, from the Python libraries themselves.

Writes tests/golden/datasets.json: for each scikit-learn dataset (as sklearn.datasets.load_*
returns it) the shape, names, a few rows, the column means and the first targets; for the Palmer
penguins (pandas.read_csv) the shape, dtypes, missing counts and column means; for the fortunes
the texts per topic and a few texts, split the way axon documents it.

Run with Debian's Python (the pyenv python3 first on PATH has no scikit-learn):
    /usr/bin/python3 tools/golden/make_datasets_golden.py
"""
import json
import os
import sys

import numpy as np
import pandas as pd
import sklearn
from sklearn import datasets

ROOT = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "..")
PENGUINS = "/usr/lib/R/site-library/palmerpenguins/extdata/penguins.csv"
FORTUNES = "/usr/share/games/fortunes"


def rows_of(data, n):
    picks = sorted({0, 1, n // 2, n - 1})
    return {str(i): [float(v) for v in data[i]] for i in picks}


def bunch(b, classification=True):
    data = np.asarray(b.data, dtype=np.float64)
    n = data.shape[0]
    out = {
        "shape": list(data.shape),
        "feature_names": [str(f) for f in b.feature_names],
        "rows": rows_of(data, n),
        "column_means": [float(m) for m in data.mean(axis=0)],
        "target_head": [float(t) for t in b.target[:10]],
        "target_sum": float(np.sum(b.target)),
        "frame_columns": [str(c) for c in b.frame.columns],
    }
    if classification:
        out["target_names"] = [str(t) for t in b.target_names]
        out["class_counts"] = [int(c) for c in np.bincount(b.target)]
    return out


def penguins():
    df = pd.read_csv(PENGUINS)
    numeric = df.select_dtypes("number")
    return {
        "shape": list(df.shape),
        "columns": list(df.columns),
        "dtypes": [str(t) for t in df.dtypes],
        "na_counts": {c: int(v) for c, v in df.isna().sum().items()},
        "means": {c: float(v) for c, v in numeric.mean().items()},
        "rows_after_dropna": int(len(df.dropna())),
        "species_counts": {k: int(v) for k, v in df["species"].value_counts().sort_index().items()},
    }


def fortune_files():
    for name in sorted(os.listdir(FORTUNES)):
        path = os.path.join(FORTUNES, name)
        if os.path.islink(path) or not os.path.isfile(path) or name.endswith((".dat", ".u8")):
            continue
        yield name, path


def fortunes():
    # A text is the lines between lines holding only '%', without trailing newlines; empty ones dropped.
    per_topic, first, last = {}, {}, {}
    for topic, path in fortune_files():
        with open(path, "rb") as f:
            content = f.read().decode("utf-8")
        texts, lines = [], []
        for line in content.split("\n"):
            if line in ("%", "%\r"):
                texts.append("\n".join(lines).rstrip("\r\n"))
                lines = []
            else:
                lines.append(line)
        texts.append("\n".join(lines).rstrip("\r\n"))
        texts = [t for t in texts if t]
        per_topic[topic] = len(texts)
        first[topic], last[topic] = texts[0], texts[-1]
    keep = ("fortunes", "debian", "linux", "pratchett")
    return {
        "count": sum(per_topic.values()),
        "per_topic": per_topic,
        "first_text": {t: first[t] for t in keep},
        "last_text": {t: last[t] for t in keep},
    }


def main():
    golden = {
        "versions": {"sklearn": sklearn.__version__, "pandas": pd.__version__, "numpy": np.__version__},
        "iris": bunch(datasets.load_iris(as_frame=True)),
        "wine": bunch(datasets.load_wine(as_frame=True)),
        "breast_cancer": bunch(datasets.load_breast_cancer(as_frame=True)),
        "digits": bunch(datasets.load_digits(as_frame=True)),
        "diabetes": bunch(datasets.load_diabetes(as_frame=True), classification=False),
        "diabetes_raw": bunch(datasets.load_diabetes(as_frame=True, scaled=False), classification=False),
        "penguins": penguins(),
        "fortunes": fortunes(),
    }
    out = os.path.join(ROOT, "tests", "golden", "datasets.json")
    with open(out, "w") as f:
        json.dump(golden, f, indent=1)
        f.write("\n")
    print(f"wrote {os.path.relpath(out)}", file=sys.stderr)


if __name__ == "__main__":
    main()
