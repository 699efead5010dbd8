"""Bad input gives one clear line on stderr and a non-zero exit, never a traceback."""
import pytest

from conftest import run_vnnews
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
    from crawler.store import open_store
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
