"""Hand-written gold of the seventh held-out set (tests/heldout7/), read from the documents alone.

Written BLIND: before any run of `pipeline extract` on these inputs. Conventions follow ../shared/eval/real
(README.md, REVIEW.md) and tests/heldout6: `optional: true` for borderline items, `<field>_alt` where two readings
hold, a `notes` string per document explaining every judgement call. Relative deadlines are written with
`due: None` (the scorer leaves them out on both sides). tools/make_heldout7.py turns this into NAME.gold.json.
"""
from __future__ import annotations

import heldout6_gold as g6
from heldout6_gold import DOC, D, M, Q, R

g6.FIELDS.update({"Quốc phòng - An ninh": "defense_security", "Văn hóa - Xã hội": "culture_society",
                  "Xây dựng hệ thống chính trị": "political_system"})
REG = g6.REG


def YEAR(year: int, text: str) -> dict:
    """An optional whole-year milestone: a year named in a title, preamble or cited subject."""
    return M(f"{year}-01-01", f"{year}-12-31", "year", text, optional=True)


GOLD: dict[str, dict] = {}

# --------------------------------------------------------------------------- 1. hd-05 (TXT guide, Hội LHPN tỉnh)

GOLD["hd-05-hoi-lhpn-tinh-ninh-binh"] = {
    "document": DOC(
        "guide", "Hội LHPN tỉnh Ninh Bình", "05/HD-HPN", "Ninh Bình", "2026-10-09",
        "Tổ chức các hoạt động hưởng ứng Tháng hành động vì bình đẳng giới và phòng ngừa, ứng phó với bạo lực trên "
        "cơ sở giới năm 2026", "Đinh Thị Thu Hằng", "Phó Chủ tịch",
        issuer_alt=["Hội Liên hiệp Phụ nữ tỉnh Ninh Bình", "Ban Thường vụ Hội LHPN tỉnh Ninh Bình"]),
    "deadlines": [
        D("2026-11-05", "day",
          "Ban Tuyên giáo Hội LHPN tỉnh chủ trì biên soạn bộ tài liệu tuyên truyền, gửi các cơ sở Hội trước ngày "
          "05/11/2026.", "biên soạn bộ tài liệu tuyên truyền", "Ban Tuyên giáo Hội LHPN tỉnh", "các cơ sở Hội",
          recipient_alt=[None]),
        D("2026-11-10", "day",
          "Xây dựng kế hoạch hưởng ứng, gửi về Ban Thường vụ Hội LHPN tỉnh (qua Ban Tuyên giáo) trước ngày "
          "10/11/2026.", "Xây dựng kế hoạch hưởng ứng", "Hội LHPN các xã, phường",
          "Ban Thường vụ Hội LHPN tỉnh (qua Ban Tuyên giáo)",
          recipient_alt=["Ban Thường vụ Hội LHPN tỉnh", "Ban Tuyên giáo"]),
        D("2026-12-20", "day",
          "Báo cáo kết quả tổ chức Tháng hành động gửi về Hội LHPN tỉnh (qua Văn phòng) chậm nhất ngày 20/12/2026.",
          "Báo cáo kết quả tổ chức Tháng hành động", "Hội LHPN các xã, phường", "Hội LHPN tỉnh (qua Văn phòng)",
          recipient_alt=["Hội LHPN tỉnh", "Văn phòng"]),
        D(None, None,
          "cơ sở Hội báo cáo nhanh về Ban Thường vụ Hội LHPN tỉnh trong vòng 24 giờ kể từ khi nhận được thông tin.",
          "báo cáo nhanh", "cơ sở Hội", "Ban Thường vụ Hội LHPN tỉnh"),
    ],
    "milestones": [
        M("2026-11-15", "2026-12-15", "day", "1. Thời gian: Từ ngày 15/11/2026 đến ngày 15/12/2026."),
        M("2026-11-15", "2026-11-15", "day", "Tổ chức Lễ phát động cấp tỉnh vào ngày 15/11/2026"),
        M("2026-11-20", "2026-12-05", "day",
          "Tổ chức cuộc thi trực tuyến \"Phụ nữ Ninh Bình với bình đẳng giới\" từ ngày 20/11 đến ngày 05/12/2026."),
        YEAR(2026, "ngừa, ứng phó với bạo lực trên cơ sở giới năm 2026"),
        YEAR(2026, "về tổ chức Tháng hành động vì bình đẳng giới năm 2026"),
    ],
    "quotas": [
        Q("Cơ sở Hội", 100, "tổ chức tuyên truyền về bình đẳng giới và phòng, chống bạo lực gia đình",
          "1. 100% cơ sở Hội tổ chức tuyên truyền về bình đẳng giới", "percent", subject_alt=["Các cơ sở Hội"]),
        Q("Mỗi Hội LHPN xã, phường", 2, "buổi truyền thông trực tiếp tại cộng đồng",
          "2. Mỗi Hội LHPN xã, phường tổ chức ít nhất 02 buổi truyền thông trực tiếp tại cộng đồng.",
          subject_alt=["Hội LHPN xã, phường"]),
        Q("Chi hội", 70, "chi hội có \"Địa chỉ tin cậy\" hoặc nhóm hỗ trợ hoạt động hiệu quả",
          "3. Phấn đấu ít nhất 70% chi hội có \"Địa chỉ tin cậy\"", "percent",
          subject_alt=["Các chi hội", "Chi hội có Địa chỉ tin cậy"]),
    ],
    "references": [
        R("Kế hoạch", "142/KH-ĐCT", "2026-09-25", "Đoàn Chủ tịch Trung ương Hội LHPN Việt Nam"),
        R("Công văn", "3120/UBND-VX", "2026-09-30", "Ủy ban nhân dân tỉnh Ninh Bình"),
    ],
    "registrations": [],
    "notes": (
        "Held-out round 7 (invented, blind gold). TXT as a PDF-to-text tool gives it: header cells one after the "
        "other and wrapped ('HỘI LHPN TỈNH NINH' / 'BÌNH'; the date line wraps before 'năm 2026'), type word glued "
        "to the summary. METADATA: issuer = last left header line 'Hội LHPN tỉnh Ninh Bình' (the Ban Thường vụ "
        "that signs accepted); signer 'TM. BAN THƯỜNG VỤ / PHÓ CHỦ TỊCH / Đinh Thị Thu Hằng'. DEADLINES: IV.1 the "
        "materials 'gửi các cơ sở Hội trước ngày 05/11/2026' (recipient the cơ sở Hội; null accepted, 'gửi' without "
        "'về'); IV.2 two bullets under the lead-in 'Hội LHPN các xã, phường:' (responsible from the lead-in). "
        "Relative: 'trong vòng 24 giờ kể từ khi nhận được thông tin' (due null). NOT a deadline: 'trước ngày 15 "
        "hằng tháng' (a monthly limit without a calendar date: a warning by the time-expressions guide). "
        "MILESTONES: the month 15/11-15/12/2026, the launch 15/11/2026, the contest 20/11-05/12/2026 (year-less "
        "start takes the end's year). Optional: the year 2026 in the title and in the cited plan's subject. "
        "QUOTAS (II. CHỈ TIÊU): 100% cơ sở Hội; 'Mỗi Hội LHPN xã, phường … ít nhất 02 buổi'; 'Phấn đấu ít nhất 70% "
        "chi hội'. NOT quotas: 'từ đủ 16 tuổi trở lên' (eligibility of contestants), 'đạt từ 80 điểm trở lên' (a "
        "threshold for the prize round). TRAPS: the phone number 0229.3871.246. REFERENCES: Kế hoạch 142/KH-ĐCT "
        "(25/9/2026), Công văn 3120/UBND-VX (30/9/2026)."),
}

