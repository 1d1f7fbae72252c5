"""The step vocabulary of rule tests, in English and French: one table, and finding a step in it.

One table, `STEPS`, defines every step: its templates in each language (the
same strings are matched, suggested on a typo and printed in
docs/rule-tests.md) and the function that runs it. The functions live by
what they look at: `given_steps` (what a scenario records), `then_steps` (the
result), `asked_steps` (what is asked, what the report says), `claim_steps`
(evidence, scope contradictions, floors, reviews, what the explanation
proposes); their shared helpers are in `expect`, the template mechanics in
`matching`, and `runner` runs a scenario through this table.

An unknown step is a mistake in the scenario (`VettingError`): it points at
`file:line:col` and suggests the closest step of the scenario's language.
"""

from __future__ import annotations

import re

from vetting.errors import Problem, VettingError
from vetting.testing import asked_steps as asked
from vetting.testing import claim_steps as claims
from vetting.testing import given_steps as given
from vetting.testing import then_steps as then
from vetting.testing.features import Scenario, Step
from vetting.testing.matching import STEP_LANGUAGES, Args, StepDef, normalise, shape, shown
from vetting.words import closest

# --------------------------------------------------------------------------- the table


def _t(en: str | tuple[str, ...], fr: str | tuple[str, ...]) -> dict[str, tuple[str, ...]]:
    return {
        "en": (en,) if isinstance(en, str) else en,
        "fr": (fr,) if isinstance(fr, str) else fr,
    }


STEPS: tuple[StepDef, ...] = (
    StepDef(
        "rule_set",
        "given",
        _t('the rule set "{path}"', 'le jeu de règles "{path}"'),
        given.rule_set,
    ),
    StepDef(
        "answers_file",
        "given",
        _t('the answers file "{path}"', 'le fichier de réponses "{path}"'),
        given.answers_file,
    ),
    StepDef(
        "answers_table",
        "given",
        _t(
            ("a tool whose answers are:", "the answers:"),
            ("un outil dont les réponses sont :", "les réponses :"),
        ),
        given.answers_table,
        table=True,
    ),
    StepDef(
        "answer",
        "given",
        _t('the answer to "{question}" is "{answer}"', 'la réponse à "{question}" est "{answer}"'),
        given.answer,
    ),
    StepDef(
        "unanswered",
        "given",
        _t(
            'the question "{question}" is not answered',
            'la question "{question}" est sans réponse',
        ),
        given.unanswered,
    ),
    StepDef(
        "best",
        "given",
        _t(
            "every other question is answered with its best choice",
            "toutes les autres questions ont leur meilleure réponse",
        ),
        given.best,
    ),
    StepDef(
        "date",
        "given",
        _t('the assessment date is "{date}"', 'la date de l\'évaluation est "{date}"'),
        given.date,
    ),
    StepDef(
        "go_live",
        "given",
        _t(
            'the go-live date is "{date}"',
            'la date de mise en service est "{date}"',
        ),
        given.go_live,
    ),
    StepDef(
        "evidence",
        "given",
        _t(
            'the evidence for "{question}" is "{state}"',
            'la preuve pour "{question}" est "{state}"',
        ),
        claims.given_evidence,
    ),
    StepDef(
        "scored",
        "when",
        _t("the assessment is scored", "l'évaluation est calculée"),
        given.scored,
    ),
    StepDef(
        "verdict",
        "then",
        _t('the verdict is "{verdict}"', 'le verdict est "{verdict}"'),
        then.verdict_is,
    ),
    StepDef(
        "verdict_not",
        "then",
        _t('the verdict is not "{verdict}"', 'le verdict n\'est pas "{verdict}"'),
        then.verdict_is_not,
    ),
    StepDef(
        "level", "then", _t('the level is "{level}"', 'le niveau est "{level}"'), then.level_is
    ),
    StepDef(
        "points_level",
        "then",
        _t('the points level is "{level}"', 'le niveau selon les points est "{level}"'),
        claims.points_level_is,
    ),
    StepDef(
        "level_at_least",
        "then",
        _t('the level is at least "{level}"', 'le niveau est au moins "{level}"'),
        then.level_at_least,
    ),
    StepDef(
        "level_at_most",
        "then",
        _t('the level is at most "{level}"', 'le niveau est au plus "{level}"'),
        then.level_at_most,
    ),
    StepDef(
        "knockout",
        "then",
        _t('there is a knock-out on "{target}"', 'il y a un KO sur "{target}"'),
        then.knockout,
    ),
    StepDef(
        "no_knockout_on",
        "then",
        _t('there is no knock-out on "{target}"', 'il n\'y a pas de KO sur "{target}"'),
        then.no_knockout_on,
    ),
    StepDef(
        "no_knockout", "then", _t("there is no knock-out", "il n'y a aucun KO"), then.no_knockout
    ),
    StepDef(
        "pending_on",
        "then",
        _t(
            'there is a knock-out pending evidence on "{target}"',
            'il y a un KO en attente de preuves sur "{target}"',
        ),
        then.pending_on,
    ),
    StepDef(
        "no_pending_on",
        "then",
        _t(
            'there is no knock-out pending evidence on "{target}"',
            'il n\'y a pas de KO en attente de preuves sur "{target}"',
        ),
        then.no_pending_on,
    ),
    StepDef(
        "no_pending",
        "then",
        _t(
            "there is no knock-out pending evidence",
            "il n'y a aucun KO en attente de preuves",
        ),
        then.no_pending,
    ),
    StepDef(
        "contradicts_scope",
        "then",
        _t(
            'the answer to "{question}" contradicts the scope',
            'la réponse à "{question}" contredit le périmètre',
        ),
        claims.contradicts_scope,
    ),
    StepDef(
        "waits_for_evidence",
        "then",
        _t(
            'the knock-outs of "{question}" wait for its evidence',
            'les KO de "{question}" attendent sa preuve',
        ),
        claims.waits_for_evidence,
    ),
    StepDef(
        "unverified",
        "then",
        _t(
            'the evidence for "{question}" is shown as unverified',
            'la preuve pour "{question}" est signalée non vérifiée',
        ),
        claims.unverified,
    ),
    StepDef(
        "next_review",
        "then",
        _t('the next review is on "{date}"', 'la prochaine revue est le "{date}"'),
        claims.next_review_is,
    ),
    StepDef(
        "proposes",
        "then",
        _t(
            'what would change the result proposes "{target}"',
            'ce qui changerait le résultat propose "{target}"',
        ),
        claims.proposes,
    ),
    StepDef(
        "does_not_propose",
        "then",
        _t(
            'what would change the result does not propose "{target}"',
            'ce qui changerait le résultat ne propose pas "{target}"',
        ),
        claims.does_not_propose,
    ),
    StepDef(
        "finding_on",
        "then",
        _t('there is a finding on "{target}"', 'il y a un constat sur "{target}"'),
        then.finding_on,
    ),
    StepDef(
        "no_finding_on",
        "then",
        _t('there is no finding on "{target}"', 'il n\'y a pas de constat sur "{target}"'),
        then.no_finding_on,
    ),
    StepDef(
        "finding_severity",
        "then",
        _t(
            'the finding on "{target}" has severity "{severity}"',
            'le constat sur "{target}" a la sévérité "{severity}"',
        ),
        then.finding_severity,
    ),
    StepDef(
        "score_between",
        "then",
        _t(
            "the score is between {low:n} and {high:n}",
            "le score est compris entre {low:n} et {high:n}",
        ),
        then.score_between,
    ),
    StepDef(
        "score_at_least",
        "then",
        _t(
            "the score is at least {value:n}",
            ("le score est d'au moins {value:n}", "le score est au moins {value:n}"),
        ),
        then.score_at_least,
    ),
    StepDef(
        "score_at_most",
        "then",
        _t(
            "the score is at most {value:n}",
            ("le score est d'au plus {value:n}", "le score est au plus {value:n}"),
        ),
        then.score_at_most,
    ),
    StepDef(
        "answer_worth",
        "then",
        _t(
            (
                'the answer to "{question}" is worth {points:n} points',
                'the answer to "{question}" is worth {points:n} point',
                'the answer to "{question}" is worth {points:n} "{pool}" points',
                'the answer to "{question}" is worth {points:n} "{pool}" point',
            ),
            (
                'la réponse à "{question}" vaut {points:n} points',
                'la réponse à "{question}" vaut {points:n} point',
                'la réponse à "{question}" vaut {points:n} points de "{pool}"',
                'la réponse à "{question}" vaut {points:n} point de "{pool}"',
            ),
        ),
        then.answer_worth,
    ),
    StepDef(
        "asked",
        "then",
        _t('the question "{question}" is asked', 'la question "{question}" est posée'),
        asked.question_asked,
    ),
    StepDef(
        "not_asked",
        "then",
        _t(
            'the question "{question}" is not asked',
            'la question "{question}" n\'est pas posée',
        ),
        asked.question_not_asked,
    ),
    StepDef(
        "section_asked",
        "then",
        _t('the section "{section}" is asked', 'la section "{section}" est posée'),
        asked.section_asked,
    ),
    StepDef(
        "section_not_asked",
        "then",
        _t(
            'no question of the section "{section}" is asked',
            'aucune question de la section "{section}" n\'est posée',
        ),
        asked.section_not_asked,
    ),
    StepDef(
        "report_mentions",
        "then",
        _t(
            'the report in "{lang}" mentions "{text}"',
            'le rapport en "{lang}" mentionne "{text}"',
        ),
        asked.report_mentions,
    ),
    StepDef(
        "report_does_not_mention",
        "then",
        _t(
            'the report in "{lang}" does not mention "{text}"',
            'le rapport en "{lang}" ne mentionne pas "{text}"',
        ),
        asked.report_does_not_mention,
    ),
)

