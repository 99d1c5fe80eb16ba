"""Build the fourth held-out set (tests/heldout4/): quota-, milestone- and reference-heavy documents.

Why: the first three held-out sets were tuned to 1.000; this one measures the weak spots on unseen text
(quota shapes, timeline lists, citations across lines, three-line issuers, KT./TL./Q. signatures).
The gold below (GOLD) is written by hand from the text; this script renders the inputs (TXT/DOCX/PDF with
the renderers of make_heldout2.py) and writes NAME.gold.json with the file's sha256.

Run: .venv/bin/python tools/make_heldout4.py
"""
from __future__ import annotations

import hashlib
import json
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from make_heldout2 import PARTY, STATE, render  # noqa: E402

OUT = Path(__file__).resolve().parents[1] / "tests" / "heldout4"
DOCS: dict[str, dict] = {}
GOLD: dict[str, dict] = {}

DOCS["kh-14-bcd35-huyen-xuan-loc"] = dict(fmt="txt", left=["HUYỆN ỦY XUÂN LỘC", "BAN CHỈ ĐẠO 35", "*", "Số 14-KH/BCĐ"],
    right=PARTY + ["", "Xuân Lộc, ngày 06 tháng 01 năm 2026"], body=[
    ("title", ["KẾ HOẠCH", "công tác bảo vệ nền tảng tư tưởng của Đảng năm 2026"]),
    "Căn cứ Nghị quyết số 35-NQ/TW, ngày 22/10/2018 của Bộ Chính trị về tăng cường bảo vệ nền tảng tư tưởng "
    "của Đảng, đấu tranh phản bác các quan điểm sai trái, thù địch trong tình hình mới;",
    "Căn cứ Kế hoạch số 27-KH/BCĐ ngày 18/12/2025 của Ban Chỉ đạo 35 Tỉnh ủy Đồng Nai, Ban Chỉ đạo 35 "
    "Huyện ủy xây dựng kế hoạch như sau:",
    "I. CHỈ TIÊU",
    "- 100% cơ quan, đơn vị trong huyện kiện toàn tổ thông tin cơ sở.",
    "- Mỗi xã, thị trấn có ít nhất 01 tổ tuyên truyền trên không gian mạng.",
    "- Mỗi chi bộ tổ chức không dưới 3 buổi/năm sinh hoạt chuyên đề về bảo vệ nền tảng tư tưởng của Đảng.",
    "Năm 2025, toàn huyện đã có 120 tài khoản tham gia đấu tranh; đội ngũ cộng tác viên có 94 người.",
    "II. TIẾN ĐỘ THỰC HIỆN",
    "- Quý I/2026: kiện toàn Ban Chỉ đạo 35 các xã, thị trấn.",
    "- Từ ngày 01/6 - 15/7/2026: tổ chức cuộc thi viết chính luận cấp huyện.",
    "- Trong 6 tháng cuối năm 2026, tập huấn kỹ năng cho cộng tác viên.",
    "- Các xã, thị trấn báo cáo kết quả về Ban Chỉ đạo 35 huyện (qua Ban Tuyên giáo Huyện ủy) trước ngày "
    "10/12/2026.",
    ("end", ["Nơi nhận:", "- BCĐ 35 Tỉnh ủy (b/c),", "- Lưu."],
     ["TM. BAN CHỈ ĐẠO", "TRƯỞNG BAN", "(Đã ký)", "", "Đinh Văn Hùng"]),
])
GOLD["kh-14-bcd35-huyen-xuan-loc"] = dict(
    doc=dict(kind="plan", issuer="Ban Chỉ đạo 35 Huyện ủy Xuân Lộc",
             issuer_alt=["Ban Chỉ đạo 35", "BAN CHỈ ĐẠO 35", "Huyện ủy Xuân Lộc Ban Chỉ đạo 35"],
             number="14-KH/BCĐ", place="Xuân Lộc", issued_on="2026-01-06", signer="Đinh Văn Hùng"),
    deadlines=[("2026-12-10", "Các xã, thị trấn báo cáo kết quả về Ban Chỉ đạo 35 huyện", "Các xã, thị trấn",
                "Ban Chỉ đạo 35 huyện (qua Ban Tuyên giáo Huyện ủy)")],
    milestones=[("2026-01-01", "2026-03-31"), ("2026-06-01", "2026-07-15"), ("2026-07-01", "2026-12-31")],
    quotas=[("cơ quan, đơn vị trong huyện", 100, "percent"), ("Mỗi xã, thị trấn", 1, "count"),
            ("Mỗi chi bộ", 3, "count")],
    references=[("Nghị quyết", "35-NQ/TW", "2018-10-22"), ("Kế hoạch", "27-KH/BCĐ", "2025-12-18")])

