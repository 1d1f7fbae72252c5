"""The step vocabulary of rule tests, in English and French, and what each step does.

One table, `STEPS`, defines every step: its templates in each language (the
same strings are matched, suggested on a typo and printed in
docs/rule-tests.md) and the function that runs it. The pytest plugin and the
mutation self-check both run scenarios through `run_scenario`, so "a mutant is
caught" means exactly "a scenario of `vetting test` would fail".

Two kinds of trouble, told apart for the author:

- an expectation that does not hold (`StepFailed`): the rules decide
  otherwise than the scenario says; the message shows what was expected and
  what came out;
- a mistake in the scenario (`VettingError`): an unknown step, a question id
  that is not in the rule set, a verdict that does not exist. It points at
  `file:line:col` and suggests a fix.
"""

from __future__ import annotations

import datetime as dt
import difflib
import re
import unicodedata
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Literal

from vetting.assess.assessment import LEVELS, SEVERITIES, VERDICTS, Assessment
from vetting.dates import RANGE_HINT, out_of_range
from vetting.errors import Position, Problem, VettingError
from vetting.i18n import LEVEL_NAMES, SEVERITY_NAMES, VERDICT_NAMES
from vetting.ruleset.compiled import CompiledRuleSet
from vetting.ruleset.describe import describe
from vetting.ruleset.load import suggest
from vetting.testing import claim_steps as claims
from vetting.testing.features import Scenario, Step
from vetting.testing.world import Outcome, RuleSets, World, asked_questions, parse_cell

Kind = Literal["given", "when", "then"]
Status = Literal["passed", "failed", "error", "skipped"]
Args = dict[str, str]

#: Languages with their own step texts; a feature in another language uses English steps.
STEP_LANGUAGES = ("en", "fr")


class StepFailed(Exception):
    """An expectation of the scenario does not hold: the rules decide otherwise."""


# --------------------------------------------------------------------------- matching

_QUOTED = r"[\"“«]\s*(?P<{name}>.*?)\s*[\"”»]"
_NUMBER = r"(?P<{name}>[-+]?\d+(?:[.,]\d+)?)"
_PLACEHOLDER = re.compile(r'"\{(\w+)\}"|\{(\w+):n\}')


def normalise(text: str) -> str:
    """Typographic variants a French keyboard or a word processor produce, made plain."""
    text = text.replace("’", "'").replace("‘", "'").replace("\u00a0", " ").replace("\u202f", " ")
    return re.sub(r"\s+", " ", text).strip().rstrip(".")


def _compile(template: str) -> re.Pattern[str]:
    out: list[str] = []
    at = 0
    for match in _PLACEHOLDER.finditer(template):
        out.append(_literal(template[at : match.start()]))
        if match.group(1):
            out.append(_QUOTED.format(name=match.group(1)))
        else:
            out.append(_NUMBER.format(name=match.group(2)))
        at = match.end()
    out.append(_literal(template[at:]))
    return re.compile("^" + "".join(out) + "$", re.IGNORECASE)


def _literal(text: str) -> str:
    text = text.replace("’", "'").replace("\u00a0", " ")
    escaped = re.escape(text).replace(r"\ ", " ")
    escaped = re.sub(" +", r"\\s+", escaped)
    # "sont :" and "sont:" are both what people type before a table.
    return escaped.replace(r"\s+:", r"\s*:")


@dataclass(frozen=True)
class StepDef:
    """One step: its texts per language and what it does."""

    name: str
    kind: Kind
    templates: Mapping[str, tuple[str, ...]]
    run: Callable[[World, Args, Step, str], None]
    table: bool = False

    def patterns(self) -> list[tuple[str, re.Pattern[str]]]:
        return [(lang, _compile(t)) for lang, items in self.templates.items() for t in items]


# --------------------------------------------------------------------------- values


def _fold(text: str) -> str:
    text = unicodedata.normalize("NFKD", text.strip().lower())
    text = "".join(ch for ch in text if not unicodedata.combining(ch))
    return re.sub(r"[\s\-']+", "_", text)


def _aliases(ids: Sequence[str], names: Mapping[str, Mapping[str, str]]) -> dict[str, str]:
    table: dict[str, str] = {}
    for ident in ids:
        table[_fold(ident)] = ident
        for name in names.get(ident, {}).values():
            table.setdefault(_fold(name), ident)
    return table


