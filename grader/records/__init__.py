"""Where results go: the grader's own record and grades.csv (store), nbgrader's gradebook
(gradebook), the student's feedback (feedback) and the printed grade table (tables)."""
