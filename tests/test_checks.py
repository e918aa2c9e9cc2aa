"""Direct tests of testCases/checks.py (one case verdict, mistake matching, the check report),
testCases/hints.py and the shape hints of dnn_utils/compare.py, on the real step-by-step
declaration and small hand-written student functions."""

import copy
import dataclasses

import numpy as np
import pytest

from dnn_utils.compare import Difference, compare
from testCases.checks import (
    MAX_DIFFERENCES,
    Call,
    CaseVerdict,
    CheckFailed,
    call_here,
    MessageGroup,
    describe_error,
    evaluate_case,
    generic_hints,
    group_messages,
    match_mistakes,
)
from testCases.dnn_step_by_step import ASSIGNMENT, check
from testCases.hints import GENERIC, hint_for, output_of

EXPECTED = ASSIGNMENT.expected_outputs


def public(function, name):
    (case,) = [c for c in ASSIGNMENT.public_cases(function) if c.name == name]
    return case


def notebook_functions(source):
    """The functions of ``source`` as if defined in a notebook cell (checks blame only frames
    of the student's notebook, whose file names start with '<')."""
    namespace = {"np": np}
    exec(compile(source, "<ipython-input-1-student>", "exec"), namespace)
    return namespace


def run_check(capsys, function_name, function):
    """(report printed, whether the check raised CheckFailed)."""
    failed = False
    try:
        check(function_name, function)
    except CheckFailed:
        failed = True
    return capsys.readouterr().out, failed


# ---------------------------------------------------------------------------------------------
# evaluate_case
# ---------------------------------------------------------------------------------------------


def test_does_a_call_returning_the_expected_output_pass_with_no_message():
    case = public("linear_forward", "course")
    args = case.build()
    verdict = evaluate_case(ASSIGNMENT, case, EXPECTED[case.key],
                            Call(copy.deepcopy(args), output=EXPECTED[case.key], args_after=list(args)))
    assert verdict.passed and verdict.returned and not verdict.mutated
    assert verdict.messages == [] and verdict.differences == []
    assert (verdict.name, verdict.hidden) == ("course", False)


def test_does_a_raised_error_fail_the_case_with_its_one_sentence():
    case = public("linear_forward", "course")
    text = "linear_forward raised ValueError: shapes (3,2) and (3,2) not aligned"
    verdict = evaluate_case(ASSIGNMENT, case, EXPECTED[case.key],
                            Call(case.build(), error="ValueError", error_text=text))
    assert not verdict.passed and not verdict.returned
    assert verdict.raised == "ValueError" and verdict.messages == [text]


def test_does_a_not_plain_output_fail_and_say_what_it_was():
    case = public("compute_cost", "course")
    verdict = evaluate_case(ASSIGNMENT, case, EXPECTED[case.key], Call(case.build(), not_plain="a function"))
    assert not verdict.passed and not verdict.returned and verdict.raised is None
    assert verdict.messages == ["compute_cost returned something that is not numbers or arrays (a function)"]


def test_does_a_mutated_input_fail_a_right_output_and_name_the_argument_entry():
    case = public("update_parameters", "course")
    before = case.build()
    after = copy.deepcopy(list(before))
    after[0]["W1"] = after[0]["W1"] - 1.0  # parameters['W1'] changed in place
    verdict = evaluate_case(ASSIGNMENT, case, EXPECTED[case.key],
                            Call(before, output=EXPECTED[case.key], args_after=after))
    assert not verdict.passed and verdict.mutated and verdict.returned
    (message,) = verdict.messages
    assert "update_parameters changed its input in place" in message
    assert "parameters['W1']" in message and "grads" not in message


def test_do_inputs_that_could_not_be_checked_fail_closed_even_with_the_right_output():
    case = public("linear_forward", "course")
    verdict = evaluate_case(ASSIGNMENT, case, EXPECTED[case.key],
                            Call(case.build(), output=EXPECTED[case.key], args_after=None,
                                 args_problem="an argument became a generator"))
    assert not verdict.passed
    (message,) = verdict.messages
    assert "could not check that linear_forward leaves its inputs unchanged" in message
    assert "an argument became a generator" in message


