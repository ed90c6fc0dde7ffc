"""The command line. Commands are declared once, Typer-free (decl.py, registry.py, one module per group);
app.py builds the Typer app from them for help, completion and usage errors, and fast.py runs every
well-formed command line from the grammar that codegen.py reads off that app (grammar.py).
"""
