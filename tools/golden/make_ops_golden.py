#!/usr/bin/python3
"""Golden references for axon's differentiable ops, computed by PyTorch in float64.

Writes tests/golden/ops.json, which tests/autograd/ops/golden_test.cpp reads. Each case holds the
inputs, an upstream gradient r of the output's shape, torch's output, and torch's gradient of
sum(out * r) with respect to every floating input. Run with Debian's interpreter (the one that has
python3-torch and python3-numpy):

    /usr/bin/python3 tools/golden/make_ops_golden.py

The inputs come from a seeded generator rounded to 4 decimals (so the JSON stays readable), plus
hand-written edge values (±30 for the saturating activations, exact zeros for relu, abs and
binary cross-entropy from logits, clip bounds hit exactly, tied maxima, probabilities 0 and 1 for
Keras's clipping). Python's float repr round-trips, so the C++ test reads the very same doubles.

Keras semantics where torch differs: the losses take (y_true, y_pred) and average over the batch;
from probabilities they clip to [1e-7, 1 - 1e-7] (categorical: after dividing each row by its sum).

As a check on the oracle itself, the unary forward values are compared with mpmath at 50 digits
(when mpmath is installed) and the script fails if torch is off by more than 1e-14 relative.
"""

import json
import math
import os
import sys

import numpy as np
import torch
import torch.nn.functional as F

torch.set_default_dtype(torch.float64)
DT = torch.float64
EPS = 1e-7  # keras.backend.epsilon()

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
OUT_PATH = os.path.join(ROOT, "tests", "golden", "ops.json")

rng = np.random.default_rng(20240611)


def uniform(shape, lo=-2.0, hi=2.0):
    return np.round(rng.uniform(lo, hi, size=shape), 4)


def upstream(shape):
    """The fixed upstream gradient r: values of either sign, none near zero."""
    mag = rng.uniform(0.5, 1.5, size=shape)
    sign = np.where(rng.uniform(size=shape) < 0.5, -1.0, 1.0)
    return np.round(mag * sign, 4)


def enc(a):
    a = np.asarray(a)
    return {"shape": list(a.shape), "data": [float(v) for v in a.reshape(-1)]}


def enc_int(a):
    a = np.asarray(a)
    return {"shape": list(a.shape), "dtype": "int64", "data": [int(v) for v in a.reshape(-1)]}


cases = []


def add_case(name, op, inputs, fn, attrs=None, grad_inputs=None):
    """inputs: list of numpy arrays (float) or ("int", array) for int64 labels.
    fn: torch tensors -> torch output. Gradients are taken for every float input."""
    ts, encoded = [], []
    for x in inputs:
        if isinstance(x, tuple) and x[0] == "int":
            ts.append(torch.tensor(np.asarray(x[1]), dtype=torch.int64))
            encoded.append(enc_int(x[1]))
        else:
            ts.append(torch.tensor(np.asarray(x, dtype=np.float64), dtype=DT, requires_grad=True))
            encoded.append(enc(x))
    out = fn(*ts)
    assert out.dtype == DT, name
    r = upstream(tuple(out.shape))
    rt = torch.tensor(r, dtype=DT)
    float_ts = [t for t in ts if t.dtype == DT]
    grads = torch.autograd.grad((out * rt).sum(), float_ts, allow_unused=False)
    grads = iter(grads)
    enc_grads = [enc(next(grads).detach().numpy()) if t.dtype == DT else None for t in ts]
    out_np = out.detach().numpy()
    assert np.all(np.isfinite(out_np)), name
    for g in enc_grads:
        assert g is None or all(math.isfinite(v) for v in g["data"]), name
    cases.append({
        "name": name,
        "op": op,
        "attrs": attrs or {},
        "inputs": encoded,
        "r": enc(r),
        "output": enc(out_np),
        "grads": enc_grads,
    })
    return out_np


# ---------------------------------------------------------------- unary elementwise
mp = None
try:
    import mpmath as mp
    mp.mp.dps = 50
except ImportError:  # the oracle check is optional
    pass

oracle_worst = {}
oracle_failures = []


def check_oracle(op, x, out, ref):
    """torch's forward against a 50-digit reference, elementwise."""
    if mp is None or ref is None:
        return
    worst = 0.0
    for xi, yi in zip(np.asarray(x).reshape(-1), np.asarray(out).reshape(-1)):
        exact = ref(mp.mpf(float(xi)))
        err = abs(mp.mpf(float(yi)) - exact)
        rel = float(err / abs(exact)) if exact != 0 else float(err)
        worst = max(worst, rel)
    oracle_worst[op] = max(worst, oracle_worst.get(op, 0.0))
    if worst > 1e-14:
        oracle_failures.append(f"torch's {op} is off by {worst:.3g} relative against mpmath on {x.tolist()}")


