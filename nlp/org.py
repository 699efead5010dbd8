"""ORG mentions: organisation names from their head noun to their place, canonical keys,
abbreviations and acronyms.

Span conventions:
- From the head noun (nlp/data/org_heads.tsv: "UBND", "Trung tâm", "Ban chỉ đạo", ...) to the
  end of the name, place included: "UBND thành phố Hà Nội", "Trung tâm Bồi dưỡng chính trị Quận
  Hoàng Mai", "Ban chỉ đạo phong trào “Toàn dân đoàn kết xây dựng đời sống văn hóa” Quận Hoàng
  Mai", "Ban Thường vụ Quận ủy" (a body of a body is one name).
- A head with a named place or a district-level unit word is a name: "UBND quận", "Công an
  quận"; a ward-level unit word without its name is generic ("UBND phường", "các phường") and
  is not an ORG. Plurals ("các phòng, ban", "UBND các phường") are not ORGs.
- A standalone abbreviation or name of a body is an ORG: "UBND", "HĐND", "Quận ủy", "BCĐ",
  "Chính phủ"; its value is resolved to the nearest full name of the same body in the text.
- An organisation inside a person's title is annotated: "Chủ tịch UBND quận Hoàng Mai Nguyễn
  Minh Tâm" has ORG "UBND quận Hoàng Mai" (and PERSON "Nguyễn Minh Tâm"); places inside an
  organisation's name are not separate LOC mentions.
- Movements ("phong trào “Toàn dân đoàn kết ...”") are not organisations: a movement acronym
  such as "TDĐKXDSVH" is resolved in ``Analysis.acronyms`` (acronym → quoted long form) and in
  the ``acronym_of`` attribute of any ORG whose name contains it, not emitted as an ORG.

value: canonical key "body|place", abbreviations expanded, acronyms replaced by their long
form, quotes dropped, folded: "ủy ban nhân dân|thành phố hà nội".
attrs: name (long form), abbreviation (when the mention used one), place, acronym_of.
"""
from __future__ import annotations

import re
from dataclasses import dataclass

from .lexicon import Tok, is_acronym, is_cap, lexicon
from .normalize import fold
from .places import gazetteer, hyphen_name_end, place_name_end, unit_name_start
from .records import TokenSpan

__all__ = ["OrgSpan", "find_orgs", "find_acronyms", "initials"]

# lower-case words that end a name (verbs, prepositions, determiners)
_STOP = set("""các những của cho với tại trên để được là có đã sẽ đang trong về theo nhằm cùng
phối tổ ban đến từ khi thì mà này đó năm ngày tháng lần do bởi vì nên như thực khai làm kiểm
và hoặc cũng đều vẫn rất nhiều mỗi từng cấp ra vào lên xuống qua sau trước gồm kể tới phải đi
khóa khoá thứ vừa mới luôn dự họp nói phát đưa yêu đề khẳng nhấn biểu ghi đánh tham ủng hỗ
thăm tặng trao chủ khảo rà triển chi thu điều
sửa chỉ giao gửi ký trình kêu khen mời thuộc""".split())  # the last line: verbs after a name
# two-syllable verbs that often follow a body's name ("Sở KHĐT báo cáo", "Bộ Tài chính sửa
# đổi"): never the lower-case end of the name
CLAUSE_VERBS = {tuple(v.split()) for v in """báo cáo;cho biết;phát biểu;sửa đổi;chỉ đạo;tổ chức;kiểm tra;
tham dự;khai mạc;triển khai;thông báo;đề nghị;yêu cầu;ban hành;phê duyệt;hướng dẫn;quyết định;
tiếp nhận;công bố;trao tặng;ký kết;phối hợp;khẳng định;nhấn mạnh;đánh giá;xử lý;giải quyết;
thực hiện;tuyên truyền;vận động;hỗ trợ;kiến nghị;đồng ý;chấp thuận;thẩm định;trình bày;
cung cấp;xác nhận;phản hồi;trả lời;lưu ý;khuyến cáo;cảnh báo;đề xuất;tổng kết;sơ kết;
nhìn nhận;cho rằng;cho hay;nhận định;khuyến nghị;lên tiếng;vào cuộc;ghi nhận;chia sẻ;
thừa nhận;bác bỏ;khuyến khích;công nhận;xác định;dự kiến;dự báo;ước tính;thống kê;
tiếp tục;mong muốn;nhận được;đưa ra;giới thiệu;phát hiện;phát động;tiến hành;vừa qua;
cấp phép;chủ trì;lãnh đạo;thông qua""".replace(
    "\n", "").split(";")}
# a verb after a name is not the lower-case word that closes it ("Sở Văn hóa, Thể thao và Du
# lịch kiểm tra"); after an abbreviated name ("Sở TT&TT", "Sở GTVT") "quản lý" manages too,
# where after a head it may name a board ("Ban quản lý")
_VERBS_AFTER_ACRONYM = CLAUSE_VERBS | {("quản", "lý")}
# "Hội" followed by these is an event, not an association: "Hội Sách Hà Nội", "Hội Báo Xuân",
# "Hội thi", "Hội diễn", "Hội khỏe Phù Đổng", "Hội Lim"
_HOI_EVENTS = set("""sách báo chợ thi diễn trại thao khỏe khoẻ xuân làng lim gióng đền chùa đình
đua vật chọi""".split())
# a body's name followed by these is a way of governing, not the body: "Chính phủ điện tử",
# "Chính phủ số", "chính quyền kiến tạo"
_CONCEPT_TAILS = {("điện", "tử"), ("số",), ("kiến", "tạo"), ("liêm", "chính"), ("số", "hóa")}
# newspapers and magazines: "Báo Hà Nội mới", "báo Nhân Dân", "Tạp chí Cộng sản"; the place
# is part of the name; these lower-case words may close a masthead
_PRESS_HEADS = {"báo", "tạp chí", "báo điện tử", "tạp chí điện tử"}
_PRESS_TAILS = {("mới",), ("nhân", "dân"), ("điện", "tử"), ("sản",), ("và", "đời", "sống"),
                ("và", "pháp", "luật"), ("thời", "đại"), ("lao", "động"), ("đội", "nhân", "dân")}
# a lower-case "báo" names a newspaper only after these ("trên báo Nhân Dân", "tờ báo Lao
# Động"); elsewhere it ends a word ("thông báo", "nhà báo", "cảnh báo")
_PRESS_AFTER = {"trên", "của", "với", "tờ", "và", "theo", "cho", "đọc", "đăng", "viên", "tập",
                ",", "(", "“", '"', "từ", "là"}
# heads whose names are often a person's name ("Trường THCS Nguyễn Du")
_NAMED_AFTER_PEOPLE = {"trường", "bệnh viện", "công ty", "công ty cổ phần", "công ty tnhh", "ctcp",
                       "câu lạc bộ", "clb", "hợp tác xã",
                       "htx", "đội", "chi bộ", "thư viện", "học viện", "đại học"}
# generic heads that may be written in lower case inside titles ("Trưởng phòng Văn hóa")
_LOWER_HEADS = {"phòng", "ban", "trường", "sở", "trung tâm", "văn phòng", "hội", "chi cục",
                "cục", "viện", "bệnh viện", "công ty", "công ty cổ phần", "công ty tnhh",
                "trạm", "đội", "chi hội", "quỹ"}
