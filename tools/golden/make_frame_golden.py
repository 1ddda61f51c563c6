#!/usr/bin/python3
"""Reference results for axon's Series and DataFrame, from pandas (Debian's python3-pandas 1.5).

Run: /usr/bin/python3 tools/golden/make_frame_golden.py  (writes tests/golden/frame.json)

The frame is a 12-row slice in the shape of the Palmer penguins table, written out here and again in
tests/frame/dataframe_test.cpp, with missing values in string, float columns. Counts are chosen without
ties, because pandas 1.5 orders value_counts ties by an unstable sort.
Where axon deliberately follows pandas >= 2 instead of 1.5, the script rearranges pandas' answer:
  - value_counts: the result is named "count" (we store labels and counts only);
  - get_dummies: bool columns (1.5 gives uint8; values compared as 0/1);
  - merge(how="inner"): rows in left-row order (pandas 2.2), not grouped by key as 1.5 does.
"""
import io
import json
import math
import pathlib

import numpy as np
import pandas as pd

nan = float("nan")
ROWS = [
    # species, island, bill_length_mm, flipper_length_mm, body_mass_g, sex, year
    ("Adelie", "Torgersen", 39.1, 181, 3750.0, "male", 2007),
    ("Adelie", "Torgersen", 39.5, 186, 3800.0, "female", 2007),
    ("Adelie", "Biscoe", 40.3, 195, 3250.0, "female", 2008),
    ("Adelie", "Dream", nan, 193, nan, nan, 2008),
    ("Gentoo", "Biscoe", 46.1, 211, 4500.0, "female", 2007),
    ("Gentoo", "Biscoe", 50.0, 230, 5700.0, "male", 2008),
    ("Gentoo", "Biscoe", 48.7, 210, 4450.0, nan, 2009),
    ("Chinstrap", "Dream", 46.5, 192, 3500.0, "female", 2007),
    ("Chinstrap", "Dream", 50.0, 196, 3900.0, "male", 2008),
    (nan, "Dream", 45.2, 198, 4400.0, "male", 2009),
    ("Adelie", "Torgersen", 37.8, 174, 3400.0, "female", 2009),
    ("Gentoo", "Biscoe", 47.6, 215, 5400.0, "female", 2009),
]
NAMES = ["species", "island", "bill_length_mm", "flipper_length_mm", "body_mass_g", "sex", "year"]
df = pd.DataFrame(ROWS, columns=NAMES)

RIGHT = pd.DataFrame({"species": ["Gentoo", "Adelie", "Chinstrap", "Emperor", "Adelie"],
                      "genus_size": [3, 1, 2, 5, 7], "year": [1840, 1840, 1842, 1844, 1999]})


def clean(v):
    """JSON value: NaN/None → null, numpy scalars → Python."""
    if v is None or (isinstance(v, float) and math.isnan(v)):
        return None
    if isinstance(v, (np.integer, np.bool_)):
        return int(v)
    if isinstance(v, np.floating):
        return None if math.isnan(v) else float(v)
    return v


def frame_values(frame):
    return {"columns": [str(c) for c in frame.columns],
            "values": {str(c): [clean(v) for v in frame[c].tolist()] for c in frame.columns}}


def text(frame, **kwargs):
    return frame.to_string(max_colwidth=50, show_dimensions="truncate", **kwargs)


def series_text(s, max_rows=60):
    return s.to_string(name=True, dtype=True, length="truncate", max_rows=max_rows)


def info_text(frame):
    buffer = io.StringIO()
    frame.info(buf=buffer)
    return buffer.getvalue()


def in_left_order(merged):
    return merged.sort_values("_row", kind="stable").drop(columns="_row").reset_index(drop=True)


out = {"pandas": pd.__version__, "columns": NAMES}

numeric = ["bill_length_mm", "flipper_length_mm", "body_mass_g", "year"]
out["stats"] = {c: {"count": int(df[c].count()), "sum": float(df[c].sum()), "mean": df[c].mean(), "std": df[c].std(),
                    "std0": df[c].std(ddof=0), "min": float(df[c].min()), "max": float(df[c].max())} for c in numeric}
QS = [0.0, 0.1, 0.25, 0.5, 0.75, 0.9, 1.0]
out["quantiles"] = {"q": QS, **{c: [float(df[c].quantile(q)) for q in QS] for c in numeric}}

describe = df.describe()
out["describe"] = {"index": list(describe.index), **frame_values(describe)}
out["describe_text"] = text(describe)
out["describe_objects_text"] = text(df[["species", "island"]].describe())