def test_are_more_than_max_differences_capped_with_a_count_of_the_rest():
    case = public("initialize_parameters_deep", "deeper")  # 4 layers: 8 keys
    expected = EXPECTED[case.key]
    wrong = {key: value + 1.0 for key, value in expected.items()}
    args = case.build()
    verdict = evaluate_case(ASSIGNMENT, case, expected, Call(copy.deepcopy(args), output=wrong, args_after=list(args)))
    extra = len(expected) - MAX_DIFFERENCES
    assert extra > 0
    assert len(verdict.differences) == MAX_DIFFERENCES
    assert len(verdict.messages) == MAX_DIFFERENCES + 1
    assert verdict.messages[-1] == f"... and {extra} more differences"


def test_does_a_wrong_number_of_returned_values_say_how_many_were_expected():
    case = public("linear_backward", "course")
    args = case.build()
    verdict = evaluate_case(ASSIGNMENT, case, EXPECTED[case.key],
                            Call(copy.deepcopy(args), output=EXPECTED[case.key][:2], args_after=list(args)))
    assert not verdict.passed
    assert verdict.messages == ["linear_backward should return 3 values ('dA_prev', 'dW', 'db'), got 2 values"]


# ---------------------------------------------------------------------------------------------
# describe_error and call_here
# ---------------------------------------------------------------------------------------------


def test_does_a_not_implemented_helper_get_the_blame_not_its_caller():
    text = describe_error("linear_activation_forward", "NotImplementedError", "", raised_in="linear_forward")
    assert text.startswith("linear_forward is not implemented yet (linear_activation_forward calls it)")
    assert "replace `raise NotImplementedError()`" in text


def test_is_a_function_that_is_not_implemented_itself_named_without_a_caller():
    text = describe_error("linear_forward", "NotImplementedError", "", raised_in="linear_forward")
    assert text.startswith("linear_forward is not implemented yet:")
    assert "calls it" not in text


def test_does_any_other_error_name_the_function_the_type_the_message_and_the_place():
    text = describe_error("compute_cost", "ZeroDivisionError", "division by zero", where="line 3: m = 1 / 0")
    assert text == "compute_cost raised ZeroDivisionError: division by zero (line 3: m = 1 / 0)"
    assert describe_error("compute_cost", "KeyError", "'x'") == "compute_cost raised KeyError: 'x'"


def test_does_call_here_blame_the_helper_of_a_notebook_that_raised():
    ns = notebook_functions(
        "def linear_forward(A, W, b):\n"
        "    raise NotImplementedError()\n"
        "def linear_activation_forward(A_prev, W, b, activation):\n"
        "    Z, cache = linear_forward(A_prev, W, b)\n"
        "    return Z, cache\n")
    call = call_here("linear_activation_forward", ns["linear_activation_forward"],
                     public("linear_activation_forward", "course_relu").build())
    assert call.error == "NotImplementedError" and not call.returned and call.args_after is None
    assert call.error_text.startswith("linear_forward is not implemented yet (linear_activation_forward calls it)")


def test_does_call_here_say_on_which_line_of_the_notebook_the_error_was_raised():
    ns = notebook_functions("def compute_cost(AL, Y):\n    m = Y.shape[1]\n    return m / 0\n")
    call = call_here("compute_cost", ns["compute_cost"], public("compute_cost", "course").build())
    assert call.error == "ZeroDivisionError"
    assert call.error_text.startswith("compute_cost raised ZeroDivisionError: division by zero (line 3")


def test_does_call_here_keep_a_pristine_copy_of_the_args_and_report_what_they_became():
    def update_parameters(parameters, grads, learning_rate):
        print("updating")
        parameters["W1"] -= learning_rate * grads["dW1"]
        return parameters

    args = public("update_parameters", "course").build()
    original_W1 = args[0]["W1"].copy()
    call = call_here("update_parameters", update_parameters, args)
    assert call.returned and call.printed == "updating\n"
    np.testing.assert_array_equal(call.args_before[0]["W1"], original_W1)
    assert not np.array_equal(call.args_after[0]["W1"], original_W1)


