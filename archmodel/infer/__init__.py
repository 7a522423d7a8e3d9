"""Site model inference: `archmodel init` proposes the whole medical model from a crawl.

The pipeline (archmodel.infer.pipeline) reads the crawl once (evidence), places every page by URL
words and title words (classify), turns the placed pages into ordered page-type rules (rules),
then finds the medical entities on top of them: specialties and hubs, conditions with names,
synonyms and care pathway stages, providers and locations with who treats what and works where,
and related conditions. Each inferred entry carries its evidence and a confidence; the writer
turns them into a commented site.yml and the merger adds them to an existing one.
"""
