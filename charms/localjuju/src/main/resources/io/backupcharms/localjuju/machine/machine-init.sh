#!/bin/sh
# Runs as PID 1 of a localjuju machine's private mount+PID namespaces (started by unshare).
# Arguments: <machine dir> <localjuju home> <ready file>
# Gives the machine its own root: an overlay over each host system directory (writes and package
# installs land in <machine dir>/upper), a private /run and /tmp, and keeps the localjuju home
# (charm dirs, agent socket, tools) reachable at the same path. Then it becomes the reaper.
set -eu
mdir="$1"; home="$2"; ready="$3"
stage="/tmp/.localjuju-stage.$$.$(basename "$mdir").$(date +%s%N)"
mkdir -p "$stage"
# The home may sit under an overlaid directory (e.g. /root/.local/share): park it first.
mount --bind "$home" "$stage"
for d in etc usr var opt srv root home; do
  [ -d "/$d" ] || continue
  mkdir -p "$mdir/upper/$d" "$mdir/work/$d"
  mount -t overlay "localjuju-$d" -o "lowerdir=/$d,upperdir=$mdir/upper/$d,workdir=$mdir/work/$d" "/$d"
done
# A private /run, then park the home there while /tmp becomes private too (the home may be
# under /tmp), then put the home back at its own path.
mount -t tmpfs -o mode=0755 localjuju-run /run
mkdir -p /run/.localjuju-home
mount --move "$stage" /run/.localjuju-home
rmdir "$stage"
mount -t tmpfs -o mode=1777 localjuju-tmp /tmp
mkdir -p "$home"
mount --move /run/.localjuju-home "$home"
rmdir /run/.localjuju-home
mkdir -p /run/lock /run/localjuju-systemd
chmod 1777 /run/lock
touch "$ready"
# PID 1 of the namespace: adopt and reap every orphan (daemons outliving the hook that started
# them), forever. Killing this process kills everything in the machine.
exec perl -e '$0 = "localjuju-machine"; while (1) { sleep 1 if waitpid(-1, 0) < 0 }'
