"""ORG, LOC and PERSON together: they share tokens and block each other.

Order: organisations first (their names hold places and look like names), then places outside
organisations, then people outside both; the spans never overlap (flat annotation).
"""
from __future__ import annotations

from bisect import bisect_left

import re
from functools import lru_cache

from .lexicon import PhraseTable, Tok, is_acronym, is_cap, lexicon, tokenize
from .org import OrgSpan, canonical_place, find_acronyms, find_orgs
from .person import find_persons
from .places import (gazetteer, new_unit_for, place_name_end, strip_key, unit_name_start,
                     ward_divided)

__all__ = ["Doc", "prepare"]

_NO_BARE_LOC = {"hồ chí minh"}
_LISTED_UNITS = {"street", "road", "alley"}
_PLACE_PREPOSITIONS = {"tại", "ở", "về", "đến", "khắp", "qua", "quê", "lên", "vào", "ra", "từ",
                       "thăm", "khỏi", "quanh", "thuộc", "ngoài", "ghé", "là", "như", "giữa",
                       "xuống", "rời"}
# after these only district names (not a family name first) are taken: "là Cai Lậy"
_WEAK_PREPOSITIONS = {"là", "như"}
# capitalised first words of names of natural places ("Hòn Tằm", "Bãi Sao", "Mũi Né")
_FEATURE_FIRST = {"hòn", "bãi", "mũi", "cồn", "gành", "ghềnh", "thác", "đèo", "vịnh"}
_WARD_TYPES = {"ward", "commune", "township"}
_DISTRICT_TYPES = {"district", "town", "city"}


def _higher_unit(utype: str, name: str) -> str | None:
    """The level a name listed after a unit of ``utype`` has when it is a higher one: a
    province after a district ("huyện Quỳnh Lưu, Nghệ An"), a district after a ward."""
    gaz = gazetteer()
    if utype in _DISTRICT_TYPES | _WARD_TYPES and name in gaz.provinces and \
            name not in gaz.district_names:
        return "province"
    if utype in _WARD_TYPES and name in gaz.district_names:
        return "district"
    return None


# the regions, most often written with a lower-case "bộ": "Nam bộ", "Tây Nam bộ"
_REGION_FIRST = {"bắc", "trung", "nam", "tây", "đông"}
# "Nam bộ đội": not the region
_BO_COMPOUNDS = {("bộ", "đội"), ("bộ", "phận"), ("bộ", "máy"), ("bộ", "trưởng"), ("bộ", "luật")}


def _region_end(toks, i: int) -> int | None:
    """End of "Nam bộ", "Đông Nam bộ", "Bắc Trung bộ" at token i (the lower-case spelling of
    places.txt's "Nam Bộ"); not inside a longer capitalised name."""
    if not (is_cap(toks[i]) and toks[i].low in _REGION_FIRST) or \
            (i > 0 and is_cap(toks[i - 1]) and not toks[i].nl):
        return None
    k = i + 1
    if k < len(toks) and is_cap(toks[k]) and toks[k].low in _REGION_FIRST and not toks[k].nl:
        k += 1
    if k < len(toks) and toks[k].text == "bộ" and not toks[k].nl and not toks[k].glued and \
            not (k + 1 < len(toks) and (toks[k].low, toks[k + 1].low) in _BO_COMPOUNDS):
        return k + 1
    return None


# after these a capitalised name the gazetteer does not know is still a place ("ở Linh Đàm")
_STRONG_PREPOSITIONS = {"tại", "ở"}
_PLURAL = {"các", "những", "hai", "ba", "bốn", "năm"}
_NOT_UNITS = {("gia", "đình"), ("già", "làng"), ("triều", "đình"), ("bán", "đảo"), ("sân", "đình"),
              ("hải", "đảo"), ("quần", "đảo"), ("văn", "bản"), ("ký", "bản"), ("một", "bản"),
              ("phiên", "bản"), ("nguyên", "bản"), ("cơ", "bản"), ("tư", "bản"), ("căn", "bản"),
              ("nhật", "bản"), ("xuất", "bản"), ("kịch", "bản"), ("hồ", "sơ"), ("chăm", "sóc"),
              ("truyền", "hình"), ("quả", "cầu"), ("nhu", "cầu"), ("yêu", "cầu"),
              ("toàn", "cầu"), ("đề", "tháp"), ("kim", "tự")}