DOCS["kh-22-ubkt-dang-uy-xa-nhon-hoa-lap"] = dict(fmt="docx",
    left=["ĐẢNG BỘ HUYỆN TÂN THẠNH", "ĐẢNG ỦY XÃ NHƠN HÒA LẬP", "ỦY BAN KIỂM TRA", "*", "Số 22-KH/UBKT"],
    right=PARTY + ["", "Nhơn Hòa Lập, ngày 15 tháng 01 năm 2026"], body=[
    ("title", ["KẾ HOẠCH", "kiểm tra, giám sát năm 2026"]),
    "Thực hiện Quy định số 296-QĐ/TW ngày 30/5/2025 của Ban Chấp hành Trung ương về công tác kiểm tra, giám sát "
    "và kỷ luật của Đảng;",
    "Căn cứ Chương trình số 05-CTr/ĐU, ngày 08/01/2026 của Đảng ủy xã về kiểm tra, giám sát năm 2026, Ủy ban "
    "Kiểm tra Đảng ủy xây dựng kế hoạch như sau:",
    "1. Chỉ tiêu",
    "- Ủy ban Kiểm tra Đảng ủy kiểm tra tối thiểu 30% chi bộ trực thuộc về việc thực hiện nhiệm vụ kiểm tra, "
    "giám sát.",
    "- Mỗi chi bộ thực hiện giám sát chuyên đề từ 2 - 3 đảng viên trong năm.",
    "- Giám sát không quá 03 cuộc đối với mỗi tổ chức đảng trong một quý.",
    "- Năm 2025 đã kiểm tra 12 đảng viên, thi hành kỷ luật 02 đảng viên.",
    "2. Thời gian",
    "- Đợt 1: tháng 5/2026; đợt 2: tháng 10/2026.",
    "- Ủy ban Kiểm tra tổng kết công tác kiểm tra, giám sát năm 2026, dự kiến tổ chức vào cuối tháng 11/2026.",
    "- Các chi bộ gửi báo cáo tự kiểm tra về Ủy ban Kiểm tra Đảng ủy chậm nhất ngày 20/11/2026.",
    ("end", ["Nơi nhận:", "- UBKT Huyện ủy,", "- Lưu."],
     ["TM. ỦY BAN KIỂM TRA", "CHỦ NHIỆM", "", "", "Võ Thị Kim Hương"]),
])
GOLD["kh-22-ubkt-dang-uy-xa-nhon-hoa-lap"] = dict(
    doc=dict(kind="plan", issuer="Ủy ban Kiểm tra Đảng ủy xã Nhơn Hòa Lập",
             issuer_alt=["Ủy ban Kiểm tra", "ỦY BAN KIỂM TRA", "Đảng ủy xã Nhơn Hòa Lập Ủy ban Kiểm tra"],
             number="22-KH/UBKT", place="Nhơn Hòa Lập", issued_on="2026-01-15", signer="Võ Thị Kim Hương"),
    deadlines=[("2026-11-20", "Các chi bộ gửi báo cáo tự kiểm tra về Ủy ban Kiểm tra Đảng ủy", "Các chi bộ",
                "Ủy ban Kiểm tra Đảng ủy")],
    milestones=[("2026-05-01", "2026-05-31"), ("2026-10-01", "2026-10-31"), ("2026-11-01", "2026-11-30")],
    quotas=[("Ủy ban Kiểm tra Đảng ủy", 30, "percent"), ("Mỗi chi bộ", 2, "count", 3)],
    references=[("Quy định", "296-QĐ/TW", "2025-05-30"), ("Chương trình", "05-CTr/ĐU", "2026-01-08")])