_VERDICTS = _aliases(VERDICTS, VERDICT_NAMES)
_LEVELS = _aliases(LEVELS, LEVEL_NAMES)
_SEVERITIES = _aliases(SEVERITIES, SEVERITY_NAMES)
_LANG_WORDS = {
    "fr": "fr",
    "francais": "fr",
    "french": "fr",
    "en": "en",
    "anglais": "en",
    "english": "en",
}


def _one_of(
    value: str, table: Mapping[str, str], what: str, ids: Sequence[str], where: Position
) -> str:
    found = table.get(_fold(value))
    if found is None:
        close = difflib.get_close_matches(_fold(value), list(table), n=1, cutoff=0.6)
        hint = f"did you mean '{table[close[0]]}'? " if close else ""
        raise VettingError(
            Problem(where, f"'{value}' is not a {what}", hint=f"{hint}use one of: {', '.join(ids)}")
        )
    return found


def _number(value: str, where: Position) -> float:
    try:
        return float(value.replace(",", "."))
    except ValueError:
        raise VettingError(Problem(where, f"'{value}' is not a number")) from None


def _fmt(value: float, lang: str) -> str:
    text = f"{value:g}"
    return text.replace(".", ",") if lang == "fr" else text


# --------------------------------------------------------------------------- messages

_NONE = {"en": "(none)", "fr": "(aucun)"}


def _ids(items: Sequence[str], lang: str, limit: int = 12) -> str:
    if not items:
        return _NONE[lang]
    shown = list(items[:limit])
    more = len(items) - len(shown)
    tail = ""
    if more:
        tail = f", … ({more} more)" if lang == "en" else f", … ({more} de plus)"
    return ", ".join(shown) + tail


def _state(a: Assessment, lang: str) -> str:
    """The result in one line: what a DPO needs to see why a check failed."""
    kos = _ids([k.id for k in a.knockouts], lang)
    pending = [p.id for p in a.pending]
    score = _fmt(a.score, lang)
    if lang == "fr":
        text = f"KO obtenus : {kos} ; verdict {a.verdict}, niveau {a.level}, score {score}"
        if pending:
            text += f" ; en attente de preuves : {_ids(pending, lang)}"
        return text
    text = f"knock-outs were: {kos}; verdict {a.verdict}, level {a.level}, score {score}"
    if pending:
        text += f"; pending evidence: {_ids(pending, lang)}"
    return text


def _fail(lang: str, en: str, fr: str, a: Assessment | None = None) -> StepFailed:
    text = fr if lang == "fr" else en
    if a is not None:
        text += (" ; " if lang == "fr" else "; ") + _state(a, lang)
    return StepFailed(text)


def _q(text: str, lang: str) -> str:
    return f"« {text} »" if lang == "fr" else f"'{text}'"


# --------------------------------------------------------------------------- ids


def _position(world: World, step: Step) -> Position:
    return Position(world.scenario_file, step.line, step.col)


def _check_question(compiled: CompiledRuleSet, qid: str, where: Position) -> None:
    if qid not in compiled.question_by_id:
        rs = compiled.ruleset
        raise VettingError(
            Problem(
                where,
                f"'{qid}' is not a question of {rs.id} {rs.version}",
                hint=suggest(qid, list(compiled.question_by_id)),
            )
        )


def _check_target(compiled: CompiledRuleSet, target: str, where: Position) -> None:
    """A question, `question=choice` or a finding rule: a typo must never pass silently."""
    rules = {rule.id for rule in compiled.ruleset.findings}
    if target in compiled.question_by_id or target in rules:
        return
    qid, sep, cid = target.partition("=")
    if sep and qid in compiled.question_by_id:
        if compiled.choice(qid, cid) is not None:
            return
        choices = [ch.id for ch in compiled.question_by_id[qid].choices]
        raise VettingError(
            Problem(
                where,
                f"'{cid}' is not a choice of '{qid}'",
                hint=suggest(cid, choices) or f"choices: {', '.join(choices)}",
            )
        )
    rs = compiled.ruleset
    raise VettingError(
        Problem(
            where,
            f"'{target}' is neither a question, a question=choice nor a finding rule "
            f"of {rs.id} {rs.version}",
            hint=suggest(target, [*compiled.question_by_id, *rules]),
        )
    )