def test_does_call_here_keep_what_was_printed_before_an_error():
    def compute_cost(AL, Y):
        print("about to fail")
        raise RuntimeError("boom")

    call = call_here("compute_cost", compute_cost, public("compute_cost", "course").build())
    assert call.error == "RuntimeError" and call.printed == "about to fail\n"
    assert "compute_cost raised RuntimeError: boom" in call.error_text


# ---------------------------------------------------------------------------------------------
# checker: the printed report
# ---------------------------------------------------------------------------------------------


def test_is_a_not_implemented_helper_blamed_once_for_every_case_in_the_check_report(capsys):
    ns = notebook_functions(
        "def linear_forward(A, W, b):\n"
        "    raise NotImplementedError()\n"
        "def linear_activation_forward(A_prev, W, b, activation):\n"
        "    Z, cache = linear_forward(A_prev, W, b)\n"
        "    return Z, cache\n")
    report, failed = run_check(capsys, "linear_activation_forward", ns["linear_activation_forward"])
    assert failed
    assert "linear_activation_forward: 0 of 4 cases passed" in report
    blame = [line for line in report.splitlines() if "is not implemented yet" in line]
    assert len(blame) == 1, report
    assert blame[0].startswith("  - linear_forward is not implemented yet (linear_activation_forward calls it)")
    assert blame[0].endswith("(every case)")
    assert "This looks like a known mistake" not in report  # raising alone names no mistake


def test_does_a_message_shared_by_some_cases_appear_once_listing_those_cases(capsys):
    def linear_activation_forward(A_prev, W, b, activation):
        if activation == "sigmoid":
            raise ValueError("no sigmoid yet")
        from source_solutions.dnn_step_by_step import linear_activation_forward as reference

        return reference(A_prev, W, b, activation)

    report, failed = run_check(capsys, "linear_activation_forward", linear_activation_forward)
    assert failed and "2 of 4 cases passed" in report
    lines = [line for line in report.splitlines() if "no sigmoid yet" in line]
    assert lines == ["  - linear_activation_forward raised ValueError: no sigmoid yet "
                     "(cases course_sigmoid, several_units_sigmoid)"]


def test_does_what_the_student_printed_appear_under_the_check(capsys):
    ns = notebook_functions(
        "def compute_cost(AL, Y):\n"
        "    m = Y.shape[1]\n"
        "    print('m is', m)\n"
        "    print('second line')\n"
        "    cost = -np.sum(Y * np.log(AL) + (1 - Y) * np.log(1 - AL)) / m\n"
        "    return np.squeeze(cost)\n")
    report, failed = run_check(capsys, "compute_cost", ns["compute_cost"])
    assert not failed and "All checks passed." in report
    lines = report.splitlines()
    start = lines.index("  compute_cost printed (case course):")
    assert lines[start + 1: start + 3] == ["    | m is 3", "    | second line"]
    assert "  compute_cost printed (case more_examples):" in lines
    assert "    | m is 10" in lines


def test_does_a_1x1_cost_get_the_squeeze_advice_and_the_known_mistake_not_keepdims(capsys):
    def compute_cost(AL, Y):
        m = Y.shape[1]
        return -(np.dot(Y, np.log(AL).T) + np.dot(1 - Y, np.log(1 - AL).T)) / m  # a (1, 1) array

    report, failed = run_check(capsys, "compute_cost", compute_cost)
    assert failed
    shape_lines = [line for line in report.splitlines() if "has shape (1, 1)" in line]
    assert len(shape_lines) == 1 and shape_lines[0].endswith("(every case)")
    assert "np.squeeze" in shape_lines[0] and "keepdims" not in report
    assert "This looks like a known mistake: the cost returned as a (1, 1) array." in report
    hints = [line for line in report.splitlines() if line.strip().startswith("hint:")]
    assert hints == ["  hint: " + ASSIGNMENT.known_mistakes["compute_cost"]["cost_not_squeezed"]["hint"]]
    assert "Squeeze the cost to a 0-d number with np.squeeze." not in report  # the generic hint is replaced


