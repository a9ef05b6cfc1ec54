#!/usr/bin/env python3
"""PyTorch reference for `pnpm bench --pytorch`: the same workloads as bench/src/rows.ts, on the CPU, in
float32 (PyTorch's default) and float64 (our precision). Prints one JSON object on stdout; progress goes
to stderr. Row ids match the TypeScript side.

Timing policy (same as ours): per row and dtype, warm-up runs (at least 3 and at least 0.3 s), then timed
runs (at least 9 -- fewer for long rows -- and at least 1 s); the median is reported in milliseconds.

Run alone:  python3 bench/pytorch_reference.py [--quick] [--threads N] [--only ID ...] [--catalogue FILE]
"""

import argparse
import ctypes
import json
import math
import os
import platform
import resource
import statistics
import sys
import time

import numpy as np
import torch
import torch.nn as nn
import torch.nn.functional as F

TENSOR_WIDTHS = (16, 64, 256)
TENSOR_BATCHES = (16, 256)
SCALAR_WIDTHS = (8, 16, 32, 64, 128)
MATMUL_SIZES = (256, 512, 1024, 1500, 2048, 3001, 4096)
EVAL_POINTS = 100_000
DTYPES = {"float32": torch.float32, "float64": torch.float64}


def progress(text):
    print(text, file=sys.stderr, flush=True)


# --------------------------------------------------------------------------------------------- timing


class Repeats:
    def __init__(self, quick):
        self.quick = quick
        if quick:
            self.warmup, self.warmup_s, self.runs, self.time_s = 1, 0.05, 3, 0.15
        else:
            self.warmup, self.warmup_s, self.runs, self.time_s = 3, 0.3, 9, 1.0


def measure(fn, repeats, min_runs=None, self_timed=False, warmup=None):
    """Median in ms of `fn()`; with self_timed, fn returns its own sample in seconds (setup left out)."""

    def once():
        start = time.perf_counter()
        own = fn()
        wall = time.perf_counter() - start
        return (own if self_timed else wall), wall

    spent, n = 0.0, 0
    # An explicit `warmup` count replaces both warm-up minimums (the caller warmed up already).
    min_n, min_s = (repeats.warmup, repeats.warmup_s) if warmup is None else (warmup, 0.0)
    while n < min_n or spent < min_s:
        spent += once()[1]
        n += 1
    runs = repeats.runs if min_runs is None or repeats.quick else min_runs
    samples, spent = [], 0.0
    while len(samples) < runs or spent < repeats.time_s:
        sample, wall = once()
        samples.append(sample * 1000.0)
        spent += wall
    return {
        "medianMs": statistics.median(samples),
        "minMs": min(samples),
        "maxMs": max(samples),
        "runs": len(samples),
    }


# ----------------------------------------------------------------------------------------------- data


def generate_spirals(n_points=100, n_classes=3, noise=0.1):
    """Step 1 of the tutorial, verbatim."""
    X = np.zeros((n_points * n_classes, 2))
    y = np.zeros(n_points * n_classes, dtype=int)
    for class_idx in range(n_classes):
        start = n_points * class_idx
        end = n_points * (class_idx + 1)
        r = np.linspace(0.0, 1.0, n_points)
        theta = np.linspace(class_idx * 4, (class_idx + 1) * 4, n_points) + np.random.randn(n_points) * noise
        X[start:end, 0] = r * np.sin(theta)
        X[start:end, 1] = r * np.cos(theta)
        y[start:end] = class_idx
    return X, y


def tutorial_data():
    np.random.seed(42)
    X, y = generate_spirals(n_points=100, n_classes=3, noise=0.15)
    indices = np.random.permutation(len(X))
    split = int(0.8 * len(X))
    return X[indices[:split]], y[indices[:split]], X[indices[split:]], y[indices[split:]]


def decision_grid(X_test, h=0.02):
    """Step 7's grid around the test points (17,415 points for the tutorial's test set)."""
    x_min, x_max = X_test[:, 0].min() - 0.5, X_test[:, 0].max() + 0.5
    y_min, y_max = X_test[:, 1].min() - 0.5, X_test[:, 1].max() + 0.5
    xx, yy = np.meshgrid(np.arange(x_min, x_max, h), np.arange(y_min, y_max, h))
    return np.c_[xx.ravel(), yy.ravel()]


def mlp(width, dtype):
    return nn.Sequential(
        nn.Linear(2, width), nn.ReLU(), nn.Linear(width, width), nn.ReLU(), nn.Linear(width, 3)
    ).to(dtype)


# ------------------------------------------------------------------------------------------ workloads


