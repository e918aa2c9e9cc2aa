"""The catalogue of common mistakes in the planar classifier, each defined relative to the
reference: a variant factory reproduces the reference's logic with knobs, ``variant()`` (no flaw)
is the reference itself (tests/test_mistakes.py proves it on every case) and ``variant(**flaw)``
is the mistake. Never shipped as code.
"""

import numpy as np

from dnn_utils.activations import sigmoid
from dnn_utils.planar_data import load_planar_dataset
from source_solutions import planar_classifier as reference

from ...assignment import Mistake

# --------------------------------------------------------------------------------------------
# layer_sizes(X, Y)
# --------------------------------------------------------------------------------------------


def _layer_sizes_variant(*, axis=0, n_h=lambda X: 4, fixed_n_y=None):
    def layer_sizes(X, Y):
        return X.shape[axis], n_h(X), Y.shape[axis] if fixed_n_y is None else fixed_n_y

    return layer_sizes


# --------------------------------------------------------------------------------------------
# initialize_parameters(n_x, n_h, n_y)
# --------------------------------------------------------------------------------------------


def _zeros(*shape):
    return np.zeros(shape)


def _init_variant(*, seed=None, draw=np.random.randn, scale=0.01, transposed=False, random_b=False, W2_first=False):
    def initialize_parameters(n_x, n_h, n_y):
        if seed is not None:
            np.random.seed(seed)
        shape1, shape2 = ((n_x, n_h), (n_h, n_y)) if transposed else ((n_h, n_x), (n_y, n_h))
        if W2_first:
            W2 = draw(*shape2) * scale
            W1 = draw(*shape1) * scale
        else:
            W1 = draw(*shape1) * scale
            W2 = draw(*shape2) * scale
        b1 = np.random.randn(n_h, 1) * 0.01 if random_b else np.zeros((n_h, 1))
        b2 = np.random.randn(n_y, 1) * 0.01 if random_b else np.zeros((n_y, 1))
        return {"W1": W1, "b1": b1, "W2": W2, "b2": b2}

    return initialize_parameters


# --------------------------------------------------------------------------------------------
# forward_propagation(X, parameters)
# --------------------------------------------------------------------------------------------


def _sigmoid(Z):
    return sigmoid(Z)[0]


_ACTIVATIONS = {"tanh": np.tanh, "sigmoid": _sigmoid, "relu": lambda Z: np.maximum(0, Z)}


def _forward_variant(*, hidden="tanh", output="sigmoid", add_b1=True, cache_Z1_as_A1=False):
    def forward_propagation(X, parameters):
        Z1 = np.dot(parameters["W1"], X)
        if add_b1:
            Z1 = Z1 + parameters["b1"]
        A1 = _ACTIVATIONS[hidden](Z1)
        Z2 = np.dot(parameters["W2"], A1) + parameters["b2"]
        A2 = _ACTIVATIONS[output](Z2)
        return A2, {"Z1": Z1, "A1": Z1 if cache_Z1_as_A1 else A1, "Z2": Z2, "A2": A2}

    return forward_propagation


# --------------------------------------------------------------------------------------------
# compute_cost(A2, Y)
# --------------------------------------------------------------------------------------------


def _cost_variant(*, transposed_log=False, zero_term=True, sign=-1.0, over_m=True, as_float=True):
    def compute_cost(A2, Y):
        m = Y.shape[1]
        log_A2, log_1_A2 = np.log(A2), np.log(1 - A2)
        if transposed_log:  # (1, m) times (m, 1): broadcast into an (m, m) matrix
            log_A2, log_1_A2 = log_A2.T, log_1_A2.T
        log_likelihood = np.multiply(Y, log_A2) + (np.multiply(1 - Y, log_1_A2) if zero_term else 0)
        cost = sign * np.sum(log_likelihood, axis=None if as_float else 1, keepdims=not as_float)
        if over_m:
            cost = cost / m
        return float(cost) if as_float else cost

    return compute_cost


# --------------------------------------------------------------------------------------------
# backward_propagation(parameters, cache, X, Y)
# --------------------------------------------------------------------------------------------

_DERIVATIVES = {
    "A1": lambda cache: 1 - np.power(cache["A1"], 2),
    "tanh(Z1)": lambda cache: 1 - np.power(np.tanh(cache["Z1"]), 2),
    "sigmoid": lambda cache: cache["A1"] * (1 - cache["A1"]),
    "1 - A1": lambda cache: 1 - cache["A1"],
}


