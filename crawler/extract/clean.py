"""What is not article text: widget families, footers, bylines, source lines, CMS accounts, captions.

Everything here looks at one block's text (plus a few layout flags); nothing is specific to a site.
"""
from __future__ import annotations

import re
import unicodedata

__all__ = [
    "widget_kind", "is_footer", "is_attachment_label", "byline_kind", "looks_like_caption", "SKIP", "END",
]

SKIP, END = "skip", "end"

# A widget heading or button is short; an article paragraph that happens to start with the same
# words ("Thời tiết năm nay ...") is longer than this.
WIDGET_LABEL_MAX_CHARS = 60
# Counters and footers carry numbers and addresses; allow them to be longer.
FOOTER_MAX_CHARS = 500
# Bylines, source lines and CMS accounts are short lines at the end of the article.
BYLINE_MAX_CHARS = 80
# "Theo <source>" lines are short; longer ones are sentences ("Theo kế hoạch, ...").
SOURCE_THEO_MAX_WORDS = 6
# Image captions are a sentence or two.
CAPTION_MAX_CHARS = 300

# Widget labels. END labels close the article when met after its text started (related lists,
# polls, weather, counters, link boxes); SKIP labels are buttons or bars that are only dropped (they
# may sit between the lead and the body). PREFIX labels are distinctive enough to match the start of
# a short block ("Đang truy cập: 27 / Tổng: 4.798.809"); EXACT labels are ordinary words that count
# only when they are the whole block ("Bình chọn", "Quay lại"), so a subheading like "Trở về quê
# hương" stays in the body.
_END_PREFIX = (
    "tin liên quan", "các tin khác", "các tin đã đưa", "tin đã đưa", "tin cùng chuyên mục",
    "tin cùng loại", "tin cùng danh mục", "bài viết liên quan", "các bài viết khác", "thăm dò ý kiến",
    "số lượng truy cập", "lượt truy cập", "đang truy cập", "đang online", "thống kê truy cập",
    "liên kết website", "liên kết web", "văn bản mới", "thủ tục hành chính", "tin nổi bật",
    "tin đọc nhiều", "tin xem nhiều", "ý kiến bạn đọc", "về đầu trang", "thời tiết các vùng",
    "thời tiết hôm nay", "dự báo thời tiết", "tổng lượt truy cập", "hôm nay:", "tin mới nhất",
    "đọc thêm:", "xem thêm:", "có thể bạn quan tâm", "bạn có thể quan tâm", "tin bài liên quan",
    "file đính kèm", "tệp đính kèm", "tài liệu đính kèm", "tập tin đính kèm", "văn bản đính kèm",
)
_END_EXACT = (
    "tin khác", "bài liên quan", "xem thêm", "đọc thêm", "bình chọn", "thăm dò", "thời tiết", "trực tuyến",
    "tin mới", "bình luận", "lên đầu trang", "đầu trang", "quay lại", "trở về", "trở lại",
    "gửi ý kiến", "ý kiến của bạn", "các bài khác", "tin bài khác", "tin tức khác", "đăng nhập",
    "xem kết quả",
)
_SKIP_PREFIX = (
    "in bài viết", "gửi mail", "gửi email", "gửi e-mail", "gửi bài viết", "gửi cho bạn bè",
    "lượt xem", "số lượt xem", "view count", "lượt đọc", "cỡ chữ", "đánh giá bài viết",
    "chia sẻ bài viết", "từ khóa:", "từ khoá:", "tags:", "tag:",
    # text-to-speech players on 2020s portals
    "nghe đọc bài", "nghe bài viết", "nghe audio", "đọc bài viết", "giọng đọc", "giọng nữ", "giọng nam",
    "tốc độ đọc",
)
_SKIP_EXACT = (
    "in bài", "in trang", "bản in", "in", "chia sẻ", "share", "print", "email", "e-mail", "facebook",
    "twitter", "zalo", "tweet", "like", "thích", "tags", "từ khóa", "từ khoá", "gửi", "đóng", "close",
    # ad slots' placeholders
    "quảng cáo", "advertisement", "ads",
)


def _prefix_re(labels):
    return re.compile(r"^[\W_]*(?:" + "|".join(re.escape(x) for x in labels) + r")(?![\w])", re.I)