DOCS["kh-09-hoi-khuyen-hoc-huyen-phu-cat"] = dict(fmt="pdf",
    left=["HỘI KHUYẾN HỌC VIỆT NAM", "HỘI KHUYẾN HỌC HUYỆN PHÙ CÁT", "", "Số: 09/KH-HKH"],
    right=STATE + ["", "Phù Cát, ngày 20 tháng 02 năm 2026"], body=[
    ("title", ["KẾ HOẠCH", "Xây dựng mô hình học tập năm 2026"]),
    "Căn cứ Quyết định số 1373/QĐ-TTg ngày 30/7/2021 của Thủ tướng Chính phủ phê duyệt Đề án “Xây dựng xã hội "
    "học tập giai đoạn 2021 - 2030”;",
    "Căn cứ Hướng dẫn số 31/HD-KHVN ngày 12/01/2026 của Trung ương Hội Khuyến học Việt Nam, Ban Thường vụ Hội "
    "Khuyến học huyện xây dựng kế hoạch như sau:",
    "I. CHỈ TIÊU",
    "1. Các chi hội phấn đấu có trên 90% hộ gia đình đăng ký danh hiệu “Gia đình học tập”.",
    "2. Mỗi chi hội có ít nhất 01 mô hình điểm về “Dòng họ học tập”.",
    "3. Chỉ tiêu: 05 mô hình/xã “Cộng đồng học tập” cấp thôn.",
    "Năm 2025, Quỹ khuyến học huyện đã trao 50.000.000 đồng cho học sinh nghèo vượt khó.",
    "II. TIẾN ĐỘ",
    ("table", [["Thời gian", "Nội dung"], ["Tháng 3/2026", "Các chi hội tổ chức đăng ký danh hiệu"],
               ["Quý III/2026", "Kiểm tra, đánh giá mô hình điểm"], ["Tháng 12/2026", "Tổng kết, khen thưởng"]], 1),
    "Các chi hội gửi danh sách đăng ký về Thường trực Hội Khuyến học huyện trước ngày 31/3/2026.",
    ("end", ["Nơi nhận:", "- Hội Khuyến học tỉnh,", "- Lưu."],
     ["TM. BAN THƯỜNG VỤ", "CHỦ TỊCH", "", "", "Lê Văn Bảy"]),
])
GOLD["kh-09-hoi-khuyen-hoc-huyen-phu-cat"] = dict(
    doc=dict(kind="plan", issuer="Hội Khuyến học huyện Phù Cát",
             issuer_alt=["HỘI KHUYẾN HỌC HUYỆN PHÙ CÁT"],
             number="09/KH-HKH", place="Phù Cát", issued_on="2026-02-20", signer="Lê Văn Bảy"),
    deadlines=[("2026-03-31", "Các chi hội gửi danh sách đăng ký về Thường trực Hội Khuyến học huyện",
                "Các chi hội", "Thường trực Hội Khuyến học huyện")],
    milestones=[("2026-03-01", "2026-03-31"), ("2026-07-01", "2026-09-30"), ("2026-12-01", "2026-12-31")],
    quotas=[("Các chi hội", 90, "percent"), ("Mỗi chi hội", 1, "count"), ("xã", 5, "count")],
    references=[("Quyết định", "1373/QĐ-TTg", "2021-07-30"), ("Hướng dẫn", "31/HD-KHVN", "2026-01-12")])

DOCS["kh-31-hoi-chu-thap-do-quan-cai-rang"] = dict(fmt="txt",
    left=["HỘI CHỮ THẬP ĐỎ VIỆT NAM", "HỘI CTĐ QUẬN CÁI RĂNG", "", "Số: 31/KH-CTĐ"],
    right=STATE + ["", "Tp. Cần Thơ, ngày 03 tháng 3 năm 2026"], body=[
    ("title", ["KẾ HOẠCH", "Vận động hiến máu tình nguyện năm 2026"]),
    "Thực hiện Công văn số 1234/UBND-VX ngày 20/02/2026 của Ủy ban nhân dân quận Cái Răng về công tác vận động "
    "hiến máu tình nguyện năm 2026;",
    "Căn cứ Luật Thi đua, khen thưởng ngày 15/6/2022 và Nghị định số 98/2023/NĐ-CP ngày 31/12/2023 của Chính "
    "phủ quy định chi tiết thi hành một số điều của Luật Thi đua, khen thưởng,",
    "Chỉ tiêu:",
    "- Mỗi phường vận động tối thiểu 150 người tham gia hiến máu mỗi đợt.",
    "- 100% cơ quan, đơn vị trên địa bàn quận có người tham gia hiến máu.",
    "- Người hiến máu trong độ tuổi từ 18 đến 60, cân nặng trên 45 kg.",
    "Tiến độ:",
    "- Tháng 3/2026: xây dựng kế hoạch, phân bổ chỉ tiêu cho các phường.",
    "- Tháng 6/2026: tổ chức “Hành trình Đỏ” và Ngày hội hiến máu.",
    "- Tháng 01/2027: tổng kết, khen thưởng.",
    "Các phường báo cáo kết quả về Hội Chữ thập đỏ quận trước ngày 05/12/2026.",
    ("end", ["Nơi nhận:", "- Hội CTĐ thành phố,", "- Lưu."],
     ["KT. CHỦ TỊCH", "PHÓ CHỦ TỊCH", "(Đã ký)", "", "Trần Thị Ngọc Hân"]),
])
GOLD["kh-31-hoi-chu-thap-do-quan-cai-rang"] = dict(
    doc=dict(kind="plan", issuer="Hội Chữ thập đỏ quận Cái Răng",
             issuer_alt=["HỘI CTĐ QUẬN CÁI RĂNG", "Hội CTĐ quận Cái Răng"],
             number="31/KH-CTĐ", place="Cần Thơ", place_alt=["Tp. Cần Thơ", "TP. Cần Thơ"],
             issued_on="2026-03-03", signer="Trần Thị Ngọc Hân"),
    deadlines=[("2026-12-05", "Các phường báo cáo kết quả về Hội Chữ thập đỏ quận", "Các phường",
                "Hội Chữ thập đỏ quận")],
    milestones=[("2026-03-01", "2026-03-31"), ("2026-06-01", "2026-06-30"), ("2027-01-01", "2027-01-31")],
    quotas=[("Mỗi phường", 150, "count"), ("cơ quan, đơn vị trên địa bàn quận", 100, "percent")],
    references=[("Công văn", "1234/UBND-VX", "2026-02-20"), ("Nghị định", "98/2023/NĐ-CP", "2023-12-31")])

