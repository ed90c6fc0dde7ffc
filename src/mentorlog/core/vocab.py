"""The words a record's fields may hold: statuses, kinds, modes.

One declaration, imported by the schema (its CHECK constraints), by the command line (its typed
choices) and by the rules in core/; nothing here imports anything.
"""

MEETING_MODES = ("in-person", "video", "call", "chat")
GOAL_STATUSES = ("active", "achieved", "paused", "dropped")
HORIZONS = ("short", "long")
TOPIC_STATUSES = ("queued", "discussed", "dropped")
ADVICE_STATUSES = ("new", "trying", "applied", "skipped")
ACTION_STATUSES = ("open", "done", "dropped")
FEEDBACK_DIRECTIONS = ("received", "given")
FEEDBACK_KINDS = ("praise", "constructive")
CONTRIBUTION_KINDS = ("insight", "intro", "resource", "thanks", "help", "other")
RESOURCE_KINDS = ("book", "article", "course", "talk", "video", "podcast", "other")
RESOURCE_STATUSES = ("queued", "started", "done", "dropped")
# Where a win came from: typed by hand, or recorded by `milestone done` / `goal done` (whose
# automatic win has uuid5 of the milestone's or goal's uuid: core/uuids.py).
WIN_SOURCES = ("manual", "milestone", "goal")
# Sync conflicts (DESIGN "Sync across devices"): what clashed, and whether it is settled.
CONFLICT_KINDS = ("field", "text", "delete", "name")
CONFLICT_STATUSES = ("open", "resolved")
CONFLICT_KEEPS = ("mine", "theirs", "both")