def _exact_re(labels):
    # A count may follow the label: "Bình luận (2)", "Tin khác [5]".
    return re.compile(r"^[\W_]*(?:" + "|".join(re.escape(x) for x in labels) + r")[\W_]*(?:[(\[]\s*\d+\s*[)\]][\W_]*)?$", re.I)


_END_RE = [_prefix_re(_END_PREFIX), _exact_re(_END_EXACT)]
_SKIP_RE = [_prefix_re(_SKIP_PREFIX), _exact_re(_SKIP_EXACT)]
_FOOTER_RE = re.compile(
    r"(địa\s*chỉ\s*:.{0,200}(điện\s*thoại|đt\s*:|tel|fax))|(©|copyright|bản\s*quyền|ghi\s*rõ\s*nguồn"
    r"|chịu\s*trách\s*nhiệm\s*(chính|nội\s*dung)|giấy\s*phép\s*(số|thiết\s*lập))",
    re.I | re.S,
)
# Print/mail button rows: "In bài viết | Gửi mail | Về đầu trang".
_BUTTON_ROW = re.compile(r"^(?:\s*(?:in bài viết|in bài|gửi mail|gửi email|về đầu trang|quay lại|bản in|chia sẻ)\s*[|/·-]?\s*)+$", re.I)


def _fold(text: str) -> str:
    return unicodedata.normalize("NFC", text).lower()


def widget_kind(text: str) -> str | None:
    """``END`` for a widget heading that closes the article, ``SKIP`` for a button or bar, else None."""
    if len(text) > FOOTER_MAX_CHARS:
        return None
    folded = _fold(text)
    if _BUTTON_ROW.match(folded):
        return SKIP
    if len(text) <= WIDGET_LABEL_MAX_CHARS:
        if any(r.match(folded) for r in _END_RE):
            return END
        if any(r.match(folded) for r in _SKIP_RE):
            return SKIP
    if is_footer(text):
        return END
    return None


_ATTACHMENT_LABEL = re.compile(r"^[\W_]*(?:file|tệp|tập tin|tài liệu|văn bản)\s+đính\s+kèm|^[\W_]*đính\s+kèm", re.I)


def is_attachment_label(text: str) -> bool:
    """"File đính kèm:", "Tài liệu đính kèm" — ends the body, not the attachments."""
    return len(text) <= WIDGET_LABEL_MAX_CHARS and bool(_ATTACHMENT_LABEL.match(text))


def is_footer(text: str) -> bool:
    """Address/phone/fax or copyright lines of a site footer."""
    return len(text) <= FOOTER_MAX_CHARS and bool(_FOOTER_RE.search(text))


_AUTHOR_PREFIX = re.compile(
    r"^(?:bài\s*(?:và|,|&|-)?\s*ảnh|tin\s*(?:và|,|&|-)?\s*ảnh|bài|tin|ảnh|tác\s*giả|người\s*viết|phóng\s*viên|"
    r"pv|ctv|nhóm\s*pv|biên\s*tập|thực\s*hiện|nhóm\s*phóng\s*viên)\s*[:：]\s*\S",
    re.I,
)
_COMPILED_TAG = re.compile(r"\((?:tổng\s*hợp|th|st|sưu\s*tầm|lược\s*dịch|theo\s+[^)]+)\)\s*$", re.I)
_SOURCE_LINE = re.compile(r"^[(\[]?\s*(?:nguồn|theo|source)\s*[:：]?\s*\S.*$", re.I)
_CMS_ACCOUNT = re.compile(r"^[a-z0-9_.@-]+(?:\s+[a-z0-9_.@-]+){0,2}$")
# CMS account names are ASCII ("Pho Ban bien tap", "Admin Admin"): an editor's login, with
# an account word or the same word twice (Liferay's first name = last name default).
_ACCOUNT_WORDS = re.compile(r"\b(?:admin|administrator|quan ?tri|bien ?tap|btv|editor|webmaster|"
                            r"test|user|cong ?tac ?vien)\b", re.I)
ACCOUNT_MAX_WORDS = 5


