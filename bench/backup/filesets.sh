#!/usr/bin/env bash
# Adds the tuning FileSets to the Director the charm configured and reloads it: copies of the
# FileSet the charm renders for client stem $1, each with another signature or compression.
# The charm rewrites bacula-dir.conf at its next hook, which drops them again.
set -euo pipefail
stem=$1
block=$(sed -n "/^FileSet {/,/^}/p" /etc/bacula/bacula-dir.conf | awk -v n="\"$stem-fileset\"" '
  /^FileSet/ {buf=""; keep=0} {buf=buf $0 "\n"} $0 ~ "Name = " n {keep=1} /^}/ && keep {printf "%s", buf; exit}')
[ -n "$block" ] || { echo "filesets.sh: no FileSet $stem-fileset in bacula-dir.conf" >&2; exit 1; }
variant() {  # name signature compression
  printf '%s\n' "$block" | sed -e "s/Name = \"$stem-fileset\"/Name = \"bench-$1\"/" \
    -e "s/signature = MD5/signature = $2/" \
    -e "/signature = /a\\      $( [ "$3" = none ] && echo '#' || echo "compression = $3")"
}
{ variant sha256 SHA256 none; variant lzo MD5 LZO; variant gzip1 MD5 GZIP1; variant gzip6 MD5 GZIP6; } >> /etc/bacula/bacula-dir.conf
bacula-dir -t -c /etc/bacula/bacula-dir.conf
printf 'reload\n' | bconsole -c /var/tmp/bench-bconsole.conf >/dev/null
