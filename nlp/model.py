"""The statistical half of PER/ORG/LOC: a linear-chain CRF over syllables, stacked on the rules.

Why a CRF: the rules (org.py, person.py, places.py) need context words — a title, a head noun,
a unit word — and real news names most people, clubs, companies and countries without one
("Pogba", "Quảng Nam dẫn đầu", "Tổng thống Brazil"). A CRF learns those from annotated text.
It is trained by ``python -m nlp.train CORPUS`` on the dev split of the VLSP 2018 corpus only
(see nlp/corpus.py) and saved as ``nlp/data/ner.crf`` (CRFsuite format). The tagger is
underthesea_core's (Rust; underthesea itself ships and uses it), so no new dependency.

Stacking: the rule analyzer runs first; its span of each token (B-/I- and type, DATE and
DOCREF included) is a feature, so the model learns when the rules are right on general news
and what they miss. Features are strings (binary): the syllable, its shape, its neighbours,
the word lists the rules use (surnames, titles, organisation heads, unit words, place names).

Tokens: ``\\w+`` runs and single symbols of the normalised text ("Q.3" → Q . 3), so every
entity boundary of the corpus falls on a token boundary; a sequence is one line.
"""
from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from functools import lru_cache
from pathlib import Path

__all__ = ["MODEL_PATH", "features", "tokens", "rule_tags", "model_spans", "tagger",
           "LABEL_TYPES", "known_names", "with_known_orgs", "name_key", "doc_context", "spans_by_line", "clear_caches", "COMMON_FILE", "NAMES_FILE", "MAX_NAME_TOKENS"]

DATA = Path(__file__).parent / "data"
MODEL_PATH = DATA / "ner.crf"
# learned by nlp/train.py from the dev split, written beside the model:
# - syllables seen in lower case, "\tc" when at least as often as capitalised
COMMON_FILE = "ner_common.txt"
# - names annotated there with their most frequent type ("west ham\tORG"); a match is a
#   feature (the model learns how far to trust it)
NAMES_FILE = "ner_names.tsv"
# - and, written by hand, organisations news names without a head word (companies, papers,
#   clubs, international bodies): ORG where the learned names give no type
KNOWN_ORGS_FILE = DATA / "known_orgs.txt"
MAX_NAME_TOKENS = 6
# corpus types the model tags; MISC is learned (it keeps nationalities and events out of the
# three scored types) but never reported
LABEL_TYPES = ("PER", "ORG", "LOC", "MISC")
_TOKEN = re.compile(r"\w+|[^\w\s]")
_RULE_TAG = {"PERSON": "PER", "ORG": "ORG", "LOC": "LOC", "DATE": "DAT", "DOCREF": "DOC"}


def tokens(text: str) -> list[list[tuple[int, int, str]]]:
    """Lines of (start, end, text) tokens."""
    lines = []
    pos = 0
    for line in text.split("\n"):
        toks = [(pos + m.start(), pos + m.end(), m.group()) for m in _TOKEN.finditer(line)]
        if toks:
            lines.append(toks)
        pos += len(line) + 1
    return lines


def _shape(w: str) -> str:
    if w.isdigit():
        return "d"
    if not w[0].isalnum() and len(w) == 1:
        return w if w in ",.:;()\"“”-–/&'’" else "p"
    if w.isupper():
        return "A" if len(w) > 1 else "X"
    if w[0].isupper():
        return "Xx" if w[1:].islower() else "XxX"
    if w.islower():
        return "x"
    return "mix"


@lru_cache(maxsize=4)
def known_names(directory: Path = DATA) -> dict[str, str]:
    """Names learned from the corpus (``NAMES_FILE`` in ``directory``) with the hand-written
    organisations added (``with_known_orgs``)."""
    path = Path(directory) / NAMES_FILE
    out = {}
    if path.exists():
        for ln in path.read_text(encoding="utf-8").splitlines():
            name, _, kind = ln.partition("\t")
            if kind:
                out[name] = kind
    return with_known_orgs(out)


def name_key(name: str) -> str:
    """A name as the names lists hold it: its tokens in lower case, joined by spaces."""
    from .normalize import normalize
    return " ".join(t[2].lower() for line in tokens(normalize(name).text) for t in line)


