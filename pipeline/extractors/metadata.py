"""Document metadata from the official layout (issuer, number, place and date, kind, title, signer, unit).

The layout is fixed by Nghị định 30/2020/NĐ-CP (state bodies) and Hướng dẫn 36-HD/VPTW (Party
bodies): issuer block top left, number under it, place-and-date line top right, the type word and
summary centred, the signature block bottom right beside ``Nơi nhận:``. Text extraction may lose
the columns, so every rule reads lines and tolerates their being interleaved or missing. When a
part is absent we infer only from explicit evidence (the body's own verb phrase, the number's
body abbreviation, the ``T/M`` line) and otherwise leave it null.
"""
from __future__ import annotations

import re
from pathlib import Path
from typing import Optional

from ..model import Document, DocumentMeta, Line, Location, Signer
from .references import NUMBER_RE, is_upper_line, normalize_number, number_type, paragraphs, parse_date
from ..textnorm import match_key

# --------------------------------------------------------------------------- vocabularies

#: Type word (capitals, as a heading) → kind. Longest first.
TYPE_WORDS = [
    ("DANH SÁCH ĐĂNG KÝ", "registration_form"), ("PHIẾU ĐĂNG KÝ", "registration_form"),
    ("BẢN ĐĂNG KÝ", "registration_form"),
    ("KẾ HOẠCH", "plan"), ("HƯỚNG DẪN", "guide"), ("THÔNG BÁO", "notice"), ("CHƯƠNG TRÌNH", "program"),
    ("QUYẾT ĐỊNH", "decision"), ("BÁO CÁO", "report"), ("CÔNG VĂN", "official_letter"),
    ("THÔNG TRI", "notice"), ("CÔNG ĐIỆN", "official_letter"), ("TỜ TRÌNH", "report"),
    ("PHƯƠNG ÁN", "plan"), ("NGHỊ QUYẾT", "other"), ("CHỈ THỊ", "other"), ("QUY CHẾ", "other"),
    ("QUY ĐỊNH", "other"), ("ĐỀ ÁN", "other"), ("KẾT LUẬN", "other"), ("GIẤY MỜI", "other"),
    ("BIÊN BẢN", "other"),
]
#: Number type abbreviation → kind (fallback when no type word is seen).
ABBREV_KIND = {"KH": "plan", "HD": "guide", "TB": "notice", "CTR": "program", "QĐ": "decision", "BC": "report"}
#: Type abbreviations of Nghị định 30/2020 (upper case); a number without one belongs to a letter.
TYPE_ABBREVIATIONS = {"NQ", "QĐ", "CT", "QC", "QYĐ", "TC", "TB", "HD", "CTR", "KH", "PA", "ĐA", "DA", "BC", "BB",
                      "TTR", "HĐ", "CĐ", "BGN", "BTT", "GUQ", "GM", "GGT", "GNP", "PG", "PC", "PB", "CV", "KL", "TT",
                      "NĐ", "TTLT", "NQLT", "QH", "L", "PL", "TTG"}
#: Number body abbreviation → issuer body name (used with the level and place found in the text).
ABBREV_BODY = {"UBND": "UBND", "HĐND": "HĐND", "ĐU": "Đảng ủy", "ĐẢNGỦY": "Đảng ủy"}

LEVELS = ["thị trấn", "thị xã", "thành phố", "phường", "xã", "quận", "huyện", "tỉnh", "khối phố", "thôn", "ấp"]
_LEVEL_KEYS = {match_key(x) for x in LEVELS}

#: Readable spelling of organisation and position words (keys are match keys). ``True`` marks
#: words after which a proper name follows (``Thành ủy Long Xuyên``).
LEXICON: dict[str, tuple[str, bool]] = {}
for _canon, _proper in [
    ("Ủy ban nhân dân", False), ("Hội đồng nhân dân", False), ("Ban Chấp hành", False), ("Ban Thường vụ", False),
    ("Ban Dân vận", False), ("Ban Tuyên giáo", False), ("Ban Tổ chức", False), ("Ban Chỉ đạo", False),
    ("Ban Nội chính", False), ("Ủy ban Kiểm tra", False), ("Văn phòng", False), ("Đảng ủy", False),
    ("Đảng bộ", False), ("Chi bộ", False), ("Thành ủy", True), ("Tỉnh ủy", True), ("Huyện ủy", True),
    ("Quận ủy", True), ("Thị ủy", True), ("Mặt trận Tổ quốc Việt Nam", False), ("Mặt trận Tổ quốc", False),
    ("Ủy ban Mặt trận Tổ quốc Việt Nam", False), ("Đoàn Thanh niên Cộng sản Hồ Chí Minh", False),
    ("Đoàn Thanh niên", False), ("Hội Liên hiệp Phụ nữ", False), ("Hội Cựu chiến binh", False),
    ("Hội Nông dân", False), ("Liên đoàn Lao động", False), ("Công an", False), ("Quân sự", False),
    ("Ban Chỉ huy Quân sự", False), ("Khối Dân vận", False), ("Khối vận", False),
    ("Trưởng Ban Chỉ đạo", False), ("Phó Trưởng Ban Chỉ đạo", False),
    ("Phó Chủ tịch", False), ("Chủ tịch", False), ("Phó Bí thư", False), ("Bí thư", False),
    ("Thường trực", False), ("Phó Trưởng ban", False), ("Trưởng ban", False), ("Ủy viên", False),
    ("Giám đốc", False), ("Phó Giám đốc", False), ("Chủ nhiệm", False), ("Phó Chủ nhiệm", False), ("Chánh Văn phòng", False), ("Trưởng", False), ("Phó", False),
    ("kiêm", False), ("Ban", False), ("Hội", False), ("Khối", False), ("Trung ương", False),
    ("Ban Bí thư", False), ("Bộ Chính trị", False), ("Việt Nam", False), ("Hồ Chí Minh", False),
    ("Đoàn", False), ("Tỉnh đoàn", True), ("Thành đoàn", True), ("Huyện đoàn", True), ("Quận đoàn", True),
    ("Ban Thường trực", False), ("Ủy ban MTTQ Việt Nam", False), ("Ủy ban MTTQ", False),
    ("Hội Liên hiệp Phụ nữ Việt Nam", False), ("Ban Chấp hành Đoàn", False),
    ("Sở", False), ("Phòng", False), ("Cục", False), ("Chi cục", False), ("Trung tâm", False),
    ("Công đoàn cơ sở", False), ("Công đoàn", False), ("Trường", False), ("Ban Quản lý dự án", False),
]:
    LEXICON[match_key(_canon)] = (_canon, _proper)
