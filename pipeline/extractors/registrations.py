"""Registration rows from filled "Danh sách đăng ký mô hình" tables, in forms and inside long reports.

Why by meaning: every unit fills the template its own way (columns reordered, a column dropped,
a header over two rows, the table split over two pages), so the table is found by what its
header cells *say* — matched against the lexicon's ``[registration_columns]`` — never by its
position or column index. The same roles tell a registration list (a model-name column beside who,
where, which field, when) from the tables of a report that only mention models: statistics (counts,
shares, amounts), scores and ranks, lists of people (:func:`_not_registrations`).

Rows that are not models: the header repeated on a new page, the ``(1) (2) (3)`` row, totals, empty
template rows, and sub-headings — section rows (``I``/``II`` + "Mô hình mới …" / "Mô hình tiếp tục …")
that set ``section``, group rows ("Khối …"), rows naming a unit or a field for the rows under them.
Every row gets a confidence and, when doubtful, Vietnamese review reasons (:func:`_judge`).
"""
from __future__ import annotations

import re
from functools import lru_cache
from dataclasses import dataclass, field, replace
from typing import Callable, Optional

from ..model import Cell, Document, DocumentMeta, Location, Paragraph, Registration, Table
from .. import lexicon
from ..textnorm import match_key
from . import doubt as doubt_words
from .doubt import Doubt
from .shapes import is_upper_line
from ..normalize import (_fold, fold_pattern, normalize_field, normalize_period, section_from_text, title_year,
                         unit_key)

#: A registration table longer than this is read only this far (bounded time for junk sheets).
MAX_TABLE_ROWS = 5000
#: Columns beyond this are ignored (a sheet with 16,384 used columns is junk, not a form).
MAX_COLUMNS = 60
#: The header is looked for in this many rows at the top of a table.
HEADER_SEARCH_ROWS = 25

ROLES = ("seq", "name", "leader", "address", "field", "period", "unit", "measure", "person")
#: Roles that describe a registered model (a registration header names the model and one of these).
_MODEL_ROLES = frozenset(("seq", "leader", "address", "field", "period", "unit"))
#: Roles of columns that belong to other kinds of tables; in a registration table they are kept in ``extra``.
_OTHER_ROLES = frozenset(("measure", "person"))
_BRACKETS = re.compile(r"\([^()]*\)|\[[^\[\]]*\]")
_ROMAN = re.compile(r"^(?=[ivxlc]+$)(?:x{0,3})(?:ix|iv|v?i{0,3})$")
_SEQ = re.compile(r"^\(?(\d{1,4})\)?[.)]?$")
# On the original text: upper-case roman numerals ("II.", "II -", "II Mô hình") or "A." / "B)".
_LEADING_LABEL = re.compile(r"^\s*(?:[IVX]+(?:\s*[.):/-]\s*|\s+)|[A-D]\s*[.)]\s*)(?=\S)")
# "Tổng cộng …" / "Tổng số …" whatever follows; a one-word total ("Cộng", "Tổng") only before ":", a number or nothing
_TOTAL = re.compile(r"^(?:" + lexicon.alternation(w for w in lexicon.words("total_words") if " " in w) + r"(?!\w)|"
                    + lexicon.alternation(w for w in lexicon.words("total_words") if " " not in w)
                    + r"\s*(?:[:.]|$|\d))", re.I)
_SUBHEADER = re.compile(r"^(?:" + "|".join(re.escape(_fold(w)) for w in lexicon.words("registration_subheaders"))
                        + r")$")
_YEAR = re.compile(r"\b(19[5-9]\d|20\d\d)\b")
_UNIT_LINE = re.compile(r"^\s*(?:tên\s+)?đơn\s*vị\s*:\s*(.*)$", re.IGNORECASE)


_PLACEHOLDER = re.compile(r"^[\s.…_\-–—·*x/]*$")


def _text(cell: Optional[Cell]) -> str:
    """A cell's text on one line: wrapped lines joined with one space; "……" placeholders are empty."""
    if cell is None or not cell.text:
        return ""
    text = " ".join(cell.text.split())
    return "" if _PLACEHOLDER.match(text) else text


def _header_key(text: str) -> str:
    return _fold(_BRACKETS.sub(" ", text)).strip(" .:*")


def _compact(key: str) -> str:
    """A folded header without dots and spaces: ``S.TT``, ``S TT`` and ``STT`` are one header."""
    return re.sub(r"[\s.]", "", key)


@lru_cache(maxsize=1)
def _header_rules() -> list[tuple[str, Optional[re.Pattern[str]], Optional[str], bool]]:
    """(role, pattern, exact key, with tone marks) of the lexicon's ``[registration_columns]``, in order."""
    rules: list[tuple[str, Optional[re.Pattern[str]], Optional[str], bool]] = []
    for row in lexicon.table("registration_columns"):
        role, mode, marks = lexicon.cell(row, 1), lexicon.cell(row, 2) or "word", lexicon.cell(row, 3) == "marks"
        if marks:
            body = r"\s+".join(re.escape(w) for w in match_key(row[0]).split())
            rx = {"start": rf"^{body}(?!\w)", "end": rf"(?<!\w){body}$", "exact": rf"^{body}$"}.get(
                mode, rf"(?<!\w){body}(?!\w)")
            rules.append((role, re.compile(rx), None, True))
        elif mode == "exact":
            rules.append((role, None, _compact(_fold(row[0])), False))
        else:
            rules.append((role, re.compile(fold_pattern(row[0], mode)), None, False))
    return rules


