#!/usr/bin/python3
"""Proves that docs/tutorial.md and tutorial/run.sh are in step: same commands, same order.

Run by scripts/build-docs.sh (so by the test command). It reads the page with markdown-it, the
Markdown parser MyST itself uses, independently of the awk extraction in tutorial/steps.awk, and
compares:
  1. every command of the page's `{code-block} shell` directives, in order, with what
     `tutorial/run.sh --dry-run` says it runs (`juju` replaced by `$JUJU`);
  2. the page's step names, in order, with the order of the check_* functions in
     tutorial/checks.sh, so that no step goes unchecked and no check is left over;
  3. that the page shows no other shell fence a reader would paste but the script would not run.
Exit status 0 when in step; otherwise 1 with every difference listed.
"""
import os
import re
import subprocess
import sys

from markdown_it import MarkdownIt

ROOT = os.path.abspath(os.path.join(os.path.dirname(__file__), ".."))
SHELL_LANGS = {"sh", "bash", "shell", "console", "shell-session"}


def page_steps(path):
    """Returns ([(step, command)], [problem]) from the page's fences."""
    tokens = MarkdownIt("commonmark").parse(open(path, encoding="utf-8").read())
    steps, problems = [], []
    for tok in tokens:
        if tok.type != "fence":
            continue
        info = tok.info.strip()
        line = tok.map[0] + 1 if tok.map else "?"
        if info.split()[0:1] == ["{code-block}"]:
            lang = info.split()[1] if len(info.split()) > 1 else ""
            body = tok.content.splitlines()
            options = {}
            while body and body[0].startswith(":"):
                key, _, value = body.pop(0)[1:].partition(":")
                options[key.strip()] = value.strip()
            name = options.get("name", "")
            if lang != "shell" or not re.fullmatch(r"tutorial-[a-z0-9-]+", name):
                problems.append("docs/tutorial.md:%s: a code-block must be 'shell' with "
                                "':name: tutorial-<step>' (got %r, name %r)" % (line, lang, name))
                continue
            command = ""
            for text in body:
                if not text.strip():
                    continue
                if text.endswith("\\"):
                    command += text[:-1]
                    continue
                steps.append((name, command + text))
                command = ""
        elif info.split()[0:1] and info.split()[0] in SHELL_LANGS:
            problems.append("docs/tutorial.md:%s: a ```%s fence is not run by tutorial/run.sh; "
                            "make it a named {code-block} step or a ```text block" % (line, info))
    return steps, problems


def script_steps(juju):
    env = dict(os.environ, JUJU=juju)
    out = subprocess.run([os.path.join(ROOT, "tutorial", "run.sh"), "--dry-run"], env=env,
                         check=True, capture_output=True, text=True).stdout
    return [tuple(line.split("\t", 1)) for line in out.splitlines()]


def check_order():
    text = open(os.path.join(ROOT, "tutorial", "checks.sh"), encoding="utf-8").read()
    return [m.replace("_", "-") for m in re.findall(r"^check_(tutorial_[a-z0-9_]+)\(\)", text, re.M)]


def main():
    steps, problems = page_steps(os.path.join(ROOT, "docs", "tutorial.md"))
    if not steps:
        problems.append("docs/tutorial.md has no tutorial steps")
    juju = "localjuju"
    expected = [(name, re.sub(r"^juju ", juju + " ", cmd)) for name, cmd in steps]
    actual = script_steps(juju)
    for i in range(max(len(expected), len(actual))):
        want = expected[i] if i < len(expected) else ("(nothing)", "")
        got = actual[i] if i < len(actual) else ("(nothing)", "")
        if want != got:
            problems.append("command %d: page has %s %r, run.sh runs %s %r"
                            % (i + 1, want[0], want[1], got[0], got[1]))
    names = list(dict.fromkeys(name for name, _ in steps))
    checks = check_order()
    if names != checks:
        problems.append("steps on the page %s differ from the check functions in "
                        "tutorial/checks.sh %s (same names, same order)" % (names, checks))
    if problems:
        print("tutorial and docs/tutorial.md are out of step:", file=sys.stderr)
        for p in problems:
            print("  - " + p, file=sys.stderr)
        return 1
    print("tutorial: %d commands in %d steps, in step with docs/tutorial.md" % (len(steps), len(names)))
    return 0


if __name__ == "__main__":
    sys.exit(main())
