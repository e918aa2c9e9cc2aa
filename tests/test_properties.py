"""Do the reference functions keep their shape and cache contracts for any sizes?"""

import copy

import numpy as np
from hypothesis import given, settings
from hypothesis import strategies as st

from source_solutions.dnn_step_by_step import (
    L_model_backward,
    L_model_forward,
    compute_cost,
    initialize_parameters,
    initialize_parameters_deep,
    linear_activation_backward,
    linear_activation_forward,
    update_parameters,
)

dims = st.integers(min_value=1, max_value=7)
layer_lists = st.lists(dims, min_size=2, max_size=6)
seeds = st.integers(min_value=0, max_value=2**31 - 1)
settings.register_profile("course", max_examples=40, deadline=None)
settings.load_profile("course")


def network(seed, layer_dims, m):
    rng = np.random.RandomState(seed)
    X = rng.randn(layer_dims[0], m)
    parameters = {}
    for l in range(1, len(layer_dims)):
        parameters[f"W{l}"] = rng.randn(layer_dims[l], layer_dims[l - 1])
        parameters[f"b{l}"] = rng.randn(layer_dims[l], 1)
    return rng, X, parameters


@given(n_x=dims, n_h=dims, n_y=dims)
def test_initialize_parameters_shapes_and_seed(n_x, n_h, n_y):
    p = initialize_parameters(n_x, n_h, n_y)
    assert {k: v.shape for k, v in p.items()} == {"W1": (n_h, n_x), "b1": (n_h, 1), "W2": (n_y, n_h), "b2": (n_y, 1)}
    np.random.seed(1)
    assert np.array_equal(p["W1"], np.random.randn(n_h, n_x) * 0.01)
    assert not p["b1"].any() and not p["b2"].any()


@given(layer_dims=layer_lists)
def test_initialize_parameters_deep_shapes(layer_dims):
    p = initialize_parameters_deep(layer_dims)
    assert len(p) == 2 * (len(layer_dims) - 1)
    for l in range(1, len(layer_dims)):
        assert p[f"W{l}"].shape == (layer_dims[l], layer_dims[l - 1])
        assert p[f"b{l}"].shape == (layer_dims[l], 1)
    assert np.array_equal(initialize_parameters_deep(layer_dims)["W1"], p["W1"]), "seeded: same call, same weights"


@given(seed=seeds, n_prev=dims, n=dims, m=dims, activation=st.sampled_from(["sigmoid", "relu"]))
def test_layer_round_trip_shapes_and_cache(seed, n_prev, n, m, activation):
    rng = np.random.RandomState(seed)
    A_prev, W, b = rng.randn(n_prev, m), rng.randn(n, n_prev), rng.randn(n, 1)
    A, cache = linear_activation_forward(A_prev, W, b, activation)
    (cached_A, cached_W, cached_b), Z = cache
    assert A.shape == Z.shape == (n, m)
    assert cached_A is A_prev and cached_W is W and cached_b is b
    assert np.allclose(Z, W @ A_prev + b)
    dA_prev, dW, db = linear_activation_backward(rng.randn(n, m), cache, activation)
    assert (dA_prev.shape, dW.shape, db.shape) == (A_prev.shape, W.shape, b.shape)


@given(seed=seeds, layer_dims=layer_lists, m=dims)
def test_model_forward_backward_contract(seed, layer_dims, m):
    rng, X, parameters = network(seed, layer_dims, m)
    before = copy.deepcopy(parameters)
    AL, caches = L_model_forward(X, parameters)
    L = len(layer_dims) - 1
    assert AL.shape == (layer_dims[-1], m) and len(caches) == L
    assert np.all((AL >= 0) & (AL <= 1))
    Y = (rng.rand(*AL.shape) > 0.5).astype(float)
    AL = np.clip(AL, 1e-9, 1 - 1e-9)
    grads = L_model_backward(AL, Y, caches)
    assert set(grads) == {f"{g}{l}" for l in range(1, L + 1) for g in ("dW", "db")} | {f"dA{l}" for l in range(L)}
    for l in range(1, L + 1):
        assert grads[f"dW{l}"].shape == parameters[f"W{l}"].shape
        assert grads[f"db{l}"].shape == parameters[f"b{l}"].shape
    assert grads["dA0"].shape == X.shape
    updated = update_parameters(parameters, grads, 0.1)
    assert all(np.array_equal(before[k], parameters[k]) for k in before), "the caller's parameters changed"
    assert set(updated) == set(parameters)


@given(seed=seeds, m=dims)
def test_cost_is_a_non_negative_0d_float(seed, m):
    rng = np.random.RandomState(seed)
    AL = rng.uniform(0.01, 0.99, size=(1, m))
    Y = (rng.rand(1, m) > 0.5).astype(float)
    cost = compute_cost(AL, Y)
    assert np.shape(cost) == () and cost.dtype == np.float64 and cost > 0
    assert np.isclose(compute_cost(Y * 0.999999 + (1 - Y) * 0.000001, Y), 0, atol=1e-5)
