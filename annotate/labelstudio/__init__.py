"""econer.annotate.labelstudio: the round trip through a real Label Studio server.

:mod:`.config` is the labelling config, :mod:`.tasks` turns documents into tasks and
regions back into spans, :mod:`.client` talks to the server (label-studio-sdk 2.x),
:mod:`.push` and :mod:`.pull` move pre-labels out and gold back, :mod:`.changes` reports
what annotators changed, :mod:`.status` counts a project, :mod:`.server` runs a local server.
"""
