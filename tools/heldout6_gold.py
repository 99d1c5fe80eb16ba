"""Hand-written gold of the sixth held-out set (tests/heldout6/), read from the documents alone.

Written BLIND: before any run of `pipeline extract` on these inputs and without reading the extraction code.
Conventions follow ../shared/eval/real (README.md, REVIEW.md): `optional: true` for borderline items,
`<field>_alt` where two readings hold, a `notes` string per document explaining every judgement call.
tools/make_heldout6.py turns this into NAME.gold.json (adds sha256, pages, locations; checks every text).
"""
from __future__ import annotations


def D(due, precision, text, action, responsible, recipient, *, year_inferred=False, recurring=None, **kw):
    """A deadline."""
    item = {"due": due, "precision": precision, "text": text, "action": action, "responsible": responsible,
            "recipient": recipient, "year_inferred": year_inferred, "recurring": recurring}
    item.update(kw)
    return item


def M(start, end, precision, text, **kw):
    """A milestone."""
    item = {"start": start, "end": end, "precision": precision, "text": text}
    item.update(kw)
    return item


def Q(subject, minimum, item, text, unit="count", *, exclusive=False, exact=False, maximum=None, **kw):
    """A quota."""
    q = {"subject": subject, "minimum": minimum, "item": item, "text": text, "unit": unit,
         "exclusive": exclusive, "exact": exact, "maximum": maximum}
    q.update(kw)
    return q


def R(kind, number, date, issuer, **kw):
    """A cited document."""
    r = {"kind": kind, "number": number, "date": date, "issuer": issuer}
    r.update(kw)
    return r


def DOC(kind, issuer, number, place, issued_on, title, signer, signer_title, *, unit=None, **kw):
    d = {"kind": kind, "issuer": issuer, "number": number, "place": place, "issued_on": issued_on,
         "title": title, "signer": {"name": signer, "title": signer_title}, "unit": unit}
    d.update(kw)
    return d


FIELDS = {"KT": "economy", "Kinh tế": "economy", "VH-XH": "culture_society", "Văn hóa - xã hội": "culture_society",
          "QP-AN": "defense_security", "XDHTCT": "political_system", "CCHC": "administrative_reform",
          "Chuyển đổi số": "digital_transformation"}


def REG(section, seq, name, unit, leader, address, field_raw, start, end, period_text, page, row, **kw):
    r = {"unit": unit, "section": section, "seq": seq, "name": name, "leader": leader, "address": address,
         "field": FIELDS[field_raw], "field_raw": field_raw,
         "period": {"start": start, "end": end, "text": period_text},
         "location": {"page": page, "table": 0, "row": row}}
    r.update(kw)
    return r


GOLD: dict[str, dict] = {}

# --------------------------------------------------------------------------- 1. bc-245 (TXT report, UBND xã)

GOLD["bc-245-ubnd-xa-gia-phu"] = {
    "document": DOC(
        "report", "Ủy ban nhân dân xã Gia Phú", "245/BC-UBND", "Gia Phú", "2025-09-22",
        "Kết quả thực hiện nhiệm vụ phát triển kinh tế - xã hội, bảo đảm quốc phòng, an ninh 9 tháng đầu năm; "
        "phương hướng, nhiệm vụ trọng tâm 3 tháng cuối năm 2025",
        "Vũ Đình Khánh", "Chủ tịch",
        issuer_alt=["UBND xã Gia Phú", "ỦY BAN NHÂN DÂN XÃ GIA PHÚ"]),
    "deadlines": [
        D("2025-10-31", "day",
          "Ban Chỉ đạo thực hiện xóa nhà tạm, nhà dột nát xã đôn đốc, hỗ trợ các hộ hoàn thành 06 nhà còn lại "
          "trước ngày 31/10/2025.",
          "đôn đốc, hỗ trợ các hộ hoàn thành 06 nhà còn lại",
          "Ban Chỉ đạo thực hiện xóa nhà tạm, nhà dột nát xã", None,
          responsible_alt=["các hộ"]),
        D("2025-12-05", "day",
          "Các cơ quan, đơn vị thuộc Ủy ban nhân dân xã báo cáo kết quả thực hiện nhiệm vụ năm 2025 gửi về Ủy ban "
          "nhân dân xã (qua Văn phòng HĐND và UBND xã) trước ngày 05/12/2025",
          "báo cáo kết quả thực hiện nhiệm vụ năm 2025",
          "Các cơ quan, đơn vị thuộc Ủy ban nhân dân xã",
          "Ủy ban nhân dân xã (qua Văn phòng HĐND và UBND xã)",
          recipient_alt=["Ủy ban nhân dân xã", "Văn phòng HĐND và UBND xã"]),
        D("2025-08-15", "day",
          "Chi trả chế độ cho cán bộ, công chức nghỉ việc theo Nghị định số 178/2024/NĐ-CP đã hoàn thành trước "
          "ngày 15/8/2025.",
          "Chi trả chế độ cho cán bộ, công chức nghỉ việc", None, None,
          optional=True, ambiguous=True),
    ],
    "milestones": [
        M("2025-11-01", "2025-11-30", "month", "tổ chức sơ tuyển sức khỏe trong tháng 11/2025."),
        M("2025-12-01", "2025-12-31", "month",
          "Tổ chức Hội nghị tổng kết công tác năm 2025, triển khai nhiệm vụ năm 2026 dự kiến vào tuần cuối tháng "
          "12/2025."),
        # the report's own periods (title, preamble, part headings): optional
        M("2025-01-01", "2025-09-30", "month",
          "Kết quả thực hiện nhiệm vụ phát triển kinh tế - xã hội, bảo đảm quốc phòng, an ninh 9 tháng đầu năm",
          optional=True),
        M("2025-01-01", "2025-09-30", "month", "báo cáo kết quả thực hiện nhiệm vụ 9 tháng đầu năm", optional=True),
        M("2025-01-01", "2025-09-30", "month", "KẾT QUẢ THỰC HIỆN NHIỆM VỤ 9 THÁNG ĐẦU NĂM 2025", optional=True),
        M("2025-01-01", "2025-09-30", "month", "Trong 9 tháng đầu năm, có 17/24 chỉ tiêu chủ yếu", optional=True),
        M("2025-10-01", "2025-12-31", "month", "phương hướng, nhiệm vụ trọng tâm 3 tháng cuối năm 2025 như sau:",
          optional=True),
        M("2025-10-01", "2025-12-31", "month", "PHƯƠNG HƯỚNG, NHIỆM VỤ TRỌNG TÂM 3 THÁNG CUỐI NĂM 2025",
          optional=True),
        M("2025-10-01", "2025-12-31", "month",
          "9 tháng đầu năm; phương hướng, nhiệm vụ trọng tâm 3 tháng cuối năm 2025", optional=True),
        M("2025-07-01", "2025-12-31", "half",
          "nhiệm vụ phát triển kinh tế - xã hội, bảo đảm quốc phòng, an ninh 6 tháng cuối năm 2025", optional=True),
        # past events and windows told in the report: optional
        M("2025-08-28", "2025-08-28", "day", "bàn giao đưa vào sử dụng ngày 28/8/2025", optional=True),
        M("2025-09-05", "2025-09-05", "day", "Ngày 05/9/2025, 11/11 trường trên địa bàn tổ chức Lễ khai giảng",
          optional=True),
        M("2025-07-01", "2025-09-15", "day", "Từ ngày 01/7/2025 đến ngày 15/9/2025, Trung tâm Phục vụ hành chính công",
          optional=True),
        M("2025-07-01", "2025-08-31", "month", "mưa lớn kéo dài trong tháng 7 và tháng 8/2025", optional=True),
        M("2024-09-01", "2025-05-31", "month", "Tổng kết năm học 2024 - 2025", optional=True,
          start_alt=["2024-01-01"], end_alt=["2025-12-31"]),
        M("2025-09-01", "2026-05-31", "month", "Lễ khai giảng năm học 2025 - 2026", optional=True,
          start_alt=["2025-01-01"], end_alt=["2026-12-31"]),
    ],
    "quotas": [
        Q("Dự toán thu ngân sách nhà nước năm 2025", 100, "hoàn thành dự toán thu ngân sách nhà nước năm 2025",
          "phấn đấu hoàn thành 100% dự toán thu ngân sách nhà nước năm 2025", "percent",
          subject_alt=["xã Gia Phú", "Ủy ban nhân dân xã Gia Phú", "Thu ngân sách nhà nước"]),
        Q("Hồ sơ thủ tục hành chính", 98, "tỷ lệ hồ sơ giải quyết đúng hạn",
          "bảo đảm tỷ lệ hồ sơ giải quyết đúng hạn đạt tối thiểu 98%", "percent",
          subject_alt=["xã Gia Phú", "Ủy ban nhân dân xã Gia Phú", "Tỷ lệ hồ sơ giải quyết đúng hạn",
                       "Hồ sơ giải quyết đúng hạn"]),
        Q("Người dân tham gia bảo hiểm y tế", 95, "tỷ lệ người dân tham gia bảo hiểm y tế",
          "tỷ lệ người dân tham gia bảo hiểm y tế đạt từ 95% trở lên", "percent",
          subject_alt=["xã Gia Phú", "Ủy ban nhân dân xã Gia Phú", "Tỷ lệ người dân tham gia bảo hiểm y tế"]),
        Q("Diện tích cây vụ Đông", 320, "ha cây vụ Đông (diện tích gieo trồng)",
          "phấn đấu diện tích cây vụ Đông đạt tối thiểu 320 ha", "count",
          subject_alt=["xã Gia Phú", "Ủy ban nhân dân xã Gia Phú", "cây vụ Đông"], optional=True),
        Q("Chỉ tiêu chủ yếu (đạt tiến độ)", 75, "kế hoạch năm (ngưỡng được coi là đạt tiến độ)",
          "(đạt từ 75% kế hoạch năm trở lên)", "percent",
          subject_alt=["chỉ tiêu chủ yếu", "xã Gia Phú"], optional=True),
    ],
    "references": [
        R("Nghị quyết", "07/NQ-HĐND", "2025-07-18", "Hội đồng nhân dân xã",
          issuer_alt=["Hội đồng nhân dân xã Gia Phú", "HĐND xã Gia Phú"]),
        R("Nghị định", "178/2024/NĐ-CP", None, None, issuer_alt=["Chính phủ"]),
    ],
    "registrations": [],
    "notes": (
        "Held-out round 6 (invented, blind gold). TXT as a PDF-to-text tool gives it (hard-wrapped lines, a stray page "
        "number '2' at line 52). REPORT of UBND xã Gia Phú: part I = results (past), part II = tasks for the last "
        "quarter. METADATA: header 'ỦY BAN NHÂN DÂN / XÃ GIA PHÚ', 'Số: 245/BC-UBND', 'Gia Phú, ngày 22 tháng 9 năm "
        "2025', signer 'TM. ỦY BAN NHÂN DÂN / CHỦ TỊCH / Vũ Đình Khánh'. DEADLINES (required): II.2 'hoàn thành 06 nhà "
        "còn lại trước ngày 31/10/2025' (responsible the Ban Chỉ đạo that urges; 'các hộ' accepted); II.6 the units' "
        "yearly report to UBND xã (qua Văn phòng HĐND và UBND xã) 'trước ngày 05/12/2025'. OPTIONAL deadline: part I "
        "'Chi trả chế độ … đã hoàn thành trước ngày 15/8/2025' is a reported ACHIEVEMENT with a cut-off word (past, "
        "before the issue date): both readings hold (same rule as the real set's r11 review). MILESTONES (required): "
        "'sơ tuyển sức khỏe trong tháng 11/2025' and 'Hội nghị tổng kết … dự kiến vào tuần cuối tháng 12/2025' "
        "(scheduled activities without a cut-off). Optional: the report's own periods ('9 tháng đầu năm 2025', '3 tháng "
        "cuối năm 2025' in title, preamble and headings; '6 tháng cuối năm 2025' in the cited resolution's subject; "
        "same rule as heldout2 bc-86), past events of part I (bàn giao 28/8/2025, khai giảng 05/9/2025, the window 01/7 "
        "- 15/9/2025, 'mưa lớn … tháng 7 và tháng 8/2025') and the school years 'năm học 2024 - 2025' / '2025 - 2026' "
        "(Sept-May, calendar-year reading accepted). NOT annotated: the as-of date 'tính đến ngày 15/9/2025' (a moment, "
        "not an activity: rule of r07's census moment), 'năm 2024' comparisons, 'giao quân năm 2025', 'nhập ngũ năm "
        "2026'. TRAPS that are not dates: '11/11 trường', '04/04 vụ', '17/19 tiêu chí', '64/64 nhà', '58/64', '32/32', "
        "'17/24', '126 ha/150 ha'. QUOTAS (required): the three targets of part II written as percentages of an "
        "indicator: 'hoàn thành 100% dự toán thu ngân sách', 'tỷ lệ hồ sơ giải quyết đúng hạn đạt tối thiểu 98%', 'tỷ lệ "
        "người dân tham gia bảo hiểm y tế đạt từ 95% trở lên' (subject = what is measured; the xã accepted). Optional: "
        "'diện tích cây vụ Đông đạt tối thiểu 320 ha' (a land-area volume, not a minimum on units; rule of r13's "
        "'3.000 lượt') and '(đạt từ 75% kế hoạch năm trở lên)' (the threshold defining an on-track indicator in the "
        "assessment, not an imposed target). NOT quotas: every result of part I ('đạt 81,2% kế hoạch', '100% văn bản "
        "đi … được ký số', 'đạt 100% chỉ tiêu (32/32 công dân)', 'đạt 100% quân số', '09 sản phẩm OCOP'). REFERENCES: "
        "Nghị quyết 07/NQ-HĐND of 18/7/2025 (HĐND xã), Nghị định 178/2024/NĐ-CP (no date written)."),
}

# --------------------------------------------------------------------------- 2. ctr-06 (TXT programme, Đoàn phường)

