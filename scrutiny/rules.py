import rules

from accounts.rules import is_officer

# The audit trail is for scrutiny officers (and administrators).
rules.add_perm("scrutiny.view_history", is_officer)