def train(X_train, y_train, dtype, optimizer_name, lr, width=16, epochs=30, batch_size=16):
    """The tutorial's PyTorch loop (Step 4); returns the seconds of the training loop only."""
    model = mlp(width, dtype)
    Xt = torch.tensor(X_train, dtype=dtype)
    yt = torch.tensor(y_train, dtype=torch.long)
    if optimizer_name == "adam":
        optimizer = torch.optim.Adam(model.parameters(), lr=lr)
    else:
        optimizer = torch.optim.SGD(model.parameters(), lr=lr)
    criterion = nn.CrossEntropyLoss()
    start = time.perf_counter()
    for _ in range(epochs):
        perm = torch.randperm(len(Xt))
        epoch_loss, correct = 0.0, 0
        for first in range(0, len(Xt), batch_size):
            X_batch = Xt[perm[first : first + batch_size]]
            y_batch = yt[perm[first : first + batch_size]]
            outputs = model(X_batch)
            loss = criterion(outputs, y_batch)
            optimizer.zero_grad()
            loss.backward()
            optimizer.step()
            epoch_loss += loss.item()
            _, predicted = torch.max(outputs, 1)
            correct += (predicted == y_batch).sum().item()
    return time.perf_counter() - start, model


def tensor_step(width, batch, dtype):
    """One Adam step of the 2 -> width -> width -> 3 MLP on a fixed batch (bench/src/workloads/tensor-step.ts)."""
    np.random.seed(42)
    X, y = generate_spirals(n_points=max(100, math.ceil(batch / 3)), n_classes=3, noise=0.15)
    order = np.random.permutation(len(X))[:batch]
    inputs = torch.tensor(X[order], dtype=dtype)
    targets = torch.tensor(y[order], dtype=torch.long)
    model = mlp(width, dtype)
    optimizer = torch.optim.Adam(model.parameters(), lr=0.01)

    def step():
        loss = F.cross_entropy(model(inputs), targets)
        optimizer.zero_grad()
        loss.backward()
        optimizer.step()
        return loss.item()

    return step


def gelu_sweep(dtype):
    """The catalogue's gelu (tanh form) on EVAL_POINTS points in [-5, 5], vectorised, summed."""
    x = torch.linspace(-5, 5, EVAL_POINTS, dtype=dtype)
    c = math.sqrt(2) / math.sqrt(math.pi)

    def sweep():
        return (0.5 * x * (torch.tanh(c * (0.044715 * x**3 + x)) + 1)).sum().item()

    return sweep


def sympy_catalogue(entries):
    """Parse, differentiate and lambdify every catalogue formula with SymPy (no cache between runs)."""
    import sympy
    from sympy.core.cache import clear_cache
    from sympy.parsing.sympy_parser import parse_expr

    def one_pass():
        clear_cache()
        failures = 0
        for e in entries:
            names = list(e["variables"]) + list(e["params"])
            local = {n: sympy.Symbol(n) for n in names}
            try:
                expr = parse_expr(e["formula"], local_dict=local)
                constants = {local[k]: v for k, v in e["params"].items()}
                args = [local[v] for v in e["variables"]]
                sympy.lambdify(args, expr.subs(constants), "math")
                for v in e["variables"]:
                    sympy.lambdify(args, sympy.diff(expr, local[v]).subs(constants), "math")
            except Exception:  # a formula SymPy cannot read back: counted, reported
                failures += 1
        return failures

    return one_pass, sympy.__version__


# ----------------------------------------------------------------------------------------------- main


def blas_libraries():
    """The BLAS/LAPACK shared objects this process has loaded (Linux), e.g. reference libblas vs OpenBLAS."""
    try:
        with open("/proc/self/maps") as maps:
            paths = {line.split()[-1] for line in maps if "/" in line}
    except OSError:
        return "unknown"
    found = sorted(os.path.realpath(p) for p in paths if any(k in os.path.basename(p) for k in ("blas", "lapack", "blis", "mkl")))
    return ", ".join(found) if found else "none loaded"


def openblas():
    """The OpenBLAS this process loaded (through libblas.so.3, for PyTorch and NumPy alike), or None."""
    try:
        with open("/proc/self/maps") as maps:
            paths = {line.split()[-1] for line in maps if "/" in line}
    except OSError:
        return None
    for path in sorted(p for p in paths if "blas" in os.path.basename(p)):
        try:
            lib = ctypes.CDLL(path)
            lib.openblas_get_config.restype = ctypes.c_char_p
            lib.openblas_get_corename.restype = ctypes.c_char_p
            return lib
        except (OSError, AttributeError):
            continue
    return None


def blas_in_use(lib):
    """Which BLAS does the matrix products: OpenBLAS with its kernel and threads, or the reference BLAS."""
    if lib is None:
        paths = blas_libraries()
        slow = "reference BLAS (netlib; apt-get install libopenblas0-pthread for OpenBLAS)"
        return slow if "blas" in paths else f"no BLAS library found ({paths})"
    config = lib.openblas_get_config().decode()
    return f"{config}; kernel {lib.openblas_get_corename().decode()}; {lib.openblas_get_num_threads()} thread(s)"


