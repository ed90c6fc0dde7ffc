"""What shell completion needs to know, as Typer's completion sees it. GENERATED from the Typer
app by `make grammar` (mentorlog.cli.codegen); do not edit. cli/complete.py answers completion
requests from this without importing Typer.

NODES: one per command path ("" is the root). `commands`: a group's subcommands and their short
help, in Typer's order (None for a command); `interspersed`: options may follow arguments;
`options`: (name, opts, secondary_opts, takes_value, multiple, hidden, help, completer) in Click's
order, the help option last; `arguments`: (name, nargs, completer). A completer is ("choice",
values, case_sensitive), ("file",), ("mentors",), ("ids", table) or None.
"""

NODES = {
    '': {
        'commands': {'status': 'The dashboard: next meetings, overdue and...', 'prep': 'Your agenda for the next meeting: report...', 'log': 'Record a meeting: notes, advice, actions,...', 'review': 'The week (default: the 7 days ending...', 'search': 'Search every text of every record; best...', 'timeline': 'Everything that happened, oldest first...', 'brag': 'Your achievements for a review or...', 'report': 'A report of a period for a performance...', 'mentor': 'Your mentors: who, what they help with,...', 'goal': 'Goals: SMART goals, split into milestones.', 'milestone': 'Milestones: the steps of a goal.', 'action': 'Actions: what you committed to do, and...', 'advice': 'Advice you received, and what happened...', 'ask': 'Queue a question for the next meeting (for...', 'agenda': 'Questions queued for your next meetings.', 'meeting': 'Meetings you logged.', 'win': 'Wins: achievements worth celebrating.', 'feedback': 'Feedback received from mentors or given to...', 'gave': 'What you gave back to a mentor: insights,...', 'resource': 'Books, articles, courses and talks to get...', 'intro': 'Introductions a mentor made: whether you...', 'checkin': 'Check-ins: how the relationship with each...', 'backup': 'Copy the journal to a single private file,...', 'restore': 'Replace the journal with a backup, after...', 'export': 'Export the journal: every record as JSON...', 'import': 'Add the records of an export that are not...', 'sync': 'One journal on every device: sync over...', 'db': 'The journal file: where it is, its health,...', 'config': 'Settings in config.toml: default mentor,...', 'demo': 'Build a sample journal (two mentors, three...'},
        'interspersed': False,
        'options': [
            ('db_file', ('--db',), (), True, False, False, 'Journal file to use.', None),
            ('version', ('--version', '-V'), (), False, False, False, 'Show the version and exit.', None),
            ('install_completion', ('--install-completion',), (), False, False, False, 'Install completion for this shell, or the one named after it (bash, zsh, fish).', None),
            ('show_completion', ('--show-completion',), (), False, False, False, 'Print the completion script (for this shell, or bash, zsh, fish named after it).', None),
            ('help', ('-h', '--help'), (), False, False, False, 'Show this message and exit.', None),
        ],
        'arguments': [],
    },
    'status': {
        'commands': None,
        'interspersed': True,
        'options': [
            ('json', ('--json',), (), False, False, False, 'Same as --format json.', None),
            ('all_', ('--all', '-a'), (), False, False, False, 'Every item (default: what fits 24 lines).', None),
            ('no_chart', ('--no-chart',), (), False, False, False, 'Leave the pictures out (config: charts = false).', None),
            ('help', ('-h', '--help'), (), False, False, False, 'Show this message and exit.', None),
        ],
        'arguments': [],
    },
    'prep': {
        'commands': None,
        'interspersed': True,
        'options': [
            ('fmt', ('--format', '-f'), (), True, False, False, 'text, markdown or json.', ('choice', ('text', 'markdown', 'json'), True)),
            ('json', ('--json',), (), False, False, False, 'Same as --format json.', None),
            ('output', ('--output', '-o'), (), True, False, False, 'Write to FILE (private, 0600) instead of the screen.', None),
            ('force', ('--force',), (), False, False, False, 'With -o: replace FILE if it exists.', None),
            ('all_', ('--all', '-a'), (), False, False, False, 'Every item of every section (default: prep_items, 7, each).', None),
            ('section', ('--section',), (), True, False, False, "Only this section, in full (its name as the '… more' line says).", None),
            ('help', ('-h', '--help'), (), False, False, False, 'Show this message and exit.', None),
        ],
        'arguments': [('mentor', 1, ('mentors',))],
    },
    'log': {
        'commands': None,
        'interspersed': True,
        'options': [
            ('on', ('--on',), (), True, False, False, "When it was held (default now; never in the future). A DATE with optional time, e.g. 'yesterday 15:30'.", None),
            ('notes', ('--notes',), (), True, False, False, "Meeting notes (Markdown); '-' always reads stdin.", None),
            ('advice', ('--advice',), (), True, True, False, 'Advice received (repeat).', None),
            ('action', ('--action',), (), True, True, False, "Action you committed to; 'due:+2w' sets a due date, counted from the meeting's day (repeat).", None),
            ('discussed', ('--discussed',), (), True, True, False, 'Queued question ID covered (repeat).', ('ids', 'topic')),
            ('next_', ('--next',), (), True, False, False, "Planned date of the next meeting; relative dates count from the meeting's day. DATE: 2026-12-01, Dec 1, today, +3d, -1w, fri, last fri, eow, eom...", None),
            ('mode', ('--mode',), (), True, False, False, 'in-person, video, call or chat (default video).', ('choice', ('in-person', 'video', 'call', 'chat'), True)),
            ('minutes', ('--minutes',), (), True, False, False, 'How long it took.', None),
            ('feedback', ('--feedback',), (), True, True, False, 'Feedback the mentor gave you, constructive: to act on (repeat).', None),
            ('praise', ('--praise',), (), True, True, False, 'Praise the mentor gave you (repeat).', None),
            ('goal', ('--goal', '-g'), (), True, False, False, 'The goal this meeting was about: its advice and actions are linked to it.', ('ids', 'goal')),
            ('resource', ('--resource',), (), True, True, False, 'A book, article, talk... the mentor recommended (repeat).', None),
            ('intro', ('--intro',), (), True, True, False, 'Someone the mentor introduced you to (repeat).', None),
            ('edit', ('--edit', '-e'), (), False, False, False, 'Open the editor template; the other flags given pre-fill it.', None),
            ('resume', ('--resume',), (), False, False, False, "Reopen the draft kept when an editor session failed (the newest, or MENTOR's).", None),
            ('force', ('--force',), (), False, False, False, 'Log it even if it repeats a meeting logged that day word for word.', None),
            ('help', ('-h', '--help'), (), False, False, False, 'Show this message and exit.', None),
        ],
        'arguments': [('mentor', 1, ('mentors',))],
    },
    'review': {
        'commands': None,
        'interspersed': True,
        'options': [
            ('week', ('--week',), (), False, False, False, 'This week so far (config week_start).', None),
            ('month', ('--month',), (), False, False, False, 'The last month.', None),
            ('since', ('--since',), (), True, False, False, 'From this day to today (or --until). DATE: 2026-12-01, Dec 1, today, +3d, -1w, fri, last fri, eow, eom...', None),
            ('until', ('--until',), (), True, False, False, 'End the period on this day instead of today. DATE: 2026-12-01, Dec 1, today, +3d, -1w, fri, last fri, eow, eom...', None),
            ('fmt', ('--format', '-f'), (), True, False, False, 'text, markdown or json.', ('choice', ('text', 'markdown', 'json'), True)),
            ('json', ('--json',), (), False, False, False, 'Same as --format json.', None),
            ('output', ('--output', '-o'), (), True, False, False, 'Write to FILE (private, 0600) instead of the screen.', None),
            ('force', ('--force',), (), False, False, False, 'With -o: replace FILE if it exists.', None),
            ('reflect', ('--reflect',), (), True, False, False, "Save this period's reflection; '-' reads stdin.", None),
            ('edit', ('--edit', '-e'), (), False, False, False, 'Write the reflection in $EDITOR (the saved one, to edit it).', None),
            ('replace', ('--replace',), (), False, False, False, "With --reflect: replace the period's reflection.", None),
            ('append', ('--append',), (), False, False, False, "With --reflect: add to the period's reflection.", None),
            ('all_', ('--all', '-a'), (), False, False, False, 'Every item of every section (default: prep_items, 7, each).', None),
            ('section', ('--section',), (), True, False, False, "Only this section, in full (its name as the '… more' line says).", None),
            ('no_chart', ('--no-chart',), (), False, False, False, 'Leave the pictures out (config: charts = false).', None),
            ('help', ('-h', '--help'), (), False, False, False, 'Show this message and exit.', None),
        ],
        'arguments': [],
    },
    'search': {
        'commands': None,
        'interspersed': True,
        'options': [
            ('kind', ('--kind', '-k'), (), True, True, False, 'Only this kind of record (repeat for several): meeting, advice, action, goal, milestone, question, win, feedback, gave, resource, intro, checkin, reflection.', ('choice', ('meeting', 'advice', 'action', 'goal', 'milestone', 'question', 'win', 'feedback', 'gave', 'resource', 'intro', 'checkin', 'reflection'), True)),
            ('mentor', ('--mentor', '-m'), (), True, False, False, 'Mentor name or unique prefix.', ('mentors',)),
            ('since', ('--since',), (), True, False, False, 'Only from this day on. DATE: 2026-12-01, Dec 1, today, +3d, -1w, fri, last fri, eow, eom...', None),
            ('json', ('--json',), (), False, False, False, 'Print plain JSON: a list of rows.', None),
            ('help', ('-h', '--help'), (), False, False, False, 'Show this message and exit.', None),
        ],
        'arguments': [('query', 1, None)],
    },
    'timeline': {
        'commands': None,
        'interspersed': True,
        'options': [
            ('since', ('--since',), (), True, False, False, 'From this day (default: 90 days ago). DATE: 2026-12-01, Dec 1, today, +3d, -1w, fri, last fri, eow, eom...', None),
            ('until', ('--until',), (), True, False, False, 'Up to this day (default: today). DATE: 2026-12-01, Dec 1, today, +3d, -1w, fri, last fri, eow, eom...', None),
            ('mentor', ('--mentor', '-m'), (), True, False, False, 'Mentor name or unique prefix.', ('mentors',)),
            ('kind', ('--kind', '-k'), (), True, True, False, 'Only this kind of event (repeat for several): meeting, advice, action_done, milestone_done, goal_achieved, win, feedback, gave, resource_done, intro, checkin, reflection.', ('choice', ('meeting', 'advice', 'action_done', 'milestone_done', 'goal_achieved', 'win', 'feedback', 'gave', 'resource_done', 'intro', 'checkin', 'reflection'), True)),
            ('json', ('--json',), (), False, False, False, 'Print plain JSON: a list of rows.', None),
            ('help', ('-h', '--help'), (), False, False, False, 'Show this message and exit.', None),
        ],
        'arguments': [],
    },
    'brag': {
        'commands': None,
        'interspersed': True,
        'options': [
            ('since', ('--since',), (), True, False, False, 'From this day (default: 6 months ago). DATE: 2026-12-01, Dec 1, today, +3d, -1w, fri, last fri, eow, eom...', None),
            ('until', ('--until',), (), True, False, False, 'Up to this day (default: today). DATE: 2026-12-01, Dec 1, today, +3d, -1w, fri, last fri, eow, eom...', None),
            ('mentor', ('--mentor', '-m'), (), True, False, False, 'Mentor name or unique prefix.', ('mentors',)),
            ('fmt', ('--format', '-f'), (), True, False, False, "markdown, json or html (the report's page).", ('choice', ('markdown', 'json', 'html'), True)),
            ('json', ('--json',), (), False, False, False, 'Same as --format json.', None),
            ('output', ('--output', '-o'), (), True, False, False, 'Write to FILE (private, 0600).', None),
            ('force', ('--force',), (), False, False, False, 'Replace FILE if it exists.', None),
            ('help', ('-h', '--help'), (), False, False, False, 'Show this message and exit.', None),
        ],
        'arguments': [],
    },
    'report': {
        'commands': None,
        'interspersed': True,
        'options': [
            ('html', ('--html',), (), False, False, False, 'An HTML page (the one format so far).', None),
            ('output', ('--output', '-o'), (), True, False, False, 'The file to write (private, 0600).', None),
            ('since', ('--since',), (), True, False, False, 'From this day (default: 6 months ago). DATE: 2026-12-01, Dec 1, today, +3d, -1w, fri, last fri, eow, eom...', None),
            ('until', ('--until',), (), True, False, False, 'Up to this day (default: today). DATE: 2026-12-01, Dec 1, today, +3d, -1w, fri, last fri, eow, eom...', None),
            ('mentor', ('--mentor', '-m'), (), True, False, False, 'Mentor name or unique prefix.', ('mentors',)),
            ('force', ('--force',), (), False, False, False, 'Replace FILE if it exists.', None),
            ('help', ('-h', '--help'), (), False, False, False, 'Show this message and exit.', None),
        ],
        'arguments': [],
    },
    'mentor': {
        'commands': {'add': 'Add a mentor.', 'list': 'List mentors with when you last met and...', 'show': 'Show one mentor: cadence health, counts...', 'edit': "Change a mentor's details.", 'end': 'Conclude a mentorship gracefully and see...', 'reopen': "Undo 'mentor end': the mentorship is...", 'delete': 'Delete a mentor for good (linked records...'},
        'interspersed': False,
        'options': [
            ('help', ('-h', '--help'), (), False, False, False, 'Show this message and exit.', None),
        ],
        'arguments': [],
    },
    'mentor add': {
        'commands': None,
        'interspersed': True,
        'options': [
            ('focus', ('--focus',), (), True, False, False, 'What this mentor helps you with.', None),
            ('cadence', ('--cadence', '-c'), (), True, False, False, 'How often you meet. weekly, biweekly, monthly, quarterly, every 3 weeks, 10d...', None),
            ('contact', ('--contact',), (), True, False, False, 'Email, handle or phone.', None),
            ('since', ('--since',), (), True, False, False, 'When the mentorship started (default today; not later). DATE: 2026-12-01, Dec 1, today, +3d, -1w, fri, last fri, eow, eom...', None),
            ('help', ('-h', '--help'), (), False, False, False, 'Show this message and exit.', None),
        ],
        'arguments': [('name', 1, None)],
    },
    'mentor list': {
        'commands': None,
        'interspersed': True,
        'options': [
            ('all_', ('--all', '-a'), (), False, False, False, 'Include concluded mentorships.', None),
            ('json', ('--json',), (), False, False, False, 'Print plain JSON instead of a table.', None),
            ('no_chart', ('--no-chart',), (), False, False, False, 'Leave the pictures out (config: charts = false).', None),
            ('help', ('-h', '--help'), (), False, False, False, 'Show this message and exit.', None),
        ],
        'arguments': [],
    },
    'mentor show': {
        'commands': None,
        'interspersed': True,
        'options': [
            ('json', ('--json',), (), False, False, False, 'Print plain JSON instead of a table.', None),
            ('no_chart', ('--no-chart',), (), False, False, False, 'Leave the pictures out (config: charts = false).', None),
            ('help', ('-h', '--help'), (), False, False, False, 'Show this message and exit.', None),
        ],
        'arguments': [('name', 1, ('mentors',))],
    },
    'mentor edit': {
        'commands': None,
        'interspersed': True,
        'options': [
            ('rename', ('--name',), (), True, False, False, 'New name.', None),
            ('focus', ('--focus',), (), True, False, False, 'New focus area.', None),
            ('cadence', ('--cadence', '-c'), (), True, False, False, 'New cadence. weekly, biweekly, monthly, quarterly, every 3 weeks, 10d...', None),
            ('contact', ('--contact',), (), True, False, False, 'New contact.', None),
            ('since', ('--since',), (), True, False, False, 'New start date. DATE: 2026-12-01, Dec 1, today, +3d, -1w, fri, last fri, eow, eom...', None),
            ('help', ('-h', '--help'), (), False, False, False, 'Show this message and exit.', None),
        ],
        'arguments': [('name', 1, ('mentors',))],
    },
    'mentor end': {
        'commands': None,
        'interspersed': True,
        'options': [
            ('on', ('--on',), (), True, False, False, 'When it ended (default today). DATE: 2026-12-01, Dec 1, today, +3d, -1w, fri, last fri, eow, eom...', None),
            ('note', ('--note',), (), True, False, False, 'A closing note: what you got from it.', None),
            ('goals_to', ('--goals-to',), (), True, False, False, 'Move its active goals to this mentor.', None),
            ('keep_goals', ('--keep-goals',), (), False, False, False, 'Keep its active goals as they are (still linked).', None),
            ('drop_goals', ('--drop-goals',), (), False, False, False, 'Drop its active goals (reason: the mentorship ended).', None),
            ('json', ('--json',), (), False, False, False, 'Print the closing summary as plain JSON.', None),
            ('help', ('-h', '--help'), (), False, False, False, 'Show this message and exit.', None),
        ],
        'arguments': [('name', 1, ('mentors',))],
    },
    'mentor reopen': {
        'commands': None,
        'interspersed': True,
        'options': [
            ('help', ('-h', '--help'), (), False, False, False, 'Show this message and exit.', None),
        ],
        'arguments': [('name', 1, ('mentors',))],
    },
    'mentor delete': {
        'commands': None,
        'interspersed': True,
        'options': [
            ('yes', ('--yes', '-y'), (), False, False, False, "Don't ask for confirmation.", None),
            ('help', ('-h', '--help'), (), False, False, False, 'Show this message and exit.', None),
        ],
        'arguments': [('record_id', 1, ('ids', 'mentor'))],
    },
    'goal': {
        'commands': {'add': 'Add a goal, optionally with its milestones.', 'list': 'List goals with progress (milestones done...', 'show': 'Show a goal with its milestones, actions...', 'edit': 'Change a goal: make it SMART, retarget it,...', 'done': 'Mark one or more goals achieved (each...', 'drop': 'Drop one or more goals you no longer pursue.', 'pause': 'Pause one or more goals for now.', 'resume': 'Resume paused or dropped goals.', 'reopen': "Undo 'goal done' or 'goal drop': the goals...", 'delete': 'Delete a goal for good (linked records are...'},
        'interspersed': False,
        'options': [
            ('help', ('-h', '--help'), (), False, False, False, 'Show this message and exit.', None),
        ],
        'arguments': [],
    },
    'goal add': {
        'commands': None,
        'interspersed': True,
        'options': [
            ('why', ('--why',), (), True, False, False, 'Why it matters to you.', None),
            ('measure', ('--measure',), (), True, False, False, 'How you will know it is achieved.', None),
            ('by', ('--by',), (), True, False, False, 'Target date. DATE: 2026-12-01, Dec 1, today, +3d, -1w, fri, last fri, eow, eom...', None),
            ('mentor', ('--mentor', '-m'), (), True, False, False, 'Mentor name or unique prefix.', ('mentors',)),
            ('horizon', ('--horizon',), (), True, False, False, 'short or long term.', ('choice', ('short', 'long'), True)),
            ('milestone', ('--milestone',), (), True, True, False, 'A milestone (repeat for several, in order).', None),
            ('help', ('-h', '--help'), (), False, False, False, 'Show this message and exit.', None),
        ],
        'arguments': [('title', 1, None)],
    },
    'goal list': {
        'commands': None,
        'interspersed': True,
        'options': [
            ('all_', ('--all', '-a'), (), False, False, False, 'Include achieved, paused and dropped goals.', None),
            ('status', ('--status',), (), True, False, False, 'Only goals that are active, achieved, paused or dropped.', ('choice', ('active', 'achieved', 'paused', 'dropped'), True)),
            ('mentor', ('--mentor', '-m'), (), True, False, False, 'Mentor name or unique prefix.', ('mentors',)),
            ('json', ('--json',), (), False, False, False, 'Print plain JSON instead of a table.', None),
            ('no_chart', ('--no-chart',), (), False, False, False, 'Leave the pictures out (config: charts = false).', None),
            ('help', ('-h', '--help'), (), False, False, False, 'Show this message and exit.', None),
        ],
        'arguments': [],
    },
    'goal show': {
        'commands': None,
        'interspersed': True,
        'options': [
            ('json', ('--json',), (), False, False, False, 'Print plain JSON instead of a table.', None),
            ('no_chart', ('--no-chart',), (), False, False, False, 'Leave the pictures out (config: charts = false).', None),
            ('help', ('-h', '--help'), (), False, False, False, 'Show this message and exit.', None),
        ],
        'arguments': [('goal_id', 1, ('ids', 'goal'))],
    },
    'goal edit': {
        'commands': None,
        'interspersed': True,
        'options': [
            ('title', ('--title',), (), True, False, False, 'New title.', None),
            ('why', ('--why',), (), True, False, False, 'Why it matters.', None),
            ('measure', ('--measure',), (), True, False, False, 'How success is measured.', None),
            ('by', ('--by',), (), True, False, False, 'New target date. DATE: 2026-12-01, Dec 1, today, +3d, -1w, fri, last fri, eow, eom...', None),
            ('mentor', ('--mentor', '-m'), (), True, False, False, 'Mentor name or unique prefix.', ('mentors',)),
            ('horizon', ('--horizon',), (), True, False, False, 'short or long term.', ('choice', ('short', 'long'), True)),
            ('help', ('-h', '--help'), (), False, False, False, 'Show this message and exit.', None),
        ],
        'arguments': [('goal_id', 1, ('ids', 'goal'))],
    },
    'goal done': {
        'commands': None,
        'interspersed': True,
        'options': [
            ('on', ('--on',), (), True, False, False, 'When it was achieved (default today; not later). DATE: 2026-12-01, Dec 1, today, +3d, -1w, fri, last fri, eow, eom...', None),
            ('help', ('-h', '--help'), (), False, False, False, 'Show this message and exit.', None),
        ],
        'arguments': [('goal_ids', -1, ('ids', 'goal'))],
    },
    'goal drop': {
        'commands': None,
        'interspersed': True,
        'options': [
            ('reason', ('--reason',), (), True, False, False, 'Why you let it go.', None),
            ('help', ('-h', '--help'), (), False, False, False, 'Show this message and exit.', None),
        ],
        'arguments': [('goal_ids', -1, ('ids', 'goal'))],
    },
    'goal pause': {
        'commands': None,
        'interspersed': True,
        'options': [
            ('help', ('-h', '--help'), (), False, False, False, 'Show this message and exit.', None),
        ],
        'arguments': [('goal_ids', -1, ('ids', 'goal'))],
    },
    'goal resume': {
        'commands': None,
        'interspersed': True,
        'options': [
            ('help', ('-h', '--help'), (), False, False, False, 'Show this message and exit.', None),
        ],
        'arguments': [('goal_ids', -1, ('ids', 'goal'))],
    },
    'goal reopen': {
        'commands': None,
        'interspersed': True,
        'options': [
            ('help', ('-h', '--help'), (), False, False, False, 'Show this message and exit.', None),
        ],
        'arguments': [('goal_ids', -1, ('ids', 'goal'))],
    },
    'goal delete': {
        'commands': None,
        'interspersed': True,
        'options': [
            ('yes', ('--yes', '-y'), (), False, False, False, "Don't ask for confirmation.", None),
            ('help', ('-h', '--help'), (), False, False, False, 'Show this message and exit.', None),
        ],
        'arguments': [('record_id', 1, ('ids', 'goal'))],
    },
    'milestone': {
        'commands': {'add': 'Add a milestone to a goal (it goes last).', 'done': 'Mark one or more milestones reached (each...', 'reopen': "Undo 'milestone done': not reached after...", 'list': 'List milestones, by goal and order.', 'edit': 'Change a milestone: its title, due date,...', 'delete': 'Delete a milestone for good (linked...'},
        'interspersed': False,
        'options': [
            ('help', ('-h', '--help'), (), False, False, False, 'Show this message and exit.', None),
        ],
        'arguments': [],
    },
    'milestone add': {
        'commands': None,
        'interspersed': True,
        'options': [
            ('due', ('--due',), (), True, False, False, 'When it should be reached. DATE: 2026-12-01, Dec 1, today, +3d, -1w, fri, last fri, eow, eom...', None),
            ('help', ('-h', '--help'), (), False, False, False, 'Show this message and exit.', None),
        ],
        'arguments': [('goal_id', 1, ('ids', 'goal')), ('title', 1, None)],
    },
    'milestone done': {
        'commands': None,
        'interspersed': True,
        'options': [
            ('on', ('--on',), (), True, False, False, 'When it was reached (default today; not later). DATE: 2026-12-01, Dec 1, today, +3d, -1w, fri, last fri, eow, eom...', None),
            ('note', ('--note',), (), True, False, False, 'How it went.', None),
            ('help', ('-h', '--help'), (), False, False, False, 'Show this message and exit.', None),
        ],
        'arguments': [('milestone_ids', -1, ('ids', 'milestone'))],
    },
    'milestone reopen': {
        'commands': None,
        'interspersed': True,
        'options': [
            ('help', ('-h', '--help'), (), False, False, False, 'Show this message and exit.', None),
        ],
        'arguments': [('milestone_ids', -1, ('ids', 'milestone'))],
    },
    'milestone list': {
        'commands': None,
        'interspersed': True,
        'options': [
            ('json', ('--json',), (), False, False, False, 'Print plain JSON instead of a table.', None),
            ('help', ('-h', '--help'), (), False, False, False, 'Show this message and exit.', None),
        ],
        'arguments': [('goal_id', 1, ('ids', 'goal'))],
    },
    'milestone edit': {
        'commands': None,
        'interspersed': True,
        'options': [
            ('title', ('--title',), (), True, False, False, 'New title.', None),
            ('due', ('--due',), (), True, False, False, 'New due date. DATE: 2026-12-01, Dec 1, today, +3d, -1w, fri, last fri, eow, eom...', None),
            ('note', ('--note',), (), True, False, False, 'A note.', None),
            ('goal', ('--goal', '-g'), (), True, False, False, 'Move it to goal ID (as its last milestone).', ('ids', 'goal')),
            ('help', ('-h', '--help'), (), False, False, False, 'Show this message and exit.', None),
        ],
        'arguments': [('milestone_id', 1, ('ids', 'milestone'))],
    },
    'milestone delete': {
        'commands': None,
        'interspersed': True,
        'options': [
            ('yes', ('--yes', '-y'), (), False, False, False, "Don't ask for confirmation.", None),
            ('help', ('-h', '--help'), (), False, False, False, 'Show this message and exit.', None),
        ],
        'arguments': [('record_id', 1, ('ids', 'milestone'))],
    },
    'action': {
        'commands': {'add': 'Add an action you committed to.', 'list': 'List actions: open ones, overdue first,...', 'show': 'Show one action and what it links to.', 'done': 'Mark one or more actions done, with their...', 'reopen': "Undo 'action done' or 'action drop': the...", 'drop': 'Drop one or more actions you will not do.', 'edit': "Change an action's text, due date, result...", 'delete': 'Delete an action for good (linked records...'},
        'interspersed': False,
        'options': [
            ('help', ('-h', '--help'), (), False, False, False, 'Show this message and exit.', None),
        ],
        'arguments': [],
    },
    'action add': {
        'commands': None,
        'interspersed': True,
        'options': [
            ('due', ('--due',), (), True, False, False, 'Due date. DATE: 2026-12-01, Dec 1, today, +3d, -1w, fri, last fri, eow, eom...', None),
            ('goal', ('--goal', '-g'), (), True, False, False, 'Link to goal ID.', ('ids', 'goal')),
            ('milestone', ('--milestone',), (), True, False, False, 'Link to milestone ID (and its goal).', ('ids', 'milestone')),
            ('advice', ('--advice',), (), True, False, False, 'The advice this acts on.', ('ids', 'advice')),
            ('mentor', ('--mentor', '-m'), (), True, False, False, 'Mentor name or unique prefix.', ('mentors',)),
            ('done', ('--done',), (), False, False, False, 'Record it as already done today.', None),
            ('force', ('--force',), (), False, False, False, 'Add it even if the same text was added in the last minute.', None),
            ('help', ('-h', '--help'), (), False, False, False, 'Show this message and exit.', None),
        ],
        'arguments': [('text', 1, None)],
    },
    'action list': {
        'commands': None,
        'interspersed': True,
        'options': [
            ('open_', ('--open',), (), False, False, False, 'Open actions (the default).', None),
            ('done', ('--done',), (), False, False, False, 'Done actions, latest first.', None),
            ('overdue', ('--overdue',), (), False, False, False, 'Open actions past their due date.', None),
            ('all_', ('--all', '-a'), (), False, False, False, 'Every action.', None),
            ('status', ('--status',), (), True, False, False, 'open, done, dropped, overdue or all (same as the flags).', ('choice', ('open', 'done', 'dropped', 'overdue', 'all'), True)),
            ('mentor', ('--mentor', '-m'), (), True, False, False, 'Mentor name or unique prefix.', ('mentors',)),
            ('goal', ('--goal', '-g'), (), True, False, False, 'Link to goal ID.', ('ids', 'goal')),
            ('json', ('--json',), (), False, False, False, 'Print plain JSON instead of a table.', None),
            ('help', ('-h', '--help'), (), False, False, False, 'Show this message and exit.', None),
        ],
        'arguments': [],
    },
    'action show': {
        'commands': None,
        'interspersed': True,
        'options': [
            ('json', ('--json',), (), False, False, False, 'Print plain JSON instead of a table.', None),
            ('help', ('-h', '--help'), (), False, False, False, 'Show this message and exit.', None),
        ],
        'arguments': [('action_id', 1, ('ids', 'action'))],
    },
    'action done': {
        'commands': None,
        'interspersed': True,
        'options': [
            ('on', ('--on',), (), True, False, False, 'When it was done (default today; not later). DATE: 2026-12-01, Dec 1, today, +3d, -1w, fri, last fri, eow, eom...', None),
            ('result', ('--result',), (), True, False, False, 'What came of it: worth reporting back.', None),
            ('help', ('-h', '--help'), (), False, False, False, 'Show this message and exit.', None),
        ],
        'arguments': [('action_ids', -1, ('ids', 'action'))],
    },
    'action reopen': {
        'commands': None,
        'interspersed': True,
        'options': [
            ('help', ('-h', '--help'), (), False, False, False, 'Show this message and exit.', None),
        ],
        'arguments': [('action_ids', -1, ('ids', 'action'))],
    },
    'action drop': {
        'commands': None,
        'interspersed': True,
        'options': [
            ('reason', ('--reason',), (), True, False, False, 'Why.', None),
            ('help', ('-h', '--help'), (), False, False, False, 'Show this message and exit.', None),
        ],
        'arguments': [('action_ids', -1, ('ids', 'action'))],
    },
    'action edit': {
        'commands': None,
        'interspersed': True,
        'options': [
            ('text', ('--text',), (), True, False, False, 'New text.', None),
            ('due', ('--due',), (), True, False, False, 'New due date. DATE: 2026-12-01, Dec 1, today, +3d, -1w, fri, last fri, eow, eom...', None),
            ('goal', ('--goal', '-g'), (), True, False, False, 'Link to goal ID.', ('ids', 'goal')),
            ('milestone', ('--milestone',), (), True, False, False, 'Link to milestone ID.', ('ids', 'milestone')),
            ('advice', ('--advice',), (), True, False, False, 'Link to advice ID.', ('ids', 'advice')),
            ('mentor', ('--mentor', '-m'), (), True, False, False, 'Mentor name or unique prefix.', ('mentors',)),
            ('result', ('--result',), (), True, False, False, "What came of it (a done action); '' clears it.", None),
            ('help', ('-h', '--help'), (), False, False, False, 'Show this message and exit.', None),
        ],
        'arguments': [('action_id', 1, ('ids', 'action'))],
    },
    'action delete': {
        'commands': None,
        'interspersed': True,
        'options': [
            ('yes', ('--yes', '-y'), (), False, False, False, "Don't ask for confirmation.", None),
            ('help', ('-h', '--help'), (), False, False, False, 'Show this message and exit.', None),
        ],
        'arguments': [('record_id', 1, ('ids', 'action'))],
    },
    'advice': {
        'commands': {'add': 'Record advice you received.', 'edit': 'Change advice: its text, why, mentor,...', 'list': 'List advice, newest first.', 'show': 'Show one piece of advice with the actions...', 'try': 'Mark one or more pieces of advice as being...', 'apply': 'Mark advice applied, with its outcome to...', 'skip': 'Decide not to follow advice (and say why).', 'reopen': "Undo 'advice try', 'apply' or 'skip': the...", 'delete': 'Delete an advice for good (linked records...'},
        'interspersed': False,
        'options': [
            ('help', ('-h', '--help'), (), False, False, False, 'Show this message and exit.', None),
        ],
        'arguments': [],
    },
    'advice add': {
        'commands': None,
        'interspersed': True,
        'options': [
            ('mentor', ('--mentor', '-m'), (), True, False, False, 'Mentor name or unique prefix.', ('mentors',)),
            ('why', ('--why',), (), True, False, False, "The mentor's reasoning.", None),
            ('goal', ('--goal', '-g'), (), True, False, False, 'Link to goal ID.', ('ids', 'goal')),
            ('meeting', ('--meeting',), (), True, False, False, 'The meeting it came from.', ('ids', 'meeting')),
            ('on', ('--on',), (), True, False, False, 'When it was given (default today; not later). DATE: 2026-12-01, Dec 1, today, +3d, -1w, fri, last fri, eow, eom...', None),
            ('help', ('-h', '--help'), (), False, False, False, 'Show this message and exit.', None),
        ],
        'arguments': [('text', 1, None)],
    },
    'advice edit': {
        'commands': None,
        'interspersed': True,
        'options': [
            ('text', ('--text',), (), True, False, False, 'New text.', None),
            ('why', ('--why',), (), True, False, False, "The mentor's reasoning ('' clears it).", None),
            ('mentor', ('--mentor', '-m'), (), True, False, False, 'Mentor name or unique prefix.', ('mentors',)),
            ('goal', ('--goal', '-g'), (), True, False, False, 'Link to goal ID.', ('ids', 'goal')),
            ('meeting', ('--meeting',), (), True, False, False, 'The meeting it came from.', ('ids', 'meeting')),
            ('on', ('--on',), (), True, False, False, 'When it was given (not later). DATE: 2026-12-01, Dec 1, today, +3d, -1w, fri, last fri, eow, eom...', None),
            ('outcome', ('--outcome',), (), True, False, False, "What came of applying it ('' clears it).", None),
            ('help', ('-h', '--help'), (), False, False, False, 'Show this message and exit.', None),
        ],
        'arguments': [('advice_id', 1, ('ids', 'advice'))],
    },
    'advice list': {
        'commands': None,
        'interspersed': True,
        'options': [
            ('status', ('--status',), (), True, False, False, 'new, trying, applied, skipped, or pending (new+trying).', ('choice', ('new', 'trying', 'applied', 'skipped', 'pending'), True)),
            ('mentor', ('--mentor', '-m'), (), True, False, False, 'Mentor name or unique prefix.', ('mentors',)),
            ('json', ('--json',), (), False, False, False, 'Print plain JSON instead of a table.', None),
            ('help', ('-h', '--help'), (), False, False, False, 'Show this message and exit.', None),
        ],
        'arguments': [],
    },
    'advice show': {
        'commands': None,
        'interspersed': True,
        'options': [
            ('json', ('--json',), (), False, False, False, 'Print plain JSON instead of a table.', None),
            ('help', ('-h', '--help'), (), False, False, False, 'Show this message and exit.', None),
        ],
        'arguments': [('advice_id', 1, ('ids', 'advice'))],
    },
    'advice try': {
        'commands': None,
        'interspersed': True,
        'options': [
            ('help', ('-h', '--help'), (), False, False, False, 'Show this message and exit.', None),
        ],
        'arguments': [('advice_ids', -1, ('ids', 'advice'))],
    },
    'advice apply': {
        'commands': None,
        'interspersed': True,
        'options': [
            ('outcome', ('--outcome',), (), True, False, False, 'What happened.', None),
            ('on', ('--on',), (), True, False, False, 'When you applied it (default today; not later). DATE: 2026-12-01, Dec 1, today, +3d, -1w, fri, last fri, eow, eom...', None),
            ('help', ('-h', '--help'), (), False, False, False, 'Show this message and exit.', None),
        ],
        'arguments': [('advice_ids', -1, ('ids', 'advice'))],
    },
    'advice skip': {
        'commands': None,
        'interspersed': True,
        'options': [
            ('reason', ('--reason',), (), True, False, False, 'Why not.', None),
            ('help', ('-h', '--help'), (), False, False, False, 'Show this message and exit.', None),
        ],
        'arguments': [('advice_ids', -1, ('ids', 'advice'))],
    },
    'advice reopen': {
        'commands': None,
        'interspersed': True,
        'options': [
            ('help', ('-h', '--help'), (), False, False, False, 'Show this message and exit.', None),
        ],
        'arguments': [('advice_ids', -1, ('ids', 'advice'))],
    },
    'advice delete': {
        'commands': None,
        'interspersed': True,
        'options': [
            ('yes', ('--yes', '-y'), (), False, False, False, "Don't ask for confirmation.", None),
            ('help', ('-h', '--help'), (), False, False, False, 'Show this message and exit.', None),
        ],
        'arguments': [('record_id', 1, ('ids', 'advice'))],
    },
    'ask': {
        'commands': None,
        'interspersed': True,
        'options': [
            ('mentor', ('--mentor', '-m'), (), True, False, False, 'Mentor name or unique prefix.', ('mentors',)),
            ('goal', ('--goal', '-g'), (), True, False, False, 'Link to goal ID.', ('ids', 'goal')),
            ('help', ('-h', '--help'), (), False, False, False, 'Show this message and exit.', None),
        ],
        'arguments': [('text', 1, None)],
    },
    'agenda': {
        'commands': {'list': 'List queued questions (those for no mentor...', 'drop': 'Take one or more queued questions off the...', 'edit': 'Change a queued question: its text, the...', 'delete': 'Delete a question for good (linked records...'},
        'interspersed': False,
        'options': [
            ('help', ('-h', '--help'), (), False, False, False, 'Show this message and exit.', None),
        ],
        'arguments': [],
    },
    'agenda list': {
        'commands': None,
        'interspersed': True,
        'options': [
            ('json', ('--json',), (), False, False, False, 'Print plain JSON instead of a table.', None),
            ('help', ('-h', '--help'), (), False, False, False, 'Show this message and exit.', None),
        ],
        'arguments': [('mentor', 1, ('mentors',))],
    },
    'agenda drop': {
        'commands': None,
        'interspersed': True,
        'options': [
            ('help', ('-h', '--help'), (), False, False, False, 'Show this message and exit.', None),
        ],
        'arguments': [('question_ids', -1, ('ids', 'topic'))],
    },
    'agenda edit': {
        'commands': None,
        'interspersed': True,
        'options': [
            ('text', ('--text',), (), True, False, False, 'New text.', None),
            ('mentor', ('--mentor', '-m'), (), True, False, False, 'Mentor name or unique prefix.', ('mentors',)),
            ('goal', ('--goal', '-g'), (), True, False, False, 'Link to goal ID.', ('ids', 'goal')),
            ('help', ('-h', '--help'), (), False, False, False, 'Show this message and exit.', None),
        ],
        'arguments': [('question_id', 1, ('ids', 'topic'))],
    },
    'agenda delete': {
        'commands': None,
        'interspersed': True,
        'options': [
            ('yes', ('--yes', '-y'), (), False, False, False, "Don't ask for confirmation.", None),
            ('help', ('-h', '--help'), (), False, False, False, 'Show this message and exit.', None),
        ],
        'arguments': [('record_id', 1, ('ids', 'topic'))],
    },
    'meeting': {
        'commands': {'list': 'List meetings, latest first.', 'show': 'Show a meeting: notes, advice, actions and...', 'edit': 'Correct a logged meeting: when, notes,...', 'delete': 'Delete a meeting for good (linked records...'},
        'interspersed': False,
        'options': [
            ('help', ('-h', '--help'), (), False, False, False, 'Show this message and exit.', None),
        ],
        'arguments': [],
    },
    'meeting list': {
        'commands': None,
        'interspersed': True,
        'options': [
            ('json', ('--json',), (), False, False, False, 'Print plain JSON instead of a table.', None),
            ('help', ('-h', '--help'), (), False, False, False, 'Show this message and exit.', None),
        ],
        'arguments': [('mentor', 1, ('mentors',))],
    },
    'meeting show': {
        'commands': None,
        'interspersed': True,
        'options': [
            ('json', ('--json',), (), False, False, False, 'Print plain JSON instead of a table.', None),
            ('help', ('-h', '--help'), (), False, False, False, 'Show this message and exit.', None),
        ],
        'arguments': [('meeting_id', 1, ('ids', 'meeting'))],
    },
    'meeting edit': {
        'commands': None,
        'interspersed': True,
        'options': [
            ('on', ('--on',), (), True, False, False, "When it was held. A DATE with optional time, e.g. 'yesterday 15:30'.", None),
            ('notes', ('--notes',), (), True, False, False, "Replace the notes ('-' reads stdin).", None),
            ('next_', ('--next',), (), True, False, False, 'Planned next meeting. DATE: 2026-12-01, Dec 1, today, +3d, -1w, fri, last fri, eow, eom...', None),
            ('mode', ('--mode',), (), True, False, False, 'in-person, video, call or chat.', ('choice', ('in-person', 'video', 'call', 'chat'), True)),
            ('minutes', ('--minutes',), (), True, False, False, 'How long it took.', None),
            ('mentor', ('--mentor', '-m'), (), True, False, False, 'File it under this mentor, with what came from it.', ('mentors',)),
            ('help', ('-h', '--help'), (), False, False, False, 'Show this message and exit.', None),
        ],
        'arguments': [('meeting_id', 1, ('ids', 'meeting'))],
    },
    'meeting delete': {
        'commands': None,
        'interspersed': True,
        'options': [
            ('yes', ('--yes', '-y'), (), False, False, False, "Don't ask for confirmation.", None),
            ('help', ('-h', '--help'), (), False, False, False, 'Show this message and exit.', None),
        ],
        'arguments': [('record_id', 1, ('ids', 'meeting'))],
    },
    'win': {
        'commands': {'add': 'Record a win.', 'edit': 'Change a win: its text, goal, mentor or day.', 'list': 'List wins, latest first.', 'delete': 'Delete a win for good (linked records are...'},
        'interspersed': False,
        'options': [
            ('help', ('-h', '--help'), (), False, False, False, 'Show this message and exit.', None),
        ],
        'arguments': [],
    },
    'win add': {
        'commands': None,
        'interspersed': True,
        'options': [
            ('goal', ('--goal', '-g'), (), True, False, False, 'Link to goal ID.', ('ids', 'goal')),
            ('mentor', ('--mentor', '-m'), (), True, False, False, 'Mentor name or unique prefix.', ('mentors',)),
            ('on', ('--on',), (), True, False, False, 'When (default today; not later). DATE: 2026-12-01, Dec 1, today, +3d, -1w, fri, last fri, eow, eom...', None),
            ('help', ('-h', '--help'), (), False, False, False, 'Show this message and exit.', None),
        ],
        'arguments': [('text', 1, None)],
    },
    'win edit': {
        'commands': None,
        'interspersed': True,
        'options': [
            ('text', ('--text',), (), True, False, False, 'New text.', None),
            ('goal', ('--goal', '-g'), (), True, False, False, 'Link to goal ID.', ('ids', 'goal')),
            ('mentor', ('--mentor', '-m'), (), True, False, False, 'Mentor name or unique prefix.', ('mentors',)),
            ('on', ('--on',), (), True, False, False, 'When (not later than today). DATE: 2026-12-01, Dec 1, today, +3d, -1w, fri, last fri, eow, eom...', None),
            ('help', ('-h', '--help'), (), False, False, False, 'Show this message and exit.', None),
        ],
        'arguments': [('win_id', 1, ('ids', 'win'))],
    },
    'win list': {
        'commands': None,
        'interspersed': True,
        'options': [
            ('json', ('--json',), (), False, False, False, 'Print plain JSON instead of a table.', None),
            ('help', ('-h', '--help'), (), False, False, False, 'Show this message and exit.', None),
        ],
        'arguments': [],
    },
    'win delete': {
        'commands': None,
        'interspersed': True,
        'options': [
            ('yes', ('--yes', '-y'), (), False, False, False, "Don't ask for confirmation.", None),
            ('help', ('-h', '--help'), (), False, False, False, 'Show this message and exit.', None),
        ],
        'arguments': [('record_id', 1, ('ids', 'win'))],
    },
    'feedback': {
        'commands': {'add': 'Record feedback received from a mentor...', 'act': 'Mark received constructive feedback as...', 'reopen': "Undo 'feedback act': the feedback is...", 'list': 'List feedback, newest first.', 'show': 'Show one piece of feedback.', 'edit': 'Change a piece of feedback: its text,...', 'delete': 'Delete a feedback for good (linked records...'},
        'interspersed': False,
        'options': [
            ('help', ('-h', '--help'), (), False, False, False, 'Show this message and exit.', None),
        ],
        'arguments': [],
    },
    'feedback add': {
        'commands': None,
        'interspersed': True,
        'options': [
            ('from_', ('--from',), (), True, False, False, 'Received from this mentor (name or prefix).', None),
            ('to', ('--to',), (), True, False, False, 'Given to this mentor (name or prefix).', None),
            ('kind', ('--kind', '-k'), (), True, False, False, 'praise or constructive.', ('choice', ('praise', 'constructive'), True)),
            ('on', ('--on',), (), True, False, False, 'When (default today). DATE: 2026-12-01, Dec 1, today, +3d, -1w, fri, last fri, eow, eom...', None),
            ('goal', ('--goal', '-g'), (), True, False, False, 'Link to goal ID.', ('ids', 'goal')),
            ('help', ('-h', '--help'), (), False, False, False, 'Show this message and exit.', None),
        ],
        'arguments': [('text', 1, None)],
    },
    'feedback act': {
        'commands': None,
        'interspersed': True,
        'options': [
            ('note', ('--note',), (), True, False, False, 'What you changed.', None),
            ('on', ('--on',), (), True, False, False, 'When (default today). DATE: 2026-12-01, Dec 1, today, +3d, -1w, fri, last fri, eow, eom...', None),
            ('help', ('-h', '--help'), (), False, False, False, 'Show this message and exit.', None),
        ],
        'arguments': [('feedback_ids', -1, ('ids', 'feedback'))],
    },
    'feedback reopen': {
        'commands': None,
        'interspersed': True,
        'options': [
            ('help', ('-h', '--help'), (), False, False, False, 'Show this message and exit.', None),
        ],
        'arguments': [('feedback_ids', -1, ('ids', 'feedback'))],
    },
    'feedback list': {
        'commands': None,
        'interspersed': True,
        'options': [
            ('from_', ('--from',), (), True, False, False, 'Received from this mentor (name or prefix).', None),
            ('to', ('--to',), (), True, False, False, 'Given to this mentor (name or prefix).', None),
            ('kind', ('--kind', '-k'), (), True, False, False, 'praise or constructive.', ('choice', ('praise', 'constructive'), True)),
            ('pending', ('--pending',), (), False, False, False, 'Only received constructive feedback not yet acted on.', None),
            ('json', ('--json',), (), False, False, False, 'Print plain JSON instead of a table.', None),
            ('help', ('-h', '--help'), (), False, False, False, 'Show this message and exit.', None),
        ],
        'arguments': [],
    },
    'feedback show': {
        'commands': None,
        'interspersed': True,
        'options': [
            ('json', ('--json',), (), False, False, False, 'Print plain JSON instead of a table.', None),
            ('help', ('-h', '--help'), (), False, False, False, 'Show this message and exit.', None),
        ],
        'arguments': [('feedback_id', 1, ('ids', 'feedback'))],
    },
    'feedback edit': {
        'commands': None,
        'interspersed': True,
        'options': [
            ('text', ('--text',), (), True, False, False, 'New text.', None),
            ('from_', ('--from',), (), True, False, False, 'Received from this mentor (name or prefix).', None),
            ('to', ('--to',), (), True, False, False, 'Given to this mentor (name or prefix).', None),
            ('kind', ('--kind', '-k'), (), True, False, False, 'praise or constructive.', ('choice', ('praise', 'constructive'), True)),
            ('on', ('--on',), (), True, False, False, 'New date. DATE: 2026-12-01, Dec 1, today, +3d, -1w, fri, last fri, eow, eom...', None),
            ('goal', ('--goal', '-g'), (), True, False, False, 'Link to goal ID.', ('ids', 'goal')),
            ('note', ('--note',), (), True, False, False, "What you changed (once acted on); '' clears it.", None),
            ('help', ('-h', '--help'), (), False, False, False, 'Show this message and exit.', None),
        ],
        'arguments': [('feedback_id', 1, ('ids', 'feedback'))],
    },
    'feedback delete': {
        'commands': None,
        'interspersed': True,
        'options': [
            ('yes', ('--yes', '-y'), (), False, False, False, "Don't ask for confirmation.", None),
            ('help', ('-h', '--help'), (), False, False, False, 'Show this message and exit.', None),
        ],
        'arguments': [('record_id', 1, ('ids', 'feedback'))],
    },
    'gave': {
        'commands': {'add': 'Record something you gave back to a...', 'list': 'List what you gave back, newest first.', 'show': 'Show one thing you gave back.', 'edit': 'Change what you gave back: its text,...', 'delete': 'Delete a contribution for good (linked...'},
        'interspersed': False,
        'options': [
            ('help', ('-h', '--help'), (), False, False, False, 'Show this message and exit.', None),
        ],
        'arguments': [],
    },
    'gave add': {
        'commands': None,
        'interspersed': True,
        'options': [
            ('mentor', ('--mentor', '-m'), (), True, False, False, 'To whom (name or prefix; required).', ('mentors',)),
            ('kind', ('--kind', '-k'), (), True, False, False, 'insight, intro, resource, thanks, help or other.', ('choice', ('insight', 'intro', 'resource', 'thanks', 'help', 'other'), True)),
            ('on', ('--on',), (), True, False, False, 'When (default today). DATE: 2026-12-01, Dec 1, today, +3d, -1w, fri, last fri, eow, eom...', None),
            ('help', ('-h', '--help'), (), False, False, False, 'Show this message and exit.', None),
        ],
        'arguments': [('text', 1, None)],
    },
    'gave list': {
        'commands': None,
        'interspersed': True,
        'options': [
            ('mentor', ('--mentor', '-m'), (), True, False, False, 'Mentor name or unique prefix.', ('mentors',)),
            ('json', ('--json',), (), False, False, False, 'Print plain JSON instead of a table.', None),
            ('help', ('-h', '--help'), (), False, False, False, 'Show this message and exit.', None),
        ],
        'arguments': [],
    },
    'gave show': {
        'commands': None,
        'interspersed': True,
        'options': [
            ('json', ('--json',), (), False, False, False, 'Print plain JSON instead of a table.', None),
            ('help', ('-h', '--help'), (), False, False, False, 'Show this message and exit.', None),
        ],
        'arguments': [('contribution_id', 1, ('ids', 'contribution'))],
    },
    'gave edit': {
        'commands': None,
        'interspersed': True,
        'options': [
            ('text', ('--text',), (), True, False, False, 'New text.', None),
            ('mentor', ('--mentor', '-m'), (), True, False, False, 'Mentor name or unique prefix.', ('mentors',)),
            ('kind', ('--kind', '-k'), (), True, False, False, 'insight, intro, resource, thanks, help or other.', ('choice', ('insight', 'intro', 'resource', 'thanks', 'help', 'other'), True)),
            ('on', ('--on',), (), True, False, False, 'New date. DATE: 2026-12-01, Dec 1, today, +3d, -1w, fri, last fri, eow, eom...', None),
            ('help', ('-h', '--help'), (), False, False, False, 'Show this message and exit.', None),
        ],
        'arguments': [('contribution_id', 1, ('ids', 'contribution'))],
    },
    'gave delete': {
        'commands': None,
        'interspersed': True,
        'options': [
            ('yes', ('--yes', '-y'), (), False, False, False, "Don't ask for confirmation.", None),
            ('help', ('-h', '--help'), (), False, False, False, 'Show this message and exit.', None),
        ],
        'arguments': [('record_id', 1, ('ids', 'contribution'))],
    },
    'resource': {
        'commands': {'add': 'Add a resource to your queue: recommended...', 'start': 'Mark resources started.', 'done': 'Mark resources done, with what you took...', 'drop': 'Drop resources you will not get through.', 'reopen': 'Put resources back in the queue (undoes...', 'list': 'List resources: started and queued ones...', 'show': 'Show one resource.', 'edit': 'Change a resource: its title, URL, kind,...', 'delete': 'Delete a resource for good (linked records...'},
        'interspersed': False,
        'options': [
            ('help', ('-h', '--help'), (), False, False, False, 'Show this message and exit.', None),
        ],
        'arguments': [],
    },
    'resource add': {
        'commands': None,
        'interspersed': True,
        'options': [
            ('url', ('--url',), (), True, False, False, 'Where to find it.', None),
            ('kind', ('--kind', '-k'), (), True, False, False, 'book, article, course, talk, video, podcast or other.', ('choice', ('book', 'article', 'course', 'talk', 'video', 'podcast', 'other'), True)),
            ('mentor', ('--mentor', '-m'), (), True, False, False, 'Mentor name or unique prefix.', ('mentors',)),
            ('goal', ('--goal', '-g'), (), True, False, False, 'Link to goal ID.', ('ids', 'goal')),
            ('advice', ('--advice',), (), True, False, False, 'The advice it came with (advice ID).', ('ids', 'advice')),
            ('help', ('-h', '--help'), (), False, False, False, 'Show this message and exit.', None),
        ],
        'arguments': [('title', 1, None)],
    },
    'resource start': {
        'commands': None,
        'interspersed': True,
        'options': [
            ('help', ('-h', '--help'), (), False, False, False, 'Show this message and exit.', None),
        ],
        'arguments': [('resource_ids', -1, ('ids', 'resource'))],
    },
    'resource done': {
        'commands': None,
        'interspersed': True,
        'options': [
            ('takeaway', ('--takeaway',), (), True, False, False, 'What you took from it: worth reporting back.', None),
            ('on', ('--on',), (), True, False, False, 'When you finished (default today). DATE: 2026-12-01, Dec 1, today, +3d, -1w, fri, last fri, eow, eom...', None),
            ('help', ('-h', '--help'), (), False, False, False, 'Show this message and exit.', None),
        ],
        'arguments': [('resource_ids', -1, ('ids', 'resource'))],
    },
    'resource drop': {
        'commands': None,
        'interspersed': True,
        'options': [
            ('help', ('-h', '--help'), (), False, False, False, 'Show this message and exit.', None),
        ],
        'arguments': [('resource_ids', -1, ('ids', 'resource'))],
    },
    'resource reopen': {
        'commands': None,
        'interspersed': True,
        'options': [
            ('help', ('-h', '--help'), (), False, False, False, 'Show this message and exit.', None),
        ],
        'arguments': [('resource_ids', -1, ('ids', 'resource'))],
    },
    'resource list': {
        'commands': None,
        'interspersed': True,
        'options': [
            ('status', ('--status',), (), True, False, False, 'queued, started, done or dropped.', ('choice', ('queued', 'started', 'done', 'dropped'), True)),
            ('all_', ('--all', '-a'), (), False, False, False, 'Every resource, done and dropped too.', None),
            ('mentor', ('--mentor', '-m'), (), True, False, False, 'Mentor name or unique prefix.', ('mentors',)),
            ('json', ('--json',), (), False, False, False, 'Print plain JSON instead of a table.', None),
            ('help', ('-h', '--help'), (), False, False, False, 'Show this message and exit.', None),
        ],
        'arguments': [],
    },
    'resource show': {
        'commands': None,
        'interspersed': True,
        'options': [
            ('json', ('--json',), (), False, False, False, 'Print plain JSON instead of a table.', None),
            ('help', ('-h', '--help'), (), False, False, False, 'Show this message and exit.', None),
        ],
        'arguments': [('resource_id', 1, ('ids', 'resource'))],
    },
    'resource edit': {
        'commands': None,
        'interspersed': True,
        'options': [
            ('title', ('--title',), (), True, False, False, 'New title.', None),
            ('url', ('--url',), (), True, False, False, "New URL ('' clears it).", None),
            ('kind', ('--kind', '-k'), (), True, False, False, 'book, article, course, talk, video, podcast or other.', ('choice', ('book', 'article', 'course', 'talk', 'video', 'podcast', 'other'), True)),
            ('mentor', ('--mentor', '-m'), (), True, False, False, 'Mentor name or unique prefix.', ('mentors',)),
            ('goal', ('--goal', '-g'), (), True, False, False, 'Link to goal ID.', ('ids', 'goal')),
            ('advice', ('--advice',), (), True, False, False, 'The advice it came with (advice ID).', ('ids', 'advice')),
            ('takeaway', ('--takeaway',), (), True, False, False, "New takeaway ('' clears it).", None),
            ('help', ('-h', '--help'), (), False, False, False, 'Show this message and exit.', None),
        ],
        'arguments': [('resource_id', 1, ('ids', 'resource'))],
    },
    'resource delete': {
        'commands': None,
        'interspersed': True,
        'options': [
            ('yes', ('--yes', '-y'), (), False, False, False, "Don't ask for confirmation.", None),
            ('help', ('-h', '--help'), (), False, False, False, 'Show this message and exit.', None),
        ],
        'arguments': [('record_id', 1, ('ids', 'resource'))],
    },
    'intro': {
        'commands': {'add': 'Record an introduction a mentor made (--by...', 'met': 'Mark that you met the people you were...', 'thanked': 'Mark that you thanked the mentor for...', 'reopen': 'Undo met and thanked: the introduction is...', 'list': 'List introductions, newest first.', 'show': 'Show one introduction.', 'edit': 'Change an introduction: the person, who...', 'delete': 'Delete an introduction for good (linked...'},
        'interspersed': False,
        'options': [
            ('help', ('-h', '--help'), (), False, False, False, 'Show this message and exit.', None),
        ],
        'arguments': [],
    },
    'intro add': {
        'commands': None,
        'interspersed': True,
        'options': [
            ('by', ('--by',), (), True, False, False, 'The mentor who introduced you (name or prefix).', None),
            ('context', ('--context',), (), True, False, False, 'Who they are, why you should talk.', None),
            ('on', ('--on',), (), True, False, False, 'When the introduction was made (default today). DATE: 2026-12-01, Dec 1, today, +3d, -1w, fri, last fri, eow, eom...', None),
            ('help', ('-h', '--help'), (), False, False, False, 'Show this message and exit.', None),
        ],
        'arguments': [('person', 1, None)],
    },
    'intro met': {
        'commands': None,
        'interspersed': True,
        'options': [
            ('on', ('--on',), (), True, False, False, 'When you met (default today). DATE: 2026-12-01, Dec 1, today, +3d, -1w, fri, last fri, eow, eom...', None),
            ('note', ('--note',), (), True, False, False, 'How it went.', None),
            ('help', ('-h', '--help'), (), False, False, False, 'Show this message and exit.', None),
        ],
        'arguments': [('intro_ids', -1, ('ids', 'introduction'))],
    },
    'intro thanked': {
        'commands': None,
        'interspersed': True,
        'options': [
            ('on', ('--on',), (), True, False, False, 'When you said thanks (default today). DATE: 2026-12-01, Dec 1, today, +3d, -1w, fri, last fri, eow, eom...', None),
            ('help', ('-h', '--help'), (), False, False, False, 'Show this message and exit.', None),
        ],
        'arguments': [('intro_ids', -1, ('ids', 'introduction'))],
    },
    'intro reopen': {
        'commands': None,
        'interspersed': True,
        'options': [
            ('help', ('-h', '--help'), (), False, False, False, 'Show this message and exit.', None),
        ],
        'arguments': [('intro_ids', -1, ('ids', 'introduction'))],
    },
    'intro list': {
        'commands': None,
        'interspersed': True,
        'options': [
            ('mentor', ('--mentor', '-m'), (), True, False, False, 'Mentor name or unique prefix.', ('mentors',)),
            ('pending', ('--pending',), (), False, False, False, 'Only those not met yet or not thanked for yet.', None),
            ('json', ('--json',), (), False, False, False, 'Print plain JSON instead of a table.', None),
            ('help', ('-h', '--help'), (), False, False, False, 'Show this message and exit.', None),
        ],
        'arguments': [],
    },
    'intro show': {
        'commands': None,
        'interspersed': True,
        'options': [
            ('json', ('--json',), (), False, False, False, 'Print plain JSON instead of a table.', None),
            ('help', ('-h', '--help'), (), False, False, False, 'Show this message and exit.', None),
        ],
        'arguments': [('intro_id', 1, ('ids', 'introduction'))],
    },
    'intro edit': {
        'commands': None,
        'interspersed': True,
        'options': [
            ('person', ('--person',), (), True, False, False, 'New name.', None),
            ('by', ('--by',), (), True, False, False, 'The mentor who introduced you (name or prefix).', None),
            ('context', ('--context',), (), True, False, False, "New context ('' clears it).", None),
            ('on', ('--on',), (), True, False, False, 'When the introduction was made. DATE: 2026-12-01, Dec 1, today, +3d, -1w, fri, last fri, eow, eom...', None),
            ('note', ('--note',), (), True, False, False, "How the meeting went ('' clears it).", None),
            ('help', ('-h', '--help'), (), False, False, False, 'Show this message and exit.', None),
        ],
        'arguments': [('intro_id', 1, ('ids', 'introduction'))],
    },
    'intro delete': {
        'commands': None,
        'interspersed': True,
        'options': [
            ('yes', ('--yes', '-y'), (), False, False, False, "Don't ask for confirmation.", None),
            ('help', ('-h', '--help'), (), False, False, False, 'Show this message and exit.', None),
        ],
        'arguments': [('record_id', 1, ('ids', 'introduction'))],
    },
    'checkin': {
        'commands': {'add': 'Rate the relationship with a mentor (1-5;...', 'list': 'List check-ins, newest first.', 'show': 'Show one check-in.', 'edit': 'Change a check-in: its rating, notes or date.', 'delete': 'Delete a check-in for good (linked records...'},
        'interspersed': False,
        'options': [
            ('help', ('-h', '--help'), (), False, False, False, 'Show this message and exit.', None),
        ],
        'arguments': [],
    },
    'checkin add': {
        'commands': None,
        'interspersed': True,
        'options': [
            ('rating', ('--rating', '-r'), (), True, False, False, '1 (not working) to 5 (works very well).', None),
            ('working', ('--working',), (), True, False, False, 'What works in the relationship.', None),
            ('change', ('--change',), (), True, False, False, 'What you would change.', None),
            ('on', ('--on',), (), True, False, False, 'When (default today). DATE: 2026-12-01, Dec 1, today, +3d, -1w, fri, last fri, eow, eom...', None),
            ('help', ('-h', '--help'), (), False, False, False, 'Show this message and exit.', None),
        ],
        'arguments': [('name', 1, None)],
    },
    'checkin list': {
        'commands': None,
        'interspersed': True,
        'options': [
            ('json', ('--json',), (), False, False, False, 'Print plain JSON instead of a table.', None),
            ('help', ('-h', '--help'), (), False, False, False, 'Show this message and exit.', None),
        ],
        'arguments': [('name', 1, ('mentors',))],
    },
    'checkin show': {
        'commands': None,
        'interspersed': True,
        'options': [
            ('json', ('--json',), (), False, False, False, 'Print plain JSON instead of a table.', None),
            ('help', ('-h', '--help'), (), False, False, False, 'Show this message and exit.', None),
        ],
        'arguments': [('checkin_id', 1, ('ids', 'checkin'))],
    },
    'checkin edit': {
        'commands': None,
        'interspersed': True,
        'options': [
            ('rating', ('--rating', '-r'), (), True, False, False, '1 (not working) to 5 (works very well).', None),
            ('working', ('--working',), (), True, False, False, "What works ('' clears it).", None),
            ('change', ('--change',), (), True, False, False, "What you would change ('' clears it).", None),
            ('on', ('--on',), (), True, False, False, 'New date. DATE: 2026-12-01, Dec 1, today, +3d, -1w, fri, last fri, eow, eom...', None),
            ('help', ('-h', '--help'), (), False, False, False, 'Show this message and exit.', None),
        ],
        'arguments': [('checkin_id', 1, ('ids', 'checkin'))],
    },
    'checkin delete': {
        'commands': None,
        'interspersed': True,
        'options': [
            ('yes', ('--yes', '-y'), (), False, False, False, "Don't ask for confirmation.", None),
            ('help', ('-h', '--help'), (), False, False, False, 'Show this message and exit.', None),
        ],
        'arguments': [('record_id', 1, ('ids', 'checkin'))],
    },
    'backup': {
        'commands': None,
        'interspersed': True,
        'options': [
            ('help', ('-h', '--help'), (), False, False, False, 'Show this message and exit.', None),
        ],
        'arguments': [('path', 1, None)],
    },
    'restore': {
        'commands': None,
        'interspersed': True,
        'options': [
            ('force', ('--force',), (), False, False, False, 'Replace the current journal (a copy of it is kept).', None),
            ('help', ('-h', '--help'), (), False, False, False, 'Show this message and exit.', None),
        ],
        'arguments': [('path', 1, None)],
    },
    'export': {
        'commands': None,
        'interspersed': True,
        'options': [
            ('fmt', ('--format', '-f'), (), True, False, False, 'json (every record, lossless), markdown (to read), csv (a folder, for spreadsheets) or ics (for a calendar).', ('choice', ('json', 'markdown', 'csv', 'ics'), True)),
            ('output', ('--output', '-o'), (), True, False, False, 'Write to FILE (0600; a new folder, 0700, for csv) instead of the screen.', None),
            ('force', ('--force',), (), False, False, False, 'Replace files that are already there.', None),
            ('excel', ('--excel',), (), False, False, False, "csv only: for spreadsheet apps (a UTF-8 BOM, and text that starts with = + - @ kept as text with a leading ').", None),
            ('help', ('-h', '--help'), (), False, False, False, 'Show this message and exit.', None),
        ],
        'arguments': [],
    },
    'import': {
        'commands': None,
        'interspersed': True,
        'options': [
            ('dry_run', ('--dry-run',), (), False, False, False, 'Report what would be added; change nothing.', None),
            ('help', ('-h', '--help'), (), False, False, False, 'Show this message and exit.', None),
        ],
        'arguments': [('path', 1, None)],
    },
    'sync': {
        'commands': {'run': 'Sync now: commit what changed here, pull,...', 'init': 'Start syncing this journal: a new sync...', 'join': "Sync this device's journal with one...", 'status': 'Where this journal syncs, when it last...', 'conflicts': 'List the open sync conflicts: what two...', 'resolve': 'Settle a sync conflict; the choice syncs...', 'leave': 'Stop syncing this journal here (its...'},
        'interspersed': False,
        'options': [
            ('help', ('-h', '--help'), (), False, False, False, 'Show this message and exit.', None),
        ],
        'arguments': [],
    },
    'sync run': {
        'commands': None,
        'interspersed': True,
        'options': [
            ('help', ('-h', '--help'), (), False, False, False, 'Show this message and exit.', None),
        ],
        'arguments': [],
    },
    'sync init': {
        'commands': None,
        'interspersed': True,
        'options': [
            ('folder', ('--folder',), (), True, False, False, 'A Syncthing, Dropbox or iCloud folder instead of a git remote (one file per device).', None),
            ('help', ('-h', '--help'), (), False, False, False, 'Show this message and exit.', None),
        ],
        'arguments': [('remote', 1, None)],
    },
    'sync join': {
        'commands': None,
        'interspersed': True,
        'options': [
            ('folder', ('--folder',), (), True, False, False, 'A Syncthing, Dropbox or iCloud folder instead of a git remote (one file per device).', None),
            ('help', ('-h', '--help'), (), False, False, False, 'Show this message and exit.', None),
        ],
        'arguments': [('remote', 1, None)],
    },
    'sync status': {
        'commands': None,
        'interspersed': True,
        'options': [
            ('json_', ('--json',), (), False, False, False, 'Print plain JSON instead of a table.', None),
            ('help', ('-h', '--help'), (), False, False, False, 'Show this message and exit.', None),
        ],
        'arguments': [],
    },
    'sync conflicts': {
        'commands': None,
        'interspersed': True,
        'options': [
            ('json_', ('--json',), (), False, False, False, 'Print plain JSON instead of a table.', None),
            ('all_', ('--all', '-a'), (), False, False, False, 'Settled ones too.', None),
            ('help', ('-h', '--help'), (), False, False, False, 'Show this message and exit.', None),
        ],
        'arguments': [],
    },
    'sync resolve': {
        'commands': None,
        'interspersed': True,
        'options': [
            ('keep', ('--keep',), (), True, False, False, "mine (this device's value), theirs (the other's) or both (two texts, two mentors, or the record kept).", ('choice', ('mine', 'theirs', 'both'), True)),
            ('help', ('-h', '--help'), (), False, False, False, 'Show this message and exit.', None),
        ],
        'arguments': [('conflict_id', 1, None)],
    },
    'sync leave': {
        'commands': None,
        'interspersed': True,
        'options': [
            ('help', ('-h', '--help'), (), False, False, False, 'Show this message and exit.', None),
        ],
        'arguments': [],
    },
    'db': {
        'commands': {'path': "Print the journal's path (honours --db,...", 'check': "Run SQLite's integrity and foreign-key...", 'migrate': 'Bring the journal to the current schema...', 'encrypt': 'Encrypt the journal in place with...', 'decrypt': 'Turn an encrypted journal back into a...'},
        'interspersed': False,
        'options': [
            ('help', ('-h', '--help'), (), False, False, False, 'Show this message and exit.', None),
        ],
        'arguments': [],
    },
    'db path': {
        'commands': None,
        'interspersed': True,
        'options': [
            ('help', ('-h', '--help'), (), False, False, False, 'Show this message and exit.', None),
        ],
        'arguments': [],
    },
    'db check': {
        'commands': None,
        'interspersed': True,
        'options': [
            ('help', ('-h', '--help'), (), False, False, False, 'Show this message and exit.', None),
        ],
        'arguments': [],
    },
    'db migrate': {
        'commands': None,
        'interspersed': True,
        'options': [
            ('help', ('-h', '--help'), (), False, False, False, 'Show this message and exit.', None),
        ],
        'arguments': [],
    },
    'db encrypt': {
        'commands': None,
        'interspersed': True,
        'options': [
            ('help', ('-h', '--help'), (), False, False, False, 'Show this message and exit.', None),
        ],
        'arguments': [],
    },
    'db decrypt': {
        'commands': None,
        'interspersed': True,
        'options': [
            ('help', ('-h', '--help'), (), False, False, False, 'Show this message and exit.', None),
        ],
        'arguments': [],
    },
    'config': {
        'commands': {'path': "Print the config file's path (it may not...", 'show': 'Show each setting, its value and where it...', 'set': 'Set one setting in config.toml (created...', 'unset': 'Remove a setting from config.toml, so its...'},
        'interspersed': False,
        'options': [
            ('help', ('-h', '--help'), (), False, False, False, 'Show this message and exit.', None),
        ],
        'arguments': [],
    },
    'config path': {
        'commands': None,
        'interspersed': True,
        'options': [
            ('help', ('-h', '--help'), (), False, False, False, 'Show this message and exit.', None),
        ],
        'arguments': [],
    },
    'config show': {
        'commands': None,
        'interspersed': True,
        'options': [
            ('json', ('--json',), (), False, False, False, 'Print plain JSON instead of a table.', None),
            ('help', ('-h', '--help'), (), False, False, False, 'Show this message and exit.', None),
        ],
        'arguments': [],
    },
    'config set': {
        'commands': None,
        'interspersed': True,
        'options': [
            ('help', ('-h', '--help'), (), False, False, False, 'Show this message and exit.', None),
        ],
        'arguments': [('key', 1, None), ('value', 1, None)],
    },
    'config unset': {
        'commands': None,
        'interspersed': True,
        'options': [
            ('help', ('-h', '--help'), (), False, False, False, 'Show this message and exit.', None),
        ],
        'arguments': [('key', 1, None)],
    },
    'demo': {
        'commands': None,
        'interspersed': True,
        'options': [
            ('db_file', ('--db',), (), True, False, False, 'Write the sample journal here (a new file).', None),
            ('help', ('-h', '--help'), (), False, False, False, 'Show this message and exit.', None),
        ],
        'arguments': [],
    },
}
