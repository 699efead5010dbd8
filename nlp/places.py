"""LOC mentions: administrative units and other places, plus the post-July-2025 unit.

Span conventions:
- A place with its unit word: "quận Hoàng Mai", "phường Hoàng Liệt", "thành phố Hà Nội",
  "TP Hồ Chí Minh", "tỉnh Nghệ An", "đường Giải Phóng", "tổ dân phố số 5". An address list
  "phường Hoàng Liệt, quận Hoàng Mai" is one mention per unit.
- Bare names of provinces, countries and regions: "Hà Nội", "Việt Nam", "Tây Nguyên".
- A unit word without a name ("trên địa bàn quận", "các phường") is not a LOC.
- A place inside an organisation's name ("UBND quận Hoàng Mai") is not a separate LOC: mentions
  are flat; the ORG carries it in ``attrs["place"]``.

value: the unit word in full and lower case plus the name ("quận Hoàng Mai", "thành phố Hồ Chí
Minh"); bare names as written ("Hà Nội"). attrs: unit_type (ward, commune, township, district,
town, city, province, street, ... , or "country"/"place"), and ``new_unit`` when underthesea's
address data (offline, bundled with underthesea 9.5) maps it: a province to its merged province,
a ward/commune to its post-2025 ward given the district (and province) mentioned in the same text.
Districts were abolished in July 2025 and map to no single unit, so they get no ``new_unit``.
"""
from __future__ import annotations

import importlib.util
import json
import re
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from .lexicon import Tok, is_cap, lexicon
from .normalize import fold, unaccented

__all__ = ["Gazetteer", "gazetteer", "place_name_end", "unit_name_start", "new_unit_for",
           "ward_divided", "strip_key", "UNIT_WORDS", "place_after_unit", "bare_place_name"]

# The words that name an administrative unit before its name, longest first ("thị xã"
# before "xã"): the one list the analyzer and the store read places with.
UNIT_WORDS = ("thành phố", "thị trấn", "thị xã", "tỉnh", "quận", "huyện", "phường", "xã")
_UNITS = "|".join(UNIT_WORDS)
_UNIT_PREFIX = re.compile(rf"^({_UNITS})\s+", re.I)
# the name after the first unit word in a text ("UBND quận Hoàng Mai" → "Hoàng Mai")
_AFTER_UNIT = re.compile(rf"\b(?:{_UNITS})\s+(\S.*)$", re.I)
# a unit word, or the abbreviation "TP", in front of a place name
_BARE = re.compile(rf"^(?:{_UNITS}|tp\.?)\s+", re.I)


def place_after_unit(text: str) -> str | None:
    """The place a body's name ends with, after its unit word: "UBND quận Hoàng Mai" →
    "Hoàng Mai"; None when no unit word is followed by a name."""
    found = _AFTER_UNIT.search(text or "")
    return found.group(1) if found else None


def bare_place_name(place: str) -> str:
    """A place without its unit word: "Thành phố Hồ Chí Minh" → "Hồ Chí Minh"."""
    return _BARE.sub("", place.strip())


def strip_key(text: str) -> str:
    """underthesea's address key: no diacritics, no spaces, lower case ("quanhoangmai")."""
    return "".join(c for c in unaccented(fold(text)) if c.isalnum())


@dataclass
class Gazetteer:
    names: set[str]  # folded names of every unit (without unit word)
    provinces: dict[str, str]  # folded short/long name → old province key
    province_new: dict[str, str]  # old province key → new province display name
    wards: dict[tuple, list[dict]]  # (prov_key, dist_key, ward_key) → records
    ward_only: dict[str, list[dict]]  # ward_key → records
    districts: dict[str, set[str]]  # dist_key → prov keys
    max_len: int
    district_names: set[str]  # folded names of pre-2025 districts (without unit word)