def _matches(ko_id: str, target: str) -> bool:
    return ko_id == target or ko_id.startswith(f"{target}=")


# --------------------------------------------------------------------------- Given


def _given_rules(world: World, args: Args, step: Step, lang: str) -> None:
    world.changed()
    world.rules = (args["path"], _position(world, step))


def _given_answers_file(world: World, args: Args, step: Step, lang: str) -> None:
    world.changed()
    world.answers_file = (args["path"], _position(world, step))


def _given_table(world: World, args: Args, step: Step, lang: str) -> None:
    rows = list(step.table or ())
    where = _position(world, step)
    if not rows:
        raise VettingError(
            Problem(
                where,
                "this step needs a table of answers below it",
                hint="| question | answer | rows, one per question",
            )
        )
    first = [cell.text.strip().lower() for cell in rows[0]]
    if first and first[0] in {"question", "questions", "id"}:
        rows = rows[1:]
    seen: dict[str, int] = {}
    for row in rows:
        if len(row) != 2:
            cell = row[0]
            raise VettingError(
                Problem(
                    Position(world.scenario_file, cell.line, cell.col),
                    f"a row of answers has two cells (question | answer), this one has {len(row)}",
                )
            )
        qcell, acell = row
        qid = qcell.text.strip()
        if qid in seen:
            raise VettingError(
                Problem(
                    Position(world.scenario_file, qcell.line, qcell.col),
                    f"'{qid}' is answered twice in this table (first on line {seen[qid]})",
                    hint="keep one row per question",
                )
            )
        seen[qid] = qcell.line
        at = Position(world.scenario_file, acell.line, acell.col)
        world.set_answer(qid, parse_cell(acell.text, at), at)


def _given_answer(world: World, args: Args, step: Step, lang: str) -> None:
    where = _position(world, step)
    world.set_answer(args["question"], parse_cell(args["answer"], where), where)


def _given_unanswered(world: World, args: Args, step: Step, lang: str) -> None:
    world.clear_answer(args["question"], _position(world, step))


def _given_best(world: World, args: Args, step: Step, lang: str) -> None:
    world.changed()
    world.fill = True


def _step_date(world: World, args: Args, step: Step) -> dt.date:
    try:
        day = dt.date.fromisoformat(args["date"])
    except ValueError:
        raise VettingError(
            Problem(_position(world, step), f"'{args['date']}' is not a date", hint="YYYY-MM-DD")
        ) from None
    why = out_of_range(day)
    if why is not None:
        raise VettingError(Problem(_position(world, step), why, hint=RANGE_HINT))
    return day


def _given_date(world: World, args: Args, step: Step, lang: str) -> None:
    day = _step_date(world, args, step)
    world.changed()
    world.date = day


def _given_go_live(world: World, args: Args, step: Step, lang: str) -> None:
    day = _step_date(world, args, step)
    world.changed()
    world.go_live = day


# --------------------------------------------------------------------------- When


def _when_scored(world: World, args: Args, step: Step, lang: str) -> None:
    world.assessment()


# --------------------------------------------------------------------------- Then


def _verdict_is(world: World, args: Args, step: Step, lang: str) -> None:
    want = _one_of(args["verdict"], _VERDICTS, "verdict", VERDICTS, _position(world, step))
    a = world.assessment()
    if a.verdict != want:
        raise _fail(
            lang,
            f"expected the verdict '{want}', got '{a.verdict}'",
            f"verdict attendu : {want}, obtenu : {a.verdict}",
            a,
        )


def _verdict_is_not(world: World, args: Args, step: Step, lang: str) -> None:
    want = _one_of(args["verdict"], _VERDICTS, "verdict", VERDICTS, _position(world, step))
    a = world.assessment()
    if a.verdict == want:
        raise _fail(
            lang,
            f"expected any verdict but '{want}'",
            f"verdict attendu : autre que {want}",
            a,
        )


def _level(world: World, args: Args, step: Step) -> tuple[str, int, Assessment]:
    want = _one_of(args["level"], _LEVELS, "level", LEVELS, _position(world, step))
    a = world.assessment()
    return want, LEVELS.index(a.level) - LEVELS.index(want), a


