"""nbgrader settings for this course: sources in notebooks/, student version in release/."""

c = get_config()  # noqa: F821 (provided by nbgrader when it loads this file)

c.CourseDirectory.root = "."
c.CourseDirectory.source_directory = "notebooks"
c.CourseDirectory.release_directory = "release"
# Student folders get only the notebook and what the release build copies in; nothing else.
c.CourseDirectory.ignore = [".ipynb_checkpoints", "*.pyc", "__pycache__", "*.h5", "*.npz.tmp"]
c.ClearSolutions.code_stub = {"python": "# YOUR CODE HERE\nraise NotImplementedError()"}
c.Execute.timeout = 600
