"""The catalogue of common mistakes in the application's models, each defined relative to the
reference: a variant factory reproduces the reference's training loop with knobs, ``variant()``
(no flaw) is the reference itself (tests/test_mistakes.py proves it on every case) and
``variant(**flaw)`` is the mistake. Never shipped as code.
"""

import numpy as np

from source_solutions import app_library, initialization

from ...assignment import Mistake

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
    """The application's initialisation (seed 1) with the step-by-step scale, 0.01."""
    return initialization._deep_weights(layers_dims, seed=1, scale=lambda n_prev: 0.01)


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


def _training_loop_mistakes(variant, biases_hint):
    """The mistakes of a training loop that both models can make."""
    costs_hint = ("Look at where in the loop the cost you keep is computed, and at the condition that decides "
                  "which iterations are recorded: one value every 100 iterations, starting with iteration 0, each "
                  "computed before that iteration's update.")
    return (
        Mistake("costs_every_iteration", "the cost recorded at every iteration", costs_hint, variant, dict(every=1)),
        Mistake("cost_recorded_after_update", "the cost recorded after the update", costs_hint, variant,
                dict(cost_after_update=True)),
        Mistake("learning_rate_ignored", "the learning_rate argument ignored",
                "Check what you pass to update_parameters: the learning rate must be the argument, not a fixed number.",
                variant, dict(fixed_rate=COURSE_RATE)),
        Mistake("b_not_updated", "the biases never updated",
                biases_hint,
                variant, dict(update_b=False)),
        Mistake("initialised_every_iteration", "the parameters re-initialised at every iteration",
                "Initialise once, before the loop; inside it, each iteration starts from the previous one's parameters.",
                variant, dict(init_every_iteration=True)),
    )


MISTAKES = {
    "two_layer_model": (
        *_training_loop_mistakes(_two_layer_variant, "Check that db1 and db2 reach update_parameters under the names it "
                                                     "expects, so that b1 and b2 change."),
        Mistake("sigmoid_backward_on_hidden", "sigmoid backward used for the hidden layer",
                "The hidden layer is a relu layer: its backward step must use the same activation as its forward step.",
                _two_layer_variant, dict(hidden_backward="sigmoid")),
    ),
    "L_layer_model": (
        Mistake("weights_scaled_by_0_01", "weights scaled by 0.01 instead of 1/sqrt(n[l-1])",
                "Use the application's initialize_parameters_deep: with a constant 0.01 a deep network's signals "
                "shrink layer after layer and it barely learns.", _L_layer_variant, dict(initialise=_deep_init_scaled_0_01)),
        Mistake("step_by_step_initialisation", "the step-by-step initialize_parameters_deep (seed 3, x 0.01)",
                "The application provides its own initialize_parameters_deep (a different seed and scaling): use that "
                "one, not the step-by-step assignment's.",
                _L_layer_variant, dict(initialise=initialization.initialize_parameters_deep)),
        *_training_loop_mistakes(_L_layer_variant, "Check that every db{l} reaches update_parameters under the name it "
                                                   "expects, so that the biases change."),
    ),
}
