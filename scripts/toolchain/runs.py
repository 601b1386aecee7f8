"""Compile a bibliography with pdflatex and bibtex or biber, and read what went wrong from the logs.

Every entry is cited (``\\nocite{*}``) in a minimal document; each entry of the bibliography starts
with its key as a marker (``[[key]]`` in typewriter type), so that the text of each entry can be
cut out of the PDF. pdflatex always runs under a timeout: a value can make it loop for ever.

What the logs say becomes ``Finding``s: the tool, a *kind* (the message with entry keys, values,
line numbers and paths taken out, so that the same warning on two files compares equal) and the
entry it concerns (empty when the log does not say).
"""

from __future__ import annotations

import os
import re
import shutil
import signal
import subprocess
from dataclasses import dataclass, field
from pathlib import Path

BIBTEX_STYLES = ("plain", "unsrt", "apalike")
BIBLATEX = "biblatex"
TOOLS = ("pdflatex", "bibtex", "biber", "pdftotext")
DEFAULT_TIMEOUT = 120.0
BACKEND_TIMEOUT = 600.0

# Hyphenation off, ragged right and no page numbers: no word of the PDF is cut at a line's end, so that words
# compare whole. T1 Latin Modern when it is there (it prints every accented letter as one glyph),
# else LaTeX's default fonts.
_PREAMBLE = r"""\documentclass{article}
\IfFileExists{lmodern.sty}{\usepackage[T1]{fontenc}\usepackage{lmodern}}{}
\usepackage{url}
\hyphenpenalty=10000 \exhyphenpenalty=10000 \sloppy \pagestyle{empty}
\newcommand\citekitkey[1]{\mbox{\texttt{[[\detokenize{#1}]]}}\ }
"""
_BIBTEX_DOCUMENT = (
    _PREAMBLE
    + r"""\makeatletter
\let\citekit@bibitem\@bibitem \def\@bibitem#1{\citekit@bibitem{#1}\citekitkey{#1}}
\let\citekit@lbibitem\@lbibitem \def\@lbibitem[#1]#2{\citekit@lbibitem[#1]{#2}\citekitkey{#2}}
\makeatother
\begin{document}\raggedright
\nocite{*}
\bibliographystyle{%(style)s}
\bibliography{%(bib)s}
\end{document}
"""
)
# What depends on the order of the entries alone (a dash for a repeated author, the "a" of 1987a)
# is left out of the BibLaTeX document: it would differ where only the sorting does. Dates are
# printed in full (Summer, not Sum.), as BibTeX styles print the month field. The language is
# printed whatever it is (clearlang=false): biblatex leaves out a language that is the document's
# only when it is written as its key (english), so that one value, printed from one file as
# "English" (no key to biblatex) and left out of the other, would count as a lost word. Each entry
# names itself in the log (LOG_ENTRY): pdflatex's errors while biblatex prints the bibliography
# name no .bbl line, and are placed by the entry named last.
LOG_ENTRY = "citekit-entry: "
_BIBLATEX_DOCUMENT = (
    _PREAMBLE
    + r"""\usepackage[backend=biber,style=authoryear,dashed=false,dateabbrev=false,clearlang=false]{biblatex}
\DeclareFieldFormat{citekitkey}{\typeout{"""
    + LOG_ENTRY
    + r"""\detokenize{#1}}\citekitkey{#1}}
\DeclareFieldFormat{extradate}{}
\AtEveryBibitem{\printfield[citekitkey]{entrykey}}
\addbibresource{%(bib)s.bib}
\begin{document}\raggedright
\nocite{*}
\printbibliography
\end{document}
"""
)


def missing_tools() -> list[str]:
    """The programs the check needs that are not installed."""
    return [tool for tool in TOOLS if shutil.which(tool) is None]


@dataclass(frozen=True)
class Finding:
    """One warning or error: which tool gave it, what kind it is, which entry it concerns."""

    tool: str
    kind: str
    entry: str = ""
    text: str = ""


@dataclass
class Compiled:
    """What compiling one bibliography in one style gave."""

    findings: list[Finding] = field(default_factory=list)
    timed_out: str = ""  # the step that ran out of time
    pdf: Path | None = None


