"""Everything the user sees: Rich tables and panels, Markdown, JSON. The only place that formats."""