@lru_cache(maxsize=1)
def _known_orgs() -> tuple[str, ...]:
    if not KNOWN_ORGS_FILE.exists():
        return ()
    lines = KNOWN_ORGS_FILE.read_text(encoding="utf-8").splitlines()
    keys = (name_key(ln) for ln in lines if ln.strip() and not ln.startswith("#"))
    return tuple(k for k in keys if k and k.count(" ") < MAX_NAME_TOKENS)


def with_known_orgs(names: dict[str, str]) -> dict[str, str]:
    """``names`` with each hand-listed organisation as ORG where ``names`` has no type."""
    out = dict(names)
    for key in _known_orgs():
        out.setdefault(key, "ORG")
    return out


def name_tags(low: list[str], cap: list[bool], names: dict[str, str]) -> list[str]:
    """B-/I- tag of each token from the longest known name starting at a capitalised token."""
    n = len(low)
    tags = ["O"] * n
    k = 0
    while k < n:
        if cap[k]:
            for length in range(min(MAX_NAME_TOKENS, n - k), 0, -1):
                kind = names.get(" ".join(low[k:k + length]))
                if kind:
                    tags[k] = "B-" + kind
                    for x in range(k + 1, k + length):
                        tags[x] = "I-" + kind
                    k += length
                    break
            else:
                k += 1
            continue
        k += 1
    return tags


@lru_cache(maxsize=4)
def _lists(directory: Path = DATA):
    from .lexicon import lexicon
    from .places import gazetteer
    lex = lexicon()
    gaz = gazetteer()
    places = {p for p in gaz.names | set(gaz.provinces) | lex.places if " " in p}
    singles = {p for p in lex.places if " " not in p}
    common, seen = set(), set()
    path = Path(directory) / COMMON_FILE
    if path.exists():
        for ln in path.read_text(encoding="utf-8").splitlines():
            word, _, kind = ln.partition("\t")
            seen.add(word)
            if kind == "c":
                common.add(word)
    common = frozenset(common)
    return (lex.surnames, set(lex.titles.by_first), set(lex.heads.by_first),
            set(lex.units.by_first), places, singles, common, seen)


@lru_cache(maxsize=1)
def dictionary_words() -> frozenset[str]:
    """Two-syllable Vietnamese words, lower case, from the word list underthesea ships
    (Viet74K; nothing is downloaded). Empty when the file is missing: the check that uses it
    (nlp/merge.py) is then off."""
    from importlib.util import find_spec
    spec = find_spec("underthesea")  # its path only: importing it costs a third of a second
    path = Path(spec.origin).parent / "corpus" / "data" / "Viet74K.txt" if spec else None
    if path is None or not path.exists():
        return frozenset()
    return frozenset(ln.lower() for ln in path.read_text(encoding="utf-8").splitlines()
                     if ln.count(" ") == 1)


def clear_caches() -> None:
    """Forget the word lists read so far (the trainer has just written new ones)."""
    _lists.cache_clear()
    known_names.cache_clear()


def lower_words(directory: Path = DATA) -> set[str]:
    """Syllables the dev split writes in lower case at least once ("thắng", "trường")."""
    return _lists(directory)[7]


def rule_tags(line: list[tuple[int, int, str]], spans: list[tuple[str, int, int]]) -> list[str]:
    """B-/I- tag of each token from the rule spans (type, start, end) on the same text."""
    tags = ["O"] * len(line)
    if not spans:
        return tags
    starts = [t[0] for t in line]
    for kind, s, e in spans:
        first = True
        for k in token_range(line, starts, s, e):
            tags[k] = ("B-" if first else "I-") + _RULE_TAG.get(kind, kind)
            first = False
    return tags


def token_range(line, starts: list[int], s: int, e: int) -> range:
    """Indexes of the tokens of ``line`` that lie inside [s, e) (``starts``: their starts)."""
    k = bisect_left(starts, s)
    b = k
    while b < len(line) and line[b][1] <= e:
        b += 1
    return range(k, b)


