"""The terminal questionnaire: a pure flow, and a thin questionary layer over it."""
