"""Word lists of the domain: surnames, provinces, organization heads, position titles,
abbreviations and the verbs that end a name. Spelled in NFC with the new tone-mark placement
("ủy", "hóa"); the extractor matches against a copy of the text canonicalized the same way."""

from __future__ import annotations

# Common Vietnamese surnames (a person's name starts with one of them).
SURNAMES = (
    "Nguyễn Trần Lê Phạm Hoàng Huỳnh Phan Vũ Võ Đặng Bùi Đỗ Hồ Ngô Dương Lý Trịnh Đinh Lâm "
    "Mai Trương Đoàn Lương Tô Hà Văn Quách Cao Thái Lưu Tạ Châu Triệu Kiều Chu La Từ Hứa Lã "
    "Vi Nông Lò Tống Khổng Thân Đàm Kim Mạc Âu Tăng Lại Lục Quan Phùng Diệp Bế Hầu Doãn Tôn "
    "Vương Lữ Khúc Nghiêm Cù Thạch Danh Điểu Ninh Thiều Trình Viên Mẫn Chế Hàn Lạc Mã Quản "
    "Giáp Bạch Đồng Ngọ Hán Lường Sầm Khương Tiêu Vàng Thào Sùng Giàng Mùa "
    # less common ones, and those of ethnic minorities
    "Phí Nhữ Vừ Lầu Kha Ngụy Đậu Cấn Bàn Đới Khuất Quàng Chẩu Nịnh Bì Hờ Ksor Siu Kpă "
    "Rcom Đèo Tào Cầm Tòng Khiếu Uông Lều "
    # Jrai, Bahnar, Thai, Hmong, Dao, Cham and Khmer family names
    "Nay Rơ Rmah Puih Kpuih Rahlan Điêu Lộc Lành Hạng Tráng Chảo Phàn Tẩn Đàng Chau Dụng Mông "
    # common ones missing until the sixth pass, and Tay, Thai and Hoa family names ("Phó",
    # "Sơn" are left out: a deputy's title and a province's first word)
    "Đào Giang Ma Lù Ngân Khưu Liêu Xa Dư Ưng Lỷ Sái Lâm Phương"
).split()

# Pre-2025 provinces and centrally-run cities; a candidate person name that starts with one of
# them is rejected (districts and communes come from the gazetteer, `pbkg.extract.places`).
PROVINCES = (
    "An Giang", "Bà Rịa - Vũng Tàu", "Bà Rịa", "Vũng Tàu", "Bắc Giang", "Bắc Kạn", "Bạc Liêu",
    "Bắc Ninh", "Bến Tre", "Bình Định", "Bình Dương", "Bình Phước", "Bình Thuận", "Cà Mau",
    "Cần Thơ", "Cao Bằng", "Đà Nẵng", "Đắk Lắk", "Đắk Nông", "Điện Biên", "Đồng Nai",
    "Đồng Tháp", "Gia Lai", "Hà Giang", "Hà Nam", "Hà Nội", "Hà Tĩnh", "Hải Dương", "Hải Phòng",
    "Hậu Giang", "Hòa Bình", "Hưng Yên", "Khánh Hòa", "Kiên Giang", "Kon Tum", "Lai Châu",
    "Lâm Đồng", "Lạng Sơn", "Lào Cai", "Long An", "Nam Định", "Nghệ An", "Ninh Bình",
    "Ninh Thuận", "Phú Thọ", "Phú Yên", "Quảng Bình", "Quảng Nam", "Quảng Ngãi", "Quảng Ninh",
    "Quảng Trị", "Sóc Trăng", "Sơn La", "Tây Ninh", "Thái Bình", "Thái Nguyên", "Thanh Hóa",
    "Thừa Thiên Huế", "Tiền Giang", "Hồ Chí Minh", "Trà Vinh", "Tuyên Quang", "Vĩnh Long",
    "Vĩnh Phúc", "Yên Bái", "Huế",
)

