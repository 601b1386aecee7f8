"""CSL 1.0.2 cite grouping and collapsing (``collapse``, ``cite-group-delimiter``) need a cite's
names: the first top-level cs:names of a cite records what it rendered (``first_names`` of the
rendering's state, ``citekit.csl.engine.state``), and a cite rendered with ``suppress_names`` renders
without them (``Smith 1900, 2000``: the second cite of the group is rendered without its
names). The names recorded are those of the first cs:name list, without the label, else what
cs:names rendered inside its own affixes, so that a bibliography's substitute keeps the
affixes. ``citekit.csl.engine.collapse`` does the grouping."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from citekit.csl.style.element import Element

if TYPE_CHECKING:
    from citekit.csl.engine.cites import CitationItem


class GroupableNames(Element):
    def render(self, item: CitationItem, *args: Any, **kwargs: Any) -> Any:
        if kwargs.get("sort_options") is not None:
            return super().render(item, *args, **kwargs)
        state = item.state
        top = state.names_depth == 0
        if top and state.suppress_names:
            state.suppress_names = False
            return None
        if top:
            state.name_list = None
            state.names_content = None
        state.names_depth += 1
        try:
            output = super().render(item, *args, **kwargs)
        finally:
            state.names_depth -= 1
        if top and state.first_names is None and output:
            content = state.names_content
            names = state.name_list
            if names and names in str(output):
                state.first_names = names  # the names without their label ("Doe, John" of "Doe, John ed.")
            elif content and str(content) in str(output):
                state.first_names = str(content)
            else:
                state.first_names = str(output)
        return output

    def process(self, item: CitationItem, *args: Any, **kwargs: Any) -> Any:
        # what the top cs:names rendered, before its own affixes and formatting
        content = super().process(item, *args, **kwargs)
        if item.state.names_depth == 1:
            item.state.names_content = content
        return content


class RecordsNameList(Element):
    def render(self, item: CitationItem, *args: Any, **kwargs: Any) -> Any:
        output = super().render(item, *args, **kwargs)
        state = item.state
        if state.names_depth >= 1 and state.name_list is None and output and not isinstance(output, int):
            state.name_list = str(output)
        return output


ELEMENTS = {"names": GroupableNames, "name": RecordsNameList}