_FACILITIES = PhraseTable({f: None for f in ("Nhà văn hóa", "Nhà văn hoá", "Nhà thi đấu",
                                             "Cung văn hóa", "Sân vận động", "Trạm bơm",
                                             "Nhà máy nước", "Bến xe", "Ga", "Quảng trường",
                                             "Vườn quốc gia", "Khu du lịch", "Làng cổ",
                                             "Hầm chui", "Khu đô thị", "Công viên")})


@lru_cache(maxsize=1)
def _long_places() -> PhraseTable:
    """Place names written with lower-case words ("Cộng hòa xã hội chủ nghĩa Việt Nam")."""
    from .lexicon import read_list
    return PhraseTable({p: None for p in read_list("places.txt")
                        if any(w[:1].islower() or not w[:1].isalpha() for w in p.split()[1:])})


class Doc:
    """Tokens, acronyms and organisations of one normalised text, computed once."""

    def __init__(self, text: str):
        self.text = text
        self.toks: list[Tok] = tokenize(text)
        self.acronyms = find_acronyms(text, self.toks)
        self.orgs = find_orgs(text, self.toks, self.acronyms)
        self._places_in_parentheses()
        self._learn_abbreviations()
        self._org_by_start = {o.start: o.end for o in self.orgs}
        self._org_by_end = {o.end: o.start for o in self.orgs}

    def _places_in_parentheses(self) -> None:
        """"Sở Thông tin và Truyền thông (Hà Nội)": the place in parentheses scopes the body."""
        toks, n = self.toks, len(self.toks)
        for o in self.orgs:
            if o.place or o.j + 2 >= n or toks[o.j].text != "(":
                continue
            k = o.j + 1
            e = k
            while e < n and e - k < 4 and is_cap(toks[e]) and not toks[e].nl:
                e += 1
            if e == k or e >= n or toks[e].text != ")":
                continue
            name = " ".join(t.low for t in toks[k:e])
            if name in gazetteer().provinces or name in lexicon().places:
                o.place = canonical_place(name)
                o.value = f"{o.body}|{o.place}"
                o.attrs["place"] = o.place
                o.attrs["place_from"] = "parenthesis"

    def _learn_abbreviations(self) -> None:
        """"Tập đoàn Điện lực Việt Nam (EVN)": later "EVN" is the same organisation."""
        toks, n = self.toks, len(self.toks)
        learned: dict[str, OrgSpan] = {}
        lex = lexicon()
        paren: list[OrgSpan] = []
        for o in self.orgs:
            j = o.j
            if not (j + 2 < n and toks[j].text == "("):
                continue
            first = toks[j + 1]
            close = next((k for k in range(j + 2, min(n, j + 6)) if toks[k].text == ")"), None)
            if close is None or first.low in lex.places or "." in first.text:
                continue
            if is_acronym(first) and first.low not in lex.abbrev:
                acr = first.text
            elif close == j + 2 and is_cap(first) and len(first.text) > 3 and \
                    first.low not in lex.surnames:
                acr = first.text  # a brand: "(Agribank)", "(Vietcombank)"
            else:
                continue
            if close > j + 2 and not all(is_cap(t) for t in toks[j + 2:close]):
                continue
            o.attrs.setdefault("abbreviation", acr)
            learned.setdefault(acr, o)
            if close > j + 2:  # "(CDC Hà Nội)": the abbreviation with its place
                paren.append(OrgSpan(first.start, toks[close - 1].end, i=j + 1, j=close,
                                     value=o.value, body=o.body, place=o.place, bare=True,
                                     attrs={"name": o.attrs["name"], "abbreviation": acr,
                                            "resolved_from": o.attrs["name"],
                                            **_nominal_of(o)}))
        if not learned:
            return
        covered = set()
        for o in self.orgs + paren:
            covered.update(range(o.i, o.j))
        extra = paren
        for k, t in enumerate(toks):
            if t.text in learned and k not in covered:
                full = learned[t.text]
                span = OrgSpan(t.start, t.end, i=k, j=k + 1, value=full.value,
                               attrs={"name": full.attrs["name"], "abbreviation": t.text,
                                      "resolved_from": full.attrs["name"], **_nominal_of(full)},
                               body=full.body, place=full.place, bare=True)
                extra.append(span)
        self.orgs = sorted(self.orgs + extra, key=lambda o: o.i)

    def org_end_at(self, pos: int) -> int | None:
        """End of an organisation name starting at character ``pos`` (for doc issuers)."""
        return self._org_by_start.get(pos)

    def org_start_before(self, pos: int) -> int | None:
        """Start of an organisation name ending at character ``pos`` (an issuer written
        before its document: "UBND Thành phố ban hành Kế hoạch ...")."""
        return self._org_by_end.get(pos)

    def find(self, taken: list[tuple[int, int]]) -> list[tuple[str, int, int, object, dict]]:
        toks, text = self.toks, self.text
        n = len(toks)
        blocked = [False] * n
        _block(toks, blocked, taken)
        out = []
        orgs = []
        for o in self.orgs:
            if any(blocked[k] for k in range(o.i, o.j)):
                continue
            orgs.append(o)
        for o in orgs:
            for k in range(o.i, o.j):
                blocked[k] = True
        # nothing inside the quoted title of a campaign, contest or event is a place or a person
        for qs, qe in _quoted(toks):
            for k in range(qs, qe):
                blocked[k] = True
        # multi-word honorifics ("Mẹ Việt Nam anh hùng") hold no place
        lex = lexicon()
        for k in range(n):
            hm = lex.honorifics.match(toks, k) if toks[k].low in lex.honorifics.by_first else None
            if hm and hm[0] - k > 2:
                for kk in range(k, hm[0]):
                    blocked[kk] = True
        locs = find_locs(text, toks, blocked, [o.place for o in self.orgs if o.place])
        for s, e, i, j, value, attrs in locs:
            for k in range(i, j):
                blocked[k] = True
            out.append(("LOC", s, e, value, attrs))
        _infer_places(orgs, [(loc[0], loc[4]) for loc in locs])
        for o in orgs:
            out.append(("ORG", o.start, o.end, o.value, o.attrs))
        gaz = gazetteer()
        for p in find_persons(text, toks, orgs, blocked):
            low = p.value.lower()
            if not p.attrs.get("titles") and "honorific" not in p.attrs and \
                    "credit" not in p.attrs and p.j - p.i >= 2 and (
                    low in gaz.district_names or (
                    p.j - p.i == 2 and low in gaz.names)):
                # "Hoàng Mai sơ kết ...", "nút giao Kim Giang": a place named without its unit
                # word (two-syllable names of people without title or honorific are rare)
                kind = "district" if low in gaz.district_names else "place"
                out.append(("LOC", p.start, p.end, p.value, {"unit_type": kind}))
                continue
            out.append(("PERSON", p.start, p.end, p.value, p.attrs))
        return out