# --------------------------------------------------------------------------- 2. tb-118 (TXT conclusion notice, Đảng ủy phường)

GOLD["tb-118-dang-uy-phuong-hac-thanh"] = {
    "document": DOC(
        "notice", "Đảng ủy phường Hạc Thành", "118-TB/ĐU", "Hạc Thành", "2026-04-14",
        "Kết luận của Ban Thường vụ Đảng ủy phường tại buổi làm việc về công tác giải phóng mặt bằng dự án mở "
        "rộng đường Nguyễn Trãi", "Lê Văn Thịnh", "Bí thư",
        issuer_alt=["Ban Thường vụ Đảng ủy phường Hạc Thành", "Đảng ủy phường"]),
    "deadlines": [
        D("2026-04-25", "day",
          "2.1. Ủy ban nhân dân phường chỉ đạo Hội đồng bồi thường, hỗ trợ và tái định cư phường rà soát, hoàn "
          "thiện hồ sơ của 26 hộ còn lại, niêm yết công khai phương án điều chỉnh trước ngày 25/4/2026",
          "rà soát, hoàn thiện hồ sơ của 26 hộ còn lại, niêm yết công khai phương án điều chỉnh",
          "Ủy ban nhân dân phường", None,
          responsible_alt=["Hội đồng bồi thường, hỗ trợ và tái định cư phường"]),
        D("2026-06-30", "quarter", "phấn đấu bàn giao toàn bộ mặt bằng trong quý II/2026.",
          "bàn giao toàn bộ mặt bằng", "Ủy ban nhân dân phường", None, optional=True),
        D("2026-04-30", "day",
          "xây dựng phương án bảo vệ thi công, báo cáo Ban Thường vụ Đảng ủy trước ngày 30/4/2026.",
          "xây dựng phương án bảo vệ thi công", "Công an phường", "Ban Thường vụ Đảng ủy",
          recipient_alt=["Ban Thường vụ Đảng ủy phường"]),
        D("2026-07-15", "day",
          "2.5. Ủy ban nhân dân phường báo cáo kết quả thực hiện Thông báo này về Ban Thường vụ Đảng ủy (qua Văn "
          "phòng Đảng ủy) chậm nhất ngày 15/7/2026.", "báo cáo kết quả thực hiện Thông báo này",
          "Ủy ban nhân dân phường", "Ban Thường vụ Đảng ủy (qua Văn phòng Đảng ủy)",
          recipient_alt=["Ban Thường vụ Đảng ủy", "Văn phòng Đảng ủy"]),
    ],
    "milestones": [
        M("2026-05-01", "2026-05-31", "month",
          "2.3. Chi bộ Khu phố Đông Sơn 3 tổ chức sinh hoạt chuyên đề về công tác giải phóng mặt bằng trong tháng "
          "5/2026"),
        M("2026-04-01", "2026-06-30", "quarter", "phấn đấu bàn giao toàn bộ mặt bằng trong quý II/2026.",
          optional=True),
        M("2026-04-10", "2026-04-10", "day", "Ngày 10/4/2026, đồng chí Lê Văn Thịnh", optional=True),
        M("2026-03-12", "2026-03-12", "day", "(ngày 12/3, 19/3 và 26/3/2026)", optional=True),
        M("2026-03-19", "2026-03-19", "day", "(ngày 12/3, 19/3 và 26/3/2026)", optional=True),
        M("2026-03-26", "2026-03-26", "day", "(ngày 12/3, 19/3 và 26/3/2026)", optional=True),
    ],
    "quotas": [
        Q("Ủy ban MTTQ Việt Nam phường và các đoàn thể", 2, "lần vận động mỗi hộ mỗi tháng",
          "vận động ít nhất 02 lần/hộ/tháng",
          subject_alt=["Ủy ban MTTQ Việt Nam phường", "cán bộ phụ trách từng hộ", "Mỗi hộ", "Các đoàn thể"]),
    ],
    "references": [
        R("Quyết định", "1245/QĐ-UBND", "2025-12-05", "Ủy ban nhân dân tỉnh Thanh Hóa"),
    ],
    "registrations": [],
    "notes": (
        "Held-out round 7 (invented, blind gold). Party CONCLUSION NOTICE (Thông báo kết luận): part 1 tells the past "
        "(the meeting of 10/4/2026, results as of 31/3/2026, three dialogues in March), part 2 gives tasks. METADATA: "
        "'ĐẢNG BỘ TỈNH THANH HÓA / ĐẢNG ỦY PHƯỜNG HẠC THÀNH / *', 'Số 118-TB/ĐU' (no colon), right column 'ĐẢNG CỘNG "
        "SẢN VIỆT NAM'; signer 'T/M BAN THƯỜNG VỤ / BÍ THƯ / Lê Văn Thịnh'. DEADLINES: 2.1 25/4/2026 (subject UBND "
        "phường; the Hội đồng it directs accepted; no recipient); 2.4 Công an phường → BTV Đảng ủy 30/4/2026; 2.5 "
        "UBND phường → BTV Đảng ủy (qua Văn phòng Đảng ủy) 15/7/2026. Optional: 'phấn đấu bàn giao … trong quý "
        "II/2026' (a target horizon: real-set convention), also accepted as a quarter milestone. MILESTONES: 2.3 "
        "'sinh hoạt chuyên đề … trong tháng 5/2026'. Optional: the past meeting 10/4/2026 and the past dialogues "
        "12/3, 19/3, 26/3/2026. NOT annotated: the as-of date 'Đến ngày 31/3/2026' (a moment, not an activity), the "
        "cited decision's date. QUOTA: 'vận động ít nhất 02 lần/hộ/tháng' (a minimum imposed on the Front and "
        "unions). NOT quotas: results '86/112 hộ', '76,8%', '03 buổi', '26 hộ'. REFERENCES: Quyết định 1245/QĐ-UBND "
        "(05/12/2025, UBND tỉnh Thanh Hóa)."),
}

# --------------------------------------------------------------------------- 3. tb-27 (TXT legacy-shaped notice, Trạm Y tế)

