"""The semantic pass: after the schema, check what only the whole rule set can tell.

Like a compiler's checker, it reports every problem, not only the first, each
with its position: unique ids, references that resolve, conditions that compare
a question with valid values of the right type and only read questions asked
before, texts in every declared language, knock-outs with a reference,
questions that some answers make relevant. Then it compiles the conditions.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from dataclasses import replace
from typing import Any, get_args

from pydantic import BaseModel

from vetting.ruleset import conditions as c
from vetting.ruleset.check_claims import check_claims
from vetting.ruleset.compiled import CompiledRuleSet, compile_checked
from vetting.ruleset.context import CheckContext, Place
from vetting.ruleset.model import (
    CHOICE_TYPES,
    Choice,
    KnockOut,
    Question,
    Reference,
    Text,
)
from vetting.ruleset.order import by_risk
from vetting.ruleset.reachability import unreachable
from vetting.ruleset.sources import LoadedRuleSet
from vetting.words import suggest
from vetting.yamlio import DocPath


class _Checker(CheckContext):
    """The semantic pass: each `check_*` reports what it finds, and goes on."""

    def __init__(self, loaded: LoadedRuleSet) -> None:
        super().__init__(loaded)
        self.choice_owner: dict[str, list[str]] = {}
        for q in self.rs.questions:
            for ch in q.choices:
                self.choice_owner.setdefault(ch.id, []).append(q.id)

    # ------------------------------------------------------------------ passes

    def run(self) -> None:
        self.check_categories()
        self.check_scoring()
        self.check_questions()
        self.check_findings()
        self.check_references()
        self.check_texts()
        self.check_definitions()
        self.check_conditions()
        check_claims(self)

    def check_categories(self) -> None:
        seen: dict[str, int] = {}
        for i, cat in enumerate(self.rs.categories):
            if cat.id in seen:
                self.problem(
                    self.manifest,
                    ("categories", i, "id"),
                    f"category id '{cat.id}' is used twice",
                    "keep one of them",
                )
            seen.setdefault(cat.id, i)

    def check_scoring(self) -> None:
        policy = self.rs.scoring
        pools = set(policy.pools)
        if len(pools) != len(policy.pools):
            self.problem(self.manifest, ("scoring", "pools"), "a pool is listed twice")
        if policy.score_pool not in pools:
            self.problem(
                self.manifest,
                ("scoring", "score_pool"),
                f"score pool '{policy.score_pool}' is not one of the pools",
                suggest(policy.score_pool, pools) or f"pools: {', '.join(policy.pools)}",
            )
        levels = policy.levels
        if not 0 < levels.moderate < levels.high < levels.critical:
            self.problem(
                self.manifest,
                ("scoring", "levels"),
                "thresholds must rise: 0 < moderate < high < critical",
                f"got moderate {levels.moderate}, high {levels.high}, critical {levels.critical}",
            )
        if levels.unit == "percent" and levels.critical > 100:
            self.problem(
                self.manifest,
                ("scoring", "levels", "critical"),
                "a percent threshold cannot exceed 100",
            )
        for i, adj in enumerate(policy.adjustments):
            for key in ("if_pool", "then_pool"):
                name = getattr(adj, key)
                if name not in pools:
                    self.problem(
                        self.manifest,
                        ("scoring", "adjustments", i, key),
                        f"unknown pool '{name}'",
                        suggest(name, pools) or f"pools: {', '.join(policy.pools)}",
                    )

    def check_points(self, place: Place, sub: tuple[Any, ...], points: dict[str, float]) -> None:
        pools = self.rs.scoring.pools
        for pool, value in points.items():
            if pool not in pools:
                self.problem(
                    place,
                    (*sub, pool),
                    f"unknown pool '{pool}'",
                    suggest(pool, pools) or f"pools: {', '.join(pools)}",
                )
            if value < 0:
                self.problem(place, (*sub, pool), "points cannot be negative")

    def check_knockout(self, place: Place, sub: tuple[Any, ...], ko: KnockOut | None) -> None:
        if ko is not None and not ko.references:
            self.problem(
                place,
                (*sub, "knockout"),
                "a knock-out needs at least one reference (the law or standard that blocks)",
                "add references: [{ref: <source id>, article: ...}]",
            )

    def check_questions(self) -> None:
        categories = {cat.id: cat for cat in self.rs.categories}
        first: dict[str, int] = {}
        score_pool = self.rs.scoring.score_pool
        for i, q in enumerate(self.rs.questions):
            place = self.q_place(i)
            if q.id in first:
                pos, _ = self.sm.at(self.q_place(first[q.id]), "id")
                self.problem(
                    place,
                    ("id",),
                    f"question id '{q.id}' is used twice (first at {pos})",
                    "question ids must be unique",
                )
            first.setdefault(q.id, i)
            if q.category is not None and q.category not in categories:
                file, path = place
                doc = self.sm.documents[file]
                own = "category" in _raw(doc.data, path)
                where: Place = place if own else (file, ())
                self.problem(
                    where,
                    ("category",),
                    f"unknown category '{q.category}'",
                    suggest(q.category, set(categories))
                    or "declare it under categories: in ruleset.yaml",
                )
            is_choice = q.type in CHOICE_TYPES
            if is_choice and len(q.choices) < 2:
                self.problem(
                    place, ("choices",), f"a {q.type}-choice question needs at least two choices"
                )
            if not is_choice and q.choices:
                self.problem(
                    place,
                    ("choices",),
                    f"a {q.type} question has no choices",
                    "remove choices, or make it type: single",
                )
            if q.type != "number" and (q.minimum is not None or q.maximum is not None):
                self.problem(place, ("minimum",), "minimum and maximum apply to number questions")
            if q.minimum is not None and q.maximum is not None and q.minimum > q.maximum:
                self.problem(place, ("minimum",), "minimum is larger than maximum")
            seen: set[str] = set()
            for j, ch in enumerate(q.choices):
                sub: tuple[Any, ...] = ("choices", j)
                if ch.id in seen:
                    self.problem(
                        place, (*sub, "id"), f"choice id '{ch.id}' is used twice in '{q.id}'"
                    )
                seen.add(ch.id)
                if ch.id == "unknown":
                    self.problem(
                        place,
                        (*sub, "id"),
                        "'unknown' is reserved: every question already accepts it",
                        "remove this choice; use the question's 'unknown:' field to score it",
                    )
                if ch.exclusive and q.type != "multiple":
                    self.problem(place, (*sub, "exclusive"), "exclusive applies to multiple choice")
                self.check_points(place, (*sub, "points"), ch.points)
                self.check_knockout(place, sub, ch.knockout)
            if q.unknown is not None and q.unknown.points is not None:
                self.check_points(place, ("unknown", "points"), q.unknown.points)
            if "help" in self.rs.require and not q.help:
                self.problem(
                    place,
                    ("id",),
                    f"question '{q.id}' has no help, and this rule set requires it "
                    "(require: [help] in ruleset.yaml)",
                    "add help: saying why you ask (the stake, the law), in every language",
                )
            self.check_short_title(place, q)
            cat = categories.get(q.category or "")
            if q.type == "single" and not (cat and cat.scope):
                self.check_order(place, q, score_pool)

    def check_short_title(self, place: Place, q: Question) -> None:
        """Reports name a question by its short title: an error when the rule set requires
        one (`require: [short_title]`), a warning otherwise; never a long one."""
        if q.short_title is None:
            say = self.problem if "short_title" in self.rs.require else self.warn
            why = (
                "this rule set requires it (require: [short_title] in ruleset.yaml)"
                if "short_title" in self.rs.require
                else "reports will head its finding with the whole question"
            )
            say(
                place,
                ("id",),
                f"question '{q.id}' has no short_title: {why}",
                "add short_title: {fr: ..., en: ...}, a few words such as 'Hosting location'",
            )
            return
        for lang, words in q.short_title.items():
            if len(words) > SHORT_TITLE_MAX:
                self.problem(
                    place,
                    ("short_title", lang),
                    f"short_title is {len(words)} characters long: at most {SHORT_TITLE_MAX}",
                    "name the question in a few words; the full text stays in the annex",
                )

    def check_order(self, place: Place, q: Question, pool: str) -> None:
        """The points agree with which answer is worse, whatever order the choices are shown in.

        "Worse" is derived (order.py): a choice that can knock out, then a higher
        severity, then more risk or less mitigation. A choice worse by its
        knock-out or severity must not carry fewer risk points, nor more
        mitigation, than a better one: the scorer's monotonicity rests on this.
        """
        index = {ch.id: j for j, ch in enumerate(q.choices)}
        previous: Choice | None = None
        for ch in by_risk(q, self.rs.scoring.pools, pool):
            if previous is not None:
                for name in self.rs.scoring.pools:
                    now, before = ch.points.get(name, 0), previous.points.get(name, 0)
                    rises = name == pool
                    if (now < before) if rises else (now > before):
                        why = _why_worse(ch, previous, pool)
                        way = "risk" if rises else "mitigation"
                        self.problem(
                            place,
                            ("choices", index[ch.id], "points"),
                            f"'{ch.id}' is a worse answer than '{previous.id}' (it {why}) but "
                            f"carries {'fewer' if rises else 'more'} {way} points ({now:g} "
                            f"{name} points against {before:g}): a worse answer must never "
                            "score better",
                            f"give '{ch.id}' at least the {way} points of '{previous.id}'"
                            if rises
                            else f"give '{ch.id}' at most the {way} points of '{previous.id}'",
                        )
            previous = ch

    def check_findings(self) -> None:
        categories = {cat.id for cat in self.rs.categories}
        first: dict[str, int] = {}
        for i, rule in enumerate(self.rs.findings):
            place = self.f_place(i)
            if rule.id in first:
                self.problem(place, ("id",), f"finding id '{rule.id}' is used twice")
            first.setdefault(rule.id, i)
            if rule.category is not None and rule.category not in categories:
                self.problem(
                    place,
                    ("category",),
                    f"unknown category '{rule.category}'",
                    suggest(rule.category, categories),
                )
            self.check_points(place, ("points",), rule.points)
            self.check_knockout(place, (), rule.knockout)

    # ------------------------------------------------------------------ references

    def _references(self) -> Iterator[tuple[Place | None, tuple[Any, ...], Reference]]:
        for i, q in enumerate(self.rs.questions):
            for k, ref in enumerate(q.references):
                yield self.q_place(i), ("references", k), ref
            for j, ch in enumerate(q.choices):
                if ch.knockout:
                    for k, ref in enumerate(ch.knockout.references):
                        yield self.q_place(i), ("choices", j, "knockout", "references", k), ref
        for i, rule in enumerate(self.rs.findings):
            for k, ref in enumerate(rule.references):
                yield self.f_place(i), ("references", k), ref
            if rule.knockout:
                for k, ref in enumerate(rule.knockout.references):
                    yield self.f_place(i), ("knockout", "references", k), ref
        for name, definition in self.rs.definitions.items():
            for k, ref in enumerate(definition.references):
                yield self.sm.places.get(("definitions", name)), ("references", k), ref

    def check_references(self) -> None:
        known = set(self.rs.sources)
        for place, sub, ref in self._references():
            if ref.ref not in known:
                self.problem(
                    place,
                    (*sub, "ref"),
                    f"unknown source '{ref.ref}'",
                    suggest(ref.ref, known) or "declare it under sources:",
                )

    # ------------------------------------------------------------------ languages

    def check_texts(self) -> None:
        langs = tuple(self.rs.languages)
        targets: list[tuple[Place | None, BaseModel, tuple[Any, ...]]] = []
        manifest_doc_place = self.manifest
        for i, cat in enumerate(self.rs.categories):
            targets.append((manifest_doc_place, cat, ("categories", i)))
        for i, adj in enumerate(self.rs.scoring.adjustments):
            targets.append((manifest_doc_place, adj, ("scoring", "adjustments", i)))
        for i, q in enumerate(self.rs.questions):
            targets.append((self.q_place(i), q, ()))
        for i, rule in enumerate(self.rs.findings):
            targets.append((self.f_place(i), rule, ()))
        for name, definition in self.rs.definitions.items():
            targets.append((self.sm.places.get(("definitions", name)), definition, ()))
        for name, source in self.rs.sources.items():
            targets.append((self.sm.places.get(("sources", name)), source, ()))
        for field_name in ("title", "description"):
            value = getattr(self.rs, field_name)
            if value is not None:
                self.check_text(manifest_doc_place, (field_name,), value, langs)
        for place, obj, base in targets:
            for sub, text in _texts(obj, base):
                self.check_text(place, sub, text, langs)

    def check_text(
        self, place: Place | None, sub: tuple[Any, ...], text: Text, langs: tuple[str, ...]
    ) -> None:
        for lang in langs:
            if lang not in text:
                self.problem(
                    place,
                    sub,
                    f"missing the '{lang}' text",
                    f"every text needs {', '.join(langs)}",
                )
        for lang in text:
            if lang not in langs:
                self.problem(
                    place,
                    (*sub, lang),
                    f"'{lang}' is not a declared language",
                    f"languages: {', '.join(langs)}",
                )

    # ------------------------------------------------------------------ conditions

    def check_definitions(self) -> None:
        state: dict[str, int] = {}

        def visit(name: str, trail: list[str]) -> None:
            if state.get(name) == 2 or name not in self.rs.definitions:
                return
            if state.get(name) == 1:
                cycle = " -> ".join([*trail[trail.index(name) :], name])
                self.problem(
                    self.sm.places.get(("definitions", name)),
                    ("when",),
                    f"definitions refer to each other in a loop: {cycle}",
                )
                return
            state[name] = 1
            for used in sorted(c.definitions_of(self.rs.definitions[name].when)):
                visit(used, [*trail, name])
            state[name] = 2

        for name in sorted(self.rs.definitions):
            visit(name, [])

    def check_conditions(self) -> None:
        for place, sub, cond, asked_at in self.conditions():
            for node_path, node in c.iter_nodes(cond):
                self.check_node(place, (*sub, *node_path), node)
            if asked_at is not None:
                self.check_order_of_reads(place, sub, cond, asked_at)

    def check_order_of_reads(
        self, place: Place | None, sub: tuple[Any, ...], cond: Any, index: int
    ) -> None:
        me = self.rs.questions[index]
        for node_path, node in c.iter_nodes(cond):
            read: set[str] = set()
            if isinstance(node, c.Is):
                read = self.expand_questions(node)
            elif hasattr(node, "question"):
                read = {node.question}
            for qid in sorted(read):
                if qid not in self.order:
                    continue  # reported as unknown elsewhere
                if self.order[qid] >= index:
                    what = "itself" if qid == me.id else f"'{qid}', which is asked later"
                    via = f" (through definition '{node.is_}')" if isinstance(node, c.Is) else ""
                    self.problem(
                        place,
                        (*sub, *node_path),
                        f"the condition of '{me.id}' reads {what}{via}, "
                        "so it can never be answered in time",
                        "a condition may only read questions asked before",
                    )

    def check_node(self, place: Place | None, sub: tuple[Any, ...], node: Any) -> None:
        if isinstance(node, c.Is):
            if node.is_ not in self.rs.definitions:
                self.problem(
                    place,
                    (*sub, "is"),
                    f"unknown definition '{node.is_}'",
                    suggest(node.is_, set(self.rs.definitions)) or "declare it under definitions:",
                )
            return
        if isinstance(node, c.JudgedDate):
            if not c.comparison_bounds(node.judged_date):
                self.problem(place, (*sub, "judged_date"), "give a bound: gt, gte, lt or lte")
            return
        if not hasattr(node, "question"):
            return
        qid = node.question
        q = self.by_id.get(qid)
        if q is None and qid in self.sm.disabled:
            file, path = self.sm.disabled[qid]
            self.problem(
                place,
                (*sub, "question"),
                f"reads '{qid}', which the overlay disables "
                f"(at {self.sm.documents[file].position(path)})",
                "override this condition too, or keep the question",
            )
            return
        if q is None:
            self.problem(
                place,
                (*sub, "question"),
                f"unknown question id '{qid}'",
                suggest(qid, set(self.by_id)),
            )
            return
        if isinstance(node, c.Answered):
            return
        if isinstance(node, c.IncludesAny | c.IncludesAll):
            op = "includes_any" if isinstance(node, c.IncludesAny) else "includes_all"
            if q.type != "multiple":
                self.problem(
                    place,
                    (*sub, op),
                    f"'{op}' applies to multiple choice; '{qid}' is {q.type}",
                    "use equals or in",
                )
                return
            wanted = node.includes_any if isinstance(node, c.IncludesAny) else node.includes_all
            for k, value in enumerate(wanted):
                self.check_choice_value(place, (*sub, op, k), q, value)
            return
        if isinstance(node, c.Compare):
            if q.type not in {"number", "date"}:
                self.problem(
                    place,
                    (*sub,),
                    f"gt, gte, lt and lte apply to number and date questions; '{qid}' is {q.type}",
                )
                return
            for op, bound in c.comparison_bounds(node).items():
                if q.type == "date" and not isinstance(bound, dt.date):
                    self.problem(place, (*sub, op), f"'{qid}' is a date: compare with YYYY-MM-DD")
                if q.type == "number" and isinstance(bound, dt.date):
                    self.problem(place, (*sub, op), f"'{qid}' is a number: compare with a number")
            return
        values: list[Any] = [node.equals] if isinstance(node, c.Equals) else list(node.in_)
        op = "equals" if isinstance(node, c.Equals) else "in"
        if q.type == "multiple":
            self.problem(
                place,
                (*sub, op),
                f"'{qid}' is multiple choice: use includes_any or includes_all",
            )
            return
        for k, value in enumerate(values):
            at = (*sub, op) if op == "equals" else (*sub, op, k)
            if q.type == "single":
                self.check_choice_value(place, at, q, value)
            elif q.type == "number" and (
                isinstance(value, bool) or not isinstance(value, int | float)
            ):
                self.problem(place, at, f"'{qid}' is a number question: compare with a number")
            elif q.type == "date" and not isinstance(value, dt.date):
                self.problem(place, at, f"'{qid}' is a date question: compare with YYYY-MM-DD")
            elif q.type == "text" and not isinstance(value, str):
                self.problem(place, at, f"'{qid}' is a text question: compare with a text")

    def check_choice_value(
        self, place: Place | None, sub: tuple[Any, ...], q: Question, value: Any
    ) -> None:
        ids = [ch.id for ch in q.choices]
        if isinstance(value, str) and value in ids:
            return
        if value == "unknown":
            self.problem(
                place,
                sub,
                "conditions cannot test for 'unknown'",
                "an unknown answer leaves the condition undecided: that is built in",
            )
            return
        owners = [o for o in self.choice_owner.get(str(value), []) if o != q.id]
        hint = (
            f"'{value}' is a choice of '{owners[0]}'"
            if owners
            else suggest(str(value), ids) or f"choices: {', '.join(ids)}"
        )
        self.problem(place, sub, f"'{value}' is not a choice of '{q.id}'", hint)


def _why_worse(worse: Choice, better: Choice, pool: str) -> str:
    """What makes `worse` rank after `better` in risk order (order.py), in words."""
    if worse.knockout is not None and better.knockout is None:
        return "can knock out"
    if worse.severity != better.severity:
        return f"has severity {worse.severity}"
    return f"carries more {pool} points"


def _raw(data: Any, path: DocPath) -> Any:
    for item in path:
        data = data[item]
    return data if isinstance(data, dict) else {}


def _is_text(annotation: Any) -> bool:
    if annotation == Text:
        return True
    return any(arg == Text for arg in get_args(annotation))


def _texts(obj: BaseModel, base: tuple[Any, ...]) -> Iterator[tuple[tuple[Any, ...], Text]]:
    """Every Text field inside a model, with its path."""
    for name, info in type(obj).model_fields.items():
        value = getattr(obj, name)
        key = info.alias or name
        if value is None:
            continue
        if _is_text(info.annotation):
            yield (*base, key), value
        elif isinstance(value, BaseModel):
            yield from _texts(value, (*base, key))
        elif isinstance(value, tuple):
            for i, item in enumerate(value):
                if isinstance(item, BaseModel):
                    yield from _texts(item, (*base, key, i))


# ---------------------------------------------------------------------- entry point

#: The longest short title: it heads a finding card and labels a bar of the chart.
SHORT_TITLE_MAX = 60


def check(loaded: LoadedRuleSet, *, embedded: bool = False) -> CompiledRuleSet:
    """Check a loaded rule set and compile it; raise every problem at once (with those
    the loader found, when it kept going past them)."""
    checker = _Checker(loaded)
    checker.out.problems.extend(loaded.problems)
    checker.run()
    checker.out.raise_if_any()
    compiled = compile_checked(loaded, embedded=embedded)
    questions, findings = unreachable(compiled, (cond for _, _, cond, _ in checker.conditions()))
    for i in questions:
        checker.problem(
            checker.q_place(i),
            ("when",),
            f"question '{compiled.questions[i].id}' can never be asked: no answers make its "
            "condition true",
            "look for a contradiction, such as two different values of one question",
        )
    for i in findings:
        checker.problem(
            checker.f_place(i),
            ("when",),
            f"finding '{compiled.findings[i].id}' can never fire: no answers make its condition "
            "true",
        )
    checker.out.raise_if_any()
    return replace(compiled, warnings=tuple(checker.warnings))


__all__ = ["check"]
