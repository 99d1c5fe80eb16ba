"""Quotas: minimums (or exact allocations) a plan imposes on a kind of unit (``Mỗi phường … ít nhất 03 mô hình``,
``100% chi bộ đăng ký …``, ``Có ≥ 30% doanh nghiệp …``, an ``Đơn vị | Số lượng`` table).

Triggers are spaCy ``Matcher`` patterns over underthesea words (``ít nhất``, ``tối thiểu`` are one
token each), matched on a tone-folded lower-case norm so ``tối thiểu`` and old-style spellings
agree. Each match is read in two contexts:

* the document's outline (:func:`_read_sections`): the lead-in of the list an item belongs to, whether a
  results heading (or a report outside its forward-looking part) or a target heading encloses it, whether
  it sits in a scoring scheme;
* the sentence: the subject is the noun phrase before the trigger once time adverbials, connectors, aim
  and opening verbs are peeled off (:func:`_bare_subject`); with none, a share's population after the number
  (:func:`_units_after`, up to where its predicate starts); with none either, the lead-in, then the issuer.

What is NOT a quota: caps and ceilings (``được đề xuất 01 tập thể``, ``tối đa``, ``không quá``, ``≤``, ``giảm còn``),
counts without a minimum word (``03 lợi ích``), measures (``>=4m``), states and achieved results (``đã có 95%``,
``Năm 2024, 100% xã đạt …`` in a 2025 plan, a report's results), conditions and permissions (``Nếu …``,
``được phép``), shares of money (``1,7% tổng kinh phí``), vote thresholds, formulas and scoring rules
(:func:`_not_required`, :func:`_awards_points`).
"""
from __future__ import annotations

import functools
import re
from dataclasses import dataclass
from typing import TYPE_CHECKING, Iterator, Optional

from ..model import Document, DocumentMeta, Location, Quota
from . import doubt as doubt_words
from .doubt import Doubt
from .phrases import BODY_START, PREDICATE_RE, heading_bodies, units_phrase
from .structure import LEVEL_TEXT, strip_marker, structure_of
from .. import lexicon
from ..textnorm import match_key

if TYPE_CHECKING:  # pragma: no cover
    from spacy.matcher import Matcher
    from spacy.tokens import Doc, Span

_SMALL_NUMBERS = {w: int(v) for w, v in lexicon.mapping("small_numbers").items()}
_NUM = {"NORM": {"REGEX": r"^(\d{1,4}|\d{1,3},\d{1,2}|" + "|".join(_SMALL_NUMBERS) + r")$"}}
_PCT = {"NORM": "%", "OP": "?"}

# Word lists (pipeline/lexicon/quotas.txt), as match keys.
_CAP_WORDS = lexicon.keys("cap_words")  # a count after them is a cap, not a minimum
_VERBS = lexicon.keys("subject_verbs_trailing")  # between the subject and the trigger
_PCT_VERBS = lexicon.keys("percent_obligation_verbs")  # "N% <unit> <verb>": an obligation on those units
_TARGET_BEFORE = lexicon.keys("target_measures")
_FORWARD = lexicon.keys("target_words")  # a target rather than a report
_PAST = lexicon.keys("result_words")  # an achieved result
_MIN_WORDS = lexicon.keys("minimum_words")
_DANGLING = lexicon.keys("dangling_words")  # a subject never ends on these
_LABELS = lexicon.keys("quota_labels")  # a list's label, not a kind of unit
_ORDINAL_BEFORE = lexicon.keys("ordinal_before")  # "năm 2024", "mục 2": a label, not a count
_ABOVE_CONTEXT = lexicon.keys("above_context")  # "trên N" = more than N only after these
_MEASURES = lexicon.keys("measure_units")
_CONTRIBUTIONS = lexicon.keys("contribution_units")  # a time unit counting wages or labour: "ngày lương", "ngày công"
_BAND_BEFORE = lexicon.keys("band_words")
_CEILING_WORDS = lexicon.keys("ceiling_words")  # right before a share: a ceiling ("giảm còn dưới 2%", "≤ 5%")
#: Words that open a clause but name nothing: connectors ("Đồng thời,", "Trong đó,"), aim verbs, "có".
_OPENERS = lexicon.keys("clause_connectors") | lexicon.keys("aim_verbs") | {"có", "phải", "cần"}
#: Verbs that open a clause with no subject ("Hình thành ít nhất 20 mô hình", "Tăng tỷ lệ …").
_OPENING_VERBS = lexicon.keys("opening_verbs") | lexicon.keys("action_verbs")
#: Words naming a measured share: after an opening verb, the population follows them ("Tăng tỷ lệ lao động nữ").
_SHARE_WORDS = lexicon.keys("share_words")
_CONDITION_WORDS = lexicon.keys("condition_words")  # a number after them is a condition, up to "thì"
_PERMISSION_WORDS = lexicon.keys("permission_words")  # "được phép": an allowance, not a minimum
_MONEY_WORDS = lexicon.keys("money_words")  # "1,7% tổng kinh phí": a share of money, not of units
_COMPLETION_VERBS = lexicon.keys("completion_verbs")  # "hoàn thành 100% …": a share of a task to get done
_VOTE_WORDS = lexicon.keys("vote_words")  # "trên 50% số phiếu": an eligibility threshold
_OPERATORS = {"=", "*", "×", "x", "+", "/"}
_COUNT_WORDS = {"số", "số lượng"}  # "100% số nạn nhân": the people counted, not "the number of"
_CONJUNCTIONS = {"và", "hoặc", "rồi"}
_AGENT_HEADS = lexicon.keys("agent_heads")  # "người nộp thuế": a verb after them names the agent, not a predicate
_TIME_PREPOSITIONS = lexicon.keys("time_prepositions")
_PERIOD_KEYS = lexicon.keys("period_words")


@functools.lru_cache(maxsize=1)
def _matcher() -> "Matcher":
    from .nlp import get_nlp

    vocab = get_nlp().vocab  # first: spaCy loaded the light way (pipeline/extractors/nlp.py)
    from spacy.matcher import Matcher

    matcher = Matcher(vocab)
    matcher.add("MIN", [
        [{"NORM": {"IN": ["ít nhất", "tối thiểu", "ít ra"]}}, _NUM, _PCT],
        [{"NORM": "ít"}, {"NORM": "nhất"}, _NUM, _PCT],
        [{"NORM": "tối"}, {"NORM": "thiểu"}, _NUM, _PCT],
        [{"NORM": "không"}, {"NORM": {"IN": ["dưới", "ít hơn"]}}, _NUM, _PCT],
        [{"NORM": "không"}, {"NORM": "ít"}, {"NORM": "hơn"}, _NUM, _PCT],
        [{"NORM": {"IN": ["≥", "⩾"]}}, _NUM, _PCT],  # "Có ≥ 30% doanh nghiệp …" in a target list
        [{"NORM": ">"}, {"NORM": "="}, _NUM, _PCT],
    ])
    matcher.add("ABOVE", [[{"NORM": {"IN": ["trên", "hơn", "vượt", ">"]}}, _NUM, _PCT]])
    matcher.add("RANGE", [[{"NORM": "từ"}, _NUM, {"NORM": {"IN": ["đến", "-", "–", "tới"]}}, _NUM, _PCT]])
    matcher.add("UPWARDS", [[_NUM, _PCT, {"OP": "*", "IS_PUNCT": False, "IS_SPACE": False}, {"NORM": "trở"},
                             {"NORM": "lên"}]])
    matcher.add("EACH", [[{"NORM": {"IN": ["mỗi", "từng", "mỗi một"]}}]])
    matcher.add("PCT", [[{"NORM": {"REGEX": r"^\d{1,3}([.,]\d+)?$"}}, {"NORM": "%"}]])
    return matcher


def _number(token_text: str):
    """An int for ``03``/``ba``, a float for a decimal comma (``92,5`` is 92.5, never 92)."""
    key = match_key(token_text)
    if key.isdigit():
        return int(key)
    m = re.fullmatch(r"(\d{1,3})[,.](\d{1,2})", key)
    if m:
        value = float(f"{m.group(1)}.{m.group(2)}")
        return int(value) if value.is_integer() else value
    return _SMALL_NUMBERS.get(key)


def _normalize(doc: "Doc") -> None:
    """Token norms = tone-folded lower case, so patterns see one spelling."""
    for tok in doc:
        tok.norm_ = match_key(tok.text)


#: Requirements sit in prose or small tables; big tables are registration data.
_MAX_TABLE_ROWS = 60

_CANDIDATE = re.compile(r"\d|\b(một|hai|ba|bốn|sáu|bảy|tám|chín|mười)\b", re.I)
_TRIGGER_TEXT = re.compile(r"ít nhất|tối thiểu|chỉ tiêu|không dưới|không ít hơn|trên\s+\d|hơn\s+\d|mỗi|từng|%|trở lên|"
                           r"từ\s+\d+\s*(đến|-|–|tới)\s*\d|[≥⩾>]", re.I)


