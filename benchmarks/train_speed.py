"""Training speed: the numpy reference against the same model written with PyTorch on the CPU.

Both train the L-layer cat model [12288, 20, 7, 5, 1] (learning rate 0.0075) by full-batch
gradient descent in float64, from the same initial parameters, with the same formulas and the
same number of threads; the PyTorch version only swaps np for torch. It reports seconds per
iteration, the ratio between the two, the GFLOP/s each achieves (from an explicit count of the
matmul FLOPs of one iteration) and, as the machine's attainable peak, the GFLOP/s of a large
float64 matmul timed in the same run. It then checks that both trained to the same costs.

    make bench-train                                   # installs torch==2.13.0 (CPU) and runs this
    python benchmarks/train_speed.py --fraction 0.1    # 250 iterations
    python benchmarks/train_speed.py --iterations 300 --threads 2 --repeats 5
"""

import argparse
import platform
import statistics
import sys
import time
from pathlib import Path

import numpy as np
from threadpoolctl import threadpool_info, threadpool_limits

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))  # run from anywhere, installed or not

from dnn_utils.data import load_prepared  # noqa: E402
from source_solutions.dnn_application import L_layer_model, initialize_parameters_deep  # noqa: E402
from source_solutions.model import L_model_forward, compute_cost  # noqa: E402

LAYERS_DIMS = [12288, 20, 7, 5, 1]
LEARNING_RATE = 0.0075
FULL_RUN = 2500  # the course's number of iterations for this model
RECORD_EVERY = 100  # L_layer_model keeps the cost of iterations 0, 100, 200, ...
COST_RTOL = 1e-9
PEAK_N = 2048

TORCH_MISSING = """PyTorch is not installed in this environment. Run

    make bench-train

which installs the CPU build and runs this benchmark, or install it yourself with

    pip install torch==2.13.0

(pin the version: on Linux a bare `pip install torch` downloads the multi-GB CUDA build)."""


# ----------------------------------------------------------------------------------------------
# The PyTorch implementation: the reference's formulas, term for term, on float64 tensors.
# ----------------------------------------------------------------------------------------------


def torch_linear_activation_forward(torch, A_prev, W, b, activation):
    """A = g(W A_prev + b).  A_prev: (n[l-1], m); W: (n[l], n[l-1]); b: (n[l], 1).

    Returns (A, cache) with A: (n[l], m) and cache = (A_prev, W, b, Z), Z: (n[l], m).
    """
    Z = W @ A_prev + b
    if activation == "sigmoid":
        A = 1 / (1 + torch.exp(-Z))
    else:
        A = torch.clamp_min(Z, 0.0)
    return A, (A_prev, W, b, Z)


def torch_L_model_forward(torch, X, parameters):
    """[LINEAR -> RELU] x (L-1) -> LINEAR -> SIGMOID.  X: (n[0], m).  Returns (AL (1, m), caches)."""
    L = len(parameters) // 2
    caches = []
    A = X
    for l in range(1, L + 1):
        activation = "sigmoid" if l == L else "relu"
        A, cache = torch_linear_activation_forward(torch, A, parameters[f"W{l}"], parameters[f"b{l}"], activation)
        caches.append(cache)
    return A, caches


def torch_compute_cost(torch, AL, Y):
    """Cross-entropy averaged over the m examples.  AL, Y: (1, m).  Returns a 0-d tensor."""
    m = Y.shape[1]
    return -torch.sum(Y * torch.log(AL) + (1 - Y) * torch.log(1 - AL)) / m


