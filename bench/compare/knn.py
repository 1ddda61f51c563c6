#!/usr/bin/python3
"""scikit-learn's side of the KNN comparison (knn.cpp is axon's).

KNeighborsClassifier(n_neighbors=5, algorithm="brute") trained on the first 20,000 Fashion-MNIST
training images (float64 pixels 0..255) predicting the 10,000 test images; n_jobs default (None).
scikit-learn 1.2's brute-force search for dense float64 euclidean is its ArgKmin reduction
(chunked GEMM + heaps on OpenMP threads): run with OMP_NUM_THREADS=T OPENBLAS_NUM_THREADS=T to set
its threads. Prints, like the C++ driver (seconds, median and min over --runs):
    fit_predict <median> <min>
    accuracy <accuracy>
    disagreements <number of test images where axon's prediction differs> (with --axon-pred FILE)
Run with Debian's /usr/bin/python3.
"""
import argparse
import gzip
import os
import statistics
import time

import numpy as np
from sklearn.neighbors import KNeighborsClassifier

parser = argparse.ArgumentParser()
parser.add_argument("--runs", type=int, default=3)
parser.add_argument("--train", type=int, default=20000)
parser.add_argument("--folder", default="/usr/share/datasets/fashion-mnist")
parser.add_argument("--axon-pred", default=None)
args = parser.parse_args()


def read(name, offset, shape):
    with gzip.open(os.path.join(args.folder, name), "rb") as f:
        return np.frombuffer(f.read(), np.uint8, offset=offset).reshape(shape)


X = read("train-images-idx3-ubyte.gz", 16, (-1, 784))[: args.train].astype(np.float64)
y = read("train-labels-idx1-ubyte.gz", 8, (-1,))[: args.train].astype(np.int64)
Xt = read("t10k-images-idx3-ubyte.gz", 16, (-1, 784)).astype(np.float64)
yt = read("t10k-labels-idx1-ubyte.gz", 8, (-1,)).astype(np.int64)

times = []
for _ in range(args.runs):
    t0 = time.perf_counter()
    pred = KNeighborsClassifier(n_neighbors=5, algorithm="brute").fit(X, y).predict(Xt)
    times.append(time.perf_counter() - t0)
print(f"fit_predict {statistics.median(times):.4f} {min(times):.4f}")
print(f"accuracy {np.mean(pred == yt):.4f}")
if args.axon_pred:
    theirs = np.loadtxt(args.axon_pred, dtype=np.int64)
    print(f"disagreements {int(np.sum(theirs != pred))}")