@lru_cache(maxsize=1)
def gazetteer() -> Gazetteer:
    """Load underthesea's bundled address mapping once per process (about 0.1 s)."""
    try:
        # locate the data file without importing underthesea (its import costs ~0.5 s)
        spec = importlib.util.find_spec("underthesea")
        path = Path(spec.origin).parent / "address" / "data" / "mapping.json"
        data = json.loads(path.read_text(encoding="utf-8"))
    except Exception:  # underthesea missing or changed: places still work, without new_unit
        data = {"old_province_names": {}, "province_mapping": {}, "province_names": {},
                "ward_mapping": []}
    names: set[str] = set()
    district_names: set[str] = set()
    provinces: dict[str, str] = {}
    for key, info in data["old_province_names"].items():
        provinces[fold(info["short"])] = key
        provinces[fold(info["name"])] = key
        names.add(fold(info["short"]))
    for alias, short in (("thừa thiên huế", "huế"), ("tỉnh thừa thiên huế", "huế"),
                         ("thành phố hồ chí minh", "hồ chí minh"), ("tp hồ chí minh", "hồ chí minh"),
                         ("sài gòn", "hồ chí minh")):
        if short in provinces:
            provinces.setdefault(alias, provinces[short])
    province_new = {k: data["province_names"].get(v, {}).get("name", "")
                    for k, v in data["province_mapping"].items()}
    wards: dict[tuple, list[dict]] = {}
    ward_only: dict[str, list[dict]] = {}
    districts: dict[str, set[str]] = {}
    for r in data["ward_mapping"]:
        names.add(fold(_UNIT_PREFIX.sub("", r["old_district"])))
        district_names.add(fold(_UNIT_PREFIX.sub("", r["old_district"])))
        names.add(fold(_UNIT_PREFIX.sub("", r["old_ward"])))
        wards.setdefault((r["old_province_key"], r["old_district_key"], r["old_ward_key"]),
                         []).append(r)
        ward_only.setdefault(r["old_ward_key"], []).append(r)
        districts.setdefault(r["old_district_key"], set()).add(r["old_province_key"])
    names.discard("")
    max_len = max((len(n.split()) for n in names), default=1)
    return Gazetteer(names, provinces, province_new, wards, ward_only, districts, min(max_len, 5),
                     district_names)


