#!/usr/bin/python3
"""Reference parameter trajectories for axon's optimizers (tests/optim/*_test.cpp).

Run: /usr/bin/python3 tools/golden/make_optim_golden.py  (writes tests/golden/optim.json)
Needs Debian's python3-torch and python3-numpy (a pyenv python3 earlier on PATH lacks torch).

The problem: minimize mean((A·w − b)²) over w ∈ R³ from w0, 5 steps in float64; each case stores w
after every step. Option names in the JSON are axon's (Keras's).

Two oracles:
- torch.optim, where its update rule is Keras's: SGD with or without (Nesterov) momentum at a
  constant learning rate (Keras v = m·v − lr·g, p += v is PyTorch's buf = m·buf + g, p −= lr·buf
  with v = −lr·buf), and SGD's L2 weight_decay.
- The Keras 3 formulas written out in numpy below, where Keras and PyTorch differ: Adam/AdamW
  (Keras: p −= lr·sqrt(1−β2^t)/(1−β1^t)·m/(sqrt(v) + ε); PyTorch adds ε to the bias-corrected
  sqrt(v)/sqrt(1−β2^t)), RMSprop (Keras: sqrt(v + ε); PyTorch: sqrt(v) + ε), Adagrad (Keras: starts
  the accumulator at 0.1 and uses sqrt(a + ε); PyTorch: 0 and sqrt(a) + ε), and SGD momentum under
  a learning-rate schedule (Keras's velocity carries earlier rates; PyTorch's buffer does not).
  These cases use ε = 1e-3 so that the placement of ε shows. Each numpy rule is checked here
  against torch.optim with ε = 0 (or a constant rate), where the two rules coincide, and shown to
  differ from torch for the ε (or schedule) used, so the golden tells the two apart.
"""
import json
import math
import pathlib

import numpy as np
import torch

torch.set_default_dtype(torch.float64)
A = [[1.0, 2.0, -1.0], [0.5, -1.0, 2.0], [3.0, 0.0, 1.0], [-1.0, 1.0, 0.5]]
B = [1.0, -2.0, 0.5, 3.0]
W0 = [0.3, -0.2, 0.1]
STEPS = 5


def gradient(w):
    """d/dw mean((A·w − b)²), by torch autograd as axon's tests compute it by axon's."""
    wt = torch.tensor(w, requires_grad=True)
    ((torch.tensor(A) @ wt - torch.tensor(B)) ** 2).mean().backward()
    return wt.grad.numpy().copy()


def exponential_decay(initial, decay_steps, rate):
    return lambda step: initial * rate ** (step / decay_steps)


# ---- Keras 3 update rules (keras/optimizers/{sgd,adam,rmsprop,adagrad}.py, base_optimizer.py) ----

def keras_sgd(o):
    def step(w, g, lr, t, s):
        v = s.setdefault("momentum", np.zeros_like(w))
        v[:] = o["momentum"] * v - lr * g
        return w + (o["momentum"] * v - lr * g if o.get("nesterov") else v)
    return step


def keras_adam(o):
    def step(w, g, lr, t, s):
        if o.get("weight_decay"):
            w = w - w * o["weight_decay"] * lr
        m = s.setdefault("momentum", np.zeros_like(w))
        v = s.setdefault("velocity", np.zeros_like(w))
        alpha = lr * math.sqrt(1 - o["beta_2"] ** t) / (1 - o["beta_1"] ** t)
        m += (g - m) * (1 - o["beta_1"])
        v += (g * g - v) * (1 - o["beta_2"])
        if o.get("amsgrad"):
            v_hat = s.setdefault("velocity_hat", np.zeros_like(w))
            v_hat[:] = np.maximum(v_hat, v)
            v = v_hat
        return w - (m * alpha) / (np.sqrt(v) + o["epsilon"])
    return step


def keras_rmsprop(o):
    def step(w, g, lr, t, s):
        v = s.setdefault("velocity", np.zeros_like(w))
        v[:] = o["rho"] * v + (1 - o["rho"]) * g * g
        if o.get("centered"):
            mu = s.setdefault("average_gradient", np.zeros_like(w))
            mu[:] = o["rho"] * mu + (1 - o["rho"]) * g
            denominator = v - mu * mu + o["epsilon"]
        else:
            denominator = v + o["epsilon"]
        increment = lr * g / np.sqrt(denominator)
        if o.get("momentum", 0) > 0:
            b = s.setdefault("momentum", np.zeros_like(w))
            b[:] = o["momentum"] * b + increment
            return w - b
        return w - increment
    return step


def keras_adagrad(o):
    def step(w, g, lr, t, s):
        a = s.setdefault("accumulator", np.full_like(w, o["initial_accumulator_value"]))
        a += g * g
        return w - lr * g / np.sqrt(a + o["epsilon"])
    return step


def run_keras(rule, o, schedule=None):
    w, state, out = np.array(W0), {}, []
    for t in range(1, STEPS + 1):
        lr = schedule(t - 1) if schedule else o["learning_rate"]  # the schedule sees the updates so far
        w = rule(o)(w, gradient(w), lr, t, state)
        out.append(w.tolist())
    return out


def run_torch(cls, kwargs, lr_lambda=None):
    w = torch.tensor(W0, requires_grad=True)
    opt = cls([w], **kwargs)
    scheduler = torch.optim.lr_scheduler.LambdaLR(opt, lr_lambda) if lr_lambda else None
    out = []
    for _ in range(STEPS):
        opt.zero_grad()
        ((torch.tensor(A) @ w - torch.tensor(B)) ** 2).mean().backward()
        opt.step()
        if scheduler:
            scheduler.step()
        out.append(w.detach().tolist())
    return out


