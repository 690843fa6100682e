#!/usr/bin/env bash
# Lays out the Python ops anchor charm (shared/bench/ops-anchor) in DEST with its fake hook tools
# and the ops source OPERATOR, for bench/ops/run.sh and charms/charm-pack/bench/dispatch-startup.sh.
#   bench/ops/make-anchor.sh ANCHOR_SRC DEST OPERATOR
set -euo pipefail
src=$1 dest=$2 operator=$3
rm -rf "$dest"
mkdir -p "$dest/tools" "$dest/charm/venv"
cp -r "$src/charm/." "$dest/charm/"
chmod -R u+w "$dest"
cp "$src/tools/hooktool" "$dest/tools/hooktool"
chmod +x "$dest/tools/hooktool" "$dest/charm/dispatch" "$dest/charm/src/charm.py"
for f in "$src"/tools/*; do
  n=$(basename "$f"); [ "$n" = hooktool ] || ln -s hooktool "$dest/tools/$n"
done
ln -s "$operator/ops" "$dest/charm/venv/ops"
