"""Crawl history: the kept crawls of a site, choosing one to read, and comparing two."""
