"""Plain Python rules of the journal: dates, cadences, linking, agendas. Knows nothing of Typer or Rich."""
