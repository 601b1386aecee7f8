"""What citekit knows of LaTeX commands beyond pylatexenc: logos and symbols as text, wrappers
whose argument is the text, and what to do with a command nobody defined.

BibTeX files use commands their ``@preamble`` or a package defines (``\\AMS``, ``\\slash``,
``\\acro{CTAN}``). A logo or symbol citekit knows is read as its text. Any other command keeps its
text: the argument's (``\\acro{CTAN}`` is CTAN), or for a command without one, a name with a capital
is taken for the logo or acronym it almost always is (``\\PS`` is PS) and a lower-case name for a
font or spacing switch (``\\slnine``), which prints nothing. ``unknown_commands`` names them, so
that the reader can say what it guessed.
"""

from __future__ import annotations

import re
from collections.abc import Callable

# Logos, as their text (the words of the printed logo).
LOGOS: dict[str, str] = {
    "TeX": "TeX",
    "LaTeX": "LaTeX",
    "LaTeXe": "LaTeX 2ε",
    "BibTeX": "BibTeX",
    "BibLaTeX": "BibLaTeX",
    "AmSTeX": "AMS-TeX",
    "AMSTeX": "AMS-TeX",
    "AMS": "AMS",
    "AmS": "AMS",
    "AMSLaTeX": "AMS-LaTeX",
    "AmSLaTeX": "AMS-LaTeX",
    "SliTeX": "SliTeX",
    "SLiTeX": "SLiTeX",
    "MF": "Metafont",
    "METAFONT": "METAFONT",
    "MP": "MetaPost",
    "METAPOST": "MetaPost",
    "PiCTeX": "PiCTeX",
    "XeTeX": "XeTeX",
    "XeLaTeX": "XeLaTeX",
    "LuaTeX": "LuaTeX",
    "LuaLaTeX": "LuaLaTeX",
    "ConTeXt": "ConTeXt",
    "pdfTeX": "pdfTeX",
    "pdfLaTeX": "pdfLaTeX",
    "eTeX": "ε-TeX",
    "TUB": "TUGboat",
    "TUG": "TUG",
    "LyX": "LyX",
    "TikZ": "TikZ",
    "TeXLive": "TeX Live",
    "PS": "PostScript",
    "slMF": "METAFONT",
    "tug": "TUG",
}
# Symbols that pylatexenc does not read (or reads as nothing).
SYMBOLS: dict[str, str] = {
    "slash": "/",
    "hyphen": "-",  # biblatex's hyphen after which a line may break (methodology\hyphen independent)
    "emdash": "—",
    "endash": "–",
    "Dash": "—",
    "S": "§",
    "P": "¶",
    "pounds": "£",
    "copyright": "©",
    "TM": "™",
    "textbackslash": "\\",
    "par": " ",
}
# Commands whose (last) argument is their text; pylatexenc drops the argument of these.
WRAPPERS = ("texttt", "textsf", "textup", "textmd", "textsuperscript", "textsubscript", "underline")
# Citation commands: pylatexenc prints "<cit.>"; their argument (the cited keys) is kept instead.
CITATIONS = ("cite", "citep", "citet", "nocite", "citealp", "citealt", "citeauthor", "citeyear")
# A citation with no optional argument and keys that cannot act (no brace, backslash, comment or
# space): ``\cite{Knuth:1984:TB,Lamport:1994}``.
_CITATION = re.compile(r"\\(" + "|".join(CITATIONS) + r")\s*\{([^{}\\%#~\s]+)\}")


def citations(latex: str) -> list[tuple[str, str]]:
    """The citations of a LaTeX value, in order: (command, its keys as written)."""
    return [(m.group(1), m.group(2)) for m in _CITATION.finditer(latex)]


def stored_citations(text: str) -> list[tuple[str, str]]:
    """The citations kept as ``cite{a,b} citet{c}`` (``tables.CUSTOM_CITATIONS``), read back; a
    piece that is not such a citation is left out, so that nothing else can be written for one."""
    return citations(" ".join("\\" + piece for piece in text.split()))


