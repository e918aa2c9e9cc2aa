"""The catalog of common student mistakes, used to NAME a mistake in feedback.

Each ``Mistake`` is a deliberately wrong version of one graded function (same signature), made by
a small edit of the reference logic. ``diagnose`` runs the catalogued mistakes on the cases a
student failed and returns those whose outputs are the student's: "this looks like <title>",
followed by a hint that says where to look without giving the fixed line.

Never shipped to students as code: the release ships only titles, hints and the mistakes'
outputs on the public cases, as plain data (``public_mistake_data``).
"""

import contextlib
import copy
import hashlib
import io
import pickle
import threading
import warnings
from collections import OrderedDict
from dataclasses import dataclass
from typing import Callable

import numpy as np

from dnn_utils.activations import relu, relu_backward, sigmoid, sigmoid_backward
from dnn_utils.checks import compare_outputs
from dnn_utils.compare import compare
from source_solutions import app_library, initialization
from source_solutions.layer import linear_activation_backward, linear_activation_forward
from source_solutions.linear import linear_backward, linear_forward
from testCases.cases import ASSIGNMENTS, CASES, GLOBAL_RNG_LOCK

from .reference import reference_function



@dataclass(frozen=True)
class Mistake:
    """One catalogued mistake of a graded function.

    id: a stable slug, unique within the function; title: the short name shown to the student;
    hint: where to look, never the fixed line; implementation: the wrong function itself;
    mutates_inputs: True when the mistake's outputs are right but it changes its arguments in place.
    """

    function: str
    id: str
    title: str
    hint: str
    implementation: Callable
    mutates_inputs: bool = False


# --------------------------------------------------------------------------------------------
# initialize_parameters(n_x, n_h, n_y)
# --------------------------------------------------------------------------------------------


def _init_two_layer(n_x, n_h, n_y, *, seed=1, draw=np.random.randn, scale=0.01, transposed=False, random_b=False):
    """The reference initialisation with one knob turned."""
    np.random.seed(seed)
    shape1, shape2 = ((n_x, n_h), (n_h, n_y)) if transposed else ((n_h, n_x), (n_y, n_h))
    W1 = draw(*shape1) * scale
    b1 = np.random.randn(n_h, 1) * 0.01 if random_b else np.zeros((n_h, 1))
    W2 = draw(*shape2) * scale
    b2 = np.random.randn(n_y, 1) * 0.01 if random_b else np.zeros((n_y, 1))
    return {"W1": W1, "b1": b1, "W2": W2, "b2": b2}


def _two_layer_init_variant(**flaw):
    def initialize_parameters(n_x, n_h, n_y):
        return _init_two_layer(n_x, n_h, n_y, **flaw)

    return initialize_parameters


def _zero_weights(*shape):
    return np.zeros(shape)


# --------------------------------------------------------------------------------------------
# initialize_parameters_deep(layer_dims)
# --------------------------------------------------------------------------------------------


def _init_deep(layer_dims, *, seed=3, draw=np.random.randn, scale=lambda n_prev: 0.01, transposed=False,
               seed_in_loop=False, last=None):
    """The reference deep initialisation with one knob turned; ``last`` is the last layer drawn."""
    np.random.seed(seed)
    parameters = {}
    L = len(layer_dims) - 1 if last is None else last(len(layer_dims) - 1)
    for l in range(1, L + 1):
        if seed_in_loop:
            np.random.seed(seed)
        n_l, n_prev = layer_dims[l], layer_dims[l - 1]
        shape = (n_prev, n_l) if transposed else (n_l, n_prev)
        parameters[f"W{l}"] = draw(*shape) * scale(n_prev)
        parameters[f"b{l}"] = np.zeros((n_l, 1))
    return parameters


def _deep_init_variant(**flaw):
    def initialize_parameters_deep(layer_dims):
        return _init_deep(layer_dims, **flaw)

    return initialize_parameters_deep


# --------------------------------------------------------------------------------------------
# linear_forward(A, W, b)
# --------------------------------------------------------------------------------------------


def _linear_forward_transposed(A, W, b):
    Z = np.dot(A.T, W.T) + b.T
    return Z, (A, W, b)


def _linear_forward_without_b(A, W, b):
    Z = np.dot(W, A)
    return Z, (A, W, b)


def _linear_forward_cache_order(A, W, b):
    Z = np.dot(W, A) + b
    return Z, (W, A, b)


def _linear_forward_cache_without_b(A, W, b):
    Z = np.dot(W, A) + b
    return Z, (A, W)


# --------------------------------------------------------------------------------------------
# linear_activation_forward(A_prev, W, b, activation)
# --------------------------------------------------------------------------------------------