_PLURAL = {"các", "những", "mỗi", "từng", "cấp", "mọi"}
_QUOTES_OPEN = {"“", '"', "«"}
_QUOTES_CLOSE = {"”", '"', "»"}
_DISTRICT_LEVEL = {"district", "town", "city", "province"}
_MAX_PENDING = 6
_COMMA_PAIRS = {("phòng", "chống"), ("cháy", "chữa"), ("phòng", "chữa"), ("tìm", "cứu"),
                ("kiếm", "cứu"), ("nạn", "cứu")}
# words after a number that make it an amount, not a unit number ("Chi hội 5 triệu đồng")
_QUANTITY = {"triệu", "tỷ", "nghìn", "ngàn", "trăm", "đồng", "người", "hộ", "%", "ha", "km",
             "m", "kg", "tấn", "suất", "phần", "lần", "năm", "tháng", "ngày", "giờ", "xe"}
_PLURAL_BEFORE = {"các", "những", "mỗi", "từng", "mọi", "toàn"}
# frequent last syllables of two-syllable words in organisation names
_NAME_TAILS = set("""lý toàn tin tạo hội trường nữ binh dân vụ tế sự thao lịch nghiệp thuế pháp hoạch
chính tư đạo vận giáo thị tải sản lâm lợi niên trị huấn học phòng hóa hoá phố động tra sát
an quân thương xuất nông thôn sinh phẩm dưỡng đức nghệ hiểm tịch chúng khoa viện""".split())


@dataclass
class OrgSpan(TokenSpan):
    body: str = ""
    place: str | None = None
    bare: bool = False  # no descriptor and no place: "UBND", "Quận ủy"


def initials(words: str) -> str:
    """First letter of each syllable, upper case: "Toàn dân đoàn kết" → "TDĐK"."""
    return "".join(w[0].upper() for w in words.split() if w and w[0].isalpha())


def _within_one_edit(a: str, b: str) -> bool:
    if a == b:
        return True
    if abs(len(a) - len(b)) > 1:
        return False
    if len(a) == len(b):
        return sum(x != y for x, y in zip(a, b)) <= 1
    if len(a) > len(b):
        a, b = b, a
    for k in range(len(b)):
        if b[:k] + b[k + 1:] == a:
            return True
    return False


def find_acronyms(text: str, toks: list[Tok]) -> dict[str, str]:
    """Acronyms resolved to the quoted long form they abbreviate (one letter may be missing
    or extra: the seed's "TDĐKXDSVH" ↔ “Toàn dân đoàn kết xây dựng đời sống văn hóa”)."""
    longs: dict[str, str] = {}
    n = len(toks)
    for i, t in enumerate(toks):
        if t.text in _QUOTES_OPEN:
            for k in range(i + 1, min(n, i + 25)):
                if toks[k].text in _QUOTES_CLOSE:
                    inner = text[toks[i].end:toks[k].start].strip()
                    words = inner.split()
                    if 3 <= len(words) and all(w[0].isalpha() for w in words):
                        longs.setdefault(initials(inner), inner)
                    break
    if not longs:
        return {}
    lex = lexicon()
    out = {}
    for t in toks:
        if not is_acronym(t) or len(t.text) < 4 or t.text in out:
            continue
        if t.low in lex.abbrev or lex.heads.match([t], 0):
            continue
        up = t.text.upper()
        for ini, long in longs.items():
            if len(ini) >= 4 and _within_one_edit(up, ini):
                out[t.text] = long
                break
    return out


def _quote_end(toks: list[Tok], j: int, text: str) -> int | None:
    for k in range(j + 1, min(len(toks), j + 25)):
        if toks[k].text in _QUOTES_CLOSE:
            return k + 1
        if "\n" in text[toks[k - 1].end:toks[k].start]:
            return None
    return None


def _bare_place_end(toks: list[Tok], j: int) -> int | None:
    """End of a province/country name at j without unit word ("Hà Nội", "Việt Nam")."""
    lex = lexicon()
    gaz = gazetteer()
    if j < len(toks) and toks[j].low in lex.places and toks[j].text[:1].isupper() and \
            not is_cap(toks[j]):
        return j + 1  # "TP.HCM"
    if j < len(toks) and is_cap(toks[j]):
        he = hyphen_name_end(toks, j)
        if he:
            return he  # "Bà Rịa - Vũng Tàu"
    for length in (3, 2, 1):
        if j + length > len(toks):
            continue
        if not all(is_cap(t) for t in toks[j:j + length]):
            continue
        name = " ".join(t.low for t in toks[j:j + length])
        if name in lex.places or (name in gaz.provinces and length >= 2):
            e = j + length
            if length == 1 and e < len(toks) and toks[e].word and toks[e].text[0].islower() \
                    and not toks[e].nl and toks[e].low not in _STOP:
                return None  # "Vụ Pháp chế": the start of a word, not the country
            return e
    return None


def _in_title(toks: list[Tok], i: int) -> bool:
    """Token i is part of a title phrase ("Trưởng phòng", "Hiệu trưởng trường")."""
    lex = lexicon()
    for k in range(max(0, i - 3), i + 1):
        tm = lex.titles.match(toks, k)
        if tm and tm[0] > i:
            return True
    return k > 0 and lex.titles.match(toks, i - 1) is not None and toks[i - 1].cap


def _official_then_name(toks: list[Tok], i: int, j: int) -> bool:
    """A title ends at the company's head (token i) and the name read so far (up to j) ends
    in a proper name, not a trade ("Công ty Đầu tư | Nguyễn Kim" names a company after a
    person; "Giám đốc Công ty Minh Phát | Nguyễn Văn An" is the director)."""
    lex = lexicon()
    if not any((tm := lex.titles.match(toks, k)) and tm[0] == i for k in range(max(0, i - 4), i)):
        return False
    from .model import dictionary_words
    tail = f"{toks[j - 2].low} {toks[j - 1].low}" if j >= 2 else ""
    prev = toks[j - 1]
    return is_cap(prev) and not is_acronym(prev) and prev.low not in lex.surnames and \
        tail not in dictionary_words()


def _person_at(toks: list[Tok], j: int) -> bool:
    """A family name followed by one to three Title-case words (same line) starts at j."""
    lex = lexicon()
    if j >= len(toks) or toks[j].low not in lex.surnames:
        return False
    k = j + 1
    while k < len(toks) and k - j < 5 and is_cap(toks[k]) and not toks[k].nl:
        k += 1
    if not 2 <= k - j <= 4:
        return False
    name = " ".join(t.low for t in toks[j:k])
    return name not in gazetteer().names and fold(name) not in lex.places  # "Hàn Quốc"