GOLD["ctr-06-doan-phuong-vinh-yen"] = {
    "document": DOC(
        "program", "BCH Đoàn phường Vĩnh Yên", "06-CTr/ĐTN", "Vĩnh Yên", "2026-02-25",
        "Hoạt động Tháng Thanh niên năm 2026", "Nguyễn Hoàng Long", "Bí thư",
        issuer_alt=["Ban Chấp hành Đoàn phường Vĩnh Yên", "Ban Thường vụ Đoàn phường Vĩnh Yên",
                    "Đoàn phường Vĩnh Yên", "BCH Đoàn TNCS Hồ Chí Minh phường Vĩnh Yên"]),
    "deadlines": [
        D("2026-02-28", "day",
          "Xây dựng kế hoạch hoạt động Tháng Thanh niên của chi đoàn, gửi về Ban Thường vụ Đoàn phường trước ngày "
          "28/02/2026.",
          "Xây dựng kế hoạch hoạt động Tháng Thanh niên của chi đoàn",
          "Các chi đoàn trực thuộc", "Ban Thường vụ Đoàn phường"),
        D("2026-03-03", "day",
          "Đăng ký công trình, phần việc thanh niên (theo mẫu) trước ngày 03/3/2026.",
          "Đăng ký công trình, phần việc thanh niên",
          "Các chi đoàn trực thuộc", None, recipient_alt=["Ban Thường vụ Đoàn phường"]),
        D("2026-04-05", "day",
          "Báo cáo kết quả Tháng Thanh niên gửi về Ban Thường vụ Đoàn phường trước ngày 05/4/2026.",
          "Báo cáo kết quả Tháng Thanh niên",
          "Các chi đoàn trực thuộc", "Ban Thường vụ Đoàn phường"),
    ],
    "milestones": [
        M("2026-03-01", "2026-03-31", "day", "Thời gian: Từ ngày 01/3/2026 đến ngày 31/3/2026."),
        M("2026-03-01", "2026-03-01", "day",
          "Lễ ra quân Tháng Thanh niên và ra quân \"Ngày Chủ nhật xanh\": 7 giờ 00, Chủ nhật, ngày 01/3/2026"),
        M("2026-03-01", "2026-03-14", "day",
          "từ ngày 01/3 đến ngày 14/3/2026, các chi đoàn tổ chức treo băng rôn, khẩu hiệu"),
        M("2026-03-14", "2026-03-14", "day",
          "Ngày hội hiến máu \"Giọt hồng tháng Ba\": sáng thứ Bảy, ngày 14/3/2026"),
        M("2026-03-21", "2026-03-21", "day", "Ngày hội \"Bình dân học vụ số\": thứ Bảy, ngày 21/3/2026"),
        M("2026-03-25", "2026-03-25", "day",
          "Lễ kỷ niệm 95 năm Ngày thành lập Đoàn và kết nạp đoàn viên mới: 19 giờ 30, thứ Tư, ngày 25/3/2026"),
        M("2026-03-15", "2026-03-15", "day", "(ngày bầu cử: Chủ nhật, 15/3/2026)", optional=True),
        M("2026-01-01", "2026-12-31", "year", "CHƯƠNG TRÌNHHoạt động Tháng Thanh niên năm 2026", optional=True),
        M("2026-01-01", "2026-12-31", "year",
          "phường xây dựng Chương trình hoạt động Tháng Thanh niên năm 2026 như sau:", optional=True),
    ],
    "quotas": [
        Q("Chi đoàn trực thuộc", 100, "tổ chức ra quân Tháng Thanh niên",
          "1. 100% chi đoàn trực thuộc tổ chức ra quân Tháng Thanh niên.", "percent",
          subject_alt=["Các chi đoàn trực thuộc"]),
        Q("Mỗi chi đoàn", 1, "công trình, phần việc thanh niên",
          "2. Mỗi chi đoàn thực hiện ít nhất 01 công trình, phần việc thanh niên"),
        Q("Mỗi đoàn viên", 1, "việc làm tốt trong Tháng Thanh niên",
          "mỗi đoàn viên có ít nhất 01 việc làm tốt trong Tháng Thanh niên."),
        Q("Toàn Đoàn phường", 80, "đơn vị máu vận động hiến",
          "3. Toàn Đoàn phường vận động hiến ít nhất 80 đơn vị máu",
          subject_alt=["Đoàn phường Vĩnh Yên", "Đoàn phường"]),
        Q("Toàn Đoàn phường", 30, "đoàn viên mới được kết nạp",
          "4. Kết nạp ít nhất 30 đoàn viên mới, trong đó chú trọng thanh niên khu dân cư.",
          subject_alt=["Đoàn phường Vĩnh Yên", "Đoàn phường", "Ban Thường vụ Đoàn phường"]),
        Q("Toàn Đoàn phường", 500, "cây xanh trồng mới",
          "trồng mới 500 cây xanh trên các tuyến phố, khuôn viên trường học.",
          subject_alt=["Đoàn phường Vĩnh Yên", "Đoàn phường"], optional=True),
    ],
    "references": [
        R("Kế hoạch", "45-KH/TĐTN-PTTN", "2026-02-05", "Ban Thường vụ Tỉnh Đoàn Phú Thọ"),
        R("Kế hoạch", "12-KH/ĐU", "2026-02-10", "Ban Thường vụ Đảng ủy phường",
          issuer_alt=["Ban Thường vụ Đảng ủy phường Vĩnh Yên"]),
    ],
    "registrations": [],
    "notes": (
        "Held-out round 6 (invented, blind gold). TXT as a PDF-to-text tool gives it: the two header columns come one "
        "after the other and wrap ('BCH ĐOÀN PHƯỜNG VĨNH' / 'YÊN'; 'Vĩnh Yên, ngày 25 tháng 02' / 'năm 2026'), the type "
        "word is glued to the summary ('CHƯƠNG TRÌNHHoạt động …'). METADATA: Youth Union style: left 'BCH ĐOÀN TỈNH PHÚ "
        "THỌ / BCH ĐOÀN PHƯỜNG VĨNH YÊN / ***', 'Số: 06-CTr/ĐTN', right 'ĐOÀN TNCS HỒ CHÍ MINH'; kind program (CTr); "
        "issuer = last header line 'BCH Đoàn phường Vĩnh Yên' (the Ban Thường vụ that signs and 'Đoàn phường Vĩnh Yên' "
        "accepted); issued 2026-02-25 from the wrapped date line; signer 'TM. BAN THƯỜNG VỤ ĐOÀN PHƯỜNG / BÍ THƯ / "
        "Nguyễn Hoàng Long'. DEADLINES (V.2, responsible = the heading 'Các chi đoàn trực thuộc'): plan to BTV Đoàn "
        "phường before 28/02/2026; registration of works before 03/3/2026 (no recipient written: null, BTV Đoàn phường "
        "accepted); month report before 05/4/2026. 'Thứ Sáu hằng tuần cập nhật …' is a weekly limit without a date "
        "(warning, not a deadline). MILESTONES (required): the month 'Từ ngày 01/3/2026 đến ngày 31/3/2026' and each "
        "scheduled activity of IV (01/3, 01/3-14/3, 14/3, 21/3, 25/3/2026; times and weekdays kept as text). Optional: "
        "the election day '(ngày bầu cử: Chủ nhật, 15/3/2026)' (an outside event named in passing) and the programme "
        "year in the title and preamble. NOT annotated: the anniversary '(26/3/1931 - 26/3/2026)', '95 năm', the term "
        "'nhiệm kỳ 2026 - 2031' (part of the election's name; trap as in r43), the cited plans' subjects 'năm 2026'. "
        "QUOTAS (III. CHỈ TIÊU): 100% chi đoàn; 'mỗi chi đoàn … ít nhất 01 công trình'; 'mỗi đoàn viên có ít nhất 01 "
        "việc làm tốt'; 'Toàn Đoàn phường … ít nhất 80 đơn vị máu'; 'Kết nạp ít nhất 30 đoàn viên mới' (subject = the "
        "whole ward union, implied by the section). 'trồng mới 500 cây xanh' has no 'ít nhất' (a work volume after a "
        "semicolon): optional. REFERENCES: Kế hoạch 45-KH/TĐTN-PTTN (05/02/2026, BTV Tỉnh Đoàn Phú Thọ), Kế hoạch "
        "12-KH/ĐU (10/02/2026, BTV Đảng ủy phường)."),
}

# --------------------------------------------------------------------------- 3. hd-14 (TXT guide, MTTQ tỉnh)

_HD14_RESP = "Ban Thường trực Ủy ban MTTQ Việt Nam các xã, phường và các tổ chức chính trị - xã hội tỉnh"
GOLD["hd-14-mttq-tinh-hung-yen"] = {
    "document": DOC(
        "guide", "Ban Thường trực Ủy ban MTTQ Việt Nam tỉnh Hưng Yên", "14/HD-MTTQ-BTT", "Hưng Yên", "2026-02-23",
        "Tổ chức phong trào thi đua \"Toàn dân chung sức xây dựng nông thôn mới, đô thị văn minh\" và đợt thi đua cao "
        "điểm \"Vì người nghèo - Không để ai bị bỏ lại phía sau\" năm 2026",
        "Trần Thị Minh Nguyệt", "Phó Chủ tịch",
        issuer_alt=["Ủy ban MTTQ Việt Nam tỉnh Hưng Yên", "Ban Thường trực Ủy ban MTTQ tỉnh Hưng Yên",
                    "Ban Thường trực Ủy ban Mặt trận Tổ quốc Việt Nam tỉnh Hưng Yên",
                    "ỦY BAN MTTQ VIỆT NAM TỈNH HƯNG YÊN BAN THƯỜNG TRỰC", "Ban Thường trực UBMTTQ tỉnh Hưng Yên"]),
    "deadlines": [
        D("2026-03-16", "day",
          "Ban Thường trực Ủy ban MTTQ Việt Nam các xã, phường và các tổ chức chính trị - xã hội tỉnh đăng ký nội "
          "dung, chỉ tiêu thi đua (theo mẫu gửi kèm) gửi về Ban Thường trực Ủy ban MTTQ Việt Nam tỉnh (qua Ban Phong "
          "trào) trước ngày 16/3/2026.",
          "đăng ký nội dung, chỉ tiêu thi đua", _HD14_RESP,
          "Ban Thường trực Ủy ban MTTQ Việt Nam tỉnh (qua Ban Phong trào)",
          recipient_alt=["Ban Thường trực Ủy ban MTTQ Việt Nam tỉnh", "Ban Phong trào"]),
        D("2026-06-10", "day",
          "Sơ kết đợt 1: báo cáo kết quả gửi về Ban Thường trực Ủy ban MTTQ Việt Nam tỉnh trước ngày 10/6/2026.",
          "Sơ kết đợt 1: báo cáo kết quả", _HD14_RESP, "Ban Thường trực Ủy ban MTTQ Việt Nam tỉnh",
          responsible_alt=[None, "Ban Thường trực Ủy ban MTTQ Việt Nam các xã, phường"], ambiguous=True),
        D("2026-11-25", "day",
          "Tổng kết phong trào thi đua năm 2026: báo cáo kết quả gửi về trước ngày 25/11/2026.",
          "Tổng kết phong trào thi đua năm 2026: báo cáo kết quả", _HD14_RESP, None,
          responsible_alt=[None, "Ban Thường trực Ủy ban MTTQ Việt Nam các xã, phường"],
          recipient_alt=["Ban Thường trực Ủy ban MTTQ Việt Nam tỉnh"], ambiguous=True),
    ],
    "milestones": [
        M("2026-03-01", "2026-11-30", "month",
          "Phong trào thi đua được triển khai từ tháng 3/2026 đến tháng 11/2026"),
        M("2026-03-01", "2026-05-30", "day", "Đợt 1: Từ ngày 01/3/2026 đến ngày 30/5/2026"),
        M("2026-08-01", "2026-11-18", "day", "Đợt 2: Từ ngày 01/8/2026 đến ngày 18/11/2026"),
        M("2026-10-17", "2026-11-18", "day",
          "trong đó cao điểm \"Vì người nghèo\" từ ngày 17/10 đến ngày 18/11/2026."),
        M("2026-01-01", "2026-12-31", "year",
          "đợt thi đua cao điểm \"Vì người nghèo - Không để ai bị bỏ lại phía sau\" năm 2026", optional=True),
    ],
    "quotas": [
        Q("Ủy ban MTTQ Việt Nam các xã, phường", 2, "công trình, phần việc cụ thể chào mừng kỷ niệm 96 năm Ngày "
          "truyền thống Mặt trận Tổ quốc Việt Nam",
          "Đăng ký ít nhất 02 công trình, phần việc cụ thể chào mừng kỷ niệm 96 năm",
          subject_alt=["Đối với Ủy ban MTTQ Việt Nam các xã, phường"]),
        Q("Ủy ban MTTQ Việt Nam các xã, phường", 3, "nhà Đại đoàn kết xây mới hoặc sửa chữa",
          "Vận động xây dựng mới hoặc sửa chữa tối thiểu 03 nhà Đại đoàn kết",
          subject_alt=["Đối với Ủy ban MTTQ Việt Nam các xã, phường"]),
        Q("Ban Công tác Mặt trận ở khu dân cư", 100, "tổ chức Ngày hội Đại đoàn kết toàn dân tộc năm 2026",
          "100% Ban Công tác Mặt trận ở khu dân cư tổ chức Ngày hội Đại đoàn kết toàn dân tộc năm 2026.", "percent",
          subject_alt=["Ủy ban MTTQ Việt Nam các xã, phường"]),
        Q("Mỗi khu dân cư", 1, "mô hình \"Khu dân cư tự quản về an ninh trật tự, vệ sinh môi trường\" hoặc tuyến đường "
          "\"Sáng - Xanh - Sạch - Đẹp\"",
          "Mỗi khu dân cư xây dựng ít nhất 01 mô hình",
          subject_alt=["Ban Công tác Mặt trận ở khu dân cư"]),
        Q("Hộ gia đình", 100, "ký cam kết thực hiện nếp sống văn minh, phân loại rác thải tại nguồn",
          "Vận động 100% hộ gia đình ký cam kết thực hiện nếp sống văn minh", "percent",
          subject_alt=["Ban Công tác Mặt trận ở khu dân cư", "Đối với Ban Công tác Mặt trận ở khu dân cư"]),
        Q("Mỗi tổ chức chính trị - xã hội tỉnh", 5, "hộ nghèo được nhận đỡ đầu, hỗ trợ thoát nghèo bền vững",
          "Mỗi tổ chức nhận đỡ đầu, hỗ trợ ít nhất 05 hộ nghèo thoát nghèo bền vững",
          subject_alt=["Mỗi tổ chức", "Các tổ chức chính trị - xã hội tỉnh"]),
        Q("Mỗi cán bộ, công chức, viên chức, người lao động trong các cơ quan, đơn vị, doanh nghiệp trên địa bàn tỉnh",
          1, "ngày lương ủng hộ Quỹ \"Vì người nghèo\"",
          "Mỗi cán bộ, công chức, viên chức, người lao động trong các cơ quan, đơn vị, doanh nghiệp trên địa bàn tỉnh "
          "ủng hộ ít nhất 01 ngày lương.",
          subject_alt=["Mỗi cán bộ, công chức, viên chức, người lao động"]),
        Q("Tập thể được đề nghị tặng Bằng khen", 100, "chỉ tiêu đã đăng ký (điều kiện khen thưởng)",
          "Tập thể được đề nghị tặng Bằng khen phải hoàn thành 100% chỉ tiêu đã đăng ký.", "percent",
          optional=True),
    ],
    "references": [
        R("Kế hoạch", "28/KH-MTTW-BTT", "2026-01-12", "Ban Thường trực Ủy ban Trung ương MTTQ Việt Nam"),
        R("Kế hoạch", "45-KH/TU", "2026-01-30", "Ban Thường vụ Tỉnh ủy",
          issuer_alt=["Ban Thường vụ Tỉnh ủy Hưng Yên"]),
    ],
    "registrations": [],
    "notes": (
        "Held-out round 6 (invented, blind gold). TXT with one paragraph per line (long lines, as a DOCX-to-text "
        "export gives them). Front-organisation style: left 'ỦY BAN MTTQ VIỆT NAM / TỈNH HƯNG YÊN / BAN THƯỜNG TRỰC', "
        "number with a double body 'Số: 14/HD-MTTQ-BTT', right the national motto. issuer = Ban Thường trực Ủy ban MTTQ "
        "Việt Nam tỉnh Hưng Yên (the Ủy ban alone accepted); signer 'TM. BAN THƯỜNG TRỰC / PHÓ CHỦ TỊCH / Trần Thị Minh "
        "Nguyệt'. DEADLINES: IV.1 registration before 16/3/2026 (recipient 'BTT UBMTTQ tỉnh (qua Ban Phong trào)', "
        "either part accepted); IV.2 reports 'Sơ kết đợt 1 … trước ngày 10/6/2026' and 'Tổng kết … gửi về trước ngày "
        "25/11/2026': the sentence names no subject; responsible = the bodies that register in IV.1 (null accepted, "
        "ambiguous); the second names no recipient (null; BTT tỉnh accepted). NOT a deadline: 'Định kỳ hằng quý, báo "
        "cáo nhanh … trước ngày 20 của tháng cuối quý' (a recurring limit with no calendar date: a warning per the "
        "time-expressions guide, like weekly/monthly limits). MILESTONES: the campaign 'từ tháng 3/2026 đến tháng "
        "11/2026', Đợt 1 (01/3-30/5/2026), Đợt 2 (01/8-18/11/2026), the peak '(từ ngày 17/10 đến ngày 18/11/2026)'; the "
        "title year is optional. NOT annotated: anniversaries '(19/5/1890 - 19/5/2026)', '(18/11/1930 - 18/11/2026)', "
        "'96 năm', '136 năm', the phone number. QUOTAS (II): 'ít nhất 02 công trình', 'tối thiểu 03 nhà Đại đoàn kết' "
        "(subject = the section heading 'Ủy ban MTTQ Việt Nam các xã, phường'), '100% Ban Công tác Mặt trận', 'Mỗi khu "
        "dân cư … ít nhất 01 mô hình … hoặc 01 tuyến đường' (one quota: the two are alternatives), '100% hộ gia đình', "
        "'Mỗi tổ chức … ít nhất 05 hộ nghèo', 'Mỗi cán bộ … ít nhất 01 ngày lương'. Optional: 'Tập thể được đề nghị "
        "tặng Bằng khen phải hoàn thành 100% chỉ tiêu đã đăng ký' (a condition for an award rather than a target). "
        "NOT a quota: 'Mỗi xã, phường được đề nghị khen thưởng không quá 01 tập thể và 02 cá nhân' (a cap). "
        "REFERENCES: 28/KH-MTTW-BTT (12/01/2026), 45-KH/TU (30/01/2026)."),
}

