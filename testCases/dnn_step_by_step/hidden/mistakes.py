"""The catalogue of common mistakes in the step-by-step functions, each defined relative to the
reference: a variant factory reproduces the reference's logic with knobs, ``variant()`` (no flaw)
is the reference itself (tests/test_mistakes.py proves it on every case) and ``variant(**flaw)``
is the mistake. Used to NAME a mistake in feedback; never shipped as code (the release ships only
titles, hints and the mistakes' outputs on the public cases, as data).
"""

import numpy as np

from dnn_utils.activations import relu, relu_backward, sigmoid, sigmoid_backward
from source_solutions.layer import linear_activation_backward, linear_activation_forward
from source_solutions.linear import linear_backward, linear_forward

from ...assignment import Mistake

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


def _linear_forward_variant(*, transposed=False, add_b=True, cache="A, W, b"):
    def linear_forward(A, W, b):
        Z = np.dot(A.T, W.T) + b.T if transposed else np.dot(W, A)
        if add_b and not transposed:
            Z = Z + b
        return Z, {"A, W, b": (A, W, b), "W, A, b": (W, A, b), "A, W": (A, W)}[cache]

    return linear_forward


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


def _model_forward_variant(*, hidden="relu", output="sigmoid", keep_output_cache=True, append_after_loop=False,
                           hidden_fed_X=False, output_fed_X=False):
    def L_model_forward(X, parameters):
        L = len(parameters) // 2
        caches = []
        A = X
        cache = None
        for l in range(1, L):
            A, cache = linear_activation_forward(X if hidden_fed_X else A, parameters[f"W{l}"], parameters[f"b{l}"], hidden)
            if not append_after_loop:
                caches.append(cache)
        if append_after_loop and cache is not None:
            caches.append(cache)
        AL, cache = linear_activation_forward(X if output_fed_X else A, parameters[f"W{L}"], parameters[f"b{L}"], output)
        if keep_output_cache:
            caches.append(cache)
        return AL, caches

    return L_model_forward


# --------------------------------------------------------------------------------------------
# compute_cost(AL, Y)
# --------------------------------------------------------------------------------------------


def _cost_variant(*, squeeze=True, summed=True, zero_term=True, zero_term_log="1 - AL", sign=-1.0, over_m=True):
    def compute_cost(AL, Y):
        m = Y.shape[1]
        zero_log = np.log(1 - AL) if zero_term_log == "1 - AL" else np.log(AL)
        losses = Y * np.log(AL) + ((1 - Y) * zero_log if zero_term else 0)
        cost = sign * (np.sum(losses, keepdims=not squeeze) if summed else losses)
        if over_m:
            cost = cost / m
        return np.squeeze(cost) if squeeze else cost

    return compute_cost


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
                            first_layer=1, dAL_sign=-1.0, caches_from_the_end=False):
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
            dA, dW, db = linear_activation_backward(upstream, caches[L - 1 - l] if caches_from_the_end else caches[l - 1],
                                                    hidden)
            grads[f"dA{l - 1 + key_shift}"], grads[f"dW{l}"], grads[f"db{l}"] = dA, dW, db
        return grads

    return L_model_backward


# --------------------------------------------------------------------------------------------
# update_parameters(parameters, grads, learning_rate)
# --------------------------------------------------------------------------------------------


def _update_variant(*, sign=-1.0, use_rate=True, update_b=True, skip_last=False, in_place=False):
    def update_parameters(parameters, grads, learning_rate):
        L = len(parameters) // 2
        rate = learning_rate if use_rate else 1.0
        updated = parameters if in_place else dict(parameters)
        for l in range(1, L if skip_last else L + 1):
            keys = ("W", "b") if update_b else ("W",)
            for key in keys:
                step = sign * rate * grads[f"d{key}{l}"]
                if in_place:
                    parameters[f"{key}{l}"] += step
                else:
                    updated[f"{key}{l}"] = parameters[f"{key}{l}"] + step
        return updated

    return update_parameters


