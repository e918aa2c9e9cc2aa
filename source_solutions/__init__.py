"""The hidden reference solutions: one module per concept (linear, layer, model, initialization),
and per assignment a module named after it that holds its graded functions by name
(``source_solutions.<assignment id>``), which the grader looks up.

Never shipped to students (the release copies only the modules an assignment declares as provided).
"""
