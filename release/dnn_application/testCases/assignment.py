"""What an assignment declares, as data: its graded functions and its public cases.

Each assignment is one package, ``testCases/<id>/``, whose ``__init__.py`` defines ``ASSIGNMENT``
(an ``Assignment``), with ``expected/`` generated from the reference solutions. In the course
repository, and never shipped to students, ``testCases/<id>/hidden/`` adds

  cases.py     ``draw(function, rng) -> (about, build)`` or ``(about, build, seed)``: one random
               hidden case (seed: see Case.seed)
  mistakes.py  ``MISTAKES``: {function: (Mistake, ...)}, each relative to the reference

The grader finds assignments through ``testCases.assignment_ids()``; it never names one.
"""

import importlib
import threading
from dataclasses import dataclass
from functools import cached_property
from pathlib import Path
from typing import Callable

import numpy as np

from dnn_utils.i18n import DEFAULT, language, say
from dnn_utils.plain import load

# The course's fixtures and functions seed numpy's global RNG, so in a threaded program every
# use of it must take turns: building a case, running the reference or a mistake.
GLOBAL_RNG_LOCK = threading.RLock()


@dataclass(frozen=True)
class Case:
    """One call of a graded function: ``build()`` returns its positional arguments.

    hidden: a randomised case the grader draws per student (scored, never shown in a notebook);
    seed: for a function whose caller seeds numpy's global RNG (as the course does before an
    initialisation without a seed inside), every call of the case is preceded by
    ``np.random.seed(seed)``: in the check cells, the sandbox, the reference and the mistakes."""

    function: str
    name: str
    about: str
    builder: Callable[[], tuple]
    hidden: bool = False
    seed: int | None = None

    @property
    def key(self):
        return f"{self.function}/{self.name}"

    def build(self):
        with GLOBAL_RNG_LOCK:
            return self.builder()


@dataclass(frozen=True)
class GradedFunction:
    """One exercise. arguments and outputs: the names of what it takes and returns in the course's
    notation (outputs a tuple for several values); depends_on: the graded functions it calls, which the grader replaces by the
    reference so that one mistake costs points once; extra_keys_allowed: extra dict keys in its
    output do no harm (nothing downstream counts them); labels: the outputs (or keys of a dict
    output) that hold 0/1 labels, compared by value whatever their dtype: the course's own
    ``A2 > 0.5`` is boolean, and students' ``.astype(int)`` is right too."""

    name: str
    points: int
    arguments: tuple[str, ...]
    outputs: str | tuple[str, ...]
    depends_on: tuple[str, ...] = ()
    hidden_cases: int = 6
    extra_keys_allowed: bool = False
    labels: tuple[str, ...] = ()


@dataclass(frozen=True)
class ProvidedPackage:
    """Modules of the reference solutions a student gets ready-made, as a standalone package of the
    release: each ``<module>.py`` copied into ``<name>/``, with an ``__init__.py`` that re-exports
    ``from .<main> import *`` under ``doc``."""

    name: str
    modules: tuple[str, ...]
    main: str
    doc: str