# Kinds of body whose own name holds a "và", a comma or a dash: the broadcasters, and the
# newspapers merged with them in 2025 ("Báo và Phát thanh, Truyền hình Lào Cai"). A list or a
# name is never split inside one.
COMPOUND_HEADS = (
    "Đài Phát thanh và Truyền hình", "Đài Phát thanh - Truyền hình", "Đài PT-TH", "Đài PT&TH",
    "Báo và Phát thanh, Truyền hình", "Báo và Phát thanh - Truyền hình",
    "Báo, Phát thanh và Truyền hình", "Báo - Đài Phát thanh và Truyền hình",
)

# Words that open an organization's name (case as usually written).
ORG_HEADS = (
    "Ban Tổ chức", "Ban Tuyên giáo", "Ban Dân vận", "Ban Nội chính", "Ban Kinh tế",
    "Ban Đối ngoại", "Ban Bảo vệ", "Ban cán sự", "Ban Thường vụ", "Ban Chấp hành", "Ban",
    "Ủy ban", "Văn phòng", "Trường", "Báo", "Đài", "Tạp chí", "Nhà xuất bản", "Học viện",
    "Huyện ủy", "Thị ủy", "Thành ủy", "Tỉnh ủy", "Quận ủy", "Đảng ủy", "Đảng đoàn", "Đảng bộ",
    "Chi bộ", "Vụ", "Cục", "Sở", "Hội đồng", "Hội", "Liên đoàn", "Mặt trận", "Viện",
    "Trung tâm", "Cơ quan", "Công an", "Bộ Chỉ huy", "Bộ", "Tổng cục", "Chi cục", "Tỉnh đoàn",
    "Tỉnh Đoàn", "Thành Đoàn", "Huyện Đoàn",
    "Thành đoàn", "Huyện đoàn", "Kho bạc", "Ngân hàng", "Bảo hiểm", "Thanh tra", "Cổng",
    "NXB", "UBKT", "UBND", "HĐND", "BTC", "BTCTU", "BTG", "BTGTU", "BDV", "BDVTU", "VPTU",
    "MTTQ", "BTV", "BCH",
    # bodies of every level and their abbreviations: district committees and their boards,
    # political schools and centres, mass organisations, the 2025 merged boards
    "Đoàn Thanh niên", "Ban Tuyên giáo và Dân vận", "Ban Chính sách", "BTCHU", "BTGHU", "BDVHU",
    "VPHU", "UBKTHU", "UBKTTU", "BTGDV", "ĐUK", "TTCT", "TTBDCT", "LĐLĐ", "HLHPN", "HVCTQG",
    # enterprises, courts, post and hospitals: the blocks of enterprises and of the interior
    "Công ty", "Tổng Công ty", "Tổng công ty", "Tập đoàn", "Tòa án", "Toà án", "Bưu điện",
    "Bệnh viện",
    # the border guard's posts, a cluster's members inside a province's border guard
    "Đồn Biên phòng", "Đồn BP", "Hải đội Biên phòng",
    # the bodies of law enforcement by their usual abbreviations: the people's procuracy and
    # court, the military command, the border guard, the city's police ("VKSND tỉnh", "TAND
    # huyện Hoằng Hóa", "BCHQS huyện Sơn Hà", "Bộ Chỉ huy BĐBP tỉnh", "CATP Hải Phòng")
    "VKSND", "TAND", "BCHQS", "BĐBP", "CATP", "VKSQS", "TAQS",
    *COMPOUND_HEADS,
)

