"""The smallest Typer app with the same Typer and Rich: the yardstick for our own --help overhead."""

import typer

app = typer.Typer()


@app.command()
def hello(name: str = "world") -> None:
    """Say hello."""
    print(f"hello {name}")


@app.command()
def bye() -> None:
    """Say goodbye."""


if __name__ == "__main__":
    app()