GOLD["tb-27-tram-y-te-xa-tan-hoi"] = {
    "document": DOC(
        "notice", "Trạm Y tế xã Tân Hội", "27/TB-TYT", "Tân Hội", "2026-03-02",
        "Về việc tổ chức tiêm bổ sung vắc xin sởi - rubella cho trẻ em từ 1 đến 5 tuổi năm 2026",
        "Ka Thị Huyền", "Trưởng trạm",
        issuer_alt=["Trạm Y tế", "Trạm Y tế UBND xã Tân Hội", "Trạm Y tế - UBND xã Tân Hội"]),
    "deadlines": [
        D("2026-03-06", "day",
          "Trưởng các thôn phối hợp với nhân viên y tế thôn rà soát, lập danh sách trẻ trong diện tiêm, gửi về "
          "Trạm Y tế xã trước ngày 06/3/2026.", "rà soát, lập danh sách trẻ trong diện tiêm", "Trưởng các thôn",
          "Trạm Y tế xã"),
        D("2026-03-07", "day",
          "Các trường mầm non trên địa bàn thông báo đến phụ huynh và gửi danh sách trẻ theo lớp về Trạm Y tế xã "
          "chậm nhất ngày 07/3/2026.", "thông báo đến phụ huynh và gửi danh sách trẻ theo lớp",
          "Các trường mầm non trên địa bàn", "Trạm Y tế xã"),
        D(None, None, "trường hợp có phản ứng sau tiêm phải báo cáo trong vòng 30 phút.", "báo cáo",
          "Nhân viên y tế thôn", "Trạm Y tế xã"),
    ],
    "milestones": [
        M("2026-03-10", "2026-03-10", "day", "Ngày 10/3/2026: thôn Tân Hiệp, Tân Thành, Tân Lập"),
        M("2026-03-11", "2026-03-11", "day", "Ngày 11/3/2026: thôn Tân Phú, Tân Trung"),
        M("2026-03-12", "2026-03-12", "day", "Ngày 12/3/2026: thôn Đa Thọ, K'Nai"),
        M("2026-03-20", "2026-03-20", "day", "Tiêm vét: ngày 20/3/2026 tại Trạm Y tế xã."),
        YEAR(2026, "cho trẻ em từ 1 đến 5 tuổi năm 2026"),
        YEAR(2026, "tiêm bổ sung vắc xin sởi - rubella năm 2026, Trạm Y tế xã Tân Hội"),
    ],
    "quotas": [
        Q("Trẻ trong diện được tiêm", 95, "tỷ lệ trẻ trong diện được tiêm",
          "Tỷ lệ trẻ trong diện được tiêm đạt từ 95% trở lên", "percent",
          subject_alt=["Tỷ lệ trẻ trong diện được tiêm", "Trạm Y tế xã Tân Hội", "Trẻ em từ 1 đến 5 tuổi"]),
        Q("Trẻ sau tiêm", 30, "phút theo dõi tại điểm tiêm",
          "trẻ được theo dõi tại điểm tiêm ít nhất 30 phút", optional=True,
          subject_alt=["Trẻ", "Trẻ được theo dõi tại điểm tiêm"]),
    ],
    "references": [
        R("Kế hoạch", "61/KH-TTYT", "2026-02-20", "Trung tâm Y tế khu vực Đức Trọng"),
    ],
    "registrations": [],
    "notes": (
        "Held-out round 7 (invented, blind gold). LEGACY-SHAPED text: the two header columns are GLUED on one line "
        "('UBND XÃ TÂN HỘICỘNG HÒA …', 'TRẠM Y TẾĐộc lập …'), number and place-date on one line separated by spaces, "
        "the signature 'TRƯỞNG TRẠM' and the name sit at the right end of 'Nơi nhận' lines. METADATA: issuer = "
        "'Trạm Y tế' under 'UBND xã Tân Hội' → 'Trạm Y tế xã Tân Hội'; signer Ka Thị Huyền (Trưởng trạm). "
        "DEADLINES: the list of 06/3/2026 (Trưởng các thôn → Trạm Y tế xã) and 07/3/2026 (the kindergartens). "
        "Relative: 'ngay trong ngày tiêm', 'trong vòng 30 phút' (due null). MILESTONES: the vaccination days "
        "10/3, 11/3, 12/3 and the catch-up day 20/3/2026. Optional: the year 2026 in the title and in the cited "
        "plan's subject. QUOTA: 'Tỷ lệ trẻ … đạt từ 95% trở lên' (a target level). Optional: 'theo dõi … ít nhất 30 "
        "phút' (a minimum duration of care, not a target on units). NOT quotas: ages 'từ 1 đến 5 tuổi', 'từ đủ 1 "
        "tuổi đến dưới 6 tuổi', '02 mũi', the fever threshold 'từ 37,5 độ C trở lên' (a condition to postpone). "
        "REFERENCES: Kế hoạch 61/KH-TTYT (20/02/2026)."),
}

# --------------------------------------------------------------------------- 4. cv-45 (TXT letter, MTTQ xã)

GOLD["cv-45-mttq-xa-dak-ha"] = {
    "document": DOC(
        "official_letter", "Ban Thường trực Ủy ban MTTQ Việt Nam xã Đăk Hà", "45/MTTQ-BTT", "Đăk Hà", "2026-05-06",
        "Giới thiệu gương \"Người tốt, việc tốt\" tiêu biểu năm 2026", "Nguyễn Thị Hoài Thu", "Phó Chủ tịch",
        issuer_alt=["Ủy ban MTTQ Việt Nam xã Đăk Hà", "Ủy ban Mặt trận Tổ quốc Việt Nam xã Đăk Hà",
                    "Ban Thường trực Ủy ban Mặt trận Tổ quốc Việt Nam xã Đăk Hà", "Ban Thường trực UBMTTQ xã Đăk Hà"]),
    "deadlines": [
        D("2026-05-25", "day",
          "gửi hồ sơ về Ban Thường trực Ủy ban MTTQ Việt Nam xã (qua đồng chí Y Thương, cán bộ Văn phòng, điện "
          "thoại 0913.456.207) trước ngày 25/5/2026.", "gửi hồ sơ",
          "Ban Công tác Mặt trận các thôn và các tổ chức thành viên",
          "Ban Thường trực Ủy ban MTTQ Việt Nam xã",
          responsible_alt=["Ban Công tác Mặt trận các thôn"],
          recipient_alt=["Ban Thường trực Ủy ban MTTQ Việt Nam xã (qua đồng chí Y Thương, cán bộ Văn phòng)"]),
        D(None, None,
          "Ban Công tác Mặt trận thôn xác minh và báo cáo bằng văn bản trong vòng 05 ngày làm việc kể từ ngày nhận "
          "được đơn.", "xác minh và báo cáo bằng văn bản", "Ban Công tác Mặt trận thôn", None),
    ],
    "milestones": [
        M("2026-06-02", "2026-06-02", "day", "tổ chức Hội nghị xét chọn vào ngày 02/6/2026"),
        M("2026-07-01", "2026-07-31", "month", "(dự kiến trong tháng 7/2026)"),
        M("2026-01-01", "2026-06-30", "half", "Hội nghị sơ kết công tác Mặt trận 6 tháng đầu năm 2026",
          optional=True),
        YEAR(2026, "việc tốt\" tiêu biểu năm 2026"),
        YEAR(2026, "về việc biểu dương \"Người tốt, việc tốt\" tiêu biểu năm 2026"),
    ],
    "quotas": [
        Q("Mỗi thôn", 2, "cá nhân được giới thiệu", "Mỗi thôn giới thiệu không dưới 02 cá nhân",
          subject_alt=["Ban Công tác Mặt trận các thôn"]),
        Q("Mỗi tổ chức thành viên", 1, "tập thể được giới thiệu",
          "mỗi tổ chức thành viên giới thiệu ít nhất 01 tập thể và 01 cá nhân"),
        Q("Mỗi tổ chức thành viên", 1, "cá nhân được giới thiệu",
          "mỗi tổ chức thành viên giới thiệu ít nhất 01 tập thể và 01 cá nhân"),
    ],
    "references": [
        R("Hướng dẫn", "21/HD-MTTQ-BTT", "2026-04-22", "Ban Thường trực Ủy ban MTTQ Việt Nam tỉnh Quảng Ngãi"),
    ],
    "registrations": [],
    "notes": (
        "Held-out round 7 (invented, blind gold). LEGACY-SHAPED letter: the left and right header cells are GLUED "
        "line by line ('ỦY BAN MTTQ VIỆT NAMCỘNG HÒA …', 'XÃ ĐĂK HÀĐộc lập …'), then 'BAN THƯỜNG TRỰC'; the "
        "signature is glued to the 'Nơi nhận' lines ('Nơi nhận:KT. CHỦ TỊCH', '- Như kính gửi;PHÓ CHỦ TỊCH'), the "
        "name last. METADATA: kind official_letter (no type in the number, 'V/v'); issuer Ban Thường trực Ủy ban "
        "MTTQ Việt Nam xã Đăk Hà (the Ủy ban accepted); signer Nguyễn Thị Hoài Thu. DEADLINE: 'Đề nghị … gửi hồ sơ "
        "về Ban Thường trực … trước ngày 25/5/2026' (responsible the bodies after 'Đề nghị'). Relative: 'trong "
        "vòng 05 ngày làm việc kể từ ngày nhận được đơn' (due null). MILESTONES: the selection meeting 02/6/2026 and "
        "'dự kiến trong tháng 7/2026'. Optional: '6 tháng đầu năm 2026' (the period the conference reviews) and the "
        "year in the subject lines. NOT annotated: 'trong năm 2025' (a condition's period). QUOTAS: 'Mỗi thôn … "
        "không dưới 02 cá nhân'; 'mỗi tổ chức thành viên … ít nhất 01 tập thể và 01 cá nhân' (two minimums). NOT "
        "quotas: 'từ 05 năm trở lên' and 'ít nhất 02 năm liên tục' (eligibility conditions), 'không quá 02 trang' "
        "(a cap). TRAPS: the phone number. REFERENCES: Hướng dẫn 21/HD-MTTQ-BTT (22/4/2026)."),
}

