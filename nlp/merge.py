"""Merging the CRF's PER/ORG/LOC spans (nlp/model.py) with the rule spans.

The model saw the rule spans as features and learned, on the dev split of real news, where
they fail; the rules were written for district-portal news, where the model is out of its
domain. So:
- a model span equal to a rule span keeps the rule's value and attributes (titles,
  organisation keys, new units);
- where the two disagree on overlapping spans, the rule span stands if the model itself
  gives it a probability of at least ``KEEP_RULE`` (product of token marginals), else the
  model's spans replace it;
- a rule span the model left untagged stands (the rules find government bodies and places the
  general-news model was never shown);
- some rule organisations stand whatever the model says (``firm``): named by an abbreviation,
  with a Vietnamese place, as a nominal reference ("UBND tỉnh"), cited as an issuer or an
  official's body, joined by "và" or commas, or a newspaper with its head word;
- a model span the rules did not find gets a value from its text and
  ``attrs["source"] = "model"``; one that would overlap a DATE or DOCREF is dropped.
"""
from __future__ import annotations

import re
from bisect import bisect_right

from .model import model_spans
from .normalize import fold

__all__ = ["merge_model", "KEEP_RULE", "strong"]

# a rule span the model disagrees with stands when the model gives it at least this
# probability (chosen on the dev-tune fold of the corpus; see nlp/README.md)
KEEP_RULE = 0.05
# a rule organisation the model left untagged stands when the model gives it at least this;
# 0 keeps them all. On dev-tune 0.05 raises ORG F1 by about 0.01, but the model, trained on
# general news, gives "Sở Tài chính thẩm định dự toán." under 0.001: in government news that
# would drop plain bodies (tests/test_nlp_real_classes.py), so it is off
KEEP_ALONE = 0.0
# a rule organisation that holds all the model's rival spans (all ORG) stands; off, because
# on dev-tune the model's shorter reading is the corpus's more often than not ("Cơ quan CSĐT
# Công an tỉnh X": gold "Công an tỉnh X"). A person or place that holds its rivals always
# stands ("Nguyễn Văn An" against the model's "Văn An")
CONTAIN = False
FIRM_BODIES = True
REMENTIONS = True
# a rule organisation cut where its name goes on in lower case ("Cục Bảo vệ | thực vật",
# "Viện Y học | dự phòng") gives way to the model's longer span from the same start when the
# model finds that one more likely
LOWER_TAIL = True
# a place the rules read with its lower-case unit word ("phường Phú Xuân", "huyện Anh Sơn")
# stands: the model, unsure of a new ward's name, has read one as a body
UNIT_PLACES = True
_OURS = {"PER": "PERSON", "ORG": "ORG", "LOC": "LOC"}
_CORPUS = {v: k for k, v in _OURS.items()}
_NAMES = ("PERSON", "ORG", "LOC")


def merge_model(t: str, spans: list[tuple], vetoes=()) -> list[tuple]:
    """Rule ``spans`` (kind, start, end, value, attrs) merged with the model's on the
    normalised text ``t``; ``vetoes`` are character spans where the rules refuse a person."""
    names = [x for x in spans if x[0] in _NAMES]
    fixed = [x for x in spans if x[0] not in _NAMES]
    res = model_spans(t, [(k, s, e) for k, s, e, _, _ in spans])
    blocked = _marks(len(t), fixed)
    no_person = _marks(len(t), [(None, s, e) for s, e in vetoes])
    found = sorted(((_OURS[k], s, e) for k, s, e in res.spans
                    if k in _OURS and not any(blocked[s:e])
                    and not (k == "PER" and any(no_person[s:e]))), key=lambda m: m[1])
    found = [m for m in _branches(t, _unclosed(t, _verb_runs(t, found)))
             if not _cut_in_a_word(t, m)]
    found_ends = [e for _, _, e in found]  # model spans never overlap: sorted by end too
    cited = _cited_bodies(spans)

    def firm(r):
        return strong(r) or (FIRM_BODIES and r[0] == "ORG" and (
            _official_body(r, t, cited) or _joined_name(r, t) or
            _masthead(r, t))) or (UNIT_PLACES and r[0] == "LOC" and _unit_place(r, t))

    out = list(fixed)
    keep_model = set(found)
    by_span = set(found)
    # strong rule spans first: their rivals are gone before the others are weighed
    for r in sorted(names, key=lambda x: not firm(x)):
        key = (r[0], r[1], r[2])
        if key in by_span:
            out.append(r)
            keep_model.discard(key)
            continue
        rivals = [m for m in _overlapping(found, found_ends, r[1], r[2]) if m in keep_model]
        if not rivals:
            # the rules alone found it: it stands unless the model, which saw the rule span
            # as a feature, all but rules it out
            if firm(r) or r[0] != "ORG" or KEEP_ALONE <= 0 or \
                    res.prob("ORG", r[1], r[2]) >= KEEP_ALONE:
                out.append(r)
            continue
        if LOWER_TAIL and not firm(r) and _read_on(t, r, rivals, res):
            continue  # the model's longer reading stands
        inside = all(m[0] == r[0] and r[1] <= m[1] and m[2] <= r[2] for m in rivals)
        if firm(r) or (inside and (CONTAIN or r[0] != "ORG")) or \
                res.prob(_CORPUS[r[0]], r[1], r[2]) >= KEEP_RULE:
            out.append(r)
            keep_model.difference_update(rivals)
    taken = _marks(len(t), [x for x in out if x[0] in _NAMES])
    for kind, s, e in found:
        if (kind, s, e) not in keep_model or any(taken[s:e]):
            continue
        name = t[s:e]
        out.append((kind, s, e, name if kind != "ORG" else fold(name), {"source": "model"}))
        taken[s:e] = b"\x01" * (e - s)
    if REMENTIONS:
        out.extend(rementions(t, out, taken))
    return out


