"""PERSON mentions: named people with honorifics, titles, organisation and "Nguyên" (former).

Span conventions:
- The span is the name only: "Vũ Đức Hải"; the honorific ("đồng chí", "đ/c", "ông", "bà", ...)
  and titles are attributes. A given name alone after an honorific is a mention too
  ("ông Tâm cho biết").
- Titles are read in both word orders: after the name, as segments separated by " - ", ",",
  "kiêm" or "(" ("đồng chí Đinh Văn Long - Quận ủy viên - Trưởng phòng Văn hóa và Thông tin, Phó thường
  trực BCĐ ..."), and before it ("Chủ tịch UBND quận Hoàng Mai Nguyễn Minh Tâm",
  "Phó Chủ tịch UBND quận, đồng chí Lê Văn B", "Đại tá Trần Văn C").
- A title is its words plus the organisation that directly follows ("Chủ tịch UBND phường Hoàng
  Liệt"), "Nguyên"/"Phó"/"Thường trực" included; each title is recorded as written.
- A role without a name ("Chủ tịch UBND phường") is not a person.

attrs: honorific, titles (list), organization and org_key (from the first title naming an
organisation), former (a title starting with "Nguyên").
"""
from __future__ import annotations

import re

from .lexicon import Tok, is_acronym, is_cap, lexicon
from .normalize import fold
from .org import OrgSpan, name_tail_ok
from .places import gazetteer, place_name_end
from .records import TokenSpan

__all__ = ["find_persons"]

_KIN_HONORIFICS = {"ông", "bà", "anh", "chị", "cô", "chú", "bác", "em", "cháu", "cụ", "thầy"}
_SEPARATORS = {"-", ",", "(", "kiêm"}
# a name written as initials: "Đ.T.H", "N.V.T" (the tokenizer keeps inner full stops)
_INITIALS = re.compile(r"[A-ZĐ](?:\.[A-ZĐ]){1,3}")
_NOT_PLACES_FOR_NAMES = {"hồ chí minh"}
_CAN = {"giáp", "ất", "bính", "đinh", "mậu", "kỷ", "canh", "tân", "nhâm", "quý"}
_CHI = {"tý", "sửu", "dần", "mão", "mẹo", "thìn", "tỵ", "tị", "ngọ", "mùi", "thân", "dậu",
        "tuất", "hợi"}


class _Ctx:
    def __init__(self, text: str, toks: list[Tok], orgs: list[OrgSpan], blocked: list[bool]):
        self.text = text
        self.toks = toks
        self.orgs = orgs
        self.blocked = blocked
        self.org_by_tok: dict[int, OrgSpan] = {}
        for o in orgs:
            for k in range(o.i, o.j):
                self.org_by_tok[k] = o
        self.lex = lexicon()
        # given names of the people named in full ("Vũ Chiến Thắng" → "thắng"): a later
        # "Thứ trưởng Thắng" names the same person
        self.given: set[str] = set()
        for k, t in enumerate(toks):
            if t.low in self.lex.surnames and t.cap:
                e = k + 1
                while e < len(toks) and e - k < 4 and is_cap(toks[e]) and not toks[e].nl:
                    e += 1
                if e - k >= 3:
                    self.given.add(toks[e - 1].low)

    def gap_ok(self, a: int, b: int) -> bool:
        """Tokens a and b are on the same line."""
        return "\n" not in self.text[self.toks[a].end:self.toks[b].start]


def _title_at(c: _Ctx, i: int) -> tuple[int, bool, OrgSpan | None] | None:
    """(end token, former, organisation) of a title starting at token i."""
    toks, lex, n = c.toks, c.lex, len(c.toks)
    k, former = i, False
    if k < n and toks[k].low == "nguyên":
        former = True
        k += 1
    if k < n and toks[k].low == "phó" and k + 1 < n and lex.titles.match(toks, k + 1):
        k += 1
    if k >= n:
        return None
    tm = lex.titles.match(toks, k)
    if not tm:
        return None
    if tm[1].isupper() and not toks[k].text.isupper():
        return None  # "PCT", "CT", "PGĐ": abbreviations only in capitals
    if tm[1].lower() in ("phó", "trưởng", "thường trực") and k == i and not toks[k].cap:
        return None
    k = tm[0]
    if k + 1 < n and toks[k].low == "thường" and toks[k + 1].low == "trực":
        k += 2
    org = None
    # an organisation that starts inside the title ("Trưởng phòng Văn hóa") or right after it
    for kk in range(i, min(k + 1, n)):
        o = c.org_by_tok.get(kk)
        if o is not None and o.j > k:
            org = o
            k = o.j
            break
    else:
        o = c.org_by_tok.get(k)
        if o is not None and o.i == k:
            org = o
            k = o.j
        else:
            k = _title_tail(c, k)
    if tm[1].lower() in ("phó", "trưởng") and org is None and k == tm[0]:
        return None
    if org is not None:
        k = _org_chain(c, k)
    return k, former, org