# --------------------------------------------------------------------------- 4. kh-52 (TXT plan, UBND phường)

GOLD["kh-52-ubnd-phuong-long-chau"] = {
    "document": DOC(
        "plan", "Ủy ban nhân dân phường Long Châu", "52/KH-UBND", "Long Châu", "2026-01-09",
        "Cải cách hành chính và chuyển đổi số năm 2026", "Lê Thị Ngọc Hân", "Phó Chủ tịch",
        issuer_alt=["UBND phường Long Châu", "ỦY BAN NHÂN DÂN PHƯỜNG LONG CHÂU"]),
    "deadlines": [
        D("2026-01-20", "day", "Thời gian hoàn thành: Trước ngày 20/01/2026.",
          "Tự đánh giá, chấm điểm Chỉ số cải cách hành chính năm 2025 của phường",
          "Văn phòng HĐND và UBND phường", "Sở Nội vụ", recipient_alt=[None]),
        D("2026-06-30", "month", "Thời gian hoàn thành: Tháng 6/2026.",
          "Rà soát, hoàn thiện danh mục vị trí việc làm, bản mô tả công việc của công chức phường sau sắp xếp",
          "Văn phòng HĐND và UBND phường", None),
        D("2026-11-15", "day",
          "báo cáo năm (trước ngày 15/11/2026) gửi về Ủy ban nhân dân phường (qua Văn phòng HĐND và UBND phường)",
          "báo cáo kết quả thực hiện cải cách hành chính", "Các phòng, đơn vị",
          "Ủy ban nhân dân phường (qua Văn phòng HĐND và UBND phường)",
          responsible_alt=["Các phòng, đơn vị thuộc Ủy ban nhân dân phường"],
          recipient_alt=["Ủy ban nhân dân phường", "Văn phòng HĐND và UBND phường"]),
        # one-off tasks with a 'Thời gian thực hiện' row: optional deadline at the end of the period (rule of r03)
        D("2026-02-28", "month", "Thời gian thực hiện: Tháng 02/2026.",
          "Ban hành Kế hoạch kiểm tra công tác cải cách hành chính năm 2026",
          "Văn phòng HĐND và UBND phường", None, optional=True, ambiguous=True),
        D("2026-06-30", "quarter", "Thời gian thực hiện: Quý II/2026.",
          "Rà soát, đánh giá thủ tục hành chính; đề xuất phương án đơn giản hóa thủ tục hành chính",
          "Trung tâm Phục vụ hành chính công phường", None, optional=True, ambiguous=True),
        # target horizon
        D("2026-09-30", "quarter",
          "phấn đấu đến hết quý III/2026, 100% khu phố có Tổ công nghệ số cộng đồng hoạt động hiệu quả.",
          "Kiện toàn, nâng cao hiệu quả hoạt động của Tổ công nghệ số cộng đồng",
          "Phòng Văn hóa - Xã hội", None, optional=True),
    ],
    "milestones": [
        M("2026-02-01", "2026-02-28", "month", "Thời gian thực hiện: Tháng 02/2026."),
        M("2026-04-01", "2026-06-30", "quarter", "Thời gian thực hiện: Quý II/2026."),
        M("2026-01-01", "2026-12-31", "month", "Thời gian thực hiện: Từ tháng 01/2026 đến tháng 12/2026."),
        M("2026-07-01", "2026-12-31", "half", "Thời gian thực hiện: 6 tháng cuối năm 2026."),
        M("2026-01-01", "2026-06-30", "quarter", "Thời gian thực hiện: Quý I - Quý II/2026."),
        M("2026-01-01", "2026-12-31", "year", "Thời gian thực hiện: Năm 2026."),
        M("2026-01-01", "2026-12-31", "year", "Cải cách hành chính và chuyển đổi số năm 2026", optional=True),
        M("2026-01-01", "2026-12-31", "year",
          "ban hành Kế hoạch cải cách hành chính và chuyển đổi số năm 2026 như sau:", optional=True),
    ],
    "quotas": [
        Q("Thủ tục hành chính thuộc thẩm quyền giải quyết của phường", 100,
          "được công khai đầy đủ, đúng quy định trên Cổng Dịch vụ công quốc gia và tại Trung tâm Phục vụ hành chính "
          "công phường",
          "1. 100% thủ tục hành chính thuộc thẩm quyền giải quyết của phường được công khai", "percent",
          subject_alt=["phường Long Châu", "Ủy ban nhân dân phường Long Châu", "Thủ tục hành chính"]),
        Q("Hồ sơ thủ tục hành chính", 98, "tỷ lệ hồ sơ được giải quyết đúng hạn",
          "2. Tỷ lệ hồ sơ thủ tục hành chính được giải quyết đúng hạn đạt tối thiểu 98%.", "percent",
          subject_alt=["phường Long Châu", "Ủy ban nhân dân phường Long Châu",
                       "Tỷ lệ hồ sơ thủ tục hành chính được giải quyết đúng hạn"]),
        Q("Người dân, doanh nghiệp (mức độ hài lòng)", 90,
          "mức độ hài lòng đối với sự phục vụ của cơ quan hành chính",
          "3. Mức độ hài lòng của người dân, doanh nghiệp đối với sự phục vụ của cơ quan hành chính đạt trên 90%.",
          "percent", exclusive=True,
          subject_alt=["phường Long Châu", "Ủy ban nhân dân phường Long Châu", "Mức độ hài lòng của người dân, "
                       "doanh nghiệp", "Cơ quan hành chính"]),
        Q("Văn bản trao đổi giữa các cơ quan, đơn vị thuộc phường", 100,
          "được thực hiện dưới dạng điện tử, có ký số (trừ văn bản mật)",
          "4. 100% văn bản trao đổi giữa các cơ quan, đơn vị thuộc phường (trừ văn bản mật)", "percent",
          subject_alt=["phường Long Châu", "Các cơ quan, đơn vị thuộc phường"]),
        Q("Khu phố", 100, "có Tổ công nghệ số cộng đồng hoạt động hiệu quả (đến hết quý III/2026)",
          "100% khu phố có Tổ công nghệ số cộng đồng hoạt động hiệu quả", "percent",
          subject_alt=["Các khu phố", "phường Long Châu"]),
    ],
    "references": [
        R("Nghị quyết", "76/NQ-CP", "2021-07-15", "Chính phủ"),
        R("Kế hoạch", "03/KH-UBND", "2026-01-05", "Ủy ban nhân dân tỉnh Vĩnh Long"),
        R("Quyết định", "1128/QĐ-UBND", "2025-12-30", "Ủy ban nhân dân tỉnh",
          issuer_alt=["Ủy ban nhân dân tỉnh Vĩnh Long"]),
    ],
    "registrations": [],
    "notes": (
        "Held-out round 6 (invented, blind gold). TXT as a Word-to-text export (blank line between paragraphs, lines "
        "wrapped at ~85 characters, header columns one after the other with their '-------' rules). METADATA: 'ỦY BAN "
        "NHÂN DÂN / PHƯỜNG LONG CHÂU', 52/KH-UBND, 'Long Châu, ngày 09 tháng 01 năm 2026', 'KT. CHỦ TỊCH / PHÓ CHỦ TỊCH "
        "/ Lê Thị Ngọc Hân'. TASKS of III are written as blocks 'Đơn vị chủ trì / Đơn vị phối hợp / Thời gian …'; "
        "responsible = the 'Đơn vị chủ trì'. DEADLINES (required): 1.b 'Thời gian hoàn thành: Trước ngày 20/01/2026' "
        "(self-assessment sent to Sở Nội vụ for appraisal: recipient Sở Nội vụ, null accepted); 3.a 'Thời gian hoàn "
        "thành: Tháng 6/2026' -> month deadline 2026-06-30 (rule of r07/r10); IV.2 yearly report '(trước ngày "
        "15/11/2026)' to UBND phường (qua Văn phòng HĐND và UBND phường), responsible 'Các phòng, đơn vị'. Optional: "
        "the one-off tasks whose row reads 'Thời gian thực hiện' (1.a Tháng 02/2026, 2.a Quý II/2026: rule of r03) and "
        "the target horizon 'phấn đấu đến hết quý III/2026, 100% khu phố …' (rule of r01/r09). NOT deadlines: the "
        "quarterly '(trước ngày 12 của tháng cuối quý)' (recurring, no calendar date -> a warning), 'Thường xuyên'. "
        "MILESTONES (required): every 'Thời gian thực hiện' row with a period: Tháng 02/2026, Quý II/2026, Từ tháng "
        "01/2026 đến tháng 12/2026, 6 tháng cuối năm 2026 (half), Quý I - Quý II/2026, Năm 2026. Optional: the plan year "
        "in the title and the preamble. NOT annotated: 'giai đoạn 2021 - 2030' (in the subject of the cited Nghị quyết "
        "76/NQ-CP: rule of r09), 'Chỉ số cải cách hành chính năm 2025'. QUOTAS (II. CHỈ TIÊU, four) plus III.5.b '100% "
        "khu phố có Tổ công nghệ số cộng đồng' (an explicit target); 'đạt trên 90%' -> exclusive. REFERENCES: 76/NQ-CP "
        "(15/7/2021), 03/KH-UBND (05/01/2026, UBND tỉnh Vĩnh Long), 1128/QĐ-UBND (30/12/2025, UBND tỉnh)."),
}

# --------------------------------------------------------------------------- 5. tb-37 (TXT notice, Đảng ủy xã)