def extract_quotas(doc: Document, meta: DocumentMeta, warnings: list[str]) -> list[Quota]:
    """Quotas of every paragraph (body paragraphs and rows of small tables, from the structural view)
    that contains a trigger word and a number, read in the context of the sections enclosing it."""
    out: list[Quota] = []
    st = structure_of(doc)
    big = {i for i, t in st.tables.items() if t.n_rows > _MAX_TABLE_ROWS}
    for i in sorted(big):
        warnings.append(f"quotas: table {i} has {st.tables[i].n_rows} rows; "
                        f"not searched for quotas (a data table, not a requirement)")
    paras = sorted(st.body + [r for r in st.table_rows if r.table not in big], key=lambda p: p.order)
    doc_year = int(meta.issued_on[:4]) if meta.issued_on and meta.issued_on[:4].isdigit() else None
    headings: dict[int, Optional[str]] = {}
    for para, ctx in _read_sections(st, paras, report=meta.kind == "report"):
        text = para.text
        if ctx.scoring or not (_CANDIDATE.search(text) and (ctx.allocation or _TRIGGER_TEXT.search(match_key(text)))):
            continue
        for start, end in _sentences(text):
            sentence = text[start:end]
            location = para.location_at(start)
            for quota in quotas_in_sentence(sentence, ctx.lead_in, results_context=ctx.results,
                                            target_context=ctx.target, doc_year=doc_year,
                                            allocation_context=ctx.allocation):
                quota.location = location
                quota.confidence = para.confidence  # OCR confidence for now; judged below
                headings[id(quota)] = ctx.heading_units
                out.append(quota)
    out.extend(_allocations(st, paras, big, {(q.location.table, q.location.row) for q in out}, meta))
    for quota in out:
        _judge(quota, meta, headings.get(id(quota)))
    return _dedupe(out)


# --------------------------------------------------------------------------- allocation tables

_UNIT_COLUMN = re.compile(r"^(?:tên\s+)?(?:" + lexicon.pattern("allocation_unit_columns") + r")(?!\w)", re.I)
_COUNT_COLUMN = re.compile(r"^(?:" + lexicon.pattern("allocation_count_columns") + r")(?!\w)", re.I)
_NOT_ALLOCATION = re.compile(r"(?<!\w)(?:" + lexicon.pattern("not_allocation_columns") + r")(?!\w)", re.I)
_MEASURE_COLUMN = re.compile(r"^(?:đơn\s+vị\s+tính|đvt)(?!\w)", re.I)  # the unit of measure, not of the units
_TOTAL_ROW = re.compile(r"^\s*(?:" + lexicon.pattern("total_rows") + r")(?!\w)", re.I)


def _allocations(st, paras: list, big: set, taken: set, meta: DocumentMeta) -> list[Quota]:
    """``Đơn vị | Số lượng`` tables: each row allocates an exact number to the unit it names.

    A table is an allocation when one header names the units (``Đơn vị``, ``Khối``, ``Xã, phường`` …) and
    another the number each gets (``Số lượng``, ``Chỉ tiêu``, ``Phân bổ``, ``Số mô hình`` …), and no header
    speaks of results, rates, money or points. Totals and sub-headings are not rows; the rows of a
    results section or of a report's results are no allocation."""
    contexts = {}
    for para, ctx in _read_sections(st, paras, report=meta.kind == "report"):
        if para.table is not None:
            contexts.setdefault(para.table, ctx)
    out: list[Quota] = []
    for index, table in sorted(st.tables.items()):
        ctx = contexts.get(index)
        if index in big or ctx is None or ctx.results or ctx.scoring or meta.kind == "registration_form":
            continue
        found = _allocation_columns(table)
        if found is None:
            continue
        header_row, unit_col, count_col, item = found
        for r, row in enumerate(table.rows):
            if r <= header_row or (index, r) in taken:
                continue
            cells = {c.column: c for c in row}
            unit, count = cells.get(unit_col), cells.get(count_col)
            if unit is None or count is None:
                continue
            name = " ".join(unit.text.split()).strip(" .;:*")
            value = count.text.strip(" .*")
            if not re.fullmatch(r"\d{1,4}", value) or not re.search(r"[^\W\d_]", name) or _TOTAL_ROW.match(name):
                continue
            q = Quota(subject=name, minimum=int(value), item=item, text=" | ".join(c.text for c in row),
                      unit="count", exact=True)
            q.location = Location(page=count.location.page, line=count.location.line, table=index, row=r)
            q.confidence = min((c.confidence for c in row if c.confidence is not None), default=None)
            out.append(q)
    return out


def _allocation_columns(table) -> Optional[tuple[int, int, int, Optional[str]]]:
    """(header row, unit column, count column, counted item) of an allocation table, or None."""
    for r, row in enumerate(table.rows[:3]):
        heads = {c.column: " ".join(c.text.split()).strip(" *:") for c in row}
        unit_col = next((k for k, h in heads.items() if _UNIT_COLUMN.match(h) and not _MEASURE_COLUMN.match(h)), None)
        count_col = next((k for k, h in heads.items() if k != unit_col and _COUNT_COLUMN.match(h)), None)
        if unit_col is None or count_col is None:
            continue
        if any(_NOT_ALLOCATION.search(h) for k, h in heads.items() if k != unit_col):
            return None
        words = re.sub(r"^(?:số\s+lượng|chỉ\s+tiêu|phân\s+bổ|số)\s*", "", heads[count_col], flags=re.I)
        item = re.sub(r"\([^)]*\)", "", words).strip(" ,:") or None
        return r, unit_col, count_col, item
    return None


#: How much each doubt a quota's reading leaves costs its confidence (the reasons live in ``doubt``).
_DOUBT_WEIGHTS = {
    doubt_words.SUBJECT_MISSING: 0.3,
    doubt_words.SUBJECT_FROM_ISSUER: 0.2,  # "Hình thành ít nhất 20 mô hình": whose target is it really?
    doubt_words.QUOTA_IN_REPORT: 0.2,  # a report's forward part may still restate results
    doubt_words.TARGET_FROM_SHAPE: 0.1,  # "100% xã bố trí …": no minimum word, read from the sentence's shape
    doubt_words.SUBJECT_FROM_LEAD_IN: 0.05,
    doubt_words.SUBJECT_FROM_HEADING: 0.1,  # the section heading, not the sentence, names the bodies  # the list's lead-in, not the sentence, names the units
}


def _judge(quota: Quota, meta: DocumentMeta, heading_units: Optional[str] = None) -> None:
    """Confidence and review reasons: the doubts noted while reading (in ``quota.review``), the issuer taken as
    the subject, a report's target, a missing subject, OCR."""
    ocr, quota.confidence = quota.confidence, None
    noted, quota.review = list(quota.review), []
    if quota.subject is None and heading_units:
        quota.subject = heading_units  # "5.1. Các tổ chức chính trị - xã hội" / "- Đăng ký ít nhất 01 mô hình"
        noted.append(doubt_words.SUBJECT_FROM_HEADING)
    if quota.subject is None and meta.issuer:
        # "Kết nạp ít nhất 02 đảng viên mới" in a chi bộ's resolution: the target falls on the issuer
        quota.subject = meta.issuer
        noted.append(doubt_words.SUBJECT_FROM_ISSUER)
    if meta.kind == "report":
        noted.append(doubt_words.QUOTA_IN_REPORT)
    if quota.subject is None:
        noted.append(doubt_words.SUBJECT_MISSING)
    doubt = Doubt(0.85)
    for reason in noted:
        doubt.add(True, reason, _DOUBT_WEIGHTS[reason])
    doubt.ocr(ocr).apply(quota)


# --------------------------------------------------------------------------- sections


@dataclass
class _Context:
    """What the sections enclosing a paragraph say about the numbers in it."""

    lead_in: Optional[str] = None  # the units named by the lead-in of the list the paragraph is an item of
    results: bool = False  # under a heading of achieved results (a report's "KẾT QUẢ ĐẠT ĐƯỢC")
    target: bool = False  # under a heading or lead-in of targets ("Chỉ tiêu", "Mục tiêu", "phấn đấu … sau:")
    allocation: bool = False  # that heading assigns figures ("1. Chỉ tiêu", "Giao chỉ tiêu"), not aims ("Mục tiêu")
    scoring: bool = False  # in a scoring scheme ("Thang điểm", "Hướng dẫn chấm điểm"): conditions for points
    heading_units: Optional[str] = None  # the bodies an enclosing heading names ("5.1. Các tổ chức chính trị - xã hội")


@dataclass
class _LeadIn:
    level: int
    text: str  # the lead-in as written, without its marker and colon
    first_item: Optional[int] = None  # outline level of the first paragraph under it