@lru_cache(maxsize=4096)
def classify_header(text: str) -> Optional[str]:
    """The role a header cell names (seq, name, leader, address, field, period, unit, measure, person) or None."""
    if not text or not text.strip():
        return None
    for raw in (_BRACKETS.sub(" ", text), text):
        marked = " ".join(match_key(raw).split()).strip(" .:*")
        key = re.sub(r"\s+", " ", _fold(raw)).strip(" .:*")
        if not key:
            continue
        compact = _compact(key)
        for role, rx, exact, marks in _header_rules():
            if rx is None:
                hit = compact == exact
            else:
                hit = bool(rx.search(marked if marks else key))
            if hit:
                return role
    return None


@dataclass
class _Layout:
    """Which column holds what, as read from a header."""

    roles: dict[int, str]  # column -> role
    labels: dict[int, str]  # column -> header text as written (for extra)
    width: int
    header_rows: int  # rows used by the header (from the top of the search position)
    first_row: int  # index of the header's first row
    subs: dict[int, str] = field(default_factory=dict)  # column -> its own header under a merged one ("KT")

    def tick_columns(self) -> set[int]:
        """Columns where a tick means something: the fields under a merged "Lĩnh vực", a section's column."""
        return {c for c in range(self.width)
                if (self.roles.get(c) == "field" and c in self.subs)
                or (self.roles.get(c) not in ("name", "seq") and section_from_text(self.subs.get(c) or
                                                                                   self.labels.get(c)))}

    def columns(self, role: str) -> list[int]:
        return [c for c, r in sorted(self.roles.items()) if r == role]


@dataclass
class _State:
    """What carries over from one table to the next (a form continuing on the next page)."""

    layout: Optional[_Layout] = None
    section: Optional[str] = None
    section_year: Optional[int] = None
    last: Optional[Registration] = None
    last_raw: dict[str, str] = field(default_factory=dict)
    counter: int = 0
    heading: bool = False  # a section heading paragraph was just read: it belongs to the next table
    unit: Optional[str] = None  # the unit a sub-heading row named ("Đảng bộ xã Tân An"), for the rows below it
    field_raw: Optional[str] = None  # the field a sub-heading row named ("Lĩnh vực kinh tế")
    new_year: Optional[int] = None  # the year of the "Mô hình mới năm 2024" heading: the year the form is for
    block: int = 0  # counts headings and tables: row numbers run within one block
    info: dict[int, "_RowInfo"] = field(default_factory=dict)  # id(registration) -> what its doubts need


@dataclass
class _RowInfo:
    """What a row's confidence is judged on, beyond the row itself."""

    block: int
    leader_column: bool  # the table has a leader column (so an empty cell is a missing leader)
    field_column: bool
    ocr: Optional[float]  # lowest OCR confidence (0–100) of the row's cells


# --------------------------------------------------------------------------- grids


def _filled_grid(table: Table, limit: int) -> list[list[str]]:
    """Row texts with merged cells copied into every position they cover (for header reading)."""
    width = min(table.n_columns, MAX_COLUMNS)
    rows = table.rows[:limit]
    out = [[""] * width for _ in rows]
    for r, row in enumerate(rows):
        for cell in row:
            t = _text(cell)
            for rr in range(r, min(len(rows), r + max(1, cell.rowspan))):
                for cc in range(cell.column, min(width, cell.column + max(1, cell.colspan))):
                    if not out[rr][cc]:
                        out[rr][cc] = t
    return out


def _row_cells(row: list[Cell], width: int) -> list[Optional[Cell]]:
    dense: list[Optional[Cell]] = [None] * width
    for cell in row:
        if 0 <= cell.column < width and dense[cell.column] is None:
            dense[cell.column] = cell
    return dense


# --------------------------------------------------------------------------- header


def _roles_of(texts: list[str]) -> dict[int, str]:
    roles: dict[int, str] = {}
    for c, t in enumerate(texts):
        role = classify_header(t)
        if role:
            roles[c] = role
    return roles


def _score(roles: dict[int, str]) -> int:
    return len(set(roles.values()))


def _is_header(roles: dict[int, str]) -> bool:
    """A registration header names the model column and at least one other column of a model (TT, leader …)."""
    kinds = set(roles.values())
    return "name" in kinds and bool(kinds & _MODEL_ROLES)


def _is_numbering_row(texts: list[str]) -> bool:
    """The "(1) (2) (3) …" row printed under many headers."""
    nums = [t for t in texts if t]
    if len(nums) < 3:
        return False
    values = []
    for t in nums:
        m = _SEQ.match(t.replace(" ", ""))
        if not m:
            return False
        values.append(int(m.group(1)))
    return values == list(range(values[0], values[0] + len(values)))