_SWAP = {"sigmoid": "relu", "relu": "sigmoid"}
_FORWARD = {"sigmoid": sigmoid, "relu": relu}
_BACKWARD = {"sigmoid": sigmoid_backward, "relu": relu_backward}


def _layer_forward_variant(*, choose=lambda activation: activation, cache_A=False, cache_swapped=False):
    def linear_activation_forward(A_prev, W, b, activation):
        Z, linear_cache = linear_forward(A_prev, W, b)
        A, activation_cache = _FORWARD[choose(activation)](Z)
        if cache_A:
            activation_cache = A
        cache = (activation_cache, linear_cache) if cache_swapped else (linear_cache, activation_cache)
        return A, cache

    return linear_activation_forward


# --------------------------------------------------------------------------------------------
# L_model_forward(X, parameters)
# --------------------------------------------------------------------------------------------


def _model_forward_variant(*, hidden="relu", output="sigmoid", keep_output_cache=True, append_after_loop=False):
    def L_model_forward(X, parameters):
        L = len(parameters) // 2
        caches = []
        A = X
        cache = None
        for l in range(1, L):
            A, cache = linear_activation_forward(A, parameters[f"W{l}"], parameters[f"b{l}"], hidden)
            if not append_after_loop:
                caches.append(cache)
        if append_after_loop and cache is not None:
            caches.append(cache)
        AL, cache = linear_activation_forward(A, parameters[f"W{L}"], parameters[f"b{L}"], output)
        if keep_output_cache:
            caches.append(cache)
        return AL, caches

    return L_model_forward


# --------------------------------------------------------------------------------------------
# compute_cost(AL, Y)
# --------------------------------------------------------------------------------------------


def _cost_not_squeezed(AL, Y):
    m = Y.shape[1]
    return -(np.dot(Y, np.log(AL).T) + np.dot(1 - Y, np.log(1 - AL).T)) / m


def _cost_without_one_minus_y_term(AL, Y):
    m = Y.shape[1]
    return np.squeeze(-np.sum(Y * np.log(AL)) / m)


def _cost_wrong_sign(AL, Y):
    m = Y.shape[1]
    return np.squeeze(np.sum(Y * np.log(AL) + (1 - Y) * np.log(1 - AL)) / m)


def _cost_without_one_over_m(AL, Y):
    return np.squeeze(-np.sum(Y * np.log(AL) + (1 - Y) * np.log(1 - AL)))


def _cost_not_summed(AL, Y):
    m = Y.shape[1]
    return np.squeeze(-(Y * np.log(AL) + (1 - Y) * np.log(1 - AL)) / m)


def _cost_log_AL_twice(AL, Y):
    m = Y.shape[1]
    return np.squeeze(-np.sum(Y * np.log(AL) + (1 - Y) * np.log(AL)) / m)


# --------------------------------------------------------------------------------------------
# linear_backward(dZ, cache)
# --------------------------------------------------------------------------------------------


def _linear_backward_variant(*, dW_mean=True, db_mean=True, dW_transposed=False, db="examples", dA_prev_mean=False):
    def linear_backward(dZ, cache):
        A_prev, W, b = cache
        m = A_prev.shape[1]
        dW = np.dot(A_prev, dZ.T) if dW_transposed else np.dot(dZ, A_prev.T)
        if dW_mean:
            dW = dW / m
        if db == "examples":
            db_ = np.sum(dZ, axis=1, keepdims=True)
        elif db == "no_keepdims":
            db_ = np.sum(dZ, axis=1)
        elif db == "units":
            db_ = np.sum(dZ, axis=0, keepdims=True)
        else:  # "everything"
            db_ = np.sum(dZ)
        if db_mean:
            db_ = db_ / m
        dA_prev = np.dot(W.T, dZ)
        if dA_prev_mean:
            dA_prev = dA_prev / m
        return dA_prev, dW, db_

    return linear_backward


# --------------------------------------------------------------------------------------------
# linear_activation_backward(dA, cache, activation)
# --------------------------------------------------------------------------------------------


def _layer_backward_variant(*, choose=lambda activation: activation, skip_derivative=False):
    def linear_activation_backward(dA, cache, activation):
        linear_cache, Z = cache
        dZ = dA if skip_derivative else _BACKWARD[choose(activation)](dA, Z)
        return linear_backward(dZ, linear_cache)

    return linear_activation_backward


# --------------------------------------------------------------------------------------------
# L_model_backward(AL, Y, caches)
# --------------------------------------------------------------------------------------------