def _read_sections(st, paras: list, report: bool = False) -> Iterator[tuple]:
    """Each paragraph with its :class:`_Context`, from the document's outline.

    A list's lead-in (``Mỗi tổ hội:``, ``a) Đối với các xã:``) speaks for the items under it and for
    nothing after them: its scope ends at the next paragraph of its own outline level or higher (an
    unmarked lead-in: at a heading, or at unmarked text after its marked items). Results and target
    headings speak for the paragraphs they enclose (``Structure.parents``). A scoring scheme (an annex
    or section whose title speaks of points) holds conditions for points, not quotas, to the next annex.
    In a report, what no forward-looking heading (``Phương hướng``, ``Nhiệm vụ``, ``Mục tiêu`` …) encloses
    reports results."""
    open_: list[_LeadIn] = []
    scoring_annex = False
    in_annex_title = False
    last_body = None
    for para in paras:
        if para.table is not None:  # a table row reads in the context of the prose before it
            ctx = _context_of(st, last_body, open_, report) if last_body is not None else _Context(results=report)
            ctx.scoring = ctx.scoring or scoring_annex or _scoring_table(st, para.table)
            yield para, ctx
            continue
        last_body = para
        key = match_key(para.text)
        if _ANNEX_START.match(para.text):
            scoring_annex, in_annex_title = False, True
        if in_annex_title:
            if para.heading or _ANNEX_START.match(para.text):
                scoring_annex = scoring_annex or _has_scoring_word(key)
            else:
                in_annex_title = False
        _close_lead_ins(open_, para)
        ctx = _context_of(st, para, open_, report)
        ctx.scoring = ctx.scoring or scoring_annex
        yield para, ctx
        body = _strip_bullet(para.text).strip(" *")
        if body.endswith(":"):
            open_.append(_LeadIn(para.level, body[:-1].strip()))


def _close_lead_ins(open_: list[_LeadIn], para) -> None:
    """Close the lead-ins whose list ``para`` is not part of (see :func:`_read_sections`)."""
    while open_:
        top = open_[-1]
        if top.first_item is None:
            top.first_item = para.level
        if top.level < LEVEL_TEXT:
            ended = para.level <= top.level
        else:
            ended = para.heading or (top.first_item < LEVEL_TEXT and para.level >= LEVEL_TEXT) \
                or (top.first_item >= LEVEL_TEXT and para.level < LEVEL_TEXT and top.first_item != para.level)
        if not ended:
            return
        open_.pop()


def _context_of(st, para, open_: list[_LeadIn], report: bool = False) -> _Context:
    ctx = _Context()
    forward = False
    for lead in reversed(open_):
        if len(lead.text) >= _LONG_LEAD_IN:
            continue  # a long paragraph ending on a colon announces its list; it names no units
        units = _lead_in(lead.text)
        if units and not _is_label(units):
            ctx.lead_in = units
            break
    chain = ([para] if para.heading else []) + st.parents(para)
    ctx.heading_units = next((u for u in map(_heading_units, st.parents(para)) if u), None)
    for p in chain:  # nearest first: the closest results or target heading decides
        title = match_key(strip_marker(p.text)).strip(" :*")
        if _has_scoring_word(title):
            ctx.scoring = True
        if _RESULTS_HEADING.match(title):
            ctx.results = True
            break
        if _TARGET_HEADING.match(title) or (p is not para and title and re.search(_TARGET_LEAD_IN, title)
                                              and p.text.rstrip(" *").endswith(":")):
            ctx.target = True
            ctx.allocation = bool(_ALLOCATION_HEADING.match(title))
            break
        forward = forward or bool(_FORWARD_HEADING.match(title))
    if not ctx.target and any(re.search(_TARGET_LEAD_IN, match_key(lead.text)) for lead in open_):
        ctx.target = True
    if report and not (ctx.target or forward):
        ctx.results = True  # a report states results unless a forward-looking section says otherwise
    return ctx


_LONG_LEAD_IN = 160


def _heading_units(p) -> Optional[str]:
    """The bodies a section heading names (the noun-phrase reading the timeline uses for a task's owner)."""
    if not (p.heading or p.marker):
        return None
    text = strip_marker(p.text).strip(" *")
    if _ENDS_CLAUSE.search(text.split(":", 1)[0].strip()):
        return None
    return heading_bodies(text)


_ENDS_CLAUSE = re.compile(r"[.;!?]$")
#: A lead-in that announces targets ("Phấn đấu đến cuối năm 2025 đạt các mục tiêu, chỉ tiêu sau:").
_TARGET_LEAD_IN = r"\b(?:chỉ tiêu|mục tiêu|phấn đấu)\b"
_ANNEX_START = re.compile(r"^\s*\**\s*" + lexicon.pattern("annex_words") + r"(?!\w)", re.I)
_SCORING = re.compile(r"(?<!\w)(?:" + lexicon.pattern("scoring_words") + r")(?!\w)", re.I)


def _has_scoring_word(key: str) -> bool:
    return bool(_SCORING.search(key))


_POINTS = re.compile(r"\d\s*điểm(?!\w)", re.I)


def _awards_points(sentence: str) -> bool:
    """A sentence of a scoring scheme: it names one (``chấm điểm``, ``điểm chuẩn``) or gives points (``cộng 05 điểm``)."""
    return _has_scoring_word(match_key(sentence)) or bool(_POINTS.search(sentence))


def _scoring_table(st, index: int) -> bool:
    """A table whose header row speaks of points (``Điểm chuẩn``, ``Điểm tối đa``) is a scoring scheme."""
    table = st.tables.get(index)
    if table is None or not table.rows:
        return False
    header = " ".join(c.text for row in table.rows[:2] for c in row)
    return _has_scoring_word(match_key(header)) or bool(re.search(r"(?<!\w)điểm(?!\w)", match_key(header)))


#: The enacting words closing a lead-in ("Chi bộ thôn 5 quyết nghị:", "… như sau:").
_ENACTING = re.compile(r"\s+(?:quyết nghị|quyết định|thống nhất|ban hành|như sau|cụ thể như sau|gồm|bao gồm)\s*$", re.I)
_BASIS_START = re.compile(r"^\s*(?:căn cứ|thực hiện|theo|xét|trên cơ sở)\b", re.I)


def _lead_in(text: str) -> Optional[str]:
    """The units a list's lead-in names: its last clause without the enacting words ("Căn cứ …; Chi bộ thôn 5
    quyết nghị" → "Chi bộ thôn 5"); a legal basis names none."""
    clause = re.split(r"[;.]\s+", text.strip())[-1]
    clause = _ENACTING.sub("", clause).strip(" ,")
    if not clause or _BASIS_START.match(clause):
        return None
    return _bare_subject(clause) or None


#: Section headings that introduce achieved results (a report's "I. KẾT QUẢ ĐẠT ĐƯỢC").
_RESULTS_HEADING = re.compile("^" + lexicon.pattern("results_headings"))
#: Headings that announce targets (``2. Chỉ tiêu``, ``II. MỤC TIÊU``).
_TARGET_HEADING = re.compile("^" + lexicon.pattern("target_headings"))
#: Target headings that assign figures to the units (``1. Chỉ tiêu``, ``Giao chỉ tiêu``): a count stated under them
#: is an allocation even without a minimum word.
_ALLOCATION_HEADING = re.compile("^" + lexicon.pattern("allocation_headings") + r"(?!\w)")
#: Headings of a report's forward-looking part (``III. PHƯƠNG HƯỚNG NHIỆM VỤ …``): plans, not results.
_FORWARD_HEADING = re.compile(r"^(?:\S+\s+){0,2}" + lexicon.pattern("forward_headings"))


def _sentences(text: str) -> list[tuple[int, int]]:
    """Sentence spans: underthesea's sentence splitter (pipeline.extractors.nlp), semicolons kept inside."""
    from .nlp import sentences

    try:
        spans = sentences(text)
    except Exception:  # noqa: BLE001 - a splitter failure must not lose the paragraph
        spans = []
    # a web or mail address is one word: a dot inside it ends no sentence
    inside = [(m.start(), m.end()) for m in _ADDRESS.finditer(text)]
    merged: list[tuple[int, int]] = []
    for start, end in spans:
        if merged and any(a < start < b or a < merged[-1][1] < b for a, b in inside):
            merged[-1] = (merged[-1][0], end)
        else:
            merged.append((start, end))
    return merged or [(0, len(text))]


_ADDRESS = re.compile(r"(?:https?://|www\.)\S+|\S+@\S+\.\w+", re.I)


def _strip_bullet(text: str) -> str:
    return re.sub(r"^\s*(?:[-+•–*]+|\d+(?:\.\d+)*\s*[.)]|[a-zđ]\)|[IVXLC]+\.)\s*", "", text).strip()


