"""Legacy Vietnamese font encodings: detect TCVN3 (ABC) and VNI text and convert it to NFC Unicode.

Before Unicode, Vietnamese was typed with 8-bit fonts: TCVN3 (TCVN 5712:1993, the ".VnTime" fonts of
the ABC keyboard) gives every lowercase accented letter a byte of its own; VNI ("VNI-Times" fonts)
writes a plain letter followed by a byte carrying its marks. Web pages made with those fonts declare
iso-8859-1 / windows-1252 or nothing, so their bytes decode "successfully" into garbage such as
"Qu©n" (TCVN3) or "Quaän" (VNI) for "Quận".

Detection reads every word that holds a non-ASCII character three ways — as the text already is,
as TCVN3 and as VNI — and asks which readings are well-formed Vietnamese syllables (initial
consonant + rhyme + at most one tone, stop finals only with the acute or dot tone). Legacy text is
converted only when its legacy reading clearly wins: real Unicode Vietnamese and English stay as
they are. A page that mixes a Unicode template with a legacy article is converted text node by
text node. Pages without Latin-1 symbols glued to letters ("Qu©n", "Quaän") skip the word test.
"""
from __future__ import annotations

import html
import re
import unicodedata
from functools import lru_cache

from crawler.extract.decode import mostly_utf8

__all__ = ["fix_legacy", "detect_legacy", "decode_tcvn3", "decode_vni", "encode_tcvn3",
           "encode_vni", "is_vietnamese_syllable", "LEGACY_ENCODINGS"]

LEGACY_ENCODINGS = ("tcvn3", "vni")

# ---- TCVN3 (TCVN 5712:1993) ------------------------------------------------------------------
# The VN3 repertoire (ABC keyboard, .VnTime fonts): lowercase letters with marks, and the seven
# uppercase letters Ă Â Ê Ô Ơ Ư Đ. Other uppercase accented letters were written with the same
# lowercase bytes in a separate "H" font (.VnTimeH), a distinction HTML loses. The full VN1 set also
# puts uppercase letters in 0xA0–0xFF gaps (taken here: VN3 leaves those bytes unused) and in
# 0x01–0x17 / 0x80–0x9F (not taken: web pages use 0x80–0x9F for windows-1252 quotes and dashes).
_TCVN3 = {
    0xA1: "Ă", 0xA2: "Â", 0xA3: "Ê", 0xA4: "Ô", 0xA5: "Ơ", 0xA6: "Ư", 0xA7: "Đ",
    0xA8: "ă", 0xA9: "â", 0xAA: "ê", 0xAB: "ô", 0xAC: "ơ", 0xAD: "ư", 0xAE: "đ", 0xAF: "Ằ",
    0xB0: "\u0300", 0xB1: "\u0309", 0xB2: "\u0303", 0xB3: "\u0301", 0xB4: "\u0323",
    0xB5: "à", 0xB6: "ả", 0xB7: "ã", 0xB8: "á", 0xB9: "ạ", 0xBA: "Ẳ", 0xBB: "ằ", 0xBC: "ẳ",
    0xBD: "ẵ", 0xBE: "ắ", 0xBF: "Ẵ", 0xC0: "Ắ", 0xC1: "Ầ", 0xC2: "Ẩ", 0xC3: "Ẫ", 0xC4: "Ấ",
    0xC5: "Ề", 0xC6: "ặ", 0xC7: "ầ", 0xC8: "ẩ", 0xC9: "ẫ", 0xCA: "ấ", 0xCB: "ậ", 0xCC: "è",
    0xCD: "Ể", 0xCE: "ẻ", 0xCF: "ẽ", 0xD0: "é", 0xD1: "ẹ", 0xD2: "ề", 0xD3: "ể", 0xD4: "ễ",
    0xD5: "ế", 0xD6: "ệ", 0xD7: "ì", 0xD8: "ỉ", 0xD9: "Ễ", 0xDA: "Ế", 0xDB: "Ồ", 0xDC: "ĩ",
    0xDD: "í", 0xDE: "ị", 0xDF: "ò", 0xE0: "Ổ", 0xE1: "ỏ", 0xE2: "õ", 0xE3: "ó", 0xE4: "ọ",
    0xE5: "ồ", 0xE6: "ổ", 0xE7: "ỗ", 0xE8: "ố", 0xE9: "ộ", 0xEA: "ờ", 0xEB: "ở", 0xEC: "ỡ",
    0xED: "ớ", 0xEE: "ợ", 0xEF: "ù", 0xF0: "Ỗ", 0xF1: "ủ", 0xF2: "ũ", 0xF3: "ú", 0xF4: "ụ",
    0xF5: "ừ", 0xF6: "ử", 0xF7: "ữ", 0xF8: "ứ", 0xF9: "ự", 0xFA: "ỳ", 0xFB: "ỷ", 0xFC: "ỹ",
    0xFD: "ý", 0xFE: "ỵ", 0xFF: "Ố",
}
_TCVN3_TABLE = str.maketrans(_TCVN3)

