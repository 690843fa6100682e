"""Sphinx configuration for the backup-charms documentation (Sphinx 5.3 + MyST 0.18, Debian)."""
import os
import sys

sys.path.insert(0, os.path.join(os.path.dirname(__file__), "_ext"))

project = "backup-charms"
author = "backup-charms contributors"
copyright = "2026, backup-charms contributors"

extensions = [
    "myst_parser",
    "repo_paths",
    "optional_toctree",
]

# Headings get anchors so that [text](page.md#heading) links are checked too.
myst_heading_anchors = 3
myst_enable_extensions = ["colon_fence", "deflist"]

source_suffix = {".md": "markdown"}
root_doc = "index"
exclude_patterns = ["_build", "_ext", "README.md"]

# No network here: never fetch remote inventories or themes.
intersphinx_mapping = {}
html_theme = "alabaster"
html_theme_options = {"nosidebar": False}
html_title = "backup-charms"
html_static_path = []
pygments_style = "sphinx"