def _level_is(world: World, args: Args, step: Step, lang: str) -> None:
    want, delta, a = _level(world, args, step)
    if delta != 0:
        raise _fail(
            lang,
            f"expected the level '{want}', got '{a.level}'",
            f"niveau attendu : {want}, obtenu : {a.level}",
            a,
        )


def _level_at_least(world: World, args: Args, step: Step, lang: str) -> None:
    want, delta, a = _level(world, args, step)
    if delta < 0:
        raise _fail(
            lang,
            f"expected the level '{want}' or above, got '{a.level}'",
            f"niveau attendu : au moins {want}, obtenu : {a.level}",
            a,
        )


def _level_at_most(world: World, args: Args, step: Step, lang: str) -> None:
    want, delta, a = _level(world, args, step)
    if delta > 0:
        raise _fail(
            lang,
            f"expected the level '{want}' or below, got '{a.level}'",
            f"niveau attendu : au plus {want}, obtenu : {a.level}",
            a,
        )


def _knockout(world: World, args: Args, step: Step, lang: str) -> None:
    target = args["target"]
    _check_target(world.compiled(), target, _position(world, step))
    a = world.assessment()
    if not any(_matches(k.id, target) for k in a.knockouts):
        raise _fail(
            lang,
            f"expected a knock-out on '{target}'",
            f"KO attendu sur {_q(target, lang)}",
            a,
        )


def _no_knockout_on(world: World, args: Args, step: Step, lang: str) -> None:
    target = args["target"]
    _check_target(world.compiled(), target, _position(world, step))
    a = world.assessment()
    hits = [k.id for k in a.knockouts if _matches(k.id, target)]
    if hits:
        raise _fail(
            lang,
            f"expected no knock-out on '{target}', got {', '.join(hits)}",
            f"aucun KO attendu sur {_q(target, lang)}, obtenu : {', '.join(hits)}",
            a,
        )


def _no_knockout(world: World, args: Args, step: Step, lang: str) -> None:
    a = world.assessment()
    if a.knockouts:
        raise _fail(lang, "expected no knock-out", "aucun KO attendu", a)


def _pending_hits(a: Assessment, target: str) -> list[str]:
    return [
        p.id
        for p in a.pending
        if _matches(p.id, target) or any(_matches(k, target) for k in p.knockouts)
    ]


def _pending_on(world: World, args: Args, step: Step, lang: str) -> None:
    target = args["target"]
    _check_target(world.compiled(), target, _position(world, step))
    a = world.assessment()
    if not _pending_hits(a, target):
        raise _fail(
            lang,
            f"expected a knock-out pending evidence on '{target}'",
            f"KO en attente de preuves attendu sur {_q(target, lang)}",
            a,
        )


def _no_pending_on(world: World, args: Args, step: Step, lang: str) -> None:
    target = args["target"]
    _check_target(world.compiled(), target, _position(world, step))
    a = world.assessment()
    hits = _pending_hits(a, target)
    if hits:
        raise _fail(
            lang,
            f"expected no knock-out pending evidence on '{target}', got {', '.join(hits)}",
            f"aucun KO en attente attendu sur {_q(target, lang)}, obtenu : {', '.join(hits)}",
            a,
        )


def _no_pending(world: World, args: Args, step: Step, lang: str) -> None:
    a = world.assessment()
    if a.pending:
        raise _fail(
            lang, "expected no knock-out pending evidence", "aucun KO en attente attendu", a
        )


def _findings(a: Assessment, lang: str) -> str:
    return _ids([f"{f.id} ({f.severity})" for f in a.findings], lang)


def _finding_on(world: World, args: Args, step: Step, lang: str) -> None:
    target = args["target"]
    _check_target(world.compiled(), target, _position(world, step))
    a = world.assessment()
    if not any(f.id == target for f in a.findings):
        raise _fail(
            lang,
            f"expected a finding on '{target}'; findings were: {_findings(a, lang)}",
            f"constat attendu sur {_q(target, lang)} ; constats obtenus : {_findings(a, lang)}",
            a,
        )