# ---- VNI (VNI-Windows) -----------------------------------------------------------------------
# A base letter followed by a byte for its marks; ơ, ư, đ and the marked i / ỵ have bytes of
# their own. Mark bytes come in a lowercase and an uppercase form (after A they are uppercase).
_GRAVE, _ACUTE, _HOOK, _TILDE, _DOT = "\u0300", "\u0301", "\u0309", "\u0303", "\u0323"
_CIRCUMFLEX, _BREVE = "\u0302", "\u0306"
_VNI_TONES = {"ø": _GRAVE, "ù": _ACUTE, "û": _HOOK, "õ": _TILDE, "ï": _DOT}
_VNI_CIRCUMFLEX = {"â": "", "á": _ACUTE, "à": _GRAVE, "å": _HOOK, "ã": _TILDE, "ä": _DOT}
_VNI_BREVE = {"ê": "", "é": _ACUTE, "è": _GRAVE, "ú": _HOOK, "ü": _TILDE, "ë": _DOT}
_VNI_LETTERS = {"ô": "ơ", "ö": "ư", "ñ": "đ", "ì": "ì", "í": "í", "æ": "ỉ", "ó": "ĩ", "ò": "ị",
                "î": "ỵ"}
# mark byte (both cases) -> (the shape mark it adds, the tone it adds, bases it applies to)
_VNI_MARKS: dict[str, tuple[str, str, frozenset]] = {}
for _mark, _tone in _VNI_TONES.items():
    _VNI_MARKS[_mark] = ("", _tone, frozenset("aeiouyơư"))
for _mark, _tone in _VNI_CIRCUMFLEX.items():
    _VNI_MARKS[_mark] = (_CIRCUMFLEX, _tone, frozenset("aeo"))
for _mark, _tone in _VNI_BREVE.items():
    _VNI_MARKS[_mark] = (_BREVE, _tone, frozenset("a"))
for _mark in list(_VNI_MARKS):
    _VNI_MARKS[_mark.upper()] = _VNI_MARKS[_mark]
_VNI_LETTERS.update({k.upper(): v.upper() for k, v in _VNI_LETTERS.items()})

# ---- what a Vietnamese syllable looks like -----------------------------------------------------
_TONE_MARKS = {_GRAVE, _ACUTE, _HOOK, _TILDE, _DOT}
_INITIALS = ("ngh", "ng", "nh", "ch", "gh", "gi", "kh", "ph", "qu", "th", "tr",
             "b", "c", "d", "đ", "g", "h", "k", "l", "m", "n", "p", "r", "s", "t", "v", "x")
_RHYMES = """
a ac ach ai am an ang anh ao ap at au ay ăc ăm ăn ăng ăp ăt âc âm ân âng âp ât âu ây
e ec em en eng eo ep et ê êch êm ên ênh êp êt êu
i ia ich im in inh ip it iu iêc iêm iên iêng iêp iêt iêu
o oa oac oach oai oam oan oang oanh oao oap oat oay oăc oăm oăn oăng oăt oc oe oen oeo oet
oi om on ong ooc oong op ot ô ôc ôi ôm ôn ông ôp ôt ơ ơi ơm ơn ơp ơt
u ua uân uâng uât uây uc uê uêch uênh ui um un ung uơ uôc uôi uôm uôn uông uôt up ut
uy uya uych uyên uyêt uynh uyt uyu
ư ưa ưc ưi ưm ưn ưng ưt ưu ươc ươi ươm ươn ương ươp ươt ươu
y yêm yên yêt yêu
""".split()
_SYLLABLE = re.compile(
    "(?:%s)?(?:%s)" % ("|".join(_INITIALS), "|".join(sorted(_RHYMES, key=len, reverse=True))))
_STOP_FINALS = ("c", "ch", "p", "t")

