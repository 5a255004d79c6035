"""Who may see work programmes, move report-backs and have a calendar address."""

import rules

from accounts.rules import is_council_reader, is_officer

# The programme shows which submissions are in: council business until the meeting.
rules.add_perm("deadlines.view_work_programme", is_council_reader)
# Officers schedule the board's business.
rules.add_perm("deadlines.move_report_back", is_officer)
# Anyone with a role has meetings and deadlines worth a calendar.
rules.add_perm("deadlines.use_calendar", is_council_reader)
