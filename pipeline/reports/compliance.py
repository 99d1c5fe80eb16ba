"""Who had to do what, and who did: expected units, quota compliance and submission status — per campaign.

A quota is checked only against the registrations of its own campaign (year). A unit has *đã nộp*
when it has a current form in the campaign, *nộp muộn* when that form was sent after the campaign's
registration deadline, *chưa nộp* otherwise — with, when a file that could not be read might be
the unit's, that file named (a corrupt PDF is not the same as silence).
"""
from __future__ import annotations

import csv
import re
from dataclasses import dataclass, field
from datetime import date, datetime
from pathlib import Path
from typing import Any, Optional

from ..textnorm import display, match_key
from .labels import (BUILTIN_KINDS, CONNECTOR_WORDS, QUANTIFIER_WORDS, REGISTRATION_DEADLINE_WORDS,
                     SUBMISSION_LABELS)
from .model import DocInfo, FileInfo, Model, RegRow, TimeItem, unit_key
from .text import dmy, fold, shown, vi_order, vn_number


class UnitsFileError(Exception):
    """The units.csv given cannot be read at all (missing, a folder, unreadable)."""


# --------------------------------------------------------------------------- units.csv


@dataclass
class ExpectedUnit:
    name: str
    kind: str


def read_units_csv(path: Path) -> tuple[list[ExpectedUnit], list[str]]:
    """Read ``don_vi,loai`` rows (UTF-8, optional BOM, ``,`` or ``;``); odd lines → warnings, a missing file → error."""
    warnings: list[str] = []
    try:
        raw = Path(path).read_bytes()
    except OSError as err:
        raise UnitsFileError(f"cannot read the units file {path}: {err.strerror or err}") from err
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError:
        text = raw.decode("cp1258", errors="replace")
        warnings.append(f"units.csv: {path} is not UTF-8; read as Windows-1258, check the names")
    lines = [ln for ln in text.splitlines() if ln.strip() and not ln.lstrip().startswith("#")]
    if not lines:
        return [], warnings + [f"units.csv: {path} is empty"]
    delimiter = ";" if lines[0].count(";") > lines[0].count(",") else ","
    rows = list(csv.reader(lines, delimiter=delimiter))
    header = [match_key(c) for c in rows[0]]
    name_col = next((i for i, h in enumerate(header) if h in {"don_vi", "đơn vị", "don vi", "ten_don_vi"}), None)
    kind_col = next((i for i, h in enumerate(header) if h in {"loai", "loại", "loai_don_vi", "loại đơn vị"}), None)
    body = rows[1:]
    if name_col is None:  # no recognised header: take the first line as data, columns in order
        warnings.append(f"units.csv: {path} has no 'don_vi,loai' header; reading columns as name, kind")
        name_col, kind_col, body = 0, 1, rows
    out: list[ExpectedUnit] = []
    seen: set[str] = set()
    for n, row in enumerate(body, start=2):
        name = display(row[name_col]) if name_col < len(row) else ""
        kind = display(row[kind_col]) if kind_col is not None and kind_col < len(row) else ""
        if not name:
            warnings.append(f"units.csv: line {n} has no unit name; skipped")
            continue
        key = unit_key(name)
        if key in seen:
            continue
        seen.add(key)
        out.append(ExpectedUnit(name=name, kind=kind))
    return out, warnings


# --------------------------------------------------------------------------- units


@dataclass
class UnitInfo:
    name: str
    key: str
    kind: str  # display form; "" when unknown
    from_csv: bool
    sent: bool  # a current form of this unit is in the campaign
    count: int  # current registrations in the campaign
    regs: list[RegRow] = field(default_factory=list)
    forms: list[DocInfo] = field(default_factory=list)  # current registration forms of this unit in the campaign


def _kind_of(name_key: str, vocab: list[str]) -> str:
    """The longest kind word the unit name starts with ("chi bộ khối 5" → "chi bộ")."""
    for kind in vocab:  # sorted longest first
        if name_key == kind or name_key.startswith(kind + " "):
            return kind
    return ""


def kind_vocabulary(expected: list[ExpectedUnit]) -> list[str]:
    return sorted({match_key(k) for k in BUILTIN_KINDS} | {match_key(e.kind) for e in expected if e.kind},
                  key=lambda k: (-len(k), k))