def _find_header(grid: list[list[str]], table: Table) -> Optional[_Layout]:
    for r in range(min(len(grid), HEADER_SEARCH_ROWS)):
        roles = _roles_of(grid[r])
        if not _is_header(roles):
            continue
        texts = list(grid[r])
        used = 1
        merged = any(c.rowspan > 1 or c.colspan > 1 for c in table.rows[r]) if r < len(table.rows) else False
        spanned = {c for cell in (table.rows[r] if r < len(table.rows) else []) if cell.colspan > 1
                   for c in range(cell.column, cell.column + cell.colspan)}
        subs: dict[int, str] = {}
        # a second (or third) header row: sub-headers under merged cells, or header text split over rows
        while r + used < len(grid) and used < 3:
            nxt = grid[r + used]
            own = [c for c, t in enumerate(nxt) if t and t != texts[c]]  # not a vertically merged cell's copy
            under = bool(spanned) and bool(own) and all(c in spanned for c in own)
            if not under and (_data_like(nxt, roles) or not any(nxt)):
                break
            if under:  # "Lĩnh vực" merged over "KT | VH-XH | …": each column keeps its own word
                subs.update({c: nxt[c] for c in own})
            combined = [a if not b or b == a else (f"{a} {b}" if a else b) for a, b in zip(texts, nxt)]
            new_roles = _roles_of(combined)
            subheaders = all(not t or _SUBHEADER.match(_header_key(t)) or classify_header(t) for t in nxt)
            if merged or _score(new_roles) > _score(roles) or subheaders:
                texts, roles, used = combined, new_roles, used + 1
                continue
            break
        if r + used < len(grid) and _is_numbering_row(grid[r + used]):
            used += 1
        labels = {c: t for c, t in enumerate(texts) if t}
        roles = _dedupe_roles(roles, labels, subs)
        width = max(labels) + 1 if labels else len(texts)
        return _Layout(roles, labels, width, used, r, subs)
    return None


def _dedupe_roles(roles: dict[int, str], labels: dict[int, str], subs: Optional[dict[int, str]] = None
                  ) -> dict[int, str]:
    """One column per role (a period may span two: start and end; a field as many as the sub-headers of a
    merged "Lĩnh vực" cell, ticked); the others become extra.

    The model's name goes to the column headed "Tên mô hình" when another also says "mô hình"
    ("Nội dung mô hình"), wherever the two stand.
    """
    names = [c for c, r in roles.items() if r == "name"]
    if len(names) > 1:
        def rank(c: int) -> tuple[int, int]:
            key = _header_key(labels.get(c, ""))
            return (0 if key.startswith("ten mo hinh") else 1 if key.startswith("ten") else 2, c)
        keep = min(names, key=rank)
        roles = {c: r for c, r in roles.items() if r != "name" or c == keep}
    seen: set[str] = set()
    out: dict[int, str] = {}
    for c in sorted(roles):
        role = roles[c]
        if role in seen and role not in ("period", "measure", "person") and not (role == "field" and c in (subs or {})):
            continue
        seen.add(role)
        out[c] = role
    return out


def _data_like(texts: list[str], roles: dict[int, str]) -> bool:
    """A row that is content, not header: a number or roman numeral in the TT column, or a section."""
    seq_cols = [c for c, r in roles.items() if r == "seq"] or [0]
    first = texts[seq_cols[0]] if seq_cols[0] < len(texts) else ""
    key = _fold(first).strip(" .")
    if _SEQ.match(key.replace(" ", "")) or (key and _ROMAN.match(key)):
        return True
    if _is_numbering_row(texts):
        return True
    for c, role in roles.items():
        value = texts[c] if c < len(texts) else ""
        if role == "period" and _YEAR.search(value):
            return True  # "Năm 2024", "Tháng 3 - 12/2024": a filled row, not a sub-header
        if role == "field" and value and normalize_field(value)[0] not in (None, "other") \
                and classify_header(value) is None:
            return True
    joined = " ".join(t for t in texts if t)
    return bool(section_from_text(joined)) and not _is_header(_roles_of(texts))


# --------------------------------------------------------------------------- rows


#: A leader column naming a body ("Đơn vị thực hiện", "Cơ quan chủ trì"), not a person or a collective.
_ORG_COLUMN = re.compile(r"^(?:don vi|co quan)\b")
#: A tick in a column ("x", "✓"): the row is what the column's header says.
_MARK = re.compile(r"^[xX✓✔√vV+•]$")


def _values(texts: list[str], layout: _Layout) -> tuple[dict[str, str], dict[str, str]]:
    """Role -> text and extra label -> text for one row.

    A tick stands for its column's header: under "Lĩnh vực" merged over "KT | VH-XH | …" it is the field;
    in a column saying a section ("Mô hình mới" / "Tiếp tục", under "Loại mô hình") it is the row's section
    (the ``section`` key)."""
    vals: dict[str, str] = {}
    extra: dict[str, str] = {}
    for c, t in enumerate(texts):
        if not t:
            continue
        role = layout.roles.get(c)
        header = layout.subs.get(c) or layout.labels.get(c) or ""
        if _MARK.match(t) and role != "seq":
            if role == "field":
                t = header
            elif role != "name" and section_from_text(header):
                vals["section"] = section_from_text(header) or ""
                continue
        if role is None or role in _OTHER_ROLES:
            label = layout.labels.get(c) or f"Cột {c + 1}"
            extra[label] = f"{extra[label]} {t}" if label in extra else t
        elif role in vals:
            vals[role] = f"{vals[role]} - {t}" if role == "period" else (
                f"{vals[role]}, {t}" if role == "field" else f"{vals[role]} {t}")
        else:
            vals[role] = t
    return vals, extra


