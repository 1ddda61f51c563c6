#!/usr/bin/python3
"""Writes the read_csv benchmark file: 1,000,000 rows x (20 float64 columns + 1 string column).

Fixed seed, written by pandas' to_csv (floats as Python repr, 17 significant digits), so both
readers parse the same bytes pandas itself would produce.
    /usr/bin/python3 bench/compare/make_csv.py [--rows N] [--out /tmp/axon_bench_1m.csv]
"""
import argparse

import numpy as np
import pandas as pd

parser = argparse.ArgumentParser()
parser.add_argument("--rows", type=int, default=1_000_000)
parser.add_argument("--out", default="/tmp/axon_bench_1m.csv")
args = parser.parse_args()

rng = np.random.default_rng(20240601)
frame = pd.DataFrame(rng.standard_normal((args.rows, 20)), columns=[f"x{i}" for i in range(20)])
species = np.array(["Adelie", "Chinstrap", "Gentoo"])
frame["label"] = np.char.add(species[rng.integers(0, 3, args.rows)], rng.integers(0, 1000, args.rows).astype(str))
frame.to_csv(args.out, index=False)
print(args.out)
