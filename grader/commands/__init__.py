"""One module per command of ``python -m grader``: each parses nothing itself and calls the engine
(grader/grading), the records (grader/records) or nbgrader."""
