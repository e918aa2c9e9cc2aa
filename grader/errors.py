"""Errors the command line reports in one line, without a traceback: a problem with what the
user gave or with the machine, never a bug of the grader (those keep their traceback)."""


class UserError(Exception):
    """Something the user can fix: the message says what is wrong and what to do."""