_LEX_MAX = max(len(k.split()) for k in LEXICON)
#: Department heads read as such only at the start (``QUỐC PHÒNG`` is no ``Phòng``).
_OPENING_ONLY = {match_key(w) for w in ("Sở", "Phòng", "Cục", "Chi cục", "Trung tâm")}
#: Heads whose own name follows with a capital (``Sở Nội vụ``, ``Ban Dân vận``, ``Phòng Văn hóa``).
_NAMED_HEADS = {"Sở", "Phòng", "Cục", "Chi cục", "Trung tâm", "Ban"}
ACRONYMS = {"UBND", "HĐND", "MTTQ", "MTTQVN", "UBMTTQ", "UBMTTQVN", "BCH", "BTV", "BCĐ", "TP", "TP.", "TW",
            "LHPN", "CCB", "TNCS", "HCM", "VN", "ĐTN", "BDV", "CT-XH", "TX", "TT", "ĐU", "BDVTU", "TX."}

_MOTTO = re.compile(r"CỘNG\s+H[OÒ]À?\s*X[AÃ]\s+HỘI\s+CHỦ\s+NGHĨA\s+VIỆT\s+NAM|CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM"
                    r"|Độc\s+lập\s*[-–]\s*Tự\s+do\s*[-–]\s*Hạnh\s+phúc|ĐẢNG\s+CỘNG\s+SẢN\s+VIỆT\s+NAM", re.I)
#: Mass organisations print their own name on the right, as the Party does (``ĐOÀN TNCS HỒ CHÍ MINH``).
_EMBLEM = re.compile(r"ĐOÀN\s+TNCS\s+HỒ\s+CHÍ\s+MINH|ĐOÀN\s+THANH\s+NIÊN\s+CỘNG\s+SẢN\s+HỒ\s+CHÍ\s+MINH"
                     r"|HỘI\s+LIÊN\s+HIỆP\s+PHỤ\s+NỮ\s+VIỆT\s+NAM|MẶT\s+TRẬN\s+TỔ\s+QUỐC\s+VIỆT\s+NAM$")
#: ``Số: 344/KH-UBND``; ``SỐ 215-KL/HU`` where a header line was typed (or decoded) in capitals.
_NUMBER_LINE = re.compile(r"(?:^|\s)(?:Số|SỐ(?=\s*:?\s*\d))\s*:?\s*(.*)$")
_PLACE_DATE = re.compile(
    r"([^\W\d_][^\n,]{0,60}?),\s*ngày\s*(?:(\d{1,2}|[\s.…_/-]*)\s*tháng\s*(\d{1,2}|[\s.…_/-]*)\s*năm\s*(\d{4})"
    r"|(\d{1,2})\s*[/.-]\s*(\d{1,2})\s*[/.-]\s*(\d{4}))", re.I)
_AUTHORITY = re.compile(r"^\s*(T/M|TM\.?|K/T|KT\.?|TL\.?|TUQ\.?|Q\.|Q/)\s+", re.I)
_POSITION_WORDS = re.compile(r"\b(CHỦ TỊCH|CHỦ NHIỆM|BÍ THƯ|TRƯỞNG|PHÓ|GIÁM ĐỐC|CHÁNH|ỦY VIÊN|UỶ VIÊN|THƯỜNG TRỰC|TỔNG)\b")
_SIGN_NOISE = re.compile(r"^\(?\s*(ký|đã ký|ký tên|ký,|ký và|ghi rõ)|^\d{4}-\d{2}-\d{2}T\d|^\(.*\)$|^\*+$", re.I)
_ORG_START = (r"(?:Ban|Đảng\s+[uủ]ỷ?|Đảng\s+ủy|Ủy\s+ban|Uỷ\s+ban|UBND|HĐND|Thường\s+trực|Khối|Hội|Đoàn|Mặt\s+trận|"
              r"Thành\s+[uủ]ỷ?|Tỉnh\s+[uủ]ỷ?|Huyện\s+[uủ]ỷ?|Quận\s+[uủ]ỷ?|Thị\s+[uủ]ỷ?|Chi\s+bộ|Công\s+an|"
              r"Phòng|Sở|Văn\s+phòng|Liên\s+đoàn|Ủy\s+ban|UBMTTQ|MTTQ|Cơ\s+quan|Trung\s+tâm|Bộ)")
_BODY_VERB = re.compile(
    r"(?:^|[,.;:]\s+|\)\s+)(" + _ORG_START + r"[^,.;:()]{0,90}?)\s+"
    r"(ban\s+hành|xây\s+dựng\s+(?:kế\s+hoạch|chương\s+trình|hướng\s+dẫn)|hướng\s+dẫn|đề\s+nghị|thông\s+báo|"
    r"yêu\s+cầu|triển\s+khai|quyết\s+định|báo\s+cáo|kính\s+đề\s+nghị)\b")