def torch_linear_activation_backward(torch, dA, cache, activation):
    """dZ = dA * g'(Z), then dW = dZ A_prev^T / m, db = sum(dZ) / m, dA_prev = W^T dZ.

    dA: (n[l], m).  Returns (dA_prev (n[l-1], m), dW (n[l], n[l-1]), db (n[l], 1)).
    """
    A_prev, W, b, Z = cache
    if activation == "sigmoid":
        s = 1 / (1 + torch.exp(-Z))
        dZ = dA * s * (1 - s)
    else:
        dZ = torch.where(Z > 0, dA, 0.0)
    m = A_prev.shape[1]
    dW = dZ @ A_prev.T / m
    db = torch.sum(dZ, dim=1, keepdim=True) / m
    dA_prev = W.T @ dZ
    return dA_prev, dW, db


def torch_L_model_backward(torch, AL, Y, caches):
    """Gradients dA{l-1}, dW{l}, db{l} for l = L..1 (dA0 included, as the reference computes it).

    AL, Y: (1, m); caches from torch_L_model_forward.
    """
    grads = {}
    L = len(caches)
    dA = -(Y / AL - (1 - Y) / (1 - AL))
    for l in range(L, 0, -1):
        activation = "sigmoid" if l == L else "relu"
        dA, grads[f"dW{l}"], grads[f"db{l}"] = torch_linear_activation_backward(torch, dA, caches[l - 1], activation)
        grads[f"dA{l - 1}"] = dA
    return grads


def torch_update_parameters(parameters, grads, learning_rate):
    """W_l - learning_rate dW_l and b_l - learning_rate db_l, as new tensors (like the reference)."""
    L = len(parameters) // 2
    updated = {}
    for l in range(1, L + 1):
        updated[f"W{l}"] = parameters[f"W{l}"] - learning_rate * grads[f"dW{l}"]
        updated[f"b{l}"] = parameters[f"b{l}"] - learning_rate * grads[f"db{l}"]
    return updated


def torch_L_layer_model(torch, X, Y, layers_dims, learning_rate, num_iterations):
    """Train like the reference's L_layer_model.  X: (n[0], m), Y: (1, m) float64 tensors.

    The initial parameters are the reference's: initialize_parameters_deep after np.random.seed(1).
    Returns (parameters, costs) with costs[k] the cost of iteration 100 k, before its update.
    """
    np.random.seed(1)
    parameters = {key: torch.from_numpy(value) for key, value in initialize_parameters_deep(layers_dims).items()}
    costs = []
    for i in range(num_iterations):
        AL, caches = torch_L_model_forward(torch, X, parameters)
        cost = torch_compute_cost(torch, AL, Y)
        grads = torch_L_model_backward(torch, AL, Y, caches)
        parameters = torch_update_parameters(parameters, grads, learning_rate)
        if i % RECORD_EVERY == 0:
            costs.append(float(cost))
    return parameters, costs


# ----------------------------------------------------------------------------------------------
# FLOPs, timing, peak
# ----------------------------------------------------------------------------------------------


def matmul_flops(layers_dims, m):
    """Per layer l: (n[l], n[l-1], FLOPs) of one iteration's matmuls on m examples.

    Forward W A_prev, backward dZ A_prev^T (dW) and W^T dZ (dA_prev), each 2 n[l] n[l-1] m FLOPs.
    dA0 (the gradient w.r.t. X) is counted too: both implementations compute it.
    """
    rows = []
    for l in range(1, len(layers_dims)):
        n_l, n_prev = layers_dims[l], layers_dims[l - 1]
        rows.append((n_l, n_prev, 3 * 2 * n_l * n_prev * m))
    return rows


def best_and_median(seconds):
    return min(seconds), statistics.median(seconds)


def time_call(fn):
    """(seconds, fn's result) of one call."""
    start = time.perf_counter()
    result = fn()
    return time.perf_counter() - start, result


def peak_matmul_gflops(multiply, A, B, repeats):
    """GFLOP/s of the best of ``repeats`` products A @ B (after one warm-up).  A, B: (n, n)."""
    multiply(A, B)
    n = A.shape[0]
    best = min(time_call(lambda: multiply(A, B))[0] for _ in range(repeats))
    return 2 * n**3 / best / 1e9