def test_does_a_db_without_keepdims_get_the_keepdims_advice_and_its_mistake(capsys):
    def linear_backward(dZ, cache):
        A_prev, W, b = cache
        m = A_prev.shape[1]
        return np.dot(W.T, dZ), np.dot(dZ, A_prev.T) / m, np.sum(dZ, axis=1) / m

    report, failed = run_check(capsys, "linear_backward", linear_backward)
    assert failed and "0 of 2 cases passed" in report
    # Alike but for the shapes: shown once, the first case's, saying the other case is alike.
    assert "  - db has shape (3,), expected (3, 1) (an axis was dropped: a sum or mean without keepdims=True?) " \
           "(case course; alike in other_shapes)" in report
    assert report.count("db has shape") == 1
    assert "This looks like a known mistake: db without keepdims." in report
    assert "Sum dZ over the examples (axis=1) with keepdims=True" not in report  # generic hint not shown


def test_are_generic_hints_printed_when_no_catalogued_mistake_matches(capsys):
    def compute_cost(AL, Y):
        m = Y.shape[1]
        return np.squeeze(-np.sum(Y * np.log(AL) + (1 - Y) * np.log(1 - AL)) / m) + 0.1  # neither catalogued nor a symptom

    report, failed = run_check(capsys, "compute_cost", compute_cost)
    assert failed and "This looks like" not in report
    hint = hint_for(ASSIGNMENT, "compute_cost", "cost", "values")
    assert hint.startswith("The cross-entropy has two terms")
    assert report.count("  hint: " + hint) == 1


def test_does_a_correct_function_pass_silently_when_not_verbose(capsys):
    from source_solutions.dnn_step_by_step import linear_forward

    assert check("linear_forward", linear_forward, verbose=False) is None
    assert capsys.readouterr().out == ""


# ---------------------------------------------------------------------------------------------
# match_mistakes
# ---------------------------------------------------------------------------------------------


def verdict(name, passed, output=None, raised=None, mutated=False):
    return CaseVerdict(name, "about", False, passed=passed, output=output, returned=raised is None,
                       raised=raised, mutated=mutated)


def mistake(outputs, mutates=False):
    return {"title": "t", "hint": "h", "mutates_inputs": mutates, "outputs": outputs}


def ids(found):
    return [m.id for m in found]


def test_are_matching_mistakes_ordered_by_agreement_on_passed_cases_then_catalogue_order():
    verdicts = [verdict("a", False, 1.0), verdict("b", True, 2.0), verdict("c", True, 3.0)]
    mistakes = {
        "first": mistake({"a": 1.0}),
        "all_three": mistake({"a": 1.0, "b": 2.0, "c": 3.0}),
        "tie_1": mistake({"a": 1.0, "b": 2.0}),
        "tie_2": mistake({"a": 1.0, "c": 3.0}),
        "other_output": mistake({"a": 5.0, "b": 2.0, "c": 3.0}),
    }
    assert ids(match_mistakes(ASSIGNMENT, "compute_cost", verdicts, mistakes)) == ["all_three", "tie_1", "tie_2", "first"]
    reordered = {key: mistakes[key] for key in ("tie_2", "first", "tie_1", "all_three")}
    assert ids(match_mistakes(ASSIGNMENT, "compute_cost", verdicts, reordered)) == ["all_three", "tie_2", "tie_1", "first"]


def test_does_a_raising_student_only_match_a_mistake_that_also_raises_there():
    verdicts = [verdict("a", False, 1.0), verdict("b", False, raised="ValueError")]
    mistakes = {
        "returns_on_b": mistake({"a": 1.0, "b": 2.0}),  # returned where the student raised
        "raises_on_b": mistake({"a": 1.0}),  # b left out: it raised there too
    }
    found = match_mistakes(ASSIGNMENT, "compute_cost", verdicts, mistakes)
    assert ids(found) == ["raises_on_b"]
    assert (found[0].title, found[0].hint) == ("t", "h")


def test_is_nothing_named_when_every_failed_case_raised():
    verdicts = [verdict("a", False, raised="TypeError"), verdict("b", True, 2.0)]
    assert match_mistakes(ASSIGNMENT, "compute_cost", verdicts, {"raises": mistake({"b": 2.0})}) == []


