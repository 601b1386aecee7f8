"""Languages: the names portals print, the codes CSL uses, the names BibTeX/babel use."""

from __future__ import annotations

# (CSL code, English name as portals print it, babel/biblatex name)
LANGUAGES: tuple[tuple[str, str, str], ...] = (
    ("en", "English", "english"),
    ("en-US", "English (US)", "american"),
    ("en-GB", "English (GB)", "british"),
    ("de", "German", "german"),
    ("fr", "French", "french"),
    ("es", "Spanish", "spanish"),
    ("it", "Italian", "italian"),
    ("nl", "Dutch", "dutch"),
    ("da", "Danish", "danish"),
    ("sv", "Swedish", "swedish"),
    ("nb", "Norwegian", "norsk"),
    ("fi", "Finnish", "finnish"),
    ("pt", "Portuguese", "portuguese"),
    ("pl", "Polish", "polish"),
    ("ru", "Russian", "russian"),
    ("cy", "Welsh", "welsh"),
    ("zh", "Chinese", "chinese"),
    ("ja", "Japanese", "japanese"),
    ("ko", "Korean", "korean"),
)
# Other spellings portals use for the same languages.
_ALIASES = {"english (uk)": "en-GB", "english (united states)": "en-US", "english (united kingdom)": "en-GB"}
# The three-letter codes of ISO 639-2 (both forms) that PubMed, EndNote and library catalogues write.
_ISO_639_2 = {
    "eng": "en", "ger": "de", "deu": "de", "fre": "fr", "fra": "fr", "spa": "es", "ita": "it",
    "dut": "nl", "nld": "nl", "dan": "da", "swe": "sv", "nor": "nb", "nob": "nb", "fin": "fi",
    "por": "pt", "pol": "pl", "rus": "ru", "wel": "cy", "cym": "cy", "chi": "zh", "zho": "zh",
    "jpn": "ja", "kor": "ko",
}  # fmt: skip
# Values that say the language is not known.
UNKNOWN = frozenset({"undefined", "undefined/unknown", "unknown", "und"})

_BY_NAME = {name.lower(): code for code, name, _ in LANGUAGES} | _ALIASES | _ISO_639_2
_BABEL = {code: babel for code, _, babel in LANGUAGES}
# babel/biblatex names -> CSL codes, with the older names babel still reads.
_BY_BABEL = {babel: code for code, _, babel in LANGUAGES} | {"ngerman": "de", "UKenglish": "en-GB"}


def code_for(name: str) -> str:
    """The CSL code for a language name (``English`` -> ``en``); unknown names are kept as given."""
    key = " ".join(name.split()).lower()
    if key in UNKNOWN:
        return ""
    return _BY_NAME.get(key, name.strip())


def babel_name(code: str) -> str:
    """The babel/biblatex name for a CSL code (``en`` -> ``english``); others are kept as given."""
    return _BABEL.get(code, _BABEL.get(code.split("-")[0], code))


def code_for_babel(name: str) -> str:
    """The CSL code for a babel/biblatex language name (``ngerman`` -> ``de``); other names are read
    as ``code_for`` reads a portal's (``English`` -> ``en``), and unknown ones kept as given."""
    return _BY_BABEL.get(name.strip(), "") or _BY_BABEL.get(name.strip().lower(), "") or code_for(name)
