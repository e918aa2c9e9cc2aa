"""Never shipped to students: the step-by-step assignment's random hidden cases and its catalogue
of mistakes."""
