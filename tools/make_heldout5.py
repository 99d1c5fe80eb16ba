"""Build the fifth held-out set (tests/heldout5/): conclusions with per-department assignments, a
`Thời gian | Nội dung | Đơn vị thực hiện` schedule table, a reply letter (Phúc đáp …), military/police plans,
a farmers' union programme with percentages, a notice with relative deadlines only.

Why: the first four held-out sets were tuned to ~1.000; this one measures the rules on unseen text.
The gold (GOLD) is written by hand from the text; inputs are rendered with the make_heldout2.py renderers.

Run: .venv/bin/python tools/make_heldout5.py
"""
from __future__ import annotations

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from make_heldout2 import PARTY, STATE  # noqa: E402
from make_heldout4 import expand_gold, write_set  # noqa: E402

OUT = Path(__file__).resolve().parents[1] / "tests" / "heldout5"
DOCS: dict[str, dict] = {}
GOLD: dict[str, dict] = {}

DOCS["tb-118-thanh-uy-bac-lieu"] = dict(fmt="txt",
    left=["ĐẢNG BỘ TỈNH BẠC LIÊU", "THÀNH ỦY BẠC LIÊU", "*", "Số 118-TB/TU"],
    right=PARTY + ["", "Bạc Liêu, ngày 03 tháng 3 năm 2026"], body=[
    ("title", ["THÔNG BÁO", "kết luận của Ban Thường vụ Thành ủy", "về công tác chuẩn bị Đại hội Mặt trận Tổ quốc các cấp"]),
    "Ngày 27/02/2026, Ban Thường vụ Thành ủy họp, nghe Ban Dân vận Thành ủy báo cáo tiến độ chuẩn bị Đại hội "
    "Mặt trận Tổ quốc các cấp theo Chỉ thị số 18-CT/TW ngày 26/10/2022 của Bộ Chính trị. Ban Thường vụ Thành ủy "
    "kết luận như sau:",
    "1. Giao Ban Dân vận Thành ủy chủ trì, phối hợp Ủy ban MTTQ Việt Nam thành phố hướng dẫn các phường, xã tổ "
    "chức đại hội điểm, hoàn thành trước ngày 15/4/2026.",
    "2. Giao Ban Tổ chức Thành ủy thẩm định nhân sự, trình Ban Thường vụ Thành ủy xem xét chậm nhất ngày 30/4/2026.",
    "3. Giao Ủy ban nhân dân thành phố bảo đảm kinh phí tổ chức đại hội theo quy định.",
    "4. Đại hội Mặt trận Tổ quốc cấp xã, phường tổ chức xong trong tháng 5/2026; Đại hội cấp thành phố dự kiến "
    "tổ chức trong quý III/2026.",
    "5. Các đảng ủy phường, xã báo cáo kết quả về Ban Thường vụ Thành ủy (qua Ban Dân vận) trước ngày 10/6/2026.",
    ("end", ["Nơi nhận:", "- Thường trực Tỉnh ủy (b/c),", "- Các đảng ủy trực thuộc,", "- Lưu VPTU."],
     ["T/M BAN THƯỜNG VỤ", "PHÓ BÍ THƯ THƯỜNG TRỰC", "", "", "Lý Hoàng Nam"]),
])
GOLD["tb-118-thanh-uy-bac-lieu"] = dict(
    doc=dict(kind="notice", issuer="Thành ủy Bạc Liêu", issuer_alt=["THÀNH ỦY BẠC LIÊU", "Ban Thường vụ Thành ủy Bạc Liêu"],
             number="118-TB/TU", place="Bạc Liêu", issued_on="2026-03-03", signer="Lý Hoàng Nam"),
    deadlines=[("2026-04-15", "hướng dẫn các phường, xã tổ chức đại hội điểm", "Ban Dân vận Thành ủy", None),
               ("2026-04-30", "thẩm định nhân sự, trình Ban Thường vụ Thành ủy xem xét", "Ban Tổ chức Thành ủy",
                "Ban Thường vụ Thành ủy"),
               ("2026-06-10", "Các đảng ủy phường, xã báo cáo kết quả về Ban Thường vụ Thành ủy",
                "Các đảng ủy phường, xã", "Ban Thường vụ Thành ủy (qua Ban Dân vận)")],
    milestones=[("2026-05-01", "2026-05-31"), ("2026-07-01", "2026-09-30")],
    quotas=[],
    references=[("Chỉ thị", "18-CT/TW", "2022-10-26")])