def name_tail_ok(toks: list[Tok], j: int, first: bool = False) -> bool:
    """The lower-case word at j closes a compound of the name ("Thông tin", "Đào tạo").

    ``first``: the capitalised word before it starts a word of its own (not the end of a
    proper name such as "Đức Giang"), so it is most often followed by the rest of that word
    ("Giám khảo", "Phát triển"); verbs and function words are in _STOP.
    """
    t = toks[j]
    if not t.word or t.nl or t.glued or not t.text[0].isalpha():
        return False
    if j > 0 and (toks[j - 1].low, t.low) in lexicon().compounds:
        return True  # "Lương thực": a listed word, even when its tail is a stop word
    if t.low in _STOP:
        return False
    nxt = toks[j + 1] if j + 1 < len(toks) else None
    if nxt is not None and (t.low, nxt.low) in CLAUSE_VERBS:
        return False  # "... Creative giới thiệu"
    u = lexicon().units.match(toks, j)
    if u is not None and (u[2][1] or (u[0] < len(toks) and not toks[u[0]].text[0].islower())):
        return False  # a unit word starting a place; not the "sóc" of "Chăm sóc sức khỏe"
    if first:
        return True
    if t.low in _NAME_TAILS:
        # after a two-syllable proper name ("Minh Phát vận chuyển"), a tail must end the word
        return not (j >= 2 and is_cap(toks[j - 2]) and nxt is not None and nxt.word and
                    nxt.text[0].islower() and not nxt.nl and
                    (t.low, nxt.low) not in lexicon().compounds)
    return nxt is None or nxt.nl or not nxt.word or is_cap(nxt) or is_acronym(nxt) \
        or lexicon().units.match(toks, j + 1) is not None


def _ho_chi_minh(toks: list[Tok], j: int) -> bool:
    """"... Lăng Chủ tịch Hồ Chí Minh", "Bảo tàng Chủ tịch Hồ Chí Minh": the title belongs
    to a name."""
    return j + 2 < len(toks) and [t.low for t in toks[j:j + 3]] == ["hồ", "chí", "minh"]


def _comma_list_end(toks: list[Tok], j: int) -> int | None:
    """End of ", X và Y" inside a name (j at X): capitalised words, each with at most one
    lower-case syllable, the last joined by "và"; None when the pattern does not hold."""
    n = len(toks)
    k = j
    seen_and = False
    while k < n and k - j < 10:
        if not is_cap(toks[k]) or toks[k].nl or lexicon().heads.match(toks, k) or \
                lexicon().titles.match(toks, k):
            return None
        k += 1
        if k < n and toks[k].text[0].islower() and toks[k].low not in ("và",) and \
                toks[k].word and toks[k].low not in _STOP:
            k += 1
        if seen_and:
            return k
        if k < n and toks[k].low == "và":
            seen_and = True
            k += 1
        elif k < n and toks[k].text == ",":
            k += 1
        else:
            return None
    return None


# nouns for people and groups: a lower-case list that starts with one lists who ("Bộ Quốc
# phòng, lực lượng vũ trang và nhân dân"), not the fields of one body's name
_WHO = {tuple(w.split()) for w in """lực lượng;nhân dân;người dân;cán bộ;chiến sĩ;đoàn viên;
hội viên;đảng viên;công nhân;nhân viên;người lao động;doanh nghiệp;chính quyền;đơn vị;địa phương;
ngành;đoàn thể;học sinh;sinh viên;giáo viên;bác sĩ;gia đình;bà con;cử tri;quân đội;quân và dân;
thanh niên;phụ nữ;nông dân;cựu chiến binh;người cao tuổi;trẻ em;du khách;nhà đầu tư""".replace(
    "\n", "").split(";")}


def _who_at(toks: list[Tok], k: int) -> bool:
    return any(tuple(t.low for t in toks[k:k + len(w)]) == w for w in _WHO)


def _lower_list_end(toks: list[Tok], j: int) -> int | None:
    """End of ", x y, z và u v" inside a name written in lower case (j at x): "Cục Phát
    thanh, truyền hình và thông tin điện tử". Items of one to four lower-case words (no verb
    or function word), the last joined by "và", then the end of the clause; None otherwise."""
    lex = lexicon()
    n = len(toks)
    k = j
    items = 0
    while k < n and items < 4:
        if _who_at(toks, k):
            return None
        s = k
        while k < n and k - s < 4 and toks[k].word and toks[k].text[0].islower() and \
                not toks[k].nl and toks[k].low not in _STOP and not _place_at(toks, k):
            k += 1
        if k == s:
            return None
        items += 1
        if k < n and toks[k].text == "," and not toks[k].nl:
            k += 1
            continue
        if k < n and toks[k].low == "và" and items < 4:
            s = k + 1
            k = s
            if _who_at(toks, k):
                return None
            while k < n and k - s < 4 and toks[k].word and toks[k].text[0].islower() and \
                    not toks[k].nl and toks[k].low not in _STOP and not _place_at(toks, k):
                k += 1
            if k == s:
                return None
            if k >= n or toks[k].nl or not toks[k].word or toks[k].low in _STOP or \
                    lex.units.match(toks, k) or is_cap(toks[k]):
                return k
            return None
        return None
    return None


def _place_at(toks: list[Tok], k: int) -> bool:
    """A lower-case unit word that starts a place here: administrative, or followed by a
    capitalised name ("điện Kính Thiên"; not the "điện" of "điện tử")."""
    u = lexicon().units.match(toks, k)
    return bool(u and (u[2][1] or (u[0] < len(toks) and is_cap(toks[u[0]]))))


# heads of companies, whose names list their trades ("Đầu tư, Xây dựng và Thương mại")
_COMPANIES = {"công ty", "công ty cổ phần", "công ty tnhh", "ctcp", "tổng công ty", "liên danh",
              "liên doanh"}


def _joint_member(head_low: str, toks: list[Tok], j: int) -> bool:
    """"Liên danh Công ty A và Công ty B": a joint venture names its member companies."""
    if head_low not in ("liên danh", "liên doanh"):
        return False
    m = lexicon().heads.match(toks, j)
    return bool(m and m[1].lower() in _COMPANIES)


def _continues_across_line(toks: list[Tok], j: int) -> bool:
    """A line break inside a name: the line before ends in a connector ("và", ",", "-",
    "&"), which never ends a paragraph, and the next line goes on with a capitalised word
    ("Sở Tài nguyên và\nMôi trường"): the break comes from the page's layout."""
    return j > 0 and toks[j - 1].low in ("và", "&", "-", ",") and \
        (is_cap(toks[j]) or is_acronym(toks[j]))


def _and_to_place(toks: list[Tok], j: int) -> bool:
    """After "và" inside a lower-case descriptor: up to four lower-case words and then an
    administrative unit with its name, so the "và" joins two fields of one name."""
    lex = lexicon()
    n = len(toks)
    k = j
    while k < n and k - j < 4 and toks[k].word and toks[k].text[0].islower() and \
            toks[k].low not in _STOP and not toks[k].nl and not lex.units.match(toks, k):
        k += 1
    if k == j or k >= n:
        return False
    u = lex.units.match(toks, k)
    return bool(u and u[2][1] and toks[k].text[0].islower() and (
        place_name_end(toks, u[0]) or u[2][0] in _DISTRICT_LEVEL))


