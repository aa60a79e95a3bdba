"""A fictional authority with two assessments and four requests, for training."""