# Words: runs of letters, where any Latin-1 letter or symbol may be a legacy letter (TCVN3 puts
# "ư" on the soft hyphen 0xAD and "â" on "©"). 0x80–0x9F and the no-break space separate words.
_WORD = re.compile(r"[A-Za-z\u00a1-\u00ff\u0100-\u024f\u0300-\u036f\u1ea0-\u1ef9]+")
_TAG = re.compile(r"(<!--.*?-->|<[^>]*>)", re.S)
_ENTITY = re.compile(r"&(?:#\d{2,3}|#[xX][0-9a-fA-F]{2}|[A-Za-z]{2,8}\d{0,2});")
# Latin-1 characters that Vietnamese never uses but legacy text is full of: TCVN3's letters on
# symbol codes (© = â, ­ = ư, µ = à, ¸ = á, ® = đ ...) and VNI's mark bytes (ä, ø, û, ö, ñ ...).
_SIGN_CHARS = "\u00a1-\u00ae\u00b5-\u00be\u00c4-\u00c7\u00cb\u00ce\u00cf\u00d1\u00d6-\u00d8" \
              "\u00db\u00dc\u00de\u00df\u00e4-\u00e7\u00eb\u00ee\u00ef\u00f1\u00f6-\u00f8" \
              "\u00fb\u00fc\u00fe"
_SIGNS = re.compile(f"[A-Za-z][{_SIGN_CHARS}]|[{_SIGN_CHARS}][A-Za-z]")

# Evidence needed before anything is converted (chosen on the fixture pages and real samples of
# Unicode news text, where a legacy reading that is both different and well-formed is rare):
MIN_LEGACY_WORDS = 3  # at least this many words read as well-formed legacy syllables
WHOLE_PAGE_RATIO = 4  # whole page converted when legacy words ≥ 4 × words already well-formed
SEGMENT_RATIO = 2  # otherwise a text node is converted when legacy words > 2 × well-formed ones

# A body that decode.mostly_utf8 calls UTF-8 with a few broken bytes is never legacy: the
# TCVN3 and VNI copies of the project's 250 pages have no valid multi-byte sequence at all.

# decode_html's names for the single-byte encodings legacy pages arrive in → Python codecs.
_SINGLE_BYTE = {"iso-8859-1": "latin-1", "latin-1": "latin-1", "iso8859-1": "latin-1",
                "windows-1252": "cp1252", "cp1252": "cp1252",
                "windows-1258": "cp1258", "cp1258": "cp1258"}


def is_vietnamese_syllable(word: str) -> bool:
    """True when ``word`` is a well-formed Vietnamese syllable (any case, NFC or NFD)."""
    decomposed = unicodedata.normalize("NFD", word.lower())
    tones = [c for c in decomposed if c in _TONE_MARKS]
    if len(tones) > 1:
        return False
    base = unicodedata.normalize("NFC", "".join(c for c in decomposed if c not in _TONE_MARKS))
    match = _SYLLABLE.fullmatch(base)
    if not match:
        return False
    if base.endswith(_STOP_FINALS) and tones and tones[0] not in (_ACUTE, _DOT):
        return False
    return True


def _as_text(data: bytes | str) -> str:
    return data.decode("latin-1") if isinstance(data, (bytes, bytearray)) else data


def _cp1252_controls(text: str) -> str:
    """Bytes 0x80–0x9F (read as Latin-1 controls) → the windows-1252 characters they stand for."""
    return re.sub(r"[\x80-\x9f]",
                  lambda m: m.group(0).encode("latin-1").decode("cp1252", errors="replace"), text)


def decode_tcvn3(data: bytes | str) -> str:
    """TCVN3 bytes (or their Latin-1 reading) → NFC Unicode; characters above U+00FF pass."""
    text = _as_text(data).translate(_TCVN3_TABLE)
    return unicodedata.normalize("NFC", _cp1252_controls(text))


def decode_vni(data: bytes | str) -> str:
    """VNI bytes (or their Latin-1 reading) → NFC Unicode. Characters above U+00FF pass through."""
    out: list[str] = []
    for char in _cp1252_controls(_as_text(data)):
        if char in _VNI_MARKS and out:
            shape, tone, bases = _VNI_MARKS[char]
            previous = out[-1]
            if previous.lower() in bases:  # one plain vowel, or ơ / ư
                out[-1] = unicodedata.normalize(
                    "NFC", unicodedata.normalize("NFD", previous) + shape + tone)
                continue
        out.append(_VNI_LETTERS.get(char, char))
    return unicodedata.normalize("NFC", "".join(out))


