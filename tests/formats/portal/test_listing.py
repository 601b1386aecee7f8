"""The listing stage: a portal's list rendering of an output, however a saving tool wrapped it."""

from __future__ import annotations

import citekit

CHAPTER = (
    "Trust and vaccine rollouts\n"
    "Hannah, A., Attwell, K. & Tchilingirian, J., 28 Feb 2024, Research Handbook on COVID-19. Dickinson, H.\n"
    "& Smith, C. (eds.). Cheltenham, U. K.: Edward Elgar Publishing Ltd, p. 206 -\n"
    "217 (Elgar Handbooks in Public Management).\n"
    "Research output: Chapter or section in a book/report/conference\n"
    "proceeding › Chapter or section\n"
)


def _one(text: str) -> citekit.Record:
    [record] = citekit.loads(text, "portal").records
    return record


def test_chapter_entry_wrapped_over_lines() -> None:
    """A chapter's entry gives title, authors, date, host, editors, place, publisher, pages and series,
    its wrapped type line read whole."""
    record = _one(CHAPTER)
    assert record.type == "chapter" and record.get("title") == "Trust and vaccine rollouts"
    assert [n.family for n in record.names["author"]] == ["Hannah", "Attwell", "Tchilingirian"]
    assert [n.family for n in record.names["editor"]] == ["Dickinson", "Smith"]
    assert record.dates["issued"].parts == ((2024, 2, 28),)
    assert record.get("container-title") == "Research Handbook on COVID-19"
    assert (record.get("publisher-place"), record.get("publisher")) == (
        "Cheltenham, U. K.",
        "Edward Elgar Publishing Ltd",
    )
    assert (
        record.get("page") == "206-217"
        and record.get("collection-title") == "Elgar Handbooks in Public Management"
    )


def test_article_entry() -> None:
    """``In: Journal. 35, 3, p. 459-477 19 p.`` gives journal, volume, issue, pages and page count."""
    record = _one(
        "Remaking the margins\nGoodhand, J. & Walton, O., 30 Apr 2023, In: Journal of International Development. 35, 3, "
        "p. 459-477 19 p.\nResearch output: Contribution to journal › Article › peer-review\n"
    )
    assert (
        record.type == "article-journal"
        and record.get("container-title") == "Journal of International Development"
    )
    assert (record.get("volume"), record.get("issue"), record.get("page"), record.get("number-of-pages")) == (
        "35",
        "3",
        "459-477",
        "19",
    )


def test_edited_book_entry_with_a_status() -> None:
    """Names marked ``(ed.)`` are editors; ``(In preparation)`` is the status."""
    record = _one(
        "Towards Powerful Knowledge\nHordern, J. (ed.), Muller, J. (ed.) & Deng, Z. (ed.), 4 Apr 2024, (In preparation) "
        "Abingdon, U. K.: Routledge. 127 p.\nResearch output: Book/Report › Book\n"
    )
    assert record.type == "book" and "author" not in record.names
    assert [n.family for n in record.names["editor"]] == ["Hordern", "Muller", "Deng"]
    assert record.get("status") == "in preparation" and record.get("number-of-pages") == "127"


def test_specialist_publication_entry_stays_a_magazine_article() -> None:
    """An article in a specialist publication is a magazine article, with its volume and issue."""
    record = _one(
        "How business can fight populism\nAl-Esia, Z. & Crane, A., 1 Jan 2024, Stanford Social Innovation Review, 22, 1, "
        "p. 44-51 8 p.\nResearch output: Contribution to specialist publication › Article\n"
    )
    assert (
        record.type == "article-magazine"
        and record.get("container-title") == "Stanford Social Innovation Review"
    )
    assert (record.get("volume"), record.get("issue")) == ("22", "1")


def test_entry_whose_title_the_capture_lost() -> None:
    """An extract that kept only the byline gives an entry without a title (reported, not made up)."""
    lines = CHAPTER.splitlines()[1:]
    result = citekit.loads("\n".join(lines) + "\n", "portal")
    assert result.records[0].get("title") == ""
    assert any("no title" in p.message for p in result.problems)


def test_two_entries_of_the_older_list_with_their_links() -> None:
    """Two entries, each title a link to the output's page glued to its date, with DOIs and type lines."""
    text = (
        "**[Mutational biases](https://x/portal/en/publications/a.html)**4 Aug 2016 In: PLoS Genetics, vol. 12, no. 8, pp. e1006207\n"
        "DOI: [https://doi.org/10.1371/journal.pgen.1006207](https://doi.org/10.1371/journal.pgen.1006207)\n"
        "- **[Chromatin loop anchors](https://x/portal/en/publications/b.html)**30 Jul 2018 In: Genome Biology, vol. 19, no. 1\n"
        "  Contribution to journal › Article (Published)\n"
    )
    first, second = citekit.loads(text, "portal").records
    assert (first.get("title"), first.get("volume"), first.get("page")) == (
        "Mutational biases",
        "12",
        "e1006207",
    )
    assert first.get("DOI") == "10.1371/journal.pgen.1006207"
    assert (second.get("title"), second.get("container-title"), second.get("issue")) == (
        "Chromatin loop anchors",
        "Genome Biology",
        "1",
    )