out["value_counts"] = {}
for c in ["species", "island", "sex"]:
    for dropna in [True, False]:
        vc = df[c].value_counts(dropna=dropna)
        out["value_counts"][f"{c}_{'dropna' if dropna else 'keepna'}"] = {
            "index": ["NaN" if isinstance(i, float) else i for i in vc.index], "counts": [int(n) for n in vc]}

funcs = ["mean", "sum", "count", "min", "max", "std"]
agg = df.groupby("species").agg({"body_mass_g": funcs, "bill_length_mm": funcs, "flipper_length_mm": funcs})
agg.columns = [f"{c}_{f}" for c, f in agg.columns]
out["groupby_species"] = frame_values(agg.reset_index())
out["groupby_island_sex_count"] = frame_values(df.groupby(["island", "sex"]).count().reset_index())
out["groupby_island_mean"] = frame_values(df.groupby("island").mean(numeric_only=True).reset_index())
out["groupby_island_sum"] = frame_values(df.groupby("island").sum(numeric_only=True).reset_index())

out["sort"] = {
    "body_mass_g": list(df.sort_values("body_mass_g", kind="stable").index),
    "body_mass_g_desc": list(df.sort_values("body_mass_g", ascending=False, kind="stable").index),
    "bill_length_mm_desc": list(df.sort_values("bill_length_mm", ascending=False, kind="stable").index),
    "species": list(df.sort_values("species", kind="stable").index),
    "island_body_mass_g": list(df.sort_values(["island", "body_mass_g"]).index),
    "island_bill_length_mm_desc": list(df.sort_values(["island", "bill_length_mm"], ascending=False).index),
}

left = df.assign(_row=range(len(df)))
out["merge_inner"] = frame_values(in_left_order(left.merge(RIGHT, on="species", how="inner")))
out["merge_left"] = frame_values(in_left_order(left.merge(RIGHT, on="species", how="left")))
out["merge_inner_text"] = text(in_left_order(left.merge(RIGHT, on="species", how="inner"))[["species", "year_x",
                                                                                           "genus_size", "year_y"]])

out["dummies"] = frame_values(pd.get_dummies(df[["species", "island", "year"]]))
out["dummies_drop_first"] = frame_values(pd.get_dummies(df[["sex", "year"]], columns=["sex", "year"], drop_first=True))

out["text"] = {
    "head": text(df.head()),
    "full": text(df),
    "truncated": text(df, max_rows=6),
    "sorted_head": text(df.sort_values("body_mass_g", kind="stable").head(4)),
    "filtered": text(df[df["body_mass_g"] > 4000.0][["species", "body_mass_g", "sex"]]),
    "concat": text(pd.concat([df.head(2)[["species", "year"]], df.tail(2)[["species", "bill_length_mm"]]])),
    "series": series_text(df["body_mass_g"]),
    "series_truncated": series_text(df["bill_length_mm"], max_rows=4),
    "series_strings": series_text(df["sex"]),
    "series_category": series_text(df["species"].astype("category")),
    "info": info_text(df),
}

# Formatting corner cases on a small frame (built again in tests/frame/dataframe_test.cpp).
misc = pd.DataFrame({"x": [1e7, 2.123456789, nan], "tiny": [1e-9, 1.0, 2.0], "flag": [True, False, True],
                     "n": [-5, 10, 300], "s": ["x" * 60, "b", "c\td"]})
labelled = misc.set_index(pd.Index(["alpha", "b", "c"]))
out["misc_text"] = {
    "frame": text(misc),
    "labelled": text(labelled),
    "truncated_one_row": text(misc, max_rows=1),
    "no_rows": text(misc.iloc[0:0]),
    "info_labelled": info_text(labelled),
    "series_one_row": series_text(pd.Series([1.5, 2.5, 3.5], name="v"), max_rows=1),
    "series_empty": series_text(pd.Series([], dtype=float, name="v")),
    "series_labelled": series_text(pd.Series([1, 22], index=["a", "bb"], name="n")),
    "series_bool": series_text(pd.Series([True, False], name="flag")),
    "series_unnamed_strings": series_text(pd.Series(["a", nan, "ccc"])),
    "many_categories": series_text(pd.Series(list("abcdefghijk"), name="c").astype("category"), max_rows=4),
    "value_counts": series_text(pd.Series(["b", "a", "b"]).value_counts().rename("count")),
}

path = pathlib.Path(__file__).resolve().parents[2] / "tests" / "golden" / "frame.json"
path.write_text(json.dumps(out, indent=1) + "\n")
print(f"wrote {path} ({path.stat().st_size} bytes)")
