#!/usr/bin/perl
# localjuju's systemctl for machines without systemd: reads the host's unit files and runs the
# daemons inside the machine, tracked by PID in /run/localjuju-systemd (private to the machine).
# Supports start, stop, restart, reload, try-restart, reload-or-restart, is-active, is-enabled,
# enable, disable, daemon-reload, status, show -p MainPID, and --now/-q/--quiet/--no-block.
use strict;
use warnings;
use POSIX qw(setsid WNOHANG);

my $RUN = '/run/localjuju-systemd';
my $ENABLED = '/var/lib/localjuju-systemd/enabled';
my @DIRS = ('/etc/systemd/system', '/run/systemd/system', '/lib/systemd/system', '/usr/lib/systemd/system');
system('mkdir', '-p', $RUN, $ENABLED) == 0 or die "systemctl: cannot create $RUN\n";

my (@pos, %opt);
for my $a (@ARGV) {
    if ($a =~ /^--?(now|quiet|q|no-block|no-pager|system|full|all|l|no-reload|force)$/) { $opt{$1} = 1 }
    elsif ($a =~ /^--localjuju-stop-owned$/) { $opt{stop_owned} = 1 }
    elsif ($a =~ /^-p$|^--property$/) { $opt{prop_next} = 1 }
    elsif ($opt{prop_next}) { $opt{property} = $a; delete $opt{prop_next} }
    elsif ($a =~ /^--property=(.*)$/) { $opt{property} = $1 }
    elsif ($a =~ /^-/) { }
    else { push @pos, $a }
}
$opt{quiet} ||= $opt{q};

if ($opt{stop_owned}) {
    my $owner = $pos[0] // '';
    for my $f (glob("$RUN/*.owner")) {
        open(my $fh, '<', $f) or next; my $o = <$fh>; close $fh; chomp $o;
        (my $svc = $f) =~ s{.*/(.*)\.owner$}{$1};
        stop_unit($svc) if $o eq $owner;
    }
    exit 0;
}