# Titles that open a person's position (matched case-insensitively, optionally after "Phó").
TITLES = (
    "Tỉnh ủy viên", "Thành ủy viên", "Huyện ủy viên", "Đảng ủy viên", "Ủy viên",
    "Quận ủy viên", "Thị ủy viên",
    "Bí thư", "Tổng Bí thư", "Chủ tịch", "Giám đốc", "Tổng Giám đốc", "Tổng Biên tập",
    "Vụ trưởng", "Cục trưởng", "Viện trưởng", "Tổng cục trưởng", "Chánh Văn phòng",
    "Chánh Thanh tra", "Chánh án", "Chủ nhiệm", "Hiệu trưởng", "Bộ trưởng", "Thứ trưởng",
    "Đại biểu Quốc hội", "Trưởng đoàn", "Trưởng Đoàn", "Trưởng phòng", "Trưởng ban", "Trưởng",
    "Thường trực", "Chuyên viên", "Thiếu tướng", "Trung tướng", "Đại tướng", "Đại tá",
    "Thượng tá", "Trung tá", "Tổng Thư ký", "Thư ký", "lãnh đạo phụ trách", "Thủ tướng",
    "Cụm trưởng", "Cụm phó", "Khối trưởng", "Khối phó", "đơn vị trưởng", "đơn vị phó",
    "Phó Văn phòng", "Phó Chánh Văn phòng", "Phó Chủ nhiệm", "Trưởng khoa", "Trưởng phòng",
    "Phó Trưởng phòng", "Giảng viên", "Bí thư Chi bộ", "Bí thư Đảng ủy", "Đại úy", "Thiếu tá",
    "Thiếu tướng", "Phó Giáo sư", "Giáo sư", "Tiến sĩ", "Thạc sĩ", "Chính ủy", "Tư lệnh",
    "Chỉ huy trưởng", "Trưởng Công an", "Chánh Văn phòng", "Trưởng Khoa",
    # abbreviated memberships written before the posts ("TUV, Trưởng BTC TU")
    "TUV", "HUV", "UVBTV", "UV BTV", "UVTW", "UVBCH", "ĐUV", "QUV", "BTV",
    "Phụ trách", "Trợ lý", "Phó Tổng Biên tập",
    # the border guard's and the army's posts
    "Chính trị viên", "Đồn trưởng",
    # the heads of law enforcement's bodies
    "Chi cục trưởng", "Thủ trưởng",
)

# Titles of the head (or deputy head) of a body: the body is what follows the title.
HEAD_TITLES = (
    "Tổng Biên tập", "Giám đốc", "Tổng Giám đốc", "Vụ trưởng", "Cục trưởng", "Viện trưởng",
    # "Chánh" alone: the body of a "Chánh Văn phòng Tỉnh ủy" is the "Văn phòng Tỉnh ủy"
    "Chánh", "Chủ nhiệm", "Hiệu trưởng", "Trưởng", "Bí thư", "Chủ tịch",
    # the heads of the bodies of law enforcement: "Chánh án TAND tỉnh", "Chi cục trưởng Chi cục
    # THADS huyện A", "Chỉ huy trưởng BCHQS huyện B", "Đồn trưởng Đồn Biên phòng C"
    "Chánh án", "Chi cục trưởng", "Chỉ huy trưởng", "Đồn trưởng", "Thủ trưởng",
)

# Abbreviations expanded (after folding) when comparing unit names.
ABBREVIATIONS = {
    "btc tu": "ban to chuc tinh uy",
    "btctu": "ban to chuc tinh uy",
    "btc tw": "ban to chuc trung uong",
    "btgtu": "ban tuyen giao tinh uy",
    "bdvtu": "ban dan van tinh uy",
    "vptu": "van phong tinh uy",
    "btc": "ban to chuc",
    "btg": "ban tuyen giao",
    "bdv": "ban dan van",
    "ubkt": "uy ban kiem tra",
    "ubnd": "uy ban nhan dan",
    "hdnd": "hoi dong nhan dan",
    "mttq": "mat tran to quoc",
    "btv": "ban thuong vu",
    "bch": "ban chap hanh",
    "nxb": "nha xuat ban",
    "tw": "trung uong",
    "tp": "thanh pho",
}