def _org_chain(c: _Ctx, k: int) -> int:
    """"Phó Cục trưởng Cục Báo chí, Bộ TT&TT Hoàng Minh Tuấn": the organisations a title
    names, separated by commas, run on to the name that follows them."""
    toks, n = c.toks, len(c.toks)
    e = k
    for _ in range(2):
        if not (e + 1 < n and toks[e].text == "," and c.gap_ok(e, e + 1)):
            break
        o = c.org_by_tok.get(e + 1)
        if o is None or o.i != e + 1:
            break
        e = o.j
        if e < n and toks[e].low in c.lex.surnames and is_cap(toks[e]) and \
                _looks_like_name(c, e) and c.gap_ok(e - 1, e):
            return e
    return k


_TITLE_STOP = {"cho", "là", "đã", "sẽ", "đang", "được", "và", "với", "tại", "trên", "của", "về",
               "khi", "thì", "mà", "này", "đó", "phát", "chủ", "trì", "dự", "báo", "trao", "kiểm"}


def _title_tail(c: _Ctx, k: int) -> int:
    """End of the unrecognised organisation part of a title: "Trạm Y tế phường",
    "Hội Khuyến học phường", "nhà trường" — up to the last solid word before a delimiter."""
    toks, lex, n = c.toks, c.lex, len(c.toks)
    last, j, pending = k, k, 0
    while j < n and j - k < 14:
        t = toks[j]
        if t.nl:
            break
        if t.text[0].islower() and j + 1 < n and (t.low, toks[j + 1].low) in lex.compounds:
            j = last = j + 2
            pending = 0
            continue
        u = lex.units.match(toks, j)
        if u and t.text[0].islower() and not pending:
            pe = place_name_end(toks, u[0], admin=u[2][1])
            j = last = pe or u[0]
            pending = 0
            continue
        hm = lex.heads.match(toks, j)
        if hm and t.text[0].isupper() and not pending:
            j = last = hm[0]
            continue
        if is_cap(t) or is_acronym(t):
            if t.low in c.given and (j + 1 >= n or not is_cap(toks[j + 1])):
                break  # "Thứ trưởng Thắng"
            if pending or lex.titles.match(toks, j) or lex.honorifics.match(toks, j) or \
                    (toks[j].low in lex.surnames and _looks_like_name(c, j)):
                break
            j = last = j + 1
            pending = 0
            if j < n and is_cap(t) and toks[j].text[0].islower() and \
                    not lex.units.match(toks, j) and \
                    name_tail_ok(toks, j, first=not (j - 2 >= k and is_cap(toks[j - 2]))):
                j = last = j + 1  # "Khuyến học", "Thông tin"
            continue
        if t.low == "số" and j + 1 < n and toks[j + 1].text.isdigit():
            j = last = j + 2
            continue
        if t.word and t.text[0].islower() and t.low not in _TITLE_STOP and pending < 3:
            j += 1
            pending += 1
            continue
        break
    return last


def _sentence_start(toks: list[Tok], i: int) -> bool:
    return i == 0 or toks[i].nl or toks[i - 1].text in (".", "!", "?", ":", "“", '"', "(", ";",
                                                         "-", "…")


def _looks_like_name(c: _Ctx, j: int) -> bool:
    k = j
    while k < len(c.toks) and is_cap(c.toks[k]) and k - j < 5:
        k += 1
    return 2 <= k - j <= 4