def rementions(t: str, spans: list[tuple], taken: bytearray) -> list[tuple]:
    """People named again later by a part of their name: "Lakshmi Parthasarathy ...
    Parthasarathy cho biết", "Nguyễn Văn Tuấn ... Tuấn chạy đến". A capitalised run equal to a
    person's full name, or to the last syllable of a name of two or more, becomes that
    person where nothing else was found. A part that is a common word ("Anh", "Mai"), or
    that the text also names as a body or a place, is left alone."""
    from .model import lower_words, tokens
    common = lower_words()
    people: dict[str, str] = {}
    others = set()
    for kind, s, e, value, _ in spans:
        if kind not in _NAMES:
            continue
        parts = t[s:e].split()
        if kind != "PERSON":
            others.add(t[s:e])
            continue
        if len(parts) < 2:
            continue  # a one-word name is too weak a key ("Harvey" the storm)
        people.setdefault(t[s:e], value)
        if parts[-1].lower() not in common and len(parts[-1]) > 1:
            people.setdefault(parts[-1], value)
    for name in others:
        people.pop(name, None)
    if not people:
        return []
    out = []
    for line in tokens(t):
        k = 0
        while k < len(line):
            if not line[k][2][:1].isupper():
                k += 1
                continue
            b = k
            while b + 1 < len(line) and line[b + 1][2][:1].isupper():
                b += 1
            s, e = line[k][0], line[b][1]
            name = t[s:e]
            if name in people and not any(taken[s:e]):
                out.append(("PERSON", s, e, people[name], {"source": "rementioned"}))
                taken[s:e] = b"\x01" * (e - s)
            k = b + 1
    return out


def strong(span: tuple) -> bool:
    """A rule span the model may not re-cut: an official named with a title or an
    honorific ("Phó Chủ tịch UBND huyện Hồ Văn Mừng": general news reads "UBND huyện X" as
    one body, where X is a district)."""
    kind, attrs = span[0], span[4] or {}
    return kind == "PERSON" and bool(attrs.get("titles") or attrs.get("honorific"))


_BRANCH = re.compile(r"\s+(?:chi nhánh|CN)\s+$", re.IGNORECASE)


_NEXT_SYLLABLE = re.compile(r" (\w+)")


def _cut_in_a_word(t: str, m: tuple) -> bool:
    """A model span that ends on the capitalised first syllable of a two-syllable word
    ("Trường | hợp", "Hội chợ Du lịch Quốc | tế", "Bảo vệ Quê | hương"): the model read a
    capital at a sentence start or inside a title as a name. A person of several syllables
    is kept (given names are syllables of words: "Nguyễn Văn Hải | quan tâm"), and so is a
    span that ends with a place ("U16 Mông Cổ | thi")."""
    from .model import dictionary_words
    kind, s, e = m
    parts = t[s:e].split()
    nxt = _NEXT_SYLLABLE.match(t, e)
    if not nxt or not parts[-1][:1].isupper() or not nxt.group(1)[:1].islower():
        return False
    if f"{parts[-1].lower()} {nxt.group(1)}" not in dictionary_words():
        return False
    if len(parts) == 1:
        return True
    if kind == "PER":
        return False
    from .places import gazetteer
    from .lexicon import lexicon
    tail = " ".join(parts[-2:]).lower()
    return tail not in gazetteer().names and fold(tail) not in lexicon().places