def _unit_list_after(toks: list[Tok], j: int) -> bool:
    """", huyện", "và xã", "/huyện" at j: a unit word named without its name follows in a
    list of unit words ("UBND quận, huyện")."""
    n = len(toks)
    if j + 1 >= n or toks[j].text not in (",", "và", "/") or toks[j + 1].nl:
        return False
    u = lexicon().units.match(toks, j + 1)
    return bool(u and u[2][1] and toks[j + 1].text[0].islower() and
                place_name_end(toks, u[0]) is None)


def _concept_after(toks: list[Tok], j: int) -> bool:
    """Lower-case words at j that make the body before them a concept ("điện tử", "số")."""
    n = len(toks)
    for tail in _CONCEPT_TAILS:
        k = j + len(tail)
        if k <= n and all(toks[j + x].low == w and toks[j + x].text[0].islower() and
                          not toks[j + x].nl for x, w in enumerate(tail)):
            if tail == ("số",) and k < n and (toks[k].text[:1].isdigit() or toks[k].text == ":"):
                return False  # "Chi bộ số 5"
            return True
    return False


def _press_end(toks: list[Tok], i: int, hend: int) -> int | None:
    """End of a newspaper's or magazine's name after its head word: capitalised words (a
    place among them is part of the name) and a listed lower-case tail ("Hà Nội mới")."""
    n = len(toks)
    if toks[i].text.isupper() and len(toks[i].text) > 1:
        return None  # an all-capitals headline ("THÔNG BÁO LỊCH TIẾP DÂN")
    if not toks[i].text[0].isupper() and not (i > 0 and toks[i - 1].low in _PRESS_AFTER):
        return None
    if i > 0 and is_cap(toks[i - 1]) and not toks[i].nl and toks[i - 1].low not in _PRESS_AFTER:
        return None  # "Hội Báo Xuân": inside another name
    k = hend
    if k + 1 < n and is_cap(toks[k]) and toks[k + 1].word and toks[k + 1].text[0].islower() \
            and not toks[k + 1].nl and name_tail_ok(toks, k + 1, first=True) and \
            (toks[k + 1].low,) not in _PRESS_TAILS:
        k += 2  # "Báo Phụ nữ Việt Nam", "báo Tri thức": a masthead opening with a word
    while k < n and k - hend < 6 and (is_cap(toks[k]) or is_acronym(toks[k]) or
                                      toks[k].text[:1].isupper()) and toks[k].word and \
            not toks[k].nl and not (k > hend and toks[k].glued) and \
            not lexicon().titles.match(toks, k):
        k += 1
    if k == hend or (_person_at(toks, hend) and not toks[hend + 1].text[0].islower()):
        return None
    for tail in _PRESS_TAILS:
        e = k + len(tail)
        if e <= n and all(toks[k + x].low == w and not toks[k + x].nl
                          for x, w in enumerate(tail)):
            return e
    return k


# a police department's code ("PC45", "PA83", "PC 67"): a body's name on its own (the dev
# split tags 19 of its 20 codes ORG)
_UNIT_CODE = re.compile(r"P[A-HK-Z]\d{2}")


def _unit_code(toks: list[Tok], i: int) -> tuple[int, None, bool] | None:
    t = toks[i]
    if i > 0 and (toks[i - 1].end == t.start and toks[i - 1].word):
        return None
    if _UNIT_CODE.fullmatch(t.text):
        end = i + 1
    elif len(t.text) == 2 and _UNIT_CODE.fullmatch(t.text + "00") and i + 1 < len(toks) and \
            len(toks[i + 1].text) == 2 and toks[i + 1].text.isdigit() and not toks[i + 1].nl:
        end = i + 2
    else:
        return None
    if end < len(toks) and toks[end].end > toks[end - 1].end and \
            toks[end].start == toks[end - 1].end and toks[end].text[0].isalnum():
        return None  # part of a longer code ("PC45A")
    return end, None, True


# "BHXH" names the agency and the insurance it runs; after these words it is the insurance
_INSURANCE_HEADS = {"bhxh", "bảo hiểm xã hội"}
# words that follow a subject: the lower-case words before them close the name
_AUXILIARIES = {"được", "đã", "sẽ", "đang", "vừa", "cũng", "bị"}
_INSURANCE_BEFORE = {"đóng", "sổ", "nộp", "gia", "chốt", "hưởng", "thu", "nợ", "trốn", "mức",
                     "quỹ", "thẻ", "độ", "tiền", "phí", "bảo", "khoản"}
_INSURANCE_AFTER = {"bhyt", "bhtn", "kpcđ"}


def _insurance(toks: list[Tok], i: int, hend: int, phrase: str) -> bool:
    if fold(phrase).lower() not in _INSURANCE_HEADS:
        return False
    n = len(toks)
    return (i > 0 and toks[i - 1].low in _INSURANCE_BEFORE and not toks[i].nl) or (
        hend + 1 < n and toks[hend].text in (",", "và") and toks[hend + 1].low in _INSURANCE_AFTER)


