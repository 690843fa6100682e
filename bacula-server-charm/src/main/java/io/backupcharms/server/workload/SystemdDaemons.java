package io.backupcharms.server.workload;

import io.backupcharms.bacula.apply.Daemon;
import io.backupcharms.server.apply.DaemonControl;
import java.time.Duration;
import java.util.List;

/** The Debian systemd units of the daemons ({@code bacula-director}, {@code bacula-sd}). */
public final class SystemdDaemons implements DaemonControl {

  @Override
  public boolean isActive(Daemon daemon) {
    return Commands.run(
            List.of("systemctl", "is-active", "--quiet", daemon.unit()), Duration.ofSeconds(30))
        .isSuccess();
  }

  @Override
  public void start(Daemon daemon) {
    Commands.run(List.of("systemctl", "enable", daemon.unit()), Duration.ofSeconds(60));
    run("start", daemon);
  }

  @Override
  public void restart(Daemon daemon) {
    run("restart", daemon);
  }

  /** Stops the daemon (no error when it is not running). */
  public void stop(Daemon daemon) {
    Commands.run(List.of("systemctl", "stop", daemon.unit()), Duration.ofSeconds(90));
  }

  /** Stops the daemon and keeps a reboot from starting it (a unit that is not the leader). */
  public void stopAndDisable(Daemon daemon) {
    stop(daemon);
    Commands.run(List.of("systemctl", "disable", daemon.unit()), Duration.ofSeconds(60));
  }

  private static void run(String verb, Daemon daemon) {
    CommandResult r =
        Commands.run(List.of("systemctl", verb, daemon.unit()), Duration.ofSeconds(90));
    if (!r.isSuccess()) {
      throw new IllegalStateException(
          "systemctl "
              + verb
              + " "
              + daemon.unit()
              + " failed: "
              + r.tail(3)
              + "; see journalctl -u "
              + daemon.unit()
              + " and /var/log/bacula/bacula.log");
    }
  }
}
