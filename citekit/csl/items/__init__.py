"""Stage 2, the items: CSL-JSON items read as CSL processors read them, into citeproc-py's
references: rich text in fields (``richtext``), dates (``dates``), names and their particles
(``names``), variables carried in the note (``note_fields``), the generated citation-label
(``citation_label``), narrow spaces of French punctuation (``narrow_spaces``), all brought
together, escaped for the output markup, by ``source``.
"""