def mp_gelu(x):
    return x * (1 + mp.erf(x / mp.sqrt(2))) / 2


def mp_softplus(x):
    return mp.log(1 + mp.exp(x))


def mp_elu(x):
    return x if x > 0 else mp.exp(x) - 1


def unary(op, x, fn, ref=None, attrs=None, name=None):
    x = np.asarray(x, dtype=np.float64)
    out = add_case(name or op, op, [x], fn, attrs)
    check_oracle(name or op, x, out, ref)


g34 = lambda: uniform((3, 4))  # noqa: E731
SAT = [-30.0, -12.5, -3.0, -0.75, 0.0, 0.4, 2.5, 12.5, 30.0]  # saturating activations' edge values

unary("exp", g34(), torch.exp, lambda x: mp.exp(x))
unary("exp", np.array([-30.0, -1.0, 0.0, 1.0, 20.0, 30.0]), torch.exp, lambda x: mp.exp(x), name="exp_wide")
unary("log", uniform((3, 4), 0.05, 5.0), torch.log, lambda x: mp.log(x))
unary("log", np.array([1e-8, 1e-3, 1.0, 1.0 + 1e-9, 1e6]), torch.log, lambda x: mp.log(x), name="log_wide")
unary("log1p", uniform((3, 4), -0.9, 3.0), torch.log1p, lambda x: mp.log1p(x))
unary("log1p", np.array([-0.999, -1e-10, 0.0, 1e-12, 1e-5, 50.0]), torch.log1p, lambda x: mp.log1p(x),
      name="log1p_small")
unary("sqrt", uniform((3, 4), 0.01, 9.0), torch.sqrt, lambda x: mp.sqrt(x))
unary("abs", np.array([[-1.5, -0.25, 0.0, 0.3], [2.0, -3.7, 0.0, 1e-9]]), torch.abs, lambda x: abs(x))
unary("sigmoid", np.array(SAT), torch.sigmoid, lambda x: 1 / (1 + mp.exp(-x)))
unary("sigmoid", g34(), torch.sigmoid, lambda x: 1 / (1 + mp.exp(-x)), name="sigmoid_random")
unary("tanh", np.array(SAT), torch.tanh, lambda x: mp.tanh(x))
unary("tanh", g34(), torch.tanh, lambda x: mp.tanh(x), name="tanh_random")
unary("relu", np.array([[-2.0, -0.5, 0.0, 0.5], [1.5, 0.0, -1e-9, 3.0]]), torch.relu, lambda x: max(x, 0))
unary("relu", g34(), torch.relu, lambda x: max(x, 0), name="relu_random")
unary("leaky_relu", np.array([[-2.0, -0.5, 0.0, 0.5], [1.5, -30.0, -1e-9, 3.0]]),
      lambda x: F.leaky_relu(x, 0.2), lambda x: x if x > 0 else x / 5, attrs={"negative_slope": 0.2})
unary("leaky_relu", g34(), lambda x: F.leaky_relu(x, 0.2), lambda x: x if x > 0 else x / 5,
      attrs={"negative_slope": 0.2}, name="leaky_relu_random")


def elu(x):
    """F.elu computes exp(x) − 1, which loses digits near 0⁻ (1.6e-11 relative at −1e-6); the same
    function with expm1 is exact, and its gradient is F.elu's (exp(x) for x ≤ 0, 1 above)."""
    out = torch.where(x > 0, x, torch.expm1(x))
    assert torch.allclose(out, F.elu(x, 1.0), rtol=1e-10, atol=1e-300)
    return out


def gelu(x):
    """F.gelu computes x·(1 + erf(x/√2))/2, which loses digits for x ≪ 0 (6e-14 relative at −3.5);
    x·erfc(−x/√2)/2 is the same function without the cancellation."""
    out = 0.5 * x * torch.special.erfc(-x * math.sqrt(0.5))
    assert torch.allclose(out, F.gelu(x, approximate="none"), rtol=1e-10, atol=1e-300)
    return out


