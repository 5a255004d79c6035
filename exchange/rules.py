"""Who may import: scrutiny officers keep the record, so they bring trackers in."""

import rules

from accounts.rules import is_officer

rules.add_perm("exchange.add_importjob", is_officer)
rules.add_perm("exchange.view_importjob", is_officer)
