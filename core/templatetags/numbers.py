"""Counts in templates: ``{% load numbers %}{{ count|thousands }}``."""

from django import template

from core import numbers

register = template.Library()


@register.filter
def thousands(number: int) -> str:
    """38742 → "38,742" (see core.numbers.thousands)."""
    return numbers.thousands(number)