def _name_run(c: _Ctx, j: int, limit: int = 4) -> int:
    """Number of Title-case name syllables starting at token j."""
    toks, lex, n = c.toks, c.lex, len(c.toks)
    k = j
    while k < n and k - j < limit and is_cap(toks[k]) and not c.blocked[k] \
            and toks[k].text.replace("'", "").replace("’", "").isalpha():
        if k > j:
            if not c.gap_ok(k - 1, k) or toks[k].start - toks[k - 1].end != 1:
                break
            # names hold words that are also honorifics or heads ("Vân Anh", "Đình",
            # "Trường"): only titles, standalone bodies and administrative units end them
            hm = lex.heads.match(toks, k)
            um = lex.units.match(toks, k)
            initial = len(toks[k].text) == 1 and k + 1 < n and toks[k + 1].text == "." and \
                toks[k + 1].glued and (k + 2 >= n or not is_cap(toks[k + 2]) or toks[k + 2].nl)
            # a unit word ends the name when its place's name follows ("Nguyễn Văn Huyện,"
            # is a man, "... Văn An Phường 5" a man and his ward)
            named = um is not None and um[0] < n and not toks[um[0]].nl and \
                (is_cap(toks[um[0]]) or toks[um[0]].text.isdigit())
            if lex.titles.match(toks, k) or (hm and hm[2][0] == "standalone") or \
                    (um and um[2][1] and not initial and named):  # "Hà Văn Q." is no "Q."
                break
        k += 1
    return k - j


