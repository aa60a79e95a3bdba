"""Self-assessments: answers, step navigation with conditions, scoring and gaps."""