def _backward_variant(*, derivative="A1", db="examples", over_m=True, dW1_transposed=False):
    def gradient_sum(dZ):
        if db == "examples":
            return np.sum(dZ, axis=1, keepdims=True)
        if db == "no_keepdims":
            return np.sum(dZ, axis=1)
        return np.sum(dZ, axis=0, keepdims=True)  # "units"

    def backward_propagation(parameters, cache, X, Y):
        m = X.shape[1]
        scale = (1 / m) if over_m else 1
        A1, A2 = cache["A1"], cache["A2"]
        dZ2 = A2 - Y
        dW2 = scale * np.dot(dZ2, A1.T)
        db2 = scale * gradient_sum(dZ2)
        dZ1 = np.dot(parameters["W2"].T, dZ2) * _DERIVATIVES[derivative](cache)
        dW1 = scale * (np.dot(X, dZ1.T) if dW1_transposed else np.dot(dZ1, X.T))
        db1 = scale * gradient_sum(dZ1)
        return {"dW1": dW1, "db1": db1, "dW2": dW2, "db2": db2}

    return backward_propagation


# --------------------------------------------------------------------------------------------
# update_parameters(parameters, grads, learning_rate=1.2)
# --------------------------------------------------------------------------------------------


def _update_variant(*, in_place=False, sign=-1.0, update_b=True, default_rate=1.2, use_rate=True):
    def update_parameters(parameters, grads, learning_rate=default_rate):
        target = parameters if in_place else dict(parameters)
        rate = learning_rate if use_rate else 1.0
        for key in ("W1", "b1", "W2", "b2"):
            if key.startswith("b") and not update_b:
                continue
            step = sign * rate * grads["d" + key]
            if in_place:
                target[key] += step
            else:
                target[key] = parameters[key] + step
        return target

    return update_parameters


# --------------------------------------------------------------------------------------------
# nn_model(X, Y, n_h, num_iterations=10000, print_cost=False)
# --------------------------------------------------------------------------------------------


def _flower(X, Y):
    """The notebook's global X and Y (the flower), whatever the arguments were."""
    return load_planar_dataset()


def _nn_model_variant(*, seed=3, seed_after_init=False, n_h_from_layer_sizes=False, data=None, rate=1.2,
                      extra_iteration=False):
    def nn_model(X, Y, n_h, num_iterations=10000, print_cost=False):
        if data is not None:
            X, Y = data(X, Y)
        if seed is not None and not seed_after_init:
            np.random.seed(seed)
        n_x, sizes_n_h, n_y = reference.layer_sizes(X, Y)
        parameters = reference.initialize_parameters(n_x, sizes_n_h if n_h_from_layer_sizes else n_h, n_y)
        if seed_after_init:
            np.random.seed(seed)
        for i in range(num_iterations + (1 if extra_iteration else 0)):
            A2, cache = reference.forward_propagation(X, parameters)
            cost = reference.compute_cost(A2, Y)
            grads = reference.backward_propagation(parameters, cache, X, Y)
            parameters = reference.update_parameters(parameters, grads, rate)
            if print_cost and i % 1000 == 0:
                print(f"Cost after iteration {i}: {cost:.6f}")
        return parameters

    return nn_model


# --------------------------------------------------------------------------------------------
# predict(parameters, X)
# --------------------------------------------------------------------------------------------


def _predict_variant(*, threshold=0.5, inclusive=False, rank_one=False, probabilities=False):
    def predict(parameters, X):
        A2, _ = reference.forward_propagation(X, parameters)
        if probabilities:
            return A2
        predictions = (A2 >= threshold if inclusive else A2 > threshold).astype(float)
        return predictions[0] if rank_one else predictions

    return predict


