# Prints the tutorial's steps from docs/tutorial.md, one command a line: "<step name>\t<command>".
# A step is a ```{code-block} shell fence with a ":name: tutorial-<step>" option; each line of its
# body is one command (a line ending in "\" continues on the next). tutorial/run.sh runs exactly
# these lines; tutorial/check_in_step.py proves with a real Markdown parser that nothing is missed.
BEGIN { in_block = 0 }
/^```\{code-block\} shell[ \t]*$/ && !in_block { in_block = 1; name = ""; opts = 1; cmd = ""; next }
in_block && /^```[ \t]*$/ {
  if (cmd != "") { print "tutorial: unterminated continuation in step " name > "/dev/stderr"; exit 2 }
  in_block = 0; next
}
in_block && opts && /^:name:[ \t]*/ { name = $0; sub(/^:name:[ \t]*/, "", name); next }
in_block && opts && /^:/ { next }
in_block && opts && /^[ \t]*$/ { opts = 0; next }
in_block {
  opts = 0
  if (name !~ /^tutorial-[a-z0-9-]+$/) {
    print "tutorial: a shell code-block in docs/tutorial.md has no ':name: tutorial-<step>'" > "/dev/stderr"
    exit 2
  }
  if ($0 ~ /^[ \t]*$/) next
  line = $0
  if (line ~ /\\$/) { sub(/\\$/, "", line); cmd = cmd line; next }
  print name "\t" cmd line
  cmd = ""
}