def _seq_of(text: str) -> Optional[int]:
    m = _SEQ.match(text.replace(" ", ""))
    return int(m.group(1)) if m else None


def _is_label(text: str) -> bool:
    """Roman numeral or letter labels of section rows: I, II., III -, A, B."""
    key = _fold(text).strip(" .:-)")
    return bool(key) and (bool(_ROMAN.match(key)) or key in ("a", "b", "c", "d"))


def _section_row(texts: list[str], vals: dict[str, str]) -> Optional[tuple[Optional[str], str]]:
    """(section, text) when the row is a section/group heading, else None.

    A heading has one or two distinct texts (a label such as ``I`` and its title, or one merged
    cell). With a roman/letter label the title may sit in any column (columns vary by form);
    without one, only a title in the TT or name column counts.
    """
    filled = [t for t in texts if t]
    if not filled:
        return None
    distinct = list(dict.fromkeys(filled))
    if len(distinct) > 2:
        return None
    seq_text = vals.get("seq", "")
    joined = " ".join(distinct)
    section = section_from_text(joined)
    title = " ".join(t for t in distinct if t != seq_text) or joined
    stripped = _LEADING_LABEL.sub("", title, count=1)
    rest = _fold(stripped)
    labelled = (_is_label(seq_text) or stripped != title) and _seq_of(seq_text) is None
    if not labelled and any(vals.get(r) for r in ("leader", "address", "field", "period")):
        return None
    if section and (labelled or rest.startswith(("mo hinh", "nhom", "phan", "dang ky"))):
        return section, joined
    if labelled and len(distinct) <= 2 and (len(distinct) == 1 or _is_label(seq_text)):
        return None, joined  # a heading without a recognisable section ("I | Lĩnh vực kinh tế")
    return None


def _is_total(texts: list[str], vals: dict[str, str]) -> bool:
    if _seq_of(vals.get("seq", "")) is not None:
        return False
    first = next((t for t in texts if t), "")
    return bool(_TOTAL.match(match_key(first))) and not vals.get("leader") and not vals.get("field")


def _year_from(text: Optional[str]) -> Optional[int]:
    if not text:
        return None
    years = _YEAR.findall(text)
    return int(years[-1]) if years else None


# --------------------------------------------------------------------------- tables that are not registrations

#: A cell holding a count, a share, a score or an amount ("12", "66,7", "90%", "15.000.000").
_NUMERIC = re.compile(r"^[(\[]?[-+]?\d[\d.,\s]*(?:%|‰)?[)\]]?$")
#: How many data rows are looked at to tell what a table lists.
_SAMPLE_ROWS = 80


def _numeric_share(values: list[str]) -> float:
    filled = [v for v in values if v]
    return sum(1 for v in filled if _NUMERIC.match(v)) / len(filled) if filled else 0.0


def _score_column(label: str) -> bool:
    key = _header_key(label)
    return any(re.search(fold_pattern(w, "word"), key) for w in lexicon.words("registration_score_columns"))


def _not_registrations(layout: _Layout, rows: list[list[str]]) -> Optional[str]:
    """What a table with a model-name column lists instead of registrations, or None when it is one.

    A registration list says, for each model, who leads it, where, in which field, when, for which unit
    (text). A table that grades models (a score or rank column) is a results table; one whose columns
    are mostly counts, shares or amounts (by header or by content), or whose "model" column holds
    numbers, is statistics; one that names people before the model is a list of people.
    """
    names = layout.columns("name")
    persons = layout.columns("person")
    if persons and names and min(persons) < min(names):
        return "people"
    if any(_score_column(layout.labels.get(c, "")) for c in layout.columns("measure")):
        return "scores"
    data = [r for r in rows if any(r)][:_SAMPLE_ROWS]
    column = {c: [r[c] if c < len(r) else "" for r in data] for c in range(layout.width)}
    if names and _numeric_share(column[names[0]]) >= 0.5:
        return "statistics"
    describing = measures = 0
    for c in range(layout.width):
        role = layout.roles.get(c)
        if role in ("seq", "name", "person"):
            continue
        if role == "measure":
            measures += 1
        elif role is not None:
            describing += 1
        elif any(column[c]):
            numeric = _numeric_share(column[c]) >= 0.5
            measures += numeric
            describing += not numeric
    return "statistics" if measures > describing else None


# --------------------------------------------------------------------------- sub-headings

_GROUP = re.compile(r"^(?:" + "|".join(fold_pattern(w, "start")[1:] for w in lexicon.words("registration_group_words"))
                    + r")")
_FIELD_GROUP = re.compile(r"^(?:" + "|".join(fold_pattern(row[0], "start")[1:]
                                             for row in lexicon.table("registration_group_words")
                                             if lexicon.cell(row, 1) == "field") + r")")
_BODY_HEAD = re.compile(r"^(?:" + "|".join(fold_pattern(w, "start")[1:] for w in lexicon.words("body_heads")) + r")")


