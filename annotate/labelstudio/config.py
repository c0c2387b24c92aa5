"""The Label Studio labelling config, generated from the project's label set.

One ``Labels`` control (``label``) over one ``Text`` object (``text``, bound to the task's
``$text``), character granularity so boundaries are never snapped to words (Chinese has no
spaces). Colours and hot keys come from :mod:`econer.labels`, so the config and the docs
agree.

>>> xml = labelling_config()
>>> '<Labels name="label" toName="text"' in xml and 'value="PARK"' in xml
True
>>> config_labels(xml)
['COMPANY', 'PARK', 'AMOUNT', 'RATE']
>>> missing_labels(xml.replace('<Label value="RATE" background="#d62728" hotkey="r"/>', ''))
['RATE']
"""

from __future__ import annotations

import html
import re
from collections.abc import Sequence
from pathlib import Path

from econer.labels import LABEL_COLOURS, LABEL_HOTKEYS, LABELS

# Names the converters in ls_tasks use: one control over one object.
FROM_NAME = "label"
TO_NAME = "text"


def labelling_config(labels: Sequence[str] = LABELS) -> str:
    """The XML labelling config for ``labels`` (colours and hot keys from econer.labels)."""
    rows = []
    for label in labels:
        attrs = f'value="{html.escape(label)}"'
        if label in LABEL_COLOURS:
            attrs += f' background="{LABEL_COLOURS[label]}"'
        if label in LABEL_HOTKEYS:
            attrs += f' hotkey="{LABEL_HOTKEYS[label]}"'
        rows.append(f"    <Label {attrs}/>")
    body = "\n".join(rows)
    return (
        "<View>\n"
        f'  <Labels name="{FROM_NAME}" toName="{TO_NAME}" showInline="true">\n'
        f"{body}\n"
        "  </Labels>\n"
        f'  <Text name="{TO_NAME}" value="$text" granularity="symbol"/>\n'
        "</View>\n"
    )


_LABEL_VALUE = re.compile(r"<Label\b[^>]*\bvalue=\"([^\"]*)\"")


def config_labels(xml: str) -> list[str]:
    """The label values a labelling config offers, in order."""
    return [html.unescape(v) for v in _LABEL_VALUE.findall(xml)]


def missing_labels(xml: str, labels: Sequence[str] = LABELS) -> list[str]:
    """The labels of ``labels`` that the config ``xml`` lacks."""
    offered = set(config_labels(xml))
    return [label for label in labels if label not in offered]


def config_problems(xml: str, labels: Sequence[str] = LABELS) -> list[str]:
    """What keeps econer's tasks and predictions from working under the config ``xml``.

    >>> config_problems(labelling_config())
    []
    >>> config_problems('<View><Labels name="ner" toName="doc"><Label value="PARK"/></Labels>'
    ...                 '<Text name="doc" value="$body"/></View>')  # doctest: +NORMALIZE_WHITESPACE
    ['it lacks the label(s) COMPANY, AMOUNT, RATE',
     'it has no <Labels name="label" toName="text"> control',
     'it has no <Text name="text" value="$text"> object']
    """
    problems = []
    missing = missing_labels(xml, labels)
    if missing:
        problems.append(f"it lacks the label(s) {', '.join(missing)}")
    if not re.search(rf'<Labels\b(?=[^>]*\bname="{FROM_NAME}")(?=[^>]*\btoName="{TO_NAME}")', xml):
        problems.append(f'it has no <Labels name="{FROM_NAME}" toName="{TO_NAME}"> control')
    if not re.search(rf'<Text\b(?=[^>]*\bname="{TO_NAME}")(?=[^>]*\bvalue="\$text")', xml):
        problems.append(f'it has no <Text name="{TO_NAME}" value="$text"> object')
    return problems


def guide_path() -> Path:
    """Where the annotation guide lives: ``docs/annotation-guide.md`` beside ``configs/``."""
    from econer.resources import configs_dir

    return configs_dir().parent / "docs" / "annotation-guide.md"


def instructions_html(guide: Path | None = None) -> str | None:
    """The annotation guide as project instructions (HTML), or None when there is none.

    The guide is Markdown; it is shown as preformatted text rather than rendered, which
    keeps tables and examples readable without a Markdown dependency.
    """
    guide = guide or guide_path()
    if not guide.is_file():
        return None
    text = guide.read_text(encoding="utf-8")
    return f'<pre style="white-space: pre-wrap">{html.escape(text)}</pre>'
