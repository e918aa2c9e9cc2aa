"""The course's diagrams, drawn by code: one function per concept, parameterised by sizes.
Each assignment's `notebooks/<id>/figures.py` says which it shows (`FIGURES`: file name ->
function), and `python -m grader figures` writes them to `notebooks/<id>/figures/`."""

from .logistic import cost_graph, logistic_unit
from .networks import l_layer_network, one_hidden_layer, two_layer_network
from .passes import forward_backward_caches, layer_backward_step
from .pictures import flatten_picture

__all__ = ["cost_graph", "flatten_picture", "forward_backward_caches", "l_layer_network", "layer_backward_step",
           "logistic_unit", "one_hidden_layer", "two_layer_network"]