def known_units(model: Model, units_rows: list[dict[str, Any]], expected: list[ExpectedUnit],
                campaign: Optional[int]) -> list[UnitInfo]:
    """Units of units.csv, units that ever sent a form (any campaign) and units of the store's table, with
    what they sent in ``campaign``."""
    units: dict[str, UnitInfo] = {}
    for e in expected:
        units[unit_key(e.name)] = UnitInfo(e.name, unit_key(e.name), e.kind, True, False, 0)
    for u in units_rows:
        name = shown(u.get("name"))
        if name and unit_key(name) not in units:
            units[unit_key(name)] = UnitInfo(name, unit_key(name), "", False, False, 0)
    for doc in model.docs.values():
        if doc.kind == "registration_form" and doc.unit:
            info = units.setdefault(doc.unit_key or unit_key(doc.unit),
                                    UnitInfo(doc.unit, doc.unit_key or unit_key(doc.unit), "", False, False, 0))
            if not doc.superseded and doc.campaign == campaign:
                info.sent = True
                info.forms.append(doc)
    for reg in model.rows.get(campaign, []):
        info = units.setdefault(reg.unit_key, UnitInfo(reg.unit, reg.unit_key, "", False, False, 0))
        info.sent = True
        info.count += 1
        info.regs.append(reg)
        if reg.doc and all(f.id != reg.doc.id for f in info.forms):
            info.forms.append(reg.doc)
    vocab = kind_vocabulary(expected)
    for info in units.values():
        if not info.kind:  # "UBND phường X" is read through its expanded key too
            info.kind = _kind_of(match_key(info.name), vocab) or _kind_of(info.key, vocab)
    return sorted(units.values(), key=lambda u: vi_order(u.name))


# --------------------------------------------------------------------------- quotas


@dataclass
class UnitStatus:
    unit: UnitInfo
    count: int
    status: str  # ok | below | missing | over | mismatch
    label: str


@dataclass
class QuotaCheck:
    doc: Optional[DocInfo]
    subject: str
    text: str
    item: str
    minimum: Optional[float]
    maximum: Optional[float]
    percent: bool
    exclusive: bool
    exact: bool
    source: str
    mapping: str  # named | kind | none | unmeasurable
    note: str
    campaign: Optional[int] = None
    item_id: str = ""
    units: list[UnitStatus] = field(default_factory=list)
    share_label: str = ""  # percent quotas: "3/4 đơn vị (75%)"

    @property
    def requirement(self) -> str:
        if self.minimum is None and self.maximum is None:
            return self.text
        if self.percent:
            sign = "trên" if self.exclusive else "ít nhất"
            return f"{sign} {vn_number(self.minimum)}% đơn vị có đăng ký"
        if self.exact:
            return f"đúng {vn_number(self.minimum)}"
        if self.maximum is not None and self.minimum is not None:
            return f"từ {vn_number(self.minimum)} đến {vn_number(self.maximum)}"
        if self.maximum is not None:
            return f"tối đa {vn_number(self.maximum)}"
        return f"{'trên' if self.exclusive else 'ít nhất'} {vn_number(self.minimum)}"

    def count_of(self, status: str) -> int:
        return sum(1 for u in self.units if u.status == status)

    @property
    def summary(self) -> str:
        if self.mapping in ("none", "unmeasurable"):
            return "Chưa đối chiếu được"
        if not self.units:
            return "Chưa có đơn vị để đối chiếu"
        parts = [f"{self.count_of('ok')}/{len(self.units)} đơn vị đạt"]
        short = self.count_of("below") + self.count_of("over") + self.count_of("mismatch")
        if short:
            parts.append(f"{short} chưa đạt")
        if self.count_of("missing"):
            parts.append(f"{self.count_of('missing')} chưa gửi đăng ký")
        if self.share_label:
            parts.append(self.share_label)
        return "; ".join(parts)


@dataclass
class Compliance:
    campaign: Optional[int]
    units: list[UnitInfo]
    checks: list[QuotaCheck]
    missing_units: list[UnitInfo]  # expected (units.csv or earlier campaigns) but nothing received


