#!/usr/bin/python3
"""Peer of op_overhead.cpp: torch.add on two 8-element float32 tensors, from Python.

Cases as in the C++ driver: plain (no requires_grad), no_grad (a requires grad, under
torch.no_grad()), grad (a requires grad: every add records a graph node). Each case: a tight loop of
--iters iterations (default 200,000), repeated --reps times (default 7), after one warm-up loop;
prints "<case> <median ns/op> <min ns/op>". Also "python_loop": the same loop with no op in it,
for scale (it is part of what a PyTorch user pays per op). Run with /usr/bin/python3 (Debian's
python3-torch).
"""
import argparse
import statistics
import time

import torch


def ns_per_op(a, b, iters):
    add = torch.add
    start = time.perf_counter_ns()
    for _ in range(iters):
        c = add(a, b)
    stop = time.perf_counter_ns()
    del c
    return (stop - start) / iters


def ns_per_empty_loop(a, b, iters):
    start = time.perf_counter_ns()
    for _ in range(iters):
        c = a
    stop = time.perf_counter_ns()
    del c
    return (stop - start) / iters


def run_case(name, reps, once):
    once()  # warm-up
    ns = sorted(once() for _ in range(reps))
    print(f"{name} {statistics.median(ns):.1f} {ns[0]:.1f}", flush=True)


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--iters", type=int, default=200_000)
    parser.add_argument("--reps", type=int, default=7)
    args = parser.parse_args()
    torch.set_num_threads(1)
    gen = torch.Generator().manual_seed(0)
    a = torch.rand(8, generator=gen, dtype=torch.float32) * 2 - 1
    b = torch.rand(8, generator=gen, dtype=torch.float32) * 2 - 1
    ag = a.clone().requires_grad_()

    run_case("plain", args.reps, lambda: ns_per_op(a, b, args.iters))

    def no_grad():
        with torch.no_grad():
            return ns_per_op(ag, b, args.iters)

    run_case("no_grad", args.reps, no_grad)
    run_case("grad", args.reps, lambda: ns_per_op(ag, b, args.iters))
    run_case("python_loop", args.reps, lambda: ns_per_empty_loop(a, b, args.iters))


if __name__ == "__main__":
    main()