GOLD["tb-37-dang-uy-xa-ham-yen"] = {
    "document": DOC(
        "notice", "Đảng ủy xã Hàm Yên", "37-TB/ĐU", "Hàm Yên", "2026-03-16",
        "Lịch tổ chức hội nghị học tập, quán triệt Nghị quyết Đại hội đại biểu toàn quốc lần thứ XIV của Đảng và lớp "
        "bồi dưỡng nghiệp vụ công tác đảng năm 2026",
        "Ma Văn Thắng", "Phó Bí thư",
        issuer_alt=["ĐẢNG ỦY XÃ HÀM YÊN", "Ban Thường vụ Đảng ủy xã Hàm Yên"]),
    "deadlines": [
        D("2026-04-17", "day",
          "Tổng hợp số lượng đảng viên tham dự, báo cáo về Ban Xây dựng Đảng Đảng ủy xã chậm nhất ngày 17/4/2026.",
          "Tổng hợp số lượng đảng viên tham dự", "Các chi bộ trực thuộc", "Ban Xây dựng Đảng Đảng ủy xã"),
        D("2026-04-10", "day",
          "Lập danh sách học viên dự lớp bồi dưỡng (theo mẫu gửi kèm) gửi về Văn phòng Đảng ủy xã trước ngày "
          "10/4/2026.",
          "Lập danh sách học viên dự lớp bồi dưỡng", "Các chi bộ trực thuộc", "Văn phòng Đảng ủy xã"),
        D("2026-03-25", "day",
          "Ban Xây dựng Đảng Đảng ủy xã chuẩn bị tài liệu, báo cáo viên; hoàn thành việc in, cấp phát tài liệu cho "
          "các chi bộ trước ngày 25/3/2026.",
          "hoàn thành việc in, cấp phát tài liệu cho các chi bộ", "Ban Xây dựng Đảng Đảng ủy xã", "các chi bộ",
          recipient_alt=[None]),
        D(None, None,
          "học viên nộp bài thu hoạch chậm nhất sau 05 ngày kể từ ngày kết thúc lớp học.",
          "học viên nộp bài thu hoạch", "học viên", None),
    ],
    "milestones": [
        M("2026-03-26", "2026-03-26", "day",
          "Thời gian: 01 ngày, khai mạc lúc 7 giờ 30 phút, thứ Năm, ngày 26/3/2026."),
        M("2026-04-02", "2026-04-03", "day",
          "Đợt 1 (các chi bộ thôn từ thôn Bắc Mục đến thôn Cây Quýt): ngày 02 và 03/4/2026."),
        M("2026-04-09", "2026-04-10", "day",
          "Đợt 2 (các chi bộ thôn còn lại và chi bộ cơ quan, trường học, trạm y tế): ngày 09 - 10/4/2026."),
        M("2026-04-20", "2026-04-22", "day", "Lớp thứ nhất: từ ngày 20/4 đến ngày 22/4/2026."),
        M("2026-05-11", "2026-05-13", "day", "Lớp thứ hai: từ ngày 11/5 đến ngày 13/5/2026."),
        M("2026-01-01", "2026-12-31", "year",
          "lớp bồi dưỡng nghiệp vụ công tác đảng năm 2026", optional=True),
    ],
    "quotas": [
        Q("Các chi bộ trực thuộc", 95, "tỷ lệ đảng viên tham dự hội nghị học tập Nghị quyết",
          "tỷ lệ đảng viên tham dự hội nghị học tập Nghị quyết đạt từ 95% trở lên", "percent",
          subject_alt=["Đảng viên", "Đảng viên tham dự hội nghị học tập Nghị quyết",
                       "Tỷ lệ đảng viên tham dự hội nghị học tập Nghị quyết"]),
    ],
    "references": [
        R("Hướng dẫn", "12-HD/BTGDVTU", "2026-02-20", "Ban Tuyên giáo và Dân vận Tỉnh ủy"),
        R("Kế hoạch", "45-KH/ĐU", "2026-03-02", "Ban Thường vụ Đảng ủy xã",
          issuer_alt=["Ban Thường vụ Đảng ủy xã Hàm Yên"]),
    ],
    "registrations": [],
    "notes": (
        "Held-out round 6 (invented, blind gold). TXT as a PDF-to-text tool gives it: left header wraps ('ĐẢNG BỘ TỈNH "
        "TUYÊN' / 'QUANG'), the date line wraps ('Hàm Yên, ngày 16 tháng 3' / 'năm 2026'), type word glued to the "
        "summary ('THÔNG BÁOLịch …'). METADATA: Party style 'Số 37-TB/ĐU' (no colon), issuer = last header line 'ĐẢNG "
        "ỦY XÃ HÀM YÊN' (the Ban Thường vụ that announces accepted), signer 'T/M BAN THƯỜNG VỤ / PHÓ BÍ THƯ / Ma Văn "
        "Thắng'. DEADLINES: III.1 (responsible = heading 'Các chi bộ trực thuộc'): attendance report 'chậm nhất ngày "
        "17/4/2026' to Ban Xây dựng Đảng; list of trainees 'trước ngày 10/4/2026' to Văn phòng Đảng ủy xã; III.2 Ban Xây "
        "dựng Đảng prints and hands out the materials 'cho các chi bộ trước ngày 25/3/2026' (recipient the chi bộ, null "
        "accepted). 'nộp bài thu hoạch chậm nhất sau 05 ngày kể từ ngày kết thúc lớp học' is relative: due null (left "
        "out by the scorer; never a computed date). MILESTONES (the schedule): 26/3/2026 (time and weekday as text), "
        "'ngày 02 và 03/4/2026' (two days -> one range), 'ngày 09 - 10/4/2026', the two classes 20-22/4 and 11-13/5/2026; "
        "the year in the title optional. NOT annotated: anniversaries '(30/4/1975 - 30/4/2026)', '(19/5/1890 - "
        "19/5/2026)', '51 năm', '136 năm', '01 ngày', 'khoảng 145 học viên', '02 lớp', '02 đợt'. QUOTA: 'tỷ lệ đảng viên "
        "tham dự … đạt từ 95% trở lên' (subject the chi bộ it falls on; the party members measured accepted). "
        "REFERENCES: 12-HD/BTGDVTU (20/02/2026), 45-KH/ĐU (02/3/2026)."),
}

# --------------------------------------------------------------------------- 6. kh-215 (DOCX plan, Huyện ủy)

_LN_APP = "Thời gian hoàn thành"  # column heading of the appendix table
GOLD["kh-215-huyen-uy-luc-nam"] = {
    "document": DOC(
        "plan", "Huyện ủy Lục Nam", "215-KH/HU", "Lục Nam", "2025-02-24",
        "thực hiện Nghị quyết số 57-NQ/TW ngày 22/12/2024 của Bộ Chính trị về đột phá phát triển khoa học, công "
        "nghệ, đổi mới sáng tạo và chuyển đổi số quốc gia",
        "Hoàng Đức Thuận", "Phó Bí thư Thường trực",
        issuer_alt=["HUYỆN ỦY LỤC NAM", "Ban Thường vụ Huyện ủy Lục Nam", "Ban Thường vụ Huyện ủy"]),
    "deadlines": [
        D("2025-03-31", "month",
          "Các chi, đảng bộ cơ sở tổ chức quán triệt, triển khai Nghị quyết 57 và Kế hoạch này đến 100% cán bộ, đảng "
          "viên, hoàn thành trong tháng 3/2025",
          "tổ chức quán triệt, triển khai Nghị quyết 57 và Kế hoạch này", "Các chi, đảng bộ cơ sở", None),
        D("2025-03-31", "day",
          "Ủy ban nhân dân huyện xây dựng Chương trình hành động thực hiện Nghị quyết 57 trên lĩnh vực quản lý nhà "
          "nước, ban hành trước ngày 31/3/2025",
          "xây dựng Chương trình hành động thực hiện Nghị quyết 57", "Ủy ban nhân dân huyện", None),
        D("2025-06-05", "day",
          "định kỳ 6 tháng (trước ngày 05/6) và hằng năm (trước ngày 20/11) báo cáo kết quả thực hiện về Ban Thường "
          "vụ Huyện ủy (qua Văn phòng Huyện ủy)",
          "báo cáo kết quả thực hiện", "Các chi, đảng bộ cơ sở", "Ban Thường vụ Huyện ủy (qua Văn phòng Huyện ủy)",
          year_inferred=True, recurring="yearly", due_alt=["2026-06-05"], ambiguous=True,
          recipient_alt=["Ban Thường vụ Huyện ủy", "Văn phòng Huyện ủy"]),
        D("2025-11-20", "day",
          "định kỳ 6 tháng (trước ngày 05/6) và hằng năm (trước ngày 20/11) báo cáo kết quả thực hiện về Ban Thường "
          "vụ Huyện ủy (qua Văn phòng Huyện ủy)",
          "báo cáo kết quả thực hiện", "Các chi, đảng bộ cơ sở", "Ban Thường vụ Huyện ủy (qua Văn phòng Huyện ủy)",
          year_inferred=True, recurring="yearly", due_alt=["2026-11-20"], ambiguous=True,
          recipient_alt=["Ban Thường vụ Huyện ủy", "Văn phòng Huyện ủy"]),
        # appendix task table, column 'Thời gian hoàn thành' (rule of r09)
        D("2025-03-31", "month",
          "Tổ chức hội nghị quán triệt, triển khai Nghị quyết 57 cho cán bộ chủ chốt của huyện | Ban Tuyên giáo "
          "Huyện ủy | Tháng 3/2025",
          "Tổ chức hội nghị quán triệt, triển khai Nghị quyết 57 cho cán bộ chủ chốt của huyện",
          "Ban Tuyên giáo Huyện ủy", None),
        D("2025-06-30", "quarter",
          "Xây dựng chuyên mục \"Chuyển đổi số\" trên Trang thông tin điện tử huyện, Đài Truyền thanh huyện | Trung "
          "tâm Văn hóa - Thông tin và Thể thao huyện | Quý II/2025",
          "Xây dựng chuyên mục \"Chuyển đổi số\" trên Trang thông tin điện tử huyện, Đài Truyền thanh huyện",
          "Trung tâm Văn hóa - Thông tin và Thể thao huyện", None),
        D("2025-06-30", "month",
          "Rà soát, đề xuất bãi bỏ thủ tục hành chính, giấy tờ không cần thiết; đơn giản hóa quy trình nội bộ | Văn "
          "phòng HĐND và UBND huyện | Tháng 6/2025",
          "Rà soát, đề xuất bãi bỏ thủ tục hành chính, giấy tờ không cần thiết",
          "Văn phòng HĐND và UBND huyện", None),
        D("2025-09-30", "quarter",
          "Xây dựng cơ sở dữ liệu tổ chức đảng, đảng viên trên phần mềm quản lý đảng viên | Ban Tổ chức Huyện ủy | "
          "Quý III/2025",
          "Xây dựng cơ sở dữ liệu tổ chức đảng, đảng viên trên phần mềm quản lý đảng viên",
          "Ban Tổ chức Huyện ủy", None),
        D("2025-12-31", "year",
          "Rà soát, xóa \"vùng lõm\" sóng di động tại các thôn vùng cao | UBND huyện | Năm 2025",
          "Rà soát, xóa \"vùng lõm\" sóng di động tại các thôn vùng cao", "UBND huyện", None,
          responsible_alt=["Ủy ban nhân dân huyện"]),
        D("2025-09-30", "month",
          "Số hóa hồ sơ, kết quả giải quyết thủ tục hành chính còn hiệu lực | Văn phòng HĐND và UBND huyện | Tháng "
          "9/2025",
          "Số hóa hồ sơ, kết quả giải quyết thủ tục hành chính còn hiệu lực", "Văn phòng HĐND và UBND huyện", None),
        D("2025-09-30", "quarter",
          "Tổ chức 02 lớp bồi dưỡng kỹ năng số cho cán bộ, công chức cấp xã, bí thư chi bộ | Trung tâm Chính trị "
          "huyện | Quý II - Quý III/2025",
          "Tổ chức 02 lớp bồi dưỡng kỹ năng số cho cán bộ, công chức cấp xã, bí thư chi bộ",
          "Trung tâm Chính trị huyện", None),
        D("2025-12-31", "quarter",
          "Kiểm tra, giám sát việc thực hiện Nghị quyết 57 tại một số chi, đảng bộ cơ sở | Ủy ban Kiểm tra Huyện ủy "
          "| Quý IV/2025",
          "Kiểm tra, giám sát việc thực hiện Nghị quyết 57 tại một số chi, đảng bộ cơ sở",
          "Ủy ban Kiểm tra Huyện ủy", None),
        D("2025-12-31", "month",
          "Sơ kết 01 năm thực hiện Nghị quyết 57 | Ban Tuyên giáo Huyện ủy | Tháng 12/2025",
          "Sơ kết 01 năm thực hiện Nghị quyết 57", "Ban Tuyên giáo Huyện ủy", None),
        # optional: the conference scheduled in IV.1 read as a completion target; the target horizons of II
        D("2025-03-31", "month",
          "tổ chức hội nghị quán triệt Nghị quyết 57 cho cán bộ chủ chốt của huyện trong tháng 3/2025.",
          "tổ chức hội nghị quán triệt Nghị quyết 57 cho cán bộ chủ chốt của huyện",
          "Ban Tuyên giáo Huyện ủy", None, optional=True, ambiguous=True),
        D("2025-12-31", "year", "1. Đến năm 2025", "Đến năm 2025", None, None, optional=True),
        D("2030-12-31", "year", "2. Đến năm 2030", "Đến năm 2030", None, None, optional=True),
    ],
    "milestones": [
        M("2025-03-01", "2025-03-31", "month",
          "tổ chức hội nghị quán triệt Nghị quyết 57 cho cán bộ chủ chốt của huyện trong tháng 3/2025."),
        M("2025-04-01", "2025-09-30", "quarter",
          "Tổ chức 02 lớp bồi dưỡng kỹ năng số cho cán bộ, công chức cấp xã, bí thư chi bộ | Quý II - Quý III/2025",
          optional=True),
        M("2025-01-01", "2025-12-31", "year",
          "MỘT SỐ NHIỆM VỤ TRỌNG TÂM THỰC HIỆN NGHỊ QUYẾT 57-NQ/TW NĂM 2025", optional=True),
    ],
    "quotas": [
        Q("Cơ quan đảng, chính quyền, Mặt trận Tổ quốc và các tổ chức chính trị - xã hội cấp huyện, cấp xã", 100,
          "sử dụng hệ thống quản lý văn bản và điều hành, ký số văn bản điện tử (đến năm 2025)",
          "100% cơ quan đảng, chính quyền, Mặt trận Tổ quốc và các tổ chức chính trị - xã hội cấp huyện, cấp xã sử "
          "dụng hệ thống quản lý văn bản và điều hành", "percent",
          subject_alt=["huyện Lục Nam"]),
        Q("Hồ sơ thủ tục hành chính trên địa bàn huyện", 80,
          "được tiếp nhận, giải quyết trực tuyến toàn trình (đến năm 2025)",
          "Tỷ lệ hồ sơ thủ tục hành chính trên địa bàn huyện được tiếp nhận, giải quyết trực tuyến toàn trình đạt "
          "tối thiểu 80%.", "percent",
          subject_alt=["huyện Lục Nam", "Tỷ lệ hồ sơ thủ tục hành chính trên địa bàn huyện"]),
        Q("Chi bộ, đảng bộ cơ sở", 100, "triển khai ứng dụng \"Sổ tay đảng viên điện tử\" (đến năm 2025)",
          "100% chi bộ, đảng bộ cơ sở triển khai ứng dụng \"Sổ tay đảng viên điện tử\" trong sinh hoạt chi bộ.",
          "percent", subject_alt=["huyện Lục Nam"]),
        Q("Mỗi xã, thị trấn", 1, "sản phẩm OCOP được giới thiệu, bán trên sàn thương mại điện tử (đến năm 2025)",
          "Mỗi xã, thị trấn có ít nhất 01 sản phẩm OCOP được giới thiệu, bán trên sàn thương mại điện tử."),
        Q("Người dân trưởng thành", 85, "có tài khoản thanh toán điện tử (đến năm 2030)",
          "Tỷ lệ người dân trưởng thành có tài khoản thanh toán điện tử đạt trên 85%.", "percent", exclusive=True,
          subject_alt=["huyện Lục Nam", "Tỷ lệ người dân trưởng thành có tài khoản thanh toán điện tử"]),
        Q("Các chi, đảng bộ cơ sở", 100, "cán bộ, đảng viên được quán triệt Nghị quyết 57 và Kế hoạch",
          "triển khai Nghị quyết 57 và Kế hoạch này đến 100% cán bộ, đảng viên", "percent",
          subject_alt=["Cán bộ, đảng viên"]),
        Q("Trung tâm Chính trị huyện", 2, "lớp bồi dưỡng kỹ năng số cho cán bộ, công chức cấp xã, bí thư chi bộ",
          "Tổ chức 02 lớp bồi dưỡng kỹ năng số cho cán bộ, công chức cấp xã, bí thư chi bộ", exact=True,
          optional=True),
    ],
    "references": [
        R("Nghị quyết", "57-NQ/TW", "2024-12-22", "Bộ Chính trị"),
        R("Nghị quyết", "03/NQ-CP", "2025-01-09", "Chính phủ"),
        R("Kế hoạch", "312-KH/TU", "2025-02-05", "Ban Thường vụ Tỉnh ủy Bắc Giang"),
        R("Kế hoạch", "215-KH/HU", "2025-02-24", "Ban Thường vụ Huyện ủy", optional=True),
    ],
    "registrations": [],
    "notes": (
        "Held-out round 6 (invented, blind gold). DOCX: header in a borderless two-column table, body paragraphs, "
        "signature table beside 'Nơi nhận', page break, then an appendix grid table (header row marked to repeat; "
        "section rows merged across all columns). METADATA: Party style 'ĐẢNG BỘ TỈNH BẮC GIANG / HUYỆN ỦY LỤC NAM / *', "
        "'Số 215-KH/HU', right 'ĐẢNG CỘNG SẢN VIỆT NAM', 'Lục Nam, ngày 24 tháng 02 năm 2025'; issuer Huyện ủy Lục Nam "
        "(the Ban Thường vụ that issues and signs accepted); signer 'T/M BAN THƯỜNG VỤ / PHÓ BÍ THƯ THƯỜNG TRỰC / Hoàng "
        "Đức Thuận'; the title is the summary under KẾ HOẠCH. DEADLINES (required): III.1 'hoàn thành trong tháng "
        "3/2025' (month, responsible 'Các chi, đảng bộ cơ sở'); IV.2 UBND huyện 'ban hành trước ngày 31/3/2025'; IV.4 "
        "'định kỳ 6 tháng (trước ngày 05/6) và hằng năm (trước ngày 20/11)' -> two yearly deadlines, year inferred "
        "from the document (2025; the 2026 dates accepted, ambiguous), recipient 'Ban Thường vụ Huyện ủy (qua Văn phòng "
        "Huyện ủy)'; the appendix rows with a date in 'Thời gian hoàn thành' (rule of r09): Tháng 3/2025, Quý II/2025, "
        "Tháng 6/2025, Quý III/2025, Năm 2025, Tháng 9/2025, 'Quý II - Quý III/2025' (end of the range, 2025-09-30), Quý "
        "IV/2025, Tháng 12/2025; responsible = 'Cơ quan chủ trì'. Row 3 'Thường xuyên' has no date. Optional: IV.1 "
        "'tổ chức hội nghị quán triệt … trong tháng 3/2025' read as a completion target (it is the same task as row 1), "
        "and the target horizons '1. Đến năm 2025' / '2. Đến năm 2030' (rule of r13). MILESTONES: IV.1 the conference "
        "scheduled in March 2025 (required); the range of row 8 (optional, rule of r07: a completion range is a "
        "deadline, the range only an optional milestone) and the appendix title year (optional). Single-period rows of "
        "the completion column are deadlines only (rule of r07 'Thời gian hoàn thành: Tháng 12/2025'). QUOTAS: the "
        "five targets of II (four 'đến năm 2025', one 'đến năm 2030'; 'đạt trên 85%' exclusive) and III.1 'đến 100% cán "
        "bộ, đảng viên'. Optional: row 8 'Tổ chức 02 lớp bồi dưỡng' (a task volume, exact). NOT a quota: 'Hạ tầng số "
        "phủ rộng đến tất cả các thôn' (no number). REFERENCES: 57-NQ/TW (22/12/2024, Bộ Chính trị; also in the title "
        "and the appendix title), 03/NQ-CP (09/01/2025), 312-KH/TU (05/02/2025); the appendix caption cites the plan "
        "itself -> optional."),
}

