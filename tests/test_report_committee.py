"""The report as a committee uses it: page 1 to decide and sign, a length read in a meeting.

Measured on the real PDF with poppler: `pdfinfo` counts the pages, `pdftotext`
reads page 1, `pdftohtml -xml` gives the font size of every run of text and the
bookmarks, `pdffonts` says whether the fonts are embedded.
"""

from __future__ import annotations

import re
import shutil
import subprocess
from collections import Counter
from collections.abc import Callable
from html.parser import HTMLParser
from pathlib import Path

import pytest

from tests.conftest import ROOT, Result
from tests.support.reports import (
    EXAMPLE_NAMES,
    EXAMPLES,
    LANGS,
    example,
    need_weasyprint,
    pages,
    pdftotext,
    ruleset,
)
from vetting.assess.answers import load_answers
from vetting.assess.assessment import CANNOT_BE_LIFTED, NOTES, WhatIf
from vetting.i18n import level_name, verdict_name
from vetting.report import render_html, render_markdown, svg, write_reports
from vetting.report.claims import note_words
from vetting.report.context import build_report
from vetting.templates import labels
from vetting.workflows.compare import compare
from vetting.workflows.inputs import Scored

#: The longest a report without its annex may run, in A4 pages (the issue's measure).
MAX_PAGES = 8
#: ... and the example where nothing is known yet, which lists every question to ask.
#: Back to 10 on 2026-12-07 (11 for a day): the pending table names each knock-out's legal
#: basis and the annex holds its rationale.
MAX_PAGES_UNKNOWN = 10
UNKNOWN = "everything-unknown-pending"
#: Body text is the size most characters are set in.
BODY_PT = 10.0


def poppler(name: str) -> str:
    found = shutil.which(name) or str(Path(pdftotext()).with_name(name))
    if not Path(found).exists():
        pytest.skip(f"{name} is not installed (CI installs it: apt-get install poppler-utils)")
    return found


def page_count(path: Path) -> int:
    out = subprocess.run([poppler("pdfinfo"), str(path)], capture_output=True, text=True).stdout
    match = re.search(r"^Pages:\s+(\d+)", out, re.M)
    assert match, out
    return int(match.group(1))


def pdf_xml(path: Path) -> str:
    """The PDF as pdftohtml's XML: every run of text with its font, and the outline."""
    proc = subprocess.run(
        [poppler("pdftohtml"), "-xml", "-i", "-zoom", "1", "-stdout", str(path)],
        capture_output=True,
        text=True,
        check=True,
    )
    return proc.stdout


def sizes(xml: str) -> Counter[float]:
    """How many characters are set at each font size (points)."""
    spec = {
        m.group(1): float(m.group(2))
        for m in re.finditer(r'<fontspec id="(\d+)" size="([\d.]+)"', xml)
    }
    count: Counter[float] = Counter()
    for m in re.finditer(r'<text [^>]*font="(\d+)"[^>]*>(.*?)</text>', xml):
        count[spec[m.group(1)]] += len(re.sub(r"<[^>]+>", "", m.group(2)))
    return count


@pytest.fixture(scope="module")
def short_pdfs(tmp_path_factory: pytest.TempPathFactory) -> dict[tuple[str, str], Path]:
    """Every example's PDF without the annex, in both languages."""
    need_weasyprint()
    out: dict[tuple[str, str], Path] = {}
    for lang in LANGS:
        for name in EXAMPLE_NAMES:
            answers, assessment = example(name)
            folder = tmp_path_factory.mktemp(f"{name}-{lang}")
            (path,) = write_reports(
                assessment, ruleset(), answers, ("pdf",), folder, lang, annex=False
            )
            out[(name, lang)] = path
    return out


@pytest.mark.slow
@pytest.mark.parametrize("lang", LANGS)
@pytest.mark.parametrize("name", EXAMPLE_NAMES)
def test_without_the_annex_every_example_is_read_in_a_meeting(
    short_pdfs: dict[tuple[str, str], Path], name: str, lang: str
) -> None:
    path = short_pdfs[(name, lang)]
    limit = MAX_PAGES_UNKNOWN if name == UNKNOWN else MAX_PAGES
    assert page_count(path) <= limit
    count = sizes(pdf_xml(path))
    body, _ = count.most_common(1)[0]
    assert body >= BODY_PT, count
    # Smaller text (references, page headers, footnotes) stays the exception.
    small = sum(n for size, n in count.items() if size < BODY_PT)
    assert small / sum(count.values()) < 0.3, count
    # Fonts embedded, text selectable.
    fonts = subprocess.run([poppler("pdffonts"), str(path)], capture_output=True, text=True)
    rows = fonts.stdout.splitlines()[2:]
    assert rows and all(row.split()[-5] == "yes" for row in rows), fonts.stdout
    assert (
        "\f" in subprocess.run([pdftotext(), str(path), "-"], capture_output=True, text=True).stdout
    )