def _looks_like_account(text: str) -> bool:
    words = text.split()
    if not text.isascii() or not 1 <= len(words) <= ACCOUNT_MAX_WORDS:
        return False
    lowered = [w.lower() for w in words]
    return bool(_ACCOUNT_WORDS.search(text)) or (len(lowered) >= 2 and len(set(lowered)) == 1)


_NAME_WORD = re.compile(r"^[A-ZÀ-ỸĐ][\wÀ-ỹ'.-]*$")
_NAME_JOINERS = frozenset(("và", "-", "–", ",", "&", "của"))


def _looks_like_name(text: str) -> bool:
    """"Phạm Linh", "Đặng Vân (tổng hợp)", "Minh Anh - Trung tâm Văn hóa": capitalised words."""
    core = _COMPILED_TAG.sub("", text).strip(" .-–")
    if not core:
        return True  # "(tổng hợp)" alone
    words = core.replace(",", " , ").split()
    if not 1 <= len(words) <= 10:
        return False
    caps = [w for w in words if _NAME_WORD.match(w)]
    others = [w for w in words if not _NAME_WORD.match(w)]
    return len(caps) >= 1 and all(w.lower() in _NAME_JOINERS for w in others) and len(words) - len(others) == len(caps)


def byline_kind(text: str, emphasised: bool = False) -> str | None:
    """Classify a short closing line: ``"author"``, ``"source"``, ``"account"`` or None.

    ``emphasised`` (bold or right-aligned) lets a less name-like line count as a byline.
    """
    if len(text) > BYLINE_MAX_CHARS:
        return None
    stripped = text.strip()
    lowered = stripped.lower().lstrip("([ ")
    if lowered.startswith(("nguồn", "source")) and _SOURCE_LINE.match(stripped):
        return "source"
    # "Theo TTXVN", "(Theo Báo Hànộimới)": short; "Theo kế hoạch, ..." is a sentence.
    if lowered.startswith("theo ") and len(stripped.split()) <= SOURCE_THEO_MAX_WORDS \
            and not stripped.endswith((".", ",", ";", ":")):
        return "source"
    if _CMS_ACCOUNT.match(stripped) or _looks_like_account(stripped):
        return "account"
    if _AUTHOR_PREFIX.match(stripped) or _COMPILED_TAG.search(stripped):
        return "author"
    if stripped.endswith((".", "!", "?", ":", ";", "…")):
        return None
    if _looks_like_name(stripped):
        return "author"
    if emphasised and len(stripped.split()) <= 8:
        return "author"
    # An agency signing the text ("Phòng Lao động - Thương binh và Xã hội quận"): longer than a
    # person's name, but it starts with an agency word.
    if emphasised and _AGENCY_START.match(stripped) and len(_WORDS.findall(stripped)) <= AGENCY_BYLINE_MAX_WORDS:
        return "author"
    return None


# Emphasised closing lines naming an agency count as bylines up to this many words.
AGENCY_BYLINE_MAX_WORDS = 12
_AGENCY_START = re.compile(
    r"^(?:phòng|ban|sở|trung\s*tâm|văn\s*phòng|ủy\s*ban|uỷ\s*ban|ubnd|công\s*an|chi\s*cục|cục|hội|đội|"
    r"tòa\s*án|viện\s*kiểm\s*sát|bảo\s*hiểm\s*xã\s*hội|kho\s*bạc|chi\s*nhánh|bộ\s*phận)\s", re.I)
_WORDS = re.compile(r"\w+")


_CAPTION_START = re.compile(r"^(?:ảnh|hình|hình ảnh|ảnh minh họa|ảnh minh hoạ)\s*(?:\d+\s*)?[:.\-–]", re.I)
_CAPTION_CREDIT = re.compile(r"\((?:ảnh|nguồn ảnh)\s*:[^)]*\)\s*\.?$", re.I)


def looks_like_caption(text: str) -> bool:
    """Wording typical of captions: "Ảnh: ...", "... (Ảnh: Minh Anh)", "Ảnh minh họa"."""
    if len(text) > CAPTION_MAX_CHARS:
        return False
    folded = text.strip().lower()
    return bool(_CAPTION_START.match(folded) or _CAPTION_CREDIT.search(folded)) or folded in ("ảnh minh họa", "ảnh minh hoạ")