def _no_finding_on(world: World, args: Args, step: Step, lang: str) -> None:
    target = args["target"]
    _check_target(world.compiled(), target, _position(world, step))
    a = world.assessment()
    for f in a.findings:
        if f.id == target:
            raise _fail(
                lang,
                f"expected no finding on '{target}', got one of severity '{f.severity}'",
                f"aucun constat attendu sur {_q(target, lang)}, obtenu : sévérité {f.severity}",
                a,
            )


def _finding_severity(world: World, args: Args, step: Step, lang: str) -> None:
    target = args["target"]
    where = _position(world, step)
    _check_target(world.compiled(), target, where)
    want = _one_of(args["severity"], _SEVERITIES, "severity", SEVERITIES, where)
    a = world.assessment()
    found = [f for f in a.findings if f.id == target]
    if not found:
        raise _fail(
            lang,
            f"expected a finding on '{target}' of severity '{want}', but there is no finding "
            f"on it; findings were: {_findings(a, lang)}",
            f"constat de sévérité {want} attendu sur {_q(target, lang)}, mais il n'y a aucun "
            f"constat sur cette question ; constats obtenus : {_findings(a, lang)}",
            a,
        )
    if found[0].severity != want:
        raise _fail(
            lang,
            f"expected the finding on '{target}' to have severity '{want}', "
            f"got '{found[0].severity}'",
            f"sévérité attendue pour le constat sur {_q(target, lang)} : {want}, "
            f"obtenue : {found[0].severity}",
            a,
        )


def _score_between(world: World, args: Args, step: Step, lang: str) -> None:
    where = _position(world, step)
    low, high = _number(args["low"], where), _number(args["high"], where)
    if low > high:
        raise VettingError(Problem(where, f"the range {args['low']} to {args['high']} is empty"))
    a = world.assessment()
    if not low <= a.score <= high:
        raise _fail(
            lang,
            f"expected a score between {_fmt(low, lang)} and {_fmt(high, lang)}, "
            f"got {_fmt(a.score, lang)}",
            f"score attendu entre {_fmt(low, lang)} et {_fmt(high, lang)}, "
            f"obtenu : {_fmt(a.score, lang)}",
            a,
        )


def _score_at_least(world: World, args: Args, step: Step, lang: str) -> None:
    bound = _number(args["value"], _position(world, step))
    a = world.assessment()
    if a.score < bound:
        raise _fail(
            lang,
            f"expected a score of at least {_fmt(bound, lang)}, got {_fmt(a.score, lang)}",
            f"score attendu d'au moins {_fmt(bound, lang)}, obtenu : {_fmt(a.score, lang)}",
            a,
        )


def _score_at_most(world: World, args: Args, step: Step, lang: str) -> None:
    bound = _number(args["value"], _position(world, step))
    a = world.assessment()
    if a.score > bound:
        raise _fail(
            lang,
            f"expected a score of at most {_fmt(bound, lang)}, got {_fmt(a.score, lang)}",
            f"score attendu d'au plus {_fmt(bound, lang)}, obtenu : {_fmt(a.score, lang)}",
            a,
        )


def _applies_when(world: World, qid: str, lang: str) -> str:
    q = world.compiled().question_by_id[qid]
    if q.when is None:
        return "it is always asked" if lang == "en" else "elle est toujours posée"
    labels = {
        name: d.label.get(lang) or next(iter(d.label.values()))
        for name, d in world.compiled().ruleset.definitions.items()
    }
    text = describe(q.when, lang if lang in STEP_LANGUAGES else "en", labels)
    return f"it is asked when {text}" if lang == "en" else f"elle est posée quand {text}"


def _asked(world: World) -> set[str]:
    return asked_questions(world.assessment(), world.answers())


def _question_asked(world: World, args: Args, step: Step, lang: str) -> None:
    qid = args["question"]
    _check_question(world.compiled(), qid, _position(world, step))
    if qid not in _asked(world):
        raise _fail(
            lang,
            f"expected the question '{qid}' to be asked, it is not "
            f"({_applies_when(world, qid, lang)})",
            f"la question {_q(qid, lang)} devait être posée, elle ne l'est pas "
            f"({_applies_when(world, qid, lang)})",
        )


def _question_not_asked(world: World, args: Args, step: Step, lang: str) -> None:
    qid = args["question"]
    _check_question(world.compiled(), qid, _position(world, step))
    if qid in _asked(world):
        raise _fail(
            lang,
            f"expected the question '{qid}' not to be asked, it is "
            f"({_applies_when(world, qid, lang)})",
            f"la question {_q(qid, lang)} ne devait pas être posée, elle l'est "
            f"({_applies_when(world, qid, lang)})",
        )


