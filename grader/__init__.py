"""The course's grading tools: ``python -m grader --help``."""