def find_persons(text: str, toks: list[Tok], orgs: list[OrgSpan], blocked: list[bool]
                 ) -> list[TokenSpan]:
    c = _Ctx(text, toks, orgs, blocked)
    lex, n = c.lex, len(toks)
    gaz = gazetteer()
    # titles by end token, for the title-before-name order
    titles_by_end: dict[int, list[tuple[int, bool, OrgSpan | None]]] = {}
    for i in range(n):
        if toks[i].low in lex.titles.by_first or toks[i].low == "nguyên":
            t = _title_at(c, i)
            if t:
                titles_by_end.setdefault(t[0], []).append((i, t[1], t[2]))
    consumed: set[int] = set()  # title start tokens already given to a person
    out: list[TokenSpan] = []
    full_names: list[str] = []
    i = 0
    while i < n:
        if blocked[i]:
            i += 1
            continue
        hon = None
        start = i
        hm = lex.honorifics.match(toks, i)
        if hm and toks[i].text[0].isupper() and not _sentence_start(toks, i):
            hm = None  # "chợ Bà Chiểu", "Hai Bà Trưng": a capitalised "Bà" inside a name
        if hm and hm[0] < n and c.gap_ok(hm[0] - 1, hm[0]):
            hon = (i, hm[0], toks[i].text[0].isupper())
            start = hm[0]
        credit = start >= 2 and toks[start - 1].text == ":" and toks[start - 2].low == "ảnh"
        # "em Đ.T.H": initials after an honorific name a person; in a credit ("Ảnh: N.H",
        # "Tin, ảnh: D.T.T.H") they stand for a reporter and are no person
        initials = hon is not None and start < n and \
            _INITIALS.fullmatch(toks[start].text) and not blocked[start]
        if start >= n or not (is_cap(toks[start]) or initials) or blocked[start]:
            i += 1
            continue
        # (an Ê Đê name may run to five syllables: "Y Thanh Hà Niê Kđăm")
        run = 1 if initials else _name_run(c, start, 5 if toks[start].text == "Y" else 4)
        lead = next((x for x in (3, 2) if x < run and " ".join(
            t.low for t in toks[start:start + x]) in lex.places), 0)
        if lead and not hon:
            i = start + lead
            continue  # "Thái Lan Prawit", "Hàn Quốc Kim": a country before a foreign name
        tm_start = lex.titles.match(toks, start) if not initials else None
        if tm_start and (not hon or tm_start[0] > start + run):
            i = start + max(run, 1)
            continue  # "Chánh Thanh tra" is a title, not "Chánh Thanh"; "ông Chánh Văn phòng"
        shm = lex.heads.match(toks, start)
        if shm and shm[0] - start >= 2 and shm[0] - start >= run:
            i += 1
            continue  # "Đoàn Thanh niên các phường": a body, not "Đoàn Thanh"
        pre = _pre_titles(c, hon[0] if hon else start, titles_by_end, consumed)
        if not hon and not initials and not pre and _named_after(toks, start):
            i = start + max(run, 1)
            continue  # "tượng đài Lý Thái Tổ" is a statue (but "Hiệu trưởng nhà trường X")
        ok = bool(initials)  # "em Đ.T.H": a person named by initials only
        if run >= 2 and (hon or toks[start].low in lex.surnames or pre):
            ok = True
        elif run == 1 and hon and (fold(toks[hon[0]].text) in _KIN_HONORIFICS
                                   or toks[start].low in {f.split()[-1] for f in full_names}):
            ok = True
        elif run == 1 and pre and toks[start].low in {f.split()[-1] for f in full_names}:
            ok = True  # "Thứ trưởng Thắng": the official named in full earlier
        if credit and 2 <= run <= 3 and (start + run >= n or toks[start + run].nl or
                                         toks[start + run].text in (")", ".")):
            ok = True  # "Ảnh: Quang Vinh)": a photographer's credit
        if ok and not hon and not pre and toks[start].text == "Y" and \
                toks[start + 1].low in _MEDICINE:
            ok = False  # "ngành Y Dược": medicine, not a man named "Y ..."
        if ok and run == 2 and toks[start].low in _CAN and toks[start + 1].low in _CHI:
            ok = False  # a year of the sexagenary cycle: "Giáp Thìn", "Đinh Dậu"
        if ok:
            name_low = " ".join(t.low for t in toks[start:start + run])
            if not hon and (name_low in gaz.provinces or name_low in lex.places) and \
                    name_low not in _NOT_PLACES_FOR_NAMES:
                ok = False
            if run == 1 and (name_low in gaz.provinces or name_low in lex.places):
                ok = False
        if not ok:
            i += 1
            continue
        end = start + run
        last = toks[end - 1].text
        if end < n and toks[end].text == "." and toks[end].glued and (
                (len(last) == 1 and last.isupper()) or _INITIALS.fullmatch(last)):
            end += 1  # "Nguyễn Văn T.", "N.V.T.": the full stop abbreviates the name
        name = text[toks[start].start:toks[end - 1].end]
        attrs: dict = {}
        if hon:
            attrs["honorific"] = fold(text[toks[hon[0]].start:toks[hon[1] - 1].end])
        if credit:
            attrs["credit"] = True  # named in a photo credit ("Ảnh: ...")
        titles: list[tuple[int, int, bool, OrgSpan | None]] = []
        for (ts, te, former, org) in pre:
            titles.append((ts, te, former, org))
            consumed.update(range(ts, te))
        k = end
        if k < n and toks[k].cap and c.gap_ok(k - 1, k) and k not in consumed:
            t = _title_at(c, k)
            if t and t[2] is not None:  # "Lê Văn Thắng Chủ tịch UBND phường X" (no comma)
                titles.append((k, t[0], t[1], t[2]))
                consumed.update(range(k, t[0]))
                k = t[0]
        while k < n and toks[k].text in _SEPARATORS and k + 1 < n and c.gap_ok(k, k + 1):
            t = _title_at(c, k + 1)
            if not t:
                break
            titles.append((k + 1, t[0], t[1], t[2]))
            consumed.update(range(k + 1, t[0]))
            k = t[0]
            if k < n and toks[k].text == ")":
                k += 1
                break
        if hon and lex.titles.match(toks, hon[0]) and lex.titles.match(toks, hon[0])[0] == hon[1]:
            titles.insert(0, (hon[0], hon[1], False, None))  # "Bác sĩ", "Tiến sĩ": a rank too
        attrs["titles"] = [text[toks[ts].start:toks[te - 1].end] for ts, te, _, _ in titles]
        attrs["former"] = any(f for _, _, f, _ in titles)
        if titles:
            org = next((o for _, _, _, o in titles if o is not None), None)
            if org is not None:
                attrs["organization"] = text[org.start:org.end]
                attrs["org_key"] = org.value
        out.append(TokenSpan(toks[start].start, toks[end - 1].end, name, attrs, i=start, j=end))
        if run >= 2:
            full_names.append(name_low)
        i = k if k > end else end
    return out


# things named after people: a name right after them (a few words in between) is the
# thing's name, not a person in the news ("tượng đài Lý Thái Tổ", "Giải thưởng báo chí Ngô
# Tất Tố", "đền thờ Nguyễn Trãi", "công viên Lê Nin", "trường mang tên Lê Quý Đôn")
_NAMED_AFTER_WORDS = {"tượng", "giải", "đền", "lăng", "cầu", "trường", "đình",
                      "chùa", "miếu", "mộ", "quỹ"}
_NAMED_AFTER_PAIRS = {("tượng", "đài"), ("giải", "thưởng"), ("đền", "thờ"), ("công", "viên"),
                      ("vườn", "hoa"), ("lưu", "niệm"), ("huân", "chương"), ("học", "bổng"),
                      ("mang", "tên"), ("kỷ", "niệm")}