def place_name_end(toks: list[Tok], i: int, limit: int = 4, admin: bool = True,
                   person_check: bool = True) -> int | None:
    """End (exclusive token index) of the place name starting at token i, or None.

    A name is Title-case words ("Hoàng Mai"), a number ("Quận 1", "phường 12") or "số N",
    on the same line. When the capitalised run is longer than a known place, the longest
    gazetteer name wins ("quận Hoàng Mai Nguyễn Minh Tâm" → "Hoàng Mai"). After an
    administrative unit word, an unknown run that reads as a person's name (family name + one
    to three words) is a name, not a place: "Phó Chủ tịch UBND quận Trần Quốc Hưng".
    """
    n = len(toks)
    if i >= n or toks[i].nl:
        return None
    t = toks[i]
    if t.low == "số" and i + 1 < n and toks[i + 1].text.isdigit():
        return i + 2
    if (t.text.isdigit() and len(t.text) <= 3) or re.fullmatch(r"\d{1,3}[A-Z]", t.text):
        if not admin and i + 1 < n and is_cap(toks[i + 1]) and not toks[i + 1].nl:
            e = place_name_end(toks, i + 1, limit, admin=False)
            if e:
                return e  # "ngõ 18 Văn Quán"
        return i + 1  # "Quận 1", "phường 12", "Quốc lộ 1A"
    if not is_cap(t):
        return None
    if admin:
        he = hyphen_name_end(toks, i)
        if he:
            return he  # "Bà Rịa - Vũng Tàu", "Bà Rịa-Vũng Tàu"
    lex = lexicon()
    if lex.titles.match(toks, i) or _starts_org(toks, i):
        return None
    j = i
    while j < n and j - i < limit + 3 and \
            toks[j].text.replace("’", "").replace("'", "").isalpha():  # "Cư M’gar"
        if not is_cap(toks[j]):
            # "Hoàng thành Thăng Long": one lower-case syllable between capitalised ones
            if not admin and j > i and j + 1 < n and is_cap(toks[j + 1]) and \
                    not toks[j + 1].nl and toks[j].low not in _NOT_IN_NAMES and \
                    not lex.units.match(toks, j):
                j += 1
                continue
            break
        if j > i and (toks[j].nl or toks[j].glued):
            break
        if j > i and (lex.titles.match(toks, j) or _starts_org(toks, j)):
            break
        j += 1
    run = j - i
    if run == 0:
        return None
    if not admin:
        # villages, streets, rivers: the gazetteer (administrative units) does not know them
        for k in range(i + 1, j - 1):
            if toks[k].low in lex.surnames and 2 <= j - k <= 4 and k - i >= 2:
                return k  # "đường Giải Phóng Nguyễn Văn A" (rare): cut before the name
        return i + min(run, limit)
    gaz = gazetteer()
    best = None
    for length in range(min(run, gaz.max_len), 0, -1):
        name = " ".join(tk.low for tk in toks[i:i + length])
        if name in gaz.names or name in lex.places:
            best = length
            break
    # "phường Cổ Nhuế 1": a number that belongs to the name
    if (best or run) == run and j < n and toks[j].text.isdigit() and not toks[j].nl:
        name = " ".join(tk.low for tk in toks[i:j + 1])
        if name in gaz.names:
            return j + 1
    if admin and person_check and toks[i].low in lex.surnames and 2 <= run <= 4 and \
            (best or 0) < run:
        if best and run - best >= 2 and toks[i + best].low in lex.surnames:
            return i + best
        return None  # a person's name after a bare unit word
    if best is not None:
        if best == run or best >= 2 or not _surname_run(toks, i + best, j):
            return i + best
    # unknown place: cut before a trailing person name
    for k in range(i + 1, j - 1):
        if toks[k].low in lex.surnames and 2 <= j - k <= 4:
            return k
    return i + min(run, limit)


def unit_name_start(toks: list[Tok], unit: int, uend: int) -> int:
    """Where the name after the unit word at token ``unit`` starts, ``uend`` being the end of
    the unit phrase: past the dot of "TP." / "Q." / "TX." when it abbreviates ("TP.Vinh",
    "TP. Hà Nội"), before it when it is a full stop ("HĐND TP. Giấy mời ...")."""
    if uend < len(toks) and toks[uend].text == "." and \
            toks[unit].text in ("TP", "Tp", "Q", "P", "TX") and dot_goes_on(toks, uend):
        return uend + 1
    if uend > unit + 1 and toks[uend - 1].text == "." and not dot_goes_on(toks, uend - 1):
        return uend - 1
    return uend


def dot_goes_on(toks: list[Tok], k: int) -> bool:
    """The "." at token k abbreviates the unit word before it ("TP.Vinh", "TP. Hà Nội"), not
    a full stop ("... với thường trực HĐND TP. Giấy mời ..."): the name follows glued, or it
    is a known place, or a number."""
    n = len(toks)
    if k + 1 >= n or toks[k + 1].nl:
        return False
    nxt = toks[k + 1]
    if nxt.glued or nxt.text.isdigit():
        return True
    gaz, lex = gazetteer(), lexicon()
    for length in (4, 3, 2, 1):
        name = " ".join(t.low for t in toks[k + 1:k + 1 + length])
        if k + 1 + length <= n and (name in gaz.names or name in lex.places):
            return True
    return False


@lru_cache(maxsize=1)
def _hyphen_names() -> dict[str, list[str]]:
    """Unit names written with a hyphen ("bà rịa - vũng tàu"), by first word, as the
    letters and hyphens they are typed with (spaces dropped)."""
    out: dict[str, list[str]] = {}
    for name in gazetteer().names:
        if "-" in name:
            out.setdefault(name.split()[0], []).append(name.replace(" ", ""))
    # (often written with a hyphen though the gazetteer has none: "Thừa Thiên - Huế")
    out.setdefault("thừa", []).append("thừathiên-huế")
    return out