_SELF_KIND = re.compile(r"(?:Trên\s+đây\s+là|ban\s+hành|xây\s+dựng)\s+(kế\s+hoạch|hướng\s+dẫn|thông\s+báo|"
                        r"chương\s+trình|quyết\s+định|báo\s+cáo)", re.I)
_SELF_KIND_MAP = {"kế hoạch": "plan", "hướng dẫn": "guide", "thông báo": "notice", "chương trình": "program",
                  "quyết định": "decision", "báo cáo": "report"}
_UNIT = re.compile(r"Đơn\s+vị(?:\s+(?:đăng\s+ký|thực\s+hiện))?\s*:\s*(.*)$", re.I)
_RANK = re.compile(r"^(?:(?:Đại|Thượng|Trung|Thiếu)\s+(?:tướng|tá|úy|uý)|(?:PGS\.\s*)?TS\.|ThS\.|KS\.|BS\.|Ls\.)\s+")
_BODY_START = re.compile(r"^\s*(Căn\s+cứ|Kính\s+gửi|Ngày\s+\d|I\.|1\.)")
#: Openers shared by summaries ("Thực hiện phong trào …") and body sentences ("Thực hiện Kế hoạch số …, …:").
_SOFT_BODY_START = re.compile(r"^\s*(Thực\s+hiện|Để\s|Nhằm|Trên\s+cơ\s+sở|Theo\s|Qua\s)")


def _clean(text: str) -> str:
    """Markdown emphasis and stray spaces removed (``**K/T TRƯỞNG BAN`` → ``K/T TRƯỞNG BAN``)."""
    return re.sub(r"\s+", " ", text.replace("**", "").replace("__", "")).strip().strip("*").strip()


def _loc(line: Line) -> dict:
    return line.location.to_dict()


# --------------------------------------------------------------------------- readable case


_SCHOOL_TYPES = {"THPT", "THCS", "TH", "MN", "MG", "ĐH", "PTDTNT", "PTDTBT", "TH&THCS", "THCS&THPT"}


def readable_case(text: str) -> str:
    """``UBND PHƯỜNG MỸ PHƯỚC`` → ``UBND phường Mỹ Phước``; text already in mixed case is kept."""
    text = _clean(text)
    if not is_upper_line(text):
        return text
    words = text.split(" ")
    out: list[str] = []
    i = 0
    proper = False
    name_next = in_name = False
    while i < len(words):
        # longest lexicon phrase first
        hit = None
        for n in range(min(_LEX_MAX, len(words) - i), 0, -1):
            key = match_key(" ".join(words[i:i + n]))
            if key in LEXICON and (i == 0 or key not in _OPENING_ONLY):
                hit = (n, LEXICON[key])
                break
            if n <= 2 and key in _LEVEL_KEYS:
                hit = (n, (key, True))
                break
        if hit:
            n, (canon, after_proper) = hit
            if canon in _LEVEL_KEYS:
                canon = " ".join(words[i:i + n]).lower()
            out.append(canon)
            proper = after_proper
            name_next = canon in _NAMED_HEADS
            in_name = False
            i += n
            continue
        word = words[i]
        bare = word.strip(",.;:()")
        if bare.upper() in ACRONYMS or (len(bare) <= 6 and not re.search(r"[AEIOUYĂÂÊÔƠƯÁÀẢÃẠÉÈẺẼẸÍÌỈĨỊÓÒỎÕỌÚÙỦŨỤÝỲỶỸỴ"
                                                                            r"ẮẰẲẴẶẤẦẨẪẬẾỀỂỄỆỐỒỔỖỘỚỜỞỠỢỨỪỬỮỰ]", bare)):
            out.append(word)
            if bare.upper() in _SCHOOL_TYPES:
                proper = True  # "TRƯỜNG THPT BẾN CÁT": the school's name follows its type
        elif proper or not out or name_next:
            out.append(word[:1] + word[1:].lower())
        else:
            out.append(word.lower())
        # "Phòng Giáo dục và Đào tạo": each part of a department's name keeps its capital
        was_name = in_name or name_next
        in_name = was_name and word.lower() != "và"
        name_next = was_name and word.lower() == "và"
        i += 1
    result = " ".join(out)
    return result[:1].upper() + result[1:]


# --------------------------------------------------------------------------- main entry