def _page_one(path: Path) -> str:
    proc = subprocess.run(
        [pdftotext(), "-f", "1", "-l", "1", "-enc", "UTF-8", str(path), "-"],
        capture_output=True,
        text=True,
        check=True,
    )
    return " ".join(proc.stdout.split())


@pytest.mark.slow
@pytest.mark.parametrize(
    ("answers_file", "lang", "recorded"),
    [
        ("us-chatbot-reject.yaml", "fr", False),
        ("triage-pending.yaml", "en", False),
        ("reviews/triageplus-2027.yaml", "fr", True),
        ("reviews/dictanote-pilot.yaml", "en", True),
    ],
)
def test_page_one_states_the_decision_to_sign(
    tmp_path: Path, answers_file: str, lang: str, recorded: bool
) -> None:
    need_weasyprint()
    compiled = ruleset()
    answers, _ = load_answers(EXAMPLES / answers_file, compiled)
    from vetting.assess.score import score

    assessment = score(compiled, answers)
    (path,) = write_reports(assessment, compiled, answers, ("pdf",), tmp_path, lang)
    text = _page_one(path)
    L = labels(lang)
    assert verdict_name(assessment.verdict, lang).upper() in text.upper()
    assert level_name(assessment.level, lang) in text
    assert f"{compiled.ruleset.id} {compiled.ruleset.version}" in text
    assert " ".join(L["h_decision"].split()) in text
    if recorded:
        assert answers.decision is not None
        assert L[f"outcome_{answers.decision.outcome}"] in text
        assert answers.decision.by in text
    else:
        assert L["decision_signature"] in text and L["decision_outcome_choices"][:20] in text
    for q in compiled.questions:
        assert q.id not in text, q.id


@pytest.mark.slow
def test_with_the_annex_the_pdf_has_a_bookmark_for_each_part(tmp_path: Path) -> None:
    need_weasyprint()
    answers, assessment = example("triage-pending")
    (path,) = write_reports(assessment, ruleset(), answers, ("pdf",), tmp_path, "fr")
    outline = pdf_xml(path).partition("<outline>")[2]
    items = [
        " ".join(re.sub(r"<[^>]+>", "", m).split())
        for m in re.findall(r"<item[^>]*>(.*?)</item>", outline)
    ]
    L = labels("fr")
    for key in (
        "h_sheet",
        "h_knockouts",
        "h_pending",
        "h_actions",
        "h_findings_by_section",
        "h_method",
        "h_appendix",
        "h_sources",
    ):
        assert any(item.startswith(" ".join(L[key].split())) for item in items), (key, items)


class _Visible(HTMLParser):
    """The text a reader sees outside the annex (and outside the page's head)."""

    def __init__(self) -> None:
        super().__init__()
        self.text: list[str] = []
        self.skip = 0
        self.depth = 0

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if self.skip:
            self.skip += tag == "section"
        elif tag in ("style", "title") or ("id", "appendix") in attrs or ("id", "sources") in attrs:
            self.skip = 1

    def handle_endtag(self, tag: str) -> None:
        if self.skip and (tag == "section" or tag in ("style", "title")):
            self.skip -= 1

    def handle_data(self, data: str) -> None:
        if not self.skip:
            self.text.append(data)


@pytest.mark.parametrize("lang", LANGS)
@pytest.mark.parametrize("name", EXAMPLE_NAMES)
def test_internal_ids_appear_only_in_the_annex(name: str, lang: str) -> None:
    answers, assessment = example(name)
    compiled = ruleset()
    parser = _Visible()
    parser.feed(render_html(assessment, compiled, answers, lang))
    body = " ".join(parser.text)
    markdown = render_markdown(assessment, compiled, answers, lang, annex=False)
    for q in compiled.questions:
        assert q.id not in body, q.id
        assert q.id not in markdown, q.id