unary("elu", np.array([[-30.0, -2.0, -0.5, -1e-6], [0.0, 0.5, 1.5, 3.0]]), elu, mp_elu, attrs={"alpha": 1.0})
unary("elu", g34(), elu, mp_elu, attrs={"alpha": 1.0}, name="elu_random")
# torch's softplus returns x itself above its threshold 20 (and gradient 1): at 30 that is within
# 1e-15 relative of log(1 + e^30), so the edge values still test axon's accuracy.
unary("softplus", np.array(SAT), F.softplus, mp_softplus)
unary("softplus", g34(), F.softplus, mp_softplus, name="softplus_random")
unary("gelu", np.array([-3.5, -2.0, -0.7, 0.0, 0.3, 1.0, 3.5]), gelu, mp_gelu, attrs={"approximate": False})
unary("gelu", g34(), gelu, mp_gelu, attrs={"approximate": False}, name="gelu_random")
unary("pow", np.array([[-2.0, -0.5, 0.0, 0.5], [1.5, 3.0, -1.25, 0.1]]), lambda x: torch.pow(x, 3),
      lambda x: x ** 3, attrs={"exponent": 3.0})
# Values exactly on the bounds pass the gradient (torch.clamp's mask is min <= x <= max).
unary("clip", np.array([[-2.0, -0.5, -0.49, 0.0], [0.3, 0.5, 0.51, 4.0]]), lambda x: torch.clamp(x, -0.5, 0.5),
      lambda x: min(max(x, mp.mpf(-0.5)), mp.mpf(0.5)), attrs={"min": -0.5, "max": 0.5})
unary("clip", g34(), lambda x: torch.clamp(x, -0.5, 0.5), lambda x: min(max(x, mp.mpf(-0.5)), mp.mpf(0.5)),
      attrs={"min": -0.5, "max": 0.5}, name="clip_random")

if oracle_failures:
    sys.exit("\n".join(oracle_failures))

# ---------------------------------------------------------------- binary with broadcasting
for op, fn in [("add", torch.add), ("sub", torch.sub), ("mul", torch.mul), ("div", torch.div)]:
    lo_b = 0.5 if op == "div" else -2.0  # divisors kept away from zero
    add_case(f"{op}_same", op, [uniform((3, 4)), uniform((3, 4), lo_b, 2.0)], fn)
    add_case(f"{op}_row", op, [uniform((3, 4)), uniform((4,), lo_b, 2.0)], fn)
    add_case(f"{op}_col", op, [uniform((3, 4)), uniform((3, 1), lo_b, 2.0)], fn)
    add_case(f"{op}_row_first", op, [uniform((4,), lo_b, 2.0), uniform((3, 4), lo_b, 2.0)], fn)
    add_case(f"{op}_outer", op, [uniform((3, 1), lo_b, 2.0), uniform((1, 4), lo_b, 2.0)], fn)

# ---------------------------------------------------------------- matmul
def mm(ta, tb):
    def f(a, b):
        return torch.matmul(a.transpose(-1, -2) if ta else a, b.transpose(-1, -2) if tb else b)
    return f


add_case("matmul", "matmul", [uniform((3, 4)), uniform((4, 2))], mm(False, False),
         {"trans_a": False, "trans_b": False})
add_case("matmul_ta", "matmul", [uniform((4, 3)), uniform((4, 2))], mm(True, False),
         {"trans_a": True, "trans_b": False})
add_case("matmul_tb", "matmul", [uniform((3, 4)), uniform((2, 4))], mm(False, True),
         {"trans_a": False, "trans_b": True})
add_case("matmul_ta_tb", "matmul", [uniform((4, 3)), uniform((2, 4))], mm(True, True),
         {"trans_a": True, "trans_b": True})
add_case("matmul_batched", "matmul", [uniform((2, 3, 4)), uniform((2, 4, 5))], mm(False, False),
         {"trans_a": False, "trans_b": False})
add_case("matmul_batched_ta_tb", "matmul", [uniform((2, 4, 3)), uniform((2, 5, 4))], mm(True, True),
         {"trans_a": True, "trans_b": True})
add_case("matmul_shared_rhs", "matmul", [uniform((2, 3, 4)), uniform((4, 5))], mm(False, False),
         {"trans_a": False, "trans_b": False})

# ---------------------------------------------------------------- reductions (keepdims false)
REDUCTIONS = {
    "sum": lambda x, a: torch.sum(x, dim=a),
    "mean": lambda x, a: torch.mean(x, dim=a),
    "var": lambda x, a: torch.var(x, dim=a, unbiased=False),  # numpy's ddof 0
    "std": lambda x, a: torch.std(x, dim=a, unbiased=False),
    "max": lambda x, a: torch.amax(x, dim=a),  # ties share the gradient equally
    "logsumexp": lambda x, a: torch.logsumexp(x, dim=a),
}
for op, fn in REDUCTIONS.items():
    for axis in (0, 1, -1):
        add_case(f"{op}_2d_axis{axis}", op, [uniform((3, 4))], lambda x, fn=fn, axis=axis: fn(x, axis),
                 {"axis": axis})
    add_case(f"{op}_3d_axis1", op, [uniform((2, 3, 4))], lambda x, fn=fn: fn(x, 1), {"axis": 1})

