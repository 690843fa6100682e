package io.backupcharms.bacula.apply;

/** The three Bacula daemons, with their Debian binary and systemd unit. */
public enum Daemon {
  DIRECTOR("bacula-dir", "bacula-director"),
  STORAGE("bacula-sd", "bacula-sd"),
  FILE("bacula-fd", "bacula-fd");

  private final String binary;
  private final String unit;

  Daemon(String binary, String unit) {
    this.binary = binary;
    this.unit = unit;
  }

  /** The program name, e.g. {@code bacula-dir}; it lives in {@code /usr/sbin}. */
  public String binary() {
    return binary;
  }

  /** The absolute path of the program on Debian. */
  public String path() {
    return "/usr/sbin/" + binary;
  }

  /** The systemd unit, e.g. {@code bacula-director}. */
  public String unit() {
    return unit;
  }
}