@dataclass(frozen=True)
class Assignment:
    """One assignment: ``id`` is its folder name in notebooks/, testCases/ and release/."""

    id: str
    title: str
    summary: str
    functions: tuple[GradedFunction, ...]
    cases: tuple[Case, ...]
    hints: tuple[tuple[str, str, str, str], ...] = ()  # (function, output, kind, hint); "*" matches any
    seconds_per_function: float = 30.0
    provided: tuple[ProvidedPackage, ...] = ()
    release_note: str = ""  # extra README text for the student release (markdown)

    def __post_init__(self):
        names = [f.name for f in self.functions]
        for case in self.cases:
            if case.function not in names:
                raise ValueError(f"{self.id}: case {case.key} is for {case.function!r}, not a graded function")
            if case.hidden:
                raise ValueError(f"{self.id}: {case.key} is hidden; public cases only in the declaration")
        for function in self.functions:
            for dependency in function.depends_on:
                if dependency not in names:
                    raise ValueError(f"{self.id}: {function.name} depends on {dependency!r}, not a graded function")

    @property
    def names(self):
        return [f.name for f in self.functions]

    def function(self, name):
        for graded in self.functions:
            if graded.name == name:
                return graded
        raise ValueError(f"{name!r} is not a graded function of {self.id}; its graded functions: {', '.join(self.names)}")

    def public_cases(self, name):
        return [case for case in self.cases if case.function == name]

    @property
    def folder(self):
        """testCases/<id>/, beside this module (in the repository or a student's release)."""
        return Path(__file__).resolve().parent / self.id

    @property
    def expected_dir(self):
        return self.folder / "expected"

    @cached_property
    def expected_outputs(self):
        """{case key: expected output}, as generated by ``python -m grader expected``."""
        path = self.expected_dir / "outputs.npz"
        if not path.exists():
            raise FileNotFoundError(f"{path} is missing: run `make expected`.")
        return load(path)

    @cached_property
    def probe_sensitivity(self):
        """{case key: [argument names]}: the arguments whose variation (testCases.checks.probe_variants)
        changes the reference's output on that public case, as generated by ``python -m grader expected``."""
        path = self.expected_dir / "probes.npz"
        return load(path) if path.exists() else {}

    @cached_property
    def translations(self):
        """This assignment's ``zh_CN`` module (TITLE, SUMMARY, HINTS, MISTAKES, CASES), or None."""
        try:
            return importlib.import_module(f"{__package__}.{self.id}.zh_CN")
        except ModuleNotFoundError:
            return None

    def text(self, table, key, english):
        """One of this assignment's messages in the current language (dnn_utils.i18n): ``english``,
        as its definition gives it, or the Chinese entry ``key`` of ``table`` ("HINTS", "MISTAKES",
        "CASES") of its zh_CN module; ``key`` None for "TITLE" and "SUMMARY"."""
        if language() == DEFAULT or self.translations is None:
            return english
        entries = getattr(self.translations, table, None)
        if key is None:
            return entries or english
        return (entries or {}).get(key, english)

    def mistake_text(self, function, mistake_id, title, hint):
        """(title, hint) of a catalogued mistake in the current language."""
        return self.text("MISTAKES", (function, mistake_id), (title, hint))

    def case_about(self, case):
        """What a public case is about, in the current language (a hidden case's says numbers)."""
        return self.text("CASES", (case.function, case.name), case.about)

    @cached_property
    def known_mistakes(self):
        """{function: {mistake id: {"title", "hint", "mutates_inputs", "outputs": {case name: output}}}}:
        what the catalogued mistakes return on the public cases (data only, no code)."""
        path = self.expected_dir / "mistakes.npz"
        return load(path) if path.exists() else {}


def seeded_call(function, args, seed):
    """``function(*args)``, after ``np.random.seed(seed)`` unless seed is None (see Case.seed)."""
    if seed is not None:
        np.random.seed(seed)
    return function(*args)


def count(n, noun):
    """``n`` and ``noun`` in the current language, plural when it should be: "1 unit", "3 units"
    (the catalogue's "count.<noun>" and "count.<noun>s")."""
    return say(f"count.{noun}" if n == 1 else f"count.{noun}s", n=n)


_THREAD = threading.local()


def case_rng(seed):
    """numpy's legacy RandomState seeded with ``seed``: this thread's one instance, re-seeded
    (making a new RandomState costs a hundred times more than re-seeding one)."""
    rng = getattr(_THREAD, "rng", None)
    if rng is None:
        rng = _THREAD.rng = np.random.RandomState()
    rng.seed(seed)
    return rng


@dataclass(frozen=True, eq=False)
class Mistake:
    """A catalogued mistake of a graded function. ``variant(**flaw)`` is the wrong function, and
    ``variant()`` with no flaw must return exactly what the reference returns (a test proves it),
    so every mistake is one small edit of the reference's logic. hint: where to look, never the
    fixed line; mutates_inputs: the outputs are right but the arguments are changed in place."""

    id: str
    title: str
    hint: str
    variant: Callable[..., Callable]
    flaw: dict
    mutates_inputs: bool = False

    @cached_property
    def implementation(self):
        return self.variant(**self.flaw)
