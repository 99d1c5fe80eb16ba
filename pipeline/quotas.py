"""Quotas: minimum counts imposed on a kind of unit (``Mỗi phường … ít nhất 03 mô hình``).

Triggers are spaCy ``Matcher`` patterns over underthesea words (``ít nhất``, ``tối thiểu`` are one
token each), matched on a tone-folded lower-case norm so ``tối thiểu`` and old-style spellings
agree. Each match is then read around: the subject is the clause before the verb group (or the
list item's lead-in before a colon), the item is the noun phrase after the number.

What is NOT a quota: caps (``được đề xuất 01 tập thể``, ``tối đa``, ``không quá``), counts without a
minimum word (``03 lợi ích``), measures (``>=4m``), and bare percentages that describe a state
(``nâng chất 100% phường lành mạnh``) rather than an obligation.
"""
from __future__ import annotations

import functools
import re
from typing import TYPE_CHECKING, Optional

from .model import Document, DocumentMeta, Quota
from .references import paragraphs
from .textnorm import match_key

if TYPE_CHECKING:  # pragma: no cover
    from spacy.matcher import Matcher
    from spacy.tokens import Doc, Span

_SMALL_NUMBERS = {"một": 1, "hai": 2, "ba": 3, "bốn": 4, "sáu": 6, "bảy": 7, "bẩy": 7, "tám": 8, "chín": 9,
                  "mười": 10}
_NUM = {"NORM": {"REGEX": r"^(\d{1,4}|" + "|".join(_SMALL_NUMBERS) + r")$"}}
_PCT = {"NORM": "%", "OP": "?"}

#: Words that make a count a cap, not a minimum.
_CAP_WORDS = {"tối đa", "không quá", "nhiều nhất", "được", "chỉ", "đề xuất", "được đề xuất", "chỉ được"}
#: Verbs that stand between the subject and the trigger (stripped from the subject's end).
_VERBS = {"đăng ký", "thực hiện", "xây dựng", "lựa chọn", "chọn", "có", "phải", "cần", "phấn đấu", "duy trì",
          "tổ chức", "triển khai", "giới thiệu", "đạt", "đảm bảo", "bảo đảm", "hoàn thành", "tham gia",
          "thành lập", "phát triển", "nhân rộng", "đăng kí", "cử", "bố trí", "mỗi năm", "hằng năm", "hàng năm",
          "trong năm", "là", "với", "từ", "gồm", "gồm có", "bao gồm", "đạt tỷ lệ", "đạt tỉ lệ", "ký cam kết"}
#: Verbs after "N% <unit>" that make the percentage an obligation on those units.
_PCT_VERBS = {"đăng ký", "xây dựng", "thực hiện", "tham gia", "hoàn thành", "được", "đạt", "triển khai",
              "ký cam kết", "có mô hình", "tổ chức", "cam kết", "phải"}
_TARGET_BEFORE = {"đạt", "phấn đấu", "chỉ tiêu", "bảo đảm", "đảm bảo", "tỷ lệ", "tỉ lệ"}
#: Words after which a number is a label ("năm 2024", "mục 2"), not a count.
_ORDINAL_BEFORE = {"năm", "tháng", "ngày", "quý", "giai đoạn", "đợt", "số", "khóa", "mục", "điều", "khoản",
                   "phụ lục", "lần thứ", "thứ", "tổ", "khối", "ấp", "thôn", "tuần", "lớp", "phần"}
#: "trên N" means "more than N" only after a verb of having or reaching.
_ABOVE_CONTEXT = {"có", "đạt", "đảm bảo", "bảo đảm", "phải", "cần", "phải có", "với", "tỷ lệ", "tỉ lệ", "chiếm",
                  "tăng", "thu hút", "đạt tỷ lệ"}
#: Measurement units after a number: not countable quotas.
_MEASURES = {"m", "km", "m2", "ha", "kg", "tấn", "đồng", "triệu", "tỷ", "năm", "tháng", "ngày", "giờ", "lần",
             "tuổi", "điểm"}


