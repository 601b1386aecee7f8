"""What the rule mixins use of citeproc-py's element classes, told to the type checker.

citeproc-py has no type annotations. A rule mixin subclasses ``Element`` so that mypy knows the
methods it overrides and calls on (``super().render(…)``) and the lxml methods it reads the style
with. At run time ``Element`` is ``object``: ``citekit.csl.style.elements`` stacks the mixins on
citeproc-py's classes, which supply all of this. Methods whose arguments differ from element to
element (``render``, ``process``) are typed as callables of any arguments.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:

    class Element:
        # lxml: the element and the style tree around it
        tag: str
        attrib: Any

        def get(self, key: str, default: Any = None) -> Any: ...
        def set(self, key: str, value: str) -> None: ...
        def getparent(self) -> Any: ...
        def iterchildren(self, tag: str | None = None) -> Iterator[Any]: ...
        def iterfind(self, path: str) -> Iterator[Any]: ...
        def find(self, path: str) -> Any: ...
        def insert(self, index: int, element: Any) -> None: ...
        def remove(self, element: Any) -> None: ...
        def xpath_search(self, expression: str) -> list[Any]: ...

        # citeproc-py: rendering, overridden by the rules and called on by them
        render: Callable[..., Any]
        process: Callable[..., Any]
        markup: Callable[..., Any]
        render_children: Callable[..., Any]
        render_bibliography: Callable[..., Any]
        render_single_date: Callable[..., Any]
        render_date_range: Callable[..., Any]
        parts: Callable[..., Any]
        sort_key: Callable[..., Any]
        format: Callable[..., Any]
        format_number: Callable[..., Any]
        wrap: Callable[..., Any]
        case: Callable[..., Any]
        quote: Callable[..., Any]
        strip_periods: Callable[..., Any]
        join: Callable[..., Any]
        preformat: Callable[..., Any]
        et_al: Callable[..., Any]
        is_locale_date: Callable[..., bool]
        _process: Callable[..., Any]
        _variable: Callable[..., Any]
        _is_plural: Callable[..., bool]

        # citeproc-py: what the style, its locales and the formatter say
        get_root: Callable[..., Any]
        get_layout: Callable[..., Any]
        get_macro: Callable[..., Any]
        get_term: Callable[..., Any]
        get_single_term: Callable[..., Any]
        get_plural_term: Callable[..., Any]
        get_date: Callable[..., Any]
        get_formatter: Callable[..., Any]
        get_option: Callable[..., Any]
        get_locale_option: Callable[..., Any]
        set_locale_list: Callable[..., None]
        RE_MULTIPLE_NUMBERS: Any

        # what citeproc-py keeps on elements: the layout's substituted variables, a style's
        # locale chain and output locale, a locale's style
        repressed: dict[str, Any]
        locales: list[Any]
        output_locale: str
        style: Any

else:
    Element = object
