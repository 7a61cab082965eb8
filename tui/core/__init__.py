"""The UI-free core: content model, YAML reading, loading, diffing. Never imports Textual."""