def _subheading(texts: list[str], dense: list[Optional[Cell]], vals: dict[str, str]) -> Optional[str]:
    """The text of a row that groups the rows under it ("Khối Đảng, chính quyền", "Đảng bộ xã Tân An").

    It carries one text and shows it is no model: in one cell merged across columns, in the TT column,
    in capitals, or opening with a group word. A lone name without those marks stays a model row (or the
    rest of the row above).
    """
    distinct = list(dict.fromkeys(t for t in texts if t))
    if len(distinct) != 1:
        return None
    text = distinct[0]
    if _seq_of(text) is not None or text[:1].islower():
        return None
    spans = any(c is not None and c.colspan > 1 and _text(c) == text for c in dense)
    in_seq = vals.get("seq") == text
    bare = _LEADING_LABEL.sub("", text, count=1)
    marked = spans or in_seq or bool(_GROUP.match(_fold(bare))) or (is_upper_line(text) and len(text.split()) >= 2)
    return text if marked else None


#: Numbers of rows under a numbered heading: "1.1", "2.3.", "a", "b)", "-", "+".
_CHILD_SEQ = re.compile(r"^(?:\d{1,3}\.\d{1,3}\.?|[a-zđ][.)]?|[-–+•])$")


def _next_seq(table: Table, r: int, limit: int, layout: _Layout) -> str:
    """The TT cell of the next row that has text (for telling a numbered unit heading from a model)."""
    seq_cols = layout.columns("seq")
    if not seq_cols:
        return ""
    for k in range(r + 1, min(limit, r + 4)):
        cells = _row_cells(table.rows[k], seq_cols[0] + 1)
        if any(c is not None and _text(c) for c in table.rows[k]):
            cell = cells[seq_cols[0]]
            return " ".join(cell.text.split()) if cell is not None else ""  # raw: "-" is a number here
    return ""


def _numbered_unit(vals: dict[str, str], extra: dict[str, str], next_seq: Callable[[], str]) -> Optional[str]:
    """"1 | Đảng bộ xã Tân An | | …" over rows numbered 1.1, 1.2 (or a, b; or dashes): a unit heading, no model."""
    name = vals.get("name", "")
    if (_seq_of(vals.get("seq", "")) is None or not name or any(k not in ("seq", "name") for k in vals) or extra
            or not _BODY_HEAD.match(_fold(name)) or section_from_text(name)):
        return None
    return name if _CHILD_SEQ.match(next_seq()) else None


def _apply_heading(text: str, state: _State, layout: _Layout) -> None:
    """What a sub-heading tells the rows under it: a group opens afresh; a field or a unit it names is theirs
    when the table has no column for it."""
    bare = " ".join(_LEADING_LABEL.sub("", text, count=1).split()).strip(" .:-")
    key = _fold(bare)
    state.block += 1
    if _FIELD_GROUP.match(key):
        code, _ = normalize_field(bare)
        state.field_raw = bare if code not in (None, "other") and not layout.columns("field") else None
    elif _GROUP.match(key):
        state.unit = None
    elif _BODY_HEAD.match(key) and not layout.columns("unit") and section_from_text(bare) is None:
        state.unit = bare


# --------------------------------------------------------------------------- the leader written in the name

_HONORIFIC = re.compile(r"(?<!\w)(?:đ/c|đ\.c|đồng chí|ông|bà)(?!\w)", re.I)
_POSITION = re.compile(r"(?<!\w)(?:" + lexicon.pattern("positions") + r")(?!\w)", re.I)
_TRAILING_NAME = re.compile(r"(?:^|\s)(?:[A-ZĐÀ-Ỹ][^\s\d]*\s+){1,4}[A-ZĐÀ-Ỹ][^\s\d]*$")
_PAREN_TAIL = re.compile(r"^(.*?\S)\s*\(([^()]{3,120})\)\s*[.;,]?$")


def leader_in_name(name: str) -> Optional[tuple[str, str]]:
    """(model name, leader) when the name cell ends with its leader in brackets, else None.

    "Mô hình X (Chi hội trưởng Nguyễn Văn A)", "… (đ/c Phạm Văn C - Tổ trưởng)": the bracket names a
    person — an honorific, or a position followed by a name. Brackets saying when, which section or how
    many ("(đã đăng ký năm 2023)", "(tiếp tục)", "(50 hộ)") are part of the name.
    """
    m = _PAREN_TAIL.match(name)
    if not m:
        return None
    inner = " ".join(m.group(2).split())
    if re.search(r"\d", inner) or section_from_text(inner) is not None:
        return None
    if _HONORIFIC.search(inner) or (_POSITION.search(inner) and _TRAILING_NAME.search(inner)):
        return m.group(1).rstrip(" -–,:"), inner
    return None


# --------------------------------------------------------------------------- confidence


def _form_year(state: _State, meta: DocumentMeta) -> Optional[int]:
    """The year the registrations are for: the new models' heading, else the title, else the document's date."""
    return state.new_year or title_year(meta.title) or _year_from(meta.issued_on)


