"""Never shipped to students: the planar classifier's random hidden cases and its catalogue of
mistakes."""