# --------------------------------------------------------------------------- 5. kh-24 (DOCX plan + task table, Huyện Đoàn)

_HD = "Ban Thường vụ Huyện Đoàn"
GOLD["kh-24-huyen-doan-cho-moi"] = {
    "document": DOC(
        "plan", "BCH Đoàn huyện Chợ Mới", "24-KH/HĐTN", "Chợ Mới", "2025-03-03",
        "Thực hiện công tác chuyển đổi số trong tổ chức Đoàn năm 2025", "Hà Thị Ngọc Ánh", "Bí thư",
        issuer_alt=["Ban Chấp hành Đoàn huyện Chợ Mới", "Ban Thường vụ Huyện Đoàn Chợ Mới", "Huyện Đoàn Chợ Mới",
                    "Đoàn huyện Chợ Mới"]),
    "deadlines": [
        D("2025-03-20", "day",
          "Các cơ sở Đoàn xây dựng kế hoạch triển khai tại đơn vị, gửi về Ban Thường vụ Huyện Đoàn (qua Văn phòng) "
          "trước ngày 20/3/2025", "xây dựng kế hoạch triển khai tại đơn vị", "Các cơ sở Đoàn",
          f"{_HD} (qua Văn phòng)", recipient_alt=[_HD, "Văn phòng"]),
        D("2025-06-10", "day",
          "báo cáo kết quả 6 tháng gửi về Ban Thường vụ Huyện Đoàn trước ngày 10/6/2025",
          "báo cáo kết quả 6 tháng", "Các cơ sở Đoàn", _HD),
        D("2025-06-30", "quarter",
          "Rà soát, cập nhật thông tin đoàn viên trên phần mềm Quản lý đoàn viên",
          "Rà soát, cập nhật thông tin đoàn viên trên phần mềm Quản lý đoàn viên",
          "Ban Tổ chức - Kiểm tra Huyện Đoàn", None),
        D("2025-05-31", "month", "Tập huấn kỹ năng số cho Bí thư, Phó Bí thư Đoàn cơ sở",
          "Tập huấn kỹ năng số cho Bí thư, Phó Bí thư Đoàn cơ sở", "Ban Phong trào Huyện Đoàn", None),
        D("2025-09-30", "quarter",
          "Ra quân đội hình \"Thanh niên tình nguyện hỗ trợ chuyển đổi số\" tại các thôn, bản",
          "Ra quân đội hình \"Thanh niên tình nguyện hỗ trợ chuyển đổi số\"", "Các cơ sở Đoàn", None),
        D("2025-06-30", "day", "Xây dựng điểm \"Cà phê số\" tại Nhà văn hóa thôn",
          "Xây dựng điểm \"Cà phê số\" tại Nhà văn hóa thôn", "Đoàn xã Thanh Thịnh", None),
        D("2025-08-31", "month",
          "Tổ chức cuộc thi trực tuyến \"Thanh niên Chợ Mới với chuyển đổi số\"",
          "Tổ chức cuộc thi trực tuyến", "Ban Tuyên giáo Huyện Đoàn", None),
        D("2025-11-30", "month", "Tổng kết, đánh giá kết quả thực hiện Kế hoạch",
          "Tổng kết, đánh giá kết quả thực hiện Kế hoạch", "Văn phòng Huyện Đoàn", None),
    ],
    "milestones": [
        M("2025-04-01", "2025-08-31", "month",
          "1. Từ tháng 4 đến tháng 8/2025, tổ chức Chiến dịch \"Thanh niên Chợ Mới hỗ trợ người dân chuyển đổi số\""),
        YEAR(2025, "Thực hiện công tác chuyển đổi số trong tổ chức Đoàn năm 2025"),
        YEAR(2025, "về đẩy mạnh chuyển đổi số trong tổ chức Đoàn năm 2025"),
        YEAR(2025, "Nhiệm vụ cụ thể thực hiện chuyển đổi số trong tổ chức Đoàn năm 2025"),
        M("2025-01-01", "2025-06-30", "half", "báo cáo kết quả 6 tháng gửi về Ban Thường vụ Huyện Đoàn",
          optional=True),
    ],
    "quotas": [
        Q("Cơ sở Đoàn", 100, "sử dụng Sổ tay đoàn viên điện tử trong sinh hoạt chi đoàn",
          "1. 100% cơ sở Đoàn sử dụng Sổ tay đoàn viên điện tử trong sinh hoạt chi đoàn.", "percent",
          subject_alt=["Các cơ sở Đoàn"]),
        Q("Mỗi cơ sở Đoàn", 1, "đội hình \"Thanh niên tình nguyện hỗ trợ chuyển đổi số\"",
          "2. Mỗi cơ sở Đoàn thành lập ít nhất 01 đội hình"),
        Q("Đoàn viên", 90, "đoàn viên được cập nhật đầy đủ thông tin trên phần mềm Quản lý đoàn viên",
          "3. Phấn đấu 90% đoàn viên được cập nhật đầy đủ thông tin", "percent",
          subject_alt=["Huyện Đoàn Chợ Mới", "Đoàn viên được cập nhật đầy đủ thông tin"]),
    ],
    "references": [
        R("Kế hoạch", "17-KH/TĐTN-VP", "2025-02-14", "Ban Thường vụ Tỉnh Đoàn Bắc Kạn"),
        R("Kế hoạch", "24-KH/HĐTN", "2025-03-03", "Ban Thường vụ Huyện Đoàn Chợ Mới", optional=True),
    ],
    "registrations": [],
    "notes": (
        "Held-out round 7 (invented, blind gold). DOCX: header in a borderless two-column table (Youth Union style: "
        "'BCH ĐOÀN TỈNH BẮC KẠN / BCH ĐOÀN HUYỆN CHỢ MỚI / ***', right 'ĐOÀN TNCS HỒ CHÍ MINH'), a PHỤ LỤC after the "
        "signature with a task table 'TT | Nội dung | Đơn vị chủ trì | Đơn vị phối hợp | Thời gian hoàn thành'. "
        "DEADLINES: IV.2 two obligations of 'Các cơ sở Đoàn' (20/3/2025 plan, 10/6/2025 six-month report); each "
        "table row with a dated 'Thời gian hoàn thành' is a deadline at the END of its period, responsible = the "
        "'Đơn vị chủ trì' cell, never the 'phối hợp' one: Quý II/2025 → 30/6; Tháng 5/2025 → 31/5; 'Quý II/2025 và "
        "Quý III/2025' → the later end 30/9; 'Trước ngày 30/6/2025' → 30/6; 'Dự kiến tháng 8/2025' → 31/8; Tháng "
        "11/2025 → 30/11. Row 6 'Thường xuyên' has no date. NOT a deadline: 'trước ngày 20 hằng tháng' (monthly, "
        "no calendar date). MILESTONES: the campaign 'Từ tháng 4 đến tháng 8/2025'. Optional: the plan year in "
        "title, preamble and appendix subtitle; the six-month report period. QUOTAS (II. CHỈ TIÊU): 100% cơ sở "
        "Đoàn; 'Mỗi cơ sở Đoàn … ít nhất 01 đội hình'; 'Phấn đấu 90% đoàn viên'. REFERENCES: Kế hoạch "
        "17-KH/TĐTN-VP (14/02/2025); the appendix's '(Kèm theo Kế hoạch số 24-KH/HĐTN …)' cites the document itself: "
        "optional."),
}

