"""Shared helpers of the course: activations, data loading, plots and numeric comparison.

Students' notebooks, the public checks, the grader and the reference solutions all import
these from here; nothing in this package is graded.
"""