def extract_metadata(doc: Document, warnings: list[str]) -> DocumentMeta:
    """Everything the header, title and signature block say about the document."""
    meta = DocumentMeta()
    lines = [ln for ln in doc.lines() if ln.text.strip()]
    if not lines:
        return meta
    heading = _find_type_heading(lines)
    signature = _find_signature(lines, heading)
    attached_form = False
    if heading is not None and heading[1] == "registration_form":
        closers = [i for i, ln in enumerate(lines[: heading[0]])
                   if re.match(r"\s*Nơi\s+nhận", _clean(ln.text), re.I) or _AUTHORITY.match(_clean(ln.text))]
        if signature is not None and signature[2] < heading[0]:
            closers.append(signature[2])
        # a signed (or addressed) body before the form: the form is an attachment
        attached_form = bool(closers) and any(len(ln.text) > 80 and not is_upper_line(ln.text)
                                              for ln in lines[: min(closers)])
    head_end = heading[0] if heading and not attached_form else _header_zone_end(lines)

    # number (top of the document only: later "Số" lines are citations or table cells)
    for idx in range(min(len(lines), max(head_end, 1) + 2)):
        line = lines[idx]
        m = _NUMBER_LINE.search(_clean(line.text))
        if not m or not (line.text.strip().startswith(("Số", "SỐ")) or line.region == "header-left"
                         or re.search(r"\bSố\s*:?\s*\d*\s*[-/]\s*[A-ZĐ]", line.text)):
            continue
        raw = _clean(line.text)[m.start():].strip()
        rest = m.group(1).strip()
        if not re.match(r"\d*\s*[/-]", rest) and idx + 1 < len(lines):
            # two-column text may push the number part onto the next (right-hand) line
            cont = re.match(r"\s*(\d*\s*[/-]\s*[A-ZĐ][\wĐđ./-]*)", _clean(lines[idx + 1].text))
            if cont and not rest:
                rest = cont.group(1)
                raw = f"{raw} {rest}"
        meta.number_raw = raw
        nm = NUMBER_RE.match(rest)
        if nm and re.search(r"[^\W\d_]", nm.group(2)):
            meta.number = normalize_number(nm.group(0))
        meta.location["number"] = _loc(line)
        break

    # place and date: header line; a registration form's footer line
    kind, kind_line = _kind(heading, attached_form, lines, meta, signature)
    meta.kind = kind
    if kind_line is not None:
        meta.location["kind"] = _loc(kind_line)
    date_lines = list(range(min(len(lines), head_end + 3)))
    if kind == "registration_form":
        date_lines += list(range(len(lines) - 1, max(len(lines) - 15, head_end), -1))
    for idx in date_lines:
        text = _clean(lines[idx].text)
        m = _PLACE_DATE.search(text)
        if not m or len(text) - m.end() > 20:
            continue  # a date inside a sentence is not the place-and-date line
        place = _place_from(m.group(1))
        if not place:
            continue
        meta.place = place
        if m.group(5):  # "Long Xuyên, ngày 20/3/2024"
            meta.issued_on = parse_date(f"ngày {m.group(5)} tháng {m.group(6)} năm {m.group(7)}")
        elif m.group(2).strip().isdigit() and m.group(3).strip().isdigit():
            meta.issued_on = parse_date(f"ngày {m.group(2)} tháng {m.group(3)} năm {m.group(4)}")
        meta.location["issued_on"] = meta.location["place"] = _loc(lines[idx])
        break

    # title and subject
    if heading is not None and not attached_form:
        meta.title = _title(lines, heading)
        if meta.title:
            meta.location["title"] = _loc(lines[heading[0]])
    for line in lines[: head_end + 3]:
        vm = re.match(r"^\s*V/v\s*:?\s*(.+)$", _clean(line.text), re.I)
        if vm:
            subject = [vm.group(1).strip()]
            pos = lines.index(line)
            for nxt in lines[pos + 1: pos + 4]:
                text = _clean(nxt.text)
                if (nxt.region == "header-right" or _PLACE_DATE.search(text) or is_upper_line(text)
                        or re.match(r"(Kính\s+gửi|Căn\s+cứ|Thực\s+hiện)", text, re.I) or len(text) > 90):
                    if nxt.region == "header-right":
                        continue
                    break
                if nxt.location.line is not None and line.location.line is not None \
                        and nxt.location.line - line.location.line > 3:
                    break
                subject.append(text)
            meta.subject = " ".join(subject)
            if meta.title is None:
                meta.title = meta.subject
            if meta.kind in ("other",):
                meta.kind = "official_letter"
            meta.location["subject"] = _loc(line)
            break

    # signer
    if signature is not None:
        name_line, title, _start = signature
        name = _RANK.sub("", _clean(name_line.text))
        if is_upper_line(name):
            name = " ".join(w.capitalize() for w in name.split())  # NGUYỄN THỊ MỸ → Nguyễn Thị Mỹ
        meta.signer = Signer(name=name, title=title)
        meta.location["signer"] = _loc(name_line)

    # issuer
    issuer, issuer_line = _issuer(lines, head_end, meta, doc)
    if issuer and meta.kind != "registration_form" or (issuer and issuer_line is not None
                                                       and (issuer_line.region == "header-left"
                                                            or issuer_line.location.table is not None)):
        meta.issuer = issuer
        if issuer_line is not None:
            meta.location["issuer"] = _loc(issuer_line)

    if meta.kind == "registration_form":
        _unit(lines, meta, doc, warnings, head_end)
    return meta


# --------------------------------------------------------------------------- pieces


def _header_zone_end(lines: list[Line]) -> int:
    """Index of the first body line when no type heading was found: the header is what precedes it
    (capitals, the motto, ``Số``, ``V/v``, the place-and-date line, separators)."""
    for idx, line in enumerate(lines[:30]):
        text = _clean(_MOTTO.sub(" ", line.text)).strip(" *-–_=")
        if not text or line.region in ("header-left", "header-right"):
            continue
        if is_upper_line(text) and not re.match(r"^[IVXLC]+\.|^\d+\.", text):
            continue
        if re.match(r"^(Số\b|V/v\b)", text, re.I) or _PLACE_DATE.search(text):
            continue
        return idx
    return min(len(lines), 30)


def _find_type_heading(lines: list[Line]) -> Optional[tuple[int, str, str]]:
    """(line index, kind, rest of the line) of the first capitals type word standing as a heading."""
    for idx, line in enumerate(lines):
        text = _clean(line.text)
        upper_head = text.split("**")[0] if "**" in line.text else text
        for word, kind in TYPE_WORDS:
            if not text.startswith(word):
                continue
            rest = text[len(word):].strip()
            head_part = _clean(line.text.split("**")[0]) if "**" in line.text else text
            if not is_upper_line(head_part):
                continue
            if rest and is_upper_line(rest) and kind != "registration_form" and len(rest) > 60:
                continue
            return idx, kind, rest
        if text.startswith("DANH SÁCH") and is_upper_line(text):
            nxt = _clean(lines[idx + 1].text) if idx + 1 < len(lines) else ""
            if "ĐĂNG KÝ" in text:
                return idx, "registration_form", text[len("DANH SÁCH"):].strip()
            if text == "DANH SÁCH" and "ĐĂNG KÝ" in nxt and is_upper_line(nxt):
                return idx, "registration_form", nxt
        del upper_head
    return None