def test_must_the_mutates_flag_agree_for_a_mistake_to_match():
    verdicts = [verdict("a", False, 1.0, mutated=True)]
    mistakes = {"pure": mistake({"a": 1.0}, mutates=False), "mutating": mistake({"a": 1.0}, mutates=True)}
    assert ids(match_mistakes(ASSIGNMENT, "compute_cost", verdicts, mistakes)) == ["mutating"]
    not_mutated = [verdict("a", False, 1.0)]
    assert ids(match_mistakes(ASSIGNMENT, "compute_cost", not_mutated, mistakes)) == ["pure"]


def test_does_a_mistake_that_misses_a_failed_case_not_match():
    verdicts = [verdict("a", False, 1.0), verdict("b", False, 2.0)]
    assert match_mistakes(ASSIGNMENT, "compute_cost", verdicts, {"half": mistake({"a": 1.0, "b": 9.0})}) == []


# ---------------------------------------------------------------------------------------------
# generic_hints, group_messages, MessageGroup
# ---------------------------------------------------------------------------------------------


def with_differences(name, *differences):
    v = verdict(name, False, 0.0)
    v.differences = list(differences)
    return v


def test_are_generic_hints_given_once_each_in_order_of_first_appearance():
    shape = Difference("db", "shape", "db shape")
    values = Difference("dW", "values", "dW values")
    verdicts = [with_differences("a", shape, values), with_differences("b", values, shape), with_differences("c", shape)]
    hints = generic_hints(ASSIGNMENT, "linear_backward", verdicts)
    assert hints == [hint_for(ASSIGNMENT, "linear_backward", "db", "shape"),
                     hint_for(ASSIGNMENT, "linear_backward", "dW", "values")]
    assert len(set(hints)) == 2 and all(hints)


def test_does_group_messages_give_each_message_once_with_its_cases_in_order():
    a, b, c = verdict("a", False), verdict("b", False), verdict("c", False)
    a.messages, b.messages, c.messages = ["x", "y"], ["y"], ["x"]
    assert group_messages([a, b, c]) == [MessageGroup("x", ["a", "c"], 2, True), MessageGroup("y", ["a", "b"], 2, True)]
    assert group_messages([]) == []


def test_are_messages_alike_but_for_their_numbers_shown_once_with_how_many_they_stand_for():
    """Shapes differ from case to case and layer numbers within one: is the first message shown
    once, with its cases, the number of messages like it, and that they were only alike?"""
    a, b = verdict("a", False), verdict("b", False)
    a.messages = ["grads['db1'] has shape (3,), expected (3, 1)", "grads['db2'] has shape (1,), expected (1, 1)"]
    b.messages = ["grads['db1'] has shape (5,), expected (5, 1)", "dW differs"]
    first, second = group_messages([a, b])
    assert first == MessageGroup("grads['db1'] has shape (3,), expected (3, 1)", ["a", "b"], 3, False)
    assert first.where(2) == "case a; alike in b; 3 messages like it"  # not "every case": b's numbers differ
    assert second == MessageGroup("dW differs", ["b"], 1, True) and second.where(2) == "case b"


def test_does_where_say_every_case_only_when_all_of_several_cases_gave_the_same_text():
    assert MessageGroup("m", ["a", "b", "c"], 3).where(3) == "every case"
    assert MessageGroup("m", ["a", "c"], 2).where(3) == "cases a, c"
    assert MessageGroup("m", ["a"], 1).where(3) == "case a"
    assert MessageGroup("m", ["a"], 1).where(1) == "case a"  # a single case is named, never "every case"
    assert MessageGroup("m", ["a", "b"], 5).where(2) == "every case; 5 messages like it"
    assert MessageGroup("m", ["a", "b", "c"], 3, same=False).where(3) == "case a; alike in every other case"
    assert MessageGroup("m", ["a", "c"], 2, same=False).where(3) == "case a; alike in c"


# ---------------------------------------------------------------------------------------------
# hints.py
# ---------------------------------------------------------------------------------------------


def with_hints(*hints):
    """The step-by-step assignment with other hints of its own."""
    return dataclasses.replace(ASSIGNMENT, hints=hints)