def _unit_place(span: tuple, t: str) -> bool:
    return bool(_UNIT_PREFIX.match(t, span[1]))


# words that end a name read on in lower case ("Trung tâm phục vụ hành chính công | của xã")
_FUNCTION_WORDS = frozenset("""của cho với tại trên trong về theo nhằm cùng đến từ tới để được bị
là có đã sẽ đang khi thì mà này đó do bởi vì nên như cũng đều vẫn rất ra vào lên xuống qua
sau trước gồm phải đi vừa mới luôn thuộc""".split())


def _read_on(t: str, r: tuple, rivals: list[tuple], res) -> bool:
    """True when the model reads the rule organisation ``r`` on, from its start, over
    lower-case words only, and gives its own span the higher probability."""
    if r[0] != "ORG":
        return False
    from .org import CLAUSE_VERBS
    for kind, s, e in rivals:
        if kind != "ORG" or s != r[1] or e <= r[2]:
            continue
        words = t[r[2]:e].split()
        if all(w.isalpha() and w.islower() and w not in _FUNCTION_WORDS for w in words) and \
                not any(pair in CLAUSE_VERBS for pair in zip(words, words[1:])) and \
                res.prob("ORG", s, e) > res.prob("ORG", r[1], r[2]):
            return True
    return False


# words that put a verb between two names: a model span across them ("Man City chỉ xếp trên
# Man United", "Borussia Dortmund để gia nhập Juventus", "Viện X thuộc Trung tâm Y") is two
SPLIT_RUNS = True
_CLAUSE_WORDS = frozenset("để đã sẽ đang được bị là vừa chỉ cũng thì mà thuộc nhưng khi".split())


def _verb_runs(t: str, found: list[tuple]) -> list[tuple]:
    """A model span with a lower-case run between two capitalised parts, where the run holds
    a clause word or a verb (``_CLAUSE_WORDS``, org.CLAUSE_VERBS), is the two names around it;
    a run that ends the span and holds one (or a function word) is cut off."""
    if not SPLIT_RUNS:
        return found
    from .org import CLAUSE_VERBS
    out = []
    for kind, s, e in found:
        parts = [(m.start() + s, m.end() + s, m.group()) for m in re.finditer(r"\S+", t[s:e])]
        cut, k = None, 1
        while k < len(parts) and cut is None:
            if not parts[k][2].islower() or not parts[k - 1][2][:1].isupper():
                k += 1
                continue
            b = k
            while b + 1 < len(parts) and parts[b + 1][2].islower():
                b += 1
            words = [w for _, _, w in parts[k:b + 1]]
            starts = [f for f, w in enumerate(words) if w in _CLAUSE_WORDS or
                      tuple(words[f:f + 2]) in CLAUSE_VERBS]
            if b + 1 < len(parts) and parts[b + 1][2][:1].isupper() and starts:
                cut = (k + starts[0], b)  # the name before keeps the words of its own
            elif b + 1 == len(parts) or not parts[b + 1][2][:1].isupper():
                # a run that ends the span: "Ericsson cùng thử nghiệm mạng 5G" is "Ericsson"
                tail = [f for f, w in enumerate(words) if w in _CLAUSE_WORDS or
                        w in _FUNCTION_WORDS or tuple(words[f:f + 2]) in CLAUSE_VERBS]
                if tail:
                    cut = (k + tail[0], None)
                    break
            k = b + 1
        if cut is None:
            out.append((kind, s, e))
            continue
        if cut[1] is None:
            out.append((kind, s, parts[cut[0] - 1][1]))
            continue
        a, b = cut
        out.append((kind, s, parts[a - 1][1]))
        out.extend(_verb_runs(t, [(kind, parts[b + 1][0], e)]))
    return out