def _section_questions(world: World, args: Args, step: Step) -> tuple[str, list[str]]:
    section = args["section"]
    compiled = world.compiled()
    if section not in compiled.category_by_id:
        raise VettingError(
            Problem(
                _position(world, step),
                f"'{section}' is not a section of {compiled.ruleset.id}",
                hint=suggest(section, list(compiled.category_by_id))
                or f"sections: {', '.join(compiled.category_by_id)}",
            )
        )
    asked = _asked(world)
    return section, [q.id for q in compiled.questions if q.category == section and q.id in asked]


def _section_not_asked(world: World, args: Args, step: Step, lang: str) -> None:
    section, asked = _section_questions(world, args, step)
    if asked:
        raise _fail(
            lang,
            f"expected no question of the section '{section}' to be asked; "
            f"asked: {_ids(asked, lang)}",
            f"aucune question de la section {_q(section, lang)} ne devait être posée ; "
            f"posées : {_ids(asked, lang)}",
        )


def _section_asked(world: World, args: Args, step: Step, lang: str) -> None:
    section, asked = _section_questions(world, args, step)
    if not asked:
        raise _fail(
            lang,
            f"expected the section '{section}' to be asked; none of its questions is",
            f"la section {_q(section, lang)} devait être posée ; aucune de ses questions ne l'est",
        )


def _report_lang(world: World, args: Args, step: Step) -> str:
    value = _fold(args["lang"])
    lang = _LANG_WORDS.get(value)
    languages = world.compiled().ruleset.languages
    if lang is None or lang not in languages:
        raise VettingError(
            Problem(
                _position(world, step),
                f"'{args['lang']}' is not a language of the rule set",
                hint=f"languages: {', '.join(languages)}",
            )
        )
    return lang


def _report_mentions(world: World, args: Args, step: Step, lang: str) -> None:
    report_lang = _report_lang(world, args, step)
    text = args["text"]
    if _fold(text) not in _fold(world.report(report_lang)):
        raise _fail(
            lang,
            f"expected the report in '{report_lang}' to mention '{text}'; it does not",
            f"le rapport en {_q(report_lang, lang)} devait mentionner {_q(text, lang)} ; "
            "il ne le fait pas",
            world.assessment(),
        )


def _report_does_not_mention(world: World, args: Args, step: Step, lang: str) -> None:
    report_lang = _report_lang(world, args, step)
    text = args["text"]
    if _fold(text) in _fold(world.report(report_lang)):
        raise _fail(
            lang,
            f"expected the report in '{report_lang}' not to mention '{text}'; it does",
            f"le rapport en {_q(report_lang, lang)} ne devait pas mentionner {_q(text, lang)} ; "
            "il le fait",
            world.assessment(),
        )


# --------------------------------------------------------------------------- the table


def _t(en: str | tuple[str, ...], fr: str | tuple[str, ...]) -> dict[str, tuple[str, ...]]:
    return {
        "en": (en,) if isinstance(en, str) else en,
        "fr": (fr,) if isinstance(fr, str) else fr,
    }


