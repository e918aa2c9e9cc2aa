"""The logistic-regression baseline the planar classifier's notebook provides to students (see
source_solutions/planar_library.py). In the student release this package is replaced by a
standalone copy of those modules, made by the release build."""

from source_solutions.planar_library import *  # noqa: F401,F403
from source_solutions.planar_library import __all__  # noqa: F401
