package io.backupcharms.bacula.apply;

import io.backupcharms.bacula.BaculaException;
import io.backupcharms.bacula.host.Command;
import io.backupcharms.bacula.host.CommandResult;
import java.time.Duration;
import java.util.List;

/** {@link ServiceControl} through systemd: {@code systemctl restart bacula-fd}. */
final class SystemctlServiceControl implements ServiceControl {
    private final String systemctl;

    SystemctlServiceControl() {
        this("systemctl");
    }

    /** Uses another systemctl program (tests put a recording one in its place). */
    SystemctlServiceControl(String systemctl) {
        this.systemctl = systemctl;
    }

    @Override
    public void restart(Daemon daemon) {
        CommandResult r = Command.of(List.of(systemctl, "restart", daemon.unit()), Duration.ofSeconds(90)).run()
                .requireExited();
        if (r.exitCode() != 0) {
            throw new BaculaException("systemctl restart " + daemon.unit() + " failed (exit code "
                    + r.exitCode() + "): " + r.output().strip() + "; see journalctl -u " + daemon.unit());
        }
    }
}