def _model_backward_variant(*, hidden="relu", output="sigmoid", shortcut=False, feed_dAL=False, key_shift=0,
                            first_layer=1, dAL_sign=-1.0):
    def L_model_backward(AL, Y, caches):
        grads = {}
        L = len(caches)
        Y = Y.reshape(AL.shape)
        dAL = dAL_sign * (np.divide(Y, AL) - np.divide(1 - Y, 1 - AL))
        if shortcut:
            dA, dW, db = linear_backward(AL - Y, caches[L - 1][0])
        else:
            dA, dW, db = linear_activation_backward(dAL, caches[L - 1], output)
        grads[f"dA{L - 1 + key_shift}"], grads[f"dW{L}"], grads[f"db{L}"] = dA, dW, db
        for l in range(L - 1, first_layer - 1, -1):
            upstream = dAL if feed_dAL else dA
            dA, dW, db = linear_activation_backward(upstream, caches[l - 1], hidden)
            grads[f"dA{l - 1 + key_shift}"], grads[f"dW{l}"], grads[f"db{l}"] = dA, dW, db
        return grads

    return L_model_backward


# --------------------------------------------------------------------------------------------
# update_parameters(parameters, grads, learning_rate)
# --------------------------------------------------------------------------------------------


def _update_variant(*, sign=-1.0, use_rate=True, update_b=True, skip_last=False):
    def update_parameters(parameters, grads, learning_rate):
        L = len(parameters) // 2
        rate = learning_rate if use_rate else 1.0
        updated = dict(parameters)
        for l in range(1, L if skip_last else L + 1):
            updated[f"W{l}"] = parameters[f"W{l}"] + sign * rate * grads[f"dW{l}"]
            if update_b:
                updated[f"b{l}"] = parameters[f"b{l}"] + sign * rate * grads[f"db{l}"]
        return updated

    return update_parameters


def _update_in_place(parameters, grads, learning_rate):
    L = len(parameters) // 2
    for l in range(1, L + 1):
        parameters[f"W{l}"] -= learning_rate * grads[f"dW{l}"]
        parameters[f"b{l}"] -= learning_rate * grads[f"db{l}"]
    return parameters


# --------------------------------------------------------------------------------------------
# two_layer_model and L_layer_model
# --------------------------------------------------------------------------------------------

COURSE_RATE = 0.0075


def _record(costs, i, cost, print_cost, every):
    if i % every == 0:
        costs.append(float(cost))
        if print_cost:
            print(f"Cost after iteration {i}: {float(cost)}")


def _two_layer_variant(*, hidden_backward="relu", cost_after_update=False, every=100, fixed_rate=None,
                       update_b=True, init_every_iteration=False):
    def forward(X, parameters):
        A1, cache1 = app_library.linear_activation_forward(X, parameters["W1"], parameters["b1"], "relu")
        A2, cache2 = app_library.linear_activation_forward(A1, parameters["W2"], parameters["b2"], "sigmoid")
        return A2, cache1, cache2

    def two_layer_model(X, Y, layers_dims, learning_rate=0.0075, num_iterations=3000, print_cost=False):
        np.random.seed(1)
        n_x, n_h, n_y = layers_dims
        parameters = app_library.initialize_parameters(n_x, n_h, n_y)
        rate = learning_rate if fixed_rate is None else fixed_rate
        costs = []
        for i in range(num_iterations):
            if init_every_iteration:
                parameters = app_library.initialize_parameters(n_x, n_h, n_y)
            A2, cache1, cache2 = forward(X, parameters)
            cost = app_library.compute_cost(A2, Y)
            dA2 = -(np.divide(Y, A2) - np.divide(1 - Y, 1 - A2))
            dA1, dW2, db2 = app_library.linear_activation_backward(dA2, cache2, "sigmoid")
            _, dW1, db1 = app_library.linear_activation_backward(dA1, cache1, hidden_backward)
            if not update_b:
                db1, db2 = np.zeros_like(db1), np.zeros_like(db2)
            grads = {"dW1": dW1, "db1": db1, "dW2": dW2, "db2": db2}
            parameters = app_library.update_parameters(parameters, grads, rate)
            if cost_after_update:
                cost = app_library.compute_cost(forward(X, parameters)[0], Y)
            _record(costs, i, cost, print_cost, every)
        return parameters, costs

    return two_layer_model


def _deep_init_scaled_0_01(layers_dims):
    return _init_deep(layers_dims, seed=1)


def _L_layer_variant(*, initialise=None, cost_after_update=False, every=100, fixed_rate=None, update_b=True,
                     init_every_iteration=False):
    initialise = initialise or app_library.initialize_parameters_deep

    def L_layer_model(X, Y, layers_dims, learning_rate=0.0075, num_iterations=3000, print_cost=False):
        np.random.seed(1)
        parameters = initialise(layers_dims)
        rate = learning_rate if fixed_rate is None else fixed_rate
        costs = []
        for i in range(num_iterations):
            if init_every_iteration:
                parameters = initialise(layers_dims)
            AL, caches = app_library.L_model_forward(X, parameters)
            cost = app_library.compute_cost(AL, Y)
            grads = app_library.L_model_backward(AL, Y, caches)
            if not update_b:
                grads = {k: (np.zeros_like(v) if k.startswith("db") else v) for k, v in grads.items()}
            parameters = app_library.update_parameters(parameters, grads, rate)
            if cost_after_update:
                cost = app_library.compute_cost(app_library.L_model_forward(X, parameters)[0], Y)
            _record(costs, i, cost, print_cost, every)
        return parameters, costs

    return L_layer_model


