"""What to ask and how to score it: the rule-set format, its loading and its checks."""
