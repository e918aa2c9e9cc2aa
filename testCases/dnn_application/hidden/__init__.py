"""Never shipped to students: the application's random hidden cases and its catalogue of mistakes."""
