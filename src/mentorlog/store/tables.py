"""The journal's tables as the sqlite3 runtime needs them. GENERATED from store/schema.py by
`make schema` (mentorlog.store.codegen); do not edit. A test fails when this file and the models differ.

Per table: columns in order; which hold days (ISO dates) and moments (UTC datetimes); the value each
column takes when a write leaves it out ("uuid": a new UUID4, "now": the current UTC moment); the
columns a write must give; and the columns stamped with "now" on every update.
"""


TABLES: dict[str, dict] = {
    'action': {
        'columns': ('id', 'uuid', 'created_at', 'updated_at', 'text', 'due_date', 'status', 'result', 'done_on', 'goal_id', 'milestone_id', 'advice_id', 'meeting_id', 'mentor_id'),
        'dates': ('due_date', 'done_on'),
        'moments': ('created_at', 'updated_at'),
        'defaults': {'uuid': 'uuid', 'created_at': 'now', 'updated_at': 'now', 'status': 'open'},
        'required': ('text',),
        'touched': ('updated_at',),
    },
    'advice': {
        'columns': ('id', 'uuid', 'created_at', 'updated_at', 'text', 'why', 'status', 'outcome', 'given_on', 'status_on', 'mentor_id', 'meeting_id', 'goal_id'),
        'dates': ('given_on', 'status_on'),
        'moments': ('created_at', 'updated_at'),
        'defaults': {'uuid': 'uuid', 'created_at': 'now', 'updated_at': 'now', 'status': 'new'},
        'required': ('text', 'given_on'),
        'touched': ('updated_at',),
    },
    'checkin': {
        'columns': ('id', 'uuid', 'created_at', 'updated_at', 'rating', 'working', 'change', 'checked_on', 'mentor_id'),
        'dates': ('checked_on',),
        'moments': ('created_at', 'updated_at'),
        'defaults': {'uuid': 'uuid', 'created_at': 'now', 'updated_at': 'now'},
        'required': ('rating', 'checked_on', 'mentor_id'),
        'touched': ('updated_at',),
    },
    'contribution': {
        'columns': ('id', 'uuid', 'created_at', 'updated_at', 'text', 'kind', 'given_on', 'mentor_id'),
        'dates': ('given_on',),
        'moments': ('created_at', 'updated_at'),
        'defaults': {'uuid': 'uuid', 'created_at': 'now', 'updated_at': 'now', 'kind': 'other'},
        'required': ('text', 'given_on', 'mentor_id'),
        'touched': ('updated_at',),
    },
    'feedback': {
        'columns': ('id', 'uuid', 'created_at', 'updated_at', 'text', 'direction', 'kind', 'given_on', 'acted_on', 'acted_note', 'mentor_id', 'goal_id'),
        'dates': ('given_on', 'acted_on'),
        'moments': ('created_at', 'updated_at'),
        'defaults': {'uuid': 'uuid', 'created_at': 'now', 'updated_at': 'now', 'direction': 'received'},
        'required': ('text', 'given_on', 'mentor_id'),
        'touched': ('updated_at',),
    },
    'goal': {
        'columns': ('id', 'uuid', 'created_at', 'updated_at', 'title', 'why', 'measure', 'target_date', 'horizon', 'status', 'status_note', 'achieved_on', 'mentor_id'),
        'dates': ('target_date', 'achieved_on'),
        'moments': ('created_at', 'updated_at'),
        'defaults': {'uuid': 'uuid', 'created_at': 'now', 'updated_at': 'now', 'horizon': 'short', 'status': 'active'},
        'required': ('title',),
        'touched': ('updated_at',),
    },
    'introduction': {
        'columns': ('id', 'uuid', 'created_at', 'updated_at', 'person', 'context', 'introduced_on', 'met_on', 'met_note', 'thanked_on', 'mentor_id'),
        'dates': ('introduced_on', 'met_on', 'thanked_on'),
        'moments': ('created_at', 'updated_at'),
        'defaults': {'uuid': 'uuid', 'created_at': 'now', 'updated_at': 'now'},
        'required': ('person', 'introduced_on', 'mentor_id'),
        'touched': ('updated_at',),
    },
    'meeting': {
        'columns': ('id', 'uuid', 'created_at', 'updated_at', 'mentor_id', 'held_at', 'minutes', 'mode', 'notes', 'next_date'),
        'dates': ('next_date',),
        'moments': ('created_at', 'updated_at', 'held_at'),
        'defaults': {'uuid': 'uuid', 'created_at': 'now', 'updated_at': 'now', 'mode': 'video', 'notes': ''},
        'required': ('mentor_id', 'held_at'),
        'touched': ('updated_at',),
    },
    'mentor': {
        'columns': ('id', 'uuid', 'created_at', 'updated_at', 'name', 'focus', 'cadence', 'contact', 'started_on', 'ended_on', 'closing_note'),
        'dates': ('started_on', 'ended_on'),
        'moments': ('created_at', 'updated_at'),
        'defaults': {'uuid': 'uuid', 'created_at': 'now', 'updated_at': 'now', 'cadence': '1m'},
        'required': ('name', 'started_on'),
        'touched': ('updated_at',),
    },
    'milestone': {
        'columns': ('id', 'uuid', 'created_at', 'updated_at', 'goal_id', 'title', 'due_date', 'done_on', 'note', 'position'),
        'dates': ('due_date', 'done_on'),
        'moments': ('created_at', 'updated_at'),
        'defaults': {'uuid': 'uuid', 'created_at': 'now', 'updated_at': 'now', 'position': 0},
        'required': ('goal_id', 'title'),
        'touched': ('updated_at',),
    },
    'reflection': {
        'columns': ('id', 'uuid', 'created_at', 'updated_at', 'period_start', 'period_end', 'text'),
        'dates': ('period_start', 'period_end'),
        'moments': ('created_at', 'updated_at'),
        'defaults': {'uuid': 'uuid', 'created_at': 'now', 'updated_at': 'now'},
        'required': ('period_start', 'period_end', 'text'),
        'touched': ('updated_at',),
    },
    'resource': {
        'columns': ('id', 'uuid', 'created_at', 'updated_at', 'title', 'url', 'kind', 'status', 'takeaway', 'done_on', 'mentor_id', 'goal_id', 'advice_id'),
        'dates': ('done_on',),
        'moments': ('created_at', 'updated_at'),
        'defaults': {'uuid': 'uuid', 'created_at': 'now', 'updated_at': 'now', 'kind': 'other', 'status': 'queued'},
        'required': ('title',),
        'touched': ('updated_at',),
    },
    'topic': {
        'columns': ('id', 'uuid', 'created_at', 'updated_at', 'text', 'status', 'mentor_id', 'goal_id', 'meeting_id'),
        'dates': (),
        'moments': ('created_at', 'updated_at'),
        'defaults': {'uuid': 'uuid', 'created_at': 'now', 'updated_at': 'now', 'status': 'queued'},
        'required': ('text',),
        'touched': ('updated_at',),
    },
    'win': {
        'columns': ('id', 'uuid', 'created_at', 'updated_at', 'text', 'won_on', 'goal_id', 'milestone_id', 'mentor_id'),
        'dates': ('won_on',),
        'moments': ('created_at', 'updated_at'),
        'defaults': {'uuid': 'uuid', 'created_at': 'now', 'updated_at': 'now'},
        'required': ('text', 'won_on'),
        'touched': ('updated_at',),
    },
}