DOCS["kh-36-ubnd-phuong-an-hoa"] = dict(fmt="docx",
    left=["UBND THÀNH PHỐ RẠCH GIÁ", "ỦY BAN NHÂN DÂN", "PHƯỜNG AN HÒA", "", "Số: 36/KH-UBND"],
    right=STATE + ["", "An Hòa, ngày 20 tháng 8 năm 2026"], body=[
    ("title", ["KẾ HOẠCH", "Tổ chức Ngày hội Đại đoàn kết toàn dân tộc năm 2026"]),
    "Thực hiện Kế hoạch số 210/KH-UBND ngày 05/8/2026 của UBND thành phố Rạch Giá về tổ chức Ngày hội Đại đoàn "
    "kết toàn dân tộc năm 2026; Ủy ban nhân dân phường xây dựng kế hoạch như sau:",
    "I. CHỈ TIÊU",
    "- 100% khu phố tổ chức Ngày hội Đại đoàn kết toàn dân tộc.",
    "- Mỗi khu phố vận động ít nhất 02 suất quà tặng hộ nghèo.",
    "II. THỜI GIAN VÀ PHÂN CÔNG",
    ("table", [["Thời gian", "Nội dung", "Đơn vị thực hiện"],
               ["Trước ngày 10/9/2026", "Xây dựng kế hoạch tổ chức ngày hội ở khu phố", "Ban công tác Mặt trận các khu phố"],
               ["Từ ngày 01/10 đến ngày 15/11/2026", "Tổ chức ngày hội tại các khu phố", "Ban công tác Mặt trận các khu phố"],
               ["Chậm nhất ngày 25/11/2026", "Báo cáo kết quả về Ủy ban MTTQ Việt Nam phường", "Các khu phố"]], 1),
    "Ngày hội được tổ chức trong không khí vui tươi, tiết kiệm, tránh phô trương, hình thức.",
    ("end", ["Nơi nhận:", "- UBND thành phố,", "- Lưu: VT."],
     ["TM. ỦY BAN NHÂN DÂN", "KT. CHỦ TỊCH", "PHÓ CHỦ TỊCH", "", "", "Danh Thị Sa Rươl"]),
])
GOLD["kh-36-ubnd-phuong-an-hoa"] = dict(
    doc=dict(kind="plan", issuer="UBND phường An Hòa",
             issuer_alt=["ỦY BAN NHÂN DÂN PHƯỜNG AN HÒA", "Ủy ban nhân dân phường An Hòa", "PHƯỜNG AN HÒA"],
             number="36/KH-UBND", place="An Hòa", issued_on="2026-08-20", signer="Danh Thị Sa Rươl"),
    deadlines=[("2026-09-10", "Xây dựng kế hoạch tổ chức ngày hội ở khu phố", "Ban công tác Mặt trận các khu phố", None),
               ("2026-11-25", "Báo cáo kết quả về Ủy ban MTTQ Việt Nam phường", "Các khu phố",
                "Ủy ban MTTQ Việt Nam phường")],
    milestones=[("2026-10-01", "2026-11-15")],
    quotas=[("khu phố", 100, "percent"), ("Mỗi khu phố", 2, "count")],
    references=[("Kế hoạch", "210/KH-UBND", "2026-08-05")])

