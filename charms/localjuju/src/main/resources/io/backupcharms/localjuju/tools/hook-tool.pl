#!/usr/bin/perl
# localjuju hook tool client: one script, linked under every hook tool name. It forwards argv
# (and stdin or a --file for the tools that read one) to the model's agent over its unix socket
# and prints what the agent answers, so a tool call costs a perl start-up and one round trip.
# No modules on purpose: loading Socket.pm, strict and warnings costs 3-10 ms per call, more than
# the round trip itself; the Linux constants below are what Socket.pm would give.
my ($AF_UNIX, $SOCK_STREAM) = (1, 1);

my $tool = $0;
$tool =~ s{.*/}{};
my @args = @ARGV;
my $stdin;
my %reads_file = map { $_ => 1 } qw(relation-set state-set secret-add secret-set);

sub slurp {
    my ($path) = @_;
    open(my $fh, '<', $path) or do { print STDERR "ERROR open $path: $!\n"; exit 1 };
    binmode $fh;
    local $/;
    my $data = <$fh>;
    close $fh;
    return defined $data ? $data : '';
}

sub read_stdin { binmode STDIN; local $/; my $d = <STDIN>; return defined $d ? $d : '' }

if ($reads_file{$tool}) {
    # Files are opened here, inside the machine, where their paths make sense (/tmp is private).
    my @out;
    for (my $i = 0; $i < @args; $i++) {
        my $a = $args[$i];
        if ($a eq '--') { push @out, @args[$i .. $#args]; last }
        if (($a eq '--file' || $a eq '-file') && $i + 1 < @args) {
            my $f = $args[++$i];
            $stdin = $f eq '-' ? read_stdin() : slurp($f);
            push @out, '--file=-';
        } elsif ($a =~ /^--?file=(.*)$/s) {
            $stdin = $1 eq '-' ? read_stdin() : slurp($1);
            push @out, '--file=-';
        } elsif ($a =~ /^([^=#]+)#file=(.*)$/s && ($tool eq 'secret-add' || $tool eq 'secret-set')) {
            push @out, "$1=" . slurp($2);
        } else {
            push @out, $a;
        }
    }
    @args = @out;
}

my $path = $ENV{JUJU_AGENT_SOCKET_ADDRESS};
if (!defined $path || $path eq '') {
    print STDERR "ERROR JUJU_AGENT_SOCKET_ADDRESS is not set: $tool must run inside a hook, action or localjuju exec\n";
    exit 1;
}
socket(my $s, $AF_UNIX, $SOCK_STREAM, 0) or do { print STDERR "ERROR socket: $!\n"; exit 1 };
connect($s, pack('S Z*', $AF_UNIX, $path))
    or do { print STDERR "ERROR cannot reach the localjuju agent at $path: $!\n"; exit 1 };
binmode $s;

sub ns { my $v = shift; $v = '' unless defined $v; return length($v) . ':' . $v . ',' }
my $req = join '', map { ns($_) } ('tool', $ENV{JUJU_CONTEXT_ID}, $tool,
    (defined $stdin ? '1' : '0'), $stdin, @args);
my $off = 0;
while ($off < length $req) {
    my $n = syswrite($s, $req, length($req) - $off, $off);
    die "ERROR write to agent: $!\n" unless defined $n;
    $off += $n;
}
shutdown($s, 1);
my $resp = '';
while (1) {
    my $n = sysread($s, my $buf, 65536);
    die "ERROR read from agent: $!\n" unless defined $n;
    last if $n == 0;
    $resp .= $buf;
}
my @f;
while ($resp =~ /\G(\d+):/gc) {
    my $len = $1;
    my $start = pos($resp);
    push @f, substr($resp, $start, $len);
    pos($resp) = $start + $len + 1;
}
if (@f < 3) { print STDERR "ERROR the localjuju agent closed the connection without an answer\n"; exit 1 }
binmode STDOUT; binmode STDERR;
print STDOUT $f[1];
print STDERR $f[2];
exit $f[0];
