"""Inspections and improvement plans are kept through the service's own pages, like the
rest of the record; the admin lists them only for reference."""