# how many tokens after an organisation's head word its name may still run (the "hb" feature)
HEAD_REACH = 8
# words before a capitalised run that make it a person ("ông Tuấn", "bà Merkel")
HONORIFICS = frozenset("ông bà anh chị cô chú bác cụ thầy ngài em".split())
_STOPS = (".", "!", "?", ":", "\"", "“", "-")


def doc_context(lines, line_tags: list[list[str]], directory: Path = DATA) -> dict[str, tuple]:
    """What the whole text says about each capitalised syllable (lower case), as features of
    its every occurrence: the rule types it got somewhere ("dr=PER"), whether a run holding
    it follows an honorific or a title word somewhere ("dh"), its place in a run of two or
    more ("dp=E"), and whether it is capitalised inside a sentence somewhere ("dm": so a
    sentence-initial "Hải" is read like the "Hải" of the next line)."""
    title_first = _lists(directory)[1]
    out: dict[str, set] = {}
    for line, rt in zip(lines, line_tags):
        n = len(line)
        k = 0
        while k < n:
            w0 = line[k][2]
            if not (w0[0].isupper() and w0[0].isalpha()):
                k += 1
                continue
            b = k
            while b < n and line[b][2][0].isupper() and line[b][2][0].isalpha():
                b += 1
            before = line[k - 1][2].lower() if k else "<s>"
            for x in range(k, b):
                got = out.setdefault(line[x][2].lower(), set())
                if rt[x] != "O":
                    got.add("dr=" + rt[x][2:])
                if before in HONORIFICS or before in title_first:
                    got.add("dh")
                if b - k > 1:
                    got.add("dp=" + ("B" if x == k else "E" if x == b - 1 else "I"))
                if x > 0 and line[x - 1][2] not in _STOPS:
                    got.add("dm")
            k = b
    return {w: tuple(sorted(v)) for w, v in out.items()}


