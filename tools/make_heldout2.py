"""Build the second held-out set (tests/heldout2/): invented documents as TXT, DOCX and PDF.

Why: the first held-out set was tuned to 1.000 and no longer measures generalisation. These documents
come from other kinds of bodies (Tỉnh ủy, Sở, Hội Nông dân, Hội CCB, UBND quận, Đảng ủy Khối, LĐLĐ, a
school, a hospital) and exercise the DOCX/PDF readers. Gold files (NAME.gold.json) are written by hand
from the text; this script only (re)writes the inputs and refreshes the `source.sha256` of each gold.

Run: .venv/bin/python tools/make_heldout2.py
"""
from __future__ import annotations

import hashlib
import json
import unicodedata
from pathlib import Path

OUT = Path(__file__).resolve().parents[1] / "tests" / "heldout2"
FONT_DIR = Path("/usr/share/fonts/truetype/dejavu")

STATE = ["CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "Độc lập - Tự do - Hạnh phúc"]
PARTY = ["ĐẢNG CỘNG SẢN VIỆT NAM"]

# A document: header (left lines, right lines), then body items:
#   str -> paragraph; ("title", [lines]) -> centred; ("table", rows, n_header_rows);
#   ("end", [left lines], [right lines]) -> Nơi nhận / signature side by side.
DOCS: dict[str, dict] = {}

DOCS["ct-03-tinh-uy-kon-tum"] = dict(fmt="txt", left=["TỈNH ỦY KON TUM", "*", "Số 03-CT/TU"],
    right=PARTY + ["", "Kon Tum, ngày 14 tháng 02 năm 2025"], body=[
    ("title", ["CHỈ THỊ", "về tăng cường sự lãnh đạo của Đảng đối với công tác dân vận",
               "và phong trào thi đua “Dân vận khéo” giai đoạn 2025 - 2030"]),
    "Thực hiện Kết luận số 114-KL/TW, ngày 14/7/2021 của Bộ Chính trị về nâng cao hiệu quả công tác dân vận "
    "của Đảng, Nhà nước, Mặt trận Tổ quốc và các tổ chức chính trị - xã hội trong tình hình mới, Ban Thường vụ "
    "Tỉnh ủy yêu cầu các cấp ủy, tổ chức đảng thực hiện tốt một số nội dung sau:",
    "1. Các cấp ủy, tổ chức đảng tiếp tục quán triệt sâu sắc quan điểm của Đảng về công tác dân vận; xác định "
    "công tác dân vận là nhiệm vụ thường xuyên của cả hệ thống chính trị.",
    "2. Mỗi huyện ủy, thành ủy chỉ đạo xây dựng không dưới 05 mô hình “Dân vận khéo” cấp huyện mỗi năm.",
    "3. Các đảng ủy trực thuộc Tỉnh ủy phấn đấu 100% chi bộ trực thuộc có mô hình “Dân vận khéo” đăng ký.",
    "4. Tổ chức thực hiện",
    "- Các huyện ủy, thành ủy, đảng ủy trực thuộc Tỉnh ủy xây dựng kế hoạch thực hiện Chỉ thị này, hoàn thành "
    "chậm nhất vào ngày 31/3/2025.",
    "- Ban Dân vận Tỉnh ủy chủ trì, phối hợp với Văn phòng Tỉnh ủy theo dõi, đôn đốc; định kỳ 6 tháng một lần "
    "báo cáo Ban Thường vụ Tỉnh ủy.",
    "- Tháng 7/2025, Ban Dân vận Tỉnh ủy tham mưu sơ kết 6 tháng thực hiện Chỉ thị.",
    "- Các cấp ủy trực thuộc báo cáo kết quả thực hiện Chỉ thị năm 2025 về Ban Thường vụ Tỉnh ủy (qua Ban "
    "Dân vận Tỉnh ủy) trước ngày 05 tháng 12 năm 2025.",
    "- Quý IV/2029, Ban Thường vụ Tỉnh ủy tổng kết 5 năm thực hiện Chỉ thị.",
    "Chỉ thị này được phổ biến đến chi bộ.",
    ("end", ["Nơi nhận:", "- Ban Dân vận Trung ương,", "- Các huyện ủy, thành ủy,", "- Lưu Văn phòng Tỉnh ủy."],
     ["T/M BAN THƯỜNG VỤ", "PHÓ BÍ THƯ THƯỜNG TRỰC", "", "", "Trần Đức Lâm"]),
])

DOCS["cv-412-so-vhttdl-ninh-thuan"] = dict(fmt="txt",
    left=["UBND TỈNH NINH THUẬN", "SỞ VĂN HÓA, THỂ THAO", "VÀ DU LỊCH", "", "Số: 412 /SVHTTDL-QLVH",
          "V/v tổ chức các hoạt động", "hưởng ứng Ngày Gia đình Việt Nam"],
    right=STATE + ["", "Ninh Thuận, ngày 12 tháng 5 năm 2025"], body=[
    "Kính gửi:",
    "- Phòng Văn hóa - Thông tin các huyện, thành phố;",
    "- Đài Phát thanh - Truyền hình tỉnh.",
    "Căn cứ Công văn số 1520/BVHTTDL-GĐ ngày 21/4/2025 của Bộ Văn hóa, Thể thao và Du lịch về việc hướng dẫn "
    "tổ chức các hoạt động hưởng ứng Ngày Gia đình Việt Nam năm 2025, Sở Văn hóa, Thể thao và Du lịch đề "
    "nghị các đơn vị thực hiện các nội dung sau:",
    ("table", [["STT", "Nội dung", "Thời gian", "Đơn vị thực hiện"],
               ["1", "Xây dựng kế hoạch tổ chức các hoạt động hưởng ứng", "Trước ngày 25/5/2025",
                "Phòng Văn hóa - Thông tin các huyện, thành phố"],
               ["2", "Tuyên truyền trên sóng phát thanh, truyền hình", "Từ ngày 01/6 đến ngày 30/6/2025",
                "Đài Phát thanh - Truyền hình tỉnh"],
               ["3", "Gửi báo cáo kết quả về Sở (qua Phòng Quản lý văn hóa)", "Chậm nhất ngày 10/7/2025",
                "Phòng Văn hóa - Thông tin các huyện, thành phố"]], 1),
    "Hồ sơ đề nghị khen thưởng các tập thể, cá nhân tiêu biểu gửi về Sở (qua Phòng Quản lý văn hóa) trước "
    "17 giờ 00 ngày 18/7/2025; quá thời hạn trên, Sở không tiếp nhận.",
    "Mọi chi tiết xin liên hệ số điện thoại 0259.3822.456.",
    ("end", ["Nơi nhận:", "- Như trên;", "- UBND tỉnh (b/c);", "- Lưu: VT, QLVH."],
     ["KT. GIÁM ĐỐC", "PHÓ GIÁM ĐỐC", "", "", "Chamaléa Thị Thủy"]),
])

DOCS["kh-07-hoi-nong-dan-phu-hoa"] = dict(fmt="txt",
    left=["HỘI NÔNG DÂN HUYỆN PHÚ TÂN", "BCH HỘI NÔNG DÂN XÃ PHÚ HOÀ", "*", "Số 07-KH/HND"],
    right=["HỘI NÔNG DÂN VIỆT NAM", "", "Phú Hoà, ngày 24 tháng 3 năm 2025"], body=[
    ("title", ["KẾ HOẠCH", "Thực hiện phong trào nông dân thi đua sản xuất, kinh doanh giỏi,",
               "đoàn kết giúp nhau làm giàu và giảm nghèo bền vững năm 2025"]),
    "Căn cứ Kế hoạch số 12-KH/HNDH, ngày 10/3/2025 của Ban Thường vụ Hội Nông dân huyện Phú Tân, Ban Chấp hành "
    "Hội Nông dân xã Phú Hoà xây dựng kế hoạch thực hiện như sau:",
    "I. CHỈ TIÊU",
    "1. Mỗi chi hội vận động ít nhất 10 hội viên đăng ký danh hiệu hộ sản xuất, kinh doanh giỏi các cấp.",
    "2. Mỗi chi hội xây dựng 01 mô hình “Chi hội nông dân giúp nhau phát triển kinh tế”.",
    "3. Các chi hội phấn đấu tối thiểu 80% hộ hội viên tham gia bảo hiểm y tế.",
    "4. Toàn xã thành lập mới từ 02 đến 03 tổ hợp tác trong lĩnh vực thuỷ lợi, chăn nuôi.",
    "II. THỜI GIAN THỰC HIỆN",
    "- Các chi hội nộp danh sách đăng ký thi đua về Văn phòng Hội Nông dân xã trước ngày 15/4/2025.",
    "- Đầu tháng 10, Ban Thường vụ Hội Nông dân xã tổ chức hội thi “Nhà nông đua tài” và giao lưu hoà giải "
    "ở cơ sở.",
    "- Các chi hội hoàn thành việc thu hội phí năm 2025 đến hết ngày 31 tháng 12 năm 2025.",
    "- Ban Thường vụ Hội tổ chức bình xét, đề nghị Uỷ ban nhân dân xã khen thưởng trong tháng 12/2025.",
    "III. TỔ CHỨC THỰC HIỆN",
    "Chi hội trưởng các chi hội căn cứ kế hoạch này triển khai thực hiện; định kỳ báo cáo kết quả về Ban "
    "Thường vụ Hội Nông dân xã vào ngày 20 hằng tháng.",
    ("end", ["Nơi nhận:", "- BTV Hội ND huyện;", "- Đảng uỷ, UBND xã;", "- Các chi hội;", "- Lưu VP."],
     ["T/M BAN CHẤP HÀNH", "CHỦ TỊCH", "", "", "Lâm Thị Hoà"]),
])

DOCS["tb-15-hoi-ccb-dam-ha"] = dict(fmt="txt", nfd=True,
    left=["HỘI CCB TỈNH QUẢNG NINH", "BAN CHẤP HÀNH", "HỘI CCB HUYỆN ĐẦM HÀ", "", "Số: 15/TB-CCB"],
    right=["HỘI CỰU CHIẾN BINH VIỆT NAM", "", "Đầm Hà, ngày 06 tháng 10 năm 2025"], body=[
    ("title", ["THÔNG BÁO", "Kết luận của Thường trực Hội Cựu chiến binh huyện",
               "tại hội nghị giao ban quý III năm 2025"]),
    "Ngày 02/10/2025, Thường trực Hội Cựu chiến binh huyện tổ chức hội nghị giao ban quý III năm 2025. Sau khi "
    "nghe báo cáo và ý kiến thảo luận, đồng chí Chủ tịch Hội kết luận như sau:",
    "1. Hội Cựu chiến binh các xã, thị trấn rà soát hội viên có hoàn cảnh khó khăn về nhà ở, gửi danh sách về "
    "Văn phòng Hội Cựu chiến binh huyện không quá ngày 25/10/2025.",
    "2. Trong quý IV/2025, Thường trực Hội phối hợp với Ban Chỉ huy Quân sự huyện kiểm tra việc thực hiện "
    "phong trào “Cựu chiến binh gương mẫu” tại 04 xã.",
    "3. Hội Cựu chiến binh các xã, thị trấn tổ chức hội nghị tổng kết năm 2025 xong trước ngày 15/12/2025.",
    "4. Trong vòng 07 ngày làm việc kể từ ngày nhận được Thông báo này, Hội Cựu chiến binh các xã, thị trấn "
    "báo cáo việc triển khai thực hiện về Thường trực Hội.",
    "5. Mỗi Hội Cựu chiến binh cơ sở giới thiệu ít nhất 01 gương điển hình tiêu biểu để biểu dương vào dịp "
    "kỷ niệm 36 năm Ngày thành lập Hội (06/12/1989 - 06/12/2025).",
    ("end", ["Nơi nhận:", "- Hội CCB tỉnh (b/c);", "- Hội CCB các xã, thị trấn;", "- Lưu VP."],
     ["T/M BAN THƯỜNG VỤ", "CHỦ TỊCH", "", "", "Lê Văn Khải"]),
])

DOCS["qd-1250-ubnd-quan-lien-chieu"] = dict(fmt="docx",
    left=["ỦY BAN NHÂN DÂN", "QUẬN LIÊN CHIỂU", "", "Số: 1250/QĐ-UBND"],
    right=STATE + ["", "Liên Chiểu, ngày 05 tháng 8 năm 2025"], body=[
    ("title", ["QUYẾT ĐỊNH", "Về việc ban hành Kế hoạch thực hiện chuyển đổi số", "trên địa bàn quận giai đoạn 2025 - 2026"]),
    ("title", ["ỦY BAN NHÂN DÂN QUẬN LIÊN CHIỂU"]),
    "Căn cứ Luật Tổ chức chính quyền địa phương ngày 19 tháng 02 năm 2025;",
    "Căn cứ Quyết định số 2104/QĐ-UBND ngày 15/7/2025 của UBND thành phố Đà Nẵng ban hành Kế hoạch chuyển đổi "
    "số thành phố năm 2025;",
    "Theo đề nghị của Trưởng phòng Văn hóa, Khoa học và Thông tin quận.",
    ("title", ["QUYẾT ĐỊNH:"]),
    "Điều 1. Ban hành kèm theo Quyết định này Kế hoạch thực hiện chuyển đổi số trên địa bàn quận giai đoạn "
    "2025 - 2026.",
    "Điều 2. Quyết định này có hiệu lực kể từ ngày ký.",
    "Điều 3. Chánh Văn phòng HĐND và UBND quận, Thủ trưởng các phòng, ban thuộc quận, Chủ tịch UBND các "
    "phường chịu trách nhiệm thi hành Quyết định này.",
    ("end", ["Nơi nhận:", "- Như Điều 3;", "- UBND thành phố (b/c);", "- Lưu: VT."],
     ["TM. ỦY BAN NHÂN DÂN", "CHỦ TỊCH", "", "", "Võ Thanh Sơn"]),
    ("title", ["KẾ HOẠCH", "Thực hiện chuyển đổi số trên địa bàn quận giai đoạn 2025 - 2026",
               "(Ban hành kèm theo Quyết định số 1250/QĐ-UBND ngày 05/8/2025 của UBND quận)"]),
    "I. CHỈ TIÊU",
    "1. Mỗi phường thành lập tối thiểu 05 Tổ công nghệ số cộng đồng.",
    "2. Tỷ lệ hồ sơ thủ tục hành chính được giải quyết trực tuyến tại UBND các phường đạt từ 80% trở lên.",
    "II. LỘ TRÌNH THỰC HIỆN",
    "1. Giai đoạn 1 (từ tháng 8/2025 đến tháng 3/2026): hoàn thiện hạ tầng, số hóa dữ liệu dân cư.",
    "2. Các phòng, ban chuyên môn hoàn thành số hóa hồ sơ, kết quả giải quyết thủ tục hành chính còn hiệu lực "
    "chậm nhất vào ngày 31/12/2025.",
    "3. Giai đoạn 2 (quý II/2026): đánh giá, nhân rộng các mô hình chuyển đổi số hiệu quả.",
    "4. UBND các phường báo cáo kết quả thực hiện 6 tháng đầu năm 2026 về UBND quận (qua Phòng Văn hóa, Khoa "
    "học và Thông tin) trước ngày 15/6/2026.",
])

DOCS["hd-28-ldld-tay-ninh"] = dict(fmt="docx",
    left=["TỔNG LĐLĐ VIỆT NAM", "LIÊN ĐOÀN LAO ĐỘNG", "TỈNH TÂY NINH", "", "Số: 28/HD-LĐLĐ"],
    right=STATE + ["", "Tây Ninh, ngày 18 tháng 3 năm 2025"], body=[
    ("title", ["HƯỚNG DẪN", "Tổ chức Tháng Công nhân và Tháng hành động về an toàn,",
               "vệ sinh lao động năm 2025"]),
    "Thực hiện Hướng dẫn số 05/HD-TLĐ ngày 24/02/2025 của Đoàn Chủ tịch Tổng Liên đoàn Lao động Việt Nam, "
    "Ban Thường vụ Liên đoàn Lao động tỉnh hướng dẫn tổ chức như sau:",
    "1. Thời gian: Tháng Công nhân được tổ chức từ ngày 01/5/2025 đến ngày 31/5/2025.",
    "2. Lễ phát động Tháng Công nhân cấp tỉnh tổ chức vào thứ Năm, ngày 24/4/2025 tại Nhà Văn hóa Lao động tỉnh.",
    "3. Chỉ tiêu:",
    "- Mỗi công đoàn cơ sở tổ chức ít nhất 01 buổi đối thoại với người lao động.",
    "- Mỗi công đoàn cấp trên trực tiếp cơ sở vận động không dưới 50 suất quà tặng đoàn viên có hoàn cảnh khó khăn.",
    "4. Đăng ký và báo cáo:",
    "- Công đoàn cấp trên trực tiếp cơ sở đăng ký các hoạt động trọng tâm, gửi về Ban Tuyên giáo Liên đoàn Lao "
    "động tỉnh trước ngày 10/4/2025.",
    "- Báo cáo kết quả Tháng Công nhân của công đoàn cấp trên trực tiếp cơ sở. Hạn nộp: ngày 15/6/2025.",
    ("end", ["Nơi nhận:", "- Tổng LĐLĐ Việt Nam (b/c);", "- CĐ cấp trên trực tiếp cơ sở;", "- Lưu: VT, TG."],
     ["TM. BAN THƯỜNG VỤ", "PHÓ CHỦ TỊCH", "", "", "Nguyễn Thị Thu Hà"]),
])

DOCS["form-chi-bo-khu-pho-4-tan-phu"] = dict(fmt="docx",
    left=["ĐẢNG BỘ PHƯỜNG TÂN PHÚ", "CHI BỘ KHU PHỐ 4", "*"], right=PARTY, body=[
    ("title", ["DANH SÁCH ĐĂNG KÝ MÔ HÌNH “DÂN VẬN KHÉO” NĂM 2025"]),
    "Đơn vị: Chi bộ Khu phố 4",
    ("table", [["STT", "Tên mô hình", "Đơn vị thực hiện", "Lĩnh vực", "Thời gian thực hiện", ""],
               ["", "", "", "", "Bắt đầu", "Kết thúc"],
               ["A", "Mô hình mới", "", "", "", ""],
               ["1", "Ngày chủ nhật xanh - sạch - đẹp tại khu phố", "Chi hội Phụ nữ khu phố 4", "VH",
                "01/3/2025", "31/12/2025"],
               ["2", "Tổ liên kết nuôi cá lồng hộ nghèo", "Chi hội Nông dân khu phố 4", "KT-XH",
                "4/2025", "12/2025"],
               ["3", "Tổ tự quản an ninh trật tự ngã ba chợ", "Ban Điều hành khu phố 4", "ANQP",
                "01/02/2025", "31/01/2026"],
               ["B", "Mô hình tiếp tục thực hiện", "", "", "", ""],
               ["1", "Hướng dẫn người dân nộp hồ sơ trực tuyến tại nhà văn hóa", "Chi đoàn khu phố 4", "CCHC",
                "01/01/2025", "31/12/2025"],
               ["2", "Khu phố thanh toán không dùng tiền mặt", "Tổ công nghệ số cộng đồng khu phố 4", "CĐS",
                "01/01/2025", "30/6/2025"]], 2),
    ("end", [], ["Tân Phú, ngày 20 tháng 02 năm 2025", "T/M CHI BỘ", "BÍ THƯ", "", "", "Đỗ Minh Quang"]),
])

DOCS["bc-86-dang-uy-khoi-quang-tri"] = dict(fmt="pdf",
    left=["ĐẢNG BỘ TỈNH QUẢNG TRỊ", "ĐẢNG ỦY KHỐI CÁC CƠ QUAN TỈNH", "*", "Số 86-BC/ĐUK"],
    right=PARTY + ["", "Đông Hà, ngày 27 tháng 6 năm 2025"], body=[
    ("title", ["BÁO CÁO", "sơ kết công tác dân vận 6 tháng đầu năm,", "phương hướng nhiệm vụ 6 tháng cuối năm 2025"]),
    "Thực hiện Kế hoạch số 15-KH/ĐUK, ngày 10/01/2025 của Ban Thường vụ Đảng ủy Khối về công tác dân vận năm "
    "2025, Ban Thường vụ Đảng ủy Khối báo cáo như sau:",
    "I. KẾT QUẢ 6 THÁNG ĐẦU NĂM",
    "1. Có 45/52 tổ chức cơ sở đảng (đạt 86,5%) đăng ký xây dựng mô hình “Dân vận khéo”.",
    "2. 100% chi bộ trực thuộc đã quán triệt Kế hoạch của Đảng ủy Khối.",
    "3. Ban Thường vụ Đảng ủy Khối đã công nhận 38 mô hình “Dân vận khéo” cấp Khối.",
    "II. PHƯƠNG HƯỚNG 6 THÁNG CUỐI NĂM",
    "1. Phấn đấu mỗi đảng bộ cơ sở có ít nhất 02 mô hình “Dân vận khéo” được công nhận.",
    "2. Tháng 9/2025, tổ chức hội nghị biểu dương điển hình “Dân vận khéo” cấp Khối.",
    "3. Các đảng bộ, chi bộ cơ sở gửi báo cáo kết quả công tác dân vận năm 2025 về Ban Dân vận Đảng ủy Khối "
    "trước ngày 30/11/2025.",
    ("end", ["Nơi nhận:", "- Ban Dân vận Tỉnh ủy (b/c);", "- Các tổ chức cơ sở đảng;", "- Lưu VP."],
     ["T/M BAN THƯỜNG VỤ", "PHÓ BÍ THƯ", "", "", "Hoàng Thị Mai Anh"]),
])

DOCS["kh-45-truong-thcs-tan-lieu"] = dict(fmt="pdf",
    left=["PHÒNG GD&ĐT HUYỆN YÊN DŨNG", "TRƯỜNG THCS TÂN LIỄU", "", "Số: 45/KH-THCS"],
    right=STATE + ["", "Tân Liễu, ngày 09 tháng 9 năm 2025"], body=[
    ("title", ["KẾ HOẠCH", "Tổ chức các hoạt động giáo dục kỹ năng sống năm học 2025 - 2026"]),
    "Căn cứ Hướng dẫn số 318/PGDĐT-THCS ngày 28/8/2025 của Phòng Giáo dục và Đào tạo huyện Yên Dũng về nhiệm vụ "
    "giáo dục trung học năm học 2025 - 2026, Trường THCS Tân Liễu xây dựng kế hoạch như sau:",
    "1. Chỉ tiêu: Mỗi lớp tổ chức tối thiểu 02 tiết sinh hoạt chuyên đề kỹ năng sống trong một học kỳ; 100% "
    "học sinh tham gia ít nhất một câu lạc bộ.",
    "2. Học kỳ I: từ ngày 08/9/2025 đến ngày 17/01/2026.",
    "3. Các tổ chuyên môn nộp kế hoạch dạy học tích hợp về Ban Giám hiệu chậm nhất vào ngày 30/9/2025.",
    "4. Hội thi “Kỹ năng sống” cấp trường tổ chức vào thứ Hai, ngày 17/11/2025.",
    "5. Giáo viên chủ nhiệm nộp hồ sơ đánh giá học kỳ I về bộ phận văn thư không quá ngày 20/01/2026.",
    "6. Tổng phụ trách Đội nộp báo cáo tổng kết năm học về Phòng GD&ĐT trước ngày 20 tháng 5 năm 2026.",
    ("end", ["Nơi nhận:", "- Phòng GD&ĐT (b/c);", "- Các tổ chuyên môn;", "- Lưu: VT."],
     ["HIỆU TRƯỞNG", "", "", "Đặng Thị Lan"]),
])

DOCS["kh-112-benh-vien-bao-loc"] = dict(fmt="pdf",
    left=["SỞ Y TẾ LÂM ĐỒNG", "BỆNH VIỆN ĐA KHOA", "KHU VỰC BẢO LỘC", "", "Số: 112/KH-BVBL"],
    right=STATE + ["", "Bảo Lộc, ngày 02 tháng 6 năm 2025"], body=[
    ("title", ["KẾ HOẠCH", "Khảo sát sự hài lòng của người bệnh và nhân viên y tế năm 2025"]),
    "Căn cứ Quyết định số 56/QĐ-BYT ngày 08/01/2024 của Bộ Y tế ban hành mẫu phiếu và hướng dẫn khảo sát hài "
    "lòng người bệnh và nhân viên y tế, Bệnh viện xây dựng kế hoạch như sau:",
    "I. MỤC TIÊU",
    "Các khoa lâm sàng phấn đấu mức độ hài lòng của người bệnh nội trú đạt tối thiểu 90%.",
    "II. THỜI GIAN VÀ TIẾN ĐỘ",
    "1. Trước 17 giờ 00 ngày 20/6/2025, các khoa, phòng gửi danh sách nhân viên tham gia khảo sát về Phòng "
    "Tổ chức cán bộ.",
    "2. Đầu tháng 10/2025: tập huấn điều tra viên.",
    "3. Quý IV/2025: tổ chức khảo sát tại các khoa lâm sàng.",
    "4. Trong thời hạn 03 ngày làm việc kể từ khi kết thúc đợt khảo sát, Phòng Quản lý chất lượng tổng hợp "
    "kết quả báo cáo Giám đốc.",
    "5. Từ tháng 11/2025 đến tháng 02/2026: triển khai các giải pháp cải tiến chất lượng.",
    ("end", ["Nơi nhận:", "- Sở Y tế (b/c);", "- Các khoa, phòng;", "- Lưu: VT, QLCL."],
     ["GIÁM ĐỐC", "", "", "Trịnh Văn Phúc"]),
])


DOCS["cv-215-bdv-huyen-uy-dak-glong"] = dict(fmt="txt",
    left=["ĐẢNG BỘ TỈNH ĐẮK NÔNG", "HUYỆN ỦY ĐẮK GLONG", "BAN DÂN VẬN", "*", "Số 215-CV/BDVHU",
          "V/v đăng ký và báo cáo kết quả", "xây dựng mô hình “Dân vận khéo” năm 2026"],
    right=PARTY + ["", "Đắk Glong, ngày 10 tháng 12 năm 2025"], body=[
    "Kính gửi: Đảng ủy các xã, thị trấn",
    "Thực hiện Quy định số 30/2024/QĐ-UBND ngày 12/3/2024 của UBND tỉnh và Hướng dẫn số 12-HD/BDVTU, ngày "
    "20/11/2025 của Ban Dân vận Tỉnh ủy, Ban Dân vận Huyện ủy đề nghị Đảng ủy các xã, thị trấn thực hiện một số "
    "nội dung sau:",
    "1. Đến nay đã có 12/15 xã, thị trấn có mô hình được công nhận; năm 2026 mỗi xã, thị trấn đăng ký ít nhất "
    "02 mô hình, trong đó có 01 mô hình thuộc lĩnh vực chuyển đổi số.",
    "2. Mỗi thôn, bon 01 tổ tuyên truyền viên; mỗi tổ có trên 05 thành viên.",
    "3. Gửi bản đăng ký mô hình năm 2026 về Ban Dân vận Huyện ủy trước ngày 05/01/2026.",
    "4. Báo cáo sơ kết 6 tháng gửi chậm nhất ngày 15 tháng 6 năm 2026; báo cáo năm gửi hàng năm, trước ngày 15/12.",
    "5. Trong tháng 11 và tháng 12/2026, Ban Dân vận Huyện ủy kiểm tra, thẩm định các mô hình.",
    "6. Chủ nhật (ngày 18/01/2026), Ban Dân vận Huyện ủy tổ chức gặp mặt các điển hình nhân kỷ niệm 96 năm Ngày "
    "thành lập Đảng (03/02/1930 - 03/02/2026).",
    "7. Các mô hình được công nhận chậm nhất sau 03 tháng phải có báo cáo đánh giá hiệu quả; thông tin cập nhật "
    "vào thứ Sáu hằng tuần qua số điện thoại 0261.3688.112.",
    ("end", ["Nơi nhận:", "- Như trên;", "- Ban Dân vận Tỉnh ủy (b/c);", "- Lưu BDV."],
     ["K/T TRƯỞNG BAN", "PHÓ TRƯỞNG BAN", "", "", "H' Loan Byă"]),
])

DOCS["form-doan-truong-dh-nong-lam"] = dict(fmt="pdf",
    left=["ĐOÀN TNCS HỒ CHÍ MINH", "BCH ĐOÀN TRƯỜNG", "ĐẠI HỌC NÔNG LÂM"], right=["ĐOÀN TNCS HỒ CHÍ MINH"], body=[
    ("title", ["DANH SÁCH ĐĂNG KÝ MÔ HÌNH “DÂN VẬN KHÉO” NĂM 2025 - 2026"]),
    "Đơn vị: Đoàn Khoa Lâm nghiệp",
    ("table", [["STT", "Tên mô hình", "Tập thể (cá nhân) chỉ đạo", "Địa chỉ mô hình", "Lĩnh vực", "Thời gian thực hiện"],
               ["I", "Mô hình mới", "", "", "", ""],
               ["1", "Sinh viên tình nguyện trồng rừng phòng hộ đầu nguồn", "Liên chi đoàn Khoa Lâm nghiệp",
                "Xã Tân Lập, huyện Đồng Phú", "KT", "Quý IV/2025 - Quý II/2026"],
               ["2", "Ngày thứ Bảy số hỗ trợ người dân cài đặt ứng dụng VNeID", "Chi đoàn Lâm học K48",
                "Các khu phố phường Linh Trung", "CĐS", "T9 - T12/2025"],
               ["II", "Mô hình tiếp tục thực hiện", "", "", "", ""],
               ["1", "Câu lạc bộ sinh viên với pháp luật giao thông", "Ban Chấp hành Đoàn Khoa",
                "Ký túc xá khu B", "ANTT", "Năm học 2025 - 2026"]], 1),
    ("end", [], ["Thủ Đức, ngày 15 tháng 9 năm 2025", "T/M BAN CHẤP HÀNH", "BÍ THƯ", "", "Phan Minh Triết"]),
])

# --------------------------------------------------------------------------- renderers


def render_txt(doc: dict) -> str:
    """Plain text with the two header columns padded side by side, tables as pipe rows."""
    lines: list[str] = []
    left, right = doc["left"], doc["right"]
    for i in range(max(len(left), len(right))):
        a = left[i] if i < len(left) else ""
        b = right[i] if i < len(right) else ""
        lines.append((a.ljust(40) + b).rstrip())
    lines.append("")
    for item in doc["body"]:
        if isinstance(item, str):
            lines += [item, ""]
        elif item[0] == "title":
            lines += [line.center(80).rstrip() for line in item[1]] + [""]
        elif item[0] == "table":
            lines += ["| " + " | ".join(row) + " |" for row in item[1]] + [""]
        elif item[0] == "end":
            l2, r2 = item[1], item[2]
            for i in range(max(len(l2), len(r2))):
                a = l2[i] if i < len(l2) else ""
                b = r2[i] if i < len(r2) else ""
                lines.append((a.ljust(44) + b).rstrip())
    text = "\n".join(lines).rstrip() + "\n"
    return unicodedata.normalize("NFD", text) if doc.get("nfd") else text


def render_docx(doc: dict, path: Path) -> None:
    """python-docx: borderless two-column header table, centred titles, grid tables, signature table."""
    import docx
    from docx.enum.text import WD_ALIGN_PARAGRAPH

    d = docx.Document()
    header = d.add_table(rows=1, cols=2)
    for cell, lines in zip(header.rows[0].cells, (doc["left"], doc["right"])):
        cell.paragraphs[0].text = lines[0]
        cell.paragraphs[0].alignment = WD_ALIGN_PARAGRAPH.CENTER
        for line in lines[1:]:
            p = cell.add_paragraph(line)
            p.alignment = WD_ALIGN_PARAGRAPH.CENTER
    for item in doc["body"]:
        if isinstance(item, str):
            d.add_paragraph(item)
        elif item[0] == "title":
            for line in item[1]:
                p = d.add_paragraph(line)
                p.alignment = WD_ALIGN_PARAGRAPH.CENTER
        elif item[0] == "table":
            rows, n_head = item[1], item[2]
            t = d.add_table(rows=len(rows), cols=len(rows[0]))
            t.style = "Table Grid"
            for r, row in enumerate(rows):
                for c, value in enumerate(row):
                    t.cell(r, c).text = value
            if n_head == 2:  # "Thời gian thực hiện" spans two columns, the other header cells span two rows
                ncol = len(rows[0])
                t.cell(0, ncol - 2).merge(t.cell(0, ncol - 1))
                t.cell(0, ncol - 2).text = rows[0][ncol - 2]
                for c in range(ncol - 2):
                    t.cell(0, c).merge(t.cell(1, c))
                    t.cell(0, c).text = rows[0][c]
        elif item[0] == "end":
            t = d.add_table(rows=1, cols=2)
            for cell, lines in zip(t.rows[0].cells, (item[1], item[2])):
                cell.paragraphs[0].text = lines[0] if lines else ""
                for line in lines[1:]:
                    cell.add_paragraph(line)
    d.save(str(path))


def render_pdf(doc: dict, path: Path) -> None:
    """reportlab platypus with DejaVu: header columns side by side, grid tables."""
    from reportlab.lib import colors
    from reportlab.lib.enums import TA_CENTER
    from reportlab.lib.pagesizes import A4
    from reportlab.lib.styles import ParagraphStyle
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.ttfonts import TTFont
    from reportlab.platypus import Paragraph, SimpleDocTemplate, Spacer, Table, TableStyle

    pdfmetrics.registerFont(TTFont("DejaVuSerif", str(FONT_DIR / "DejaVuSerif.ttf")))
    body = ParagraphStyle("b", fontName="DejaVuSerif", fontSize=11, leading=15, spaceAfter=5)
    centre = ParagraphStyle("c", parent=body, alignment=TA_CENTER)
    small = ParagraphStyle("s", parent=body, fontSize=9.5, leading=12, spaceAfter=0)
    flow = []

    def column(lines):
        return [Paragraph(line or "&nbsp;", ParagraphStyle("h", parent=centre, fontSize=10.5, leading=13,
                                                           spaceAfter=0)) for line in lines]

    flow.append(Table([[column(doc["left"]), column(doc["right"])]], colWidths=[230, 260]))
    flow.append(Spacer(1, 12))
    for item in doc["body"]:
        if isinstance(item, str):
            flow.append(Paragraph(item, body))
        elif item[0] == "title":
            flow += [Paragraph(line, centre) for line in item[1]]
        elif item[0] == "table":
            rows = [[Paragraph(v, small) for v in row] for row in item[1]]
            widths = [28, 150, 95, 95, 42, 80] if len(item[1][0]) == 6 else None
            t = Table(rows, repeatRows=item[2], colWidths=widths)
            t.setStyle(TableStyle([("GRID", (0, 0), (-1, -1), 0.6, colors.black), ("VALIGN", (0, 0), (-1, -1), "TOP")]))
            flow.append(t)
        elif item[0] == "end":
            flow.append(Spacer(1, 12))
            flow.append(Table([[[Paragraph(x or "&nbsp;", small) for x in item[1]], column(item[2])]],
                              colWidths=[230, 260]))
    SimpleDocTemplate(str(path), pagesize=A4, invariant=1, title="").build(flow)


def render(doc: dict, path: Path) -> None:
    """Write one document in its format (``doc["fmt"]``: txt, docx or pdf)."""
    if doc["fmt"] == "txt":
        path.write_text(render_txt(doc), encoding="utf-8")
    elif doc["fmt"] == "docx":
        render_docx(doc, path)
    else:
        render_pdf(doc, path)


def main() -> None:
    OUT.mkdir(parents=True, exist_ok=True)
    for name, doc in DOCS.items():
        path = OUT / f"{name}.{doc['fmt']}"
        render(doc, path)
        gold = OUT / f"{name}.gold.json"
        if gold.exists():
            data = json.loads(gold.read_text(encoding="utf-8"))
            data["source"]["sha256"] = hashlib.sha256(path.read_bytes()).hexdigest()
            data["source"]["path"] = path.name
            gold.write_text(json.dumps(data, ensure_ascii=False, indent=2) + "\n", encoding="utf-8")
        print(path)


if __name__ == "__main__":
    main()
