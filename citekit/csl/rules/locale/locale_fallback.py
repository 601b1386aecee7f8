"""CSL 1.0.2 "Locale Fallback": in-style locales (dialect, language, unspecified), then the
locale files (dialect, the language's primary dialect), ending with en-US; all parsed safely."""

from __future__ import annotations

from citekit.csl.style import locales
from citekit.csl.style.element import Element


class LocaleFallback(Element):
    def set_locale_list(self, output_locale: str, validate: bool = True) -> None:
        self.output_locale = output_locale
        self.locales = locales.fallback_chain(self, output_locale)
        for locale in self.locales:
            locale.style = self


ELEMENTS = {"style": LocaleFallback}
