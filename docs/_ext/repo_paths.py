"""Sphinx extension: every repository path the docs name must exist.

The docs refer to source files (`relation-schema/...`, `bacula-server-charm/charmcraft.yaml`)
as inline code rather than links, because MyST only resolves links between documents. This
extension checks those inline paths against the repository, so a renamed or deleted file breaks
the docs build (which runs with warnings as errors) instead of leaving a stale reference.
"""
import os
import re

from docutils import nodes
from sphinx.util import logging

LOG = logging.getLogger(__name__)

# Top-level directories of the repository whose paths the docs may name.
ROOTS = (
    "bin", "charms", "docs", "relation-schema", "bacula-server-charm", "bacula-fd-charm",
    "backup-integrator-charm", "tests", "tutorial", "scripts",
)
PATH = re.compile(r"^(%s)/[A-Za-z0-9_.@/-]*$" % "|".join(re.escape(r) for r in ROOTS))


def _check_paths(app, doctree, docname):
    repo = os.path.abspath(os.path.join(app.srcdir, ".."))
    for node in doctree.traverse(nodes.literal):
        text = node.astext().strip()
        if not PATH.match(text) or "/target/" in text or "/.../" in text:
            # Build outputs (target/) only exist after `mvn package`; "/.../" abbreviates a path.
            continue
        if not os.path.exists(os.path.join(repo, text.rstrip("/"))):
            LOG.warning("repository path %r named in the docs does not exist; fix the path or "
                        "the text", text, location=node)


def setup(app):
    app.connect("doctree-resolved", _check_paths)
    return {"parallel_read_safe": True, "parallel_write_safe": True, "version": "1"}
