#!/usr/bin/python3
"""Peer of mlp.cpp: the same MLP 32 -> 64 -> 64 -> 1 (relu, relu, linear), batch 32, MSE loss, SGD
with lr 0.01 (in-place p.add_(grad, alpha=-lr) under torch.no_grad(), then p.grad = None, as axon's
zero_grad), --steps timed steps (default 10,000) after --warmup steps (default 100), with
torch.set_num_threads(--threads).

Data and initial weights come from the same splitmix64 stream (seed 2024) as mlp.cpp, so the losses
printed by the two programs agree to float32 rounding. Prints the same line as mlp.cpp:
"seconds <timed steps> us_per_step <...> first_loss <...> last_loss <...> threads <...>".
"""
import argparse
import math
import time

import torch

SAMPLES, BATCH, IN, HIDDEN, OUT = 1024, 32, 32, 64, 1
LEARNING_RATE = 0.01
MASK = (1 << 64) - 1


class SplitMix:
    def __init__(self, seed):
        self.state = seed

    def next(self):
        self.state = (self.state + 0x9E3779B97F4A7C15) & MASK
        z = self.state
        z = ((z ^ (z >> 30)) * 0xBF58476D1CE4E5B9) & MASK
        z = ((z ^ (z >> 27)) * 0x94D049BB133111EB) & MASK
        return z ^ (z >> 31)

    def uniform(self):
        return (self.next() >> 40) / 16777216.0


def draw(rng, n, low, high):
    # Rounded to float32 here, as the C++ side stores them.
    return torch.tensor([low + (high - low) * rng.uniform() for _ in range(n)], dtype=torch.float32)


def glorot(rng, fan_in, fan_out):
    limit = math.sqrt(6.0 / (fan_in + fan_out))
    return draw(rng, fan_in * fan_out, -limit, limit).reshape(fan_in, fan_out).requires_grad_()


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--steps", type=int, default=10_000)
    parser.add_argument("--warmup", type=int, default=100)
    parser.add_argument("--threads", type=int, default=1)
    args = parser.parse_args()
    torch.set_num_threads(args.threads)

    rng = SplitMix(2024)
    xs = draw(rng, SAMPLES * IN, -1.0, 1.0)
    v = draw(rng, IN, -1.0, 1.0)
    xl, vl = xs.tolist(), v.tolist()
    ys = [math.sin(sum_dot(xl, vl, i)) for i in range(SAMPLES)]
    x = xs.reshape(SAMPLES, IN)
    y = torch.tensor(ys, dtype=torch.float32).reshape(SAMPLES, OUT)

    w1 = glorot(rng, IN, HIDDEN)
    b1 = torch.zeros(HIDDEN, requires_grad=True)
    w2 = glorot(rng, HIDDEN, HIDDEN)
    b2 = torch.zeros(HIDDEN, requires_grad=True)
    w3 = glorot(rng, HIDDEN, OUT)
    b3 = torch.zeros(OUT, requires_grad=True)
    params = [w1, b1, w2, b2, w3, b3]
    batches = SAMPLES // BATCH
    mse = torch.nn.functional.mse_loss
    relu = torch.relu

    def step(s):
        start = (s % batches) * BATCH
        xb, yb = x[start:start + BATCH], y[start:start + BATCH]
        h1 = relu(xb @ w1 + b1)
        h2 = relu(h1 @ w2 + b2)
        pred = h2 @ w3 + b3
        loss = mse(pred, yb)
        loss.backward()
        with torch.no_grad():
            for p in params:
                p.add_(p.grad, alpha=-LEARNING_RATE)
                p.grad = None
        return loss

    first_loss = step(0).item()
    for s in range(1, args.warmup):
        step(s)
    t0 = time.perf_counter()
    for s in range(args.steps):
        loss = step(args.warmup + s)
    t1 = time.perf_counter()
    seconds = t1 - t0
    print(f"seconds {seconds:.4f} us_per_step {1e6 * seconds / args.steps:.2f} first_loss {first_loss:.6f} "
          f"last_loss {loss.item():.6f} threads {torch.get_num_threads()}", flush=True)


def sum_dot(xl, vl, i):
    # Double-precision dot product in the same order as mlp.cpp.
    dot = 0.0
    row = i * IN
    for j in range(IN):
        dot += xl[row + j] * vl[j]
    return dot


if __name__ == "__main__":
    main()
