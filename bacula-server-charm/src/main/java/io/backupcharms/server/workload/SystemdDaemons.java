package io.backupcharms.server.workload;

import io.backupcharms.bacula.apply.Daemon;
import io.backupcharms.bacula.host.Command;
import io.backupcharms.bacula.host.CommandResult;
import io.backupcharms.server.apply.DaemonControl;
import java.time.Duration;
import java.util.List;

/** The Debian systemd units of the daemons ({@code bacula-director}, {@code bacula-sd}). */
public final class SystemdDaemons implements DaemonControl {

  @Override
  public boolean isActive(Daemon daemon) {
    return Command.of(List.of("systemctl", "is-active", "--quiet", daemon.unit()), Duration.ofSeconds(30)).run()
        .isSuccess();
  }

  @Override
  public void start(Daemon daemon) {
    Command.of(List.of("systemctl", "enable", daemon.unit()), Duration.ofSeconds(60)).run();
    run("start", daemon);
  }

  @Override
  public void restart(Daemon daemon) {
    run("restart", daemon);
  }

  /** Stops the daemon (no error when it is not running). */
  public void stop(Daemon daemon) {
    Command.of(List.of("systemctl", "stop", daemon.unit()), Duration.ofSeconds(90)).run();
  }

  /** Stops the daemon and keeps a reboot from starting it (a unit that is not the leader). */
  public void stopAndDisable(Daemon daemon) {
    stop(daemon);
    Command.of(List.of("systemctl", "disable", daemon.unit()), Duration.ofSeconds(60)).run();
  }

  private static void run(String verb, Daemon daemon) {
    CommandResult r =
        Command.of(List.of("systemctl", verb, daemon.unit()), Duration.ofSeconds(90)).run();
    if (!r.isSuccess()) {
      throw new IllegalStateException(
          "systemctl " + verb + " " + daemon.unit() + " failed: " + r.tail(3)
              + "; see journalctl -u " + daemon.unit() + " and /var/log/bacula/bacula.log");
    }
  }
}
