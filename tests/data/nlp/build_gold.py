"""Build gold.jsonl from the hand-annotated sources in src/*.txt.

Source format (one article per block):

    ### id: a001
    ### published: 2019-03-12T08:30        (optional)
    ### nfd: true                           (optional: store the text in NFD to test offsets)
    Text with inline annotations [TYPE surface] ...

TYPE is DATE, DOC (→ DOCREF), PER (→ PERSON), ORG or LOC. A person may carry the titles a
careful reader gives the official, in the order they are written: [PER Name|title 1;title 2].
The script strips the brackets, computes character offsets, and writes per entity its type,
surface text, occurrence index (n-th occurrence of that surface string in the text, from 0),
start and end. Offsets are checked: text[start:end] == surface.

The seed article (a real page) stays byte for byte as crawled; its annotations are stated
stand-off in src/seed_*.standoff.json as [type, surface, occurrence, titles?].

Run: python tests/data/nlp/build_gold.py   (rewrites tests/data/nlp/gold.jsonl)
"""
from __future__ import annotations

import json
import re
import sys
import unicodedata
from pathlib import Path

HERE = Path(__file__).parent
TYPES = {"DATE": "DATE", "DOC": "DOCREF", "PER": "PERSON", "ORG": "ORG", "LOC": "LOC"}
MARK = re.compile(r"\[(DATE|DOC|PER|ORG|LOC) ([^\[\]|]+?)(?:\|([^\[\]]*))?\]")


def parse_block(block: str) -> dict:
    meta = {}
    lines = block.split("\n")
    body_lines = []
    for ln in lines:
        m = re.match(r"###\s*(\w+):\s*(.*)$", ln)
        if m and not body_lines:
            meta[m.group(1)] = m.group(2).strip()
        else:
            body_lines.append(ln)
    src = "\n".join(body_lines).strip("\n")
    text_parts, ents, pos, last = [], [], 0, 0
    for m in MARK.finditer(src):
        text_parts.append(src[last:m.start()])
        pos += len(src[last:m.start()])
        surface = m.group(2)
        ent = {"type": TYPES[m.group(1)], "text": surface, "start": pos,
               "end": pos + len(surface)}
        if m.group(1) == "PER" and m.group(3):
            ent["titles"] = [t.strip() for t in m.group(3).split(";") if t.strip()]
        ents.append(ent)
        text_parts.append(surface)
        pos += len(surface)
        last = m.end()
    text_parts.append(src[last:])
    text = "".join(text_parts)
    if "[" in text and re.search(r"\[(DATE|DOC|PER|ORG|LOC)\b", text):
        raise ValueError(f"{meta.get('id')}: unparsed annotation near "
                         f"{text[text.index('['):text.index('[') + 60]!r}")
    if meta.get("nfd") == "true":
        # re-map offsets through NFD, character by character
        new_text, starts = [], []
        for ch in text:
            starts.append(sum(len(x) for x in new_text))
            new_text.append(unicodedata.normalize("NFD", ch))
        starts.append(sum(len(x) for x in new_text))
        text = "".join(new_text)
        for e in ents:
            e["start"], e["end"] = starts[e["start"]], starts[e["end"]]
            e["text"] = text[e["start"]:e["end"]]
    for e in ents:
        assert text[e["start"]:e["end"]] == e["text"], e
        e["occurrence"] = _occurrence(text, e["text"], e["start"])
    return {"id": meta["id"], "published": meta.get("published") or None, "text": text,
            "entities": ents}


def _occurrence(text: str, surface: str, start: int) -> int:
    k, idx = 0, text.find(surface)
    while idx != -1 and idx < start:
        k += 1
        idx = text.find(surface, idx + 1)
    return k


def parse_standoff(path: Path) -> dict:
    """A JSON source that states each entity as [type, surface, occurrence, titles?]."""
    spec = json.loads(path.read_text(encoding="utf-8"))
    text = (path.parent / spec["text_file"]).read_text(encoding="utf-8")
    ents = []
    for row in spec["entities"]:
        kind, surface, occ = row[0], row[1], row[2]
        idx = -1
        for _ in range(occ + 1):
            idx = text.find(surface, idx + 1)
            if idx == -1:
                raise ValueError(f"{spec['id']}: {surface!r} occurrence {occ} not found")
        ent = {"type": TYPES[kind], "text": surface, "start": idx, "end": idx + len(surface),
               "occurrence": occ}
        if len(row) > 3:
            ent["titles"] = row[3]
        ents.append(ent)
    ents.sort(key=lambda e: e["start"])
    return {"id": spec["id"], "published": spec.get("published"), "text": text,
            "entities": ents}


def build() -> list[dict]:
    docs = []
    for path in sorted((HERE / "src").glob("*.standoff.json")):
        docs.append(parse_standoff(path))
    for path in sorted((HERE / "src").glob("*.txt")):
        if path.name.startswith("seed_"):
            continue  # raw text of a standoff source
        raw = path.read_text(encoding="utf-8")
        for block in re.split(r"\n(?=### id:)", raw):
            if block.strip():
                docs.append(parse_block(block))
    ids = [d["id"] for d in docs]
    assert len(ids) == len(set(ids)), "duplicate ids"
    return docs


def main() -> int:
    docs = build()
    with open(HERE / "gold.jsonl", "w", encoding="utf-8") as f:
        for d in docs:
            f.write(json.dumps(d, ensure_ascii=False) + "\n")
    n = sum(len(d["entities"]) for d in docs)
    print(f"{len(docs)} articles, {n} entities → gold.jsonl", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
