package io.backupcharms.bacula.apply;

import io.backupcharms.bacula.host.Systemctl;

/** {@link ServiceControl} through systemd: {@code systemctl restart bacula-fd}. */
final class SystemctlServiceControl implements ServiceControl {
  private final Systemctl systemctl;

  SystemctlServiceControl(Systemctl systemctl) {
    this.systemctl = systemctl;
  }

  @Override
  public boolean isActive(Daemon daemon) {
    return systemctl.isActive(daemon.unit());
  }

  @Override
  public void start(Daemon daemon) {
    systemctl.start(daemon.unit());
  }

  @Override
  public void restart(Daemon daemon) {
    systemctl.restart(daemon.unit());
  }
}
