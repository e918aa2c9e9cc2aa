"""The diagrams of dnn_step_by_step (`python -m grader figures` draws them into figures/): the
networks in symbols (n_x, n_h, n_y, n^[l])."""

from course_figures import forward_backward_caches, l_layer_network, layer_backward_step, two_layer_network

FIGURES = {
    "two_layer_network.svg": two_layer_network,
    "l_layer_network.svg": l_layer_network,
    "forward_backward_caches.svg": forward_backward_caches,
    "layer_backward_step.svg": layer_backward_step,
}