def compile_bibliography(bib: Path, style: str, folder: Path, timeout: float = DEFAULT_TIMEOUT) -> Compiled:
    """Compile ``bib`` in ``style`` (a BibTeX style, or ``biblatex`` for biber and biblatex's
    authoryear) in ``folder``: pdflatex, bibtex or biber, pdflatex again (nothing is cited in the
    text, so a third run would change nothing)."""
    folder.mkdir(parents=True, exist_ok=True)
    shutil.copyfile(bib, folder / "refs.bib")
    template = _BIBLATEX_DOCUMENT if style == BIBLATEX else _BIBTEX_DOCUMENT
    (folder / "doc.tex").write_text(template % {"style": style, "bib": "refs"}, encoding="utf-8")
    backend = ["biber", "doc"] if style == BIBLATEX else ["bibtex", "doc"]
    latex = ["pdflatex", "-interaction=nonstopmode", "doc"]  # on past errors, so that each is counted
    out = Compiled()
    for step, command in (("pdflatex", latex), (backend[0], backend), ("pdflatex", latex)):
        # pdflatex can loop for ever on a bad value; bibtex and biber end, but biber is slow on a
        # busy machine: it gets more time.
        limit = timeout if step == "pdflatex" else max(timeout, BACKEND_TIMEOUT)
        if not _run(command, folder, limit):
            out.timed_out = step
            out.findings.append(Finding(step, f"{step} ran out of time ({limit:.0f} s)"))
            break
    keys = _entry_lines((folder / "refs.bib").read_text(encoding="utf-8", errors="replace"))
    if style == BIBLATEX:
        out.findings += biber_findings(_read(folder / "doc.blg"), keys)
    else:
        out.findings += bibtex_findings(_read(folder / "doc.blg"), keys)
    if not out.timed_out:
        out.findings += latex_findings(_read(folder / "doc.log"), _read(folder / "doc.bbl"))
    pdf = folder / "doc.pdf"
    out.pdf = pdf if pdf.exists() and not out.timed_out else None
    return out


def _run(command: list[str], folder: Path, timeout: float) -> bool:
    """Run a command in its own process group; kill the group and say False when it runs too long."""
    env = {**os.environ, "max_print_line": "10000", "error_line": "254", "half_error_line": "238"}
    with subprocess.Popen(
        command,
        cwd=folder,
        stdin=subprocess.DEVNULL,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
        start_new_session=True,
        env=env,
    ) as process:
        try:
            process.wait(timeout=timeout)
        except subprocess.TimeoutExpired:
            os.killpg(process.pid, signal.SIGKILL)
            process.wait()
            return False
    return True


def _read(path: Path) -> str:
    return path.read_text(encoding="utf-8", errors="replace") if path.exists() else ""


_ENTRY_AT = re.compile(r"^[ \t]*@[ \t]*([A-Za-z]+)[ \t]*[{(][ \t]*([^,\s]*)", re.M)


def _entry_lines(text: str) -> list[tuple[int, str]]:
    """(line, key) of every entry of a .bib file, in order (line numbers from 1)."""
    out = []
    for match in _ENTRY_AT.finditer(text):
        if match.group(1).lower() not in ("string", "preamble", "comment"):
            out.append((text.count("\n", 0, match.start()) + 1, match.group(2)))
    return out


def _entry_at(line: int, entries: list[tuple[int, str]]) -> str:
    key = ""
    for start, name in entries:
        if start > line:
            break
        key = name
    return key


# --- BibTeX ----------------------------------------------------------------------------------------

_BIBTEX_KEY_PATTERNS = (
    re.compile(r'for "([^"]+)"'),  # entry type for "x" isn't style-file defined; didn't find "x"
    re.compile(r"I'm ignoring (\S+)'s extra"),
    re.compile(r"\bin (\S+)$"),  # empty author in x; a number but no volume in x
)
_FILE_LINE = re.compile(r"-+line (\d+) of file (\S+)")


def bibtex_findings(blg: str, entries: list[tuple[int, str]]) -> list[Finding]:
    """Every warning and error of a BibTeX log (.blg)."""
    out: list[Finding] = []
    lines = blg.splitlines()
    for i, line in enumerate(lines):
        if line.startswith("Warning--"):
            message = line[len("Warning--") :]
            key = _bibtex_key(message)
            follow = _FILE_LINE.match(lines[i + 1]) if i + 1 < len(lines) else None
            if not key and follow:
                key = _entry_at(int(follow.group(1)), entries)
            out.append(Finding("bibtex", _bibtex_kind(message, key), key, line))
        elif (match := _FILE_LINE.search(line)) and not line.startswith("--line"):
            # An error: "I was expecting a `,' or a `}'---line 5 of file refs.bib"
            key = _entry_at(int(match.group(1)), entries)
            message = line[: match.start()].rstrip("-")
            out.append(Finding("bibtex", "error: " + _bibtex_kind(message, key), key, line))
    return out


def _bibtex_key(message: str) -> str:
    for pattern in _BIBTEX_KEY_PATTERNS:
        match = pattern.search(message)
        if match:
            return match.group(1)
    return ""


def _bibtex_kind(message: str, key: str) -> str:
    kind = message.replace(key, "<key>") if key else message
    return re.sub(r"\d+", "N", kind)


# --- biber -----------------------------------------------------------------------------------------

_BIBER_LINE = re.compile(r"^\[\d+\] [\w:.]+> (WARN|ERROR) - (.*)$")
_BIBER_KEY = re.compile(r"[Ee]ntry '([^']+)'|entry key '([^']+)'|[Ee]ntry ([^\s,:'()]+)")
_BIBER_FILE_LINE = re.compile(r"\S+\.bib[^,]*, line (\d+)")
_QUOTED = re.compile(r"'([^']*)'")