DOCS["kh-05-cdcs-truong-thpt-ben-cat"] = dict(fmt="docx",
    left=["CĐ NGÀNH GIÁO DỤC TỈNH BÌNH DƯƠNG", "CÔNG ĐOÀN CƠ SỞ", "TRƯỜNG THPT BẾN CÁT", "", "Số: 05/KH-CĐCS"],
    right=STATE + ["", "Bến Cát, ngày 10 tháng 9 năm 2026"], body=[
    ("title", ["KẾ HOẠCH", "Tổ chức phong trào thi đua “Giỏi việc trường, đảm việc nhà” năm học 2026 - 2027"]),
    "Căn cứ Hướng dẫn số 12/HD-CĐN ngày 25/8/2026 của Công đoàn ngành Giáo dục về phong trào thi đua năm học "
    "2026 - 2027;",
    "Theo đề nghị tại Tờ trình số 45/TTr-CĐCS ngày 05/9/2026 của Ban Nữ công,",
    "1. Chỉ tiêu",
    ("table", [["Chỉ tiêu", "Đơn vị", "Số lượng"],
               ["Mỗi tổ công đoàn đăng ký sáng kiến kinh nghiệm", "sáng kiến", "ít nhất 02"],
               ["Đoàn viên đạt danh hiệu “Giỏi việc trường, đảm việc nhà”", "%", "tối thiểu 70%"]], 1),
    "- Cán bộ công đoàn được hỗ trợ tối đa 02 lần/năm khi ốm đau.",
    "- Đoàn viên nữ từ 35 tuổi trở lên được khám sức khỏe định kỳ.",
    "2. Thời gian",
    "- Tháng 10/2026: phát động phong trào.",
    "- Sơ kết học kỳ I vào tháng 01/2027; tổng kết năm học vào tháng 5/2027.",
    "- Các tổ công đoàn gửi bản đăng ký về Ban Chấp hành Công đoàn cơ sở trước ngày 30/9/2026.",
    ("end", ["Nơi nhận:", "- CĐ ngành,", "- Lưu."],
     ["TM. BAN CHẤP HÀNH", "CHỦ TỊCH", "", "", "Nguyễn Thị Thu Trang"]),
])
GOLD["kh-05-cdcs-truong-thpt-ben-cat"] = dict(
    doc=dict(kind="plan", issuer="Công đoàn cơ sở Trường THPT Bến Cát",
             issuer_alt=["CÔNG ĐOÀN CƠ SỞ TRƯỜNG THPT BẾN CÁT", "Công đoàn cơ sở"],
             number="05/KH-CĐCS", place="Bến Cát", issued_on="2026-09-10", signer="Nguyễn Thị Thu Trang"),
    deadlines=[("2026-09-30", "Các tổ công đoàn gửi bản đăng ký về Ban Chấp hành Công đoàn cơ sở",
                "Các tổ công đoàn", "Ban Chấp hành Công đoàn cơ sở")],
    milestones=[("2026-10-01", "2026-10-31"), ("2027-01-01", "2027-01-31"), ("2027-05-01", "2027-05-31")],
    quotas=[("Mỗi tổ công đoàn", 2, "count"), ("Đoàn viên", 70, "percent", None, True)],
    references=[("Hướng dẫn", "12/HD-CĐN", "2026-08-25"), ("Tờ trình", "45/TTr-CĐCS", "2026-09-05")])

