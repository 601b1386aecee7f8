"""The format registry: every format is one object that knows all about it, and only formats/ knows them by name."""

from __future__ import annotations

import ast
from itertools import pairwise

import pytest

import citekit
from citekit import formats, stages
from tests.conftest import RECORDS, ROOT

WRITABLE = [f for f in formats.FORMATS.values() if f.writable]
READABLE = [f for f in formats.FORMATS.values() if f.readable]


def _string_constants(tree: ast.AST) -> list[ast.Constant]:
    """Every string literal in the code, docstrings left out."""
    docstrings = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Module | ast.ClassDef | ast.FunctionDef | ast.AsyncFunctionDef):
            first = node.body[0] if node.body else None
            if isinstance(first, ast.Expr) and isinstance(first.value, ast.Constant):
                docstrings.add(id(first.value))
    return [
        node
        for node in ast.walk(tree)
        if isinstance(node, ast.Constant) and isinstance(node.value, str) and id(node) not in docstrings
    ]


def test_no_format_name_is_written_outside_formats() -> None:
    """Outside citekit/formats/ no code names a format: it asks the format's object instead."""
    names = set(formats.FORMATS)
    found = []
    for path in sorted((ROOT / "citekit").rglob("*.py")):
        if "formats" in path.relative_to(ROOT / "citekit").parts:
            continue
        for node in _string_constants(ast.parse(path.read_text(encoding="utf-8"))):
            if node.value.lower() in names:
                found.append(f"{path.relative_to(ROOT)}:{node.lineno}: {node.value!r}")
    assert found == []


def test_every_format_package_is_registered_once() -> None:
    """Each package under citekit/formats/ holding formats is named by one registry line."""
    packages = sorted(
        f"citekit.formats.{p.parent.name if p.name == '__init__.py' else p.stem}"
        for p in (ROOT / "citekit" / "formats").glob("*/__init__.py")
    )
    assert set(packages) <= set(formats.PACKAGES)
    assert len(set(formats.PACKAGES)) == len(formats.PACKAGES)


@pytest.mark.parametrize("fmt", READABLE, ids=lambda f: f.name)
def test_every_suffix_and_alias_finds_its_format(fmt: formats.Format) -> None:
    """A format is found by its name, each alias (in any case) and, for reading, each suffix."""
    assert formats.get(fmt.name.upper()) is fmt
    assert all(formats.get(alias) is fmt for alias in fmt.aliases)
    assert all(formats.for_suffix(suffix) in READABLE for suffix in fmt.suffixes)


@pytest.mark.parametrize("fmt", WRITABLE, ids=lambda f: f.name)
def test_written_text_is_sniffed_as_a_format_that_reads_it(fmt: formats.Format) -> None:
    """What a writer writes is recognised from its content as a format whose reader reads it back."""
    records = citekit.load([str(RECORDS)]).records
    text = citekit.dump(records, fmt.name)
    back = formats.sniff(text).read(text, "<written>")
    assert len(back.records) == len(records)
    assert not [p for p in back.problems if p.is_error]


@pytest.mark.parametrize("fmt", WRITABLE, ids=lambda f: f.name)
def test_join_of_chunks_is_the_text_of_the_whole(fmt: formats.Format) -> None:
    """Format.join of the texts of consecutive chunks (none empty, as the pipeline cuts them) is the
    text of all the records written at once; no records at all are one empty chunk."""
    records = stages.key(citekit.load([str(RECORDS)]).records, fmt)
    assert "".join(fmt.join([fmt.write([])])) == fmt.write([])
    for cut in ([], [1], [3], [3, 7], list(range(1, len(records)))):
        bounds = [0, *cut, len(records)]
        chunks = [fmt.write(records[a:b]) for a, b in pairwise(bounds)]
        assert "".join(fmt.join(chunks)) == fmt.write(records), cut


def test_keys_are_made_safe_and_unique_for_the_format_that_writes_them() -> None:
    """The key stage puts keys in the form a format carries, then makes them unique (a clash gets a
    key of its own); CSL-JSON keeps the ids as they are."""
    records = citekit.loads(
        "@book{a b, title={Sheep}, year=2001}\n@book{a_b, title={Goats}, year=2002}"
    ).records
    assert [r.id for r in records] == ["a b", "a_b"]
    assert [r.id for r in stages.key(records, formats.get("bibtex"))] == ["a_b", "2002goats"]
    assert [r.id for r in stages.key(records, formats.get("csljson"))] == ["a b", "a_b"]