# ----------------------------------------------------------------------------------------------
# Reporting
# ----------------------------------------------------------------------------------------------


def torch_blas_name(torch):
    for item in torch.__config__.show().replace(",", "\n").splitlines():
        if "BLAS_INFO=" in item:
            return item.split("=", 1)[1].strip()
    return "unknown"


def print_environment(torch, threads):
    print(f"Python {platform.python_version()}, numpy {np.__version__}, torch {torch.__version__}")
    print(f"CPU: {platform.machine()}, {cpu_name()}")
    print(f"Threads requested: {threads}; torch.get_num_threads() = {torch.get_num_threads()}")
    print("Thread pools / BLAS (threadpoolctl.threadpool_info(), inside the limits):")
    for pool in threadpool_info():
        details = [f"{key}={pool[key]}" for key in ("num_threads", "version", "architecture", "threading_layer") if pool.get(key)]
        print(f"  {pool['internal_api']:<9} {Path(pool['filepath']).name}: {', '.join(details)}")
    print(f"  torch's BLAS (torch.__config__): {torch_blas_name(torch)}, linked into torch")


def cpu_name():
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                return line.split(":", 1)[1].strip()
    except OSError:
        pass
    return platform.processor() or "unknown"


def print_flops(rows, m):
    total = sum(flops for _, _, flops in rows)
    print(f"\nFLOPs of one training iteration (matmuls only, m = {m} examples):")
    for l, (n_l, n_prev, flops) in enumerate(rows, start=1):
        print(f"  layer {l}: W{l} {n_l} x {n_prev}: W A_prev + dW + dA_prev = 3 x 2*{n_l}*{n_prev}*{m} = {flops / 1e6:9.3f} MFLOP")
    print(f"  total: {total / 1e6:.3f} MFLOP per iteration (activations, cost and updates add < 1%, not counted)")
    return total