DOCS["cv-742-so-noi-vu-phu-yen"] = dict(fmt="pdf",
    left=["UBND TỈNH PHÚ YÊN", "SỞ NỘI VỤ", "", "Số: 742/SNV-TCBC", "V/v phúc đáp đề nghị bổ sung",
          "biên chế công chức năm 2026"],
    right=STATE + ["", "Phú Yên, ngày 14 tháng 5 năm 2026"], body=[
    "Kính gửi: Ủy ban nhân dân huyện Sơn Hòa.",
    "Phúc đáp Công văn số 389/UBND-NV ngày 06/5/2026 của UBND huyện Sơn Hòa về việc đề nghị bổ sung biên chế "
    "công chức năm 2026, Sở Nội vụ có ý kiến như sau:",
    "1. Theo Quyết định số 1022/QĐ-UBND ngày 28/12/2025 của UBND tỉnh, tổng biên chế công chức của huyện năm 2026 "
    "đã được giao đủ; Sở không có cơ sở tham mưu bổ sung.",
    "2. Đề nghị UBND huyện rà soát, sắp xếp lại vị trí việc làm theo Nghị định số 62/2020/NĐ-CP ngày 01/6/2020 "
    "của Chính phủ.",
    "3. UBND huyện gửi đề án vị trí việc làm về Sở Nội vụ trước ngày 30/6/2026 để thẩm định.",
    "Sở Nội vụ dự kiến tổ chức làm việc với các huyện trong tháng 7/2026.",
    ("end", ["Nơi nhận:", "- Như trên;", "- Lưu: VT, TCBC."],
     ["KT. GIÁM ĐỐC", "PHÓ GIÁM ĐỐC", "", "", "Nguyễn Thị Hồng Nhung"]),
])
GOLD["cv-742-so-noi-vu-phu-yen"] = dict(
    doc=dict(kind="official_letter", issuer="Sở Nội vụ tỉnh Phú Yên",
             issuer_alt=["SỞ NỘI VỤ", "Sở Nội vụ", "UBND TỈNH PHÚ YÊN SỞ NỘI VỤ"],
             number="742/SNV-TCBC", place="Phú Yên", issued_on="2026-05-14", signer="Nguyễn Thị Hồng Nhung"),
    deadlines=[("2026-06-30", "UBND huyện gửi đề án vị trí việc làm về Sở Nội vụ", "UBND huyện", "Sở Nội vụ")],
    milestones=[("2026-07-01", "2026-07-31")],
    quotas=[],
    references=[("Công văn", "389/UBND-NV", "2026-05-06"), ("Quyết định", "1022/QĐ-UBND", "2025-12-28"),
                ("Nghị định", "62/2020/NĐ-CP", "2020-06-01")])

DOCS["kh-12-dang-uy-quan-su-huyen-tuy-phong"] = dict(fmt="txt",
    left=["ĐẢNG BỘ HUYỆN TUY PHONG", "ĐẢNG ỦY QUÂN SỰ HUYỆN", "*", "Số 12-KH/ĐU"],
    right=PARTY + ["", "Tuy Phong, ngày 09 tháng 02 năm 2026"], body=[
    ("title", ["KẾ HOẠCH", "thực hiện công tác dân vận trong lực lượng vũ trang huyện năm 2026"]),
    "Thực hiện Nghị quyết số 49-NQ/QUTW ngày 06/02/2019 của Quân ủy Trung ương về công tác dân vận của Quân đội "
    "trong tình hình mới; Kế hoạch số 05-KH/HU ngày 20/01/2026 của Huyện ủy Tuy Phong, Đảng ủy Quân sự huyện "
    "xây dựng kế hoạch như sau:",
    "I. CHỈ TIÊU",
    "- Mỗi chi bộ trực thuộc xây dựng ít nhất 01 mô hình “Dân vận khéo”.",
    "- 100% cán bộ, chiến sĩ được quán triệt các chủ trương về công tác dân vận.",
    "- Phối hợp giúp dân không dưới 500 ngày công trong năm.",
    "II. THỜI GIAN",
    "- Tháng 3/2026: tổ chức quán triệt.",
    "- Từ tháng 4 đến tháng 8/2026: tổ chức các đợt giúp dân.",
    "- Các chi bộ gửi báo cáo kết quả về Đảng ủy Quân sự huyện (qua Ban Chính trị) trước ngày 15/11/2026.",
    ("end", ["Nơi nhận:", "- Huyện ủy (b/c),", "- Lưu."],
     ["T/M ĐẢNG ỦY", "BÍ THƯ", "", "", "Thượng tá Phan Văn Quang"]),
])
GOLD["kh-12-dang-uy-quan-su-huyen-tuy-phong"] = dict(
    doc=dict(kind="plan", issuer="Đảng ủy Quân sự huyện Tuy Phong",
             issuer_alt=["ĐẢNG ỦY QUÂN SỰ HUYỆN", "Đảng ủy Quân sự huyện", "Đảng bộ huyện Tuy Phong Đảng ủy Quân sự huyện"],
             number="12-KH/ĐU", place="Tuy Phong", issued_on="2026-02-09", signer="Phan Văn Quang",
             signer_alt=["Thượng tá Phan Văn Quang"]),
    deadlines=[("2026-11-15", "Các chi bộ gửi báo cáo kết quả về Đảng ủy Quân sự huyện", "Các chi bộ",
                "Đảng ủy Quân sự huyện (qua Ban Chính trị)")],
    milestones=[("2026-03-01", "2026-03-31"), ("2026-04-01", "2026-08-31")],
    quotas=[("Mỗi chi bộ trực thuộc", 1, "count"), ("cán bộ, chiến sĩ", 100, "percent"),
            ("ngày công", 500, "count", None, True)],
    references=[("Nghị quyết", "49-NQ/QUTW", "2019-02-06"), ("Kế hoạch", "05-KH/HU", "2026-01-20")])

