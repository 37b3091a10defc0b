"""The site's two languages: every text of the pages in Vietnamese and English, and which one
a request wants (?lang= first, then the `lang` cookie it sets, then Accept-Language; vi by
default, since the sources are Vietnamese)."""

from __future__ import annotations

from fastapi import Request

LANGS = ("vi", "en")
COOKIE = "lang"

# key: (vi, en)
MESSAGES: dict[str, tuple[str, str]] = {
    "site": ("Đồ thị tri thức xây dựng Đảng", "Party-building knowledge graph"),
    "skip": ("Bỏ qua đến nội dung", "Skip to content"),
    "nav": ("Điều hướng", "Navigation"),
    "home": ("Trang chủ", "Home"),
    "leadership": ("Lãnh đạo cụm", "Cluster leadership"),
    "network": ("Mạng", "Network"),
    "ontology": ("Ontology", "Ontology"),
    "api": ("API", "API"),
    "dumps": ("Tải dữ liệu", "Dumps"),
    "void": ("Mô tả bộ dữ liệu", "Dataset description"),
    "search": ("Tìm", "Search"),
    "search_label": ("Tìm đơn vị, cụm, cá nhân, văn bản",
                     "Search units, clusters, people, documents"),
    "search_placeholder": ("Ví dụ: BTC TU Kiên Giang, cum 5…", "e.g. BTC TU Kien Giang, cum 5…"),
    "language": ("Ngôn ngữ", "Language"),
    "footer_data": ("Dữ liệu:", "Data:"),
    "footer_text": ("Mỗi dữ kiện dẫn đến bài báo nguồn và trích dẫn nguyên văn.",
                    "Every fact links to the news article it comes from and quotes it."),
    "as_data": ("Trang này dưới dạng dữ liệu:", "This page as data:"),
    # home
    "home_lead": ("Các tổ chức xây dựng Đảng của Việt Nam, cụm và khối thi đua, đơn vị cụm trưởng, "
                  "cụm phó theo năm, cán bộ, văn bản, khen thưởng và hội nghị — mỗi dữ kiện kèm "
                  "bài báo nguồn và trích dẫn nguyên văn.",
                  "Vietnam's party-building organizations, emulation clusters and blocks, their "
                  "chair and vice-chair units year by year, officials, documents, awards and "
                  "conferences — every fact with the news article it comes from and a verbatim "
                  "quote."),
    "in_numbers": ("Đồ thị hiện có", "The graph holds"),
    "facts": ("dữ kiện", "facts"),
    "sources": ("bài báo nguồn", "source articles"),
    "EmulationCluster": ("cụm, khối thi đua", "emulation clusters and blocks"),
    "PartyBoard": ("ban đảng", "party boards"),
    "PartyCommittee": ("cấp ủy", "party committees"),
    "Person": ("cá nhân", "people"),
    "Document": ("văn bản", "documents"),
    "ProvincialUnit": ("đơn vị cấp tỉnh", "provincial units"),
    "Conference": ("hội nghị", "conferences"),
    "AwardDecision": ("khen thưởng", "awards"),
    "start_here": ("Bắt đầu từ đây", "Start here"),
    "leadership_desc": ("Ai làm cụm trưởng, cụm phó của từng cụm, từng năm.",
                        "Who chaired and vice-chaired each cluster, year by year."),
    "network_desc": ("Cụm, đơn vị và cá nhân trên một mạng, theo năm.",
                     "Clusters, units and people as a network, by year."),
    "sparql_desc": ("Truy vấn SPARQL, với các truy vấn mẫu.", "SPARQL queries, with examples."),
    "dumps_desc": ("Toàn bộ dữ liệu: TriG, N-Quads, Turtle, JSON-LD…",
                   "The whole dataset: TriG, N-Quads, Turtle, JSON-LD…"),
    "ontology_desc": ("Các lớp và thuộc tính của mô hình.", "The model's classes and properties."),
    "clusters_by_level": ("Cụm thi đua theo cấp", "Emulation clusters by level"),
    "level_central": ("Trung ương", "Central"),
    "level_national-sector": ("Ngành (toàn quốc)", "National sector"),
    "level_provincial": ("Cấp tỉnh", "Provincial"),
    "level_district": ("Cấp huyện", "District"),
    "level_ward": ("Cấp xã, phường", "Commune and ward"),
    "level_other": ("Khác", "Other"),
    "years": ("năm", "years"),
    "examples": ("Truy vấn mẫu", "Example queries"),
    "latest_sources": ("Nguồn mới nhất", "Latest sources"),
    "facts_from": ("dữ kiện", "facts"),
    # leadership
    "leadership_title": ("Lãnh đạo các cụm thi đua theo năm", "Cluster leadership by year"),
    "leadership_lead": ("Mỗi ô là cụm trưởng (★) và cụm phó (▲) của một năm; nhấp để xem dữ kiện, "
                        "trích dẫn và nguồn. Ô trống: nguồn chưa nêu.",
                        "Each cell holds the chair (★) and vice-chairs (▲) of one year; open one "
                        "to see the fact, its quote and source. An empty cell: no source says."),
    "pages": ("Trang", "Pages"),
    "previous_page": ("Trang trước", "Previous page"),
    "next_page": ("Trang sau", "Next page"),
    "page_of": ("Trang %d / %d (%d cụm)", "Page %d of %d (%d clusters)"),
    "cluster": ("Cụm thi đua", "Cluster"),
    "year": ("Năm", "Year"),
    "role": ("Vai trò", "Role"),
    "unit": ("Đơn vị", "Unit"),
    "person": ("Cá nhân", "Person"),
    "source": ("Nguồn", "Source"),
    "quote": ("Trích dẫn", "Quote"),
    "inferred": ("suy ra", "inferred"),
    "inferred_from": ("suy ra từ", "inferred from"),
    "original": ("bài gốc", "original"),
    "extracted": ("trích tự động", "extracted by"),
    "confidence": ("độ tin cậy", "confidence"),
    "roles_here": ("Vai trò lãnh đạo", "Leadership roles"),
    "see_in_graph": ("Xem trên mạng", "See in the network"),
    "see_timeline": ("Dòng thời gian", "Timeline"),
    # entity
    "fact": ("dữ kiện", "fact"),
    "also": ("Tên khác", "Also called"),
    "source_evidence": ("Nguồn và trích dẫn", "Source and evidence"),
    "properties": ("Thuộc tính", "Properties"),
    "facts_title": ("Dữ kiện", "Facts"),
    "all_facts": ("Xem mọi dữ kiện kèm trích dẫn và nguồn",
                  "Show every fact with its quotes and source"),
    "referenced_by": ("Được nhắc đến bởi", "Referenced by"),
    # as of a date
    "as_of_title": ("Tại ngày", "As of"),
    "as_of_shows": ("Trang này cho thấy dữ kiện của năm", "This page shows the facts of"),
    "as_of_undated": ("Xem toàn bộ, không theo ngày", "See the whole page, undated"),
    "as_of_existed": ("Tồn tại vào ngày này", "Existed on that day"),
    "as_of_not_existed": ("Không tồn tại vào ngày này", "Did not exist on that day"),
    "as_of_valid": ("Thời gian tồn tại", "Existed"),
    "as_of_came_from": ("Hình thành từ", "Came from"),
    "as_of_became": ("Trở thành", "Became"),
    "as_of_in_force": ("còn tồn tại vào ngày này", "in force on that day"),
    "as_of_not_in_force": ("không tồn tại vào ngày này", "not in force on that day"),
    "as_of_in_force_then": ("Tồn tại vào ngày này", "In force on that day"),
    "as_of_pick": ("Xem tại ngày", "View as of"),
    "as_of_go": ("Xem", "Show"),
    # search and errors
    "search_title": ("Kết quả tìm kiếm", "Search results"),
    "no_results": ("Không tìm thấy kết quả.", "Nothing found."),
    "search_hint": ("Tìm không cần dấu: “kien giang” tìm thấy “Kiên Giang”.",
                    "Diacritics are optional: “kien giang” finds “Kiên Giang”."),
    "not_found": ("Không tìm thấy", "Not found"),
    "error": ("Lỗi", "Error"),
    "did_you_mean": ("Có phải bạn muốn tìm:", "Did you mean:"),
    "try_search": ("Hoặc tìm trong đồ thị:", "Or search the graph:"),
    # void, dumps
    "void_title": ("Mô tả bộ dữ liệu (VoID, DCAT)", "Dataset description (VoID, DCAT)"),
    "statistics": ("Thống kê", "Statistics"),
    "endpoint": ("Điểm truy vấn SPARQL", "SPARQL endpoint"),
    "license": ("Giấy phép", "Licence"),
    "vocabularies": ("Từ vựng", "Vocabularies"),
    "graphs": ("Đồ thị có tên (mỗi nguồn một đồ thị)", "Named graphs (one per source)"),
    "triples": ("bộ ba", "triples"),
    "file": ("tệp", "file"),
    "format": ("định dạng", "format"),
    "media_type": ("kiểu MIME", "media type"),
    "bytes": ("byte", "bytes"),
    "dumps_lead": ("TriG và N-Quads giữ mỗi nguồn một đồ thị có tên; các định dạng khác là hợp "
                   "của chúng.", "TriG and N-Quads keep one named graph per source; the other "
                   "formats hold their union."),
    "no_dumps": ("Chưa có bản tải nào: hãy chạy", "No dump has been built yet: run"),
    "named_graphs": ("đồ thị có tên", "named graphs"),
    "sparql_title": ("Truy vấn SPARQL", "SPARQL query editor"),
    "sparql_lead": ("Chọn một truy vấn mẫu hoặc viết truy vấn của bạn. IRI trong kết quả dẫn đến "
                    "trang của tài nguyên, kèm tên.", "Pick an example or write your own. IRIs "
                    "in the results link to the resources' pages, with their names."),
}


def lang_of(request: Request) -> str:
    asked = request.query_params.get("lang")
    if asked in LANGS:
        return asked
    cookie = request.cookies.get(COOKIE)
    if cookie in LANGS:
        return cookie
    accept = (request.headers.get("accept-language") or "").lower()
    first = accept.split(",")[0].strip()
    return "en" if first.startswith("en") else "vi"


def translator(lang: str):
    index = 0 if lang == "vi" else 1

    def t(key: str) -> str:
        pair = MESSAGES.get(key)
        return pair[index] if pair else key
    return t
