"""Harvesting whole repositories over OAI-PMH: the protocol (``protocol``), the spool and resume
state (``spool``) and the harvest of every page into the spool (``run``). ``citekit.harvest``
(``citekit/harvesting.py``) puts them together with the export's writing."""
