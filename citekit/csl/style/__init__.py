"""Stage 1, the style: finding a CSL style (``find``, ``index``), parsing it safely (``xml``) into
citeproc-py's element classes with the rules' mixins (``elements``, ``lookups``), checking it
(``validate``), and the one ``Style`` class, a parsed style in its output locale (``load``,
``locales``).

Nothing here is imported on the way to ``citekit --help``: this module imports nothing, and
``find`` and ``index`` only the standard library until a style is parsed.
"""
