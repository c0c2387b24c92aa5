"""The HTML scorecard that ``econer eval`` writes, opened in the same Chromium.

Every plot must decode (``naturalWidth > 0``), the tables must be there, and the page must
load without a console error or an uncaught exception.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from chromium import ConsoleLog

from econer.cli import run

pytestmark = pytest.mark.browser

REPO = Path(__file__).resolve().parents[2]


@pytest.fixture(scope="module")
def scorecard(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A scorecard of the rules on the seed gold, made by the commands `make demo` runs."""
    tmp = tmp_path_factory.mktemp("scorecard")
    with pytest.MonkeyPatch.context() as patch:
        patch.chdir(REPO)  # the page names the gold by its path from here, as in the README
        assert run(["prelabel", "seeds", "--out", str(tmp / "rules.jsonl")]) == 0
        assert run(["eval", "--gold", "seeds/gold/seeds.jsonl", "--pred",
                    f"rules={tmp / 'rules.jsonl'}", "--out", str(tmp / "card")]) == 0
    return tmp / "card" / "scorecard.html"


def _open(page: Any, path: Path) -> ConsoleLog:
    console = ConsoleLog(page)
    page.goto(path.as_uri())
    page.wait_for_load_state("load")
    return console


def test_scorecard_page_renders(page: Any, scorecard: Path, screenshots: Path | None) -> None:
    console = _open(page, scorecard)
    images = page.evaluate("Array.from(document.images).map(i => "
                           "[i.alt || i.src.slice(0, 40), i.complete, i.naturalWidth])")
    assert len(images) >= 2  # F1 by label, errors by kind
    for name, complete, width in images:
        assert complete and width > 0, f"plot {name!r} did not load"
    headings = page.locator("h2").all_inner_texts()
    assert "Headline" in headings and "Systems" in headings
    headline = page.locator("h2:has-text('Headline') + table")
    assert headline.locator("tr").count() == 2  # header + the one system
    assert "rules" in headline.inner_text()
    assert page.locator("table").count() >= 2
    assert console.errors == []
    if screenshots is not None:
        # The top of the page: the plots and the headline table.
        bottom = page.evaluate("document.querySelector('h2 + table').getBoundingClientRect()"
                               ".bottom")
        page.screenshot(path=str(screenshots / "scorecard.png"), full_page=True,
                        clip={"x": 0, "y": 0, "width": 1400, "height": bottom + 24})


def test_a_broken_plot_is_caught(page: Any, scorecard: Path, tmp_path: Path) -> None:
    """The check above can fail: a page whose plot does not decode has naturalWidth 0."""
    html = scorecard.read_text(encoding="utf-8")
    start = html.index("data:image/png;base64,") + len("data:image/png;base64,")
    broken = tmp_path / "scorecard.html"
    broken.write_text(html[:start] + "AAAA" + html[start + 4 :], encoding="utf-8")
    _open(page, broken)
    widths = page.evaluate("Array.from(document.images).map(i => i.naturalWidth)")
    assert 0 in widths