def encode_tcvn3(text: str) -> bytes:
    """NFC Unicode → TCVN3 bytes (for tests and fixtures). Uppercase accented letters that VN3
    lacks are written lowercase, as the .VnTime fonts did."""
    inverse = {u: b for b, u in _TCVN3.items() if len(u) == 1 and not unicodedata.combining(u)}
    out = bytearray()
    for char in unicodedata.normalize("NFC", text):
        if ord(char) < 0x80:
            out.append(ord(char))
        elif char in inverse:
            out.append(inverse[char])
        elif char.lower() in inverse:
            out.append(inverse[char.lower()])
        else:
            out += char.encode("cp1252")  # raises for what TCVN3 cannot write
    return bytes(out)


def encode_vni(text: str) -> bytes:
    """NFC Unicode → VNI bytes (for tests and fixtures)."""
    letters = {v: k for k, v in _VNI_LETTERS.items()}
    tone_byte = {t: m for m, t in _VNI_TONES.items()}
    circ_byte = {t: m for m, t in _VNI_CIRCUMFLEX.items()}
    breve_byte = {t: m for m, t in _VNI_BREVE.items()}
    out = []
    for char in unicodedata.normalize("NFC", text):
        if ord(char) < 0x80 or char in letters:
            out.append(letters.get(char, char))
            continue
        parts = unicodedata.normalize("NFD", char)
        base, marks = parts[0], parts[1:]
        tone = next((m for m in marks if m in _TONE_MARKS), "")
        upper = base.isupper()
        if _CIRCUMFLEX in marks:
            mark = circ_byte[tone]
        elif _BREVE in marks:
            mark = breve_byte[tone]
        elif "\u031b" in marks:  # horn: ơ / ư have bytes of their own
            base = letters[unicodedata.normalize("NFC", base + "\u031b")]
            mark = tone_byte[tone] if tone else ""
        elif base.lower() == "i" or (base.lower() == "y" and tone == _DOT):
            out.append(letters[char])
            continue
        elif tone:
            mark = tone_byte[tone]
        else:  # not a Vietnamese letter: windows-1252 or UnicodeEncodeError
            out.append(char)
            continue
        out.append(base + (mark.upper() if upper else mark))
    return "".join(out).encode("cp1252")


_DECODERS = {"tcvn3": decode_tcvn3, "vni": decode_vni}


def _reading(codec: str | None):
    """How the page reads without legacy conversion: as decoded already (codec None), or the
    Latin-1 carrier of its bytes decoded with ``codec``."""
    if codec is None:
        return lambda piece: piece
    return lambda piece: unicodedata.normalize(
        "NFC", piece.encode("latin-1").decode(codec, errors="replace"))


@lru_cache(maxsize=1 << 16)  # words repeat: a page's distinct words are few
def _word_verdict(word: str, codec: str | None) -> tuple[tuple[int, int], ...]:
    """For each legacy encoding: (is ``word`` well-formed as it reads, is it well-formed as
    that encoding reads it); (0, 0) when both readings are the same word (no evidence)."""
    as_is = _reading(codec)(word)
    ok = int(is_vietnamese_syllable(as_is))
    if not ok and codec in ("latin-1", "cp1252"):
        # windows-1258 bytes under a Latin-1 label: Vietnamese Windows text, not a legacy font
        ok = int(is_vietnamese_syllable(_reading("cp1258")(word)))
    if any(ord(c) > 0xFF for c in word):  # no 8-bit font produced this word
        return ((ok, 0),) * len(LEGACY_ENCODINGS)
    verdicts = []
    for name in LEGACY_ENCODINGS:
        converted = _DECODERS[name](word)
        if converted == as_is:
            verdicts.append((0, 0))
        else:
            verdicts.append((ok, int(is_vietnamese_syllable(converted))))
    return tuple(verdicts)


def _score(text: str, codec: str | None = None) -> dict[str, tuple[int, int]]:
    """For each legacy encoding, over the words of ``text`` that it reads differently: how
    many are well-formed syllables as they read, and how many as that encoding reads them."""
    totals = {name: [0, 0] for name in LEGACY_ENCODINGS}
    for word in _WORD.findall(text):
        if len(word) < 2 or word.isascii():
            continue
        for name, (plain, legacy) in zip(LEGACY_ENCODINGS, _word_verdict(word, codec)):
            totals[name][0] += plain
            totals[name][1] += legacy
    return {name: (plain, legacy) for name, (plain, legacy) in totals.items()}


