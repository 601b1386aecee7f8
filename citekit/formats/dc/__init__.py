"""Dublin Core as OAI-PMH serves it (``oai_dc``): a reader, the best a flat record allows."""
