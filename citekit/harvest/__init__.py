"""Harvesting whole repositories over OAI-PMH: the protocol (``oai``), the spool and resume state
(``spool``) and the harvest itself (``run``)."""