def matmul_rows(sizes, repeats, lib, wanted):
    """NumPy `a @ b` (dgemm / sgemm) on one OpenBLAS thread, CPU time: the native reference of the matmul rows."""
    rows = {}
    saved = lib.openblas_get_num_threads() if lib is not None else None
    if lib is not None:
        lib.openblas_set_num_threads(1)
    try:
        for n in sizes:
            row_id = f"matmul.n{n}"
            if not wanted(row_id):
                continue
            progress(f"numpy {row_id} …")
            base = np.sin(1 + np.arange(n * n) * 0.618).reshape(n, n)
            other = np.sin(2 + np.arange(n * n) * 0.618).reshape(n, n)
            row = {"library": f"NumPy {np.__version__} a @ b, " + ("OpenBLAS 1 thread" if lib else "reference BLAS")}
            for name, dtype in (("float32", np.float32), ("float64", np.float64)):
                a, b = base.astype(dtype), other.astype(dtype)
                big = n >= 2048
                runs = (2 if n >= 4096 else 3) if big else None
                def product(a=a, b=b):  # CPU seconds, like the matmul rows of the TypeScript side
                    start = time.process_time()
                    a @ b
                    return time.process_time() - start

                row[name] = measure(product, repeats, min_runs=runs, self_timed=True, warmup=1 if big else None)
            rows[row_id] = row
    finally:
        if lib is not None:
            lib.openblas_set_num_threads(saved)
    return rows


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--quick", action="store_true", help="fewer runs")
    parser.add_argument("--threads", type=int, help="torch.set_num_threads")
    parser.add_argument("--only", action="append", default=[], help="row id to run (repeatable)")
    parser.add_argument("--catalogue", help="JSON list of {name, formula, params, variables} for the SymPy row")
    args = parser.parse_args()
    if args.threads is not None:
        torch.set_num_threads(args.threads)
    repeats = Repeats(args.quick)
    wall_start, cpu_start = time.perf_counter(), time.process_time()
    X_train, y_train, X_test, _ = tutorial_data()
    rows, notes = {}, []

    def wanted(row_id):
        return not args.only or row_id in args.only

    def both(row_id, make, min_runs=None, self_timed=False):
        if not wanted(row_id):
            return
        progress(f"torch {row_id} …")
        rows[row_id] = {name: measure(make(dtype), repeats, min_runs, self_timed) for name, dtype in DTYPES.items()}

    torch.manual_seed(42)
    both("scalar.tutorial-training", lambda d: lambda: train(X_train, y_train, d, "sgd", 0.05)[0], 7, True)
    both("tensor.tutorial-training-adam", lambda d: lambda: train(X_train, y_train, d, "adam", 0.01)[0], None, True)

    def grid_forward(dtype):
        _, model = train(X_train, y_train, dtype, "adam", 0.01)
        grid = torch.tensor(decision_grid(X_test), dtype=dtype)
        assert grid.shape[0] == 17415, grid.shape

        def forward():
            with torch.no_grad():
                return model(grid).argmax(1)

        return forward

    both("tensor.decision-grid", grid_forward)
    for w in TENSOR_WIDTHS:
        for b in TENSOR_BATCHES:
            both(f"scaling.tensor-step.w{w}.b{b}", lambda d, w=w, b=b: tensor_step(w, b, d))
    for h in SCALAR_WIDTHS:
        both(
            f"scaling.value-epoch.h{h}",
            lambda d, h=h: lambda: train(X_train, y_train, d, "sgd", 0.05, width=h, epochs=1)[0],
            self_timed=True,
        )

    lib = openblas()
    rows.update(matmul_rows(MATMUL_SIZES, repeats, lib, wanted))

    if wanted("symbolic.catalogue") and args.catalogue is not None:
        try:
            with open(args.catalogue) as f:
                entries = json.load(f)
            one_pass, version = sympy_catalogue(entries)
            progress("sympy symbolic.catalogue …")
            failures = one_pass()  # also the warm-up: every pass starts from an empty SymPy cache
            rows["symbolic.catalogue"] = {
                "float64": measure(one_pass, repeats, min_runs=3, warmup=0),
                "library": f"SymPy {version}",
            }
            if failures:
                notes.append(f"SymPy could not read back {failures} of {len(entries)} catalogue formulas (skipped in its time).")
        except ImportError:
            notes.append("SymPy is not installed: no reference for the catalogue row.")

    def per_eval(m):
        return {**m, "medianMs": m["medianMs"] / EVAL_POINTS, "minMs": m["minMs"] / EVAL_POINTS, "maxMs": m["maxMs"] / EVAL_POINTS}

    if wanted("symbolic.compiled-eval"):
        progress("torch symbolic.compiled-eval …")
        rows["symbolic.compiled-eval"] = {n: per_eval(measure(gelu_sweep(d), repeats)) for n, d in DTYPES.items()}

    print(
        json.dumps(
            {
                "versions": {
                    "PyTorch": torch.__version__,
                    "Python": platform.python_version(),
                    "NumPy": np.__version__,
                    "BLAS/LAPACK": blas_libraries(),
                    "BLAS": blas_in_use(lib),
                },
                "threads": torch.get_num_threads(),
                "cpuShare": (time.process_time() - cpu_start) / (time.perf_counter() - wall_start),
                "peakRssBytes": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss * 1024,
                "rows": rows,
                "notes": notes,
            }
        )
    )


if __name__ == "__main__":
    main()