# ... but not as the end of another word ("gia đình Nguyễn Văn An" is his family)
_NOT_NAMED_AFTER = {("gia", "đình"), ("triều", "đình"), ("yêu", "cầu"), ("nhu", "cầu"),
                    ("toàn", "cầu"), ("thị", "trường"), ("môi", "trường"), ("hiện", "trường"),
                    ("chiến", "trường"), ("lập", "trường"), ("thương", "trường"),
                    ("công", "trường"), ("hòa", "giải"), ("hâm", "mộ"), ("tuyển", "mộ"),
                    ("chiêu", "mộ"), ("phân", "giải"), ("lý", "giải"), ("tháo", "gỡ")}
_NAMED_AFTER_STOP = {"cho", "của", "và", "với", "tới", "là", "được", "bởi", "do", "ông", "bà",
                     "đã", "sẽ", "đang", "tại", "ở", "khi", "như", "có", "trao", "tặng", "nhận"}


# after "Y" (medicine) these are fields, not the rest of an Ê Đê man's name
_MEDICINE = {"dược", "khoa", "học", "tế", "sinh", "đức", "bác", "sĩ"}


def _named_after(toks: list[Tok], start: int) -> bool:
    """The name at ``start`` names a statue, a prize, a street, a school (see above)."""
    for k in range(start - 1, max(-1, start - 5), -1):
        t = toks[k]
        if toks[k + 1].nl or not t.word or t.low in _NAMED_AFTER_STOP:
            return False
        if k > 0 and (toks[k - 1].low, t.low) in _NOT_NAMED_AFTER:
            return False
        if t.low in _NAMED_AFTER_WORDS or (k > 0 and (toks[k - 1].low, t.low) in _NAMED_AFTER_PAIRS):
            return True
    return False


def _pre_titles(c: _Ctx, s: int, titles_by_end, consumed) -> list:
    """Titles ending right before token s (", " and an honorific may sit in between)."""
    toks = c.toks
    found = []
    pos = s
    if pos > 0 and toks[pos - 1].text == "," and pos - 1 != s:
        pos_c = pos - 1
    else:
        pos_c = None
    for end in ((pos, pos_c) if pos_c is not None else (pos,)):
        cands = [t for t in titles_by_end.get(end, []) if t[0] not in consumed]
        if cands:
            ts, former, org = min(cands, key=lambda x: x[0])
            if ts < end and c.gap_ok(ts, end - 1):
                found.append((ts, end, former, org))
                # chain: "Ủy viên Ban Thường vụ Quận ủy, Phó Chủ tịch UBND quận X"
                while ts > 1 and toks[ts - 1].text in (",", "-", "kiêm"):
                    more = [t for t in titles_by_end.get(ts - 1, []) if t[0] not in consumed]
                    if not more:
                        break
                    ts2, f2, o2 = min(more, key=lambda x: x[0])
                    found.insert(0, (ts2, ts - 1, f2, o2))
                    ts = ts2
            break
    return found


def person_vetoes(toks: list[Tok]) -> list[tuple[int, int]]:
    """Character spans where the rules refuse a person for a stated reason, so that the CRF
    (nlp/merge.py) may not put one there either: a name after a statue, prize, temple or
    school word ("tượng đài Lý Thái Tổ"), initials that are not after an honorific (a
    reporter's credit, "Tin, ảnh: L.V.K"), a year of the sexagenary cycle ("Giáp Thìn")."""
    lex = lexicon()
    n = len(toks)
    out = []
    for i in range(n):
        t = toks[i]
        if not t.word or not t.text[:1].isupper():
            continue
        prev = toks[i - 1].low if i else ""
        after_hon = bool(i and lex.honorifics.match(toks, i - 1))
        if _INITIALS.fullmatch(t.text) and not after_hon:
            out.append((t.start, t.end))
        elif i + 1 < n and t.low in _CAN and toks[i + 1].low in _CHI and \
                toks[i + 1].text[:1].isupper():
            out.append((t.start, toks[i + 1].end))
        elif (i == 0 or not toks[i - 1].cap) and not after_hon and prev not in lex.titles.by_first \
                and _named_after(toks, i):
            j = i
            while j + 1 < n and toks[j + 1].cap and not toks[j + 1].nl:
                j += 1
            out.append((t.start, toks[j].end))
    return out
