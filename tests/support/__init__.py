"""Helpers the test modules share (no test here): what is not a fixture lives in this package."""