MISTAKES = {
    "layer_sizes": (
        Mistake("examples_instead_of_features", "n_x and n_y taken from the number of examples",
                "Examples are the columns of X and Y; the sizes of the layers are their numbers of rows.",
                _layer_sizes_variant, dict(axis=1)),
        Mistake("n_h_from_the_data", "n_h taken from X instead of the fixed 4",
                "The hidden layer's size is a choice, not a property of the data: this exercise fixes it at 4.",
                _layer_sizes_variant, dict(n_h=lambda X: X.shape[0])),
        Mistake("n_y_fixed_at_1", "n_y fixed at 1 instead of read from Y",
                "The output layer has one unit per row of Y: read n_y from Y's shape, as n_x from X's.",
                _layer_sizes_variant, dict(fixed_n_y=1)),
    ),
    "initialize_parameters": (
        Mistake("seed_inside", "np.random.seed called inside the function",
                "This initialize_parameters does not seed: the caller does (nn_model seeds with 3), so that the "
                "same function serves any seed. Remove the np.random.seed call.", _init_variant, dict(seed=2)),
        Mistake("seed_1_inside", "np.random.seed(1) inside, as in the step-by-step assignment",
                "The step-by-step assignment's version seeds with 1 inside; this one leaves seeding to its caller.",
                _init_variant, dict(seed=1)),
        Mistake("rand_instead_of_randn", "np.random.rand (uniform) instead of np.random.randn (normal)",
                "The weights come from the standard normal distribution; one of numpy's two similarly named "
                "functions draws uniform numbers in [0, 1) instead.", _init_variant, dict(draw=np.random.rand)),
        Mistake("missing_scale", "random weights not scaled down",
                "The weights should be small: multiply the random draws by 0.01.", _init_variant, dict(scale=1.0)),
        Mistake("zero_weights", "weights initialised to zeros",
                "With zero weights every hidden unit computes the same thing forever; only the biases start at zero.",
                _init_variant, dict(draw=_zeros)),
        Mistake("W2_drawn_first", "W2 drawn before W1",
                "The same seed gives the same sequence of numbers: draw W1 first, then W2.", _init_variant,
                dict(W2_first=True)),
        Mistake("random_biases", "biases drawn at random",
                "Only the weights are random; the biases start at zero.", _init_variant, dict(random_b=True)),
        Mistake("transposed_weights", "weights of the transposed shapes",
                "W1 has one row per hidden unit and one column per input: (n_h, n_x); W2 is (n_y, n_h).",
                _init_variant, dict(transposed=True)),
    ),
    "forward_propagation": (
        Mistake("sigmoid_on_hidden", "sigmoid on the hidden layer instead of tanh",
                "The hidden layer uses np.tanh; the sigmoid is for the output layer only.",
                _forward_variant, dict(hidden="sigmoid")),
        Mistake("relu_on_hidden", "ReLU on the hidden layer instead of tanh",
                "This network's hidden layer uses np.tanh, not the ReLU of the deep networks.",
                _forward_variant, dict(hidden="relu")),
        Mistake("tanh_on_output", "tanh on the output layer instead of the sigmoid",
                "The output must be a probability in (0, 1): the output layer uses the sigmoid.",
                _forward_variant, dict(output="tanh")),
        Mistake("missing_b1", "the bias b1 not added", "Z1 is the matrix product plus b1, which broadcasts over the "
                "columns.", _forward_variant, dict(add_b1=False)),
        Mistake("Z1_cached_as_A1", "the cache's A1 holds Z1",
                'The cache keeps both values of the hidden layer: "Z1" before the tanh and "A1" after it.',
                _forward_variant, dict(cache_Z1_as_A1=True)),
    ),
    "compute_cost": (
        Mistake("log_transposed", "Y times log(A2).T: a (1, m) row broadcast with an (m, 1) column",
                "Y and log(A2) both have shape (1, m) and are multiplied entry by entry; transposing one of them "
                "makes numpy broadcast the product into an (m, m) matrix, whose sum is not the cost.",
                _cost_variant, dict(transposed_log=True)),
        Mistake("dropped_one_minus_y_term", "the (1 - Y) log(1 - A2) term left out",
                "The cross-entropy has a term for the examples labelled 1 and one for those labelled 0.",
                _cost_variant, dict(zero_term=False)),
        Mistake("wrong_sign", "the cost with the wrong sign",
                "Logs of probabilities are negative, so the cost needs a minus sign to be positive.",
                _cost_variant, dict(sign=1.0)),
        Mistake("missing_one_over_m", "the cost not divided by m",
                "The cost is the average of the losses over the m examples, not their sum.",
                _cost_variant, dict(over_m=False)),
        Mistake("cost_as_array", "the cost returned as a (1, 1) array",
                "The cost is one number: float(...) or np.squeeze turns the (1, 1) array into one.",
                _cost_variant, dict(as_float=False)),
    ),
    "backward_propagation": (
        Mistake("tanh_derivative_from_Z1", "tanh'(Z1) recomputed as 1 - tanh(Z1)**2",
                "The backward pass works from the cache it is given: tanh'(Z1) is 1 - A1**2 with the cached A1. "
                "Recomputing np.tanh(Z1) agrees only when the cache came from your own forward pass.",
                _backward_variant, dict(derivative="tanh(Z1)")),
        Mistake("sigmoid_derivative_on_hidden", "the sigmoid's derivative A1 (1 - A1) on the hidden layer",
                "The hidden layer is a tanh layer: its derivative is 1 - A1**2.", _backward_variant,
                dict(derivative="sigmoid")),
        Mistake("tanh_derivative_not_squared", "tanh' taken as 1 - A1 (the square missing)",
                "The derivative of tanh is 1 - tanh**2: 1 - np.power(A1, 2).", _backward_variant,
                dict(derivative="1 - A1")),
        Mistake("db_without_keepdims", "db1 and db2 summed without keepdims",
                "Summing over the examples drops that axis unless you keep it: db1 must be (n_h, 1) like b1.",
                _backward_variant, dict(db="no_keepdims")),
        Mistake("db_wrong_axis", "db summed over the units instead of the examples",
                "The examples run along the columns: sum over axis=1.", _backward_variant, dict(db="units")),
        Mistake("missing_one_over_m", "dW and db not divided by m",
                "The gradients are averages over the m examples, not sums.", _backward_variant, dict(over_m=False)),
        Mistake("dW1_transposed", "dW1 computed as X dZ1^T (the transpose of dW1)",
                "dW1 has W1's shape (n_h, n_x): check which factor of the product is transposed.",
                _backward_variant, dict(dW1_transposed=True)),
    ),
    "update_parameters": (
        Mistake("mutates_caller_parameters", "the caller's parameters changed in place",
                "In-place operators such as -= change the arrays the caller passed in (a shallow dict copy shares "
                "them): build new arrays, or work on a deep copy.", _update_variant, dict(in_place=True),
                mutates_inputs=True),
        Mistake("adds_gradient", "the gradient added instead of subtracted",
                "Gradient descent steps against the gradient, downhill.", _update_variant, dict(sign=1.0)),
        Mistake("b_not_updated", "the biases not updated",
                "Gradient descent updates every parameter, the biases as well as the weights.",
                _update_variant, dict(update_b=False)),
        Mistake("learning_rate_ignored", "the learning rate ignored",
                "The step is the gradient scaled by learning_rate.", _update_variant, dict(use_rate=False)),
        Mistake("wrong_default_rate", "a default learning rate other than 1.2",
                "Keep the signature as given: learning_rate=1.2 is the default the course trains with.",
                _update_variant, dict(default_rate=0.01)),
    ),
    "nn_model": (
        Mistake("not_seeded_before_init", "the RNG not seeded with 3 before initialize_parameters",
                "Call np.random.seed(3) once at the top of nn_model, before initialize_parameters: the seed only "
                "fixes the draws that come after it, and the starting weights (so the trained ones) depend on it.",
                _nn_model_variant, dict(seed_after_init=True)),
        Mistake("wrong_seed", "the RNG seeded with another value than 3",
                "Check the value passed to np.random.seed in nn_model: the course trains from seed 3.",
                _nn_model_variant, dict(seed=1)),
        Mistake("n_h_from_layer_sizes", "the hidden layer sized by layer_sizes instead of the n_h argument",
                "layer_sizes fixes n_h at 4 for its exercise; nn_model builds a hidden layer of n_h units, the "
                "argument (take only n_x and n_y from layer_sizes).", _nn_model_variant,
                dict(n_h_from_layer_sizes=True)),
        Mistake("global_data", "trained on the notebook's global X and Y instead of the arguments",
                "Inside nn_model use its arguments X and Y; the notebook's global flower data only agrees with "
                "them when the flower is what was passed in.", _nn_model_variant, dict(data=_flower)),
        Mistake("wrong_learning_rate", "a learning rate other than 1.2",
                "nn_model trains with update_parameters' default learning rate, 1.2.", _nn_model_variant,
                dict(rate=0.5)),
        Mistake("one_iteration_too_many", "num_iterations + 1 steps",
                "Run exactly num_iterations gradient steps: range(num_iterations) gives 0 .. num_iterations - 1.",
                _nn_model_variant, dict(extra_iteration=True)),
    ),
    "predict": (
        Mistake("inclusive_threshold", "A2 >= 0.5 instead of A2 > 0.5",
                "At exactly 0.5 the prediction is 0: the test is strictly greater than 0.5.", _predict_variant,
                dict(inclusive=True)),
        Mistake("rank_one_predictions", "predictions of shape (m,), a rank-1 array, instead of (1, m)",
                "Keep the predictions in A2's shape (1, m): build them from the whole array, A2 > 0.5, rather than "
                "from a loop over A2[0] or a flattened copy.", _predict_variant, dict(rank_one=True)),
        Mistake("probabilities_returned", "A2 returned instead of 0/1 predictions",
                "predict answers 0 or 1: compare A2 with 0.5.", _predict_variant, dict(probabilities=True)),
        Mistake("threshold_at_zero", "A2 compared with 0 instead of 0.5",
                "A2 is a probability, always above 0: the threshold is 0.5.", _predict_variant, dict(threshold=0.0)),
    ),
}