# --------------------------------------------------------------------------------------------
# The catalog
# --------------------------------------------------------------------------------------------

_COSTS_HINT = ("Look at where in the loop the cost you keep is computed, and at the condition that decides "
               "which iterations are recorded: one value every 100 iterations, starting with iteration 0, each "
               "computed before that iteration's update.")

_ENTRIES = {
    "initialize_parameters": [
        ("transposed_weights", "weights of the transposed shape (n[l-1], n[l])",
         "Each W[l] maps the previous layer's n[l-1] values to this layer's n[l] units: its shape lists the "
         "rows (this layer) first.", _two_layer_init_variant(transposed=True)),
        ("rand_instead_of_randn", "np.random.rand (uniform) instead of np.random.randn (normal)",
         "The weights come from the standard normal distribution; one of numpy's two similarly named "
         "functions draws uniform numbers in [0, 1) instead.", _two_layer_init_variant(draw=np.random.rand)),
        ("zero_weights", "weights initialised to zeros",
         "Zero weights make every hidden unit compute the same thing forever; only the biases start at zero, "
         "the weights are small random numbers.", _two_layer_init_variant(draw=_zero_weights)),
        ("missing_scale", "random weights not scaled down",
         "The weights should be small: check that the random draws are multiplied by the factor the "
         "instructions give.", _two_layer_init_variant(scale=1.0)),
        ("wrong_seed", "the global RNG seeded with the wrong value",
         "Check the value passed to np.random.seed: initialize_parameters and initialize_parameters_deep use "
         "different seeds.", _two_layer_init_variant(seed=3)),
        ("random_biases", "biases drawn at random",
         "Only the weights are random; the biases start at zero (and drawing them also shifts the random "
         "numbers the next weights get).", _two_layer_init_variant(random_b=True)),
    ],
    "initialize_parameters_deep": [
        ("seed_inside_loop", "the RNG re-seeded inside the loop",
         "Seeding once gives every layer fresh random numbers; look at where np.random.seed is called "
         "relative to the loop over the layers.", _deep_init_variant(seed_in_loop=True)),
        ("loop_skips_last_layer", "the loop stops one layer early",
         "With layer_dims = [n_0, ..., n_L] there are L = len(layer_dims) - 1 layers, numbered 1 .. L: check "
         "the end of your range (Python ranges exclude their end).", _deep_init_variant(last=lambda L: L - 1)),
        ("transposed_weights", "weights of the transposed shape (n[l-1], n[l])",
         "W[l] has one row per unit of layer l and one column per unit of layer l-1.",
         _deep_init_variant(transposed=True)),
        ("rand_instead_of_randn", "np.random.rand (uniform) instead of np.random.randn (normal)",
         "The weights come from the standard normal distribution; one of numpy's two similarly named "
         "functions draws uniform numbers in [0, 1) instead.", _deep_init_variant(draw=np.random.rand)),
        ("zero_weights", "weights initialised to zeros",
         "Zero weights make every unit of a layer identical forever; only the biases start at zero.",
         _deep_init_variant(draw=_zero_weights)),
        ("missing_scale", "random weights not scaled down",
         "The step-by-step initialisation multiplies each random draw by a small constant factor; check that "
         "yours does.", _deep_init_variant(scale=lambda n_prev: 1.0)),
        ("sqrt_scaling", "the application's 1/sqrt(n[l-1]) scaling",
         "Dividing by sqrt(n[l-1]) belongs to the application notebook; this function uses the constant factor "
         "the instructions give.", _deep_init_variant(scale=lambda n_prev: 1 / np.sqrt(n_prev))),
        ("wrong_seed", "the global RNG seeded with the wrong value",
         "Check the value passed to np.random.seed: this function's seed is not initialize_parameters' one.",
         _deep_init_variant(seed=1)),
    ],
    "linear_forward": [
        ("transposed_product", "Z computed from A^T and W^T (the transpose of Z)",
         "Z must have shape (n[l], m), one column per example: check which factor comes first in the matrix "
         "product and whether anything needs transposing at all.", _linear_forward_transposed),
        ("missing_b", "the bias b not added",
         "Z is the matrix product plus the bias, which broadcasts over the m columns.", _linear_forward_without_b),
        ("cache_in_wrong_order", "the cache stores (W, A, b) instead of (A, W, b)",
         "The backward pass unpacks the cache in a fixed order: the layer's input first, then its parameters.",
         _linear_forward_cache_order),
        ("cache_without_b", "the cache leaves out b",
         "The cache keeps all three inputs of the layer, in the order the docstring gives.",
         _linear_forward_cache_without_b),
    ],
    "linear_activation_forward": [
        ("always_relu", "relu applied whatever the activation argument says",
         "Check the test on the activation argument: the \"sigmoid\" branch is never taken (a misspelt string "
         "or an if/else that falls through?).", _layer_forward_variant(choose=lambda a: "relu")),
        ("always_sigmoid", "sigmoid applied whatever the activation argument says",
         "Check the test on the activation argument: the \"relu\" branch is never taken (a misspelt string "
         "or an if/else that falls through?).", _layer_forward_variant(choose=lambda a: "sigmoid")),
        ("activations_swapped", "relu and sigmoid swapped",
         "Each branch of the test on the activation argument should call the function it names.",
         _layer_forward_variant(choose=_SWAP.get)),
        ("A_cached_instead_of_Z", "the activation cache holds A instead of Z",
         "The backward pass needs the layer's pre-activation to compute g'(Z): keep the second value the "
         "activation function returns, not the first.", _layer_forward_variant(cache_A=True)),
        ("cache_order_swapped", "the cache is (activation_cache, linear_cache)",
         "The layer cache is a pair in a fixed order: the linear cache first, then the activation cache.",
         _layer_forward_variant(cache_swapped=True)),
    ],
    "L_model_forward": [
        ("relu_on_output", "ReLU on the output layer",
         "Only layers 1 .. L-1 use relu; the last layer must output probabilities.",
         _model_forward_variant(output="relu")),
        ("sigmoid_on_hidden", "sigmoid on the hidden layers",
         "The hidden layers 1 .. L-1 use relu; sigmoid is for the output layer only.",
         _model_forward_variant(hidden="sigmoid")),
        ("output_cache_missing", "the output layer's cache not kept",
         "caches needs one entry per layer, L in all: the last layer's cache must be appended too.",
         _model_forward_variant(keep_output_cache=False)),
        ("hidden_caches_appended_once", "only the last hidden layer's cache kept",
         "Every hidden layer's cache must be kept: check where the append happens relative to the loop.",
         _model_forward_variant(append_after_loop=True)),
    ],
    "compute_cost": [
        ("cost_not_squeezed", "the cost returned as a (1, 1) array",
         "A matrix product of two (1, m) rows gives a (1, 1) array; the cost must be a 0-d number.",
         _cost_not_squeezed),
        ("cost_not_summed", "the per-example losses not summed",
         "The cost is one number: the losses of the m examples are added up before averaging.", _cost_not_summed),
        ("dropped_one_minus_y_term", "the (1 - Y) log(1 - AL) term left out",
         "The cross-entropy has a term for the examples labelled 1 and one for those labelled 0.",
         _cost_without_one_minus_y_term),
        ("log_AL_in_both_terms", "log(AL) used in the (1 - Y) term",
         "The term for the examples labelled 0 uses the log of the probability of class 0.", _cost_log_AL_twice),
        ("wrong_sign", "the cost with the wrong sign",
         "Logs of probabilities are negative, so the cost needs a minus sign to be positive.", _cost_wrong_sign),
        ("missing_one_over_m", "the cost not divided by m",
         "The cost is the average of the losses over the m examples, not their sum.", _cost_without_one_over_m),
    ],
    "linear_backward": [
        ("dW_transposed", "dW computed as A_prev dZ^T (the transpose of dW)",
         "dW has W's shape (n[l], n[l-1]): check which factor of the product is transposed.",
         _linear_backward_variant(dW_transposed=True)),
        ("db_without_keepdims", "db without keepdims",
         "Summing over the examples drops that axis unless you keep it: db must be (n[l], 1) like b.",
         _linear_backward_variant(db="no_keepdims")),
        ("db_wrong_axis", "db summed over the units instead of the examples",
         "db averages dZ over the m examples, which run along the columns (axis=1).",
         _linear_backward_variant(db="units")),
        ("db_summed_over_everything", "db summed over every entry of dZ",
         "db has one value per unit: sum over the examples only, keeping the units apart.",
         _linear_backward_variant(db="everything")),
        ("dA_prev_with_one_over_m", "dA_prev divided by m",
         "Only dW and db are averaged over the examples; dA_prev is passed back to the previous layer as is.",
         _linear_backward_variant(dA_prev_mean=True)),
        ("dW_missing_one_over_m", "dW not divided by m",
         "dW is an average over the m examples, like db.", _linear_backward_variant(dW_mean=False)),
        ("db_missing_one_over_m", "db not divided by m",
         "db is an average over the m examples, like dW.", _linear_backward_variant(db_mean=False)),
        ("missing_one_over_m", "dW and db not divided by m",
         "The gradients of the parameters are averages over the m examples, not sums.",
         _linear_backward_variant(dW_mean=False, db_mean=False)),
    ],
    "linear_activation_backward": [
        ("always_relu_backward", "relu_backward used whatever the activation argument says",
         "Check the test on the activation argument: the \"sigmoid\" branch is never taken.",
         _layer_backward_variant(choose=lambda a: "relu")),
        ("always_sigmoid_backward", "sigmoid_backward used whatever the activation argument says",
         "Check the test on the activation argument: the \"relu\" branch is never taken.",
         _layer_backward_variant(choose=lambda a: "sigmoid")),
        ("activations_swapped", "relu_backward and sigmoid_backward swapped",
         "Each branch of the test on the activation argument should call the backward function it names.",
         _layer_backward_variant(choose=_SWAP.get)),
        ("activation_derivative_skipped", "dA passed to linear_backward as if it were dZ",
         "dZ is dA multiplied by the activation's derivative at Z: go through relu_backward or "
         "sigmoid_backward before linear_backward.", _layer_backward_variant(skip_derivative=True)),
    ],
    "L_model_backward": [
        ("relu_backward_on_output", "relu backward applied to the output layer",
         "The output layer is a sigmoid layer, so its backward step uses the sigmoid; only layers L-1 .. 1 "
         "are relu.", _model_backward_variant(output="relu")),
        ("sigmoid_backward_on_hidden", "sigmoid backward applied to the hidden layers",
         "Layers L-1 .. 1 are relu layers, so their backward step uses relu; only the output layer is sigmoid.",
         _model_backward_variant(hidden="sigmoid")),
        ("dZ_shortcut", "the dZ = AL - Y shortcut instead of going through the sigmoid layer",
         "AL - Y equals dZ[L] only when AL is the sigmoid of the cached Z[L]; the function must work from "
         "dAL and the cache it is given, through the sigmoid backward step.", _model_backward_variant(shortcut=True)),
        ("dAL_fed_to_every_layer", "dAL fed to every layer",
         "Each layer's backward step starts from the dA that the layer above just produced, not from dAL.",
         _model_backward_variant(feed_dAL=True)),
        ("dAL_wrong_sign", "dAL with the wrong sign",
         "dAL is the derivative of the cost, -(Y log AL + (1 - Y) log(1 - AL)), with respect to AL: mind the "
         "leading minus.", _model_backward_variant(dAL_sign=1.0)),
        ("dA_keys_shifted", "grads[\"dA{l}\"] used where grads[\"dA{l-1}\"] belongs",
         "The backward step of layer l returns the gradient of the layer's input A[l-1]: name it with l-1 "
         "(dA0 is the gradient with respect to X).", _model_backward_variant(key_shift=1)),
        ("loop_skips_first_layer", "the loop stops before layer 1",
         "The relu layers run from L-1 down to 1 inclusive: check the end of your range (Python ranges "
         "exclude their end).", _model_backward_variant(first_layer=2)),
    ],
    "update_parameters": [
        ("skips_last_layer", "the last layer not updated",
         "There are L = len(parameters) // 2 layers, numbered 1 .. L: check the end of your range.",
         _update_variant(skip_last=True)),
        ("b_not_updated", "the biases not updated",
         "Gradient descent updates every parameter, the biases as well as the weights.",
         _update_variant(update_b=False)),
        ("adds_gradient", "the gradient added instead of subtracted",
         "Gradient descent steps against the gradient, downhill.", _update_variant(sign=1.0)),
        ("learning_rate_ignored", "the learning rate ignored",
         "The step is the gradient scaled by learning_rate.", _update_variant(use_rate=False)),
    ],
    "two_layer_model": [
        ("costs_every_iteration", "the cost recorded at every iteration",
         _COSTS_HINT, _two_layer_variant(every=1)),
        ("cost_recorded_after_update", "the cost recorded after the update",
         _COSTS_HINT, _two_layer_variant(cost_after_update=True)),
        ("learning_rate_ignored", "the learning_rate argument ignored",
         "Check what you pass to update_parameters: the learning rate must be the argument, not a fixed number.",
         _two_layer_variant(fixed_rate=COURSE_RATE)),
        ("sigmoid_backward_on_hidden", "sigmoid backward used for the hidden layer",
         "The hidden layer is a relu layer: its backward step must use the same activation as its forward step.",
         _two_layer_variant(hidden_backward="sigmoid")),
        ("b_not_updated", "the biases never updated",
         "Check that db1 and db2 reach update_parameters under the names it expects, so that b1 and b2 change.",
         _two_layer_variant(update_b=False)),
        ("initialised_every_iteration", "the parameters re-initialised at every iteration",
         "Initialise once, before the loop; inside it, each iteration starts from the previous one's parameters.",
         _two_layer_variant(init_every_iteration=True)),
    ],
    "L_layer_model": [
        ("weights_scaled_by_0_01", "weights scaled by 0.01 instead of 1/sqrt(n[l-1])",
         "Use the application's initialize_parameters_deep: with a constant 0.01 a deep network's signals "
         "shrink layer after layer and it barely learns.", _L_layer_variant(initialise=_deep_init_scaled_0_01)),
        ("step_by_step_initialisation", "the step-by-step initialize_parameters_deep (seed 3, x 0.01)",
         "The application provides its own initialize_parameters_deep (a different seed and scaling): use that "
         "one, not the step-by-step assignment's.",
         _L_layer_variant(initialise=initialization.initialize_parameters_deep)),
        ("costs_every_iteration", "the cost recorded at every iteration", _COSTS_HINT, _L_layer_variant(every=1)),
        ("cost_recorded_after_update", "the cost recorded after the update",
         _COSTS_HINT, _L_layer_variant(cost_after_update=True)),
        ("learning_rate_ignored", "the learning_rate argument ignored",
         "Check what you pass to update_parameters: the learning rate must be the argument, not a fixed number.",
         _L_layer_variant(fixed_rate=COURSE_RATE)),
        ("b_not_updated", "the biases never updated",
         "Check that every db{l} reaches update_parameters under the name it expects, so that the biases change.",
         _L_layer_variant(update_b=False)),
        ("initialised_every_iteration", "the parameters re-initialised at every iteration",
         "Initialise once, before the loop; inside it, each iteration starts from the previous one's parameters.",
         _L_layer_variant(init_every_iteration=True)),
    ],
}