def quotas_in_sentence(sentence: str, lead_in: Optional[str] = None, *, results_context: bool = False,
                       target_context: bool = False, doc_year: Optional[int] = None,
                       allocation_context: bool = False) -> list[Quota]:
    """Every quota stated in one sentence (public for tests and for other extractors).

    ``results_context``: the sentence sits in a section reporting results, so only an explicit
    target word (``phấn đấu``) makes a quota; ``target_context``: it sits under ``Chỉ tiêu``, so
    ``đạt 90%`` is a target; ``doc_year``: the document's year (a clause dated only by earlier years reports)."""
    from .nlp import make_doc

    if ";" not in sentence and _awards_points(sentence):
        return []  # "Đơn vị đạt tỷ lệ 100% … được cộng 05 điểm": a condition for points, not a target
    sdoc = make_doc(sentence)
    _normalize(sdoc)
    matches = sorted(_matcher()(sdoc), key=lambda m: (m[1], -m[2]))
    out: list[Quota] = []
    used: set[int] = set()
    vocab = sdoc.vocab.strings
    for match_id, start, end in matches:
        label = vocab[match_id]
        if any(i in used for i in range(start, end)) and label not in ("EACH",):
            continue
        if _awards_points(_clause_around(sdoc, start, end)):
            continue  # points given in this clause; another clause ("…; không có học sinh dưới 1,0 điểm") may not
        if label != "EACH" and _not_required(sdoc, start, end):
            used.update(range(start, end))  # the same number read by another pattern is no requirement either
            continue
        quota = None
        if label == "MIN":
            quota = _from_min(sdoc, start, end)
        elif label == "ABOVE":
            quota = _from_above(sdoc, start, end)
        elif label == "RANGE":
            quota = _from_range(sdoc, start, end)
        elif label == "UPWARDS":
            quota = _from_upwards(sdoc, start, end)
        elif label == "EACH":
            quota = _from_each(sdoc, start, used)
        elif label == "PCT":
            quota = _from_percent(sdoc, start, end, target_context)
        if quota is None:
            continue
        if _is_result(sdoc, start, end, results_context, doc_year):
            continue
        q, span_end = quota
        used.update(range(start, span_end))
        if not q.subject and lead_in and not _is_label(lead_in):
            q.subject = lead_in
            q.review.append(doubt_words.SUBJECT_FROM_LEAD_IN)
        if not q.subject and q.unit == "percent" and label in ("MIN", "UPWARDS", "ABOVE"):
            # "Tối thiểu 80% hồ sơ … được tiếp nhận", "Phấn đấu trên 95% hộ …": no body before the share,
            # so the target is measured on the population after it.
            q.subject = _units_after(sdoc, span_end)[0] or None
        at = sentence.find(q.subject) if q.subject else -1
        if at >= 0:  # what the sentence says right after the units decides whether a verb in them is theirs
            q.subject = units_phrase(q.subject, sentence[at + len(q.subject):])
        q.text = sentence.strip()
        out.append(q)
        if label == "MIN":
            for extra in _coordinated(sdoc, span_end, q, used):
                extra.text = q.text
                out.append(extra)
    if target_context or "chỉ tiêu" in match_key(sentence):
        out.extend(_per_unit(sentence, {q.minimum for q in out}))
    if allocation_context and not results_context:
        out.extend(_allocated(sdoc, used, {q.minimum for q in out}, doc_year))
    return out


def _allocated(sdoc, used: set[int], taken: set, doc_year: Optional[int]) -> list[Quota]:
    """Counts a ``Chỉ tiêu`` section assigns with no minimum word: ``Tổng số 42 công dân, trong đó: nhập ngũ vào
    Quân đội 36 công dân; …`` — each an exact allocation of its item (the category written before the number with
    the noun counted after it). Not a count: years, dates and fractions, labels (``năm``, ``mục``, ``lớp`` …),
    measures, figures in parentheses; any sentence with a cap, minimum or allowance word (those state their own
    bound and the other patterns read them); a result (``Năm 2025 đã có 120 tài khoản``) or a criterion."""
    out: list[Quota] = []
    keys = [match_key(t.text) for t in sdoc]
    if _has_word(keys, _CAP_WORDS | _MIN_WORDS | _PERMISSION_WORDS | _PAST) or _in_past_year(sdoc.text, doc_year) \
            or _ELIGIBILITY.match(_strip_bullet(sdoc.text)):
        return out
    depth = 0
    for i, tok in enumerate(sdoc):
        depth += (tok.text == "(") - (tok.text == ")")
        value = _number(tok.text)
        if depth > 0 or value is None or isinstance(value, float) or i in used or value in taken \
                or 1900 <= value <= 2100:
            continue
        prev = keys[i - 1] if i else ""
        nxt = sdoc[i + 1].text if i + 1 < len(sdoc) else ""
        if prev in _ORDINAL_BEFORE or prev in ("/", "-") or nxt in ("/", "-", "%", ",") \
                or (prev == "," and i > 1 and _number(sdoc[i - 2].text) is not None) or _is_measure(sdoc, i + 1):
            continue  # a label, a date or fraction, a share, one of a list of labels ("loại 1, 2, 3"), a measure
        counted = _item(sdoc, i + 1) if i + 1 < len(sdoc) and not sdoc[i + 1].is_punct else None
        begin = i
        while begin > 0 and sdoc[begin - 1].text not in (";", ":", ".", "(", ")"):
            begin -= 1
        category = _trim_dangling(sdoc[begin:i].text.strip(" ,"))
        if not counted or _CLAUSE_OPENERS.match(category or ""):
            continue
        if _TOTAL_ROW.match(category or ""):
            category = ""
        if category[1:2].islower():
            category = category[0].lower() + category[1:]  # "Kết nạp mới 350 hội viên" → "hội viên kết nạp mới"
        item = " ".join(x for x in (counted, category) if x)
        # the figure applies to what is counted ("36 công dân"); the category before it says which of them
        out.append(Quota(subject=counted, minimum=value, item=item, text="", unit="count", exact=True,
                         review=[doubt_words.TARGET_FROM_SHAPE]))
    return out


#: A category that is a sentence of its own (a verb of aim or a time) is no allocation's category.
_CLAUSE_OPENERS = re.compile(r"^(?:" + lexicon.pattern("aim_verbs") + r"|" + lexicon.pattern("time_prepositions")
                             + r")(?!\w)", re.I)


#: ``05 mô hình/xã``: a count per kind of unit (the word after the slash is the unit).
_PER_UNIT = re.compile(r"(?<![\d/.,])(\d{1,3})\s+([^\d/;:.()|]{2,40}?)\s*/\s*([^\W\d_]+)(?=[\s“\"”,.;:)]|$)")
#: Words after the slash that make a rate over time or a measure ("3 buổi/năm"), not a unit.
_RATE_UNITS = lexicon.keys("rate_units")


def _per_unit(sentence: str, taken: set) -> list[Quota]:
    """``Chỉ tiêu: 05 mô hình/xã`` → Mỗi xã, exactly 5 mô hình (only in a target statement)."""
    out = []
    for m in _PER_UNIT.finditer(sentence):
        value, item, unit = int(m.group(1)), m.group(2).strip(), m.group(3)
        if value in taken or match_key(unit) in _RATE_UNITS or 1900 <= value <= 2100:
            continue
        q = Quota(subject=f"Mỗi {unit}", minimum=value, item=item, text=sentence.strip(), unit="count")
        q.exact = True
        out.append(q)
    return out


# --------------------------------------------------------------------------- context


#: A sentence or clause opening on what defines who qualifies (``Đối tượng …``, ``Điều kiện …``, ``Tiêu chuẩn …``).
_ELIGIBILITY = re.compile(r"^\**\s*" + lexicon.pattern("eligibility_nouns") + r"(?!\w)", re.I)
#: A subject qualified as the ones selected ("Hộ được bình xét danh hiệu …", "Tập thể được đề nghị khen thưởng …"):
#: what it "phải có" are the conditions of being chosen (matched on match keys).
_CHOSEN = re.compile(r"(?<!\w)(?:" + "|".join(re.escape(k) for k in sorted(lexicon.keys("eligibility_passives"),
                                                                          key=len, reverse=True)) + r")(?!\w)")


