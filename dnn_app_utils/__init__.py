"""The building blocks the application notebook provides to students (see
source_solutions/app_library.py). In the student release this package is replaced by a
standalone copy of those modules, made by the release build."""

from source_solutions.app_library import *  # noqa: F401,F403
from source_solutions.app_library import __all__  # noqa: F401
