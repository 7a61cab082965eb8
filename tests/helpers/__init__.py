"""What the tests share, one module per concern; each imports only what its own tests need.

- `paths`: the repository, the shipped content, the test data;
- `minimal_store`: a small valid store written file by file, with any file replaced;
- `edits`, `journal`, `git`: byte-level edit checks, journal stores, shared git desks (no Textual);
- `bench`: the benchmark's store generator, loaded from `scripts/`;
- `hostile_text`: text that must be shown literally;
- `pilot`: the app started on a store, and its screen read back (Textual);
- `forms`: driving the edit forms (Textual);
- `textual_private`: every reach into Textual's private parts, in one place (Textual);
- `serve`: `peacewatch serve` as a subprocess.

Nothing here may import Textual at import time of this package: the core's tests import it too.
"""