def _not_required(sdoc, start: int, end: int) -> bool:
    """A number that states no requirement, whatever words surround it:

    - in the condition of a rule (``Nếu có từ 02 địa phương trở lên …``, ``Trường hợp … dưới 30% thì``);
    - in a permission (``được phép``, ``có thể``): an allowance, not a minimum;
    - a share of money (``bằng 1,7% tổng kinh phí``, ``40% GRDP``): a budget or a ratio;
    - a pick among a set (``ít nhất một trong các dịch vụ``): a condition on each person, not a count;
    - the threshold of a vote (``trên 50% số phiếu bầu``) or a term of a formula (``= b/a × 100%``);
    - one more figure in a list under a cap (``không quá 10% tập thể, 5% cá nhân``);
    - a criterion of who qualifies: the sentence or its clause opens on what defines eligibility
      (``Đối tượng được hỗ trợ là hộ … bị thiệt hại từ 30% trở lên``, ``Tiêu chuẩn: …; trình độ từ lớp 8 trở lên``),
      or says what the ones selected must have (``Hộ được bình xét … phải có … ít nhất 02 lao động``)."""
    if _ELIGIBILITY.match(_strip_bullet(sdoc.text)) or _ELIGIBILITY.match(_clause_text(sdoc, start).strip()):
        return True
    clause = _clause_keys(sdoc, start)
    chosen = _CHOSEN.search(" ".join(clause))
    if chosen and re.search(r"(?<!\w)(?:phải|cần)(?!\w)", " ".join(clause)[chosen.end():]):
        return True  # "Hộ được bình xét danh hiệu phải có … ít nhất 02 lao động": what the chosen must have
    for k in range(len(clause) - 1, -1, -1):
        if clause[k] == "thì":
            break
        if clause[k] in _CONDITION_WORDS or " ".join(clause[k:k + 2]) in _CONDITION_WORDS:
            return True
    if _has_word(clause, _PERMISSION_WORDS):
        return True
    num = next((i for i in range(start, end) if _number(sdoc[i].text) is not None), None)
    if num is None:
        return False
    if num > 0 and sdoc[num - 1].text in _OPERATORS:
        return True  # "Tỷ lệ = b/a × 100%": a term of a formula
    after = num + 2 if num + 1 < len(sdoc) and sdoc[num + 1].text == "%" else num + 1
    rest = [match_key(t.text) for t in sdoc[after:]]
    stop = next((k for k, key in enumerate(rest) if key in _CLAUSE_BREAK), len(rest))
    if _has_word(rest[:min(stop, 8)], _VOTE_WORDS):
        return True  # "phải đạt trên 50% số phiếu bầu": the threshold of a vote, not a target
    following = [match_key(t.text) for t in sdoc[after:after + 3]]
    if following and (following[0] in _MONEY_WORDS or " ".join(following[:2]) in _MONEY_WORDS) \
            and not _completes(sdoc, num):
        return True
    if following[:1] == ["trong"] and following[1:2] and following[1] in ("các", "số", "những"):
        return True
    return _under_cap_list(sdoc, num)


def _completes(sdoc, num: int) -> bool:
    """A target word, then a verb of completing right before the share (``phấn đấu hoàn thành 100% dự toán thu
    ngân sách``): a budget indicator to be reached, not a ratio of money (``bằng 1,7% tổng kinh phí``)."""
    clause = _clause_keys(sdoc, num)
    done = bool(clause) and (clause[-1] in _COMPLETION_VERBS or " ".join(clause[-2:]) in _COMPLETION_VERBS)
    return done and _has_word(clause, _FORWARD - _TARGET_NOUNS)


def _under_cap_list(sdoc, num: int) -> bool:
    """``không quá 10% tập thể, 5% cá nhân``: the earlier figure of the same list has a cap word before it,
    and only nouns, commas and "và" stand between the two figures."""
    i = num - 1
    while i >= 0 and sdoc[i].text not in _CLAUSE_BREAK:
        key = match_key(sdoc[i].text)
        if _number(sdoc[i].text) is not None and i > 0:
            between = [match_key(t.text) for t in sdoc[i + 1:num]]
            listed = any(k in (",", "và") for k in between) and not any(k in _PREDICATE_START for k in between)
            return listed and _capped(sdoc, i)
        if key in _PREDICATE_START:
            return False
        i -= 1
    return False


def _capped(sdoc, i: int) -> bool:
    """A cap or ceiling word (one or two tokens: ``tối đa``, ``không quá``) right before token ``i``."""
    one = match_key(sdoc[i - 1].text) if i >= 1 else ""
    two = (match_key(sdoc[i - 2].text) + " " + one) if i >= 2 else ""
    return any(w in _CEILING_WORDS or w in _CAP_WORDS for w in (one, two) if w)


def _coordinated(sdoc, after: int, first: Quota, used: set[int]) -> list[Quota]:
    """``ít nhất 100 doanh nghiệp khởi nghiệp sáng tạo, 50 doanh nghiệp khoa học công nghệ``: the minimum word
    governs every figure of the list that follows it (same kind of number, up to the predicate or the clause
    end); the first figure's item ends at the comma."""
    out: list[Quota] = []
    i = after
    while i < len(sdoc) and sdoc[i].text not in _CLAUSE_BREAK | {":", "("}:
        key = match_key(sdoc[i].text)
        if key in _PREDICATE_START and key not in ("có",):
            break
        if key in (",", "và") and i + 1 < len(sdoc) and _number(sdoc[i + 1].text) is not None:
            value = _number(sdoc[i + 1].text)
            pct = i + 2 < len(sdoc) and sdoc[i + 2].text == "%"
            item_at = i + (3 if pct else 2)
            if (pct != (first.unit == "percent")) or _is_measure(sdoc, item_at) or item_at >= len(sdoc) \
                    or sdoc[item_at].is_punct or isinstance(value, float) and not pct:
                break
            if not out and first.item:
                first.item = _balance(_trim_dangling(sdoc[after:i].text.strip(" ,"))) or first.item
            q = Quota(subject=first.subject, minimum=value, item=_item(sdoc, item_at), text="", unit=first.unit,
                      review=list(first.review))
            out.append(q)
            used.update(range(i + 1, item_at))
            i = item_at
            continue
        i += 1
    return out



def _is_label(text: str) -> bool:
    """``Chỉ tiêu``, ``Mục tiêu cụ thể năm 2025``: a list's label, not the units the quota falls on."""
    key = match_key(text)
    return any(key == w or key.startswith(w + " ") for w in _LABELS) and len(key.split()) <= 6


def _clause_keys(sdoc, start: int) -> list[str]:
    """Match keys of the tokens between the last clause break and ``start``."""
    i = start - 1
    while i >= 0 and sdoc[i].text not in (";", ".", "!", "?"):
        i -= 1
    return [match_key(t.text) for t in sdoc[i + 1:start]]


def _clause_around(sdoc, start: int, end: int) -> str:
    """The whole clause a match sits in, between the clause breaks around it."""
    i, j = start - 1, end
    while i >= 0 and sdoc[i].text not in (";", ".", "!", "?"):
        i -= 1
    while j < len(sdoc) and sdoc[j].text not in (";", ".", "!", "?"):
        j += 1
    return sdoc[i + 1:j].text


def _clause_text(sdoc, start: int) -> str:
    """The text between the last clause break and ``start``."""
    i = start - 1
    while i >= 0 and sdoc[i].text not in (";", ".", "!", "?"):
        i -= 1
    return sdoc[i + 1:start].text if start > i + 1 else ""


def _has_word(keys: list[str], words: set[str]) -> bool:
    """A token equal to one of ``words``, or a multi-word one spelled over several tokens."""
    if any(k in words for k in keys):
        return True
    joined = " " + " ".join(keys) + " "
    return any(" " in w and f" {w} " in joined for w in words)


#: Target words that are nouns of a target already set ("chỉ tiêu", "mục tiêu", "đề ra"), not a statement of one.
_TARGET_NOUNS = {"chỉ tiêu", "mục tiêu", "đề ra"}


def _is_forward(keys: list[str], results_context: bool = False) -> bool:
    """A target word before the number; "so với/vượt chỉ tiêu" compares a result with a target, and among results
    "chỉ tiêu" is the indicator reported on ("có 17/24 chỉ tiêu đạt …"), no target word."""
    if not _has_word(keys, _FORWARD - (_TARGET_NOUNS if results_context else set())):
        return False  # among results "chỉ tiêu đề ra" names what a result is measured against
    joined = " ".join(keys)
    if "chỉ tiêu" in joined and not _has_word(keys, _FORWARD - {"chỉ tiêu"}):
        return not results_context and not re.search(r"(so với|vượt|theo)\s+(các\s+)?chỉ tiêu", joined)
    return True


def _is_result(sdoc, start: int, end: int, results_context: bool, doc_year: Optional[int] = None) -> bool:
    """An achieved result, not a target: ``đến nay … có 214 mô hình, đạt 102% so với chỉ tiêu``,
    ``đã có 95% hộ``, or anything without a target word in a results section."""
    after = " ".join(match_key(t.text) for t in sdoc[end:end + 3])
    if after.startswith("so với"):
        return True
    keys = _clause_keys(sdoc, start)
    counted = [k for k, key in enumerate(keys) if _number(key) is not None and not 1900 <= _number(key) <= 2100]
    if counted:
        keys = keys[counted[-1] + 1:]  # "… ít nhất 02 phần việc, 100% hội viên …": "ít nhất" governs the 02 only
    if " ".join(match_key(t.text) for t in sdoc[:3]).lstrip("-+• ").startswith("kết quả"):
        return True  # "Kết quả: 95% hộ …" reports
    if _is_forward(keys, results_context):
        return False
    if _has_word(keys, {"mỗi", "từng"}) and not _has_word(keys, _PAST):
        return False  # "…đã có 12 xã …; năm 2026 mỗi xã đăng ký ít nhất 02": a distributive requirement
    if results_context or _in_past_year(_clause_text(sdoc, start), doc_year):
        return True
    sentence_before = [match_key(t.text) for t in sdoc[:start]]
    return _has_word(sentence_before, _PAST)


