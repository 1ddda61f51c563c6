#!/usr/bin/python3
"""Reference parameter trajectories for axon's optimizers, from torch.optim (Debian's python3-torch).

Run: /usr/bin/python3 tools/golden/make_optim_golden.py  (writes tests/golden/optim.json)

The problem: minimize mean((A·w − b)²) over w ∈ R³ from w0, 5 steps. epsilon is 0 on both sides:
Keras and PyTorch place epsilon differently in Adam and RMSprop, and with epsilon = 0 their
update rules are the same, so torch is an independent oracle for axon's Keras formulas. SGD's
momentum and Nesterov rules coincide with Keras's for a constant learning rate.
"""
import json
import pathlib

import torch

torch.set_default_dtype(torch.float64)
A = torch.tensor([[1.0, 2.0, -1.0], [0.5, -1.0, 2.0], [3.0, 0.0, 1.0], [-1.0, 1.0, 0.5]])
b = torch.tensor([1.0, -2.0, 0.5, 3.0])
w0 = [0.3, -0.2, 0.1]
STEPS = 5

CASES = {
    "sgd": (torch.optim.SGD, {"lr": 0.05}),
    "sgd_momentum": (torch.optim.SGD, {"lr": 0.05, "momentum": 0.9}),
    "sgd_nesterov": (torch.optim.SGD, {"lr": 0.05, "momentum": 0.9, "nesterov": True}),
    "adam": (torch.optim.Adam, {"lr": 0.1, "betas": (0.9, 0.999), "eps": 0.0}),
    "adam_amsgrad": (torch.optim.Adam, {"lr": 0.1, "betas": (0.8, 0.99), "eps": 0.0, "amsgrad": True}),
    "adamw": (torch.optim.AdamW, {"lr": 0.1, "betas": (0.9, 0.999), "eps": 0.0, "weight_decay": 0.1}),
    "rmsprop": (torch.optim.RMSprop, {"lr": 0.01, "alpha": 0.9, "eps": 0.0}),
    "rmsprop_centered_momentum": (torch.optim.RMSprop, {"lr": 0.01, "alpha": 0.9, "eps": 0.0, "centered": True,
                                                        "momentum": 0.5}),
    "adagrad": (torch.optim.Adagrad, {"lr": 0.1, "initial_accumulator_value": 0.1, "eps": 0.0}),
}

out = {"torch": torch.__version__, "A": A.tolist(), "b": b.tolist(), "w0": w0, "cases": {}}
for name, (cls, kwargs) in CASES.items():
    w = torch.tensor(w0, requires_grad=True)
    opt = cls([w], **kwargs)
    trajectory = []
    for _ in range(STEPS):
        opt.zero_grad()
        loss = ((A @ w - b) ** 2).mean()
        loss.backward()
        opt.step()
        trajectory.append(w.detach().tolist())
    out["cases"][name] = {"options": {k: (list(v) if isinstance(v, tuple) else v) for k, v in kwargs.items()},
                          "trajectory": trajectory}

path = pathlib.Path(__file__).resolve().parents[2] / "tests" / "golden" / "optim.json"
path.write_text(json.dumps(out, indent=1) + "\n")
print(f"wrote {path}")
