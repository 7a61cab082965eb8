"""The UI-free core, one package for each thing it owns; it never imports Textual or Rich.

From the top down (a package imports only those below it; import-linter checks it):
`desk` the door to a content folder; `views` what people read (briefs, timeline, search);
`edits` and `journal`; `store` a folder loaded and checked; `yaml` and `model`; and at
the bottom `git`, `disk` and `text`. The README's map says what each owns.
"""
