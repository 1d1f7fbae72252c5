"""vetting: decide, with evidence, whether an AI tool is safe to adopt in health care."""

__version__ = "0.1.0"
