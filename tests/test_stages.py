"""The Python API's ``raw`` switch: the same as ``--raw`` on the command line."""

from __future__ import annotations

import citekit

PAGE = "\n".join(
    [
        "Some title",
        "Research output: Contribution to journal › Article",
        "Xuran CAI",
        "Journal: HEALTH EDUCATION JOURNAL",
        "Publication status: Published - 2020",
    ]
)


def test_raw_keeps_the_page_text_and_default_cleans_it() -> None:
    """loads(raw=True) keeps capitals as the page gave them; the default cleans them up."""
    cleaned = citekit.loads(PAGE).records[0]
    raw = citekit.loads(PAGE, raw=True).records[0]
    assert cleaned.get("container-title") == "Health Education Journal"
    assert cleaned.names["author"][0].family == "Cai"
    assert raw.get("container-title") == "HEALTH EDUCATION JOURNAL"
    assert raw.names["author"][0].family == "CAI"