def _scan(toks: list[Tok], i: int, text: str) -> tuple[int, int | None, bool] | None:
    """(end token, place start token or None, bare) of an organisation starting at token i."""
    lex = lexicon()
    m = lex.heads.match_cased(toks, i)
    if not m:
        return _unit_code(toks, i)
    hend, phrase, (kind, _long) = m
    if _insurance(toks, i, hend, phrase):
        return None  # "đóng BHXH", "sổ BHXH": the insurance, not the agency
    if phrase.lower() in _PRESS_HEADS or (toks[i].low == "báo" and hend == i + 1):
        pe = _press_end(toks, i, hend)
        return (pe, None, False) if pe else None
    if i > 0 and not toks[i].nl and is_cap(toks[i - 1]) and any(
            (be := _bare_place_end(toks, k)) is not None and be > i
            for k in range(max(0, i - 2), i)):
        return None  # "Tây Ban Nha": a head word inside a place name
    if kind in ("standalone", "name") and hend < len(toks) and _concept_after(toks, hend):
        return None  # "Chính phủ điện tử"
    if phrase.lower() == "hội" and hend < len(toks) and toks[hend].low in _HOI_EVENTS and \
            not (hend + 1 < len(toks) and toks[hend + 1].low == "nghề"):
        return None  # "Hội Sách Hà Nội" is a book fair
    if kind == "name":
        # "UNESCO", "Agribank", "Đảng": complete as written; a word name must not be the
        # start of a compound ("Đảng viên", "Đảng ta")
        if not is_acronym(toks[i]) and hend < len(toks) and toks[hend].word and \
                toks[hend].text[0].islower() and toks[hend].low != "và":
            return None
        if not is_acronym(toks[i]) and toks[i].text[0].islower():
            return None
        return hend, None, True
    if toks[i].text.isupper() and len(toks[i].text) > 1 and toks[i].low not in lex.abbrev \
            and hend < len(toks) and toks[hend].text.isupper():
        return None  # an all-capitals headline ("HỘI NGHỊ ĐỐI THOẠI"): no case to read
    tm = lex.titles.match(toks, i)
    if tm and tm[0] > hend:
        return None  # "Quận ủy viên" is a title
    n = len(toks)
    head_cap = toks[i].text[0].isupper()
    head_low = phrase.lower()
    titled = None  # a title before the organisation (computed when a unit word needs it)
    if not head_cap and kind == "standalone" and _in_title(toks, i):
        pass  # "Trưởng đoàn đại biểu Quốc hội tỉnh"
    elif not head_cap and kind != "standalone":
        # lower-case heads only inside titles: "Trưởng phòng Văn hóa", "Hiệu trưởng trường X"
        if (head_low not in _LOWER_HEADS and toks[i].low not in _LOWER_HEADS) or \
                not _in_title(toks, i):
            return None
    if i > 0 and toks[i - 1].low in _PLURAL_BEFORE:
        return None
    for k in (i - 1, i - 2):
        u = lex.units.match(toks, k) if k >= 0 else None
        if u and u[0] == i and u[2][1] and toks[k].text[0].islower() and not toks[i].nl and \
                not is_acronym(toks[i]):
            return None  # "phường Trường Thạnh": the name of a place, not a head
    if kind == "generic" and i > 0 and is_cap(toks[i - 1]) and not toks[i].nl and \
            toks[i].start - toks[i - 1].end == 1 and toks[i - 1].low in lex.surnames and \
            not _in_title(toks, i):
        return None  # "Đinh Bộ Lĩnh": inside a name, not a head
    if kind == "generic" and toks[i].low in lex.surnames and i > 0 and (
            lex.honorifics.match(toks, i - 1) or _person_at(toks, i)):
        return None  # "ông Đoàn Văn Kiên", "Mai Xuân Trường"
    if hend < n and toks[hend].low in _PLURAL:
        return None
    if kind == "generic" and hend - i == 1 and toks[i].text[0].isupper():
        k = hend  # "phố cổ Hội An": a one-word head that starts a known place name
        while k < n and k - i < 4 and is_cap(toks[k]) and not toks[k].nl:
            k += 1
        name = " ".join(x.low for x in toks[i:k])
        if k - i >= 2 and (name in gazetteer().names or name in lex.places) and \
                not (k < n and is_acronym(toks[k])):
            return None
    if head_low == "trường" and hend < n and is_cap(toks[hend]) and (
            hend + 1 >= n or toks[hend + 1].nl or toks[hend + 1].text in (",", ".", ";", ")")
            or toks[hend + 1].low in _STOP):
        return None  # "Trường Thi", "Trường Sa": a school is named with its level word
    if kind == "generic":
        # "Phòng Văn hóa", "trường THCS Lĩnh Nam"; not "Hội nghị", "Bộ máy", "Ban tổ chức"
        if hend >= n or toks[hend].nl:
            return None
        nxt = toks[hend]
        after = toks[hend + 1].low if hend + 1 < n else ""
        if not (is_cap(nxt) or is_acronym(nxt) or nxt.text in _QUOTES_OPEN
                or (nxt.text.isdigit() and head_cap and after not in _QUANTITY)):
            u = lex.units.match(toks, hend)
            if not (u and head_cap and (u[2][1] or place_name_end(toks, u[0], admin=False))):
                return None
        if head_low not in _NAMED_AFTER_PEOPLE and _person_at(toks, hend):
            return None  # "Giám đốc Sở Vũ Văn Viện"
    elif not head_cap and kind == "standalone" and not _in_title(toks, i):
        # "ủy ban nhân dân phường X": lower-case full names only with a named place
        # ("huyện ủy Hòa Vang": a party committee's place follows without a unit word)
        u = lex.units.match(toks, hend)
        if not (u and u[2][1] and place_name_end(toks, u[0])) and not (
                toks[hend - 1].low in ("ủy", "uỷ") and hend < n and is_cap(toks[hend]) and
                place_name_end(toks, hend)):
            return None
    j = hend
    last = hend
    place = None
    descriptor = False
    pending = 0
    fm = lex.fields.match(toks, hend) if kind != "name" else None
    if fm and is_cap(toks[hend]) and not any(toks[k].nl for k in range(hend + 1, fm[0])):
        j = last = fm[0]  # "Bộ Nông nghiệp và phát triển nông thôn": a known field, any case
        descriptor = True
    while j < n:
        t = toks[j]
        if t.nl and not _continues_across_line(toks, j):
            break
        if toks[j - 1].low in ("ủy", "uỷ") and is_cap(t) and not lex.heads.match(toks, j):
            # a party committee is followed by its place: "Quận ủy Hoàng Mai" (but "Đảng ủy
            # Sở Thông tin và Truyền thông" names a body: the committee of the Sở)
            pe = place_name_end(toks, j)
            if pe:
                place, last = j, pe
                break
        if t.text[0].islower() and j + 1 < n and (t.low, toks[j + 1].low) in lex.compounds \
                and not toks[j + 1].nl and pending <= 1 and (descriptor or kind == "fixed") \
                and not (descriptor and (t.low, toks[j + 1].low) in (
                    _VERBS_AFTER_ACRONYM if is_acronym(toks[j - 1]) else CLAUSE_VERBS)) \
                and toks[j - 1].low not in ("ủy", "uỷ") and not (
                    j - 2 >= hend and is_cap(toks[j - 1]) and is_cap(toks[j - 2])):
            j = last = j + 2  # "Cảnh sát giao thông", "Ủy ban bầu cử"
            descriptor, pending = True, 0
            continue
        u = lex.units.match(toks, j)
        hm0 = lex.heads.match(toks, j)
        if u and hm0 and hm0[0] > u[0]:
            u = None  # "Quận ủy" is a body, not the unit word "quận"
        if u:
            uend, _, (utype, admin) = u
            uend = unit_name_start(toks, j, uend)
            # a family-name-like place ("huyện Từ Liêm", "phường Nguyễn Trãi") is the
            # official's name only when a title comes before the organisation
            if titled is None:
                titled = any((tm2 := lex.titles.match(toks, k)) and tm2[0] >= i
                             for k in range(max(0, i - 4), i + 1))
            pe = place_name_end(toks, uend, admin=admin, person_check=titled)
            if pe and pending <= _MAX_PENDING:
                if admin:
                    place, last = j, pe
                    break
                # "tổ dân phố số 7", "khu dân cư số 4": a place that may be followed by its
                # ward or district
                if place is None:
                    place = j
                j = last = pe
                descriptor, pending = True, 0
                continue
            if pe is None and admin and utype in _DISTRICT_LEVEL and pending <= _MAX_PENDING and (
                    t.text[0].islower() or t.text in ("Quận", "Huyện", "Tỉnh", "Thành", "Thị")):
                if _unit_list_after(toks, uend):
                    return None  # "UBND quận, huyện": every district's, a generic name
                place, last = j, uend
                break
            if t.text[0].islower() and admin:
                return None  # a ward-level unit word without its name: a generic name
            if t.text[0].islower():
                if pending >= _MAX_PENDING or t.low in _STOP:
                    break
                j += 1
                pending += 1
                continue
        if t.text in _QUOTES_OPEN:
            qe = _quote_end(toks, j, text)
            if qe is None:
                break
            j = last = qe
            descriptor, pending = True, 0
            continue
        if t.low == "trung" and j + 1 < n and toks[j + 1].low == "ương" and (
                t.text[0].isupper() or descriptor):  # "Bệnh viện Nhi trung ương"
            last = j + 2
            nxt = lex.heads.match(toks, j + 2) if j + 2 < n else None
            if nxt and nxt[2][0] == "standalone" and not toks[j + 2].nl:
                j = last = nxt[0]  # "Ủy ban Trung ương MTTQ Việt Nam"
                descriptor, pending = True, 0
                continue
            place = j
            break
        be = _bare_place_end(toks, j)
        if be and pending <= 2:
            place, last = j, be
            break
        if is_cap(t) or is_acronym(t) or (t.text[0].isdigit() and (descriptor or j == hend)
                                          and not pending and not (
                                              j + 1 < n and toks[j + 1].low in _QUANTITY)):
            hm = hm0
            if hm and hm[2][0] == "generic" and not (
                    hm[0] < n and (is_cap(toks[hm[0]]) or is_acronym(toks[hm[0]]))):
                hm = None  # "Phòng chống": not the head "Phòng"
            if hm:
                if pending <= 2 and hm[2][0] in ("standalone", "fixed"):
                    j = last = hm[0]  # a body of a body: "Ban Thường vụ Quận ủy"
                    descriptor, pending = True, 0
                    continue
                if (descriptor or pending) and not (
                        toks[j - 1].low == "và" and _joint_member(head_low, toks, j)):
                    break
            tm = lex.titles.match(toks, j) if j > hend else None
            if tm and tm[1].lower() != "thường trực" and not _ho_chi_minh(toks, tm[0]):
                break
            if (descriptor or kind == "standalone") and head_low not in _NAMED_AFTER_PEOPLE \
                    and _person_at(toks, j):
                break
            if descriptor and head_low in _COMPANIES and _person_at(toks, j) and \
                    _official_then_name(toks, i, j):
                break  # "Giám đốc Công ty Minh Phát Nguyễn Văn An": the director's name
            j += 1
            last = j
            descriptor, pending = True, 0
            # the lower-case tail of a compound belongs to the name: "Thông tin", "Đào tạo"
            if j < n and is_cap(t) and toks[j].text[0].islower() and \
                    not _place_at(toks, j) and \
                    not (toks[j].low == "trung" and j + 1 < n and toks[j + 1].low == "ương") and \
                    name_tail_ok(toks, j, first=not (j - 2 >= hend and is_cap(toks[j - 2]))):
                j += 1
                last = j
                if j < n and toks[j].low == "học" and not toks[j].nl:
                    j += 1  # three-syllable words: "Khảo cổ học", "Sinh học"
                    last = j
                elif j < n and toks[j].text[0].islower() and not toks[j].nl and \
                        (toks[j - 1].low, toks[j].low) in lex.compounds:
                    j += 1  # "Phòng, Chống thiên tai": the tail is a word of its own
                    last = j
            continue
        if t.low == "số" and j + 1 < n and toks[j + 1].text.isdigit():
            j = last = j + 2
            continue
        if t.low == "và" and descriptor and pending <= _MAX_PENDING and \
                _and_to_place(toks, j + 1):
            j += 1  # "Ban Quản lý dự án ... giao thông và nông nghiệp tỉnh Đồng Tháp"
            pending += 1
            continue
        if t.low in ("và", "&", "-") and j + 1 < n and (descriptor or kind == "fixed"):
            nx = toks[j + 1]
            if (is_cap(nx) or is_acronym(nx)) and not (lex.heads.match(toks, j + 1)
                                                       and t.low != "-"
                                                       and not _joint_member(head_low, toks, j + 1)):
                j += 1
                pending += 1
                continue
            if t.low == "-" and nx.text[0].islower() and kind == "fixed":
                j += 1
                pending += 1
                continue
            break
        if t.text == "," and descriptor and not pending and j + 1 < n and is_cap(toks[j + 1]):
            k = _comma_list_end(toks, j + 1)
            if k:
                j = last = k  # "Bộ Văn hóa, Thể thao và Du lịch"
                continue
            if head_low in _COMPANIES and toks[j - 1].text[0].islower() and j + 2 < n and \
                    not lex.heads.match(toks, j + 1) and not lex.titles.match(toks, j + 1) and \
                    toks[j + 2].word and toks[j + 2].text[0].islower() and \
                    (toks[j + 1].low, toks[j + 2].low) in lex.compounds:
                j = last = j + 3  # "Công ty TNHH Đầu tư, Xây dựng Phú Thành": trade fields
                continue
        if t.text == "," and descriptor and not pending and j + 1 < n and \
                toks[j + 1].word and toks[j + 1].text[0].islower() and not toks[j + 1].nl:
            k = _lower_list_end(toks, j + 1)
            if k:
                j = last = k  # "Cục Phát thanh, truyền hình và thông tin điện tử"
                continue
        if t.text == "," and j + 1 < n and (toks[j - 1].low, toks[j + 1].low) in _COMMA_PAIRS:
            j += 1  # "phòng, chống", "phòng cháy, chữa cháy": one name
            pending += 1
            continue
        if descriptor and j + 1 < n and (t.low, toks[j + 1].low) in CLAUSE_VERBS:
            break  # "Bộ Nông nghiệp và Phát triển nông thôn kiến nghị Ủy ban ...": a clause
        if t.word and t.text[0].islower() and t.low not in _STOP and pending < _MAX_PENDING:
            j += 1
            pending += 1
            continue
        break
    # "Hội Khuyến học phường", "Trạm Y tế xã": a ward-level unit word without its name
    # makes the whole name generic
    if last < n and place is None and not toks[last].nl:
        u = lex.units.match(toks, last)
        if u and u[2][1] and u[2][0] not in _DISTRICT_LEVEL and toks[last].text[0].islower() \
                and place_name_end(toks, u[0]) is None:
            return None
    # "Quỹ Vì người nghèo, ...": lower-case words closing a name before a delimiter
    complete = last - hend >= 2 and is_cap(toks[last - 1]) and is_cap(toks[last - 2]) and \
        toks[last - 2].low not in lex.abbrev  # "... Minh Phát vận chuyển, ": a proper name ended
    # "Sở KHĐT báo cáo.", "UBND quận chỉ đạo.": a verb after a finished name is no part of it
    complete = complete or (last > hend and is_acronym(toks[last - 1])) or (
        last + 1 < n and (toks[last].low, toks[last + 1].low) in CLAUSE_VERBS)
    verb_after = j + 1 < n and (toks[j].low, toks[j + 1].low) in CLAUSE_VERBS and \
        toks[last - 1].text[0].islower()  # "... và Chăm sóc sức khỏe sinh sản cho biết"
    if descriptor and last > hend and not complete and (2 <= j - last <= 3 or (
            j - last == 1 and toks[last - 1].text[0].islower())) and j < n and \
            (toks[j].text in (",", ".", ";", ")", ":", "(") or verb_after or
             (toks[j].low in _AUXILIARIES and last - hend >= 2)) and \
            all(toks[k].word and toks[k].text[0].islower() for k in range(last, j)):
        last = j  # "Cục Phát triển doanh nghiệp (Bộ KH&ĐT)", "Vụ Giáo dục đại học được ..."
    # "Ban chỉ đạo phong trào, ...": a capitalised fixed head may end in lower-case words
    # (more of them when they hold "phòng, chống": "Ban Chỉ huy phòng, chống thiên tai, ...")
    paired = any(toks[k].text == "," for k in range(last, j))
    if kind == "fixed" and head_cap and last == hend and 0 < j - last <= (6 if paired else 3) and (
            j >= n or toks[j].nl or toks[j].text in (",", ".", ";", ")", ":")
            or toks[j].low == "và"):
        last = j
    bare = last == hend
    if bare and hend < n and toks[hend].text.isdigit():
        return None  # "UBND 14 phường"
    if bare:
        if kind != "standalone":
            return None
        # "UBND phường" (a ward unit word without its name) is generic
        if hend < n:
            u = lex.units.match(toks, hend)
            if u and u[2][1] and u[2][0] not in _DISTRICT_LEVEL and not toks[hend].nl:
                return None
    return last, place, bare