# --------------------------------------------------------------------------- 6. kh-09 (DOCX school plan)

GOLD["kh-09-truong-thcs-ly-tu-trong"] = {
    "document": DOC(
        "plan", "Trường THCS Lý Tự Trọng", "09/KH-THCS", "Xuân Hương - Đà Lạt", "2026-01-12",
        "Ôn tập cho học sinh lớp 9 dự thi tuyển sinh vào lớp 10 THPT năm học 2026 - 2027", "Trần Minh Đức",
        "Hiệu trưởng", issuer_alt=["Trường THCS Lý Tự Trọng phường Xuân Hương - Đà Lạt"]),
    "deadlines": [
        D("2026-01-16", "day",
          "Tổ chức biên soạn đề cương ôn tập các môn thi, nộp về Phó Hiệu trưởng phụ trách chuyên môn trước ngày "
          "16/01/2026", "biên soạn đề cương ôn tập các môn thi", "Tổ trưởng chuyên môn",
          "Phó Hiệu trưởng phụ trách chuyên môn"),
        D("2026-04-10", "day",
          "thu phiếu đăng ký nguyện vọng của học sinh, nộp về bộ phận Văn thư nhà trường trước ngày 10/4/2026.",
          "thu phiếu đăng ký nguyện vọng của học sinh", "Giáo viên chủ nhiệm lớp 9",
          "bộ phận Văn thư nhà trường", recipient_alt=["bộ phận Văn thư"]),
        D(None, None, "nhập điểm lên phần mềm chậm nhất 03 ngày sau mỗi lần thi.", "nhập điểm lên phần mềm",
          "Giáo viên bộ môn", None),
    ],
    "milestones": [
        M("2026-01-19", "2026-04-30", "day", "1. Giai đoạn 1: từ ngày 19/01/2026 đến ngày 30/4/2026"),
        M("2026-05-04", "2026-05-31", "day", "2. Giai đoạn 2: từ ngày 04/5/2026 đến ngày 31/5/2026"),
        M("2026-03-14", "2026-03-14", "day", "3. Thi thử: lần 1 vào ngày 14/3/2026"),
        M("2026-04-25", "2026-04-25", "day", "lần 2 vào ngày 25/4/2026."),
        M("2026-06-03", "2026-06-03", "day",
          "4. Kỳ thi tuyển sinh vào lớp 10 THPT của tỉnh dự kiến diễn ra ngày 03/6/2026.", optional=True),
        M("2026-09-01", "2027-05-31", "month", "vào lớp 10 THPT năm học 2026 - 2027", optional=True,
          start_alt=["2026-01-01"], end_alt=["2027-12-31"]),
        M("2026-09-01", "2027-05-31", "month", "kỳ thi tuyển sinh vào lớp 10 năm học 2026 - 2027", optional=True,
          start_alt=["2026-01-01"], end_alt=["2027-12-31"]),
        M("2025-09-01", "2026-05-31", "month", "học kỳ I năm học 2025 - 2026", optional=True,
          start_alt=["2025-01-01"], end_alt=["2026-12-31"]),
        M("2024-09-01", "2025-05-31", "month", "1. Năm học 2024 - 2025, tỷ lệ học sinh", optional=True,
          start_alt=["2024-01-01"], end_alt=["2025-12-31"]),
    ],
    "quotas": [
        Q("Học sinh đỗ vào lớp 10 THPT công lập", 75, "tỷ lệ học sinh đỗ vào lớp 10 THPT công lập",
          "phấn đấu tỷ lệ học sinh đỗ vào lớp 10 THPT công lập đạt không dưới 75%", "percent",
          subject_alt=["Trường THCS Lý Tự Trọng", "Tỷ lệ học sinh đỗ vào lớp 10 THPT công lập", "Học sinh lớp 9"]),
        Q("Mỗi học sinh lớp 9", 4, "bài kiểm tra thử cho mỗi môn thi",
          "3. Mỗi học sinh lớp 9 làm ít nhất 04 bài kiểm tra thử cho mỗi môn thi."),
    ],
    "references": [
        R("Công văn", "2150/SGDĐT-QLT", "2025-12-05", "Sở Giáo dục và Đào tạo tỉnh Lâm Đồng"),
    ],
    "registrations": [],
    "notes": (
        "Held-out round 7 (invented, blind gold). DOCX school plan; header 'UBND PHƯỜNG XUÂN HƯƠNG - ĐÀ LẠT / TRƯỜNG "
        "THCS LÝ TỰ TRỌNG'; the place has a hyphen ('Xuân Hương - Đà Lạt, ngày 12 tháng 01 năm 2026'); signer "
        "'HIỆU TRƯỞNG / Trần Minh Đức' with no authority prefix. DEADLINES: III.2 and III.3, each item opens with a "
        "bold label naming the responsible ('2. Tổ trưởng chuyên môn:'). Relative: 'chậm nhất 03 ngày sau mỗi lần "
        "thi' (due null). MILESTONES: the two review phases, the two mock exams. Optional: the province's exam day "
        "(an outside event the plan prepares for) and the school years (Sept-May; calendar years accepted). QUOTAS: "
        "'phấn đấu tỷ lệ … đạt không dưới 75%' and 'Mỗi học sinh lớp 9 làm ít nhất 04 bài'. NOT quotas: last year's "
        "result 71,3%, the fail mark 'từ 1,0 điểm trở xuống', the tutoring threshold 'dưới 5,0'. REFERENCES: Công "
        "văn 2150/SGDĐT-QLT (05/12/2025)."),
}