DOCS["kh-58-ubnd-xa-tan-an-hoi"] = dict(fmt="pdf",
    left=["UBND HUYỆN CỦ CHI", "ỦY BAN NHÂN DÂN", "XÃ TÂN AN HỘI", "", "Số: 58/KH-UBND"],
    right=STATE + ["", "Tân An Hội, ngày 02 tháng 3 năm 2026"], body=[
    ("title", ["KẾ HOẠCH", "Cải cách hành chính năm 2026"]),
    "Căn cứ Kế hoạch số 44/KH-UBND ngày 15/01/2026 của UBND huyện Củ Chi về cải cách hành chính năm 2026;",
    "1. Chỉ tiêu",
    "- Tối thiểu 80% hồ sơ thủ tục hành chính được tiếp nhận trực tuyến.",
    "- Tỷ lệ hồ sơ giải quyết trước và đúng hạn đạt từ 98% trở lên.",
    "2. Nhiệm vụ và tiến độ",
    ("table", [["STT", "Nội dung", "Đơn vị thực hiện", "Thời gian"],
               ["1", "Rà soát, niêm yết công khai thủ tục hành chính", "Công chức Văn phòng - Thống kê", "Quý II/2026"],
               ["2", "Khảo sát mức độ hài lòng của người dân", "Bộ phận Một cửa", "Tháng 9/2026"],
               ["3", "Báo cáo kết quả cải cách hành chính năm về UBND huyện", "Văn phòng UBND xã", "Trước ngày 05/12/2026"]], 1),
    ("end", ["Nơi nhận:", "- UBND huyện,", "- Lưu: VT."],
     ["TM. ỦY BAN NHÂN DÂN", "CHỦ TỊCH", "", "", "Trần Văn Lộc"]),
])
GOLD["kh-58-ubnd-xa-tan-an-hoi"] = dict(
    doc=dict(kind="plan", issuer="UBND xã Tân An Hội",
             issuer_alt=["ỦY BAN NHÂN DÂN XÃ TÂN AN HỘI", "Ủy ban nhân dân xã Tân An Hội", "XÃ TÂN AN HỘI"],
             number="58/KH-UBND", place="Tân An Hội", issued_on="2026-03-02", signer="Trần Văn Lộc"),
    deadlines=[("2026-12-05", "Báo cáo kết quả cải cách hành chính năm về UBND huyện", "Văn phòng UBND xã",
                "UBND huyện")],
    milestones=[("2026-04-01", "2026-06-30"), ("2026-09-01", "2026-09-30")],
    quotas=[("hồ sơ thủ tục hành chính", 80, "percent"), ("Tỷ lệ hồ sơ giải quyết trước và đúng hạn", 98, "percent")],
    references=[("Kế hoạch", "44/KH-UBND", "2026-01-15")])

