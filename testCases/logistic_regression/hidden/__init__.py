"""Never shipped to students: the logistic-regression assignment's random hidden cases and its
catalogue of mistakes."""