#: ``năm 2024`` as a time adverbial (not the year of a full date ``ngày 5 tháng 1 năm 2024``, ``5/1/2024``).
#: A school or fiscal year written as a range (``năm học 2024 - 2025``) ends in its second year.
_YEAR_ADVERBIAL = re.compile(r"(?<!tháng\s)(?<!tháng\s\d)(?<!tháng\s\d\d)(?<![/\d])năm(?:\s+học)?\s+((?:19|20)\d\d)"
                             r"(?:\s*[-–]\s*((?:19|20)\d\d))?(?![/\d])", re.I)


def _in_past_year(clause: str, doc_year: Optional[int]) -> bool:
    """``Năm 2024, 100% xã đạt chuẩn …`` in a 2025 plan: every year the clause is dated by is over."""
    if not doc_year:
        return False
    years = [int(last or first) for first, last in _YEAR_ADVERBIAL.findall(clause)]
    return bool(years) and max(years) < doc_year


# --------------------------------------------------------------------------- readers of one match


def _num_tokens(sdoc, start: int, end: int) -> tuple[Optional[int], bool, int]:
    """(value, is_percent, index after the number) of the first number in [start, end)."""
    for i in range(start, end):
        value = _number(sdoc[i].text)
        if value is not None:
            pct = i + 1 < len(sdoc) and sdoc[i + 1].text == "%"
            return value, pct, i + (2 if pct else 1)
    return None, False, end


def _is_measure(sdoc, after: int) -> bool:
    if after >= len(sdoc):
        return False
    nxt = match_key(sdoc[after].text)
    if nxt == "lần" and after + 1 < len(sdoc) and sdoc[after + 1].text == "/":
        return False  # "không dưới 02 lần/tháng": a frequency to reach, not a measurement
    if after + 1 < len(sdoc) and f"{nxt} {match_key(sdoc[after + 1].text)}" in _CONTRIBUTIONS:
        return False  # "ít nhất 01 ngày lương": a day's wage given, a count, not a length of time
    return nxt in _MEASURES or bool(re.match(r"^(m|km|ha|kg)\b", nxt))


def _from_min(sdoc, start, end):
    value, pct, after = _num_tokens(sdoc, start, end)
    if value is None or (not pct and _is_measure(sdoc, after)):
        return None
    return _build(sdoc, start, after, value, pct), after


def _from_above(sdoc, start, end):
    value, pct, after = _num_tokens(sdoc, start, end)
    if value is None or (not pct and _is_measure(sdoc, after)):
        return None
    before = {match_key(t.text) for t in sdoc[max(0, start - 3):start]}
    clause = _clause_keys(sdoc, start)
    if sdoc[start].text != ">" and not before & _ABOVE_CONTEXT \
            and not (pct and _has_word(clause, _TARGET_BEFORE | _FORWARD)):
        return None  # "trên 03 tuyến đường" is "on three roads", not "more than"
    if not pct and (after >= len(sdoc) or sdoc[after].is_punct):
        return None  # "trên 50" with nothing counted
    q = _build(sdoc, start, after, value if pct else value + 1, pct)
    q.exclusive = pct
    return q, after


def _from_range(sdoc, start, end):
    nums = [(i, _number(sdoc[i].text)) for i in range(start, end) if _number(sdoc[i].text) is not None]
    if len(nums) < 2 or nums[1][1] < nums[0][1]:
        return None
    pct = end - 1 < len(sdoc) and sdoc[end - 1].text == "%"
    if not pct and (_is_measure(sdoc, end) or end >= len(sdoc) or sdoc[end].is_punct):
        return None  # "từ 18 đến 60," counts nothing
    if any(match_key(t.text) in _BAND_BEFORE for t in sdoc[max(0, start - 3):start]):
        return None  # "trong độ tuổi từ 18 đến 60 tuổi": an age band
    q = _build(sdoc, start, end, nums[0][1], pct)
    q.maximum = nums[1][1]
    return q, end


def _from_upwards(sdoc, start, end):
    value, pct, after = _num_tokens(sdoc, start, end)
    if value is None or end - after > 8 or (not pct and _is_measure(sdoc, after)):
        return None
    if end < len(sdoc) and sdoc[end].text[:1].islower() and PREDICATE_RE.match(sdoc.text, sdoc[end].idx):
        return None  # "chi bộ có từ 30 đảng viên trở lên gửi …": the threshold picks the units, a predicate follows
    q = _build(sdoc, start, after, value, pct)
    return q, end


def _from_each(sdoc, start, used):
    """``mỗi thôn 01 ứng cử viên``: a fixed allocation (exact), unless a cap word precedes the number."""
    limit = min(len(sdoc), start + 14)
    if _has_word(_clause_keys(sdoc, start), {"tối đa", "không quá", "nhiều nhất"}):
        return None  # "giám sát không quá 03 cuộc đối với mỗi tổ chức": a cap stated before "mỗi"
    for i in range(start + 1, limit):
        tok = sdoc[i]
        if tok.text in (".", ";", ":") or match_key(tok.text) in ("mỗi", "từng"):
            return None
        value = _number(tok.text)
        if value is None or i in used:
            continue
        if i + 1 < len(sdoc) and sdoc[i + 1].text in ("/", "-"):
            return None  # a date or a number, not a count
        prev = match_key(sdoc[i - 1].text)
        if (prev in _ORDINAL_BEFORE and i - 1 != start + 1) or 1900 <= value <= 2100:
            continue  # "năm 2024", "mục 2", "khóa XVI": a label, not a count
        prev2 = match_key(sdoc[i - 2].text) + " " + prev if i - 2 >= start else prev
        if _allowance(sdoc, start + 1, i):
            return None  # "Mỗi khu dân cư được đề xuất khen thưởng 01 tập thể": at most one
        if prev in _CAP_WORDS or prev2 in _CAP_WORDS or prev in ("ít nhất", "tối thiểu", "dưới", "trên", "từ"):
            return None
        pct = i + 1 < len(sdoc) and sdoc[i + 1].text == "%"
        after = i + (2 if pct else 1)
        if not pct and (_is_measure(sdoc, after) or after >= len(sdoc) or sdoc[after].is_punct):
            return None
        subject = _clean_subject(sdoc[start:i].text)
        subject = _strip_verbs(subject)
        subject = _named_units(sdoc, start, subject)
        q = _build(sdoc, start, after, value, pct, subject=subject)
        q.exact = True
        return q, after
    return None


#: "mỗi đơn vị" names no kind of unit; the phrase before it does ("Các chi bộ …: mỗi đơn vị").
_GENERIC_UNITS = lexicon.keys("generic_units")


def _named_units(sdoc, start: int, subject: str) -> str:
    """``các ban, ngành, đoàn thể xã mỗi đơn vị đăng ký 01`` → the units named before ``mỗi đơn vị``."""
    words = match_key(subject).split()
    if len(words) > 3 or " ".join(words[1:]) not in _GENERIC_UNITS:
        return subject
    i = start - 1
    while i >= 0 and sdoc[i].text not in (";", ".", "!", "?"):
        i -= 1
    toks = [t for t in sdoc[i + 1:start]]
    while toks and (toks[-1].is_punct or match_key(toks[-1].text) in _VERBS):
        toks.pop()
    colon = [k for k, t in enumerate(toks) if t.text == ":"]
    if colon and colon[-1] == len(toks):
        toks = toks[:colon[-1]]
    if not toks or any(_number(t.text) is not None for t in toks):
        return subject
    named = _trim_dangling(_clean_subject(sdoc[toks[0].i:toks[-1].i + 1].text))
    return named or subject


def _from_percent(sdoc, start, end, target_context: bool = False):
    """``100% chi bộ đăng ký …`` (a share of units with an obligation) or ``phấn đấu … đạt 95%`` (a target).

    A bare ``đạt 92,5%`` reports a level reached; it is a target only after a target word
    (``phấn đấu``, ``chỉ tiêu``, ``bảo đảm`` …) or under a ``Chỉ tiêu`` heading."""
    value = _number(sdoc[start].text)
    if value is None:
        return None
    clause = _clause_keys(sdoc, start)
    before = " ".join(clause[-3:])
    if clause and (clause[-1] in _CEILING_WORDS or " ".join(clause[-2:]) in _CEILING_WORDS):
        return None  # "giảm còn dưới 2%", "không quá 10%": a ceiling, not a minimum
    units, unit_end = _units_after(sdoc, end)
    verb = match_key(sdoc[unit_end].text) if units and unit_end < len(sdoc) else ""
    obliged = verb in _PCT_VERBS or verb in _OPENING_VERBS  # "100% chi bộ đăng ký …", "100% các Sở bố trí …"
    # "hoàn thành 100% việc cập nhật …", "giải quyết 98% hồ sơ": a share of a task to get done
    done = bool(units) and bool(clause) and (clause[-1] in _COMPLETION_VERBS or " ".join(clause[-2:]) in _COMPLETION_VERBS)
    past = any(match_key(t.text) in ("đã", "được công nhận") for t in sdoc[max(0, start - 6):start])
    forward = _is_forward(clause)
    measured = any(w in before for w in _TARGET_BEFORE)
    is_target = forward or (measured and target_context)
    # "- 100% cơ quan, đơn vị kiện toàn …" under "Chỉ tiêu": a list item opening on the share of units
    opens_item = target_context and bool(units) and (bool(_LIST_MARKER.fullmatch(" ".join(clause)))
                                                     or not _bare_subject(_strip_bullet(_clause_text(sdoc, start))))
    if not (is_target or obliged or opens_item or done) or past:
        return None  # a state or a past result, not a target
    shape_only = [] if forward else [doubt_words.TARGET_FROM_SHAPE]  # no target word: read from the shape
    if done:
        subject = _subject(sdoc, start) or units
        return Quota(subject=subject, minimum=value, item=units, text="", unit="percent", review=shape_only), end
    if opens_item or obliged or verb == "có":
        # "Phấn đấu 100% ấp, khóm có …": a share of units; they are the subject when nothing precedes
        subject = _subject(sdoc, start) or units
        q = Quota(subject=subject, minimum=value, item=_item(sdoc, end) or units, text="", unit="percent",
                  review=[] if target_context else shape_only)
        return q, end
    if is_target:
        return _build(sdoc, start, end, value, True), end
    return None