def biber_findings(blg: str, entries: list[tuple[int, str]]) -> list[Finding]:
    """Every WARN and ERROR line of a biber log (.blg), the final count left out."""
    out: list[Finding] = []
    for line in blg.splitlines():
        match = _BIBER_LINE.match(line)
        if not match or match.group(2).startswith("WARNINGS:"):
            continue
        level, message = match.groups()
        key = ""
        if found := _BIBER_KEY.search(message):
            key = next(g for g in found.groups() if g)
        elif at := _BIBER_FILE_LINE.search(message):
            key = _entry_at(int(at.group(1)), entries)
        kind = message.replace(f"'{key}'", "<key>") if key else message
        kind = _BIBER_FILE_LINE.sub("<file>, line N", kind)
        # Field and type names stay; quoted values (a year, a date) become <value>.
        kind = _QUOTED.sub(lambda m: m.group(0) if re.fullmatch(r"[a-z]+", m.group(1)) else "<value>", kind)
        kind = re.sub(r"\d+", "N", kind)
        out.append(Finding("biber", f"{level.lower()}: {kind}", key, line))
    return out


# --- pdflatex --------------------------------------------------------------------------------------

_CONTEXT_LINE = re.compile(r"^l\.(\d+) (.*)$")
_BIBITEM = re.compile(r"\\bibitem(?:\[[^\]]*\])?\{([^}]*)\}")
_MISSING = re.compile(r"^Missing character: There is no (.+?) (?:\(U\+[0-9A-F]+\) )?in font (\S+)!")


def latex_findings(log: str, bbl: str) -> list[Finding]:
    """The errors of a pdflatex log, and the characters its fonts did not have.

    An error while the .bbl of a BibTeX style is read names a .bbl line, and so an entry; in
    BibLaTeX, an error or a missing character belongs to the entry last named in the log
    (``LOG_ENTRY``, written as each entry starts)."""
    out: list[Finding] = []
    lines = log.splitlines()
    bbl_keys = _bbl_lines(bbl)
    in_bbl = False
    printing = ""  # the BibLaTeX entry being printed
    for i, line in enumerate(lines):
        if "(./doc.bbl" in line:
            in_bbl = True
        if line.startswith(LOG_ENTRY):
            printing = line[len(LOG_ENTRY) :].strip()
        if line.startswith("! "):
            message = line[2:].strip()
            context = next(
                (m for m in (_CONTEXT_LINE.match(x) for x in lines[i + 1 : i + 12]) if m),
                None,
            )
            key = ""
            if context and in_bbl and bbl_keys:
                key = _entry_at(int(context.group(1)), bbl_keys)
            key = key or printing
            if message.startswith("Undefined control sequence") and i + 1 < len(lines):
                # The undefined command ends the first line of the context: the l.N line, or the
                # macro argument being read (biblatex's "<argument> The {\\METAFONT ").
                command = re.search(r"(\\[A-Za-z@]+|\\.)\s*$", lines[i + 1])
                message += f" {command.group(1)}" if command else ""
            message = re.sub(r"\(.*\)", "(...)", message)
            out.append(Finding("pdflatex", "error: " + message, key, line))
        elif missing := _MISSING.match(line):
            out.append(Finding("pdflatex", f"missing character {missing.group(1)}", printing, line))
    return out


def _bbl_lines(bbl: str) -> list[tuple[int, str]]:
    out = []
    for number, line in enumerate(bbl.splitlines(), 1):
        if match := _BIBITEM.search(line):
            out.append((number, match.group(1)))
    return out


# --- the text of the PDF ----------------------------------------------------------------------------

_MARKER = re.compile(r"\[\[(.+?)\]\]")
# A BibTeX style's label ([12], [Knuth, 1984]) stands on the line before the key marker it belongs to.
_TRAILING_LABEL = re.compile(r"\n\[[^\]\n]*\]\s*$")
# A numbered style's citation of a crossref parent ([4]) depends on the sort order alone.
_NUMBERED_CITATION = re.compile(r"\[\d+(?:,\s*\d+)*\]")


def entry_texts(pdf: Path) -> dict[str, str]:
    """The text of each entry in the PDF, by key (the text from one key marker to the next)."""
    done = subprocess.run(
        ["pdftotext", "-enc", "UTF-8", "-nopgbrk", str(pdf), "-"],
        capture_output=True,
        text=True,
        check=False,
        timeout=120,
    )
    text = done.stdout
    marks = list(_MARKER.finditer(text))
    out: dict[str, str] = {}
    for mark, following in zip(marks, [*marks[1:], None], strict=True):
        end = following.start() if following else len(text)
        out[mark.group(1)] = _NUMBERED_CITATION.sub("", _TRAILING_LABEL.sub("", text[mark.end() : end]))
    return out