DOCS["ctr-04-hoi-nong-dan-huyen-thoai-son"] = dict(fmt="docx",
    left=["HỘI NÔNG DÂN TỈNH AN GIANG", "BCH HỘI NÔNG DÂN HUYỆN THOẠI SƠN", "*", "Số 04-CTr/HND"],
    right=["HỘI NÔNG DÂN VIỆT NAM", "", "Thoại Sơn, ngày 16 tháng 01 năm 2026"], body=[
    ("title", ["CHƯƠNG TRÌNH", "công tác Hội và phong trào nông dân năm 2026"]),
    "Căn cứ Nghị quyết Đại hội đại biểu Hội Nông dân huyện lần thứ XI, nhiệm kỳ 2023 - 2028 và Chương trình số "
    "02-CTr/HNDT ngày 08/01/2026 của Ban Thường vụ Hội Nông dân tỉnh, Ban Chấp hành Hội Nông dân huyện xây dựng "
    "chương trình công tác năm 2026 như sau:",
    "I. CHỈ TIÊU",
    "1. Kết nạp mới 350 hội viên; 85% hộ hội viên đăng ký danh hiệu sản xuất, kinh doanh giỏi.",
    "2. Mỗi cơ sở Hội xây dựng ít nhất 01 tổ hội nghề nghiệp.",
    "3. Mỗi chi hội có từ 3 đến 5 hộ hội viên áp dụng quy trình sản xuất lúa giảm phát thải.",
    "4. Năm 2025, toàn huyện có 1.240 hộ đạt danh hiệu sản xuất, kinh doanh giỏi các cấp.",
    "II. TIẾN ĐỘ",
    "- Quý II/2026: tổ chức hội thi “Nhà nông đua tài” cấp huyện.",
    "- Các cơ sở Hội gửi danh sách hộ đăng ký thi đua về Văn phòng Hội Nông dân huyện trước ngày 31/3/2026.",
    ("end", ["Nơi nhận:", "- BTV Hội Nông dân tỉnh,", "- Lưu."],
     ["TM. BAN THƯỜNG VỤ", "CHỦ TỊCH", "", "", "Huỳnh Thị Thanh Trúc"]),
])
GOLD["ctr-04-hoi-nong-dan-huyen-thoai-son"] = dict(
    doc=dict(kind="program", issuer="Hội Nông dân huyện Thoại Sơn",
             issuer_alt=["BCH HỘI NÔNG DÂN HUYỆN THOẠI SƠN", "Ban Chấp hành Hội Nông dân huyện Thoại Sơn",
                         "HỘI NÔNG DÂN HUYỆN THOẠI SƠN"],
             number="04-CTr/HND", place="Thoại Sơn", issued_on="2026-01-16", signer="Huỳnh Thị Thanh Trúc"),
    deadlines=[("2026-03-31", "Các cơ sở Hội gửi danh sách hộ đăng ký thi đua về Văn phòng Hội Nông dân huyện",
                "Các cơ sở Hội", "Văn phòng Hội Nông dân huyện")],
    milestones=[("2026-04-01", "2026-06-30")],
    quotas=[("hội viên", 350, "count", None, True), ("hộ hội viên", 85, "percent"), ("Mỗi cơ sở Hội", 1, "count"),
            ("Mỗi chi hội", 3, "count", 5)],
    references=[("Chương trình", "02-CTr/HNDT", "2026-01-08")])

DOCS["tb-27-ban-tuyen-giao-tinh-uy-ca-mau"] = dict(fmt="txt",
    left=["TỈNH ỦY CÀ MAU", "BAN TUYÊN GIÁO", "*", "Số 27-TB/BTGTU"],
    right=PARTY + ["", "Cà Mau, ngày 11 tháng 6 năm 2026"], body=[
    ("title", ["THÔNG BÁO", "về việc tổ chức lớp bồi dưỡng báo cáo viên năm 2026"]),
    "Thực hiện Hướng dẫn số 12-HD/BTGTW ngày 03/4/2026 của Ban Tuyên giáo Trung ương, Ban Tuyên giáo Tỉnh ủy "
    "thông báo như sau:",
    "1. Các ban tuyên giáo huyện ủy, thành ủy cử học viên và gửi danh sách về Ban Tuyên giáo Tỉnh ủy trong vòng "
    "05 ngày làm việc kể từ ngày nhận được thông báo này.",
    "2. Học viên có mặt tại Trường Chính trị tỉnh trước 01 ngày so với ngày khai giảng để làm thủ tục.",
    "3. Sau khi kết thúc lớp học 10 ngày, học viên nộp bài thu hoạch về Ban Tuyên giáo Tỉnh ủy.",
    "4. Lớp học dự kiến khai giảng trong tháng 7/2026.",
    ("end", ["Nơi nhận:", "- Các ban tuyên giáo huyện ủy, thành ủy,", "- Lưu."],
     ["K/T TRƯỞNG BAN", "PHÓ TRƯỞNG BAN", "", "", "Tô Thị Bích Ngọc"]),
])
GOLD["tb-27-ban-tuyen-giao-tinh-uy-ca-mau"] = dict(
    doc=dict(kind="notice", issuer="Ban Tuyên giáo Tỉnh ủy Cà Mau",
             issuer_alt=["BAN TUYÊN GIÁO", "Ban Tuyên giáo", "Tỉnh ủy Cà Mau Ban Tuyên giáo"],
             number="27-TB/BTGTU", place="Cà Mau", issued_on="2026-06-11", signer="Tô Thị Bích Ngọc"),
    deadlines=[],
    milestones=[("2026-07-01", "2026-07-31")],
    quotas=[],
    references=[("Hướng dẫn", "12-HD/BTGTW", "2026-04-03")])

