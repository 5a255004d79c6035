"""Deep recursion at the same cost from any caller.

CPython (since 3.11) keeps Python frames on a "data stack" of 16 KB chunks: it maps a new
chunk when a call finds the current one full and unmaps it as soon as the chunk's first
frame returns. Code that recurses deeply and whose depth swings back and forth across a
chunk's end pays, on every swing, an mmap, a munmap and a fresh zeroed page. Where the
ends fall depends on how deep the caller already was, so the same work cost more from one
caller than from another: WeasyPrint's layout of the 200-recommendation tracking report
mapped and unmapped 72,000 chunks in the paper's renderer process (0.3–0.5 s of 4.5,
docs/papers.md "Speed"), and the recommendations list 430 per request under the test
client.

`with_data_stack_room` calls from a frame that asks for more room than a chunk holds,
so the interpreter maps one chunk big enough for the frame and 1 MiB more, on which every
call below it fits. The room is address space only: the frame's stack slots are never
written, so no page is touched until a frame is put there.

Nothing here imports Django: the papers' renderer process (papers/pdf.py) uses it too.
"""

from collections.abc import Callable

DATA_STACK_ROOM_SLOTS = 128 * 1024  # 1 MiB of frames: thousands of calls deep


def with_data_stack_room[R](function: Callable[..., R], /, *args: object) -> R:
    """`function(*args)`, its calls on a data-stack chunk of their own with room to spare."""
    return function(*args)


# The room: this function's own frame asks for it (the code's stack size).
with_data_stack_room.__code__ = with_data_stack_room.__code__.replace(
    co_stacksize=with_data_stack_room.__code__.co_stacksize + DATA_STACK_ROOM_SLOTS
)