def _judge(regs: list[Registration], state: _State, meta: DocumentMeta) -> None:
    """Confidence and Vietnamese review reasons on every row (see :mod:`.doubt`)."""
    year = _form_year(state, meta)
    previous: dict[int, int] = {}  # block -> last row number seen in it
    for reg in regs:
        info = state.info.get(id(reg))
        doubt = Doubt(0.9)
        doubt.ocr(info.ocr if info else None)
        doubt.add(not reg.unit, doubt_words.UNIT_MISSING, 0.3)
        doubt.add(bool(info and info.leader_column) and not reg.leader, doubt_words.REG_LEADER_MISSING, 0.25)
        doubt.add(bool(info and info.field_column) and not reg.field, doubt_words.REG_FIELD_MISSING, 0.25)
        doubt.add(reg.field == "other", doubt_words.REG_FIELD_UNKNOWN, 0.25)
        period = reg.period
        doubt.add(period is not None and not (period.start or period.end), doubt_words.REG_PERIOD_UNREAD, 0.25)
        if period is not None and year is not None and (period.start or period.end):
            first = int((period.start or period.end or "0")[:4])
            last = int((period.end or period.start or "0")[:4])
            doubt.add(not first <= year <= last, doubt_words.REG_PERIOD_OTHER_YEAR, 0.3)
        if reg.seq is not None and info is not None:
            before = previous.get(info.block)
            if before is not None:
                doubt.add(reg.seq == before, doubt_words.REG_SEQ_REPEATED, 0.25)
                doubt.add(reg.seq > before + 1, doubt_words.reg_seq_gap(before, reg.seq), 0.25)
            previous[info.block] = reg.seq
        doubt.apply(reg)


def _split_leaders(regs: list[Registration]) -> None:
    for reg in regs:
        if not reg.leader:
            found = leader_in_name(reg.name)
            if found:
                reg.name, reg.leader = found


def _row_ocr(dense: list[Optional[Cell]]) -> Optional[float]:
    confs = [c.confidence for c in dense if c is not None and c.text and c.confidence is not None]
    return min(confs) if confs else None


# --------------------------------------------------------------------------- unit fallback


def _unit_value(text: str) -> Optional[str]:
    """The unit named by a ``Đơn vị: …`` line; None when it is not one or is left blank."""
    m = _UNIT_LINE.match(text)
    if not m:
        return None
    value = re.sub(r"[.…_\s]+$", "", m.group(1)).strip(" .…_-:")
    return " ".join(value.split()) if value and re.search(r"\w", value) else None


def _unit_from_lines(doc: Document) -> Optional[str]:
    """The first filled ``Đơn vị: …`` line, paragraphs or cells (safety net when meta.unit is unset)."""
    for line in doc.lines(include_tables=True):
        for part in line.text.split(" | "):
            value = _unit_value(part)
            if value:
                return value
    return None


def _units_before_tables(doc: Document) -> dict[int, str]:
    """Table index -> the nearest filled ``Đơn vị:`` paragraph above it, for files holding several
    units' forms one after the other. Empty when the file names fewer than two distinct units."""
    current: Optional[str] = None
    seen: set[str] = set()
    out: dict[int, str] = {}
    for block in doc.blocks:
        if isinstance(block, Paragraph):
            value = _unit_value(block.text.split("\n")[0])
            if value:
                current = value
                seen.add(unit_key(value))
        elif current is not None:
            out[block.index] = current
    return out if len(seen) >= 2 else {}


# --------------------------------------------------------------------------- entry point


def extract_registrations(doc: Document, meta: DocumentMeta, warnings: list[str]) -> list[Registration]:
    """Every model row of every registration table in the document, in reading order."""
    unit = meta.unit
    if unit is None:
        unit = _unit_from_lines(doc)
    default_year = _year_from(meta.issued_on)
    state = _State()
    out: list[Registration] = []
    top = [_fold(p.text) for p in doc.paragraphs[:15]]
    looks_like_form = meta.kind == "registration_form" or (
        any(t.startswith("danh sach") for t in top) and any("mo hinh" in t for t in top))
    per_table = _units_before_tables(doc)
    for block in doc.blocks:
        if isinstance(block, Paragraph):
            _paragraph_heading(block.text or "", state)
            continue
        table = block
        if not isinstance(table, Table) or table.layout or not table.rows:
            continue
        try:
            _read_table(table, state, per_table.get(table.index, unit), default_year, looks_like_form, out,
                        warnings)
        except Exception as exc:  # noqa: BLE001 - one odd table must not lose the others
            warnings.append(f"registrations: table {table.index} could not be read "
                            f"({type(exc).__name__}: {str(exc)[:100]})")
    _split_leaders(out)
    _judge(out, state, meta)
    return out


