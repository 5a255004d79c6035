"""Who may read and write papers. A paper is read as its data is: the response report as
its inquiry report (`recommendations.view_report`), the meeting papers as the meeting
(public, with drafts and exempt reports left out by the selectors)."""

import rules

from accounts.rules import is_council_reader, is_officer
from recommendations.rules import in_record_or_officer, report_is_public

# A withdrawn report has no paper, except for officers checking it before restoring it.
rules.add_perm(
    "papers.view_response_paper", (report_is_public | is_council_reader) & in_record_or_officer
)
rules.add_perm("papers.view_meeting_papers", rules.always_allow)
# The narrative of a response paper is written by scrutiny officers.
rules.add_perm("papers.change_responsepaper", is_officer)
