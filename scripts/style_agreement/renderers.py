"""The renderer pair: citeproc-js (through citeproc_js.js, cached per input hash) and citekit
(through its public API), given the same style file and the same locale files.

A citation document is a list of citations, each a list of item ids. citeproc-js processes it as
one document. citekit's public ``cite()`` renders one citation as a document of its own (with all
the document's records registered); it cannot say "this citation comes after those", so positions
(ibid, subsequent) and citation numbers counted across a document are beyond it. The public
``citekit.Document`` is given the whole document: its output is measured beside, as the
``document`` figure.
"""

from __future__ import annotations

import hashlib
import json
import os
import subprocess
import tempfile
import traceback
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent
ROOT = HERE.parents[1]
NODE_PATH = os.environ.get("NODE_PATH", str(ROOT.parent / "reftools" / "node_modules"))
CACHE = Path(os.environ.get("STYLE_AGREEMENT_CACHE", "/tmp/style-agreement/cache"))
MARKUPS = ("text", "html")
# The public cite() is measured in text only: one call costs a whole processing session, and its
# HTML is the same session's; citations in HTML are measured through the document figure.
CITE_MARKUPS = ("text",)
# ... and on one item set: the three texlive sets are the same entries in other shapes, and the
# document figure (per set) already measures every set's citations.
CITE_SETS = ("zotero",)

Items = list[dict[str, Any]]
Document = list[list[str]]


def style_path(style_id: str) -> Path:
    from citekit.csl.style.find import find

    return Path(find(style_id).path)


def locale_of(path: Path) -> str:
    from citekit.csl.render import load_style

    return str(load_style(str(path)).locale)


def locale_files(lang: str) -> list[Path]:
    """The locale files either processor may read for ``lang``: its own and the en-US fallback."""
    from citekit.csl.style import locales

    names = {f"locales-{lang}.xml", "locales-en-US.xml"}
    base = lang.split("-")[0]
    data = json.loads((Path(locales.LOCALES_DIR) / "locales.json").read_text(encoding="utf-8"))
    primary = data.get("primary-dialects", {}).get(base)
    if primary:
        names.add(f"locales-{primary}.xml")
    return sorted(p for n in names if (p := Path(locales.LOCALES_DIR) / n).is_file())


def sha256(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def citeproc_js(
    path: Path, lang: str, sets: dict[str, tuple[Items, Document]], separately: bool = False
) -> dict[str, Any]:
    """citeproc-js's bibliographies and citation documents (``separately``: each citation a
    document of its own, as citekit.cite renders it); cached under the hash of everything that
    goes in (style file, locale files, items, documents, the driver script)."""
    from citekit.csl.style import locales

    job = {
        "style": str(path),
        "locales": str(locales.LOCALES_DIR),
        "lang": lang,
        "separately": separately,
        "sets": {name: {"items": items, "document": doc} for name, (items, doc) in sets.items()},
    }
    key = hashlib.sha256()
    for part in [path, *locale_files(lang), HERE / "citeproc_js.js"]:
        key.update(sha256(part).encode())
    key.update(json.dumps([lang, separately, job["sets"]], sort_keys=True).encode())
    cached = CACHE / f"{path.stem}-{key.hexdigest()[:20]}.json"
    if cached.is_file():
        result: dict[str, Any] = json.loads(cached.read_text(encoding="utf-8"))
        return result
    with tempfile.NamedTemporaryFile("w", suffix=".json", delete=False, encoding="utf-8") as handle:
        json.dump(job, handle, ensure_ascii=False)
    try:
        env = {**os.environ, "NODE_PATH": NODE_PATH}
        command = ["node", str(HERE / "citeproc_js.js"), handle.name]
        done = subprocess.run(command, capture_output=True, text=True, env=env, timeout=600)
    finally:
        os.unlink(handle.name)
    if done.returncode != 0:
        error = done.stderr.strip().splitlines()[-1:] or ["no output"]
        return {name: {"fatal": f"citeproc-js: {error[0]}"} for name in sets}
    result = json.loads(done.stdout)
    CACHE.mkdir(parents=True, exist_ok=True)
    cached.write_text(json.dumps(result, ensure_ascii=False), encoding="utf-8")
    return result


def where(error: BaseException) -> str:
    """``Type: message`` and where it was raised: the innermost frame in citekit/ and, when the
    error came from deeper in citeproc-py, the innermost frame in citeproc/ too."""
    frames = traceback.extract_tb(error.__traceback__)
    message = str(error).splitlines()[0][:120] if str(error) else ""
    places = []
    for package in ("citekit", "citeproc"):
        ours = [f for f in frames if f"/{package}/" in f.filename]
        if ours:
            frame = ours[-1]
            short = frame.filename.split(f"/{package}/")[-1]
            places.append((frames.index(frame), f"{package}/{short}:{frame.lineno} ({frame.name})"))
    places.sort()
    place = " → ".join(text for _, text in places)
    return f"{type(error).__name__}: {message}" + (f" at {place}" if place else "")


def citekit_side(path: Path, sets: dict[str, tuple[Items, Document]]) -> dict[str, Any]:
    """citekit's bibliography (``render``), citations one call each (``cite``), and the document
    through citekit.Document, for each set, in text and HTML. A failure is recorded, not raised."""
    import citekit

    out: dict[str, Any] = {}
    for name, (items, document) in sets.items():
        result: dict[str, Any] = {"bibliography": {}, "citations": {}, "document": {}, "errors": []}
        loaded = citekit.loads(json.dumps(items), "csljson")
        result["unread"] = [str(p) for p in loaded.problems if p.is_error]
        records = loaded.records
        cited_ids = {i for citation in document for i in citation}
        doc_records = [r for r in records if r.id in cited_ids]
        for markup in MARKUPS:
            result["document"][markup] = _session_document(path, doc_records, document, markup, result)
            try:
                result["bibliography"][markup] = citekit.render(records, str(path), markup=markup)
            except Exception as error:  # every failure is a measured outcome
                result["bibliography"][markup] = None
                result["errors"].append(f"bibliography {markup}: {where(error)}")
            if markup not in CITE_MARKUPS or name not in CITE_SETS:
                continue
            # cite() keeps no state between calls: a citation repeated gives the same text again
            printed: dict[tuple[str, ...], str | None] = {}
            for citation in map(tuple, document):
                if citation in printed:
                    continue
                try:
                    printed[citation] = citekit.cite(doc_records, list(citation), str(path), markup=markup)
                except Exception as error:
                    printed[citation] = None
                    text = f"citations {markup}: {where(error)}"
                    if text not in result["errors"]:
                        result["errors"].append(text)
            result["citations"][markup] = [printed[tuple(citation)] for citation in document]
        out[name] = result
    return out


def _session_document(
    path: Path, records: list[Any], document: Document, markup: str, result: dict[str, Any]
) -> list[str] | None:
    import citekit

    try:
        doc = citekit.Document(records, str(path), markup=markup)
        for citation in document:
            doc.cite(list(citation))
        return doc.citations()
    except Exception as error:  # every failure is a measured outcome
        text = f"document {markup}: {where(error)}"
        result["errors"].append(text)
        return None