def _kind(heading, attached_form, lines, meta, signature) -> tuple[str, Optional[Line]]:
    zone = _header_zone_end(lines)
    letter = next((ln for ln in lines[: zone + 3] if re.match(r"^\s*V/v\b", _clean(ln.text), re.I)), None)
    if letter is not None and (heading is None or heading[0] > zone + 2):
        return "official_letter", letter  # a "V/v" subject in the header: a letter, whatever it attaches
    if heading is not None and not attached_form:
        return heading[1], lines[heading[0]]
    body = " ".join(_clean(ln.text) for ln in lines[: (signature[2] if signature else len(lines))])
    m = _SELF_KIND.search(body)
    if m:
        return _SELF_KIND_MAP[re.sub(r"\s+", " ", m.group(1).lower())], None
    if meta.number:
        abbrev = (number_type(meta.number) or "").upper()
        if abbrev in ABBREV_KIND:
            return ABBREV_KIND[abbrev], None
        if abbrev and abbrev not in TYPE_ABBREVIATIONS and not abbrev.isdigit():
            return "official_letter", None  # "123/UBND-VP": a number without a type is a letter's
    if attached_form:
        # a signed call that circulates a blank registration template launches a campaign: a plan
        return "plan", None
    return "other", None


def _place_from(before: str) -> Optional[str]:
    """The place name ending the text before ``, ngày``: its trailing capitalised words."""
    before = re.sub(r"^.*\bSố\s*:?", " ", before)
    before = NUMBER_RE.sub(" ", before)
    before = re.sub(r"^\s*\d*\s*[/-]\S*", " ", before)  # a draft number "/KH-UBND" left of the place
    words = before.split()
    picked: list[str] = []
    for word in reversed(words):
        if re.search(r"/|^[A-ZĐ]+-[A-ZĐ]", word):
            break  # a number or symbol ("KH-MTTQ-BTT"), not part of the place
        if word[:1].isupper() or re.fullmatch(r"(TP|Tp|tp)\.?", word):
            picked.append(word)
        elif picked and word.lower() in ("thành", "phố", "thị", "xã", "trấn", "phường", "huyện", "tỉnh", "quận"):
            picked.append(word)
        else:
            break
        if len(picked) >= 6:
            break
    place = " ".join(reversed(picked)).strip(" ,.:*")
    if not place or is_upper_line(place) and len(place.split()) > 4:
        return None
    return place


def _title(lines: list[Line], heading: tuple[int, str, str]) -> Optional[str]:
    idx, kind, rest = heading
    parts: list[str] = []
    if kind == "registration_form":
        head = _clean(lines[idx].text)
        if head == "DANH SÁCH":
            return f"{head} {rest}".strip()
        nxt = _clean(lines[idx + 1].text) if idx + 1 < len(lines) else ""
        if nxt and is_upper_line(nxt) and len(nxt) < 80 and "|" not in nxt and not _UNIT.search(nxt):
            return f"{head} {nxt}"  # a capitals heading wrapped over two lines
        return head
    if rest:
        parts.append(rest)
    open_bold = lines[idx].text.count("**") % 2 == 1
    prev_no = lines[idx].location.line
    for line in lines[idx + 1: idx + 6]:
        text = _clean(line.text)
        no = line.location.line
        if not text or _BODY_START.match(text) or re.fullmatch(r"[-_=*.\s]+", text):
            break
        if _SOFT_BODY_START.match(text) and (len(text) > 100 or re.search(r"[,:;]\s*$|\bsố\s*\d", text)):
            break
        if prev_no is not None and no is not None and no - prev_no > (1 if parts else 3):
            break  # a blank line after the summary starts the body
        if parts and re.search(r"[.:]$", parts[-1]) and not open_bold:
            break
        if len(text) > 160:
            break
        if parts and is_upper_line(text) and not is_upper_line(parts[-1]):
            break  # "BAN THƯỜNG VỤ …" (the enacting body of a decision) is not the summary
        parts.append(text)
        prev_no = no
        if "**" in line.text:
            open_bold = not open_bold
            if not open_bold:
                break
    title = " ".join(parts).strip(" *")
    return title or None


def _split_trailing_caps(text: str) -> Optional[str]:
    """``Nơi nhận: CHỦ TỊCH`` or ``- Lưu: VT. CHỦ TỊCH`` → ``CHỦ TỊCH`` (side-by-side columns read as one line)."""
    words = text.split()
    tail: list[str] = []
    for word in reversed(words):
        if is_upper_line(word) or word in ("/", "-") or re.fullmatch(r"[A-ZĐ]/[A-ZĐ]", word):
            tail.append(word)
        else:
            break
    if len(tail) == len(words) or not tail:
        return None
    cand = " ".join(reversed(tail))
    if _POSITION_WORDS.search(cand) or _AUTHORITY.match(cand):
        return cand
    return None


def _is_position(text: str) -> bool:
    if not is_upper_line(text) and _mostly_upper(text):
        text = text.upper()  # "PHÓ Bí THƯ": a decoder lost the case of one toned capital
    return is_upper_line(text) and bool(_POSITION_WORDS.search(text) or _AUTHORITY.match(text))


def _mostly_upper(text: str) -> bool:
    """At least 4 letters and at most one lower-case letter in five: a capitals line with damaged case."""
    letters = [c for c in text if c.isalpha()]
    return len(letters) >= 4 and sum(c.islower() for c in letters) * 5 <= len(letters)


