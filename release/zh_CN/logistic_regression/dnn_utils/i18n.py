"""The language of every message a student or instructor reads: English or 简体中文.

One catalogue keyed by message id: dnn_utils/messages.py for everything the checks, the grader
and its commands say; each assignment's ``testCases/<id>/zh_CN.py`` for its title, hints and
mistakes, whose English lives with their definitions (``Assignment.text``). ``say(key, **fields)``
formats a message in the current language. The language is, in order: the one set by
``speaking(lang)`` (the grader sets it for each submission), the ``COURSE_LANG`` environment
variable, the edition a release folder was generated for (its ``dnn_utils/edition.py``), and
English. Nothing is translated at run time and nothing is fetched.
"""

import contextvars
import importlib
import os
import re
from contextlib import contextmanager

LANGUAGES = ("en", "zh_CN")
DEFAULT = "en"

_chosen = contextvars.ContextVar("course_language", default=None)


class UnknownLanguage(ValueError):
    pass


def normalise(lang):
    """``lang`` as one of LANGUAGES ("zh_CN.UTF-8", "zh-cn" and "zh" give "zh_CN"), or None."""
    if not isinstance(lang, str) or not lang.strip():
        return None
    code = lang.strip().split(".")[0].replace("-", "_").lower()
    if code in ("zh", "zh_cn", "zh_hans", "zh_hans_cn"):
        return "zh_CN"
    if code == "en" or code.startswith("en_") or code in ("c", "posix"):
        return "en"
    return None


def checked(lang):
    """``lang`` normalised, or UnknownLanguage naming the choices."""
    found = normalise(lang)
    if found is None:
        raise UnknownLanguage(f"unknown language {lang!r}: use one of {', '.join(LANGUAGES)}")
    return found


def _edition():
    try:
        return normalise(importlib.import_module("dnn_utils.edition").LANGUAGE)
    except (ImportError, AttributeError):
        return None


def language():
    """The language messages are written in now."""
    return _chosen.get() or normalise(os.environ.get("COURSE_LANG")) or _edition() or DEFAULT


@contextmanager
def speaking(lang):
    """Messages made inside this block are in ``lang`` (None: leave the language as it is)."""
    token = _chosen.set(checked(lang) if lang is not None else _chosen.get())
    try:
        yield
    finally:
        _chosen.reset(token)


def command_line_language(flag=None):
    """The language of a command's output: ``--lang``, else COURSE_LANG, else the locale (LANG)."""
    if flag:
        return checked(flag)
    for variable in ("COURSE_LANG", "LC_ALL", "LC_MESSAGES", "LANG"):
        found = normalise(os.environ.get(variable))
        if found:
            return found
    return DEFAULT


def say(message_id, /, **fields):
    """The message ``message_id`` of the catalogue in the current language, formatted."""
    from .messages import MESSAGES

    entry = MESSAGES[message_id]
    return entry.get(language(), entry[DEFAULT]).format(**fields)


PLACEHOLDER = re.compile(r"\{(\w*)[^{}]*\}")


def placeholders(text):
    """The names of a message's ``{placeholders}``."""
    return sorted(set(PLACEHOLDER.findall(text)))