@functools.lru_cache(maxsize=1)
def _matcher() -> "Matcher":
    from spacy.matcher import Matcher

    from .nlp import get_nlp

    matcher = Matcher(get_nlp().vocab)
    matcher.add("MIN", [
        [{"NORM": {"IN": ["ít nhất", "tối thiểu", "ít ra"]}}, _NUM, _PCT],
        [{"NORM": "ít"}, {"NORM": "nhất"}, _NUM, _PCT],
        [{"NORM": "tối"}, {"NORM": "thiểu"}, _NUM, _PCT],
        [{"NORM": "không"}, {"NORM": {"IN": ["dưới", "ít hơn"]}}, _NUM, _PCT],
        [{"NORM": "không"}, {"NORM": "ít"}, {"NORM": "hơn"}, _NUM, _PCT],
    ])
    matcher.add("ABOVE", [[{"NORM": {"IN": ["trên", "hơn", "vượt"]}}, _NUM, _PCT]])
    matcher.add("RANGE", [[{"NORM": "từ"}, _NUM, {"NORM": {"IN": ["đến", "-", "–", "tới"]}}, _NUM, _PCT]])
    matcher.add("UPWARDS", [[_NUM, _PCT, {"OP": "*", "IS_PUNCT": False, "IS_SPACE": False}, {"NORM": "trở"},
                             {"NORM": "lên"}]])
    matcher.add("EACH", [[{"NORM": {"IN": ["mỗi", "từng", "mỗi một"]}}]])
    matcher.add("PCT", [[{"NORM": {"REGEX": r"^\d{1,3}([.,]\d+)?$"}}, {"NORM": "%"}]])
    return matcher


def _number(token_text: str) -> Optional[int]:
    key = match_key(token_text)
    if key.isdigit():
        return int(key)
    return _SMALL_NUMBERS.get(key)


def _normalize(doc: "Doc") -> None:
    """Token norms = tone-folded lower case, so patterns see one spelling."""
    for tok in doc:
        tok.norm_ = match_key(tok.text)


#: Requirements sit in prose or small tables; big tables are registration data.
_MAX_TABLE_ROWS = 60

_CANDIDATE = re.compile(r"\d|\b(một|hai|ba|bốn|sáu|bảy|tám|chín|mười)\b", re.I)
_TRIGGER_TEXT = re.compile(r"ít nhất|tối thiểu|không dưới|không ít hơn|trên\s+\d|hơn\s+\d|mỗi|từng|%|trở lên|"
                           r"từ\s+\d+\s*(đến|-|–|tới)\s*\d", re.I)


def extract_quotas(doc: Document, meta: DocumentMeta, warnings: list[str]) -> list[Quota]:
    """Quotas of every paragraph that contains a trigger word and a number."""
    out: list[Quota] = []
    lead_in: Optional[str] = None
    lines = []
    for block in doc.blocks:
        if getattr(block, "kind", "") == "table" and block.n_rows > _MAX_TABLE_ROWS:  # type: ignore[union-attr]
            warnings.append(f"quotas: table {block.index} has {block.n_rows} rows; "  # type: ignore[union-attr]
                            f"not searched for quotas (a data table, not a requirement)")
            continue
        lines.extend(Document(doc.path, doc.sha256, doc.format, blocks=[block]).lines())
    for para in paragraphs(lines):
        text = para.text
        stripped = _strip_bullet(text)
        if stripped.endswith(":") and len(stripped) < 160:
            lead_in = stripped[:-1].strip()
        if not (_CANDIDATE.search(text) and _TRIGGER_TEXT.search(match_key(text))):
            continue
        for start, end in _sentences(text):
            sentence = text[start:end]
            for quota in quotas_in_sentence(sentence, lead_in):
                quota.location = para.location_at(start)
                out.append(quota)
    return _dedupe(out)


def _sentences(text: str) -> list[tuple[int, int]]:
    """Sentence spans: underthesea's sentence splitter (pipeline.nlp), semicolons kept inside."""
    from .nlp import sentences

    try:
        spans = sentences(text)
    except Exception:  # noqa: BLE001 - a splitter failure must not lose the paragraph
        spans = []
    return spans or [(0, len(text))]


def _strip_bullet(text: str) -> str:
    return re.sub(r"^\s*(?:[-+•–*]+|\d+(?:\.\d+)*\s*[.)]|[a-zđ]\)|[IVXLC]+\.)\s*", "", text).strip()