def parse_args(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    length = parser.add_mutually_exclusive_group()
    length.add_argument("--iterations", type=int, help=f"iterations to train (default {FULL_RUN})")
    length.add_argument("--fraction", type=float, help=f"train this fraction of {FULL_RUN} iterations, e.g. 0.1 => 250")
    parser.add_argument("--threads", type=int, default=1, help="threads for numpy's BLAS and for torch (default 1)")
    parser.add_argument("--repeats", type=int, default=3, help="time each implementation this many times, keep the best (default 3)")
    args = parser.parse_args(argv)
    if args.fraction is not None:
        args.num_iterations = max(1, round(args.fraction * FULL_RUN))
        args.how = f"--fraction {args.fraction} of {FULL_RUN}"
    else:
        args.num_iterations = args.iterations if args.iterations is not None else FULL_RUN
        args.how = "--iterations" if args.iterations is not None else "default, the full run"
    if args.num_iterations < 1 or args.threads < 1 or args.repeats < 1:
        parser.error("--iterations/--fraction, --threads and --repeats must give numbers >= 1")
    return args


def check_equivalence(train_x, train_y, reference, pytorch):
    """Compare recorded costs and the cost of the final parameters; True when within COST_RTOL."""
    (ref_parameters, ref_costs), (torch_parameters, torch_costs) = reference, pytorch
    ref_final = float(compute_cost(L_model_forward(train_x, ref_parameters)[0], train_y))
    torch_final = float(compute_cost(L_model_forward(train_x, {k: v.numpy() for k, v in torch_parameters.items()})[0], train_y))
    ref_all, torch_all = np.array(ref_costs + [ref_final]), np.array(torch_costs + [torch_final])
    rel = np.max(np.abs(ref_all - torch_all) / np.abs(ref_all))
    param_rel = max(
        np.max(np.abs(ref_parameters[k] - torch_parameters[k].numpy())) / np.max(np.abs(ref_parameters[k]))
        for k in ref_parameters
    )
    ok = rel <= COST_RTOL
    print(f"\nEquivalence check ({len(ref_costs)} recorded costs + the cost after training):")
    print(f"  cost after training: reference {ref_final:.15f}, torch {torch_final:.15f}")
    print(f"  max relative cost difference {rel:.2e} (tolerance {COST_RTOL:.0e}) -> {'OK' if ok else 'FAILED'}")
    print(f"  (for information: max |W_ref - W_torch| / max |W_ref| over all parameters = {param_rel:.2e})")
    return ok


def main(argv=None):
    args = parse_args(argv)
    try:
        import torch
    except ImportError:
        raise SystemExit(TORCH_MISSING) from None

    train_x, train_y, *_ = load_prepared()
    m = train_x.shape[1]
    X, Y = torch.from_numpy(train_x), torch.from_numpy(train_y.astype(np.float64))

    torch.set_num_threads(args.threads)
    with threadpool_limits(args.threads):
        print_environment(torch, args.threads)
        print(f"\nIterations: {args.num_iterations} ({args.how}); layers {LAYERS_DIMS}, learning rate {LEARNING_RATE}")
        flops = print_flops(matmul_flops(LAYERS_DIMS, m), m)

        rng = np.random.default_rng(0)
        A, B = rng.standard_normal((PEAK_N, PEAK_N)), rng.standard_normal((PEAK_N, PEAK_N))
        peak = peak_matmul_gflops(np.matmul, A, B, args.repeats)
        torch_peak = peak_matmul_gflops(torch.matmul, torch.from_numpy(A), torch.from_numpy(B), args.repeats)
        print(f"\nPeak: float64 {PEAK_N}x{PEAK_N} @ {PEAK_N}x{PEAK_N} matmul, best of {args.repeats}, {args.threads} thread(s):")
        print(f"  numpy: {peak:.2f} GFLOP/s   <- the machine's attainable peak used below")
        print(f"  torch: {torch_peak:.2f} GFLOP/s   (for information: torch's own BLAS)")

        times = {"reference (numpy)": [], "torch (CPU)": []}
        runs = {
            "reference (numpy)": lambda: L_layer_model(train_x, train_y, LAYERS_DIMS, LEARNING_RATE, args.num_iterations),
            "torch (CPU)": lambda: torch_L_layer_model(torch, X, Y, LAYERS_DIMS, LEARNING_RATE, args.num_iterations),
        }
        results = {}
        print(f"\nTraining, {args.repeats} run(s) of each, alternating:")
        for repeat in range(args.repeats):
            for name, run in runs.items():
                seconds, results[name] = time_call(run)
                times[name].append(seconds)
                print(f"  run {repeat + 1}: {name:<18} {seconds:8.3f} s")

    print(f"\nResults (best of {args.repeats} runs; median in brackets), {args.num_iterations} iterations, {args.threads} thread(s):")
    per_iteration = {}
    for name, seconds in times.items():
        best, median = best_and_median(seconds)
        per_iteration[name] = best / args.num_iterations
        gflops = flops / per_iteration[name] / 1e9
        print(
            f"  {name:<18} {per_iteration[name] * 1e3:8.3f} ms/iteration [{median / args.num_iterations * 1e3:.3f}]"
            f"  {gflops:6.2f} GFLOP/s = {100 * gflops / peak:5.1f}% of peak"
        )
    ref_s, torch_s = per_iteration["reference (numpy)"], per_iteration["torch (CPU)"]
    faster = "torch" if torch_s < ref_s else "the reference"
    print(f"  ratio reference / torch = {ref_s / torch_s:.3f}  ({faster} is faster, by {max(ref_s, torch_s) / min(ref_s, torch_s):.2f}x)")
    print(f"  seconds per iteration: reference {ref_s:.6f} s, torch {torch_s:.6f} s")

    if not check_equivalence(train_x, train_y, results["reference (numpy)"], results["torch (CPU)"]):
        raise SystemExit("error: the two implementations disagree; the timings above do not compare like with like.")


if __name__ == "__main__":
    main()