# --------------------------------------------------------------------------- 7. qd-312 (DOCX decision + regulation)

_VHXH = "Ủy ban nhân dân xã (qua Phòng Văn hóa - Xã hội)"
GOLD["qd-312-ubnd-xa-ia-hrung"] = {
    "document": DOC(
        "decision", "Ủy ban nhân dân xã Ia Hrung", "312/QĐ-UBND", "Ia Hrung", "2026-03-16",
        "Ban hành Quy chế hoạt động của Tổ công nghệ số cộng đồng trên địa bàn xã Ia Hrung", "Rơ Châm Thuận",
        "Phó Chủ tịch", issuer_alt=["UBND xã Ia Hrung"]),
    "deadlines": [
        D("2026-03-31", "day",
          "Trưởng các thôn, làng chỉ đạo kiện toàn Tổ công nghệ số cộng đồng thôn, làng, gửi danh sách thành viên "
          "về Ủy ban nhân dân xã (qua Phòng Văn hóa - Xã hội) trước ngày 31/3/2026.",
          "kiện toàn Tổ công nghệ số cộng đồng thôn, làng, gửi danh sách thành viên", "Trưởng các thôn, làng",
          _VHXH, recipient_alt=["Ủy ban nhân dân xã", "Phòng Văn hóa - Xã hội"]),
        D("2026-06-15", "day",
          "Tổ trưởng báo cáo kết quả hoạt động 6 tháng trước ngày 15/6 và báo cáo năm trước ngày 15/12 hằng năm",
          "báo cáo kết quả hoạt động 6 tháng", "Tổ trưởng", _VHXH, year_inferred=True, recurring="yearly",
          due_alt=["2027-06-15"], recipient_alt=["Ủy ban nhân dân xã", "Phòng Văn hóa - Xã hội"]),
        D("2026-12-15", "day",
          "Tổ trưởng báo cáo kết quả hoạt động 6 tháng trước ngày 15/6 và báo cáo năm trước ngày 15/12 hằng năm",
          "báo cáo năm", "Tổ trưởng", _VHXH, year_inferred=True, recurring="yearly",
          due_alt=["2027-12-15"], recipient_alt=["Ủy ban nhân dân xã", "Phòng Văn hóa - Xã hội"]),
    ],
    "milestones": [],
    "quotas": [
        Q("Mỗi Tổ công nghệ số cộng đồng", 5, "thành viên",
          "1. Mỗi Tổ công nghệ số cộng đồng có từ 05 đến 07 thành viên", maximum=7),
        Q("Mỗi thành viên", 10, "hộ gia đình được hướng dẫn sử dụng dịch vụ công trực tuyến trong năm",
          "2. Mỗi thành viên hướng dẫn ít nhất 10 hộ gia đình sử dụng dịch vụ công trực tuyến trong năm.",
          subject_alt=["Mỗi thành viên Tổ công nghệ số cộng đồng"]),
        Q("Tổ công nghệ số cộng đồng", 1, "cuộc họp định kỳ mỗi quý",
          "1. Tổ họp định kỳ mỗi quý 01 lần", exact=True, optional=True, subject_alt=["Tổ", "Mỗi quý"]),
    ],
    "references": [
        R("Quyết định", "1978/QĐ-UBND", "2025-08-18", "Ủy ban nhân dân tỉnh Gia Lai"),
        R("Quyết định", "312/QĐ-UBND", "2026-03-16", "Ủy ban nhân dân xã Ia Hrung", optional=True),
    ],
    "registrations": [],
    "notes": (
        "Held-out round 7 (invented, blind gold). DOCX DECISION with its attached REGULATION (QUY CHẾ after a page "
        "break, 'Điều' headings restart at 1). METADATA: header 'ỦY BAN NHÂN DÂN / TỈNH GIA LAI / ỦY BAN NHÂN DÂN XÃ "
        "IA HRUNG'; the body's own 'ỦY BAN NHÂN DÂN XÃ IA HRUNG' and 'QUYẾT ĐỊNH:' lines are not the title; signer "
        "'TM. ỦY BAN NHÂN DÂN / KT. CHỦ TỊCH / PHÓ CHỦ TỊCH / Rơ Châm Thuận'. DEADLINES: Điều 3 (Trưởng các thôn, "
        "làng → UBND xã qua Phòng VH-XH, 31/3/2026); the regulation's yearly reports 'trước ngày 15/6 và … trước "
        "ngày 15/12 hằng năm' (two deadlines, document's year, year_inferred, recurring yearly; next year "
        "accepted). MILESTONES: none ('tuần cuối của tháng cuối quý' has no date; the law's date 16/6/2025 is a cited "
        "document's date; 'hiệu lực kể từ ngày ký' is no date). QUOTAS: 'Mỗi Tổ … có từ 05 đến 07 thành viên' (range: "
        "min 5, max 7); 'Mỗi thành viên … ít nhất 10 hộ'. Optional: 'họp định kỳ mỗi quý 01 lần' (a meeting "
        "frequency, exact). NOT quotas: 'từ đủ 18 tuổi trở lên' (eligibility), 'không quá 50.000 đồng/người/tháng' "
        "(a cap). REFERENCES: Quyết định 1978/QĐ-UBND (18/8/2025); the Luật has no number (ignored); the "
        "regulation's '(Ban hành kèm theo Quyết định số 312/QĐ-UBND …)' cites the decision itself: optional."),
}

# --------------------------------------------------------------------------- 8. bc-38 (PDF report, Phòng Kinh tế xã)

