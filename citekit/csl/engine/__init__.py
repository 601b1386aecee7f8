"""Stage 3, the engine: what depends on the whole document, which citeproc-py's frontend does not
do, driving citeproc-py's elements. ``session`` registers the items and renders citations and
bibliographies; ``cites`` builds the cites, ``positions`` tracks what was cited before,
``clusters`` renders one citation, ``collapse`` groups and collapses its cites,
``disambiguation`` tells alike cites apart, ``bibliography`` renders the entries. ``state`` is
the explicit state of one rendering, handed to the rules on the cite being rendered.
"""
