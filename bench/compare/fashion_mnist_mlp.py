#!/usr/bin/python3
"""PyTorch peer of bench/compare/fashion_mnist_mlp.cpp (same models, Adam 1e-3, batch 128, shuffled).

Reads the same gzip IDX files from Debian's dataset-fashion-mnist. Prints the same keys.
Run: OMP_NUM_THREADS=N /usr/bin/python3 bench/compare/fashion_mnist_mlp.py [--epochs N] [--seed S] [--only softmax|mlp] [--loader]
"""
import gzip
import os
import resource
import statistics
import sys
import time

import numpy as np
import torch

root = os.environ.get("AXON_DATA")
folder = os.path.join(root, "fashion-mnist") if root else "/usr/share/datasets/fashion-mnist"


def idx(name, offset):
    with gzip.open(os.path.join(folder, name)) as f:
        return np.frombuffer(f.read(), np.uint8, offset=offset)


X = torch.tensor(idx("train-images-idx3-ubyte.gz", 16).reshape(-1, 784), dtype=torch.float32) / 255.0
y = torch.tensor(idx("train-labels-idx1-ubyte.gz", 8).astype(np.int64))
Xt = torch.tensor(idx("t10k-images-idx3-ubyte.gz", 16).reshape(-1, 784), dtype=torch.float32) / 255.0
yt = torch.tensor(idx("t10k-labels-idx1-ubyte.gz", 8).astype(np.int64))
torch.set_num_threads(int(os.environ.get("OMP_NUM_THREADS", "1")))
epochs = int(sys.argv[sys.argv.index("--epochs") + 1]) if "--epochs" in sys.argv else 3
seed = int(sys.argv[sys.argv.index("--seed") + 1]) if "--seed" in sys.argv else 0
loader = "--loader" in sys.argv  # batches from torch.utils.data.DataLoader instead of indexing


def train(mlp):
    torch.manual_seed(seed)
    layers = [torch.nn.Linear(784, 512), torch.nn.ReLU(), torch.nn.Dropout(0.2), torch.nn.Linear(512, 10)] if mlp \
        else [torch.nn.Linear(784, 10)]
    model = torch.nn.Sequential(*layers)
    opt = torch.optim.Adam(model.parameters(), lr=1e-3, eps=1e-7)
    loss_fn = torch.nn.CrossEntropyLoss()
    times = []
    for _ in range(epochs):
        start = time.perf_counter()
        model.train()
        if loader:  # the idiomatic loop of PyTorch's tutorials (the 8.6 s reference)
            for xb, yb in torch.utils.data.DataLoader(torch.utils.data.TensorDataset(X, y), batch_size=128, shuffle=True):
                opt.zero_grad()
                loss = loss_fn(model(xb), yb)
                loss.backward()
                opt.step()
        else:  # the fastest loop we know: one permutation, batches by indexing
            order = torch.randperm(len(X))
            for i in range(0, len(X), 128):
                idx_b = order[i:i + 128]
                opt.zero_grad(set_to_none=True)
                loss = loss_fn(model(X[idx_b]), y[idx_b])
                loss.backward()
                opt.step()
        times.append(time.perf_counter() - start)
    if len(times) > 1:
        times = times[1:]
    model.eval()
    predict_times = []
    with torch.no_grad():
        for _ in range(5):
            start = time.perf_counter()
            if loader:
                out = torch.cat([model(xb) for xb, _ in torch.utils.data.DataLoader(torch.utils.data.TensorDataset(Xt, yt),
                                                                                   batch_size=128)])
            else:
                out = torch.cat([model(Xt[i:i + 128]) for i in range(0, len(Xt), 128)])
            predict_times.append(time.perf_counter() - start)
    accuracy = (out.argmax(1) == yt).float().mean().item()
    return statistics.median(times), statistics.median(predict_times), accuracy


only = sys.argv[sys.argv.index("--only") + 1] if "--only" in sys.argv else ""  # softmax | mlp
s_epoch, _, s_acc = train(False) if only != "mlp" else (0, 0, 0)
m_epoch, m_pred, m_acc = train(True) if only != "softmax" else (0, 0, 0)
print(f"softmax_epoch_s {s_epoch:.4f}\nsoftmax_accuracy {s_acc:.4f}\nmlp_epoch_s {m_epoch:.4f}\n"
      f"mlp_accuracy {m_acc:.4f}\nmlp_predict_s {m_pred:.4f}\n"
      f"peak_rss_mb {resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024:.1f}")