def _best(scores: dict[str, tuple[int, int]]) -> tuple[str, int, int]:
    """The legacy encoding with the most well-formed words: (name, legacy words, plain words)."""
    name = max(scores, key=lambda n: scores[n][1])
    return name, scores[name][1], scores[name][0]


def _unescape_latin1(text: str) -> str:
    """Character references to Latin-1 letters and symbols (&copy;, &#181;, &eacute;) → the
    characters; markup references (&amp; &lt; &gt; &quot; &nbsp;) stay."""
    def one(match):
        char = html.unescape(match.group(0))
        return char if len(char) == 1 and 0xA1 <= ord(char) <= 0xFF else match.group(0)
    return _ENTITY.sub(one, text)


def _has_legacy_signs(text: str) -> bool:
    """Cheap first test: legacy text is full of Latin-1 symbols and foreign letters glued to
    ASCII letters ("Qu©n", "Quaän"); Unicode Vietnamese and English almost never are."""
    found = 0
    for _ in _SIGNS.finditer(text):
        found += 1
        if found >= MIN_LEGACY_WORDS:
            return True
    return False


def detect_legacy(text: str) -> str | None:
    """"tcvn3" or "vni" when ``text`` (HTML or plain) is written in that legacy encoding as a
    whole, else None."""
    if not _has_legacy_signs(text):
        return None
    name, count, unicode_ok = _best(_score(text))
    if count >= MIN_LEGACY_WORDS and count >= WHOLE_PAGE_RATIO * unicode_ok:
        return name
    return None


def _convert_words(text: str, decode) -> str:
    """Decode every word; a word typed in capitals (ASCII letters all uppercase) comes out in
    capitals, since TCVN3 wrote uppercase marked letters with lowercase bytes."""
    def one(match):
        word = match.group(0)
        converted = decode(word)
        ascii_letters = [c for c in word if c.isascii() and c.isalpha()]
        if len(ascii_letters) >= 2 and all(c.isupper() for c in ascii_letters):
            converted = converted.upper()
        return converted
    return unicodedata.normalize("NFC", _cp1252_controls(_WORD.sub(one, text)))


def fix_legacy(text: str, body: bytes | None = None,
               encoding: str | None = None) -> tuple[str, str | None]:
    """Convert legacy-encoded Vietnamese to NFC Unicode.

    ``text`` is the page as decoded (by crawler.extract.decode.decode_html); pass the raw ``body``
    and the ``encoding`` it was decoded with to convert from the exact bytes when that encoding is
    single-byte (windows-1258 decoding merges some legacy bytes into combining marks). Returns
    ``(text, "tcvn3" | "vni")`` when converted, ``(text, None)`` unchanged otherwise.
    """
    codec = _SINGLE_BYTE.get((encoding or "").lower()) if body is not None else None
    carrier = bytes(body).decode("latin-1") if codec else text
    if codec != "cp1258" and "&" in carrier:
        carrier = _unescape_latin1(carrier)  # editors wrote legacy bytes as &copy; &micro; ...
    if not _has_legacy_signs(carrier):
        return text, None
    if body is not None and mostly_utf8(bytes(body)) is not None:
        return text, None  # UTF-8 with a few broken bytes, not a legacy font encoding
    reading = _reading(codec)
    name, count, unicode_ok = _best(_score(carrier, codec))
    if count < MIN_LEGACY_WORDS:
        return text, None
    decode = _DECODERS[name]
    if count >= WHOLE_PAGE_RATIO * unicode_ok:
        return _convert_words(carrier, decode), name
    # A Unicode page holding legacy text: convert the text nodes whose legacy reading wins.
    pieces = _TAG.split(carrier)
    changed = False
    for i in range(0, len(pieces), 2):  # even indexes are text between tags
        piece_ok, piece_legacy = _score(pieces[i], codec)[name]
        if piece_legacy and piece_legacy > SEGMENT_RATIO * piece_ok:
            pieces[i] = _convert_words(pieces[i], decode)
            changed = True
        else:
            pieces[i] = reading(pieces[i])
    for i in range(1, len(pieces), 2):
        pieces[i] = reading(pieces[i])
    if not changed:
        return text, None
    return unicodedata.normalize("NFC", "".join(pieces)), name
