#!/usr/bin/python3
"""Golden references for axon's ml/preprocessing (scalers, imputer, encoders, ColumnTransformer).

Writes tests/golden/prep.json from scikit-learn 1.2 on the datasets axon ships loaders for:
breast cancer (load_breast_cancer), digits (load_digits, with NaNs put at fixed places), and the
Palmer penguins after dropna() (the CSV that data::load_penguins() reads).

Run with Debian's Python (the pyenv python3 first on PATH has no scikit-learn):
    /usr/bin/python3 tools/golden/make_prep_golden.py
"""
import json
import os
import sys

import numpy as np
import pandas as pd
import scipy.sparse as sp
import sklearn
from sklearn import datasets
from sklearn.compose import ColumnTransformer
from sklearn.impute import SimpleImputer
from sklearn.preprocessing import LabelEncoder, MinMaxScaler, OneHotEncoder, StandardScaler

ROOT = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "..")
PENGUINS = "/usr/lib/R/site-library/palmerpenguins/extdata/penguins.csv"
NUMERIC = ["bill_length_mm", "bill_depth_mm", "flipper_length_mm", "body_mass_g"]
CATEGORICAL = ["island", "sex"]


def vec(a):
    return [None if np.isnan(v) else float(v) for v in np.asarray(a, dtype=np.float64).ravel()]


def summary(X):
    """Shape, sum, sum of squares and a position-weighted sum of a dense result, and rows 0, 1, last."""
    X = np.asarray(X.toarray() if sp.issparse(X) else X, dtype=np.float64)
    n, p = X.shape
    w = (np.arange(n)[:, None] * 7 + np.arange(p)[None, :] * 13) % 101 + 1
    return {"shape": [n, p], "sum": float(X.sum()), "sumsq": float((X * X).sum()), "weighted": float((X * w).sum()),
            "rows": {str(i): vec(X[i]) for i in (0, 1, n - 1)}}


def with_nans(X):
    """Every 7th value of every 3rd column, and all of column 5, set to NaN (axon's test does the same)."""
    X = X.copy()
    n, p = X.shape
    for j in range(0, p, 3):
        X[j % 7::7, j] = np.nan
    X[:, 5] = np.nan
    return X


def main():
    cancer = datasets.load_breast_cancer().data
    digits = datasets.load_digits().data[:300]
    out = {"versions": {"sklearn": sklearn.__version__, "numpy": np.__version__, "pandas": pd.__version__}}

    s = StandardScaler().fit(cancer)
    out["standard"] = {"mean": vec(s.mean_), "var": vec(s.var_), "scale": vec(s.scale_),
                       "X": summary(s.transform(cancer))}
    s = StandardScaler(with_mean=False).fit(sp.csr_matrix(digits))
    out["standard_sparse"] = {"var": vec(s.var_), "scale": vec(s.scale_),
                              "X": summary(s.transform(sp.csr_matrix(digits)))}
    s = StandardScaler(with_std=False).fit(digits)
    out["standard_no_std"] = {"mean": vec(s.mean_), "X": summary(s.transform(digits))}
    cancer_nan = with_nans(cancer)
    cancer_nan[:, 5] = cancer[:, 5]  # the scaler ignores NaNs; keep one column whole
    s = StandardScaler().fit(cancer_nan)
    out["standard_nan"] = {"mean": vec(s.mean_), "var": vec(s.var_), "X": summary(np.nan_to_num(s.transform(cancer_nan), nan=-7.0))}

    m = MinMaxScaler(feature_range=(-1, 2)).fit(cancer)
    out["minmax"] = {"data_min": vec(m.data_min_), "data_max": vec(m.data_max_), "scale": vec(m.scale_),
                     "min": vec(m.min_), "X": summary(m.transform(cancer))}
    m = MinMaxScaler().fit(digits)  # constant columns (all 0) get scale 1
    out["minmax_digits"] = {"scale": vec(m.scale_), "X": summary(m.transform(digits))}

    digits_nan = with_nans(digits)
    for strategy in ("mean", "median", "most_frequent", "constant"):
        imp = SimpleImputer(strategy=strategy, fill_value=-1.0 if strategy == "constant" else None).fit(digits_nan)
        out["imputer_" + strategy] = {"statistics": vec(imp.statistics_), "X": summary(imp.transform(digits_nan))}

    penguins = pd.read_csv(PENGUINS).dropna().reset_index(drop=True)
    le = LabelEncoder().fit(penguins["species"])
    out["label_encoder"] = {"classes": [str(c) for c in le.classes_],
                            "codes": [int(c) for c in le.transform(penguins["species"])[::17]]}
    enc = OneHotEncoder().fit(penguins[CATEGORICAL + ["year"]])
    out["onehot"] = {"names": [str(n) for n in enc.get_feature_names_out()],
                     "X": summary(enc.transform(penguins[CATEGORICAL + ["year"]]))}
    enc = OneHotEncoder(drop="first", sparse_output=False).fit(penguins[CATEGORICAL])
    out["onehot_drop_first"] = {"names": [str(n) for n in enc.get_feature_names_out()],
                                "X": summary(enc.transform(penguins[CATEGORICAL]))}
    digit_cols = digits[:, [10, 20, 30]]
    enc = OneHotEncoder(handle_unknown="ignore").fit(digit_cols[:150])
    out["onehot_numeric"] = {"names": [str(n) for n in enc.get_feature_names_out()],
                             "X": summary(enc.transform(digit_cols[150:]))}

    ct = ColumnTransformer([("num", StandardScaler(), NUMERIC), ("cat", OneHotEncoder(), CATEGORICAL)])
    Xt = ct.fit_transform(penguins)
    out["column_transformer"] = {"names": [str(n) for n in ct.get_feature_names_out()], "sparse": bool(sp.issparse(Xt)),
                                 "X": summary(Xt)}
    ct = ColumnTransformer([("cat", OneHotEncoder(), ["island"])], remainder="passthrough")
    Xt = ct.fit_transform(penguins[["island", "bill_depth_mm", "year"]])
    out["column_transformer_passthrough"] = {"names": [str(n) for n in ct.get_feature_names_out()],
                                             "sparse": bool(sp.issparse(Xt)), "X": summary(Xt)}

    path = os.path.join(ROOT, "tests", "golden", "prep.json")
    with open(path, "w") as f:
        json.dump(out, f, separators=(",", ":"))
        f.write("\n")
    print(f"wrote {os.path.relpath(path)}", file=sys.stderr)


if __name__ == "__main__":
    main()