DOCS["kh-88-bqlda-huyen-cu-chi"] = dict(fmt="pdf",
    left=["UBND HUYỆN CỦ CHI", "BAN QUẢN LÝ DỰ ÁN", "ĐẦU TƯ XÂY DỰNG KHU VỰC", "", "Số: 88/KH-BQLDA"],
    right=STATE + ["", "TP. Hồ Chí Minh, ngày 18 tháng 3 năm 2026"], body=[
    ("title", ["KẾ HOẠCH", "Thực hiện công tác dân vận trong giải phóng mặt bằng dự án nâng cấp Tỉnh lộ 15 năm 2026"]),
    "Thực hiện Quyết định số 123/QĐ-UBND ngày 12/01/2026 của Chủ tịch Ủy ban nhân dân huyện Củ Chi về giao kế "
    "hoạch vốn đầu tư công năm 2026;",
    "Căn cứ Kết luận số 01-KL/TW ngày 18/5/2021 của Bộ Chính trị về tiếp tục thực hiện Chỉ thị số 05-CT/TW,",
    "1. Mục tiêu",
    "- Vận động 100% hộ dân bị ảnh hưởng bàn giao mặt bằng đúng tiến độ.",
    "- Mỗi tổ công tác tiếp xúc, đối thoại không dưới 02 lần/tháng với các hộ dân.",
    "- Đường sau nâng cấp rộng 24 m, dài 12,5 km; tổng mức đầu tư 450 tỷ đồng.",
    "2. Tiến độ",
    "- Quý II/2026: kiểm đếm, lập phương án bồi thường.",
    "- Từ tháng 7 đến tháng 9/2026: chi trả bồi thường, hỗ trợ tái định cư.",
    "- Ban Quản lý dự án hoàn thành bàn giao mặt bằng cho đơn vị thi công chậm nhất ngày 31/10/2026.",
    ("end", ["Nơi nhận:", "- UBND huyện,", "- Lưu."], ["Q. GIÁM ĐỐC", "", "", "Phạm Quốc Bảo"]),
])
GOLD["kh-88-bqlda-huyen-cu-chi"] = dict(
    doc=dict(kind="plan", issuer="Ban Quản lý dự án đầu tư xây dựng khu vực huyện Củ Chi",
             issuer_alt=["BAN QUẢN LÝ DỰ ÁN ĐẦU TƯ XÂY DỰNG KHU VỰC", "Ban Quản lý dự án đầu tư xây dựng khu vực",
                         "UBND HUYỆN CỦ CHI BAN QUẢN LÝ DỰ ÁN ĐẦU TƯ XÂY DỰNG KHU VỰC"],
             number="88/KH-BQLDA", place="TP. Hồ Chí Minh", place_alt=["Hồ Chí Minh", "Thành phố Hồ Chí Minh"],
             issued_on="2026-03-18", signer="Phạm Quốc Bảo"),
    deadlines=[("2026-10-31", "Ban Quản lý dự án hoàn thành bàn giao mặt bằng cho đơn vị thi công",
                "Ban Quản lý dự án", None)],
    milestones=[("2026-04-01", "2026-06-30"), ("2026-07-01", "2026-09-30")],
    quotas=[("hộ dân bị ảnh hưởng", 100, "percent", None, True), ("Mỗi tổ công tác", 2, "count")],
    references=[("Quyết định", "123/QĐ-UBND", "2026-01-12"), ("Kết luận", "01-KL/TW", "2021-05-18"),
                ("Chỉ thị", "05-CT/TW", None)])

