"""The command line as Click parses it. GENERATED from the Typer app by `make grammar`
(mentorlog.cli.codegen); do not edit. cli/fast.py runs commands from this without importing Typer.

Each command: `target` (module:function), `bound` (fixed keyword arguments) and `params`, in Click's
order, each a tuple (name, kind, opts, secondary_opts, flag, multiple, nargs, required, convert):
kind is "option" or "argument"; secondary_opts are a flag's off switches; convert says how a value
becomes the function's argument.
"""

GRAMMAR = {
    'help': ('-h', '--help'),
    'root': {'params': [
        ('db_file', 'option', ('--db',), (), False, False, 1, False, ('str',)),
        ('version', 'option', ('--version', '-V'), (), True, False, 1, False, ('bool',)),
        ('install_completion', 'option', ('--install-completion',), (), True, False, 1, False, ('bool',)),
        ('show_completion', 'option', ('--show-completion',), (), True, False, 1, False, ('bool',)),
    ], 'envvars': {'db_file': 'MENTORLOG_DB'}},
    'commands': {
        'action': {'group': True, 'commands': {
            'add': {'target': 'mentorlog.cli.action:add', 'bound': {}, 'params': [
                ('text', 'argument', ('text',), (), False, False, 1, True, ('str',)),
                ('due', 'option', ('--due',), (), False, False, 1, False, ('func', 'mentorlog.cli.common:parse_future_date_value')),
                ('goal', 'option', ('--goal', '-g'), (), False, False, 1, False, ('func', 'mentorlog.cli.common:record_id')),
                ('milestone', 'option', ('--milestone',), (), False, False, 1, False, ('func', 'mentorlog.cli.common:record_id')),
                ('advice', 'option', ('--advice',), (), False, False, 1, False, ('func', 'mentorlog.cli.common:record_id')),
                ('mentor', 'option', ('--mentor', '-m'), (), False, False, 1, False, ('str',)),
                ('done', 'option', ('--done',), (), True, False, 1, False, ('bool',)),
                ('force', 'option', ('--force',), (), True, False, 1, False, ('bool',)),
            ]},
            'delete': {'target': 'mentorlog.cli.common:delete', 'bound': {'table': 'action', 'noun': 'action'}, 'params': [
                ('record_id', 'argument', ('record_id',), (), False, False, 1, True, ('func', 'mentorlog.cli.common:record_id')),
                ('yes', 'option', ('--yes', '-y'), (), True, False, 1, False, ('bool',)),
            ]},
            'done': {'target': 'mentorlog.cli.action:done_', 'bound': {}, 'params': [
                ('action_ids', 'argument', ('action_ids',), (), False, False, -1, True, ('func', 'mentorlog.cli.common:record_id')),
                ('on', 'option', ('--on',), (), False, False, 1, False, ('func', 'mentorlog.cli.common:parse_date_value')),
                ('result', 'option', ('--result',), (), False, False, 1, False, ('str',)),
            ]},
            'drop': {'target': 'mentorlog.cli.action:drop', 'bound': {}, 'params': [
                ('action_ids', 'argument', ('action_ids',), (), False, False, -1, True, ('func', 'mentorlog.cli.common:record_id')),
                ('reason', 'option', ('--reason',), (), False, False, 1, False, ('str',)),
            ]},
            'edit': {'target': 'mentorlog.cli.action:edit', 'bound': {}, 'params': [
                ('action_id', 'argument', ('action_id',), (), False, False, 1, True, ('func', 'mentorlog.cli.common:record_id')),
                ('text', 'option', ('--text',), (), False, False, 1, False, ('str',)),
                ('due', 'option', ('--due',), (), False, False, 1, False, ('func', 'mentorlog.cli.common:parse_future_date_value')),
                ('goal', 'option', ('--goal', '-g'), (), False, False, 1, False, ('func', 'mentorlog.cli.common:record_id')),
                ('milestone', 'option', ('--milestone',), (), False, False, 1, False, ('func', 'mentorlog.cli.common:record_id')),
                ('advice', 'option', ('--advice',), (), False, False, 1, False, ('func', 'mentorlog.cli.common:record_id')),
                ('mentor', 'option', ('--mentor', '-m'), (), False, False, 1, False, ('str',)),
                ('result', 'option', ('--result',), (), False, False, 1, False, ('str',)),
            ]},
            'list': {'target': 'mentorlog.cli.action:list_', 'bound': {}, 'params': [
                ('open_', 'option', ('--open',), (), True, False, 1, False, ('bool',)),
                ('done', 'option', ('--done',), (), True, False, 1, False, ('bool',)),
                ('overdue', 'option', ('--overdue',), (), True, False, 1, False, ('bool',)),
                ('all_', 'option', ('--all', '-a'), (), True, False, 1, False, ('bool',)),
                ('status', 'option', ('--status',), (), False, False, 1, False, ('enum', 'mentorlog.cli.action:Which')),
                ('mentor', 'option', ('--mentor', '-m'), (), False, False, 1, False, ('str',)),
                ('goal', 'option', ('--goal', '-g'), (), False, False, 1, False, ('func', 'mentorlog.cli.common:record_id')),
                ('json', 'option', ('--json',), (), True, False, 1, False, ('bool',)),
            ]},
            'reopen': {'target': 'mentorlog.cli.action:reopen', 'bound': {}, 'params': [
                ('action_ids', 'argument', ('action_ids',), (), False, False, -1, True, ('func', 'mentorlog.cli.common:record_id')),
            ]},
            'show': {'target': 'mentorlog.cli.action:show', 'bound': {}, 'params': [
                ('action_id', 'argument', ('action_id',), (), False, False, 1, True, ('func', 'mentorlog.cli.common:record_id')),
                ('json', 'option', ('--json',), (), True, False, 1, False, ('bool',)),
            ]},
        }},
        'advice': {'group': True, 'commands': {
            'add': {'target': 'mentorlog.cli.advice:add', 'bound': {}, 'params': [
                ('text', 'argument', ('text',), (), False, False, 1, True, ('str',)),
                ('mentor', 'option', ('--mentor', '-m'), (), False, False, 1, False, ('str',)),
                ('why', 'option', ('--why',), (), False, False, 1, False, ('str',)),
                ('goal', 'option', ('--goal', '-g'), (), False, False, 1, False, ('func', 'mentorlog.cli.common:record_id')),
                ('meeting', 'option', ('--meeting',), (), False, False, 1, False, ('func', 'mentorlog.cli.common:record_id')),
                ('on', 'option', ('--on',), (), False, False, 1, False, ('func', 'mentorlog.cli.common:parse_date_value')),
            ]},
            'apply': {'target': 'mentorlog.cli.advice:apply', 'bound': {}, 'params': [
                ('advice_ids', 'argument', ('advice_ids',), (), False, False, -1, True, ('func', 'mentorlog.cli.common:record_id')),
                ('outcome', 'option', ('--outcome',), (), False, False, 1, False, ('str',)),
                ('on', 'option', ('--on',), (), False, False, 1, False, ('func', 'mentorlog.cli.common:parse_date_value')),
            ]},
            'delete': {'target': 'mentorlog.cli.common:delete', 'bound': {'table': 'advice', 'noun': 'advice'}, 'params': [
                ('record_id', 'argument', ('record_id',), (), False, False, 1, True, ('func', 'mentorlog.cli.common:record_id')),
                ('yes', 'option', ('--yes', '-y'), (), True, False, 1, False, ('bool',)),
            ]},
            'edit': {'target': 'mentorlog.cli.advice:edit', 'bound': {}, 'params': [
                ('advice_id', 'argument', ('advice_id',), (), False, False, 1, True, ('func', 'mentorlog.cli.common:record_id')),
                ('text', 'option', ('--text',), (), False, False, 1, False, ('str',)),
                ('why', 'option', ('--why',), (), False, False, 1, False, ('str',)),
                ('mentor', 'option', ('--mentor', '-m'), (), False, False, 1, False, ('str',)),
                ('goal', 'option', ('--goal', '-g'), (), False, False, 1, False, ('func', 'mentorlog.cli.common:record_id')),
                ('meeting', 'option', ('--meeting',), (), False, False, 1, False, ('func', 'mentorlog.cli.common:record_id')),
                ('on', 'option', ('--on',), (), False, False, 1, False, ('func', 'mentorlog.cli.common:parse_date_value')),
                ('outcome', 'option', ('--outcome',), (), False, False, 1, False, ('str',)),
            ]},
            'list': {'target': 'mentorlog.cli.advice:list_', 'bound': {}, 'params': [
                ('status', 'option', ('--status',), (), False, False, 1, False, ('enum', 'mentorlog.cli.advice:AdviceStatus')),
                ('mentor', 'option', ('--mentor', '-m'), (), False, False, 1, False, ('str',)),
                ('json', 'option', ('--json',), (), True, False, 1, False, ('bool',)),
            ]},
            'reopen': {'target': 'mentorlog.cli.advice:reopen', 'bound': {}, 'params': [
                ('advice_ids', 'argument', ('advice_ids',), (), False, False, -1, True, ('func', 'mentorlog.cli.common:record_id')),
            ]},
            'show': {'target': 'mentorlog.cli.advice:show', 'bound': {}, 'params': [
                ('advice_id', 'argument', ('advice_id',), (), False, False, 1, True, ('func', 'mentorlog.cli.common:record_id')),
                ('json', 'option', ('--json',), (), True, False, 1, False, ('bool',)),
            ]},
            'skip': {'target': 'mentorlog.cli.advice:skip', 'bound': {}, 'params': [
                ('advice_ids', 'argument', ('advice_ids',), (), False, False, -1, True, ('func', 'mentorlog.cli.common:record_id')),
                ('reason', 'option', ('--reason',), (), False, False, 1, False, ('str',)),
            ]},
            'try': {'target': 'mentorlog.cli.advice:try_', 'bound': {}, 'params': [
                ('advice_ids', 'argument', ('advice_ids',), (), False, False, -1, True, ('func', 'mentorlog.cli.common:record_id')),
            ]},
        }},
        'agenda': {'group': True, 'commands': {
            'delete': {'target': 'mentorlog.cli.common:delete', 'bound': {'table': 'topic', 'noun': 'question'}, 'params': [
                ('record_id', 'argument', ('record_id',), (), False, False, 1, True, ('func', 'mentorlog.cli.common:record_id')),
                ('yes', 'option', ('--yes', '-y'), (), True, False, 1, False, ('bool',)),
            ]},
            'drop': {'target': 'mentorlog.cli.questions:drop', 'bound': {}, 'params': [
                ('question_ids', 'argument', ('question_ids',), (), False, False, -1, True, ('func', 'mentorlog.cli.common:record_id')),
            ]},
            'edit': {'target': 'mentorlog.cli.questions:edit', 'bound': {}, 'params': [
                ('question_id', 'argument', ('question_id',), (), False, False, 1, True, ('func', 'mentorlog.cli.common:record_id')),
                ('text', 'option', ('--text',), (), False, False, 1, False, ('str',)),
                ('mentor', 'option', ('--mentor', '-m'), (), False, False, 1, False, ('str',)),
                ('goal', 'option', ('--goal', '-g'), (), False, False, 1, False, ('func', 'mentorlog.cli.common:record_id')),
            ]},
            'list': {'target': 'mentorlog.cli.questions:list_', 'bound': {}, 'params': [
                ('mentor', 'argument', ('mentor',), (), False, False, 1, False, ('str',)),
                ('json', 'option', ('--json',), (), True, False, 1, False, ('bool',)),
            ]},
        }},
        'ask': {'target': 'mentorlog.cli.questions:ask', 'bound': {}, 'params': [
            ('text', 'argument', ('text',), (), False, False, 1, True, ('str',)),
            ('mentor', 'option', ('--mentor', '-m'), (), False, False, 1, False, ('str',)),
            ('goal', 'option', ('--goal', '-g'), (), False, False, 1, False, ('func', 'mentorlog.cli.common:record_id')),
        ]},
        'backup': {'target': 'mentorlog.cli.data:backup', 'bound': {}, 'params': [
            ('path', 'argument', ('path',), (), False, False, 1, False, ('path',)),
        ]},
        'brag': {'target': 'mentorlog.cli.explore:brag', 'bound': {}, 'params': [
            ('since', 'option', ('--since',), (), False, False, 1, False, ('func', 'mentorlog.cli.common:parse_date_value')),
            ('until', 'option', ('--until',), (), False, False, 1, False, ('func', 'mentorlog.cli.common:parse_date_value')),
            ('mentor', 'option', ('--mentor', '-m'), (), False, False, 1, False, ('str',)),
            ('fmt', 'option', ('--format', '-f'), (), False, False, 1, False, ('enum', 'mentorlog.cli.explore:BragFormat')),
            ('json', 'option', ('--json',), (), True, False, 1, False, ('bool',)),
            ('output', 'option', ('--output', '-o'), (), False, False, 1, False, ('path',)),
            ('force', 'option', ('--force',), (), True, False, 1, False, ('bool',)),
        ]},
        'checkin': {'group': True, 'commands': {
            'add': {'target': 'mentorlog.cli.checkin:add', 'bound': {}, 'params': [
                ('name', 'argument', ('name',), (), False, False, 1, True, ('str',)),
                ('rating', 'option', ('--rating', '-r'), (), False, False, 1, False, ('int', None, None)),
                ('working', 'option', ('--working',), (), False, False, 1, False, ('str',)),
                ('change', 'option', ('--change',), (), False, False, 1, False, ('str',)),
                ('on', 'option', ('--on',), (), False, False, 1, False, ('func', 'mentorlog.cli.common:parse_date_value')),
            ]},
            'delete': {'target': 'mentorlog.cli.common:delete', 'bound': {'table': 'checkin', 'noun': 'check-in'}, 'params': [
                ('record_id', 'argument', ('record_id',), (), False, False, 1, True, ('func', 'mentorlog.cli.common:record_id')),
                ('yes', 'option', ('--yes', '-y'), (), True, False, 1, False, ('bool',)),
            ]},
            'edit': {'target': 'mentorlog.cli.checkin:edit', 'bound': {}, 'params': [
                ('checkin_id', 'argument', ('checkin_id',), (), False, False, 1, True, ('func', 'mentorlog.cli.common:record_id')),
                ('rating', 'option', ('--rating', '-r'), (), False, False, 1, False, ('int', None, None)),
                ('working', 'option', ('--working',), (), False, False, 1, False, ('str',)),
                ('change', 'option', ('--change',), (), False, False, 1, False, ('str',)),
                ('on', 'option', ('--on',), (), False, False, 1, False, ('func', 'mentorlog.cli.common:parse_date_value')),
            ]},
            'list': {'target': 'mentorlog.cli.checkin:list_', 'bound': {}, 'params': [
                ('name', 'argument', ('name',), (), False, False, 1, False, ('str',)),
                ('json', 'option', ('--json',), (), True, False, 1, False, ('bool',)),
            ]},
            'show': {'target': 'mentorlog.cli.checkin:show', 'bound': {}, 'params': [
                ('checkin_id', 'argument', ('checkin_id',), (), False, False, 1, True, ('func', 'mentorlog.cli.common:record_id')),
                ('json', 'option', ('--json',), (), True, False, 1, False, ('bool',)),
            ]},
        }},
        'config': {'group': True, 'commands': {
            'path': {'target': 'mentorlog.cli.config:path', 'bound': {}, 'params': [
            ]},
            'set': {'target': 'mentorlog.cli.config:set_', 'bound': {}, 'params': [
                ('key', 'argument', ('key',), (), False, False, 1, True, ('str',)),
                ('value', 'argument', ('value',), (), False, False, 1, True, ('str',)),
            ]},
            'show': {'target': 'mentorlog.cli.config:show', 'bound': {}, 'params': [
                ('json', 'option', ('--json',), (), True, False, 1, False, ('bool',)),
            ]},
            'unset': {'target': 'mentorlog.cli.config:unset', 'bound': {}, 'params': [
                ('key', 'argument', ('key',), (), False, False, 1, True, ('str',)),
            ]},
        }},
        'db': {'group': True, 'commands': {
            'check': {'target': 'mentorlog.cli.db:check', 'bound': {}, 'params': [
            ]},
            'decrypt': {'target': 'mentorlog.cli.db:decrypt', 'bound': {}, 'params': [
            ]},
            'encrypt': {'target': 'mentorlog.cli.db:encrypt', 'bound': {}, 'params': [
            ]},
            'migrate': {'target': 'mentorlog.cli.db:migrate', 'bound': {}, 'params': [
            ]},
            'path': {'target': 'mentorlog.cli.db:path', 'bound': {}, 'params': [
            ]},
        }},
        'demo': {'target': 'mentorlog.cli.demo:demo', 'bound': {}, 'params': [
            ('db_file', 'option', ('--db',), (), False, False, 1, False, ('path',)),
        ]},
        'export': {'target': 'mentorlog.cli.data:export', 'bound': {}, 'params': [
            ('fmt', 'option', ('--format', '-f'), (), False, False, 1, False, ('enum', 'mentorlog.cli.data:ExportFormat')),
            ('output', 'option', ('--output', '-o'), (), False, False, 1, False, ('path',)),
            ('force', 'option', ('--force',), (), True, False, 1, False, ('bool',)),
            ('excel', 'option', ('--excel',), (), True, False, 1, False, ('bool',)),
        ]},
        'feedback': {'group': True, 'commands': {
            'act': {'target': 'mentorlog.cli.feedback:act', 'bound': {}, 'params': [
                ('feedback_ids', 'argument', ('feedback_ids',), (), False, False, -1, True, ('func', 'mentorlog.cli.common:record_id')),
                ('note', 'option', ('--note',), (), False, False, 1, False, ('str',)),
                ('on', 'option', ('--on',), (), False, False, 1, False, ('func', 'mentorlog.cli.common:parse_date_value')),
            ]},
            'add': {'target': 'mentorlog.cli.feedback:add', 'bound': {}, 'params': [
                ('text', 'argument', ('text',), (), False, False, 1, True, ('str',)),
                ('from_', 'option', ('--from',), (), False, False, 1, False, ('str',)),
                ('to', 'option', ('--to',), (), False, False, 1, False, ('str',)),
                ('kind', 'option', ('--kind', '-k'), (), False, False, 1, False, ('enum', 'mentorlog.cli.feedback:FeedbackKind')),
                ('on', 'option', ('--on',), (), False, False, 1, False, ('func', 'mentorlog.cli.common:parse_date_value')),
                ('goal', 'option', ('--goal', '-g'), (), False, False, 1, False, ('func', 'mentorlog.cli.common:record_id')),
            ]},
            'delete': {'target': 'mentorlog.cli.common:delete', 'bound': {'table': 'feedback', 'noun': 'feedback'}, 'params': [
                ('record_id', 'argument', ('record_id',), (), False, False, 1, True, ('func', 'mentorlog.cli.common:record_id')),
                ('yes', 'option', ('--yes', '-y'), (), True, False, 1, False, ('bool',)),
            ]},
            'edit': {'target': 'mentorlog.cli.feedback:edit', 'bound': {}, 'params': [
                ('feedback_id', 'argument', ('feedback_id',), (), False, False, 1, True, ('func', 'mentorlog.cli.common:record_id')),
                ('text', 'option', ('--text',), (), False, False, 1, False, ('str',)),
                ('from_', 'option', ('--from',), (), False, False, 1, False, ('str',)),
                ('to', 'option', ('--to',), (), False, False, 1, False, ('str',)),
                ('kind', 'option', ('--kind', '-k'), (), False, False, 1, False, ('enum', 'mentorlog.cli.feedback:FeedbackKind')),
                ('on', 'option', ('--on',), (), False, False, 1, False, ('func', 'mentorlog.cli.common:parse_date_value')),
                ('goal', 'option', ('--goal', '-g'), (), False, False, 1, False, ('func', 'mentorlog.cli.common:record_id')),
                ('note', 'option', ('--note',), (), False, False, 1, False, ('str',)),
            ]},
            'list': {'target': 'mentorlog.cli.feedback:list_', 'bound': {}, 'params': [
                ('from_', 'option', ('--from',), (), False, False, 1, False, ('str',)),
                ('to', 'option', ('--to',), (), False, False, 1, False, ('str',)),
                ('kind', 'option', ('--kind', '-k'), (), False, False, 1, False, ('enum', 'mentorlog.cli.feedback:FeedbackKind')),
                ('pending', 'option', ('--pending',), (), True, False, 1, False, ('bool',)),
                ('json', 'option', ('--json',), (), True, False, 1, False, ('bool',)),
            ]},
            'reopen': {'target': 'mentorlog.cli.feedback:reopen', 'bound': {}, 'params': [
                ('feedback_ids', 'argument', ('feedback_ids',), (), False, False, -1, True, ('func', 'mentorlog.cli.common:record_id')),
            ]},
            'show': {'target': 'mentorlog.cli.feedback:show', 'bound': {}, 'params': [
                ('feedback_id', 'argument', ('feedback_id',), (), False, False, 1, True, ('func', 'mentorlog.cli.common:record_id')),
                ('json', 'option', ('--json',), (), True, False, 1, False, ('bool',)),
            ]},
        }},
        'gave': {'group': True, 'commands': {
            'add': {'target': 'mentorlog.cli.gave:add', 'bound': {}, 'params': [
                ('text', 'argument', ('text',), (), False, False, 1, True, ('str',)),
                ('mentor', 'option', ('--mentor', '-m'), (), False, False, 1, False, ('str',)),
                ('kind', 'option', ('--kind', '-k'), (), False, False, 1, False, ('enum', 'mentorlog.cli.gave:GaveKind')),
                ('on', 'option', ('--on',), (), False, False, 1, False, ('func', 'mentorlog.cli.common:parse_date_value')),
            ]},
            'delete': {'target': 'mentorlog.cli.common:delete', 'bound': {'table': 'contribution', 'noun': 'contribution'}, 'params': [
                ('record_id', 'argument', ('record_id',), (), False, False, 1, True, ('func', 'mentorlog.cli.common:record_id')),
                ('yes', 'option', ('--yes', '-y'), (), True, False, 1, False, ('bool',)),
            ]},
            'edit': {'target': 'mentorlog.cli.gave:edit', 'bound': {}, 'params': [
                ('contribution_id', 'argument', ('contribution_id',), (), False, False, 1, True, ('func', 'mentorlog.cli.common:record_id')),
                ('text', 'option', ('--text',), (), False, False, 1, False, ('str',)),
                ('mentor', 'option', ('--mentor', '-m'), (), False, False, 1, False, ('str',)),
                ('kind', 'option', ('--kind', '-k'), (), False, False, 1, False, ('enum', 'mentorlog.cli.gave:GaveKind')),
                ('on', 'option', ('--on',), (), False, False, 1, False, ('func', 'mentorlog.cli.common:parse_date_value')),
            ]},
            'list': {'target': 'mentorlog.cli.gave:list_', 'bound': {}, 'params': [
                ('mentor', 'option', ('--mentor', '-m'), (), False, False, 1, False, ('str',)),
                ('json', 'option', ('--json',), (), True, False, 1, False, ('bool',)),
            ]},
            'show': {'target': 'mentorlog.cli.gave:show', 'bound': {}, 'params': [
                ('contribution_id', 'argument', ('contribution_id',), (), False, False, 1, True, ('func', 'mentorlog.cli.common:record_id')),
                ('json', 'option', ('--json',), (), True, False, 1, False, ('bool',)),
            ]},
        }},
        'goal': {'group': True, 'commands': {
            'add': {'target': 'mentorlog.cli.goal:add', 'bound': {}, 'params': [
                ('title', 'argument', ('title',), (), False, False, 1, True, ('str',)),
                ('why', 'option', ('--why',), (), False, False, 1, False, ('str',)),
                ('measure', 'option', ('--measure',), (), False, False, 1, False, ('str',)),
                ('by', 'option', ('--by',), (), False, False, 1, False, ('func', 'mentorlog.cli.common:parse_future_date_value')),
                ('mentor', 'option', ('--mentor', '-m'), (), False, False, 1, False, ('str',)),
                ('horizon', 'option', ('--horizon',), (), False, False, 1, False, ('enum', 'mentorlog.cli.goal:Horizon')),
                ('milestone', 'option', ('--milestone',), (), False, True, 1, False, ('str',)),
            ]},
            'delete': {'target': 'mentorlog.cli.common:delete', 'bound': {'table': 'goal', 'noun': 'goal'}, 'params': [
                ('record_id', 'argument', ('record_id',), (), False, False, 1, True, ('func', 'mentorlog.cli.common:record_id')),
                ('yes', 'option', ('--yes', '-y'), (), True, False, 1, False, ('bool',)),
            ]},
            'done': {'target': 'mentorlog.cli.goal:done', 'bound': {}, 'params': [
                ('goal_ids', 'argument', ('goal_ids',), (), False, False, -1, True, ('func', 'mentorlog.cli.common:record_id')),
                ('on', 'option', ('--on',), (), False, False, 1, False, ('func', 'mentorlog.cli.common:parse_date_value')),
            ]},
            'drop': {'target': 'mentorlog.cli.goal:drop', 'bound': {}, 'params': [
                ('goal_ids', 'argument', ('goal_ids',), (), False, False, -1, True, ('func', 'mentorlog.cli.common:record_id')),
                ('reason', 'option', ('--reason',), (), False, False, 1, False, ('str',)),
            ]},
            'edit': {'target': 'mentorlog.cli.goal:edit', 'bound': {}, 'params': [
                ('goal_id', 'argument', ('goal_id',), (), False, False, 1, True, ('func', 'mentorlog.cli.common:record_id')),
                ('title', 'option', ('--title',), (), False, False, 1, False, ('str',)),
                ('why', 'option', ('--why',), (), False, False, 1, False, ('str',)),
                ('measure', 'option', ('--measure',), (), False, False, 1, False, ('str',)),
                ('by', 'option', ('--by',), (), False, False, 1, False, ('func', 'mentorlog.cli.common:parse_future_date_value')),
                ('mentor', 'option', ('--mentor', '-m'), (), False, False, 1, False, ('str',)),
                ('horizon', 'option', ('--horizon',), (), False, False, 1, False, ('enum', 'mentorlog.cli.goal:Horizon')),
            ]},
            'list': {'target': 'mentorlog.cli.goal:list_', 'bound': {}, 'params': [
                ('all_', 'option', ('--all', '-a'), (), True, False, 1, False, ('bool',)),
                ('status', 'option', ('--status',), (), False, False, 1, False, ('enum', 'mentorlog.cli.goal:GoalStatus')),
                ('mentor', 'option', ('--mentor', '-m'), (), False, False, 1, False, ('str',)),
                ('json', 'option', ('--json',), (), True, False, 1, False, ('bool',)),
                ('no_chart', 'option', ('--no-chart',), (), True, False, 1, False, ('bool',)),
            ]},
            'pause': {'target': 'mentorlog.cli.goal:pause', 'bound': {}, 'params': [
                ('goal_ids', 'argument', ('goal_ids',), (), False, False, -1, True, ('func', 'mentorlog.cli.common:record_id')),
            ]},
            'reopen': {'target': 'mentorlog.cli.goal:reopen', 'bound': {}, 'params': [
                ('goal_ids', 'argument', ('goal_ids',), (), False, False, -1, True, ('func', 'mentorlog.cli.common:record_id')),
            ]},
            'resume': {'target': 'mentorlog.cli.goal:resume', 'bound': {}, 'params': [
                ('goal_ids', 'argument', ('goal_ids',), (), False, False, -1, True, ('func', 'mentorlog.cli.common:record_id')),
            ]},
            'show': {'target': 'mentorlog.cli.goal:show', 'bound': {}, 'params': [
                ('goal_id', 'argument', ('goal_id',), (), False, False, 1, True, ('func', 'mentorlog.cli.common:record_id')),
                ('json', 'option', ('--json',), (), True, False, 1, False, ('bool',)),
                ('no_chart', 'option', ('--no-chart',), (), True, False, 1, False, ('bool',)),
            ]},
        }},
        'import': {'target': 'mentorlog.cli.data:import_', 'bound': {}, 'params': [
            ('path', 'argument', ('path',), (), False, False, 1, True, ('path',)),
            ('dry_run', 'option', ('--dry-run',), (), True, False, 1, False, ('bool',)),
        ]},
        'intro': {'group': True, 'commands': {
            'add': {'target': 'mentorlog.cli.intro:add', 'bound': {}, 'params': [
                ('person', 'argument', ('person',), (), False, False, 1, True, ('str',)),
                ('by', 'option', ('--by',), (), False, False, 1, False, ('str',)),
                ('context', 'option', ('--context',), (), False, False, 1, False, ('str',)),
                ('on', 'option', ('--on',), (), False, False, 1, False, ('func', 'mentorlog.cli.common:parse_date_value')),
            ]},
            'delete': {'target': 'mentorlog.cli.common:delete', 'bound': {'table': 'introduction', 'noun': 'introduction'}, 'params': [
                ('record_id', 'argument', ('record_id',), (), False, False, 1, True, ('func', 'mentorlog.cli.common:record_id')),
                ('yes', 'option', ('--yes', '-y'), (), True, False, 1, False, ('bool',)),
            ]},
            'edit': {'target': 'mentorlog.cli.intro:edit', 'bound': {}, 'params': [
                ('intro_id', 'argument', ('intro_id',), (), False, False, 1, True, ('func', 'mentorlog.cli.common:record_id')),
                ('person', 'option', ('--person',), (), False, False, 1, False, ('str',)),
                ('by', 'option', ('--by',), (), False, False, 1, False, ('str',)),
                ('context', 'option', ('--context',), (), False, False, 1, False, ('str',)),
                ('on', 'option', ('--on',), (), False, False, 1, False, ('func', 'mentorlog.cli.common:parse_date_value')),
                ('note', 'option', ('--note',), (), False, False, 1, False, ('str',)),
            ]},
            'list': {'target': 'mentorlog.cli.intro:list_', 'bound': {}, 'params': [
                ('mentor', 'option', ('--mentor', '-m'), (), False, False, 1, False, ('str',)),
                ('pending', 'option', ('--pending',), (), True, False, 1, False, ('bool',)),
                ('json', 'option', ('--json',), (), True, False, 1, False, ('bool',)),
            ]},
            'met': {'target': 'mentorlog.cli.intro:met', 'bound': {}, 'params': [
                ('intro_ids', 'argument', ('intro_ids',), (), False, False, -1, True, ('func', 'mentorlog.cli.common:record_id')),
                ('on', 'option', ('--on',), (), False, False, 1, False, ('func', 'mentorlog.cli.common:parse_date_value')),
                ('note', 'option', ('--note',), (), False, False, 1, False, ('str',)),
            ]},
            'reopen': {'target': 'mentorlog.cli.intro:reopen', 'bound': {}, 'params': [
                ('intro_ids', 'argument', ('intro_ids',), (), False, False, -1, True, ('func', 'mentorlog.cli.common:record_id')),
            ]},
            'show': {'target': 'mentorlog.cli.intro:show', 'bound': {}, 'params': [
                ('intro_id', 'argument', ('intro_id',), (), False, False, 1, True, ('func', 'mentorlog.cli.common:record_id')),
                ('json', 'option', ('--json',), (), True, False, 1, False, ('bool',)),
            ]},
            'thanked': {'target': 'mentorlog.cli.intro:thanked', 'bound': {}, 'params': [
                ('intro_ids', 'argument', ('intro_ids',), (), False, False, -1, True, ('func', 'mentorlog.cli.common:record_id')),
                ('on', 'option', ('--on',), (), False, False, 1, False, ('func', 'mentorlog.cli.common:parse_date_value')),
            ]},
        }},
        'log': {'target': 'mentorlog.cli.log:log', 'bound': {}, 'params': [
            ('mentor', 'argument', ('mentor',), (), False, False, 1, False, ('str',)),
            ('on', 'option', ('--on',), (), False, False, 1, False, ('str',)),
            ('notes', 'option', ('--notes',), (), False, False, 1, False, ('str',)),
            ('advice', 'option', ('--advice',), (), False, True, 1, False, ('str',)),
            ('action', 'option', ('--action',), (), False, True, 1, False, ('str',)),
            ('discussed', 'option', ('--discussed',), (), False, True, 1, False, ('func', 'mentorlog.cli.common:later_id')),
            ('next_', 'option', ('--next',), (), False, False, 1, False, ('str',)),
            ('mode', 'option', ('--mode',), (), False, False, 1, False, ('enum', 'mentorlog.cli.meeting:Mode')),
            ('minutes', 'option', ('--minutes',), (), False, False, 1, False, ('int', 1, 1440)),
            ('feedback', 'option', ('--feedback',), (), False, True, 1, False, ('str',)),
            ('praise', 'option', ('--praise',), (), False, True, 1, False, ('str',)),
            ('goal', 'option', ('--goal', '-g'), (), False, False, 1, False, ('func', 'mentorlog.cli.common:record_id')),
            ('resource', 'option', ('--resource',), (), False, True, 1, False, ('str',)),
            ('intro', 'option', ('--intro',), (), False, True, 1, False, ('str',)),
            ('edit', 'option', ('--edit', '-e'), (), True, False, 1, False, ('bool',)),
            ('resume', 'option', ('--resume',), (), True, False, 1, False, ('bool',)),
            ('force', 'option', ('--force',), (), True, False, 1, False, ('bool',)),
        ]},
        'meeting': {'group': True, 'commands': {
            'delete': {'target': 'mentorlog.cli.common:delete', 'bound': {'table': 'meeting', 'noun': 'meeting'}, 'params': [
                ('record_id', 'argument', ('record_id',), (), False, False, 1, True, ('func', 'mentorlog.cli.common:record_id')),
                ('yes', 'option', ('--yes', '-y'), (), True, False, 1, False, ('bool',)),
            ]},
            'edit': {'target': 'mentorlog.cli.meeting:edit', 'bound': {}, 'params': [
                ('meeting_id', 'argument', ('meeting_id',), (), False, False, 1, True, ('func', 'mentorlog.cli.common:record_id')),
                ('on', 'option', ('--on',), (), False, False, 1, False, ('func', 'mentorlog.cli.common:parse_datetime_value')),
                ('notes', 'option', ('--notes',), (), False, False, 1, False, ('str',)),
                ('next_', 'option', ('--next',), (), False, False, 1, False, ('func', 'mentorlog.cli.common:parse_date_value')),
                ('mode', 'option', ('--mode',), (), False, False, 1, False, ('enum', 'mentorlog.cli.meeting:Mode')),
                ('minutes', 'option', ('--minutes',), (), False, False, 1, False, ('int', 1, 1440)),
                ('mentor', 'option', ('--mentor', '-m'), (), False, False, 1, False, ('str',)),
            ]},
            'list': {'target': 'mentorlog.cli.meeting:list_', 'bound': {}, 'params': [
                ('mentor', 'argument', ('mentor',), (), False, False, 1, False, ('str',)),
                ('json', 'option', ('--json',), (), True, False, 1, False, ('bool',)),
            ]},
            'show': {'target': 'mentorlog.cli.meeting:show', 'bound': {}, 'params': [
                ('meeting_id', 'argument', ('meeting_id',), (), False, False, 1, True, ('func', 'mentorlog.cli.common:record_id')),
                ('json', 'option', ('--json',), (), True, False, 1, False, ('bool',)),
            ]},
        }},
        'mentor': {'group': True, 'commands': {
            'add': {'target': 'mentorlog.cli.mentor:add', 'bound': {}, 'params': [
                ('name', 'argument', ('name',), (), False, False, 1, True, ('str',)),
                ('focus', 'option', ('--focus',), (), False, False, 1, False, ('str',)),
                ('cadence', 'option', ('--cadence', '-c'), (), False, False, 1, False, ('func', 'mentorlog.cli.common:parse_cadence_value')),
                ('contact', 'option', ('--contact',), (), False, False, 1, False, ('str',)),
                ('since', 'option', ('--since',), (), False, False, 1, False, ('func', 'mentorlog.cli.common:parse_date_value')),
            ]},
            'delete': {'target': 'mentorlog.cli.common:delete', 'bound': {'table': 'mentor', 'noun': 'mentor'}, 'params': [
                ('record_id', 'argument', ('record_id',), (), False, False, 1, True, ('func', 'mentorlog.cli.common:record_id')),
                ('yes', 'option', ('--yes', '-y'), (), True, False, 1, False, ('bool',)),
            ]},
            'edit': {'target': 'mentorlog.cli.mentor:edit', 'bound': {}, 'params': [
                ('name', 'argument', ('name',), (), False, False, 1, True, ('str',)),
                ('rename', 'option', ('--name',), (), False, False, 1, False, ('str',)),
                ('focus', 'option', ('--focus',), (), False, False, 1, False, ('str',)),
                ('cadence', 'option', ('--cadence', '-c'), (), False, False, 1, False, ('func', 'mentorlog.cli.common:parse_cadence_value')),
                ('contact', 'option', ('--contact',), (), False, False, 1, False, ('str',)),
                ('since', 'option', ('--since',), (), False, False, 1, False, ('func', 'mentorlog.cli.common:parse_date_value')),
            ]},
            'end': {'target': 'mentorlog.cli.mentor:end', 'bound': {}, 'params': [
                ('name', 'argument', ('name',), (), False, False, 1, True, ('str',)),
                ('on', 'option', ('--on',), (), False, False, 1, False, ('func', 'mentorlog.cli.common:parse_date_value')),
                ('note', 'option', ('--note',), (), False, False, 1, False, ('str',)),
                ('goals_to', 'option', ('--goals-to',), (), False, False, 1, False, ('str',)),
                ('keep_goals', 'option', ('--keep-goals',), (), True, False, 1, False, ('bool',)),
                ('drop_goals', 'option', ('--drop-goals',), (), True, False, 1, False, ('bool',)),
                ('json', 'option', ('--json',), (), True, False, 1, False, ('bool',)),
            ]},
            'list': {'target': 'mentorlog.cli.mentor:list_', 'bound': {}, 'params': [
                ('all_', 'option', ('--all', '-a'), (), True, False, 1, False, ('bool',)),
                ('json', 'option', ('--json',), (), True, False, 1, False, ('bool',)),
                ('no_chart', 'option', ('--no-chart',), (), True, False, 1, False, ('bool',)),
            ]},
            'reopen': {'target': 'mentorlog.cli.mentor:reopen', 'bound': {}, 'params': [
                ('name', 'argument', ('name',), (), False, False, 1, True, ('str',)),
            ]},
            'show': {'target': 'mentorlog.cli.mentor:show', 'bound': {}, 'params': [
                ('name', 'argument', ('name',), (), False, False, 1, True, ('str',)),
                ('json', 'option', ('--json',), (), True, False, 1, False, ('bool',)),
                ('no_chart', 'option', ('--no-chart',), (), True, False, 1, False, ('bool',)),
            ]},
        }},
        'milestone': {'group': True, 'commands': {
            'add': {'target': 'mentorlog.cli.milestone:add', 'bound': {}, 'params': [
                ('goal_id', 'argument', ('goal_id',), (), False, False, 1, True, ('func', 'mentorlog.cli.common:record_id')),
                ('title', 'argument', ('title',), (), False, False, 1, True, ('str',)),
                ('due', 'option', ('--due',), (), False, False, 1, False, ('func', 'mentorlog.cli.common:parse_future_date_value')),
            ]},
            'delete': {'target': 'mentorlog.cli.common:delete', 'bound': {'table': 'milestone', 'noun': 'milestone'}, 'params': [
                ('record_id', 'argument', ('record_id',), (), False, False, 1, True, ('func', 'mentorlog.cli.common:record_id')),
                ('yes', 'option', ('--yes', '-y'), (), True, False, 1, False, ('bool',)),
            ]},
            'done': {'target': 'mentorlog.cli.milestone:done', 'bound': {}, 'params': [
                ('milestone_ids', 'argument', ('milestone_ids',), (), False, False, -1, True, ('func', 'mentorlog.cli.common:record_id')),
                ('on', 'option', ('--on',), (), False, False, 1, False, ('func', 'mentorlog.cli.common:parse_date_value')),
                ('note', 'option', ('--note',), (), False, False, 1, False, ('str',)),
            ]},
            'edit': {'target': 'mentorlog.cli.milestone:edit', 'bound': {}, 'params': [
                ('milestone_id', 'argument', ('milestone_id',), (), False, False, 1, True, ('func', 'mentorlog.cli.common:record_id')),
                ('title', 'option', ('--title',), (), False, False, 1, False, ('str',)),
                ('due', 'option', ('--due',), (), False, False, 1, False, ('func', 'mentorlog.cli.common:parse_future_date_value')),
                ('note', 'option', ('--note',), (), False, False, 1, False, ('str',)),
                ('goal', 'option', ('--goal', '-g'), (), False, False, 1, False, ('func', 'mentorlog.cli.common:record_id')),
            ]},
            'list': {'target': 'mentorlog.cli.milestone:list_', 'bound': {}, 'params': [
                ('goal_id', 'argument', ('goal_id',), (), False, False, 1, False, ('func', 'mentorlog.cli.common:record_id')),
                ('json', 'option', ('--json',), (), True, False, 1, False, ('bool',)),
            ]},
            'reopen': {'target': 'mentorlog.cli.milestone:reopen', 'bound': {}, 'params': [
                ('milestone_ids', 'argument', ('milestone_ids',), (), False, False, -1, True, ('func', 'mentorlog.cli.common:record_id')),
            ]},
        }},
        'prep': {'target': 'mentorlog.cli.briefing:prep', 'bound': {}, 'params': [
            ('mentor', 'argument', ('mentor',), (), False, False, 1, False, ('str',)),
            ('fmt', 'option', ('--format', '-f'), (), False, False, 1, False, ('enum', 'mentorlog.cli.briefing:Format')),
            ('json', 'option', ('--json',), (), True, False, 1, False, ('bool',)),
            ('output', 'option', ('--output', '-o'), (), False, False, 1, False, ('path',)),
            ('force', 'option', ('--force',), (), True, False, 1, False, ('bool',)),
            ('all_', 'option', ('--all', '-a'), (), True, False, 1, False, ('bool',)),
            ('section', 'option', ('--section',), (), False, False, 1, False, ('str',)),
        ]},
        'report': {'target': 'mentorlog.cli.report:report', 'bound': {}, 'params': [
            ('html', 'option', ('--html',), (), True, False, 1, False, ('bool',)),
            ('output', 'option', ('--output', '-o'), (), False, False, 1, False, ('path',)),
            ('since', 'option', ('--since',), (), False, False, 1, False, ('func', 'mentorlog.cli.common:parse_date_value')),
            ('until', 'option', ('--until',), (), False, False, 1, False, ('func', 'mentorlog.cli.common:parse_date_value')),
            ('mentor', 'option', ('--mentor', '-m'), (), False, False, 1, False, ('str',)),
            ('force', 'option', ('--force',), (), True, False, 1, False, ('bool',)),
        ]},
        'resource': {'group': True, 'commands': {
            'add': {'target': 'mentorlog.cli.resource:add', 'bound': {}, 'params': [
                ('title', 'argument', ('title',), (), False, False, 1, True, ('str',)),
                ('url', 'option', ('--url',), (), False, False, 1, False, ('str',)),
                ('kind', 'option', ('--kind', '-k'), (), False, False, 1, False, ('enum', 'mentorlog.cli.resource:ResourceKind')),
                ('mentor', 'option', ('--mentor', '-m'), (), False, False, 1, False, ('str',)),
                ('goal', 'option', ('--goal', '-g'), (), False, False, 1, False, ('func', 'mentorlog.cli.common:record_id')),
                ('advice', 'option', ('--advice',), (), False, False, 1, False, ('func', 'mentorlog.cli.common:record_id')),
            ]},
            'delete': {'target': 'mentorlog.cli.common:delete', 'bound': {'table': 'resource', 'noun': 'resource'}, 'params': [
                ('record_id', 'argument', ('record_id',), (), False, False, 1, True, ('func', 'mentorlog.cli.common:record_id')),
                ('yes', 'option', ('--yes', '-y'), (), True, False, 1, False, ('bool',)),
            ]},
            'done': {'target': 'mentorlog.cli.resource:done', 'bound': {}, 'params': [
                ('resource_ids', 'argument', ('resource_ids',), (), False, False, -1, True, ('func', 'mentorlog.cli.common:record_id')),
                ('takeaway', 'option', ('--takeaway',), (), False, False, 1, False, ('str',)),
                ('on', 'option', ('--on',), (), False, False, 1, False, ('func', 'mentorlog.cli.common:parse_date_value')),
            ]},
            'drop': {'target': 'mentorlog.cli.resource:drop', 'bound': {}, 'params': [
                ('resource_ids', 'argument', ('resource_ids',), (), False, False, -1, True, ('func', 'mentorlog.cli.common:record_id')),
            ]},
            'edit': {'target': 'mentorlog.cli.resource:edit', 'bound': {}, 'params': [
                ('resource_id', 'argument', ('resource_id',), (), False, False, 1, True, ('func', 'mentorlog.cli.common:record_id')),
                ('title', 'option', ('--title',), (), False, False, 1, False, ('str',)),
                ('url', 'option', ('--url',), (), False, False, 1, False, ('str',)),
                ('kind', 'option', ('--kind', '-k'), (), False, False, 1, False, ('enum', 'mentorlog.cli.resource:ResourceKind')),
                ('mentor', 'option', ('--mentor', '-m'), (), False, False, 1, False, ('str',)),
                ('goal', 'option', ('--goal', '-g'), (), False, False, 1, False, ('func', 'mentorlog.cli.common:record_id')),
                ('advice', 'option', ('--advice',), (), False, False, 1, False, ('func', 'mentorlog.cli.common:record_id')),
                ('takeaway', 'option', ('--takeaway',), (), False, False, 1, False, ('str',)),
            ]},
            'list': {'target': 'mentorlog.cli.resource:list_', 'bound': {}, 'params': [
                ('status', 'option', ('--status',), (), False, False, 1, False, ('enum', 'mentorlog.cli.resource:ResourceStatus')),
                ('all_', 'option', ('--all', '-a'), (), True, False, 1, False, ('bool',)),
                ('mentor', 'option', ('--mentor', '-m'), (), False, False, 1, False, ('str',)),
                ('json', 'option', ('--json',), (), True, False, 1, False, ('bool',)),
            ]},
            'reopen': {'target': 'mentorlog.cli.resource:reopen', 'bound': {}, 'params': [
                ('resource_ids', 'argument', ('resource_ids',), (), False, False, -1, True, ('func', 'mentorlog.cli.common:record_id')),
            ]},
            'show': {'target': 'mentorlog.cli.resource:show', 'bound': {}, 'params': [
                ('resource_id', 'argument', ('resource_id',), (), False, False, 1, True, ('func', 'mentorlog.cli.common:record_id')),
                ('json', 'option', ('--json',), (), True, False, 1, False, ('bool',)),
            ]},
            'start': {'target': 'mentorlog.cli.resource:start', 'bound': {}, 'params': [
                ('resource_ids', 'argument', ('resource_ids',), (), False, False, -1, True, ('func', 'mentorlog.cli.common:record_id')),
            ]},
        }},
        'restore': {'target': 'mentorlog.cli.data:restore', 'bound': {}, 'params': [
            ('path', 'argument', ('path',), (), False, False, 1, True, ('path',)),
            ('force', 'option', ('--force',), (), True, False, 1, False, ('bool',)),
        ]},
        'review': {'target': 'mentorlog.cli.briefing:review', 'bound': {}, 'params': [
            ('week', 'option', ('--week',), (), True, False, 1, False, ('bool',)),
            ('month', 'option', ('--month',), (), True, False, 1, False, ('bool',)),
            ('since', 'option', ('--since',), (), False, False, 1, False, ('func', 'mentorlog.cli.common:parse_date_value')),
            ('until', 'option', ('--until',), (), False, False, 1, False, ('func', 'mentorlog.cli.common:parse_date_value')),
            ('fmt', 'option', ('--format', '-f'), (), False, False, 1, False, ('enum', 'mentorlog.cli.briefing:Format')),
            ('json', 'option', ('--json',), (), True, False, 1, False, ('bool',)),
            ('output', 'option', ('--output', '-o'), (), False, False, 1, False, ('path',)),
            ('force', 'option', ('--force',), (), True, False, 1, False, ('bool',)),
            ('reflect', 'option', ('--reflect',), (), False, False, 1, False, ('str',)),
            ('edit', 'option', ('--edit', '-e'), (), True, False, 1, False, ('bool',)),
            ('replace', 'option', ('--replace',), (), True, False, 1, False, ('bool',)),
            ('append', 'option', ('--append',), (), True, False, 1, False, ('bool',)),
            ('all_', 'option', ('--all', '-a'), (), True, False, 1, False, ('bool',)),
            ('section', 'option', ('--section',), (), False, False, 1, False, ('str',)),
            ('no_chart', 'option', ('--no-chart',), (), True, False, 1, False, ('bool',)),
        ]},
        'search': {'target': 'mentorlog.cli.explore:search', 'bound': {}, 'params': [
            ('query', 'argument', ('query',), (), False, False, 1, True, ('str',)),
            ('kind', 'option', ('--kind', '-k'), (), False, True, 1, False, ('enum', 'mentorlog.cli.explore:SearchKind')),
            ('mentor', 'option', ('--mentor', '-m'), (), False, False, 1, False, ('str',)),
            ('since', 'option', ('--since',), (), False, False, 1, False, ('func', 'mentorlog.cli.common:parse_date_value')),
            ('json', 'option', ('--json',), (), True, False, 1, False, ('bool',)),
        ]},
        'status': {'target': 'mentorlog.cli.briefing:status', 'bound': {}, 'params': [
            ('json', 'option', ('--json',), (), True, False, 1, False, ('bool',)),
            ('all_', 'option', ('--all', '-a'), (), True, False, 1, False, ('bool',)),
            ('no_chart', 'option', ('--no-chart',), (), True, False, 1, False, ('bool',)),
        ]},
        'sync': {'group': True, 'commands': {
            'conflicts': {'target': 'mentorlog.cli.sync:conflicts', 'bound': {}, 'params': [
                ('json_', 'option', ('--json',), (), True, False, 1, False, ('bool',)),
                ('all_', 'option', ('--all', '-a'), (), True, False, 1, False, ('bool',)),
            ]},
            'init': {'target': 'mentorlog.cli.sync:init', 'bound': {}, 'params': [
                ('remote', 'argument', ('remote',), (), False, False, 1, False, ('str',)),
                ('folder', 'option', ('--folder',), (), False, False, 1, False, ('path',)),
            ]},
            'join': {'target': 'mentorlog.cli.sync:join', 'bound': {}, 'params': [
                ('remote', 'argument', ('remote',), (), False, False, 1, False, ('str',)),
                ('folder', 'option', ('--folder',), (), False, False, 1, False, ('path',)),
            ]},
            'leave': {'target': 'mentorlog.cli.sync:leave', 'bound': {}, 'params': [
            ]},
            'resolve': {'target': 'mentorlog.cli.sync:resolve', 'bound': {}, 'params': [
                ('conflict_id', 'argument', ('conflict_id',), (), False, False, 1, True, ('func', 'mentorlog.cli.common:record_id')),
                ('keep', 'option', ('--keep',), (), False, False, 1, False, ('enum', 'mentorlog.cli.sync:Keep')),
            ]},
            'run': {'target': 'mentorlog.cli.sync:run', 'bound': {}, 'params': [
            ]},
            'status': {'target': 'mentorlog.cli.sync:status', 'bound': {}, 'params': [
                ('json_', 'option', ('--json',), (), True, False, 1, False, ('bool',)),
            ]},
        }},
        'timeline': {'target': 'mentorlog.cli.explore:timeline', 'bound': {}, 'params': [
            ('since', 'option', ('--since',), (), False, False, 1, False, ('func', 'mentorlog.cli.common:parse_date_value')),
            ('until', 'option', ('--until',), (), False, False, 1, False, ('func', 'mentorlog.cli.common:parse_date_value')),
            ('mentor', 'option', ('--mentor', '-m'), (), False, False, 1, False, ('str',)),
            ('kind', 'option', ('--kind', '-k'), (), False, True, 1, False, ('enum', 'mentorlog.cli.explore:TimelineKind')),
            ('json', 'option', ('--json',), (), True, False, 1, False, ('bool',)),
        ]},
        'win': {'group': True, 'commands': {
            'add': {'target': 'mentorlog.cli.win:add', 'bound': {}, 'params': [
                ('text', 'argument', ('text',), (), False, False, 1, True, ('str',)),
                ('goal', 'option', ('--goal', '-g'), (), False, False, 1, False, ('func', 'mentorlog.cli.common:record_id')),
                ('mentor', 'option', ('--mentor', '-m'), (), False, False, 1, False, ('str',)),
                ('on', 'option', ('--on',), (), False, False, 1, False, ('func', 'mentorlog.cli.common:parse_date_value')),
            ]},
            'delete': {'target': 'mentorlog.cli.common:delete', 'bound': {'table': 'win', 'noun': 'win'}, 'params': [
                ('record_id', 'argument', ('record_id',), (), False, False, 1, True, ('func', 'mentorlog.cli.common:record_id')),
                ('yes', 'option', ('--yes', '-y'), (), True, False, 1, False, ('bool',)),
            ]},
            'edit': {'target': 'mentorlog.cli.win:edit', 'bound': {}, 'params': [
                ('win_id', 'argument', ('win_id',), (), False, False, 1, True, ('func', 'mentorlog.cli.common:record_id')),
                ('text', 'option', ('--text',), (), False, False, 1, False, ('str',)),
                ('goal', 'option', ('--goal', '-g'), (), False, False, 1, False, ('func', 'mentorlog.cli.common:record_id')),
                ('mentor', 'option', ('--mentor', '-m'), (), False, False, 1, False, ('str',)),
                ('on', 'option', ('--on',), (), False, False, 1, False, ('func', 'mentorlog.cli.common:parse_date_value')),
            ]},
            'list': {'target': 'mentorlog.cli.win:list_', 'bound': {}, 'params': [
                ('json', 'option', ('--json',), (), True, False, 1, False, ('bool',)),
            ]},
        }},
    },
}
