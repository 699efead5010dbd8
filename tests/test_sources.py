"""data/sources.toml: loading, validation, and one clear line per mistake."""
from pathlib import Path

import pytest

from crawler.errors import ConfigError
from crawler.sources import load_sources

ROOT = Path(__file__).resolve().parent.parent


def write(tmp_path, text: str) -> Path:
    path = tmp_path / "sources.toml"
    path.write_text(text, encoding="utf-8")
    return path


def test_bundled_sources_load_with_demo_url(monkeypatch):
    monkeypatch.setenv("VNNEWS_DEMO_URL", "http://127.0.0.1:9999")
    sources = load_sources(ROOT / "data" / "sources.toml")
    names = [s.name for s in sources]
    assert names == ["demo-hoangmai", "demo-binhthanh", "demo-longbien"]
    assert sources[0].base_url == "http://127.0.0.1:9999/hoangmai/"
    assert sources[0].hosts == {"127.0.0.1"}


def test_real_portals_are_disabled_but_selectable(monkeypatch):
    monkeypatch.delenv("VNNEWS_DEMO_URL", raising=False)
    lines = []
    assert load_sources(ROOT / "data" / "sources.toml", warn=lines.append) == []
    assert len(lines) == 3 and "VNNEWS_DEMO_URL" in lines[0]
    [hoangmai] = load_sources(ROOT / "data" / "sources.toml", only=["hoangmai"])
    assert hoangmai.base_url == "https://hoangmai.hanoi.gov.vn/"


@pytest.mark.parametrize("text, expected", [
    ('[[source]]\nname = "a"\nkind = "portal"\nbase_url = "http://x/"\ncolour = 1\n',
     ":1: source #1: unknown key 'colour'"),
    ('[[source]]\nname = "a"\nbase_url = "http://x/"\n', "missing key 'kind'"),
    ('[[source]]\nname = "a"\nkind = "ftp"\nbase_url = "http://x/"\n', "key 'kind' is 'ftp'"),
    ('[[source]]\nname = "a"\nkind = "portal"\n', "needs base_url or start_urls"),
    ('[[source]]\nname = "a"\nkind = "portal"\nstart_urls = "http://x/"\n',
     "key 'start_urls' has the wrong type"),
    ('[[source]]\nname = "a"\nkind = "portal"\nbase_url = "http://x/"\ndeny = ["(["]\n',
     "invalid regular expression"),
    ('# two\n\n[[source]]\nname = "a"\nkind = "portal"\nbase_url = "http://x/"\n\n'
     '[[source]]\nname = "a"\nkind = "portal"\nbase_url = "http://y/"\n',
     ":8: source #2: name 'a' is used twice"),
    ('[[source]\nname = "a"\n', "not valid TOML"),
    ('name = "a"\n', "unknown top-level key 'name'"),
])
def test_mistakes_name_file_line_key_and_fix(tmp_path, text, expected):
    path = write(tmp_path, text)
    with pytest.raises(ConfigError) as info:
        load_sources(path)
    message = str(info.value)
    assert message.startswith(str(path))
    assert expected in message
    assert "\n" not in message


def test_missing_file(tmp_path):
    with pytest.raises(ConfigError, match="sources file not found"):
        load_sources(tmp_path / "nope.toml")


def test_unknown_only_name(tmp_path):
    path = write(tmp_path, '[[source]]\nname = "a"\nkind = "portal"\nbase_url = "http://x/"\n')
    with pytest.raises(ConfigError, match="no source named 'b'"):
        load_sources(path, only=["b"])


@pytest.mark.parametrize("value, expected", [
    ("0", "key 'concurrency' is 0; expected requests at a time"),
    ("500", "key 'concurrency' is 500; expected requests at a time"),
    ('"fast"', "key 'concurrency' has the wrong type; expected requests at a time"),
    ("2.5", "key 'concurrency' has the wrong type"),
])
def test_concurrency_validated_with_file_key_and_fix(tmp_path, value, expected):
    path = write(tmp_path, f'[[source]]\nname = "a"\nkind = "portal"\nbase_url = "http://x/"\n'
                           f'concurrency = {value}\n')
    with pytest.raises(ConfigError) as err:
        load_sources(path)
    message = str(err.value)
    assert message.startswith(f"{path}:1: source #1: ") and expected in message
    assert "e.g. concurrency = 16" in message


def test_concurrency_sets_the_hosts_download_slot(tmp_path):
    from crawler.crawl import crawl_settings

    path = write(tmp_path, '[[source]]\nname = "a"\nkind = "portal"\nbase_url = '
                           '"http://127.0.0.1:8765/"\ndelay = 0\nconcurrency = 24\n\n[[source]]\n'
                           'name = "b"\nkind = "portal"\nbase_url = "http://b.example/"\n')
    a, b = load_sources(path)
    settings = crawl_settings(str(tmp_path / "x.db"), 1, [a, b])
    slots = settings.getdict("DOWNLOAD_SLOTS")
    assert slots["127.0.0.1"] == {"delay": 0.0, "concurrency": 24}
    assert "b.example" not in slots  # the polite defaults of settings.py
    assert settings.getint("CONCURRENT_REQUESTS") >= 24 + settings.getint(
        "CONCURRENT_REQUESTS_PER_DOMAIN")