_PATTERNS: list[tuple[StepDef, str, re.Pattern[str]]] = [
    (definition, lang, pattern) for definition in STEPS for lang, pattern in definition.patterns()
]


def match_step(step: Step, scenario: Scenario) -> tuple[StepDef, Args]:
    """The step definition a step's text matches, with its arguments; else a clear error."""
    text = normalise(step.text)
    for definition, _, pattern in _PATTERNS:
        found = pattern.match(text)
        if found:
            args = {k: v for k, v in found.groupdict().items() if v is not None}
            if definition.table and not step.table:
                raise VettingError(
                    Problem(
                        scenario.position(step),
                        f"'{step.display}' needs a table of answers below it",
                        hint="| question | answer | rows, one per question",
                    )
                )
            if step.table and not definition.table:
                raise VettingError(
                    Problem(scenario.position(step), f"'{step.display}' takes no table")
                )
            return definition, args
    raise VettingError(
        Problem(
            scenario.position(step), f"unknown step '{step.display}'", hint=_closest(text, scenario)
        )
    )


def _closest(text: str, scenario: Scenario) -> str:
    """`did you mean` the step of the scenario's language that looks most like it."""
    lang = scenario.language if scenario.language in STEP_LANGUAGES else "en"
    shapes = {
        shape(t): shown(t) for definition in STEPS for t in definition.templates.get(lang, ())
    }
    near = closest(shape(text), shapes, cutoff=0.5)
    where = "docs/rule-tests.md lists every step"
    return f"did you mean: {shapes[near]}? ({where})" if near else where
