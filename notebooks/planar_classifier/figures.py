"""The diagrams of planar_classifier (`python -m grader figures` draws them into figures/)."""

from course_figures import one_hidden_layer

FIGURES = {
    "one_hidden_layer.svg": one_hidden_layer,  # 2 inputs, 4 tanh units, 1 sigmoid unit
}