my $cmd = shift @pos // 'list-units';
my $rc = 0;
if ($cmd eq 'daemon-reload' || $cmd eq 'reset-failed' || $cmd eq 'list-units') { exit 0 }
if (!@pos) { print STDERR "Too few arguments.\n"; exit 1 }
# postgresql.service is a no-op umbrella: systemd's generator attaches one postgresql@V-C
# instance per cluster in /etc/postgresql. Act on those instances instead, as systemd would.
@pos = map { $_ =~ /^postgresql(\.service)?$/ && $cmd !~ /^(enable|disable|is-enabled|mask|unmask)$/ ? pg_instances() : $_ } @pos;
for my $name (@pos) {
    my $svc = canonical($name);
    if ($cmd eq 'start') { $rc ||= start_unit($svc) }
    elsif ($cmd eq 'stop') { $rc ||= stop_unit($svc) }
    elsif ($cmd eq 'restart' || $cmd eq 'reload-or-restart' || $cmd eq 'force-reload') {
        if ($cmd ne 'restart' && is_active($svc) && exec_lines(load($svc), 'ExecReload')) { $rc ||= reload_unit($svc) }
        else { stop_unit($svc); $rc ||= start_unit($svc) }
    }
    elsif ($cmd eq 'try-restart') { if (is_active($svc)) { stop_unit($svc); $rc ||= start_unit($svc) } }
    elsif ($cmd eq 'reload') { $rc ||= reload_unit($svc) }
    elsif ($cmd eq 'is-active') {
        my $a = is_active($svc); print(($a ? "active" : "inactive") . "\n") unless $opt{quiet}; $rc ||= $a ? 0 : 3;
    }
    elsif ($cmd eq 'is-failed') { my $a = is_active($svc); print(($a ? "active" : "inactive") . "\n") unless $opt{quiet}; $rc ||= 1 }
    elsif ($cmd eq 'is-enabled') {
        my $e = -e "$ENABLED/$svc"; print(($e ? "enabled" : "disabled") . "\n") unless $opt{quiet}; $rc ||= $e ? 0 : 1;
    }
    elsif ($cmd eq 'enable') { load($svc); touch("$ENABLED/$svc"); $rc ||= start_unit($svc) if $opt{now} && !is_active($svc) }
    elsif ($cmd eq 'disable') { unlink "$ENABLED/$svc"; stop_unit($svc) if $opt{now} }
    elsif ($cmd eq 'mask' || $cmd eq 'unmask') { }
    elsif ($cmd eq 'status') {
        my $a = is_active($svc);
        print "* $svc - localjuju service\n   Active: " . ($a ? "active (running) main PID " . (read_pid($svc) // '?') : "inactive (dead)") . "\n";
        $rc ||= $a ? 0 : 3;
    }
    elsif ($cmd eq 'show') {
        my $p = is_active($svc) ? read_pid($svc) : 0;
        my $prop = $opt{property} // 'MainPID';
        print "MainPID=$p\n" if $prop =~ /MainPID/;
        print "ActiveState=" . (is_active($svc) ? 'active' : 'inactive') . "\n" if $prop =~ /ActiveState/;
    }
    else { print STDERR "Unknown command verb $cmd.\n"; exit 1 }
}
exit $rc;

sub pg_instances {
    my @out;
    for my $conf (sort glob('/etc/postgresql/*/*/postgresql.conf')) {
        my ($v, $c) = $conf =~ m{^/etc/postgresql/([^/]+)/([^/]+)/} or next;
        my $start = "/etc/postgresql/$v/$c/start.conf";
        if (open(my $fh, '<', $start)) {
            my $mode = join '', grep { !/^\s*#/ } <$fh>; close $fh;
            next if $mode =~ /\b(disabled|manual)\b/ && $cmd =~ /^(start|restart|reload|try-restart|reload-or-restart)$/;
        }
        push @out, "postgresql\@$v-$c.service";
    }
    return @out ? @out : ('postgresql.service');
}

sub touch { open(my $fh, '>', $_[0]) or die "systemctl: cannot write $_[0]: $!\n"; close $fh }

sub canonical {
    my ($n) = @_;
    $n .= '.service' unless $n =~ /\.(service|target|socket|timer)$/;
    my $f = find_file($n);
    # An alias installed as a symlink (bacula-dir.service -> bacula-director.service): one name per daemon.
    if ($f && -l $f) { my $t = readlink($f); $t =~ s{.*/}{}; return $t if $t =~ /\.service$/ }
    return $n if $f;
    # Aliases (bacula-dir.service is an alias of bacula-director.service).
    for my $d (@DIRS) {
        for my $f (glob("$d/*.service")) {
            open(my $fh, '<', $f) or next;
            while (<$fh>) { if (/^Alias=(.*)$/ && grep { $_ eq $n } split ' ', $1) { close $fh; (my $b = $f) =~ s{.*/}{}; return $b } }
            close $fh;
        }
    }
    return $n;
}

sub find_file {
    my ($n) = @_;
    for my $d (@DIRS) { return "$d/$n" if -f "$d/$n" }
    if ($n =~ /^(.+)@(.+)\.service$/) { for my $d (@DIRS) { return "$d/$1\@.service" if -f "$d/$1\@.service" } }
    return undef;
}

sub load {
    my ($n) = @_;
    my $f = find_file($n);
    if (!$f) { print STDERR "Failed to start $n: Unit $n not found.\n"; exit 5 }
    my $inst = $n =~ /^[^@]+@(.+)\.service$/ ? $1 : '';
    my %u = (Type => ['simple']);
    my @files = ($f);
    my $dropin = "/etc/systemd/system/$n.d";
    push @files, sort glob("$dropin/*.conf") if -d $dropin;
    for my $file (@files) {
        open(my $fh, '<', $file) or next;
        my $sec = '';
        while (my $l = <$fh>) {
            chomp $l;
            while ($l =~ s/\\$// ) { my $n2 = <$fh>; last unless defined $n2; chomp $n2; $l .= $n2 }
            next if $l =~ /^\s*[#;]/ || $l =~ /^\s*$/;
            if ($l =~ /^\[(.*)\]/) { $sec = $1; next }
            next unless $sec eq 'Service';
            my ($k, $v) = $l =~ /^\s*([^=]+?)\s*=\s*(.*)$/ or next;
            $v =~ s/%i/$inst/g; $v =~ s/%I/$inst/g; $v =~ s/%n/$n/g; $v =~ s/%%/%/g;
            if ($v eq '' ) { $u{$k} = []; next }
            if ($k eq 'Type' || $k eq 'User' || $k eq 'Group' || $k eq 'PIDFile' || $k eq 'WorkingDirectory') { $u{$k} = [$v] }
            else { push @{$u{$k}}, $v }
        }
        close $fh;
    }
    return \%u;
}

sub exec_lines { my ($u, $k) = @_; return @{$u->{$k} // []} }

sub environment {
    my ($u) = @_;
    my %env = (PATH => '/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin', LANG => 'C.UTF-8');
    for my $e (exec_lines($u, 'Environment')) {
        while ($e =~ /\G\s*(?:"([^"]*)"|(\S+))/gc) {
            my $kv = defined $1 ? $1 : $2;
            $env{$1} = $2 if $kv =~ /^([^=]+)=(.*)$/s;
        }
    }
    for my $f (exec_lines($u, 'EnvironmentFile')) {
        my $opt = $f =~ s/^-//;
        open(my $fh, '<', $f) or do { next if $opt; print STDERR "EnvironmentFile $f: $!\n"; exit 1 };
        while (<$fh>) {
            chomp; next if /^\s*(#|$)/;
            if (/^\s*(?:export\s+)?([A-Za-z_][A-Za-z0-9_]*)=(.*)$/) { my ($k, $v) = ($1, $2); $v =~ s/^"(.*)"$/$1/; $v =~ s/^'(.*)'$/$1/; $env{$k} = $v }
        }
        close $fh;
    }
    return \%env;
}

# systemd's Exec line: prefixes (- @ + ! :), $VAR/${VAR} expansion, quoted words.
sub command_of {
    my ($line, $env) = @_;
    my %flags;
    while ($line =~ s/^([-@+!:])//) { $flags{$1} = 1 }
    my @words;
    while ($line =~ /\G\s*(?:"((?:[^"\\]|\\.)*)"|'([^']*)'|(\S+))/gc) {
        my $w = defined $1 ? $1 : defined $2 ? $2 : $3;
        if (defined $3 && $w =~ /^\$(\w+)$/) { push @words, split(' ', $env->{$1} // ''); next }
        $w =~ s/\$\{(\w+)\}|\$(\w+)/$env->{defined $1 ? $1 : $2} \/\/ ''/ge;
        push @words, $w;
    }
    return (\%flags, \@words);
}

sub run_as {
    my ($u, $env, $words, $background, $svc) = @_;
    my $user = ($u->{User} // [])->[0];
    my $group = ($u->{Group} // [])->[0];
    my @cmd = @$words;
    if ($user && $user ne 'root') {
        my @g = ('--init-groups');
        @g = ('--regid', $group, '--init-groups') if $group;
        @cmd = ('setpriv', '--reuid', $user, @g, '--', @cmd);
    } elsif ($group && $group ne 'root') {
        @cmd = ('setpriv', '--regid', $group, '--clear-groups', '--', @cmd);
    }
    my $pid = fork();
    die "systemctl: fork: $!\n" unless defined $pid;
    if ($pid == 0) {
        %ENV = %$env;
        my $wd = ($u->{WorkingDirectory} // ['/'])->[0]; $wd =~ s/^-//; chdir($wd) or chdir('/');
        if ($background) {
            setsid();
            open(STDIN, '<', '/dev/null');
            my $log = "/var/log/localjuju-$svc.log";
            open(STDOUT, '>>', $log) or open(STDOUT, '>', '/dev/null');
            open(STDERR, '>&', \*STDOUT);
        }
        exec { $cmd[0] } @cmd or do { print STDERR "systemctl: cannot run $cmd[0]: $!\n"; POSIX::_exit(203) };
    }
    return $pid if $background;
    waitpid($pid, 0);
    return $? >> 8;
}

sub read_pid {
    my ($svc) = @_;
    open(my $fh, '<', "$RUN/$svc.pid") or return undef;
    my $p = <$fh>; close $fh; chomp $p if defined $p;
    return $p;
}

sub alive {
    my ($p) = @_;
    return 0 unless $p && kill(0, $p);
    open(my $fh, '<', "/proc/$p/stat") or return 0;
    my $s = <$fh>; close $fh;
    return $s !~ /^\d+ \(.*\) [ZX] /s;
}

sub is_active {
    my ($svc) = @_;
    return 1 if -e "$RUN/$svc.oneshot";
    return alive(read_pid($svc));
}

sub record {
    my ($svc, $pid) = @_;
    open(my $fh, '>', "$RUN/$svc.pid") or die; print $fh "$pid\n"; close $fh;
    open($fh, '>', "$RUN/$svc.owner") or die; print $fh (($ENV{JUJU_UNIT_NAME} // '') . "\n"); close $fh;
}

sub start_unit {
    my ($svc) = @_;
    return 0 if is_active($svc);
    my $u = load($svc);
    my $env = environment($u);
    for my $l (exec_lines($u, 'ExecStartPre')) {
        my ($f, $w) = command_of($l, $env);
        my $r = run_as($u, $env, $w, 0, $svc);
        if ($r != 0 && !$f->{'-'}) {
            print STDERR "Job for $svc failed because the control process exited with error code.\n";
            return 1;
        }
    }
    my $type = $u->{Type}[0];
    my @start = exec_lines($u, 'ExecStart');
    if ($type eq 'oneshot') {
        for my $l (@start) {
            my ($f, $w) = command_of($l, $env);
            my $r = run_as($u, $env, $w, 0, $svc);
            if ($r != 0 && !$f->{'-'}) { print STDERR "Job for $svc failed.\n"; return 1 }
        }
        touch("$RUN/$svc.oneshot") if grep { /^(yes|on|true|1)$/i } exec_lines($u, 'RemainAfterExit');
        open(my $fh, '>', "$RUN/$svc.owner"); print $fh (($ENV{JUJU_UNIT_NAME} // '') . "\n"); close $fh;
        return 0;
    }
    if (!@start) { print STDERR "Failed to start $svc: no ExecStart.\n"; return 1 }
    my ($f, $w) = command_of($start[-1], $env);
    if ($type eq 'forking') {
        my $r = run_as($u, $env, $w, 0, $svc);
        if ($r != 0 && !$f->{'-'}) { print STDERR "Job for $svc failed because the control process exited with error code.\n"; return 1 }
        my $pidfile = ($u->{PIDFile} // [])->[0];
        my $pid;
        for (1 .. 100) {
            if ($pidfile && open(my $fh, '<', $pidfile)) { $pid = <$fh>; close $fh; chomp $pid if $pid; last if $pid }
            select(undef, undef, undef, 0.1);
        }
        if (!$pid) { print STDERR "Job for $svc failed: no PID file $pidfile.\n"; return 1 }
        record($svc, $pid);
        return 0;
    }
    my $pid = run_as($u, $env, $w, 1, $svc);
    record($svc, $pid);
    # Like Type=exec: report a daemon that dies at once (bad config) as a failed start.
    select(undef, undef, undef, 0.3);
    waitpid($pid, WNOHANG);
    if (!alive($pid)) {
        print STDERR "Job for $svc failed because the control process exited with error code.\n"
            . "See /var/log/localjuju-$svc.log on the machine.\n";
        unlink "$RUN/$svc.pid";
        return 1;
    }
    return 0;
}

sub stop_unit {
    my ($svc) = @_;
    my $u = -e "$RUN/$svc.pid" || -e "$RUN/$svc.oneshot" ? eval { load($svc) } : undef;
    my $pid = read_pid($svc);
    if ($u && exec_lines($u, 'ExecStop')) {
        my $env = environment($u);
        $env->{MAINPID} = $pid // '';
        for my $l (exec_lines($u, 'ExecStop')) { my ($f, $w) = command_of($l, $env); run_as($u, $env, $w, 0, $svc) }
    }
    if (alive($pid)) {
        kill 'TERM', $pid;
        for (1 .. 100) { last unless alive($pid); select(undef, undef, undef, 0.1) }
        kill 'KILL', $pid if alive($pid);
    }
    unlink "$RUN/$svc.pid", "$RUN/$svc.oneshot", "$RUN/$svc.owner";
    return 0;
}

sub reload_unit {
    my ($svc) = @_;
    my $u = load($svc);
    if (!is_active($svc)) { print STDERR "Job for $svc failed: unit is not active.\n"; return 1 }
    my @r = exec_lines($u, 'ExecReload');
    if (!@r) { print STDERR "Failed to reload $svc: Job type reload is not applicable for unit $svc.\n"; return 1 }
    my $env = environment($u);
    $env->{MAINPID} = read_pid($svc) // '';
    for my $l (@r) {
        my ($f, $w) = command_of($l, $env);
        my $r = run_as($u, $env, $w, 0, $svc);
        if ($r != 0 && !$f->{'-'}) { print STDERR "Job for $svc failed because the control process exited with error code.\n"; return 1 }
    }
    return 0;
}
