"""Name parts as CSL processors read them from CSL-JSON input (CSL 1.0.2 Appendix IV, "Name
particles"): a family name that starts with lowercase words (``van der Vlist``, ``d'Aubignac``)
carries a non-dropping particle, a given name that ends with them (``Alexander von``) a dropping
particle; a suffix follows a comma in the given name (``John, III``; ``John,! Jr.`` keeps the
comma before it; a particle ending in an apostrophe is written onto the family name unless a
space follows it in the input, ``de' Frinkle``); a family name in double quotes is taken as written, and ``"parse-names": false``
turns parsing off. Straight apostrophes become typographic (’)."""

from __future__ import annotations

import re
from typing import Any

# a particle may open with an apostrophe (``'t Hooft``) and hold periods (``v.d. Berg``)
_LEADING_PARTICLE = re.compile(
    r"^((?:’?[a-z\u00e0-\u00ff][\w\u00e0-\u00ff.]*[\s’'-]+|[a-z]{1,3}[’'])+)(?=[A-Z\u00c0-\u00de])"
)
# a particle may end in an apostrophe (``François Hédelin d'``), written onto the family name
_TRAILING_PARTICLE = re.compile(r"^(.*?[^\s])\s+((?:[a-z\u00e0-\u00ff][\w\u00e0-\u00ff.]*’?\s*)+)$")


_SPACES = re.compile(r"[ \t\r\n]+")


def _apostrophes(value: Any) -> Any:
    """Typographic apostrophes; spaces (non-breaking ones too) trimmed, runs of ordinary spaces
    single (a non-breaking space inside is kept: ``Center\u00a0 <sup>for</sup>``)."""
    return _SPACES.sub(" ", value.replace("'", "’")).strip() if isinstance(value, str) else value


def parsed_name(name: dict[str, Any]) -> dict[str, Any]:
    name = {key: _apostrophes(value) for key, value in name.items()}
    if "literal" in name or name.get("parse-names") in (False, "false"):
        return {k: v for k, v in name.items() if k != "parse-names"}
    name.pop("parse-names", None)
    family = name.get("family")
    if isinstance(family, str):
        if len(family) > 1 and family.startswith('"') and family.endswith('"'):
            name["family"] = family[1:-1]
        elif "non-dropping-particle" not in name:
            match = _LEADING_PARTICLE.match(family)
            if match:
                particle = match.group(1)
                name["non-dropping-particle"] = particle.rstrip()
                if particle.rstrip().endswith("’") and particle != particle.rstrip():
                    # ``de' Frinkle``: the space written after the apostrophe stays
                    name["spaced-particle"] = True
                name["family"] = family[len(particle) :]
    given = name.get("given")
    if isinstance(given, str) and "," in given and "suffix" not in name:
        given, _, suffix = given.partition(",")
        if suffix.startswith("!"):
            name["comma-suffix"] = True
            suffix = suffix[1:]
        name["given"], name["suffix"] = given.strip(), suffix.strip()
        given = name["given"]
    if isinstance(given, str) and "dropping-particle" not in name:
        match = _TRAILING_PARTICLE.match(given)
        if match:
            name["given"], name["dropping-particle"] = match.group(1), match.group(2).strip()
    return name
