"""The hidden reference solutions of both assignments.

Never shipped to students. Import the graded functions through
``source_solutions.dnn_step_by_step`` and ``source_solutions.dnn_application``.
"""