STEPS: tuple[StepDef, ...] = (
    StepDef(
        "rule_set", "given", _t('the rule set "{path}"', 'le jeu de règles "{path}"'), _given_rules
    ),
    StepDef(
        "answers_file",
        "given",
        _t('the answers file "{path}"', 'le fichier de réponses "{path}"'),
        _given_answers_file,
    ),
    StepDef(
        "answers_table",
        "given",
        _t(
            ("a tool whose answers are:", "the answers:"),
            ("un outil dont les réponses sont :", "les réponses :"),
        ),
        _given_table,
        table=True,
    ),
    StepDef(
        "answer",
        "given",
        _t('the answer to "{question}" is "{answer}"', 'la réponse à "{question}" est "{answer}"'),
        _given_answer,
    ),
    StepDef(
        "unanswered",
        "given",
        _t(
            'the question "{question}" is not answered',
            'la question "{question}" est sans réponse',
        ),
        _given_unanswered,
    ),
    StepDef(
        "best",
        "given",
        _t(
            "every other question is answered with its best choice",
            "toutes les autres questions ont leur meilleure réponse",
        ),
        _given_best,
    ),
    StepDef(
        "date",
        "given",
        _t('the assessment date is "{date}"', 'la date de l\'évaluation est "{date}"'),
        _given_date,
    ),
    StepDef(
        "go_live",
        "given",
        _t(
            'the go-live date is "{date}"',
            'la date de mise en service est "{date}"',
        ),
        _given_go_live,
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
        "scored", "when", _t("the assessment is scored", "l'évaluation est calculée"), _when_scored
    ),
    StepDef(
        "verdict",
        "then",
        _t('the verdict is "{verdict}"', 'le verdict est "{verdict}"'),
        _verdict_is,
    ),
    StepDef(
        "verdict_not",
        "then",
        _t('the verdict is not "{verdict}"', 'le verdict n\'est pas "{verdict}"'),
        _verdict_is_not,
    ),
    StepDef("level", "then", _t('the level is "{level}"', 'le niveau est "{level}"'), _level_is),
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
        _level_at_least,
    ),
    StepDef(
        "level_at_most",
        "then",
        _t('the level is at most "{level}"', 'le niveau est au plus "{level}"'),
        _level_at_most,
    ),
    StepDef(
        "knockout",
        "then",
        _t('there is a knock-out on "{target}"', 'il y a un KO sur "{target}"'),
        _knockout,
    ),
    StepDef(
        "no_knockout_on",
        "then",
        _t('there is no knock-out on "{target}"', 'il n\'y a pas de KO sur "{target}"'),
        _no_knockout_on,
    ),
    StepDef("no_knockout", "then", _t("there is no knock-out", "il n'y a aucun KO"), _no_knockout),
    StepDef(
        "pending_on",
        "then",
        _t(
            'there is a knock-out pending evidence on "{target}"',
            'il y a un KO en attente de preuves sur "{target}"',
        ),
        _pending_on,
    ),
    StepDef(
        "no_pending_on",
        "then",
        _t(
            'there is no knock-out pending evidence on "{target}"',
            'il n\'y a pas de KO en attente de preuves sur "{target}"',
        ),
        _no_pending_on,
    ),
    StepDef(
        "no_pending",
        "then",
        _t(
            "there is no knock-out pending evidence",
            "il n'y a aucun KO en attente de preuves",
        ),
        _no_pending,
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
        _finding_on,
    ),
    StepDef(
        "no_finding_on",
        "then",
        _t('there is no finding on "{target}"', 'il n\'y a pas de constat sur "{target}"'),
        _no_finding_on,
    ),
    StepDef(
        "finding_severity",
        "then",
        _t(
            'the finding on "{target}" has severity "{severity}"',
            'le constat sur "{target}" a la sévérité "{severity}"',
        ),
        _finding_severity,
    ),
    StepDef(
        "score_between",
        "then",
        _t(
            "the score is between {low:n} and {high:n}",
            "le score est compris entre {low:n} et {high:n}",
        ),
        _score_between,
    ),
    StepDef(
        "score_at_least",
        "then",
        _t(
            "the score is at least {value:n}",
            ("le score est d'au moins {value:n}", "le score est au moins {value:n}"),
        ),
        _score_at_least,
    ),
    StepDef(
        "score_at_most",
        "then",
        _t(
            "the score is at most {value:n}",
            ("le score est d'au plus {value:n}", "le score est au plus {value:n}"),
        ),
        _score_at_most,
    ),
    StepDef(
        "asked",
        "then",
        _t('the question "{question}" is asked', 'la question "{question}" est posée'),
        _question_asked,
    ),
    StepDef(
        "not_asked",
        "then",
        _t(
            'the question "{question}" is not asked',
            'la question "{question}" n\'est pas posée',
        ),
        _question_not_asked,
    ),
    StepDef(
        "section_asked",
        "then",
        _t('the section "{section}" is asked', 'la section "{section}" est posée'),
        _section_asked,
    ),
    StepDef(
        "section_not_asked",
        "then",
        _t(
            'no question of the section "{section}" is asked',
            'aucune question de la section "{section}" n\'est posée',
        ),
        _section_not_asked,
    ),
    StepDef(
        "report_mentions",
        "then",
        _t(
            'the report in "{lang}" mentions "{text}"',
            'le rapport en "{lang}" mentionne "{text}"',
        ),
        _report_mentions,
    ),
    StepDef(
        "report_does_not_mention",
        "then",
        _t(
            'the report in "{lang}" does not mention "{text}"',
            'le rapport en "{lang}" ne mentionne pas "{text}"',
        ),
        _report_does_not_mention,
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


def _shape(text: str) -> str:
    """A step text with its arguments blanked: what a typo is compared on."""
    text = re.sub(r"\{\w+:n\}|[-+]?\d+(?:[.,]\d+)?", "N", text)
    return re.sub(r"[\"“«][^\"”»]*[\"”»]", '"…"', text).lower()


def shown(template: str) -> str:
    """A step template as documented: `the verdict is "<verdict>"`, `between <low> and <high>`."""
    return re.sub(r"\{(\w+)(?::n)?\}", r"<\1>", template)


def _closest(text: str, scenario: Scenario) -> str:
    """`did you mean` the step of the scenario's language that looks most like it."""
    lang = scenario.language if scenario.language in STEP_LANGUAGES else "en"
    shapes = {
        _shape(t): shown(t) for definition in STEPS for t in definition.templates.get(lang, ())
    }
    close = difflib.get_close_matches(_shape(text), list(shapes), n=1, cutoff=0.5)
    where = "docs/rule-tests.md lists every step"
    return f"did you mean: {shapes[close[0]]}? ({where})" if close else where


# --------------------------------------------------------------------------- running


@dataclass(frozen=True)
class StepResult:
    """How one step went."""

    step: Step
    status: Status
    message: str = ""


@dataclass(frozen=True)
class ScenarioResult:
    """How one scenario went, with what it produced (for the mutation self-check)."""

    scenario: Scenario
    status: Literal["passed", "failed", "error"]
    steps: tuple[StepResult, ...]
    message: str = ""
    outcomes: tuple[Outcome, ...] = ()

    @property
    def failed_step(self) -> Step | None:
        for result in self.steps:
            if result.status in ("failed", "error"):
                return result.step
        return None


def crash_message(exc: BaseException) -> str:
    """What a step that crashed says: the exception and where it was raised."""
    import traceback

    frames = traceback.extract_tb(exc.__traceback__)
    where = f" at {Path(frames[-1].filename).name}:{frames[-1].lineno}" if frames else ""
    return (
        f"crashed: {type(exc).__name__}: {exc}{where} "
        "(a bug in vetting or in a step: please report it)"
    )


def run_scenario(scenario: Scenario, rulesets: RuleSets) -> ScenarioResult:
    """Run a scenario's steps in order; stop at the first that fails."""
    lang = scenario.language if scenario.language in STEP_LANGUAGES else "en"
    world = World(rulesets, scenario.file, scenario.name, scenario.line)
    results: list[StepResult] = []
    status: Literal["passed", "failed", "error"] = "passed"
    message = ""
    checks = 0
    for step in scenario.steps:
        if status != "passed":
            results.append(StepResult(step, "skipped"))
            continue
        try:
            definition, args = match_step(step, scenario)
            checks += definition.kind == "then"
            definition.run(world, args, step, lang)
        except StepFailed as exc:
            status, message = "failed", str(exc)
            results.append(StepResult(step, "failed", message))
            continue
        except VettingError as exc:
            status, message = "error", "\n".join(str(p) for p in exc.problems)
            results.append(StepResult(step, "error", message))
            continue
        except Exception as exc:  # a crash is an error of this scenario, never a silence
            status, message = "error", crash_message(exc)
            results.append(StepResult(step, "error", message))
            continue
        results.append(StepResult(step, "passed"))
    if status == "passed" and checks == 0:
        status = "error"
        message = str(
            Problem(
                scenario.position(),
                "this scenario checks nothing",
                hint='add a Then step, e.g. Then the verdict is "reject"',
            )
        )
    return ScenarioResult(scenario, status, tuple(results), message, tuple(world.outcomes))


def step_reference(lang: str) -> list[tuple[Kind, str]]:
    """Every step text in one language, for the documentation and `did you mean`."""
    return [(d.kind, t) for d in STEPS for t in d.templates.get(lang, ())]
