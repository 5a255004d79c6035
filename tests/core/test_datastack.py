"""Deep recursion costs the same from any caller (core/datastack.py)."""

import resource

import pytest

from core.datastack import with_data_stack_room


def _descend(depth: int) -> int:
    return 0 if depth == 0 else _descend(depth - 1) + 1


def swing_deep_and_back() -> None:
    # 300 calls deep is some 30 KB of frames: more than one 16 KB chunk, from any depth.
    for _ in range(10_000):
        _descend(300)


def new_pages_touched(function, *args) -> int:
    before = resource.getrusage(resource.RUSAGE_SELF).ru_minflt
    function(*args)
    return resource.getrusage(resource.RUSAGE_SELF).ru_minflt - before


def test_calls_swinging_deep_and_back_touch_no_new_memory():
    assert new_pages_touched(with_data_stack_room, swing_deep_and_back) < 1_000


def test_without_the_room_the_same_calls_map_a_fresh_page_every_swing():
    # Why the room is there: Python unmaps a data-stack chunk as soon as it empties. If a
    # later Python keeps it, this fails, and with_data_stack_room is no longer needed.
    assert new_pages_touched(swing_deep_and_back) >= 10_000


def test_returns_what_the_function_returns_and_raises_what_it_raises():
    assert with_data_stack_room(divmod, 7, 2) == (3, 1)
    with pytest.raises(ZeroDivisionError):
        with_data_stack_room(divmod, 7, 0)