def max_difference(x, y):
    return float(np.max(np.abs(np.array(x) - np.array(y))))


def torch_counterpart(rule, o):
    """The torch.optim class and arguments with the same hyperparameters."""
    if rule is keras_adam:
        cls = torch.optim.AdamW if o.get("weight_decay") else torch.optim.Adam
        kwargs = {"lr": o["learning_rate"], "betas": (o["beta_1"], o["beta_2"]), "eps": o["epsilon"],
                  "amsgrad": o.get("amsgrad", False), "weight_decay": o.get("weight_decay", 0.0)}
    elif rule is keras_rmsprop:
        cls = torch.optim.RMSprop
        kwargs = {"lr": o["learning_rate"], "alpha": o["rho"], "eps": o["epsilon"],
                  "momentum": o.get("momentum", 0.0), "centered": o.get("centered", False)}
    elif rule is keras_adagrad:
        cls = torch.optim.Adagrad
        kwargs = {"lr": o["learning_rate"], "initial_accumulator_value": o["initial_accumulator_value"],
                  "eps": o["epsilon"]}
    else:
        cls = torch.optim.SGD
        kwargs = {"lr": o["learning_rate"], "momentum": o["momentum"], "nesterov": o.get("nesterov", False)}
    return cls, kwargs


# ---- the cases ----

TORCH_CASES = {  # name: (axon options, torch class, torch arguments)
    "sgd": ({"learning_rate": 0.05}, torch.optim.SGD, {"lr": 0.05}),
    "sgd_momentum": ({"learning_rate": 0.05, "momentum": 0.9}, torch.optim.SGD, {"lr": 0.05, "momentum": 0.9}),
    "sgd_nesterov": ({"learning_rate": 0.05, "momentum": 0.9, "nesterov": True}, torch.optim.SGD,
                     {"lr": 0.05, "momentum": 0.9, "nesterov": True}),
    "sgd_momentum_weight_decay": ({"learning_rate": 0.05, "momentum": 0.9, "weight_decay": 0.1}, torch.optim.SGD,
                                  {"lr": 0.05, "momentum": 0.9, "weight_decay": 0.1}),
}

ADAM = {"learning_rate": 0.1, "beta_1": 0.9, "beta_2": 0.999, "epsilon": 1e-3}
RMSPROP = {"learning_rate": 0.01, "rho": 0.9, "epsilon": 1e-3}
SCHEDULE = {"initial_learning_rate": 0.1, "decay_steps": 2, "decay_rate": 0.5}  # exponential_decay
KERAS_CASES = {  # name: (rule, axon options)
    "adam": (keras_adam, ADAM),
    "adam_amsgrad": (keras_adam, {**ADAM, "beta_1": 0.8, "beta_2": 0.99, "amsgrad": True}),
    "adamw": (keras_adam, {**ADAM, "weight_decay": 0.1}),
    "rmsprop": (keras_rmsprop, RMSPROP),
    "rmsprop_momentum": (keras_rmsprop, {**RMSPROP, "momentum": 0.5}),
    "rmsprop_centered": (keras_rmsprop, {**RMSPROP, "centered": True}),
    "rmsprop_centered_momentum": (keras_rmsprop, {**RMSPROP, "centered": True, "momentum": 0.5}),
    "adagrad": (keras_adagrad, {"learning_rate": 0.1, "initial_accumulator_value": 0.1, "epsilon": 1e-3}),
    "sgd_momentum_schedule": (keras_sgd, {"learning_rate": 0.1, "momentum": 0.9, "schedule": SCHEDULE}),
    "sgd_nesterov_schedule": (keras_sgd, {"learning_rate": 0.1, "momentum": 0.9, "nesterov": True,
                                          "schedule": SCHEDULE}),
}

cases = {}
for name, (options, cls, kwargs) in TORCH_CASES.items():
    cases[name] = {"oracle": "torch.optim." + cls.__name__, "options": options,
                   "trajectory": run_torch(cls, kwargs)}

for name, (rule, o) in KERAS_CASES.items():
    s = o.get("schedule")
    schedule = exponential_decay(s["initial_learning_rate"], s["decay_steps"], s["decay_rate"]) if s else None
    trajectory = run_keras(rule, o, schedule)
    cls, kwargs = torch_counterpart(rule, o)
    if s:
        # With a constant rate the Keras rule is torch's; under the schedule they part.
        assert max_difference(run_keras(rule, o), run_torch(cls, kwargs)) < 1e-13, name
        lr_lambda = lambda step: exponential_decay(1.0, s["decay_steps"], s["decay_rate"])(step)
        assert max_difference(trajectory, run_torch(cls, kwargs, lr_lambda)) > 1e-6, name
    else:
        # With ε = 0 the Keras rule is torch's; with the ε used here they part.
        assert max_difference(run_keras(rule, {**o, "epsilon": 0.0}), run_torch(cls, {**kwargs, "eps": 0.0})) < 1e-13, name
        assert max_difference(trajectory, run_torch(cls, kwargs)) > 1e-6, name
    cases[name] = {"oracle": "Keras 3 formula in numpy", "options": o, "trajectory": trajectory}

header = {"made_by": "tools/golden/make_optim_golden.py", "torch": torch.__version__, "numpy": np.__version__,
          "A": A, "b": B, "w0": W0}
lines = [json.dumps(header)[:-1] + ', "cases": {']
lines += [f" {json.dumps(name)}: {json.dumps(case)}," for name, case in cases.items()]
lines[-1] = lines[-1].rstrip(",")
lines.append("}}")
path = pathlib.Path(__file__).resolve().parents[2] / "tests" / "golden" / "optim.json"
path.write_text("\n".join(lines) + "\n")
json.loads(path.read_text())
print(f"wrote {path} ({len(cases)} cases)")