#: Where the predicate after a share's population starts: its verbs, and the modal and aspect words before them.
_PREDICATE_START = _PCT_VERBS | _OPENING_VERBS | lexicon.keys("aim_verbs") | lexicon.keys("predicate_markers")


#: Only a list marker before the share: ``-``, ``2.``, ``c)``, ``(1)`` (as word tokens joined by spaces).
_LIST_MARKER = re.compile(r"(?:[-–+*•]|\(?\s*(?:\d{1,2}|[a-zđ])\s*[.)]?)?")


def _units_after(sdoc, end: int) -> tuple[str, int]:
    """The population a share counts (``100% số nạn nhân … được hưởng``, ``85% người hưởng trợ cấp … mở mới``):
    the noun phrase after the number, without "số" ("the number of"), up to the first word that starts a
    predicate — a verb or a modal or aspect word — that is not the noun reading of a word after a determiner
    (``các tổ chức`` is "the organisations"); a time adverbial closing it ("… mỗi quý") is not part of it."""
    begin = end
    while begin < len(sdoc) and match_key(sdoc[begin].text) in _COUNT_WORDS:
        begin += 1
    i = begin
    while i < len(sdoc) and (not sdoc[i].is_punct or (sdoc[i].text in (",", "-", "–") and i > begin)):
        key = match_key(sdoc[i].text)
        prev = match_key(sdoc[i - 1].text) if i > begin else ""
        nxt = match_key(sdoc[i + 1].text) if i + 1 < len(sdoc) else ""
        if i > begin and key in _TIME_PREPOSITIONS and (nxt in _PERIOD_KEYS or nxt == "ngày"):
            break  # "… hồ sơ trước ngày 30/6": a time adverbial closes the population
        if key in _PREDICATE_START and (prev not in _DANGLING or prev in _CONJUNCTIONS) and i > begin \
                and prev not in _AGENT_HEADS:
            break  # "… viên chức và đảm bảo": after a conjunction a verb opens a second predicate
        i += 1
    text = sdoc[begin:i].text.strip(" ,") if i > begin else ""
    text = _CLOSING_TIME.sub("", text)
    return _trim_dangling(text), i


# --------------------------------------------------------------------------- subject and item


def _build(sdoc, start, after, value, pct, subject: Optional[str] = None) -> Quota:
    subj = subject if subject is not None else _subject(sdoc, start)
    item = _item(sdoc, after)
    if pct and not item:
        item = _measured(sdoc, start)
        # "UBND xã phấn đấu mức độ hài lòng … đạt 90%": the body before the aim verb, the measure after it
        if subj and subject is None:
            parts = re.split(r"\s+(?:phấn đấu|đảm bảo|bảo đảm|cam kết)\s+", subj, maxsplit=1)
            if len(parts) == 2 and parts[0] and parts[1]:
                subj, item = parts[0], _balance(parts[1])
    return Quota(subject=subj or None, minimum=value, item=item, text="", unit="percent" if pct else "count")


_CLAUSE_BREAK = {";", ".", "!", "?"}


def _subject(sdoc, start: int) -> Optional[str]:
    """The clause before the trigger minus its trailing verbs: ``Mỗi phường`` from
    ``Mỗi phường đăng ký thực hiện ít nhất 03``; a list item's lead-in before a colon."""
    i = start - 1
    while i >= 0 and sdoc[i].text not in _CLAUSE_BREAK:
        i -= 1
    clause = sdoc[i + 1:start]
    toks = [t for t in clause]
    # lead-in before a colon wins: "Đảng bộ các phường, xã: Đăng ký xây dựng tối thiểu 5 mô hình"
    colon = [k for k, t in enumerate(toks) if t.text == ":"]
    lead = _bare_subject(_clean_subject(clause[: colon[-1]].text)) if colon else ""
    if _is_label(lead):
        lead = ""
    if colon:
        toks = toks[colon[-1] + 1:]
    had_verb = any(match_key(t.text) in _VERBS | _PREDICATE_START for t in toks[1:])
    # strip verbs (and their manner adverbs) from the end; "các tổ chức" keeps its noun
    keys = [match_key(t.text) for t in toks]
    for n in (2, 1):  # "giải quyết đúng hạn" (the adverb may be two tokens)
        if len(toks) > n and " ".join(keys[-n:]) in _MANNER and keys[-n - 1] in _VERBS | _OPENING_VERBS:
            toks = toks[:-n]
            break
    while toks and ((match_key(toks[-1].text) in _VERBS | _MIN_WORDS | _OPENING_VERBS
                     and (len(toks) < 2 or match_key(toks[-2].text) not in _DANGLING - _CONJUNCTIONS))
                    or toks[-1].is_punct or toks[-1].is_space
                    or (len(toks) > 1 and match_key(toks[-1].text) in _MANNER
                        and match_key(toks[-2].text) in _VERBS | _OPENING_VERBS)):  # "kết nạp mới", "xây dựng thêm"
        toks.pop()
    if not toks:
        return lead or None  # "Đảng bộ các phường, xã: Đăng ký …": the lead-in is the subject
    toks = _cut_at_verb(toks)
    text = _trim_dangling(_clean_subject(sdoc[toks[0].i:toks[-1].i + 1].text))
    each = re.search(r"(?<=\s)(?:mỗi|từng)\s+(.+)$", text, re.I)
    if each and match_key(each.group(1)) not in _GENERIC_UNITS:
        text = text[each.start():]  # "năm 2026 mỗi xã", "đoàn viên tham gia, mỗi chi đoàn": the unit after "mỗi"
    text = _cut_each_at_verb(text)
    if re.fullmatch(r"(?:[a-zđ]|\d{1,2}|[IVXLC]+)[.)]?", text, re.I):
        text = ""  # only a list marker ("a) 100% khu dân cư …") stood before the number
    if match_key(text) in _COMPARATORS:
        text = ""  # "…; trên 90% hộ gia đình ký …": only the comparison word stood before the number
    text = _bare_subject(text)
    if text and not had_verb and not _names_units(text):
        text = ""  # "Phát hành ít nhất 02 bản tin": with no verb after it the clause is its own verb
    words = match_key(text).split()
    if lead and words and words[0] in ("mỗi", "từng") and " ".join(words[1:]) in _GENERIC_UNITS:
        return lead  # "Các chi bộ …: mỗi đơn vị đăng ký tối thiểu 01": the lead-in names the units
    return text or None


_DETERMINERS = lexicon.keys("subject_quantifiers") | {"toàn"}  # "Toàn huyện" names the units too
_MANNER = lexicon.keys("manner_adverbs")  # after a verb before the minimum: "kết nạp mới", "giải quyết đúng hạn"


def _names_units(text: str) -> bool:
    """A phrase that opens on a body's or a level's name, a determiner, a share word or an agent noun
    (``Các chi hội``, ``Hội Nông dân``, ``Toàn huyện``, ``Tỷ lệ hộ …``, ``Người dân``)."""
    words = match_key(text).split()
    heads = {" ".join(words[:n]) for n in (1, 2)}
    return bool(words) and (bool(BODY_START.match(text)) or bool(heads & (_DETERMINERS | _SHARE_WORDS | _AGENT_HEADS)))


_PERIOD = lexicon.alternation(lexicon.words("period_words"))
#: A time adverbial opening (or closing) a clause: "Năm 2025", "Đến hết năm 2030:", "Từ năm 2025 trở đi,",
#: "Trong giai đoạn 2026 - 2030", "mỗi quý". It dates the target; it never names the units.
_TIME_PHRASE = (r"(?:(?:" + lexicon.pattern("time_prepositions") + r")\s+)*(?:" + _PERIOD + r")"
                r"(?:\s+(?:học\s+)?[\dIVX]{1,4}(?:\s*[-–/]\s*[\dIVX]{1,4})*|\s+(?:" + lexicon.pattern("period_deictics")
                + r")(?!\w)|(?=\s*[,:]))(?:\s+trở\s+đi)?")
