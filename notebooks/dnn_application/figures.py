"""The diagrams of dnn_application (`python -m grader figures` draws them into figures/): the
networks with the sizes the application trains."""

from functools import partial

from course_figures import flatten_picture, l_layer_network, two_layer_network
from source_solutions.cat_classifier import LAYERS_DIMS

FIGURES = {
    "flatten_picture.svg": flatten_picture,
    "two_layer_network.svg": partial(two_layer_network, 12288, 7, 1),
    "l_layer_network.svg": partial(l_layer_network, LAYERS_DIMS),
}
