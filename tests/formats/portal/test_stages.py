"""The portal reader's stages import only the stages before them: no circle, one way through."""

from __future__ import annotations

import ast

from tests.conftest import ROOT

PORTAL = ROOT / "citekit" / "formats" / "portal"
# The stages in the order text goes through them; the vocabulary first, the reader that puts them together last
ORDER = (
    "labels",
    "unwrap",
    "html",
    "scan",
    "header",
    "build",
    "exports",
    "renderings",
    "listing",
    "furniture",
    "evidence",
    "read",
)


def _portal_imports(module: str) -> set[str]:
    """The portal modules ``module`` imports, at its top or inside a function."""
    tree = ast.parse((PORTAL / f"{module}.py").read_text(encoding="utf-8"))
    found = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.ImportFrom) and node.module:
            if node.module.startswith("citekit.formats.portal."):
                found.add(node.module.rsplit(".", 1)[1])
            elif node.module == "citekit.formats.portal":
                found.update(alias.name for alias in node.names)
    return found


def test_every_stage_imports_only_earlier_stages() -> None:
    """Each module of the portal reader imports only modules before it in ORDER."""
    modules = {path.stem for path in PORTAL.glob("*.py")} - {"__init__"}
    assert modules == set(ORDER)
    for index, module in enumerate(ORDER):
        assert _portal_imports(module) <= set(ORDER[:index]), module
