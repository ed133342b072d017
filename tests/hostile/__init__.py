"""Hostile input: every way a file in raw/ or validated/ can be broken, and the exact message each gets.

Each theme module defines its cases in a ``CASES`` table (case -> expected message, or "works"); the tests check
them, and ``CASES.md`` is rendered from the tables (``python -m tests.hostile.cases --write``; a test fails when it
is out of date).
"""
