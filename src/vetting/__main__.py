"""`python -m vetting`: the same entry point as the `vetting` script."""

from vetting.cli import run

run()