#: Ê Đê / Gia Rai / Cơ Ho names keep an apostrophe: ``H' Loan``, ``K'Brơi``, ``Y’ Djuin``.
_NAME_WORD = re.compile(r"^[A-ZĐÀ-Ỹ](?:[a-zđà-ỹ]*|['’][A-ZĐÀ-Ỹa-zđà-ỹ]*)$")
_NOT_NAME_FIRST = {"Ban", "Đảng", "Ủy", "Uỷ", "Hội", "Công", "Chi", "Văn", "Phòng", "Sở", "Nơi", "Kính", "Độc",
                   "Cộng", "Trưởng", "Phó", "Chủ", "Bí", "Lưu", "Thường", "Mô", "Tên", "Địa", "Lĩnh", "Thời",
                   "Đơn", "Tập", "Các", "Trên", "Ghi", "Xác", "Người", "Khối", "Tổ", "Đoàn", "Thành", "Tỉnh",
                   "Huyện", "Quận", "Thị", "Phường", "Xã", "Mặt", "Liên", "Trung", "Quân", "Bộ", "Nhà", "Đường"}

#: Words that make "Danh …" a noun (list, title) rather than the surname Danh.
_DANH_NOUNS = {"sách", "mục", "hiệu", "dự", "nghĩa", "tính", "bạ", "thiếp", "xưng"}

def _is_name(text: str, strict_caps: bool = True) -> bool:
    """A person's name: 2–5 capitalised words (``Nguyễn Thị Bích Hạnh``); in capitals only with a known
    surname first (``NGUYỄN THỊ MỸ``) or right under a position line."""
    words = _RANK.sub("", _clean(text)).split()
    if not 2 <= len(words) <= 5 or words[0].capitalize() in _NOT_NAME_FIRST:
        return False
    if words[0].capitalize() == "Danh" and words[1].lower() in _DANH_NOUNS:
        return False  # "Danh sách …" is a heading; "Danh Thị Sa Rươl" is a (Khmer) surname
    if all(_NAME_WORD.match(w) for w in words):
        return True
    caps = is_upper_line(text) and all(re.fullmatch(r"[A-ZĐÀ-Ỹ]+", w) for w in words) \
        and not _POSITION_WORDS.search(text)
    return caps and (not strict_caps or words[0].capitalize() in _SURNAMES)


_SURNAMES = set("Nguyễn Trần Lê Phạm Hoàng Huỳnh Phan Vũ Võ Đặng Bùi Đỗ Hồ Ngô Dương Lý Đinh Đào Trương Lương Mai "
                "Cao Châu Tô Tạ Hà Lâm Phùng Quách Thái Tăng Thân Trịnh La Lưu Kiều Mạc Triệu Chu Khúc Nông Âu "
                "Doãn Diệp Giang Hứa Kim Lạc Lã Lò Mạch Nghiêm Quan Tống Từ Vi Vương Ninh Hầu Hàn Đoàn Đàm Thạch "
                "Tiêu Bạch Danh Lục Huỳnh Mã Ông Văn Viên Yên Hoàng Bế Hoàng Đồng Lăng Phí Sầm Tôn".split())


def _find_signature(lines: list[Line], heading) -> Optional[tuple[Line, Optional[str], int]]:
    """(name line, title, index of the block's first line) of the last signed block of the document."""
    for idx in range(len(lines) - 1, -1, -1):
        text = _clean(lines[idx].text)
        if not text or _SIGN_NOISE.match(text) or not _is_name(text, strict_caps=False):
            continue
        if lines[idx].region == "recipients" and not _after_position(lines, idx):
            continue  # a name in the recipients list, unless a signature title stands right above it
        if is_upper_line(text) and not _is_name(text, strict_caps=True) and not (
                idx > 0 and _is_position(_clean(lines[idx - 1].text))):
            continue
        # walk back over the title lines (skipping noise and the recipients list beside it)
        titles: list[str] = []
        start = idx
        j = idx - 1
        steps = 0
        while j >= 0 and steps < 14:
            prev = _clean(lines[j].text)
            steps += 1
            if not prev or _SIGN_NOISE.match(prev):
                j -= 1
                continue
            cand = prev
            if re.match(r"^(?:[IVXLC]+|\d{1,2})\s*[.)]\s", cand):
                break  # a numbered section heading ("II. CHỈ TIÊU") is body text, not a signature title
            if lines[j].region == "recipients" and not _split_trailing_caps(cand) and not _is_position(cand):
                j -= 1
                continue  # the recipients list beside the signature
            if lines[j].region == "recipients":
                cand = _split_trailing_caps(cand) or cand
            if not _is_position(cand) and not (titles and cand.lower() == "kiêm"):
                split = _split_trailing_caps(cand)
                if split:
                    cand = split
                elif titles and (is_upper_line(cand) and not _UNIT.search(cand) and len(cand) < 60
                                 and not cand.startswith("-")):
                    cand = cand  # an upper-case continuation (``THƯỜNG TRỰC``)
                elif cand.startswith("-") or cand.lower().startswith("nơi nhận") or _UNIT.search(cand) \
                        or _PLACE_DATE.search(cand):
                    j -= 1
                    continue
                else:
                    break
            titles.insert(0, cand)
            start = j
            j -= 1
            if _AUTHORITY.match(cand):
                break  # "T/M BAN THƯỜNG VỤ" opens the signature block
        if not titles:
            continue
        return lines[idx], _signer_title(titles), start
    return None


def _after_position(lines: list[Line], idx: int) -> bool:
    """The nearest non-noise line above is a position (``CHỦ TỊCH``): a one-column layout put the
    signature under ``Nơi nhận:``, so a reader may have labelled it as part of the recipients."""
    for j in range(idx - 1, max(idx - 5, -1), -1):
        prev = _clean(lines[j].text)
        if not prev or _SIGN_NOISE.match(prev):
            continue
        return _is_position(prev)
    return False


