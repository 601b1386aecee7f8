"""Talking to servers: the HTTP client (``client``), its cache (``cache``) and URL inputs (``fetch``).

httpx and hishel are imported only when something is fetched, never by ``citekit --help``.
"""
