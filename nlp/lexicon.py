"""Word lists (nlp/data/*) and the tokenizer shared by the ORG, PERSON and LOC matchers.

Tokens are ``(start, end, text, folded)`` over the normalised text. Multi-word phrases
(titles, organisation heads, unit words, honorifics) are matched token by token on the folded
form; capitalisation is checked by the caller, which knows whether it matters.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from .normalize import fold, unaccented

__all__ = ["Tok", "tokenize", "PhraseTable", "lexicon", "is_cap", "is_acronym", "read_list",
           "read_tsv"]

DATA = Path(__file__).parent / "data"

# words (with glued &, -, /, . inside: GD&ĐT, KT-XH, đ/c, PGS.TS, 155/KH-UBND), or one symbol
_TOKEN = re.compile(r"\w+(?:[&\-/.'’]\w+)*|\S")  # "H'Lan": Central Highlands names


@dataclass(slots=True)
class Tok:
    start: int
    end: int
    text: str
    low: str  # folded (lower case, new tone style)
    cap: bool  # first letter upper case (Title case or all caps)
    word: bool  # starts with a letter or digit
    nl: bool = False  # a line break separates it from the previous token
    glued: bool = False  # no space between it and the previous token


@lru_cache(maxsize=1)
def _title_first_words() -> frozenset[str]:
    """Folded first words of the titles ("phó", "chủ", "giám"), read from titles.txt."""
    words = set()
    for line in read_list("titles.txt"):
        first = line.split()[0]
        if not first.isupper():
            words.add(fold(first))
    return frozenset(words)


def _pieces(m: re.Match):
    """(start, text) of a word, split at a hyphen glued between a name and a title:
    "Hoa-Phó Chủ tịch" is "Hoa", "-", "Phó" (a name is often glued to its title that way)."""
    t = m.group()
    if "-" in t and t[0].isupper():
        parts = t.split("-")
        if all(p[:1].isupper() and p.isalpha() for p in parts) and \
                any(fold(p) in _title_first_words() for p in parts[1:]):
            pos = m.start()
            for k, p in enumerate(parts):
                if k:
                    yield pos, "-"
                    pos += 1
                yield pos, p
                pos += len(p)
            return
    yield m.start(), t


# a unit's abbreviation glued to its name: "TP.Đà Nẵng", "Q.Hoàng Mai" (not "TP.HCM")
_GLUED_UNIT = re.compile(r"(TP|Tp|Q|P|TX)\.([^\W\d_][^\W\d_A-ZĐ]*|\d{1,2})")


# the commonest family names as typed without tone marks ("Nguyen Thi Ha" in lists of donors);
# only these, as the unmarked forms of others are words ("Do", "Dinh Cậu", "Le Monde", "Can")
_UNACCENTED_SURNAMES = {"nguyen", "tran", "pham", "hoang", "huynh", "phan", "vu", "vo", "dang",
                        "bui", "ngo", "duong", "ly", "truong", "doan", "trinh", "luong"}


def _with_unaccented(names) -> set[str]:
    names = set(names)
    return names | {u for u in map(unaccented, names) if u in _UNACCENTED_SURNAMES}


def _low(word: str) -> str:
    # one apostrophe in names of the Central Highlands: "Cư M’gar" is the gazetteer's "cư m'gar"
    return word.lower().replace("’", "'")


def tokenize(text: str) -> list[Tok]:
    out = []
    prev_end = 0
    for m in _TOKEN.finditer(text):
        t = m.group()
        g = _GLUED_UNIT.fullmatch(t)
        if g and ((g.group(2)[0].isupper() and len(g.group(2)) > 1) or
                  (g.group(2).isdigit() and g.group(1) in ("Q", "P"))):  # "Q.1", "P.5"
            s = m.start()
            pieces = [(s, g.group(1)), (g.end(1) + s, "."), (g.start(2) + s, g.group(2))]
        elif "-" in t and t[0].isupper():
            pieces = _pieces(m)  # "Hoa-Phó": a name glued to a title
        else:
            s = m.start()
            c = t[0]
            out.append(Tok(s, m.end(), t, _low(t), c.isupper(), c.isalnum(),
                           "\n" in text[prev_end:s], s == prev_end))
            prev_end = m.end()
            continue
        for s, piece in pieces:
            c = piece[0]
            out.append(Tok(s, s + len(piece), piece, _low(piece), c.isupper(), c.isalnum(),
                           "\n" in text[prev_end:s], s == prev_end))
            prev_end = s + len(piece)
    return out


def is_cap(tok: Tok) -> bool:
    """Title-case word: "Hoàng", "Mai" (not "UBND", not "hoàng")."""
    t = tok.text
    if "'" in t or "’" in t:  # "H'Lan", "Y’Moan", and "M’gar", "G’long" (a lower-case part)
        first, *rest = re.split("['’]", t)
        return bool(first) and first[0].isupper() and (len(first) == 1 or first[1:].islower()) \
            and all(p and (p.islower() or (p[0].isupper() and (len(p) == 1 or p[1:].islower())))
                    for p in rest)
    return t[0].isupper() and (len(t) == 1 or t[1:].islower() or t[1:].isdigit())


def is_acronym(tok: Tok) -> bool:
    """All-capitals word of 2+ letters: "UBND", "TDĐKXDSVH", "GD&ĐT"."""
    t = tok.text
    letters = [c for c in t if c.isalpha()]
    return len(letters) >= 2 and sum(c.isupper() for c in letters) >= len(letters) - 1 \
        and t[0].isupper() and t[-1].isupper()


def read_list(name: str) -> list[str]:
    lines = (DATA / name).read_text(encoding="utf-8").splitlines()
    return [ln.strip() for ln in lines if ln.strip() and not ln.startswith("#")]


def read_tsv(name: str) -> list[list[str]]:
    return [ln.split("\t") for ln in read_list(name)]


class PhraseTable:
    """Multi-word phrases indexed by their first folded token; longest match first."""

    def __init__(self, phrases: dict[str, object]):
        self.by_first: dict[str, list[tuple[tuple[str, ...], str, object]]] = {}
        self.caps: dict[str, tuple[bool, ...]] = {}  # phrase → which words are capitalised
        for phrase, payload in phrases.items():
            toks = tuple(t.text.lower() for t in tokenize(fold(phrase)))
            if not toks:
                continue
            self.by_first.setdefault(toks[0], []).append((toks, phrase, payload))
            self.caps[phrase] = tuple(t.text[0].isupper() for t in tokenize(phrase))
        for lst in self.by_first.values():
            lst.sort(key=lambda x: -len(x[0]))

    def match_cased(self, toks: list[Tok], i: int) -> tuple[int, str, object] | None:
        """Like :meth:`match`, but a word written with a capital in the list ("Ban Tổ chức")
        must be capitalised in the text too ("Ban tổ chức" of an event is not that body)."""
        if i >= len(toks):
            return None
        for ptoks, phrase, payload in self.by_first.get(toks[i].low, ()):
            k = len(ptoks)
            if i + k > len(toks):
                continue
            caps = self.caps[phrase]
            for j in range(1, k):
                t = toks[i + j]
                if t.low != ptoks[j] or (caps[j] and not t.text[0].isupper()):
                    break
            else:
                return i + k, phrase, payload
        return None

    def match(self, toks: list[Tok], i: int) -> tuple[int, str, object] | None:
        """(end index exclusive, phrase, payload) of the longest phrase starting at token i."""
        if i >= len(toks):
            return None
        cands = self.by_first.get(toks[i].low)
        if not cands:
            return None
        n = len(toks)
        for ptoks, phrase, payload in cands:
            k = len(ptoks)
            if i + k > n:
                continue
            for j in range(1, k):
                if toks[i + j].low != ptoks[j]:
                    break
            else:
                return i + k, phrase, payload
        return None


@dataclass
class Lexicon:
    surnames: set[str]
    titles: PhraseTable
    heads: PhraseTable  # payload (kind, long form)
    units: PhraseTable  # payload (unit_type, admin)
    honorifics: PhraseTable
    abbrev: dict[str, str]  # folded abbreviation → expansion
    places: set[str]  # folded bare place names (countries, regions)
    compounds: set[tuple[str, str]]  # lower-case two-syllable words inside org names
    # official fields of more than one word group ("Nông nghiệp và Phát triển nông thôn"),
    # matched in any case after a head: real news writes "Bộ Nông nghiệp và phát triển nông thôn"
    fields: PhraseTable | None = None


class _Abbreviations(dict):
    """Folded abbreviation → expansion; "&", "-" and "," inside an abbreviation may be typed
    any way or left out ("GD&ĐT", "GD-ĐT", "GDĐT"; "LĐTB&XH", "LĐ-TB&XH")."""

    _SEPARATORS = re.compile(r"[&\-,]")

    def __init__(self, pairs: dict[str, str]):
        super().__init__(pairs)
        self.letters = {}
        for short, long in pairs.items():
            bare = self._SEPARATORS.sub("", short)
            if len(bare) >= 3 and bare != short:
                self.letters.setdefault(bare, long)

    def _fallback(self, key):
        if isinstance(key, str) and self._SEPARATORS.search(key):
            return self.letters.get(self._SEPARATORS.sub("", key))
        return None

    def __contains__(self, key) -> bool:
        return dict.__contains__(self, key) or self._fallback(key) is not None

    def __getitem__(self, key):
        if dict.__contains__(self, key):
            return dict.__getitem__(self, key)
        found = self._fallback(key)
        if found is None:
            raise KeyError(key)
        return found

    def get(self, key, default=None):
        return self[key] if key in self else default


@lru_cache(maxsize=1)
def lexicon() -> Lexicon:
    heads = {}
    for row in read_tsv("org_heads.tsv"):
        heads[row[0]] = (row[1], row[2] if len(row) > 2 else None)
    units = {}
    for row in read_tsv("place_units.tsv"):
        units[row[0]] = (row[1], row[2] == "1")
    abbrev = {}
    for row in read_tsv("abbreviations.tsv"):
        abbrev[row[0].lower()] = row[1]
    abbrev = _Abbreviations(abbrev)
    return Lexicon(
        surnames=_with_unaccented(fold(s) for s in read_list("surnames.txt")),
        titles=PhraseTable({t: None for t in read_list("titles.txt")}),
        heads=PhraseTable(heads),
        units=PhraseTable(units),
        honorifics=PhraseTable({h: None for h in read_list("honorifics.txt")}),
        abbrev=abbrev,
        places={fold(p) for p in read_list("places.txt")},
        compounds={tuple(fold(c).split()[:2]) for c in read_list("name_compounds.txt")},
        fields=PhraseTable({v: None for v in abbrev.values()
                            if re.search(r" và |, | - ", v) and v[0].isupper()}),
    )
