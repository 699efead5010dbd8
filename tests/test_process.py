"""`vnnews process`: re-extraction from stored raw pages, with what the site repeats learned."""
from crawler.reprocess import process
from crawler.records import Article, Page
from crawler.archive.store import open_store

REPEATED = "Mọi ý kiến đóng góp xin gửi về hộp thư của Ban biên tập trang tin phường."
STORIES = [
    ("Phường Định Công ra quân tổng vệ sinh môi trường",
     "Sáng ngày 12/3/2022, UBND phường Định Công tổ chức ra quân tổng vệ sinh môi trường tại "
     "các tổ dân phố. Đồng chí Trần Văn Hòa, Chủ tịch UBND phường, phát động phong trào và "
     "giao các tổ dân phố tự kiểm tra hằng tuần."),
    ("Hội nghị triển khai công tác phòng cháy chữa cháy năm 2022",
     "Chiều ngày 15/3/2022, Ban chỉ đạo phòng cháy chữa cháy phường tổ chức hội nghị triển "
     "khai nhiệm vụ năm 2022. Hội nghị thống nhất kiểm tra các cơ sở kinh doanh có nguy cơ "
     "cháy nổ cao trên địa bàn trước ngày 30/4/2022."),
    ("Phường Định Công tuyên truyền bầu cử",
     "Thực hiện Kế hoạch 12/KH-UBND ngày 20/3/2022 của UBND phường, các tổ dân phố đã treo "
     "băng rôn, khẩu hiệu và phát thanh trên hệ thống loa truyền thanh về ngày hội toàn dân "
     "đoàn kết xây dựng khu dân cư văn hóa."),
    ("Tặng quà gia đình chính sách nhân dịp Tết Nhâm Dần",
     "Nhân dịp Tết Nguyên đán Nhâm Dần 2022, lãnh đạo Đảng ủy, HĐND, UBND, Ủy ban MTTQ phường "
     "đã đến thăm và tặng quà các gia đình chính sách, hộ nghèo và hộ cận nghèo trên địa bàn "
     "phường với tổng số 215 suất quà."),
]


def page_html(title: str, text: str) -> bytes:
    return f"""<html><head><title>{title} - Tin tức - Phường Định Công</title></head><body>
<div class="main"><h1>{title}</h1><div class="date">Ngày đăng 16/03/2022 | 09:30</div>
<div class="content"><p>{text}</p><p>{text.split('.')[0]}, các đoàn thể phối hợp chặt chẽ
 và báo cáo kết quả về thường trực Đảng ủy phường trước cuối tháng.</p><p>{REPEATED}</p></div>
</div></body></html>""".encode()


def test_process_learns_what_every_page_repeats(tmp_path):
    store = open_store(tmp_path / "news.db")
    store.save_source("dinhcong", "portal", "Hoàng Mai", "Hà Nội", "http://p/", {"hints": {}})
    for i, (title, text) in enumerate(STORIES):
        url = f"http://p/tin-tuc/{i}"
        body = page_html(title, text)
        page = Page(url=url, final_url=url, status=200, headers={"Content-Type": "text/html"},
                    body=body, fetched_at="2026-11-28T07:00:00Z", source="dinhcong")
        # stored as a first crawl would, with the repeated line still in the body
        store.save_page(page, Article(url=url, is_article=True, title=title,
                                      body=f"{text}\n\n{REPEATED}"))
    counts = process(str(tmp_path / "news.db"))
    assert REPEATED in open_store(tmp_path / "news.db").source_profile("dinhcong")
    assert counts["pages"] == 4 and counts["articles"] == 4 and counts["mentions"] > 0
    rows = list(open_store(tmp_path / "news.db", create=False).articles())
    assert len(rows) == 4
    for row, (title, text) in zip(rows, STORIES):
        assert row["title"] == title and row["published"] == "2022-03-16T09:30"
        assert text in row["body"] and REPEATED not in row["body"]
