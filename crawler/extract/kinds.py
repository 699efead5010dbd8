"""What a page is when it is not news: an administrative-procedure page, a static menu page.
Portals put both beside their news, in the same templates, often under the same URL shapes;
stored as articles they pollute search and dates ("Luật Viễn thông ngày 23/11/2009" is a
legal basis, not a publication date).

Both tests read the page's content, not its address, so they hold on any portal.
"""
from __future__ import annotations

import re

from .fields import norm

__all__ = ["is_procedure_page", "is_static_page", "PROCEDURE_MIN_FIELDS"]

# The fields of the national template of an administrative procedure (Thủ tục hành chính):
# a page that opens this many of its blocks with them is a procedure page. A news article
# about a procedure quotes one or two of them in prose, never a block each.
PROCEDURE_MIN_FIELDS = 4
_PROCEDURE_FIELDS = re.compile(
    r"^(?:trình tự thực hiện|cách thức thực hiện|thành phần,? số lượng hồ sơ|thành phần hồ sơ|"
    r"thời hạn giải quyết|đối tượng thực hiện|cơ quan (?:thực hiện|giải quyết)|"
    r"kết quả (?:thực hiện|giải quyết)|lệ phí|phí,? lệ phí|căn cứ pháp lý|"
    r"yêu cầu,? điều kiện|tên mẫu đơn)", re.IGNORECASE)
# Titles of the menu pages every portal has. Whole titles only: "Giới thiệu sách mới ..." is news.
_STATIC_TITLES = re.compile(
    r"^(?:giới thiệu(?: chung)?|lãnh đạo(?: sở| quận| huyện| ubnd| phường| xã)?|ban lãnh đạo|"
    r"cơ cấu tổ chức|sơ đồ tổ chức|chức năng,? nhiệm vụ(?:,? quyền hạn)?|liên hệ|"
    r"thông tin liên hệ|sơ đồ (?:cổng|trang|site|website)|lịch sử hình thành(?: và phát triển)?|"
    r"quá trình hình thành và phát triển|danh bạ(?: điện thoại)?|bản đồ(?: hành chính)?|"
    r"điều kiện tự nhiên|đơn vị trực thuộc|các phòng ban)$", re.IGNORECASE)
# An undated page with a title this short, no article id in its URL and no teasers (a listing
# page's headlines with their summaries) is a menu page too.
STATIC_MAX_TITLE_WORDS = 5


def is_procedure_page(block_texts) -> bool:
    fields = {m.group(0).lower() for t in block_texts if (m := _PROCEDURE_FIELDS.match(t.strip()))}
    return len(fields) >= PROCEDURE_MIN_FIELDS


def is_static_page(title: str | None, published: str | None, url_names_article: bool,
                   has_teasers: bool = False) -> bool:
    if not title:
        return False
    t = norm(title).strip(" .:")
    if _STATIC_TITLES.match(t):
        return True
    return (published is None and not url_names_article and not has_teasers
            and len(t.split()) <= STATIC_MAX_TITLE_WORDS)