_BARE_UNITS = ("quận", "huyện", "thị xã", "thành phố", "tỉnh")


def _unknown_place(toks: list[Tok], i: int, k: int) -> bool:
    """Capitalised words [i, k) after "tại"/"ở" that read as a place the gazetteer does not
    know ("ở Linh Đàm"): not a person's name, a title or an organisation, not the start of a
    longer run, and followed by a delimiter."""
    lex = lexicon()
    if toks[i].low in lex.surnames or lex.titles.match(toks, i) or lex.heads.match(toks, i):
        return False
    if any(not toks[x].text.isalpha() or toks[x].glued for x in range(i, k)):
        return False
    return k >= len(toks) or toks[k].nl or toks[k].text in (",", ".", ";", ")", "(", ":", "và")


_HOUSE_NUMBER = re.compile(r"\d{1,4}[A-Z]?(?:/\d{1,4}[A-Z]?)*")


def _after_house_number(toks: list[Tok], i: int) -> bool:
    """Token i follows a house number written after "số", "nhà", "tại" or "ở"."""
    return i >= 2 and bool(_HOUSE_NUMBER.fullmatch(toks[i - 1].text)) and \
        toks[i - 2].low in ("số", "nhà", "tại", "ở") and not toks[i].nl and \
        not (i >= 3 and toks[i - 3].text[:1].isupper() and toks[i - 2].low == "số")