def features(line: list[tuple[int, int, str]], rtags: list[str],
             names: dict[str, str] | None = None, directory: Path = DATA,
             doc: dict[str, tuple] | None = None) -> list[list[str]]:
    """Feature strings of each token; ``directory`` holds the learned word lists, ``doc``
    the document's view of its capitalised syllables (``doc_context``)."""
    surnames, title_first, head_first, unit_first, places, singles, common, seen = \
        _lists(directory)
    n = len(line)
    low = [t[2].lower() for t in line]
    shp = [_shape(t[2]) for t in line]
    glued = [k > 0 and line[k - 1][1] == line[k][0] for k in range(n)]
    # position in a run of capitalised syllables: "Nguyễn Văn A" → B I E, "Pogba" → S
    cap = [x in ("Xx", "X", "XxX") for x in shp]
    run = []
    for k in range(n):
        if not cap[k]:
            run.append("-")
            continue
        before = k > 0 and cap[k - 1]
        after = k + 1 < n and cap[k + 1]
        run.append("I" if before and after else "E" if before else "B" if after else "S")
    # the words just outside each run ("Tổng thống Mỹ [Donald Trump] tiếp tục")
    run_before, run_after, run_len = ["-"] * n, ["-"] * n, [0] * n
    k = 0
    while k < n:
        if cap[k]:
            b = k
            while b < n and cap[b]:
                b += 1
            for x in range(k, b):
                run_before[x] = low[k - 1] if k else "<s>"
                run_after[x] = low[b] if b < n else "</s>"
                run_len[x] = min(b - k, 5)
            k = b
        else:
            k += 1
    ntags = name_tags(low, [c or x == "A" for c, x in zip(cap, shp)],
                      known_names(directory) if names is None else names)
    # the organisation head word opening the name a token may be inside ("Bộ Nông nghiệp và
    # phát triển nông thôn": "phát" is 3 tokens after "bộ"), within a few tokens and no stop
    head_back = ["-"] * n
    last_head = None
    for k in range(n):
        if low[k] in _STOPS or low[k] in (";", "(", ")"):
            last_head = None
        elif last_head is not None and k - last_head[0] <= HEAD_REACH:
            head_back[k] = f"{last_head[1]}|{min(k - last_head[0], 4)}"
        if cap[k] and low[k] in head_first:
            last_head = (k, low[k])
    out = []
    for k in range(n):
        w, s = low[k], shp[k]
        p1 = low[k - 1] if k else "<s>"
        n1 = low[k + 1] if k + 1 < n else "</s>"
        p1s = shp[k - 1] if k else "<s>"
        n1s = shp[k + 1] if k + 1 < n else "</s>"
        f = [f"w={w}", f"s={s}", f"p1={p1}", f"n1={n1}", f"p1w={p1}|{w}", f"wn1={w}|{n1}",
             f"ps={p1s}|{s}", f"sn={s}|{n1s}", f"pns={p1s}|{s}|{n1s}",
             f"r={rtags[k]}", f"rp={rtags[k - 1] if k else '<s>'}|{rtags[k]}",
             f"rn={rtags[k]}|{rtags[k + 1] if k + 1 < n else '</s>'}"]
        f.append(f"run={run[k]}")
        if head_back[k] != "-":
            f.append(f"hb={head_back[k]}")
            f.append(f"hbs={head_back[k].partition('|')[0]}|{s}")
        if k > 1:
            f.append(f"r2p={rtags[k - 2]}")
        if k + 2 < n:
            f.append(f"r2n={rtags[k + 2]}")
        if cap[k]:
            f.append(f"rb={run_before[k]}")
            f.append(f"ra={run_after[k]}")
            f.append(f"rl={run_len[k]}|{run[k]}")
            f.append(f"pre={w[:2]}")
        if ntags[k] != "O":
            f.append(f"nm={ntags[k]}")
            f.append(f"nmr={ntags[k]}|{rtags[k]}")
        if k > 1:
            f.append(f"p2={low[k - 2]}")
            f.append(f"p21={low[k - 2]}|{p1}")
        if k + 2 < n:
            f.append(f"n2={low[k + 2]}")
            f.append(f"n12={n1}|{low[k + 2]}")
        if cap[k]:
            # "cm": usually written lower case (a sentence start or a title word); "nv": never
            # seen in lower case in dev (a proper name, often foreign: "Pogba", "Merkel")
            f.append("cm" if w in common else "lw" if w in seen else "nv")
            if doc:
                f.extend(doc.get(w, ()))
        if k == 0 or low[k - 1] in (".", "!", "?", ":", "\"", "“", "-"):
            f.append("st")
        if glued[k]:
            f.append("g")
        if k + 1 < n and glued[k + 1]:
            f.append("gn")
        if len(w) > 3 and s != "x":
            f.append(f"suf={w[-3:]}")
        if s in ("Xx", "X") and w in surnames:
            f.append("sur")
        if w in title_first:
            f.append("ti")
        if w in head_first:
            f.append("hd")
        if w in unit_first:
            f.append("un")
        if w in singles:
            f.append("pl1")
        if k + 1 < n and f"{w} {n1}" in places:
            f.append("plB")
        if k and f"{p1} {w}" in places:
            f.append("plE")
        if k + 2 < n and f"{w} {n1} {low[k + 2]}" in places:
            f.append("plB3")
        out.append(f)
    return out


def tagger(path: Path | None = None):
    """A trained model, loaded once (None when the file is missing: rules alone)."""
    return _load(str(path or MODEL_PATH))


@lru_cache(maxsize=4)
def _load(path: str):
    if not Path(path).exists():
        return None
    from underthesea_core import CRFTagger
    t = CRFTagger()
    t.load(path)
    return t


def decode(line: list[tuple[int, int, str]], labels: list[str]) -> list[tuple[str, int, int]]:
    """BIO labels → (type, start, end) spans (an I- without a B- opens a span)."""
    spans = []
    cur = None
    for (s, e, _), lab in zip(line, labels):
        if lab == "O" or lab.startswith("B-") or (cur and cur[0] != lab[2:]):
            if cur:
                spans.append(tuple(cur))
                cur = None
        if lab != "O":
            if cur is None:
                cur = [lab[2:], s, e]
            else:
                cur[2] = e
    if cur:
        spans.append(tuple(cur))
    return spans


_TRAILING = set("-,;:/(")


