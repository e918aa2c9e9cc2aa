"""Where things are in the course repository."""

from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
NOTEBOOKS = REPO / "notebooks"  # one nbgrader source notebook per assignment: notebooks/<id>/<id>.ipynb
RELEASE = REPO / "release"  # the generated student version
EXAMPLES = REPO / "examples"
NBGRADER_CONFIG = REPO / "nbgrader_config.py"
