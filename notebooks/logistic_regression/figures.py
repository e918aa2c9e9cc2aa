"""The diagrams of logistic_regression (`python -m grader figures` draws them into figures/)."""

from course_figures import cost_graph, flatten_picture, logistic_unit

FIGURES = {
    "logistic_unit.svg": logistic_unit,
    "flatten_picture.svg": flatten_picture,
    "cost_graph.svg": cost_graph,
}
