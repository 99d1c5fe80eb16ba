"""Build the third held-out set (tests/heldout3/): invented documents as TXT (UTF-8, TCVN3, VNI, TSV),
DOCX, PDF, XLSX and one scanned PNG, each with its hand-written gold.

Why: the first two held-out sets were tuned to 1.000 and no longer measure generalisation. This round
covers what they did not: XLSX forms (merged title/section cells, a consolidated list with a `Đơn vị`
column, notes under the table, a 2-row header), legacy encodings, a plan with several task tables, a
Kết luận and a Nghị quyết chi bộ, spring dates without a year, a UBND huyện công văn, a Hội LHPN report
with results (not quotas), Roman sections with a)/b) items, a form pasted from e-mail, and a scan.
The gold below was written from the text before the pipeline was run on it; texts quoted in the gold
are the same strings placed in the inputs, so every value is determinable from the input.

Run: .venv/bin/python tools/make_heldout3.py
"""
from __future__ import annotations

import hashlib
import json
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
OUT = ROOT / "tests" / "heldout3"
sys.path[:0] = [str(ROOT / "tools"), str(ROOT)]

from make_heldout2 import render_docx, render_pdf, render_txt  # noqa: E402

STATE = ["CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "Độc lập - Tự do - Hạnh phúc"]
PARTY = ["ĐẢNG CỘNG SẢN VIỆT NAM"]


# --------------------------------------------------------------------------- gold helpers
def D(due, text, responsible=None, recipient=None, precision="day", year_inferred=False, **extra):
    return dict(due=due, precision=precision, text=text, action=None, responsible=responsible,
                recipient=recipient, year_inferred=year_inferred, recurring=None, location=None, **extra)


def M(start, end, text, precision="day", **extra):
    return dict(start=start, end=end, precision=precision, text=text, location=None, **extra)


def Q(subject, minimum, item, text, unit="count", exact=False, maximum=None, exclusive=False, **extra):
    return dict(subject=subject, minimum=minimum, item=item, text=text, location=None, unit=unit,
                exclusive=exclusive, exact=exact, maximum=maximum, **extra)


def R(kind, number, date, issuer):
    return dict(kind=kind, number=number, date=date, issuer=issuer)


def G(unit, section, seq, name, leader, address, field, field_raw, start, end, ptext, **extra):
    return dict(unit=unit, section=section, seq=seq, name=name, leader=leader, address=address, field=field,
                field_raw=field_raw, period=dict(start=start, end=end, text=ptext), location=None, **extra)


def META(kind, issuer, number, place, issued_on, title, signer, signer_title, unit=None, **extra):
    return dict(kind=kind, issuer=issuer, number=number, place=place, issued_on=issued_on, title=title,
                signer=dict(name=signer, title=signer_title), unit=unit, **extra)


DOCS: dict[str, dict] = {}

# --------------------------------------------------------------------------- 1. Kết luận, TCVN3 text
t1 = ("- Ban Dân vận Huyện ủy chủ trì, phối hợp với Văn phòng Huyện ủy tham mưu tổ chức Hội nghị tổng kết "
      "phong trào trong tháng 11/2025.")
t2 = ("- Các chi, đảng bộ cơ sở gửi báo cáo tổng kết về Ban Thường vụ Huyện ủy (qua Ban Dân vận Huyện ủy) "
      "chậm nhất ngày 25/10/2025.")
t3 = ("- Ủy ban nhân dân huyện chỉ đạo các xã, thị trấn đăng ký danh sách mô hình năm 2026, hoàn thành "
      "trước ngày 15/01/2026.")
t4 = ("- Các chi, đảng bộ cơ sở tiếp tục chỉ đạo mỗi thôn, làng, tổ dân phố xây dựng ít nhất 01 mô hình "
      "“Dân vận khéo”.")
t5 = "- Phấn đấu 100% cơ quan, đơn vị cấp huyện có mô hình “Dân vận khéo” đăng ký và thực hiện."
DOCS["kl-215-huyen-uy-duc-co"] = dict(fmt="tcvn3",
    left=["ĐẢNG BỘ TỈNH GIA LAI", "HUYỆN ỦY ĐỨC CƠ", "*", "Số 215-KL/HU"],
    right=PARTY + ["", "Đức Cơ, ngày 08 tháng 10 năm 2025"], body=[
    ("title", ["KẾT LUẬN", "của Ban Thường vụ Huyện ủy về kết quả thực hiện",
               "phong trào thi đua “Dân vận khéo” giai đoạn 2023 - 2025"]),
    "Sau khi nghe Ban Dân vận Huyện ủy báo cáo kết quả thực hiện Kế hoạch số 47-KH/HU, ngày 15/02/2023 của "
    "Ban Thường vụ Huyện ủy về phong trào thi đua “Dân vận khéo”, Ban Thường vụ Huyện ủy kết luận như sau:",
    "1. Đánh giá chung: toàn huyện xây dựng được 186 mô hình “Dân vận khéo”, trong đó có 12 mô hình được "
    "công nhận cấp tỉnh; một số chi bộ chưa quan tâm đúng mức.",
    "2. Nhiệm vụ thời gian tới:", t4, t5, t1, t2, t3,
    ("end", ["Nơi nhận:", "- Ban Dân vận Tỉnh ủy,", "- Các chi, đảng bộ cơ sở,", "- Lưu Văn phòng Huyện ủy."],
     ["T/M BAN THƯỜNG VỤ", "PHÓ BÍ THƯ", "", "", "Rơ Châm Hiền"]),
], gold=dict(
    document=META("other", "Huyện ủy Đức Cơ", "215-KL/HU", "Đức Cơ", "2025-10-08",
                  "của Ban Thường vụ Huyện ủy về kết quả thực hiện phong trào thi đua “Dân vận khéo” giai đoạn 2023 - 2025",
                  "Rơ Châm Hiền", "Phó Bí thư", issuer_alt=["Ban Thường vụ Huyện ủy Đức Cơ", "HUYỆN ỦY ĐỨC CƠ"]),
    deadlines=[D("2025-10-25", t2, "Các chi, đảng bộ cơ sở", "Ban Thường vụ Huyện ủy (qua Ban Dân vận Huyện ủy)",
                 recipient_alt=["Ban Dân vận Huyện ủy", "Ban Thường vụ Huyện ủy"]),
               D("2026-01-15", t3, "Ủy ban nhân dân huyện", None, responsible_alt=["các xã, thị trấn"])],
    milestones=[M("2025-11-01", "2025-11-30", t1, "month")],
    quotas=[Q("mỗi thôn, làng, tổ dân phố", 1, "mô hình “Dân vận khéo”", t4),
            Q("cơ quan, đơn vị cấp huyện", 100, "cơ quan, đơn vị cấp huyện có mô hình “Dân vận khéo” đăng ký", t5,
              unit="percent")],
    references=[R("Kế hoạch", "47-KH/HU", "2023-02-15", "Ban Thường vụ Huyện ủy")]))

# --------------------------------------------------------------------------- 2. Nghị quyết chi bộ, VNI text
n1 = "1. Phấn đấu 100% đảng viên được học tập, quán triệt các nghị quyết của Đảng."
n2 = "2. Kết nạp ít nhất 02 đảng viên mới."
n3 = "3. Phấn đấu trên 95% hộ gia đình trong thôn đạt danh hiệu “Gia đình văn hóa”."
n4 = "4. Thu nhập bình quân đầu người đạt 65 triệu đồng/năm."
n5 = ("- Các đảng viên đăng ký nội dung rèn luyện, phấn đấu năm 2026 gửi về đồng chí Bí thư Chi bộ trước "
      "ngày 31/01/2026.")
n6 = "- Tháng 6/2026, Chi bộ tổ chức sơ kết 6 tháng thực hiện Nghị quyết."
n7 = "- Chi ủy hoàn thành việc đánh giá, xếp loại chất lượng đảng viên năm 2026 xong trước ngày 15/12/2026."
SUBJ_CB = dict(subject_alt=["Chi bộ", "đảng viên", "Chi bộ Thôn 5"])
DOCS["nq-05-chi-bo-thon-5-hoa-thang"] = dict(fmt="vni",
    left=["ĐẢNG BỘ XÃ HÒA THẮNG", "CHI BỘ THÔN 5", "*", "Số 05-NQ/CB"],
    right=PARTY + ["", "Hòa Thắng, ngày 12 tháng 01 năm 2026"], body=[
    ("title", ["NGHỊ QUYẾT", "về lãnh đạo thực hiện nhiệm vụ chính trị năm 2026"]),
    "Căn cứ Nghị quyết số 02-NQ/ĐU, ngày 05/01/2026 của Đảng ủy xã Hòa Thắng về nhiệm vụ năm 2026; "
    "Chi bộ thôn 5 quyết nghị:",
    "I. CHỈ TIÊU CHỦ YẾU", n1, n2, n3, n4,
    "II. NHIỆM VỤ, GIẢI PHÁP", n5, n6, n7,
    ("end", ["Nơi nhận:", "- Đảng ủy xã,", "- Đảng viên trong chi bộ,", "- Lưu chi bộ."],
     ["T/M CHI BỘ", "BÍ THƯ", "", "", "Phạm Văn Tưởng"]),
], gold=dict(
    document=META("other", "Chi bộ Thôn 5", "05-NQ/CB", "Hòa Thắng", "2026-01-12",
                  "về lãnh đạo thực hiện nhiệm vụ chính trị năm 2026", "Phạm Văn Tưởng", "Bí thư",
                  issuer_alt=["Chi bộ thôn 5 xã Hòa Thắng"]),
    deadlines=[D("2026-01-31", n5, "Các đảng viên", "đồng chí Bí thư Chi bộ"),
               D("2026-12-15", n7, "Chi ủy", None)],
    milestones=[M("2026-06-01", "2026-06-30", n6, "month")],
    quotas=[Q("Chi bộ thôn 5", 100, "đảng viên được học tập, quán triệt các nghị quyết của Đảng", n1,
              unit="percent", **SUBJ_CB),
            Q("Chi bộ thôn 5", 2, "đảng viên mới", n2, **SUBJ_CB),
            Q("Chi bộ thôn 5", 95, "hộ gia đình trong thôn đạt danh hiệu “Gia đình văn hóa”", n3, unit="percent",
              exclusive=True, **SUBJ_CB),
            Q("Chi bộ thôn 5", 65, "thu nhập bình quân đầu người (triệu đồng/năm)", n4, optional=True, **SUBJ_CB)],
    references=[R("Nghị quyết", "02-NQ/ĐU", "2026-01-05", "Đảng ủy xã Hòa Thắng")]))

# --------------------------------------------------------------------------- 3. Phường Đoàn, spring, PDF
p1 = ("2. Kỷ niệm 95 năm Ngày thành lập Đoàn TNCS Hồ Chí Minh (26/3/1931 - 26/3/2026): tổ chức lễ kết nạp "
      "đoàn viên mới vào tối ngày 26/3 tại Quảng trường phường.")
p2 = "3. Ra quân chiến dịch “Ngày Chủ nhật xanh” từ ngày 15 đến ngày 30/4/2026 tại các tổ dân phố."
p3 = "4. Tổ chức hiến máu tình nguyện vào ngày 05 và ngày 20/3/2026 tại Trạm Y tế phường."
p4 = "5. Tuần đầu tháng 5/2026, tổ chức tuyên dương thanh niên tiêu biểu của phường."
p5 = "6. Các chi đoàn tổ chức sinh hoạt chủ điểm “Tự hào tuổi trẻ Việt Nam” trong tháng 4/2026."
p6 = "- Mỗi chi đoàn thực hiện ít nhất 02 công trình, phần việc thanh niên."
p7 = "- Mỗi chi đoàn giới thiệu từ 02 đến 04 đoàn viên ưu tú cho chi bộ xem xét kết nạp Đảng."
p8 = ("- Các chi đoàn đăng ký công trình, phần việc thanh niên về Văn phòng Đoàn phường trước ngày 10/3.")
p9 = "- Các chi đoàn báo cáo kết quả Tháng Thanh niên về Ban Thường vụ Đoàn phường chậm nhất ngày 05/4/2026."
DOCS["kh-09-doan-phuong-an-hai"] = dict(fmt="pdf",
    left=["QUẬN ĐOÀN SƠN TRÀ", "BCH ĐOÀN PHƯỜNG AN HẢI", "***", "Số: 09-KH/ĐTN"],
    right=["ĐOÀN TNCS HỒ CHÍ MINH", "", "An Hải, ngày 02 tháng 3 năm 2026"], body=[
    ("title", ["KẾ HOẠCH", "Tổ chức các hoạt động Tháng Thanh niên năm 2026"]),
    "Thực hiện Kế hoạch số 24-KH/QĐTN, ngày 20/02/2026 của Ban Thường vụ Quận Đoàn Sơn Trà về tổ chức Tháng "
    "Thanh niên năm 2026, Ban Chấp hành Đoàn phường An Hải xây dựng kế hoạch như sau:",
    "I. NỘI DUNG VÀ THỜI GIAN",
    "1. Tuyên truyền về Tháng Thanh niên trên trang thông tin của Đoàn phường.", p1, p2, p3, p4, p5,
    "II. CHỈ TIÊU", p6, p7,
    "III. TỔ CHỨC THỰC HIỆN", p8, p9,
    ("end", ["Nơi nhận:", "- BTV Quận Đoàn;", "- Đảng ủy phường;", "- Các chi đoàn;", "- Lưu VP."],
     ["TM. BAN THƯỜNG VỤ ĐOÀN PHƯỜNG", "BÍ THƯ", "", "", "Lê Thị Mỹ Duyên"]),
], gold=dict(
    document=META("plan", "BCH Đoàn phường An Hải", "09-KH/ĐTN", "An Hải", "2026-03-02",
                  "Tổ chức các hoạt động Tháng Thanh niên năm 2026", "Lê Thị Mỹ Duyên", "Bí thư",
                  issuer_alt=["Ban Chấp hành Đoàn phường An Hải", "Đoàn phường An Hải"]),
    deadlines=[D("2026-03-10", p8, "Các chi đoàn", "Văn phòng Đoàn phường", year_inferred=True),
               D("2026-04-05", p9, "Các chi đoàn", "Ban Thường vụ Đoàn phường")],
    milestones=[M("2026-03-26", "2026-03-26", p1),
                M("2026-04-15", "2026-04-30", p2),
                M("2026-03-05", "2026-03-20", p3, end_alt=["2026-03-05"]),
                M("2026-03-20", "2026-03-20", p3, optional=True),
                M("2026-05-01", "2026-05-07", p4),
                M("2026-04-01", "2026-04-30", p5, "month")],
    quotas=[Q("Mỗi chi đoàn", 2, "công trình, phần việc thanh niên", p6),
            Q("Mỗi chi đoàn", 2, "đoàn viên ưu tú giới thiệu cho chi bộ xem xét kết nạp Đảng", p7, maximum=4)],
    references=[R("Kế hoạch", "24-KH/QĐTN", "2026-02-20", "Ban Thường vụ Quận Đoàn Sơn Trà")]))

# --------------------------------------------------------------------------- 4. UBND huyện công văn, PDF
c1 = ("3. Ủy ban nhân dân các xã, thị trấn báo cáo kết quả thực hiện công tác dân vận chính quyền 6 tháng đầu "
      "năm 2026 về UBND huyện (qua Phòng Nội vụ) trước ngày 20/6/2026.")
c2 = ("4. Danh sách cán bộ dự tập huấn gửi về Phòng Nội vụ qua hộp thư điện tử phongnoivu@camlam.gov.vn "
      "chậm nhất là ngày 02/6/2026.")
c3 = ("1. Các cơ quan, đơn vị cử cán bộ phụ trách công tác dân vận dự Hội nghị tập huấn. Thời gian: 8 giờ 00, "
      "thứ Bảy ngày 06/6/2026. Địa điểm: Hội trường Ủy ban nhân dân huyện.")
c4 = "Kiểm tra việc thực hiện Quy chế dân chủ ở cơ sở tại các xã"
c4d = "Các ngày 14, 15/6/2026"
DOCS["cv-1847-ubnd-huyen-cam-lam"] = dict(fmt="pdf",
    left=["ỦY BAN NHÂN DÂN", "HUYỆN CAM LÂM", "", "Số: 1847/UBND-NV", "V/v tổ chức Hội nghị tập huấn",
          "công tác dân vận chính quyền năm 2026"],
    right=STATE + ["", "Cam Lâm, ngày 20 tháng 5 năm 2026"], body=[
    "Kính gửi:", "- Các phòng, ban, ngành thuộc huyện;", "- Ủy ban nhân dân các xã, thị trấn.",
    "Thực hiện Kế hoạch số 112/KH-UBND ngày 10/01/2026 của Ủy ban nhân dân huyện về công tác dân vận chính "
    "quyền năm 2026, Ủy ban nhân dân huyện đề nghị các cơ quan, đơn vị thực hiện các nội dung sau:",
    c3,
    "2. Lịch kiểm tra của Ban Chỉ đạo huyện:",
    ("table", [["TT", "Nội dung", "Thời gian", "Đơn vị thực hiện"],
               ["1", c4, c4d, "Phòng Nội vụ, Ban Dân vận Huyện ủy"]], 1),
    c1, c2,
    ("end", ["Nơi nhận:", "- Như trên;", "- TT Huyện ủy (b/c);", "- Lưu: VT, NV."],
     ["KT. CHỦ TỊCH", "PHÓ CHỦ TỊCH", "", "", "Nguyễn Hữu Tâm"]),
], gold=dict(
    document=META("official_letter", "UBND huyện Cam Lâm", "1847/UBND-NV", "Cam Lâm", "2026-05-20",
                  "V/v tổ chức Hội nghị tập huấn công tác dân vận chính quyền năm 2026", "Nguyễn Hữu Tâm",
                  "Phó Chủ tịch", issuer_alt=["Ủy ban nhân dân huyện Cam Lâm"]),
    deadlines=[D("2026-06-20", c1, "Ủy ban nhân dân các xã, thị trấn", "UBND huyện (qua Phòng Nội vụ)",
                 recipient_alt=["Phòng Nội vụ", "Ủy ban nhân dân huyện (qua Phòng Nội vụ)", "UBND huyện"]),
               D("2026-06-02", c2, None, "Phòng Nội vụ",
                 responsible_alt=["Các phòng, ban, ngành thuộc huyện", "các cơ quan, đơn vị"])],
    milestones=[M("2026-06-06", "2026-06-06", c3),
                M("2026-06-14", "2026-06-15", c4 + " " + c4d)],
    quotas=[],
    references=[R("Kế hoạch", "112/KH-UBND", "2026-01-10", "Ủy ban nhân dân huyện")]))

# --------------------------------------------------------------------------- 5. MTTQ hướng dẫn, Roman + a)/b), PDF
h1 = "a) Ngày hội ở khu dân cư tổ chức từ ngày 01/10 đến ngày 15/11/2026."
h2 = "b) Ngày 18/11/2026, Ban Thường trực Ủy ban MTTQ huyện tổ chức gặp mặt các điển hình tiêu biểu."
h3 = "a) 100% khu dân cư tổ chức Ngày hội Đại đoàn kết toàn dân tộc."
h4 = "b) Mỗi xã, thị trấn lựa chọn ít nhất 01 khu dân cư tổ chức điểm Ngày hội có lãnh đạo huyện dự."
h5 = "a) Xây dựng kế hoạch tổ chức Ngày hội, gửi về Ban Thường trực Ủy ban MTTQ huyện trước ngày 15/9/2026."
h6 = "b) Báo cáo kết quả tổ chức Ngày hội chậm nhất ngày 25/11/2026."
RESP_H = "Ban Thường trực Ủy ban MTTQ các xã, thị trấn"
DOCS["hd-18-mttq-huyen-dong-anh"] = dict(fmt="pdf",
    left=["ỦY BAN MTTQ VIỆT NAM", "HUYỆN ĐÔNG ANH", "BAN THƯỜNG TRỰC", "", "Số: 18/HD-MTTQ-BTT"],
    right=STATE + ["", "Đông Anh, ngày 15 tháng 7 năm 2026"], body=[
    ("title", ["HƯỚNG DẪN", "Tổ chức Ngày hội Đại đoàn kết toàn dân tộc năm 2026"]),
    "Căn cứ Hướng dẫn số 45/HD-MTTW-BTT ngày 02/7/2026 của Ban Thường trực Ủy ban Trung ương MTTQ Việt Nam; "
    "Ban Thường trực Ủy ban MTTQ Việt Nam huyện hướng dẫn như sau:",
    "I. MỤC ĐÍCH, YÊU CẦU",
    "Ngày hội được tổ chức thiết thực, tiết kiệm, phát huy vai trò làm chủ của Nhân dân.",
    "II. NỘI DUNG", "1. Thời gian tổ chức", h1, h2, "2. Chỉ tiêu", h3, h4,
    "III. TỔ CHỨC THỰC HIỆN", "1. Ban Thường trực Ủy ban MTTQ các xã, thị trấn:", h5, h6,
    "2. Các tổ chức chính trị - xã hội huyện phối hợp tuyên truyền, vận động đoàn viên, hội viên tham gia.",
    ("end", ["Nơi nhận:", "- Ban TT UB MTTQ thành phố;", "- Các xã, thị trấn;", "- Lưu VT."],
     ["TM. BAN THƯỜNG TRỰC", "CHỦ TỊCH", "", "", "Đặng Thị Hạnh"]),
], gold=dict(
    document=META("guide", "Ban Thường trực Ủy ban MTTQ Việt Nam huyện Đông Anh", "18/HD-MTTQ-BTT", "Đông Anh",
                  "2026-07-15", "Tổ chức Ngày hội Đại đoàn kết toàn dân tộc năm 2026", "Đặng Thị Hạnh", "Chủ tịch",
                  issuer_alt=["Ủy ban MTTQ Việt Nam huyện Đông Anh", "Ủy ban MTTQ huyện Đông Anh",
                              "ỦY BAN MTTQ VIỆT NAM HUYỆN ĐÔNG ANH BAN THƯỜNG TRỰC"]),
    deadlines=[D("2026-09-15", h5, RESP_H, "Ban Thường trực Ủy ban MTTQ huyện"),
               D("2026-11-25", h6, RESP_H, None)],
    milestones=[M("2026-10-01", "2026-11-15", h1), M("2026-11-18", "2026-11-18", h2)],
    quotas=[Q("khu dân cư", 100, "khu dân cư tổ chức Ngày hội", h3, unit="percent",
              subject_alt=["Các khu dân cư", "Ban Thường trực Ủy ban MTTQ các xã, thị trấn"]),
            Q("Mỗi xã, thị trấn", 1, "khu dân cư tổ chức điểm Ngày hội có lãnh đạo huyện dự", h4)],
    references=[R("Hướng dẫn", "45/HD-MTTW-BTT", "2026-07-02",
                  "Ban Thường trực Ủy ban Trung ương MTTQ Việt Nam")]))

# --------------------------------------------------------------------------- 6. Hội LHPN báo cáo, DOCX
b1 = "1. Mỗi chi hội xây dựng ít nhất 01 mô hình “Dân vận khéo” mới."
b2 = "2. Phấn đấu 100% chi hội đăng ký thi đua."
b3 = ("3. Các chi hội đăng ký mô hình “Dân vận khéo” năm 2026 về Ban Chấp hành Hội LHPN xã trước ngày "
      "20/01/2026.")
DOCS["bc-21-hoi-lhpn-vong-dong"] = dict(fmt="docx",
    left=["HỘI LHPN HUYỆN THOẠI SƠN", "HỘI LHPN XÃ VỌNG ĐÔNG", "", "Số: 21/BC-HPN"],
    right=STATE + ["", "Vọng Đông, ngày 10 tháng 12 năm 2025"], body=[
    ("title", ["BÁO CÁO", "Kết quả thực hiện phong trào thi đua “Dân vận khéo” năm 2025"]),
    "Thực hiện Kế hoạch số 05/KH-HPN ngày 15/01/2025 của Ban Thường vụ Hội LHPN huyện Thoại Sơn, Hội LHPN xã "
    "Vọng Đông báo cáo kết quả như sau:",
    "I. KẾT QUẢ ĐẠT ĐƯỢC",
    "1. Các chi hội đã xây dựng được 14 mô hình “Dân vận khéo”, đạt 116% chỉ tiêu; 03 mô hình được Ủy ban "
    "nhân dân huyện tặng giấy khen.",
    "2. Vận động 98% hội viên tham gia bảo hiểm y tế, vượt 3% so với chỉ tiêu đề ra.",
    ("table", [["TT", "Chỉ tiêu", "Kế hoạch", "Thực hiện", "Tỷ lệ"],
               ["1", "Phát triển hội viên mới", "40", "52", "130%"],
               ["2", "Hộ phụ nữ nghèo được giúp vay vốn", "20", "27", "135%"]], 1),
    "II. PHƯƠNG HƯỚNG NĂM 2026", b1, b2, b3,
    ("end", ["Nơi nhận:", "- BTV Hội LHPN huyện;", "- Đảng ủy xã;", "- Lưu VP."],
     ["TM. BAN CHẤP HÀNH", "CHỦ TỊCH", "", "", "Nguyễn Thị Kim Loan"]),
], gold=dict(
    document=META("report", "Hội LHPN xã Vọng Đông", "21/BC-HPN", "Vọng Đông", "2025-12-10",
                  "Kết quả thực hiện phong trào thi đua “Dân vận khéo” năm 2025", "Nguyễn Thị Kim Loan", "Chủ tịch"),
    deadlines=[D("2026-01-20", b3, "Các chi hội", "Ban Chấp hành Hội LHPN xã")],
    milestones=[],
    quotas=[Q("Mỗi chi hội", 1, "mô hình “Dân vận khéo” mới", b1),
            Q("chi hội", 100, "chi hội đăng ký thi đua", b2, unit="percent", subject_alt=["Các chi hội"])],
    references=[R("Kế hoạch", "05/KH-HPN", "2025-01-15", "Ban Thường vụ Hội LHPN huyện Thoại Sơn")]))

# --------------------------------------------------------------------------- 7. plan with several task tables, DOCX
HEAD5 = ["TT", "Nội dung công việc", "Đơn vị chủ trì", "Đơn vị phối hợp", "Thời gian hoàn thành"]
k1 = ["1", "Tham mưu Ban Thường vụ Huyện ủy ban hành kế hoạch thực hiện phong trào “Dân vận khéo” năm 2027",
      "Ban Dân vận Huyện ủy", "Văn phòng Huyện ủy", "Trước ngày 15/3/2027"]
k2 = ["2", "Tham mưu sơ kết 06 tháng thực hiện Quy chế công tác dân vận của hệ thống chính trị",
      "Ban Dân vận Huyện ủy", "Các đoàn thể huyện", "30/6/2027"]
k3 = ["1", "Kiểm tra việc thực hiện Quy chế dân chủ ở cơ sở tại 03 xã", "Ban Dân vận Huyện ủy", "UBND huyện",
      "30/9/2027"]
k4 = ["2", "Tổng hợp đăng ký mô hình “Dân vận khéo” của các xã, thị trấn", "Ban Dân vận Huyện ủy",
      "Ủy ban MTTQ huyện", "Trước ngày 31/3/2027"]
k5 = ["1", "Giao ban Khối dân vận quý I", "Ban Dân vận Huyện ủy", "Khối dân vận huyện", "Ngày 28/3/2027"]
k6 = ["2", "Hội nghị tổng kết công tác dân vận năm 2027", "Ban Dân vận Huyện ủy", "Văn phòng Huyện ủy",
      "Tháng 12/2027"]
k7 = ("Các đoàn thể chính trị - xã hội huyện báo cáo kết quả công tác dân vận năm 2027 về Ban Dân vận Huyện ủy "
      "trước ngày 05/12/2027.")
HEAD5M = HEAD5[:4] + ["Thời gian thực hiện"]
DOCS["kh-34-bdv-huyen-uy-trieu-phong"] = dict(fmt="docx",
    left=["HUYỆN ỦY TRIỆU PHONG", "BAN DÂN VẬN", "*", "Số 34-KH/BDVHU"],
    right=PARTY + ["", "Triệu Phong, ngày 25 tháng 02 năm 2027"], body=[
    ("title", ["KẾ HOẠCH", "Công tác dân vận năm 2027"]),
    "Căn cứ Chương trình số 12-CTr/HU, ngày 10/01/2027 của Ban Thường vụ Huyện ủy về công tác năm 2027, Ban "
    "Dân vận Huyện ủy xây dựng kế hoạch như sau:",
    "I. NHIỆM VỤ TRỌNG TÂM", "1. Công tác tham mưu", ("table", [HEAD5, k1, k2], 1),
    "2. Công tác dân vận chính quyền", ("table", [HEAD5, k3, k4], 1),
    "3. Hội nghị, giao ban", ("table", [HEAD5M, k5, k6], 1),
    "II. TỔ CHỨC THỰC HIỆN", k7,
    ("end", ["Nơi nhận:", "- Thường trực Huyện ủy;", "- Các đoàn thể huyện;", "- Lưu BDV."],
     ["T/M BAN DÂN VẬN", "TRƯỞNG BAN", "", "", "Lê Quang Vinh"]),
], gold=dict(
    document=META("plan", "Ban Dân vận Huyện ủy Triệu Phong", "34-KH/BDVHU", "Triệu Phong", "2027-02-25",
                  "Công tác dân vận năm 2027", "Lê Quang Vinh", "Trưởng ban",
                  issuer_alt=["HUYỆN ỦY TRIỆU PHONG BAN DÂN VẬN"]),
    deadlines=[D("2027-03-15", " | ".join(k1[1:]), "Ban Dân vận Huyện ủy", None),
               D("2027-06-30", " | ".join(k2[1:]), "Ban Dân vận Huyện ủy", None),
               D("2027-09-30", " | ".join(k3[1:]), "Ban Dân vận Huyện ủy", None),
               D("2027-03-31", " | ".join(k4[1:]), "Ban Dân vận Huyện ủy", None),
               D("2027-12-05", k7, "Các đoàn thể chính trị - xã hội huyện", "Ban Dân vận Huyện ủy")],
    milestones=[M("2027-03-28", "2027-03-28", " | ".join(k5[1:])),
                M("2027-12-01", "2027-12-31", " | ".join(k6[1:]), "month")],
    quotas=[],
    references=[R("Chương trình", "12-CTr/HU", "2027-01-10", "Ban Thường vụ Huyện ủy")]))

# --------------------------------------------------------------------------- 8. Chương trình Hội NCT, DOCX
r0 = ("Căn cứ Nghị quyết Đại hội Hội Người cao tuổi xã nhiệm kỳ 2021 - 2026, Ban Chấp hành Hội xây dựng chương "
      "trình công tác năm 2026 như sau:")
r1 = "1. Quý I/2026: Tổ chức mừng thọ người cao tuổi tròn 70, 75, 80, 85 tuổi và trên 90 tuổi."
r2 = "2. Ngày 01/10/2026: Tổ chức các hoạt động hưởng ứng Ngày Quốc tế Người cao tuổi."
r3 = "3. Mỗi chi hội phát triển ít nhất 05 hội viên mới."
r4 = "4. Các chi hội nộp hội phí năm 2026 về Ban Chấp hành Hội xã đến hết ngày 30/11/2026."
DOCS["ctr-03-hoi-nct-hoa-dinh"] = dict(fmt="docx",
    left=["HỘI NGƯỜI CAO TUỔI HUYỆN CHỢ GẠO", "HỘI NGƯỜI CAO TUỔI XÃ HÒA ĐỊNH", "", "Số: 03/CTr-HNCT"],
    right=STATE + ["", "Hòa Định, ngày 06 tháng 01 năm 2026"], body=[
    ("title", ["CHƯƠNG TRÌNH", "Công tác Hội Người cao tuổi năm 2026"]), r0, r1, r2, r3, r4,
    ("end", ["Nơi nhận:", "- Hội NCT huyện;", "- Đảng ủy, UBND xã;", "- Các chi hội;", "- Lưu."],
     ["TM. BAN CHẤP HÀNH", "CHỦ TỊCH", "", "", "Trương Văn Bảy"]),
], gold=dict(
    document=META("program", "Hội Người cao tuổi xã Hòa Định", "03/CTr-HNCT", "Hòa Định", "2026-01-06",
                  "Công tác Hội Người cao tuổi năm 2026", "Trương Văn Bảy", "Chủ tịch"),
    deadlines=[D("2026-11-30", r4, "Các chi hội", "Ban Chấp hành Hội xã")],
    milestones=[M("2026-01-01", "2026-03-31", r1, "quarter"), M("2026-10-01", "2026-10-01", r2),
                M("2021-01-01", "2026-12-31", r0, "year", optional=True)],
    quotas=[Q("Mỗi chi hội", 5, "hội viên mới", r3)],
    references=[]))

# --------------------------------------------------------------------------- 9. consolidated XLSX form
U = ["Chi bộ ấp Phước Lợi", "Chi bộ ấp Long Hiệp", "Chi bộ Công an xã", "Chi bộ Ủy ban nhân dân xã"]
X1 = [["1", U[0], "Tổ tự quản đường hoa ấp Phước Lợi", "Chi hội Phụ nữ ấp", "Ấp Phước Lợi", "VH-XH", "3 - 12/2026"],
      ["2", U[1], "Hỗ trợ nông dân bán nông sản qua sàn thương mại điện tử", "Chi hội Nông dân ấp",
       "Ấp Long Hiệp", "KT", "4 - 12/2026"],
      ["3", U[2], "Camera an ninh kết nối khu dân cư", "Công an xã", "Các ấp trong xã", "QP-AN",
       "3/2026 - 3/2027"]]
X2 = [["1", U[3], "Một cửa thân thiện, không hẹn lần hai", "Bộ phận Một cửa xã", "Trụ sở UBND xã", "CCHC",
       "01/2026 - 12/2026"],
      ["2", U[0], "Dòng kênh không rác thải nhựa", "Chi đoàn ấp", "Kênh Mười Thước, ấp Phước Lợi", "VH-XH",
       "Năm 2026"]]
DOCS["form-tong-hop-dang-uy-xa-phuoc-hung"] = dict(fmt="xlsx-consolidated", gold=dict(
    document=META("registration_form", "Đảng ủy xã Phước Hưng", None, "Phước Hưng", "2026-02-20",
                  "DANH SÁCH TỔNG HỢP ĐĂNG KÝ MÔ HÌNH “DÂN VẬN KHÉO” NĂM 2026", "Võ Thị Ngọc Hân", "Phó Bí thư"),
    deadlines=[], milestones=[], quotas=[], references=[],
    registrations=[
        G(U[0], "new", 1, X1[0][2], X1[0][3], X1[0][4], "culture_society", "VH-XH", "2026-03-01", "2026-12-31", X1[0][6]),
        G(U[1], "new", 2, X1[1][2], X1[1][3], X1[1][4], "economy", "KT", "2026-04-01", "2026-12-31", X1[1][6]),
        G(U[2], "new", 3, X1[2][2], X1[2][3], X1[2][4], "defense_security", "QP-AN", "2026-03-01", "2027-03-31", X1[2][6]),
        G(U[3], "continuing", 1, X2[0][2], X2[0][3], X2[0][4], "administrative_reform", "CCHC", "2026-01-01",
          "2026-12-31", X2[0][6]),
        G(U[0], "continuing", 2, X2[1][2], X2[1][3], X2[1][4], "culture_society", "VH-XH", "2026-01-01",
          "2026-12-31", X2[1][6])]))

# --------------------------------------------------------------------------- 10. single-unit XLSX with notes
UNIT10 = "Hội Cựu chiến binh phường Trần Phú"
Y = [["1", "Tổ hòa giải “Cựu chiến binh gương mẫu”", "Chi hội CCB khu phố 2", "Khu phố 2", "XDHTCT", "04/2025",
      "12/2025"],
     ["2", "Vườn rau sạch nghĩa tình đồng đội", "Chi hội CCB khu phố 5", "Khu phố 5", "KT", "05/2025", "11/2025"],
     ["3", "Cựu chiến binh tham gia giữ gìn an ninh trật tự tuyến phố", "Ban Chấp hành Hội CCB phường",
      "Đường Lê Lợi", "QP-AN", "03/2025", "12/2025"]]
y_note = "- Gửi danh sách về Ban Dân vận Đảng ủy phường trước ngày 15/3/2025."
DOCS["form-hoi-ccb-phuong-tran-phu"] = dict(fmt="xlsx-notes", gold=dict(
    document=META("registration_form", None, None, "Trần Phú", "2025-03-10",
                  "DANH SÁCH ĐĂNG KÝ MÔ HÌNH “DÂN VẬN KHÉO” NĂM 2025", "Hoàng Văn Sơn", "Chủ tịch", unit=UNIT10),
    deadlines=[D("2025-03-15", y_note, None, "Ban Dân vận Đảng ủy phường", responsible_alt=[UNIT10])],
    milestones=[], quotas=[], references=[],
    registrations=[
        G(UNIT10, None, 1, Y[0][1], Y[0][2], Y[0][3], "political_system", "XDHTCT", "2025-04-01", "2025-12-31",
          "04/2025 - 12/2025"),
        G(UNIT10, None, 2, Y[1][1], Y[1][2], Y[1][3], "economy", "KT", "2025-05-01", "2025-11-30",
          "05/2025 - 11/2025"),
        G(UNIT10, None, 3, Y[2][1], Y[2][2], Y[2][3], "defense_security", "QP-AN", "2025-03-01", "2025-12-31",
          "03/2025 - 12/2025")]))

# --------------------------------------------------------------------------- 11. form pasted from e-mail (TSV)
UNIT11 = "Chi bộ Trường Tiểu học Nguyễn Du"
TSV = (f"Đơn vị: {UNIT11}\n"
       "DANH SÁCH ĐĂNG KÝ MÔ HÌNH “DÂN VẬN KHÉO” NĂM HỌC 2026 - 2027\n\n"
       "STT\tTên mô hình\tTập thể, cá nhân chỉ đạo\tĐịa chỉ thực hiện\tLĩnh vực\tThời gian thực hiện\n"
       "I\tMô hình mới\t\t\t\t\n"
       "1\t\"Thư viện thân thiện\ncho học sinh vùng khó khăn\"\tChi đoàn giáo viên\tĐiểm trường Hòa Bình\tVH-XH\t"
       "09/2026 - 5/2027\n"
       "2\tPhụ huynh đồng hành an toàn giao thông cổng trường\t\"Ban đại diện\ncha mẹ học sinh\"\t"
       "Cổng trường chính\tQP-AN\t9/2026 - 5/2027\n"
       "II\tMô hình tiếp tục thực hiện\t\t\t\t\n"
       "1\tSố hóa hồ sơ học sinh\tTổ Văn phòng\t\"Trường Tiểu học\nNguyễn Du\"\tCĐS\t10/2026 - 12/2026\n\n"
       "\t\t\t\tBình Thạnh, ngày 05 tháng 9 năm 2026\n"
       "\t\t\t\tT/M CHI BỘ\n\t\t\t\tBÍ THƯ\n\n\t\t\t\tNguyễn Thị Thu Hà\n")
DOCS["form-chi-bo-th-nguyen-du-email"] = dict(fmt="raw", text=TSV, gold=dict(
    document=META("registration_form", None, None, "Bình Thạnh", "2026-09-05",
                  "DANH SÁCH ĐĂNG KÝ MÔ HÌNH “DÂN VẬN KHÉO” NĂM HỌC 2026 - 2027", "Nguyễn Thị Thu Hà", "Bí thư",
                  unit=UNIT11),
    deadlines=[], milestones=[], quotas=[], references=[],
    registrations=[
        G(UNIT11, "new", 1, "Thư viện thân thiện cho học sinh vùng khó khăn", "Chi đoàn giáo viên",
          "Điểm trường Hòa Bình", "culture_society", "VH-XH", "2026-09-01", "2027-05-31", "09/2026 - 5/2027"),
        G(UNIT11, "new", 2, "Phụ huynh đồng hành an toàn giao thông cổng trường", "Ban đại diện cha mẹ học sinh",
          "Cổng trường chính", "defense_security", "QP-AN", "2026-09-01", "2027-05-31", "9/2026 - 5/2027"),
        G(UNIT11, "continuing", 1, "Số hóa hồ sơ học sinh", "Tổ Văn phòng", "Trường Tiểu học Nguyễn Du",
          "digital_transformation", "CĐS", "2026-10-01", "2026-12-31", "10/2026 - 12/2026")]))

# --------------------------------------------------------------------------- 12. scanned notice (PNG)
s1 = "1. Từ ngày 20/4 đến ngày 24/4/2026: kiểm tra các chi bộ khu dân cư."
s2 = "2. Ngày 08/5/2026: kiểm tra các chi bộ cơ quan, trường học."
s3 = "3. Các chi bộ gửi báo cáo tự đánh giá về Văn phòng Đảng ủy trước ngày 17/4/2026."
DOCS["tb-88-dang-uy-phuong-thach-thang-scan"] = dict(fmt="png",
    left=["ĐẢNG BỘ QUẬN HẢI CHÂU", "ĐẢNG ỦY PHƯỜNG THẠCH THANG", "*", "Số 88-TB/ĐU"],
    right=PARTY + ["", "Thạch Thang, ngày 03 tháng 4 năm 2026"], body=[
    ("title", ["THÔNG BÁO", "Lịch kiểm tra mô hình “Dân vận khéo” năm 2026"]),
    "Ban Thường vụ Đảng ủy phường thông báo lịch kiểm tra như sau:", s1, s2, s3,
    ("end", ["Nơi nhận:", "- Các chi bộ;", "- Lưu VP."],
     ["T/M BAN THƯỜNG VỤ", "PHÓ BÍ THƯ", "", "", "Huỳnh Ngọc Lan"]),
], gold=dict(
    document=META("notice", "Đảng ủy phường Thạch Thang", "88-TB/ĐU", "Thạch Thang", "2026-04-03",
                  "Lịch kiểm tra mô hình “Dân vận khéo” năm 2026", "Huỳnh Ngọc Lan", "Phó Bí thư"),
    deadlines=[D("2026-04-17", s3, "Các chi bộ", "Văn phòng Đảng ủy")],
    milestones=[M("2026-04-20", "2026-04-24", s1), M("2026-05-08", "2026-05-08", s2)],
    quotas=[], references=[]))


# --------------------------------------------------------------------------- renderers
def _xlsx_consolidated(path: Path) -> None:
    """Merged title and section rows, a `Đơn vị` column, signature block under the table."""
    from openpyxl import Workbook
    from openpyxl.styles import Alignment, Border, Font, Side

    wb = Workbook()
    ws = wb.active
    ws.title = "Tong hop"
    ws.append(["ĐẢNG BỘ HUYỆN CẦN GIUỘC"])
    ws.append(["ĐẢNG ỦY XÃ PHƯỚC HƯNG", None, None, None, "ĐẢNG CỘNG SẢN VIỆT NAM"])
    ws.append([])
    ws.append(["DANH SÁCH TỔNG HỢP ĐĂNG KÝ MÔ HÌNH “DÂN VẬN KHÉO” NĂM 2026"])
    ws.merge_cells("A4:G4")
    ws["A4"].font = Font(bold=True)
    ws["A4"].alignment = Alignment(horizontal="center")
    ws.append([])
    ws.append(["TT", "Đơn vị", "Tên mô hình", "Tập thể, cá nhân chỉ đạo xây dựng mô hình", "Địa chỉ thực hiện",
               "Lĩnh vực", "Thời gian thực hiện"])
    first = ws.max_row
    ws.append(["I. MÔ HÌNH MỚI"])
    ws.merge_cells(start_row=ws.max_row, start_column=1, end_row=ws.max_row, end_column=7)
    for row in X1:
        ws.append([int(row[0])] + row[1:])
    ws.append(["II. MÔ HÌNH TIẾP TỤC THỰC HIỆN"])
    ws.merge_cells(start_row=ws.max_row, start_column=1, end_row=ws.max_row, end_column=7)
    for row in X2:
        ws.append([int(row[0])] + row[1:])
    last = ws.max_row
    thin = Side(style="thin")
    for r in range(first, last + 1):
        for c in range(1, 8):
            ws.cell(r, c).border = Border(top=thin, bottom=thin, left=thin, right=thin)
    ws.append([])
    ws.append([None, None, None, None, "Phước Hưng, ngày 20 tháng 02 năm 2026"])
    ws.append([None, None, None, None, "T/M ĐẢNG ỦY"])
    ws.append([None, None, None, None, "PHÓ BÍ THƯ"])
    ws.append([])
    ws.append([None, None, None, None, "Võ Thị Ngọc Hân"])
    for col, width in zip("ABCDEFG", (5, 22, 40, 28, 26, 10, 18)):
        ws.column_dimensions[col].width = width
    wb.save(str(path))


def _xlsx_notes(path: Path) -> None:
    """`Đơn vị:` line, a 2-row header (Bắt đầu / Kết thúc under a merged cell), notes below the table."""
    from openpyxl import Workbook

    wb = Workbook()
    ws = wb.active
    ws.title = "Dang ky"
    ws.append(["DANH SÁCH ĐĂNG KÝ MÔ HÌNH “DÂN VẬN KHÉO” NĂM 2025"])
    ws.merge_cells("A1:G1")
    ws.append([f"Đơn vị: {UNIT10}"])
    ws.merge_cells("A2:G2")
    ws.append([])
    ws.append(["TT", "Tên mô hình", "Tập thể, cá nhân chỉ đạo xây dựng mô hình", "Địa chỉ thực hiện", "Lĩnh vực",
               "Thời gian thực hiện", None])
    ws.append([None, None, None, None, None, "Bắt đầu", "Kết thúc"])
    for c in "ABCDE":
        ws.merge_cells(f"{c}4:{c}5")
    ws.merge_cells("F4:G4")
    for row in Y:
        ws.append([int(row[0])] + row[1:])
    ws.append([])
    ws.append(["Ghi chú:"])
    ws.append(["- Lĩnh vực ghi tắt: KT (kinh tế), VH-XH (văn hóa - xã hội), QP-AN (quốc phòng - an ninh), "
               "XDHTCT (xây dựng hệ thống chính trị)."])
    ws.append([y_note])
    ws.append([])
    ws.append([None, None, None, None, "Trần Phú, ngày 10 tháng 3 năm 2025"])
    ws.append([None, None, None, None, "T/M BAN CHẤP HÀNH"])
    ws.append([None, None, None, None, "CHỦ TỊCH"])
    ws.append([])
    ws.append([None, None, None, None, "Hoàng Văn Sơn"])
    wb.save(str(path))


def _png(doc: dict, path: Path, tmp: Path) -> None:
    """Render the PDF and rasterise page 1 at 250 dpi, greyscale: what a flatbed scan delivers."""
    import pypdfium2 as pdfium

    render_pdf(doc, tmp)
    pdf = pdfium.PdfDocument(str(tmp))
    image = pdf[0].render(scale=250 / 72).to_pil().convert("L")
    image.save(str(path), dpi=(250, 250))
    pdf.close()
    tmp.unlink()


def write_input(name: str, doc: dict) -> Path:
    from tcvn3 import encode as tcvn3_encode

    from pipeline.legacy import unicode_to_vni

    fmt = doc["fmt"]
    if fmt == "tcvn3":
        path = OUT / f"{name}.txt"
        path.write_bytes(tcvn3_encode(render_txt(doc)))
    elif fmt == "vni":
        path = OUT / f"{name}.txt"
        path.write_bytes(unicode_to_vni(render_txt(doc)).encode("cp1252"))
    elif fmt == "raw":
        path = OUT / f"{name}.txt"
        path.write_text(doc["text"], encoding="utf-8")
    elif fmt == "docx":
        path = OUT / f"{name}.docx"
        render_docx(doc, path)
    elif fmt == "pdf":
        path = OUT / f"{name}.pdf"
        render_pdf(doc, path)
    elif fmt == "png":
        path = OUT / f"{name}.png"
        _png(doc, path, OUT / f"{name}.tmp.pdf")
    elif fmt == "xlsx-consolidated":
        path = OUT / f"{name}.xlsx"
        _xlsx_consolidated(path)
    else:
        path = OUT / f"{name}.xlsx"
        _xlsx_notes(path)
    return path


SOURCE_FORMAT = {".txt": "txt", ".docx": "docx", ".pdf": "pdf", ".xlsx": "xlsx", ".png": "image"}


def main() -> None:
    OUT.mkdir(parents=True, exist_ok=True)
    for name, doc in DOCS.items():
        path = write_input(name, doc)
        gold = dict(source=dict(path=path.name, sha256=hashlib.sha256(path.read_bytes()).hexdigest(),
                                format=SOURCE_FORMAT[path.suffix], pages=None, ocr=path.suffix == ".png"))
        gold.update({"registrations": []} | doc["gold"])
        gold["encoding"] = {"tcvn3": "TCVN3", "vni": "VNI"}.get(doc["fmt"], "utf-8")
        (OUT / f"{name}.gold.json").write_text(json.dumps(gold, ensure_ascii=False, indent=2) + "\n",
                                               encoding="utf-8")
        print(path)


if __name__ == "__main__":
    main()
