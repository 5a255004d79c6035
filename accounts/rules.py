"""Role predicates shared by every app's rules."""

import rules


@rules.predicate
def is_officer(user) -> bool:
    return bool(user.is_authenticated and user.is_officer)


@rules.predicate
def is_directorate_user(user) -> bool:
    return bool(user.is_authenticated and user.is_directorate_user)


@rules.predicate
def is_member(user) -> bool:
    return bool(user.is_authenticated and user.is_member)


# Anyone inside the council who reads submitted (not yet public) material.
is_council_reader = is_officer | is_member | is_directorate_user


# Permissions the rules alone decide, for superusers too: being the administrator of the
# site is not being the director, so a directorate's drafts stay private to it for every
# account. Apps register such permissions with `add_directorate_private_perm`.
DIRECTORATE_PRIVATE_PERMISSIONS: set[str] = set()


def add_directorate_private_perm(name: str, predicate) -> None:
    rules.add_perm(name, predicate)
    DIRECTORATE_PRIVATE_PERMISSIONS.add(name)