GOLD["bc-38-phong-kinh-te-xa-tan-phu"] = {
    "document": DOC(
        "report", "Phòng Kinh tế xã Tân Phú", "38/BC-PKT", "Tân Phú", "2026-01-08",
        "Kết quả thực hiện Chương trình mục tiêu quốc gia xây dựng nông thôn mới năm 2025; mục tiêu, nhiệm vụ "
        "năm 2026", "Võ Thành Nhân", "Trưởng phòng",
        issuer_alt=["Phòng Kinh tế", "Phòng Kinh tế UBND xã Tân Phú", "Phòng Kinh tế Ủy ban nhân dân xã Tân Phú"]),
    "deadlines": [
        D("2026-02-28", "day",
          "Các thôn đăng ký danh mục công trình, phần việc xây dựng thôn nông thôn mới kiểu mẫu năm 2026, gửi về "
          "Phòng Kinh tế trước ngày 28/02/2026.",
          "đăng ký danh mục công trình, phần việc xây dựng thôn nông thôn mới kiểu mẫu năm 2026", "Các thôn",
          "Phòng Kinh tế"),
        D("2026-06-30", "quarter",
          "Các hợp tác xã, tổ hợp tác hoàn thiện hồ sơ đề nghị đánh giá, phân hạng sản phẩm OCOP năm 2026, nộp về "
          "Phòng Kinh tế trong quý II/2026.", "hoàn thiện hồ sơ đề nghị đánh giá, phân hạng sản phẩm OCOP",
          "Các hợp tác xã, tổ hợp tác", "Phòng Kinh tế"),
    ],
    "milestones": [
        M("2026-01-16", "2026-01-16", "day", "Tổ chức Hội nghị tổng kết Chương trình năm 2025 vào ngày 16/01/2026."),
        M("2026-04-01", "2026-06-30", "quarter", "nộp về Phòng Kinh tế trong quý II/2026.", optional=True),
        M("2025-09-12", "2025-09-12", "day", "Ngày 12/9/2025, Đoàn thẩm định của tỉnh", optional=True),
        YEAR(2025, "Chương trình mục tiêu quốc gia xây dựng nông thôn mới năm 2025; mục tiêu, nhiệm vụ năm 2026"),
        YEAR(2025, "xây dựng nông thôn mới năm 2025, Phòng Kinh tế báo cáo kết quả như sau:"),
        YEAR(2025, "I. KẾT QUẢ THỰC HIỆN NĂM 2025"),
        YEAR(2025, "Tổ chức Hội nghị tổng kết Chương trình năm 2025"),
        YEAR(2026, "mục tiêu, nhiệm vụ năm 2026"),
        YEAR(2026, "II. MỤC TIÊU, NHIỆM VỤ NĂM 2026"),
        YEAR(2026, "xây dựng thôn nông thôn mới kiểu mẫu năm 2026"),
        YEAR(2026, "phân hạng sản phẩm OCOP năm 2026"),
    ],
    "quotas": [
        Q("Thu nhập bình quân đầu người", 74, "triệu đồng/người/năm (thu nhập bình quân đầu người)",
          "Phấn đấu thu nhập bình quân đầu người đạt ít nhất 74 triệu đồng/người/năm",
          subject_alt=["xã Tân Phú", "Phòng Kinh tế"], optional=True),  # REVIEW.md #1: an amount, not a count
        Q("Người dân tham gia bảo hiểm y tế", 95, "tỷ lệ người dân tham gia bảo hiểm y tế",
          "tỷ lệ người dân tham gia bảo hiểm y tế đạt trên 95%", "percent", exclusive=True,
          subject_alt=["Tỷ lệ người dân tham gia bảo hiểm y tế", "xã Tân Phú"]),
        Q("Sản phẩm OCOP", 2, "sản phẩm OCOP đạt 3 sao (thêm)", "có thêm ít nhất 02 sản phẩm OCOP đạt 3 sao",
          subject_alt=["xã Tân Phú", "Sản phẩm OCOP đạt 3 sao"]),
        Q("Thôn đạt chuẩn thôn nông thôn mới kiểu mẫu", 3, "thôn đạt chuẩn thôn nông thôn mới kiểu mẫu (thêm)",
          "xây dựng thêm 03 thôn đạt chuẩn thôn nông thôn mới kiểu mẫu", optional=True,
          subject_alt=["xã Tân Phú"]),
    ],
    "references": [
        R("Kế hoạch", "15/KH-UBND", "2025-01-22", "Ủy ban nhân dân xã",
          issuer_alt=["Ủy ban nhân dân xã Tân Phú", "UBND xã Tân Phú"]),
    ],
    "registrations": [],
    "notes": (
        "Held-out round 7 (invented, blind gold). PDF REPORT of a commune department: part I results of 2025 (text "
        "and a results table 'Kế hoạch năm 2025 | Thực hiện năm 2025 | Tỷ lệ'), part II targets and tasks for 2026. "
        "METADATA: 'ỦY BAN NHÂN DÂN XÃ TÂN PHÚ / PHÒNG KINH TẾ' → 'Phòng Kinh tế xã Tân Phú'; signer 'TRƯỞNG PHÒNG / "
        "Võ Thành Nhân' (no prefix). DEADLINES: the villages' registration to Phòng Kinh tế before 28/02/2026; the "
        "cooperatives' OCOP files 'nộp về Phòng Kinh tế trong quý II/2026' (a submission with a recipient bounded by "
        "the quarter: deadline at its end; the quarter as a milestone is optional). MILESTONES: the review conference "
        "16/01/2026. Optional: the past inspection 12/9/2025, and every mention of the report's years 2025 / 2026 "
        "(title, preamble, headings, table headers, subjects). QUOTAS (targets of 2026): 'thu nhập … đạt ít nhất 74 "
        "triệu đồng' (corrected to OPTIONAL after the blind score, REVIEW.md #1: an amount of money per head, not a "
        "count of units or a percentage — the convention of held-out 6's '320 ha' and the real set's r13 '3.000 "
        "lượt'), 'BHYT đạt trên 95%' (exclusive), 'thêm ít nhất 02 sản phẩm OCOP'. Optional: 'xây dựng thêm 03 thôn "
        "…' (no minimum word). NOT quotas: 'tỷ lệ hộ nghèo giảm còn dưới 1,5%' (a cap), every "
        "2025 result ('19/19 tiêu chí', 'đạt 68,5 triệu', '93,6%', '12 sản phẩm OCOP đạt từ 3 sao trở lên'), the "
        "table's plan and result figures. REFERENCES: Kế hoạch 15/KH-UBND (22/01/2025, UBND xã)."),
}

# --------------------------------------------------------------------------- 9. ds (PDF registration form, Hội CCB xã)