def _extend_to_parenthesis(toks: list[Tok], j: int) -> int:
    """"Tổng công ty Đầu tư phát triển nhà và đô thị (HUD)": lower-case words between a name
    and the abbreviation in parentheses that follows belong to the name."""
    n = len(toks)
    k = j
    while k < n and k - j < 6 and toks[k].word and toks[k].text[0].islower() and \
            not toks[k].nl and (toks[k].low not in _STOP or toks[k].low == "và"):
        k += 1
    if k > j and k + 2 < n and toks[k].text == "(" and is_acronym(toks[k + 1]) and \
            toks[k + 2].text == ")":
        tail = [t.text for t in toks[j:k] if t.low != "và"]
        if initials(" ".join(tail)) == toks[k + 1].text.upper():
            return j  # "Chính phủ và doanh nghiệp (DN)": the parenthesis abbreviates the tail
        return k
    return j


def _past_inner_abbreviation(toks: list[Tok], i: int, j: int, text: str
                             ) -> tuple[list[Tok], int, int | None] | None:
    """"Ủy ban nhân dân (UBND) quận Hoàng Mai", "Ủy ban Kiểm tra (UBKT) Trung ương": a name
    that goes on after the abbreviation it defines. Returns the tokens without the
    parenthesis, the end and the place token of the name in them; None when it stops there."""
    n = len(toks)
    if not (j + 3 < n and toks[j].text == "(" and is_acronym(toks[j + 1]) and
            toks[j + 2].text == ")" and not toks[j + 3].nl and toks[j + 3].word):
        return None
    rest = toks[:j] + toks[j + 3:]
    res = _scan(rest, i, text)
    if res is None or res[0] <= j:
        return None
    return rest, res[0], res[1]


