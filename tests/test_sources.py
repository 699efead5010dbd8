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
    ('[[source]]\nname = "a"\nkind = "portal"\nbase_url = "http://x/"\nsite_roots = "/a/"\n',
     "key 'site_roots' has the wrong type"),
    ('[[source]]\nname = "a"\nkind = "portal"\nbase_url = "http://x/"\nsite_roots = ["a/"]\n',
     "key 'site_roots': 'a/' is neither a path nor a URL"),
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


# Issue 12: values of the right type that cannot work are rejected with file:line, key and fix.
_ENTRY = '[[source]]\nname = "{name}"\nkind = "portal"\nbase_url = "{url}"\n{extra}\n'


@pytest.mark.parametrize("fields, expected", [
    ({"extra": "delay = inf"}, "key 'delay' is inf; use a number of seconds from 0 to 3600"),
    ({"extra": "delay = nan"}, "key 'delay' is nan"),
    ({"extra": "delay = -5"}, "key 'delay' is -5"),
    ({"extra": "delay = 1e9"}, "key 'delay' is 1000000000.0"),
    ({"extra": "max_pages = -1"}, "key 'max_pages' is -1; use 1 or more"),
    ({"extra": "max_pages = 0"}, "key 'max_pages' is 0"),
    ({"name": ""}, "key 'name' is ''; use letters, digits"),
    ({"name": "hai từ"}, "key 'name' is 'hai từ'"),
    ({"extra": 'user_agent = "a\\nHost: evil"'}, "key 'user_agent' holds a control character"),
    ({"extra": 'from_year = "năm ngoái"'}, "key 'from_year' is 'năm ngoái'"),
    ({"url": "http://[::1/x/"}, "key 'base_url' = 'http://[::1/x/': not a valid URL"),
    ({"url": "http://x.vn:70000/"}, "not a valid URL (Port out of range"),
    ({"url": "file:///etc/"}, "key 'base_url' = 'file:///etc/': scheme 'file:' is not http"),
    ({"url": "ftp://x.vn/"}, "scheme 'ftp:' is not http or https"),
    ({"url": "x.vn/"}, "scheme '(none):' is not http or https"),
    ({"extra": 'start_urls = ["file:///etc/passwd"]'},
     "key 'start_urls' has 'file:///etc/passwd': scheme 'file:'"),
    ({"extra": 'start_urls = ["http://other.vn/"]'},
     "key 'start_urls' has 'http://other.vn/' (another host: base_url is 'http://x.vn/p/')"),
    ({"extra": 'start_urls = ["http://x.vn/khac/"]'}, "(outside the base path: base_url is"),
])
def test_values_that_cannot_work_are_rejected(tmp_path, fields, expected):
    path = write(tmp_path, _ENTRY.format(**{"name": "a", "url": "http://x.vn/p/", "extra": "",
                                            **fields}))
    with pytest.raises(ConfigError) as info:
        load_sources(path)
    message = str(info.value)
    assert message.startswith(f"{path}:1: source #1: ")
    assert expected in message
    assert "\n" not in message


def test_start_urls_inside_base_url_are_accepted(tmp_path):
    path = write(tmp_path, _ENTRY.format(name="a", url="http://x.vn/p/",
                                         extra='start_urls = ["http://x.vn/p/tin-tuc/"]'))
    [source] = load_sources(path)
    assert source.hosts == {"x.vn"}


def test_a_sources_file_that_is_not_utf8_names_its_line(tmp_path):
    path = tmp_path / "sources.toml"
    path.write_bytes(b'[[source]]\nname = "a"\n# H\xe0 N\xf4i\n' +
                     b'kind = "portal"\nbase_url = "http://x/"\n')
    with pytest.raises(ConfigError) as info:
        load_sources(path)
    assert str(info.value).startswith(f"{path}:3: not UTF-8 (byte 0x")
    assert str(info.value).endswith("save the file as UTF-8")


def test_site_roots_are_the_base_path_and_the_configured_ones(tmp_path):
    path = write(tmp_path, '[[source]]\nname = "a"\nkind = "portal"\n'
                           'base_url = "http://x/hoangmai/"\n'
                           'site_roots = ["/en/", "http://x/longbien/"]\n')
    [source] = load_sources(path)
    assert source.extract_hints()["site_roots"] == ["/en/", "/hoangmai/", "/longbien/"]


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
