"""Bad input gives one clear line on stderr and a non-zero exit, never a traceback."""
import json
import subprocess

import pytest

from conftest import ROOT, VNNEWS, run_vnnews
from crawler.site.serve import free_port


def assert_one_clear_line(done, *fragments):
    assert done.returncode != 0
    lines = done.stderr.strip().splitlines()
    assert len(lines) == 1, done.stderr
    assert lines[0].startswith("Error: ")
    assert "Traceback" not in done.stderr
    for fragment in fragments:
        assert fragment in lines[0]


def test_missing_sources_file(tmp_path):
    done = run_vnnews("crawl", "--sources", str(tmp_path / "none.toml"),
                      "--db", str(tmp_path / "x.db"))
    assert_one_clear_line(done, "none.toml", "sources file not found")


def test_malformed_sources_file(tmp_path):
    path = tmp_path / "sources.toml"
    path.write_text('[[source]]\nname = "a"\nkind = "portal"\nbase_url = http://x\n')
    done = run_vnnews("crawl", "--sources", str(path), "--db", str(tmp_path / "x.db"))
    assert_one_clear_line(done, str(path), "not valid TOML", "line 4")


def test_bad_entry_names_line_key_and_fix(tmp_path):
    path = tmp_path / "sources.toml"
    path.write_text('\n[[source]]\nname = "a"\nkind = "portal"\nbase_url = "http://x/"\n'
                    'delay = "fast"\n')
    done = run_vnnews("crawl", "--sources", str(path), "--db", str(tmp_path / "x.db"))
    assert_one_clear_line(done, f"{path}:2", "'delay'", "expected seconds")


def test_unreachable_source(tmp_path):
    port = free_port()  # nothing listens there
    path = tmp_path / "sources.toml"
    path.write_text(f'[[source]]\nname = "gone"\nkind = "portal"\n'
                    f'base_url = "http://127.0.0.1:{port}/"\ndelay = 0\n')
    db = tmp_path / "x.db"
    done = run_vnnews("crawl", "--sources", str(path), "--db", str(db))
    assert_one_clear_line(done, "source 'gone' unreachable", f"127.0.0.1:{port}")
    # the failure is recorded, nothing is lost
    from crawler.archive.store import open_store
    store = open_store(db, create=False)
    assert store.count("failures") >= 1 and store.count("crawls") == 1


@pytest.mark.parametrize("command", ["crawl", "process", "serve"])
def test_database_path_that_cannot_be_written(tmp_path, command):
    done = run_vnnews(command, "--db", str(tmp_path / "no" / "such" / "dir" / "x.db"))
    assert_one_clear_line(done, "x.db")


def test_database_that_is_not_sqlite(tmp_path):
    path = tmp_path / "x.db"
    path.write_bytes(b"garbage" * 1000)
    done = run_vnnews("process", "--db", str(path))
    assert_one_clear_line(done, "x.db", "not a database")


@pytest.mark.parametrize("command", ["crawl", "process", "serve", "demo"])
def test_every_command_has_help_with_an_example(command):
    done = run_vnnews(command, "--help")
    assert done.returncode == 0
    assert "Example: vnnews " + command in " ".join(done.stdout.split())
    assert "--db" in done.stdout


# ---- issue 12, item 10: hostile configuration and output ------------------------------------

@pytest.mark.parametrize("base_url, fragment", [
    ("http://[::1/x/", "not a valid URL (Invalid IPv6 URL)"),
    ("http://127.0.0.1:70000/", "not a valid URL (Port out of range 0-65535)"),
    ("file:///etc/", "scheme 'file:' is not http or https"),
])
def test_bad_base_url_is_one_line(tmp_path, base_url, fragment):
    path = tmp_path / "sources.toml"
    path.write_text(f'[[source]]\nname = "a"\nkind = "portal"\nbase_url = "{base_url}"\n')
    done = run_vnnews("crawl", "--sources", str(path), "--db", str(tmp_path / "x.db"))
    assert_one_clear_line(done, f"{path}:1: source #1: key 'base_url'", fragment)


def test_sources_file_not_utf8_is_one_line(tmp_path):
    path = tmp_path / "sources.toml"
    path.write_bytes(b'[[source]]\nname = "a"\ndistrict = "Ho\xe0ng Mai"\n')
    done = run_vnnews("crawl", "--sources", str(path), "--db", str(tmp_path / "x.db"))
    assert_one_clear_line(done, f"{path}:3: not UTF-8", "save the file as UTF-8")


def _page(n: int) -> str:
    links = "".join(f'<a href="/f/{i}.pdf">Văn bản {i}</a>' for i in range(n))
    return (f"<html><head><title>Văn bản</title></head><body><h1>Danh mục văn bản</h1>"
            f"<p>{'Ủy ban nhân dân phường thông báo danh mục văn bản mới ban hành. ' * 3}</p>"
            f"<div>{links}</div></body></html>")


def test_extract_goes_on_past_a_missing_file(tmp_path):
    (tmp_path / "a.html").write_text(_page(2), encoding="utf-8")
    (tmp_path / "b.html").write_text(_page(3), encoding="utf-8")
    done = run_vnnews("extract", str(tmp_path / "a.html"), str(tmp_path / "missing.html"),
                      str(tmp_path / "b.html"), "--jsonl")
    assert_one_clear_line(done, "no such file", "missing.html")
    printed = [json.loads(line)["url"] for line in done.stdout.splitlines()]
    assert [u.rsplit("/", 1)[1] for u in printed] == ["a.html", "b.html"]


def test_extract_into_a_closed_pipe_ends_quietly(tmp_path):
    page = tmp_path / "page.html"
    page.write_text(_page(20_000), encoding="utf-8")  # output far over a pipe's buffer
    proc = subprocess.Popen([*VNNEWS, "extract", str(page), str(page)], stdout=subprocess.PIPE,
                            stderr=subprocess.PIPE, cwd=ROOT)
    assert proc.stdout.readline() == b"{\n"  # what `| head -1` reads
    proc.stdout.close()
    err = proc.communicate(timeout=300)[1].decode()
    assert proc.returncode == 141  # as a command stopped by SIGPIPE
    assert err == ""