def check_compliance(model: Model, units_rows: list[dict[str, Any]], expected: list[ExpectedUnit]) -> Compliance:
    """Each quota of the main campaign's current plans against that campaign's registrations only."""
    campaign = model.year
    ordered = known_units(model, units_rows, expected, campaign)
    vocab = kind_vocabulary(expected)
    checks = [_check_quota(q, ordered, vocab) for q in model.quotas if q.campaign == campaign]
    checks.sort(key=lambda c: (c.doc.issued_on or date.min if c.doc else date.min, c.doc.label if c.doc else "",
                               c.source))
    missing = [u for u in ordered if (u.from_csv or u.forms or _sent_ever(model, u)) and not u.sent]
    return Compliance(campaign=campaign, units=ordered, checks=checks, missing_units=missing)


def _sent_ever(model: Model, unit: UnitInfo) -> bool:
    return any(d.kind == "registration_form" and (d.unit_key or unit_key(d.unit)) == unit.key
               for d in model.docs.values())


def _measurable(item: str, text: str) -> bool:
    """Registrations count "mô hình"; a quota on anything else (voters, members …) is not measured here."""
    return "mô hình" in match_key(item) or (not item and "mô hình" in match_key(text))


def _check_quota(q: Any, units: list[UnitInfo], vocab: list[str]) -> QuotaCheck:
    check = QuotaCheck(doc=q.doc, subject=q.subject, text=q.text, item=q.item, minimum=q.minimum, maximum=q.maximum,
                       percent=q.percent, exclusive=q.exclusive, exact=q.exact, source=q.source, mapping="none",
                       note="", campaign=q.campaign, item_id=q.item_id)
    if not _measurable(q.item, q.text):
        check.mapping = "unmeasurable"
        check.note = (f"Chỉ tiêu về «{q.item or q.text}» không đo được từ các biểu đăng ký mô hình — "
                      "cần theo dõi riêng.")
        return check
    matched, note = map_subject(q.subject, units, vocab)
    if matched is None:
        check.note = note
        return check
    check.mapping, check.note = ("named" if note.startswith("=") else "kind"), note.lstrip("=")
    for info in matched:
        check.units.append(_unit_status(check, info, info.count))
    check.note += f" Chỉ tính biểu đăng ký {'năm ' + str(q.campaign) if q.campaign else 'cùng đợt'}."
    if check.percent and check.units and check.minimum is not None:
        having = sum(1 for u in check.units if u.count > 0)
        share = 100.0 * having / len(check.units)
        ok = share > check.minimum if check.exclusive else share >= check.minimum
        check.share_label = (f"{having}/{len(check.units)} đơn vị có đăng ký ({share:.0f}%) — "
                             f"{'đạt' if ok else 'chưa đạt'} chỉ tiêu {vn_number(check.minimum)}%")
    return check


def _unit_status(check: QuotaCheck, info: UnitInfo, count: int) -> UnitStatus:
    if not info.sent:
        return UnitStatus(info, 0, "missing", "Chưa gửi đăng ký")
    if check.percent or (check.minimum is None and check.maximum is None):
        return UnitStatus(info, count, "ok" if count > 0 else "below", "Có đăng ký" if count > 0 else "Chưa có mô hình")
    lo, hi = check.minimum, check.maximum
    if check.exact and lo is not None:
        if count == lo:
            return UnitStatus(info, count, "ok", "Đạt")
        return UnitStatus(info, count, "mismatch", f"Chưa đúng số lượng (yêu cầu {vn_number(lo)})")
    if lo is not None:
        need = lo + 1 if check.exclusive else lo
        if count < need:
            return UnitStatus(info, count, "below", f"Chưa đạt (còn thiếu {vn_number(need - count)})")
    if hi is not None and count > hi:
        return UnitStatus(info, count, "over", f"Vượt mức tối đa {vn_number(hi)}")
    return UnitStatus(info, count, "ok", "Đạt")


def _word_spans(haystack: str, needle: str) -> list[tuple[int, int]]:
    if not needle:
        return []
    pattern = r"(?<![\w%])" + re.escape(needle) + r"(?![\w%])"
    return [(m.start(), m.end()) for m in re.finditer(pattern, haystack)]