# Tied maxima (row 0: two-way tie, row 1: all equal) and large values that need a stable logsumexp.
ties = np.array([[1.0, 3.0, 3.0, -2.0], [0.5, 0.5, 0.5, 0.5], [-1.0, 2.0, 0.0, 1.5]])
add_case("max_ties_axis1", "max", [ties], lambda x: torch.amax(x, dim=1), {"axis": 1})
add_case("max_ties_axis0", "max", [ties.T.copy()], lambda x: torch.amax(x, dim=0), {"axis": 0})
big = np.array([[1000.0, 1000.5, 999.0, 1001.0], [-1000.0, -999.5, -1001.0, -1000.0], [0.0, 0.0, 0.0, 0.0]])
add_case("logsumexp_large_axis1", "logsumexp", [big], lambda x: torch.logsumexp(x, dim=1), {"axis": 1})
add_case("var_offset_axis1", "var", [big], lambda x: torch.var(x, dim=1, unbiased=False), {"axis": 1})
add_case("std_offset_axis1", "std", [big[:2]], lambda x: torch.std(x, dim=1, unbiased=False), {"axis": 1})

# ---------------------------------------------------------------- softmax, log_softmax (last axis)
for op, fn in [("softmax", lambda x: torch.softmax(x, -1)), ("log_softmax", lambda x: torch.log_softmax(x, -1))]:
    add_case(op, op, [uniform((3, 5))], fn, {"axis": -1})
    add_case(f"{op}_3d", op, [uniform((2, 3, 4))], fn, {"axis": -1})
    add_case(f"{op}_large", op, [np.array([[1000.0, 1001.0, 999.5, 1000.25], [-30.0, 30.0, 0.0, -1.0]])], fn,
             {"axis": -1})


# ---------------------------------------------------------------- losses (y_true, y_pred)
def keras_bce(t, p):
    p = torch.clamp(p, EPS, 1 - EPS)
    return -(t * torch.log(p) + (1 - t) * torch.log(1 - p)).mean()


def keras_cce_probs(t, p):
    p = p / p.sum(-1, keepdim=True)
    p = torch.clamp(p, EPS, 1 - EPS)
    return -(t * torch.log(p)).sum(-1).mean()


def cce_logits(t, z):
    out = F.cross_entropy(z, t)  # soft / one-hot targets, mean over rows
    manual = -(t * torch.log_softmax(z, -1)).sum(-1).mean()
    assert torch.allclose(out, manual, rtol=1e-14, atol=0)
    return out


def keras_sparse_probs(labels, p):
    p = p / p.sum(-1, keepdim=True)
    p = torch.clamp(p, EPS, 1 - EPS)
    return -torch.log(p.gather(-1, labels[:, None])).mean()


def one_hot(labels, k):
    return np.eye(k)[labels]


add_case("mean_squared_error", "mean_squared_error", [uniform((4, 3)), uniform((4, 3))],
         lambda t, p: ((p - t) ** 2).mean())
add_case("mean_squared_error_1d", "mean_squared_error", [uniform((6,)), uniform((6,))],
         lambda t, p: F.mse_loss(p, t))
mae_t = uniform((4, 3))
mae_p = uniform((4, 3))
assert np.all(np.abs(mae_p - mae_t) > 1e-3)  # |·| is not differentiable at a tie
add_case("mean_absolute_error", "mean_absolute_error", [mae_t, mae_p], lambda t, p: (p - t).abs().mean())

# From probabilities: 0, 1 and values beyond the clip bounds get no gradient; soft targets too.
bce_t = np.array([[0.0, 1.0, 0.3], [1.0, 0.0, 0.7], [1.0, 0.0, 0.5], [0.0, 1.0, 1.0]])
bce_p = np.array([[0.1, 0.8, 0.45], [0.0, 1.0, 0.999], [1e-9, 1 - 1e-9, 0.5], [0.35, 0.02, 0.6]])
add_case("binary_crossentropy_probs", "binary_crossentropy", [bce_t, bce_p], keras_bce, {"from_logits": False})
add_case("binary_crossentropy_probs_random", "binary_crossentropy",
         [np.round(rng.uniform(0, 1, (3, 4)), 0), uniform((3, 4), 0.02, 0.98)], keras_bce, {"from_logits": False})
