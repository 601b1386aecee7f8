"""CSL 1.0.2 cite grouping and collapsing (``collapse``, ``cite-group-delimiter``) need a cite's
names: the first top-level cs:names of a cite records what it rendered in ``RenderedNames``, and
a cite marked ``csl_suppress_names`` renders without them (the names recorded are those rendered
inside the element's affixes, so that a bibliography's substitute keeps the affixes) (``Smith 1900, 2000``: the second cite
of the group is rendered without its names). ``citekit.csl.collapse`` does the grouping."""

from __future__ import annotations

from typing import Any


class RenderedNames:
    """The first names rendered for the cite being rendered (reset by the citation driver)."""

    first: str | None = None
    depth = 0
    name_list: str | None = None  # the first cs:name list rendered inside the top cs:names


class GroupableNames:
    def render(self: Any, item: Any, *args: Any, **kwargs: Any) -> Any:
        if kwargs.get("sort_options") is not None:
            return super().render(item, *args, **kwargs)  # type: ignore[misc]
        top = RenderedNames.depth == 0
        if top and item.get("csl_suppress_names"):
            item["csl_suppress_names"] = False
            return None
        if top:
            RenderedNames.name_list = None
        RenderedNames.depth += 1
        try:
            output = super().render(item, *args, **kwargs)  # type: ignore[misc]
        finally:
            RenderedNames.depth -= 1
        if top and RenderedNames.first is None and output:
            content = getattr(self, "csl_content", None)
            names = RenderedNames.name_list
            if names and names in str(output):
                RenderedNames.first = names  # the names without their label ("Doe, John" of "Doe, John ed.")
            elif content and str(content) in str(output):
                RenderedNames.first = str(content)
            else:
                RenderedNames.first = str(output)
        return output

    def markup(self: Any, text: Any) -> Any:
        # what the names rendered, before the element's own affixes and formatting
        self.csl_content = text
        return super().markup(text)  # type: ignore[misc]


class RecordsNameList:
    def markup(self: Any, text: Any) -> Any:
        output = super().markup(text)  # type: ignore[misc]
        if (
            RenderedNames.depth >= 1
            and RenderedNames.name_list is None
            and output
            and not isinstance(output, int)
        ):
            RenderedNames.name_list = str(output)
        return output


ELEMENTS = {"names": GroupableNames, "name": RecordsNameList}