def _bare_list(toks: list[Tok], k: int, blocked: list[bool], found: list, text: str) -> int:
    """After a place named without its unit word, ", X" and "và X" name more places when X is
    a known unit or place name ("đến Đà Lạt, Bảo Lộc và Phan Thiết"); returns the next token."""
    lex = lexicon()
    gaz = gazetteer()
    n = len(toks)
    while k + 1 < n and toks[k].text in (",", "và") and is_cap(toks[k + 1]) and \
            not toks[k + 1].nl and not blocked[k + 1]:
        e = k + 1
        while e < n and e - k - 1 < 4 and is_cap(toks[e]) and not toks[e].nl and not blocked[e]:
            e += 1
        name = " ".join(x.low for x in toks[k + 1:e])
        if not (1 <= e - k - 1 <= 3 and name not in _NO_BARE_LOC and (
                name in lex.places or (e - k - 1 >= 2 and name in gaz.names))):
            break
        utype = "district" if name in gaz.district_names else "place"
        found.append((k + 1, e, utype, None, text[toks[k + 1].start:toks[e - 1].end]))
        k = e
    return k


def _infer_places(orgs, locs: list[tuple[int, str]]) -> None:
    """"UBND quận" in an article about quận Hoàng Mai is "UBND quận Hoàng Mai": a place given
    by its unit word alone takes the unit of that kind named last before it in the text (the
    key gains the name; ``attrs["place_inferred"]`` says it was inferred). A unit named only
    later is not used: "UBND Thành phố" opening a Hanoi article is not the "TP Hồ Chí Minh" of
    its last paragraph (the store scopes such names by the source instead)."""
    named: dict[str, list[tuple[int, str]]] = {}  # unit word → (position, place), sorted
    for pos, place in [(o.start, o.place) for o in orgs if o.place] + \
            [(s, canonical_place(v)) for s, v in locs]:
        for unit in _BARE_UNITS:
            if place.startswith(unit + " ") and len(place) > len(unit) + 1:
                named.setdefault(unit, []).append((pos, place))
    if not named:
        return
    for places in named.values():
        places.sort()
    starts = {unit: [pos for pos, _ in places] for unit, places in named.items()}
    for o in orgs:
        if o.place in _BARE_UNITS and o.place in named:
            # the last unit of that kind named before the organisation (bisect: long texts)
            k = bisect_left(starts[o.place], o.start)
            if k == 0:
                continue
            best = named[o.place][k - 1][1]
            o.place = best
            o.value = f"{o.body}|{best}"
            o.attrs["place"] = best
            o.attrs["place_inferred"] = True


def _quoted(toks: list[Tok]):
    """Token ranges inside quotes holding at least three words."""
    n = len(toks)
    i = 0
    while i < n:
        if toks[i].text in ("“", '"', "«"):
            for k in range(i + 1, min(n, i + 30)):
                if toks[k].nl:
                    break
                if toks[k].text in ("”", '"', "»"):
                    if k - i - 1 >= 3 and not (i > 0 and toks[i - 1].text == ":"):
                        # (a quotation after a colon is speech, not a title)
                        yield i + 1, k
                    i = k
                    break
        i += 1


def prepare(text: str) -> Doc:
    return Doc(text)


def _block(toks: list[Tok], blocked: list[bool], spans: list[tuple[int, int]]) -> None:
    if not spans:
        return
    spans = sorted(spans)
    k = 0
    for idx, t in enumerate(toks):
        while k < len(spans) and spans[k][1] <= t.start:
            k += 1
        if k < len(spans) and spans[k][0] < t.end:
            blocked[idx] = True


