#!/usr/bin/python3
"""numpy's side of the Fashion-MNIST loading comparison (fashion_mnist_load.cpp is axon's).

The decode keras.datasets.fashion_mnist.load_data() does: gzip.open(...).read() and
np.frombuffer(offset=16 or 8), reshaped to [N, 28, 28]; labels become int64 as axon's do.
Prints, like the C++ driver (median and min over --runs, seconds):
    load_data <median> <min>
    train_images <median> <min>
    checksum <sum of all pixels and labels>
Run with Debian's /usr/bin/python3 (python3-numpy).
"""
import argparse
import gzip
import os
import statistics
import time

import numpy as np

parser = argparse.ArgumentParser()
parser.add_argument("--runs", type=int, default=7)
parser.add_argument("--folder", default="/usr/share/datasets/fashion-mnist")
args = parser.parse_args()


def images(name):
    with gzip.open(os.path.join(args.folder, name), "rb") as f:
        return np.frombuffer(f.read(), np.uint8, offset=16).reshape(-1, 28, 28)


def labels(name):
    with gzip.open(os.path.join(args.folder, name), "rb") as f:
        return np.frombuffer(f.read(), np.uint8, offset=8).astype(np.int64)


def load_data():
    return ((images("train-images-idx3-ubyte.gz"), labels("train-labels-idx1-ubyte.gz")),
            (images("t10k-images-idx3-ubyte.gz"), labels("t10k-labels-idx1-ubyte.gz")))


def timed(f):
    times = []
    for _ in range(args.runs):
        t0 = time.perf_counter()
        out = f()
        times.append(time.perf_counter() - t0)
    return out, times


(train, test), load_times = timed(load_data)
_, train_times = timed(lambda: images("train-images-idx3-ubyte.gz"))
for name, t in (("load_data", load_times), ("train_images", train_times)):
    print(f"{name} {statistics.median(t):.4f} {min(t):.4f}")
checksum = sum(int(a.sum(dtype=np.uint64)) for a in (train[0], train[1], test[0], test[1]))
print(f"checksum {checksum}")