def hyphen_name_end(toks: list[Tok], i: int) -> int | None:
    """End of a hyphenated unit name at i, whether the hyphen is spaced or glued."""
    targets = _hyphen_names().get(toks[i].low)
    if not targets:
        return None
    n = len(toks)
    for target in targets:
        acc, k = "", i
        while k < n and k - i < 8 and (k == i or not toks[k].nl):
            acc += "-" if toks[k].low in ("–", "—") else toks[k].low  # "Thừa Thiên – Huế"
            k += 1
            if acc == target:
                return k
            if not target.startswith(acc):
                break
    return None


_NOT_IN_NAMES = {"và", "của", "ở", "tại", "với", "cho", "là", "có", "đã", "được", "từ", "đến",
                 "các", "những", "trên", "dưới", "trong", "ngoài", "qua", "theo", "như", "thì",
                 "xuân", "hạ", "thu", "đông", "năm", "tháng", "ngày", "mùa", "tết", "sáng",
                 "chiều", "tối", "đêm", "lần", "khóa", "nhiệm"}


def _surname_run(toks: list[Tok], k: int, j: int) -> bool:
    return k < j and toks[k].low in lexicon().surnames and 2 <= j - k <= 4


def _starts_org(toks: list[Tok], j: int) -> bool:
    """An organisation name starts at j: a standalone body or a head of two or more words
    ("Công ty", "Trung tâm"); a one-word head may be a place ("Hội An")."""
    m = lexicon().heads.match(toks, j)
    return bool(m and (m[2][0] == "standalone" or m[0] - j >= 2))


def new_unit_for(unit_type: str, name: str, context: dict) -> str | None:
    """Post-July-2025 unit of a province or a ward/commune, when the mapping knows it.

    ``context`` holds the district and province keys mentioned in the same text. A ward split
    between several new wards gives the mapping's default successor (see :func:`ward_divided`).
    """
    gaz = gazetteer()
    if unit_type in ("province", "city"):
        key = gaz.provinces.get(fold(name))
        if key:
            return gaz.province_new.get(key) or None
        return None
    if unit_type not in ("ward", "commune", "township"):
        return None
    prefix = {"ward": "phuong", "commune": "xa", "township": "thitran"}[unit_type]
    wkey = prefix + strip_key(name)
    recs = []
    for dkey in context.get("districts", ()):
        for pkey in gaz.districts.get(dkey, ()):
            recs = gaz.wards.get((pkey, dkey, wkey), [])
            if recs:
                break
        if recs:
            break
    if not recs:
        cands = gaz.ward_only.get(wkey, [])
        provs = context.get("provinces", ())
        if provs:
            cands = [r for r in cands if r["old_province_key"] in provs]
        if len({(r["old_province_key"], r["old_district_key"]) for r in cands}) == 1:
            recs = cands
    if not recs:
        return None
    rec = next((r for r in recs if r.get("is_default")), recs[0])
    return f"{rec['new_ward']}, {rec['new_province']}"


def ward_divided(unit_type: str, name: str, context: dict) -> bool:
    """The old ward/commune was split between several new wards (new_unit is the default)."""
    if unit_type not in ("ward", "commune", "township"):
        return False
    gaz = gazetteer()
    prefix = {"ward": "phuong", "commune": "xa", "township": "thitran"}[unit_type]
    wkey = prefix + strip_key(name)
    for dkey in context.get("districts", ()):
        for pkey in gaz.districts.get(dkey, ()):
            recs = gaz.wards.get((pkey, dkey, wkey), [])
            if recs:
                return len({r["new_ward_key"] for r in recs}) > 1 or \
                    recs[0].get("mapping_type") == "divided"
    return False
