"""Where every command is registered: the groups and top-level commands, their order and help.

Typer-free: cli/app.py builds the Typer app from this list, and a test fails when a command module
declares commands that are not reachable from here.
"""

from __future__ import annotations

# group name: (module declaring `app = Group()`, the group's help line)
GROUPS = {
    "mentor": ("mentorlog.cli.mentor", "Your mentors: who, what they help with, how often you meet."),
    "goal": ("mentorlog.cli.goal", "Goals: SMART goals, split into milestones."),
    "milestone": ("mentorlog.cli.milestone", "Milestones: the steps of a goal."),
    "meeting": ("mentorlog.cli.meeting", "Meetings you logged. Record a new one with 'mentorlog log'."),
    "agenda": ("mentorlog.cli.questions", "Questions queued for your next meetings."),
    "advice": ("mentorlog.cli.advice", "Advice you received, and what happened when you acted on it."),
    "action": ("mentorlog.cli.action", "Actions: what you committed to do, and what came of it."),
    "win": ("mentorlog.cli.win", "Wins: achievements worth celebrating."),
    "feedback": ("mentorlog.cli.feedback", "Feedback received from mentors or given to them, and acting on it."),
    "gave": ("mentorlog.cli.gave", "What you gave back to a mentor: insights, intros, thanks, help."),
    "resource": ("mentorlog.cli.resource", "Books, articles, courses and talks to get through, and what you took from them."),
    "intro": ("mentorlog.cli.intro", "Introductions a mentor made: whether you met, whether you said thanks."),
    "checkin": ("mentorlog.cli.checkin", "Check-ins: how the relationship with each mentor is going (1-5)."),
    "sync": ("mentorlog.cli.sync", "One journal on every device: sync over git, end-to-end encrypted."),
    "db": ("mentorlog.cli.db", "The journal file: where it is, its health, its schema."),
    "config": ("mentorlog.cli.config", "Settings in config.toml: default mentor, week start, editor, date format."),
}  # fmt: skip

# top-level command: the module whose `top = Group()` declares it
TOP = {
    "status": "mentorlog.cli.briefing",
    "prep": "mentorlog.cli.briefing",
    "review": "mentorlog.cli.briefing",
    "search": "mentorlog.cli.explore",
    "timeline": "mentorlog.cli.explore",
    "brag": "mentorlog.cli.explore",
    "report": "mentorlog.cli.report",
    "log": "mentorlog.cli.log",
    "ask": "mentorlog.cli.questions",
    "backup": "mentorlog.cli.data",
    "restore": "mentorlog.cli.data",
    "export": "mentorlog.cli.data",
    "import": "mentorlog.cli.data",
    "demo": "mentorlog.cli.demo",
}

ORDER = ("status", "prep", "log", "review", "search", "timeline", "brag", "report", "mentor", "goal", "milestone",
         "action", "advice", "ask", "agenda", "meeting", "win", "feedback", "gave", "resource", "intro",
         "checkin", "backup", "restore", "export", "import", "sync", "db", "config", "demo")  # fmt: skip