def _signer_title(titles: list[str]) -> Optional[str]:
    """``T/M ĐẢNG ỦY`` + ``PHÓ BÍ THƯ THƯỜNG TRỰC`` → ``Phó Bí thư Thường trực`` (the authority line is dropped)."""
    titles = [t.upper() if not is_upper_line(t) and _mostly_upper(t) else t for t in titles]
    kept = [t for t in titles if not _AUTHORITY.match(t)]
    if not kept:
        kept = [_AUTHORITY.sub("", titles[-1])]
    return " ".join(readable_case(t) if is_upper_line(t) else t for t in kept) or None


def _issuer(lines: list[Line], head_end: int, meta: DocumentMeta, doc: Document) -> tuple[Optional[str], Optional[Line]]:
    # 1. the left header block
    block: list[Line] = []
    for line in lines[: max(min(head_end, _header_zone_end(lines)), 0)]:
        if line.region == "header-right":
            # the right column only, unless a reader merged both columns into one line
            merged = _MOTTO.search(line.text) or _EMBLEM.search(line.text)
            if not merged or not line.text[: merged.start()].strip():
                continue
            text = _clean(line.text[: merged.start()])
        else:
            text = line.text
        text = _clean(_MOTTO.sub(" ", text))
        text = re.sub(r"(?:^|\s)(?:Số|SỐ(?=\s*:?\s*\d))\s*:?.*$", "", text).strip()
        if "|" in text:  # a sheet's header row: the body's cell, not the motto beside it
            text = next((c.strip() for c in text.split("|") if c.strip()), "")
        pm = _PLACE_DATE.search(text)
        if pm:
            text = text[: pm.start()].strip()
        text = text.strip(" *-–_")
        if not text or re.match(r"^V/v\b", text, re.I):
            continue
        if is_upper_line(text) and not any(text.startswith(w) for w, _ in TYPE_WORDS):
            block.append(Line(text, line.location, line.region))
        elif block:
            break
    if block:
        return readable_case(compose_issuer([b.text for b in block])), block[-1]
    flat = " ".join(_clean(ln.text) for ln in lines)
    # 2. the number's body abbreviation with the level and place named in the text
    if meta.number and meta.place:
        body = meta.number.split("-")[-1].split("/")[-1].upper()
        if body in ABBREV_BODY:
            lm = re.search(r"\b(" + "|".join(LEVELS) + r")\s+" + re.escape(meta.place) + r"\b", flat, re.I)
            if lm:
                return f"{ABBREV_BODY[body]} {lm.group(1).lower()} {meta.place}", None
    # 3. the body's own verb phrase ("Ban Dân vận Thành ủy hướng dẫn …") in the opening paragraphs
    opening = [p for p in paragraphs(lines[: min(len(lines), max(head_end, 0) + 40)])][:8]
    for para in opening:
        for m in _BODY_VERB.finditer(para.text):
            cand = _clean(m.group(1))
            if 1 <= len(cand.split()) <= 14:
                return cand, Line(cand, para.location_at(m.start(1)))
    # 4. the signature's collective body ("T/M ĐẢNG ỦY")
    for line in reversed(lines):
        m = _AUTHORITY.match(_clean(line.text))
        if m and m.group(1).upper().replace(".", "") in ("T/M", "TM"):
            return readable_case(_clean(line.text)[m.end():]), line
    return None, None


#: A body named after its level word: ``HUYỆN ỦY TAM NÔNG``, ``TỈNH ĐOÀN QUẢNG NGÃI`` (not a place line).
_LEVEL_BODY = re.compile(r"^(?:thành|tỉnh|huyện|quận|thị|xã|phường)\s+(?:ủy|đoàn|hội)\b")
#: A collective head waiting for its organisation on the next line (``BAN CHẤP HÀNH TRUNG ƯƠNG`` /
#: ``ĐOÀN TNCS HỒ CHÍ MINH``).
_OPEN_HEAD = re.compile(r"^(?:ban chấp hành|bch|ban thường vụ|btv|ban thường trực|ban bí thư)(?:\s+trung ương)?$"
                        r"|^(?:công đoàn cơ sở|công đoàn bộ phận|cđcs)$")
#: Bodies that are a part of a larger one and carry no place of their own.
_SUB_BODY = re.compile(r"^(?:ban|văn phòng|sở|phòng|chi cục|cục|vụ|trung tâm|ủy ban kiểm tra|thường trực|"
                       r"cơ quan|bộ phận|tổ|hội đồng|đảng đoàn|ban cán sự)\b")
_LEVEL_WORD = re.compile(r"\b(?:" + "|".join(sorted(LEVELS, key=len, reverse=True)) + r")\s+\S")


#: Words that open the name of a body (a line starting with one is a body of its own, not a wrapped tail).
_BODY_HEAD = re.compile(r"^(?:ban|đảng|ủy|ubnd|hđnd|ub|hội|đoàn|sở|phòng|cục|chi|văn phòng|công an|mặt trận|mttq|"
                        r"trung ương|trung tâm|bch|btv|liên|khối|tổ|bộ|cơ quan|thường trực|trường|công ty|bệnh viện|"
                        r"ngân hàng|viện|tòa|trạm|hợp tác|quân|tỉnh|thành|huyện|quận|thị|xã|phường|ấp|thôn|"
                        r"tổng|đài|nhà|câu lạc bộ|ban)\b")


