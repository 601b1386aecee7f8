"""CSL 1.0.2 "Number" (cs:number) for variables with a hyphen in their name: citeproc-py looked
up ``number-of-volumes`` as written, found nothing, and printed nothing, so APA lost
``(Vols. 1–3)``. The variable is read under citeproc-py's own key (``number_of_volumes``)."""

from __future__ import annotations

from typing import Any


class HyphenatedNumberVariables:
    def process(self: Any, item: Any, context: Any = None, **kwargs: Any) -> Any:
        variable = self.get("variable")
        if "-" not in variable or variable.startswith("page"):
            return super().process(item, context=context, **kwargs)  # type: ignore[misc]
        # a missing variable raises citeproc-py's VariableError, as for any other variable
        return self._process(item.reference[variable.replace("-", "_")], variable)


ELEMENTS = {"number": HyphenatedNumberVariables}
