#!/usr/bin/env bash
# Benchmark: what one hook tool call costs inside a localjuju machine (perl client -> agent
# socket -> controller -> answer), measured from a real hook context with `localjuju exec`.
# Writes the "localjuju hook tools" section of docs/reference/performance.md.
# Usage: charms/localjuju/bench/tool-latency.sh   (after mvn package; runs as root)
set -euo pipefail
repo=$(cd "$(dirname "$0")/../../.." && pwd)
lj="$repo/bin/localjuju"
export LOCALJUJU_HOME=$(mktemp -d /tmp/localjuju-bench.XXXXXX)
model=bench
cleanup() { "$lj" destroy-model "$model" --no-prompt --force >/dev/null 2>&1 || true; rm -rf "$LOCALJUJU_HOME"; }
trap cleanup EXIT
charm="$LOCALJUJU_HOME/charm"
mkdir -p "$charm"
printf 'name: bench\nprovides:\n  db:\n    interface: sql\npeers:\n  cluster:\n    interface: bench-peer\n' > "$charm/metadata.yaml"
printf 'options:\n  greeting:\n    type: string\n    default: hi\n' > "$charm/config.yaml"
printf '#!/bin/sh\nexit 0\n' > "$charm/dispatch"
chmod +x "$charm/dispatch"
"$lj" add-model "$model" 2>/dev/null
"$lj" deploy "$charm" -n 2 2>/dev/null
"$lj" wait-for model --timeout 120s
N=300
script="$LOCALJUJU_HOME/loop.sh"
cat > "$script" <<INNER
#!/bin/bash
t() { local s=\$(date +%s%N); for i in \$(seq $N); do "\$@" >/dev/null; done; echo "\$(( (\$(date +%s%N) - s) / $N / 1000 ))"; }
b=\$(t /bin/true)
echo "is-leader \$(t is-leader) \$b"
echo "config-get \$(t config-get --format=json) \$b"
echo "relation-get \$(t relation-get -r cluster:0 - bench/1 --format=json) \$b"
echo "relation-set \$(t relation-set -r cluster:0 k=v) \$b"
echo "perl-start \$(t perl -e 1) \$b"
INNER
out=$("$lj" exec --unit bench/0 -- "bash $script")
echo "$out"
row() { echo "$out" | awk -v n="$1" '$1 == n { printf "%.2f ms", ($2 - $3) / 1000 }'; }
median=$(echo "$out" | awk '$1 != "perl-start" { print ($2 - $3) / 1000 }' | sort -n | awk '{ a[NR] = $1 } END { printf "%.2f", a[int((NR + 1) / 2)] }')
verdict=$(awk -v m="$median" 'BEGIN { print (m < 20 ? "met" : "not met") }')
section=$(cat <<SECTION
## localjuju hook tools

Benchmark: \`charms/localjuju/bench/tool-latency.sh\`. $N calls of each tool in a row from
a hook context on a localjuju machine (\`localjuju exec\`), the cost of starting \`/bin/true\`
subtracted; each call is a perl client talking to the model's controller over its unix socket.
Measured $(date -u +%Y-%m-%d) on $(nproc) cores.

| tool call | time per call |
| --- | --- |
| \`is-leader\` | $(row is-leader) |
| \`config-get --format=json\` | $(row config-get) |
| \`relation-get -r cluster:0 - bench/1 --format=json\` | $(row relation-get) |
| \`relation-set -r cluster:0 k=v\` | $(row relation-set) |
| (perl start-up alone, \`perl -e 1\`) | $(row perl-start) |

Target: well under 20 ms per call. Result: $verdict (median $median ms).
SECTION
)
doc="$repo/docs/reference/performance.md"
SECTION="$section" perl -0pi -e '
  my $s = $ENV{SECTION};
  if (/^## localjuju hook tools\n.*?(?=^## |\z)/ms) { s/^## localjuju hook tools\n.*?(?=^## |\z)/$s\n\n/ms }
  else { $_ .= "\n" unless /\n\n\z/; $_ .= "$s\n" }' "$doc"
echo "updated $doc"