def _read_table(table: Table, state: _State, unit: Optional[str], default_year: Optional[int],
                looks_like_form: bool, out: list[Registration], warnings: list[str]) -> None:
    n_rows = len(table.rows)
    limit = min(n_rows, MAX_TABLE_ROWS)
    head_grid = _filled_grid(table, min(limit, HEADER_SEARCH_ROWS + 3))
    layout = _find_header(head_grid, table)
    start = 0
    if layout is not None:
        start = layout.first_row + layout.header_rows
        sample = _filled_grid(table, min(limit, start + _SAMPLE_ROWS))[start:]
        if _not_registrations(layout, sample) is not None:
            state.layout, state.last = None, None  # statistics, scores, a list of people: no registrations
            return
        if (state.layout is None or layout.width != state.layout.width) and not state.heading:
            state.section = None
            state.last = None
            state.unit = state.field_raw = None
        state.layout = layout
        state.block += 1
    elif state.layout is not None and abs(table.n_columns - state.layout.width) <= 1 \
            and _starts_with_rows(head_grid, state.layout):
        layout = state.layout  # the same form continuing on the next page, header not repeated
    else:
        state.layout, state.last = None, None  # another table in between: what follows no longer continues a form
        if _mentions_models(head_grid) or (looks_like_form and table.n_columns >= 4 and n_rows >= 2):
            warnings.append(f"registrations: table {table.index} has no recognisable header row "
                            f"(TT, Tên mô hình, …); its rows were not read")
        return
    state.heading = False
    if unit is not None and layout.columns("unit") and not layout.columns("leader"):
        # a one-unit form whose "Đơn vị" column names who carries the model out
        layout = replace(layout, roles={c: ("leader" if r == "unit" else r) for c, r in layout.roles.items()})
    if n_rows > MAX_TABLE_ROWS:
        warnings.append(f"registrations: table {table.index} has {n_rows} rows; only the first "
                        f"{MAX_TABLE_ROWS} were read")
    width = min(max(layout.width, table.n_columns), MAX_COLUMNS)
    if table.n_columns > MAX_COLUMNS:
        warnings.append(f"registrations: table {table.index} has {table.n_columns} columns; only the first "
                        f"{MAX_COLUMNS} were read")
    attribute_cols = {c for c, role in layout.roles.items() if role in ("leader", "address", "field", "period", "unit")}
    carried: dict[int, tuple[str, int]] = {}  # column -> (text, last row) of a vertically merged cell
    ticks = layout.tick_columns()
    ragged = 0
    orphan = 0
    for r in range(start, limit):
        row = table.rows[r]
        dense = _row_cells(row, width)
        texts = [_text(c) for c in dense]
        for c in ticks:
            if c < len(dense) and dense[c] is not None and _MARK.match(dense[c].text.strip()):
                texts[c] = dense[c].text.strip()  # a tick, not a "x" placeholder
        if row and not any(c.colspan > 1 for c in row):
            extent = max(c.column + c.colspan for c in row)
            if (extent < layout.width or any(texts[layout.width:])) and sum(1 for t in texts if t) > 1:
                ragged += 1  # (a row with one cell is a note, a section title or the signature, not a short row)
        for c, cell in enumerate(dense):
            if cell is not None and cell.rowspan > 1 and c in attribute_cols:
                carried[c] = (texts[c], r + cell.rowspan - 1)
            elif cell is None and c in carried and carried[c][1] >= r and not texts[c]:
                texts[c] = carried[c][0]  # one leader/field/period cell merged over several model rows
        if not any(texts):
            state.last = None  # a blank row ends the row above: what follows is not its continuation
            continue
        vals, extra = _values(texts, layout)
        if _is_numbering_row(texts):
            continue
        if _seq_of(vals.get("seq", "")) is None and _repeats_header(texts, layout):
            continue  # header repeated on the next page
        heading = _section_row(texts, vals)
        if heading is not None:
            section, text = heading
            _set_section(state, section, text)
            _apply_heading(text, state, layout)
            state.last = None
            continue
        if _is_total(texts, vals):
            continue
        subheading = _subheading(texts, dense, vals) or _numbered_unit(vals, extra, lambda: _next_seq(table, r, limit,
                                                                                                       layout))
        if subheading is not None:
            _apply_heading(subheading, state, layout)
            state.last = None
            continue
        seq_text = vals.get("seq", "")
        seq = _seq_of(seq_text)
        content = {k: v for k, v in vals.items() if k not in ("seq", "unit")}
        if seq is not None and not content and not extra:
            continue  # an empty template row: "1 | | | …"
        if not seq_text and _continues(vals, state, layout):
            _append(state, vals, extra, default_year, _row_ocr(dense))
            continue
        if not content.get("name"):
            if sum(1 for t in texts if t) >= 2:
                orphan += 1
            continue
        if seq is None and layout.columns("seq") and len(content) + len(extra) < 2:
            continue  # a lone text under the table (place and date, signature): not a model row
        out.append(_make(table, r, dense, vals, extra, seq, state, unit, default_year, layout))
    if ragged:
        warnings.append(f"registrations: table {table.index}: {ragged} row(s) do not have the header's "
                        f"{layout.width} columns; read as far as they go")
    if orphan:
        warnings.append(f"registrations: table {table.index}: {orphan} row(s) without a model name skipped")


def _repeats_header(texts: list[str], layout: _Layout) -> bool:
    """The header printed again (next page): same roles in the same columns, TT cell included."""
    if _data_like(texts, layout.roles):
        return False
    roles = _roles_of(texts)
    same = sum(1 for c, role in roles.items() if layout.roles.get(c) == role)
    seq_cols = layout.columns("seq")
    if seq_cols and roles.get(seq_cols[0]) != "seq":
        return False
    return same >= min(3, len(layout.roles))