# From logits: z = 0 exactly (gradient sigmoid(0) − t), and ±30, ±50 where the naive formula overflows.
bcel_t = np.array([[0.0, 1.0, 0.3, 1.0], [1.0, 0.0, 0.0, 1.0], [0.5, 1.0, 0.0, 0.25]])
bcel_z = np.array([[0.0, 0.0, 0.0, 1.5], [30.0, -30.0, 50.0, -50.0], [-0.7, 2.0, -1.2, 0.0]])
add_case("binary_crossentropy_logits", "binary_crossentropy", [bcel_t, bcel_z],
         lambda t, z: F.binary_cross_entropy_with_logits(z, t), {"from_logits": True})
add_case("binary_crossentropy_logits_random", "binary_crossentropy",
         [np.round(rng.uniform(0, 1, (4, 3)), 0), uniform((4, 3), -4, 4)],
         lambda t, z: F.binary_cross_entropy_with_logits(z, t), {"from_logits": True})

labels = np.array([2, 0, 4, 1])
soft = np.round(rng.dirichlet(np.ones(5), size=4), 4)
soft[:, -1] = 1 - soft[:, :-1].sum(-1)  # rows sum to 1 (to rounding)
cce_z_large = uniform((4, 5), -3, 3)
cce_z_large[1] = [30.0, -30.0, 0.0, 1000.0, 999.0]
add_case("categorical_crossentropy_logits_onehot", "categorical_crossentropy",
         [one_hot(labels, 5), uniform((4, 5), -3, 3)], cce_logits, {"from_logits": True})
add_case("categorical_crossentropy_logits_soft", "categorical_crossentropy", [soft, uniform((4, 5), -3, 3)],
         cce_logits, {"from_logits": True})
add_case("categorical_crossentropy_logits_large", "categorical_crossentropy", [soft, cce_z_large],
         cce_logits, {"from_logits": True})
# From probabilities: rows that do not sum to 1 (renormalized), and one entry that the clip catches.
cce_p = uniform((4, 5), 0.05, 1.0)
cce_p[2, 1] = 1e-9
add_case("categorical_crossentropy_probs_onehot", "categorical_crossentropy", [one_hot(labels, 5), cce_p],
         keras_cce_probs, {"from_logits": False})
add_case("categorical_crossentropy_probs_soft", "categorical_crossentropy", [soft, cce_p], keras_cce_probs,
         {"from_logits": False})
add_case("sparse_categorical_crossentropy_logits", "sparse_categorical_crossentropy",
         [("int", labels), uniform((4, 5), -3, 3)], lambda y, z: F.cross_entropy(z, y), {"from_logits": True})
add_case("sparse_categorical_crossentropy_logits_large", "sparse_categorical_crossentropy",
         [("int", labels), cce_z_large], lambda y, z: F.cross_entropy(z, y), {"from_logits": True})
add_case("sparse_categorical_crossentropy_probs", "sparse_categorical_crossentropy",
         [("int", labels), cce_p], keras_sparse_probs, {"from_logits": False})


# ---------------------------------------------------------------- write
def dump(obj, indent=0):
    """Pretty JSON with every number list on one line (keeps the file small and diffable)."""
    pad = " " * indent
    if isinstance(obj, dict):
        items = [f'{pad} {json.dumps(k)}: {dump(v, indent + 1).lstrip()}' for k, v in obj.items()]
        return pad + "{\n" + ",\n".join(items) + "\n" + pad + "}" if items else pad + "{}"
    if isinstance(obj, list) and obj and all(isinstance(v, (dict, list)) or v is None for v in obj):
        items = [dump(v, indent + 1) if v is not None else pad + " null" for v in obj]
        return pad + "[\n" + ",\n".join(items) + "\n" + pad + "]"
    return pad + json.dumps(obj, allow_nan=False)


doc = {
    "generator": "tools/golden/make_ops_golden.py",
    "torch_version": torch.__version__,
    "numpy_version": np.__version__,
    "dtype": "float64",
    "convention": "output = op(*inputs); grads[i] = d sum(output * r) / d inputs[i] (null for int inputs)",
    "oracle_check": {k: float(f"{v:.3g}") for k, v in sorted(oracle_worst.items())},
    "cases": cases,
}
json.loads(dump(doc))  # well-formed
os.makedirs(os.path.dirname(OUT_PATH), exist_ok=True)
with open(OUT_PATH, "w") as f:
    f.write(dump(doc) + "\n")
print(f"wrote {len(cases)} cases to {os.path.relpath(OUT_PATH, ROOT)} ({os.path.getsize(OUT_PATH)} bytes), "
      f"torch {torch.__version__}")