def find_orgs(text: str, toks: list[Tok], acronyms: dict[str, str]) -> list[OrgSpan]:
    """Organisation spans (token and character offsets into the normalised text)."""
    out: list[OrgSpan] = []
    lex = lexicon()
    i, n = 0, len(toks)
    while i < n:
        t = toks[i]
        if t.low not in lex.heads.by_first and not (t.text[:1] == "P" and len(t.text) in (2, 4)):
            i += 1
            continue
        res = _scan(toks, i, text)
        if res is None:
            hm = lex.heads.match(toks, i)
            i = max(i + 1, hm[0] - 1) if hm else i + 1
            continue
        j, place, bare = res
        j = _extend_to_parenthesis(toks, j)
        inner = _past_inner_abbreviation(toks, i, j, text)
        if inner:
            # described without the parenthesis, so the key is the one the plain name gets
            rest, jr, place = inner
            span = OrgSpan(t.start, rest[jr - 1].end, i=i, j=jr, bare=False)
            _describe(span, rest, text, acronyms, place)
            span.j = j = jr + 3
        else:
            span = OrgSpan(t.start, toks[j - 1].end, i=i, j=j, bare=bare)
            _describe(span, toks, text, acronyms, place)
        out.append(span)
        i = j
    _resolve_bare(out)
    _resolve_acronym_variants(out)
    return out


def _expand(tok: Tok) -> str:
    lex = lexicon()
    exp = lex.abbrev.get(tok.low)
    return exp if exp else tok.text


def _describe(span: OrgSpan, toks: list[Tok], text: str, acronyms: dict[str, str],
              place: int | None = None) -> None:
    """Long name, canonical key "body|place", abbreviations; ``place`` is the token where the
    scan found the place ("quận Hoàng Mai", "Trung ương", the name after "Quận ủy")."""
    lex = lexicon()
    body_parts, place_parts, abbrevs, acr = [], [], [], None
    for k in range(span.i, span.j):
        t = toks[k]
        in_place = place is not None and k >= place
        if t.text in _QUOTES_OPEN or t.text in _QUOTES_CLOSE:
            continue
        hm = lex.heads.match(toks, k) if k == span.i else None
        if t.text in acronyms:
            acr = acronyms[t.text]
            word = acr
        elif hm and hm[0] == k + 1 and hm[2][1] and hm[2][0] == "name":
            abbrevs.append(t.text)
            word = hm[2][1]  # "EVN" → "Tập đoàn Điện lực Việt Nam"
        elif t.low in lex.abbrev:
            abbrevs.append(t.text)
            word = lex.abbrev[t.low]
        else:
            word = t.text
        (place_parts if in_place else body_parts).append(word)
    if place_parts and fold(" ".join(place_parts)) == "việt nam":
        body_parts, place_parts = body_parts + place_parts, []  # a national body's name
    # (in keys, "Văn hóa, Thể thao và Du lịch" and "Văn hóa - Thể thao và Du lịch" are one)
    body = " ".join(_tidy(fold(" ".join(body_parts))).replace(" - ", " ").replace(", ", " ")
                    .split())
    place = canonical_place(" ".join(place_parts)) if place_parts else None
    if _UNIT_CODE.fullmatch(body.replace(" ", "").upper()):
        body = body.replace(" ", "")  # "PC 67" is "PC67"
    span.body = body
    span.place = place
    span.value = body + ("|" + place if place else "")
    name = _tidy(" ".join(body_parts + place_parts))
    name = name[0].upper() + name[1:] if name else name
    span.attrs = {"name": name}
    if abbrevs:
        span.attrs["abbreviation"] = " ".join(abbrevs)
    if place:
        span.attrs["place"] = place
    if acr:
        span.attrs["acronym_of"] = acr
    # (a bare abbreviation or acronym of such a body, "UBND", "TYT", is one too)
    if _nominal(toks, span.i, span.j) or fold(name).lower() in LEVEL_HEADS:
        span.attrs["nominal"] = True


