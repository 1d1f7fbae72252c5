"""The questionnaire's language follows the locale: French when it is French, else English."""

from __future__ import annotations

import pytest

from vetting.i18n import default_language


@pytest.mark.parametrize(
    ("environ", "expected"),
    [
        ({"LANG": "fr_FR.UTF-8"}, "fr"),
        ({"LC_ALL": "FR_ca", "LANG": "en_US"}, "fr"),
        ({"LANG": "en_GB.UTF-8"}, "en"),
        ({"LANG": "de_DE.UTF-8"}, "en"),
        ({"LC_ALL": "", "LANG": "C"}, "en"),
        ({}, "en"),
    ],
)
def test_default_language_follows_the_first_locale_variable_set(
    environ: dict[str, str], expected: str
) -> None:
    assert default_language(environ) == expected
