"""The Then steps on what the questionnaire asks and what the report says."""

from __future__ import annotations

import functools

from vetting import catalog
from vetting.errors import Problem, VettingError
from vetting.ruleset.describe import describe
from vetting.testing.expect import fail, fold, ids, position, quote
from vetting.testing.features import Step
from vetting.testing.matching import STEP_LANGUAGES, Args
from vetting.testing.world import World, asked_questions, check_question
from vetting.words import suggest


@functools.cache
def _language_words() -> dict[str, str]:
    """A scenario's word for a report's language (`fr`, `French`, `français`), folded -> it."""
    table: dict[str, str] = {}
    for lang in catalog.LANGUAGES:
        table[fold(lang)] = lang
        for words in catalog.LANGUAGES:
            table[fold(catalog.text(words, "testing.languages." + lang))] = lang
    return table


def _applies_when(world: World, qid: str, lang: str) -> str:
    q = world.compiled().question_by_id[qid]
    if q.when is None:
        return catalog.text(lang, "testing.always_asked")
    labels = {
        name: d.label.get(lang) or next(iter(d.label.values()))
        for name, d in world.compiled().ruleset.definitions.items()
    }
    text = describe(q.when, lang if lang in STEP_LANGUAGES else "en", labels)
    return catalog.text(lang, "testing.asked_when", text=text)


def _asked(world: World) -> set[str]:
    return asked_questions(world.assessment(), world.answers())


def question_asked(world: World, args: Args, step: Step, lang: str) -> None:
    qid = args["question"]
    check_question(world.compiled(), qid, position(world, step))
    if qid not in _asked(world):
        raise fail(
            lang,
            "testing.fail.question_asked",
            question=quote(qid, lang),
            why=_applies_when(world, qid, lang),
        )


def question_not_asked(world: World, args: Args, step: Step, lang: str) -> None:
    qid = args["question"]
    check_question(world.compiled(), qid, position(world, step))
    if qid in _asked(world):
        raise fail(
            lang,
            "testing.fail.question_not_asked",
            question=quote(qid, lang),
            why=_applies_when(world, qid, lang),
        )


def _section_questions(world: World, args: Args, step: Step) -> tuple[str, list[str]]:
    section = args["section"]
    compiled = world.compiled()
    if section not in compiled.category_by_id:
        raise VettingError(
            Problem(
                position(world, step),
                f"'{section}' is not a section of {compiled.ruleset.id}",
                hint=suggest(section, list(compiled.category_by_id))
                or f"sections: {', '.join(compiled.category_by_id)}",
            )
        )
    asked = _asked(world)
    return section, [q.id for q in compiled.questions if q.category == section and q.id in asked]


def section_not_asked(world: World, args: Args, step: Step, lang: str) -> None:
    section, asked = _section_questions(world, args, step)
    if asked:
        raise fail(
            lang,
            "testing.fail.section_not_asked",
            section=quote(section, lang),
            asked=ids(asked, lang),
        )


def section_asked(world: World, args: Args, step: Step, lang: str) -> None:
    section, asked = _section_questions(world, args, step)
    if not asked:
        raise fail(lang, "testing.fail.section_asked", section=quote(section, lang))


def _report_lang(world: World, args: Args, step: Step) -> str:
    value = fold(args["lang"])
    lang = _language_words().get(value)
    languages = world.compiled().ruleset.languages
    if lang is None or lang not in languages:
        raise VettingError(
            Problem(
                position(world, step),
                f"'{args['lang']}' is not a language of the rule set",
                hint=f"languages: {', '.join(languages)}",
            )
        )
    return lang


def report_mentions(world: World, args: Args, step: Step, lang: str) -> None:
    report_lang = _report_lang(world, args, step)
    text = args["text"]
    if fold(text) not in fold(world.report(report_lang)):
        raise fail(
            lang,
            "testing.fail.report_mentions",
            world.assessment(),
            report_lang=quote(report_lang, lang),
            text=quote(text, lang),
        )


def report_does_not_mention(world: World, args: Args, step: Step, lang: str) -> None:
    report_lang = _report_lang(world, args, step)
    text = args["text"]
    if fold(text) in fold(world.report(report_lang)):
        raise fail(
            lang,
            "testing.fail.report_does_not_mention",
            world.assessment(),
            report_lang=quote(report_lang, lang),
            text=quote(text, lang),
        )