# Lower-case words and phrases (verbs, prepositions) that end an organization's name.
NAME_STOPS = (
    "là", "làm", "được", "đã", "đang", "sẽ", "vừa", "cũng", "và", "với", "cho", "tại",
    "trong", "về", "để", "theo", "đến", "từ", "do", "thì", "mà", "nhưng", "có", "gồm",
    "bao gồm", "tổ chức", "tích cực", "chủ động", "phối hợp", "thực hiện", "dẫn đầu",
    "đứng đầu", "nhận", "giữ", "tham mưu", "báo cáo", "bàn giao", "chuyển giao", "tiếp nhận",
    "đảm nhận", "đảm nhiệm", "phát biểu", "trình bày", "chủ trì", "dự", "tham dự", "tặng",
    "trao", "đề nghị", "năm", "đăng cai", "ký", "ký kết", "triển khai", "tổng kết", "sơ kết",
    "hoàn thành", "đạt", "xếp", "cùng", "nhấn mạnh", "cho biết", "chia sẻ", "thông tin",
    "kết luận", "bế mạc", "khai mạc", "nêu", "đánh giá", "thống nhất", "bầu", "tiếp tục",
    "lãnh đạo", "đại diện", "nhiệm kỳ", "giai đoạn", "sau", "trước", "khi", "nhằm",
    "góp phần", "ra", "vào", "lên", "thuộc", "là một", "xét", "bình xét", "khen thưởng",
    "đón", "phát động", "thông qua", "ban hành", "quán triệt", "công bố", "gửi", "trên",
    "dưới", "như", "gắn", "đảm bảo", "bảo đảm", "nên", "vì", "bởi", "hoặc", "hay", "nay",
    "này", "đó", "ấy", "thì", "rồi", "mới", "luôn", "đều", "chỉ", "vẫn", "cùng với",
    "chỉ đạo", "tham gia", "ghi nhận", "biểu dương", "yêu cầu", "mong muốn", "khẳng định",
    "trân trọng", "vinh dự", "từng", "suy tôn", "chọn", "cử",
    "lần", "vai trò", "nhiệm vụ", "đơn vị", "xuất sắc", "giành", "đoạt", "giữ vững",
    "luân phiên", "lần lượt", "đồng chủ trì", "không", "chưa", "đứng", "còn",
    "ngay",  # "bàn giao nhiệm vụ Cụm trưởng cho X ngay tại hội nghị"
    "hai lần", "ba lần", "bốn lần", "đảm đương",
)

# Verbs and words that end a person's list of positions.
POSITION_STOPS = (
    "dự", "tham dự", "phát biểu", "trình bày", "chủ trì", "cùng", "báo cáo", "tặng", "trao",
    "cho biết", "nhấn mạnh", "chia sẻ", "đề nghị", "khẳng định", "nêu", "kết luận",
    "điều hành", "đến", "thăm", "làm", "được", "đã", "là", "ghi nhận", "biểu dương", "nói",
    "yêu cầu", "giới thiệu", "quán triệt", "phát động", "ký", "bế mạc", "khai mạc",
    "thông tin", "mong muốn", "đánh giá", "gửi", "chúc", "chúc mừng", "tham gia", "và",
    "với", "tại", "về", "đọc", "công bố", "trả lời", "thay mặt", "lưu ý", "phân tích",
    "nhận", "đón", "dâng", "viếng", "đi", "chỉ đạo", "quyết định", "khái quát", "cũng",
    "vừa", "đang", "sẽ", "trực tiếp", "ghi", "cảm ơn", "tri ân", "động viên", "khen ngợi",
    "đồng chí", "ông", "bà", "cho", "khi", "trong", "theo", "nhấn", "bày tỏ", "đề cập",
    "lên", "xuống", "hướng dẫn", "trao đổi", "thảo luận", "tiếp thu", "giải trình",
    "kiểm tra", "làm việc", "thông báo", "trình", "tóm tắt", "điểm lại", "tổng kết", "sơ kết",
    "qua", "năm nay", "mở đầu", "đồng chủ trì",
)