@pytest.mark.parametrize("lang", LANGS)
@pytest.mark.parametrize("name", EXAMPLE_NAMES)
def test_page_one_of_a_conditional_verdict_says_what_the_conditions_are(
    name: str, lang: str
) -> None:
    """ "Accept with conditions" is signed on page 1: the conditions are there, the serious
    findings with what to do, then the clauses to negotiate; no other verdict lists them."""
    answers, assessment = example(name)
    compiled = ruleset()
    report = build_report(assessment, compiled, answers, lang, annex=False)
    conditions = report.sheet.conditions
    if assessment.verdict != "conditional":
        assert conditions == ()
        return
    serious = [
        f
        for f in assessment.findings
        if f.severity in ("critical", "high") and not f.pending and not f.knockout
    ]
    negotiate = [c for c in report.clauses if c.required]
    assert conditions and len(conditions) == len(serious) + len(negotiate)
    page_one = render_markdown(assessment, compiled, answers, lang, annex=False).split("\n## ")[1]
    heading = labels(lang)["sheet_conditions"]
    assert f"**{heading} ({len(conditions)})**" in page_one
    assert conditions[0].title in page_one


@pytest.mark.parametrize("lang", LANGS)
@pytest.mark.parametrize("name", EXAMPLE_NAMES)
def test_a_low_score_beside_a_knockout_says_it_does_not_decide(name: str, lang: str) -> None:
    """A rejected tool's 4.6 / 100 must not read as a safe tool's: beside the score, page 1
    says the knock-outs decide, and only when one holds."""
    answers, assessment = example(name)
    compiled = ruleset()
    words = labels(lang)["score_not_deciding"]
    for page in (
        render_markdown(assessment, compiled, answers, lang, annex=False),
        render_html(assessment, compiled, answers, lang),
    ):
        head = page.split(labels(lang)["sheet_blocking"])[0]
        assert (words.replace("'", "&#39;") in head or words in head) == bool(assessment.knockouts)


@pytest.mark.parametrize("name", EXAMPLE_NAMES)
def test_why_a_change_falls_short_is_said_in_the_reports_language(name: str) -> None:
    """The JSON keeps the explanation's notes in English; a French report says them in
    French, with the blocking items by name, not by id."""
    answers, assessment = example(name)
    compiled = ruleset()
    markdown = render_markdown(assessment, compiled, answers, "fr")
    assert assessment.explanation is not None
    reasons = [w.reason for w in assessment.explanation.what_would_change if w.reason]
    for english in (*NOTES.values(), CANNOT_BE_LIFTED.strip()):
        assert english not in markdown
    words = labels("fr")
    for reason in reasons:
        said = words[f"whatif_note_{reason}"].split("{")[0]
        assert said in markdown, reason


@pytest.mark.parametrize("lang", LANGS)
@pytest.mark.parametrize("key", [*NOTES, "cannot_be_lifted"])
def test_every_note_is_worded_in_the_reports_language(lang: str, key: str) -> None:
    """Every note the explanation can give, the examples' or not; the items that cannot be
    lifted are named, each of them."""
    words = labels(lang)
    blocked = ("hosting.location", "reuse.training") if key == "cannot_be_lifted" else ()
    english = NOTES.get(key) or f"{CANNOT_BE_LIFTED}{', '.join(blocked)}"
    whatif = WhatIf(
        target="knockout", reached=False, changes=(), verdict="reject", level="critical",
        score=50.0, note=english, reason=key, blocked_by=blocked,
    )  # fmt: skip
    said = note_words(whatif, words, lambda qid: f"<{qid}>")
    if key == "cannot_be_lifted":
        items = "<hosting.location>, <reuse.training>"
        assert said == words["whatif_note_cannot_be_lifted"].replace("{items}", items)
    else:
        assert said == words[f"whatif_note_{key}"]
    assert said != english or lang == "en"


@pytest.mark.parametrize("lang", LANGS)
def test_findings_are_named_by_their_short_title(lang: str) -> None:
    answers, assessment = example("us-chatbot-reject")
    compiled = ruleset()
    report = build_report(assessment, compiled, answers, lang)
    titles = {
        (compiled.question_by_id[f.question_id].short_title or {})[lang]
        for s in report.sections
        for f in (*s.cards, *s.rows, *s.minor)
        if f.question_id
    }
    assert titles
    assert {ko.title for ko in report.knockouts} <= {
        q.short_title[lang] for q in compiled.questions if q.short_title
    }


def test_no_threshold_mark_crosses_a_section_name() -> None:
    answers, assessment = example("chatbot-conditional")
    report = build_report(assessment, ruleset(), answers, "fr")
    chart = report.chart
    for bar in chart.bars:
        # A label's lowest stroke (its descenders) stays above the top of every mark.
        assert float(bar.tick_top) > float(bar.label_y) + svg.LABEL_SIZE * 0.25
        assert float(bar.tick_top) < float(bar.bar_y)
        # The value is right of the track, where no mark is drawn.
        assert float(bar.value_x) > chart.plot_width
    tops = [float(b.label_y) - svg.LABEL_SIZE for b in chart.bars[1:]]
    bottoms = [float(b.tick_bottom) for b in chart.bars[:-1]]
    assert all(bottom < top for bottom, top in zip(bottoms, tops, strict=True))