# Commands math may hold for the BibTeX writers to give it back as math: symbols, functions and
# the structure of formulas. Math using any other command (\\input, \\def, \\write …) is
# written as escaped text, so that a value cannot act when LaTeX reads it.
MATH_COMMANDS = frozenset(
    [
        "alpha",
        "beta",
        "gamma",
        "delta",
        "epsilon",
        "varepsilon",
        "zeta",
        "eta",
        "theta",
        "vartheta",
        "iota",
        "kappa",
        "lambda",
        "mu",
        "nu",
        "xi",
        "pi",
        "varpi",
        "rho",
        "varrho",
        "sigma",
        "varsigma",
        "tau",
        "upsilon",
        "phi",
        "varphi",
        "chi",
        "psi",
        "omega",
        "Gamma",
        "Delta",
        "Theta",
        "Lambda",
        "Xi",
        "Pi",
        "Sigma",
        "Upsilon",
        "Phi",
        "Psi",
        "Omega",
        "times",
        "cdot",
        "div",
        "pm",
        "mp",
        "le",
        "leq",
        "ge",
        "geq",
        "ne",
        "neq",
        "approx",
        "equiv",
        "sim",
        "simeq",
        "cong",
        "propto",
        "infty",
        "partial",
        "nabla",
        "sum",
        "prod",
        "int",
        "oint",
        "in",
        "notin",
        "ni",
        "subset",
        "subseteq",
        "supset",
        "supseteq",
        "cup",
        "cap",
        "setminus",
        "emptyset",
        "forall",
        "exists",
        "neg",
        "lnot",
        "wedge",
        "vee",
        "land",
        "lor",
        "to",
        "rightarrow",
        "leftarrow",
        "Rightarrow",
        "Leftarrow",
        "leftrightarrow",
        "Leftrightarrow",
        "mapsto",
        "uparrow",
        "downarrow",
        "ldots",
        "cdots",
        "vdots",
        "dots",
        "prime",
        "circ",
        "bullet",
        "star",
        "ast",
        "oplus",
        "otimes",
        "langle",
        "rangle",
        "lfloor",
        "rfloor",
        "lceil",
        "rceil",
        "mid",
        "parallel",
        "perp",
        "angle",
        "hbar",
        "ell",
        "aleph",
        "Re",
        "Im",
        "wp",
        "deg",
        "lbrace",
        "rbrace",
        "backslash",
        "vert",
        "Vert",
        "log",
        "ln",
        "lg",
        "exp",
        "sin",
        "cos",
        "tan",
        "cot",
        "sec",
        "csc",
        "arcsin",
        "arccos",
        "arctan",
        "sinh",
        "cosh",
        "tanh",
        "max",
        "min",
        "lim",
        "limsup",
        "liminf",
        "sup",
        "inf",
        "det",
        "dim",
        "ker",
        "gcd",
        "lcm",
        "mod",
        "bmod",
        "pmod",
        "arg",
        "frac",
        "dfrac",
        "tfrac",
        "sqrt",
        "binom",
        "mathrm",
        "mathbf",
        "mathit",
        "mathcal",
        "mathsf",
        "mathtt",
        "mathbb",
        "mathfrak",
        "boldsymbol",
        "text",
        "textrm",
        "textit",
        "textbf",
        "mbox",
        "left",
        "right",
        "big",
        "Big",
        "bigg",
        "Bigg",
        "bigl",
        "bigr",
        "Bigl",
        "Bigr",
        "overline",
        "underline",
        "hat",
        "bar",
        "tilde",
        "vec",
        "dot",
        "ddot",
        "widehat",
        "widetilde",
        "acute",
        "grave",
        "check",
        "breve",
        "operatorname",
        "quad",
        "qquad",
    ]
)
_MATH_SAFE = re.compile(r"(?:\\(?:[A-Za-z]+|[,;:!{}| ])|[^\\#%&\n])*")


def safe_math(math: str) -> bool:
    """Whether math (``$...$``) can be written as it is: balanced braces, no ``#``, ``%`` or
    ``&``, and no command but those of MATH_COMMANDS."""
    if not _MATH_SAFE.fullmatch(math):
        return False
    if any(name not in MATH_COMMANDS for name in re.findall(r"\\([A-Za-z]+)", math)):
        return False
    depth = 0
    for brace in re.finditer(r"(?<!\\)[{}]", math):
        depth += 1 if brace.group() == "{" else -1
        if depth < 0:
            return False
    return depth == 0


# Commands whose dimension argument (\kern-2.7pt) would otherwise be read as text.
_DIMENSIONS = re.compile(
    r"\\(?:kern|mkern|hskip|vskip|lower|raise|moveleft|moveright)\s*[-+]?\s*\d*\.?\d+\s*"
    r"(?:pt|em|ex|mu|sp|bp|cm|mm|in|pc|dd|cc)(?:\s*(?:plus|minus)\s*[-+]?\s*\d*\.?\d+\s*(?:pt|em|ex|fil+))*"
)
# \verb|...| (any delimiter): its text is printed as it is, commands and all.
_VERB = re.compile(r"\\verb\*?([^\sA-Za-z*])(.*?)\1", re.S)
# A control word (outside math), an escaped character, or a math span (left as it is).
_TOKEN = re.compile(r"\\([A-Za-z]+)(\s*)(\{(?!\}))?|\\.|(?<!\\)\$[^$]*\$", re.S)


def with_unknown_commands_read(value: str, known: Callable[[str], bool]) -> str:
    """``value`` with each command nobody defined replaced by its text: dropped before an argument
    (whose text stays), its name for a capitalised name, nothing for a lower-case one; dimensions
    of spacing commands dropped. ``known(name)`` says whether a reader of LaTeX knows the name."""
    if "\\" not in value:
        return value
    value = _verbatim_read(_DIMENSIONS.sub("", value))

    def read(match: re.Match[str]) -> str:
        name, spaces, brace = match.group(1), match.group(2), match.group(3) or ""
        if name in CITATIONS:
            return brace  # the cited keys stay
        if name is None or known(name):
            return match.group(0)
        if brace:
            return brace  # the argument's text stays
        if any(c.isupper() for c in name):
            return name + spaces
        return match.group(0)  # a switch: read as nothing

    return _TOKEN.sub(read, value)


def _verbatim_read(value: str) -> str:
    if "\\verb" not in value:
        return value
    from citekit.formats.bibtex.latex.escape import escape

    return _VERB.sub(lambda m: escape(m.group(2)), value)


# How a command citekit does not know was read, as the reader reports it.
READ_AS = {
    "citation": "kept the cited keys as text (a note cites them again in BibTeX and BibLaTeX output)",
    "argument": "kept its argument's text",
    "name": "read it as its name (a logo or acronym?)",
    "nothing": "read it as nothing (a font or spacing switch?)",
}


def unknown_commands(value: str, known: Callable[[str], bool]) -> list[tuple[str, str]]:
    """The commands of ``value`` (outside math) read by guessing, in order: (name, how), ``how``
    a key of READ_AS."""
    out: list[tuple[str, str]] = []
    for match in _TOKEN.finditer(_verbatim_read(_DIMENSIONS.sub("", value))):
        name = match.group(1)
        if not name or name in (n for n, _ in out) or (name not in CITATIONS and known(name)):
            continue
        if name in CITATIONS:
            how = "citation"
        elif match.group(3):
            how = "argument"
        else:
            how = "name" if any(c.isupper() for c in name) else "nothing"
        out.append((name, how))
    return out