def repair(line, spans: list[tuple[str, int, int]]) -> list[tuple[str, int, int]]:
    """A span never ends with a dash, comma, colon or slash ("Nguyễn Xuân Huân - Chủ tịch":
    the CRF sometimes takes the dash)."""
    out = []
    end = {e: k for k, (_, e, _) in enumerate(line)}
    for kind, s, e in spans:
        b = end.get(e)
        while b is not None and line[b][0] > s and line[b][2] in _TRAILING:
            b -= 1
        out.append((kind, s, line[b][1] if b is not None else e))
    return out


class ModelResult:
    """The model's spans of one text, and the probability it gives any other span."""

    def __init__(self, spans, lines, ruled, tg, doc=None):
        self.spans = spans
        self._doc = doc
        self._lines = lines
        self._starts = [line[0][0] for line in lines]
        self._ruled = ruled  # the rule spans of each line
        self._tagger = tg
        self._token_starts: dict[int, list[int]] = {}
        self._marg: dict[int, list] = {}  # marginals of a line, computed when first asked
        self._index = {lab: k for k, lab in enumerate(tg.labels())} if tg else {}

    def prob(self, kind: str, s: int, e: int) -> float:
        """Approximate probability (product of token marginals) that [s, e) is one ``kind``
        span: B- on its first token, I- on the rest, no I- on the token after."""
        if self._tagger is None or not self._lines:
            return 0.0
        no = bisect_right(self._starts, s) - 1
        if no < 0 or not s < self._lines[no][-1][1] + 1:
            return 0.0
        line = self._lines[no]
        if no not in self._marg:
            # features are made again for the few lines asked about (keeping every line's
            # features costs more memory than the text)
            feats = features(line, rule_tags(line, self._ruled[no]), doc=self._doc)
            self._marg[no] = self._tagger.marginals(feats)
        marg = self._marg[no]
        b, i = self._index.get("B-" + kind), self._index.get("I-" + kind)
        if no not in self._token_starts:
            self._token_starts[no] = [t[0] for t in line]
        p, first, last = 1.0, True, None
        for k in token_range(line, self._token_starts[no], s, e):
            p *= marg[k][b if first else i]
            first = False
            last = k
        if last is None:
            return 0.0
        if last + 1 < len(line):
            p *= 1.0 - marg[last + 1][i]
        return p


def spans_by_line(lines, spans: list[tuple[str, int, int]]) -> list[list[tuple[str, int, int]]]:
    """The spans that overlap each line (found by bisection: a 5 MB text has many lines and
    spans, and testing every pair is quadratic)."""
    starts = [line[0][0] for line in lines]
    out: list[list] = [[] for _ in lines]
    for span in spans:
        _, s, e = span[:3]
        no = max(bisect_right(starts, s) - 1, 0)
        while no < len(lines) and starts[no] < e:
            if lines[no][-1][1] > s:
                out[no].append(span)
            no += 1
    return out


def model_spans(text: str, rule_spans: list[tuple[str, int, int]]) -> ModelResult:
    """Spans (corpus type, start, end) the model finds in the normalised ``text``; marginals
    are computed for a line when a rule span there is weighed against the model."""
    tg = tagger()
    lines = tokens(text)
    if tg is None:
        return ModelResult([], lines, [], None)
    lines = [piece for line in lines for piece in _pieces(line)]
    ruled = spans_by_line(lines, rule_spans)
    tags = [rule_tags(line, inside) for line, inside in zip(lines, ruled)]
    doc = doc_context(lines, tags)
    out = []
    for line, rt in zip(lines, tags):
        f = features(line, rt, doc=doc)
        out.extend(repair(line, decode(line, tg.tag(f))))
    return ModelResult(out, lines, ruled, tg, doc)


# a line longer than this many tokens is tagged in pieces cut after a full stop (or at the
# limit): the features of a line are held while it is tagged, and a 5 MB one-line text
# would need gigabytes (news paragraphs are far shorter)
MAX_SEQUENCE = 400


def _pieces(line):
    if len(line) <= MAX_SEQUENCE:
        return [line]
    out, start = [], 0
    while start < len(line):
        end = min(start + MAX_SEQUENCE, len(line))
        if end < len(line):
            stop = max((k for k in range(start + MAX_SEQUENCE // 2, end)
                        if line[k][2] in (".", "!", "?", ";")), default=end - 1)
            end = stop + 1
        out.append(line[start:end])
        start = end
    return out
