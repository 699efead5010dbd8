"""`vnnews analyze`: JSON lines in, mentions out; malformed lines reported and skipped."""
import io
import json
import subprocess

from conftest import ROOT, VNNEWS, run_vnnews
from nlp.jsonl import analyze_lines


def test_analyze_lines_in_process():
    src = io.StringIO(
        '{"id": "a", "text": "Ngày 26/7, Kế hoạch 155/KH-UBND", "published": "2018-07-30"}\n'
        "not json\n"
        '{"id": "b"}\n'
        '{"id": "c", "text": "ông Lê Văn Tư"}\n')
    out, err = io.StringIO(), io.StringIO()
    assert analyze_lines(src, out, err) == 2
    lines = [json.loads(x) for x in out.getvalue().splitlines()]
    assert [x["id"] for x in lines] == ["a", "c"]
    first = lines[0]["mentions"]
    assert [(m["type"], m["text"], m["value"]) for m in first] == [
        ("DATE", "Ngày 26/7", "2018-07-26"), ("DOCREF", "Kế hoạch 155/KH-UBND", "155/KH-UBND")]
    assert set(first[0]) == {"type", "text", "start", "end", "value", "attrs"}
    errors = err.getvalue().splitlines()
    assert len(errors) == 2
    assert errors[0].startswith("line 2:") and errors[1].startswith("line 3:")


def test_analyze_command():
    line = json.dumps({"id": 7, "text": "Chủ tịch UBND quận Hoàng Mai Nguyễn Minh Tâm",
                       "published": "2018-10-08"}, ensure_ascii=False)
    done = subprocess.run([*VNNEWS, "analyze"], input=line + "\n{oops\n", capture_output=True,
                          text=True, timeout=120, cwd=ROOT)
    assert done.returncode == 1
    (out,) = [json.loads(x) for x in done.stdout.splitlines()]
    assert out["id"] == 7
    assert {m["type"] for m in out["mentions"]} == {"ORG", "PERSON"}
    assert done.stderr.strip().startswith("line 2:")


def test_help_has_an_example():
    for args in (("analyze", "--help"), ("eval", "nlp", "--help")):
        done = run_vnnews(*args)
        assert done.returncode == 0
        assert "Example: vnnews " + " ".join(args[:-1]) in " ".join(done.stdout.split())
