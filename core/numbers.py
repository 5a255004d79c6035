"""Numbers as every page, paper and email prints them."""


def thousands(number: int) -> str:
    """A count with its thousands marked, as UK readers expect: 38,742."""
    return f"{number:,}"