# --------------------------------------------------------------------------- 7. qd-146 (DOCX decision + regulation)

GOLD["qd-146-ubnd-xa-quang-uyen"] = {
    "document": DOC(
        "decision", "Ủy ban nhân dân xã Quảng Uyên", "146/QĐ-UBND", "Quảng Uyên", "2025-08-12",
        "Ban hành Quy chế xét hỗ trợ học sinh, sinh viên có hoàn cảnh khó khăn và khen thưởng học sinh đạt thành tích "
        "cao trên địa bàn xã Quảng Uyên",
        "Nông Thị Thanh Hương", "Phó Chủ tịch",
        issuer_alt=["UBND xã Quảng Uyên", "ỦY BAN NHÂN DÂN XÃ QUẢNG UYÊN"]),
    "deadlines": [
        D("2025-09-30", "day",
          "tổ chức xét chọn đợt đầu năm học 2025 - 2026, hoàn thành trước ngày 30/9/2025.",
          "tổ chức xét chọn đợt đầu năm học 2025 - 2026", "Phòng Văn hóa - Xã hội", None),
        D("2025-09-15", "day",
          "Hằng năm, trước ngày 15/9, Trưởng các xóm phối hợp với các nhà trường rà soát, lập danh sách và hồ sơ đề "
          "nghị gửi về Phòng Văn hóa - Xã hội.",
          "rà soát, lập danh sách và hồ sơ đề nghị", "Trưởng các xóm", "Phòng Văn hóa - Xã hội",
          year_inferred=True, recurring="yearly", due_alt=["2026-09-15"], ambiguous=True,
          responsible_alt=["Trưởng các xóm phối hợp với các nhà trường"]),
        D("2025-10-05", "day",
          "Trước ngày 05/10 hằng năm, Hội đồng xét chọn của xã họp xét, trình Chủ tịch Ủy ban nhân dân xã quyết định.",
          "họp xét, trình Chủ tịch Ủy ban nhân dân xã quyết định", "Hội đồng xét chọn của xã",
          "Chủ tịch Ủy ban nhân dân xã", year_inferred=True, recurring="yearly", due_alt=["2026-10-05"],
          ambiguous=True, recipient_alt=[None]),
        D("2025-12-15", "day",
          "tổng hợp, báo cáo kết quả thực hiện Quy chế về Ủy ban nhân dân xã trước ngày 15/12 hằng năm.",
          "tổng hợp, báo cáo kết quả thực hiện Quy chế", "Phòng Văn hóa - Xã hội", "Ủy ban nhân dân xã",
          year_inferred=True, recurring="yearly", due_alt=["2026-12-15"], ambiguous=True),
        D(None, None,
          "trong thời hạn 10 ngày làm việc kể từ ngày niêm yết, nếu có ý kiến phản ánh, Phòng Văn hóa - Xã hội có "
          "trách nhiệm xác minh, báo cáo Hội đồng xét chọn.",
          "xác minh, báo cáo Hội đồng xét chọn", "Phòng Văn hóa - Xã hội", "Hội đồng xét chọn"),
    ],
    "milestones": [
        M("2025-11-20", "2025-11-20", "day", "dịp kỷ niệm Ngày Nhà giáo Việt Nam 20/11.", optional=True,
          start_alt=["2026-11-20"], end_alt=["2026-11-20"]),
        M("2025-09-01", "2026-05-31", "month", "tổ chức xét chọn đợt đầu năm học 2025 - 2026", optional=True,
          start_alt=["2025-01-01"], end_alt=["2026-12-31"]),
    ],
    "quotas": [
        Q("Học sinh, sinh viên được xét hỗ trợ", 12, "tháng thường trú liên tục tại xã (điều kiện xét hỗ trợ)",
          "Có nơi thường trú tại xã liên tục ít nhất 12 tháng tính đến thời điểm xét.", optional=True),
        Q("Học sinh trúng tuyển đại học hệ chính quy", 27, "điểm xét tuyển 03 môn (điều kiện khen thưởng)",
          "tổng điểm xét tuyển 03 môn từ 27 điểm trở lên", optional=True),
    ],
    "references": [
        R("Nghị quyết", "12/NQ-HĐND", "2025-07-25", "Hội đồng nhân dân xã Quảng Uyên",
          issuer_alt=["HĐND xã Quảng Uyên"]),
        R("Tờ trình", "38/TTr-VHXH", "2025-08-05", "Trưởng phòng Văn hóa - Xã hội",
          issuer_alt=["Phòng Văn hóa - Xã hội"]),
        R("Quyết định", "146/QĐ-UBND", "2025-08-12", "Ủy ban nhân dân xã Quảng Uyên", optional=True),
    ],
    "registrations": [],
    "notes": (
        "Held-out round 6 (invented, blind gold). DOCX: decision (header table, 'Căn cứ' in italics, Điều 1-4, signature "
        "table) then, after a page break, the Quy chế with its own header table WITHOUT number and date. METADATA from "
        "the decision: 'ỦY BAN NHÂN DÂN / XÃ QUẢNG UYÊN', 146/QĐ-UBND, 'Quảng Uyên, ngày 12 tháng 8 năm 2025'; signature "
        "'TM. ỦY BAN NHÂN DÂN / KT. CHỦ TỊCH / PHÓ CHỦ TỊCH / Nông Thị Thanh Hương' (three authority lines). DEADLINES: "
        "Điều 2 first selection round 'hoàn thành trước ngày 30/9/2025' (Phòng VH-XH). Yearly dates of the Quy chế "
        "(Điều 8.1 'Hằng năm, trước ngày 15/9' -> Trưởng các xóm to Phòng VH-XH; 8.2 'Trước ngày 05/10 hằng năm' -> Hội "
        "đồng xét chọn submits to the Chairman; 9.1 'trước ngày 15/12 hằng năm' -> Phòng VH-XH reports to UBND xã): "
        "year inferred from the document (2025, all after the issue date), next year accepted; ambiguous. 8.3 'trong "
        "thời hạn 10 ngày làm việc kể từ ngày niêm yết' is relative: due null. MILESTONES: none required. Optional: "
        "'Ngày Nhà giáo Việt Nam 20/11' (an observance on which awards are handed out, year-less; rule of r01's "
        "'(ngày 25/11)') and the school year 'năm học 2025 - 2026'. NOT annotated: the law dates in 'Căn cứ' (Luật Tổ "
        "chức chính quyền địa phương ngày 16 tháng 6 năm 2025, Luật Giáo dục ngày 14 tháng 6 năm 2019: dates of cited "
        "documents; laws without number are not listed because the scorer ignores them), 'giai đoạn 2025 - 2030' (in "
        "the cited resolution's subject), 'có hiệu lực kể từ ngày ký'. QUOTAS: none required. Optional: eligibility "
        "thresholds written as minimums ('ít nhất 12 tháng' residence, 'từ 27 điểm trở lên'): conditions on "
        "individuals, not minimum counts imposed on units. NOT quotas: 'Mỗi năm học xét không quá 40 suất' (a cap), "
        "the money amounts, '6,5', '2,5/4', '6,5/10' (scores; '5/10' is not a date), 'giải Nhất, Nhì, Ba', 'gấp hai "
        "lần'. REFERENCES: Nghị quyết 12/NQ-HĐND (25/7/2025, HĐND xã Quảng Uyên), Tờ trình 38/TTr-VHXH (05/8/2025); the "
        "Quy chế caption '(Ban hành kèm theo Quyết định số 146/QĐ-UBND …)' cites the decision itself -> optional."),
}

# --------------------------------------------------------------------------- 8. kh-11 (DOCX plan, Hội LHPN xã)