def _paragraph_heading(text: str, state: _State) -> None:
    """A section title written between tables ("II. Mô hình tiếp tục thực hiện") sets the section."""
    text = " ".join(text.split())
    if not text or len(text) > 120:
        return
    section = section_from_text(text)
    if section is None:
        return
    stripped = _LEADING_LABEL.sub("", text, count=1)
    if stripped != text or _fold(stripped).startswith(("mo hinh", "nhom", "phan", "dang ky")):
        _set_section(state, section, text)
        state.last = None
        state.heading = True


def _set_section(state: _State, section: Optional[str], text: str) -> None:
    """A section heading: its section for the rows below, its year (the new models' year is the form's)."""
    year = _year_from(text)
    if section is not None:
        state.section = section
        if section == "new" and year and state.new_year is None:
            state.new_year = year
    state.section_year = year or state.section_year
    state.block += 1


def _starts_with_rows(grid: list[list[str]], layout: _Layout) -> bool:
    """Does a header-less table look like more rows of the form (numbers, section labels, fragments)?

    A sub-heading across the width ("Khối Mặt trận …" on top of the new page) is looked past."""
    seq_cols = layout.columns("seq")
    for texts in grid[:3]:
        if not any(texts):
            continue
        distinct = {t for t in texts if t}
        if len(distinct) == 1 and len(texts) >= 3 and all(texts) and _seq_of(next(iter(distinct))) is None:
            continue  # one merged cell over the whole row: a heading
        if not seq_cols:
            return True
        first = texts[seq_cols[0]] if seq_cols[0] < len(texts) else ""
        return not first or _seq_of(first) is not None or _is_label(first)
    return False


def _mentions_models(grid: list[list[str]]) -> bool:
    """A "Tên mô hình" cell near the top: meant as a registration header we failed to read."""
    return any(_header_key(t).startswith(("ten mo hinh", "mo hinh")) and len(t) < 60
               for row in grid[:3] for t in row if t)


def _continues(vals: dict[str, str], state: _State, layout: _Layout) -> bool:
    """A row with an empty TT cell that carries the rest of the row above (wrapped or split by a page).

    Short cells (Lĩnh vực, Thời gian) fit on the first line, so a fragment rarely has them; a
    complete row that merely lacks a number has them and is a row of its own.
    """
    if state.last is None or not layout.columns("seq"):
        return state.last is not None and not vals.get("name")
    name = vals.get("name", "")
    if not name or name[:1].islower():
        return True
    short = [r for r in ("field", "period") if layout.columns(r)]
    return bool(short) and not any(vals.get(r) for r in short)


def _append(state: _State, vals: dict[str, str], extra: dict[str, str], default_year: Optional[int],
            ocr: Optional[float]) -> None:
    reg = state.last
    assert reg is not None
    info = state.info.get(id(reg))
    if info is not None and ocr is not None:
        info.ocr = ocr if info.ocr is None else min(info.ocr, ocr)
    raw = state.last_raw
    for role, text in vals.items():
        if role == "seq":
            continue
        raw[role] = f"{raw[role]} {text}" if raw.get(role) else text
    for label, text in extra.items():
        reg.extra[label] = f"{reg.extra[label]} {text}" if reg.extra.get(label) else text
    reg.name = raw.get("name", reg.name)
    reg.leader = raw.get("leader") or None
    reg.address = raw.get("address") or None
    reg.field, reg.field_raw = normalize_field(raw.get("field"))
    reg.period = normalize_period(raw.get("period"), default_year or state.section_year)
    if raw.get("unit"):
        reg.unit = raw["unit"]


def _make(table: Table, r: int, dense: list[Optional[Cell]], vals: dict[str, str], extra: dict[str, str],
          seq: Optional[int], state: _State, unit: Optional[str], default_year: Optional[int],
          layout: _Layout) -> Registration:
    first = next((c for c in dense if c is not None), None)
    loc = first.location if first is not None else Location()
    state.counter += 1
    location = Location(page=loc.page if loc.page is not None else table.location.page,
                        line=loc.line, table=table.index, row=state.counter, sheet=loc.sheet or table.location.sheet)
    if not layout.columns("field") and state.field_raw:
        vals = {**vals, "field": state.field_raw}  # the field the sub-heading above named
    code, raw_field = normalize_field(vals.get("field"))
    unit = vals.get("unit") or state.unit or unit
    leaders = layout.columns("leader")
    if unit is None and leaders and _ORG_COLUMN.match(_header_key(layout.labels.get(leaders[0], ""))):
        unit = vals.get("leader")  # a list of many units' models: the body carrying a model out registered it
    reg = Registration(
        unit=unit,
        section=vals.get("section") or state.section,
        seq=seq,
        name=vals.get("name", ""),
        leader=vals.get("leader") or None,
        address=vals.get("address") or None,
        field=code,
        field_raw=raw_field,
        period=normalize_period(vals.get("period"), default_year or state.section_year),
        extra=dict(extra),
        location=location,
    )
    state.last = reg
    state.last_raw = {k: v for k, v in vals.items() if k != "seq"}
    state.info[id(reg)] = _RowInfo(state.block, bool(layout.columns("leader")), bool(layout.columns("field")),
                                   _row_ocr(dense))
    return reg