MISTAKES = {
    "initialize_parameters": (
        Mistake("transposed_weights", "weights of the transposed shape (n[l-1], n[l])",
                "Each W[l] maps the previous layer's n[l-1] values to this layer's n[l] units: its shape lists the "
                "rows (this layer) first.", _two_layer_init_variant, dict(transposed=True)),
        Mistake("rand_instead_of_randn", "np.random.rand (uniform) instead of np.random.randn (normal)",
                "The weights come from the standard normal distribution; one of numpy's two similarly named "
                "functions draws uniform numbers in [0, 1) instead.", _two_layer_init_variant, dict(draw=np.random.rand)),
        Mistake("zero_weights", "weights initialised to zeros",
                "Zero weights make every hidden unit compute the same thing forever; only the biases start at zero, "
                "the weights are small random numbers.", _two_layer_init_variant, dict(draw=_zero_weights)),
        Mistake("missing_scale", "random weights not scaled down",
                "The weights should be small: check that the random draws are multiplied by the factor the "
                "instructions give.", _two_layer_init_variant, dict(scale=1.0)),
        Mistake("wrong_seed", "the global RNG seeded with the wrong value",
                "Check the value passed to np.random.seed: initialize_parameters and initialize_parameters_deep use "
                "different seeds.", _two_layer_init_variant, dict(seed=3)),
        Mistake("random_biases", "biases drawn at random",
                "Only the weights are random; the biases start at zero (and drawing them also shifts the random "
                "numbers the next weights get).", _two_layer_init_variant, dict(random_b=True)),
    ),
    "initialize_parameters_deep": (
        Mistake("seed_inside_loop", "the RNG re-seeded inside the loop",
                "Seeding once gives every layer fresh random numbers; look at where np.random.seed is called "
                "relative to the loop over the layers.", _deep_init_variant, dict(seed_in_loop=True)),
        Mistake("loop_skips_last_layer", "the loop stops one layer early",
                "With layer_dims = [n_0, ..., n_L] there are L = len(layer_dims) - 1 layers, numbered 1 .. L: check "
                "the end of your range (Python ranges exclude their end).", _deep_init_variant, dict(last=lambda L: L - 1)),
        Mistake("transposed_weights", "weights of the transposed shape (n[l-1], n[l])",
                "W[l] has one row per unit of layer l and one column per unit of layer l-1.",
                _deep_init_variant, dict(transposed=True)),
        Mistake("rand_instead_of_randn", "np.random.rand (uniform) instead of np.random.randn (normal)",
                "The weights come from the standard normal distribution; one of numpy's two similarly named "
                "functions draws uniform numbers in [0, 1) instead.", _deep_init_variant, dict(draw=np.random.rand)),
        Mistake("zero_weights", "weights initialised to zeros",
                "Zero weights make every unit of a layer identical forever; only the biases start at zero.",
                _deep_init_variant, dict(draw=_zero_weights)),
        Mistake("missing_scale", "random weights not scaled down",
                "The step-by-step initialisation multiplies each random draw by a small constant factor; check that "
                "yours does.", _deep_init_variant, dict(scale=lambda n_prev: 1.0)),
        Mistake("sqrt_scaling", "the application's 1/sqrt(n[l-1]) scaling",
                "Dividing by sqrt(n[l-1]) belongs to the application notebook; this function uses the constant factor "
                "the instructions give.", _deep_init_variant, dict(scale=lambda n_prev: 1 / np.sqrt(n_prev))),
        Mistake("wrong_seed", "the global RNG seeded with the wrong value",
                "Check the value passed to np.random.seed: this function's seed is not initialize_parameters' one.",
                _deep_init_variant, dict(seed=1)),
    ),
    "linear_forward": (
        Mistake("transposed_product", "Z computed from A^T and W^T (the transpose of Z)",
                "Z must have shape (n[l], m), one column per example: check which factor comes first in the matrix "
                "product and whether anything needs transposing at all.", _linear_forward_variant, dict(transposed=True)),
        Mistake("missing_b", "the bias b not added",
                "Z is the matrix product plus the bias, which broadcasts over the m columns.", _linear_forward_variant, dict(add_b=False)),
        Mistake("cache_in_wrong_order", "the cache stores (W, A, b) instead of (A, W, b)",
                "The backward pass unpacks the cache in a fixed order: the layer's input first, then its parameters.",
                _linear_forward_variant, dict(cache="W, A, b")),
        Mistake("cache_without_b", "the cache leaves out b",
                "The cache keeps all three inputs of the layer, in the order the docstring gives.",
                _linear_forward_variant, dict(cache="A, W")),
    ),
    "linear_activation_forward": (
        Mistake("always_relu", "relu applied whatever the activation argument says",
                "Check the test on the activation argument: the \"sigmoid\" branch is never taken (a misspelt string "
                "or an if/else that falls through?).", _layer_forward_variant, dict(choose=lambda a: "relu")),
        Mistake("always_sigmoid", "sigmoid applied whatever the activation argument says",
                "Check the test on the activation argument: the \"relu\" branch is never taken (a misspelt string "
                "or an if/else that falls through?).", _layer_forward_variant, dict(choose=lambda a: "sigmoid")),
        Mistake("activations_swapped", "relu and sigmoid swapped",
                "Each branch of the test on the activation argument should call the function it names.",
                _layer_forward_variant, dict(choose=_SWAP.get)),
        Mistake("A_cached_instead_of_Z", "the activation cache holds A instead of Z",
                "The backward pass needs the layer's pre-activation to compute g'(Z): keep the second value the "
                "activation function returns, not the first.", _layer_forward_variant, dict(cache_A=True)),
        Mistake("cache_order_swapped", "the cache is (activation_cache, linear_cache)",
                "The layer cache is a pair in a fixed order: the linear cache first, then the activation cache.",
                _layer_forward_variant, dict(cache_swapped=True)),
    ),
    "L_model_forward": (
        Mistake("relu_on_output", "ReLU on the output layer",
                "Only layers 1 .. L-1 use relu; the last layer must output probabilities.",
                _model_forward_variant, dict(output="relu")),
        Mistake("sigmoid_on_hidden", "sigmoid on the hidden layers",
                "The hidden layers 1 .. L-1 use relu; sigmoid is for the output layer only.",
                _model_forward_variant, dict(hidden="sigmoid")),
        Mistake("hidden_layers_fed_X", "every hidden layer fed X",
                "Each layer's input is the activation the layer before it just computed; only layer 1 starts from X.",
                _model_forward_variant, dict(hidden_fed_X=True)),
        Mistake("output_fed_X", "the output layer fed X",
                "The output layer's input is the last hidden layer's activation, not the network's input.",
                _model_forward_variant, dict(output_fed_X=True)),
        Mistake("output_cache_missing", "the output layer's cache not kept",
                "caches needs one entry per layer, L in all: the last layer's cache must be appended too.",
                _model_forward_variant, dict(keep_output_cache=False)),
        Mistake("hidden_caches_appended_once", "only the last hidden layer's cache kept",
                "Every hidden layer's cache must be kept: check where the append happens relative to the loop.",
                _model_forward_variant, dict(append_after_loop=True)),
    ),
    "compute_cost": (
        Mistake("cost_not_squeezed", "the cost returned as a (1, 1) array",
                "A matrix product of two (1, m) rows gives a (1, 1) array; the cost must be a 0-d number.",
                _cost_variant, dict(squeeze=False)),
        Mistake("cost_not_summed", "the per-example losses not summed",
                "The cost is one number: the losses of the m examples are added up before averaging.", _cost_variant, dict(summed=False)),
        Mistake("dropped_one_minus_y_term", "the (1 - Y) log(1 - AL) term left out",
                "The cross-entropy has a term for the examples labelled 1 and one for those labelled 0.",
                _cost_variant, dict(zero_term=False)),
        Mistake("log_AL_in_both_terms", "log(AL) used in the (1 - Y) term",
                "The term for the examples labelled 0 uses the log of the probability of class 0.", _cost_variant, dict(zero_term_log="AL")),
        Mistake("wrong_sign", "the cost with the wrong sign",
                "Logs of probabilities are negative, so the cost needs a minus sign to be positive.", _cost_variant, dict(sign=1.0)),
        Mistake("missing_one_over_m", "the cost not divided by m",
                "The cost is the average of the losses over the m examples, not their sum.", _cost_variant, dict(over_m=False)),
    ),
    "linear_backward": (
        Mistake("dW_transposed", "dW computed as A_prev dZ^T (the transpose of dW)",
                "dW has W's shape (n[l], n[l-1]): check which factor of the product is transposed.",
                _linear_backward_variant, dict(dW_transposed=True)),
        Mistake("db_without_keepdims", "db without keepdims",
                "Summing over the examples drops that axis unless you keep it: db must be (n[l], 1) like b.",
                _linear_backward_variant, dict(db="no_keepdims")),
        Mistake("db_wrong_axis", "db summed over the units instead of the examples",
                "db averages dZ over the m examples, which run along the columns (axis=1).",
                _linear_backward_variant, dict(db="units")),
        Mistake("db_summed_over_everything", "db summed over every entry of dZ",
                "db has one value per unit: sum over the examples only, keeping the units apart.",
                _linear_backward_variant, dict(db="everything")),
        Mistake("dA_prev_with_one_over_m", "dA_prev divided by m",
                "Only dW and db are averaged over the examples; dA_prev is passed back to the previous layer as is.",
                _linear_backward_variant, dict(dA_prev_mean=True)),
        Mistake("dW_missing_one_over_m", "dW not divided by m",
                "dW is an average over the m examples, like db.", _linear_backward_variant, dict(dW_mean=False)),
        Mistake("db_missing_one_over_m", "db not divided by m",
                "db is an average over the m examples, like dW.", _linear_backward_variant, dict(db_mean=False)),
        Mistake("missing_one_over_m", "dW and db not divided by m",
                "The gradients of the parameters are averages over the m examples, not sums.",
                _linear_backward_variant, dict(dW_mean=False, db_mean=False)),
    ),
    "linear_activation_backward": (
        Mistake("always_relu_backward", "relu_backward used whatever the activation argument says",
                "Check the test on the activation argument: the \"sigmoid\" branch is never taken.",
                _layer_backward_variant, dict(choose=lambda a: "relu")),
        Mistake("always_sigmoid_backward", "sigmoid_backward used whatever the activation argument says",
                "Check the test on the activation argument: the \"relu\" branch is never taken.",
                _layer_backward_variant, dict(choose=lambda a: "sigmoid")),
        Mistake("activations_swapped", "relu_backward and sigmoid_backward swapped",
                "Each branch of the test on the activation argument should call the backward function it names.",
                _layer_backward_variant, dict(choose=_SWAP.get)),
        Mistake("activation_derivative_skipped", "dA passed to linear_backward as if it were dZ",
                "dZ is dA multiplied by the activation's derivative at Z: go through relu_backward or "
                "sigmoid_backward before linear_backward.", _layer_backward_variant, dict(skip_derivative=True)),
    ),
    "L_model_backward": (
        Mistake("relu_backward_on_output", "relu backward applied to the output layer",
                "The output layer is a sigmoid layer, so its backward step uses the sigmoid; only layers L-1 .. 1 "
                "are relu.", _model_backward_variant, dict(output="relu")),
        Mistake("sigmoid_backward_on_hidden", "sigmoid backward applied to the hidden layers",
                "Layers L-1 .. 1 are relu layers, so their backward step uses relu; only the output layer is sigmoid.",
                _model_backward_variant, dict(hidden="sigmoid")),
        Mistake("dZ_shortcut", "the dZ = AL - Y shortcut instead of going through the sigmoid layer",
                "AL - Y equals dZ[L] only when AL is the sigmoid of the cached Z[L]; the function must work from "
                "dAL and the cache it is given, through the sigmoid backward step.", _model_backward_variant, dict(shortcut=True)),
        Mistake("caches_from_the_wrong_end", "the hidden layers' caches read from the wrong end",
                "caches[0] is layer 1's cache and caches[L-1] the output layer's: going back through the layers, "
                "layer l needs caches[l-1].", _model_backward_variant, dict(caches_from_the_end=True)),
        Mistake("dAL_fed_to_every_layer", "dAL fed to every layer",
                "Each layer's backward step starts from the dA that the layer above just produced, not from dAL.",
                _model_backward_variant, dict(feed_dAL=True)),
        Mistake("dAL_wrong_sign", "dAL with the wrong sign",
                "dAL is the derivative of the cost, -(Y log AL + (1 - Y) log(1 - AL)), with respect to AL: mind the "
                "leading minus.", _model_backward_variant, dict(dAL_sign=1.0)),
        Mistake("dA_keys_shifted", "grads[\"dA{l}\"] used where grads[\"dA{l-1}\"] belongs",
                "The backward step of layer l returns the gradient of the layer's input A[l-1]: name it with l-1 "
                "(dA0 is the gradient with respect to X).", _model_backward_variant, dict(key_shift=1)),
        Mistake("loop_skips_first_layer", "the loop stops before layer 1",
                "The relu layers run from L-1 down to 1 inclusive: check the end of your range (Python ranges "
                "exclude their end).", _model_backward_variant, dict(first_layer=2)),
    ),
    "update_parameters": (
        Mistake("skips_last_layer", "the last layer not updated",
                "There are L = len(parameters) // 2 layers, numbered 1 .. L: check the end of your range.",
                _update_variant, dict(skip_last=True)),
        Mistake("mutates_caller_parameters", "the caller's parameters changed in place",
                "In-place operators such as -= change the arrays the caller passed in (a shallow dict copy shares "
                "them): build new arrays, or work on a deep copy.", _update_variant, dict(in_place=True),
                mutates_inputs=True),
        Mistake("b_not_updated", "the biases not updated",
                "Gradient descent updates every parameter, the biases as well as the weights.",
                _update_variant, dict(update_b=False)),
        Mistake("adds_gradient", "the gradient added instead of subtracted",
                "Gradient descent steps against the gradient, downhill.", _update_variant, dict(sign=1.0)),
        Mistake("learning_rate_ignored", "the learning rate ignored",
                "The step is the gradient scaled by learning_rate.", _update_variant, dict(use_rate=False)),
    ),
}