def test_compare_never_marks_a_rejected_tool_best() -> None:
    compiled = ruleset()
    items = []
    for name in ("chatbot-conditional", "us-chatbot-reject"):
        answers, assessment = example(name)
        items.append(Scored(f"{name}.yaml", answers, assessment))
    comparison = compare(compiled, items, "en")
    rejected = [i.assessment.verdict == "reject" for i in items]
    assert rejected == [False, True]
    cells = [row.cells for section in comparison.sections for row in section.rows]
    assert not any(c[1].best for c in cells)
    # Rows where the rejected tool scores lower: before, it stood out as the best.
    assert any(
        c[1].risk is not None and c[0].risk is not None and c[1].risk < c[0].risk for c in cells
    )


def _drop_short_title(folder: Path, qid: str) -> None:
    for path in folder.glob("*.yaml"):
        text = path.read_text(encoding="utf-8")
        pattern = rf"(- id: {re.escape(qid)}\n)\s+short_title: .*\n"
        new = re.sub(pattern, r"\1", text)
        if new != text:
            path.write_text(new, encoding="utf-8")
            return
    raise AssertionError(qid)


def test_check_refuses_a_missing_short_title_where_the_rule_set_requires_it(
    tmp_path: Path, cli: Callable[..., Result]
) -> None:
    folder = tmp_path / "health-ai"
    shutil.copytree(ROOT / "rules" / "health-ai", folder)
    _drop_short_title(folder, "hosting.location")
    result = cli("check", str(folder))
    assert result.code == 2
    assert re.search(
        r"hosting\.yaml:\d+:\d+: questions\[\d+\]\.id: question 'hosting.location' has no "
        r"short_title: this rule set requires it \(require: \[short_title\] in ruleset.yaml\)",
        result.err,
    ), result.err


def test_check_warns_about_a_missing_short_title_elsewhere(
    tmp_path: Path, cli: Callable[..., Result]
) -> None:
    result = cli("check", str(ROOT / "tests" / "fixtures" / "rules" / "mini"))
    assert result.code == 0, result.err
    assert "warning: " in result.err and "has no short_title" in result.err
    assert ": ok: rule set" in result.out


def test_check_refuses_a_short_title_that_is_not_short(
    tmp_path: Path, cli: Callable[..., Result]
) -> None:
    folder = tmp_path / "health-ai"
    shutil.copytree(ROOT / "rules" / "health-ai", folder)
    path = folder / "hosting.yaml"
    text = path.read_text(encoding="utf-8")
    path.write_text(
        text.replace('en: "Hosting location"', 'en: "' + "Where the data are kept " * 3 + '"'),
        encoding="utf-8",
    )
    result = cli("check", str(folder))
    assert result.code == 2
    assert "short_title.en: short_title is 72 characters long: at most 60" in result.err


def test_health_ai_names_every_question_in_both_languages() -> None:
    compiled = ruleset()
    assert "short_title" in compiled.ruleset.require
    assert compiled.warnings == ()
    for q in compiled.questions:
        assert q.short_title is not None and set(q.short_title) == {"fr", "en"}, q.id


def test_the_page_header_names_tool_verdict_and_date(tmp_path: Path) -> None:
    need_weasyprint()
    answers, assessment = example("triage-pending")
    (path,) = write_reports(assessment, ruleset(), answers, ("pdf",), tmp_path, "fr", annex=False)
    for number, page in enumerate(pages(path), start=1):
        head = " ".join(page.strip().splitlines()[0].split())
        assert head.startswith("TriagePlus"), number
        assert "24 novembre 2026" in head and "en attente de preuves" in head, (number, head)


@pytest.mark.parametrize("lang", LANGS)
def test_the_checklist_names_each_question_by_its_short_title_first(lang: str) -> None:
    import io

    import openpyxl

    from vetting.checklist import checklist_xlsx

    compiled = ruleset()
    book = openpyxl.load_workbook(io.BytesIO(checklist_xlsx(compiled, lang)))
    sheet = book[labels(lang)["xlsx_sheet_checklist"]]
    keys = [c.value for c in sheet[1]]
    found = {
        row[keys.index("id")]: row[keys.index("question")]
        for row in sheet.iter_rows(min_row=3, values_only=True)
    }
    for q in compiled.questions:
        title, _, text = str(found[q.id]).partition("\n")
        assert q.short_title is not None
        # The short title, then the full question the vendor answers.
        assert title == q.short_title[lang] and len(text) > len(title), q.id