def find_locs(text: str, toks: list[Tok], blocked: list[bool], org_places=()):
    """LOC spans outside organisations (see nlp/places.py for the conventions)."""
    lex = lexicon()
    gaz = gazetteer()
    n = len(toks)
    found = []
    i = 0
    while i < n:
        if blocked[i]:
            i += 1
            continue
        t = toks[i]
        lp = _long_places().match_cased(toks, i) if t.low in _long_places().by_first else None
        if lp and t.cap and not any(blocked[k] for k in range(i, lp[0])):
            # "Cộng hòa xã hội chủ nghĩa Việt Nam", "Lăng Chủ tịch Hồ Chí Minh"
            found.append((i, lp[0], "place", None, text[t.start:toks[lp[0] - 1].end]))
            i = lp[0]
            continue
        fm = _FACILITIES.match(toks, i) if t.low in _FACILITIES.by_first else None
        if fm:
            # "Nhà văn hóa phường Khương Mai", "Nhà văn hóa tổ dân phố số 7", "Trạm bơm Yên Sở"
            u2 = lex.units.match(toks, fm[0]) if fm[0] < n else None
            pe = place_name_end(toks, u2[0], admin=u2[2][1]) if u2 else \
                place_name_end(toks, fm[0], admin=False)
            if pe and not any(blocked[k] for k in range(i, pe)):
                name = text[toks[i].start:toks[pe - 1].end]
                found.append((i, pe, "facility", None, name))
                i = pe
                continue
        if t.cap and (i == 0 or toks[i].nl) and not blocked[i]:
            # a headline or paragraph opening with a place: "Đông Anh: ..."
            k = i
            while k < n and is_cap(toks[k]) and k - i < 4 and not (k > i and toks[k].nl):
                k += 1
            if k < n and k > i and toks[k].text == ":" and \
                    " ".join(x.low for x in toks[i:k]) in gaz.names:
                found.append((i, k, "place", None, text[t.start:toks[k - 1].end]))
                i = k
                continue
        if t.low == "tuyến" and i + 1 < n and not (i > 0 and toks[i - 1].low == "trực"):
            # "các tuyến Hùng Vương, Tràng Thi": streets listed after "tuyến", unit word unsaid
            k, names = i + 1, []
            while k < n and is_cap(toks[k]) and not toks[k].nl and not blocked[k] and \
                    not lex.units.match(toks, k):
                e2 = place_name_end(toks, k, admin=False)
                if e2 is None or any(blocked[x] for x in range(k, e2)):
                    break
                names.append((k, e2))
                k = e2
                if k + 1 < n and toks[k].text in (",", "và") and is_cap(toks[k + 1]):
                    k += 1
                else:
                    break
            for a, b in names:
                found.append((a, b, "street", None, text[toks[a].start:toks[b - 1].end]))
            if names:
                i = names[-1][1]
                continue
        u = lex.units.match(toks, i) if t.low in lex.units.by_first else None
        if u:
            uend, phrase, (utype, admin) = u
            ok_case = t.text[0].islower() or (admin and (is_cap(t) or t.text in ("TP", "Tp", "TX"))) \
                or (is_cap(t) and uend < n and toks[uend].text[:1].isdigit())  # "Quốc lộ 1A"
            if ok_case:
                uend = unit_name_start(toks, i, uend)
                # a name right after "Chủ tịch UBND xã" may be the official's; elsewhere
                # a family-name-like place ("xã Kim Lan") is a place
                # ("Chủ tịch UBND xã Đỗ Văn Sơn": the title may end at a body's name)
                titled = i > 0 and any(
                    (tm := lex.titles.match(toks, k)) and (tm[0] == i or (
                        (hb := lex.heads.match(toks, tm[0])) and hb[0] == i and
                        hb[2][0] == "standalone"))
                    for k in range(max(0, i - 6), i))
                pe = place_name_end(toks, uend, admin=admin, person_check=titled)
                if pe is None and utype in _LISTED_UNITS and uend + 1 < n and \
                        toks[uend].low in ("như", ":") and is_cap(toks[uend + 1]):
                    # "các tuyến phố như Nguyễn Khuyến, Hoàng Cầu": the list names streets
                    k = uend + 1
                    while k < n and is_cap(toks[k]) and not blocked[k]:
                        e2 = place_name_end(toks, k, admin=False)
                        if e2 is None:
                            break
                        found.append((k, e2, utype, phrase.lower(),
                                      text[toks[k].start:toks[e2 - 1].end]))
                        k = e2
                        if k + 1 < n and toks[k].text in (",", "và"):
                            k += 1
                        else:
                            break
                    i = k
                    continue
                if pe is None and not admin and uend < n and toks[uend].text[0].islower():
                    u3 = lex.units.match(toks, uend)  # "công viên sông Hậu"
                    if u3 and not u3[2][1]:
                        pe = place_name_end(toks, u3[0], admin=False)
                if i > 0 and (toks[i - 1].low, t.low) in _NOT_UNITS:
                    pe = None  # "gia đình", "bán đảo"
                if pe and uend < n and _region_end(toks, uend) is not None:
                    pe = None  # "các tỉnh Đông Nam bộ": the provinces of a region
                if i > 0 and toks[i - 1].low == "hội" and t.low == "chợ" and \
                        not (i > 1 and toks[i - 2].low == "lễ"):
                    pe = None  # "Hội chợ Xuân" is a fair (but "lễ hội chợ nổi Cái Răng")
                if pe and not any(blocked[k] for k in range(uend, pe)) and \
                        toks[uend].start - toks[uend - 1].end <= 1:
                    name = text[toks[uend].start:toks[pe - 1].end]
                    unit = (lex.abbrev.get(t.low) or lex.abbrev.get(phrase.lower()) or
                            phrase).lower() if t.text in (
                        "TP", "Tp", "TP.", "Q", "P", "TX") else phrase.lower()
                    found.append((i, pe, utype, unit, name))
                    plural = i > 0 and toks[i - 1].low in _PLURAL
                    i = pe
                    if not (utype in _LISTED_UNITS or plural or admin):
                        i = _bare_list(toks, i, blocked, found, text)  # "bán đảo Sơn Trà, Ngũ Hành Sơn"
                    if utype in _LISTED_UNITS or plural or admin:
                        # "các tuyến phố Tam Trinh, Trương Định": the unit word serves the list;
                        # after a single administrative unit only known unit names follow
                        while i + 1 < n and toks[i].text in (",", "và") and \
                                is_cap(toks[i + 1]) and not blocked[i + 1]:
                            pe2 = place_name_end(toks, i + 1, admin=False)
                            if pe2 is None or any(blocked[k] for k in range(i + 1, pe2)):
                                break
                            nm2 = " ".join(x.low for x in toks[i + 1:pe2])
                            if admin and not plural and nm2 not in gaz.names:
                                break
                            up = _higher_unit(utype, nm2) if admin and not plural else None
                            if up:
                                # "huyện Quỳnh Lưu, Nghệ An": an address goes up a level, the
                                # province is no "huyện Nghệ An"
                                found.append((i + 1, pe2, up, None,
                                              text[toks[i + 1].start:toks[pe2 - 1].end]))
                                i = pe2
                                break
                            found.append((i + 1, pe2, utype, unit,
                                          text[toks[i + 1].start:toks[pe2 - 1].end]))
                            i = pe2
                    continue
        if is_cap(t) and _after_house_number(toks, i) and not blocked[i] and \
                not blocked[i - 1]:  # (not "Quyết định số 10 Nguyễn Văn A")
            # "số 10 Lê Hồng Phong", "tại 25 Lý Thường Kiệt": a street named after a person,
            # its unit word left out after the house number
            k = i
            while k < n and k - i < 4 and is_cap(toks[k]) and not toks[k].glued and \
                    not toks[k].nl and not blocked[k]:
                k += 1
            if 2 <= k - i <= 4:
                found.append((i, k, "street", None, text[t.start:toks[k - 1].end]))
                i = k
                continue
        if t.low in lex.places and not blocked[i] and not is_cap(t) and t.text[0].isupper():
            found.append((i, i + 1, "place", None, t.text))  # "TP.HCM"
            i += 1
            continue
        if is_cap(t) and i > 0 and toks[i - 1].low in _PLACE_PREPOSITIONS and not blocked[i]:
            # "tại Long Biên", "về Gia Lâm": a known unit name after a preposition of place
            k = i
            while k < n and k - i < 4 and is_cap(toks[k]) and not toks[k].nl and not blocked[k]:
                k += 1
            name = " ".join(x.low for x in toks[i:k])
            known = name in gaz.names or name in lex.places
            if toks[i - 1].low in _WEAK_PREPOSITIONS:  # "nhiều nhất là Cai Lậy"
                known = name in gaz.district_names
            if 2 <= k - i <= 3 and name not in _NO_BARE_LOC and (known or (
                    toks[i - 1].low in _STRONG_PREPOSITIONS and _unknown_place(toks, i, k))):
                utype = "district" if name in gaz.district_names else "place"
                found.append((i, k, utype, None, text[t.start:toks[k - 1].end]))
                i = _bare_list(toks, k, blocked, found, text)
                continue
        re_ = _region_end(toks, i)
        if re_ and not any(blocked[k] for k in range(i, re_)):
            found.append((i, re_, "place", None, text[t.start:toks[re_ - 1].end]))
            i = _bare_list(toks, re_, blocked, found, text)
            continue
        if is_cap(t) and (t.low in _FEATURE_FIRST or (
                t.low == "cù" and i + 1 < n and toks[i + 1].low == "lao")) and \
                not blocked[i] and i + 1 < n and \
                is_cap(toks[i + 1]) and not toks[i + 1].nl and not blocked[i + 1] and \
                not (i > 0 and is_cap(toks[i - 1]) and not toks[i].nl):
            k = i + 1
            while k < n and k - i < 3 and is_cap(toks[k]) and not toks[k].nl and not blocked[k]:
                k += 1
            found.append((i, k, "place", None, text[t.start:toks[k - 1].end]))
            i = _bare_list(toks, k, blocked, found, text)
            continue
        if is_cap(t):
            for length in (3, 2, 1):
                if i + length > n or not all(is_cap(x) and not blocked[k] for k, x in
                                             enumerate(toks[i:i + length], i)):
                    continue
                if i + length < n and is_cap(toks[i + length]) and \
                        text[toks[i + length - 1].end:toks[i + length].start] == " ":
                    continue  # part of a longer name
                if i > 0 and is_cap(toks[i - 1]) and text[toks[i - 1].end:t.start] == " ":
                    continue  # "Hoàng Thị Nga": the end of a name
                nm = " ".join(x.low for x in toks[i:i + length])
                if nm in _NO_BARE_LOC:
                    continue
                if i >= 2 and toks[i - 2].low == "chi" and toks[i - 1].low == "nhánh":
                    continue  # "chi nhánh Tiền Giang": a branch's name, not a place
                if nm in lex.places or (length >= 2 and nm in gaz.provinces):
                    utype = "province" if nm in gaz.provinces else "place"
                    found.append((i, i + length, utype, None,
                                  text[t.start:toks[i + length - 1].end]))
                    i = _bare_list(toks, i + length, blocked, found, text)
                    break
            else:
                i += 1
            continue
        i += 1
    # "Nha Trang và Cam Ranh": a known unit name listed before a place named without its unit
    taken = {k for f in found for k in range(f[0], f[1])}
    work = list(found)
    while work:
        f = work.pop()
        b = f[0] - 1
        if f[3] is not None or b < 2 or toks[b].text not in (",", "và", "(") or toks[f[0]].nl:
            continue
        a = b
        while a > 0 and b - a < 3 and is_cap(toks[a - 1]) and not toks[a].nl and \
                not blocked[a - 1] and a - 1 not in taken:
            a -= 1
        name = " ".join(x.low for x in toks[a:b])
        if 2 <= b - a <= 3 and not is_cap(toks[a - 1]) and name not in _NO_BARE_LOC and (
                name in gaz.names or name in lex.places) and toks[a].low not in lex.surnames:
            utype = "district" if name in gaz.district_names else "place"
            found.append((a, b, utype, None, text[toks[a].start:toks[b - 1].end]))
            work.append(found[-1])  # "Cai Lậy, Cái Bè và ...": the list goes on leftwards
            taken.update(range(a, b))
    found.sort(key=lambda f: f[0])
    # context for new_unit: districts and provinces named in the text
    ctx = {"districts": [], "provinces": set()}
    for place in org_places:  # "UBND quận Hoàng Mai" names the district too
        for unit in ("quận", "huyện", "thị xã"):
            if place.startswith(unit + " "):
                ctx["districts"].append(strip_key(place))
        for unit in ("thành phố", "tỉnh"):
            key = gaz.provinces.get(place) or (gaz.provinces.get(place[len(unit) + 1:])
                                               if place.startswith(unit + " ") else None)
            if key:
                ctx["provinces"].add(key)
    for i, j, utype, unit, name in found:
        if utype == "district" and unit:
            ctx["districts"].append(strip_key(unit + name))
        if utype in ("province", "city"):
            key = gaz.provinces.get(name.lower()) or gaz.provinces.get(
                (unit + " " + name).lower() if unit else "")
            if key:
                ctx["provinces"].add(key)
    out = []
    for i, j, utype, unit, name in found:
        value = f"{unit} {name}" if unit else name
        attrs = {"unit_type": utype}
        if utype == "city" and name.lower() not in gaz.provinces:
            pass
        else:
            nu = new_unit_for(utype, name, ctx)
            if nu:
                attrs["new_unit"] = nu
                if ward_divided(utype, name, ctx):
                    attrs["new_unit_divided"] = True  # split: new_unit is the default successor
        out.append((toks[i].start, toks[j - 1].end, i, j, value, attrs))
    return out


def _nominal_of(org) -> dict:
    """The abbreviation a text defines for a nominal reference ("Trạm Y tế (TYT)") is one."""
    return {"nominal": True} if org.attrs.get("nominal") else {}