# bodies that every province, district or commune has: named by one of these and level words
# only ("UBND tỉnh", "Ban Thường vụ Quận ủy", "Công an huyện"), a mention points at a body the
# context gives, not at a name. General news annotation (VLSP 2018) leaves such mentions
# untagged: in its dev split none of 38 "UBND tỉnh", 66 "Thành ủy" or 22 "Công an tỉnh" is
# tagged ORG (nlp/README.md). The archive keeps them, keyed by the place the context gives.
LEVEL_HEADS = frozenset(fold(h).lower() for h in (
    "Ủy ban nhân dân", "UBND", "Hội đồng nhân dân", "HĐND", "Ủy ban Mặt trận Tổ quốc",
    "Ủy ban MTTQ", "UBMTTQ", "UBMTTQVN", "Ủy ban MTTQ Việt Nam", "Ủy ban Mặt trận Tổ quốc Việt Nam",
    "Mặt trận Tổ quốc", "MTTQ", "Thành ủy", "Tỉnh ủy", "Huyện ủy", "Quận ủy", "Thị ủy",
    "Đảng ủy", "Công an", "Trạm y tế", "TYT", "Văn phòng UBND", "Văn phòng HĐND và UBND",
    "Văn phòng Quận ủy", "Văn phòng Huyện ủy",
    # and the two national bodies news names by their common noun (dev: 0 of 110 "Chính
    # phủ", 1 of 28 "Quốc hội" tagged)
    "Chính phủ", "Quốc hội",
    # and bodies every district, court case or company has, named by their common noun
    "Thủ tướng Chính phủ", "BHXH", "Bảo hiểm xã hội", "Trung tâm Y tế", "TTYT",
    "Viện Kiểm sát", "Viện kiểm sát", "VKS", "Viện kiểm sát nhân dân", "VKSND",
    "Tòa án nhân dân", "TAND", "Hội đồng quản trị", "HĐQT", "Ban Giám hiệu", "Ban giám hiệu",
    "Ban kiểm soát", "Ban điều hành", "Hội đồng thành viên"))


def _nominal(toks: list[Tok], i: int, j: int) -> bool:
    """True when tokens i..j are heads and level words only and the last head is one of
    ``LEVEL_HEADS`` ("Văn phòng UBND tỉnh": yes; "Văn phòng Chính phủ", "UBND quận Hoàng
    Mai": no)."""
    lex = lexicon()
    last = None
    k = i
    while k < j:
        hm = lex.heads.match(toks, k)
        if hm and hm[0] <= j and hm[2][0] in ("standalone", "fixed"):
            last = " ".join(t.low for t in toks[k:hm[0]])
            k = hm[0]
            continue
        u = lex.units.match(toks, k)
        if u and u[0] <= j and last is not None:
            k = u[0]
            continue
        return False
    return last is not None and fold(last) in LEVEL_HEADS


# provinces that are centrally-run cities: their bare name takes "thành phố", others "tỉnh"
_CITIES = {"hà nội", "hồ chí minh", "hải phòng", "đà nẵng", "cần thơ", "huế"}
_CITY_ALIASES = {"tp.hcm": "hồ chí minh", "tphcm": "hồ chí minh", "tp hcm": "hồ chí minh",
                 "hcm": "hồ chí minh", "sài gòn": "hồ chí minh", "tp.hồ chí minh": "hồ chí minh",
                 "thủ đô": None}


def _known_place(name: str) -> bool:
    gaz = gazetteer()
    return name in gaz.names or name in gaz.provinces


def canonical_place(words: str) -> str:
    """One spelling per place in keys: "Hà Nội", "TP Hà Nội", "TP. Hà Nội", "thành phố Hà
    Nội" are all "thành phố hà nội"; "TP.HCM" is "thành phố hồ chí minh"; a province named
    without its unit word gets it ("Nghệ An" → "tỉnh nghệ an")."""
    place = _tidy(fold(words)).strip()
    for full in ("thành phố", "thị xã", "quận", "phường"):  # "TX. Sơn Tây", "Q. Hoàng Mai"
        place = place.replace(full + ".", full)
    for short, full in (("q.", "quận"), ("p.", "phường")):
        if place.startswith(short) and len(place) > 2 and not place[2].isdigit():
            place = full + " " + place[2:].strip()
    place = " ".join(place.split())
    if "-" in place:  # "bà rịa-vũng tàu" and "bà rịa - vũng tàu" are one place
        place = " - ".join(x.strip() for x in place.split("-"))
        plain = place.replace(" - ", " ")  # "thừa thiên - huế" is the gazetteer's without one
        if _known_place(plain) or (_known_place(plain.split(" ", 1)[-1]) and
                                   not _known_place(place.split(" ", 1)[-1])):
            place = plain
    if _CITY_ALIASES.get(place):
        return "thành phố " + _CITY_ALIASES[place]
    for unit, full in (("thành phố ", "thành phố"), ("tỉnh ", "tỉnh"), ("tp. ", "thành phố"),
                       ("tp ", "thành phố"), ("tp.", "thành phố")):
        if place.startswith(unit):
            name = place[len(unit):].strip()
            if name in _CITIES:
                full = "thành phố"
            return f"{full} {name}" if name else full
    if place in _CITIES or (place in gazetteer().provinces and " " in place):
        return ("thành phố " if place in _CITIES else "tỉnh ") + place
    return place


def _tidy(words: str) -> str:
    """Words joined by spaces, punctuation put back against the word before it."""
    return words.replace(" .", ".").replace(" ,", ",")


def toks_upper(word: str) -> bool:
    """Three or more capitals: "KHĐT", "TTTT"."""
    return len(word) >= 3 and sum(c.isupper() for c in word) >= 3


def _acronym_letters(words: list[str]) -> str:
    """Initials of a body's descriptor as its acronym writes them (no "và": "TTTT")."""
    return "".join(w[0].upper() for w in words if w != "và" and w[:1].isalpha())


def _resolve_acronym_variants(orgs: list[OrgSpan]) -> None:
    """"Sở KHĐT" after "Sở Kế hoạch và Đầu tư": an acronym no list expands takes the key of
    the body in the same text whose descriptor it abbreviates ("Sở TTTT", "Sở TT-TT")."""
    lex = lexicon()
    full = [o for o in orgs if not o.bare]
    for o in orgs:
        if o.attrs.get("abbreviation") is None and not any(
                toks_upper(w) for w in o.attrs.get("name", "").split()[1:]):
            continue  # no acronym in the name (the common case)
        words = o.attrs.get("name", "").split()
        for x, w in enumerate(words):
            letters = "".join(c for c in w if c.isalpha())
            if x == 0 or len(letters) < 3 or not letters.isupper() or fold(w) in lex.abbrev:
                continue
            prefix = fold(" ".join(words[:x]))
            for f in full:
                if f is o or not f.body.startswith(prefix + " "):
                    continue
                rest = f.body[len(prefix) + 1:].split()
                if _acronym_letters(rest) == letters.upper():
                    place = o.place or f.place
                    o.value = f.body + (f"|{place}" if place else "")
                    o.attrs["resolved_from"] = f.attrs["name"]
                    break
            break


def _resolve_bare(orgs: list[OrgSpan]) -> None:
    """A bare "UBND" / "BCĐ" takes the key of the nearest full name of the same body."""
    full = [o for o in orgs if not o.bare]
    for o in orgs:
        if not o.bare:
            continue
        best = None
        for f in full:
            if f.body == o.body or f.body.startswith(o.body + " ") or \
                    f.value.replace("|", " ") == o.body:
                dist = abs(f.start - o.start) + (0 if f.start < o.start else 100000)
                if best is None or dist < best[0]:
                    best = (dist, f)
        if best:
            o.value = best[1].value
            o.attrs["resolved_from"] = best[1].attrs["name"]
