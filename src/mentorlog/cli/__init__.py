"""The command line: the only package that imports Typer. Each module is one command group."""