def _build_catalog():
    catalog = {}
    for function, entries in _ENTRIES.items():
        catalog[function] = [Mistake(function, id_, title, hint, implementation)
                             for id_, title, hint, implementation in entries]
    catalog["update_parameters"].insert(1, Mistake(
        "update_parameters", "mutates_caller_parameters", "the caller's parameters changed in place",
        "In-place operators such as -= change the arrays the caller passed in (a shallow dict copy shares "
        "them): build new arrays, or work on a deep copy.", _update_in_place, mutates_inputs=True))
    return catalog


CATALOG: dict[str, list[Mistake]] = _build_catalog()


# --------------------------------------------------------------------------------------------
# Running implementations quietly, with a small memo (the same cases come back for every student)
# --------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class Outcome:
    """What one call did: its output (None if it raised), whether it raised, whether it changed its args."""

    output: object
    raised: bool
    mutated: bool


def run_quietly(implementation, args):
    """Call ``implementation`` on a deep copy of ``args``, silenced; never raises.

    The global numpy RNG state is restored afterwards (under grader.reference's lock, so grading
    threads take turns); numpy's floating-point warnings are off.
    """
    call_args = copy.deepcopy(args)
    pristine = copy.deepcopy(args)
    with GLOBAL_RNG_LOCK:
        state = np.random.get_state()
        try:
            with contextlib.redirect_stdout(io.StringIO()), np.errstate(all="ignore"), warnings.catch_warnings():
                warnings.simplefilter("ignore")
                output = implementation(*call_args)
        except Exception:
            return Outcome(None, True, False)
        finally:
            np.random.set_state(state)
    mutated = bool(compare(list(call_args), list(pristine), name="args", tolerance="exact", check_dtype=False))
    return Outcome(output, False, mutated)


