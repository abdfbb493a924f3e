"""``deckgen preview``: a page on 127.0.0.1 that shows the deck as it is written.

A writer wants to see the slides while typing, not after a build and a trip to a folder of
pictures. The preview builds the deck as ``deckgen build`` does after every save of the content,
its images or the template, shows each slide's texts, layout choice and warnings at once, and
the pictures LibreOffice renders as they arrive. One module per job: `builder` (the deck),
`keys` (what a slide's picture depends on), `office`/`renderer`/`uno_worker` (LibreOffice),
`pictures` (rendering the newest deck), `state` (the page's data), `server` and `page`
(serving it), `watcher` (saves), `session` (one run, from start to a clean end).
Its dependency (``watchfiles``) is the ``preview`` extra, loaded only by this package.
"""