def test_does_hint_for_pick_the_most_specific_entry():
    hints = with_hints(("*", "*", "values", "any values"), ("f", "*", "values", "f values"), ("f", "out", "values", "f out values"))
    assert hint_for(hints, "f", "out[0][1]", "values") == "f out values"
    assert hint_for(hints, "f", "other", "values") == "f values"
    assert hint_for(hints, "g", "out", "values") == "any values"
    assert hint_for(hints, "g", "out", "mutated") is None  # no entry, generic or own, for this kind


def test_does_the_assignments_entry_beat_a_generic_one_of_equal_specificity():
    # ("*", "cache", "*") and GENERIC's ("*", "*", "shape") both name one part.
    assert hint_for(ASSIGNMENT, "linear_forward", "cache[0]", "shape") == \
        "The linear cache is the tuple (A_prev, W, b) of the inputs, in this order."
    assert hint_for(with_hints(), "linear_forward", "cache[0]", "shape") == \
        "Compare the shape you get with the one the docstring gives."
    assert ("*", "*", "shape", None) in GENERIC  # its text is the catalogue's "hint.shape"
    own_first = with_hints(("*", "*", "shape", "own shape hint"))
    assert hint_for(own_first, "anything", "x", "shape") == "own shape hint"


def test_does_an_assignment_hint_naming_the_function_beat_the_generic_one():
    assert hint_for(ASSIGNMENT, "compute_cost", "cost", "shape") == "Squeeze the cost to a 0-d number with np.squeeze."


@pytest.mark.parametrize("where, output", [
    ("caches[0][1]", "caches"), ("grads['dW1']", "grads"), ("cost", "cost"), ("parameters.W1", "parameters"),
])
def test_does_output_of_find_the_output_name_that_starts_a_location(where, output):
    assert output_of(where) == output


# ---------------------------------------------------------------------------------------------
# dnn_utils/compare.py: shape messages
# ---------------------------------------------------------------------------------------------


def shape_message(actual, expected):
    (difference,) = compare(actual, expected, name="x")
    assert difference.kind == "shape"
    return difference.message


def test_does_a_1x1_array_for_a_number_say_squeeze():
    message = shape_message(np.ones((1, 1)), np.float64(0.5))
    assert "np.squeeze" in message and "keepdims" not in message and "transpose" not in message
    assert "np.squeeze" in shape_message(np.ones((1, 1)), np.array(0.5))


def test_does_a_dropped_axis_say_keepdims():
    message = shape_message(np.ones(4), np.ones((4, 1)))
    assert message == "x has shape (4,), expected (4, 1) (an axis was dropped: a sum or mean without keepdims=True?)"


def test_does_a_transposed_array_say_transpose():
    message = shape_message(np.ones((3, 2)), np.ones((2, 3)))
    assert message == "x has shape (3, 2), expected (2, 3) (the transpose of what was expected)"


def test_do_arrays_of_different_sizes_get_no_hint():
    assert shape_message(np.ones((3, 2)), np.ones((2, 2))) == "x has shape (3, 2), expected (2, 2)"
    assert shape_message(np.ones((1, 1)), np.ones((2, 1))) == "x has shape (1, 1), expected (2, 1)"


# ---------------------------------------------------------------------------------------------
# A failure that comes from a helper the function calls
# ---------------------------------------------------------------------------------------------

LAYER_BACKWARD = """
import numpy as np

def linear_backward(dZ, cache):
    A_prev, W, b = cache
    m = A_prev.shape[1]
    return np.dot(W.T, dZ), np.dot(dZ, A_prev.T) / m, np.sum(dZ, axis=1{keepdims}) / m

def linear_activation_backward(dA, cache, activation):
    linear_cache, Z = cache
    if activation == "relu":
        dZ = np.array(dA, copy=True)
        dZ[Z <= 0] = 0
    else:
        s = 1 / (1 + np.exp(-Z))
        dZ = dA * s * (1 - s)
    return linear_backward(dZ, linear_cache)
"""


def test_does_a_check_point_at_the_failing_helper_the_function_calls(capsys):
    """When linear_activation_backward fails because the student's own linear_backward is wrong,
    does its check say to fix linear_backward first, and say nothing of it when it is right?"""
    wrong = notebook_functions(LAYER_BACKWARD.format(keepdims=""))
    report, failed = run_check(capsys, "linear_activation_backward", wrong["linear_activation_backward"])
    assert failed
    assert ("  note: linear_backward, which linear_activation_backward calls, fails its own check: fix it first, "
            "then run this check again.") in report

    right = notebook_functions(LAYER_BACKWARD.format(keepdims=", keepdims=True"))
    report, failed = run_check(capsys, "linear_activation_backward", right["linear_activation_backward"])
    assert not failed and "note:" not in report


