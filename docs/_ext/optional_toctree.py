"""Sphinx extension: toctree entries for pages that other people are still writing.

Some reference pages are written by the owners of the parts they describe (localjuju, the
relations, each charm). An index lists them ahead of time as `?name`: the entry is kept when
`name.md` exists and dropped otherwise, so the docs build (warnings as errors) passes both before
and after those pages land. Every other toctree entry is left alone.
"""
import os
import re

ENTRY = re.compile(r"^\?([A-Za-z0-9_./-]+)[ \t]*$", re.M)


def _resolve(app, docname, source):
    base = os.path.dirname(os.path.join(app.srcdir, docname))

    def keep(match):
        name = match.group(1)
        return name if os.path.exists(os.path.join(base, name + ".md")) else ""

    source[0] = ENTRY.sub(keep, source[0])


def setup(app):
    app.connect("source-read", _resolve)
    return {"parallel_read_safe": True, "parallel_write_safe": True, "version": "1"}
