"""The subcommands of `peacewatch`, one module each."""
