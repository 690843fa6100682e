package io.backupcharms.bacula.config;

/** Job types the charms use. */
public enum JobType {
  BACKUP("Backup", 'B'),
  RESTORE("Restore", 'R'),
  VERIFY("Verify", 'V'),
  ADMIN("Admin", 'D');

  private final String bacula;
  private final char letter;

  JobType(String bacula, char letter) {
    this.bacula = bacula;
    this.letter = letter;
  }

  /** The letter the catalog's {@code Job.Type} column holds. */
  public char letter() {
    return letter;
  }

  /** The keyword Bacula reads. */
  public String baculaName() {
    return bacula;
  }
}