_EVERY_PERIOD = r"(?:mỗi|hằng|hàng|từng)\s+(?:" + _PERIOD + r")(?!\s+[\dIVX])"
_OPENING_TIME = re.compile(r"^\s*(?:" + _TIME_PHRASE + "|" + _EVERY_PERIOD + r")(?!\w)[\s,:]*", re.I)
_CLOSING_TIME = re.compile(r"[\s,]+(?:" + _TIME_PHRASE + "|" + _EVERY_PERIOD + r")\s*$", re.I)


_LATER_TIME = re.compile(r"\s+(?:(?:" + lexicon.pattern("time_prepositions") + r")\s+)*(?:năm|tháng|quý)\s+[\dIVX/]+\b"
                         r"[^,;:]*$", re.I)  # up to the end, unless a comma goes on to the subject


def _bare_subject(text: str) -> str:
    """The noun phrase a subject candidate names, or "" when it names none.

    Time adverbials ("Năm 2025", "Đến hết năm 2030:", "mỗi quý"), connectors ("Trong đó,") and aim
    verbs are peeled off; a clause that opens on a verb ("Hình thành", "Tập trung hỗ trợ …") has no
    subject — unless it measures a share ("Tăng tỷ lệ lao động nữ …"), whose population is the subject."""
    text = (text or "").strip(" ,:;")
    while True:
        before = text
        text = _OPENING_TIME.sub("", text).strip(" ,:;")
        text = _CLOSING_TIME.sub("", text).strip(" ,:;")
        words = text.split()
        for n in (3, 2, 1):
            if len(words) > n - 1 and match_key(" ".join(words[:n]).strip(",:")) in _OPENERS:
                text = " ".join(words[n:]).strip(" ,:;")
                break
        if text == before:
            break
    words = text.split()
    for n in (2, 1):
        head = match_key(" ".join(words[:n]))
        if len(words) >= n and head in _OPENING_VERBS and not (len(words) > n and words[n][:1].isupper()):
            keys = [match_key(w) for w in words]
            for k in range(n, len(words)):
                for m in (2, 1):
                    if " ".join(keys[k:k + m]) in _SHARE_WORDS and k + m < len(words):
                        return _cut_at_predicate(" ".join(words[k + m:]).strip(" ,"))
            return ""
    return text


#: Comparison words that may open a clause before a number; never a subject on their own.
_COMPARATORS = lexicon.keys("comparators")

#: Verbs that end a subject noun phrase ("Mỗi Tổ … có trên 05 thành viên, trong đó có ít nhất 01 …").
_SUBJECT_VERBS = lexicon.keys("subject_end_verbs")


#: Verbs that end "Mỗi <unit>" even when nothing else is counted ("Mỗi chi bộ thực hiện giám sát …").
_EACH_VERBS = lexicon.keys("each_verbs")


def _cut_each_at_verb(text: str) -> str:
    """``Mỗi chi bộ thực hiện giám sát chuyên đề`` → ``Mỗi chi bộ``: after ``mỗi/từng`` + a unit, an action
    verb starts the predicate (``tổ chức`` right after ``mỗi`` is the noun "organisation")."""
    words = text.split()
    if len(words) < 3 or match_key(words[0]) not in ("mỗi", "từng"):
        return text
    for k in range(2, len(words)):
        for n in (2, 1):
            if k + n <= len(words) and match_key(" ".join(words[k:k + n]).strip(",;:")) in _EACH_VERBS:
                return " ".join(words[:k]).strip(" ,")
    return text


def _cut_at_verb(toks: list) -> list:
    """A subject clause that already holds a count (``Mỗi Tổ … có trên 05 thành viên, trong đó``) is cut
    before its verb: the unit is the noun phrase, the earlier count is another quota. Verbs inside a
    unit's name (``Mỗi xã xây dựng nông thôn mới``) stay: nothing is counted after them."""
    for k, tok in enumerate(toks):
        if k == 0:
            continue
        key = match_key(tok.text)
        if key in _SUBJECT_VERBS and match_key(toks[k - 1].text) not in _DANGLING:
            if not any(_number(t.text) is not None for t in toks[k + 1:]):
                continue
            head = toks[:k]
            while head and (head[-1].is_punct or head[-1].is_space):
                head.pop()
            if head:
                return head
            break
    return toks


def _trim_dangling(text: str) -> str:
    """No subject ends on a function word: ``chi hội của các`` is a cut phrase, not a unit."""
    words = text.split()
    while words and (match_key(words[-1]) in _DANGLING or words[-1] in (",", "-", "–")):
        words.pop()
    return _balance(" ".join(words).strip(" ,"))


def _balance(text: Optional[str]) -> Optional[str]:
    """Close a quotation the token cut left open (``danh hiệu “Gia đình văn hóa``)."""
    if text and text.count("“") > text.count("”"):
        return text + "”"
    return text


def _allowance(sdoc, start: int, stop: int) -> bool:
    """``được`` + a verb of proposing or choosing before the number: a cap, not a minimum
    (``được giao`` is an assignment, so it stays a quota)."""
    for k in range(start, stop):
        key = match_key(sdoc[k].text)
        if key.startswith("được"):
            nxt = match_key(sdoc[k + 1].text) if k + 1 < stop else ""
            if "giao" in key or nxt.startswith("giao"):
                continue
            return True
        if key in ("tối đa", "không quá", "chỉ được", "nhiều nhất"):
            return True
    return False


def _strip_verbs(text: str) -> str:
    words = text.split()
    changed = True
    while words and changed:
        changed = False
        for n in (3, 2, 1):
            if len(words) >= n and match_key(" ".join(words[-n:])) in _VERBS:
                words = words[:-n]
                changed = True
                break
    return " ".join(words).strip(" ,")


def _clean_subject(text: str) -> str:
    cells = text.split(" | ")
    text = cells[0]  # a table row "Chỉ tiêu | Đơn vị | Số lượng": the first cell names it …
    if len(cells) > 1:
        text = _cut_at_predicate(text)  # … by its population, up to the predicate ("Đoàn viên | đạt danh hiệu …")
    text = re.sub(r"\([^()]*\)", " ", text)  # parenthetical explanations
    text = re.sub(r"\([^()]*$", " ", text)  # one left open by the clause cut
    text = _strip_bullet(text)
    text = re.sub(r"^\d{1,3}(?:[.,]\d+)?\s*%\s*", "", text)  # "100% chi bộ" → "chi bộ"
    text = _OPENING_TIME.sub("", text)  # "Đến hết năm 2025": a date, not units
    text = _LATER_TIME.sub("", text)  # "… các cấp ít nhất vào năm 2025": the date, and what follows it
    text = re.sub(r"\s+", " ", text).strip(" ,:;-–*")
    return text


def _cut_at_predicate(text: str) -> str:
    """``Đoàn viên đạt danh hiệu …`` → ``Đoàn viên``: a phrase up to where its predicate starts (the same
    reading as a share's population, :func:`_units_after`)."""
    from .nlp import make_doc

    if not text.strip():
        return text
    tdoc = make_doc(text)
    units, _ = _units_after(tdoc, 0)
    return units or text


def _item(sdoc, after: int) -> Optional[str]:
    """The counted noun phrase: up to a bracket, a semicolon or the sentence end (15 words at most)."""
    toks = []
    for tok in sdoc[after:]:
        if tok.text in ("(", ";", ".", ":", "!", "?") or (tok.text == "," and toks and
                                                           match_key(tok.nbor(1).text if tok.i + 1 < len(sdoc) else "")
                                                           in ("trong đó", "mỗi", "trong", "đồng thời")):
            break
        toks.append(tok)
        if len(toks) >= 15:
            break
    if not toks:
        return None
    text = sdoc[toks[0].i:toks[-1].i + 1].text.strip(" ,*")
    text = re.sub(r"\s*trở\s+lên$", "", text).strip()
    text = re.sub(r"^trở\s+lên\s+", "", text).strip()
    text = re.split(r"\s+(?:trước ngày|chậm nhất|trong thời gian|trong năm \d|đến hết ngày|kể từ)\b", text)[0]
    return text or None


def _measured(sdoc, start: int) -> Optional[str]:
    """For ``mức độ hài lòng … đạt tối thiểu 90%``: what is measured (the words before the verb)."""
    subj = _subject(sdoc, start)
    return subj


def _dedupe(quotas: list[Quota]) -> list[Quota]:
    seen: set[tuple] = set()
    out = []
    for q in quotas:
        key = (match_key(q.subject or ""), q.minimum, q.unit, match_key(q.item or ""))
        if key in seen:
            continue
        seen.add(key)
        out.append(q)
    return out