def quotas_in_sentence(sentence: str, lead_in: Optional[str] = None) -> list[Quota]:
    """Every quota stated in one sentence (public for tests and for other extractors)."""
    from .nlp import make_doc

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
            quota = _from_percent(sdoc, start, end)
        if quota is None:
            continue
        q, span_end = quota
        used.update(range(start, span_end))
        if not q.subject and lead_in:
            q.subject = lead_in
        q.text = sentence.strip()
        out.append(q)
    return out


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
    if not before & _ABOVE_CONTEXT:
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
    if not pct and _is_measure(sdoc, end):
        return None
    q = _build(sdoc, start, end, nums[0][1], pct)
    q.maximum = nums[1][1]
    return q, end


def _from_upwards(sdoc, start, end):
    value, pct, after = _num_tokens(sdoc, start, end)
    if value is None or end - after > 8 or (not pct and _is_measure(sdoc, after)):
        return None
    q = _build(sdoc, start, after, value, pct)
    return q, end


def _from_each(sdoc, start, used):
    """``mỗi thôn 01 ứng cử viên``: a fixed allocation (exact), unless a cap word precedes the number."""
    limit = min(len(sdoc), start + 14)
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
        if prev in _CAP_WORDS or prev2 in _CAP_WORDS or prev in ("ít nhất", "tối thiểu", "dưới", "trên", "từ"):
            return None
        pct = i + 1 < len(sdoc) and sdoc[i + 1].text == "%"
        after = i + (2 if pct else 1)
        if not pct and (_is_measure(sdoc, after) or after >= len(sdoc) or sdoc[after].is_punct):
            return None
        subject = _clean_subject(sdoc[start:i].text)
        subject = _strip_verbs(subject)
        q = _build(sdoc, start, after, value, pct, subject=subject)
        q.exact = True
        return q, after
    return None


def _from_percent(sdoc, start, end):
    """``100% chi bộ đăng ký …`` (a share of units with an obligation) or ``đạt 95%`` (a target)."""
    value = _number(sdoc[start].text.split(",")[0].split(".")[0])
    if value is None:
        return None
    before = " ".join(match_key(t.text) for t in sdoc[max(0, start - 3):start])
    window = [match_key(t.text) for t in sdoc[end:end + 5]]
    is_target = any(w in before for w in _TARGET_BEFORE)
    obliged = any(w in _PCT_VERBS for w in window)
    past = any(match_key(t.text) in ("đã", "được công nhận") for t in sdoc[max(0, start - 6):start])
    if not (is_target or obliged) or past:
        return None  # a state or a past result, not a target
    if is_target:
        return _build(sdoc, start, end, value, True), end
    # the counted units follow the percentage: "100% chi bộ"
    unit_end = end
    while unit_end < len(sdoc) and match_key(sdoc[unit_end].text) not in _PCT_VERBS and not sdoc[unit_end].is_punct:
        unit_end += 1
    units = sdoc[end:unit_end].text.strip()
    subject = _subject(sdoc, start) or units or None
    q = Quota(subject=subject, minimum=value, item=_item(sdoc, end) or units or None, text="", unit="percent")
    return q, end


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
                subj, item = parts[0], parts[1]
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
    lead = _clean_subject(clause[: colon[-1]].text) if colon else ""
    if colon:
        toks = toks[colon[-1] + 1:]
    # strip verbs (and cap-free adverbs) from the end
    while toks and (match_key(toks[-1].text) in _VERBS or toks[-1].is_punct or toks[-1].is_space):
        toks.pop()
    if not toks:
        return lead or None  # "Đảng bộ các phường, xã: Đăng ký …": the lead-in is the subject
    text = sdoc[toks[0].i:toks[-1].i + 1].text
    return _clean_subject(text) or None


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
    text = re.sub(r"\([^()]*\)", " ", text)  # parenthetical explanations
    text = re.sub(r"\([^()]*$", " ", text)  # one left open by the clause cut
    text = _strip_bullet(text)
    text = re.sub(r"\s+(?:trong|vào|từ|đến)?\s*(?:năm|tháng|quý)\s+[\dIVX/]+\b.*$", "", text, flags=re.I)
    text = re.sub(r"\s+", " ", text).strip(" ,:;-–*")
    return text


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