DOCS["kh-17-trung-tam-y-te-duc-hoa"] = dict(fmt="txt",
    left=["SỞ Y TẾ TỈNH LONG AN", "TRUNG TÂM Y TẾ HUYỆN ĐỨC HÒA", "", "Số: 17/KH-TTYT"],
    right=STATE + ["", "Đức Hòa, ngày 25 tháng 02 năm 2026"], body=[
    ("title", ["KẾ HOẠCH", "Tiêm chủng mở rộng năm 2026"]),
    "Thực hiện Công văn số 356/SYT-NVY ngày 10/02/2026 của Sở Y tế tỉnh Long An về triển khai Chương trình tiêm "
    "chủng mở rộng năm 2026;",
    "Căn cứ Quyết định số\n1575/QĐ-BYT ngày 27/3/2023 của Bộ trưởng Bộ Y tế về hướng dẫn tổ chức buổi tiêm chủng;",
    "1. Chỉ tiêu",
    "- Các trạm y tế xã, thị trấn đạt tỷ lệ trẻ dưới 1 tuổi được tiêm chủng đầy đủ tối thiểu 95%.",
    "- Mỗi trạm y tế tổ chức ít nhất 01 buổi tiêm chủng/tháng.",
    "- Trẻ từ 18 tháng tuổi được tiêm nhắc mũi 4.",
    "2. Tổ chức thực hiện",
    "- Tiêm bổ sung vắc xin sởi - rubella: dự kiến tổ chức vào cuối tháng 4/2026.",
    "- Từ ngày 01/6 - 30/6/2026, tổ chức chiến dịch uống vitamin A.",
    "- Sơ kết 6 tháng vào tháng 7/2026; tổng kết năm vào tháng 12/2026.",
    "- Các trạm y tế xã, thị trấn báo cáo số liệu tiêm chủng về Khoa Kiểm soát bệnh tật trước ngày 25 hằng tháng.",
    ("end", ["Nơi nhận:", "- Sở Y tế,", "- Lưu."],
     ["KT. GIÁM ĐỐC", "PHÓ GIÁM ĐỐC", "", "", "BS. Huỳnh Văn Lực"]),
])
GOLD["kh-17-trung-tam-y-te-duc-hoa"] = dict(
    doc=dict(kind="plan", issuer="Trung tâm Y tế huyện Đức Hòa",
             issuer_alt=["TRUNG TÂM Y TẾ HUYỆN ĐỨC HÒA"], number="17/KH-TTYT", place="Đức Hòa",
             issued_on="2026-02-25", signer="Huỳnh Văn Lực", signer_alt=["BS. Huỳnh Văn Lực"]),
    deadlines=[],
    milestones=[("2026-04-01", "2026-04-30"), ("2026-06-01", "2026-06-30"), ("2026-07-01", "2026-07-31"),
                ("2026-12-01", "2026-12-31")],
    quotas=[("Các trạm y tế xã, thị trấn", 95, "percent"), ("Mỗi trạm y tế", 1, "count")],
    references=[("Công văn", "356/SYT-NVY", "2026-02-10"), ("Quyết định", "1575/QĐ-BYT", "2023-03-27")])

DOCS["kh-40-phong-gddt-huong-thuy"] = dict(fmt="docx",
    left=["UBND THỊ XÃ HƯƠNG THỦY", "PHÒNG GIÁO DỤC VÀ ĐÀO TẠO", "", "Số: 40/KH-PGDĐT"],
    right=STATE + ["", "Hương Thủy, ngày 12 tháng 8 năm 2026"], body=[
    ("title", ["KẾ HOẠCH", "Xây dựng mô hình “Dân vận khéo” trong trường học năm học 2026 - 2027"]),
    "Thực hiện Công văn số 2345/SGDĐT-VP ngày 01/8/2026 của Sở Giáo dục và Đào tạo về việc hướng dẫn thực hiện "
    "nhiệm vụ năm học 2026 - 2027;",
    "Căn cứ Kế hoạch số 115/KH-UBND ngày 20/7/2026 của UBND thị xã Hương Thủy,",
    "1. Chỉ tiêu",
    "- Mỗi trường mầm non, tiểu học, trung học cơ sở xây dựng từ 1 - 2 mô hình “Dân vận khéo”.",
    "- 100% cán bộ, giáo viên, nhân viên ký cam kết không dạy thêm sai quy định.",
    "- Mỗi trường gửi không quá 03 hồ sơ đề nghị khen thưởng.",
    "- Năm học 2025 - 2026, toàn ngành đã có 37 mô hình được công nhận.",
    "2. Tiến độ",
    "- Tháng 9/2026: các trường đăng ký mô hình.",
    "- Quý I/2027: kiểm tra, thẩm định mô hình.",
    "- Tổng kết vào cuối tháng 5/2027.",
    "- Hồ sơ đề nghị công nhận mô hình gửi về Phòng Giáo dục và Đào tạo (qua bộ phận Văn phòng) chậm nhất ngày "
    "15/4/2027.",
    ("end", ["Nơi nhận:", "- Các trường,", "- Lưu."],
     ["KT. TRƯỞNG PHÒNG", "PHÓ TRƯỞNG PHÒNG", "", "", "Hoàng Thị Mai Anh"]),
])
GOLD["kh-40-phong-gddt-huong-thuy"] = dict(
    doc=dict(kind="plan", issuer="Phòng Giáo dục và Đào tạo thị xã Hương Thủy",
             issuer_alt=["PHÒNG GIÁO DỤC VÀ ĐÀO TẠO", "Phòng Giáo dục và Đào tạo",
                         "UBND THỊ XÃ HƯƠNG THỦY PHÒNG GIÁO DỤC VÀ ĐÀO TẠO"],
             number="40/KH-PGDĐT", place="Hương Thủy", issued_on="2026-08-12", signer="Hoàng Thị Mai Anh"),
    deadlines=[("2027-04-15", "Hồ sơ đề nghị công nhận mô hình gửi về Phòng Giáo dục và Đào tạo", None,
                "Phòng Giáo dục và Đào tạo")],
    milestones=[("2026-09-01", "2026-09-30"), ("2027-01-01", "2027-03-31"), ("2027-05-01", "2027-05-31")],
    quotas=[("Mỗi trường mầm non, tiểu học, trung học cơ sở", 1, "count", 2),
            ("cán bộ, giáo viên, nhân viên", 100, "percent")],
    references=[("Công văn", "2345/SGDĐT-VP", "2026-08-01"), ("Kế hoạch", "115/KH-UBND", "2026-07-20")])

