"""Styled output: CSL styles rendered with citeproc-py and the rules that make it agree with the
CSL 1.0.2 specification and citeproc-js. The work runs in stages, each a package:

- ``style/``: find, parse, check and load a style in its output locale;
- ``items/``: read the CSL-JSON items (rich text, dates, names) into references;
- ``engine/``: the session: registration, sorting, positions, disambiguation, citations,
  collapsing, the bibliography, with the explicit state of each rendering (``engine/state``);
- ``rules/``: the element mixins that fix citeproc-py's rendering, by specification section;
- ``finish/``: the ordered steps the rendered text goes through before output.

``render`` (bibliographies) and ``cite`` (citations) are the entry points the library uses;
``suite`` runs the CSL test suite; ``formatters`` holds the output markups and ``marks`` the
private-use characters that carry information from one stage to a later one.
"""