_MEMO: OrderedDict = OrderedDict()
_MEMO_SIZE = 4096
_MEMO_LOCK = threading.Lock()


def _fingerprint(args):
    try:
        return hashlib.sha256(pickle.dumps(args, protocol=4)).hexdigest()
    except Exception:
        return None


def _outcome(function, label, implementation, args, fingerprint=None):
    """run_quietly, memoised on (function, label, the args' bytes)."""
    fingerprint = fingerprint or _fingerprint(args)
    if fingerprint is None:
        return run_quietly(implementation, args)
    key = (function, label, fingerprint)
    with _MEMO_LOCK:
        if key in _MEMO:
            _MEMO.move_to_end(key)
            return _MEMO[key]
    outcome = run_quietly(implementation, args)
    with _MEMO_LOCK:
        _MEMO[key] = outcome
        while len(_MEMO) > _MEMO_SIZE:
            _MEMO.popitem(last=False)
    return outcome


def mistake_outcome(mistake, args):
    """The (memoised) Outcome of ``mistake`` on one case's args."""
    return _outcome(mistake.function, mistake.id, mistake.implementation, args)


def _known(function):
    if function not in CASES:
        raise ValueError(f"unknown graded function {function!r}; known: {', '.join(CASES)}")
    return CATALOG.get(function, [])