def _unclosed(t: str, found: list[tuple]) -> list[tuple]:
    """A model span that opens a bracket it does not close ("Tổ chức Hợp tác và Phát triển
    Kinh tế (OECD") is two names: the one before the bracket and the one inside it."""
    out = []
    for kind, s, e in found:
        k = t.find("(", s, e)
        if k < 0 or ")" in t[k:e]:
            out.append((kind, s, e))
            continue
        head_end = len(t[s:k].rstrip()) + s
        if head_end > s:
            out.append((kind, s, head_end))
        if k + 1 < e and t[k + 1:e].strip():
            out.append((kind, k + 1, e))
    return out


def _branches(t: str, found: list[tuple]) -> list[tuple]:
    """A place after "chi nhánh" names a branch of the body before it ("Agribank chi
    nhánh Nghệ An" is one body, not a bank and a province)."""
    out: list[tuple] = []
    for m in found:
        if m[0] == "LOC" and _BRANCH.search(t[max(0, m[1] - 12):m[1]]):
            prev = out[-1] if out else None
            if prev and prev[0] == "ORG" and _BRANCH.fullmatch(t[prev[2]:m[1]]):
                out[-1] = ("ORG", prev[1], m[2])
                continue
        out.append(m)
    return out


def _cited_bodies(spans) -> set[str]:
    """Bodies the rules saw in a role: an official's organisation, a document's issuer."""
    out = set()
    for kind, _, _, _, attrs in spans:
        attrs = attrs or {}
        if kind == "PERSON" and attrs.get("titles") and attrs.get("organization"):
            out.add(attrs["organization"])
        elif kind == "DOCREF" and attrs.get("issuer"):
            out.add(attrs["issuer"])
    return out


def _official_body(span: tuple, t: str, cited: set[str]) -> bool:
    """A rule organisation that stands without the model's support: a body named by its
    abbreviation or with a Vietnamese place ("UBND tỉnh", "phòng Nội vụ quận"), a nominal
    reference, or one cited as an official's organisation or a document's issuer. General
    news (the model's training text) leaves such names untagged or cut; an archive of
    government news needs them. A foreign body ("Chính phủ Canada") is news the model was
    trained on, so its reading is weighed as usual."""
    attrs = span[4] or {}
    return bool(attrs.get("abbreviation") or attrs.get("nominal")
                or (attrs.get("place") and _domestic(attrs["place"]))) or \
        t[span[1]:span[2]] in cited


# the unit words a Vietnamese place is named with (a place key "tỉnh thái nguyên")
_UNIT_PREFIX = re.compile(r"(?:tỉnh|thành phố|tp\.?|quận|huyện|thị xã|thị trấn|phường|xã)(?:\s|$)")


def _domestic(place: str) -> bool:
    """True for a Vietnamese province, district or ward ("tỉnh thái nguyên", "hà nội"); false
    for "canada", "thái bình dương"."""
    from .places import gazetteer
    if _UNIT_PREFIX.match(place) or place in ("trung ương", "trung uong"):
        return True
    g = gazetteer()
    return place in g.names or place in g.provinces


# a name the rules read across "và", "&", a comma or a spaced hyphen ("Đài Phát thanh và
# Truyền hình Hà Nội", "Vụ Báo chí, xuất bản và thông tin cơ sở"): general news, the model's
# training text, cuts such names
_JOINED = re.compile(r"\s(?:và|&)\s|,\s|\s[-–]\s")
_PRESS = re.compile(r"(?:[Bb]áo|[Tt]ạp chí|[Đđ]ài|[Tt]hông tấn xã)\s")


def _joined_name(span: tuple, t: str) -> bool:
    return bool(_JOINED.search(t[span[1]:span[2]]))


def _masthead(span: tuple, t: str) -> bool:
    """"Báo Hà Nội mới", "tạp chí Cộng sản": a newspaper with its head word, which the model
    reads as a place ("Hà Nội") or cuts ("Hà Nội mới")."""
    return bool(_PRESS.match(t[span[1]:span[2]]))


def _marks(n: int, spans) -> bytearray:
    """One byte per character of the text, set where one of ``spans`` lies."""
    flags = bytearray(n)
    for x in spans:
        flags[x[1]:x[2]] = b"\x01" * (x[2] - x[1])
    return flags


def _overlapping(found: list[tuple], ends: list[int], s: int, e: int) -> list[tuple]:
    k = bisect_right(ends, s)
    out = []
    while k < len(found) and found[k][1] < e:
        out.append(found[k])
        k += 1
    return out