def test_is_a_name_error_explained_by_the_grader_and_left_plain_in_a_notebook():
    """The grader runs exercise cells alone, so a NameError there gets the why and the fix (and
    whether another cell defines the name); in a notebook the name is simply undefined."""
    from testCases.checks import describe_error

    graded = describe_error("update_parameters", "NameError", "name 'copy' is not defined", defined_elsewhere={"copy"})
    assert graded.startswith("update_parameters uses copy, which is not defined when it runs on its own")
    assert "Your notebook defines it in another cell" in graded and "pass it as an argument" in graded
    assert "another cell" not in describe_error("f", "NameError", "name 'x' is not defined", defined_elsewhere=set())
    plain = describe_error("f", "NameError", "name 'x' is not defined", where="line 3: y = x")
    assert plain == "f raised NameError: name 'x' is not defined (line 3: y = x)"


def test_does_a_relu_mask_that_keeps_the_boundary_fail_only_where_z_is_exactly_zero(capsys):
    """dZ must be 0 where Z is exactly 0 (the course's relu_backward): a `Z >= 0` mask passes the
    course's fixture but fails the case built with exact zeros."""
    layer = notebook_functions("""
import numpy as np

def linear_activation_backward(dA, cache, activation):
    (A_prev, W, b), Z = cache
    if activation == "relu":
        dZ = dA * (Z >= 0)
    else:
        s = 1 / (1 + np.exp(-Z))
        dZ = dA * s * (1 - s)
    m = A_prev.shape[1]
    return np.dot(W.T, dZ), np.dot(dZ, A_prev.T) / m, np.sum(dZ, axis=1, keepdims=True) / m
""")["linear_activation_backward"]
    report, failed = run_check(capsys, "linear_activation_backward", layer)
    assert failed and "[PASS] course_relu" in report and "[FAIL] relu_boundary" in report
    assert report.count("[FAIL]") == 1


SYMPTOMS = {
    "a constant factor": ("linear_backward", lambda out: (out[0], out[1], out[2] * 3), "db off by a factor (3)"),
    "a sign": ("linear_backward", lambda out: (out[0], -out[1], out[2]), "dW with the opposite sign"),
    "the same factor in every case": ("compute_cost", lambda out: 2 * out, "cost off by a factor (2)"),
    "a transpose": ("linear_backward", lambda out: (out[0].T, out[1], out[2]), "dA_prev transposed"),
    "zeros": ("linear_forward", lambda out: (0 * out[0], out[1]), "Z left at zero"),
    "a lost axis": ("L_model_forward", lambda out: (out[0].ravel(), out[1]), "AL as a rank-1 array, (4,) instead of (1, 4)"),
    "a broadcast": ("L_model_forward", lambda out: (out[0] + out[0].T - out[0].T, out[1]),
                    "AL broadcast into a square matrix, (4, 4) instead of (1, 4)"),
    "layers shifted": ("L_model_backward", lambda g: {k: g.get(k[:2] + str(int(k[2:]) + 1), v) if k.startswith("dW") else v
                                                      for k, v in g.items()}, "layers numbered one off (grads['dW#'], +1)"),
}


@pytest.mark.parametrize("symptom", list(SYMPTOMS))
def test_is_a_misconception_the_catalogue_lacks_named_from_its_symptom(symptom, capsys):
    """A wrong function the catalogue does not know (the reference with one output scaled, negated,
    transposed, zeroed or moved to the next layer's key): does the check name the symptom, with a hint?"""
    import source_solutions.dnn_step_by_step as reference

    function, transform, title = SYMPTOMS[symptom]
    right = getattr(reference, function)
    report, failed = run_check(capsys, function, lambda *args: transform(right(*args)))
    assert failed and f"This looks like: {title}." in report, report