DOCS["cv-1456-vp-ubnd-tinh-hau-giang"] = dict(fmt="pdf",
    left=["UBND TỈNH HẬU GIANG", "VĂN PHÒNG", "", "Số: 1456/VP-KGVX", "V/v triển khai thực hiện chỉ tiêu",
          "xây dựng xã nông thôn mới kiểu mẫu"],
    right=STATE + ["", "Hậu Giang, ngày 09 tháng 4 năm 2026"], body=[
    "Kính gửi: Ủy ban nhân dân các huyện, thị xã, thành phố.",
    "Thực hiện chỉ đạo của Chủ tịch UBND tỉnh tại Thông báo số 78/TB-VP ngày 02/4/2026 của Văn phòng UBND tỉnh; "
    "căn cứ Nghị quyết số 11/2025/NQ-HĐND ngày 15/7/2025 của Hội đồng nhân dân tỉnh, Văn phòng UBND tỉnh truyền "
    "đạt ý kiến của Chủ tịch UBND tỉnh như sau:",
    "1. Mỗi huyện phấn đấu có ít nhất 02 xã đạt chuẩn nông thôn mới kiểu mẫu trong năm 2026.",
    "2. Tỷ lệ hộ dân sử dụng nước sạch trên địa bàn mỗi xã đạt trên 95%.",
    "3. Các huyện rà soát, báo cáo kết quả về Sở Nông nghiệp và Môi trường trước ngày 20/6/2026 để tổng hợp, "
    "báo cáo UBND tỉnh.",
    "Dự kiến UBND tỉnh tổ chức hội nghị sơ kết vào tháng 7/2026.",
    ("end", ["Nơi nhận:", "- Như trên;", "- Lưu: VT."],
     ["TL. CHỦ TỊCH", "CHÁNH VĂN PHÒNG", "", "", "Lâm Minh Đức"]),
])
GOLD["cv-1456-vp-ubnd-tinh-hau-giang"] = dict(
    doc=dict(kind="official_letter", issuer="Văn phòng UBND tỉnh Hậu Giang",
             issuer_alt=["VĂN PHÒNG", "UBND TỈNH HẬU GIANG VĂN PHÒNG", "Văn phòng Ủy ban nhân dân tỉnh Hậu Giang"],
             number="1456/VP-KGVX", place="Hậu Giang", issued_on="2026-04-09", signer="Lâm Minh Đức"),
    deadlines=[("2026-06-20", "Các huyện rà soát, báo cáo kết quả về Sở Nông nghiệp và Môi trường", "Các huyện",
                "Sở Nông nghiệp và Môi trường")],
    milestones=[("2026-07-01", "2026-07-31")],
    quotas=[("Mỗi huyện", 2, "count"), ("mỗi xã", 95, "percent")],
    references=[("Thông báo", "78/TB-VP", "2026-04-02"), ("Nghị quyết", "11/2025/NQ-HĐND", "2025-07-15")])