def _is_wrapped_tail(key: str, prev_key: str) -> bool:
    """``ỦY BAN NHÂN DÂN PHƯỜNG HÒA KHÁNH`` / ``BẮC``: a narrow column wrapped a place name; the tail
    is one or two words that open no body of their own, under a line that names a level.
    A line opening on a conjunction (``VÀ DU LỊCH`` under ``SỞ VĂN HÓA, THỂ THAO``), under a line ending
    on a comma or conjunction, or a ``KHU VỰC …`` qualifier under a body that names no place, also
    continues the name above."""
    if re.match(r"^(?:và|&)\s", key) or re.search(r"(?:,|\s(?:và|&|-))$", prev_key):
        return True
    if re.match(r"^khu vực\s", key) and _BODY_HEAD.match(prev_key) and not _names_place(prev_key):
        return True
    if (not _BODY_HEAD.match(key) and re.match(r"^ban\s", prev_key) and not _names_place(prev_key)
            and len(key.split()) <= 6 and not re.match(r"^(?:v/v|số)\b", key)):
        return True  # "BAN QUẢN LÝ DỰ ÁN" / "ĐẦU TƯ XÂY DỰNG KHU VỰC": a board's name wrapped
    return len(key.split()) <= 2 and not _BODY_HEAD.match(key) and bool(_LEVEL_WORD.search(prev_key))


def _is_place_line(key: str) -> bool:
    """``PHƯỜNG PHỔ MINH``, ``THỊ XÃ BUÔN HỒ``: the level and place completing the line above."""
    return bool(re.match(r"^(?:" + "|".join(LEVELS) + r")\b", key)) and not _LEVEL_BODY.match(key)


def _names_place(key: str) -> bool:
    """The line names its own level and place (``UBND PHƯỜNG MỸ PHƯỚC``, ``HUYỆN ỦY TAM NÔNG``) or the
    national level (``TRUNG ƯƠNG``)."""
    if _LEVEL_BODY.search(key) or "trung ương" in key or re.search(r"\bkhu vực\s+[^\d\s]", key):
        return True  # "… KHU VỰC HƯƠNG SƠN": a regional body names its own area
    return any(not _LEVEL_BODY.match(key[m.start():]) for m in _LEVEL_WORD.finditer(key))


def compose_issuer(block: list[str]) -> str:
    """The issuer from the header block's lines (the superior first, the issuer last).

    Lines that continue a name are joined first (``ỦY BAN NHÂN DÂN`` + ``PHƯỜNG PHỔ MINH``;
    ``BAN CHẤP HÀNH TRUNG ƯƠNG`` + ``ĐOÀN TNCS HỒ CHÍ MINH``). The last body is the issuer when it
    names its own place (``HUYỆN ỦY TAM NÔNG`` under ``ĐẢNG BỘ TỈNH ĐỒNG THÁP``); a part of a body
    without one (``BAN DÂN VẬN``, ``BAN THƯỜNG TRỰC``, ``SỞ NỘI VỤ``) takes its parent's name after it."""
    units: list[str] = []
    for text in (_clean(t) for t in block):
        if not text:
            continue
        key = match_key(text)
        if units and (_is_place_line(key) or _OPEN_HEAD.match(match_key(units[-1]))
                      or _is_wrapped_tail(key, match_key(units[-1]))):
            units[-1] = f"{units[-1]} {text}"
        else:
            units.append(text)
    if not units:
        return ""
    last = units[-1]
    key = match_key(last)
    if len(units) > 1 and _SUB_BODY.match(key) and not _names_place(key):
        parent = units[-2]
        if re.match(r"^(?:sở|phòng|chi cục|cục)\b", key):
            # a department of the People's Committee: "Sở Nội vụ tỉnh Quảng Ngãi"
            parent = re.sub(r"^(?:UBND|Ủy\s+ban\s+nhân\s+dân|Uỷ\s+ban\s+nhân\s+dân)\s+", "", parent, flags=re.I)
        return f"{last} {parent}"
    return last


def _unit(lines: list[Line], meta: DocumentMeta, doc: Document, warnings: list[str], head_end: int) -> None:
    """A form's filling unit: header ``Đơn vị:``, else footer, else signature, else file name."""
    found: list[tuple[str, Line, str]] = []
    for idx, line in enumerate(lines):
        m = _UNIT.search(_clean(line.text))
        if not m:
            continue
        value = re.sub(r"\(.*?\)", "", m.group(1))
        value = re.sub(r"[.…_·]{2,}.*$", "", value).strip(" .…_:;-")
        where = "header" if idx <= max(head_end, 3) else "footer"
        if value and re.search(r"[^\W\d_]{2,}", value):
            found.append((value, line, where))
    if found:
        found.sort(key=lambda f: 0 if f[2] == "header" else 1)
        value, line, where = found[0]
        meta.unit, meta.unit_source = value, where
        meta.location["unit"] = _loc(line)
        if where == "footer":
            warnings.append("metadata: unit taken from the footer 'Đơn vị:' line (the header has none)")
        return
    title = meta.signer.title or ""
    tm = re.search(r"(Chi bộ|Công an|Hội|Đoàn|Ban|Khối|Tổ)\b.*$", title)
    if meta.signer.title and tm and len(tm.group(0).split()) >= 2:
        meta.unit, meta.unit_source = tm.group(0), "signature"
        warnings.append(f"metadata: 'Đơn vị:' is blank; unit '{meta.unit}' taken from the signature title")
        return
    if any(re.search(r"(?:^|\|)\s*Đơn\s+vị\s*(?:\||$)", _clean(ln.text), re.I) for ln in lines):
        warnings.append("metadata: consolidated list (a 'Đơn vị' column); no single unit")
        return
    stem = Path(doc.path).stem
    fm = re.match(r"(?:dang[-_ ]?ky|dk|form)[-_ ]+(.+)$", stem, re.I)
    if fm and len(fm.group(1)) > 2:
        meta.unit, meta.unit_source = fm.group(1).replace("-", " ").replace("_", " "), "filename"
        warnings.append(f"metadata: 'Đơn vị:' is blank; unit '{meta.unit}' guessed from the file name")
        return
    warnings.append("metadata: registration form without a filled 'Đơn vị:' line; unit unknown")