GOLD["kh-11-hoi-lhpn-xa-chieng-mai"] = {
    "document": DOC(
        "plan", "Hội LHPN xã Chiềng Mai", "11/KH-HPN", "Chiềng Mai", "2026-08-28",
        "Tổ chức Hội thi \"Phụ nữ Chiềng Mai khéo tay - Giữ gìn bản sắc\" năm 2026", "Lò Thị Thanh", "Chủ tịch",
        issuer_alt=["Hội Liên hiệp Phụ nữ xã Chiềng Mai", "Ban Thường vụ Hội LHPN xã Chiềng Mai",
                    "HỘI LHPN XÃ CHIỀNG MAI"]),
    "deadlines": [
        D("2026-09-20", "day",
          "Các chi hội đăng ký danh sách đội thi (theo mẫu gửi kèm) gửi về Văn phòng Hội LHPN xã trước ngày 20/9/2026",
          "đăng ký danh sách đội thi", "Các chi hội", "Văn phòng Hội LHPN xã"),
        D("2026-10-05", "day",
          "Nộp sản phẩm thêu thổ cẩm: chậm nhất ngày 05/10/2026, tại Văn phòng Hội LHPN xã",
          "Nộp sản phẩm thêu thổ cẩm", "Các chi hội", "Văn phòng Hội LHPN xã",
          responsible_alt=["Các đội thi", "Mỗi đội", None], ambiguous=True),
        D("2026-09-25", "day",
          "Thành lập Ban Tổ chức, Ban Giám khảo Hội thi trước ngày 25/9/2026",
          "Thành lập Ban Tổ chức, Ban Giám khảo Hội thi", "Ban Thường vụ Hội LHPN xã", None),
        D("2026-10-30", "day",
          "báo cáo kết quả về Ban Thường vụ Hội LHPN xã trước ngày 30/10/2026.",
          "báo cáo kết quả", "Các chi hội phụ nữ", "Ban Thường vụ Hội LHPN xã"),
        D(None, None,
          "báo cáo Ban Thường trực Ủy ban MTTQ Việt Nam xã và Hội LHPN tỉnh sau khi kết thúc Hội thi.",
          "báo cáo Ban Thường trực Ủy ban MTTQ Việt Nam xã và Hội LHPN tỉnh", "Ban Thường vụ Hội LHPN xã",
          "Ban Thường trực Ủy ban MTTQ Việt Nam xã và Hội LHPN tỉnh"),
    ],
    "milestones": [
        M("2026-10-08", "2026-10-08", "day",
          "Vòng sơ khảo (chấm sản phẩm thêu thổ cẩm và bài thi kiến thức): ngày 08/10/2026."),
        M("2026-10-17", "2026-10-17", "day",
          "Vòng chung kết: 7 giờ 30 phút, thứ Bảy, ngày 17/10/2026 tại Nhà văn hóa trung tâm xã Chiềng Mai."),
        M("2026-01-01", "2026-12-31", "year",
          "Tổ chức Hội thi \"Phụ nữ Chiềng Mai khéo tay - Giữ gìn bản sắc\" năm 2026", optional=True),
    ],
    "quotas": [
        Q("Mỗi chi hội", 1, "đội thi", "Mỗi chi hội thành lập 01 đội thi", exact=True),
        Q("Mỗi đội thi", 5, "hội viên", "mỗi đội thi có từ 05 đến 07 hội viên", maximum=7),
        Q("Mỗi đội thi", 1, "hội viên là người dân tộc thiểu số dưới 35 tuổi",
          "trong đó có ít nhất 01 hội viên là người dân tộc thiểu số dưới 35 tuổi"),
        Q("Mỗi đội", 1, "sản phẩm thêu thổ cẩm do hội viên trong đội tự làm",
          "mỗi đội nộp 01 sản phẩm do hội viên trong đội tự làm", exact=True, subject_alt=["Mỗi đội thi"]),
        Q("Mỗi đội", 2, "món ăn truyền thống", "mỗi đội chế biến 02 món ăn trong thời gian 60 phút", exact=True,
          subject_alt=["Mỗi đội thi"]),
    ],
    "references": [
        R("Kế hoạch", "86/KH-HPN", "2026-08-12", "Ban Thường vụ Hội LHPN tỉnh Sơn La"),
    ],
    "registrations": [],
    "notes": (
        "Held-out round 6 (invented, blind gold). DOCX (header table, body, signature table). METADATA: 'HỘI LHPN TỈNH "
        "SƠN LA / HỘI LHPN XÃ CHIỀNG MAI', 'Số: 11/KH-HPN', right national motto and 'Chiềng Mai, ngày 28 tháng 8 năm "
        "2026'; issuer Hội LHPN xã Chiềng Mai (written out or its Ban Thường vụ accepted); signer 'TM. BAN THƯỜNG VỤ / "
        "CHỦ TỊCH / Lò Thị Thanh'. DEADLINES: IV.1 registration of teams to Văn phòng Hội LHPN xã before 20/9/2026 (the "
        "Zalo copy is not a recipient body); IV.2 'Nộp sản phẩm thêu thổ cẩm: chậm nhất ngày 05/10/2026, tại Văn phòng "
        "Hội LHPN xã' (no subject written: the chi hội that field the teams; the teams or null accepted; recipient the "
        "office where products are handed in); VII.1 BTV sets up the organising board and jury before 25/9/2026; VII.2 "
        "chi hội report before 30/10/2026. 'báo cáo … sau khi kết thúc Hội thi' is relative (due null). MILESTONES: "
        "vòng sơ khảo 08/10/2026, vòng chung kết 17/10/2026 (time and weekday as text); title year optional. NOT "
        "annotated: anniversary '(20/10/1930 - 20/10/2026)', '96 năm', 'Chương trình công tác năm 2026' (unnumbered "
        "programme of the Hội, not listed as a reference because the scorer ignores unnumbered ones), 'kinh phí hoạt "
        "động năm 2026'. QUOTAS: 'Mỗi chi hội thành lập 01 đội thi' (fixed allocation, exact), 'mỗi đội thi có từ 05 "
        "đến 07 hội viên' (range: minimum 5, maximum 7), 'ít nhất 01 hội viên là người dân tộc thiểu số dưới 35 tuổi', "
        "'mỗi đội nộp 01 sản phẩm' and 'mỗi đội chế biến 02 món ăn' (fixed allocations, exact). NOT quotas: '21 chi hội' "
        "(existing units), 'không quá 05 phút' (a cap), '60 phút', 'dưới 35 tuổi', the prize counts of V (allocations "
        "of prizes by the organiser, not requirements on units) and money amounts. REFERENCE: Kế hoạch 86/KH-HPN "
        "(12/8/2026, BTV Hội LHPN tỉnh Sơn La)."),
}

# --------------------------------------------------------------------------- 9. cv-318 (DOCX letter, Đảng ủy xã)

GOLD["cv-318-dang-uy-xa-nga-son"] = {
    "document": DOC(
        "official_letter", "Đảng ủy xã Nga Sơn", "318-CV/ĐU", "Nga Sơn", "2026-02-27",
        "V/v tổng kết 10 năm thực hiện Chỉ thị số 05-CT/TW của Bộ Chính trị", "Mai Xuân Trường", "Phó Bí thư",
        issuer_alt=["ĐẢNG ỦY XÃ NGA SƠN", "Ban Thường vụ Đảng ủy xã Nga Sơn"]),
    "deadlines": [
        D("2026-03-31", "day",
          "Tổ chức tổng kết 10 năm thực hiện Chỉ thị số 05-CT/TW ở chi bộ gắn với sinh hoạt chi bộ thường kỳ tháng "
          "3/2026, hoàn thành trước ngày 31/3/2026.",
          "Tổ chức tổng kết 10 năm thực hiện Chỉ thị số 05-CT/TW ở chi bộ", "Các chi bộ trực thuộc", None,
          responsible_alt=["Các chi bộ trực thuộc Đảng ủy xã"]),
        D("2026-04-05", "day",
          "Xây dựng báo cáo tổng kết (theo đề cương gửi kèm) gửi về Đảng ủy xã (qua Ban Xây dựng Đảng) trước ngày "
          "05/4/2026",
          "Xây dựng báo cáo tổng kết", "Các chi bộ trực thuộc", "Đảng ủy xã (qua Ban Xây dựng Đảng)",
          responsible_alt=["Các chi bộ trực thuộc Đảng ủy xã"],
          recipient_alt=["Đảng ủy xã", "Ban Xây dựng Đảng"]),
        D("2026-04-12", "day",
          "Giao Ban Xây dựng Đảng Đảng ủy xã tổng hợp, xây dựng dự thảo báo cáo tổng kết của Đảng ủy xã, trình Ban "
          "Thường vụ trước ngày 12/4/2026",
          "tổng hợp, xây dựng dự thảo báo cáo tổng kết của Đảng ủy xã", "Ban Xây dựng Đảng Đảng ủy xã",
          "Ban Thường vụ", recipient_alt=["Ban Thường vụ Đảng ủy xã"]),
        D("2026-04-30", "day",
          "chuẩn bị nội dung để Ban Thường vụ Đảng ủy xã báo cáo Ban Thường vụ Tỉnh ủy (qua Ban Tuyên giáo và Dân vận "
          "Tỉnh ủy) trước ngày 30/4/2026.",
          "báo cáo Ban Thường vụ Tỉnh ủy", "Ban Thường vụ Đảng ủy xã",
          "Ban Thường vụ Tỉnh ủy (qua Ban Tuyên giáo và Dân vận Tỉnh ủy)",
          responsible_alt=["Ban Xây dựng Đảng Đảng ủy xã"],
          recipient_alt=["Ban Thường vụ Tỉnh ủy", "Ban Tuyên giáo và Dân vận Tỉnh ủy"], ambiguous=True),
    ],
    "milestones": [
        M("2026-04-01", "2026-04-30", "month",
          "Đảng ủy xã dự kiến tổ chức Hội nghị tổng kết 10 năm thực hiện Chỉ thị số 05-CT/TW vào tuần thứ ba của "
          "tháng 4/2026"),
        M("2026-03-01", "2026-03-31", "month", "gắn với sinh hoạt chi bộ thường kỳ tháng 3/2026", optional=True),
    ],
    "quotas": [
        Q("Mỗi chi bộ", 1, "bài viết về gương điển hình học tập và làm theo tư tưởng, đạo đức, phong cách Hồ Chí Minh",
          "3. Mỗi chi bộ gửi ít nhất 01 bài viết về gương điển hình"),
        Q("Chi bộ có từ 30 đảng viên trở lên", 2, "bài viết về gương điển hình",
          "chi bộ có từ 30 đảng viên trở lên gửi ít nhất 02 bài viết"),
        Q("Cá nhân được đề xuất khen thưởng", 5, "năm liên tục hoàn thành tốt nhiệm vụ trở lên (điều kiện đề xuất)",
          "Cá nhân được đề xuất phải có ít nhất 05 năm liên tục hoàn thành tốt nhiệm vụ trở lên", optional=True,
          subject_alt=["Cá nhân được đề xuất"]),
        Q("Chi bộ (điều kiện số đảng viên)", 30, "đảng viên (ngưỡng áp dụng mức 02 bài viết)",
          "chi bộ có từ 30 đảng viên trở lên", optional=True,
          subject_alt=["Chi bộ có từ 30 đảng viên trở lên", "Chi bộ"]),
    ],
    "references": [
        R("Hướng dẫn", "18-HD/BTGDVTU", "2026-02-10", "Ban Tuyên giáo và Dân vận Tỉnh ủy"),
        R("Chỉ thị", "05-CT/TW", "2016-05-15", "Bộ Chính trị"),
        R("Kết luận", "01-KL/TW", "2021-05-18", "Bộ Chính trị"),
    ],
    "registrations": [],
    "notes": (
        "Held-out round 6 (invented, blind gold). DOCX letter (công văn): header table whose left cell ends with the "
        "subject line 'V/v …' under 'Số 318-CV/ĐU', 'Kính gửi: Các chi bộ trực thuộc Đảng ủy xã.', numbered requests, "
        "signature table. METADATA: issuer Đảng ủy xã Nga Sơn; kind official_letter (CV); title = the V/v line; "
        "signer 'T/M ĐẢNG ỦY / PHÓ BÍ THƯ / Mai Xuân Trường'. DEADLINES: 1. the chi bộ hold the review 'hoàn thành "
        "trước ngày 31/3/2026' (responsible = the addressees 'Các chi bộ trực thuộc'); 2. report to Đảng ủy xã (qua Ban "
        "Xây dựng Đảng) before 05/4/2026; 5. Ban Xây dựng Đảng drafts and submits to the Ban Thường vụ before 12/4/2026; "
        "5. the Ban Thường vụ Đảng ủy xã reports to BTV Tỉnh ủy (qua Ban TG&DV Tỉnh ủy) before 30/4/2026 (the Ban Xây "
        "dựng Đảng that prepares it accepted as responsible; ambiguous). 'Hồ sơ đề nghị khen thưởng gửi kèm báo cáo "
        "tổng kết' has no date of its own. MILESTONES: the review conference 'vào tuần thứ ba của tháng 4/2026' (month "
        "precision, required); 'sinh hoạt chi bộ thường kỳ tháng 3/2026' is the meeting in which the review is held, "
        "the same clause as the 31/3 deadline -> optional. QUOTAS: 'Mỗi chi bộ gửi ít nhất 01 bài viết'; 'chi bộ có từ "
        "30 đảng viên trở lên gửi ít nhất 02 bài viết' (minimum 2; the 30 is the condition). Optional: the condition "
        "'từ 30 đảng viên trở lên' itself and the eligibility 'ít nhất 05 năm liên tục hoàn thành tốt nhiệm vụ' "
        "(conditions, not minimum counts imposed on units). NOT quotas: 'không quá 1.500 chữ', 'không quá 01 tập thể và "
        "02 cá nhân' (caps), '10 năm'. REFERENCES: 18-HD/BTGDVTU (10/02/2026), Chỉ thị 05-CT/TW (15/5/2016, cited "
        "four times), Kết luận 01-KL/TW (18/5/2021). Phone number not a date."),
}

# --------------------------------------------------------------------------- 10. cv-2184 (PDF letter, Sở NN&MT)

