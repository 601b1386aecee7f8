"""CSL 1.0.2 "Label": a ``cs:label`` renders only when its variable is not empty, so a
``variable="locator"`` label only for a cite that has a locator (never in the bibliography);
citeproc-py printed the page term (``p.``) for cites and items without one. Labels of other
empty variables render as citeproc-js renders them (see ``process``)."""

from __future__ import annotations

from typing import Any


class LocatorLabel:
    def process(self: Any, item: Any, variable: Any = None, *args: Any, **kwargs: Any) -> Any:
        own = self.get("variable")
        if variable is None and own == "locator" and "locator" not in item:
            return None
        # citeproc-js renders the label of any other empty variable, as the singular term (harvard's
        # "(3 vol)" labels an empty volume): CSL 1.0.2 says it renders nothing; we follow
        # citeproc-js there, for agreement, except for pages.
        if variable is None and own == "page":
            value = item.reference.get(own.replace("-", "_"))
            if value in (None, "", []):
                return None
        return super().process(item, variable, *args, **kwargs)  # type: ignore[misc]


ELEMENTS = {"label": LocatorLabel}