# --------------------------------------------------------------------------------------------
# Diagnosis
# --------------------------------------------------------------------------------------------


def diagnose(function, case_args_list, actual_outputs, mutated=None):
    """The catalogued mistakes of ``function`` that explain the student's failures, most specific first.

    case_args_list: the positional args of each case (as built by Case.build()); actual_outputs: the
    student's output on each case, None where the student's call raised; mutated (optional): per case,
    True when the student's call changed its inputs in place (as the checks report it).

    A case is a failure when the student's call raised, its output differs from the reference, or
    (if known) it changed its inputs. A mistake is returned when, on every failed case, it does what the
    student did: the same output (the one comparison, "standard" tolerance) and, when ``mutated`` is
    given, the same in-place behaviour; where the student raised, the mistake must raise too. At least
    one failed case must have a student output to compare (raising alone names nothing). Mistakes that
    agree with the student on more of all the cases come first, then catalog order.
    """
    case_args_list = list(case_args_list)
    actual_outputs = list(actual_outputs)
    if len(case_args_list) != len(actual_outputs):
        raise ValueError(f"{len(case_args_list)} cases but {len(actual_outputs)} outputs")
    if mutated is not None:
        mutated = [bool(flag) for flag in mutated]
        if len(mutated) != len(case_args_list):
            raise ValueError(f"{len(case_args_list)} cases but {len(mutated)} mutation flags")
    mistakes = _known(function)
    reference = reference_function(function)
    fingerprints = [_fingerprint(args) for args in case_args_list]

    failed = []
    for i, (args, actual) in enumerate(zip(case_args_list, actual_outputs)):
        expected = _outcome(function, "__reference__", reference, args, fingerprints[i])
        if actual is None or expected.raised or compare_outputs(function, actual, expected.output):
            failed.append(i)
        elif mutated is not None and mutated[i]:
            failed.append(i)
    if not any(actual_outputs[i] is not None for i in failed):
        return []

    def agrees(mistake, i):
        outcome = _outcome(function, mistake.id, mistake.implementation, case_args_list[i], fingerprints[i])
        if actual_outputs[i] is None:
            return outcome.raised
        if outcome.raised:
            return False
        if mutated is not None and outcome.mutated != mutated[i]:
            return False
        return not compare_outputs(function, actual_outputs[i], outcome.output)

    found = []
    for order, mistake in enumerate(mistakes):
        if all(agrees(mistake, i) for i in failed):
            score = sum(agrees(mistake, i) for i in range(len(case_args_list)) if i not in failed)
            found.append((-score, order, mistake))
    return [mistake for _, _, mistake in sorted(found, key=lambda item: item[:2])]