GOLD["cv-2184-so-nnmt-ha-tinh"] = {
    "document": DOC(
        "official_letter", "Sở Nông nghiệp và Môi trường", "2184/SNNMT-TTBVTV", "Hà Tĩnh", "2025-11-06",
        "V/v rà soát, tổng hợp nhu cầu hỗ trợ giống cây trồng để khôi phục sản xuất sau đợt mưa lũ cuối tháng "
        "10/2025",
        "Phan Trọng Hiếu", "Phó Giám đốc",
        issuer_alt=["Sở Nông nghiệp và Môi trường tỉnh Hà Tĩnh", "SỞ NÔNG NGHIỆP VÀ MÔI TRƯỜNG",
                    "Sở Nông nghiệp và Môi trường Hà Tĩnh"]),
    "deadlines": [
        D("2025-11-15", "day",
          "Tổng hợp nhu cầu hỗ trợ giống (theo Biểu số 01, Biểu số 02 gửi kèm) gửi về Sở Nông nghiệp và Môi trường "
          "(qua Chi cục Trồng trọt và Bảo vệ thực vật) trước ngày 15/11/2025",
          "Tổng hợp nhu cầu hỗ trợ giống", "Ủy ban nhân dân các xã, phường",
          "Sở Nông nghiệp và Môi trường (qua Chi cục Trồng trọt và Bảo vệ thực vật)",
          recipient_alt=["Sở Nông nghiệp và Môi trường", "Chi cục Trồng trọt và Bảo vệ thực vật"]),
        D("2025-11-25", "day",
          "Chậm nhất ngày 25/11/2025, phê duyệt danh sách hộ được hỗ trợ và niêm yết công khai",
          "phê duyệt danh sách hộ được hỗ trợ và niêm yết công khai", "Ủy ban nhân dân các xã, phường", None),
        D("2025-12-05", "day",
          "tổng hợp, tham mưu Sở trình UBND tỉnh phê duyệt kinh phí hỗ trợ trước ngày 05/12/2025.",
          "tổng hợp, tham mưu Sở trình UBND tỉnh phê duyệt kinh phí hỗ trợ",
          "Chi cục Trồng trọt và Bảo vệ thực vật", "UBND tỉnh",
          recipient_alt=["Sở Nông nghiệp và Môi trường", "Sở", None], ambiguous=True),
        D(None, None,
          "tổ chức cấp phát đến các hộ trong vòng 05 ngày làm việc kể từ ngày tiếp nhận",
          "tổ chức cấp phát đến các hộ", "Ủy ban nhân dân các xã, phường", None),
        D(None, None,
          "báo cáo kết quả cấp phát về Sở trong vòng 03 ngày làm việc kể từ ngày hoàn thành cấp phát.",
          "báo cáo kết quả cấp phát", "Ủy ban nhân dân các xã, phường", "Sở"),
    ],
    "milestones": [
        M("2025-12-01", "2025-12-31", "month",
          "tổ chức tập huấn kỹ thuật tại các xã bị thiệt hại nặng trong tháng 12/2025."),
        M("2026-01-25", "2026-02-10", "day", "gieo cấy tập trung từ ngày 25/01 đến ngày 10/02/2026."),
        M("2025-10-27", "2025-11-02", "day", "Đợt mưa lũ từ ngày 27/10 đến ngày 02/11/2025", optional=True),
        M("2025-10-01", "2025-10-31", "month", "sản xuất sau đợt mưa lũ cuối tháng 10/2025", optional=True),
        M("2026-01-01", "2026-12-31", "year", "chuẩn bị cho vụ Xuân 2026", optional=True,
          start_alt=["2026-01-01"], end_alt=["2026-06-30"]),
    ],
    "quotas": [
        Q("Hộ gia đình, cá nhân được hỗ trợ", 30, "diện tích cây trồng bị thiệt hại (điều kiện được hỗ trợ)",
          "có diện tích cây trồng bị thiệt hại từ 30% trở lên", "percent", optional=True,
          subject_alt=["Đối tượng được hỗ trợ", "Hộ gia đình, cá nhân"]),
    ],
    "references": [
        R("Nghị định", "02/2017/NĐ-CP", "2017-01-09", "Chính phủ"),
        R("Nghị định", "09/2025/NĐ-CP", "2025-01-10", "Chính phủ"),
        R("Công văn", "5126/UBND-NL", "2025-10-31", "UBND tỉnh", issuer_alt=["UBND tỉnh Hà Tĩnh"]),
    ],
    "registrations": [],
    "notes": (
        "Held-out round 6 (invented, blind gold). PDF (reportlab, text layer, 2 pages; the header is a two-column "
        "table: the left cell wraps 'SỞ NÔNG NGHIỆP VÀ MÔI' / 'TRƯỜNG' and the V/v line over four lines). METADATA: "
        "'UBND TỈNH HÀ TĨNH / SỞ NÔNG NGHIỆP VÀ MÔI TRƯỜNG', 'Số: 2184/SNNMT-TTBVTV', 'Hà Tĩnh, ngày 06 tháng 11 năm "
        "2025', signer 'KT. GIÁM ĐỐC / PHÓ GIÁM ĐỐC / Phan Trọng Hiếu'; title = V/v line. 'Kính gửi' lists UBND các xã, "
        "phường and Trung tâm Khuyến nông tỉnh. DEADLINES (responsible = the numbered heading of each section): 1.b "
        "request to the Sở (qua Chi cục Trồng trọt và BVTV) before 15/11/2025; 1.c 'Chậm nhất ngày 25/11/2025, phê "
        "duyệt danh sách …' (cut-off in front of the sentence); 3. the Chi cục advises the Sở to submit to UBND tỉnh "
        "before 05/12/2025 (recipient UBND tỉnh; the Sở or null accepted, ambiguous). 1.d has two relative limits "
        "('trong vòng 05 / 03 ngày làm việc kể từ …'): due null. MILESTONES: 2. 'tập huấn kỹ thuật … trong tháng "
        "12/2025', 3. 'gieo cấy tập trung từ ngày 25/01 đến ngày 10/02/2026' (the year of 25/01 from the end date). "
        "Optional: the past flood 'từ ngày 27/10 đến ngày 02/11/2025' and 'cuối tháng 10/2025' in the V/v line (past "
        "events), 'vụ Xuân 2026' (a season). NOT annotated: 'trong thời gian 05 ngày' (a duration), dates of the cited "
        "decrees and letter, the phone number. QUOTAS: none required; 'thiệt hại từ 30% trở lên' is an eligibility "
        "threshold -> optional. REFERENCES: 02/2017/NĐ-CP (09/01/2017, cited twice), 09/2025/NĐ-CP (10/01/2025), "
        "Công văn 5126/UBND-NL (31/10/2025, UBND tỉnh)."),
}

# --------------------------------------------------------------------------- 11. bc-96 (PDF report + registration list)

_U = "Ủy ban MTTQ Việt Nam phường"
GOLD["bc-96-dang-uy-phuong-phan-dinh-phung"] = {
    "document": DOC(
        "report", "Đảng ủy phường Phan Đình Phùng", "96-BC/ĐU", "Phan Đình Phùng", "2025-12-15",
        "kết quả công tác dân vận năm 2025, phương hướng, nhiệm vụ năm 2026", "Dương Thị Kim Oanh", "Phó Bí thư",
        issuer_alt=["ĐẢNG ỦY PHƯỜNG PHAN ĐÌNH PHÙNG", "Ban Thường vụ Đảng ủy phường Phan Đình Phùng"]),
    "deadlines": [
        D("2026-01-15", "day",
          "Các chi bộ, Ủy ban MTTQ Việt Nam phường và các tổ chức chính trị - xã hội rà soát, đăng ký bổ sung mô "
          "hình (nếu có) gửi về Ban Xây dựng Đảng Đảng ủy phường trước ngày 15/01/2026.",
          "rà soát, đăng ký bổ sung mô hình",
          "Các chi bộ, Ủy ban MTTQ Việt Nam phường và các tổ chức chính trị - xã hội",
          "Ban Xây dựng Đảng Đảng ủy phường"),
    ],
    "milestones": [
        M("2026-07-01", "2026-07-31", "month",
          "Tổ chức sơ kết 6 tháng thực hiện phong trào thi đua \"Dân vận khéo\" trong tháng 7/2026"),
        M("2026-12-01", "2026-12-31", "month", "tổng kết công tác dân vận năm 2026 trong tháng 12/2026."),
        M("2025-07-01", None, "day",
          "Ngay sau khi thực hiện mô hình chính quyền địa phương 2 cấp (từ ngày 01/7/2025)", optional=True),
        M("2025-07-01", "2025-11-30", "day",
          "Từ ngày 01/7/2025 đến ngày 30/11/2025, Trung tâm tiếp nhận 4.126 hồ sơ", optional=True),
        M("2025-01-01", "2025-12-31", "year", "kết quả công tác dân vận năm 2025, phương hướng, nhiệm vụ năm 2026",
          optional=True),
        M("2025-01-01", "2025-12-31", "year", "KẾT QUẢ CÔNG TÁC DÂN VẬN NĂM 2025", optional=True),
        M("2026-01-01", "2026-12-31", "year", "kết quả công tác dân vận năm 2025, phương hướng, nhiệm vụ năm 2026",
          optional=True),
        M("2026-01-01", "2026-12-31", "year", "PHƯƠNG HƯỚNG, NHIỆM VỤ NĂM 2026", optional=True),
        M("2026-01-01", "2026-12-31", "year", "MÔ HÌNH \"DÂN VẬN KHÉO\" ĐĂNG KÝ XÂY DỰNG NĂM 2026", optional=True),
    ],
    "quotas": [
        Q("Mỗi chi bộ tổ dân phố", 1, "mô hình \"Dân vận khéo\" năm 2026",
          "mỗi chi bộ tổ dân phố đăng ký xây dựng ít nhất 01 mô hình \"Dân vận khéo\" năm 2026"),
        Q("Ủy ban MTTQ Việt Nam phường và mỗi tổ chức chính trị - xã hội phường", 2, "mô hình \"Dân vận khéo\"",
          "Ủy ban MTTQ Việt Nam phường và mỗi tổ chức chính trị - xã hội phường xây dựng ít nhất 02 mô hình",
          subject_alt=["Mỗi tổ chức chính trị - xã hội phường", _U]),
    ],
    "references": [
        R("Hướng dẫn", "35-HD/BTGDVTU", "2025-11-20", "Ban Tuyên giáo và Dân vận Tỉnh ủy"),
        R("Quyết định", "15-QĐ/ĐU", "2025-07-10", "Ban Thường vụ Đảng ủy phường",
          issuer_alt=["Ban Thường vụ Đảng ủy phường Phan Đình Phùng", "Đảng ủy phường Phan Đình Phùng"]),
        R("Báo cáo", "96-BC/ĐU", "2025-12-15", "Đảng ủy phường Phan Đình Phùng", optional=True),
    ],
    "registrations": [
        REG("new", 1, "Tuyến phố \"Sáng - Xanh - Sạch - Đẹp - An toàn\"", "Chi bộ tổ dân phố 12",
            "Chi ủy chi bộ tổ dân phố 12; Ban công tác Mặt trận tổ dân phố 12", "Đường Phan Đình Phùng, tổ dân phố 12",
            "Văn hóa - xã hội", "2026-01-01", "2026-12-31", "Tháng 01 - 12/2026", 4, 1),
        REG("new", 2, "Tổ tự quản \"Nói không với rác thải nhựa\" tại chợ Túc Duyên (đ/c Hoàng Văn Tiến, Bí thư chi "
            "bộ chỉ đạo)", "Chi bộ tổ dân phố 5", None, "Chợ Túc Duyên", "VH-XH", "2026-01-01", "2026-12-31",
            "Quý I - Quý IV/2026", 4, 2,
            name_alt=["Tổ tự quản \"Nói không với rác thải nhựa\" tại chợ Túc Duyên"],
            leader_alt=["đ/c Hoàng Văn Tiến, Bí thư chi bộ", "Hoàng Văn Tiến, Bí thư chi bộ", "Hoàng Văn Tiến"]),
        REG("new", 3, "Camera an ninh \"Mắt thần khu phố\"", "Chi bộ tổ dân phố 8",
            "Chi bộ tổ dân phố 8; Tổ bảo vệ an ninh, trật tự ở cơ sở", "Tổ dân phố 8 và tổ dân phố 9", "QP-AN",
            "2026-03-01", "2026-12-31", "Tháng 3 - 12/2026", 4, 3),
        REG("new", 4, "Hỗ trợ người cao tuổi sử dụng VNeID, thanh toán không dùng tiền mặt", "Chi bộ tổ dân phố 17",
            "Chi bộ tổ dân phố 17 phối hợp Chi đoàn tổ dân phố 17", "Nhà văn hóa tổ dân phố 17", "Chuyển đổi số",
            "2026-01-01", "2026-12-31", "Năm 2026", 4, 4),
        REG("new", 5, "\"Vườn rau dinh dưỡng - sạch\" trong khu tập thể", "Chi bộ tổ dân phố 3",
            "Chi hội Phụ nữ tổ dân phố 3", "Khu tập thể tổ dân phố 3", "Kinh tế", "2026-04-01", "2026-11-30",
            "Tháng 4 - 11/2026", 4, 5),
        REG("new", 6, "\"Trung tâm Phục vụ hành chính công thân thiện - Người dân hài lòng\"",
            "Chi bộ Trung tâm Phục vụ hành chính công", "Chi ủy, lãnh đạo Trung tâm",
            "Trung tâm Phục vụ hành chính công phường", "CCHC", "2026-01-01", "2026-12-31", "Tháng 01 - 12/2026", 4, 6),
        REG("new", 7, "\"Phụ nữ tiết kiệm - giúp nhau phát triển kinh tế\"", "Hội LHPN phường",
            "Ban Thường vụ Hội LHPN phường", "Các chi hội phụ nữ tổ dân phố", "KT", "2026-01-01", "2026-12-31",
            "Năm 2026", 4, 7, unit_alt=["Hội Liên hiệp Phụ nữ phường"]),
        REG("new", 8, "\"Cựu chiến binh gương mẫu tham gia giữ gìn an ninh, trật tự\"", "Hội Cựu chiến binh phường",
            "Ban Chấp hành Hội Cựu chiến binh phường", "Địa bàn phường", "QP-AN", "2026-01-01", "2026-12-31",
            "Tháng 01 - 12/2026", 4, 8),
        REG("new", 9, "\"Thanh niên tình nguyện hỗ trợ dịch vụ công trực tuyến\"", "Đoàn Thanh niên phường",
            "Ban Chấp hành Đoàn phường", "Trung tâm Phục vụ hành chính công phường", "Chuyển đổi số", "2026-03-01",
            "2026-09-30", "Tháng 3 - 9/2026", 5, 9),
        REG("new", 10, "\"Dân vận khéo trong vận động hiến đất mở rộng ngõ xóm\"", _U,
            "Ban Thường trực Ủy ban MTTQ Việt Nam phường", "Tổ dân phố 14, 15 và 16", "XDHTCT", "2026-04-01",
            "2026-12-31", "Quý II - Quý IV/2026", 5, 10),
        REG("continuing", 1, "\"Tổ hòa giải ở cơ sở giỏi\"", "Chi bộ tổ dân phố 6",
            "Chi bộ tổ dân phố 6; Tổ hòa giải tổ dân phố 6", "Tổ dân phố 6", "QP-AN", "2025-01-01", "2026-12-31",
            "2025 - 2026", 5, 11),
        REG("continuing", 2, "\"Gia đình hiếu học - dòng họ khuyến học\"", "Hội Khuyến học phường",
            "Ban Chấp hành Hội Khuyến học phường", "Các tổ dân phố", "VH-XH", "2025-01-01", "2026-12-31",
            "2025 - 2026", 5, 12),
        REG("continuing", 3, "\"Chi bộ 4 tốt\"", "Chi bộ tổ dân phố 1", "Chi ủy chi bộ tổ dân phố 1", "Tổ dân phố 1",
            "XDHTCT", "2026-01-01", "2026-12-31", "Năm 2026", 5, 13),
        REG("continuing", 4, "\"Bữa cơm nghĩa tình\" cho người nhà bệnh nhân nghèo", "Hội Chữ thập đỏ phường",
            "Ban Thường vụ Hội Chữ thập đỏ phường", "Bệnh viện Trung ương Thái Nguyên", "VH-XH", "2026-01-01", None,
            "Từ tháng 01/2026", 5, 14),
    ],
    "notes": (
        "Held-out round 6 (invented, blind gold). PDF (reportlab, text layer, 5 pages): a REPORT of the ward Party "
        "committee (pages 1-3, with a small statistics table 'Bảng 1') followed by an attached LIST of registered "
        "'Dân vận khéo' models (pages 4-5: a 7-column grid whose two header rows — titles and '(1) … (7)' — repeat on "
        "page 5; section rows 'I. MÔ HÌNH ĐĂNG KÝ MỚI', group rows '1. Khối chi bộ tổ dân phố' / '2. Khối cơ quan …', "
        "'II. MÔ HÌNH TIẾP TỤC THỰC HIỆN', a totals row, a 'Ghi chú' line). METADATA: Party style 'ĐẢNG BỘ TỈNH THÁI "
        "NGUYÊN / ĐẢNG ỦY PHƯỜNG PHAN ĐÌNH PHÙNG / *' (the second line wraps in the PDF), 'Số 96-BC/ĐU', place 'Phan "
        "Đình Phùng' (a multi-word ward name), issued 2025-12-15, kind report (the list is an annex, not a filled form: "
        "document unit null), signer 'T/M ĐẢNG ỦY / PHÓ BÍ THƯ / Dương Thị Kim Oanh' (page 3). DEADLINE: part two 3. "
        "additional registrations to Ban Xây dựng Đảng before 15/01/2026. MILESTONES: 'sơ kết 6 tháng … trong tháng "
        "7/2026' and 'tổng kết … trong tháng 12/2026' (required). Optional: past windows of part one ('(từ ngày "
        "01/7/2025)', 'Từ ngày 01/7/2025 đến ngày 30/11/2025'), the years of the report in title/headings and the list "
        "title. NOT annotated: 'đến ngày 30/11/2025' (as-of), 'nhiệm kỳ 2025 - 2030' (terms of office), the table "
        "columns 'Năm 2024 / Năm 2025', the 'Thời gian thực hiện' cells of the list (they are registrations[].period, "
        "not milestones: dev-set rule). QUOTAS: 'mỗi chi bộ tổ dân phố … ít nhất 01 mô hình' and 'Ủy ban MTTQ Việt Nam "
        "phường và mỗi tổ chức chính trị - xã hội phường … ít nhất 02 mô hình'. NOT quotas: the 2025 results ('27/27 "
        "chi bộ', '99,2%', '84,6%', '96,8%', '128,7% kế hoạch', '100% khu dân cư tổ chức Ngày hội …' — a RESULT, '18 "
        "mô hình', '12', '03 mô hình') and the statistics table. REFERENCES: 35-HD/BTGDVTU (20/11/2025), 15-QĐ/ĐU "
        "(10/7/2025, issued by the BTV Đảng ủy phường); the list caption cites the report itself -> optional. "
        "REGISTRATIONS: 14 rows, seq restarting at 1 in section II; unit = the 'Đơn vị đăng ký' cell (the report's "
        "issuer is not the registering unit); section new/continuing from the section rows (the group rows are not "
        "sections); field from the 'Lĩnh vực' cell, written as words ('Văn hóa - xã hội', 'Chuyển đổi số', 'Kinh tế') "
        "or codes (VH-XH, QP-AN, CCHC, KT, XDHTCT; the narrow column wraps 'VH-X|H', 'XDHT|CT' in the PDF); field_raw "
        "as written. Row 2 has an EMPTY leader cell, the leader is named in the name cell '(đ/c Hoàng Văn Tiến, Bí thư "
        "chi bộ chỉ đạo)': gold keeps the cells (leader null, the person accepted; the name without the parenthesis "
        "accepted). Periods: 'Tháng 01 - 12/2026', 'Quý I - Quý IV/2026' (first day of Q1 to last of Q4), 'Năm 2026', "
        "'2025 - 2026' (whole years), 'Từ tháng 01/2026' (open end). Locations: page of the row in the PDF, table 0, "
        "row = model row 1..14 in reading order."),
}

