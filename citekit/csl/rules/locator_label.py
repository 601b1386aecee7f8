"""CSL 1.0.2 "Label": a ``cs:label`` renders only when its variable is not empty, so a
``variable="locator"`` label only for a cite that has a locator (never in the bibliography);
citeproc-py printed the page term (``p.``) for cites and items without one."""

from __future__ import annotations

from typing import Any


class LocatorLabel:
    def process(self: Any, item: Any, variable: Any = None, *args: Any, **kwargs: Any) -> Any:
        own = self.get("variable")
        if variable is None and own == "locator" and "locator" not in item:
            return None
        if variable is None and own and own != "locator":
            value = item.reference.get(own.replace("-", "_"))
            if value in (None, "", []):
                return None
        return super().process(item, variable, *args, **kwargs)  # type: ignore[misc]


ELEMENTS = {"label": LocatorLabel}