# --------------------------------------------------------------------------------------------
# The mistakes' outputs on cases, as data
# --------------------------------------------------------------------------------------------


def mistake_outputs(function, cases):
    """{mistake id: [output per case]} for the catalogued mistakes of ``function``.

    ``cases`` are Case objects (or tuples of args); an output is None where the mistake raised.
    """
    args_list = [case.build() if hasattr(case, "build") else tuple(case) for case in cases]
    result = {}
    for mistake in _known(function):
        result[mistake.id] = [copy.deepcopy(mistake_outcome(mistake, args).output) for args in args_list]
    return result


def public_mistake_data(assignment):
    """Plain data on the catalogued mistakes for the public cases of ``assignment``.

    {function: {mistake_id: {"title", "hint", "mutates_inputs", "outputs": {case name: output}}}}.
    A case is left out of "outputs" where the mistake raised. "mutates_inputs" is True for a mistake
    whose outputs are right but which changes its inputs in place (its outputs then equal the expected
    ones). No code: the release may ship this, saved with dnn_utils.plain.save.
    """
    if assignment not in ASSIGNMENTS:
        raise ValueError(f"unknown assignment {assignment!r}; known: {', '.join(ASSIGNMENTS)}")
    cases_by_function = {}
    for case in ASSIGNMENTS[assignment]:
        cases_by_function.setdefault(case.function, []).append(case)
    data = {}
    for function, cases in cases_by_function.items():
        outputs = mistake_outputs(function, cases)
        data[function] = {
            mistake.id: {
                "title": mistake.title,
                "hint": mistake.hint,
                "mutates_inputs": mistake.mutates_inputs,
                "outputs": {case.name: output for case, output in zip(cases, outputs[mistake.id])
                            if output is not None},
            }
            for mistake in CATALOG.get(function, [])
        }
    return data