def _contains_word(haystack: str, needle: str) -> bool:
    return bool(_word_spans(haystack, needle))


def _gap_words(text: str) -> list[str]:
    """Words between two kind words, multi-word fillers ("tất cả") kept whole."""
    text = text.replace(",", " , ").replace(";", " ; ")
    for phrase in sorted((f for f in QUANTIFIER_WORDS if " " in f), key=len, reverse=True):
        text = re.sub(r"(?<!\w)" + re.escape(phrase) + r"(?!\w)", phrase.replace(" ", "\x00"), text)
    return [w.replace("\x00", " ") for w in text.split()]


def map_subject(subject: str, units: list[UnitInfo], vocab: list[str]) -> tuple[Optional[list[UnitInfo]], str]:
    """Units a quota's subject falls on, or ``(None, why not)``; never a guess.

    Units named in the subject win. Otherwise the subject's head kind words ("Mỗi quận, huyện",
    "Đảng bộ, chi bộ") select units of that kind; kind words after a gap ("Đảng bộ *các phường, xã*")
    narrow them to units whose name carries one of those words. Words left over are conditions we
    cannot check; the note says so (the notes starting with ``=`` mean "named units").
    """
    skey = match_key(subject)
    if not skey:
        return None, "Chỉ tiêu không nêu đối tượng áp dụng — chưa đối chiếu được."
    named = [u for u in units if len(match_key(u.name).split()) >= 2 and match_key(u.name) not in vocab
             and _contains_word(skey, match_key(u.name))]
    if named:
        return named, "=Đơn vị được nêu tên trong chỉ tiêu."
    filler = QUANTIFIER_WORDS | CONNECTOR_WORDS
    if [w for w in _gap_words(skey) if w not in filler] == ["đơn", "vị"]:  # "các đơn vị", "mỗi đơn vị"
        chosen = [u for u in units if u.sent or u.from_csv]
        if chosen:
            return chosen, "Áp dụng cho mọi đơn vị đã biết (từ biểu đăng ký và units.csv)."
    taken = [False] * len(skey)
    hits: list[tuple[int, int, str]] = []
    for kind in vocab:  # longest first, no overlaps
        for a, b in _word_spans(skey, kind):
            if not any(taken[a:b]):
                hits.append((a, b, kind))
                for i in range(a, b):
                    taken[i] = True
    if not hits:
        return None, (f"Không xác định được loại đơn vị của đối tượng «{subject}» — chưa đối chiếu "
                      "(khai báo đơn vị và cột «loai» trong units.csv).")
    hits.sort()
    heads, modifiers = [hits[0][2]], []
    prev_end = hits[0][1]
    for n, (a, b, kind) in enumerate(hits[1:], start=1):
        gap = _gap_words(skey[prev_end:a])
        if not modifiers and all(w in CONNECTOR_WORDS for w in gap):
            heads.append(kind)  # "quận, huyện": coordinated heads
        elif gap and all(w in filler for w in gap):
            modifiers.append(kind)  # "đảng bộ các phường, xã": narrows the head
        else:  # "xã xây dựng nông thôn …": a clause we cannot read; the rest is a condition
            for a2, b2, _ in hits[n:]:
                for i in range(a2, b2):
                    taken[i] = False
            break
        prev_end = b
    residue = [w for w in _gap_words("".join(" " if taken[i] else ch for i, ch in enumerate(skey)))
               if w not in filler]
    chosen = [u for u in units if u.kind and match_key(u.kind) in heads]
    if modifiers:
        chosen = [u for u in chosen
                  if any(_contains_word(match_key(u.name) + " " + match_key(u.kind), m) for m in modifiers)]
    kinds_txt = ", ".join(heads) + (f" (thuộc: {', '.join(modifiers)})" if modifiers else "")
    if not chosen:
        return None, (f"Đối tượng «{subject}» ứng với loại đơn vị «{kinds_txt}», nhưng chưa biết đơn vị nào thuộc "
                      "loại này — chưa đối chiếu (khai báo trong units.csv).")
    note = f"Đối chiếu theo loại đơn vị «{kinds_txt}»."
    if residue:
        note += (f" Lưu ý: điều kiện «{' '.join(residue)}» chưa kiểm tra được — danh sách gồm mọi đơn vị "
                 "thuộc loại trên, cần rà soát.")
    return chosen, note