_U = "Hội Cựu chiến binh xã Hưng Nguyên"
_UA = {"unit_alt": ["Hội CCB xã Hưng Nguyên"]}
GOLD["ds-hoi-ccb-xa-hung-nguyen"] = {
    "document": DOC(
        "registration_form", "Hội CCB xã Hưng Nguyên", None, "Hưng Nguyên", "2026-03-10",
        "DANH SÁCH ĐĂNG KÝ MÔ HÌNH \"DÂN VẬN KHÉO\" NĂM 2026", "Hồ Văn Sáu", "Chủ tịch", unit=_U,
        issuer_alt=["Hội Cựu chiến binh xã Hưng Nguyên"], **_UA),
    "deadlines": [],
    "milestones": [],
    "quotas": [],
    "references": [],
    "registrations": [
        REG("new", 1, "Cựu chiến binh giúp nhau phát triển kinh tế hộ gia đình", _U, "Ban Chấp hành Hội CCB xã",
            "Xóm 3, xóm 4", "Kinh tế", "2026-03-01", "2026-12-31", "Tháng 3 - 12/2026", 1, 1, **_UA),
        REG("new", 2, "Tổ CCB tự quản an ninh trật tự khu dân cư", _U,
            "Chi hội CCB xóm 7 (đ/c Phan Văn Lộc, Chi hội trưởng)", "Xóm 7", "Quốc phòng - An ninh", "2026-04-01",
            "2026-12-31", "Quý II - Quý IV/2026", 1, 2, **_UA),
        REG("new", 3, "\"Con đường cờ Tổ quốc\" do CCB đảm nhận", _U, "Chi hội CCB xóm 1", "Đường liên xóm 1 - 2",
            "Văn hóa - Xã hội", "2026-04-01", "2026-09-30", "Tháng 4 - 9/2026", 1, 3, **_UA),
        REG("new", 4, "CCB gương mẫu tham gia góp ý xây dựng Đảng, chính quyền", _U, "Thường trực Hội CCB xã",
            "Các chi hội", "Xây dựng hệ thống chính trị", "2026-01-01", "2026-12-31", "Năm 2026", 1, 4, **_UA),
        REG("new", 5, "Hỗ trợ hội viên cao tuổi sử dụng ứng dụng VNeID", _U, "Chi hội CCB xóm 5",
            "Nhà văn hóa xóm 5", "Chuyển đổi số", "2026-05-01", "2026-11-30", "Tháng 5 - 11/2026", 1, 5, **_UA),
        REG("continuing", 1, "Quỹ \"Đồng đội giúp nhau\"", _U, "Ban Chấp hành Hội CCB xã", "Toàn xã", "Kinh tế",
            "2025-01-01", "2026-12-31", "2025 - 2026", 1, 6, **_UA),
        REG("continuing", 2, "CCB tham gia hòa giải ở cơ sở", _U, "Chi hội CCB xóm 2 và xóm 6", "Xóm 2, xóm 6",
            "Quốc phòng - An ninh", "2025-01-01", "2026-12-31", "2025 - 2026", 1, 7, **_UA),
    ],
    "notes": (
        "Held-out round 7 (invented, blind gold). PDF REGISTRATION FORM of a veterans' association with its OWN "
        "column order: TT | Tên mô hình | Lĩnh vực | Địa chỉ thực hiện | Thời gian thực hiện | Tập thể, cá nhân chỉ "
        "đạo | Ghi chú; NO unit column (every row's unit is the form's 'Đơn vị: Hội Cựu chiến binh xã Hưng "
        "Nguyên'); field written in words ('Quốc phòng - An ninh', 'Xây dựng hệ thống chính trị'); section rows "
        "'A. MÔ HÌNH ĐĂNG KÝ MỚI' / 'B. MÔ HÌNH TIẾP TỤC THỰC HIỆN' and a totals row 'Tổng cộng: 07 mô hình …' (not "
        "rows). 7 rows: 5 new, 2 continuing (seq restarts). Periods: 'Quý II - Quý IV/2026' → 01/4-31/12; '2025 - "
        "2026' → whole years. METADATA: no number (null); issuer the header's last line 'Hội CCB xã Hưng Nguyên'; "
        "signer 'TM. BAN CHẤP HÀNH / CHỦ TỊCH / Hồ Văn Sáu'. No deadlines, milestones or quotas (the row periods "
        "are registrations' periods, not plan milestones)."),
}

# --------------------------------------------------------------------------- 10. kh-07 (PDF plan + schedule table, Hội Nông dân xã)

GOLD["kh-07-hoi-nong-dan-xa-ea-kar"] = {
    "document": DOC(
        "plan", "BCH Hội Nông dân xã Ea Kar", "07-KH/HND", "Ea Kar", "2026-01-20",
        "Tổ chức phong trào nông dân thi đua sản xuất, kinh doanh giỏi năm 2026", "Y Khoa Niê", "Chủ tịch",
        issuer_alt=["Ban Chấp hành Hội Nông dân xã Ea Kar", "Hội Nông dân xã Ea Kar"]),
    "deadlines": [
        D("2026-03-31", "day",
          "tổng hợp danh sách hộ đăng ký gửi về Văn phòng Hội Nông dân xã trước ngày 31/3/2026.",
          "tổng hợp danh sách hộ đăng ký", "Các chi hội nông dân", "Văn phòng Hội Nông dân xã"),
        D("2026-11-15", "day",
          "chi hội trưởng nộp hồ sơ đề nghị công nhận về Hội đồng bình xét xã chậm nhất ngày 15/11/2026.",
          "nộp hồ sơ đề nghị công nhận", "chi hội trưởng", "Hội đồng bình xét xã"),
        D("2026-12-05", "day",
          "3. Thường trực Hội Nông dân xã tổng hợp kết quả, báo cáo Ban Thường vụ Hội Nông dân tỉnh trước ngày "
          "05/12/2026.", "tổng hợp kết quả", "Thường trực Hội Nông dân xã", "Ban Thường vụ Hội Nông dân tỉnh"),
        D("2026-11-30", "month", "Bình xét hộ sản xuất, kinh doanh giỏi cấp xã", "Bình xét hộ sản xuất, kinh doanh giỏi",
          "Hội đồng bình xét xã", None, optional=True),
    ],
    "milestones": [
        M("2026-01-01", "2026-03-31", "quarter", "Quý I/2026"),
        M("2026-04-01", "2026-05-31", "month", "Tổ chức hội thảo chuyển giao kỹ thuật trồng"),
        M("2026-06-15", "2026-07-30", "day", "Kiểm tra mô hình điểm tại các chi hội"),
        M("2026-11-01", "2026-11-30", "month", "Bình xét hộ sản xuất, kinh doanh giỏi cấp xã"),
        YEAR(2026, "kinh doanh giỏi năm 2026"),
        YEAR(2026, "Kế hoạch thực hiện năm 2026 như sau:"),
    ],
    "quotas": [
        Q("Mỗi chi hội", 30, "số hộ hội viên đăng ký danh hiệu hộ sản xuất, kinh doanh giỏi",
          "1. Mỗi chi hội có ít nhất 30% số hộ hội viên đăng ký danh hiệu hộ sản xuất, kinh doanh giỏi.", "percent"),
        Q("Hộ đăng ký", 60, "số hộ đăng ký đạt danh hiệu các cấp",
          "2. Phấn đấu có từ 60% số hộ đăng ký đạt danh hiệu các cấp.", "percent",
          subject_alt=["Số hộ đăng ký", "Hội Nông dân xã Ea Kar", "Hộ đăng ký đạt danh hiệu"]),
    ],
    "references": [
        R("Hướng dẫn", "52-HD/HNDT", "2026-01-06", "Ban Thường vụ Hội Nông dân tỉnh Đắk Lắk"),
    ],
    "registrations": [],
    "notes": (
        "Held-out round 7 (invented, blind gold). PDF plan with a SCHEDULE table 'TT | Nội dung công việc | Thời gian "
        "thực hiện | Bộ phận thực hiện': its rows are MILESTONES (real-set convention: 'Thời gian thực hiện' is a "
        "period; the one-off 'Bình xét … Tháng 11/2026' also gets an optional deadline at the month's end). "
        "Quý I/2026; Tháng 4 - 5/2026; 15/6-30/7/2026; Tháng 11/2026. DEADLINES (III): chi hội → Văn phòng Hội "
        "31/3/2026; chi hội trưởng → Hội đồng bình xét xã 15/11/2026; Thường trực → BTV Hội Nông dân tỉnh "
        "05/12/2026. QUOTAS: 'Mỗi chi hội có ít nhất 30% số hộ hội viên đăng ký'; 'Phấn đấu có từ 60% số hộ đăng ký "
        "đạt danh hiệu'. NOT quotas: I.3 the conditions for the title 'thu nhập từ 150 triệu đồng/năm trở lên' and "
        "'giải quyết việc làm cho ít nhất 02 lao động thường xuyên' (eligibility of a household, despite 'ít "
        "nhất'). METADATA: issuer 'BCH Hội Nông dân xã Ea Kar'; signer 'TM. BAN CHẤP HÀNH / CHỦ TỊCH / Y Khoa Niê'. "
        "REFERENCES: Hướng dẫn 52-HD/HNDT (06/01/2026)."),
}
