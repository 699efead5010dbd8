"""Sources as data: a portal is added by a sources.toml entry alone, with its own
User-Agent, and a mistake in an entry is reported with its line."""
from __future__ import annotations

import pytest

from crawler.errors import ConfigError
from crawler.sources import load_sources
from sites.crawling import ROOT, query, run_crawl, write_sources
from sites.pagedsite import PagedSite, serve


def test_new_portal_needs_only_an_entry_with_its_user_agent(tmp_path):
    agent = "vnnews-test/1.0 (+mailto:lab@example.org)"
    with serve(PagedSite(articles=5, latency=0)) as (base, site):
        sources = write_sources(tmp_path / "sources.toml", "moi", base, user_agent=agent,
                                district="Thử Nghiệm", province="Hà Nội")
        done = run_crawl(sources, tmp_path / "news.db")
    assert "moi: fetched 7, articles 5" in done.stdout
    assert agent in site.agents
    assert query(tmp_path / "news.db", "select name, district from sources") == [
        ("moi", "Thử Nghiệm")]


def test_bad_user_agent_reported_with_its_line(tmp_path):
    path = tmp_path / "sources.toml"
    path.write_text('[[source]]\nname = "a"\nkind = "portal"\nbase_url = "http://x/"\n\n'
                    '[[source]]\nname = "b"\nkind = "portal"\nbase_url = "http://y/"\n'
                    'user_agent = 42\n')
    with pytest.raises(ConfigError, match=r"sources.toml:6: source #2: key 'user_agent'"):
        load_sources(path)


def test_shipped_hanoi_portals_are_disabled_but_valid():
    shipped = ROOT / "data" / "sources.toml"
    everything = load_sources(shipped, only=["hoangmai", "unghoa", "sontay"],
                              warn=lambda line: None)
    assert [s.name for s in everything] == ["hoangmai", "sontay", "unghoa"]
    enabled = {s.name for s in load_sources(shipped, warn=lambda line: None)}
    assert not enabled & {"hoangmai", "unghoa", "sontay"}


def test_max_pages_caps_a_source(tmp_path):
    with serve(PagedSite(articles=30, latency=0)) as (base, site):
        sources = write_sources(tmp_path / "sources.toml", "capped", base, max_pages=5)
        done = run_crawl(sources, tmp_path / "news.db")
    assert "capped: fetched 5," in done.stdout
    assert len([p for p in site.requests if p.startswith("/site/")]) == 5