DOCS["tb-52-huyen-uy-my-xuyen"] = dict(fmt="txt",
    left=["ĐẢNG BỘ TỈNH SÓC TRĂNG", "HUYỆN ỦY MỸ XUYÊN", "*", "Số 52-TB/HU"],
    right=PARTY + ["", "Mỹ Xuyên, ngày 28 tháng 4 năm 2026"], body=[
    ("title", ["THÔNG BÁO", "kết luận của Ban Thường vụ Huyện ủy về công tác dân vận 6 tháng cuối năm 2026"]),
    "Ngày 25/4/2026, Ban Thường vụ Huyện ủy họp nghe Ban Dân vận Huyện ủy báo cáo kết quả công tác dân vận quý "
    "I/2026. Căn cứ Quy chế làm việc số 01-QC/HU ngày 10/10/2025 của Ban Chấp hành Đảng bộ huyện, Ban Thường vụ "
    "Huyện ủy kết luận:",
    "1. Mỗi đảng bộ xã, thị trấn xây dựng không dưới 03 mô hình “Dân vận khéo” trên lĩnh vực kinh tế.",
    "2. Mỗi ấp, khóm có tối thiểu 01 tổ tự quản về an ninh trật tự.",
    "3. Không để xảy ra khiếu kiện đông người; năm 2025 toàn huyện có 7 vụ khiếu kiện, giảm 3 vụ.",
    "4. Ban Dân vận Huyện ủy chủ trì tổ chức hội thi “Dân vận khéo” cấp huyện, dự kiến tổ chức vào cuối tháng "
    "9/2026.",
    "5. Tháng 12/2026, Ban Thường vụ Huyện ủy tổng kết công tác dân vận năm 2026.",
    "6. Các đảng ủy xã, thị trấn báo cáo kết quả thực hiện Thông báo này về Ban Thường vụ Huyện ủy (qua Ban Dân "
    "vận) trước ngày 30/11/2026.",
    ("end", ["Nơi nhận:", "- Các đảng ủy trực thuộc,", "- Lưu VPHU."],
     ["T/M BAN THƯỜNG VỤ", "PHÓ BÍ THƯ", "(Đã ký và đóng dấu)", "", "Trương Văn Nhựt"]),
])
GOLD["tb-52-huyen-uy-my-xuyen"] = dict(
    doc=dict(kind="notice", issuer="Huyện ủy Mỹ Xuyên", issuer_alt=["HUYỆN ỦY MỸ XUYÊN", "Ban Thường vụ Huyện ủy Mỹ Xuyên"],
             number="52-TB/HU", place="Mỹ Xuyên", issued_on="2026-04-28", signer="Trương Văn Nhựt"),
    deadlines=[("2026-11-30", "Các đảng ủy xã, thị trấn báo cáo kết quả thực hiện Thông báo này về Ban Thường vụ "
                "Huyện ủy", "Các đảng ủy xã, thị trấn", "Ban Thường vụ Huyện ủy (qua Ban Dân vận)")],
    milestones=[("2026-09-01", "2026-09-30"), ("2026-12-01", "2026-12-31")],
    quotas=[("Mỗi đảng bộ xã, thị trấn", 3, "count"), ("Mỗi ấp, khóm", 1, "count")],
    references=[("Quy chế", "01-QC/HU", "2025-10-10")])


def gold_json(name: str, path: Path) -> dict:
    return expand_gold(GOLD[name], path, "tools/make_heldout4.py")


def expand_gold(g: dict, path: Path, script: str) -> dict:
    """Expand the compact hand-written gold into the extraction-schema shape the scorer reads."""
    d = dict(g["doc"])
    signer = d.pop("signer")
    signer_alt = d.pop("signer_alt", None)
    document = {"kind": d.pop("kind"), "issuer": d.pop("issuer"), "number": d.pop("number"),
                "place": d.pop("place"), "issued_on": d.pop("issued_on"), "title": None,
                "signer": {"name": signer, "title": None}, "unit": None, **d}
    if signer_alt:
        document["signer"]["name_alt"] = signer_alt
    out = {"source": {"path": path.name, "sha256": hashlib.sha256(path.read_bytes()).hexdigest(),
                      "format": path.suffix[1:], "pages": None, "ocr": False},
           "document": document, "deadlines": [], "milestones": [], "quotas": [], "references": [],
           "registrations": [], "notes": f"Invented ({script}); gold written by hand from the text."}
    for due, action, resp, rec in g["deadlines"]:
        out["deadlines"].append({"due": due, "precision": "day", "text": action, "action": action,
                                 "responsible": resp, "recipient": rec, "year_inferred": False,
                                 "recurring": None, "location": None})
    for start, end in g["milestones"]:
        out["milestones"].append({"start": start, "end": end, "precision": "month", "text": "", "location": None})
    for q in g["quotas"]:
        subject, minimum, unit = q[:3]
        maximum = q[3] if len(q) > 3 else None
        item = {"subject": subject, "minimum": minimum, "item": None, "text": "", "location": None,
                "unit": unit, "exclusive": False, "exact": False, "maximum": maximum}
        if len(q) > 4 and q[4]:
            item["optional"] = True
        out["quotas"].append(item)
    for kind, number, date in g["references"]:
        out["references"].append({"kind": kind, "number": number, "date": date, "issuer": None})
    return out


def write_set(docs: dict, out: Path, gold_json) -> None:  # type: ignore[no-untyped-def]
    """Render every document of a set and write its expanded gold beside it."""
    out.mkdir(parents=True, exist_ok=True)
    for name, doc in docs.items():
        path = out / f"{name}.{doc['fmt']}"
        render(doc, path)
        (out / f"{name}.gold.json").write_text(json.dumps(gold_json(name, path), ensure_ascii=False, indent=2)
                                               + "\n", encoding="utf-8")
        print(path)


def main() -> None:
    write_set(DOCS, OUT, gold_json)


if __name__ == "__main__":
    main()