# --------------------------------------------------------------------------- 12. kh-163 (PDF plan, UBND xã, tuyển quân)

_DD = ["Ủy ban nhân dân xã Đồng Đăng", "xã Đồng Đăng", "UBND xã Đồng Đăng"]
GOLD["kh-163-ubnd-xa-dong-dang"] = {
    "document": DOC(
        "plan", "Ủy ban nhân dân xã Đồng Đăng", "163/KH-UBND", "Đồng Đăng", "2025-10-08",
        "Tuyển chọn và gọi công dân nhập ngũ, thực hiện nghĩa vụ tham gia Công an nhân dân năm 2026",
        "Vi Văn Thành", "Phó Chủ tịch",
        issuer_alt=["UBND xã Đồng Đăng", "ỦY BAN NHÂN DÂN XÃ ĐỒNG ĐĂNG"]),
    "deadlines": [
        D("2025-11-20", "day",
          "Trước ngày 20/11/2025: Hội đồng nghĩa vụ quân sự xã lập danh sách công dân đủ điều kiện gọi khám sức "
          "khỏe, báo cáo Ban Chỉ huy Phòng thủ khu vực.",
          "lập danh sách công dân đủ điều kiện gọi khám sức khỏe", "Hội đồng nghĩa vụ quân sự xã",
          "Ban Chỉ huy Phòng thủ khu vực"),
        D("2026-02-20", "day",
          "Trước ngày 20/02/2026: Chủ tịch Ủy ban nhân dân xã ký, phát lệnh gọi nhập ngũ đến từng công dân",
          "ký, phát lệnh gọi nhập ngũ đến từng công dân", "Chủ tịch Ủy ban nhân dân xã", "từng công dân",
          recipient_alt=[None, "công dân"]),
        D("2026-03-10", "day",
          "tổng hợp, báo cáo kết quả tuyển quân về Ban Chỉ huy Phòng thủ khu vực trước ngày 10/3/2026.",
          "tổng hợp, báo cáo kết quả tuyển quân", "Ban Chỉ huy Quân sự xã", "Ban Chỉ huy Phòng thủ khu vực"),
        D("2026-01-15", "day",
          "Công an xã thẩm tra, xác minh tiêu chuẩn chính trị của công dân trong diện gọi nhập ngũ, hoàn thành trước "
          "ngày 15/01/2026",
          "thẩm tra, xác minh tiêu chuẩn chính trị của công dân trong diện gọi nhập ngũ", "Công an xã", None),
        D("2026-03-01", "day",
          "Trưởng các thôn phối hợp với Ban công tác Mặt trận thôn tổ chức gặp mặt, động viên công dân nhập ngũ và "
          "gia đình, hoàn thành trước ngày 01/3/2026.",
          "tổ chức gặp mặt, động viên công dân nhập ngũ và gia đình", "Trưởng các thôn", None,
          responsible_alt=["Trưởng các thôn phối hợp với Ban công tác Mặt trận thôn"]),
    ],
    "milestones": [
        M("2025-10-15", "2025-10-31", "day",
          "Từ ngày 15/10 đến ngày 31/10/2025: Ban Chỉ huy Quân sự xã phối hợp với Công an xã và các thôn rà soát"),
        M("2025-11-03", "2025-11-12", "day",
          "Từ ngày 03/11 đến ngày 12/11/2025: Hội đồng nghĩa vụ quân sự xã tổ chức sơ tuyển sức khỏe"),
        M("2025-12-01", "2025-12-15", "day",
          "Từ ngày 01/12 đến ngày 15/12/2025: tổ chức khám sức khỏe nghĩa vụ quân sự"),
        M("2026-01-01", "2026-01-31", "month",
          "Tháng 01/2026: xét duyệt, phê duyệt danh sách công dân đủ điều kiện nhập ngũ"),
        M("2026-03-05", "2026-03-05", "day",
          "Ngày 05/3/2026 (thứ Năm): tổ chức Lễ giao nhận quân tại Hội trường Ủy ban nhân dân xã."),
        M("2026-01-01", "2026-12-31", "year",
          "nhập ngũ, thực hiện nghĩa vụ tham gia Công an nhân dân năm 2026", optional=True),
    ],
    "quotas": [
        Q("Xã Đồng Đăng (tổng số công dân nhập ngũ, thực hiện nghĩa vụ tham gia Công an nhân dân)", 42,
          "công dân nhập ngũ và thực hiện nghĩa vụ tham gia Công an nhân dân (chỉ tiêu giao)",
          "Tổng số 42 công dân", exact=True,
          subject_alt=_DD + ["Tổng số công dân", "Chỉ tiêu"]),
        Q("Xã Đồng Đăng (nhập ngũ vào Quân đội nhân dân)", 36, "công dân nhập ngũ vào Quân đội nhân dân",
          "nhập ngũ vào Quân đội nhân dân 36 công dân", exact=True,
          subject_alt=_DD + ["Công dân nhập ngũ vào Quân đội nhân dân", "Quân đội nhân dân"]),
        Q("Xã Đồng Đăng (thực hiện nghĩa vụ tham gia Công an nhân dân)", 6,
          "công dân thực hiện nghĩa vụ tham gia Công an nhân dân",
          "thực hiện nghĩa vụ tham gia Công an nhân dân 06 công dân", exact=True,
          subject_alt=_DD + ["Công dân thực hiện nghĩa vụ tham gia Công an nhân dân", "Công an nhân dân"]),
        Q("Công dân nhập ngũ (trình độ cao đẳng, đại học)", 10, "tỷ lệ công dân nhập ngũ có trình độ cao đẳng, đại học",
          "Phấn đấu tỷ lệ công dân nhập ngũ có trình độ cao đẳng, đại học đạt từ 10% trở lên", "percent",
          subject_alt=_DD + ["Công dân nhập ngũ", "Tỷ lệ công dân nhập ngũ có trình độ cao đẳng, đại học"]),
        Q("Công dân nhập ngũ (đảng viên)", 3, "tỷ lệ đảng viên trong số công dân nhập ngũ",
          "tỷ lệ đảng viên đạt từ 3% trở lên", "percent",
          subject_alt=_DD + ["Công dân nhập ngũ", "Tỷ lệ đảng viên", "Đảng viên"]),
        Q("Công dân được tuyển chọn (tuổi đời)", 18, "tuổi (điều kiện tuyển chọn)",
          "công dân từ đủ 18 tuổi đến hết 25 tuổi", maximum=25, optional=True,
          subject_alt=["Công dân", "Tuổi đời"]),
        Q("Công dân được tuyển chọn (trình độ văn hóa)", 8, "lớp (trình độ văn hóa tối thiểu)",
          "trình độ văn hóa từ lớp 8 trở lên", optional=True, subject_alt=["Công dân", "Trình độ văn hóa"]),
    ],
    "references": [
        R("Nghị định", "13/2016/NĐ-CP", "2016-02-19", "Chính phủ"),
        R("Thông tư", "105/2023/TT-BQP", "2023-12-06", "Bộ trưởng Bộ Quốc phòng",
          issuer_alt=["Bộ Quốc phòng"]),
        R("Quyết định", "1935/QĐ-UBND", "2025-09-25", "Ủy ban nhân dân tỉnh Lạng Sơn",
          issuer_alt=["UBND tỉnh Lạng Sơn"]),
    ],
    "registrations": [],
    "notes": (
        "Held-out round 6 (invented, blind gold). PDF (reportlab, text layer). The left header cell holds the issuer on "
        "ONE line 'ỦY BAN NHÂN DÂN XÃ ĐỒNG ĐĂNG' which wraps inside the cell, so the text layer interleaves it with the "
        "right column ('ỦY BAN NHÂN DÂN XÃ ĐỒNG CỘNG HÒA XÃ HỘI CHỦ NGHĨA' / 'ĐĂNG VIỆT NAM'). METADATA: issuer UBND xã "
        "Đồng Đăng, 163/KH-UBND, 'Đồng Đăng, ngày 08 tháng 10 năm 2025', signer 'KT. CHỦ TỊCH / PHÓ CHỦ TỊCH / Vi Văn "
        "Thành'. DEADLINES: III.3 and III.6 are schedule items that open with 'Trước ngày …:' (cut-offs: Hội đồng NVQS "
        "lists and reports to Ban CHPTKV before 20/11/2025; the Chairman signs and hands out call-up orders before "
        "20/02/2026, recipient 'từng công dân', null accepted); IV.1 result report to Ban CHPTKV before 10/3/2026; IV.2 "
        "Công an xã 'hoàn thành trước ngày 15/01/2026'; IV.4 Trưởng các thôn 'hoàn thành trước ngày 01/3/2026'. NOT "
        "deadlines: '(bảo đảm trước 15 ngày so với ngày giao quân)' (relative), 'theo thời gian tại mục III'. "
        "MILESTONES: the schedule items without a cut-off word: 15-31/10/2025, 03-12/11/2025, 01-15/12/2025, 'Tháng "
        "01/2026', 'Ngày 05/3/2026 (thứ Năm)'; the plan year in the title optional. NOT annotated: law/decree dates in "
        "'Căn cứ' ('Luật Nghĩa vụ quân sự ngày 19 tháng 6 năm 2015' is unnumbered: not listed). QUOTAS: the assigned "
        "call-up target 'Tổng số 42 công dân, trong đó: … Quân đội nhân dân 36 …; … Công an nhân dân 06' (fixed "
        "allocations on the xã -> exact; the two parts are separate targets for two forces, so all three are "
        "required); 'tỷ lệ … cao đẳng, đại học đạt từ 10% trở lên' and 'tỷ lệ đảng viên đạt từ 3% trở lên' (subject the "
        "recruits measured; the xã accepted). Optional: eligibility thresholds 'từ đủ 18 tuổi đến hết 25 tuổi' (range "
        "18-25) and 'từ lớp 8 trở lên' (conditions on individuals). NOT quotas: 'đến hết 27 tuổi' (a cap), 'sức khỏe "
        "loại 1, 2, 3', 'trước 15 ngày'. REFERENCES: 13/2016/NĐ-CP (19/02/2016), 105/2023/TT-BQP (06/12/2023, cited "
        "twice), 1935/QĐ-UBND (25/9/2025, UBND tỉnh Lạng Sơn)."),
}