def test_are_nearly_all_generated_wrong_functions_named_rightly():
    """benchmarks/diagnosis.py: every catalogued mistake named as itself, and at least 90 % of the
    generated variants (the reference with a factor, transpose, zeros or layer shift on one output)
    named with their symptom (or a catalogued mistake that does exactly that)."""
    import sys

    from grader.paths import REPO

    sys.path.insert(0, str(REPO / "benchmarks"))
    try:
        import diagnosis
    finally:
        sys.path.pop(0)
    results = diagnosis.measure()
    right, _, total, misses = results["catalogue"]
    assert right == total, misses
    right, _, total, misses = results["generated"]
    assert total > 100 and right >= 0.9 * total, misses


# ---------------------------------------------------------------------------------------------
# Probes: the function called again, and with one argument varied
# ---------------------------------------------------------------------------------------------


def test_does_a_hard_coded_learning_rate_get_named_as_the_argument_it_ignores(capsys):
    def update_parameters(parameters, grads, learning_rate):
        parameters = copy.deepcopy(parameters)
        for l in range(1, len(parameters) // 2 + 1):
            parameters[f"W{l}"] -= 0.05 * grads[f"dW{l}"]
            parameters[f"b{l}"] -= 0.05 * grads[f"db{l}"]
        return parameters

    report, failed = run_check(capsys, "update_parameters", update_parameters)
    assert failed
    assert "This looks like: learning_rate ignored." in report
    assert "whatever learning_rate holds" in report


def test_does_a_function_that_draws_random_numbers_get_named_as_nondeterministic(capsys):
    def linear_forward(A, W, b):
        return np.dot(W, A) + b + 1e-3 * np.random.randn(), (A, W, b)

    report, failed = run_check(capsys, "linear_forward", linear_forward)
    assert failed and "This looks like: different results on the same inputs." in report


def test_is_no_argument_called_ignored_where_the_reference_ignores_it_too():
    """An output that does not move when an argument varies is named only when the reference's
    output moves (Probe.sensitive): a threshold or a shape may legitimately not move."""
    from testCases.checks import Probe, probe_variants, recognise_probes

    case = public("update_parameters", "course")
    args = case.build()
    wrong = call_here("update_parameters", lambda p, g, r: {k: v * 2 for k, v in p.items()}, args)
    verdict = evaluate_case(ASSIGNMENT, case, EXPECTED[case.key], wrong)
    assert not verdict.passed

    def run(args_list, seed):
        return [call_here("update_parameters", lambda p, g, r: {k: v * 2 for k, v in p.items()}, a) for a in args_list]

    names = [name for name, _ in probe_variants(ASSIGNMENT, "update_parameters", args)]
    assert names == ["parameters", "grads", "learning_rate"]
    for sensitive, named in (([], []), (None, []), (["grads"], ["grads ignored"])):
        found = recognise_probes(ASSIGNMENT, "update_parameters", [verdict],
                                 Probe([(args, None)], run, lambda index, variants: sensitive))
        assert [m.title for m in found] == named


def test_the_rich_report_escapes_what_the_student_wrote_and_maps_the_wrong_entries():
    """testCases.rich.report_html: a badge per case, the student's printed text escaped, and for a
    wrong 2-D output a cell per entry whose title gives the got and expected values."""
    from testCases.checks import _named_leaves, shown_mistakes
    from testCases.rich import report_html

    def linear_forward(A, W, b):
        print("<script>alert('x')</script>")
        return np.dot(W, A) + b + np.eye(*np.dot(W, A).shape), (A, W, b)

    cases = ASSIGNMENT.public_cases("linear_forward")
    verdicts = [evaluate_case(ASSIGNMENT, c, EXPECTED[c.key], call_here("linear_forward", linear_forward, c.build()))
                for c in cases]
    html = report_html("linear_forward", verdicts, shown_mistakes([], []), ["a hint"], [],
                       group_messages([v for v in verdicts if not v.passed]),
                       lambda output: _named_leaves(ASSIGNMENT, "linear_forward", output))
    assert "<script>" not in html and "&lt;script&gt;" in html
    assert html.count(">FAIL</span>") == len(cases)
    assert "title='[0, 0] got" in html and "hint: a hint" in html and "All checks passed." not in html