# --------------------------------------------------------------------------- who has submitted


@dataclass
class Submission:
    unit: UnitInfo
    status: str  # submitted | late | missing
    form: Optional[DocInfo] = None
    submitted_on: Optional[date] = None  # the date on the form, else the day it arrived
    arrived: Optional[datetime] = None
    count: int = 0
    note: str = ""

    @property
    def label(self) -> str:
        return SUBMISSION_LABELS[self.status]


@dataclass
class Submissions:
    campaign: Optional[int]
    deadline: Optional[TimeItem]  # the campaign's registration deadline (the latest one any plan sets)
    rows: list[Submission]

    def count(self, status: str) -> int:
        return sum(1 for s in self.rows if s.status == status)

    @property
    def deadline_label(self) -> str:
        if self.deadline is None or self.deadline.start is None:
            return "chưa thấy hạn đăng ký trong các văn bản của đợt này"
        doc = f" — {self.deadline.doc.short}" if self.deadline.doc else ""
        return f"{dmy(self.deadline.start)}{doc}"


def registration_deadline(model: Model, campaign: Optional[int]) -> Optional[TimeItem]:
    """The registration deadline of a campaign: the latest dated deadline a plan of that campaign sets for
    "đăng ký" (the most lenient, so no unit is called late by another plan's earlier date)."""
    words = [match_key(w) for w in REGISTRATION_DEADLINE_WORDS]
    found = [it for it in model.items
             if it.kind == "deadline" and it.start and it.doc is not None and it.doc.kind != "registration_form"
             and it.doc.campaign == campaign and any(w in match_key(f"{it.summary} {it.text}") for w in words)]
    return max(found, key=lambda it: (it.start, it.item_id)) if found else None


def submissions(model: Model, expected: list[ExpectedUnit]) -> Submissions:
    """For every unit expected in the main campaign (units.csv, and units that sent a form in any campaign)."""
    campaign = model.year
    deadline = registration_deadline(model, campaign)
    units = [u for u in model.compliance.units if u.from_csv or u.sent or _sent_ever(model, u)]
    quarantined = [f for f in model.files if f.status == "quarantined"]
    nothing = [f for f in model.files if f.document_id in _empty_docs(model)]
    out: list[Submission] = []
    for u in units:
        forms = sorted(u.forms, key=lambda d: (d.submitted_on or date.min, d.arrived or datetime.min))
        if forms:
            form = forms[-1]
            sent = form.submitted_on
            late = bool(deadline and deadline.start and sent and sent > deadline.start)
            row = Submission(u, "late" if late else "submitted", form, sent, form.arrived, u.count)
            if late and deadline and deadline.start and sent:
                row.note = f"Sau hạn {dmy(deadline.start)} là {(sent - deadline.start).days} ngày"
            if form.issued_on is None:
                row.note = (row.note + "; " if row.note else "") + "biểu không ghi ngày: tính theo ngày nhận"
        else:
            row = Submission(u, "missing")
            maybe = [f for f in quarantined + nothing if _file_may_be(f, u)]
            if maybe:
                row.note = ("Có tệp có thể của đơn vị nhưng không đọc được: "
                            + ", ".join(f.name for f in maybe) + " — xem trang «Cần kiểm tra»")
        out.append(row)
    order = {"missing": 0, "late": 1, "submitted": 2}
    out.sort(key=lambda s: (order[s.status], vi_order(s.unit.name)))
    return Submissions(campaign, deadline, out)


def _empty_docs(model: Model) -> set[Any]:
    return {d.id for d in model.docs.values() if d.items == 0 and d.kind in ("other", "registration_form")}


def _file_may_be(f: FileInfo, unit: UnitInfo) -> bool:
    """A file name that spells the unit's name (without tone marks): "form-chi-bo-khoi-5.pdf" ~ "Chi bộ khối 5"."""
    name, words = f" {fold(f.name)} ", fold(unit.name)
    return bool(words) and f" {words} " in name