DOCS["kh-95-cong-an-huyen-dak-mil"] = dict(fmt="txt",
    left=["CÔNG AN TỈNH ĐẮK NÔNG", "CÔNG AN HUYỆN ĐẮK MIL", "", "Số: 95/KH-CAH"],
    right=STATE + ["", "Đắk Mil, ngày 24 tháng 7 năm 2026"], body=[
    ("title", ["KẾ HOẠCH", "Triển khai phong trào Toàn dân bảo vệ an ninh Tổ quốc năm 2026"]),
    "Thực hiện Kế hoạch số 301/KH-CAT ngày 10/7/2026 của Công an tỉnh Đắk Nông; Thông tư số 124/2021/TT-BCA ngày "
    "28/12/2021 của Bộ Công an, Công an huyện xây dựng kế hoạch như sau:",
    "1. Chỉ tiêu: mỗi thôn, bon, tổ dân phố xây dựng ít nhất 01 mô hình tự quản về an ninh trật tự; "
    "trên 90% hộ gia đình ký cam kết không vi phạm pháp luật.",
    "2. Từ ngày 15/8 đến ngày 15/9/2026, tổ chức tuyên truyền lưu động tại các xã, thị trấn.",
    "3. Công an các xã, thị trấn hoàn thành việc rà soát mô hình hiện có trước ngày 31/8/2026.",
    "4. Công an các xã, thị trấn gửi báo cáo sơ kết 6 tháng về Công an huyện (qua Đội Cảnh sát quản lý hành "
    "chính về trật tự xã hội) trước ngày 05 hằng tháng.",
    "5. Hội nghị tổng kết dự kiến tổ chức vào cuối tháng 12/2026.",
    ("end", ["Nơi nhận:", "- Công an tỉnh (b/c),", "- Lưu: VT."],
     ["TRƯỞNG CÔNG AN HUYỆN", "", "", "Thượng tá Y Bhin Niê"]),
])
GOLD["kh-95-cong-an-huyen-dak-mil"] = dict(
    doc=dict(kind="plan", issuer="Công an huyện Đắk Mil", issuer_alt=["CÔNG AN HUYỆN ĐẮK MIL"],
             number="95/KH-CAH", place="Đắk Mil", issued_on="2026-07-24", signer="Y Bhin Niê",
             signer_alt=["Thượng tá Y Bhin Niê"]),
    deadlines=[("2026-08-31", "Công an các xã, thị trấn hoàn thành việc rà soát mô hình hiện có",
                "Công an các xã, thị trấn", None)],
    milestones=[("2026-08-15", "2026-09-15"), ("2026-12-01", "2026-12-31")],
    quotas=[("mỗi thôn, bon, tổ dân phố", 1, "count"), ("hộ gia đình", 90, "percent")],
    references=[("Kế hoạch", "301/KH-CAT", "2026-07-10"), ("Thông tư", "124/2021/TT-BCA", "2021-12-28")])


def gold_json(name: str, path: Path) -> dict:
    return expand_gold(GOLD[name], path, "tools/make_heldout5.py")


def main() -> None:
    write_set(DOCS, OUT, gold_json)


if __name__ == "__main__":
    main()
