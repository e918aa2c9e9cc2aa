"""Hints for the application checks: (function, output, kind of difference, hint)."""

HINTS = (
    ("two_layer_model", "costs", "*",
     "Record the cost every 100 iterations (i % 100 == 0), computed before that iteration's update."),
    ("two_layer_model", "*", "*",
     "Each iteration: forward with relu then sigmoid, compute the cost, dA2 from the cross-entropy, backward "
     "through sigmoid then relu, then update_parameters. Call np.random.seed(1) and initialize_parameters once."),
    ("L_layer_model", "costs", "*",
     "Record the cost every 100 iterations (i % 100 == 0), computed before that iteration's update."),
    ("L_layer_model", "*", "*",
     "Initialise once with initialize_parameters_deep(layers_dims), then each iteration: L_model_forward, "
     "compute_cost, L_model_backward, update_parameters."),
)
