"""What the planar classifier's notebook gets ready-made: the logistic regression of the first
assignment, as the linear baseline."""

from .logistic_regression import model as logistic_regression_model
from .logistic_regression import predict as logistic_regression_predict

__all__ = ["logistic_regression_model", "logistic_regression_predict"]
